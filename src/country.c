// SPDX-License-Identifier: MIT
/*
 * Countries: phrases in, ISO 3166-1 alpha-2 codes out, from a table made at
 * build time from Debian's iso-codes, src/un-members.tsv,
 * src/country-words.tsv and src/us-states.tsv; and US party tags
 * ("(D-MA)") in, US out.
 */
#include "country.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "countries.h"
#include "utf8.h"

/* More distinct codes than a text can name: the table has about 250. */
#define COUNTRY_HITS 300

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

/* The table entry for exactly s[0..n), or NULL. */
static const struct country_word *
country_entry(const char *s, size_t n)
{
    struct country_key key = {s, n};

    if (n == 0)
        return NULL;
    return bsearch(&key, country_words, country_nwords, sizeof *country_words,
                   country_cmp);
}

const char *
country_lookup_kind(const char *s, size_t n, enum country_kind *kind,
                    unsigned *flags)
{
    const struct country_word *w = country_entry(s, n);

    if (kind != NULL)
        *kind = w != NULL ? (enum country_kind)w->kind : COUNTRY_NONE;
    if (flags != NULL)
        *flags = w != NULL ? w->flags : 0;
    return w != NULL && w->cc[0] != '\0' ? w->cc : NULL;
}

const char *
country_lookup(const char *s, size_t n)
{
    return country_lookup_kind(s, n, NULL, NULL);
}

const char *
country_lookup_caseless(const char *s, size_t n)
{
    struct buf key = {0};
    const char *cc = NULL;
    size_t k;

    utf8_fold(&key, s, n, false);
    for (k = 0; k < country_nwords && cc == NULL && key.len > 0; k++)
        if ((country_words[k].kind == COUNTRY_NAME ||
             country_words[k].kind == COUNTRY_DEMONYM) &&
            country_words[k].cc[0] != '\0' &&
            utf8_fold_equal(country_words[k].word,
                            strlen(country_words[k].word), key.data,
                            key.len))
            cc = country_words[k].cc;
    for (k = 0; k < country_nnames && cc == NULL && key.len > 0; k++)
        if (utf8_fold_equal(country_names[k].word,
                            strlen(country_names[k].word), key.data,
                            key.len))
            cc = country_names[k].cc;
    buf_free(&key);
    return cc;
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

/* The code point at s[i] (-1 at the end or on a bad byte) and, in *len,
 * its length in bytes. */
static int32_t
country_cp(const char *s, size_t n, size_t i, size_t *len)
{
    size_t j = i;
    int32_t c = utf8_decode(s, n, &j);

    if (len != NULL)
        *len = j - i;
    return c;
}

static bool
country_wordch(const char *s, size_t n, size_t i)
{
    return i < n && utf8_is_word(country_cp(s, n, i, NULL));
}

/* The length of an apostrophe at s[i] (' or ’), else 0. */
static size_t
country_apostrophe(const char *s, size_t n, size_t i)
{
    if (i < n && s[i] == '\'')
        return 1;
    if (i + 2 < n && memcmp(s + i, "\xe2\x80\x99", 3) == 0)
        return 3;
    return 0;
}

/* The end of the word starting at i: letters and digits, with inner dots,
 * hyphens and apostrophes (U.S, Guinea-Bissau, Côte d’Ivoire) and one
 * trailing dot (U.S., St., or a sentence end that lookups drop). */
static size_t
country_word_end(const char *s, size_t n, size_t i)
{
    while (i < n) {
        size_t len, ap;

        if (utf8_is_word(country_cp(s, n, i, &len))) {
            i += len;
        } else if ((s[i] == '.' || s[i] == '-') &&
                   country_wordch(s, n, i + 1)) {
            i++;
        } else if ((ap = country_apostrophe(s, n, i)) > 0 &&
                   country_wordch(s, n, i + ap)) {
            i += ap;
        } else {
            if (s[i] == '.')
                i++;
            break;
        }
    }
    return i;
}

/* The entry that s[a..e) names, trying it as written, without a trailing
 * dot, and without a possessive ('s or ’s). */
static const struct country_word *
country_try(const char *s, size_t a, size_t e)
{
    const struct country_word *w = country_entry(s + a, e - a);

    if (w == NULL && e > a + 1 && s[e - 1] == '.')
        w = country_entry(s + a, --e - a);
    if (w == NULL && e >= a + 3 && memcmp(s + e - 2, "'s", 2) == 0)
        w = country_entry(s + a, e - 2 - a);
    if (w == NULL && e >= a + 5 && memcmp(s + e - 4, "\xe2\x80\x99s", 4) == 0)
        w = country_entry(s + a, e - 4 - a);
    return w;
}

static bool
country_upper_at(const char *s, size_t n, size_t i)
{
    return i < n && utf8_is_upper(country_cp(s, n, i, NULL));
}

/* Days and months: "in Washington Tuesday" is still the place. */
static bool
country_is_date_word(const char *s, size_t a, size_t e)
{
    static const char *const words[] = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday", "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    };
    size_t k;

    if (e > a && s[e - 1] == '.')
        e--;
    for (k = 0; k < sizeof words / sizeof *words; k++)
        if (strlen(words[k]) == e - a && memcmp(s + a, words[k], e - a) == 0)
            return true;
    return false;
}

/* The code point that ends right before s[i], or -1. */
static int32_t
country_cp_before(const char *s, size_t i)
{
    size_t k = i;

    if (i == 0)
        return -1;
    do
        k--;
    while (k > 0 && ((unsigned char)s[k] & 0xc0) == 0x80);
    return country_cp(s, i, k, NULL);
}

/* Capitalised words that open sentences, not names: "In Jordan" is the
 * country, "Michael Jordan" at a sentence start is not. */
static bool
country_is_opener(const char *s, size_t a, size_t e)
{
    static const char *const words[] = {
        "A", "About", "Across", "After", "Against", "All", "Also",
        "Although", "Among", "An", "And", "As", "At", "Before", "Between",
        "Both", "But", "By", "Despite", "During", "Each", "Even", "Every",
        "For", "From", "He", "Her", "Here", "His", "How", "However", "I",
        "If", "In", "Including", "Inside", "Into", "It", "Its", "Like",
        "Many", "Meanwhile", "Most", "My", "Near", "Neither", "No", "Nor",
        "Not", "Now", "Of", "On", "Only", "Or", "Our", "Outside", "Over",
        "She", "Since", "So", "Some", "Still", "That", "The", "Their",
        "Then", "There", "These", "They", "This", "Those", "Though",
        "Through", "To", "Today", "Toward", "Towards", "Under", "Unlike",
        "Until", "We", "What", "When", "Where", "Whether", "While", "Why",
        "With", "Within", "Without", "Yet", "You", "Your",
    };
    size_t k;

    for (k = 0; k < sizeof words / sizeof *words; k++)
        if (strlen(words[k]) == e - a && memcmp(s + a, words[k], e - a) == 0)
            return true;
    return false;
}

/* True when a capitalised word outside the table stands right before
 * s[a..] or right after s[..e), one space away, so that a name marked
 * COUNTRY_PERSON there is part of a person's or a title's name. Weekdays
 * and months after it do not count ("in Washington Tuesday"), nor does a
 * common word opening the sentence before it ("In Jordan"). */
static bool
country_next_to_name(const char *s, size_t n, size_t a, size_t e)
{
    if (e < n && s[e] == ' ' && s[e - 1] != '.' &&
        country_upper_at(s, n, e + 1)) {
        size_t ne = country_word_end(s, n, e + 1);
        if (country_try(s, e + 1, ne) == NULL &&
            !country_is_date_word(s, e + 1, ne))
            return true;
    }
    if (a >= 2 && s[a - 1] == ' ' &&
        utf8_is_word(country_cp_before(s, a - 1))) {
        size_t pa = a - 1, k;
        /* Back to the start of the previous word. */
        while (pa > 0 && s[pa - 1] != ' ' && s[pa - 1] != '\n')
            pa--;
        if (!country_upper_at(s, n, pa) || country_try(s, pa, a - 1) != NULL)
            return false;
        for (k = pa; k > 0 && s[k - 1] == ' '; k--)
            ;
        if (k == 0 || strchr(".!?:;\n", s[k - 1]) != NULL)
            return !country_is_opener(s, pa, a - 1);
        return true;
    }
    return false;
}

struct country_hits {
    char cc[COUNTRY_HITS][3];
    bool weak[COUNTRY_HITS];    /* named only by a COUNTRY_US_TOO form */
    size_t n;
    bool us;                    /* the text names a US state or party tag */
};

/* Counts what entry w names at s[a..e) in hits. */
static void
country_hit(struct country_hits *h, const struct country_word *w,
            const char *s, size_t n, size_t a, size_t e)
{
    bool weak = (w->flags & COUNTRY_US_TOO) != 0;
    size_t k;

    if (w->kind == COUNTRY_US_STATE)
        h->us = true;
    if (w->cc[0] == '\0' || w->kind == COUNTRY_US_STATE)
        return;
    if ((w->flags & COUNTRY_PERSON) && country_next_to_name(s, n, a, e))
        return;
    for (k = 0; k < h->n; k++)
        if (memcmp(h->cc[k], w->cc, 3) == 0) {
            h->weak[k] = h->weak[k] && weak;
            return;
        }
    if (h->n < COUNTRY_HITS) {
        memcpy(h->cc[h->n], w->cc, 3);
        h->weak[h->n++] = weak;
    }
}

/* Counts the parts of the hyphenated word s[a..e): pro-Kremlin, US-China,
 * Russian-backed. A part after a capitalised part that names nothing is
 * an ethnic compound's (African-American, Afro-Caribbean) and does not
 * count. A party tag in the text (D-Ga.) makes it American. */
static void
country_parts(struct country_hits *h, const char *s, size_t n, size_t a,
              size_t e)
{
    size_t p = a;
    bool after_name = false;

    if (country_party_tag(s + a, e - a) != NULL) {
        h->us = true;
        return;
    }
    while (p < e) {
        const char *dash = memchr(s + p, '-', e - p);
        size_t q = dash != NULL ? (size_t)(dash - s) : e;
        const struct country_word *w = q > p ? country_try(s, p, q) : NULL;

        if (w != NULL && !after_name)
            country_hit(h, w, s, n, p, q);
        after_name = w == NULL && country_upper_at(s, q, p);
        p = q + 1;
    }
}

size_t
country_find(const char *s, size_t n, char (*out)[3], size_t max)
{
    struct country_hits hits = {0}, *h = &hits;
    size_t i = 0, found = 0, k;

    while (i < n) {
        size_t ends[16], words = 0, j = i, w, len;
        const struct country_word *hit = NULL;

        if (s[i] == '(') {
            const char *close = memchr(s + i, ')', n - i < 40 ? n - i : 40);
            if (close != NULL &&
                country_party_tag(s + i, (size_t)(close - s) + 1 - i) != NULL)
                h->us = true;
        }
        if (!utf8_is_word(country_cp(s, n, i, &len))) {
            i += len > 0 ? len : 1;
            continue;
        }
        while (words < country_maxwords && words < 16 && j < n) {
            ends[words++] = j = country_word_end(s, n, j);
            if (j >= n || s[j] != ' ' || !country_wordch(s, n, j + 1))
                break;
            j++;
        }
        for (w = words; w > 0 && hit == NULL; w--) {
            size_t e = ends[w - 1], last = w > 1 ? ends[w - 2] + 1 : i;
            const char *dash = memchr(s + last, '-', e - last);

            hit = country_try(s, i, e);
            /* A phrase before a hyphen: New Mexico-based, Hong Kong-born. */
            if (hit == NULL && w > 1 && dash != NULL)
                hit = country_try(s, i, (size_t)(dash - s));
            if (hit != NULL) {
                country_hit(h, hit, s, n, i, e);
                i = e;
            }
        }
        if (hit == NULL) {
            if (memchr(s + i, '-', ends[0] - i) != NULL)
                country_parts(h, s, n, i, ends[0]);
            i = ends[0];
        }
    }
    for (k = 0; k < h->n && found < max; k++)
        if (!(h->weak[k] && h->us))
            memcpy(out[found++], h->cc[k], 3);
    return found;
}

/* The length of the US state form (a postal code, abbreviation or name)
 * that s[0..n) starts with, the longest that ends at a word boundary;
 * 0 if none. */
static size_t
country_us_state_at(const char *s, size_t n)
{
    size_t best = 0, k;

    for (k = 0; k < country_nus_tags; k++) {
        size_t len = strlen(country_us_tags[k]);
        if (len > best && len <= n &&
            memcmp(s, country_us_tags[k], len) == 0 &&
            (len == n || !country_wordch(s, n, len)))
            best = len;
    }
    return best;
}

/* The length of a House district after a state ("-14", "-At Large",
 * "-AL"), 0 if none. */
static size_t
country_district_at(const char *s, size_t n)
{
    size_t i = 1;

    if (n < 2 || s[0] != '-')
        return 0;
    if (n >= 9 && memcmp(s, "-At Large", 9) == 0)
        return 9;
    if (n >= 3 && memcmp(s, "-AL", 3) == 0 && (n == 3 || s[3] == ')'))
        return 3;
    while (i < n && i < 3 && s[i] >= '0' && s[i] <= '9')
        i++;
    return i > 1 ? i : 0;
}

/* The length of up to three capitalised words of a place name, 0 if
 * none. */
static size_t
country_place_at(const char *s, size_t n)
{
    size_t i = 0, words = 0;

    while (words < 3 && country_upper_at(s, n, i)) {
        i = country_word_end(s, n, i);
        words++;
        if (i + 1 >= n || s[i] != ' ')
            break;
        i++;
    }
    if (words > 0 && i > 0 && s[i - 1] == ' ')
        i--;
    return words > 0 ? i : 0;
}

const char *
country_party_tag(const char *s, size_t n)
{
    static const char *const parties[] = {"DFL", "ID", "D", "R", "I"};
    bool paren = n >= 2 && s[0] == '(' && s[n - 1] == ')';
    size_t i = 0, k, len;

    if (paren) {
        s++;
        n -= 2;
    }
    for (k = 0; k < sizeof parties / sizeof *parties; k++) {
        len = strlen(parties[k]);
        if (n > len && memcmp(s, parties[k], len) == 0)
            break;
    }
    if (k == sizeof parties / sizeof *parties)
        return NULL;
    i = len;
    if (s[i] == '-')
        i++;
    else if (i + 3 <= n && memcmp(s + i, "\xe2\x80\x93", 3) == 0)
        i += 3;
    else
        return NULL;
    len = country_us_state_at(s + i, n - i);
    if (len == 0 && paren)
        len = country_place_at(s + i, n - i);
    if (len == 0)
        return NULL;
    i += len;
    i += country_district_at(s + i, n - i);
    return i == n ? "US" : NULL;
}
