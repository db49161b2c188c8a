/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_READERS_H
#define QUOTH_READERS_H

/* The reader table's entries, for reader.c only. */

#include <stdbool.h>
#include <stdio.h>

#include "reader.h"

/* One format. head holds the first bytes of the input, already read from
 * fp; read() consumes the rest of fp. read() returns as reader_read(). */
struct reader {
    const char *name;
    bool (*sniff)(const char *head, size_t n);
    int (*read)(const char *path, FILE *fp, const char *head, size_t n,
                const struct reader_sink *sink);
};

extern const struct reader reader_feed;
extern const struct reader reader_html;
extern const struct reader reader_jsonl;
extern const struct reader reader_newsxml;
extern const struct reader reader_text;

/* Reads the rest of fp after head into one buffer of at most
 * READER_MAX_ARTICLE bytes. Returns 0; or -1 after telling sink->reject
 * why (the article is too large, or the read failed). Caller frees *out. */
int reader_slurp(const char *path, FILE *fp, const char *head, size_t n,
                 const struct reader_sink *sink, char **out, size_t *size);

/* Makes an article of an HTML page or fragment (format "html"): the text
 * of its content element, one paragraph per block, and the page's
 * metadata. encoding names the bytes' charset, or is NULL to take the
 * page's declaration (else UTF-8 when valid, else Windows-1252). Returns
 * NULL with *why set to a static phrase when there is no text. Caller
 * frees with article_free. */
struct article *html_article(const char *path, const char *html, size_t len,
                             const char *encoding, const char **why);

/* True when the first bytes open with markup: <tag, <! or <? after an
 * optional byte order mark and white space. */
bool reader_markup(const char *head, size_t n);

#endif
