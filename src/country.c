// SPDX-License-Identifier: MIT
/*
 * Countries: phrases in, ISO 3166-1 alpha-2 codes out, from a table made at
 * build time from Debian's iso-codes and src/country-words.tsv.
 */
#include "country.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "countries.h"
#include "utf8.h"

struct country_key {
    const char *s;
    size_t n;
};

static int
country_cmp(const void *key, const void *elem)
{
    const struct country_key *k = key;
    const struct country_word *w = elem;
    size_t wn = strlen(w->word);
    int c = memcmp(k->s, w->word, k->n < wn ? k->n : wn);

    if (c != 0)
        return c;
    return k->n < wn ? -1 : k->n > wn;
}

const char *
country_lookup(const char *s, size_t n)
{
    struct country_key key = {s, n};
    const struct country_word *w;

    if (n == 0)
        return NULL;
    w = bsearch(&key, country_words, country_nwords, sizeof *country_words,
                country_cmp);
    return w != NULL ? w->cc : NULL;
}

const char *
country_name(const char *cc)
{
    size_t k;

    if (cc == NULL || strlen(cc) != 2)
        return NULL;
    for (k = 0; k < country_nnames; k++)
        if ((country_names[k].cc[0] | 0x20) == (cc[0] | 0x20) &&
            (country_names[k].cc[1] | 0x20) == (cc[1] | 0x20))
            return country_names[k].word;
    return NULL;
}

static bool
country_wordch(const char *s, size_t n, size_t i)
{
    unsigned char c = (unsigned char)s[i];

    (void)n;
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

/* The end of the word starting at i: letters and digits, with inner dots,
 * hyphens and apostrophes (U.S., Guinea-Bissau, Côte d'Ivoire). */
static size_t
country_word_end(const char *s, size_t n, size_t i)
{
    while (i < n) {
        if (country_wordch(s, n, i)) {
            i++;
        } else if ((s[i] == '.' || s[i] == '-' || s[i] == '\'') &&
                   i + 1 < n && country_wordch(s, n, i + 1)) {
            i++;
        } else if (s[i] == '.' && i > 0 && s[i - 1] >= 'A' &&
                   s[i - 1] <= 'Z') {
            i++;        /* the last dot of U.S. */
            break;
        } else {
            break;
        }
    }
    return i;
}

size_t
country_find(const char *s, size_t n, char (*out)[3], size_t max)
{
    size_t i = 0, found = 0;

    while (i < n && found < max) {
        size_t ends[3] = {i, i, i}, words = 0, j = i, w, k;
        const char *cc = NULL;

        if (!country_wordch(s, n, i) ||
            (i > 0 && country_wordch(s, n, i - 1))) {
            i++;
            continue;
        }
        while (words < 3 && j < n && country_wordch(s, n, j)) {
            ends[words] = country_word_end(s, n, j);
            j = ends[words];
            words++;
            if (j >= n || s[j] != ' ')
                break;
            j++;
        }
        for (w = words; w > 0 && cc == NULL; w--) {
            cc = country_lookup(s + i, ends[w - 1] - i);
            /* "U.S." also stands at a sentence end as "U.S" + "." */
            if (cc == NULL && ends[w - 1] > i && s[ends[w - 1] - 1] == '.')
                cc = country_lookup(s + i, ends[w - 1] - 1 - i);
            /* Possessives: Russia's, Ukraine’s. */
            if (cc == NULL && ends[w - 1] >= i + 3 &&
                memcmp(s + ends[w - 1] - 2, "'s", 2) == 0)
                cc = country_lookup(s + i, ends[w - 1] - 2 - i);
            if (cc == NULL && ends[w - 1] >= i + 5 &&
                memcmp(s + ends[w - 1] - 4, "\xe2\x80\x99s", 4) == 0)
                cc = country_lookup(s + i, ends[w - 1] - 4 - i);
            /* Compounds: Russian-backed, US-led. */
            if (cc == NULL && w == 1) {
                const char *dash = memchr(s + i, '-', ends[0] - i);
                if (dash != NULL)
                    cc = country_lookup(s + i, (size_t)(dash - (s + i)));
            }
            if (cc != NULL)
                j = ends[w - 1];
        }
        if (cc == NULL) {
            i = ends[0];
            continue;
        }
        for (k = 0; k < found; k++)
            if (memcmp(out[k], cc, 3) == 0)
                break;
        if (k == found)
            memcpy(out[found++], cc, 3);
        i = j;
    }
    return found;
}
