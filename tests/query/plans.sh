#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The plans of a search by -date with a limit (index.c, index_plan) give
# the same quotes in the same order: over a generated index (600 articles,
# 2,400 quotes; words in every quote, in one in ten, in one in a hundred;
# few dates, so that many quotes tie on the date; some articles with no
# date), the ids of the first N under the plan chosen, under each plan
# forced, under the one statement that sorts every match, and when the
# walks run out of time at once, must be the same list, for words,
# phrases, fields and their combinations.
. "$QUOTH_SRC/tests/cli/lib.sh"
: "${QUOTH_PROBE:?QUOTH_PROBE must name the built tests/query/probe}"
db=$WORK/plans.db

python3 - >"$WORK/gen.jsonl" <<'PY'
import json
people = [("John Smith", "the French foreign minister"),
          ("Maria Gonzalez", "a Spanish farmer"),
          ("Olu Adeyemi", "Nigeria's trade minister"),
          ("Anna Berg", "a spokeswoman")]
for a in range(600):
    paras = []
    for k in range(4):
        n = a * 4 + k
        words = ["alpha"]
        if n % 10 == 0:
            words.append("beta")
        if n % 100 == 0:
            words.append("gamma delta")
        if n % 7 == 0:
            words.append("epsilon")
        name, role = people[(a + k) % len(people)]
        paras.append('"%s quote %d of article %d," said %s, %s.'
                     % (" ".join(words).capitalize(), k, a, name, role))
    art = {"url": "https://example.org/plans/%d" % a, "title": "A%d" % a,
           "source": "Example", "text": "\n\n".join(paras)}
    if a % 13:
        art["date"] = "2020-01-%02d" % (a % 5 + 1)
    print(json.dumps(art))
PY
q index -q --db "$db" "$WORK/gen.jsonl"
expect_rc 0 "index the generated articles"
q search --db "$db" -f tsv alpha
expect_cmd "every quote has alpha ($(tail -n +2 "$WORK/out" | wc -l))" \
    test "$(tail -n +2 "$WORK/out" | wc -l)" -eq 2400

# same N QUERY: the six lists of probe plans are one, of as many ids as
# the first N of every quote `quoth search` finds with no limit
same() {
    local out first n all
    q search --db "$db" -f tsv -- "$2"
    all=$(tail -n +2 "$WORK/out" | wc -l)
    out=$(${QUOTH_WRAP:-} "$QUOTH_PROBE" plans "$db" "$1" "$2" 2>&1)
    first=$(head -n 1 <<<"$out" | cut -d: -f2-)
    n=$(wc -w <<<"$first")
    if [ "$(cut -d: -f2- <<<"$out" | sort -u | wc -l)" -eq 1 ] &&
       [ "$(wc -l <<<"$out")" -eq 6 ] &&
       [ "$n" -eq "$((all < $1 ? all : $1))" ] &&
       ! grep -q error <<<"$out"; then
        ok "first $1 of '$2' ($all): the same $n ids under every plan"
    else
        not_ok "first $1 of '$2' ($all found)" "$out"
    fi
}
for n in 1 7 100 1000; do
    for query in alpha beta gamma '"gamma delta"' 'alpha -beta' \
                 'beta | gamma' country:fr 'country:fr beta' \
                 'speaker:gonzalez epsilon' 'speaker:smith -alpha' \
                 'source:example gamma' "alpha 'ticle 5" \
                 'beta /quote [12]/' 'role:minister beta' '-epsilon'; do
        same $n "$query"
    done
done
# The plan chosen: the ids it gives are those of a search sorted by
# -date with no limit, cut to the first 100 (another code path).
q search --db "$db" -f tsv --sort -date beta
want=$(tail -n +2 "$WORK/out" | cut -f1 | head -n 100 | tr '\n' ' ')
q search --db "$db" -f tsv --limit 100 beta
got=$(tail -n +2 "$WORK/out" | cut -f1 | tr '\n' ' ')
expect_cmd "search --limit 100 beta is the first 100 of the sorted whole" \
    test "$got" = "$want"

# speaker: finds its keys through speaker_words; an index without the
# table (made by an older quoth) is searched through a view of the same
# words, and gets the table when next opened to write.
q search --db "$db" -f tsv 'speaker:gonzalez | speaker:smi*'
sp_want=$(tail -n +2 "$WORK/out" | cut -f1 | tr '\n' ' ')
cp "$db" "$WORK/old.db"
sqlite3 "$WORK/old.db" 'DROP TABLE speaker_words'
q search --db "$WORK/old.db" -f tsv 'speaker:gonzalez | speaker:smi*'
got=$(tail -n +2 "$WORK/out" | cut -f1 | tr '\n' ' ')
expect_cmd "without speaker_words, the same $(wc -w <<<"$sp_want") quotes" \
    test -n "$sp_want" -a "$got" = "$sp_want"
mkdir -p "$WORK/none"
q index -q --db "$WORK/old.db" "$WORK/none"
expect_cmd "opened to write, it has the table again" test \
    "$(sqlite3 "$WORK/old.db" 'SELECT count(*) FROM speaker_words')" = \
    "$(sqlite3 "$db" 'SELECT count(*) FROM speaker_words')"

# index_tidy: a run that leaves the full-text index in many segments
# (FTS5's automerge off: one a transaction) merges it into one.
q index -q --db "$WORK/tidy.db" "$WORK/none"
sqlite3 "$WORK/tidy.db" \
    "INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('automerge', 0)"
q index -q --db "$WORK/tidy.db" "$WORK/gen.jsonl"
expect_rc 0 "index 600 articles, one transaction each"
expect_cmd "one segment after the run" test "$(sqlite3 "$WORK/tidy.db" \
    'SELECT count(DISTINCT segid) FROM quotes_fts_idx')" = 1
expect_cmd "FTS5 integrity-check" sqlite3 "$WORK/tidy.db" \
    "INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')"
q search --db "$WORK/tidy.db" -f tsv --limit 100 beta
expect_cmd "and the same first 100 for beta" \
    test "$(tail -n +2 "$WORK/out" | cut -f1 | tr '\n' ' ')" = "$want"

done_testing
