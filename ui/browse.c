// SPDX-License-Identifier: MIT
/*
 * The browser: an index and a query in; a screen of quotes out (ux.md
 * 5.1-5.3). The list is a window of rows over the query's keyset pages,
 * never the whole result; counts come from a thread (count.c). One loop:
 * key handlers change state and say what to repaint; the loop draws.
 */
#include "browse.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "buf.h"
#include "check.h"
#include "checkview.h"
#include "clip.h"
#include "config.h"
#include "count.h"
#include "error.h"
#include "history.h"
#include "index.h"
#include "out.h"
#include "query.h"
#include "review.h"
#include "sentence.h"
#include "text.h"
#include "timeline.h"
#include "utf8.h"
#include "xmalloc.h"

#define MIN_COLS 60
#define MIN_LINES 15
#define WIDE_COLS 160
#define ROW_MAX 256      /* rows on a screen that the mouse can find */
#define TIMELINE_BUDGET 200000  /* quotes the timeline counts at most */
#define CTRL(c) ((c) & 0x1f)
#define KEY_ESC 27
#define KEY_ALT_B (KEY_MAX + 1)     /* Esc b: a word back, in a prompt */
#define KEY_ALT_F (KEY_MAX + 2)     /* Esc f: a word forward */
/* a bracketed paste's start and end (xterm's mode 2004), as key codes */
#define KEY_PASTE_BEGIN (KEY_MAX + 3)
#define KEY_PASTE_END (KEY_MAX + 4)
#define COMPLETE_MAX 20             /* candidates a Tab asks for */

/* One row of the list: what the list and the status line show, copied
 * out of the page query, and its key in the sort. */
struct row {
    char id[13];
    char *date, *speaker, *country, *source, *quote;
    struct index_key key;
    signed char conflict;   /* ≠: 0 not looked up yet, 1 yes, -1 no */
};

enum mode { M_LIST, M_PROMPT, M_READER, M_PICKER, M_HELP, M_TIMELINE,
            M_CHECK };
enum prompt_kind { P_SEARCH, P_FILTER, P_DATE, P_COMMAND, P_SAVE, P_PIPE,
                   P_NOTE, P_HSEARCH, P_HFILTER, P_CHECK, P_N };

/* An entry of a picker: a facet value and how many quotes have it. */
struct pick {
    char *value, *label;    /* the term's value; what the list shows */
    long count;
    bool on, hidden;
};

struct browser {
    const char *db;
    struct index *ix, *wix;         /* reading; writing marks (lazily) */
    struct counter *counter;
    bool color, mouse, quit;
    enum mode mode;

    /* the query: filter text, its parse; a suspended filter (Ctrl-F) */
    char *filter, *suspended, *prev_filter;
    char *asked;                    /* the text last given to the counter */
    struct query q;
    bool have_q;
    char *search;                   /* the / text, or NULL */
    char *prev_search;              /* the search before the prompt */
    struct index_key sfrom;         /* the row a search or filter left */
    bool search_hit;
    struct query sq;                /* filter AND search, for n/N */
    bool have_sq;
    enum index_sort sort;
    char *init_filter;              /* the query the browser opened on */
    enum index_sort init_sort;      /* ... and its sort, for Ctrl-R */

    /* the window over the result */
    struct row *rows;
    size_t n, cur, top;
    long pos;                       /* rows[0]'s place from 0, or -1 */
    bool at_start, at_end;
    long count, total;              /* -1 while unknown */

    /* where each row on the screen begins (for the mouse) */
    int row_y[ROW_MAX + 1];
    size_t nrow_y;

    /* the context of the current row */
    char ctx_id[13];
    struct record_store *ctx;
    int zoom;                       /* sentences each side of the quote */
    bool ctx_focus;                 /* Tab: keys scroll the context */
    bool ctx_scrolled;              /* ... and it was: ctx_first holds */
    size_t ctx_first, ctx_nl;       /* its first line shown, its lines */
    int ctx_h;                      /* the lines it had on the screen */

    /* prompt, and its history per kind (newest last) */
    char **hist[P_N];
    size_t nhist[P_N], hpos;
    enum prompt_kind pk;
    struct buf line;
    size_t cursor;
    struct buf yank;                /* what Ctrl-U, -W, -K cut, for Ctrl-Y */
    char perr[256];
    size_t perr_col;
    bool perr_on;

    /* reader */
    struct text *rd;
    struct buf rd_head;
    size_t rd_top, rd_at;
    int rd_width;

    /* picker */
    struct pick *picks;
    size_t npicks, pcur, ptop;
    const char *pfield;
    struct buf pfilter;
    bool pby_name;                  /* sorted by name, not by count */
    struct counter *scount;         /* @: counts the saved, one by one */
    size_t scount_at;               /* ... the one it counts */

    /* the timeline (i) */
    struct timeline *tl;

    /* marks */
    char *case_name;
    char **marks, **notes;          /* ids in the case, and their notes */
    size_t nmarks;

    /* X and v: the answer screen; where the reader goes back to; a
     * bracketed paste going on in the claim prompt */
    struct checkview *cv;
    enum mode rd_back;
    bool paste_on, pasting;
    bool choosing;                  /* Y: the next key picks a format */
    struct ui_config cfg;           /* the config file's settings */
    int status_fx;                  /* the filter's column on the status
                                     * line, or -1 (for a click) */

    char msg[512];
    int64_t data_version;
    bool writing, stale;
    bool abortable, aborted;    /* a live-filter page gives way to a key */
    bool page_stale;            /* ... and is read again when keys stop */
    time_t recounted;
    long old_count;         /* the count before a recount, or -1 */
    size_t help_top;                /* among the lines shown */
    char *help_filter, *help_search;    /* \ and / in the help */
    char *help_prev;                /* ... either before its prompt */
    size_t help_at;                 /* the search's line, or SIZE_MAX */
};

/* What the context pane and the reader hold: records of one article with
 * its body and paragraphs copied. */
struct record_store {
    char *body;
    size_t body_len;
    struct para *paras;
    size_t nparas;
    char *title, *source, *url, *date;
    struct {
        char id[13];
        size_t start, end, sp_start, sp_end, cue_start, cue_end, para;
        char *speaker, *role, *method;
        double confidence;
    } *q;
    size_t nq;
};

static char *
dup0(const char *s)
{
    return s != NULL ? xstrdup(s) : NULL;
}

static void
row_clear(struct row *r)
{
    free(r->date);
    free(r->speaker);
    free(r->country);
    free(r->source);
    free(r->quote);
    free(r->key.val);
    memset(r, 0, sizeof *r);
}

static void
store_free(struct record_store *s)
{
    size_t k;

    if (s == NULL)
        return;
    for (k = 0; k < s->nq; k++) {
        free(s->q[k].speaker);
        free(s->q[k].role);
        free(s->q[k].method);
    }
    free(s->q);
    free(s->body);
    free(s->paras);
    free(s->title);
    free(s->source);
    free(s->url);
    free(s->date);
    free(s);
}

/* Record sink filling a store from index_article_quotes. */
static int
store_put(void *ctx, const struct record *r)
{
    struct record_store *s = ctx;
    const struct article *a = r->article;

    if (s->body == NULL) {
        s->body = xmalloc(a->body_len + 1);
        memcpy(s->body, a->body, a->body_len);
        s->body[a->body_len] = '\0';
        s->body_len = a->body_len;
        s->nparas = a->npara;
        s->paras = xreallocarray(NULL, a->npara + 1, sizeof *s->paras);
        memcpy(s->paras, a->paras, a->npara * sizeof *s->paras);
        s->title = dup0(a->title);
        s->source = dup0(a->source ? a->source : a->domain);
        s->url = dup0(a->url);
        s->date = dup0(a->date);
    }
    s->q = xreallocarray(s->q, s->nq + 1, sizeof *s->q);
    memset(&s->q[s->nq], 0, sizeof *s->q);
    memcpy(s->q[s->nq].id, r->id, sizeof r->id);
    s->q[s->nq].start = r->start;
    s->q[s->nq].end = r->end;
    s->q[s->nq].sp_start = r->speaker_start;
    s->q[s->nq].sp_end = r->speaker_end;
    s->q[s->nq].cue_start = r->cue_start;
    s->q[s->nq].cue_end = r->cue_end;
    s->q[s->nq].para = r->para;
    s->q[s->nq].speaker = dup0(r->speaker);
    s->q[s->nq].role = dup0(r->role);
    s->q[s->nq].method = dup0(r->method);
    s->q[s->nq].confidence = r->confidence;
    s->nq++;
    return 0;
}

/* --- Attributes: meaning by attribute first, colour added (ux.md 5.2) -- */

/* The colours the call sites name, as elements of the config. */
enum { PAIR_SPEAKER = UI_SPEAKER, PAIR_HIT = UI_HIT, PAIR_DIM = UI_DETAILS,
       PAIR_QUOTE = UI_QUOTE, PAIR_ERR = UI_ERROR };
/* The first colour pair: one an element from there (config.c). */
#define PAIR_BASE 1

/* a with what the config adds to the element (attributes, its colour). */
static attr_t
attr_of(const struct browser *b, int el, attr_t a)
{
    a |= b->cfg.el[el].attrs;
    if (b->color && (b->cfg.el[el].fg >= 0 || b->cfg.el[el].bg >= 0))
        a |= COLOR_PAIR(PAIR_BASE + el);
    return a;
}

/* The element's own attributes, and what the config adds. */
static attr_t
el_attr(const struct browser *b, enum ui_element e)
{
    return ui_config_attr(&b->cfg, e, PAIR_BASE, b->color);
}

/* The answer screens' attributes, in the browser's colours. */
static void
check_style(const struct browser *b, struct checkview_style *st)
{
    st->speaker = attr_of(b, PAIR_SPEAKER, A_BOLD);
    st->dim = attr_of(b, PAIR_DIM, A_NORMAL);
    st->dropped = el_attr(b, UI_DROPPED);
    st->added = el_attr(b, UI_ADDED);
    st->title = A_BOLD;
    st->mark = el_attr(b, UI_MARK);
}

/* --- The query ---------------------------------------------------------- */

/* Parses text with the index's saved searches. Returns 0, or -1 with qe
 * filled. */
static int
parse(struct browser *b, const char *text, struct query *q,
      struct query_error *qe)
{
    struct query_env env = {0, index_query_lookup, b->ix};

    return query_parse_env(text, &env, q, qe);
}

/* The filter and the search as one query text. Caller frees. */
static char *
joined(const char *filter, const char *search)
{
    struct buf t = {0};

    if (filter[0] == '\0')
        buf_puts(&t, search);
    else
        buf_printf(&t, "(%s) (%s)", filter, search);
    return buf_take(&t);
}

/* --- The window over the result ---------------------------------------- */

/* The lines of a list row (w, Ctrl-W): 2, 1, or 0 for the whole quote.
 * The screen's state, as LINES and COLS are. */
static int row_lines = 2;

/* How many rows the list shows (at most, with whole quotes). */
static size_t
list_rows(void)
{
    int h = LINES - 4, rl = row_lines == 2 ? 2 : 1;

    if (COLS < WIDE_COLS)
        h = h * 6 / 10;
    return h > rl ? (size_t)(h / rl) : 1;
}

static size_t
window_max(void)
{
    return 4 * list_rows() + 8;
}

struct fill {
    struct row *rows;
    size_t n;
};

static int
fill_put(void *ctx, const struct record *r, const struct index_key *k)
{
    struct fill *f = ctx;
    struct row *w;

    f->rows = xreallocarray(f->rows, f->n + 1, sizeof *f->rows);
    w = &f->rows[f->n++];
    memset(w, 0, sizeof *w);
    memcpy(w->id, r->id, sizeof w->id);
    w->date = dup0(r->article->date);
    w->speaker = dup0(r->speaker);
    w->country = r->country[0] ? xstrdup(r->country) : NULL;
    w->source = dup0(r->article->source ? r->article->source
                                        : r->article->domain);
    w->quote = dup0(r->quote);
    w->key.val = dup0(k->val);
    w->key.qid = k->qid;
    w->key.tie[0] = k->tie[0];
    w->key.tie[1] = k->tie[1];
    return 0;
}

static void
set_msg(struct browser *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
set_msg(struct browser *b, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(b->msg, sizeof b->msg, fmt, ap);
    va_end(ap);
}

/* Fetches up to limit rows next to from (see index_page) into *f. */
static long
fetch(struct browser *b, const struct index_key *from, bool back, bool incl,
      size_t limit, struct fill *f)
{
    struct q_error err = {{0}};
    long n;

    f->rows = NULL;
    f->n = 0;
    if (!b->have_q)
        return 0;
    n = index_page(b->ix, &b->q, b->sort, from, back, incl, limit, fill_put,
                   f, &err);
    if (n < 0 && b->aborted) {
        b->page_stale = true;
        return 0;
    }
    if (n < 0)
        set_msg(b, "%s", n == -3 && query_failed(&b->q)
                             ? query_failed(&b->q)->msg : err.msg);
    return n;
}

static void
window_clear(struct browser *b)
{
    size_t k;

    for (k = 0; k < b->n; k++)
        row_clear(&b->rows[k]);
    free(b->rows);
    b->rows = NULL;
    b->n = b->cur = b->top = 0;
}

/* Drops rows from the far end of the window when it grows too long. */
static void
window_trim(struct browser *b, bool keep_end)
{
    size_t max = window_max(), drop, k;

    if (b->n <= max)
        return;
    drop = b->n - max;
    if (keep_end) {
        for (k = 0; k < drop; k++)
            row_clear(&b->rows[k]);
        memmove(b->rows, b->rows + drop, (b->n - drop) * sizeof *b->rows);
        b->cur -= drop < b->cur ? drop : b->cur;
        b->top -= drop < b->top ? drop : b->top;
        if (b->pos >= 0)
            b->pos += (long)drop;
        b->at_start = false;
    } else {
        for (k = b->n - drop; k < b->n; k++)
            row_clear(&b->rows[k]);
        b->at_end = false;
    }
    b->n -= drop;
}

/* Loads more rows after the window's last. */
static void
window_more(struct browser *b)
{
    struct fill f;
    size_t want = 2 * list_rows();
    long got;

    if (b->at_end || b->n == 0)
        return;
    got = fetch(b, &b->rows[b->n - 1].key, false, false, want, &f);
    if (got < 0)
        return;
    if ((size_t)got < want)
        b->at_end = true;
    b->rows = xreallocarray(b->rows, b->n + f.n + 1, sizeof *b->rows);
    memcpy(b->rows + b->n, f.rows, f.n * sizeof *f.rows);
    b->n += f.n;
    free(f.rows);
    window_trim(b, true);
}

/* Loads more rows before the window's first. */
static void
window_less(struct browser *b)
{
    struct fill f;
    size_t want = 2 * list_rows(), k;
    long got;

    if (b->at_start || b->n == 0)
        return;
    got = fetch(b, &b->rows[0].key, true, false, want, &f);
    if (got < 0)
        return;
    if ((size_t)got < want)
        b->at_start = true;
    b->rows = xreallocarray(b->rows, b->n + f.n + 1, sizeof *b->rows);
    memmove(b->rows + f.n, b->rows, b->n * sizeof *b->rows);
    for (k = 0; k < f.n; k++)
        b->rows[k] = f.rows[f.n - 1 - k];
    b->n += f.n;
    b->cur += f.n;
    b->top += f.n;
    if (b->pos >= 0)
        b->pos -= (long)f.n;
    if (b->at_start)
        b->pos = 0;
    free(f.rows);
    window_trim(b, false);
}

/* The window from the first row (or, with last, ending at the last). */
static void
window_edge(struct browser *b, bool last)
{
    struct fill f;
    size_t want = 2 * list_rows(), k;
    long got;

    window_clear(b);
    got = fetch(b, NULL, last, false, want, &f);
    if (got < 0)
        got = 0;
    b->rows = f.rows;
    b->n = f.n;
    if (!last) {
        b->at_start = true;
        b->at_end = (size_t)got < want;
        b->pos = 0;
        return;
    }
    for (k = 0; k < b->n / 2; k++) {
        struct row t = b->rows[k];
        b->rows[k] = b->rows[b->n - 1 - k];
        b->rows[b->n - 1 - k] = t;
    }
    b->at_end = true;
    b->at_start = (size_t)got < want;
    b->pos = b->at_start ? 0 : b->count >= 0 ? b->count - (long)b->n : -1;
    b->cur = b->n > 0 ? b->n - 1 : 0;
    b->top = b->n > list_rows() ? b->n - list_rows() : 0;
}

/* The window around the row with key k (or the next row after it in the
 * sort, when the query no longer has it). */
static void
window_at(struct browser *b, const struct index_key *k)
{
    struct index_key at = *k;
    struct fill f, g;
    size_t want = 2 * list_rows(), j;
    long got;

    /* the caller's key may be a row of the window cleared here */
    at.val = dup0(k->val);
    window_clear(b);
    got = fetch(b, &at, false, true, want, &f);
    free(at.val);
    if (got < 0)
        got = 0;
    b->at_end = (size_t)got < want;
    if (f.n == 0) {
        free(f.rows);
        window_edge(b, true);
        return;
    }
    fetch(b, &f.rows[0].key, true, false, list_rows() / 2, &g);
    b->at_start = g.n < list_rows() / 2;
    b->rows = xreallocarray(NULL, f.n + g.n + 1, sizeof *b->rows);
    for (j = 0; j < g.n; j++)
        b->rows[j] = g.rows[g.n - 1 - j];
    memcpy(b->rows + g.n, f.rows, f.n * sizeof *f.rows);
    b->n = f.n + g.n;
    b->cur = g.n;
    /* a third of the page above the cursor, or as many as there are */
    b->top = g.n - (g.n < list_rows() / 3 ? g.n : list_rows() / 3);
    /* known at once at either end (idle would find it a second later) */
    b->pos = b->at_start ? 0 : b->at_end && b->count >= 0
                                   ? b->count - (long)b->n : -1;
    free(f.rows);
    free(g.rows);
}

/* Moves the cursor by delta rows, loading pages as it goes. */
static void
cursor_by(struct browser *b, long delta)
{
    while (delta > 0) {
        if (b->cur + 1 >= b->n)
            window_more(b);
        if (b->cur + 1 >= b->n)
            break;
        b->cur++;
        delta--;
    }
    while (delta < 0) {
        if (b->cur == 0)
            window_less(b);
        if (b->cur == 0)
            break;
        b->cur--;
        delta++;
    }
    if (b->cur < b->top)
        b->top = b->cur;
    if (b->cur >= b->top + list_rows())
        b->top = b->cur - list_rows() + 1;
}

/* --- Applying a query ---------------------------------------------------- */

/* Makes text the filter: parsed, the window from the first row, counted
 * in the background. Returns 0, or -1 with qe filled (nothing changed). */
static int
apply(struct browser *b, const char *text, struct query_error *qe)
{
    struct query q;

    if (parse(b, text, &q, qe) < 0)
        return -1;
    if (b->have_q)
        query_free(&b->q);
    b->q = q;
    b->have_q = true;
    if (text != b->filter) {
        free(b->filter);
        b->filter = xstrdup(text);
    }
    /* the same text again (a page that gave way): its count goes on */
    if (b->asked == NULL || strcmp(b->asked, text) != 0) {
        free(b->asked);
        b->asked = xstrdup(text);
        b->count = b->old_count = -1;
        counter_ask(b->counter, text);
    }
    window_edge(b, false);
    b->ctx_id[0] = '\0';
    if (b->have_sq) {
        query_free(&b->sq);
        b->have_sq = false;
    }
    if (b->search != NULL) {
        char *t = joined(b->filter, b->search);
        struct query_error e2;
        b->have_sq = parse(b, t, &b->sq, &e2) == 0;
        free(t);
    }
    return 0;
}

/* apply, keeping the cursor on the same quote when the new result has
 * it. */
static int
apply_keep(struct browser *b, const char *text, struct query_error *qe)
{
    struct index_key k = {NULL, 0, {0, 0}};
    int r;

    if (b->n > 0) {
        k = b->rows[b->cur].key;
        k.val = dup0(k.val);
    }
    r = apply(b, text, qe);
    if (r == 0 && k.qid != 0)
        window_at(b, &k);
    free(k.val);
    return r;
}

static void
apply_or_say(struct browser *b, const char *text)
{
    struct query_error qe;

    if (apply(b, text, &qe) < 0)
        set_msg(b, "query: %s", qe.msg);
}

/* Adds term to the filter, or takes it out when it is there. */
static void
toggle_term(struct browser *b, const char *term)
{
    struct buf t = {0};
    const char *at = strstr(b->filter, term);
    char *text;

    if (at != NULL) {
        buf_append(&t, b->filter, (size_t)(at - b->filter));
        buf_puts(&t, at + strlen(term));
    } else {
        buf_printf(&t, "%s%s%s", b->filter, b->filter[0] ? " " : "", term);
    }
    /* tidy the spaces a removal leaves */
    text = buf_take(&t);
    {
        char *r = text, *w = text;
        bool sp = true;
        for (; *r; r++) {
            if (*r == ' ' && sp)
                continue;
            sp = *r == ' ';
            *w++ = *r;
        }
        if (w > text && w[-1] == ' ')
            w--;
        *w = '\0';
    }
    apply_or_say(b, text);
    free(text);
}

/* field:"value" with the value's quotation marks dropped. Caller frees. */
static char *
term_of(const char *field, const char *value)
{
    struct buf t = {0};
    const char *p;

    buf_printf(&t, "%s:\"", field);
    for (p = value; *p; p++)
        if (*p != '"' && *p != '\\')
            buf_putc(&t, *p);
    buf_putc(&t, '"');
    return buf_take(&t);
}

/* --- The context ------------------------------------------------------- */

/* Loads the article of quote id (NULL: none), once per quote. */
static void
context_load_id(struct browser *b, const char *id)
{
    struct record_sink sink;
    struct q_error err = {{0}};
    struct record_store *s;

    if (id == NULL) {
        store_free(b->ctx);
        b->ctx = NULL;
        b->ctx_id[0] = '\0';
        return;
    }
    if (strcmp(b->ctx_id, id) == 0)
        return;
    s = xcalloc(1, sizeof *s);
    sink.put = store_put;
    sink.ctx = s;
    if (index_article_quotes(b->ix, id, &sink, &err) < 0)
        set_msg(b, "%s", err.msg);
    store_free(b->ctx);
    b->ctx = s;
    /* another quote: its context from the top */
    b->ctx_scrolled = false;
    snprintf(b->ctx_id, sizeof b->ctx_id, "%s", id);
}

/* Loads the article of the current row (once per row). */
static void
context_load(struct browser *b)
{
    context_load_id(b, b->n > 0 ? b->rows[b->cur].id : NULL);
}

/* The store's entry for quote id, or -1. */
static long
store_find(const struct record_store *s, const char *id)
{
    size_t k;

    for (k = 0; s != NULL && k < s->nq; k++)
        if (strcmp(s->q[k].id, id) == 0)
            return (long)k;
    return -1;
}

/* Adds the spans of query q in quote k of the store, at their place in
 * the body, with attr. */
static void
add_hits(struct browser *b, const struct query *q, const struct record_store
         *s, size_t k, attr_t attr, struct text_span **sp, size_t *n)
{
    struct query_span *h = NULL;
    struct q_error err = {{0}};
    long m, j;

    m = index_spans(b->ix, q, s->q[k].id, &h, &err);
    for (j = 0; j < m; j++) {
        *sp = xreallocarray(*sp, *n + 1, sizeof **sp);
        (*sp)[(*n)++] = (struct text_span){s->q[k].start + h[j].start,
                                           s->q[k].start + h[j].end, attr};
    }
    free(h);
}

/* The spans of quote k (the quote, its speaker, its cue) in the body. */
static void
add_quote(struct browser *b, const struct record_store *s, size_t k,
          attr_t qattr, struct text_span **sp, size_t *n)
{
    *sp = xreallocarray(*sp, *n + 3, sizeof **sp);
    if (s->q[k].start != RECORD_NONE && s->q[k].end <= s->body_len)
        (*sp)[(*n)++] = (struct text_span){s->q[k].start, s->q[k].end,
                                           qattr};
    if (s->q[k].sp_start != RECORD_NONE && s->q[k].sp_end <= s->body_len)
        (*sp)[(*n)++] = (struct text_span){
            s->q[k].sp_start, s->q[k].sp_end,
            attr_of(b, PAIR_SPEAKER, A_BOLD)};
    if (s->q[k].cue_start != RECORD_NONE && s->q[k].cue_end <= s->body_len)
        (*sp)[(*n)++] = (struct text_span){s->q[k].cue_start, s->q[k].cue_end,
                                           el_attr(b, UI_CUE)};
}

/* --- Drawing ------------------------------------------------------------ */

static void
hline_at(int y, int x, int w)
{
    int k;

    attrset(A_NORMAL);
    for (k = 0; k < w; k++)
        mvaddstr(y, x + k, "\xe2\x94\x80");
}

static void
count_text(const struct browser *b, char *out, size_t size)
{
    if (b->count >= 0)
        snprintf(out, size, "%ld", b->count);
    else if (b->old_count >= 0)
        snprintf(out, size, "%ld\xe2\x80\xa6", b->old_count);
    else
        /* at least the rows seen: those before the window and in it */
        snprintf(out, size, "\xe2\x89\xa5%ld\xe2\x80\xa6",
                 (b->pos > 0 ? b->pos : 0) + (long)b->n);
}

static void
draw_title(struct browser *b)
{
    char right[96], cnt[48], tot[32];
    int rw, x;

    count_text(b, cnt, sizeof cnt);
    if (b->total >= 0)
        snprintf(tot, sizeof tot, "%ld", b->total);
    else
        snprintf(tot, sizeof tot, "\xe2\x80\xa6");
    snprintf(right, sizeof right, " %s / %s quotes ", cnt, tot);
    rw = (int)utf8_width(right, strlen(right));
    attrset(el_attr(b, UI_TITLE));
    mvaddstr(0, 0, "quoth ");
    attrset(A_NORMAL);
    x = 6;
    if (b->filter[0] != '\0') {
        addstr("\xe2\x94\x80 ");
        x += 2;
        x += text_put(stdscr, 0, x, b->filter, COLS - x - rw - 2, A_BOLD);
        addstr(" ");
        x++;
    }
    hline_at(0, x, COLS - x - rw);
    attrset(A_NORMAL);
    mvaddstr(0, COLS - rw, right);
}

/* The place of id among the marks, or -1. */
static long
mark_of(const struct browser *b, const char *id)
{
    size_t k;

    for (k = 0; k < b->nmarks; k++)
        if (strcmp(b->marks[k], id) == 0)
            return (long)k;
    return -1;
}

static bool
is_marked(const struct browser *b, const char *id)
{
    return mark_of(b, id) >= 0;
}

/* The columns of a list row w wide before its quote. */
static int
row_quote_x(int w)
{
    return 2 + 11 + (w >= 120 ? 22 : 18) + 1 + (w >= 120 ? 16 : 11) + 1;
}

/* The lines row r takes in a list w wide (the whole quote wrapped, when
 * rows wrap; at most max). */
static int
row_height(const struct row *r, int w, int max)
{
    struct text *t;
    int qw = w - row_quote_x(w), nl;

    if (row_lines != 0)
        return row_lines < max ? row_lines : max;
    if (qw < 8)
        return 1;
    t = text_new(r->quote, strlen(r->quote), NULL, 0, false);
    nl = (int)text_wrap(t, qw);
    text_free(t);
    nl = nl < 1 ? 1 : nl;
    return nl < max ? nl : max;
}

/* The list's first row so that the cursor's row shows whole in lh lines
 * of a list w wide. */
static void
list_fit(struct browser *b, int w, int lh)
{
    int used;
    size_t k;

    if (b->cur < b->top)
        b->top = b->cur;
    if (row_lines != 0 || b->n == 0)
        return;
    for (;;) {
        used = 0;
        for (k = b->top; k <= b->cur && k < b->n; k++)
            used += row_height(&b->rows[k], w, lh);
        if (used <= lh || b->top >= b->cur)
            break;
        b->top++;
    }
}

/* One list row at y in width w, lines high: marker, date, speaker (CC),
 * source, and the quote over the lines (an ellipsis when cut). */
static void
draw_row(struct browser *b, const struct row *r, bool sel, int y, int x0,
         int w, int lines)
{
    attr_t base = sel ? el_attr(b, UI_SELECTION) : A_NORMAL;
    int sw = w >= 120 ? 22 : 18, ow = w >= 120 ? 16 : 11;
    int qx, qw, x = x0, l;
    struct text_span *sp = NULL;
    size_t nsp = 0, nl;
    struct text *t;
    char who[160];

    attrset(base);
    for (l = 0; l < lines; l++)
        mvhline(y + l, x0, ' ', w);
    {
        /* the cursor (hollow while the context has the focus), the mark,
         * the conflict: the first two that hold, one a line */
        const char *m[3];
        size_t nm = 0;
        if (sel)
            m[nm++] = b->ctx_focus ? "\xe2\x96\xb7" : "\xe2\x96\xb6";
        if (is_marked(b, r->id))
            m[nm++] = "\xe2\x97\x8f";
        if (r->conflict > 0)
            m[nm++] = "\xe2\x89\xa0";
        attrset(base | el_attr(b, UI_MARK));
        if (nm > 0)
            mvaddstr(y, x, m[0]);
        if (nm > 1 && lines > 1)
            mvaddstr(y + 1, x, m[1]);
        attrset(base);
    }
    x += 2;
    text_put(stdscr, y, x, r->date ? r->date : "", 10, base);
    x += 11;
    snprintf(who, sizeof who, "%s", r->speaker ? r->speaker : "\xe2\x80\x94");
    text_put(stdscr, y, x, who, sw - 5,
             r->speaker ? attr_of(b, PAIR_SPEAKER, base | A_BOLD)
                        : attr_of(b, PAIR_DIM, base | A_DIM));
    if (r->country != NULL) {
        snprintf(who, sizeof who, "(%s)", r->country);
        text_put(stdscr, y, x + sw - 4, who, 4, base);
    }
    x += sw + 1;
    text_put(stdscr, y, x, r->source ? r->source : "", ow,
             attr_of(b, PAIR_DIM, base));
    x += ow + 1;
    qx = x;
    qw = x0 + w - qx;
    if (qw < 8)
        return;
    if (b->have_sq && b->search != NULL) {
        struct query_span *h = NULL;
        struct q_error err = {{0}};
        long m = index_spans(b->ix, &b->sq, r->id, &h, &err), j;
        for (j = 0; j < m; j++) {
            sp = xreallocarray(sp, nsp + 1, sizeof *sp);
            sp[nsp++] = (struct text_span){h[j].start, h[j].end,
                                           attr_of(b, PAIR_HIT, A_BOLD |
                                                   A_UNDERLINE)};
        }
        free(h);
    }
    t = text_new(r->quote, strlen(r->quote), sp, nsp, false);
    nl = text_wrap(t, qw);
    for (l = 0; l < lines && (size_t)l < nl; l++)
        text_draw(t, (size_t)l, stdscr, y + l, qx, base,
                  l == lines - 1 && nl > (size_t)lines);
    text_free(t);
    free(sp);
}

/* The context pane: provenance lines, then the paragraphs around the
 * quote with the quote, its speaker and cue marked. */
static void
draw_context(struct browser *b, int y, int x, int h, int w)
{
    struct record_store *s;
    struct text_span *sp = NULL;
    size_t nsp = 0, p0, p1, a, e, nl, at, first, l;
    struct text *t;
    struct buf hd = {0};
    long k;

    context_load(b);
    s = b->ctx;
    if (s == NULL || (k = store_find(s, b->ctx_id)) < 0 || h < 3) {
        return;
    }
    /* the focused pane's header: a marker and reverse video */
    buf_printf(&hd, "%s%s \xc2\xb7 \xe2\x80\x9c%s\xe2\x80\x9d \xc2\xb7 %s",
               b->ctx_focus ? "\xe2\x96\xb6 " : "",
               s->source ? s->source : "?", s->title ? s->title : "",
               s->date ? s->date : "no date");
    text_put(stdscr, y, x, hd.data, w,
             b->ctx_focus ? A_BOLD | A_REVERSE : A_BOLD);
    buf_reset(&hd);
    buf_printf(&hd, "%s \xc2\xb7 para %zu \xc2\xb7 %s",
               s->url ? s->url : "(no URL)",
               s->q[k].para, s->q[k].method ? s->q[k].method
                                            : "unattributed");
    if (s->q[k].method)
        buf_printf(&hd, " %.2f", s->q[k].confidence);
    if (s->q[k].speaker)
        buf_printf(&hd, " \xc2\xb7 %s%s%s", s->q[k].speaker,
                   s->q[k].role ? ", " : "", s->q[k].role ? s->q[k].role : "");
    text_put(stdscr, y + 1, x, hd.data, w, attr_of(b, PAIR_DIM, A_NORMAL));
    /* a marked quote: its case and note first */
    if ((l = (size_t)mark_of(b, b->ctx_id)) != (size_t)-1 && h > 3) {
        buf_reset(&hd);
        buf_printf(&hd, "\xe2\x97\x8f in case '%s'%s%s", b->case_name,
                   b->notes[l][0] ? ": " : "", b->notes[l]);
        text_put(stdscr, y + 2, x, hd.data, w, A_BOLD);
        y++;
        h--;
    }
    buf_free(&hd);
    /* the sentences around the quote's (without offsets: paragraphs) */
    p0 = s->q[k].para > 0 ? s->q[k].para - 1 : 0;
    if (p0 >= s->nparas)
        p0 = s->nparas > 0 ? s->nparas - 1 : 0;
    p1 = p0;
    p0 = p0 > (size_t)b->zoom ? p0 - (size_t)b->zoom : 0;
    p1 = p1 + (size_t)b->zoom < s->nparas ? p1 + (size_t)b->zoom
                                          : (s->nparas ? s->nparas - 1 : 0);
    a = s->nparas ? s->paras[p0].start : 0;
    e = s->nparas ? s->paras[p1].end : s->body_len;
    if (s->q[k].start != RECORD_NONE && s->q[k].end <= s->body_len &&
        s->q[k].start <= s->q[k].end)
        sentence_around(s->body, s->body_len, s->q[k].start, s->q[k].end,
                        (size_t)b->zoom, (size_t)b->zoom, &a, &e);
    if (e > s->body_len || a > e) {
        a = 0;
        e = s->body_len;
    }
    add_quote(b, s, (size_t)k, attr_of(b, PAIR_QUOTE, A_REVERSE), &sp, &nsp);
    if (b->filter[0] != '\0')
        add_hits(b, &b->q, s, (size_t)k, attr_of(b, PAIR_HIT, A_BOLD |
                                                 A_UNDERLINE), &sp, &nsp);
    for (l = 0; l < nsp; l++) {
        sp[l].start = sp[l].start > a ? sp[l].start - a : 0;
        sp[l].end = sp[l].end > a ? sp[l].end - a : 0;
    }
    t = text_new(s->body + a, e - a, sp, nsp, true);
    nl = text_wrap(t, w);
    at = s->q[k].start != RECORD_NONE && s->q[k].start >= a
             ? text_line_of(t, s->q[k].start - a) : 0;
    h -= 2;
    first = at > (size_t)h / 3 ? at - (size_t)h / 3 : 0;
    if (b->ctx_scrolled)
        first = b->ctx_first;
    if (nl > (size_t)h && first > nl - (size_t)h)
        first = nl - (size_t)h;
    if (nl <= (size_t)h)
        first = 0;
    b->ctx_first = first;
    b->ctx_nl = nl;
    b->ctx_h = h;
    for (l = 0; l < (size_t)h && first + l < nl; l++)
        text_draw(t, first + l, stdscr, y + 2 + (int)l, x, A_NORMAL, false);
    text_free(t);
    free(sp);
}

static void
draw_status(struct browser *b, int y)
{
    static const char *const sorts[] = {
        [INDEX_SORT_DATE_DESC] = "date\xe2\x86\x93",
        [INDEX_SORT_DATE] = "date\xe2\x86\x91",
        [INDEX_SORT_SPEAKER] = "speaker",
    };
    struct buf s = {0};
    char cnt[48];

    count_text(b, cnt, sizeof cnt);
    b->status_fx = -1;
    if (b->n == 0)
        buf_printf(&s, " 0/%s", cnt);
    else if (b->pos >= 0)
        buf_printf(&s, " %ld/%s", b->pos + (long)b->cur + 1, cnt);
    else
        buf_printf(&s, " ?/%s", cnt);
    if (b->suspended != NULL)
        buf_printf(&s, " \xe2\x94\x82 filters suspended (Ctrl-F)");
    else if (b->filter[0] != '\0') {
        buf_printf(&s, " \xe2\x94\x82 filters: ");
        b->status_fx = (int)utf8_width(s.data, s.len);
        buf_puts(&s, b->filter);
    }
    if (b->search != NULL)
        buf_printf(&s, " \xe2\x94\x82 /%s", b->search);
    buf_printf(&s, " \xe2\x94\x82 %s \xe2\x94\x82 %zu marked (%s)",
               sorts[b->sort], b->nmarks, b->case_name);
    if (b->writing)
        buf_puts(&s, " \xe2\x94\x82 index being written");
    attrset(el_attr(b, UI_STATUS));
    mvhline(y, 0, ' ', COLS);
    if (b->msg[0] != '\0') {
        int mw = (int)utf8_width(b->msg, strlen(b->msg)) + 3;
        int used = text_put(stdscr, y, 0, s.data,
                            mw < COLS * 2 / 3 ? COLS - mw : 12,
                            el_attr(b, UI_STATUS));
        mvaddstr(y, used, " \xe2\x94\x82 ");
        text_put(stdscr, y, used + 3, b->msg, COLS - used - 3,
                 el_attr(b, UI_STATUS) | A_BOLD);
    } else {
        text_put(stdscr, y, 0, s.data, COLS, el_attr(b, UI_STATUS));
    }
    buf_free(&s);
}

/* The key table: key, its name on the help screen and the key bar, what
 * it does, its handler. The help screen is made from it. */
struct key {
    int key;
    const char *name;
    const char *bar;        /* its word on the key bar, or NULL */
    const char *help;
    int (*run)(struct browser *b, int key);
};
static const struct key keys[];
static const size_t nkeys;

static void
draw_keybar(int y)
{
    size_t k, last = 0;
    int x = 0, room;
    bool full = false;

    /* The last word (Quit) always shows: the others, in order, fill what
     * is left. */
    for (k = 0; k < nkeys; k++)
        if (keys[k].bar != NULL)
            last = k;
    room = COLS - (int)(utf8_width(keys[last].name, strlen(keys[last].name)) +
                        strlen(keys[last].bar) + 1);
    attrset(A_NORMAL);
    move(y, 0);
    for (k = 0; k < nkeys; k++) {
        int nw, bw;
        if (keys[k].bar == NULL)
            continue;
        nw = (int)utf8_width(keys[k].name, strlen(keys[k].name));
        bw = (int)strlen(keys[k].bar);
        if (k != last && (full || x + nw + bw + 1 > room)) {
            full = true;
            continue;
        }
        if (x + nw + bw + 1 > COLS)
            break;
        attrset(A_BOLD);
        mvaddstr(y, x, keys[k].name);
        attrset(A_NORMAL);
        addstr(keys[k].bar);
        x += nw + bw + 1;
    }
}

static void
draw_prompt(struct browser *b, int y)
{
    static const char *const names[] = {
        [P_SEARCH] = "/", [P_FILTER] = "\\", [P_DATE] = "date:",
        [P_COMMAND] = ":", [P_SAVE] = "save to: ", [P_PIPE] = "| ",
        [P_NOTE] = "note: ", [P_HSEARCH] = "help /", [P_HFILTER] = "help \\",
        [P_CHECK] = "check claim: ",
    };
    const char *l = b->line.data ? b->line.data : "";
    int px = (int)strlen(names[b->pk]), cx;

    size_t off = b->cursor;
    int w = 0, room = COLS - px - 2;

    attrset(A_NORMAL);
    mvhline(y, 0, ' ', COLS);
    mvaddstr(y, 0, names[b->pk]);
    cx = px + (int)utf8_width(l, b->cursor);
    if (cx < COLS - 1) {
        off = 0;
        text_put(stdscr, y, px, l, COLS - px - 1, A_NORMAL);
    } else {
        /* longer than the screen (a pasted claim): the part before the
         * cursor that fits, after an ellipsis */
        while (off > 0) {
            size_t p = off - 1;
            int cw;
            while (p > 0 && (l[p] & 0xc0) == 0x80)
                p--;
            cw = (int)utf8_width(l + p, off - p);
            if (w + cw > room - 1)
                break;
            w += cw;
            off = p;
        }
        mvaddstr(y, px, "\xe2\x80\xa6");
        text_put(stdscr, y, px + 1, l + off, COLS - px - 2, A_NORMAL);
        cx = px + 1 + w;
    }
    if (b->perr_on) {
        int ex = b->perr_col >= off
                     ? px + (off > 0) + (int)utf8_width(l + off,
                                                        b->perr_col - off)
                     : px;
        mvhline(y - 1, 0, ' ', COLS);
        if (ex < COLS)
            mvaddstr(y - 1, ex, "^");
        text_put(stdscr, y - 1, ex + 2 < COLS - 10 ? ex + 2 : 0, b->perr,
                 COLS - (ex + 2 < COLS - 10 ? ex + 2 : 0),
                 attr_of(b, PAIR_ERR, A_BOLD));
    }
    move(y, cx < COLS ? cx : COLS - 1);
}

static void
draw_reader(struct browser *b)
{
    int h = LINES - 2, l;

    attrset(A_NORMAL);
    text_put(stdscr, 0, 0, b->rd_head.data ? b->rd_head.data : "", COLS,
             A_BOLD);
    if (b->rd != NULL && b->rd_width != COLS - 2) {
        b->rd_width = COLS - 2;
        text_wrap(b->rd, b->rd_width);
    }
    for (l = 0; l < h && b->rd != NULL; l++)
        text_draw(b->rd, b->rd_top + (size_t)l, stdscr, 1 + l, 1, A_NORMAL,
                  false);
    attrset(A_REVERSE);
    mvhline(LINES - 1, 0, ' ', COLS);
    text_put(stdscr, LINES - 1, 0, " reader: j/k scroll, Space/b page, "
             "g/G ends, q back", COLS, A_REVERSE);
}

/* The picker's columns and its first row. */
#define PICK_COUNT_X 6
#define PICK_NAME_X 13
#define PICK_ROW_Y 3

/* The screen line of the picker's first row: under the headers, which
 * the saved searches' list has not. */
static int
pick_row_y(const struct browser *b)
{
    return b->pfield[0] == '@' ? PICK_ROW_Y - 1 : PICK_ROW_Y;
}

static void
draw_picker(struct browser *b)
{
    int h = LINES - 4, l;
    size_t k, shown = 0;
    char line[64];
    const char *box;

    attrset(A_BOLD);
    if (b->pfield[0] == '@')
        mvaddstr(0, 0, "saved searches and case files (type to narrow,"
                 " Enter opens one, Esc cancels)");
    else
        mvprintw(0, 0, "pick %s (type to narrow, Space selects several,"
                 " Enter applies, Esc cancels)", b->pfield);
    attrset(A_NORMAL);
    mvaddstr(1, 0, "> ");
    text_put(stdscr, 1, 2, b->pfilter.data ? b->pfilter.data : "", COLS - 3,
             A_NORMAL);
    /* the column headers: a click sorts by one (mouse_event); the saved
     * searches, counted in place one by one, keep their order */
    if (b->pfield[0] != '@') {
        attrset(A_UNDERLINE);
        mvaddstr(2, PICK_COUNT_X, "count");
        mvaddstr(2, PICK_NAME_X, "name");
        attrset(A_NORMAL);
        mvaddstr(2, b->pby_name ? PICK_NAME_X + 4 : PICK_COUNT_X + 5,
                 b->pby_name ? "\xe2\x86\x91" : "\xe2\x86\x93");
        h--;
    }
    if (b->pcur < b->ptop)
        b->ptop = b->pcur;
    if (b->pcur >= b->ptop + (size_t)h)
        b->ptop = b->pcur - (size_t)h + 1;
    for (k = 0, l = 0; k < b->npicks; k++) {
        struct pick *p = &b->picks[k];
        attr_t a;
        if (p->hidden)
            continue;
        shown++;
        if (shown - 1 < b->ptop || l >= h)
            continue;
        a = shown - 1 == b->pcur ? A_REVERSE : A_NORMAL;
        attrset(a);
        mvhline(pick_row_y(b) + l, 0, ' ', COLS);
        box = b->pfield[0] == '@' ? "" : p->on ? "[x] " : "[ ] ";
        if (p->count >= 0)
            snprintf(line, sizeof line, "%s%7ld  ", box, p->count);
        else    /* being counted, or the count failed */
            snprintf(line, sizeof line, "%s%7s  ", box,
                     p->count == -1 ? "\xe2\x80\xa6" : "?");
        mvaddstr(pick_row_y(b) + l, 0, line);
        text_put(stdscr, pick_row_y(b) + l, (int)strlen(line), p->label,
                 COLS - (int)strlen(line), a);
        l++;
    }
    attrset(A_REVERSE);
    mvhline(LINES - 1, 0, ' ', COLS);
    mvprintw(LINES - 1, 0, " %zu of %zu", b->pcur + (shown ? 1 : 0), shown);
}

/* The help lines: one per action of the key table, with every key that
 * does it (entries with the same help are one action). Returns how many;
 * line k's keys and help in names and *help. */
static size_t
help_line(size_t want, struct buf *names, const char **help)
{
    size_t k, j, n = 0;

    for (k = 0; k < nkeys; k++) {
        for (j = 0; j < k; j++)
            if (strcmp(keys[j].help, keys[k].help) == 0)
                break;
        if (j < k)
            continue;
        if (n++ != want)
            continue;
        buf_reset(names);
        for (j = k; j < nkeys; j++) {
            size_t i;
            if (strcmp(keys[j].help, keys[k].help) != 0)
                continue;
            for (i = k; i < j; i++)
                if (strcmp(keys[i].help, keys[k].help) == 0 &&
                    strcmp(keys[i].name, keys[j].name) == 0)
                    break;
            if (i == j)
                buf_printf(names, "%s%s", names->len ? " " : "",
                           keys[j].name);
        }
        *help = keys[k].help;
    }
    return n;
}

/* Whether needle is in hay, ignoring ASCII case. */
static bool
ci_contains(const char *hay, const char *needle)
{
    size_t n = strlen(needle);

    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return true;
    return n == 0;
}

/* Whether help line k (keys, then what they do) has text. */
static bool
help_has(size_t k, const char *text, struct buf *names)
{
    const char *help = "";

    help_line(k, names, &help);
    return ci_contains(names->data ? names->data : "", text) ||
           ci_contains(help, text);
}

/* The help lines the filter (\\ in the help) keeps: their numbers in
 * *out (caller frees). Returns how many. */
static size_t
help_shown(const struct browser *b, size_t **out)
{
    struct buf names = {0};
    const char *help = "";
    size_t n = help_line((size_t)-1, &names, &help), k, m = 0;

    *out = xreallocarray(NULL, n + 1, sizeof **out);
    for (k = 0; k < n; k++)
        if (b->help_filter == NULL || help_has(k, b->help_filter, &names))
            (*out)[m++] = k;
    buf_free(&names);
    return m;
}

/* The help's search: the cursor to the next line shown (from the one at
 * from, or after it with next) that has the search text, wrapping. */
static void
help_find(struct browser *b, size_t from, bool next)
{
    struct buf names = {0};
    size_t *sh, m = help_shown(b, &sh), k, at;

    b->help_at = (size_t)-1;
    for (k = 0; b->help_search != NULL && k < m; k++) {
        at = (from + k + (next ? 1 : 0)) % m;
        if (help_has(sh[at], b->help_search, &names)) {
            b->help_at = at;
            /* the hit near the top of the screen */
            b->help_top = at > 2 ? at - 2 : 0;
            break;
        }
    }
    buf_free(&names);
    free(sh);
}

static void
draw_help(struct browser *b)
{
    struct buf names = {0}, st = {0};
    const char *help = "";
    size_t *sh, n = help_shown(b, &sh), k;
    int h = LINES - 2, l;

    attrset(A_BOLD);
    mvaddstr(0, 0, "quoth keys (from the key table); q or Esc goes back");
    if (b->help_top >= n)
        b->help_top = n ? n - 1 : 0;
    for (k = b->help_top, l = 0; k < n && l < h; k++, l++) {
        bool hit = k == b->help_at;
        help_line(sh[k], &names, &help);
        if (hit)
            mvaddstr(1 + l, 0, "\xe2\x96\xb6");
        text_put(stdscr, 1 + l, 1, names.data, 16,
                 hit ? A_BOLD | A_REVERSE : A_BOLD);
        text_put(stdscr, 1 + l, 18, help, COLS - 19,
                 hit ? A_REVERSE : A_NORMAL);
    }
    if (n == 0)
        mvaddstr(2, 2, "no key matches the filter");
    buf_free(&names);
    free(sh);
    attrset(A_REVERSE);
    mvhline(LINES - 1, 0, ' ', COLS);
    buf_puts(&st, " help: j/k scroll, / search, n next, \\ filter, q back");
    if (b->help_filter != NULL)
        buf_printf(&st, " \xe2\x94\x82 filter: %s", b->help_filter);
    if (b->help_search != NULL)
        buf_printf(&st, " \xe2\x94\x82 /%s%s", b->help_search,
                   b->help_at == (size_t)-1 ? " (no hit)" : "");
    text_put(stdscr, LINES - 1, 0, st.data, COLS, A_REVERSE);
    buf_free(&st);
}

static void prompt_open(struct browser *b, enum prompt_kind k,
                        const char *init);

/* A key on the help screen. */
static void
help_key(struct browser *b, int c)
{
    if (c == 'q' || c == KEY_ESC || c == '?' || c == 'h' || c == KEY_LEFT)
        b->mode = M_LIST;
    else if (c == 'j' || c == KEY_DOWN || c == CTRL('n'))
        b->help_top++;          /* draw_help keeps it in range */
    else if ((c == 'k' || c == KEY_UP || c == CTRL('p')) && b->help_top > 0)
        b->help_top--;
    else if (c == ' ' || c == KEY_NPAGE)
        b->help_top += LINES > 4 ? (size_t)LINES - 4 : 1;
    else if (c == 'b' || c == KEY_PPAGE)
        b->help_top -= b->help_top > (size_t)LINES - 4 ? (size_t)LINES - 4
                                                       : b->help_top;
    else if (c == 'g' || c == KEY_HOME)
        b->help_top = 0;
    else if (c == '/' || c == '\\') {
        enum prompt_kind k = c == '/' ? P_HSEARCH : P_HFILTER;
        char **cur = k == P_HSEARCH ? &b->help_search : &b->help_filter;
        free(b->help_prev);
        b->help_prev = *cur ? xstrdup(*cur) : NULL;
        prompt_open(b, k, *cur);
    } else if (c == 'n' && b->help_search != NULL)
        help_find(b, b->help_at == (size_t)-1 ? b->help_top : b->help_at,
                  b->help_at != (size_t)-1);
    else if (c == 'Q')
        b->quit = true;
}

/* Paints the whole screen for the mode. */
static void
draw(struct browser *b)
{
    int lh, cy, ch, cx, cw, lw, y;
    size_t k;

    erase();
    curs_set(b->mode == M_PROMPT ? 1 : 0);
    if (COLS < MIN_COLS || LINES < MIN_LINES) {
        char m[96];
        snprintf(m, sizeof m, "terminal too small: %dx%d (quoth needs "
                 "%dx%d)", COLS, LINES, MIN_COLS, MIN_LINES);
        attrset(A_BOLD);
        mvaddnstr(LINES / 2, 0, m, COLS);
        attrset(A_NORMAL);
        refresh();
        return;
    }
    if (b->mode == M_READER) {
        draw_reader(b);
        refresh();
        return;
    }
    if (b->mode == M_PICKER) {
        draw_picker(b);
        refresh();
        return;
    }
    if (b->mode == M_HELP || (b->mode == M_PROMPT &&
                              (b->pk == P_HSEARCH || b->pk == P_HFILTER))) {
        draw_help(b);
        if (b->mode == M_PROMPT)
            draw_prompt(b, LINES - 1);
        refresh();
        return;
    }
    if (b->mode == M_TIMELINE) {
        timeline_draw(b->tl, b->filter);
        refresh();
        return;
    }
    if (b->mode == M_CHECK) {
        struct checkview_style st;
        check_style(b, &st);
        checkview_draw(b->cv, &st);
        refresh();
        return;
    }
    draw_title(b);
    if (COLS >= WIDE_COLS) {
        lw = COLS * 6 / 10;
        lh = LINES - 3;
        cx = lw + 2;
        cw = COLS - cx - 1;
        cy = 1;
        ch = lh;
        attrset(A_NORMAL);
        for (y = 1; y <= lh; y++)
            mvaddstr(y, lw, "\xe2\x94\x82");
    } else {
        lw = COLS;
        lh = (int)list_rows() * (row_lines == 2 ? 2 : 1);
        cx = 1;
        cw = COLS - 2;
        cy = 1 + lh + 1;
        ch = LINES - 3 - cy + 1;
        hline_at(1 + lh, 0, COLS);
    }
    list_fit(b, lw, lh);
    b->nrow_y = 0;
    for (k = b->top, y = 1; k < b->n && y < 1 + lh &&
                            (row_lines == 0 || k < b->top + list_rows());
         k++) {
        int rh = row_height(&b->rows[k], lw, 1 + lh - y);
        if (b->rows[k].conflict == 0) {
            /* ≠: a bounded lookup per visible row, once per row */
            struct q_error err = {{0}};
            b->rows[k].conflict = index_conflict(b->ix, b->rows[k].key.qid,
                                                 &err) > 0 ? 1 : -1;
        }
        if (b->nrow_y < ROW_MAX)
            b->row_y[b->nrow_y++] = y;
        draw_row(b, &b->rows[k], k == b->cur, y, 0, lw, rh);
        y += rh;
    }
    b->row_y[b->nrow_y] = y;
    if (b->n == 0)
        text_put(stdscr, 2, 2, "no quote matches", lw - 4, A_DIM);
    draw_context(b, cy, cx, ch, cw);
    draw_status(b, LINES - 2);
    if (b->mode == M_PROMPT)
        draw_prompt(b, LINES - 1);
    else
        draw_keybar(LINES - 1);
    refresh();
}

/* --- The reader ---------------------------------------------------------- */

/* The reader on quote id's article; q goes back to mode back. */
static void
reader_open_id(struct browser *b, const char *id, enum mode back)
{
    struct text_span *sp = NULL;
    struct record_store *s;
    size_t nsp = 0, k;
    long cur;

    context_load_id(b, id);
    s = b->ctx;
    if (s == NULL || s->body == NULL || (cur = store_find(s, b->ctx_id)) < 0)
        return;
    for (k = 0; k < s->nq; k++)
        add_quote(b, s, k, (long)k == cur ? attr_of(b, PAIR_QUOTE, A_REVERSE)
                                          : attr_of(b, PAIR_QUOTE, A_BOLD),
                  &sp, &nsp);
    if (b->filter[0] != '\0')
        add_hits(b, &b->q, s, (size_t)cur, attr_of(b, PAIR_HIT, A_BOLD |
                                                   A_UNDERLINE), &sp, &nsp);
    text_free(b->rd);
    b->rd = text_new(s->body, s->body_len, sp, nsp, true);
    free(sp);
    b->rd_width = COLS - 2;
    text_wrap(b->rd, b->rd_width);
    buf_reset(&b->rd_head);
    buf_printf(&b->rd_head, "%s \xc2\xb7 %s \xc2\xb7 %s \xc2\xb7 %s \xc2\xb7"
               " %zu quotes", s->title ? s->title : "(no title)",
               s->source ? s->source : "?", s->date ? s->date : "no date",
               s->url ? s->url : "(no URL)", s->nq);
    b->rd_at = s->q[cur].start != RECORD_NONE
                   ? text_line_of(b->rd, s->q[cur].start) : 0;
    b->rd_top = b->rd_at > 3 ? b->rd_at - 3 : 0;
    b->rd_back = back;
    b->mode = M_READER;
}

static void
reader_open(struct browser *b)
{
    if (b->n > 0)
        reader_open_id(b, b->rows[b->cur].id, M_LIST);
}

static void
reader_key(struct browser *b, int c)
{
    size_t h = LINES > 3 ? (size_t)LINES - 2 : 1;
    size_t nl = b->rd ? text_wrap(b->rd, b->rd_width) : 0;
    size_t last = nl > h ? nl - h : 0;

    switch (c) {
    case 'j': case KEY_DOWN: case CTRL('n'):
        b->rd_top++;
        break;
    case 'k': case KEY_UP: case CTRL('p'):
        if (b->rd_top > 0)
            b->rd_top--;
        break;
    case ' ': case KEY_NPAGE:
        b->rd_top += h;
        break;
    case 'b': case KEY_PPAGE:
        b->rd_top = b->rd_top > h ? b->rd_top - h : 0;
        break;
    case 'g': case KEY_HOME:
        b->rd_top = 0;
        break;
    case 'G': case KEY_END:
        b->rd_top = last;
        break;
    case 'q': case 'h': case KEY_LEFT: case KEY_ESC:
        b->mode = b->rd_back;
        break;
    case 'Q':
        b->quit = true;
        break;
    }
    if (b->rd_top > last)
        b->rd_top = last;
}

/* --- Marks: case files in the index --------------------------------------- */

static void
mark_row(void *ctx, const char *id, const char *note)
{
    struct browser *b = ctx;

    b->marks = xreallocarray(b->marks, b->nmarks + 1, sizeof *b->marks);
    b->notes = xreallocarray(b->notes, b->nmarks + 1, sizeof *b->notes);
    b->notes[b->nmarks] = xstrdup(note);
    b->marks[b->nmarks++] = xstrdup(id);
}

static void
marks_load(struct browser *b)
{
    struct q_error err = {{0}};
    size_t k;

    for (k = 0; k < b->nmarks; k++) {
        free(b->marks[k]);
        free(b->notes[k]);
    }
    free(b->marks);
    free(b->notes);
    b->marks = b->notes = NULL;
    b->nmarks = 0;
    index_case_marks(b->ix, b->case_name, mark_row, b, &err);
}

/* Marks or unmarks id in the current case, written at once. */
static int
mark_set(struct browser *b, const char *id, const char *note, bool on)
{
    struct q_error err = {{0}};

    if (b->wix == NULL) {
        b->wix = index_open(b->db, true, &err);
        if (b->wix == NULL) {
            set_msg(b, "cannot mark: %s", err.msg);
            return -1;
        }
    }
    if (index_case_mark(b->wix, b->case_name, id, note, on, &err) < 0) {
        set_msg(b, "cannot mark: %s", err.msg);
        return -1;
    }
    marks_load(b);
    /* our own commit is not another writer's */
    b->data_version = index_data_version(b->ix);
    return 0;
}

/* --- Output: copy, save, pipe, open ------------------------------------- */

struct collect {
    struct out *o;
    long n;
};

static int
collect_put(void *ctx, const struct record *r)
{
    struct collect *c = ctx;

    if (out_put(c->o, r) < 0)
        return -1;
    c->n++;
    return 0;
}

/* The note of quote id in the case, or NULL: out.c's note. */
static const char *
case_note(void *ctx, const char *id)
{
    struct browser *b = ctx;
    long k = mark_of(b, id);

    return k >= 0 ? b->notes[k] : NULL;
}

/* Writes the marked quotes (when any) or the current result to fp in
 * format f; the marked ones with their notes. Returns how many, or -1. */
static long
write_quotes(struct browser *b, FILE *fp, enum out_format f, bool marked_only,
             bool current_only)
{
    struct out_options opts = {.format = f};
    struct collect c;
    struct record_sink sink = {collect_put, &c};
    struct q_error err = {{0}};
    long n = 0;
    size_t k;

    if (marked_only && !current_only) {
        opts.note = case_note;
        opts.note_ctx = b;
    }
    c.o = out_new(fp, &opts);
    c.n = 0;
    if (current_only) {
        if (b->n > 0)
            n = index_show(b->ix, b->rows[b->cur].id, &sink, &err);
    } else if (marked_only) {
        for (k = 0; k < b->nmarks && n >= 0; k++)
            n = index_show(b->ix, b->marks[k], &sink, &err);
    } else if (b->have_q) {
        n = index_search(b->ix, &b->q, b->sort, 0, &sink, &err);
    }
    if (out_finish(c.o) < 0)
        n = -1;
    out_free(c.o);
    if (n < 0) {
        set_msg(b, "%s", err.msg[0] ? err.msg : "write error");
        return -1;
    }
    return c.n;
}

/* What y and Y copy: out.c's formats, Markdown and ClaimReview
 * (review.c). */
enum copy_as { COPY_CITE, COPY_TEXT, COPY_CSV, COPY_JSONL, COPY_MD,
               COPY_CLAIM };

struct copy_md {
    struct browser *b;
    struct buf *out;
    long n;
};

/* A record as Markdown, with its note when it is marked. */
static int
copy_md_put(void *ctx, const struct record *r)
{
    struct copy_md *c = ctx;
    long k = mark_of(c->b, r->id);

    review_md(c->out, r, k >= 0 ? c->b->notes[k] : NULL);
    c->n++;
    return 0;
}

/* The marked quotes (or the current one) as Markdown or ClaimReview in
 * out. Returns how many quotes, or -1 (message set). */
static long
copy_review(struct browser *b, enum copy_as as, struct buf *out)
{
    struct copy_md c = {b, out, 0};
    struct record_sink sink = {copy_md_put, &c};
    struct q_error err = {{0}};
    const char *one = b->n > 0 ? b->rows[b->cur].id : NULL;
    size_t k, n = b->nmarks > 0 ? b->nmarks : one != NULL;

    for (k = 0; k < n; k++) {
        const char *id = b->nmarks > 0 ? b->marks[k] : one;
        long m = mark_of(b, id);
        if (as == COPY_MD) {
            if (index_show(b->ix, id, &sink, &err) < 0)
                break;
        } else {
            /* a ClaimReview a quote, its variants the appearances */
            bool usage = false;
            struct check_result *v = check_variants(b->ix, id, &usage, &err);
            if (v == NULL)
                break;
            buf_puts(out, k == 0 ? (n > 1 ? "[\n" : "") : ",\n");
            review_claim(out, v, id, m >= 0 ? b->notes[m] : NULL);
            check_result_free(v);
            c.n++;
        }
    }
    if (k < n) {
        set_msg(b, "%s", err.msg);
        return -1;
    }
    if (as == COPY_CLAIM && n > 1)
        buf_puts(out, "]\n");
    return c.n;
}

/* Copies the marked quotes (when any) or the current one as as. */
static void
copy_as(struct browser *b, enum copy_as as)
{
    static const char *const names[] = {
        [COPY_CITE] = "", [COPY_TEXT] = " as text", [COPY_CSV] = " as CSV",
        [COPY_JSONL] = " as JSON Lines", [COPY_MD] = " as Markdown",
        [COPY_CLAIM] = " as ClaimReview",
    };
    static const enum out_format fmt[] = {
        [COPY_CITE] = OUT_CITE, [COPY_TEXT] = OUT_TEXT,
        [COPY_CSV] = OUT_CSV, [COPY_JSONL] = OUT_JSONL,
    };
    char *data = NULL;
    size_t len = 0;
    char how[512];
    long n;

    if (as == COPY_MD || as == COPY_CLAIM) {
        struct buf out = {0};
        n = copy_review(b, as, &out);
        len = out.len;
        data = buf_take(&out);
    } else {
        FILE *fp = open_memstream(&data, &len);
        if (fp == NULL)
            return;
        n = write_quotes(b, fp, fmt[as], b->nmarks > 0, b->nmarks == 0);
        fclose(fp);
    }
    if (n > 0) {
        clip_copy(data, len, how, sizeof how);
        set_msg(b, "Copied %zu bytes (%ld quote%s)%s %s", len, n,
                n == 1 ? "" : "s", names[as], how);
    }
    free(data);
}

static int
key_copy(struct browser *b, int key)
{
    (void)key;
    copy_as(b, COPY_CITE);
    return 1;
}

/* Y: the format chooser; the next key picks (list_key). */
static int
key_copy_as(struct browser *b, int key)
{
    (void)key;
    if (b->n == 0 && b->nmarks == 0)
        return 0;
    b->choosing = true;
    set_msg(b, "copy as: t text, m Markdown, c CSV, j JSON Lines, "
            "r ClaimReview (Esc: none)");
    return 1;
}

/* The format a file name's extension asks for, by the output module's
 * names (.txt is text). */
static int
format_of(const char *path, enum out_format *f)
{
    const char *dot = strrchr(path, '.');

    if (dot == NULL)
        return -1;
    if (strcmp(dot, ".txt") == 0) {
        *f = OUT_TEXT;
        return 0;
    }
    if (strcmp(dot, ".ndjson") == 0)
        dot = ".jsonl";
    return out_format_parse(dot + 1, f);
}

static void
save_to(struct browser *b, const char *path)
{
    enum out_format f;
    FILE *fp;
    long n;

    if (format_of(path, &f) < 0) {
        set_msg(b, "%s: the extension picks the format (one of %s, txt)",
                path, out_format_names());
        return;
    }
    fp = fopen(path, "w");
    if (fp == NULL) {
        set_msg(b, "%s: %s", path, strerror(errno));
        return;
    }
    n = write_quotes(b, fp, f, b->nmarks > 0, false);
    if (fclose(fp) != 0 && n >= 0) {
        set_msg(b, "%s: %s", path, strerror(errno));
        return;
    }
    if (n >= 0)
        set_msg(b, "Saved %ld %s quotes to %s", n,
                b->nmarks > 0 ? "marked" : "listed", path);
}

/* Runs cmd through sh with the marked or listed quotes as JSON Lines on
 * its standard input, the screen put away meanwhile. */
static void
pipe_to(struct browser *b, const char *cmd)
{
    int fd[2], status = 0;
    pid_t pid;
    FILE *fp;
    long n;

    def_prog_mode();
    endwin();
    if (pipe(fd) < 0)
        return;
    pid = fork();
    if (pid == 0) {
        dup2(fd[0], 0);
        close(fd[0]);
        close(fd[1]);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    close(fd[0]);
    signal(SIGPIPE, SIG_IGN);
    fp = fdopen(fd[1], "w");
    n = fp ? write_quotes(b, fp, OUT_JSONL, b->nmarks > 0, false) : -1;
    if (fp)
        fclose(fp);
    if (pid > 0)
        waitpid(pid, &status, 0);
    fprintf(stderr, "\n[quoth: %ld quotes piped; exit %d; press Enter]",
            n, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    {
        int c;
        while ((c = getchar()) != EOF && c != '\n')
            ;
    }
    reset_prog_mode();
    refresh();
    set_msg(b, "Piped %ld quotes to '%s'", n, cmd);
}

/* o: the source URL; O: its archived copy,
 * https://web.archive.org/web/DATE/URL (DATE the article's, digits
 * only: the copy nearest it). Either with the same fixed opener. */
static int
key_open(struct browser *b, int key)
{
    struct buf arch = {0};
    const char *url;
    pid_t pid;

    context_load(b);
    url = b->ctx ? b->ctx->url : NULL;
    if (url == NULL || (strncmp(url, "http://", 7) != 0 &&
                        strncmp(url, "https://", 8) != 0)) {
        set_msg(b, "no http or https URL to open");
        return 1;
    }
    if (key == 'O') {
        const char *d = b->ctx->date ? b->ctx->date : "";
        size_t nd = 0;
        buf_puts(&arch, "https://web.archive.org/web/");
        for (; *d != '\0' && nd < 14; d++)
            if (*d >= '0' && *d <= '9') {
                buf_putc(&arch, *d);
                nd++;
            }
        buf_printf(&arch, "%s%s", nd > 0 ? "/" : "", url);
        url = arch.data;
    }
    /* a fixed opener, no shell: the URL is one argument */
    pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        if (null >= 0) {
            dup2(null, 0);
            dup2(null, 1);
            dup2(null, 2);
        }
        setsid();
        execlp("xdg-open", "xdg-open", url, (char *)NULL);
        _exit(127);
    }
    set_msg(b, pid > 0 ? "Opening %s with xdg-open" : "cannot run xdg-open "
            "for %s", url);
    buf_free(&arch);
    return 1;
}

/* --- Key handlers: they change state and return 1 to repaint ------------- */

static int
key_down(struct browser *b, int key)
{
    (void)key;
    cursor_by(b, 1);
    return 1;
}

static int
key_up(struct browser *b, int key)
{
    (void)key;
    cursor_by(b, -1);
    return 1;
}

/* The rows a page moves: those on the screen when rows wrap whole. */
static long
page_rows(const struct browser *b)
{
    if (row_lines == 0 && b->nrow_y > 1)
        return (long)b->nrow_y;
    return (long)list_rows();
}

static int
key_pgdn(struct browser *b, int key)
{
    long n = page_rows(b);

    cursor_by(b, key == CTRL('d') ? n / 2 : n);
    return 1;
}

static int
key_pgup(struct browser *b, int key)
{
    long n = page_rows(b);

    cursor_by(b, key == CTRL('u') ? -n / 2 : -n);
    return 1;
}

static int
key_first(struct browser *b, int key)
{
    (void)key;
    window_edge(b, false);
    return 1;
}

static int
key_last(struct browser *b, int key)
{
    (void)key;
    window_edge(b, true);
    return 1;
}

static int
key_reader(struct browser *b, int key)
{
    (void)key;
    reader_open(b);
    return 1;
}

static int
key_quit(struct browser *b, int key)
{
    (void)key;
    b->quit = true;
    return 0;
}

static void
prompt_open(struct browser *b, enum prompt_kind k, const char *init)
{
    b->mode = M_PROMPT;
    b->pk = k;
    buf_reset(&b->line);
    buf_puts(&b->line, init ? init : "");
    b->cursor = b->line.len;
    b->perr_on = false;
    b->hpos = b->nhist[k];
    if (k == P_FILTER) {
        free(b->prev_filter);
        b->prev_filter = xstrdup(b->filter);
    }
    if (k == P_SEARCH || k == P_FILTER) {
        if (k == P_SEARCH) {
            free(b->prev_search);
            b->prev_search = dup0(b->search);
        }
        free(b->sfrom.val);
        b->sfrom.val = NULL;
        b->sfrom.qid = 0;
        if (b->n > 0) {
            b->sfrom = b->rows[b->cur].key;
            b->sfrom.val = dup0(b->sfrom.val);
        }
    }
}

static int
key_search(struct browser *b, int key)
{
    (void)key;
    prompt_open(b, P_SEARCH, b->search);
    return 1;
}

static int
key_filter(struct browser *b, int key)
{
    (void)key;
    prompt_open(b, P_FILTER, b->filter);
    return 1;
}

static int
key_date(struct browser *b, int key)
{
    (void)key;
    prompt_open(b, P_DATE, NULL);
    return 1;
}

static int
key_command(struct browser *b, int key)
{
    (void)key;
    prompt_open(b, P_COMMAND, NULL);
    return 1;
}

static int
key_save(struct browser *b, int key)
{
    (void)key;
    prompt_open(b, P_SAVE, "quotes.jsonl");
    return 1;
}

static int
key_pipe(struct browser *b, int key)
{
    (void)key;
    prompt_open(b, P_PIPE, NULL);
    return 1;
}

/* Moves to the next (or, with back, previous) row of q after the cursor.
 * Returns 1 when there was one, 0 when not, -1 (message set). */
static int
jump_next(struct browser *b, const struct query *q, bool back)
{
    struct q_error err = {{0}};
    struct fill f = {NULL, 0};
    size_t k;
    long n;

    n = index_page(b->ix, q, b->sort, &b->rows[b->cur].key, back, false, 1,
                   fill_put, &f, &err);
    if (n > 0) {
        /* on screen already: just move there */
        for (k = 0; k < b->n; k++)
            if (b->rows[k].key.qid == f.rows[0].key.qid)
                break;
        if (k < b->n)
            cursor_by(b, (long)k - (long)b->cur);
        else
            window_at(b, &f.rows[0].key);
    } else if (n < 0) {
        set_msg(b, "%s", err.msg);
    }
    for (k = 0; k < f.n; k++)
        row_clear(&f.rows[k]);
    free(f.rows);
    return n > 0 ? 1 : n < 0 ? -1 : 0;
}

/* n / N: the next (or previous) search hit. */
static int
key_next(struct browser *b, int key)
{
    if (!b->have_sq || b->n == 0) {
        set_msg(b, "no search (/ starts one)");
        return 1;
    }
    if (jump_next(b, &b->sq, key == 'N') == 0)
        set_msg(b, "no more hits for /%s %s", b->search,
                key == 'N' ? "above" : "below");
    return 1;
}

/* u / U: the next (or previous) marked quote in the list. */
static int
key_next_mark(struct browser *b, int key)
{
    struct query_error qe;
    struct buf t = {0};
    struct query q;
    char *text;

    if (b->nmarks == 0 || b->n == 0) {
        set_msg(b, "nothing marked in case '%s'", b->case_name);
        return 1;
    }
    buf_printf(&t, "@%s", b->case_name);
    text = joined(b->filter, t.data);
    buf_free(&t);
    if (parse(b, text, &q, &qe) == 0) {
        if (jump_next(b, &q, key == 'U') == 0)
            set_msg(b, "no marked quote %s", key == 'U' ? "above" : "below");
        query_free(&q);
    } else {
        set_msg(b, "%s", qe.msg);
    }
    free(text);
    return 1;
}

static int
key_toggle_this(struct browser *b, int key)
{
    const struct row *r;
    char *term;

    if (b->n == 0)
        return 0;
    r = &b->rows[b->cur];
    if (key == 'p' && r->speaker)
        term = term_of("speaker", r->speaker);
    else if (key == 'c' && r->country)
        term = term_of("country", r->country);
    else if (key == 'a') {
        struct buf t = {0};
        buf_printf(&t, "article:%s", r->id);
        term = buf_take(&t);
    } else {
        set_msg(b, "this quote has no %s", key == 'p' ? "speaker"
                                                      : "country");
        return 1;
    }
    toggle_term(b, term);
    free(term);
    return 1;
}

static void
pick_row(void *ctx, const char *value, int64_t count, const char *forms)
{
    struct browser *b = ctx;
    struct pick *p;
    struct buf l = {0};

    b->picks = xreallocarray(b->picks, b->npicks + 1, sizeof *b->picks);
    p = &b->picks[b->npicks++];
    memset(p, 0, sizeof *p);
    p->value = xstrdup(value ? value : "");
    buf_puts(&l, p->value);
    if (forms != NULL && forms[0] && strcmp(forms, p->value) != 0)
        buf_printf(&l, "  (%s)", forms);
    p->label = buf_take(&l);
    p->count = (long)count;
}

static void
picks_free(struct browser *b)
{
    size_t k;

    counter_free(b->scount);
    b->scount = NULL;
    for (k = 0; k < b->npicks; k++) {
        free(b->picks[k].value);
        free(b->picks[k].label);
    }
    free(b->picks);
    b->picks = NULL;
    b->npicks = b->pcur = b->ptop = 0;
    buf_reset(&b->pfilter);
}

static int
key_picker(struct browser *b, int key)
{
    struct q_error err = {{0}};
    enum index_facet f = key == 'P' ? INDEX_PEOPLE : key == 'C'
                                                         ? INDEX_COUNTRIES
                                                         : INDEX_SOURCES;

    picks_free(b);
    b->pfield = key == 'P' ? "speaker" : key == 'C' ? "country" : "source";
    if (index_facet(b->ix, f, b->have_q ? &b->q : NULL, pick_row, b,
                    &err) < 0) {
        set_msg(b, "%s", err.msg);
        return 1;
    }
    b->mode = M_PICKER;
    b->pby_name = false;
    return 1;
}

static int
pick_by_count(const void *x, const void *y)
{
    const struct pick *p = x, *q = y;

    if (p->count != q->count)
        return p->count < q->count ? 1 : -1;
    return strcmp(p->label, q->label);
}

static int
pick_by_name(const void *x, const void *y)
{
    const struct pick *p = x, *q = y;
    int c = strcasecmp(p->label, q->label);

    return c != 0 ? c : strcmp(p->label, q->label);
}

/* Sorts the picker by name (A to Z) or by count (most first), the
 * cursor back on the first row. */
static void
picker_sort(struct browser *b, bool by_name)
{
    b->pby_name = by_name;
    if (b->npicks > 1)
        qsort(b->picks, b->npicks, sizeof *b->picks,
              by_name ? pick_by_name : pick_by_count);
    b->pcur = b->ptop = 0;
}

/* A saved search as an entry of the @ list: its name, what it holds. */
static void
saved_row(void *ctx, const char *name, const char *text)
{
    struct browser *b = ctx;
    struct pick *p;
    struct buf l = {0};

    b->picks = xreallocarray(b->picks, b->npicks + 1, sizeof *b->picks);
    p = &b->picks[b->npicks++];
    memset(p, 0, sizeof *p);
    p->value = xstrdup(name);
    /* a case file's search is its ids */
    if (strncmp(text, "id:", 3) == 0)
        buf_printf(&l, "@%s  (case file)", name);
    else
        buf_printf(&l, "@%s  %s", name, text);
    p->label = buf_take(&l);
    p->count = -1;
}

/* Asks the @ list's counter for its next entry's count. */
static void
saved_ask(struct browser *b)
{
    struct buf t = {0};

    if (b->scount == NULL || b->scount_at >= b->npicks)
        return;
    buf_printf(&t, "@%s", b->picks[b->scount_at].value);
    counter_ask(b->scount, t.data);
    buf_free(&t);
}

/* The @ list's counter has a count: it goes to its entry, and the next
 * entry is counted. */
static void
saved_idle(struct browser *b)
{
    long n;
    int r;

    if (b->scount == NULL || (r = counter_get(b->scount, &n)) == 0)
        return;
    if (b->scount_at < b->npicks)
        b->picks[b->scount_at].count = r == 1 ? n : -2;
    b->scount_at++;
    saved_ask(b);
}

/* @: the saved searches and case files, counted off the keyboard's
 * thread one after another; Enter opens one as the query. */
static int
key_saved(struct browser *b, int key)
{
    struct q_error err = {{0}};

    (void)key;
    picks_free(b);
    b->pfield = "@";
    if (index_query_list(b->ix, saved_row, b, &err) < 0) {
        set_msg(b, "%s", err.msg);
        return 1;
    }
    if (b->npicks == 0) {
        set_msg(b, "no saved search yet (:save NAME, or mark a quote)");
        return 1;
    }
    b->scount = counter_new(b->db);
    b->scount_at = 0;
    saved_ask(b);
    b->mode = M_PICKER;
    return 1;
}

/* Whether every character of needle appears in hay in order, ignoring
 * ASCII case: fzf's fuzzy match, for the pickers. */
static bool
fuzzy(const char *hay, const char *needle)
{
    for (; *needle; needle++) {
        int c = *needle >= 'A' && *needle <= 'Z' ? *needle + 32 : *needle;
        while (*hay && (*hay >= 'A' && *hay <= 'Z' ? *hay + 32 : *hay) != c)
            hay++;
        if (*hay == '\0')
            return false;
        hay++;
    }
    return true;
}

static void
picker_key(struct browser *b, int c, bool text)
{
    size_t k, shown = 0, at = 0;
    struct pick *cur = NULL;

    for (k = 0; k < b->npicks; k++)
        if (!b->picks[k].hidden && shown++ == b->pcur)
            cur = &b->picks[k];
    if (text) {
        struct buf ch = {0};
        utf8_encode(&ch, c);
        buf_append(&b->pfilter, ch.data, ch.len);
        buf_free(&ch);
        c = -2;
    }
    switch (c) {
    case -2:
    case KEY_BACKSPACE: case 127: case CTRL('h'):
        if (c != -2 && b->pfilter.len > 0) {
            /* one UTF-8 character back */
            do
                b->pfilter.len--;
            while (b->pfilter.len > 0 &&
                   (b->pfilter.data[b->pfilter.len] & 0xc0) == 0x80);
            b->pfilter.data[b->pfilter.len] = '\0';
        }
        for (k = 0; k < b->npicks; k++)
            b->picks[k].hidden = !fuzzy(b->picks[k].label,
                                        b->pfilter.data ? b->pfilter.data
                                                        : "");
        b->pcur = b->ptop = 0;
        break;
    case KEY_DOWN: case CTRL('n'):
        if (b->pcur + 1 < shown)
            b->pcur++;
        break;
    case KEY_UP: case CTRL('p'):
        if (b->pcur > 0)
            b->pcur--;
        break;
    case KEY_NPAGE:
        b->pcur = b->pcur + 10 < shown ? b->pcur + 10 : shown ? shown - 1 : 0;
        break;
    case KEY_PPAGE:
        b->pcur = b->pcur > 10 ? b->pcur - 10 : 0;
        break;
    case ' ':
        if (cur != NULL && b->pfield[0] != '@')
            cur->on = !cur->on;
        if (b->pcur + 1 < shown)
            b->pcur++;
        break;
    case KEY_ESC: case CTRL('c'): case KEY_LEFT:
        picks_free(b);
        b->mode = M_LIST;
        break;
    case '\n': case '\r': case KEY_ENTER: {
        struct buf t = {0};
        char *term;
        /* the selected values, ORed; the one under the cursor if none */
        for (k = 0; k < b->npicks; k++)
            if (b->picks[k].on) {
                term = term_of(b->pfield, b->picks[k].value);
                buf_printf(&t, "%s%s", t.len ? " " : "", term);
                free(term);
                at++;
            }
        if (b->pfield[0] == '@') {
            /* a saved search opens as the query (one: Space selects
             * nothing here) */
            buf_reset(&t);
            if (cur != NULL)
                buf_printf(&t, "@%s", cur->value);
            if (t.len > 0)
                apply_or_say(b, t.data);
            buf_free(&t);
            picks_free(b);
            b->mode = M_LIST;
            break;
        }
        if (at == 0 && cur != NULL) {
            term = term_of(b->pfield, cur->value);
            buf_puts(&t, term);
            free(term);
        }
        if (t.len > 0) {
            char *text;
            buf_reset(&b->line);
            buf_printf(&b->line, "%s%s%s", b->filter,
                       b->filter[0] ? " " : "", t.data);
            text = xstrdup(b->line.data);
            apply_or_say(b, text);
            free(text);
        }
        buf_free(&t);
        picks_free(b);
        b->mode = M_LIST;
        break;
    }
    }
}

static int
key_sort(struct browser *b, int key)
{
    static const enum index_sort cycle[] = {INDEX_SORT_DATE_DESC,
                                            INDEX_SORT_DATE,
                                            INDEX_SORT_SPEAKER};
    size_t k;

    if (key == 'I')
        b->sort = b->sort == INDEX_SORT_DATE_DESC ? INDEX_SORT_DATE
                                                  : INDEX_SORT_DATE_DESC;
    else {
        for (k = 0; k < 3 && cycle[k] != b->sort; k++)
            ;
        b->sort = cycle[(k + (key == '>' ? 1 : 2)) % 3];
    }
    window_edge(b, false);
    return 1;
}

static int
key_mark(struct browser *b, int key)
{
    const char *id;

    if (b->n == 0)
        return 0;
    id = b->rows[b->cur].id;
    if (mark_set(b, id, NULL, !is_marked(b, id)) == 0)
        set_msg(b, "%s %s in case '%s' (saved)", is_marked(b, id)
                                                     ? "Marked" : "Unmarked",
                id, b->case_name);
    if (key == 'm' || key == 't')
        cursor_by(b, 1);
    return 1;
}

static int
key_note(struct browser *b, int key)
{
    (void)key;
    if (b->n == 0)
        return 0;
    prompt_open(b, P_NOTE, NULL);
    return 1;
}

/* z, Z: a sentence more, or less, of context each side of the quote. */
static int
key_context(struct browser *b, int key)
{
    if (key == 'z' && b->zoom < 50)
        b->zoom++;
    else if (key == 'Z' && b->zoom > 0)
        b->zoom--;
    b->ctx_scrolled = false;
    if (b->zoom == 0)
        set_msg(b, "context: the quote's sentence only (z: more)");
    else
        set_msg(b, "context: \xc2\xb1%d sentence%s (z more, Z less)",
                b->zoom, b->zoom == 1 ? "" : "s");
    return 1;
}

/* Ctrl-F: every filter off, or back on, the cursor on the same quote. */
static int
key_suspend(struct browser *b, int key)
{
    struct query_error qe;
    char *text;

    (void)key;
    if (b->suspended != NULL) {
        text = b->suspended;
        b->suspended = NULL;
        apply_keep(b, text, &qe);
        free(text);
    } else {
        if (b->filter[0] == '\0')
            return 0;
        text = xstrdup(b->filter);
        apply_keep(b, "", &qe);
        b->suspended = text;
    }
    return 1;
}

static int search_set(struct browser *b, const char *text, bool jump,
                      struct query_error *qe);

/* Ctrl-R: the query, the filters, the search and the sort as the
 * browser opened with them. */
static int
key_reset(struct browser *b, int key)
{
    struct query_error qe;

    (void)key;
    free(b->suspended);
    b->suspended = NULL;
    search_set(b, NULL, false, &qe);
    b->sort = b->init_sort;
    apply_or_say(b, b->init_filter ? b->init_filter : "");
    return 1;
}

/* h and the left arrow in the list: back, as in the reader and the
 * pickers; the list is the top level, so they never quit. */
static int
key_back(struct browser *b, int key)
{
    (void)key;
    set_msg(b, "at the top: q quits");
    return 1;
}

/* w, Ctrl-W: list rows of two lines, of the whole quote, of one line. */
static int
key_wrap(struct browser *b, int key)
{
    (void)key;
    row_lines = row_lines == 2 ? 0 : row_lines == 0 ? 1 : 2;
    /* as many rows above the cursor as the new screen holds */
    b->top = b->cur >= list_rows() ? b->cur - list_rows() + 1 : 0;
    set_msg(b, "rows: %s (w: %s)", row_lines == 2 ? "two lines"
                                   : row_lines == 0 ? "the whole quote"
                                                    : "one line",
            row_lines == 2 ? "whole quotes" : row_lines == 0 ? "one line"
                                                             : "two lines");
    return 1;
}

static int key_waiting(void *ctx);

/* i: the timeline of the current results, counted in one bounded query
 * (QUOTH_TIMELINE_BUDGET quotes at most, for tests; 200000 else). */
static int
key_timeline(struct browser *b, int key)
{
    struct q_error err = {{0}};
    const char *env = getenv("QUOTH_TIMELINE_BUDGET");
    size_t budget = env && atol(env) > 0 ? (size_t)atol(env)
                                         : TIMELINE_BUDGET;
    bool cut = false;
    long r;

    (void)key;
    timeline_free(b->tl);
    b->tl = timeline_new();
    /* a key pressed meanwhile stops it */
    b->abortable = true;
    b->aborted = false;
    index_progress(b->ix, key_waiting, b);
    r = index_timeline(b->ix, b->have_q ? &b->q : NULL, budget,
                       timeline_add, b->tl, &cut, &err);
    index_progress(b->ix, NULL, NULL);
    if (r < 0) {
        if (b->aborted)
            set_msg(b, "timeline: stopped by a key");
        else
            set_msg(b, "timeline: %s", err.msg);
        b->abortable = b->aborted = false;
        timeline_free(b->tl);
        b->tl = NULL;
        return 1;
    }
    b->abortable = false;
    timeline_done(b->tl, cut);
    b->mode = M_TIMELINE;
    return 1;
}

/* A key in the timeline: Enter adds the bar's period to the filter. */
static void
timeline_keyed(struct browser *b, int c)
{
    int r = timeline_key(b->tl, c);
    char *term;

    if (c == 'Q') {
        b->quit = true;
        return;
    }
    if (r == 0)
        return;
    if (r == 1) {
        term = timeline_term(b->tl);
        if (term == NULL) {
            set_msg(b, "undated quotes have no date: term");
        } else {
            struct buf t = {0};
            buf_printf(&t, "%s%s%s", b->filter, b->filter[0] ? " " : "",
                       term);
            apply_or_say(b, t.data);
            buf_free(&t);
            free(term);
        }
    }
    timeline_free(b->tl);
    b->tl = NULL;
    b->mode = M_LIST;
}

/* Tab: the keys go to the list or to the context pane. */
static int
key_focus(struct browser *b, int key)
{
    (void)key;
    b->ctx_focus = !b->ctx_focus;
    return 1;
}

/* A key while the context pane has the focus: j/k, Space/b, g/G scroll
 * it; q, h, Left and Esc give the focus back to the list. Returns false
 * for a key it leaves to the list's table. */
static bool
context_key(struct browser *b, int c)
{
    size_t h = b->ctx_h > 0 ? (size_t)b->ctx_h : 1;
    size_t last = b->ctx_nl > h ? b->ctx_nl - h : 0;
    size_t f = b->ctx_first;

    switch (c) {
    case 'j': case KEY_DOWN: case CTRL('n'):
        f++;
        break;
    case 'k': case KEY_UP: case CTRL('p'):
        f = f > 0 ? f - 1 : 0;
        break;
    case ' ': case KEY_NPAGE: case CTRL('d'):
        f += c == CTRL('d') ? h / 2 : h;
        break;
    case 'b': case KEY_PPAGE: case CTRL('u'):
        f -= f > (c == CTRL('u') ? h / 2 : h) ? (c == CTRL('u') ? h / 2 : h)
                                              : f;
        break;
    case 'g': case KEY_HOME:
        f = 0;
        break;
    case 'G': case KEY_END:
        f = last;
        break;
    case 'q': case 'h': case KEY_LEFT: case KEY_ESC:
        b->ctx_focus = false;
        return true;
    default:
        return false;
    }
    b->ctx_first = f > last ? last : f;
    b->ctx_scrolled = true;
    return true;
}

/* Esc alone in the list: what Esc and a digit do. */
static int
key_esc(struct browser *b, int key)
{
    (void)key;
    set_msg(b, "Esc and a digit: F1..F10");
    return 1;
}

/* M: marks every row on the screen, or unmarks them when all are. */
static int
key_mark_all(struct browser *b, int key)
{
    size_t k, end = b->top + (b->nrow_y ? b->nrow_y : list_rows()), n = 0;
    bool all = true;

    (void)key;
    if (end > b->n)
        end = b->n;
    for (k = b->top; k < end; k++)
        all = all && is_marked(b, b->rows[k].id);
    for (k = b->top; k < end; k++)
        if (is_marked(b, b->rows[k].id) == all &&
            mark_set(b, b->rows[k].id, NULL, !all) == 0)
            n++;
    set_msg(b, "%s %zu quotes on the screen in case '%s' (saved)",
            all ? "Unmarked" : "Marked", n, b->case_name);
    return 1;
}

/* Backspace in the list: the filter's last term goes. */
static int
key_drop_term(struct browser *b, int key)
{
    char *text = xstrdup(b->filter), *sp;

    (void)key;
    sp = strrchr(text, ' ');
    if (sp != NULL)
        *sp = '\0';
    else
        text[0] = '\0';
    apply_or_say(b, text);
    free(text);
    return 1;
}

static int
key_help(struct browser *b, int key)
{
    (void)key;
    b->mode = M_HELP;
    b->help_top = 0;
    b->help_at = (size_t)-1;
    help_find(b, 0, false);
    return 1;
}

static int
key_mouse_toggle(struct browser *b, int key)
{
    (void)key;
    b->mouse = !b->mouse;
    mousemask(b->mouse ? ALL_MOUSE_EVENTS : 0, NULL);
    set_msg(b, "mouse %s (F2)", b->mouse ? "on" : "off: select text freely");
    return 1;
}

/* Ctrl-Z: the terminal back to the shell until fg. */
static int
key_stop(struct browser *b, int key)
{
    (void)b;
    (void)key;
    def_prog_mode();
    endwin();
    kill(getpid(), SIGTSTP);
    reset_prog_mode();
    refresh();
    return 1;
}

static int
key_redraw(struct browser *b, int key)
{
    (void)key;
    clearok(curscr, TRUE);
    b->ctx_id[0] = '\0';
    return 1;
}

/* --- X and v: checking a claim, the variants of a quote (checkview.c) --- */

/* Shows r (taken) on the answer screen. */
static void
check_show(struct browser *b, struct check_result *r)
{
    checkview_free(b->cv);
    b->cv = checkview_new(r);
    b->mode = M_CHECK;
}

/* X: the claim prompt; a bracketed paste arrives as one line. */
static int
key_check(struct browser *b, int key)
{
    (void)key;
    prompt_open(b, P_CHECK, NULL);
    return 1;
}

/* Enter on the claim prompt: check_run on it. */
static void
check_claim(struct browser *b, const char *claim)
{
    struct check_options o = {NULL, CHECK_MIN, 50};
    struct q_error err = {{0}};
    struct check_result *r;
    bool usage = false;

    if (claim[0] == '\0')
        return;
    r = check_run(b->ix, claim, &o, &usage, &err);
    if (r == NULL) {
        set_msg(b, "check: %s", err.msg);
        return;
    }
    check_show(b, r);
}

/* v: the variants of the quote under the cursor, oldest first. */
static int
key_variants(struct browser *b, int key)
{
    struct q_error err = {{0}};
    struct check_result *r;
    bool usage = false;

    (void)key;
    if (b->n == 0)
        return 0;
    r = check_variants(b->ix, b->rows[b->cur].id, &usage, &err);
    if (r == NULL) {
        set_msg(b, "variants: %s", err.msg);
        return 1;
    }
    check_show(b, r);
    checkview_select(b->cv, b->rows[b->cur].id);
    return 1;
}

/* Enter on a match: the list's window at quote id when the filter shows
 * it; else the reader on it (q comes back to the answer). */
static void
check_jump(struct browser *b, const char *id)
{
    struct query_error qe;
    struct q_error err = {{0}};
    struct buf term = {0};
    struct fill f = {NULL, 0};
    struct query q;
    char *text;
    size_t k;

    buf_printf(&term, "id:%s", id);
    text = joined(b->filter, term.data);
    if (parse(b, text, &q, &qe) == 0) {
        index_page(b->ix, &q, b->sort, NULL, false, false, 1, fill_put, &f,
                   &err);
        query_free(&q);
    }
    if (f.n == 1) {
        window_at(b, &f.rows[0].key);
        b->mode = M_LIST;
    } else {
        reader_open_id(b, id, M_CHECK);
    }
    for (k = 0; k < f.n; k++)
        row_clear(&f.rows[k]);
    free(f.rows);
    free(text);
    buf_free(&term);
}

/* A key on the answer screen. */
static void
check_key(struct browser *b, int c)
{
    switch (checkview_key(b->cv, c)) {
    case CHECKVIEW_STAY:
        break;
    case CHECKVIEW_BACK:
        b->mode = M_LIST;
        break;
    case CHECKVIEW_QUIT:
        b->quit = true;
        break;
    case CHECKVIEW_JUMP:
        check_jump(b, checkview_id(b->cv));
        break;
    }
}

static const struct key keys[] = {
    {'?', "?", "Help", "this help, made from the key table (/ searches"
     " it, \\ filters it)", key_help},
    {'/', "/", "Search", "search: jump to hits, hide nothing", key_search},
    {'\\', "\\", "Filter", "filter: narrow the list live (Esc restores)",
     key_filter},
    {'p', "p", "Person", "filter to this quote's person (again: undo)",
     key_toggle_this},
    {'c', "c", "Country", "filter to this quote's country (again: undo)",
     key_toggle_this},
    {'a', "a", NULL, "filter to this quote's article (again: undo)",
     key_toggle_this},
    {'m', "m", "Mark", "mark or unmark in the case file, move down",
     key_mark},
    {'y', "y", "Copy", "copy as a citation (the marked ones, if any)",
     key_copy},
    {'o', "o", "Open", "open the source URL (http, https) with xdg-open",
     key_open},
    {'i', "i", "Timeline",
     "timeline: a bar a month (or year); Enter filters to it", key_timeline},
    {'q', "q", "Quit", "quit (in the reader: back)", key_quit},
    {'j', "j", NULL, "next quote", key_down},
    {KEY_DOWN, "\xe2\x86\x93", NULL, "next quote", key_down},
    {CTRL('n'), "C-n", NULL, "next quote", key_down},
    {'k', "k", NULL, "previous quote", key_up},
    {KEY_UP, "\xe2\x86\x91", NULL, "previous quote", key_up},
    {CTRL('p'), "C-p", NULL, "previous quote", key_up},
    {' ', "Space", NULL, "page down", key_pgdn},
    {KEY_NPAGE, "PgDn", NULL, "page down", key_pgdn},
    {'b', "b", NULL, "page up", key_pgup},
    {KEY_PPAGE, "PgUp", NULL, "page up", key_pgup},
    {CTRL('d'), "C-d", NULL, "half page down", key_pgdn},
    {CTRL('u'), "C-u", NULL, "half page up", key_pgup},
    {'g', "g", NULL, "first quote", key_first},
    {KEY_HOME, "Home", NULL, "first quote", key_first},
    {'G', "G", NULL, "last quote", key_last},
    {KEY_END, "End", NULL, "last quote", key_last},
    {'\n', "Enter", NULL, "reader: the whole article at the quote",
     key_reader},
    {'l', "l", NULL, "reader: the whole article at the quote", key_reader},
    {KEY_RIGHT, "\xe2\x86\x92", NULL,
     "reader: the whole article at the quote", key_reader},
    {'@', "@", NULL, "saved searches and case files, with counts",
     key_saved},
    {'w', "w", NULL, "rows: two lines, the whole quote, one line",
     key_wrap},
    {CTRL('w'), "C-w", NULL, "rows: two lines, the whole quote, one line",
     key_wrap},
    {'\t', "Tab", NULL, "focus the context (j/k, Space/b scroll it) or"
     " the list", key_focus},
    {'h', "h", NULL, "back (reader, picker, help); never quits the list",
     key_back},
    {KEY_LEFT, "\xe2\x86\x90", NULL,
     "back (reader, picker, help); never quits the list", key_back},
    {'Q', "Q", NULL, "quit from anywhere", key_quit},
    {KEY_F(10), "F10", NULL, "quit from anywhere", key_quit},
    {KEY_F(3), "F3", NULL, "search: jump to hits, hide nothing", key_search},
    {'n', "n", NULL, "next search hit", key_next},
    {'N', "N", NULL, "previous search hit", key_next},
    {'&', "&", NULL, "filter: narrow the list live (Esc restores)",
     key_filter},
    {KEY_F(4), "F4", NULL, "filter: narrow the list live (Esc restores)",
     key_filter},
    {CTRL('f'), "C-f", NULL, "suspend or resume the filters, same quote",
     key_suspend},
    {KEY_BACKSPACE, "BS", NULL, "drop the filter's last term",
     key_drop_term},
    {127, "BS", NULL, "drop the filter's last term", key_drop_term},
    {CTRL('r'), "C-r", NULL, "reset query, filters, search and sort to"
     " the start's", key_reset},
    {'P', "P", NULL, "pick people (counts; Space selects several)",
     key_picker},
    {'C', "C", NULL, "pick countries", key_picker},
    {'S', "S", NULL, "pick sources", key_picker},
    {'D', "D", NULL, "dates: 2024-03, 2024-01..2024-06, 30d..",
     key_date},
    {'<', "<", NULL, "previous sort (date\xe2\x86\x93, date\xe2\x86\x91,"
     " speaker)", key_sort},
    {'>', ">", NULL, "next sort", key_sort},
    {KEY_F(6), "F6", NULL, "next sort", key_sort},
    {'I', "I", NULL, "invert the date sort", key_sort},
    {'t', "t", NULL, "mark or unmark in the case file, move down",
     key_mark},
    {'M', "M", NULL, "mark all on the screen (all marked: unmark them)",
     key_mark_all},
    {'u', "u", NULL, "next marked quote", key_next_mark},
    {'U', "U", NULL, "previous marked quote", key_next_mark},
    {'e', "e", NULL, "a note on this quote in the case (marks it)",
     key_note},
    {'z', "z", NULL, "more context (a sentence each side)", key_context},
    {'Z', "Z", NULL, "less context", key_context},
    {'s', "s", NULL, "save marked (or listed) quotes; extension = format",
     key_save},
    {'|', "|", NULL, "pipe marked (or listed) quotes as JSONL to a command",
     key_pipe},
    {':', ":", NULL, "command: filter Q, sort K, save NAME, load NAME,"
     " case NAME, export FILE, quit", key_command},
    {KEY_F(1), "F1", NULL, "this help, made from the key table (/ searches"
     " it, \\ filters it)", key_help},
    {KEY_ESC, "Esc 1..0", NULL, "F1..F10 (Esc 0 is F10), as in mc",
     key_esc},
    {KEY_F(2), "F2", NULL, "mouse on or off (Shift-drag selects text)",
     key_mouse_toggle},
    {CTRL('l'), "C-l", NULL, "redraw", key_redraw},
    {CTRL('z'), "C-z", NULL, "suspend quoth (fg brings it back)", key_stop},
    {CTRL('c'), "C-c", NULL, "quit (in a prompt: cancel)", key_quit},
    {'Y', "Y", NULL, "copy as text, Markdown, CSV, JSON Lines or "
     "ClaimReview", key_copy_as},
    {'O', "O", NULL, "open the archived copy (web.archive.org) of the "
     "source", key_open},
    {'X', "X", NULL, "check a claimed quote: paste it, see who said it",
     key_check},
    {'v', "v", NULL, "variants of this quote, oldest first (\xe2\x89\xa0:"
     " another speaker)", key_variants},
};
static const size_t nkeys = sizeof keys / sizeof *keys;

/* --- The prompt --------------------------------------------------------- */

/* Makes text the search (NULL or "": none): parsed with the filter;
 * with jump, the cursor goes to the first hit from the row the search
 * started on (itself included). Returns 0, or -1 with qe filled. */
static int
search_set(struct browser *b, const char *text, bool jump,
           struct query_error *qe)
{
    struct query sq;
    char *t;

    if (text == NULL || text[0] == '\0') {
        free(b->search);
        b->search = NULL;
        if (b->have_sq)
            query_free(&b->sq);
        b->have_sq = false;
        return 0;
    }
    t = joined(b->filter, text);
    if (parse(b, t, &sq, qe) < 0) {
        free(t);
        return -1;
    }
    free(t);
    if (b->have_sq)
        query_free(&b->sq);
    b->sq = sq;
    b->have_sq = true;
    if (text != b->search) {
        free(b->search);
        b->search = xstrdup(text);
    }
    b->search_hit = false;
    if (jump && b->sfrom.qid != 0) {
        struct index_key k = b->sfrom;
        struct fill f = {NULL, 0};
        struct q_error err = {{0}};
        size_t j;

        if (index_page(b->ix, &b->sq, b->sort, &k, false, true, 1, fill_put,
                       &f, &err) > 0) {
            b->search_hit = true;
            for (j = 0; j < b->n; j++)
                if (b->rows[j].key.qid == f.rows[0].key.qid)
                    break;
            if (j < b->n)
                cursor_by(b, (long)j - (long)b->cur);
            else
                window_at(b, &f.rows[0].key);
        }
        for (j = 0; j < f.n; j++)
            row_clear(&f.rows[j]);
        free(f.rows);
    }
    return 0;
}

/* Progress handler of a live-filter page: gives way when a key waits. */
static int
key_waiting(void *ctx)
{
    struct browser *b = ctx;
    struct pollfd p = {0, POLLIN, 0};

    if (b->abortable && poll(&p, 1, 0) > 0)
        b->aborted = true;
    return b->aborted;
}

/* The live filter: parse on every keystroke; the list and the count follow
 * a query that parses, an error shows under the prompt. A page slower
 * than the typist gives way to the next key, and is read once keys stop. */
static void
prompt_changed(struct browser *b)
{
    struct query_error qe;
    const char *l = b->line.data ? b->line.data : "";
    int r;

    if (b->pk == P_SEARCH) {
        b->perr_on = search_set(b, l, true, &qe) < 0;
        if (b->perr_on) {
            snprintf(b->perr, sizeof b->perr, "%s", qe.msg);
            /* the column in the search text, not in "(filter) (search)" */
            size_t off = b->filter[0] ? strlen(b->filter) + 4 : 0;
            b->perr_col = qe.column > off ? qe.column - off : 0;
        }
        return;
    }
    if (b->pk == P_HSEARCH || b->pk == P_HFILTER) {
        char **cur = b->pk == P_HSEARCH ? &b->help_search : &b->help_filter;
        free(*cur);
        *cur = l[0] ? xstrdup(l) : NULL;
        b->help_top = 0;
        help_find(b, 0, false);
        return;
    }
    if (b->pk != P_FILTER)
        return;
    b->abortable = true;
    b->aborted = b->page_stale = false;
    index_progress(b->ix, key_waiting, b);
    r = apply(b, l, &qe);
    index_progress(b->ix, NULL, NULL);
    b->abortable = b->aborted = false;
    if (r < 0) {
        snprintf(b->perr, sizeof b->perr, "%s", qe.msg);
        b->perr_col = qe.column;
        b->perr_on = true;
    } else {
        b->perr_on = false;
    }
}

static void
command_run(struct browser *b, char *cmd)
{
    struct q_error err = {{0}};
    char *arg = strchr(cmd, ' ');

    if (arg != NULL) {
        *arg++ = '\0';
        while (*arg == ' ')
            arg++;
    }
    if (strcmp(cmd, "q") == 0 || strcmp(cmd, "quit") == 0) {
        b->quit = true;
    } else if (strcmp(cmd, "filter") == 0) {
        apply_or_say(b, arg ? arg : "");
    } else if (strcmp(cmd, "sort") == 0 && arg) {
        if (strcmp(arg, "-date") == 0)
            b->sort = INDEX_SORT_DATE_DESC;
        else if (strcmp(arg, "date") == 0)
            b->sort = INDEX_SORT_DATE;
        else if (strcmp(arg, "speaker") == 0)
            b->sort = INDEX_SORT_SPEAKER;
        else
            set_msg(b, "sort takes -date, date or speaker");
        window_edge(b, false);
    } else if (strcmp(cmd, "save") == 0 && arg) {
        struct index *w = b->wix ? b->wix : index_open(b->db, true, &err);
        if (w == NULL || index_query_save(w, arg, b->filter, &err) < 0)
            set_msg(b, "cannot save: %s", err.msg);
        else
            set_msg(b, "Saved the filter as @%s", arg);
        /* our own commit is not another writer's */
        b->data_version = index_data_version(b->ix);
        b->wix = w;
    } else if (strcmp(cmd, "load") == 0 && arg) {
        struct buf t = {0};
        buf_printf(&t, "@%s", arg);
        apply_or_say(b, t.data);
        buf_free(&t);
    } else if (strcmp(cmd, "case") == 0 && arg) {
        free(b->case_name);
        b->case_name = xstrdup(arg);
        marks_load(b);
        set_msg(b, "Case '%s': %zu marked; @%s lists them", arg, b->nmarks,
                arg);
    } else if (strcmp(cmd, "export") == 0 && arg) {
        save_to(b, arg);
    } else {
        set_msg(b, "commands: filter Q, sort K, save NAME, load NAME, "
                "case NAME, export FILE, quit");
    }
}

/* The prompt kinds' names in the history file. */
static const char *const hist_kinds[P_N] = {
    [P_SEARCH] = "search", [P_FILTER] = "filter", [P_DATE] = "date",
    [P_COMMAND] = "command", [P_SAVE] = "save", [P_PIPE] = "pipe",
    [P_NOTE] = "note", [P_HSEARCH] = "help-search",
    [P_HFILTER] = "help-filter",
};

/* Keeps line l in the history of prompt kind k (not twice in a row, at
 * most 100). */
static void
history_keep(struct browser *b, enum prompt_kind k, const char *l)
{
    char ***h = &b->hist[k];
    size_t *n = &b->nhist[k];

    if (l[0] == '\0' || (*n > 0 && strcmp((*h)[*n - 1], l) == 0))
        return;
    if (*n == 100) {
        free((*h)[0]);
        memmove(*h, *h + 1, (*n - 1) * sizeof **h);
        (*n)--;
    }
    *h = xreallocarray(*h, *n + 1, sizeof **h);
    (*h)[(*n)++] = xstrdup(l);
}

/* An entry of the history file, into the kind's history. */
static void
history_put(void *ctx, const char *kind, const char *text)
{
    size_t k;

    for (k = 0; k < P_N; k++)
        if (hist_kinds[k] != NULL && strcmp(hist_kinds[k], kind) == 0)
            history_keep(ctx, (enum prompt_kind)k, text);
}

/* An accepted prompt line: kept in memory and on disk. */
static void
history_push(struct browser *b, const char *l)
{
    size_t n = b->nhist[b->pk];

    if (l[0] == '\0' || (n > 0 && strcmp(b->hist[b->pk][n - 1], l) == 0))
        return;
    history_keep(b, b->pk, l);
    history_add(hist_kinds[b->pk], l);
}

/* After loading: a file much longer than what is kept is written again
 * with only that. */
static void
history_compact(struct browser *b, size_t read)
{
    size_t k, j;

    if (read <= 2000)
        return;
    history_clear();
    for (k = 0; k < P_N; k++)
        for (j = 0; j < b->nhist[k]; j++)
            history_add(hist_kinds[k], b->hist[k][j]);
}

static void
prompt_done(struct browser *b)
{
    char *l = xstrdup(b->line.data ? b->line.data : "");

    if (!b->perr_on)
        history_push(b, l);

    b->mode = M_LIST;
    switch (b->pk) {
    case P_SEARCH:
        if (b->perr_on) {
            b->mode = M_PROMPT;
            break;
        }
        if (b->search != NULL && b->n > 0 && !b->search_hit)
            set_msg(b, "no hit for /%s below", b->search);
        break;
    case P_FILTER:
        if (b->perr_on) {
            /* Enter on an error keeps the prompt open */
            b->mode = M_PROMPT;
            break;
        }
        free(b->suspended);
        b->suspended = NULL;
        break;
    case P_DATE:
        if (l[0]) {
            struct buf t = {0};
            buf_printf(&t, "%s%sdate:%s", b->filter, b->filter[0] ? " " : "",
                       l);
            apply_or_say(b, t.data);
            buf_free(&t);
        }
        break;
    case P_COMMAND:
        command_run(b, l);
        break;
    case P_SAVE:
        if (l[0])
            save_to(b, l);
        break;
    case P_PIPE:
        if (l[0])
            pipe_to(b, l);
        break;
    case P_HSEARCH: case P_HFILTER:
        b->mode = M_HELP;
        break;
    case P_N:
        break;
    case P_NOTE:
        if (b->n > 0 && mark_set(b, b->rows[b->cur].id, l, true) == 0)
            set_msg(b, "Noted and marked %s in case '%s'",
                    b->rows[b->cur].id, b->case_name);
        break;
    case P_CHECK:
        check_claim(b, l);
        break;
    }
    free(l);
}

static void prompt_complete(struct browser *b);

static void
prompt_key(struct browser *b, wint_t c, bool text)
{
    struct query_error qe;
    size_t i;

    if (text) {
        struct buf ch = {0};
        utf8_encode(&ch, (int32_t)c);
        buf_reserve(&b->line, ch.len);
        memmove(b->line.data + b->cursor + ch.len, b->line.data + b->cursor,
                b->line.len - b->cursor + 1);
        memcpy(b->line.data + b->cursor, ch.data, ch.len);
        b->line.len += ch.len;
        b->cursor += ch.len;
        buf_free(&ch);
        prompt_changed(b);
        return;
    }
    switch (c) {
    case '\n': case '\r': case KEY_ENTER:
        prompt_done(b);
        return;
    case KEY_ESC: case CTRL('c'):
        b->mode = M_LIST;
        b->perr_on = false;
        if (b->pk == P_HSEARCH || b->pk == P_HFILTER) {
            /* the help as it was before the prompt */
            char **cur = b->pk == P_HSEARCH ? &b->help_search
                                            : &b->help_filter;
            free(*cur);
            *cur = b->help_prev;
            b->help_prev = NULL;
            b->mode = M_HELP;
            help_find(b, 0, false);
            return;
        }
        if (b->pk == P_FILTER) {
            /* the filter before, and the row the prompt opened on */
            apply_or_say(b, b->prev_filter ? b->prev_filter : "");
            if (b->sfrom.qid != 0)
                window_at(b, &b->sfrom);
        }
        if (b->pk == P_SEARCH) {
            /* the search before, and the row the search started on */
            search_set(b, b->prev_search, false, &qe);
            if (b->sfrom.qid != 0)
                window_at(b, &b->sfrom);
        }
        return;
    case KEY_BACKSPACE: case 127: case CTRL('h'):
        if (b->cursor == 0)
            return;
        i = b->cursor;
        do
            i--;
        while (i > 0 && (b->line.data[i] & 0xc0) == 0x80);
        memmove(b->line.data + i, b->line.data + b->cursor,
                b->line.len - b->cursor + 1);
        b->line.len -= b->cursor - i;
        b->cursor = i;
        break;
    case KEY_LEFT: case CTRL('b'):
        while (b->cursor > 0 &&
               (b->line.data[--b->cursor] & 0xc0) == 0x80)
            ;
        return;
    case KEY_RIGHT: case CTRL('f'):
        if (b->cursor < b->line.len)
            b->cursor++;
        while (b->cursor < b->line.len &&
               (b->line.data[b->cursor] & 0xc0) == 0x80)
            b->cursor++;
        return;
    case KEY_UP: case CTRL('p'): case KEY_DOWN: case CTRL('n'):
        /* the history of this kind of prompt */
        if (c == KEY_UP || c == CTRL('p')) {
            if (b->hpos == 0)
                return;
            b->hpos--;
        } else {
            if (b->hpos >= b->nhist[b->pk])
                return;
            b->hpos++;
        }
        buf_reset(&b->line);
        buf_puts(&b->line, b->hpos < b->nhist[b->pk]
                               ? b->hist[b->pk][b->hpos] : "");
        b->cursor = b->line.len;
        break;
    case CTRL('a'): case KEY_HOME:
        b->cursor = 0;
        return;
    case CTRL('e'): case KEY_END:
        b->cursor = b->line.len;
        return;
    case CTRL('u'):
        buf_reset(&b->yank);
        buf_append(&b->yank, b->line.data ? b->line.data : "", b->line.len);
        buf_reset(&b->line);
        buf_puts(&b->line, "");
        b->cursor = 0;
        break;
    case CTRL('k'):
        buf_reset(&b->yank);
        buf_append(&b->yank, b->line.data ? b->line.data + b->cursor : "",
                   b->line.len - b->cursor);
        b->line.len = b->cursor;
        if (b->line.data)
            b->line.data[b->cursor] = '\0';
        break;
    case CTRL('w'):
        i = b->cursor;
        while (i > 0 && b->line.data[i - 1] == ' ')
            i--;
        while (i > 0 && b->line.data[i - 1] != ' ')
            i--;
        buf_reset(&b->yank);
        buf_append(&b->yank, b->line.data ? b->line.data + i : "",
                   b->cursor - i);
        memmove(b->line.data + i, b->line.data + b->cursor,
                b->line.len - b->cursor + 1);
        b->line.len -= b->cursor - i;
        b->cursor = i;
        break;
    case CTRL('y'):
        if (b->yank.len == 0)
            return;
        buf_reserve(&b->line, b->yank.len);
        memmove(b->line.data + b->cursor + b->yank.len,
                b->line.data + b->cursor, b->line.len - b->cursor + 1);
        memcpy(b->line.data + b->cursor, b->yank.data, b->yank.len);
        b->line.len += b->yank.len;
        b->cursor += b->yank.len;
        break;
    case KEY_ALT_B:
        /* to the start of this word, or of the one before */
        while (b->cursor > 0 && b->line.data[b->cursor - 1] == ' ')
            b->cursor--;
        while (b->cursor > 0 && b->line.data[b->cursor - 1] != ' ')
            b->cursor--;
        return;
    case KEY_ALT_F:
        while (b->cursor < b->line.len && b->line.data[b->cursor] == ' ')
            b->cursor++;
        while (b->cursor < b->line.len && b->line.data[b->cursor] != ' ')
            b->cursor++;
        return;
    case '\t':
        prompt_complete(b);
        break;
    default:
        return;
    }
    prompt_changed(b);
}

/* --- Completion in the prompt (Tab) ------------------------------------- */

struct cands {
    char *v[COMPLETE_MAX];
    size_t n;
};

static void
cand_add(void *ctx, const char *value)
{
    struct cands *c = ctx;

    if (c->n < COMPLETE_MAX)
        c->v[c->n++] = xstrdup(value);
}

/* Whether s begins with p, ignoring ASCII case. */
static bool
has_prefix(const char *s, const char *p)
{
    return strncasecmp(s, p, strlen(p)) == 0;
}

/* Tab: completes the word before the cursor: a field name ("spe" to
 * "speaker:"), a field's value (speakers, countries, sources, saved
 * names, from the index by bounded queries), or "@name"; in the ':'
 * prompt a command, or the name after load and case. One candidate
 * replaces the word; several give their common beginning, and the status
 * line lists them. */
static void
prompt_complete(struct browser *b)
{
    struct cands c = {{0}, 0};
    struct q_error err = {{0}};
    struct buf rep = {0}, list = {0};
    char *l = b->line.data ? b->line.data : "", *word, *colon, *val;
    size_t ws = b->cursor, k, common;
    const char *pre = "";
    int what = -1;
    bool quote;

    static const char *const commands[] = {
        "filter ", "sort ", "save ", "load ", "case ", "export ", "quit",
    };

    if (b->pk != P_FILTER && b->pk != P_SEARCH && b->pk != P_COMMAND)
        return;
    while (ws > 0 && l[ws - 1] != ' ' && l[ws - 1] != '(')
        ws--;
    while (ws < b->cursor && (l[ws] == '!' || l[ws] == '-'))
        ws++;
    word = xstrndup(l + ws, b->cursor - ws);
    colon = strchr(word, ':');
    if (b->pk == P_COMMAND && ws == 0) {
        /* the command's name */
        for (k = 0; k < sizeof commands / sizeof *commands; k++)
            if (has_prefix(commands[k], word))
                c.v[c.n++] = xstrdup(commands[k]);
        pre = "";
        val = word;
    } else if (b->pk == P_COMMAND && (strncmp(l, "load ", 5) == 0 ||
                                      strncmp(l, "case ", 5) == 0)) {
        /* a saved search's or a case's name */
        what = INDEX_C_SAVED;
        val = word;
    } else if (b->pk == P_COMMAND) {
        goto out;
    } else if (word[0] == '@') {
        what = INDEX_C_SAVED;
        pre = "@";
        val = word + 1;
    } else if (colon != NULL) {
        *colon = '\0';
        val = colon + 1;
        if (strcasecmp(word, "speaker") == 0 || strcasecmp(word, "who") == 0
            || strcasecmp(word, "by") == 0)
            what = INDEX_C_SPEAKER;
        else if (strcasecmp(word, "country") == 0)
            what = INDEX_C_COUNTRY;
        else if (strcasecmp(word, "source") == 0 ||
                 strcasecmp(word, "outlet") == 0)
            what = INDEX_C_SOURCE;
        else if (strcasecmp(word, "query") == 0)
            what = INDEX_C_SAVED;
        *colon = ':';
        pre = NULL;
    } else {
        const char *f;
        for (k = 0; (f = query_field_name(k)) != NULL; k++)
            if (has_prefix(f, word) && c.n < COMPLETE_MAX) {
                buf_reset(&rep);
                buf_printf(&rep, "%s:", f);
                c.v[c.n++] = buf_take(&rep);
            }
        val = word;
    }
    if (what >= 0) {
        if (*val == '"')
            val++;
        if (index_complete(b->ix, (enum index_complete)what, val,
                           COMPLETE_MAX, cand_add, &c, &err) < 0)
            set_msg(b, "completion: %s", err.msg);
    }
    if (c.n == 0) {
        if (b->msg[0] == '\0')
            set_msg(b, "nothing to complete '%s' with", word);
        goto out;
    }
    /* the candidates' common beginning (ASCII case aside) */
    common = strlen(c.v[0]);
    for (k = 1; k < c.n; k++) {
        size_t j = 0;
        while (j < common && c.v[k][j] &&
               (c.v[k][j] == c.v[0][j] ||
                (isascii((unsigned char)c.v[k][j]) &&
                 tolower((unsigned char)c.v[k][j]) ==
                     tolower((unsigned char)c.v[0][j]))))
            j++;
        common = j;
    }
    while (common > 0 && (c.v[0][common] & 0xc0) == 0x80)
        common--;       /* never half a character */
    buf_reset(&rep);
    if (pre == NULL)    /* field:value, the field as typed */
        buf_append(&rep, word, (size_t)(colon - word) + 1);
    else
        buf_puts(&rep, pre);
    quote = what >= 0 && what != INDEX_C_SAVED && c.n == 1 &&
            strpbrk(c.v[0], " ()|:\"") != NULL;
    if (quote)
        buf_putc(&rep, '"');
    buf_append(&rep, c.v[0], c.n == 1 ? strlen(c.v[0]) : common);
    if (quote)
        buf_putc(&rep, '"');
    if (c.n == 1 && what >= 0 && b->pk != P_COMMAND)
        buf_putc(&rep, ' ');
    if (c.n == 1 || rep.len > b->cursor - ws) {
        struct buf nl = {0};
        buf_append(&nl, l, ws);
        buf_append(&nl, rep.data, rep.len);
        buf_puts(&nl, l + b->cursor);
        b->cursor = ws + rep.len;
        buf_free(&b->line);
        b->line = nl;
    }
    if (c.n > 1) {
        for (k = 0; k < c.n; k++)
            buf_printf(&list, "%s%s", k ? ", " : "", c.v[k]);
        set_msg(b, "%s%s", list.data, c.n == COMPLETE_MAX ? ", \xe2\x80\xa6"
                                                          : "");
    }
out:
    for (k = 0; k < c.n; k++)
        free(c.v[k]);
    buf_free(&rep);
    buf_free(&list);
    free(word);
}

/* --- The loop ---------------------------------------------------------- */

/* A click on the status line's filter at column col of its text: the
 * term there goes (a term: a run of the filter without spaces outside
 * double quotes and parentheses). */
static void
filter_drop_at(struct browser *b, int col)
{
    const char *f = b->filter;
    size_t n = strlen(f), off = 0, k, ts = 0;
    int depth = 0;
    bool inq = false, in = false;
    struct buf t = {0};

    /* the byte under the column */
    while (off < n && (int)utf8_width(f, off + 1) <= col)
        off++;
    if (off >= n || f[off] == ' ')
        return;
    for (k = 0; k <= n; k++) {
        bool sp = k == n || (f[k] == ' ' && depth == 0 && !inq);
        if (!in && !sp) {
            in = true;
            ts = k;
        }
        if (in && sp) {
            in = false;
            if (off >= ts && off < k)
                break;
        }
        if (k < n && f[k] == '"')
            inq = !inq;
        else if (k < n && !inq && f[k] == '(')
            depth++;
        else if (k < n && !inq && f[k] == ')' && depth > 0)
            depth--;
    }
    if (k > n)
        return;
    /* the filter without it, spaces tidied */
    buf_append(&t, f, ts);
    while (t.len > 0 && t.data[t.len - 1] == ' ')
        t.len--;
    while (k < n && f[k] == ' ')
        k++;
    buf_printf(&t, "%s%s", t.len > 0 && k < n ? " " : "", f + k);
    apply_or_say(b, t.data ? t.data : "");
    buf_free(&t);
}

/* The mouse (ux.md 5.2): the wheel scrolls, a click selects, a double
 * click opens; a click on a filter term in the status line removes it;
 * a click on a picker's column header sorts by it. */
static void
mouse_event(struct browser *b)
{
    MEVENT ev;
    int wheel = 0, k;
    bool click, dbl;

    if (getmouse(&ev) != OK)
        return;
    if (ev.bstate & BUTTON4_PRESSED)
        wheel = -1;
#ifdef BUTTON5_PRESSED
    else if (ev.bstate & BUTTON5_PRESSED)
        wheel = 1;
#endif
    dbl = (ev.bstate & BUTTON1_DOUBLE_CLICKED) != 0;
    click = dbl || (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) != 0;
    switch (b->mode) {
    case M_READER:
        for (k = 0; k < 3 && wheel != 0; k++)
            reader_key(b, wheel < 0 ? 'k' : 'j');
        break;
    case M_CHECK:
        if (wheel != 0)
            checkview_move(b->cv, wheel);
        else if (click && checkview_click(b->cv, ev.y) && dbl)
            check_jump(b, checkview_id(b->cv));
        break;
    case M_PICKER:
        if (wheel != 0) {
            for (k = 0; k < 3; k++)
                picker_key(b, wheel < 0 ? KEY_UP : KEY_DOWN, false);
        } else if (click && ev.y == PICK_ROW_Y - 1 && b->pfield[0] != '@') {
            picker_sort(b, ev.x >= PICK_NAME_X - 1);
        } else if (click && ev.y >= pick_row_y(b)) {
            size_t at = b->ptop + (size_t)(ev.y - pick_row_y(b)), shown = 0;
            for (size_t j = 0; j < b->npicks; j++)
                shown += !b->picks[j].hidden;
            if (at < shown) {
                b->pcur = at;
                if (dbl)
                    picker_key(b, '\n', false);
            }
        }
        break;
    case M_LIST:
        if (wheel != 0) {
            cursor_by(b, 3 * wheel);
        } else if (click && ev.y == LINES - 2 && b->status_fx >= 0 &&
                   ev.x >= b->status_fx) {
            filter_drop_at(b, ev.x - b->status_fx);
        } else if (click) {
            /* the row drawn there (row_y: where each begins) */
            size_t i;
            for (i = 0; i < b->nrow_y && b->row_y[i + 1] <= ev.y; i++)
                ;
            if (i < b->nrow_y && ev.y >= b->row_y[0] &&
                (COLS < WIDE_COLS || ev.x < COLS * 6 / 10)) {
                size_t r = b->top + i;
                if (r < b->n)
                    cursor_by(b, (long)r - (long)b->cur);
                if (r < b->n && dbl)
                    reader_open(b);
            }
        }
        break;
    default:
        break;
    }
}

static void
list_key(struct browser *b, int c)
{
    size_t k;

    b->msg[0] = '\0';
    if (b->choosing) {
        static const char picks[] = "tcjmr";
        static const enum copy_as as[] = {COPY_TEXT, COPY_CSV, COPY_JSONL,
                                          COPY_MD, COPY_CLAIM};
        const char *p = c > 0 && c < 128 ? strchr(picks, c) : NULL;
        b->choosing = false;
        if (p != NULL && *p != '\0')
            copy_as(b, as[p - picks]);
        return;
    }
    for (k = 0; k < nkeys; k++)
        if (keys[k].key == c) {
            keys[k].run(b, c);
            return;
        }
    if (c == KEY_ENTER || c == '\r')
        reader_open(b);
    else
        set_msg(b, "no key %s here (? for help)", keyname(c) ? keyname(c)
                                                             : "?");
}

/* SIGTERM and SIGHUP: leave the loop, so that the terminal is put back
 * and every mark is already in the index. */
static volatile sig_atomic_t browse_stop;

static void
on_stop(int sig)
{
    (void)sig;
    browse_stop = 1;
}

/* Polls the counter and the index's data version. */
static void
idle(struct browser *b)
{
    long n;
    int64_t v;

    if (counter_get(b->counter, &n) == 1)
        b->count = n;
    counter_total(b->counter, &b->total);
    if (b->count >= 0 && b->pos < 0 && b->at_end)
        b->pos = b->count - (long)b->n;
    v = index_data_version(b->ix);
    if (v >= 0 && b->data_version >= 0 && v != b->data_version) {
        b->writing = true;
        b->stale = true;
    }
    b->data_version = v;
    /* Another writer commits: count again, but only once the last count
     * is done and at most every few seconds, so that a count longer than
     * the writer's pace still ends; the old figure stays meanwhile. */
    if (b->stale && b->count >= 0 && b->total >= 0 &&
        time(NULL) >= b->recounted + 5) {
        b->stale = false;
        b->recounted = time(NULL);
        b->old_count = b->count;
        b->count = -1;
        counter_recount(b->counter);
        counter_ask(b->counter, b->asked ? b->asked : "");
    }
    while (waitpid(-1, NULL, WNOHANG) > 0)
        ;
}

/* Bracketed paste on or off: on only while the claim prompt is open, so
 * that a pasted claim's line breaks are spaces there and the shell after
 * quoth (or a pipe's command) never sees the mode. */
static void
paste_mode(struct browser *b, bool on)
{
    const char *seq = on ? "\033[?2004h" : "\033[?2004l";

    if (b->paste_on == on)
        return;
    b->paste_on = on;
    b->pasting = false;
    fflush(stdout);
    if (write(1, seq, strlen(seq)) < 0)
        return;
}

/* Esc and then a digit are F1..F10 (Esc 0 is F10), as in mc, for
 * terminals that swallow F-keys: the digit within wait_ms (typed by hand
 * after the Esc). Returns get_wch's kind for *c; another key after the
 * Esc goes back to be read next. */
static int
esc_digit(wint_t *c, int wait_ms)
{
    struct pollfd p = {0, POLLIN, 0};
    wint_t d;
    int r = get_wch(&d);

    if (r == ERR && wait_ms > 0 && poll(&p, 1, wait_ms) > 0)
        r = get_wch(&d);

    if (r == OK && d >= '0' && d <= '9') {
        *c = (wint_t)KEY_F(d == '0' ? 10 : (int)(d - '0'));
        return KEY_CODE_YES;
    }
    if (r == OK)
        unget_wch((wchar_t)d);
    else if (r == KEY_CODE_YES)
        ungetch((int)d);
    return OK;
}

/* In a prompt, Esc and b or f at once are Alt-B and Alt-F (a word back
 * or forward); another key after the Esc goes back to be read next. */
static int
esc_alt(wint_t *c)
{
    wint_t d;
    int r = get_wch(&d);

    if (r == OK && (d == 'b' || d == 'f')) {
        *c = d == 'b' ? KEY_ALT_B : KEY_ALT_F;
        return KEY_CODE_YES;
    }
    if (r == OK)
        unget_wch((wchar_t)d);
    else if (r == KEY_CODE_YES)
        ungetch((int)d);
    return OK;
}

static void
run(struct browser *b)
{
    struct pollfd fds[3];
    bool dirty = true;
    int since = 0;

    fds[0].fd = 0;
    fds[0].events = POLLIN;
    fds[1].fd = counter_fd(b->counter);
    fds[1].events = POLLIN;
    while (!b->quit && !browse_stop) {
        wint_t c;
        int r;

        if (dirty) {
            draw(b);
            dirty = false;
        }
        paste_mode(b, b->mode == M_PROMPT && b->pk == P_CHECK);
        r = get_wch(&c);
        if (r == ERR && b->page_stale) {
            /* the keys stopped: the page that gave way, read now */
            b->page_stale = false;
            if (b->mode == M_PROMPT && b->pk == P_FILTER)
                prompt_changed(b);
            dirty = true;
            continue;
        }
        if (r == ERR) {
            int p;
            /* the @ list's counter, while it is open */
            fds[2].fd = b->scount ? counter_fd(b->scount) : -1;
            fds[2].events = POLLIN;
            fds[2].revents = 0;
            p = poll(fds, 3, 1000);
            if (p > 0 && (fds[2].revents & POLLIN)) {
                saved_idle(b);
                dirty = true;
            }
            if (p > 0 && (fds[1].revents & POLLIN)) {
                idle(b);
                dirty = true;
            } else if (p > 0 && (fds[2].revents & POLLIN)) {
                ;
            } else if (p == 0 && ++since >= 1) {
                long before = b->total, cb = b->count;
                bool w = b->writing;
                since = 0;
                idle(b);
                dirty = before != b->total || cb != b->count ||
                        w != b->writing;
            }
            continue;
        }
        dirty = true;
        /* in the list Esc alone does nothing: wait for a digit typed
         * after it; elsewhere it goes back at once */
        if (r == OK && c == KEY_ESC && b->mode != M_PROMPT)
            r = esc_digit(&c, b->mode == M_LIST && !b->choosing ? 1000
                                                                 : 0);
        else if (r == OK && c == KEY_ESC)
            r = esc_alt(&c);
        if (r == KEY_CODE_YES && c == KEY_RESIZE) {
            b->rd_width = -1;
            b->ctx_id[0] = '\0';
            if (b->top + list_rows() <= b->cur)
                b->top = b->cur - list_rows() + 1;
            continue;
        }
        if (r == KEY_CODE_YES && c == KEY_MOUSE) {
            mouse_event(b);
            continue;
        }
        if (r == KEY_CODE_YES && (c == KEY_PASTE_BEGIN ||
                                  c == KEY_PASTE_END)) {
            b->pasting = c == KEY_PASTE_BEGIN;
            continue;
        }
        if (b->pasting && r == OK && (c == '\r' || c == '\n' || c == '\t')) {
            /* a pasted line break: a space in the claim */
            c = ' ';
        }
        if (COLS < MIN_COLS || LINES < MIN_LINES) {
            if (c == 'q' || c == 'Q')
                b->quit = true;
            continue;
        }
        switch (b->mode) {
        case M_PROMPT:
            b->msg[0] = '\0';
            prompt_key(b, c, r == OK && c >= ' ' && c != 127);
            break;
        case M_READER:
            reader_key(b, (int)c);
            break;
        case M_PICKER:
            picker_key(b, (int)c, r == OK && c > ' ' && c != 127);
            break;
        case M_TIMELINE:
            timeline_keyed(b, (int)c);
            break;
        case M_CHECK:
            check_key(b, (int)c);
            break;
        case M_HELP:
            help_key(b, (int)c);
            break;
        default:
            if (!b->ctx_focus || !context_key(b, (int)c))
                list_key(b, (int)c);
            break;
        }
    }
}

int
browse_run(const char *db, const char *query, bool mouse, int color)
{
    struct browser b;
    struct q_error err = {{0}};
    struct query_error qe;
    const char *nc = getenv("NO_COLOR");
    size_t k;
    int rc = 0;

    memset(&b, 0, sizeof b);
    b.db = db;
    b.ix = index_open(db, false, &err);
    if (b.ix == NULL) {
        fprintf(stderr, "quoth: %s: %s\n", db, err.msg);
        return 4;
    }
    b.filter = xstrdup("");
    b.count = b.total = b.old_count = -1;
    b.data_version = index_data_version(b.ix);
    b.case_name = xstrdup("marks");
    b.zoom = 2;
    /* the config's bad lines go to stderr before the screen opens, and
     * the first shows on the status line */
    ui_config_read(&b.cfg, NULL, stderr);
    b.mouse = mouse && !b.cfg.mouse_off;
    {
        struct query q;
        if (parse(&b, query ? query : "", &q, &qe) < 0) {
            fprintf(stderr, "quoth: query: %s (column %zu)\n", qe.msg,
                    qe.column + 1);
            index_close(b.ix);
            free(b.filter);
            free(b.case_name);
            return 2;
        }
        query_free(&q);
    }
    b.counter = counter_new(db);
    if (getenv("ESCDELAY") == NULL)
        set_escdelay(25);
    if (initscr() == NULL) {
        fprintf(stderr, "quoth: cannot open the terminal\n");
        rc = 4;
        goto out;
    }
    /* raw: Ctrl-C cancels a prompt and Ctrl-Z suspends through the key
     * table, with the terminal put back first */
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    nodelay(stdscr, TRUE);
    define_key("\033[200~", KEY_PASTE_BEGIN);
    define_key("\033[201~", KEY_PASTE_END);
    /* --color=always beats NO_COLOR, which beats auto */
    b.color = has_colors() && (color > 0 || (color < 0 && (nc == NULL ||
                                                          nc[0] == '\0')));
    if (b.color) {
        /* the terminal's own palette: default background, 8 or 16
         * colours, never redefined */
        start_color();
        use_default_colors();
        ui_config_pairs(&b.cfg, PAIR_BASE);
    }
    if (b.cfg.errors > 0)
        set_msg(&b, "config: %s%s", b.cfg.first_error,
                b.cfg.errors > 1 ? " (and more, on stderr)" : "");
    signal(SIGTERM, on_stop);
    signal(SIGHUP, on_stop);
    if (b.mouse)
        mousemask(ALL_MOUSE_EVENTS, NULL);
    mouseinterval(200);
    marks_load(&b);
    history_compact(&b, history_load(history_put, &b));
    apply_or_say(&b, query ? query : "");
    b.init_filter = xstrdup(query ? query : "");
    b.init_sort = b.sort;
    run(&b);
    paste_mode(&b, false);
    endwin();
out:
    counter_free(b.counter);
    checkview_free(b.cv);
    window_clear(&b);
    store_free(b.ctx);
    text_free(b.rd);
    buf_free(&b.rd_head);
    buf_free(&b.line);
    buf_free(&b.yank);
    buf_free(&b.pfilter);
    picks_free(&b);
    timeline_free(b.tl);
    for (k = 0; k < b.nmarks; k++) {
        free(b.marks[k]);
        free(b.notes[k]);
    }
    free(b.marks);
    free(b.notes);
    if (b.have_q)
        query_free(&b.q);
    if (b.have_sq)
        query_free(&b.sq);
    free(b.filter);
    free(b.suspended);
    free(b.prev_filter);
    free(b.init_filter);
    free(b.asked);
    for (k = 0; k < P_N; k++) {
        size_t j;
        for (j = 0; j < b.nhist[k]; j++)
            free(b.hist[k][j]);
        free(b.hist[k]);
    }
    free(b.prev_search);
    free(b.help_filter);
    free(b.help_search);
    free(b.help_prev);
    free(b.sfrom.val);
    free(b.search);
    free(b.case_name);
    index_close(b.wix);
    index_close(b.ix);
    return rc;
}
