/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_GROUP_H
#define QUOTH_GROUP_H

/* Variant groups (issue 8): which quotes of the index say the same or
 * nearly the same words, kept up to date as the writer stores and drops
 * quotes, for `quoth variants`, is:conflict and the speaker card's
 * conflicts. group.c says what a group is. */

#include <stddef.h>

struct index;
struct q_error;

/* The grouper, for index_set_grouper (ctx unused): settles the groups
 * that lost a quote, then groups up to max waiting quotes. Returns how
 * many it grouped, or -1 with err filled. */
long group_run(void *ctx, struct index *ix, size_t max, struct q_error *err);

#endif
