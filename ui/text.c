// SPDX-License-Identifier: MIT
/*
 * Every byte of article text reaches the screen through here: the
 * original and byte ranges with attributes in; sanitized runs, wrapped
 * lines and curses calls out. Widths are utf8proc's (src/utf8.c).
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "xmalloc.h"

/* A piece of the sanitized text with one attribute, and where it came
 * from in the original. */
struct text_run {
    size_t start, end, src;
    attr_t attr;
};

struct text_line {
    size_t start, end;
};

struct text {
    struct buf s;
    struct text_run *runs;
    size_t nruns;
    struct text_line *lines;
    size_t nlines;
    int width;
};

static int
text_off_cmp(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;

    return (a > b) - (a < b);
}

struct text *
text_new(const char *s, size_t n, const struct text_span *spans,
         size_t nspans, bool keep_newlines)
{
    struct text *t = xcalloc(1, sizeof *t);
    size_t *cut = xreallocarray(NULL, 2 * nspans + 2, sizeof *cut);
    size_t ncut = 0, k, j;

    /* Cut the original where an attribute starts or ends; each piece is
     * sanitized alone, so offsets map piece by piece. */
    cut[ncut++] = 0;
    cut[ncut++] = n;
    for (k = 0; k < nspans; k++) {
        if (spans[k].start < n)
            cut[ncut++] = spans[k].start;
        if (spans[k].end < n)
            cut[ncut++] = spans[k].end;
    }
    qsort(cut, ncut, sizeof *cut, text_off_cmp);
    t->runs = xreallocarray(NULL, ncut, sizeof *t->runs);
    buf_reserve(&t->s, n);
    for (k = 0; k + 1 < ncut; k++) {
        struct text_run *r;
        size_t a = cut[k], b = cut[k + 1];

        if (a == b)
            continue;
        r = &t->runs[t->nruns++];
        r->src = a;
        r->start = t->s.len;
        r->attr = 0;
        for (j = 0; j < nspans; j++)
            if (spans[j].start <= a && spans[j].end >= b)
                r->attr |= spans[j].attr;
        utf8_sanitize(&t->s, s + a, b - a, keep_newlines);
        r->end = t->s.len;
    }
    free(cut);
    return t;
}

void
text_free(struct text *t)
{
    if (t == NULL)
        return;
    buf_free(&t->s);
    free(t->runs);
    free(t->lines);
    free(t);
}

static void
text_push(struct text *t, size_t a, size_t b)
{
    t->lines = xreallocarray(t->lines, t->nlines + 1, sizeof *t->lines);
    t->lines[t->nlines++] = (struct text_line){a, b};
}

size_t
text_wrap(struct text *t, int width)
{
    const char *s = t->s.data ? t->s.data : "";
    size_t n = t->s.len, i = 0, ls = 0, space = 0, col = 0;
    bool have_space = false;

    if (width < 1)
        width = 1;
    t->nlines = 0;
    t->width = width;
    while (i < n) {
        size_t at = i, w;
        int32_t c = utf8_decode(s, n, &i);

        if (c == '\n') {
            text_push(t, ls, at);
            ls = i;
            col = 0;
            have_space = false;
            continue;
        }
        w = utf8_cwidth(c);
        if (col + w > (size_t)width) {
            if (have_space && space > ls) {
                text_push(t, ls, space);
                ls = space + 1;
            } else {
                text_push(t, ls, at);
                ls = at;
            }
            have_space = false;
            col = utf8_width(s + ls, at - ls);
        }
        col += w;
        if (c == ' ') {
            space = at;
            have_space = true;
        }
    }
    if (ls < n || t->nlines == 0)
        text_push(t, ls, n);
    return t->nlines;
}

size_t
text_line_of(const struct text *t, size_t off)
{
    size_t k, out = 0, l;

    for (k = 0; k < t->nruns; k++)
        if (t->runs[k].src <= off)
            out = t->runs[k].start;
    for (l = 0; l < t->nlines; l++)
        if (out < t->lines[l].end ||
            (l + 1 < t->nlines && out < t->lines[l + 1].start))
            return l;
    return t->nlines > 0 ? t->nlines - 1 : 0;
}

int
text_draw(const struct text *t, size_t k, WINDOW *w, int y, int x,
          attr_t base, bool ellipsis)
{
    const char *s = t->s.data ? t->s.data : "";
    size_t i, end, r = 0, col = 0;

    if (k >= t->nlines)
        return 0;
    i = t->lines[k].start;
    end = t->lines[k].end;
    wmove(w, y, x);
    while (i < end) {
        size_t at = i, cw;
        int32_t c = utf8_decode(s, end, &i);

        cw = utf8_cwidth(c);
        if (ellipsis && col + cw + 1 > (size_t)t->width)
            break;
        while (r + 1 < t->nruns && t->runs[r].end <= at)
            r++;
        wattrset(w, base | (r < t->nruns ? t->runs[r].attr : 0));
        if (c < 0)
            waddstr(w, "\xef\xbf\xbd");
        else
            waddnstr(w, s + at, (int)(i - at));
        col += cw;
    }
    if (ellipsis) {
        wattrset(w, base);
        waddstr(w, "\xe2\x80\xa6");
        col++;
    }
    wattrset(w, base);
    return (int)col;
}

int
text_put(WINDOW *w, int y, int x, const char *s, int cols, attr_t attr)
{
    struct buf b = {0};
    size_t used;

    if (cols <= 0 || s == NULL)
        return 0;
    used = utf8_fit(&b, s, strlen(s), (size_t)cols);
    wattrset(w, attr);
    mvwaddstr(w, y, x, b.data ? b.data : "");
    buf_free(&b);
    return (int)used;
}
