/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_COUNTRY_H
#define QUOTH_COUNTRY_H

#include <stddef.h>

/* What kind of phrase a table entry is. */
enum country_kind {
    COUNTRY_NONE,     /* not in the table */
    COUNTRY_NAME,     /* France, U.S., Burma, Ivory Coast */
    COUNTRY_DEMONYM,  /* French, Britons */
    COUNTRY_CAPITAL,  /* Paris, Washington, Cotonou */
    COUNTRY_SEAT,     /* an institution or building: Kremlin, Knesset */
    COUNTRY_US_STATE, /* a US state or D.C.: its code is US */
    COUNTRY_BLOCK,    /* names no country: Latin America, Panama City */
};

/* Flags of an entry. COUNTRY_PERSON: also a common given name or surname
 * (Jordan, Chad, Washington). COUNTRY_US_TOO: also a US state (Georgia). */
#define COUNTRY_PERSON 0x1u
#define COUNTRY_US_TOO 0x2u

/* The ISO 3166-1 alpha-2 code (or XK) that the phrase s[0..n) names: a
 * country name, demonym, capital or seat of power ("Kremlin"), matched
 * case-sensitively as written, so "turkey" and "china" name nothing. A
 * US state gives US ("New Mexico" is not MX); a blocker ("Latin America",
 * "Panama City") gives NULL. Names that are also given names or US states
 * ("Jordan", "Georgia") give their country; country_lookup_kind tells
 * them apart. Borrowed from a static table. */
const char *country_lookup(const char *s, size_t n);
/* country_lookup that also stores the entry's kind (COUNTRY_NONE when
 * s[0..n) is not in the table) and flags in *kind and *flags; either may
 * be NULL. */
const char *country_lookup_kind(const char *s, size_t n,
                                enum country_kind *kind, unsigned *flags);
/* The code of the country name or demonym s[0..n) as a person types it
 * in a query: case, curly apostrophes and the form of accents ignored
 * ("united kingdom", "usa", "côte d'ivoire", "BRITISH"), and the English
 * names of country_name too ("bosnia and herzegovina"). Capitals and
 * seats of power name no country here. Borrowed; NULL when none. */
const char *country_lookup_caseless(const char *s, size_t n);
/* The English name of an alpha-2 code (any case), or NULL. */
const char *country_name(const char *cc);

/* Finds the countries that the text s[0..n) names (its mentions), in
 * order of first mention and once each. The longest phrase in the table
 * wins; possessives (Russia's, Ukraine’s) and hyphenated words
 * (Russian-backed, pro-Kremlin, US-China, but not African-American)
 * count. US states and blockers name nothing. A name marked
 * COUNTRY_PERSON counts only when no capitalised word outside the table
 * stands right before it (but "In Jordan" opening a sentence counts) or
 * after it (but "in Washington Tuesday" counts): "Jordan Bardella",
 * "Michael Jordan" and "Washington Post" name no country. A name marked
 * COUNTRY_US_TOO (Georgia) does not count when the text also names a US
 * state or holds a party tag, unless another form names the same country
 * (Tbilisi). Stores up to max codes in out and returns how many. */
size_t country_find(const char *s, size_t n, char (*out)[3], size_t max);

/* "US" when s[0..n) is exactly a US party tag, with or without its
 * parentheses: a party (D, R, I, ID, DFL), a hyphen or en dash, then a
 * state as a postal code, abbreviation or name ("(D-MA)", "R-Texas",
 * "D-Calif.", "(I-Vt.)"), optionally with a House district ("(D-NY-14)",
 * "(R-AK-At Large)"). Within parentheses, a capitalised place name also
 * counts ("(D-Oakland)", a state legislator's home town). Else NULL. */
const char *country_party_tag(const char *s, size_t n);

#endif
