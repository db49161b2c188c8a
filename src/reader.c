// SPDX-License-Identifier: MIT
/*
 * Readers: from a path (a file, a directory, or stdin) to articles. Opens
 * safely, refuses what is not an article (binary, empty, too large), picks
 * a format from the content, and converts encodings to UTF-8. The formats
 * themselves live in read_*.c behind the table below.
 */
#include "reader.h"

#include <dirent.h>
#include <errno.h>
#include <iconv.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "readers.h"
#include "utf8.h"
#include "xmalloc.h"

/* In the order they are tried; text takes anything but markup. The
 * markup readers never take a head with no '<' in it, so their sniffs
 * (HTML's lowercases the whole head) are skipped for plain text. */
static const struct {
    const struct reader *r;
    bool markup;
} readers[] = {
    {&reader_jsonl, false},
    {&reader_feed, true},
    {&reader_newsxml, true},
    {&reader_html, true},
    {&reader_text, false},
};

#define READER_HEAD 4096

/* Names that describe a collection rather than being articles of it. */
static const char *const reader_skip_prefix[] = {
    "README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "SOURCE.txt",
    "manifest.jsonl",
};

/* What a directory's manifest.jsonl says of one of its files. */
struct manifest_entry {
    char *path;         /* the directory's path joined with "file" */
    char *url, *title, *date, *source;
};

struct reader_walk {
    const struct reader_sink *sink;     /* the caller's */
    struct reader_sink inner;           /* the readers': adds manifest data */
    struct manifest_entry *manifest;
    size_t nmanifest;
    const struct manifest_entry *cur;   /* of the file being read */
    dev_t dev[64];
    ino_t ino[64];
    size_t depth;
    int rc;
    /* reader_list: files go here instead of being read */
    void (*found)(void *ctx, struct reader_file *f);
    void *found_ctx;
};

static void
reader_note(struct reader_walk *w, int r)
{
    if (r < 0 || w->rc < 0)
        w->rc = -1;
    else if (r > w->rc)
        w->rc = r;
}

int
reader_slurp(const char *path, FILE *fp, const char *head, size_t n,
             const struct reader_sink *sink, char **out, size_t *size)
{
    struct buf b = {0};
    char chunk[65536], why[128];
    size_t got;

    *out = NULL;
    *size = 0;
    buf_append(&b, head, n);
    /* A short head already met the end: no read to learn it again. */
    while (!feof(fp) && b.len <= READER_MAX_ARTICLE &&
           (got = fread(chunk, 1, sizeof chunk, fp)) > 0)
        buf_append(&b, chunk, got);
    if (b.len > READER_MAX_ARTICLE || ferror(fp)) {
        if (b.len > READER_MAX_ARTICLE)
            snprintf(why, sizeof why, "article too large (over %u MB)",
                     READER_MAX_ARTICLE >> 20);
        else
            snprintf(why, sizeof why, "read error: %s", strerror(errno));
        buf_free(&b);
        sink->reject(sink->ctx, path, 0, why);
        return -1;
    }
    *size = b.len;
    *out = buf_take(&b);
    return 0;
}

/* Converts with iconv. Returns 0, or -1 when the input is not in from. */
static int
reader_iconv(const char *from, const char *in, size_t n, char **out,
             size_t *outlen)
{
    iconv_t cd = iconv_open("UTF-8", from);
    struct buf b = {0};
    char chunk[16384];
    char *inp = (char *)in;
    size_t left = n;
    int rc = -1;

    if (cd == (iconv_t)-1)
        return -1;
    while (left > 0) {
        char *op = chunk;
        size_t room = sizeof chunk;
        size_t r = iconv(cd, &inp, &left, &op, &room);
        buf_append(&b, chunk, sizeof chunk - room);
        if (r == (size_t)-1 && errno != E2BIG)
            goto out;
    }
    rc = 0;
    *outlen = b.len;
    *out = buf_take(&b);
out:
    buf_free(&b);
    iconv_close(cd);
    return rc;
}

/* Whether text that is not valid UTF-8 still is UTF-8 with some damage:
 * it has valid multibyte sequences, at least as many as bad bytes. Text in
 * a single-byte encoding almost never forms them. */
static bool
reader_mostly_utf8(const char *s, size_t n)
{
    size_t i = 0, good = 0, bad = 0;

    while (i < n) {
        size_t at = i;
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        if (utf8_decode(s, n, &i) < 0)
            bad++;
        else if (i - at > 1)
            good++;
    }
    return good > 0 && good >= bad;
}

int
reader_to_utf8(const char *in, size_t n, char **out, size_t *outlen,
               const char **why)
{
    const unsigned char *u = (const unsigned char *)in;

    *out = NULL;
    *outlen = 0;
    if (n >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
                   (u[0] == 0xfe && u[1] == 0xff))) {
        if (reader_iconv("UTF-16", in, n, out, outlen) < 0) {
            *why = "invalid UTF-16";
            return -1;
        }
        return 0;
    }
    if (n >= 3 && memcmp(in, "\xef\xbb\xbf", 3) == 0) {
        in += 3;
        n -= 3;
    }
    if (utf8_valid(in, n, NULL)) {
        *out = xstrndup(in, n);
        *outlen = n;
        return 0;
    }
    if (reader_mostly_utf8(in, n)) {
        /* UTF-8 with a few bad bytes: keep it, the bad bytes as U+FFFD. */
        struct buf b = {0};
        size_t i = 0;

        while (i < n) {
            size_t at = i;
            int32_t c = utf8_decode(in, n, &i);
            if (c < 0)
                utf8_encode(&b, 0xfffd);
            else
                buf_append(&b, in + at, i - at);
        }
        *outlen = b.len;
        *out = buf_take(&b);
        return 0;
    }
    if (reader_iconv("WINDOWS-1252", in, n, out, outlen) == 0 ||
        reader_iconv("ISO-8859-1", in, n, out, outlen) == 0)
        return 0;
    *why = "unknown text encoding";
    return -1;
}

/* Names the kind of a binary file from its first bytes, or NULL for text. */
static const char *
reader_binary(const char *head, size_t n)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *what;
    } magic[] = {
        {"\x89PNG", 4, "binary file (PNG image), not an article"},
        {"\xff\xd8\xff", 3, "binary file (JPEG image), not an article"},
        {"GIF8", 4, "binary file (GIF image), not an article"},
        {"%PDF", 4, "binary file (PDF), not an article"},
        {"PK\x03\x04", 4, "binary file (zip archive), not an article"},
        {"\x1f\x8b", 2, "binary file (gzip data), not an article"},
        {"\x7f" "ELF", 4, "binary file (executable), not an article"},
    };
    /* The control bytes text may hold: \t \n \f \r and ESC. */
    const uint32_t text_ctl = 1u << '\t' | 1u << '\n' | 1u << '\f' |
                              1u << '\r' | 1u << 0x1b;
    const unsigned char *u = (const unsigned char *)head;
    size_t k, ctl = 0;

    for (k = 0; k < sizeof magic / sizeof *magic; k++)
        if (n >= magic[k].len && memcmp(head, magic[k].magic,
                                        magic[k].len) == 0)
            return magic[k].what;
    if (n >= 2 && ((u[0] == 0xff && u[1] == 0xfe) ||
                   (u[0] == 0xfe && u[1] == 0xff)))
        return NULL;
    if (memchr(head, 0, n) != NULL)
        return "binary file (NUL bytes), not an article";
    for (k = 0; k < n; k++)
        ctl += u[k] < 0x20 && !(text_ctl >> u[k] & 1);
    if (ctl * 10 > n)
        return "binary file (control bytes), not an article";
    return NULL;
}

bool
reader_markup(const char *head, size_t n)
{
    size_t i = 0;

    if (n >= 3 && memcmp(head, "\xef\xbb\xbf", 3) == 0)
        i = 3;
    while (i < n && strchr(" \t\r\n", head[i]) != NULL)
        i++;
    return i + 1 < n && head[i] == '<' &&
           (head[i + 1] == '!' || head[i + 1] == '?' ||
            (head[i + 1] >= 'a' && head[i + 1] <= 'z') ||
            (head[i + 1] >= 'A' && head[i + 1] <= 'Z'));
}

/* Loads dir/manifest.jsonl, if there is one: lines of {"file", "url",
 * "title", "date", "source"} naming files under dir. A bad line is told to
 * the sink and skipped. */
static void
reader_manifest_load(struct reader_walk *w, const char *dir)
{
    char *path = xasprintf("%s%smanifest.jsonl", dir,
                           dir[strlen(dir) - 1] == '/' ? "" : "/");
    FILE *fp = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;

    if (fp == NULL) {
        free(path);
        return;
    }
    while (getline(&line, &cap, fp) > 0) {
        json_t *obj, *file;
        struct manifest_entry *e;

        lineno++;
        obj = json_loads(line, 0, NULL);
        file = json_object_get(obj, "file");
        if (!json_is_string(file)) {
            if (line[strspn(line, " \t\r\n")] != '\0') {
                w->sink->reject(w->sink->ctx, path, lineno,
                                "not a manifest line ({\"file\": ...})");
                reader_note(w, 1);
            }
            json_decref(obj);
            continue;
        }
        w->manifest = xreallocarray(w->manifest, w->nmanifest + 1,
                                    sizeof *w->manifest);
        e = &w->manifest[w->nmanifest++];
        memset(e, 0, sizeof *e);
        e->path = xasprintf("%s%s%s", dir,
                            dir[strlen(dir) - 1] == '/' ? "" : "/",
                            json_string_value(file));
        article_set(&e->url, json_string_value(json_object_get(obj, "url")));
        article_set(&e->title,
                    json_string_value(json_object_get(obj, "title")));
        article_set(&e->date, json_string_value(json_object_get(obj, "date")));
        article_set(&e->source,
                    json_string_value(json_object_get(obj, "source")));
        json_decref(obj);
    }
    free(line);
    fclose(fp);
    free(path);
}

static void
reader_manifest_free(struct reader_walk *w)
{
    size_t k;

    for (k = 0; k < w->nmanifest; k++) {
        free(w->manifest[k].path);
        free(w->manifest[k].url);
        free(w->manifest[k].title);
        free(w->manifest[k].date);
        free(w->manifest[k].source);
    }
    free(w->manifest);
}

static const struct manifest_entry *
reader_manifest_find(const struct reader_walk *w, const char *path)
{
    size_t k;

    for (k = w->nmanifest; k-- > 0;)
        if (strcmp(w->manifest[k].path, path) == 0)
            return &w->manifest[k];
    return NULL;
}

/* The readers' sink: fills what the article lacks from the manifest. */
static int
reader_walk_article(void *ctx, struct article *a)
{
    struct reader_walk *w = ctx;
    const struct manifest_entry *e = w->cur;

    if (e != NULL) {
        if (a->url == NULL && e->url != NULL)
            article_set(&a->url, e->url);
        if (a->title == NULL && e->title != NULL)
            article_set(&a->title, e->title);
        if (a->date == NULL && e->date != NULL)
            article_set(&a->date, e->date);
        if (a->source == NULL && e->source != NULL)
            article_set(&a->source, e->source);
        article_fill_domain(a);
    }
    return w->sink->article(w->sink->ctx, a);
}

static void
reader_walk_reject(void *ctx, const char *path, long line, const char *why)
{
    struct reader_walk *w = ctx;

    w->sink->reject(w->sink->ctx, path, line, why);
}

static void
reader_file(struct reader_walk *w, const char *path, FILE *fp)
{
    char head[READER_HEAD];
    const char *why;
    size_t n, k;
    bool markup;

    n = fread(head, 1, sizeof head, fp);
    if (n == 0) {
        w->sink->reject(w->sink->ctx, path, 0,
                        ferror(fp) ? strerror(errno) : "empty file");
        reader_note(w, 1);
        return;
    }
    w->cur = reader_manifest_find(w, path);
    why = reader_binary(head, n);
    if (why != NULL) {
        w->sink->reject(w->sink->ctx, path, 0, why);
        reader_note(w, 1);
        return;
    }
    markup = memchr(head, '<', n) != NULL;
    for (k = 0; k < sizeof readers / sizeof *readers; k++) {
        if ((readers[k].markup && !markup) || !readers[k].r->sniff(head, n))
            continue;
        reader_note(w, readers[k].r->read(path, fp, head, n, &w->inner));
        return;
    }
    w->sink->reject(w->sink->ctx, path, 0,
                    "markup of a kind quoth does not read");
    reader_note(w, 1);
}

static bool
reader_skip_name(const char *name)
{
    size_t k;

    if (name[0] == '.')
        return true;
    for (k = 0; k < sizeof reader_skip_prefix / sizeof *reader_skip_prefix;
         k++)
        if (strncmp(name, reader_skip_prefix[k],
                    strlen(reader_skip_prefix[k])) == 0)
            return true;
    return false;
}

static int
reader_cmp(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static void reader_path(struct reader_walk *w, const char *path, bool top,
                        bool regular);

static void
reader_dir(struct reader_walk *w, const char *path, const struct stat *st)
{
    struct dirent **names = NULL;
    int n, k;
    size_t d;

    for (d = 0; d < w->depth; d++)
        if (w->dev[d] == st->st_dev && w->ino[d] == st->st_ino) {
            w->sink->reject(w->sink->ctx, path, 0,
                            "directory loop (a symbolic link to a parent)");
            reader_note(w, 1);
            return;
        }
    if (w->depth == sizeof w->dev / sizeof *w->dev) {
        w->sink->reject(w->sink->ctx, path, 0, "directories nested too deep");
        reader_note(w, 1);
        return;
    }
    n = scandir(path, &names, NULL, reader_cmp);
    if (n < 0) {
        w->sink->reject(w->sink->ctx, path, 0, strerror(errno));
        reader_note(w, 1);
        return;
    }
    reader_manifest_load(w, path);
    w->dev[w->depth] = st->st_dev;
    w->ino[w->depth] = st->st_ino;
    w->depth++;
    for (k = 0; k < n; k++) {
        if (w->rc >= 0 && !reader_skip_name(names[k]->d_name)) {
            size_t len = strlen(path);
            char *child = xasprintf("%s%s%s", path,
                                    len > 0 && path[len - 1] == '/' ? "" : "/",
                                    names[k]->d_name);
            reader_path(w, child, false, names[k]->d_type == DT_REG);
            free(child);
        }
        free(names[k]);
    }
    free(names);
    w->depth--;
}

/* Hands a file to reader_list's callback, with its manifest data. */
static void
reader_found(struct reader_walk *w, const char *path)
{
    struct reader_file *f = xcalloc(1, sizeof *f);
    const struct manifest_entry *e = reader_manifest_find(w, path);

    f->path = xstrdup(path);
    if (e != NULL) {
        article_set(&f->url, e->url);
        article_set(&f->title, e->title);
        article_set(&f->date, e->date);
        article_set(&f->source, e->source);
    }
    w->found(w->found_ctx, f);
}

/* Reads path; regular says that its directory listed it as a regular
 * file (not a link), which spares a stat. */
static void
reader_path(struct reader_walk *w, const char *path, bool top, bool regular)
{
    struct stat st;
    FILE *fp;

    if (top && strcmp(path, "-") == 0) {
        if (w->found != NULL)
            reader_found(w, path);
        else
            reader_file(w, "-", stdin);
        return;
    }
    if (!regular && stat(path, &st) < 0) {
        w->sink->reject(w->sink->ctx, path, 0, strerror(errno));
        reader_note(w, 1);
        return;
    }
    if (!regular && S_ISDIR(st.st_mode)) {
        reader_dir(w, path, &st);
        return;
    }
    if (!regular && !S_ISREG(st.st_mode)) {
        w->sink->reject(w->sink->ctx, path, 0, "not a regular file");
        reader_note(w, 1);
        return;
    }
    if (w->found != NULL) {
        reader_found(w, path);
        return;
    }
    fp = fopen(path, "rb");
    if (fp == NULL) {
        w->sink->reject(w->sink->ctx, path, 0, strerror(errno));
        reader_note(w, 1);
        return;
    }
    reader_file(w, path, fp);
    fclose(fp);
}

int
reader_read(const char *path, const struct reader_sink *sink)
{
    struct reader_walk w = {.sink = sink};

    w.inner = (struct reader_sink){reader_walk_article, reader_walk_reject,
                                   &w};
    reader_path(&w, path, true, false);
    reader_manifest_free(&w);
    return w.rc;
}

int
reader_list(const char *path,
            void (*found)(void *ctx, struct reader_file *f),
            const struct reader_sink *sink)
{
    struct reader_walk w = {.sink = sink, .found = found,
                            .found_ctx = sink->ctx};

    w.inner = (struct reader_sink){reader_walk_article, reader_walk_reject,
                                   &w};
    reader_path(&w, path, true, false);
    reader_manifest_free(&w);
    return w.rc;
}

int
reader_read_file(const struct reader_file *f, const struct reader_sink *sink)
{
    struct reader_walk w = {.sink = sink};

    w.inner = (struct reader_sink){reader_walk_article, reader_walk_reject,
                                   &w};
    if (f->url != NULL || f->title != NULL || f->date != NULL ||
        f->source != NULL) {
        struct manifest_entry *e = xcalloc(1, sizeof *e);

        e->path = xstrdup(f->path);
        article_set(&e->url, f->url);
        article_set(&e->title, f->title);
        article_set(&e->date, f->date);
        article_set(&e->source, f->source);
        w.manifest = e;
        w.nmanifest = 1;
    }
    reader_path(&w, f->path, true, false);
    reader_manifest_free(&w);
    return w.rc;
}

void
reader_file_free(struct reader_file *f)
{
    if (f == NULL)
        return;
    free(f->path);
    free(f->url);
    free(f->title);
    free(f->date);
    free(f->source);
    free(f);
}

void
reader_init(void)
{
    xmlInitParser();
}
