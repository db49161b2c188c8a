/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_UI_TIMELINE_H
#define QUOTH_UI_TIMELINE_H

#include <stdbool.h>
#include <stdint.h>

/* The browser's timeline (i): the quotes of the current results as a bar
 * per month, or per year when they span more than three years, empty
 * periods included and undated quotes as one bar "no date"; the counts
 * come from index_timeline, bounded, and show "≥" when it was cut short.
 * Enter on a bar gives the filter term of its period. */

struct timeline;

struct timeline *timeline_new(void);
void timeline_free(struct timeline *t);
/* index_timeline's row(): a month ("YYYY-MM", or NULL: no date) and how
 * many quotes; ctx is the timeline. */
void timeline_add(void *ctx, const char *month, int64_t count);
/* After the last row: cut when the counts are lower bounds. Groups by
 * year when the months span more than 36. */
void timeline_done(struct timeline *t, bool cut);
/* Draws the timeline of query (its text, for the title) on stdscr. */
void timeline_draw(struct timeline *t, const char *query);
/* A key: 1 for Enter on a bar (see timeline_term), -1 for back (q, h,
 * Left, Esc), 0 otherwise. */
int timeline_key(struct timeline *t, int c);
/* The filter term of the bar under the cursor ("date:2024-03",
 * "date:2024"), or NULL for the undated bar. Caller frees. */
char *timeline_term(const struct timeline *t);

#endif
