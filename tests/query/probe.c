// SPDX-License-Identifier: MIT
/*
 * What the query table test asks of the library directly:
 *   probe spans DB ID QUERY     the quote with its matches [bracketed],
 *                               from index_spans
 *   probe limit N DB QUERY      index_search with each check allowed N
 *                               rows: the count, or "error COL: MSG"
 *   probe where QUERY           the SQL expression and its parameters
 *   probe plans DB N QUERY      the ids of the first N quotes by -date
 *                               under each plan of index_search, a line
 *                               each: "PLAN: ID ID ...", PLAN the one
 *                               index_plan chose (auto), each of the
 *                               three forced, the one sorting all, and
 *                               the walks interrupted at once (rush)
 * Exit 0, or 1 when the query or the index fails to open.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "index.h"
#include "query.h"
#include "record.h"

struct found {
    char quote[1024];
};

struct ids {
    char (*id)[13];
    size_t n;
};

static int
keep_id(void *ctx, const struct record *r)
{
    struct ids *f = ctx;

    f->id = realloc(f->id, (f->n + 1) * sizeof *f->id);
    if (f->id == NULL)
        return -1;
    snprintf(f->id[f->n++], sizeof *f->id, "%s", r->id);
    return 0;
}

/* probe plans DB N QUERY */
static int
plans(const char *db, size_t limit, const char *text)
{
    static const char *const names[] = {"auto", "set", "filter", "probe",
                                        "one", "rush"};
    struct q_error err = {{0}};
    struct query_error qe;
    struct query q;
    struct index *ix;
    int p;

    if (query_parse(text, &q, &qe) < 0) {
        printf("parse error %zu: %s\n", qe.column, qe.msg);
        return 1;
    }
    if ((ix = index_open(db, false, &err)) == NULL) {
        fprintf(stderr, "probe: %s: %s\n", db, err.msg);
        query_free(&q);
        return 1;
    }
    for (p = -1; p <= INDEX_PLAN_RUSH; p++) {
        struct ids f = {0};
        struct record_sink sink = {.put = keep_id, .ctx = &f};
        long n;
        size_t k;

        index_set_plan(ix, p);
        n = index_search(ix, &q, INDEX_SORT_DATE_DESC, limit, &sink, &err);
        printf("%s:", names[p + 1]);
        if (n < 0)
            printf(" error %ld: %s", n, err.msg);
        for (k = 0; k < f.n; k++)
            printf(" %s", f.id[k]);
        printf("\n");
        free(f.id);
    }
    index_close(ix);
    query_free(&q);
    return 0;
}

static int
keep(void *ctx, const struct record *r)
{
    struct found *f = ctx;

    snprintf(f->quote, sizeof f->quote, "%s", r->quote);
    return 0;
}

int
main(int argc, char **argv)
{
    struct q_error err = {{0}};
    struct query_error qe;
    struct query q;
    struct index *ix;
    struct found f = {{0}};
    struct record_sink sink = {.put = keep, .ctx = &f};
    const char *db, *text;
    bool spans;
    long n;

    if (argc == 3 && strcmp(argv[1], "where") == 0) {
        size_t k;
        if (query_parse(argv[2], &q, &qe) < 0) {
            printf("parse error %zu: %s\n", qe.column, qe.msg);
            return 1;
        }
        printf("%s\n", q.where);
        for (k = 0; k < q.nparams; k++)
            printf("%s\n", q.params[k]);
        query_free(&q);
        return 0;
    }
    if (argc == 5 && strcmp(argv[1], "plans") == 0)
        return plans(argv[2], (size_t)strtoul(argv[3], NULL, 10), argv[4]);
    if (argc != 5 ||
        (strcmp(argv[1], "spans") != 0 && strcmp(argv[1], "limit") != 0)) {
        fprintf(stderr, "usage: probe spans DB ID QUERY | limit N DB "
                "QUERY | where QUERY | plans DB N QUERY\n");
        return 1;
    }
    spans = strcmp(argv[1], "spans") == 0;
    db = argv[spans ? 2 : 3];
    text = argv[4];
    if (query_parse(text, &q, &qe) < 0) {
        printf("parse error %zu: %s\n", qe.column, qe.msg);
        return 1;
    }
    if ((ix = index_open(db, false, &err)) == NULL) {
        fprintf(stderr, "probe: %s: %s\n", db, err.msg);
        query_free(&q);
        return 1;
    }
    if (spans) {
        struct query_span *sp = NULL;
        char *idq = malloc(strlen(argv[3]) + 4);
        size_t k, at = 0;

        sprintf(idq, "id:%s", argv[3]);
        struct query byid;
        if (query_parse(idq, &byid, &qe) == 0) {
            index_search(ix, &byid, INDEX_SORT_DATE, 1, &sink, &err);
            query_free(&byid);
        }
        free(idq);
        n = index_spans(ix, &q, argv[3], &sp, &err);
        if (n < 0) {
            printf("error: %s\n", err.msg);
        } else {
            for (k = 0; k < (size_t)n; k++) {
                printf("%.*s[%.*s]", (int)(sp[k].start - at),
                       f.quote + at, (int)(sp[k].end - sp[k].start),
                       f.quote + sp[k].start);
                at = sp[k].end;
            }
            printf("%s\n", f.quote + at);
        }
        free(sp);
    } else {
        struct found sink_ctx = {{0}};
        sink.ctx = &sink_ctx;
        query_set_scan_limit(&q, (size_t)strtoul(argv[2], NULL, 10));
        n = index_search(ix, &q, INDEX_SORT_DATE, 0, &sink, &err);
        if (n == -3)
            printf("error %zu: %s\n", query_failed(&q)->column,
                   query_failed(&q)->msg);
        else if (n < 0)
            printf("index error: %s\n", err.msg);
        else
            printf("%ld\n", n);
    }
    index_close(ix);
    query_free(&q);
    return 0;
}
