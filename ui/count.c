// SPDX-License-Identifier: MIT
/*
 * The browser's counter: query text in, a number of matching quotes out,
 * from a thread with its own SQLite connection. The interface thread asks
 * and polls a pipe; it never waits for a count.
 */
#include "count.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "index.h"
#include "query.h"
#include "xmalloc.h"

struct counter {
    struct index *ix;
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    int pipe[2];
    bool stop, busy;
    char *want;             /* text to count next, or NULL */
    uint64_t asked, done;   /* generation asked for, and counted */
    long n, total;          /* -2: not yet; -1: failed */
};

/* Counts text on the counter's connection: the number, or -1. */
static long
counter_run(struct counter *c, const char *text)
{
    struct query_env env = {0, index_query_lookup, c->ix};
    struct q_error err = {{0}};
    struct query_error qe;
    struct query q;
    long n;

    if (query_parse_env(text, &env, &q, &qe) < 0)
        return -1;
    n = index_count(c->ix, &q, &err);
    query_free(&q);
    return n < 0 ? -1 : n;
}

/* The thread: whatever is asked, latest first; the total (every quote)
 * when nothing is asked and it is not known. */
static void *
counter_main(void *arg)
{
    struct counter *c = arg;

    pthread_mutex_lock(&c->lock);
    for (;;) {
        char *text;
        uint64_t gen;
        long n;

        while (!c->stop && c->want == NULL && c->total != -2)
            pthread_cond_wait(&c->wake, &c->lock);
        if (c->stop)
            break;
        if (c->want == NULL) {
            c->busy = true;
            pthread_mutex_unlock(&c->lock);
            n = counter_run(c, "");
            pthread_mutex_lock(&c->lock);
            c->busy = false;
            /* an interrupted count is asked again later */
            if (n >= 0 || c->want == NULL)
                c->total = n;
            (void)!write(c->pipe[1], "t", 1);
            continue;
        }
        text = c->want;
        c->want = NULL;
        gen = c->asked;
        c->busy = true;
        pthread_mutex_unlock(&c->lock);
        n = counter_run(c, text);
        pthread_mutex_lock(&c->lock);
        c->busy = false;
        if (text[0] == '\0' && n >= 0)
            c->total = n;
        free(text);
        /* an interrupted count of an older text is not a result */
        if (gen == c->asked) {
            c->n = n;
            c->done = gen;
            (void)!write(c->pipe[1], "n", 1);
        }
    }
    pthread_mutex_unlock(&c->lock);
    return NULL;
}

struct counter *
counter_new(const char *path)
{
    struct q_error err = {{0}};
    struct counter *c;
    struct index *ix = index_open(path, false, &err);

    if (ix == NULL)
        return NULL;
    c = xcalloc(1, sizeof *c);
    c->ix = ix;
    c->n = c->total = -2;
    if (pipe(c->pipe) < 0) {
        index_close(ix);
        free(c);
        return NULL;
    }
    fcntl(c->pipe[0], F_SETFL, O_NONBLOCK);
    fcntl(c->pipe[0], F_SETFD, FD_CLOEXEC);
    fcntl(c->pipe[1], F_SETFD, FD_CLOEXEC);
    pthread_mutex_init(&c->lock, NULL);
    pthread_cond_init(&c->wake, NULL);
    if (pthread_create(&c->thread, NULL, counter_main, c) != 0) {
        close(c->pipe[0]);
        close(c->pipe[1]);
        index_close(ix);
        free(c);
        return NULL;
    }
    return c;
}

void
counter_free(struct counter *c)
{
    if (c == NULL)
        return;
    pthread_mutex_lock(&c->lock);
    c->stop = true;
    if (c->busy)
        index_interrupt(c->ix);
    pthread_cond_signal(&c->wake);
    pthread_mutex_unlock(&c->lock);
    pthread_join(c->thread, NULL);
    pthread_mutex_destroy(&c->lock);
    pthread_cond_destroy(&c->wake);
    close(c->pipe[0]);
    close(c->pipe[1]);
    free(c->want);
    index_close(c->ix);
    free(c);
}

int
counter_fd(const struct counter *c)
{
    return c != NULL ? c->pipe[0] : -1;
}

void
counter_ask(struct counter *c, const char *text)
{
    if (c == NULL)
        return;
    pthread_mutex_lock(&c->lock);
    free(c->want);
    c->want = xstrdup(text);
    c->asked++;
    if (c->busy)
        index_interrupt(c->ix);
    pthread_cond_signal(&c->wake);
    pthread_mutex_unlock(&c->lock);
}

int
counter_get(struct counter *c, long *n)
{
    char drain[64];
    int r;

    if (c == NULL)
        return -1;
    while (read(c->pipe[0], drain, sizeof drain) > 0)
        ;
    pthread_mutex_lock(&c->lock);
    if (c->done != c->asked)
        r = 0;
    else if (c->n < 0)
        r = -1;
    else {
        *n = c->n;
        r = 1;
    }
    pthread_mutex_unlock(&c->lock);
    return r;
}

void
counter_recount(struct counter *c)
{
    if (c == NULL)
        return;
    pthread_mutex_lock(&c->lock);
    c->total = -2;
    pthread_cond_signal(&c->wake);
    pthread_mutex_unlock(&c->lock);
}

int
counter_total(struct counter *c, long *n)
{
    int r = 0;

    if (c == NULL)
        return 0;
    pthread_mutex_lock(&c->lock);
    if (c->total >= 0) {
        *n = c->total;
        r = 1;
    }
    pthread_mutex_unlock(&c->lock);
    return r;
}
