/*
 * Which blocks of a page are the article.
 *
 * The method is Readability's (Mozilla, the engine of Firefox Reader View),
 * which has held up on the web for fifteen years, on the flattened page of
 * html.h instead of a live tree:
 *
 *   1. Paragraphs of 25 or more characters score 1 + their commas + one per
 *      100 characters (at most 3). The score goes to the paragraph's parent,
 *      half of it to the grandparent, a third of the level to the ones above
 *      (five levels). A container starts from its tag (a <div> +5, a list -3,
 *      a heading -5) and its class and id names (+25 "article", "content",
 *      "story"; -25 "comment", "share", "sidebar"...), and its final score is
 *      scaled by the share of its text that is not links.
 *   2. The best container wins; an ancestor wins instead when it holds
 *      several near-best containers, or scores higher itself.
 *   3. Its siblings join when they score well, share its class, or read as
 *      prose paragraphs.
 *   4. Inside, page furniture is dropped: elements named as comments, shares,
 *      related links, newsletters, ads...; lists, tables and boxes that are
 *      mostly links, images or form fields (Readability's "clean
 *      conditionally"); bylines and date lines; the headline.
 *   5. With less than 500 characters, it tries again with fewer rules
 *      (furniture kept in scoring, then names not weighed, then no
 *      conditional cleaning) and keeps the longest result.
 *
 * What it adds: schema.org markup (itemprop="articleBody") and body names
 * ("article-body", "entry-content", "story-text") count as strong evidence,
 * and a body cut into chunks between ads is joined again; <nav>, <aside>,
 * <footer>, <header>, ARIA roles and boxes headed "related" are furniture,
 * embedded posts are not; captions go to captions; paragraphs that are all
 * link ("Read more: ..."), date lines, photo credits, text that reads as
 * data (a JSON blob) and the credit lines news pages set after the story
 * ("Reporting by ...") are not the article.
 */
#include "html.h"

enum { PASS_STRIP = 1, PASS_WEIGHT = 2, PASS_CLEAN = 4 };

#define MIN_ARTICLE_CHARS 500
#define TOP_CANDIDATES 5

/* What one element's kept subtree holds, recounted on every pass. */
typedef struct tally {
    uint32_t chars, link_chars, commas, heading_chars, quote_chars;
    uint32_t p, li, img, input, embed;
} tally;

typedef struct finder {
    html_page *pg;
    uint32_t n;            /* elements */
    uint8_t *furniture;    /* per element: named or tagged as furniture */
    uint8_t *in_furniture; /* ...or inside such an element */
    uint8_t *gone;         /* per element: dropped from the article on this pass */
    int32_t *first_block;  /* per element: the first block it owns, or -1 */
    tally *kept;
    int32_t body;          /* the <body> element, or the root */
} finder;

static elem *EL(const finder *f, int32_t i)
{
    return &f->pg->elems.v[i];
}

static int is_inside(const finder *f, int32_t outer, int32_t inner)
{
    return inner >= outer && (uint32_t)inner < EL(f, outer)->end;
}

/* ---- furniture -------------------------------------------------------------------- */

/* Furniture by its tag or name, unless it also carries a name of article
 * content or holds the article body (a page wrapped in <div
 * class="has-sidebar"> is not furniture). */
static int is_furniture(const elem *e)
{
    if (!((e->tag & TAG_BOILER) || (e->hints & HINT_BOILER)))
        return 0;
    if (e->hints & (HINT_BODY | HINT_ITEMPROP_BODY | HINT_MAYBE))
        return 0;
    return e->body_hints == 0;
}

/* A box that opens with a heading named as furniture ("relatedposts-title"
 * over "You may like...") is that furniture, whatever the box is named. */
static int headed_as_furniture(const finder *f, uint32_t i)
{
    const elem *e = EL(f, (int32_t)i);
    if (i + 1 >= e->end || (e->tag & TAG_HEADING) || e->body_names || e->parent < 0)
        return 0;
    const elem *first = EL(f, (int32_t)i + 1);
    return (first->tag & TAG_HEADING) && (first->hints & HINT_BOILER) && !(first->hints & HINT_MAYBE);
}

static void mark_furniture(finder *f)
{
    for (uint32_t i = 0; i < f->n; i++) {
        const elem *e = EL(f, (int32_t)i);
        f->furniture[i] = (uint8_t)(is_furniture(e) || headed_as_furniture(f, i));
        f->in_furniture[i] = f->furniture[i] || (e->parent >= 0 && f->in_furniture[e->parent]);
    }
}

/* ---- scoring ------------------------------------------------------------------------ */

static int tag_bonus(const elem *e)
{
    const char *name = (const char *)e->node->name;
    if (e->tag & TAG_DIV)
        return 5;
    if ((e->tag & (TAG_PRE | TAG_QUOTE)) || !strcmp(name, "td"))
        return 3;
    if ((e->tag & (TAG_LIST | TAG_ITEM | TAG_FORM)) || !strcmp(name, "address"))
        return -3;
    if ((e->tag & TAG_HEADING) || !strcmp(name, "th"))
        return -5;
    return 0;
}

/* A div that holds only text reads as a paragraph (Readability turns it into
 * one). */
static int is_paragraph_like(const elem *e)
{
    if (e->tag & (TAG_P | TAG_PRE | TAG_CELL | TAG_HEADING))
        return 1;
    return (e->tag & TAG_SECTIONING) && e->block_elems == 0;
}

static void init_candidate(elem *e, unsigned pass)
{
    e->scored = 1;
    e->score = (float)tag_bonus(e) + ((pass & PASS_WEIGHT) ? (float)e->class_weight : 0.f);
}

/* Adds one paragraph's score to the containers above it. */
static void score_block(finder *f, const block *b, unsigned pass)
{
    if (b->in_caption || b->kind == BLOCK_ITEM || b->chars < 25 || b->owner < 0)
        return;
    const elem *owner = EL(f, b->owner);
    if ((owner->tag & TAG_HEADING) && (owner->tag & TAG_H1))
        return;
    if ((pass & PASS_STRIP) && f->in_furniture[b->owner])
        return;
    float s = 1.f + (float)(b->commas + 1) + (float)(b->chars / 100 < 3 ? b->chars / 100 : 3);
    int32_t a = is_paragraph_like(owner) ? owner->parent : b->owner;
    for (int level = 0; level < 5 && a >= 0; level++) {
        elem *e = EL(f, a);
        if (e->parent < 0) /* Readability never scores <html> */
            break;
        if (!e->scored)
            init_candidate(e, pass);
        e->score += s / (level == 0 ? 1.f : level == 1 ? 2.f : (float)level * 3.f);
        a = e->parent;
    }
}

static float link_density(const elem *e)
{
    return e->chars ? (float)e->link_chars / (float)e->chars : 0.f;
}

/* Scores every container; returns the best few, best first. */
static int score_page(finder *f, unsigned pass, int32_t top[TOP_CANDIDATES])
{
    for (uint32_t i = 0; i < f->n; i++) {
        EL(f, (int32_t)i)->scored = 0;
        EL(f, (int32_t)i)->score = 0;
    }
    for (size_t i = 0; i < f->pg->blocks.n; i++)
        score_block(f, &f->pg->blocks.v[i], pass);
    int count = 0;
    for (uint32_t i = 0; i < f->n; i++) {
        elem *e = EL(f, (int32_t)i);
        if (!e->scored)
            continue;
        e->score *= 1.f - link_density(e);
        int k = count < TOP_CANDIDATES ? count++ : TOP_CANDIDATES;
        while (k > 0 && EL(f, top[k - 1])->score < e->score) {
            if (k < TOP_CANDIDATES)
                top[k] = top[k - 1];
            k--;
        }
        if (k < TOP_CANDIDATES)
            top[k] = (int32_t)i;
    }
    return count;
}

/* ---- the top candidate ------------------------------------------------------------------- */

/* Readability: when three or more of the near-best candidates share an
 * ancestor of the best one, the article is that ancestor. */
static int32_t shared_ancestor(const finder *f, const int32_t *top, int count)
{
    int32_t best = top[0];
    int32_t alternatives[TOP_CANDIDATES];
    int n_alt = 0;
    if (EL(f, best)->score <= 0.f)
        return best;
    for (int i = 1; i < count; i++)
        if (EL(f, top[i])->score / EL(f, best)->score >= 0.75f)
            alternatives[n_alt++] = top[i];
    if (n_alt < 3)
        return best;
    for (int32_t a = EL(f, best)->parent; a >= 0 && a != f->body; a = EL(f, a)->parent) {
        int holding = 0;
        for (int i = 0; i < n_alt; i++)
            holding += is_inside(f, a, alternatives[i]) && a != alternatives[i];
        if (holding >= 3)
            return a;
    }
    return best;
}

/* Readability: climb while the parent scores better, the scores not falling
 * below a third on the way; then past parents that hold only this child. */
static int32_t climb(finder *f, int32_t top, unsigned pass)
{
    if (!EL(f, top)->scored)
        init_candidate(EL(f, top), pass);
    float last = EL(f, top)->score, threshold = last / 3.f;
    for (int32_t p = EL(f, top)->parent; p >= 0 && p != f->body; p = EL(f, p)->parent) {
        if (!EL(f, p)->scored)
            continue;
        float s = EL(f, p)->score;
        if (s < threshold)
            break;
        if (s > last) {
            top = p;
            break;
        }
        last = s;
    }
    while (EL(f, top)->parent >= 0 && EL(f, top)->parent != f->body && EL(f, EL(f, top)->parent)->kids == 1)
        top = EL(f, top)->parent;
    return top;
}

static const char *block_text(const finder *f, const block *b, size_t *n)
{
    *n = b->end - b->start;
    return f->pg->text.s + b->start;
}

static int ends_sentence_somewhere(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == '.' && (i + 1 == n || s[i + 1] == ' '))
            return 1;
    return 0;
}

static int same_class(const elem *a, const elem *b)
{
    const char *ca = html_attr(a->node, "class"), *cb = html_attr(b->node, "class");
    return ca && cb && *ca && !strcmp(ca, cb);
}

/* Readability's siblings: those that score at least a fifth of the best (a
 * bonus when they share its class), and prose paragraphs. */
static int sibling_joins(const finder *f, int32_t top, int32_t s)
{
    const elem *t = EL(f, top), *e = EL(f, s);
    float threshold = t->score * 0.2f > 10.f ? t->score * 0.2f : 10.f;
    float bonus = same_class(t, e) ? t->score * 0.2f : 0.f;
    if (e->scored && e->score + bonus >= threshold)
        return 1;
    if (!is_paragraph_like(e) || (e->tag & TAG_HEADING) || f->first_block[s] < 0)
        return 0;
    float ld = link_density(e);
    size_t n;
    const char *text = block_text(f, &f->pg->blocks.v[f->first_block[s]], &n);
    if (e->chars > 80 && ld < 0.25f)
        return 1;
    return e->chars > 0 && e->chars <= 80 && ld == 0.f && ends_sentence_somewhere(text, n);
}

/* ---- cleaning inside the article ----------------------------------------------------------- */

static void add_tally(tally *to, const tally *from)
{
    to->chars += from->chars;
    to->link_chars += from->link_chars;
    to->commas += from->commas;
    to->heading_chars += from->heading_chars;
    to->quote_chars += from->quote_chars;
    to->p += from->p;
    to->li += from->li;
    to->img += from->img;
    to->input += from->input;
    to->embed += from->embed;
}

/* Readability's _cleanConditionally, on what is left of the element once its
 * own dropped descendants are gone. */
static int clean_conditionally(const elem *e, const tally *t, unsigned pass)
{
    const char *name = (const char *)e->node->name;
    int candidate_tag = (e->tag & (TAG_DIV | TAG_LIST | TAG_TABLE | TAG_FORM)) || !strcmp(name, "section") ||
                        !strcmp(name, "fieldset");
    if (!candidate_tag || (e->inherited & INH_CODE))
        return 0;
    /* Mostly quoted words (an embedded post with its links): kept. */
    if (t->quote_chars * 2 >= t->chars && t->chars > 0)
        return 0;
    int weight = (pass & PASS_WEIGHT) ? e->class_weight : 0;
    if (weight < 0)
        return 1;
    if (t->commas >= 10)
        return 0;
    int is_list = (e->tag & TAG_LIST) != 0;
    int in_figure = (e->inherited & INH_FIGURE) != 0;
    double ld = t->chars ? (double)t->link_chars / t->chars : 0;
    double heading_density = t->chars ? (double)t->heading_chars / t->chars : 0;
    long li = (long)t->li - 100; /* Readability's: lists of up to 100 items are spared */
    if (t->img > 1 && (double)t->p / t->img < 0.5 && !in_figure)
        return 1;
    if (!is_list && li > (long)t->p)
        return 1;
    if (t->input > t->p / 3)
        return 1;
    if (!is_list && heading_density < 0.9 && t->chars < 25 && (t->img == 0 || t->img > 2) && !in_figure)
        return 1;
    if (!is_list && weight < 25 && ld > 0.2)
        return 1;
    if (weight >= 25 && ld > 0.5)
        return 1;
    if ((t->embed == 1 && t->chars < 75) || t->embed > 1)
        return 1;
    return 0;
}

/* Bylines and date lines are metadata, not the article; a big element with
 * such a name is the article itself ("author-content"). */
static int is_byline_box(const elem *e)
{
    return (e->hints & HINT_BYLINE) && e->chars < 300;
}

/* Furniture and bylines below a root are dropped, with all they hold. */
static void drop_furniture(finder *f, uint32_t root)
{
    uint32_t end = EL(f, (int32_t)root)->end;
    f->gone[root] = 0;
    memset(&f->kept[root], 0, sizeof f->kept[root]);
    for (uint32_t i = root + 1; i < end; i++) {
        const elem *e = EL(f, (int32_t)i);
        f->gone[i] = (uint8_t)(f->furniture[i] || is_byline_box(e) || f->gone[e->parent]);
        memset(&f->kept[i], 0, sizeof f->kept[i]);
    }
}

/* Each kept block counts for its owner (one pass over the blocks for all
 * the roots, which are disjoint and in document order). */
static void tally_blocks(finder *f, const uint32_t *roots, size_t n_roots)
{
    size_t r = 0;
    for (size_t b = 0; b < f->pg->blocks.n && r < n_roots; b++) {
        const block *bl = &f->pg->blocks.v[b];
        while (r < n_roots && bl->owner >= 0 && (uint32_t)bl->owner >= EL(f, (int32_t)roots[r])->end)
            r++;
        if (r == n_roots || bl->owner < (int32_t)roots[r] || f->gone[bl->owner] || bl->in_caption)
            continue;
        tally *t = &f->kept[bl->owner];
        t->chars += bl->chars;
        t->link_chars += bl->link_chars;
        t->commas += bl->commas;
        if (bl->kind == BLOCK_HEADING)
            t->heading_chars += bl->chars;
        if (bl->kind == BLOCK_QUOTE)
            t->quote_chars += bl->chars;
    }
}

/* Readability's conditional cleaning, children first, so that an element is
 * judged on what its kept children hold; then a dropped element takes its
 * whole subtree with it. */
static void clean_bottom_up(finder *f, uint32_t root, unsigned pass)
{
    uint32_t end = EL(f, (int32_t)root)->end;
    for (uint32_t i = end; i-- > root;) {
        elem *e = EL(f, (int32_t)i);
        if (f->gone[i])
            continue;
        tally *t = &f->kept[i];
        t->p += (e->tag & TAG_P) != 0;
        t->li += (e->tag & TAG_ITEM) && !strcmp((const char *)e->node->name, "li");
        /* Images and form fields are not elements of the walk: use the totals. */
        t->img = e->img_tags;
        t->input = e->input_tags;
        t->embed = e->embed_tags;
        if ((pass & PASS_CLEAN) && clean_conditionally(e, t, pass)) {
            f->gone[i] = 1;
            continue;
        }
        if (i != root && e->parent >= 0) {
            tally *pt = &f->kept[e->parent];
            uint32_t img = pt->img, input = pt->input, embed = pt->embed;
            add_tally(pt, t);
            pt->img = img, pt->input = input, pt->embed = embed;
        }
    }
    for (uint32_t i = root + 1; i < end; i++)
        if (f->gone[EL(f, (int32_t)i)->parent])
            f->gone[i] = 1;
}

/* Marks f->gone for what the article drops below its roots. */
static void clean_roots(finder *f, const index_vec *roots, unsigned pass)
{
    for (size_t r = 0; r < roots->n; r++)
        drop_furniture(f, roots->v[r]);
    tally_blocks(f, roots->v, roots->n);
    for (size_t r = 0; r < roots->n; r++)
        clean_bottom_up(f, roots->v[r], pass);
}

/* ---- blocks of the article ----------------------------------------------------------------- */

/* Text that reads as data, not prose: a JSON blob, a run of code. */
static int looks_like_data(const finder *f, const block *b)
{
    if (b->kind == BLOCK_PRE || b->chars < 40)
        return 0;
    size_t n, marks = 0, visible = 0;
    const char *s = block_text(f, b, &n);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\n')
            continue;
        visible++;
        marks += c == '{' || c == '}' || c == '[' || c == ']' || c == '"' || c == ':' || c == '=' || c == ';' ||
                 c == '<' || c == '>' || c == '\\' || c == '|';
    }
    return visible && marks * 5 > visible;
}

/* A short "By Jane Doe" line at the top of the article. */
static int is_byline_text(const finder *f, const block *b)
{
    size_t n;
    const char *s = block_text(f, b, &n);
    return n < 120 && n > 4 && (s[0] == 'B' || s[0] == 'b') && s[1] == 'y' && s[2] == ' ' && s[3] >= 'A' &&
           s[3] <= 'Z';
}

/* Does the block start with one of `heads` (lower case), ignoring case? */
static int starts_with_any(const finder *f, const block *b, const char *const *heads)
{
    size_t n;
    const char *s = block_text(f, b, &n);
    for (; *heads; heads++) {
        size_t k = strlen(*heads);
        if (n < k)
            continue;
        size_t i = 0;
        while (i < k && (s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]) == (*heads)[i])
            i++;
        if (i == k)
            return 1;
    }
    return 0;
}

static int contains_any(const finder *f, const block *b, const char *const *words)
{
    size_t n;
    const char *s = block_text(f, b, &n);
    char low[400];
    if (n >= sizeof low)
        return 0;
    for (size_t i = 0; i < n; i++)
        low[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
    low[n] = 0;
    for (; *words; words++)
        if (strstr(low, *words))
            return 1;
    return 0;
}

/* "Related: <a>Another story</a>", "Read more: <a>...</a>": a label and a
 * link to another page. */
static int is_labelled_link(const finder *f, const block *b)
{
    size_t n;
    const char *s = block_text(f, b, &n);
    if (b->chars >= 300 || b->link_chars * 2 < b->chars)
        return 0;
    for (size_t i = 0; i < n && i < 25; i++)
        if (s[i] == ':')
            return 1;
    return 0;
}

/* A photo credit set as a paragraph of its own. */
static int is_credit_line(const finder *f, const block *b)
{
    static const char *const heads[] = {"photo:", "photos:", "photograph:", "photo by ", "photograph by ",
                                        "image:", "credit:", "picture:", "foto:", NULL};
    return b->chars < 150 && starts_with_any(f, b, heads);
}

/* What news pages set after the story: the reporting and editing credits,
 * the copyright, the calls to follow, subscribe and share. Only the
 * trailing blocks are judged by these. */
static int is_trailer(const finder *f, const block *b)
{
    static const char *const heads[] = {"(reporting by", "reporting by", "additional reporting", "editing by",
                                        "contributing:", "write to ", "email ", "copyright", "\xC2\xA9",
                                        "follow us", "follow ", "subscribe", "sign up", "like this story",
                                        "if you enjoyed", "click here", NULL};
    static const char *const words[] = {"contributed to this report", "contributed reporting",
                                        "all rights reserved", NULL};
    return b->chars < 400 && (starts_with_any(f, b, heads) || contains_any(f, b, words));
}

static int keep_block(const finder *f, const block *b, size_t kept_so_far)
{
    const elem *owner = EL(f, b->owner);
    if (b->kind == BLOCK_HEADING && (owner->tag & TAG_H1))
        return 0; /* the headline, which the record has as its title */
    if ((owner->hints & HINT_TITLE) || b->in_figure)
        return 0;
    if (looks_like_data(f, b))
        return 0;
    /* A line that is all date or byline ("<time>5 March</time>") is metadata;
     * a paragraph that is all link is a pointer to another page. */
    if (b->meta_chars * 10 >= b->chars * 9)
        return 0;
    if (b->kind != BLOCK_PRE && b->link_chars * 10 >= b->chars * 9)
        return 0;
    if (kept_so_far < 3 && is_byline_text(f, b))
        return 0;
    if (is_labelled_link(f, b) || is_credit_line(f, b))
        return 0;
    return 1;
}

/* Drops the trailer blocks at the end of the body. */
static size_t drop_trailer(finder *f, index_vec *body, size_t chars)
{
    while (body->n > 1) {
        const block *b = &f->pg->blocks.v[body->v[body->n - 1]];
        if (!is_trailer(f, b))
            break;
        chars -= b->chars;
        body->n--;
    }
    return chars;
}

/* The article's blocks and captions, from the chosen subtrees. */
static size_t collect_body(finder *f, const uint32_t *roots, size_t n_roots, index_vec *body)
{
    body->n = 0;
    size_t chars = 0, r = 0;
    for (size_t i = 0; i < f->pg->blocks.n && r < n_roots; i++) {
        const block *b = &f->pg->blocks.v[i];
        while (r < n_roots && b->owner >= 0 && (uint32_t)b->owner >= EL(f, (int32_t)roots[r])->end)
            r++;
        if (r == n_roots)
            break;
        if (b->owner < (int32_t)roots[r] || f->gone[b->owner] || b->in_caption || !keep_block(f, b, body->n))
            continue;
        *VEC_PUSH(body) = (uint32_t)i;
        chars += b->chars;
    }
    return drop_trailer(f, body, chars);
}

/* Where the article's photos are: the <article> (or schema.org Article)
 * around the chosen text, whose lead photo often sits beside the body, else
 * the chosen text itself. */
static int32_t caption_region(const finder *f, int32_t best)
{
    int32_t a = best;
    for (int up = 0; up < 4 && a >= 0 && a != f->body; up++, a = EL(f, a)->parent)
        if ((EL(f, a)->tag & TAG_ARTICLE) || (EL(f, a)->hints & HINT_ITEMTYPE_ARTICLE))
            return a;
    return -1;
}

static void collect_captions(finder *f, int32_t best, const uint32_t *roots, size_t n_roots, index_vec *captions)
{
    captions->n = 0;
    int32_t region = caption_region(f, best);
    size_t r = 0;
    for (size_t i = 0; i < f->pg->blocks.n; i++) {
        const block *b = &f->pg->blocks.v[i];
        if (!b->in_caption || b->owner < 0 || f->in_furniture[b->owner])
            continue;
        while (r < n_roots && (uint32_t)b->owner >= EL(f, (int32_t)roots[r])->end)
            r++;
        int inside = r < n_roots && is_inside(f, (int32_t)roots[r], b->owner);
        if (inside ? f->gone[b->owner] : !(region >= 0 && is_inside(f, region, b->owner)))
            continue;
        *VEC_PUSH(captions) = (uint32_t)i;
    }
}

/* Pages that cut the body into chunks between ads (several <div
 * class="article__body">) have the other chunks elsewhere in the tree, not
 * as siblings: elements named as the article body with the very class of the
 * best one join it, in document order. */
static void add_body_chunks(finder *f, int32_t best, index_vec *roots)
{
    const elem *b = EL(f, best);
    const char *cls = html_attr(b->node, "class");
    if (!(b->hints & HINT_BODY) || !cls || !*cls)
        return;
    size_t before = roots->n, r = 0;
    /* One walk over the elements beside the roots (sorted, disjoint): a root
     * is skipped whole, an ancestor of a root is gone into. */
    for (uint32_t i = 0; i < f->n;) {
        while (r < before && roots->v[r] < i)
            r++;
        if (r < before && roots->v[r] == i) {
            i = EL(f, (int32_t)i)->end;
            continue;
        }
        const elem *e = EL(f, (int32_t)i);
        int holds_root = r < before && is_inside(f, (int32_t)i, (int32_t)roots->v[r]);
        if (!holds_root && e->paras > 0 && link_density(e) < 0.5f && same_class(b, e) && !f->in_furniture[i]) {
            *VEC_PUSH(roots) = i;
            i = e->end;
            continue;
        }
        i++;
    }
    if (roots->n == before)
        return;
    /* Back in document order: two sorted runs, merged. */
    index_vec merged = {0};
    size_t x = 0, y = before;
    while (x < before || y < roots->n)
        *VEC_PUSH(&merged) = (y == roots->n || (x < before && roots->v[x] < roots->v[y])) ? roots->v[x++] : roots->v[y++];
    VEC_FREE(roots);
    *roots = merged;
}

/* One attempt with the rules of `pass`; returns the characters kept. */
static size_t attempt(finder *f, unsigned pass, index_vec *body, index_vec *captions)
{
    int32_t top[TOP_CANDIDATES];
    int count = score_page(f, pass, top);
    int32_t best = count ? top[0] : f->body;
    if (count && best != f->body) {
        best = shared_ancestor(f, top, count);
        best = climb(f, best, pass);
    }
    index_vec roots = {0};
    int32_t parent = EL(f, best)->parent;
    if (best == f->body || parent < 0) {
        *VEC_PUSH(&roots) = (uint32_t)best;
    } else {
        /* The children of the parent, in order: the best and the siblings that join. */
        for (uint32_t k = (uint32_t)parent + 1; k < EL(f, parent)->end; k = EL(f, (int32_t)k)->end)
            if ((int32_t)k == best || sibling_joins(f, best, (int32_t)k))
                *VEC_PUSH(&roots) = k;
    }
    add_body_chunks(f, best, &roots);
    if (count && top[0] != best)
        add_body_chunks(f, top[0], &roots);
    clean_roots(f, &roots, pass);
    size_t chars = collect_body(f, roots.v, roots.n, body);
    collect_captions(f, best, roots.v, roots.n, captions);
    VEC_FREE(&roots);
    return chars;
}

/* A caption is short: an element named "caption" that holds pages of text
 * (a <body class="... f_caption_muted_videos_on ...">) is not one, nor is a
 * <figure> wrapped around a whole story. */
static void unmark_false_captions(html_page *pg)
{
    for (size_t i = 0; i < pg->blocks.n; i++) {
        block *b = &pg->blocks.v[i];
        if (b->in_caption && b->caption_root >= 0) {
            const elem *root = &pg->elems.v[b->caption_root];
            if (root->chars > 1500 || root->paras > 4) {
                b->in_caption = b->in_credit = 0;
                if (b->kind == BLOCK_CAPTION)
                    b->kind = BLOCK_TEXT;
            }
        }
        if (b->in_figure && b->figure_root >= 0) {
            const elem *root = &pg->elems.v[b->figure_root];
            if (root->chars > 1500 || root->paras > 4)
                b->in_figure = 0;
        }
    }
}

void find_article(html_page *pg)
{
    finder f = {0};
    f.pg = pg;
    f.n = (uint32_t)pg->elems.n;
    if (f.n == 0)
        return;
    f.furniture = ng_xcalloc(f.n, 1);
    f.in_furniture = ng_xcalloc(f.n, 1);
    f.gone = ng_xcalloc(f.n, 1);
    f.first_block = ng_xcalloc(f.n, sizeof *f.first_block);
    f.kept = ng_xcalloc(f.n, sizeof *f.kept);
    f.body = 0;
    for (uint32_t i = 0; i < f.n && i < 64; i++)
        if (!strcmp((const char *)pg->elems.v[i].node->name, "body")) {
            f.body = (int32_t)i;
            break;
        }
    for (uint32_t i = 0; i < f.n; i++)
        f.first_block[i] = -1;
    for (size_t i = pg->blocks.n; i-- > 0;)
        if (pg->blocks.v[i].owner >= 0)
            f.first_block[pg->blocks.v[i].owner] = (int32_t)i;
    unmark_false_captions(pg);
    mark_furniture(&f);

    static const unsigned passes[] = {PASS_STRIP | PASS_WEIGHT | PASS_CLEAN, PASS_WEIGHT | PASS_CLEAN, PASS_CLEAN, 0};
    index_vec body = {0}, captions = {0};
    size_t best_chars = 0;
    for (size_t p = 0; p < sizeof passes / sizeof passes[0]; p++) {
        size_t chars = attempt(&f, passes[p], &body, &captions);
        if (chars > best_chars || (p == 0 && chars > 0)) {
            best_chars = chars;
            index_vec old_body = pg->body, old_captions = pg->captions;
            pg->body = body;
            pg->captions = captions;
            body = old_body;
            captions = old_captions;
        }
        if (best_chars >= MIN_ARTICLE_CHARS)
            break;
    }
    VEC_FREE(&body);
    VEC_FREE(&captions);
    free(f.furniture);
    free(f.in_furniture);
    free(f.gone);
    free(f.first_block);
    free(f.kept);
}
