// SPDX-License-Identifier: MIT
/*
 * Articles: the record every reader produces. Turns a text (a plain file,
 * or the text of a JSON Lines record) into paragraphs with byte offsets in
 * a rebuilt body, and hashes the body for provenance.
 */
#include "article.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "hash.h"
#include "utf8.h"
#include "xmalloc.h"

/* Labels of link lines that news sites put between paragraphs. */
static const char *const article_boilerplate[] = {
    "SEE ALSO:", "READ MORE:", "READ ALSO:", "ALSO READ:", "RELATED:",
    "WATCH:", "LISTEN:", "MORE:", "RECOMMENDED:",
};

struct line {
    const char *s;
    size_t len;
    bool para_start;    /* forced paragraph break before this line */
};

static bool
article_blank(const char *s, size_t len)
{
    size_t i;

    for (i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\f' && s[i] != '\v')
            return false;
    return true;
}

static bool
is_lower(char c)
{
    return c >= 'a' && c <= 'z';
}

static bool
is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* Where text glued to the end of a boilerplate title starts: the capital
 * that follows a run of three or more small letters with no space between
 * ("...Black Sea SecurityHe said"). Returns len when there is none. */
static size_t
article_glue(const char *s, size_t len)
{
    size_t i, run = 0;

    for (i = 0; i + 1 < len; i++) {
        if (is_lower(s[i])) {
            run++;
            if (run >= 3 && is_upper(s[i + 1]) && i + 2 < len &&
                (is_lower(s[i + 2]) || s[i + 2] == ' '))
                return i + 1;
        } else {
            run = 0;
        }
    }
    return len;
}

/* Whether a line is an outlet's "Follow X on Twitter @x." (in quote marks
 * or not): a promotion, not the article's text. */
static bool
article_follow_line(const char *s, size_t len)
{
    static const char *const nets[] = {" on Twitter", " on X ", " on X.",
                                       " on Facebook", " on Instagram",
                                       " on Threads", " on Bluesky"};
    size_t i = 0, k;

    while (i < len && (s[i] == '"' || s[i] == ' '))
        i++;
    if (len - i < 12 || len - i > 200 || memcmp(s + i, "Follow ", 7) != 0)
        return false;
    for (; i < len; i++)
        for (k = 0; k < sizeof nets / sizeof nets[0]; k++)
            if (len - i >= strlen(nets[k]) &&
                memcmp(s + i, nets[k], strlen(nets[k])) == 0)
                return true;
    return false;
}

/* Cuts a boilerplate label and its title from a line; keeps what is glued
 * to its end as the start of a new paragraph. Returns false when the whole
 * line goes. */
static bool
article_cut_boilerplate(struct line *l)
{
    size_t k, n, glue;

    if (article_follow_line(l->s, l->len))
        return false;

    for (k = 0; k < sizeof article_boilerplate / sizeof *article_boilerplate;
         k++) {
        n = strlen(article_boilerplate[k]);
        if (l->len < n || memcmp(l->s, article_boilerplate[k], n) != 0)
            continue;
        glue = n + article_glue(l->s + n, l->len - n);
        if (glue >= l->len)
            return false;
        l->s += glue;
        l->len -= glue;
        l->para_start = true;
        return true;
    }
    return true;
}

/* Appends one line to the paragraph being built: control characters made
 * spaces, runs of white space made one. */
static void
article_put_line(struct buf *cur, const char *s, size_t len)
{
    size_t r, w = cur->len, end;
    char *d;
    bool space;

    utf8_sanitize(cur, s, len, false);
    if (cur->data == NULL)
        return;
    /* Squeeze the spaces of what was just appended, in place; locals, so
     * that the stores cannot be taken to change the buffer's fields. */
    d = cur->data;
    end = cur->len;
    space = w == 0 || d[w - 1] == ' ';
    for (r = w; r < end; r++) {
        char c = d[r];
        if (c == ' ' && space)
            continue;
        space = c == ' ';
        d[w++] = c;
    }
    cur->len = w;
    d[w] = '\0';
    if (w > 0 && !space)
        buf_putc(cur, ' ');
}

/* Ends the paragraph being built: appends it to the body and the table. */
static void
article_flush(struct article *a, struct buf *body, struct buf *cur,
              size_t *cap)
{
    while (cur->len > 0 && cur->data[cur->len - 1] == ' ')
        cur->len--;
    if (cur->len == 0)
        return;
    if (a->npara == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        a->paras = xreallocarray(a->paras, *cap, sizeof *a->paras);
    }
    if (body->len > 0)
        buf_puts(body, "\n\n");
    a->paras[a->npara].start = body->len;
    buf_append(body, cur->data, cur->len);
    a->paras[a->npara].end = body->len;
    a->npara++;
    buf_reset(cur);
}

/* The end of the line that starts at text[i]: the next CR or LF. *lf
 * keeps where the next LF is between calls (start it at ARTICLE_NO_LF),
 * so that text with CR line breaks only is not searched to its end for
 * every line. */
#define ARTICLE_NO_LF ((size_t)-1)

static size_t
article_eol(const char *text, size_t len, size_t i, size_t *lf)
{
    const char *cr;

    if (*lf == ARTICLE_NO_LF || *lf < i) {
        const char *p = memchr(text + i, '\n', len - i);
        *lf = p != NULL ? (size_t)(p - text) : len;
    }
    cr = memchr(text + i, '\r', *lf - i);
    return cr != NULL ? (size_t)(cr - text) : *lf;
}

struct article *
article_from_text(const char *path, const char *text, size_t len)
{
    struct article *a = xcalloc(1, sizeof *a);
    struct buf body = {0}, cur = {0};
    size_t i = 0, cap = 0, nonblank = 0;
    size_t lf = ARTICLE_NO_LF;
    bool any_blank = false, blank_seen = false;

    a->path = xstrdup(path ? path : "-");
    a->format = xstrdup("text");
    /* Blank lines between text decide how paragraphs are separated. */
    while (i < len) {
        size_t j = article_eol(text, len, i, &lf);

        if (article_blank(text + i, j - i)) {
            blank_seen = nonblank > 0;
        } else {
            if (blank_seen)
                any_blank = true;
            nonblank++;
        }
        if (j < len && text[j] == '\r' && j + 1 < len && text[j + 1] == '\n')
            j++;
        i = j + 1;
    }
    i = 0;
    lf = ARTICLE_NO_LF;
    while (i < len) {
        struct line l = {text + i, 0, false};
        size_t j = article_eol(text, len, i, &lf);
        bool keep;

        l.len = j - i;
        if (j < len && text[j] == '\r' && j + 1 < len && text[j + 1] == '\n')
            j++;
        i = j + 1;
        if (article_blank(l.s, l.len)) {
            article_flush(a, &body, &cur, &cap);
            continue;
        }
        keep = article_cut_boilerplate(&l);
        if (!keep || l.para_start || !any_blank)
            article_flush(a, &body, &cur, &cap);
        if (keep)
            article_put_line(&cur, l.s, l.len);
    }
    article_flush(a, &body, &cur, &cap);
    buf_free(&cur);
    a->body_len = body.len;
    a->body = buf_take(&body);
    hash_sha256_parts(a->sha256, (const char *const[]){a->body},
                      (const size_t[]){a->body_len}, 1);
    return a;
}

void
article_set(char **field, const char *value)
{
    size_t n;

    free(*field);
    *field = NULL;
    if (value == NULL || *value == '\0')
        return;
    /* Every record repeats its article's metadata: a hostile page with a
     * megabyte title and thousands of quotes must not write gigabytes.
     * Cut at a character boundary. */
    n = strlen(value);
    if (n > ARTICLE_META_MAX) {
        n = ARTICLE_META_MAX;
        while (n > 0 && ((unsigned char)value[n] & 0xc0) == 0x80)
            n--;
    }
    *field = xstrndup(value, n);
}

void
article_fill_domain(struct article *a)
{
    const char *p, *end;

    if (a->domain != NULL || a->url == NULL)
        return;
    p = strstr(a->url, "://");
    if (p == NULL)
        return;
    p += 3;
    end = p + strcspn(p, "/:?#");
    if (end == p)
        return;
    if (end - p > 4 && memcmp(p, "www.", 4) == 0)
        p += 4;
    a->domain = xstrndup(p, (size_t)(end - p));
}

void
article_free(struct article *a)
{
    if (a == NULL)
        return;
    free(a->path);
    free(a->format);
    free(a->url);
    free(a->guid);
    free(a->title);
    free(a->source);
    free(a->domain);
    free(a->byline);
    free(a->date);
    free(a->lang);
    free(a->body);
    free(a->paras);
    free(a);
}
