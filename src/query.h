/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_QUERY_H
#define QUOTH_QUERY_H

#include <stddef.h>

/* The query language, reduced to what the index needs first: bare words
 * and "phrases" (all of them, in the quote, the speaker or the role),
 * speaker:NAME (any written form, by the grouping key of speaker.h),
 * country:CC (a code, a country's name or its demonym) and source:NAME
 * (outlet or domain). The same field given twice is ORed, different
 * fields and words are ANDed; an empty query matches every quote.
 * Issue 6 (the full query language of ux.md 5.3) replaces query_parse and
 * keeps this interface: a WHERE fragment and its bound parameters. */

/* A parsed query: an SQL expression over the tables `q` (quotes) and `a`
 * (articles) and the FTS5 table `quotes_fts`, every value a `?` bound in
 * order to params. Plain strings: the caller owns them via query_free. */
struct query {
    char *where;            /* never NULL; "1" for the empty query */
    char **params;
    size_t nparams;
};

/* What is wrong with a query, and the byte column (from 0) it starts at. */
struct query_error {
    char msg[256];
    size_t column;
};

/* Parses text. Returns 0, or -1 with err filled (the query is malformed:
 * an unknown field, a field with no value, an unclosed quotation mark,
 * an unknown country). */
int query_parse(const char *text, struct query *q, struct query_error *err);
void query_free(struct query *q);

#endif
