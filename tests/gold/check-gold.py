#!/usr/bin/env python3
"""Check the project's own gold set (tests/gold/gold.jsonl) against its articles.

usage: check-gold.py [GOLD.jsonl [ARTICLES_DIR]]

Defaults: gold.jsonl and articles/ beside this script. Checks, for every line:
  - it is a JSON object with the fields file, quote, speaker, country and
    optionally alt and kind, and nothing else;
  - file names an article in ARTICLES_DIR (a basename, no directory);
  - quote is a non-empty string without outer quotation marks or outer spaces;
  - speaker is a non-empty string or null; country is null or two capital
    letters; alt, when present, is a non-empty list of distinct non-empty
    strings, none equal to speaker; kind, when present, is "term", and a term
    has speaker and country null and no alt;
  - the quote occurs verbatim in the article's visible text (HTML: tags,
    scripts and styles dropped, entities unescaped; JSON Lines: the record's
    title and text), with a quotation mark (or the start of a paragraph, for
    a quote continued over paragraphs) just before it and a quotation mark
    (or the end of the paragraph) just after it, at least as many times as the
    gold set lists that quote for that article.
Also checks that every article has at least one gold line and that the
manifest names only articles that exist. Prints counts per article and
totals; exits 1 on any problem. It never runs quoth.
"""
import collections
import html
import html.parser
import json
import os
import re
import sys

OPEN = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201f\u2039\u203a\u300c\u300e"
CLOSE = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201f\u2039\u203a\u300d\u300f"
MARKS = set(OPEN + CLOSE)
BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
         "h6", "blockquote", "tr", "td", "th", "title", "dt", "dd", "table",
         "pre", "hr", "section", "article", "header", "footer", "figure",
         "figcaption"}
SKIP_FILES = ("README", "LICENSE", "LICENCE", "COPYING", "NOTICE",
              "SOURCE.txt", "manifest.jsonl")


class Visible(html.parser.HTMLParser):
    """Visible text of an HTML page, a newline at each block boundary."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in BLOCK:
            self.out.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def squeeze(text):
    """One space for any run of spaces within a line; lines kept apart."""
    text = html.unescape(text) if "&" in text else text
    lines = (re.sub(r"[ \t\u00a0\r\f\v]+", " ", l).strip()
             for l in text.split("\n"))
    return "\n".join(l for l in lines if l)


def article_text(path):
    if path.endswith(".jsonl"):
        with open(path, encoding="utf-8") as f:
            recs = [json.loads(l) for l in f if l.strip()]
        if len(recs) != 1:
            raise ValueError(f"{path}: {len(recs)} records, want 1")
        r = recs[0]
        return squeeze((r.get("title") or "") + "\n" + (r.get("text") or ""))
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    p = Visible()
    p.feed(raw)
    p.close()
    return squeeze("".join(p.out))


def anchored_count(text, quote):
    """Occurrences of quote with a mark or line start before, a mark or
    line end after (spaces allowed in between)."""
    q = re.sub(r"\s+", " ", quote)
    n, i = 0, 0
    while True:
        i = text.find(q, i)
        if i < 0:
            return n
        b = i - 1
        while b >= 0 and text[b] == " ":
            b -= 1
        e = i + len(q)
        while e < len(text) and text[e] == " ":
            e += 1
        before_ok = b < 0 or text[b] == "\n" or text[b] in MARKS
        after_ok = e >= len(text) or text[e] == "\n" or text[e] in MARKS
        if before_ok and after_ok:
            n += 1
        i += 1


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    gold_path = argv[1] if len(argv) > 1 else os.path.join(here, "gold.jsonl")
    art_dir = argv[2] if len(argv) > 2 else os.path.join(here, "articles")
    problems = []

    def bad(n, msg):
        problems.append(f"{gold_path}:{n}: {msg}")

    articles = sorted(f for f in os.listdir(art_dir)
                      if not f.startswith(SKIP_FILES) and not f.startswith("."))
    texts = {}
    for a in articles:
        try:
            texts[a] = article_text(os.path.join(art_dir, a))
        except (OSError, ValueError, UnicodeDecodeError) as e:
            problems.append(f"{a}: unreadable: {e}")
    keys = collections.Counter(a.rsplit(".", 1)[0] for a in articles)
    for k, c in keys.items():
        if c > 1:
            problems.append(f"{art_dir}: {c} articles share the basename {k!r}")

    rows = []
    with open(gold_path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                bad(n, f"not JSON: {e}")
                continue
            if not isinstance(r, dict):
                bad(n, "not an object")
                continue
            rows.append((n, r))

    wanted = collections.Counter()
    allowed = {"file", "quote", "speaker", "country", "alt", "kind"}
    for n, r in rows:
        extra = set(r) - allowed
        missing = {"file", "quote", "speaker", "country"} - set(r)
        if extra:
            bad(n, f"unknown fields {sorted(extra)}")
        if missing:
            bad(n, f"missing fields {sorted(missing)}")
            continue
        fn, q, sp, co = r["file"], r["quote"], r["speaker"], r["country"]
        if not isinstance(fn, str) or fn not in texts:
            bad(n, f"file {fn!r} is not an article in {art_dir}")
        if not isinstance(q, str) or not q.strip():
            bad(n, "quote is not a non-empty string")
            continue
        if q != q.strip():
            bad(n, "quote has outer spaces")
        if q[0] in OPEN and q.count(q[0]) % 2:
            bad(n, "quote starts with an unpaired quotation mark")
        if sp is not None and (not isinstance(sp, str) or not sp.strip()
                               or sp != sp.strip()):
            bad(n, "speaker is neither null nor a trimmed non-empty string")
        if co is not None and (not isinstance(co, str)
                               or not re.fullmatch(r"[A-Z]{2}", co)):
            bad(n, f"country {co!r} is not null or an alpha-2 code")
        if co is not None and sp is None:
            bad(n, "country without a speaker")
        if "alt" in r:
            alt = r["alt"]
            if (not isinstance(alt, list) or not alt
                    or not all(isinstance(a, str) and a.strip() for a in alt)
                    or len(set(alt)) != len(alt) or sp in alt):
                bad(n, "alt is not a list of distinct names other than speaker")
        if "kind" in r:
            if r["kind"] != "term":
                bad(n, f"kind {r['kind']!r} is not 'term'")
            elif sp is not None or co is not None or "alt" in r:
                bad(n, "a term has speaker and country null and no alt")
        if fn in texts:
            wanted[(fn, q)] += 1

    for (fn, q), k in sorted(wanted.items()):
        have = anchored_count(texts[fn], q)
        if have < k:
            if texts[fn].find(re.sub(r"\s+", " ", q)) < 0:
                where = "not in the text"
            elif have == 0:
                where = "not between quotation marks"
            else:
                where = "too few times between quotation marks"
            problems.append(f"{fn}: {q[:60]!r}: listed {k}x, found {have}x ({where})")

    # The manifest names only articles that exist.
    man = os.path.join(art_dir, "manifest.jsonl")
    if os.path.exists(man):
        with open(man, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    m = json.loads(line)
                    if m.get("file") not in texts:
                        problems.append(f"{man}:{n}: names {m.get('file')!r}, not an article")

    per = collections.OrderedDict((a, collections.Counter()) for a in articles)
    speakers, countries = set(), set()
    for n, r in rows:
        c = per.setdefault(r.get("file"), collections.Counter())
        if r.get("kind") == "term":
            c["terms"] += 1
        else:
            c["quotes"] += 1
            if r.get("speaker") is None:
                c["null"] += 1
            else:
                speakers.add((r["file"], r["speaker"]))
                if r.get("country"):
                    countries.add(r["country"])
    for a, c in per.items():
        if c["quotes"] + c["terms"] == 0:
            problems.append(f"{a}: no gold line")

    print(f"{'article':32s} quotes terms null-speaker")
    tot = collections.Counter()
    for a, c in per.items():
        print(f"{a:32s} {c['quotes']:6d} {c['terms']:5d} {c['null']:12d}")
        tot.update(c)
    names = {s for _, s in speakers}
    print(f"{'total (' + str(len(per)) + ' articles)':32s} {tot['quotes']:6d} "
          f"{tot['terms']:5d} {tot['null']:12d}")
    print(f"lines {len(rows)}; distinct speakers {len(names)} "
          f"({len(speakers)} article-speaker pairs); countries "
          f"{len(countries)}: {' '.join(sorted(countries))}")
    for p in problems:
        print("PROBLEM " + p, file=sys.stderr)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
