// SPDX-License-Identifier: MIT
/*
 * Attribution: quote spans and their article in, speakers out. Looks for a
 * speech verb next to each quote (after it, then before it), takes the name
 * phrase that is its subject, splits titles and descriptions off into the
 * role, widens a surname to the fullest name the article gives, resolves
 * pronouns to the speaker just before, and carries a speaker over to a
 * quote-only paragraph that follows. Precision first: no cue, no speaker.
 */
#include "attrib.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "buf.h"
#include "country.h"
#include "utf8.h"
#include "xmalloc.h"

/* Speech verbs and their forms. "according" counts only before "to". */
static const char *const attrib_cues[] = {
    "acknowledged", "add", "added", "adding", "adds", "admitted", "announced",
    "argued", "argues", "ask", "asked", "asks", "cautioned", "claimed",
    "claims", "commented", "conceded", "concluded", "continued", "continues",
    "countered", "declared", "declares", "emphasised", "emphasized",
    "explained", "explains", "insisted", "insists", "joked", "noted", "notes",
    "observed", "pleaded", "pledged", "posted", "predicted", "quipped",
    "recalled", "recalls", "remarked", "replied", "replies", "responded",
    "said", "say", "saying", "says", "shouted", "stated", "stressed",
    "stresses", "tell", "telling", "tells", "testified", "told", "tweeted",
    "urged", "vowed", "warned", "warns", "wrote", "write", "writes",
    "writing", "yelled",
};

/* Words that may stand between a subject and its verb. */
static const char *const attrib_adverbs[] = {
    "again", "also", "already", "earlier", "has", "had", "have", "later",
    "once", "previously", "recently", "then", "would", "will", "had",
    "has", "further", "simply", "just", "even", "still", "repeatedly",
};

/* Capitalised words that are titles or offices, not names. */
static const char *const attrib_titles[] = {
    "Acting", "Activist", "Adm.", "Admiral", "Adviser", "Advisor",
    "Ambassador", "Analyst", "Archbishop", "Attorney", "Author", "Bishop",
    "Capt.", "Captain", "Cardinal", "Chair", "Chairman", "Chairwoman",
    "Chancellor", "Chief", "Coach", "Col.", "Colonel", "Commander",
    "Commissioner", "Congressman", "Congresswoman", "Councillor", "Crown",
    "Dame", "Defence", "Defense", "Deputy", "Detective", "Director", "Doctor",
    "Dr", "Dr.", "Economist", "Economy", "Editor", "Emir", "Engineer", "Envoy",
    "Executive", "Finance", "First", "Foreign", "Former", "Gen.", "General",
    "Gov.", "Governor", "Head", "Health", "Home", "Interim", "Interior",
    "Judge", "Justice", "King", "Lady", "Lawyer", "Leader", "Lieutenant",
    "Lord", "Lt.", "Madam", "Manager", "Mayor", "Minister", "Miss", "Mr",
    "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "National", "Officer", "Pastor", "Pope",
    "Premier", "President", "Presidential", "Press", "Prime", "Prince",
    "Princess", "Prof.", "Professor", "Queen", "Rabbi", "Rep.",
    "Representative", "Researcher", "Rev.", "Reverend", "Scientist",
    "Secretary", "Security", "Sen.", "Senator", "Senior", "Sergeant", "Sgt.",
    "Sheikh", "Sir", "Speaker", "Special", "Spokesman", "Spokesperson",
    "Spokeswoman", "State", "Supreme", "Trade", "Vice",
};

/* Last words that make a name phrase an organisation. */
static const char *const attrib_bodies[] = {
    "Administration", "Agency", "Alliance", "Army", "Assembly",
    "Association", "Authority", "Bank", "Board", "Bureau", "Campaign",
    "Center", "Centre", "Coalition", "Command", "Commission", "Committee",
    "Company", "Congress", "Corporation", "Council", "Court", "Department",
    "Embassy", "Federation", "Forces", "Foundation", "Fund", "Government",
    "Group", "Guard", "Institute", "Journal", "Kremlin", "Ministry",
    "Mission", "Navy", "Network", "News", "Office", "Organisation",
    "Organization", "Parliament", "Party", "Pentagon", "Police", "Post",
    "Secretariat", "Senate", "Service", "Times", "Union", "University",
};

/* Lower-case words that may sit inside a name (Ursula von der Leyen). */
static const char *const attrib_particles[] = {
    "al", "bin", "da", "de", "del", "der", "di", "dos", "du", "el", "la",
    "le", "van", "von",
};

/* Words after "on" or "in" that tell when, not where. */
static const char *const attrib_times[] = {
    "April", "August", "December", "February", "Friday", "January", "July",
    "June", "March", "May", "Monday", "November", "October", "Saturday",
    "September", "Sunday", "Thursday", "Tuesday", "Wednesday", "the",
    "recent", "early", "late", "mid",
};

/* Lower-case words that cannot open a description after a cue ("said it
 * was", "said they would"). */
static const char *const attrib_not_descriptor[] = {
    "a", "an", "are", "be", "had", "has", "have", "he", "her", "his", "i",
    "in", "is", "it", "its", "must", "not", "of", "on", "she", "that",
    "their", "there", "they", "this", "to", "was", "we", "were", "what",
    "when", "which", "who", "will", "would", "you",
};

/* Capitalised abbreviations whose dot belongs to the word. */
static const char *const attrib_abbrevs[] = {
    "Adm", "Apr", "Aug", "Capt", "Cmdr", "Co", "Col", "Corp", "Dec", "Dr",
    "Feb", "Gen", "Gov", "Inc", "Jan", "Jr", "Lt", "Ltd", "Maj", "Mr",
    "Mrs", "Ms", "Mt", "No", "Nov", "Oct", "Prof", "Rep", "Rev", "Sen",
    "Sept", "Sgt", "Sr", "St",
};

/* Words that end a role going left: conjunctions and prepositions. */
static const char *const attrib_role_stops[] = {
    "about", "after", "against", "and", "as", "at", "because", "before",
    "between", "but", "by", "during", "for", "from", "if", "like", "or",
    "since", "than", "the", "though", "under", "until", "where", "whether",
    "while", "with", "without",
};

static const char *const attrib_pronouns[] = {"he", "she", "He", "She"};

/* Determiners that make a lower-case subject an anonymous source. */
static const char *const attrib_indefinite[] = {
    "a", "an", "one", "two", "three", "several", "some", "A", "An", "One",
    "Two", "Three", "Several", "Some",
};

#define NELEM(a) (sizeof (a) / sizeof *(a))
#define ATTRIB_PARA_REACH 3     /* paragraphs a pronoun may look back */

enum tok_kind {
    TOK_WORD,
    TOK_PUNCT,
};

struct tok {
    size_t s, e;
    enum tok_kind kind;
    bool cap;       /* starts with a capital letter */
    int32_t c;      /* the character, for TOK_PUNCT */
};

struct toks {
    struct tok *v;
    size_t n, cap;
};

static bool
attrib_in(const char *const *list, size_t n, const char *s, size_t len)
{
    size_t k;

    for (k = 0; k < n; k++)
        if (strlen(list[k]) == len && memcmp(list[k], s, len) == 0)
            return true;
    return false;
}

static bool
attrib_upper(int32_t c)
{
    return c >= 0 && utf8proc_category(c) == UTF8PROC_CATEGORY_LU;
}

static void
toks_push(struct toks *t, struct tok k)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 64;
        t->v = xreallocarray(t->v, t->cap, sizeof *t->v);
    }
    t->v[t->n++] = k;
}

/* Splits s[lo..hi) into words (letters, digits, inner - ' ’ and the dots
 * of initials and abbreviations) and punctuation. */
static void
attrib_tokenize_append(struct toks *t, const char *s, size_t lo, size_t hi)
{
    size_t i = lo;

    while (i < hi) {
        size_t at = i, j;
        int32_t c = utf8_decode(s, hi, &i);

        if (c == ' ' || c == '\n' || c == 0xa0)
            continue;
        if (!utf8_is_word(c)) {
            toks_push(t, (struct tok){at, i, TOK_PUNCT, false, c});
            continue;
        }
        struct tok k = {at, i, TOK_WORD, attrib_upper(c), 0};
        for (;;) {
            j = i;
            c = utf8_decode(s, hi, &j);
            if (utf8_is_word(c)) {
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
            if (c == '.') {
                /* U.S., J., Mr., Sen.: a dot after a short capitalised word
                 * or an initial belongs to it. */
                size_t wlen = i - at;
                size_t m = j;
                int32_t next = utf8_decode(s, hi, &m);
                bool abbrev = wlen == 1 || memchr(s + at, '.', wlen) ||
                              attrib_in(attrib_abbrevs,
                                                     NELEM(attrib_abbrevs),
                                                     s + at, wlen);
                if (k.cap && (abbrev || utf8_is_word(next)) &&
                    (next < 0 || next == ' ' || utf8_is_word(next))) {
                    i = j;
                    if (utf8_is_word(next))
                        continue;
                }
            }
            break;
        }
        k.e = i;
        toks_push(t, k);
    }
}

static void
attrib_tokenize(struct toks *t, const char *s, size_t lo, size_t hi)
{
    t->n = 0;
    attrib_tokenize_append(t, s, lo, hi);
}

static bool
tok_is(const char *s, const struct tok *k, const char *const *list, size_t n)
{
    return k->kind == TOK_WORD && attrib_in(list, n, s + k->s, k->e - k->s);
}

static bool
tok_eq(const char *s, const struct tok *k, const char *w)
{
    return k->kind == TOK_WORD && k->e - k->s == strlen(w) &&
           memcmp(s + k->s, w, k->e - k->s) == 0;
}

static bool
tok_cue(const char *s, const struct toks *t, size_t i)
{
    if (tok_eq(s, &t->v[i], "according"))
        return i + 1 < t->n && tok_eq(s, &t->v[i + 1], "to");
    return tok_is(s, &t->v[i], attrib_cues, NELEM(attrib_cues));
}

static bool
tok_adverb(const char *s, const struct tok *k)
{
    size_t n = k->e - k->s;

    if (k->kind != TOK_WORD || k->cap)
        return false;
    return tok_is(s, k, attrib_adverbs, NELEM(attrib_adverbs)) ||
           (n > 4 && memcmp(s + k->e - 2, "ly", 2) == 0);
}

static bool
tok_particle(const char *s, const struct tok *k)
{
    return tok_is(s, k, attrib_particles, NELEM(attrib_particles));
}

/* A sentence end: . ! ? (a dot inside an abbreviation is part of a word). */
static bool
tok_stop(const struct tok *k)
{
    return k->kind == TOK_PUNCT && (k->c == '.' || k->c == '!' ||
                                    k->c == '?' || k->c == ';');
}

/* The name phrase found next to a cue. */
struct phrase {
    size_t first, last;     /* token range [first, last] of the subject */
    size_t name;            /* first token of the name inside it */
    bool pronoun;
    bool body;              /* an organisation */
    bool anonymous;
    bool found;
};

/* The capitalised run ending at token i (names, titles, particles, "of"
 * between capitals), going left. Returns its first token. */
static size_t
attrib_run_left(const char *s, const struct toks *t, size_t i)
{
    size_t f = i;

    while (f > 0) {
        const struct tok *p = &t->v[f - 1];
        if (p->kind == TOK_WORD && p->cap) {
            f--;
            continue;
        }
        if (f >= 2 && (tok_particle(s, p) || tok_eq(s, p, "of")) &&
            t->v[f - 2].kind == TOK_WORD && t->v[f - 2].cap) {
            f--;
            continue;
        }
        break;
    }
    return f;
}

/* Splits titles, country words and "The" off the front of a run; returns
 * the first token of what remains, or last + 1 when nothing does. A title
 * word inside the run takes everything before it ("Norwegian Fisheries
 * Minister Ola Brekke"). */
static size_t
attrib_strip_titles(const char *s, const struct toks *t, size_t f,
                    size_t last)
{
    size_t k;

    for (k = last; k > f; k--)
        if (tok_is(s, &t->v[k - 1], attrib_titles, NELEM(attrib_titles))) {
            f = k;
            break;
        }
    while (f <= last) {
        const struct tok *w = &t->v[f];
        if (tok_is(s, w, attrib_titles, NELEM(attrib_titles)) ||
            tok_eq(s, w, "The") || tok_eq(s, w, "of") ||
            country_lookup(s + w->s, w->e - w->s) != NULL) {
            f++;
            continue;
        }
        /* Two-word country names and metonyms (White House). */
        if (f < last &&
            country_lookup(s + w->s, t->v[f + 1].e - w->s) != NULL) {
            f += 2;
            continue;
        }
        break;
    }
    return f;
}

/* Lower-case descriptors before a capitalised run belong to its role
 * ("Chilean presidential adviser Rosa Acuña", "UN special envoy Ola
 * Brekke"). Returns the first token of the role. */
static size_t
attrib_role_left(const char *s, const struct toks *t, size_t f)
{
    size_t first = f;

    while (first > 0 && first + 6 > f) {
        const struct tok *k = &t->v[first - 1];
        char c0 = s[k->s];
        if (k->kind != TOK_WORD || (c0 >= '0' && c0 <= '9') ||
            tok_is(s, k, attrib_not_descriptor,
                   NELEM(attrib_not_descriptor)) ||
            tok_is(s, k, attrib_role_stops, NELEM(attrib_role_stops)) ||
            tok_cue(s, t, first - 1))
            break;
        first--;
    }
    return first;
}

/* The subject ending at token i: a pronoun, a name with its role words
 * before it, an organisation, or an anonymous description. */
static struct phrase
attrib_subject_left(const char *s, const struct toks *t, size_t i)
{
    struct phrase ph = {0};
    size_t f, r;

    if (t->v[i].kind != TOK_WORD)
        return ph;
    if (tok_is(s, &t->v[i], attrib_pronouns, NELEM(attrib_pronouns))) {
        ph = (struct phrase){i, i, i, true, false, false, true};
        return ph;
    }
    if (!t->v[i].cap) {
        /* "a senior official said": lower-case words back to a determiner. */
        for (f = i; f > 0 && i - f < 6; f--) {
            const struct tok *k = &t->v[f];
            if (tok_is(s, k, attrib_indefinite, NELEM(attrib_indefinite)))
                break;
            /* "a meeting that day he was told": a clause, not a source. */
            if (k->kind != TOK_WORD || k->cap ||
                tok_is(s, k, attrib_not_descriptor,
                       NELEM(attrib_not_descriptor)))
                return ph;
        }
        if (!tok_is(s, &t->v[f], attrib_indefinite, NELEM(attrib_indefinite)))
            return ph;
        ph = (struct phrase){f, i, f, false, false, true, true};
        return ph;
    }
    f = attrib_run_left(s, t, i);
    r = attrib_strip_titles(s, t, f, i);
    ph.first = f;
    ph.last = i;
    ph.found = true;
    if (tok_is(s, &t->v[i], attrib_bodies, NELEM(attrib_bodies)) ||
        r > i) {
        /* An organisation, or a country standing for its government. */
        ph.body = true;
        ph.name = f;
        if (tok_eq(s, &t->v[f], "The") && f < i)
            ph.name = f + 1;
    } else {
        ph.name = r;
    }
    ph.first = attrib_role_left(s, t, f);
    return ph;
}

/* The subject starting at token i, after a cue ("said Brekke", "said the
 * Kremlin"): the capitalised run and nothing after it. */
static struct phrase
attrib_subject_right(const char *s, const struct toks *t, size_t i)
{
    struct phrase ph = {0};
    size_t e;

    if (i < t->n && tok_eq(s, &t->v[i], "the"))
        i++;
    if (i >= t->n || t->v[i].kind != TOK_WORD)
        return ph;
    if (tok_is(s, &t->v[i], attrib_pronouns, NELEM(attrib_pronouns)) ||
        tok_eq(s, &t->v[i], "he") || tok_eq(s, &t->v[i], "she"))
        return (struct phrase){i, i, i, true, false, false, true};
    /* "said port director Nils Aalto": a short description first. */
    for (e = i; e < t->n && e < i + 3 && t->v[e].kind == TOK_WORD &&
                !t->v[e].cap &&
                !tok_is(s, &t->v[e], attrib_not_descriptor,
                        NELEM(attrib_not_descriptor)) &&
                !tok_cue(s, t, e); e++)
        ;
    if (e >= t->n || t->v[e].kind != TOK_WORD || !t->v[e].cap)
        return ph;
    while (e + 1 < t->n &&
           ((t->v[e + 1].kind == TOK_WORD && t->v[e + 1].cap) ||
            ((tok_particle(s, &t->v[e + 1]) || tok_eq(s, &t->v[e + 1], "of")) &&
             e + 2 < t->n && t->v[e + 2].cap)))
        e++;
    return attrib_subject_left(s, t, e);
}

/* What a record needs from a match, before names are widened. */
struct found {
    struct phrase ph;
    size_t cue;         /* token of the cue */
    size_t venue_s, venue_e;
    double confidence;
    const char *method;
    bool found;
};

/* Where the words after a cue say it was said: "told Fox News", "in a
 * Telegram post", "on social media". */
static void
attrib_venue(const char *s, const struct toks *t, struct found *fd)
{
    size_t i = fd->cue + 1, e;

    if (tok_eq(s, &t->v[fd->cue], "according"))
        return;
    if (i < t->n && tok_eq(s, &t->v[fd->cue], "told") && t->v[i].cap) {
        for (e = i; e + 1 < t->n && t->v[e + 1].kind == TOK_WORD &&
                    t->v[e + 1].cap; e++)
            ;
        fd->venue_s = t->v[i].s;
        fd->venue_e = t->v[e].e;
        return;
    }
    if (i + 1 < t->n &&
        (tok_eq(s, &t->v[i], "in") || tok_eq(s, &t->v[i], "on")) &&
        !tok_is(s, &t->v[i + 1], attrib_times, NELEM(attrib_times)) &&
        !(s[t->v[i + 1].s] >= '0' && s[t->v[i + 1].s] <= '9')) {
        for (e = i + 1; e < t->n && e < i + 6 && t->v[e].kind == TOK_WORD &&
                        !tok_eq(s, &t->v[e], "that"); e++)
            ;
        if (e > i + 1) {
            fd->venue_s = t->v[i + 1].s;
            fd->venue_e = t->v[e - 1].e;
        }
    }
}

/* After the quote: "…," X said / "…," said X / "…" X wrote on … */
static struct found
attrib_after(const char *s, const struct toks *t)
{
    struct found fd = {0};
    size_t i = 0, k;

    while (i < t->n && t->v[i].kind == TOK_PUNCT &&
           (t->v[i].c == ',' || t->v[i].c == 0x2014 || t->v[i].c == 0x2013))
        i++;
    if (i >= t->n || tok_stop(&t->v[i]))
        return fd;
    for (k = i; k < t->n && k < i + 10; k++) {
        if (t->v[k].kind == TOK_PUNCT && t->v[k].c != '-')
            return fd;
        if (!tok_cue(s, t, k))
            continue;
        fd.cue = k;
        if (k == i) {
            size_t after = tok_eq(s, &t->v[k], "according") ? k + 2 : k + 1;
            fd.ph = attrib_subject_right(s, t, after);
        } else {
            size_t j = k - 1;
            while (j > i && tok_adverb(s, &t->v[j]))
                j--;
            fd.ph = attrib_subject_left(s, t, j);
            if (fd.ph.first < i)
                fd.ph.found = false;
        }
        if (!fd.ph.found)
            return fd;
        fd.found = true;
        fd.method = "adjacent";
        fd.confidence = 0.9;
        attrib_venue(s, t, &fd);
        return fd;
    }
    return fd;
}

/* Before the quote: X said: "…" / X told Y that "…" / X said "…". The
 * tokens are the clause before the quote's opening mark. */
static struct found
attrib_before(const char *s, const struct toks *t)
{
    struct found fd = {0};
    size_t k, j;

    if (t->n == 0)
        return fd;
    for (k = t->n; k-- > 0 && t->n - k <= 16;) {
        if (tok_stop(&t->v[k]))
            return fd;
        if (!tok_cue(s, t, k))
            continue;
        fd.cue = k;
        j = k;
        while (j > 0 && tok_adverb(s, &t->v[j - 1]))
            j--;
        if (j > 0) {
            fd.ph = attrib_subject_left(s, t, j - 1);
        } else if (!tok_eq(s, &t->v[k], "according")) {
            fd.ph = attrib_subject_right(s, t, k + 1);
        }
        if (tok_eq(s, &t->v[k], "according"))
            fd.ph = attrib_subject_right(s, t, k + 2);
        if (!fd.ph.found)
            return fd;
        fd.found = true;
        fd.method = "adjacent";
        fd.confidence = 0.85;
        attrib_venue(s, t, &fd);
        return fd;
    }
    /* A paragraph that opens with a name and a colon: "Tapper: ‘…’". */
    if (t->n >= 2 && t->v[t->n - 1].kind == TOK_PUNCT &&
        t->v[t->n - 1].c == ':' && t->v[t->n - 2].cap &&
        attrib_run_left(s, t, t->n - 2) == 0) {
        fd.ph = attrib_subject_left(s, t, t->n - 2);
        fd.cue = t->n - 1;
        fd.found = fd.ph.found && !fd.ph.anonymous;
        fd.method = "colon-lead";
        fd.confidence = 0.6;
    }
    return fd;
}

/* The fullest form of a name in the article: the longest capitalised run
 * ending with the same last word, titles taken off. Fills *role with the
 * titles of that mention when it has some and *role is empty. scratch holds
 * the article's tokens: empty on the first call, kept for the next. */
static void
attrib_fullest(const struct article *a, struct toks *scratch, const char *name,
               size_t len, struct buf *out, struct buf *role)
{
    const char *last = name + len;
    size_t lastlen, p, best = 0;

    while (last > name && last[-1] != ' ')
        last--;
    lastlen = (size_t)(name + len - last);
    buf_reset(out);
    buf_append(out, name, len);
    /* The whole article, tokenised once for all its quotes; a break token
     * between paragraphs keeps a name run inside its paragraph. */
    if (scratch->n == 0)
        for (p = 0; p < a->npara; p++) {
            attrib_tokenize_append(scratch, a->body, a->paras[p].start,
                                   a->paras[p].end);
            toks_push(scratch, (struct tok){a->paras[p].end, a->paras[p].end,
                                            TOK_PUNCT, false, '\n'});
        }
    {
        size_t k;
        for (k = 0; k < scratch->n; k++) {
            const struct tok *w = &scratch->v[k];
            size_t f, r, words;
            if (w->e - w->s != lastlen ||
                memcmp(a->body + w->s, last, lastlen) != 0)
                continue;
            f = attrib_run_left(a->body, scratch, k);
            r = attrib_strip_titles(a->body, scratch, f, k);
            f = attrib_role_left(a->body, scratch, f);
            if (r > k)
                continue;
            words = k - r + 1;
            if (words > best && words <= 5) {
                best = words;
                buf_reset(out);
                buf_append(out, a->body + scratch->v[r].s,
                           w->e - scratch->v[r].s);
                if (r > f && role->len == 0)
                    buf_append(role, a->body + scratch->v[f].s,
                               scratch->v[r - 1].e - scratch->v[f].s);
            }
        }
    }
}

/* The first country that words s[lo..hi) name, into cc. */
static void
attrib_country(const char *s, size_t lo, size_t hi, char cc[3])
{
    struct toks t = {0};
    size_t k;

    attrib_tokenize(&t, s, lo, hi);
    for (k = 0; k < t.n && cc[0] == '\0'; k++) {
        const char *c = NULL;
        if (t.v[k].kind != TOK_WORD)
            continue;
        if (k + 1 < t.n)
            c = country_lookup(s + t.v[k].s, t.v[k + 1].e - t.v[k].s);
        if (c == NULL)
            c = country_lookup(s + t.v[k].s, t.v[k].e - t.v[k].s);
        if (c != NULL)
            memcpy(cc, c, 3);
    }
    free(t.v);
}

static char *
attrib_dup(const struct buf *b)
{
    return b->len > 0 ? xstrndup(b->data, b->len) : NULL;
}

/* Fills r from a match in tokens t of the article body. */
static void
attrib_fill(const struct article *a, const struct toks *t,
            const struct found *fd, struct record *r, struct toks *scratch)
{
    const char *s = a->body;
    const struct phrase *ph = &fd->ph;
    struct buf name = {0}, role = {0};
    size_t ns = t->v[ph->name].s, ne = t->v[ph->last].e;

    r->method = fd->method;
    r->confidence = fd->confidence;
    r->cue_start = t->v[fd->cue].s;
    r->cue_end = t->v[fd->cue].e;
    if (tok_eq(s, &t->v[fd->cue], "according"))
        r->cue_end = t->v[fd->cue + 1].e;
    r->cue = xstrndup(s + r->cue_start, r->cue_end - r->cue_start);
    if (fd->venue_e > fd->venue_s)
        r->venue = xstrndup(s + fd->venue_s, fd->venue_e - fd->venue_s);
    r->speaker_start = t->v[ph->first].s;
    r->speaker_end = ne;
    r->speaker_as_written = xstrndup(s + t->v[ph->first].s,
                                     ne - t->v[ph->first].s);
    if (ph->anonymous) {
        r->method = "anonymous";
        r->role = xstrdup(r->speaker_as_written);
        return;
    }
    if (ph->pronoun)
        return;     /* resolved by the caller */
    if (ph->name > ph->first && !(ph->body && ph->name == ph->first + 1 &&
                                  tok_eq(s, &t->v[ph->first], "The")))
        buf_append(&role, s + t->v[ph->first].s,
                   t->v[ph->name - 1].e - t->v[ph->first].s);
    /* "The French Foreign Minister": the article is not part of a role. */
    if (role.len > 4 && (memcmp(role.data, "The ", 4) == 0 ||
                         memcmp(role.data, "the ", 4) == 0)) {
        memmove(role.data, role.data + 4, role.len - 4);
        role.len -= 4;
        role.data[role.len] = '\0';
    }
    if (ph->body) {
        buf_append(&name, s + ns, ne - ns);
        attrib_country(s, t->v[ph->first].s, ne, r->country);
    } else {
        attrib_fullest(a, scratch, s + ns, ne - ns, &name, &role);
        if (role.len > 0)
            attrib_country(role.data, 0, role.len, r->country);
    }
    r->speaker = attrib_dup(&name);
    r->role = attrib_dup(&role);
    buf_free(&name);
    buf_free(&role);
}

/* The last person named before offset end in paragraph p or the one
 * before it: a capitalised run of two words or more once titles are off,
 * not an organisation. Sets r's speaker and role; false when none. */
static bool
attrib_last_person(const struct article *a, size_t p, size_t end,
                   struct toks *t, struct record *r)
{
    const char *s = a->body;
    size_t lo = a->paras[p > 0 ? p - 1 : 0].start, k;
    size_t best_f = 0, best_n = 0, best_e = 0;
    bool found = false;

    attrib_tokenize(t, s, lo, end);
    for (k = 0; k < t->n; k++) {
        size_t f, n;
        if (t->v[k].kind != TOK_WORD || !t->v[k].cap ||
            (k + 1 < t->n && t->v[k + 1].kind == TOK_WORD &&
             t->v[k + 1].cap))
            continue;
        f = attrib_run_left(s, t, k);
        n = attrib_strip_titles(s, t, f, k);
        if (n > k || k - n < 1 ||
            tok_is(s, &t->v[k], attrib_bodies, NELEM(attrib_bodies)))
            continue;
        best_f = f;
        best_n = n;
        best_e = k;
        found = true;
    }
    if (!found)
        return false;
    free(r->speaker);
    free(r->role);
    r->speaker = xstrndup(s + t->v[best_n].s, t->v[best_e].e - t->v[best_n].s);
    r->role = best_n > best_f ? xstrndup(s + t->v[best_f].s,
                                         t->v[best_n - 1].e - t->v[best_f].s)
                              : NULL;
    if (r->role != NULL)
        attrib_country(r->role, 0, strlen(r->role), r->country);
    r->method = "pronoun";
    r->confidence = 0.6;
    return true;
}

/* Copies the speaker of src into r, naming src as where it came from. */
static void
attrib_inherit(struct record *r, const struct record *src, const char *method,
               double confidence)
{
    free(r->speaker);
    free(r->role);
    r->speaker = src->speaker ? xstrdup(src->speaker) : NULL;
    r->role = src->role ? xstrdup(src->role) : NULL;
    memcpy(r->country, src->country, sizeof r->country);
    memcpy(r->from, src->id, sizeof r->from);
    r->method = method;
    r->confidence = confidence;
}

/* Whether the quote stands for speech rather than a title or scare quote:
 * attributed, or a clause of its own (four words, or ending punctuation). */
static enum quote_kind
attrib_kind(const struct record *r)
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

void
attrib_article(const struct article *a, const struct quote_span *spans,
               struct record *recs, size_t n)
{
    struct toks t = {0}, scratch = {0};
    const char *s = a->body;
    size_t k;

    for (k = 0; k < n; k++) {
        const struct quote_span *q = &spans[k];
        const struct para *p = &a->paras[q->para];
        size_t lo = p->start, hi = p->end;
        struct found fd;

        recs[k].speaker_start = recs[k].speaker_end = RECORD_NONE;
        recs[k].cue_start = recs[k].cue_end = RECORD_NONE;
        /* The clause after the quote runs to the next quote. */
        if (k + 1 < n && spans[k + 1].para == q->para)
            hi = spans[k + 1].open;
        attrib_tokenize(&t, s, q->close, hi);
        fd = attrib_after(s, &t);
        if (!fd.found) {
            if (k > 0 && spans[k - 1].para == q->para)
                lo = spans[k - 1].close;
            attrib_tokenize(&t, s, lo, q->open);
            fd = attrib_before(s, &t);
        }
        if (fd.found)
            attrib_fill(a, &t, &fd, &recs[k], &scratch);
    }
    /* Pronouns, subjectless cues ("adding that it was …") and quote-only
     * paragraphs take the speaker of the quote before. */
    for (k = 0; k < n; k++) {
        struct record *r = &recs[k];
        const struct record *prev = NULL;
        size_t j;

        for (j = k; j-- > 0;) {
            if (spans[k].para - spans[j].para > ATTRIB_PARA_REACH)
                break;
            if (recs[j].speaker != NULL) {
                prev = &recs[j];
                break;
            }
        }
        if (r->method != NULL && r->speaker == NULL && prev != NULL &&
            strcmp(r->method, "anonymous") != 0) {
            attrib_inherit(r, prev, "pronoun", 0.7);
        } else if (r->method != NULL && r->speaker == NULL &&
                   strcmp(r->method, "anonymous") != 0) {
            attrib_last_person(a, spans[k].para, r->speaker_start, &t, r);
        } else if (r->method == NULL && prev != NULL && k > 0 &&
                   recs[k - 1].speaker != NULL &&
                   (spans[k - 1].para == spans[k].para ||
                    (spans[k - 1].para + 1 == spans[k].para &&
                     spans[k].open == a->paras[spans[k].para].start))) {
            attrib_inherit(r, &recs[k - 1], "continuation", 0.75);
        }
        if (r->method != NULL && r->speaker == NULL &&
            strcmp(r->method, "anonymous") != 0) {
            /* A pronoun with nobody before it: abstain. */
            r->method = NULL;
            r->confidence = 0;
        }
        if (r->method != NULL && strcmp(r->method, "pronoun") != 0 &&
            strcmp(r->method, "continuation") != 0)
            r->from[0] = '\0';
        r->kind = attrib_kind(r);
    }
    free(scratch.v);
    free(t.v);
}
