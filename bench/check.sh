#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Measures `quoth check` on a big index. A benchmark, not a test.
#   bench/check.sh [-d DB] [-n N] [-s SEED] [BUILD_DIR]
# DB: default /work/bench/1m.db (bench/mkindex's million quotes), else
# BUILD_DIR/mkindex/index.db. An index of an older schema is copied beside
# this script's output (BUILD_DIR/check-bench) and upgraded there by
# `quoth index` (to schema 4: its variant groups made then, timed); the
# original is never written.
# 1. latency: N real quotes of 31 words or more, each cut to its first 31
#    words with two words changed and one dropped (30 words), checked one
#    `quoth check` process each: median and 90th percentile wall time, and
#    the median CPU time (wall time on a loaded machine is mostly waiting);
# 2. recall: N random real quotes of 12 words or more, two words changed
#    (to words of another quote) and one dropped: how many come back NEAR
#    with the original words at the default threshold (0.7);
# 3. false alarms: N sentences of reporter text (12 to 40 words, outside
#    every quote of their article, without quotation marks): how many come
#    back NEAR (or EXACT, FRAGMENT) among quotes; how many are "found as
#    the reporter's words".
# Prints the figures; the claims and answers stay in the output folder.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
db= n=100 seed=8
while getopts d:n:s: opt; do
    case $opt in
    d) db=$OPTARG ;;
    n) n=$OPTARG ;;
    s) seed=$OPTARG ;;
    *) echo "usage: bench/check.sh [-d DB] [-n N] [-s SEED] [BUILD_DIR]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
build=$top/${1:-build}
quoth=$build/quoth
out=$build/check-bench
[ -x "$quoth" ] || { echo "check.sh: build first ($quoth missing)" >&2; exit 2; }
if [ -z "$db" ]; then
    if [ -f /work/bench/1m.db ]; then
        db=/work/bench/1m.db
    elif [ -f "$build/mkindex/index.db" ]; then
        db=$build/mkindex/index.db
        echo "check.sh: /work/bench/1m.db is missing; using $db" >&2
    else
        echo "check.sh: no index (bench/mkindex makes one; or -d DB)" >&2
        exit 2
    fi
fi
mkdir -p "$out"
schema=$(python3 -c "import sqlite3,sys; print(sqlite3.connect('file:'+sys.argv[1]+'?mode=ro', uri=True).execute('PRAGMA user_version').fetchone()[0])" "$db")
if [ "$schema" -lt 4 ]; then
    copy=$out/$(basename "$db")
    if [ ! -f "$copy" ] || [ "$copy" -ot "$db" ]; then
        echo "check.sh: $db has schema $schema; upgrading a copy in $copy" >&2
        rm -f "$copy" "$copy-wal" "$copy-shm"
        python3 -c "import sqlite3,sys; s=sqlite3.connect('file:'+sys.argv[1]+'?mode=ro', uri=True); d=sqlite3.connect(sys.argv[2]); s.backup(d); d.close()" "$db" "$copy"
        mkdir -p "$out/empty"
        t0=$(date +%s.%N)
        "$quoth" index -q --db "$copy" "$out/empty"
        t1=$(date +%s.%N)
        echo "upgrade to schema 4 (from $schema: variants, articles_fts, variant groups): $(echo "$t1 - $t0" | bc) s" >&2
        python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print('groups: %d quotes in %d groups, %d of them with two wordings or more, %d with a conflict' % (c.execute('SELECT count(*), count(DISTINCT g) FROM vgroups').fetchone() + c.execute('SELECT count(*) FROM (SELECT g FROM vgroups JOIN variants USING(qid) GROUP BY g HAVING count(DISTINCT h) > 1)').fetchone() + c.execute('SELECT count(*) FROM vgroups_conflicts').fetchone()))" "$copy" >&2
    fi
    db=$copy
fi
echo "index: $db ($(du -h "$db" | cut -f1))"
echo "load before: $(uptime)"
QUOTH="$quoth" DB="$db" N="$n" SEED="$seed" OUT="$out" python3 - <<'PY'
import json, os, random, re, resource, statistics, subprocess, sqlite3, time

quoth, db, n, out = os.environ["QUOTH"], os.environ["DB"], int(os.environ["N"]), os.environ["OUT"]
rnd = random.Random(int(os.environ["SEED"]))
con = sqlite3.connect("file:" + db + "?mode=ro", uri=True)
lo, hi = con.execute("SELECT min(qid), max(qid) FROM quotes").fetchone()
words_re = re.compile(r"\w+(?:['’]\w+)*")

def quotes(minw, count):
    """count random real speech quotes of at least minw words"""
    got, seen = [], set()
    while len(got) < count:
        qid = rnd.randint(lo, hi)
        row = con.execute("SELECT qid, quote FROM quotes WHERE qid >= ? AND kind = 'speech' ORDER BY qid LIMIT 1", (qid,)).fetchone()
        if row is None or row[1] in seen or len(row[1].split()) < minw or len(row[1]) > 2000:
            continue
        seen.add(row[1])
        got.append(row)
    return got

def filler(exclude):
    """a word of another real quote, not in exclude"""
    while True:
        q = quotes(5, 1)[0][1]
        ws = [w for w in words_re.findall(q) if len(w) > 3 and w.lower() not in exclude]
        if ws:
            return rnd.choice(ws)

def edit(text, cut=None):
    """two words changed, one dropped (of the first cut words)"""
    ws = text.split()
    if cut:
        ws = ws[:cut]
    low = {w.lower().strip(".,;:!?\"'") for w in ws}
    a, b, c = rnd.sample(range(len(ws)), 3)
    ws[a] = filler(low)
    ws[b] = filler(low)
    del ws[c]
    return " ".join(ws)

cpu = []

def check(claim):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run([quoth, "check", "--db", db, "-f", "jsonl", "--", claim],
                       capture_output=True, text=True)
    dt = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu.append((r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1000)
    if p.returncode not in (0, 1):
        raise SystemExit("quoth check failed (%d): %s" % (p.returncode, p.stderr))
    return dt, [json.loads(l) for l in p.stdout.splitlines() if l.strip()]

log = open(os.path.join(out, "answers.jsonl"), "w")

# 1. latency of a 30-word check
times = []
for qid, q in quotes(31, n):
    claim = edit(q, 31)
    dt, res = check(claim)
    times.append(dt * 1000)
    log.write(json.dumps({"set": "latency", "claim": claim, "quote": q, "ms": dt * 1000, "answer": res}) + "\n")
times.sort()
print("30-word check, %d claims: median %.1f ms, p90 %.1f ms, max %.1f ms wall; median %.1f ms CPU (user+sys, the process start included)"
      % (len(times), statistics.median(times), times[int(len(times) * 0.9) - 1], times[-1], statistics.median(cpu)))

# 2. recall of edited quotes as NEAR
near = other = 0
rt = []
for qid, q in quotes(12, n):
    claim = edit(q)
    dt, res = check(claim)
    rt.append(dt * 1000)
    grades = {r.get("grade") for r in res if r.get("quote") == q}
    near += "NEAR" in grades
    other += bool(grades) and "NEAR" not in grades
    log.write(json.dumps({"set": "recall", "claim": claim, "quote": q, "answer": res[:3]}) + "\n")
print("recall: %d of %d edited quotes (2 changed, 1 dropped) found NEAR at 0.7 = %.2f; %d found with another grade; median %.1f ms"
      % (near, n, near / n, other, statistics.median(rt)))

# 3. reporter sentences: absent from the quotes
amax = con.execute("SELECT max(id) FROM articles").fetchone()[0]
sent_re = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
claims = []
while len(claims) < n:
    aid = rnd.randint(1, amax)
    row = con.execute("SELECT id, body FROM articles WHERE id >= ? ORDER BY id LIMIT 1", (aid,)).fetchone()
    if row is None:
        continue
    body = row[1]
    spans = con.execute('SELECT start, "end" FROM quotes WHERE article = ?', (row[0],)).fetchall()
    bb = body.encode()
    pos = 0
    cands = []
    for para in body.split("\n\n"):
        for s in sent_re.split(para):
            s = s.strip()
            start = bb.find(s.encode(), pos)
            end = start + len(s.encode())
            wc = len(s.split())
            if start < 0 or wc < 12 or wc > 40 or re.search("[\"“”‘’«»]", s) or s.startswith("Replica"):
                continue
            if any(a is not None and a < end and b > start for a, b in spans):
                continue
            cands.append(s)
    if cands:
        s = rnd.choice(cands)
        if s not in claims:
            claims.append(s)
nearc = exactc = fragc = rep = 0
at = []
for s in claims:
    dt, res = check(s)
    at.append(dt * 1000)
    g = {r.get("grade") for r in res}
    nearc += "NEAR" in g
    exactc += "EXACT" in g
    fragc += "FRAGMENT" in g
    rep += "REPORTER" in g
    log.write(json.dumps({"set": "absent", "claim": s, "answer": res[:3]}) + "\n")
print("absent: of %d reporter sentences, %d came back NEAR, %d EXACT, %d FRAGMENT among quotes; %d found as the reporter's words; median %.1f ms"
      % (n, nearc, exactc, fragc, rep, statistics.median(at)))
PY
echo "load after: $(uptime)"
