/*
 * Output: one JSON object per document (DESIGN.md, "Output, version 1").
 * Written compact in one pass; --pretty re-indents the compact form.
 */
#include "internal.h"

static void put_string(strbuf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    sb_putc(b, '"');
    size_t run = 0; /* bytes copied as they are, flushed in one append */
    for (size_t i = 0; i < n; i++) {
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
        sb_append(b, "null", 4);
}

static void put_key(strbuf *b, const char *key, int first)
{
    if (!first)
        sb_putc(b, ',');
    sb_putc(b, '"');
    sb_append(b, key, strlen(key));
    sb_append(b, "\":", 2);
}

static void put_span(strbuf *b, const ng_doc *doc, const ng_mention *m, int with_text)
{
    sb_printf(b, "{\"start\":%zu,\"end\":%zu", m->start, m->end);
    if (with_text) {
        sb_append(b, ",\"text\":", 8);
        put_string(b, doc->text + m->byte_start, m->byte_end - m->byte_start);
    }
    sb_putc(b, '}');
}

static void write_record(ng_doc *doc)
{
    strbuf *b = &doc->json;
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
    put_key(b, "date", 0);
    put_cstring(b, doc->date_text);
    put_key(b, "text", 0);
    put_string(b, doc->text, doc->len);

    put_key(b, "entities", 0);
    sb_putc(b, '[');
    for (size_t i = 0; i < ng_doc_entity_count(doc); i++) {
        const ng_entity *e = ng_doc_entity(doc, i);
        if (i)
            sb_putc(b, ',');
        sb_printf(b, "{\"id\":%d,\"type\":\"%s\",\"name\":", e->id, ng_entity_type_name(e->type));
        put_cstring(b, e->name);
        sb_append(b, ",\"mentions\":[", 13);
        for (size_t k = 0; k < e->mention_count; k++) {
            if (k)
                sb_putc(b, ',');
            put_span(b, doc, &e->mentions[k], 1);
        }
        sb_append(b, "]}", 2);
    }
    sb_putc(b, ']');

    put_key(b, "quotes", 0);
    sb_putc(b, '[');
    for (size_t i = 0; i < ng_doc_quote_count(doc); i++) {
        const ng_quote *q = ng_doc_quote(doc, i);
        if (i)
            sb_putc(b, ',');
        sb_append(b, "{\"text\":", 8);
        put_cstring(b, q->text);
        sb_printf(b, ",\"start\":%zu,\"end\":%zu,\"kind\":\"%s\",\"cue\":", q->span.start, q->span.end,
                  q->kind == NG_DIRECT ? "direct" : "indirect");
        put_cstring(b, q->cue);
        sb_append(b, ",\"speaker\":", 11);
        if (!q->speaker) {
            sb_append(b, "null", 4);
        } else {
            sb_append(b, "{\"name\":", 8);
            put_cstring(b, q->speaker);
            if (q->speaker_entity >= 0)
                sb_printf(b, ",\"entity\":%d", q->speaker_entity);
            else
                sb_append(b, ",\"entity\":null", 14);
            sb_append(b, ",\"mention\":", 11);
            if (q->has_speaker_mention)
                put_span(b, doc, &q->speaker_mention, 1);
            else
                sb_append(b, "null", 4);
            sb_putc(b, '}');
        }
        sb_putc(b, '}');
    }
    sb_putc(b, ']');

    put_key(b, "dates", 0);
    sb_putc(b, '[');
    for (size_t i = 0; i < ng_doc_date_count(doc); i++) {
        const ng_date *d = ng_doc_date_at(doc, i);
        if (i)
            sb_putc(b, ',');
        sb_append(b, "{\"text\":", 8);
        put_cstring(b, d->text);
        sb_printf(b, ",\"start\":%zu,\"end\":%zu,\"value\":", d->span.start, d->span.end);
        put_cstring(b, d->value);
        sb_putc(b, '}');
    }
    sb_putc(b, ']');

    put_key(b, "captions", 0);
    sb_putc(b, '[');
    for (size_t i = 0; i < ng_doc_caption_count(doc); i++) {
        const ng_caption *c = ng_doc_caption(doc, i);
        if (i)
            sb_putc(b, ',');
        sb_append(b, "{\"text\":", 8);
        put_cstring(b, c->text);
        sb_append(b, ",\"credit\":", 10);
        put_cstring(b, c->credit);
        sb_putc(b, '}');
    }
    sb_putc(b, ']');
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
                sb_append(&out, "  ", 2);
            break;
        case '}':
        case ']':
            depth--;
            sb_putc(&out, '\n');
            for (int k = 0; k < depth; k++)
                sb_append(&out, "  ", 2);
            sb_putc(&out, c);
            break;
        case ',':
            sb_putc(&out, c);
            sb_putc(&out, '\n');
            for (int k = 0; k < depth; k++)
                sb_append(&out, "  ", 2);
            break;
        case ':':
            sb_append(&out, ": ", 2);
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
