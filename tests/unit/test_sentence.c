// SPDX-License-Identifier: MIT
/*
 * Unit tests of ui/sentence: article text split into sentences for the
 * browser's context pane, titles, initials and closing marks included.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "sentence.h"
#include "tap.h"

/* The sentences of s joined by '|'. */
static const char *
split(const char *s)
{
    static char out[1024];
    struct buf b = {0};
    size_t *e, n = sentence_split(s, strlen(s), &e), k, from = 0;

    for (k = 0; k < n; k++) {
        while (s[from] == ' ' || s[from] == '\n')
            from++;
        buf_printf(&b, "%s%.*s", k ? "|" : "", (int)(e[k] - from), s + from);
        from = e[k];
    }
    snprintf(out, sizeof out, "%s", b.data ? b.data : "");
    buf_free(&b);
    free(e);
    return out;
}

int
main(void)
{
    const char *t = "One. \"Two,\" said Mr. Alves. Three.\n\nFour";
    size_t a, z, q;

    is_str(split("It rained. We left."), "It rained.|We left.",
           "two sentences");
    is_str(split("Mr. Alves and Dr. Gil met in the U.S. capital. Then rain."),
           "Mr. Alves and Dr. Gil met in the U.S. capital.|Then rain.",
           "titles and U.S. do not end a sentence");
    is_str(split("J. R. Smith spoke. He left."), "J. R. Smith spoke.|He left.",
           "initials do not end a sentence");
    is_str(split("\"We will stay.\" He smiled. \xe2\x80\x9cNo!\xe2\x80\x9d she"
                 " said."),
           "\"We will stay.\"|He smiled.|\xe2\x80\x9cNo!\xe2\x80\x9d she said.",
           "closing marks stay with their sentence");
    is_str(split("\"We will stay,\" he said. It is 3.5 percent."),
           "\"We will stay,\" he said.|It is 3.5 percent.",
           "a comma in a quote and a decimal point end nothing");
    is_str(split("It ends. and goes on"), "It ends. and goes on",
           "a lower-case word after a stop: the same sentence");
    is_str(split("A title\n\nIt begins here"), "A title|It begins here",
           "a paragraph break ends a sentence without a stop");
    is_str(split("What? Really... Yes."), "What?|Really...|Yes.",
           "question marks and ellipses");
    is_str(split("   "), "", "blank text: no sentence");

    /* the quote "Two," is bytes 6..10 */
    q = (size_t)(strstr(t, "Two") - t);
    sentence_around(t, strlen(t), q, q + 4, 0, 0, &a, &z);
    is_strn(t + a, z - a, "\"Two,\" said Mr. Alves.", "the quote's sentence");
    sentence_around(t, strlen(t), q, q + 4, 1, 1, &a, &z);
    is_strn(t + a, z - a, "One. \"Two,\" said Mr. Alves. Three.",
            "one sentence each side");
    sentence_around(t, strlen(t), q, q + 4, 9, 9, &a, &z);
    is_strn(t + a, z - a, t, "more than there are: the whole text");
    return tap_done();
}
