#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Helpers of bench/mkindex, the million-quote benchmark; not a test.
#   mkindex.py reuters OUT.jsonl SGM...   the Reuters-21578 documents with
#       a body, one JSON Lines article each (quoth reads an .sgm file as one
#       HTML page, so the builder hands it the 19,043 documents instead)
#   mkindex.py base DB OUT.jsonl          the articles an index stored
#       (bodies and metadata), as JSON Lines to copy replicas from
#   mkindex.py replica BASE.jsonl OUT.jsonl R
#       replica R of every base article: its URL with ?replica=R (a query
#       parameter survives URL canonicalisation, a #fragment would not) and
#       a last paragraph "Replica R." (so the body hash differs too)
import html
import json
import re
import sqlite3
import sys

MONTHS = {m: i + 1 for i, m in enumerate(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}


def reuters(out, paths):
    doc = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        for p in paths:
            with open(p, encoding="latin-1") as src:
                data = src.read()
            for _, d in doc.findall(data):
                body = re.search(r"<BODY>(.*?)</BODY>", d, re.S)
                if not body:
                    continue
                title = re.search(r"<TITLE>(.*?)</TITLE>", d, re.S)
                date = re.search(r"<DATE>\s*(\d+)-([A-Z]+)-(\d+)", d)
                text = html.unescape(body.group(1))
                # control characters (&#3; ends every body) and the sign-off
                text = re.sub(r"[\x00-\x08\x0b-\x1f]", "", text)
                text = re.sub(r"\s*Reuter\s*$", "", text)
                # paragraphs begin on an indented line; the rest is wrapping
                text = "\n\n".join(" ".join(p.split()) for p in
                                   re.split(r"\n[ \t]{2,}", text))
                a = {"url": None,
                     "title": html.unescape(title.group(1)) if title else None,
                     "source": "Reuters", "text": text}
                if date:
                    a["date"] = "%04d-%02d-%02d" % (
                        int(date.group(3)), MONTHS.get(date.group(2), 1),
                        int(date.group(1)))
                f.write(json.dumps(a) + "\n")
                n += 1
    print(n)


def base(db, out):
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    with open(out, "w", encoding="utf-8") as f:
        for row in c.execute("SELECT url, title, date, source, domain,"
                             " byline, body FROM articles ORDER BY id"):
            url, title, date, source, domain, byline, body = row
            f.write(json.dumps({"url": url, "title": title, "date": date,
                                "source": source, "domain": domain,
                                "byline": byline, "text": body}) + "\n")


def replica(src, out, r):
    with open(src, encoding="utf-8") as s, \
            open(out, "w", encoding="utf-8") as d:
        for n, line in enumerate(s):
            a = json.loads(line)
            url = a["url"] or f"https://replica.invalid/{n}"
            a["url"] = url + ("&" if "?" in url else "?") + f"replica={r}"
            a["text"] += f"\n\nReplica {r}."
            d.write(json.dumps(a) + "\n")


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "reuters":
        reuters(args[0], args[1:])
    elif cmd == "base":
        base(args[0], args[1])
    elif cmd == "replica":
        replica(args[0], args[1], int(args[2]))
    else:
        sys.exit(f"mkindex.py: unknown command {cmd}")
