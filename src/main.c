// SPDX-License-Identifier: MIT
/*
 * quoth: the command line. One table of subcommands {name, usage, run};
 * option parsing, the exit status, and the one place that prints errors,
 * as `quoth: PATH[:LINE]: what is wrong`.
 */
#include <errno.h>
#include <stddef.h>
#include <locale.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "extract.h"
#include "group.h"
#include "index.h"
#include "indexer.h"
#include "out.h"
#include "query.h"
#include "reader.h"
#include "buf.h"
#include "check.h"
#include "country.h"
#include "utf8.h"
#include "tty.h"
#include "browse.h"
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

static int cmd_alias(int argc, char **argv);
static int cmd_check(int argc, char **argv);
static int cmd_browse(int argc, char **argv);
static int cmd_countries(int argc, char **argv);
static int cmd_fix(int argc, char **argv);
static int cmd_export(int argc, char **argv);
static int cmd_extract(int argc, char **argv);
static int cmd_help(int argc, char **argv);
static int cmd_index(int argc, char **argv);
static int cmd_people(int argc, char **argv);
static int cmd_query(int argc, char **argv);
static int cmd_search(int argc, char **argv);
static int cmd_show(int argc, char **argv);
static int cmd_sources(int argc, char **argv);
static int cmd_speaker(int argc, char **argv);
static int cmd_stats(int argc, char **argv);
static int cmd_text(int argc, char **argv);
static int cmd_variants(int argc, char **argv);
static int cmd_version(int argc, char **argv);

static const struct cmd cmds[] = {
    {"browse", "browse [--db FILE] [--no-mouse] [--color WHEN] [QUERY...]",
     "scroll, filter and collect quotes on a terminal", cmd_browse},
    {"alias", "alias [--db FILE] FORM NAME",
     "group a written form of a name under a person", cmd_alias},
    {"check", "check [--db FILE] [--speaker NAME] [--min SCORE] "
     "[--format FORMAT] [--limit N] [--color WHEN] CLAIM...|-",
     "say whether, by whom and where the index has a claimed quote",
     cmd_check},
    {"countries", "countries [--db FILE] [QUERY...]",
     "list the speakers' countries, with counts", cmd_countries},
    {"export", "export [--db FILE] [--format FORMAT] [--sort ORDER] "
     "-o FILE QUERY...", "write the quotes a query finds to a file",
     cmd_export},
    {"extract", "extract [--format FORMAT] [--color WHEN] PATH...|-",
     "print the quotes of articles, without an index", cmd_extract},
    {"fix", "fix [--db FILE] ID --speaker NAME|--none|--country CC | "
     "fix --list", "correct a quote's attribution, or list corrections",
     cmd_fix},
    {"help", "help [COMMAND]", "show how to use quoth or one command",
     cmd_help},
    {"index", "index [--db FILE] [-j N] [--prune] [-q] PATH...|-",
     "add articles to the index (unchanged files are skipped)", cmd_index},
    {"people", "people [--db FILE] [QUERY...]",
     "list the speakers, every written form, with counts", cmd_people},
    {"query", "query [--db FILE] save NAME QUERY... | list | rm NAME",
     "save a search as query:NAME, list or remove saved searches",
     cmd_query},
    {"search", "search [--db FILE] [--format FORMAT] [--limit N] "
     "[--sort date|-date|speaker] [--color WHEN] QUERY...",
     "print the indexed quotes a query finds", cmd_search},
    {"show", "show [--db FILE] [--format FORMAT] ID",
     "print a quote in its context, with every field", cmd_show},
    {"sources", "sources [--db FILE] [QUERY...]",
     "list the outlets quoted, with counts", cmd_sources},
    {"speaker", "speaker [--db FILE] NAME...",
     "a person's card: forms of the name, roles and countries with their "
     "dates, quotes per month, conflicts", cmd_speaker},
    {"stats", "stats [--db FILE]", "say what the index holds", cmd_stats},
    {"text", "text PATH...|-", "print the body text quoth reads from articles",
     cmd_text},
    {"variants", "variants [--db FILE] [--format FORMAT] [--color WHEN] ID",
     "list the appearances of a quote's words, oldest first, and who "
     "said them", cmd_variants},
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

/* Lines of one file rejected one by one: after REJECT_SHOWN of them the
 * rest are counted and told in one line, not thousands. */
#define REJECT_SHOWN 10
static struct {
    char *path;
    long shown, hidden;
} rejects;

/* Tells how many rejected lines of the file were not shown. */
static void
reject_flush(void)
{
    if (rejects.hidden > 0) {
        struct buf p = {0};
        utf8_sanitize(&p, rejects.path, strlen(rejects.path), false);
        fprintf(stderr, "quoth: %s: %ld more lines rejected (not shown)\n",
                p.data ? p.data : "", rejects.hidden);
        buf_free(&p);
    }
    free(rejects.path);
    rejects.path = NULL;
    rejects.shown = rejects.hidden = 0;
}

/* Says on stderr that an input was skipped, as `quoth: PATH[:LINE]: why`. */
static void
print_reject(const char *path, long line, const char *why)
{
    struct buf p = {0}, w = {0};

    if (line > 0) {
        if (rejects.path == NULL || strcmp(rejects.path, path) != 0) {
            static bool registered;
            reject_flush();
            rejects.path = xstrdup(path);
            if (!registered)
                registered = atexit(reject_flush) == 0;
        }
        if (rejects.shown >= REJECT_SHOWN) {
            rejects.hidden++;
            return;
        }
        rejects.shown++;
    }

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

/* --- The index commands ------------------------------------------------- */

/* Options every index command takes, parsed by index_opts. */
struct index_args {
    const char *db;             /* --db, else QUOTH_DB, else the default */
    const char *format;
    const char *sort;
    const char *color;
    const char *output;         /* export -o */
    const char *limit;
    const char *jobs;
    const char *speaker, *min;  /* check --speaker, --min */
    bool prune, quiet;
    char **words;               /* what is left: paths, query words, id */
    size_t nwords;
};

/* Parses argv for command c: the options it allows (a string of letters:
 * d db, f format, s sort, c color, o output, n limit, j jobs, w speaker,
 * m min, p prune, q quiet; Q: the words are a query), up to the first other word or "--"
 * unless anywhere; the rest in a->words. After a query's first word, one
 * of the command's own options is an error rather than words to search
 * for (-word stays a negation; a "--" before them lets any word in).
 * Returns -1 after printing the usage error (exit 2), 1 for --help
 * (printed), 0. */
static int
index_opts(const struct cmd *c, int argc, char **argv, const char *allow,
           bool anywhere, struct index_args *a)
{
    static const struct {
        char key;
        const char *name, *shrt;
        size_t off;
    } opts[] = {
        {'d', "--db", NULL, offsetof(struct index_args, db)},
        {'f', "--format", "-f", offsetof(struct index_args, format)},
        {'s', "--sort", NULL, offsetof(struct index_args, sort)},
        {'c', "--color", NULL, offsetof(struct index_args, color)},
        {'o', "--output", "-o", offsetof(struct index_args, output)},
        {'n', "--limit", "-n", offsetof(struct index_args, limit)},
        {'j', "--jobs", "-j", offsetof(struct index_args, jobs)},
        {'w', "--speaker", NULL, offsetof(struct index_args, speaker)},
        {'m', "--min", NULL, offsetof(struct index_args, min)},
    };
    bool ended = false, dashes = false, missing;
    int i;
    size_t k;

    a->words = xcalloc((size_t)argc, sizeof *a->words);
    for (i = 1; i < argc; i++) {
        const char *v = NULL;
        bool took = false;

        if (ended && !dashes && strchr(allow, 'Q') != NULL) {
            const char *w = argv[i];
            if (strcmp(w, "--") == 0) {
                dashes = true;      /* farmers -- --format: words */
                continue;
            }
            bool own = strcmp(w, "-h") == 0 || strcmp(w, "--help") == 0 ||
                       (strchr(allow, 'p') && strcmp(w, "--prune") == 0) ||
                       (strchr(allow, 'q') && (strcmp(w, "-q") == 0 ||
                                               strcmp(w, "--quiet") == 0));
            for (k = 0; k < sizeof opts / sizeof *opts && !own; k++) {
                size_t n = strlen(opts[k].name);
                own = strchr(allow, opts[k].key) != NULL &&
                      ((strncmp(w, opts[k].name, n) == 0 &&
                        (w[n] == '\0' || w[n] == '=')) ||
                       (opts[k].shrt != NULL &&
                        strcmp(w, opts[k].shrt) == 0));
            }
            if (own) {
                fprintf(stderr, "quoth: %.*s: options go before the query "
                        "(or put -- before words that look like options)\n",
                        (int)strcspn(w, "="), w);
                return -1;
            }
        }
        if (ended || argv[i][0] != '-' || strcmp(argv[i], "-") == 0) {
            a->words[a->nwords++] = argv[i];
            if (!anywhere)
                ended = true;
            continue;
        }
        if (strcmp(argv[i], "--") == 0) {
            ended = dashes = true;
            continue;
        }
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            usage_line(stdout, c);
            return 1;
        }
        if (strchr(allow, 'p') && strcmp(argv[i], "--prune") == 0) {
            a->prune = true;
            continue;
        }
        if (strchr(allow, 'q') &&
            (strcmp(argv[i], "-q") == 0 || strcmp(argv[i], "--quiet") == 0)) {
            a->quiet = true;
            continue;
        }
        missing = false;
        for (k = 0; k < sizeof opts / sizeof *opts && !took; k++) {
            if (strchr(allow, opts[k].key) == NULL)
                continue;
            v = opt_value(argc, argv, &i, opts[k].name, opts[k].shrt,
                          &missing);
            if (v != NULL) {
                *(const char **)((char *)a + opts[k].off) = v;
                took = true;
            } else if (missing) {
                break;
            }
        }
        if (took)
            continue;
        usage_error(c, missing ? "option %s needs a value"
                               : "unknown option '%s'", argv[i]);
        return -1;
    }
    return 0;
}

/* The index's path from --db, QUOTH_DB or the default. NULL after printing
 * why not (exit 4). Caller frees. */
static char *
index_path(const struct index_args *a, bool create_dir)
{
    struct q_error err = {{0}};
    char *path;

    if (a->db != NULL)
        return xstrdup(a->db);
    path = index_default_path(create_dir, &err);
    if (path == NULL)
        fprintf(stderr, "quoth: %s\n", err.msg);
    return path;
}

/* Opens the index, or prints `quoth: FILE: what is wrong` and returns
 * NULL (exit 4). */
static struct index *
index_get(const char *path, bool write)
{
    struct q_error err = {{0}};
    struct index *ix = index_open(path, write, &err);

    if (ix == NULL)
        print_reject(path, 0, err.msg);
    return ix;
}

/* The words of a query, joined by spaces. Caller frees. */
static char *
query_text(char **words, size_t n)
{
    struct buf b = {0};
    size_t k;

    for (k = 0; k < n; k++) {
        if (k > 0)
            buf_putc(&b, ' ');
        buf_puts(&b, words[k]);
    }
    return buf_take(&b);
}

/* The columns a query takes in an error when stderr is no terminal. */
#define QUERY_SHOWN_COLS 100

/* Prints a query's error in two lines: `quoth: QUERY: MESSAGE`, the
 * query made printable and cut to the terminal's width around the error,
 * then a caret under the column where it is. */
static void
query_error_print(const char *text, const struct query_error *qe)
{
    static const char lead[] = "quoth: ";
    struct buf line = {0}, msg = {0};
    size_t cols = tty_cols(STDERR_FILENO), caret;

    cols = cols > sizeof lead ? cols - sizeof lead : QUERY_SHOWN_COLS;
    caret = query_error_show(&line, text, qe->column, cols);
    utf8_sanitize(&msg, qe->msg, strlen(qe->msg), false);
    fprintf(stderr, "%s%s: %s\n%*s^\n", lead, line.data ? line.data : "",
            msg.data ? msg.data : "", (int)(sizeof lead - 1 + caret), "");
    buf_free(&line);
    buf_free(&msg);
}

/* Parses a query, or prints the error with a caret under its column and
 * returns -1 (exit 2). */
static int
query_get(const char *text, struct query *q)
{
    struct query_error qe;

    if (query_parse(text, q, &qe) == 0)
        return 0;
    query_error_print(text, &qe);
    return -1;
}

/* A query that names saved searches, parsed again with them now that the
 * index is open. Returns 0, or -1 after printing the error (exit 2). */
static int
query_resolve(struct index *ix, const char *text, struct query *q)
{
    struct query_env env = {0, index_query_lookup, ix};
    struct query_error qe;

    if (!q->saved)
        return 0;
    query_free(q);
    if (query_parse_env(text, &env, q, &qe) == 0)
        return 0;
    query_error_print(text, &qe);
    return -1;
}

static volatile sig_atomic_t interrupted;

static void
on_sigint(int sig)
{
    (void)sig;
    interrupted = 1;
}

struct index_ui {
    bool progress;      /* stderr is a terminal */
    bool drawn;         /* a progress line is on the screen */
    const char *grouping;   /* what index_cb_groups says is done */
};

static void
index_cb_reject(void *ctx, const char *path, long line, const char *why)
{
    struct index_ui *u = ctx;

    if (u->drawn) {
        fputs("\r\033[K", stderr);
        u->drawn = false;
    }
    print_reject(path, line, why);
}

/* The progress line, on a terminal only: files done of all, articles and
 * quotes stored, articles a second, and the time left, from the bytes of
 * the files done (none yet while the first large file is read). */
static void
index_cb_progress(void *ctx, const struct indexer_report *r)
{
    struct index_ui *u = ctx;
    size_t arts = r->added + r->updated + r->located;
    double rate = r->seconds > 0 ? (double)arts / r->seconds : 0;
    double left;

    if (!u->progress)
        return;
    fprintf(stderr, "\r\033[K%zu/%zu files, %zu articles, %zu quotes, "
            "%.0f articles/s", r->files_done, r->files, arts, r->quotes,
            rate);
    if (r->bytes_done > 0 && r->bytes >= r->bytes_done) {
        left = r->seconds * (double)(r->bytes - r->bytes_done) /
               (double)r->bytes_done;
        fprintf(stderr, ", %d:%02d left", (int)left / 60, (int)left % 60);
    }
    u->drawn = true;
}

/* The grouping of an upgraded index's quotes (index_group_catch_up):
 * a progress line on a terminal; stops on ^C (what is grouped stays). */
static int
index_cb_groups(void *ctx, int64_t done, int64_t total)
{
    struct index_ui *u = ctx;

    if (u->progress) {
        fprintf(stderr, "\r\033[K%s: %lld of %lld", u->grouping,
                (long long)done, (long long)total);
        fflush(stderr);
        u->drawn = true;
    }
    return interrupted != 0;
}

static int
cmd_index(int argc, char **argv)
{
    const struct cmd *c = cmd_find("index");
    struct index_args a = {0};
    struct indexer_options o = {0};
    struct indexer_report rep;
    struct index_ui ui = {0};
    struct indexer_callbacks cb = {index_cb_reject, index_cb_progress, &ui};
    struct q_error err = {{0}};
    struct sigaction sa = {0}, old;
    struct index *ix;
    char *db = NULL, *end;
    long n;
    int r, rc;

    r = index_opts(c, argc, argv, "djpq", false, &a);
    if (r != 0) {
        free(a.words);
        return r > 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (a.nwords == 0) {
        free(a.words);
        return usage_error(c, "%s", "nothing to index (give a path, or - "
                           "for stdin)");
    }
    o.jobs = (unsigned)sysconf(_SC_NPROCESSORS_ONLN);
    if (a.jobs != NULL) {
        errno = 0;
        n = strtol(a.jobs, &end, 10);
        if (errno != 0 || *end != '\0' || n < 1 || n > 64) {
            free(a.words);
            return usage_error(c, "-j takes a number of workers from 1 to "
                               "64, not '%s'", a.jobs);
        }
        o.jobs = (unsigned)n;
    }
    if (o.jobs < 1)
        o.jobs = 1;
    db = index_path(&a, true);
    ix = db != NULL ? index_get(db, true) : NULL;
    if (ix == NULL) {
        free(db);
        free(a.words);
        return EXIT_INDEX;
    }
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old);
    ui.progress = !a.quiet && isatty(STDERR_FILENO);
    o.db = db;
    o.paths = a.words;
    o.npaths = a.nwords;
    o.prune = a.prune;
    o.stop = &interrupted;
    /* variant groups are kept as quotes are stored; what an upgrade or
     * an older writer left waiting is grouped first */
    index_set_grouper(ix, group_store, NULL);
    memset(&rep, 0, sizeof rep);
    ui.grouping = "grouping quotes with the same words";
    if (index_group_catch_up(ix, group_store, false, 1000, index_cb_groups,
                             &ui, &err) < 0)
        r = -1;
    else if (interrupted)
        r = 2;
    else
        r = indexer_run(ix, &o, &cb, &rep, &err);
    /* the near variants of the run's new quotes (and of an upgrade's),
     * once index_tidy has merged the full-text index */
    ui.grouping = "looking for near variants";
    if (r >= 0 && !interrupted &&
        index_group_catch_up(ix, group_link, true, 1000, index_cb_groups,
                             &ui, &err) < 0)
        r = -1;
    sigaction(SIGINT, &old, NULL);
    if (ui.drawn)
        fputs("\r\033[K", stderr);
    if (r < 0) {
        print_reject(db, 0, err.msg);
        rc = EXIT_INDEX;
    } else {
        rc = r == 2 ? EXIT_INTERRUPTED : r == 1 ? EXIT_REJECTED : EXIT_OK;
    }
    if (!a.quiet && r >= 0) {
        fprintf(stderr, "%s %zu files in %.1f s: %zu articles added (%zu "
                "quotes), %zu updated, %zu already indexed; %zu files "
                "unchanged, %zu rejected",
                r == 2 ? "interrupted after" : "indexed", rep.files_done,
                rep.seconds, rep.added, rep.quotes, rep.updated, rep.located,
                rep.unchanged, rep.rejected);
        if (a.prune)
            fprintf(stderr, ", %zu pruned", rep.pruned);
        fputc('\n', stderr);
    }
    index_close(ix);
    free(db);
    free(a.words);
    return rc;
}

/* Record sink that counts and passes on to an out. */
static int
search_sort(const char *s, enum index_sort *sort)
{
    if (s == NULL || strcmp(s, "-date") == 0)
        *sort = INDEX_SORT_DATE_DESC;
    else if (strcmp(s, "date") == 0)
        *sort = INDEX_SORT_DATE;
    else if (strcmp(s, "speaker") == 0)
        *sort = INDEX_SORT_SPEAKER;
    else
        return -1;
    return 0;
}

/* Parses the query words of a, opens the index and resolves the query's
 * saved searches into *text, *q, *db and *ix. Returns 0, or an exit
 * status once the error is told and all is freed. */
static int
query_open(const struct index_args *a, char **text, struct query *q,
           char **db, struct index **ix)
{
    *text = query_text(a->words, a->nwords);
    if (query_get(*text, q) < 0) {
        free(*text);
        return EXIT_USAGE;
    }
    *db = index_path(a, false);
    *ix = *db != NULL ? index_get(*db, false) : NULL;
    if (*ix == NULL) {
        query_free(q);
        free(*text);
        free(*db);
        return EXIT_INDEX;
    }
    if (query_resolve(*ix, *text, q) < 0) {
        index_close(*ix);
        free(*text);
        free(*db);
        return EXIT_USAGE;
    }
    return 0;
}

/* A case file's notes, for `quoth export @NAME` (ux.md 7.5): each
 * marked quote's id and one-line note. */
struct case_notes {
    char **id, **note;
    size_t n;
};

static void
case_notes_row(void *ctx, const char *id, const char *note)
{
    struct case_notes *c = ctx;

    c->id = xreallocarray(c->id, c->n + 1, sizeof *c->id);
    c->note = xreallocarray(c->note, c->n + 1, sizeof *c->note);
    c->id[c->n] = xstrdup(id);
    c->note[c->n++] = xstrdup(note ? note : "");
}

static const char *
case_notes_of(void *ctx, const char *id)
{
    const struct case_notes *c = ctx;
    size_t k;

    for (k = 0; k < c->n; k++)
        if (strcmp(c->id[k], id) == 0)
            return c->note[k];
    return NULL;
}

static void
case_notes_free(struct case_notes *c)
{
    size_t k;

    for (k = 0; k < c->n; k++) {
        free(c->id[k]);
        free(c->note[k]);
    }
    free(c->id);
    free(c->note);
}

/* Runs a query and writes what it finds to fp: search and export. */
static int
run_query(const struct cmd *c, const struct index_args *a, FILE *fp,
          enum out_format format, bool color, const char *outname)
{
    struct out_options opts = {.format = format, .color = color};
    struct case_notes notes = {NULL, NULL, 0};
    struct q_error err = {{0}};
    struct query q;
    enum index_sort sort;
    struct record_sink sink;
    struct index *ix;
    struct out *o;
    char *text, *db, *end;
    size_t limit = 0;
    long n;
    int rc;

    if (search_sort(a->sort, &sort) < 0)
        return usage_error(c, "--sort takes date, -date or speaker, not "
                           "'%s'", a->sort);
    if (a->limit != NULL) {
        errno = 0;
        unsigned long long v = strtoull(a->limit, &end, 10);
        if (errno != 0 || *end != '\0' || a->limit[0] == '-' || v == 0)
            return usage_error(c, "--limit takes a positive number, not "
                               "'%s'", a->limit);
        limit = (size_t)v;
    }
    if ((rc = query_open(a, &text, &q, &db, &ix)) != 0)
        return rc;
    /* A query with checks in C may fail on the way (a pattern too
     * complex): counted first, so that a failure prints nothing. */
    if (query_has_checks(&q) && (n = index_count(ix, &q, &err)) < 0) {
        if (n == -3)
            query_error_print(text, query_failed(&q));
        else
            print_reject(db, 0, err.msg);
        index_close(ix);
        query_free(&q);
        free(text);
        free(db);
        return n == -3 ? EXIT_USAGE : EXIT_INDEX;
    }
    if (format == OUT_TEXT && fp == stdout)
        opts.cols = tty_cols(STDOUT_FILENO);
    opts.query = text;
    opts.inputs = &db;
    opts.ninputs = 1;
    /* a case file exported whole (@NAME of a case): with its notes */
    if (strcmp(c->name, "export") == 0 && text[0] == '@' &&
        strpbrk(text, " \t") == NULL &&
        index_case_marks(ix, text + 1, case_notes_row, &notes, &err) > 0) {
        opts.note = case_notes_of;
        opts.note_ctx = &notes;
    }
    o = out_new(fp, &opts);
    sink = out_sink(o);
    n = index_search(ix, &q, sort, limit, &sink, &err);
    if (n == -3) {
        query_error_print(text, query_failed(&q));
        rc = EXIT_USAGE;
    } else if (n == -1) {
        print_reject(db, 0, err.msg);
        rc = EXIT_INDEX;
    } else if (out_finish(o) < 0 || n == -2) {
        fprintf(stderr, "quoth: %s: %s\n", outname,
                errno ? strerror(errno) : "write error");
        rc = EXIT_NONE;
    } else {
        rc = n > 0 ? EXIT_OK : EXIT_NONE;
    }
    out_free(o);
    case_notes_free(&notes);
    index_close(ix);
    query_free(&q);
    free(text);
    free(db);
    return rc;
}

static int
cmd_search(int argc, char **argv)
{
    const struct cmd *c = cmd_find("search");
    struct index_args a = {0};
    enum out_format format = OUT_TEXT;
    bool color;
    int r;

    r = index_opts(c, argc, argv, "dfscnQ", false, &a);
    if (r != 0) {
        free(a.words);
        return r > 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (a.nwords == 0) {
        free(a.words);
        return usage_error(c, "%s", "no query given ('' finds every quote)");
    }
    if (a.format != NULL && out_format_parse(a.format, &format) < 0) {
        fprintf(stderr, "quoth: unknown format '%s' (one of %s)\n",
                a.format, out_format_names());
        free(a.words);
        return EXIT_USAGE;
    }
    if (color_parse(a.color ? a.color : "auto", &color) < 0) {
        free(a.words);
        return usage_error(c, "--color takes auto, always or never, not "
                           "'%s'", a.color);
    }
    r = run_query(c, &a, stdout, format, format == OUT_TEXT && color,
                  "standard output");
    free(a.words);
    return r;
}

/* The format a file's name asks for: .jsonl, .json, .csv, .tsv, .txt. */
static int
format_of_name(const char *name, enum out_format *f)
{
    static const struct {
        const char *ext;
        enum out_format f;
    } exts[] = {{".jsonl", OUT_JSONL}, {".ndjson", OUT_JSONL},
                {".json", OUT_JSON}, {".csv", OUT_CSV}, {".tsv", OUT_TSV},
                {".txt", OUT_TEXT}, {".cite", OUT_CITE}};
    size_t n = strlen(name), k;

    for (k = 0; k < sizeof exts / sizeof *exts; k++) {
        size_t e = strlen(exts[k].ext);
        if (n > e && strcmp(name + n - e, exts[k].ext) == 0) {
            *f = exts[k].f;
            return 0;
        }
    }
    return -1;
}

static int
cmd_export(int argc, char **argv)
{
    const struct cmd *c = cmd_find("export");
    struct index_args a = {0};
    enum out_format format;
    FILE *fp;
    int r;

    r = index_opts(c, argc, argv, "dfsoQ", false, &a);
    if (r != 0) {
        free(a.words);
        return r > 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (a.output == NULL) {
        free(a.words);
        return usage_error(c, "%s", "no file to write (-o FILE)");
    }
    if (a.format != NULL ? out_format_parse(a.format, &format) < 0
                         : format_of_name(a.output, &format) < 0) {
        if (a.format != NULL)
            fprintf(stderr, "quoth: unknown format '%s' (one of %s)\n",
                    a.format, out_format_names());
        else
            fprintf(stderr, "quoth: %s: cannot tell the format from the "
                    "name (.jsonl, .json, .csv, .tsv, .txt, .cite; or "
                    "--format)\n", a.output);
        free(a.words);
        return EXIT_USAGE;
    }
    fp = strcmp(a.output, "-") == 0 ? stdout : fopen(a.output, "w");
    if (fp == NULL) {
        print_reject(a.output, 0, strerror(errno));
        free(a.words);
        return EXIT_NONE;
    }
    r = run_query(c, &a, fp, format, false, a.output);
    if (fp != stdout && fclose(fp) != 0 && r != EXIT_INDEX) {
        print_reject(a.output, 0, strerror(errno));
        r = EXIT_NONE;
    }
    free(a.words);
    return r;
}

struct show_ctx {
    struct out *out;        /* --format given */
    size_t count;
    bool failed;
};

/* Paragraph k (from 0) of a, sanitized, wrapped by nothing. */
static void
show_para(struct buf *b, const struct article *a, size_t k)
{
    if (k >= a->npara || a->paras[k].end > a->body_len)
        return;
    utf8_sanitize(b, a->body + a->paras[k].start,
                  a->paras[k].end - a->paras[k].start, false);
    buf_puts(b, "\n\n");
}

static int
show_put(void *ctx, const struct record *r)
{
    struct show_ctx *s = ctx;
    const struct article *a = r->article;
    struct buf b = {0};
    size_t p = r->para > 0 ? r->para - 1 : 0;

    if (s->out != NULL) {
        s->count++;
        return out_put(s->out, r);
    }
    if (s->count++ > 0)
        buf_puts(&b, "\n");
    if (p > 0)
        show_para(&b, a, p - 1);
    show_para(&b, a, p);
    show_para(&b, a, p + 1);
    if (fwrite(b.data, 1, b.len, stdout) != b.len ||
        out_fields(stdout, r) < 0)
        s->failed = true;
    buf_free(&b);
    return s->failed ? -1 : 0;
}

static int
cmd_show(int argc, char **argv)
{
    const struct cmd *c = cmd_find("show");
    struct index_args a = {0};
    struct out_options opts = {0};
    struct show_ctx s = {0};
    struct record_sink sink = {show_put, &s};
    struct q_error err = {{0}};
    struct index *ix;
    char *db;
    long n;
    int r, rc;

    r = index_opts(c, argc, argv, "df", true, &a);
    if (r != 0) {
        free(a.words);
        return r > 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (a.nwords != 1) {
        free(a.words);
        return usage_error(c, "%s", "give one quote id");
    }
    if (a.format != NULL && out_format_parse(a.format, &opts.format) < 0) {
        fprintf(stderr, "quoth: unknown format '%s' (one of %s)\n",
                a.format, out_format_names());
        free(a.words);
        return EXIT_USAGE;
    }
    db = index_path(&a, false);
    ix = db != NULL ? index_get(db, false) : NULL;
    if (ix == NULL) {
        free(db);
        free(a.words);
        return EXIT_INDEX;
    }
    if (a.format != NULL)
        s.out = out_new(stdout, &opts);
    n = index_show(ix, a.words[0], &sink, &err);
    if (n == -3) {
        fprintf(stderr, "quoth: %s\n", err.msg);
        rc = EXIT_USAGE;
    } else if (n == -1) {
        print_reject(db, 0, err.msg);
        rc = EXIT_INDEX;
    } else if ((s.out != NULL && out_finish(s.out) < 0) || s.failed ||
               fflush(stdout) != 0) {
        fprintf(stderr, "quoth: standard output: write error\n");
        rc = EXIT_NONE;
    } else if (n == 0) {
        fprintf(stderr, "quoth: no quote with id %s\n", a.words[0]);
        rc = EXIT_NONE;
    } else {
        rc = EXIT_OK;
    }
    out_free(s.out);
    index_close(ix);
    free(db);
    free(a.words);
    return rc;
}

static void
human_size(char *out, size_t n, double bytes)
{
    static const char *const units[] = {"B", "KB", "MB", "GB", "TB"};
    size_t u = 0;

    while (bytes >= 1024 && u + 1 < sizeof units / sizeof *units) {
        bytes /= 1024;
        u++;
    }
    snprintf(out, n, u == 0 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
}

static int
cmd_stats(int argc, char **argv)
{
    const struct cmd *c = cmd_find("stats");
    struct index_args a = {0};
    struct index_stats st;
    struct q_error err = {{0}};
    struct index *ix;
    struct buf path = {0};
    char size[32], per[32];
    char *db;
    int r;

    r = index_opts(c, argc, argv, "d", false, &a);
    if (r == 0 && a.nwords > 0)
        r = -1, usage_error(c, "unexpected argument '%s'", a.words[0]);
    free(a.words);
    if (r != 0)
        return r > 0 ? EXIT_OK : EXIT_USAGE;
    db = index_path(&a, false);
    ix = db != NULL ? index_get(db, false) : NULL;
    if (ix == NULL || index_stats(ix, db, &st, &err) < 0) {
        if (ix != NULL)
            print_reject(db, 0, err.msg);
        index_close(ix);
        free(db);
        return EXIT_INDEX;
    }
    human_size(size, sizeof size, (double)st.bytes);
    human_size(per, sizeof per,
               st.quotes > 0 ? (double)st.bytes / (double)st.quotes : 0);
    utf8_sanitize(&path, db, strlen(db), false);
    printf("index      %s\n", path.data ? path.data : "");
    printf("articles   %lld\n", (long long)st.articles);
    printf("quotes     %lld\n", (long long)st.quotes);
    printf("speakers   %lld\n", (long long)st.speakers);
    printf("countries  %lld\n", (long long)st.countries);
    printf("sources    %lld\n", (long long)st.sources);
    printf("files      %lld (%lld locations)\n", (long long)st.files,
           (long long)st.locations);
    if (st.date_min[0] != '\0')
        printf("dates      %s to %s\n", st.date_min, st.date_max);
    else
        printf("dates      -\n");
    printf("size       %s (%s a quote)\n", size, per);
    printf("extractor  %s (this quoth: %s)\n",
           st.extractor[0] ? st.extractor : "-", index_extractor());
    printf("schema     %d\n", st.schema);
    printf("fixes      %lld\n", (long long)st.overrides);
    buf_free(&path);
    index_close(ix);
    free(db);
    return fflush(stdout) == 0 ? EXIT_OK : EXIT_NONE;
}

static void
facet_row(void *ctx, const char *value, int64_t count, const char *forms)
{
    struct buf b = {0};

    (void)ctx;
    buf_printf(&b, "%lld\t", (long long)count);
    utf8_sanitize(&b, value, strlen(value), false);
    if (forms != NULL) {
        buf_putc(&b, '\t');
        utf8_sanitize(&b, forms, strlen(forms), false);
    }
    buf_putc(&b, '\n');
    fwrite(b.data, 1, b.len, stdout);
    buf_free(&b);
}

static int
run_facet(const char *name, enum index_facet f, int argc, char **argv)
{
    const struct cmd *c = cmd_find(name);
    struct index_args a = {0};
    struct q_error err = {{0}};
    struct query q;
    struct index *ix;
    char *text, *db;
    long n;
    int r;

    r = index_opts(c, argc, argv, "dQ", false, &a);
    if (r != 0) {
        free(a.words);
        return r > 0 ? EXIT_OK : EXIT_USAGE;
    }
    r = query_open(&a, &text, &q, &db, &ix);
    free(a.words);
    if (r != 0)
        return r;
    n = index_facet(ix, f, &q, facet_row, NULL, &err);
    if (n == -3)
        query_error_print(text, query_failed(&q));
    else if (n < 0)
        print_reject(db, 0, err.msg);
    index_close(ix);
    query_free(&q);
    free(text);
    free(db);
    if (n == -3)
        return EXIT_USAGE;
    if (n < 0)
        return EXIT_INDEX;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "quoth: standard output: write error\n");
        return EXIT_NONE;
    }
    return n > 0 ? EXIT_OK : EXIT_NONE;
}

static int
cmd_people(int argc, char **argv)
{
    return run_facet("people", INDEX_PEOPLE, argc, argv);
}

static int
cmd_countries(int argc, char **argv)
{
    return run_facet("countries", INDEX_COUNTRIES, argc, argv);
}

static int
cmd_sources(int argc, char **argv)
{
    return run_facet("sources", INDEX_SOURCES, argc, argv);
}

static void
fix_row(void *ctx, const char *kind, const char *target, const char *what)
{
    struct buf b = {0};

    (void)ctx;
    buf_printf(&b, "%s\t", kind);
    utf8_sanitize(&b, target, strlen(target), false);
    buf_putc(&b, '\t');
    utf8_sanitize(&b, what, strlen(what), false);
    buf_putc(&b, '\n');
    fwrite(b.data, 1, b.len, stdout);
    buf_free(&b);
}

static int
cmd_fix(int argc, char **argv)
{
    const struct cmd *c = cmd_find("fix");
    struct index_args a = {0};
    struct q_error err = {{0}};
    enum index_fix what = INDEX_FIX_SPEAKER;
    const char *value = NULL, *id = NULL;
    char cc[3] = {0};
    bool list = false;
    int i, nwhat = 0, r, rc;
    struct index *ix;
    char *db;

    for (i = 1; i < argc; i++) {
        bool missing = false;
        const char *v;

        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            usage_line(stdout, c);
            return EXIT_OK;
        } else if (strcmp(argv[i], "--list") == 0) {
            list = true;
        } else if (strcmp(argv[i], "--none") == 0) {
            what = INDEX_FIX_NONE;
            nwhat++;
        } else if ((v = opt_value(argc, argv, &i, "--speaker", NULL,
                                  &missing))) {
            what = INDEX_FIX_SPEAKER;
            value = v;
            nwhat++;
        } else if ((v = opt_value(argc, argv, &i, "--country", NULL,
                                  &missing))) {
            if (strlen(v) != 2 || country_name(v) == NULL)
                return usage_error(c, "--country takes an ISO 3166-1 "
                                   "alpha-2 code, not '%s'", v);
            cc[0] = (char)(v[0] & ~0x20);
            cc[1] = (char)(v[1] & ~0x20);
            what = INDEX_FIX_COUNTRY;
            value = cc;
            nwhat++;
        } else if ((v = opt_value(argc, argv, &i, "--db", NULL,
                                  &missing))) {
            a.db = v;
        } else if (missing) {
            return usage_error(c, "option %s needs a value", argv[i]);
        } else if (argv[i][0] == '-') {
            return usage_error(c, "unknown option '%s'", argv[i]);
        } else if (id == NULL) {
            id = argv[i];
        } else {
            return usage_error(c, "unexpected argument '%s'", argv[i]);
        }
    }
    if (list ? id != NULL || nwhat > 0 : id == NULL || nwhat != 1)
        return usage_error(c, "%s", list ? "--list takes nothing else"
                           : "give a quote id and one of --speaker NAME, "
                             "--none, --country CC");
    if (what == INDEX_FIX_SPEAKER && value != NULL && *value == '\0')
        return usage_error(c, "%s", "--speaker needs a name (or use --none)");
    db = index_path(&a, false);
    if (db == NULL)
        return EXIT_INDEX;
    ix = index_get(db, !list);
    if (ix == NULL) {
        free(db);
        return EXIT_INDEX;
    }
    if (list) {
        long n = index_overrides(ix, fix_row, NULL, &err);
        rc = n < 0 ? EXIT_INDEX : n > 0 ? EXIT_OK : EXIT_NONE;
    } else {
        r = index_fix(ix, id, what, value, &err);
        if (r == 0)
            fprintf(stderr, "quoth: no quote with id %s\n", id);
        rc = r > 0 ? EXIT_OK : r == 0 ? EXIT_NONE : EXIT_INDEX;
        if (r < 0 && strstr(err.msg, "quote id") != NULL) {
            fprintf(stderr, "quoth: %s\n", err.msg);
            rc = EXIT_USAGE;
            err.msg[0] = '\0';
        } else if (r < 0 && strstr(err.msg, "several quotes") != NULL) {
            fprintf(stderr, "quoth: %s\n", err.msg);
            rc = EXIT_USAGE;
            err.msg[0] = '\0';
        }
    }
    if (rc == EXIT_INDEX && err.msg[0] != '\0')
        print_reject(db, 0, err.msg);
    index_close(ix);
    free(db);
    return rc;
}

static void
saved_row(void *ctx, const char *name, const char *text)
{
    (void)ctx;
    printf("%s\t%s\n", name, text);
}

static int
cmd_query(int argc, char **argv)
{
    const struct cmd *c = cmd_find("query");
    struct index_args a = {0};
    struct q_error err = {{0}};
    struct query_env env = {0, index_query_lookup, NULL};
    struct query_error qe;
    struct query q;
    struct index *ix = NULL;
    const char *verb;
    char *db = NULL, *text = NULL;
    long n = 0;
    int r;

    r = index_opts(c, argc, argv, "dQ", false, &a);
    verb = r == 0 && a.nwords > 0 ? a.words[0] : "";
    if (r == 0 && !((strcmp(verb, "save") == 0 && a.nwords >= 3) ||
                    (strcmp(verb, "list") == 0 && a.nwords == 1) ||
                    (strcmp(verb, "rm") == 0 && a.nwords == 2)))
        r = -1, usage_error(c, "%s", "say save NAME QUERY..., list or rm "
                            "NAME");
    if (r != 0) {
        free(a.words);
        return r > 0 ? EXIT_OK : EXIT_USAGE;
    }
    db = index_path(&a, false);
    ix = db != NULL ? index_get(db, strcmp(verb, "list") != 0) : NULL;
    if (ix == NULL) {
        r = EXIT_INDEX;
        goto out;
    }
    if (strcmp(verb, "list") == 0) {
        n = index_query_list(ix, saved_row, NULL, &err);
        r = n < 0 ? EXIT_INDEX : n > 0 ? EXIT_OK : EXIT_NONE;
    } else if (strcmp(verb, "rm") == 0) {
        n = index_query_remove(ix, a.words[1], &err);
        if (n == 0)
            fprintf(stderr, "quoth: no saved search '%s'\n", a.words[1]);
        r = n < 0 ? EXIT_INDEX : n > 0 ? EXIT_OK : EXIT_NONE;
    } else {
        /* a saved search must parse, with the searches it names, and
         * may not include itself: checked once saved, else undone */
        char *self = xasprintf("query:%s", a.words[1]), *old = NULL;
        text = query_text(a.words + 2, a.nwords - 2);
        env.ctx = ix;
        if (query_parse_env(text, &env, &q, &qe) < 0) {
            query_error_print(text, &qe);
            free(self);
            r = EXIT_USAGE;
            goto out;
        }
        query_free(&q);
        n = index_query_get(ix, a.words[1], &old, &err);
        if (n >= 0)
            n = index_query_save(ix, a.words[1], text, &err);
        if (n >= 0 && query_parse_env(self, &env, &q, &qe) < 0) {
            query_error_print(self, &qe);
            if (old != NULL)
                n = index_query_save(ix, a.words[1], old, &err);
            else
                n = index_query_remove(ix, a.words[1], &err);
            r = EXIT_USAGE;
        } else if (n >= 0) {
            query_free(&q);
            r = EXIT_OK;
        }
        free(self);
        free(old);
        if (n >= 0)
            goto out;
        r = EXIT_INDEX;
    }
    if (n < 0)
        print_reject(db, 0, err.msg);
out:
    index_close(ix);
    free(text);
    free(db);
    free(a.words);
    return r;
}

static int
cmd_alias(int argc, char **argv)
{
    const struct cmd *c = cmd_find("alias");
    struct index_args a = {0};
    struct q_error err = {{0}};
    struct index *ix;
    char *db;
    long n;
    int r;

    r = index_opts(c, argc, argv, "d", true, &a);
    if (r == 0 && a.nwords != 2)
        r = -1, usage_error(c, "%s", "give a written form and the name it "
                            "stands for");
    if (r != 0) {
        free(a.words);
        return r > 0 ? EXIT_OK : EXIT_USAGE;
    }
    db = index_path(&a, false);
    ix = db != NULL ? index_get(db, true) : NULL;
    if (ix == NULL) {
        free(db);
        free(a.words);
        return EXIT_INDEX;
    }
    n = index_alias(ix, a.words[0], a.words[1], &err);
    if (n < 0) {
        if (strcmp(err.msg, "a name needs letters") == 0) {
            fprintf(stderr, "quoth: %s\n", err.msg);
            r = EXIT_USAGE;
        } else {
            print_reject(db, 0, err.msg);
            r = EXIT_INDEX;
        }
    } else {
        printf("%ld quotes regrouped\n", n);
        r = EXIT_OK;
    }
    index_close(ix);
    free(db);
    free(a.words);
    return r;
}

/* --- check and variants (check.c) ---------------------------------------- */

/* The options of check and variants. */
struct check_args {
    struct index_args ia;       /* db, format, color, limit, speaker, min */
};

/* Parses check's (or, without claims, variants') options, anywhere before
 * "--". Returns 0, 1 for --help, or -1 after printing the usage error. */
static int
check_opts(const struct cmd *c, int argc, char **argv, bool claims,
           struct check_args *a)
{
    return index_opts(c, argc, argv, claims ? "dfcwmn" : "dfc", true, &a->ia);
}

/* The claim: the words joined by spaces, or standard input for "-".
 * NULL after printing why (exit 2). Caller frees. */
static char *
check_claim(const struct cmd *c, char **words, size_t n)
{
    struct buf b = {0};
    char chunk[65536];
    size_t got;

    if (n == 0) {
        usage_error(c, "%s", "no claim given (words, or - to read it)");
        return NULL;
    }
    if (n > 1 || strcmp(words[0], "-") != 0)
        return query_text(words, n);
    while ((got = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
        buf_append(&b, chunk, got);
        if (b.len > (1u << 20)) {
            buf_free(&b);
            usage_error(c, "%s", "the claim on standard input is over "
                        "1 MB");
            return NULL;
        }
    }
    if (ferror(stdin)) {
        buf_free(&b);
        fprintf(stderr, "quoth: standard input: %s\n", strerror(errno));
        return NULL;
    }
    if (b.data == NULL || memchr(b.data, '\0', b.len) != NULL) {
        usage_error(c, "%s", b.data == NULL ? "the claim on standard input "
                    "is empty" : "the claim holds a NUL byte");
        buf_free(&b);
        return NULL;
    }
    return buf_take(&b);
}

/* Opens the index, runs check (claim != NULL) or variants (id), prints
 * the result. Returns the exit status. */
static int
check_do(const struct cmd *c, struct check_args *a, const char *claim,
         const struct check_options *o)
{
    enum out_format format = OUT_TEXT;
    struct q_error err = {{0}};
    struct check_result *r;
    struct index *ix;
    bool color, usage;
    char *db;
    int rc;

    if (a->ia.format != NULL && out_format_parse(a->ia.format, &format) < 0) {
        fprintf(stderr, "quoth: unknown format '%s' (one of %s)\n",
                a->ia.format, out_format_names());
        return EXIT_USAGE;
    }
    if (color_parse(a->ia.color ? a->ia.color : "auto", &color) < 0)
        return usage_error(c, "--color takes auto, always or never, not "
                           "'%s'", a->ia.color);
    db = index_path(&a->ia, false);
    ix = db != NULL ? index_get(db, false) : NULL;
    if (ix == NULL) {
        free(db);
        return EXIT_INDEX;
    }
    r = o != NULL ? check_run(ix, claim, o, &usage, &err)
                  : check_variants(ix, claim, &usage, &err);
    if (r == NULL) {
        if (usage)
            fprintf(stderr, "quoth: %s\n", err.msg);
        else
            print_reject(db, 0, err.msg);
        rc = usage ? EXIT_USAGE : EXIT_INDEX;
    } else if (o == NULL && r->n == 0) {
        fprintf(stderr, "quoth: no quote with id %s\n", r->claim);
        rc = EXIT_NONE;
    } else if (check_print(stdout, r, format, color) < 0) {
        fprintf(stderr, "quoth: standard output: %s\n",
                errno ? strerror(errno) : "write error");
        rc = EXIT_NONE;
    } else {
        rc = r->n > 0 ? EXIT_OK : EXIT_NONE;
    }
    check_result_free(r);
    index_close(ix);
    free(db);
    return rc;
}

static int
cmd_check(int argc, char **argv)
{
    const struct cmd *c = cmd_find("check");
    struct check_args a = {0};
    struct check_options o = {.min = CHECK_MIN, .limit = 20};
    char *claim = NULL, *end;
    int r;

    r = check_opts(c, argc, argv, true, &a);
    if (r != 0) {
        free(a.ia.words);
        return r > 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (a.ia.min != NULL && check_parse_min(a.ia.min, &o.min) < 0) {
        free(a.ia.words);
        return usage_error(c, "--min takes a score above 0 and at most 1, "
                           "not '%s'", a.ia.min);
    }
    if (a.ia.limit != NULL) {
        errno = 0;
        unsigned long long v = strtoull(a.ia.limit, &end, 10);
        if (errno != 0 || *end != '\0' || a.ia.limit[0] == '-' || v == 0) {
            free(a.ia.words);
            return usage_error(c, "--limit takes a positive number, not "
                               "'%s'", a.ia.limit);
        }
        o.limit = (size_t)v;
    }
    o.speaker = a.ia.speaker;
    claim = check_claim(c, a.ia.words, a.ia.nwords);
    r = claim != NULL ? check_do(c, &a, claim, &o) : EXIT_USAGE;
    free(claim);
    free(a.ia.words);
    return r;
}

static int
cmd_variants(int argc, char **argv)
{
    const struct cmd *c = cmd_find("variants");
    struct check_args a = {0};
    int r;

    r = check_opts(c, argc, argv, false, &a);
    if (r != 0) {
        free(a.ia.words);
        return r > 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (a.ia.nwords != 1) {
        free(a.ia.words);
        return usage_error(c, "%s", "give one quote id");
    }
    r = check_do(c, &a, a.ia.words[0], NULL);
    free(a.ia.words);
    return r;
}

/* --- speaker (ux.md 7.4) ------------------------------------------------- */

struct card_ctx {
    struct buf b;
    int64_t max;            /* months: the most quotes in one */
    bool countries;
};

static void
card_row(void *ctx, const char *value, const char *from, const char *to,
         int64_t articles, int64_t quotes)
{
    struct card_ctx *c = ctx;
    struct buf v = {0};

    utf8_sanitize(&v, value ? value : "", value ? strlen(value) : 0, false);
    if (c->countries)
        buf_printf(&c->b, "    %s %s", v.data ? v.data : "",
                   country_name(value) ? country_name(value) : "");
    else
        buf_printf(&c->b, "    %s", v.data ? v.data : "");
    buf_printf(&c->b, "  %.10s to %.10s, %lld article%s, %lld quote%s\n",
               from ? from : "?", to ? to : "?", (long long)articles,
               articles == 1 ? "" : "s", (long long)quotes,
               quotes == 1 ? "" : "s");
    buf_free(&v);
}

static void
card_form(void *ctx, const char *value, const char *from, const char *to,
          int64_t articles, int64_t quotes)
{
    struct card_ctx *c = ctx;

    (void)from, (void)to, (void)articles;
    if (c->b.len > 0)
        buf_puts(&c->b, ", ");
    utf8_sanitize(&c->b, value, strlen(value), false);
    buf_printf(&c->b, " (%lld)", (long long)quotes);
}

static void
card_month(void *ctx, const char *value, const char *from, const char *to,
           int64_t articles, int64_t quotes)
{
    struct card_ctx *c = ctx;
    int64_t k, bar = c->max > 40 ? (quotes * 40 + c->max - 1) / c->max
                                 : quotes;

    (void)from, (void)to, (void)articles;
    buf_printf(&c->b, "    %.7s  ", value ? value : "?");
    for (k = 0; k < bar; k++)
        buf_puts(&c->b, "\xe2\x96\x87");
    buf_printf(&c->b, " %lld\n", (long long)quotes);
}

static void
card_max(void *ctx, const char *value, const char *from, const char *to,
         int64_t articles, int64_t quotes)
{
    int64_t *max = ctx;

    (void)value, (void)from, (void)to, (void)articles;
    if (quotes > *max)
        *max = quotes;
}

/* Prints the conflicts: the person's quotes whose words others are also
 * credited with, and who. */
struct card_conflicts {
    struct index *ix;
    struct buf *b;
    char **seen;            /* the quotes told, by their words */
    size_t n;
};

static int
card_conflict(void *ctx, const struct record *r)
{
    struct card_conflicts *c = ctx;
    struct q_error err = {{0}};
    struct check_result *v;
    bool usage, any = false;
    size_t k, j;

    const char *own = NULL;

    /* the same words again (another copy of the article): told once */
    for (k = 0; k < c->n; k++)
        if (strcmp(c->seen[k], r->quote) == 0)
            return 0;
    c->seen = xreallocarray(c->seen, c->n + 1, sizeof *c->seen);
    c->seen[c->n++] = xstrdup(r->quote);
    buf_printf(c->b, "    %s \xe2\x80\x9c", r->id);
    utf8_fit(c->b, r->quote, strlen(r->quote), 60);
    buf_puts(c->b, "\xe2\x80\x9d also credited to ");
    v = check_variants(c->ix, r->id, &usage, &err);
    for (k = 0; v != NULL && k < v->n; k++)
        if (strcmp(v->m[k].id, r->id) == 0)
            own = v->m[k].key;
    for (k = 0; v != NULL && k < v->n; k++) {
        const struct check_match *m = &v->m[k];
        bool dup = false;
        if (m->speaker == NULL || m->key == NULL ||
            (own != NULL && strcmp(m->key, own) == 0))
            continue;
        for (j = 0; j < k && !dup; j++)
            dup = v->m[j].speaker != NULL && v->m[j].key != NULL &&
                  (own == NULL || strcmp(v->m[j].key, own) != 0) &&
                  strcmp(v->m[j].key, m->key) == 0;
        if (dup)
            continue;
        if (any)
            buf_puts(c->b, "; ");
        utf8_sanitize(c->b, m->speaker, strlen(m->speaker), false);
        any = true;
    }
    if (!any)
        buf_puts(c->b, "others");
    buf_putc(c->b, '\n');
    check_result_free(v);
    return 0;
}

static int
cmd_speaker(int argc, char **argv)
{
    const struct cmd *c = cmd_find("speaker");
    struct index_args a = {0};
    struct q_error err = {{0}};
    struct query q, qc;
    struct card_ctx cc = {0};
    struct buf text = {0}, out = {0};
    struct index *ix = NULL;
    char *name = NULL, *db = NULL;
    long n;
    int r, rc = EXIT_INDEX;
    bool parsed = false, parsed_c = false;

    r = index_opts(c, argc, argv, "d", false, &a);
    if (r != 0) {
        free(a.words);
        return r > 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (a.nwords == 0) {
        free(a.words);
        return usage_error(c, "%s", "no name given");
    }
    name = query_text(a.words, a.nwords);
    if (strchr(name, '"') != NULL) {
        usage_error(c, "%s", "a name holds no double quotation mark");
        rc = EXIT_USAGE;
        goto out;
    }
    buf_printf(&text, "speaker:\"%s\"", name);
    if (query_get(text.data, &q) < 0) {
        rc = EXIT_USAGE;
        goto out;
    }
    parsed = true;
    buf_printf(&text, " is:conflict");
    if (query_get(text.data, &qc) < 0) {
        rc = EXIT_USAGE;
        goto out;
    }
    parsed_c = true;
    db = index_path(&a, false);
    ix = db != NULL ? index_get(db, false) : NULL;
    if (ix == NULL)
        goto out;
    /* the forms: the first line; none means no quote */
    if ((n = index_card(ix, INDEX_CARD_FORMS, &q, card_form, &cc, &err)) < 0)
        goto fail;
    if (n == 0) {
        struct buf v = {0};
        utf8_sanitize(&v, name, strlen(name), false);
        fprintf(stderr, "quoth: no quote in the index is credited to %s\n",
                v.data ? v.data : "");
        buf_free(&v);
        rc = EXIT_NONE;
        goto out;
    }
    buf_puts(&out, "written as: ");
    buf_append(&out, cc.b.data, cc.b.len);
    buf_puts(&out, "\nroles, as the articles described them:\n");
    buf_reset(&cc.b);
    if (index_card(ix, INDEX_CARD_ROLES, &q, card_row, &cc, &err) < 0)
        goto fail;
    buf_append(&out, cc.b.len ? cc.b.data : "    (none)\n",
               cc.b.len ? cc.b.len : 11);
    buf_puts(&out, "countries:\n");
    buf_reset(&cc.b);
    cc.countries = true;
    if (index_card(ix, INDEX_CARD_COUNTRIES, &q, card_row, &cc, &err) < 0)
        goto fail;
    buf_append(&out, cc.b.len ? cc.b.data : "    (none)\n",
               cc.b.len ? cc.b.len : 11);
    buf_puts(&out, "quotes per month:\n");
    buf_reset(&cc.b);
    if (index_card(ix, INDEX_CARD_MONTHS, &q, card_max, &cc.max, &err) < 0 ||
        index_card(ix, INDEX_CARD_MONTHS, &q, card_month, &cc, &err) < 0)
        goto fail;
    buf_append(&out, cc.b.len ? cc.b.data : "    (no dates)\n",
               cc.b.len ? cc.b.len : 15);
    buf_puts(&out, "conflicts (the same or nearly the same words credited "
             "to someone else):\n");
    {
        struct card_conflicts cf = {ix, &out, NULL, 0};
        struct record_sink sink = {card_conflict, &cf};
        n = index_search(ix, &qc, INDEX_SORT_DATE, 0, &sink, &err);
        for (size_t k = 0; k < cf.n; k++)
            free(cf.seen[k]);
        free(cf.seen);
        if (n < 0)
            goto fail;
        if (cf.n == 0)
            buf_puts(&out, "    (none)\n");
    }
    if (fwrite(out.data, 1, out.len, stdout) != out.len ||
        fflush(stdout) != 0) {
        fprintf(stderr, "quoth: standard output: write error\n");
        rc = EXIT_NONE;
    } else {
        rc = EXIT_OK;
    }
    goto out;
fail:
    print_reject(db, 0, err.msg);
    rc = EXIT_INDEX;
out:
    if (parsed)
        query_free(&q);
    if (parsed_c)
        query_free(&qc);
    index_close(ix);
    buf_free(&cc.b);
    buf_free(&text);
    buf_free(&out);
    free(name);
    free(db);
    free(a.words);
    return rc;
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

/* quoth browse: the ncursesw browser (ui/browse.c) over the index. */
static int
cmd_browse(int argc, char **argv)
{
    const struct cmd *c = cmd_find("browse");
    struct index_args a = {0};
    bool mouse = true;
    struct index *ix;
    struct query q;
    char *text, *db;
    int r, i, j, color = -1;

    /* --no-mouse is the browser's alone; the rest as every command */
    for (i = j = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            while (i < argc)
                argv[j++] = argv[i++];
            break;
        }
        if (strcmp(argv[i], "--no-mouse") == 0)
            mouse = false;
        else
            argv[j++] = argv[i];
    }
    argc = j;
    r = index_opts(c, argc, argv, "dc", false, &a);
    if (r != 0) {
        free(a.words);
        return r > 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (a.color != NULL && strcmp(a.color, "auto") == 0)
        color = -1;
    else if (a.color != NULL && strcmp(a.color, "always") == 0)
        color = 1;
    else if (a.color != NULL && strcmp(a.color, "never") == 0)
        color = 0;
    else if (a.color != NULL) {
        free(a.words);
        return usage_error(c, "--color takes auto, always or never, not "
                           "'%s'", a.color);
    }
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        free(a.words);
        fprintf(stderr, "quoth: browse needs a terminal (try 'quoth "
                "search')\n");
        return EXIT_USAGE;
    }
    /* the query and the index checked here, so that their errors are
     * told as every command tells them, before the screen opens */
    if ((r = query_open(&a, &text, &q, &db, &ix)) != 0) {
        free(a.words);
        return r;
    }
    query_free(&q);
    index_close(ix);
    r = browse_run(db, text, mouse, color);
    free(text);
    free(db);
    free(a.words);
    return r;
}

/* `quoth` with no command, or with only --db FILE: the browser when
 * standard output is a terminal, else `quoth stats` of the index, so that
 * a script can run the README's first command (CONVENTIONS). */
static int
bare(int argc, char **argv)
{
    if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
        return cmd_browse(argc, argv);
    return cmd_stats(argc, argv);
}

int
main(int argc, char **argv)
{
    const struct cmd *c;

    setlocale(LC_ALL, "");
    if (argc < 2 || strcmp(argv[1], "--db") == 0 ||
        strncmp(argv[1], "--db=", 5) == 0)
        return bare(argc, argv);
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
