// SPDX-License-Identifier: MIT
/*
 * Unit tests of read_html: the sniffer, and html_article on degenerate
 * input first (empty, no text, broken, too deep), then paragraphs, what
 * is dropped, the choice of content element, metadata and charsets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "readers.h"
#include "tap.h"

/* Parses s (NUL-terminated) as a page; NULL when refused. */
static struct article *
page(const char *s, const char **why)
{
    return html_article("t.html", s, strlen(s), NULL, why);
}

/* Checks that s gives exactly the body want (paragraphs "\n\n"). */
static void
check_body(const char *s, const char *want, const char *what)
{
    const char *why = NULL;
    struct article *a = page(s, &why);

    if (!ok(a != NULL, "%s: read", what)) {
        diag("  why: %s", why ? why : "(null)");
        return;
    }
    is_strn(a->body, a->body_len, want, "%s: body", what);
    article_free(a);
}

/* Checks that s is refused with the reason want. */
static void
check_refused(const char *s, size_t n, const char *want, const char *what)
{
    const char *why = NULL;
    struct article *a = html_article("t.html", s, n, NULL, &why);

    ok(a == NULL, "%s: refused", what);
    is_str(why, want, "%s: reason", what);
    article_free(a);
}

static void
test_degenerate(void)
{
    char *big;
    struct buf b = {0};
    const char *why = NULL;
    struct article *a;
    const char *s;
    int k;

    check_refused("", 0, "no text in the page", "the empty input");
    check_refused("<p></p>", 7, "no text in the page", "an empty paragraph");
    s = "<html><body> \n </body></html>";
    check_refused(s, strlen(s), "no text in the page", "a page of white space");
    s = "<html><body><script>var a = 1;</script><nav>Home</nav>"
        "</body></html>";
    check_refused(s, strlen(s), "no text in the page",
                  "a page of only script and navigation");
    check_body("<p>Cut in the mid", "Cut in the mid", "a truncated fragment");
    check_body("<html><body><p>One<p>Two</b></i></div>", "One\n\nTwo",
               "unclosed and stray tags");
    check_body("<p>Nul\0byte</p>", "Nul", "a NUL ends the C string");
    a = html_article("t.html", "<p>A\0B</p>", 10, NULL, &why);
    ok(a != NULL, "a NUL inside the bytes does not stop the reader");
    article_free(a);
    check_body("<p>Bad \xff bytes \x93q\x94</p>",
               "Bad \xc3\xbf bytes \xe2\x80\x9cq\xe2\x80\x9d",
               "undeclared invalid UTF-8 is read as Windows-1252");
    /* A 4 MB attribute value. */
    big = malloc((4u << 20) + 64);
    strcpy(big, "<p title=\"");
    memset(big + 10, 'a', 4u << 20);
    strcpy(big + 10 + (4u << 20), "\">Big</p>");
    check_body(big, "Big", "a huge attribute value");
    free(big);
    for (k = 0; k < 5000; k++)
        buf_puts(&b, "<div>");
    buf_puts(&b, "<p>Deep</p>");
    check_refused(b.data, b.len, "elements nested too deep",
                  "5000 nested elements");
    buf_free(&b);
}

static void
test_paragraphs(void)
{
    const char *why;
    struct article *a;

    check_body("<p>One</p>", "One", "one paragraph");
    check_body("<p>  a <b>bold</b>\n\t word  </p>", "a bold word",
               "inline text joined with single spaces");
    check_body("<p>caf&eacute; &amp; &#8220;x&#8221;&nbsp;y</p>",
               "caf\xc3\xa9 & \xe2\x80\x9cx\xe2\x80\x9d y",
               "entities decoded, no-break space made a space");
    check_body("<p>A</p><blockquote><p>B</p></blockquote><ul><li>C</li>"
               "<li>D</li></ul><h2>E</h2>",
               "A\n\nB\n\nC\n\nD\n\nE", "each block one paragraph");
    check_body("<div>One<br>Two<br><br>Three</div>", "One\n\nTwo\n\nThree",
               "<br> ends a paragraph");
    a = page("<p>First one.</p><p>Second one.</p>", &why);
    if (ok(a != NULL, "two paragraphs read")) {
        is_size(a->npara, 2, "two paragraphs: count");
        is_span(a->body, a->body_len, a->paras[1].start, a->paras[1].end,
                "Second one.", "two paragraphs: the second's offsets");
        is_str(a->format, "html", "format is html");
        article_free(a);
    }
}

static void
test_dropped(void)
{
    check_body("<p>Keep</p><script>no</script><style>p{}</style>"
               "<noscript>no</noscript><nav>no</nav><aside>no</aside>"
               "<form>no<button>no</button></form><iframe>no</iframe>"
               "<figure>no<figcaption>no</figcaption></figure>"
               "<footer>no</footer><header>no</header>",
               "Keep", "dropped elements");
    check_body("<p>Keep</p><div id=\"comments\"><p>no</p></div>"
               "<div class=\"share-bar\">no</div>"
               "<div class=\"post-navigation\">no</div>"
               "<ul class=\"menu\"><li>no</li></ul>"
               "<div class=\"widget_text\">no</div>"
               "<p class=\"newsletter-signup\">no</p>"
               "<div id=\"breadcrumb\">no</div><div role=\"navigation\">no"
               "</div><p class=\"contributors\">no</p>"
               "<span class=\"photo-credit\">no</span>",
               "Keep", "boilerplate ids, classes and roles");
    check_body("<p>Keep</p><p hidden>no</p><p aria-hidden=\"true\">no</p>"
               "<p style=\"color:red; DISPLAY: none\">no</p>"
               "<p style=\"visibility:hidden\">no</p>",
               "Keep", "hidden elements");
    check_body("<div class=\"post commentary c-social-media tag-comments "
               "a-navid\">"
               "<p>Kept</p></div>",
               "Kept", "taxonomy classes naming the post's subjects");
    check_body("<html><body class=\"single s-category-social-media "
               "s-tag-comments\"><p>Kept</p></body></html>",
               "Kept", "a theme's s-category-x taxonomy classes on body");
    check_body("<p>Keep<!-- a comment --> this</p>", "Keep this",
               "markup comments");
    check_body("<P>Keep</P><SCRIPT>no</SCRIPT><Nav>no</Nav><DIV>Two"
               "<BR>Three</DIV>",
               "Keep\n\nTwo\n\nThree", "tags in capitals");
}

static void
test_content_choice(void)
{
    check_body("<html><body><div><p>Short teaser text here.</p></div>"
               "<div class=\"story\"><p>The first paragraph of the story is "
               "long enough to matter here.</p><p>And a second paragraph "
               "goes with it, as long.</p></div></body></html>",
               "The first paragraph of the story is long enough to matter "
               "here.\n\nAnd a second paragraph goes with it, as long.",
               "the element with most paragraph text");
    check_body("<html><body><div class=\"entry\"><p>A first paragraph "
               "left outside the inner div by broken nesting, long enough."
               "</p><div><p>Inner one is a long paragraph of the story text, "
               "long.</p><p>Inner two is another long paragraph of the story "
               "text.</p></div></div><div><p>Unrelated short bit.</p></div>"
               "</body></html>",
               "A first paragraph left outside the inner div by broken "
               "nesting, long enough.\n\nInner one is a long paragraph of "
               "the story text, long.\n\nInner two is another long paragraph "
               "of the story text.",
               "a long paragraph beside the content element is kept");
    check_body("<html><body><div><p>Outside text that is long, long, long, "
               "long, long, long, long, long, long, long, long, long, long, "
               "long, long, long, long, long, long, long, long, long, "
               "long.</p><p>More outside text that is long, long, long, "
               "long, long, long, long, long, long, long, long, long, "
               "long.</p></div><div itemprop=\"articleBody\"><p>Body."
               "</p></div></body></html>",
               "Body.", "itemprop=articleBody wins");
    check_body("<html><head><title>Head line</title></head><body>"
               "<h1>Head line</h1><article><h1>Head line</h1><p>Text.</p>"
               "<h2>Head line</h2></article></body></html>",
               "Head line\n\nText.", "the title only once");
}

static void
test_link_tail(void)
{
    check_body("<p>The story, with <a href=\"x\">a source</a>.</p>"
               "<p>Other related articles:</p>"
               "<p>Ann - <a href=\"a\">One headline</a>, <a href=\"b\">"
               "Another headline</a>.<br><a href=\"c\">A third</a></p>",
               "The story, with a source.",
               "a closing list of links and its lead-in line");
    check_body("<p>The story.</p><h3>More on this</h3><ul><li><a href=\"a\">"
               "One headline</a></li><li><a href=\"b\">Two</a></li></ul>",
               "The story.", "a closing list of links under a heading");
    check_body("<P>The story.</P><H3>More on this</H3><UL><LI><A HREF=\"a\">"
               "One headline</A></LI><LI><A HREF=\"b\">Two</A></LI></UL>",
               "The story.", "the same in capitals");
    check_body("<p>The story goes on here.</p><p>He said so:</p><p><a "
               "href=\"a\">@someone</a>: words</p><p>And the story ends "
               "with no link.</p>",
               "The story goes on here.\n\nHe said so:\n\n@someone: "
               "words\n\nAnd the story ends with no link.",
               "links inside the story stay");
    check_body("<p>A lead line:</p><p><a href=\"a\">Read it all</a></p>",
               "A lead line:", "a closing link line goes, the first stays");
    check_body("<p><a href=\"a\">Only a link</a></p>", "Only a link",
               "the first block stays");
}

static void
test_metadata(void)
{
    const char *why;
    struct article *a;

    a = page("<!DOCTYPE html><html lang=\"sv\"><head>"
             "<title>The Daily Example \xc2\xbb Mill closes</title>"
             "<link rel=\"canonical\" href=\"https://www.daily.example/a\">"
             "<meta name=\"author\" content=\"Eva Ek\"></head><body>"
             "<h2>Mill closes</h2><time datetime=\"2020-01-02\">2 Jan"
             "</time><p>Text.</p></body></html>",
             &why);
    if (ok(a != NULL, "metadata page read")) {
        is_str(a->title, "Mill closes", "title: the heading side of <title>");
        is_str(a->source, "The Daily Example",
               "source: the other side of <title>");
        is_str(a->url, "https://www.daily.example/a", "url: canonical");
        is_str(a->domain, "daily.example", "domain from url, no www");
        is_str(a->byline, "Eva Ek", "byline: meta author");
        is_str(a->date, "2020-01-02", "date: <time datetime>");
        is_str(a->lang, "sv", "lang: html lang");
        article_free(a);
    }
    a = page("<html><head><title>Plain title</title></head><body>"
             "<h2><a rel=\"bookmark\" href=\"http://b.example/2019/07/08/x/\">"
             "X</a></h2><p>Text.</p></body></html>",
             &why);
    if (ok(a != NULL, "permalink page read")) {
        is_str(a->title, "Plain title", "title: <title> without separator");
        is_str(a->source, NULL, "source: none");
        is_str(a->url, "http://b.example/2019/07/08/x/",
               "url: a heading's bookmark link");
        is_str(a->date, "2019-07-08", "date: from the url's path");
        article_free(a);
    }
    a = page("<html><head><meta property=\"og:site_name\" "
             "content=\"https://not-a-source.example\"><meta property="
             "\"article:published_time\" content=\"June 3\"></head><body>"
             "<p>Text.</p></body></html>",
             &why);
    if (ok(a != NULL, "bad metadata page read")) {
        is_str(a->source, NULL, "a URL is never a source");
        is_str(a->date, NULL, "a date that is not ISO 8601 is left out");
        article_free(a);
    }
    a = page("<html><head><script type=\"application/ld+json\">[{\"@type\":"
             " [\"NewsArticle\"], \"headline\": \"H\", \"author\": \"A B\", "
             "\"datePublished\": \"2021-02-03\"}]</script><script type="
             "\"application/ld+json\">{broken</script></head><body>"
             "<p>Text.</p></body></html>",
             &why);
    if (ok(a != NULL, "JSON-LD page read")) {
        is_str(a->title, "H", "JSON-LD headline");
        is_str(a->byline, "A B", "JSON-LD author as a string");
        is_str(a->date, "2021-02-03", "JSON-LD datePublished");
        article_free(a);
    }
}

static void
test_charset(void)
{
    check_body("<html><head><meta charset=\"windows-1252\"></head><body>"
               "<p>\x93Hi\x94 caf\xe9</p></body></html>",
               "\xe2\x80\x9cHi\xe2\x80\x9d caf\xc3\xa9",
               "<meta charset> windows-1252");
    check_body("<html><head><meta http-equiv=\"Content-Type\" content=\""
               "text/html; charset=ISO-8859-1\"></head><body>"
               "<p>\x93Hi\x94 caf\xe9</p></body></html>",
               "\xe2\x80\x9cHi\xe2\x80\x9d caf\xc3\xa9",
               "ISO-8859-1 declared is read as Windows-1252");
    check_body("<html><head><meta charset=\"utf-8\"></head><body>"
               "<p>caf\xc3\xa9</p></body></html>",
               "caf\xc3\xa9", "<meta charset> utf-8");
    check_body("<html><head><meta charset=\"no-such-charset\"></head><body>"
               "<p>caf\xc3\xa9</p></body></html>",
               "caf\xc3\xa9", "an unknown charset falls back to UTF-8");
    check_body("\xef\xbb\xbf<p>caf\xc3\xa9</p>", "caf\xc3\xa9",
               "a UTF-8 byte order mark");
}

static void
test_sniff(void)
{
    static const struct {
        const char *head;
        bool want;
    } cases[] = {
        {"", false},
        {"plain text", false},
        {"Hello <p> inside text", false},
        {"<!DOCTYPE html><html>", true},
        {"  <HTML><BODY>", true},
        {"<p>A fragment</p>", true},
        {"\xef\xbb\xbf<ul><li>A list</li></ul>", true},
        {"<?xml version=\"1.0\"?><rss version=\"2.0\"><p>", false},
        {"<?xml version=\"1.0\"?><nitf><body>", false},
        {"<unknown>tag</unknown>", false},
        {"<?xml version=\"1.0\"?>\n<!-- A comment -->\n<Html Lang=\"en\">",
         true},
        {"<?xml version=\"1.0\"?>\n<!-- A comment -->\n<RSS version=\"2\">"
         "<P>",
         false},
    };
    static const char nul[] = "\0\0\0\0\0\0\0\0\0\0<!DOCTYPE HTML>";
    size_t k;

    for (k = 0; k < sizeof cases / sizeof *cases; k++)
        ok(reader_html.sniff(cases[k].head, strlen(cases[k].head)) ==
               cases[k].want,
           "sniff %zu: %s", k, cases[k].want ? "html" : "not html");
    ok(reader_html.sniff(nul, sizeof nul - 1),
       "sniff: NUL bytes before the doctype do not hide it");
}

int
main(void)
{
    test_degenerate();
    test_paragraphs();
    test_dropped();
    test_content_choice();
    test_link_tail();
    test_metadata();
    test_charset();
    test_sniff();
    return tap_done();
}
