// SPDX-License-Identifier: MIT
/*
 * libFuzzer target for the readers: arbitrary bytes written to a file and
 * read as an article by whichever reader sniffs it (text, JSON Lines,
 * HTML, RSS/Atom, NITF/NewsML-G2), then through the text stages.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "extract.h"
#include "reader.h"

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

static char fuzz_path[] = "/tmp/quoth-fuzz-reader-XXXXXX";

static void
fuzz_cleanup(void)
{
    unlink(fuzz_path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int fd = -1;
    struct reader_sink sink = {fuzz_article, fuzz_reject, NULL};

    if (fd < 0) {
        if ((fd = mkstemp(fuzz_path)) < 0)
            abort();
        atexit(fuzz_cleanup);
    }
    if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
        abort();
    reader_read(fuzz_path, &sink);
    return 0;
}
