/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_UI_TEXT_H
#define QUOTH_UI_TEXT_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

/* Article text on its way to the screen: sanitized (bad UTF-8 repaired,
 * control characters and escape sequences dropped) a piece at a time, so
 * that byte ranges of the original (a quote, its speaker, a search hit)
 * keep their attributes; wrapped at spaces by display width. */

struct text_span {
    size_t start, end;      /* bytes of the original text */
    attr_t attr;
};

struct text;

/* Sanitizes s[0..n) with attributes from spans (any order, may overlap:
 * they are ORed); line breaks stay when keep_newlines. Caller frees. */
struct text *text_new(const char *s, size_t n, const struct text_span *spans,
                      size_t nspans, bool keep_newlines);
void text_free(struct text *t);
/* Wraps t to width columns (at least 1). Returns the number of lines. */
size_t text_wrap(struct text *t, int width);
/* The line (of the last wrap) that holds byte off of the original. */
size_t text_line_of(const struct text *t, size_t off);
/* Draws line k of the last wrap at y, x in w with base attributes under
 * the spans'; an ellipsis at the end when ellipsis. Returns the columns
 * drawn. */
int text_draw(const struct text *t, size_t k, WINDOW *w, int y, int x,
              attr_t base, bool ellipsis);
/* Draws s[0..n) sanitized on one line, cut to cols with an ellipsis.
 * Returns the columns drawn. */
int text_put(WINDOW *w, int y, int x, const char *s, int cols, attr_t attr);

#endif
