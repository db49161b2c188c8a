// SPDX-License-Identifier: MIT
/*
 * Unit tests of words: quote text folded into the words check compares,
 * with their byte spans, elisions, and the hash of the same words.
 */
#include <string.h>

#include "buf.h"
#include "tap.h"
#include "words.h"

/* The folded words of s joined by '|', an elision as "...". */
static const char *
split(const char *s, bool elisions)
{
    static char out[512];
    struct words w = {0};
    struct buf b = {0};
    size_t k;

    words_split(&w, s, strlen(s), elisions);
    for (k = 0; k < w.n; k++) {
        if (k > 0)
            buf_putc(&b, '|');
        buf_puts(&b, w.w[k].elision ? "..." : words_at(&w, k));
    }
    snprintf(out, sizeof out, "%s", b.data ? b.data : "");
    buf_free(&b);
    words_free(&w);
    return out;
}

static int64_t
hash(const char *s)
{
    struct words w = {0};
    int64_t h;

    words_split(&w, s, strlen(s), true);
    h = words_hash(&w);
    words_free(&w);
    return h;
}

int
main(void)
{
    struct words w = {0};

    is_str(split("", true), "", "empty text: no words");
    is_str(split(" -- , ; ", true), "", "punctuation alone: no words");
    is_str(split("We will NOT give up", true), "we|will|not|give|up",
           "case folded");
    is_str(split("“Don’t” — can't; l'État", true), "dont|cant|letat",
           "curly and straight apostrophes join a word; marks folded");
    is_str(split("well-known 1,000", true), "well|known|1|000",
           "hyphens and commas separate");
    is_str(split("we will … win", true), "we|will|...|win",
           "an ellipsis is an elision");
    is_str(split("we will... win [...] now . . . then", true),
           "we|will|...|win|...|now|...|then",
           "three dots, bracketed and spaced dots too");
    is_str(split("we will … … win", true), "we|will|...|win",
           "two ellipses in a row are one elision");
    is_str(split("we will … win", false), "we|will|win",
           "without elisions the ellipsis is dropped");
    is_str(split("a.b", true), "a|b", "one dot separates, no elision");
    is_str(split("x\xff y", true), "x|y", "a bad byte separates");
    ok(hash("We will not give up.") == hash("we  will not -- give UP"),
       "the hash folds case, punctuation and spacing");
    ok(hash("We will not give up.") == hash("We will not … give up"),
       "the hash leaves elisions out");
    ok(hash("We will not give up.") != hash("We will not give in."),
       "another word, another hash");
    ok(hash("...") == 0, "no words: hash 0");
    ok(hash("a") > 0, "the hash is positive");
    words_split(&w, "Say “hello”, Ana", 18, true);
    ok(w.n == 3 && w.w[1].start == 7 && w.w[1].end == 12,
       "a word's span is its bytes in the text (%zu, %zu)",
       w.n > 1 ? w.w[1].start : 0, w.n > 1 ? w.w[1].end : 0);
    words_free(&w);
    words_free(&w);
    ok(w.n == 0, "words_free twice is safe");
    return tap_done();
}
