#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The browser's keys of ux.md 5.2 beyond the basics (issue 7): movement,
# focus, context by sentences, wrapping, saved searches, the timeline,
# the prompt's editing and completion, the searchable help. As browse.sh:
# each step waits until the whole screen equals a reviewed file in
# tests/screen/keys/; QUOTH_SCREEN_UPDATE=1 writes them for review.
. "$(dirname "$0")/lib.sh"
DIR="$QUOTH_SRC/tests/screen/keys"
DB="$WORK/t.db"
"$QUOTH" index -q --db "$DB" "$QUOTH_SRC/tests/screen/browse/articles.jsonl" \
    "$DIR/extra.jsonl" ||
    { echo "Bail out! index"; exit 1; }

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

screen_start 100 30 "clear; NO_COLOR=1 ${QUOTH_WRAP:-} '$QUOTH' browse --db '$DB' 'tariff | grain | ships'; echo END-OF-''RUN \$?"
screen_is open "opened on a query"
keys C-d
screen_is half "Ctrl-D: half a page down"
keys C-u C-n C-n
screen_is ctrl-n "Ctrl-U back up, Ctrl-N twice"
keys h
screen_is back "h in the list: never quits, says so"
keys Escape
sleep 0.3
keys 4
screen_is esc-digit "Esc, then 4 typed after it, works as F4: the filter prompt"
keys C-u c o u n t r y : f r Enter I
screen_is changed "a filter of its own and the sort inverted"
keys C-r
screen_is open "Ctrl-R: the query and the sort the browser opened with"
keys M
screen_is mark-all "M marks every row on the screen"
keys M
screen_is unmark-all "M again: all were marked, all are unmarked"
keys '\' C-u s o u r c e : r i v e r Enter
tmux_ resize-window -t t -x 100 -y 18
screen_is river "a long article in a short terminal"
keys Z Z
screen_is zoom-0 "Z twice: the quote's sentence only"
keys z z z
screen_is zoom-3 "z three times: three sentences each side, across paragraphs"
keys Tab
screen_is focus "Tab: the context has the focus (its header marked, the cursor hollow)"
keys k k
screen_is focus-scroll "k in the context scrolls it up, not the list"
keys Tab j
screen_is unfocus "Tab again: j moves the list's cursor"
tmux_ resize-window -t t -x 100 -y 30
keys C-r
keys '\' C-u t h e Enter w
tmux_ resize-window -t t -x 70 -y 18
screen_is wrap-full "w: each row as long as its whole quote"
keys j j j j
screen_is wrap-full-down "whole quotes: the cursor's row stays whole on the screen"
keys C-w
screen_is wrap-one "Ctrl-W: one line a row"
keys w
tmux_ resize-window -t t -x 100 -y 30
keys '\' C-u s o u r c e : r i v e r Enter : s a v e ' ' r i v e r s Enter
keys C-r @
screen_is saved "@: the saved searches and the case file, each counted"
keys r i v Enter
screen_is saved-open "typing narrows the list; Enter opens the saved search"
keys '\' C-u Enter i
screen_is timeline "i: a bar a month, empty months too, undated quotes last"
keys j j j j Enter
screen_is timeline-filter "Enter on a bar: its month added to the filter"
keys '\' C-u s p e Tab
screen_is complete-field "Tab completes a field name; the prompt says what is missing"
keys e m Tab
screen_is complete-value "Tab completes a speaker from the index, quoted"
keys C-u C-y
screen_is complete-value "Ctrl-U cuts the line, Ctrl-Y yanks it back"
keys C-u c o Tab
screen_is complete-several "several candidates: their common beginning, and a list"
keys C-u @ r Tab
screen_is complete-saved "Tab completes a saved search's name"
keys C-u t a r i f f Space f a r m e r s Escape b -
screen_is alt-b "Alt-B: a word back (here a - put before it)"
keys Escape : l o Tab r i Tab
screen_is complete-command "in the : prompt Tab completes the command, then the saved name"
keys Enter
screen_is saved-open "Enter: :load opens it"
keys '?' / t i m e l
screen_is help-search "/ in the help: the first line with the text, marked, as typed"
keys Enter '\' m a r k
screen_is help-filter "\\ in the help: only the lines with the text (the search kept)"
keys Escape q
keys q
if screen_wait_line "END-OF-RUN 0"; then ok "q quits with status 0"; else not_ok "q quits with status 0" "$(screen_capture | tail -5)"; fi
# a budget of 3 quotes: the timeline says its counts are lower bounds
keys "clear; QUOTH_TIMELINE_BUDGET=3 NO_COLOR=1 ${QUOTH_WRAP:-} '$QUOTH' browse --db '$DB'; echo END-OF-''RUN-2 \$?" Enter
screen_wait "quotes" >/dev/null
keys i
screen_is timeline-cut "a timeline cut short by its budget shows ≥"
keys q '\' Up
screen_is history-restart "Up in a new run: the last filter accepted in the one before"
keys Escape Q
if screen_wait_line "END-OF-RUN-2 0"; then ok "Q quits with status 0"; else not_ok "Q quits with status 0" "$(screen_capture | tail -5)"; fi
done_testing
