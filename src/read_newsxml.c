// SPDX-License-Identifier: MIT
/*
 * Reader for NITF and NewsML-G2 news XML.
 * Not written yet: the sniffer claims nothing.
 */
#include "readers.h"

static bool
read_newsxml_sniff(const char *head, size_t n)
{
    (void)head;
    (void)n;
    return false;
}

static int
read_newsxml_read(const char *path, FILE *fp, const char *head, size_t n,
               const struct reader_sink *sink)
{
    (void)fp;
    (void)head;
    (void)n;
    sink->reject(sink->ctx, path, 0, "newsxml is not read yet");
    return 1;
}

const struct reader reader_newsxml = {
    .name = "newsxml",
    .sniff = read_newsxml_sniff,
    .read = read_newsxml_read,
};
