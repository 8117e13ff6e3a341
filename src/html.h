/*
 * The web page model shared by the files of the HTML ingest stage:
 *
 *   html_charset.c  page bytes -> UTF-8 (BOM, declared charset, sniffing)
 *   html_names.c    what class and id names, roles and microdata say
 *   html.c          the stage: parse, walk the page into elements and text
 *                   blocks, build the document's text and paragraphs
 *   html_content.c  which blocks are the article (scores, class names,
 *                   link density, schema.org markup)
 *   html_meta.c     title, url, site, authors, date, language from what the
 *                   page declares (JSON-LD, OpenGraph, <meta>, <time>, URL)
 *
 * The walk flattens the page once: `elems` holds the elements in document
 * order (pre-order), each with its subtree's totals; `blocks` holds the runs
 * of text between block-level boundaries (a paragraph, a heading, a list
 * item, text loose in a <div>), each owned by an element. Later passes work
 * on these arrays, never on the tree, so that no pass recurses and every
 * pass is linear in the page.
 */
#ifndef NG_HTML_H
#define NG_HTML_H

#include "internal.h"

#include <libxml/HTMLparser.h>

/* What an element's tag means to the article finder. */
enum {
    TAG_BLOCK = 1u << 0,     /* starts and ends a text block */
    TAG_PARA = 1u << 1,      /* a paragraph-level element: p, li, h2, td, ... */
    TAG_HEADING = 1u << 2,   /* h1 to h6 */
    TAG_BOILER = 1u << 3,    /* nav, aside, footer, header: page furniture */
    TAG_SKIP = 1u << 4,      /* never text: script, style, form controls */
    TAG_LIST = 1u << 5,      /* ul, ol, dl */
    TAG_ITEM = 1u << 6,      /* li, dt, dd */
    TAG_TABLE = 1u << 7,     /* table */
    TAG_CELL = 1u << 8,      /* td, th */
    TAG_QUOTE = 1u << 9,     /* blockquote */
    TAG_PRE = 1u << 10,      /* pre */
    TAG_LINK = 1u << 11,     /* a */
    TAG_FIGURE = 1u << 12,   /* figure */
    TAG_CAPTION = 1u << 13,  /* figcaption */
    TAG_SECTIONING = 1u << 14, /* article, main, section, div, body */
    TAG_ARTICLE = 1u << 15,  /* article */
    TAG_MAIN = 1u << 16,     /* main */
    TAG_IMAGE = 1u << 17,    /* img, picture, video: media in the text */
    TAG_INPUT = 1u << 18,    /* input, select, textarea, button */
    TAG_BR = 1u << 19,       /* br */
    TAG_P = 1u << 20,        /* p itself */
    TAG_DIV = 1u << 21,      /* div */
    TAG_H1 = 1u << 22,       /* h1 */
    TAG_FORM = 1u << 23      /* form */
};

/* What an element's class, id and attributes say about it. */
enum {
    HINT_POSITIVE = 1u << 0, /* article, content, story, entry, post, text ... */
    HINT_NEGATIVE = 1u << 1, /* a weaker sign of furniture: meta, widget, media */
    HINT_BOILER = 1u << 2,   /* comments, related, share, newsletter, cookie, ad ... */
    HINT_BODY = 1u << 3,     /* the body itself: "article-body", "entry-content" */
    HINT_CAPTION = 1u << 4,  /* a photo caption */
    HINT_CREDIT = 1u << 5,   /* a photo credit */
    HINT_BYLINE = 1u << 6,   /* the writers' names, the date line */
    HINT_HIDDEN = 1u << 7,   /* not shown: hidden, display:none, sr-only */
    HINT_ITEMPROP_BODY = 1u << 8, /* itemprop="articleBody" */
    HINT_ITEMTYPE_ARTICLE = 1u << 9, /* itemtype schema.org Article kinds */
    HINT_TITLE = 1u << 10,   /* the headline (class "headline", itemprop) */
    HINT_MAYBE = 1u << 11    /* article, body, content, main, column: furniture
                                names next to these do not make it furniture */
};

/* What an element is inside of, inherited down the tree. */
enum {
    INH_LINK = 1u << 0,
    INH_PRE = 1u << 1,
    INH_QUOTE = 1u << 2,
    INH_CAPTION = 1u << 3,
    INH_CREDIT = 1u << 4,
    INH_FIGURE = 1u << 5,
    INH_BYLINE = 1u << 6,
    INH_LIST = 1u << 7,
    INH_TABLE = 1u << 8,
    INH_CODE = 1u << 9,
    INH_META = 1u << 10 /* inside <time> or an inline byline: a date line */
};

typedef struct elem {
    xmlNode *node;
    int32_t parent;   /* index into elems, -1 for the root */
    int32_t block_parent; /* the nearest block-level ancestor, or -1 */
    int32_t caption_root; /* the outermost caption element around it, or -1 */
    int32_t figure_root;  /* the outermost <figure> around it, or -1 */
    uint32_t end;     /* one past the last descendant's index */
    uint32_t depth;
    uint32_t tag;     /* TAG_* */
    uint32_t hints;   /* HINT_* of the element itself */
    uint32_t inherited; /* INH_*: what the ancestors and the element say */
    uint32_t kids;    /* element children */
    uint32_t block_elems; /* block-level elements below it */
    int32_t class_weight; /* -25, 0 or +25, as Readability weighs names */
    /* Totals over the subtree, filled when the walk leaves the element. */
    uint32_t chars;      /* code points of text */
    uint32_t link_chars; /* of which inside links */
    uint32_t commas;
    uint32_t paras;      /* paragraph blocks of 25+ code points */
    uint32_t p_tags, li_tags, img_tags, input_tags, embed_tags, headings;
    uint32_t body_hints; /* descendants (or self) marked as the article body,
                            or <article>/<main> with real text */
    uint32_t body_names; /* descendants (or self) named as the article body */
    float score;         /* content score (Readability's) */
    uint8_t scored;
} elem;

enum {
    BLOCK_TEXT,    /* a paragraph, or text loose in a container */
    BLOCK_HEADING,
    BLOCK_ITEM,    /* a list item, a definition */
    BLOCK_QUOTE,   /* text in a block quote */
    BLOCK_PRE,     /* preformatted */
    BLOCK_CELL,    /* a table cell */
    BLOCK_CAPTION  /* a caption of a figure */
};

typedef struct block {
    uint32_t start, end;   /* bytes in page.text */
    int32_t owner;         /* the innermost block-level element around it */
    uint32_t chars;        /* code points */
    uint32_t link_chars;
    uint32_t commas;
    uint32_t meta_chars;   /* of which inside <time> or an inline byline */
    uint8_t kind;          /* BLOCK_* */
    uint8_t in_caption;    /* inside a figcaption or a caption-classed element */
    uint8_t in_credit;     /* inside a credit-classed element of a caption */
    uint8_t heading_level; /* 1-6 for headings */
    uint8_t in_byline;     /* inside a byline-classed element */
    uint8_t in_figure;     /* inside a figure (but not its caption) */
    int32_t caption_root;  /* the caption element it is in, or -1 */
    int32_t figure_root;   /* the <figure> it is in, or -1 */
} block;

/* A <meta> tag: its name (name, property, itemprop or http-equiv) and content,
 * both borrowed from the parsed page. */
typedef struct meta_tag {
    const char *key;
    const char *value;
} meta_tag;

/* What the walk saw of the page's metadata, resolved by html_meta.c. */
typedef struct page_meta {
    const char *url; /* from the caller, may be NULL */
    VEC(meta_tag) metas;
    VEC(char *) jsonld;       /* bodies of application/ld+json scripts, owned */
    VEC(void *) jsonld_roots; /* their parsed JSON (json_t *), owned */
    const char *html_lang;    /* borrowed */
    const char *canonical;    /* borrowed */
    char *title_text;         /* <title>, owned */
    char *h1_text;            /* the first <h1>, owned */
    const char *time_datetime;/* the first <time datetime> */
    const char *item_published; /* itemprop="datePublished" content/datetime */
    VEC(char *) bylines;      /* visible byline texts, owned */
    VEC(char *) item_authors; /* itemprop="author" names, owned */
    char *jsonld_body;        /* JSON-LD articleBody, owned, may be NULL */
} page_meta;

typedef VEC(uint32_t) index_vec;

typedef struct html_page {
    xmlDoc *xml;
    char *utf8; /* the page converted to UTF-8 */
    size_t utf8_len;
    VEC(elem) elems;
    VEC(block) blocks;
    strbuf text; /* the blocks' text, one after another */
    page_meta meta;
    /* The article, chosen by html_content.c: blocks to keep, in order. */
    index_vec body;     /* block indices */
    index_vec captions; /* block indices */
} html_page;

/* The same class names come back on every paragraph of a page: their hints
 * are remembered (per page, direct-mapped by a hash of the value). */
typedef struct name_cache {
    char value[8][96];
    uint32_t hints[8];
    int weight[8];
} name_cache;

/* html_names.c: the HINT_* bits of an element's attributes; *weight gets
 * Readability's class weight (-50 to +50). `cache` remembers the class names
 * of one page. init_name_patterns() runs once, before any page. */
uint32_t element_hints(const xmlNode *n, name_cache *cache, int *weight);
void init_name_patterns(void);

/* html_charset.c: the page as UTF-8 (owned, NUL-terminated), whatever its
 * encoding: a byte order mark first, then valid UTF-8 as such, then the
 * declared charset, then Windows-1252. NULL when the bytes are clean UTF-8
 * as they are (no copy needed); *out_len is set either way. */
char *page_to_utf8(const char *bytes, size_t len, size_t *out_len);

/* html_content.c: fills page->body and page->captions. */
void find_article(html_page *page);

/* html_meta.c: fills doc->title, url, site_name, authors, published, language
 * and, when the caller gave none, the date. */
void resolve_metadata(ng_doc *doc, html_page *page);
void page_meta_free(page_meta *m);
/* The article body that JSON-LD gives ("articleBody"), as paragraphs
 * separated by blank lines (tags dropped, entities decoded), owned; NULL when
 * there is none. For pages that draw their article with scripts. */
char *jsonld_body_text(const page_meta *m);

/* html.c: helpers shared by the files above. */
/* The value of attribute `name` (lower case) of n, borrowed; "" for an attribute
 * without value; NULL when absent. */
const char *html_attr(const xmlNode *n, const char *name);
/* The text of a subtree with white space collapsed, owned (NUL-terminated). */
char *html_node_text(const xmlNode *n);
/* ASCII case-insensitive equality and prefix test. */
int ascii_ieq(const char *a, const char *b);
int ascii_istarts(const char *s, const char *prefix);
/* Does s contain `word` (lower-case ASCII), ignoring case? */
int ascii_icontains(const char *s, const char *word);

#endif
