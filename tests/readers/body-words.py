#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Body extraction, measured in words: for each DIR/NAME.body here (an
article body written by hand from the rendered page, see DIR/README), runs
`quoth text` on corpus/DIR/NAME.html and compares the words it prints with
the hand body. Precision is the share of the extracted words that are in
the hand body, recall the share of the hand body's words that were
extracted, both counted as multisets (a word twice counts twice). A page
fails when either is under 0.97. Prints one TAP line per page with both.

Words: the text is NFKC-normalised and lower-cased, then every maximal run
of letters and digits (Python's [^\\W_], in any script) is a word; all else,
punctuation, quotation marks, apostrophes, hyphens and white space, only
separates words. So "don't" is "don" and "t", "AI-5" is "ai" and "5", and
a run of Chinese characters with no space in it is one word."""
import collections
import glob
import os
import re
import shlex
import subprocess
import sys
import unicodedata

THRESHOLD = 0.97

quoth = os.environ["QUOTH"]
wrap = shlex.split(os.environ.get("QUOTH_WRAP", ""))
here = os.path.dirname(os.path.abspath(__file__))
src = os.environ.get("QUOTH_SRC", os.path.join(here, "..", ".."))


def words(text):
    text = unicodedata.normalize("NFKC", text).lower()
    return collections.Counter(re.findall(r"[^\W_]+", text))


def worst(counter, n=8):
    return " ".join(f"{w}({c})" for w, c in counter.most_common(n))


bodies = sorted(glob.glob(os.path.join(here, "*", "*.body")))
print(f"1..{len(bodies)}")
failed = 0
for k, body in enumerate(bodies, 1):
    site = os.path.basename(os.path.dirname(body))
    name = os.path.splitext(os.path.basename(body))[0]
    page = os.path.join(src, "corpus", site, name + ".html")
    what = f"{site}/{name}.html"
    with open(body, encoding="utf-8") as f:
        want = words(f.read())
    proc = subprocess.run(wrap + [quoth, "text", page], capture_output=True)
    if proc.returncode != 0:
        failed += 1
        print(f"not ok {k} - {what}: exit status {proc.returncode}")
        print(f"# {proc.stderr.decode(errors='replace').strip()}")
        continue
    got = words(proc.stdout.decode("utf-8"))
    common = sum((got & want).values())
    p = common / max(1, sum(got.values()))
    r = common / max(1, sum(want.values()))
    line = f"{what}: P {p:.3f} R {r:.3f} ({sum(want.values())} words)"
    if p >= THRESHOLD and r >= THRESHOLD:
        print(f"ok {k} - {line}")
        continue
    failed += 1
    print(f"not ok {k} - {line}, want both >= {THRESHOLD}")
    if p < THRESHOLD:
        print(f"# extracted, not in the body: {worst(got - want)}")
    if r < THRESHOLD:
        print(f"# in the body, not extracted: {worst(want - got)}")
sys.exit(1 if failed else 0)
