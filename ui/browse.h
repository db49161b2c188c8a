/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_UI_BROWSE_H
#define QUOTH_UI_BROWSE_H

#include <stdbool.h>

/* The browser (ux.md 5.1-5.3): the index at db in an ncursesw screen,
 * filtered by query (NULL or "" for every quote), the mouse on when
 * mouse (and the config does not turn it off), colour by color: 1
 * always, 0 never (attributes only), -1 unless NO_COLOR is set. Errors
 * before the screen opens go to stderr as one line. Returns an exit
 * status of CONVENTIONS.md: 0, 2 (the query does not parse), 4 (the
 * index). */
int browse_run(const char *db, const char *query, bool mouse, int color);

#endif
