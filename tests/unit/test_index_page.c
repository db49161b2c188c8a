// SPDX-License-Identifier: MIT
/*
 * Unit tests of index_page, the browser's keyset pages: for each sort,
 * pages of two rows walked forward, and backward from the end, give the
 * same rows in the same order as one page of everything; a key with incl
 * finds its own row; rows without a date or a speaker come last.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "index.h"
#include "indexer.h"
#include "query.h"
#include "tap.h"
#include "xmalloc.h"

struct page {
    int64_t qid[256];
    struct index_key key[256];
    char date[256][16];
    size_t n;
};

static int
take(void *ctx, const struct record *r, const struct index_key *k)
{
    struct page *p = ctx;

    if (p->n >= 256)
        return -1;
    p->qid[p->n] = k->qid;
    p->key[p->n] = *k;
    p->key[p->n].val = k->val ? xstrdup(k->val) : NULL;
    snprintf(p->date[p->n], sizeof p->date[0], "%s",
             r->article->date ? r->article->date : "");
    p->n++;
    return 0;
}

static void
page_clear(struct page *p)
{
    size_t k;

    for (k = 0; k < p->n; k++)
        free(p->key[k].val);
    p->n = 0;
}

static const char articles[] =
    "{\"url\":\"https://a.example/1\",\"date\":\"2024-03-04\",\"text\":"
    "\"\\\"The port stays open,\\\" said Ines Duarte, the minister.\\n\\n"
    "\\\"We will rebuild,\\\" Duarte added.\"}\n"
    "{\"url\":\"https://a.example/2\",\"date\":\"2024-03-04\",\"text\":"
    "\"\\\"Prices will fall,\\\" said Jens Weber, the economy minister.\"}\n"
    "{\"url\":\"https://a.example/3\",\"text\":"
    "\"\\\"No date on this one,\\\" said Anna Schmidt, an official.\\n\\n"
    "\\\"Nor on this,\\\" Schmidt said.\"}\n"
    "{\"url\":\"https://a.example/4\",\"date\":\"2023-01-02\",\"text\":"
    "\"Signs read \\\"no tariffs here\\\" and \\\"keep out\\\".\"}\n"
    "{\"url\":\"https://a.example/5\",\"date\":\"2025-06-07\",\"text\":"
    "\"\\\"The grain will move,\\\" said Olena Kovalenko, the trade "
    "minister.\\n\\n\\\"By sea,\\\" she said.\\n\\n\\\"Soon,\\\" "
    "Kovalenko added.\"}\n"
    "{\"url\":\"https://a.example/6\",\"text\":"
    "\"Posters said \\\"vote\\\" in large letters.\"}\n";

int
main(void)
{
    static struct page all, got, one;
    static const char *const names[] = {"-date", "date", "speaker"};
    char dir[] = "/tmp/quoth-page-XXXXXX", path[64], db[64];
    struct q_error err = {{0}};
    struct indexer_report rep;
    struct index *ix;
    FILE *fp;
    int s;

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
    for (s = 0; s < 3; s++) {
        enum index_sort sort = (enum index_sort)s;
        const struct index_key *from = NULL;
        size_t k;
        bool same = true, sorted = true;

        page_clear(&all);
        index_page(ix, NULL, sort, NULL, false, false, 256, take, &all,
                   &err);
        ok(all.n == (size_t)index_count(ix, NULL, &err),
           "%s: one page holds every quote (%zu)", names[s], all.n);
        /* forward, two at a time */
        page_clear(&got);
        for (;;) {
            struct page pg = {0};
            long n = index_page(ix, NULL, sort, from, false, false, 2, take,
                                &pg, &err);
            for (k = 0; k < pg.n && got.n < 256; k++) {
                got.qid[got.n] = pg.qid[k];
                got.key[got.n] = pg.key[k];
                got.n++;
            }
            if (n < 2)
                break;
            from = &got.key[got.n - 1];
        }
        for (k = 0; k < all.n; k++)
            same = same && k < got.n && got.qid[k] == all.qid[k];
        ok(same && got.n == all.n, "%s: pages of two forward give the same "
           "rows in the same order", names[s]);
        page_clear(&got);
        /* backward from the end, two at a time */
        from = NULL;
        for (;;) {
            struct page pg = {0};
            long n = index_page(ix, NULL, sort, from, true, false, 2, take,
                                &pg, &err);
            for (k = 0; k < pg.n && got.n < 256; k++) {
                got.qid[got.n] = pg.qid[k];
                got.key[got.n] = pg.key[k];
                got.n++;
            }
            if (n < 2)
                break;
            from = &got.key[got.n - 1];
        }
        same = got.n == all.n;
        for (k = 0; same && k < all.n; k++)
            same = got.qid[k] == all.qid[all.n - 1 - k];
        ok(same, "%s: pages of two backward from the end give them "
           "reversed", names[s]);
        page_clear(&got);
        /* incl: the row at a key, for each row */
        same = true;
        for (k = 0; k < all.n; k++) {
            index_page(ix, NULL, sort, &all.key[k], false, true, 1, take,
                       &one, &err);
            same = same && one.n == 1 && one.qid[0] == all.qid[k];
            page_clear(&one);
        }
        ok(same, "%s: with incl, each key finds its own row", names[s]);
        /* NULLs last */
        for (k = 1; k < all.n; k++)
            if (all.key[k - 1].val == NULL && all.key[k].val != NULL)
                sorted = false;
        ok(sorted, "%s: rows without a value come last", names[s]);
        if (s == 0) {
            for (k = 1; k < all.n; k++)
                if (all.date[k][0] && strcmp(all.date[k - 1], all.date[k]) < 0)
                    sorted = false;
            ok(sorted && all.date[0][0] != '\0' &&
               strcmp(all.date[0], "2025-06-07") == 0,
               "-date: newest first (%s)", all.date[0]);
        }
    }
    {
        struct query q;
        struct query_error qe;
        /* Iceland: no quote of the fixture */
        if (query_parse("country:is tariffs", &q, &qe) == 0) {
            page_clear(&one);
            ok(index_page(ix, &q, INDEX_SORT_DATE_DESC, NULL, false, false,
                          5, take, &one, &err) == 0 && one.n == 0,
               "a query that matches nothing gives an empty page");
            query_free(&q);
        } else {
            ok(0, "the query parses (%s)", qe.msg);
        }
        if (query_parse("tariffs", &q, &qe) == 0) {
            page_clear(&one);
            ok(index_page(ix, &q, INDEX_SORT_DATE_DESC, NULL, false, false,
                          5, take, &one, &err) == 1 && one.n == 1,
               "a full-text query gives its one quote");
            query_free(&q);
        } else {
            ok(0, "the query parses (%s)", qe.msg);
        }
    }
    page_clear(&all);
    index_close(ix);
    snprintf(path, sizeof path, "rm -rf '%s'", dir);
    if (system(path) != 0)
        return 1;
    return tap_done();
}
