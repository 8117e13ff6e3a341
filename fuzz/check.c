/*
 * Property checks on records (see check.h).
 */
#include "check.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void check(int cond, const char *what)
{
    if (!cond) {
        fprintf(stderr, "property violated: %s\n", what);
        abort();
    }
}

ng_engine *fuzz_engine(const ng_options *options)
{
    static const ng_options *made_for[4];
    static ng_engine *made[4];
    size_t k = 0;
    while (k < 4 && made[k] && made_for[k] != options)
        k++;
    check(k < 4, "at most four option sets");
    if (!made[k]) {
        made[k] = ng_engine_new(options);
        made_for[k] = options;
        check(made[k] != NULL, "engine starts");
    }
    return made[k];
}

/* The record's text with the byte offset of every code point. */
typedef struct cptext {
    const char *s;
    size_t n;   /* code points */
    size_t *at; /* at[i]: byte offset of code point i; at[n] = byte length */
} cptext;

static void cptext_init(cptext *t, const char *s, size_t bytes)
{
    t->s = s;
    t->at = malloc((bytes + 1) * sizeof *t->at);
    check(t->at != NULL, "malloc");
    t->n = 0;
    for (size_t i = 0; i < bytes; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            t->at[t->n++] = i;
    t->at[t->n] = bytes;
}

static int is_uint(json_t *v)
{
    return json_is_integer(v) && json_integer_value(v) >= 0;
}

static int is_null_or_string(json_t *v)
{
    return json_is_null(v) || json_is_string(v);
}

/* {"start", "end", "text"}: in range, non-empty, and text[start:end] equal to
 * its "text". Returns start. */
static size_t check_span(const cptext *t, json_t *obj, const char *what)
{
    json_t *s = json_object_get(obj, "start"), *e = json_object_get(obj, "end");
    json_t *text = json_object_get(obj, "text");
    check(is_uint(s) && is_uint(e), what);
    size_t start = (size_t)json_integer_value(s), end = (size_t)json_integer_value(e);
    check(start < end && end <= t->n, what);
    check(json_is_string(text), what);
    size_t b = t->at[start], n = t->at[end] - b;
    check(json_string_length(text) == n && memcmp(json_string_value(text), t->s + b, n) == 0, what);
    return start;
}

static int iso_date(const char *v)
{
    size_t n = strlen(v);
    if (n != 4 && n != 7 && n != 10)
        return 0;
    int xyear = !strncmp(v, "XXXX", 4);
    for (size_t i = 0; i < n; i++) {
        int dash = i == 4 || i == 7;
        if (dash ? v[i] != '-' : !(v[i] >= '0' && v[i] <= '9') && !(xyear && i < 4))
            return 0;
    }
    if (n >= 7) {
        int m = (v[5] - '0') * 10 + (v[6] - '0');
        if (m < 1 || m > 12)
            return 0;
    }
    if (n == 10) {
        int d = (v[8] - '0') * 10 + (v[9] - '0');
        if (d < 1 || d > 31)
            return 0;
    }
    return 1;
}

static void check_entities(ng_doc *doc, const cptext *t, json_t *ents, const ng_options *options)
{
    check(json_is_array(ents), "entities is an array");
    size_t n = json_array_size(ents);
    check(n == ng_doc_entity_count(doc), "entity count matches the API");
    check(n <= (options->max_entities ? options->max_entities : NG_DEFAULT_MAX_ENTITIES), "max_entities kept");
    for (size_t i = 0; i < n; i++) {
        json_t *e = json_array_get(ents, i);
        json_t *id = json_object_get(e, "id"), *type = json_object_get(e, "type"), *name = json_object_get(e, "name");
        json_t *ms = json_object_get(e, "mentions");
        check(is_uint(id) && (size_t)json_integer_value(id) == i, "entity ids are 0, 1, 2, ...");
        check(json_is_string(type), "entity type");
        const char *ty = json_string_value(type);
        check(!strcmp(ty, "PERSON") || !strcmp(ty, "ORG") || !strcmp(ty, "LOC") || !strcmp(ty, "MISC"),
              "entity type is PERSON, ORG, LOC or MISC");
        check(json_is_string(name) && json_string_length(name) > 0, "entity has a name");
        check(!strcmp(json_string_value(name), ng_doc_entity(doc, i)->name), "entity name matches the API");
        check(json_is_array(ms) && json_array_size(ms) > 0, "entity has mentions");
        check(json_array_size(ms) == ng_doc_entity(doc, i)->mention_count, "mention count matches the API");
        size_t prev = 0;
        for (size_t m = 0; m < json_array_size(ms); m++) {
            json_t *mo = json_array_get(ms, m);
            size_t s = check_span(t, mo, "entity mention: in range, text[start:end] == text");
            check(m == 0 || s > prev, "an entity's mentions are in text order");
            prev = s;
            const ng_mention *api = &ng_doc_entity(doc, i)->mentions[m];
            check(api->start == s && api->byte_start == t->at[s] && api->byte_end == t->at[api->end],
                  "mention offsets match the API");
        }
    }
}

static void check_quotes(ng_doc *doc, const cptext *t, json_t *quotes, size_t n_entities, const ng_options *options)
{
    check(json_is_array(quotes), "quotes is an array");
    size_t n = json_array_size(quotes), prev = 0;
    size_t max = options->max_quote_bytes ? options->max_quote_bytes : NG_DEFAULT_MAX_QUOTE_BYTES;
    check(n == ng_doc_quote_count(doc), "quote count matches the API");
    for (size_t i = 0; i < n; i++) {
        json_t *q = json_array_get(quotes, i);
        size_t s = check_span(t, q, "quote: in range, text[start:end] == text");
        check(i == 0 || s >= prev, "quotes are in text order");
        prev = s;
        check(json_string_length(json_object_get(q, "text")) <= max, "max_quote_bytes kept");
        json_t *kind = json_object_get(q, "kind");
        check(json_is_string(kind) &&
                  (!strcmp(json_string_value(kind), "direct") || !strcmp(json_string_value(kind), "indirect")),
              "quote kind is direct or indirect");
        json_t *cue = json_object_get(q, "cue");
        check(json_is_null(cue) || (json_is_string(cue) && json_string_length(cue) > 0), "cue is null or words");
        json_t *sp = json_object_get(q, "speaker");
        check(json_is_null(sp) || json_is_object(sp), "speaker is null or an object");
        const ng_quote *api = ng_doc_quote(doc, i);
        check(!strcmp(api->text, json_string_value(json_object_get(q, "text"))), "quote text matches the API");
        check((api->speaker != NULL) == json_is_object(sp), "speaker matches the API");
        if (!json_is_object(sp))
            continue;
        json_t *name = json_object_get(sp, "name"), *ent = json_object_get(sp, "entity");
        json_t *men = json_object_get(sp, "mention");
        check(json_is_string(name) && json_string_length(name) > 0, "speaker has a name");
        check(json_is_null(ent) || (is_uint(ent) && (size_t)json_integer_value(ent) < n_entities),
              "speaker entity exists");
        if (!json_is_null(ent))
            check(!strcmp(json_string_value(name), ng_doc_entity(doc, (size_t)json_integer_value(ent))->name),
                  "a speaker entity's name is the entity's name");
        check(json_is_null(men) || json_is_object(men), "speaker mention is null or a span");
        if (json_is_object(men))
            check_span(t, men, "speaker mention: in range, text[start:end] == text");
    }
}

static void check_dates(ng_doc *doc, const cptext *t, json_t *dates)
{
    check(json_is_array(dates), "dates is an array");
    check(json_array_size(dates) == ng_doc_date_count(doc), "date count matches the API");
    for (size_t i = 0; i < json_array_size(dates); i++) {
        json_t *d = json_array_get(dates, i);
        check_span(t, d, "date: in range, text[start:end] == text");
        json_t *v = json_object_get(d, "value");
        check(json_is_null(v) || (json_is_string(v) && iso_date(json_string_value(v))), "date value is ISO 8601");
    }
}

static void check_captions(ng_doc *doc, json_t *caps)
{
    check(json_is_array(caps), "captions is an array");
    check(json_array_size(caps) == ng_doc_caption_count(doc), "caption count matches the API");
    for (size_t i = 0; i < json_array_size(caps); i++) {
        json_t *c = json_array_get(caps, i);
        json_t *text = json_object_get(c, "text"), *credit = json_object_get(c, "credit");
        check(json_is_string(text) && json_string_length(text) > 0, "caption has text");
        check(is_null_or_string(credit), "caption credit is null or a string");
    }
}

static void check_record(ng_doc *doc, json_t *rec, const ng_options *options)
{
    static const char *const nullable[] = {"title", "url", "site_name", "published", "language", "date"};
    for (size_t i = 0; i < sizeof nullable / sizeof *nullable; i++)
        check(is_null_or_string(json_object_get(rec, nullable[i])), nullable[i]);
    json_t *authors = json_object_get(rec, "authors");
    check(json_is_array(authors) && json_array_size(authors) == ng_doc_author_count(doc), "authors");
    for (size_t i = 0; i < json_array_size(authors); i++)
        check(json_is_string(json_array_get(authors, i)), "authors are strings");
    json_t *text = json_object_get(rec, "text");
    check(json_is_string(text), "text is a string");
    size_t len;
    const char *api_text = ng_doc_text(doc, &len);
    check(json_string_length(text) == len && memcmp(json_string_value(text), api_text, len) == 0,
          "text matches the API");
    cptext t;
    cptext_init(&t, json_string_value(text), json_string_length(text));
    json_t *ents = json_object_get(rec, "entities");
    check_entities(doc, &t, ents, options);
    check_quotes(doc, &t, json_object_get(rec, "quotes"), json_array_size(ents), options);
    check_dates(doc, &t, json_object_get(rec, "dates"));
    check_captions(doc, json_object_get(rec, "captions"));
    json_t *limits = json_object_get(rec, "limits_reached");
    check((limits != NULL) == (ng_doc_limits(doc) != 0), "limits_reached only when a limit was reached");
    if (limits)
        check(json_is_array(limits) && json_array_size(limits) > 0, "limits_reached is a list");
    free(t.at);
}

int check_doc(ng_doc *doc, const ng_options *options)
{
    check(doc != NULL, "a document (never NULL)");
    size_t len;
    const char *json = ng_doc_json(doc, NG_JSON_DEFAULT, &len);
    check(json != NULL, "JSON written");
    check(strlen(json) == len, "no NUL inside the JSON");
    check(memchr(json, '\n', len) == NULL, "compact JSON is one line");
    json_error_t err;
    json_t *rec = json_loadb(json, len, JSON_REJECT_DUPLICATES, &err);
    if (!rec)
        fprintf(stderr, "invalid JSON: %s at column %d\n", err.text, err.column);
    check(rec != NULL, "the record is valid JSON");
    check(json_is_object(rec), "the record is an object");
    json_t *id = json_object_get(rec, "id");
    check(id != NULL && is_null_or_string(id), "the record has an id, null or a string");
    check(json_is_null(id) ? ng_doc_id(doc) == NULL : !strcmp(json_string_value(id), ng_doc_id(doc)),
          "id matches the API");
    const char *error = ng_doc_error(doc);
    if (error) {
        json_t *e = json_object_get(rec, "error");
        check(json_object_size(rec) == 2 && json_is_string(e) && !strcmp(json_string_value(e), error),
              "an error record is {id, error}");
        check(*error && !strchr(error, '\n'), "an error is one non-empty line");
    } else {
        check_record(doc, rec, options);
    }
    /* The pretty form is the same record. */
    const char *pretty = ng_doc_json(doc, NG_JSON_PRETTY, &len);
    check(pretty != NULL, "pretty JSON written");
    json_t *prec = json_loadb(pretty, len, JSON_REJECT_DUPLICATES, &err);
    check(prec != NULL && json_equal(prec, rec), "pretty JSON is the same record");
    json_decref(prec);
    json_decref(rec);
    return error != NULL;
}
