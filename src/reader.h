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

/* A file that reader_list found, with what its directory's manifest.jsonl
 * says of it (each NULL when it says nothing). A plain value record: every
 * field is owned. */
struct reader_file {
    char *path;
    char *url, *title, *date, *source;
};

/* Walks path as reader_read does (in the same order, skipping the same
 * names, telling sink->reject the same problems) without reading the files:
 * hands each file it would read to found(), which takes it (the callee
 * frees it with reader_file_free). "-" is handed on as itself. Returns 0,
 * or 1 when something was rejected. sink->article is not called. */
int reader_list(const char *path,
                void (*found)(void *ctx, struct reader_file *f),
                const struct reader_sink *sink);
/* Reads one file reader_list found as reader_read would have read it
 * there, its manifest data filling what its articles lack. Returns as
 * reader_read. Safe to call from several threads at once, once
 * reader_init() has run. */
int reader_read_file(const struct reader_file *f,
                     const struct reader_sink *sink);
void reader_file_free(struct reader_file *f);
/* Sets up the XML parser; call once, before threads read in parallel
 * (libxml2 2.9 does not lock its own initialisation). */
void reader_init(void);

/* Converts raw file bytes to UTF-8: a UTF-8 or UTF-16 byte order mark is
 * honoured, valid UTF-8 kept, anything else read as Windows-1252 (curly
 * quotes from 0x93/0x94), falling back to Latin-1. Caller frees *out.
 * Returns 0, or -1 with *why set to a static phrase. */
int reader_to_utf8(const char *in, size_t n, char **out, size_t *outlen,
                   const char **why);

#endif
