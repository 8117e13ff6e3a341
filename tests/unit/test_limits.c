/*
 * The limits of ng_options: defaults, quotes over max_quote_bytes left out,
 * entities past max_entities not made, the record still written and saying
 * which limits it reached; ids and error reasons that could break the JSON
 * or the one-line message are repaired.
 */
#include "check.h"

#include <stdlib.h>

static const char ARTICLE[] =
    "\"This is a rather long quotation that goes on,\" Ann Cole said. "
    "\"Short,\" she said. Bob Smith met Carl Jones and Dan Brown in Paris.\n";

static int has_quote(const ng_doc *doc, const char *text)
{
    for (size_t i = 0; i < ng_doc_quote_count(doc); i++)
        if (!strcmp(ng_doc_quote(doc, i)->text, text))
            return 1;
    return 0;
}

static int has_entity(const ng_doc *doc, const char *name)
{
    for (size_t i = 0; i < ng_doc_entity_count(doc); i++)
        if (!strcmp(ng_doc_entity(doc, i)->name, name))
            return 1;
    return 0;
}

static void test_defaults(void)
{
    ng_engine *e = ng_engine_new(NULL);
    ng_doc *doc = extract(e, ARTICLE, NULL);
    CHECK(ng_doc_error(doc) == NULL);
    CHECK(ng_doc_limits(doc) == 0);
    CHECK(has_quote(doc, "This is a rather long quotation that goes on,"));
    CHECK(has_entity(doc, "Ann Cole") && has_entity(doc, "Paris"));
    CHECK(strstr(ng_doc_json(doc, NG_JSON_DEFAULT, NULL), "limits_reached") == NULL);
    ng_doc_free(doc);
    ng_engine_free(e);
}

static void test_max_quote_bytes(void)
{
    ng_options o = {.max_quote_bytes = 20};
    ng_engine *e = ng_engine_new(&o);
    ng_doc *doc = extract(e, ARTICLE, NULL);
    CHECK(ng_doc_error(doc) == NULL);
    CHECK(ng_doc_limits(doc) == NG_LIMIT_QUOTE_BYTES);
    CHECK(!has_quote(doc, "This is a rather long quotation that goes on,"));
    CHECK(has_quote(doc, "Short,")); /* shorter quotes stay, with their speaker */
    for (size_t i = 0; i < ng_doc_quote_count(doc); i++) {
        const ng_quote *q = ng_doc_quote(doc, i);
        CHECK(strlen(q->text) <= 20);
        if (!strcmp(q->text, "Short,"))
            CHECK_STR(q->speaker, "Ann Cole");
    }
    CHECK(strstr(ng_doc_json(doc, NG_JSON_DEFAULT, NULL), "\"limits_reached\":[\"max_quote_bytes\"]") != NULL);
    ng_doc_free(doc);
    ng_engine_free(e);
}

static void test_max_entities(void)
{
    ng_options o = {.max_entities = 2};
    ng_engine *e = ng_engine_new(&o);
    ng_doc *doc = extract(e, ARTICLE, NULL);
    CHECK(ng_doc_error(doc) == NULL);
    CHECK(ng_doc_limits(doc) == NG_LIMIT_ENTITIES);
    CHECK(ng_doc_entity_count(doc) <= 2);
    CHECK(ng_doc_quote_count(doc) > 0); /* the record is still made */
    for (size_t i = 0; i < ng_doc_quote_count(doc); i++) {
        int se = ng_doc_quote(doc, i)->speaker_entity;
        CHECK(se < (int)ng_doc_entity_count(doc));
    }
    CHECK(strstr(ng_doc_json(doc, NG_JSON_DEFAULT, NULL), "\"limits_reached\":[\"max_entities\"]") != NULL);
    ng_doc_free(doc);
    ng_engine_free(e);

    /* Both at once. */
    ng_options both = {.max_quote_bytes = 20, .max_entities = 1};
    e = ng_engine_new(&both);
    doc = extract(e, ARTICLE, NULL);
    CHECK(ng_doc_limits(doc) == (NG_LIMIT_QUOTE_BYTES | NG_LIMIT_ENTITIES));
    CHECK(strstr(ng_doc_json(doc, NG_JSON_DEFAULT, NULL), "[\"max_quote_bytes\",\"max_entities\"]") != NULL);
    ng_doc_free(doc);
    ng_engine_free(e);
}

static void test_max_bytes_capped(void)
{
    /* Values over NG_MAX_BYTES_LIMIT count as the cap; the engine starts. */
    ng_options o = {.max_bytes = (size_t)-1};
    ng_engine *e = ng_engine_new(&o);
    CHECK(e != NULL);
    ng_doc *doc = extract(e, "Ann Cole said hi.", NULL);
    CHECK(ng_doc_error(doc) == NULL);
    ng_doc_free(doc);
    ng_engine_free(e);
}

static void test_clean_ids_and_reasons(void)
{
    ng_engine *e = ng_engine_new(NULL);
    /* An id with invalid UTF-8 is repaired, so that the JSON stays valid. */
    ng_input in = {"Ann Cole said hi.", 17, "a\xff" "b", NULL, NG_FORMAT_TEXT, NULL};
    ng_doc *doc = ng_extract(e, &in);
    CHECK_STR(ng_doc_id(doc), "a\xef\xbf\xbd" "b");
    ng_doc_free(doc);
    /* A bad date quoted in the reason: no line break, no cut UTF-8. */
    ng_input bad = {"x", 1, NULL, "2024-06-15\nnext! \xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
                    NG_FORMAT_TEXT, NULL};
    doc = ng_extract(e, &bad);
    CHECK(ng_doc_error(doc) && !strchr(ng_doc_error(doc), '\n'));
    CHECK(ng_doc_error(doc) && strstr(ng_doc_error(doc), "\xef\xbf\xbd") != NULL); /* the cut character */
    ng_doc_free(doc);
    doc = ng_doc_new_error("x\xc3", "two\nlines");
    CHECK_STR(ng_doc_error(doc), "two lines");
    CHECK_STR(ng_doc_id(doc), "x\xef\xbf\xbd");
    ng_doc_free(doc);
    ng_engine_free(e);
}

/* U+2028 and U+2029 are escaped in the JSON (JavaScript readers break on
 * them); the typographic quotes that share their first two bytes (E2 80) are
 * not, wherever they fall in the 16-byte blocks the writer scans. */
static void test_json_line_separators(void)
{
    ng_engine *e = ng_engine_new(NULL);
    for (int pad = 0; pad < 20; pad++) {
        char id[128];
        snprintf(id, sizeof id, "%.*s\xe2\x80\x9cq\xe2\x80\x9d\xe2\x80\xa8x\xe2\x80\x99\xe2\x80\xa9-\xe2\x80\x9d and some more text", pad,
                 "abcdefghijklmnopqrstuvwxyz");
        ng_input in = {"Ann Cole said hi.", 17, id, NULL, NG_FORMAT_TEXT, NULL};
        ng_doc *doc = ng_extract(e, &in);
        char want[160];
        snprintf(want, sizeof want, "{\"id\":\"%.*s\xe2\x80\x9cq\xe2\x80\x9d\\u2028x\xe2\x80\x99\\u2029-\xe2\x80\x9d and some more text\",", pad,
                 "abcdefghijklmnopqrstuvwxyz");
        const char *json = ng_doc_json(doc, NG_JSON_DEFAULT, NULL);
        CHECK(json && !strncmp(json, want, strlen(want)));
        ng_doc_free(doc);
    }
    ng_engine_free(e);
}

int main(void)
{
    test_defaults();
    test_max_quote_bytes();
    test_max_entities();
    test_max_bytes_capped();
    test_clean_ids_and_reasons();
    test_json_line_separators();
    return check_done();
}
