// SPDX-License-Identifier: MIT
/*
 * The clipboard: bytes in; an OSC 52 sequence on the terminal and a copy
 * through the first clipboard tool the session has out, and a sentence
 * saying which, so that a copy is never silently lost or cut.
 */
#include "clip.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"

/* Writes the OSC 52 sequence for data to the terminal (fd 1). */
static int
clip_osc52(const char *data, size_t n)
{
    static const char b64[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const unsigned char *s = (const unsigned char *)data;
    struct buf o = {0};
    size_t i, off = 0;
    int rc = 0;

    buf_puts(&o, "\033]52;c;");
    for (i = 0; i + 2 < n; i += 3) {
        buf_putc(&o, b64[s[i] >> 2]);
        buf_putc(&o, b64[(s[i] & 3) << 4 | s[i + 1] >> 4]);
        buf_putc(&o, b64[(s[i + 1] & 15) << 2 | s[i + 2] >> 6]);
        buf_putc(&o, b64[s[i + 2] & 63]);
    }
    if (n - i == 1) {
        buf_putc(&o, b64[s[i] >> 2]);
        buf_putc(&o, b64[(s[i] & 3) << 4]);
        buf_puts(&o, "==");
    } else if (n - i == 2) {
        buf_putc(&o, b64[s[i] >> 2]);
        buf_putc(&o, b64[(s[i] & 3) << 4 | s[i + 1] >> 4]);
        buf_putc(&o, b64[(s[i + 1] & 15) << 2]);
        buf_putc(&o, '=');
    }
    buf_putc(&o, '\a');
    while (off < o.len) {
        ssize_t w = write(1, o.data + off, o.len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            rc = -1;
            break;
        }
        off += (size_t)w;
    }
    buf_free(&o);
    return rc;
}

/* Runs argv (no shell) with data on its standard input, its output
 * thrown away. Returns 0 when it ran and exited 0. */
static int
clip_run(char *const argv[], const char *data, size_t n)
{
    int fd[2], status;
    size_t off = 0;
    pid_t pid;
    void (*old)(int);

    if (pipe(fd) < 0)
        return -1;
    pid = fork();
    if (pid < 0) {
        close(fd[0]);
        close(fd[1]);
        return -1;
    }
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(fd[0], 0);
        if (null >= 0) {
            dup2(null, 1);
            dup2(null, 2);
        }
        close(fd[0]);
        close(fd[1]);
        execvp(argv[0], argv);
        _exit(127);
    }
    close(fd[0]);
    old = signal(SIGPIPE, SIG_IGN);
    while (off < n) {
        ssize_t w = write(fd[1], data + off, n - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        off += (size_t)w;
    }
    close(fd[1]);
    signal(SIGPIPE, old);
    if (waitpid(pid, &status, 0) < 0)
        return -1;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 && off == n ? 0
                                                                    : -1;
}

/* Whether prog is an executable in $PATH. */
static bool
clip_have(const char *prog)
{
    const char *path = getenv("PATH");
    struct buf p = {0};
    bool ok = false;

    while (path != NULL && *path != '\0' && !ok) {
        size_t n = strcspn(path, ":");
        buf_reset(&p);
        buf_printf(&p, "%.*s/%s", (int)n, path, prog);
        ok = access(p.data, X_OK) == 0;
        path += n + (path[n] == ':');
    }
    buf_free(&p);
    return ok;
}

int
clip_copy(const char *data, size_t n, char *how, size_t howsize)
{
    static char *const wl[] = {"wl-copy", NULL};
    static char *const xclip[] = {"xclip", "-selection", "clipboard", NULL};
    static char *const xsel[] = {"xsel", "--clipboard", "--input", NULL};
    static char *const tmux[] = {"tmux", "load-buffer", "-", NULL};
    const char *tool = NULL;
    bool osc = clip_osc52(data, n) == 0;

    if (getenv("WAYLAND_DISPLAY") && clip_have("wl-copy") &&
        clip_run(wl, data, n) == 0)
        tool = "wl-copy";
    else if (getenv("DISPLAY") && clip_have("xclip") &&
             clip_run(xclip, data, n) == 0)
        tool = "xclip";
    else if (getenv("DISPLAY") && clip_have("xsel") &&
             clip_run(xsel, data, n) == 0)
        tool = "xsel";
    else if (getenv("TMUX") && clip_have("tmux") &&
             clip_run(tmux, data, n) == 0)
        tool = "tmux load-buffer";
    if (tool != NULL || osc) {
        snprintf(how, howsize, "via %s%s%s", osc ? "OSC 52 (your terminal "
                 "may ignore it)" : "", osc && tool ? " and " : "",
                 tool ? tool : "");
        return 0;
    }
    snprintf(how, howsize, "nowhere: no terminal and no clipboard tool");
    return -1;
}
