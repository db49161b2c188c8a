#!/usr/bin/env bash
# search, show, stats, people, countries, sources, export: the records
# come back from the index as extract printed them; speaker: finds every
# written form of a person; the facets count.
. "$(dirname "$0")/lib.sh"
db="$WORK/i.db"
c="$WORK/c"
mkdir -p "$c"
cat >"$c/a.jsonl" <<'JSON'
{"url":"https://news.example.org/1","title":"Talks","date":"2024-03-01","source":"Example News","text":"Kyiv\n\n\"We will not give up our land,\" Ukrainian President Volodymyr Zelenskyy said on Monday.\n\nThe talks went on.\n\nHe added: \"Peace must be just.\""}
{"url":"https://news.example.org/2","title":"More talks","date":"2024-03-05","source":"Example News","text":"\"Winter is coming,\" said Volodymyr Zelensky, Ukraine's president.\n\n\"The talks were useful,\" French Foreign Minister Jean-Noël Barrot told reporters."}
{"url":"https://other.example.com/3","title":"Elsewhere","date":"2023-12-24","source":"Other Post","text":"\"Sport unites us,\" said Oleksandr Zelensky, a coach from Lviv.\n\n\"We expect talks in Paris,\" Jean-Noel Barrot said."}
JSON
q index -q --db "$db" "$c" "$QUOTH_SRC/corpus/seed"
expect_rc 0 "index a small collection and the seed"

# The same records as extract, in every format (search sorts by date).
for f in jsonl tsv csv cite; do
    ${QUOTH_WRAP:-} "$QUOTH" extract -f "$f" "$c" "$QUOTH_SRC/corpus/seed" 2>/dev/null | sort >"$WORK/e.$f"
    q search --db "$db" -f "$f" ''
    sort "$WORK/out" >"$WORK/s.$f"
    expect_cmd "search -f $f '' gives extract's records" cmp -s "$WORK/e.$f" "$WORK/s.$f"
done

q search --db "$db" -f jsonl --sort -date ''
expect_cmd "--sort -date: newest first" python3 -c "
import json, sys
d = [json.loads(l)['date'] or '' for l in open(sys.argv[1])]
assert d == sorted(d, reverse=True), d" "$WORK/out"
q search --db "$db" -f jsonl --sort date --limit 2 ''
expect_cmd "--sort date --limit 2: the two oldest" python3 -c "
import json, sys
d = [json.loads(l)['date'] for l in open(sys.argv[1])]
assert d == ['2023-12-24', '2023-12-24'], d" "$WORK/out"

# speaker: every written form, not other forenames.
q search --db "$db" -f tsv --sort date 'speaker:zelenskiy'
expect_rc 0 "speaker:zelenskiy"
expect_cmd "finds Zelenskyy, Zelensky and Oleksandr Zelensky (6 quotes, 3 in the seed)" test "$(tail -n +2 "$WORK/out" | wc -l)" -eq 6
q search --db "$db" -f tsv 'speaker:"Volodymyr Zelenskyy"'
expect_cmd "speaker:\"Volodymyr Zelenskyy\" finds both spellings, not Oleksandr (3)" test "$(tail -n +2 "$WORK/out" | cut -f5 | sort -u | tr '\n' '|')" = "Volodymyr Zelensky|Volodymyr Zelenskyy|"
q search --db "$db" -f tsv 'speaker:barrot speaker:oleksandr'
expect_cmd "one field twice is ORed" test "$(tail -n +2 "$WORK/out" | wc -l)" -ge 3
q search --db "$db" -f tsv 'speaker:barrot paris source:other'
expect_cmd "fields and a word are ANDed" test "$(tail -n +2 "$WORK/out" | cut -f3)" = "We expect talks in Paris,"
q search --db "$db" -f tsv '"not give up"'
expect_cmd "a phrase" test "$(tail -n +2 "$WORK/out" | cut -f3)" = "We will not give up our land,"
q search --db "$db" -f tsv 'president'
expect_cmd "a word matches the role too" grep -q 'Winter is coming' "$WORK/out"
q search --db "$db" -f tsv 'country:ukraine'
expect_cmd "country:ukraine is country:UA" test "$(tail -n +2 "$WORK/out" | cut -f8 | sort -u)" = UA
q search --db "$db" -f tsv 'country:Ukrainian'
expect_cmd "a demonym too" test "$(tail -n +2 "$WORK/out" | cut -f8 | sort -u)" = UA
q search --db "$db" -f tsv 'source:other'
expect_cmd "source: by outlet name" test "$(tail -n +2 "$WORK/out" | cut -f23 | sort -u)" = "Other Post"
q search --db "$db" -f tsv 'source:example.com'
expect_cmd "source: by domain" test "$(tail -n +2 "$WORK/out" | wc -l)" -eq 2
q search --db "$db" 'xylophone'
expect_rc 1 "nothing found"
expect_cmd "and nothing printed" test ! -s "$WORK/out"
q search --db "$db" -f json 'speaker:barrot'
expect_cmd "json: the query, the index searched, the results" python3 -c "
import json, sys
e = json.load(open(sys.argv[1]))
assert e['query'] == 'speaker:barrot' and e['searched'] == [sys.argv[2]] and e['count'] == len(e['results']) >= 3, e" "$WORK/out" "$db"

# people: every written form of each person, most quoted first.
q people --db "$db"
expect_rc 0 "people"
expect_cmd "Volodymyr Zelensky with both spellings on one line" grep -qP '^5\tVolodymyr Zelensky(y)?\tVolodymyr Zelensky(y)?; Volodymyr Zelensky(y)?$' "$WORK/out"
expect_cmd "Oleksandr Zelensky apart" grep -qP '^1\tOleksandr Zelensky\tOleksandr Zelensky$' "$WORK/out"
expect_cmd "Jean-Noël and Jean-Noel Barrot together" grep -qP '^[0-9]+\tJean-No.l Barrot\t.*Jean-Noël Barrot' "$WORK/out"
q people --db "$db" 'source:other'
expect_cmd "people QUERY: the people of the quotes it finds" test "$(cut -f2 "$WORK/out" | sort | tr '\n' '|')" = "Jean-Noel Barrot|Oleksandr Zelensky|"
q countries --db "$db"
expect_cmd "countries: code, count, name" grep -qP '^[0-9]+\tUA\tUkraine$' "$WORK/out"
q sources --db "$db"
expect_cmd "sources: outlets with counts" grep -qP '^4\tExample News$' "$WORK/out"
q people --db "$db" 'xylophone'
expect_rc 1 "a facet of nothing"

# show: the quote between its paragraphs, and every field.
id=$(${QUOTH_WRAP:-} "$QUOTH" search --db "$db" -f tsv '"not give up"' | tail -n 1 | cut -f1)
q show --db "$db" "$id"
expect_rc 0 "show ID"
expect_cmd "the paragraph before, the quote's, the one after" bash -c "head -n 5 '$WORK/out' | diff - <(printf '%s\n' Kyiv '' '\"We will not give up our land,\" Ukrainian President Volodymyr Zelenskyy said on Monday.' '' 'The talks went on.')"
for f in id file quote kind speaker speaker_as_written role country mentions cue venue method confidence start end speaker_start speaker_end cue_start cue_end from para title source domain url date byline; do
    grep -qE "^$f +" "$WORK/out" || { not_ok "show prints the field $f"; continue 2; }
done
ok "show prints every field of the record"
q show --db "$db" "quoth:${id:0:6}"
expect_rc 0 "show quoth:PREFIX"
q show --db "$db" -f jsonl "$id"
expect_cmd "show -f jsonl: the record" bash -c "grep -qF '\"id\":\"$id\"' '$WORK/out'"

q stats --db "$db"
expect_rc 0 "stats"
for k in index articles quotes speakers countries sources files dates size extractor schema; do
    grep -qE "^$k +" "$WORK/out" || { not_ok "stats says $k"; continue 2; }
done
ok "stats says articles, quotes, speakers, countries, sources, dates, size, extractor"
expect_cmd "stats counts 4 articles" grep -qE '^articles +4$' "$WORK/out"
expect_cmd "stats: the date span" grep -qE '^dates +2023-12-24 to ' "$WORK/out"

# export: the format from the name.
for f in jsonl csv tsv json; do
    q export --db "$db" -o "$WORK/x.$f" speaker:barrot
    expect_rc 0 "export -o x.$f"
    ${QUOTH_WRAP:-} "$QUOTH" search --db "$db" -f "$f" speaker:barrot >"$WORK/s.$f" 2>/dev/null
    expect_cmd "x.$f holds what search -f $f prints" cmp -s "$WORK/x.$f" "$WORK/s.$f"
done
q export --db "$db" -o "$WORK/none.jsonl" xylophone
expect_rc 1 "export of nothing"
done_testing
