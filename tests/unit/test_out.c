// SPDX-License-Identifier: MIT
/*
 * Unit tests of out: records built by hand, written to a tmpfile() in
 * every format and read back: jsonl (27 fields in order, null for the
 * unknown), tsv and csv escaping, text without control bytes, the cite
 * shape, the json envelope, and write errors.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "out.h"
#include "record.h"
#include "tap.h"
#include "utf8.h"
#include "xmalloc.h"

static const char *const fields[] = {
    "id", "file", "quote", "kind", "speaker", "speaker_as_written", "role",
    "country", "mentions", "cue", "venue", "method", "confidence", "start",
    "end", "speaker_start", "speaker_end", "cue_start", "cue_end", "from",
    "para", "title", "source", "domain", "url", "date", "byline",
};
#define NFIELDS (sizeof fields / sizeof *fields)

#define BODY "Ilse Keltner said \"We won, again.\"\n\nThe end."

/* A small article with its metadata. */
static struct article *
make_article(void)
{
    struct article *a = article_from_text("dir/a.txt", BODY, strlen(BODY));

    article_set(&a->url, "https://www.example.com/a");
    article_set(&a->title, "Harbour reopens");
    article_set(&a->source, "Radio Kestrel");
    article_set(&a->date, "2024-05-01");
    article_fill_domain(a);
    return a;
}

/* An attributed record of a's first quote. */
static void
make_full(struct record *r, const struct article *a)
{
    memset(r, 0, sizeof *r);
    r->article = a;
    r->start = 19;
    r->end = 33;
    r->quote = xstrndup(a->body + r->start, r->end - r->start);
    record_make_id(r->id, a, r->quote, strlen(r->quote), 1);
    r->kind = QUOTE_SPEECH;
    r->speaker = xstrdup("Ilse Keltner");
    r->speaker_as_written = xstrdup("Ilse Keltner");
    r->role = xstrdup("Mayor");
    memcpy(r->country, "DE", 3);
    memcpy(r->mentions[0], "FR", 3);
    memcpy(r->mentions[1], "UA", 3);
    r->nmentions = 2;
    r->cue = xstrdup("said");
    r->method = "adjacent";
    r->confidence = 0.9;
    r->speaker_start = 0;
    r->speaker_end = 12;
    r->cue_start = 13;
    r->cue_end = 17;
    r->para = 1;
}

/* A record knowing only its quote: everything else unknown. */
static void
make_bare(struct record *r, const struct article *a, const char *quote)
{
    memset(r, 0, sizeof *r);
    r->article = a;
    r->quote = xstrdup(quote);
    record_make_id(r->id, a, quote, strlen(quote), 1);
    r->kind = QUOTE_TERM;
    r->start = 0;
    r->end = strlen(quote);
    r->speaker_start = r->speaker_end = RECORD_NONE;
    r->cue_start = r->cue_end = RECORD_NONE;
    r->para = 2;
}

/* Writes the records in format fmt and returns all that was written.
 * *rc gets the OR of the out_put and out_finish results. */
static char *
write_all(const struct out_options *opts, const struct record *r, size_t n,
          int *rc)
{
    FILE *fp = tmpfile();
    struct out *o;
    struct buf b = {0};
    char chunk[4096];
    size_t k, got;

    *rc = 0;
    if (fp == NULL)
        return xstrdup("");
    o = out_new(fp, opts);
    for (k = 0; k < n; k++)
        *rc |= out_put(o, &r[k]);
    *rc |= out_finish(o);
    out_free(o);
    rewind(fp);
    while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
        buf_append(&b, chunk, got);
    fclose(fp);
    return buf_take(&b);
}

static void
test_formats(void)
{
    enum out_format f = OUT_NFORMATS;
    static const char *const names[] = {"text", "tsv", "csv", "jsonl",
                                        "json", "cite"};
    size_t k;
    bool all = true, listed = true;

    ok(out_format_parse("", &f) == -1 && f == OUT_NFORMATS,
       "out_format_parse rejects the empty name and leaves *fmt alone");
    ok(out_format_parse("xml", &f) == -1, "out_format_parse rejects xml");
    ok(out_format_parse("JSON", &f) == -1,
       "out_format_parse is case-sensitive");
    for (k = 0; k < sizeof names / sizeof *names; k++) {
        if (out_format_parse(names[k], &f) != 0 || (size_t)f != k)
            all = false;
        if (strstr(out_format_names(), names[k]) == NULL)
            listed = false;
    }
    ok(all, "out_format_parse maps the six names to their enum values");
    ok(listed, "out_format_names lists every format");
}

/* Checks that obj has the 27 fields and nothing else, in order. */
static void
check_jsonl_fields(json_t *obj, const char *what)
{
    void *it;
    size_t k = 0;
    bool order = true;

    is_size(json_object_size(obj), NFIELDS, "jsonl %s: %zu fields", what,
            NFIELDS);
    for (it = json_object_iter(obj); it != NULL && k < NFIELDS;
         it = json_object_iter_next(obj, it), k++)
        if (strcmp(json_object_iter_key(it), fields[k]) != 0)
            order = false;
    ok(order && k == NFIELDS, "jsonl %s: the fields come in the order of "
       "CONVENTIONS.md", what);
}

static bool
is_null(json_t *obj, const char *key)
{
    return json_is_null(json_object_get(obj, key));
}

static void
test_jsonl(void)
{
    struct article *a = make_article();
    struct record r[2];
    struct out_options opts = {.format = OUT_JSONL};
    json_error_t jerr;
    json_t *o1, *o2;
    char *out, *nl1, *nl2;
    int rc;
    bool nulls = true;
    size_t k;
    static const char *const unknown[] = {
        "speaker", "speaker_as_written", "role", "country", "cue", "venue",
        "method", "confidence", "speaker_start", "speaker_end", "cue_start",
        "cue_end", "from", "byline",
    };

    out = write_all(&opts, r, 0, &rc);
    is_str(out, "", "jsonl: no records, no output");
    free(out);

    make_full(&r[0], a);
    make_bare(&r[1], a, "plain \"quoted\" \xe2\x80\x9cword\xe2\x80\x9d\n"
              "line\ttab\x01");
    out = write_all(&opts, r, 2, &rc);
    ok(rc == 0, "jsonl: out_put and out_finish return 0");
    nl1 = strchr(out, '\n');
    nl2 = nl1 ? strchr(nl1 + 1, '\n') : NULL;
    ok(nl1 != NULL && nl2 != NULL && nl2[1] == '\0',
       "jsonl: two records are two lines, each ending with a newline");
    if (nl2 == NULL) {
        free(out);
        goto out;
    }
    o1 = json_loadb(out, (size_t)(nl1 - out), 0, &jerr);
    o2 = json_loadb(nl1 + 1, (size_t)(nl2 - nl1 - 1), 0, &jerr);
    ok(json_is_object(o1) && json_is_object(o2),
       "jsonl: each line parses as a JSON object");
    if (!json_is_object(o1) || !json_is_object(o2)) {
        diag("  %s", jerr.text);
        json_decref(o1);
        json_decref(o2);
        free(out);
        goto out;
    }
    check_jsonl_fields(o1, "attributed record");
    check_jsonl_fields(o2, "bare record");
    is_str(json_string_value(json_object_get(o1, "id")), r[0].id,
           "jsonl: id is the record's id");
    is_str(json_string_value(json_object_get(o1, "file")), "dir/a.txt",
           "jsonl: file is the article's path");
    is_str(json_string_value(json_object_get(o1, "quote")),
           "We won, again.", "jsonl: quote is the quote");
    is_str(json_string_value(json_object_get(o1, "kind")), "speech",
           "jsonl: kind is \"speech\"");
    is_str(json_string_value(json_object_get(o1, "speaker")),
           "Ilse Keltner", "jsonl: speaker is the speaker");
    is_str(json_string_value(json_object_get(o1, "country")), "DE",
           "jsonl: country is the code");
    ok(json_array_size(json_object_get(o1, "mentions")) == 2 &&
       strcmp(json_string_value(json_array_get(json_object_get(o1,
              "mentions"), 1)), "UA") == 0,
       "jsonl: mentions is an array of the codes");
    ok(json_is_real(json_object_get(o1, "confidence")) &&
       json_real_value(json_object_get(o1, "confidence")) == 0.9,
       "jsonl: confidence is the number 0.9");
    ok(json_integer_value(json_object_get(o1, "start")) == 19 &&
       json_integer_value(json_object_get(o1, "end")) == 33 &&
       json_integer_value(json_object_get(o1, "cue_end")) == 17 &&
       json_integer_value(json_object_get(o1, "para")) == 1,
       "jsonl: offsets and para are integers");
    ok(json_is_integer(json_object_get(o1, "speaker_start")) &&
       json_integer_value(json_object_get(o1, "speaker_start")) == 0,
       "jsonl: an offset of 0 is 0, not null");
    is_str(json_string_value(json_object_get(o1, "domain")), "example.com",
           "jsonl: domain is the url's host");
    is_str(json_string_value(json_object_get(o1, "source")), "Radio Kestrel",
           "jsonl: source is the outlet's name");
    ok(is_null(o1, "venue") && is_null(o1, "from") && is_null(o1, "byline"),
       "jsonl: venue, from and byline unknown are null");

    for (k = 0; k < sizeof unknown / sizeof *unknown; k++)
        if (!is_null(o2, unknown[k])) {
            nulls = false;
            diag("  %s is not null", unknown[k]);
        }
    ok(nulls, "jsonl: every unknown field of the bare record is null");
    ok(json_is_array(json_object_get(o2, "mentions")) &&
       json_array_size(json_object_get(o2, "mentions")) == 0,
       "jsonl: no mentions is an empty array, not null");
    is_str(json_string_value(json_object_get(o2, "kind")), "term",
           "jsonl: kind of a term is \"term\"");
    is_str(json_string_value(json_object_get(o2, "quote")),
           "plain \"quoted\" \xe2\x80\x9cword\xe2\x80\x9d\nline\ttab\x01",
           "jsonl: quotes, newline, tab and control bytes round-trip");
    json_decref(o1);
    json_decref(o2);
    free(out);

    record_clear(&r[1]);
    make_bare(&r[1], a, "bad \xff byte");
    out = write_all(&opts, &r[1], 1, &rc);
    o2 = json_loads(out, 0, &jerr);
    ok(json_is_object(o2) &&
       strstr(json_string_value(json_object_get(o2, "quote")),
              "\xef\xbf\xbd") != NULL,
       "jsonl: a quote with a bad UTF-8 byte still gives valid JSON, the "
       "byte as U+FFFD");
    json_decref(o2);
    free(out);
out:
    record_clear(&r[0]);
    record_clear(&r[1]);
    article_free(a);
}

/* The bytes of a jsonl line are those jansson's compact dump gave when
 * records were built as json_t: escapes, reals, integers. */
static void
test_jsonl_bytes(void)
{
    struct article *a = make_article();
    struct record r;
    struct out_options opts = {.format = OUT_JSONL};
    char *out;
    int rc;

    make_bare(&r, a, "a \"b\" \\ \x01\x1f\b\f\r\x7f \xc3\xa9/");
    r.method = "adjacent";
    r.confidence = 1;
    out = write_all(&opts, &r, 1, &rc);
    ok(strstr(out, "\"quote\":\"a \\\"b\\\" \\\\ \\u0001\\u001F\\b\\f\\r"
                   "\x7f \xc3\xa9/\",") != NULL,
       "jsonl bytes: quote, backslash and controls escaped, \\u in capitals, "
       "DEL, UTF-8 and / as they are");
    ok(strstr(out, "\"confidence\":1.0,") != NULL,
       "jsonl bytes: a whole confidence is written 1.0");
    ok(strstr(out, "\"mentions\":[],") != NULL &&
       strstr(out, "\"speaker\":null,") != NULL &&
       strstr(out, "\"start\":0,") != NULL,
       "jsonl bytes: [] for no mentions, null, integers");
    free(out);
    r.confidence = 0.456;
    out = write_all(&opts, &r, 1, &rc);
    ok(strstr(out, "\"confidence\":0.46,") != NULL,
       "jsonl bytes: confidence rounded to two places");
    free(out);
    record_clear(&r);
    article_free(a);
}

/* Splits one line of tab-separated cells. Returns the number of cells. */
static size_t
split_tabs(const char *line, size_t len)
{
    size_t n = 1, i;

    for (i = 0; i < len; i++)
        n += line[i] == '\t';
    return n;
}

static void
test_tsv(void)
{
    struct article *a = make_article();
    struct record r[2];
    struct out_options opts = {.format = OUT_TSV};
    struct buf head = {0};
    char *out, *l1, *l2;
    size_t k;
    int rc;

    for (k = 0; k < NFIELDS; k++) {
        if (k > 0)
            buf_putc(&head, '\t');
        buf_puts(&head, fields[k]);
    }
    buf_putc(&head, '\n');
    out = write_all(&opts, r, 0, &rc);
    is_str(out, head.data, "tsv: no records still gives the header");
    free(out);

    make_full(&r[0], a);
    make_bare(&r[1], a, "a\tb\nc\\d\re");
    out = write_all(&opts, r, 2, &rc);
    ok(rc == 0, "tsv: out_put and out_finish return 0");
    ok(strncmp(out, head.data, head.len) == 0,
       "tsv: the first line is the header of the 27 field names");
    l1 = out + head.len;
    l2 = strchr(l1, '\n');
    ok(l2 != NULL && strchr(l2 + 1, '\n') != NULL &&
       strchr(l2 + 1, '\n')[1] == '\0', "tsv: one line per record");
    if (l2 != NULL) {
        l2++;
        is_size(split_tabs(l1, (size_t)(strchr(l1, '\n') - l1)), NFIELDS,
                "tsv: the attributed record has 27 cells");
        is_size(split_tabs(l2, (size_t)(strchr(l2, '\n') - l2)), NFIELDS,
                "tsv: the record with a tab in its quote still has 27 "
                "cells");
        ok(strstr(l2, "\ta\\tb\\nc\\\\d\\re\t") != NULL,
           "tsv: tab, newline, backslash and CR in a cell are escaped");
        ok(strstr(l1, "\tFR;UA\t") != NULL,
           "tsv: mentions are joined with ';'");
        ok(strstr(l1, "\tIlse Keltner\tIlse Keltner\tMayor\tDE\t") != NULL,
           "tsv: speaker, as written, role and country in order");
        ok(strstr(l2, "\tterm\t\t\t\t\t") != NULL,
           "tsv: unknown fields are empty cells");
    }
    free(out);
    buf_free(&head);
    record_clear(&r[0]);
    record_clear(&r[1]);
    article_free(a);
}

/* Reads one RFC 4180 record at *p into cells (each malloc'd); returns
 * how many, or 0 at the end. Sets *crlf when it ended with CRLF. */
static size_t
csv_record(const char **p, char **cells, size_t max, bool *crlf)
{
    const char *s = *p;
    size_t n = 0;
    struct buf cell = {0};

    *crlf = false;
    if (*s == '\0')
        return 0;
    for (;;) {
        buf_reset(&cell);
        buf_append(&cell, "", 0);
        if (*s == '"') {
            s++;
            while (*s != '\0') {
                if (s[0] == '"' && s[1] == '"') {
                    buf_putc(&cell, '"');
                    s += 2;
                } else if (s[0] == '"') {
                    s++;
                    break;
                } else {
                    buf_putc(&cell, *s++);
                }
            }
        } else {
            while (*s != '\0' && *s != ',' && *s != '\r' && *s != '\n')
                buf_putc(&cell, *s++);
        }
        if (n < max)
            cells[n++] = xstrdup(cell.data);
        if (*s == ',') {
            s++;
            continue;
        }
        if (s[0] == '\r' && s[1] == '\n') {
            *crlf = true;
            s += 2;
        } else if (*s == '\n') {
            s++;
        }
        break;
    }
    buf_free(&cell);
    *p = s;
    return n;
}

static void
free_cells(char **cells, size_t n)
{
    size_t k;

    for (k = 0; k < n; k++)
        free(cells[k]);
}

static void
test_csv(void)
{
    struct article *a = make_article();
    struct record r[2];
    struct out_options opts = {.format = OUT_CSV};
    char *out, *cells[40];
    const char *p;
    size_t n, k;
    bool crlf, names = true;
    int rc;

    make_full(&r[0], a);
    free(r[0].speaker);
    r[0].speaker = xstrdup("=SUM(A1:A9)");
    free(r[0].role);
    r[0].role = xstrdup("+1 vote");
    free(r[0].cue);
    r[0].cue = xstrdup("-said");
    r[0].venue = xstrdup("@handle");
    make_bare(&r[1], a, "He said, \"no\"\nthen left");
    out = write_all(&opts, r, 2, &rc);
    ok(rc == 0, "csv: out_put and out_finish return 0");
    p = out;

    n = csv_record(&p, cells, 40, &crlf);
    is_size(n, NFIELDS, "csv: the header has 27 cells");
    for (k = 0; k < n && k < NFIELDS; k++)
        if (strcmp(cells[k], fields[k]) != 0)
            names = false;
    ok(names && crlf, "csv: the header names the fields in order and ends "
       "with CRLF");
    free_cells(cells, n);

    n = csv_record(&p, cells, 40, &crlf);
    is_size(n, NFIELDS, "csv: the attributed record has 27 cells");
    if (n == NFIELDS) {
        is_str(cells[2], "We won, again.", "csv: a cell with a comma reads "
               "back whole");
        is_str(cells[4], "'=SUM(A1:A9)", "csv: a cell starting with = gets "
               "a leading '");
        is_str(cells[6], "'+1 vote", "csv: a cell starting with + gets a "
               "leading '");
        is_str(cells[9], "'-said", "csv: a cell starting with - gets a "
               "leading '");
        is_str(cells[10], "'@handle", "csv: a cell starting with @ gets a "
               "leading '");
        is_str(cells[8], "FR;UA", "csv: mentions are joined with ';'");
        is_str(cells[12], "0.90", "csv: confidence has two decimals");
    }
    free_cells(cells, n);

    n = csv_record(&p, cells, 40, &crlf);
    is_size(n, NFIELDS, "csv: a record with a newline in a quoted cell "
            "has 27 cells");
    if (n == NFIELDS) {
        is_str(cells[2], "He said, \"no\"\nthen left",
               "csv: quotes are doubled and the newline kept inside the "
               "quoted cell");
        is_str(cells[4], "", "csv: an unknown speaker is an empty cell");
    }
    free_cells(cells, n);
    ok(*p == '\0', "csv: nothing after the last record");
    ok(strstr(out, "\"He said, \"\"no\"\"\nthen left\"") != NULL,
       "csv: the raw cell is \"He said, \"\"no\"\"<LF>then left\"");
    free(out);
    record_clear(&r[0]);
    record_clear(&r[1]);
    article_free(a);
}

/* True when s holds no control byte but newlines: no C0, DEL or C1. */
static bool
no_controls(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i;

    for (i = 0; u[i] != '\0'; i++) {
        if ((u[i] < 0x20 && u[i] != '\n') || u[i] == 0x7f)
            return false;
        if (u[i] == 0xc2 && u[i + 1] >= 0x80 && u[i + 1] <= 0x9f)
            return false;
    }
    return true;
}

/* Each line of s is at most cols columns wide. */
static bool
lines_fit(const char *s, size_t cols)
{
    while (*s != '\0') {
        size_t len = strcspn(s, "\n");
        if (utf8_width(s, len) > cols)
            return false;
        s += len + (s[len] == '\n');
    }
    return true;
}

static void
test_text(void)
{
    struct article *a = make_article();
    struct record r[2];
    struct out_options opts = {.format = OUT_TEXT};
    char *out, *p;
    int rc;

    make_full(&r[0], a);
    free(r[0].speaker);
    r[0].speaker = xstrdup("Ilse\033]0;owned\007 Keltner\xc2\x9b" "2J");
    make_bare(&r[1], a, "evil \033[2J\033[H quote\r\x07\x7f\xe2\x80\xae "
              "end");
    article_set(&a->source, "Radio\033[31m Kestrel");
    out = write_all(&opts, r, 2, &rc);
    ok(rc == 0, "text: out_put and out_finish return 0");
    ok(strchr(out, '\033') == NULL, "text: no ESC byte even when the quote "
       "holds \"\\033[2J\"");
    ok(no_controls(out), "text: no C0, DEL or C1 control byte but "
       "newlines");
    ok(strstr(out, "\xe2\x80\xae") == NULL, "text: no bidi override");
    ok(strstr(out, "Ilse Keltner") != NULL && strstr(out, "evil") != NULL &&
       strstr(out, "quote") != NULL && strstr(out, r[0].id) != NULL,
       "text: the speaker, the quote's words and the id are shown");
    ok(strstr(out, "(term)") != NULL, "text: a term without a speaker is "
       "shown as (term)");
    ok(utf8_valid(out, strlen(out), NULL), "text: the output is valid "
       "UTF-8");
    free(out);

    opts.color = true;
    out = write_all(&opts, r, 2, &rc);
    for (p = strstr(out, "\033[1m"); p != NULL; p = strstr(out, "\033[1m"))
        memmove(p, p + 4, strlen(p + 4) + 1);
    for (p = strstr(out, "\033[2m"); p != NULL; p = strstr(out, "\033[2m"))
        memmove(p, p + 4, strlen(p + 4) + 1);
    for (p = strstr(out, "\033[0m"); p != NULL; p = strstr(out, "\033[0m"))
        memmove(p, p + 4, strlen(p + 4) + 1);
    ok(no_controls(out), "text with colour: no control byte but the "
       "bold, dim and reset sequences");
    free(out);

    opts.color = false;
    opts.cols = 20;
    out = write_all(&opts, r, 2, &rc);
    ok(lines_fit(out, 20), "text cut to 20 columns: no line is wider");
    ok(strstr(out, "\xe2\x80\xa6") != NULL, "text cut to 20 columns: the "
       "cut is marked with an ellipsis");
    free(out);
    record_clear(&r[0]);
    record_clear(&r[1]);
    article_free(a);
}

static void
test_cite(void)
{
    struct article *a = make_article();
    struct record r[2];
    struct out_options opts = {.format = OUT_CITE};
    struct buf want = {0};
    char *out;
    int rc;

    make_full(&r[0], a);
    make_bare(&r[1], a, "bad \033[2Jthing");
    buf_printf(&want, "\xe2\x80\x9cWe won, again.\xe2\x80\x9d \xe2\x80\x94 "
               "Ilse Keltner, Mayor, Radio Kestrel, \xe2\x80\x9cHarbour "
               "reopens\xe2\x80\x9d, 2024-05-01, https://www.example.com/a "
               "[quoth:%s]\n", r[0].id);
    buf_printf(&want, "\xe2\x80\x9c" "bad thing\xe2\x80\x9d \xe2\x80\x94 "
               "unattributed, Radio Kestrel, \xe2\x80\x9cHarbour "
               "reopens\xe2\x80\x9d, 2024-05-01, https://www.example.com/a "
               "[quoth:%s]\n", r[1].id);
    out = write_all(&opts, r, 2, &rc);
    ok(rc == 0, "cite: out_put and out_finish return 0");
    is_str(out, want.data, "cite: \xe2\x80\x9c\xe2\x80\xa6\xe2\x80\x9d "
           "\xe2\x80\x94 Name, role, Source, \xe2\x80\x9cTitle\xe2\x80\x9d, "
           "DATE, URL [quoth:ID], escape sequences dropped");
    free(out);
    buf_free(&want);

    article_set(&a->url, NULL);
    article_set(&a->title, NULL);
    article_set(&a->source, NULL);
    article_set(&a->date, NULL);
    buf_printf(&want, "\xe2\x80\x9cWe won, again.\xe2\x80\x9d \xe2\x80\x94 "
               "Ilse Keltner, Mayor, dir/a.txt [quoth:%s]\n", r[0].id);
    out = write_all(&opts, r, 1, &rc);
    is_str(out, want.data, "cite: without metadata the path stands for the "
           "URL and missing parts are left out");
    free(out);
    buf_free(&want);
    record_clear(&r[0]);
    record_clear(&r[1]);
    article_free(a);
}

static void
test_json(void)
{
    struct article *a = make_article();
    struct record r[2];
    char *inputs[] = {"corpus/", "more.jsonl"};
    struct out_options opts = {.format = OUT_JSON, .query = "harbour",
                               .inputs = inputs, .ninputs = 2};
    json_error_t jerr;
    json_t *root, *res;
    char *out;
    int rc;

    out = write_all(&opts, r, 0, &rc);
    root = json_loads(out, 0, &jerr);
    ok(json_is_object(root), "json: no records is still one valid object");
    ok(json_array_size(json_object_get(root, "results")) == 0 &&
       json_is_array(json_object_get(root, "results")) &&
       json_integer_value(json_object_get(root, "count")) == 0,
       "json: no records gives \"results\": [] and \"count\": 0");
    json_decref(root);
    free(out);

    make_full(&r[0], a);
    make_bare(&r[1], a, "second");
    out = write_all(&opts, r, 2, &rc);
    ok(rc == 0, "json: out_put and out_finish return 0");
    root = json_loads(out, 0, &jerr);
    ok(json_is_object(root), "json: the whole output is one valid JSON "
       "object");
    if (!json_is_object(root))
        diag("  %s", jerr.text);
    res = json_object_get(root, "results");
    is_size(json_array_size(res), 2, "json: \"results\" holds the 2 "
            "records");
    is_long((long)json_integer_value(json_object_get(root, "count")), 2,
            "json: \"count\" is 2");
    is_str(json_string_value(json_object_get(root, "query")), "harbour",
           "json: \"query\" is the query");
    ok(json_array_size(json_object_get(root, "searched")) == 2 &&
       strcmp(json_string_value(json_array_get(json_object_get(root,
              "searched"), 0)), "corpus/") == 0,
       "json: \"searched\" lists the inputs");
    is_size(json_object_size(json_array_get(res, 1)), NFIELDS,
            "json: each result has the 27 fields");
    is_str(json_string_value(json_object_get(json_array_get(res, 1),
                                             "quote")), "second",
           "json: results are in the order put");
    json_decref(root);
    free(out);

    opts.query = NULL;
    opts.ninputs = 0;
    out = write_all(&opts, r, 1, &rc);
    root = json_loads(out, 0, &jerr);
    ok(json_is_null(json_object_get(root, "query")) &&
       json_array_size(json_object_get(root, "searched")) == 0,
       "json: no query is null, no inputs an empty list");
    json_decref(root);
    free(out);
    record_clear(&r[0]);
    record_clear(&r[1]);
    article_free(a);
}

static void
test_write_error(void)
{
    struct article *a = make_article();
    struct record r;
    struct out_options opts = {.format = OUT_JSONL};
    FILE *fp = fopen("/dev/full", "w");
    struct out *o;
    int rc;

    if (fp == NULL) {
        tap_skip("a write error makes out_finish fail", "no /dev/full");
        article_free(a);
        return;
    }
    make_full(&r, a);
    o = out_new(fp, &opts);
    rc = out_put(o, &r);
    rc |= out_finish(o);
    ok(rc == -1, "a write error (to /dev/full) makes out_put or out_finish "
       "return -1");
    ok(out_finish(o) == -1, "out_finish keeps reporting the failure");
    out_free(o);
    out_free(NULL);
    fclose(fp);
    record_clear(&r);
    article_free(a);
}

/* The note of a case's export: only the full record has one. */
static const char *
note_of(void *ctx, const char *id)
{
    const struct record *full = ctx;

    return strcmp(id, full->id) == 0 ? "seen, \"twice\"" : NULL;
}

/* A case's notes: jsonl's last member (null without), a last column in
 * csv and tsv (the header's "note"), a line in text. */
static void
test_note(void)
{
    struct article *a = make_article();
    struct record r[2];
    struct out_options o = {.format = OUT_JSONL, .note = note_of,
                            .note_ctx = &r[0]};
    char *got, *nl;
    int rc;

    make_full(&r[0], a);
    make_bare(&r[1], a, "plain");
    got = write_all(&o, r, 2, &rc);
    nl = strchr(got, '\n');
    {
        static const char want[] = ",\"note\":\"seen, \\\"twice\\\"\"}";
        size_t wl = sizeof want - 1;
        ok(rc == 0 && nl != NULL && (size_t)(nl - got) > wl &&
           strncmp(nl - wl, want, wl) == 0,
           "jsonl: the note the record's last member, escaped");
    }
    ok(nl != NULL && strstr(nl + 1, ",\"note\":null}\n") != NULL,
       "jsonl: null for a quote without a note");
    free(got);
    o.format = OUT_CSV;
    got = write_all(&o, r, 2, &rc);
    nl = strstr(got, "\r\n");
    ok(nl != NULL && nl - got > 5 && strncmp(nl - 5, ",note", 5) == 0,
       "csv: the header ends in note");
    ok(strstr(got, ",\"seen, \"\"twice\"\"\"\r\n") != NULL,
       "csv: the note quoted, the last cell");
    free(got);
    o.format = OUT_TSV;
    got = write_all(&o, r, 2, &rc);
    ok(strstr(got, "\tnote\n") != NULL &&
       strstr(got, "\tseen, \"twice\"\n") != NULL,
       "tsv: a last column");
    free(got);
    o.format = OUT_TEXT;
    got = write_all(&o, r, 2, &rc);
    ok(strstr(got, "\n    note: seen, \"twice\"\n") != NULL &&
       strstr(got, "note: (null)") == NULL, "text: a note line");
    free(got);
    o.note = NULL;
    o.format = OUT_JSONL;
    got = write_all(&o, r, 2, &rc);
    ok(strstr(got, "\"note\"") == NULL, "no note lookup: no note member");
    free(got);
    record_clear(&r[0]);
    record_clear(&r[1]);
    article_free(a);
}

int
main(void)
{
    test_formats();
    test_jsonl();
    test_jsonl_bytes();
    test_tsv();
    test_csv();
    test_text();
    test_cite();
    test_json();
    test_write_error();
    test_note();
    return tap_done();
}
