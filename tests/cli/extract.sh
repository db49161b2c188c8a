#!/usr/bin/env bash
# extract end to end: the full record of CONVENTIONS.md for every quote,
# every output format, stdin, and write errors.
. "$(dirname "$0")/lib.sh"
seed="$QUOTH_SRC/corpus/seed/paris-talks.txt"

q extract --format jsonl "$seed"
expect_rc 0 "extract --format jsonl on the seed"
expect_cmd "every record has the 27 fields of CONVENTIONS.md, in order" python3 - "$WORK/out" <<'PY'
import json, sys
fields = ("id file quote kind speaker speaker_as_written role country mentions "
          "cue venue method confidence start end speaker_start speaker_end "
          "cue_start cue_end from para title source domain url date byline").split()
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(recs) >= 10, len(recs)
for r in recs:
    assert list(r) == fields, list(r)
    assert len(r["id"]) == 12 and all(c in "0123456789abcdef" for c in r["id"])
    assert r["kind"] in ("speech", "term")
    assert isinstance(r["mentions"], list)
    assert r["para"] >= 1 and r["end"] > r["start"]
PY
expect_cmd "offsets index the quote in the paragraph text" python3 - "$WORK/out" <<'PY'
import json, sys
for r in map(json.loads, open(sys.argv[1], encoding="utf-8")):
    if r["cue_start"] is not None:
        assert r["cue_end"] > r["cue_start"] and r["cue_start"] >= 0
ids = [json.loads(l)["id"] for l in open(sys.argv[1], encoding="utf-8")]
assert len(ids) == len(set(ids)), "ids are unique"
PY
expect_cmd "the seed's speakers: Barrot, Yermak, Zelenskyy, Peskov" python3 - "$WORK/out" <<'PY'
import json, sys
speakers = {json.loads(l)["speaker"] for l in open(sys.argv[1], encoding="utf-8")}
for name in ("Jean-Noel Barrot", "Andriy Yermak", "Volodymyr Zelenskyy", "Dmitry Peskov"):
    assert name in speakers, (name, speakers)
PY
cp "$WORK/out" "$WORK/first.jsonl"
q extract --format jsonl "$seed"
expect_cmd "ids are stable from run to run" cmp -s "$WORK/out" "$WORK/first.jsonl"

${QUOTH_WRAP:-} "$QUOTH" extract --format jsonl - <"$seed" >"$WORK/out" 2>"$WORK/err"
RC=$?
expect_rc 0 "extract - reads stdin"
expect_cmd "stdin gives the same quotes as the file" python3 - "$WORK/out" "$WORK/first.jsonl" <<'PY'
import json, sys
a = [json.loads(l)["quote"] for l in open(sys.argv[1])]
b = [json.loads(l)["quote"] for l in open(sys.argv[2])]
assert a == b and all(json.loads(l)["file"] == "-" for l in open(sys.argv[1]))
PY

q extract --format tsv "$seed"
expect_rc 0 "tsv"
expect_cmd "tsv has a header and 27 columns on every line" \
    awk -F'\t' 'NR == 1 && $1 != "id" { exit 1 } NF != 27 { exit 1 }' "$WORK/out"

q extract --format csv "$seed"
expect_rc 0 "csv"
expect_cmd "csv parses as RFC 4180 with 27 columns" python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
assert rows[0][0] == "id" and all(len(r) == 27 for r in rows) and len(rows) > 10' "$WORK/out"

printf '"=HYPERLINK(1)," said Ana Pereira.\n' >"$WORK/formula.txt"
q extract --format csv "$WORK/formula.txt"
expect_cmd "a csv cell starting with = gets a leading quote" grep -qF "\"'=HYPERLINK(1),\"" "$WORK/out"

q extract --format json "$seed"
expect_rc 0 "json"
expect_cmd "json is one envelope with the results and their count" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["count"] == len(d["results"]) > 10 and d["searched"] and "query" in d' "$WORK/out"

q extract --format cite "$seed"
expect_rc 0 "cite"
expect_cmd "cite lines are “…” — Name, … [quoth:ID]" \
    grep -qE '^“.*” — Jean-Noel Barrot, French Foreign Minister, .* \[quoth:[0-9a-f]{12}\]$' "$WORK/out"

q extract --format text "$seed"
expect_rc 0 "text"
expect_cmd "text off a terminal has no colour and no cut" \
    bash -c "! grep -q $'\033' '$WORK/out' && ! grep -q '…$' '$WORK/out'"
q extract --color=always "$seed"
expect_cmd "--color=always colours text" grep -q $'\033\[1m' "$WORK/out"

printf 'x said "We are \033]0;owned\007here \033[2Jnow."\n' >"$WORK/ctl.txt"
for f in text cite; do
    q extract --format $f "$WORK/ctl.txt"
    expect_cmd "$f output carries no control character from the article" \
        bash -c "! LC_ALL=C grep -q '[[:cntrl:]]' <(tr -d '\n' <'$WORK/out')"
done

if [ -w /dev/full ]; then
    ${QUOTH_WRAP:-} "$QUOTH" extract "$seed" >/dev/full 2>"$WORK/err"
    RC=$?
    expect_rc 1 "a full disk on stdout"
    expect_err_line "quoth: standard output: No space left on device" "a full disk on stdout"
fi

done_testing
