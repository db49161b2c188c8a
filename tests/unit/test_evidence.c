// SPDX-License-Identifier: MIT
/*
 * The evidence contract of issue 4 over the whole bundled corpus: every
 * record with a speaker carries a method and a confidence in [0,1]; its
 * quote offsets hold the quote; its speaker offsets hold a form of the
 * name (a word of the speaker, the written form, a pronoun or the role of
 * an unnamed source) and its cue offsets the cue, or else `from` names the
 * quote it inherited from. One TAP line per corpus file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "extract.h"
#include "reader.h"
#include "record.h"
#include "tap.h"
#include "utf8.h"

struct check {
    const char *path;
    long records, speakers, bad;
    char first_bad[256];
};

static void
check_bad(struct check *c, const struct record *r, const char *what)
{
    if (c->bad++ == 0)
        snprintf(c->first_bad, sizeof c->first_bad, "%s: %s (quote \"%.40s\")",
                 r->id, what, r->quote);
}

/* Whether the written form names the speaker: all of it, or one of its
 * words of three letters or more (case folded), is in the speaker's name
 * or role. */
static int
form_of(const char *form, size_t n, const struct record *r)
{
    static const char *const pronouns[] = {"he", "she", "He", "She"};
    struct buf f = {0}, s = {0};
    size_t i, k;
    int found = 0;

    for (k = 0; k < sizeof pronouns / sizeof *pronouns; k++)
        if (strlen(pronouns[k]) == n && memcmp(pronouns[k], form, n) == 0)
            return 1;
    utf8_fold(&f, form, n, true);
    if (r->speaker != NULL)
        utf8_fold(&s, r->speaker, strlen(r->speaker), true);
    if (r->role != NULL) {
        buf_append(&s, " ", 1);
        utf8_fold(&s, r->role, strlen(r->role), true);
    }
    /* "Mu Li": the whole form inside the name, however short its words. */
    found = f.data != NULL && s.data != NULL && strstr(s.data, f.data) != NULL;
    for (i = 0; i < f.len && !found;) {
        size_t j = i;
        while (j < f.len && f.data[j] != ' ' && f.data[j] != ',')
            j++;
        if (j - i >= 3) {
            char *w = strndup(f.data + i, j - i);
            found = s.data != NULL && strstr(s.data, w) != NULL;
            free(w);
        }
        i = j + 1;
    }
    buf_free(&f);
    buf_free(&s);
    return found;
}

/* Whether the article's title (else its first paragraph) holds the last
 * word of r's speaker. */
static bool
title_names(const struct record *r)
{
    const struct article *a = r->article;
    const char *sp = strrchr(r->speaker, ' ');
    char *t;
    bool found;

    sp = sp != NULL ? sp + 1 : r->speaker;
    if (a->title != NULL)
        return strstr(a->title, sp) != NULL;
    if (a->npara == 0)
        return false;
    t = strndup(a->body + a->paras[0].start,
                a->paras[0].end - a->paras[0].start);
    found = t != NULL && strstr(t, sp) != NULL;
    free(t);
    return found;
}

static int
check_put(void *ctx, const struct record *r)
{
    struct check *c = ctx;
    const char *body = r->article->body;
    size_t len = r->article->body_len;

    c->records++;
    if (r->end > len || r->start > r->end ||
        memcmp(body + r->start, r->quote, r->end - r->start) != 0)
        check_bad(c, r, "body[start..end) is not the quote");
    if (r->speaker == NULL && r->method == NULL)
        return 0;
    c->speakers += r->speaker != NULL;
    if (r->method == NULL) {
        check_bad(c, r, "a speaker without a method");
        return 0;
    }
    if (!(r->confidence > 0 && r->confidence <= 1))
        check_bad(c, r, "confidence outside (0, 1]");
    if (r->speaker_start == RECORD_NONE) {
        if (strcmp(r->method, "headline") == 0) {
            /* The title announced the statement: it names the speaker. */
            if (!title_names(r))
                check_bad(c, r, "a headline speaker the title does not "
                                "name");
        } else if (r->from[0] == '\0') {
            check_bad(c, r, "no speaker offsets and no from");
        }
        return 0;
    }
    if (r->speaker_end > len || r->speaker_start >= r->speaker_end)
        check_bad(c, r, "speaker offsets outside the body");
    else if (!form_of(body + r->speaker_start,
                      r->speaker_end - r->speaker_start, r))
        check_bad(c, r, "body[speaker_start..speaker_end) names neither "
                        "the speaker nor the role");
    if (r->cue_start != RECORD_NONE &&
        (r->cue == NULL || r->cue_end > len ||
         r->cue_end - r->cue_start != strlen(r->cue) ||
         memcmp(body + r->cue_start, r->cue, strlen(r->cue)) != 0))
        check_bad(c, r, "body[cue_start..cue_end) is not the cue");
    return 0;
}

static int
check_article(void *ctx, struct article *a)
{
    struct check *c = ctx;
    struct record_sink sink = {check_put, c};

    extract_article(a, &sink);
    article_free(a);
    return 0;
}

static void
check_reject(void *ctx, const char *path, long line, const char *why)
{
    (void)ctx, (void)path, (void)line, (void)why;
}

int
main(void)
{
    static const char *const dirs[] = {
        "seed", "wikinews", "gum-wikinews", "globalvoices", "state-dept",
        "white-house", "congress-press", "iptc-newsml-g2",
    };
    const char *src = getenv("QUOTH_SRC");
    size_t k;

    if (src == NULL) {
        tap_skip("evidence", "QUOTH_SRC is not set");
        return tap_done();
    }
    for (k = 0; k < sizeof dirs / sizeof *dirs; k++) {
        char path[4096];
        struct check c = {0};
        struct reader_sink sink = {check_article, check_reject, &c};
        snprintf(path, sizeof path, "%s/corpus/%s", src, dirs[k]);
        c.path = dirs[k];
        reader_read(path, &sink);
        ok(c.bad == 0,
           "corpus/%s: %ld records, %ld with a speaker, %ld without their "
           "evidence", dirs[k], c.records, c.speakers, c.bad);
        if (c.bad)
            diag("first: %s", c.first_bad);
    }
    return tap_done();
}
