#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The browser's speed as a user sees it, through tmux (bench/browse.sh).

usage: browse.py QUOTH DB LINES_FILE

- start: from launching `quoth browse` in a 120x40 tmux pane to a screen
  showing rows and the exact count (no "≥N…" in the title), per query;
- live filter: from each keystroke typed into the \\ prompt to the screen
  whose title shows the new filter text (drawn after the list is re-read);
  median and 95th percentile;
- resident memory: VmRSS and VmHWM of the quoth process after all that;
- beside `fzf --filter` over LINES_FILE (the same quotes, one line each),
  with the ratios.
fzf runs with --exact (fuzzy matching finds most lines for any word).
The pane is polled with capture-pane; each poll costs about 2 ms, which is
the resolution of every figure."""
import os
import re
import statistics
import subprocess
import sys
import time

SOCK = "quoth-bench-%d" % os.getpid()


def tmux(*args, check=True):
    return subprocess.run(["tmux", "-L", SOCK, "-f", "/dev/null", *args],
                          check=check, capture_output=True, text=True).stdout


def screen():
    return tmux("capture-pane", "-t", "b", "-p", check=False)


def title_ok(s, text):
    first = s.split("\n", 1)[0]
    return (text in first and "quotes" in first and "≥" not in first
            and "…" not in first.rsplit("─", 1)[-1])


def wait(pred, limit=60.0):
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < limit:
        s = screen()
        if pred(s):
            return time.perf_counter(), s
    raise SystemExit("bench: the screen never showed what was waited for:\n"
                     + screen())


def start(quoth, db, query):
    tmux("kill-session", "-t", "b", check=False)
    cmd = ["env", "TERM=xterm-256color", "LC_ALL=C.UTF-8", quoth, "browse",
           "--db", db] + ([query] if query else [])
    t0 = time.perf_counter()
    tmux("new-session", "-d", "-x", "120", "-y", "40", "-s", "b", *cmd)
    t1, s = wait(lambda s: title_ok(s, query) and "▶" in s)
    count = re.search(r"([0-9]+) / ([0-9]+) quotes", s.split("\n")[0])
    return (t1 - t0) * 1000, count.group(1) if count else "?"


def typing(text):
    times = []
    tmux("send-keys", "-t", "b", "\\", "C-u")
    wait(lambda s: s.rstrip("\n").split("\n")[-1].startswith("\\"))
    for i, ch in enumerate(text):
        want = text[: i + 1]
        t0 = time.perf_counter()
        tmux("send-keys", "-t", "b", "-l", ch)
        last = ("\\" + want).rstrip()
        if ch == " ":
            # a trailing space parses as the query before it, and tmux
            # trims it: wait for the title to show the text with it
            t1, _ = wait(lambda s: s.rstrip("\n").split("\n")[-1].rstrip()
                         == last and "─ " + want + " " in s.split("\n")[0])
        else:
            # the list re-read (the title shows the text), or the parse
            # error with its caret above the prompt
            t1, _ = wait(lambda s: s.rstrip("\n").split("\n")[-1].rstrip()
                         == last
                         and (want.strip() in s.split("\n", 1)[0]
                              or "^" in s.rstrip("\n").split("\n")[-2]))
        times.append(((t1 - t0) * 1000, want))
    tmux("send-keys", "-t", "b", "Enter")
    return times


def memory():
    pid = tmux("display-message", "-t", "b", "-p", "#{pane_pid}").strip()
    # the pane runs env, which execs quoth: the same process
    vals = {}
    with open("/proc/%s/status" % pid) as f:
        for line in f:
            k, _, v = line.partition(":")
            if k in ("VmRSS", "VmHWM"):
                vals[k] = int(v.split()[0]) / 1024
    return vals


def fzf(lines, query):
    t0 = time.perf_counter()
    # --exact: each word a substring, as quoth's words are whole words;
    # fzf's default fuzzy match would find most lines for any word
    out = subprocess.run(["fzf", "--exact", "--filter", query],
                         stdin=open(lines), capture_output=True)
    return (time.perf_counter() - t0) * 1000, out.stdout.count(b"\n")


def main():
    quoth, db, lines = sys.argv[1:4]
    # a session that keeps the server up while the measured ones come and
    # go (a server exiting as the next one starts fails the start)
    tmux("new-session", "-d", "-s", "keep", "sleep 100000")
    queries = ["", "tariff", "oil prices", "said minister", "trade war"]
    print("%-16s %12s %10s %12s %10s %8s" % ("query", "quoth start", "count",
                                              "fzf --filter", "fzf lines",
                                              "ratio"))
    for q in queries:
        best = min((start(quoth, db, q) for _ in range(3)),
                   key=lambda r: r[0])
        ft, fn = min(fzf(lines, q or "'") for _ in range(1)) if q else (0, 0)
        print("%-16s %10.0f ms %10s %10.0f ms %10s %8s"
              % (repr(q), best[0], best[1], ft, fn,
                 "%.2f" % (ft / best[0]) if q else "-"))
    start(quoth, db, "")
    jumps = []
    for _ in range(3):
        t0 = time.perf_counter()
        tmux("send-keys", "-t", "b", "G")
        t1, _ = wait(lambda s: re.search(r"^ ([0-9]+)/\1 ",
                                         s.rstrip("\n").split("\n")[-2]))
        t2 = time.perf_counter()
        tmux("send-keys", "-t", "b", "g")
        t3, _ = wait(lambda s: s.rstrip("\n").split("\n")[-2]
                     .startswith(" 1/"))
        jumps += [(t1 - t0) * 1000, (t3 - t2) * 1000]
    print("G and g (last and first row of every quote): median %.1f ms, "
          "max %.1f ms (target 50)" % (statistics.median(jumps), max(jumps)))
    # n: the next hit of a search, pages away
    tmux("send-keys", "-t", "b", "/")
    tmux("send-keys", "-t", "b", "-l", "rosie")
    tmux("send-keys", "-t", "b", "Enter")
    wait(lambda s: "/rosie" in s.rstrip("\n").split("\n")[-2]
         and s.rstrip("\n").split("\n")[-1].startswith("?Help"))
    hops = []
    for _ in range(5):
        before = screen()
        t0 = time.perf_counter()
        tmux("send-keys", "-t", "b", "n")
        t1, _ = wait(lambda s: s != before)
        hops.append((t1 - t0) * 1000)
    print("n (next hit of /rosie): median %.1f ms, max %.1f ms (target 50)"
          % (statistics.median(hops), max(hops)))
    tmux("send-keys", "-t", "b", "/", "C-u", "Enter")
    keys = []
    for text in ["tariff farmers", "oil prices fell", "speaker:reagan",
                 "country:us trade", "'dollar"]:
        keys += typing(text)
    slow = sorted(keys, reverse=True)[:5]
    keys = sorted(t for t, _ in keys)
    p95 = keys[min(len(keys) - 1, int(len(keys) * 0.95))]
    print("live filter: %d keystrokes, median %.1f ms, p95 %.1f ms, "
          "max %.1f ms (targets 30 and 100)"
          % (len(keys), statistics.median(keys), p95, keys[-1]))
    print("  slowest: " + ", ".join("%r %.0f ms" % (w, t) for t, w in slow))
    m = memory()
    print("memory: VmRSS %.1f MB, VmHWM %.1f MB (target 64)"
          % (m.get("VmRSS", 0), m.get("VmHWM", 0)))
    tmux("kill-server", check=False)


if __name__ == "__main__":
    try:
        main()
    finally:
        # the private server goes, whatever happened
        tmux("kill-server", check=False)
