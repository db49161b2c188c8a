// SPDX-License-Identifier: MIT
/*
 * Reader for JSON Lines: one article a line, {"url", "title", "date",
 * "source", "text", ...}. Streamed: a line is read, made an article and
 * handed on before the next, so a file of any size runs in little memory.
 */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "readers.h"

static bool
read_jsonl_sniff(const char *head, size_t n)
{
    size_t i = 0;

    if (n >= 3 && memcmp(head, "\xef\xbb\xbf", 3) == 0)
        i = 3;
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' ||
                     head[i] == '\r'))
        i++;
    return i < n && head[i] == '{';
}

static const char *
read_jsonl_str(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);

    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* The record's own id of the article: "guid" when it is a string, else
 * "id" when it is a string that is not shaped like a quoth quote id (12
 * hex digits), which would name a quote, not an article. Numbers are not
 * taken: they count rows of one file and name nothing elsewhere. NULL
 * when there is none. */
static const char *
read_jsonl_guid(json_t *obj)
{
    const char *g = read_jsonl_str(obj, "guid"), *id;

    if (g != NULL)
        return g;
    id = read_jsonl_str(obj, "id");
    if (id != NULL && strlen(id) == 12 &&
        strspn(id, "0123456789abcdef") == 12)
        return NULL;
    return id;
}

/* One line made an article. Returns as reader_read(). */
static int
read_jsonl_line(const char *path, long lineno, const char *s, size_t n,
                const struct reader_sink *sink)
{
    json_error_t jerr;
    json_t *obj;
    const char *text;
    struct article *a;
    char why[256];


    while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == ' '))
        n--;
    if (n == 0)
        return 0;
    obj = json_loadb(s, n, JSON_REJECT_DUPLICATES, &jerr);
    if (obj == NULL) {
        snprintf(why, sizeof why, "not JSON: %s", jerr.text);
        sink->reject(sink->ctx, path, lineno, why);
        return 1;
    }
    if (!json_is_object(obj)) {
        json_decref(obj);
        sink->reject(sink->ctx, path, lineno, "not a JSON object");
        return 1;
    }
    text = read_jsonl_str(obj, "text");
    if (text == NULL) {
        json_decref(obj);
        sink->reject(sink->ctx, path, lineno,
                     "no \"text\" string in the record");
        return 1;
    }
    a = article_from_text(path, text, strlen(text));
    article_set(&a->format, "jsonl");
    a->line = lineno;
    article_set(&a->url, read_jsonl_str(obj, "url"));
    article_set(&a->guid, read_jsonl_guid(obj));
    article_set(&a->title, read_jsonl_str(obj, "title"));
    article_set(&a->date, read_jsonl_str(obj, "date"));
    article_set(&a->source, read_jsonl_str(obj, "source"));
    article_set(&a->domain, read_jsonl_str(obj, "domain"));
    if (a->source != NULL && strstr(a->source, "://") != NULL) {
        /* A URL is never a source: it tells the domain at most. */
        if (a->url == NULL)
            article_set(&a->url, a->source);
        article_set(&a->source, NULL);
    }
    article_set(&a->byline, read_jsonl_str(obj, "byline"));
    article_set(&a->lang, read_jsonl_str(obj, "lang"));
    article_fill_domain(a);
    json_decref(obj);
    if (a->npara == 0) {
        article_free(a);
        sink->reject(sink->ctx, path, lineno, "empty \"text\"");
        return 1;
    }
    return sink->article(sink->ctx, a) < 0 ? -1 : 0;
}

struct jsonl_state {
    const char *path;
    const struct reader_sink *sink;
    struct buf line;
    long lineno;
    bool too_long;
    int rc;
};

/* Feeds bytes; every complete line is handled as it ends. */
static void
read_jsonl_feed(struct jsonl_state *st, const char *p, size_t n)
{
    while (n > 0 && st->rc >= 0) {
        const char *nl = memchr(p, '\n', n);
        size_t take = nl ? (size_t)(nl - p) : n;

        if (!st->too_long && st->line.len + take > READER_MAX_ARTICLE) {
            st->too_long = true;
            buf_reset(&st->line);
        }
        if (!st->too_long)
            buf_append(&st->line, p, take);
        if (nl == NULL)
            return;
        st->lineno++;
        if (st->too_long) {
            char why[96];
            snprintf(why, sizeof why, "record too large (over %u MB)",
                     READER_MAX_ARTICLE >> 20);
            st->sink->reject(st->sink->ctx, st->path, st->lineno, why);
            st->rc = 1;
        } else {
            int r = read_jsonl_line(st->path, st->lineno,
                                    st->line.data ? st->line.data : "",
                                    st->line.len, st->sink);
            if (r != 0)
                st->rc = r;
        }
        st->too_long = false;
        buf_reset(&st->line);
        p += take + 1;
        n -= take + 1;
    }
}

static int
read_jsonl_read(const char *path, FILE *fp, const char *head, size_t n,
                const struct reader_sink *sink)
{
    struct jsonl_state st = {.path = path, .sink = sink};
    char chunk[65536];
    size_t got;

    if (n >= 3 && memcmp(head, "\xef\xbb\xbf", 3) == 0) {
        head += 3;
        n -= 3;
    }
    read_jsonl_feed(&st, head, n);
    while (st.rc >= 0 && (got = fread(chunk, 1, sizeof chunk, fp)) > 0)
        read_jsonl_feed(&st, chunk, got);
    if (st.rc >= 0 && ferror(fp)) {
        char why[128];
        snprintf(why, sizeof why, "read error: %s", strerror(errno));
        sink->reject(sink->ctx, path, 0, why);
        st.rc = 1;
    }
    if (st.rc >= 0 && (st.line.len > 0 || st.too_long))
        read_jsonl_feed(&st, "\n", 1);
    buf_free(&st.line);
    return st.rc;
}

const struct reader reader_jsonl = {
    .name = "jsonl",
    .sniff = read_jsonl_sniff,
    .read = read_jsonl_read,
};
