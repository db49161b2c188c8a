/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_UI_HISTORY_H
#define QUOTH_UI_HISTORY_H

#include <stddef.h>

/* The browser's prompt history kept across runs: one file,
 * $XDG_STATE_HOME/quoth/history (else ~/.local/state/quoth/history), a
 * line per entry, "KIND<TAB>TEXT", oldest first. Best effort: a file
 * that cannot be read or written is no history, never an error. */

/* Calls put(ctx, kind, text) for each entry, oldest first. Both are
 * borrowed for the call. Returns how many entries the file has. */
size_t history_load(void (*put)(void *ctx, const char *kind, const char *text),
                  void *ctx);
/* Appends an entry (text without line breaks; others are dropped). */
void history_add(const char *kind, const char *text);
/* Empties the file (to write it again shorter). */
void history_clear(void);

#endif
