// SPDX-License-Identifier: MIT
/*
 * Unit tests of what index.c gives the browser's timeline and completion
 * (issue 7): month counts of a query's quotes with undated ones last and
 * a budget that says when it cut the count short; bounded completions of
 * speakers, country codes, sources and saved search names.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "error.h"
#include "index.h"
#include "indexer.h"
#include "query.h"
#include "tap.h"

static const char articles[] =
    "{\"url\":\"https://a.example/1\",\"date\":\"2024-03-04\",\"source\":"
    "\"Harbour Gazette\",\"text\":\"\\\"The port stays open,\\\" said Ines"
    " Duarte, Portugal's minister.\\n\\n\\\"We will rebuild,\\\" Duarte"
    " added.\"}\n"
    "{\"url\":\"https://a.example/2\",\"date\":\"2024-01-20\",\"source\":"
    "\"Harbour Times\",\"text\":\"\\\"Prices will fall,\\\" said Jens"
    " Weber, Germany's economy minister.\"}\n"
    "{\"url\":\"https://a.example/3\",\"source\":\"Plain Wire\",\"text\":"
    "\"\\\"No date on this one,\\\" said Anna Schmidt, a German official.\"}"
    "\n";

/* Timeline rows as "MONTH=N;" ("none" for no date). */
static void
month(void *ctx, const char *m, int64_t count)
{
    buf_printf(ctx, "%s=%lld;", m ? m : "none", (long long)count);
}

/* Completions as "VALUE;". */
static void
value(void *ctx, const char *v)
{
    buf_printf(ctx, "%s;", v);
}

static const char *
complete(struct index *ix, enum index_complete what, const char *prefix,
         size_t limit)
{
    static char out[1024];
    struct buf b = {0};
    struct q_error err = {{0}};

    if (index_complete(ix, what, prefix, limit, value, &b, &err) < 0)
        snprintf(out, sizeof out, "error: %s", err.msg);
    else
        snprintf(out, sizeof out, "%s", b.data ? b.data : "");
    buf_free(&b);
    return out;
}

int
main(void)
{
    char dir[] = "/tmp/quoth-browse-XXXXXX", path[64], db[64];
    struct q_error err = {{0}};
    struct indexer_report rep;
    struct buf b = {0};
    struct index *ix;
    struct query q;
    struct query_error qe;
    bool cut = true;
    FILE *fp;

    if (mkdtemp(dir) == NULL)
        return 1;
    snprintf(path, sizeof path, "%s/a.jsonl", dir);
    snprintf(db, sizeof db, "%s/t.db", dir);
    fp = fopen(path, "w");
    fputs(articles, fp);
    fclose(fp);
    ix = index_open(db, true, &err);
    {
        static volatile sig_atomic_t stop;
        char *paths[] = {path};
        struct indexer_options o = {db, paths, 1, 1, false, &stop};
        struct indexer_callbacks cb = {NULL, NULL, NULL};
        ok(ix != NULL && indexer_run(ix, &o, &cb, &rep, &err) == 0,
           "the fixture indexes (%s)", err.msg);
    }

    is_long(index_timeline(ix, NULL, 100, month, &b, &cut, &err), 3,
            "three periods");
    is_str(b.data, "2024-01=1;2024-03=2;none=1;",
           "months in order, undated last");
    ok(!cut, "within the budget: not cut");
    buf_reset(&b);
    ok(index_timeline(ix, NULL, 2, month, &b, &cut, &err) >= 1,
       "a budget of two: some periods");
    ok(cut, "a budget of two of four quotes: cut short");
    buf_reset(&b);
    if (query_parse("speaker:duarte", &q, &qe) == 0) {
        index_timeline(ix, &q, 100, month, &b, &cut, &err);
        is_str(b.data, "2024-03=2;", "the query's quotes only");
        query_free(&q);
    } else {
        ok(0, "the query parses (%s)", qe.msg);
    }
    buf_free(&b);

    is_str(complete(ix, INDEX_C_SPEAKER, "du", 20), "Ines Duarte;",
           "a speaker by a word of the name, any case");
    is_str(complete(ix, INDEX_C_SPEAKER, "", 2), "Anna Schmidt;Ines Duarte;",
           "at most limit speakers");
    is_str(complete(ix, INDEX_C_COUNTRY, "", 20), "DE;PT;",
           "country codes, each once");
    is_str(complete(ix, INDEX_C_COUNTRY, "p", 20), "PT;",
           "country codes by prefix, any case");
    is_str(complete(ix, INDEX_C_SOURCE, "harb", 20),
           "Harbour Gazette;Harbour Times;", "sources by prefix");
    ok(index_query_save(ix, "ports", "port", &err) == 0, "a saved search");
    is_str(complete(ix, INDEX_C_SAVED, "PO", 20), "ports;",
           "saved names by prefix");
    is_str(complete(ix, INDEX_C_SAVED, "x", 20), "", "no candidate");

    index_close(ix);
    snprintf(path, sizeof path, "rm -rf '%s'", dir);
    if (system(path) != 0)
        return 1;
    return tap_done();
}
