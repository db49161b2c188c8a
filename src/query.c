// SPDX-License-Identifier: MIT
/*
 * Queries: the text a person types in, an SQL WHERE fragment with bound
 * parameters out, for index.c to run. No SQLite here and no value ever
 * spliced into SQL. The minimal language of query.h; issue 6 extends it.
 */
#include "query.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "country.h"
#include "speaker.h"
#include "utf8.h"
#include "xmalloc.h"

/* The fields, in the order their conditions are written: cheap column
 * tests before the full-text search. */
enum query_field { QF_COUNTRY, QF_SPEAKER, QF_SOURCE, QF_NFIELDS };

static const char *const query_fields[QF_NFIELDS] = {
    "country", "speaker", "source",
};

/* Each field's conditions and parameters are kept apart until the end,
 * when they are written in field order whatever order they came in. */
struct query_build {
    struct buf cond[QF_NFIELDS];    /* ORed alternatives of each field */
    struct query part[QF_NFIELDS];  /* their parameters */
    struct buf match;               /* FTS5 expression of the words */
};

static void
query_param(struct query *q, const char *s, size_t n)
{
    q->params = xreallocarray(q->params, q->nparams + 1, sizeof *q->params);
    q->params[q->nparams++] = xstrndup(s, n);
}

/* Moves the parameters of from to the end of to. */
static void
query_take_params(struct query *to, struct query *from)
{
    size_t k;

    for (k = 0; k < from->nparams; k++) {
        to->params = xreallocarray(to->params, to->nparams + 1,
                                   sizeof *to->params);
        to->params[to->nparams++] = from->params[k];
    }
    free(from->params);
    from->params = NULL;
    from->nparams = 0;
}

static void
query_or(struct buf *b, const char *sql)
{
    buf_puts(b, b->len > 0 ? " OR " : "");
    buf_puts(b, sql);
}

/* Appends value as one FTS5 string (a word or, with several words, a
 * phrase); values without a letter or digit are left out. */
static void
query_word(struct query_build *qb, const char *v, size_t n)
{
    size_t i = 0, k;
    bool word = false;

    while (i < n && !word) {
        int32_t c = utf8_decode(v, n, &i);
        word = c >= 0 && utf8_is_word(c);
    }
    if (!word)
        return;
    if (qb->match.len > 0)
        buf_putc(&qb->match, ' ');
    buf_putc(&qb->match, '"');
    for (k = 0; k < n; k++) {
        if (v[k] == '"')
            buf_putc(&qb->match, '"');
        buf_putc(&qb->match, v[k]);
    }
    buf_putc(&qb->match, '"');
}

static int
query_field(struct query_build *qb, enum query_field f, const char *v,
            size_t n, struct query_error *err)
{
    struct buf b = {0};
    char two[3] = {0};
    const char *cc;

    switch (f) {
    case QF_COUNTRY:
        if (n == 2) {
            two[0] = v[0];
            two[1] = v[1];
        }
        cc = n == 2 && country_name(two) != NULL ? two
                                                 : country_lookup(v, n);
        if (cc == NULL) {
            /* "france" as "France", "south korea" as "South Korea" */
            size_t k;
            for (k = 0; k < n; k++) {
                char ch = v[k];
                if ((k == 0 || v[k - 1] == ' ') && ch >= 'a' && ch <= 'z')
                    ch = (char)(ch - 32);
                buf_putc(&b, ch);
            }
            cc = b.data != NULL ? country_lookup(b.data, b.len) : NULL;
            buf_reset(&b);
        }
        if (cc == NULL) {
            snprintf(err->msg, sizeof err->msg,
                     "country:%.*s names no country (an ISO code, a "
                     "name or a demonym)", (int)(n > 64 ? 64 : n), v);
            buf_free(&b);
            return -1;
        }
        buf_putc(&b, (char)(cc[0] & ~0x20));
        buf_putc(&b, (char)(cc[1] & ~0x20));
        query_or(&qb->cond[f], "q.country = ?");
        query_param(&qb->part[f], b.data, b.len);
        break;
    case QF_SPEAKER:
        /* Any run of whole words of the key: the surname alone, the
         * forename and surname, the whole name. A value also tried as
         * forename (its words only folded), since only surnames are
         * transliterated. */
        speaker_key(&b, v, n);
        if (b.len == 0) {
            snprintf(err->msg, sizeof err->msg,
                     "speaker: needs a name with letters");
            buf_free(&b);
            return -1;
        }
        query_or(&qb->cond[f],
                 "q.speaker_key IN (SELECT key FROM speakers WHERE"
                 " ' ' || key || ' ' LIKE ? ESCAPE '\\'"
                 " OR ' ' || key || ' ' LIKE ? ESCAPE '\\')");
        for (int pass = 0; pass < 2; pass++) {
            struct buf pat = {0}, raw = {0};
            const char *s = b.data;
            size_t k;

            if (pass == 1) {
                utf8_fold(&raw, v, n, true);
                s = raw.data != NULL ? raw.data : "";
            }
            buf_puts(&pat, "% ");
            for (k = 0; s[k] != '\0'; k++) {
                if (s[k] == '%' || s[k] == '_' || s[k] == '\\')
                    buf_putc(&pat, '\\');
                buf_putc(&pat, s[k] == '-' ? ' ' : s[k]);
            }
            buf_puts(&pat, " %");
            query_param(&qb->part[f], pat.data, pat.len);
            buf_free(&pat);
            buf_free(&raw);
        }
        break;
    case QF_SOURCE:
        buf_putc(&b, '%');
        for (size_t k = 0; k < n; k++) {
            if (v[k] == '%' || v[k] == '_' || v[k] == '\\')
                buf_putc(&b, '\\');
            buf_putc(&b, v[k]);
        }
        buf_putc(&b, '%');
        query_or(&qb->cond[f],
                 "q.article IN (SELECT id FROM articles WHERE source LIKE ?"
                 " ESCAPE '\\' OR domain LIKE ? ESCAPE '\\')");
        query_param(&qb->part[f], b.data, b.len);
        query_param(&qb->part[f], b.data, b.len);
        break;
    case QF_NFIELDS:
        break;
    }
    buf_free(&b);
    return 0;
}

/* Reads one term at text[*i]: an optional `field:` and a value, bare or
 * in double quotes. */
static int
query_term(struct query_build *qb, const char *text, size_t *i,
           struct query_error *err)
{
    size_t start = *i, j = *i, vstart, vend;
    int f = -1;
    bool quoted = false;

    while (text[j] != '\0' && text[j] != ' ' && text[j] != ':' &&
           text[j] != '"')
        j++;
    if (text[j] == ':' && j > start) {
        size_t k;
        for (k = 0; k < QF_NFIELDS; k++)
            if (strlen(query_fields[k]) == j - start &&
                strncasecmp(query_fields[k], text + start, j - start) == 0)
                f = (int)k;
        if (f < 0) {
            err->column = start;
            snprintf(err->msg, sizeof err->msg,
                     "unknown field '%.*s:' (fields: speaker:, country:, "
                     "source:)", (int)(j - start > 32 ? 32 : j - start),
                     text + start);
            return -1;
        }
        j++;
    } else {
        j = start;
    }
    vstart = j;
    if (text[j] == '"') {
        quoted = true;
        vstart = ++j;
        while (text[j] != '\0' && text[j] != '"')
            j++;
        if (text[j] != '"') {
            err->column = vstart - 1;
            snprintf(err->msg, sizeof err->msg,
                     "unclosed quotation mark");
            return -1;
        }
        vend = j++;
    } else {
        while (text[j] != '\0' && text[j] != ' ')
            j++;
        vend = j;
    }
    *i = j;
    if (f < 0) {
        query_word(qb, text + vstart, vend - vstart);
        return 0;
    }
    if (vend == vstart) {
        err->column = start;
        snprintf(err->msg, sizeof err->msg, "%s: needs a value%s",
                 query_fields[f], quoted ? "" : " (no space after ':')");
        return -1;
    }
    if (query_field(qb, (enum query_field)f, text + vstart, vend - vstart,
                    err) < 0) {
        err->column = start;
        return -1;
    }
    return 0;
}

int
query_parse(const char *text, struct query *q, struct query_error *err)
{
    struct query_build qb = {0};
    struct buf where = {0};
    size_t i = 0, k;
    int rc = -1;

    memset(q, 0, sizeof *q);
    err->msg[0] = '\0';
    err->column = 0;
    for (;;) {
        while (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')
            i++;
        if (text[i] == '\0')
            break;
        if (query_term(&qb, text, &i, err) < 0)
            goto out;
    }
    for (k = 0; k < QF_NFIELDS; k++) {
        if (qb.cond[k].len == 0)
            continue;
        buf_printf(&where, "%s(%s)", where.len > 0 ? " AND " : "",
                   qb.cond[k].data);
        query_take_params(q, &qb.part[k]);
    }
    if (qb.match.len > 0) {
        buf_printf(&where, "%sq.qid IN (SELECT rowid FROM quotes_fts WHERE "
                   "quotes_fts MATCH ?)", where.len > 0 ? " AND " : "");
        query_param(q, qb.match.data, qb.match.len);
    }
    if (where.len == 0)
        buf_puts(&where, "1");
    q->where = buf_take(&where);
    rc = 0;
out:
    for (k = 0; k < QF_NFIELDS; k++) {
        buf_free(&qb.cond[k]);
        query_free(&qb.part[k]);
    }
    buf_free(&qb.match);
    buf_free(&where);
    if (rc < 0)
        query_free(q);
    return rc;
}

void
query_free(struct query *q)
{
    size_t k;

    if (q == NULL)
        return;
    free(q->where);
    for (k = 0; k < q->nparams; k++)
        free(q->params[k]);
    free(q->params);
    memset(q, 0, sizeof *q);
}
