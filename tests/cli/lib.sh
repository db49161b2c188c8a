# SPDX-License-Identifier: MIT
# Helpers for the black-box tests: each script sources this, runs the built
# binary ($QUOTH, under $QUOTH_WRAP when the valgrind setup sets it) and
# prints TAP, one line per thing it checked.
set -u
: "${QUOTH:?QUOTH must name the built binary}"
: "${QUOTH_SRC:?QUOTH_SRC must name the source tree}"
export LC_ALL=C.UTF-8 NO_COLOR=
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
. "$(dirname "${BASH_SOURCE[0]}")/../tap.sh"
TAP_DIAG_FILE="$WORK/err"

# q ARGS...: runs quoth; stdout to $WORK/out, stderr to $WORK/err, status
# in $RC.
q() {
    ${QUOTH_WRAP:-} "$QUOTH" "$@" >"$WORK/out" 2>"$WORK/err"
    RC=$?
}

# expect_rc WANT WHAT
expect_rc() {
    if [ "$RC" -eq "$1" ]; then ok "$2 (exit $1)"; else not_ok "$2" "exit $RC, want $1"; fi
}

# expect_err_line EXACT WHAT: stderr is exactly one line, that line.
expect_err_line() {
    local got
    got=$(cat "$WORK/err")
    if [ "$got" = "$1" ] && [ "$(wc -l <"$WORK/err")" -eq 1 ]; then
        ok "$2: one line on stderr"
    else
        not_ok "$2" "want stderr: $1"
    fi
}

# expect_query_err LINE CARET WHAT: stderr is a query's error, exactly
# LINE ("quoth: QUERY: MESSAGE") and a line with a caret at column CARET.
expect_query_err() {
    local want
    want=$(printf '%s\n%*s^' "$1" "$2" '')
    if [ "$(cat "$WORK/err")" = "$want" ] &&
       [ "$(wc -l <"$WORK/err")" -eq 2 ]; then
        ok "$3: the query, the message, a caret"
    else
        not_ok "$3" "want stderr:" "$want"
    fi
}

# expect_out_has TEXT WHAT
expect_out_has() {
    if grep -qF -- "$1" "$WORK/out"; then ok "$2"; else not_ok "$2" "stdout lacks: $1"; fi
}

# expect_cmd WHAT CMD...: a shell check that must succeed.
expect_cmd() {
    local what=$1
    shift
    if "$@"; then ok "$what"; else not_ok "$what" "check failed: $*"; fi
}

done_testing() {
    tap_done
}
