// SPDX-License-Identifier: MIT
/*
 * Sentences of article text: bytes in, the offsets where sentences end
 * out, for the context pane's z/Z. A stop (. ! ? …) and the closing
 * marks after it end a sentence when blank space and a capital, a digit
 * or an opening mark follow, unless the word before the stop is a title
 * or an initial; a line break always ends one.
 */
#include "sentence.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* Words that end in a period without ending a sentence (lower case). */
static const char *const abbrevs[] = {
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "gov", "sen",
    "rep", "lt", "col", "capt", "sgt", "maj", "mt", "no", "vs", "etc",
    "rev", "hon", "pres", "inc", "ltd", "co", "corp", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig",
    "approx", "dept", "univ", "ave", "blvd",
};

static bool
is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The length of a closing mark at s[i] (" ' ) ] ” ’ »), or 0. */
static size_t
closing_at(const char *s, size_t n, size_t i)
{
    if (s[i] == '"' || s[i] == '\'' || s[i] == ')' || s[i] == ']')
        return 1;
    if (i + 3 <= n && (unsigned char)s[i] == 0xe2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x9d || (unsigned char)s[i + 2] == 0x99))
        return 3;
    if (i + 2 <= n && (unsigned char)s[i] == 0xc2 &&
        (unsigned char)s[i + 1] == 0xbb)
        return 2;
    return 0;
}

/* Whether a sentence may begin at s[i]: not a lower-case ASCII letter
 * (capitals, digits, opening marks and other scripts may). */
static bool
may_begin(const char *s, size_t n, size_t i)
{
    return i < n && !(s[i] >= 'a' && s[i] <= 'z');
}

/* Whether the period at s[dot] closes a title or an initial: the word
 * before it is an abbreviation, one letter, or letters with periods
 * inside ("U.S", "e.g"). */
static bool
abbrev_before(const char *s, size_t dot)
{
    size_t b = dot, k, len;
    char w[8];
    bool inner = false;

    while (b > 0 && (((s[b - 1] | 0x20) >= 'a' && (s[b - 1] | 0x20) <= 'z')
                     || s[b - 1] == '.')) {
        b--;
        if (s[b] == '.')
            inner = true;
    }
    len = dot - b;
    if (len == 0)
        return false;
    if (len == 1 && s[b] >= 'A' && s[b] <= 'Z')
        return true;
    if (inner)
        return true;
    if (len >= sizeof w)
        return false;
    for (k = 0; k < len; k++)
        w[k] = (char)(s[b + k] | 0x20);
    w[len] = '\0';
    for (k = 0; k < sizeof abbrevs / sizeof *abbrevs; k++)
        if (strcmp(w, abbrevs[k]) == 0)
            return true;
    return false;
}

size_t
sentence_split(const char *s, size_t n, size_t **ends)
{
    size_t *e = NULL, ne = 0, i = 0, last;

    *ends = NULL;
    while (n > 0 && is_blank((unsigned char)s[n - 1]))
        n--;
    if (n == 0)
        return 0;
    while (i < n) {
        size_t stop = 0, j, c;

        if (s[i] == '\n') {
            /* a line break ends the sentence before it, if any */
            j = i;
            while (j > 0 && is_blank((unsigned char)s[j - 1]))
                j--;
            if (j > 0 && (ne == 0 || e[ne - 1] < j)) {
                e = xreallocarray(e, ne + 1, sizeof *e);
                e[ne++] = j;
            }
            i++;
            continue;
        }
        if (s[i] == '.' || s[i] == '!' || s[i] == '?')
            stop = 1;
        else if (i + 3 <= n && (unsigned char)s[i] == 0xe2 &&
                 (unsigned char)s[i + 1] == 0x80 &&
                 (unsigned char)s[i + 2] == 0xa6)
            stop = 3;
        if (stop == 0) {
            i++;
            continue;
        }
        j = i + stop;
        /* more stops ("?!", "...") and the closing marks */
        while (j < n && (s[j] == '.' || s[j] == '!' || s[j] == '?'))
            j++;
        while (j < n && (c = closing_at(s, n, j)) > 0)
            j += c;
        if (j < n && !is_blank((unsigned char)s[j])) {
            i = j > i + stop ? j : i + stop;
            continue;
        }
        if (s[i] == '.' && j == i + 1 && abbrev_before(s, i)) {
            i = j;
            continue;
        }
        c = j;
        while (c < n && s[c] != '\n' && is_blank((unsigned char)s[c]))
            c++;
        if (c < n && s[c] != '\n' && !may_begin(s, n, c)) {
            i = j;
            continue;
        }
        e = xreallocarray(e, ne + 1, sizeof *e);
        e[ne++] = j;
        i = j;
    }
    last = ne > 0 ? e[ne - 1] : 0;
    if (last < n) {
        /* what is left, unless only blanks */
        for (i = last; i < n && is_blank((unsigned char)s[i]); i++)
            ;
        if (i < n) {
            e = xreallocarray(e, ne + 1, sizeof *e);
            e[ne++] = n;
        }
    }
    *ends = e;
    return ne;
}

void
sentence_around(const char *s, size_t n, size_t start, size_t end,
                size_t before, size_t after, size_t *from, size_t *to)
{
    size_t *e, ne = sentence_split(s, n, &e), i, j;

    if (ne == 0) {
        *from = 0;
        *to = n;
        return;
    }
    /* the sentence that holds start: the first to end after it */
    for (i = 0; i + 1 < ne && e[i] <= start; i++)
        ;
    for (j = i; j + 1 < ne && e[j] < end; j++)
        ;
    i = i > before ? i - before : 0;
    j = j + after < ne ? j + after : ne - 1;
    *from = i > 0 ? e[i - 1] : 0;
    while (*from < n && is_blank((unsigned char)s[*from]))
        (*from)++;
    *to = e[j];
    if (*from > *to)
        *from = *to;
    free(e);
}
