#!/usr/bin/env bash
# GUID dedupe: an item two feeds carry under one GUID, with different URLs
# and bodies, is one article with two locations; a GUID without a scheme
# counts only within its site; JSON Lines "guid" and "id"; the GUIDs of
# the corpus's NewsML-G2 items; an index of schema 2 learns the GUIDs of
# what it holds when it is next indexed.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { skip "GUID tests" "sqlite3 is not installed"; tap_done; exit; }
db="$WORK/i.db"
sql() { sqlite3 "$db" "$@"; }
d="$WORK/feeds"
mkdir -p "$d"

# feed NAME LINK GUID BODY [LINK2 GUID2 BODY2]: an RSS file of one or two items.
feed() {
    local f="$d/$1"
    shift
    {
        printf '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>%s</title><link>https://news.example.org/</link>\n' "Harbour News"
        while [ $# -ge 3 ]; do
            printf '<item><title>Item</title><link>%s</link><guid isPermaLink="false">%s</guid><description>%s</description></item>\n' "$1" "$2" "$3"
            shift 3
        done
        printf '</channel></rss>\n'
    } >"$f"
}
b1='“We will rebuild the bridge by spring,” said mayor Anna Kowal. The council met on Tuesday.'
b1x="$b1 Updated: the vote was unanimous, “a good day for the town,” said councillor Piet Smit."
b2='“The ferry runs again,” said captain Joos Talsma.'
feed one.rss https://news.example.org/bridge tag:news.example.org,2026:77 "$b1" \
    https://news.example.org/ferry tag:news.example.org,2026:78 "$b2"
feed two.rss https://mirror.example.net/story?id=77 tag:news.example.org,2026:77 "$b1x"

q index --db "$db" "$d/one.rss"
expect_rc 0 "index the first feed"
q index --db "$db" "$d/two.rss"
expect_rc 0 "index the second feed, whose item has the first one's GUID"
expect_cmd "the summary says it was already indexed" grep -qE ' 0 articles added \(0 quotes\), 0 updated, 1 already indexed' "$WORK/err"
expect_cmd "two articles, not three" test "$(sql 'SELECT count(*) FROM articles')" -eq 2
expect_cmd "the bridge article has two locations, one in each feed" \
    test "$(sql "SELECT f.path FROM locations l JOIN files f ON f.id = l.file WHERE l.article = (SELECT article FROM guids WHERE key = 'tag:news.example.org,2026:77')" | sort | tr '\n' ' ')" = "$d/one.rss $d/two.rss "
q search --db "$db" -f tsv 'speaker:smit'
expect_rc 1 "the second copy's quotes are not stored (it is a location)"
q search --db "$db" -f tsv 'speaker:kowal'
expect_cmd "the first copy's quote is stored once" test "$(tail -n +2 "$WORK/out" | wc -l)" -eq 1
expect_cmd "articles.guid holds the GUID as given" test "$(sql "SELECT guid FROM articles WHERE url = 'https://news.example.org/ferry'")" = tag:news.example.org,2026:78

q index --db "$db" "$d/one.rss" "$d/two.rss"
expect_cmd "the same items read again: the files are skipped" grep -qE ' 0 articles added \(0 quotes\), 0 updated, 0 already indexed; 2 files unchanged' "$WORK/err"
cp "$d/two.rss" "$d/three.rss"
q index --db "$db" "$d/three.rss"
expect_cmd "a copy of the item in a third feed: one more location" \
    test "$(sql "SELECT count(*) FROM locations WHERE article = (SELECT article FROM guids WHERE key = 'tag:news.example.org,2026:77')")" -eq 3
expect_cmd "still two articles" test "$(sql 'SELECT count(*) FROM articles')" -eq 2

# A GUID with no scheme names an item within its site only.
feed local1.rss https://a.example.com/x 1234 '“Rain tomorrow,” said forecaster Ida Berg.'
feed local2.rss https://b.example.com/y 1234 '“Sun tomorrow,” said forecaster Ola Nordmann.'
feed local3.rss https://a.example.com/z 1234 '“Rain all week,” said forecaster Ida Berg.'
q index --db "$db" "$d/local1.rss" "$d/local2.rss"
expect_cmd "the same bare GUID on two sites: two articles" grep -qE ' 2 articles added' "$WORK/err"
q index --db "$db" "$d/local3.rss"
expect_cmd "the same bare GUID on one site: one article" grep -qE ' 0 articles added \(0 quotes\), 0 updated, 1 already indexed' "$WORK/err"
expect_cmd "its key is the domain and the GUID" test "$(sql "SELECT count(*) FROM guids WHERE key IN ('a.example.com 1234', 'b.example.com 1234')")" -eq 2

# JSON Lines: "guid"; "id" when it is a string and not a quote id.
j="$WORK/j"
mkdir -p "$j"
printf '%s\n' '{"guid": "urn:uuid:5a1e", "url": "https://x.example/1", "text": "“Hello,” said Ana Lima."}' \
    '{"id": "urn:uuid:7b2f", "url": "https://x.example/2", "text": "“Bye,” said Rui Costa."}' \
    '{"id": "0123456789ab", "url": "https://x.example/3", "text": "“Maybe,” said Eva Luz."}' \
    '{"id": 42, "url": "https://x.example/4", "text": "“Perhaps,” said Tia Mar."}' >"$j/a.jsonl"
printf '%s\n' '{"guid": "urn:uuid:5a1e", "url": "https://y.example/one", "text": "“Hello there,” said Ana Lima."}' \
    '{"id": "urn:uuid:7b2f", "url": "https://y.example/two", "text": "“Goodbye,” said Rui Costa."}' >"$j/b.jsonl"
q index --db "$db" "$j/a.jsonl" "$j/b.jsonl"
expect_cmd "JSON Lines: guid and a string id find the copies" grep -qE ' 4 articles added \([0-9]+ quotes\), 0 updated, 2 already indexed' "$WORK/err"
expect_cmd "a quote-id-shaped id and a number are not GUIDs" \
    test "$(sql "SELECT count(*) FROM articles WHERE url IN ('https://x.example/3', 'https://x.example/4') AND guid IS NULL")" -eq 2

# NewsML-G2: the item's guid attribute.
q index --db "$db" "$QUOTH_SRC/corpus/iptc-newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml"
expect_cmd "a NewsML-G2 item's guid is recorded" \
    test "$(sql "SELECT guid FROM articles WHERE url IS NULL AND guid LIKE 'urn:newsml:%'")" = urn:newsml:acmenews.com:20161121:US-FINANCE-FED

# NITF doc-id and Atom id: one article, found in both.
cat >"$d/a.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<nitf><head><title>Bridge</title><docdata><doc-id id-string="urn:example:nitf:991"/></docdata></head>
<body><body.content><p>“We will rebuild the old bridge,” said mayor Anna Kowal.</p></body.content></body></nitf>
XML
cat >"$d/b.atom" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour</title><id>urn:example:feed</id>
<entry><title>Bridge</title><id>urn:example:nitf:991</id><link href="https://atom.example.com/b"/><content type="text">“We will rebuild the old bridge soon,” said mayor Anna Kowal.</content></entry></feed>
XML
q index --db "$db" "$d/a.xml" "$d/b.atom"
expect_cmd "an NITF doc-id and an Atom entry's id: one article" grep -qE ' 1 articles added \(1 quotes\), 0 updated, 1 already indexed' "$WORK/err"
expect_cmd "located in both" test "$(sql "SELECT count(*) FROM locations WHERE article = (SELECT article FROM guids WHERE key = 'urn:example:nitf:991')")" -eq 2

# An index of schema 2 (no guids table): indexing it upgrades it, reads
# its files once more, and records their GUIDs; no article is added.
old="$WORK/old.db"
q index --db "$old" "$d/one.rss"
sqlite3 "$old" "DROP TABLE guids; UPDATE meta SET value = '2' WHERE key = 'schema'; PRAGMA user_version = 2;"
q index --db "$old" "$d/one.rss"
expect_rc 0 "index into an index of schema 2"
expect_cmd "it is upgraded" test "$(sqlite3 "$old" 'PRAGMA user_version')" -eq 4
expect_cmd "its file is read again, its articles found as they were" grep -qE ' 0 articles added \(0 quotes\), 0 updated, 2 already indexed; 0 files unchanged' "$WORK/err"
expect_cmd "and their GUIDs recorded" test "$(sqlite3 "$old" 'SELECT count(*) FROM guids')" -eq 2
q index --db "$old" "$d/two.rss"
expect_cmd "so the copy under another URL is a location" grep -qE ' 0 articles added \(0 quotes\), 0 updated, 1 already indexed' "$WORK/err"
expect_cmd "PRAGMA integrity_check is ok" test "$(sqlite3 "$old" 'PRAGMA integrity_check')" = ok

# --prune drops the GUIDs of the articles it drops.
rm "$d/one.rss" "$d/two.rss" "$d/three.rss" "$d/a.xml" "$d/b.atom"
q index --db "$db" --prune "$d"
expect_cmd "no GUID of an article that is gone" test "$(sql 'SELECT count(*) FROM guids WHERE article NOT IN (SELECT id FROM articles)')" -eq 0
expect_cmd "the bridge's GUID went with it" test "$(sql "SELECT count(*) FROM guids WHERE key LIKE 'tag:news.example.org%'")" -eq 0
done_testing
