// SPDX-License-Identifier: MIT
/*
 * libFuzzer target for one reader, named at build time by FUZZ_READER
 * (reader_text, reader_jsonl, reader_html, reader_feed, reader_newsxml):
 * arbitrary bytes go straight to that reader, past the sniffers, so each
 * format's parser meets input it would never be handed otherwise; the
 * articles then go through the text stages.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "extract.h"
#include "readers.h"

static int
fuzz_put(void *ctx, const struct record *r)
{
    (void)ctx;
    (void)r;
    return 0;
}

static int
fuzz_article(void *ctx, struct article *a)
{
    struct record_sink sink = {fuzz_put, NULL};

    (void)ctx;
    extract_article(a, &sink);
    article_free(a);
    return 0;
}

static void
fuzz_reject(void *ctx, const char *path, long line, const char *why)
{
    (void)ctx;
    (void)path;
    (void)line;
    (void)why;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct reader_sink sink = {fuzz_article, fuzz_reject, NULL};
    char head[4096];
    size_t n;
    FILE *fp;

    if (size == 0)
        return 0;
    fp = fmemopen((void *)data, size, "rb");
    if (fp == NULL)
        abort();
    n = fread(head, 1, sizeof head, fp);
    FUZZ_READER.read("fuzz.in", fp, head, n, &sink);
    fclose(fp);
    return 0;
}
