// SPDX-License-Identifier: MIT
/*
 * The index: records in, an SQLite (FTS5) file out. For now only the check
 * that the SQLite at hand can hold it; the store itself is the issue "The
 * index".
 */
#include "index.h"

#include <sqlite3.h>
#include <stddef.h>

#include "error.h"

int
index_check_sqlite(struct q_error *err)
{
    sqlite3 *db = NULL;
    int rc = -1;

    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL) !=
        SQLITE_OK) {
        q_error_set(err, "SQLite %s cannot open a database in memory",
                    sqlite3_libversion());
        goto out;
    }
    /* Creating a table is the one test that cannot be fooled by options. */
    if (sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x)", NULL, NULL,
                     NULL) != SQLITE_OK) {
        q_error_set(err, "SQLite %s was built without FTS5, which the index "
                    "needs", sqlite3_libversion());
        goto out;
    }
    rc = 0;
out:
    sqlite3_close(db);
    return rc;
}

const char *
index_sqlite_version(void)
{
    return sqlite3_libversion();
}
