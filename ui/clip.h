/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_UI_CLIP_H
#define QUOTH_UI_CLIP_H

#include <stddef.h>

/* Copies data[0..n) to the clipboard (ux.md 5.2): always OSC 52 to the
 * terminal (it works over SSH), and the first of wl-copy (when
 * WAYLAND_DISPLAY is set), xclip or xsel (DISPLAY), `tmux load-buffer`
 * (TMUX) that takes it, each run without a shell and killed after 2 s;
 * when none does, the file $XDG_STATE_HOME/quoth/clip.txt (default
 * ~/.local/state). Fills how with every way it went ("via OSC 52 and tmux
 * buffer", "via OSC 52 and to PATH"), a tool that timed out, and a
 * warning above the OSC 52 length terminals are known to drop. Returns
 * 0, or -1 when nothing took it. */
int clip_copy(const char *data, size_t n, char *how, size_t howsize);

#endif
