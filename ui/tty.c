// SPDX-License-Identifier: MIT
/*
 * Terminal facts for the command line's text output: width and colour
 * support, from the kernel's window size and terminfo (ncursesw). The
 * browser will live beside it in ui/.
 */
#include "tty.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <term.h>
#include <unistd.h>

bool
tty_color_capable(int fd)
{
    const char *t = getenv("TERM");
    int err = 0;
    bool ok;

    if (!isatty(fd) || t == NULL || *t == '\0' || strcmp(t, "dumb") == 0)
        return false;
    if (setupterm(NULL, fd, &err) != OK)
        return false;
    ok = tigetnum("colors") > 0 || tigetstr("bold") != NULL;
    del_curterm(cur_term);
    return ok;
}

size_t
tty_cols(int fd)
{
    struct winsize ws;

    if (!isatty(fd))
        return 0;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 80;
}
