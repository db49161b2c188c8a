// SPDX-License-Identifier: MIT
/*
 * The prompt history on disk: lines "KIND<TAB>TEXT" in the state
 * directory, read once when the browser opens and appended to as each
 * prompt is accepted.
 */
#include "history.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"

/* The file's path, its directory made when mkdirs. Caller frees; NULL
 * without a state directory. */
static char *
history_path(int mkdirs)
{
    const char *st = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
    struct buf p = {0};

    if (st != NULL && st[0] == '/')
        buf_puts(&p, st);
    else if (home != NULL && home[0] == '/')
        buf_printf(&p, "%s/.local/state", home);
    else
        return NULL;
    if (mkdirs) {
        char *s;
        buf_puts(&p, "/quoth");
        /* each missing component, as mkdir -p */
        for (s = p.data + 1; (s = strchr(s, '/')) != NULL; s++) {
            *s = '\0';
            if (mkdir(p.data, 0700) < 0 && errno != EEXIST) {
                buf_free(&p);
                return NULL;
            }
            *s = '/';
        }
        if (mkdir(p.data, 0700) < 0 && errno != EEXIST) {
            buf_free(&p);
            return NULL;
        }
        buf_puts(&p, "/history");
    } else {
        buf_puts(&p, "/quoth/history");
    }
    return buf_take(&p);
}

size_t
history_load(void (*put)(void *ctx, const char *kind, const char *text),
             void *ctx)
{
    char *path = history_path(0), *line = NULL, *tab;
    size_t cap = 0, count = 0;
    ssize_t n;
    FILE *fp;

    if (path == NULL || (fp = fopen(path, "r")) == NULL) {
        free(path);
        return 0;
    }
    while ((n = getline(&line, &cap, fp)) >= 0) {
        if (n > 0 && line[n - 1] == '\n')
            line[--n] = '\0';
        if ((tab = strchr(line, '\t')) == NULL)
            continue;
        *tab = '\0';
        put(ctx, line, tab + 1);
        count++;
    }
    free(line);
    fclose(fp);
    free(path);
    return count;
}

void
history_clear(void)
{
    char *path = history_path(1);
    FILE *fp;

    if (path != NULL && (fp = fopen(path, "w")) != NULL)
        fclose(fp);
    free(path);
}

void
history_add(const char *kind, const char *text)
{
    char *path = history_path(1);
    FILE *fp;

    if (path == NULL || strpbrk(text, "\n\r") != NULL ||
        (fp = fopen(path, "a")) == NULL) {
        free(path);
        return;
    }
    fprintf(fp, "%s\t%s\n", kind, text);
    fclose(fp);
    free(path);
}
