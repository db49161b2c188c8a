#!/usr/bin/env bash
# extract on a terminal: lines cut to the width with an ellipsis, colour
# on, and no escape sequence from an article reaching the screen.
. "$(dirname "$0")/lib.sh"
printf '“We will not \033[2J\033]2;pwned\007give up the harbour, the bridges or the roads that took forty years to build,” said Harbour Master Ines Duarte.\n' >"$WORK/ctl.txt"
# The markers are split in the typed command so that only their output,
# not the command line tmux echoes, matches.
screen_start 60 20 "clear; echo BEFORE-''RUN; NO_COLOR= ${QUOTH_WRAP:-} '$QUOTH' extract '$WORK/ctl.txt'; echo END-OF-''RUN"
if screen_wait_line END-OF-RUN; then ok "extract ran in a 60x20 terminal"; else not_ok "extract ran in a 60x20 terminal" "$(screen_capture)"; fi
screen_capture >"$WORK/screen"
expect_cmd "no line is wider than the terminal" python3 -c '
import sys
assert all(len(l.rstrip("\n")) <= 60 for l in open(sys.argv[1], encoding="utf-8"))' "$WORK/screen"
expect_cmd "a long quote is cut with an ellipsis" grep -q '…$' "$WORK/screen"
expect_cmd "the speaker is on screen" grep -qF 'Ines Duarte' "$WORK/screen"
expect_cmd "the clear-screen sequence in the article did not run" \
    grep -qx "BEFORE-RUN" "$WORK/screen"
title=$(tmux_ display-message -t t -p '#{pane_title}')
expect_cmd "the title sequence in the article did not run" test "$title" != pwned
tmux_ capture-pane -t t -p -e >"$WORK/screen-e"
expect_cmd "colour is on for a terminal" grep -q $'\033\[1m' "$WORK/screen-e"
done_testing
