// SPDX-License-Identifier: MIT
/*
 * Errors: a fixed-size sentence filled by library code and printed by
 * main.c alone.
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

void
q_error_set(struct q_error *err, const char *fmt, ...)
{
    va_list ap;

    if (err == NULL)
        return;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
}

void
q_error_prefix(struct q_error *err, const char *fmt, ...)
{
    struct buf b = {0};
    va_list ap;
    int n;
    size_t len;

    if (err == NULL)
        return;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    b.data = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(b.data, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b.len = b.cap = (size_t)n;
    buf_puts(&b, ": ");
    buf_puts(&b, err->msg);
    /* The whole may not fit; a cut message still names the object. */
    len = b.len < sizeof err->msg - 1 ? b.len : sizeof err->msg - 1;
    memcpy(err->msg, b.data, len);
    err->msg[len] = '\0';
    buf_free(&b);
}
