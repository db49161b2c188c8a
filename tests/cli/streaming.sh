#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Streaming (issue 3): a 200 MB RSS feed and a 200 MB JSON Lines file, one
# quote in each of their items, are read whole by `extract --format jsonl`
# in under 100 MB of memory (peak RSS of the process, from wait4: an upper
# bound, as it counts the Python that started it, some 14 MB), every item
# giving its record; and an article over 32 MB is refused with its
# size in both formats. Inputs are generated into $WORK (removed at the
# end) by bigfeed.py. Skipped under valgrind (far too slow for 400 MB) and
# under ASan (its shadow memory is in the RSS figure).

. "$(dirname "$0")/lib.sh"

why=""
if [ -n "${QUOTH_WRAP:-}" ]; then
    why="run under \$QUOTH_WRAP (valgrind): too slow for 400 MB"
elif grep -qa __asan_init "$QUOTH"; then
    why="built with AddressSanitizer: its shadow memory counts in the RSS"
fi
if [ -n "$why" ]; then
    skip "streaming 200 MB and refusing 32 MB articles" "$why"
    done_testing
    exit
fi

LIMIT_KB=$((100 * 1024))

# peak FILE: runs extract --format jsonl on FILE, stdout counted in lines,
# stderr to $WORK/err. Sets PEAK_KB (the process's peak RSS), LINES, RC.
peak() {
    read -r PEAK_KB LINES RC < <(python3 - "$QUOTH" "$1" 2>"$WORK/err" <<'EOF'
import os, subprocess, sys
p = subprocess.Popen([sys.argv[1], "extract", "--format", "jsonl",
                      sys.argv[2]], stdout=subprocess.PIPE)
n = 0
while True:
    b = p.stdout.read(1 << 20)
    if not b:
        break
    n += b.count(b"\n")
_, status, usage = os.wait4(p.pid, 0)
p.returncode = os.waitstatus_to_exitcode(status)
print(usage.ru_maxrss, n, p.returncode)
EOF
)
}

for kind in rss jsonl; do
    f="$WORK/big.$kind"
    items=$(python3 "$(dirname "$0")/bigfeed.py" "$kind" "$f" 200)
    mb=$(($(wc -c <"$f") / 1000000))
    peak "$f"
    RC=${RC:-1}
    expect_rc 0 "$kind: a $mb MB file of $items items"
    if [ "${LINES:-0}" -eq "$items" ]; then
        ok "$kind: one record for each of the $items items"
    else
        not_ok "$kind: one record for each item" "$LINES records"
    fi
    if [ "${PEAK_KB:-0}" -gt 0 ] && [ "$PEAK_KB" -lt "$LIMIT_KB" ]; then
        ok "$kind: $mb MB read in at most $((PEAK_KB / 1024)) MB of memory"
    else
        not_ok "$kind: $mb MB read in under 100 MB of memory" \
               "peak RSS ${PEAK_KB:-?} KB"
    fi
    rm -f "$f"
done

# One article over 32 MB among small ones. A feed's item is refused before
# it is read whole, and ends the feed (the parser cannot resume after it);
# libxml2 refuses a single text of over 10 MB in any case. A JSON Lines
# record is skipped and the next ones are read.
python3 - "$WORK" <<'EOF'
import sys
d = sys.argv[1]
para = "The council approved the plan after weeks of talks. " * 20
small = '<item><title>%s</title><description>\u201cWe go,\u201d said Ana Lima.</description></item>\n'
head = '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>T</title>\n'
with open(d + "/parts.rss", "w", encoding="utf-8") as f:
    f.write(head + small % "one" + "<item><title>two</title>\n")
    # four texts of 8.5 MB: each under libxml2's limit, 34 MB in all
    for _ in range(4):
        f.write("<category>" + para * (8500000 // len(para)) + "</category>\n")
    f.write("</item>\n" + small % "three" + "</channel></rss>\n")
with open(d + "/text.rss", "w", encoding="utf-8") as f:
    f.write(head + small % "one")
    f.write("<item><title>two</title><description>" +
            para * (34000000 // len(para)) + "</description></item>\n")
    f.write(small % "three" + "</channel></rss>\n")
with open(d + "/big.jsonl", "w", encoding="utf-8") as f:
    rec = '{"text": "\\u201cWe go,\\u201d said Ana Lima."}\n'
    f.write(rec + '{"text": "' + para * (34000000 // len(para)) + '"}\n' + rec)
EOF
q extract --format jsonl "$WORK/parts.rss"
expect_rc 3 "rss: an item of 34 MB"
expect_err_line "quoth: $WORK/parts.rss:4: item 2: article too large (over 32 MB)" \
    "rss: an item of 34 MB"
expect_cmd "rss: the item before it still comes out" \
    test "$(wc -l <"$WORK/out")" -eq 1
q extract --format jsonl "$WORK/text.rss"
expect_rc 3 "rss: an item with one text of 34 MB"
expect_err_line "quoth: $WORK/text.rss:4: item 2: article too large (a text of over 10 MB)" \
    "rss: an item with one text of 34 MB"
q extract --format jsonl "$WORK/big.jsonl"
expect_rc 3 "jsonl: a record of 34 MB"
expect_err_line "quoth: $WORK/big.jsonl:2: record too large (over 32 MB)" \
    "jsonl: a record of 34 MB"
expect_cmd "jsonl: the records around it still come out" \
    test "$(wc -l <"$WORK/out")" -eq 2

done_testing
