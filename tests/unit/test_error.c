// SPDX-License-Identifier: MIT
/*
 * Unit tests of error: q_error_set and q_error_prefix, including messages
 * longer than the fixed buffer.
 */
#include <string.h>

#include "error.h"
#include "tap.h"

static void
test_set(void)
{
    struct q_error err;

    q_error_set(NULL, "ignored %d", 1);
    ok(1, "q_error_set accepts a NULL error");
    q_error_prefix(NULL, "ignored");
    ok(1, "q_error_prefix accepts a NULL error");

    memset(&err, 'x', sizeof err);
    q_error_set(&err, "%s", "");
    is_str(err.msg, "", "an empty message is an empty string");
    q_error_set(&err, "invalid UTF-8 (byte 0x%02x)", 0xff);
    is_str(err.msg, "invalid UTF-8 (byte 0xff)",
           "q_error_set formats the message");
    q_error_set(&err, "second");
    is_str(err.msg, "second", "q_error_set replaces the message");
}

static void
test_prefix(void)
{
    struct q_error err;

    q_error_set(&err, "invalid UTF-8");
    q_error_prefix(&err, "%s:%d", "corpus/x.html", 12);
    is_str(err.msg, "corpus/x.html:12: invalid UTF-8",
           "q_error_prefix puts \"prefix: \" before the message");
    q_error_prefix(&err, "quoth");
    is_str(err.msg, "quoth: corpus/x.html:12: invalid UTF-8",
           "prefixes stack, the last one first");
    q_error_set(&err, "%s", "");
    q_error_prefix(&err, "file");
    is_str(err.msg, "file: ", "a prefix before an empty message");
}

static void
test_long(void)
{
    struct q_error err;
    char big[2000], want[sizeof err.msg];
    struct {
        struct q_error e;
        char guard[16];
    } g;

    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    memset(g.guard, 'G', sizeof g.guard);
    q_error_set(&g.e, "%s", big);
    is_size(strlen(g.e.msg), sizeof g.e.msg - 1,
            "a 1999-byte message is cut to %zu bytes", sizeof g.e.msg - 1);
    ok(g.guard[0] == 'G' && g.guard[15] == 'G',
       "q_error_set writes nothing past the message buffer");

    q_error_set(&g.e, "tail");
    q_error_prefix(&g.e, "%s", big);
    is_size(strlen(g.e.msg), sizeof g.e.msg - 1,
            "a prefix longer than the buffer is cut to %zu bytes",
            sizeof g.e.msg - 1);
    ok(g.e.msg[0] == 'a' && g.guard[0] == 'G' && g.guard[15] == 'G',
       "the cut prefixed message starts with the prefix and stays in "
       "bounds");

    memset(big, 'b', sizeof err.msg - 1);
    big[sizeof err.msg - 1] = '\0';
    q_error_set(&err, "%s", big);
    q_error_prefix(&err, "p");
    memset(want, 'b', sizeof want);
    want[0] = 'p';
    want[1] = ':';
    want[2] = ' ';
    want[sizeof want - 1] = '\0';
    is_str(err.msg, want, "a prefix before a full message keeps the "
           "prefix and cuts the end");
}

int
main(void)
{
    test_set();
    test_prefix();
    test_long();
    return tap_done();
}
