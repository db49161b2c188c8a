/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_UI_SENTENCE_H
#define QUOTH_UI_SENTENCE_H

#include <stddef.h>

/* Sentences of article text, for the context pane's "±N sentences"
 * (z/Z): a small splitter that knows titles and initials ("Mr.",
 * "U.S.", "J. Smith"), closing quotation marks after the stop, and that
 * a paragraph break always ends a sentence. No curses, no I/O. */

/* Splits s[0..n) into sentences: sets *ends (caller frees) to the byte
 * offsets where each ends, after its stop and closing marks, in order;
 * the last is n (less trailing blanks). Returns how many (0 for blank
 * text, with *ends NULL). */
size_t sentence_split(const char *s, size_t n, size_t **ends);

/* The bytes of sentences around [start, end) of s[0..n): from the
 * sentence that holds start, less before, to the one that holds end,
 * plus after, leading blanks skipped. Sets *from and *to. */
void sentence_around(const char *s, size_t n, size_t start, size_t end,
                     size_t before, size_t after, size_t *from, size_t *to);

#endif
