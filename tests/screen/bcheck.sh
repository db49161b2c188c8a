#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The browser's check and variants screens (X, v), its conflict marks,
# copy, mouse and colour settings, in tmux at a fixed size: each step
# waits until the whole screen equals a reviewed file in
# tests/screen/bcheck/ (QUOTH_SCREEN_UPDATE=1 writes them instead, for
# review by eye before they are committed).
. "$(dirname "$0")/lib.sh"
DIR="$QUOTH_SRC/tests/screen/bcheck"
DB="$WORK/t.db"
"$QUOTH" index -q --db "$DB" "$DIR/articles.jsonl" || { echo "Bail out! index"; exit 1; }

# screen_is NAME WHAT: the pane equals DIR/NAME.screen.
screen_is() {
    local want="$DIR/$1.screen" i
    if [ -n "${QUOTH_SCREEN_UPDATE:-}" ]; then
        sleep 1
        screen_capture >"$want"
        ok "$2 (written $1.screen)"
        return
    fi
    for i in $(seq 200); do
        screen_capture >"$WORK/got"
        cmp -s "$WORK/got" "$want" && { ok "$2"; return; }
        sleep 0.1
    done
    not_ok "$2" "$(diff "$want" "$WORK/got")"
}

keys() { tmux_ send-keys -t t "$@"; }

screen_start 100 30 "clear; NO_COLOR=1 ${QUOTH_WRAP:-} '$QUOTH' browse --db '$DB'; echo END-OF-''RUN \$?"
screen_is startup "start-up: rows whose words another speaker is credited with show ≠"

# X: a claim pasted (bracketed: its line break is a space, not Enter)
keys X
screen_wait "check claim:" >/dev/null
tmux_ set-buffer "We will keep every harbour
open through the long winter"
tmux_ paste-buffer -p -t t
keys Enter
screen_is check-near "X: a pasted claim; NEAR matches with their diffs, the coverage line"
line=$(tmux_ capture-pane -t t -p -e | sed -n 6p)
expect_cmd "the dropped word is drawn reversed, not bracketed" \
    grep -qF $'\e[7mport' <<<"$line"
expect_cmd "the added word is drawn underlined" \
    grep -qF $'\e[4mharbour' <<<"$line"
keys j j
screen_is check-third "j selects the next matches"
keys Enter
screen_is check-jump "Enter: the list on that quote"

# a match the filter hides opens in the reader; q comes back to the answer
keys '\' c o u n t r y : d e Enter X
tmux_ send-keys -t t -l "We will rebuild the bridges, the roads and the schools"
keys Enter
screen_is check-fragment "typed claim: a FRAGMENT, with what was cut"
keys Enter
screen_is check-reader "Enter on a match the filter hides: the reader"
keys q
screen_is check-fragment "q in the reader: back to the answer"
keys q
screen_is filtered "q: back to the list"
keys C-r X
tmux_ send-keys -t t -l "the fishing fleet will double its catch by next summer"
keys Enter
screen_is check-reporter "no quote: the reporter's words, and what was searched"
keys q j j v
screen_is variants "v: the variants oldest first, the first marked, ≠ another speaker, drift; the cursor on this quote"
keys k Enter
screen_is variants-jump "Enter on the first appearance: the list on it"
keys q
if screen_wait_line "END-OF-RUN 0"; then ok "q quits with status 0"; else not_ok "q quits with status 0" "$(screen_capture | tail -5)"; fi
done_testing
