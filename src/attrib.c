// SPDX-License-Identifier: MIT
/*
 * Attribution: an article and its quote spans in, a speaker for each quote
 * out, with the evidence. The article is read once as tokens in which each
 * quote is a single token, so words inside quotes never count. People and
 * bodies named in the article become entities (fullest name, gender, role,
 * country); each quote then looks for a speech verb beside it, takes the
 * subject of that verb and resolves it to an entity. Precision first: no
 * cue, no speaker.
 */
#include "attrib.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "country.h"
#include "lexicon.h"
#include "utf8.h"
#include "xmalloc.h"

#define ATTRIB_PARA_REACH 3     /* paragraphs a pronoun may look back */
#define ATTRIB_BEFORE_REACH 40  /* tokens a cue may stand before its quote */
#define ATTRIB_AFTER_REACH 16   /* tokens a cue may stand after its quote */

enum tok_kind {
    TOK_WORD,
    TOK_PUNCT,
    TOK_QUOTE,      /* a whole quote span */
    TOK_PARA,       /* the break between paragraphs */
};

struct tok {
    size_t s, e;        /* bytes in the body (without a possessive 's) */
    lex_mask cls;       /* lexicon classes */
    uint32_t para;
    uint32_t sent;      /* sentence number */
    uint32_t q;         /* TOK_QUOTE: the quote's index */
    int32_t c;          /* TOK_PUNCT: the character */
    uint8_t kind;
    bool cap;           /* starts with an upper-case letter */
    bool allcap;        /* two letters or more, all upper case */
    bool poss;          /* followed by 's: Halvorsen's */
};

enum gender { G_NONE, G_MALE, G_FEMALE };

/* A person or body the article names, in the fullest form it gives. */
struct ent {
    size_t s, e;            /* the fullest name in the body */
    size_t ks, ke;          /* its key word: the surname or last word */
    size_t fs, fe;          /* its first word */
    size_t rs, re;          /* a role given with it, or rs == re */
    char cc[3];
    enum gender gender;
    bool org;
    int credits;            /* quotes credited to it so far */
    int mentions;
};

struct tok_country_memo {
    const char *cc;             /* tok_country */
    unsigned char used;
    bool done;
    bool kind_done;             /* the token alone: its kind and flags */
    enum country_kind kind;
    unsigned flags;
};

/* Entities by their key and first words: a chained hash table, so that
 * finding a name costs the same in a long article as in a short one. */
struct ent_link {
    size_t ent;
    size_t next;            /* index + 1, or 0 */
};

/* A mention of an entity, in text order. */
struct mention {
    size_t tok;
    size_t ent;
};

enum subj_kind {
    SUBJ_NONE,
    SUBJ_NAME,      /* a person or body by name */
    SUBJ_PRONOUN,
    SUBJ_FIRST,     /* "I": a transcript's current speaker */
    SUBJ_ANON,      /* a senior official */
    SUBJ_DEF,       /* the minister, the ministry: someone named before */
};

/* The subject of a cue. */
struct subj {
    enum subj_kind kind;
    size_t first, last;     /* tokens of the whole phrase */
    size_t nf, nl;          /* tokens of the name (SUBJ_NAME) or head */
    size_t rs, re;          /* bytes of a role, or rs == re */
    char cc[3];             /* a country the phrase itself gives */
    enum gender gender;
    bool org;
    bool appos;             /* the role came from an appositive */
};

struct ctx {
    const struct article *a;
    const char *s;
    const struct quote_span *spans;
    struct record *recs;
    size_t nq;
    struct tok *t;
    size_t n, cap;
    size_t *qtok;           /* token of each quote */
    bool *headline;         /* per paragraph: written in title case */
    size_t *pstart;         /* per paragraph: its first token */
    struct ent *ents;
    size_t nents, capents;
    struct tok_country_memo *cmemo;     /* per token */
    size_t *heads;          /* hash of a name word -> first link + 1 */
    size_t nheads;          /* a power of two */
    struct ent_link *links;
    size_t nlinks, caplinks;
    struct mention *ms;
    size_t nms, capms;
    size_t *speaker_ent;    /* per quote: entity + 1, or 0 */
    size_t last_speaker;    /* entity + 1 of the latest attribution */
    bool *term;             /* per quote: a title or name, not speech */
    char home[3];           /* the country the article is set in */
    int us_marks;           /* words that place it in the US */
    /* The author of a statement the title announces ("Statement by Rep.
     * X on ...", "X Statement on ..."): headline_owner. */
    char *owner, *owner_role;
    char owner_cc[3];
    size_t owner_ent;       /* entity + 1 in the body, or 0 */
    size_t *lowset;         /* hashes of lower-case words (lower_elsewhere) */
    size_t nlow;
};

/* ---- tokens ------------------------------------------------------------ */

static void
tok_push(struct ctx *x, struct tok k)
{
    if (x->n == x->cap) {
        x->cap = x->cap ? x->cap * 2 : 256;
        x->t = xreallocarray(x->t, x->cap, sizeof *x->t);
    }
    x->t[x->n++] = k;
}

static bool
is_upper(int32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z';
    return utf8proc_category(c) == UTF8PROC_CATEGORY_LU;
}

static bool
is_lower(int32_t c)
{
    if (c < 0x80)
        return c >= 'a' && c <= 'z';
    return utf8proc_category(c) == UTF8PROC_CATEGORY_LL;
}

/* "R-Ky", "D-Calif": the shape of a party tag, whose dot ends no
 * sentence ("Whitfield, R-Ky., said"). */
static bool
party_shape(const char *w, size_t n)
{
    size_t i = 0;

    while (i < n && i < 3 && w[i] >= 'A' && w[i] <= 'Z')
        i++;
    if (i == 0 || i + 2 > n || w[i] != '-' || !(w[i + 1] >= 'A' &&
                                               w[i + 1] <= 'Z'))
        return false;
    for (i += 2; i < n; i++)
        if (!(w[i] >= 'a' && w[i] <= 'z'))
            return false;
    return n <= 10;
}

/* Splits s[lo..hi) of paragraph p into words (letters, digits, inner - '
 * ’, the dots of initials and abbreviations) and punctuation. */
static void
tokenize(struct ctx *x, size_t lo, size_t hi, uint32_t p)
{
    const char *s = x->s;
    size_t i = lo;

    while (i < hi) {
        size_t at = i, j;
        int32_t c = utf8_decode(s, hi, &i);
        bool up = true, letters = false;

        if (c == ' ' || c == '\n' || c == '\t' || c == 0xa0)
            continue;
        if (!utf8_is_word(c)) {
            tok_push(x, (struct tok){.s = at, .e = i, .para = p, .c = c,
                                     .kind = TOK_PUNCT});
            continue;
        }
        struct tok k = {.s = at, .para = p, .kind = TOK_WORD,
                        .cap = is_upper(c)};
        if (is_lower(c))
            up = false;
        letters = !(c >= '0' && c <= '9');
        for (;;) {
            j = i;
            c = utf8_decode(s, hi, &j);
            if (utf8_is_word(c)) {
                if (is_lower(c))
                    up = false;
                i = j;
                continue;
            }
            if (c == '-' || c == '\'' || c == 0x2019) {
                size_t m = j;
                if (utf8_is_word(utf8_decode(s, hi, &m))) {
                    i = j;
                    continue;
                }
            }
            if (c == '.' && k.cap) {
                /* U.S., J., Mr., Sen.: the dot of an initial or of an
                 * abbreviation belongs to it. */
                size_t wlen = i - at, m = j;
                int32_t next = utf8_decode(s, hi, &m);
                bool abbrev = wlen == 1 || memchr(s + at, '.', wlen) ||
                              (lexicon_classes(s + at, wlen) & LEX_ABBREV);
                if (((abbrev || utf8_is_word(next)) &&
                     (next < 0 || next == ' ' || next == 0xa0 ||
                      next == ',' || utf8_is_word(next))) ||
                    (next == ')' && wlen <= 8) ||
                    (next == ',' && party_shape(s + at, wlen))) {
                    i = j;
                    if (utf8_is_word(next))
                        continue;
                }
            }
            break;
        }
        k.e = i;
        k.allcap = up && letters && i - at >= 2 &&
                   memchr(s + at, '.', i - at) == NULL;
        /* Halvorsen's, Lindqvist’s: the name without its possessive. */
        if (k.e - k.s > 2 && (s[k.e - 1] == 's' || s[k.e - 1] == 'S') &&
            s[k.e - 2] == '\'') {
            k.poss = true;
            k.e -= 2;
        } else if (k.e - k.s > 4 && s[k.e - 1] == 's' &&
                   memcmp(s + k.e - 4, "\xe2\x80\x99", 3) == 0) {
            k.poss = true;
            k.e -= 4;
        }
        k.cls = lexicon_classes(s + k.s, k.e - k.s);
        tok_push(x, k);
    }
}

/* The quote's text ends a sentence: its last character inside the marks is
 * . ! or ? */
static bool
quote_ends_sentence(const char *s, const struct quote_span *q)
{
    size_t e = q->end;

    while (e > q->start) {
        unsigned char c = (unsigned char)s[e - 1];
        if (c == ' ' || c == '"' || c == '\'')
            e--;
        else if (c >= 0x80 && e - q->start >= 3 &&
                 memcmp(s + e - 3, "\xe2\x80", 2) == 0)
            e -= 3;     /* ’ ” */
        else
            return c == '.' || c == '!' || c == '?';
    }
    return false;
}

static bool
tok_word(const struct tok *k)
{
    return k->kind == TOK_WORD;
}

static bool
tok_has(const struct tok *k, lex_mask cls)
{
    return k->kind == TOK_WORD && (k->cls & cls);
}

static bool
tok_punct(const struct tok *k, int32_t c)
{
    return k->kind == TOK_PUNCT && k->c == c;
}

static bool
tok_is(const struct ctx *x, const struct tok *k, const char *w)
{
    size_t n = strlen(w);

    return k->kind == TOK_WORD && k->e - k->s == n &&
           memcmp(x->s + k->s, w, n) == 0;
}

/* A sentence or clause ends here. */
static bool
tok_stop(const struct tok *k)
{
    return k->kind == TOK_PARA ||
           (k->kind == TOK_PUNCT && (k->c == '.' || k->c == '!' ||
                                     k->c == '?' || k->c == ';'));
}

static bool
tok_dash(const struct tok *k)
{
    return k->kind == TOK_PUNCT &&
           (k->c == 0x2014 || k->c == 0x2013 || k->c == '-');
}

static void
tokenize_article(struct ctx *x)
{
    const struct article *a = x->a;
    size_t p, k = 0;
    uint32_t sent = 0;

    for (p = 0; p < a->npara; p++) {
        size_t pos = a->paras[p].start, from = x->n, words = 0, caps = 0, i;

        x->pstart[p] = x->n;
        for (; k < x->nq && x->spans[k].para == p; k++) {
            const struct quote_span *q = &x->spans[k];
            if (q->open < pos)
                continue;
            tokenize(x, pos, q->open, (uint32_t)p);
            x->qtok[k] = x->n;
            tok_push(x, (struct tok){.s = q->open, .e = q->close,
                                     .para = (uint32_t)p, .q = (uint32_t)k,
                                     .kind = TOK_QUOTE});
            pos = q->close;
        }
        tokenize(x, pos, a->paras[p].end, (uint32_t)p);
        tok_push(x, (struct tok){.s = a->paras[p].end, .e = a->paras[p].end,
                                 .para = (uint32_t)p, .kind = TOK_PARA});
        /* A title-case line is a headline: its capitals are no names, and
         * its verbs are capitalised ("Okafor Calls …"). */
        for (i = from; i < x->n; i++) {
            const struct tok *t = &x->t[i];
            if (!tok_word(t) || (t->cls & LEX_FUNC))
                continue;
            if (t->cap)
                caps++;
            else if (t->e - t->s >= 4 && !(t->cls & (LEX_CLAUSE | LEX_TIME)))
                words++;
        }
        x->headline[p] = caps >= 3 && words == 0 &&
                         (p == 0 || x->headline[p - 1]);
        for (i = from; i < x->n; i++) {
            struct tok *t = &x->t[i];
            t->sent = sent;
            if (tok_stop(t) ||
                (t->kind == TOK_QUOTE &&
                 quote_ends_sentence(x->s, &x->spans[t->q]) &&
                 i + 1 < x->n && (x->t[i + 1].cap ||
                                  x->t[i + 1].kind == TOK_QUOTE)))
                sent++;
        }
    }
}

/* ---- names ------------------------------------------------------------- */

/* A word that may be part of a person's name. */
static bool
name_word(const struct ctx *x, const struct tok *k)
{
    if (!tok_word(k) || !k->cap)
        return false;
    /* "Ferenc Major", "Tessa Jordan": after a forename, a surname. */
    if (k > x->t && tok_word(&k[-1]) && k[-1].cap && !k[-1].poss &&
        (k[-1].cls & (LEX_MALE | LEX_FEMALE)) && !(k[-1].cls & LEX_TITLE) &&
        !(k->cls & (LEX_FUNC | LEX_TIME)))
        return true;
    if (k->cls & (LEX_FUNC | LEX_TIME | LEX_TITLE | LEX_BODY | LEX_INTL |
                  LEX_PLACE))
        return (k->cls & (LEX_MALE | LEX_FEMALE)) && !(k->cls & LEX_TITLE);
    if (k->allcap && k->e - k->s > 3)
        return false;
    {
        struct tok_country_memo *m = &x->cmemo[k - x->t];
        if (!m->kind_done) {
            (void)country_lookup_kind(x->s + k->s, k->e - k->s, &m->kind,
                                      &m->flags);
            m->kind_done = true;
        }
        return m->kind == COUNTRY_NONE || m->kind == COUNTRY_BLOCK ||
               (m->flags & COUNTRY_PERSON) ||
               (k->cls & (LEX_MALE | LEX_FEMALE));
    }
}

/* The first token of the capitalised run that ends at token i. */
static size_t
run_left(const struct ctx *x, size_t i)
{
    size_t f = i;

    while (f > 0 && x->t[f - 1].para == x->t[i].para) {
        const struct tok *p = &x->t[f - 1];
        if (p->kind == TOK_WORD && p->cap && !p->poss) {
            f--;
            continue;
        }
        /* "Ursula von der Leyen": particles, one or two, between the
         * name's capitalised words */
        if ((p->cls & LEX_PARTICLE) && !p->cap) {
            size_t g = f - 1;
            if (g >= 1 && (x->t[g - 1].cls & LEX_PARTICLE) &&
                !x->t[g - 1].cap && x->t[g - 1].para == p->para)
                g--;
            if (g >= 1 && x->t[g - 1].cap && tok_word(&x->t[g - 1]) &&
                !x->t[g - 1].poss && x->t[g - 1].para == p->para) {
                f = g;
                continue;
            }
        }
        break;
    }
    return f;
}

/* The last token of the capitalised run that starts at token i. */
static size_t
run_right(const struct ctx *x, size_t i)
{
    size_t e = i;

    while (e + 1 < x->n && !x->t[e].poss) {
        const struct tok *k = &x->t[e + 1];
        if (k->kind == TOK_WORD && k->cap) {
            e++;
            continue;
        }
        if ((k->cls & LEX_PARTICLE) && !k->cap && e + 2 < x->n) {
            size_t g = e + 2;
            if ((x->t[g].cls & LEX_PARTICLE) && !x->t[g].cap && g + 1 < x->n)
                g++;
            if (x->t[g].cap && tok_word(&x->t[g])) {
                e = g - 1;
                continue;
            }
        }
        break;
    }
    return e;
}

/* Whether tokens from i name a US state ("Ohio", "New Mexico", "Calif.");
 * *used is how many tokens. */
static bool
tok_usstate(const struct ctx *x, size_t i, size_t *used)
{
    enum country_kind kind = COUNTRY_NONE;

    *used = 1;
    if (i + 1 < x->n && tok_word(&x->t[i + 1]) &&
        x->t[i + 1].para == x->t[i].para) {
        size_t n = x->t[i + 1].e - x->t[i].s;
        (void)country_lookup_kind(x->s + x->t[i].s, n, &kind, NULL);
        if (kind == COUNTRY_US_STATE ||
            (lexicon_classes(x->s + x->t[i].s, n) & LEX_USSTATE)) {
            *used = 2;
            return true;
        }
    }
    (void)country_lookup_kind(x->s + x->t[i].s, x->t[i].e - x->t[i].s, &kind,
                              NULL);
    return kind == COUNTRY_US_STATE ||
           ((x->t[i].cls & LEX_USSTATE) && x->t[i].e - x->t[i].s > 2);
}

/* The country that tokens from i name (two words first), or NULL: a US
 * state or a blocker names none ("New Mexico", "Latin America"), nor does
 * Georgia before "state". *used is how many tokens. */
static const char *
tok_country_uncached(const struct ctx *x, size_t i, size_t *used);

/* tok_country, remembered per token: the rules ask it of the same words
 * many times. */
static const char *
tok_country(const struct ctx *x, size_t i, size_t *used)
{
    struct tok_country_memo *m = &x->cmemo[i];

    if (!x->t[i].cap || x->t[i].kind != TOK_WORD) {
        *used = 1;
        return NULL;
    }
    if (!m->done) {
        size_t u = 1;
        m->cc = tok_country_uncached(x, i, &u);
        m->used = (unsigned char)u;
        m->done = true;
    }
    *used = m->used;
    return m->cc;
}

static const char *
tok_country_uncached(const struct ctx *x, size_t i, size_t *used)
{
    enum country_kind kind = COUNTRY_NONE;
    unsigned flags = 0;
    const char *c;

    *used = 1;
    if (i + 1 < x->n && tok_word(&x->t[i + 1]) &&
        x->t[i + 1].para == x->t[i].para) {
        c = country_lookup_kind(x->s + x->t[i].s, x->t[i + 1].e - x->t[i].s,
                                &kind, &flags);
        if (kind != COUNTRY_NONE) {
            *used = 2;
            return kind == COUNTRY_US_STATE || kind == COUNTRY_BLOCK ? NULL
                                                                     : c;
        }
    }
    c = country_lookup_kind(x->s + x->t[i].s, x->t[i].e - x->t[i].s, &kind,
                            &flags);
    if (kind == COUNTRY_US_STATE || kind == COUNTRY_BLOCK ||
        ((flags & COUNTRY_US_TOO) && i + 1 < x->n &&
         tok_is(x, &x->t[i + 1], "state")))
        return NULL;
    return c;
}

/* The lexicon classes of the word s[0..n) with its first letter in lower
 * case ("Engineer", "Says"), or with all but its first letter in lower
 * case ("PRESIDENT" as "President") when rest is true. */
static lex_mask
lexicon_recased(const char *s, size_t n, bool rest)
{
    char w[32];
    size_t i;

    if (n >= sizeof w)
        return 0;
    memcpy(w, s, n);
    for (i = rest ? 1 : 0; i < (rest ? n : 1); i++)
        if (w[i] >= 'A' && w[i] <= 'Z')
            w[i] = (char)(w[i] - 'A' + 'a');
    return lexicon_classes(w, n);
}

/* The lexicon classes of the word s[0..n) in lower case ("OFFICIAL" as
 * "official"). */
static lex_mask
lexicon_lower(const char *s, size_t n)
{
    char w[32];
    size_t i;

    if (n >= sizeof w)
        return 0;
    for (i = 0; i < n; i++)
        w[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
    return lexicon_classes(w, n);
}

/* s[0..n) with its first byte kept and the other capitals in lower case,
 * for a label written in capitals ("HALVORSEN" as "Halvorsen"). Caller
 * frees. */
static char *
title_cased(const char *s, size_t n)
{
    char *t = xstrndup(s, n);
    size_t i;

    for (i = 1; i < n; i++)
        if (t[i] >= 'A' && t[i] <= 'Z')
            t[i] = (char)(t[i] - 'A' + 'a');
    return t;
}

/* Whether the words [f, l] together name a place ("New York", "Latin
 * America"), not a person. */
static bool
run_is_place(const struct ctx *x, size_t f, size_t l)
{
    enum country_kind kind = COUNTRY_NONE;
    unsigned flags = 0;

    (void)country_lookup_kind(x->s + x->t[f].s, x->t[l].e - x->t[f].s, &kind,
                              &flags);
    return kind != COUNTRY_NONE && !(flags & COUNTRY_PERSON);
}

/* Whether the run [f, l] names a body: its last word is one, or it is a
 * country or an international body standing for its government. */
static bool
run_is_body(const struct ctx *x, size_t f, size_t l)
{
    size_t used;
    size_t m;

    if (x->t[l].cls & (LEX_BODY | LEX_INTL))
        return true;
    if (tok_country(x, f, &used) != NULL && f + used - 1 == l)
        return true;
    /* "Ministry of Defence", "Department of Fisheries", "Court of Appeals
     * for the Ninth Circuit": a body named by what it is of. */
    for (m = f + 1; m < l; m++)
        if (tok_is(x, &x->t[m], "of") && (x->t[m - 1].cls & LEX_BODY) &&
            x->t[m - 1].cap) {
            /* ... unless a title and a name follow it ("University of
             * Essex Professor Ann Lee"). */
            while (++m < l)
                if (x->t[m].cls & (LEX_TITLE | LEX_ROLE))
                    return false;
            return true;
        }
    return false;
}

static bool lower_elsewhere(const struct ctx *x, size_t a, size_t b);

/* Whether token i is a word of an office's topic or an abbreviation of
 * one, not a name: no forename, no initial; a word the article writes in
 * lower case elsewhere ("Climate"), a role or an abbreviation in
 * capitals ("MEP"). */
static bool
topic_word(const struct ctx *x, size_t i)
{
    const struct tok *k = &x->t[i];
    size_t n = k->e - k->s;

    if ((k->cls & (LEX_MALE | LEX_FEMALE)) || n < 2 ||
        memchr(x->s + k->s, '.', n) != NULL || !k->cap)
        return false;
    if (k->allcap)
        return n <= 4;
    return lower_elsewhere(x, k->s, k->e) ||
           (lexicon_recased(x->s + k->s, n, false) & (LEX_ROLE | LEX_ANON));
}

/* Splits a capitalised run [f, l] into a title part and a name part: the
 * name starts after the last title or country word. Returns the name's
 * first token (l + 1 when there is no name). */
static size_t
run_name_start(const struct ctx *x, size_t f, size_t l)
{
    size_t i, n = f, used;

    for (i = f; i <= l; i++) {
        const struct tok *k = &x->t[i];
        /* "Ferenc Major", "Tessa Jordan": a title or a country after a
         * forename is a surname. */
        if (i == l && i > f && (x->t[i - 1].cls & (LEX_MALE | LEX_FEMALE)) &&
            !(x->t[i - 1].cls & LEX_TITLE))
            break;
        if ((k->cls & (LEX_TITLE | LEX_FUNC | LEX_TIME | LEX_INTL |
                       LEX_BODY | LEX_PLACE)) &&
            !((k->cls & (LEX_MALE | LEX_FEMALE)) && !(k->cls & LEX_TITLE) &&
              (i > f || !(k->cls & LEX_FUNC)) && i < l)) {
            n = i + 1;
            continue;
        }
        if (tok_country(x, i, &used) != NULL &&
            !(k->cls & (LEX_MALE | LEX_FEMALE))) {
            n = i + used;
            i += used - 1;
            continue;
        }
        if (tok_is(x, k, "of") || tok_is(x, k, "the") || tok_is(x, k, "for"))
            n = i + 1;
    }
    /* "Engineer Daniel Okafor": a word before a known forename that is
     * none itself describes the person. */
    if (n == f && l >= f + 2 && !(x->t[f].cls & (LEX_MALE | LEX_FEMALE)) &&
        ((x->t[f + 1].cls & (LEX_MALE | LEX_FEMALE)) ||
         f == 0 || x->t[f - 1].sent != x->t[f].sent) &&
        !(x->t[f].cls & LEX_PARTICLE)) {
        /* ... only when it is a role noun in lower case ("Engineer"), not
         * a forename the lexicon does not know ("Linden William"); at the
         * start of a sentence, where any noun takes a capital, before any
         * name of two words ("Developer Hollis Brandt"). */
        if (lexicon_recased(x->s + x->t[f].s, x->t[f].e - x->t[f].s,
                            false) & (LEX_ROLE | LEX_ANON))
            n = f + 1;
    }
    /* "Special Envoy for Climate Ilona Varga", "Subcommittee on Aviation
     * Chair Tom Hale", "Midlands MEP Tom Hale": after a title or its
     * "for", words before a known forename that are common words (the
     * article writes them in lower case too) or short abbreviations are
     * the office's topic, not forenames ("Rep. K. Tom Hale", "Maxwell Tom
     * Hale" stay). */
    if ((n > f || (f >= 2 && x->t[f - 2].cap &&
                   (x->t[f - 2].cls & (LEX_TITLE | LEX_BODY)) &&
                   (tok_is(x, &x->t[f - 1], "for") ||
                    tok_is(x, &x->t[f - 1], "on") ||
                    tok_is(x, &x->t[f - 1], "of")))) &&
        l >= n + 2) {
        size_t j, m;
        for (j = n + 1; j < l; j++) {
            if (!(x->t[j].cls & (LEX_MALE | LEX_FEMALE)) ||
                (x->t[j].cls & LEX_TITLE))
                continue;
            for (m = n; m < j && topic_word(x, m);)
                m++;
            if (m == j)
                n = j;
            break;
        }
    }
    return n;
}

static enum gender
tok_gender(const struct tok *k)
{
    if ((k->cls & LEX_MALE) && !(k->cls & LEX_FEMALE))
        return G_MALE;
    if ((k->cls & LEX_FEMALE) && !(k->cls & LEX_MALE))
        return G_FEMALE;
    return G_NONE;
}

/* The key word of a name [f, l]: its last word that is not a suffix. */
static size_t
name_key(const struct ctx *x, size_t f, size_t l)
{
    while (l > f && (x->t[l].cls & LEX_SUFFIX))
        l--;
    return l;
}

/* Whether two body spans hold the same word, ' and ’ alike. */
static bool
span_eq(const struct ctx *x, size_t as, size_t ae, size_t bs, size_t be)
{
    if (ae - as == be - bs && memcmp(x->s + as, x->s + bs, ae - as) == 0)
        return true;
    while (as < ae && bs < be) {
        int32_t c = utf8_decode(x->s, ae, &as);
        int32_t d = utf8_decode(x->s, be, &bs);
        if (c == 0x2019)
            c = '\'';
        if (d == 0x2019)
            d = '\'';
        if (c != d)
            return false;
    }
    return as == ae && bs == be;
}

/* Case-insensitive comparison of two body spans (ASCII letters). */
static bool
span_eq_nocase(const struct ctx *x, size_t as, size_t ae, size_t bs,
               size_t be)
{
    size_t i;

    if (ae - as != be - bs)
        return false;
    for (i = 0; i < ae - as; i++) {
        unsigned char c = (unsigned char)x->s[as + i];
        unsigned char d = (unsigned char)x->s[bs + i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        if (d >= 'A' && d <= 'Z')
            d = (unsigned char)(d - 'A' + 'a');
        if (c != d)
            return false;
    }
    return true;
}

/* Whether the entity's name ends with the words [f, k] ("Min Thu" of Aung
 * Min Thu). */
static bool
ent_ends_with(const struct ctx *x, const struct ent *e, size_t f, size_t k)
{
    size_t n = x->t[k].e - x->t[f].s;

    return e->e - e->s > n && x->s[e->e - n - 1] == ' ' &&
           span_eq(x, e->e - n, e->e, x->t[f].s, x->t[k].e);
}

/* The hash of a name word, case and apostrophe form folded. */
static size_t
word_hash(const struct ctx *x, size_t s, size_t e)
{
    size_t h = 2166136261u;

    while (s < e) {
        unsigned char c = (unsigned char)x->s[s];
        if (c == 0xe2 && e - s >= 3 && (unsigned char)x->s[s + 1] == 0x80 &&
            (unsigned char)x->s[s + 2] == 0x99) {
            c = '\'';
            s += 2;
        } else if (c >= 'A' && c <= 'Z') {
            c = (unsigned char)(c - 'A' + 'a');
        }
        h = (h ^ c) * 16777619u;
        s++;
    }
    return h;
}

static void
ent_index(struct ctx *x, size_t s, size_t e, size_t ent)
{
    size_t *head = &x->heads[word_hash(x, s, e) & (x->nheads - 1)];

    if (x->nlinks == x->caplinks) {
        x->caplinks = x->caplinks ? x->caplinks * 2 : 64;
        x->links = xreallocarray(x->links, x->caplinks, sizeof *x->links);
    }
    x->links[x->nlinks] = (struct ent_link){ent, *head};
    *head = ++x->nlinks;
}

/* The first link of the chain of the word s[s..e), as index + 1. */
static size_t
ent_chain(const struct ctx *x, size_t s, size_t e)
{
    return x->heads[word_hash(x, s, e) & (x->nheads - 1)];
}

static void
mention_add(struct ctx *x, size_t tok, size_t ent)
{
    if (x->nms == x->capms) {
        x->capms = x->capms ? x->capms * 2 : 64;
        x->ms = xreallocarray(x->ms, x->capms, sizeof *x->ms);
    }
    x->ms[x->nms++] = (struct mention){tok, ent};
    x->ents[ent].mentions++;
}

/* Whether s[i] may be in a name word: a letter, a mark, a hyphen or an
 * apostrophe (any byte of a multibyte character counts). */
static bool
name_byte(unsigned char c)
{
    return c >= 0x80 || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           c == '-' || c == '\'';
}

/* Whether the body holds the word s[a..b) with its first letter in lower
 * case, as a whole word ("vote" for "Vote"): a set of the hashes of the
 * body's lower-case words, made at the first question. */
static bool
lower_elsewhere(const struct ctx *x, size_t a, size_t b)
{
    struct ctx *w = (struct ctx *)x;    /* the set is a cache */
    size_t h = word_hash(x, a, b), i, j, n = x->a->body_len;

    if (w->lowset == NULL) {
        size_t words = 0;
        for (i = 0; i < n; i++)
            words += x->s[i] == ' ';
        for (w->nlow = 64; w->nlow < 2 * words + 2; w->nlow *= 2)
            ;
        w->lowset = xcalloc(w->nlow, sizeof *w->lowset);
        for (i = 0; i < n;) {
            if (!name_byte((unsigned char)x->s[i])) {
                i++;
                continue;
            }
            for (j = i; j < n && name_byte((unsigned char)x->s[j]);)
                j++;
            if (x->s[i] >= 'a' && x->s[i] <= 'z') {
                size_t k = word_hash(x, i, j) | 1, m = k & (w->nlow - 1);
                while (w->lowset[m] != 0 && w->lowset[m] != k)
                    m = (m + 1) & (w->nlow - 1);
                w->lowset[m] = k;
            }
            i = j;
        }
    }
    h |= 1;
    for (i = h & (x->nlow - 1); x->lowset[i] != 0;
         i = (i + 1) & (x->nlow - 1))
        if (x->lowset[i] == h)
            return true;
    return false;
}

/* A forename a quote gives an entity (ent_names_in_quotes). */
struct qname {
    size_t ws, we, end, n;
    bool ok, bad;
};

/* Weighs the word [a, b) before an entity's surname ending at end, in a
 * quote (long: more than eight words), as its forename. */
static void
qname_weigh(const struct ctx *x, size_t e, struct qname *c, size_t a,
            size_t b, size_t end, bool long_quote)
{
    const struct ent *en = &x->ents[e];
    lex_mask cls;
    enum gender g;
    size_t ln;

    if (b - a < 2 || x->s[a] < 'A' || x->s[a] > 'Z')
        return;
    cls = lexicon_classes(x->s + a, b - a);
    if ((cls & (LEX_TITLE | LEX_ROLE | LEX_FUNC | LEX_HONORIFIC | LEX_BODY |
                LEX_PLACE | LEX_DEF | LEX_PARTICLE)) ||
        country_lookup(x->s + a, b - a) != NULL)
        return;
    g = (cls & LEX_MALE) ? G_MALE : (cls & LEX_FEMALE) ? G_FEMALE : G_NONE;
    if (g != G_NONE && en->gender != G_NONE && g != en->gender) {
        c->bad = true;
        return;
    }
    /* "Senators Varga", "Vote Varga": a plural title, or a word the
     * article writes in lower case elsewhere; in a longer quote, only a
     * forename of the person's gender, known ("I thank Ilona Varga") */
    if ((long_quote && (g == G_NONE || g != en->gender)) ||
        (x->s[b - 1] == 's' &&
         (lexicon_classes(x->s + a, b - a - 1) & LEX_TITLE)) ||
        (g == G_NONE && lower_elsewhere(x, a, b)))
        return;
    for (ln = ent_chain(x, en->ks, en->ke); ln != 0;
         ln = x->links[ln - 1].next) {
        const struct ent *o = &x->ents[x->links[ln - 1].ent];
        if (o != en && span_eq(x, o->fs, o->fe, a, b)) {
            c->bad = true;      /* another's forename */
            return;
        }
    }
    if (c->n > 0 && !span_eq(x, c->ws, c->we, a, b)) {
        c->bad = true;          /* two forenames: leave it */
        return;
    }
    c->ws = a, c->we = b, c->end = end, c->n++;
}

/* Names only a quote gives in full: a person the article's own words call
 * only "Mr. Varga" or "President Varga", when a quote of the article (a
 * title, a slogan, a speaker naming them) writes "Ilona Varga", takes
 * that fullest form. Only for a surname one entity holds (or one other of
 * the other gender with a forename of its own), with one forename found,
 * a capital word that is no title, role, function word or country, of
 * no other gender. One pass over the quotes' words. */
static void
ent_names_in_quotes(struct ctx *x)
{
    struct qname *c;
    size_t q, e, ln;

    if (x->nents == 0)
        return;
    c = xcalloc(x->nents, sizeof *c);
    for (e = 0; e < x->nents; e++) {
        const struct ent *en = &x->ents[e];
        bool other = false;
        if (en->org || en->fs != en->ks ||
            (en->gender == G_NONE && en->rs == en->re))
            continue;
        /* another of that surname: only one with a forename of its own
         * and the other gender ("Mr. Varga" beside "Ilona Varga") */
        for (ln = ent_chain(x, en->ks, en->ke); ln != 0 && !other;
             ln = x->links[ln - 1].next) {
            const struct ent *o = &x->ents[x->links[ln - 1].ent];
            other = o != en && span_eq(x, o->ks, o->ke, en->ks, en->ke) &&
                    (o->fs == o->ks || o->gender == G_NONE ||
                     en->gender == G_NONE || o->gender == en->gender);
        }
        c[e].ok = !other;
    }
    for (q = 0; q < x->nq; q++) {
        size_t i = x->spans[q].open, hi = x->spans[q].close, j;
        size_t pws = 0, pwe = 0;
        bool long_quote = quote_words(x->s + i, hi - i) > 8, prev = false;
        while (i < hi) {
            if (!name_byte((unsigned char)x->s[i])) {
                i++;
                continue;
            }
            for (j = i; j < hi && name_byte((unsigned char)x->s[j]);)
                j++;
            if (prev && pwe + 1 == i && x->s[pwe] == ' ')
                for (ln = ent_chain(x, i, j); ln != 0;
                     ln = x->links[ln - 1].next) {
                    size_t k = x->links[ln - 1].ent;
                    const struct ent *en = &x->ents[k];
                    if (!c[k].ok || c[k].bad || en->ke - en->ks != j - i ||
                        memcmp(x->s + en->ks, x->s + i, j - i) != 0)
                        continue;
                    qname_weigh(x, k, &c[k], pws, pwe, j, long_quote);
                }
            pws = i, pwe = j, prev = true;
            i = j;
        }
    }
    for (e = 0; e < x->nents; e++) {
        struct ent *en = &x->ents[e];
        if (!c[e].ok || c[e].bad || c[e].n == 0)
            continue;
        en->s = en->fs = c[e].ws;
        en->fe = c[e].we;
        en->e = c[e].end;
        ent_index(x, c[e].ws, c[e].we, e);
    }
    free(c);
}

/* Adds a mention of the name [f, l] (two words or more, or an organisation)
 * to the entities: a longer form with the same key and first word widens
 * the entity; different first words are different people. Returns the
 * entity's index. */
static size_t
ent_add(struct ctx *x, size_t f, size_t l, bool org, enum gender g)
{
    size_t k = name_key(x, f, l), i = x->nents, ln;
    const struct tok *tk = &x->t[k], *tf = &x->t[f];

    for (ln = ent_chain(x, tk->s, tk->e); ln != 0; ln = x->links[ln - 1].next) {
        struct ent *e = &x->ents[x->links[ln - 1].ent];
        i = x->links[ln - 1].ent;
        if (e->org != org || !span_eq(x, e->ks, e->ke, tk->s, tk->e))
            continue;
        /* "Mr. Varga" is not Ilona Varga. */
        if (f == k && g != G_NONE && e->gender != G_NONE && e->gender != g)
            continue;
        if (org) {
            if (span_eq(x, e->s, e->e, tf->s, tk->e))
                break;
            continue;
        }
        /* "President Varga" first, "Ilona Varga" later: a full name
         * that comes after a titled surname is someone else. */
        if (f < k && e->fs == e->ks && e->rs < e->re &&
            !span_eq(x, e->fs, e->fe, tf->s, tf->e))
            continue;
        if (f == k || e->fs == e->ks ||
            span_eq(x, e->fs, e->fe, tf->s, tf->e) || ent_ends_with(x, e, f, k)) {
            if (f < k && (e->fs == e->ks || x->t[l].e - tf->s > e->e - e->s)) {
                e->s = tf->s;
                e->e = x->t[l].e;
                e->fs = tf->s;
                e->fe = tf->e;
                ent_index(x, tf->s, tf->e, i);
            }
            break;
        }
    }
    if (ln == 0) {
        i = x->nents;
        if (x->nents == x->capents) {
            x->capents = x->capents ? x->capents * 2 : 32;
            x->ents = xreallocarray(x->ents, x->capents, sizeof *x->ents);
        }
        x->ents[i] = (struct ent){.s = tf->s, .e = x->t[l].e,
                                  .ks = tk->s, .ke = tk->e,
                                  .fs = tf->s, .fe = tf->e, .org = org};
        /* "De Luca": a particle is no forename; the full name widens it
         * when it comes. */
        if (!org && f < k && (tf->cls & LEX_PARTICLE)) {
            x->ents[i].fs = tk->s;
            x->ents[i].fe = tk->e;
        }
        x->nents++;
        ent_index(x, tk->s, tk->e, i);
        if (f < k)
            ent_index(x, tf->s, tf->e, i);
    }
    if (x->ents[i].gender == G_NONE)
        x->ents[i].gender = g != G_NONE ? g : tok_gender(tf);
    return i;
}

static size_t ent_find(const struct ctx *x, size_t f, size_t l, bool org,
                       enum gender g, size_t before);

static bool party_tag(const struct ctx *x, size_t o, size_t c);

/* The country a relative clause from token i gives its person: one named
 * right before a role ("who served as U.S. ambassador", "who was the
 * French consul"), up to the clause's end. */
static void
relative_country(const struct ctx *x, size_t i, char cc[3])
{
    size_t end = i + 12, used;

    for (; i < x->n && i < end && tok_word(&x->t[i]) ; i++) {
        const char *c = tok_country(x, i, &used);
        if (c != NULL && i + used < x->n &&
            (x->t[i + used].cls & (LEX_ROLE | LEX_TITLE)) &&
            tok_word(&x->t[i + used])) {
            memcpy(cc, c, 3);
            return;
        }
    }
}

/* Walks the text outside quotes for names of people and bodies. */
static void
collect_entities(struct ctx *x)
{
    size_t i = 0;

    while (i < x->n) {
        size_t f, l, nf, first_end;
        enum gender g = G_NONE;

        if (!tok_word(&x->t[i]) || !x->t[i].cap || x->headline[x->t[i].para]) {
            i++;
            continue;
        }
        f = i;
        l = first_end = run_right(x, i);
        /* "Department of Justice", "Bank of England": one body; not
         * when a title and a name follow ("University of Essex Professor
         * Ann Lee": the professor is the one named). */
        while (l + 2 < x->n && ((x->t[l].cls & LEX_BODY) || l > first_end) &&
               (tok_is(x, &x->t[l + 1], "of") ||
                (l + 3 < x->n && tok_is(x, &x->t[l + 1], "for") &&
                 tok_is(x, &x->t[l + 2], "the") && x->t[l + 3].cap))) {
            size_t a = tok_is(x, &x->t[l + 1], "of") ? l + 2 : l + 3;
            size_t r, m;
            if (!tok_word(&x->t[a]) || !x->t[a].cap ||
                x->t[a].para != x->t[l].para)
                break;
            r = run_right(x, a);
            for (m = a; m < r; m++)
                if (x->t[m].cls & (LEX_TITLE | LEX_ROLE))
                    break;
            if (m < r)
                break;
            l = r;
        }
        i = l + 1;
        /* "Nora Whitcombe of Maryland": the place is not in the name. */
        if (run_is_body(x, f, l)) {
            size_t s = f;
            while (s < l && (x->t[s].cls & LEX_FUNC) &&
                   !(tok_is(x, &x->t[s], "The") && (x->t[l].cls & LEX_PRESS)))
                s++;
            if (!(x->t[l].cls & LEX_INTL) || s < l)
                mention_add(x, l, ent_add(x, s, l, true, G_NONE));
            continue;
        }
        nf = run_name_start(x, f, l);
        if (nf > l)
            continue;
        if (nf > f && (x->t[nf - 1].cls & (LEX_MALE | LEX_FEMALE)))
            g = tok_gender(&x->t[nf - 1]);
        {
            size_t k;
            bool ok = true;
            for (k = nf; k <= l; k++)
                if (!name_word(x, &x->t[k]) &&
                    !(x->t[k].cls & (LEX_SUFFIX | LEX_PARTICLE)))
                    ok = false;
            if (!ok || l - nf > 4 || run_is_place(x, nf, l))
                continue;
            /* A lone word is a person only after a title (Mr. Varga), or
             * when it names someone already met: a mention. */
            if (nf == l && nf == f) {
                size_t e = ent_find(x, f, f, false, G_NONE, SIZE_MAX);
                if (e != 0)
                    mention_add(x, l, e - 1);
                continue;
            }
        }
        while (f < nf && (x->t[f].cls & LEX_FUNC))
            f++;
        {
            size_t e = ent_add(x, nf, l, false, g);
            struct ent *en = &x->ents[e];
            /* "Dana Whitfield (AL-04)", "Omar Fennick (D-Calif.)" */
            if (en->cc[0] == '\0' && l + 2 < x->n &&
                tok_punct(&x->t[l + 1], '(')) {
                size_t c = l + 2;
                while (c < x->n && c < l + 8 && !tok_punct(&x->t[c], ')') &&
                       x->t[c].kind != TOK_PARA)
                    c++;
                if (c < x->n && tok_punct(&x->t[c], ')') &&
                    party_tag(x, l + 1, c))
                    memcpy(en->cc, "US", 3);
            }
            /* "Dana Whitfield, who served as U.S. ambassador to Chile,":
             * a country before a role in the relative clause. */
            if (en->cc[0] == '\0' && l + 2 < x->n &&
                tok_punct(&x->t[l + 1], ',') && tok_is(x, &x->t[l + 2], "who"))
                relative_country(x, l + 3, en->cc);
            if (nf > f && en->rs == en->re && !(g != G_NONE && nf == f + 1 &&
                                               (x->t[f].cls & LEX_HONORIFIC))) {
                en->rs = x->t[f].s;
                en->re = x->t[nf - 1].e;
            }
            mention_add(x, l, e);
        }
    }
}

/* The entity a name [f, l] stands for: the one with the same key and a
 * compatible first word; for a lone surname shared by several people, the
 * one of the given gender, else the most credited, else the latest named.
 * Returns the index + 1, or 0. */
static size_t
ent_find(const struct ctx *x, size_t f, size_t l, bool org, enum gender g,
         size_t before)
{
    size_t k = name_key(x, f, l), i, best = 0, ln;
    int best_score = -1, pass;
    bool tie = false;

    (void)before;
    /* Surnames first; a lone first name ("Ilona") only when no surname
     * matches. */
    for (pass = 0; pass < 2 && best == 0 && !tie; pass++)
        for (ln = ent_chain(x, x->t[k].s, x->t[k].e); ln != 0;
             ln = x->links[ln - 1].next) {
            const struct ent *e = &x->ents[x->links[ln - 1].ent];
            int score;
            i = x->links[ln - 1].ent;
            if (e->org != org)
                continue;
            if (pass == 0) {
                if (!span_eq(x, e->ks, e->ke, x->t[k].s, x->t[k].e))
                    continue;
                /* another forename: another person */
                if (f < k && !org && e->fs != e->ks &&
                    !span_eq(x, e->fs, e->fe, x->t[f].s, x->t[f].e) &&
                    !(x->t[f].cls & LEX_PARTICLE) && !ent_ends_with(x, e, f, k))
                    continue;
            } else if (org || f != k || e->fs == e->ks ||
                       !span_eq(x, e->fs, e->fe, x->t[k].s, x->t[k].e)) {
                continue;
            }
            if (g != G_NONE && e->gender != G_NONE && e->gender != g)
                continue;
            score = e->credits * 4 + e->mentions;
            if (score > best_score) {
                best_score = score;
                best = i + 1;
                tie = false;
            } else if (score == best_score && best != i + 1) {
                tie = true;
            }
        }
    /* Two people with that name and nothing to tell them apart. */
    return tie ? 0 : best;
}

/* Whether some entity has the key word of the name [f, l]. */
static bool
ent_known(const struct ctx *x, size_t f, size_t l, bool org)
{
    size_t k = name_key(x, f, l), ln;

    for (ln = ent_chain(x, x->t[k].s, x->t[k].e); ln != 0;
         ln = x->links[ln - 1].next) {
        const struct ent *e = &x->ents[x->links[ln - 1].ent];
        if (e->org == org && span_eq(x, e->ks, e->ke, x->t[k].s, x->t[k].e))
            return true;
    }
    return false;
}

/* ---- subjects ---------------------------------------------------------- */

/* Lower-case words before a capitalised run that belong to its role
 * ("Chilean presidential adviser Rosa Acuña", "Kremlin spokesman"); returns
 * the role's first token. */
static size_t
role_left(const struct ctx *x, size_t f)
{
    size_t first = f, i;

    for (i = f; i > 0 && f - i < 5; i--) {
        const struct tok *k = &x->t[i - 1];
        bool title_like;
        if (!tok_word(k) || k->para != x->t[f].para || k->poss ||
            (k->cls & (LEX_CLAUSE | LEX_CUE | LEX_INDEF | LEX_DEF |
                       LEX_PASSIVE)) ||
            (x->s[k->s] >= '0' && x->s[k->s] <= '9'))
            break;
        title_like = (k->cls & (LEX_TITLE | LEX_ROLE | LEX_ANON |
                                LEX_USMARK | LEX_INTL)) ||
                     (k->cap && (k->cls & (LEX_PLACE | LEX_BODY))) ||
                     (k->cap && tok_usstate(x, i - 1, &(size_t){0})) ||
                     (i >= 2 && k->cap &&
                      tok_country(x, i - 2, &(size_t){0}) != NULL) ||
                     tok_country(x, i - 1, &(size_t){0}) != NULL;
        if (k->cap && !title_like)
            break;
        /* A lower-case word stays only before a role word: "presidential
         * adviser", "former president". */
        if (!title_like && i == f)
            break;
        if (title_like || !k->cap)
            first = i - 1;
    }
    return first;
}

/* Whether w[0..n) is a preposition that makes the country after it a
 * topic or a destination ("to", "on", "about"). */
static bool
topic_preposition(const char *w, size_t n)
{
    return (lexicon_classes(w, n) & LEX_TOPIC) != 0;
}

/* The country a role or phrase s[lo..hi) names, by its words. */
static void
text_country(const struct ctx *x, size_t lo, size_t hi, char cc[3])
{
    size_t i = lo, pws = 0, pwe = 0;

    while (i < hi && cc[0] == '\0') {
        size_t ws = i, we, m;
        const char *c = NULL;
        int32_t ch;

        while (i < hi) {
            m = i;
            ch = utf8_decode(x->s, hi, &m);
            if (utf8_is_word(ch) || ch == '.')
                break;
            i = m;
        }
        ws = i;
        while (i < hi) {
            m = i;
            ch = utf8_decode(x->s, hi, &m);
            if (!utf8_is_word(ch) && ch != '.' && ch != '-' && ch != '\'')
                break;
            i = m;
        }
        we = i;
        if (we == ws) {
            if (i < hi)
                utf8_decode(x->s, hi, &i);
            continue;
        }
        /* "Brazil's", "Washington’s": the name without its possessive. */
        if (we - ws > 2 && x->s[we - 1] == 's' && x->s[we - 2] == '\'')
            we -= 2;
        else if (we - ws > 4 && x->s[we - 1] == 's' &&
                 memcmp(x->s + we - 4, "\xe2\x80\x99", 3) == 0)
            we -= 4;
        /* Two words first: "South Korean", "White House"; a US state of
         * two words is no country ("New Mexico"). */
        {
            size_t j = we, j2;
            if (j < hi && x->s[j] == ' ') {
                j2 = j + 1;
                while (j2 < hi && x->s[j2] != ' ' && x->s[j2] != ',')
                    j2++;
                if (lexicon_classes(x->s + ws, j2 - ws) & LEX_USSTATE)
                    c = "US";
                else
                    c = country_lookup(x->s + ws, j2 - ws);
                /* "Georgia state senator": the state. */
                if (c == NULL && j2 - j - 1 == 5 &&
                    memcmp(x->s + j + 1, "state", 5) == 0 &&
                    (lexicon_classes(x->s + ws, we - ws) & LEX_USSTATE))
                    c = "US";
            }
        }
        /* Georgia in a text about Democrats and Republicans: the state. */
        if (c == NULL && x->us_marks >= 2) {
            unsigned flags = 0;
            enum country_kind kind = COUNTRY_NONE;
            (void)country_lookup_kind(x->s + ws, we - ws, &kind, &flags);
            if (flags & COUNTRY_US_TOO)
                c = "US";
        }
        if (c == NULL && we > ws && x->s[we - 1] == '.')
            c = country_lookup(x->s + ws, we - ws);
        if (c == NULL)
            c = country_lookup(x->s + ws, we - ws - (x->s[we - 1] == '.'));
        if (c == NULL && (lexicon_classes(x->s + ws, we - ws) &
                          (LEX_USSTATE | LEX_USMARK)) && we - ws > 2)
            c = "US";
        /* "ambassador to Chile", "consultant on China": the country
         * is where the work goes, not whose the person is. */
        if (c != NULL && pwe > pws && topic_preposition(x->s + pws, pwe - pws))
            c = NULL;
        if (c != NULL)
            memcpy(cc, c, 3);
        pws = ws;
        pwe = we;
    }
}

/* "(D-Md.)", "(R-Texas)": a US party tag between tokens o and c. */
static bool
party_tag(const struct ctx *x, size_t o, size_t c)
{
    const struct tok *w = &x->t[o + 1];

    if (c <= o + 1)
        return false;
    if (country_party_tag(x->s + x->t[o].s, x->t[c].e - x->t[o].s) != NULL)
        return true;
    /* A lawmaker's state alone, abbreviated: "(Ky.)", "(Calif.)". */
    if (c == o + 2 && tok_word(w) && x->s[w->e - 1] == '.' &&
        (lexicon_classes(x->s + w->s, w->e - w->s) & LEX_USSTATE))
        return true;
    /* A House district: "(AL-04)", "(NY-14)". */
    return c == o + 2 && tok_word(w) && w->e - w->s >= 4 &&
           x->s[w->s + 2] == '-' && x->s[w->s + 3] >= '0' &&
           x->s[w->s + 3] <= '9' &&
           (lexicon_classes(x->s + w->s, 2) & LEX_USSTATE);
}

/* "a spokesman for the Kremlin", "an aide to Smith": an unnamed source
 * described by whom they speak for; f is the first token of the name run.
 * Fills sj and returns true when so. */
static bool
anon_for(const struct ctx *x, size_t f, size_t i, struct subj *sj)
{
    size_t p = f, h, d;

    if (p > 0 && tok_is(x, &x->t[p - 1], "the"))
        p--;
    if (p < 2 || !(tok_is(x, &x->t[p - 1], "for") ||
                   tok_is(x, &x->t[p - 1], "of") ||
                   tok_is(x, &x->t[p - 1], "to") ||
                   tok_is(x, &x->t[p - 1], "at")))
        return false;
    h = p - 2;
    /* "Officials at X said", "officials from X said": X speaks. */
    if (tok_has(&x->t[h], LEX_ANON) && x->s[x->t[h].e - 1] == 's' &&
        (h == 0 || !tok_word(&x->t[h - 1]) ||
         tok_stop(&x->t[h - 1])) &&
        (tok_is(x, &x->t[p - 1], "at") || tok_is(x, &x->t[p - 1], "from")) &&
        run_is_body(x, f, i)) {
        *sj = (struct subj){.kind = SUBJ_NAME, .org = true, .first = h,
                            .last = i, .nf = f, .nl = i};
        text_country(x, x->t[f].s, x->t[i].e, sj->cc);
        return true;
    }
    if (!tok_has(&x->t[h], LEX_ANON | LEX_ROLE) || x->t[h].cap)
        return false;
    for (d = h; d > 0 && h - d < 4; d--) {
        const struct tok *k = &x->t[d - 1];
        if (!tok_word(k) || k->cap || (k->cls & (LEX_CLAUSE | LEX_CUE)))
            return false;
        if (k->cls & (LEX_INDEF | LEX_DEF))
            break;
    }
    if (d == 0 || !(x->t[d - 1].cls & (LEX_INDEF | LEX_DEF)))
        return false;
    *sj = (struct subj){.kind = SUBJ_ANON, .first = d - 1, .last = i,
                        .nf = h, .nl = h, .rs = x->t[d - 1].s,
                        .re = x->t[i].e};
    text_country(x, x->t[f].s, x->t[i].e, sj->cc);
    return true;
}

/* A name phrase whose last token is i, going left: a pronoun, a name with
 * titles and role words, a body, an anonymous or definite description. */
static struct subj
np_left(const struct ctx *x, size_t i)
{
    struct subj sj = {0};
    const struct tok *k = &x->t[i];
    size_t f, nf, l = i;

    if (!tok_word(k))
        return sj;
    if (tok_is(x, k, "I")) {
        sj.kind = SUBJ_FIRST;
        sj.first = sj.last = sj.nf = sj.nl = i;
        return sj;
    }
    if (k->cls & (LEX_PRONOUN_M | LEX_PRONOUN_F)) {
        sj.kind = SUBJ_PRONOUN;
        sj.first = sj.last = sj.nf = sj.nl = i;
        sj.gender = (k->cls & LEX_PRONOUN_M) ? G_MALE : G_FEMALE;
        return sj;
    }
    if (k->cap && !k->poss) {
        f = run_left(x, i);
        /* "Nora Whitcombe of Maryland", "Rep. X of Ohio". */
        if (f >= 2 && tok_is(x, &x->t[f - 1], "of") && x->t[f - 2].cap &&
            tok_word(&x->t[f - 2]) &&
            ((x->t[f].cls & LEX_USSTATE) ||
             tok_country(x, f, &(size_t){0}) != NULL) &&
            !run_is_body(x, run_left(x, f - 2), f - 2)) {
            text_country(x, x->t[f].s, x->t[i].e, sj.cc);
            l = f - 2;
            f = run_left(x, l);
        } else {
            /* "Department of Coastal Affairs", "Court of Appeals for the
             * Ninth Circuit": one body. */
            for (;;) {
                if (f >= 2 && tok_is(x, &x->t[f - 1], "of") &&
                    x->t[f - 2].cap && tok_word(&x->t[f - 2]))
                    f = run_left(x, f - 2);
                else if (f >= 3 && tok_is(x, &x->t[f - 1], "the") &&
                         tok_is(x, &x->t[f - 2], "for") &&
                         x->t[f - 3].cap && tok_word(&x->t[f - 3])) {
                    size_t g = run_left(x, f - 3);
                    while (g >= 2 && tok_is(x, &x->t[g - 1], "of") &&
                           x->t[g - 2].cap && tok_word(&x->t[g - 2]))
                        g = run_left(x, g - 2);
                    if (!run_is_body(x, g, f - 3))
                        break;
                    f = g;
                } else {
                    break;
                }
            }
        }
        while (f < l && (x->t[f].cls & LEX_FUNC) &&
               !((x->t[f].cls & LEX_DEF) && run_is_body(x, f, l)))
            f++;
        if (x->t[f].cls & LEX_FUNC && f == l)
            return sj;
        if (anon_for(x, f, i, &sj))
            return sj;
        sj.first = role_left(x, f);
        if (sj.first > 0 && tok_is(x, &x->t[sj.first - 1], "the"))
            sj.first--;
        sj.last = i;
        if (run_is_body(x, f, l)) {
            sj.kind = SUBJ_NAME;
            sj.org = true;
            sj.nf = f;
            /* "the Chilean Foreign Ministry": "the" is not in its name;
             * "The Harbour Times" keeps its own. */
            if (tok_is(x, &x->t[f], "The") && !(x->t[l].cls & LEX_PRESS))
                sj.nf = f + 1;
            sj.nl = l;
            text_country(x, x->t[sj.first].s, x->t[l].e, sj.cc);
            if (sj.cc[0] == '\0') {
                /* "the Federal Trade Commission": a body that
                 * stands for its state, by its whole name. */
                const char *c = country_lookup(x->s + x->t[sj.nf].s,
                                               x->t[l].e - x->t[sj.nf].s);
                if (c != NULL)
                    memcpy(sj.cc, c, 3);
            }
            return sj;
        }
        nf = run_name_start(x, f, l);
        if (nf > l) {
            /* Titles only: "the Foreign Minister said". */
            if (sj.first > 0 && tok_has(&x->t[sj.first - 1], LEX_DEF)) {
                sj.kind = SUBJ_DEF;
                sj.first--;
                sj.nf = f;
                sj.nl = l;
            }
            return sj;
        }
        {
            size_t m;
            for (m = nf; m <= l; m++)
                if (!name_word(x, &x->t[m]) &&
                    !(x->t[m].cls & (LEX_SUFFIX | LEX_PARTICLE)))
                    return sj;
        }
        if (run_is_place(x, nf, l))
            return sj;
        sj.kind = SUBJ_NAME;
        sj.nf = nf;
        sj.nl = l;
        if (nf > f && (x->t[nf - 1].cls & (LEX_MALE | LEX_FEMALE)))
            sj.gender = tok_gender(&x->t[nf - 1]);
        if (nf > sj.first) {
            size_t rf = sj.first;
            if (tok_has(&x->t[rf], LEX_DEF))
                rf++;
            /* An honorific alone is no role. */
            if (!(nf == rf + 1 && (x->t[rf].cls & LEX_HONORIFIC))) {
                sj.rs = x->t[rf].s;
                sj.re = x->t[nf - 1].e;
            }
        }
        return sj;
    }
    /* Lower case: "a senior official", "the ministry", "the Halvorsen
     * campaign", "officials". */
    for (f = i; f > 0 && i - f < 7; f--) {
        const struct tok *p = &x->t[f];
        if (!tok_word(p) || p->para != k->para) {
            /* "officials said", "local residents said" */
            if (f < i && (k->cls & LEX_ANON) && x->s[k->e - 1] == 's' &&
                !k->poss) {
                sj.kind = SUBJ_ANON;
                sj.first = f + 1;
                sj.last = sj.nf = sj.nl = i;
                sj.rs = x->t[f + 1].s;
                sj.re = k->e;
                return sj;
            }
            return sj;
        }
        if (p->cls & (LEX_INDEF | LEX_DEF))
            break;
        /* "the former mayor and U.S. senator": two roles of one */
        if (f < i && f > 0 && tok_is(x, p, "and") &&
            (x->t[f - 1].cls & LEX_ROLE) && !x->t[f - 1].cap)
            continue;
        if (f < i && (p->cls & (LEX_CLAUSE | LEX_CUE | LEX_PASSIVE)))
            return sj;
        if (f == i && !(p->cls & (LEX_ANON | LEX_ROLE | LEX_BODY)))
            return sj;
    }
    if (!tok_word(&x->t[f]))
        return sj;
    sj.first = f;
    sj.last = i;
    sj.nf = f + 1;
    sj.nl = i;
    /* "a Regional Audit Office report", "a Coastal Agency
     * memo": the body speaks through its document. */
    if ((k->cls & LEX_DOC) && i > f + 1 && x->t[i - 1].cap &&
        tok_word(&x->t[i - 1])) {
        size_t b = run_left(x, i - 1);
        if (b <= f)
            b = f + 1;  /* "A Regional Audit Office report": after "A" */
        if (b < i && x->t[b].cap && !(x->t[b].cls & LEX_FUNC)) {
            sj.kind = SUBJ_NAME;
            sj.org = true;
            sj.first = f;
            sj.last = i;
            sj.nf = b;
            sj.nl = i - 1;
            text_country(x, x->t[b].s, x->t[i - 1].e, sj.cc);
            return sj;
        }
    }
    if (x->t[f].cls & LEX_INDEF) {
        if (!(k->cls & (LEX_ANON | LEX_ROLE)))
            return sj;
        sj.kind = SUBJ_ANON;
        sj.rs = x->t[f].s;
        sj.re = k->e;
        text_country(x, x->t[f].s, k->e, sj.cc);
        return sj;
    }
    if (x->t[f].cls & LEX_DEF) {
        /* "the Halvorsen campaign": a capital before a lower-case body. */
        if ((k->cls & LEX_BODY) && i > f + 1 && x->t[i - 1].cap &&
            !(x->t[i - 1].cls & LEX_TITLE) &&
            tok_country(x, i - 1, &(size_t){0}) == NULL) {
            sj.kind = SUBJ_NAME;
            sj.org = true;
            sj.nf = f + 1;
            return sj;
        }
        /* "his spokesman": someone unnamed. */
        if (!(x->t[f].cls & LEX_DEF) || !tok_is(x, &x->t[f], "the")) {
            if (!tok_is(x, &x->t[f], "The") && (k->cls & LEX_ANON)) {
                sj.kind = SUBJ_ANON;
                sj.rs = x->t[f].s;
                sj.re = k->e;
                return sj;
            }
        }
        if (k->cls & (LEX_ROLE | LEX_BODY | LEX_ANON)) {
            sj.kind = SUBJ_DEF;
            sj.rs = x->t[f + 1 <= i ? f + 1 : f].s;
            sj.re = k->e;
            text_country(x, x->t[f].s, k->e, sj.cc);
        }
        return sj;
    }
    return sj;
}

/* Skips adverbs and auxiliaries left of token c ("also said", "has
 * said"); returns the token before them, or SIZE_MAX. */
static size_t
skip_adverbs_left(const struct ctx *x, size_t c)
{
    size_t j = c;

    /* "X is quoted as saying", "was quoted as saying" */
    if (j >= 3 && tok_is(x, &x->t[j - 1], "as") &&
        tok_is(x, &x->t[j - 2], "quoted") &&
        (x->t[j - 3].cls & LEX_PASSIVE))
        j -= 3;
    /* "Smith went on to say", "she continued to argue" */
    if (j >= 2 && tok_is(x, &x->t[j - 1], "to")) {
        size_t v = j - 1, m = 0;
        while (v > 0 && m < 3 && tok_word(&x->t[v - 1]) && !x->t[v - 1].cap &&
               !(x->t[v - 1].cls & (LEX_PRONOUN_M | LEX_PRONOUN_F |
                                    LEX_DEF | LEX_INDEF | LEX_ANON |
                                    LEX_ROLE | LEX_BODY)) &&
               !tok_is(x, &x->t[v - 1], "to")) {
            v--;
            m++;
        }
        if (m > 0 && v > 0 && tok_word(&x->t[v - 1]) &&
            (x->t[v - 1].cap ||
             (x->t[v - 1].cls & (LEX_PRONOUN_M | LEX_PRONOUN_F))))
            j = v;
    }

    while (j > 0) {
        const struct tok *k = &x->t[j - 1];
        size_t n = k->e - k->s;
        if (tok_word(k) && !k->cap &&
            ((k->cls & LEX_ADVERB) ||
             (n > 4 && memcmp(x->s + k->e - 2, "ly", 2) == 0 &&
              !(k->cls & (LEX_ANON | LEX_ROLE))))) {
            j--;
            continue;
        }
        break;
    }
    return j > 0 ? j - 1 : SIZE_MAX;
}

/* A description that ends before the comma at token p ("The head of the
 * dockers' union", "Its coach", "Brazil's agriculture minister"): returns
 * its first token after any determiner, or SIZE_MAX when the words before
 * the comma are no description. */
static size_t
desc_left(const struct ctx *x, size_t p)
{
    size_t i = p, head = 0;

    while (i > 0 && p - i < 12) {
        const struct tok *k = &x->t[i - 1];
        if (k->para != x->t[p].para || tok_stop(k) || k->kind == TOK_QUOTE)
            break;
        if (k->kind == TOK_PUNCT) {
            if (k->c == '\'' || k->c == 0x2019 || k->c == '-')
                {
                    i--;
                    continue;
                }
            break;
        }
        if (k->cls & (LEX_INDEF | LEX_DEF)) {
            if (head)
                return i;
            i--;
            continue;
        }
        if ((k->cls & (LEX_CUE | LEX_PRONOUN_M | LEX_PRONOUN_F)) ||
            (!k->cap && (k->cls & LEX_CLAUSE) && !tok_is(x, k, "of") &&
             !tok_is(x, k, "at") && !tok_is(x, k, "for")))
            break;
        if (k->cls & (LEX_ROLE | LEX_ANON | LEX_TITLE))
            head++;
        /* "Brazil's agriculture minister" */
        if (k->poss && head && tok_country(x, i - 1, &(size_t){0}) != NULL)
            return i - 1;
        i--;
    }
    if (head && (i == 0 || tok_stop(&x->t[i - 1]) ||
                 x->t[i - 1].para != x->t[p].para))
        return i;
    return SIZE_MAX;
}

/* The subject of the cue at token c, to its left: "X said", "X, a doctor,
 * said", "Sen. X (D-Md.) said", "X, who chairs the panel, said". */
static struct subj sentence_subject(const struct ctx *x, size_t c);

/* Whether a word holds an apostrophe: "He’d", "We're" open sentences but
 * name no one. */
static bool
contraction(const struct ctx *x, const struct tok *k)
{
    size_t i;

    for (i = k->s; i < k->e; i++)
        if (x->s[i] == '\'' || ((unsigned char)x->s[i] == 0xe2 &&
                                i + 2 < k->e &&
                                (unsigned char)x->s[i + 1] == 0x80 &&
                                (unsigned char)x->s[i + 2] == 0x99))
            return true;
    return false;
}

static struct subj
subject_left(const struct ctx *x, size_t c)
{
    struct subj sj = {0};
    size_t j = skip_adverbs_left(x, c), p;
    size_t rs = 0, re = 0;
    char cc[3] = "";
    bool tag = false;

    if (j == SIZE_MAX || x->t[j].para != x->t[c].para)
        return sj;
    /* "X, now the majority leader, who in 2010 said": the antecedent of
     * the relative pronoun speaks. */
    {
        size_t w = j, m = 0;
        while (w > 0 && m < 4 && !tok_is(x, &x->t[w], "who") &&
               tok_word(&x->t[w]) && !x->t[w].cap &&
               !(x->t[w].cls & (LEX_CUE | LEX_PRONOUN_M | LEX_PRONOUN_F))) {
            w--;
            m++;
        }
        if (w > 1 && (tok_is(x, &x->t[w], "who") ||
                      tok_is(x, &x->t[w], "which")) &&
            (tok_punct(&x->t[w - 1], ',') ||
             (tok_word(&x->t[w - 1]) && x->t[w - 1].cap))) {
            size_t a = tok_punct(&x->t[w - 1], ',') ? w - 2 : w - 1, q;
            /* skip an appositive: "X, now the leader, who" */
            for (q = a; q > 0 && a - q < 12 && !tok_punct(&x->t[q], ',') &&
                        !tok_stop(&x->t[q]); q--)
                ;
            if (tok_punct(&x->t[q], ',') && q > 0 && x->t[q - 1].cap)
                a = q - 1;
            sj = np_left(x, a);
            if (sj.kind == SUBJ_NAME)
                return sj;
            return (struct subj){0};
        }
    }
    if (x->t[j].kind == TOK_PUNCT && x->t[j].c == ')') {
        for (p = j; p > 0 && j - p < 8 && !tok_punct(&x->t[p], '('); p--)
            ;
        if (!tok_punct(&x->t[p], '(') || p == 0)
            return sj;
        tag = party_tag(x, p, j);
        if (tag)
            memcpy(cc, "US", 3);
        j = p - 1;
    } else if (tok_punct(&x->t[j], ',')) {
        /* An appositive between commas: the name is before it. */
        for (p = j; p-- > 0 && j - p < 24;) {
            const struct tok *k = &x->t[p];
            if (tok_stop(k) || k->kind == TOK_QUOTE || k->para != x->t[c].para)
                return sj;
            if (tok_punct(k, ','))
                break;
        }
        if (p == SIZE_MAX || p == 0 || !tok_punct(&x->t[p], ','))
            return sj;
        {
            /* "in Dayton, Ohio, arguing": a town and its state or
             * country is a place, not a person and a role. */
            size_t used = 0;
            if ((tok_usstate(x, p + 1, &used) ||
                 (used = 0, tok_country(x, p + 1, &used) != NULL)) &&
                p + 1 + used == j)
                return sj;
        }
        {
            /* "The head of the union, Oskar Brandt, said": the name is
             * between the commas, its description before them. */
            struct subj in = np_left(x, j - 1);
            size_t d = desc_left(x, p);
            if (in.kind == SUBJ_NAME && !in.org && in.first == p + 1 &&
                d != SIZE_MAX) {
                in.rs = x->t[d].s;
                in.re = x->t[p - 1].e;
                in.appos = true;
                in.first = d > 0 && tok_has(&x->t[d - 1], LEX_DEF | LEX_INDEF)
                               ? d - 1 : d;
                text_country(x, in.rs, in.re, in.cc);
                return in;
            }
        }
        {
            const struct tok *a0 = &x->t[p + 1];
            /* "X, who ...," and "X, 45," keep no role. */
            if (j == p + 2 &&
                country_party_tag(x->s + a0->s, a0->e - a0->s) != NULL) {
                memcpy(cc, "US", 3);    /* ", R-Ky.," */
            } else if (!tok_is(x, a0, "who") && !(x->s[a0->s] >= '0' &&
                                                 x->s[a0->s] <= '9') &&
                       !(!a0->cap && (a0->cls & LEX_CLAUSE))) {
                /* ", in a message to fundraisers," is no role */
                size_t from = p + 1;
                if (x->t[from].cls & (LEX_DEF | LEX_INDEF))
                    from++;
                if (from < j) {
                    rs = x->t[from].s;
                    re = x->t[j - 1].e;
                }
            }
        }
        j = p - 1;
        if (x->t[j].kind == TOK_PUNCT && x->t[j].c == ')') {
            size_t o;
            for (o = j; o > 0 && j - o < 8 && !tok_punct(&x->t[o], '('); o--)
                ;
            if (tok_punct(&x->t[o], '(') && o > 0 && party_tag(x, o, j)) {
                memcpy(cc, "US", 3);
                j = o - 1;
            }
        }
        sj = np_left(x, j);
        if (sj.kind != SUBJ_NAME && sj.kind != SUBJ_PRONOUN)
            return (struct subj){0};
        if (rs < re && sj.rs == sj.re) {
            sj.rs = rs;
            sj.re = re;
            sj.appos = true;
        }
        if (sj.rs < sj.re && sj.cc[0] == '\0')
            text_country(x, sj.rs, sj.re, sj.cc);
        if (cc[0] != '\0' && sj.cc[0] == '\0')
            memcpy(sj.cc, cc, 3);
        return sj;
    }
    sj = np_left(x, j);
    if (sj.kind == SUBJ_NONE) {
        /* "A GAO report released last year found": a document and the
         * participle phrase that follows it. */
        size_t d;
        for (d = j; d > 0 && j - d < 5 && tok_word(&x->t[d]) &&
                    !x->t[d].cap; d--)
            if ((x->t[d - 1].cls & LEX_DOC) && tok_word(&x->t[d]) &&
                x->t[d].e - x->t[d].s > 3 &&
                memcmp(x->s + x->t[d].e - 2, "ed", 2) == 0) {
                sj = np_left(x, d - 1);
                break;
            }
    }
    if (tag && sj.cc[0] == '\0')
        memcpy(sj.cc, cc, 3);
    if (sj.rs < sj.re && sj.cc[0] == '\0')
        text_country(x, sj.rs, sj.re, sj.cc);
    return sj;
}

/* After an inverted cue at token i, a description [d, c) then a comma at
 * c and a name: "said the festival's founder, Gwen Morgan". Fills *sj
 * with the name, the description as its role, and returns true. */
static bool
name_after_desc(const struct ctx *x, size_t i, size_t d, size_t c,
                struct subj *sj)
{
    struct subj n;

    if (c + 1 >= x->n || !tok_punct(&x->t[c], ',') || !x->t[c + 1].cap ||
        !name_word(x, &x->t[c + 1]))
        return false;
    n = np_left(x, run_right(x, c + 1));
    if (n.kind != SUBJ_NAME || n.org || n.first != c + 1)
        return false;
    n.first = i;
    n.rs = x->t[d].s;
    n.re = x->t[c - 1].e;
    n.appos = true;
    text_country(x, n.rs, n.re, n.cc);
    *sj = n;
    return true;
}

/* The subject after an inverted cue at token i: "said X", "said the
 * minister, X", "said Y, the French foreign minister". */
static struct subj
subject_right(const struct ctx *x, size_t i)
{
    struct subj sj = {0};
    size_t e = i, d;

    if (i >= x->n || !tok_word(&x->t[i]))
        return sj;
    if (x->t[i].cls & (LEX_PRONOUN_M | LEX_PRONOUN_F))
        return np_left(x, i);
    if (x->t[i].cls & LEX_INDEF) {
        /* "said a senior official" */
        for (e = i + 1; e < x->n && e < i + 6 && tok_word(&x->t[e]) &&
                        !x->t[e].cap; e++)
            if (x->t[e].cls & LEX_ANON)
                return np_left(x, e);
        return sj;
    }
    d = i;
    if (x->t[d].cls & LEX_DEF)
        d++;
    /* "said port director Nils Aalto", "said Kenyan runner Mercy Atieno":
     * a short description first. */
    for (e = d; e < x->n && e < d + 6 &&
                (tok_word(&x->t[e]) || (tok_punct(&x->t[e], '/') && e > d));
         e++) {
        const struct tok *k = &x->t[e];
        if (!tok_word(k))
            continue;
        if (k->cap) {
            if (name_word(x, k) && !(k->cls & LEX_PARTICLE) &&
                tok_country(x, e, &(size_t){0}) == NULL)
                break;
            continue;
        }
        if (k->cls & (LEX_CLAUSE | LEX_CUE))
            break;
    }
    /* "said the festival's founder, Gwen Morgan": the name after the
     * description's comma. */
    if (e > d && (x->t[e - 1].cls & (LEX_ROLE | LEX_ANON)) &&
        name_after_desc(x, i, d, e, &sj))
        return sj;
    if (e >= x->n || !tok_word(&x->t[e]) || !x->t[e].cap) {
        /* "said the ministry" */
        if (e > d && e - 1 >= d && (x->t[e - 1].cls & (LEX_ROLE | LEX_BODY |
                                                       LEX_ANON)))
            return np_left(x, e - 1);
        return sj;
    }
    e = run_right(x, e);
    /* "said Sandoval's spokeswoman, Irene Mata": the name after the comma,
     * the possessive description its role; without a name, unnamed. */
    if (x->t[e].poss) {
        size_t h = e + 1;
        while (h < x->n && h < e + 4 && tok_word(&x->t[h]) && !x->t[h].cap &&
               !(x->t[h].cls & (LEX_CLAUSE | LEX_CUE)))
            h++;
        if (h == e + 1 || !(x->t[h - 1].cls & (LEX_ROLE | LEX_ANON)))
            return sj;
        if (name_after_desc(x, i, d, h, &sj))
            return sj;
        sj = (struct subj){.kind = SUBJ_ANON, .first = i, .last = h - 1,
                           .nf = h - 1, .nl = h - 1, .rs = x->t[i].s,
                           .re = x->t[h - 1].e};
        return sj;
    }
    /* "said Nora Whitcombe of Maryland" */
    if (e + 2 < x->n && tok_is(x, &x->t[e + 1], "of") && x->t[e + 2].cap &&
        !run_is_body(x, run_left(x, e), e) &&
        ((x->t[e + 2].cls & LEX_USSTATE) ||
         tok_country(x, e + 2, &(size_t){0}) != NULL)) {
        sj = np_left(x, e);
        text_country(x, x->t[e + 2].s, x->t[run_right(x, e + 2)].e, sj.cc);
    } else {
        sj = np_left(x, e);
    }
    if (sj.kind != SUBJ_NAME && sj.kind != SUBJ_DEF)
        return (struct subj){0};
    if (sj.first < i)
        sj.first = i;
    /* An appositive after the name: ", the French foreign minister",
     * ", 67, a retired ferryman", ", Washington's envoy to the talks". */
    if (sj.kind == SUBJ_NAME && e + 2 < x->n && tok_punct(&x->t[e + 1], ',')) {
        size_t a = e + 2, z;
        if (a + 1 < x->n && x->s[x->t[a].s] >= '0' && x->s[x->t[a].s] <= '9' &&
            tok_punct(&x->t[a + 1], ','))
            a += 2;
        if (a < x->n && tok_word(&x->t[a]) && (x->t[a].cls & (LEX_DEF |
                                                              LEX_INDEF)))
            a++;
        if (a < x->n && tok_word(&x->t[a]) &&
            !(x->t[a].cls & (LEX_CLAUSE | LEX_PRONOUN_M | LEX_PRONOUN_F |
                             LEX_CUE)) &&
            (!x->t[a].cap || x->t[a].poss ||
             (x->t[a].cls & (LEX_TITLE | LEX_USMARK | LEX_INTL)) ||
             tok_country(x, a, &(size_t){0}) != NULL)) {
            for (z = a; z < x->n && z < a + 12; z++) {
                const struct tok *k = &x->t[z];
                if (!tok_word(k) && !tok_punct(k, '\'') &&
                    !tok_punct(k, 0x2019))
                    break;
                if (tok_word(k) && ((k->cls & LEX_CUE) ||
                                    tok_is(x, k, "who") ||
                                    tok_is(x, k, "which") ||
                                    tok_is(x, k, "that")))
                    break;
            }
            if (z > a && sj.rs == sj.re) {
                sj.rs = x->t[a].s;
                sj.re = x->t[z - 1].e;
                sj.appos = true;
                text_country(x, sj.rs, sj.re, sj.cc);
            }
        }
    }
    return sj;
}

/* ---- cues -------------------------------------------------------------- */

/* Token c is a speech verb used as one: not "was told", not "the claims". */
static bool
cue_at(const struct ctx *x, size_t c, bool headline)
{
    const struct tok *k = &x->t[c];

    if (!tok_word(k))
        return false;
    if (headline && k->cap && !(k->cls & LEX_CUE)) {
        if (!(lexicon_recased(x->s + k->s, k->e - k->s, false) & LEX_CUE))
            return false;
    } else if (!(k->cls & (LEX_CUE | LEX_THAT_CUE | LEX_NAMING_STATEMENT)) ||
               k->cap) {
        return false;
    }
    if (tok_is(x, k, "according"))
        return c + 1 < x->n && tok_is(x, &x->t[c + 1], "to");
    if (tok_is(x, k, "put") || tok_is(x, k, "puts"))
        return c + 1 < x->n && tok_is(x, &x->t[c + 1], "it");
    /* "the report found that", "the court ruled that" */
    if (k->cls & LEX_THAT_CUE)
        return c + 1 < x->n && tok_is(x, &x->t[c + 1], "that");
    /* "issued the following statement", "released a statement" */
    if (k->cls & LEX_NAMING_STATEMENT) {
        size_t j;
        for (j = c + 1; j < x->n && j < c + 5 && tok_word(&x->t[j]); j++)
            if (tok_is(x, &x->t[j], "statement") ||
                tok_is(x, &x->t[j], "remarks"))
                return true;
        return false;
    }
    if (c > 0 && (x->t[c - 1].cls & LEX_PASSIVE))
        return false;
    if (c > 0 && x->t[c - 1].kind == TOK_WORD &&
        (x->t[c - 1].cls & (LEX_DEF | LEX_INDEF)))
        return false;
    return true;
}

/* Where the words after the cue say it was said: "told Fox News", "in a
 * Telegram post", "on Twitter". Sets *vs, *ve to bytes, or leaves them. */
static void
venue_after(const struct ctx *x, size_t c, size_t *vs, size_t *ve)
{
    size_t i = c + 1, e;

    if (tok_is(x, &x->t[c], "according"))
        return;
    if (i < x->n && tok_is(x, &x->t[c], "told") && tok_word(&x->t[i]) &&
        x->t[i].cap) {
        e = run_right(x, i);
        *vs = x->t[i].s;
        *ve = x->t[e].e;
        return;
    }
    if (i < x->n && tok_is(x, &x->t[c], "told") && tok_is(x, &x->t[i], "the") &&
        i + 1 < x->n && x->t[i + 1].cap) {
        e = run_right(x, i + 1);
        *vs = x->t[i + 1].s;
        *ve = x->t[e].e;
        return;
    }
    /* "told a news conference", "told the committee hearing" */
    if (i < x->n && tok_is(x, &x->t[c], "told") &&
        tok_has(&x->t[i], LEX_DEF | LEX_INDEF)) {
        for (e = i + 1; e < x->n && e < i + 5 && tok_word(&x->t[e]) &&
                        !x->t[e].cap && !(x->t[e].cls & LEX_CLAUSE); e++)
            if (x->t[e].cls & LEX_VENUE) {
                *vs = x->t[i].s;
                *ve = x->t[e].e;
                return;
            }
    }
    while (i < x->n && tok_word(&x->t[i]) && !x->t[i].cap &&
           (x->t[i].cls & LEX_ADVERB))
        i++;
    if (i + 1 < x->n && (tok_is(x, &x->t[i], "in") || tok_is(x, &x->t[i], "on")) &&
        tok_word(&x->t[i + 1]) && !(x->t[i + 1].cls & LEX_TIME) &&
        !(x->s[x->t[i + 1].s] >= '0' && x->s[x->t[i + 1].s] <= '9')) {
        for (e = i + 1; e < x->n && e < i + 7 && tok_word(&x->t[e]) &&
                        !tok_is(x, &x->t[e], "that") &&
                        !(x->t[e].cls & LEX_TIME); e++)
            ;
        if (e > i + 1) {
            *vs = x->t[i + 1].s;
            *ve = x->t[e - 1].e;
        }
    }
}

/* ---- attribution ------------------------------------------------------- */

struct found {
    struct subj sj;
    size_t cue;             /* token, or SIZE_MAX */
    const char *method;
    double confidence;
};

static bool
subj_ok(const struct subj *sj)
{
    return sj->kind != SUBJ_NONE;
}

/* After the quote: "…," X said / "…," said X / "…" X wrote on … */
static struct found
find_after(const struct ctx *x, size_t qt)
{
    struct found fd = {.cue = SIZE_MAX};
    size_t i = qt + 1, c;
    bool hl = x->headline[x->t[qt].para];

    while (i < x->n && x->t[i].kind == TOK_PUNCT &&
           (x->t[i].c == ',' || tok_dash(&x->t[i])))
        i++;
    if (i >= x->n || tok_stop(&x->t[i]) || !tok_word(&x->t[i]))
        return fd;
    /* Adverbs before an inverted cue: "…," added Smith. */
    for (c = i; c < x->n && c < i + ATTRIB_AFTER_REACH; c++) {
        const struct tok *k = &x->t[c];
        if (tok_stop(k) || k->kind == TOK_QUOTE)
            break;
        if (!cue_at(x, c, hl))
            continue;
        if (c == i || skip_adverbs_left(x, c) + 1 == i) {
            size_t at = tok_is(x, k, "according") ? c + 2 : c + 1;
            fd.sj = subject_right(x, at);
        } else {
            fd.sj = subject_left(x, c);
            fd.confidence = 0.9;
            /* "A cashier who "steals" is held accountable, Brandt said":
             * the quote ends inside a sentence that a comma and its
             * attribution close. */
            if (subj_ok(&fd.sj) && fd.sj.first != i) {
                size_t z = c + 1;
                while (z < x->n && tok_word(&x->t[z]) && z < c + 6 &&
                       (x->t[z].cls & (LEX_TIME | LEX_ADVERB)))
                    z++;
                size_t y;
                bool desc = fd.sj.first > i && fd.sj.first - i <= 5;
                for (y = i; desc && y < fd.sj.first; y++)
                    if (!tok_word(&x->t[y]) ||
                        (x->t[y].cls & (LEX_CLAUSE | LEX_CUE | LEX_PASSIVE |
                                        LEX_PRONOUN_M | LEX_PRONOUN_F)))
                        desc = false;
                if (desc && fd.sj.kind == SUBJ_NAME)
                    fd.confidence = 0.8;
                else if (fd.sj.first > 0 &&
                         tok_punct(&x->t[fd.sj.first - 1], ',') &&
                         z < x->n && (tok_stop(&x->t[z]) ||
                                      tok_punct(&x->t[z], ',')))
                    fd.confidence = 0.75;
                else
                    fd.sj.kind = SUBJ_NONE;
            }
        }
        if (!subj_ok(&fd.sj))
            return fd;
        fd.cue = c;
        fd.method = "adjacent";
        if (fd.confidence == 0)
            fd.confidence = 0.9;
        return fd;
    }
    return fd;
}

/* The subject of the sentence around token c: the first name or pronoun
 * that opens it or follows an opening phrase's comma and is followed by a
 * lower-case word ("During the speech, Halvorsen attacked Okafor, saying …").
 * For a participle cue that has no subject of its own. */
static struct subj
sentence_subject(const struct ctx *x, size_t c)
{
    struct subj none = {0};
    size_t i = c, st;

    while (i > 0 && x->t[i - 1].sent == x->t[c].sent &&
           x->t[i - 1].para == x->t[c].para && x->t[i - 1].kind != TOK_QUOTE)
        i--;
    st = i;
    for (; i < c; i++) {
        const struct tok *k = &x->t[i];
        size_t e;
        if (!tok_word(k) || !(i == st || tok_punct(&x->t[i - 1], ',')))
            continue;
        if (k->cls & (LEX_PRONOUN_M | LEX_PRONOUN_F))
            return np_left(x, i);
        if (!k->cap || (k->cls & LEX_FUNC))
            continue;
        /* "Opposition leader Sara Holmqvist disagreed": titles and role
         * words before the name. */
        while (i + 1 < c && tok_word(&x->t[i]) && !name_word(x, &x->t[i]) &&
               ((x->t[i].cls & (LEX_TITLE | LEX_ROLE | LEX_ANON)) ||
                tok_country(x, i, &(size_t){0}) != NULL))
            i++;
        if (!tok_word(&x->t[i]) || !x->t[i].cap)
            return none;
        e = run_right(x, i);
        /* "Ministry spokesman Pavel Drozdov declined": a body's role word,
         * then the name */
        if (e + 2 < c && tok_word(&x->t[e + 1]) && !x->t[e + 1].cap &&
            (x->t[e + 1].cls & (LEX_ROLE | LEX_ANON)) &&
            tok_word(&x->t[e + 2]) && x->t[e + 2].cap)
            e = run_right(x, e + 2);
        if (e + 1 < c && tok_word(&x->t[e + 1]) && !x->t[e + 1].cap &&
            (!(x->t[e + 1].cls & (LEX_CLAUSE | LEX_PARTICLE)) ||
             (x->t[e + 1].cls & LEX_AUX))) {
            struct subj sj = np_left(x, e);
            if (sj.kind == SUBJ_NAME)
                return sj;
        }
        return none;
    }
    return none;
}

/* Whether token c opens a subordinate clause whose subject is "he" or
 * "she": "after she attacked", "because he had". */
static bool
subordinate_subject(const struct ctx *x, size_t c)
{
    const struct tok *n = &x->t[c + 1];

    return tok_word(&x->t[c]) && (x->t[c].cls & LEX_SUBORD) &&
           tok_word(n) && (tok_is(x, n, "he") || tok_is(x, n, "she"));
}

/* Before the quote, in its sentence: X said: "…" / X told Y that "…" /
 * X called it a "…" / according to X, "…". The nearest cue with a subject
 * wins. */
static struct found
find_before(const struct ctx *x, size_t qt)
{
    struct found fd = {.cue = SIZE_MAX};
    size_t c;
    bool hl = x->headline[x->t[qt].para];
    enum gender sub_g = G_NONE;     /* a subject pronoun between */

    /* "The mayor is rolling out a new message: "It is about us."": the words
     * of the sentence's subject. */
    if (qt >= 2 && tok_punct(&x->t[qt - 1], ':') && tok_word(&x->t[qt - 2]) &&
        (x->t[qt - 2].cls & LEX_WORDS) && x->t[qt - 2].sent == x->t[qt].sent &&
        !hl) {
        fd.sj = sentence_subject(x, qt - 2);
        if (fd.sj.kind == SUBJ_NAME) {
            fd.cue = qt - 2;
            fd.method = "adjacent";
            fd.confidence = 0.7;
            return fd;
        }
        fd.sj = (struct subj){0};
    }
    for (c = qt; c-- > 0 && qt - c <= ATTRIB_BEFORE_REACH;) {
        const struct tok *k = &x->t[c];
        if (tok_stop(k) || k->para != x->t[qt].para)
            return fd;
        if (k->kind == TOK_QUOTE && x->t[c].sent != x->t[qt].sent)
            return fd;
        if (c + 1 < qt && subordinate_subject(x, c))
            sub_g = tok_is(x, &x->t[c + 1], "he") ? G_MALE : G_FEMALE;
        if (!cue_at(x, c, hl))
            continue;
        if (tok_is(x, k, "according"))
            fd.sj = subject_right(x, c + 2);
        else
            fd.sj = subject_left(x, c);
        fd.confidence = qt - c <= 3 ? 0.85 : 0.75;
        if (!subj_ok(&fd.sj) && k->e - k->s > 4 &&
            memcmp(x->s + k->e - 3, "ing", 3) == 0 &&
            (tok_punct(&x->t[c - 1], ',') || c == 0)) {
            fd.sj = sentence_subject(x, c);
            fd.confidence -= 0.1;
        }
        if (!subj_ok(&fd.sj) && c > 0 &&
            (tok_is(x, &x->t[c - 1], "but") ||
             tok_is(x, &x->t[c - 1], "and"))) {
            /* "X declined to comment but said "…"": a second verb of
             * the subject of the verb before ("his lawyer, X, told the
             * court ... and added"), else of the sentence's subject; a
             * person or body the article names (not any capital word
             * that opens it: "People") */
            size_t c2;
            fd.sj = (struct subj){0};
            for (c2 = c - 1; c2-- > 0 && x->t[c2].sent == k->sent &&
                             x->t[c2].kind != TOK_QUOTE;)
                if (cue_at(x, c2, hl)) {
                    fd.sj = subject_left(x, c2);
                    break;
                }
            if (!subj_ok(&fd.sj))
                fd.sj = sentence_subject(x, c);
            if (!(fd.sj.kind == SUBJ_PRONOUN ||
                  (fd.sj.kind == SUBJ_NAME &&
                   ent_known(x, fd.sj.nf, fd.sj.nl, fd.sj.org) &&
                   !contraction(x, &x->t[fd.sj.nl]))))
                fd.sj = (struct subj){0};
            fd.confidence -= 0.1;
        }
        if (!subj_ok(&fd.sj))
            continue;
        if (sub_g != G_NONE) {
            /* "X described her as a disgrace after she blamed it on
             * "…"": a clause whose subject cannot be X stands between
             * the cue and the quote. */
            enum gender g = fd.sj.gender;
            if (g == G_NONE && fd.sj.kind == SUBJ_NAME)
                g = tok_gender(&x->t[fd.sj.nf]);
            if (g != G_NONE && g != sub_g)
                return (struct found){.cue = SIZE_MAX};
        }
        fd.cue = c;
        fd.method = "adjacent";
        return fd;
    }
    return fd;
}

/* A transcript line: "HALVORSEN: …" or "Mr. Smith: …" at a paragraph start.
 * Returns the label's last token, or SIZE_MAX. */
static size_t
find_label(const struct ctx *x, size_t qt)
{
    size_t p0, i;

    p0 = x->pstart[x->t[qt].para];
    for (i = p0; i < qt && i < p0 + 4; i++)
        if (tok_punct(&x->t[i], ':'))
            break;
    if (i == p0 || i >= qt || i >= p0 + 4 || !tok_punct(&x->t[i], ':'))
        return SIZE_MAX;
    {
        size_t k;
        for (k = p0; k < i; k++)
            if (!tok_word(&x->t[k]) || !x->t[k].cap)
                return SIZE_MAX;
    }
    return i - 1;
}

/* Whether a word has a capital after a lower-case letter ("HammonsImage":
 * a caption glued to a name). */
static bool
camel_case(const struct ctx *x, const struct tok *k)
{
    size_t i;

    for (i = k->s + 1; i < k->e; i++)
        if (x->s[i] >= 'A' && x->s[i] <= 'Z' && x->s[i - 1] >= 'a' &&
            x->s[i - 1] <= 'z')
            return true;
    return false;
}

/* How many paragraphs back a transcript's label still holds. */
#define LABEL_REACH 12

static bool label_settle(struct ctx *x, size_t k, size_t lab);

/* "I said", "I told him" in a transcript: the speaker of the label that
 * opens the quote's paragraph or the latest paragraph before it that
 * opens with one (within LABEL_REACH paragraphs), when the article has
 * two labels or more; in any other text "I" is the writer, no one the
 * article names. */
static bool
label_first_person(struct ctx *x, size_t k, struct found *fd)
{
    uint32_t p = x->t[x->qtok[k]].para, q;
    size_t lab = SIZE_MAX, labels = 0;

    /* "He said, 'X.' I said, 'Y.'": an "I said" after a quote that ends
     * its sentence introduces the next one. */
    if (fd->cue > x->qtok[k] &&
        quote_ends_sentence(x->s, &x->spans[k]))
        return false;
    for (q = 0; q < x->a->npara; q++) {
        size_t p0 = x->pstart[q], j = p0;
        if (p0 >= x->n || x->t[p0].para != q)
            continue;
        /* a label: one to three capitalised words, then a colon */
        while (j < x->n && j < p0 + 4 && tok_word(&x->t[j]) &&
               x->t[j].cap && x->t[j].para == q &&
               !camel_case(x, &x->t[j]))
            j++;
        if (j == p0 || j >= x->n || !tok_punct(&x->t[j], ':') ||
            x->t[j].para != q)
            continue;
        labels++;
        if (q <= p && p - q <= LABEL_REACH)
            lab = j - 1;
    }
    if (lab == SIZE_MAX || labels < 2 || (x->t[lab].cls & LEX_FUNC))
        return false;
    if (!label_settle(x, k, lab) || x->recs[k].method == NULL)
        return false;
    x->recs[k].confidence = 0.6;
    return true;
}

static char *
body_dup(const struct ctx *x, size_t s, size_t e)
{
    struct buf b = {0};
    size_t i = s;

    /* A no-break space inside a name prints as a space. */
    while (i < e) {
        size_t at = i;
        int32_t c = utf8_decode(x->s, e, &i);
        if (c == 0xa0 || c == '\n')
            buf_append(&b, " ", 1);
        else
            buf_append(&b, x->s + at, i - at);
    }
    return buf_take(&b);
}

/* Fills record r's evidence from a found subject and cue. */
static void
fill_evidence(struct ctx *x, struct record *r, const struct found *fd)
{
    const struct subj *sj = &fd->sj;
    size_t vs = 0, ve = 0;

    r->method = fd->method;
    r->confidence = fd->confidence;
    if (fd->cue != SIZE_MAX) {
        const struct tok *c = &x->t[fd->cue];
        r->cue_start = c->s;
        r->cue_end = c->e;
        if (tok_is(x, c, "according"))
            r->cue_end = x->t[fd->cue + 1].e;
        r->cue = xstrndup(x->s + r->cue_start, r->cue_end - r->cue_start);
        venue_after(x, fd->cue, &vs, &ve);
        if (ve > vs)
            r->venue = body_dup(x, vs, ve);
    }
    if (sj->kind == SUBJ_NAME) {
        r->speaker_start = x->t[sj->nf].s;
        r->speaker_end = x->t[sj->nl].e;
    } else {
        r->speaker_start = x->t[sj->first].s;
        r->speaker_end = x->t[sj->last].e;
    }
    r->speaker_as_written = body_dup(x, r->speaker_start, r->speaker_end);
}

/* Whether a role s[lo..hi) is a US-style lawmaker's title. */
static bool
us_lawmaker(const struct ctx *x, size_t lo, size_t hi)
{
    static const char *const titles[] = {
        "Rep.", "Sen.", "Congressman", "Congresswoman", "Senator",
        "Representative", "Gov.", "Governor", "Del.", "Speaker",
    };
    size_t k, n;

    for (k = 0; k < sizeof titles / sizeof *titles; k++) {
        n = strlen(titles[k]);
        if (hi - lo >= n && memcmp(x->s + lo, titles[k], n) == 0 &&
            (hi - lo == n || x->s[lo + n] == ' '))
            return true;
    }
    return false;
}

static void
set_entity(struct ctx *x, struct record *r, size_t k, size_t e,
           size_t rs, size_t re, const char *cc)
{
    struct ent *en = &x->ents[e];

    free(r->speaker);
    r->speaker = body_dup(x, en->s, en->e);
    free(r->role);
    r->role = NULL;
    if (rs < re)
        r->role = body_dup(x, rs, re);
    else if (en->rs < en->re)
        r->role = body_dup(x, en->rs, en->re);
    if (cc != NULL && cc[0] != '\0' && en->cc[0] == '\0')
        memcpy(en->cc, cc, 3);
    if (en->cc[0] == '\0' && en->rs < en->re)
        text_country(x, en->rs, en->re, en->cc);
    if (en->cc[0] == '\0' && en->org)
        text_country(x, en->s, en->e, en->cc);
    /* "Rep.", "Sen.", "Congresswoman" in a text set among Democrats,
     * Republicans, Congress and US states: a US lawmaker. */
    if (en->cc[0] == '\0' && !en->org && x->us_marks >= 1 && en->rs < en->re &&
        us_lawmaker(x, en->rs, en->re))
        memcpy(en->cc, "US", 3);
    memcpy(r->country, en->cc, 3);
    en->credits++;
    x->speaker_ent[k] = e + 1;
    x->last_speaker = e + 1;
}

/* Whether the mention ending at token i is the subject of its sentence:
 * it opens the sentence (titles and role words included) or follows an
 * opening phrase's comma, and a verb or an appositive follows it. */
static bool
mention_subject(const struct ctx *x, size_t i)
{
    size_t f = role_left(x, run_left(x, i));
    const struct tok *n;

    /* "Campaign spokesman X" after a name: "Halvorsen campaign spokesman
     * X said" opens its sentence all the same. */
    if (f < run_left(x, i) && f > 0 && tok_word(&x->t[f - 1]) &&
        x->t[f - 1].cap && x->t[f - 1].sent == x->t[i].sent)
        f = run_left(x, f - 1);
    while (f > 0 && tok_has(&x->t[f - 1], LEX_DEF) &&
           x->t[f - 1].sent == x->t[i].sent)
        f--;
    /* "Coach X and striker Y arrived": both are subjects. */
    if (f >= 2 && tok_is(x, &x->t[f - 1], "and") && tok_word(&x->t[f - 2]) &&
        x->t[f - 2].cap && x->t[f - 2].sent == x->t[i].sent)
        return mention_subject(x, f - 2);
    if (f > 0 && x->t[f - 1].sent == x->t[i].sent &&
        x->t[f - 1].para == x->t[i].para && !tok_punct(&x->t[f - 1], ','))
        return false;
    if (i + 1 >= x->n)
        return false;
    /* "Okafor communication director Lena Brandt said": a name
     * that modifies a role before another name is not the subject. */
    {
        size_t j = i + 1;
        while (j < x->n && j < i + 4 && tok_word(&x->t[j]) && !x->t[j].cap &&
               !(x->t[j].cls & LEX_CLAUSE))
            j++;
        if (j > i + 1 && j < x->n && x->t[j].cap && tok_word(&x->t[j]) &&
            (x->t[j - 1].cls & (LEX_ROLE | LEX_ANON)))
            return false;
    }
    n = &x->t[i + 1];
    return tok_punct(n, ',') || tok_punct(n, '(') ||
           (tok_word(n) && !n->cap && !(n->cls & LEX_PARTICLE) &&
            (!(n->cls & LEX_CLAUSE) || (n->cls & (LEX_PASSIVE | LEX_ADVERB))));
}

/* How many mentions stand before token p (they are in text order). */
static size_t
mentions_before(const struct ctx *x, size_t p)
{
    size_t lo = 0, hi = x->nms;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->ms[mid].tok < p)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Whether a sentence between tokens a and b opens with an unnamed person
 * ("One fisherman, who …, watched", "My aunt has grown old"): someone a
 * pronoun after it may mean. */
static bool
unnamed_between(const struct ctx *x, size_t a, size_t b)
{
    size_t i, j;

    for (i = a + 1; i < b; i++) {
        const struct tok *k = &x->t[i];
        if (!tok_word(k) || !(k->cls & (LEX_INDEF | LEX_POSS_DET)) ||
            (i > 0 && x->t[i - 1].sent == k->sent &&
             x->t[i - 1].para == k->para))
            continue;
        for (j = i + 1; j < b && j < i + 4 && tok_word(&x->t[j]) &&
                        !x->t[j].cap; j++)
            if ((x->t[j].cls & (LEX_ANON | LEX_ROLE)) &&
                !(j + 2 < b && tok_punct(&x->t[j + 1], ',') &&
                  x->t[j + 2].cap))     /* "His captain, Lea Marx," */
                return true;
    }
    return false;
}

/* The person a pronoun at token p stands for, among the people of a
 * compatible gender named in the few sentences before it: nearer is
 * better, a sentence's subject is better than an object, and the speaker
 * of the quote before is better still. Abstains beyond ATTRIB_PARA_REACH
 * paragraphs. Returns the entity + 1, or 0. */
static size_t
resolve_pronoun(const struct ctx *x, size_t p, enum gender g, size_t last)
{
    size_t m = x->nms, best = 0, best_tok = 0;
    uint32_t sent = UINT32_MAX;
    int best_score = INT32_MIN, back = -1;
    bool tie = false;

    m = mentions_before(x, p);
    while (m-- > 0) {
        const struct mention *mm = &x->ms[m];
        const struct ent *e = &x->ents[mm->ent];
        const struct tok *t = &x->t[mm->tok];
        int score;
        if (x->t[p].para - t->para > ATTRIB_PARA_REACH)
            break;
        if (e->org || (g != G_NONE && e->gender != G_NONE && e->gender != g) ||
            x->headline[t->para] ||
            (e->fs == e->ks && e->gender == G_NONE && e->rs == e->re))
            continue;
        if (t->sent != sent) {
            sent = t->sent;
            if (++back >= 3)
                break;
        }
        score = -2 * back + 3 * mention_subject(x, mm->tok) +
                2 * (last == mm->ent + 1) + (e->credits > 0);
        if (score > best_score) {
            best_score = score;
            best = mm->ent + 1;
            best_tok = mm->tok;
            tie = false;
        } else if (score == best_score && best != mm->ent + 1) {
            tie = true;     /* two people as likely: abstain */
        }
    }
    if (tie || (best && unnamed_between(x, best_tok, p)))
        return 0;
    return best;
}

/* The person an epithet at token p ("the Ohio senator") stands for:
 * the subject of the nearest sentence or clause before it, in its own
 * paragraph or the one before, when that is a person of a compatible
 * gender. News varies its references to the person it is about, not to
 * the people that person mentions. Returns the entity + 1, or 0. */
static size_t
epithet_ref(const struct ctx *x, size_t p, enum gender g)
{
    size_t m = mentions_before(x, p);

    while (m-- > 0) {
        const struct mention *mm = &x->ms[m];
        const struct ent *e = &x->ents[mm->ent];
        const struct tok *t = &x->t[mm->tok];
        if (x->t[p].para - t->para > 1 || x->headline[t->para])
            return 0;
        if (!mention_subject(x, mm->tok))
            continue;
        if (e->org || (g != G_NONE && e->gender != G_NONE && e->gender != g))
            return 0;
        return mm->ent + 1;
    }
    return 0;
}

/* The gender a role's words give ("flood widow", "his wife", "party
 * spokeswoman"), or G_NONE: a role says more than a forename does. Not
 * "chairman" or "spokesman": news gives those to women too; lower case
 * only ("Doris Duke", "King's College" are names). */
static enum gender
role_gender(const struct ctx *x, size_t rs, size_t re)
{
    enum gender g = G_NONE;
    size_t i = rs;

    while (i < re) {
        size_t ws;
        lex_mask c;
        while (i < re && !((x->s[i] >= 'a' && x->s[i] <= 'z') ||
                           (x->s[i] >= 'A' && x->s[i] <= 'Z')))
            i++;
        ws = i;
        while (i < re && ((x->s[i] >= 'a' && x->s[i] <= 'z') ||
                          (x->s[i] >= 'A' && x->s[i] <= 'Z')))
            i++;
        c = lexicon_classes(x->s + ws, i - ws);
        if (c & LEX_ROLE_F)
            g = g == G_MALE ? G_NONE : G_FEMALE;
        if (c & LEX_ROLE_M)
            g = g == G_FEMALE ? G_NONE : G_MALE;
    }
    return g;
}

/* "the official" at token p (head word at token h): an unnamed source
 * described before with an indefinite article and the same head word
 * ("a senior government official, who asked not to be named"), in the
 * same paragraph or the ATTRIB_PARA_REACH before, with no "the
 * official" between, not someone's ("Ana Ruiz, an official") nor a
 * body's ("a spokesman for the ministry"). Fills the description's
 * bytes. */
static bool
anon_back(const struct ctx *x, size_t p, size_t h, size_t *rs, size_t *re)
{
    size_t i, d, n = x->t[h].e - x->t[h].s;

    for (i = p; i-- > 0;) {
        const struct tok *k = &x->t[i];
        if (x->t[p].para - k->para > ATTRIB_PARA_REACH)
            return false;
        if (!tok_word(k) || k->cap || k->e - k->s != n ||
            !span_eq_nocase(x, k->s, k->e, x->t[h].s, x->t[h].e))
            continue;
        /* "a spokesman for the ministry": the ministry's, told by the
         * rules that credit it */
        if (i + 2 < x->n && (tok_is(x, &x->t[i + 1], "for") ||
                             tok_is(x, &x->t[i + 1], "at") ||
                             tok_is(x, &x->t[i + 1], "from") ||
                             tok_is(x, &x->t[i + 1], "of")))
            return false;
        /* the same head: "a senior official", "an EU diplomat" */
        for (d = i; d > 0 && i - d < 5; d--) {
            const struct tok *w = &x->t[d - 1];
            if (!tok_word(w) || (w->cls & (LEX_CLAUSE | LEX_CUE | LEX_DEF)))
                break;
            if (w->cls & LEX_INDEF) {
                if (!tok_is(x, w, "a") && !tok_is(x, w, "an") &&
                    !tok_is(x, w, "A") && !tok_is(x, w, "An") &&
                    !tok_is(x, w, "one") && !tok_is(x, w, "One"))
                    return false;       /* "some officials": several */
                /* "Ana Ruiz, an official at the port": she has a name */
                if (d >= 3 && tok_punct(&x->t[d - 2], ',') &&
                    x->t[d - 3].cap && tok_word(&x->t[d - 3]))
                    return false;
                *rs = w->s;
                *re = k->e;
                return true;
            }
        }
        return false;   /* "the official" before: someone else's */
    }
    return false;
}

/* Settles the speaker of quote k from what was found. */
static bool
settle(struct ctx *x, size_t k, struct found *fd)
{
    struct record *r = &x->recs[k];
    struct subj *sj = &fd->sj;
    size_t e = 0;

    switch (sj->kind) {
    case SUBJ_NONE:
        return false;
    case SUBJ_FIRST:
        /* "And I said, "…"" in a transcript: the speaker whose label
         * opened the paragraph, or the latest one before it */
        return label_first_person(x, k, fd);
    case SUBJ_ANON:
        fill_evidence(x, r, fd);
        r->method = "anonymous";
        r->confidence = 0.85;
        r->role = body_dup(x, sj->rs, sj->re);
        if (sj->cc[0] != '\0')
            memcpy(r->country, sj->cc, 3);
        return true;
    case SUBJ_PRONOUN:
        e = resolve_pronoun(x, sj->first, sj->gender, x->last_speaker);
        if (e == 0)
            return false;
        fill_evidence(x, r, fd);
        r->method = "pronoun";
        r->confidence = fd->confidence - 0.15;
        /* "he" told us what the name did not: later pronouns use it. */
        if (x->ents[e - 1].gender == G_NONE)
            x->ents[e - 1].gender = sj->gender;
        set_entity(x, r, k, e - 1, 0, 0, NULL);
        return true;
    case SUBJ_DEF: {
        /* "the ministry", "the former president": the latest entity whose
         * name or role has that head word. */
        size_t i, m, head = sj->nl, rs = 0, re = 0;
        double conf = 0.7;
        for (m = mentions_before(x, sj->first); m-- > 0 && !e;) {
            const struct ent *en;
            if (x->ms[m].tok >= sj->first)
                continue;
            en = &x->ents[x->ms[m].ent];
            if (x->t[sj->first].para - x->t[x->ms[m].tok].para >
                ATTRIB_PARA_REACH)
                break;
            for (i = en->rs; i + (x->t[head].e - x->t[head].s) <= en->re;
                 i++)
                if (span_eq_nocase(x, i, i + (x->t[head].e - x->t[head].s),
                                   x->t[head].s, x->t[head].e)) {
                    e = x->ms[m].ent + 1;
                    break;
                }
            /* "the court" for the Permanent Court of International
             * Justice: any word of a body's name */
            for (i = en->s; !e && en->org &&
                            i + (x->t[head].e - x->t[head].s) <= en->e; i++)
                if ((i == en->s || x->s[i - 1] == ' ') &&
                    (i + (x->t[head].e - x->t[head].s) == en->e ||
                     x->s[i + (x->t[head].e - x->t[head].s)] == ' ') &&
                    span_eq_nocase(x, i, i + (x->t[head].e - x->t[head].s),
                                   x->t[head].s, x->t[head].e))
                    e = x->ms[m].ent + 1;
        }
        if (e == 0 && (x->t[head].cls & LEX_ROLE) &&
            !(x->t[head].cls & (LEX_BODY | LEX_ANON)) &&
            tok_is(x, &x->t[sj->first], x->t[sj->first].cap ? "The" : "the") &&
            head >= sj->first + 2) {
            /* An epithet ("the Ohio senator", "the Texas
             * businessman") for someone the article has not given that
             * role: news varies its references to the person it is
             * about. Only "the", a modifier and a role: a bare "the
             * judge" or "his son" is somebody else. */
            enum gender g = (x->t[head].cls & LEX_MALE)     ? G_MALE
                            : (x->t[head].cls & LEX_FEMALE) ? G_FEMALE
                                                            : G_NONE;
            e = epithet_ref(x, sj->first, g);
            conf = 0.6;
        }
        if (e == 0 && (x->t[head].cls & LEX_SOURCE) &&
            anon_back(x, sj->first, head, &rs, &re)) {
            /* "the official said" after "a senior official, who asked
             * not to be named": that unnamed source again */
            fill_evidence(x, r, fd);
            r->method = "anonymous";
            r->confidence = 0.7;
            r->role = body_dup(x, rs, re);
            return true;
        }
        if (e == 0)
            return false;
        fill_evidence(x, r, fd);
        r->method = "definite";
        r->confidence = conf;
        set_entity(x, r, k, e - 1, sj->rs, sj->re, sj->cc);
        return true;
    }
    case SUBJ_NAME:
        break;
    }
    if (x->headline[x->t[sj->nf].para]) {
        /* In a headline only a name the article gives counts: the longest
         * tail of the run that is one. */
        size_t f;
        for (f = sj->nf; f <= sj->nl && e == 0; f++)
            e = ent_find(x, f, sj->nl, sj->org, G_NONE, x->t[sj->nf].s);
        if (e == 0)
            return false;
        fill_evidence(x, r, fd);
        r->confidence = fd->confidence - 0.2;
        set_entity(x, r, k, e - 1, 0, 0, sj->cc);
        return true;
    }
    e = ent_find(x, sj->nf, sj->nl, sj->org, sj->gender, sj->first);
    if (e == 0) {
        /* Shared by people it cannot tell apart: abstain. Named nowhere
         * else: the name as written here. */
        if (sj->nf == sj->nl && ent_known(x, sj->nf, sj->nl, sj->org))
            return false;
        e = ent_add(x, sj->nf, sj->nl, sj->org, sj->gender) + 1;
    }
    fill_evidence(x, r, fd);
    if (sj->rs < sj->re) {
        enum gender rg = role_gender(x, sj->rs, sj->re);
        if (rg != G_NONE)
            x->ents[e - 1].gender = rg;
    }
    if (sj->rs < sj->re && x->ents[e - 1].rs == x->ents[e - 1].re) {
        x->ents[e - 1].rs = sj->rs;
        x->ents[e - 1].re = sj->re;
    }
    if (sj->nf == sj->nl && !(x->t[sj->nf].cls & (LEX_MALE | LEX_FEMALE)))
        r->confidence -= 0.05;
    if (sj->appos && strcmp(r->method, "adjacent") == 0)
        r->method = "appositive";
    set_entity(x, r, k, e - 1, sj->rs, sj->re, sj->cc);
    return true;
}

/* The article's setting: the country its own text (outside quotes) names
 * most, US states and US institutions counting for the US, when it leads
 * clearly. */
static void
home_country(struct ctx *x)
{
    struct { char cc[3]; int n; } tally[32];
    size_t nt = 0, i, used;
    int best = 0, second = 0;
    const char *bc = NULL;

    for (i = 0; i < x->n; i++) {
        const struct tok *k = &x->t[i];
        const char *c = NULL;
        size_t j;
        if (!tok_word(k) || !k->cap)
            continue;
        if ((c = tok_country(x, i, &used)) != NULL)
            i += used - 1;
        else if ((k->cls & LEX_USMARK) || tok_usstate(x, i, &used)) {
            c = "US";
            i += used - 1;
            x->us_marks++;
        }
        /* "(R-IN)", "(D-Calif.)": a party tag is an American's. */
        if (c == NULL && i > 0 && tok_punct(&x->t[i - 1], '(') &&
            i + 1 < x->n && tok_punct(&x->t[i + 1], ')') &&
            country_party_tag(x->s + k->s, k->e - k->s) != NULL) {
            c = "US";
            x->us_marks++;
        }
        if (c == NULL)
            continue;
        for (j = 0; j < nt && strcmp(tally[j].cc, c) != 0; j++)
            ;
        if (j == nt) {
            if (nt == sizeof tally / sizeof *tally)
                continue;
            memcpy(tally[nt].cc, c, 3);
            tally[nt++].n = 0;
        }
        tally[j].n++;
    }
    for (i = 0; i < nt; i++) {
        if (tally[i].n > best) {
            second = best;
            best = tally[i].n;
            bc = tally[i].cc;
        } else if (tally[i].n > second) {
            second = tally[i].n;
        }
    }
    if (bc != NULL && best >= 2 && best * 2 >= second * 3)
        memcpy(x->home, bc, 3);
}

/* Whether the body named s[s..e) is a state's own: a ministry, a
 * department, the police, a court, an agency. */
static bool
state_body(const struct ctx *x, size_t s, size_t e)
{
    size_t i = s;

    /* "International Criminal Court", "International Atomic Energy
     * Agency": no state's. */
    if (e - s > 14 && memcmp(x->s + s, "International ", 14) == 0)
        return false;
    while (i < e) {
        size_t ws = i;
        while (i < e && x->s[i] != ' ')
            i++;
        if (lexicon_classes(x->s + ws, i - ws) & LEX_STATE_BODY)
            return true;
        while (i < e && x->s[i] == ' ')
            i++;
    }
    return false;
}

/* A role or name that belongs to an international body keeps no country. */
static bool
international(const struct ctx *x, size_t s, size_t e)
{
    size_t i = s;

    while (i < e) {
        size_t ws, m;
        while (i < e && !utf8_is_word((unsigned char)x->s[i]) &&
               (unsigned char)x->s[i] < 0x80)
            i++;
        ws = i;
        while (i < e && x->s[i] != ' ' && x->s[i] != ',')
            i++;
        if (i > ws && (lexicon_classes(x->s + ws, i - ws) & LEX_INTL))
            return true;
        m = i;
        if (m < e && x->s[m] == ' ') {
            size_t j = m + 1;
            while (j < e && x->s[j] != ' ' && x->s[j] != ',')
                j++;
            if (lexicon_classes(x->s + ws, j - ws) & LEX_INTL)
                return true;
        }
        if (i < e)
            i++;
    }
    return false;
}

/* "Brown's statement:", "the full text of Mayor Ilse Brandt's letter:"
 * closing the paragraph before quote k: the owner of the words speaks.
 * col is the colon's token. */
static bool
colon_possessive(struct ctx *x, size_t k, size_t col)
{
    size_t i, j;

    for (i = col; i-- > 0 && col - i <= 3;) {
        const struct tok *w = &x->t[i];
        struct found fd = {.cue = SIZE_MAX};
        if (!tok_word(w) || w->para != x->t[col].para)
            return false;
        if (!(w->cls & LEX_WORDS))
            continue;
        /* the owner: "Brown's" before the noun, one word between at most
         * ("Brown's 64 words") */
        for (j = i; j-- > 0 && i - j <= 2;) {
            if (!x->t[j].poss || !x->t[j].cap)
                continue;
            /* the name as a subject, its 's aside */
            x->t[j].poss = false;
            fd.sj = np_left(x, j);
            x->t[j].poss = true;
            if (fd.sj.kind != SUBJ_NAME)
                return false;
            fd.cue = i;
            fd.method = "colon-lead";
            fd.confidence = 0.8;
            return settle(x, k, &fd);
        }
        return false;
    }
    return false;
}

/* Continuation: a quote with no cue of its own that opens its paragraph
 * right after a paragraph whose last quote has a speaker, or that follows
 * an attributed quote in its own paragraph. Colon lead-ins: the paragraph
 * before ends with "X said:". */
static bool
continue_from(struct ctx *x, size_t k)
{
    struct record *r = &x->recs[k], *pr;
    size_t qt = x->qtok[k], p0, j;

    p0 = x->pstart[x->t[qt].para];
    /* Colon lead-in: "X said in a statement:" closing the paragraph before. */
    if (p0 == qt && p0 >= 2 && tok_punct(&x->t[p0 - 2], ':')) {
        size_t c;
        for (c = p0 - 2; c-- > 0 && p0 - c < 2 * ATTRIB_BEFORE_REACH;) {
            struct found fd = {.cue = SIZE_MAX};
            if (tok_stop(&x->t[c]) || x->t[c].kind == TOK_QUOTE)
                break;
            if (!cue_at(x, c, false))
                continue;
            fd.sj = subject_left(x, c);
            if (!subj_ok(&fd.sj))
                continue;
            fd.cue = c;
            fd.method = "colon-lead";
            fd.confidence = 0.85;
            if (settle(x, k, &fd)) {
                if (strcmp(r->method, "adjacent") == 0)
                    r->method = "colon-lead";
                return true;
            }
            break;
        }
        if (colon_possessive(x, k, p0 - 2))
            return true;
    }
    if (k == 0)
        return false;
    /* A title quoted in between ("said on Channel 4's "Morning
     * Desk." "…"") is no voice: the quote before it is. */
    j = k - 1;
    while (j > 0 && x->term[j] && x->qtok[j] != SIZE_MAX &&
           x->t[x->qtok[j]].para == x->t[qt].para)
        j--;
    pr = &x->recs[j];
    if (pr->speaker == NULL)
        return false;
    if (x->t[x->qtok[j]].para == x->t[qt].para) {
        /* "…," he said. "…" : the rest of the paragraph is the same voice,
         * unless someone else is named between (words of the attribution
         * itself aside). */
        size_t i;
        bool cue_between = pr->cue_start != RECORD_NONE &&
                           pr->cue_start >= x->t[x->qtok[j]].e &&
                           pr->cue_end <= x->t[qt].s;
        size_t pe = x->speaker_ent[j];
        /* "… as a "disgrace" after she blamed it on "…"": a subject
         * pronoun between that cannot be the speaker is someone else. */
        for (i = x->qtok[j] + 1; i + 1 < qt && pe != 0; i++) {
            enum gender g = x->ents[pe - 1].gender;
            if (g != G_NONE && subordinate_subject(x, i) &&
                g != (tok_is(x, &x->t[i + 1], "he") ? G_MALE : G_FEMALE))
                return false;
        }
        /* "…" Ana Ruiz says. I said, "…": the writer (or a transcript's
         * speaker) answers */
        for (i = x->qtok[j] + 2; i < qt; i++)
            if (tok_is(x, &x->t[i - 1], "I") && cue_at(x, i, false))
                return false;
        for (i = x->qtok[j] + 1; i < qt && !cue_between; i++)
            if (tok_word(&x->t[i]) && x->t[i].cap &&
                !(x->t[i].cls & LEX_FUNC) &&
                r->speaker_start == RECORD_NONE &&
                !(pr->speaker_start != RECORD_NONE &&
                  x->t[i].s >= pr->speaker_start &&
                  x->t[i].e <= pr->speaker_end))
                return false;
    } else if (p0 != qt || x->t[x->qtok[j]].para + 1 != x->t[qt].para) {
        return false;
    }
    r->speaker = pr->speaker ? xstrdup(pr->speaker) : NULL;
    r->role = pr->role ? xstrdup(pr->role) : NULL;
    memcpy(r->country, pr->country, 3);
    memcpy(r->from, pr->id, sizeof r->from);
    r->method = "continuation";
    r->confidence = pr->confidence * 0.9;
    x->speaker_ent[k] = x->speaker_ent[j];
    return true;
}

/* A quote that opens its sentence with no attribution of its own, after
 * a sentence in which someone speaks ("X said on Monday that his party
 * would appeal. "We will fight this in court.""): that speaker. The
 * sentence before may close the paragraph before, when the quote's
 * paragraph is the quote alone. */
static bool
sentence_before(struct ctx *x, size_t k)
{
    size_t qt = x->qtok[k], c, p0;
    uint32_t sent;

    if (qt == 0 || x->term[k])
        return false;
    p0 = x->pstart[x->t[qt].para];
    if (p0 == qt) {
        /* The quote alone in its paragraph: look at the paragraph before,
         * when it holds no quote. */
        size_t z;
        if (qt + 1 >= x->n || x->t[qt + 1].kind != TOK_PARA || qt < 2)
            return false;
        for (z = qt - 1; z-- > 0 && x->t[z].para == x->t[qt - 1].para;)
            if (x->t[z].kind == TOK_QUOTE)
                return false;
        c = qt - 1;
    } else {
        if (!tok_stop(&x->t[qt - 1]) &&
            x->t[qt - 1].sent == x->t[qt].sent)
            return false;
        c = qt;
    }
    sent = x->t[c - 1].sent;
    while (c-- > 0 && x->t[c].sent == sent &&
           x->t[c].kind != TOK_QUOTE) {
        struct found fd = {.cue = c, .method = "sentence-before",
                           .confidence = 0.6};
        if (!cue_at(x, c, false))
            continue;
        fd.sj = subject_left(x, c);
        if (!subj_ok(&fd.sj) && x->t[c].e - x->t[c].s > 4 &&
            memcmp(x->s + x->t[c].e - 3, "ing", 3) == 0)
            fd.sj = sentence_subject(x, c);
        if (fd.sj.kind != SUBJ_NAME && fd.sj.kind != SUBJ_PRONOUN)
            continue;
        if (settle(x, k, &fd)) {
            x->recs[k].method = "sentence-before";
            x->recs[k].confidence = fd.sj.kind == SUBJ_NAME ? 0.6 : 0.5;
            return true;
        }
        return false;
    }
    return false;
}

/* Whether the quote is speech or a term (a title, nickname or scare
 * quote): attributed, or a clause of its own. */
static enum quote_kind
quote_kind(const struct record *r)
{
    size_t n = strlen(r->quote);
    char last = n > 0 ? r->quote[n - 1] : '\0';

    if (r->method != NULL)
        return QUOTE_SPEECH;
    if (quote_words(r->quote, n) >= 4 || last == '.' || last == ',' ||
        last == '?' || last == '!')
        return QUOTE_SPEECH;
    return QUOTE_TERM;
}

/* The person whose surname is the label s[ls..le) of the body, case
 * aside ("HALVORSEN" for Erik Halvorsen). Returns the entity + 1, or 0. */
static size_t
ent_by_label(const struct ctx *x, size_t ls, size_t le, enum gender g)
{
    size_t ln;

    size_t best = 0;
    int best_score = -1;
    bool tie = false;

    if (g == G_NONE) {
        for (ln = ent_chain(x, ls, le); ln != 0;
             ln = x->links[ln - 1].next) {
            size_t i = x->links[ln - 1].ent;
            if (!x->ents[i].org &&
                span_eq_nocase(x, x->ents[i].ks, x->ents[i].ke, ls, le))
                return i + 1;
        }
        return 0;
    }
    /* "MS HALE:": the person of that gender first, then the one most
     * credited and named; two alike: no one */
    for (ln = ent_chain(x, ls, le); ln != 0; ln = x->links[ln - 1].next) {
        size_t i = x->links[ln - 1].ent;
        const struct ent *e = &x->ents[i];
        int score;
        if (e->org || !span_eq_nocase(x, e->ks, e->ke, ls, le) ||
            (e->gender != G_NONE && e->gender != g) ||
            best == i + 1)
            continue;
        score = (e->gender == g ? 1000 : 0) + e->credits * 4 + e->mentions;
        if (score > best_score) {
            best_score = score;
            best = i + 1;
            tie = false;
        } else if (score == best_score) {
            tie = true;
        }
    }
    return tie ? 0 : best;
}

/* The gender a label's honorific gives ("MS FRIEDLANDER", "Mr. Hale:"):
 * the word before its last, in any case. */
static enum gender
label_gender(const struct ctx *x, size_t lab)
{
    lex_mask c;
    const struct tok *h;

    if (lab == 0 || !tok_word(&x->t[lab - 1]) ||
        x->t[lab - 1].para != x->t[lab].para)
        return G_NONE;
    h = &x->t[lab - 1];
    c = h->cls | lexicon_recased(x->s + h->s, h->e - h->s, true);
    if (!(c & LEX_HONORIFIC))
        return G_NONE;
    return (c & LEX_FEMALE) ? G_FEMALE : (c & LEX_MALE) ? G_MALE : G_NONE;
}

/* A transcript line quoted whole: "HALVORSEN: Let us start …". The label is
 * a surname in capitals that the article names in full. */
static bool
label_in_quote(struct ctx *x, size_t k)
{
    struct record *r = &x->recs[k];
    const char *q = r->quote;
    size_t n = 0, e;

    while (q[n] >= 'A' && q[n] <= 'Z')
        n++;
    if (n < 2 || q[n] != ':')
        return false;
    e = ent_by_label(x, r->start, r->start + n, G_NONE);
    if (e == 0) {
        /* Named nowhere else: the label, in title case. */
        r->speaker = title_cased(q, n);
        r->method = "colon-lead";
        r->confidence = 0.5;
        memcpy(r->country, x->home, 3);     /* a person, of the setting */
        r->speaker_start = r->start;
        r->speaker_end = r->start + n;
        r->speaker_as_written = xstrndup(q, n);
        x->last_speaker = 0;
        return true;
    }
    r->method = "colon-lead";
    r->confidence = 0.8;
    r->speaker_start = r->start;
    r->speaker_end = r->start + n;
    r->speaker_as_written = xstrndup(q, n);
    r->cue_start = r->start + n;
    r->cue_end = r->start + n + 1;
    r->cue = xstrdup(":");
    set_entity(x, r, k, e - 1, 0, 0, NULL);
    return true;
}

/* Whether the quote at token qt is followed by what one says of a work
 * ("… was written by", "… is directed by", "… was released in"). */
static bool
created_after(const struct ctx *x, size_t qt)
{
    size_t i = qt + 1;

    if (i < x->n && tok_punct(&x->t[i], ','))
        i++;
    return i + 1 < x->n && x->t[i].para == x->t[qt].para &&
           (tok_is(x, &x->t[i], "was") || tok_is(x, &x->t[i], "is") ||
            tok_is(x, &x->t[i], "were")) &&
           tok_word(&x->t[i + 1]) && (x->t[i + 1].cls & LEX_MADE);
}

/* A quote in title case ("Commander-in-Chief Forum") after a determiner,
 * a preposition or a possessive, and not a sentence: a name, not speech. */
static bool
title_term(const struct ctx *x, size_t k)
{
    const struct record *r = &x->recs[k];
    size_t qt = x->qtok[k], n = strlen(r->quote), i = 0, words = 0;
    char last = n > 0 ? r->quote[n - 1] : '\0';
    const struct tok *p;

    if (qt == 0)
        return false;
    /* "(CROSSTALK.)", "(Applause.)": a stage direction, not speech. */
    if (n >= 3 && r->quote[0] == '(' &&
        (last == ')' || (last == '.' && r->quote[n - 2] == ')')))
        return true;
    if (last == '!' || last == '?')
        return false;
    while (i < n) {
        size_t at = i;
        int32_t c = utf8_decode(r->quote, n, &i);
        if (!utf8_is_word(c))
            continue;
        if (at == 0 || r->quote[at - 1] == ' ') {
            size_t j = at, len;
            while (j < n && r->quote[j] != ' ')
                j++;
            len = j - at;
            words++;
            if (!is_upper(c) && !(c >= '0' && c <= '9') && len > 3)
                return false;
        }
    }
    if (words == 0 || words > 8 || (last == '.' && words > 6))
        return false;
    if (created_after(x, qt))
        return true;
    p = &x->t[qt - 1];
    /* "her single "Paper Boats"", "the memoir, "What the River Said,"" */
    if (tok_punct(p, ',') && qt >= 2)
        p = &x->t[qt - 2];
    return p->para == x->t[qt].para && tok_word(p) &&
           ((p->cls & (LEX_DEF | LEX_INDEF | LEX_CLAUSE | LEX_WORK)) ||
            p->poss || tok_is(x, p, "of"));
}

/* A transcript or a "Name:" line: the quote's paragraph opens with a
 * label ("HALVORSEN:", "MR PRICE:", "Keltner:"). The label is a surname the
 * article names in full, else the label itself. A label that names no one
 * ("QUESTION:", "OPERATOR:") settles the quote as unattributed. Returns
 * whether the label settled it. */
static bool label_settle(struct ctx *x, size_t k, size_t lab);

static bool
label_lead(struct ctx *x, size_t k)
{
    size_t lab = find_label(x, x->qtok[k]);

    if (lab == SIZE_MAX)
        return false;
    return label_settle(x, k, lab);
}

/* Settles quote k by the transcript label ending at token lab (as
 * label_lead). */
static bool
label_settle(struct ctx *x, size_t k, size_t lab)
{
    struct record *r = &x->recs[k];
    size_t e;
    struct found fd;

    if (x->t[lab].cls & LEX_FUNC)
        return true;
    e = ent_by_label(x, x->t[lab].s, x->t[lab].e, label_gender(x, lab));
    if (e == 0) {
        struct subj sj = np_left(x, lab);
        if (sj.kind == SUBJ_NAME && !x->t[lab].allcap) {
            e = ent_find(x, sj.nf, sj.nl, sj.org, sj.gender, SIZE_MAX);
            if (e == 0)
                e = ent_add(x, sj.nf, sj.nl, sj.org, sj.gender) + 1;
        }
    }
    fd = (struct found){.cue = lab + 1, .method = "colon-lead",
                        .confidence = 0.8};
    fd.sj.first = fd.sj.nf = lab;
    fd.sj.last = fd.sj.nl = lab;
    fd.sj.kind = SUBJ_PRONOUN;  /* evidence offsets: the label itself */
    if (e != 0) {
        fill_evidence(x, r, &fd);
        set_entity(x, r, k, e - 1, 0, 0, NULL);
        return true;
    }
    if (x->t[lab].allcap && x->t[lab].e - x->t[lab].s >= 2) {
        /* Named nowhere else: the label in title case, unless it is a
         * title ("THE PRESIDENT:"), which names no one by itself. */
        size_t n = x->t[lab].e - x->t[lab].s;
        if (lexicon_recased(x->s + x->t[lab].s, n, true) &
            (LEX_TITLE | LEX_FUNC))
            return true;
        if (lexicon_lower(x->s + x->t[lab].s, n) & (LEX_ROLE | LEX_ANON)) {
            /* "SENIOR ADMINISTRATION OFFICIAL:": an anonymous source,
             * described by the label */
            size_t ls = x->t[x->pstart[x->t[lab].para]].s, i;
            fill_evidence(x, r, &fd);
            r->method = "anonymous";
            r->role = xstrndup(x->s + ls, x->t[lab].e - ls);
            for (i = 0; r->role[i] != '\0'; i++)
                if (r->role[i] >= 'A' && r->role[i] <= 'Z')
                    r->role[i] = (char)(r->role[i] - 'A' + 'a');
            x->last_speaker = 0;
            return true;
        }
        fill_evidence(x, r, &fd);
        r->speaker = title_cased(x->s + x->t[lab].s, n);
        r->confidence = 0.5;
        memcpy(r->country, x->home, 3);     /* a person, of the setting */
        x->last_speaker = 0;
        return true;
    }
    return false;
}

/* ---- statements announced by the title ------------------------------- */

/* A word of a title: bytes [s, e), without a trailing ':' or ','. */
struct tword {
    size_t s, e;
    bool colon, comma;
};

#define TITLE_WORDS 40

/* Splits t into words at white space. Returns how many (at most max). */
static size_t
title_words(const char *t, size_t len, struct tword *w, size_t max)
{
    size_t n = 0, i = 0;

    while (i < len && n < max) {
        while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' ||
                           t[i] == '\r'))
            i++;
        if (i >= len)
            break;
        w[n].s = i;
        while (i < len && t[i] != ' ' && t[i] != '\t' && t[i] != '\n' &&
               t[i] != '\r')
            i++;
        w[n].e = i;
        w[n].colon = w[n].comma = false;
        while (w[n].e > w[n].s &&
               (t[w[n].e - 1] == ':' || t[w[n].e - 1] == ',')) {
            w[n].colon |= t[w[n].e - 1] == ':';
            w[n].comma |= t[w[n].e - 1] == ',';
            w[n].e--;
        }
        if (w[n].e > w[n].s)
            n++;
    }
    return n;
}

static bool
title_is(const char *t, const struct tword *w, const char *word)
{
    size_t n = strlen(word);

    return w->e - w->s == n && memcmp(t + w->s, word, n) == 0;
}

/* The length of w without a possessive 's (’s). */
static size_t
title_unposs(const char *t, const struct tword *w)
{
    size_t n = w->e - w->s;

    if (n > 2 && memcmp(t + w->e - 2, "'s", 2) == 0)
        return n - 2;
    if (n > 4 && memcmp(t + w->e - 4, "\xe2\x80\x99s", 4) == 0)
        return n - 4;
    return n;
}

/* The word's lexicon classes, its possessive aside. */
static lex_mask
title_classes(const char *t, const struct tword *w)
{
    return lexicon_classes(t + w->s, title_unposs(t, w));
}

/* Whether a title word can be part of a name or its titles: a capital
 * first, no function word ("On", "For" in a title-case headline), no
 * word that ends a name there ("Following"), no markup left over. */
static bool
title_name_word(const char *t, const struct tword *w)
{
    size_t i = w->s;

    if (!is_upper(utf8_decode(t, w->e, &i)) ||
        memchr(t + w->s, '&', w->e - w->s) != NULL ||
        memchr(t + w->s, ';', w->e - w->s) != NULL)
        return false;
    return !(title_classes(t, w) & (LEX_FUNC | LEX_HEAD_STOP));
}

/* Whether a title word is a plural title ("Senators", "Reps."): the
 * statement of several people. */
static bool
title_plural(const char *t, const struct tword *w)
{
    size_t n = w->e - w->s;
    char sg[32];

    if (n < 3 || n >= sizeof sg)
        return false;
    memcpy(sg, t + w->s, n);
    if (sg[n - 1] == '.' && sg[n - 2] == 's') {     /* Reps. */
        sg[n - 2] = '.';
        n--;
    } else if (sg[n - 1] == 's') {
        n--;
    } else {
        return false;
    }
    return (lexicon_classes(sg, n) & LEX_TITLE) != 0;
}

/* How many words of s[0..n) place a text in the US: Congress, Democrats,
 * a state, Washington. */
static size_t
us_words(const char *s, size_t n)
{
    size_t i = 0, st, m = 0;

    while (i < n) {
        while (i < n && !(((unsigned char)s[i] | 0x20) >= 'a' &&
                          ((unsigned char)s[i] | 0x20) <= 'z'))
            i++;
        st = i;
        while (i < n && (((unsigned char)s[i] | 0x20) >= 'a' &&
                         ((unsigned char)s[i] | 0x20) <= 'z'))
            i++;
        if (i > st && s[st] >= 'A' && s[st] <= 'Z') {
            const char *cc = country_lookup(s + st, i - st);
            if ((lexicon_classes(s + st, i - st) &
                 (LEX_USMARK | LEX_USSTATE)) ||
                (cc != NULL && strcmp(cc, "US") == 0))
                m++;
        }
    }
    return m;
}

/* The article's title announces a statement and names its author:
 * "Statement by Rep. X on ...", "Statement from X", "Statement: X on ...",
 * "X Statement on ...", "Senator X's Statement on ...", "X Issues
 * Statement on ...". Fills x->owner (the name, its titles in owner_role,
 * the country they give in owner_cc) and x->owner_ent when the body
 * names the same person, fullest form first. Several authors, a lone
 * word the body does not name, or a surname two people of the body share
 * name no one. */
static void
headline_owner(struct ctx *x)
{
    const char *t = x->a->title;
    size_t len, n, k, st = SIZE_MAX, f = 0, l = 0, nf, e, found = 0;
    struct tword w[TITLE_WORDS];
    bool titled = false, lawmaker = false;

    if (t == NULL && x->a->npara > 1 && x->headline[0]) {
        t = x->s + x->a->paras[0].start;
        len = x->a->paras[0].end - x->a->paras[0].start;
    } else {
        len = t != NULL ? strlen(t) : 0;
    }
    n = title_words(t, len, w, TITLE_WORDS);
    for (k = 0; k < n && st == SIZE_MAX; k++)
        if (title_is(t, &w[k], "Statement") ||
            title_is(t, &w[k], "statement"))
            st = k;
    if (st == SIZE_MAX)
        return;
    if (st + 1 < n && !w[st].colon &&
        (title_is(t, &w[st + 1], "by") || title_is(t, &w[st + 1], "By") ||
         title_is(t, &w[st + 1], "from") ||
         title_is(t, &w[st + 1], "From") ||
         title_is(t, &w[st + 1], "of") || title_is(t, &w[st + 1], "Of"))) {
        /* "Statement by Rep. X on ...": the capitalised run after it */
        f = st + 2;
    } else if (st == 0 && w[0].colon) {
        f = 1;                                  /* "Statement: X on" */
    } else if (st > 0 && !w[st - 1].colon) {
        /* "X Statement on ...", "X Issues Statement": a run from the
         * title's first word */
        for (l = st; l > 0 && (title_classes(t, &w[l - 1]) & LEX_HEAD_STOP);)
            if (title_is(t, &w[--l], "Joint"))
                return;
        for (k = 0; k < l; k++)
            if (!title_name_word(t, &w[k]) || w[k].colon || w[k].comma)
                return;
    } else {
        return;
    }
    if (f > 0) {
        for (l = f; l < n && title_name_word(t, &w[l]); l++)
            if (w[l].colon || w[l].comma ||
                title_unposs(t, &w[l]) < w[l].e - w[l].s) {
                if (w[l].comma)
                    return;                     /* "X, Y and Z" */
                l++;
                break;
            }
        if (l < n && (title_is(t, &w[l], "and") ||
                      title_is(t, &w[l], "And") || title_is(t, &w[l], "&")))
            return;
    }
    if (l <= f || l - f > 8)
        return;
    /* the name starts after the last title, role or country word */
    for (nf = f, k = f; k < l; k++) {
        size_t wn = title_unposs(t, &w[k]);
        lex_mask c = lexicon_classes(t + w[k].s, wn);
        const char *cc = country_lookup(t + w[k].s, wn);
        if (title_plural(t, &w[k]))
            goto none;
        if ((c & (LEX_TITLE | LEX_ROLE | LEX_HONORIFIC)) || cc != NULL) {
            nf = k + 1;
            titled = true;
            if (cc != NULL)
                memcpy(x->owner_cc, cc, 3);
            if (title_is(t, &w[k], "Rep.") || title_is(t, &w[k], "Sen.") ||
                title_is(t, &w[k], "Congressman") ||
                title_is(t, &w[k], "Congresswoman") ||
                title_is(t, &w[k], "Senator") ||
                title_is(t, &w[k], "Representative"))
                lawmaker = true;
        }
    }
    if (nf >= l || l - nf > 4)
        goto none;
    /* the body's person of that surname (and first name, when given) */
    {
        const char *last = t + w[l - 1].s;
        size_t ln = title_unposs(t, &w[l - 1]);
        for (e = 0; e < x->nents; e++) {
            const struct ent *en = &x->ents[e];
            if (en->ke - en->ks != ln ||
                memcmp(x->s + en->ks, last, ln) != 0)
                continue;
            if (l - nf > 1 &&
                (en->fe - en->fs != w[nf].e - w[nf].s ||
                 memcmp(x->s + en->fs, t + w[nf].s, en->fe - en->fs) != 0))
                continue;
            if (found != 0 &&
                !span_eq(x, x->ents[found - 1].s, x->ents[found - 1].e,
                         en->s, en->e))
                goto none;      /* two people: no one */
            if (found == 0 || en->e - en->s > x->ents[found - 1].e -
                                                   x->ents[found - 1].s)
                found = e + 1;
        }
    }
    if (found == 0 && l - nf == 1 && !titled)
        goto none;
    x->owner = xstrndup(t + w[nf].s,
                        w[l - 1].s + title_unposs(t, &w[l - 1]) - w[nf].s);
    if (nf > f)
        x->owner_role = xstrndup(t + w[f].s, w[nf - 1].e - w[f].s);
    /* "Rep.", "Senator" in a text set among Democrats, Republicans,
     * Congress and US states, as set_entity reads them; a statement is
     * mostly quotes, so its words count too */
    if (lawmaker && x->owner_cc[0] == '\0' &&
        (x->us_marks >= 1 || us_words(t, len) >= 1 ||
         us_words(x->s, x->a->body_len) >= 1))
        memcpy(x->owner_cc, "US", 3);
    x->owner_ent = found;
    return;
none:
    x->owner_cc[0] = '\0';
}

/* A quote alone in its paragraph, before any quote the article
 * attributes, in an article whose title announces someone's statement:
 * the statement itself, that person's words. */
static bool
headline_statement(struct ctx *x, size_t k)
{
    struct record *r = &x->recs[k];
    size_t qt = x->qtok[k], j;

    if (x->owner == NULL || x->term[k] || x->pstart[x->t[qt].para] != qt ||
        (qt + 1 < x->n && x->t[qt + 1].kind != TOK_PARA))
        return false;
    for (j = 0; j < k; j++)
        if (x->recs[j].speaker != NULL ||
            (x->recs[j].method != NULL && !x->term[j]))
            return false;
    r->method = "headline";
    r->confidence = 0.6;
    if (x->owner_ent != 0) {
        set_entity(x, r, k, x->owner_ent - 1, 0, 0, x->owner_cc);
        return true;
    }
    r->speaker = xstrdup(x->owner);
    r->role = x->owner_role ? xstrdup(x->owner_role) : NULL;
    memcpy(r->country, x->owner_cc[0] ? x->owner_cc : x->home, 3);
    return true;
}

static void
attrib_one(struct ctx *x, size_t k)
{
    struct record *r = &x->recs[k];
    size_t qt = x->qtok[k];
    struct found fd;

    r->speaker_start = r->speaker_end = RECORD_NONE;
    r->cue_start = r->cue_end = RECORD_NONE;
    if (qt == SIZE_MAX)
        return;
    if (title_term(x, k)) {
        x->term[k] = true;
        return;
    }
    if (label_in_quote(x, k))
        return;
    fd = find_after(x, qt);
    if (!subj_ok(&fd.sj) || !settle(x, k, &fd)) {
        fd = find_before(x, qt);
        if (!subj_ok(&fd.sj) || !settle(x, k, &fd)) {
            /* "…" — X on a line of its own: a dash byline. */
            size_t p0;
            p0 = x->pstart[x->t[qt].para];
            if (p0 == qt && qt + 3 < x->n && tok_dash(&x->t[qt + 1]) &&
                x->t[qt + 2].cap) {
                size_t e = run_right(x, qt + 2), z = e + 1;
                /* ", city engineer" may follow the name */
                if (z < x->n && tok_punct(&x->t[z], ','))
                    while (z < x->n && z < e + 12 &&
                           x->t[z].kind != TOK_PARA && !tok_stop(&x->t[z]))
                        z++;
                if (z < x->n && x->t[z].kind == TOK_PARA) {
                    fd = (struct found){.cue = SIZE_MAX,
                                        .method = "dash-byline",
                                        .confidence = 0.8};
                    fd.sj = np_left(x, e);
                    if (fd.sj.kind == SUBJ_NAME && settle(x, k, &fd)) {
                        r->method = "dash-byline";
                        return;
                    }
                }
            }
            if (label_lead(x, k))
                return;
            if (!continue_from(x, k) && !sentence_before(x, k))
                headline_statement(x, k);
        }
    }
}

void
attrib_article(const struct article *a, const struct quote_span *spans,
               struct record *recs, size_t n)
{
    struct ctx x = {.a = a, .s = a->body, .spans = spans, .recs = recs,
                    .nq = n};
    size_t k;

    x.qtok = xcalloc(n + 1, sizeof *x.qtok);
    for (k = 0; k < n; k++)
        x.qtok[k] = SIZE_MAX;
    x.headline = xcalloc(a->npara + 1, sizeof *x.headline);
    x.pstart = xcalloc(a->npara + 1, sizeof *x.pstart);
    x.speaker_ent = xcalloc(n + 1, sizeof *x.speaker_ent);
    x.term = xcalloc(n + 1, sizeof *x.term);
    tokenize_article(&x);
    for (x.nheads = 64; x.nheads < x.n / 4; x.nheads *= 2)
        ;
    x.heads = xcalloc(x.nheads, sizeof *x.heads);
    x.cmemo = xcalloc(x.n + 1, sizeof *x.cmemo);
    collect_entities(&x);
    ent_names_in_quotes(&x);
    home_country(&x);
    headline_owner(&x);
    for (k = 0; k < n; k++)
        attrib_one(&x, k);
    /* A paragraph that is a quote alone, with no speaker before it, when
     * the next paragraph opens with a quote its speaker is named for: the
     * same voice, read forward. */
    for (k = n; k-- > 0;) {
        struct record *r = &recs[k];
        size_t qt = x.qtok[k];
        if (r->method != NULL || x.term[k] || k + 1 >= n ||
            recs[k + 1].speaker == NULL || recs[k + 1].method == NULL ||
            (strcmp(recs[k + 1].method, "adjacent") != 0 &&
             strcmp(recs[k + 1].method, "appositive") != 0 &&
             strcmp(recs[k + 1].method, "continuation") != 0) ||
            qt == SIZE_MAX || x.qtok[k + 1] == SIZE_MAX ||
            x.pstart[x.t[qt].para] != qt || x.t[qt + 1].kind != TOK_PARA ||
            x.t[x.qtok[k + 1]].para != x.t[qt].para + 1 ||
            x.pstart[x.t[qt].para + 1] != x.qtok[k + 1])
            continue;
        r->speaker = xstrdup(recs[k + 1].speaker);
        r->role = recs[k + 1].role ? xstrdup(recs[k + 1].role) : NULL;
        memcpy(r->country, recs[k + 1].country, 3);
        memcpy(r->from, recs[k + 1].id, sizeof r->from);
        r->method = "continuation";
        r->confidence = 0.6;
        x.speaker_ent[k] = x.speaker_ent[k + 1];
    }
    for (k = 0; k < n; k++) {
        struct record *r = &recs[k];
        if (r->speaker != NULL && r->country[0] == '\0' &&
            x.speaker_ent[k] != 0) {
            const struct ent *e = &x.ents[x.speaker_ent[k] - 1];
            bool intl = international(&x, e->s, e->e) ||
                        (r->role != NULL &&
                         international(&x, e->rs, e->re));
            /* A body's country is in its name or nowhere: Boeing is not
             * Iranian for being named in a story set in Iran; a
             * government's own (a ministry, the police, a court) is of
             * the setting. */
            if (!intl && (!e->org || state_body(&x, e->s, e->e)) &&
                x.home[0] != '\0')
                memcpy(r->country, x.home, 3);
        }
        if (r->method != NULL && strcmp(r->method, "pronoun") == 0) {
            /* A pronoun names the quote that last credited its person. */
            size_t j;
            for (j = k; j-- > 0 && k - j <= 256;)
                if (x.speaker_ent[j] == x.speaker_ent[k]) {
                    memcpy(r->from, recs[j].id, sizeof r->from);
                    break;
                }
        } else if (r->method != NULL &&
                   strcmp(r->method, "continuation") != 0) {
            r->from[0] = '\0';
        }
        r->kind = x.term[k] ? QUOTE_TERM : quote_kind(r);
    }
    free(x.owner);
    free(x.owner_role);
    free(x.lowset);
    free(x.term);
    free(x.speaker_ent);
    free(x.headline);
    free(x.pstart);
    free(x.qtok);
    free(x.ms);
    free(x.heads);
    free(x.cmemo);
    free(x.links);
    free(x.ents);
    free(x.t);
}
