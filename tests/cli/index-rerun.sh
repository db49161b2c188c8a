#!/usr/bin/env bash
# What issue 5 asks of quoth index that the other index tests do not
# check: articles indexed by an older extractor are extracted again;
# show works after the files move; on a terminal, a progress line
# (files, articles, quotes, rate, time left) and the summary.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { skip "index re-run tests" "sqlite3 is not installed"; tap_done; exit; }
c="$WORK/corpus"
mkdir -p "$c"
cp -r "$QUOTH_SRC/corpus/globalvoices" "$QUOTH_SRC/corpus/seed" "$c/"
db="$WORK/i.db"
sql() { sqlite3 "$db" "$@"; }
ids() { sql 'SELECT a.body_hash, q.id, q.speaker FROM quotes q JOIN articles a ON a.id = q.article ORDER BY 1, 2'; }

q index --db "$db" "$c"
expect_rc 0 "index two collections"
ids >"$WORK/ids1"
now=$(sql 'SELECT DISTINCT extractor FROM articles')

# An index made by an older extractor: every article is extracted again.
sql "UPDATE articles SET extractor = '0.0.1+r0'; UPDATE files SET extractor = '0.0.1+r0'; UPDATE quotes SET speaker = 'Stale Name' WHERE seq = 0"
q index --db "$db" "$c"
expect_rc 0 "index again after an older extractor"
n=$(sql 'SELECT count(*) FROM articles')
expect_cmd "every article is extracted again ($n updated)" grep -qE "^indexed [0-9]+ files in [0-9.]+ s: 0 articles added \([0-9]+ quotes\), $n updated" "$WORK/err"
expect_cmd "by this extractor" test "$(sql 'SELECT DISTINCT extractor FROM articles')" = "$now"
ids >"$WORK/ids2"
expect_cmd "the quotes are this extractor's (the stale speakers are gone)" cmp -s "$WORK/ids1" "$WORK/ids2"
q index --db "$db" "$c"
expect_cmd "then the files are skipped" grep -qE ' 0 updated, 0 already indexed; [1-9][0-9]* files unchanged' "$WORK/err"

# show after the files moved: the index keeps the text.
id=$(sql "SELECT q.id FROM quotes q JOIN locations l ON l.article = q.article JOIN files f ON f.id = l.file WHERE f.path LIKE '%paris-talks.txt' ORDER BY q.seq LIMIT 1")
mv "$c" "$WORK/moved"
q show --db "$db" "$id"
expect_rc 0 "show ID after the files moved"
expect_cmd "with the paragraphs around the quote" grep -q 'Barrot' "$WORK/out"
expect_cmd "and the record's fields" grep -qE "^id +$id$" "$WORK/out"
mv "$WORK/moved" "$c"

# On a terminal (script(1) gives one): a progress line, then the summary.
if command -v script >/dev/null; then
    rm -f "$WORK/t.db"
    script -qec "'$QUOTH' index -j 1 --db '$WORK/t.db' '$c' '$QUOTH_SRC/corpus/wikinews'" /dev/null >"$WORK/tty" 2>&1
    tr '\r' '\n' <"$WORK/tty" >"$WORK/lines"
    expect_cmd "progress: files, articles, quotes, rate, time left" \
        grep -qE '^.\[K[0-9]+/[0-9]+ files, [0-9]+ articles, [0-9]+ quotes, [0-9]+ articles/s, [0-9]+:[0-9]{2} left$' "$WORK/lines"
    expect_cmd "the summary last, on a cleared line" \
        bash -c "grep -v '^\$' '$WORK/lines' | tail -n 1 | grep -qE '^.\[Kindexed [0-9]+ files in '"
    rm -f "$WORK/t.db"
    script -qec "'$QUOTH' index -q --db '$WORK/t.db' '$c'" /dev/null >"$WORK/tty" 2>&1
    expect_cmd "-q: nothing, even on a terminal" test ! -s "$WORK/tty"
else
    skip "progress on a terminal" "script(1) is not installed"
fi
done_testing
