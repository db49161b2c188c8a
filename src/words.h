/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_WORDS_H
#define QUOTH_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Quote text as the words quote archives compare (issue 8): case,
 * diacritics, punctuation, curly and straight marks, dashes and white
 * space folded away; an apostrophe inside a word joins it (don't = dont);
 * an ellipsis ("...", "…", ". . .", "[...]") is an elision, kept as a
 * word of its own so that an alignment can skip across it. */

/* One word: its folded form (in words.text at [off, off + len)) and the
 * bytes [start, end) of the text it was read from. */
struct word {
    size_t off, len;
    size_t start, end;
    bool elision;           /* an ellipsis: no text */
    bool apostrophe;        /* joined across an apostrophe (FTS5 splits it) */
};

struct words {
    struct word *w;
    size_t n;
    char *text;             /* the folded forms, each NUL-terminated */
    size_t textlen, cap, textcap;
};

/* Splits s[0..n) into words, replacing what w held (a zeroed struct is
 * empty). With elisions false, ellipses are dropped like other
 * punctuation. Invalid UTF-8 bytes separate words. */
void words_split(struct words *w, const char *s, size_t n, bool elisions);
/* The folded form of word k, NUL-terminated. Borrowed. */
const char *words_at(const struct words *w, size_t k);
/* True when words a and b are the same once folded. */
bool words_equal(const struct words *a, size_t i, const struct words *b,
                 size_t j);
/* A 63-bit hash of the folded words, elisions left out: two texts that
 * differ only in case, punctuation, marks and spacing hash alike. 0 for a
 * text without words. */
int64_t words_hash(const struct words *w);
void words_free(struct words *w);

#endif
