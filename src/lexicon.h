/* SPDX-License-Identifier: MIT */
#ifndef QUOTH_LEXICON_H
#define QUOTH_LEXICON_H

#include <stddef.h>
#include <stdint.h>

/* Word classes the attribution rules read, as bits of a lex_mask. The
 * words are data (src/lexicon.tsv, turned into a sorted C table at build
 * time by tools/gen-lexicon.py, which reads the values below). A word may
 * belong to several classes. */
typedef uint64_t lex_mask;

/* speech verb or its form: said, told, adds */
#define LEX_CUE ((lex_mask)1 << 0)
/* naming verb for partial quotes: called */
#define LEX_NAMING ((lex_mask)1 << 1)
/* capitalised title or office: Minister */
#define LEX_TITLE ((lex_mask)1 << 2)
/* lower-case role noun: spokesman, senator */
#define LEX_ROLE ((lex_mask)1 << 3)
/* male forename or honorific */
#define LEX_MALE ((lex_mask)1 << 4)
/* female forename or honorific */
#define LEX_FEMALE ((lex_mask)1 << 5)
/* last word of an organisation: Ministry */
#define LEX_BODY ((lex_mask)1 << 6)
/* capitalised word that opens no name: After */
#define LEX_FUNC ((lex_mask)1 << 7)
/* month, weekday, time word */
#define LEX_TIME ((lex_mask)1 << 8)
/* lower-case word inside a name: van, de */
#define LEX_PARTICLE ((lex_mask)1 << 9)
/* Jr., II */
#define LEX_SUFFIX ((lex_mask)1 << 10)
/* may stand between subject and verb: also */
#define LEX_ADVERB ((lex_mask)1 << 11)
/* makes a following cue passive: was */
#define LEX_PASSIVE ((lex_mask)1 << 12)
/* he */
#define LEX_PRONOUN_M ((lex_mask)1 << 13)
/* she */
#define LEX_PRONOUN_F ((lex_mask)1 << 14)
/* determiner of an anonymous source: a, two */
#define LEX_INDEF ((lex_mask)1 << 15)
/* definite determiner: the, his */
#define LEX_DEF ((lex_mask)1 << 16)
/* head noun of an unnamed source: official */
#define LEX_ANON ((lex_mask)1 << 17)
/* capitalised abbreviation that keeps its dot */
#define LEX_ABBREV ((lex_mask)1 << 18)
/* a US state, its name or abbreviation */
#define LEX_USSTATE ((lex_mask)1 << 19)
/* a word that places a text in the US */
#define LEX_USMARK ((lex_mask)1 << 20)
/* an international body: NATO, UN */
#define LEX_INTL ((lex_mask)1 << 21)
/* Mr, Ms, Dr: a title that keeps a surname */
#define LEX_HONORIFIC ((lex_mask)1 << 22)
/* a word that cannot sit inside a subject */
#define LEX_CLAUSE ((lex_mask)1 << 23)
/* makes a capitalised run a place or thing */
#define LEX_PLACE ((lex_mask)1 << 24)
/* last word of a title that keeps its "The" */
#define LEX_PRESS ((lex_mask)1 << 25)
/* a noun naming a work: the song "…" */
#define LEX_WORK ((lex_mask)1 << 26)
/* an occasion one tells: told a briefing */
#define LEX_VENUE ((lex_mask)1 << 27)
/* a cue before "statement": issued */
#define LEX_NAMING_STATEMENT ((lex_mask)1 << 28)
/* a cue only before "that": found, ruled */
#define LEX_THAT_CUE ((lex_mask)1 << 29)
/* a document that speaks: report, memo */
#define LEX_DOC ((lex_mask)1 << 30)
/* a role only a woman has: widow */
#define LEX_ROLE_F ((lex_mask)1 << 31)
/* a role only a man has: widower */
#define LEX_ROLE_M ((lex_mask)1 << 32)
/* a state's own body: Ministry */
#define LEX_STATE_BODY ((lex_mask)1 << 33)
/* a noun for words said: remarks */
#define LEX_WORDS ((lex_mask)1 << 34)
/* a work was it: written, filmed */
#define LEX_MADE ((lex_mask)1 << 35)
/* an auxiliary verb: is, has */
#define LEX_AUX ((lex_mask)1 << 36)
/* opens a subordinate clause: after */
#define LEX_SUBORD ((lex_mask)1 << 37)
/* makes a country a topic: on, to */
#define LEX_TOPIC ((lex_mask)1 << 38)
/* a possessive determiner: my, his */
#define LEX_POSS_DET ((lex_mask)1 << 39)
/* ends a name in a headline, or says what kind of statement it announces:
 * Following, Floor */
#define LEX_HEAD_STOP ((lex_mask)1 << 40)
/* an unnamed source "the official" can refer back to: official, aide */
#define LEX_SOURCE ((lex_mask)1 << 41)

/* The classes of the word or phrase s[0..n), exactly as written (case
 * matters), or 0. */
lex_mask lexicon_classes(const char *s, size_t n);

#endif
