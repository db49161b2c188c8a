/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_RX_H
#define QUOTH_RX_H

#include <stdbool.h>
#include <stddef.h>

/* Patterns a person types (a query's /regex/, 'substring and 'word'),
 * compiled and run by PCRE2 under fixed limits: a pattern is at most
 * RX_MAX_PATTERN bytes, and a match that needs more than RX_MATCH_LIMIT
 * steps, RX_DEPTH_LIMIT of backtracking depth or RX_HEAP_LIMIT KiB of
 * memory stops with RX_TOO_COMPLEX instead of running on. The only module
 * that includes pcre2.h. */

#define RX_MAX_PATTERN 1000
#define RX_MATCH_LIMIT 200000
#define RX_DEPTH_LIMIT 10000
#define RX_HEAP_LIMIT 8192      /* KiB */

/* What a pattern is. */
#define RX_LITERAL 0x1u   /* the bytes themselves, no metacharacters */
#define RX_WORD    0x2u   /* with RX_LITERAL: as a whole word only */
#define RX_CASELESS 0x4u  /* ignore case (see rx_smart_caseless) */

/* What is wrong with a pattern, and the byte offset in it where. */
struct rx_error {
    char msg[160];
    size_t offset;
};

struct rx;

/* Smart case: true (ignore case) unless the pattern has an upper-case
 * letter; in a regex (literal false), a letter right after a backslash
 * (\S, \W) or inside \p{...} does not count. */
bool rx_smart_caseless(const char *pat, size_t n, bool literal);

/* Compiles pat[0..n) as UTF-8 with Unicode properties. Returns NULL with
 * err filled (PCRE2's message and offset, or "pattern longer than ..."). */
struct rx *rx_compile_user(const char *pat, size_t n, unsigned flags,
                           struct rx_error *err);
void rx_free(struct rx *rx);

#define RX_TOO_COMPLEX (-1)     /* a match, depth or heap limit was hit */
#define RX_FAILED (-2)          /* any other PCRE2 error */

/* Looks for rx in s[0..n) from byte from on. Returns 1 with the match in
 * [*so, *eo), 0 when there is none, or RX_TOO_COMPLEX or RX_FAILED.
 * Invalid UTF-8 in s never matches and is never an error. Not for two
 * threads at once on the same rx. */
int rx_find(struct rx *rx, const char *s, size_t n, size_t from, size_t *so,
            size_t *eo);

#endif
