// SPDX-License-Identifier: MIT
/*
 * Records: the value that leaves attribution for every consumer, and its
 * stable id.
 */
#include "record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "hash.h"
#include "utf8.h"

/* Appends path to b lexically normalised, so that the id of an article
 * with no URL does not depend on how its path was typed: "." segments
 * and repeated or trailing slashes go ("./corpus//a.txt" is
 * "corpus/a.txt"). ".." stays: "x/.." is not where x's parent is when x
 * is a symbolic link, and a text stage does not look at the file system.
 * A relative path stays relative: making it absolute would tie the id to
 * where the collection lies. */
static void
record_path_key(struct buf *b, const char *path)
{
    const char *p = path;

    if (*p == '/')
        buf_putc(b, '/');
    while (*p != '\0') {
        size_t n = strcspn(p, "/");
        if (n > 0 && !(n == 1 && p[0] == '.')) {
            if (b->len > 0 && b->data[b->len - 1] != '/')
                buf_putc(b, '/');
            buf_append(b, p, n);
        }
        p += n;
        p += strspn(p, "/");
    }
    if (b->len == 0)
        buf_putc(b, '.');
}

void
record_make_id(char id[13], const struct article *a, const char *quote,
               size_t len, unsigned occurrence)
{
    struct buf folded = {0};
    char occ[16], digest[65];
    struct buf path = {0};
    const char *parts[3];
    size_t lens[3];

    if (a->url != NULL)
        buf_puts(&path, a->url);
    else
        record_path_key(&path, a->path);
    utf8_fold(&folded, quote, len, false);
    snprintf(occ, sizeof occ, "%u", occurrence);
    parts[0] = path.data;
    lens[0] = path.len;
    parts[1] = folded.data ? folded.data : "";
    lens[1] = folded.len;
    parts[2] = occ;
    lens[2] = strlen(occ);
    hash_sha256_parts(digest, parts, lens, 3);
    memcpy(id, digest, 12);
    id[12] = '\0';
    buf_free(&folded);
    buf_free(&path);
}

void
record_clear(struct record *r)
{
    if (r == NULL)
        return;
    free(r->quote);
    free(r->speaker);
    free(r->speaker_as_written);
    free(r->role);
    free(r->cue);
    free(r->venue);
    memset(r, 0, sizeof *r);
}

const char *
record_kind_name(enum quote_kind kind)
{
    return kind == QUOTE_TERM ? "term" : "speech";
}
