#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Golden data: each cases/NAME.txt (or .jsonl) is a small constructed
article showing one phenomenon; cases/NAME.expect holds, one JSON object a
line, the records `quoth extract --format jsonl` must print for it, in
order. Only the fields an expected record names are compared, so a case
states what it is about and nothing else. A new case is new data, not new
code. Prints one TAP line per case.

Usage: run.py [DIR]. DIR defaults to cases/ beside this script (attrib/
holds the attribution targets of issue 4). DIR/KNOWN-GAPS may list cases
the code does not meet yet, one name a line with the reason after a tab:
they print as TAP "# TODO" (expected failures), and one that starts to
pass prints "ok ... # TODO", which the harness counts as an unexpected
pass, so the list cannot go stale. The last line says how many pass."""
import glob
import json
import os
import shlex
import subprocess
import sys

args = sys.argv[1:]
if len(args) > 1 or any(a.startswith("-") for a in args):
    sys.exit("usage: run.py [DIR]")
quoth = os.environ["QUOTH"]
wrap = shlex.split(os.environ.get("QUOTH_WRAP", ""))
here = os.path.dirname(os.path.abspath(__file__))
casedir = args[0] if args else os.path.join(here, "cases")
cases = sorted(p for p in glob.glob(os.path.join(casedir, "*"))
               if not p.endswith(".expect") and
               os.path.basename(p) != "KNOWN-GAPS")
gaps = {}
gaps_path = os.path.join(casedir, "KNOWN-GAPS")
if os.path.exists(gaps_path):
    with open(gaps_path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                case, _, why = line.rstrip("\n").partition("\t")
                gaps[case.strip()] = why.strip() or "known gap"
if not cases:
    sys.exit(f"run.py: no cases in {casedir}")
print(f"1..{len(cases)}")
failed = real_failed = 0
for n, path in enumerate(cases, 1):
    name = os.path.basename(path)
    expect_path = os.path.splitext(path)[0] + ".expect"
    with open(expect_path, encoding="utf-8") as f:
        want = [json.loads(line) for line in f if line.strip()]
    proc = subprocess.run(wrap + [quoth, "extract", "--format", "jsonl", path],
                          capture_output=True)
    problems = []
    if proc.returncode != 0:
        problems.append(f"exit status {proc.returncode}: "
                        f"{proc.stderr.decode(errors='replace').strip()}")
    got = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    for rec in got:
        if "\x1b" in json.dumps(rec, ensure_ascii=False):
            problems.append("a control character reached the record")
    if len(got) != len(want):
        problems.append(f"{len(got)} records, want {len(want)}: "
                        + json.dumps([r["quote"] for r in got],
                                     ensure_ascii=False))
    for i, (g, w) in enumerate(zip(got, want), 1):
        for key, value in w.items():
            if g.get(key, "<missing>") != value:
                problems.append(f"record {i} {key}: got "
                                f"{json.dumps(g.get(key), ensure_ascii=False)}"
                                f", want {json.dumps(value, ensure_ascii=False)}")
    fields = sorted({k for w in want for k in w})
    what = f"{name}: {len(want)} records ({', '.join(fields) or 'none'})"
    todo = f" # TODO {gaps[name]}" if name in gaps else ""
    if problems:
        failed += 1
        real_failed += not todo
        print(f"not ok {n} - {what}{todo}")
        for p in problems:
            print(f"# {p}")
    else:
        print(f"ok {n} - {what}{todo}")
unknown = sorted(set(gaps) - {os.path.basename(p) for p in cases})
for case in unknown:
    print(f"# KNOWN-GAPS names {case}, which is not a case")
name = os.path.basename(os.path.normpath(casedir))
print(f"# {name}: {len(cases) - failed} of {len(cases)} cases pass, "
      f"{len(gaps)} listed as known gaps")
sys.exit(1 if real_failed or unknown else 0)
