// SPDX-License-Identifier: MIT
/*
 * libFuzzer target for the query language: arbitrary text through the
 * parser (saved searches looked up from a fixed table, one of which
 * includes itself), and every query that parses run against a small index
 * of tests/query/articles built once: counted, and highlighted in one
 * quote. A malformed query must say where (a column within the text); one
 * that parses must have one parameter per '?' and be SQL and FTS5 that
 * SQLite accepts, so an index error is a finding.
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "index.h"
#include "indexer.h"
#include "query.h"
#include "utf8.h"

#ifndef FUZZ_ARTICLES
#error "FUZZ_ARTICLES must name tests/query/articles"
#endif

static struct index *ix;
static char dir[] = "/tmp/fuzz-query-XXXXXX";
static char db[sizeof dir + 16];

static void
cleanup(void)
{
    index_close(ix);
    ix = NULL;
    unlink(db);
    snprintf(db, sizeof db, "%s/q.db-wal", dir);
    unlink(db);
    snprintf(db, sizeof db, "%s/q.db-shm", dir);
    unlink(db);
    rmdir(dir);
}

static void
reject(void *ctx, const char *path, long line, const char *why)
{
    (void)ctx;
    fprintf(stderr, "fuzz_query: %s:%ld: %s\n", path, line, why);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    struct q_error err = {{0}};
    char *paths[] = {(char *)FUZZ_ARTICLES};
    static volatile sig_atomic_t stop;
    struct indexer_options o = {.paths = paths, .npaths = 1, .jobs = 1,
                                .stop = &stop};
    struct indexer_callbacks cb = {.reject = reject};
    struct indexer_report rep;

    (void)argc;
    (void)argv;
    if (mkdtemp(dir) == NULL)
        abort();
    snprintf(db, sizeof db, "%s/q.db", dir);
    atexit(cleanup);
    o.db = db;
    if ((ix = index_open(db, true, &err)) == NULL ||
        indexer_run(ix, &o, &cb, &rep, &err) != 0 || rep.quotes == 0) {
        fprintf(stderr, "fuzz_query: cannot index %s: %s\n", FUZZ_ARTICLES,
                err.msg);
        abort();
    }
    return 0;
}

static int
lookup(void *ctx, const char *name, char **text, char *msg, size_t n)
{
    static const char *const saved[][2] = {
        {"french", "country:french"},
        {"ukr", "speaker:zelensky | about:ukraine /e/"},
        {"self", "talks query:self"},
        {"deep", "@ukr -@french"},
        {"bad", "speeker:x"},
    };
    size_t k;

    (void)ctx;
    (void)msg;
    (void)n;
    for (k = 0; k < sizeof saved / sizeof *saved; k++)
        if (strcmp(saved[k][0], name) == 0) {
            *text = strdup(saved[k][1]);
            if (*text == NULL)
                abort();
            return 1;
        }
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct query_env env = {1717243200, lookup, NULL};   /* 2024-06-01 */
    struct q_error err = {{0}};
    struct query_error qe;
    struct query_span *spans = NULL;
    struct query q;
    char *text;
    size_t k, marks = 0;

    if (size > 2048)
        return 0;
    text = malloc(size + 1);
    if (text == NULL)
        abort();
    memcpy(text, data, size);
    text[size] = '\0';
    if (query_parse_env(text, &env, &q, &qe) < 0) {
        struct buf line = {0};
        size_t caret, width = 20 + (size > 0 ? data[0] : 0);
        /* an error says what and where, and the caret stays within the
         * line shown */
        if (qe.msg[0] == '\0' || qe.column > strlen(text))
            abort();
        caret = query_error_show(&line, text, qe.column, width);
        if (caret > utf8_width(line.data ? line.data : "", line.len) ||
            utf8_width(line.data ? line.data : "", line.len) > width ||
            !utf8_valid(line.data ? line.data : "", line.len, NULL))
            abort();
        buf_free(&line);
        free(text);
        return 0;
    }
    for (k = 0; q.where[k] != '\0'; k++)
        marks += q.where[k] == '?';
    if (marks != q.nparams)
        abort();
    if (index_count(ix, &q, &err) == -1) {
        fprintf(stderr, "fuzz_query: index error: %s\nwhere: %s\n", err.msg,
                q.where);
        abort();
    }
    if (index_spans(ix, &q, "8ab846da1001", &spans, &err) < 0) {
        fprintf(stderr, "fuzz_query: spans: %s\n", err.msg);
        abort();
    }
    free(spans);
    query_free(&q);
    free(text);
    return 0;
}
