/*
 * JSON Lines input: one line in, one record out. Shared by the command
 * (cli/nutgraf.c) and the fuzzer (fuzz/fuzz_jsonl.c), so that what is fuzzed
 * is what runs.
 */
#ifndef NG_CLI_JSONL_H
#define NG_CLI_JSONL_H

#include "nutgraf.h"

#include <stddef.h>

typedef struct jsonl_config {
    const char *date;  /* --date: used when a record has no "date" of its own */
    size_t line_limit; /* longer lines give an error record (jsonl_line_limit) */
    ng_format format;  /* how to read a record's "text" */
} jsonl_config;

/* The longest line accepted for articles of at most `max_bytes` bytes: the
 * text escaped as JSON may take up to six bytes per byte ("\u0001"), plus
 * room for the id and the date. */
size_t jsonl_line_limit(size_t max_bytes);

/* One input line (without its line end; it need not be NUL-terminated) to
 * its one record: the article's, or an error record saying why the line
 * could not be processed. NULL only when memory runs out. */
ng_doc *process_jsonl_line(const ng_engine *engine, const jsonl_config *config, const char *line, size_t len);

#endif
