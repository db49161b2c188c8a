#!/usr/bin/env bash
# Accuracy floor on the shared development set (../shared/eval/dev: the
# seed and 38 US articles that may not be copied here). Skips, saying so,
# when it is absent. The floor only rises; it stops regressions, it is not
# the goal (issue "Attribution" is).
set -u
dev="${QUOTH_SHARED:-$QUOTH_SRC/../shared}/eval"
floor_detect=0.95
floor_strict=0.55
if [ ! -f "$dev/dev/gold.jsonl" ] || [ ! -f "$dev/score.py" ]; then
    echo "1..0 # SKIP the development set $dev/dev is absent"
    exit 0
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
${QUOTH_WRAP:-} "$QUOTH" extract --format jsonl "$dev"/dev/*.txt >"$out" ||
    { echo "not ok 1 - quoth extract failed on the development set"; echo "1..1"; exit 1; }
python3 "$dev/score.py" "$dev/dev/gold.jsonl" "$out" | python3 -c '
import re, sys
text = sys.stdin.read()
detect = float(re.search(r"quote detection\s+P \S+\s+R \S+\s+F1 (\S+)", text).group(1))
strict = float(re.search(r"attribution F1 \(strict\) (\S+)", text).group(1))
fd, fs = float(sys.argv[1]), float(sys.argv[2])
print(("ok" if detect >= fd else "not ok") + f" 1 - quote detection F1 {detect:.3f} >= {fd} on the development set")
print(("ok" if strict >= fs else "not ok") + f" 2 - strict attribution F1 {strict:.3f} >= {fs} on the development set")
print("1..2")
sys.exit(0 if detect >= fd and strict >= fs else 1)
' "$floor_detect" "$floor_strict"
