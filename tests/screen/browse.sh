#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# quoth browse in tmux at fixed sizes: each step waits until the whole
# screen equals a reviewed file in tests/screen/browse/ (or fails after
# 20 s with the difference). QUOTH_SCREEN_UPDATE=1 writes the files
# instead, for review by eye before they are committed.
. "$(dirname "$0")/lib.sh"
DIR="$QUOTH_SRC/tests/screen/browse"
DB="$WORK/t.db"
"$QUOTH" index -q --db "$DB" "$DIR/articles.jsonl" || { echo "Bail out! index"; exit 1; }
# A hostile index: raw escape sequences in a quote and its article, as a
# file from elsewhere could hold them (the readers drop them on the way in).
# The trigger that hashes a changed quote's words calls a function of
# quoth's own, which sqlite3 lacks: the edit goes round it.
if command -v sqlite3 >/dev/null; then
    sqlite3 "$DB" "DROP TRIGGER IF EXISTS variants_au;
      UPDATE quotes SET quote = replace(quote, 'not give',
        'not ' || char(27) || '[2J' || char(27) || ']2;pwned' || char(7) || 'give')
        WHERE id = 'd4ec613df789';
      UPDATE articles SET body = replace(body, 'not give',
        'not ' || char(27) || '[2J' || char(27) || ']2;pwned' || char(7) || 'give')
        WHERE url LIKE '%escape%';"
fi

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

q browse --db "$DB" </dev/null
expect_rc 2 "browse off a terminal"
expect_err_line "quoth: browse needs a terminal (try 'quoth search')" "browse off a terminal"

# A malformed query and a missing index are told before the screen opens.
screen_start 100 30 "clear; ${QUOTH_WRAP:-} '$QUOTH' browse --db '$DB' 'speeker:x'; echo END-OF-''RUN \$?"
if screen_wait_line "END-OF-RUN 2"; then ok "a malformed query: exit 2"; else not_ok "a malformed query: exit 2" "$(screen_capture)"; fi
expect_cmd "the query's error, with a caret" grep -qF "quoth: speeker:x: unknown field 'speeker:'" <(screen_capture)
tmux_ send-keys -t t "clear; ${QUOTH_WRAP:-} '$QUOTH' browse --db '$WORK/none.db'; echo END-OF-''RUN-0 \$?" Enter
if screen_wait_line "END-OF-RUN-0 4"; then ok "no index: exit 4"; else not_ok "no index: exit 4" "$(screen_capture)"; fi
# the same shell (a second tmux server started as the first exits can
# fail) runs the browser for the rest
tmux_ send-keys -t t "clear; NO_COLOR=1 ${QUOTH_WRAP:-} '$QUOTH' browse --db '$DB'; echo END-OF-''RUN \$?" Enter
tmux_ set-option -s set-clipboard on
screen_is startup "start-up: title with the exact count, rows, context, status, key bar"
keys j j j
screen_is scroll "j moves the cursor; the context follows"
keys Space
screen_is page "Space pages down past the first page (a second keyset page)"
keys G
screen_is last "G: the last row"
keys g
screen_is startup "g: back to the first row"
keys '\' t a r i f f
screen_is filter-live "live filter: the list and the count follow each keystroke"
keys ' ' s p e e k e r : x
screen_is filter-error "a parse error shows under the prompt before Enter"
keys Escape
screen_is startup "Esc restores the filter before the prompt"
keys / t a r i f f
screen_is search "/ is incremental: the cursor on the first hit, hits marked, nothing hidden"
keys Enter n
screen_is search-next "n: the next hit, pages away"
keys / C-u Enter g '\' c o u n t r y : d e Enter j
screen_is filtered "a filter, the cursor on its second row"
keys C-f
screen_is suspended "Ctrl-F: the filters off, the cursor on the same quote"
keys C-f
screen_is filtered "Ctrl-F again: the filter back, the same quote"
keys C-r
keys P
screen_is picker-people "P: people with counts"
keys W e b Enter
screen_is picker-applied "typing narrows the picker; Enter filters"
keys C-r C
screen_is picker-countries "C: countries with counts"
keys Escape S
screen_is picker-sources "S: sources with counts"
keys Escape '?'
screen_is help "?: the help, made from the key table"
keys q C-r j Enter
screen_is reader "Enter: the whole article, scrolled to the quote"
keys q
screen_is back "q: back to the list, on the same quote"
tmux_ resize-window -t t -x 50 -y 12
screen_is small "50x12: terminal too small"
tmux_ resize-window -t t -x 100 -y 30
screen_is back "back to 100x30: the same screen as before"
tmux_ resize-window -t t -x 170 -y 24
screen_is wide "170 columns: list and context side by side"
tmux_ resize-window -t t -x 100 -y 30
keys '\' C-u k e n j i Enter
screen_is cjk "wide characters (CJK, emoji) by display width"
keys '\' C-u c o u n t r y : m x Enter
screen_is escape "a quote with escape sequences: none reaches the terminal"
title=$(tmux_ display-message -t t -p '#{pane_title}')
expect_cmd "the title sequence in the quote did not run" test "$title" != pwned
keys y
screen_is copy "y copies a citation and says how many bytes and how"
buffer=$(tmux_ show-buffer 2>/dev/null)
expect_cmd "OSC 52 reached the terminal with the citation" \
    grep -qF 'We will not give up the fight for clean water' <<<"$buffer"
expect_cmd "the citation carries the quote's id" grep -qF '[quoth:d4ec613df789]' <<<"$buffer"
keys s C-u
tmux_ send-keys -t t -l "$WORK/saved.csv"
keys Enter
screen_wait "Saved 1 listed quotes to" >/dev/null
expect_cmd "s saves the listed quotes, CSV from the extension" \
    grep -q '^d4ec613df789,' "$WORK/saved.csv"
expect_cmd "the CSV has its header" grep -q '^id,file,quote,' "$WORK/saved.csv"
keys '|'
tmux_ send-keys -t t -l "wc -l >'$WORK/piped'; cat >/dev/null"
keys Enter
screen_wait "press Enter" >/dev/null
keys Enter
screen_wait "Piped 1 quotes" >/dev/null
expect_cmd "| pipes the listed quotes as JSON Lines to a command" \
    grep -qx 1 "$WORK/piped"
keys C-r m
screen_is marked "m marks the quote in the case file and moves down"
keys k e
tmux_ send-keys -t t -l "checked against the video"
keys Enter
screen_is note "e: a note on the marked quote, shown with it"
keys q
if screen_wait_line "END-OF-RUN 0"; then ok "q quits with status 0 (under valgrind too)"; else not_ok "q quits with status 0" "$(screen_capture | tail -5)"; fi
# the same shell starts quoth again: a new process on the same index
keys "clear; NO_COLOR=1 ${QUOTH_WRAP:-} '$QUOTH' browse --db '$DB' @marks; echo END-OF-''RUN-2 \$?" Enter
screen_is case-restart "after a restart, @marks reopens the case with its mark"
# another process indexes two more quotes into the open index
printf '%s\n' '{"url":"https://late.example.net/2024/04/01/ports","title":"Late news","date":"2024-04-01","source":"Late Wire","text":"\"The ports reopen tomorrow,\" said Ines Duarte, the harbour minister.\n\n\"Ships will queue,\" Duarte added."}' >"$WORK/late.jsonl"
"$QUOTH" index -q --db "$DB" "$WORK/late.jsonl"
screen_is writing "a writer's commits: the status says so and the total is counted again"
keys Q
if screen_wait_line "END-OF-RUN-2 0"; then ok "Q quits with status 0 (under valgrind too)"; else not_ok "Q quits with status 0" "$(screen_capture | tail -5)"; fi
done_testing
