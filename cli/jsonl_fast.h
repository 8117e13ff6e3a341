/*
 * A fast path for the JSON Lines records of nearly every feed: one flat
 * object whose values are strings, integers, true, false or null, such as
 * {"id": "a7", "text": "...", "date": "2024-06-15"}. jansson builds a whole
 * tree and reads its input a character at a time through a stream; for a
 * batch of news text that was a fifth of the command's time. This reader
 * scans such a line once, and takes it only when jansson would read it the
 * same way and process_jsonl_line() would extract it (a record with a
 * "text" or "html" string and a good "date" and "url"). Anything else
 * (nested values, real numbers, bad JSON, invalid UTF-8, duplicate keys, a
 * record that would be an error record) is left to process_jsonl_line(),
 * so that every error and every odd record is exactly as it always was.
 * tests/jsonl_fast_test.c checks the two against each other.
 */
#ifndef NG_CLI_JSONL_FAST_H
#define NG_CLI_JSONL_FAST_H

#include "jsonl.h"
#include "nutgraf.h"

#include <stddef.h>

/* What process_jsonl_line() would hand to ng_extract(), read from one
 * line. The strings point into `scratch` (or `id_buf`). */
typedef struct jsonl_record {
    const char *id;   /* NULL when the record has none (or a non-string one) */
    const char *text; /* the "html" string when there is one, else "text" */
    size_t text_len;
    const char *date; /* the record's own "date", or NULL */
    const char *url;  /* the record's own "url", or NULL */
    int html;         /* the text is the "html" string */
    char *scratch;    /* decoded strings; free with jsonl_record_free() */
    char id_buf[32];  /* an integer id, printed */
} jsonl_record;

/* 1 when `line` (len bytes, at most the line limit, not empty) is such a
 * simple record, with *rec filled in; 0 when it is not (process_jsonl_line()
 * must read it) or memory ran out. */
int jsonl_fast_parse(const char *line, size_t len, jsonl_record *rec);
void jsonl_record_free(jsonl_record *rec);

/* The record of a simple line, in *doc, as process_jsonl_line() would make
 * it (*doc is NULL when memory ran out in ng_extract()); returns 1. Returns
 * 0 for any other line: then call process_jsonl_line(). */
int jsonl_fast_line(const ng_engine *engine, const jsonl_config *config, const char *line, size_t len,
                    ng_doc **doc);

#endif
