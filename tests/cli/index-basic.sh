#!/usr/bin/env bash
# quoth index: the corpus into a fresh index, a re-run that skips what is
# unchanged, an edited file whose quotes are replaced, --prune, articles
# found twice kept as locations (the Global Voices pages and their RSS
# feed), standard input, and the same index whatever the number of
# workers. Under valgrind (QUOTH_WRAP set) two collections of the corpus
# stand for the whole, to keep the run short.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { skip "index tests" "sqlite3 is not installed"; tap_done; exit; }
c="$WORK/corpus"
if [ -n "${QUOTH_WRAP:-}" ]; then
    mkdir -p "$c"
    cp -r "$QUOTH_SRC/corpus/globalvoices" "$QUOTH_SRC/corpus/seed" "$c/"
else
    cp -r "$QUOTH_SRC/corpus" "$c"
fi
db="$WORK/i.db"
sql() { sqlite3 "$db" "$@"; }

# The number of articles and quotes extract sees, less the Global Voices
# pages that the RSS feed holds too.
q extract --format jsonl "$c"
want_quotes=$(wc -l <"$WORK/out")

q index --db "$db" -j 2 "$c"
[ -n "${QUOTH_WRAP:-}" ] && want_rc=0 || want_rc=3
expect_rc "$want_rc" "index the corpus"
expect_cmd "a summary line on stderr, which is not a terminal" \
    grep -qE '^indexed [0-9]+ files in [0-9.]+ s: [0-9]+ articles added \([0-9]+ quotes\)' "$WORK/err"
expect_cmd "no progress when stderr is not a terminal" bash -c "! grep -q $'\r' '$WORK/err'"
expect_cmd "PRAGMA integrity_check is ok" test "$(sql 'PRAGMA integrity_check')" = ok
expect_cmd "WAL mode" test "$(sql 'PRAGMA journal_mode')" = wal
expect_cmd "user_version is the schema version" test "$(sql 'PRAGMA user_version')" = 4
expect_cmd "meta has the extractor version" bash -c "sqlite3 '$db' \"SELECT value FROM meta WHERE key = 'extractor'\" | grep -qE '^[0-9]+\.[0-9]+\.[0-9]+\+r[0-9]+$'"
gv_dup=$(sql "SELECT count(*) FROM locations l JOIN files f ON f.id = l.file WHERE f.path LIKE '%globalvoices/test.rss' AND l.article IN (SELECT article FROM locations GROUP BY article HAVING count(*) > 1)")
expect_cmd "the 15 Global Voices pages found again in test.rss are locations, not new articles ($gv_dup)" test "$gv_dup" -eq 15
dup_quotes=$(sql "SELECT count(*) FROM quotes WHERE article IN (SELECT article FROM locations GROUP BY article HAVING count(*) > 1)")
got_quotes=$(sql 'SELECT count(*) FROM quotes')
# Each duplicate article's quotes are counted once by the index, twice by
# extract, give or take the differences between the page and the feed
# item; the feed's copies are not stored.
expect_cmd "fewer quotes than extract prints ($got_quotes of $want_quotes), none twice" \
    test "$got_quotes" -lt "$want_quotes" -a "$(sql 'SELECT count(*) - count(DISTINCT article || id) FROM quotes')" -eq 0
expect_cmd "every article has its body and paragraphs" test "$(sql "SELECT count(*) FROM articles WHERE body = '' OR paras = ''")" -eq 0
expect_cmd "no mtime is a date" test "$(sql "SELECT count(*) FROM articles a JOIN locations l ON l.article = a.id JOIN files f ON f.id = l.file WHERE a.date = date(f.mtime / 1000000000, 'unixepoch')")" -eq 0
sql 'SELECT a.body_hash, q.id FROM quotes q JOIN articles a ON a.id = q.article ORDER BY 1, 2' >"$WORK/ids1"

q index --db "$db" "$c"
expect_rc "$want_rc" "index again"
expect_cmd "the re-run skips every file it has" \
    grep -qE '^indexed [0-9]+ files in [0-9.]+ s: 0 articles added \(0 quotes\), 0 updated, 0 already indexed; [1-9][0-9]* files unchanged' "$WORK/err"
sql 'SELECT a.body_hash, q.id FROM quotes q JOIN articles a ON a.id = q.article ORDER BY 1, 2' >"$WORK/ids2"
expect_cmd "and changes nothing" cmp -s "$WORK/ids1" "$WORK/ids2"

# An edited file: its quotes are replaced, nothing else moves.
f="$c/seed/paris-talks.txt"
n_articles=$(sql 'SELECT count(*) FROM articles')
sql "SELECT q.id FROM quotes q JOIN locations l ON l.article = q.article JOIN files f ON f.id = l.file WHERE f.path LIKE '%paris-talks.txt' ORDER BY 1" >"$WORK/paris1"
printf '\n"Nothing was agreed tonight," said harbour master Ilse Brandvold.\n' >>"$f"
q index --db "$db" "$c"
expect_cmd "the edited file is read again (its body is new: one article added)" grep -qE ' 1 articles added \([0-9]+ quotes\), 0 updated, 0 already indexed' "$WORK/err"
expect_cmd "and its old version is gone" test "$(sql 'SELECT count(*) FROM articles')" -eq "$n_articles"
sql "SELECT q.id FROM quotes q JOIN locations l ON l.article = q.article JOIN files f ON f.id = l.file WHERE f.path LIKE '%paris-talks.txt' ORDER BY 1" >"$WORK/paris2"
expect_cmd "the quotes it had keep their ids, one more" test "$(comm -23 "$WORK/paris1" "$WORK/paris2" | wc -l)" -eq 0 -a "$(comm -13 "$WORK/paris1" "$WORK/paris2" | wc -l)" -eq 1
q search --db "$db" --format jsonl 'speaker:brandvold'
expect_rc 0 "the new quote is found"
expect_cmd "one record, with the file's path" python3 -c "
import json, sys
r = [json.loads(l) for l in open(sys.argv[1])]
assert len(r) == 1 and r[0]['file'].endswith('seed/paris-talks.txt') and r[0]['quote'] == 'Nothing was agreed tonight,', r
" "$WORK/out"
expect_cmd "the article's other quotes are there once" test "$(sql "SELECT count(*) - count(DISTINCT id) FROM quotes")" -eq 0

# --prune: a file gone takes its articles with it.
rm "$f"
q index --db "$db" --prune "$c"
expect_cmd "--prune says it dropped one file" grep -qE ', 1 pruned$' "$WORK/err"
q search --db "$db" 'speaker:brandvold'
expect_rc 1 "the pruned article's quotes are gone"
expect_cmd "no article without a location" test "$(sql 'SELECT count(*) FROM articles WHERE id NOT IN (SELECT article FROM locations)')" -eq 0

# A page and its feed item: dropping the page keeps the article, found in
# the feed.
rm "$c/globalvoices/index_1.html"
q index --db "$db" --prune "$c"
expect_cmd "an article whose first file is gone stays, located in the feed" \
    test "$(sql "SELECT count(*) FROM locations l JOIN files f ON f.id = l.file WHERE f.path LIKE '%test.rss' AND l.item = 0")" -eq 1

# Standard input: each article piped in is kept.
printf '"The tide is late," said ferryman Joos Talsma.\n' | ${QUOTH_WRAP:-} "$QUOTH" index --db "$db" - >"$WORK/out" 2>"$WORK/err"
RC=$?
expect_rc 0 "index - (an article on stdin)"
printf '"The tide is early," said ferryman Joos Talsma.\n' | ${QUOTH_WRAP:-} "$QUOTH" index -q --db "$db" - >"$WORK/out" 2>"$WORK/err"
RC=$?
expect_rc 0 "index -q - (another)"
expect_cmd "-q prints nothing" test ! -s "$WORK/err"
q search --db "$db" -f tsv 'speaker:talsma'
expect_cmd "both stdin articles stay" test "$(wc -l <"$WORK/out")" -eq 3

# The same index whatever the number of workers.
if [ -z "${QUOTH_WRAP:-}" ]; then
    for j in 1 3; do
        ${QUOTH_WRAP:-} "$QUOTH" index -q --db "$WORK/j$j.db" -j "$j" "$QUOTH_SRC/corpus" 2>/dev/null
        sqlite3 "$WORK/j$j.db" 'SELECT a.id, a.body_hash, l.file, l.item, q.id FROM articles a JOIN locations l ON l.article = a.id LEFT JOIN quotes q ON q.article = a.id ORDER BY 1, 3, 4, 5' >"$WORK/j$j"
    done
    expect_cmd "-j 1 and -j 3 make the same index" cmp -s "$WORK/j1" "$WORK/j3"
else
    skip "-j 1 and -j 3 make the same index" "not under valgrind"
fi

# Default place: $XDG_DATA_HOME/quoth/index.db, the directory made.
XDG_DATA_HOME="$WORK/xdg" QUOTH_DB= ${QUOTH_WRAP:-} "$QUOTH" index -q "$c/seed" 2>"$WORK/err"
expect_cmd "the default index is \$XDG_DATA_HOME/quoth/index.db" test -s "$WORK/xdg/quoth/index.db"
QUOTH_DB="$WORK/env.db" ${QUOTH_WRAP:-} "$QUOTH" index -q "$c/seed" 2>"$WORK/err"
expect_cmd "QUOTH_DB names the index" test -s "$WORK/env.db"

q index --db "$db"
expect_rc 2 "index without a path"
q index --db "$db" -j 0 "$c"
expect_rc 2 "-j 0"
done_testing
