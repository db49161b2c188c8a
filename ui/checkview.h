/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_UI_CHECKVIEW_H
#define QUOTH_UI_CHECKVIEW_H

#include <curses.h>
#include <stdbool.h>

/* The browser's answer screens (ux.md 7.1-7.3): the matches of a claimed
 * quote (X) or the variants of a quote (v), as check_run and
 * check_variants make them, drawn with attributes (never SGR strings),
 * one selected; the browser jumps to the selected one's quote. */

struct check_result;
struct checkview;

/* The attributes of what the screens show; the browser's colours. */
struct checkview_style {
    attr_t speaker, dim, dropped, added, title, mark;
};

/* What a key asks the browser to do. */
enum checkview_do {
    CHECKVIEW_STAY,     /* redraw */
    CHECKVIEW_BACK,     /* back to the list */
    CHECKVIEW_QUIT,     /* quit quoth */
    CHECKVIEW_JUMP,     /* go to the selected match (checkview_id) */
};

/* A view of r, which it takes (check_result_free on checkview_free). */
struct checkview *checkview_new(struct check_result *r);
void checkview_free(struct checkview *v);
/* Draws the view on the whole of stdscr. */
void checkview_draw(struct checkview *v, const struct checkview_style *st);
/* Handles key c. */
enum checkview_do checkview_key(struct checkview *v, int c);
/* Selects the match drawn on screen line y (a mouse click). Returns
 * whether one is drawn there. */
bool checkview_click(struct checkview *v, int y);
/* Scrolls the selection by delta matches (the mouse wheel). */
void checkview_move(struct checkview *v, long delta);
/* Selects the match of quote id, when there is one. */
void checkview_select(struct checkview *v, const char *id);
/* The selected match's quote id, or NULL when there is none. Borrowed. */
const char *checkview_id(const struct checkview *v);

#endif
