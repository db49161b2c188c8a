// SPDX-License-Identifier: MIT
/*
 * libFuzzer target for the text stages: arbitrary bytes through encoding
 * detection, paragraphs, quote spans, attribution and every output format.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "extract.h"
#include "out.h"
#include "reader.h"

static int
fuzz_put(void *ctx, const struct record *r)
{
    struct out **outs = ctx;
    int k;

    for (k = 0; k < OUT_NFORMATS; k++)
        out_put(outs[k], r);
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct out *outs[OUT_NFORMATS];
    struct record_sink sink = {fuzz_put, outs};
    FILE *null = fopen("/dev/null", "w");
    char *text = NULL;
    size_t len = 0;
    const char *why;
    int k;

    if (null == NULL)
        abort();
    for (k = 0; k < OUT_NFORMATS; k++) {
        struct out_options o = {.format = (enum out_format)k, .cols = 40};
        outs[k] = out_new(null, &o);
    }
    if (reader_to_utf8((const char *)data, size, &text, &len, &why) == 0) {
        struct article *a = article_from_text("fuzz.txt", text, len);
        /* Odd first bytes: the first line is also the title, as the HTML
         * and feed readers give one (a statement's author is read there). */
        if (size > 0 && (data[0] & 1) && a->npara > 0) {
            char *t = strndup(a->body + a->paras[0].start,
                              a->paras[0].end - a->paras[0].start);
            article_set(&a->title, t);
            free(t);
        }
        extract_article(a, &sink);
        article_free(a);
    }
    for (k = 0; k < OUT_NFORMATS; k++) {
        out_finish(outs[k]);
        out_free(outs[k]);
    }
    free(text);
    fclose(null);
    return 0;
}
