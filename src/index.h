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
#define INDEX_SCHEMA 2

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

#endif
