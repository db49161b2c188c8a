// SPDX-License-Identifier: MIT
/*
 * Quote spans: article paragraphs in, the byte ranges of direct quotes out.
 * A scanner, not a regular expression: each mark is classed by its kind
 * (double, single, guillemet, corner bracket) and, for the ambiguous
 * straight and single marks, by the characters around it.
 */
#include "quote.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "utf8.h"
#include "xmalloc.h"

enum quote_family {
    FAM_NONE,
    FAM_DOUBLE,     /* " “ ” „ */
    FAM_SINGLE,     /* ' ‘ ’ ‚ */
    FAM_GUILLEMET,  /* « » */
    FAM_ANGLE,      /* ‹ › */
    FAM_CORNER,     /* 「 」 */
    FAM_WCORNER,    /* 『 』 */
};

enum mark_role {
    MARK_NONE,
    MARK_OPEN,
    MARK_CLOSE,
    MARK_EITHER,    /* a straight mark: direction from context */
};

struct mark {
    enum quote_family fam;
    enum mark_role role;
};

static bool
quote_space(int32_t c)
{
    return c < 0 || c == ' ' || c == '\n' || c == '\t' || c == 0xa0 ||
           c == 0x202f || c == 0x2009;
}

/* Characters after which a straight or single mark opens a quote. */
static bool
quote_before_open(int32_t c)
{
    return quote_space(c) || c == '(' || c == '[' || c == '{' ||
           c == 0x2014 || c == 0x2013 || c == '-' || c == '/' ||
           c == 0x201c || c == 0x201e || c == '"' || c == 0xab ||
           c == ':' || c == 0x2018;
}

static struct mark
quote_mark(int32_t c)
{
    switch (c) {
    case '"': return (struct mark){FAM_DOUBLE, MARK_EITHER};
    case 0x201c: return (struct mark){FAM_DOUBLE, MARK_EITHER};
    case 0x201d: return (struct mark){FAM_DOUBLE, MARK_CLOSE};
    case 0x201e: return (struct mark){FAM_DOUBLE, MARK_OPEN};
    case '\'': return (struct mark){FAM_SINGLE, MARK_EITHER};
    case 0x2018: return (struct mark){FAM_SINGLE, MARK_EITHER};
    case 0x2019: return (struct mark){FAM_SINGLE, MARK_CLOSE};
    case 0x201a: return (struct mark){FAM_SINGLE, MARK_OPEN};
    case 0xab: return (struct mark){FAM_GUILLEMET, MARK_OPEN};
    case 0xbb: return (struct mark){FAM_GUILLEMET, MARK_CLOSE};
    case 0x2039: return (struct mark){FAM_ANGLE, MARK_OPEN};
    case 0x203a: return (struct mark){FAM_ANGLE, MARK_CLOSE};
    case 0x300c: return (struct mark){FAM_CORNER, MARK_OPEN};
    case 0x300d: return (struct mark){FAM_CORNER, MARK_CLOSE};
    case 0x300e: return (struct mark){FAM_WCORNER, MARK_OPEN};
    case 0x300f: return (struct mark){FAM_WCORNER, MARK_CLOSE};
    default: return (struct mark){FAM_NONE, MARK_NONE};
    }
}

/* The code point before offset i (at least lo), or -1 at lo. */
static int32_t
quote_prev(const char *s, size_t lo, size_t i)
{
    size_t j = i, k;

    if (i <= lo)
        return -1;
    do
        j--;
    while (j > lo && ((unsigned char)s[j] & 0xc0) == 0x80);
    k = j;
    return utf8_decode(s, i, &k);
}

/* Whether a single mark at i is an apostrophe opening an elision ('90s,
 * 'em, 'til) rather than a quote. */
static bool
quote_elision(const char *s, size_t i, size_t hi)
{
    static const char *const words[] = {"em ", "til ", "tis ", "twas ",
                                        "n ", "n'", "n\xe2\x80\x99",
                                        "cause "};
    size_t k, n;

    if (i + 2 < hi && s[i] >= '0' && s[i] <= '9' && s[i + 1] >= '0' &&
        s[i + 1] <= '9')
        return true;
    for (k = 0; k < sizeof words / sizeof *words; k++) {
        for (n = 0; words[k][n] && i + n < hi && s[i + n] == words[k][n]; n++)
            ;
        if (words[k][n] == '\0')
            return true;
    }
    return false;
}

/* The role a mark plays where it stands: prev and next are the code points
 * around it, after the byte offset of what follows it. */
static enum mark_role
quote_role(struct mark m, int32_t prev, int32_t next, const char *s,
           size_t after, size_t hi)
{
    bool open_ctx = quote_before_open(prev) && !quote_space(next) && next >= 0;
    bool close_ctx = !quote_space(prev) && (next < 0 || !utf8_is_word(next));

    /* won’t, Putin’s: a right single mark between letters is an
     * apostrophe. */
    if (m.fam == FAM_SINGLE && m.role == MARK_CLOSE && utf8_is_word(prev) &&
        utf8_is_word(next))
        return MARK_NONE;
    if (m.role != MARK_EITHER)
        return m.role;
    if (m.fam == FAM_SINGLE) {
        /* don't, Putin's, s' and 5' are not quotes. */
        if (utf8_is_word(prev) && utf8_is_word(next))
            return MARK_NONE;
        if (open_ctx && !quote_elision(s, after, hi))
            return MARK_OPEN;
        if (close_ctx && !(prev >= '0' && prev <= '9'))
            return MARK_CLOSE;
        return MARK_NONE;
    }
    if (open_ctx)
        return MARK_OPEN;
    if (close_ctx || !quote_space(prev))
        return MARK_CLOSE;
    return MARK_NONE;
}

/* Whether a closing mark of family fam ends a quote opened by opener. */
static bool
quote_closes(enum quote_family fam, int32_t opener, int32_t c,
             enum mark_role role)
{
    if (fam == FAM_DOUBLE)
        /* „ is closed by “ in German, and writers mix curly and straight. */
        return c == 0x201d || c == '"' || (opener == 0x201e && c == 0x201c) ||
               (c == 0x201c && role == MARK_CLOSE);
    if (fam == FAM_SINGLE)
        return role == MARK_CLOSE && (c == 0x2019 || c == '\'' ||
                                      (opener == 0x201a && c == 0x2018));
    return role == MARK_CLOSE;
}

struct span_list {
    struct quote_span *v;
    size_t n, cap;
};

static void
quote_push(struct span_list *l, struct quote_span s)
{
    if (s.end <= s.start)
        return;
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
    }
    l->v[l->n++] = s;
}

/* The family of a quote mark that opens paragraph p, or FAM_NONE. */
static enum quote_family
quote_para_opens(const char *body, const struct para *p)
{
    size_t i = p->start;
    int32_t c = utf8_decode(body, p->end, &i);
    struct mark m = quote_mark(c);

    return m.role == MARK_OPEN || m.role == MARK_EITHER ? m.fam : FAM_NONE;
}

size_t
quote_find(const char *body, const struct para *paras, size_t npara,
           struct quote_span **out)
{
    struct span_list l = {0};
    size_t p;

    for (p = 0; p < npara; p++) {
        size_t lo = paras[p].start, hi = paras[p].end, i = lo;
        enum quote_family open = FAM_NONE;
        int32_t opener = 0, inner = 0;  /* inner: the closer of a nested quote */
        struct quote_span cur = {0};

        while (i < hi) {
            size_t at = i;
            int32_t c = utf8_decode(body, hi, &i);
            struct mark m = quote_mark(c);
            enum mark_role role;
            size_t k = i;

            if (m.fam == FAM_NONE)
                continue;
            /* An inch mark inside a quote (My 5" screen) when another
             * straight mark is still to come to close it. */
            if (c == '"' && open == FAM_DOUBLE &&
                quote_prev(body, lo, at) >= '0' &&
                quote_prev(body, lo, at) <= '9' &&
                memchr(body + i, '"', hi - i) != NULL)
                continue;
            role = quote_role(m, quote_prev(body, lo, at),
                              utf8_decode(body, hi, &k), body, i, hi);
            if (open == FAM_NONE) {
                if (role == MARK_OPEN) {
                    open = m.fam;
                    opener = c;
                    inner = 0;
                    cur = (struct quote_span){.open = at, .start = i,
                                              .para = p, .closed = true};
                }
            } else if (open == FAM_DOUBLE && m.fam == FAM_DOUBLE &&
                       inner == 0 && role == MARK_OPEN &&
                       ((opener == '"' && c == 0x201c) ||
                        (opener == 0x201c && c == '"'))) {
                /* "… read you the question: “Will it rain?” Thirty, yes;
                 * no." : the other kind of double mark nests inside. */
                inner = c == '"' ? '"' : 0x201d;
            } else if (inner != 0 && c == inner) {
                inner = 0;
            } else if (m.fam == open && quote_closes(open, opener, c, role)) {
                cur.end = at;
                cur.close = i;
                quote_push(&l, cur);
                open = FAM_NONE;
            }
        }
        /* A quote left open: it runs on when the next paragraph opens
         * with the same kind of mark; otherwise it ends with its own
         * paragraph, never reaching into the next. */
        if (open != FAM_NONE) {
            cur.end = cur.close = hi;
            cur.closed = false;
            while (cur.end > cur.start &&
                   (body[cur.end - 1] == ' ' || body[cur.end - 1] == '\n'))
                cur.end--;
            if ((p + 1 < npara &&
                 quote_para_opens(body, &paras[p + 1]) == open) ||
                quote_words(body + cur.start, cur.end - cur.start) >= 2)
                quote_push(&l, cur);
        }
    }
    *out = l.v;
    return l.n;
}

size_t
quote_words(const char *s, size_t n)
{
    size_t i = 0, words = 0;
    bool in = false;

    while (i < n) {
        bool letter = utf8_is_word(utf8_decode(s, n, &i));
        if (letter && !in)
            words++;
        in = letter;
    }
    return words;
}
