/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_UI_TTY_H
#define QUOTH_UI_TTY_H

#include <stdbool.h>
#include <stddef.h>

/* Whether fd is a terminal that can show colour: a tty, TERM set and not
 * "dumb", and terminfo knows it. */
bool tty_color_capable(int fd);
/* The width of the terminal on fd in columns, or 0 when fd is not one. */
size_t tty_cols(int fd);

#endif
