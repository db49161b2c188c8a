// SPDX-License-Identifier: MIT
/*
 * The browser's settings: the config file's lines in; the mouse setting
 * and each element's colours and attributes out, or one error line per
 * bad line (the line skipped). Curses only for its colour and attribute
 * constants and the pairs.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"

static const struct {
    const char *name;
    attr_t attrs;
    short fg;
} ui_el_def[] = {
#define X(name, e, attrs, fg) {name, attrs, fg},
    UI_ELEMENTS(X)
#undef X
};
_Static_assert(sizeof ui_el_def / sizeof *ui_el_def == UI_NELEMENTS,
               "one default an element");

static const char *const ui_colors[] = {
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct {
    const char *name;
    attr_t attr;
} ui_attrs[] = {
    {"normal", A_NORMAL}, {"bold", A_BOLD}, {"dim", A_DIM},
    {"underline", A_UNDERLINE}, {"reverse", A_REVERSE},
    {"standout", A_STANDOUT}, {"blink", A_BLINK},
#ifdef A_ITALIC
    {"italic", A_ITALIC},
#endif
};

/* A colour: one of the 8 names, "bright" and one of them (8 to 15), or
 * "default". Returns 0, or -1. */
static int
ui_color(const char *s, short *c)
{
    size_t k;
    short add = 0;

    if (strcasecmp(s, "default") == 0) {
        *c = -1;
        return 0;
    }
    if (strncasecmp(s, "bright", 6) == 0) {
        s += 6;
        add = 8;
    }
    for (k = 0; k < sizeof ui_colors / sizeof *ui_colors; k++)
        if (strcasecmp(s, ui_colors[k]) == 0) {
            *c = (short)k + add;
            return 0;
        }
    return -1;
}

/* The names of the elements, for a message. */
static void
ui_element_names(struct buf *b)
{
    size_t k;

    for (k = 0; k < UI_NELEMENTS; k++)
        buf_printf(b, "%s%s", k ? ", " : "", ui_el_def[k].name);
}

/* Parses one line (comments and blank lines already gone). Returns 0, or
 * -1 with why filled. */
static int
ui_line(struct ui_config *c, char *line, struct buf *why)
{
    char *w[16], *save = NULL, *t;
    size_t n = 0, k, e;
    short fg, bg;
    attr_t attrs = 0;

    for (t = strtok_r(line, " \t=", &save); t != NULL && n < 16;
         t = strtok_r(NULL, " \t=", &save))
        w[n++] = t;
    if (n == 0)
        return 0;
    if (strcmp(w[0], "mouse") == 0) {
        if (n == 2 && (strcmp(w[1], "on") == 0 || strcmp(w[1], "off") == 0)) {
            c->mouse_off = strcmp(w[1], "off") == 0;
            return 0;
        }
        buf_puts(why, "mouse takes on or off ('mouse = off')");
        return -1;
    }
    if (strcmp(w[0], "color") != 0 && strcmp(w[0], "colour") != 0) {
        buf_printf(why, "unknown setting '%s' (mouse or color)", w[0]);
        return -1;
    }
    if (n < 4) {
        buf_puts(why, "color takes an element, a foreground and a "
                 "background ('color speaker cyan default bold')");
        return -1;
    }
    for (e = 0; e < UI_NELEMENTS; e++)
        if (strcmp(w[1], ui_el_def[e].name) == 0)
            break;
    if (e == UI_NELEMENTS) {
        buf_printf(why, "unknown element '%s' (one of ", w[1]);
        ui_element_names(why);
        buf_putc(why, ')');
        return -1;
    }
    for (k = 2; k < 4; k++)
        if (ui_color(w[k], k == 2 ? &fg : &bg) < 0) {
            buf_printf(why, "unknown colour '%s' (black, red, green, "
                       "yellow, blue, magenta, cyan, white, bright..., "
                       "default)", w[k]);
            return -1;
        }
    for (k = 4; k < n; k++) {
        size_t a;
        for (a = 0; a < sizeof ui_attrs / sizeof *ui_attrs; a++)
            if (strcmp(w[k], ui_attrs[a].name) == 0)
                break;
        if (a == sizeof ui_attrs / sizeof *ui_attrs) {
            buf_printf(why, "unknown attribute '%s' (bold, dim, "
                       "underline, reverse, standout, blink, italic, "
                       "normal)", w[k]);
            return -1;
        }
        attrs |= ui_attrs[a].attr;
    }
    c->el[e].fg = fg;
    c->el[e].bg = bg;
    c->el[e].attrs = attrs;
    return 0;
}

void
ui_config_read(struct ui_config *c, const char *path, FILE *err)
{
    struct buf p = {0}, why = {0};
    char *line = NULL;
    size_t cap = 0, k;
    long no = 0;
    FILE *fp;

    memset(c, 0, sizeof *c);
    for (k = 0; k < UI_NELEMENTS; k++) {
        c->el[k].fg = ui_el_def[k].fg;
        c->el[k].bg = -1;
    }
    if (path == NULL) {
        const char *x = getenv("XDG_CONFIG_HOME"), *h = getenv("HOME");
        if (x != NULL && x[0] == '/')
            buf_printf(&p, "%s/quoth/config", x);
        else if (h != NULL && h[0] == '/')
            buf_printf(&p, "%s/.config/quoth/config", h);
        else
            return;
        path = p.data;
    }
    fp = fopen(path, "r");
    if (fp == NULL) {
        if (errno != ENOENT) {
            fprintf(err, "quoth: %s: %s\n", path, strerror(errno));
            c->errors++;
            snprintf(c->first_error, sizeof c->first_error, "%s: %s",
                     path, strerror(errno));
        }
        buf_free(&p);
        return;
    }
    while (getline(&line, &cap, fp) > 0) {
        char *s = line, *hash;
        no++;
        if ((hash = strchr(s, '#')) != NULL)
            *hash = '\0';
        s[strcspn(s, "\r\n")] = '\0';
        while (*s == ' ' || *s == '\t')
            s++;
        if (*s == '\0')
            continue;
        buf_reset(&why);
        if (ui_line(c, s, &why) == 0)
            continue;
        fprintf(err, "quoth: %s:%ld: %s\n", path, no, why.data);
        if (c->errors++ == 0)
            snprintf(c->first_error, sizeof c->first_error, "%s:%ld: %s",
                     path, no, why.data);
    }
    free(line);
    fclose(fp);
    buf_free(&p);
    buf_free(&why);
}

void
ui_config_pairs(const struct ui_config *c, short base)
{
    size_t k;

    for (k = 0; k < UI_NELEMENTS; k++) {
        short fg = c->el[k].fg, bg = c->el[k].bg;
        /* a bright colour the terminal lacks: its plain one */
        if (fg >= COLORS)
            fg = (short)(fg - 8);
        if (bg >= COLORS)
            bg = (short)(bg - 8);
        init_pair((short)(base + (short)k), fg, bg);
    }
}

attr_t
ui_config_attr(const struct ui_config *c, enum ui_element e, short base,
               bool color)
{
    attr_t a = ui_el_def[e].attrs | c->el[e].attrs;

    if (color && (c->el[e].fg >= 0 || c->el[e].bg >= 0))
        a |= COLOR_PAIR(base + (short)e);
    return a;
}
