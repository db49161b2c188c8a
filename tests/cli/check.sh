#!/usr/bin/env bash
# quoth check, quoth variants and is:conflict (issue 8) on real corpus
# quotes: one case a grade (EXACT, NEAR with its diff, FRAGMENT with what
# was cut, NONE), words credited to someone else (--speaker), words only
# in the reporter's text; the coverage line against sqlite3's counts; the
# variants table through re-indexing, pruning and an upgrade; the errors.
. "$(dirname "$0")/lib.sh"
db="$WORK/i.db"
c="$WORK/c"
mkdir -p "$c"
cp "$QUOTH_SRC/corpus/congress-press/press-releases-sample.jsonl" \
   "$QUOTH_SRC/corpus/globalvoices/index_1.html" \
   "$QUOTH_SRC"/corpus/wikinews/2020-10-29_On-the-campaign-trail-in-the-USA-September-2020.txt \
   "$QUOTH_SRC"/corpus/wikinews/2020-11-26_US-federal-agency-announces-plans-to-begin-presidential-tran.txt \
   "$c/"
# the Wikinews pages' metadata (dates, titles), for the two of them
grep -E '"(2020-10-29_On-the-campaign|2020-11-26_US-federal-agency)' \
    "$QUOTH_SRC/corpus/wikinews/manifest.jsonl" >"$c/manifest.jsonl"
q index -q --db "$db" "$c"
expect_rc 0 "index four corpus files"
export QUOTH_DB="$db"

# The words of an army father, in a congressman's press release.
said="If this was in place prior to my son's second deployment, it could have saved his life just like it will for so many service members who will be deploying in the future."

# check_case NAME RC 'LINE'... -- ARGS...: quoth check ARGS exits RC and
# its stdout has every LINE (a fixed string).
check_case() {
    local name=$1 rc=$2 want=() l
    shift 2
    while [ "$1" != "--" ]; do want+=("$1"); shift; done
    shift
    q check "$@"
    expect_rc "$rc" "$name"
    for l in "${want[@]}"; do
        expect_out_has "$l" "$name: $l"
    done
}

check_case "exact words" 0 \
    "EXACT    1.00  90c5c8e83d36  Gregg Keesling" \
    -- "$said"
check_case "curly marks, case, dashes and spacing fold away" 0 \
    "EXACT    1.00  90c5c8e83d36" \
    -- "IF THIS WAS IN PLACE — PRIOR TO MY SON’S SECOND   DEPLOYMENT it could have saved his life just like it will for so many service members who will be deploying in the future"
check_case "an ellipsis is an elision, not a changed word" 0 \
    "EXACT    1.00  90c5c8e83d36" \
    -- "If this was in place prior to my son's second deployment … who will be deploying in the future."
check_case "changed words: NEAR, with the diff" 0 \
    "NEAR     0.87  90c5c8e83d36" \
    "diff: If this was in place [-prior to-]{+before+} my son's second deployment, it could have saved his life just [-like-]{+as+} it will for [-so-] many service members" \
    -- "If this was in place before my son's second deployment, it could have saved his life just as it will for many service members who will be deploying in the future."
check_case "a truncated claim: FRAGMENT, with what was cut" 0 \
    "FRAGMENT 1.00  90c5c8e83d36" \
    "cut before: “If this was in place prior to my son's second deployment”" \
    "cut after: “who will be deploying in the future.”" \
    -- "it could have saved his life just like it will for so many service members"
check_case "--speaker: credited to that person" 0 \
    "the index credits these words to Keesling" \
    -- --speaker Keesling "$said"
check_case "--speaker: credited to someone else" 0 \
    "the index does not credit these words to André Carson but to Gregg Keesling: a possible misattribution" \
    -- --speaker "André Carson" "$said"
check_case "words only in the reporter's text" 1 \
    "NONE: no quote in the index has these words" \
    "found as the reporter's words in “Brazil: Amplified conversations to fight the Digital Crimes Bill”" \
    -- "On May 25th, it was time for a demonstration in Porto Alegre."
check_case "nothing" 1 \
    "NONE: no quote in the index has these words (at 0.70 or above)" \
    -- "The committee will publish its findings on river pollution after the summer recess ends."
check_case "--speaker and nothing" 1 \
    "no quote in the index has these words, credited to Keesling or to anyone" \
    -- --speaker Keesling "The committee will publish its findings on river pollution after the summer recess ends."
check_case "--min 0.9: the changed words are too many" 1 \
    "threshold 0.90" \
    -- --min 0.9 "If this was in place before my son's second deployment, it could have saved his life just as it will for many service members who will be deploying in the future."
printf '%s\n' "$said" >"$WORK/claim"
${QUOTH_WRAP:-} "$QUOTH" check -f jsonl - <"$WORK/claim" >"$WORK/out" 2>"$WORK/err"
RC=$?
expect_rc 0 "the claim from standard input"
expect_cmd "jsonl: the match, then what was searched" python3 -c "
import json, sys
l = [json.loads(x) for x in open(sys.argv[1])]
assert l[0]['grade'] == 'EXACT' and l[0]['id'] == '90c5c8e83d36', l[0]
assert l[0]['speaker'] == 'Gregg Keesling' and l[0]['score'] == 1.0
assert l[-1]['searched']['threshold'] == 0.7, l[-1]" "$WORK/out"
q check -f json --speaker "André Carson" "$said"
expect_cmd "json: the envelope says the verdict" python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert d['verdict'] == 'other' and d['credited_to_others'] == 'Gregg Keesling', d
assert d['results'][0]['credited'] is False" "$WORK/out"
q check -f csv "it could have saved his life just like it will for so many service members"
expect_cmd "csv: a header, a row, the coverage last" python3 -c "
import csv, sys
r = list(csv.reader(open(sys.argv[1], newline='')))
assert r[0][:3] == ['grade', 'score', 'id'] and r[1][0] == 'FRAGMENT', r
assert r[-1][0].startswith('# searched '), r[-1]" "$WORK/out"

# The coverage line counts what is in the index, as sqlite3 counts it
# (here, and after pruning, re-indexing and an upgrade below).
commas() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }
# coverage_ok WHEN: the last line of a check is what sqlite3 counts.
coverage_ok() {
    q check "$said"
    arts=$(sqlite3 "$db" 'SELECT count(*) FROM articles')
    quotes=$(sqlite3 "$db" 'SELECT count(*) FROM quotes')
    srcs=$(sqlite3 "$db" 'SELECT count(DISTINCT coalesce(source, domain)) FROM articles')
    span=$(sqlite3 "$db" "SELECT substr(min(date), 1, 10) || ' to ' || substr(max(date), 1, 10) FROM articles WHERE date > ''")
    want="searched $(commas "$arts") articles and $(commas "$quotes") quotes from $(commas "$srcs") sources, $span; threshold 0.70"
    expect_cmd "$1: the coverage line is the last and counts what sqlite3 counts ($want)" \
        test "$(tail -n 1 "$WORK/out")" = "$want"
}
if command -v sqlite3 >/dev/null; then
    coverage_ok "indexed"
    expect_cmd "the index has at least 100 quotes (the count is not trivial)" test "$quotes" -ge 100
    q check -f json "$said"
    expect_cmd "json: the same counts" python3 -c "
import json, sys
s = json.load(open(sys.argv[1]))['searched']
assert (s['articles'], s['quotes'], s['sources']) == ($arts, $quotes, $srcs), s" "$WORK/out"
else
    skip "coverage against sqlite3's counts" "sqlite3 is not installed"
fi

# Variants and conflicts: the same words, credited to Joe Biden and to
# Chris Christie in two Wikinews articles.
# (The pages have no URL: their ids come from the path.)
q search -f tsv 'speaker:biden "national embarrassment"'
biden=$(tail -n +2 "$WORK/out" | cut -f1)
q search -f tsv 'speaker:christie "national embarrassment"'
christie=$(tail -n +2 "$WORK/out" | cut -f1)
q variants "$biden"
expect_rc 0 "variants"
expect_out_has "first   2020-10-29  $biden  Joe Biden" "variants: the first appearance, oldest first"
expect_out_has "≠ 2020-11-26  $christie  Chris Christie" "variants: another speaker marked"
q search -f tsv is:conflict
expect_rc 0 "is:conflict"
expect_cmd "is:conflict: the two, and no single-word scare quote" \
    test "$(tail -n +2 "$WORK/out" | cut -f1 | sort | tr '\n' ' ')" = "$(printf '%s\n' "$biden" "$christie" | sort | tr '\n' ' ')"
q search -f tsv 'is:conflict speaker:biden'
expect_cmd "is:conflict combines with other fields" \
    test "$(tail -n +2 "$WORK/out" | cut -f1)" = "$biden"
q speaker biden
expect_rc 0 "speaker: a person's card"
expect_out_has "written as: Joe Biden (" "speaker: the written forms, the most used first"
expect_out_has "    US United States  2020-10-29 to 2020-10-29, 1 article, " "speaker: a country with its dates"
expect_out_has "    2020-10  " "speaker: quotes per month"
expect_out_has "    $biden “national embarrassment” also credited to Chris Christie" "speaker: the conflicts, and with whom"
q speaker christie
expect_out_has "    $christie “national embarrassment” also credited to Joe Biden" "speaker: the other side of the conflict"
expect_out_has "    former New Jersey governor  2020-11-26 to 2020-11-26, 1 article, 1 quote" "speaker: a role as described at the time"
q speaker Nobody Xyzzy
expect_rc 1 "speaker: nobody"
expect_err_line "quoth: no quote in the index is credited to Nobody Xyzzy" "speaker: nobody"
q variants 90c5c8e83d36
expect_out_has "1 appearance of the words of 90c5c8e83d36" "variants: a quote said once"

# The variants table follows the quotes: re-indexing, pruning.
if command -v sqlite3 >/dev/null; then
    same() {
        sqlite3 "$db" 'SELECT (SELECT count(*) FROM quotes) = (SELECT count(*) FROM variants) AND NOT EXISTS (SELECT 1 FROM variants v LEFT JOIN quotes q ON q.qid = v.qid WHERE q.qid IS NULL)'
    }
    expect_cmd "one variants row a quote" test "$(same)" = 1
    rm "$c"/2020-11-26_*.txt
    q index -q --prune --db "$db" "$c"
    expect_cmd "after --prune: one variants row a quote" test "$(same)" = 1
    coverage_ok "after --prune"
    q search -f tsv is:conflict
    expect_rc 1 "after --prune: no conflict left"
    cp "$QUOTH_SRC"/corpus/wikinews/2020-11-26_*.txt "$c/"
    q index -q --db "$db" "$c"
    q search -f tsv is:conflict
    expect_rc 0 "indexed again: the conflict is back"
    coverage_ok "indexed again"
    # an index of schema 2 is brought to 3 by `quoth index`
    sqlite3 "$db" 'DROP TABLE variants; DROP TABLE articles_fts; DROP INDEX articles_date; DROP TABLE check_counts; DROP TABLE check_sources; PRAGMA user_version = 2'
    q check "$said"
    expect_rc 4 "schema 2: check asks for an upgrade"
    q index -q --db "$db" "$c"
    expect_rc 0 "quoth index upgrades schema 2"
    expect_cmd "upgraded: one variants row a quote" test "$(same)" = 1
    coverage_ok "upgraded"
    q check "On May 25th, it was time for a demonstration in Porto Alegre."
    expect_out_has "found as the reporter's words" "upgraded: the articles' text is searched"
else
    skip "variants through re-indexing" "sqlite3 is not installed"
fi

# Variant groups kept as articles are indexed (group.c): a near variant
# (a changed word) in a later article joins the group; variants lists
# both; is:conflict finds them (two speakers); pruning one leaves the
# other alone. Three articles where B is near A and near C but A is not
# near C: one group, split in two when B goes; the same groups whatever
# the order the articles come in.
g="$WORK/g"
mkdir -p "$g"
art() { # FILE SPEAKER WORDS: an article with one quote
    printf 'The statement came on Monday.\n\n"%s," %s said.\n' "$3" "$2" >"$g/$1"
}
art a.txt "Mayor Anna Berg" "We will rebuild every bridge on the river before the winter comes"
art b.txt "Governor Paul Ek" "We will rebuild every road on the river before the winter ends"
art c.txt "Senator Ines Roth" "We will repair every road on the coast before the winter ends"
art d.txt "Judge Omar Lind" "Nothing in this ruling changes the rights of the people in the city"
gdb="$WORK/g.db"
# appearances DB NAME: how many appearances quoth variants gives the
# quote credited to NAME
appearances() {
    local id
    id=$(QUOTH_DB=$1 "$QUOTH" search -f tsv "speaker:$2" | tail -n +2 | cut -f1)
    QUOTH_DB=$1 "$QUOTH" variants "$id" | sed -n '1s/ appearances\{0,1\} of the words.*//p'
}
mkdir -p "$g/one"
cp "$g/a.txt" "$g/one/"
q index -q --db "$gdb" "$g/one"
expect_cmd "A alone: one appearance" test "$(appearances "$gdb" berg)" = 1
cp "$g/b.txt" "$g/one/"
q index -q --db "$gdb" "$g/one"
expect_cmd "B indexed after A, a changed word: the same group" test "$(appearances "$gdb" berg)" = 2
QUOTH_DB=$gdb q variants "$(QUOTH_DB=$gdb "$QUOTH" search -f tsv speaker:berg | tail -n +2 | cut -f1)"
expect_out_has "Paul Ek, Governor" "variants lists the later near variant"
expect_out_has "drift: We will rebuild every [-road-]{+bridge+}" "variants shows the drift"
QUOTH_DB=$gdb q search -f tsv is:conflict
expect_rc 0 "is:conflict finds the near variant with another speaker"
expect_cmd "is:conflict: both quotes" test "$(tail -n +2 "$WORK/out" | wc -l)" = 2
rm "$g/one/a.txt"
q index -q --prune --db "$gdb" "$g/one"
expect_cmd "A pruned: B alone" test "$(appearances "$gdb" ek)" = 1
QUOTH_DB=$gdb q search -f tsv is:conflict
expect_rc 1 "A pruned: no conflict left"
# groups DB: the speakers of each group, a group a line, sorted
groups() {
    local n
    for n in berg ek roth lind; do
        id=$(QUOTH_DB=$1 "$QUOTH" search -f tsv "speaker:$n" | tail -n +2 | cut -f1)
        QUOTH_DB=$1 "$QUOTH" variants -f tsv "$id" | tail -n +2 | grep -v '^#' | cut -f4 | sort | tr '\n' ',' ; echo
    done | grep . | sort -u
}
for order in "a b c d" "c b a d" "b d c a"; do
    rm -rf "$g/run" "$WORK/o.db"*
    mkdir "$g/run"
    for f in $order; do
        cp "$g/$f.txt" "$g/run/"
        q index -q --db "$WORK/o.db" "$g/run"
    done
    expect_cmd "order $order: A, B and C one group (B holds it), D alone" \
        test "$(groups "$WORK/o.db" | tr '\n' '|')" = "Anna Berg,Ines Roth,Paul Ek,|Omar Lind,|"
done
rm "$g/run/b.txt"
q index -q --prune --db "$WORK/o.db" "$g/run"
expect_cmd "B pruned: A and C part (not near each other)" \
    test "$(groups "$WORK/o.db" | tr '\n' '|')" = "Anna Berg,|Ines Roth,|Omar Lind,|"
cp "$g/b.txt" "$g/run/"
q index -q --db "$WORK/o.db" "$g/run"
expect_cmd "B back: one group again" \
    test "$(groups "$WORK/o.db" | tr '\n' '|')" = "Anna Berg,Ines Roth,Paul Ek,|Omar Lind,|"
if command -v sqlite3 >/dev/null; then
    # an index of schema 3 is brought to 4: its quotes grouped
    sqlite3 "$WORK/o.db" 'DROP TABLE vgroups; DROP TABLE vgroups_todo; DROP TABLE vgroups_dirty; DROP TABLE vgroups_conflicts; UPDATE meta SET value = 3 WHERE key = "schema"; PRAGMA user_version = 3'
    q variants 90c5c8e83d36 --db "$WORK/o.db"
    expect_rc 4 "schema 3: variants asks for an upgrade"
    q index -q --db "$WORK/o.db" "$g/run"
    expect_rc 0 "quoth index upgrades schema 3"
    expect_cmd "upgraded: the same groups" \
        test "$(groups "$WORK/o.db" | tr '\n' '|')" = "Anna Berg,Ines Roth,Paul Ek,|Omar Lind,|"
    expect_cmd "upgraded: nothing waits" test "$(sqlite3 "$WORK/o.db" 'SELECT count(*) FROM vgroups_todo')" = 0
    expect_cmd "upgraded: every quote in a group" test "$(sqlite3 "$WORK/o.db" 'SELECT count(*) FROM quotes q LEFT JOIN vgroups g USING(qid) WHERE g.g IS NULL')" = 0
else
    skip "the upgrade to schema 4" "sqlite3 is not installed"
fi

# Errors: one line, exit 2.
q check ""
expect_rc 2 "an empty claim"
expect_err_line "quoth: the claim has no words to check" "an empty claim"
q check "... —"
expect_rc 2 "a claim of punctuation"
q check
expect_rc 2 "no claim"
q check "$(printf 'word%d ' $(seq 401))"
expect_rc 2 "a claim of 401 words"
expect_err_line "quoth: the claim has 401 words; at most 400 are checked" "a claim of 401 words"
q check --min 1.5 "$said"
expect_rc 2 "--min 1.5"
expect_cmd "--min 1.5: says what --min takes" grep -q "^quoth: --min takes a score above 0 and at most 1, not '1.5'$" "$WORK/err"
q check --min abc "$said"
expect_rc 2 "--min abc"
q check --min 0 "$said"
expect_rc 2 "--min 0"
q check --speaker "..." "$said"
expect_rc 2 "--speaker without letters"
q check -f xml "$said"
expect_rc 2 "an unknown format"
q check --db "$WORK/none.db" "$said"
expect_rc 4 "no index"
q variants 12
expect_rc 2 "variants: a malformed id"
expect_err_line "quoth: '12' is not a quote id (4 to 12 hex digits)" "variants: a malformed id"
q variants ffffffffffff
expect_rc 1 "variants: no such quote"
expect_err_line "quoth: no quote with id ffffffffffff" "variants: no such quote"
q variants
expect_rc 2 "variants: no id"
done_testing
