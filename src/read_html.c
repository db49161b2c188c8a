// SPDX-License-Identifier: MIT
/*
 * Reader for HTML pages and fragments: bytes in, one article out, parsed by
 * libxml2 without network. The content element (<article>, articleBody, or
 * the most paragraph text) gives one paragraph per block, without scripts,
 * navigation, asides, captions, credits, comments, hidden parts or a list
 * of links that closes it; metadata comes from <title>, OpenGraph,
 * article: meta, JSON-LD and <time>.
 */
#include <assert.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/tree.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "readers.h"
#include "utf8.h"
#include "xmalloc.h"

/* Elements whose content is never article text. */
static const char *const html_drop_tags[] = {
    "script",     "style",  "noscript", "nav",      "header", "footer",
    "aside",      "form",   "button",   "iframe",   "svg",    "figure",
    "figcaption", "select", "textarea", "template", "object", "embed",
    "canvas",     "video",  "audio",    "map",      "input",  "menu",
    "head",       "title",  "label",    "option",   "dialog",
};

/* Parts of an id or class that mark boilerplate. */
static const char *const html_drop_words[] = {
    "comment", "share",   "related",    "sidebar",   "widget", "nav",
    "menu",    "footer",  "breadcrumb", "social",    "promo",  "newsletter",
    "advert",  "caption", "sharing",    "subscribe", "credit", "contributor",
};

/* Elements that end a paragraph where they open and close. */
static const char *const html_block_tags[] = {
    "p",     "div",        "h1",      "h2", "h3",      "h4",      "h5",
    "h6",    "blockquote", "li",      "ul", "ol",      "dl",      "dt",
    "dd",    "table",      "tr",      "td", "th",      "section", "article",
    "main",  "pre",        "br",      "hr", "address", "center",  "body",
    "tbody", "thead",      "caption",
};

/* What a page says about itself, gathered before the body is read. */
struct html_meta {
    char *lang, *title, *og_title, *og_site, *og_url, *canonical;
    char *published, *time, *meta_date, *author, *author_link;
    char *ld_headline, *ld_date, *ld_author, *ld_publisher, *ld_url;
    char *bookmark;      /* href of a permalink in a heading */
    struct buf headings; /* h1 and h2 texts, NUL-separated */
};

/* libxml2 gives HTML element names in lower case (it folds them as it
 * parses), so tags compare with strcmp; name is a lower-case tag. */
static bool
html_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name[0] == name[0] &&
           strcmp((const char *)n->name, name) == 0;
}

/* True when a tag is in a list of lower-case tags. The first byte is
 * tested first: most tags are in no list, and this runs on every node. */
static bool
html_tag_in(const xmlChar *name, const char *const *list, size_t len)
{
    size_t k;

    for (k = 0; k < len; k++)
        if (name[0] == list[k][0] && strcmp((const char *)name, list[k]) == 0)
            return true;
    return false;
}

static bool
html_in_list(const char *name, const char *const *list, size_t len)
{
    size_t k;

    for (k = 0; k < len; k++)
        if (strcasecmp(name, list[k]) == 0)
            return true;
    return false;
}

/* An attribute's value, or NULL. Caller frees with xmlFree. */
static char *
html_attr(const xmlNode *n, const char *name)
{
    return (char *)xmlGetNoNsProp(n, (const xmlChar *)name);
}

/* Copies an attribute into a metadata field when the field is unset. */
static void
html_take_attr(char **field, const xmlNode *n, const char *name)
{
    char *v;

    if (*field != NULL)
        return;
    v = html_attr(n, name);
    if (v != NULL && v[strspn(v, " \t\r\n")] != '\0')
        *field = xstrdup(v);
    xmlFree(v);
}

/* Appends s with runs of white space made one space. The text never
 * grows, so room is made once and the bytes are written in place. */
static void
html_put_text(struct buf *b, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = strlen(s), w;
    char *d;

    if (n == 0)
        return;
    buf_reserve(b, n);
    d = b->data;
    w = b->len;
    while (*u != '\0') {
        /* Most bytes are above the space and not the lead byte of a
         * no-break space: they go over in a loop that tests only that
         * (the NUL at the end stops it too). */
        while (*u > ' ' && *u != 0xc2)
            d[w++] = (char)*u++;
        if (*u == ' ' || (*u >= '\t' && *u <= '\r')) {
            u++;
        } else if (*u == 0xc2 && u[1] == 0xa0) {
            /* U+00A0 no-break space is a space here too. */
            u += 2;
        } else {
            if (*u != '\0')
                d[w++] = (char)*u++;
            continue;
        }
        if (w > 0 && d[w - 1] != ' ')
            d[w++] = ' ';
    }
    d[w] = '\0';
    b->len = w;
}

/* Moves to the next node of a depth-first walk under top; skip means the
 * children of n are not visited. Iterative, so deep nesting cannot
 * overflow the stack. leave, when not NULL, is called on every element
 * the walk steps out of. */
static xmlNode *
html_next(xmlNode *n, const xmlNode *top, bool skip,
          void (*leave)(void *, xmlNode *), void *ctx)
{
    if (!skip && n->type == XML_ELEMENT_NODE && n->children != NULL)
        return n->children;
    if (leave != NULL && !skip && n->type == XML_ELEMENT_NODE && n != top)
        leave(ctx, n);
    if (n == top)
        return NULL;
    while (n->next == NULL) {
        n = n->parent;
        if (n == NULL || n == top)
            return NULL;
        if (leave != NULL)
            leave(ctx, n);
    }
    return n->next;
}

/* The text of the elements under n (entities are never expanded: only
 * text and CDATA nodes count), white space collapsed and trimmed. Caller
 * frees. */
static char *
html_text(xmlNode *n)
{
    struct buf b = {0};
    xmlNode *c = n->children;
    size_t start;
    char *t;

    while (c != NULL) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
            c->content != NULL)
            html_put_text(&b, (const char *)c->content);
        c = html_next(c, n, html_is(c, "script") || html_is(c, "style"), NULL,
                      NULL);
    }
    while (b.len > 0 && b.data[b.len - 1] == ' ')
        b.len--;
    start = b.len > 0 && b.data[0] == ' ' ? 1 : 0;
    t = xstrndup(b.data != NULL ? b.data + start : "", b.len - start);
    buf_free(&b);
    return t;
}

/* True when an id, class or role names boilerplate. Words of a class are
 * split at - and _; one matches a drop word that it starts or ends with.
 * WordPress taxonomy classes (category-x, tag-x, c-x, a-x) name the
 * post's subjects, not its parts, and are not looked at. */
static bool
html_part_drop(const char *q, size_t part)
{
    size_t k, w;

    /* An opinion piece's "commentary" is its body, not its comments. */
    if (part >= 10 && strncasecmp(q, "commentary", 10) == 0)
        return false;
    for (k = 0; k < sizeof html_drop_words / sizeof *html_drop_words; k++) {
        w = strlen(html_drop_words[k]);
        if (part >= w &&
            (strncasecmp(q, html_drop_words[k], w) == 0 ||
             strncasecmp(q + part - w, html_drop_words[k], w) == 0))
            return true;
    }
    return false;
}

/* True when a WordPress taxonomy class (category-x, tag-x, c-x, a-x)
 * names the post's subjects, not its parts. A theme may prefix them with
 * s- on <body> (s-category-x, s-tag-x). */
static bool
html_taxonomy(const char *p, size_t tok)
{
    if (tok > 6 && strncmp(p, "s-", 2) == 0 &&
        (strncasecmp(p + 2, "tag-", 4) == 0 ||
         (tok > 11 && strncasecmp(p + 2, "category-", 9) == 0))) {
        p += 2;
        tok -= 2;
    }
    return (tok > 2 && (memcmp(p, "c-", 2) == 0 || memcmp(p, "a-", 2) == 0)) ||
           (tok > 4 && memcmp(p, "tag-", 4) == 0) ||
           (tok > 9 && strncasecmp(p, "category-", 9) == 0);
}

static bool
html_words_drop(const char *v)
{
    const char *p = v + strspn(v, " \t\r\n");

    while (*p != '\0') {
        size_t tok = strcspn(p, " \t\r\n");
        const char *end = p + tok, *q = p;

        while (!html_taxonomy(p, tok) && q < end) {
            size_t part = strcspn(q, "-_ \t\r\n");

            if ((size_t)(end - q) < part)
                part = (size_t)(end - q);
            if (html_part_drop(q, part))
                return true;
            q += part;
            if (q < end)
                q++;
        }
        p = end + strspn(end, " \t\r\n");
    }
    return false;
}

/* The attributes html_dropped reads: enum, name. */
#define HTML_DROP_ATTRS(X)                                                     \
    X(HIDDEN, "hidden")                                                        \
    X(ARIA_HIDDEN, "aria-hidden")                                              \
    X(STYLE, "style")                                                          \
    X(ROLE, "role")                                                            \
    X(ID, "id")                                                                \
    X(CLASS, "class")

enum html_drop_attr {
#define X(e, name) HTML_A_##e,
    HTML_DROP_ATTRS(X)
#undef X
        HTML_A_COUNT
};

static const char *const html_drop_attrs[] = {
#define X(e, name) name,
    HTML_DROP_ATTRS(X)
#undef X
};
static_assert(sizeof html_drop_attrs / sizeof *html_drop_attrs == HTML_A_COUNT,
              "one name per attribute");

#define HTML_HAS(has, e) (((has) & (1u << HTML_A_##e)) != 0)

/* Which of html_drop_attrs an element has, as bits (1 << enum), found in
 * one pass over its attributes (most have none of them) rather than one
 * lookup each. */
static unsigned
html_drop_attrs_of(const xmlNode *n)
{
    const xmlAttr *a;
    unsigned has = 0;
    size_t k;

    for (a = n->properties; a != NULL; a = a->next)
        for (k = 0; k < HTML_A_COUNT; k++)
            if (a->name[0] == html_drop_attrs[k][0] &&
                strcmp((const char *)a->name, html_drop_attrs[k]) == 0)
                has |= 1u << k;
    return has;
}

/* True when the element and all under it are not article text: a dropped
 * tag, a boilerplate id/class/role, or hidden. */
static bool
html_dropped(const xmlNode *n)
{
    static const char *const roles[] = {
        "navigation", "complementary", "banner", "contentinfo", "search",
        "menu",       "menubar",       "dialog", "alert",
    };
    char *v;
    bool drop = false;
    unsigned has;

    if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE)
        return true;
    if (n->type != XML_ELEMENT_NODE)
        return false;
    if (html_tag_in(n->name, html_drop_tags,
                    sizeof html_drop_tags / sizeof *html_drop_tags))
        return true;
    has = html_drop_attrs_of(n);
    if (has == 0)
        return false;
    if (HTML_HAS(has, HIDDEN))
        return true;
    if (HTML_HAS(has, ARIA_HIDDEN) &&
        (v = html_attr(n, "aria-hidden")) != NULL) {
        drop = strcasecmp(v, "true") == 0;
        xmlFree(v);
    }
    if (!drop && HTML_HAS(has, STYLE) && (v = html_attr(n, "style")) != NULL) {
        struct buf s = {0};
        const char *p;
        for (p = v; *p != '\0'; p++)
            if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
                buf_putc(&s, (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p));
        drop = s.data != NULL && (strstr(s.data, "display:none") != NULL ||
                                  strstr(s.data, "visibility:hidden") != NULL);
        buf_free(&s);
        xmlFree(v);
    }
    if (!drop && HTML_HAS(has, ROLE) && (v = html_attr(n, "role")) != NULL) {
        drop = html_in_list(v, roles, sizeof roles / sizeof *roles);
        xmlFree(v);
    }
    if (!drop && HTML_HAS(has, ID) && (v = html_attr(n, "id")) != NULL) {
        drop = html_words_drop(v);
        xmlFree(v);
    }
    if (!drop && HTML_HAS(has, CLASS) && (v = html_attr(n, "class")) != NULL) {
        drop = html_words_drop(v);
        xmlFree(v);
    }
    return drop;
}

/* A date kept when it is ISO 8601 already (YYYY-MM-DD, maybe a time). */
static bool
html_iso_date(const char *s)
{
    int k;

    if (s == NULL)
        return false;
    for (k = 0; k < 10; k++) {
        if (k == 4 || k == 7) {
            if (s[k] != '-')
                return false;
        } else if (s[k] < '0' || s[k] > '9') {
            return false;
        }
    }
    return true;
}

/* A string member of a JSON object, or NULL. */
static const char *
html_json_str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);

    if (json_is_array(v))
        v = json_array_get(v, 0);
    if (json_is_object(v))
        v = json_object_get(v, "name");
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static void
html_set_once(char **field, const char *v)
{
    if (*field == NULL && v != NULL && *v != '\0')
        *field = xstrdup(v);
}

static bool
html_ld_news(json_t *o)
{
    static const char *const types[] = {
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "BlogPosting",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "WebPage",
    };
    json_t *t = json_object_get(o, "@type");
    size_t k, i;

    for (i = 0; i < (json_is_array(t) ? json_array_size(t) : 1); i++) {
        json_t *one = json_is_array(t) ? json_array_get(t, i) : t;
        if (!json_is_string(one))
            continue;
        /* WebPage only counts when nothing better is there: last. */
        for (k = 0; k + 1 < sizeof types / sizeof *types; k++)
            if (strcmp(json_string_value(one), types[k]) == 0)
                return true;
    }
    return false;
}

/* Looks for a NewsArticle in JSON-LD (an object, an array, or @graph). */
static void
html_ld_walk(struct html_meta *m, json_t *v, int depth)
{
    size_t i;

    if (depth > 4 || v == NULL)
        return;
    if (json_is_array(v)) {
        for (i = 0; i < json_array_size(v); i++)
            html_ld_walk(m, json_array_get(v, i), depth + 1);
        return;
    }
    if (!json_is_object(v))
        return;
    if (html_ld_news(v)) {
        html_set_once(&m->ld_headline, html_json_str(v, "headline"));
        html_set_once(&m->ld_date, html_json_str(v, "datePublished"));
        html_set_once(&m->ld_author, html_json_str(v, "author"));
        html_set_once(&m->ld_publisher, html_json_str(v, "publisher"));
        html_set_once(&m->ld_url, html_json_str(v, "url"));
    }
    html_ld_walk(m, json_object_get(v, "@graph"), depth + 1);
}

static void
html_ld(struct html_meta *m, xmlNode *script)
{
    char *text = html_text(script);
    json_t *v = json_loads(text, JSON_DECODE_ANY, NULL);

    html_ld_walk(m, v, 0);
    json_decref(v);
    free(text);
}

/* One <meta>: OpenGraph, article:, author and date names. */
static void
html_meta_tag(struct html_meta *m, xmlNode *n)
{
    char *key = html_attr(n, "property");

    if (key == NULL)
        key = html_attr(n, "name");
    if (key == NULL)
        key = html_attr(n, "itemprop");
    if (key == NULL)
        return;
    if (strcasecmp(key, "og:title") == 0)
        html_take_attr(&m->og_title, n, "content");
    else if (strcasecmp(key, "og:site_name") == 0)
        html_take_attr(&m->og_site, n, "content");
    else if (strcasecmp(key, "og:url") == 0)
        html_take_attr(&m->og_url, n, "content");
    else if (strcasecmp(key, "article:published_time") == 0 ||
             strcasecmp(key, "datePublished") == 0)
        html_take_attr(&m->published, n, "content");
    else if (strcasecmp(key, "author") == 0)
        html_take_attr(&m->author, n, "content");
    else if (strcasecmp(key, "date") == 0 || strcasecmp(key, "dc.date") == 0 ||
             strcasecmp(key, "dcterms.date") == 0 ||
             strcasecmp(key, "pubdate") == 0)
        html_take_attr(&m->meta_date, n, "content");
    xmlFree(key);
}

/* Walks the whole document once for its metadata. */
static void
html_meta_read(struct html_meta *m, xmlDoc *doc)
{
    xmlNode *top = xmlDocGetRootElement(doc), *n = top;

    if (top != NULL)
        html_take_attr(&m->lang, top, "lang");
    while (n != NULL) {
        bool skip = false;

        if (n->type != XML_ELEMENT_NODE) {
            n = html_next(n, top, true, NULL, NULL);
            continue;
        }
        if (html_is(n, "title") && m->title == NULL) {
            m->title = html_text(n);
            skip = true;
        } else if (html_is(n, "meta")) {
            html_meta_tag(m, n);
        } else if (html_is(n, "link")) {
            char *rel = html_attr(n, "rel");
            if (rel != NULL && strcasecmp(rel, "canonical") == 0)
                html_take_attr(&m->canonical, n, "href");
            xmlFree(rel);
        } else if (html_is(n, "time")) {
            html_take_attr(&m->time, n, "datetime");
        } else if (html_is(n, "script")) {
            char *type = html_attr(n, "type");
            if (type != NULL && strcasecmp(type, "application/ld+json") == 0)
                html_ld(m, n);
            xmlFree(type);
            skip = true;
        } else if (html_is(n, "h1") || html_is(n, "h2")) {
            char *t = html_text(n);
            xmlNode *a;
            buf_append(&m->headings, t, strlen(t) + 1);
            free(t);
            for (a = n->children; a != NULL; a = a->next) {
                char *rel = html_is(a, "a") ? html_attr(a, "rel") : NULL;
                if (rel != NULL && strcasecmp(rel, "bookmark") == 0)
                    html_take_attr(&m->bookmark, a, "href");
                xmlFree(rel);
            }
        } else if (html_is(n, "a") && m->author_link == NULL) {
            char *rel = html_attr(n, "rel"), *href = html_attr(n, "href");
            if ((rel != NULL && strcasecmp(rel, "author") == 0) ||
                (href != NULL && strstr(href, "/author/") != NULL)) {
                char *t = html_text(n);
                /* A picture link has no text: the next one may. */
                if (*t != '\0' && strlen(t) < 80)
                    m->author_link = t;
                else
                    free(t);
            }
            xmlFree(rel);
            xmlFree(href);
        }
        n = html_next(n, top, skip, NULL, NULL);
    }
}

static void
html_meta_free(struct html_meta *m)
{
    free(m->lang);
    free(m->title);
    free(m->og_title);
    free(m->og_site);
    free(m->og_url);
    free(m->canonical);
    free(m->published);
    free(m->time);
    free(m->meta_date);
    free(m->author);
    free(m->author_link);
    free(m->ld_headline);
    free(m->ld_date);
    free(m->ld_author);
    free(m->ld_publisher);
    free(m->ld_url);
    free(m->bookmark);
    buf_free(&m->headings);
}

/* True when s[0..len) and t are the same words, up to case and the kind
 * of quote marks (a <title> and its heading often differ so). */
static bool
html_same(const char *s, size_t len, const char *t)
{
    struct buf key = {0};
    bool same;

    utf8_fold(&key, t, strlen(t), false);
    same = key.len > 0 && utf8_fold_equal(s, len, key.data, key.len);
    buf_free(&key);
    return same;
}

static bool
html_is_heading(const struct html_meta *m, const char *s, size_t len)
{
    size_t i = 0;

    while (i < m->headings.len) {
        const char *h = m->headings.data + i;
        if (html_same(s, len, h))
            return true;
        i += strlen(h) + 1;
    }
    return false;
}

/* Splits "Site » Headline" (or "Headline | Site") when one side is a
 * heading of the page or og:title: sets *title and *site (either may stay
 * NULL). */
static void
html_title_split(const struct html_meta *m, char **title, char **site)
{
    static const char *const seps[] = {
        " \xc2\xbb ",     " | ",  " - ", " \xe2\x80\x94 ",
        " \xe2\x80\x93 ", " :: ", " : ",
    };
    const char *t = m->title;
    size_t k;

    if (t == NULL)
        return;
    for (k = 0; k < sizeof seps / sizeof *seps; k++) {
        const char *p = strstr(t, seps[k]);
        const char *rest;
        size_t left;

        if (p == NULL)
            continue;
        left = (size_t)(p - t);
        while (left > 0 && t[left - 1] == ' ')
            left--;
        rest = p + strlen(seps[k]);
        rest += strspn(rest, " ");
        if (html_is_heading(m, rest, strlen(rest)) ||
            (m->og_title != NULL &&
             html_same(rest, strlen(rest), m->og_title))) {
            *title = xstrdup(rest);
            *site = xstrndup(t, left);
            return;
        }
        if (html_is_heading(m, t, left) ||
            (m->og_title != NULL && html_same(t, left, m->og_title))) {
            *title = xstrndup(t, left);
            *site = xstrdup(rest);
            return;
        }
    }
}

/* A date from a /YYYY/MM/DD/ path, as YYYY-MM-DD, or NULL. */
static char *
html_url_date(const char *url)
{
    const char *p;

    if (url == NULL)
        return NULL;
    for (p = strchr(url, '/'); p != NULL; p = strchr(p + 1, '/')) {
        int k;
        bool good = true;
        for (k = 1; k <= 10 && good; k++) {
            char c = p[k];
            if (k == 5 || k == 8)
                good = c == '/';
            else
                good = c >= '0' && c <= '9';
        }
        if (good && (p[11] == '/' || p[11] == '\0') &&
            (p[1] == '1' || p[1] == '2'))
            return xasprintf("%.4s-%.2s-%.2s", p + 1, p + 6, p + 9);
    }
    return NULL;
}

static void
html_meta_apply(struct article *a, struct html_meta *m)
{
    char *title = NULL, *site = NULL, *d;
    const char *date = NULL;
    const char *dates[] = {m->published, m->ld_date, m->time, m->meta_date};
    size_t k;

    html_title_split(m, &title, &site);
    article_set(&a->lang, m->lang);
    article_set(&a->title, m->ld_headline ? m->ld_headline
                           : m->og_title  ? m->og_title
                           : title        ? title
                                          : m->title);
    article_set(&a->source, m->ld_publisher ? m->ld_publisher
                            : m->og_site    ? m->og_site
                                            : site);
    if (a->source != NULL && strstr(a->source, "://") != NULL)
        article_set(&a->source, NULL);
    article_set(&a->url, m->canonical ? m->canonical
                         : m->og_url  ? m->og_url
                         : m->ld_url  ? m->ld_url
                                      : m->bookmark);
    if (a->url != NULL && strstr(a->url, "://") == NULL)
        article_set(&a->url, NULL);
    article_set(&a->byline, m->ld_author ? m->ld_author
                            : m->author  ? m->author
                                         : m->author_link);
    for (k = 0; k < sizeof dates / sizeof *dates && date == NULL; k++)
        if (html_iso_date(dates[k]))
            date = dates[k];
    if (date != NULL) {
        article_set(&a->date, date);
    } else if ((d = html_url_date(a->url)) != NULL) {
        article_set(&a->date, d);
        free(d);
    }
    article_fill_domain(a);
    free(title);
    free(site);
}

/* The paragraph text an element holds directly in its <p> children and
 * deeper, for choosing the content element. */
struct html_score {
    xmlNode *node;
    size_t score;
};

/* Picks the content element: itemprop=articleBody, else the <article>
 * with the most text, else the element whose paragraphs hold the most
 * text (a paragraph counts fully for its parent, half for the parent's
 * parent). NULL when there is no such element. */
static xmlNode *
html_content(xmlNode *top, bool *scored)
{
    struct html_score *s = NULL;
    size_t ns = 0, cap = 0, k, best_article = 0;
    xmlNode *n = top, *article = NULL, *best = NULL;
    size_t best_score = 0;

    while (n != NULL) {
        bool skip = n != top && html_dropped(n);

        if (!skip && n->type == XML_ELEMENT_NODE) {
            char *ip = html_attr(n, "itemprop");
            bool body = ip != NULL && strstr(ip, "articleBody") != NULL;
            xmlFree(ip);
            if (body) {
                free(s);
                return n;
            }
        }
        if (!skip &&
            (html_is(n, "p") || html_is(n, "pre") || html_is(n, "article"))) {
            char *t = html_text(n);
            size_t len = strlen(t);
            xmlNode *up[2] = {n->parent, n->parent ? n->parent->parent : NULL};
            int u;

            free(t);
            if (html_is(n, "article")) {
                if (len > best_article) {
                    best_article = len;
                    article = n;
                }
                len = 0;
            }
            for (u = 0; u < 2 && len > 0; u++) {
                if (up[u] == NULL || up[u]->type != XML_ELEMENT_NODE)
                    break;
                /* The node's slot, kept in its _private field. */
                k = (size_t)(uintptr_t)up[u]->_private;
                if (k-- == 0) {
                    if (ns == cap) {
                        cap = cap ? cap * 2 : 32;
                        s = xreallocarray(s, cap, sizeof *s);
                    }
                    s[ns] = (struct html_score){up[u], 0};
                    up[u]->_private = (void *)(uintptr_t)++ns;
                    k = ns - 1;
                }
                s[k].score += u == 0 ? len : len / 2;
            }
        }
        n = html_next(n, top, skip || html_is(n, "p"), NULL, NULL);
    }
    for (k = 0; k < ns; k++)
        if (s[k].score > best_score) {
            best_score = s[k].score;
            best = s[k].node;
        }
    free(s);
    if (article != NULL && best_article >= 200)
        return article;
    *scored = best != NULL;
    return best;
}

/* The length of the text of the <p> elements under n. */
static size_t
html_ptext(xmlNode *top)
{
    xmlNode *n = top;
    size_t sum = 0;

    while (n != NULL) {
        bool skip = n != top && html_dropped(n);

        if (!skip && html_is(n, "p")) {
            char *t = html_text(n);
            sum += strlen(t);
            free(t);
            skip = true;
        }
        n = html_next(n, top, skip, NULL, NULL);
    }
    return sum;
}

/* The length of the text of the links under n. */
static size_t
html_link_text(xmlNode *top)
{
    xmlNode *n = top;
    size_t sum = 0;

    while (n != NULL) {
        bool link = html_is(n, "a");

        if (link) {
            char *t = html_text(n);
            sum += strlen(t);
            free(t);
        }
        n = html_next(n, top, link, NULL, NULL);
    }
    return sum;
}

/* True when a sibling of the content element scored by paragraph text
 * belongs to the article too (as readability does): a paragraph of 80
 * bytes or more that is mostly not links, or an element with as much
 * paragraph text, and at least a fifth of the content's. A paragraph left
 * outside by a page's broken nesting comes back so. */
static bool
html_sibling_kept(xmlNode *n, size_t content_text)
{
    char *t;
    size_t len;

    if (n->type != XML_ELEMENT_NODE || html_dropped(n))
        return false;
    if (!html_is(n, "p")) {
        len = html_ptext(n);
        return len >= 80 && len * 5 >= content_text;
    }
    t = html_text(n);
    len = strlen(t);
    free(t);
    return len >= 80 && html_link_text(n) * 4 < len;
}

/* A block of the body as built: where it starts in the body (at the blank
 * line before it), its length, how much of it is link text, and whether
 * it is a heading. */
struct html_para {
    size_t start;
    size_t len;
    size_t links;
    bool heading;
};

/* Builds the body: one paragraph per block, "\n\n" between them. */
struct html_body {
    struct buf out;
    struct buf cur;
    size_t cur_links; /* bytes of cur that are link text */
    bool cur_heading; /* cur holds text of a heading */
    struct html_para *paras;
    size_t npara, cap;
    struct buf title_key; /* the title folded (utf8_fold), once */
    bool title_done;
};

static bool
html_block(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE &&
           html_tag_in(n->name, html_block_tags,
                       sizeof html_block_tags / sizeof *html_block_tags);
}

static void
html_flush(struct html_body *hb)
{
    struct buf *c = &hb->cur;
    size_t start = 0;

    while (c->len > 0 && c->data[c->len - 1] == ' ')
        c->len--;
    while (start < c->len && c->data[start] == ' ')
        start++;
    if (start < c->len) {
        size_t len = c->len - start;
        /* As html_same, with the title folded once for all blocks. */
        bool is_title = hb->title_key.len > 0 &&
                        utf8_fold_equal(c->data + start, len,
                                        hb->title_key.data, hb->title_key.len);
        if (!is_title || !hb->title_done) {
            if (hb->npara == hb->cap) {
                hb->cap = hb->cap ? hb->cap * 2 : 32;
                hb->paras =
                    xreallocarray(hb->paras, hb->cap, sizeof *hb->paras);
            }
            hb->paras[hb->npara++] = (struct html_para){
                hb->out.len, len, hb->cur_links < len ? hb->cur_links : len,
                hb->cur_heading};
            if (hb->out.len > 0)
                buf_puts(&hb->out, "\n\n");
            buf_append(&hb->out, c->data + start, len);
        }
        if (is_title)
            hb->title_done = true;
    }
    buf_reset(c);
    hb->cur_links = 0;
    hb->cur_heading = false;
}

static void
html_leave(void *ctx, xmlNode *n)
{
    if (html_block(n))
        html_flush(ctx);
}

static bool
html_heading(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE && n->name[0] == 'h' &&
           n->name[1] >= '1' && n->name[1] <= '6' && n->name[2] == '\0';
}

/* Appends a text node to the block, noting whether it is link or heading
 * text. */
static void
html_body_text(struct html_body *hb, const xmlNode *n)
{
    const xmlNode *up;
    size_t len = hb->cur.len;
    bool link = false;

    html_put_text(&hb->cur, (const char *)n->content);
    for (up = n->parent; up != NULL; up = up->parent) {
        link = link || html_is(up, "a");
        hb->cur_heading = hb->cur_heading || html_heading(up);
    }
    if (link)
        hb->cur_links += hb->cur.len - len;
}

static void
html_body_read(struct html_body *hb, xmlNode *top)
{
    xmlNode *n = top;

    while (n != NULL) {
        bool skip = n != top && html_dropped(n);

        if (!skip) {
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
                html_body_text(hb, n);
            else if (html_block(n))
                html_flush(hb);
        }
        n = html_next(n, top, skip, html_leave, hb);
    }
    html_flush(hb);
}

/* True when a block announces a list that follows: a heading, or a short
 * line ending in a colon ("Other related articles:"). */
static bool
html_lead_in(const struct html_body *hb, const struct html_para *p)
{
    const char *s = hb->out.data + p->start + (p->start > 0 ? 2 : 0);
    size_t k, words = 1;

    if (p->heading)
        return true;
    for (k = 0; k < p->len; k++)
        words += s[k] == ' ';
    return words <= 8 && s[p->len - 1] == ':';
}

/* Cuts a list of links that ends the body (related articles, "read
 * more"): the last blocks whose text is at least half link text, and the
 * line or heading that announces them. Links within the article are its
 * sources and stay; the first block always stays. */
static void
html_cut_link_tail(struct html_body *hb)
{
    size_t n = hb->npara;

    while (n > 1 && hb->paras[n - 1].links * 2 >= hb->paras[n - 1].len)
        n--;
    if (n == hb->npara)
        return;
    if (n > 1 && html_lead_in(hb, &hb->paras[n - 1]))
        n--;
    hb->out.len = hb->paras[n].start;
    hb->npara = n;
}

/* s[0..n) with ASCII capitals made small, NUL-terminated; a NUL byte in
 * it becomes a space when nul_space. Caller frees. */
static char *
html_lower(const char *s, size_t n, bool nul_space)
{
    const uint64_t ones = 0x0101010101010101u, tops = 0x8080808080808080u;
    char *low = xmalloc(n + 1);
    size_t i;

    /* Eight bytes at a time, as every file is sniffed: in each byte with
     * the top bit clear (ASCII), adding 0x3f sets it from 'A' up and
     * adding 0x25 from past 'Z' up, with no carry into the next byte; a
     * capital, or a NUL to become a space, gets 0x20 (the top bit >> 2). */
    for (i = 0; i + 8 <= n; i += 8) {
        uint64_t w, low7, upper, nul;

        memcpy(&w, s + i, sizeof w);
        low7 = w & ~tops;
        upper = ((low7 + (0x80 - 'A') * ones) ^ (low7 + (0x7f - 'Z') * ones)) &
                ~w & tops;
        nul = nul_space ? ~((low7 + ~tops) | w) & tops : 0;
        w |= (upper | nul) >> 2;
        memcpy(low + i, &w, sizeof w);
    }
    for (; i < n; i++) {
        char c = s[i];

        if (c >= 'A' && c <= 'Z')
            c = (char)(c + ('a' - 'A'));
        else if (c == '\0' && nul_space)
            c = ' ';
        low[i] = c;
    }
    low[n] = '\0';
    return low;
}

/* The charset a page declares in its first bytes (<meta charset> or an
 * http-equiv content type, or an XML declaration), lower case, or NULL.
 * Caller frees. */
static char *
html_declared_charset(const char *s, size_t n)
{
    const char *p;
    char *low, *cs = NULL;
    size_t len;

    if (n == 0)
        return NULL;
    if (n > 16384)
        n = 16384;
    low = html_lower(s, n, false);
    p = strstr(low, "charset=");
    if (p == NULL) {
        p = strstr(low, "<?xml");
        p = p ? strstr(p, "encoding=") : NULL;
        if (p != NULL)
            p++;
    }
    if (p != NULL) {
        p = strchr(p, '=') + 1;
        p += strspn(p, " \"'");
        len = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789-_:.");
        if (len > 0 && len < 40)
            cs = xstrndup(p, len);
    }
    free(low);
    return cs;
}

/* libxml2 tells a failed charset conversion only through its generic
 * error function, on stderr; this one notes it instead. */
static void
html_on_generic(void *data, const char *fmt, ...)
{
    bool *badenc = data;
    char msg[200];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (strstr(msg, "encod") != NULL || strstr(msg, "conversion") != NULL)
        *badenc = true;
}

/* Parses without network; *deep is set when libxml2 stopped at its
 * nesting limit, *badenc when the bytes do not fit the charset. */
static xmlDoc *
html_parse(const char *path, const char *s, size_t n, const char *enc,
           bool *deep, bool *badenc)
{
    xmlGenericErrorFunc old = xmlGenericError;
    void *oldctx = xmlGenericErrorContext;
    htmlParserCtxt *ctxt;
    xmlDoc *doc;

    *deep = *badenc = false;
    if (n > (size_t)INT32_MAX)
        return NULL;
    ctxt = htmlNewParserCtxt();
    if (ctxt == NULL)
        return NULL;
    xmlSetGenericErrorFunc(badenc, html_on_generic);
    doc = htmlCtxtReadMemory(ctxt, s, (int)n, path, enc,
                             HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                 HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
    xmlSetGenericErrorFunc(oldctx, old);
    *deep = ctxt->lastError.message != NULL &&
            strstr(ctxt->lastError.message, "Excessive depth") != NULL;
    htmlFreeParserCtxt(ctxt);
    return doc;
}

/* True when the markup says it is a whole page rather than a fragment. */
static bool
html_whole_page(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i + 5 <= n; i++)
        if (s[i] == '<' && strncasecmp(s + i + 1, "body", 4) == 0)
            return true;
    return false;
}

/* True when libxml2 can convert from the named charset. */
static bool
html_known(const char *name)
{
    xmlCharEncodingHandler *h = xmlFindCharEncodingHandler(name);

    if (h == NULL)
        return false;
    xmlCharEncCloseFunc(h);
    return true;
}

struct article *
html_article(const char *path, const char *html, size_t len,
             const char *encoding, const char **why)
{
    char *declared = NULL, *conv = NULL;
    const char *enc = encoding;
    struct html_meta m = {0};
    struct html_body hb = {0};
    struct article *a = NULL;
    xmlDoc *doc = NULL;
    xmlNode *root, *content;
    size_t convlen;
    bool deep = false, scored = false, badenc = false;

    *why = NULL;
    if (enc == NULL) {
        declared = html_declared_charset(html, len);
        if (declared != NULL && (strcmp(declared, "iso-8859-1") == 0 ||
                                 strcmp(declared, "latin1") == 0 ||
                                 strcmp(declared, "us-ascii") == 0 ||
                                 strcmp(declared, "ascii") == 0))
            enc = "windows-1252"; /* what browsers read them as */
        else if (declared != NULL && strcmp(declared, "utf-8") != 0 &&
                 strcmp(declared, "utf8") != 0 && html_known(declared))
            enc = declared;
    }
    if (enc == NULL) {
        /* Undeclared or UTF-8: valid UTF-8 stays, else Windows-1252. */
        if (reader_to_utf8(html, len, &conv, &convlen, why) < 0)
            goto out;
        html = conv;
        len = convlen;
        enc = "UTF-8";
    }
    doc = html_parse(path, html, len, enc, &deep, &badenc);
    root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (badenc) {
        /* libxml2 stops converting at the first bad byte: what it read
         * would be a cut article. */
        *why = "bytes that are not in its declared charset";
        goto out;
    }
    if (root == NULL) {
        *why = deep ? "elements nested too deep" : "no text in the page";
        goto out;
    }
    html_meta_read(&m, doc);
    a = article_from_text(path, "", 0);
    html_meta_apply(a, &m);
    content = html_whole_page(html, len) ? html_content(root, &scored) : NULL;
    if (content == NULL)
        content = root;
    if (a->title != NULL)
        utf8_fold(&hb.title_key, a->title, strlen(a->title), false);
    if (scored && content->parent != NULL &&
        content->parent->type == XML_ELEMENT_NODE) {
        size_t text = html_ptext(content);
        xmlNode *c;

        for (c = content->parent->children; c != NULL; c = c->next)
            if (c == content || html_sibling_kept(c, text))
                html_body_read(&hb, c);
    } else {
        html_body_read(&hb, content);
    }
    if (hb.out.len == 0 && content != root)
        html_body_read(&hb, root);
    html_cut_link_tail(&hb);
    if (hb.out.len == 0) {
        *why = deep ? "elements nested too deep" : "no text in the page";
        article_free(a);
        a = NULL;
        goto out;
    }
    {
        struct article *b = article_from_text(path, hb.out.data, hb.out.len);
        /* The metadata moves over to the article with the body. */
        b->url = a->url, a->url = NULL;
        b->title = a->title, a->title = NULL;
        b->source = a->source, a->source = NULL;
        b->domain = a->domain, a->domain = NULL;
        b->byline = a->byline, a->byline = NULL;
        b->date = a->date, a->date = NULL;
        b->lang = a->lang, a->lang = NULL;
        article_free(a);
        a = b;
        article_set(&a->format, "html");
        if (a->npara == 0) {
            *why = "no text in the page";
            article_free(a);
            a = NULL;
        }
    }
out:
    buf_free(&hb.out);
    buf_free(&hb.cur);
    buf_free(&hb.title_key);
    free(hb.paras);
    html_meta_free(&m);
    xmlFreeDoc(doc);
    free(conv);
    free(declared);
    return a;
}

static bool
html_has(const char *low, const char *what)
{
    return strstr(low, what) != NULL;
}

/* True when the input opens with an HTML element (a fragment such as
 * "<p>...</p>" or "<ul><li>..."). */
static bool
html_opens_with_element(const char *low)
{
    static const char *const tags[] = {
        "p",    "div", "ul",     "ol",     "li",  "table",   "blockquote",
        "span", "a",   "strong", "em",     "b",   "i",       "h1",
        "h2",   "h3",  "h4",     "h5",     "h6",  "section", "article",
        "main", "br",  "img",    "figure", "pre", "center",  "font",
        "dl",   "hr",  "!--",
    };
    size_t k, len;

    if (strncmp(low, "\xef\xbb\xbf", 3) == 0)
        low += 3;
    low += strspn(low, " \t\r\n");
    if (*low++ != '<')
        return false;
    len = strspn(low, "abcdefghijklmnopqrstuvwxyz0123456789!-");
    if (len >= 3 && strncmp(low, "!--", 3) == 0)
        len = 3;
    for (k = 0; k < sizeof tags / sizeof *tags; k++)
        if (strlen(tags[k]) == len && strncmp(low, tags[k], len) == 0)
            return true;
    return false;
}

static bool
read_html_sniff(const char *head, size_t n)
{
    char *low;
    bool yes;

    if (n == 0)
        return false;
    low = html_lower(head, n, true);
    yes = html_has(low, "<!doctype html") || html_has(low, "<html") ||
          html_has(low, "<head") || html_has(low, "<body") ||
          html_opens_with_element(low) ||
          (reader_markup(head, n) && html_has(low, "<p"));
    if (html_has(low, "<rss") || html_has(low, "<rdf:rdf") ||
        html_has(low, "http://www.w3.org/2005/atom\"") ||
        html_has(low, "<nitf") || html_has(low, "<newsitem") ||
        html_has(low, "<newsmessage"))
        yes = false;
    free(low);
    return yes;
}

static int
read_html_read(const char *path, FILE *fp, const char *head, size_t n,
               const struct reader_sink *sink)
{
    char *raw;
    size_t rawlen;
    const char *why = NULL;
    struct article *a;

    if (reader_slurp(path, fp, head, n, sink, &raw, &rawlen) < 0)
        return 1;
    a = html_article(path, raw, rawlen, NULL, &why);
    free(raw);
    if (a == NULL) {
        sink->reject(sink->ctx, path, 0, why ? why : "no text in the page");
        return 1;
    }
    return sink->article(sink->ctx, a) < 0 ? -1 : 0;
}

const struct reader reader_html = {
    .name = "html",
    .sniff = read_html_sniff,
    .read = read_html_read,
};
