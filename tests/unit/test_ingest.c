/*
 * The ingest stage: bytes -> normalized text, error records for input that
 * cannot be processed, the title line, the byline and photo captions with
 * their credits. Every case runs the whole pipeline and asserts on the
 * document's real text, title, error and captions.
 */
#include "check.h"

#include <stdlib.h>

static ng_engine *engine;

/* Runs the pipeline on `len` bytes, which may hold NUL or invalid UTF-8. */
static ng_doc *extract_bytes(const ng_engine *e, const char *bytes, size_t len)
{
    ng_input in = {bytes, len, NULL, NULL, NG_FORMAT_TEXT, NULL};
    return ng_extract(e, &in);
}

/* The normalized text of `bytes`, copied into a static buffer ("(error)" when
 * the input was refused). */
static const char *text_of(const char *bytes, size_t len)
{
    static char buf[1024];
    ng_doc *doc = extract_bytes(engine, bytes, len);
    if (!doc)
        return "(no doc)";
    if (ng_doc_error(doc)) {
        ng_doc_free(doc);
        return "(error)";
    }
    size_t n = 0;
    const char *t = ng_doc_text(doc, &n);
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, t, n);
    buf[n] = 0;
    ng_doc_free(doc);
    return buf;
}

#define TEXT_OF(lit) text_of(lit, sizeof(lit) - 1)

/* The title found in `text` (NULL when none), copied. */
static const char *title_of(const char *text)
{
    static char buf[512];
    ng_doc *doc = extract(engine, text, NULL);
    const char *t = doc ? ng_doc_title(doc) : NULL;
    const char *ret = NULL;
    if (t) {
        size_t n = strlen(t);
        if (n >= sizeof buf)
            n = sizeof buf - 1;
        memcpy(buf, t, n);
        buf[n] = 0;
        ret = buf;
    }
    ng_doc_free(doc);
    return ret;
}

static int has_error(const char *bytes, size_t len)
{
    ng_doc *doc = extract_bytes(engine, bytes, len);
    int err = doc && ng_doc_error(doc) != NULL;
    ng_doc_free(doc);
    return err;
}

/* ---- normalization -------------------------------------------------------- */

static void test_line_ends(void)
{
    /* CRLF and a lone CR both become LF; the text is trimmed at both ends. */
    CHECK_STR(TEXT_OF("Council votes to close library\r\n\r\nThe council voted on Tuesday.\r\n"),
              "Council votes to close library\n\nThe council voted on Tuesday.");
    CHECK_STR(TEXT_OF("Council votes to close library\r\rThe council voted on Tuesday.\r"),
              "Council votes to close library\n\nThe council voted on Tuesday.");
    /* Mixed: CR LF is one line end, LF CR is two. */
    CHECK_STR(TEXT_OF("One line.\r\nTwo lines.\n\rThree."), "One line.\nTwo lines.\n\nThree.");
    /* A CRLF text gives the same paragraphs (and so the same title) as LF. */
    CHECK_STR(title_of("Council votes to close library\r\n\r\nThe council voted on Tuesday to close it.\r\n"),
              "Council votes to close library");
    CHECK_STR(title_of("Council votes to close library\r\rThe council voted on Tuesday to close it.\r"),
              "Council votes to close library");
}

static void test_bom(void)
{
    CHECK_STR(TEXT_OF("\xEF\xBB\xBFThe council voted on Tuesday."), "The council voted on Tuesday.");
    CHECK_STR(title_of("\xEF\xBB\xBF"
                       "Council votes to close library\n\nThe council voted on Tuesday to close it."),
              "Council votes to close library");
    /* Only a leading BOM is a byte order mark. */
    ng_doc *doc = extract(engine, "\xEF\xBB\xBF", NULL);
    CHECK(ng_doc_error(doc) != NULL); /* nothing but a BOM: empty */
    ng_doc_free(doc);
}

static void test_invalid_utf8(void)
{
    /* A Latin-1 byte, a stray continuation byte, an impossible byte: one
     * U+FFFD each, the rest kept. */
    CHECK_STR(TEXT_OF("Caf\xE9 Noir opened."), "Caf\xEF\xBF\xBD Noir opened.");
    CHECK_STR(TEXT_OF("A \x80 B."), "A \xEF\xBF\xBD B.");
    CHECK_STR(TEXT_OF("A \xFF B."), "A \xEF\xBF\xBD B.");
    /* A lead byte followed by no continuation: the lead byte alone is bad. */
    CHECK_STR(TEXT_OF("Ni\xC3(o) said."), "Ni\xEF\xBF\xBD(o) said.");
    /* Overlong encodings and surrogates are invalid, byte by byte. */
    CHECK_STR(TEXT_OF("A \xC0\xAF B."), "A \xEF\xBF\xBD\xEF\xBF\xBD B.");
    CHECK_STR(TEXT_OF("A \xED\xA0\x80 B."), "A \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD B.");
    /* At the very end of the input. */
    CHECK_STR(TEXT_OF("The end \xE9"), "The end \xEF\xBF\xBD");
    /* Valid multi-byte characters pass unchanged. */
    CHECK_STR(TEXT_OF("Caf\xC3\xA9 \xE2\x80\x9CNoir\xE2\x80\x9D \xF0\x9F\x98\x80."),
              "Caf\xC3\xA9 \xE2\x80\x9CNoir\xE2\x80\x9D \xF0\x9F\x98\x80.");
    /* Repaired, never fatal: the rest of the pipeline runs. */
    ng_doc *doc = extract(engine, "Caf\xE9 owner Maria Lopez said the shop would close.", NULL);
    CHECK(ng_doc_error(doc) == NULL);
    CHECK(ng_doc_quote_count(doc) == 1);
    if (ng_doc_quote_count(doc) == 1)
        CHECK_STR(ng_doc_quote(doc, 0)->speaker, "Maria Lopez");
    ng_doc_free(doc);
}

/* ---- error records ---------------------------------------------------------- */

static void test_nul_byte(void)
{
    static const char bytes[] = "The council\0 voted.";
    ng_doc *doc = extract_bytes(engine, bytes, sizeof bytes - 1);
    const char *err = ng_doc_error(doc);
    CHECK(err != NULL);
    CHECK(err && strstr(err, "NUL") != NULL);
    CHECK(err && strstr(err, "offset 11") != NULL);
    CHECK(ng_doc_entity_count(doc) == 0 && ng_doc_quote_count(doc) == 0);
    ng_doc_free(doc);
    /* At offset 0. */
    doc = extract_bytes(engine, "\0abc", 4);
    err = ng_doc_error(doc);
    CHECK(err && strstr(err, "offset 0") != NULL);
    ng_doc_free(doc);
}

static void test_empty(void)
{
    CHECK(has_error("", 0));
    CHECK(has_error(" \n\t\r\n  \r", 8));
    CHECK(has_error("\n\n\n", 3));
    /* A NULL text with length 0 is empty input, not a crash. */
    ng_input in = {NULL, 0, NULL, NULL, NG_FORMAT_TEXT, NULL};
    ng_doc *doc = ng_extract(engine, &in);
    CHECK(doc && ng_doc_error(doc) != NULL);
    ng_doc_free(doc);
    /* One word is enough. */
    CHECK(!has_error("  Hello  ", 9));
}

static void test_max_bytes(void)
{
    ng_options opt = {.max_bytes = 100};
    ng_engine *small = ng_engine_new(&opt);
    CHECK(small != NULL);
    if (!small)
        return;
    char buf[201];
    memset(buf, 'a', sizeof buf - 1);
    for (size_t i = 9; i < sizeof buf - 1; i += 10)
        buf[i] = ' ';
    buf[sizeof buf - 1] = 0;
    ng_doc *doc = extract_bytes(small, buf, 101);
    CHECK(ng_doc_error(doc) != NULL);
    CHECK(ng_doc_error(doc) && strstr(ng_doc_error(doc), "100") != NULL); /* names the limit */
    ng_doc_free(doc);
    doc = extract_bytes(small, buf, 100); /* exactly the limit is accepted */
    CHECK(ng_doc_error(doc) == NULL);
    ng_doc_free(doc);
    doc = extract_bytes(small, buf, 200);
    CHECK(ng_doc_error(doc) != NULL);
    ng_doc_free(doc);
    /* The default engine takes the same 200 bytes. */
    doc = extract_bytes(engine, buf, 200);
    CHECK(ng_doc_error(doc) == NULL);
    ng_doc_free(doc);
    ng_engine_free(small);
}

/* ---- title and byline ----------------------------------------------------------- */

static void test_title(void)
{
    CHECK_STR(title_of("Council votes to close Elm Street library\n\n"
                       "The Millbrook city council voted 5-2 on Tuesday to close the library."),
              "Council votes to close Elm Street library");
    /* A headline may end in a question mark or carry quote marks. */
    CHECK_STR(title_of("Is the four-day school week here to stay?\n\nThe district voted on Monday to keep it."),
              "Is the four-day school week here to stay?");
    CHECK_STR(title_of("Mayor calls budget \"a disgrace\"\n\nThe mayor criticized the budget on Monday."),
              "Mayor calls budget \"a disgrace\"");
    /* The first line is a full sentence: no title. */
    CHECK_STR(title_of("The Millbrook city council voted 5-2 on Tuesday to close the library.\n\n"
                       "Members said the building was too expensive to repair."),
              NULL);
    /* One paragraph only: no title, whatever it looks like. */
    CHECK_STR(title_of("Council votes to close library"), NULL);
    /* The title is not also a caption or a quote source. */
    ng_doc *doc = extract(engine,
                          "Council votes to close library\n\nThe council voted on Tuesday to close the library.",
                          NULL);
    CHECK(ng_doc_caption_count(doc) == 0);
    ng_doc_free(doc);
}

static void test_byline(void)
{
    const char *text = "Council votes to close library\n\n"
                       "By Jane Smith\n\n"
                       "The council voted on Tuesday to close the library. Members said it was a sad day.";
    ng_doc *doc = extract(engine, text, NULL);
    CHECK(ng_doc_error(doc) == NULL);
    CHECK_STR(ng_doc_title(doc), "Council votes to close library");
    /* The writer is a person named in the article, and its author. */
    int byline_person = 0;
    for (size_t i = 0; i < ng_doc_entity_count(doc); i++) {
        const ng_entity *e = ng_doc_entity(doc, i);
        if (!strcmp(e->name, "Jane Smith") && e->type == NG_PERSON)
            byline_person = 1;
    }
    CHECK(byline_person);
    CHECK(ng_doc_author_count(doc) == 1);
    CHECK_STR(ng_doc_author(doc, 0), "Jane Smith");
    CHECK(ng_doc_caption_count(doc) == 0);
    ng_doc_free(doc);
    /* Several writers, and a role after the comma that is not one. */
    doc = extract(engine,
                  "Rail chaos\n\nBy Priya Sandhu and Tom Ellery, Transport Correspondents\n\n"
                  "Trains were cancelled across the region on Monday.",
                  NULL);
    CHECK(ng_doc_author_count(doc) == 2);
    CHECK_STR(ng_doc_author(doc, 0), "Priya Sandhu");
    CHECK_STR(ng_doc_author(doc, 1), "Tom Ellery");
    ng_doc_free(doc);
    /* The byline's author is no antecedent: "She" has no one to refer to. */
    doc = extract(engine,
                  "Council votes to close library\n\nBy Jane Smith\n\n"
                  "The council voted on Tuesday to close the library. She said it was a sad day.",
                  NULL);
    CHECK(ng_doc_quote_count(doc) == 1);
    if (ng_doc_quote_count(doc) == 1)
        CHECK_STR(ng_doc_quote(doc, 0)->speaker, NULL);
    ng_doc_free(doc);
}

/* ---- captions ---------------------------------------------------------------------- */

/* The only caption of `text`: its text and credit joined as "TEXT | CREDIT"
 * ("TEXT | (none)" without credit), or "(n captions)" when not exactly one. */
static const char *caption_of(const char *text)
{
    static char buf[1024];
    ng_doc *doc = extract(engine, text, NULL);
    size_t n = ng_doc_caption_count(doc);
    if (n != 1) {
        snprintf(buf, sizeof buf, "(%zu captions)", n);
    } else {
        const ng_caption *c = ng_doc_caption(doc, 0);
        snprintf(buf, sizeof buf, "%s | %s", c->text, c->credit ? c->credit : "(none)");
    }
    ng_doc_free(doc);
    return buf;
}

static void test_captions(void)
{
    /* A credit run on after the caption's last sentence. */
    CHECK_STR(caption_of("Chrissy Teigen shares update\n\n"
                         "The model posted a long note on Tuesday.\n\n"
                         "Chrissy Teigen attends the 2020 Vanity Fair Oscar Party in Beverly Hills, California. "
                         "Getty/Axelle/Bauer-Griffin/FilmMagic"),
              "Chrissy Teigen attends the 2020 Vanity Fair Oscar Party in Beverly Hills, California. | "
              "Getty/Axelle/Bauer-Griffin/FilmMagic");
    CHECK_STR(caption_of("Band plays final show\n\n"
                         "The band played its last show on Tuesday.\n\n"
                         "John Legend performs onstage at the arena on Tuesday. Kevin Mazur/Getty Images"),
              "John Legend performs onstage at the arena on Tuesday. | Kevin Mazur/Getty Images");
    /* A credit in parentheses: the credit is the text inside them. */
    CHECK_STR(caption_of("Fans mourn star\n\n"
                         "Fans gathered on Sunday.\n\n"
                         "Fans gather outside the arena in Miami. (Photo by Jane Doe/AFP via Getty Images)"),
              "Fans gather outside the arena in Miami. | Photo by Jane Doe/AFP via Getty Images");
    /* A credit line of its own credits the line before. */
    CHECK_STR(caption_of("Storm hits coast\n\n"
                         "The storm made landfall on Monday.\n\n"
                         "A man walks through a flooded street in Houma, Louisiana.\n\n"
                         "Photograph: Jane Doe/Reuters"),
              "A man walks through a flooded street in Houma, Louisiana. | Photograph: Jane Doe/Reuters");
    CHECK_STR(caption_of("Storm hits coast\n\n"
                         "The storm made landfall on Monday.\n\n"
                         "A man walks through a flooded street.\n"
                         "Photograph: Jane Doe/Reuters"),
              "A man walks through a flooded street. | Photograph: Jane Doe/Reuters");
#ifdef NG_KNOWN_FAILURES
    /* Engine: a caption line of 40+ characters followed by its credit line
     * (no blank line between) is joined with it as "wrapped prose", and then
     * no credit is found at the line break: 0 captions. */
    CHECK_STR(caption_of("Storm hits coast\n\n"
                         "The storm made landfall on Monday.\n\n"
                         "A man walks through a flooded street in Houma, Louisiana.\n"
                         "Photograph: Jane Doe/Reuters"),
              "A man walks through a flooded street in Houma, Louisiana. | Photograph: Jane Doe/Reuters");
#endif
    /* An initial inside the credit is no sentence end. */
    CHECK_STR(caption_of("Senate passes bill\n\n"
                         "The Senate voted on Friday.\n\n"
                         "Senators leave the chamber in Washington on Friday. J. Scott Applewhite/AP"),
              "Senators leave the chamber in Washington on Friday. | J. Scott Applewhite/AP");
    /* A caption ending in an abbreviation; a credit holding an initial. */
    CHECK_STR(caption_of("Storm hits coast\n\n"
                         "The storm made landfall on Monday.\n\n"
                         "Rescuers search debris in Mayfield, Ky., on Saturday. AP Photo/Jae C. Hong"),
              "Rescuers search debris in Mayfield, Ky., on Saturday. | AP Photo/Jae C. Hong");
    CHECK_STR(caption_of("Storm hits coast\n\n"
                         "The storm made landfall on Monday.\n\n"
                         "President Biden speaks in Washington, D.C. Chip Somodevilla/Getty Images"),
              "President Biden speaks in Washington, D.C. | Chip Somodevilla/Getty Images");
    /* Body paragraphs that end with a source are not captions. */
    CHECK_STR(caption_of("Storm hits coast\n\n"
                         "The storm made landfall on Monday.\n\n"
                         "Crews worked through the night, police said. More rain is expected, AP reported."),
              "(0 captions)");
    CHECK_STR(caption_of("Port strike spreads\n\n"
                         "Workers at a second port walked out on Tuesday, the union's leader said.\n\n"
                         "The strike would last at least a week, he told Reuters."),
              "(0 captions)");
    CHECK_STR(caption_of("Port strike spreads\n\n"
                         "Workers walked out on Tuesday.\n\n"
                         "The company declined to comment when contacted by The Associated Press."),
              "(0 captions)");
    CHECK_STR(caption_of("Port strike spreads\n\n"
                         "Workers walked out on Tuesday.\n\n"
                         "Talks will resume on Friday. Reporting by Jane Doe; Editing by John Roe"),
              "(0 captions)");
}

/* The caption's credit names are no sources in the story. */
static void test_caption_not_body(void)
{
    ng_doc *doc = extract(engine,
                          "Band plays final show\n\n"
                          "The band played its last show on Tuesday. The singer thanked the crowd.\n\n"
                          "John Legend performs onstage at the arena on Tuesday. Kevin Mazur/Getty Images",
                          NULL);
    CHECK(ng_doc_quote_count(doc) == 0);
    CHECK(ng_doc_caption_count(doc) == 1);
    ng_doc_free(doc);
}

int main(void)
{
    engine = ng_engine_new(NULL);
    if (!engine) {
        fprintf(stderr, "no engine\n");
        return 1;
    }
    test_line_ends();
    test_bom();
    test_invalid_utf8();
    test_nul_byte();
    test_empty();
    test_max_bytes();
    test_title();
    test_byline();
    test_captions();
    test_caption_not_body();
    ng_engine_free(engine);
    return check_done();
}
