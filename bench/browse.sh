#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The browser's speed (issue 7), through tmux as a user sees it:
#   bench/browse.sh [DB] [BUILD_DIR]   (default: /work/bench/1m.db, build)
# An index of an older schema is copied and upgraded (bench/upgrade.sh).
# start to rows and the exact count (target < 150 ms), live-filter
# keystroke to updated screen (median < 30 ms, p95 < 100 ms), resident
# memory (< 64 MB), beside `fzf --filter` over the same quotes, one line
# each (date, speaker, country, source, quote), with the ratios.
# A benchmark, not a test: figures vary with the machine and its load.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
db=${1:-/work/bench/1m.db}
quoth="$top/${2:-build}/quoth"
[ -x "$quoth" ] || { echo "bench: build first ($quoth missing)" >&2; exit 2; }
[ -f "$db" ] || { echo "bench: no index at $db" >&2; exit 2; }
for p in tmux fzf sqlite3 python3 bc; do
    command -v "$p" >/dev/null || { echo "bench: needs $p" >&2; exit 2; }
done
# An index of an older schema: an upgraded copy beside the build.
db=$("$top/bench/upgrade.sh" "$quoth" "$db" "$(dirname "$quoth")/browse-bench")
lines=$(mktemp)
trap 'rm -f "$lines"' EXIT
# The same quotes as the browser lists, one line each, for fzf.
sqlite3 -readonly "$db" "SELECT coalesce(q.date,'') || ' ' ||
    coalesce(q.speaker,'') || ' ' || coalesce(q.country,'') || ' ' ||
    coalesce(a.source, a.domain, '') || ' ' || replace(q.quote, char(10), ' ')
    FROM quotes q JOIN articles a ON a.id = q.article" >"$lines"
echo "index: $db ($(wc -l <"$lines") quotes, $(du -h "$db" | cut -f1)); load: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
python3 "$top/bench/browse.py" "$quoth" "$db" "$lines"
