// SPDX-License-Identifier: MIT
/*
 * Unit tests of review: the Markdown citation (an unattributed record, a
 * title with brackets, a URL with a space, a control byte, a note) and
 * the ClaimReview skeleton (no variants; the claim as met among several;
 * a note).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check.h"
#include "review.h"
#include "tap.h"

static void
test_md(void)
{
    struct article a = {0};
    struct record r = {0};
    struct buf b = {0};

    a.path = "x.html";
    r.article = &a;
    strcpy(r.id, "0123456789ab");
    r.quote = "We \x1b[2Jstay";
    review_md(&b, &r, NULL);
    is_str(b.data, "> \xe2\x80\x9cWe stay\xe2\x80\x9d\n>\n> \xe2\x80\x94 "
           "unattributed, [x.html](x.html) [quoth:0123456789ab]\n\n",
           "no speaker, title or URL: unattributed, the path linked; no "
           "escape sequence");
    buf_reset(&b);
    a.url = "https://e.example/a b";
    a.title = "The [draft] plan";
    a.source = "Wire";
    a.date = "2024-03-04";
    r.speaker = "Ana Ruiz";
    r.role = "mayor";
    review_md(&b, &r, "checked");
    is_str(b.data, "> \xe2\x80\x9cWe stay\xe2\x80\x9d\n>\n> \xe2\x80\x94 "
           "Ana Ruiz, mayor, Wire, [The \\[draft\\] plan]"
           "(<https://e.example/a b>), 2024-03-04 [quoth:0123456789ab]\n"
           ">\n> Note: checked\n\n",
           "brackets of the title escaped, a URL with a space in angle "
           "brackets, the note a line");
    buf_free(&b);
}

static void
test_claim(void)
{
    struct check_match m[2] = {{0}};
    struct check_result v = {0};
    struct buf b = {0};
    json_error_t je;
    json_t *o;

    review_claim(&b, &v, "none", NULL);
    o = json_loads(b.data, 0, &je);
    ok(o != NULL, "no variants: still a JSON object");
    ok(o && json_is_null(json_object_get(o, "claimReviewed")),
       "... claimReviewed null");
    ok(o && json_array_size(json_object_get(json_object_get(o,
       "itemReviewed"), "appearance")) == 0, "... no appearance");
    json_decref(o);
    buf_reset(&b);

    strcpy(m[0].id, "aaaaaaaaaaaa");
    m[0].quote = "the words";
    m[0].speaker = "First Person";
    m[0].date = "2024-01-01";
    m[0].url = "https://a.example/1";
    strcpy(m[1].id, "bbbbbbbbbbbb");
    m[1].quote = "the words";
    m[1].speaker = "Other Person";
    m[1].date = "2024-02-01";
    m[1].path = "b.txt";
    v.m = m;
    v.n = 2;
    review_claim(&b, &v, "bbbbbbbbbbbb", "seen twice");
    o = json_loads(b.data, 0, &je);
    ok(o != NULL, "two variants: a JSON object");
    if (o != NULL) {
        json_t *it = json_object_get(o, "itemReviewed");
        is_str(json_string_value(json_object_get(json_object_get(it,
               "author"), "name")), "Other Person",
               "the author is the speaker of the quote as met");
        is_str(json_string_value(json_object_get(json_object_get(it,
               "firstAppearance"), "quothId")), "aaaaaaaaaaaa",
               "firstAppearance is the oldest");
        is_str(json_string_value(json_object_get(json_array_get(
               json_object_get(it, "appearance"), 1), "url")), "b.txt",
               "an appearance without a URL has its path");
        ok(json_is_null(json_object_get(json_object_get(o, "reviewRating"),
           "alternateName")), "the rating left to the fact-checker");
        is_str(json_string_value(json_object_get(o, "quothNote")),
               "seen twice", "the note");
    }
    json_decref(o);
    buf_free(&b);
}

int
main(void)
{
    test_md();
    test_claim();
    return tap_done();
}
