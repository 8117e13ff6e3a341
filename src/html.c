/*
 * Ingest of web pages: HTML bytes -> the article's text, its paragraphs and
 * captions, and the page's metadata.
 *
 * The page is converted to UTF-8 (html_charset.c) and parsed by libxml2's
 * HTML parser, which repairs broken markup the way browsers of its time did
 * and never touches the network. One walk over the tree, without recursion,
 * flattens it into elements and text blocks (see html.h); html_content.c
 * picks the blocks that are the article and html_meta.c reads the metadata.
 * The article's blocks become paragraphs separated by blank lines, then the
 * captions follow, one paragraph each, so that the rest of the pipeline reads
 * the page exactly as it reads plain text.
 */
#include "html.h"
#include "utf8.h"

#include <stdio.h>

/* ---- small string helpers ---------------------------------------------------------- */

static char lower_ascii(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

int ascii_ieq(const char *a, const char *b)
{
    while (*a && lower_ascii(*a) == lower_ascii(*b))
        a++, b++;
    return lower_ascii(*a) == lower_ascii(*b);
}

int ascii_istarts(const char *s, const char *prefix)
{
    while (*prefix && lower_ascii(*s) == *prefix)
        s++, prefix++;
    return *prefix == 0;
}

int ascii_icontains(const char *s, const char *word)
{
    for (; *s; s++)
        if (lower_ascii(*s) == word[0] && ascii_istarts(s, word))
            return 1;
    return 0;
}

const char *html_attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (!a->name || strcmp((const char *)a->name, name) != 0)
            continue;
        if (a->children && a->children->content)
            return (const char *)a->children->content;
        return "";
    }
    return NULL;
}

/* ---- tags ------------------------------------------------------------------------------ */

typedef struct tag_info {
    const char *name;
    uint32_t flags;
} tag_info;

#define BLK TAG_BLOCK
/* Sorted by name, for bsearch. */
static const tag_info tags[] = {
    {"a", TAG_LINK},
    {"address", BLK},
    {"applet", TAG_SKIP},
    {"area", TAG_SKIP},
    {"article", BLK | TAG_SECTIONING | TAG_ARTICLE},
    {"aside", BLK | TAG_BOILER},
    {"audio", TAG_SKIP | TAG_IMAGE},
    {"blockquote", BLK | TAG_QUOTE},
    {"body", BLK | TAG_SECTIONING},
    {"br", TAG_BR},
    {"button", TAG_SKIP | TAG_INPUT},
    {"canvas", TAG_SKIP},
    {"caption", BLK | TAG_PARA},
    {"center", BLK | TAG_SECTIONING},
    {"datalist", TAG_SKIP},
    {"dd", BLK | TAG_PARA | TAG_ITEM},
    {"details", BLK},
    {"dialog", TAG_SKIP},
    {"dir", BLK | TAG_LIST},
    {"div", BLK | TAG_SECTIONING | TAG_DIV},
    {"dl", BLK | TAG_LIST},
    {"dt", BLK | TAG_PARA | TAG_ITEM},
    {"embed", TAG_SKIP | TAG_IMAGE},
    {"fieldset", BLK},
    {"figcaption", BLK | TAG_CAPTION},
    {"figure", BLK | TAG_FIGURE},
    {"footer", BLK | TAG_BOILER},
    {"form", BLK | TAG_FORM},
    {"frame", TAG_SKIP},
    {"frameset", TAG_SKIP},
    {"h1", BLK | TAG_PARA | TAG_HEADING | TAG_H1},
    {"h2", BLK | TAG_PARA | TAG_HEADING},
    {"h3", BLK | TAG_PARA | TAG_HEADING},
    {"h4", BLK | TAG_PARA | TAG_HEADING},
    {"h5", BLK | TAG_PARA | TAG_HEADING},
    {"h6", BLK | TAG_PARA | TAG_HEADING},
    {"head", TAG_SKIP},
    {"header", BLK | TAG_BOILER},
    {"hgroup", BLK},
    {"hr", BLK},
    {"html", BLK},
    {"iframe", TAG_SKIP | TAG_IMAGE},
    {"img", TAG_SKIP | TAG_IMAGE},
    {"input", TAG_SKIP | TAG_INPUT},
    {"label", TAG_SKIP},
    {"legend", BLK},
    {"li", BLK | TAG_PARA | TAG_ITEM},
    {"link", TAG_SKIP},
    {"main", BLK | TAG_SECTIONING | TAG_MAIN},
    {"map", TAG_SKIP},
    {"math", TAG_SKIP},
    {"menu", BLK | TAG_BOILER | TAG_LIST},
    {"meta", TAG_SKIP},
    {"nav", BLK | TAG_BOILER},
    {"noscript", TAG_SKIP},
    {"object", TAG_SKIP | TAG_IMAGE},
    {"ol", BLK | TAG_LIST},
    {"optgroup", TAG_SKIP},
    {"option", TAG_SKIP},
    {"output", TAG_SKIP},
    {"p", BLK | TAG_PARA | TAG_P},
    {"picture", TAG_SKIP | TAG_IMAGE},
    {"pre", BLK | TAG_PARA | TAG_PRE},
    {"progress", TAG_SKIP},
    {"script", TAG_SKIP},
    {"section", BLK | TAG_SECTIONING},
    {"select", TAG_SKIP | TAG_INPUT},
    {"source", TAG_SKIP},
    {"style", TAG_SKIP},
    {"summary", BLK},
    {"svg", TAG_SKIP | TAG_IMAGE},
    {"table", BLK | TAG_TABLE},
    {"tbody", BLK},
    {"td", BLK | TAG_PARA | TAG_CELL},
    {"template", TAG_SKIP},
    {"textarea", TAG_SKIP | TAG_INPUT},
    {"tfoot", BLK},
    {"th", BLK | TAG_PARA | TAG_CELL},
    {"thead", BLK},
    {"title", TAG_SKIP},
    {"tr", BLK},
    {"track", TAG_SKIP},
    {"ul", BLK | TAG_LIST},
    {"video", TAG_SKIP | TAG_IMAGE},
};
#undef BLK

static int compare_tag(const void *key, const void *entry)
{
    return strcmp((const char *)key, ((const tag_info *)entry)->name);
}

static uint32_t tag_flags(const xmlNode *n)
{
    if (!n->name)
        return 0;
    const tag_info *t = bsearch(n->name, tags, sizeof tags / sizeof tags[0], sizeof tags[0], compare_tag);
    return t ? t->flags : 0;
}

/* The parser keeps one copy of each element name (its dictionary), so the
 * flags of a name can be remembered by its address. */
typedef struct tag_cache {
    const xmlChar *name[64];
    uint32_t flags[64];
} tag_cache;

static uint32_t cached_tag_flags(tag_cache *c, const xmlNode *n)
{
    size_t slot = ((uintptr_t)n->name >> 4) % 64;
    if (c->name[slot] != n->name) {
        c->name[slot] = n->name;
        c->flags[slot] = tag_flags(n);
    }
    return c->flags[slot];
}

/* ---- text of a small subtree ------------------------------------------------------------------ */

/* Appends text with white space collapsed to one space. */
static void append_collapsed(strbuf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c <= ' ') {
            if (b->n && b->s[b->n - 1] != ' ')
                sb_putc(b, ' ');
        } else {
            sb_putc(b, (char)c);
        }
    }
}

/* The text of a subtree, for titles, bylines and JSON-LD: at most 4000 nodes
 * and 2000 bytes are looked at, so that calling it on a big element by
 * mistake costs little. */
static void node_text_into(const xmlNode *root, strbuf *b, int raw)
{
    const xmlNode *n = root->children;
    int budget = 4000;
    while (n && budget-- > 0 && b->n < 2000) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content) {
                if (raw)
                    sb_append(b, (const char *)n->content, strlen((const char *)n->content));
                else
                    append_collapsed(b, (const char *)n->content);
            }
        } else if (n->type == XML_ELEMENT_NODE && n->children && !(tag_flags(n) & TAG_SKIP)) {
            n = n->children;
            continue;
        }
        while (n && n != root && !n->next)
            n = n->parent;
        if (!n || n == root)
            break;
        n = n->next;
    }
}

char *html_node_text(const xmlNode *n)
{
    strbuf b = {0};
    node_text_into(n, &b, 0);
    size_t s = 0, e = b.n;
    while (s < e && b.s[s] == ' ')
        s++;
    while (e > s && b.s[e - 1] == ' ')
        e--;
    char *out = ng_xstrndup(b.s ? b.s + s : "", e - s);
    sb_free(&b);
    return out;
}

/* The whole text of a script element (JSON-LD), uncapped. */
static char *script_text(const xmlNode *n)
{
    strbuf b = {0};
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->content)
            sb_append(&b, (const char *)c->content, strlen((const char *)c->content));
    char *out = ng_xstrndup(b.s ? b.s : "", b.n);
    sb_free(&b);
    return out;
}

/* ---- the walk ------------------------------------------------------------------------------------ */

typedef struct walker {
    html_page *pg;
    int32_t cur;       /* the innermost open element */
    int open;          /* a block is being filled */
    block blk;         /* the block being filled */
    int pending_space; /* white space seen since the last character */
    int texts_left;    /* reads of small elements' text left for metadata */
    name_cache names;
    tag_cache tags;
} walker;

static elem *E(html_page *pg, int32_t i)
{
    return &pg->elems.v[i];
}

static int is_block_elem(const elem *e)
{
    /* A credit inside a caption is set apart from the caption's words. */
    return (e->tag & TAG_BLOCK) || ((e->hints & HINT_CREDIT) && (e->inherited & INH_CAPTION));
}

/* The element that owns text written now: the innermost block-level one. */
static int32_t block_owner(html_page *pg, int32_t cur)
{
    if (cur < 0)
        return -1;
    return is_block_elem(E(pg, cur)) ? cur : E(pg, cur)->block_parent;
}

static int is_comma(int32_t cp)
{
    return cp == ',' || cp == 0x060C || cp == 0xFE50 || cp == 0xFE10 || cp == 0xFE11 || cp == 0x2E41 ||
           cp == 0x2E34 || cp == 0x2E32 || cp == 0xFF0C || cp == 0x3001;
}

static void start_block(walker *w)
{
    html_page *pg = w->pg;
    memset(&w->blk, 0, sizeof w->blk);
    w->open = 1;
    w->blk.start = w->blk.end = (uint32_t)pg->text.n;
    int32_t owner = block_owner(pg, w->cur);
    w->blk.owner = owner;
    uint32_t inh = w->cur >= 0 ? E(pg, w->cur)->inherited : 0;
    uint32_t tag = owner >= 0 ? E(pg, owner)->tag : 0;
    w->blk.kind = BLOCK_TEXT;
    if (inh & INH_CAPTION)
        w->blk.kind = BLOCK_CAPTION;
    else if (tag & TAG_HEADING)
        w->blk.kind = BLOCK_HEADING;
    else if (inh & INH_PRE)
        w->blk.kind = BLOCK_PRE;
    else if (tag & TAG_ITEM)
        w->blk.kind = BLOCK_ITEM;
    else if (inh & INH_QUOTE)
        w->blk.kind = BLOCK_QUOTE;
    else if (tag & TAG_CELL)
        w->blk.kind = BLOCK_CELL;
    if (tag & TAG_HEADING) {
        const char *name = (const char *)E(pg, owner)->node->name;
        w->blk.heading_level = (uint8_t)(name[1] - '0');
    }
    w->blk.in_caption = (inh & INH_CAPTION) != 0;
    w->blk.in_credit = (inh & INH_CREDIT) != 0;
    w->blk.in_byline = (inh & INH_BYLINE) != 0;
    w->blk.in_figure = (inh & INH_FIGURE) != 0;
    w->blk.caption_root = w->cur >= 0 ? E(pg, w->cur)->caption_root : -1;
    w->blk.figure_root = w->cur >= 0 ? E(pg, w->cur)->figure_root : -1;
    w->pending_space = 0;
}

static void end_block(walker *w)
{
    if (!w->open)
        return;
    html_page *pg = w->pg;
    w->open = 0;
    /* Trim the trailing line breaks and spaces. */
    while (pg->text.n > w->blk.start && (pg->text.s[pg->text.n - 1] == ' ' || pg->text.s[pg->text.n - 1] == '\n')) {
        pg->text.n--;
        w->blk.chars--;
    }
    while (w->blk.start < pg->text.n && (pg->text.s[w->blk.start] == ' ' || pg->text.s[w->blk.start] == '\n')) {
        w->blk.start++; /* leading white space of a <pre> */
        w->blk.chars--;
    }
    if (pg->text.n == w->blk.start)
        return;
    w->blk.end = (uint32_t)pg->text.n;
    if (w->blk.link_chars > w->blk.chars)
        w->blk.link_chars = w->blk.chars;
    if (w->blk.meta_chars > w->blk.chars)
        w->blk.meta_chars = w->blk.chars;
    *VEC_PUSH(&pg->blocks) = w->blk;
    if (w->blk.owner >= 0) {
        elem *o = E(pg, w->blk.owner);
        o->chars += w->blk.chars;
        o->link_chars += w->blk.link_chars;
        o->commas += w->blk.commas;
        o->paras += w->blk.chars >= 25;
    }
    if (w->blk.heading_level == 1 && !pg->meta.h1_text)
        pg->meta.h1_text = ng_xstrndup(pg->text.s + w->blk.start, w->blk.end - w->blk.start);
}

/* One character into the open block. */
static void put_char(walker *w, const char *s, size_t n, int32_t cp)
{
    html_page *pg = w->pg;
    if (!w->open)
        start_block(w);
    uint32_t inh = E(pg, w->cur)->inherited;
    int space = 0;
    if (w->pending_space) {
        w->pending_space = 0;
        if (pg->text.n > w->blk.start && pg->text.s[pg->text.n - 1] != '\n' && pg->text.s[pg->text.n - 1] != ' ') {
            sb_putc(&pg->text, ' ');
            space = 1;
        }
    }
    sb_append(&pg->text, s, n);
    w->blk.chars += 1 + space;
    if (inh & INH_LINK)
        w->blk.link_chars += 1 + space;
    if (inh & INH_META)
        w->blk.meta_chars += 1 + space;
    if (is_comma(cp))
        w->blk.commas++;
}

/* Browsers read numeric references to bytes 0x80-0x9F as Windows-1252
 * ("&#150;" is an en dash); libxml2 gives C1 controls. */
static int32_t c1_as_1252(int32_t cp)
{
    static const uint16_t high[32] = {
        0x20AC, 0x0020, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x0020, 0x017D, 0x0020, 0x0020, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x0020, 0x017E, 0x0178};
    return high[cp - 0x80];
}

/* Text into the open block: white space collapsed (kept in <pre>), control
 * characters dropped, invisible characters (soft hyphen, zero-width space,
 * BOM) removed, so that the text is already what ingest's normalization
 * would make of it. */
static void append_text(walker *w, const char *text)
{
    int pre = (E(w->pg, w->cur)->inherited & INH_PRE) != 0;
    const unsigned char *s = (const unsigned char *)text;
    size_t len = strlen(text);
    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            if (pre && (c == '\n' || c == ' ' || c == '\t')) {
                if (w->open || c != '\n') {
                    char ch = c == '\t' ? ' ' : (char)c;
                    put_char(w, &ch, 1, c); /* kept as written in <pre> */
                }
                continue;
            }
            if (c <= ' ' || c == 0x7F) {
                w->pending_space = 1;
                continue;
            }
            char ch = (char)c;
            put_char(w, &ch, 1, c);
            continue;
        }
        int k;
        int32_t cp = utf8_decode(s + i, len - i, &k);
        i += (size_t)k;
        if (cp >= 0x80 && cp < 0xA0)
            cp = c1_as_1252(cp);
        if (cp == 0x20 || cp == 0xA0 || cp == 0x2028 || cp == 0x2029 || cp == 0x1680 ||
            (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F) {
            w->pending_space = 1;
            continue;
        }
        if (cp == 0xAD || cp == 0x200B || cp == 0xFEFF || cp == 0x2060)
            continue;
        char buf[4];
        int n = utf8_encode(cp, buf);
        put_char(w, buf, (size_t)n, cp);
    }
}

static void line_break(walker *w)
{
    html_page *pg = w->pg;
    if (!w->open || pg->text.n == w->blk.start)
        return;
    if (pg->text.s[pg->text.n - 1] == '\n') {
        end_block(w); /* two line breaks: a paragraph break */
        return;
    }
    while (pg->text.n > w->blk.start && pg->text.s[pg->text.n - 1] == ' ') {
        pg->text.n--;
        w->blk.chars--;
    }
    sb_putc(&pg->text, '\n');
    w->blk.chars++;
    w->pending_space = 0;
}

/* ---- metadata seen on the way ------------------------------------------------------------------- */

static void note_meta_tag(html_page *pg, const xmlNode *n)
{
    const char *content = html_attr(n, "content");
    if (!content)
        return;
    const char *keys[] = {"property", "name", "itemprop", "http-equiv"};
    for (size_t i = 0; i < 4; i++) {
        const char *k = html_attr(n, keys[i]);
        if (k && *k) {
            meta_tag *m = VEC_PUSH(&pg->meta.metas);
            m->key = k;
            m->value = content;
        }
    }
}

/* The text of a small element for the metadata (a title, a byline), within
 * the page's budget of such reads: each may look at 4000 nodes, and a page
 * of 100,000 nested bylines must not make that quadratic. NULL when the
 * budget is spent or the text is empty or longer than `max`. */
static char *metadata_text(walker *w, const xmlNode *n, size_t max)
{
    if (w->texts_left <= 0)
        return NULL;
    w->texts_left--;
    char *t = html_node_text(n);
    if (!*t || strlen(t) >= max) {
        free(t);
        return NULL;
    }
    return t;
}

/* <meta>, <link rel=canonical>, <title>, JSON-LD: wherever they are. */
static void note_head_element(walker *w, const xmlNode *n)
{
    page_meta *m = &w->pg->meta;
    const char *name = (const char *)n->name;
    if (!strcmp(name, "meta")) {
        note_meta_tag(w->pg, n);
    } else if (!strcmp(name, "link")) {
        const char *rel = html_attr(n, "rel");
        if (rel && ascii_ieq(rel, "canonical") && !m->canonical)
            m->canonical = html_attr(n, "href");
    } else if (!strcmp(name, "title")) {
        if (!m->title_text)
            m->title_text = metadata_text(w, n, 1000);
    } else if (!strcmp(name, "script")) {
        const char *type = html_attr(n, "type");
        if (type && ascii_icontains(type, "ld+json") && m->jsonld.n < 32)
            *VEC_PUSH(&m->jsonld) = script_text(n);
    }
}

/* The language of <html>, <time datetime>, microdata, visible bylines. */
static void note_body_element(walker *w, const xmlNode *n, uint32_t hints)
{
    page_meta *m = &w->pg->meta;
    const char *name = (const char *)n->name;
    if (!strcmp(name, "html") && !m->html_lang) {
        m->html_lang = html_attr(n, "lang");
        if (!m->html_lang)
            m->html_lang = html_attr(n, "xml:lang");
    } else if (!strcmp(name, "time") && !m->time_datetime) {
        m->time_datetime = html_attr(n, "datetime");
    }
    const char *prop = html_attr(n, "itemprop");
    if (prop && ascii_ieq(prop, "datePublished") && !m->item_published) {
        m->item_published = html_attr(n, "content");
        if (!m->item_published)
            m->item_published = html_attr(n, "datetime");
    } else if (prop && ascii_ieq(prop, "author") && m->item_authors.n < 8) {
        char *t = metadata_text(w, n, 120);
        if (t)
            *VEC_PUSH(&m->item_authors) = t;
    }
    if ((hints & HINT_BYLINE) && m->bylines.n < 8) {
        char *t = metadata_text(w, n, 200);
        if (t)
            *VEC_PUSH(&m->bylines) = t;
    }
}

/* Elements worth reading for metadata, whether or not their text is kept. */
static void note_metadata(walker *w, const xmlNode *n, uint32_t tag, uint32_t hints)
{
    if (tag & TAG_SKIP)
        note_head_element(w, n);
    else
        note_body_element(w, n, hints);
}

/* ---- entering and leaving elements ---------------------------------------------------------------- */

static uint32_t inherit(const elem *parent, const elem *e)
{
    uint32_t inh = parent ? parent->inherited : 0;
    if ((e->tag & TAG_LINK) && html_attr(e->node, "href")) /* not a bare anchor */
        inh |= INH_LINK;
    if (e->tag & TAG_PRE)
        inh |= INH_PRE;
    if (e->tag & TAG_QUOTE)
        inh |= INH_QUOTE;
    if ((e->tag & TAG_CAPTION) || (e->hints & HINT_CAPTION))
        inh |= INH_CAPTION;
    if ((e->hints & HINT_CREDIT) && (inh & (INH_CAPTION | INH_FIGURE)))
        inh |= INH_CREDIT;
    if (e->tag & TAG_FIGURE)
        inh |= INH_FIGURE;
    if (e->hints & HINT_BYLINE)
        inh |= INH_BYLINE;
    if (e->tag & TAG_LIST)
        inh |= INH_LIST;
    if (e->tag & TAG_TABLE)
        inh |= INH_TABLE;
    if (e->node->name && !strcmp((const char *)e->node->name, "code"))
        inh |= INH_CODE;
    if ((e->node->name && !strcmp((const char *)e->node->name, "time")) ||
        ((e->hints & HINT_BYLINE) && !(e->tag & TAG_BLOCK)))
        inh |= INH_META;
    return inh;
}

/* The <head> holds no text of the article, only metadata: its elements are
 * read for that alone (without recursion, as the walk). */
static void scan_head(walker *w, xmlNode *head)
{
    xmlNode *n = head->children;
    while (n && n != head) {
        if (n->type == XML_ELEMENT_NODE) {
            uint32_t tag = cached_tag_flags(&w->tags, n);
            note_metadata(w, n, tag | TAG_SKIP, 0);
            if (n->children && !(tag & TAG_SKIP)) {
                n = n->children;
                continue;
            }
        }
        while (n && n != head && !n->next)
            n = n->parent;
        if (!n || n == head)
            break;
        n = n->next;
    }
}

/* Returns 1 when the walk should go into the element's children. */
static int enter_element(walker *w, xmlNode *n)
{
    html_page *pg = w->pg;
    uint32_t tag = cached_tag_flags(&w->tags, n);
    int weight = 0;
    if ((tag & TAG_SKIP) && !strcmp((const char *)n->name, "head")) {
        scan_head(w, n);
        return 0;
    }
    uint32_t hints = (tag & TAG_SKIP) ? 0 : element_hints(n, &w->names, &weight);
    note_metadata(w, n, tag, hints);
    if (tag & TAG_SKIP) {
        if (w->cur >= 0) {
            elem *p = E(pg, w->cur);
            p->img_tags += (tag & TAG_IMAGE) && !strcmp((const char *)n->name, "img");
            p->embed_tags += (tag & TAG_IMAGE) && strcmp((const char *)n->name, "img") != 0;
            p->input_tags += (tag & TAG_INPUT) != 0;
        }
        return 0;
    }
    if (hints & HINT_HIDDEN)
        return 0;
    if (tag & TAG_BR) {
        line_break(w);
        return 0;
    }
    if (pg->elems.n >= UINT32_MAX / 2)
        return 0;
    int32_t idx = (int32_t)pg->elems.n;
    elem *e = VEC_PUSH(&pg->elems);
    e->node = n;
    e->parent = w->cur;
    e->tag = tag;
    e->hints = hints;
    e->class_weight = weight;
    elem *parent = w->cur >= 0 ? E(pg, w->cur) : NULL;
    e->depth = parent ? parent->depth + 1 : 0;
    e->block_parent = block_owner(pg, w->cur);
    e->inherited = inherit(parent, e);
    e->caption_root = parent && parent->caption_root >= 0 ? parent->caption_root
                      : (e->inherited & INH_CAPTION)   ? idx
                                                       : -1;
    e->figure_root = parent && parent->figure_root >= 0 ? parent->figure_root : (tag & TAG_FIGURE) ? idx : -1;
    if (parent)
        parent->kids++;
    if (is_block_elem(e))
        end_block(w);
    n->_private = (void *)(uintptr_t)(idx + 1);
    w->cur = idx;
    return 1;
}

static void add_totals(elem *to, const elem *from)
{
    to->chars += from->chars;
    to->link_chars += from->link_chars;
    to->commas += from->commas;
    to->paras += from->paras;
    to->p_tags += from->p_tags;
    to->li_tags += from->li_tags;
    to->img_tags += from->img_tags;
    to->input_tags += from->input_tags;
    to->embed_tags += from->embed_tags;
    to->headings += from->headings;
    to->body_hints += from->body_hints;
    to->body_names += from->body_names;
    to->block_elems += from->block_elems + (is_block_elem(from) != 0);
}

static void leave_element(walker *w, xmlNode *n)
{
    html_page *pg = w->pg;
    int32_t idx = (int32_t)(uintptr_t)n->_private - 1;
    n->_private = NULL;
    elem *e = E(pg, idx);
    if (is_block_elem(e))
        end_block(w);
    e->end = (uint32_t)pg->elems.n;
    e->p_tags += (e->tag & TAG_P) != 0;
    e->li_tags += (e->tag & TAG_ITEM) && !strcmp((const char *)n->name, "li");
    e->headings += (e->tag & TAG_HEADING) != 0;
    /* A strong sign that this subtree holds the article: its own body name, or
     * an <article> or <main> with real text in it. */
    if ((e->hints & (HINT_BODY | HINT_ITEMPROP_BODY)) ||
        ((e->tag & (TAG_ARTICLE | TAG_MAIN)) && e->chars >= 1000))
        e->body_hints++;
    e->body_names += (e->hints & (HINT_BODY | HINT_ITEMPROP_BODY)) != 0;
    /* A form with fields and little text (a login, a search, a sign-up) is
     * furniture; a page wrapped whole in a <form> (ASP.NET) is not. */
    if ((e->tag & TAG_FORM) && e->input_tags > 0 && e->chars < 1000)
        e->hints |= HINT_BOILER;
    w->cur = e->parent;
    if (e->parent >= 0)
        add_totals(E(pg, e->parent), e);
}

/* Walks the tree in document order without recursion: the depth of a page
 * (10,000 nested <div>s) costs no stack. */
static void walk(html_page *pg, xmlNode *root)
{
    walker w = {0};
    w.pg = pg;
    w.cur = -1;
    w.texts_left = 64;
    xmlNode *n = root;
    while (n) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE)
            descend = enter_element(&w, n);
        else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content && w.cur >= 0)
            append_text(&w, (const char *)n->content);
        if (descend && n->children) {
            n = n->children;
            continue;
        }
        for (;;) {
            if (n->type == XML_ELEMENT_NODE && n->_private)
                leave_element(&w, n);
            if (n == root) {
                n = NULL;
                break;
            }
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
    end_block(&w);
}

/* ---- the document ------------------------------------------------------------------------------------ */

typedef struct caption_span {
    uint32_t start, body_end, credit_start, credit_end;
} caption_span;
typedef VEC(caption_span) caption_spans;

/* Appends a block's text with its line breaks made spaces (a caption is one
 * line). */
static void append_flat(strbuf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sb_putc(out, s[i] == '\n' ? ' ' : s[i]);
}

static int same_text(const strbuf *b, size_t s1, size_t e1, const char *s2, size_t n2)
{
    return e1 - s1 == n2 && !memcmp(b->s + s1, s2, n2);
}

/* Captions: the blocks of one caption element are its words, then its
 * credit. Repeated captions (a gallery and its lightbox) are written once. */
static void append_captions(html_page *pg, strbuf *out, caption_spans *spans)
{
    const block *b = pg->blocks.v;
    /* Past a thousand captions a page is a gallery or an attack: the rest are
     * left out (each is compared with those before it). */
    for (size_t i = 0; i < pg->captions.n && spans->n < 1000;) {
        int32_t root = b[pg->captions.v[i]].caption_root;
        size_t j = i;
        while (j < pg->captions.n && b[pg->captions.v[j]].caption_root == root)
            j++;
        strbuf words = {0}, credit = {0};
        for (size_t k = i; k < j; k++) {
            const block *c = &b[pg->captions.v[k]];
            strbuf *to = c->in_credit ? &credit : &words;
            if (to->n)
                sb_putc(to, ' ');
            append_flat(to, pg->text.s + c->start, c->end - c->start);
        }
        if (!words.n && credit.n) { /* a credit alone is not a caption */
            sb_free(&credit);
            i = j;
            continue;
        }
        int seen = 0;
        for (size_t k = 0; k < spans->n && !seen; k++)
            seen = same_text(out, spans->v[k].start, spans->v[k].body_end, words.s, words.n);
        if (!seen) {
            if (out->n)
                sb_append(out, "\n\n", 2);
            caption_span *sp = VEC_PUSH(spans);
            sp->start = (uint32_t)out->n;
            sb_append(out, words.s, words.n);
            sp->body_end = (uint32_t)out->n;
            if (credit.n) {
                sb_putc(out, ' ');
                sp->credit_start = (uint32_t)out->n;
                sb_append(out, credit.s, credit.n);
                sp->credit_end = (uint32_t)out->n;
            }
        }
        sb_free(&words);
        sb_free(&credit);
        i = j;
    }
}

/* Marks the caption paragraphs, which follow the body, with their credits:
 * the one the page set apart, else the one run on at the caption's end. */
static void mark_captions(ng_doc *doc, const caption_spans *spans)
{
    size_t k = 0;
    for (size_t i = 0; i < doc->paras.n && k < spans->n; i++) {
        paragraph *p = &doc->paras.v[i];
        if (p->start < spans->v[k].start)
            continue;
        const caption_span *sp = &spans->v[k++];
        p->kind = PARA_CAPTION;
        if (sp->credit_end > sp->credit_start) {
            p->body_end = sp->body_end;
            p->credit_start = sp->credit_start;
            p->credit_end = sp->credit_end;
        } else if (!ingest_find_credit(doc, p)) {
            p->body_end = p->end;
        }
    }
}

/* doc->text: the article's blocks, one paragraph each, then the captions. */
static void build_text(ng_doc *doc, html_page *pg)
{
    strbuf out = {0};
    caption_spans spans = {0};
    for (size_t i = 0; i < pg->body.n; i++) {
        const block *b = &pg->blocks.v[pg->body.v[i]];
        if (out.n)
            sb_append(&out, "\n\n", 2);
        sb_append(&out, pg->text.s + b->start, b->end - b->start);
    }
    append_captions(pg, &out, &spans);
    doc->text = out.s ? out.s : ng_xstrndup("", 0);
    doc->len = out.n;
    ingest_split_paragraphs(doc);
    mark_captions(doc, &spans);
    VEC_FREE(&spans);
}

/* A page that draws its article with scripts has little of it in the
 * markup; its JSON-LD "articleBody" may have it all. Used when the markup
 * gave under 200 characters and the JSON-LD twice as much or more. */
static int use_jsonld_body(ng_doc *doc, html_page *pg)
{
    size_t found = 0;
    for (size_t i = 0; i < pg->body.n; i++)
        found += pg->blocks.v[pg->body.v[i]].chars;
    if (found >= 200 || !pg->meta.jsonld_body || strlen(pg->meta.jsonld_body) < 200)
        return 0;
    char *text = jsonld_body_text(&pg->meta);
    size_t n = text ? strlen(text) : 0;
    if (n < 200 || n < 2 * found) {
        free(text);
        return 0;
    }
    doc->text = text;
    doc->len = n;
    ingest_split_paragraphs(doc);
    return 1;
}

/* ---- the stage ---------------------------------------------------------------------------------------- */

static void page_free(html_page *pg)
{
    if (!pg)
        return;
    if (pg->xml)
        xmlFreeDoc(pg->xml);
    free(pg->utf8);
    VEC_FREE(&pg->elems);
    VEC_FREE(&pg->blocks);
    VEC_FREE(&pg->body);
    VEC_FREE(&pg->captions);
    sb_free(&pg->text);
    page_meta_free(&pg->meta);
    free(pg);
}

/* HTML_PARSE_HUGE lifts libxml2's limit of 256 nested elements, past which it
 * drops the rest of the page (badly nested <font> and <div> reach it); the
 * walk above needs no stack, so depth costs nothing but memory, which the
 * input limit bounds. No network, no error output. */
static const int parse_options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;

static const char *read_page(ng_doc *doc, html_page *pg, const char *bytes, size_t len, const char *url)
{
    pg->utf8 = page_to_utf8(bytes, len, &pg->utf8_len);
    if (pg->utf8_len > INT32_MAX)
        return "page too large for the HTML parser";
    const char *utf8 = pg->utf8 ? pg->utf8 : bytes;
    pg->xml = htmlReadMemory(utf8, (int)pg->utf8_len, NULL, "UTF-8", parse_options);
    if (!pg->xml)
        return "could not parse the page as HTML";
    xmlNode *root = xmlDocGetRootElement(pg->xml);
    if (!root)
        return "no article text found in the page";
    pg->meta.url = url;
    walk(pg, root);
    find_article(pg);
    resolve_metadata(doc, pg);
    if (use_jsonld_body(doc, pg))
        return NULL;
    if (pg->body.n == 0)
        return "no article text found in the page";
    build_text(doc, pg);
    return NULL;
}

void ingest_html_init(void)
{
    xmlInitParser();
    init_name_patterns();
}

/* ---- is it a web page? ------------------------------------------------------------------------------ */

static int starts_tag(const char *s, size_t n, const char *tag)
{
    size_t k = strlen(tag);
    if (n < k + 1 || s[0] != '<')
        return 0;
    for (size_t i = 0; i < k; i++)
        if (lower_ascii(s[i + 1]) != tag[i])
            return 0;
    char after = s[k + 1];
    return after == '>' || after == ' ' || after == '/' || after == '\t' || after == '\n' || after == '\r';
}

int looks_like_html(const char *bytes, size_t len)
{
    static const char *const first_tags[] = {"!doctype", "html", "head", "body", "meta", "div", "p", "article",
                                             "title", "link", "section", "main", "header", "table", "script",
                                             "style", "h1", "?xml", NULL};
    const unsigned char *u = (const unsigned char *)bytes;
    char ascii[256];
    size_t n = 0, i = 0;
    /* UTF-16 with a byte order mark: look at every other byte. */
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        for (i = u[0] == 0xFF ? 2 : 3; i < len && n < sizeof ascii; i += 2)
            ascii[n++] = (char)u[i];
    } else {
        i = len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF ? 3 : 0;
        size_t take = len - i < sizeof ascii ? len - i : sizeof ascii;
        memcpy(ascii, bytes + i, take);
        n = take;
    }
    size_t p = 0;
    for (int comments = 0; comments < 8; comments++) {
        while (p < n && (ascii[p] == ' ' || ascii[p] == '\t' || ascii[p] == '\n' || ascii[p] == '\r'))
            p++;
        if (p + 4 <= n && !memcmp(ascii + p, "<!--", 4)) {
            size_t q = p + 4;
            while (q + 3 <= n && memcmp(ascii + q, "-->", 3) != 0)
                q++;
            if (q + 3 > n)
                return 0; /* a comment longer than the look-ahead: say text */
            p = q + 3;
            continue;
        }
        break;
    }
    for (size_t k = 0; first_tags[k]; k++)
        if (starts_tag(ascii + p, n - p, first_tags[k]))
            return 1;
    return 0;
}

const char *ingest_html(ng_doc *doc, const char *bytes, size_t len, const char *url)
{
    static _Thread_local char why[160];
    const char *err = ingest_check_input(doc, bytes, len, why, sizeof why);
    /* UTF-16 pages are full of NUL bytes: only a byte order mark says so. */
    int utf16 = len >= 2 && (((unsigned char)bytes[0] == 0xFF && (unsigned char)bytes[1] == 0xFE) ||
                             ((unsigned char)bytes[0] == 0xFE && (unsigned char)bytes[1] == 0xFF));
    if (err && !(utf16 && len <= doc->engine->options.max_bytes))
        return err;
    /* On running out of memory, free the parsed page before passing the jump
     * on to ng_extract(). The page pointer is set before setjmp and not
     * changed after it, so it is still valid when the jump lands here. */
    html_page *pg = calloc(1, sizeof *pg);
    if (!pg)
        return "out of memory";
    jmp_buf *outer = ng_oom_target();
    jmp_buf here;
    if (setjmp(here)) {
        page_free(pg);
        ng_set_oom_target(outer);
        if (outer)
            longjmp(*outer, 1);
        return "out of memory";
    }
    ng_set_oom_target(&here);
    err = read_page(doc, pg, bytes, len, url);
    page_free(pg);
    ng_set_oom_target(outer);
    return err;
}
