/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_UI_CLIP_H
#define QUOTH_UI_CLIP_H

#include <stddef.h>

/* Copies data[0..n) to the clipboard (ux.md 5.2): OSC 52 to the terminal
 * first (it works over SSH), then wl-copy, xclip or xsel when a display
 * is set, or `tmux load-buffer` inside tmux, each run without a shell;
 * with none of those, the file $XDG_STATE_HOME/quoth/clip.txt. Fills how
 * with what was done ("via OSC 52 (...) and xclip"). Returns 0, or -1
 * when nothing took it. */
int clip_copy(const char *data, size_t n, char *how, size_t howsize);

#endif
