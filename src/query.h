/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_QUERY_H
#define QUOTH_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "buf.h"

/* The query language of quoth-query(7) (ux.md 5.3): words, "phrases",
 * 'substrings, 'whole words', prefix*, ^ and $ anchors, -, ! and NOT,
 * | and OR, parentheses, fields (speaker:, role:, country:, about:,
 * source:, venue:, date:, since:, until:, article:, id:, file:, is:,
 * method:, conf:, query:), and /regex/. A query is parsed into a tree and the
 * tree written as an SQL expression for index.c, every value a bound
 * parameter; what SQL cannot say (regexes, substrings, whole words, a
 * quote's end) are checks run in C by index.c through query_check on the
 * rows the rest lets through. */

/* A parsed query: an SQL expression over the tables `q` (quotes) and `a`
 * (articles), the FTS5 tables quotes_fts and quotes_tri and the function
 * quoth_match (which calls query_check), every value a `?` bound in order
 * to params. The caller owns it and releases it with query_free. */
struct query {
    char *where;            /* never NULL; "1" for the empty query */
    char **params;
    size_t nparams;
    /* The parameter (an index in params) of an FTS5 MATCH of quotes_fts
     * that every quote found is in, for estimating how many there are;
     * -1 when there is none (no word, or only under NOT or OR). */
    long fts;
    /* An FTS5 expression (for quotes_fts) of the words and phrases that
     * must be in the quote, for highlighting; NULL when there is none. */
    char *highlight;
    /* The query names a saved search and was parsed without a way to
     * look it up (the search then matches nothing): parse it again with
     * a query_env that has lookup. */
    bool saved;
    struct query_run *run;  /* the checks, their counters; opaque */
};

/* What is wrong with a query: a sentence (it may quote bytes of the
 * query: show it through utf8_sanitize) and where, as a byte offset (from
 * 0) into the text parsed; the length of the text when it is at the end
 * (an unclosed quotation mark). query_error_show turns the offset into a
 * screen column. */
struct query_error {
    char msg[256];
    size_t column;
};

/* How a query with an error is shown on one line, with a caret under the
 * error on the next (quoth's stderr, the browser's prompt): appends text
 * to line with every character that would not keep its place made one
 * visible one (utf8_put_visible: a newline as U+240A, an invalid byte as
 * U+FFFD), cut with an ellipsis on either side to at most width columns
 * (never fewer than 20) around the byte offset column. Returns the
 * column in line, counted in display width (CJK and emoji take two), to
 * put the caret at. With width SIZE_MAX nothing is cut: the result is
 * then where column falls in the whole query as shown. */
size_t query_error_show(struct buf *line, const char *text, size_t column,
                        size_t width);

/* Looks up the saved search name. Returns 1 with *text set (caller
 * frees), 0 when there is none by that name, or -1 with msg filled. */
typedef int query_lookup_fn(void *ctx, const char *name, char **text,
                            char *msg, size_t msgsize);

/* What a query is parsed against. */
struct query_env {
    time_t now;                 /* for relative dates; 0: the clock */
    query_lookup_fn *lookup;    /* saved searches; NULL: none yet */
    void *ctx;
};

/* At most this many rows go through each C check (a regex, a substring,
 * a whole word, an end anchor) in one run; more is an error that asks
 * for a narrower query, not a slow scan. */
#define QUERY_SCAN_MAX 100000

/* Parses text. Returns 0, or -1 with err filled: the message and the
 * byte offset to put a caret under (bytes that are not UTF-8; an unknown
 * field, with the nearest known one; a field without a value or with a
 * value it does not take; an unclosed quotation mark, parenthesis or
 * regex; a regex PCRE2 does not compile; a date that is none; a saved
 * search that does not exist; a flag that no part of quoth provides
 * yet). Fast enough to call at every key press. */
int query_parse(const char *text, struct query *q, struct query_error *err);
/* query_parse at a given time and with saved searches; env may be NULL. */
int query_parse_env(const char *text, const struct query_env *env,
                    struct query *q, struct query_error *err);
void query_free(struct query *q);
/* The name of field k, then of each alias ("who"), or NULL past the
 * last: for the browser's completion. */
const char *query_field_name(size_t k);

/* --- Running (for index.c) ---------------------------------------------- */

/* How the WHERE tests the FTS5 conditions: by the set of their rows, which
 * SQLite may then look the quotes up from (q->where, best when they are
 * few); by that set, tested row by row while SQLite walks an index in the
 * order wanted (when they are many); or by asking FTS5 about each row's
 * rowid (when they are most of the quotes). Same rows, other plans. */
enum query_plan { QUERY_PLAN_SET, QUERY_PLAN_FILTER, QUERY_PLAN_PROBE };

/* q->where with its FTS5 conditions written for plan, the parameters the
 * same. Caller frees. */
char *query_where_plan(const struct query *q, enum query_plan plan);

/* True when q has checks run in C: a run may then fail (query_failed),
 * so a caller that prints as it goes counts first (index_count). */
bool query_has_checks(const struct query *q);
/* Readies q for a run: the counters at zero, no error. */
void query_start(const struct query *q);
/* Lowers the number of rows each check may see in a run (tests). */
void query_set_scan_limit(const struct query *q, size_t n);
/* Runs check k (the first argument of quoth_match) on the texts (NULL
 * ones are skipped): 1 when one of them matches, 0 when none does, -1
 * when the check failed (a pattern too complex for the data, or too many
 * rows to check): query_failed then says why and where. */
int query_check(const struct query *q, long k, const char *const *texts,
                const size_t *lens, size_t ntexts);
/* The error that stopped the current run, or NULL. */
const struct query_error *query_failed(const struct query *q);

/* A match in a quote: bytes [start, end). */
struct query_span {
    size_t start, end;
};

/* Appends to *spans (growing it; *n holds the count) where the checks of
 * q that look in the quote text (a /regex/, a 'substring, a 'whole
 * word') match in text[0..len): the same patterns that selected it.
 * Spans of FTS5 words come from index.c (FTS5's highlight()). */
void query_spans(const struct query *q, const char *text, size_t len,
                 struct query_span **spans, size_t *n);

#endif
