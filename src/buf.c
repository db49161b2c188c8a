// SPDX-License-Identifier: MIT
/*
 * Growable byte buffers: for building article bodies, output lines and
 * error messages without fixed-size format buffers.
 */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

void
buf_reserve(struct buf *b, size_t need)
{
    size_t cap = b->cap ? b->cap : 64;

    if (b->len + need + 1 <= b->cap)
        return;
    while (cap < b->len + need + 1)
        cap *= 2;
    b->data = xreallocarray(b->data, cap, 1);
    b->cap = cap;
}

void
buf_append(struct buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    if (n > 0)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
    buf_append(b, s, strlen(s));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void
buf_reset(struct buf *b)
{
    b->len = 0;
    if (b->data != NULL)
        b->data[0] = '\0';
}

char *
buf_take(struct buf *b)
{
    char *p = b->data ? b->data : xstrdup("");

    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void
buf_free(struct buf *b)
{
    if (b == NULL)
        return;
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
