// SPDX-License-Identifier: MIT
/*
 * Reader for feeds (RSS 2.0, RSS 1.0 and Atom): the file in, one article
 * per item or entry out. Streamed with libxml2's xmlTextReader over the
 * file in chunks (no network, no entity substitution, no DTD loading);
 * each item is built as a small tree, made an article and handed on
 * before the next is read. HTML inside items goes through html_article.
 * An item of over 32 MB (or one text of over libxml2's 10 MB) is refused
 * with its size, and ends the feed: the parser cannot resume after it.
 */
#include <errno.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "readers.h"
#include "utf8.h"
#include "xmalloc.h"

#define FEED_NS_ATOM    "http://www.w3.org/2005/Atom"
#define FEED_NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define FEED_NS_DC      "http://purl.org/dc/elements/1.1/"
#define FEED_NS_RSS1    "http://purl.org/rss/1.0/"

/* One feed being read. */
struct feed_state {
    const char *path;
    const struct reader_sink *sink;
    FILE *fp;
    const char *head; /* bytes already read from fp */
    size_t n, used;
    bool atom;
    char *source; /* the channel's or feed's title */
    char *lang;
    long items;
    xmlTextReader *rd;
    int rc;
    char error[200]; /* the first parse error, if any */
    size_t given;     /* bytes handed to libxml2 so far */
    size_t item_from; /* given when the item being expanded began */
    bool in_item;     /* an item is being expanded */
    bool too_large;   /* and it is over READER_MAX_ARTICLE */
    bool huge_text;   /* or over libxml2's limit for one text */
};

/* The reader's input: the head bytes, then the rest of the file. */
static int
feed_io_read(void *ctx, char *out, int len)
{
    struct feed_state *st = ctx;
    size_t got;

    if (len <= 0)
        return 0;
    if (st->used < st->n) {
        got = st->n - st->used;
        if (got > (size_t)len)
            got = (size_t)len;
        memcpy(out, st->head + st->used, got);
        st->used += got;
        st->given += got;
        return (int)got;
    }
    if (st->in_item && st->given - st->item_from > READER_MAX_ARTICLE) {
        /* An item is read whole before it is handed on: a larger one is
         * refused here, before it fills memory. */
        st->too_large = true;
        return -1;
    }
    got = fread(out, 1, (size_t)len, st->fp);
    if (got == 0 && ferror(st->fp))
        return -1;
    st->given += got;
    return (int)got;
}

static int
feed_io_close(void *ctx)
{
    (void)ctx;
    return 0;
}

/* Keeps the first error libxml2 reports, as one phrase. */
static void
feed_error(void *ctx, xmlErrorPtr e)
{
    struct feed_state *st = ctx;
    size_t len;
    int line;

    if (e == NULL || e->level < XML_ERR_ERROR || st->error[0] != '\0')
        return;
    /* libxml2 (2.9) refuses one text of over 10 MB, in these words. */
    if (st->in_item && e->message != NULL &&
        (strstr(e->message, "huge text node") != NULL ||
         strstr(e->message, "Huge input lookup") != NULL))
        st->huge_text = true;
    /* Inside an entity's text libxml2 counts lines from the entity. */
    line = st->rd != NULL ? xmlTextReaderGetParserLineNumber(st->rd) : 0;
    if (e->line > 1 || line <= 0)
        line = e->line;
    snprintf(st->error, sizeof st->error, "not well-formed XML at line %d: %s",
             line, e->message ? e->message : "parse error");
    /* Some messages run on to a second line ("Bytes: 0xE9 ..."). */
    for (len = 0; st->error[len] != '\0'; len++)
        if (st->error[len] == '\n' || st->error[len] == '\r')
            st->error[len] = ' ';
    while (len > 0 && st->error[len - 1] == ' ')
        st->error[--len] = '\0';
}

/* True when node is the element ns:name (ns NULL: any or none). */
static bool
feed_is(const xmlNode *n, const char *ns, const char *name)
{
    if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name))
        return false;
    if (ns == NULL)
        return true;
    return n->ns != NULL && strcmp((const char *)n->ns->href, ns) == 0;
}

/* True for an element of no namespace, RSS 1.0's or Atom's. */
static bool
feed_plain(const xmlNode *n, const char *name)
{
    return feed_is(n, NULL, name) &&
           (n->ns == NULL || feed_is(n, FEED_NS_RSS1, name) ||
            feed_is(n, FEED_NS_ATOM, name));
}

/* The text under n: text and CDATA nodes only, so an entity reference is
 * never expanded. Walks without recursion. White space is collapsed and
 * trimmed when collapse. Caller frees. */
static char *
feed_text(const xmlNode *top, bool collapse)
{
    struct buf b = {0};
    const xmlNode *n = top->children;
    size_t start = 0;
    char *t;

    while (n != NULL) {
        if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
            n->content != NULL) {
            const char *s = (const char *)n->content;
            if (!collapse)
                buf_puts(&b, s);
            for (; collapse && *s != '\0'; s++) {
                if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') {
                    if (b.len > 0 && b.data[b.len - 1] != ' ')
                        buf_putc(&b, ' ');
                } else {
                    buf_putc(&b, *s);
                }
            }
        }
        if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
            n = n->children;
            continue;
        }
        while (n != NULL && n->next == NULL) {
            n = n->parent;
            if (n == top)
                n = NULL;
        }
        if (n != NULL)
            n = n->next;
    }
    while (collapse && b.len > 0 && b.data[b.len - 1] == ' ')
        b.len--;
    if (collapse && b.len > 0 && b.data[0] == ' ')
        start = 1;
    t = xstrndup(b.data != NULL ? b.data + start : "", b.len - start);
    buf_free(&b);
    return t;
}

/* Sets *field to the text of n when unset and the text is not empty. */
static void
feed_take(char **field, const xmlNode *n)
{
    char *t;

    if (*field != NULL)
        return;
    t = feed_text(n, true);
    if (*t != '\0')
        *field = t;
    else
        free(t);
}

static char *
feed_attr(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    char *s = v != NULL ? xstrdup((const char *)v) : NULL;

    xmlFree(v);
    return s;
}

/* "Tue, 10 Jun 2003 04:00:00 GMT" (RFC 822) as "2003-06-10"; an ISO 8601
 * date is kept as given; NULL for anything else. Caller frees. */
static char *
feed_date(const char *s)
{
    static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    const char *p = s;
    int day = 0, month = 0, year = 0, k;

    if (s == NULL)
        return NULL;
    if (strlen(s) >= 10 && s[4] == '-' && s[7] == '-' &&
        strspn(s, "0123456789") == 4)
        return xstrdup(s);
    p += strspn(p, " \t");
    if (strchr(p, ',') != NULL)
        p = strchr(p, ',') + 1;
    p += strspn(p, " \t");
    for (k = 0; k < 2 && *p >= '0' && *p <= '9'; k++, p++)
        day = day * 10 + (*p - '0');
    p += strspn(p, " \t");
    for (k = 0; k < 12; k++)
        if (strncasecmp(p, months + 3 * k, 3) == 0)
            month = k + 1;
    if (month == 0 || day < 1 || day > 31)
        return NULL;
    p += strcspn(p, " \t");
    p += strspn(p, " \t");
    for (k = 0; k < 4 && *p >= '0' && *p <= '9'; k++, p++)
        year = year * 10 + (*p - '0');
    if (k == 2)
        year += year < 50 ? 2000 : 1900;
    else if (k != 4)
        return NULL;
    return xasprintf("%04d-%02d-%02d", year, month, day);
}

/* True when text holds markup: a tag or an entity left escaped. */
static bool
feed_looks_html(const char *s)
{
    for (; *s != '\0'; s++)
        if (*s == '<' &&
            (s[1] == '/' || s[1] == '!' || (s[1] >= 'a' && s[1] <= 'z') ||
             (s[1] >= 'A' && s[1] <= 'Z')))
            return true;
    return false;
}

/* The children of an Atom xhtml content element written out as markup.
 * Caller frees. */
static char *
feed_xhtml(xmlNode *n)
{
    xmlBuffer *xb = xmlBufferCreate();
    xmlNode *c;
    char *s;

    for (c = n->children; c != NULL; c = c->next)
        xmlNodeDump(xb, n->doc, c, 0, 0);
    s = xstrdup((const char *)xmlBufferContent(xb));
    xmlBufferFree(xb);
    return s;
}

/* What an item says, gathered from its children. */
struct feed_item {
    char *title, *link, *guid, *date, *byline;
    char *body;
    bool html;
};

static void
feed_item_free(struct feed_item *it)
{
    free(it->title);
    free(it->link);
    free(it->guid);
    free(it->date);
    free(it->byline);
    free(it->body);
}

/* The body of a content element: its type says text, html or xhtml. */
static void
feed_body(struct feed_item *it, xmlNode *c, bool atom_typed)
{
    char *type = atom_typed ? feed_attr(c, "type") : NULL;

    if (it->body != NULL) {
        free(type);
        return;
    }
    if (type != NULL && (strcmp(type, "xhtml") == 0 ||
                         strcmp(type, "application/xhtml+xml") == 0)) {
        it->body = feed_xhtml(c);
        it->html = true;
    } else {
        it->body = feed_text(c, false);
        it->html = atom_typed ? type != NULL && (strcmp(type, "html") == 0 ||
                                                 strcmp(type, "text/html") == 0)
                              : feed_looks_html(it->body);
    }
    if (it->body[strspn(it->body, " \t\r\n")] == '\0') {
        free(it->body);
        it->body = NULL;
    }
    free(type);
}

static void
feed_item_read(struct feed_item *it, xmlNode *item)
{
    xmlNode *c, *body[4] = {NULL, NULL, NULL, NULL};
    char *pub = NULL, *upd = NULL;
    size_t k;

    for (c = item->children; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (feed_plain(c, "title")) {
            feed_take(&it->title, c);
        } else if (feed_is(c, FEED_NS_ATOM, "link")) {
            char *rel = feed_attr(c, "rel");
            if (it->link == NULL &&
                (rel == NULL || strcmp(rel, "alternate") == 0))
                it->link = feed_attr(c, "href");
            free(rel);
        } else if (feed_plain(c, "link")) {
            feed_take(&it->link, c);
        } else if (feed_plain(c, "guid") || feed_is(c, FEED_NS_ATOM, "id")) {
            feed_take(&it->guid, c);
        } else if (feed_plain(c, "pubDate") || feed_is(c, FEED_NS_DC, "date") ||
                   feed_is(c, FEED_NS_ATOM, "published")) {
            feed_take(&pub, c);
        } else if (feed_is(c, FEED_NS_ATOM, "updated")) {
            feed_take(&upd, c);
        } else if (feed_is(c, FEED_NS_DC, "creator")) {
            feed_take(&it->byline, c);
        } else if (feed_is(c, FEED_NS_ATOM, "author")) {
            xmlNode *a;
            for (a = c->children; a != NULL; a = a->next)
                if (feed_is(a, FEED_NS_ATOM, "name"))
                    feed_take(&it->byline, a);
        } else if (feed_plain(c, "author") && it->byline == NULL) {
            /* RSS 2.0: "mail@example.org (Name)"; the name is wanted. */
            char *t = feed_text(c, true), *open = strchr(t, '(');
            if (open != NULL && strchr(open, ')') != NULL)
                it->byline =
                    xstrndup(open + 1, (size_t)(strchr(open, ')') - open - 1));
            else if (strchr(t, '@') == NULL && *t != '\0')
                it->byline = xstrdup(t);
            free(t);
        } else if (feed_is(c, FEED_NS_CONTENT, "encoded")) {
            body[0] = body[0] ? body[0] : c;
        } else if (feed_is(c, FEED_NS_ATOM, "content")) {
            body[1] = body[1] ? body[1] : c;
        } else if (feed_plain(c, "description")) {
            body[2] = body[2] ? body[2] : c;
        } else if (feed_is(c, FEED_NS_ATOM, "summary")) {
            body[3] = body[3] ? body[3] : c;
        }
    }
    for (k = 0; k < 4; k++)
        if (body[k] != NULL)
            feed_body(
                it, body[k],
                body[k]->ns != NULL &&
                    strcmp((const char *)body[k]->ns->href, FEED_NS_ATOM) == 0);
    it->date = feed_date(pub != NULL ? pub : upd);
    free(pub);
    free(upd);
}

/* One item or entry made an article and handed on. */
static void
feed_item(struct feed_state *st, xmlNode *item)
{
    struct feed_item it = {0};
    struct article *a = NULL;
    const char *why = NULL;
    long line = xmlGetLineNo(item);
    xmlChar *lang;

    st->items++;
    feed_item_read(&it, item);
    if (it.body != NULL && it.html)
        a = html_article(st->path, it.body, strlen(it.body), "UTF-8", &why);
    else if (it.body != NULL)
        a = article_from_text(st->path, it.body, strlen(it.body));
    if (a != NULL && a->npara == 0) {
        article_free(a);
        a = NULL;
    }
    if (a == NULL) {
        char msg[160];
        snprintf(msg, sizeof msg, "item %ld: %s", st->items,
                 why != NULL ? why : "no text");
        st->sink->reject(st->sink->ctx, st->path, line > 0 ? line : 0, msg);
        st->rc = 1;
        feed_item_free(&it);
        return;
    }
    article_set(&a->format, st->atom ? "atom" : "rss");
    a->line = line > 0 ? line : 0;
    if (it.title != NULL)
        article_set(&a->title, it.title);
    if (it.link != NULL && strstr(it.link, "://") == NULL) {
        /* A relative link names no page by itself. */
        free(it.link);
        it.link = NULL;
    }
    if (it.link == NULL && it.guid != NULL && strstr(it.guid, "://") != NULL)
        it.link = xstrdup(it.guid);
    if (it.link != NULL) {
        article_set(&a->url, it.link);
        article_set(&a->domain, NULL);
    }
    if (it.guid != NULL)
        article_set(&a->guid, it.guid);
    if (it.date != NULL)
        article_set(&a->date, it.date);
    if (it.byline != NULL)
        article_set(&a->byline, it.byline);
    if (st->source != NULL)
        article_set(&a->source, st->source);
    lang = xmlNodeGetLang(item);
    if (lang != NULL)
        article_set(&a->lang, (const char *)lang);
    else if (st->lang != NULL)
        article_set(&a->lang, st->lang);
    xmlFree(lang);
    article_fill_domain(a);
    feed_item_free(&it);
    if (st->sink->article(st->sink->ctx, a) < 0)
        st->rc = -1;
}

/* Refuses the item that could not be expanded when it was too large,
 * naming the limit it went over; another failure is the parser's to
 * tell. */
static void
feed_item_too_large(struct feed_state *st, long line)
{
    char msg[160];

    if (!st->too_large && !st->huge_text)
        return;
    if (st->too_large)
        snprintf(msg, sizeof msg, "item %ld: article too large (over %u MB)",
                 st->items + 1, READER_MAX_ARTICLE >> 20);
    else
        snprintf(msg, sizeof msg,
                 "item %ld: article too large (a text of over 10 MB)",
                 st->items + 1);
    st->sink->reject(st->sink->ctx, st->path, line > 0 ? line : 0, msg);
    st->rc = 1;
}

/* The outlet in a feed title that also names a section ("Outlet »
 * Section", "Section – Outlet"): of the two sides of the first separator,
 * the longer, which is the outlet far more often. Caller frees. */
static char *
feed_outlet(const char *title)
{
    static const char *const seps[] = {
        " \xc2\xbb ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " | ", " > ",
        " - ",        " :: ",
    };
    size_t k;

    for (k = 0; k < sizeof seps / sizeof *seps; k++) {
        const char *p = strstr(title, seps[k]);
        const char *rest;
        size_t left;

        if (p == NULL)
            continue;
        left = (size_t)(p - title);
        rest = p + strlen(seps[k]);
        rest += strspn(rest, " ");
        while (left > 0 && title[left - 1] == ' ')
            left--;
        if (left == 0 || *rest == '\0')
            break;
        return left >= strlen(rest) ? xstrndup(title, left) : xstrdup(rest);
    }
    return xstrdup(title);
}

/* True when the reader stands on an item (RSS) or an entry (Atom). */
static bool
feed_at_item(xmlTextReader *rd, struct feed_state *st)
{
    const char *name = (const char *)xmlTextReaderConstLocalName(rd);
    const char *ns = (const char *)xmlTextReaderConstNamespaceUri(rd);

    if (strcmp(name, "item") == 0)
        return ns == NULL || strcmp(ns, FEED_NS_RSS1) == 0;
    if (strcmp(name, "entry") == 0 && ns != NULL &&
        strcmp(ns, FEED_NS_ATOM) == 0) {
        st->atom = true;
        return true;
    }
    return false;
}

/* Reads the feed's own title and language (children of channel or
 * feed). Returns true when the reader has been moved past the element. */
static bool
feed_channel(xmlTextReader *rd, struct feed_state *st)
{
    const char *name = (const char *)xmlTextReaderConstLocalName(rd);
    int depth = xmlTextReaderDepth(rd);
    xmlNode *n;

    if (depth != (st->atom ? 1 : 2) ||
        (strcmp(name, "title") != 0 && strcmp(name, "language") != 0))
        return false;
    n = xmlTextReaderExpand(rd);
    if (n == NULL || n->parent == NULL ||
        (!feed_is(n->parent, NULL, "channel") &&
         !feed_is(n->parent, FEED_NS_ATOM, "feed")))
        return false;
    if (strcmp(name, "title") == 0 && st->source == NULL) {
        char *t = feed_text(n, true);
        if (*t != '\0')
            st->source = feed_outlet(t);
        free(t);
    } else
        feed_take(&st->lang, n);
    return true;
}

/* The charset to read the feed in when libxml2 should not go by the
 * declaration: ISO-8859-1 and ASCII declared are read as Windows-1252
 * (curly quotes from 0x93/0x94), as is a feed without a declaration whose
 * first bytes are not UTF-8. NULL to go by the declaration. */
static const char *
feed_encoding(const char *head, size_t n)
{
    char decl[160], *p;
    size_t k, len = n < sizeof decl - 1 ? n : sizeof decl - 1, bad;

    for (k = 0; k < len; k++)
        decl[k] = (char)(head[k] >= 'A' && head[k] <= 'Z' ? head[k] + 32
                         : head[k] == '\0'                ? ' '
                                                          : head[k]);
    decl[len] = '\0';
    p = strstr(decl, "?>");
    if (p != NULL)
        *p = '\0';
    p = strstr(decl, "<?xml") ? strstr(decl, "encoding=") : NULL;
    if (p != NULL) {
        /* The declaration may end right after "encoding=": step over the
         * quote only when there is one. */
        p += 9;
        if (*p == '"' || *p == '\'')
            p++;
        if (strncmp(p, "iso-8859-1", 10) == 0 || strncmp(p, "latin1", 6) == 0 ||
            strncmp(p, "us-ascii", 8) == 0 || strncmp(p, "ascii", 5) == 0)
            return "windows-1252";
        return NULL;
    }
    if (n >= 2 &&
        ((unsigned char)head[0] == 0xff || (unsigned char)head[0] == 0xfe))
        return NULL;
    if (!utf8_valid(head, n, &bad) && bad + 4 < n)
        return "windows-1252";
    return NULL;
}

/* libxml2's own messages (a failed encoding conversion is told only this
 * way) become the feed's one-line error instead of reaching stderr. */
static void
feed_on_generic(void *data, const char *fmt, ...)
{
    struct feed_state *st = data;
    char msg[200];
    va_list ap;

    if (st->error[0] != '\0')
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (strstr(msg, "encod") != NULL || strstr(msg, "conversion") != NULL)
        snprintf(st->error, sizeof st->error,
                 "bytes that are not in its declared encoding");
    else
        snprintf(st->error, sizeof st->error, "not well-formed XML");
}

static int
read_feed_read(const char *path, FILE *fp, const char *head, size_t n,
               const struct reader_sink *sink)
{
    xmlGenericErrorFunc old = xmlGenericError;
    void *oldctx = xmlGenericErrorContext;
    struct feed_state st = {
        .path = path, .sink = sink, .fp = fp, .head = head, .n = n};
    xmlTextReader *rd;
    const char *enc;
    int r;

    enc = feed_encoding(head, n);
    rd = xmlReaderForIO(feed_io_read, feed_io_close, &st, path, enc,
                        XML_PARSE_NONET | XML_PARSE_NOERROR |
                            XML_PARSE_NOWARNING |
                            (enc != NULL ? XML_PARSE_IGNORE_ENC : 0));
    if (rd == NULL) {
        sink->reject(sink->ctx, path, 0, "cannot start the XML reader");
        return 1;
    }
    st.rd = rd;
    xmlTextReaderSetStructuredErrorHandler(rd, feed_error, &st);
    xmlSetGenericErrorFunc(&st, feed_on_generic);
    r = xmlTextReaderRead(rd);
    while (r == 1 && st.rc >= 0) {
        if (xmlTextReaderNodeType(rd) == XML_READER_TYPE_ELEMENT) {
            if (xmlTextReaderDepth(rd) == 0)
                st.atom =
                    feed_is(xmlTextReaderCurrentNode(rd), FEED_NS_ATOM, "feed");
            if (feed_at_item(rd, &st)) {
                xmlNode *item;
                long line = xmlGetLineNo(xmlTextReaderCurrentNode(rd));
                st.in_item = true;
                st.item_from = st.given;
                item = xmlTextReaderExpand(rd);
                st.in_item = false;
                if (item == NULL) {
                    feed_item_too_large(&st, line);
                    break;
                }
                feed_item(&st, item);
                r = xmlTextReaderNext(rd);
                continue;
            }
            if (feed_channel(rd, &st)) {
                r = xmlTextReaderNext(rd);
                continue;
            }
        }
        r = xmlTextReaderRead(rd);
    }
    if (st.rc >= 0 && !st.too_large && !st.huge_text &&
        (r < 0 || st.error[0] != '\0')) {
        if (st.error[0] == '\0')
            snprintf(st.error, sizeof st.error, "%s",
                     ferror(fp) ? strerror(errno) : "not well-formed XML");
        sink->reject(sink->ctx, path, 0, st.error);
        st.rc = 1;
    }
    xmlFreeTextReader(rd);
    xmlSetGenericErrorFunc(oldctx, old);
    free(st.source);
    free(st.lang);
    return st.rc;
}

/* The name of the first element after the prolog (XML declaration,
 * comments, processing instructions, a doctype with its internal subset),
 * copied into name; false when the head ends before it. */
static bool
feed_first_element(const char *s, size_t n, char *name, size_t cap)
{
    size_t i = 0, len;

    if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
        i = 3;
    for (;;) {
        while (i < n && strchr(" \t\r\n", s[i]) != NULL)
            i++;
        if (i + 1 >= n || s[i] != '<')
            return false;
        if (s[i + 1] == '?' || (i + 3 < n && memcmp(s + i, "<!--", 4) == 0)) {
            const char *end = s[i + 1] == '?' ? "?>" : "-->";
            size_t elen = strlen(end), j = i + 2;
            while (j + elen <= n && memcmp(s + j, end, elen) != 0)
                j++;
            if (j + elen > n)
                return false;
            i = j + elen;
        } else if (s[i + 1] == '!') {
            int depth = 0;
            for (i += 2; i < n && (s[i] != '>' || depth > 0); i++)
                depth += s[i] == '[' ? 1 : s[i] == ']' ? -1 : 0;
            if (i >= n)
                return false;
            i++;
        } else {
            break;
        }
    }
    i++;
    len = strcspn(s + i, " \t\r\n/>");
    if (i + len > n || len + 1 > cap)
        return false;
    memcpy(name, s + i, len);
    name[len] = '\0';
    return true;
}

static bool
read_feed_sniff(const char *head, size_t n)
{
    char name[64];
    struct buf b = {0};
    bool yes;

    buf_append(&b, head, n);
    /* A NUL ends the copy early; the scan needs no more than that. */
    if (feed_first_element(b.data, strlen(b.data), name, sizeof name)) {
        yes = strcmp(name, "rss") == 0 || strcmp(name, "rdf:RDF") == 0 ||
              (strcmp(name, "feed") == 0 &&
               strstr(b.data, "\"" FEED_NS_ATOM "\"") != NULL) ||
              (strcmp(name, "feed") == 0 &&
               strstr(b.data, "'" FEED_NS_ATOM "'") != NULL);
    } else {
        /* The prolog is longer than the head: go by what it names. */
        yes = reader_markup(head, n) && strstr(b.data, "<html") == NULL &&
              (strstr(b.data, "<rss") != NULL ||
               strstr(b.data, "<rdf:RDF") != NULL ||
               strstr(b.data, "<!DOCTYPE rss") != NULL ||
               strstr(b.data, "<!DOCTYPE feed") != NULL);
    }
    buf_free(&b);
    return yes;
}

const struct reader reader_feed = {
    .name = "feed",
    .sniff = read_feed_sniff,
    .read = read_feed_read,
};
