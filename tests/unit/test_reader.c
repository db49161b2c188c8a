// SPDX-License-Identifier: MIT
/*
 * Unit tests of reader: encodings to UTF-8 (BOMs, UTF-16, Windows-1252,
 * Latin-1), and reader_read on files and directories made under /tmp: a
 * text file, JSON Lines with a bad line, rejected inputs, the name-ordered
 * walk with its skips, a symbolic link loop and a path that is not there.
 */
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "reader.h"
#include "tap.h"
#include "xmalloc.h"

static char root[] = "/tmp/quoth-unit-reader-XXXXXX";

/* Converts in[0..n) and compares the result with want (NULL: must fail). */
static void
check_utf8(const char *in, size_t n, const char *want, const char *what)
{
    char *out = (char *)&out;
    size_t len = 99;
    const char *why = NULL;
    int rc = reader_to_utf8(in, n, &out, &len, &why);

    if (want == NULL) {
        ok(rc == -1 && why != NULL && *why != '\0',
           "reader_to_utf8: %s fails with a reason", what);
        if (why != NULL)
            diag("  reason: %s", why);
        if (rc == 0)
            free(out);
        return;
    }
    ok(rc == 0, "reader_to_utf8: %s converts", what);
    if (rc == 0) {
        is_strn(out, len, want, "reader_to_utf8: %s gives the right UTF-8",
                what);
        ok(out[len] == '\0', "reader_to_utf8: %s output is NUL-terminated",
           what);
        free(out);
    }
}

#define UTF8(s, want, what) check_utf8(s, sizeof s - 1, want, what)

static void
test_to_utf8(void)
{
    UTF8("", "", "the empty input");
    UTF8("a", "a", "one ASCII byte");
    UTF8("caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d",
         "caf\xc3\xa9 \xe2\x80\x9cok\xe2\x80\x9d", "valid UTF-8");
    UTF8("\xef\xbb\xbf" "caf\xc3\xa9", "caf\xc3\xa9",
         "UTF-8 with a BOM (the BOM goes)");
    UTF8("\xef\xbb\xbf", "", "a UTF-8 BOM alone");
    UTF8("\xff\xfe" "c\0a\0f\0\xe9\0\x1c\x20", "caf\xc3\xa9\xe2\x80\x9c",
         "UTF-16LE with a BOM");
    UTF8("\xfe\xff" "\0c\0a\0f\0\xe9\x20\x1d", "caf\xc3\xa9\xe2\x80\x9d",
         "UTF-16BE with a BOM");
    UTF8("\xff\xfe" "c", NULL, "UTF-16LE cut in the middle of a unit");
    UTF8("\xff\xfe\x00\xd8" "a\0", NULL,
         "UTF-16LE with an unpaired surrogate");
    UTF8("\x93" "Hi\x94 she said", "\xe2\x80\x9cHi\xe2\x80\x9d she said",
         "Windows-1252 curly quotes 0x93 and 0x94");
    UTF8("\x80" "5 \x96 caf\xe9", "\xe2\x82\xac" "5 \xe2\x80\x93 caf\xc3\xa9",
         "Windows-1252 euro sign, en dash and e acute");
    UTF8("caf\xe9", "caf\xc3\xa9", "Latin-1 e acute");
    UTF8("a\x81" "b\xe9", "a\xc2\x81" "b\xc3\xa9",
         "a byte Windows-1252 leaves undefined (0x81) falls back to "
         "Latin-1");
}

/* What the sink saw. */
struct seen {
    struct buf log;     /* one line per event: "A path line" or "R ..." */
    struct article *last;
    size_t articles, rejects;
    size_t stop_after;  /* stop at this article; 0 = never */
};

static int
seen_article(void *ctx, struct article *a)
{
    struct seen *s = ctx;

    s->articles++;
    buf_printf(&s->log, "A %s %ld\n", a->path, a->line);
    article_free(s->last);
    s->last = a;
    /* A walk gone astray (out of the temporary directory) stops here. */
    if (s->articles > 100)
        return -1;
    return s->stop_after > 0 && s->articles >= s->stop_after ? -1 : 0;
}

static void
seen_reject(void *ctx, const char *path, long line, const char *why)
{
    struct seen *s = ctx;

    s->rejects++;
    buf_printf(&s->log, "R %s %ld %s\n", path, line, why);
}

static int
read_path(const char *path, struct seen *s)
{
    struct reader_sink sink = {seen_article, seen_reject, s};

    buf_reset(&s->log);
    buf_append(&s->log, "", 0);
    article_free(s->last);
    s->last = NULL;
    s->articles = s->rejects = 0;
    return reader_read(path, &sink);
}

/* Writes n bytes to root/name. Returns the full path (caller frees). */
static char *
put_file(const char *name, const char *data, size_t n)
{
    char *path = xasprintf("%s/%s", root, name);
    FILE *fp = fopen(path, "wb");

    if (fp != NULL) {
        fwrite(data, 1, n, fp);
        fclose(fp);
    }
    return path;
}

static char *
put_str(const char *name, const char *data)
{
    return put_file(name, data, strlen(data));
}

static char *
make_dir(const char *name)
{
    char *path = xasprintf("%s/%s", root, name);

    mkdir(path, 0700);
    return path;
}

static void
test_text_file(struct seen *s)
{
    char *p = put_str("art.txt", "Para one.\n\nPara two\nwrapped.\n");
    char *p1 = put_str("latin1.txt", "Un caf\xe9 \x93" "chaud\x94.\n");
    char *log;
    int rc;

    rc = read_path(p, s);
    is_long(rc, 0, "a text file reads with status 0");
    log = xasprintf("A %s 0\n", p);
    is_str(s->log.data, log, "a text file gives one article, line 0, and "
           "no reject");
    free(log);
    if (s->last != NULL) {
        is_str(s->last->format, "text", "a text file's format is \"text\"");
        is_str(s->last->body, "Para one.\n\nPara two wrapped.",
               "a text file's body has its two paragraphs");
        is_str(s->last->path, p, "the article's path is the path as given");
    }
    rc = read_path(p1, s);
    ok(rc == 0 && s->last != NULL &&
       strcmp(s->last->body, "Un caf\xc3\xa9 \xe2\x80\x9c" "chaud"
              "\xe2\x80\x9d.") == 0,
       "a Windows-1252 text file is read as UTF-8 with curly quotes");
    free(p);
    free(p1);
}

static void
test_jsonl(struct seen *s)
{
    char *p = put_str("a.jsonl",
        "{\"url\": \"https://www.example.com/1\", \"title\": \"T1\", "
        "\"date\": \"2024-01-02\", \"source\": \"Radio Kestrel\", "
        "\"text\": \"Hello.\\n\\nWorld.\"}\n"
        "{\"url\": \"https://example.org:8080/2\", \"title\": \"T2\", "
        "\"text\": \"Second.\"}\n");
    char *b = put_str("b.jsonl",
        "{\"text\": \"First.\"}\n"
        "{\"text\": \n"
        "\n"
        "{\"text\": \"Fourth.\"}\r\n"
        "[1, 2]\n"
        "{\"title\": \"no text\"}\n"
        "{\"text\": \"  \"}\n"
        "{\"text\": \"Last, no newline.\"}");
    char *u = put_str("u.jsonl",
        "{\"source\": \"https://www.example.net/x\", \"text\": \"A.\"}\n");
    struct buf want = {0};
    const char *log;
    int rc;

    rc = read_path(p, s);
    is_long(rc, 0, "a JSON Lines file reads with status 0");
    buf_printf(&want, "A %s 1\nA %s 2\n", p, p);
    is_str(s->log.data, want.data, "a JSON Lines file gives one article per "
           "line, numbered from 1");
    if (s->last != NULL) {
        is_str(s->last->format, "jsonl", "a JSON Lines article's format is "
               "\"jsonl\"");
        is_str(s->last->url, "https://example.org:8080/2",
               "the url comes from the record");
        is_str(s->last->title, "T2", "the title comes from the record");
        is_str(s->last->domain, "example.org",
               "the domain is made from the url");
        ok(s->last->date == NULL && s->last->source == NULL,
           "date and source the record lacks are NULL");
    }
    buf_reset(&want);

    /* The first record of a.jsonl, kept by stopping after it. */
    s->stop_after = 1;
    rc = read_path(p, s);
    s->stop_after = 0;
    is_long(rc, -1, "a sink stopping after the first article makes "
            "reader_read return -1");
    is_size(s->articles, 1, "after the sink stops no article follows");
    if (s->last != NULL) {
        is_str(s->last->date, "2024-01-02", "the date comes from the "
               "record");
        is_str(s->last->source, "Radio Kestrel", "the source comes from the "
               "record");
        is_str(s->last->domain, "example.com", "the domain drops www.");
        is_str(s->last->body, "Hello.\n\nWorld.", "the text becomes the "
               "body with its paragraphs");
        is_long(s->last->line, 1, "the article's line is 1");
    }

    rc = read_path(b, s);
    is_long(rc, 1, "a JSON Lines file with bad lines reads with status 1");
    log = s->log.data;
    is_size(s->articles, 3, "the good lines of a file with bad lines still "
            "come through");
    buf_printf(&want, "A %s 1\nR %s 2 not JSON", b, b);
    ok(strncmp(log, want.data, want.len) == 0,
       "a bad JSON line is rejected with its line number (2) and \"not "
       "JSON\"");
    buf_reset(&want);
    buf_printf(&want, "\nA %s 4\nR %s 5 not a JSON object\n"
               "R %s 6 no \"text\" string in the record\n"
               "R %s 7 empty \"text\"\nA %s 8\n", b, b, b, b, b);
    ok(strstr(log, want.data) != NULL &&
       strcmp(log + strlen(log) - want.len, want.data) == 0,
       "blank lines are skipped but counted; an array, a record without "
       "text and an empty text are rejected with their line numbers; a "
       "last line without newline is read");
    if (strstr(log, want.data) == NULL)
        diag("  log: %s", log);
    buf_free(&want);

    rc = read_path(u, s);
    ok(rc == 0 && s->last != NULL && s->last->source == NULL &&
       s->last->url != NULL &&
       strcmp(s->last->url, "https://www.example.net/x") == 0 &&
       s->last->domain != NULL &&
       strcmp(s->last->domain, "example.net") == 0,
       "a URL given as the source becomes the url, never the source");
    free(p);
    free(b);
    free(u);
}

static void
test_rejects(struct seen *s)
{
    static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    char *e = put_str("empty.txt", "");
    char *n = put_file("nul.txt", "text\0more text", 14);
    char *g = put_file("image.txt", png, sizeof png - 1);
    char *h = put_str("page.txt", "<!DOCTYPE html><p>Hi</p>");
    char *missing = xasprintf("%s/does-not-exist.txt", root);
    char *fifo = xasprintf("%s/fifo", root);
    struct buf want = {0};
    int rc;

    rc = read_path(e, s);
    buf_printf(&want, "R %s 0 empty file\n", e);
    ok(rc == 1 && strcmp(s->log.data, want.data) == 0,
       "an empty file is rejected as \"empty file\" with status 1");
    buf_reset(&want);

    rc = read_path(n, s);
    ok(rc == 1 && s->rejects == 1 && s->articles == 0 &&
       strstr(s->log.data, "NUL") != NULL,
       "a file with NUL bytes is rejected, the reason naming NUL bytes");

    rc = read_path(g, s);
    ok(rc == 1 && s->rejects == 1 && s->articles == 0 &&
       strstr(s->log.data, "PNG") != NULL,
       "a file with a PNG header is rejected, the reason naming PNG");

    rc = read_path(h, s);
    ok((rc == 0 || rc == 1) && (s->log.data == NULL ||
                                strstr(s->log.data, "<html") == NULL),
       "an HTML file is never read as plain text with its tags");

    rc = read_path(missing, s);
    buf_printf(&want, "R %s 0 %s\n", missing, strerror(ENOENT));
    ok(rc == 1 && strcmp(s->log.data, want.data) == 0,
       "a nonexistent path is rejected with the system's reason");
    buf_reset(&want);

    if (mkfifo(fifo, 0600) == 0) {
        rc = read_path(fifo, s);
        buf_printf(&want, "R %s 0 not a regular file\n", fifo);
        ok(rc == 1 && strcmp(s->log.data, want.data) == 0,
           "a FIFO is rejected as \"not a regular file\" without being "
           "opened");
        unlink(fifo);
    } else {
        tap_skip("a FIFO is rejected as \"not a regular file\"",
                 "mkfifo failed");
    }
    buf_free(&want);
    free(e);
    free(n);
    free(g);
    free(h);
    free(missing);
    free(fifo);
}

static void
test_walk(struct seen *s)
{
    char *d = make_dir("corpus");
    char *sub = make_dir("corpus/sub");
    static const char *const files[] = {
        "corpus/z.txt", "corpus/b.txt", "corpus/a.txt", "corpus/sub/c.txt",
        "corpus/.hidden.txt", "corpus/README.md", "corpus/LICENSE",
        "corpus/SOURCE.txt", "corpus/sub/empty.txt",
    };
    struct buf want = {0};
    char *slash;
    size_t k;
    int rc;

    for (k = 0; k < sizeof files / sizeof *files; k++)
        free(put_str(files[k], strstr(files[k], "empty") ? "" :
                     "Some text.\n"));
    rc = read_path(d, s);
    is_long(rc, 1, "a directory with one rejected file reads with status "
            "1");
    buf_printf(&want, "A %s/a.txt 0\nA %s/b.txt 0\nA %s/sub/c.txt 0\n"
               "R %s/sub/empty.txt 0 empty file\nA %s/z.txt 0\n", d, d, d,
               d, d);
    is_str(s->log.data, want.data, "a directory is walked in name order, "
           "into subdirectories, skipping dotfiles, README, LICENSE and "
           "SOURCE.txt, going on after a rejected file");
    buf_reset(&want);

    slash = xasprintf("%s/", d);
    rc = read_path(slash, s);
    buf_printf(&want, "A %s/a.txt 0\n", d);
    ok(strncmp(s->log.data, want.data, want.len) == 0,
       "a directory given with a trailing slash gives paths with one "
       "slash");
    free(slash);
    buf_free(&want);

    s->stop_after = 2;
    rc = read_path(d, s);
    s->stop_after = 0;
    ok(rc == -1 && s->articles == 2,
       "a sink stopping in a directory walk ends the walk with -1");
    free(d);
    free(sub);
}

static void
test_loop(struct seen *s)
{
    char *d = make_dir("loopy");
    char *sub = make_dir("loopy/dir");
    char *link = xasprintf("%s/loopy/dir/loop", root);
    struct buf want = {0};
    int rc;

    free(put_str("loopy/a.txt", "Alpha.\n"));
    free(put_str("loopy/dir/b.txt", "Beta.\n"));
    if (symlink("..", link) != 0) {
        tap_skip("a symbolic link loop is rejected once", "symlink failed");
        goto out;
    }
    rc = read_path(d, s);
    is_long(rc, 1, "a walk meeting a symbolic link loop finishes with "
            "status 1");
    buf_printf(&want, "A %s/a.txt 0\nA %s/dir/b.txt 0\nR %s 0 ", d, d, link);
    ok(strncmp(s->log.data, want.data, want.len) == 0 && s->rejects == 1,
       "the link loop (dir/loop -> ..) is rejected once and the other "
       "files are read");
    if (s->rejects != 1 || strncmp(s->log.data, want.data, want.len) != 0)
        diag("  log: %s", s->log.data);
out:
    buf_free(&want);
    free(d);
    free(sub);
    free(link);
}

static int
remove_one(const char *path, const struct stat *st, int flag,
           struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    return flag == FTW_DP ? rmdir(path) : unlink(path);
}

int
main(void)
{
    struct seen s = {0};

    test_to_utf8();
    if (mkdtemp(root) == NULL) {
        tap_skip("reader_read on temporary files", "mkdtemp failed");
        return tap_done();
    }
    test_text_file(&s);
    test_jsonl(&s);
    test_rejects(&s);
    test_walk(&s);
    test_loop(&s);
    buf_free(&s.log);
    article_free(s.last);
    ok(nftw(root, remove_one, 16, FTW_DEPTH | FTW_PHYS) == 0,
       "the temporary directory is removed");
    return tap_done();
}
