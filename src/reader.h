/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_READER_H
#define QUOTH_READER_H

#include "article.h"

/* Largest article accepted, in bytes. */
#define READER_MAX_ARTICLE (32u << 20)

/* Where readers hand what they read. */
struct reader_sink {
    /* Takes the article (the callee frees it). Returns 0, or -1 to stop
     * reading. */
    int (*article)(void *ctx, struct article *a);
    /* An input skipped: its path, its line (0 for a whole file) and why,
     * as a phrase ("binary file, not an article"). */
    void (*reject)(void *ctx, const char *path, long line, const char *why);
    void *ctx;
};

/* Reads path ("-" is stdin; a directory is walked recursively, in name
 * order) with the reader its content calls for, and hands every article to
 * sink. Returns 0 when all was read, 1 when some inputs were rejected (each
 * told to sink->reject), -1 when the sink stopped the run. */
int reader_read(const char *path, const struct reader_sink *sink);

/* Converts raw file bytes to UTF-8: a UTF-8 or UTF-16 byte order mark is
 * honoured, valid UTF-8 kept, anything else read as Windows-1252 (curly
 * quotes from 0x93/0x94), falling back to Latin-1. Caller frees *out.
 * Returns 0, or -1 with *why set to a static phrase. */
int reader_to_utf8(const char *in, size_t n, char **out, size_t *outlen,
                   const char **why);

#endif
