#!/usr/bin/env bash
# Corrections: quoth fix (speaker, none, country) and quoth alias store
# overrides with method "manual" that survive re-indexing and
# re-extraction; quoth fix --list lists them.
. "$(dirname "$0")/lib.sh"
db="$WORK/i.db"
c="$WORK/c"
mkdir -p "$c"
article() {
    printf '{"url":"https://news.example.org/1","title":"Talks","date":"2024-03-01","source":"Example News","text":"\\"Sport unites us,\\" said Oleksandr Zelensky, a coach.%s\\n\\n\\"Winter is coming,\\" said Volodymyr Zelensky.\\n\\n\\"We hold,\\" an official said."}\n' "$1" >"$c/a.jsonl"
}
article ""
q index -q --db "$db" "$c"
expect_rc 0 "index an article"
id=$(${QUOTH_WRAP:-} "$QUOTH" search --db "$db" -f tsv 'sport' | tail -n 1 | cut -f1)
anon=$(${QUOTH_WRAP:-} "$QUOTH" search --db "$db" -f tsv 'hold' | tail -n 1 | cut -f1)

q fix --db "$db" "$id" --speaker "Oleksandr Petrenko"
expect_rc 0 "fix ID --speaker NAME"
q fix --db "$db" "${id:0:6}" --country pl
expect_rc 0 "fix PREFIX --country CC"
q fix --db "$db" "$anon" --none
expect_rc 0 "fix ID --none"
check() {
    q search --db "$db" -f tsv 'sport'
    expect_cmd "$1: speaker, country and method manual" test "$(tail -n 1 "$WORK/out" | cut -f5,8,12,13)" = "Oleksandr Petrenko	PL	manual	1.00"
    q search --db "$db" -f tsv 'speaker:petrenko'
    expect_cmd "$1: speaker: finds the corrected name" test "$(tail -n +2 "$WORK/out" | wc -l)" -eq 1
    q search --db "$db" -f tsv 'hold'
    expect_cmd "$1: --none leaves no speaker" test "$(tail -n 1 "$WORK/out" | cut -f5,12)" = "	manual"
}
check "after fix"

q alias --db "$db" "Volodymyr Zelensky" "Volodymyr Zelenskyy"
expect_rc 0 "alias FORM NAME"
q people --db "$db"
expect_cmd "people: the alias's name heads its row" grep -qP '^1\tVolodymyr Zelenskyy\tVolodymyr Zelensky$' "$WORK/out"

# The article changes elsewhere: it is re-extracted, the corrections stay.
article " It was cold."
q index --db "$db" "$c"
expect_cmd "the changed article is read again" grep -qE ' 1 updated' "$WORK/err"
check "after re-indexing"
q people --db "$db"
expect_cmd "the alias stays" grep -qP '^1\tVolodymyr Zelenskyy\tVolodymyr Zelensky$' "$WORK/out"

q fix --db "$db" --list
expect_rc 0 "fix --list"
expect_cmd "lists the fixes and the alias" bash -c "diff <(sort '$WORK/out') <(printf '%s\n' 'alias	Volodymyr Zelensky	Volodymyr Zelenskyy' \"fix	$anon	no speaker\" \"fix	$id	speaker Oleksandr Petrenko, country PL\" | sort)"

q fix --db "$db" 000000000000 --none
expect_rc 1 "fix of an id the index lacks"
q fix --db "$db" "$id"
expect_rc 2 "fix without what to change"
q fix --db "$db" "$id" --country XX
expect_rc 2 "fix --country with no such code"
q fix --db "$db" nothex --none
expect_rc 2 "fix of something that is not an id"
q alias --db "$db" "Only one"
expect_rc 2 "alias with one name"
done_testing
