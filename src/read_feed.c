// SPDX-License-Identifier: MIT
/*
 * Reader for RSS 2.0 and Atom feeds: one article per item, streamed.
 * Not written yet: the sniffer claims nothing.
 */
#include "readers.h"

static bool
read_feed_sniff(const char *head, size_t n)
{
    (void)head;
    (void)n;
    return false;
}

static int
read_feed_read(const char *path, FILE *fp, const char *head, size_t n,
               const struct reader_sink *sink)
{
    (void)fp;
    (void)head;
    (void)n;
    sink->reject(sink->ctx, path, 0, "feed is not read yet");
    return 1;
}

const struct reader reader_feed = {
    .name = "feed",
    .sniff = read_feed_sniff,
    .read = read_feed_read,
};
