/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_INDEX_H
#define QUOTH_INDEX_H

/* The quote index lives in SQLite with FTS5; this module is the only one
 * that talks to SQLite. */

/* Checks that the SQLite quoth runs with has FTS5. Returns 0, or -1 with
 * err filled ("SQLite 3.x.y was built without FTS5 ..."). */
struct q_error;
int index_check_sqlite(struct q_error *err);
/* The SQLite library's version, for `quoth version`. Static. */
const char *index_sqlite_version(void);

#endif
