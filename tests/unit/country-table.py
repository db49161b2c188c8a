#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The generated country test: every UN member's names, demonyms, capitals
and seats of power, every US state and its party tags, and a list of words
and sentences that must name no country (or only the right ones).

usage: country-table.py PROBE ISO_3166-1.json UN-MEMBERS.tsv COUNTRY-WORDS.tsv
                        US-STATES.tsv

The expectations come from the data files and iso-codes, read here on their
own, not from the C table that tools/gen-countries.py makes of them; the
answers come from country_probe (tests/unit/country_probe.c), which asks
src/country.c. Prints TAP: one line per member, per US state, per fixed
case; each line says how many forms it checked and lists what failed.
"""
import json
import os
import shlex
import subprocess
import sys
import unicodedata

COLUMNS = ('name', 'demonym', 'capital', 'seat')

# Words and phrases that must give no country at all from country_lookup,
# or the code given (the likely wrong answer, to say why, follows '#').
LOOKUPS = [
    # Ordinary words: lookups are case-sensitive.
    ('china', None), ('turkey', None), ('chad', None), ('jordan', None),
    ('guinea', None), ('japan', None), ('georgia', None), ('india', None),
    ('polish', None), ('french', None), ('male', None), ('nice', None),
    ('kremlin', None), ('us', None),
    # Capitals that are also words, names or places elsewhere.
    ('Male', None), ('Victoria', None), ('Kingston', None),
    ('Georgetown', None), ('Nassau', None), ('Panama City', None),
    ('San Jose', None), ('San José', None), ('Brussels', None),
    ("St. John's", None), ("St. George's", None),
    # Regions, continents, papers: the longest phrase wins.
    ('Latin America', None), ('Latin American', None),
    ('South America', None), ('North American', None),
    ('New England', None), ('New South Wales', None), ('New Guinea', None),
    ('Washington Post', None), ('George Washington', None),
    ('Indian Ocean', None), ('West Indies', None), ('British Columbia', None),
    ('Gulf of Guinea', None),
    # US states are the US, never the country inside their name.
    ('New Mexico', 'US'), ('New Jersey', 'US'), ('New York', 'US'),
    ('Washington state', 'US'), ('D.C.', 'US'),
    # Territories keep their own codes.
    ('Puerto Rico', 'PR'), ('Guam', 'GU'), ('Hong Kong', 'HK'),
    ('Taiwan', 'TW'), ('Kosovo', 'XK'), ('Palestine', 'PS'),
    ('South Georgia', 'GS'), ('Niger Delta', 'NG'),
    # Cut phrases and near misses.
    ('Frances', None), ('Chinatown', None), ('Atlantis', None),
    ('F', None), ('Russia Federation', None),
]

# country_find on text: the codes it must give, in order ('' for none).
FINDS = [
    ('talks in Kyiv and Moscow', 'UA RU'),
    ('the Kremlin and the White House', 'RU US'),
    ('a Downing Street spokesman and the Elysee', 'GB FR'),
    ('Quai d\u2019Orsay officials', 'FR'),
    ('Jobs moved from New Mexico to Mexico', 'MX'),
    ('he grew up in New Jersey, not Jersey', 'JE'),
    ('Michael Jordan played in Chicago', ''),
    ('Jordan Bardella said so', ''),
    ('talks with Jordan and Egypt', 'JO EG'),
    ('Egypt, Jordan and Iraq', 'EG JO IQ'),
    ('In Jordan, prices rose', 'JO'),
    ('Chad Wolf, the acting secretary', ''),
    ('troops left Chad on Monday', 'TD'),
    ('Santiago Pe\u00f1a met the press', ''),
    ('protests in Santiago grew', 'CL'),
    ('Georgia Gov. Brian Kemp signed it', ''),
    ('voters in Georgia and Arizona', ''),
    ('Russia invaded Georgia in 2008', 'RU GE'),
    ('Sen. Jon Ossoff (D-Ga.) said Georgia would gain', ''),
    ('Georgia and Florida, said Tbilisi', 'GE'),
    ('the Washington Post reported', ''),
    ('George Washington crossed the river', ''),
    ('Washington and Beijing agreed', 'US CN'),
    ('he told reporters in Washington Tuesday', 'US'),
    ('rain in Washington state', ''),
    ('Latin American leaders met', ''),
    ('across South America and New England', ''),
    ('pro-Kremlin media', 'RU'),
    ('US-China trade', 'US CN'),
    ('African-American voters and un-American acts', 'US'),
    ('American Samoans', 'AS'),
    ('a New Mexico-based firm', ''),
    ('a Hong Kong-based firm', 'HK'),
    ("C\u00f4te d\u2019Ivoire and Cote d'Ivoire", 'CI'),
    ('aid to St. Lucia and St Kitts', 'LC KN'),
    ('St. Vincent de Paul and Marillac St. Vincent Family Services', ''),
    ('the Democratic Republic of the Congo', 'CD'),
    ('the Republic of the Congo', 'CG'),
    ('turkey and china for dinner', ''),
    ('Male voters in Mal\u00e9', 'MV'),
    ('Panama City, Florida, not Panama', 'PA'),
    ('\u201cKremlin\u201d officials', 'RU'),
    ('Russia\u2019s war and Ukraine\'s army', 'RU UA'),
    ('the U.S.-led talks. France agreed.', 'US FR'),
    ('Trade between Kenya and Tanzania doubled, and Ugandan exporters',
     'KE TZ UG'),
    ('in the Gulf of Guinea and Papua New Guinea', 'PG'),
    ('New South Wales and Wales', 'GB'),
]

# country_party_tag: tags that are not US party tags.
NOT_TAGS = ['', '(', '()', 'D', 'D-', '(D-)', '(D-MA', 'D-MA)', '(X-MA)',
            'D-Oakland', '(D-oakland)', 'D-MA-', '(R-Texas-)', '(D MA)',
            'D-Massachusettsx', '(D-MA) ', 'Dem-MA']


def iso_forms(c):
    """The names of an iso-codes entry, as un-members.tsv's header says
    the generator takes them."""
    out = []
    for key in ('name', 'common_name', 'official_name'):
        v = c.get(key)
        if not v:
            continue
        v = v[4:] if v.startswith('the ') else v
        v = v.split('(')[0].strip()
        if ',' in v:
            head, tail = (p.strip() for p in v.split(',', 1))
            if not (tail.endswith(' of') or tail.endswith(' of the') or
                    ' ' not in tail):
                continue
            v = tail + ' ' + head
            v = v[4:] if v.startswith('The ') else v
        out.append(v)
    return out


def variants(w):
    """The spellings the header promises: St, St., ’, no accents."""
    out = [w]
    if w.startswith('Saint '):
        out += ['St ' + w[6:], 'St. ' + w[6:]]
    out += [v.replace("'", '\u2019') for v in out if "'" in v]
    plain = [''.join(ch for ch in unicodedata.normalize('NFKD', v)
                     if not unicodedata.combining(ch)) for v in out]
    return [v for v in out[1:] + plain if v != w]


def plural(n, word):
    return f'{n} {word}' + ('' if n == 1 else 's')


def read_tsv(path):
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line and not line.startswith('#'):
                yield line.split('\t')


def split(field):
    return [] if field == '-' else field.split(';')


class Probe:
    """Batches requests to country_probe: ask() hands back a slot that is
    filled by run()."""

    def __init__(self, path):
        self.path = path
        self.requests = []

    def ask(self, kind, text):
        self.requests.append(f'{kind}\t{text}')
        return len(self.requests) - 1

    def run(self):
        wrap = shlex.split(os.environ.get('QUOTH_WRAP', ''))
        proc = subprocess.run(wrap + [self.path],
                              input='\n'.join(self.requests) + '\n',
                              capture_output=True, encoding='utf-8')
        if proc.returncode != 0:
            sys.exit(f'country_probe failed: {proc.stderr.strip()}')
        self.answers = proc.stdout.split('\n')
        if len(self.answers) < len(self.requests):
            sys.exit('country_probe gave too few answers')


class Case:
    """One TAP line: a title and its checks, (what, slot, test, want)."""

    def __init__(self, title):
        self.title = title
        self.checks = []
        self.problems = []

    def check(self, what, slot, test, want):
        self.checks.append((what, slot, test, want))


def member_cases(probe, iso, un_path, explicit):
    cases = []
    count = 0
    for fields in read_tsv(un_path):
        cc = fields[0]
        count += 1
        case = Case(f'{cc} {iso[cc]["name"]}')
        forms = [(v, 'name', '') for v in iso_forms(iso[cc])]
        for col, field in zip(COLUMNS, fields[1:]):
            for f in split(field):
                mark = f[0] if f[0] in '~?' else ''
                forms.append((f[len(mark):], col, mark))
        listed = {col: [f for f, c, m in forms if c == col]
                  for col in COLUMNS}
        if not any(c == 'name' and m != '~' for f, c, m in forms):
            case.problems.append('no name that matches')
        if not listed['demonym']:
            case.problems.append('no demonym listed')
        if not listed['capital']:
            case.problems.append('no capital listed')
        first_kind, person, blocked = {}, set(), set()
        for f, col, mark in forms:
            if mark == '~':
                blocked.add(f)
                continue
            first_kind.setdefault(f, col)
            if mark == '?':
                person.add(f)
        for f in list(first_kind):
            for v in variants(f):
                if v not in explicit and v not in first_kind:
                    first_kind[v] = first_kind[f]
        for f, kind in first_kind.items():
            case.check(f'lookup "{f}"', probe.ask('L', f), 'lookup',
                       (cc, kind, f in person))
            case.check(f'find "{f}"', probe.ask('F', f'talks with {f} today'),
                       'find', cc)
        for f in blocked:
            case.check(f'lookup "~{f}"', probe.ask('L', f), 'not', cc)
            case.check(f'find "~{f}"',
                       probe.ask('F', f'talks with {f} today'), 'notfind', cc)
        case.title += (f': {len(first_kind)} forms match (' +
                       ', '.join(plural(len(listed[c]), c) for c in COLUMNS) +
                       ' and their variants), ' +
                       plural(len(blocked), 'form') + ' must not')
        cases.append(case)
    count_case = Case(f'{un_path} lists {count} members, want 193')
    if count != 193:
        count_case.problems.append(f'{count} members')
    return [count_case] + cases


def state_cases(probe, states_path, countries):
    cases = []
    for names, postal, abbrevs, kind in read_tsv(states_path):
        names, abbrevs = split(names), split(abbrevs)
        case = Case(f'US {kind} {names[0]}: names and party tags')
        for name in names:
            slot = probe.ask('L', name)
            ftext = f'voters in {name} today'
            if kind == 'territory':
                case.check(f'lookup "{name}"', slot, 'lookup',
                           (postal, 'name', False))
            elif name in countries:
                cc = countries[name]
                case.check(f'lookup "{name}"', slot, 'code', cc)
                case.check(f'find "{ftext}"', probe.ask('F', ftext), 'find',
                           cc)
            else:
                case.check(f'lookup "{name}"', slot, 'lookup',
                           ('US', 'us_state', False))
                case.check(f'find "{ftext}"', probe.ask('F', ftext), 'find',
                           '-')
        tags = [f'(D-{postal})', f'D-{postal}', f'(R-{postal}-14)',
                f'(D\u2013{postal})']
        tags += [f'(R-{a})' for a in abbrevs] + [f'I-{a}' for a in abbrevs]
        tags += [f'(I-{n})' for n in names] + [f'(ID-{n})' for n in names]
        for t in tags:
            case.check(f'party tag "{t}"', probe.ask('P', t), 'tag', 'US')
        case.title += f' ({len(case.checks)} checks)'
        cases.append(case)
    return cases


def fixed_cases(probe):
    look = Case(f'{len(LOOKUPS)} words that are no country, or not the '
                'one inside them')
    for phrase, want in LOOKUPS:
        look.check(f'lookup "{phrase}"', probe.ask('L', phrase), 'code',
                   want or '-')
    finds = []
    for text, want in FINDS:
        c = Case(f'country_find "{text}" gives "{want}"')
        c.check('find', probe.ask('F', text), 'find', want or '-')
        finds.append(c)
    tags = Case(f'{len(NOT_TAGS) + 4} near misses are no party tag')
    for t in NOT_TAGS:
        tags.check(f'party tag "{t}"', probe.ask('P', t), 'tag', '-')
    for t in ['(D-Oakland)', '(R-San Francisco)', '(DFL-MN)',
              '(R-AK-At Large)']:
        tags.check(f'party tag "{t}"', probe.ask('P', t), 'tag', 'US')
    return [look] + finds + [tags]


def judge(case, answers):
    for what, slot, test, want in case.checks:
        got = answers[slot]
        if test == 'lookup':
            cc, kind, person = want
            parts = got.split(' ')
            ok = (parts[0] == cc and parts[1] == kind and
                  (not person or int(parts[2]) & 1))
            want = f'{cc} {kind}' + (' flag 1' if person else '')
        elif test == 'code':
            ok = got.split(' ')[0] == want
        elif test == 'not':
            ok = got.split(' ')[0] != want
            want = f'not {want}'
        elif test == 'notfind':
            ok = want not in got.split(' ')
            want = f'not {want}'
        else:
            ok = got == want
        if not ok:
            case.problems.append(f'{what}: got "{got}", want "{want}"')


def main():
    probe_path, iso_path, un_path, words, states_path = sys.argv[1:6]
    with open(iso_path, encoding='utf-8') as f:
        iso = {c['alpha_2']: c for c in json.load(f)['3166-1']}
    explicit = set()
    countries = {}
    for fields in read_tsv(un_path):
        for field in fields[1:]:
            for f in split(field):
                explicit.add(f.lstrip('~?'))
                if f[0] == '?' or f[0] not in '~?':
                    countries.setdefault(f.lstrip('?'), fields[0])
    for c in iso.values():
        for v in iso_forms(c):
            countries.setdefault(v, c['alpha_2'])
    for fields in read_tsv(words):
        explicit.add(fields[0])
    for fields in read_tsv(states_path):
        explicit.update(split(fields[0]))

    probe = Probe(probe_path)
    cases = member_cases(probe, iso, un_path, explicit)
    cases += state_cases(probe, states_path, countries)
    cases += fixed_cases(probe)
    probe.run()
    failed = 0
    total = 0
    for n, case in enumerate(cases, 1):
        judge(case, probe.answers)
        total += len(case.checks)
        if case.problems:
            failed += 1
            print(f'not ok {n} - {case.title}')
            for p in case.problems:
                print(f'# {p}')
        else:
            print(f'ok {n} - {case.title}')
    print(f'# {total} checks in {len(cases)} cases')
    print(f'1..{len(cases)}')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
