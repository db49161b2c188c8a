# SPDX-License-Identifier: MIT
"""Writes a large RSS feed or JSON Lines file for the streaming test.

    python3 bigfeed.py rss|jsonl PATH MEGABYTES

Items of a few plain paragraphs each with one quote in every item, from
a fixed seed, so that every run writes the same bytes. Prints the number
of items written. A pool of items is made once and written over and over
with new numbers and links: fast enough for 200 MB in a few seconds.
"""
import json
import random
import sys
from xml.sax.saxutils import escape

FIRST = ["Ana", "Jonas", "Mirela", "Tomas", "Ingrid", "Kofi", "Leila",
         "Pavel", "Rosa", "Omar", "Helga", "Daniel", "Yuki", "Marta"]
LAST = ["Lima", "Berg", "Novak", "Okafor", "Haddad", "Lindqvist", "Moreau",
        "Kowalski", "Silva", "Tanaka", "Brandt", "Costa", "Nyberg", "Farah"]
ROLE = ["the mayor of the port town", "a spokeswoman for the ministry",
        "the union's chairman", "a retired ferryman", "the chief economist",
        "a member of parliament", "the head of the water board"]
CITY = ["Lisbon", "Gdansk", "Bergen", "Accra", "Beirut", "Lyon", "Osaka"]
SUBJ = ["The council", "Officials", "The ministry", "Residents",
        "The company", "Local traders", "The regional government"]
VERB = ["approved", "debated", "postponed", "questioned", "announced",
        "rejected", "welcomed"]
OBJ = ["a plan to rebuild the harbour wall", "new rules on water use",
       "the budget for the coming year", "a study of the river's flooding",
       "the sale of the old rail depot", "a ban on night-time freight"]
TAIL = ["after weeks of talks", "despite objections from farmers",
        "in a vote late on Tuesday", "as prices kept rising",
        "while the inquiry goes on", "before the summer season"]
SAID = ["said", "said on Monday", "added", "warned"]
CLAIM = ["we will not wait any longer", "the harbour must stay open",
         "nobody asked the people who live here", "the money is already spent",
         "this plan will cost us dearly", "we are ready to talk"]


def sentence(r):
    return "%s %s %s %s." % (r.choice(SUBJ), r.choice(VERB), r.choice(OBJ),
                             r.choice(TAIL))


def body(r):
    paras = [" ".join(sentence(r) for _ in range(r.randint(3, 6)))
             for _ in range(r.randint(2, 4))]
    claim = r.choice(CLAIM)
    quote = "\u201c%s,\u201d %s %s %s, %s." % (
        claim[0].upper() + claim[1:], r.choice(SAID), r.choice(FIRST),
        r.choice(LAST), r.choice(ROLE))
    paras.insert(1, quote)
    return "\n\n".join(paras)


def main():
    kind, path, megabytes = sys.argv[1], sys.argv[2], int(sys.argv[3])
    r = random.Random(3)
    # %%d placeholders for the item's number, filled in as it is written.
    pool = []
    for _ in range(500):
        city, text = r.choice(CITY), body(r)
        if kind == "rss":
            pool.append(
                "<item><title>%s: item %%d</title>"
                "<link>https://example.org/news/%%d</link>"
                "<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>"
                "<description>%s</description></item>\n"
                % (city, escape(text).replace("%", "%%")))
        else:
            pool.append(json.dumps({
                "url": "https://example.org/news/@N@",
                "title": city + ": item @N@", "date": "2003-06-10",
                "source": "Harbour Times", "text": text,
            }).replace("%", "%%").replace("@N@", "%d") + "\n")
    limit = megabytes * 1000 * 1000
    k = size = 0
    with open(path, "wb") as f:
        if kind == "rss":
            head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<rss version="2.0"><channel>\n<title>Harbour Times'
                    '</title>\n<language>en</language>\n').encode()
            f.write(head)
            size += len(head)
        while size < limit:
            chunk = []
            for _ in range(1000):
                k += 1
                chunk.append(pool[k % len(pool)] % (k, k))
            data = "".join(chunk).encode("utf-8")
            f.write(data)
            size += len(data)
        if kind == "rss":
            f.write(b"</channel></rss>\n")
    print(k)


main()
