#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes countries.c: the country table quoth matches names against.

usage: gen-countries.py ISO_3166-1.json UN-MEMBERS.tsv WORDS.tsv
                        US-STATES.tsv OUT.c

Names come from Debian's iso-codes (name, common_name, official_name, the
inverted comma forms "Korea, Republic of" -> "Republic of Korea", and names
without their parenthesis); UN-MEMBERS.tsv adds, for each of the 193 UN
members, the names news uses, demonyms, capitals and seats of power;
WORDS.tsv adds territories and blockers; US-STATES.tsv adds the US states
and the forms of party tags. The file headers say what each column means
and how ambiguity is handled. Every data error stops the build with
FILE:LINE: what is wrong.
"""
import json
import sys
import unicodedata

from cstring import c_str

KINDS = ('name', 'demonym', 'capital', 'seat', 'us_state', 'block')
C_KIND = {k: 'COUNTRY_' + k.upper() for k in KINDS}
PERSON = 1
US_TOO = 2




def iso_forms(c):
    """The names iso-codes gives a country, as news might write them."""
    forms = []
    for key in ('name', 'common_name', 'official_name'):
        v = c.get(key)
        if not v:
            continue
        if v.startswith('the '):
            v = v[4:]
        if '(' in v:
            v = v[:v.index('(')].strip()
        if ',' in v:
            head, tail = (p.strip() for p in v.split(',', 1))
            if tail.endswith(' of') or tail.endswith(' of the') or \
                    ' ' not in tail:
                v = tail + ' ' + head
                if v.startswith('The '):
                    v = v[4:]
            else:
                continue
        forms.append(v)
    return forms


def iso_display(c):
    """The country's name for people: common name, else the first form."""
    if c.get('common_name'):
        return c['common_name']
    forms = iso_forms(c)
    return forms[0] if forms else c['name']


def variants(w):
    """Spellings made from a form: St for Saint, the curly apostrophe,
    no accents."""
    out = [w]
    if w.startswith('Saint '):
        out += ['St ' + w[6:], 'St. ' + w[6:]]
    out += [v.replace("'", '\u2019') for v in out if "'" in v]
    plain = []
    for v in out:
        p = ''.join(ch for ch in unicodedata.normalize('NFKD', v)
                    if not unicodedata.combining(ch))
        if p != v:
            plain.append(p)
    return out[1:] + plain


class Table:
    def __init__(self):
        self.words = {}         # word -> [cc, kind, flags]
        self.where = {}         # word -> 'FILE:LINE' that set it

    def add(self, word, cc, kind, where, flags=0):
        old = self.words.get(word)
        if old is None:
            self.words[word] = [cc, kind, flags]
            self.where[word] = where
            return
        if old[0] != cc:
            sys.exit(f'{where}: "{word}" is {cc} here but {old[0]} at '
                     f'{self.where[word]}')
        old[2] |= flags


def read_tsv(path, ncols):
    """Yields (FILE:LINE, fields) for each data line of a tab file."""
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            fields = line.split('\t')
            if len(fields) not in ncols:
                sys.exit(f'{path}:{n}: want {" or ".join(map(str, ncols))} '
                         f'tab-separated fields, got {len(fields)}')
            yield f'{path}:{n}', fields


def forms_of(field):
    return [] if field == '-' else [f.strip() for f in field.split(';')]


def main():
    iso, un_tsv, words_tsv, states_tsv, out = sys.argv[1:6]
    with open(iso, encoding='utf-8') as f:
        countries = json.load(f)['3166-1']
    t = Table()
    names = {'XK': 'Kosovo'}
    for c in countries:
        cc = c['alpha_2']
        names[cc] = iso_display(c)
        for v in iso_forms(c):
            t.add(v, cc, 'name', iso)

    blocked = {}                # ~FORM -> where
    members = set()
    columns = ('name', 'demonym', 'capital', 'seat')
    for where, fields in read_tsv(un_tsv, (5,)):
        cc = fields[0]
        if cc not in names:
            sys.exit(f'{where}: unknown code {cc}')
        if cc in members:
            sys.exit(f'{where}: {cc} listed twice')
        members.add(cc)
        for kind, field in zip(columns, fields[1:]):
            for form in forms_of(field):
                if form.startswith('~'):
                    blocked.setdefault(form[1:], where)
                elif form.startswith('?'):
                    t.add(form[1:], cc, kind, where, PERSON)
                else:
                    t.add(form, cc, kind, where)
    if len(members) != 193:
        sys.exit(f'{un_tsv}: {len(members)} members, want 193')

    for where, fields in read_tsv(words_tsv, (2, 3)):
        word, cc = fields[0], fields[1]
        kind = fields[2] if len(fields) == 3 else 'name'
        if kind not in columns:
            sys.exit(f'{where}: unknown kind {kind}')
        if cc == '-':
            t.add(word, '', 'block', where)
        elif cc in names:
            t.add(word, cc, kind, where)
        else:
            sys.exit(f'{where}: unknown code {cc}')

    tags = set()
    for where, fields in read_tsv(states_tsv, (4,)):
        state_names, postal, abbrevs, kind = fields
        if kind not in ('state', 'district', 'territory'):
            sys.exit(f'{where}: unknown kind {kind}')
        for form in forms_of(state_names):
            tags.add(form)
            if kind == 'territory':
                continue
            old = t.words.get(form)
            if old is None:
                t.add(form, 'US', 'us_state', where)
            elif old[0] != 'US':
                old[2] |= US_TOO
        tags.add(postal)
        for a in forms_of(abbrevs):
            tags.add(a)
            if a.endswith('.'):
                tags.add(a[:-1])

    for word, where in blocked.items():
        if word not in t.words:
            t.add(word, '', 'block', where)

    for word in list(t.words):
        cc, kind, flags = t.words[word]
        for v in variants(word):
            if v not in t.words:
                t.add(v, cc, kind, t.where[word] + ' (a variant)', flags)

    keys = sorted(t.words, key=lambda w: w.encode('utf-8'))
    maxwords = max(len(w.split(' ')) for w in keys)
    with open(out, 'w', encoding='utf-8') as f:
        f.write('/* Generated by tools/gen-countries.py from iso-codes, '
                'src/un-members.tsv,\n * src/country-words.tsv and '
                'src/us-states.tsv. */\n')
        f.write('#include "countries.h"\n\n')
        f.write('const struct country_word country_words[] = {\n')
        for w in keys:
            cc, kind, flags = t.words[w]
            f.write(f'    {{{c_str(w)}, "{cc}", {C_KIND[kind]}, '
                    f'{flags}}},\n')
        f.write('};\n')
        f.write('const size_t country_nwords = '
                'sizeof country_words / sizeof *country_words;\n')
        f.write(f'const size_t country_maxwords = {maxwords};\n\n')
        f.write('const struct country_word country_names[] = {\n')
        for cc in sorted(names):
            f.write(f'    {{{c_str(names[cc])}, "{cc}", COUNTRY_NAME, 0}},\n')
        f.write('};\n')
        f.write('const size_t country_nnames = '
                'sizeof country_names / sizeof *country_names;\n\n')
        f.write('const char *const country_us_tags[] = {\n')
        for w in sorted(tags, key=lambda w: w.encode('utf-8')):
            f.write(f'    {c_str(w)},\n')
        f.write('};\n')
        f.write('const size_t country_nus_tags = '
                'sizeof country_us_tags / sizeof *country_us_tags;\n')


if __name__ == '__main__':
    main()
