#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Accuracy floor on a gold set, scored by ../shared/eval/score.py:
#   score-floor.sh NAME GOLD.jsonl DETECT STRICT COUNTRY PATH...
# runs `quoth extract --format jsonl PATH...` and checks quote detection F1,
# strict attribution F1 and speaker country accuracy against the floors.
# The floors only rise; they stop regressions, they are not the goal.
set -u
name=$1 gold=$2 fd=$3 fs=$4 fc=$5
shift 5
score="${QUOTH_SHARED:-$QUOTH_SRC/../shared}/eval/score.py"
if [ ! -f "$score" ]; then
    echo "1..0 # SKIP the scorer $score is absent"
    exit 0
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
${QUOTH_WRAP:-} "$QUOTH" extract --format jsonl "$@" >"$out"
rc=$?
if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
    echo "not ok 1 - quoth extract failed on the $name (exit $rc)"
    echo "1..1"
    exit 1
fi
python3 "$score" "$gold" "$out" | python3 -c '
import re, sys
text = sys.stdin.read()
name = sys.argv[1]
got = {
    "quote detection F1": float(re.search(r"quote detection\s+P \S+\s+R \S+\s+F1 (\S+)", text).group(1)),
    "strict attribution F1": float(re.search(r"attribution F1 \(strict\) (\S+)", text).group(1)),
    "speaker country accuracy": float(re.search(r"speaker country\s+accuracy (\S+)", text).group(1)),
}
floors = [float(f) for f in sys.argv[2:5]]
bad = 0
for n, ((what, value), floor) in enumerate(zip(got.items(), floors), 1):
    ok = value >= floor
    bad += not ok
    print(("ok" if ok else "not ok") + f" {n} - {what} {value:.3f} >= {floor} on the {name}")
print(f"1..{len(got)}")
sys.exit(1 if bad else 0)
' "$name" "$fd" "$fs" "$fc"
