// SPDX-License-Identifier: MIT
/*
 * Unit tests of read_newsxml: the sniffer (degenerate heads first, then
 * NITF and NewsML-G2 roots, and what is not theirs), constructed NITF and
 * NewsML-G2 documents (metadata, paragraphs, messages, packages), hostile
 * XML (malformed, entities, DTDs), and the IPTC examples in
 * $QUOTH_SHARED/data/iptc-newsml-g2 when they are there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "readers.h"
#include "tap.h"
#include "xmalloc.h"

#define HEAD 4096

/* What the sink saw: every article kept, every reject logged. */
struct seen {
    struct article *a[8];
    size_t articles, rejects;
    struct buf log;     /* "R line why\n" per reject */
};

static int
seen_article(void *ctx, struct article *a)
{
    struct seen *s = ctx;

    if (s->articles < sizeof s->a / sizeof *s->a)
        s->a[s->articles] = a;
    else
        article_free(a);
    s->articles++;
    return 0;
}

static void
seen_reject(void *ctx, const char *path, long line, const char *why)
{
    struct seen *s = ctx;

    (void)path;
    s->rejects++;
    buf_printf(&s->log, "R %ld %s\n", line, why);
}

static void
seen_reset(struct seen *s)
{
    size_t k;

    for (k = 0; k < s->articles && k < sizeof s->a / sizeof *s->a; k++)
        article_free(s->a[k]);
    memset(s->a, 0, sizeof s->a);
    s->articles = s->rejects = 0;
    buf_reset(&s->log);
    buf_append(&s->log, "", 0);
}

/* Reads data[0..n) as the reader table would: the head first, the rest
 * from a stream. Returns the reader's status. */
static int
read_buf(const char *data, size_t n, struct seen *s)
{
    struct reader_sink sink = {seen_article, seen_reject, s};
    size_t head = n < HEAD ? n : HEAD;
    FILE *fp;
    int rc;

    seen_reset(s);
    fp = n > head ? fmemopen((void *)(data + head), n - head, "r")
                  : fopen("/dev/null", "r");
    if (fp == NULL)
        return -2;
    rc = reader_newsxml.read("t.xml", fp, data, head, &sink);
    fclose(fp);
    return rc;
}

static int
read_str(const char *data, struct seen *s)
{
    return read_buf(data, strlen(data), s);
}

static bool
sniff(const char *head)
{
    return reader_newsxml.sniff(head, strlen(head));
}

/* Checks that a's paragraphs are want[0..n), in order. */
static void
check_paras(const struct article *a, const char *const *want, size_t n,
            const char *what)
{
    size_t k;

    if (a == NULL) {
        ok(false, "%s: an article was made", what);
        return;
    }
    if (!is_size(a->npara, n, "%s: %zu paragraph(s)", what, n)) {
        diag("  body: %s", a->body);
        return;
    }
    for (k = 0; k < n; k++)
        is_span(a->body, a->body_len, a->paras[k].start, a->paras[k].end,
                want[k], "%s: paragraph %zu", what, k + 1);
}

#define PARAS(a, what, ...)                                                 \
    check_paras(a, (const char *const[]){__VA_ARGS__},                      \
                sizeof((const char *const[]){__VA_ARGS__}) / sizeof(char *), \
                what)

static void
test_sniff(void)
{
    ok(!reader_newsxml.sniff("", 0), "sniff: nothing is not news XML");
    ok(!sniff("<"), "sniff: a lone < is not news XML");
    ok(!sniff("<nitf"), "sniff: a root name cut by the head's end is not "
       "claimed");
    ok(!sniff("Plain words about nitf and newsItem."),
       "sniff: plain text is not news XML");
    ok(!sniff("<!DOCTYPE html><html><body><p>nitf</p></body></html>"),
       "sniff: HTML is not news XML");
    ok(!sniff("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
              "</channel></rss>"), "sniff: RSS is not news XML");
    ok(!sniff("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>"),
       "sniff: Atom is not news XML");
    ok(!sniff("<newsItem guid=\"x\"><contentSet/></newsItem>"),
       "sniff: a newsItem outside the NewsML-G2 namespace is not claimed");
    ok(sniff("<nitf><body/></nitf>"), "sniff: a bare nitf root");
    ok(sniff("\xef\xbb\xbf<?xml version=\"1.0\"?>\n<!-- a comment -->\n"
             "<?pi data?>\n<nitf version=\"-//IPTC//DTD NITF 3.6//EN\">"),
       "sniff: nitf after a BOM, the declaration, a comment and a PI");
    ok(sniff("<!DOCTYPE nitf [<!ENTITY a \"b\">]><nitf/>"),
       "sniff: a DOCTYPE named nitf");
    ok(sniff("<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" "
             "guid=\"x\">"), "sniff: a newsItem in the G2 namespace");
    ok(sniff("<g2:packageItem "
             "xmlns:g2=\"http://iptc.org/std/nar/2006-10-01/\">"),
       "sniff: a prefixed packageItem with the G2 namespace declared");
    ok(sniff("<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\">"),
       "sniff: a newsMessage");
    ok(sniff("<contentSet><inlineXML><nitf "
             "xmlns=\"http://iptc.org/std/NITF/2006-10-18/\">"),
       "sniff: a bare contentSet carrying NITF");
}

static const char nitf_full[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<nitf xml:lang=\"en\">\n"
    " <head>\n"
    "  <title>Harbour   board\n votes</title>\n"
    "  <docdata>\n"
    "   <doc-id id-string=\"https://www.tidewater.example/news/42\"/>\n"
    "   <date.issue norm=\"20030405T121500Z\"/>\n"
    "   <doc.copyright holder=\"Tidewater Courier\"/>\n"
    "  </docdata>\n"
    " </head>\n"
    " <body>\n"
    "  <body.head>\n"
    "   <hedline><hl1>Not the title</hl1></hedline>\n"
    "   <byline>By <person>Jane Invented</person></byline>\n"
    "  </body.head>\n"
    "  <body.content>\n"
    "   <p>First   <em>words</em>\n of the story.</p>\n"
    "   <hl2>A subhead</hl2>\n"
    "   <media media-type=\"image\"><media-caption>A caption</media-caption>"
    "</media>\n"
    "   <block><p>In a block.</p><p>Second in it.</p></block>\n"
    "   <table><tr><td>cell</td></tr></table>\n"
    "   <p>Line<br/>broken &amp; done.</p>\n"
    "  </body.content>\n"
    "  <body.end><tagline>Not body</tagline></body.end>\n"
    " </body>\n"
    "</nitf>\n";

static const char nitf_fallback[] =
    "<nitf>\n"
    " <head><pubdata name=\"Morning Lark\" date.publication=\"20030405\"/>"
    "</head>\n"
    " <body><body.head><hedline><hl1>From the hedline</hl1></hedline>"
    "<byline>Tom Madeup, staff</byline></body.head>\n"
    " <body.content><p>Only paragraph.</p></body.content></body>\n"
    "</nitf>\n";

static void
test_nitf(struct seen *s)
{
    struct article *a;
    int rc;

    rc = read_str(nitf_full, s);
    is_long(rc, 0, "nitf: a full document reads with status 0");
    is_size(s->articles, 1, "nitf: one article");
    a = s->a[0];
    if (a != NULL) {
        is_str(a->format, "nitf", "nitf: format is nitf");
        is_str(a->title, "Harbour board votes",
               "nitf: title from head/title, white space collapsed");
        is_str(a->byline, "Jane Invented",
               "nitf: byline from body.head, without By");
        is_str(a->date, "2003-04-05T12:15:00Z",
               "nitf: date.issue norm made ISO 8601");
        is_str(a->source, "Tidewater Courier",
               "nitf: source from doc.copyright holder");
        is_str(a->url, "https://www.tidewater.example/news/42",
               "nitf: url from an http doc-id");
        is_str(a->domain, "tidewater.example", "nitf: domain from url");
        is_str(a->lang, "en", "nitf: language from xml:lang");
    }
    PARAS(a, "nitf: body.content", "First words of the story.",
          "A subhead", "In a block.", "Second in it.", "Line broken & done.");

    rc = read_str(nitf_fallback, s);
    a = s->a[0];
    ok(rc == 0 && a != NULL, "nitf: a sparse document reads");
    if (a != NULL) {
        is_str(a->title, "From the hedline", "nitf: title from hl1");
        is_str(a->byline, "Tom Madeup, staff",
               "nitf: a byline without By is kept");
        is_str(a->date, "2003-04-05", "nitf: date.publication, date only");
        is_str(a->source, "Morning Lark", "nitf: source from pubdata name");
        ok(a->url == NULL && a->lang == NULL,
           "nitf: no url, no language when none is given");
    }

    rc = read_str("<nitf><head><title>T</title></head><body><body.content>"
                  "  <media><media-caption>Only a caption</media-caption>"
                  "</media></body.content></body></nitf>", s);
    is_long(rc, 1, "nitf: a document with no text is rejected");
    is_str(s->log.data, "R 0 NITF document with no text\n",
           "nitf: the reject says so");
}

static void
test_nitf_dates(struct seen *s)
{
    static const struct {
        const char *norm, *want;
    } cases[] = {
        {"20030405T121500Z", "2003-04-05T12:15:00Z"},
        {"20030405T1215", "2003-04-05T12:15"},
        {"20030405T121500+0100", "2003-04-05T12:15:00+01:00"},
        {"20030405T121500-05:30", "2003-04-05T12:15:00-05:30"},
        {"20030405", "2003-04-05"},
        {"2003-04-05T12:15:00Z", "2003-04-05T12:15:00Z"},
        {"April 5", NULL},
        {"2003", NULL},
    };
    size_t k;

    for (k = 0; k < sizeof cases / sizeof *cases; k++) {
        char *doc = xasprintf("<nitf><head><docdata><date.issue norm=\"%s\"/>"
                              "</docdata></head><body><body.content><p>x.</p>"
                              "</body.content></body></nitf>", cases[k].norm);
        read_str(doc, s);
        is_str(s->a[0] != NULL ? s->a[0]->date : "(no article)",
               cases[k].want, "nitf date %s", cases[k].norm);
        free(doc);
    }
}

#define G2 "xmlns=\"http://iptc.org/std/nar/2006-10-01/\""

static const char g2_xhtml[] =
    "<?xml version=\"1.0\"?>\n"
    "<newsItem " G2 " guid=\"https://www.kestrel.example/a/7\" "
    "xml:lang=\"fr\">\n"
    " <rightsInfo><copyrightHolder><name>Not This One</name>"
    "</copyrightHolder></rightsInfo>\n"
    " <itemMeta>\n"
    "  <provider literal=\"Radio Kestrel\"/>\n"
    "  <versionCreated>2024-03-01T10:00:00+01:00</versionCreated>\n"
    "  <link rel=\"irel:seeAlso\" href=\"https://elsewhere.example/v\"/>\n"
    " </itemMeta>\n"
    " <contentMeta>\n"
    "  <contentCreated>2024-02-29T09:00:00+01:00</contentCreated>\n"
    "  <by>Anna Fictive</by>\n"
    "  <creator><name>Not The Byline</name></creator>\n"
    "  <headline>  Ferry   strike ends </headline>\n"
    " </contentMeta>\n"
    " <contentSet>\n"
    "  <remoteContent href=\"https://kestrel.example/pic.jpg\"/>\n"
    "  <inlineXML contenttype=\"application/xhtml+xml\">\n"
    "   <html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>No"
    "</title></head>\n"
    "    <body><h1>The strike</h1><p>Talks ended at <b>dawn</b>.</p>\n"
    "    <ul><li>One point.</li><li>Two.</li></ul></body></html>\n"
    "  </inlineXML>\n"
    " </contentSet>\n"
    "</newsItem>\n";

static void
test_g2(struct seen *s)
{
    struct article *a;
    int rc;

    rc = read_str(g2_xhtml, s);
    is_long(rc, 0, "g2: a newsItem with XHTML reads");
    a = s->a[0];
    if (a != NULL) {
        is_str(a->format, "newsml-g2", "g2: format is newsml-g2");
        is_str(a->title, "Ferry strike ends", "g2: title from headline");
        is_str(a->date, "2024-03-01T10:00:00+01:00",
               "g2: date from versionCreated");
        is_str(a->byline, "Anna Fictive", "g2: byline from by");
        is_str(a->source, "Radio Kestrel", "g2: source from provider literal");
        is_str(a->url, "https://www.kestrel.example/a/7",
               "g2: url from an http guid, not from a seeAlso link");
        is_str(a->domain, "kestrel.example", "g2: domain from url");
        is_str(a->lang, "fr", "g2: language from xml:lang");
    }
    PARAS(a, "g2: XHTML body", "The strike", "Talks ended at dawn.",
          "One point.", "Two.");

    rc = read_str("<newsItem " G2 " guid=\"urn:newsml:x.example:1\">"
                  "<rightsInfo><copyrightHolder><name>Gull Wire</name>"
                  "</copyrightHolder></rightsInfo>"
                  "<itemMeta><provider qcode=\"nprov:GW\"/>"
                  "<link rel=\"irel:canonical\" "
                  "href=\"http://gull.example/s/1\"/></itemMeta>"
                  "<contentMeta><contentCreated>2024-01-01</contentCreated>"
                  "<creator><name>Ola Notreal</name></creator>"
                  "<creator><name>Ben Unreal</name></creator>"
                  "<language tag=\"en-GB\"/></contentMeta>"
                  "<contentSet><inlineData contenttype=\"text/plain\">"
                  "First line of data.\n\nSecond paragraph."
                  "</inlineData></contentSet></newsItem>", s);
    a = s->a[0];
    ok(rc == 0 && a != NULL, "g2: a newsItem with inlineData reads");
    if (a != NULL) {
        is_str(a->source, "Gull Wire", "g2: source from copyrightHolder");
        is_str(a->date, "2024-01-01", "g2: date from contentCreated");
        is_str(a->byline, "Ola Notreal, Ben Unreal",
               "g2: byline from the creators' names");
        is_str(a->url, "http://gull.example/s/1",
               "g2: url from a canonical link; a urn guid goes nowhere");
        is_str(a->lang, "en-GB", "g2: language from contentMeta/language");
        ok(a->title == NULL, "g2: no headline, no title");
    }
    PARAS(a, "g2: inlineData", "First line of data.", "Second paragraph.");

    rc = read_str("<newsItem " G2 "><contentSet><remoteContent "
                  "href=\"https://x.example/p.jpg\"/></contentSet>"
                  "</newsItem>", s);
    ok(rc == 1 && s->articles == 0, "g2: a picture item is rejected");
    is_str(s->log.data, "R 0 news item with no text (remote content only)\n",
           "g2: the picture item's reject says why");
    read_str("<newsItem " G2 "><itemMeta/></newsItem>", s);
    is_str(s->log.data, "R 0 news item with no text (no contentSet)\n",
           "g2: an item without contentSet is rejected");
    read_str("<newsItem " G2 "><contentSet><inlineData encoding=\"base64\">"
             "SGVsbG8=</inlineData></contentSet></newsItem>", s);
    is_str(s->log.data, "R 0 news item with no text\n",
           "g2: encoded inlineData is not read");
}

static void
test_g2_containers(struct seen *s)
{
    int rc;

    rc = read_str("<newsMessage " G2 ">\n"
                  "<header><sent>2024-05-05T10:00:00Z</sent></header>\n"
                  "<itemSet>\n"
                  "<newsItem guid=\"a\"><contentMeta><headline>One"
                  "</headline></contentMeta><contentSet><inlineXML><p>First "
                  "item.</p></inlineXML></contentSet></newsItem>\n"
                  "<conceptItem guid=\"c\"/>\n"
                  "<newsItem guid=\"p\"><contentSet><remoteContent/>"
                  "</contentSet></newsItem>\n"
                  "<newsItem guid=\"b\"><contentMeta><headline>Two"
                  "</headline></contentMeta><contentSet><inlineXML><nitf "
                  "xmlns=\"http://iptc.org/std/NITF/2006-10-18/\"><body>"
                  "<body.content><p>Second item.</p></body.content></body>"
                  "</nitf></inlineXML></contentSet></newsItem>\n"
                  "</itemSet></newsMessage>\n", s);
    is_long(rc, 1, "message: some items rejected gives status 1");
    is_size(s->articles, 2, "message: two news items with text");
    if (s->a[0] != NULL && s->a[1] != NULL) {
        is_str(s->a[0]->title, "One", "message: first item's title");
        is_str(s->a[0]->body, "First item.", "message: first item's body");
        is_str(s->a[1]->title, "Two",
               "message: second item's headline wins over NITF");
        is_str(s->a[1]->format, "nitf",
               "message: an item with NITF inside is nitf");
        is_str(s->a[1]->body, "Second item.", "message: second item's body");
    }
    is_str(s->log.data,
           "R 5 conceptItem, not a news item\n"
           "R 6 news item with no text (remote content only)\n",
           "message: other items are rejected with their line");

    rc = read_str("<newsMessage " G2 "><itemSet/></newsMessage>", s);
    is_str(s->log.data, "R 0 news message with no items\n",
           "message: an empty message is rejected");

    rc = read_str("<packageItem " G2 "><groupSet><group><itemRef "
                  "residref=\"x\"/></group></groupSet></packageItem>", s);
    ok(rc == 1 && s->articles == 0, "package: references only, rejected");
    is_str(s->log.data, "R 0 package of references, no text\n",
           "package: the reject says so");
    rc = read_str("<packageItem " G2 "><groupSet><group><newsItem>"
                  "<contentSet><inlineXML><p>Inline.</p></inlineXML>"
                  "</contentSet></newsItem></group></groupSet>"
                  "</packageItem>", s);
    ok(rc == 0 && s->articles == 1 && s->a[0] != NULL &&
       strcmp(s->a[0]->body, "Inline.") == 0,
       "package: an inline newsItem inside is read");

    rc = read_str("<g2:newsItem xmlns:g2=\"http://iptc.org/std/nar/"
                  "2006-10-01/\"><g2:contentMeta><g2:headline>Prefixed"
                  "</g2:headline></g2:contentMeta><g2:contentSet>"
                  "<g2:inlineXML><h:p xmlns:h=\"http://www.w3.org/1999/"
                  "xhtml\">Text.</h:p></g2:inlineXML></g2:contentSet>"
                  "</g2:newsItem>", s);
    ok(rc == 0 && s->a[0] != NULL && s->a[0]->title != NULL &&
       strcmp(s->a[0]->title, "Prefixed") == 0 &&
       strcmp(s->a[0]->body, "Text.") == 0,
       "g2: prefixed element names read the same");
}

static int saved_stderr = -1;
static char quiet_path[] = "/tmp/quoth-unit-newsxml-XXXXXX";

/* Sends stderr to a temporary file until quiet_end. */
static void
quiet_begin(void)
{
    int fd = mkstemp(quiet_path);

    fflush(stderr);
    saved_stderr = dup(2);
    if (fd >= 0) {
        dup2(fd, 2);
        close(fd);
    }
}

/* Restores stderr. Returns true when nothing was written to it. */
static bool
quiet_end(void)
{
    struct stat st;
    bool quiet;

    fflush(stderr);
    quiet = stat(quiet_path, &st) == 0 && st.st_size == 0;
    if (saved_stderr >= 0) {
        dup2(saved_stderr, 2);
        close(saved_stderr);
    }
    unlink(quiet_path);
    return quiet;
}

#define BIG (READER_MAX_ARTICLE + 16)

/* "<nitf>...<p>Caf\u00e9.</p>...</nitf>" in UTF-16LE with a BOM. */
static int
read_utf16(struct seen *s)
{
    static const char doc[] = "<nitf><body><body.content><p>Caf\xe9.</p>"
                              "</body.content></body></nitf>";
    char *u = xmalloc(2 * sizeof doc);
    size_t k;
    int rc;

    u[0] = '\xff';
    u[1] = '\xfe';
    for (k = 0; k + 1 < sizeof doc; k++) {
        u[2 + 2 * k] = doc[k];
        u[3 + 2 * k] = '\0';
    }
    ok(reader_newsxml.sniff(u, 2 * sizeof doc),
       "sniff: NITF in UTF-16LE with a BOM");
    rc = read_buf(u, 2 * sizeof doc, s);
    free(u);
    return rc;
}

static void
test_hostile(struct seen *s)
{
    static const char laughs[] =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE nitf [\n"
        " <!ENTITY a \"lollollollollollollollollollol\">\n"
        " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
        " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
        " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
        " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
        " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
        " <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
        " <!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
        " <!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">\n"
        "]>\n"
        "<nitf><body><body.content><p>Laugh: &i;</p></body.content></body>"
        "</nitf>\n";
    static const char xxe[] =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE nitf SYSTEM \"http://dtd.invalid/nitf.dtd\" [\n"
        " <!ENTITY pw SYSTEM \"file:///etc/passwd\">\n"
        " <!ENTITY net SYSTEM \"http://example.invalid/x\">\n"
        "]>\n"
        "<nitf><body><body.content><p>Before &pw; &net; after.</p>"
        "</body.content></body></nitf>\n";
    char deep[8192], *big;
    size_t k, n = 0;
    int rc;

    rc = read_str("", s);
    ok(rc == 1 && s->rejects == 1, "hostile: empty input is rejected");
    rc = read_str("<nitf><body><body.content><p>Cut", s);
    is_long(rc, 1, "hostile: truncated XML is rejected");
    ok(strncmp(s->log.data, "R 0 not well-formed XML at line 1: ", 35) == 0,
       "hostile: truncated XML says not well-formed, with the line");
    diag("  %.*s", (int)strcspn(s->log.data, "\n"), s->log.data);
    rc = read_str("<nitf>\n<body>\n</nitf>\n", s);
    ok(rc == 1 && strstr(s->log.data, "at line 3:") != NULL,
       "hostile: a mismatched tag is named by its line");
    diag("  %.*s", (int)strcspn(s->log.data, "\n"), s->log.data);
    rc = read_str("<nitf>\x01\x02\xff\xfe<</nitf>", s);
    ok(rc == 1 && s->articles == 0, "hostile: garbage bytes are rejected");
    ok(strchr(s->log.data, '\x01') == NULL,
       "hostile: the reject holds no control byte");
    rc = read_str("<rss version=\"2.0\"/>", s);
    is_str(s->log.data, "R 0 XML root <rss> is not NITF or NewsML-G2\n",
           "hostile: another root is rejected by name");

    rc = read_str(laughs, s);
    ok(rc >= 0 && rc <= 1, "hostile: billion laughs returns");
    ok(s->articles == 0 || (s->a[0] != NULL && s->a[0]->body_len < 100),
       "hostile: billion laughs is not expanded");
    if (s->a[0] != NULL)
        diag("  body: %s", s->a[0]->body);
    else
        diag("  %.*s", (int)strcspn(s->log.data, "\n"), s->log.data);

    rc = read_str(xxe, s);
    is_long(rc, 0, "hostile: external entities parse without loading");
    if (s->a[0] != NULL)
        is_str(s->a[0]->body, "Before after.",
               "hostile: no file or network entity reaches the text");
    else
        diag("  %.*s", (int)strcspn(s->log.data, "\n"), s->log.data);

    for (k = 0; k < 2000; k++)
        n += (size_t)snprintf(deep + n, sizeof deep - n, "<b>");
    rc = read_buf(deep, n, s);
    ok(rc == 1 && s->articles == 0, "hostile: deep nesting is rejected");
    diag("  %.*s", (int)strcspn(s->log.data, "\n"), s->log.data);

    ok(strstr(s->log.data, "XML_PARSE_HUGE") == NULL,
       "hostile: the depth error gives no libxml2 option name");

    rc = read_utf16(s);
    ok(rc == 0 && s->a[0] != NULL && strcmp(s->a[0]->body, "Caf\xc3\xa9.")
       == 0, "hostile: UTF-16LE with a BOM is sniffed and read");

    big = xmalloc(BIG);
    memset(big, ' ', BIG);
    memcpy(big, "<nitf>", 6);
    rc = read_buf(big, BIG, s);
    free(big);
    is_str(s->log.data, "R 0 article too large (over 32 MB)\n",
           "hostile: a file over 32 MB is rejected with the limit");

    rc = read_str("<nitf><body><body.content><p>Caf\xe9 \x93hot\x94."
                  "</p></body.content></body></nitf>", s);
    ok(rc == 0 && s->a[0] != NULL &&
       strcmp(s->a[0]->body, "Caf\xc3\xa9 \xe2\x80\x9chot\xe2\x80\x9d.") ==
           0, "hostile: undeclared Windows-1252 is read as such");
    quiet_begin();
    rc = read_str("<?xml version=\"1.0\" encoding=\"windows-1252\"?>"
                  "<nitf><body><body.content><p>Bad \x81 byte.</p>"
                  "</body.content></body></nitf>", s);
    ok(quiet_end(), "hostile: libxml2 prints nothing on an encoding error");
    is_long(rc, 1, "hostile: a byte not in the declared encoding is "
            "rejected");
    ok(strncmp(s->log.data, "R 0 not well-formed XML: ", 25) == 0 &&
       strstr(s->log.data, "0x81") != NULL,
       "hostile: the reject names the bad byte");
    diag("  %.*s", (int)strcspn(s->log.data, "\n"), s->log.data);
    rc = read_str("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                  "<nitf><body><body.content><p>Caf\xe9.</p></body.content>"
                  "</body></nitf>", s);
    ok(rc == 0 && s->a[0] != NULL &&
       strcmp(s->a[0]->body, "Caf\xc3\xa9.") == 0,
       "hostile: a declared Latin-1 is honoured");
}

/* One IPTC example as the reader table would read it. */
static int
read_file(const char *dir, const char *name, struct seen *s)
{
    char *path = xasprintf("%s/%s", dir, name);
    FILE *fp = fopen(path, "rb");
    struct reader_sink sink = {seen_article, seen_reject, s};
    char head[HEAD];
    size_t n;
    int rc = -2;

    seen_reset(s);
    if (fp != NULL) {
        n = fread(head, 1, sizeof head, fp);
        ok(reader_newsxml.sniff(head, n), "iptc: %s is sniffed", name);
        rc = reader_newsxml.read(path, fp, head, n, &sink);
        fclose(fp);
    }
    free(path);
    return rc;
}

static void
test_iptc(struct seen *s)
{
    const char *shared = getenv("QUOTH_SHARED");
    char *dir;
    struct article *a;
    int rc;

    if (shared == NULL) {
        tap_skip("iptc examples", "QUOTH_SHARED is not set");
        return;
    }
    dir = xasprintf("%s/data/iptc-newsml-g2", shared);
    rc = read_file(dir, "LISTING_1_A_NewsML-G2_News_Item.xml", s);
    if (rc == -2) {
        tap_skip("iptc examples", "../shared/data/iptc-newsml-g2 is absent");
        free(dir);
        return;
    }
    ok(rc == 1 && s->articles == 0, "iptc 1: an empty inlineXML, rejected");
    is_str(s->log.data, "R 0 news item with no text (its inlineXML is "
           "empty)\n", "iptc 1: the reject says why");

    rc = read_file(dir, "LISTING_2_NewsML-G2_Text_Document.xml", s);
    a = s->a[0];
    ok(rc == 0 && s->articles == 1, "iptc 2: one article");
    if (a != NULL) {
        is_str(a->format, "nitf", "iptc 2: NITF inside, format nitf");
        is_str(a->title, "Fed to halt QE to avert \"bubble\"",
               "iptc 2: title from headline");
        is_str(a->date, "2018-11-21T16:25:32-05:00",
               "iptc 2: date from versionCreated");
        is_str(a->byline, "Meredith Jameson", "iptc 2: byline from creator");
        is_str(a->source, "Acme News and Media LLC",
               "iptc 2: source from the copyright holder (the provider "
               "has only a uri)");
        ok(a->url == NULL, "iptc 2: no url (the guid is a urn)");
        is_str(a->lang, "en-US", "iptc 2: language");
    }
    PARAS(a, "iptc 2",
          "(New York, NY - October 21) Et, sent luptat luptat, commy Nim "
          "zzriureet vendreetue modo dolenis ex euisis nosto et lan ullandit "
          "lum doloreet vulla feugiam coreet, cons eleniam il ute facin veril "
          "et aliquis ad minis et lor sum del iriure dit la feugiamcommy "
          "nostrud min ulla autpat velisl duisismodip ero dipit nit utpatum "
          "sandrer cipisim nit lortis augiat nulla faccum at am, quam velenis "
          "nulput la auguerostrud magna commolore eliquatie exerate facilis "
          "modiamconsed dion henisse quipit at. Ut la feu facilla feu "
          "faccumsan ecte modoloreet ad ex el utat.",
          "Ugiating ea feugait utat, venim velent nim quis nulluptat num "
          "Volorem inci enim dolobor eetuer sendre ercin utpatio dolorpercing "
          "Et accum nullan voluptat wisis alit dolessim zzrilla commy nonulpu "
          "tpatinis exer sequatueros adit verit am nonse exerili quismodion "
          "esto cons dolutpat, si.");

    rc = read_file(dir, "LISTING_6_Simple_NewsML-G2_Package.xml", s);
    ok(rc == 1 && s->articles == 0, "iptc 6: a package is rejected");
    is_str(s->log.data, "R 0 package of references, no text\n",
           "iptc 6: the reject says why");

    rc = read_file(dir, "LISTING_22_Sports_story_in_NewsML-G2NITF.xml", s);
    a = s->a[0];
    ok(rc == 0 && s->articles == 1, "iptc 22: one article");
    if (a != NULL) {
        is_str(a->format, "nitf", "iptc 22: format nitf");
        is_str(a->title, "Preview: Arizona Diamondbacks (29-23) at "
               "Philadelphia Phillies (26-24), 7:05 p.m.",
               "iptc 22: title from headline");
        is_str(a->date, "2018-10-19T11:45:00-04:00", "iptc 22: date");
        is_str(a->byline, "The Sports Network",
               "iptc 22: byline from creator");
        ok(a->source == NULL,
           "iptc 22: no source (the provider is a qcode only)");
        ok(a->url == NULL, "iptc 22: no url (the guid is a tag: URI)");
        is_str(a->lang, "en-US", "iptc 22: language");
    }
    PARAS(a, "iptc 22",
          "(Sports Network) - A pair of teams coming off big weekend sweeps "
          "will square off tonight at Citizens Bank Park, where the "
          "Philadelphia Phillies welcome the Arizona Diamondbacks for the "
          "start of a three-game series.",
          "The Phillies picked up some momentum with a three-game sweep of "
          "the Atlanta Braves, while the Diamondbacks captured all four of "
          "their games against the Houston Astros.",
          "On Sunday, Livan Hernandez threw his first complete game in almost "
          "two years to lead the Diamondbacks to an 8-4 win over the Astros "
          "to complete the sweep.",
          "Arizona sends Doug Davis to the hill tonight, and the lefty is 0-4 "
          "over his last five starts. That includes losses in each of his "
          "last three outings.",
          "The Phillies, meanwhile, notched their first sweep of the year "
          "that culminated with Sunday's 13-6 pounding of the Braves. Ryan "
          "Howard flashed some of the power that won him the NL MVP last "
          "season, jacking a pair of two-run homers in the win.",
          "Right-hander Freddy Garcia takes the hill for the Phillies and is "
          "1- 3 with a 4.81 earned run average on the year. Since winning "
          "his first game in a Philadelphia uniform back on April 22, Garcia "
          "has gone 0-2 over his last six starts.");

    rc = read_file(dir,
                   "LISTING_25_An_NITF_marked-up_article_conveyed_in_"
                   "inlineXML.xml", s);
    a = s->a[0];
    ok(rc == 0 && s->articles == 1, "iptc 25: one article");
    if (a != NULL) {
        is_str(a->format, "nitf", "iptc 25: format nitf");
        is_str(a->title, "Arizona Diamondbacks (29-23) at Philadelphia "
               "Phillies (26-24), 7:05p.m.", "iptc 25: title from hl1");
        is_str(a->byline, "Sports Network", "iptc 25: byline from NITF");
        ok(a->date == NULL && a->source == NULL && a->url == NULL,
           "iptc 25: no date, source or url in a bare contentSet");
    }
    PARAS(a, "iptc 25",
          "(Sports Network) - With the Philadelphia Phillies picking up "
          "momentum after their three-game sweep of the Atlanta Braves, and "
          "the Arizona Diamondbacks capturing all four of their games "
          "against the Houston Astros, tonight's game at Citizen Bank Park "
          "looks set to be a clash of the Titans.");
    free(dir);
}

int
main(void)
{
    struct seen s = {0};

    test_sniff();
    test_nitf(&s);
    test_nitf_dates(&s);
    test_g2(&s);
    test_g2_containers(&s);
    test_hostile(&s);
    test_iptc(&s);
    seen_reset(&s);
    buf_free(&s.log);
    return tap_done();
}
