// SPDX-License-Identifier: MIT
/*
 * The browser's check and variants screens: a check_result in (check.c);
 * a screen of its matches out, each with its grade or first appearance,
 * speaker, source, date, id and its word diff drawn with attributes, then
 * the reporter's-words finds and the coverage line. Keys move the
 * selection; the browser does the jumping.
 */
#include "checkview.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "text.h"
#include "utf8.h"
#include "xmalloc.h"

/* Lines of a match's words at most; the rest ends in an ellipsis. */
#define WORD_LINES 3
#define INDENT 4

struct checkview {
    struct check_result *r;
    size_t sel, top;
    int *y0, *y1;           /* the screen lines of each match, or -1 */
};

struct checkview *
checkview_new(struct check_result *r)
{
    struct checkview *v = xcalloc(1, sizeof *v);

    v->r = r;
    v->y0 = xreallocarray(NULL, r->n + 1, sizeof *v->y0);
    v->y1 = xreallocarray(NULL, r->n + 1, sizeof *v->y1);
    memset(v->y0, 0xff, (r->n + 1) * sizeof *v->y0);
    memset(v->y1, 0xff, (r->n + 1) * sizeof *v->y1);
    return v;
}

void
checkview_free(struct checkview *v)
{
    if (v == NULL)
        return;
    check_result_free(v->r);
    free(v->y0);
    free(v->y1);
    free(v);
}

/* Whether m's words differ from the claim's (or the first appearance's). */
static bool
changed(const struct check_match *m)
{
    size_t k;

    for (k = 0; k < m->ndiff; k++)
        if (m->diff[k].op != CHECK_SAME)
            return true;
    return false;
}

/* The words a match shows: the word diff with dropped and added words
 * marked by attribute, elided ones dim in brackets; the quote itself when
 * nothing changed. Caller frees. */
static struct text *
words_of(const struct check_match *m, const struct checkview_style *st)
{
    struct text_span *sp = NULL;
    struct buf t = {0};
    size_t k, nsp = 0;
    struct text *x;

    if (!changed(m)) {
        buf_printf(&t, "\xe2\x80\x9c%s\xe2\x80\x9d", m->quote ? m->quote
                                                            : "");
        x = text_new(t.data, t.len, NULL, 0, false);
        buf_free(&t);
        return x;
    }
    buf_puts(&t, "");
    for (k = 0; k < m->ndiff; k++) {
        const struct check_piece *p = &m->diff[k];
        size_t at;
        attr_t a = 0;
        if (k > 0)
            buf_putc(&t, ' ');
        at = t.len;
        switch (p->op) {
        case CHECK_SAME:
            buf_puts(&t, p->text);
            break;
        case CHECK_DROPPED:
            buf_puts(&t, p->text);
            a = st->dropped;
            break;
        case CHECK_ADDED:
            buf_puts(&t, p->text);
            a = st->added;
            break;
        case CHECK_ELIDED:
            buf_printf(&t, "[\xe2\x80\xa6%s\xe2\x80\xa6]", p->text);
            a = st->dim;
            break;
        }
        if (a != 0) {
            sp = xreallocarray(sp, nsp + 1, sizeof *sp);
            sp[nsp++] = (struct text_span){at, t.len, a};
        }
    }
    x = text_new(t.data, t.len, sp, nsp, false);
    free(sp);
    buf_free(&t);
    return x;
}

/* The lines match k takes: its head, its provenance, its words (at most
 * WORD_LINES), what a fragment cut, a blank. */
static int
entry_lines(const struct checkview *v, size_t k, struct text *w)
{
    const struct check_match *m = &v->r->m[k];
    size_t nl = text_wrap(w, COLS - INDENT - 1);

    return 2 + (int)(nl < WORD_LINES ? nl : WORD_LINES) +
           (m->before != NULL || m->after != NULL) + 1;
}

/* Draws match k from line y, its words in w (wrapped). */
static void
draw_entry(const struct checkview *v, size_t k, int y, struct text *w,
           const struct checkview_style *st)
{
    const struct check_match *m = &v->r->m[k];
    bool sel = k == v->sel;
    struct buf t = {0};
    size_t nl = text_wrap(w, COLS - INDENT - 1), l;
    int x;

    attrset(A_NORMAL);
    mvaddstr(y, 0, sel ? "\xe2\x96\xb6" : " ");
    if (v->r->variants)
        buf_printf(&t, "%-5s %s %s", m->first ? "first" : "",
                   m->conflict ? "\xe2\x89\xa0" : " ",
                   m->date ? m->date : "no date");
    else
        buf_printf(&t, "%-8s %.2f", check_grade_name(m->grade), m->score);
    x = 2 + text_put(stdscr, y, 2, t.data, COLS - 2,
                     m->conflict ? st->mark | A_BOLD : A_BOLD);
    x += 2;
    if (m->speaker != NULL)
        x += text_put(stdscr, y, x, m->speaker, COLS - x, st->speaker);
    else
        x += text_put(stdscr, y, x, "(unattributed)", COLS - x, st->dim);
    buf_reset(&t);
    if (m->country[0])
        buf_printf(&t, " (%s)", m->country);
    if (m->role != NULL)
        buf_printf(&t, ", %s", m->role);
    if (t.len > 0 && x < COLS)
        text_put(stdscr, y, x, t.data, COLS - x, A_NORMAL);
    buf_reset(&t);
    buf_printf(&t, "%s \xc2\xb7 %s \xc2\xb7 \xe2\x80\x9c%s\xe2\x80\x9d "
               "\xc2\xb7 %s", m->source ? m->source : "?",
               m->date ? m->date : "no date", m->title ? m->title : "",
               m->id);
    text_put(stdscr, y + 1, INDENT, t.data, COLS - INDENT - 1, st->dim);
    for (l = 0; l < nl && l < WORD_LINES; l++)
        text_draw(w, l, stdscr, y + 2 + (int)l, INDENT, A_NORMAL,
                  l + 1 == WORD_LINES && nl > WORD_LINES);
    if (m->before != NULL || m->after != NULL) {
        buf_reset(&t);
        if (m->before != NULL)
            buf_printf(&t, "cut before \xe2\x80\x9c%s\xe2\x80\x9d",
                       m->before);
        if (m->before != NULL && m->after != NULL)
            buf_puts(&t, " \xc2\xb7 ");
        if (m->after != NULL)
            buf_printf(&t, "cut after \xe2\x80\x9c%s\xe2\x80\x9d", m->after);
        text_put(stdscr, y + 2 + (int)(nl < WORD_LINES ? nl : WORD_LINES),
                 INDENT, t.data, COLS - INDENT - 1, st->dim);
    }
    buf_free(&t);
}

/* Draws the reporter's-words finds from line y to before line end. */
static void
draw_reporter(const struct checkview *v, int y, int end,
              const struct checkview_style *st)
{
    struct buf t = {0};
    size_t k;

    for (k = 0; k < v->r->nrep && y + 1 < end; k++) {
        const struct check_reporter *e = &v->r->rep[k];
        struct text *x;
        size_t nl, l;
        buf_reset(&t);
        buf_printf(&t, "found as the reporter's words in \xe2\x80\x9c%s"
                   "\xe2\x80\x9d (%s, %s), %.2f, not as a quote:",
                   e->title ? e->title : "", e->source ? e->source : "?",
                   e->date ? e->date : "no date", e->score);
        text_put(stdscr, y++, 2, t.data, COLS - 3, A_BOLD);
        buf_reset(&t);
        buf_printf(&t, "\xe2\x80\x9c%s\xe2\x80\x9d",
                   e->excerpt ? e->excerpt : "");
        x = text_new(t.data, t.len, NULL, 0, false);
        nl = text_wrap(x, COLS - INDENT - 1);
        for (l = 0; l < nl && l < 2 && y < end; l++)
            text_draw(x, l, stdscr, y++, INDENT, A_NORMAL, l == 1 && nl > 2);
        text_free(x);
        text_put(stdscr, y++, INDENT, e->url ? e->url : e->path ? e->path
                                                                : "",
                 COLS - INDENT - 1, st->dim);
        y++;
    }
    buf_free(&t);
}

void
checkview_draw(struct checkview *v, const struct checkview_style *st)
{
    const struct check_result *r = v->r;
    int first = 3, end = LINES - 2, y, used;
    struct text **w = xcalloc(r->n + 1, sizeof *w);
    struct buf t = {0};
    size_t k, conflicts = 0;

    /* the title and what the answer says */
    if (r->variants)
        buf_printf(&t, "variants of %s: %zu appearance%s, oldest first",
                   r->claim, r->n, r->n == 1 ? "" : "s");
    else
        buf_printf(&t, "check \xe2\x80\x9c%s\xe2\x80\x9d", r->claim);
    text_put(stdscr, 0, 0, t.data, COLS, st->title);
    buf_reset(&t);
    for (k = 0; k < r->n; k++)
        conflicts += r->m[k].conflict;
    if (r->variants && conflicts > 0)
        buf_printf(&t, "\xe2\x89\xa0 marks another speaker than the first"
                   " appearance's (%zu)", conflicts);
    else if (r->variants)
        buf_puts(&t, "the first row is the first appearance");
    else if (r->n == 0)
        buf_printf(&t, "NONE: no quote in the index has these words (at "
                   "%.2f or above)", r->min);
    else
        buf_printf(&t, "%zu match%s, best first; %zu quote%s aligned",
                   r->n, r->n == 1 ? "" : "es", r->candidates,
                   r->candidates == 1 ? "" : "s");
    if (r->total > r->n)
        buf_printf(&t, " (%zu more not shown)", r->total - r->n);
    text_put(stdscr, 1, 0, t.data, COLS, A_NORMAL);
    for (k = 0; k < r->n && !changed(&r->m[k]); k++)
        ;
    if (k < r->n)
        text_put(stdscr, 2, 0, r->variants
                     ? "in the drift, reversed: this one's words; underlined:"
                       " the first appearance's"
                     : "in the diffs, reversed: the quote's words the claim"
                       " lacks; underlined: the claim's own",
                 COLS, st->dim);

    /* the matches, the selected one in full on screen */
    for (k = 0; k < r->n; k++) {
        w[k] = words_of(&r->m[k], st);
        v->y0[k] = v->y1[k] = -1;
    }
    if (v->sel < v->top)
        v->top = v->sel;
    for (;;) {
        for (used = 0, k = v->top; k <= v->sel && k < r->n; k++)
            used += entry_lines(v, k, w[k]);
        if (used <= end - first || v->top >= v->sel)
            break;
        v->top++;
    }
    for (y = first, k = v->top; k < r->n; k++) {
        int h = entry_lines(v, k, w[k]);
        /* its blank last line may take the "more below" line */
        if (y + h > end)
            break;
        draw_entry(v, k, y, w[k], st);
        v->y0[k] = y;
        v->y1[k] = y + h - 1;
        y += h;
    }
    if (k == r->n)
        draw_reporter(v, y, end, st);
    else
        text_put(stdscr, end - 1, 2, "\xe2\x80\xa6 more below (j)", COLS - 3,
                 st->dim);
    for (k = 0; k < r->n; k++)
        text_free(w[k]);
    free(w);

    /* what was searched, and the keys */
    buf_reset(&t);
    buf_putc(&t, ' ');
    check_coverage_text(&t, r);
    attrset(A_REVERSE);
    mvhline(LINES - 2, 0, ' ', COLS);
    text_put(stdscr, LINES - 2, 0, t.data, COLS, A_REVERSE);
    attrset(A_NORMAL);
    mvhline(LINES - 1, 0, ' ', COLS);
    text_put(stdscr, LINES - 1, 0, r->n > 0
                 ? " j/k move  Enter go to the quote  q back"
                 : " q back", COLS, A_NORMAL);
    buf_free(&t);
}

void
checkview_move(struct checkview *v, long delta)
{
    long s = (long)v->sel + delta;

    if (s >= (long)v->r->n)
        s = (long)v->r->n - 1;
    v->sel = s > 0 ? (size_t)s : 0;
}

enum checkview_do
checkview_key(struct checkview *v, int c)
{
    switch (c) {
    case 'j': case KEY_DOWN: case 14: /* Ctrl-N */
        checkview_move(v, 1);
        break;
    case 'k': case KEY_UP: case 16: /* Ctrl-P */
        checkview_move(v, -1);
        break;
    case ' ': case KEY_NPAGE:
        checkview_move(v, 5);
        break;
    case 'b': case KEY_PPAGE:
        checkview_move(v, -5);
        break;
    case 'g': case KEY_HOME:
        v->sel = 0;
        break;
    case 'G': case KEY_END:
        checkview_move(v, (long)v->r->n);
        break;
    case '\n': case '\r': case KEY_ENTER: case 'l': case KEY_RIGHT:
        return v->r->n > 0 ? CHECKVIEW_JUMP : CHECKVIEW_STAY;
    case 'q': case 'h': case KEY_LEFT: case 27:
        return CHECKVIEW_BACK;
    case 'Q': case KEY_F(10):
        return CHECKVIEW_QUIT;
    }
    return CHECKVIEW_STAY;
}

bool
checkview_click(struct checkview *v, int y)
{
    size_t k;

    for (k = 0; k < v->r->n; k++)
        if (v->y0[k] >= 0 && y >= v->y0[k] && y <= v->y1[k]) {
            v->sel = k;
            return true;
        }
    return false;
}

void
checkview_select(struct checkview *v, const char *id)
{
    size_t k;

    for (k = 0; k < v->r->n; k++)
        if (strcmp(v->r->m[k].id, id) == 0)
            v->sel = k;
}

const char *
checkview_id(const struct checkview *v)
{
    return v->r->n > 0 ? v->r->m[v->sel].id : NULL;
}
