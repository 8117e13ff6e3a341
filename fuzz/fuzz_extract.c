/*
 * libFuzzer target: plain text through ng_extract (NG_FORMAT_TEXT), then the
 * property checks of check.c on the document and its JSON.
 *
 * Two engines: the defaults, and one with tight limits so that the paths
 * that drop long quotes and stop making entities run on small inputs too.
 * The input's length picks the engine and whether an article date is given.
 */
#include "check.h"
#include "nutgraf.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const ng_options tight = {.max_bytes = 1 << 16, .max_quote_bytes = 24, .max_entities = 3};
static const ng_options defaults = {0};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int t = (size & 3) == 3;
    ng_input in = {(const char *)data, size, (size & 4) ? "a1" : NULL, (size & 8) ? NULL : "2024-02-29",
                   NG_FORMAT_TEXT, NULL};
    ng_doc *doc = ng_extract(fuzz_engine(t ? &tight : &defaults), &in);
    int failed = check_doc(doc, t ? &tight : &defaults);
    /* Only these inputs may fail: no text, a NUL byte, too large. */
    if (failed) {
        const char *e = ng_doc_error(doc);
        int nul = memchr(data, 0, size) != NULL;
        check(!strncmp(e, "empty input", 11) || !strncmp(e, "binary input", 12) || !strncmp(e, "input is", 8),
              "an error is about empty, binary or over-long input");
        check(nul == !strncmp(e, "binary input", 12), "binary input iff a NUL byte");
    }
    ng_doc_free(doc);
    return 0;
}
