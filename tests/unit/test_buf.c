// SPDX-License-Identifier: MIT
/*
 * Unit tests of buf: a zeroed buffer, append, puts, putc, printf, reset
 * and take.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "tap.h"

static void
test_empty(void)
{
    struct buf b = {0};
    char *s;

    buf_append(&b, "", 0);
    ok(b.data != NULL && b.data[0] == '\0' && b.len == 0,
       "appending zero bytes to a zeroed buffer leaves it empty and "
       "NUL-terminated");
    buf_free(&b);

    s = buf_take(&b);
    is_str(s, "", "taking a never-used buffer gives an empty string, "
           "not NULL");
    free(s);

    buf_reset(&b);
    ok(b.data == NULL && b.len == 0,
       "resetting a never-used buffer is harmless");
    buf_free(&b);
    buf_free(NULL);
    ok(1, "buf_free accepts a zeroed buffer and NULL");
}

static void
test_append(void)
{
    struct buf b = {0};
    size_t i;

    buf_putc(&b, 'x');
    is_str(b.data, "x", "one byte with buf_putc");
    buf_append(&b, "abcdef", 3);
    is_str(b.data, "xabc", "buf_append copies only n bytes");
    is_size(b.len, 4, "the length counts the bytes appended");
    buf_append(&b, "a\0b", 3);
    is_size(b.len, 7, "buf_append copies NUL bytes inside the range");
    ok(b.data[7] == '\0' && memcmp(b.data + 4, "a\0b", 3) == 0,
       "embedded NUL kept and the buffer still terminated after it");
    buf_reset(&b);
    for (i = 0; i < 1000; i++)
        buf_puts(&b, "0123456789");
    is_size(b.len, 10000, "a thousand buf_puts calls grow the buffer to "
            "10000 bytes");
    ok(b.cap > b.len && b.data[b.len] == '\0' &&
       memcmp(b.data + 9990, "0123456789", 10) == 0,
       "after growing the contents are intact and terminated");
    buf_free(&b);
    ok(b.data == NULL && b.len == 0 && b.cap == 0,
       "buf_free leaves a zeroed buffer");
}

static void
test_printf(void)
{
    struct buf b = {0};
    char big[300];

    buf_printf(&b, "%s", "");
    is_size(b.len, 0, "printing an empty string appends nothing");
    buf_printf(&b, "%d-%s", 42, "x");
    is_str(b.data, "42-x", "buf_printf formats into an empty buffer");
    buf_printf(&b, " %zu", (size_t)7);
    is_str(b.data, "42-x 7", "buf_printf appends after what is there");
    memset(big, 'z', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    buf_printf(&b, "[%s]", big);
    is_size(b.len, 6 + 2 + 299, "buf_printf grows for a 301-byte result");
    ok(b.data[b.len - 1] == ']' && b.data[b.len] == '\0',
       "the long printf result ends where it should");
    buf_free(&b);
}

static void
test_reset_take(void)
{
    struct buf b = {0};
    char *s;
    size_t cap;

    buf_puts(&b, "hello");
    cap = b.cap;
    buf_reset(&b);
    is_str(b.data, "", "buf_reset empties the contents");
    ok(b.len == 0 && b.cap == cap && b.data != NULL,
       "buf_reset keeps the memory");
    buf_puts(&b, "again");
    s = buf_take(&b);
    is_str(s, "again", "buf_take hands over the contents");
    ok(b.data == NULL && b.len == 0 && b.cap == 0,
       "buf_take leaves the buffer empty");
    free(s);
    buf_puts(&b, "new");
    is_str(b.data, "new", "a taken buffer can be used again");
    buf_free(&b);
}

int
main(void)
{
    test_empty();
    test_append();
    test_printf();
    test_reset_take();
    return tap_done();
}
