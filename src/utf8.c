// SPDX-License-Identifier: MIT
/*
 * UTF-8: decoding, validation, and the one path by which article text
 * reaches a terminal (sanitize, measure, fit). Widths, normalisation and
 * case folding come from utf8proc.
 */
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "xmalloc.h"

void
utf8_encode(struct buf *b, int32_t c)
{
    utf8proc_uint8_t tmp[4];
    utf8proc_ssize_t len = utf8proc_encode_char(c, tmp);

    buf_append(b, (const char *)tmp, (size_t)len);
}

/* Bytes 0x80 and up in any of the eight from s. */
static inline bool
utf8_high8(const char *s)
{
    uint64_t w;

    memcpy(&w, s, sizeof w);
    return (w & 0x8080808080808080u) != 0;
}

/* All of the eight bytes from s printable ASCII (0x20 to 0x7e): none
 * below 0x20 (a borrow reaches the top bit), none from 0x7f (adding one
 * reaches it). */
static inline bool
utf8_printable8(const char *s)
{
    const uint64_t ones = 0x0101010101010101u, tops = 0x8080808080808080u;
    uint64_t w;

    memcpy(&w, s, sizeof w);
    return (((w - 0x20 * ones) & ~w) | w | (w + ones)) & tops ? false : true;
}

bool
utf8_valid(const char *s, size_t n, size_t *bad)
{
    size_t i = 0, len;
    int32_t c;

    while (i < n) {
        while (i + 8 <= n && !utf8_high8(s + i))
            i += 8;
        if (i >= n)
            break;
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        len = utf8_seq((const unsigned char *)s + i, n - i, &c);
        if (len == 0) {
            if (bad != NULL)
                *bad = i;
            return false;
        }
        i += len;
    }
    return true;
}

bool
utf8_is_word(int32_t c)
{
    utf8proc_category_t cat;

    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               (c >= '0' && c <= '9');
    cat = utf8proc_category(c);
    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
           (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO) ||
           (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME);
}

bool
utf8_is_upper(int32_t c)
{
    utf8proc_category_t cat;

    if (c < 0)
        return false;
    cat = utf8proc_category(c);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

/* Skips an escape sequence starting at s[i] (ESC or a C1 introducer) and
 * returns the offset after it. */
static size_t
utf8_skip_escape(const char *s, size_t n, size_t i, int32_t intro)
{
    int32_t kind = intro;

    if (intro == 0x1b) {
        if (i >= n)
            return i;
        kind = (unsigned char)s[i];
        /* ESC before text (or before another ESC) escapes nothing: drop
         * the ESC alone and keep what follows. */
        if (kind < 0x20 || kind > 0x7e)
            return i;
        i++;
        switch (kind) {
        case '[': kind = 0x9b; break;
        case ']': kind = 0x9d; break;
        case 'P': kind = 0x90; break;
        case 'X': case '^': case '_': kind = 0x9e; break;
        default:
            /* Two-byte escapes, possibly with intermediate bytes. */
            while (i < n && kind >= 0x20 && kind <= 0x2f)
                kind = (unsigned char)s[i++];
            return i;
        }
    }
    if (kind == 0x9b) {
        /* CSI: parameter and intermediate bytes, then one final byte; a
         * byte outside those ends the sequence and is kept. */
        while (i < n) {
            unsigned char c = (unsigned char)s[i];
            if (c >= 0x40 && c <= 0x7e) {
                i++;
                break;
            }
            if (c < 0x20 || c > 0x3f)
                break;
            i++;
        }
        return i;
    }
    /* OSC, DCS, SOS, PM, APC: up to BEL or ST (ESC \ or 0x9c). */
    while (i < n) {
        int32_t c = utf8_decode(s, n, &i);
        if (c == 0x07 || c == 0x9c)
            return i;
        if (c == 0x1b) {
            if (i < n && s[i] == '\\')
                i++;
            return i;
        }
    }
    return i;
}

/* True for the code points that sanitizing drops or rewrites: controls,
 * and bidi overrides that could reorder the line. */
static bool
utf8_unsafe(int32_t c)
{
    return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 ||
           c == 0x2029 || c == 0x200e || c == 0x200f ||
           (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* Where the run of text that sanitizing keeps as it is ends: printable
 * ASCII (and newlines when they are kept), and valid UTF-8 of no control
 * or bidi character. */
static size_t
utf8_safe_run(const char *s, size_t n, size_t i, bool keep_newlines)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t len;
    int32_t c;

    while (i < n) {
        unsigned char b;
        while (i + 8 <= n && utf8_printable8(s + i))
            i += 8;
        if (i >= n)
            break;
        b = u[i];
        if (b >= 0x20 && b < 0x7f) {
            i++;
            continue;
        }
        if (b == '\n' && keep_newlines) {
            i++;
            continue;
        }
        if (b < 0x80)
            break;
        len = utf8_seq(u + i, n - i, &c);
        if (len == 0 || utf8_unsafe(c))
            break;
        i += len;
    }
    return i;
}

void
utf8_sanitize(struct buf *out, const char *s, size_t n, bool keep_newlines)
{
    size_t i = 0;

    while (i < n) {
        size_t j = utf8_safe_run(s, n, i, keep_newlines);
        int32_t c;

        if (j > i) {
            buf_append(out, s + i, j - i);
            i = j;
            continue;
        }
        c = utf8_decode(s, n, &i);
        if (c < 0) {
            buf_append(out, "\xef\xbf\xbd", 3);     /* U+FFFD */
        } else if (c == '\t' || c == '\n' || c == '\r') {
            buf_putc(out, ' ');
        } else if (c == 0x1b || c == 0x9b) {
            /* 7-bit sequences lose their payload too. A C1 string
             * introducer (U+009D...) is dropped alone: in text it is far
             * more often mojibake of a curly quote than an attack, and
             * without it what follows is only text. */
            i = utf8_skip_escape(s, n, i, c);
        }
        /* Else a control or a bidi override that could reorder the line:
         * dropped. */
    }
}

static size_t
utf8_char_width(int32_t c)
{
    int w = utf8proc_charwidth(c);

    return w > 0 ? (size_t)w : 0;
}

size_t
utf8_put_visible(struct buf *out, const char *s, size_t n, size_t *i)
{
    int32_t c = utf8_decode(s, n, i);

    if (c >= 0 && c < 0x20) {
        utf8_encode(out, 0x2400 + c);   /* a Control Picture: U+240A for \n */
        return 1;
    }
    if (c == 0x7f) {
        utf8_encode(out, 0x2421);
        return 1;
    }
    if (c < 0 || utf8_unsafe(c)) {
        buf_append(out, "\xef\xbf\xbd", 3);     /* U+FFFD */
        return 1;
    }
    utf8_encode(out, c);
    return utf8_char_width(c);
}

size_t
utf8_cwidth(int32_t c)
{
    return c < 0 ? 1 : utf8_char_width(c);
}

size_t
utf8_width(const char *s, size_t n)
{
    struct buf clean = {0};
    size_t i = 0, w = 0;

    utf8_sanitize(&clean, s, n, false);
    while (i < clean.len)
        w += utf8_char_width(utf8_decode(clean.data, clean.len, &i));
    buf_free(&clean);
    return w;
}

size_t
utf8_fit(struct buf *out, const char *s, size_t n, size_t cols)
{
    struct buf clean = {0};
    size_t i = 0, w = 0, total;

    utf8_sanitize(&clean, s, n, false);
    total = 0;
    while (i < clean.len)
        total += utf8_char_width(utf8_decode(clean.data, clean.len, &i));
    if (total <= cols) {
        buf_append(out, clean.data ? clean.data : "", clean.len);
        buf_free(&clean);
        return total;
    }
    i = 0;
    while (i < clean.len && cols > 0) {
        size_t at = i;
        int32_t c = utf8_decode(clean.data, clean.len, &i);
        size_t cw = utf8_char_width(c);
        if (w + cw + 1 > cols) {
            i = at;
            break;
        }
        w += cw;
    }
    buf_append(out, clean.data ? clean.data : "", i);
    if (cols > 0) {
        buf_puts(out, "\xe2\x80\xa6");
        w++;
    }
    buf_free(&clean);
    return w;
}

/* Curly quotes and apostrophes, and the dashes, made plain for matching. */
static int32_t
utf8_fold_punct(int32_t c)
{
    switch (c) {
    case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032:
        return '\'';
    case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033:
    case 0x00ab: case 0x00bb:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
        return '-';
    default:
        return c;
    }
}

/* Where utf8_fold stands in its output: a space is owed before the next
 * character when one was seen after some text. */
struct utf8_folding {
    struct buf *out;
    bool space, any;
};

static void
utf8_fold_put(struct utf8_folding *f, int32_t c)
{
    if (c == ' ' || (c >= 0x80 &&
                     utf8proc_category(c) == UTF8PROC_CATEGORY_ZS)) {
        f->space = f->any;
        return;
    }
    if (f->space)
        buf_putc(f->out, ' ');
    f->space = false;
    f->any = true;
    if (c < 0x80)
        buf_putc(f->out, (char)c);
    else
        utf8_encode(f->out, utf8_fold_punct(c));
}

/* Folds sanitized printable ASCII: case folding and NFKC leave it ASCII,
 * with capitals made small. Written in place: each space out stands for
 * one in, but for the one that may be owed from before. */
static void
utf8_fold_ascii(struct utf8_folding *f, const char *s, size_t n)
{
    struct buf *out = f->out;
    bool space = f->space, any = f->any;
    size_t i, w;
    char *d;

    buf_reserve(out, n + 1);
    d = out->data;
    w = out->len;
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ') {
            space = any;
            continue;
        }
        if (space)
            d[w++] = ' ';
        space = false;
        any = true;
        d[w++] = c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
    }
    d[w] = '\0';
    out->len = w;
    f->space = space;
    f->any = any;
}

/* Folds s[0..n) with utf8proc. Returns false when utf8proc fails. */
static bool
utf8_fold_map(struct utf8_folding *f, const char *s, size_t n, int opts)
{
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t len;
    size_t i = 0;

    len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
                       &mapped, (utf8proc_option_t)opts);
    if (len < 0)
        return false;
    while (i < (size_t)len) {
        int32_t c = utf8_decode((const char *)mapped, (size_t)len, &i);
        if (c >= 0)
            utf8_fold_put(f, c);
    }
    free(mapped);
    return true;
}

void
utf8_fold(struct buf *out, const char *s, size_t n, bool strip_marks)
{
    struct buf clean = {0};
    struct utf8_folding f = {out, false, false};
    int opts = UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
               UTF8PROC_IGNORE | UTF8PROC_STRIPCC;
    size_t i = 0, j, k, was = out->len;
    const char *c;

    if (strip_marks)
        opts = (opts & ~UTF8PROC_COMPOSE) | UTF8PROC_DECOMPOSE |
               UTF8PROC_STRIPMARK;
    utf8_sanitize(&clean, s, n, false);
    c = clean.data;
    /* Normalization never joins an ASCII character to what precedes it,
     * so the text folds in pieces cut before ASCII characters: ASCII
     * alone needs no utf8proc, and only an ASCII character followed by
     * other characters (which may be marks on it) goes through it. */
    while (i < clean.len) {
        j = i;
        while (j < clean.len && (unsigned char)c[j] < 0x80)
            j++;
        if (j == clean.len) {
            utf8_fold_ascii(&f, c + i, j - i);
            break;
        }
        k = j;
        while (k < clean.len && (unsigned char)c[k] >= 0x80)
            k++;
        if (j > i)
            j--;
        utf8_fold_ascii(&f, c + i, j - i);
        if (!utf8_fold_map(&f, c + j, k - j, opts)) {
            /* As if nothing had been folded. */
            out->len = was;
            if (out->data != NULL)
                out->data[was] = '\0';
            break;
        }
        i = k;
    }
    buf_free(&clean);
}

bool
utf8_fold_equal(const char *s, size_t n, const char *key, size_t keylen)
{
    const unsigned char *u = (const unsigned char *)s;
    struct buf f = {0};
    bool space = false, any = false, same;
    size_t i, k = 0;

    /* Printable ASCII passes sanitizing as it is and folds as in
     * utf8_fold_ascii, so a start of it is compared as it folds, copying
     * nothing. The fold of the whole begins with the fold of that start
     * but for its last character, which may join a mark that follows:
     * a difference before it is final; one there, or what follows, is
     * settled by folding the whole. (An empty key may yet match: a fold
     * utf8proc fails is empty.) */
    for (i = 0; i < n && u[i] >= 0x20 && u[i] < 0x7f; i++) {
        char c = s[i];

        if (c == ' ') {
            space = any;
            continue;
        }
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + ('a' - 'A'));
        if ((space && (k == keylen || key[k++] != ' ')) || k == keylen ||
            key[k++] != c) {
            if (i + 1 == n ||
                (keylen > 0 && u[i + 1] >= 0x20 && u[i + 1] < 0x7f))
                return false;
            break;
        }
        space = false;
        any = true;
    }
    if (i == n)
        return k == keylen;
    utf8_fold(&f, s, n, false);
    same = f.len == keylen && (keylen == 0 || memcmp(f.data, key, keylen) == 0);
    buf_free(&f);
    return same;
}
