/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_COUNTRY_H
#define QUOTH_COUNTRY_H

#include <stddef.h>

/* The ISO 3166-1 alpha-2 code that the phrase s[0..n) names (a country
 * name, a demonym, or a metonym such as "Kremlin"), case as written; or
 * NULL. Borrowed from a static table. */
const char *country_lookup(const char *s, size_t n);
/* The English name of an alpha-2 code (any case), or NULL. */
const char *country_name(const char *cc);

/* Finds the countries that s[0..n) names, in order of first mention and
 * once each, trying phrases of three, two and one words. Stores up to max
 * codes in out and returns how many. */
size_t country_find(const char *s, size_t n, char (*out)[3], size_t max);

#endif
