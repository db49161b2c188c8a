// SPDX-License-Identifier: MIT
/*
 * Reader for agency XML: NITF (a nitf root, or NITF inside a NewsML-G2
 * inlineXML) and NewsML-G2 (newsItem, packageItem, newsMessage). In: the
 * whole file, parsed with libxml2 without network, DTD or entities. Out:
 * one article per NITF document or per news item, body paragraphs from the
 * markup's blocks, metadata from the item's head.
 */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "readers.h"
#include "utf8.h"
#include "xmalloc.h"

#define G2_NS "http://iptc.org/std/nar/2006-10-01/"

/* libxml2 2.12 hands structured errors as const. */
#if LIBXML_VERSION >= 21200
#define NEWSXML_ERROR_CONST const
#else
#define NEWSXML_ERROR_CONST
#endif

/* Elements that hold no article text: media, captions, tables, notes. */
static const char *const newsxml_skip[] = {
    "media", "nitf-table", "table", "note", "script", "style", "head",
    "figure", "figcaption", "aside", "nav", "noscript", "iframe", "object",
    "img", "audio", "video", "body.head", "body.end", "footer",
};

/* Elements that end the paragraph before them and start one after. */
static const char *const newsxml_block[] = {
    "p", "hl1", "hl2", "h1", "h2", "h3", "h4", "h5", "h6", "block", "bq",
    "blockquote", "ol", "ul", "dl", "li", "dt", "dd", "pre", "div",
    "section", "article", "main", "header", "body", "html",
    "body.content", "credit", "fn", "tagline", "address", "hr",
};

/* Article metadata gathered from the markup; each field owned or NULL. */
struct newsxml_meta {
    char *title, *byline, *date, *source, *url, *guid, *lang;
};

/* Paragraphs gathered from the markup. */
struct newsxml_paras {
    struct buf all;     /* paragraphs joined by "\n\n" */
    struct buf cur;     /* the paragraph being gathered */
    size_t n;
};

struct newsxml_run {
    const char *path;
    const struct reader_sink *sink;
    int rc;
};

static bool
newsxml_in(const char *name, const char *const *list, size_t n)
{
    size_t k;

    for (k = 0; k < n; k++)
        if (strcmp(name, list[k]) == 0)
            return true;
    return false;
}

/* True when node is an element of local name name (any namespace). */
static bool
newsxml_is(const xmlNode *node, const char *name)
{
    return node != NULL && node->type == XML_ELEMENT_NODE &&
           strcmp((const char *)node->name, name) == 0;
}

static xmlNode *
newsxml_child(const xmlNode *node, const char *name)
{
    xmlNode *c;

    if (node == NULL)
        return NULL;
    for (c = node->children; c != NULL; c = c->next)
        if (newsxml_is(c, name))
            return c;
    return NULL;
}

/* Follows a path of local names ("body/body.head/hedline"), first match at
 * each step. */
static xmlNode *
newsxml_path(const xmlNode *node, const char *path)
{
    char name[64];

    while (node != NULL && *path != '\0') {
        size_t len = strcspn(path, "/");
        if (len >= sizeof name)
            return NULL;
        memcpy(name, path, len);
        name[len] = '\0';
        node = newsxml_child(node, name);
        path += len + (path[len] == '/');
    }
    return (xmlNode *)node;
}

/* Collapses runs of white space to one space and trims, in place. */
static char *
newsxml_squeeze(char *s)
{
    char *w = s;
    const char *r;
    bool space = false;

    for (r = s; *r != '\0'; r++) {
        if (strchr(" \t\r\n\f\v", *r) != NULL) {
            space = w > s;
            continue;
        }
        if (space)
            *w++ = ' ';
        space = false;
        *w++ = *r;
    }
    *w = '\0';
    return s;
}

/* Appends the text of node and its descendant elements. Entity references
 * are never followed, so nothing is expanded. */
static void
newsxml_text(struct buf *b, const xmlNode *node)
{
    const xmlNode *c;

    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        if (node->content != NULL)
            buf_puts(b, (const char *)node->content);
        return;
    }
    if (node->type != XML_ELEMENT_NODE)
        return;
    for (c = node->children; c != NULL; c = c->next)
        newsxml_text(b, c);
}

/* The text of node, white space collapsed. Caller frees; NULL when node is
 * NULL or holds no text. */
static char *
newsxml_clean(const xmlNode *node)
{
    struct buf b = {0};
    char *s;

    if (node == NULL)
        return NULL;
    newsxml_text(&b, node);
    s = newsxml_squeeze(buf_take(&b));
    if (*s == '\0') {
        free(s);
        return NULL;
    }
    return s;
}

/* An attribute's value, white space collapsed, read from its text nodes
 * only. ns NULL for no namespace. Caller frees; NULL when absent or
 * empty. */
static char *
newsxml_attr(const xmlNode *node, const char *name, const char *ns)
{
    xmlAttr *at;
    struct buf b = {0};
    const xmlNode *c;
    char *s;

    if (node == NULL)
        return NULL;
    at = xmlHasNsProp(node, (const xmlChar *)name, (const xmlChar *)ns);
    if (at == NULL || at->type != XML_ATTRIBUTE_NODE)
        return NULL;
    buf_append(&b, "", 0);
    for (c = at->children; c != NULL; c = c->next)
        if (c->type == XML_TEXT_NODE && c->content != NULL)
            buf_puts(&b, (const char *)c->content);
    s = newsxml_squeeze(buf_take(&b));
    if (*s == '\0') {
        free(s);
        return NULL;
    }
    return s;
}

/* xml:lang of node or its nearest ancestor. Caller frees. */
static char *
newsxml_lang(const xmlNode *node)
{
    char *s;

    for (; node != NULL && node->type == XML_ELEMENT_NODE;
         node = node->parent)
        if ((s = newsxml_attr(node, "lang", (const char *)XML_XML_NAMESPACE))
            != NULL)
            return s;
    return NULL;
}

static bool
newsxml_http(const char *s)
{
    return s != NULL && (strncmp(s, "http://", 7) == 0 ||
                         strncmp(s, "https://", 8) == 0);
}

/* Puts value in *field when the field is empty; else frees value. */
static void
newsxml_take(char **field, char *value)
{
    if (*field == NULL)
        *field = value;
    else
        free(value);
}

static void
newsxml_meta_free(struct newsxml_meta *m)
{
    free(m->title);
    free(m->byline);
    free(m->date);
    free(m->source);
    free(m->url);
    free(m->guid);
    free(m->lang);
    memset(m, 0, sizeof *m);
}

static bool
newsxml_digits(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

/* An NITF date (ISO 8601 basic: 20030405T121500Z, 20030405) made ISO 8601
 * extended; one already extended is kept. Takes s; returns NULL when s is
 * not a date. */
static char *
newsxml_nitf_date(char *s)
{
    struct buf b = {0};
    const char *t;

    if (s == NULL)
        return NULL;
    if (strlen(s) >= 10 && newsxml_digits(s, 4) && s[4] == '-')
        return s;
    if (!newsxml_digits(s, 8)) {
        free(s);
        return NULL;
    }
    buf_printf(&b, "%.4s-%.2s-%.2s", s, s + 4, s + 6);
    t = s + 8;
    if (*t == 'T' && newsxml_digits(t + 1, 4)) {
        buf_printf(&b, "T%.2s:%.2s", t + 1, t + 3);
        t += 5;
        if (newsxml_digits(t, 2)) {
            buf_printf(&b, ":%.2s", t);
            t += 2;
        }
        if (*t == 'Z') {
            buf_putc(&b, 'Z');
        } else if ((*t == '+' || *t == '-') && newsxml_digits(t + 1, 2)) {
            const char *m = t + 3 + (t[3] == ':');
            buf_printf(&b, "%c%.2s:%.2s", *t, t + 1,
                       newsxml_digits(m, 2) ? m : "00");
        }
    }
    free(s);
    return buf_take(&b);
}

/* Ends the paragraph being gathered. */
static void
newsxml_flush(struct newsxml_paras *p)
{
    buf_append(&p->cur, "", 0);
    newsxml_squeeze(p->cur.data);
    p->cur.len = strlen(p->cur.data);
    if (p->cur.len == 0)
        return;
    if (p->all.len > 0)
        buf_puts(&p->all, "\n\n");
    buf_append(&p->all, p->cur.data, p->cur.len);
    p->n++;
    buf_reset(&p->cur);
}

/* Gathers the paragraphs under node: each block element one paragraph (or
 * several, when it holds blocks), inline text joined. Depth is bounded by
 * libxml2's nesting limit. */
static void
newsxml_blocks(struct newsxml_paras *p, const xmlNode *node)
{
    const xmlNode *c;

    for (c = node->children; c != NULL; c = c->next) {
        const char *name = (const char *)c->name;

        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content != NULL)
                buf_puts(&p->cur, (const char *)c->content);
            continue;
        }
        if (newsxml_is(c, "br")) {
            buf_putc(&p->cur, ' ');
            continue;
        }
        if (c->type != XML_ELEMENT_NODE ||
            newsxml_in(name, newsxml_skip,
                       sizeof newsxml_skip / sizeof *newsxml_skip))
            continue;
        if (newsxml_in(name, newsxml_block,
                       sizeof newsxml_block / sizeof *newsxml_block)) {
            newsxml_flush(p);
            newsxml_blocks(p, c);
            newsxml_flush(p);
        } else {
            newsxml_blocks(p, c);
        }
    }
}

/* The paragraphs of an NITF document: every body/body.content. */
static void
newsxml_nitf_body(struct newsxml_paras *p, const xmlNode *nitf)
{
    const xmlNode *body = newsxml_child(nitf, "body"), *c;

    if (body == NULL)
        return;
    for (c = body->children; c != NULL; c = c->next)
        if (newsxml_is(c, "body.content")) {
            newsxml_blocks(p, c);
            newsxml_flush(p);
        }
}

/* Fills what m lacks from an NITF document's head and body.head. */
static void
newsxml_nitf_meta(struct newsxml_meta *m, const xmlNode *nitf)
{
    const xmlNode *docdata = newsxml_path(nitf, "head/docdata");
    const xmlNode *pubdata = newsxml_path(nitf, "head/pubdata");
    char *s;

    newsxml_take(&m->title, newsxml_clean(newsxml_path(nitf, "head/title")));
    newsxml_take(&m->title, newsxml_clean(
                     newsxml_path(nitf, "body/body.head/hedline/hl1")));
    s = newsxml_clean(newsxml_path(nitf, "body/body.head/byline"));
    if (s != NULL && strlen(s) > 3 && strchr("Bb", s[0]) != NULL &&
        strchr("Yy", s[1]) != NULL && s[2] == ' ')
        memmove(s, s + 3, strlen(s + 3) + 1);
    newsxml_take(&m->byline, s);
    newsxml_take(&m->date, newsxml_nitf_date(newsxml_attr(
                     newsxml_child(docdata, "date.issue"), "norm", NULL)));
    newsxml_take(&m->date, newsxml_nitf_date(
                     newsxml_attr(pubdata, "date.publication", NULL)));
    newsxml_take(&m->source, newsxml_attr(
                     newsxml_child(docdata, "doc.copyright"), "holder", NULL));
    newsxml_take(&m->source, newsxml_attr(pubdata, "name", NULL));
    s = newsxml_attr(newsxml_child(docdata, "doc-id"), "id-string", NULL);
    newsxml_take(&m->guid, s != NULL ? xstrdup(s) : NULL);
    newsxml_take(&m->url, newsxml_http(s) ? s : (free(s), NULL));
    s = newsxml_attr(pubdata, "ex-ref", NULL);
    newsxml_take(&m->url, newsxml_http(s) ? s : (free(s), NULL));
    newsxml_take(&m->lang, newsxml_lang(nitf));
}

/* The texts of several elements of one name under node, joined by ", ".
 * Caller frees; NULL when there are none. */
static char *
newsxml_names(const xmlNode *node, const char *name, const char *sub)
{
    struct buf b = {0};
    const xmlNode *c;

    if (node == NULL)
        return NULL;
    for (c = node->children; c != NULL; c = c->next) {
        char *s;
        if (!newsxml_is(c, name))
            continue;
        s = newsxml_clean(sub != NULL ? newsxml_child(c, sub) : c);
        if (s == NULL)
            continue;
        if (b.len > 0)
            buf_puts(&b, ", ");
        buf_puts(&b, s);
        free(s);
    }
    return b.len > 0 ? buf_take(&b) : NULL;
}

/* Fills m from a NewsML-G2 item's rightsInfo, itemMeta and contentMeta. */
static void
newsxml_g2_meta(struct newsxml_meta *m, const xmlNode *item)
{
    const xmlNode *im = newsxml_child(item, "itemMeta");
    const xmlNode *cm = newsxml_child(item, "contentMeta");
    const xmlNode *provider = newsxml_child(im, "provider");
    const xmlNode *holder = newsxml_path(item, "rightsInfo/copyrightHolder");
    const xmlNode *c;
    char *s;

    newsxml_take(&m->title, newsxml_clean(newsxml_child(cm, "headline")));
    newsxml_take(&m->date, newsxml_clean(newsxml_child(im, "versionCreated")));
    newsxml_take(&m->date, newsxml_clean(newsxml_child(cm, "contentCreated")));
    newsxml_take(&m->byline, newsxml_names(cm, "by", NULL));
    newsxml_take(&m->byline, newsxml_names(cm, "creator", "name"));
    newsxml_take(&m->source, newsxml_attr(provider, "literal", NULL));
    newsxml_take(&m->source, newsxml_clean(newsxml_child(provider, "name")));
    newsxml_take(&m->source, newsxml_attr(holder, "literal", NULL));
    newsxml_take(&m->source, newsxml_clean(newsxml_child(holder, "name")));
    /* Only a link that names the item itself; seeAlso points elsewhere. */
    for (c = im != NULL ? im->children : NULL; c != NULL; c = c->next) {
        char *rel, *href;
        const char *r;
        if (!newsxml_is(c, "link"))
            continue;
        rel = newsxml_attr(c, "rel", NULL);
        r = rel != NULL && strchr(rel, ':') != NULL ? strchr(rel, ':') + 1
                                                     : rel;
        href = newsxml_attr(c, "href", NULL);
        if (r != NULL && newsxml_http(href) &&
            (strcmp(r, "self") == 0 || strcmp(r, "canonical") == 0 ||
             strcmp(r, "alternate") == 0))
            newsxml_take(&m->url, href);
        else
            free(href);
        free(rel);
    }
    s = newsxml_attr(item, "guid", NULL);
    newsxml_take(&m->guid, s != NULL ? xstrdup(s) : NULL);
    newsxml_take(&m->url, newsxml_http(s) ? s : (free(s), NULL));
    newsxml_take(&m->lang, newsxml_lang(item));
    newsxml_take(&m->lang,
                 newsxml_attr(newsxml_child(cm, "language"), "tag", NULL));
}

/* Gathers the text of one rendition, an inlineXML or an inlineData; an
 * NITF document inside also fills what m lacks. Returns the format the
 * text came in. */
static const char *
newsxml_rendition(struct newsxml_paras *p, struct newsxml_meta *m,
                  const xmlNode *r)
{
    const xmlNode *nitf;
    char *enc;
    struct buf b = {0};

    if (newsxml_is(r, "inlineXML")) {
        for (nitf = r->children; nitf != NULL; nitf = nitf->next)
            if (newsxml_is(nitf, "nitf"))
                break;
        if (nitf == NULL) {
            newsxml_blocks(p, r);
            newsxml_flush(p);
            return "newsml-g2";
        }
        newsxml_nitf_body(p, nitf);
        if (p->n > 0)
            newsxml_nitf_meta(m, nitf);
        return "nitf";
    }
    if (!newsxml_is(r, "inlineData"))
        return "newsml-g2";
    /* Plain text: its own line breaks make the paragraphs. Encoded data
     * (base64) is not read. */
    enc = newsxml_attr(r, "encoding", NULL);
    if (enc == NULL) {
        newsxml_text(&b, r);
        buf_append(&b, "", 0);
        if (b.data[strspn(b.data, " \t\r\n\f\v")] != '\0') {
            buf_append(&p->all, b.data, b.len);
            p->n++;
        }
    }
    buf_free(&b);
    free(enc);
    return "newsml-g2";
}

/* The text of a contentSet: its first rendition that has text. */
static const char *
newsxml_content(struct newsxml_paras *p, struct newsxml_meta *m,
                const xmlNode *set)
{
    const xmlNode *c;
    const char *format;

    for (c = set->children; c != NULL; c = c->next) {
        format = newsxml_rendition(p, m, c);
        if (p->n > 0)
            return format;
    }
    return "newsml-g2";
}

static void
newsxml_note(struct newsxml_run *run, int r)
{
    if (r < 0 || run->rc < 0)
        run->rc = -1;
    else if (r > run->rc)
        run->rc = r;
}

static void
newsxml_reject(struct newsxml_run *run, long line, const char *why)
{
    run->sink->reject(run->sink->ctx, run->path, line, why);
    newsxml_note(run, 1);
}

/* Hands on one article made of p and m, or rejects with why when p holds
 * no text. */
static void
newsxml_emit(struct newsxml_run *run, struct newsxml_paras *p,
             const struct newsxml_meta *m, const char *format, long line,
             const char *why)
{
    struct article *a;

    if (run->rc < 0)
        return;
    if (p->n == 0) {
        newsxml_reject(run, line, why);
        return;
    }
    a = article_from_text(run->path, p->all.data, p->all.len);
    if (a->npara == 0) {
        article_free(a);
        newsxml_reject(run, line, why);
        return;
    }
    article_set(&a->format, format);
    article_set(&a->title, m->title);
    article_set(&a->byline, m->byline);
    article_set(&a->date, m->date);
    article_set(&a->source, m->source);
    article_set(&a->url, m->url);
    article_set(&a->guid, m->guid);
    article_set(&a->lang, m->lang);
    if (a->source != NULL && strstr(a->source, "://") != NULL)
        article_set(&a->source, NULL);  /* a URL is never a source */
    article_fill_domain(a);
    newsxml_note(run, run->sink->article(run->sink->ctx, a) < 0 ? -1 : 0);
}

static void
newsxml_paras_free(struct newsxml_paras *p)
{
    buf_free(&p->all);
    buf_free(&p->cur);
}

static void
newsxml_nitf(struct newsxml_run *run, const xmlNode *nitf, long line)
{
    struct newsxml_paras p = {0};
    struct newsxml_meta m = {0};

    newsxml_nitf_body(&p, nitf);
    newsxml_nitf_meta(&m, nitf);
    newsxml_emit(run, &p, &m, "nitf", line, "NITF document with no text");
    newsxml_paras_free(&p);
    newsxml_meta_free(&m);
}

static void
newsxml_item(struct newsxml_run *run, const xmlNode *item, long line)
{
    struct newsxml_paras p = {0};
    struct newsxml_meta m = {0};
    const xmlNode *set = newsxml_child(item, "contentSet");
    const char *format = "newsml-g2", *why = "news item with no text";

    newsxml_g2_meta(&m, item);
    if (set != NULL)
        format = newsxml_content(&p, &m, set);
    if (set == NULL)
        why = "news item with no text (no contentSet)";
    else if (newsxml_child(set, "inlineXML") != NULL)
        why = "news item with no text (its inlineXML is empty)";
    else if (newsxml_child(set, "remoteContent") != NULL)
        why = "news item with no text (remote content only)";
    newsxml_emit(run, &p, &m, format, line, why);
    newsxml_paras_free(&p);
    newsxml_meta_free(&m);
}

/* Reads the newsItems found under node (not inside those items). Returns
 * how many there were. */
static size_t
newsxml_inner_items(struct newsxml_run *run, const xmlNode *node)
{
    const xmlNode *c;
    size_t n = 0;

    for (c = node->children; c != NULL && run->rc >= 0; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (newsxml_is(c, "newsItem")) {
            newsxml_item(run, c, xmlGetLineNo(c));
            n++;
        } else {
            n += newsxml_inner_items(run, c);
        }
    }
    return n;
}

static void
newsxml_package(struct newsxml_run *run, const xmlNode *pkg, long line)
{
    if (newsxml_inner_items(run, pkg) == 0)
        newsxml_reject(run, line, "package of references, no text");
}

static void
newsxml_message(struct newsxml_run *run, const xmlNode *msg)
{
    const xmlNode *set = newsxml_child(msg, "itemSet"), *c;
    size_t n = 0;
    char why[128];

    for (c = set != NULL ? set->children : NULL; c != NULL && run->rc >= 0;
         c = c->next) {
        long line = xmlGetLineNo(c);

        if (c->type != XML_ELEMENT_NODE)
            continue;
        n++;
        if (newsxml_is(c, "newsItem")) {
            newsxml_item(run, c, line);
        } else if (newsxml_is(c, "packageItem")) {
            newsxml_package(run, c, line);
        } else {
            snprintf(why, sizeof why, "%.64s, not a news item",
                     (const char *)c->name);
            newsxml_reject(run, line, why);
        }
    }
    if (n == 0)
        newsxml_reject(run, 0, "news message with no items");
}

/* The root element's name (prefix included) from the first bytes, skipping
 * the XML declaration, comments, processing instructions and white space;
 * a DOCTYPE's name stands for the root. Returns false when there is none. */
static bool
newsxml_root(const char *head, size_t n, char *name, size_t size)
{
    size_t i = 0, len;
    const char *s;

    if (n >= 3 && memcmp(head, "\xef\xbb\xbf", 3) == 0)
        i = 3;
    for (;;) {
        while (i < n && strchr(" \t\r\n", head[i]) != NULL)
            i++;
        if (i + 1 >= n || head[i] != '<')
            return false;
        if (head[i + 1] == '?' || (i + 3 < n && memcmp(head + i, "<!--",
                                                       4) == 0)) {
            const char *end = head[i + 1] == '?' ? "?>" : "-->";
            size_t len = strlen(end);

            for (i += len == 2 ? 2 : 4; i + len <= n &&
                 memcmp(head + i, end, len) != 0; i++)
                ;
            i += len;
            continue;
        }
        if (i + 9 < n && memcmp(head + i, "<!DOCTYPE", 9) == 0) {
            i += 9;
            while (i < n && strchr(" \t\r\n", head[i]) != NULL)
                i++;
            break;
        }
        if (head[i + 1] == '!')
            return false;
        i++;
        break;
    }
    s = head + i;
    for (len = 0; i + len < n && strchr(" \t\r\n/>[", s[len]) == NULL; len++)
        ;
    if (len == 0 || len >= size || i + len >= n)
        return false;
    memcpy(name, s, len);
    name[len] = '\0';
    return true;
}

static bool
newsxml_has(const char *head, size_t n, const char *what)
{
    size_t len = strlen(what), i;

    for (i = 0; i + len <= n; i++)
        if (memcmp(head + i, what, len) == 0)
            return true;
    return false;
}

/* NITF by its root's name; NewsML-G2 by its root's name and namespace; a
 * bare G2 contentSet or inlineXML when it carries IPTC markup. */
static bool
read_newsxml_sniff(const char *head, size_t n)
{
    char name[64], narrow[2048];
    const char *local;
    size_t k;

    /* UTF-16 with a byte order mark: the markup is ASCII, one byte in
     * two. */
    if (n >= 2 && ((unsigned char)head[0] == 0xff ||
                   (unsigned char)head[0] == 0xfe) &&
        (unsigned char)head[1] == ((unsigned char)head[0] ^ 1)) {
        size_t lo = (unsigned char)head[0] == 0xff ? 0 : 1;
        for (k = 0; k < sizeof narrow && 2 * k + 3 < n; k++)
            narrow[k] = head[2 * k + 2 + lo];
        head = narrow;
        n = k;
    }
    if (!newsxml_root(head, n, name, sizeof name))
        return false;
    local = strchr(name, ':') != NULL ? strchr(name, ':') + 1 : name;
    if (strcmp(local, "nitf") == 0)
        return true;
    if (strcmp(local, "newsItem") == 0 || strcmp(local, "packageItem") == 0 ||
        strcmp(local, "newsMessage") == 0)
        return newsxml_has(head, n, G2_NS);
    if (strcmp(local, "contentSet") == 0 || strcmp(local, "inlineXML") == 0)
        return newsxml_has(head, n, "http://iptc.org/std/");
    return false;
}

/* What went wrong in a parse. libxml2 goes on after its first error, and
 * its last is often only a consequence ("Premature end of data"); the
 * first fatal one names the fault. Encoding errors come on its generic
 * channel, which would print. */
struct newsxml_error {
    int line;
    bool fatal;
    char msg[160];
    char generic[160];
};

/* Makes a libxml2 message one clean phrase. */
static void
newsxml_phrase(char *msg)
{
    char *hint;
    size_t k;

    for (k = 0; msg[k] != '\0'; k++)
        if ((unsigned char)msg[k] < 0x20 || msg[k] == 0x7f)
            msg[k] = ' ';
    /* Advice to the programmer, not to the reader of the message. */
    hint = strstr(msg, " use XML_PARSE_HUGE option");
    if (hint != NULL)
        *hint = '\0';
    newsxml_squeeze(msg);
}

static void
newsxml_on_error(void *data, NEWSXML_ERROR_CONST xmlError *e)
{
    struct newsxml_error *err = ((xmlParserCtxt *)data)->_private;
    bool fatal;

    if (err == NULL || e == NULL || e->level < XML_ERR_ERROR)
        return;
    fatal = e->level == XML_ERR_FATAL;
    if (err->msg[0] != '\0' && (err->fatal || !fatal))
        return;
    snprintf(err->msg, sizeof err->msg, "%s",
             e->message != NULL ? e->message : "parse error");
    newsxml_phrase(err->msg);
    err->line = e->line;
    err->fatal = fatal;
}

static void
newsxml_on_generic(void *data, const char *fmt, ...)
{
    struct newsxml_error *err = data;
    size_t len = strlen(err->generic);
    va_list ap;

    /* A message comes in pieces; the first message is kept whole. */
    if (len > 0 && err->generic[len - 1] == '\n')
        return;
    va_start(ap, fmt);
    vsnprintf(err->generic + len, sizeof err->generic - len, fmt, ap);
    va_end(ap);
}

/* The parse failure made one phrase. */
static void
newsxml_parse_error(struct newsxml_error *err, char *why, size_t size)
{
    if (err->generic[0] != '\0') {
        newsxml_phrase(err->generic);
        snprintf(why, size, "not well-formed XML: %s", err->generic);
    } else if (err->line > 0) {
        snprintf(why, size, "not well-formed XML at line %d: %s", err->line,
                 err->msg);
    } else {
        snprintf(why, size, "not well-formed XML: %s",
                 err->msg[0] != '\0' ? err->msg : "parse error");
    }
}

/* True when the bytes have no byte order mark, no declared encoding, and
 * are not UTF-8: they are then converted like the other readers do
 * (Windows-1252, else Latin-1). */
static bool
newsxml_undeclared(const char *raw, size_t len)
{
    const char *end;

    if (len >= 2 && ((unsigned char)raw[0] >= 0xfe ||
                     (unsigned char)raw[0] == 0xef))
        return false;
    if (utf8_valid(raw, len, NULL))
        return false;
    if (len > 5 && memcmp(raw, "<?xml", 5) == 0) {
        end = memchr(raw, '>', len);
        if (end != NULL && newsxml_has(raw, (size_t)(end - raw), "encoding"))
            return false;
    }
    return true;
}

/* Parses raw[0..len) without network, DTD or entity substitution. Returns
 * the document (caller frees with xmlFreeDoc), or NULL with why filled. */
static xmlDoc *
newsxml_parse(const char *raw, size_t len, char *why, size_t size)
{
    struct newsxml_error err = {0};
    xmlGenericErrorFunc old = xmlGenericError;
    void *oldctx = xmlGenericErrorContext;
    xmlParserCtxt *ctxt = xmlNewParserCtxt();
    xmlDoc *doc = NULL;
    char *text = NULL;
    const char *bad = NULL;
    size_t textlen = 0;

    if (ctxt == NULL) {
        snprintf(why, size, "XML parser could not start");
        return NULL;
    }
    if (newsxml_undeclared(raw, len)) {
        if (reader_to_utf8(raw, len, &text, &textlen, &bad) < 0) {
            snprintf(why, size, "%s", bad);
            goto out;
        }
        raw = text;
        len = textlen;
    }
    ctxt->_private = &err;
    ctxt->sax->serror = newsxml_on_error;
    xmlSetGenericErrorFunc(&err, newsxml_on_generic);
    /* No NOENT, no DTDLOAD: entities stay references, no DTD is read. */
    doc = xmlCtxtReadMemory(ctxt, raw, (int)len, NULL, NULL,
                            XML_PARSE_NONET | XML_PARSE_NOERROR |
                            XML_PARSE_NOWARNING);
    xmlSetGenericErrorFunc(oldctx, old);
    if (doc == NULL)
        newsxml_parse_error(&err, why, size);
out:
    xmlFreeParserCtxt(ctxt);
    free(text);
    return doc;
}

/* Reads what the document's root holds. */
static void
newsxml_doc(struct newsxml_run *run, const xmlNode *root)
{
    char why[128];

    if (newsxml_is(root, "nitf")) {
        newsxml_nitf(run, root, 0);
    } else if (newsxml_is(root, "newsItem")) {
        newsxml_item(run, root, 0);
    } else if (newsxml_is(root, "packageItem")) {
        newsxml_package(run, root, 0);
    } else if (newsxml_is(root, "newsMessage")) {
        newsxml_message(run, root);
    } else if (newsxml_is(root, "contentSet") ||
               newsxml_is(root, "inlineXML")) {
        struct newsxml_paras p = {0};
        struct newsxml_meta m = {0};
        const char *format = newsxml_is(root, "inlineXML")
                                 ? newsxml_rendition(&p, &m, root)
                                 : newsxml_content(&p, &m, root);

        newsxml_emit(run, &p, &m, format, 0, "content set with no text");
        newsxml_paras_free(&p);
        newsxml_meta_free(&m);
    } else {
        snprintf(why, sizeof why, "XML root <%.64s> is not NITF or NewsML-G2",
                 root != NULL ? (const char *)root->name : "");
        newsxml_reject(run, 0, why);
    }
}

static int
read_newsxml_read(const char *path, FILE *fp, const char *head, size_t n,
                  const struct reader_sink *sink)
{
    struct newsxml_run run = {path, sink, 0};
    xmlDoc *doc;
    char *raw = NULL, why[256];
    size_t rawlen = 0;

    if (reader_slurp(path, fp, head, n, sink, &raw, &rawlen) < 0) {
        newsxml_note(&run, 1);
        return run.rc;
    }
    doc = newsxml_parse(raw, rawlen, why, sizeof why);
    if (doc == NULL)
        newsxml_reject(&run, 0, why);
    else
        newsxml_doc(&run, xmlDocGetRootElement(doc));
    xmlFreeDoc(doc);
    free(raw);
    return run.rc;
}

const struct reader reader_newsxml = {
    .name = "newsxml",
    .sniff = read_newsxml_sniff,
    .read = read_newsxml_read,
};
