/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_COUNTRIES_H
#define QUOTH_COUNTRIES_H

/* The generated tables behind country.c; for country.c only. */

#include <stddef.h>

#include "country.h"

struct country_word {
    const char *word;
    char cc[3];          /* "" for a blocker */
    unsigned char kind;  /* enum country_kind */
    unsigned char flags; /* COUNTRY_PERSON, COUNTRY_US_TOO */
};

/* Sorted by strcmp of word. */
extern const struct country_word country_words[];
extern const size_t country_nwords;
/* The most words, separated by single spaces, in any one entry. */
extern const size_t country_maxwords;
/* One per code, sorted by code: the country's common English name. */
extern const struct country_word country_names[];
extern const size_t country_nnames;
/* The US state forms a party tag may carry (MA, Mass, Mass., Texas),
 * sorted by strcmp. */
extern const char *const country_us_tags[];
extern const size_t country_nus_tags;

#endif
