#!/usr/bin/env bash
# An index that cannot be used: missing, read-only, not a database,
# corrupt, of a newer schema. Each gets one line and exit 4, and the file
# is left as it was.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { skip "index error tests" "sqlite3 is not installed"; tap_done; exit; }
seed="$QUOTH_SRC/corpus/seed"
db="$WORK/i.db"
q index -q --db "$db" "$seed"
expect_rc 0 "an index of the seed article"

q search --db "$WORK/none.db" barrot
expect_rc 4 "search a missing index"
expect_err_line "quoth: $WORK/none.db: no index here (make one with 'quoth index PATH')" "search a missing index"
expect_cmd "search does not create it" test ! -e "$WORK/none.db"
q stats --db "$WORK/none.db"
expect_rc 4 "stats of a missing index"

# sum FILE: the file's hash and those of its -wal and -shm, if any.
sum() { cat "$1" "$1-wal" 2>/dev/null | sha256sum; }

cp "$db" "$WORK/ro.db"
chmod 444 "$WORK/ro.db"
before=$(sum "$WORK/ro.db")
q index --db "$WORK/ro.db" "$seed"
expect_rc 4 "index into a read-only index"
expect_cmd "one line saying it is read-only" bash -c "[ \$(wc -l <'$WORK/err') -eq 1 ] && grep -q '^quoth: $WORK/ro.db: index is read-only' '$WORK/err'"
expect_cmd "the read-only index is unchanged" test "$(sum "$WORK/ro.db")" = "$before"
q search --db "$WORK/ro.db" barrot
expect_rc 0 "a read-only index can be searched"
expect_cmd "and is still unchanged" test "$(sum "$WORK/ro.db")" = "$before"

head -c 65536 /dev/urandom >"$WORK/junk.db"
before=$(sum "$WORK/junk.db")
for cmd in "index $seed" "search barrot" "stats" "people"; do
    read -ra words <<<"$cmd"
    q "${words[0]}" --db "$WORK/junk.db" "${words[@]:1}"
    expect_rc 4 "${words[0]} on a file that is not a database"
    expect_err_line "quoth: $WORK/junk.db: not a quoth index, or a corrupt one (file is not a database)" "${words[0]} on random bytes"
done
expect_cmd "the random file is unchanged" test "$(sum "$WORK/junk.db")" = "$before"

# A database whose pages are damaged: what reads them fails with exit 4.
cp "$db" "$WORK/bad.db"
sqlite3 "$WORK/bad.db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
size=$(stat -c %s "$WORK/bad.db")
dd if=/dev/urandom of="$WORK/bad.db" bs=4096 seek=2 count=$((size / 4096 - 2)) conv=notrunc 2>/dev/null
before=$(sum "$WORK/bad.db")
q search --db "$WORK/bad.db" -f jsonl ''
expect_rc 4 "search a corrupt index"
expect_cmd "one line saying it is corrupt" bash -c "[ \$(wc -l <'$WORK/err') -eq 1 ] && grep -qE '^quoth: $WORK/bad.db: (index is corrupt|not a quoth index, or a corrupt one)' '$WORK/err'"
q index --db "$WORK/bad.db" "$QUOTH_SRC/corpus/wikinews"
expect_rc 4 "index into a corrupt index"
expect_cmd "one line" test "$(wc -l <"$WORK/err")" -eq 1
expect_cmd "the corrupt index is unchanged" test "$(sum "$WORK/bad.db")" = "$before"

cp "$db" "$WORK/new.db"
sqlite3 "$WORK/new.db" 'PRAGMA user_version = 99'
before=$(sum "$WORK/new.db")
q index --db "$WORK/new.db" "$seed"
expect_rc 4 "index into an index of a newer schema"
expect_err_line "quoth: $WORK/new.db: index schema version 99 is newer than this quoth reads (4); use a newer quoth" "newer schema"
q search --db "$WORK/new.db" barrot
expect_rc 4 "search an index of a newer schema"
expect_cmd "the newer index is unchanged" test "$(sum "$WORK/new.db")" = "$before"

sqlite3 "$WORK/other.db" 'CREATE TABLE t(x)'
q search --db "$WORK/other.db" barrot
expect_rc 4 "an SQLite database that is not an index"
expect_err_line "quoth: $WORK/other.db: not a quoth index (an SQLite database of something else)" "another database"

# Queries: malformed ones are usage errors with a caret.
q search --db "$db" 'speeker:barrot'
expect_rc 2 "an unknown field"
expect_query_err "quoth: speeker:barrot: unknown field 'speeker:' (did you mean 'speaker:'?)" 7 "an unknown field"
q search --db "$db" 'talks "at the table'
expect_rc 2 "an unclosed quotation mark"
expect_query_err "quoth: talks \"at the table: unclosed quotation mark" 13 "the caret is under the mark"
q search --db "$db" 'country:atlantis'
expect_rc 2 "an unknown country"
q search --db "$db" 'speaker:'
expect_rc 2 "a field with no value"
q search --db "$db"
expect_rc 2 "search with no query"
q search --db "$db" --sort rank barrot
expect_rc 2 "an unknown --sort"
q search --db "$db" --limit 0 barrot
expect_rc 2 "--limit 0"
q search --db "$db" --format yaml barrot
expect_rc 2 "an unknown format"
q show --db "$db" xyz
expect_rc 2 "show of something that is not an id"
q show --db "$db" 000000000000
expect_rc 1 "show of an id the index lacks"
q export --db "$db" -o "$WORK/out.yaml" barrot
expect_rc 2 "export to a name that says no format"
q export --db "$db" barrot
expect_rc 2 "export without -o"

# Options go before the query: one of the command's own after it is an
# error, not words to search for; -word stays a negation, and "--" lets
# any word in.
for cmd in "search barrot --format tsv" "search barrot -tariffs --format=tsv" \
           "search barrot -f tsv" "search barrot --limit 3" \
           "search barrot --help" "export barrot -o $WORK/late.csv" \
           "export barrot --sort date" "people barrot --db $db" \
           "countries barrot --db=$db" "sources barrot --db $db" \
           "query save late barrot --db $db"; do
    read -ra words <<<"$cmd"
    if [ "${words[0]}" = search ] || [ "${words[0]}" = export ]; then
        q "${words[0]}" --db "$db" "${words[@]:1}"
    else
        q "${words[@]}"
    fi
    opt=$(printf '%s\n' "${words[@]}" | grep -- '^-' | tail -n 1)
    opt=${opt%%=*}
    expect_rc 2 "$cmd"
    expect_err_line "quoth: $opt: options go before the query (or put -- before words that look like options)" "$cmd"
done
expect_cmd "export wrote no file" test ! -e "$WORK/late.csv"
q search --db "$db" -f tsv barrot -tariffs
expect_rc 0 "search barrot -tariffs: a negation"
q search --db "$db" -f tsv -- barrot --format
expect_rc 1 "search -- barrot --format: words (none found)"
expect_cmd "nothing on stderr" test ! -s "$WORK/err"
q search --db "$db" -f tsv barrot -- --format
expect_rc 1 "search barrot -- --format: words (none found)"
q search --db "$db" -f tsv barrot --sorted
expect_rc 1 "search barrot --sorted: not an option of search, a word"
done_testing
