#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Measures how well quoth tells a reported quotation from a term (title,
nickname, scare quote) on the 43 Wikinews documents of the GUM corpus.

usage: gum-terms.py [--verbose] [--data DIR] [QUOTH]

QUOTH is the binary (default build/quoth). DIR is the GUM copy (default
$QUOTH_SHARED/data/gum-wikinews, else ../shared/data/gum-wikinews beside
the source tree); see its SOURCE.txt. Gold: in gum_quote_spans.jsonl the
tag "quote" is a reported quotation (gold speech) and "q" a term, scare
quote or mention (gold term); "sp" (interview turns) is not used. GUM does
not say who speaks, so only the kind is measured, never the speaker.

quoth runs as `QUOTH extract --format jsonl DOC.txt`, once per document.

Linking a GUM span to a quoth record (by text, not by quoth's offsets,
which count bytes of the extracted body and may drift from the file):
  * Words are \\w+ runs, case-folded; the gold span's outer marks drop
    out, and so do GUM's language notes after a quote ("dangerous" ((it))).
  * Each record's quote is looked up verbatim (whitespace runs folded) in
    the document text; where it occurs more than once, the occurrence
    nearest the record's own start offset is taken. A record and a span
    can link only if these character ranges overlap. A record whose text
    is not found is placed nowhere and can link only on words: it must
    cover 80% of the span's words and the span 80% of its words.
  * A span nested in another GUM span (a q inside a quote) links only to
    a record that is that inner span (Dice of the two word lists >= 0.8):
    quoth keeps nested quotes inside the outer one, so the outer record
    does not count as finding it; the span counts as missed.
  * Any other span links to the records that overlap it when together
    they cover at least 80% of its words (the scorer's rule); the quoth
    kind is that of the record covering most of its words. GUM keeps some
    interrupted quotations as one span ("A," he said, "B.") that quoth
    prints as two records, and splits some that quoth prints as one, so
    one record may take several spans and one span several records.
    A record that runs far past a span (a mark paired with the wrong
    partner) still takes it; --verbose shows such cases.
  * A span with no such record is "missed". Records no span took are
    counted as "unlinked" (quotes GUM does not mark, or parts of them).

Prints the confusion matrix (gold speech/term x quoth speech/term/missed),
the accuracy over linked spans, and a line per document. --verbose adds
every disagreement and every missed span."""
import difflib
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

MARKS = "\"'“”‘’«»„‚‹›「」『』`"
USAGE = "usage: gum-terms.py [--verbose] [--data DIR] [QUOTH]"


def words(s):
    return re.findall(r"\w+", s.casefold())


def matched(a, b):
    """Indices of the words of a matched, in order, by words of b."""
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return {m.a + k for m in sm.get_matching_blocks() for k in range(m.size)}


def locate(text, data, rec):
    """Character range of the record's quote in the document, or None."""
    q = rec.get("quote") or ""
    parts = [re.escape(p) for p in q.split()]
    if not parts:
        return None
    hits = [(m.start(), m.end())
            for m in re.finditer(r"\s+".join(parts), text)]
    if not hits:
        return None
    start = rec.get("start")
    if isinstance(start, int) and 0 <= start <= len(data):
        at = len(data[:start].decode("utf-8", errors="replace"))
        return min(hits, key=lambda h: abs(h[0] - at))
    return hits[0]


def parse_args(argv):
    verbose, data, quoth = False, None, None
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("-v", "--verbose"):
            verbose = True
        elif a == "--data" and i + 1 < len(argv):
            i += 1
            data = argv[i]
        elif a in ("-h", "--help"):
            print(USAGE)
            sys.exit(0)
        elif a.startswith("-") or quoth is not None:
            print(USAGE, file=sys.stderr)
            sys.exit(2)
        else:
            quoth = a
        i += 1
    if data is None:
        shared = os.environ.get("QUOTH_SHARED") or os.path.join(
            os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")
        data = os.path.join(shared, "data", "gum-wikinews")
    return verbose, data, quoth or "build/quoth"


def main():
    verbose, data, quoth = parse_args(sys.argv[1:])
    if not os.path.isfile(os.path.join(data, "gum_quote_spans.jsonl")):
        sys.exit(f"gum-terms: {data}: no gum_quote_spans.jsonl (use --data DIR)")
    if not os.access(quoth, os.X_OK):
        sys.exit(f"gum-terms: {quoth}: not an executable (build first, or name it)")
    spans = defaultdict(list)
    with open(os.path.join(data, "gum_quote_spans.jsonl"), encoding="utf-8") as f:
        for line in f:
            s = json.loads(line)
            if s["tag"] in ("quote", "q"):
                spans[s["doc"]].append(s)
    docs = sorted(os.path.splitext(n)[0]
                  for n in os.listdir(os.path.join(data, "txt"))
                  if n.endswith(".txt"))

    confusion = Counter()      # (gold kind, quoth kind or "missed")
    unlinked = Counter()       # quoth kind of records no span took
    rows, notes, failures = [], [], 0
    for doc in docs:
        path = os.path.join(data, "txt", doc + ".txt")
        with open(path, "rb") as f:
            raw = f.read()
        text = raw.decode("utf-8")
        proc = subprocess.run([quoth, "extract", "--format", "jsonl", path],
                              capture_output=True)
        if proc.returncode not in (0, 1):
            failures += 1
            print(f"gum-terms: {doc}: quoth exit status {proc.returncode}: "
                  f"{proc.stderr.decode(errors='replace').strip()}",
                  file=sys.stderr)
        recs = [json.loads(l) for l in proc.stdout.decode().splitlines() if l.strip()]
        placed = [locate(text, raw, r) for r in recs]
        rwords = [words(r.get("quote") or "") for r in recs]
        taken = set()
        row = Counter()
        golds = spans.get(doc, [])
        for g in golds:
            gold = "speech" if g["tag"] == "quote" else "term"
            gw = words(re.sub(r"\(\([^()]*\)\)", " ", g["text"]))
            if not gw:
                continue
            row["gold " + gold] += 1
            nested = any(o is not g and o["start"] <= g["start"] and g["end"] <= o["end"]
                         and (o["start"], o["end"]) != (g["start"], g["end"])
                         for o in golds)
            best, best_dice, cover, link = None, 0.0, set(), []
            for i, r in enumerate(recs):
                if not rwords[i]:
                    continue
                hit = matched(gw, rwords[i])
                m = len(hit)
                cover_g, cover_r = m / len(gw), m / len(rwords[i])
                dice = 2 * m / (len(gw) + len(rwords[i]))
                if placed[i] is None:
                    if cover_g >= 0.8 and cover_r >= 0.8 and dice > best_dice:
                        best, best_dice = i, dice
                    continue
                if placed[i][1] <= g["start"] or placed[i][0] >= g["end"] or not m:
                    continue
                if nested:
                    if dice >= 0.8 and dice > best_dice:
                        best, best_dice = i, dice
                else:
                    cover |= hit
                    link.append((m, i))
            if not nested and len(cover) >= 0.8 * len(gw):
                link.sort(reverse=True)
                best = link[0][1]
                taken.update(i for _, i in link)
            if best is None:
                got = "missed"
                row["missed"] += 1
            else:
                got = recs[best].get("kind") or "?"
                taken.add(best)
                row["linked"] += 1
                row["agree"] += got == gold
            confusion[gold, got] += 1
            if verbose and got != gold:
                what = "missed" if got == "missed" else f"quoth {got}"
                shown = g["text"] if len(g["text"]) <= 90 else g["text"][:87] + "..."
                notes.append(f"{doc}: gold {gold}{' (nested)' if nested else ''}, "
                             f"{what}: {shown}")
        for i, r in enumerate(recs):
            if i not in taken:
                unlinked[r.get("kind") or "?"] += 1
                row["unlinked"] += 1
        rows.append((doc, row))

    gold_kinds = ("speech", "term")
    print("GUM Wikinews: speech vs term, GUM quote = speech, GUM q = term "
          f"({len(docs)} documents, quoth: {quoth})")
    print()
    head = "gold \\ quoth"
    print(f"{head:14}{'speech':>8}{'term':>8}{'missed':>8}{'total':>8}")
    for gk in gold_kinds:
        cells = [confusion[gk, k] for k in ("speech", "term", "missed")]
        print(f"{gk:14}" + "".join(f"{c:8}" for c in cells) + f"{sum(cells):8}")
    other = sum(v for (gk, k), v in confusion.items() if k not in ("speech", "term", "missed"))
    if other:
        print(f"(records of another kind: {other})")
    linked = sum(confusion[gk, k] for gk in gold_kinds for k in ("speech", "term"))
    agree = confusion["speech", "speech"] + confusion["term", "term"]
    total = sum(confusion.values())
    print()
    if linked:
        print(f"accuracy over linked spans: {agree} of {linked} = {agree / linked:.3f}")
    for gk in gold_kinds:
        n = confusion[gk, "speech"] + confusion[gk, "term"]
        if n:
            print(f"  gold {gk:6}: {confusion[gk, gk]} of {n} right = {confusion[gk, gk] / n:.3f}")
    if total:
        print(f"spans linked: {linked} of {total} = {linked / total:.3f}")
    print(f"quoth records no span took: {sum(unlinked.values())} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(unlinked.items())) or 'none'})")
    print()
    print(f"{'document':32}{'quote':>6}{'q':>4}{'linked':>7}{'agree':>6}{'missed':>7}{'unlinked':>9}")
    for doc, row in rows:
        print(f"{doc:32}{row['gold speech']:6}{row['gold term']:4}{row['linked']:7}"
              f"{row['agree']:6}{row['missed']:7}{row['unlinked']:9}")
    if verbose:
        print()
        print(f"disagreements and missed spans ({len(notes)}):")
        for n in notes:
            print("  " + n)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
