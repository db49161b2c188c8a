// SPDX-License-Identifier: MIT
/*
 * Reader for plain text: a whole file in any of the encodings reader.c
 * knows, out as one article (paragraphs by article_from_text).
 */
#include <stdlib.h>
#include <string.h>

#include "readers.h"

/* Text is anything that does not open with markup (<tag, <!, <?). */
static bool
read_text_sniff(const char *head, size_t n)
{
    return !reader_markup(head, n);
}

static int
read_text_read(const char *path, FILE *fp, const char *head, size_t n,
               const struct reader_sink *sink)
{
    char *raw = NULL, *text = NULL;
    size_t rawlen = 0, len = 0;
    const char *bad = NULL;
    struct article *a;
    int rc = 1;

    if (reader_slurp(path, fp, head, n, sink, &raw, &rawlen) < 0)
        goto out;
    if (reader_to_utf8(raw, rawlen, &text, &len, &bad) < 0) {
        sink->reject(sink->ctx, path, 0, bad);
        goto out;
    }
    a = article_from_text(path, text, len);
    if (a->npara == 0) {
        article_free(a);
        sink->reject(sink->ctx, path, 0, "no text in file");
        goto out;
    }
    rc = sink->article(sink->ctx, a) < 0 ? -1 : 0;
out:
    free(raw);
    free(text);
    return rc;
}

const struct reader reader_text = {
    .name = "text",
    .sniff = read_text_sniff,
    .read = read_text_read,
};
