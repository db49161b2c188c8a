// SPDX-License-Identifier: MIT
/*
 * Unit tests of read_feed: the sniffer, then reader_feed.read on feeds in
 * memory: degenerate feeds first (no items, an item without text, broken
 * and truncated XML, entity bombs, external entities), then RSS 2.0, RSS
 * 1.0 and Atom items with their metadata, and a sink that stops the run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "readers.h"
#include "tap.h"
#include "xmalloc.h"

#define MAXART 8

/* What a run handed on. */
struct got {
    struct article *a[MAXART];
    size_t n;
    struct buf rejects; /* "LINE: why\n" each */
    int stop_after;     /* the sink says stop after this many */
};

static int
got_article(void *ctx, struct article *a)
{
    struct got *g = ctx;

    if (g->n < MAXART)
        g->a[g->n++] = a;
    else
        article_free(a);
    return g->stop_after > 0 && (int)g->n >= g->stop_after ? -1 : 0;
}

static void
got_reject(void *ctx, const char *path, long line, const char *why)
{
    struct got *g = ctx;

    (void)path;
    buf_printf(&g->rejects, "%ld: %s\n", line, why);
}

static void
got_free(struct got *g)
{
    size_t k;

    for (k = 0; k < g->n; k++)
        article_free(g->a[k]);
    buf_free(&g->rejects);
    memset(g, 0, sizeof *g);
}

/* Reads the feed s: its first split bytes as the head, the rest from a
 * stream, as reader.c does. Returns the reader's result. */
static int
run(struct got *g, const char *s, size_t split)
{
    size_t len = strlen(s);
    FILE *fp;
    int rc;
    struct reader_sink sink = {got_article, got_reject, g};

    if (split > len)
        split = len;
    fp = fmemopen((void *)(s + split), len - split > 0 ? len - split : 1, "r");
    if (len == split)
        fgetc(fp); /* fmemopen wants a size of at least 1 */
    rc = reader_feed.read("f.rss", fp, s, split, &sink);
    fclose(fp);
    return rc;
}

static const char *
rejects(const struct got *g)
{
    return g->rejects.data != NULL ? g->rejects.data : "";
}

static void
test_degenerate(void)
{
    struct got g = {0};
    char pad[4096], *feed;
    int rc;

    rc = run(&g,
             "<rss version=\"2.0\"><channel><title>T</title></channel>"
             "</rss>",
             4096);
    ok(rc == 0 && g.n == 0, "a feed without items: nothing, no error");
    got_free(&g);

    rc = run(&g,
             "<rss><channel>\n<item><title>Empty</title></item>\n"
             "<item><description>  </description></item>\n"
             "<item><description>Text.</description></item>\n"
             "</channel></rss>",
             4096);
    is_long(rc, 1, "items without text: the run says some were rejected");
    is_size(g.n, 1, "items without text: the one with text comes out");
    is_str(rejects(&g), "2: item 1: no text\n3: item 2: no text\n",
           "items without text: named with their line and number");
    got_free(&g);

    /* libxml2 parses ahead in chunks: items in the chunk of the error are
     * lost, so a long item stands between the first and the error. */
    memset(pad, 'x', sizeof pad - 1);
    pad[sizeof pad - 1] = '\0';
    feed = xasprintf("<rss><channel>\n<item><description>One."
                     "</description></item>\n<item><description>Pad %s."
                     "</description></item>\n<item><description>Two."
                     "</descr\n</channel></rss>",
                     pad);
    rc = run(&g, feed, 10);
    free(feed);
    is_long(rc, 1, "broken XML: rejected");
    is_size(g.n, 1, "broken XML: the item well before the error comes out");
    is_str(rejects(&g), "0: not well-formed XML at line 5: expected '>'\n",
           "broken XML: one line with libxml2's message and the line");
    got_free(&g);

    rc = run(&g,
             "<rss><channel><item><description>One.</description>"
             "</item><item><descrip",
             4096);
    is_long(rc, 1, "truncated XML: rejected");
    is_size(g.n, 1, "truncated XML: the complete item comes out");
    got_free(&g);

    rc = run(&g,
             "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
             "<!ENTITY a \"aaaaaaaaaa\">\n"
             "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
             "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
             "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
             "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
             "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
             "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
             "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
             "<!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">\n"
             "]>\n<rss><channel><item><description>Laugh &i;</description>"
             "</item></channel></rss>\n",
             64);
    is_long(rc, 1, "billion laughs: rejected");
    is_size(g.n, 0, "billion laughs: nothing expanded or handed on");
    is_str(rejects(&g),
           "0: not well-formed XML at line 13: Detected an "
           "entity reference loop\n",
           "billion laughs: libxml2's message");
    got_free(&g);

    rc = run(&g,
             "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
             "<!ENTITY x SYSTEM \"file:///etc/passwd\">\n"
             "<!ENTITY n SYSTEM \"http://127.0.0.1:9/x\">\n"
             "<!ENTITY s \"small\">\n"
             "]>\n<rss><channel><item><description>Safe &x;&n;&s; end."
             "</description></item></channel></rss>\n",
             4096);
    is_long(rc, 0, "external entities: read");
    if (ok(g.n == 1, "external entities: one article"))
        is_strn(g.a[0]->body, g.a[0]->body_len, "Safe end.",
                "external and internal entities are not expanded");
    got_free(&g);
}

static void
test_rss(void)
{
    struct got g = {0};
    int rc;
    const char *feed =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<rss version=\"2.0\" "
        "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
        "<channel><title>Example Times \xc2\xbb World</title>"
        "<language>en-GB</language>\n"
        "<image><title>Not the source</title></image>\n"
        "<item><title> Spaced\n title </title>"
        "<link>https://www.example.org/a</link>"
        "<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>"
        "<author>ed@example.org (Ed Ward)</author>"
        "<description>Short.</description>"
        "<content:encoded><![CDATA[<p>Full &amp; one.</p><p>Two.</p>"
        "<script>x</script>]]></content:encoded></item>\n"
        "<item><title>B</title><link>relative/b.html</link>"
        "<guid>https://www.example.org/guid-b</guid>"
        "<pubDate>3 Feb 99 10:00 EST</pubDate>"
        "<dc:creator>Di Cole</dc:creator>"
        "<description>Plain text &amp; more.\n\nSecond.</description>"
        "</item>\n"
        "<item><title>C</title><pubDate>someday</pubDate>"
        "<description>&lt;p&gt;Escaped HTML.&lt;/p&gt;</description>"
        "</item>\n"
        "</channel></rss>\n";
    struct article *a;

    rc = run(&g, feed, 30);
    is_long(rc, 0, "RSS 2.0: read");
    if (!is_size(g.n, 3, "RSS 2.0: three items")) {
        got_free(&g);
        return;
    }
    a = g.a[0];
    is_str(a->format, "rss", "RSS: format");
    is_str(a->title, "Spaced title", "RSS: title, white space collapsed");
    is_str(a->url, "https://www.example.org/a", "RSS: link");
    is_str(a->domain, "example.org", "RSS: domain");
    is_str(a->date, "2003-06-10", "RSS: RFC 822 date as ISO 8601");
    is_str(a->byline, "Ed Ward", "RSS: the name in author");
    is_str(a->source, "Example Times", "RSS: source, the channel's outlet");
    is_str(a->lang, "en-GB", "RSS: channel language");
    is_strn(a->body, a->body_len, "Full & one.\n\nTwo.",
            "RSS: content:encoded preferred, HTML made paragraphs");
    is_long(a->line, 5, "RSS: line of the item");
    a = g.a[1];
    is_str(a->url, "https://www.example.org/guid-b",
           "RSS: a relative link gives way to the guid");
    is_str(a->date, "1999-02-03", "RSS: two-digit year, no weekday");
    is_str(a->byline, "Di Cole", "RSS: dc:creator");
    is_strn(a->body, a->body_len, "Plain text & more.\n\nSecond.",
            "RSS: plain-text description");
    a = g.a[2];
    is_str(a->date, NULL, "RSS: a date that cannot be read is left out");
    is_strn(a->body, a->body_len, "Escaped HTML.",
            "RSS: escaped HTML in a description");
    got_free(&g);

    rc = run(&g,
             "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-"
             "syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\" "
             "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
             "<channel><title>One Oh</title></channel>"
             "<item><title>R</title><link>http://r.example/1</link>"
             "<dc:date>2004-05-06T07:08:09Z</dc:date>"
             "<description>RSS one.</description></item></rdf:RDF>",
             4096);
    is_long(rc, 0, "RSS 1.0: read");
    if (ok(g.n == 1, "RSS 1.0: one item")) {
        is_str(g.a[0]->source, "One Oh", "RSS 1.0: source");
        is_str(g.a[0]->date, "2004-05-06T07:08:09Z", "RSS 1.0: dc:date");
        is_str(g.a[0]->url, "http://r.example/1", "RSS 1.0: link");
    }
    got_free(&g);
}

static void
test_atom(void)
{
    struct got g = {0};
    int rc;
    struct article *a;

    rc = run(&g,
             "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">"
             "<title type=\"text\">Atom Outlet</title>"
             "<entry><title>E1</title>"
             "<link rel=\"self\" href=\"https://a.example/self\"/>"
             "<link href=\"https://a.example/e1\"/>"
             "<updated>2005-01-01T00:00:00Z</updated>"
             "<published>2004-12-31T23:00:00Z</published>"
             "<author><name>Ann Atom</name></author>"
             "<summary>Summary.</summary>"
             "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/"
             "xhtml\"><p>X one.</p><p>X two.</p></div></content></entry>"
             "<entry xml:lang=\"de\"><title>E2</title>"
             "<updated>2006-02-02T00:00:00Z</updated>"
             "<content>Plain &lt;b&gt; text.</content></entry>"
             "</feed>",
             50);
    is_long(rc, 0, "Atom: read");
    if (!is_size(g.n, 2, "Atom: two entries")) {
        got_free(&g);
        return;
    }
    a = g.a[0];
    is_str(a->format, "atom", "Atom: format");
    is_str(a->url, "https://a.example/e1", "Atom: the alternate link");
    is_str(a->date, "2004-12-31T23:00:00Z", "Atom: published before updated");
    is_str(a->byline, "Ann Atom", "Atom: author name");
    is_str(a->source, "Atom Outlet", "Atom: feed title");
    is_str(a->lang, "fr", "Atom: xml:lang of the feed");
    is_strn(a->body, a->body_len, "X one.\n\nX two.",
            "Atom: xhtml content preferred over summary");
    a = g.a[1];
    is_str(a->date, "2006-02-02T00:00:00Z", "Atom: updated alone");
    is_str(a->lang, "de", "Atom: xml:lang of the entry");
    is_strn(a->body, a->body_len, "Plain <b> text.",
            "Atom: text content stays text");
    got_free(&g);
}

static void
test_encoding(void)
{
    struct got g = {0};
    int rc;

    rc = run(&g,
             "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>"
             "<channel><item><description>\x93Hi\x94 caf\xe9"
             "</description></item></channel></rss>",
             4096);
    is_long(rc, 0, "ISO-8859-1 declared: read");
    if (ok(g.n == 1, "ISO-8859-1 declared: one item"))
        is_strn(g.a[0]->body, g.a[0]->body_len,
                "\xe2\x80\x9cHi\xe2\x80\x9d caf\xc3\xa9",
                "ISO-8859-1 declared: read as Windows-1252");
    got_free(&g);
    rc = run(&g,
             "<rss><channel><item><description>\x93Hi\x94 caf\xe9 and "
             "more</description></item></channel></rss>",
             4096);
    if (ok(g.n == 1, "undeclared, not UTF-8: one item"))
        is_strn(g.a[0]->body, g.a[0]->body_len,
                "\xe2\x80\x9cHi\xe2\x80\x9d caf\xc3\xa9 and more",
                "undeclared, not UTF-8: read as Windows-1252");
    got_free(&g);
    rc = run(&g,
             "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel>"
             "<item><description>caf\xe9 x</description></item>"
             "</channel></rss>",
             4096);
    is_long(rc, 1, "declared UTF-8 that is not: rejected");
    ok(strchr(rejects(&g), '\n') == rejects(&g) + strlen(rejects(&g)) - 1,
       "declared UTF-8 that is not: the message is one line");
    diag("  %.*s", (int)strlen(rejects(&g)) - 1, rejects(&g));
    got_free(&g);
}

static void
test_stop(void)
{
    struct got g = {.stop_after = 1};
    int rc;

    rc = run(&g,
             "<rss><channel><item><description>A.</description></item>"
             "<item><description>B.</description></item>"
             "</channel></rss>",
             4096);
    is_long(rc, -1, "a sink that stops: the run stops");
    is_size(g.n, 1, "a sink that stops: nothing more is handed on");
    got_free(&g);
}

static void
test_sniff(void)
{
    static const struct {
        const char *head;
        bool want;
    } cases[] = {
        {"", false},
        {"text", false},
        {"<rss version=\"2.0\">", true},
        {"\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- c -->\n<rss>", true},
        {"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"<x>\">]><rss>",
         true},
        {"<feed xmlns=\"http://www.w3.org/2005/Atom\">", true},
        {"<feed xmlns='http://www.w3.org/2005/Atom'>", true},
        {"<feed>", false},
        {"<rdf:RDF xmlns:rdf=\"x\">", true},
        {"<html><body><p>about <rss feeds</p>", false},
        {"<?xml version=\"1.0\"?><nitf>", false},
    };
    size_t k;

    for (k = 0; k < sizeof cases / sizeof *cases; k++)
        ok(reader_feed.sniff(cases[k].head, strlen(cases[k].head)) ==
               cases[k].want,
           "sniff %zu: %s", k, cases[k].want ? "feed" : "not a feed");
}

int
main(void)
{
    test_sniff();
    test_degenerate();
    test_rss();
    test_atom();
    test_encoding();
    test_stop();
    return tap_done();
}
