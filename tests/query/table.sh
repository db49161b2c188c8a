#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The query language over a fixed index: the articles of articles/ (each
# with a URL, so quote ids are stable) are indexed, two searches saved,
# then every line of queries.tsv is run through `quoth search`, which must
# give exactly the ids the line names, or no quote, or exactly the error
# it names. Then the spans of index_spans (through $QUOTH_PROBE), the cap
# on the rows a check may see, saved searches, and an index of schema 1.
. "$QUOTH_SRC/tests/cli/lib.sh"
: "${QUOTH_PROBE:?QUOTH_PROBE must name the built tests/query/probe}"
here=$QUOTH_SRC/tests/query
db=$WORK/q.db
cd "$here" || exit 1

q index -q --db "$db" articles
expect_rc 0 "index the test articles"
q query --db "$db" save french country:french
expect_rc 0 "query save french country:french"
q query --db "$db" save ukr 'speaker:zelensky | about:ukraine'
expect_rc 0 "query save ukr"
python3 - "$db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("INSERT INTO saved_queries(name, query) VALUES ('loop', 'talks query:loop')")
c.commit()
PY

rows=0
while IFS= read -r line; do
    case $line in '#'*) continue ;; esac
    query=${line%%$'\t'*}
    want=${line#*$'\t'}
    rows=$((rows + 1))
    q search --db "$db" -f tsv -- "$query"
    what="search '$query'"
    case $want in
    '! '*)
        msg=${want#! }
        col=${msg##* @}
        msg=${msg% @*}
        # COLUMN counts characters; every row's are one column wide
        expected=$(printf 'quoth: %s: %s\n%*s^' "$query" "$msg" \
                   "$((7 + $(printf '%s' "${query:0:col}" | wc -m)))" '')
        if [ "$RC" -eq 2 ] && [ "$(cat "$WORK/err")" = "$expected" ] &&
           [ ! -s "$WORK/out" ]; then
            ok "$what: exit 2, $msg"
        else
            not_ok "$what" "exit $RC, want 2 and:" "$expected"
        fi
        ;;
    -)
        # tsv: the header alone
        if [ "$RC" -eq 1 ] && [ "$(wc -l <"$WORK/out")" -eq 1 ] &&
           [ ! -s "$WORK/err" ]; then
            ok "$what: no quote (exit 1)"
        else
            not_ok "$what" "exit $RC, want 1 and nothing" \
                   "got: $(tail -n +2 "$WORK/out" | cut -f1 | tr '\n' ' ')"
        fi
        ;;
    *)
        got=$(tail -n +2 "$WORK/out" | cut -f1 | sort | tr '\n' ' ')
        exp=$(printf '%s\n' $want | sort | tr '\n' ' ')
        if [ "$RC" -eq 0 ] && [ "$got" = "$exp" ] && [ ! -s "$WORK/err" ]; then
            ok "$what: $(printf '%s\n' $want | wc -l) quotes"
        else
            not_ok "$what" "exit $RC" "want: $exp" "got:  $got"
        fi
        ;;
    esac
done <queries.tsv
expect_cmd "the table has at least 40 queries ($rows)" test "$rows" -ge 40

# The order of the WHERE: dates, countries, speakers, outlets (columns),
# then one FTS5 MATCH, then the trigram table and its check, then a regex
# checked on every row left; every value a parameter.
got=$("$QUOTH_PROBE" where "/we/ farmers source:monde speaker:barrot country:fr -tariff date:2024 'arm speaker:macron" |
      head -n 1 | grep -o "q\.date\|q\.country\|speaker_key\|a\.source\|quotes_fts MATCH\|quotes_tri MATCH\|quoth_match(?, q\.quote)" |
      uniq | tr '\n' ' ')
expect_cmd "cheap conditions first, full text, then checks ($got)" \
    test "$got" = "q.date q.country speaker_key a.source quotes_fts MATCH quotes_tri MATCH quoth_match(?, q.quote) "
got=$("$QUOTH_PROBE" where "speaker:\"O'Brien\" 'it''s \"a;b\" DROP TABLE quotes conf:0.777 is:term" | head -n 1)
expect_cmd "no value in the SQL text" bash -c "! grep -qi \"brien\\|drop\\|a;b\\|777\" <<<\"\$1\"" _ "$got"

# The caret counts display columns: after accents, CJK and emoji, and
# control characters and bad bytes are shown one column each.
q search --db "$db" -- "Plötner 日本 😀x speeker:x"
expect_query_err "quoth: Plötner 日本 😀x speeker:x: unknown field 'speeker:' (did you mean 'speaker:'?)" 24 "the caret after é, CJK and an emoji"
q search --db "$db" -- $'a\tb\nc\033[1m speeker:x'
expect_query_err "quoth: a␉b␊c␛[1m speeker:x: unknown field 'speeker:' (did you mean 'speaker:'?)" 17 "control characters as control pictures"
q search --db "$db" -- $'talks caf\xe9'
expect_query_err "quoth: talks caf�: invalid UTF-8 (byte 0xe9)" 16 "a Latin-1 byte"
long=""
for k in $(seq 10 99); do long+="w$k "; done
q search --db "$db" -- "${long}speeker:x ${long}"
expect_cmd "a long query: cut to 100 columns around the error, the caret under it" \
    python3 -c '
import sys
one, two = open(sys.argv[1], encoding="utf-8").read().split("\n")[:2]
query = one[len("quoth: "):one.index(": unknown")]
sys.exit(not (query.startswith("…") and query.endswith("…") and
              len(query) <= 100 and one[len(two) - 1:].startswith("speeker:x")))' "$WORK/err"

# Long flat queries stay within SQLite's and FTS5's parser stacks (a fuzz
# finding: 50 negations once nested 50 deep in the FTS5 expression).
long="farmers -tariffs"
for k in $(seq 1 150); do long+=" -w$k"; done
q search --db "$db" -f tsv -- "$long"
expect_cmd "farmers and 151 negations" test "$(tail -n +2 "$WORK/out" | cut -f1)" = 0d5ad1cbdd9f
long="speaker:barrot"
for k in $(seq 1 150); do long+=" | w$k"; done
q search --db "$db" -f tsv -- "$long country:fr|de|es|ua|it|pl|ru|cn|us|gb"
expect_cmd "150 alternatives and 10 countries" test "$(tail -n +2 "$WORK/out" | wc -l)" -eq 1

# Highlighting: the spans come from the engine that matched.
spans() {
    local got
    got=$(${QUOTH_WRAP:-} "$QUOTH_PROBE" spans "$db" "$1" "$2" 2>&1)
    if [ "$got" = "$3" ]; then
        ok "spans of '$2' in $1: $3"
    else
        not_ok "spans of '$2' in $1" "want: $3" "got:  $got"
    fi
}
spans 8ab846da1001 'farmers tariff*' 'We will not accept [tariffs] that punish our [farmers],'
spans 8ab846da1001 '^"we will"' '[We will] not accept tariffs that punish our farmers,'
spans 8ab846da1001 '"our farmers"$' 'We will not accept tariffs that punish [our farmers],'
spans 8ab846da1001 "'\"ept tar\"" 'We will not acc[ept tar]iffs that punish our farmers,'
spans 8ab846da1001 '/p\w+h/ speaker:macron' 'We will not accept tariffs that [punish] our farmers,'
spans 8ab846da1001 "'tariffs' accept -noel" 'We will not [accept] [tariffs] that punish our farmers,'
spans 0d5ad1cbdd9f '/no \w+/' '[No farmers], [no food], [no future] for anyone in this country.'
spans 0d5ad1cbdd9f 'farmers | food' 'No [farmers], no [food], no future for anyone in this country.'
spans 0d5ad1cbdd9f 'country:fr' 'No farmers, no food, no future for anyone in this country.'
spans 0d5ad1cbdd9f 'farmers -/food/' 'No [farmers], no food, no future for anyone in this country.'

# The cap on the rows one check may see: an error, not a slow scan.
got=$(${QUOTH_WRAP:-} "$QUOTH_PROBE" limit 3 "$db" '/e/' 2>&1)
expect_cmd "a regex over more rows than allowed stops with a message ($got)" \
    test "$got" = "error 0: this would check more than 3 quotes one by one: narrow the query with words or fields"
got=$(${QUOTH_WRAP:-} "$QUOTH_PROBE" limit 4 "$db" 'speaker:zelensky /e/' 2>&1)
expect_cmd "narrowed by a field first (4 quotes), the same regex runs ($got)" test "$got" = 4
got=$(${QUOTH_WRAP:-} "$QUOTH_PROBE" limit 2 "$db" '/e/ farmers' 2>&1)
expect_cmd "narrowed by full text first (2 quotes), the same regex runs ($got)" test "$got" = 2

# Saved searches: listed, refused when they include themselves or do not
# parse, removed.
q query --db "$db" list
expect_cmd "query list: name and query" test "$(cat "$WORK/out")" = "$(printf 'french\tcountry:french\nloop\ttalks query:loop\nukr\tspeaker:zelensky | about:ukraine')"
q query --db "$db" save ukr 'query:ukr talks'
expect_rc 2 "query save of a search that includes itself"
expect_query_err "quoth: query:ukr: saved search 'ukr': saved search 'ukr' includes itself" 7 "the cycle is named"
q search --db "$db" -f tsv query:ukr
expect_cmd "and the search saved before is kept" test "$(tail -n +2 "$WORK/out" | wc -l)" -eq 6
q query --db "$db" save bad 'speeker:x'
expect_rc 2 "query save of a malformed query"
q query --db "$db" rm loop
expect_rc 0 "query rm"
q query --db "$db" rm loop
expect_rc 1 "query rm of a search that is not there"
q people --db "$db" query:french
expect_cmd "people QUERY with a saved search" test "$(cut -f2 "$WORK/out" | sort | tr '\n' '|')" = "Emmanuel Macron|Jean-Noël Barrot|"
q people --db "$db" '/(a+)+$/'
expect_rc 2 "people with a pattern too complex"

# An index of schema 1 (no trigram table, no saved searches) cannot be
# searched until it is opened to write, which upgrades it.
cp "$db" "$WORK/old.db"
python3 - "$WORK/old.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript("""
DROP TRIGGER quotes_tri_ai; DROP TRIGGER quotes_tri_ad; DROP TRIGGER quotes_tri_au;
DROP TABLE quotes_tri; DROP TABLE saved_queries;
UPDATE meta SET value = '1' WHERE key = 'schema'; PRAGMA user_version = 1;
""")
c.commit()
PY
q search --db "$WORK/old.db" "'ariff"
expect_rc 4 "search an index of schema 1"
expect_err_line "quoth: $WORK/old.db: index schema version 1 is older than this quoth's (4); 'quoth index' on it upgrades it" "says how to upgrade it"
q index -q --db "$WORK/old.db" articles
expect_rc 0 "index into it upgrades it"
q search --db "$WORK/old.db" -f tsv "'ariff"
expect_cmd "and 'substring then works" test "$(tail -n +2 "$WORK/out" | cut -f1)" = 8ab846da1001

done_testing
