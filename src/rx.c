// SPDX-License-Identifier: MIT
/*
 * User patterns: the text of a query's /regex/, 'substring or 'word' in,
 * a compiled PCRE2 pattern out, and matches found under hard limits, so
 * that a hostile pattern ends as "too complex" and never as a hang.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "rx.h"

#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "xmalloc.h"

/* PCRE2 allocates through xmalloc: out of memory is fatal in one place. */
static void *
rx_alloc(PCRE2_SIZE size, void *data)
{
    (void)data;
    return xmalloc(size > 0 ? size : 1);
}

static void
rx_release(void *p, void *data)
{
    (void)data;
    free(p);
}

struct rx {
    pcre2_code *code;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    pcre2_general_context *gctx;
};

bool
rx_smart_caseless(const char *pat, size_t n, bool literal)
{
    size_t i = 0;

    while (i < n) {
        if (!literal && pat[i] == '\\') {
            i += 2;
            /* \p{Lu} and \P{Lu} name a property, not a letter */
            if (i - 1 < n && (pat[i - 1] == 'p' || pat[i - 1] == 'P') &&
                i < n && pat[i] == '{')
                while (i < n && pat[i] != '}')
                    i++;
            continue;
        }
        int32_t c = utf8_decode(pat, n, &i);
        if (utf8_is_upper(c))
            return false;
    }
    return true;
}

/* Appends s[0..n) with every ASCII character that could be a
 * metacharacter behind a backslash: PCRE2 takes an escaped non-alphanumeric
 * character as itself. */
static void
rx_quote(struct buf *b, const char *s, size_t n)
{
    size_t k;

    for (k = 0; k < n; k++) {
        unsigned char c = (unsigned char)s[k];
        if (c < 0x80 && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                          (c >= 'A' && c <= 'Z')))
            buf_putc(b, '\\');
        buf_putc(b, (char)c);
    }
}

struct rx *
rx_compile_user(const char *pat, size_t n, unsigned flags,
                struct rx_error *err)
{
    static const char word[] = "[\\p{L}\\p{N}\\p{M}]";
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF |
                    PCRE2_NEVER_BACKSLASH_C;
    pcre2_compile_context *cctx = NULL;
    struct buf b = {0};
    struct rx *rx = NULL;
    PCRE2_SIZE off = 0;
    size_t bad;
    int code = 0;

    err->msg[0] = '\0';
    err->offset = 0;
    if (n > RX_MAX_PATTERN) {
        snprintf(err->msg, sizeof err->msg,
                 "pattern longer than %d bytes", RX_MAX_PATTERN);
        err->offset = RX_MAX_PATTERN;
        return NULL;
    }
    if (!utf8_valid(pat, n, &bad)) {
        snprintf(err->msg, sizeof err->msg, "invalid UTF-8 in the pattern");
        err->offset = bad;
        return NULL;
    }
    if (flags & RX_CASELESS)
        opts |= PCRE2_CASELESS;
    if (flags & RX_LITERAL) {
        if (flags & RX_WORD)
            buf_printf(&b, "(?<!%s)", word);
        rx_quote(&b, pat, n);
        if (flags & RX_WORD)
            buf_printf(&b, "(?!%s)", word);
    } else {
        buf_append(&b, pat, n);
    }
    rx = xcalloc(1, sizeof *rx);
    rx->gctx = pcre2_general_context_create(rx_alloc, rx_release, NULL);
    cctx = pcre2_compile_context_create(rx->gctx);
    if (rx->gctx == NULL || cctx == NULL)
        abort();    /* cannot happen: xmalloc does not return NULL */
    pcre2_set_parens_nest_limit(cctx, 64);
    rx->code = pcre2_compile((PCRE2_SPTR)(b.data ? b.data : ""), b.len, opts,
                             &code, &off, cctx);
    pcre2_compile_context_free(cctx);
    if (rx->code == NULL) {
        PCRE2_UCHAR msg[120];
        if (pcre2_get_error_message(code, msg, sizeof msg) < 0)
            snprintf((char *)msg, sizeof msg, "error %d", code);
        snprintf(err->msg, sizeof err->msg, "%s", (const char *)msg);
        /* A literal's own pattern is longer than what was typed. */
        err->offset = flags & RX_LITERAL ? 0 : (off > n ? n : (size_t)off);
        buf_free(&b);
        rx_free(rx);
        return NULL;
    }
    buf_free(&b);
    rx->md = pcre2_match_data_create_from_pattern(rx->code, rx->gctx);
    rx->mctx = pcre2_match_context_create(rx->gctx);
    if (rx->md == NULL || rx->mctx == NULL)
        abort();
    pcre2_set_match_limit(rx->mctx, RX_MATCH_LIMIT);
    pcre2_set_depth_limit(rx->mctx, RX_DEPTH_LIMIT);
    pcre2_set_heap_limit(rx->mctx, RX_HEAP_LIMIT);
    return rx;
}

void
rx_free(struct rx *rx)
{
    if (rx == NULL)
        return;
    pcre2_match_context_free(rx->mctx);
    pcre2_match_data_free(rx->md);
    pcre2_code_free(rx->code);
    pcre2_general_context_free(rx->gctx);
    free(rx);
}

int
rx_find(struct rx *rx, const char *s, size_t n, size_t from, size_t *so,
        size_t *eo)
{
    PCRE2_SIZE *ov;
    int rc;

    if (from > n)
        return 0;
    rc = pcre2_match(rx->code, (PCRE2_SPTR)s, n, from, 0, rx->md, rx->mctx);
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
        rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_NOMEMORY)
        return RX_TOO_COMPLEX;
    if (rc < 0)
        return RX_FAILED;
    ov = pcre2_get_ovector_pointer(rx->md);
    /* \K in a lookbehind can put the start after the end */
    if (ov[0] > ov[1] || ov[1] > n)
        return 0;
    *so = ov[0];
    *eo = ov[1];
    return 1;
}
