// SPDX-License-Identifier: MIT
/*
 * Unit tests of record: the stable quote id (record_make_id), record_clear
 * and record_kind_name.
 */
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "record.h"
#include "tap.h"
#include "xmalloc.h"

static bool
hex12(const char *id)
{
    size_t i;

    for (i = 0; i < 12; i++)
        if (!((id[i] >= '0' && id[i] <= '9') ||
              (id[i] >= 'a' && id[i] <= 'f')))
            return false;
    return id[12] == '\0';
}

static void
id_of(char id[13], const struct article *a, const char *quote,
      unsigned occ)
{
    memset(id, 'X', 13);
    record_make_id(id, a, quote, strlen(quote), occ);
}

static void
test_id(void)
{
    struct article *a = article_from_text("dir/a.txt", "x", 1);
    struct article *b = article_from_text("dir/a.txt", "x", 1);
    struct article *c = article_from_text("dir/other.txt", "x", 1);
    char i1[13], i2[13];

    id_of(i1, a, "", 1);
    ok(hex12(i1), "the id of an empty quote is 12 lowercase hex digits");
    id_of(i1, a, "We won.", 1);
    ok(hex12(i1), "the id is 12 lowercase hex digits and NUL-terminated");
    id_of(i2, a, "We won.", 1);
    is_str(i2, i1, "the id is stable for the same input");
    id_of(i2, b, "We won.", 1);
    is_str(i2, i1, "the id is the same for another article with the same "
           "path");
    id_of(i2, a, "We won.", 2);
    ok(strcmp(i1, i2) != 0, "the id differs by occurrence (1 vs 2)");
    id_of(i2, a, "We lost.", 1);
    ok(strcmp(i1, i2) != 0, "the id differs by quote text");
    id_of(i2, c, "We won.", 1);
    ok(strcmp(i1, i2) != 0, "the id differs by path");

    article_set(&b->url, "https://example.com/a");
    id_of(i2, b, "We won.", 1);
    ok(strcmp(i1, i2) != 0, "an article with a url has another id than "
       "one with only the same path");
    article_set(&c->url, "https://example.com/a");
    id_of(i1, c, "We won.", 1);
    is_str(i1, i2, "the url, not the path, makes the id when there is a "
           "url");

    id_of(i1, a, "\xe2\x80\x9cWe won,\xe2\x80\x9d she said", 1);
    id_of(i2, a, "\"we  WON,\"\tShe said ", 1);
    is_str(i2, i1, "quotes differing only in case, curly vs straight marks "
           "and white space have the same id");
    id_of(i2, a, "it\xe2\x80\x99s", 1);
    id_of(i1, a, "It's", 1);
    is_str(i2, i1, "a curly and a straight apostrophe give the same id");
    id_of(i1, a, "Pl\xc3\xb6tner", 1);
    id_of(i2, a, "Plotner", 1);
    ok(strcmp(i1, i2) != 0, "diacritics count in the id (Pl\xc3\xb6tner "
       "vs Plotner)");
    record_make_id(i1, a, "We won. And more", 7, 1);
    id_of(i2, a, "We won.", 1);
    is_str(i1, i2, "record_make_id reads only len bytes of the quote");

    article_free(a);
    article_free(b);
    article_free(c);
}

static void
test_clear(void)
{
    struct record r;
    static const struct record zero;

    memset(&r, 0, sizeof r);
    record_clear(&r);
    ok(memcmp(&r, &zero, sizeof r) == 0, "record_clear of a zeroed record "
       "leaves it zeroed");
    record_clear(NULL);
    ok(1, "record_clear accepts NULL");

    r.quote = xstrdup("q");
    r.speaker = xstrdup("s");
    r.speaker_as_written = xstrdup("w");
    r.role = xstrdup("r");
    r.cue = xstrdup("said");
    r.venue = xstrdup("v");
    r.method = "adjacent";
    r.start = 5;
    memcpy(r.country, "FR", 3);
    record_clear(&r);
    ok(memcmp(&r, &zero, sizeof r) == 0,
       "record_clear frees the strings and zeroes every field");
}

static void
test_kind(void)
{
    is_str(record_kind_name(QUOTE_SPEECH), "speech",
           "record_kind_name(QUOTE_SPEECH) is \"speech\"");
    is_str(record_kind_name(QUOTE_TERM), "term",
           "record_kind_name(QUOTE_TERM) is \"term\"");
}

int
main(void)
{
    test_id();
    test_clear();
    test_kind();
    return tap_done();
}
