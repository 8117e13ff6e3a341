/*
 * The HTML ingest: a saved news page -> the article's text, paragraphs,
 * captions and metadata; encodings; pages with no article; broken and
 * hostile markup, which must give a record or an error, never a crash, and
 * take time linear in their size. Every case runs the whole pipeline through
 * the public API and asserts on the document's real output.
 */
#define _POSIX_C_SOURCE 200809L /* popen for the command-line checks */
#include "check.h"

#include <stdlib.h>
#include <time.h>

static ng_engine *engine;

/* ---- helpers ------------------------------------------------------------------------ */

static ng_doc *extract_html(const char *bytes, size_t len, const char *url, const char *date)
{
    ng_input in = {bytes, len, NULL, date, NG_FORMAT_HTML, url};
    return ng_extract(engine, &in);
}

static ng_doc *page(const char *html)
{
    return extract_html(html, strlen(html), NULL, NULL);
}

/* A fixture of tests/html, found beside this source file. */
static char *read_fixture(const char *name, size_t *len)
{
    char path[1024];
    const char *here = __FILE__;
    const char *slash = strrchr(here, '/');
    size_t dir = slash ? (size_t)(slash - here) : 0;
    snprintf(path, sizeof path, "%.*s%s../html/%s", (int)dir, here, dir ? "/" : "", name);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *b = realloc(buf, cap *= 2);
            if (!b) {
                free(buf);
                buf = NULL;
            }
            buf = b;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

/* The text of a document, or "(error: why)". Static buffer. */
static const char *text_of_doc(ng_doc *doc)
{
    static char buf[8192];
    if (!doc)
        return "(no doc)";
    if (ng_doc_error(doc)) {
        snprintf(buf, sizeof buf, "(error: %s)", ng_doc_error(doc));
        return buf;
    }
    size_t n;
    const char *t = ng_doc_text(doc, &n);
    snprintf(buf, sizeof buf, "%.*s", (int)n, t);
    return buf;
}

static const char *text_of_page(const char *html)
{
    ng_doc *doc = page(html);
    const char *t = text_of_doc(doc);
    ng_doc_free(doc);
    return t;
}

static int is_error_page(const char *html, size_t len)
{
    ng_doc *doc = extract_html(html, len, NULL, NULL);
    int err = doc && ng_doc_error(doc) != NULL;
    ng_doc_free(doc);
    return err;
}

/* ---- a whole news page --------------------------------------------------------------- */

/* tests/html/harbor-news-page.html: a realistic article page with a cookie
 * banner, navigation, search form, share buttons, a lead photo beside the
 * body, an ad and a "read more" box inside the body, a newsletter sign-up,
 * related stories, comments and a footer, and JSON-LD with an @graph. */
static void test_news_page(void)
{
    size_t len;
    char *html = read_fixture("harbor-news-page.html", &len);
    CHECK(html != NULL);
    if (!html)
        return;
    ng_doc *doc = extract_html(html, len, NULL, NULL);
    CHECK(ng_doc_error(doc) == NULL);
    /* The body only: paragraphs, the subheading, the block quote and the list
     * items each a paragraph; no furniture, no headline, no byline, no ad. */
    size_t n;
    const char *text = ng_doc_text(doc, &n);
    static const char body[] =
        "ROTTERDAM \xE2\x80\x94 Harbor Freight Lines will cut 400 jobs at its Rotterdam terminal, the company said "
        "on Tuesday, blaming a slump in container traffic.\n\n"
        "\xE2\x80\x9CNobody takes these decisions lightly,\xE2\x80\x9D chief executive Ingrid Vos told employees in "
        "a memo. \xE2\x80\x9CWe have to match our costs to the freight we actually carry.\xE2\x80\x9D\n\n"
        "The cuts amount to about a tenth of the workforce in the Netherlands. Analysts said further reductions "
        "were likely if volumes kept falling.\n\n"
        "Union vows to fight\n\n"
        "The dockworkers\xE2\x80\x99 union FNV Havens called the plan \xE2\x80\x9C" "a betrayal of people who kept "
        "the port running through the pandemic.\xE2\x80\x9D\n\n"
        "We will use every means the law gives us to stop these layoffs.\n\n"
        "The company listed three reasons for the cuts:\n\n"
        "Container volumes fell 12 percent last year.\n\n"
        "Fuel and energy costs rose sharply.\n\n"
        "Two large shipping alliances moved their calls to Antwerp.\n\n"
        "Talks between the company and the union are set to begin next week.";
    CHECK(n > sizeof body - 1 && !memcmp(text, body, sizeof body - 1));
    if (!(n > sizeof body - 1 && !memcmp(text, body, sizeof body - 1)))
        fprintf(stderr, "text was:\n%.*s\n", (int)n, text);
    /* Nothing of the furniture anywhere in the text. */
    static const char *const furniture[] = {"cookies", "Share on", "Advertisement", "Read more", "Port volumes",
                                            "newsletter", "Related", "Antwerp overtakes", "harborwatcher",
                                            "Shameful", "rights reserved", "Sign up", "Search", "By Dana"};
    for (size_t i = 0; i < sizeof furniture / sizeof furniture[0]; i++) {
        int found = strstr(text, furniture[i]) != NULL;
        CHECK(!found);
        if (found)
            fprintf(stderr, "  furniture in the text: %s\n", furniture[i]);
    }
    /* Captions: the lead photo beside the body and the one inside it, with
     * their credits, after the body and not in it. */
    CHECK(ng_doc_caption_count(doc) == 2);
    if (ng_doc_caption_count(doc) == 2) {
        CHECK_STR(ng_doc_caption(doc, 0)->text, "Container cranes at the Port of Rotterdam on Monday.");
        CHECK_STR(ng_doc_caption(doc, 0)->credit, "Photo: Jan Visser/Coastal Ledger");
        CHECK_STR(ng_doc_caption(doc, 1)->text, "Ingrid Vos, chief executive of Harbor Freight Lines, in 2025.");
        CHECK_STR(ng_doc_caption(doc, 1)->credit, "Reuters/Piroschka van de Wouw");
    }
    /* Metadata, JSON-LD first: authors by @id reference and inline. */
    CHECK_STR(ng_doc_title(doc), "Harbor Freight Lines to cut 400 jobs in Rotterdam");
    CHECK(ng_doc_author_count(doc) == 2);
    CHECK_STR(ng_doc_author(doc, 0), "Dana Whitfield");
    CHECK_STR(ng_doc_author(doc, 1), "Pieter de Graaf");
    CHECK_STR(ng_doc_published(doc), "2026-03-03T09:15:00+01:00");
    CHECK_STR(ng_doc_language(doc), "en-GB");
    CHECK_STR(ng_doc_site_name(doc), "The Coastal Ledger");
    CHECK_STR(ng_doc_url(doc), "https://coastal-ledger.example/business/2026/03/03/harbor-freight-jobs");
    /* The page's date resolves relative dates when the caller gives none. */
    CHECK_STR(ng_doc_date(doc), "2026-03-03");
    /* And the pipeline ran on the article: the quote and its speaker. */
    int vos = 0;
    for (size_t i = 0; i < ng_doc_quote_count(doc); i++) {
        const ng_quote *q = ng_doc_quote(doc, i);
        if (q->kind == NG_DIRECT && q->speaker && !strcmp(q->speaker, "Ingrid Vos") &&
            !strcmp(q->text, "Nobody takes these decisions lightly,"))
            vos = 1;
    }
    CHECK(vos);
    int tuesday = 0;
    for (size_t i = 0; i < ng_doc_date_count(doc); i++) {
        const ng_date *d = ng_doc_date_at(doc, i);
        if (!strcmp(d->text, "Tuesday") && d->value && !strcmp(d->value, "2026-03-03"))
            tuesday = 1;
    }
    CHECK(tuesday);
    /* The record carries the metadata. */
    const char *json = ng_doc_json(doc, NG_JSON_DEFAULT, NULL);
    CHECK(json && strstr(json, "\"url\":\"https://coastal-ledger.example/business/2026/03/03/harbor-freight-jobs\""));
    CHECK(json && strstr(json, "\"authors\":[\"Dana Whitfield\",\"Pieter de Graaf\"]"));
    CHECK(json && strstr(json, "\"site_name\":\"The Coastal Ledger\""));
    CHECK(json && strstr(json, "\"language\":\"en-GB\""));
    ng_doc_free(doc);

    /* The caller's date wins over the page's, the caller's url over the
     * canonical one. */
    doc = extract_html(html, len, "https://example.org/a", "2026-03-10");
    CHECK_STR(ng_doc_date(doc), "2026-03-10");
    CHECK_STR(ng_doc_url(doc), "https://example.org/a");
    CHECK_STR(ng_doc_published(doc), "2026-03-03T09:15:00+01:00");
    ng_doc_free(doc);
    free(html);
}

/* ---- what is found where ---------------------------------------------------------------------- */

static void test_format_detection(void)
{
    static const char *const pages[] = {
        "<!DOCTYPE html><html><body><p>The council voted on Tuesday to close the library.</p></body></html>",
        "  \n<html><body><p>The council voted on Tuesday to close the library.</p></body></html>",
        "\xEF\xBB\xBF<!doctype HTML><p>The council voted on Tuesday to close the library.</p>",
        "<!-- saved from url=(0014)about:internet --><html><p>The council voted on Tuesday to close the library.",
        "<div><p>The council voted on Tuesday to close the library.</p></div>",
        "<p>The council voted on Tuesday to close the library.</p>"};
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        ng_doc *doc = extract(engine, pages[i], NULL);
        CHECK_STR(text_of_doc(doc), "The council voted on Tuesday to close the library.");
        ng_doc_free(doc);
    }
    /* Text that mentions a tag is still text. */
    ng_doc *doc = extract(engine, "Use the <p> tag for paragraphs, the designer said.", NULL);
    CHECK_STR(text_of_doc(doc), "Use the <p> tag for paragraphs, the designer said.");
    ng_doc_free(doc);
    /* Forced text keeps the markup as text. */
    const char *html = "<p>The council voted.</p>";
    ng_input in = {html, strlen(html), NULL, NULL, NG_FORMAT_TEXT, NULL};
    doc = ng_extract(engine, &in);
    CHECK_STR(text_of_doc(doc), "<p>The council voted.</p>");
    ng_doc_free(doc);
    /* Forced HTML reads plain text as one paragraph. */
    CHECK_STR(text_of_page("The council voted on Tuesday to close the library."),
              "The council voted on Tuesday to close the library.");
}

static void test_blocks(void)
{
    /* Line breaks: one is a line break inside the paragraph, two a new
     * paragraph; entities and white space as a browser shows them. */
    CHECK_STR(text_of_page("<body><div class=\"article-body\">"
                           "<p>First line of the poem<br>second line of the poem</p>"
                           "Loose text in the body, the way older sites write it.<br><br>"
                           "A second paragraph after two breaks &amp; an   entity&nbsp;or two.</div></body>"),
              "First line of the poem\nsecond line of the poem\n\n"
              "Loose text in the body, the way older sites write it.\n\n"
              "A second paragraph after two breaks & an entity or two.");
    /* Inline markup joins words as written: no space where the page has none. */
    CHECK_STR(text_of_page("<p>The <b>council</b> voted <i>unanimously</i>; <a href=\"/x\">the mayor</a>'s "
                           "office con<span>firmed</span> it.</p>"),
              "The council voted unanimously; the mayor's office confirmed it.");
    /* Numeric references to Windows-1252 bytes are the characters browsers show. */
    CHECK_STR(text_of_page("<p>It was 1998&#150;2001, &#147;a long time&#148; ago.</p>"),
              "It was 1998\xE2\x80\x93" "2001, \xE2\x80\x9C" "a long time\xE2\x80\x9D ago.");
    /* Soft hyphens and zero-width spaces are invisible. */
    CHECK_STR(text_of_page("<p>An extra&shy;ordinary meet&#8203;ing of the council.</p>"),
              "An extraordinary meeting of the council.");
    /* Hidden elements are not read. */
    CHECK_STR(text_of_page("<p>The council voted.<span style=\"display: none\"> Hidden words.</span></p>"
                           "<p hidden>A hidden paragraph.</p><p class=\"sr-only\">Screen reader text.</p>"),
              "The council voted.");
    /* <pre> keeps its lines. */
    CHECK_STR(text_of_page("<pre>  line one\n  line two</pre>"), "line one\n  line two");
}

static void test_metadata_fallbacks(void)
{
    /* No JSON-LD: OpenGraph, <meta name=author>, the URL's date, og:locale,
     * the <title> without its site suffix. */
    const char *html =
        "<html><head><title>Council closes library - Millbrook Gazette</title>"
        "<meta property=\"og:site_name\" content=\"Millbrook Gazette\">"
        "<meta property=\"og:locale\" content=\"pt_BR\">"
        "<meta name=\"author\" content=\"By Jane Doe\">"
        "<link rel=\"canonical\" href=\"/news/2025/11/19/library\"></head>"
        "<body><p>The city council voted on Tuesday to close the library on Elm Street.</p></body></html>";
    ng_doc *doc = extract_html(html, strlen(html), "https://gazette.example/x?utm=1", NULL);
    CHECK_STR(ng_doc_title(doc), "Council closes library");
    CHECK_STR(ng_doc_site_name(doc), "Millbrook Gazette");
    CHECK_STR(ng_doc_language(doc), "pt-BR");
    CHECK(ng_doc_author_count(doc) == 1);
    CHECK_STR(ng_doc_author(doc, 0), "Jane Doe");
    CHECK_STR(ng_doc_url(doc), "https://gazette.example/x?utm=1");
    CHECK_STR(ng_doc_published(doc), NULL); /* the caller's url has no date path */
    ng_doc_free(doc);
    /* Without the caller's url: the canonical one, made absolute only when
     * it can be; the date from a <time> element. */
    html = "<html lang=\"de\"><head><link rel=\"canonical\" href=\"https://zeitung.example/2024/01/05/rat\">"
           "</head><body><article><h1>Rat schliesst Bibliothek</h1><time datetime=\"2024-01-05\">5. Januar</time>"
           "<p>Der Stadtrat hat am Dienstag beschlossen, die Bibliothek zu schliessen.</p>"
           "<p class=\"byline\">Von der Redaktion</p></article></body></html>";
    doc = page(html);
    CHECK_STR(ng_doc_url(doc), "https://zeitung.example/2024/01/05/rat");
    CHECK_STR(ng_doc_published(doc), "2024-01-05");
    CHECK_STR(ng_doc_language(doc), "de");
    CHECK_STR(ng_doc_title(doc), "Rat schliesst Bibliothek");
    CHECK_STR(text_of_doc(doc), "Der Stadtrat hat am Dienstag beschlossen, die Bibliothek zu schliessen.");
    ng_doc_free(doc);
    /* The URL's date path, and a visible byline with names. */
    html = "<html><body><div class=\"byline\">By Ann Cole and Li Wei | Updated Nov. 19, 2019</div>"
           "<div class=\"story-body\"><p>The council voted on Tuesday to close the library, the mayor said."
           "</p></div></body></html>";
    doc = extract_html(html, strlen(html), "https://news.example/2019/11/19/library-vote/", NULL);
    CHECK_STR(ng_doc_published(doc), "2019-11-19");
    CHECK(ng_doc_author_count(doc) == 2);
    CHECK_STR(ng_doc_author(doc, 0), "Ann Cole");
    CHECK_STR(ng_doc_author(doc, 1), "Li Wei");
    CHECK_STR(ng_doc_date(doc), "2019-11-19");
    ng_doc_free(doc);
    /* Broken JSON-LD is skipped; an article type inside an array counts;
     * raw line breaks inside its strings are tolerated. */
    html = "<html><head><script type=\"application/ld+json\">{broken</script>"
           "<script type=\"application/ld+json\">[{\"@type\":\"WebPage\"},{\"@type\":[\"ReportageNewsArticle\"],"
           "\"headline\":\"Library\nvote\",\"datePublished\":\"2020/10/28\",\"author\":\"Dana Whitfield\"}]</script>"
           "</head><body><p>The council voted on Tuesday to close the library on Elm Street.</p></body></html>";
    doc = page(html);
    CHECK_STR(ng_doc_title(doc), "Library vote");
    CHECK_STR(ng_doc_published(doc), "2020-10-28");
    CHECK(ng_doc_author_count(doc) == 1);
    CHECK_STR(ng_doc_author(doc, 0), "Dana Whitfield");
    ng_doc_free(doc);
}

/* A page that draws its article with scripts: the JSON-LD articleBody is the
 * article. */
static void test_jsonld_body(void)
{
    const char *html =
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Library "
        "closes\",\"articleBody\":\"<p>The city council voted on Tuesday to close the library on Elm Street, "
        "Mayor Ann Cole said.</p><p>&ldquo;This is a sad day for the city,&rdquo; Cole said after the "
        "meeting, which ran late into the night.</p>\\nThe library opened in 1950 and will close at the end of "
        "the year.\"}</script></head><body><div id=\"app\"></div><script>render()</script></body></html>";
    ng_doc *doc = page(html);
    CHECK_STR(text_of_doc(doc),
              "The city council voted on Tuesday to close the library on Elm Street, Mayor Ann Cole said.\n\n"
              "\xE2\x80\x9CThis is a sad day for the city,\xE2\x80\x9D Cole said after the meeting, which ran late "
              "into the night.\n\nThe library opened in 1950 and will close at the end of the year.");
    CHECK_STR(ng_doc_title(doc), "Library closes");
    CHECK(ng_doc_quote_count(doc) >= 1);
    ng_doc_free(doc);
}

static void test_captions(void)
{
    /* A credit set apart in the caption, one run on at its end, a caption
     * class outside <figure>, and a gallery's repeated caption given once. */
    const char *html =
        "<html><body><div class=\"entry-content\">"
        "<p>The council voted on Tuesday to close the library on Elm Street, the mayor said.</p>"
        "<figure><img src=a.jpg><figcaption><p>The library in 1950.</p><cite class=\"photo-credit\">"
        "City Archives</cite></figcaption></figure>"
        "<p>It will close its doors for good at the end of the year, officials said on Wednesday.</p>"
        "<div class=\"wp-caption\"><img src=b.jpg><p class=\"wp-caption-text\">Mayor Ann Cole at the meeting. "
        "Kevin Mazur/Getty Images</p></div>"
        "<figure><img src=c.jpg><figcaption>The library in 1950.</figcaption></figure>"
        "</div></body></html>";
    ng_doc *doc = page(html);
    CHECK(ng_doc_caption_count(doc) == 2);
    if (ng_doc_caption_count(doc) == 2) {
        CHECK_STR(ng_doc_caption(doc, 0)->text, "The library in 1950.");
        CHECK_STR(ng_doc_caption(doc, 0)->credit, "City Archives");
        CHECK_STR(ng_doc_caption(doc, 1)->text, "Mayor Ann Cole at the meeting.");
        CHECK_STR(ng_doc_caption(doc, 1)->credit, "Kevin Mazur/Getty Images");
    }
    /* The body has no caption in it; the captions follow it. */
    const char *t = text_of_doc(doc);
    CHECK(!strncmp(t, "The council voted on Tuesday to close the library on Elm Street, the mayor said.\n\n"
                      "It will close its doors for good at the end of the year, officials said on Wednesday.\n\n"
                      "The library in 1950. City Archives",
                   strlen("The council voted on Tuesday to close the library on Elm Street, the mayor said.\n\n"
                          "It will close its doors for good at the end of the year, officials said on "
                          "Wednesday.\n\nThe library in 1950. City Archives")));
    ng_doc_free(doc);
}

/* ---- encodings -------------------------------------------------------------------------------- */

static void test_encodings(void)
{
    /* Windows-1252 declared by http-equiv: curly quotes and a dash. */
    static const char cp1252[] = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                                 "charset=windows-1252\"></head><body><p>\x93We will rebuild,\x94 the mayor "
                                 "said \x97 on Tuesday.</p></body></html>";
    ng_doc *doc = extract_html(cp1252, sizeof cp1252 - 1, NULL, NULL);
    CHECK_STR(text_of_doc(doc), "\xE2\x80\x9CWe will rebuild,\xE2\x80\x9D the mayor said \xE2\x80\x94 on Tuesday.");
    ng_doc_free(doc);
    /* Latin-1 declared as such (read as Windows-1252, as browsers do). */
    static const char latin1[] = "<meta charset=\"ISO-8859-1\"><p>Le caf\xE9 a ferm\xE9 mardi.</p>";
    doc = extract_html(latin1, sizeof latin1 - 1, NULL, NULL);
    CHECK_STR(text_of_doc(doc), "Le caf\xC3\xA9 a ferm\xC3\xA9 mardi.");
    ng_doc_free(doc);
    /* A wrong declaration: UTF-8 declared, Latin-1 written. */
    static const char wrong[] = "<meta charset=\"utf-8\"><p>Le caf\xE9 de la place a ferm\xE9 mardi, a "
                                "d\xE9" "clar\xE9 le maire.</p>";
    doc = extract_html(wrong, sizeof wrong - 1, NULL, NULL);
    CHECK_STR(text_of_doc(doc), "Le caf\xC3\xA9 de la place a ferm\xC3\xA9 mardi, a d\xC3\xA9" "clar\xC3\xA9 le maire.");
    ng_doc_free(doc);
    /* The other way: Latin-1 declared, UTF-8 written. */
    static const char wrong2[] = "<meta charset=\"iso-8859-1\"><p>Le caf\xC3\xA9 a ferm\xC3\xA9 mardi.</p>";
    doc = extract_html(wrong2, sizeof wrong2 - 1, NULL, NULL);
    CHECK_STR(text_of_doc(doc), "Le caf\xC3\xA9 a ferm\xC3\xA9 mardi.");
    ng_doc_free(doc);
    /* UTF-8 with a byte order mark; UTF-16 (little and big endian) by theirs. */
    static const char bom8[] = "\xEF\xBB\xBF<p>Caf\xC3\xA9 owners met.</p>";
    doc = extract(engine, bom8, NULL);
    CHECK_STR(text_of_doc(doc), "Caf\xC3\xA9 owners met.");
    ng_doc_free(doc);
    static const char utf16le[] = "\xFF\xFE<\0p\0>\0C\0a\0f\0\xE9\0 \0m\0e\0t\0.\0<\0/\0p\0>\0";
    ng_input in = {utf16le, sizeof utf16le - 1, NULL, NULL, NG_FORMAT_AUTO, NULL};
    doc = ng_extract(engine, &in);
    CHECK_STR(text_of_doc(doc), "Caf\xC3\xA9 met.");
    ng_doc_free(doc);
    static const char utf16be[] = "\xFE\xFF\0<\0p\0>\0C\0a\0f\0\xE9\0 \0m\0e\0t\0.\0<\0/\0p\0>";
    doc = extract_html(utf16be, sizeof utf16be - 1, NULL, NULL);
    CHECK_STR(text_of_doc(doc), "Caf\xC3\xA9 met.");
    ng_doc_free(doc);
    /* Shift_JIS, declared. */
    static const char sjis[] = "<meta charset=\"shift_jis\"><p>\x8E\x73\x92\xB7\x82\xAA\x8C\xBE\x82\xC1\x82\xBD"
                               "\x81\x42</p>";
    doc = extract_html(sjis, sizeof sjis - 1, NULL, NULL);
    CHECK_STR(text_of_doc(doc), "\xE5\xB8\x82\xE9\x95\xB7\xE3\x81\x8C\xE8\xA8\x80\xE3\x81\xA3\xE3\x81\x9F\xE3\x80\x82");
    ng_doc_free(doc);
    /* An unknown charset: bytes read as Windows-1252, never an error. */
    static const char unknown[] = "<meta charset=\"x-no-such-charset\"><p>Caf\xE9 owners met.</p>";
    doc = extract_html(unknown, sizeof unknown - 1, NULL, NULL);
    CHECK_STR(text_of_doc(doc), "Caf\xC3\xA9 owners met.");
    ng_doc_free(doc);
}

/* ---- pages with no article, broken pages ----------------------------------------------------- */

static void test_no_article(void)
{
    static const char *const pages[] = {
        /* a login form */
        "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form action=\"/login\">"
        "<h1>Sign in to your account</h1><label>Email</label><input type=\"email\" name=\"e\">"
        "<label>Password</label><input type=\"password\" name=\"p\"><button>Sign in</button>"
        "<a href=\"/forgot\">Forgot your password?</a><p>By signing in you agree to our Terms of Service "
        "and Privacy Policy.</p></form></body></html>",
        /* a JSON blob served as HTML */
        "{\"id\": 123, \"title\": \"Council votes\", \"items\": [1, 2, 3], \"body\": {\"text\": \"The council "
        "voted on Tuesday\", \"tags\": [\"a\", \"b\"]}, \"meta\": {\"a\": null}}",
        /* scripts only */
        "<html><head><script>var a = 1;</script></head><body><script>document.write('<p>Hello, "
        "reader, this is a long line of script.</p>');</script><noscript>Please enable JavaScript to read "
        "this site.</noscript></body></html>",
        /* nothing */
        "<html><body></body></html>",
        "<!DOCTYPE html>",
        "<html><head><title>Only a title</title></head></html>",
        /* styles and hidden text only */
        "<html><body><style>p{color:red}</style><div hidden><p>Not shown to anyone at all.</p></div></body></html>",
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        ng_doc *doc = page(pages[i]);
        CHECK(doc && ng_doc_error(doc) && !strcmp(ng_doc_error(doc), "no article text found in the page"));
        if (doc && !ng_doc_error(doc))
            fprintf(stderr, "  page %zu gave: %s\n", i, text_of_doc(doc));
        /* An error record, as JSON. */
        const char *json = doc ? ng_doc_json(doc, NG_JSON_DEFAULT, NULL) : NULL;
        CHECK(json && strstr(json, "\"error\":\"no article text found in the page\""));
        ng_doc_free(doc);
    }
    /* Empty input, a NUL byte, over the size limit: the usual error records. */
    CHECK(is_error_page("", 0));
    CHECK(is_error_page("<p>The council\0 voted.</p>", 25));
    ng_options opt = {.max_bytes = 64};
    ng_engine *small = ng_engine_new(&opt);
    static const char big[] = "<html><body><p>The council voted on Tuesday to close the library.</p></body></html>";
    ng_input in = {big, sizeof big - 1, NULL, NULL, NG_FORMAT_HTML, NULL};
    ng_doc *doc = ng_extract(small, &in);
    CHECK(doc && ng_doc_error(doc) && strstr(ng_doc_error(doc), "--max-bytes"));
    ng_doc_free(doc);
    ng_engine_free(small);
}

static void test_broken_markup(void)
{
    /* Unclosed and misnested tags: the words, in order, nothing lost. */
    CHECK_STR(text_of_page("<html><body><div><p>The council <b>voted <i>on</b> Tuesday</i> to close the library."
                           "<p>Mayor Ann Cole said the vote was final.<div>It was a long meeting, she said."),
              "The council voted on Tuesday to close the library.\n\n"
              "Mayor Ann Cole said the vote was final.\n\n"
              "It was a long meeting, she said.");
    /* Stray end tags, an unterminated comment, a tag cut off at the end. */
    ng_doc *doc = page("</div></p><p>The council voted on Tuesday.</span></td><!-- never closed <p>more");
    CHECK(doc && !ng_doc_error(doc));
    CHECK(doc && strstr(text_of_doc(doc), "The council voted on Tuesday.") != NULL);
    ng_doc_free(doc);
    doc = page("<p>The council voted on Tuesday to close the library.</p><a href=\"x");
    CHECK_STR(text_of_doc(doc), "The council voted on Tuesday to close the library.");
    ng_doc_free(doc);
    /* Attributes without quotes, duplicated, without values. */
    CHECK_STR(text_of_page("<p class=a class=b id title=x\"y>The council voted on Tuesday.</p>"),
              "The council voted on Tuesday.");
}

/* ---- size and depth: records, and time linear in the page ------------------------------------- */

/* `depth` nested elements around a paragraph. */
static char *nested_page(const char *open, const char *close, size_t depth, size_t *len)
{
    static const char para[] = "<p>The city council voted on Tuesday to close the library, Mayor Ann Cole "
                               "said. \"This is a sad day,\" Cole said.</p>";
    size_t ol = strlen(open), cl = strlen(close);
    char *s = malloc(depth * (ol + cl) + sizeof para + 64);
    size_t n = 0;
    memcpy(s, "<html><body>", 12), n = 12;
    for (size_t i = 0; i < depth; i++)
        memcpy(s + n, open, ol), n += ol;
    memcpy(s + n, para, sizeof para - 1), n += sizeof para - 1;
    for (size_t i = 0; i < depth; i++)
        memcpy(s + n, close, cl), n += cl;
    memcpy(s + n, "</body></html>", 14), n += 14;
    *len = n;
    return s;
}

static double seconds_for(const char *bytes, size_t len, int *ok, const char *want_in_text)
{
    clock_t t = clock();
    ng_doc *doc = extract_html(bytes, len, NULL, NULL);
    double s = (double)(clock() - t) / CLOCKS_PER_SEC;
    *ok = doc && !ng_doc_error(doc) && strstr(text_of_doc(doc), want_in_text) != NULL;
    ng_doc_free(doc);
    return s;
}

static void test_deep_nesting(void)
{
    static const char *const shapes[][2] = {{"<div>", "</div>"}, {"<span>", "</span>"}, {"<div>", ""},
                                            {"<blockquote><ul><li>", ""}, {"<table><tr><td>", ""}};
    for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
        size_t n1, n4;
        char *p1 = nested_page(shapes[k][0], shapes[k][1], 10000, &n1);
        char *p4 = nested_page(shapes[k][0], shapes[k][1], 40000, &n4);
        int ok1, ok4;
        double t1 = seconds_for(p1, n1, &ok1, "This is a sad day");
        double t4 = seconds_for(p4, n4, &ok4, "This is a sad day");
        CHECK(ok1 && ok4);
        /* Four times the depth, about four times the time (generous, for
         * shared machines): never quadratic. */
        CHECK(t4 < 12 * t1 + 0.05);
        if (!(t4 < 12 * t1 + 0.05) || !(ok1 && ok4))
            fprintf(stderr, "  %s x10000: %.3fs, x40000: %.3fs\n", shapes[k][0], t1, t4);
        free(p1);
        free(p4);
    }
}

/* A page of `paras` paragraphs, with navigation and links between them. */
static char *long_page(size_t paras, size_t *len)
{
    static const char head[] = "<html><head><title>Long</title></head><body><nav><a href=/>Home</a></nav>"
                               "<div class=\"article-body\">";
    static const char para[] = "<p>The council met again on Tuesday, and the members argued about money, "
                               "schools and <a href=\"/roads\">roads</a> for hours, the clerk said.</p>\n";
    static const char tail[] = "</div><footer>Footer</footer></body></html>";
    char *s = malloc(sizeof head + paras * (sizeof para - 1) + sizeof tail);
    size_t n = 0;
    memcpy(s, head, sizeof head - 1), n = sizeof head - 1;
    for (size_t i = 0; i < paras; i++)
        memcpy(s + n, para, sizeof para - 1), n += sizeof para - 1;
    memcpy(s + n, tail, sizeof tail), n += sizeof tail - 1;
    *len = n;
    return s;
}

static void test_large_page(void)
{
    size_t n1, n4;
    char *p1 = long_page(5000, &n1);  /* about 0.7 MB */
    char *p4 = long_page(20000, &n4); /* about 2.8 MB */
    int ok1, ok4;
    double t1 = seconds_for(p1, n1, &ok1, "the clerk said");
    double t4 = seconds_for(p4, n4, &ok4, "the clerk said");
    CHECK(ok1 && ok4);
    CHECK(t4 < 12 * t1 + 0.05);
    if (!(t4 < 12 * t1 + 0.05))
        fprintf(stderr, "  0.7 MB: %.3fs, 2.8 MB: %.3fs\n", t1, t4);
    free(p1);
    free(p4);
    /* A page of one huge text node, and one of a hundred thousand tiny
     * elements, are records too. */
    size_t n = 4 << 20;
    char *s = malloc(n + 64);
    memcpy(s, "<p>", 3);
    for (size_t i = 3; i < n; i++)
        s[i] = (i % 7) ? 'a' : ' ';
    memcpy(s + n, "</p>", 5);
    int ok;
    seconds_for(s, n + 4, &ok, "aaaaaa");
    CHECK(ok);
    free(s);
    size_t k = 100000;
    s = malloc(k * 8 + 64);
    n = 0;
    for (size_t i = 0; i < k; i++)
        memcpy(s + n, "<b>x</b>", 8), n += 8;
    seconds_for(s, n, &ok, "xxxx");
    CHECK(ok);
    free(s);
}

/* `count` copies of `unit` (which holds one "%d" for its number) inside
 * `head` ... `tail`. */
static char *repeated_page(const char *head, const char *unit, const char *tail, size_t count, size_t *len)
{
    size_t cap = strlen(head) + strlen(tail) + count * (strlen(unit) + 16) + 1, n = 0;
    char *s = malloc(cap);
    n += (size_t)snprintf(s + n, cap - n, "%s", head);
    for (size_t i = 0; i < count; i++)
        n += (size_t)snprintf(s + n, cap - n, unit, (int)i);
    n += (size_t)snprintf(s + n, cap - n, "%s", tail);
    *len = n;
    return s;
}

/* Pages whose article comes in many parts: many siblings that join the
 * best container, many chunks of the body apart in the tree, many captions,
 * many authors in JSON-LD. Four times the parts, about four times the time. */
static void test_many_parts(void)
{
#define PARA "<p>The council met on Tuesday and argued about money, schools and roads for hours, clerk %d said.</p>"
    static const char *const shapes[][3] = {
        {"<html><body><main>", "<div class=\"x\">" PARA "</div>", "</main></body></html>"},
        {"<html><body>", "<section><div class=\"article-body\">" PARA "</div><aside>Ad</aside></section>",
         "</body></html>"},
        {"<html><body><article><p>The council met on Tuesday, and it argued for hours about the money.</p>",
         "<figure><img src=a.jpg><figcaption>Photo %d of the meeting.</figcaption></figure>",
         "</article></body></html>"},
        {"<html><body><div class=\"byline\">By Ann Cole</div>", "<p class=\"byline\">Updated %d</p>" PARA,
         "</body></html>"},
    };
#undef PARA
    for (size_t k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
        size_t n1, n4;
        char *p1 = repeated_page(shapes[k][0], shapes[k][1], shapes[k][2], 5000, &n1);
        char *p4 = repeated_page(shapes[k][0], shapes[k][1], shapes[k][2], 20000, &n4);
        int ok1, ok4;
        double t1 = seconds_for(p1, n1, &ok1, "The council met");
        double t4 = seconds_for(p4, n4, &ok4, "The council met");
        CHECK(ok1 && ok4);
        CHECK(t4 < 12 * t1 + 0.05);
        if (!(t4 < 12 * t1 + 0.05) || !(ok1 && ok4))
            fprintf(stderr, "  shape %zu x5000: %.3fs, x20000: %.3fs\n", k, t1, t4);
        free(p1);
        free(p4);
    }
    /* The captions of a huge gallery are capped; the body is whole. */
    size_t n;
    char *p = repeated_page(shapes[2][0], shapes[2][1], shapes[2][2], 5000, &n);
    ng_doc *doc = extract_html(p, n, NULL, NULL);
    CHECK(ng_doc_caption_count(doc) == 1000);
    ng_doc_free(doc);
    free(p);
}

/* ---- the command --------------------------------------------------------------------------------- */

/* The command's output for `args`, when the built command sits where CMake
 * puts it (next to the tests directory); NULL otherwise. */
static char *run_command(const char *self, const char *args)
{
    char cmd[2048], bin[1024];
    const char *slash = strrchr(self, '/');
    if (!slash)
        return NULL;
    snprintf(bin, sizeof bin, "%.*s/../nutgraf", (int)(slash - self), self);
    FILE *probe = fopen(bin, "rb");
    if (!probe)
        return NULL;
    fclose(probe);
    snprintf(cmd, sizeof cmd, "'%s' 2>/dev/null %s", bin, args);
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    size_t cap = 1 << 16, n = 0, got;
    char *out = malloc(cap);
    while ((got = fread(out + n, 1, cap - n - 1, p)) > 0) {
        n += got;
        if (n + 1 == cap)
            out = realloc(out, cap *= 2);
    }
    out[n] = 0;
    pclose(p);
    return out;
}

static void test_command(const char *self)
{
    char fixture[1024];
    const char *here = __FILE__;
    const char *slash = strrchr(here, '/');
    snprintf(fixture, sizeof fixture, "%.*s/../html/harbor-news-page.html", (int)(slash ? slash - here : 0), here);
    char args[1200];
    snprintf(args, sizeof args, "extract '%s'", fixture);
    char *out = run_command(self, args);
    if (!out) {
        fprintf(stderr, "  (the command is not beside the tests: command checks skipped)\n");
        return;
    }
    /* Detected as a page. */
    CHECK(strstr(out, "\"site_name\":\"The Coastal Ledger\"") && strstr(out, "\"text\":\"ROTTERDAM"));
    free(out);
    /* --text reads the same bytes as text. */
    snprintf(args, sizeof args, "extract --text '%s'", fixture);
    out = run_command(self, args);
    CHECK(out && strstr(out, "\"site_name\":null") && strstr(out, "<!DOCTYPE html>"));
    free(out);
    /* JSON Lines with "html" and "url". */
    out = run_command(self, "extract --jsonl <<'EOF'\n"
                            "{\"id\":\"p1\",\"html\":\"<p>The council voted on Tuesday, the mayor said.</p>\","
                            "\"url\":\"https://x.example/2020/10/28/a\"}\n"
                            "{\"id\":\"t1\",\"text\":\"<p>The council voted.</p>\"}\n"
                            "{\"id\":\"p2\",\"html\":\"<html><body></body></html>\"}\n"
                            "EOF");
    CHECK(out != NULL);
    if (out) {
        char *l2 = strchr(out, '\n');
        char *l3 = l2 ? strchr(l2 + 1, '\n') : NULL;
        CHECK(l2 && l3);
        if (l2 && l3) {
            *l2 = *l3 = 0;
            CHECK(strstr(out, "\"id\":\"p1\"") && strstr(out, "\"url\":\"https://x.example/2020/10/28/a\"") &&
                  strstr(out, "\"published\":\"2020-10-28\"") && strstr(out, "\"text\":\"The council voted on"));
            /* "text" that looks like a page is read as a page too (auto). */
            CHECK(strstr(l2 + 1, "\"id\":\"t1\"") && strstr(l2 + 1, "\"text\":\"The council voted.\""));
            CHECK(strstr(l3 + 1, "\"id\":\"p2\"") && strstr(l3 + 1, "\"error\":\"no article text found"));
        }
    }
    free(out);
}

int main(int argc, char **argv)
{
    (void)argc;
    engine = ng_engine_new(NULL);
    if (!engine) {
        fprintf(stderr, "no engine\n");
        return 1;
    }
    test_news_page();
    test_format_detection();
    test_blocks();
    test_metadata_fallbacks();
    test_jsonld_body();
    test_captions();
    test_encodings();
    test_no_article();
    test_broken_markup();
    test_deep_nesting();
    test_large_page();
    test_many_parts();
    test_command(argv[0]);
    ng_engine_free(engine);
    return check_done();
}
