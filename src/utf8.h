/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_UTF8_H
#define QUOTH_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Decodes the code point at s[*i], at most n bytes in all, and advances *i.
 * Returns -1 for an invalid or truncated sequence (advancing one byte). */
int32_t utf8_decode(const char *s, size_t n, size_t *i);
/* Appends the UTF-8 encoding of code point c. */
void utf8_encode(struct buf *b, int32_t c);
/* True when s[0..n) is valid UTF-8; else *bad (if not NULL) is the offset of
 * the first bad byte. */
bool utf8_valid(const char *s, size_t n, size_t *bad);

/* True for a letter, a combining mark or a digit (what words are made of);
 * false for -1. */
bool utf8_is_word(int32_t c);
/* True for an upper-case or title-case letter (A, Ł, Ǆ); false for -1. */
bool utf8_is_upper(int32_t c);

/* Appends s[0..n) made fit for a terminal: bad UTF-8 becomes U+FFFD, escape
 * sequences (CSI, OSC, DCS, ...) and control characters are dropped, tabs
 * and line breaks become one space (or stay when keep_newlines). */
void utf8_sanitize(struct buf *out, const char *s, size_t n,
                   bool keep_newlines);
/* Terminal columns that s[0..n) takes once sanitized. */
size_t utf8_width(const char *s, size_t n);
/* Appends s[0..n) sanitized and cut to at most cols columns, the cut marked
 * with an ellipsis. Returns the columns used. */
size_t utf8_fit(struct buf *out, const char *s, size_t n, size_t cols);

/* Appends a matching key for s[0..n): NFKC, case folded, curly quotes and
 * apostrophes made straight, runs of white space made one space, trimmed.
 * With strip_marks, diacritics go too (Plötner -> plotner). */
void utf8_fold(struct buf *out, const char *s, size_t n, bool strip_marks);

#endif
