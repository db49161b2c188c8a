// SPDX-License-Identifier: MIT
/*
 * Speakers across articles: a written name in, the key that groups its
 * spellings out. No I/O, no state: the index stores the key, the query
 * folds `speaker:` values the same way.
 */
#include "speaker.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "utf8.h"

/* Replaces every `from` in w (NUL-terminated, changed in place) with the
 * shorter or equal `to`. */
static void
speaker_replace(char *w, const char *from, const char *to)
{
    size_t nf = strlen(from), nt = strlen(to);
    char *p = w, *q = w;

    while (*p != '\0') {
        if (strncmp(p, from, nf) == 0) {
            memcpy(q, to, nt);
            q += nt;
            p += nf;
        } else {
            *q++ = *p++;
        }
    }
    *q = '\0';
}

/* The transliteration rules, on a surname already folded to lower case. */
static void
speaker_surname(char *w)
{
    size_t n, k;

    if (strlen(w) < 3)
        return;
    speaker_replace(w, "ae", "a");
    speaker_replace(w, "oe", "o");
    speaker_replace(w, "ue", "u");
    speaker_replace(w, "kh", "h");
    speaker_replace(w, "ya", "ia");
    speaker_replace(w, "yu", "iu");
    speaker_replace(w, "ye", "ie");
    /* -yy, -iy, -yi, -ii, -yj, -ij, -i, -y: one ending */
    n = strlen(w);
    k = n;
    while (k > 2 && k + 2 > n && strchr("iyj", w[k - 1]) != NULL)
        k--;
    if (k < n) {
        w[k] = 'y';
        w[k + 1] = '\0';
    }
}

void
speaker_key(struct buf *out, const char *name, size_t n)
{
    struct buf folded = {0}, word = {0}, key = {0};
    size_t i = 0, last = 0;
    bool any = false;

    utf8_fold(&folded, name, n, true);
    while (folded.data != NULL && i <= folded.len) {
        size_t at = i;
        int32_t c = i < folded.len ? utf8_decode(folded.data, folded.len, &i)
                                   : (i++, -1);

        if (c == '.' || c == '\'')
            continue;               /* J.D. = JD, O'Neil = ONeil */
        if (c >= 0 && utf8_is_word(c)) {
            buf_append(&word, folded.data + at, i - at);
            continue;
        }
        if (word.len == 0)
            continue;
        if (any)
            buf_putc(&key, ' ');
        last = key.len;
        buf_append(&key, word.data, word.len);
        buf_reset(&word);
        any = true;
    }
    if (any) {
        speaker_surname(key.data + last);
        buf_puts(out, key.data);
    }
    buf_free(&folded);
    buf_free(&word);
    buf_free(&key);
}
