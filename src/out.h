/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_OUT_H
#define QUOTH_OUT_H

#include <stdbool.h>
#include <stdio.h>

#include "article.h"
#include "record.h"

/* The output formats of ../shared/CONVENTIONS.md: name, enum. */
#define OUT_FORMATS(X) \
    X("text", OUT_TEXT)  \
    X("tsv", OUT_TSV)    \
    X("csv", OUT_CSV)    \
    X("jsonl", OUT_JSONL) \
    X("json", OUT_JSON)  \
    X("cite", OUT_CITE)

enum out_format {
#define X(name, e) e,
    OUT_FORMATS(X)
#undef X
    OUT_NFORMATS
};

struct out_options {
    enum out_format format;
    bool color;             /* text only: bold speakers, dim details */
    size_t cols;            /* text only: cut lines to this width; 0 = no cut */
    const char *query;      /* json envelope: the query, or NULL */
    char **inputs;          /* json envelope: what was searched */
    size_t ninputs;
    /* A case's export: the one-line note of quote id (NULL or "" when it
     * has none). When set, jsonl and json records get "note", tsv and csv
     * a last column "note", text a "note:" line; cite has no place. */
    const char *(*note)(void *ctx, const char *id);
    void *note_ctx;
};

struct out;

/* Parses a format name. Returns 0, or -1 when it names none. */
int out_format_parse(const char *name, enum out_format *fmt);
/* A comma-separated list of the format names, for messages. Static. */
const char *out_format_names(void);

/* Starts writing records to fp (which stays the caller's). */
struct out *out_new(FILE *fp, const struct out_options *opts);
/* Writes one record. Returns 0, or -1 on a write error. */
int out_put(struct out *o, const struct record *r);
/* A record sink writing to o. */
struct record_sink out_sink(struct out *o);
/* Ends the output (the json envelope's tail) and flushes. Returns 0, or -1
 * when any write failed. */
int out_finish(struct out *o);
void out_free(struct out *o);

struct buf;
/* Appends s as one cell of f (OUT_TSV: tab, newline and backslash
 * escaped; else csv: RFC 4180, a formula-like cell neutralised),
 * sanitized for a terminal first. For tables other than records. */
void out_cell(struct buf *line, enum out_format f, const char *s);

/* Writes every field of r, one "name: value" line each in the order of
 * CONVENTIONS.md ("-" for null), sanitized for a terminal, for `quoth
 * show`. Returns 0, or -1 on a write error. */
int out_fields(FILE *fp, const struct record *r);

/* Writes an article's body as the reader made it, for `quoth text`:
 * sanitized for a terminal, paragraphs separated by a blank line, ending
 * in a newline; with head, first a line "==> PATH <==" (PATH:LINE for a
 * JSON Lines record). Returns 0, or -1 on a write error. */
int out_body(FILE *fp, const struct article *a, bool head);

#endif
