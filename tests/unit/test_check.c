// SPDX-License-Identifier: MIT
/*
 * Unit tests of check_near, the relation the variant groups (group.c) are
 * made of: nearly the same words (NEAR at 0.8 or a FRAGMENT), whichever
 * quote is taken as the claim.
 */
#include <string.h>

#include "check.h"
#include "tap.h"
#include "words.h"

/* check_near of a and b, and of b and a: both must agree. */
static int
near(const char *a, const char *b)
{
    struct words x = {0}, y = {0};
    bool ab, ba;

    words_split(&x, a, strlen(a), false);
    words_split(&y, b, strlen(b), false);
    ab = check_near(&x, &y);
    ba = check_near(&y, &x);
    words_free(&x);
    words_free(&y);
    if (ab != ba)
        return -1;
    return ab;
}

int
main(void)
{
    const char *q = "We will rebuild every bridge on the river before the "
                    "winter comes";

    ok(near(q, q) == 1, "the same words");
    ok(near(q, "we will REBUILD every bridge -- on the river, before the "
               "winter comes!") == 1, "case, punctuation and dashes fold");
    ok(near(q, "We will rebuild every road on the river before the winter "
               "ends") == 1, "two of 12 words changed: near, either way");
    ok(near(q, "We will repair every road on the coast before the winter "
               "ends") == 0, "four of 12 changed: not near, either way");
    ok(near(q, "We will rebuild every bridge on the river before the winter "
               "comes to the valley, the mayor's office said on Monday") == 1,
       "a fragment of a longer quote, either way");
    ok(near(q, "every bridge on the river before the winter") == 1,
       "a run of it");
    ok(near("Thank you very much Mr. Chairman",
            "Thank you very much Mr. President") == 1,
       "six words, one changed: near (at 0.83)");
    ok(near("Thank you very much Mr. Chairman",
            "Thank you so much Madam President") == 0,
       "six words, three changed: not near");
    ok(near("", q) == 0, "no words: near nothing");
    ok(check_stopword("the") && !check_stopword("bridge"),
       "common words are known");
    return tap_done();
}
