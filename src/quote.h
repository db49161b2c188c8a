/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_QUOTE_H
#define QUOTH_QUOTE_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"

enum quote_kind {
    QUOTE_SPEECH,
    QUOTE_TERM,     /* a title, nickname or scare quote */
};

/* One quoted span: byte offsets in the article body. */
struct quote_span {
    size_t open;        /* the opening mark */
    size_t start;       /* the first byte inside the marks */
    size_t end;         /* one past the last byte inside the marks */
    size_t close;       /* one past the closing mark (== end when unclosed) */
    size_t para;        /* index in the paragraph table, from 0 */
    bool closed;        /* false for a paragraph of a quote that runs on */
    enum quote_kind kind;
};

/* Finds the outermost quoted spans of every paragraph, in text order, by
 * pairing quotation marks by kind and direction (nested quotes stay inside
 * their outer quote; apostrophes and inch marks are not quotes). A quote
 * left open at the end of a paragraph counts only when the next paragraph
 * opens with a mark of the same kind (a quote running over paragraphs).
 * Stores a new array in *out (caller frees) and returns its length. */
size_t quote_find(const char *body, const struct para *paras, size_t npara,
                  struct quote_span **out);

/* Words in s[0..n): runs of letters and digits. */
size_t quote_words(const char *s, size_t n);

#endif
