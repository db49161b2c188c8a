/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_INDEXER_H
#define QUOTH_INDEXER_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct index;
struct q_error;

/* What `quoth index` does: paths in, the index filled. Workers read and
 * extract files in parallel; the caller's thread writes, one article a
 * transaction, in the order the files were listed (so the index is the
 * same whatever the number of workers). */
struct indexer_options {
    const char *db;             /* the index's path: workers read it too */
    char **paths;               /* files, directories, "-" */
    size_t npaths;
    unsigned jobs;              /* workers, at least 1 */
    bool prune;                 /* drop what was indexed from gone files */
    /* Set (by a signal handler) to stop: what is committed stays. */
    volatile sig_atomic_t *stop;
};

struct indexer_report {
    size_t files, files_done;   /* listed; read or skipped so far */
    size_t unchanged;           /* skipped: same bytes, same extractor */
    size_t rejected;            /* inputs rejected, each told to reject() */
    size_t added, updated, located;     /* articles: new, replaced, seen */
    size_t quotes;              /* quotes stored */
    int64_t bytes, bytes_done;  /* sizes of the files listed; done so far */
    size_t pruned;              /* files dropped by prune */
    double seconds;
};

struct indexer_callbacks {
    /* An input skipped: path, line (0 for a whole file), why. */
    void (*reject)(void *ctx, const char *path, long line, const char *why);
    /* Called now and then (about ten times a second, between articles
     * too) and at the end. */
    void (*progress)(void *ctx, const struct indexer_report *r);
    void *ctx;
};

/* Indexes o->paths into ix (opened to write). Returns 0 when all went in,
 * 1 when some inputs were rejected, 2 when stopped by o->stop, -1 with err
 * filled on an index error (the run stops; what was committed stays). rep
 * holds the counts in every case. */
int indexer_run(struct index *ix, const struct indexer_options *o,
                const struct indexer_callbacks *cb,
                struct indexer_report *rep, struct q_error *err);

#endif
