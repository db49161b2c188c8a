/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_RECORD_H
#define QUOTH_RECORD_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"
#include "quote.h"

/* Offsets that the record does not know (inherited evidence). */
#define RECORD_NONE ((size_t)-1)
#define RECORD_MAX_MENTIONS 16

/* One quote with its attribution and provenance: the record of
 * ../shared/CONVENTIONS.md that extract prints and the index stores. A plain
 * value record: strings are owned (record_clear frees them) and NULL where
 * not known; the article is borrowed. */
struct record {
    char id[13];
    char *quote;
    enum quote_kind kind;
    char *speaker;
    char *speaker_as_written;
    char *role;
    char country[3];            /* "" when not known */
    char mentions[RECORD_MAX_MENTIONS][3];
    size_t nmentions;
    char *cue;
    char *venue;
    const char *method;         /* static; NULL when unattributed */
    double confidence;          /* meaningful when method is set */
    size_t start, end;
    size_t speaker_start, speaker_end, cue_start, cue_end;
    char from[13];              /* "" unless the speaker was inherited */
    size_t para;                /* from 1 */
    const struct article *article;
};

/* The canonical form of a URL (see record.c), NULL when it is not an
 * http(s) URL. Caller frees. */
char *record_canon_url(const char *url);

/* The record's id: 12 hex digits of SHA-256(canonical URL else path
 * lexically normalised, quote text folded, occurrence of that text in the
 * article from 1). */
void record_make_id(char id[13], const struct article *a, const char *quote,
                    size_t len, unsigned occurrence);
/* Frees the owned strings and zeroes the record. */
void record_clear(struct record *r);
/* "speech" or "term". */
const char *record_kind_name(enum quote_kind kind);

/* Where records go: extract prints them, index stores them, tests collect
 * them. put() borrows r for the call; it returns 0, or -1 to stop. */
struct record_sink {
    int (*put)(void *ctx, const struct record *r);
    void *ctx;
};

#endif
