/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_COUNTRIES_H
#define QUOTH_COUNTRIES_H

/* The generated tables behind country.c; for country.c only. */

#include <stddef.h>

struct country_word {
    const char *word;
    char cc[3];
};

/* Sorted by strcmp of word. */
extern const struct country_word country_words[];
extern const size_t country_nwords;
/* One per code, sorted by code: the country's common English name. */
extern const struct country_word country_names[];
extern const size_t country_nnames;

#endif
