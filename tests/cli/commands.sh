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
for c in extract help version; do
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

q
expect_rc 0 "no arguments, stdout not a terminal"
expect_out_has "usage: quoth" "no arguments prints the usage"

q extract -- "$QUOTH_SRC/corpus/seed/paris-talks.txt"
expect_rc 0 "-- ends the options"

done_testing
