#!/usr/bin/env bash
# Hostile and broken input: each rejected input is named in one line, the
# run goes on, and ends with exit 3; good articles still come out.
. "$(dirname "$0")/lib.sh"
seed="$QUOTH_SRC/corpus/seed/paris-talks.txt"
d="$WORK/in"
mkdir -p "$d/sub"
cp "$seed" "$d/a-good.txt"
: >"$d/b-empty.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$d/c-image.txt"
head -c 4096 /dev/urandom >"$d/d-random.bin"
printf '\0\0\0\0binary\0' >"$d/e-nul.txt"
printf '{"url":"https://example.org/1","text":"\\"One,\\" said Ana Lima."}\nnot json\n[1,2]\n{"title":"no text"}\n{"text":"\\"Two,\\" said Ana Lima."}\n' >"$d/f-feed.jsonl"
printf 'Caf\xe9 owner Jos\xe9 Ruiz said \x93we stay open\x94 on Sunday.\n' >"$d/g-cp1252.txt"
ln -s .. "$d/sub/loop"
cp "$seed" "$d/.hidden.txt"

q extract --format jsonl "$d" "$WORK/missing.txt"
expect_rc 3 "a directory with bad files and a missing path"
expect_cmd "the empty file is named with its reason" grep -qxF "quoth: $d/b-empty.txt: empty file" "$WORK/err"
expect_cmd "the PNG is named as an image" grep -qxF "quoth: $d/c-image.txt: binary file (PNG image), not an article" "$WORK/err"
expect_cmd "random bytes are refused as binary" grep -qE "^quoth: $d/d-random.bin: binary file" "$WORK/err"
expect_cmd "NUL bytes are refused as binary" grep -qxF "quoth: $d/e-nul.txt: binary file (NUL bytes), not an article" "$WORK/err"
expect_cmd "a line that is not JSON is named with its line number" grep -qE "^quoth: $d/f-feed.jsonl:2: not JSON" "$WORK/err"
expect_cmd "a JSON line that is not an object is named" grep -qxF "quoth: $d/f-feed.jsonl:3: not a JSON object" "$WORK/err"
expect_cmd "a record without text is named" grep -qxF "quoth: $d/f-feed.jsonl:4: no \"text\" string in the record" "$WORK/err"
expect_cmd "the symlink loop is named once" test "$(grep -c 'directory loop' "$WORK/err")" -eq 1
expect_cmd "the missing path is named" grep -qxF "quoth: $WORK/missing.txt: No such file or directory" "$WORK/err"
expect_cmd "every stderr line is one 'quoth: PATH: what' error" \
    bash -c "! grep -qv '^quoth: /' '$WORK/err'"
expect_cmd "the good article's quotes still come out" grep -q '"speaker":"Jean-Noel Barrot"' "$WORK/out"
expect_cmd "JSON Lines records around the bad ones come out" \
    test "$(grep -c '"speaker":"Ana Lima"' "$WORK/out")" -eq 2
expect_cmd "Windows-1252 0x93/0x94 become a quote" grep -qF '"quote":"we stay open"' "$WORK/out"
expect_cmd "Latin-1 letters are decoded" grep -qF 'José Ruiz' "$WORK/out"
expect_cmd "dotfiles are not read" bash -c "! grep -q '.hidden' '$WORK/out'"

# An article over the 32 MB limit is refused with its size.
yes 'Long text said "a quote" here.' | head -c 34000000 >"$WORK/huge.txt"
q extract --format jsonl "$WORK/huge.txt"
expect_rc 3 "an article over 32 MB"
expect_err_line "quoth: $WORK/huge.txt: article too large (over 32 MB)" "an article over 32 MB"

# Invalid UTF-8 inside otherwise UTF-8 text never reaches the output raw.
printf '\xe2\x80\x9cBroken \xff\xfe bytes\xe2\x80\x9d said Eva Berg.\n' >"$WORK/bad-utf8.txt"
q extract --format jsonl "$WORK/bad-utf8.txt"
expect_rc 0 "a file with invalid UTF-8"
expect_cmd "the output is valid UTF-8" python3 -c 'open(__import__("sys").argv[1], encoding="utf-8").read()' "$WORK/out"

# An XML declaration whose "encoding=" ends exactly where the feed reader
# stops looking (159 bytes): once a read past its buffer, found by fuzzing.
python3 -c '
decl = "<?xml version=\"1.0\""
decl += " " * (159 - len(decl) - len(" encoding=")) + " encoding="
open("'"$WORK"'/decl.rss", "w").write(decl + "\"UTF-8\"?><rss version=\"2.0\"><channel><title>T</title><item><title>I</title><description>\"Hello there,\" said Ana Lima.</description></item></channel></rss>\n")'
q extract --format jsonl "$WORK/decl.rss"
expect_rc 0 "a feed whose encoding= ends at the 159th byte"
expect_out_has '"speaker":"Ana Lima"' "and its item comes out"

# A feed whose bytes do not fit its declared encoding: libxml2 tells it only
# on stderr in its own words; quoth says it in one line (found by fuzzing).
printf '<?xml version="1.0" encoding="ISO-2022-JP"?>\n<rss version="2.0"><channel><title>t</title><item><title>a</title><description>\x90\x8d\x8e\x68 "We won," said Ana Lima.</description></item></channel></rss>\n' >"$WORK/badenc.rss"
q extract --format jsonl "$WORK/badenc.rss"
expect_rc 3 "a feed with bytes outside its declared encoding is refused"
expect_cmd "in one line naming the file and the fault" \
    grep -qxF "quoth: $WORK/badenc.rss: bytes that are not in its declared encoding" "$WORK/err"
expect_cmd "and nothing else reaches stderr" test "$(wc -l <"$WORK/err")" -eq 1

# The same in a page whose meta charset its bytes do not fit.
printf '<html><head><meta charset="ISO-2022-JP"><title>t</title></head><body><p>\x90\x8d\x8e\x68 "We won," said Ana Lima.</p></body></html>\n' >"$WORK/badenc.html"
q extract --format jsonl "$WORK/badenc.html"
expect_rc 3 "a page with bytes outside its declared charset is refused"
expect_cmd "in one line naming the file and the fault, nothing else on stderr" \
    test "$(cat "$WORK/err")" = "quoth: $WORK/badenc.html: bytes that are not in its declared charset"

# A file of thousands of bad lines (a manifest read as articles): ten
# are named, the rest counted in one line.
for i in $(seq 1 40); do printf '{"guid":"%d"}\n' "$i"; done >"$WORK/manifest-like.jsonl"
q extract --format jsonl "$WORK/manifest-like.jsonl"
expect_rc 3 "a JSON Lines file of records without text"
expect_cmd "ten rejected lines are named" \
    test "$(grep -c 'no "text" string' "$WORK/err")" -eq 10
expect_cmd "the other thirty are counted in one line" \
    grep -qxF "quoth: $WORK/manifest-like.jsonl: 30 more lines rejected (not shown)" "$WORK/err"

done_testing
