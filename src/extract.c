// SPDX-License-Identifier: MIT
/*
 * The pipeline driver: an article in, its quote records out through a
 * sink. extract prints them, index stores them, tests collect them.
 */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

#include "attrib.h"
#include "buf.h"
#include "country.h"
#include "quote.h"
#include "utf8.h"
#include "xmalloc.h"

/* One quote's folded text, for counting occurrences. */
struct extract_key {
    const char *folded;
    size_t k;
};

static int
extract_key_cmp(const void *a, const void *b)
{
    const struct extract_key *x = a, *y = b;
    int c = strcmp(x->folded, y->folded);

    if (c != 0)
        return c;
    return x->k < y->k ? -1 : x->k > y->k;
}

/* Sets occ[k] to the occurrence of quote k's folded text in the article,
 * from 1, in text order: sorted, equal texts stand together in order. */
static void
extract_occurrences(char **folded, size_t n, unsigned *occ)
{
    struct extract_key *keys = xcalloc(n, sizeof *keys);
    size_t k;

    for (k = 0; k < n; k++)
        keys[k] = (struct extract_key){folded[k], k};
    qsort(keys, n, sizeof *keys, extract_key_cmp);
    for (k = 0; k < n; k++)
        occ[keys[k].k] = k > 0 && strcmp(keys[k].folded,
                                         keys[k - 1].folded) == 0
                             ? occ[keys[k - 1].k] + 1
                             : 1;
    free(keys);
}

long
extract_article(const struct article *a, const struct record_sink *sink)
{
    struct quote_span *spans = NULL;
    struct record *recs;
    char **folded;
    unsigned *occ;
    size_t n, k;
    long rc;

    n = quote_find(a->body, a->paras, a->npara, &spans);
    recs = xcalloc(n, sizeof *recs);
    folded = xcalloc(n, sizeof *folded);
    occ = xcalloc(n, sizeof *occ);
    for (k = 0; k < n; k++) {
        struct buf f = {0};

        utf8_fold(&f, a->body + spans[k].start,
                  spans[k].end - spans[k].start, false);
        folded[k] = buf_take(&f);
    }
    extract_occurrences(folded, n, occ);
    for (k = 0; k < n; k++) {
        struct record *r = &recs[k];

        r->article = a;
        r->start = spans[k].start;
        r->end = spans[k].end;
        r->para = spans[k].para + 1;
        r->quote = xstrndup(a->body + r->start, r->end - r->start);
        r->kind = spans[k].kind;
        record_make_id(r->id, a, r->quote, r->end - r->start, occ[k]);
        r->nmentions = country_find(r->quote, r->end - r->start, r->mentions,
                                    RECORD_MAX_MENTIONS);
    }
    attrib_article(a, spans, recs, n);
    rc = (long)n;
    for (k = 0; k < n; k++) {
        if (rc >= 0 && sink->put(sink->ctx, &recs[k]) < 0)
            rc = -1;
        record_clear(&recs[k]);
        free(folded[k]);
    }
    free(folded);
    free(occ);
    free(recs);
    free(spans);
    return rc;
}
