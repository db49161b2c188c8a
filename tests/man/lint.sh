#!/bin/bash
# SPDX-License-Identifier: MIT
# Lints the manual pages in man/ and fails on any warning: groff -mandoc -ww
# exits 0 when it warns, so its stderr is what counts; mandoc -T lint runs
# too when it is installed. Then checks that the COMMANDS section of
# quoth.1 has an item for every command `quoth --help` lists, and no other.
# Prints TAP, one line per thing checked.
set -u
QUOTH_SRC=${QUOTH_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
QUOTH=${QUOTH:-$QUOTH_SRC/build/quoth}
export LC_ALL=C.UTF-8
. "$(dirname "$0")/../tap.sh"




shopt -s nullglob
pages=("$QUOTH_SRC"/man/*.1 "$QUOTH_SRC"/man/*.7)
shopt -u nullglob
if [ ${#pages[@]} -eq 0 ]; then
    not_ok "manual pages in $QUOTH_SRC/man" "none found"
fi

for page in "${pages[@]}"; do
    rel=${page#"$QUOTH_SRC"/}
    err=$(groff -mandoc -ww -z "$page" 2>&1 >/dev/null)
    rc=$?
    if [ $rc -eq 0 ] && [ -z "$err" ]; then
        ok "groff -mandoc -ww -z $rel: no warnings"
    else
        not_ok "groff -mandoc -ww -z $rel" "exit $rc" "$err"
    fi
    if command -v mandoc >/dev/null 2>&1; then
        # -W warning: style notes (a cross reference to a page this machine
        # lacks) are not failures; warnings and errors are.
        err=$(mandoc -T lint -W warning "$page" 2>&1)
        rc=$?
        if [ $rc -eq 0 ] && [ -z "$err" ]; then
            ok "mandoc -T lint $rel: no warnings"
        else
            not_ok "mandoc -T lint $rel" "exit $rc" "$err"
        fi
    else
        skip "mandoc -T lint $rel" "mandoc is not installed"
    fi
done

# The commands `quoth --help` lists: the lines after "commands:" that start
# with two spaces and a name.
help=$(${QUOTH_WRAP:-} "$QUOTH" --help 2>&1)
rc=$?
if [ $rc -ne 0 ]; then
    not_ok "quoth --help" "exit $rc" "$help"
fi
listed=$(printf '%s\n' "$help" |
         awk '/^commands:/ { on = 1; next }
              on && /^$/ { exit }
              on && /^  [a-z][a-z0-9-]*( |$)/ { print $1 }')
if [ -z "$listed" ]; then
    not_ok "quoth --help lists commands" "no command found in:" "$help"
fi

# The commands quoth.1 describes: each item of the COMMANDS section that
# begins with a command, as ".It Cm NAME ..." or ".It Xo" then ".Cm NAME".
page=$QUOTH_SRC/man/quoth.1
documented=$(awk '/^\.Sh / { on = ($0 == ".Sh COMMANDS"); next }
                  !on { next }
                  xo && /^\.Cm / { print $2 }
                  { xo = 0 }
                  /^\.It Xo$/ { xo = 1; next }
                  /^\.It Cm / { print $3 }' "$page" 2>/dev/null)
if [ -z "$documented" ]; then
    not_ok "COMMANDS section of man/quoth.1" "no command items found"
fi

for c in $listed; do
    if printf '%s\n' "$documented" | grep -qxF -- "$c"; then
        ok "quoth --help lists '$c'; COMMANDS in man/quoth.1 describes it"
    else
        not_ok "quoth --help lists '$c'; COMMANDS in man/quoth.1 lacks it"
    fi
done
for c in $documented; do
    if ! printf '%s\n' "$listed" | grep -qxF -- "$c"; then
        not_ok "COMMANDS in man/quoth.1 describes '$c'; quoth --help lacks it"
    fi
done

tap_done
