/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_UI_CONFIG_H
#define QUOTH_UI_CONFIG_H

#include <curses.h>
#include <stdbool.h>
#include <stdio.h>

/* The browser's settings file, $XDG_CONFIG_HOME/quoth/config (ux.md
 * 5.2): `mouse = on|off` and `color ELEMENT FG BG [ATTR...]` lines, with
 * the terminal's own 8 or 16 colours (names, or `default`) and attributes
 * added to the element's own. Meaning is carried by the attributes, so
 * that without colour (NO_COLOR, --color=never) nothing is lost. */

/* The elements a colour line names: name, enum, its own attributes, its
 * colour by default (-1: the terminal's). */
#define UI_ELEMENTS(X)                                          \
    X("selection", UI_SELECTION, A_REVERSE, -1)                 \
    X("speaker", UI_SPEAKER, A_BOLD, COLOR_CYAN)                \
    X("cue", UI_CUE, A_UNDERLINE, -1)                           \
    X("hit", UI_HIT, A_BOLD | A_UNDERLINE, COLOR_YELLOW)        \
    X("mark", UI_MARK, A_NORMAL, -1)                            \
    X("status", UI_STATUS, A_REVERSE, -1)                       \
    X("title", UI_TITLE, A_BOLD, -1)                            \
    X("quote", UI_QUOTE, A_NORMAL, COLOR_GREEN)                 \
    X("details", UI_DETAILS, A_NORMAL, COLOR_BLUE)              \
    X("error", UI_ERROR, A_BOLD, COLOR_RED)                     \
    X("dropped", UI_DROPPED, A_REVERSE, COLOR_RED)              \
    X("added", UI_ADDED, A_UNDERLINE, COLOR_GREEN)

enum ui_element {
#define X(name, e, attrs, fg) e,
    UI_ELEMENTS(X)
#undef X
    UI_NELEMENTS
};

struct ui_config {
    bool mouse_off;
    struct {
        short fg, bg;       /* -1: the terminal's default */
        attr_t attrs;       /* added to the element's own */
    } el[UI_NELEMENTS];
    int errors;             /* bad lines skipped */
    char first_error[256];  /* the first one's message */
};

/* The defaults, then path's lines (NULL: $XDG_CONFIG_HOME/quoth/config,
 * else ~/.config/quoth/config; a missing file is no error). Each bad
 * line is written to err as "quoth: PATH:LINE: what is wrong" and
 * skipped. */
void ui_config_read(struct ui_config *c, const char *path, FILE *err);
/* Makes the colour pairs (after start_color), from pair number base on,
 * one an element. */
void ui_config_pairs(const struct ui_config *c, short base);
/* The element's attributes: its own and the configured ones, with its
 * colour pair (from base) when color. */
attr_t ui_config_attr(const struct ui_config *c, enum ui_element e,
                      short base, bool color);

#endif
