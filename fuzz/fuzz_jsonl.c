/*
 * libFuzzer target: the JSON Lines reader of the command. The input is split
 * into lines as the command splits them; every line goes through
 * process_jsonl_line (cli/jsonl.c), which must give exactly one record, valid
 * by the property checks of check.c. A line holding a JSON object with a
 * string "id" gives a record with that id.
 */
#include "../cli/jsonl.h"
#include "check.h"
#include "nutgraf.h"

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const ng_options tight = {.max_bytes = 512, .max_quote_bytes = 24, .max_entities = 3};
static const ng_options defaults = {0};

static void one_line(const ng_engine *engine, const jsonl_config *config, const ng_options *options, const char *s,
                     size_t n)
{
    if (n > 0 && s[n - 1] == '\r' && n <= config->line_limit)
        n--;
    ng_doc *doc = process_jsonl_line(engine, config, s, n);
    check(doc != NULL, "one record per line");
    check_doc(doc, options);
    if (n <= config->line_limit) {
        json_t *rec = json_loadb(s, n, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, NULL);
        json_t *id = json_object_get(rec, "id");
        if (json_is_string(id) && !memchr(json_string_value(id), 0, json_string_length(id)))
            check(ng_doc_id(doc) && !strcmp(ng_doc_id(doc), json_string_value(id)), "the record keeps its id");
        if (!rec)
            check(ng_doc_error(doc) != NULL, "invalid JSON is an error record");
        json_decref(rec);
    } else {
        check(ng_doc_error(doc) != NULL, "an over-long line is an error record");
    }
    ng_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int t = (size & 3) == 3;
    jsonl_config config = {(size & 4) ? NULL : "2024-02-29",
                           jsonl_line_limit(t ? tight.max_bytes : NG_DEFAULT_MAX_BYTES), NG_FORMAT_AUTO};
    const char *s = (const char *)data, *end = s + size;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
        one_line(fuzz_engine(t ? &tight : &defaults), &config, t ? &tight : &defaults, s, n);
        s += n + (nl != NULL);
    }
    return 0;
}
