#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Hostile input (issue 3): a table of hostile files, each with the exact
# one-line error quoth must print for it, or the exact behaviour when it is
# read. All of them go through one `extract --format jsonl` run beside good
# articles: each rejected file is named in one line, the good articles and
# the readable parts still come out, and the run ends with exit 3. A few
# cases that need their own run (timing, counting, a network listener)
# follow the table. Inputs are generated into $WORK at test time.

. "$(dirname "$0")/lib.sh"
seed="$QUOTH_SRC/corpus/seed/paris-talks.txt"
d="$WORK/in"
mkdir -p "$d"

# --- the inputs --------------------------------------------------------
cp "$seed" "$d/good-seed.txt"
printf '{"text":"\\"First,\\" said Ana Lima."}\n' >"$d/good-first.jsonl"
# binary
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10' >"$d/png.txt"
printf 'Eva Berg said "zipped" today.\n' | gzip -c >"$d/gzip.txt"
head -c 256 "$QUOTH" >"$d/elf.txt"
python3 -c 'import random,sys; sys.stdout.buffer.write(random.Random(7).randbytes(4096))' >"$d/random.bin"
# random bytes with no NUL: C0 controls (not whitespace, not ESC) and high bytes
python3 -c '
import random, sys
r = random.Random(11)
ctl = [c for c in range(1, 32) if c not in (9, 10, 12, 13, 27)]
sys.stdout.buffer.write(bytes(r.choice(ctl) if r.random() < 0.5 else r.randrange(128, 256) for _ in range(4096)))' >"$d/random-nonul.bin"
printf '"We\0 go," said Eva Berg.\n' >"$d/nul.txt"
# UTF-8 damage
printf '\xe2\x80\x9cBroken \xff\xfe bytes,\xe2\x80\x9d said Eva Berg.\n' >"$d/bad-utf8.txt"
printf '"Over \xc0\xaf long \xe0\x80\xaf here," said Eva Berg.\n' >"$d/overlong.txt"
printf '"Sur \xed\xa0\x80 rogate," said Eva Berg.\n' >"$d/surrogate.txt"
# other encodings
{ printf '\xff\xfe'; printf '"Little endian," said Eva Berg.\n' | iconv -f UTF-8 -t UTF-16LE; } >"$d/utf16le.txt"
{ printf '\xfe\xff'; printf '"Big endian," said Eva Berg.\n' | iconv -f UTF-8 -t UTF-16BE; } >"$d/utf16be.txt"
printf 'Caf\xe9 owner Jos\xe9 Ruiz said \x93we stay open\x94 on Sunday.\n' >"$d/cp1252.txt"
printf 'Jos\xe9 Ib\xe1\xf1ez said "we stay \xabopen\xbb" in Espa\xf1a.\n' >"$d/latin1.txt"
printf '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body><p>Jos\xe9 Ruiz said \x93we stay shut\x94 on Sunday.</p></body></html>\n' >"$d/charset.html"
# truncated markup
printf '<html><head><title>Trunc</title></head><body><article><p>"Cut short," said Eva Berg.</p><p>More <b' >"$d/trunc.html"
printf '<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>F</title>\n<item><title>One</title><description>"Item one," said Eva Berg.</description></item>\n<item><title>Two</title><descr' >"$d/trunc.rss"
printf '<?xml version="1.0"?>\n<nitf>\n<head><title>N</title></head>\n<body><body.content>\n<p>"Nitf cut," said Eva Berg.</p>\n<p>and th' >"$d/trunc-nitf.xml"
# entity attacks
{
    printf '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n'
    for i in 1 2 3 4 5 6 7 8 9; do
        printf '<!ENTITY lol%d "' "$i"
        for _ in 1 2 3 4 5 6 7 8 9 10; do printf '&lol%s;' "$([ "$i" -gt 1 ] && echo $((i - 1)))"; done
        printf '">\n'
    done
    printf ']>\n<rss version="2.0"><channel><title>Bomb</title><item><title>B</title><description>"Boom &lol9;," said Eva Berg.</description></item></channel></rss>\n'
} >"$d/laughs.rss"
echo "HOSTILE-SECRET-7f3a:x:0:0" >"$WORK/secret.txt"
# --- 100,000-deep nesting
python3 - "$d" <<'EOF'
import sys
d, n = sys.argv[1], 100000
open(d + '/deep.html', 'w').write('<html><head><title>Deep</title></head><body>' + '<div>' * n + '<p>"Deep inside," said Eva Berg.</p>' + '</div>' * n + '</body></html>\n')
open(d + '/deep-nitf.xml', 'w').write('<?xml version="1.0"?><nitf><head><title>D</title></head><body><body.content>' + '<div>' * n + '<p>"Deep xml," said Eva Berg.</p>' + '</div>' * n + '</body.content></body></nitf>\n')
open(d + '/deep.rss', 'w').write('<?xml version="1.0"?><rss version="2.0"><channel><title>D</title><item><title>x</title><description>' + '<a>' * n + '"Deep rss," said Eva Berg.' + '</a>' * n + '</description></item></channel></rss>\n')
open(d + '/deep-escaped.rss', 'w').write('<?xml version="1.0"?><rss version="2.0"><channel><title>D</title><item><title>x</title><description>' + '&lt;div&gt;' * n + '"Deep esc," said Eva Berg.' + '&lt;/div&gt;' * n + '</description></item></channel></rss>\n')
EOF
# a 33 MB JSON Lines record between good lines
{
    printf '{"text":"\\"Before,\\" said Ana Lima."}\n{"text":"'
    head -c 34603008 /dev/zero | tr '\0' a
    printf '"}\n{"text":"\\"After,\\" said Ana Lima."}\n'
} >"$d/big-record.jsonl"
# terminal escapes (ESC[2J, OSC title, C1 CSI) and spreadsheet formulas
printf 'Eva Berg said "Clear \x1b[2J screen \x1b]0;pwned title\x07 and \xc2\x9b31m red \x1b[0m done" on Monday.\n' >"$d/escapes.txt"
cat >"$d/formulas.jsonl" <<'EOF'
{"text":"Eva Berg said \"=1+2\" on Monday.\n\nAna Lima said \"+CMD|' /C calc'!A0\" later.\n\nBo Chan said \"-2+3\" too.\n\nAl Rey said \"@SUM(A1:A2)\" again.","title":"=cmd|x"}
EOF
# empty, loops, FIFO
: >"$d/empty.txt"
mkdir -p "$d/tree/sub"
cp "$seed" "$d/tree/inside.txt"
ln -s .. "$d/tree/sub/loop"
ln -s self-b.txt "$d/self-a.txt"
ln -s self-a.txt "$d/self-b.txt"
mkfifo "$d/fifo.txt"
printf '{"text":"\\"Last,\\" said Ana Lima."}\n' >"$d/good-last.jsonl"

# --- the table -----------------------------------------------------------
# CASE|FILE|the exact stderr line for FILE, or "-" when it must be read
# without an error (its behaviour is checked below).
table="
PNG image|png.txt|quoth: $d/png.txt: binary file (PNG image), not an article
gzip data|gzip.txt|quoth: $d/gzip.txt: binary file (gzip data), not an article
ELF executable|elf.txt|quoth: $d/elf.txt: binary file (executable), not an article
random bytes|random.bin|quoth: $d/random.bin: binary file (NUL bytes), not an article
random bytes without NUL|random-nonul.bin|quoth: $d/random-nonul.bin: binary file (control bytes), not an article
NUL bytes in text|nul.txt|quoth: $d/nul.txt: binary file (NUL bytes), not an article
invalid UTF-8 bytes in UTF-8 text|bad-utf8.txt|-
overlong UTF-8 (C0 AF, E0 80 AF)|overlong.txt|-
UTF-8 surrogate (ED A0 80)|surrogate.txt|-
UTF-16LE with BOM|utf16le.txt|-
UTF-16BE with BOM|utf16be.txt|-
Windows-1252 0x93/0x94|cp1252.txt|-
Latin-1|latin1.txt|-
HTML declaring charset=windows-1252|charset.html|-
truncated HTML|trunc.html|-
truncated RSS|trunc.rss|quoth: $d/trunc.rss: not well-formed XML at line 6: Couldn't find end of Start Tag descr
truncated NITF|trunc-nitf.xml|quoth: $d/trunc-nitf.xml: not well-formed XML at line 6: Premature end of data in tag p line 6
billion laughs RSS|laughs.rss|quoth: $d/laughs.rss: not well-formed XML at line 14: Detected an entity reference loop
100,000-deep <div> in HTML|deep.html|quoth: $d/deep.html: elements nested too deep
100,000-deep elements in NITF|deep-nitf.xml|quoth: $d/deep-nitf.xml: not well-formed XML at line 1: Excessive depth in document: 256
100,000-deep elements in an RSS item|deep.rss|quoth: $d/deep.rss: not well-formed XML at line 1: Excessive depth in document: 256 use XML_PARSE_HUGE option
33 MB JSON Lines record|big-record.jsonl|quoth: $d/big-record.jsonl:2: record too large (over 32 MB)
terminal escapes in a quote|escapes.txt|-
spreadsheet formulas in quotes|formulas.jsonl|-
empty file|empty.txt|quoth: $d/empty.txt: empty file
directory symlink loop|tree|quoth: $d/tree/sub/loop: directory loop (a symbolic link to a parent)
file symlink loop|self-a.txt|quoth: $d/self-a.txt: Too many levels of symbolic links
FIFO|fifo.txt|quoth: $d/fifo.txt: not a regular file
"
# An escaped-HTML description nested 100,000 deep is refused for its depth,
# not as "no text" (it was, once).
bug_deep_escaped="quoth: $d/deep-escaped.rss:1: item 1: elements nested too deep"

args=()
want_lines=0
while IFS='|' read -r name file line; do
    [ -n "$name" ] || continue
    args+=("$d/$file")
    [ "$line" = - ] || want_lines=$((want_lines + 1))
done <<<"$table"
args=("$d/good-seed.txt" "$d/good-first.jsonl" "${args[@]}" "$d/deep-escaped.rss" "$d/good-last.jsonl")

start=$SECONDS
q extract --format jsonl "${args[@]}"
took=$((SECONDS - start))
cp "$WORK/out" "$WORK/all.out"
cp "$WORK/err" "$WORK/all.err"
expect_rc 3 "one run over ${#args[@]} hostile and good inputs"
expect_cmd "the run over 100,000-deep, bombs and 33 MB ends in under 60 s (took ${took}s)" test "$took" -lt 60

while IFS='|' read -r name file line; do
    [ -n "$name" ] || continue
    if [ "$line" = - ]; then
        if grep -qF "$d/$file:" "$WORK/all.err" || grep -qxF "quoth: $d/$file" "$WORK/all.err"; then
            not_ok "$name: read without an error" "$(grep -F "$d/$file" "$WORK/all.err")"
        else
            ok "$name: read without an error"
        fi
    elif [ "$(grep -cxF -- "$line" "$WORK/all.err")" -eq 1 ]; then
        ok "$name: $line"
    else
        not_ok "$name" "want exactly once on stderr: $line"
    fi
done <<<"$table"

if grep -qxF "$bug_deep_escaped" "$WORK/all.err"; then
    ok "escaped HTML 100,000 deep in an RSS item: $bug_deep_escaped"
else
    not_ok "escaped HTML 100,000 deep in an RSS item: $bug_deep_escaped" \
        "bug: quoth says '$(grep -F "$d/deep-escaped.rss" "$WORK/all.err")'"
fi

# Every stderr line is one `quoth: PATH...: what` error, and there are no
# more of them than the table names (plus the deep-escaped one).
expect_cmd "every stderr line is one 'quoth: $d/...: ...' error" \
    bash -c "! grep -qv '^quoth: $d/[^:]*\(:[0-9]*\)\?: [^ ]' '$WORK/all.err'"
expect_cmd "stderr holds exactly the $((want_lines + 1)) expected lines" \
    test "$(wc -l <"$WORK/all.err")" -eq $((want_lines + 1))
expect_cmd "stdout is valid UTF-8 JSON Lines, one object a line" python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8", errors="strict"):
    assert isinstance(json.loads(line), dict)' "$WORK/all.out"

# jq-free record lookups: QUOTES FILE prints the quotes of FILE, one a line.
quotes() {
    python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    if r["file"] == sys.argv[2]:
        print(r["quote"] + "\t" + str(r["speaker"]))' "$WORK/all.out" "$d/$1"
}
# expect_quotes WHAT FILE EXACT: the quotes of FILE (quote TAB speaker, one
# a line) are exactly EXACT.
expect_quotes() {
    local got
    got=$(quotes "$2")
    if [ "$got" = "$3" ]; then ok "$1"; else not_ok "$1" "got: $got" "want: $3"; fi
}

# The run goes on: good articles before, between and after come out.
expect_cmd "the good article before the hostile ones comes out" \
    test "$(quotes good-seed.txt | grep -c 'Jean-Noel Barrot')" -ge 2
expect_quotes "the good JSON Lines file first in the run comes out" good-first.jsonl "First,	Ana Lima"
expect_quotes "the good JSON Lines file last in the run comes out" good-last.jsonl "Last,	Ana Lima"
expect_quotes "the article inside the looping directory comes out" tree/inside.txt "$(quotes good-seed.txt)"
expect_quotes "binary files give no records" png.txt ""
expect_quotes "the file with NUL bytes gives no records" nul.txt ""

# Encodings: exact behaviour.
if [ "$(quotes bad-utf8.txt)" = $'Broken \xef\xbf\xbd\xef\xbf\xbd bytes,\tEva Berg' ]; then
    ok "invalid UTF-8 in UTF-8 text: read as UTF-8, the bad bytes become U+FFFD, the quote comes out"
else
    not_ok "invalid UTF-8 in UTF-8 text: read as UTF-8, the bad bytes become U+FFFD, the quote comes out" \
        "bug: the whole file is decoded as Windows-1252, its UTF-8 quote marks become mojibake and the quote is lost (got '$(quotes bad-utf8.txt)')"
fi
expect_cmd "invalid UTF-8 never reaches the output raw" bash -c "! LC_ALL=C grep -q \$'\\xff' '$WORK/all.out'"
expect_quotes "overlong UTF-8 is not decoded to '/': the file falls back to Windows-1252" overlong.txt \
    "Over À¯ long à€¯ here,	Eva Berg"
expect_quotes "a UTF-8 surrogate is not passed through: the file falls back to Windows-1252" surrogate.txt \
    "Sur í$(printf '\xc2\xa0')€ rogate,	Eva Berg"
expect_cmd "no encoded surrogate (ED A0..BF) or overlong (C0, C1, E0 80..9F) in the output" \
    bash -c "! LC_ALL=C grep -qE \$'\\xed[\\xa0-\\xbf]|[\\xc0\\xc1]|\\xe0[\\x80-\\x9f]' '$WORK/all.out'"
expect_quotes "UTF-16LE with BOM is decoded" utf16le.txt "Little endian,	Eva Berg"
expect_quotes "UTF-16BE with BOM is decoded" utf16be.txt "Big endian,	Eva Berg"
expect_quotes "Windows-1252 0x93/0x94 become quote marks, 0xE9 é" cp1252.txt "we stay open	José Ruiz"
expect_quotes "Latin-1 « » á ñ é are decoded" latin1.txt "we stay «open»	José Ibáñez"
expect_quotes "an HTML charset=windows-1252 declaration is honoured" charset.html "we stay shut	José Ruiz"
expect_out_has '"title":"Café"' "the declared charset applies to the HTML title too"

# Truncated and bombed markup.
expect_quotes "truncated HTML: what was read comes out" trunc.html "Cut short,	Eva Berg"
expect_quotes "truncated RSS: the complete item before the cut comes out" trunc.rss "Item one,	Eva Berg"
expect_quotes "truncated NITF: refused whole, no records" trunc-nitf.xml ""
expect_quotes "billion laughs: refused, no records" laughs.rss ""
expect_cmd "billion laughs: no expansion reaches the output" bash -c "! grep -q lollollol '$WORK/all.out'"
expect_quotes "100,000-deep HTML: refused, no records" deep.html ""
expect_quotes "100,000-deep NITF: refused, no records" deep-nitf.xml ""

# 33 MB record: the lines around it come out.
expect_quotes "the JSON Lines records around the 33 MB one come out" big-record.jsonl \
    "Before,	Ana Lima
After,	Ana Lima"

# Terminal escapes: the quote comes out without them, in every format.
expect_quotes "terminal escapes in a quote are removed with their payload" escapes.txt \
    "Clear screen and red done	Eva Berg"
# (csv lines end in CR LF, RFC 4180: CR is allowed there only.)
for fmt in text cite csv tsv jsonl; do
    q extract --format "$fmt" "$d/escapes.txt"
    expect_cmd "--format $fmt: no control bytes from the escapes (ESC, BEL, C1 CSI)" \
        bash -c "! LC_ALL=C grep -qP '[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]|\\r(?!\$)|\\xc2[\\x80-\\x9f]' '$WORK/out'"
done
# Escapes in metadata (a JSON Lines title) must not reach a csv/tsv cell raw.
printf '{"text":"Eva Berg said \\"Plain words\\" today.","title":"T\\u001b[2J\\u001b]0;pwned\\u0007x"}\n' >"$WORK/esc-title.jsonl"
for fmt in csv tsv; do
    q extract --format "$fmt" "$WORK/esc-title.jsonl"
    if LC_ALL=C grep -qP '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]' "$WORK/out"; then
        not_ok "--format $fmt: an escape sequence in the title does not reach the cell raw" \
            "bug: the title cell holds raw ESC/BEL bytes"
    else
        ok "--format $fmt: an escape sequence in the title does not reach the cell raw"
    fi
done

# Spreadsheet formulas: = + - @ at the start of a csv cell get a leading '.
q extract --format csv "$d/formulas.jsonl"
expect_rc 0 "formulas in quotes, csv"
want_csv="'=1+2|'+CMD|' /C calc'!A0|'-2+3|'@SUM(A1:A2)"
got_csv=$(python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
print("|".join(r["quote"] for r in rows))
assert all(r["title"] == "\x27=cmd|x" for r in rows), "title cell"' "$WORK/out")
if [ "$got_csv" = "$want_csv" ]; then
    ok "csv: quote cells starting = + - @ and the title cell get a leading '"
else
    not_ok "csv: quote cells starting = + - @ get a leading '" "got: $got_csv" "want: $want_csv"
fi

# --- cases with a run of their own -------------------------------------

# Billion laughs alone: refused quickly, without a memory blow-up.
start=$SECONDS
if [ -z "${QUOTH_WRAP:-}" ] && [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M -o "$WORK/rss" "$QUOTH" extract --format jsonl "$d/laughs.rss" >"$WORK/out" 2>"$WORK/err"
    RC=$?
    rss=$(tail -n 1 "$WORK/rss")
    expect_cmd "billion laughs: peak memory under 64 MB (${rss} KB)" test "$rss" -lt 65536
else
    q extract --format jsonl "$d/laughs.rss"
fi
expect_cmd "billion laughs: refused in under 10 s" test $((SECONDS - start)) -lt 10
expect_rc 3 "billion laughs alone"
expect_err_line "quoth: $d/laughs.rss: not well-formed XML at line 14: Detected an entity reference loop" "billion laughs alone"

# External entities: no file read into the output, nothing fetched. A
# listener we start counts connections; port 9 is named too.
python3 -c '
import socket, sys
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
open(sys.argv[1] + ".tmp", "w").write(str(s.getsockname()[1])); __import__("os").rename(sys.argv[1] + ".tmp", sys.argv[1])
s.settimeout(120)
try:
    c, _ = s.accept(); open(sys.argv[2], "w").write("connected")
except OSError:
    pass' "$WORK/port" "$WORK/hit" &
listener=$!
for _ in $(seq 50); do [ -s "$WORK/port" ] && break; sleep 0.1; done
port=$(cat "$WORK/port" 2>/dev/null || echo 9)
cat >"$d/xxe.rss" <<EOF
<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY xs SYSTEM "file://$WORK/secret.txt">
<!ENTITY xp SYSTEM "file:///etc/passwd">
<!ENTITY xh SYSTEM "http://127.0.0.1:9/x">
<!ENTITY xl SYSTEM "http://127.0.0.1:$port/x">
]>
<rss version="2.0"><channel><title>X</title><item><title>X &xs;</title><description>"Leak &xs; &xp; &xh; &xl; here," said Eva Berg.</description></item></channel></rss>
EOF
cat >"$d/xxe-dtd.xml" <<EOF
<?xml version="1.0"?>
<!DOCTYPE nitf SYSTEM "http://127.0.0.1:$port/nitf.dtd" [
<!ENTITY % pe SYSTEM "http://127.0.0.1:$port/pe.dtd"> %pe;
<!ENTITY xs SYSTEM "file://$WORK/secret.txt">
]>
<nitf><head><title>N</title></head><body><body.content><p>"Plain &xs; words," said Eva Berg.</p></body.content></body></nitf>
EOF
q extract --format jsonl "$d/xxe.rss" "$d/xxe-dtd.xml"
expect_rc 0 "external entities (file:// and http://) are not resolved"
expect_cmd "external entities: nothing on stderr" test ! -s "$WORK/err"
expect_cmd "external entities: the RSS quote comes out without them" grep -qF '"quote":"Leak here,"' "$WORK/out"
expect_cmd "external entities: the NITF quote comes out without them" grep -qF '"quote":"Plain words,"' "$WORK/out"
expect_cmd "external entities: no secret file text in the output" bash -c "! grep -q 'HOSTILE-SECRET' '$WORK/out'"
expect_cmd "external entities: no /etc/passwd text in the output" bash -c "! grep -q 'root:' '$WORK/out'"
sleep 0.2
expect_cmd "external entities: nothing was fetched (no connection to our listener)" test ! -e "$WORK/hit"
kill "$listener" 2>/dev/null
wait "$listener" 2>/dev/null

# An RSS feed with 100,000 small items: every item comes out. Valgrind
# makes it about 70 s, so under QUOTH_WRAP the feed has 10,000 items.
items=100000
[ -n "${QUOTH_WRAP:-}" ] && items=10000
python3 - "$d/many.rss" "$items" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Many</title>\n')
    for i in range(int(sys.argv[2])):
        f.write('<item><title>T%d</title><link>https://example.org/%d</link><description>"Item %d," said Eva Berg.</description></item>\n' % (i, i, i))
    f.write('</channel></rss>\n')
EOF
start=$SECONDS
q extract --format jsonl "$d/many.rss"
took=$((SECONDS - start))
expect_rc 0 "an RSS feed with $items items${QUOTH_WRAP:+ (10,000 under valgrind, not 100,000)}"
expect_cmd "all $items items come out, one record each" \
    test "$(grep -c '"speaker":"Eva Berg"' "$WORK/out")" -eq "$items"
expect_cmd "the first and last items are there" \
    bash -c "grep -qF '\"quote\":\"Item 0,\"' '$WORK/out' && grep -qF '\"quote\":\"Item $((items - 1)),\"' '$WORK/out'"
expect_cmd "$items items in under 20 s (took ${took}s)" test "$took" -lt 20
expect_cmd "$items items: nothing on stderr" test ! -s "$WORK/err"

# An unreadable file (chmod 000).
if [ "$(id -u)" -eq 0 ]; then
    skip "unreadable file (chmod 000): quoth: PATH: Permission denied" \
        "running as root, which can read a chmod 000 file"
else
    printf '"Locked," said Eva Berg.\n' >"$WORK/locked.txt"
    chmod 000 "$WORK/locked.txt"
    q extract --format jsonl "$WORK/locked.txt" "$d/good-last.jsonl"
    expect_rc 3 "unreadable file beside a good one"
    expect_err_line "quoth: $WORK/locked.txt: Permission denied" "unreadable file (chmod 000)"
    expect_out_has '"quote":"Last,"' "the good file after the unreadable one comes out"
    chmod 600 "$WORK/locked.txt"
fi

# File names with a newline and an escape sequence: each error stays one
# line, with no control bytes.
mkdir -p "$WORK/names"
: >"$WORK/names/new"$'\n'"line.txt"
: >"$WORK/names/esc"$'\e'"[2J.txt"
q extract --format jsonl "$WORK/names"
expect_rc 3 "empty files with hostile names"
if [ "$(wc -l <"$WORK/err")" -eq 2 ] && ! LC_ALL=C grep -qP '[\x00-\x09\x0b-\x1f\x7f]' "$WORK/err" &&
    ! grep -qv "^quoth: $WORK/names/.*: empty file\$" "$WORK/err"; then
    ok "a newline or ESC in a file name: one line each on stderr, no control bytes"
else
    not_ok "a newline or ESC in a file name: one line each on stderr, no control bytes" \
        "bug: the path is printed raw ($(wc -l <"$WORK/err") lines for 2 errors, ESC reaches stderr)"
fi

# A megabyte title and thousands of quotes: every record repeats the
# title, so metadata is cut to ARTICLE_META_MAX (2,048 bytes) and the
# output stays proportional to the page, not to title x quotes.
python3 -c '
import sys
body = " ".join("\"Quote %d here,\" said Ana Ruiz." % i for i in range(3000))
sys.stdout.write("<html><head><title>" + "T\u00e9" * 300000 +
                 "</title></head><body><p>" + body + "</p></body></html>")
' >"$WORK/bigtitle.html"
q extract --format jsonl "$WORK/bigtitle.html"
expect_rc 0 "a page with a 900 KB title"
expect_cmd "its 3,000 records carry a title of at most 2,048 bytes, cut between characters" python3 -c '
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert len(recs) == 3000, len(recs)
t = recs[0]["title"]
assert 2040 <= len(t.encode()) <= 2048 and t.startswith("T\u00e9"), len(t.encode())
' "$WORK/out"

done_testing
