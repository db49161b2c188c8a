# SPDX-License-Identifier: MIT
# TAP for the shell tests: ok, not_ok (with diagnostics), skip, tap_done.
# A script that sets TAP_DIAG_FILE gets that file (say, the last command's
# stderr) shown under each failure.
TAP_N=0
TAP_FAILED=0

ok() {
    TAP_N=$((TAP_N + 1))
    echo "ok $TAP_N - $1"
}

# not_ok WHAT [DIAGNOSTIC...]
not_ok() {
    TAP_N=$((TAP_N + 1))
    TAP_FAILED=$((TAP_FAILED + 1))
    echo "not ok $TAP_N - $1"
    shift
    [ $# -gt 0 ] && printf '%s\n' "$@" | sed '/^$/d; s/^/# /'
    if [ -n "${TAP_DIAG_FILE:-}" ] && [ -s "$TAP_DIAG_FILE" ]; then
        printf '# stderr: %s\n' "$(head -c 600 "$TAP_DIAG_FILE")"
    fi
    return 0
}

# skip WHAT WHY
skip() {
    TAP_N=$((TAP_N + 1))
    echo "ok $TAP_N - $1 # SKIP $2"
}

# Prints the plan; fails when anything did.
tap_done() {
    echo "1..$TAP_N"
    [ "$TAP_FAILED" -eq 0 ]
}
