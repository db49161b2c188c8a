// SPDX-License-Identifier: MIT
/*
 * Output: records in, bytes on a stream out, in the formats of
 * CONVENTIONS.md (text, tsv, csv, jsonl, json, cite). Text meant for people
 * passes through utf8_sanitize, so no control character from an article
 * reaches a terminal; the machine formats escape instead. Articles in,
 * their body as text out, for `quoth text`.
 */
#include "out.h"

#include <jansson.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "xmalloc.h"

struct out {
    FILE *fp;
    struct out_options opts;
    size_t count;
    bool failed;
    struct buf line;    /* the record being written, kept for its memory */
};

static const char *const out_names[] = {
#define X(name, e) name,
    OUT_FORMATS(X)
#undef X
};
_Static_assert(sizeof out_names / sizeof *out_names == OUT_NFORMATS,
               "one name per format");

/* The record's fields, in the order of CONVENTIONS.md. */
#define OUT_FIELDS(X)                                                         \
    X(id) X(file) X(quote) X(kind) X(speaker) X(speaker_as_written) X(role)   \
    X(country) X(mentions) X(cue) X(venue) X(method) X(confidence) X(start)   \
    X(end) X(speaker_start) X(speaker_end) X(cue_start) X(cue_end) X(from)    \
    X(para) X(title) X(source) X(domain) X(url) X(date) X(byline)

enum out_field {
#define X(f) FIELD_##f,
    OUT_FIELDS(X)
#undef X
    OUT_NFIELDS
};

static const char *const out_field_names[] = {
#define X(f) #f,
    OUT_FIELDS(X)
#undef X
};
_Static_assert(sizeof out_field_names / sizeof *out_field_names ==
                   OUT_NFIELDS, "one name per field");

int
out_format_parse(const char *name, enum out_format *fmt)
{
    size_t k;

    for (k = 0; k < OUT_NFORMATS; k++)
        if (strcmp(name, out_names[k]) == 0) {
            *fmt = (enum out_format)k;
            return 0;
        }
    return -1;
}

const char *
out_format_names(void)
{
    return "text, tsv, csv, jsonl, json, cite";
}

/* A field's value as text, appended to b; false when it is null. Lists
 * are joined with ';'. */
static bool
out_field(const struct record *r, enum out_field f, struct buf *b)
{
    const struct article *a = r->article;
    const char *s = NULL;
    size_t num = RECORD_NONE, k;

    switch (f) {
    case FIELD_id: s = r->id; break;
    case FIELD_file: s = a->path; break;
    case FIELD_quote: s = r->quote; break;
    case FIELD_kind: s = record_kind_name(r->kind); break;
    case FIELD_speaker: s = r->speaker; break;
    case FIELD_speaker_as_written: s = r->speaker_as_written; break;
    case FIELD_role: s = r->role; break;
    case FIELD_country: s = r->country[0] ? r->country : NULL; break;
    case FIELD_mentions:
        for (k = 0; k < r->nmentions; k++) {
            if (k > 0)
                buf_putc(b, ';');
            buf_puts(b, r->mentions[k]);
        }
        return true;
    case FIELD_cue: s = r->cue; break;
    case FIELD_venue: s = r->venue; break;
    case FIELD_method: s = r->method; break;
    case FIELD_confidence:
        if (r->method == NULL)
            return false;
        buf_printf(b, "%.2f", r->confidence);
        return true;
    case FIELD_start: num = r->start; break;
    case FIELD_end: num = r->end; break;
    case FIELD_speaker_start: num = r->speaker_start; break;
    case FIELD_speaker_end: num = r->speaker_end; break;
    case FIELD_cue_start: num = r->cue_start; break;
    case FIELD_cue_end: num = r->cue_end; break;
    case FIELD_from: s = r->from[0] ? r->from : NULL; break;
    case FIELD_para: num = r->para; break;
    case FIELD_title: s = a->title; break;
    case FIELD_source: s = a->source; break;
    case FIELD_domain: s = a->domain; break;
    case FIELD_url: s = a->url; break;
    case FIELD_date: s = a->date; break;
    case FIELD_byline: s = a->byline; break;
    case OUT_NFIELDS: break;
    }
    if (num != RECORD_NONE) {
        buf_printf(b, "%zu", num);
        return true;
    }
    if (s == NULL)
        return false;
    buf_puts(b, s);
    return true;
}

static bool
out_numeric(enum out_field f)
{
    return f == FIELD_start || f == FIELD_end || f == FIELD_speaker_start ||
           f == FIELD_speaker_end || f == FIELD_cue_start ||
           f == FIELD_cue_end || f == FIELD_para;
}

/* Appends s[0..n) as a JSON string, escaped as jansson escapes: quote,
 * backslash and control characters, these as \b \f \n \r \t or \u00XX;
 * the rest, UTF-8 included, as it is. */
static void
out_json_string(struct buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t i = 0, j;

    buf_putc(b, '"');
    while (i < n) {
        for (j = i; j < n && (unsigned char)s[j] >= 0x20 && s[j] != '"' &&
                    s[j] != '\\';
             j++)
            ;
        buf_append(b, s + i, j - i);
        if (j == n)
            break;
        switch (s[j]) {
        case '"': buf_puts(b, "\\\""); break;
        case '\\': buf_puts(b, "\\\\"); break;
        case '\b': buf_puts(b, "\\b"); break;
        case '\f': buf_puts(b, "\\f"); break;
        case '\n': buf_puts(b, "\\n"); break;
        case '\r': buf_puts(b, "\\r"); break;
        case '\t': buf_puts(b, "\\t"); break;
        default:
            buf_puts(b, "\\u00");
            buf_putc(b, hex[(unsigned char)s[j] >> 4]);
            buf_putc(b, hex[(unsigned char)s[j] & 15]);
        }
        i = j + 1;
    }
    buf_putc(b, '"');
}

/* Appends a real as jansson writes it with JSON_REAL_PRECISION(4): %.4g
 * with a '.' whatever the locale, ".0" when it would read as an integer,
 * no '+' or leading zeros in the exponent. */
static void
out_json_real(struct buf *b, double v)
{
    char num[64], *p, *e;
    const char *point = localeconv()->decimal_point;
    int len = snprintf(num, sizeof num, "%.4g", v);

    if (len < 0 || (size_t)len >= sizeof num - 3)
        return;
    if (*point != '.' && (p = strchr(num, *point)) != NULL)
        *p = '.';
    if (strchr(num, '.') == NULL && strchr(num, 'e') == NULL) {
        num[len++] = '.';
        num[len++] = '0';
        num[len] = '\0';
    }
    p = strchr(num, 'e');
    if (p != NULL) {
        p++;
        e = p + 1;
        if (*p == '-')
            p++;
        while (*e == '0')
            e++;
        if (e != p)
            memmove(p, e, strlen(e) + 1);
    }
    buf_puts(b, num);
}

/* Appends the record as one compact JSON object, byte for byte what
 * jansson's json_dumpf made of it when it was built as a json_t, without
 * building one. */
static void
out_json_record(const struct record *r, struct buf *line)
{
    struct buf b = {0};
    size_t f, k, n = 0;

    buf_putc(line, '{');
    for (f = 0; f < OUT_NFIELDS; f++) {
        size_t at = line->len;

        if (n++ > 0)
            buf_putc(line, ',');
        buf_putc(line, '"');
        buf_puts(line, out_field_names[f]);
        buf_puts(line, "\":");
        buf_reset(&b);
        if (f == FIELD_mentions) {
            buf_putc(line, '[');
            for (k = 0; k < r->nmentions; k++) {
                if (k > 0)
                    buf_putc(line, ',');
                out_json_string(line, r->mentions[k],
                                strlen(r->mentions[k]));
            }
            buf_putc(line, ']');
        } else if (f == FIELD_confidence) {
            double v = round(r->confidence * 100) / 100;
            if (r->method == NULL) {
                buf_puts(line, "null");
            } else if (!isfinite(v)) {
                /* jansson has no such real: the field was left out. */
                line->len = at;
                line->data[at] = '\0';
                n--;
            } else {
                out_json_real(line, v);
            }
        } else if (!out_field(r, f, &b)) {
            buf_puts(line, "null");
        } else if (out_numeric(f)) {
            /* As strtoll read it: saturated at its largest value. */
            buf_printf(line, "%lld", strtoll(b.data, NULL, 10));
        } else if (utf8_valid(b.data, b.len, NULL)) {
            out_json_string(line, b.data, b.len);
        } else {    /* not UTF-8: never from our readers */
            struct buf clean = {0};
            utf8_sanitize(&clean, b.data, b.len, true);
            out_json_string(line, clean.data ? clean.data : "", clean.len);
            buf_free(&clean);
        }
    }
    buf_putc(line, '}');
    buf_free(&b);
}

static void
out_json_dump(struct out *o, json_t *v)
{
    if (json_dumpf(v, o->fp, JSON_COMPACT | JSON_REAL_PRECISION(4) |
                                 JSON_ENCODE_ANY) < 0)
        o->failed = true;
}

static void
out_tsv_cell(struct buf *line, const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        switch (s[i]) {
        case '\t': buf_puts(line, "\\t"); break;
        case '\n': buf_puts(line, "\\n"); break;
        case '\r': buf_puts(line, "\\r"); break;
        case '\\': buf_puts(line, "\\\\"); break;
        default: buf_putc(line, s[i]);
        }
    }
}

static void
out_csv_cell(struct buf *line, const char *s, size_t n)
{
    bool quote = n > 0 && strpbrk(s, ",\"\r\n") != NULL;
    /* A cell a spreadsheet would run as a formula gets a leading '. */
    bool formula = n > 0 && strchr("=+-@\t\r", s[0]) != NULL;
    size_t i;

    if (quote || formula || (n > 0 && (s[0] == ' ' || s[n - 1] == ' ')))
        quote = true;
    if (quote)
        buf_putc(line, '"');
    if (formula)
        buf_putc(line, '\'');
    for (i = 0; i < n; i++) {
        if (s[i] == '"')
            buf_putc(line, '"');
        buf_putc(line, s[i]);
    }
    if (quote)
        buf_putc(line, '"');
}

static void
out_table_row(struct out *o, const struct record *r)
{
    struct buf line = {0}, cell = {0};
    size_t f;

    for (f = 0; f < OUT_NFIELDS; f++) {
        if (f > 0)
            buf_putc(&line, o->opts.format == OUT_TSV ? '\t' : ',');
        buf_reset(&cell);
        if (r == NULL) {
            buf_puts(&cell, out_field_names[f]);
        } else {
            /* No escape sequence reaches a cell: tabs and line breaks,
             * which the format escapes or quotes, are all that survive. */
            struct buf raw = {0};
            size_t i = 0, j;
            out_field(r, f, &raw);
            while (i < raw.len) {
                j = i + strcspn(raw.data + i, "\t\r\n");
                utf8_sanitize(&cell, raw.data + i, j - i, false);
                if (j < raw.len)
                    buf_putc(&cell, raw.data[j++]);
                i = j;
            }
            buf_free(&raw);
        }
        if (o->opts.format == OUT_TSV)
            out_tsv_cell(&line, cell.data ? cell.data : "", cell.len);
        else
            out_csv_cell(&line, cell.data ? cell.data : "", cell.len);
    }
    if (o->opts.note != NULL) {
        /* a case's note, the last column */
        const char *note = r ? o->opts.note(o->opts.note_ctx, r->id)
                             : "note";
        buf_putc(&line, o->opts.format == OUT_TSV ? '\t' : ',');
        out_cell(&line, o->opts.format, note ? note : "");
    }
    buf_puts(&line, o->opts.format == OUT_TSV ? "\n" : "\r\n");
    if (fwrite(line.data, 1, line.len, o->fp) != line.len)
        o->failed = true;
    buf_free(&line);
    buf_free(&cell);
}

void
out_cell(struct buf *line, enum out_format f, const char *s)
{
    struct buf cell = {0};
    size_t i = 0, j, n = strlen(s);

    /* as out_table_row: no escape sequence, tabs and line breaks kept
     * for the format to escape or quote */
    while (i < n) {
        j = i + strcspn(s + i, "\t\r\n");
        utf8_sanitize(&cell, s + i, j - i, false);
        if (j < n)
            buf_putc(&cell, s[j++]);
        i = j;
    }
    if (f == OUT_TSV)
        out_tsv_cell(line, cell.data ? cell.data : "", cell.len);
    else
        out_csv_cell(line, cell.data ? cell.data : "", cell.len);
    buf_free(&cell);
}

/* Appends s sanitized, cut to cols when cols is not 0. */
static void
out_clean(struct buf *b, const char *s, size_t cols)
{
    if (s == NULL)
        return;
    if (cols > 0)
        utf8_fit(b, s, strlen(s), cols);
    else
        utf8_sanitize(b, s, strlen(s), false);
}

#define SGR_BOLD "\033[1m"
#define SGR_DIM "\033[2m"
#define SGR_OFF "\033[0m"

static void
out_text(struct out *o, const struct record *r)
{
    const struct article *a = r->article;
    struct buf b = {0}, head = {0};
    size_t cols = o->opts.cols, indent = 4;
    bool color = o->opts.color;

    if (o->count > 0)
        buf_putc(&b, '\n');
    /* id  Speaker (CC), role */
    buf_printf(&head, "%s  ", r->id);
    if (r->speaker != NULL)
        buf_puts(&head, r->speaker);
    else if (r->kind == QUOTE_TERM)
        buf_puts(&head, "(term)");
    else
        buf_puts(&head, "(unattributed)");
    if (r->country[0])
        buf_printf(&head, " (%s)", r->country);
    if (r->role != NULL)
        buf_printf(&head, ", %s", r->role);
    if (color)
        buf_puts(&b, SGR_BOLD);
    out_clean(&b, head.data, cols);
    if (color)
        buf_puts(&b, SGR_OFF);
    buf_putc(&b, '\n');
    /* the quote */
    buf_reset(&head);
    buf_printf(&head, "\xe2\x80\x9c%s\xe2\x80\x9d", r->quote);
    buf_printf(&b, "%*s", (int)indent, "");
    out_clean(&b, head.data, cols > indent ? cols - indent : 0);
    buf_putc(&b, '\n');
    /* where, and how it was attributed */
    buf_reset(&head);
    buf_printf(&head, "%s \xc2\xb6%zu", a->path, r->para);
    if (a->source != NULL)
        buf_printf(&head, " \xc2\xb7 %s", a->source);
    if (a->date != NULL)
        buf_printf(&head, " \xc2\xb7 %s", a->date);
    if (r->method != NULL)
        buf_printf(&head, " \xc2\xb7 %s%s%s %.2f", r->cue ? r->cue : "",
                   r->cue ? ", " : "", r->method, r->confidence);
    buf_printf(&b, "%*s", (int)indent, "");
    if (color)
        buf_puts(&b, SGR_DIM);
    out_clean(&b, head.data, cols > indent ? cols - indent : 0);
    if (color)
        buf_puts(&b, SGR_OFF);
    buf_putc(&b, '\n');
    if (o->opts.note != NULL) {
        const char *note = o->opts.note(o->opts.note_ctx, r->id);
        if (note != NULL && note[0] != '\0') {
            buf_reset(&head);
            buf_printf(&head, "note: %s", note);
            buf_printf(&b, "%*s", (int)indent, "");
            out_clean(&b, head.data, cols > indent ? cols - indent : 0);
            buf_putc(&b, '\n');
        }
    }
    if (fwrite(b.data, 1, b.len, o->fp) != b.len)
        o->failed = true;
    buf_free(&b);
    buf_free(&head);
}

/* “…” — Name, role, Source, “Title”, DATE, URL [quoth:ID] */
static void
out_cite(struct out *o, const struct record *r)
{
    const struct article *a = r->article;
    struct buf raw = {0}, b = {0};

    buf_printf(&raw, "\xe2\x80\x9c%s\xe2\x80\x9d \xe2\x80\x94 %s", r->quote,
               r->speaker ? r->speaker : "unattributed");
    if (r->role != NULL)
        buf_printf(&raw, ", %s", r->role);
    if (a->source != NULL)
        buf_printf(&raw, ", %s", a->source);
    if (a->title != NULL)
        buf_printf(&raw, ", \xe2\x80\x9c%s\xe2\x80\x9d", a->title);
    if (a->date != NULL)
        buf_printf(&raw, ", %s", a->date);
    buf_printf(&raw, ", %s", a->url != NULL ? a->url : a->path);
    buf_printf(&raw, " [quoth:%s]", r->id);
    utf8_sanitize(&b, raw.data, raw.len, false);
    buf_putc(&b, '\n');
    if (fwrite(b.data, 1, b.len, o->fp) != b.len)
        o->failed = true;
    buf_free(&raw);
    buf_free(&b);
}

struct out *
out_new(FILE *fp, const struct out_options *opts)
{
    struct out *o = xcalloc(1, sizeof *o);

    o->fp = fp;
    o->opts = *opts;
    if (opts->format == OUT_TSV || opts->format == OUT_CSV)
        out_table_row(o, NULL);
    if (opts->format == OUT_JSON) {
        json_t *q = opts->query ? json_string(opts->query) : json_null();
        json_t *in = json_array();
        size_t k;

        for (k = 0; k < opts->ninputs; k++)
            json_array_append_new(in, json_string(opts->inputs[k]));
        fputs("{\"query\":", fp);
        out_json_dump(o, q);
        fputs(",\"searched\":", fp);
        out_json_dump(o, in);
        fputs(",\"results\":[", fp);
        json_decref(q);
        json_decref(in);
    }
    return o;
}

int
out_put(struct out *o, const struct record *r)
{
    switch (o->opts.format) {
    case OUT_TEXT:
        out_text(o, r);
        break;
    case OUT_TSV:
    case OUT_CSV:
        out_table_row(o, r);
        break;
    case OUT_JSONL:
    case OUT_JSON:
        buf_reset(&o->line);
        if (o->opts.format == OUT_JSON && o->count > 0)
            buf_putc(&o->line, ',');
        out_json_record(r, &o->line);
        if (o->opts.note != NULL) {
            /* a case's note, the record's last member */
            const char *note = o->opts.note(o->opts.note_ctx, r->id);
            o->line.len--;
            buf_puts(&o->line, ",\"note\":");
            if (note != NULL && note[0] != '\0')
                out_json_string(&o->line, note, strlen(note));
            else
                buf_puts(&o->line, "null");
            buf_putc(&o->line, '}');
        }
        if (o->opts.format == OUT_JSONL)
            buf_putc(&o->line, '\n');
        if (fwrite(o->line.data, 1, o->line.len, o->fp) != o->line.len)
            o->failed = true;
        break;
    case OUT_CITE:
        out_cite(o, r);
        break;
    case OUT_NFORMATS:
        break;
    }
    o->count++;
    if (ferror(o->fp))
        o->failed = true;
    return o->failed ? -1 : 0;
}

static int
out_sink_put(void *ctx, const struct record *r)
{
    return out_put(ctx, r);
}

struct record_sink
out_sink(struct out *o)
{
    return (struct record_sink){out_sink_put, o};
}

int
out_finish(struct out *o)
{
    if (o->opts.format == OUT_JSON)
        fprintf(o->fp, "],\"count\":%zu}\n", o->count);
    if (fflush(o->fp) != 0 || ferror(o->fp))
        o->failed = true;
    return o->failed ? -1 : 0;
}

void
out_free(struct out *o)
{
    if (o == NULL)
        return;
    buf_free(&o->line);
    free(o);
}

int
out_fields(FILE *fp, const struct record *r)
{
    struct buf b = {0}, v = {0};
    size_t f;
    int rc = 0;

    for (f = 0; f < OUT_NFIELDS; f++) {
        buf_reset(&v);
        buf_printf(&b, "%-19s ", out_field_names[f]);
        if (out_field(r, f, &v) && v.len > 0)
            utf8_sanitize(&b, v.data, v.len, false);
        else
            buf_putc(&b, '-');
        buf_putc(&b, '\n');
    }
    if (fwrite(b.data, 1, b.len, fp) != b.len || ferror(fp))
        rc = -1;
    buf_free(&b);
    buf_free(&v);
    return rc;
}

int
out_body(FILE *fp, const struct article *a, bool head)
{
    struct buf b = {0};
    int rc = 0;

    if (head) {
        buf_puts(&b, "==> ");
        utf8_sanitize(&b, a->path, strlen(a->path), false);
        if (a->line > 0)
            buf_printf(&b, ":%ld", a->line);
        buf_puts(&b, " <==\n");
    }
    utf8_sanitize(&b, a->body, a->body_len, true);
    buf_putc(&b, '\n');
    if (fwrite(b.data, 1, b.len, fp) != b.len || ferror(fp))
        rc = -1;
    buf_free(&b);
    return rc;
}
