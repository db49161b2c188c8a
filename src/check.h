/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_CHECK_H
#define QUOTH_CHECK_H

/* Checking a claimed quote against the index (issue 8, ux.md 7.1-7.3): a
 * claim in, the quotes that say it (EXACT, NEAR with a word diff,
 * FRAGMENT with what was cut), whom the index credits, the articles that
 * hold it as the reporter's own words, and what was searched, out. Also
 * the variants of a quote (the same or nearly the same words elsewhere,
 * oldest first). For `quoth check`, `quoth variants` and the browser's X
 * and v keys: check_run / check_variants make a result, check_print
 * writes it in a format of CONVENTIONS.md, the browser may draw it from
 * the struct instead. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "index.h"
#include "out.h"

struct q_error;
struct words;

/* Grades, worst first. */
enum check_grade { CHECK_NONE, CHECK_NEAR, CHECK_FRAGMENT, CHECK_EXACT };

/* What the index says of the person --speaker names. */
enum check_verdict {
    CHECK_NOT_ASKED,    /* no --speaker */
    CHECK_CREDITED,     /* a match credits the words to that person */
    CHECK_OTHER,        /* matches credit someone else: a possible
                         * misattribution (others names them) */
    CHECK_NO_ONE,       /* the matches are unattributed */
    CHECK_NOT_FOUND,    /* no quote matches */
};

/* The default NEAR threshold, and the FRAGMENT one. */
#define CHECK_MIN 0.7
#define CHECK_FRAGMENT_MIN 0.9
/* A claim may have at most this many words (a usage error beyond). */
#define CHECK_MAX_WORDS 400

struct check_options {
    const char *speaker;    /* --speaker NAME, or NULL */
    double min;             /* NEAR threshold, in (0, 1] */
    size_t limit;           /* matches kept (the best); 0: all */
};

/* A run of a word diff from the quote to the claim: words both have,
 * words of the quote the claim dropped, words the claim added, words of
 * the quote an ellipsis of the claim stands for. text: as the quote (or
 * the claim, for added words) writes them. */
enum check_op { CHECK_SAME, CHECK_DROPPED, CHECK_ADDED, CHECK_ELIDED };
struct check_piece {
    enum check_op op;
    char *text;
};

struct check_match {
    enum check_grade grade;
    double score;           /* 1 - word edit distance / claim words */
    char id[13];
    char country[3];
    char *quote, *speaker, *role, *source, *title, *date, *url, *path;
    char *key;              /* the speaker's grouping key, or NULL */
    bool credited;          /* --speaker: credited to that person */
    bool first;             /* variants: the first appearance */
    bool conflict;          /* variants: another speaker than the first's */
    struct check_piece *diff;
    size_t ndiff;
    char *before, *after;   /* what the claim cut off the quote, or NULL */
    int64_t qid, group;
};

/* The claim found in an article's text, outside any quote. */
struct check_reporter {
    double score;
    char *title, *source, *date, *url, *path, *excerpt;
};

struct check_result {
    char *claim;            /* as given; variants: the quote's id */
    char *speaker;          /* --speaker, or NULL */
    size_t words;           /* the claim's words, elisions left out */
    double min;
    struct check_match *m;  /* best first (variants: oldest first) */
    size_t n, total;        /* kept, found */
    enum check_verdict verdict;
    char *others;           /* CHECK_OTHER: who ("; "-joined), else NULL */
    struct check_reporter *rep;
    size_t nrep;
    size_t candidates;      /* quotes aligned */
    struct index_coverage cov;
    bool variants;
};

/* Parses a --min value: a number in (0, 1]. Returns 0, or -1. */
int check_parse_min(const char *s, double *min);

/* Checks claim against ix. Returns a result (caller frees with
 * check_result_free), or NULL with err filled: a claim without words or
 * with more than CHECK_MAX_WORDS (*usage set), or an index error. */
struct check_result *check_run(struct index *ix, const char *claim,
                               const struct check_options *o, bool *usage,
                               struct q_error *err);
/* The variants of the quote id (a prefix of at least 4 hex digits):
 * every quote with the same words once folded, or nearly (NEAR at 0.8,
 * or a FRAGMENT either way), oldest first, each with the diff from the
 * first appearance. Returns a result, or NULL with err filled (*usage
 * set for an id that is malformed, names no quote or several). */
struct check_result *check_variants(struct index *ix, const char *id,
                                    bool *usage, struct q_error *err);
void check_result_free(struct check_result *r);
/* True when the words of two quotes (split without elisions) are nearly
 * the same as check_variants grades them, whichever is taken as the
 * claim: the shorter, within the fewest edits of a run of the longer, has
 * at most 1 - 0.8 of its words changed, dropped or added (NEAR at 0.8, or
 * a FRAGMENT). Symmetric; for the variant groups (group.c). */
bool check_near(const struct words *a, const struct words *b);
/* True for a common English word (folded), never a candidate word while
 * rarer ones exist. */
bool check_stopword(const char *w);

/* The grade's name: "EXACT", "NEAR", "FRAGMENT", "NONE". Static. */
const char *check_grade_name(enum check_grade g);
/* Appends m's diff: with color, SGR for dropped (struck, red) and added
 * (underlined, green) words; without, [-dropped-] and {+added+}, and
 * elided words as [...words...]. Sanitized for a terminal. */
void check_diff_text(struct buf *b, const struct check_match *m,
                     bool color);
/* Appends the coverage sentence: "searched N articles and M quotes from
 * S sources, FROM to TO; threshold T". */
void check_coverage_text(struct buf *b, const struct check_result *r);

/* Writes r in format f (text: for people, colour when color; tsv, csv:
 * a row a match, the coverage on a last "# searched" line of its own;
 * jsonl: an object a match, then one with "searched"; json: one
 * envelope; cite: text). Returns 0, or -1 on a write error. */
int check_print(FILE *fp, const struct check_result *r, enum out_format f,
                bool color);

#endif
