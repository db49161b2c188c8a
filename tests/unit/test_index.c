// SPDX-License-Identifier: MIT
/*
 * Unit tests of index: the run-time check that SQLite has FTS5.
 */
#include <string.h>

#include "error.h"
#include "index.h"
#include "tap.h"

int
main(void)
{
    struct q_error err = {{0}};
    const char *v = index_sqlite_version();

    ok(v != NULL && strncmp(v, "3.", 2) == 0,
       "index_sqlite_version names SQLite 3 (%s)", v ? v : "NULL");
    ok(index_check_sqlite(&err) == 0,
       "the SQLite quoth links has FTS5 (Debian's does)");
    is_str(err.msg, "", "and the check leaves no error behind");
    return tap_done();
}
