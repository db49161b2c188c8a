/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_BUF_H
#define QUOTH_BUF_H

#include <stddef.h>

/* A growable byte buffer, always NUL-terminated after the first append. A
 * zeroed struct is an empty buffer. */
struct buf {
    char *data;
    size_t len;
    size_t cap;
};

void buf_append(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
/* Makes room for n more bytes and the NUL after them. */
void buf_reserve(struct buf *b, size_t n);

/* Appends one byte. Inline because readers build text a byte at a time. */
static inline void
buf_putc(struct buf *b, char c)
{
    if (b->len + 2 > b->cap)
        buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Empties the buffer and keeps its memory. */
void buf_reset(struct buf *b);
/* Returns the contents (never NULL) and leaves b empty. Caller frees. */
char *buf_take(struct buf *b);
void buf_free(struct buf *b);

#endif
