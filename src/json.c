/*
 * Output: one JSON object per document (DESIGN.md, "Output, version 1").
 * Written compact in one pass; --pretty re-indents the compact form.
 */
#include "internal.h"

/* Does any of the 8 bytes need a look: a quote, a backslash, a control
 * character, DEL, or 0xE2 (the lead byte of U+2028 and U+2029)? The test may
 * say yes wrongly (then the slow path looks), never no wrongly. */
static int needs_escape8(const char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
#define HAS_ZERO_BYTE(v) (((v) - ones) & ~(v) & highs)
    uint64_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\'), e2 = w ^ (ones * 0xE2), del = w ^ (ones * 0x7F);
    return (HAS_ZERO_BYTE(q) | HAS_ZERO_BYTE(bs) | HAS_ZERO_BYTE(e2) | HAS_ZERO_BYTE(del) |
            ((w - ones * 0x20) & ~w & highs)) != 0;
#undef HAS_ZERO_BYTE
}

#if defined(__SSE2__)
#include <emmintrin.h>
/* The same test for 16 bytes at once: a bit per byte that needs a look. */
static unsigned escape_mask16(const char *s)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
                             _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2)),
                                          _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F))));
    /* bytes below 0x20, compared unsigned by flipping the sign bit */
    __m128i ctl = _mm_cmplt_epi8(_mm_xor_si128(v, _mm_set1_epi8((char)0x80)), _mm_set1_epi8((char)(0x20 ^ 0x80)));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(m, ctl));
}
#endif

/* Appends a string literal, its length counted by the compiler. */
#define SB_LIT(b, lit) sb_append((b), (lit), sizeof(lit) - 1)

static void put_string(strbuf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    sb_putc(b, '"');
    size_t run = 0; /* bytes copied as they are, flushed in one append */
    for (size_t i = 0; i < n; i++) {
#if defined(__SSE2__)
        if (i + 16 <= n) {
            /* the clean bytes before the first one that needs a look */
            unsigned m = escape_mask16(s + i);
            size_t clean = m ? (size_t)__builtin_ctz(m) : 16;
            /* A typographic quote or apostrophe (E2 80 98/99/9C/9D) starts
             * with the bytes U+2028 and U+2029 start with: it is clean too,
             * and the scan goes on past it. */
            if (clean < 14 && (unsigned char)s[i + clean] == 0xE2 && (unsigned char)s[i + clean + 1] == 0x80 &&
                ((unsigned char)s[i + clean + 2] & 0xFE) != 0xA8)
                clean += 3;
            if (clean) {
                run += clean;
                i += clean - 1;
                continue;
            }
        }
#endif
        if (i + 8 <= n && !needs_escape8(s + i)) {
            run += 8;
            i += 7;
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        char u[7];
        if (c == '"')
            esc = "\\\"";
        else if (c == '\\')
            esc = "\\\\";
        else if (c == '\n')
            esc = "\\n";
        else if (c == '\t')
            esc = "\\t";
        else if (c == '\r')
            esc = "\\r";
        else if (c < 0x20 || c == 0x7f) {
            u[0] = '\\', u[1] = 'u', u[2] = '0', u[3] = '0', u[4] = hex[c >> 4], u[5] = hex[c & 15], u[6] = 0;
            esc = u;
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
            /* U+2028 and U+2029 are valid JSON but break JavaScript readers. */
            esc = (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
            sb_append(b, s + i - run, run);
            run = 0;
            sb_append(b, esc, 6);
            i += 2;
            continue;
        }
        if (esc) {
            sb_append(b, s + i - run, run);
            run = 0;
            sb_append(b, esc, strlen(esc));
        } else {
            run++;
        }
    }
    sb_append(b, s + n - run, run);
    sb_putc(b, '"');
}

static void put_cstring(strbuf *b, const char *s)
{
    if (s)
        put_string(b, s, strlen(s));
    else
        SB_LIT(b, "null");
}

static void put_key(strbuf *b, const char *key, int first)
{
    if (!first)
        sb_putc(b, ',');
    sb_putc(b, '"');
    sb_append(b, key, strlen(key));
    SB_LIT(b, "\":");
}

static void put_uint(strbuf *b, size_t v)
{
    char buf[24];
    size_t i = sizeof buf;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    sb_append(b, buf + i, sizeof buf - i);
}

/* {"start", "end", "text"} of the bytes [b, e) of the text. */
static void put_span(strbuf *b, const ng_doc *doc, const cp_index *ix, uint32_t bs, uint32_t be)
{
    SB_LIT(b, "{\"start\":");
    put_uint(b, cp_of(ix, bs));
    SB_LIT(b, ",\"end\":");
    put_uint(b, cp_of(ix, be));
    SB_LIT(b, ",\"text\":");
    put_string(b, doc->text + bs, be - bs);
    sb_putc(b, '}');
}

/* A slice of the text as a JSON string. */
static void put_slice(strbuf *b, const ng_doc *doc, uint32_t bs, uint32_t be)
{
    put_string(b, doc->text + bs, be - bs);
}

static void write_record(ng_doc *doc)
{
    strbuf *b = &doc->json;
    /* A record is about two and a half times its text (the text itself and
     * the slices of it the entities and quotes repeat): room for three,
     * rather than a dozen doublings with their copies. */
    ng_vec_grow((void **)&b->s, &b->cap, 1, doc->len * 3 + 1024);
    sb_putc(b, '{');
    put_key(b, "id", 1);
    put_cstring(b, doc->id);
    if (doc->error) {
        put_key(b, "error", 0);
        put_cstring(b, doc->error);
        sb_putc(b, '}');
        return;
    }
    put_key(b, "title", 0);
    put_cstring(b, doc->title);
    put_key(b, "url", 0);
    put_cstring(b, doc->url);
    put_key(b, "site_name", 0);
    put_cstring(b, doc->site_name);
    put_key(b, "published", 0);
    put_cstring(b, doc->published);
    put_key(b, "language", 0);
    put_cstring(b, doc->language);
    put_key(b, "authors", 0);
    sb_putc(b, '[');
    for (size_t i = 0; i < ng_doc_author_count(doc); i++) {
        if (i)
            sb_putc(b, ',');
        put_cstring(b, ng_doc_author(doc, i));
    }
    sb_putc(b, ']');
    put_key(b, "date", 0);
    put_cstring(b, doc->date_text);
    put_key(b, "text", 0);
    put_string(b, doc->text, doc->len);

    cp_index ix;
    cp_index_init(&ix, doc);
    doc->json_marks = ix.blocks; /* ng_doc_json frees it if memory runs out */
    put_key(b, "entities", 0);
    sb_putc(b, '[');
    for (size_t i = 0; i < doc->entities.n; i++) {
        const entity *e = &doc->entities.v[i];
        if (i)
            sb_putc(b, ',');
        SB_LIT(b, "{\"id\":");
        put_uint(b, i);
        SB_LIT(b, ",\"type\":\"");
        sb_append(b, ng_entity_type_name(e->type), strlen(ng_entity_type_name(e->type)));
        SB_LIT(b, "\",\"name\":");
        put_cstring(b, e->name);
        SB_LIT(b, ",\"mentions\":[");
        for (size_t k = 0; k < e->mentions.n; k++) {
            const mention *m = &doc->mentions.v[e->mentions.v[k]];
            if (k)
                sb_putc(b, ',');
            put_span(b, doc, &ix, m->start, m->end);
        }
        SB_LIT(b, "]}");
    }
    sb_putc(b, ']');

    put_key(b, "quotes", 0);
    sb_putc(b, '[');
    for (size_t i = 0; i < doc->quotes.n; i++) {
        const quote *q = &doc->quotes.v[i];
        if (i)
            sb_putc(b, ',');
        SB_LIT(b, "{\"text\":");
        put_slice(b, doc, q->start, q->end);
        SB_LIT(b, ",\"start\":");
        put_uint(b, cp_of(&ix, q->start));
        SB_LIT(b, ",\"end\":");
        put_uint(b, cp_of(&ix, q->end));
        if (q->kind == NG_DIRECT)
            SB_LIT(b, ",\"kind\":\"direct\",\"cue\":");
        else
            SB_LIT(b, ",\"kind\":\"indirect\",\"cue\":");
        if (q->cue_end > q->cue_start)
            put_slice(b, doc, q->cue_start, q->cue_end);
        else
            SB_LIT(b, "null");
        SB_LIT(b, ",\"speaker\":");
        const char *name = q->speaker == SPK_ENTITY    ? doc->entities.v[q->entity].name
                           : q->speaker == SPK_GENERIC ? q->generic
                                                       : NULL;
        if (!name) {
            SB_LIT(b, "null");
        } else {
            SB_LIT(b, "{\"name\":");
            put_cstring(b, name);
            if (q->speaker == SPK_ENTITY) {
                SB_LIT(b, ",\"entity\":");
                put_uint(b, (size_t)q->entity);
            } else {
                SB_LIT(b, ",\"entity\":null");
            }
            SB_LIT(b, ",\"mention\":");
            if (q->spk_end > q->spk_start)
                put_span(b, doc, &ix, q->spk_start, q->spk_end);
            else
                SB_LIT(b, "null");
            sb_putc(b, '}');
        }
        sb_putc(b, '}');
    }
    sb_putc(b, ']');

    put_key(b, "dates", 0);
    sb_putc(b, '[');
    for (size_t i = 0; i < doc->dates.n; i++) {
        const date_ref *d = &doc->dates.v[i];
        if (i)
            sb_putc(b, ',');
        SB_LIT(b, "{\"text\":");
        put_slice(b, doc, d->start, d->end);
        SB_LIT(b, ",\"start\":");
        put_uint(b, cp_of(&ix, d->start));
        SB_LIT(b, ",\"end\":");
        put_uint(b, cp_of(&ix, d->end));
        SB_LIT(b, ",\"value\":");
        put_cstring(b, d->value[0] ? d->value : NULL);
        sb_putc(b, '}');
    }
    sb_putc(b, ']');
    cp_index_free(&ix);
    doc->json_marks = NULL;

    put_key(b, "captions", 0);
    sb_putc(b, '[');
    size_t n_caps = 0;
    for (size_t i = 0; i < doc->paras.n; i++) {
        const paragraph *p = &doc->paras.v[i];
        if (p->kind != PARA_CAPTION)
            continue;
        if (n_caps++)
            sb_putc(b, ',');
        SB_LIT(b, "{\"text\":");
        put_slice(b, doc, p->start, p->body_end);
        SB_LIT(b, ",\"credit\":");
        if (p->credit_end > p->credit_start)
            put_slice(b, doc, p->credit_start, p->credit_end);
        else
            SB_LIT(b, "null");
        sb_putc(b, '}');
    }
    sb_putc(b, ']');
    /* Only when a limit of ng_options cut the results short. */
    if (ng_doc_limits(doc)) {
        put_key(b, "limits_reached", 0);
        sb_putc(b, '[');
        if (doc->limits & NG_LIMIT_QUOTE_BYTES)
            SB_LIT(b, "\"max_quote_bytes\"");
        if ((doc->limits & NG_LIMIT_ENTITIES) && (doc->limits & NG_LIMIT_QUOTE_BYTES))
            sb_putc(b, ',');
        if (doc->limits & NG_LIMIT_ENTITIES)
            SB_LIT(b, "\"max_entities\"");
        sb_putc(b, ']');
    }
    sb_putc(b, '}');
}

/* Re-indents compact JSON: two spaces per level, short scalars kept inline. */
static void prettify(strbuf *b)
{
    strbuf out = {0};
    int depth = 0, in_string = 0;
    for (size_t i = 0; i < b->n; i++) {
        char c = b->s[i];
        if (in_string) {
            sb_putc(&out, c);
            if (c == '\\' && i + 1 < b->n)
                sb_putc(&out, b->s[++i]);
            else if (c == '"')
                in_string = 0;
            continue;
        }
        switch (c) {
        case '"':
            in_string = 1;
            sb_putc(&out, c);
            break;
        case '{':
        case '[':
            if (i + 1 < b->n && (b->s[i + 1] == '}' || b->s[i + 1] == ']')) {
                sb_putc(&out, c);
                sb_putc(&out, b->s[++i]);
                break;
            }
            sb_putc(&out, c);
            depth++;
            sb_putc(&out, '\n');
            for (int k = 0; k < depth; k++)
                SB_LIT(&out, "  ");
            break;
        case '}':
        case ']':
            depth--;
            sb_putc(&out, '\n');
            for (int k = 0; k < depth; k++)
                SB_LIT(&out, "  ");
            sb_putc(&out, c);
            break;
        case ',':
            sb_putc(&out, c);
            sb_putc(&out, '\n');
            for (int k = 0; k < depth; k++)
                SB_LIT(&out, "  ");
            break;
        case ':':
            SB_LIT(&out, ": ");
            break;
        default:
            sb_putc(&out, c);
        }
    }
    sb_free(b);
    *b = out;
}

void write_json(ng_doc *doc, unsigned flags)
{
    write_record(doc);
    if (flags & NG_JSON_PRETTY)
        prettify(&doc->json);
}
