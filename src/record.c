// SPDX-License-Identifier: MIT
/*
 * Records: the value that leaves attribution for every consumer, and its
 * stable id.
 */
#include "record.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

/* The canonical form of a URL, for finding the same article twice:
 * scheme and host in lower case, http as https, no "www.", no default
 * port, no fragment, no tracking parameters, no trailing slash. NULL for
 * what is not an http(s) URL. Caller frees. */
char *
record_canon_url(const char *url)
{
    struct buf b = {0};
    const char *p, *host, *hend, *path, *q;
    size_t k;

    if (url == NULL)
        return NULL;
    if (strncasecmp(url, "https://", 8) == 0)
        host = url + 8;
    else if (strncasecmp(url, "http://", 7) == 0)
        host = url + 7;
    else
        return NULL;
    hend = host + strcspn(host, "/?#");
    if (hend == host)
        return NULL;
    if (hend - host > 4 && strncasecmp(host, "www.", 4) == 0)
        host += 4;
    buf_puts(&b, "https://");
    for (p = host; p < hend; p++)
        buf_putc(&b, (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p));
    if (b.len > 3 && strcmp(b.data + b.len - 3, ":80") == 0)
        b.len -= 3;
    else if (b.len > 4 && strcmp(b.data + b.len - 4, ":443") == 0)
        b.len -= 4;
    b.data[b.len] = '\0';
    path = hend;
    q = path + strcspn(path, "?#");
    buf_append(&b, path, (size_t)(q - path));
    while (b.len > 8 && b.data[b.len - 1] == '/')
        b.data[--b.len] = '\0';
    if (*q == '?') {
        /* Keep the parameters that name the page, drop the trackers. */
        const char *s = q + 1, *end = s + strcspn(s, "#");
        bool first = true;
        while (s < end) {
            const char *amp = memchr(s, '&', (size_t)(end - s));
            size_t n = amp ? (size_t)(amp - s) : (size_t)(end - s);
            static const char *const drop[] = {"utm_", "fbclid", "gclid",
                                               "mc_cid", "mc_eid", "ref="};
            bool keep = n > 0;
            for (k = 0; k < sizeof drop / sizeof *drop && keep; k++)
                if (strncmp(s, drop[k], strlen(drop[k])) == 0)
                    keep = false;
            if (keep) {
                buf_putc(&b, first ? '?' : '&');
                buf_append(&b, s, n);
                first = false;
            }
            s += n + (amp ? 1 : 0);
        }
    }
    return buf_take(&b);
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

    if (a->url != NULL) {
        char *canon = record_canon_url(a->url);
        buf_puts(&path, canon != NULL ? canon : a->url);
        free(canon);
    } else {
        record_path_key(&path, a->path);
    }
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
