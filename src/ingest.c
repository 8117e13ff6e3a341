/*
 * Ingest of plain text: bytes -> normalized text, paragraphs, title, captions.
 *
 * The text keeps every character of the input except what normalization must
 * change: invalid UTF-8 becomes U+FFFD, CRLF and CR become LF, a byte order
 * mark is dropped, control characters become spaces, and the whole is trimmed.
 * All later offsets refer to this text.
 */
#define _GNU_SOURCE /* memrchr */
#include "internal.h"
#include "utf8.h"

#include <stdio.h>

/* ---- normalization --------------------------------------------------------- */

const char *ingest_check_input(const ng_doc *doc, const char *bytes, size_t len, char *why, size_t whylen)
{
    size_t max = doc->engine->options.max_bytes;
    if (len > max) {
        snprintf(why, whylen, "input is %zu bytes, over the limit of %zu (--max-bytes)", len, max);
        return why;
    }
    const char *nul = memchr(bytes, 0, len);
    if (nul) {
        snprintf(why, whylen, "binary input: NUL byte at offset %zu", (size_t)(nul - bytes));
        return why;
    }
    return NULL;
}

static void normalize(ng_doc *doc, const char *bytes, size_t len)
{
    const unsigned char *s = (const unsigned char *)bytes;
    size_t i = 0;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        i = 3;
    /* Output is never more than 3x the input (one byte -> U+FFFD). */
    char *out = ng_xrealloc(NULL, (len - i) * 3 + 1);
    size_t o = 0;
    while (i < len) {
        /* Runs of printable ASCII, the bulk of most text, eight bytes at a
         * time: no byte below 0x20, none at 0x7F or above. */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
            uint64_t low = (w - ones * 0x20) & ~w & highs;     /* a byte < 0x20 */
            uint64_t high = (w | ((w + ones) & highs)) & highs; /* a byte >= 0x7F */
            if (low | high)
                break;
            memcpy(out + o, s + i, 8);
            o += 8;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned char c = s[i];
        if (c < 0x80) {
            if (c == '\r') {
                out[o++] = '\n';
                i += (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
                continue;
            }
            out[o++] = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F ? ' ' : (char)c;
            i++;
            continue;
        }
        int n;
        int32_t cp = utf8_decode(s + i, len - i, &n);
        if (cp == 0x2028 || cp == 0x2029) {
            out[o++] = '\n';
        } else if (cp >= 0x80 && cp < 0xA0) {
            out[o++] = ' '; /* C1 controls */
        } else if (cp == UTF8_REPLACEMENT && n == 1) {
            o += (size_t)utf8_encode(UTF8_REPLACEMENT, out + o);
        } else {
            utf8_copy_sequence(out + o, (const char *)s + i, n);
            o += (size_t)n;
        }
        i += (size_t)n;
    }
    /* Trim white space (ASCII; the tokenizer treats the rest) at both ends. */
    size_t b = 0, e = o;
    while (b < e && (out[b] == ' ' || out[b] == '\n' || out[b] == '\t'))
        b++;
    while (e > b && (out[e - 1] == ' ' || out[e - 1] == '\n' || out[e - 1] == '\t'))
        e--;
    memmove(out, out + b, e - b);
    out[e - b] = 0;
    doc->text = out;
    doc->len = e - b;
}

/* ---- paragraphs ------------------------------------------------------------- */

typedef struct line {
    uint32_t start, end; /* trimmed */
    int blank;
} line;

static int is_space_byte(char c)
{
    return c == ' ' || c == '\t';
}

static void trim_span(const char *t, uint32_t *b, uint32_t *e)
{
    while (*b < *e && is_space_byte(t[*b]))
        (*b)++;
    while (*e > *b && is_space_byte(t[*e - 1]))
        (*e)--;
}

/* A block of lines is hard-wrapped prose when every line but the last has the
 * length of a wrapped line; then its newlines are spaces. Otherwise each line
 * is a paragraph of its own (a caption under a label, a list). */
static int block_is_wrapped(const line *lines, size_t first, size_t end)
{
    if (end - first < 2)
        return 0;
    for (size_t i = first; i + 1 < end; i++) {
        uint32_t n = lines[i].end - lines[i].start;
        if (n < 40 || n > 110)
            return 0;
    }
    return 1;
}

static void add_paragraph(ng_doc *doc, uint32_t start, uint32_t end)
{
    trim_span(doc->text, &start, &end);
    if (start >= end)
        return;
    paragraph *p = VEC_PUSH(&doc->paras);
    p->start = start;
    p->end = end;
    p->kind = PARA_BODY;
}

void ingest_split_paragraphs(ng_doc *doc)
{
    VEC(line) lines = {0};
    const char *t = doc->text;
    uint32_t n = (uint32_t)doc->len;
    for (uint32_t b = 0; b <= n;) {
        const char *nl = memchr(t + b, '\n', n - b);
        uint32_t e = nl ? (uint32_t)(nl - t) : n;
        line *l = VEC_PUSH(&lines);
        l->start = b;
        l->end = e;
        trim_span(t, &l->start, &l->end);
        l->blank = l->start == l->end;
        b = e + 1;
    }
    for (size_t i = 0; i < lines.n;) {
        if (lines.v[i].blank) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < lines.n && !lines.v[j].blank)
            j++;
        if (block_is_wrapped(lines.v, i, j)) {
            add_paragraph(doc, lines.v[i].start, lines.v[j - 1].end);
        } else {
            /* A line that starts in lower case continues the one before it. */
            size_t p = i;
            for (size_t k = i + 1; k <= j; k++) {
                if (k < j) {
                    unsigned char c = (unsigned char)t[lines.v[k].start];
                    if (c >= 'a' && c <= 'z')
                        continue;
                }
                add_paragraph(doc, lines.v[p].start, lines.v[k - 1].end);
                p = k;
            }
        }
        i = j;
    }
    VEC_FREE(&lines);
}

/* ---- title, byline, captions ----------------------------------------------- */

static int starts_with_word(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    if (n < k)
        return 0;
    for (size_t i = 0; i < k; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (c != w[i])
            return 0;
    }
    return n == k || !((s[k] | 32) >= 'a' && (s[k] | 32) <= 'z');
}

static int is_terminal(char c)
{
    return c == '.' || c == '!' || c == '?';
}

/* The position of the last '.', '!' or '?' in t[lo, hi), or UINT32_MAX. */
static uint32_t last_terminal(const char *t, uint32_t lo, uint32_t hi)
{
#ifdef __GLIBC__
    const char *best = NULL;
    const char marks[3] = {'.', '!', '?'};
    for (int m = 0; m < 3; m++) {
        const char *from = best ? best + 1 : t + lo;
        const char *p = memrchr(from, marks[m], (size_t)(t + hi - from));
        if (p)
            best = p;
    }
    return best ? (uint32_t)(best - t) : UINT32_MAX;
#else
    for (uint32_t k = hi; k > lo; k--)
        if (is_terminal(t[k - 1]))
            return k - 1;
    return UINT32_MAX;
#endif
}

static int count_words(const char *s, size_t n)
{
    int words = 0, in = 0;
    for (size_t i = 0; i < n; i++) {
        int sp = s[i] == ' ' || s[i] == '\t' || s[i] == '\n';
        if (!sp && !in)
            words++;
        in = !sp;
    }
    return words;
}

/* Does s[0..n) read as a photo credit: "Getty/Axelle/Bauer-Griffin/FilmMagic",
 * "Kevin Mazur/Getty Images", "AP Photo/Evan Vucci", "Photo: Jane Doe"? Short,
 * no sentence in it, capitalized words, and a slash or a credit word. */
static int looks_like_credit(const ng_doc *doc, const char *s, size_t n)
{
    if (n == 0 || n > 120)
        return 0;
    int words = count_words(s, n);
    if (words < 1 || words > 12)
        return 0;
    if (is_terminal(s[n - 1]) && !(n >= 2 && s[n - 1] == '.' && s[n - 2] >= 'A' && s[n - 2] <= 'Z'))
        return 0;
    int slash = memchr(s, '/', n) != NULL;
    int credit_word = 0, lower_words = 0;
    const lexicon *lex = &doc->engine->lex;
    for (size_t i = 0; i < n;) {
        while (i < n && (s[i] == ' ' || s[i] == '/' || s[i] == ':' || s[i] == '(' || s[i] == ')' ||
                         s[i] == ',' || s[i] == ';'))
            i++;
        size_t b = i;
        while (i < n && !(s[i] == ' ' || s[i] == '/' || s[i] == ':' || s[i] == '(' || s[i] == ')' ||
                          s[i] == ',' || s[i] == ';'))
            i++;
        if (i == b)
            continue;
        uint32_t e = lookup_word(lex, s + b, i - b, NULL);
        uint64_t f = e ? lexicon_entry(lex, e)->feats : 0;
        if (f & F_CREDIT_WORD)
            credit_word = 1;
        unsigned char c = (unsigned char)s[b];
        if (c >= 'a' && c <= 'z' && !(f & (F_CREDIT_WORD | F_PARTICLE | F_PREP | F_DET | F_CONJ)))
            lower_words++;
    }
    if (lower_words > 0)
        return 0;
    return slash || credit_word;
}

/* Finds a credit at the end of a paragraph: in parentheses ("(Photo by X/Getty
 * Images)") or run on after the caption's last sentence. */
int ingest_find_credit(ng_doc *doc, paragraph *p)
{
    const char *t = doc->text;
    uint32_t b = p->start, e = p->end;
    if (t[e - 1] == ')') {
        uint32_t o = e - 1;
        while (o > b && t[o] != '(' && t[o] != '\n')
            o--;
        if (t[o] == '(' && o > b) {
            const char *in = t + o + 1;
            size_t n = e - 1 - (o + 1);
            if (starts_with_word(in, n, "photo") || starts_with_word(in, n, "photograph") ||
                starts_with_word(in, n, "image") || starts_with_word(in, n, "picture") ||
                starts_with_word(in, n, "credit") || looks_like_credit(doc, in, n)) {
                uint32_t be = o;
                while (be > b && is_space_byte(t[be - 1]))
                    be--;
                p->body_end = be;
                p->credit_start = o + 1;
                p->credit_end = e - 1;
                return 1;
            }
        }
    }
    /* The last sentence end that is followed by a space: candidates found
     * from the end by memrchr, the paragraph's final period excluded. */
    for (uint32_t hi = e - 1; hi > b + 1;) {
        uint32_t k = last_terminal(t, b + 1, hi); /* candidate position of the terminal */
        if (k == UINT32_MAX)
            break;
        hi = k;
        if (!is_space_byte(t[k + 1]))
            continue;
        /* "J. Smith/AP": an initial is not a sentence end. */
        if (k >= 2 && t[k - 2] == ' ' && t[k - 1] >= 'A' && t[k - 1] <= 'Z')
            continue;
        uint32_t cs = k + 1, ce = e;
        trim_span(t, &cs, &ce);
        if (looks_like_credit(doc, t + cs, ce - cs)) {
            p->body_end = k + 1;
            p->credit_start = cs;
            p->credit_end = ce;
            return 1;
        }
        return 0;
    }
    return 0;
}

static int has_prefix_ci(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    if (n < k)
        return 0;
    for (size_t i = 0; i < k; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (c != prefix[i])
            return 0;
    }
    return 1;
}

/* "Photograph: Jane Doe/Reuters" on a line of its own, as some papers set it. */
static int is_credit_line(const ng_doc *doc, const paragraph *p)
{
    const char *s = doc->text + p->start;
    size_t n = p->end - p->start;
    static const char *const heads[] = {"photograph:", "photo:", "photos:", "credit:", "image:",
                                        "picture:", "photograph by ", "photo by "};
    if (n >= 150)
        return 0;
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
        if (n > strlen(heads[i]) && has_prefix_ci(s, n, heads[i]))
            return 1;
    return 0;
}

static int is_short_label(const ng_doc *doc, const paragraph *p)
{
    size_t n = p->end - p->start;
    return n <= 80 && count_words(doc->text + p->start, n) <= 8 && !is_terminal(doc->text[p->end - 1]);
}

static void find_captions(ng_doc *doc)
{
    for (size_t i = 0; i < doc->paras.n; i++) {
        paragraph *p = &doc->paras.v[i];
        if (p->kind != PARA_BODY)
            continue;
        if (is_credit_line(doc, p)) {
            p->kind = PARA_CREDIT;
            p->credit_start = p->start;
            p->credit_end = p->end;
            /* The caption it credits is the paragraph before, when that is short
             * enough to be one. */
            if (i > 0 && doc->paras.v[i - 1].kind == PARA_BODY &&
                doc->paras.v[i - 1].end - doc->paras.v[i - 1].start < 400) {
                paragraph *c = &doc->paras.v[i - 1];
                c->kind = PARA_CAPTION;
                c->body_end = c->end;
                c->credit_start = p->start;
                c->credit_end = p->end;
                p->kind = PARA_CREDIT;
            }
            continue;
        }
        if (p->end - p->start < 1000 && ingest_find_credit(doc, p)) {
            p->kind = PARA_CAPTION;
            /* A short label just before a caption ("Chrissy Teigen") goes with it. */
            if (i > 0 && doc->paras.v[i - 1].kind == PARA_BODY && is_short_label(doc, &doc->paras.v[i - 1]) &&
                (int32_t)(i - 1) != doc->title_para)
                doc->paras.v[i - 1].kind = PARA_CAPTION_HEAD;
        }
    }
}

static void find_title_and_byline(ng_doc *doc)
{
    doc->title_para = -1;
    if (doc->paras.n < 2)
        return;
    paragraph *p = &doc->paras.v[0];
    const char *s = doc->text + p->start;
    size_t n = p->end - p->start;
    int one_line = memchr(s, '\n', n) == NULL;
    int ends_sentence = s[n - 1] == '.' && !(n >= 3 && s[n - 2] == '.' && s[n - 3] == '.');
    if (one_line && n <= 300 && !ends_sentence && count_words(s, n) <= 40) {
        p->kind = PARA_TITLE;
        doc->title_para = 0;
        doc->title = ng_xstrndup(s, n);
    }
    for (size_t i = doc->title_para + 1; i < doc->paras.n && i < 4; i++) {
        paragraph *q = &doc->paras.v[i];
        const char *qs = doc->text + q->start;
        size_t qn = q->end - q->start;
        if (qn < 120 && starts_with_word(qs, qn, "by") && qn > 3 && qs[3] >= 'A' && qs[3] <= 'Z') {
            q->kind = PARA_BYLINE;
            break;
        }
    }
}

const char *ingest_plain_text(ng_doc *doc, const char *bytes, size_t len)
{
    static _Thread_local char why[160];
    const char *err = ingest_check_input(doc, bytes, len, why, sizeof why);
    if (err)
        return err;
    normalize(doc, bytes, len);
    if (doc->len == 0)
        return "empty input: no text to extract from";
    ingest_split_paragraphs(doc);
    find_title_and_byline(doc);
    find_captions(doc);
    return NULL;
}
