// SPDX-License-Identifier: MIT
/*
 * Variant groups: the quotes the writer has just stored or dropped in,
 * each quote's group out (index.c's vgroups). Inside the writer's own
 * transaction (group_store), a new quote joins the group of the same
 * words, else starts one, and a group that lost a quote is split again;
 * at the end of the run (group_link), each quote that started a group
 * looks up candidates by FTS5 on its longer words among other articles'
 * quotes, aligns only those (check_near) and merges with the groups of
 * the near ones. The search waits for the run's end because FTS5 seeks
 * in every segment of its index, and a run adds one an article until
 * index_tidy merges them: 20 to 25 segments while 9,000 quotes were
 * indexed made a search 4 times the cost it had in one.
 *
 * What a group is (the invariant kept): a connected component of the
 * graph whose edges join two quotes
 *   - with the same words once folded (words_hash), in any article, or
 *   - of GROUP_MIN_WORDS words or more each, in different articles, that
 *     check_near calls nearly the same (NEAR at 0.8, or a FRAGMENT, either
 *     way round: the relation is symmetric);
 * its id is the smallest qid among its members. Components do not depend
 * on the order quotes come in: a quote joins every group it has an edge
 * to (merging them), and when a quote leaves, its group is split into
 * the components of what remains (all pairs of the remaining wordings are
 * aligned again), so that quotes it alone held together part.
 * What it does not promise: edges to new quotes are found through
 * bounded candidates (below), searched from each quote that starts a
 * group, among every quote committed by then. Two quotes of one run find
 * each other either way; of two runs, the later one's search must find
 * the earlier: a near variant whose longer words changed, one among very
 * many, or a long quote whose words around a fragment (indexed in an
 * earlier run) are not its longer ones may be missed (a split finds
 * every edge inside a group). Chains are possible: A near B and B near C
 * put A and C together (in the million-quote index, 87 URLs that the
 * extractor took for quotes, "https en wikipedia org wiki NAME", are one
 * group: six words, one changed).
 */
#include "group.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "error.h"
#include "index.h"
#include "words.h"
#include "xmalloc.h"

/* Quotes shorter than this join a group by identical words only. */
#define GROUP_MIN_WORDS 6
/* Candidates: quotes with GROUP_NEED of the quote's GROUP_PICK longest
 * words that are not common ones, the best GROUP_CANDIDATES rows by bm25;
 * at most GROUP_ALIGN distinct wordings aligned. Each FTS5 phrase of the
 * expression costs a seek in every segment: searched article by article,
 * any 3 of 5 words (30 phrases) made indexing corpus/ take 2.3 times the
 * CPU it took without groups, any 2 of 3 (6 phrases) 1.6 times; at the
 * end of the run, 1.2 times (congress-press 2021, 9,429 quotes: 1.7). */
#define GROUP_PICK 3
#define GROUP_NEED 2
#define GROUP_CANDIDATES 200
#define GROUP_ALIGN 16
/* Waiting quotes and dirty groups read at a time. */
#define GROUP_FETCH 256

/* Copies one row (group_quote, group_members). */
struct group_row {
    int64_t qid, article, group, h;
    char *quote;
};

struct group_rows {
    struct group_row *r;
    size_t n;
};

static int
group_collect(void *ctx, const struct index_gquote *q)
{
    struct group_rows *rs = ctx;

    rs->r = xreallocarray(rs->r, rs->n + 1, sizeof *rs->r);
    rs->r[rs->n++] = (struct group_row){q->qid, q->article, q->group, q->h,
                                        xstrdup(q->quote)};
    return 0;
}

static void
group_rows_free(struct group_rows *rs)
{
    for (size_t k = 0; k < rs->n; k++)
        free(rs->r[k].quote);
    free(rs->r);
    rs->r = NULL;
    rs->n = 0;
}

/* The words of a quote, for alignment. */
static void
group_words(struct words *w, const char *s)
{
    words_split(w, s, strlen(s), false);
}

/* --- A new quote ---------------------------------------------------------- */

/* A wording aligned, and whether it was near. */
struct group_seen {
    int64_t h;
    bool near;
};

struct group_cand {
    struct index *ix;
    struct q_error *err;
    const struct words *w;      /* the new quote's words */
    int64_t article;
    struct words cw;            /* a candidate's */
    struct group_seen *seen;
    size_t nseen;
    int64_t *gs;                /* the groups it joins */
    size_t ng;
    bool failed;                /* index_group_of failed: err says */
};

static void
group_add(int64_t **gs, size_t *n, int64_t g)
{
    for (size_t k = 0; k < *n; k++)
        if ((*gs)[k] == g)
            return;
    *gs = xreallocarray(*gs, *n + 1, sizeof **gs);
    (*gs)[(*n)++] = g;
}

/* One candidate: of another article, aligned once a wording; a near
 * one that is grouped (one waiting finds this quote when its turn
 * comes) gives its group, as it is now. */
static int
group_cand_hit(void *ctx, const struct index_gquote *q)
{
    struct group_cand *x = ctx;
    int64_t g;
    size_t k;
    bool near;

    if (q->article == x->article)
        return 0;
    for (k = 0; k < x->nseen; k++)
        if (x->seen[k].h == q->h && q->h != 0)
            break;
    if (k < x->nseen) {
        near = x->seen[k].near;
    } else {
        if (x->nseen >= GROUP_ALIGN)
            return 0;
        group_words(&x->cw, q->quote);
        near = x->cw.n >= GROUP_MIN_WORDS && check_near(x->w, &x->cw);
        x->seen = xreallocarray(x->seen, x->nseen + 1, sizeof *x->seen);
        x->seen[x->nseen++] = (struct group_seen){q->h, near};
    }
    if (!near)
        return 0;
    if ((g = index_group_of(x->ix, q->qid, x->err)) < 0) {
        x->failed = true;
        return -1;
    }
    if (g != 0)
        group_add(&x->gs, &x->ng, g);
    return 0;
}

/* A word of the new quote, as candidates pick them. */
struct group_word {
    size_t k, len;
};

/* The longest first (more likely rare), then the first. */
static int
group_word_cmp(const void *x, const void *y)
{
    const struct group_word *a = x, *b = y;

    if (a->len != b->len)
        return a->len > b->len ? -1 : 1;
    return (a->k > b->k) - (a->k < b->k);
}

/* The FTS5 expression of w's candidates: any GROUP_NEED of its
 * GROUP_PICK longest words that are not common ones, over the quote
 * column. NULL when it has fewer than two words that are not
 * common ones (its variants are then grouped by the same words only). */
static char *
group_expr(const struct words *w)
{
    struct group_word *p = xreallocarray(NULL, w->n + 1, sizeof *p);
    size_t n = 0, k, j, m;
    struct buf e = {0};
    unsigned set;

    for (k = 0; k < w->n; k++) {
        bool dup = false;
        if (w->w[k].apostrophe)
            continue;           /* FTS5 splits it */
        for (j = 0; j < n && !dup; j++)
            dup = words_equal(w, k, w, p[j].k);
        /* common words would find most quotes: never picked */
        if (!dup && !check_stopword(words_at(w, k)))
            p[n++] = (struct group_word){k, w->w[k].len};
    }
    qsort(p, n, sizeof *p, group_word_cmp);
    m = n < GROUP_PICK ? n : GROUP_PICK;
    if (m < GROUP_NEED) {
        free(p);
        return NULL;
    }
    buf_puts(&e, "quote : (");
    /* every choice of GROUP_NEED of the m words: the sets of as many
     * bits */
    for (set = 1; set < 1u << m; set++) {
        if (__builtin_popcount(set) != GROUP_NEED)
            continue;
        buf_puts(&e, e.data[e.len - 1] == '(' ? "(" : " OR (");
        for (k = 0, j = 0; k < m; k++)
            if (set & 1u << k)
                buf_printf(&e, "%s\"%s\"", j++ ? " AND " : "",
                           words_at(w, p[k].k));
        buf_putc(&e, ')');
    }
    buf_putc(&e, ')');
    free(p);
    return buf_take(&e);
}

/* Reads quote qid into rs (one row). 0, or -1 with err filled. */
static int
group_read(struct index *ix, int64_t qid, struct group_rows *rs,
           struct q_error *err)
{
    if (index_group_quote(ix, qid, group_collect, rs, err) < 0)
        return -1;
    if (rs->n != 1) {
        q_error_set(err, "grouping variants: quote %lld is gone",
                    (long long)qid);
        return -1;
    }
    return 0;
}

/* Groups a quote just stored: into the group of its words when a grouped
 * quote has them (their near variants are that quote's), else into a
 * group of its own, its near variants to be looked for (group_link). */
static int
group_store_one(struct index *ix, int64_t qid, struct q_error *err)
{
    struct group_rows rs = {0};
    struct words w = {0};
    int64_t g = 0;
    int rc = -1;
    char *expr = NULL;

    if (group_read(ix, qid, &rs, err) < 0)
        goto out;
    if (rs.r[0].group != 0) {   /* grouped already: it stays */
        rc = index_group_set(ix, qid, rs.r[0].group, err);
        goto out;
    }
    if (rs.r[0].h != 0 &&
        (g = index_group_of_words(ix, rs.r[0].h, err)) < 0)
        goto out;
    if (g != 0) {
        rc = index_group_join(ix, qid, g, err);
        goto out;
    }
    if (index_group_join(ix, qid, qid, err) < 0)
        goto out;
    group_words(&w, rs.r[0].quote);
    if (w.n >= GROUP_MIN_WORDS && (expr = group_expr(&w)) != NULL &&
        index_group_near_set(ix, qid, true, err) < 0)
        goto out;
    rc = 0;
out:
    free(expr);
    group_rows_free(&rs);
    words_free(&w);
    return rc;
}

/* Links a grouped quote to its near variants in other articles: its
 * group and every group it is near merge into the smallest. */
static int
group_link_one(struct index *ix, int64_t qid, struct q_error *err)
{
    struct group_rows rs = {0};
    struct group_cand x = {0};
    struct words w = {0};
    int64_t g;
    int rc = -1;
    size_t k;
    char *expr = NULL;
    long n;

    if (group_read(ix, qid, &rs, err) < 0)
        goto out;
    g = rs.r[0].group;
    group_words(&w, rs.r[0].quote);
    expr = group_expr(&w);
    x.ix = ix;
    x.err = err;
    x.w = &w;
    x.article = rs.r[0].article;
    if (g != 0 && expr != NULL) {
        n = index_group_candidates(ix, expr, GROUP_CANDIDATES, x.article,
                                   GROUP_ALIGN, group_cand_hit, &x, err);
        if (n < 0 || x.failed)
            goto out;
        for (k = 0; k < x.ng; k++)
            if (x.gs[k] < g)
                g = x.gs[k];
        if (g != rs.r[0].group &&
            index_group_merge(ix, rs.r[0].group, g, err) < 0)
            goto out;
        for (k = 0; k < x.ng; k++)
            if (x.gs[k] != g && index_group_merge(ix, x.gs[k], g, err) < 0)
                goto out;
    }
    rc = index_group_near_set(ix, qid, false, err);
out:
    free(expr);
    group_rows_free(&rs);
    words_free(&w);
    words_free(&x.cw);
    free(x.seen);
    free(x.gs);
    return rc;
}

/* --- A group that lost a quote -------------------------------------------- */

static size_t
group_find(size_t *up, size_t i)
{
    while (up[i] != i)
        i = up[i] = up[up[i]];
    return i;
}

/* Members in the order of their words' hash, then qid. */
static int
group_row_cmp(const void *x, const void *y)
{
    const struct group_row *a = *(const struct group_row *const *)x;
    const struct group_row *b = *(const struct group_row *const *)y;

    if (a->h != b->h)
        return a->h < b->h ? -1 : 1;
    return (a->qid > b->qid) - (a->qid < b->qid);
}

/* Joins the sets of i and j in up[], the smaller index the root. */
static void
group_union(size_t *up, size_t i, size_t j)
{
    i = group_find(up, i);
    j = group_find(up, j);
    if (i != j)
        up[i > j ? i : j] = i < j ? i : j;
}

/* Splits group g into the components of what remains of it, each named
 * by its smallest qid, and counts each one's key and conflict. The same
 * words are joined by sorting; only one member a wording is aligned,
 * with one of each other wording (a wording found in two articles or
 * more has a member of another article than any given one). */
static int
group_settle(struct index *ix, int64_t g, struct q_error *err)
{
    struct group_rows rs = {0};
    struct group_row **by = NULL;
    struct words *w = NULL;
    size_t *up = NULL, *rep = NULL, i, j, n, nrep = 0;
    bool *many = NULL;
    int rc = -1;

    if (index_group_members(ix, g, group_collect, &rs, err) < 0)
        goto out;
    n = rs.n;
    up = xreallocarray(NULL, n + 1, sizeof *up);
    by = xreallocarray(NULL, n + 1, sizeof *by);
    rep = xreallocarray(NULL, n + 1, sizeof *rep);
    many = xcalloc(n + 1, sizeof *many);
    for (i = 0; i < n; i++) {
        up[i] = i;
        by[i] = &rs.r[i];
    }
    qsort(by, n, sizeof *by, group_row_cmp);
    /* a wording: a run of the same hash (0, no words: each alone) */
    for (i = 0; i < n; i++) {
        size_t at = (size_t)(by[i] - rs.r);
        if (i > 0 && by[i]->h != 0 && by[i]->h == by[i - 1]->h) {
            size_t r = rep[nrep - 1], first = (size_t)(by[i - 1] - rs.r);
            group_union(up, first, at);
            many[r] |= rs.r[r].article != by[i]->article;
            continue;
        }
        rep[nrep++] = at;
    }
    w = xcalloc(nrep + 1, sizeof *w);
    for (i = 0; i < nrep; i++)
        group_words(&w[i], rs.r[rep[i]].quote);
    for (i = 0; i < nrep; i++)
        for (j = i + 1; j < nrep; j++) {
            const struct group_row *a = &rs.r[rep[i]], *b = &rs.r[rep[j]];
            if (group_find(up, rep[i]) == group_find(up, rep[j]))
                continue;
            if ((a->article != b->article || many[rep[i]] ||
                 many[rep[j]]) &&
                w[i].n >= GROUP_MIN_WORDS && w[j].n >= GROUP_MIN_WORDS &&
                check_near(&w[i], &w[j]))
                group_union(up, rep[i], rep[j]);
        }
    /* rows come by qid: a component's root is its smallest */
    for (i = 0; i < n; i++) {
        int64_t id = rs.r[group_find(up, i)].qid;
        if (id != g && index_group_set(ix, rs.r[i].qid, id, err) < 0)
            goto out;
    }
    if (index_group_done(ix, g, err) < 0)
        goto out;
    for (i = 0; i < n; i++)
        if (group_find(up, i) == i && rs.r[i].qid != g &&
            index_group_done(ix, rs.r[i].qid, err) < 0)
            goto out;
    rc = 0;
out:
    for (i = 0; w != NULL && i < nrep; i++)
        words_free(&w[i]);
    free(w);
    free(up);
    free(by);
    free(rep);
    free(many);
    group_rows_free(&rs);
    return rc;
}

/* Settles every group that lost quotes: first, so that no group is
 * then named by a qid that is gone (and could be given again). */
static int
group_settle_all(struct index *ix, struct q_error *err)
{
    int64_t ids[GROUP_FETCH];
    long n, k;

    while ((n = index_group_dirty(ix, ids, GROUP_FETCH, err)) > 0)
        for (k = 0; k < n; k++)
            if (group_settle(ix, ids[k], err) < 0)
                return -1;
    return n < 0 ? -1 : 0;
}

/* Runs one() on up to max of what list gives. Returns how many, or -1. */
static long
group_each(struct index *ix, size_t max,
           long (*list)(struct index *, int64_t *, size_t, struct q_error *),
           int (*one)(struct index *, int64_t, struct q_error *),
           struct q_error *err)
{
    int64_t ids[GROUP_FETCH];
    size_t done = 0;
    long n = 0, k;

    if (group_settle_all(ix, err) < 0)
        return -1;
    while (done < max) {
        size_t want = max - done < GROUP_FETCH ? max - done : GROUP_FETCH;
        if ((n = list(ix, ids, want, err)) <= 0)
            break;
        for (k = 0; k < n; k++)
            if (one(ix, ids[k], err) < 0)
                return -1;
        done += (size_t)n;
    }
    return n < 0 ? -1 : (long)done;
}

long
group_store(void *ctx, struct index *ix, size_t max, struct q_error *err)
{
    (void)ctx;
    return group_each(ix, max, index_group_todo, group_store_one, err);
}

long
group_link(void *ctx, struct index *ix, size_t max, struct q_error *err)
{
    (void)ctx;
    return group_each(ix, max, index_group_near, group_link_one, err);
}
