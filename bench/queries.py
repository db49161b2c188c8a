#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Query latency of a big index (bench/mkindex's second half; not a test).
#   queries.py --quoth QUOTH --db DB --work DIR [--runs N] [--peer-runs M]
# The questions: speaker:, country:, a keyword, a phrase, and a country with
# a keyword, each for three bands of frequency chosen from the index's own
# vocabulary (fts5vocab) and speakers and countries (the quote at the 25th
# percentile, the median, the 99th percentile; "top 1%"), plus the most
# frequent word. Each is answered, first 100 by -date, by
#   quoth  `quoth search -f tsv --limit 100 QUERY` (default sort: -date)
#   rg     `rg -m 100` over `quoth export --sort -date -f jsonl` (DIR/
#          export.jsonl): the field is named in the pattern; a word is a
#          whole word (\b) in quote, speaker or role, found by a first
#          `rg -i -w WORD` over the file piped into `rg -m 100` with the
#          field pattern (one rg with the field pattern alone took 11 s
#          for a rare word, a plain literal scan 0.6 s); a speaker is any
#          of the written forms of the speakers quoth groups under the
#          name, as fixed strings ("speaker":"Form"); a country
#          "country":"CC"
#   fzf    `fzf --filter --no-sort` over DIR/lines.tsv, one line a quote in
#          the same order: id, country, speaker key, and the words of
#          quote, speaker and role folded as FTS5 folds them, each word
#          between spaces so that `'\ word\ ` is a whole word (fzf 0.38 has
#          no word boundary), the three fields apart (" | ") so that a
#          phrase does not run from one to the next; fzf stops being read
#          at the 100th line.
# quoth runs N times (default 21), the peers M times (default 5), all
# interleaved; the table gives the median and the 95th percentile of the
# wall time of the whole process (pipeline) in ms, the ratios of the
# peers' medians to quoth's, and whether the three gave the same 100 ids
# in the same order; then, per kind of question, the sums of the medians
# over the bands and their ratios.
import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
import unicodedata


def toks(s):
    """The words of s as FTS5's unicode61 tokenizer (remove_diacritics 2)
    makes them."""
    if not s:
        return []
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.findall(r"[^\W_]+", s)


def dumps(quoth, db, work):
    exp = os.path.join(work, "export.jsonl")
    lines = os.path.join(work, "lines.tsv")
    if not os.path.exists(exp):
        subprocess.run([quoth, "export", "--db", db, "--sort", "-date",
                        "-f", "jsonl", "", "-o", exp + ".tmp"], check=True)
        os.rename(exp + ".tmp", exp)
    if not os.path.exists(lines):
        c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        byid = dict(c.execute("SELECT id, speaker_key FROM quotes"
                              " WHERE speaker_key IS NOT NULL"))
        with open(exp, encoding="utf-8") as src, \
                open(lines + ".tmp", "w", encoding="utf-8") as dst:
            for line in src:
                r = json.loads(line)
                text = " | ".join(" ".join(toks(r.get(f)))
                                  for f in ("quote", "speaker", "role"))
                dst.write("%s\t%s\t %s \t %s \n" % (
                    r["id"], r.get("country") or "-",
                    " ".join(toks(byid.get(r["id"], ""))), text))
        os.rename(lines + ".tmp", lines)
    return exp, lines


def pick(values, pct):
    """The value at the pct-th percentile of a list sorted ascending."""
    return values[min(len(values) - 1, len(values) * pct // 100)]


def bands(db):
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    c.execute("CREATE VIRTUAL TABLE temp.v USING"
              " fts5vocab(main, quotes_fts, 'row')")
    words = c.execute("SELECT term, doc FROM temp.v WHERE length(term) >= 3"
                      " AND term NOT GLOB '*[^a-z]*' ORDER BY doc, term"
                      ).fetchall()
    speakers = c.execute("SELECT speaker_key, count(*) FROM quotes WHERE"
                         " speaker_key IS NOT NULL GROUP BY 1 ORDER BY 2, 1"
                         ).fetchall()
    countries = c.execute("SELECT country, count(*) FROM quotes WHERE"
                          " country IS NOT NULL GROUP BY 1 ORDER BY 2, 1"
                          ).fetchall()
    top = words[-1]
    b = {}
    for name, pct in (("rare", 25), ("median", 50), ("top 1%", 99)):
        b[name] = {"word": pick(words, pct), "speaker": pick(speakers, pct),
                   "country": pick(countries, pct)}
    # a phrase: the band's word and the word after it in a quote
    for name in b:
        w = b[name]["word"][0]
        for (text,) in c.execute(
                "SELECT quote FROM quotes WHERE qid IN (SELECT rowid FROM"
                " quotes_fts WHERE quotes_fts MATCH ?) LIMIT 50",
                ('"%s"' % w,)):
            t = toks(text)
            i = [k for k, x in enumerate(t) if x == w and k + 1 < len(t)]
            if i:
                b[name]["phrase"] = w + " " + t[i[0] + 1]
                break
        else:
            b[name]["phrase"] = w
    # the written forms of the speakers a speaker: query groups
    for name in b:
        key = b[name]["speaker"][0]
        keys = [k for (k,) in c.execute("SELECT key FROM speakers")
                if (" %s " % key.replace("-", " ")) in (" %s " % k)]
        forms = sorted({s for (s,) in c.execute(
            "SELECT DISTINCT speaker FROM quotes WHERE speaker_key IN (%s)"
            % ",".join("?" * len(keys)), keys)})
        b[name]["forms"] = forms
    return b, top


FIELD = r'"(?:quote|speaker|role)":"(?:[^"\\]|\\.)*?'
SEP = r'(?:[^\p{L}\p{N}"\\]|\\.)+'


def rx_escape(s):
    """s as a literal in a Rust or PCRE2 regex."""
    return "".join("\\" + c if c in r"\.+*?()|[]{}^$#&-~" else c for c in s)


def word_rx(phrase):
    return FIELD + r"\b" + SEP.join(rx_escape(w) for w in phrase.split()) \
        + r"\b"


def fzf_words(phrase):
    return "'" + "\\ ".join([""] + phrase.split() + [""])


def questions(b, top):
    q = []
    for band, v in b.items():
        key, n = v["speaker"]
        lits = []
        for f in v["forms"]:
            lits += ["-e", '"speaker":%s' % json.dumps(f, ensure_ascii=False)]
        q.append(("speaker", band, "%s (%d)" % (key, n),
                  'speaker:"%s"' % key, [["-F", "-m", "100"] + lits],
                  ["--nth", "3", fzf_words(key)]))
    for band, v in b.items():
        cc, n = v["country"]
        q.append(("country", band, "%s (%d)" % (cc, n), "country:" + cc,
                  [["-F", "-m", "100", "-e", '"country":"%s"' % cc]],
                  ["--nth", "2", "^%s$" % cc]))
    words = list(b.items()) + [("top word", {"word": top})]
    for band, v in words:
        w, n = v["word"]
        q.append(("keyword", band, "%s (%d)" % (w, n), w,
                  [["-i", "-w", "-e", w], ["-i", "-m", "100", "-e", word_rx(w)]],
                  ["--nth", "4", fzf_words(w)]))
    for band, v in b.items():
        p = v["phrase"]
        q.append(("phrase", band, p, '"%s"' % p,
                  [["-i", "-w", "-e", p.split()[0]],
                   ["-i", "-m", "100", "-e", word_rx(p)]],
                  ["--nth", "4", fzf_words(p)]))
    cc = b["top 1%"]["country"][0]
    for band, v in words:
        w, n = v["word"]
        q.append(("combined", band, "country:%s %s" % (cc, w),
                  "country:%s %s" % (cc, w),
                  [["-i", "-w", "-e", w],
                   ["-P", "-i", "-m", "100", "-e",
                    '^(?=.*"country":"%s")(?=.*%s)'
                    % (cc, word_rx(w).replace(r"\p{L}", r"\pL")
                       .replace(r"\p{N}", r"\pN"))]],
                  ["--nth", "2,4", "^%s$ %s" % (cc, fzf_words(w))]))
    return q


def run(cmds, ids_of, stdin):
    """Runs the pipeline cmds (a list of argv), reads its output up to the
    100th id; returns (seconds, ids)."""
    src = open(stdin, "rb") if stdin else subprocess.DEVNULL
    t0 = time.perf_counter()
    procs = []
    for cmd in cmds:
        procs.append(subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            stdin=procs[-1].stdout if procs else src))
        if len(procs) > 1:
            procs[-2].stdout.close()
    p = procs[-1]
    out = []
    for line in p.stdout:
        if ids_of(line) is not None:
            out.append(line)
        if len(out) == 100:
            break
    t = time.perf_counter() - t0
    for x in procs:
        x.kill()
    p.stdout.close()
    for x in procs:
        x.wait()
    if stdin:
        src.close()
    return t, [ids_of(x) for x in out]


def quoth_id(line):
    return line.split(b"\t", 1)[0].decode()


def rg_id(line):
    return json.loads(line)["id"]


def stats(ts):
    ts = sorted(ts)
    return ts[len(ts) // 2] * 1000, ts[min(len(ts) - 1,
                                         (len(ts) * 95 + 99) // 100 - 1)] * 1000


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quoth", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--peer-runs", type=int, default=5)
    a = ap.parse_args()
    exp, lines = dumps(a.quoth, a.db, a.work)
    b, top = bands(a.db)
    qs = questions(b, top)
    cmds = []
    for kind, band, what, qq, rg, fz in qs:
        cmds.append([
            ([[a.quoth, "search", "--db", a.db, "-f", "tsv", "--limit",
               "100", "--", qq]], lambda x: None if x.startswith(b"id\t")
             else quoth_id(x), None),
            ([["rg", "--no-filename", "--no-line-number"] + rg[0] + [exp]] +
             [["rg"] + stage for stage in rg[1:]], rg_id, None),
            ([["fzf", "--filter", fz[-1], "--no-sort", "-d", "\t"] + fz[:-1]],
             quoth_id, lines),
        ])
    times = [[[] for _ in range(3)] for _ in qs]
    ids = [[None] * 3 for _ in qs]
    tty = sys.stderr.isatty()
    print("load before: " + open("/proc/loadavg").read().strip())
    for r in range(a.runs):
        if tty:
            print("\rrun %d of %d" % (r + 1, a.runs), end="", file=sys.stderr)
        for i, c in enumerate(cmds):
            for k, (cmd, idf, stdin) in enumerate(c):
                if k > 0 and r >= a.peer_runs:
                    continue
                t, got = run(cmd, idf, stdin)
                times[i][k].append(t)
                ids[i][k] = [x for x in got if x is not None][:100]
    if tty:
        print("\r%20s\r" % "", end="", file=sys.stderr)
    print("load after:  " + open("/proc/loadavg").read().strip())
    print("quoth %d runs, rg and fzf %d; ms: median/p95 of the whole process"
          % (a.runs, a.peer_runs))
    print("%-8s %-8s %-34s %13s %13s %13s %6s %6s  %s" % (
        "kind", "band", "question (quotes)", "quoth", "rg -m 100",
        "fzf", "rg/q", "fzf/q", "same 100 ids (n)"))
    slower = 0
    kinds = {}
    for i, (kind, band, what, qq, rg, fz) in enumerate(qs):
        st = [stats(times[i][k]) for k in range(3)]
        sums = kinds.setdefault(kind, [0.0, 0.0, 0.0])
        for k in range(3):
            sums[k] += st[k][0]
        q0, r0, f0 = ids[i]
        same = "yes" if q0 == r0 == f0 else "NO: quoth %d, rg %d%s, fzf %d%s" % (
            len(q0), len(r0), "" if r0 == q0 else " differ",
            len(f0), "" if f0 == q0 else " differ")
        if same == "yes":
            same += " (%d)" % len(q0)
        if st[0][0] >= min(st[1][0], st[2][0]):
            slower += 1
        print("%-8s %-8s %-34s %6.1f/%6.1f %6.1f/%6.1f %6.1f/%6.1f %6.1f %6.1f  %s"
              % (kind, band, what[:34], st[0][0], st[0][1], st[1][0],
                 st[1][1], st[2][0], st[2][1], st[1][0] / st[0][0],
                 st[2][0] / st[0][0], same))
    print("quoth slower than a peer on %d of %d questions" % (slower, len(qs)))
    print("per kind, sums of the medians over the bands (ms):")
    for kind, (sq, sr, sf) in kinds.items():
        print("  %-8s quoth %7.1f  rg %8.1f (x%.1f)  fzf %8.1f (x%.1f)  %s"
              % (kind, sq, sr, sr / sq, sf, sf / sq,
                 "quoth faster" if sq < min(sr, sf) else "QUOTH SLOWER"))


if __name__ == "__main__":
    main()
