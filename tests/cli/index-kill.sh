#!/usr/bin/env bash
# The index survives what can happen to a run: SIGKILL at moments spread
# over an uninterrupted run's duration (the seed is printed, QUOTH_SEED
# replays it), Ctrl-C (SIGINT), and searches from another process while it
# writes. After a kill the file passes PRAGMA integrity_check, every
# article in it has exactly the quote ids of the uninterrupted run (none
# is partial), and a re-run reaches the same index.
# Under valgrind (QUOTH_WRAP set) the runs are slower: the kill test takes
# two collections of the corpus and 5 moments, the generated feed 1000
# articles, not 3000.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { skip "kill tests" "sqlite3 is not installed"; tap_done; exit; }
seed=${QUOTH_SEED:-$(( $(date +%s) % 32768 ))}
echo "# seed $seed (QUOTH_SEED=$seed replays it)"
RANDOM=$seed
c="$WORK/corpus"
if [ -n "${QUOTH_WRAP:-}" ]; then
    mkdir -p "$c"
    cp -r "$QUOTH_SRC/corpus/globalvoices" "$QUOTH_SRC/corpus/seed" "$c/"
    kills=5 narticles=1000
else
    cp -r "$QUOTH_SRC/corpus" "$c"
    kills=20 narticles=3000
fi

# Per article: its body hash and its quote ids in text order.
articles() {
    # killed before the schema was made: no article
    [ "$(sqlite3 "$1" "SELECT count(*) FROM sqlite_master WHERE name = 'articles'")" = 1 ] || return 0
    sqlite3 "$1" "SELECT a.body_hash || ' ' || coalesce((SELECT group_concat(id, ',') FROM (SELECT id FROM quotes WHERE article = a.id ORDER BY seq)), '') FROM articles a ORDER BY 1"
}
# Where each article was found.
located() {
    sqlite3 "$1" "SELECT f.path || ' ' || l.item || ' ' || a.body_hash FROM locations l JOIN files f ON f.id = l.file JOIN articles a ON a.id = l.article ORDER BY 1"
}
ms() { echo $(( $(date +%s%N) / 1000000 )); }

t0=$(ms)
${QUOTH_WRAP:-} "$QUOTH" index -q -j 2 --db "$WORK/ref.db" "$c" 2>/dev/null
t1=$(ms)
dur=$((t1 - t0))
articles "$WORK/ref.db" >"$WORK/ref.articles"
located "$WORK/ref.db" >"$WORK/ref.located"
echo "# an uninterrupted run: $dur ms, $(wc -l <"$WORK/ref.articles") articles"

bad_integrity=0 bad_articles=0 bad_rerun=0 present=0
for ((k = 0; k < kills; k++)); do
    db="$WORK/k$k.db"
    # a moment in the k-th of kills equal parts of the run
    at=$(( dur * k / kills + RANDOM % (dur / kills + 1) ))
    ${QUOTH_WRAP:-} "$QUOTH" index -q -j 2 --db "$db" "$c" 2>/dev/null &
    pid=$!
    sleep "$(printf '%d.%03d' $((at / 1000)) $((at % 1000)))"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    [ -e "$db" ] || continue
    if [ "$(sqlite3 "$db" 'PRAGMA integrity_check')" != ok ]; then
        bad_integrity=$((bad_integrity + 1))
        echo "# kill at $at ms: integrity_check fails"
        continue
    fi
    articles "$db" >"$WORK/k.articles"
    n=$(wc -l <"$WORK/k.articles")
    present=$((present + n))
    if [ -n "$(comm -23 "$WORK/k.articles" "$WORK/ref.articles")" ]; then
        bad_articles=$((bad_articles + 1))
        echo "# kill at $at ms: an article differs from the uninterrupted run's:"
        comm -23 "$WORK/k.articles" "$WORK/ref.articles" | head -n 3 | sed 's/^/#   /'
    fi
    ${QUOTH_WRAP:-} "$QUOTH" index -q -j 2 --db "$db" "$c" 2>/dev/null
    articles "$db" >"$WORK/k.articles"
    located "$db" >"$WORK/k.located"
    if ! cmp -s "$WORK/k.articles" "$WORK/ref.articles" ||
       ! cmp -s "$WORK/k.located" "$WORK/ref.located"; then
        bad_rerun=$((bad_rerun + 1))
        echo "# kill at $at ms, $n articles: the re-run differs from the uninterrupted run"
    fi
done
expect_cmd "SIGKILL at $kills moments over $dur ms: PRAGMA integrity_check ok after each" test "$bad_integrity" -eq 0
expect_cmd "every article present has exactly the uninterrupted run's quote ids ($present in all)" test "$bad_articles" -eq 0
expect_cmd "a re-run after each kill makes the uninterrupted run's index" test "$bad_rerun" -eq 0

# A feed of many articles, for a run long enough to interrupt and search.
awk -v n="$narticles" 'BEGIN {
    for (i = 1; i <= n; i++)
        printf "{\"url\":\"https://example.org/%d\",\"title\":\"Item %d\",\"date\":\"2024-01-%02d\",\"source\":\"Example\",\"text\":\"\\\"Harbour %d is open again,\\\" said harbour master Ilse Brandvold.\\n\\nShips came in.\\n\\n\\\"Cargo %d arrived late,\\\" Brandvold added.\"}\n", i, i, i % 28 + 1, i, i
}' >"$WORK/feed.jsonl"

${QUOTH_WRAP:-} "$QUOTH" index -j 1 --db "$WORK/int.db" "$WORK/feed.jsonl" >"$WORK/out" 2>"$WORK/err" &
pid=$!
searched=0 search_bad=0 sent=
while kill -0 "$pid" 2>/dev/null; do
    if [ -e "$WORK/int.db" ]; then
        "$QUOTH" search --db "$WORK/int.db" -f tsv 'speaker:brandvold harbour' >/dev/null 2>"$WORK/serr"
        r=$?
        # 4 only before the writer made the schema
        if [ $r -ne 0 ] && [ $r -ne 1 ] && ! grep -q 'empty index' "$WORK/serr"; then
            search_bad=$((search_bad + 1))
            sed 's/^/# /' "$WORK/serr"
        fi
        searched=$((searched + 1))
    fi
    # Ctrl-C once some articles are in and a few searches have run
    if [ -z "$sent" ] && [ "$searched" -ge 3 ] &&
       [ "$(sqlite3 "$WORK/int.db" 'SELECT count(*) FROM articles' 2>/dev/null || echo 0)" -ge 50 ]; then
        kill -INT "$pid" 2>/dev/null
        sent=1
    fi
    sleep 0.02
done
wait "$pid"
RC=$?
expect_cmd "searches while index writes ($searched of them) all work" test "$search_bad" -eq 0 -a "$searched" -ge 3
expect_rc 130 "SIGINT stops index"
expect_cmd "its summary says it was interrupted" grep -qE '^interrupted after [0-9]+ files in' "$WORK/err"
expect_cmd "what it committed is whole: integrity_check ok" test "$(sqlite3 "$WORK/int.db" 'PRAGMA integrity_check')" = ok
got=$(sqlite3 "$WORK/int.db" 'SELECT count(*) FROM articles')
expect_cmd "some articles in, not all ($got of $narticles), each with its 2 quotes" \
    test "$got" -gt 0 -a "$got" -lt "$narticles" -a "$(sqlite3 "$WORK/int.db" 'SELECT count(*) FROM quotes')" -eq $((2 * got))
q index --db "$WORK/int.db" "$WORK/feed.jsonl"
expect_rc 0 "a re-run finishes"
expect_cmd "with every article once ($narticles)" test "$(sqlite3 "$WORK/int.db" 'SELECT count(*) FROM articles')" -eq "$narticles"
done_testing
