/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_TAP_H
#define QUOTH_TAP_H

/*
 * A tiny Test Anything Protocol producer for the unit tests: one line per
 * assertion ("ok 3 - what was checked"), diagnostics as "# " lines, and the
 * plan "1..N" at the end. Strings in diagnostics are printed with C escapes
 * so that the TAP stream itself never carries a control byte.
 */

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static int tap_count;
static int tap_failed;

/* Prints s[0..n) (or null) quoted, with C escapes for what is not ASCII
 * text. */
static inline void
tap_put_quoted(const char *s, size_t n)
{
    size_t i;

    if (s == NULL) {
        fputs("(null)", stdout);
        return;
    }
    putchar('"');
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c == '\n')
            fputs("\\n", stdout);
        else if (c == '\t')
            fputs("\\t", stdout);
        else if (c < 0x20 || c == 0x7f)
            printf("\\x%02x", c);
        else
            putchar(c);
    }
    putchar('"');
}

static inline bool
tap_vok(bool cond, const char *fmt, va_list ap)
{
    tap_count++;
    if (!cond)
        tap_failed++;
    printf("%sok %d - ", cond ? "" : "not ", tap_count);
    vprintf(fmt, ap);
    putchar('\n');
    fflush(stdout);
    return cond;
}

/* One assertion: prints "ok N - what" or "not ok N - what". Returns cond. */
static inline bool __attribute__((format(printf, 2, 3)))
ok(bool cond, const char *fmt, ...)
{
    va_list ap;
    bool r;

    va_start(ap, fmt);
    r = tap_vok(cond, fmt, ap);
    va_end(ap);
    return r;
}

/* A diagnostic line. */
static inline void __attribute__((format(printf, 1, 2)))
diag(const char *fmt, ...)
{
    va_list ap;

    fputs("# ", stdout);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
}

static inline bool
tap_vis_strn(const char *got, size_t gotlen, const char *want,
             const char *fmt, va_list ap)
{
    bool same;

    if (got == NULL || want == NULL)
        same = got == want;
    else
        same = gotlen == strlen(want) && memcmp(got, want, gotlen) == 0;
    if (tap_vok(same, fmt, ap))
        return true;
    fputs("#   got: ", stdout);
    tap_put_quoted(got, got ? gotlen : 0);
    fputs("\n#  want: ", stdout);
    tap_put_quoted(want, want ? strlen(want) : 0);
    putchar('\n');
    return false;
}

/* Compares got[0..gotlen) with the string want; NULL matches only NULL. */
static inline bool __attribute__((format(printf, 4, 5)))
is_strn(const char *got, size_t gotlen, const char *want, const char *fmt,
        ...)
{
    va_list ap;
    bool r;

    va_start(ap, fmt);
    r = tap_vis_strn(got, gotlen, want, fmt, ap);
    va_end(ap);
    return r;
}

/* Compares two NUL-terminated strings; NULL matches only NULL. */
static inline bool __attribute__((format(printf, 3, 4)))
is_str(const char *got, const char *want, const char *fmt, ...)
{
    va_list ap;
    bool r;

    va_start(ap, fmt);
    r = tap_vis_strn(got, got ? strlen(got) : 0, want, fmt, ap);
    va_end(ap);
    return r;
}

/* Compares text[start..end) with want, after checking the range lies in
 * text[0..len). */
static inline bool __attribute__((format(printf, 6, 7)))
is_span(const char *text, size_t len, size_t start, size_t end,
        const char *want, const char *fmt, ...)
{
    va_list ap;
    bool inside = start <= end && end <= len;
    bool same = inside && end - start == strlen(want) &&
                memcmp(text + start, want, end - start) == 0;
    bool r;

    va_start(ap, fmt);
    r = tap_vok(same, fmt, ap);
    va_end(ap);
    if (!r && !inside) {
        diag("  range [%zu, %zu) is outside the text (%zu bytes)", start,
             end, len);
    } else if (!r) {
        fputs("#   got: ", stdout);
        tap_put_quoted(text + start, end - start);
        fputs("\n#  want: ", stdout);
        tap_put_quoted(want, strlen(want));
        putchar('\n');
    }
    return r;
}

static inline bool __attribute__((format(printf, 3, 4)))
is_size(size_t got, size_t want, const char *fmt, ...)
{
    va_list ap;
    bool r;

    va_start(ap, fmt);
    r = tap_vok(got == want, fmt, ap);
    va_end(ap);
    if (!r)
        diag("  got: %zu, want: %zu", got, want);
    return r;
}

static inline bool __attribute__((format(printf, 3, 4)))
is_long(long got, long want, const char *fmt, ...)
{
    va_list ap;
    bool r;

    va_start(ap, fmt);
    r = tap_vok(got == want, fmt, ap);
    va_end(ap);
    if (!r)
        diag("  got: %ld, want: %ld", got, want);
    return r;
}

/* A test not run: counts as passed, says why. */
static inline void
tap_skip(const char *name, const char *why)
{
    tap_count++;
    printf("ok %d - %s # SKIP %s\n", tap_count, name, why);
    fflush(stdout);
}

/* Prints the plan; returns the exit status (0 when all passed). */
static inline int
tap_done(void)
{
    printf("1..%d\n", tap_count);
    if (tap_failed > 0)
        diag("failed %d of %d", tap_failed, tap_count);
    fflush(stdout);
    return tap_failed > 0;
}

#endif
