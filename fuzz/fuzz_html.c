/*
 * libFuzzer target: web pages through ng_extract (NG_FORMAT_HTML): the
 * charset conversion, libxml2's parser, the article finder and the metadata
 * readers, then the whole pipeline and the property checks of check.c.
 *
 * The input's length picks the engine (defaults or tight limits), whether an
 * article date is given (else the page's own is used) and whether the first
 * line is the page's URL (any bytes: it goes into the record) or the page.
 */
#include "check.h"
#include "nutgraf.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const ng_options tight = {.max_bytes = 1 << 16, .max_quote_bytes = 24, .max_entities = 3};
static const ng_options defaults = {0};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int t = (size & 3) == 3;
    const char *page = (const char *)data, *nl;
    char *url = NULL;
    if ((size & 16) && (nl = memchr(data, '\n', size < 512 ? size : 512)) != NULL) {
        size_t n = (size_t)(nl - page);
        url = malloc(n + 1);
        check(url != NULL, "malloc");
        memcpy(url, page, n);
        url[n] = 0; /* a NUL inside ends it early, as it would for a caller */
        page = nl + 1;
    }
    ng_input in = {page, size - (size_t)(page - (const char *)data), (size & 4) ? "p1" : NULL,
                   (size & 8) ? NULL : "2024-02-29", NG_FORMAT_HTML, url};
    ng_doc *doc = ng_extract(fuzz_engine(t ? &tight : &defaults), &in);
    check_doc(doc, t ? &tight : &defaults);
    ng_doc_free(doc);
    free(url);
    return 0;
}
