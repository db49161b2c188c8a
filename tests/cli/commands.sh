#!/usr/bin/env bash
# The command table: version, help, unknown commands and options, exit
# codes and one-line errors.
. "$(dirname "$0")/lib.sh"

q --version
expect_rc 0 "--version"
expect_cmd "--version prints 'quoth X.Y.Z'" grep -qE '^quoth [0-9]+\.[0-9]+\.[0-9]+$' "$WORK/out"

q version -v
expect_rc 0 "version -v"
expect_cmd "version -v says SQLite has FTS5" grep -qE '^sqlite 3\.[0-9.]+, with FTS5$' "$WORK/out"

q --help
expect_rc 0 "--help"
for c in extract help text version; do
    expect_out_has "  $c " "--help lists $c"
done

q help extract
expect_rc 0 "help extract"
expect_out_has "usage: quoth extract" "help extract prints its usage"

q help nosuch
expect_rc 2 "help of an unknown command"
expect_err_line "quoth: no command 'nosuch' (see 'quoth help')" "help of an unknown command"

q frobnicate
expect_rc 2 "unknown command"
expect_err_line "quoth: no command 'frobnicate' (see 'quoth help')" "unknown command"

q extract --bogus x
expect_rc 2 "unknown option"
expect_cmd "unknown option is named on stderr" grep -qF "quoth: unknown option '--bogus'" "$WORK/err"

q extract
expect_rc 2 "extract without a path"

q extract --format yaml "$QUOTH_SRC/corpus/seed/paris-talks.txt"
expect_rc 2 "unknown format"
expect_err_line "quoth: unknown format 'yaml' (one of text, tsv, csv, jsonl, json, cite)" "unknown format"

q extract --format
expect_rc 2 "--format without a value"

q extract --color=sometimes "$QUOTH_SRC/corpus/seed/paris-talks.txt"
expect_rc 2 "bad --color value"

QUOTH_DB="$WORK/none.db" q
expect_rc 0 "no arguments, stdout not a terminal, no index"
expect_out_has "usage: quoth" "no arguments and no index prints the usage"
"$QUOTH" index -q --db "$WORK/stats.db" "$QUOTH_SRC/corpus/seed/paris-talks.txt"
QUOTH_DB="$WORK/stats.db" q
expect_rc 0 "no arguments, stdout not a terminal, an index"
expect_out_has "quotes" "no arguments with an index prints quoth stats"

q extract -- "$QUOTH_SRC/corpus/seed/paris-talks.txt"
expect_rc 0 "-- ends the options"

# text: the body as read, one article without a header, several with.
q text
expect_rc 2 "text without a path"
expect_cmd "text without a path says so" grep -qxF "quoth: no article given (use - for stdin)" "$WORK/err"

q text --bogus x
expect_rc 2 "text with an unknown option"

printf '<html><body><nav>Home | World</nav><article><h1>Talks</h1><p>First paragraph.</p><p>Second paragraph.</p></article><footer>Contact</footer></body></html>' >"$WORK/page.html"
printf 'Talks\n\nFirst paragraph.\n\nSecond paragraph.\n' >"$WORK/want"
q text "$WORK/page.html"
expect_rc 0 "text of one page"
expect_cmd "text prints the body alone" cmp -s "$WORK/out" "$WORK/want"

printf 'An \033[31mescape\033[0m and a bell\007.\n' >"$WORK/esc.txt"
q text "$WORK/esc.txt"
expect_rc 0 "text of a file with control characters"
expect_cmd "text prints no control character" \
    test "$(tr -d '\n' <"$WORK/out" | LC_ALL=C grep -c '[[:cntrl:]]')" -eq 0

q text "$WORK/page.html" "$QUOTH_SRC/corpus/seed/paris-talks.txt"
expect_rc 0 "text of two articles"
expect_cmd "text heads each of two articles" test "$(grep -c '^==> .* <==$' "$WORK/out")" -eq 2
expect_out_has "==> $WORK/page.html <==" "text names the page in its header"

printf '{"text":"One."}\n{"text":"Two."}\n' | ${QUOTH_WRAP:-} "$QUOTH" text - >"$WORK/out" 2>"$WORK/err"
RC=$?
expect_rc 0 "text of JSON Lines on stdin"
expect_out_has "==> -:2 <==" "text names a record by its line"

q text "$WORK/page.html" /nonexistent/x.html
expect_rc 3 "text with a missing file"

done_testing
