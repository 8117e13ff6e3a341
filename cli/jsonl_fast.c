/*
 * The fast path for simple JSON Lines records (see jsonl_fast.h). It reads
 * what jansson reads, the way jansson reads it (RFC 8259 with strict UTF-8,
 * \u0000 allowed as with JSON_ALLOW_NUL, duplicate keys refused as with
 * JSON_REJECT_DUPLICATES), but only a subset: whenever it is unsure it says
 * no, and process_jsonl_line() reads the line as before.
 */
#include "jsonl_fast.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bytes that stand for themselves inside a string: printable ASCII but the
 * quote and the backslash. */
static const unsigned char plain[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

typedef struct cursor {
    const unsigned char *p, *end;
} cursor;

static void skip_ws(cursor *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
        c->p++;
}

/* The length of the valid UTF-8 sequence at p (2 to 4), or 0: no overlong
 * forms, no surrogates, nothing past U+10FFFF (as jansson checks). */
static size_t utf8_sequence(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0], cp;
    size_t n;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, cp = c & 0x07;
    else
        return 0;
    if ((size_t)(end - p) < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (p[i] & 0x3F);
    }
    if (n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)))
        return 0;
    if (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))
        return 0;
    return n;
}

/* Hex digits' values plus one; 0 for any other byte. */
static const unsigned char hex_value1[256] = {
    ['0'] = 1,  ['1'] = 2,  ['2'] = 3,  ['3'] = 4,  ['4'] = 5,  ['5'] = 6,  ['6'] = 7,  ['7'] = 8,
    ['8'] = 9,  ['9'] = 10, ['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
    ['A'] = 11, ['B'] = 12, ['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

static inline int hex4(const unsigned char *p, unsigned *v)
{
    int d0 = hex_value1[p[0]] - 1, d1 = hex_value1[p[1]] - 1, d2 = hex_value1[p[2]] - 1, d3 = hex_value1[p[3]] - 1;
    if ((d0 | d1 | d2 | d3) < 0)
        return 0; /* not a hex digit */
    *v = (unsigned)(d0 << 12 | d1 << 8 | d2 << 4 | d3);
    return 1;
}

#if defined(__SSE2__)
#include <emmintrin.h>
/* A bit for each of the 16 bytes at p that is not plain (see `plain`): a
 * control character, a byte of 0x80 or more (both below 0x20 when compared
 * signed), a quote or a backslash. */
static unsigned not_plain16(const unsigned char *p)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i m = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
                             _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
    return (unsigned)_mm_movemask_epi8(m);
}
#endif

/* Reads the string whose opening quote is at c->p. With `out`, writes its
 * bytes there, NUL-terminated (never more than the string takes in the
 * line), and their count in *outlen; *has_nul tells a \u0000 in it.
 * 1, or 0 when jansson would refuse it. */
static int read_string(cursor *c, char *out, size_t *outlen, int *has_nul)
{
    const unsigned char *p = c->p + 1, *end = c->end;
    char *o = out;
    *has_nul = 0;
    for (;;) {
#if defined(__SSE2__)
        /* Plain bytes 16 at a time. With `out`, the 16 are stored whole,
         * even those past the run: `o` is never ahead of `p` in the line's
         * copy (see jsonl_fast_parse), so p + 16 <= end keeps them inside. */
        while (end - p >= 16) {
            unsigned m = not_plain16(p);
            size_t n = m ? (size_t)__builtin_ctz(m) : 16;
            if (o) {
                memcpy(o, p, 16);
                o += n;
            }
            p += n;
            if (m)
                break;
        }
#endif
        const unsigned char *run = p;
        while (p < end && plain[*p])
            p++;
        if (o && p > run) {
            memcpy(o, run, (size_t)(p - run));
            o += p - run;
        }
        if (p >= end)
            return 0;
        unsigned ch = *p;
        if (ch == '"')
            break;
        if (ch < 0x20)
            return 0; /* a control character */
        if (ch >= 0x80) {
            size_t n = utf8_sequence(p, end);
            if (!n)
                return 0;
            if (o) {
                memcpy(o, p, n);
                o += n;
            }
            p += n;
            continue;
        }
        /* A backslash. */
    escape:
        if (end - p < 2)
            return 0;
        unsigned e = p[1], cp;
        switch (e) {
        case '"':
        case '\\':
        case '/':
            cp = e;
            break;
        case 'b':
            cp = '\b';
            break;
        case 'f':
            cp = '\f';
            break;
        case 'n':
            cp = '\n';
            break;
        case 'r':
            cp = '\r';
            break;
        case 't':
            cp = '\t';
            break;
        case 'u':
            if (end - p < 6 || !hex4(p + 2, &cp))
                return 0;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                unsigned lo;
                if (end - p < 12 || p[6] != '\\' || p[7] != 'u' || !hex4(p + 8, &lo) || lo < 0xDC00 || lo > 0xDFFF)
                    return 0;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                p += 6;
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                return 0;
            }
            p += 4; /* the 2 below make the escape's 6 */
            break;
        default:
            return 0;
        }
        p += 2;
        if (cp == 0)
            *has_nul = 1;
        if (o) {
            if (cp < 0x80) {
                *o++ = (char)cp;
            } else if (cp < 0x800) {
                *o++ = (char)(0xC0 | cp >> 6);
                *o++ = (char)(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                *o++ = (char)(0xE0 | cp >> 12);
                *o++ = (char)(0x80 | (cp >> 6 & 0x3F));
                *o++ = (char)(0x80 | (cp & 0x3F));
            } else {
                *o++ = (char)(0xF0 | cp >> 18);
                *o++ = (char)(0x80 | (cp >> 12 & 0x3F));
                *o++ = (char)(0x80 | (cp >> 6 & 0x3F));
                *o++ = (char)(0x80 | (cp & 0x3F));
            }
        }
        /* Escapes come in runs (text written as \uXXXX, one per
         * character): the next one is read at once. */
        if (p < end && *p == '\\')
            goto escape;
    }
    c->p = p + 1;
    if (o) {
        *o = 0;
        *outlen = (size_t)(o - out);
    }
    return 1;
}

enum value_kind { V_STRING, V_INTEGER, V_LITERAL_NULL, V_LITERAL_BOOL };

/* An integer as jansson reads one into a json_integer: -?(0|[1-9][0-9]*)
 * within 64 bits, not followed by a fraction or an exponent (a real: 0). */
static int read_integer(cursor *c, long long *v)
{
    const unsigned char *p = c->p, *end = c->end;
    int neg = p < end && *p == '-';
    p += neg;
    if (p >= end || *p < '0' || *p > '9')
        return 0;
    uint64_t x = 0;
    if (*p == '0') {
        p++;
    } else {
        while (p < end && *p >= '0' && *p <= '9') {
            unsigned d = *p++ - '0';
            if (x > (UINT64_MAX - d) / 10)
                return 0;
            x = x * 10 + d;
        }
    }
    if (p < end && (*p == '.' || *p == 'e' || *p == 'E' || (*p >= '0' && *p <= '9')))
        return 0;
    if (neg ? x > (uint64_t)INT64_MAX + 1 : x > (uint64_t)INT64_MAX)
        return 0;
    *v = neg ? (x == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(long long)x) : (long long)x;
    c->p = p;
    return 1;
}

static int read_literal(cursor *c, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, word, n) != 0)
        return 0;
    /* "nullx" is one bad token to jansson: only a delimiter may follow, and
     * a failed match must not move the cursor ("nullfalse" is not "false") */
    const unsigned char *q = c->p + n;
    if (q != c->end && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9')))
        return 0;
    c->p = q;
    return 1;
}

/* The fields process_record() looks at, as it sees them. */
enum { F_ID, F_TEXT, F_HTML, F_DATE, F_URL, F_OTHER };

static int field_of(const char *key, size_t len)
{
    static const char *const names[] = {"id", "text", "html", "date", "url"};
    for (int f = 0; f < F_OTHER; f++)
        if (strlen(names[f]) == len && !memcmp(names[f], key, len))
            return f;
    return F_OTHER;
}

#define MAX_KEYS 32

int jsonl_fast_parse(const char *line, size_t len, jsonl_record *rec)
{
    memset(rec, 0, sizeof *rec);
    cursor c = {(const unsigned char *)line, (const unsigned char *)line + len};
    skip_ws(&c);
    if (c.p >= c.end || *c.p != '{')
        return 0;
    c.p++;
    /* Strings kept are never longer than they are in the line. */
    char *scratch = malloc(len + 1), *w = scratch;
    if (!scratch)
        return 0;
    /* Keys seen, for duplicates: offsets into the line and decoded copies. */
    const char *keys[MAX_KEYS];
    size_t key_len[MAX_KEYS], nkeys = 0;
    enum value_kind kind[F_OTHER];
    const char *sval[F_OTHER] = {0};
    size_t slen[F_OTHER] = {0};
    int seen[F_OTHER] = {0};
    long long id_int = 0;
    skip_ws(&c);
    int first = 1;
    for (;;) {
        if (c.p >= c.end)
            goto no;
        if (*c.p == '}' && first) {
            c.p++;
            break;
        }
        if (*c.p != '"' || nkeys == MAX_KEYS)
            goto no;
        int nul;
        size_t klen;
        char *key = w;
        if (!read_string(&c, key, &klen, &nul) || nul)
            goto no; /* jansson refuses a NUL in a key */
        for (size_t k = 0; k < nkeys; k++)
            if (key_len[k] == klen && !memcmp(keys[k], key, klen))
                goto no; /* a duplicate key */
        keys[nkeys] = key;
        key_len[nkeys++] = klen;
        w += klen + 1;
        int f = field_of(key, klen);
        skip_ws(&c);
        if (c.p >= c.end || *c.p != ':')
            goto no;
        c.p++;
        skip_ws(&c);
        if (c.p >= c.end)
            goto no;
        enum value_kind vk;
        if (*c.p == '"') {
            size_t vlen;
            /* Only the fields read are kept; the others are only checked. */
            if (f != F_OTHER) {
                if (!read_string(&c, w, &vlen, &nul))
                    goto no;
                sval[f] = w;
                slen[f] = vlen;
                w += vlen + 1;
            } else if (!read_string(&c, NULL, &vlen, &nul)) {
                goto no;
            }
            vk = V_STRING;
        } else if (*c.p == '-' || (*c.p >= '0' && *c.p <= '9')) {
            long long v;
            if (!read_integer(&c, &v))
                goto no;
            if (f == F_ID)
                id_int = v;
            vk = V_INTEGER;
        } else if (read_literal(&c, "null")) {
            vk = V_LITERAL_NULL;
        } else if (read_literal(&c, "true") || read_literal(&c, "false")) {
            vk = V_LITERAL_BOOL;
        } else {
            goto no; /* an object, an array, or bad JSON */
        }
        if (f != F_OTHER) {
            kind[f] = vk;
            seen[f] = 1;
        }
        first = 0;
        skip_ws(&c);
        if (c.p < c.end && *c.p == ',') {
            c.p++;
            skip_ws(&c);
            if (c.p >= c.end || *c.p != '"')
                goto no;
            continue;
        }
        if (c.p < c.end && *c.p == '}') {
            c.p++;
            break;
        }
        goto no;
    }
    skip_ws(&c);
    if (c.p != c.end)
        goto no; /* anything after the object */

    /* What process_record() does with it; a record that would be an error
     * record is left to it, for its exact message. */
    int html = seen[F_HTML] && kind[F_HTML] == V_STRING;
    int text = html ? F_HTML : F_TEXT;
    if (!seen[text] || kind[text] != V_STRING)
        goto no;
    if (seen[F_DATE] && kind[F_DATE] != V_STRING && kind[F_DATE] != V_LITERAL_NULL)
        goto no;
    if (seen[F_URL] && kind[F_URL] != V_STRING && kind[F_URL] != V_LITERAL_NULL)
        goto no;
    rec->scratch = scratch;
    rec->html = html;
    rec->text = sval[text];
    rec->text_len = slen[text];
    rec->date = seen[F_DATE] && kind[F_DATE] == V_STRING ? sval[F_DATE] : NULL;
    rec->url = seen[F_URL] && kind[F_URL] == V_STRING ? sval[F_URL] : NULL;
    if (seen[F_ID] && kind[F_ID] == V_STRING) {
        rec->id = sval[F_ID];
    } else if (seen[F_ID] && kind[F_ID] == V_INTEGER) {
        snprintf(rec->id_buf, sizeof rec->id_buf, "%lld", id_int);
        rec->id = rec->id_buf;
    }
    return 1;
no:
    free(scratch);
    return 0;
}

void jsonl_record_free(jsonl_record *rec)
{
    free(rec->scratch);
    rec->scratch = NULL;
}

int jsonl_fast_line(const ng_engine *engine, const jsonl_config *config, const char *line, size_t len,
                    ng_doc **doc)
{
    jsonl_record rec;
    if (len == 0 || len > config->line_limit || !jsonl_fast_parse(line, len, &rec))
        return 0;
    ng_input in = {rec.text, rec.text_len, rec.id, rec.date ? rec.date : config->date,
                   rec.html ? NG_FORMAT_HTML : config->format, rec.url};
    *doc = ng_extract(engine, &in);
    jsonl_record_free(&rec);
    return 1;
}
