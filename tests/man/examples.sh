#!/bin/bash
# SPDX-License-Identifier: MIT
# Runs every example of the manual: each .Dl line of the EXAMPLES section of
# each page of man/ (quoth.1, quoth-query.7), its mdoc escapes turned back into shell, with quoth replaced
# by the built binary (under $QUOTH_WRAP when the valgrind setup sets it).
# Each runs under bash -o pipefail in a fresh directory holding a symbolic
# link corpus -> $QUOTH_SRC/corpus, as if from the top of the source tree.
# An example fails when it exits non-zero, writes to stderr, or produces
# nothing: no output and no non-empty file. An example that needs a program
# this machine lacks (jq, less) is skipped, and says so.
# Prints TAP, one line per example.
set -u
QUOTH_SRC=${QUOTH_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
QUOTH=${QUOTH:-$QUOTH_SRC/build/quoth}
export QUOTH QUOTH_SRC LC_ALL=C.UTF-8
. "$(dirname "$0")/../tap.sh"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT



# The roff escapes an example may use, each followed by what it stands for.
escapes=('\e' "\\" '\(rs' "\\" '\[rs]' "\\" '\-' '-' '\(mi' '-' '\&' ''
         '\ ' ' ' '\~' ' ' '\(aq' "'" '\[aq]' "'" '\(dq' '"' '\[dq]' '"'
         '\(ga' '`' '\(ti' '~' '\(ha' '^' '\(ba' '|' '\(or' '|')

# unescape TEXT: prints TEXT with its roff escapes replaced, read left to
# right so that \e\(dq is \". Fails on an escape it does not know.
unescape() {
    local s=$1 out='' e
    while [ -n "$s" ]; do
        if [ "${s:0:1}" != "\\" ]; then
            out+=${s:0:1}
            s=${s:1}
            continue
        fi
        for ((e = 0; e < ${#escapes[@]}; e += 2)); do
            if [ "${s:0:${#escapes[e]}}" = "${escapes[e]}" ]; then
                out+=${escapes[e + 1]}
                s=${s:${#escapes[e]}}
                continue 2
            fi
        done
        echo "unknown roff escape at: ${s:0:6}" >&2
        return 1
    done
    printf '%s\n' "$out"
}

# The .Dl lines of EXAMPLES of every page, without the macro; pages[k]
# names the page of examples[k].
examples=()
pages=()
shopt -s nullglob
for page in "$QUOTH_SRC"/man/*.1 "$QUOTH_SRC"/man/*.7; do
    mapfile -t these < <(awk '/^\.Sh / { on = ($0 == ".Sh EXAMPLES"); next }
                              on && /^\.Dl / { sub(/^\.Dl /, ""); print }' \
                             "$page")
    if [ ${#these[@]} -eq 0 ]; then
        not_ok "examples in the EXAMPLES section of $page" "none found"
    fi
    for e in "${these[@]}"; do
        examples+=("$e")
        pages+=("${page##*/}")
    done
done
shopt -u nullglob
if [ ! -d "$QUOTH_SRC/corpus/seed" ]; then
    not_ok "the examples' corpus" "$QUOTH_SRC/corpus/seed is missing"
fi
if [ ${#examples[@]} -eq 0 ]; then
    not_ok "examples in the manual" "none found"
fi

# quoth where it is a command: at the start, or after | ; & ( with any
# VAR=value assignments before it.
quoth_re='(^|[|;&(][[:space:]]*)(([A-Za-z_][A-Za-z0-9_]*=[^[:space:]]*[[:space:]]+)*)quoth([[:space:]]|$)'
# shellcheck disable=SC2016 # expanded by the bash that runs the example
quoth_cmd='${QUOTH_WRAP:-} "$QUOTH"'

k=0
for raw in "${examples[@]}"; do
    page=${pages[k]}
    k=$((k + 1))
    if ! shown=$(unescape "$raw" 2>&1); then
        not_ok "$page example $k: $raw" "$shown"
        continue
    fi
    cmd=$(printf '%s\n' "$shown" |
          sed -E "s/$quoth_re/\\1\\2$quoth_cmd\\4/g")
    if [ "$cmd" = "$shown" ]; then
        not_ok "$page example $k: $shown" "does not run quoth"
        continue
    fi

    # The programs of the pipeline other than quoth, where they look like
    # command names (a filter's quoted words do not).
    missing=
    for word in $(printf '%s\n' "$shown" | tr '|;&' '\n' |
                  awk '{ for (i = 1; i <= NF && $i ~ /^[A-Za-z_][A-Za-z0-9_]*=/; i++)
                             ;
                         if (i <= NF) print $i }'); do
        case $word in
        quoth) ;;
        *[!A-Za-z0-9_.+-]*) ;;
        *) command -v "$word" >/dev/null 2>&1 || missing+=" $word" ;;
        esac
    done
    if [ -n "$missing" ]; then
        skip "$page example $k: $shown" "needs${missing}, not installed"
        continue
    fi

    dir=$work/$k
    mkdir "$dir"
    ln -s "$QUOTH_SRC/corpus" "$dir/corpus"
    (cd "$dir" && bash -o pipefail -c "$cmd") >"$work/$k.out" 2>"$work/$k.err"
    rc=$?
    lines=$(wc -l <"$work/$k.out")
    files=$(cd "$dir" && find . -path ./corpus -prune -o -type f -size +0c -print |
            sed 's|^\./||' | tr '\n' ' ')
    note=
    # A reader that has what it wants (head) closes the pipe, and the
    # writer before it dies of SIGPIPE: that is how the example is meant
    # to end, not a failure.
    if [ $rc -eq 141 ] && [[ $shown == *'|'* ]]; then
        rc=0
        note=", stopped by SIGPIPE when the reader had enough"
    fi
    if [ $rc -ne 0 ]; then
        not_ok "$page example $k: $shown" "exit $rc" "ran: $cmd" \
               "$(head -c 2000 "$work/$k.err")"
    elif [ -s "$work/$k.err" ]; then
        not_ok "$page example $k: $shown" "wrote to stderr:" \
               "$(head -c 2000 "$work/$k.err")"
    elif [ "$lines" -eq 0 ] && [ ! -s "$work/$k.out" ] && [ -z "$files" ]; then
        not_ok "$page example $k: $shown" "printed nothing and wrote no file"
    elif [ -n "$files" ]; then
        ok "$page example $k: $shown (wrote ${files% }$note)"
    else
        [ "$lines" -eq 1 ] && unit=line || unit=lines
        ok "$page example $k: $shown ($lines $unit$note)"
    fi
done

tap_done
