/*
 * What an element's attributes say about it: class and id names ("article-
 * body", "related-posts", "cookie-banner"), ARIA roles, schema.org microdata
 * (itemprop="articleBody"), and the ways of hiding it (hidden, aria-hidden,
 * display:none, "sr-only"). The walk (html.c) asks once per element; the
 * article finder (html_content.c) weighs the answers.
 */
#include "html.h"

static char lower_ascii(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* A name's words: "article-body__text" -> article, body, text; "relatedPosts"
 * -> related, posts. Lower case, cut at 31 bytes. */
typedef struct name_words {
    char w[12][32];
    int n;
    char squashed[96]; /* the name without separators: "articlebodytext" */
} name_words;

static void split_name(const char *s, size_t len, name_words *out)
{
    out->n = 0;
    size_t sq = 0;
    size_t k = 0;
    for (size_t i = 0; i <= len; i++) {
        char c = i < len ? s[i] : 0;
        int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        /* camelCase: a capital after a lower-case letter starts a word */
        int camel = alnum && k > 0 && c >= 'A' && c <= 'Z' && i > 0 && s[i - 1] >= 'a' && s[i - 1] <= 'z';
        if ((!alnum || camel) && k > 0 && out->n < 12) {
            out->w[out->n][k < 31 ? k : 31] = 0;
            out->n++;
            k = 0;
        }
        if (alnum) {
            if (out->n < 12 && k < 31)
                out->w[out->n][k] = lower_ascii(c);
            k++;
            if (sq + 1 < sizeof out->squashed)
                out->squashed[sq++] = lower_ascii(c);
        }
    }
    out->squashed[sq] = 0;
}

/* How a pattern matches a word of a name. */
enum { MATCH_WORD, MATCH_PART, MATCH_PREFIX };

/* Extra meanings used only while reading a name. */
enum {
    NAME_POS = 1u << 24,      /* counts +25 (Readability's positive names) */
    NAME_NEG = 1u << 25,      /* counts -25 (its negative and unlikely names) */
    NAME_DATE = 1u << 26,     /* a date word: a byline in a short name only */
    NAME_NOT_COMMENTARY = 1u << 27 /* "comment", but "commentary" is an article */
};

typedef struct name_pattern {
    const char *text;
    uint8_t match;
    uint32_t means; /* HINT_* and NAME_* */
} name_pattern;

#define FURNITURE (HINT_BOILER | NAME_NEG)
/* Page furniture by its name: parts of words where they are distinctive
 * ("comment", "newsletter"), whole words where they are short ("ad", "nav").
 * Then Readability's weaker negative and positive names, bylines, captions. */
static const name_pattern name_patterns[] = {
    {"comment", MATCH_PART, FURNITURE | NAME_NOT_COMMENTARY},
    {"disqus", MATCH_PART, FURNITURE}, {"related", MATCH_PART, FURNITURE},
    {"relacionad", MATCH_PART, FURNITURE}, {"correlat", MATCH_PART, FURNITURE},
    {"recommend", MATCH_PART, FURNITURE}, {"sharing", MATCH_PART, FURNITURE},
    {"share", MATCH_PART, FURNITURE}, {"social", MATCH_PART, FURNITURE},
    {"newsletter", MATCH_PART, FURNITURE}, {"subscri", MATCH_PART, FURNITURE},
    {"signup", MATCH_PART, FURNITURE}, {"cookie", MATCH_PART, FURNITURE},
    {"consent", MATCH_PART, FURNITURE}, {"gdpr", MATCH_PART, FURNITURE},
    {"sponsor", MATCH_PART, FURNITURE}, {"advert", MATCH_PART, FURNITURE},
    {"outbrain", MATCH_PART, FURNITURE}, {"taboola", MATCH_PART, FURNITURE},
    {"breadcrumb", MATCH_PART, FURNITURE}, {"pagination", MATCH_PART, FURNITURE},
    {"sidebar", MATCH_PART, FURNITURE}, {"footer", MATCH_PART, FURNITURE},
    {"navbar", MATCH_PART, FURNITURE}, {"navigation", MATCH_PART, FURNITURE},
    {"popup", MATCH_PART, FURNITURE}, {"trending", MATCH_PART, FURNITURE},
    {"popular", MATCH_PART, FURNITURE}, {"toolbar", MATCH_PART, FURNITURE},
    {"masthead", MATCH_PART, FURNITURE}, {"promo", MATCH_PART, FURNITURE},
    {"banner", MATCH_PART, FURNITURE}, {"login", MATCH_PART, FURNITURE},
    {"rating", MATCH_PART, FURNITURE}, {"readmore", MATCH_PART, FURNITURE},
    {"tagcloud", MATCH_PART, FURNITURE}, {"skiplink", MATCH_PART, FURNITURE},
    {"jumplink", MATCH_PART, FURNITURE}, {"mostread", MATCH_PART, FURNITURE},
    {"topstories", MATCH_PART, FURNITURE},
    {"ad", MATCH_WORD, FURNITURE}, {"ads", MATCH_WORD, FURNITURE}, {"adv", MATCH_WORD, FURNITURE},
    {"nav", MATCH_WORD, FURNITURE}, {"menu", MATCH_WORD, FURNITURE}, {"tags", MATCH_WORD, FURNITURE},
    {"tag", MATCH_WORD, FURNITURE}, {"print", MATCH_WORD, FURNITURE}, {"rss", MATCH_WORD, FURNITURE},
    {"dfp", MATCH_WORD, FURNITURE}, {"more", MATCH_WORD, FURNITURE}, {"next", MATCH_WORD, FURNITURE},
    {"prev", MATCH_WORD, FURNITURE}, {"previous", MATCH_WORD, FURNITURE}, {"pager", MATCH_WORD, FURNITURE},
    {"skip", MATCH_WORD, FURNITURE}, {"follow", MATCH_WORD, FURNITURE}, {"topics", MATCH_WORD, FURNITURE},
    {"keywords", MATCH_WORD, FURNITURE}, {"breaking", MATCH_WORD, FURNITURE},
    {"meta", MATCH_WORD, HINT_NEGATIVE | NAME_NEG}, {"contact", MATCH_WORD, HINT_NEGATIVE | NAME_NEG},
    {"media", MATCH_WORD, HINT_NEGATIVE | NAME_NEG}, {"scroll", MATCH_WORD, HINT_NEGATIVE | NAME_NEG},
    {"shopping", MATCH_WORD, HINT_NEGATIVE | NAME_NEG}, {"shoutbox", MATCH_WORD, HINT_NEGATIVE | NAME_NEG},
    {"widget", MATCH_WORD, HINT_NEGATIVE | NAME_NEG}, {"skyscraper", MATCH_WORD, HINT_NEGATIVE | NAME_NEG},
    {"combx", MATCH_WORD, HINT_NEGATIVE | NAME_NEG}, {"hid", MATCH_WORD, HINT_NEGATIVE | NAME_NEG},
    {"extra", MATCH_WORD, HINT_NEGATIVE | NAME_NEG}, {"legends", MATCH_WORD, HINT_NEGATIVE | NAME_NEG},
    {"article", MATCH_PREFIX, HINT_POSITIVE | NAME_POS | HINT_MAYBE},
    {"content", MATCH_PREFIX, HINT_POSITIVE | NAME_POS | HINT_MAYBE},
    {"story", MATCH_PREFIX, HINT_POSITIVE | NAME_POS},
    {"body", MATCH_WORD, HINT_POSITIVE | NAME_POS | HINT_MAYBE},
    {"main", MATCH_WORD, HINT_POSITIVE | NAME_POS | HINT_MAYBE},
    {"entry", MATCH_WORD, HINT_POSITIVE | NAME_POS}, {"hentry", MATCH_WORD, HINT_POSITIVE | NAME_POS},
    {"post", MATCH_WORD, HINT_POSITIVE | NAME_POS}, {"text", MATCH_WORD, HINT_POSITIVE | NAME_POS},
    {"blog", MATCH_WORD, HINT_POSITIVE | NAME_POS}, {"prose", MATCH_WORD, HINT_POSITIVE | NAME_POS},
    {"richtext", MATCH_WORD, HINT_POSITIVE | NAME_POS}, {"page", MATCH_WORD, HINT_POSITIVE | NAME_POS},
    {"and", MATCH_WORD, HINT_MAYBE}, {"column", MATCH_WORD, HINT_MAYBE}, {"shadow", MATCH_WORD, HINT_MAYBE},
    /* An embedded post ("social-media-embed", "twitter-tweet") is a quote of
     * someone's words, not a share button. */
    {"embed", MATCH_PART, HINT_MAYBE}, {"tweet", MATCH_PART, HINT_MAYBE},
    {"byline", MATCH_PART, HINT_BYLINE}, {"author", MATCH_PART, HINT_BYLINE},
    {"timestamp", MATCH_PART, HINT_BYLINE}, {"pubdate", MATCH_PART, HINT_BYLINE},
    {"dateline", MATCH_PART, HINT_BYLINE},
    {"date", MATCH_WORD, NAME_DATE}, {"time", MATCH_WORD, NAME_DATE}, {"published", MATCH_WORD, NAME_DATE},
    {"posted", MATCH_WORD, NAME_DATE}, {"updated", MATCH_WORD, NAME_DATE}, {"datetime", MATCH_WORD, NAME_DATE},
    {"caption", MATCH_PART, HINT_CAPTION},
    {"credit", MATCH_PART, HINT_CREDIT}, {"copyright", MATCH_PART, HINT_CREDIT},
    {"photographer", MATCH_PART, HINT_CREDIT},
    {"headline", MATCH_WORD, HINT_TITLE},
};
#undef FURNITURE

/* The article body itself: a kind of text followed by a part of a page,
 * found in the name without its separators ("article__body", "entry-content",
 * "StoryBody"). */
static const char *const body_names[] = {
    "articlebody", "articlecontent", "articletext", "articlecopy", "articledetail", "storybody",
    "storycontent", "storytext", "entrycontent", "entrybody", "entrytext", "postbody", "postcontent",
    "posttext", "newsbody", "newscontent", "newstext", "blogcontent", "blogbody", "bodytext", "bodycopy",
    "contentbody", "textbody", "richtext", "articleinner", "storyinner", "postentry", NULL};

/* Whole class names that hide an element from view. */
static const char *const hidden_classes[] = {"hidden", "hide", "is-hidden", "d-none", "sr-only", "visually-hidden",
                                             "visuallyhidden", "screen-reader-text", "screen-reader-only",
                                             "element-invisible", "u-hidden", "invisible", "offscreen",
                                             "sr-only-focusable", "a11y-hidden", NULL};

/* Letters present in a lower-case word, one bit each: a pattern can only
 * match a word that has all its letters, which rules out nearly every
 * pattern for a word at the cost of one AND. */
static uint32_t letters_of(const char *w)
{
    uint32_t m = 0;
    for (; *w; w++)
        if (*w >= 'a' && *w <= 'z')
            m |= 1u << (*w - 'a');
    return m;
}

static uint32_t pattern_letters[sizeof name_patterns / sizeof name_patterns[0]];
static uint32_t body_name_letters[sizeof body_names / sizeof body_names[0]];

void init_name_patterns(void)
{
    for (size_t i = 0; i < sizeof name_patterns / sizeof name_patterns[0]; i++)
        pattern_letters[i] = letters_of(name_patterns[i].text);
    for (size_t i = 0; body_names[i]; i++)
        body_name_letters[i] = letters_of(body_names[i]);
}

static int list_has_word(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(w, *list))
            return 1;
    return 0;
}

/* What one word of a name means (HINT_* and NAME_* bits). */
static uint32_t word_meaning(const char *w)
{
    uint32_t have = letters_of(w), means = 0;
    for (size_t i = 0; i < sizeof name_patterns / sizeof name_patterns[0]; i++) {
        if ((pattern_letters[i] & have) != pattern_letters[i])
            continue;
        const name_pattern *p = &name_patterns[i];
        int hit = p->match == MATCH_WORD     ? !strcmp(w, p->text)
                  : p->match == MATCH_PREFIX ? !strncmp(w, p->text, strlen(p->text))
                                             : strstr(w, p->text) != NULL;
        if (hit && (p->means & NAME_NOT_COMMENTARY) && strstr(w, "commentar"))
            hit = 0;
        if (hit)
            means |= p->means;
    }
    return means;
}

static int is_body_name(const char *squashed)
{
    uint32_t have = letters_of(squashed);
    for (size_t i = 0; body_names[i]; i++)
        if ((body_name_letters[i] & have) == body_name_letters[i] && strstr(squashed, body_names[i]))
            return 1;
    return 0;
}

/* The hints of one class or id value; *weight gets Readability's -25/+25. */
static uint32_t name_hints(const char *value, int *weight)
{
    uint32_t h = 0, means = 0;
    size_t len = strlen(value);
    /* A <body> may carry a hundred class names (feature flags): the first
     * 24 say what the element is. */
    int names = 0;
    for (size_t i = 0; i < len && names < 24; names++) {
        while (i < len && (value[i] == ' ' || value[i] == '\t' || value[i] == '\n'))
            i++;
        size_t b = i;
        while (i < len && !(value[i] == ' ' || value[i] == '\t' || value[i] == '\n'))
            i++;
        if (i == b)
            continue;
        char one[40];
        size_t n = i - b < sizeof one - 1 ? i - b : sizeof one - 1;
        for (size_t k = 0; k < n; k++)
            one[k] = lower_ascii(value[b + k]);
        one[n] = 0;
        if (list_has_word(one, hidden_classes))
            h |= HINT_HIDDEN;
        name_words nw;
        split_name(value + b, i - b, &nw);
        if (is_body_name(nw.squashed))
            h |= HINT_BODY;
        for (int k = 0; k < nw.n; k++) {
            uint32_t m = word_meaning(nw.w[k]);
            if ((m & NAME_DATE) && nw.n <= 3)
                m |= HINT_BYLINE;
            means |= m;
        }
    }
    h |= means & ~(NAME_POS | NAME_NEG | NAME_DATE | NAME_NOT_COMMENTARY);
    *weight = ((means & NAME_POS) ? 25 : 0) - ((means & NAME_NEG) ? 25 : 0);
    return h;
}

/* Roles and schema.org microdata. */
static uint32_t role_hints(const char *role)
{
    static const char *const furniture[] = {"navigation", "banner", "contentinfo", "complementary", "search",
                                            "menu", "menubar", "dialog", "alertdialog", NULL};
    for (size_t i = 0; furniture[i]; i++)
        if (ascii_ieq(role, furniture[i]))
            return HINT_BOILER;
    return ascii_ieq(role, "main") || ascii_ieq(role, "article") ? HINT_POSITIVE : 0;
}

static uint32_t itemprop_hints(const char *prop)
{
    if (ascii_icontains(prop, "articlebody"))
        return HINT_ITEMPROP_BODY | HINT_BODY;
    if (ascii_icontains(prop, "headline"))
        return HINT_TITLE;
    if (ascii_icontains(prop, "author") || ascii_icontains(prop, "datepublished"))
        return HINT_BYLINE;
    return ascii_icontains(prop, "caption") ? HINT_CAPTION : 0;
}

/* Only the first 63 characters are read: a long inline style rarely hides. */
static uint32_t style_hints(const char *style)
{
    char squashed[64];
    size_t k = 0;
    for (const char *s = style; *s && k + 1 < sizeof squashed; s++)
        if (*s != ' ' && *s != '\t')
            squashed[k++] = lower_ascii(*s);
    squashed[k] = 0;
    return strstr(squashed, "display:none") || strstr(squashed, "visibility:hidden") ? HINT_HIDDEN : 0;
}

static uint32_t cached_name_hints(name_cache *c, const char *value, int *weight)
{
    size_t n = strlen(value);
    if (n >= sizeof c->value[0])
        return name_hints(value, weight);
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)value[i]) * 16777619u;
    size_t slot = h % 8;
    if (strcmp(c->value[slot], value) != 0 || !c->value[slot][0]) {
        memcpy(c->value[slot], value, n + 1);
        c->hints[slot] = name_hints(value, &c->weight[slot]);
    }
    *weight = c->weight[slot];
    return c->hints[slot];
}

/* Everything the attributes say, in one pass over them. */
uint32_t element_hints(const xmlNode *n, name_cache *cache, int *weight)
{
    uint32_t h = 0;
    *weight = 0;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        const char *name = (const char *)a->name;
        const char *v = a->children && a->children->content ? (const char *)a->children->content : "";
        int w = 0;
        if (!name)
            continue;
        if (!strcmp(name, "class") || !strcmp(name, "id")) {
            if (*v) {
                h |= cached_name_hints(cache, v, &w);
                *weight += w;
            }
        } else if (!strcmp(name, "role")) {
            h |= role_hints(v);
        } else if (!strcmp(name, "itemprop")) {
            h |= itemprop_hints(v);
        } else if (!strcmp(name, "itemtype")) {
            if (ascii_icontains(v, "article") || ascii_icontains(v, "blogposting"))
                h |= HINT_ITEMTYPE_ARTICLE;
        } else if (!strcmp(name, "hidden") || (!strcmp(name, "aria-hidden") && ascii_ieq(v, "true"))) {
            h |= HINT_HIDDEN;
        } else if (!strcmp(name, "style")) {
            h |= style_hints(v);
        }
    }
    return h;
}
