// SPDX-License-Identifier: MIT
/*
 * The browser's timeline: month counts of the current results in (from
 * index_timeline), a screen of bars out, and on Enter the date: term of
 * the bar under the cursor. Periods without quotes get an empty bar, so
 * that gaps show.
 */
#include "timeline.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xmalloc.h"

#define MAX_MONTHS 36   /* a longer span goes by year */

struct bar {
    char label[8];      /* "2024-03", "2024", or "" for no date */
    long count;
};

struct timeline {
    struct bar *raw, *bars;
    size_t nraw, nbars, cur, top;
    long undated, max, total;
    bool cut, years;
};

struct timeline *
timeline_new(void)
{
    struct timeline *t = xcalloc(1, sizeof *t);

    t->undated = -1;
    return t;
}

void
timeline_free(struct timeline *t)
{
    if (t == NULL)
        return;
    free(t->raw);
    free(t->bars);
    free(t);
}

void
timeline_add(void *ctx, const char *month, int64_t count)
{
    struct timeline *t = ctx;
    struct bar *b;

    if (month == NULL || strlen(month) < 4) {
        t->undated = (t->undated > 0 ? t->undated : 0) + (long)count;
        return;
    }
    t->raw = xreallocarray(t->raw, t->nraw + 1, sizeof *t->raw);
    b = &t->raw[t->nraw++];
    snprintf(b->label, sizeof b->label, "%s", month);
    b->count = (long)count;
}

/* Year and month of a label ("2024-03"; month 0 when there is none). */
static void
ym(const char *label, int *y, int *m)
{
    *y = atoi(label);
    *m = strlen(label) >= 7 ? atoi(label + 5) : 0;
}

static void
push(struct timeline *t, const char *label, long count)
{
    t->bars = xreallocarray(t->bars, t->nbars + 1, sizeof *t->bars);
    snprintf(t->bars[t->nbars].label, sizeof t->bars->label, "%s", label);
    t->bars[t->nbars++].count = count;
    if (count > t->max)
        t->max = count;
    t->total += count;
}

void
timeline_done(struct timeline *t, bool cut)
{
    int y0, m0, y1, m1, y, m;
    size_t k = 0;
    char l[16];

    t->cut = cut;
    if (t->nraw > 0) {
        ym(t->raw[0].label, &y0, &m0);
        ym(t->raw[t->nraw - 1].label, &y1, &m1);
        if (m0 < 1 || m1 < 1)
            m0 = m1 = 1;
        t->years = (y1 - y0) * 12 + (m1 - m0) + 1 > MAX_MONTHS;
        /* every period from the first to the last, empty ones too */
        for (y = y0; y <= y1 && y - y0 < 10000; y++) {
            long yc = 0;
            for (m = 1; m <= 12; m++) {
                long c = 0;
                int ry, rm;
                if ((y == y0 && m < m0) || (y == y1 && m > m1))
                    continue;
                snprintf(l, sizeof l, "%04d-%02d", y, m);
                while (k < t->nraw) {
                    ym(t->raw[k].label, &ry, &rm);
                    if (ry > y || (ry == y && rm > m))
                        break;
                    c += t->raw[k++].count;
                }
                if (t->years)
                    yc += c;
                else
                    push(t, l, c);
            }
            if (t->years) {
                snprintf(l, sizeof l, "%04d", y);
                push(t, l, yc);
            }
        }
    }
    if (t->undated > 0)
        push(t, "", t->undated);
}

void
timeline_draw(struct timeline *t, const char *query)
{
    int h = LINES - 3, l, bw = COLS - 24;
    size_t k;
    char line[160];

    attrset(A_BOLD);
    snprintf(line, sizeof line, "timeline by %s of: ",
             t->years ? "year" : "month");
    mvaddstr(0, 0, line);
    text_put(stdscr, 0, (int)strlen(line), query[0] ? query : "every quote",
             COLS - (int)strlen(line), A_BOLD);
    attrset(A_NORMAL);
    if (t->nbars == 0)
        mvaddstr(2, 2, "no quote");
    if (t->cur < t->top)
        t->top = t->cur;
    if (h > 0 && t->cur >= t->top + (size_t)h)
        t->top = t->cur - (size_t)h + 1;
    for (k = t->top, l = 0; k < t->nbars && l < h; k++, l++) {
        const struct bar *b = &t->bars[k];
        attr_t a = k == t->cur ? A_REVERSE : A_NORMAL;
        int n = t->max > 0 && bw > 0 ? (int)(b->count * bw / t->max) : 0, j;

        if (n == 0 && b->count > 0)
            n = 1;
        attrset(a);
        mvhline(1 + l, 0, ' ', COLS);
        snprintf(line, sizeof line, " %-8s %s%7ld ",
                 b->label[0] ? b->label : "no date",
                 t->cut ? "\xe2\x89\xa5" : " ", b->count);
        mvaddstr(1 + l, 0, line);
        for (j = 0; j < n; j++)
            addstr("\xe2\x96\x88");
    }
    attrset(A_REVERSE);
    mvhline(LINES - 1, 0, ' ', COLS);
    snprintf(line, sizeof line, " %s%ld quotes%s \xe2\x94\x82 Enter filters"
             " to the period, q back", t->cut ? "\xe2\x89\xa5" : "",
             t->total, t->cut ? " (counting stopped: a sample)" : "");
    text_put(stdscr, LINES - 1, 0, line, COLS, A_REVERSE);
    attrset(A_NORMAL);
}

int
timeline_key(struct timeline *t, int c)
{
    size_t page = LINES > 4 ? (size_t)LINES - 3 : 1;

    switch (c) {
    case 'j': case KEY_DOWN: case 14:   /* Ctrl-N */
        if (t->cur + 1 < t->nbars)
            t->cur++;
        break;
    case 'k': case KEY_UP: case 16:     /* Ctrl-P */
        if (t->cur > 0)
            t->cur--;
        break;
    case ' ': case KEY_NPAGE:
        t->cur = t->cur + page < t->nbars ? t->cur + page
                                          : t->nbars ? t->nbars - 1 : 0;
        break;
    case 'b': case KEY_PPAGE:
        t->cur = t->cur > page ? t->cur - page : 0;
        break;
    case 'g': case KEY_HOME:
        t->cur = 0;
        break;
    case 'G': case KEY_END:
        t->cur = t->nbars ? t->nbars - 1 : 0;
        break;
    case '\n': case '\r': case KEY_ENTER: case 'l': case KEY_RIGHT:
        return t->nbars > 0 ? 1 : 0;
    case 'q': case 'h': case KEY_LEFT: case 27: case 'i':
        return -1;
    }
    return 0;
}

char *
timeline_term(const struct timeline *t)
{
    char term[32];

    if (t->cur >= t->nbars || t->bars[t->cur].label[0] == '\0')
        return NULL;
    snprintf(term, sizeof term, "date:%s", t->bars[t->cur].label);
    return xstrdup(term);
}
