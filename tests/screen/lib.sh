# SPDX-License-Identifier: MIT
# Screen tests: quoth in tmux on a private socket at a fixed size, driven
# with send-keys and read with capture-pane, as a user sees it.
. "$(dirname "${BASH_SOURCE[0]}")/../cli/lib.sh"
command -v tmux >/dev/null || { echo "1..0 # SKIP tmux is not installed"; exit 0; }
SOCK="quoth-test-$$"
tmux_() { tmux -L "$SOCK" -f /dev/null "$@"; }
cleanup_screen() { tmux_ kill-server 2>/dev/null; rm -rf "$WORK"; }
trap cleanup_screen EXIT

# screen_start COLS ROWS COMMAND: a new session running COMMAND in bash,
# with its own state directory (the browser's history, clip.txt).
screen_start() {
    tmux_ new-session -d -x "$1" -y "$2" -s t \
        "env TERM=xterm-256color LC_ALL=C.UTF-8 XDG_STATE_HOME='$WORK/state' bash --norc --noprofile"
    tmux_ set-option -t t status off >/dev/null
    tmux_ send-keys -t t "$3" Enter
}

# screen_wait TEXT: waits (up to 20 s) until the pane shows TEXT.
screen_wait() {
    local i
    for i in $(seq 200); do
        tmux_ capture-pane -t t -p | grep -qF -- "$1" && return 0
        sleep 0.1
    done
    return 1
}

# screen_wait_line LINE: the same, for a whole line.
screen_wait_line() {
    local i
    for i in $(seq 200); do
        tmux_ capture-pane -t t -p | grep -qxF -- "$1" && return 0
        sleep 0.1
    done
    return 1
}

screen_capture() { tmux_ capture-pane -t t -p; }
