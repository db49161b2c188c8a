// SPDX-License-Identifier: MIT
/*
 * The clipboard: bytes in; an OSC 52 sequence on the terminal, a copy
 * through the first clipboard tool the session has (or a file when it has
 * none), and a sentence saying every way it went, out, so that a copy is
 * never silently lost or cut (ux.md 5.2).
 */
#include "clip.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"

/* How long a clipboard tool may take to read the text and exit. */
#define CLIP_TIMEOUT_MS 2000
/* The longest text some terminals take in OSC 52: tabby about 3 KB,
 * termux 6 to 7 KB (ux.md 5.2). Longer is sent whole, and said. */
#define CLIP_OSC52_SAFE 3000

/* Writes all of s[0..n) to fd. Returns 0, or -1. */
static int
clip_write(int fd, const char *s, size_t n)
{
    size_t off = 0;

    while (off < n) {
        ssize_t w = write(fd, s + off, n - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        off += (size_t)w;
    }
    return 0;
}

/* Writes the OSC 52 sequence for data to the terminal (fd 1). Inside
 * tmux the plain sequence is right: tmux takes it into a paste buffer and
 * passes it to the outer terminal when set-clipboard is on; a
 * passthrough-wrapped copy would need allow-passthrough, off by default,
 * and would arrive twice when both are on. The tmux buffer itself is
 * set by `tmux load-buffer -w` (clip_copy), which works without either. */
static int
clip_osc52(const char *data, size_t n)
{
    static const char b64[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const unsigned char *s = (const unsigned char *)data;
    struct buf o = {0};
    size_t i;
    int rc;

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
    fflush(stdout);
    rc = clip_write(1, o.data, o.len);
    buf_free(&o);
    return rc;
}

/* Milliseconds on a clock that only goes forward. */
static long long
clip_ms(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Runs argv (no shell) with data on its standard input, its output
 * thrown away, for at most CLIP_TIMEOUT_MS (then it is killed). Returns
 * 0 when it took all of data and exited 0; -1, with *late set when it
 * ran out of time. */
static int
clip_run(char *const argv[], const char *data, size_t n, bool *late)
{
    long long end = clip_ms() + CLIP_TIMEOUT_MS;
    int fd[2], status = 0, rc = -1;
    size_t off = 0;
    pid_t pid, w;
    void (*old)(int);

    *late = false;
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
    fcntl(fd[1], F_SETFL, fcntl(fd[1], F_GETFL) | O_NONBLOCK);
    /* a tool that does not read must not hang the browser */
    while (off < n && clip_ms() < end) {
        struct pollfd p = {fd[1], POLLOUT, 0};
        ssize_t k;
        if (poll(&p, 1, (int)(end - clip_ms())) <= 0)
            continue;
        k = write(fd[1], data + off, n - off);
        if (k < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (k <= 0)
            break;
        off += (size_t)k;
    }
    close(fd[1]);
    signal(SIGPIPE, old);
    while ((w = waitpid(pid, &status, WNOHANG)) == 0 && clip_ms() < end) {
        struct timespec t = {0, 10 * 1000000};
        nanosleep(&t, NULL);
    }
    if (w == 0) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        *late = true;
    } else if (w == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
               off == n) {
        rc = 0;
    }
    return rc;
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

/* Makes the directories of path (mode 0700). */
static void
clip_mkdirs(char *path)
{
    char *s;

    for (s = strchr(path + 1, '/'); s != NULL; s = strchr(s + 1, '/')) {
        *s = '\0';
        mkdir(path, 0700);
        *s = '/';
    }
}

/* Writes data to $XDG_STATE_HOME/quoth/clip.txt (by default
 * ~/.local/state), its name in path. Returns 0, or -1 (errno set). */
static int
clip_file(const char *data, size_t n, struct buf *path)
{
    const char *st = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
    int fd, rc, e;

    if (st != NULL && st[0] == '/')
        buf_printf(path, "%s/quoth/clip.txt", st);
    else if (home != NULL && home[0] == '/')
        buf_printf(path, "%s/.local/state/quoth/clip.txt", home);
    else {
        errno = ENOENT;
        return -1;
    }
    clip_mkdirs(path->data);
    fd = open(path->data, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return -1;
    rc = clip_write(fd, data, n);
    e = errno;
    if (close(fd) != 0 && rc == 0) {
        rc = -1;
        e = errno;
    }
    errno = e;
    return rc;
}

int
clip_copy(const char *data, size_t n, char *how, size_t howsize)
{
    static char *const wl[] = {"wl-copy", NULL};
    static char *const xclip[] = {"xclip", "-selection", "clipboard", NULL};
    static char *const xsel[] = {"xsel", "--clipboard", "--input", NULL};
    static char *const tmuxw[] = {"tmux", "load-buffer", "-w", "-", NULL};
    static char *const tmux[] = {"tmux", "load-buffer", "-", NULL};
    /* ux.md 5.2's order: each when its session is there */
    static const struct {
        const char *env, *name;
        char *const *argv;
    } tools[] = {
        {"WAYLAND_DISPLAY", "wl-copy", wl},
        {"DISPLAY", "xclip", xclip},
        {"DISPLAY", "xsel", xsel},
        {"TMUX", "tmux buffer", tmuxw},
        {"TMUX", "tmux buffer", tmux},  /* tmux before 3.2: no -w */
    };
    struct buf say = {0}, late = {0}, path = {0};
    bool osc = clip_osc52(data, n) == 0, tool = false;
    size_t k;
    int rc = 0;

    if (osc)
        buf_puts(&say, n > CLIP_OSC52_SAFE
                           ? "via OSC 52 (over 3 KB: may be dropped)"
                           : "via OSC 52");
    for (k = 0; k < sizeof tools / sizeof *tools && !tool; k++) {
        const char *e = getenv(tools[k].env);
        bool slow;
        if (e == NULL || e[0] == '\0' || !clip_have(tools[k].argv[0]))
            continue;
        if (clip_run(tools[k].argv, data, n, &slow) == 0) {
            buf_printf(&say, "%s%s", say.len ? " and " : "via ",
                       tools[k].name);
            tool = true;
        } else if (slow) {
            buf_printf(&late, "; %s timed out", tools[k].argv[0]);
        }
    }
    if (!tool) {
        /* no tool took it: a file, and say where */
        if (clip_file(data, n, &path) == 0) {
            const char *home = getenv("HOME");
            size_t hl = home != NULL ? strlen(home) : 0;
            /* ~ for the home directory: the path fits the status line */
            if (hl > 1 && strncmp(path.data, home, hl) == 0 &&
                path.data[hl] == '/')
                buf_printf(&say, "%sto ~%s", say.len ? " and " : "",
                           path.data + hl);
            else
                buf_printf(&say, "%sto %s", say.len ? " and " : "",
                           path.data);
        } else {
            buf_printf(&late, "; cannot write %s: %s",
                       path.len ? path.data
                                : "$XDG_STATE_HOME/quoth/clip.txt",
                       strerror(errno));
            if (!osc)
                rc = -1;
        }
    }
    if (say.len == 0)
        buf_puts(&say, "nowhere");
    snprintf(how, howsize, "%s%s", say.data, late.len ? late.data : "");
    buf_free(&say);
    buf_free(&late);
    buf_free(&path);
    return rc;
}
