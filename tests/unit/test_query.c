// SPDX-License-Identifier: MIT
/*
 * query.h as the browser uses it, without an index: where a parse error
 * is (a byte offset), and how query_error_show lays the query out on one
 * line with the caret's display column, for accents, CJK, emoji, control
 * characters, bytes that are not UTF-8 and queries longer than the line.
 * The language itself is tested over an index by tests/query/table.sh.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "tap.h"

/* Parses text, which must fail at byte column with a message that has
 * msg in it. */
static void
check_error(const char *text, size_t column, const char *msg)
{
    struct query q;
    struct query_error err;
    int r = query_parse(text, &q, &err);

    ok(r == -1, "query_parse of \"%s\" fails", text);
    is_size(err.column, column, "the error in \"%s\" is at byte %zu", text,
            column);
    ok(strstr(err.msg, msg) != NULL, "its message (%s) says '%s'", err.msg,
       msg);
    if (r == 0)
        query_free(&q);
}

/* Shows text with the caret at byte column in width columns. */
static void
check_show(const char *text, size_t column, size_t width, const char *want,
           size_t caret, const char *what)
{
    struct buf b = {0};
    size_t got = query_error_show(&b, text, column, width);

    is_strn(b.data ? b.data : "", b.len, want, "%s: the line", what);
    is_size(got, caret, "%s: the caret's column", what);
    buf_free(&b);
}

static void
test_show(void)
{
    char longq[400];
    size_t k;

    check_show("", 0, 80, "", 0, "the empty query");
    check_show("speeker:x", 0, 80, "speeker:x", 0, "at the start");
    check_show("talks \"at", 9, 80, "talks \"at", 9, "at the end");
    check_show("talks \"at", 99, 80, "talks \"at", 9, "past the end");
    check_show("caf\xc3\xa9 x:", 6, 80, "caf\xc3\xa9 x:", 5,
               "after an accent (2 bytes, 1 column)");
    check_show("cafe\xcc\x81 x:", 7, 80, "cafe\xcc\x81 x:", 5,
               "after a combining accent (0 columns)");
    check_show("\xe6\x97\xa5\xe6\x9c\xac x:", 7, 80,
               "\xe6\x97\xa5\xe6\x9c\xac x:", 5,
               "after two CJK characters (2 columns each)");
    check_show("\xf0\x9f\x98\x80 x:", 5, 80, "\xf0\x9f\x98\x80 x:", 3,
               "after an emoji (2 columns)");
    check_show("a\tb\nc x:", 6, 80,
               "a\xe2\x90\x89" "b\xe2\x90\x8a" "c x:", 6,
               "a tab and a newline as Control Pictures, one column each");
    check_show("a\033[2Jb x:", 7, 80,
               "a\xe2\x90\x9b[2Jb x:", 7,
               "an escape sequence shown, not run");
    check_show("ab\xff x:", 3, 80, "ab\xef\xbf\xbd x:", 3,
               "a byte that is not UTF-8 as U+FFFD");
    check_show("a\xe2\x80\xae" "b x:", 5, 80, "a\xef\xbf\xbd" "b x:", 3,
               "a bidi override as U+FFFD");
    check_show("\xe6\x97\xa5x", 1, 80, "\xe6\x97\xa5x", 0,
               "an offset inside a character: that character");

    /* 100 words "wNN " and an error at word 60 */
    longq[0] = '\0';
    for (k = 0; k < 90; k++)
        snprintf(longq + strlen(longq), sizeof longq - strlen(longq),
                 "w%02zu ", k);
    {
        struct buf b = {0};
        size_t caret = query_error_show(&b, longq, 60 * 4, 40);
        size_t cols = 0, i = 0;
        while (i < b.len)
            cols += ((unsigned char)b.data[i++] & 0xc0) != 0x80;
        ok(cols <= 40, "a long query is cut to 40 columns (%zu)", cols);
        ok(b.len > 3 && memcmp(b.data, "\xe2\x80\xa6", 3) == 0 &&
           memcmp(b.data + b.len - 3, "\xe2\x80\xa6", 3) == 0,
           "with an ellipsis on each side");
        ok(caret >= 1 && caret + 3 <= cols &&
           memcmp(b.data + 2 + caret, "w60", 3) == 0,
           "the caret (%zu) is under w60", caret);
        buf_free(&b);
        b = (struct buf){0};
        caret = query_error_show(&b, longq, strlen(longq) - 1, 40);
        ok(b.len > 3 && memcmp(b.data, "\xe2\x80\xa6", 3) == 0 &&
           memcmp(b.data + b.len - 4, "w89 ", 4) == 0,
           "an error at the end: the end shown, the start cut");
        is_size(caret, 39, "and the caret under the last column");
        buf_free(&b);
        b = (struct buf){0};
        caret = query_error_show(&b, longq, 4, 40);
        ok(memcmp(b.data, "w00 ", 4) == 0, "an error near the start: "
           "the start shown");
        is_size(caret, 4, "and the caret under w01");
        buf_free(&b);
        b = (struct buf){0};
        caret = query_error_show(&b, longq, 4, SIZE_MAX);
        is_size(b.len, strlen(longq), "width SIZE_MAX: nothing cut");
        buf_free(&b);
    }
}

static void
test_errors(void)
{
    check_error("\xff", 0, "invalid UTF-8 (byte 0xff)");
    check_error("speaker:barrot caf\xc3", 18, "invalid UTF-8 (byte 0xc3)");
    check_error("speeker:x", 0, "did you mean 'speaker:'");
    check_error("\xe6\x97\xa5\xe6\x9c\xac speeker:x", 7,
                "unknown field 'speeker:'");
    check_error("talks \"at", 6, "unclosed quotation mark");
}

int
main(void)
{
    test_show();
    test_errors();
    return tap_done();
}
