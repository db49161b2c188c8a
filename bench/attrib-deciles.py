#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Precision of attribution by confidence decile: what `confidence` means.

usage: attrib-deciles.py SCORE.py GOLD.jsonl SYSTEM.jsonl

Links system quotes to gold quotes exactly as the scorer does (its own
functions, imported), then, for every system quote that names a speaker and
is linked to a gold quote, counts whether the speaker is right (strict) in
bins of confidence 0.0-0.1, ..., 0.9-1.0, and by method."""
import importlib.util
import sys
from collections import defaultdict


def main():
    score_py, gold_path, sys_path = sys.argv[1:4]
    spec = importlib.util.spec_from_file_location("score", score_py)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold, system = score.load(gold_path), score.load(sys_path)
    keys = {g["_key"] for g in gold}
    by_bin = defaultdict(lambda: [0, 0])
    by_method = defaultdict(lambda: [0, 0])
    for k in sorted(keys):
        golds = [g for g in gold if g["_key"] == k]
        syss = [s for s in system if s["_key"] == k]
        _, back = score.link(golds, syss)
        for j, s in enumerate(syss):
            if not s.get("speaker") or not back[j]:
                continue
            names = []
            for i, _ in back[j]:
                if golds[i].get("speaker"):
                    names += [golds[i]["speaker"]] + list(golds[i].get("alt", []))
            right = bool(names) and score.name_match(s["speaker"], names, False)
            c = float(s.get("confidence") or 0)
            b = min(int(c * 10), 9)
            by_bin[b][0] += right
            by_bin[b][1] += 1
            m = s.get("method") or "?"
            by_method[m][0] += right
            by_method[m][1] += 1
    print("confidence   quotes  right  precision")
    for b in range(10):
        r, n = by_bin[b]
        if n:
            print(f"  {b / 10:.1f}-{(b + 1) / 10:.1f}   {n:6d} {r:6d}  {r / n:9.3f}")
    print("method              quotes  right  precision")
    for m, (r, n) in sorted(by_method.items(), key=lambda kv: -kv[1][1]):
        print(f"  {m:18s}{n:6d} {r:6d}  {r / n:9.3f}")


if __name__ == "__main__":
    main()
