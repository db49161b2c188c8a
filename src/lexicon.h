/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_LEXICON_H
#define QUOTH_LEXICON_H

#include <stddef.h>

/* Word classes the attribution rules read. The words are data
 * (src/lexicon.tsv, turned into a sorted C table at build time by
 * tools/gen-lexicon.py, which reads the values below). A word may belong
 * to several classes. */
enum lex_class {
    LEX_CUE = 1u << 0,        /* speech verb or its form: said, told, adds */
    LEX_NAMING = 1u << 1,     /* naming verb for partial quotes: called */
    LEX_TITLE = 1u << 2,      /* capitalised title or office: Minister */
    LEX_ROLE = 1u << 3,       /* lower-case role noun: spokesman, senator */
    LEX_MALE = 1u << 4,       /* male forename or honorific */
    LEX_FEMALE = 1u << 5,     /* female forename or honorific */
    LEX_BODY = 1u << 6,       /* last word of an organisation: Ministry */
    LEX_FUNC = 1u << 7,       /* capitalised word that opens no name: After */
    LEX_TIME = 1u << 8,       /* month, weekday, time word */
    LEX_PARTICLE = 1u << 9,   /* lower-case word inside a name: van, de */
    LEX_SUFFIX = 1u << 10,    /* Jr., II */
    LEX_ADVERB = 1u << 11,    /* may stand between subject and verb: also */
    LEX_PASSIVE = 1u << 12,   /* makes a following cue passive: was */
    LEX_PRONOUN_M = 1u << 13, /* he */
    LEX_PRONOUN_F = 1u << 14, /* she */
    LEX_INDEF = 1u << 15,     /* determiner of an anonymous source: a, two */
    LEX_DEF = 1u << 16,       /* definite determiner: the, his */
    LEX_ANON = 1u << 17,      /* head noun of an unnamed source: official */
    LEX_ABBREV = 1u << 18,    /* capitalised abbreviation that keeps its dot */
    LEX_USSTATE = 1u << 19,   /* a US state, its name or abbreviation */
    LEX_USMARK = 1u << 20,    /* a word that places a text in the US */
    LEX_INTL = 1u << 21,      /* an international body: NATO, UN */
    LEX_HONORIFIC = 1u << 22, /* Mr, Ms, Dr: a title that keeps a surname */
    LEX_CLAUSE = 1u << 23,    /* a word that cannot sit inside a subject */
    LEX_PLACE = 1u << 24,     /* makes a capitalised run a place or thing */
    LEX_PRESS = 1u << 25,     /* last word of a title that keeps its "The" */
    LEX_WORK = 1u << 26,      /* a noun naming a work: the song "…" */
    LEX_VENUE = 1u << 27,     /* an occasion one tells: told a briefing */
    LEX_NAMING_STATEMENT = 1u << 28, /* a cue before "statement": issued */
    LEX_THAT_CUE = 1u << 29,  /* a cue only before "that": found, ruled */
    LEX_DOC = 1u << 30,       /* a document that speaks: report, memo */
};

/* The classes of the word or phrase s[0..n), exactly as written (case
 * matters), or 0. */
unsigned lexicon_classes(const char *s, size_t n);

#endif
