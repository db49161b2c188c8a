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
        # the screen once it stops changing
        screen_capture >"$WORK/a"
        for i in $(seq 20); do
            sleep 0.3
            screen_capture >"$WORK/b"
            cmp -s "$WORK/a" "$WORK/b" && break
            mv "$WORK/b" "$WORK/a"
        done
        cp "$WORK/a" "$want"
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
tmux_ resize-window -t t -x 60 -y 15
screen_is check-small "60x15: the matches that fit, and more below"
tmux_ resize-window -t t -x 100 -y 30
screen_is check-near "back to 100x30: the same screen"
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
keys X
screen_wait "check claim:" >/dev/null
tmux_ set-buffer "We will keep every harbour open through the long winter and we will rebuild the bridges, the roads and the schools before the next election"
tmux_ paste-buffer -p -t t
screen_is check-long-prompt "a claim longer than the screen: the prompt shows its end, at the cursor"
keys C-a
screen_is check-long-start "Ctrl-A: its start"
keys Escape q
if screen_wait_line "END-OF-RUN 0"; then ok "q quits with status 0"; else not_ok "q quits with status 0" "$(screen_capture | tail -5)"; fi

# y: OSC 52 always, and the first clipboard tool of the session (each run
# without a shell), or a file. The pane's TMUX names this private server.
# status_msg: the status line's message, after "Copied".
status_msg() { screen_capture | sed -n '29s/.*\(Copied.*\)/\1/p' | sed 's/ *$//'; }
# run_copy N ENV...: quoth under env ENV..., y on the first quote; its
# message in $MSG.
run_copy() {
    local n=$1
    shift
    keys "clear; env $* ${QUOTH_WRAP:-} '$QUOTH' browse --db '$DB'; echo END-OF-''RUN-$n \$?" Enter
    screen_wait "1/5" >/dev/null
    keys y
    screen_wait "Copied" >/dev/null
    MSG=$(status_msg)
    keys q
    screen_wait_line "END-OF-RUN-$n 0" >/dev/null || not_ok "run $n quits with 0" "$(screen_capture | tail -3)"
}
tmux_ set-option -s set-clipboard off
tmux_ delete-buffer 2>/dev/null
run_copy 1 NO_COLOR=1
expect_cmd "inside tmux: OSC 52 and tmux load-buffer, both said ($MSG)" \
    test "$MSG" = "Copied 195 bytes (1 quote) via OSC 52 and tmux buffer"
expect_cmd "the tmux buffer holds the citation (set-clipboard off: load-buffer put it there)" \
    grep -qF '[quoth:176d233e4bc1]' <<<"$(tmux_ show-buffer 2>/dev/null)"

mkdir -p "$WORK/bin" "$WORK/home"
printf '#!/bin/sh\n[ "$1 $2" = "-selection clipboard" ] && exec cat >"%s"\nexit 1\n' "$WORK/xclip.out" >"$WORK/bin/xclip"
chmod +x "$WORK/bin/xclip"
run_copy 2 NO_COLOR=1 DISPLAY=:7 "PATH='$WORK/bin':\$PATH"
expect_cmd "with DISPLAY: xclip before tmux ($MSG)" \
    test "$MSG" = "Copied 195 bytes (1 quote) via OSC 52 and xclip"
expect_cmd "xclip read the citation on its standard input" \
    grep -qF '[quoth:176d233e4bc1]' "$WORK/xclip.out"

run_copy 3 -u TMUX -u DISPLAY -u WAYLAND_DISPLAY -u XDG_STATE_HOME NO_COLOR=1 "HOME='$WORK/home'"
expect_cmd "no tool: the file, and where it is ($MSG)" \
    test "$MSG" = "Copied 195 bytes (1 quote) via OSC 52 and to ~/.local/state/quoth/clip.txt"
expect_cmd "the file holds the citation" \
    grep -qF '[quoth:176d233e4bc1]' "$WORK/home/.local/state/quoth/clip.txt"

printf '#!/bin/sh\nexec sleep 30\n' >"$WORK/bin/xclip"
run_copy 4 -u TMUX NO_COLOR=1 DISPLAY=:7 "PATH='$WORK/bin':\$PATH" "HOME='$WORK/home'" "XDG_STATE_HOME='$WORK/home/st'"
expect_cmd "a tool that hangs is killed and said; the file takes the copy ($MSG)" \
    test "$MSG" = "Copied 195 bytes (1 quote) via OSC 52 and to ~/st/quoth/clip.txt; xclip timed out"
expect_cmd "... the file under XDG_STATE_HOME" \
    grep -qF '[quoth:176d233e4bc1]' "$WORK/home/st/quoth/clip.txt"

# Y: a chooser, then the format; O: the archived copy with o's opener
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >"%s.tmp"; mv "%s.tmp" "%s"\n' "$WORK/opened" "$WORK/opened" "$WORK/opened" >"$WORK/bin/xdg-open"
chmod +x "$WORK/bin/xdg-open"
rm -f "$WORK/bin/xclip"
# wait_file FILE: until it exists (20 s at most)
wait_file() { local i; for i in $(seq 200); do [ -s "$1" ] && return 0; sleep 0.1; done; return 1; }
# copied KEY: Y then KEY; the message in $MSG, the tmux buffer in $BUF
copied() {
    tmux_ delete-buffer 2>/dev/null
    keys Y
    screen_wait "copy as:" >/dev/null
    keys "$1"
    screen_wait "Copied" >/dev/null
    MSG=$(status_msg)
    BUF=$(tmux_ show-buffer 2>/dev/null)
}
keys "clear; env NO_COLOR=1 PATH='$WORK/bin':\$PATH ${QUOTH_WRAP:-} '$QUOTH' browse --db '$DB'; echo END-OF-''RUN-6 \$?" Enter
screen_wait "1/5" >/dev/null
keys j j Y
screen_is copy-as "Y: the format chooser in the status line"
keys Escape
screen_is copy-as-none "Esc: nothing copied"
copied r
expect_cmd "Y r: ClaimReview, said ($MSG)" \
    test "$MSG" = "Copied 2271 bytes (1 quote) as ClaimReview via OSC 52 and tmux buffer"
expect_cmd "... the claim as met (its speaker the author), firstAppearance the oldest variant (another speaker), every appearance, the rating left empty" \
    python3 -c 'import json,sys; c=json.loads(sys.argv[1]); i=c["itemReviewed"]
assert c["@type"]=="ClaimReview" and c["reviewRating"]["alternateName"] is None
assert i["firstAppearance"]["url"]=="https://coast.example.org/2024/01/10/ports"
assert [a["quothId"] for a in i["appearance"]]==["52078e0b7358","42c238ba70a2","d1b22e4308f0"]
assert i["author"]["name"]=="Marco Bianchi" and i["firstAppearance"]["quothSpeaker"]=="Ines Duarte"' "$BUF"
copied m
expect_cmd "Y m: Markdown ($MSG)" \
    test "$(printf '%s\n' "$BUF" | sed -n 3p)" = "> — Marco Bianchi, Italy's transport minister, Port Daily, [Winter plans for the ports](https://portdaily.example.com/2024/02/03/winter), 2024-02-03 [quoth:42c238ba70a2]"
copied c
expect_cmd "Y c: CSV with its header" grep -q '^42c238ba70a2,' <<<"$BUF"
copied j
expect_cmd "Y j: JSON Lines" grep -qF '"id":"42c238ba70a2"' <<<"$BUF"
copied t
expect_cmd "Y t: text" grep -qF 'Marco Bianchi (IT)' <<<"$BUF"
keys O
wait_file "$WORK/opened"
expect_cmd "O: the archived copy at the article's date, one argument, no shell" \
    test "$(cat "$WORK/opened")" = "https://web.archive.org/web/20240203/https://portdaily.example.com/2024/02/03/winter"
rm -f "$WORK/opened"
keys o
wait_file "$WORK/opened"
expect_cmd "o: the source URL" \
    test "$(cat "$WORK/opened")" = "https://portdaily.example.com/2024/02/03/winter"
# a case of its own, so that later runs start with no mark
keys :
tmux_ send-keys -t t -l "case probe"
keys Enter e
tmux_ send-keys -t t -l "seen on the evening news"
keys Enter
copied m
expect_cmd "Y m on a marked quote: its note as a line" \
    grep -qxF "> Note: seen on the evening news" <<<"$BUF"
# the notes go wherever marked quotes are written
keys :
tmux_ send-keys -t t -l "export $WORK/case.csv"
keys Enter
screen_wait "Saved 1 marked" >/dev/null
expect_cmd ":export of the case as CSV: a last column, note" \
    test "$(head -1 "$WORK/case.csv" | tr -d '\r' | awk -F, '{print $NF}')" = note
expect_cmd "... the marked quote's row ends with its note" \
    grep -q '^42c238ba70a2,.*,seen on the evening news.$' "$WORK/case.csv"
keys s C-u
tmux_ send-keys -t t -l "$WORK/case.txt"
keys Enter
screen_wait "Saved 1 marked" >/dev/null
expect_cmd "s of the case as text: a note line" grep -qxF "    note: seen on the evening news" "$WORK/case.txt"
keys q
screen_wait_line "END-OF-RUN-6 0" >/dev/null && ok "q quits with status 0" || not_ok "q quits" "$(screen_capture | tail -3)"
q export --db "$DB" -o "$WORK/probe.jsonl" @probe
expect_rc 0 "export @probe"
expect_cmd "export of a case as JSON Lines: \"note\" last" \
    grep -qF ',"note":"seen on the evening news"}' "$WORK/probe.jsonl"
q export --db "$DB" -o "$WORK/probe.tsv" @probe
expect_cmd "... as TSV: a note column" grep -qP '\tseen on the evening news$' "$WORK/probe.tsv"
q export --db "$DB" -o "$WORK/query.jsonl" speaker:marco
expect_cmd "an export of a query, not a case: no note" \
    test "$(grep -c '"note"' "$WORK/query.jsonl")" = 0

# The mouse: xterm's SGR reports written into the pane as the terminal
# would send them (button;column;row from 1; M press, m release).
# click X Y: a press and a release; dclick: two; wheel UP|DOWN X Y.
click() { tmux_ send-keys -t t -l $'\e[<0;'"$1;$2M"$'\e[<0;'"$1;$2m"; }
dclick() { tmux_ send-keys -t t -l $'\e[<0;'"$1;$2M"$'\e[<0;'"$1;$2m"$'\e[<0;'"$1;$2M"$'\e[<0;'"$1;$2m"; }
wheel() { tmux_ send-keys -t t -l $'\e[<'"$(( $1 == 0 ? 64 : 65 ));$2;$3M"; }
keys "clear; NO_COLOR=1 ${QUOTH_WRAP:-} '$QUOTH' browse --db '$DB'; echo END-OF-''RUN-7 \$?" Enter
screen_is startup "again, the mouse on: the first screen"
click 20 6
screen_is mouse-click "a click on a row selects it"
wheel 1 20 6
screen_is mouse-wheel "the wheel scrolls the list (three rows)"
wheel 0 20 6
screen_is mouse-wheel-up "the wheel back up (three rows)"
keys '\'
tmux_ send-keys -t t -l 'country:it speaker:"Marco Bianchi" port'
keys Enter
screen_is mouse-filter "a filter of three terms"
click 36 29
screen_is mouse-filter-drop "a click on a term in the status line (inside its quotes) removes that term"
keys C-r C
screen_is mouse-picker "C: the picker's column headers, sorted by count"
click 15 3
screen_is mouse-picker-name "a click on the name header sorts by name"
click 8 3
screen_is mouse-picker "a click on the count header sorts by count again"
dclick 20 5
screen_is mouse-picker-applied "a double click on a picker row applies it"
keys C-r
dclick 20 4
screen_is mouse-reader "a double click on a row opens the reader"
keys q X
tmux_ send-keys -t t -l "We will keep every harbour open through the long winter"
keys Enter
click 10 11
screen_is mouse-check "a click on a check's match selects it"
dclick 10 11
screen_is mouse-check-jump "a double click on a match goes to it in the list"
# mouse_flags: whether the program asked the terminal for mouse reports
mouse_flags() { tmux_ display-message -t t -p '#{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}'; }
expect_cmd "the mouse is on by default: reports asked for" test "$(mouse_flags)" != 000
keys F2
screen_is mouse-off "F2: the mouse off, said"
expect_cmd "... the terminal told to send no reports" test "$(mouse_flags)" = 000
keys F2
screen_wait "mouse on" >/dev/null
expect_cmd "F2 again: reports asked for again" test "$(mouse_flags)" != 000
keys q
screen_wait_line "END-OF-RUN-7 0" >/dev/null && ok "q quits with status 0" || not_ok "q quits" "$(screen_capture | tail -3)"
keys "clear; NO_COLOR=1 ${QUOTH_WRAP:-} '$QUOTH' browse --no-mouse --db '$DB'; echo END-OF-''RUN-8 \$?" Enter
screen_wait "1/5" >/dev/null
expect_cmd "--no-mouse: no mouse reports asked for" test "$(mouse_flags)" = 000
keys q
screen_wait_line "END-OF-RUN-8 0" >/dev/null && ok "q quits with status 0" || not_ok "q quits" "$(screen_capture | tail -3)"

# a copy longer than terminals take in OSC 52 is sent whole, and said
long=$(printf 'the harbour will stay open %.0s' $(seq 120))
printf '{"url":"https://long.example.org/x","title":"Long","date":"2024-05-01","source":"Long Wire","text":"\\"%s,\\" said Ines Duarte, the minister."}\n' "$long" >"$WORK/long.jsonl"
"$QUOTH" index -q --db "$DB" "$WORK/long.jsonl"
keys "clear; NO_COLOR=1 ${QUOTH_WRAP:-} '$QUOTH' browse --db '$DB'; echo END-OF-''RUN-5 \$?" Enter
screen_wait "1/6" >/dev/null
tmux_ delete-buffer 2>/dev/null
keys y
screen_wait "Copied" >/dev/null
MSG=$(status_msg)
expect_cmd "over 3 KB: OSC 52 sent whole, and the status says it may be dropped ($MSG)" \
    test "$MSG" = "Copied 3358 bytes (1 quote) via OSC 52 (over 3 KB: may be dropped) and tmux buffer"
expect_cmd "... nothing cut: the whole citation in the tmux buffer" \
    test "$(tmux_ show-buffer | wc -c)" -ge 3300
keys q
screen_wait_line "END-OF-RUN-5 0" >/dev/null && ok "q quits with status 0" || not_ok "q quits" "$(screen_capture | tail -3)"

# The config file: mouse = off, a colour line, bad lines told and skipped
mkdir -p "$WORK/cfg/quoth"
printf '%s\n' '# quoth settings' 'mouse = off' \
    'color speaker red default underline' 'color nosuch red default' \
    'color speaker purple default' 'colour title default default bold' \
    >"$WORK/cfg/quoth/config"
CFG="$WORK/cfg/quoth/config"
keys "clear; env -u NO_COLOR XDG_CONFIG_HOME='$WORK/cfg' ${QUOTH_WRAP:-} '$QUOTH' browse --db '$DB'; echo END-OF-''RUN-9 \$?" Enter
screen_wait "1/6" >/dev/null
row=$(tmux_ capture-pane -t t -p -e | sed -n 4p)
expect_cmd "color speaker red default underline: the speaker underlined and red" \
    grep -qF $'\e[1;4m\e[31mJens Weber' <<<"$row"
expect_cmd "mouse = off: no mouse reports asked for" test "$(mouse_flags)" = 000
expect_cmd "the first bad line on the status line" \
    grep -qF "config: $CFG:4: unknown element" <<<"$(screen_capture)"
keys q
screen_wait_line "END-OF-RUN-9 0" >/dev/null && ok "q quits with status 0" || not_ok "q quits" "$(screen_capture | tail -3)"
expect_cmd "each bad line: one error naming file:line, on stderr" \
    grep -qF "quoth: $CFG:4: unknown element 'nosuch' (one of selection," <<<"$(screen_capture)"
expect_cmd "... the next one too" \
    grep -qF "quoth: $CFG:5: unknown colour 'purple'" <<<"$(screen_capture)"
keys "clear; NO_COLOR=1 XDG_CONFIG_HOME='$WORK/cfg' ${QUOTH_WRAP:-} '$QUOTH' browse --db '$DB' 2>/dev/null; echo END-OF-''RUN-10 \$?" Enter
screen_wait "1/6" >/dev/null
row=$(tmux_ capture-pane -t t -p -e | sed -n 4p)
expect_cmd "NO_COLOR: attributes only (underlined, no red)" \
    sh -c 'case $1 in *"$(printf "\033[1;4mJens Weber")"*) ;; *) exit 1;; esac; case $1 in *"$(printf "\033[3")"[0-7]m*) exit 1;; esac' - "$row"
keys q
screen_wait_line "END-OF-RUN-10 0" >/dev/null
keys "clear; env -u NO_COLOR XDG_CONFIG_HOME='$WORK/cfg' ${QUOTH_WRAP:-} '$QUOTH' browse --color=never --db '$DB' 2>/dev/null; echo END-OF-''RUN-11 \$?" Enter
screen_wait "1/6" >/dev/null
row=$(tmux_ capture-pane -t t -p -e | sed -n 4p)
expect_cmd "--color=never: attributes only" \
    sh -c 'case $1 in *"$(printf "\033[1;4mJens Weber")"*) ;; *) exit 1;; esac; case $1 in *"$(printf "\033[3")"[0-7]m*) exit 1;; esac' - "$row"
keys q
screen_wait_line "END-OF-RUN-11 0" >/dev/null
keys "clear; NO_COLOR=1 XDG_CONFIG_HOME='$WORK/cfg' ${QUOTH_WRAP:-} '$QUOTH' browse --color=always --db '$DB' 2>/dev/null; echo END-OF-''RUN-12 \$?" Enter
screen_wait "1/6" >/dev/null
row=$(tmux_ capture-pane -t t -p -e | sed -n 4p)
expect_cmd "--color=always beats NO_COLOR" grep -qF $'\e[31mJens Weber' <<<"$row"
keys q
screen_wait_line "END-OF-RUN-12 0" >/dev/null && ok "q quits with status 0" || not_ok "q quits" "$(screen_capture | tail -3)"
done_testing
