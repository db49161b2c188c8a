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

void
record_make_id(char id[13], const struct article *a, const char *quote,
               size_t len, unsigned occurrence)
{
    struct buf folded = {0};
    char occ[16], digest[65];
    const char *key = a->url != NULL ? a->url : a->path;
    const char *parts[3];
    size_t lens[3];

    utf8_fold(&folded, quote, len, false);
    snprintf(occ, sizeof occ, "%u", occurrence);
    parts[0] = key;
    lens[0] = strlen(key);
    parts[1] = folded.data ? folded.data : "";
    lens[1] = folded.len;
    parts[2] = occ;
    lens[2] = strlen(occ);
    hash_sha256_parts(digest, parts, lens, 3);
    memcpy(id, digest, 12);
    id[12] = '\0';
    buf_free(&folded);
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
