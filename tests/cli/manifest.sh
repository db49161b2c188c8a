#!/usr/bin/env bash
# A directory's manifest.jsonl supplies url, title, date and source for the
# files it names (what the files say themselves wins); file times never
# become dates.
. "$(dirname "$0")/lib.sh"
d="$WORK/collection"
mkdir -p "$d/txt"
printf 'Harbour news\n\n"The cranes are back," said dock manager Lena Vos.\n' >"$d/txt/a.txt"
printf '"We sail at dawn," said captain Omar Haddad.\n' >"$d/txt/b.txt"
printf '{"url":"https://example.org/c","title":"Own title","date":"2021-05-06","source":"Own Source","text":"\\"Quiet,\\" said Ada Moss."}\n' >"$d/c.jsonl"
cat >"$d/manifest.jsonl" <<'JSON'
{"file": "txt/a.txt", "url": "https://news.example.net/harbour", "title": "Cranes return", "date": "2020-02-03", "source": "Example News"}
{"file": "c.jsonl", "url": "https://elsewhere.example/c", "title": "Manifest title", "date": "1999-01-01", "source": "Manifest Source"}
this is not json
JSON
touch -d '2001-09-09 01:46:40' "$d/txt/b.txt"

q extract --format jsonl "$d"
expect_rc 3 "a collection whose manifest has a bad line"
expect_err_line "quoth: $d/manifest.jsonl:3: not a manifest line ({\"file\": ...})" "the bad manifest line"
expect_cmd "the manifest's url, title, date and source reach the file's records" python3 - "$WORK/out" <<'PY'
import json, sys
recs = {r["speaker"]: r for r in map(json.loads, open(sys.argv[1], encoding="utf-8"))}
a = recs["Lena Vos"]
assert (a["url"], a["title"], a["date"], a["source"], a["domain"]) == (
    "https://news.example.net/harbour", "Cranes return", "2020-02-03",
    "Example News", "news.example.net"), a
PY
expect_cmd "a file the manifest does not name gets no date, not its mtime" python3 - "$WORK/out" <<'PY'
import json, sys
recs = {r["speaker"]: r for r in map(json.loads, open(sys.argv[1], encoding="utf-8"))}
b = recs["Omar Haddad"]
assert b["date"] is None and b["url"] is None, b
PY
expect_cmd "what a JSON Lines record says itself wins over the manifest" python3 - "$WORK/out" <<'PY'
import json, sys
recs = {r["speaker"]: r for r in map(json.loads, open(sys.argv[1], encoding="utf-8"))}
c = recs["Ada Moss"]
assert (c["url"], c["title"], c["date"], c["source"]) == (
    "https://example.org/c", "Own title", "2021-05-06", "Own Source"), c
PY
expect_cmd "the manifest itself is not read as an article" \
    bash -c "! grep -q 'manifest.jsonl' '$WORK/out'"
done_testing
