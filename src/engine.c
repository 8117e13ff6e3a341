/*
 * The engine and the document: the public API of nutgraf.h on top of the
 * pipeline stages.
 */
#include "internal.h"
#include "utf8.h"

#include <stdio.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

ng_engine *ng_engine_new(const ng_options *options)
{
    ng_engine *e = calloc(1, sizeof *e);
    if (!e)
        return NULL;
    if (options)
        e->options = *options;
    if (!e->options.max_bytes)
        e->options.max_bytes = NG_DEFAULT_MAX_BYTES;
    if (e->options.max_bytes > NG_MAX_BYTES_LIMIT)
        e->options.max_bytes = NG_MAX_BYTES_LIMIT;
    if (!e->options.max_quote_bytes)
        e->options.max_quote_bytes = NG_DEFAULT_MAX_QUOTE_BYTES;
    if (!e->options.max_entities)
        e->options.max_entities = NG_DEFAULT_MAX_ENTITIES;
    if (lexicon_open_builtin(&e->lex) != 0) {
        free(e);
        return NULL;
    }
    ingest_html_init();
    return e;
}

void ng_engine_free(ng_engine *engine)
{
    free(engine);
}

const char *ng_entity_type_name(ng_entity_type type)
{
    switch (type) {
    case NG_PERSON:
        return "PERSON";
    case NG_ORG:
        return "ORG";
    case NG_LOC:
        return "LOC";
    default:
        return "MISC";
    }
}

/* ---- documents --------------------------------------------------------------- */

/* A copy of the caller's string `s` that is valid UTF-8 (bad bytes become
 * U+FFFD) and, when `one_line`, has spaces for control characters: ids and
 * error reasons (which may quote input) must not break the JSON record or the
 * one-line error message. NULL when memory runs out. */
static char *clean_copy(const char *s, int one_line)
{
    size_t n = strlen(s);
    char *out = malloc(n * 3 + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[o++] = one_line && (c < 0x20 || c == 0x7F) ? ' ' : (char)c;
            i++;
            continue;
        }
        int len;
        int32_t cp = utf8_decode((const unsigned char *)s + i, n - i, &len);
        o += (size_t)utf8_encode(cp, out + o);
        i += (size_t)len;
    }
    out[o] = 0;
    return out;
}

static ng_doc *new_doc(const ng_engine *engine, const char *id)
{
    ng_doc *doc = calloc(1, sizeof *doc);
    if (!doc)
        return NULL;
    doc->engine = engine;
    doc->title_para = -1;
    if (id && !(doc->id = clean_copy(id, 0))) {
        free(doc);
        return NULL;
    }
    return doc;
}

static void free_results(ng_doc *doc)
{
    free(doc->entity_mentions);
    doc->entity_mentions = NULL;
    for (size_t i = 0; i < doc->entities.n; i++) {
        free(doc->entities.v[i].name);
        free(doc->entities.v[i].public_mentions);
    }
    for (size_t i = 0; i < doc->quotes.n; i++)
        free(doc->quotes.v[i].generic);
    for (size_t i = 0; i < doc->strings.n; i++)
        free(doc->strings.v[i]);
    VEC_FREE(&doc->paras);
    VEC_FREE(&doc->toks);
    VEC_FREE(&doc->qspans);
    VEC_FREE(&doc->sents);
    VEC_FREE(&doc->mentions);
    VEC_FREE(&doc->entities);
    VEC_FREE(&doc->quotes);
    VEC_FREE(&doc->dates);
    VEC_FREE(&doc->strings);
    for (size_t i = 0; i < doc->authors.n; i++)
        free(doc->authors.v[i]);
    VEC_FREE(&doc->authors);
    free(doc->url);
    free(doc->site_name);
    free(doc->published);
    free(doc->language);
    doc->url = doc->site_name = doc->published = doc->language = NULL;
    free(doc->pub_entities);
    free(doc->pub_quotes);
    free(doc->pub_dates);
    free(doc->pub_captions);
    doc->pub_entities = NULL;
    doc->pub_quotes = NULL;
    doc->pub_dates = NULL;
    doc->pub_captions = NULL;
    free(doc->title);
    doc->title = NULL;
    free(doc->text);
    doc->text = NULL;
    doc->len = 0;
    sb_free(&doc->json);
}

void ng_doc_free(ng_doc *doc)
{
    if (!doc)
        return;
    free_results(doc);
    free(doc->error);
    free(doc->id);
    free(doc->date_text);
    free(doc);
}

ng_doc *ng_doc_new_error(const char *id, const char *reason)
{
    ng_doc *doc = new_doc(NULL, id);
    if (!doc)
        return NULL;
    doc->error = clean_copy(reason ? reason : "error", 1);
    if (!doc->error) {
        ng_doc_free(doc);
        return NULL;
    }
    return doc;
}

static void fail(ng_doc *doc, const char *reason)
{
    free_results(doc);
    doc->error = clean_copy(reason, 1);
}

/* Reads the input as the caller says, or as it looks: a page when it starts
 * with markup, else plain text. */
static const char *ingest(ng_doc *doc, const ng_input *input)
{
    const char *bytes = input->text ? input->text : "";
    int html = input->format == NG_FORMAT_HTML ||
               (input->format == NG_FORMAT_AUTO && looks_like_html(bytes, input->len));
    if (html) {
        /* The caller's URL goes into the record: repaired like an id. */
        char *url = input->url ? clean_copy(input->url, 0) : NULL;
        const char *err = ingest_html(doc, bytes, input->len, url);
        free(url);
        return err;
    }
    return ingest_plain_text(doc, bytes, input->len);
}

ng_doc *ng_extract(const ng_engine *engine, const ng_input *input)
{
    ng_doc *doc = new_doc(engine, input ? input->id : NULL);
    if (!doc)
        return NULL;
    if (!input || (!input->text && input->len)) {
        fail(doc, "no input");
        return doc;
    }
    if (input->date) {
        if (parse_iso_date(input->date, &doc->date) != 0) {
            char why[128];
            snprintf(why, sizeof why, "bad date \"%.32s\": want YYYY-MM-DD", input->date);
            fail(doc, why);
            return doc;
        }
        doc->date_text = ng_strdup(input->date);
    }
    jmp_buf oom;
    if (setjmp(oom)) {
        ng_set_oom_target(NULL);
        fail(doc, "out of memory");
        return doc;
    }
    ng_set_oom_target(&oom);
    const char *err = ingest(doc, input);
    if (err) {
        char *why = ng_strdup(err);
        ng_set_oom_target(NULL);
        fail(doc, why ? why : "error");
        free(why);
        return doc;
    }
    tokenize(doc);
    find_quote_spans(doc);
    split_sentences(doc);
    find_mentions(doc);
    build_entities(doc);
    find_quotes(doc);
    find_dates(doc);
    ng_set_oom_target(NULL);
    return doc;
}

const char *ng_doc_error(const ng_doc *doc)
{
    return doc->error;
}

unsigned ng_doc_limits(const ng_doc *doc)
{
    return doc->error ? 0 : doc->limits;
}

const char *ng_doc_text(const ng_doc *doc, size_t *byte_len)
{
    if (byte_len)
        *byte_len = doc->len;
    return doc->text ? doc->text : "";
}

const char *ng_doc_id(const ng_doc *doc)
{
    return doc->id;
}

const char *ng_doc_title(const ng_doc *doc)
{
    return doc->title;
}

const char *ng_doc_date(const ng_doc *doc)
{
    return doc->date_text;
}

size_t ng_doc_author_count(const ng_doc *doc)
{
    return doc->error ? 0 : doc->authors.n;
}

const char *ng_doc_author(const ng_doc *doc, size_t i)
{
    return i < ng_doc_author_count(doc) ? doc->authors.v[i] : NULL;
}

const char *ng_doc_url(const ng_doc *doc)
{
    return doc->url;
}

const char *ng_doc_site_name(const ng_doc *doc)
{
    return doc->site_name;
}

const char *ng_doc_published(const ng_doc *doc)
{
    return doc->published;
}

const char *ng_doc_language(const ng_doc *doc)
{
    return doc->language;
}

/* ---- public views ----------------------------------------------------------------- */

/* Byte offsets to code point offsets, for offsets handed out in order or not
 * (see cp_of): the continuation bytes of each 64-byte block as a bit mask,
 * counted by population count, so a conversion is a few instructions. */
static uint64_t continuation_mask(const unsigned char *s, size_t n)
{
    uint64_t m = 0;
    size_t i = 0;
#if defined(__SSE2__)
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i c = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xC0)), _mm_set1_epi8((char)0x80));
        m |= (uint64_t)(unsigned)_mm_movemask_epi8(c) << i;
    }
#endif
    for (; i < n; i++)
        m |= (uint64_t)((s[i] & 0xC0) == 0x80) << i;
    return m;
}

void cp_index_init(cp_index *ix, const ng_doc *doc)
{
    size_t n = doc->len / 64 + 1;
    ix->blocks = ng_xrealloc(NULL, n * sizeof *ix->blocks);
    uint64_t count = 0;
    for (size_t k = 0; k < n; k++) {
        size_t b = k * 64, e = b + 64 < doc->len ? b + 64 : doc->len;
        uint64_t cont = b < e ? continuation_mask((const unsigned char *)doc->text + b, e - b) : 0;
        ix->blocks[k].before = count;
        ix->blocks[k].cont = cont;
        count += (e > b ? e - b : 0) - (uint64_t)__builtin_popcountll(cont);
    }
}

void cp_index_free(cp_index *ix)
{
    free(ix->blocks);
    ix->blocks = NULL;
}

static ng_mention make_mention(const cp_index *ix, uint32_t b, uint32_t e)
{
    ng_mention m = {cp_of(ix, b), cp_of(ix, e), b, e};
    return m;
}

static const char *own(ng_doc *doc, const char *s, size_t n)
{
    char *p = ng_xstrndup(s, n);
    *VEC_PUSH(&doc->strings) = p;
    return p;
}

/* Builds every public view at once; called by the first accessor. */
static void build_views(ng_doc *doc)
{
    if (doc->pub_entities || doc->pub_quotes || doc->pub_dates || doc->pub_captions || doc->error)
        return;
    cp_index ix;
    cp_index_init(&ix, doc);
    doc->pub_entities = ng_xcalloc(doc->entities.n + 1, sizeof *doc->pub_entities);
    for (size_t i = 0; i < doc->entities.n; i++) {
        entity *e = &doc->entities.v[i];
        ng_entity *p = &doc->pub_entities[i];
        p->id = (int)i;
        p->type = e->type;
        p->name = e->name;
        e->public_mentions = ng_xcalloc(e->mentions.n + 1, sizeof *e->public_mentions);
        for (size_t k = 0; k < e->mentions.n; k++) {
            const mention *m = &doc->mentions.v[e->mentions.v[k]];
            e->public_mentions[k] = make_mention(&ix, m->start, m->end);
        }
        p->mention_count = e->mentions.n;
        p->mentions = e->public_mentions;
    }
    doc->pub_quotes = ng_xcalloc(doc->quotes.n + 1, sizeof *doc->pub_quotes);
    for (size_t i = 0; i < doc->quotes.n; i++) {
        const quote *q = &doc->quotes.v[i];
        ng_quote *p = &doc->pub_quotes[i];
        p->kind = q->kind;
        p->text = own(doc, doc->text + q->start, q->end - q->start);
        p->span = make_mention(&ix, q->start, q->end);
        p->cue = q->cue_end > q->cue_start ? own(doc, doc->text + q->cue_start, q->cue_end - q->cue_start) : NULL;
        p->speaker_entity = -1;
        if (q->speaker == SPK_ENTITY) {
            p->speaker_entity = q->entity;
            p->speaker = doc->entities.v[q->entity].name;
        } else if (q->speaker == SPK_GENERIC) {
            p->speaker = q->generic;
        }
        if (q->speaker != SPK_NONE && q->spk_end > q->spk_start) {
            p->has_speaker_mention = 1;
            p->speaker_mention = make_mention(&ix, q->spk_start, q->spk_end);
        }
    }
    doc->pub_dates = ng_xcalloc(doc->dates.n + 1, sizeof *doc->pub_dates);
    for (size_t i = 0; i < doc->dates.n; i++) {
        const date_ref *d = &doc->dates.v[i];
        ng_date *p = &doc->pub_dates[i];
        p->text = own(doc, doc->text + d->start, d->end - d->start);
        p->span = make_mention(&ix, d->start, d->end);
        p->value = d->value[0] ? d->value : NULL;
    }
    size_t n_caps = 0;
    for (size_t i = 0; i < doc->paras.n; i++)
        n_caps += doc->paras.v[i].kind == PARA_CAPTION;
    doc->pub_captions = ng_xcalloc(n_caps + 1, sizeof *doc->pub_captions);
    for (size_t i = 0; i < doc->paras.n; i++) {
        const paragraph *p = &doc->paras.v[i];
        if (p->kind != PARA_CAPTION)
            continue;
        ng_caption *c = &doc->pub_captions[doc->n_pub_captions++];
        c->text = own(doc, doc->text + p->start, p->body_end - p->start);
        c->credit = p->credit_end > p->credit_start
                        ? own(doc, doc->text + p->credit_start, p->credit_end - p->credit_start)
                        : NULL;
    }
    cp_index_free(&ix);
}

/* The accessors build views lazily; a document is not shared between threads
 * while it is being read for the first time. */
#define VIEWS(doc) build_views((ng_doc *)(doc))

size_t ng_doc_entity_count(const ng_doc *doc)
{
    return doc->error ? 0 : doc->entities.n;
}

const ng_entity *ng_doc_entity(const ng_doc *doc, size_t i)
{
    VIEWS(doc);
    return i < ng_doc_entity_count(doc) ? &doc->pub_entities[i] : NULL;
}

size_t ng_doc_quote_count(const ng_doc *doc)
{
    return doc->error ? 0 : doc->quotes.n;
}

const ng_quote *ng_doc_quote(const ng_doc *doc, size_t i)
{
    VIEWS(doc);
    return i < ng_doc_quote_count(doc) ? &doc->pub_quotes[i] : NULL;
}

size_t ng_doc_date_count(const ng_doc *doc)
{
    return doc->error ? 0 : doc->dates.n;
}

const ng_date *ng_doc_date_at(const ng_doc *doc, size_t i)
{
    VIEWS(doc);
    return i < ng_doc_date_count(doc) ? &doc->pub_dates[i] : NULL;
}

size_t ng_doc_caption_count(const ng_doc *doc)
{
    VIEWS(doc);
    return doc->error ? 0 : doc->n_pub_captions;
}

const ng_caption *ng_doc_caption(const ng_doc *doc, size_t i)
{
    VIEWS(doc);
    return i < ng_doc_caption_count(doc) ? &doc->pub_captions[i] : NULL;
}

const char *ng_doc_json(ng_doc *doc, unsigned flags, size_t *len)
{
    jmp_buf oom;
    if (setjmp(oom)) {
        ng_set_oom_target(NULL);
        free(doc->json_marks);
        doc->json_marks = NULL;
        if (len)
            *len = 0;
        return NULL;
    }
    ng_set_oom_target(&oom);
    doc->json.n = 0;
    write_json(doc, flags);
    ng_set_oom_target(NULL);
    if (len)
        *len = doc->json.n;
    return doc->json.s;
}
