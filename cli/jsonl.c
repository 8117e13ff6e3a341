/*
 * JSON Lines input: one line in, one record out (see jsonl.h).
 */
#include "jsonl.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>

size_t jsonl_line_limit(size_t max_bytes)
{
    return max_bytes > SIZE_MAX / 7 ? SIZE_MAX / 2 : max_bytes * 6 + 4096;
}

/* The record's id as text: strings as they are, numbers printed. */
static const char *id_of(json_t *rec, char *tmp, size_t tmplen)
{
    json_t *id = json_object_get(rec, "id");
    if (json_is_string(id))
        return json_string_value(id);
    if (json_is_integer(id)) {
        snprintf(tmp, tmplen, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
        return tmp;
    }
    if (json_is_real(id)) {
        snprintf(tmp, tmplen, "%.17g", json_real_value(id));
        return tmp;
    }
    return NULL;
}

/* A parsed JSON object to its record. */
static ng_doc *process_record(const ng_engine *engine, const jsonl_config *config, json_t *rec)
{
    char tmp[64];
    const char *id = id_of(rec, tmp, sizeof tmp);
    /* A web page comes as "html" (always read as HTML), an article as "text". */
    json_t *html = json_object_get(rec, "html");
    json_t *text = json_is_string(html) ? html : json_object_get(rec, "text");
    json_t *date = json_object_get(rec, "date");
    json_t *url = json_object_get(rec, "url");
    if (!json_is_string(text))
        return ng_doc_new_error(id, "no \"text\" or \"html\" string in the record");
    if (date && !json_is_null(date) && !json_is_string(date))
        return ng_doc_new_error(id, "\"date\" must be a string YYYY-MM-DD");
    if (url && !json_is_null(url) && !json_is_string(url))
        return ng_doc_new_error(id, "\"url\" must be a string");
    ng_input in = {json_string_value(text), json_string_length(text), id,
                   json_is_string(date) ? json_string_value(date) : config->date,
                   text == html ? NG_FORMAT_HTML : config->format, json_is_string(url) ? json_string_value(url) : NULL};
    return ng_extract(engine, &in);
}

ng_doc *process_jsonl_line(const ng_engine *engine, const jsonl_config *config, const char *line, size_t len)
{
    char why[256];
    if (len > config->line_limit) {
        snprintf(why, sizeof why, "line is over %zu bytes (--max-bytes)", config->line_limit);
        return ng_doc_new_error(NULL, why);
    }
    if (!len)
        return ng_doc_new_error(NULL, "empty line: want a JSON object");
    json_error_t err;
    /* One record per line: json_loadb refuses anything after the object. */
    json_t *rec = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
    ng_doc *doc;
    if (!rec) {
        snprintf(why, sizeof why, "invalid JSON: %s (column %d)", err.text, err.column);
        doc = ng_doc_new_error(NULL, why);
    } else if (!json_is_object(rec)) {
        doc = ng_doc_new_error(NULL, "want a JSON object with \"text\"");
    } else {
        doc = process_record(engine, config, rec);
    }
    json_decref(rec);
    return doc;
}
