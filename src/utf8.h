/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_UTF8_H
#define QUOTH_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* The length of the UTF-8 sequence at s[0..n) (n > 0) with its code point
 * in *c, or 0 when it is invalid or cut short: no overlong forms, no
 * surrogates, nothing past U+10FFFF (utf8proc's rules). Inline, as is
 * utf8_decode: the text stages call them for every character. */
static inline size_t
utf8_seq(const unsigned char *s, size_t n, int32_t *c)
{
    unsigned b = s[0];

    if (b < 0x80) {
        *c = (int32_t)b;
        return 1;
    }
    if (b - 0xc2 > 0xf4 - 0xc2)
        return 0;
    if (b < 0xe0) {
        if (n < 2 || (s[1] & 0xc0) != 0x80)
            return 0;
        *c = (int32_t)((b & 0x1f) << 6 | (s[1] & 0x3f));
        return 2;
    }
    if (b < 0xf0) {
        if (n < 3 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
            (b == 0xed && s[1] > 0x9f) || (b == 0xe0 && s[1] < 0xa0))
            return 0;
        *c = (int32_t)((b & 0x0f) << 12 | (s[1] & 0x3f) << 6 | (s[2] & 0x3f));
        return 3;
    }
    if (n < 4 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
        (s[3] & 0xc0) != 0x80 || (b == 0xf0 && s[1] < 0x90) ||
        (b == 0xf4 && s[1] > 0x8f))
        return 0;
    *c = (int32_t)((b & 0x07) << 18 | (s[1] & 0x3f) << 12 |
                   (s[2] & 0x3f) << 6 | (s[3] & 0x3f));
    return 4;
}

/* Decodes the code point at s[*i], at most n bytes in all, and advances *i.
 * Returns -1 for an invalid or truncated sequence (advancing one byte). */
static inline int32_t
utf8_decode(const char *s, size_t n, size_t *i)
{
    int32_t c;
    size_t len;

    if (*i >= n)
        return -1;
    len = utf8_seq((const unsigned char *)s + *i, n - *i, &c);
    if (len == 0) {
        (*i)++;
        return -1;
    }
    *i += len;
    return c;
}
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
/* Terminal columns code point c takes (0 for a combining mark; 1 for -1,
 * which is shown as U+FFFD). */
size_t utf8_cwidth(int32_t c);
/* Terminal columns that s[0..n) takes once sanitized. */
size_t utf8_width(const char *s, size_t n);
/* Appends the character at s[*i] (at most n bytes in all; *i advances)
 * as one visible character that keeps its place in a line: a control
 * character as its Control Picture (a newline as U+240A), a bidi control,
 * a line separator or an invalid byte as U+FFFD. Returns its columns. */
size_t utf8_put_visible(struct buf *out, const char *s, size_t n, size_t *i);
/* Appends s[0..n) sanitized and cut to at most cols columns, the cut marked
 * with an ellipsis. Returns the columns used. */
size_t utf8_fit(struct buf *out, const char *s, size_t n, size_t cols);

/* Appends a matching key for s[0..n): NFKC, case folded, curly quotes and
 * apostrophes made straight, runs of white space made one space, trimmed.
 * With strip_marks, diacritics go too (Plötner -> plotner). */
void utf8_fold(struct buf *out, const char *s, size_t n, bool strip_marks);
/* True when s[0..n) folds (without strip_marks) to exactly key[0..keylen),
 * a key utf8_fold made; printable ASCII compares without copying. */
bool utf8_fold_equal(const char *s, size_t n, const char *key,
                     size_t keylen);

#endif
