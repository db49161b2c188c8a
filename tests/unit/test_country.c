// SPDX-License-Identifier: MIT
/*
 * Unit tests of country: phrase lookups (names, demonyms, metonyms,
 * abbreviations, length-limited), code to name, and finding the countries
 * a text names.
 */
#include <string.h>

#include "country.h"
#include "tap.h"

/* Looks up the whole of s. */
static void
check_lookup(const char *s, const char *want)
{
    is_str(country_lookup(s, strlen(s)), want, "country_lookup(\"%s\") is "
           "%s", s, want ? want : "NULL");
}

static void
test_lookup(void)
{
    ok(country_lookup("", 0) == NULL, "country_lookup of the empty "
       "phrase is NULL");
    ok(country_lookup("France", 0) == NULL, "country_lookup with length 0 "
       "is NULL");
    check_lookup("F", NULL);
    check_lookup("France", "FR");
    check_lookup("French", "FR");
    check_lookup("Kremlin", "RU");
    check_lookup("U.S.", "US");
    check_lookup("United States", "US");
    check_lookup("United Kingdom", "GB");
    check_lookup("White House", "US");
    check_lookup("Atlantis", NULL);
    check_lookup("Frenc", NULL);
    check_lookup("Frances", NULL);
    check_lookup("france", NULL);
    is_str(country_lookup("Franceville", 6), "FR",
           "country_lookup of the first 6 bytes of \"Franceville\" is FR");
    is_str(country_lookup("Russian Federation", 7), "RU",
           "country_lookup of \"Russian\" cut from \"Russian Federation\" "
           "is RU");
    is_str(country_lookup("United States of", 13), "US",
           "country_lookup of a two-word prefix is US");
    ok(country_lookup("France", 3) == NULL,
       "country_lookup of \"Fra\" (3 bytes of \"France\") is NULL");
    is_str(country_lookup("U.S.-backed", 4), "US",
           "country_lookup of \"U.S.\" cut from \"U.S.-backed\" is US");
}

static void
test_name(void)
{
    ok(country_name(NULL) == NULL, "country_name(NULL) is NULL");
    ok(country_name("") == NULL, "country_name(\"\") is NULL");
    ok(country_name("f") == NULL, "country_name of one letter is NULL");
    ok(country_name("fra") == NULL, "country_name of three letters is "
       "NULL");
    is_str(country_name("fr"), "France", "country_name(\"fr\") is France");
    is_str(country_name("FR"), "France", "country_name(\"FR\") is France");
    is_str(country_name("Ua"), "Ukraine", "country_name(\"Ua\") is "
           "Ukraine");
    is_str(country_name("CD"), "Democratic Republic of the Congo",
           "country_name(\"CD\") is the inverted iso-codes name");
    is_str(country_name("XK"), "Kosovo", "country_name(\"XK\") is Kosovo");
    ok(country_name("zz") == NULL, "country_name(\"zz\") is NULL");
}

/* Finds up to max codes in s and compares them, joined with spaces. */
static void
check_find(const char *s, size_t max, const char *want, const char *what)
{
    char out[8][3], got[32] = "";
    size_t n, k;

    memset(out, 'X', sizeof out);
    n = country_find(s, strlen(s), out, max);
    for (k = 0; k < n && k < 8; k++) {
        if (k > 0)
            strcat(got, " ");
        strncat(got, out[k], 2);
    }
    is_str(got, want, "country_find: %s gives \"%s\"", what, want);
    ok(n <= max && (n >= 8 || out[n][0] == 'X'),
       "country_find: %s writes nothing past the %zu code(s) returned",
       what, n);
}

static void
test_find_possessive(void)
{
    check_find("Russia's war", 8, "RU",
               "a possessive with a straight apostrophe (Russia's)");
    check_find("Ukraine\xe2\x80\x99s army", 8, "UA",
               "a possessive with a curly apostrophe (Ukraine\xe2\x80\x99s)");
    check_find("Americans\xe2\x80\x99 rights", 8, "US",
               "a plural possessive (Americans\xe2\x80\x99)");
}

/* Texts that end inside a word, a sequence or a tag: nothing is read past
 * n. */
static void
test_find_cut(void)
{
    char out[4][3];

    ok(country_find("Russia", 3, out, 4) == 0,
       "country_find of \"Rus\" cut from \"Russia\" finds nothing");
    ok(country_find("C\xc3\xb4te d'Ivoire", 2, out, 4) == 0,
       "country_find cut inside a UTF-8 sequence finds nothing");
    ok(country_find("(D-MA", 5, out, 4) == 0,
       "country_find of an unclosed party tag finds nothing");
    ok(country_find("Georgia \xe2\x80", 10, out, 4) == 1,
       "country_find with a truncated sequence after a name finds it");
}

static void
test_find(void)
{
    char out[2][3];

    ok(country_find("", 0, out, 2) == 0, "country_find on the empty "
       "string finds nothing");
    check_find("x", 4, "", "one letter");
    check_find("from Russia and Ukraine, and the U.S.", 8, "RU UA US",
               "\"from Russia and Ukraine, and the U.S.\"");
    check_find("from Russia and Ukraine, and the U.S.", 2, "RU UA",
               "the same with max 2");
    check_find("from Russia and Ukraine, and the U.S.", 0, "",
               "the same with max 0");
    check_find("Russia, the Kremlin and Russian troops", 8, "RU",
               "three words for one country");
    check_find("talks in the United States and South Korea", 8, "US KR",
               "two-word country names");
    check_find("a French envoy met the United Kingdom team", 8, "FR GB",
               "a demonym and a two-word name");
    check_find("dinner in Chinatown with Frances", 8, "",
               "words that only start with a country name");
    check_find("Aid to the U.S. ended. France agreed.", 8, "US FR",
               "U.S. before a sentence end");
    check_find("the US and UK and the U.S.-led talks", 8, "US GB",
               "abbreviations, once each");
    check_find("the Kremlin and Downing Street", 8, "RU GB",
               "seats of power");
    check_find("voters in New Mexico and Mexico", 8, "MX",
               "a US state is not the country inside its name");
    check_find("\xe2\x80\x9cKyiv\xe2\x80\x9d and Moscow\xe2\x80\xa6", 8,
               "UA RU", "names inside curly quotes and before an ellipsis");
    test_find_possessive();
    test_find_cut();
}

static void
test_kind(void)
{
    enum country_kind kind = COUNTRY_NAME;
    unsigned flags = 99;

    ok(country_lookup_kind("", 0, &kind, &flags) == NULL &&
       kind == COUNTRY_NONE && flags == 0,
       "country_lookup_kind of the empty phrase is NULL, none, 0");
    is_str(country_lookup_kind("Jordan", 6, NULL, NULL), "JO",
           "country_lookup_kind takes NULL for kind and flags");
    ok(country_lookup_kind("Atlantis", 8, &kind, &flags) == NULL &&
       kind == COUNTRY_NONE, "country_lookup_kind of \"Atlantis\" is none");
    country_lookup_kind("France", 6, &kind, &flags);
    ok(kind == COUNTRY_NAME && flags == 0, "France is a name, no flags");
    country_lookup_kind("French", 6, &kind, NULL);
    ok(kind == COUNTRY_DEMONYM, "French is a demonym");
    country_lookup_kind("Paris", 5, &kind, NULL);
    ok(kind == COUNTRY_CAPITAL, "Paris is a capital");
    country_lookup_kind("Kremlin", 7, &kind, NULL);
    ok(kind == COUNTRY_SEAT, "Kremlin is a seat of power");
    is_str(country_lookup_kind("New Mexico", 10, &kind, NULL), "US",
           "New Mexico gives US");
    ok(kind == COUNTRY_US_STATE, "New Mexico is a US state");
    ok(country_lookup_kind("Panama City", 11, &kind, NULL) == NULL &&
       kind == COUNTRY_BLOCK, "Panama City is a blocker and gives NULL");
    is_str(country_lookup_kind("Georgia", 7, &kind, &flags), "GE",
           "Georgia gives GE");
    ok(flags == (COUNTRY_PERSON | COUNTRY_US_TOO),
       "Georgia is marked as a given name and a US state");
}

static void
test_party_tag(void)
{
    ok(country_party_tag("", 0) == NULL, "country_party_tag of \"\" is "
       "NULL");
    ok(country_party_tag("(", 1) == NULL, "country_party_tag of \"(\" is "
       "NULL");
    ok(country_party_tag("()", 2) == NULL, "country_party_tag of \"()\" is "
       "NULL");
    ok(country_party_tag("D-", 2) == NULL, "country_party_tag of \"D-\" is "
       "NULL");
    is_str(country_party_tag("(D-MA)", 6), "US", "(D-MA) is a US tag");
    is_str(country_party_tag("R-Texas", 7), "US", "R-Texas is a US tag");
    is_str(country_party_tag("D-Calif.", 8), "US", "D-Calif. is a US tag");
    is_str(country_party_tag("(D-NY-14)", 9), "US", "(D-NY-14) is a US "
           "tag");
    is_str(country_party_tag("(D-MA) said", 6), "US",
           "a tag cut from a longer text by its length is a US tag");
    ok(country_party_tag("(D-MA) said", 11) == NULL,
       "a tag with text after it is not a tag");
    ok(country_party_tag("D-Oakland", 9) == NULL,
       "a town without parentheses is not a tag");
    is_str(country_party_tag("(D-Oakland)", 11), "US",
           "a town within parentheses is a US tag");
}

/* What a person types in country: of a query. */
static void
test_caseless(void)
{
    static const struct {
        const char *s, *cc;
    } cases[] = {
        {"", NULL}, {"uk", "GB"}, {"usa", "US"}, {"BRITISH", "GB"},
        {"united kingdom", "GB"}, {"c\xc3\xb4te d\xe2\x80\x99ivoire", "CI"},
        {"cote d'ivoire", "CI"}, {"bosnia and herzegovina", "BA"},
        {"paris", NULL}, {"kremlin", NULL}, {"latin america", NULL},
        {"atlantis", NULL},
    };
    size_t k;

    for (k = 0; k < sizeof cases / sizeof *cases; k++) {
        const char *cc = country_lookup_caseless(cases[k].s,
                                                 strlen(cases[k].s));
        ok(cases[k].cc == NULL ? cc == NULL
                               : cc != NULL && strcmp(cc, cases[k].cc) == 0,
           "country_lookup_caseless(\"%s\") is %s (%s)", cases[k].s,
           cases[k].cc ? cases[k].cc : "none", cc ? cc : "none");
    }
}

int
main(void)
{
    test_caseless();
    test_lookup();
    test_name();
    test_kind();
    test_party_tag();
    test_find();
    return tap_done();
}
