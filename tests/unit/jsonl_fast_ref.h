/*
 * The reference reading of a JSON Lines record, with jansson, as
 * process_jsonl_line() reads it; and the comparison of the fast path
 * (cli/jsonl_fast.c) with it. Shared by tests/unit/test_jsonl_fast.c and the
 * differential fuzz target fuzz/fuzz_jsonl_fast.c.
 */
#ifndef NG_JSONL_FAST_REF_H
#define NG_JSONL_FAST_REF_H

#include "jsonl.h"
#include "jsonl_fast.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

/* process_record()'s reading of a line, with jansson: 1 with the fields when
 * it would extract the record, 0 when the line gives an error record. */
typedef struct ref {
    char id[128];       /* a number id, printed */
    const char *id_str; /* a string id */
    int has_id;
    const char *text;
    size_t text_len;
    const char *date, *url;
    int html;
    json_t *root;
} ref;

static int reference(const char *line, size_t len, ref *r)
{
    memset(r, 0, sizeof *r);
    json_error_t err;
    json_t *rec = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
    if (!rec)
        return 0;
    r->root = rec;
    if (!json_is_object(rec))
        return 0;
    json_t *id = json_object_get(rec, "id");
    if (json_is_string(id)) {
        r->id_str = json_string_value(id); /* any length */
        r->has_id = 1;
    } else if (json_is_integer(id)) {
        snprintf(r->id, sizeof r->id, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
        r->has_id = 1;
    } else if (json_is_real(id)) {
        snprintf(r->id, sizeof r->id, "%.17g", json_real_value(id));
        r->has_id = 1;
    }
    json_t *html = json_object_get(rec, "html");
    json_t *text = json_is_string(html) ? html : json_object_get(rec, "text");
    json_t *date = json_object_get(rec, "date");
    json_t *url = json_object_get(rec, "url");
    if (!json_is_string(text))
        return 0;
    if (date && !json_is_null(date) && !json_is_string(date))
        return 0;
    if (url && !json_is_null(url) && !json_is_string(url))
        return 0;
    r->text = json_string_value(text);
    r->text_len = json_string_length(text);
    r->html = text == html;
    r->date = json_is_string(date) ? json_string_value(date) : NULL;
    r->url = json_is_string(url) ? json_string_value(url) : NULL;
    return 1;
}

static int same_str(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

/* Whether the fast path, when it takes a line, reads the record jansson
 * reads. *fast says whether it took the line, *ok whether jansson would
 * extract it. */
static int jsonl_fast_agrees(const char *line, size_t len, int *fast, int *ok)
{
    jsonl_record rec;
    ref r;
    *fast = jsonl_fast_parse(line, len, &rec);
    *ok = reference(line, len, &r);
    int same = 1;
    if (*fast) {
        same = *ok && r.has_id == (rec.id != NULL) &&
               (!r.has_id || !strcmp(r.id_str ? r.id_str : r.id, rec.id)) &&
               r.text_len == rec.text_len && !memcmp(r.text, rec.text, r.text_len) && same_str(r.date, rec.date) &&
               same_str(r.url, rec.url) && r.html == rec.html;
        jsonl_record_free(&rec);
    }
    json_decref(r.root);
    return same;
}

#endif
