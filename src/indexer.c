// SPDX-License-Identifier: MIT
/*
 * The indexing pipeline: paths in, the index filled. The files are listed
 * first (reader_list); N worker threads each take the next file, skip it
 * when the index has it as it is, else read it and extract its articles;
 * the calling thread writes, taking the files in listed order. Memory is
 * bounded: a worker waits when it runs too far ahead of the writer, or
 * when the articles of its file wait unwritten.
 */
#include "indexer.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "error.h"
#include "extract.h"
#include "hash.h"
#include "index.h"
#include "reader.h"
#include "xmalloc.h"

/* Articles a file may have waiting for the writer. */
#define INDEXER_QUEUE 8

enum item_kind {
    IT_BEGIN,       /* the file will be read: abspath, hash, mtime, size */
    IT_ARTICLE,     /* an article and its records */
    IT_REJECT,      /* an input rejected: path, line, why */
    IT_END,         /* the file is read (complete unless rejects) */
    IT_SKIP,        /* the file is indexed as it is */
};

struct item {
    enum item_kind kind;
    struct item *next;
    struct article *a;
    struct record *recs;
    size_t nrecs;
    char *path, *why;
    long line;
};

/* One listed file and what its worker made of it, waiting for the writer. */
struct slot {
    struct reader_file *file;
    struct item *head, *tail;
    size_t queued;          /* articles in the queue */
    char *abspath;
    char hash[65];
    int64_t mtime, size;
    int64_t listed_size;    /* its size when listed, for progress */
    bool stdin_;
};

struct pipeline {
    pthread_mutex_t mu;
    pthread_cond_t cond;    /* any change: an item, a pop, a stop */
    struct slot *slots;
    size_t nslots;
    size_t next;            /* next slot for a worker */
    size_t pos;             /* slot the writer is at */
    size_t window;          /* how far ahead of pos workers may go */
    bool quit;
    const struct indexer_options *o;
    bool db_error;          /* a worker could not read the index */
    struct q_error err;
    double t0, last;        /* start, last progress report */
};

/* A worker's state while it reads one file. */
struct worker {
    struct pipeline *p;
    struct index *ix;
    size_t slot;
    bool rejected;
};

static double
now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
item_free(struct item *it)
{
    size_t k;

    if (it == NULL)
        return;
    article_free(it->a);
    for (k = 0; k < it->nrecs; k++)
        record_clear(&it->recs[k]);
    free(it->recs);
    free(it->path);
    free(it->why);
    free(it);
}

/* Queues an item on the worker's slot, waiting while the slot is full.
 * Returns -1 (and frees it) when the run is stopping. */
static int
push(struct worker *w, struct item *it)
{
    struct pipeline *p = w->p;
    struct slot *s = &p->slots[w->slot];
    int rc = 0;

    pthread_mutex_lock(&p->mu);
    while (!p->quit && it->kind == IT_ARTICLE && s->queued >= INDEXER_QUEUE)
        pthread_cond_wait(&p->cond, &p->mu);
    if (p->quit) {
        rc = -1;
    } else {
        if (s->tail != NULL)
            s->tail->next = it;
        else
            s->head = it;
        s->tail = it;
        if (it->kind == IT_ARTICLE)
            s->queued++;
        pthread_cond_broadcast(&p->cond);
    }
    pthread_mutex_unlock(&p->mu);
    if (rc < 0)
        item_free(it);
    return rc;
}

static struct item *
item_new(enum item_kind kind)
{
    struct item *it = xcalloc(1, sizeof *it);

    it->kind = kind;
    return it;
}

/* Record sink: keeps a copy of each record. */
struct collect {
    struct record *recs;
    size_t n;
};

static char *
dup_or_null(const char *s)
{
    return s != NULL ? xstrdup(s) : NULL;
}

static int
collect_put(void *ctx, const struct record *r)
{
    struct collect *c = ctx;
    struct record *d;

    c->recs = xreallocarray(c->recs, c->n + 1, sizeof *c->recs);
    d = &c->recs[c->n++];
    *d = *r;
    d->quote = dup_or_null(r->quote);
    d->speaker = dup_or_null(r->speaker);
    d->speaker_as_written = dup_or_null(r->speaker_as_written);
    d->role = dup_or_null(r->role);
    d->cue = dup_or_null(r->cue);
    d->venue = dup_or_null(r->venue);
    d->article = NULL;
    return 0;
}

static int
worker_article(void *ctx, struct article *a)
{
    struct worker *w = ctx;
    struct collect c = {0};
    struct record_sink sink = {collect_put, &c};
    struct item *it;

    if (*w->p->o->stop) {
        article_free(a);
        return -1;
    }
    extract_article(a, &sink);
    it = item_new(IT_ARTICLE);
    it->a = a;
    it->recs = c.recs;
    it->nrecs = c.n;
    return push(w, it);
}

static void
worker_reject(void *ctx, const char *path, long line, const char *why)
{
    struct worker *w = ctx;
    struct item *it = item_new(IT_REJECT);

    w->rejected = true;
    it->path = xstrdup(path);
    it->line = line;
    it->why = xstrdup(why);
    push(w, it);
}

/* Hashes the file and asks the index whether it has it as it is. */
static int
worker_check(struct worker *w, struct slot *s, bool *current)
{
    struct stat sb;
    char real[PATH_MAX];
    FILE *fp;
    int r;

    *current = false;
    s->abspath = xstrdup(realpath(s->file->path, real) != NULL
                             ? real : s->file->path);
    if (stat(s->file->path, &sb) == 0) {
        s->mtime = (int64_t)sb.st_mtim.tv_sec * 1000000000 +
                   sb.st_mtim.tv_nsec;
        s->size = (int64_t)sb.st_size;
    }
    fp = fopen(s->file->path, "rb");
    /* A file that will not open or read is the reader's to reject. */
    if (fp == NULL)
        return 0;
    r = hash_sha256_file(s->hash, fp);
    fclose(fp);
    if (r < 0) {
        s->hash[0] = '\0';
        return 0;
    }
    r = index_file_current(w->ix, s->abspath, s->hash, &w->p->err);
    if (r < 0)
        return -1;
    *current = r == 1;
    return 0;
}

static void *
worker_main(void *arg)
{
    struct worker w = *(struct worker *)arg;
    struct pipeline *p = w.p;
    struct reader_sink sink = {worker_article, worker_reject, &w};
    struct q_error err = {{0}};

    w.ix = index_open(p->o->db, false, &err);
    for (;;) {
        struct slot *s;
        bool current = false;
        struct item *end;

        pthread_mutex_lock(&p->mu);
        while (!p->quit && p->next < p->nslots &&
               p->next >= p->pos + p->window)
            pthread_cond_wait(&p->cond, &p->mu);
        if (p->quit || p->next >= p->nslots) {
            pthread_mutex_unlock(&p->mu);
            break;
        }
        w.slot = p->next++;
        pthread_mutex_unlock(&p->mu);
        s = &p->slots[w.slot];
        w.rejected = false;
        s->stdin_ = strcmp(s->file->path, "-") == 0;
        if (!s->stdin_ && w.ix != NULL && worker_check(&w, s, &current) < 0) {
            pthread_mutex_lock(&p->mu);
            p->db_error = true;
            pthread_mutex_unlock(&p->mu);
        }
        if (current) {
            push(&w, item_new(IT_SKIP));
            continue;
        }
        if (push(&w, item_new(IT_BEGIN)) < 0)
            break;
        reader_read_file(s->file, &sink);
        end = item_new(IT_END);
        end->line = w.rejected || *p->o->stop;  /* incomplete */
        if (push(&w, end) < 0)
            break;
    }
    index_close(w.ix);
    return NULL;
}

/* Takes the next item of the writer's slot, waiting for it. */
static struct item *
pop(struct pipeline *p)
{
    struct slot *s = &p->slots[p->pos];
    struct item *it;

    pthread_mutex_lock(&p->mu);
    while (s->head == NULL)
        pthread_cond_wait(&p->cond, &p->mu);
    it = s->head;
    s->head = it->next;
    if (s->head == NULL)
        s->tail = NULL;
    if (it->kind == IT_ARTICLE)
        s->queued--;
    pthread_cond_broadcast(&p->cond);
    pthread_mutex_unlock(&p->mu);
    return it;
}

static void
listed(void *ctx, struct reader_file *f)
{
    struct pipeline *p = ctx;

    p->slots = xreallocarray(p->slots, p->nslots + 1, sizeof *p->slots);
    memset(&p->slots[p->nslots], 0, sizeof *p->slots);
    p->slots[p->nslots++].file = f;
}

struct list_ctx {
    struct pipeline *p;
    const struct indexer_callbacks *cb;
    struct indexer_report *rep;
};

static void
list_found(void *ctx, struct reader_file *f)
{
    listed(((struct list_ctx *)ctx)->p, f);
}

static void
list_reject(void *ctx, const char *path, long line, const char *why)
{
    struct list_ctx *l = ctx;

    l->rep->rejected++;
    l->cb->reject(l->cb->ctx, path, line, why);
}

static int
list_article(void *ctx, struct article *a)
{
    (void)ctx;
    article_free(a);
    return 0;
}

/* Reports progress when a tenth of a second has passed since the last
 * report (always with force). */
static void
tick(struct pipeline *p, const struct indexer_callbacks *cb,
     struct indexer_report *rep, bool force)
{
    double t;

    if (cb->progress == NULL)
        return;
    t = now();
    if (!force && t - p->last < 0.1)
        return;
    p->last = t;
    rep->seconds = t - p->t0;
    cb->progress(cb->ctx, rep);
}

/* Writes one article of standard input: its own location, named by its
 * body's hash, so that articles piped in one after another all stay. */
static int
write_stdin(struct index *ix, struct item *it, size_t *item,
            enum index_outcome *how, struct q_error *err)
{
    char *key = xasprintf("stdin:%s", it->a->sha256);
    int rc = index_file_begin(ix, key, "-", err);

    if (rc == 0)
        rc = index_add(ix, it->a, 0, it->recs, it->nrecs, how, err);
    if (rc == 0)
        rc = index_file_end(ix, it->a->sha256, 0, 0, true, err);
    free(key);
    (*item)++;
    return rc;
}

/* Writes the items of the writer's slot until its file ends. */
static int
write_slot(struct pipeline *p, struct index *ix,
           const struct indexer_callbacks *cb, struct indexer_report *rep,
           struct q_error *err)
{
    struct slot *s = &p->slots[p->pos];
    size_t item = 0, k;
    int rc = 0;

    for (;;) {
        struct item *it = pop(p);
        enum item_kind kind = it->kind;
        enum index_outcome how;

        switch (kind) {
        case IT_SKIP:
            rep->unchanged++;
            break;
        case IT_BEGIN:
            if (!s->stdin_ && rc == 0)
                rc = index_file_begin(ix, s->abspath, s->file->path, err);
            break;
        case IT_REJECT:
            rep->rejected++;
            cb->reject(cb->ctx, it->path, it->line, it->why);
            break;
        case IT_ARTICLE:
            if (rc < 0 || *p->o->stop)
                break;
            for (k = 0; k < it->nrecs; k++)
                it->recs[k].article = it->a;
            if (s->stdin_)
                rc = write_stdin(ix, it, &item, &how, err);
            else
                rc = index_add(ix, it->a, item++, it->recs, it->nrecs, &how,
                               err);
            if (rc == 0) {
                if (how == INDEX_NEW)
                    rep->added++;
                else if (how == INDEX_UPDATED)
                    rep->updated++;
                else
                    rep->located++;
                if (how != INDEX_LOCATION)
                    rep->quotes += it->nrecs;
            }
            /* A large file (a JSON Lines dump) shows progress too. */
            tick(p, cb, rep, false);
            break;
        case IT_END:
            if (rc == 0 && !s->stdin_)
                rc = index_file_end(ix, s->hash, s->mtime, s->size,
                                    it->line == 0 && s->hash[0] != '\0' &&
                                        !*p->o->stop,
                                    err);
            break;
        }
        item_free(it);
        if (kind == IT_SKIP || kind == IT_END)
            return rc;
    }
}

int
indexer_run(struct index *ix, const struct indexer_options *o,
            const struct indexer_callbacks *cb, struct indexer_report *rep,
            struct q_error *err)
{
    struct pipeline p = {.o = o};
    struct list_ctx lc = {&p, cb, rep};
    struct reader_sink ls = {list_article, list_reject, &lc};
    pthread_t *th;
    struct worker *ws;
    sigset_t all, old;
    double t0 = now();
    size_t k, nth = 0, pruned = 0;
    int rc = 0;

    memset(rep, 0, sizeof *rep);
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.cond, NULL);
    for (k = 0; k < o->npaths && !*o->stop; k++)
        reader_list(o->paths[k], list_found, &ls);
    rep->files = p.nslots;
    for (k = 0; k < p.nslots; k++) {
        struct stat sb;
        if (strcmp(p.slots[k].file->path, "-") != 0 &&
            stat(p.slots[k].file->path, &sb) == 0)
            p.slots[k].listed_size = (int64_t)sb.st_size;
        rep->bytes += p.slots[k].listed_size;
    }
    p.t0 = t0;
    p.window = 2 * (size_t)o->jobs + 2;
    reader_init();
    th = xcalloc(o->jobs, sizeof *th);
    ws = xcalloc(o->jobs, sizeof *ws);
    /* Signals are the writer's: the workers never run the handler. */
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    for (k = 0; k < o->jobs && p.nslots > 0; k++) {
        ws[k].p = &p;
        if (pthread_create(&th[k], NULL, worker_main, &ws[k]) != 0)
            break;
        nth++;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (nth == 0 && p.nslots > 0) {
        q_error_set(err, "cannot start a thread: %s", strerror(errno));
        rc = -1;
    }
    for (p.pos = 0; rc == 0 && p.pos < p.nslots; p.pos++) {
        if (*o->stop)
            break;
        rc = write_slot(&p, ix, cb, rep, err);
        rep->files_done = p.pos + 1;
        rep->bytes_done += p.slots[p.pos].listed_size;
        pthread_mutex_lock(&p.mu);
        if (p.db_error && rc == 0) {
            *err = p.err;
            rc = -1;
        }
        pthread_mutex_unlock(&p.mu);
        tick(&p, cb, rep, false);
    }
    pthread_mutex_lock(&p.mu);
    p.quit = true;
    pthread_cond_broadcast(&p.cond);
    pthread_mutex_unlock(&p.mu);
    for (k = 0; k < nth; k++)
        pthread_join(th[k], NULL);
    /* Articles no location holds any more: after a changed file, and
     * after a run killed between a file's start and end. */
    if (rc == 0 && !*o->stop &&
        (o->prune || rep->added + rep->updated + rep->located > 0) &&
        index_prune(ix, o->prune, &pruned, err) < 0)
        rc = -1;
    if (rc == 0 && !*o->stop && rep->quotes > 0 && index_tidy(ix, err) < 0)
        rc = -1;
    rep->pruned = pruned;
    for (k = 0; k < p.nslots; k++) {
        struct item *it = p.slots[k].head, *next;
        for (; it != NULL; it = next) {
            next = it->next;
            item_free(it);
        }
        reader_file_free(p.slots[k].file);
        free(p.slots[k].abspath);
    }
    free(p.slots);
    free(th);
    free(ws);
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.cond);
    rep->seconds = now() - t0;
    if (cb->progress != NULL)
        cb->progress(cb->ctx, rep);
    if (rc < 0)
        return -1;
    if (*o->stop)
        return 2;
    return rep->rejected > 0 ? 1 : 0;
}
