// SPDX-License-Identifier: MIT
/*
 * quoth: the command line. One table of subcommands {name, usage, run};
 * option parsing, the exit status, and the one place that prints errors,
 * as `quoth: PATH[:LINE]: what is wrong`.
 */
#include <errno.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "extract.h"
#include "index.h"
#include "out.h"
#include "reader.h"
#include "buf.h"
#include "utf8.h"
#include "tty.h"
#include "xmalloc.h"

/* Exit status, as CONVENTIONS.md fixes it. */
enum {
    EXIT_OK = 0,
    EXIT_NONE = 1,
    EXIT_USAGE = 2,
    EXIT_REJECTED = 3,
    EXIT_INDEX = 4,
    EXIT_INTERRUPTED = 130,
};

struct cmd {
    const char *name;
    const char *usage;
    const char *summary;
    int (*run)(int argc, char **argv);
};

static int cmd_extract(int argc, char **argv);
static int cmd_help(int argc, char **argv);
static int cmd_text(int argc, char **argv);
static int cmd_version(int argc, char **argv);

static const struct cmd cmds[] = {
    {"extract", "extract [--format FORMAT] [--color WHEN] PATH...|-",
     "print the quotes of articles, without an index", cmd_extract},
    {"help", "help [COMMAND]", "show how to use quoth or one command",
     cmd_help},
    {"text", "text PATH...|-", "print the body text quoth reads from articles",
     cmd_text},
    {"version", "version [-v]",
     "print quoth's version (-v: and its libraries')", cmd_version},
};

#define NCMDS (sizeof cmds / sizeof *cmds)

static void
usage_line(FILE *fp, const struct cmd *c)
{
    fprintf(fp, "usage: quoth %s\n", c->usage);
}

static void
help_all(FILE *fp)
{
    size_t k;

    fprintf(fp, "usage: quoth [--version] [--help] COMMAND [ARGS]\n\n"
                "quoth finds direct quotes and their speakers in news "
                "articles.\n\ncommands:\n");
    for (k = 0; k < NCMDS; k++)
        fprintf(fp, "  %-10s %s\n", cmds[k].name, cmds[k].summary);
    fprintf(fp, "\n'quoth help COMMAND' shows one command; "
                "man quoth has the rest.\n");
}

static const struct cmd *
cmd_find(const char *name)
{
    size_t k;

    for (k = 0; k < NCMDS; k++)
        if (strcmp(cmds[k].name, name) == 0)
            return &cmds[k];
    return NULL;
}

static int
usage_error(const struct cmd *c, const char *fmt, const char *arg)
{
    fprintf(stderr, "quoth: ");
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    if (c != NULL)
        usage_line(stderr, c);
    return EXIT_USAGE;
}

/* Takes the value of option name from argv[*i] ("--name=V" or "--name V").
 * Returns NULL when argv[*i] is not that option; *missing when it is but
 * has no value. */
static const char *
opt_value(int argc, char **argv, int *i, const char *name, const char *shrt,
          bool *missing)
{
    const char *a = argv[*i];
    size_t n = strlen(name);

    *missing = false;
    if (strncmp(a, name, n) == 0 && a[n] == '=')
        return a + n + 1;
    if (strcmp(a, name) == 0 || (shrt != NULL && strcmp(a, shrt) == 0)) {
        if (*i + 1 >= argc) {
            *missing = true;
            return NULL;
        }
        return argv[++*i];
    }
    return NULL;
}

struct extract_ctx {
    struct out *out;
    struct record_sink sink;
    bool rejected;
    bool write_failed;
};

static int
extract_take(void *ctx, struct article *a)
{
    struct extract_ctx *x = ctx;
    long n = extract_article(a, &x->sink);

    article_free(a);
    if (n < 0) {
        x->write_failed = true;
        return -1;
    }
    return 0;
}

/* Says on stderr that an input was skipped, as `quoth: PATH[:LINE]: why`. */
static void
print_reject(const char *path, long line, const char *why)
{
    struct buf p = {0}, w = {0};

    /* A file name may hold a newline or an escape sequence: one line,
     * nothing for the terminal to run. */
    utf8_sanitize(&p, path, strlen(path), false);
    utf8_sanitize(&w, why, strlen(why), false);
    if (line > 0)
        fprintf(stderr, "quoth: %s:%ld: %s\n", p.data ? p.data : "", line,
                w.data ? w.data : "");
    else
        fprintf(stderr, "quoth: %s: %s\n", p.data ? p.data : "",
                w.data ? w.data : "");
    buf_free(&p);
    buf_free(&w);
}

static void
extract_reject(void *ctx, const char *path, long line, const char *why)
{
    struct extract_ctx *x = ctx;

    x->rejected = true;
    print_reject(path, line, why);
}

/* Whether to colour: --color beats NO_COLOR, which beats the terminal. */
static int
color_parse(const char *when, bool *color)
{
    const char *no = getenv("NO_COLOR");

    if (strcmp(when, "always") == 0)
        *color = true;
    else if (strcmp(when, "never") == 0)
        *color = false;
    else if (strcmp(when, "auto") == 0)
        *color = (no == NULL || *no == '\0') &&
                 tty_color_capable(STDOUT_FILENO);
    else
        return -1;
    return 0;
}

static int
cmd_extract(int argc, char **argv)
{
    const struct cmd *c = cmd_find("extract");
    struct out_options opts = {.format = OUT_TEXT};
    struct extract_ctx x = {0};
    struct reader_sink rs = {extract_take, extract_reject, &x};
    const char *color = "auto", *v;
    bool missing;
    int i, rc = EXIT_OK;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        if (argv[i][0] != '-' || strcmp(argv[i], "-") == 0)
            break;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            usage_line(stdout, c);
            return EXIT_OK;
        }
        if ((v = opt_value(argc, argv, &i, "--format", "-f", &missing))) {
            if (out_format_parse(v, &opts.format) < 0) {
                fprintf(stderr, "quoth: unknown format '%s' (one of %s)\n",
                        v, out_format_names());
                return EXIT_USAGE;
            }
        } else if ((v = opt_value(argc, argv, &i, "--color", NULL,
                                  &missing))) {
            color = v;
        } else if (missing) {
            return usage_error(c, "option %s needs a value", argv[i]);
        } else {
            return usage_error(c, "unknown option '%s'", argv[i]);
        }
    }
    if (i >= argc)
        return usage_error(c, "%s", "no article given (use - for stdin)");
    if (color_parse(color, &opts.color) < 0)
        return usage_error(c, "--color takes auto, always or never, not '%s'",
                           color);
    if (opts.format == OUT_TEXT)
        opts.cols = tty_cols(STDOUT_FILENO);
    else
        opts.color = false;
    opts.inputs = argv + i;
    opts.ninputs = (size_t)(argc - i);
    x.out = out_new(stdout, &opts);
    x.sink = out_sink(x.out);
    for (; i < argc && !x.write_failed; i++)
        if (reader_read(argv[i], &rs) < 0)
            break;
    if (out_finish(x.out) < 0 || x.write_failed) {
        fprintf(stderr, "quoth: standard output: %s\n",
                errno ? strerror(errno) : "write error");
        rc = EXIT_NONE;
    } else if (x.rejected) {
        rc = EXIT_REJECTED;
    }
    out_free(x.out);
    return rc;
}

/* `quoth text`: the first article is held until the next one shows
 * whether there are several, which then each get a header line. */
struct text_ctx {
    struct article *held;
    size_t count;
    bool rejected;
    bool write_failed;
};

static int
text_take(void *ctx, struct article *a)
{
    struct text_ctx *t = ctx;

    if (t->count++ == 0) {
        t->held = a;
        return 0;
    }
    if (t->held != NULL) {
        if (out_body(stdout, t->held, true) < 0)
            t->write_failed = true;
        article_free(t->held);
        t->held = NULL;
    }
    if (!t->write_failed &&
        (fputc('\n', stdout) == EOF || out_body(stdout, a, true) < 0))
        t->write_failed = true;
    article_free(a);
    return t->write_failed ? -1 : 0;
}

static void
text_reject(void *ctx, const char *path, long line, const char *why)
{
    struct text_ctx *t = ctx;

    t->rejected = true;
    print_reject(path, line, why);
}

static int
cmd_text(int argc, char **argv)
{
    const struct cmd *c = cmd_find("text");
    struct text_ctx t = {0};
    struct reader_sink rs = {text_take, text_reject, &t};
    int i;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        if (argv[i][0] != '-' || strcmp(argv[i], "-") == 0)
            break;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            usage_line(stdout, c);
            return EXIT_OK;
        }
        return usage_error(c, "unknown option '%s'", argv[i]);
    }
    if (i >= argc)
        return usage_error(c, "%s", "no article given (use - for stdin)");
    for (; i < argc && !t.write_failed; i++)
        if (reader_read(argv[i], &rs) < 0)
            break;
    if (t.held != NULL && !t.write_failed &&
        out_body(stdout, t.held, false) < 0)
        t.write_failed = true;
    article_free(t.held);
    if (fflush(stdout) != 0 || ferror(stdout) || t.write_failed) {
        fprintf(stderr, "quoth: standard output: %s\n",
                errno ? strerror(errno) : "write error");
        return EXIT_NONE;
    }
    return t.rejected ? EXIT_REJECTED : EXIT_OK;
}

static int
cmd_help(int argc, char **argv)
{
    const struct cmd *c;

    if (argc < 2) {
        help_all(stdout);
        return EXIT_OK;
    }
    c = cmd_find(argv[1]);
    if (c == NULL)
        return usage_error(NULL, "no command '%s' (see 'quoth help')",
                           argv[1]);
    usage_line(stdout, c);
    printf("%s\n", c->summary);
    return EXIT_OK;
}

static int
cmd_version(int argc, char **argv)
{
    struct q_error err = {{0}};
    bool verbose = argc > 1 && (strcmp(argv[1], "-v") == 0 ||
                                strcmp(argv[1], "--verbose") == 0);

    printf("quoth %s\n", QUOTH_VERSION);
    if (!verbose)
        return EXIT_OK;
    printf("sqlite %s, %s\n", index_sqlite_version(),
           index_check_sqlite(&err) == 0 ? "with FTS5" : err.msg);
    return EXIT_OK;
}

int
main(int argc, char **argv)
{
    const struct cmd *c;

    setlocale(LC_ALL, "");
    if (argc < 2) {
        /* Until the index and the browser exist, this is the help. */
        help_all(stdout);
        return EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)
        return cmd_version(argc - 1, argv + 1);
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
        return cmd_help(argc - 1, argv + 1);
    c = cmd_find(argv[1]);
    if (c == NULL) {
        fprintf(stderr, "quoth: no command '%s' (see 'quoth help')\n",
                argv[1]);
        return EXIT_USAGE;
    }
    return c->run(argc - 1, argv + 1);
}
