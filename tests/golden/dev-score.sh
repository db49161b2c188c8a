#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Accuracy floors on the shared development set (../shared/eval/dev: the
# seed and 38 US articles that may not be copied here). Skips, saying so,
# when it is absent. The floors only rise.
set -u
dev="${QUOTH_SHARED:-$QUOTH_SRC/../shared}/eval/dev"
if [ ! -f "$dev/gold.jsonl" ]; then
    echo "1..0 # SKIP the development set $dev is absent"
    exit 0
fi
exec "$(dirname "$0")/score-floor.sh" "development set" "$dev/gold.jsonl" \
    0.95 0.89 0.95 "$dev"/*.txt
