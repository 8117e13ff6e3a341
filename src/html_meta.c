/*
 * A web page's metadata: title, address, site, writers, publication date and
 * language, from what the page declares, most trusted first:
 *
 *   1. JSON-LD (schema.org NewsArticle, Article, ReportageNewsArticle,
 *      BlogPosting..., also inside "@graph" and arrays, authors given by
 *      "@id" reference): written for search engines, checked by them;
 *   2. OpenGraph and article:* <meta> tags (written for social networks);
 *   3. other <meta> tags (author, date, pubdate, dc.*, parsely-*);
 *   4. microdata (itemprop="author", "datePublished") and <time datetime>;
 *   5. the URL's date path (/2019/11/19/);
 *   6. the visible byline ("By Jane Doe and Li Wei").
 *
 * Each field takes the first source that gives a usable value.
 */
#include "html.h"
#include "utf8.h"

#include <jansson.h>
#include <libxml/uri.h>
#include <stdio.h>

/* ---- <meta> tags ------------------------------------------------------------------ */

static const char *meta_get(const page_meta *m, const char *key)
{
    for (size_t i = 0; i < m->metas.n; i++)
        if (ascii_ieq(m->metas.v[i].key, key) && m->metas.v[i].value[0])
            return m->metas.v[i].value;
    return NULL;
}

/* ---- JSON-LD ------------------------------------------------------------------------ */

typedef struct ld_article {
    json_t *article; /* the article object, or NULL */
    json_t *website; /* a WebSite object, for its name */
    VEC(json_t *) with_id; /* objects that have an "@id", for references */
} ld_article;

static int type_is_article(json_t *type)
{
    static const char *const kinds[] = {"Article", "BlogPosting", "LiveBlogPosting", "SocialMediaPosting",
                                        "Report", NULL};
    if (json_is_array(type)) {
        size_t i;
        json_t *t;
        json_array_foreach(type, i, t) if (type_is_article(t)) return 1;
        return 0;
    }
    if (!json_is_string(type))
        return 0;
    const char *s = json_string_value(type);
    const char *slash = strrchr(s, '/'), *colon = strrchr(s, ':');
    if (slash && slash[1])
        s = slash + 1;
    else if (colon && colon[1])
        s = colon + 1;
    size_t n = strlen(s);
    for (size_t k = 0; kinds[k]; k++) {
        size_t m = strlen(kinds[k]);
        if (n >= m && !strcmp(s + n - m, kinds[k]))
            return 1; /* NewsArticle, ReportageNewsArticle, OpinionNewsArticle... */
    }
    return 0;
}

static int type_is(json_t *type, const char *kind)
{
    if (json_is_array(type)) {
        size_t i;
        json_t *t;
        json_array_foreach(type, i, t) if (type_is(t, kind)) return 1;
        return 0;
    }
    return json_is_string(type) && !strcmp(json_string_value(type), kind);
}

/* Walks the JSON tree without recursion (a stack of values), looking at every
 * object: JSON-LD nests articles in "@graph", arrays, "mainEntity". */
static void scan_jsonld(json_t *root, ld_article *out)
{
    VEC(json_t *) stack = {0};
    *VEC_PUSH(&stack) = root;
    size_t visited = 0;
    while (stack.n && visited++ < 100000) {
        json_t *v = stack.v[--stack.n];
        if (json_is_array(v)) {
            /* Pushed last first, so that they are looked at in order. */
            for (size_t i = json_array_size(v); i-- > 0;) {
                json_t *x = json_array_get(v, i);
                if (json_is_object(x) || json_is_array(x))
                    *VEC_PUSH(&stack) = x;
            }
            continue;
        }
        if (!json_is_object(v))
            continue;
        json_t *type = json_object_get(v, "@type");
        if (json_is_string(json_object_get(v, "@id")))
            *VEC_PUSH(&out->with_id) = v;
        if (!out->article && type_is_article(type))
            out->article = v;
        if (!out->website && type_is(type, "WebSite"))
            out->website = v;
        const char *key;
        json_t *x;
        json_object_foreach(v, key, x) if (json_is_object(x) || json_is_array(x)) *VEC_PUSH(&stack) = x;
    }
    VEC_FREE(&stack);
}

/* An object given by reference ({"@id": "..."}) is looked up in the graph. */
static json_t *deref(const ld_article *ld, json_t *v)
{
    if (!json_is_object(v) || json_object_get(v, "name"))
        return v;
    json_t *id = json_object_get(v, "@id");
    if (!json_is_string(id))
        return v;
    for (size_t i = 0; i < ld->with_id.n; i++) {
        json_t *o = ld->with_id.v[i];
        if (o != v && json_equal(json_object_get(o, "@id"), id))
            return o;
    }
    return v;
}

static const char *ld_string(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    if (json_is_array(v))
        v = json_array_get(v, 0);
    return json_is_string(v) && json_string_value(v)[0] ? json_string_value(v) : NULL;
}

/* The parsed scripts, kept until the page is freed (their strings are used
 * in place). */
static json_t *parse_script(const char *text)
{
    const char *b = text, *e = text + strlen(text);
    while (b < e && *b != '{' && *b != '[')
        b++; /* "<!--", "//<![CDATA[" before the JSON */
    while (e > b && e[-1] != '}' && e[-1] != ']')
        e--;
    if (e <= b)
        return NULL;
    /* Raw line breaks inside strings are common and invalid: make them spaces. */
    char *copy = ng_xstrndup(b, (size_t)(e - b));
    for (char *p = copy; *p; p++)
        if ((unsigned char)*p < 0x20)
            *p = ' ';
    json_error_t err;
    json_t *root = json_loads(copy, JSON_DECODE_ANY, &err);
    free(copy);
    return root;
}

/* ---- text clean-up ------------------------------------------------------------------ */

/* JSON-LD values are sometimes HTML-escaped twice: "&amp;", "&#8217;". */
static char *decode_entities(const char *s)
{
    strbuf b = {0};
    while (*s) {
        if (*s == '&') {
            const char *semi = NULL;
            for (int k = 1; k <= 10 && s[k] && !semi; k++) /* a bounded look: "&" alone is common */
                if (s[k] == ';')
                    semi = s + k;
            if (semi) {
                int done = 0;
                if (s[1] == '#') {
                    long cp = s[2] == 'x' || s[2] == 'X' ? strtol(s + 3, NULL, 16) : strtol(s + 2, NULL, 10);
                    if (cp > 0 && cp < 0x110000 && !(cp >= 0xD800 && cp < 0xE000)) {
                        char u[4];
                        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
                            cp = ' '; /* controls: a space */
                        sb_append(&b, u, (size_t)utf8_encode((int32_t)cp, u));
                        done = 1;
                    }
                } else {
                    /* Named entities, from the HTML parser's own table. */
                    char name[12];
                    size_t k = (size_t)(semi - s - 1);
                    memcpy(name, s + 1, k);
                    name[k] = 0;
                    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
                    if (e) {
                        char u[4];
                        sb_append(&b, u, (size_t)utf8_encode(e->value == 0xA0 ? ' ' : (int32_t)e->value, u));
                        done = 1;
                    } else if (!strcmp(name, "apos")) { /* XML's, not in HTML 4's table */
                        sb_putc(&b, '\'');
                        done = 1;
                    }
                }
                if (done) {
                    s = semi + 1;
                    continue;
                }
            }
        }
        sb_putc(&b, *s++);
    }
    char *out = ng_xstrndup(b.s ? b.s : "", b.n);
    sb_free(&b);
    return out;
}

/* A copy with white space collapsed and trimmed, entities decoded; NULL when
 * nothing is left. */
static char *clean_value(const char *s)
{
    if (!s)
        return NULL;
    char *d = decode_entities(s);
    size_t o = 0;
    int space = 0;
    for (size_t i = 0; d[i]; i++) {
        unsigned char c = (unsigned char)d[i];
        if (c <= ' ') {
            space = 1;
            continue;
        }
        if (space && o)
            d[o++] = ' ';
        space = 0;
        d[o++] = (char)c;
    }
    d[o] = 0;
    if (!o) {
        free(d);
        return NULL;
    }
    return d;
}

/* ---- title --------------------------------------------------------------------------- */

static int count_words(const char *s, size_t n)
{
    int words = 0, in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = s[i] == ' ';
        words += !sp && !in;
        in = !sp;
    }
    return words;
}

/* "Headline | Site", "Headline - Site News": the site's part is dropped when
 * it is short and the headline is longer. */
static void trim_site_suffix(char *title, const char *site)
{
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ",
                                       " \xC2\xBB ", " / ", NULL};
    size_t n = strlen(title);
    const char *cut = NULL;
    size_t cut_len = 0;
    for (size_t k = 0; seps[k]; k++) {
        size_t sl = strlen(seps[k]);
        for (const char *p = title; (p = strstr(p, seps[k])); p += sl)
            if (!cut || p > cut)
                cut = p, cut_len = sl;
    }
    if (!cut)
        return;
    const char *tail = cut + cut_len;
    size_t head_n = (size_t)(cut - title), tail_n = n - (size_t)(tail - title);
    int tail_is_site = site && ascii_ieq(tail, site);
    if (tail_is_site || (count_words(tail, tail_n) <= 4 && count_words(title, head_n) >= 3)) {
        title[head_n] = 0;
        return;
    }
    /* "Site | Headline" */
    const char *first = NULL;
    size_t first_len = 0;
    for (size_t k = 0; seps[k]; k++) {
        const char *p = strstr(title, seps[k]);
        if (p && (!first || p < first))
            first = p, first_len = strlen(seps[k]);
    }
    if (site && first && (size_t)(first - title) == strlen(site) && !strncmp(title, site, strlen(site)))
        memmove(title, first + first_len, strlen(first + first_len) + 1);
}

/* ---- authors ---------------------------------------------------------------------------- */

static void add_author(ng_doc *doc, const char *name, size_t n)
{
    while (n && (*name == ' ' || *name == ','))
        name++, n--;
    if (n >= 3 && (name[0] == 'B' || name[0] == 'b') && name[1] == 'y' && name[2] == ' ')
        name += 3, n -= 3;
    while (n && (name[n - 1] == ' ' || name[n - 1] == ',' || name[n - 1] == '.'))
        n--;
    while (n && *name == ' ')
        name++, n--;
    if (n < 2 || n > 80 || !memcmp(name, "http", 4 < n ? 4 : n))
        return;
    for (size_t i = 0; i < doc->authors.n; i++)
        if (strlen(doc->authors.v[i]) == n && !strncmp(doc->authors.v[i], name, n))
            return;
    if (doc->authors.n < 16)
        *VEC_PUSH(&doc->authors) = ng_xstrndup(name, n);
}

/* An author as metadata gives it: "Jane Doe | Site" and "Text: Jane Doe" are
 * trimmed to the name. */
static void add_author_value(ng_doc *doc, const char *raw)
{
    char *v = clean_value(raw);
    if (!v)
        return;
    const char *name = v;
    const char *colon = strchr(name, ':');
    if (colon && colon - name <= 20 && !memchr(name, ' ', (size_t)(colon - name))) {
        if (colon[1] == ' ')
            name = colon + 2;
        else if ((unsigned char)colon[1] == 0xC2 && (unsigned char)colon[2] == 0xA0) /* no-break space */
            name = colon + 3;
    }
    size_t n = strlen(name);
    static const char *const cuts[] = {" | ", " - ", " \xE2\x80\x94 ", " \xE2\x80\x93 ", NULL};
    for (size_t k = 0; cuts[k]; k++) {
        const char *c = strstr(name, cuts[k]);
        if (c && (size_t)(c - name) < n)
            n = (size_t)(c - name);
    }
    add_author(doc, name, n);
    free(v);
}

static void authors_from_jsonld(ng_doc *doc, const ld_article *ld)
{
    json_t *a = json_object_get(ld->article, "author");
    if (!a)
        a = json_object_get(ld->article, "creator");
    if (!json_is_array(a)) {
        json_t *one = a;
        a = NULL;
        if (json_is_string(one)) {
            add_author_value(doc, json_string_value(one));
            return;
        }
        if (json_is_object(one)) {
            json_t *o = deref(ld, one);
            const char *name = ld_string(o, "name");
            if (name)
                add_author_value(doc, name);
        }
        return;
    }
    size_t i;
    json_t *x;
    json_array_foreach(a, i, x)
    {
        if (i >= 16)
            break; /* as many as the record keeps */
        if (json_is_string(x)) {
            add_author_value(doc, json_string_value(x));
        } else if (json_is_object(x)) {
            const char *name = ld_string(deref(ld, x), "name");
            if (name)
                add_author_value(doc, name);
        }
    }
}

/* Words that end the names of a byline: dates, times, what a byline says
 * around the names. */
static int ends_byline(const char *w, size_t n)
{
    static const char *const stops[] = {
        "jan",     "feb",      "mar",     "apr",       "may",      "jun",       "jul",     "aug",
        "sep",     "sept",     "oct",     "nov",       "dec",      "january",   "february", "march",
        "april",   "june",     "july",    "august",    "september", "october",  "november", "december",
        "monday",  "tuesday",  "wednesday", "thursday", "friday",  "saturday",  "sunday",  "published",
        "updated", "posted",   "last",    "staff",     "writer",   "reporter",  "correspondent",
        "editor",  "columnist", "contributor", "photos", "photo", "video", "read", "min", "follow",
        "email",   "share",    "more",    "about",     "view",     "on",        "at",      NULL};
    char low[16];
    while (n && (w[n - 1] == '.' || w[n - 1] == ',' || w[n - 1] == ':'))
        n--;
    if (n == 0 || n >= sizeof low)
        return n == 0;
    for (size_t i = 0; i < n; i++)
        low[i] = w[i] >= 'A' && w[i] <= 'Z' ? (char)(w[i] + 32) : w[i];
    low[n] = 0;
    for (size_t i = 0; stops[i]; i++)
        if (!strcmp(low, stops[i]))
            return 1;
    return 0;
}

/* A word of a name: a capital (or a letter beyond ASCII) first, no digit. */
static int is_name_word(const char *s, size_t n)
{
    if (!n)
        return 0;
    unsigned char c = (unsigned char)s[0];
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return 0;
    return (c >= 'A' && c <= 'Z') || c >= 0xC0;
}

static int is_all_caps(const char *s, size_t n)
{
    int letters = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 'a' && s[i] <= 'z')
            return 0;
        letters += s[i] >= 'A' && s[i] <= 'Z';
    }
    return letters >= 2;
}

/* "By Jane Doe and Li Wei | Updated Nov. 19, 2019" -> Jane Doe, Li Wei: runs
 * of two to five name words, separated by "and", "&" or commas, up to the
 * first word that is not part of a name (a date, "Staff Writer", a bar). */
static void authors_from_byline(ng_doc *doc, const char *text)
{
    const char *s = text;
    size_t n = strlen(s);
    if (n >= 3 && (s[0] == 'B' || s[0] == 'b') && s[1] == 'y' && s[2] == ' ')
        s += 3, n -= 3;
    size_t name_start = 0, name_end = 0;
    int words = 0, caps = -1;
    for (size_t i = 0;;) {
        while (i < n && s[i] == ' ')
            i++;
        size_t b = i;
        while (i < n && s[i] != ' ')
            i++;
        size_t len = i - b;
        /* A comma or "and" closes the name before it. */
        int comma = len && s[b + len - 1] == ',';
        size_t wl = comma ? len - 1 : len;
        int separator = (wl == 3 && !strncmp(s + b, "and", 3)) || (wl == 1 && s[b] == '&');
        int stop = len == 0 || (!separator && (ends_byline(s + b, wl) || !is_name_word(s + b, wl) ||
                                               (caps >= 0 && caps != is_all_caps(s + b, wl))));
        if (!stop && !separator) {
            if (!words)
                name_start = b, caps = is_all_caps(s + b, wl);
            words++;
            name_end = b + wl;
        }
        if (stop || separator || comma) {
            if (words >= 2 && words <= 5)
                add_author(doc, s + name_start, name_end - name_start);
            words = 0;
            caps = -1;
        }
        if (stop)
            break;
    }
}

static void find_authors(ng_doc *doc, const page_meta *m, const ld_article *ld)
{
    if (ld->article)
        authors_from_jsonld(doc, ld);
    if (doc->authors.n)
        return;
    static const char *const keys[] = {"author", "article:author", "og:article:author", "parsely-author",
                                       "sailthru.author", "dc.creator", "dcterms.creator", "byl", "byline",
                                       NULL};
    for (size_t k = 0; keys[k] && !doc->authors.n; k++)
        for (size_t i = 0; i < m->metas.n; i++)
            if (ascii_ieq(m->metas.v[i].key, keys[k]))
                add_author_value(doc, m->metas.v[i].value);
    for (size_t i = 0; i < m->item_authors.n && !doc->authors.n; i++)
        authors_from_byline(doc, m->item_authors.v[i]);
    for (size_t i = 0; i < m->bylines.n && !doc->authors.n; i++)
        authors_from_byline(doc, m->bylines.v[i]);
}

/* ---- dates --------------------------------------------------------------------------------- */

static int digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* An ISO 8601 date or date-time as the page gives it ("2019-11-19",
 * "2019-11-19T08:30:00-05:00"); "2019/11/19" and "20191119" are written with
 * dashes, a space before the time becomes "T". NULL when it is not one. */
static char *iso_date(const char *raw)
{
    if (!raw)
        return NULL;
    while (*raw == ' ')
        raw++;
    char d[11];
    const char *rest;
    if (digits(raw, 4) && (raw[4] == '-' || raw[4] == '/') && digits(raw + 5, 2) && raw[7] == raw[4] &&
        digits(raw + 8, 2)) {
        snprintf(d, sizeof d, "%.4s-%.2s-%.2s", raw, raw + 5, raw + 8);
        rest = raw + 10;
    } else if (digits(raw, 8) && !(raw[8] >= '0' && raw[8] <= '9')) {
        snprintf(d, sizeof d, "%.4s-%.2s-%.2s", raw, raw + 4, raw + 6);
        rest = raw + 8;
    } else {
        return NULL;
    }
    ymd check;
    if (parse_iso_date(d, &check) != 0)
        return NULL;
    strbuf b = {0};
    sb_append(&b, d, 10);
    if ((rest[0] == 'T' || rest[0] == ' ') && digits(rest + 1, 2) && rest[3] == ':') {
        sb_putc(&b, 'T');
        size_t k = 1;
        while (rest[k] && k < 40 &&
               ((rest[k] >= '0' && rest[k] <= '9') || rest[k] == ':' || rest[k] == '.' || rest[k] == '+' ||
                rest[k] == '-' || rest[k] == 'Z'))
            sb_putc(&b, rest[k++]);
    }
    char *out = ng_xstrndup(b.s, b.n);
    sb_free(&b);
    return out;
}

/* /2019/11/19/ in the address. */
static char *date_from_url(const char *url)
{
    for (const char *p = url ? strchr(url, '/') : NULL; p; p = strchr(p + 1, '/')) {
        if (digits(p + 1, 4) && p[5] == '/' && digits(p + 6, 2) && p[8] == '/' && digits(p + 9, 2) &&
            (p[11] == '/' || p[11] == 0 || p[11] == '-')) {
            char d[11];
            snprintf(d, sizeof d, "%.4s-%.2s-%.2s", p + 1, p + 6, p + 9);
            ymd check;
            if (parse_iso_date(d, &check) == 0)
                return ng_xstrndup(d, 10);
        }
    }
    return NULL;
}

static char *find_published(const page_meta *m, const ld_article *ld, const char *url)
{
    char *d = NULL;
    if (ld->article) {
        d = iso_date(ld_string(ld->article, "datePublished"));
        if (!d)
            d = iso_date(ld_string(ld->article, "dateCreated"));
    }
    static const char *const keys[] = {"article:published_time", "og:article:published_time",
                                       "og:published_time", "datePublished", "published_time",
                                       "article.published", "pubdate", "publishdate", "publish-date",
                                       "publish_date", "parsely-pub-date", "sailthru.date", "dc.date.issued",
                                       "dcterms.issued", "dc.date", "dcterms.created", "dc.date.created", "date",
                                       "cxenseparse:recs:publishtime", NULL};
    for (size_t k = 0; keys[k] && !d; k++)
        d = iso_date(meta_get(m, keys[k]));
    if (!d)
        d = iso_date(m->item_published);
    if (!d)
        d = iso_date(m->time_datetime);
    if (!d)
        d = date_from_url(url);
    return d;
}

/* ---- language, url, site -------------------------------------------------------------------- */

/* A BCP 47 tag in its usual case: "en", "pt-BR", "zh-Hant-TW"; "en_US" is
 * written "en-US". NULL when it is not a tag. */
static char *language_tag(const char *raw)
{
    if (!raw)
        return NULL;
    while (*raw == ' ')
        raw++;
    char out[36];
    size_t n = 0;
    for (const char *p = raw; *p && *p != ',' && *p != ';' && *p != ' '; p++) {
        char c = *p == '_' ? '-' : *p;
        int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!(alnum || c == '-') || n + 1 >= sizeof out)
            return NULL;
        out[n++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    out[n] = 0;
    /* The primary language: two or three letters. */
    size_t first = strcspn(out, "-");
    if (first < 2 || first > 3)
        return NULL;
    for (size_t i = 0; i < first; i++)
        if (out[i] < 'a' || out[i] > 'z')
            return NULL;
    /* Regions in capitals, scripts in title case. */
    for (size_t i = first; i < n;) {
        size_t b = i + 1, e = b;
        while (e < n && out[e] != '-')
            e++;
        if (e - b == 2)
            for (size_t k = b; k < e; k++)
                out[k] = out[k] >= 'a' && out[k] <= 'z' ? (char)(out[k] - 32) : out[k];
        else if (e - b == 4 && out[b] >= 'a' && out[b] <= 'z')
            out[b] = (char)(out[b] - 32);
        i = e;
    }
    return ng_xstrndup(out, n);
}

static int is_web_address(const char *s)
{
    return s && (ascii_istarts(s, "http://") || ascii_istarts(s, "https://"));
}

/* An address from the page, made absolute against the caller's. */
static char *absolute_url(const char *raw, const char *base)
{
    if (!raw || !*raw)
        return NULL;
    if (is_web_address(raw))
        return clean_value(raw);
    if (!is_web_address(base))
        return NULL;
    xmlChar *abs = xmlBuildURI((const xmlChar *)raw, (const xmlChar *)base);
    char *out = abs && is_web_address((const char *)abs) ? clean_value((const char *)abs) : NULL;
    xmlFree(abs);
    return out;
}

static char *find_url(const page_meta *m, const ld_article *ld)
{
    if (is_web_address(m->url))
        return clean_value(m->url);
    char *u = absolute_url(m->canonical, m->url);
    if (!u)
        u = absolute_url(meta_get(m, "og:url"), m->url);
    if (!u && ld->article) {
        u = absolute_url(ld_string(ld->article, "url"), m->url);
        json_t *main = json_object_get(ld->article, "mainEntityOfPage");
        if (!u && json_is_object(main))
            u = absolute_url(ld_string(main, "@id"), m->url);
        else if (!u && json_is_string(main))
            u = absolute_url(json_string_value(main), m->url);
    }
    if (!u && m->url && *m->url)
        u = clean_value(m->url);
    return u;
}

static char *find_site_name(const page_meta *m, const ld_article *ld)
{
    char *s = NULL;
    if (ld->article) {
        json_t *pub = deref(ld, json_object_get(ld->article, "publisher"));
        if (json_is_array(pub))
            pub = deref(ld, json_array_get(pub, 0));
        if (json_is_object(pub))
            s = clean_value(ld_string(pub, "name"));
    }
    if (!s)
        s = clean_value(meta_get(m, "og:site_name"));
    if (!s && ld->website)
        s = clean_value(ld_string(ld->website, "name"));
    if (!s)
        s = clean_value(meta_get(m, "application-name"));
    return s;
}

static char *find_title(const page_meta *m, const ld_article *ld, const char *site)
{
    char *t = NULL;
    if (ld->article) {
        t = clean_value(ld_string(ld->article, "headline"));
        if (!t)
            t = clean_value(ld_string(ld->article, "name"));
    }
    if (!t)
        t = clean_value(meta_get(m, "og:title"));
    if (!t)
        t = clean_value(meta_get(m, "twitter:title"));
    if (!t)
        t = clean_value(m->title_text);
    if (!t)
        t = clean_value(m->h1_text);
    if (t)
        trim_site_suffix(t, site);
    if (t && !*t) {
        free(t);
        t = NULL;
    }
    return t;
}

static char *find_language(const page_meta *m, const ld_article *ld)
{
    char *l = NULL;
    if (ld->article)
        l = language_tag(ld_string(ld->article, "inLanguage"));
    if (!l)
        l = language_tag(m->html_lang);
    if (!l)
        l = language_tag(meta_get(m, "og:locale"));
    if (!l)
        l = language_tag(meta_get(m, "content-language"));
    if (!l)
        l = language_tag(meta_get(m, "dc.language"));
    return l;
}

/* ---- the body that JSON-LD gives ----------------------------------------------------- */

/* Tags that end a paragraph in an articleBody written as HTML. */
static int is_break_tag(const char *s)
{
    static const char *const tags[] = {"p", "/p", "br", "div", "/div", "li", "/li", "h1", "h2", "h3", "h4",
                                       "h5", "h6", "/h", "blockquote", "/blockquote", NULL};
    for (size_t i = 0; tags[i]; i++) {
        size_t n = strlen(tags[i]);
        if (ascii_istarts(s, tags[i]) && !((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z')))
            return 1;
    }
    return 0;
}

/* One line into `out` as a paragraph: white space collapsed, controls and
 * no-break spaces made spaces, trimmed; nothing when empty. */
static void put_paragraph(strbuf *out, const char *s, size_t n)
{
    size_t start = out->n;
    if (out->n)
        sb_append(out, "\n\n", 2);
    size_t text_start = out->n;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int blank = c <= ' ' || c == 0x7F;
        if (c == 0xC2 && i + 1 < n && ((unsigned char)s[i + 1] == 0xA0 || ((unsigned char)s[i + 1] >= 0x80 &&
                                                                           (unsigned char)s[i + 1] < 0xA0))) {
            blank = 1; /* no-break space, C1 controls */
            i++;
        }
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
            blank = 1; /* line and paragraph separators */
            i += 2;
        }
        if (blank) {
            space = 1;
            continue;
        }
        if (space && out->n > text_start)
            sb_putc(out, ' ');
        space = 0;
        sb_putc(out, (char)c);
    }
    if (out->n == text_start)
        out->n = start; /* empty: undo the separator */
}

char *jsonld_body_text(const page_meta *m)
{
    if (!m->jsonld_body)
        return NULL;
    char *d = decode_entities(m->jsonld_body);
    strbuf out = {0};
    size_t i = 0;
    /* Lines, with tags dropped (a break tag ends the line). */
    strbuf cur = {0};
    for (; d[i]; i++) {
        if (d[i] == '<' && (d[i + 1] == '/' || (d[i + 1] >= 'a' && d[i + 1] <= 'z') || (d[i + 1] >= 'A' && d[i + 1] <= 'Z'))) {
            const char *close = strchr(d + i, '>');
            if (close) {
                int brk = is_break_tag(d + i + 1);
                i = (size_t)(close - d);
                if (brk) {
                    put_paragraph(&out, cur.s ? cur.s : "", cur.n);
                    cur.n = 0;
                }
                continue;
            }
        }
        if (d[i] == '\n') {
            put_paragraph(&out, cur.s ? cur.s : "", cur.n);
            cur.n = 0;
            continue;
        }
        sb_putc(&cur, d[i]);
    }
    put_paragraph(&out, cur.s ? cur.s : "", cur.n);
    sb_free(&cur);
    free(d);
    if (!out.n) {
        sb_free(&out);
        return NULL;
    }
    return out.s;
}

/* ---- all of it ------------------------------------------------------------------------------ */

void resolve_metadata(ng_doc *doc, html_page *pg)
{
    page_meta *m = &pg->meta;
    ld_article ld = {0};
    for (size_t i = 0; i < m->jsonld.n; i++) {
        json_t *root = parse_script(m->jsonld.v[i]);
        if (!root)
            continue;
        *VEC_PUSH(&m->jsonld_roots) = root;
        scan_jsonld(root, &ld);
    }
    if (ld.article) {
        const char *body = ld_string(ld.article, "articleBody");
        if (body)
            m->jsonld_body = ng_xstrndup(body, strlen(body));
    }
    doc->site_name = find_site_name(m, &ld);
    doc->title = find_title(m, &ld, doc->site_name);
    doc->url = find_url(m, &ld);
    doc->published = find_published(m, &ld, doc->url);
    doc->language = find_language(m, &ld);
    find_authors(doc, m, &ld);
    VEC_FREE(&ld.with_id);
    /* Relative dates resolve against the page's own date when the caller gave
     * none. */
    ymd d;
    if (!doc->date.year && doc->published && strlen(doc->published) >= 10) {
        char day[11];
        memcpy(day, doc->published, 10);
        day[10] = 0;
        if (parse_iso_date(day, &d) == 0) {
            doc->date = d;
            free(doc->date_text);
            doc->date_text = ng_xstrndup(day, 10);
        }
    }
}

void page_meta_free(page_meta *m)
{
    for (size_t i = 0; i < m->jsonld.n; i++)
        free(m->jsonld.v[i]);
    VEC_FREE(&m->jsonld);
    for (size_t i = 0; i < m->jsonld_roots.n; i++)
        json_decref(m->jsonld_roots.v[i]);
    VEC_FREE(&m->jsonld_roots);
    for (size_t i = 0; i < m->bylines.n; i++)
        free(m->bylines.v[i]);
    VEC_FREE(&m->bylines);
    for (size_t i = 0; i < m->item_authors.n; i++)
        free(m->item_authors.v[i]);
    VEC_FREE(&m->item_authors);
    VEC_FREE(&m->metas);
    free(m->title_text);
    free(m->h1_text);
    free(m->jsonld_body);
    m->title_text = m->h1_text = m->jsonld_body = NULL;
}
