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

/* How many of the quotes before k have the same folded text. */
static unsigned
extract_occurrence(char **folded, size_t k)
{
    unsigned occ = 1;
    size_t j;

    for (j = 0; j < k; j++)
        if (strcmp(folded[j], folded[k]) == 0)
            occ++;
    return occ;
}

long
extract_article(const struct article *a, const struct record_sink *sink)
{
    struct quote_span *spans = NULL;
    struct record *recs;
    char **folded;
    size_t n, k;
    long rc;

    n = quote_find(a->body, a->paras, a->npara, &spans);
    recs = xcalloc(n, sizeof *recs);
    folded = xcalloc(n, sizeof *folded);
    for (k = 0; k < n; k++) {
        struct record *r = &recs[k];
        struct buf f = {0};

        r->article = a;
        r->start = spans[k].start;
        r->end = spans[k].end;
        r->para = spans[k].para + 1;
        r->quote = xstrndup(a->body + r->start, r->end - r->start);
        r->kind = spans[k].kind;
        utf8_fold(&f, r->quote, r->end - r->start, false);
        folded[k] = buf_take(&f);
        record_make_id(r->id, a, r->quote, r->end - r->start,
                       extract_occurrence(folded, k));
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
    free(recs);
    free(spans);
    return rc;
}
