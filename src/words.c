// SPDX-License-Identifier: MIT
/*
 * Words for comparing quotes: text in, folded words with their byte
 * spans out, and a hash of them for grouping the same words. No I/O, no
 * state: the index hashes every quote with it, check and variants align
 * claims and quotes word by word with it.
 */
#include "words.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "xmalloc.h"

static bool
words_apostrophe(int32_t c)
{
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02bc ||
           c == 0x2032;
}

/* The length of an ellipsis at s[i], or 0: "…", three or more dots,
 * ". . .", each maybe inside square brackets. */
static size_t
words_ellipsis(const char *s, size_t n, size_t i)
{
    size_t j = i, dots = 0;
    bool bracket = false;

    if (j < n && s[j] == '[') {
        bracket = true;
        j++;
    }
    if (j + 3 <= n && memcmp(s + j, "\xe2\x80\xa6", 3) == 0) {
        j += 3;
        dots = 3;
    } else {
        while (j < n && (s[j] == '.' ||
                         (s[j] == ' ' && j + 1 < n && s[j + 1] == '.' &&
                          dots > 0))) {
            if (s[j] == '.')
                dots++;
            j++;
        }
    }
    if (dots < 3)
        return 0;
    if (bracket) {
        if (j < n && s[j] == ']')
            return j + 1 - i;
        return 0;
    }
    return j - i;
}

/* Appends a word: the bytes s[start, end) folded, apostrophes dropped. */
static void
words_push(struct words *w, struct buf *tmp, const char *s, size_t start,
           size_t end, bool elision, bool apostrophe)
{
    struct word *x;
    size_t k, len = 0;

    if (w->n == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 32;
        w->w = xreallocarray(w->w, w->cap, sizeof *w->w);
    }
    buf_reset(tmp);
    if (!elision)
        utf8_fold(tmp, s + start, end - start, true);
    if (w->textlen + tmp->len + 1 > w->textcap) {
        w->textcap = (w->textlen + tmp->len + 1) * 2;
        w->text = xreallocarray(w->text, w->textcap, 1);
    }
    for (k = 0; k < tmp->len; k++)
        if (tmp->data[k] != '\'' && tmp->data[k] != ' ')
            w->text[w->textlen + len++] = tmp->data[k];
    w->text[w->textlen + len] = '\0';
    x = &w->w[w->n++];
    *x = (struct word){w->textlen, len, start, end, elision, apostrophe};
    w->textlen += len + 1;
}

void
words_split(struct words *w, const char *s, size_t n, bool elisions)
{
    struct buf tmp = {0};
    size_t i = 0;

    w->n = 0;
    w->textlen = 0;
    while (i < n) {
        size_t at = i, e;
        int32_t c;

        if ((e = words_ellipsis(s, n, i)) > 0) {
            if (elisions && (w->n == 0 || !w->w[w->n - 1].elision))
                words_push(w, &tmp, s, i, i + e, true, false);
            i += e;
            continue;
        }
        c = utf8_decode(s, n, &i);
        if (!utf8_is_word(c))
            continue;
        /* a word: letters, digits and marks, and an apostrophe between
         * two of them */
        bool apo = false;
        size_t end = i;
        while (i < n) {
            size_t j = i;
            int32_t d = utf8_decode(s, n, &j);
            if (utf8_is_word(d)) {
                i = end = j;
                continue;
            }
            if (words_apostrophe(d) && j < n) {
                size_t k = j;
                if (utf8_is_word(utf8_decode(s, n, &k))) {
                    apo = true;
                    i = end = k;
                    continue;
                }
            }
            break;
        }
        words_push(w, &tmp, s, at, end, false, apo);
        if (w->w[w->n - 1].len == 0)
            w->n--;             /* folded to nothing */
    }
    buf_free(&tmp);
}

const char *
words_at(const struct words *w, size_t k)
{
    return w->text + w->w[k].off;
}

bool
words_equal(const struct words *a, size_t i, const struct words *b,
            size_t j)
{
    return a->w[i].len == b->w[j].len &&
           memcmp(a->text + a->w[i].off, b->text + b->w[j].off,
                  a->w[i].len) == 0;
}

int64_t
words_hash(const struct words *w)
{
    uint64_t h = 14695981039346656037u;
    size_t k, i;
    bool any = false;

    for (k = 0; k < w->n; k++) {
        if (w->w[k].elision)
            continue;
        for (i = 0; i < w->w[k].len; i++) {
            h ^= (unsigned char)w->text[w->w[k].off + i];
            h *= 1099511628211u;
        }
        h ^= ' ';
        h *= 1099511628211u;
        any = true;
    }
    if (!any)
        return 0;
    h &= INT64_MAX;
    return h == 0 ? 1 : (int64_t)h;
}

void
words_free(struct words *w)
{
    if (w == NULL)
        return;
    free(w->w);
    free(w->text);
    memset(w, 0, sizeof *w);
}
