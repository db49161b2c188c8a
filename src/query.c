// SPDX-License-Identifier: MIT
/*
 * Queries: the text a person types in; a tree of terms, then an SQL
 * expression with bound parameters and a list of checks run in C out, for
 * index.c. No SQLite here and no value ever spliced into SQL: the SQL text
 * is made of this file's constants and `?`s. The grammar and its meaning
 * are in quoth-query(7); the parser is recursive descent:
 *
 *   query   := and
 *   and     := or ( [AND] or )*         implicit AND: binds loosest
 *   or      := unary ( ('|' | OR) unary )*
 *   unary   := ('-' | '!' | NOT) unary | primary
 *   primary := '(' and ')' | term | field ':' value
 */
#include "query.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "buf.h"
#include "country.h"
#include "rx.h"
#include "speaker.h"
#include "utf8.h"
#include "xmalloc.h"

/* Nested parentheses and negations: the SQL written nests as deep, and
 * SQLite's parser stack (100 entries) takes about this much. */
#define QUERY_MAX_DEPTH 16
#define QUERY_MAX_NODES 512     /* terms and operators in all */
#define QUERY_MAX_SAVED 8       /* saved searches within saved searches */

/* The fields: name, whether one given twice is ORed (single-valued: a
 * quote has one speaker, one date), and the cost class that orders the
 * conditions of an AND (cheap column tests first, then full text, then the
 * checks in C). */
#define QUERY_FIELDS(X)                                                      \
    X(SPEAKER, "speaker", true, 3)                                           \
    X(ROLE, "role", true, 6)                                                 \
    X(COUNTRY, "country", true, 1)                                           \
    X(ABOUT, "about", false, 2)                                              \
    X(SOURCE, "source", true, 4)                                             \
    X(VENUE, "venue", true, 3)                                               \
    X(DATE, "date", true, 0)                                                 \
    X(SINCE, "since", true, 0)                                               \
    X(UNTIL, "until", true, 0)                                               \
    X(ARTICLE, "article", true, 4)                                           \
    X(ID, "id", true, 0)                                                     \
    X(FILE, "file", true, 5)                                                 \
    X(IS, "is", false, 1)                                                    \
    X(METHOD, "method", true, 2)                                             \
    X(CONF, "conf", true, 2)                                                 \
    X(QUERY, "query", false, 0)

enum query_field {
    QF_NONE = -1,
#define X(id, name, single, cost) QF_##id,
    QUERY_FIELDS(X)
#undef X
    QF_N
};

static const struct {
    const char *name;
    bool single;
    int cost;
} query_fields[] = {
#define X(id, name, single, cost) {name, single, cost},
    QUERY_FIELDS(X)
#undef X
};
_Static_assert(sizeof query_fields / sizeof *query_fields == QF_N,
               "one entry per field");

static const struct {
    const char *name;
    enum query_field f;
} query_aliases[] = {
    {"who", QF_SPEAKER}, {"by", QF_SPEAKER}, {"outlet", QF_SOURCE},
    {"confidence", QF_CONF},
};

/* The flags of is:, each an SQL condition made of constants. One that
 * another part of quoth provides is listed with NULL until it does, and
 * is an error that says so, never a silent "no quote". */
static const struct {
    const char *name;
    const char *sql;
    const char *later;      /* sql NULL: what will provide it */
} query_flags[] = {
    {"unattributed", "q.speaker IS NULL", NULL},
    {"attributed", "q.speaker IS NOT NULL", NULL},
    {"anonymous", "q.method = 'anonymous'", NULL},
    {"term", "q.kind = 'term'", NULL},
    {"speech", "q.kind = 'speech'", NULL},
    /* conflict: the quote's variant group (schema 4, group.c) credits
     * more than one speaker key (vgroups_conflicts, kept by the writer:
     * two indexed lookups a quote); speech of 20 bytes or more, as two
     * people who both say "unprecedented" are no conflict */
    {"conflict",
     "(q.kind = 'speech' AND length(q.quote) >= 20 AND"
     " q.qid IN (SELECT v.qid FROM vgroups_conflicts c"
     " JOIN vgroups v ON v.g = c.g))",
     NULL},
    {"marked", NULL, "the browser's marks"},
    {"headline", NULL, "a later version"},
    {"fragment", NULL, "quoth check"},
};

/* conf:high, conf:medium and conf:low: [lo, hi) of the confidence. */
static const struct {
    const char *name, *lo, *hi;
} query_conf_levels[] = {
    {"high", "0.8", ""}, {"medium", "0.6", "0.8"}, {"low", "", "0.6"},
};

/* Cost classes of what is not a field. */
enum {
    COST_CONST = 0,
    COST_FTS = 6,
    COST_TRIGRAM = 7,
    COST_FILTERED = 8,      /* a check on what an index let through */
    COST_CHECK = 9,         /* a check on every row */
};

/* --- The tree ----------------------------------------------------------- */

enum qkind { QN_AND, QN_OR, QN_NOT, QN_LEAF, QN_ALL, QN_NONE };
enum qterm { QT_WORD, QT_PHRASE, QT_PREFIX, QT_SUBSTR, QT_WHOLE, QT_REGEX };

struct qnode {
    enum qkind kind;
    size_t col;             /* where it starts in the query */
    struct qnode **kid;
    size_t nkid;
    /* leaves */
    enum qterm term;
    int field;              /* enum query_field */
    bool head, tail;        /* ^ and $ */
    char *val;              /* the value as typed, without its marks */
    size_t vlen;
    char cc[3];             /* country:, about: */
    char lo[11], hi[11];    /* date:, since:, until:, conf: ("" when open) */
    bool below;             /* conf: below hi, not up to it */
    struct rx *rx;          /* the compiled pattern, until compiled */
};

static struct qnode *
node_new(enum qkind kind, size_t col)
{
    struct qnode *n = xcalloc(1, sizeof *n);

    n->kind = kind;
    n->col = col;
    n->field = QF_NONE;
    return n;
}

static void
node_free(struct qnode *n)
{
    size_t k;

    if (n == NULL)
        return;
    for (k = 0; k < n->nkid; k++)
        node_free(n->kid[k]);
    free(n->kid);
    free(n->val);
    rx_free(n->rx);
    free(n);
}

static void
node_add(struct qnode *n, struct qnode *kid)
{
    n->kid = xreallocarray(n->kid, n->nkid + 1, sizeof *n->kid);
    n->kid[n->nkid++] = kid;
}

/* Every column of the tree made col: a saved search's terms point at the
 * query:NAME that brought them in. */
static void
node_recol(struct qnode *n, size_t col)
{
    size_t k;

    n->col = col;
    for (k = 0; k < n->nkid; k++)
        node_recol(n->kid[k], col);
}

/* --- Parsing ------------------------------------------------------------ */

struct qparse {
    const char *s;
    size_t n, i;
    const struct query_env *env;
    struct query *q;
    struct query_error *err;
    size_t depth;
    size_t *nodes;          /* shared with the parsers of saved searches */
    int field;              /* inside field:( ... ): that field */
    const char *names[QUERY_MAX_SAVED];     /* saved searches open */
    size_t nnames;
};

static struct qnode *parse_and(struct qparse *p, bool closing);
static struct qnode *fail(struct qparse *p, size_t col, const char *fmt,
                          ...) __attribute__((format(printf, 3, 4)));

/* The whole of p's text, which must be UTF-8: the byte that is not is
 * the error's column. */
static struct qnode *
parse_text(struct qparse *p)
{
    size_t bad;

    if (!utf8_valid(p->s, p->n, &bad))
        return fail(p, bad, "invalid UTF-8 (byte 0x%02x)",
                    (unsigned char)p->s[bad]);
    return parse_and(p, false);
}
static struct qnode *parse_unary(struct qparse *p);

static struct qnode *
fail(struct qparse *p, size_t col, const char *fmt, ...)
{
    va_list ap;

    if (p->err->msg[0] == '\0') {
        va_start(ap, fmt);
        vsnprintf(p->err->msg, sizeof p->err->msg, fmt, ap);
        va_end(ap);
        p->err->column = col;
    }
    return NULL;
}

static bool
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

/* Ends a bare word or value. */
static bool
is_delim(char c)
{
    return c == '\0' || is_space(c) || c == '(' || c == ')' || c == '|';
}

static void
skip_space(struct qparse *p)
{
    while (p->i < p->n && is_space(p->s[p->i]))
        p->i++;
}

/* True when the upper-case keyword kw stands at p->i on its own. */
static bool
at_keyword(const struct qparse *p, const char *kw)
{
    size_t n = strlen(kw);

    return p->n - p->i >= n && memcmp(p->s + p->i, kw, n) == 0 &&
           is_delim(p->s[p->i + n]);
}

static bool
has_word(const char *s, size_t n)
{
    size_t i = 0;

    while (i < n)
        if (utf8_is_word(utf8_decode(s, n, &i)))
            return true;
    return false;
}

/* A value quoted in a message: at most 40 bytes of it, not cut within a
 * character. */
static int
shown(const char *v, size_t n)
{
    if (n <= 40)
        return (int)n;
    n = 40;
    while (n > 0 && ((unsigned char)v[n] & 0xc0) == 0x80)
        n--;
    return (int)n;
}

static struct qnode *
leaf_new(struct qparse *p, enum qterm term, int field, const char *v,
         size_t n, size_t col)
{
    struct qnode *l;

    if (++*p->nodes > QUERY_MAX_NODES)
        return fail(p, col, "query too long (more than %d terms)",
                    QUERY_MAX_NODES);
    l = node_new(QN_LEAF, col);
    l->term = term;
    l->field = field;
    l->val = xstrndup(v, n);
    l->vlen = n;
    return l;
}

static struct qnode *
op_new(struct qparse *p, enum qkind kind, size_t col)
{
    if (++*p->nodes > QUERY_MAX_NODES)
        return fail(p, col, "query too long (more than %d terms)",
                    QUERY_MAX_NODES);
    return node_new(kind, col);
}

/* Compiles a leaf's pattern, an error at the column where PCRE2 stops. */
static int
leaf_rx(struct qparse *p, struct qnode *l, size_t vcol)
{
    struct rx_error re;
    unsigned flags = 0;
    bool literal = l->term != QT_REGEX;

    if (literal)
        flags |= RX_LITERAL | (l->term == QT_WHOLE ? RX_WORD : 0);
    if (rx_smart_caseless(l->val, l->vlen, literal))
        flags |= RX_CASELESS;
    l->rx = rx_compile_user(l->val, l->vlen, flags, &re);
    if (l->rx == NULL) {
        fail(p, vcol + re.offset, "%s%s", literal ? "" : "regex: ", re.msg);
        return -1;
    }
    return 0;
}

/* ISO code, name or demonym; "france" and "FRENCH" as "France", "French".
 * Stores the code, in capitals, in out. Returns 0, or -1 for no country. */
static int
country_of(const char *v, size_t n, char out[3])
{
    enum country_kind kind;
    struct buf b = {0};
    const char *cc = NULL;
    size_t k;

    out[0] = n == 2 ? (char)(v[0] & ~0x20) : '\0';
    out[1] = n == 2 ? (char)(v[1] & ~0x20) : '\0';
    out[2] = '\0';
    if (n == 2 && country_name(out) != NULL)
        return 0;
    for (int pass = 0; pass < 2 && cc == NULL; pass++) {
        buf_reset(&b);
        for (k = 0; k < n; k++) {
            char ch = v[k];
            if (pass == 1) {
                bool first = k == 0 || v[k - 1] == ' ' || v[k - 1] == '-';
                if (first && ch >= 'a' && ch <= 'z')
                    ch = (char)(ch - 32);
                else if (!first && ch >= 'A' && ch <= 'Z')
                    ch = (char)(ch + 32);
            }
            buf_putc(&b, ch);
        }
        if (b.len == 0)
            break;
        cc = country_lookup_kind(b.data, b.len, &kind, NULL);
        if (kind != COUNTRY_NAME && kind != COUNTRY_DEMONYM)
            cc = NULL;
    }
    buf_free(&b);
    /* usa, "bosnia and herzegovina", "côte d'ivoire" */
    if (cc == NULL)
        cc = country_lookup_caseless(v, n);
    if (cc == NULL)
        return -1;
    out[0] = (char)(cc[0] & ~0x20);
    out[1] = (char)(cc[1] & ~0x20);
    return 0;
}

/* --- Dates --- */

/* Normalises tm as mktime does; false when the year leaves 1..9999, or,
 * with exact, when it was no real day (2024-02-30). */
static bool
date_norm(struct tm *tm, bool exact)
{
    int y = tm->tm_year, m = tm->tm_mon, d = tm->tm_mday;

    tm->tm_isdst = -1;
    tm->tm_hour = 12;
    if (mktime(tm) == (time_t)-1)
        return false;
    if (exact && (tm->tm_year != y || tm->tm_mon != m || tm->tm_mday != d))
        return false;
    return tm->tm_year + 1900 >= 1 && tm->tm_year + 1900 <= 9999;
}

/* tm as YYYY, YYYY-MM or YYYY-MM-DD (parts 1, 2, 3). */
static void
date_iso(char out[11], const struct tm *tm, int parts)
{
    unsigned y = (unsigned)(tm->tm_year + 1900) % 10000u;
    unsigned m = (unsigned)(tm->tm_mon + 1) % 100u;
    unsigned d = (unsigned)tm->tm_mday % 100u;

    if (parts == 1)
        snprintf(out, 11, "%04u", y);
    else if (parts == 2)
        snprintf(out, 11, "%04u-%02u", y, m);
    else
        snprintf(out, 11, "%04u-%02u-%02u", y, m, d);
}

static bool
digits(const char *s, size_t n)
{
    size_t k;

    for (k = 0; k < n; k++)
        if (s[k] < '0' || s[k] > '9')
            return false;
    return n > 0;
}

/* One date s[0..n) as the first day it covers (lo) and the first after it
 * (hi), both as ISO 8601 text that compares as dates do: YYYY, YYYY-MM,
 * YYYY-MM-DD, today, yesterday, or N days, weeks, months or years ago (Nd,
 * Nw, Nm, Ny; *rel set). Returns 0, or -1 when it is no date. */
static int
date_parse(const char *s, size_t n, time_t now, char lo[11], char hi[11],
           bool *rel)
{
    struct tm tm, t2;
    int parts;

    memset(&tm, 0, sizeof tm);
    *rel = false;
    if ((n == 5 && strncasecmp(s, "today", 5) == 0) ||
        (n == 9 && strncasecmp(s, "yesterday", 9) == 0) ||
        (n >= 2 && digits(s, n - 1) && n - 1 <= 5 &&
         strchr("dwmy", s[n - 1] | 0x20) != NULL)) {
        long k = 0;
        char unit = 'd';

        localtime_r(&now, &tm);
        if (n == 9)
            k = 1;
        else if (n != 5 || strncasecmp(s, "today", 5) != 0) {
            k = strtol(s, NULL, 10);
            unit = (char)(s[n - 1] | 0x20);
            *rel = true;
        }
        if (unit == 'd')
            tm.tm_mday -= (int)k;
        else if (unit == 'w')
            tm.tm_mday -= (int)(7 * k);
        else if (unit == 'm')
            tm.tm_mon -= (int)k;
        else
            tm.tm_year -= (int)k;
        /* normalised first: "1m" on 31 March is a day in early March */
        if (!date_norm(&tm, false))
            return -1;
        parts = 3;
    } else if (n == 4 && digits(s, 4)) {
        tm.tm_year = atoi(s) - 1900;
        tm.tm_mday = 1;
        parts = 1;
    } else if (n == 7 && digits(s, 4) && s[4] == '-' && digits(s + 5, 2)) {
        tm.tm_year = atoi(s) - 1900;
        tm.tm_mon = atoi(s + 5) - 1;
        tm.tm_mday = 1;
        if (tm.tm_mon < 0 || tm.tm_mon > 11)
            return -1;
        parts = 2;
    } else if (n == 10 && digits(s, 4) && s[4] == '-' && digits(s + 5, 2) &&
               s[7] == '-' && digits(s + 8, 2)) {
        tm.tm_year = atoi(s) - 1900;
        tm.tm_mon = atoi(s + 5) - 1;
        tm.tm_mday = atoi(s + 8);
        if (tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1)
            return -1;
        parts = 3;
    } else {
        return -1;
    }
    if (!date_norm(&tm, parts == 3))
        return -1;
    t2 = tm;
    date_iso(lo, &tm, parts);
    if (parts == 1)
        t2.tm_year++;
    else if (parts == 2)
        t2.tm_mon++;
    else
        t2.tm_mday++;
    if (!date_norm(&t2, false))
        return -1;
    date_iso(hi, &t2, parts);
    return 0;
}

/* date:, since: and until: values: a date, A..B, A.. or ..B. */
static int
parse_date_value(struct qparse *p, struct qnode *l, size_t vcol)
{
    const char *v = l->val, *dots = NULL;
    char lo[11], hi[11], lo2[11], hi2[11];
    const char *fname = query_fields[l->field].name;
    time_t now = p->env && p->env->now ? p->env->now : time(NULL);
    size_t k;
    bool rel;

    for (k = 0; k + 1 < l->vlen; k++)
        if (v[k] == '.' && v[k + 1] == '.') {
            dots = v + k;
            break;
        }
    if (l->term != QT_WORD) {
        fail(p, l->col, "%s: takes a date (2024-03-05, 2024-03, 2024, "
             "30d, yesterday)", fname);
        return -1;
    }
    if (dots != NULL && l->field != QF_DATE) {
        fail(p, vcol + (size_t)(dots - v), "%s: takes one date (a range "
             "is date:A..B)", fname);
        return -1;
    }
    if (dots == NULL) {
        if (date_parse(v, l->vlen, now, lo, hi, &rel) < 0)
            goto bad;
        if (l->field == QF_UNTIL) {
            snprintf(l->hi, sizeof l->hi, "%s", hi);
        } else if (l->field == QF_SINCE || rel) {
            /* date:30d is the last 30 days, as date:30d.. */
            snprintf(l->lo, sizeof l->lo, "%s", lo);
        } else {
            snprintf(l->lo, sizeof l->lo, "%s", lo);
            snprintf(l->hi, sizeof l->hi, "%s", hi);
        }
        return 0;
    }
    size_t a = (size_t)(dots - v), b0 = a + 2;
    if (a == 0 && b0 == l->vlen) {
        fail(p, vcol, "date: needs a date on at least one side of '..'");
        return -1;
    }
    if (memchr(v + b0, '.', l->vlen - b0) != NULL) {
        fail(p, vcol + b0, "date: takes one range (A..B)");
        return -1;
    }
    if (a > 0) {
        if (date_parse(v, a, now, lo, hi, &rel) < 0)
            goto bad;
        snprintf(l->lo, sizeof l->lo, "%s", lo);
    }
    if (b0 < l->vlen) {
        if (date_parse(v + b0, l->vlen - b0, now, lo2, hi2, &rel) < 0) {
            vcol += b0;
            v += b0;
            k = l->vlen - b0;
            fail(p, vcol, "'%.*s' is not a date (2024-03-05, 2024-03, "
                 "2024, 30d, yesterday)", shown(v, k), v);
            return -1;
        }
        snprintf(l->hi, sizeof l->hi, "%s", hi2);
        /* B's end (not its start) against A's start: 2024-03-05..2024-03
         * is the rest of March, and "2024-03" < "2024-03-05" */
        if (a > 0 && strcmp(hi2, lo) <= 0) {
            fail(p, vcol, "the date range ends before it begins");
            return -1;
        }
    }
    return 0;
bad:
    k = dots != NULL ? (size_t)(dots - v) : l->vlen;
    fail(p, vcol, "'%.*s' is not a date (2024-03-05, 2024-03, 2024, 30d, "
         "yesterday)", shown(v, k), v);
    return -1;
}

/* A confidence: a number from 0 to 1 of at most 5 characters. */
static bool
conf_number(const char *s, size_t n)
{
    size_t k, dots = 0;

    if (n == 0 || n > 5)
        return false;
    for (k = 0; k < n; k++) {
        if (s[k] == '.')
            dots++;
        else if (s[k] < '0' || s[k] > '9')
            return false;
    }
    return dots <= 1 && n > dots && strtod(s, NULL) <= 1.0;
}

/* conf: values: high, medium, low, a number (that much or more), A..B
 * (both included), A.. or ..B. */
static int
parse_conf_value(struct qparse *p, struct qnode *l, size_t vcol)
{
    const char *v = l->val, *dots = NULL;
    size_t n = l->vlen, k, a;

    if (l->term != QT_WORD)
        goto bad;
    for (k = 0; k < sizeof query_conf_levels / sizeof *query_conf_levels;
         k++)
        if (strlen(query_conf_levels[k].name) == n &&
            strncasecmp(query_conf_levels[k].name, v, n) == 0) {
            snprintf(l->lo, sizeof l->lo, "%s", query_conf_levels[k].lo);
            snprintf(l->hi, sizeof l->hi, "%s", query_conf_levels[k].hi);
            l->below = true;
            return 0;
        }
    for (k = 0; k + 1 < n && dots == NULL; k++)
        if (v[k] == '.' && v[k + 1] == '.')
            dots = v + k;
    if (dots == NULL) {
        if (!conf_number(v, n))
            goto bad;
        snprintf(l->lo, sizeof l->lo, "%.*s", (int)n, v);
        return 0;
    }
    a = (size_t)(dots - v);
    if ((a > 0 && !conf_number(v, a)) ||
        (a + 2 < n && !conf_number(v + a + 2, n - a - 2)) ||
        (a == 0 && a + 2 == n))
        goto bad;
    snprintf(l->lo, sizeof l->lo, "%.*s", (int)a, v);
    snprintf(l->hi, sizeof l->hi, "%.*s", (int)(n - a - 2), v + a + 2);
    if (a > 0 && a + 2 < n && strtod(l->hi, NULL) < strtod(l->lo, NULL)) {
        fail(p, vcol, "the confidence range ends before it begins");
        return -1;
    }
    return 0;
bad:
    fail(p, vcol, "conf: takes high, medium, low, a number from 0 to 1 "
         "(that much or more) or a range (0.5..0.8)");
    return -1;
}

/* Checks a field's value and works out what it stands for (a country's
 * code, a date's bounds, a compiled pattern). vcol: where the value
 * starts. */
static int
field_check(struct qparse *p, struct qnode *l, size_t vcol)
{
    const char *fname = query_fields[l->field].name;
    const char *v = l->val;
    size_t n = l->vlen, k;

    if (l->term == QT_REGEX) {
        switch (l->field) {
        case QF_SPEAKER: case QF_ROLE: case QF_SOURCE: case QF_VENUE:
        case QF_METHOD:
            return leaf_rx(p, l, vcol);
        default:
            fail(p, l->col, "%s: takes no /regex/ (speaker:, role:, "
                 "source:, venue: and method: do)", fname);
            return -1;
        }
    }
    if (l->term == QT_PREFIX && l->field == QF_FILE) {
        char *glob = xasprintf("%.*s*", (int)n, v);
        l->term = QT_WORD;      /* file:*.html: the '*' is the glob's */
        free(l->val);
        l->val = glob;
        l->vlen = ++n;
        v = l->val;
    } else if (l->term == QT_PREFIX &&
               (l->field == QF_SOURCE || l->field == QF_VENUE ||
                l->field == QF_ARTICLE || l->field == QF_ID)) {
        l->term = QT_WORD;      /* they match a part, or a start, already */
    } else if (l->term == QT_PREFIX && l->field != QF_SPEAKER &&
               l->field != QF_ROLE) {
        fail(p, vcol + n, "%s: takes no prefix ('*')", fname);
        return -1;
    }
    switch (l->field) {
    case QF_SPEAKER: {
        struct buf b = {0};
        speaker_key(&b, v, n);
        k = b.len;
        buf_free(&b);
        if (k == 0) {
            fail(p, l->col, "speaker: needs a name with letters");
            return -1;
        }
        return 0;
    }
    case QF_ROLE:
        if (!has_word(v, n)) {
            fail(p, l->col, "role: needs a word with letters or digits");
            return -1;
        }
        return 0;
    case QF_COUNTRY:
    case QF_ABOUT:
        if (country_of(v, n, l->cc) < 0) {
            fail(p, l->col, "%s:%.*s names no country (a code, a name or "
                 "a demonym: fr, france, french)", fname, shown(v, n), v);
            return -1;
        }
        return 0;
    case QF_DATE:
    case QF_SINCE:
    case QF_UNTIL:
        return parse_date_value(p, l, vcol);
    case QF_ID:
        if (n > 6 && strncasecmp(v, "quoth:", 6) == 0) {
            memmove(l->val, v + 6, n - 6 + 1);
            n = l->vlen = n - 6;
        }
        for (k = 0; k < n; k++)
            if (!((v[k] >= '0' && v[k] <= '9') ||
                  ((v[k] | 0x20) >= 'a' && (v[k] | 0x20) <= 'f')))
                break;
        if (k < n || n == 0 || n > 12) {
            fail(p, l->col, "id:%.*s is not a quote id (1 to 12 hex "
                 "digits)", shown(v, n), v);
            return -1;
        }
        for (k = 0; k < n; k++)
            l->val[k] = (char)(v[k] >= 'A' && v[k] <= 'F' ? v[k] | 0x20
                                                           : v[k]);
        return 0;
    case QF_IS:
        for (k = 0; k < sizeof query_flags / sizeof *query_flags; k++) {
            if (strlen(query_flags[k].name) != n ||
                strncasecmp(query_flags[k].name, v, n) != 0)
                continue;
            if (query_flags[k].sql == NULL) {
                fail(p, l->col, "is:%s is not available yet (%s will "
                     "provide it)", query_flags[k].name,
                     query_flags[k].later);
                return -1;
            }
            l->cc[0] = (char)k;     /* the flag's index */
            return 0;
        }
        fail(p, l->col, "is:%.*s is not a flag (is: takes unattributed, "
             "attributed, anonymous, term, speech or conflict)", shown(v, n),
             v);
        return -1;
    case QF_CONF:
        return parse_conf_value(p, l, vcol);
    case QF_METHOD:
        for (k = 0; k < n; k++)
            if (l->val[k] >= 'A' && l->val[k] <= 'Z')
                l->val[k] = (char)(l->val[k] + 32);
        return 0;
    default:
        return 0;
    }
}

/* A "phrase" at p->i; its value between the marks. */
static int
scan_phrase(struct qparse *p, const char **v, size_t *n)
{
    size_t open = p->i, j = p->i + 1;

    while (j < p->n && p->s[j] != '"')
        j++;
    if (j >= p->n) {
        fail(p, open, "unclosed quotation mark");
        return -1;
    }
    *v = p->s + open + 1;
    *n = j - open - 1;
    p->i = j + 1;
    if (*n == 0) {
        fail(p, open, "empty phrase (\"\")");
        return -1;
    }
    return 0;
}

/* A /regex/ at p->i: its pattern, up to the first '/' not escaped. */
static int
scan_regex(struct qparse *p, const char **v, size_t *n)
{
    size_t open = p->i, j = p->i + 1;

    while (j < p->n && p->s[j] != '/')
        j += p->s[j] == '\\' && j + 1 < p->n ? 2 : 1;
    if (j >= p->n) {
        fail(p, open, "unclosed /regex/ (no closing '/')");
        return -1;
    }
    *v = p->s + open + 1;
    *n = j - open - 1;
    p->i = j + 1;
    if (*n == 0) {
        fail(p, open, "empty /regex/");
        return -1;
    }
    if (!is_delim(p->s[p->i])) {
        fail(p, p->i, "nothing may follow a /regex/ (no flags: (?i) in "
             "the pattern ignores case)");
        return -1;
    }
    return 0;
}

/* One value of field f at p->i: "phrase", /regex/ or a bare value (a
 * trailing '*' makes it a prefix). */
static struct qnode *
parse_field_atom(struct qparse *p, int f, size_t col)
{
    const char *v;
    size_t n, vcol = p->i, j;
    enum qterm t = QT_WORD;
    struct qnode *l;

    if (p->s[p->i] == '"') {
        if (scan_phrase(p, &v, &n) < 0)
            return NULL;
        vcol++;
        t = QT_PHRASE;
    } else if (p->s[p->i] == '/') {
        if (scan_regex(p, &v, &n) < 0)
            return NULL;
        vcol++;
        t = QT_REGEX;
    } else {
        for (j = p->i; !is_delim(p->s[j]); j++)
            ;
        v = p->s + p->i;
        n = j - p->i;
        p->i = j;
        if (n == 0)
            return fail(p, col, "%s: needs a value right after the ':'",
                        query_fields[f].name);
        /* speaker:-barrot would find Barrot */
        if (n > 1 && (v[0] == '-' || v[0] == '!') && f != QF_FILE &&
            has_word(v + 1, n - 1))
            return fail(p, vcol, "'%c' goes before the field to leave it "
                        "out (%c%s:%.*s)", v[0], v[0], query_fields[f].name,
                        shown(v + 1, n - 1), v + 1);
    }
    if (t != QT_REGEX && p->s[p->i] == '*') {
        p->i++;
        t = QT_PREFIX;
    } else if (t == QT_WORD && n > 1 && v[n - 1] == '*') {
        n--;
        t = QT_PREFIX;
    }
    if ((l = leaf_new(p, t, f, v, n, col)) == NULL)
        return NULL;
    if (field_check(p, l, vcol) < 0) {
        node_free(l);
        return NULL;
    }
    return l;
}

/* A saved search, parsed in place of query:NAME. */
static struct qnode *
parse_saved(struct qparse *p, const char *name, size_t n, size_t col)
{
    struct query_error suberr = {{0}, 0};
    struct qparse sub;
    struct qnode *t;
    char msg[200] = "";
    char *key, *text = NULL;
    size_t k;
    int r;

    for (k = 0; k < n; k++)
        if (!((name[k] >= 'a' && name[k] <= 'z') ||
              (name[k] >= 'A' && name[k] <= 'Z') ||
              (name[k] >= '0' && name[k] <= '9') || name[k] == '_' ||
              name[k] == '-' || name[k] == '.'))
            break;
    if (n == 0 || k < n)
        return fail(p, col, "a saved search's name is letters, digits, "
                    "'-', '_' and '.'");
    if (p->env == NULL || p->env->lookup == NULL) {
        p->q->saved = true;
        return op_new(p, QN_NONE, col);
    }
    key = xstrndup(name, n);
    for (k = 0; k < p->nnames; k++)
        if (strcmp(p->names[k], key) == 0) {
            fail(p, col, "saved search '%s' includes itself", key);
            free(key);
            return NULL;
        }
    if (p->nnames == QUERY_MAX_SAVED) {
        free(key);
        return fail(p, col, "saved searches nested more than %d deep",
                    QUERY_MAX_SAVED);
    }
    r = p->env->lookup(p->env->ctx, key, &text, msg, sizeof msg);
    if (r <= 0) {
        if (r < 0)
            fail(p, col, "%s", msg);
        else
            fail(p, col, "no saved search '%s' ('quoth query list' shows "
                 "them)", key);
        free(key);
        free(text);
        return NULL;
    }
    sub = *p;
    sub.s = text;
    sub.n = strlen(text);
    sub.i = 0;
    sub.err = &suberr;
    sub.field = QF_NONE;
    sub.names[sub.nnames++] = key;
    t = parse_text(&sub);
    if (t == NULL)
        fail(p, col, "saved search '%s': %s", key, suberr.msg);
    else
        node_recol(t, col);
    free(key);
    free(text);
    return t;
}

/* Edit distance (Levenshtein) between short ASCII names. */
static size_t
distance(const char *a, size_t na, const char *b, size_t nb)
{
    size_t d[2][33], i, j;

    if (na > 32 || nb > 32)
        return 99;
    for (j = 0; j <= nb; j++)
        d[0][j] = j;
    for (i = 1; i <= na; i++) {
        d[i & 1][0] = i;
        for (j = 1; j <= nb; j++) {
            size_t sub = d[(i - 1) & 1][j - 1] +
                         ((a[i - 1] | 0x20) != (b[j - 1] | 0x20));
            size_t del = d[(i - 1) & 1][j] + 1, ins = d[i & 1][j - 1] + 1;
            d[i & 1][j] = sub < del ? (sub < ins ? sub : ins)
                                    : (del < ins ? del : ins);
        }
    }
    return d[na & 1][nb];
}

static int
field_find(const char *s, size_t n)
{
    size_t k;

    for (k = 0; k < QF_N; k++)
        if (strlen(query_fields[k].name) == n &&
            strncasecmp(query_fields[k].name, s, n) == 0)
            return (int)k;
    for (k = 0; k < sizeof query_aliases / sizeof *query_aliases; k++)
        if (strlen(query_aliases[k].name) == n &&
            strncasecmp(query_aliases[k].name, s, n) == 0)
            return (int)query_aliases[k].f;
    return QF_NONE;
}

const char *
query_field_name(size_t k)
{
    if (k < QF_N)
        return query_fields[k].name;
    k -= QF_N;
    return k < sizeof query_aliases / sizeof *query_aliases
               ? query_aliases[k].name : NULL;
}

static struct qnode *
unknown_field(struct qparse *p, const char *s, size_t n, size_t col)
{
    const char *best = NULL;
    size_t bestd = 3, k, d;

    for (k = 0; k < QF_N + sizeof query_aliases / sizeof *query_aliases;
         k++) {
        const char *name = k < QF_N ? query_fields[k].name
                                    : query_aliases[k - QF_N].name;
        d = distance(s, n, name, strlen(name));
        /* one edit in a short name, two in a longer one */
        if (d < bestd && d <= (n >= 5 ? 2u : 1u) && d < strlen(name)) {
            bestd = d;
            best = name;
        }
    }
    if (best != NULL)
        return fail(p, col, "unknown field '%.*s:' (did you mean '%s:'?)",
                    shown(s, n), s, best);
    return fail(p, col, "unknown field '%.*s:' (quoth-query(7) lists the "
                "fields; \"a:b\" finds the text a:b)", shown(s, n), s);
}

/* field:VALUE, field:V1|V2 or field:( ... ), at p->i after the ':'. */
static struct qnode *
parse_field(struct qparse *p, int f, size_t col)
{
    struct qnode *t, *or = NULL;
    int outer;

    if (p->s[p->i] == '(') {
        size_t open = p->i++;
        outer = p->field;
        p->field = f;
        t = parse_and(p, true);
        p->field = outer;
        if (t == NULL)
            return NULL;
        if (p->s[p->i] != ')') {
            node_free(t);
            return fail(p, open, "unclosed '('");
        }
        p->i++;
        if (t->kind == QN_ALL) {
            node_free(t);
            return fail(p, col, "%s:() is empty", query_fields[f].name);
        }
        return t;
    }
    if (is_delim(p->s[p->i]))
        return fail(p, col, "%s: needs a value right after the ':'",
                    query_fields[f].name);
    for (;;) {
        size_t at = p->i;
        t = parse_field_atom(p, f, at == col ? col : at);
        if (t == NULL) {
            node_free(or);
            return NULL;
        }
        t->col = or == NULL ? col : at;
        /* country:fr|de: one field, either value */
        if (p->s[p->i] == '|' && !is_delim(p->s[p->i + 1])) {
            if (or == NULL && (or = op_new(p, QN_OR, col)) == NULL) {
                node_free(t);
                return NULL;
            }
            node_add(or, t);
            p->i++;
            continue;
        }
        if (or == NULL)
            return t;
        node_add(or, t);
        return or;
    }
}

static struct qnode *
parse_word(struct qparse *p, size_t col, bool head)
{
    const char *v = p->s + p->i;
    size_t n = 0, k;
    enum qterm t = QT_WORD;
    bool tail = false;
    struct qnode *l;

    while (!is_delim(v[n]))
        n++;
    p->i += n;
    if (n > 1 && v[n - 1] == '$') {
        tail = true;
        n--;
    }
    if (n > 1 && v[n - 1] == '*') {
        t = QT_PREFIX;
        n--;
    }
    if (n == 1 && (v[0] == '*' || v[0] == '$'))
        return fail(p, col, "'%c' needs a word before it (tariff%c)", v[0],
                    v[0]);
    for (k = 0; k < n; k++)
        if (v[k] == '*')
            return fail(p, col + (size_t)(v + k - (p->s + col)),
                        "'*' goes at the end of a word (tariff*)");
    if (!has_word(v, n))
        return fail(p, col, "'%.*s' has no letter or digit to search for "
                    "('%.*s finds it as it is)", shown(v, n), v, shown(v, n),
                    v);
    if ((l = leaf_new(p, t, QF_NONE, v, n, col)) == NULL)
        return NULL;
    l->head = head;
    l->tail = tail;
    return l;
}

static struct qnode *
parse_primary(struct qparse *p)
{
    size_t col = p->i, j;
    const char *v;
    size_t n;
    char c = p->s[p->i];
    struct qnode *t;

    if (c == '(') {
        p->i++;
        if ((t = parse_and(p, true)) == NULL)
            return NULL;
        if (p->s[p->i] != ')') {
            node_free(t);
            return fail(p, col, "unclosed '('");
        }
        p->i++;
        if (t->kind == QN_ALL) {
            node_free(t);
            return fail(p, col, "empty parentheses");
        }
        return t;
    }
    if (p->field != QF_NONE)
        return parse_field_atom(p, p->field, col);
    if (c == '^') {
        p->i++;
        c = p->s[p->i];
        if (c == '"') {
            if (scan_phrase(p, &v, &n) < 0)
                return NULL;
            goto phrase;
        }
        if (is_delim(c) || c == '\'' || c == '/' || c == '^')
            return fail(p, col, "'^' needs a word or a \"phrase\" right "
                        "after it (^\"we will\")");
        return parse_word(p, col, true);
    }
    if (c == '"') {
        if (scan_phrase(p, &v, &n) < 0)
            return NULL;
    phrase:
        if (!has_word(v, n))
            return fail(p, col, "\"%.*s\" has no letter or digit to search "
                        "for ('\"%.*s\" finds it as it is)", shown(v, n), v,
                        shown(v, n), v);
        enum qterm t2 = QT_PHRASE;
        bool tail = false;
        if (p->s[p->i] == '*') {
            t2 = QT_PREFIX;
            p->i++;
        }
        if (p->s[p->i] == '$') {
            tail = true;
            p->i++;
        }
        if ((t = leaf_new(p, t2, QF_NONE, v, n, col)) == NULL)
            return NULL;
        t->head = p->s[col] == '^';
        t->tail = tail;
        return t;
    }
    if (c == '\'') {
        enum qterm t2 = QT_SUBSTR;
        size_t vcol = col + 1;
        p->i++;
        if (p->s[p->i] == '"') {
            if (scan_phrase(p, &v, &n) < 0)
                return NULL;
            vcol++;
            if (p->s[p->i] == '\'') {
                p->i++;
                t2 = QT_WHOLE;
            }
        } else {
            v = p->s + p->i;
            for (j = p->i; !is_delim(p->s[j]); j++)
                ;
            n = j - p->i;
            p->i = j;
            if (n >= 2 && v[n - 1] == '\'') {
                n--;
                t2 = QT_WHOLE;
            }
            if (n == 0 || (n == 1 && v[0] == '\''))
                return fail(p, col, "' needs text right after it ('tariff "
                            "finds a substring, 'tariff' a whole word)");
        }
        if ((t = leaf_new(p, t2, QF_NONE, v, n, col)) == NULL)
            return NULL;
        if (leaf_rx(p, t, vcol) < 0) {
            node_free(t);
            return NULL;
        }
        return t;
    }
    if (c == '/') {
        if (scan_regex(p, &v, &n) < 0)
            return NULL;
        if ((t = leaf_new(p, QT_REGEX, QF_NONE, v, n, col)) == NULL)
            return NULL;
        if (leaf_rx(p, t, col + 1) < 0) {
            node_free(t);
            return NULL;
        }
        return t;
    }
    if (c == '@') {
        for (j = p->i + 1; !is_delim(p->s[j]); j++)
            ;
        p->i = j;
        return parse_saved(p, p->s + col + 1, j - col - 1, col);
    }
    if (c == '~')
        return fail(p, col, "near-verbatim search (~\"...\") is not "
                    "available yet");
    /* field: letters, then ':' */
    for (j = p->i; (p->s[j] | 0x20) >= 'a' && (p->s[j] | 0x20) <= 'z'; j++)
        ;
    if (j > p->i && p->s[j] == ':') {
        int f = field_find(p->s + p->i, j - p->i);
        if (f == QF_NONE)
            return unknown_field(p, p->s + p->i, j - p->i, col);
        p->i = j + 1;
        if (f == QF_QUERY) {
            for (j = p->i; !is_delim(p->s[j]); j++)
                ;
            v = p->s + p->i;
            p->i = j;
            if (j == (size_t)(v - p->s))
                return fail(p, col, "query: needs a saved search's name "
                            "right after the ':'");
            return parse_saved(p, v, (size_t)(p->s + j - v), col);
        }
        return parse_field(p, f, col);
    }
    return parse_word(p, col, false);
}

static struct qnode *
parse_unary(struct qparse *p)
{
    size_t col = p->i;
    char c = p->s[p->i];
    struct qnode *t, *kid;

    if (++p->depth > QUERY_MAX_DEPTH)
        return fail(p, col, "query nested too deeply (more than %d levels)",
                    QUERY_MAX_DEPTH);
    if (c == '-' || c == '!' || at_keyword(p, "NOT")) {
        const char *op = c == '-' ? "-" : c == '!' ? "!" : "NOT";
        p->i += strlen(op);
        if (op[0] == 'N')
            skip_space(p);
        if (is_delim(p->s[p->i]) && p->s[p->i] != '(') {
            if (c == '!')
                return fail(p, col, "'!' needs something right after it "
                            "(in a shell '!' triggers history expansion: "
                            "write -word or NOT word)");
            return fail(p, col, "'%s' needs something %s it (-word, NOT "
                        "word)", op, op[0] == 'N' ? "after" : "right after");
        }
        if ((kid = parse_unary(p)) == NULL)
            return NULL;
        if ((t = op_new(p, QN_NOT, col)) == NULL) {
            node_free(kid);
            return NULL;
        }
        node_add(t, kid);
        p->depth--;
        return t;
    }
    t = parse_primary(p);
    p->depth--;
    return t;
}

static struct qnode *
parse_or(struct qparse *p)
{
    struct qnode *t, *or = NULL, *kid;

    if ((t = parse_unary(p)) == NULL)
        return NULL;
    for (;;) {
        size_t save = p->i, opcol;
        const char *op;

        skip_space(p);
        opcol = p->i;
        if (p->s[p->i] == '|') {
            op = "|";
            p->i++;
        } else if (at_keyword(p, "OR")) {
            op = "OR";
            p->i += 2;
        } else {
            p->i = save;
            break;
        }
        skip_space(p);
        if (p->i >= p->n || p->s[p->i] == ')' || p->s[p->i] == '|' ||
            at_keyword(p, "OR") || at_keyword(p, "AND")) {
            node_free(or != NULL ? or : t);
            return fail(p, opcol, "'%s' needs something after it", op);
        }
        if ((kid = parse_unary(p)) == NULL) {
            node_free(or != NULL ? or : t);
            return NULL;
        }
        if (or == NULL) {
            if ((or = op_new(p, QN_OR, t->col)) == NULL) {
                node_free(t);
                node_free(kid);
                return NULL;
            }
            node_add(or, t);
        }
        node_add(or, kid);
    }
    return or != NULL ? or : t;
}

static struct qnode *
parse_and(struct qparse *p, bool closing)
{
    struct qnode *and = node_new(QN_AND, p->i), *t;

    for (;;) {
        skip_space(p);
        if (p->i >= p->n)
            break;
        if (p->s[p->i] == ')') {
            if (closing)
                break;
            node_free(and);
            return fail(p, p->i, "unmatched ')'");
        }
        if (p->s[p->i] == '|' || at_keyword(p, "OR")) {
            node_free(and);
            return fail(p, p->i, "'%s' needs something before it",
                        p->s[p->i] == '|' ? "|" : "OR");
        }
        if (at_keyword(p, "AND")) {
            size_t col = p->i;
            p->i += 3;
            skip_space(p);
            if (and->nkid == 0 || p->i >= p->n || p->s[p->i] == ')' ||
                p->s[p->i] == '|' || at_keyword(p, "AND") ||
                at_keyword(p, "OR")) {
                node_free(and);
                return fail(p, col, "'AND' needs something on each side");
            }
            continue;
        }
        if ((t = parse_or(p)) == NULL) {
            node_free(and);
            return NULL;
        }
        node_add(and, t);
    }
    if (and->nkid == 0) {
        and->kind = QN_ALL;
        return and;
    }
    if (and->nkid == 1) {
        t = and->kid[0];
        and->nkid = 0;
        node_free(and);
        return t;
    }
    return and;
}

/* --- Shaping the tree ----------------------------------------------------- */

/* The single-valued field a term is about, or QF_NONE: a positive field
 * leaf, or an OR of leaves of one field (country:fr|de). */
static int
single_field(const struct qnode *n)
{
    size_t k;

    if (n->kind == QN_LEAF)
        return n->field != QF_NONE && query_fields[n->field].single
                   ? n->field : QF_NONE;
    if (n->kind != QN_OR || n->nkid == 0)
        return QF_NONE;
    for (k = 0; k < n->nkid; k++)
        if (n->kid[k]->kind != QN_LEAF ||
            n->kid[k]->field != n->kid[0]->field)
            return QF_NONE;
    return single_field(n->kid[0]);
}

/* NOT NOT x is x: returns what stands for n (n or a part of it). */
static struct qnode *
unnot(struct qnode *n)
{
    while (n->kind == QN_NOT && n->kid[0]->kind == QN_NOT) {
        struct qnode *x = n->kid[0]->kid[0];
        n->kid[0]->nkid = 0;
        node_free(n);
        n = x;
    }
    return n;
}

/* Drops double negations, flattens AND in AND and OR in OR, and ORs the
 * terms of one single-valued field within an AND (speaker:a speaker:b is
 * either). */
static void
shape(struct qnode *n)
{
    size_t k, j;

    for (k = 0; k < n->nkid; k++) {
        n->kid[k] = unnot(n->kid[k]);
        shape(n->kid[k]);
    }
    if (n->kind != QN_AND && n->kind != QN_OR)
        return;
    for (k = 0; k < n->nkid; k++) {
        struct qnode *c = n->kid[k];
        if (c->kind != n->kind)
            continue;
        /* splice c's children in place of c */
        size_t m = c->nkid;
        n->kid = xreallocarray(n->kid, n->nkid + m, sizeof *n->kid);
        memmove(n->kid + k + m, n->kid + k + 1,
                (n->nkid - k - 1) * sizeof *n->kid);
        memcpy(n->kid + k, c->kid, m * sizeof *n->kid);
        n->nkid += m - 1;
        c->nkid = 0;
        node_free(c);
        k--;
    }
    if (n->kind != QN_AND)
        return;
    for (k = 0; k < n->nkid; k++) {
        int f = single_field(n->kid[k]);
        struct qnode *or = NULL;
        if (f == QF_NONE)
            continue;
        for (j = k + 1; j < n->nkid; j++) {
            if (single_field(n->kid[j]) != f)
                continue;
            if (or == NULL) {
                if (n->kid[k]->kind == QN_OR) {
                    or = n->kid[k];
                } else {
                    or = node_new(QN_OR, n->kid[k]->col);
                    node_add(or, n->kid[k]);
                    n->kid[k] = or;
                }
            }
            struct qnode *m = n->kid[j];
            if (m->kind == QN_OR) {
                size_t i;
                for (i = 0; i < m->nkid; i++)
                    node_add(or, m->kid[i]);
                m->nkid = 0;
                node_free(m);
            } else {
                node_add(or, m);
            }
            memmove(n->kid + j, n->kid + j + 1,
                    (n->nkid - j - 1) * sizeof *n->kid);
            n->nkid--;
            j--;
        }
    }
}

/* --- Writing the SQL ------------------------------------------------------ */

enum qcheck_kind { QC_RX, QC_END };

struct qcheck {
    enum qcheck_kind kind;
    struct rx *rx;
    char **tok;             /* QC_END: the folded words the quote ends with */
    size_t ntok;
    bool prefix;            /* QC_END: the last one a prefix */
    bool spans;             /* looks in the quote, and not negated */
    size_t col;
    size_t scanned;
};

struct query_run {
    struct qcheck *c;
    size_t n;
    size_t limit;
    bool failed;
    struct query_error err;
};

/* A piece of SQL and its parameters, with the cost that orders it. */
struct part {
    struct buf sql;
    char **p;
    size_t np;
    int cost;
    size_t fts1;            /* 1 + the parameter of an FTS5 MATCH every
                             * row of the piece is in; 0: none */
};

/* How sql_fts tests the FTS5 conditions: the rows' set, looked up; and
 * what query_where_plan makes of it. */
static const char FTS_SET[] =
    "q.qid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)";
static const char *const fts_plans[] = {
    [QUERY_PLAN_SET] = FTS_SET,
    /* a set each row is tested against: '+' keeps SQLite from looking
     * the rows up from it, so that it walks an index in the order */
    [QUERY_PLAN_FILTER] = "+q.qid IN (SELECT rowid FROM quotes_fts WHERE"
                          " quotes_fts MATCH ?)",
    /* FTS5 asked about the one row, by rowid: no set is made */
    [QUERY_PLAN_PROBE] = "EXISTS (SELECT 1 FROM quotes_fts WHERE"
                         " quotes_fts MATCH ? AND rowid = q.qid)",
};

static void
part_param(struct part *t, const char *s, size_t n)
{
    t->p = xreallocarray(t->p, t->np + 1, sizeof *t->p);
    t->p[t->np++] = xstrndup(s, n);
}

static void
part_free(struct part *t)
{
    size_t k;

    buf_free(&t->sql);
    for (k = 0; k < t->np; k++)
        free(t->p[k]);
    free(t->p);
    memset(t, 0, sizeof *t);
}

/* Appends src's SQL (wrapped in fmt, which holds one %s) and moves its
 * parameters to dst. */
static void
part_take(struct part *dst, struct part *src, const char *fmt)
{
    size_t k;

    buf_printf(&dst->sql, fmt, src->sql.data ? src->sql.data : "");
    for (k = 0; k < src->np; k++) {
        dst->p = xreallocarray(dst->p, dst->np + 1, sizeof *dst->p);
        dst->p[dst->np++] = src->p[k];
    }
    free(src->p);
    src->p = NULL;
    src->np = 0;
    if (src->cost > dst->cost)
        dst->cost = src->cost;
    part_free(src);
}

struct qcompile {
    struct query_run *run;
    struct buf hl;          /* the highlight expression */
};

/* A word or phrase as one FTS5 string: in double quotes, its own doubled. */
static void
fts_string(struct buf *b, const char *v, size_t n)
{
    size_t k;

    buf_putc(b, '"');
    for (k = 0; k < n; k++) {
        if (v[k] == '"')
            buf_putc(b, '"');
        buf_putc(b, v[k]);
    }
    buf_putc(b, '"');
}

/* True when the whole of n can be one FTS5 expression. */
static bool
fts_pure(const struct qnode *n)
{
    size_t k, pos = 0;

    switch (n->kind) {
    case QN_LEAF:
        if (n->term != QT_WORD && n->term != QT_PHRASE &&
            n->term != QT_PREFIX)
            return false;
        return (n->field == QF_NONE && !n->tail) || n->field == QF_ROLE;
    case QN_OR:
        for (k = 0; k < n->nkid; k++)
            if (!fts_pure(n->kid[k]))
                return false;
        return true;
    case QN_AND:
        for (k = 0; k < n->nkid; k++) {
            const struct qnode *c = n->kid[k];
            if (c->kind == QN_NOT)
                c = c->kid[0];
            else
                pos++;
            if (!fts_pure(c))
                return false;
        }
        return pos > 0;
    default:
        return false;
    }
}

static void
fts_write(struct buf *b, const struct qnode *n)
{
    size_t k, first = 1;

    switch (n->kind) {
    case QN_LEAF:
        if (n->field == QF_ROLE)
            buf_puts(b, "role : ");
        else if (n->head)
            buf_puts(b, "quote : ^ ");
        fts_string(b, n->val, n->vlen);
        if (n->term == QT_PREFIX)
            buf_puts(b, " *");
        break;
    case QN_OR:
        for (k = 0; k < n->nkid; k++) {
            buf_puts(b, k > 0 ? " OR (" : "(");
            fts_write(b, n->kid[k]);
            buf_putc(b, ')');
        }
        break;
    case QN_AND: {
        /* (P AND Q) NOT (N OR M): flat lists, so that FTS5's parser
         * stack does not grow with the number of terms */
        size_t neg = 0;
        buf_putc(b, '(');
        for (k = 0; k < n->nkid; k++) {
            if (n->kid[k]->kind == QN_NOT)
                continue;
            buf_puts(b, first ? "(" : " AND (");
            first = 0;
            fts_write(b, n->kid[k]);
            buf_putc(b, ')');
        }
        buf_putc(b, ')');
        for (k = 0; k < n->nkid; k++) {
            if (n->kid[k]->kind != QN_NOT)
                continue;
            buf_puts(b, neg++ == 0 ? " NOT ((" : " OR (");
            fts_write(b, n->kid[k]->kid[0]);
            buf_putc(b, ')');
        }
        if (neg > 0)
            buf_putc(b, ')');
        break;
    }
    default:
        break;
    }
}

static void
sql_fts(struct part *t, const struct qnode *n)
{
    struct buf e = {0};

    fts_write(&e, n);
    buf_puts(&t->sql, FTS_SET);
    part_param(t, e.data, e.len);
    t->fts1 = t->np;
    t->cost = COST_FTS;
    buf_free(&e);
}

/* Appends a LIKE pattern: v with % _ \ escaped, between pre and post. */
static void
like_pattern(struct buf *b, const char *pre, const char *v, size_t n,
             const char *post)
{
    size_t k;

    buf_puts(b, pre);
    for (k = 0; k < n; k++) {
        if (v[k] == '%' || v[k] == '_' || v[k] == '\\')
            buf_putc(b, '\\');
        buf_putc(b, v[k]);
    }
    buf_puts(b, post);
}

/* The words of s[0..n) folded as FTS5 folds them, appended to *tok. */
static void
fold_words(const char *s, size_t n, char ***tok, size_t *ntok)
{
    size_t i = 0, start;

    while (i < n) {
        size_t at = i;
        if (!utf8_is_word(utf8_decode(s, n, &i)))
            continue;
        start = at;
        while (i < n) {
            size_t j = i;
            if (!utf8_is_word(utf8_decode(s, n, &j)))
                break;
            i = j;
        }
        struct buf b = {0};
        utf8_fold(&b, s + start, i - start, true);
        *tok = xreallocarray(*tok, *ntok + 1, sizeof **tok);
        (*tok)[(*ntok)++] = buf_take(&b);
    }
}

/* Adds a check to the run and writes quoth_match(K, cols). */
static void
sql_check(struct qcompile *c, struct part *t, struct qnode *l,
          const char *cols, bool spans)
{
    struct qcheck *k;
    char num[24];

    c->run->c = xreallocarray(c->run->c, c->run->n + 1, sizeof *c->run->c);
    k = &c->run->c[c->run->n];
    memset(k, 0, sizeof *k);
    k->col = l->col;
    k->spans = spans;
    if (l->tail && l->term != QT_REGEX) {
        k->kind = QC_END;
        k->prefix = l->term == QT_PREFIX;
        fold_words(l->val, l->vlen, &k->tok, &k->ntok);
    } else {
        k->kind = QC_RX;
        k->rx = l->rx;
        l->rx = NULL;
    }
    snprintf(num, sizeof num, "%zu", c->run->n++);
    buf_printf(&t->sql, "quoth_match(?, %s)", cols);
    part_param(t, num, strlen(num));
    t->cost = COST_CHECK;
}

static void
highlight_add(struct qcompile *c, const struct qnode *l)
{
    if (c->hl.len > 0)
        buf_puts(&c->hl, " OR ");
    buf_putc(&c->hl, '(');
    fts_write(&c->hl, l);
    buf_putc(&c->hl, ')');
}

/* Adds the bare words of a pure FTS5 term to the highlight: the leaf,
 * or the leaves of an OR. */
static void
highlight_words(struct qcompile *c, const struct qnode *n)
{
    size_t k;

    if (n->kind == QN_LEAF && n->field == QF_NONE)
        highlight_add(c, n);
    for (k = 0; n->kind == QN_OR && k < n->nkid; k++)
        highlight_words(c, n->kid[k]);
}

static void
compile_text(struct qcompile *c, struct qnode *l, bool pos, struct part *t)
{
    const char *cols = "q.quote, q.speaker, q.role";
    struct buf b = {0};
    size_t chars = 0, i = 0;

    switch (l->term) {
    case QT_WORD:
    case QT_PHRASE:
    case QT_PREFIX:
        /* only the $ ones come here: the word, then the quote's end */
        if (pos)
            highlight_add(c, l);
        l->tail = false;
        sql_fts(t, l);
        l->tail = true;
        buf_puts(&t->sql, " AND ");
        sql_check(c, t, l, "q.quote", false);
        t->cost = COST_FILTERED;
        break;
    case QT_SUBSTR:
        while (i < l->vlen) {
            utf8_decode(l->val, l->vlen, &i);
            chars++;
        }
        if (chars >= 3) {
            /* the trigram index finds candidates, caselessly */
            fts_string(&b, l->val, l->vlen);
            buf_puts(&t->sql, "q.qid IN (SELECT rowid FROM quotes_tri WHERE"
                     " quotes_tri MATCH ?) AND ");
            part_param(t, b.data, b.len);
        } else {
            for (i = 0; i < l->vlen && (unsigned char)l->val[i] < 0x80; i++)
                ;
            if (i == l->vlen) {
                /* too short for trigrams; LIKE ignores ASCII case */
                like_pattern(&b, "%", l->val, l->vlen, "%");
                buf_puts(&t->sql, "(q.quote LIKE ? ESCAPE '\\' OR q.speaker"
                         " LIKE ? ESCAPE '\\' OR q.role LIKE ? ESCAPE '\\')"
                         " AND ");
                part_param(t, b.data, b.len);
                part_param(t, b.data, b.len);
                part_param(t, b.data, b.len);
            }
        }
        sql_check(c, t, l, cols, pos);
        if (t->np > 1)
            t->cost = COST_FILTERED;
        break;
    case QT_WHOLE:
        if (has_word(l->val, l->vlen)) {
            /* FTS5 finds the word, folded; the pattern checks it exact */
            sql_fts(t, l);
            buf_puts(&t->sql, " AND ");
        }
        sql_check(c, t, l, cols, pos);
        if (t->np > 1)
            t->cost = COST_FILTERED;
        break;
    case QT_REGEX:
        sql_check(c, t, l, "q.quote", pos);
        break;
    }
    buf_free(&b);
}

static void
compile_field(struct qcompile *c, struct qnode *l, struct part *t)
{
    struct buf b = {0};
    const char *v = l->val;
    size_t n = l->vlen, k;

    t->cost = query_fields[l->field].cost;
    if (l->term == QT_REGEX) {
        static const char *const cols[QF_N] = {
            [QF_SPEAKER] = "q.speaker, q.speaker_as_written",
            [QF_ROLE] = "q.role", [QF_SOURCE] = "a.source, a.domain",
            [QF_VENUE] = "q.venue", [QF_METHOD] = "q.method",
        };
        sql_check(c, t, l, cols[l->field], false);
        return;
    }
    switch (l->field) {
    case QF_SPEAKER: {
        struct buf pats[2] = {{0}, {0}};
        /* Any run of whole words of the key: the surname alone, the
         * forename and surname, the whole name. The value is also tried
         * with its words only folded, since only surnames are
         * transliterated. */
        /* The keys are found by their word (speaker_words, indexed): the
         * value's first word, or the words it begins when it is one word
         * and a prefix; the LIKE then checks the run. */
        buf_puts(&t->sql, "q.speaker_key IN (SELECT key FROM speaker_words"
                 " WHERE (word >= ? AND word < ? OR word >= ? AND word < ?)"
                 " AND (' ' || key || ' ' LIKE ? ESCAPE '\\'"
                 " OR ' ' || key || ' ' LIKE ? ESCAPE '\\'))");
        for (int pass = 0; pass < 2; pass++) {
            struct buf key = {0}, word = {0};
            size_t w;
            if (pass == 0)
                speaker_key(&key, v, n);
            else
                utf8_fold(&key, v, n, true);
            buf_puts(&pats[pass], "% ");
            for (k = 0; k < key.len; k++) {
                char ch = key.data[k];
                if (ch == '%' || ch == '_' || ch == '\\')
                    buf_putc(&pats[pass], '\\');
                buf_putc(&pats[pass], ch == '-' ? ' ' : ch);
            }
            buf_puts(&pats[pass], l->term == QT_PREFIX ? "%" : " %");
            for (k = 0; k < key.len && key.data[k] == ' '; k++)
                ;
            for (w = k; w < key.len && key.data[w] != ' ' &&
                        key.data[w] != '-'; w++)
                ;
            /* [word, word and a byte above it): the word alone, or when
             * the value is one word and a prefix, every word it begins
             * (no UTF-8 byte is 0xff) */
            buf_append(&word, key.data + k, w - k);
            part_param(t, word.data != NULL ? word.data : "", word.len);
            buf_putc(&word, l->term == QT_PREFIX && w == key.len ? '\xff'
                                                                : '\x01');
            part_param(t, word.data, word.len);
            buf_free(&word);
            buf_free(&key);
        }
        for (int pass = 0; pass < 2; pass++) {
            part_param(t, pats[pass].data, pats[pass].len);
            buf_free(&pats[pass]);
        }
        break;
    }
    case QF_ROLE:
        sql_fts(t, l);
        break;
    case QF_COUNTRY:
        buf_puts(&t->sql, "q.country = ?");
        part_param(t, l->cc, 2);
        break;
    case QF_ABOUT:
        buf_puts(&t->sql, "';' || q.mentions || ';' LIKE ?");
        buf_printf(&b, "%%;%s;%%", l->cc);
        part_param(t, b.data, b.len);
        break;
    case QF_SOURCE:
        like_pattern(&b, "%", v, n, "%");
        buf_puts(&t->sql, "(a.source LIKE ? ESCAPE '\\' OR a.domain LIKE ?"
                 " ESCAPE '\\')");
        part_param(t, b.data, b.len);
        part_param(t, b.data, b.len);
        break;
    case QF_VENUE:
        like_pattern(&b, "%", v, n, "%");
        buf_puts(&t->sql, "q.venue LIKE ? ESCAPE '\\'");
        part_param(t, b.data, b.len);
        break;
    case QF_DATE:
    case QF_SINCE:
    case QF_UNTIL:
        if (l->lo[0] != '\0' && l->hi[0] != '\0')
            buf_puts(&t->sql, "(q.date >= ? AND q.date < ?)");
        else if (l->lo[0] != '\0')
            buf_puts(&t->sql, "q.date >= ?");
        else
            buf_puts(&t->sql, "q.date < ?");
        if (l->lo[0] != '\0')
            part_param(t, l->lo, strlen(l->lo));
        if (l->hi[0] != '\0')
            part_param(t, l->hi, strlen(l->hi));
        break;
    case QF_ARTICLE:
        for (k = 0; k < n; k++)
            if (!((v[k] >= '0' && v[k] <= '9') || (v[k] >= 'a' && v[k] <= 'f')))
                break;
        if (k == n && n >= 4 && n <= 12) {
            /* the article of a quote */
            buf_puts(&t->sql, "q.article IN (SELECT article FROM quotes"
                     " WHERE id GLOB ?)");
            buf_printf(&b, "%s*", v);
            part_param(t, b.data, b.len);
        } else if (memchr(v, '/', n) != NULL) {
            buf_puts(&t->sql, "(instr(a.url, ?) > 0 OR instr(a.canon, ?)"
                     " > 0)");
            part_param(t, v, n);
            part_param(t, v, n);
        } else {
            like_pattern(&b, "%", v, n, "%");
            buf_puts(&t->sql, "a.title LIKE ? ESCAPE '\\'");
            part_param(t, b.data, b.len);
        }
        break;
    case QF_ID:
        buf_puts(&t->sql, "q.id GLOB ?");
        buf_printf(&b, "%s*", v);
        part_param(t, b.data, b.len);
        break;
    case QF_FILE:
        /* a glob without a '/' may match the name in any folder */
        buf_puts(&t->sql, "q.article IN (SELECT l.article FROM locations l"
                 " JOIN files f ON f.id = l.file WHERE f.path GLOB ?"
                 " OR f.path GLOB ? OR f.abspath GLOB ?)");
        part_param(t, v, n);
        buf_printf(&b, "*/%s", v);
        part_param(t, b.data, b.len);
        part_param(t, v, n);
        break;
    case QF_IS:
        buf_puts(&t->sql, query_flags[(unsigned char)l->cc[0]].sql);
        break;
    case QF_CONF:
        /* rounded: a confidence of 0.85 - 0.05 is 0.8 */
        if (l->lo[0] != '\0')
            buf_puts(&t->sql, "round(q.confidence, 4) >= CAST(? AS REAL)");
        if (l->lo[0] != '\0' && l->hi[0] != '\0')
            buf_puts(&t->sql, " AND ");
        if (l->hi[0] != '\0')
            buf_printf(&t->sql, "round(q.confidence, 4) %s CAST(? AS REAL)",
                       l->below ? "<" : "<=");
        if (l->lo[0] != '\0')
            part_param(t, l->lo, strlen(l->lo));
        if (l->hi[0] != '\0')
            part_param(t, l->hi, strlen(l->hi));
        break;
    case QF_METHOD:
        buf_puts(&t->sql, "q.method = ?");
        part_param(t, v, n);
        break;
    default:
        buf_puts(&t->sql, "0");
        break;
    }
    buf_free(&b);
}

static int
part_cmp(const void *x, const void *y)
{
    const struct part *a = x, *b = y;

    return (a->cost > b->cost) - (a->cost < b->cost);
}

static void
compile(struct qcompile *c, struct qnode *n, bool pos, struct part *out)
{
    struct part *parts = NULL, fts = {0};
    size_t np = 0, k;

    memset(out, 0, sizeof *out);
    if (n->kind != QN_NOT && fts_pure(n)) {
        if (pos && n->kind == QN_AND) {
            for (k = 0; k < n->nkid; k++)
                highlight_words(c, n->kid[k]);
        } else if (pos) {
            highlight_words(c, n);
        }
        sql_fts(out, n);
        return;
    }
    switch (n->kind) {
    case QN_ALL:
        buf_puts(&out->sql, "1");
        return;
    case QN_NONE:
        buf_puts(&out->sql, "0");
        return;
    case QN_LEAF:
        if (n->field == QF_NONE)
            compile_text(c, n, pos, out);
        else
            compile_field(c, n, out);
        return;
    case QN_NOT: {
        struct part kid;
        compile(c, n->kid[0], !pos, &kid);
        part_take(out, &kid, "NOT coalesce(%s, 0)");
        return;
    }
    case QN_OR:
        for (k = 0; k < n->nkid; k++) {
            struct part kid;
            compile(c, n->kid[k], pos, &kid);
            part_take(out, &kid, k > 0 ? " OR (%s)" : "(%s)");
        }
        return;
    case QN_AND: {
        /* the terms FTS5 can take, as one MATCH; the rest by cost */
        struct qnode ftsand = {.kind = QN_AND};
        size_t npos = 0;
        for (k = 0; k < n->nkid; k++) {
            struct qnode *m = n->kid[k];
            bool neg = m->kind == QN_NOT;
            if (fts_pure(neg ? m->kid[0] : m)) {
                npos += !neg;
                continue;
            }
        }
        for (k = 0; k < n->nkid; k++) {
            struct qnode *m = n->kid[k];
            bool neg = m->kind == QN_NOT;
            if (npos > 0 && fts_pure(neg ? m->kid[0] : m)) {
                ftsand.kid = xreallocarray(ftsand.kid, ftsand.nkid + 1,
                                           sizeof *ftsand.kid);
                ftsand.kid[ftsand.nkid++] = m;
                if (!neg && pos)
                    highlight_words(c, m);
                continue;
            }
            parts = xreallocarray(parts, np + 1, sizeof *parts);
            compile(c, m, pos, &parts[np++]);
        }
        if (ftsand.nkid > 0) {
            if (ftsand.nkid == 1)
                sql_fts(&fts, ftsand.kid[0]);
            else
                sql_fts(&fts, &ftsand);
            parts = xreallocarray(parts, np + 1, sizeof *parts);
            parts[np++] = fts;
        }
        free(ftsand.kid);
        if (np > 1)
            qsort(parts, np, sizeof *parts, part_cmp);
        for (k = 0; k < np; k++) {
            if (out->fts1 == 0 && parts[k].fts1 > 0)
                out->fts1 = out->np + parts[k].fts1;
            part_take(out, &parts[k], k > 0 ? " AND (%s)" : "(%s)");
        }
        free(parts);
        return;
    }
    }
}

/* --- The interface ------------------------------------------------------ */

static void
run_free(struct query_run *r)
{
    size_t k, j;

    if (r == NULL)
        return;
    for (k = 0; k < r->n; k++) {
        rx_free(r->c[k].rx);
        for (j = 0; j < r->c[k].ntok; j++)
            free(r->c[k].tok[j]);
        free(r->c[k].tok);
    }
    free(r->c);
    free(r);
}

int
query_parse_env(const char *text, const struct query_env *env,
                struct query *q, struct query_error *err)
{
    struct qparse p = {0};
    struct qcompile c = {0};
    struct part out;
    struct qnode *tree;
    size_t nodes = 0;

    memset(q, 0, sizeof *q);
    err->msg[0] = '\0';
    err->column = 0;
    p.s = text;
    p.n = strlen(text);
    p.env = env;
    p.q = q;
    p.err = err;
    p.nodes = &nodes;
    p.field = QF_NONE;
    tree = parse_text(&p);
    if (tree == NULL) {
        if (err->msg[0] == '\0')
            snprintf(err->msg, sizeof err->msg, "malformed query");
        query_free(q);
        return -1;
    }
    tree = unnot(tree);
    shape(tree);
    c.run = xcalloc(1, sizeof *c.run);
    c.run->limit = QUERY_SCAN_MAX;
    compile(&c, tree, true, &out);
    node_free(tree);
    q->where = buf_take(&out.sql);
    q->params = out.p;
    q->nparams = out.np;
    q->fts = out.fts1 > 0 ? (long)out.fts1 - 1 : -1;
    q->highlight = c.hl.len > 0 ? buf_take(&c.hl) : NULL;
    buf_free(&c.hl);
    q->run = c.run;
    return 0;
}

int
query_parse(const char *text, struct query *q, struct query_error *err)
{
    return query_parse_env(text, NULL, q, err);
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
    free(q->highlight);
    run_free(q->run);
    memset(q, 0, sizeof *q);
}

char *
query_where_plan(const struct query *q, enum query_plan plan)
{
    struct buf b = {0};
    const char *s = q->where, *at;

    /* The fragment holds no value (they are parameters): where it is,
     * it is sql_fts's, and its one '?' stays in its place. */
    while ((at = strstr(s, FTS_SET)) != NULL) {
        buf_append(&b, s, (size_t)(at - s));
        buf_puts(&b, fts_plans[plan]);
        s = at + strlen(FTS_SET);
    }
    buf_puts(&b, s);
    return buf_take(&b);
}

bool
query_has_checks(const struct query *q)
{
    return q != NULL && q->run != NULL && q->run->n > 0;
}

void
query_start(const struct query *q)
{
    size_t k;

    if (q == NULL || q->run == NULL)
        return;
    for (k = 0; k < q->run->n; k++)
        q->run->c[k].scanned = 0;
    q->run->failed = false;
    q->run->err.msg[0] = '\0';
    q->run->err.column = 0;
}

void
query_set_scan_limit(const struct query *q, size_t n)
{
    if (q != NULL && q->run != NULL)
        q->run->limit = n;
}

const struct query_error *
query_failed(const struct query *q)
{
    return q != NULL && q->run != NULL && q->run->failed ? &q->run->err
                                                         : NULL;
}

static int
check_fail(struct query_run *r, size_t col, const char *msg)
{
    r->failed = true;
    r->err.column = col;
    snprintf(r->err.msg, sizeof r->err.msg, "%s", msg);
    return -1;
}

/* Whether the words of s end with the check's words. */
static bool
ends_with(const struct qcheck *k, const char *s, size_t n)
{
    char **tok = NULL;
    size_t nt = 0, j;
    bool ok;

    fold_words(s, n, &tok, &nt);
    ok = nt >= k->ntok && k->ntok > 0;
    for (j = 0; ok && j < k->ntok; j++) {
        const char *a = tok[nt - k->ntok + j], *b = k->tok[j];
        if (k->prefix && j + 1 == k->ntok)
            ok = strncmp(a, b, strlen(b)) == 0;
        else
            ok = strcmp(a, b) == 0;
    }
    for (j = 0; j < nt; j++)
        free(tok[j]);
    free(tok);
    return ok;
}

int
query_check(const struct query *q, long kk, const char *const *texts,
            const size_t *lens, size_t ntexts)
{
    struct query_run *r = q != NULL ? q->run : NULL;
    struct qcheck *k;
    size_t t, so, eo;
    char msg[200];

    if (r == NULL || kk < 0 || (size_t)kk >= r->n)
        return 0;
    if (r->failed)
        return -1;
    k = &r->c[kk];
    if (++k->scanned > r->limit) {
        snprintf(msg, sizeof msg, "this would check more than %zu quotes "
                 "one by one: narrow the query with words or fields",
                 r->limit);
        return check_fail(r, k->col, msg);
    }
    for (t = 0; t < ntexts; t++) {
        int m;
        if (texts[t] == NULL)
            continue;
        if (k->kind == QC_END) {
            if (ends_with(k, texts[t], lens[t]))
                return 1;
            continue;
        }
        m = rx_find(k->rx, texts[t], lens[t], 0, &so, &eo);
        if (m == 1)
            return 1;
        if (m == RX_TOO_COMPLEX)
            return check_fail(r, k->col, "pattern too complex (it needs "
                              "too much backtracking on a quote; make it "
                              "more specific)");
        if (m < 0)
            return check_fail(r, k->col, "the pattern failed on a quote");
    }
    return 0;
}

void
query_spans(const struct query *q, const char *text, size_t len,
            struct query_span **spans, size_t *n)
{
    struct query_run *r = q != NULL ? q->run : NULL;
    size_t k, from, so, eo, count = 0;

    for (k = 0; r != NULL && k < r->n; k++) {
        if (!r->c[k].spans || r->c[k].rx == NULL)
            continue;
        from = 0;
        while (from <= len && count < 1000 &&
               rx_find(r->c[k].rx, text, len, from, &so, &eo) == 1) {
            if (eo > so) {
                *spans = xreallocarray(*spans, *n + 1, sizeof **spans);
                (*spans)[(*n)++] = (struct query_span){so, eo};
                count++;
            }
            /* past an empty match, by one character */
            from = eo > so ? eo : eo + 1;
            while (from < len && ((unsigned char)text[from] & 0xc0) == 0x80)
                from++;
        }
    }
}

/* --- Showing an error ---------------------------------------------------- */

size_t
query_error_show(struct buf *line, const char *text, size_t column,
                 size_t width)
{
    struct cell {
        size_t end, at, w;          /* its end in text; in vis; columns */
    } *c = NULL;
    struct buf vis = {0};
    size_t n = strlen(text), i = 0, nc = 0, k, caret, left, right, used;
    size_t *pw;

    /* every character as shown, where it came from and how wide it is */
    while (i < n) {
        size_t at = vis.len, w = utf8_put_visible(&vis, text, n, &i);
        c = xreallocarray(c, nc + 1, sizeof *c);
        c[nc++] = (struct cell){i, at, w};
    }
    pw = xcalloc(nc + 1, sizeof *pw);
    for (k = 0; k < nc; k++)
        pw[k + 1] = pw[k] + c[k].w;
    /* the character the offset falls in, or nc past the end */
    for (caret = 0; caret < nc && c[caret].end <= column; caret++)
        ;
    if (width < 20)
        width = 20;
    left = 0;
    right = nc;
    if (pw[nc] > width) {
        /* the caret about the middle, an ellipsis for each cut side */
        while (left < caret && pw[caret] - pw[left] + 1 > width / 2)
            left++;
        used = left > 0;
        for (right = left; right < nc; right++) {
            size_t more = right + 1 < nc;
            if (used + pw[right + 1] - pw[left] + more > width)
                break;
        }
        /* the end reached: use what is left of the width on the left */
        while (right == nc && left > 0 &&
               pw[nc] - pw[left - 1] + (left - 1 > 0) <= width)
            left--;
        if (right < caret)
            right = caret;
    }
    if (left > 0)
        buf_puts(line, "\xe2\x80\xa6");
    if (left < right)
        buf_append(line, vis.data + c[left].at,
                   (right < nc ? c[right].at : vis.len) - c[left].at);
    if (right < nc)
        buf_puts(line, "\xe2\x80\xa6");
    k = (left > 0) + pw[caret] - pw[left];
    free(pw);
    free(c);
    buf_free(&vis);
    return k;
}
