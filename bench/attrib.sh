#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Attribution benchmark (issue 4), one core:
#   bench/attrib.sh [BUILD_DIR]      (default: build)
# - throughput of `quoth extract --format jsonl` (reading, quote spans,
#   attribution, output) in MB/s and articles/s over corpus/ and over
#   ../shared/data/bench (BBC News, Reuters-21578), beside the time to simply
#   read the same files (cat), with their ratio; target 20 MB/s;
# - peak memory on corpus/ and on corpus/ given four times, to show memory
#   does not grow with the corpus;
# - precision by confidence decile and by method on ../shared/eval/dev.
# A benchmark, not a test: figures vary with the machine.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
quoth="$top/${1:-build}/quoth"
shared="$top/../shared"
[ -x "$quoth" ] || { echo "bench: build first ($quoth missing)" >&2; exit 2; }
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
now() { date +%s.%N; }
cd "$top"
echo "quoth $("$quoth" --version | cut -d' ' -f2), one core, best of 3"

# speed NAME PATH...: MB/s and articles/s of extract, beside cat.
speed() {
    local name=$1 bytes files arts best_q=999999 best_c=999999 t0 t1 k
    shift
    bytes=$(find "$@" -type f -print0 | xargs -0 cat | wc -c)
    arts=$("$quoth" text "$@" 2>/dev/null | grep -c '^==> ' || true)
    for k in 1 2 3; do
        t0=$(now); find "$@" -type f -print0 | xargs -0 "${pin[@]}" cat >/dev/null; t1=$(now)
        best_c=$(echo "$t1 - $t0" | bc -l | awk -v b="$best_c" '{ print ($1 < b) ? $1 : b }')
        t0=$(now); "${pin[@]}" "$quoth" extract --format jsonl "$@" >/dev/null 2>&1 || true; t1=$(now)
        best_q=$(echo "$t1 - $t0" | bc -l | awk -v b="$best_q" '{ print ($1 < b) ? $1 : b }')
    done
    awk -v n="$name" -v b="$bytes" -v a="$arts" -v q="$best_q" -v c="$best_c" 'BEGIN {
        mb = b / 1e6
        printf "%-22s %7.1f MB %6d articles  extract %6.1f MB/s %7.0f art/s  cat %8.1f MB/s  %6.1fx cat\n",
               n, mb, a, mb / q, a / q, mb / c, q / c }'
}

speed "corpus" corpus
if [ -d "$shared/data/bench" ]; then
    speed "bench (BBC, Reuters)" "$shared/data/bench"
else
    echo "bench: $shared/data/bench is absent, skipped"
fi

rss() { { /usr/bin/time -f %M "$quoth" extract --format jsonl "$@" 2>&1 >/dev/null || true; } | tail -1; }
if [ -x /usr/bin/time ]; then
    one=$(rss corpus)
    four=$(rss corpus corpus corpus corpus)
    echo "peak memory: corpus ${one} kB, corpus x4 ${four} kB"
fi

if [ -f "$shared/eval/dev/gold.jsonl" ]; then
    out=$(mktemp)
    trap 'rm -f "$out"' EXIT
    "$quoth" extract --format jsonl "$shared"/eval/dev/*.txt >"$out"
    echo "precision by confidence on the development set:"
    python3 "$top/bench/attrib-deciles.py" "$shared/eval/score.py" \
        "$shared/eval/dev/gold.jsonl" "$out"
    python3 "$shared/eval/score.py" "$shared/eval/dev/gold.jsonl" "$out" | tail -5
else
    echo "bench: the development set is absent, deciles skipped"
fi
