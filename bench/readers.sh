#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Reader speed, one core, best of three: per input format, MB/s of
#   cat                          reading the files, nothing else
#   quoth text                   the reader stage alone: files to article
#                                bodies (what `quoth text` prints)
#   quoth extract --format jsonl the whole pipeline: reading, paragraphs,
#                                quote spans, attribution, jsonl out
# each beside its ratio to cat (CPU time, so the figures hold on a
# shared machine), over corpus/ and over ../shared/data/bench
# (BBC texts; Reuters-21578 SGML, which quoth reads as HTML, one article a
# file), then over larger samples of ../shared/data when it is there.
# The targets of issue 3 are for the reader stage (`quoth text`): text at
# least 100 MB/s and HTML at least 30 MB/s. Inputs smaller than 8 MB are
# named several times over (xN in the table) so that a run is long enough
# to time. Output goes to /dev/null.
#   bench/readers.sh [BUILD_DIR]       (default: build; absolute or under
#                                       the source tree)
# A benchmark, not a test: figures vary with the machine and its load.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
case ${1:-build} in
/*) quoth="$1/quoth" ;;
*) quoth="$top/${1:-build}/quoth" ;;
esac
shared="$top/../shared/data"
[ -x "$quoth" ] || { echo "bench: build first ($quoth missing)" >&2; exit 2; }
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
MIN_BYTES=8000000

# best CMD...: the least CPU time (user + system) of three runs, in
# microseconds. CPU time rather than wall time: on a machine shared with
# other work, waiting for the core is not the program's time.
best() {
    local best=0 k t TIMEFORMAT='%3U %3S'
    for k in 1 2 3; do
        t=$({ time "${pin[@]}" "$@" >/dev/null 2>&1; } 2>&1) || true
        t=$(awk '{ printf "%d", ($1 + $2) * 1e6 }' <<<"$t")
        [ "$t" -gt 0 ] || t=1000
        if [ "$best" -eq 0 ] || [ "$t" -lt "$best" ]; then
            best=$t
        fi
    done
    echo "$best"
}

# bench NAME FILES...
bench() {
    local name=$1 bytes reps=1 k tc tt te
    local -a files=()
    shift
    [ $# -gt 0 ] || return 0
    bytes=$(cat "$@" | wc -c)
    [ "$bytes" -gt 0 ] || return 0
    reps=$(((MIN_BYTES + bytes - 1) / bytes))
    for ((k = 0; k < reps; k++)); do
        files+=("$@")
    done
    [ "$reps" -gt 1 ] && name="$name x$reps"
    bytes=$((bytes * reps))
    tc=$(best cat "${files[@]}")
    tt=$(best "$quoth" text "${files[@]}")
    te=$(best "$quoth" extract --format jsonl "${files[@]}")
    awk -v n="$name" -v b="$bytes" -v c="$tc" -v t="$tt" -v e="$te" 'BEGIN {
        mb = b / 1e6
        printf "%-34s %6.1f %8.1f %8.1f %6.1fx %8.1f %6.1fx\n", n, mb,
               mb / (c / 1e6), mb / (t / 1e6), t / c, mb / (e / 1e6), e / c }'
}

cd "$top"
shopt -s nullglob
echo "quoth $("$quoth" --version | cut -d' ' -f2), one core, best of 3 (CPU" \
     "time); MB/s, and how many times slower than cat"
printf "%-34s %6s %8s %8s %7s %8s %7s\n" input MB cat text "" extract ""
bench "text (corpus)" corpus/seed/*.txt corpus/wikinews/*.txt \
    corpus/gum-wikinews/*.txt
bench "html (corpus)" corpus/globalvoices/*.html \
    corpus/state-dept/items/*.html corpus/white-house/items/*.html
bench "rss (corpus)" corpus/*/*.rss
bench "jsonl (corpus)" corpus/congress-press/*.jsonl
bench "newsml/nitf (corpus)" corpus/iptc-newsml-g2/*.xml
if [ -d "$shared/bench/bbc-news-2225" ]; then
    mapfile -t f < <(find "$shared/bench/bbc-news-2225" -name '*.txt' \
                     ! -name SOURCE.txt | sort)
    bench "text (bench: BBC 2225)" "${f[@]}"
fi
if [ -d "$shared/bench/reuters-21578" ]; then
    mapfile -t f < <(find "$shared/bench/reuters-21578" -name '*.sgm' | sort)
    bench "html (bench: Reuters SGML)" "${f[@]}"
fi
if [ -d "$shared/congress-press/data" ]; then
    mapfile -t f < <(find "$shared/congress-press/data/2012" -name '*.jsonl' |
                     sort)
    bench "jsonl (shared: congress 2012)" "${f[@]}"
fi
if [ -d "$shared/state-dept/items" ]; then
    mapfile -t f < <(find "$shared/state-dept/items" \
                     "$shared/white-house/items" -name '*.html' | sort)
    bench "html (shared: state+wh 4348)" "${f[@]}"
fi
