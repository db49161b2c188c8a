# SPDX-License-Identifier: MIT
# Helpers for the black-box tests: each script sources this, runs the built
# binary ($QUOTH, under $QUOTH_WRAP when the valgrind setup sets it) and
# prints TAP, one line per thing it checked.
set -u
: "${QUOTH:?QUOTH must name the built binary}"
: "${QUOTH_SRC:?QUOTH_SRC must name the source tree}"
export LC_ALL=C.UTF-8 NO_COLOR=
TAP_N=0
TAP_FAILED=0
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# q ARGS...: runs quoth; stdout to $WORK/out, stderr to $WORK/err, status
# in $RC.
q() {
    ${QUOTH_WRAP:-} "$QUOTH" "$@" >"$WORK/out" 2>"$WORK/err"
    RC=$?
}

ok() {
    TAP_N=$((TAP_N + 1))
    echo "ok $TAP_N - $1"
}

not_ok() {
    TAP_N=$((TAP_N + 1))
    TAP_FAILED=$((TAP_FAILED + 1))
    echo "not ok $TAP_N - $1"
    shift
    local line
    for line in "$@"; do
        printf '# %s\n' "$line"
    done
    [ -f "$WORK/err" ] && printf '# stderr: %s\n' "$(head -c 600 "$WORK/err")"
    return 0
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
    echo "1..$TAP_N"
    [ "$TAP_FAILED" -eq 0 ]
}
