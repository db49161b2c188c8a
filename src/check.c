// SPDX-License-Identifier: MIT
/*
 * Checking a claimed quote: a claim in, graded matches out. The claim's
 * rarer words pick candidates through the index (FTS5, and the hash of
 * the same words); only candidates are aligned, word by word, against the
 * claim. Nothing among the quotes: the articles' own text is searched the
 * same way. Variants of a quote are a check of its own words.
 */
#include "check.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "error.h"
#include "record.h"
#include "speaker.h"
#include "utf8.h"
#include "words.h"
#include "xmalloc.h"

/* Candidates: the best (bm25) of the claim's rarer words OR'd, the best
 * of the rarest ones AND'd (a fragment of a long quote ranks low among
 * short ones), every quote with the same words; articles for the
 * reporter's words. */
#define CHECK_OR_WORDS 8
#define CHECK_AND_WORDS 4
#define CHECK_OR_LIMIT 100
#define CHECK_AND_LIMIT 100
#define CHECK_GROUP_LIMIT 1000
#define CHECK_BODY_LIMIT 50
/* Counting how many quotes have a word stops at CHECK_DF_CAP; at most
 * CHECK_DF_WORDS words are counted; the words OR'd for candidates hold
 * at most CHECK_DF_BUDGET postings once three are in. */
#define CHECK_DF_CAP 2000
#define CHECK_DF_WORDS 24
#define CHECK_DF_BUDGET 20000
/* Candidates have two (or more) of the CHECK_PAIR_WORDS rarest words,
 * as many as make at most CHECK_RANK_MAX quotes to rank. */
#define CHECK_PAIR_WORDS 5
#define CHECK_RANK_MAX 1500
/* Words of a quote or body aligned at most (a longer one is cut). */
#define CHECK_MAX_QUOTE 3000
#define CHECK_MAX_BODY 50000
/* Variants: nearly the same words. */
#define CHECK_VARIANT_MIN 0.8

/* Common English words: never a candidate word while rarer ones exist.
 * Sorted, for bsearch. */
static const char *const check_stop[] = {
    "a", "about", "after", "again", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "but",
    "by", "can", "could", "did", "do", "does", "for", "from", "had", "has",
    "have", "he", "her", "here", "him", "his", "how", "i", "if", "in",
    "into", "is", "it", "its", "just", "like", "more", "most", "much",
    "must", "my", "no", "not", "now", "of", "on", "one", "only", "or",
    "other", "our", "out", "over", "people", "said", "say", "she",
    "should", "so", "some", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "to", "up", "us", "very",
    "was", "we", "were", "what", "when", "where", "which", "who", "why",
    "will", "with", "would", "you", "your",
};

static int
check_strcmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool
check_is_stop(const char *w)
{
    return bsearch(&w, check_stop, sizeof check_stop / sizeof *check_stop,
                   sizeof *check_stop, check_strcmp) != NULL;
}

bool
check_stopword(const char *w)
{
    return check_is_stop(w);
}

const char *
check_grade_name(enum check_grade g)
{
    static const char *const names[] = {"NONE", "NEAR", "FRAGMENT",
                                        "EXACT"};

    return names[g];
}

int
check_parse_min(const char *s, double *min)
{
    char *end;
    double v;

    errno = 0;
    v = strtod(s, &end);
    if (errno != 0 || end == s || *end != '\0' || !(v > 0) || v > 1)
        return -1;
    *min = v;
    return 0;
}

/* --- Alignment ------------------------------------------------------------ */

/* One step of an alignment: a quote word kept, dropped or elided (qi), a
 * claim word added (ci). */
struct check_step {
    enum check_op op;
    size_t ci, qi;
};

struct check_align {
    int ed;                 /* word edits */
    size_t j0, j1;          /* the quote's words aligned: [j0, j1) */
    struct check_step *steps;
    size_t nsteps;
};

/* Aligns the claim's words c (elisions skip any run of quote words for
 * free) with the quote's words q[0..n): globally, or (semi) against the
 * best run of q. Fills a, steps in order. */
static void
check_align(const struct words *c, const struct words *q, size_t n,
            bool semi, int *d, struct check_align *a)
{
    size_t m = c->n, i, j, w = n + 1, best = n;
    struct check_step *st;

#define D(i, j) d[(i) * w + (j)]
    for (j = 0; j <= n; j++)
        D(0, j) = semi ? 0 : (int)j;
    for (i = 1; i <= m; i++) {
        bool el = c->w[i - 1].elision;

        D(i, 0) = D(i - 1, 0) + (el ? 0 : 1);
        for (j = 1; j <= n; j++) {
            int v;
            if (el) {
                v = D(i - 1, j);
                if (D(i, j - 1) < v)
                    v = D(i, j - 1);
            } else {
                v = D(i - 1, j - 1) + (words_equal(c, i - 1, q, j - 1) ? 0
                                                                        : 1);
                if (D(i - 1, j) + 1 < v)
                    v = D(i - 1, j) + 1;
                if (D(i, j - 1) + 1 < v)
                    v = D(i, j - 1) + 1;
            }
            D(i, j) = v;
        }
    }
    if (semi)
        for (j = 0; j <= n; j++)
            if (D(m, j) < D(m, best))
                best = j;
    a->ed = D(m, best);
    a->j1 = best;
    /* back from the end: at most m + n steps */
    st = xreallocarray(NULL, m + n + 1, sizeof *st);
    a->nsteps = 0;
    i = m;
    j = best;
    while (i > 0 || (j > 0 && !semi)) {
        if (i == 0) {
            st[a->nsteps++] = (struct check_step){CHECK_DROPPED, 0, --j};
        } else if (c->w[i - 1].elision) {
            if (j > 0 && D(i, j) == D(i, j - 1))
                st[a->nsteps++] = (struct check_step){CHECK_ELIDED, 0, --j};
            else
                i--;
        } else if (j > 0 && D(i, j) == D(i - 1, j - 1) &&
                   words_equal(c, i - 1, q, j - 1)) {
            st[a->nsteps++] = (struct check_step){CHECK_SAME, --i, --j};
        } else if (j > 0 && D(i, j) == D(i - 1, j - 1) + 1) {
            i--;
            j--;
            st[a->nsteps++] = (struct check_step){CHECK_ADDED, i, j};
            st[a->nsteps++] = (struct check_step){CHECK_DROPPED, i, j};
        } else if (D(i, j) == D(i - 1, j) + 1) {
            st[a->nsteps++] = (struct check_step){CHECK_ADDED, --i, j};
        } else {
            st[a->nsteps++] = (struct check_step){CHECK_DROPPED, i, --j};
        }
    }
#undef D
    a->j0 = j;
    for (i = 0; i < a->nsteps / 2; i++) {
        struct check_step t = st[i];
        st[i] = st[a->nsteps - 1 - i];
        st[a->nsteps - 1 - i] = t;
    }
    a->steps = st;
}

/* The text s[a, b) sanitized, as a new string. */
static char *
check_span(const char *s, size_t a, size_t b)
{
    struct buf out = {0};

    if (b > a)
        utf8_sanitize(&out, s + a, b - a, false);
    return buf_take(&out);
}

static void
check_piece_add(struct check_match *m, enum check_op op, char *text)
{
    m->diff = xreallocarray(m->diff, m->ndiff + 1, sizeof *m->diff);
    m->diff[m->ndiff++] = (struct check_piece){op, text};
}

/* Turns the steps of a into m's diff: each run of kept or elided words
 * one piece, each change a dropped piece then an added one. */
static void
check_pieces(struct check_match *m, const struct check_align *a,
             const char *claim, const struct words *c, const char *quote,
             const struct words *q)
{
    size_t k = 0;

    while (k < a->nsteps) {
        enum check_op op = a->steps[k].op;
        size_t e = k;

        if (op == CHECK_SAME || op == CHECK_ELIDED) {
            while (e < a->nsteps && a->steps[e].op == op)
                e++;
            check_piece_add(m, op, check_span(quote,
                                              q->w[a->steps[k].qi].start,
                                              q->w[a->steps[e - 1].qi].end));
            k = e;
            continue;
        }
        /* a change: dropped quote words and added claim words */
        size_t d0 = SIZE_MAX, d1 = 0, a0 = SIZE_MAX, a1 = 0;
        while (e < a->nsteps && (a->steps[e].op == CHECK_DROPPED ||
                                 a->steps[e].op == CHECK_ADDED)) {
            const struct check_step *s = &a->steps[e++];
            if (s->op == CHECK_DROPPED) {
                if (d0 == SIZE_MAX)
                    d0 = s->qi;
                d1 = s->qi;
            } else {
                if (a0 == SIZE_MAX)
                    a0 = s->ci;
                a1 = s->ci;
            }
        }
        if (d0 != SIZE_MAX)
            check_piece_add(m, CHECK_DROPPED,
                            check_span(quote, q->w[d0].start, q->w[d1].end));
        if (a0 != SIZE_MAX)
            check_piece_add(m, CHECK_ADDED,
                            check_span(claim, c->w[a0].start, c->w[a1].end));
        k = e;
    }
}

/* The fewest word edits that turn a's words into a run of b's (b's
 * words before and after the run are free), two rows at a time; stops
 * early, returning limit + 1, once every cell of a row is over limit. */
static size_t
check_run_ed(const struct words *a, const struct words *b, size_t limit)
{
    size_t m = a->n, n = b->n, i, j, best;
    size_t *prev = xreallocarray(NULL, 2 * (n + 1), sizeof *prev);
    size_t *cur = prev + n + 1, *base = prev;

    for (j = 0; j <= n; j++)
        prev[j] = 0;
    for (i = 1; i <= m; i++) {
        size_t low = cur[0] = i, *t;

        for (j = 1; j <= n; j++) {
            size_t v = prev[j - 1] + (words_equal(a, i - 1, b, j - 1) ? 0
                                                                      : 1);
            if (prev[j] + 1 < v)
                v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            cur[j] = v;
            if (v < low)
                low = v;
        }
        t = prev, prev = cur, cur = t;
        if (low > limit) {
            free(base);
            return limit + 1;
        }
    }
    best = prev[0];
    for (j = 1; j <= n; j++)
        if (prev[j] < best)
            best = prev[j];
    free(base);
    return best;
}

bool
check_near(const struct words *a, const struct words *b)
{
    const struct words *s = a->n <= b->n ? a : b, *l = s == a ? b : a;
    size_t limit;

    if (s->n == 0 || s->n > CHECK_MAX_QUOTE || l->n > CHECK_MAX_QUOTE)
        return false;
    /* NEAR at CHECK_VARIANT_MIN, globally or against a run of the
     * longer, or a FRAGMENT: the shorter's edits to a run of the longer
     * at most 1 - CHECK_VARIANT_MIN of its words */
    limit = (size_t)((1.0 - CHECK_VARIANT_MIN) * (double)s->n + 1e-9);
    if (check_run_ed(s, l, limit) <= limit)
        return true;
    /* as long as each other: either may be the claim */
    return a->n == b->n && check_run_ed(l, s, limit) <= limit;
}

/* --- Running a check ------------------------------------------------------ */

struct check_run {
    struct check_result *r;
    const char *claim;
    struct words c;         /* the claim's words */
    struct words q;         /* the quote being aligned */
    int *d;                 /* the alignment matrix */
    size_t dcap;
    int64_t *seen;          /* qids aligned */
    size_t nseen, capseen;
    double min;
    char *name_key, *name_fold, *name_group;   /* --speaker */
    struct q_error *err;
    bool keep_all;          /* variants: every hit is a match */
};

/* True when the quote's speaker key is the --speaker name as speaker:
 * matches it: the name's key, or its folded words, as a run of whole
 * words of the key; or the key `quoth alias` gives the name. */
static bool
check_speaker_is(const struct check_run *x, const char *key)
{
    const char *pats[2] = {x->name_key, x->name_fold};
    struct buf k = {0}, p = {0};
    bool yes = false;
    size_t i;

    if (key == NULL)
        return false;
    if (x->name_group != NULL && strcmp(key, x->name_group) == 0)
        return true;
    buf_printf(&k, " %s ", key);
    for (i = 0; i < 2 && !yes; i++) {
        if (pats[i] == NULL || *pats[i] == '\0')
            continue;
        buf_reset(&p);
        buf_printf(&p, " %s ", pats[i]);
        for (size_t j = 0; j < p.len; j++)
            if (p.data[j] == '-')
                p.data[j] = ' ';
        yes = strstr(k.data, p.data) != NULL;
    }
    buf_free(&k);
    buf_free(&p);
    return yes;
}

static char *
check_dup(const char *s)
{
    return s != NULL ? xstrdup(s) : NULL;
}

/* Aligns one candidate; a match is kept in the result. */
static int
check_hit(void *ctx, const struct index_hit *h)
{
    struct check_run *x = ctx;
    const struct record *r = h->r;
    const struct article *art = r->article;
    struct check_align g = {0}, s = {0};
    const struct check_align *use = NULL;
    enum check_grade grade = CHECK_NONE;
    size_t k, n, need, L = x->r->words;
    double sg, ss, score = 0;

    for (k = 0; k < x->nseen; k++)
        if (x->seen[k] == h->qid)
            return 0;
    if (x->nseen == x->capseen) {
        x->capseen = x->capseen ? x->capseen * 2 : 256;
        x->seen = xreallocarray(x->seen, x->capseen, sizeof *x->seen);
    }
    x->seen[x->nseen++] = h->qid;
    x->r->candidates++;
    words_split(&x->q, r->quote, strlen(r->quote), false);
    n = x->q.n < CHECK_MAX_QUOTE ? x->q.n : CHECK_MAX_QUOTE;
    need = (x->c.n + 1) * (n + 1);
    if (need > x->dcap) {
        x->dcap = need;
        x->d = xreallocarray(x->d, need, sizeof *x->d);
    }
    check_align(&x->c, &x->q, n, false, x->d, &g);
    check_align(&x->c, &x->q, n, true, x->d, &s);
    sg = 1.0 - (double)g.ed / (double)L;
    ss = 1.0 - (double)s.ed / (double)L;
    if (g.ed == 0) {
        grade = CHECK_EXACT;
        use = &g;
        score = 1;
    } else if (ss >= CHECK_FRAGMENT_MIN && s.ed < g.ed) {
        grade = CHECK_FRAGMENT;
        use = &s;
        score = ss;
    } else if (sg >= x->min || ss >= x->min) {
        grade = CHECK_NEAR;
        use = sg >= ss ? &g : &s;
        score = sg >= ss ? sg : ss;
    } else if (x->keep_all) {
        /* a member of the quote's group, near it through others */
        grade = CHECK_NEAR;
        use = sg >= ss ? &g : &s;
        score = sg >= ss ? sg : ss;
    }
    if (grade != CHECK_NONE) {
        struct check_result *res = x->r;
        struct check_match *m;

        res->m = xreallocarray(res->m, res->n + 1, sizeof *res->m);
        m = &res->m[res->n++];
        memset(m, 0, sizeof *m);
        m->grade = grade;
        m->score = score;
        snprintf(m->id, sizeof m->id, "%s", r->id);
        snprintf(m->country, sizeof m->country, "%s", r->country);
        m->quote = xstrdup(r->quote);
        m->speaker = check_dup(r->speaker);
        m->role = check_dup(r->role);
        m->source = check_dup(art->source ? art->source : art->domain);
        m->title = check_dup(art->title);
        m->date = check_dup(art->date);
        m->url = check_dup(art->url);
        m->path = check_dup(art->path);
        m->key = check_dup(h->key);
        m->qid = h->qid;
        m->group = h->group;
        m->credited = check_speaker_is(x, h->key);
        check_pieces(m, use, x->claim, &x->c, r->quote, &x->q);
        if (use == &s && use->j0 > 0)
            m->before = check_span(r->quote, 0, x->q.w[use->j0 - 1].end);
        if (use == &s && use->j1 < x->q.n)
            m->after = check_span(r->quote, x->q.w[use->j1].start,
                                  strlen(r->quote));
    }
    free(g.steps);
    free(s.steps);
    return 0;
}

/* An FTS5 expression: the words, each a string, joined by op, over the
 * quote column when col is not NULL. */
static char *
check_expr(const struct words *c, const size_t *pick, size_t n,
           const char *op, const char *col)
{
    struct buf b = {0};
    size_t k;

    if (col != NULL)
        buf_printf(&b, "%s : (", col);
    for (k = 0; k < n; k++)
        buf_printf(&b, "%s\"%s\"", k ? op : "", words_at(c, pick[k]));
    if (col != NULL)
        buf_putc(&b, ')');
    return buf_take(&b);
}

static bool
check_ascii(const char *s)
{
    for (; *s != '\0'; s++)
        if ((unsigned char)*s >= 0x80)
            return false;
    return true;
}

/* A candidate word: its place in the claim and how many quotes have it
 * (up to CHECK_DF_CAP). */
struct check_word {
    size_t k;
    long df;
};

static int
check_word_cmp(const void *x, const void *y)
{
    const struct check_word *a = x, *b = y;

    if ((a->df == 0) != (b->df == 0))
        return a->df == 0 ? 1 : -1;
    if (a->df != b->df)
        return a->df < b->df ? -1 : 1;
    return (a->k > b->k) - (a->k < b->k);
}

/* Appends the ANDs of every choice of k of pick[from..m), after the
 * words chosen so far (chosen[0..nc)). */
static void
check_combos(struct buf *b, const struct words *c, const size_t *pick,
             size_t m, size_t k, size_t from, size_t *chosen, size_t nc,
             bool *first)
{
    size_t i;

    if (nc == k) {
        buf_puts(b, *first ? "(" : " OR (");
        for (i = 0; i < k; i++)
            buf_printf(b, "%s\"%s\"", i ? " AND " : "",
                       words_at(c, pick[chosen[i]]));
        buf_putc(b, ')');
        *first = false;
        return;
    }
    for (i = from; i + (k - nc) <= m; i++) {
        chosen[nc] = i;
        check_combos(b, c, pick, m, k, i + 1, chosen, nc + 1, first);
    }
}

/* An FTS5 expression over the quote column: any k of the m rarest words
 * (the one word when there is one). A quote needs k of the claim's
 * rarer words to be a candidate: a claim with two words changed still
 * has three of any five. */
static char *
check_any(const struct words *c, const size_t *pick, size_t m, size_t k)
{
    struct buf b = {0};
    size_t chosen[CHECK_PAIR_WORDS];
    bool first = true;

    if (m == 1)
        return check_expr(c, pick, 1, "", "quote");
    buf_puts(&b, "quote : (");
    check_combos(&b, c, pick, m, k, 0, chosen, 0, &first);
    buf_putc(&b, ')');
    return buf_take(&b);
}

/* Picks the claim's candidate words, rarest first: how many quotes have
 * each is counted (up to a cap, so a common word costs no more than a
 * rare one), common English words only when the claim has few others,
 * words joined across an apostrophe never (FTS5 splits them). pick gets
 * the words quotes have, as many as fit in a budget of postings;
 * body the rarest words whatever quotes have. Returns how many in pick
 * (*nbody in body), or -1. */
static long
check_pick(struct index *ix, const struct words *c, size_t *pick,
           size_t *body, size_t *nbody, struct q_error *err)
{
    struct check_word *w = xreallocarray(NULL, c->n + 1, sizeof *w);
    size_t n = 0, k, j, out = 0, nonstop = 0;
    long sum = 0;
    int pass;

    for (k = 0; k < c->n; k++)
        if (!c->w[k].elision && !c->w[k].apostrophe &&
            !check_is_stop(words_at(c, k)))
            nonstop++;
    for (pass = 0; pass < 2; pass++) {
        for (k = 0; k < c->n; k++) {
            bool stop, dup = false;
            if (c->w[k].elision || c->w[k].apostrophe)
                continue;
            stop = check_is_stop(words_at(c, k));
            if (stop != (pass == 1) || (stop && nonstop >= 3))
                continue;
            for (j = 0; j < n && !dup; j++)
                dup = words_equal(c, k, c, w[j].k);
            if (!dup)
                w[n++] = (struct check_word){k, 0};
        }
    }
    /* the longest are counted: more likely rare */
    if (n > CHECK_DF_WORDS) {
        for (k = 1; k < n; k++)
            for (j = k; j > 0 && c->w[w[j - 1].k].len < c->w[w[j].k].len;
                 j--) {
                struct check_word t = w[j];
                w[j] = w[j - 1];
                w[j - 1] = t;
            }
        n = CHECK_DF_WORDS;
    }
    for (k = 0; k < n; k++) {
        char *e = xasprintf("quote : \"%s\"", words_at(c, w[k].k));
        w[k].df = index_term_docs(ix, e, CHECK_DF_CAP, err);
        free(e);
        if (w[k].df < 0) {
            free(w);
            return -1;
        }
    }
    if (n > 1)
        qsort(w, n, sizeof *w, check_word_cmp);
    for (k = 0; k < n && out < CHECK_OR_WORDS && w[k].df > 0; k++) {
        if (out >= 3 && sum + w[k].df > CHECK_DF_BUDGET)
            break;
        sum += w[k].df;
        pick[out++] = w[k].k;
    }
    /* for the articles' text: words no quote has are the rarest; ASCII
     * ones only, each one token for sure (articles_fts keeps no
     * positions, so it takes no phrase) */
    *nbody = 0;
    for (k = n; k > 0 && w[k - 1].df == 0 && *nbody < CHECK_AND_WORDS; k--)
        if (check_ascii(words_at(c, w[k - 1].k)))
            body[(*nbody)++] = w[k - 1].k;
    for (k = 0; k < n && w[k].df > 0 && *nbody < CHECK_AND_WORDS; k++)
        if (check_ascii(words_at(c, w[k].k)))
            body[(*nbody)++] = w[k].k;
    free(w);
    return (long)out;
}

/* Best first: grade, score, the same words together, oldest first. */
static int
check_match_cmp(const void *x, const void *y)
{
    const struct check_match *a = x, *b = y;
    int c;

    if (a->grade != b->grade)
        return a->grade > b->grade ? -1 : 1;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    /* the same words together, so that text shows them as one */
    if (a->group != b->group)
        return a->group < b->group ? -1 : 1;
    c = strcmp(a->date ? a->date : "~", b->date ? b->date : "~");
    if (c != 0)
        return c;
    return (a->qid > b->qid) - (a->qid < b->qid);
}

static int
check_date_cmp(const void *x, const void *y)
{
    const struct check_match *a = x, *b = y;
    int c = strcmp(a->date ? a->date : "~", b->date ? b->date : "~");

    if (c != 0)
        return c;
    return (a->qid > b->qid) - (a->qid < b->qid);
}

static void
check_match_clear(struct check_match *m)
{
    size_t k;

    free(m->quote);
    free(m->speaker);
    free(m->role);
    free(m->source);
    free(m->title);
    free(m->date);
    free(m->url);
    free(m->path);
    free(m->key);
    for (k = 0; k < m->ndiff; k++)
        free(m->diff[k].text);
    free(m->diff);
    free(m->before);
    free(m->after);
}

void
check_result_free(struct check_result *r)
{
    size_t k;

    if (r == NULL)
        return;
    for (k = 0; k < r->n; k++)
        check_match_clear(&r->m[k]);
    free(r->m);
    for (k = 0; k < r->nrep; k++) {
        free(r->rep[k].title);
        free(r->rep[k].source);
        free(r->rep[k].date);
        free(r->rep[k].url);
        free(r->rep[k].path);
        free(r->rep[k].excerpt);
    }
    free(r->rep);
    free(r->claim);
    free(r->speaker);
    free(r->others);
    free(r);
}

/* The claim in an article's text: the best run of its words (semi-global
 * alignment in two rows, each cell with where its run starts). */
static int
check_body(void *ctx, const struct article *a)
{
    struct check_run *x = ctx;
    const struct words *c = &x->c;
    struct words b = {0};
    size_t m = c->n, n, i, j, best = 0;
    int *base, *prev, *cur, *ps, *cs;
    double score;

    words_split(&b, a->body, a->body_len, false);
    n = b.n < CHECK_MAX_BODY ? b.n : CHECK_MAX_BODY;
    base = prev = xreallocarray(NULL, 4 * (n + 1), sizeof *prev);
    cur = prev + (n + 1);
    ps = cur + (n + 1);
    cs = ps + (n + 1);
    for (j = 0; j <= n; j++) {
        prev[j] = 0;
        ps[j] = (int)j;
    }
    for (i = 1; i <= m; i++) {
        bool el = c->w[i - 1].elision;
        int *t;

        cur[0] = prev[0] + (el ? 0 : 1);
        cs[0] = ps[0];
        for (j = 1; j <= n; j++) {
            int v, s;
            if (el) {
                v = prev[j];
                s = ps[j];
                if (cur[j - 1] < v) {
                    v = cur[j - 1];
                    s = cs[j - 1];
                }
            } else {
                v = prev[j - 1] + (words_equal(c, i - 1, &b, j - 1) ? 0 : 1);
                s = ps[j - 1];
                if (prev[j] + 1 < v) {
                    v = prev[j] + 1;
                    s = ps[j];
                }
                if (cur[j - 1] + 1 < v) {
                    v = cur[j - 1] + 1;
                    s = cs[j - 1];
                }
            }
            cur[j] = v;
            cs[j] = s;
        }
        t = prev, prev = cur, cur = t;
        t = ps, ps = cs, cs = t;
    }
    for (j = 0; j <= n; j++)
        if (prev[j] < prev[best])
            best = j;
    score = 1.0 - (double)prev[best] / (double)x->r->words;
    if (score >= x->min && best > (size_t)ps[best]) {
        struct check_result *r = x->r;
        struct check_reporter *e;
        r->rep = xreallocarray(r->rep, r->nrep + 1, sizeof *r->rep);
        e = &r->rep[r->nrep++];
        e->score = score;
        e->title = check_dup(a->title);
        e->source = check_dup(a->source ? a->source : a->domain);
        e->date = check_dup(a->date);
        e->url = check_dup(a->url);
        e->path = check_dup(a->path);
        e->excerpt = check_span(a->body, b.w[ps[best]].start,
                                b.w[best - 1].end);
    }
    free(base);
    words_free(&b);
    return 0;
}

static int
check_rep_cmp(const void *x, const void *y)
{
    const struct check_reporter *a = x, *b = y;

    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return strcmp(a->date ? a->date : "~", b->date ? b->date : "~");
}

/* The verdict on --speaker, from the matches. */
static void
check_verdict(struct check_result *r)
{
    struct buf who = {0};
    size_t k, j;
    bool credited = false, anyone = false;

    if (r->speaker == NULL) {
        r->verdict = CHECK_NOT_ASKED;
        return;
    }
    if (r->n == 0) {
        r->verdict = CHECK_NOT_FOUND;
        return;
    }
    for (k = 0; k < r->n; k++) {
        const struct check_match *m = &r->m[k];
        bool dup = false;
        credited |= m->credited;
        if (m->speaker == NULL || m->credited)
            continue;
        anyone = true;
        for (j = 0; j < k && !dup; j++)
            dup = !r->m[j].credited && r->m[j].key != NULL &&
                  m->key != NULL && strcmp(r->m[j].key, m->key) == 0;
        if (!dup)
            buf_printf(&who, "%s%s", who.len ? "; " : "", m->speaker);
    }
    r->verdict = credited ? CHECK_CREDITED
                 : anyone ? CHECK_OTHER
                          : CHECK_NO_ONE;
    if (who.len > 0)
        r->others = buf_take(&who);
    buf_free(&who);
}

/* Finds the candidates of x's claim and aligns them. Returns 0 or -1. */
static int
check_search(struct index *ix, struct check_run *x, bool bodies)
{
    size_t pick[CHECK_OR_WORDS], body[CHECK_AND_WORDS], nbody;
    int64_t h = words_hash(&x->c);
    char *expr;
    long r = 0, n;

    if (h != 0 && index_candidates(ix, INDEX_CAND_GROUP, NULL, h,
                                   CHECK_GROUP_LIMIT, check_hit, x,
                                   x->err) < 0)
        return -1;
    n = check_pick(ix, &x->c, pick, body, &nbody, x->err);
    if (n < 0)
        return -1;
    /* Any two of the rarest words; any three, four, all five when that
     * is too many quotes to rank (bm25 costs some 8 us a quote). */
    if (n > 0) {
        size_t m = n < CHECK_PAIR_WORDS ? (size_t)n : CHECK_PAIR_WORDS;
        size_t k = m > 1 ? 2 : 1;
        long many;

        for (;; k++) {
            expr = check_any(&x->c, pick, m, k);
            if (k >= m)
                break;
            many = index_term_docs(ix, expr, CHECK_RANK_MAX, x->err);
            if (many < 0) {
                free(expr);
                return -1;
            }
            if (many < CHECK_RANK_MAX)
                break;
            free(expr);
        }
        r = index_candidates(ix, INDEX_CAND_MATCH, expr, 0, CHECK_OR_LIMIT,
                             check_hit, x, x->err);
        free(expr);
    }
    if (r >= 0 && n > 1) {
        size_t na = n < CHECK_AND_WORDS ? (size_t)n : CHECK_AND_WORDS;
        expr = check_expr(&x->c, pick, na, " AND ", "quote");
        r = index_candidates(ix, INDEX_CAND_MATCH, expr, 0, CHECK_AND_LIMIT,
                             check_hit, x, x->err);
        free(expr);
    }
    /* The articles with all of the rarest words, then with fewer of
     * them: articles_fts keeps no positions, and ranking without them
     * would read every body that has any of the words. */
    for (size_t k = nbody; r >= 0 && bodies && x->r->n == 0 && k >= 2 &&
                           x->r->nrep == 0;
         k--) {
        expr = check_expr(&x->c, body, k, " AND ", NULL);
        r = index_bodies(ix, expr, CHECK_BODY_LIMIT, check_body, x, x->err);
        free(expr);
        if (r > 0)
            break;
    }
    if (x->r->nrep > 1)
        qsort(x->r->rep, x->r->nrep, sizeof *x->r->rep, check_rep_cmp);
    return r < 0 ? -1 : 0;
}

static void
check_run_free(struct check_run *x)
{
    words_free(&x->c);
    words_free(&x->q);
    free(x->d);
    free(x->seen);
    free(x->name_key);
    free(x->name_fold);
    free(x->name_group);
}

/* Readies x for the claim; fails on a claim without words or too long. */
static int
check_start(struct check_run *x, struct check_result *r, const char *claim,
            double min, struct q_error *err)
{
    size_t k;

    memset(x, 0, sizeof *x);
    x->r = r;
    x->claim = claim;
    x->min = min;
    x->err = err;
    r->min = min;
    words_split(&x->c, claim, strlen(claim), true);
    for (k = 0; k < x->c.n; k++)
        if (!x->c.w[k].elision)
            r->words++;
    if (r->words == 0) {
        q_error_set(err, "the claim has no words to check");
        return -1;
    }
    if (r->words > (r->variants ? CHECK_MAX_QUOTE : CHECK_MAX_WORDS)) {
        q_error_set(err, "the claim has %zu words; at most %d are checked",
                    r->words, r->variants ? CHECK_MAX_QUOTE : CHECK_MAX_WORDS);
        return -1;
    }
    return 0;
}

struct check_result *
check_run(struct index *ix, const char *claim, const struct check_options *o,
          bool *usage, struct q_error *err)
{
    struct check_result *r = xcalloc(1, sizeof *r);
    struct check_run x;

    *usage = false;
    r->claim = xstrdup(claim);
    r->speaker = check_dup(o->speaker);
    if (check_start(&x, r, claim, o->min, err) < 0) {
        *usage = true;
        goto fail;
    }
    if (o->speaker != NULL) {
        struct buf k = {0}, f = {0};
        speaker_key(&k, o->speaker, strlen(o->speaker));
        utf8_fold(&f, o->speaker, strlen(o->speaker), true);
        if (k.len == 0) {
            buf_free(&k);
            buf_free(&f);
            q_error_set(err, "--speaker needs a name with letters");
            *usage = true;
            goto fail;
        }
        x.name_key = buf_take(&k);
        x.name_fold = buf_take(&f);
        x.name_group = index_speaker_group(ix, o->speaker, err);
    }
    if (check_search(ix, &x, true) < 0 ||
        index_coverage(ix, &r->cov, err) < 0)
        goto fail;
    if (r->n > 1)
        qsort(r->m, r->n, sizeof *r->m, check_match_cmp);
    check_verdict(r);
    r->total = r->n;
    if (o->limit > 0 && r->n > o->limit) {
        for (size_t k = o->limit; k < r->n; k++)
            check_match_clear(&r->m[k]);
        r->n = o->limit;
    }
    check_run_free(&x);
    return r;
fail:
    check_run_free(&x);
    check_result_free(r);
    return NULL;
}

/* Keeps the first hit of an id lookup, and how many distinct ids. */
struct check_one {
    struct check_match m;
    size_t ids;
    int64_t qid;
};

static int
check_one_hit(void *ctx, const struct index_hit *h)
{
    struct check_one *o = ctx;

    if (o->ids > 0 && strcmp(o->m.id, h->r->id) == 0)
        return 0;
    if (o->ids++ > 0)
        return 0;
    snprintf(o->m.id, sizeof o->m.id, "%s", h->r->id);
    o->m.quote = xstrdup(h->r->quote);
    o->qid = h->qid;
    return 0;
}

struct check_result *
check_variants(struct index *ix, const char *id, bool *usage,
               struct q_error *err)
{
    struct check_one one = {0};
    struct check_result *r = NULL;
    struct check_run x;
    struct buf pat = {0};
    size_t k, n = strlen(id);

    *usage = false;
    if (strncmp(id, "quoth:", 6) == 0) {
        id += 6;
        n -= 6;
    }
    if (n < 4 || n > 12 || strspn(id, "0123456789abcdefABCDEF") != n) {
        q_error_set(err, "'%.40s' is not a quote id (4 to 12 hex digits)",
                    id);
        *usage = true;
        return NULL;
    }
    for (k = 0; k < n; k++)
        buf_putc(&pat, (char)(id[k] >= 'A' && id[k] <= 'F' ? id[k] + 32
                                                            : id[k]));
    buf_putc(&pat, '*');
    if (index_candidates(ix, INDEX_CAND_ID, pat.data, 0, 1000, check_one_hit,
                         &one, err) < 0)
        goto out;
    if (one.ids > 1) {
        q_error_set(err, "several quotes have ids that begin with %.12s; "
                    "give more digits", id);
        *usage = true;
        goto out;
    }
    r = xcalloc(1, sizeof *r);
    r->variants = true;
    if (one.ids == 0) {         /* none: an empty result */
        r->claim = xstrndup(id, n);
        goto out;
    }
    r->claim = xstrdup(one.m.id);
    if (check_start(&x, r, one.m.quote, CHECK_VARIANT_MIN, err) < 0) {
        /* a quote without words: it is its own only variant */
        check_run_free(&x);
        memset(&x, 0, sizeof x);
        x.r = r;
        r->words = 1;
    }
    x.claim = one.m.quote;
    /* the quote's variant group, kept by the writer (group.c): one
     * indexed lookup; each member aligned for its score and drift */
    x.keep_all = true;
    if (index_candidates(ix, INDEX_CAND_VARIANTS, NULL, one.qid,
                         CHECK_GROUP_LIMIT, check_hit, &x, err) < 0 ||
        index_coverage(ix, &r->cov, err) < 0) {
        check_run_free(&x);
        check_result_free(r);
        r = NULL;
        goto out;
    }
    r->min = CHECK_VARIANT_MIN;
    if (r->n > 1)
        qsort(r->m, r->n, sizeof *r->m, check_date_cmp);
    r->total = r->n;
    /* drift: each appearance against the first */
    if (r->n > 0) {
        struct check_match *f = &r->m[0];
        words_split(&x.c, f->quote, strlen(f->quote), true);
        f->first = true;
        for (k = 0; k < r->n; k++) {
            struct check_match *m = &r->m[k];
            struct check_align g = {0};
            size_t j, need;

            m->conflict = f->key != NULL && m->key != NULL &&
                          strcmp(f->key, m->key) != 0;
            for (j = 0; j < m->ndiff; j++)
                free(m->diff[j].text);
            free(m->diff);
            m->diff = NULL;
            m->ndiff = 0;
            free(m->before);
            free(m->after);
            m->before = m->after = NULL;
            words_split(&x.q, m->quote, strlen(m->quote), false);
            j = x.q.n < CHECK_MAX_QUOTE ? x.q.n : CHECK_MAX_QUOTE;
            need = (x.c.n + 1) * (j + 1);
            if (need > x.dcap) {
                x.dcap = need;
                x.d = xreallocarray(x.d, need, sizeof *x.d);
            }
            /* from the first's words (as the claim) to this one's */
            check_align(&x.c, &x.q, j, false, x.d, &g);
            check_pieces(m, &g, f->quote, &x.c, m->quote, &x.q);
            free(g.steps);
        }
    }
    check_run_free(&x);
out:
    free(one.m.quote);
    buf_free(&pat);
    return r;
}

/* --- Writing -------------------------------------------------------------- */

#define SGR_BOLD "\033[1m"
#define SGR_DIM "\033[2m"
#define SGR_DROP "\033[9;31m"
#define SGR_ADD "\033[4;32m"
#define SGR_OFF "\033[0m"

void
check_diff_text(struct buf *b, const struct check_match *m, bool color)
{
    size_t k;

    for (k = 0; k < m->ndiff; k++) {
        const struct check_piece *p = &m->diff[k];
        if (k > 0 && !(p->op == CHECK_ADDED &&
                       m->diff[k - 1].op == CHECK_DROPPED))
            buf_putc(b, ' ');
        switch (p->op) {
        case CHECK_SAME:
            buf_puts(b, p->text);
            break;
        case CHECK_DROPPED:
            buf_printf(b, "%s%s%s", color ? SGR_DROP : "[-", p->text,
                       color ? SGR_OFF : "-]");
            break;
        case CHECK_ADDED:
            buf_printf(b, "%s%s%s", color ? SGR_ADD : "{+", p->text,
                       color ? SGR_OFF : "+}");
            break;
        case CHECK_ELIDED:
            buf_printf(b, "%s[...%s...]%s", color ? SGR_DIM : "", p->text,
                       color ? SGR_OFF : "");
            break;
        }
    }
}

/* n with thousands separated by commas. */
static void
check_num(struct buf *b, int64_t n)
{
    char s[32];
    int len = snprintf(s, sizeof s, "%lld", (long long)n), k;

    for (k = 0; k < len; k++) {
        if (k > 0 && s[k - 1] != '-' && (len - k) % 3 == 0)
            buf_putc(b, ',');
        buf_putc(b, s[k]);
    }
}

void
check_coverage_text(struct buf *b, const struct check_result *r)
{
    const struct index_coverage *c = &r->cov;

    buf_puts(b, "searched ");
    check_num(b, c->articles);
    buf_printf(b, " article%s and ", c->articles == 1 ? "" : "s");
    check_num(b, c->quotes);
    buf_printf(b, " quote%s from ", c->quotes == 1 ? "" : "s");
    check_num(b, c->sources);
    buf_printf(b, " source%s", c->sources == 1 ? "" : "s");
    if (c->date_min[0] != '\0')
        buf_printf(b, ", %.10s to %.10s", c->date_min, c->date_max);
    else
        buf_puts(b, ", no dates");
    buf_printf(b, "; threshold %.2f", r->min);
}

/* Appends s sanitized ("-" for NULL). */
static void
check_clean(struct buf *b, const char *s)
{
    if (s == NULL)
        buf_puts(b, "-");
    else
        utf8_sanitize(b, s, strlen(s), false);
}

/* The sentence on --speaker, or on nothing found. */
static void
check_verdict_text(struct buf *b, const struct check_result *r)
{
    switch (r->verdict) {
    case CHECK_NOT_ASKED:
        if (r->n == 0 && r->nrep == 0)
            buf_printf(b, "NONE: no quote in the index has these words "
                       "(at %.2f or above)\n", r->min);
        else if (r->n == 0)
            buf_puts(b, "NONE: no quote in the index has these words\n");
        return;
    case CHECK_CREDITED:
        buf_puts(b, "the index credits these words to ");
        check_clean(b, r->speaker);
        if (r->others != NULL) {
            buf_puts(b, "; some matches credit ");
            check_clean(b, r->others);
        }
        break;
    case CHECK_OTHER:
        buf_puts(b, "the index does not credit these words to ");
        check_clean(b, r->speaker);
        buf_puts(b, " but to ");
        check_clean(b, r->others);
        buf_puts(b, ": a possible misattribution");
        break;
    case CHECK_NO_ONE:
        buf_puts(b, "the index credits these words to no one (no match has "
                 "a speaker), not to ");
        check_clean(b, r->speaker);
        break;
    case CHECK_NOT_FOUND:
        buf_puts(b, "no quote in the index has these words, credited to ");
        check_clean(b, r->speaker);
        buf_puts(b, " or to anyone");
        break;
    }
    buf_puts(b, "\n");
}

/* One match for people: its grade (variants: first, another speaker),
 * id and speaker; the quote; the diff and what was cut; where. */
static void
check_text_match(struct buf *b, const struct check_result *r,
                 const struct check_match *m, bool color)
{
    buf_putc(b, '\n');
    if (color)
        buf_puts(b, SGR_BOLD);
    if (r->variants)
        buf_printf(b, "%s%s %s  ", m->first ? "first" : "     ",
                   m->conflict ? " \xe2\x89\xa0" : "  ", m->date ? m->date
                                                                 : "-");
    else
        buf_printf(b, "%-8s %.2f  ", check_grade_name(m->grade), m->score);
    buf_printf(b, "%s  ", m->id);
    check_clean(b, m->speaker ? m->speaker : "(unattributed)");
    if (m->country[0])
        buf_printf(b, " (%s)", m->country);
    if (m->role != NULL) {
        buf_puts(b, ", ");
        check_clean(b, m->role);
    }
    if (color)
        buf_puts(b, SGR_OFF);
    buf_puts(b, "\n    \xe2\x80\x9c");
    check_clean(b, m->quote);
    buf_puts(b, "\xe2\x80\x9d\n");
    if (m->grade != CHECK_EXACT || r->variants) {
        bool changed = false;
        for (size_t k = 0; k < m->ndiff; k++)
            changed |= m->diff[k].op != CHECK_SAME;
        if (changed) {
            buf_puts(b, r->variants ? "    drift: " : "    diff: ");
            check_diff_text(b, m, color);
            buf_putc(b, '\n');
        }
    }
    if (m->before != NULL) {
        buf_puts(b, "    cut before: \xe2\x80\x9c");
        buf_puts(b, m->before);
        buf_puts(b, "\xe2\x80\x9d\n");
    }
    if (m->after != NULL) {
        buf_puts(b, "    cut after: \xe2\x80\x9c");
        buf_puts(b, m->after);
        buf_puts(b, "\xe2\x80\x9d\n");
    }
    buf_puts(b, "    ");
    if (color)
        buf_puts(b, SGR_DIM);
    check_clean(b, m->source);
    buf_puts(b, " \xc2\xb7 \xe2\x80\x9c");
    check_clean(b, m->title);
    buf_puts(b, "\xe2\x80\x9d \xc2\xb7 ");
    check_clean(b, m->date);
    buf_puts(b, " \xc2\xb7 ");
    check_clean(b, m->url ? m->url : m->path);
    if (color)
        buf_puts(b, SGR_OFF);
    buf_putc(b, '\n');
}

/* The whole answer for people: the verdict, the matches (copies of
 * the same words on one line each), the reporter's words, the coverage
 * last. */
static void
check_text(struct buf *b, const struct check_result *r, bool color)
{
    const struct check_match *head = NULL;
    size_t k;

    if (r->variants) {
        buf_printf(b, "%zu appearance%s of the words of %s, oldest first",
                   r->n, r->n == 1 ? "" : "s", r->claim);
        for (k = 0; k < r->n && !r->m[k].conflict; k++)
            ;
        if (k < r->n)
            buf_puts(b, "; \xe2\x89\xa0 marks another speaker than the "
                     "first's");
        buf_putc(b, '\n');
    } else {
        check_verdict_text(b, r);
    }
    for (k = 0; k < r->n; k++) {
        const struct check_match *m = &r->m[k], *h = k > 0 ? head : NULL;
        /* the same words graded alike, credited to the same person: one
         * line each after the first (syndicated copies, say) */
        if (!r->variants && h != NULL && h->grade == m->grade &&
            h->score == m->score && h->group == m->group && m->group != 0 &&
            ((h->key == NULL && m->key == NULL) ||
             (h->key != NULL && m->key != NULL &&
              strcmp(h->key, m->key) == 0))) {
            buf_printf(b, "    also %s  ", m->id);
            check_clean(b, m->source);
            buf_puts(b, " \xc2\xb7 ");
            check_clean(b, m->date);
            buf_puts(b, " \xc2\xb7 ");
            check_clean(b, m->url ? m->url : m->path);
            buf_putc(b, '\n');
            continue;
        }
        head = m;
        check_text_match(b, r, m, color);
    }
    if (r->total > r->n)
        buf_printf(b, "\n(%zu more matches not shown)\n", r->total - r->n);
    for (k = 0; k < r->nrep; k++) {
        const struct check_reporter *e = &r->rep[k];
        buf_printf(b, "\nfound as the reporter's words in \xe2\x80\x9c");
        check_clean(b, e->title);
        buf_puts(b, "\xe2\x80\x9d (");
        check_clean(b, e->source);
        buf_puts(b, ", ");
        check_clean(b, e->date);
        buf_puts(b, ", ");
        check_clean(b, e->url ? e->url : e->path);
        buf_printf(b, "), %.2f, not as a quote:\n    \xe2\x80\x9c%s"
                   "\xe2\x80\x9d\n", e->score, e->excerpt);
    }
    buf_putc(b, '\n');
    check_coverage_text(b, r);
    buf_putc(b, '\n');
}

/* The match as a JSON object; the caller owns it. */
static json_t *
check_json_match(const struct check_result *r, const struct check_match *m)
{
    json_t *o = json_object();
    struct buf d = {0};

    check_diff_text(&d, m, false);
    json_object_set_new(o, "grade", json_string(r->variants
                                                    ? (m->first ? "FIRST"
                                                                : "VARIANT")
                                                    : check_grade_name(
                                                          m->grade)));
    json_object_set_new(o, "score", json_real(round(m->score * 1000) /
                                              1000));
    json_object_set_new(o, "id", json_string(m->id));
    json_object_set_new(o, "speaker", m->speaker ? json_string(m->speaker)
                                                 : json_null());
    json_object_set_new(o, "role", m->role ? json_string(m->role)
                                           : json_null());
    json_object_set_new(o, "country", m->country[0]
                                          ? json_string(m->country)
                                          : json_null());
    json_object_set_new(o, "source", m->source ? json_string(m->source)
                                               : json_null());
    json_object_set_new(o, "title", m->title ? json_string(m->title)
                                             : json_null());
    json_object_set_new(o, "date", m->date ? json_string(m->date)
                                           : json_null());
    json_object_set_new(o, "url", m->url ? json_string(m->url)
                                         : json_null());
    json_object_set_new(o, "quote", json_string(m->quote));
    json_object_set_new(o, "diff", json_string(d.data ? d.data : ""));
    json_object_set_new(o, "cut_before", m->before ? json_string(m->before)
                                                   : json_null());
    json_object_set_new(o, "cut_after", m->after ? json_string(m->after)
                                                 : json_null());
    if (r->speaker != NULL)
        json_object_set_new(o, "credited", json_boolean(m->credited));
    if (r->variants)
        json_object_set_new(o, "conflict", json_boolean(m->conflict));
    buf_free(&d);
    return o;
}

/* An article that has the words as its own, as a JSON object. */
static json_t *
check_json_reporter(const struct check_reporter *e)
{
    json_t *o = json_object();

    json_object_set_new(o, "grade", json_string("REPORTER"));
    json_object_set_new(o, "score", json_real(round(e->score * 1000) /
                                              1000));
    json_object_set_new(o, "source", e->source ? json_string(e->source)
                                               : json_null());
    json_object_set_new(o, "title", e->title ? json_string(e->title)
                                             : json_null());
    json_object_set_new(o, "date", e->date ? json_string(e->date)
                                           : json_null());
    json_object_set_new(o, "url", e->url ? json_string(e->url)
                                         : json_null());
    json_object_set_new(o, "text", json_string(e->excerpt));
    return o;
}

static const char *const check_verdicts[] = {
    [CHECK_NOT_ASKED] = NULL, [CHECK_CREDITED] = "credited",
    [CHECK_OTHER] = "other", [CHECK_NO_ONE] = "no one",
    [CHECK_NOT_FOUND] = "not found",
};

/* What was searched, as a JSON object (the coverage line too). */
static json_t *
check_json_searched(const struct check_result *r)
{
    json_t *o = json_object();
    struct buf b = {0};

    check_coverage_text(&b, r);
    json_object_set_new(o, "articles", json_integer(r->cov.articles));
    json_object_set_new(o, "quotes", json_integer(r->cov.quotes));
    json_object_set_new(o, "sources", json_integer(r->cov.sources));
    json_object_set_new(o, "date_min", r->cov.date_min[0]
                                           ? json_string(r->cov.date_min)
                                           : json_null());
    json_object_set_new(o, "date_max", r->cov.date_max[0]
                                           ? json_string(r->cov.date_max)
                                           : json_null());
    json_object_set_new(o, "threshold", json_real(r->min));
    json_object_set_new(o, "text", json_string(b.data));
    buf_free(&b);
    return o;
}

/* Writes v on a line and releases it. Returns 0, or -1. */
static int
check_json_dump(FILE *fp, json_t *v)
{
    int rc = json_dumpf(v, fp, JSON_COMPACT | JSON_REAL_PRECISION(4));

    json_decref(v);
    if (rc < 0 || fputc('\n', fp) == EOF)
        return -1;
    return 0;
}

static const char *const check_columns[] = {
    "grade", "score", "id", "speaker", "role", "country", "source", "title",
    "date", "url", "quote", "diff", "cut_before", "cut_after",
};
#define CHECK_NCOLS (sizeof check_columns / sizeof *check_columns)

/* One row of tsv or csv: the cells' text, sanitized and escaped. */
static void
check_row(struct buf *line, enum out_format f, const char *const *cells)
{
    size_t k;

    for (k = 0; k < CHECK_NCOLS; k++) {
        if (k > 0)
            buf_putc(line, f == OUT_TSV ? '\t' : ',');
        out_cell(line, f, cells[k] ? cells[k] : "");
    }
    buf_puts(line, f == OUT_TSV ? "\n" : "\r\n");
}

/* The answer as tsv or csv: header, matches, reporter's words, and the
 * coverage on a last line of its own. */
static void
check_table(struct buf *out, const struct check_result *r, enum out_format f)
{
    struct buf d = {0}, cov = {0};
    char score[16];
    size_t k;

    check_row(out, f, check_columns);
    for (k = 0; k < r->n; k++) {
        const struct check_match *m = &r->m[k];
        buf_reset(&d);
        check_diff_text(&d, m, false);
        snprintf(score, sizeof score, "%.3f", m->score);
        const char *cells[CHECK_NCOLS] = {
            r->variants ? (m->first ? "FIRST" : "VARIANT")
                        : check_grade_name(m->grade),
            score, m->id, m->speaker, m->role, m->country, m->source,
            m->title, m->date, m->url, m->quote, d.data, m->before,
            m->after,
        };
        check_row(out, f, cells);
    }
    for (k = 0; k < r->nrep; k++) {
        const struct check_reporter *e = &r->rep[k];
        snprintf(score, sizeof score, "%.3f", e->score);
        const char *cells[CHECK_NCOLS] = {
            "REPORTER", score, "", "", "", "", e->source, e->title,
            e->date, e->url, e->excerpt, "", "", "",
        };
        check_row(out, f, cells);
    }
    check_coverage_text(&cov, r);
    buf_printf(out, "# %s%s", cov.data, f == OUT_TSV ? "\n" : "\r\n");
    buf_free(&d);
    buf_free(&cov);
}

int
check_print(FILE *fp, const struct check_result *r, enum out_format f,
            bool color)
{
    struct buf b = {0};
    size_t k;
    int rc = 0;

    switch (f) {
    case OUT_TEXT:
    case OUT_CITE:
        check_text(&b, r, color && f == OUT_TEXT);
        break;
    case OUT_TSV:
    case OUT_CSV:
        check_table(&b, r, f);
        break;
    case OUT_JSONL:
        for (k = 0; k < r->n && rc == 0; k++)
            rc = check_json_dump(fp, check_json_match(r, &r->m[k]));
        for (k = 0; k < r->nrep && rc == 0; k++)
            rc = check_json_dump(fp, check_json_reporter(&r->rep[k]));
        if (rc == 0) {
            json_t *o = json_object();
            json_object_set_new(o, "searched", check_json_searched(r));
            if (check_verdicts[r->verdict] != NULL)
                json_object_set_new(o, "verdict",
                                    json_string(check_verdicts[r->verdict]));
            rc = check_json_dump(fp, o);
        }
        break;
    case OUT_JSON: {
        json_t *o = json_object(), *a = json_array(), *p = json_array();
        json_object_set_new(o, r->variants ? "id" : "claim",
                            json_string(r->claim));
        if (r->speaker != NULL) {
            json_object_set_new(o, "speaker", json_string(r->speaker));
            json_object_set_new(o, "verdict",
                                json_string(check_verdicts[r->verdict]));
            json_object_set_new(o, "credited_to_others",
                                r->others ? json_string(r->others)
                                          : json_null());
        }
        json_object_set_new(o, "searched", check_json_searched(r));
        for (k = 0; k < r->n; k++)
            json_array_append_new(a, check_json_match(r, &r->m[k]));
        for (k = 0; k < r->nrep; k++)
            json_array_append_new(p, check_json_reporter(&r->rep[k]));
        json_object_set_new(o, "results", a);
        json_object_set_new(o, "reporter", p);
        json_object_set_new(o, "more", json_integer((json_int_t)(r->total -
                                                                 r->n)));
        rc = check_json_dump(fp, o);
        break;
    }
    case OUT_NFORMATS:
        break;
    }
    if (b.len > 0 && fwrite(b.data, 1, b.len, fp) != b.len)
        rc = -1;
    buf_free(&b);
    if (fflush(fp) != 0 || ferror(fp))
        rc = -1;
    return rc;
}
