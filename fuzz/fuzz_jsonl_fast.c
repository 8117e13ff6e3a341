/*
 * Differential fuzzing of the fast JSON Lines path: whenever
 * cli/jsonl_fast.c takes a line, it must read the record jansson reads
 * (tests/unit/jsonl_fast_ref.h). A difference aborts.
 */
#include "../tests/unit/jsonl_fast_ref.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* one line: the reader hands over lines without their newline */
    const char *line = (const char *)data;
    const char *nl = memchr(line, '\n', size);
    size_t len = nl ? (size_t)(nl - line) : size;
    if (len == 0)
        return 0;
    int fast, ok;
    if (!jsonl_fast_agrees(line, len, &fast, &ok))
        abort();
    return 0;
}
