// SPDX-License-Identifier: MIT
/*
 * Country probe for tests/unit/country-table.py: reads requests on stdin,
 * one a line, "L<TAB>phrase" (country_lookup_kind), "F<TAB>text"
 * (country_find) or "P<TAB>tag" (country_party_tag), and prints one answer
 * line for each: "CC KIND FLAGS", the codes found joined by spaces, or the
 * tag's code; "-" for none. Not a test by itself.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "country.h"

static const char *const kinds[] = {
    "none", "name", "demonym", "capital", "seat", "us_state", "block",
};
static_assert(sizeof kinds / sizeof *kinds == COUNTRY_BLOCK + 1,
              "one name per enum country_kind");

int
main(void)
{
    char line[4096];

    while (fgets(line, sizeof line, stdin) != NULL) {
        size_t n = strcspn(line, "\n");
        const char *s = line + 2, *cc;

        line[n] = '\0';
        if (n < 2 || line[1] != '\t') {
            fprintf(stderr, "country_probe: want L, F or P, a tab, text\n");
            return 2;
        }
        n -= 2;
        if (line[0] == 'L') {
            enum country_kind kind;
            unsigned flags;
            cc = country_lookup_kind(s, n, &kind, &flags);
            printf("%s %s %u\n", cc != NULL ? cc : "-", kinds[kind], flags);
        } else if (line[0] == 'F') {
            char out[32][3];
            size_t found = country_find(s, n, out, 32), k;
            for (k = 0; k < found; k++)
                printf("%s%s", k > 0 ? " " : "", out[k]);
            puts(found > 0 ? "" : "-");
        } else if (line[0] == 'P') {
            cc = country_party_tag(s, n);
            puts(cc != NULL ? cc : "-");
        } else {
            fprintf(stderr, "country_probe: unknown request %c\n", line[0]);
            return 2;
        }
    }
    return 0;
}
