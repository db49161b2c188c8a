/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_INDEX_H
#define QUOTH_INDEX_H

/* The quote index lives in SQLite with FTS5; this module is the only one
 * that talks to SQLite. One file: articles (metadata, extracted body,
 * paragraphs), the files they were found in (locations), their quotes
 * with every record field, a full-text table over quote, speaker and role,
 * the speakers' grouping keys, and the corrections of `quoth fix` and
 * `quoth alias`. The schema is in index.c and in quoth(1), FILES. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "record.h"

struct q_error;
struct query;
struct query_span;
struct index;

/* Version of the schema, in PRAGMA user_version. */
#define INDEX_SCHEMA 4

/* Checks that the SQLite quoth runs with has FTS5. Returns 0, or -1 with
 * err filled ("SQLite 3.x.y was built without FTS5 ..."). */
int index_check_sqlite(struct q_error *err);
/* The SQLite library's version, for `quoth version`. Static. */
const char *index_sqlite_version(void);
/* What extracted the records: QUOTH_VERSION and the extractor's rules
 * version ("0.1.0+r1"). Static. */
const char *index_extractor(void);

/* The index to use: $QUOTH_DB, else $XDG_DATA_HOME/quoth/index.db, else
 * ~/.local/share/quoth/index.db. With create_dir, makes the directory
 * (mode 0700) when missing. Returns a new string (caller frees), or NULL
 * with err filled. */
char *index_default_path(bool create_dir, struct q_error *err);

/* Opens the index at path: to write (created when missing, WAL mode), or
 * to read (it must exist). Returns NULL with err filled when the file is
 * missing (read), read-only (write), not an SQLite database, corrupt, of a
 * newer schema, or not a quoth index; nothing is written to such a file.
 * Every failure of this module means exit status 4 to the caller. */
struct index *index_open(const char *path, bool write, struct q_error *err);
void index_close(struct index *ix);

/* --- Writing: one writer; each article in its own transaction. ---------- */

/* 1 when the file at abspath was indexed whole, with these bytes (hash, of
 * hash_sha256_file) and by this extractor: it can be skipped. 0 when not;
 * -1 with err filled on a database error. Any connection, read or write;
 * one connection per thread. */
int index_file_current(struct index *ix, const char *abspath,
                       const char *hash, struct q_error *err);
/* Starts (re)indexing the file at abspath (path as given): what it held
 * before stops being located there. Returns 0 or -1. */
int index_file_begin(struct index *ix, const char *abspath,
                     const char *path, struct q_error *err);

enum index_outcome {
    INDEX_NEW,          /* a new article, and its quotes */
    INDEX_LOCATION,     /* already indexed: one more location of it */
    INDEX_UPDATED,      /* indexed before, re-extracted or changed */
};

/* Stores article a, the item-th (from 0) of the current file, and its n
 * records, in one transaction. An article whose canonical URL, GUID or
 * body hash is already indexed is recorded as another location instead,
 * unless it is the same article changed or indexed by an older extractor:
 * then its quotes are replaced. Returns 0 (*how says which), or -1. */
int index_add(struct index *ix, const struct article *a, size_t item,
              const struct record *recs, size_t n, enum index_outcome *how,
              struct q_error *err);
/* Ends the current file: drops the articles it alone held before and no
 * longer does; when complete (every article of it is in, none rejected)
 * records its hash, mtime and size, so that it is skipped next time.
 * Returns 0 or -1. */
int index_file_end(struct index *ix, const char *hash, int64_t mtime_ns,
                   int64_t size, bool complete, struct q_error *err);
/* Drops the files that no longer exist and the articles found only in
 * them; then any article left without a location. *files gets how many
 * files went. Returns 0 or -1. */
int index_prune(struct index *ix, bool files_too, size_t *files,
                struct q_error *err);

/* After a run that wrote: merges the full-text index into one segment
 * when it has grown many (searches that probe it by rowid stay fast).
 * One transaction; a few seconds at a million quotes. Returns 0 or -1. */
int index_tidy(struct index *ix, struct q_error *err);

/* --- Reading ------------------------------------------------------------ */

enum index_sort { INDEX_SORT_DATE_DESC, INDEX_SORT_DATE, INDEX_SORT_SPEAKER };

/* Hands sink the records q matches, sorted, at most limit (0: all). Each
 * record's article is borrowed for the call and carries metadata and the
 * first location as path, not the body. Returns the number handed on, or
 * -1 with err filled (a database error), or -2 when the sink stopped, or
 * -3 when a check of the query failed (a pattern too complex, too many
 * quotes to check): query_failed(q) has the message and the column. */
long index_search(struct index *ix, const struct query *q,
                  enum index_sort sort, size_t limit,
                  const struct record_sink *sink, struct q_error *err);
/* For tests and benchmarks: how index_search finds the first limit quotes
 * by -date: -1 (the default) as the counts say; a QUERY_PLAN_* of query.h;
 * INDEX_PLAN_ONE, one statement that sorts every quote q matches; or
 * INDEX_PLAN_RUSH, the walks on no time at all (interrupted), then the
 * set. The quotes found are the same. */
#define INDEX_PLAN_ONE 3
#define INDEX_PLAN_RUSH 4
void index_set_plan(struct index *ix, int plan);
/* The number of quotes q matches, or -1 (err filled), or -3 as
 * index_search. */
long index_count(struct index *ix, const struct query *q,
                 struct q_error *err);
/* Hands sink the quotes whose id is id or begins with it (at least 4 hex
 * digits; a leading "quoth:" is ignored), with their article's body and
 * paragraphs. Returns as index_search. */
long index_show(struct index *ix, const char *id,
                const struct record_sink *sink, struct q_error *err);

struct index_stats {
    int64_t articles, quotes, speakers, countries, sources, files,
        locations, overrides;
    char date_min[32], date_max[32];    /* "" when no article has a date */
    int64_t bytes;                       /* the file, and its WAL */
    char extractor[64];                  /* the newest that indexed */
    int schema;
};

/* Counts what the index holds. Returns 0 or -1. */
int index_stats(struct index *ix, const char *path, struct index_stats *st,
                struct q_error *err);

enum index_facet { INDEX_PEOPLE, INDEX_COUNTRIES, INDEX_SOURCES };

/* Calls row() for each value of the facet among the quotes q matches
 * (every quote when q is NULL; -3 as index_search), most quotes first: people by grouping key
 * with the most used written form as value and every form in forms
 * ("; "-joined); countries by code with the English name in forms;
 * sources by outlet (or domain). Returns the number of rows, or -1. */
long index_facet(struct index *ix, enum index_facet f, const struct query *q,
                 void (*row)(void *ctx, const char *value, int64_t count,
                             const char *forms),
                 void *ctx, struct q_error *err);

/* The browser's timeline: calls row() for each month ("YYYY-MM"; NULL
 * for quotes without a date, last) with the number of quotes q matches
 * in it (every quote when q is NULL), counting at most budget + 1 quotes
 * so that it is bounded on any index; *cut tells that there were more
 * than budget (the counts are then lower bounds). Returns the number of
 * rows, or -1 (err filled), or -3 as index_search. */
long index_timeline(struct index *ix, const struct query *q, size_t budget,
                    void (*row)(void *ctx, const char *month, int64_t count),
                    void *ctx, bool *cut, struct q_error *err);

/* What the browser's prompt completes (Tab). */
enum index_complete { INDEX_C_SPEAKER, INDEX_C_COUNTRY, INDEX_C_SOURCE,
                      INDEX_C_SAVED };
/* Calls row() for at most limit values of what that begin with prefix
 * (ignoring ASCII case; for speakers, a word of the name), in order:
 * speakers as written, country codes, sources, saved search names. Each
 * a bounded query (index seeks, or a scan of the sources or the saved
 * searches only). Returns how many, or -1. */
long index_complete(struct index *ix, enum index_complete what,
                    const char *prefix, size_t limit,
                    void (*row)(void *ctx, const char *value), void *ctx,
                    struct q_error *err);

/* Where q matches in the quote with this id (12 hex digits): the words
 * and phrases by FTS5's own highlight(), the patterns ('substring,
 * 'word', /regex/) by the PCRE2 code that checked them. Sets *spans
 * (caller frees) to byte ranges of the quote text, sorted, overlaps
 * merged. Returns how many (0 too when no quote has the id), or -1. */
long index_spans(struct index *ix, const struct query *q, const char *id,
                 struct query_span **spans, struct q_error *err);

/* --- Saved searches (query:NAME) ----------------------------------------- */

/* Saves text as the search name (replacing one of that name). Returns 0
 * or -1. */
int index_query_save(struct index *ix, const char *name, const char *text,
                     struct q_error *err);
/* Removes the saved search name: 1 when it was there, 0 when not, -1. */
int index_query_remove(struct index *ix, const char *name,
                       struct q_error *err);
/* Looks up the saved search name: 1 with *text (caller frees), 0 when
 * there is none, -1 on error. */
int index_query_get(struct index *ix, const char *name, char **text,
                    struct q_error *err);
/* index_query_get as a query_lookup_fn (query.h): ctx is the index. */
int index_query_lookup(void *ctx, const char *name, char **text, char *msg,
                       size_t msgsize);
/* Calls row() for each saved search, by name. Returns how many, or -1. */
long index_query_list(struct index *ix,
                      void (*row)(void *ctx, const char *name,
                                  const char *text),
                      void *ctx, struct q_error *err);

/* --- Corrections (overrides with method "manual") ------------------------ */

enum index_fix { INDEX_FIX_SPEAKER, INDEX_FIX_NONE, INDEX_FIX_COUNTRY };

/* Stores a correction of the quote id (or a prefix of it, at least 4 hex
 * digits): its speaker is value, or there is none, or its country is the
 * code value; its method becomes "manual". Applied now and after every
 * re-indexing. Returns 1 when applied, 0 when no quote has that id, -1
 * (err filled) when the id is malformed or ambiguous, or on error. */
int index_fix(struct index *ix, const char *id, enum index_fix what,
              const char *value, struct q_error *err);
/* Stores that the written form is the person name: quotes whose speaker
 * has form's key are grouped under name's. Returns the number of quotes
 * it regrouped, or -1. */
long index_alias(struct index *ix, const char *form, const char *name,
                 struct q_error *err);
/* Calls row() for each correction: kind "fix" (target a quote id) or
 * "alias" (target a written form), and what it sets. Returns how many, or
 * -1. */
long index_overrides(struct index *ix,
                     void (*row)(void *ctx, const char *kind,
                                 const char *target, const char *what),
                     void *ctx, struct q_error *err);

/* --- Checking claims (check.c; schema 3: variants) ------------------------ */

/* What a check searched, for its coverage line. */
struct index_coverage {
    int64_t articles, quotes, sources;
    char date_min[32], date_max[32];    /* "" when no article has a date */
};

/* Counts what check searches: every article and quote. Returns 0 or -1. */
int index_coverage(struct index *ix, struct index_coverage *c,
                   struct q_error *err);

/* A quote found for a check: the record (article metadata, no body), its
 * row id, its speaker's grouping key (NULL when none) and the hash of its
 * words (words_hash; 0 when not known). Borrowed for the call. */
struct index_hit {
    const struct record *r;
    int64_t qid;
    const char *key;
    int64_t group;
};
/* Called for each hit; returns 0, or -1 to stop. */
typedef int index_hit_fn(void *ctx, const struct index_hit *h);

enum index_cand {
    INDEX_CAND_MATCH,   /* text: an FTS5 expression; the best by bm25 */
    INDEX_CAND_GROUP,   /* num: a words_hash; oldest first */
    INDEX_CAND_ID,      /* text: an id GLOB ("3fa2*") */
    INDEX_CAND_VARIANTS,    /* num: a qid; it and its variant group,
                             * oldest first (schema 4) */
};

/* Hands fn at most limit quotes found the way how says. Returns how
 * many, or -1 with err filled (an FTS5 expression it cannot parse, a
 * database error). */
long index_candidates(struct index *ix, enum index_cand how,
                      const char *text, int64_t num, size_t limit,
                      index_hit_fn *fn, void *ctx, struct q_error *err);
/* Hands fn the articles whose body matches the FTS5 expression expr (of
 * single words: articles_fts keeps no positions), at most limit, in no
 * order: title, source, domain, url, date, path and body, borrowed for
 * the call. Returns how many, or -1. */
long index_bodies(struct index *ix, const char *expr, size_t limit,
                  int (*fn)(void *ctx, const struct article *a), void *ctx,
                  struct q_error *err);
/* A speaker's card (`quoth speaker`, ux.md 7.4), among the quotes q
 * matches: each role as written (the first spelling of each, case
 * folded), each country, each month (value "2024-03"), each written form
 * of the name (speaker and speaker_as_written, pronouns left out). */
enum index_card {
    INDEX_CARD_ROLES, INDEX_CARD_COUNTRIES, INDEX_CARD_MONTHS,
    INDEX_CARD_FORMS,
};
/* value; the first and last date it was used (NULL for months and
 * forms); in how many articles (0 for forms) and quotes. */
typedef void index_card_fn(void *ctx, const char *value, const char *from,
                           const char *to, int64_t articles,
                           int64_t quotes);
/* Calls row for each, oldest first (forms: the most used first). Returns
 * how many, or -1. q must have no checks in C (a plain speaker:). */
long index_card(struct index *ix, enum index_card what,
                const struct query *q, index_card_fn *row, void *ctx,
                struct q_error *err);
/* How many quotes the FTS5 expression expr matches, counting no further
 * than cap (a cheap measure of how rare a word is). Returns it, or -1. */
long index_term_docs(struct index *ix, const char *expr, size_t cap,
                     struct q_error *err);
/* Whether quote qid's words (its variant group) are credited to more
 * than one speaker, as is:conflict finds: two lookups by key. Returns 1,
 * 0 (also for a quote it does not have), or -1. */
int index_conflict(struct index *ix, int64_t qid, struct q_error *err);
/* The grouping key the index gives the name (speaker_key, through `quoth
 * alias`). Caller frees; NULL for a name without letters, or on error
 * (err filled). */
char *index_speaker_group(struct index *ix, const char *name,
                          struct q_error *err);

/* --- Browsing (ui/browse.c) ---------------------------------------------- */

/* Where a row sits in a sort: the sort column's value (NULL when the
 * row has none; those come last) and what breaks ties (the article and
 * the quote's place in it for the date sorts, the rowid for the speaker
 * sort); qid is the quote's rowid. Borrowed in callbacks; the browser
 * copies what it keeps. */
struct index_key {
    char *val;
    int64_t qid;
    int64_t tie[2];
};

/* Called for each row of a page with the row's key; returns 0, or -1 to
 * stop. Both are borrowed for the call. */
typedef int index_page_fn(void *ctx, const struct record *r,
                          const struct index_key *k);

/* Hands put at most limit rows of q in sort's order, after from (from
 * the first when NULL), or with back the rows before from (from the last
 * when NULL), nearest first; with incl, the row at from too. Keyset
 * pagination: any page costs about the same, however deep. Returns the
 * number handed on, or as index_search. */
long index_page(struct index *ix, const struct query *q,
                enum index_sort sort, const struct index_key *from,
                bool back, bool incl, size_t limit, index_page_fn *put,
                void *ctx, struct q_error *err);
/* Hands sink every quote of the article that holds quote id, in order,
 * with the article's body and paragraphs. Returns as index_search. */
long index_article_quotes(struct index *ix, const char *id,
                          const struct record_sink *sink,
                          struct q_error *err);
/* Calls stop(ctx) every few thousand steps of what ix runs; when it
 * returns non-zero the statement fails (as interrupted). NULL: no more. */
void index_progress(struct index *ix, int (*stop)(void *ctx), void *ctx);
/* Stops what ix is running (from another thread): it fails at once. */
void index_interrupt(struct index *ix);
/* A number that changes when another connection commits to the file
 * (PRAGMA data_version), or -1. */
int64_t index_data_version(struct index *ix);

/* Marks (on) or unmarks quote id in the case file name, with note (NULL
 * keeps the one it has), and saves the case's ids as the saved search
 * name, so that @name reopens it. Needs ix open to write. Returns 0 or
 * -1. */
int index_case_mark(struct index *ix, const char *name, const char *id,
                    const char *note, bool on, struct q_error *err);
/* Calls row() for each quote in case name, oldest mark first. Returns
 * how many (0 when no case was ever made), or -1. */
long index_case_marks(struct index *ix, const char *name,
                      void (*row)(void *ctx, const char *id,
                                  const char *note),
                      void *ctx, struct q_error *err);

/* --- Variant groups (schema 4): kept by group.c, stored here. ---------- */

/* A grouper: groups or links up to max waiting quotes (group.c).
 * Returns how many it did, or -1 with err filled. */
typedef long index_group_fn(void *ctx, struct index *ix, size_t max,
                            struct q_error *err);
/* Sets the grouper the writer runs inside each transaction that stores
 * or drops quotes (index_add, index_file_end, index_prune), so that the
 * groups are committed with the quotes. NULL: the quotes wait (in
 * vgroups_todo) for a writer that has one. */
void index_set_grouper(struct index *ix, index_group_fn *fn, void *ctx);
/* Runs fn (ctx NULL) on what waits, batch quotes a transaction, until
 * nothing does, calling progress after each (non-zero: stop; what was
 * committed stays). near: what waits is vgroups_near, else vgroups_todo
 * and vgroups_dirty (for the count progress is given). 0 or -1. */
int index_group_catch_up(struct index *ix, index_group_fn *fn, bool near,
                         size_t batch,
                         int (*progress)(void *ctx, int64_t done,
                                         int64_t total),
                         void *ctx, struct q_error *err);
/* How many wait: near, for their near variants; else to be grouped, or
 * groups to be settled. -1 on error. */
int64_t index_group_pending(struct index *ix, bool near);

/* A quote as the grouper sees it: its row id, article, group (0: none
 * yet), words_hash (0: no words) and text. Borrowed for the call. */
struct index_gquote {
    int64_t qid, article, group, h;
    const char *quote;
};
/* Called for each; returns 0, or -1 to stop. */
typedef int index_gquote_fn(void *ctx, const struct index_gquote *q);
/* Up to max quotes waiting for a group, oldest qid first, into qids. */
long index_group_todo(struct index *ix, int64_t *qids, size_t max,
                      struct q_error *err);
/* Up to max grouped quotes whose near variants are to be looked for,
 * oldest qid first. */
long index_group_near(struct index *ix, int64_t *qids, size_t max,
                      struct q_error *err);
/* Marks quote qid as waiting for its near variants (wait), or done. */
int index_group_near_set(struct index *ix, int64_t qid, bool wait,
                         struct q_error *err);
/* Up to max groups that lost a quote, into gs. */
long index_group_dirty(struct index *ix, int64_t *gs, size_t max,
                       struct q_error *err);
/* Hands fn the quote qid; the members of group g, by qid; among the best
 * limit (bm25) of the FTS5 expression expr, the quotes of other articles
 * than article, one a wording (words_hash), the best first, at most
 * wordings, as committed before the writer's transaction (read on a
 * connection of their own; group 0: index_group_of says). Each returns
 * how many, or -1. */
long index_group_quote(struct index *ix, int64_t qid, index_gquote_fn *fn,
                       void *ctx, struct q_error *err);
long index_group_members(struct index *ix, int64_t g, index_gquote_fn *fn,
                         void *ctx, struct q_error *err);
long index_group_candidates(struct index *ix, const char *expr,
                            size_t limit, int64_t article, size_t wordings,
                            index_gquote_fn *fn, void *ctx,
                            struct q_error *err);
/* The group of a grouped quote whose words hash to h, 0 when none, or
 * -1. */
int64_t index_group_of_words(struct index *ix, int64_t h,
                             struct q_error *err);
/* The group of quote qid, 0 when it waits for one, or -1. */
int64_t index_group_of(struct index *ix, int64_t qid, struct q_error *err);
/* Puts quote qid in group g (it stops waiting). 0 or -1. */
int index_group_set(struct index *ix, int64_t qid, int64_t g,
                    struct q_error *err);
/* Puts waiting quote qid in group g (g == qid: a new group), keeping
 * the group's key and conflict up to date in one step. 0 or -1. */
int index_group_join(struct index *ix, int64_t qid, int64_t g,
                     struct q_error *err);
/* Moves every member of group from into group into, with its key and
 * conflict. 0 or -1. */
int index_group_merge(struct index *ix, int64_t from, int64_t into,
                      struct q_error *err);
/* Marks group g settled and counts its key and conflict (whether its
 * quotes credit two or more speaker keys) from its members. 0 or -1. */
int index_group_done(struct index *ix, int64_t g, struct q_error *err);

#endif
