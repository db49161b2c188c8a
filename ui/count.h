/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_UI_COUNT_H
#define QUOTH_UI_COUNT_H

#include <stdbool.h>

/* Counting a query's matches off the interface thread: a thread with its
 * own connection to the index counts the latest query asked for, so that
 * a keystroke never waits for a count. */

struct counter;

/* Starts the counting thread on the index at path (opened to read).
 * Returns NULL when the index does not open (the browser then counts
 * nothing). */
struct counter *counter_new(const char *path);
/* Stops the thread (interrupting its count) and frees c. NULL is fine. */
void counter_free(struct counter *c);
/* A descriptor that becomes readable when a count is ready; the reader
 * calls counter_get to empty it. */
int counter_fd(const struct counter *c);
/* Asks for the number of quotes text matches; the count asked before is
 * dropped, and interrupted if it runs. */
void counter_ask(struct counter *c, const char *text);
/* 1 with *n the count of the latest text asked, 0 while it is counted,
 * -1 when it failed (a check too heavy for the data). */
int counter_get(struct counter *c, long *n);
/* Counts the total again (the index changed). */
void counter_recount(struct counter *c);
/* 1 with *n the number of quotes in the index, 0 while it is counted
 * (when the thread has nothing else to count, or with an empty query). */
int counter_total(struct counter *c, long *n);

#endif
