/*
 * nutgraf: who said what, about whom and when, in a news article.
 *
 * This header is the whole public API of libnutgraf. The flow is:
 *
 *     ng_engine *engine = ng_engine_new(NULL);          // once; thread-safe to share
 *     ng_input in = {.text = bytes, .len = n, .date = "2020-10-28"};
 *     ng_doc *doc = ng_extract(engine, &in);             // one per article
 *     if (ng_doc_error(doc)) ... else read entities, quotes, dates, captions
 *     fputs(ng_doc_json(doc, NG_JSON_DEFAULT, NULL), stdout);
 *     ng_doc_free(doc);
 *     ng_engine_free(engine);
 *
 * Every pointer returned by an ng_doc_* accessor is owned by the document and
 * stays valid until ng_doc_free(). Offsets come in two units: `start`/`end`
 * are Unicode code point offsets into the document text (end exclusive, as
 * Python slices), `byte_start`/`byte_end` are byte offsets into the same
 * UTF-8 text, for C callers.
 */
#ifndef NUTGRAF_H
#define NUTGRAF_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NG_VERSION "0.1.0"
/* The version of the JSON output format (see DESIGN.md, "Output, version 1"). */
#define NG_OUTPUT_VERSION 1

/* ---- engine ------------------------------------------------------------ */

typedef struct ng_engine ng_engine;

/* Limits, so that no input can make the engine crash, hang or run out of
 * memory. 0 in any field means its default; fields are only ever added at
 * the end, so that `ng_options o = {0}` and older initializers keep working. */
typedef struct ng_options {
    /* Inputs longer than this are refused with an error record. 0 means the
     * default, NG_DEFAULT_MAX_BYTES; values over NG_MAX_BYTES_LIMIT count as
     * NG_MAX_BYTES_LIMIT (the library keeps offsets in 32 bits, and repaired
     * text may be three times the input). */
    size_t max_bytes;
    /* A quote (the words between the marks, or a reported clause) longer than
     * this many bytes is not reported: past a few pages, a "quote" is a quote
     * mark left open, not speech. The record lists "max_quote_bytes" in its
     * "limits_reached". 0 means NG_DEFAULT_MAX_QUOTE_BYTES. */
    size_t max_quote_bytes;
    /* At most this many entities per article: names that would make more are
     * not linked to any entity (so not reported, nor used as speakers), and
     * the record lists "max_entities" in its "limits_reached". 0 means
     * NG_DEFAULT_MAX_ENTITIES. */
    size_t max_entities;
} ng_options;

#define NG_DEFAULT_MAX_BYTES ((size_t)16 << 20)
#define NG_MAX_BYTES_LIMIT ((size_t)1 << 30)
#define NG_DEFAULT_MAX_QUOTE_BYTES ((size_t)64 << 10)
#define NG_DEFAULT_MAX_ENTITIES ((size_t)10000)

/* Creates an engine: the lexicons (compiled into the library) are indexed once
 * here. `options` may be NULL for the defaults. Returns NULL only when memory
 * runs out. An engine is immutable after creation: any number of threads may
 * call ng_extract() on the same engine at once. */
ng_engine *ng_engine_new(const ng_options *options);
void ng_engine_free(ng_engine *engine);

/* ---- extraction ------------------------------------------------------ */

typedef enum ng_format {
    NG_FORMAT_AUTO = 0, /* HTML when the bytes look like a web page, else text */
    NG_FORMAT_TEXT,     /* plain text */
    NG_FORMAT_HTML      /* a saved web page: the article is found in it */
} ng_format;

typedef struct ng_input {
    const char *text; /* the article as bytes; UTF-8 expected, repaired if not */
    size_t len;
    const char *id;   /* optional: copied into the record */
    const char *date; /* optional: the article's date, "YYYY-MM-DD", against which
                         relative dates ("Tuesday", "next year") are resolved; a
                         web page's own publication date is used when absent */
    ng_format format; /* how to read `text`; NG_FORMAT_AUTO by default */
    const char *url;  /* optional: the page's address (HTML) */
} ng_input;

typedef struct ng_doc ng_doc;

/* Runs the whole pipeline on one article. Never returns NULL unless memory runs
 * out: an article that cannot be processed (empty, binary, too large, a bad
 * date) gives a document whose ng_doc_error() says why. */
ng_doc *ng_extract(const ng_engine *engine, const ng_input *input);

/* NULL when the document was processed; else a one-line reason. */
const char *ng_doc_error(const ng_doc *doc);

/* The limits of ng_options that cut a processed document's results short,
 * as NG_LIMIT_* bits; 0 when none did (the usual case). */
enum {
    NG_LIMIT_QUOTE_BYTES = 1 << 0, /* a quote over max_quote_bytes was left out */
    NG_LIMIT_ENTITIES = 1 << 1     /* names past max_entities were not linked */
};
unsigned ng_doc_limits(const ng_doc *doc);

/* A document for a record that failed before extraction (for example a JSON
 * Lines record without "text"), so that callers can print error records the
 * same way as results. `id` may be NULL. */
ng_doc *ng_doc_new_error(const char *id, const char *reason);

void ng_doc_free(ng_doc *doc);

/* The normalized article text that all offsets refer to (UTF-8, LF line ends,
 * invalid bytes replaced by U+FFFD). */
const char *ng_doc_text(const ng_doc *doc, size_t *byte_len);
const char *ng_doc_id(const ng_doc *doc);    /* NULL when none was given */
const char *ng_doc_title(const ng_doc *doc); /* NULL when none was found */
const char *ng_doc_date(const ng_doc *doc);  /* the date used, or NULL */
/* The writers named in the byline ("By Jane Smith and Li Wei") or, for a web
 * page, in its metadata. */
size_t ng_doc_author_count(const ng_doc *doc);
const char *ng_doc_author(const ng_doc *doc, size_t i);

/* Web pages only (NULL for plain text or when the page does not say): the
 * page's address, the site's name, the publication date or date-time (ISO
 * 8601) and the language (a BCP 47 tag such as "en" or "pt-BR"). */
const char *ng_doc_url(const ng_doc *doc);
const char *ng_doc_site_name(const ng_doc *doc);
const char *ng_doc_published(const ng_doc *doc);
const char *ng_doc_language(const ng_doc *doc);

/* ---- results ----------------------------------------------------------- */

typedef struct ng_mention {
    size_t start, end;           /* code points into the text */
    size_t byte_start, byte_end; /* bytes into the text */
} ng_mention;

typedef enum ng_entity_type { NG_PERSON, NG_ORG, NG_LOC, NG_MISC } ng_entity_type;

typedef struct ng_entity {
    int id;
    ng_entity_type type;
    const char *name; /* canonical: the longest proper name, no honorifics */
    size_t mention_count;
    const ng_mention *mentions; /* in text order */
} ng_entity;

typedef enum ng_quote_kind { NG_DIRECT, NG_INDIRECT } ng_quote_kind;

typedef struct ng_quote {
    ng_quote_kind kind;
    const char *text;           /* the quoted words, or the reported clause */
    ng_mention span;            /* where `text` is */
    const char *cue;            /* "said", "according to", ...; NULL if none */
    const char *speaker;        /* canonical name, generic source ("police"),
                                   or NULL when the text does not settle it */
    int speaker_entity;         /* entity id, or -1 (generic or no speaker) */
    int has_speaker_mention;
    ng_mention speaker_mention; /* the words naming the speaker here */
} ng_quote;

typedef struct ng_date {
    const char *text;
    ng_mention span;
    const char *value; /* ISO 8601 at the precision given: 2020, 2020-10,
                          2020-10-01, XXXX-10-01 when the year is unknown */
} ng_date;

typedef struct ng_caption {
    const char *text;
    const char *credit; /* NULL when the caption has none */
} ng_caption;

const char *ng_entity_type_name(ng_entity_type type); /* "PERSON", ... */

size_t ng_doc_entity_count(const ng_doc *doc);
const ng_entity *ng_doc_entity(const ng_doc *doc, size_t i);
size_t ng_doc_quote_count(const ng_doc *doc);
const ng_quote *ng_doc_quote(const ng_doc *doc, size_t i);
size_t ng_doc_date_count(const ng_doc *doc);
const ng_date *ng_doc_date_at(const ng_doc *doc, size_t i);
size_t ng_doc_caption_count(const ng_doc *doc);
const ng_caption *ng_doc_caption(const ng_doc *doc, size_t i);

/* ---- JSON -------------------------------------------------------------- */

enum {
    NG_JSON_DEFAULT = 0,
    NG_JSON_PRETTY = 1 << 0 /* indented, several lines; else one line */
};

/* The document as one JSON object (DESIGN.md, "Output, version 1"), without a
 * trailing newline. Owned by the document; `len` may be NULL. */
const char *ng_doc_json(ng_doc *doc, unsigned flags, size_t *len);

#ifdef __cplusplus
}
#endif
#endif
