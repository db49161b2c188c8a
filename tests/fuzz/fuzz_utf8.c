// SPDX-License-Identifier: MIT
/*
 * libFuzzer target for the terminal path: arbitrary bytes through
 * sanitize, width, fit and fold; the sanitized text must be valid UTF-8
 * without ESC.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    struct buf b = {0};
    size_t cols = size > 0 ? data[0] % 90 : 0;

    utf8_sanitize(&b, s, size, size % 2 == 0);
    if (b.len > 0 && (!utf8_valid(b.data, b.len, NULL) ||
                      memchr(b.data, 0x1b, b.len) != NULL))
        abort();
    buf_reset(&b);
    if (utf8_fit(&b, s, size, cols) > cols)
        abort();
    (void)utf8_width(s, size);
    buf_reset(&b);
    utf8_fold(&b, s, size, size % 3 == 0);
    buf_free(&b);
    return 0;
}
