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

/* For index_set_grouper (ctx unused): settles the groups that lost a
 * quote, then groups up to max quotes stored since (the same words join
 * a group, other quotes start one). Returns how many, or -1 with err
 * filled. */
long group_store(void *ctx, struct index *ix, size_t max,
                 struct q_error *err);
/* For index_group_catch_up at the end of a run: links up to max quotes
 * that started a group to their near variants (merging groups). Returns
 * how many, or -1. */
long group_link(void *ctx, struct index *ix, size_t max,
                struct q_error *err);

#endif
