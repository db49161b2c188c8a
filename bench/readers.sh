#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Reader speed, one core: MB/s of `quoth extract` per input format (reading,
# paragraphs, quote spans, attribution, jsonl out to /dev/null) beside the
# time to simply read the same files (cat), and their ratio.
#   bench/readers.sh [BUILD_DIR]       (default: build)
# A benchmark, not a test: figures vary with the machine.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
quoth="$top/${1:-build}/quoth"
shared="$top/../shared/data"
[ -x "$quoth" ] || { echo "bench: build first ($quoth missing)" >&2; exit 2; }
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)

now() { date +%s.%N; }

# bench NAME FILES...: best of three runs of each.
bench() {
    local name=$1 bytes best_q=999999 best_c=999999 t0 t1 k
    shift
    [ $# -gt 0 ] || return 0
    bytes=$(cat "$@" | wc -c)
    for k in 1 2 3; do
        t0=$(now); "${pin[@]}" cat "$@" >/dev/null; t1=$(now)
        best_c=$(echo "$t1 - $t0" | bc -l | awk -v b="$best_c" '{ print ($1 < b) ? $1 : b }')
        t0=$(now); "${pin[@]}" "$quoth" extract --format jsonl "$@" >/dev/null 2>&1 || true; t1=$(now)
        best_q=$(echo "$t1 - $t0" | bc -l | awk -v b="$best_q" '{ print ($1 < b) ? $1 : b }')
    done
    awk -v n="$name" -v b="$bytes" -v q="$best_q" -v c="$best_c" 'BEGIN {
        mb = b / 1e6
        printf "%-26s %8.1f MB  quoth %8.1f MB/s  cat %9.1f MB/s  quoth/cat %6.1fx slower\n",
               n, mb, mb / q, mb / c, q / c }'
}

cd "$top"
shopt -s nullglob
echo "quoth $("$quoth" --version | cut -d' ' -f2), one core, best of 3"
bench "text (corpus)" corpus/seed/*.txt corpus/wikinews/*.txt corpus/gum-wikinews/*.txt
bench "html (corpus)" corpus/globalvoices/*.html corpus/state-dept/items/*.html corpus/white-house/items/*.html
bench "rss (corpus)" corpus/*/*.rss
bench "jsonl (corpus)" corpus/congress-press/*.jsonl
bench "newsml/nitf (corpus)" corpus/iptc-newsml-g2/*.xml
if [ -d "$shared/bench/bbc-news-2225" ]; then
    mapfile -t bbc < <(find "$shared/bench/bbc-news-2225" -name '*.txt' | sort)
    bench "text (bench: BBC 2225)" "${bbc[@]}"
fi
if [ -d "$shared/congress-press/data" ]; then
    mapfile -t cp < <(find "$shared/congress-press/data/2012" -name '*.jsonl' | sort)
    bench "jsonl (congress 2012)" "${cp[@]}"
fi
if [ -d "$shared/state-dept/items" ]; then
    mapfile -t sd < <(find "$shared/state-dept/items" "$shared/white-house/items" -name '*.html' | sort)
    bench "html (state+wh, 4348)" "${sd[@]}"
fi
