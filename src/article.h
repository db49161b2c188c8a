/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_ARTICLE_H
#define QUOTH_ARTICLE_H

#include <stddef.h>

/* A paragraph: a byte range of the article body. */
struct para {
    size_t start;
    size_t end;
};

/* One article as the readers hand it on: an owned UTF-8 body (paragraphs
 * separated by a blank line, no control characters but newlines), its
 * paragraph table, and its provenance. Metadata fields are NULL when the
 * source does not give them. A plain value record: every field is owned. */
struct article {
    char *path;         /* as given on the command line */
    long line;          /* line of a JSON Lines file, else 0 */
    char *format;       /* reader name: "text", "jsonl", ... */
    char *url;
    char *guid;         /* the source's own id of the item (RSS guid, Atom
                         * id, NewsML-G2 guid, NITF doc-id, JSON "guid") */
    char *title;
    char *source;       /* the outlet's name */
    char *domain;       /* host of url */
    char *byline;
    char *date;         /* ISO 8601 */
    char *lang;
    char sha256[65];    /* hex digest of the body */
    char *body;
    size_t body_len;
    struct para *paras;
    size_t npara;
};

/* Makes an article of text (any line breaks), one paragraph per block of
 * lines separated by blank lines, or per line when the text has no blank
 * line. Boilerplate lines ("SEE ALSO: ...") are cut, keeping text glued to
 * their end. text must be valid UTF-8. Caller frees with article_free. */
struct article *article_from_text(const char *path, const char *text,
                                  size_t len);
/* The longest metadata field kept, in bytes: longer ones are cut. */
#define ARTICLE_META_MAX 2048

/* Sets a metadata field, replacing what was there; value may be NULL or
 * empty (no value). Keeps at most ARTICLE_META_MAX bytes, cut at a
 * character boundary. */
void article_set(char **field, const char *value);
/* Fills domain from url when the url has a host and domain is unset. */
void article_fill_domain(struct article *a);
void article_free(struct article *a);

#endif
