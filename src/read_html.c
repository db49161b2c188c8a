// SPDX-License-Identifier: MIT
/*
 * Reader for HTML pages: the article body (not navigation, scripts, asides, comments) and its metadata, through libxml2's HTML parser without network.
 * Not written yet: the sniffer claims nothing.
 */
#include "readers.h"

static bool
read_html_sniff(const char *head, size_t n)
{
    (void)head;
    (void)n;
    return false;
}

static int
read_html_read(const char *path, FILE *fp, const char *head, size_t n,
               const struct reader_sink *sink)
{
    (void)fp;
    (void)head;
    (void)n;
    sink->reject(sink->ctx, path, 0, "html is not read yet");
    return 1;
}

const struct reader reader_html = {
    .name = "html",
    .sniff = read_html_sniff,
    .read = read_html_read,
};
