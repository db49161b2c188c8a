// SPDX-License-Identifier: MIT
/*
 * The browser's other copy formats: a record (or a quote's variants from
 * check.c) in; a Markdown citation or a ClaimReview skeleton out, in a
 * buffer. No I/O: the browser copies or saves what it gets.
 */
#include "review.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "utf8.h"

/* Appends s sanitized, its Markdown brackets escaped when esc. */
static void
review_text(struct buf *b, const char *s, bool esc)
{
    struct buf t = {0};
    size_t k;

    utf8_sanitize(&t, s, strlen(s), false);
    for (k = 0; k < t.len; k++) {
        if (esc && strchr("[]\\", t.data[k]) != NULL)
            buf_putc(b, '\\');
        buf_putc(b, t.data[k]);
    }
    buf_free(&t);
}

void
review_md(struct buf *b, const struct record *r, const char *note)
{
    const struct article *a = r->article;
    const char *url = a->url != NULL ? a->url : a->path;

    buf_puts(b, "> \xe2\x80\x9c");
    review_text(b, r->quote, false);
    buf_puts(b, "\xe2\x80\x9d\n>\n> \xe2\x80\x94 ");
    review_text(b, r->speaker ? r->speaker : "unattributed", false);
    if (r->role != NULL) {
        buf_puts(b, ", ");
        review_text(b, r->role, false);
    }
    if (a->source != NULL) {
        buf_puts(b, ", ");
        review_text(b, a->source, false);
    }
    buf_puts(b, ", [");
    review_text(b, a->title != NULL ? a->title : url, true);
    buf_puts(b, "](");
    /* a URL with a space or parenthesis in it goes in angle brackets */
    if (strpbrk(url, " ()") != NULL) {
        buf_putc(b, '<');
        review_text(b, url, false);
        buf_putc(b, '>');
    } else {
        review_text(b, url, false);
    }
    buf_putc(b, ')');
    if (a->date != NULL) {
        buf_puts(b, ", ");
        review_text(b, a->date, false);
    }
    buf_printf(b, " [quoth:%s]\n", r->id);
    if (note != NULL && note[0] != '\0') {
        buf_puts(b, ">\n> Note: ");
        review_text(b, note, false);
        buf_putc(b, '\n');
    }
    buf_putc(b, '\n');
}

/* s as a JSON string, or null. */
static json_t *
review_str(const char *s)
{
    return s != NULL ? json_string(s) : json_null();
}

/* A CreativeWork for one appearance. */
static json_t *
review_work(const struct check_match *m)
{
    json_t *o = json_object(), *pub = json_object();

    json_object_set_new(o, "@type", json_string("CreativeWork"));
    json_object_set_new(o, "url", review_str(m->url ? m->url : m->path));
    json_object_set_new(o, "headline", review_str(m->title));
    json_object_set_new(o, "datePublished", review_str(m->date));
    json_object_set_new(pub, "@type", json_string("Organization"));
    json_object_set_new(pub, "name", review_str(m->source));
    json_object_set_new(o, "publisher", pub);
    json_object_set_new(o, "text", review_str(m->quote));
    json_object_set_new(o, "quothId", json_string(m->id));
    if (m->speaker != NULL)
        json_object_set_new(o, "quothSpeaker", json_string(m->speaker));
    return o;
}

void
review_claim(struct buf *b, const struct check_result *v, const char *id,
             const char *note)
{
    json_t *cr = json_object(), *claim = json_object(), *apps = json_array();
    json_t *rating = json_object();
    const struct check_match *first = v->n > 0 ? &v->m[0] : NULL;
    const struct check_match *it = first;
    char *s;
    size_t k;

    /* the claim as met: this quote's words and speaker */
    for (k = 0; k < v->n; k++)
        if (strcmp(v->m[k].id, id) == 0)
            it = &v->m[k];

    json_object_set_new(cr, "@context", json_string("https://schema.org"));
    json_object_set_new(cr, "@type", json_string("ClaimReview"));
    json_object_set_new(cr, "claimReviewed",
                        review_str(it ? it->quote : NULL));
    json_object_set_new(claim, "@type", json_string("Claim"));
    if (it != NULL && it->speaker != NULL) {
        json_t *who = json_object();
        json_object_set_new(who, "@type", json_string("Person"));
        json_object_set_new(who, "name", json_string(it->speaker));
        if (it->role != NULL)
            json_object_set_new(who, "jobTitle", json_string(it->role));
        json_object_set_new(claim, "author", who);
    }
    if (first != NULL) {
        json_object_set_new(claim, "datePublished", review_str(first->date));
        json_object_set_new(claim, "firstAppearance", review_work(first));
    }
    for (k = 0; k < v->n; k++)
        json_array_append_new(apps, review_work(&v->m[k]));
    json_object_set_new(claim, "appearance", apps);
    json_object_set_new(cr, "itemReviewed", claim);
    /* the fact-checker's part */
    json_object_set_new(rating, "@type", json_string("Rating"));
    json_object_set_new(rating, "alternateName", json_null());
    json_object_set_new(cr, "reviewRating", rating);
    json_object_set_new(cr, "url", json_null());
    json_object_set_new(cr, "author", json_null());
    json_object_set_new(cr, "datePublished", json_null());
    if (note != NULL && note[0] != '\0')
        json_object_set_new(cr, "quothNote", json_string(note));
    s = json_dumps(cr, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                           JSON_ENSURE_ASCII);
    if (s != NULL) {
        buf_puts(b, s);
        buf_putc(b, '\n');
        free(s);
    }
    json_decref(cr);
}
