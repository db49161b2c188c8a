/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_SPEAKER_H
#define QUOTH_SPEAKER_H

#include <stddef.h>

#include "buf.h"

/* Appends the key that groups a speaker's written forms across articles
 * (CONVENTIONS.md, "Names across articles"): case, diacritics, dots,
 * apostrophes and hyphens folded; the last word (the surname) also loses
 * common transliteration differences: ae/oe/ue for a/o/u (Ploetner,
 * Plötner, Plotner), kh for h, ya/yu/ye for ia/iu/ie, and a final run of
 * i/y/j for y (Zelenskyy, Zelenskiy, Zelensky). Forenames are only folded,
 * so different forenames never share a key. Appends nothing for a name
 * with no letters. */
void speaker_key(struct buf *out, const char *name, size_t n);

#endif
