/*
 * Page bytes -> UTF-8. The parser is always handed clean UTF-8, so that a
 * page's own (often wrong) declaration cannot make it switch encodings half
 * way through. The order of evidence:
 *
 *   1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE);
 *   2. the bytes themselves when they are valid UTF-8 with some non-ASCII in
 *      them: text in a legacy encoding is almost never valid UTF-8 by chance,
 *      and pages that declare Latin-1 but are UTF-8 are common;
 *   3. the charset declared by <meta charset>, <meta http-equiv> or the XML
 *      declaration, with labels read as browsers read them (WHATWG): Latin-1
 *      and ASCII mean Windows-1252, GB2312 means GB18030, and so on;
 *   4. mostly-UTF-8 bytes with a few bad sequences: repaired to U+FFFD;
 *   5. Windows-1252, which decodes every byte.
 */
#include "html.h"
#include "utf8.h"

#include <errno.h>
#include <iconv.h>

/* ---- the declared charset ---------------------------------------------------- */

static int is_ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* Finds `word` (lower case) in s[0..n), ignoring case; NULL when absent. */
static const char *find_ci(const char *s, size_t n, const char *word)
{
    size_t k = strlen(word);
    for (size_t i = 0; i + k <= n; i++) {
        if (ascii_lower(s[i]) != word[0])
            continue;
        size_t j = 1;
        while (j < k && ascii_lower(s[i + j]) == word[j])
            j++;
        if (j == k)
            return s + i;
    }
    return NULL;
}

/* Reads a charset label after "charset" or "encoding": `= "label"`. */
static int read_label(const char *s, const char *end, char *label, size_t cap)
{
    while (s < end && is_ascii_space(*s))
        s++;
    if (s >= end || *s != '=')
        return 0;
    s++;
    while (s < end && (is_ascii_space(*s) || *s == '"' || *s == '\''))
        s++;
    size_t n = 0;
    while (s < end && n + 1 < cap &&
           ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '-' ||
            *s == '_' || *s == '.' || *s == ':'))
        label[n++] = ascii_lower(*s++);
    label[n] = 0;
    return n > 0;
}

/* The charset a page declares in its first 64 KB (browsers look at 1 KB; some
 * pages put a long head of scripts first), lower-cased into `label`. */
static int declared_charset(const char *s, size_t n, char *label, size_t cap)
{
    if (n > 65536)
        n = 65536;
    const char *end = s + n;
    if (n > 5 && !memcmp(s, "<?xml", 5)) {
        const char *close = memchr(s, '>', n);
        const char *enc = close ? find_ci(s, (size_t)(close - s), "encoding") : NULL;
        if (enc && read_label(enc + 8, close, label, cap))
            return 1;
    }
    for (const char *p = s; p < end;) {
        const char *meta = find_ci(p, (size_t)(end - p), "<meta");
        if (!meta)
            break;
        const char *close = memchr(meta, '>', (size_t)(end - meta));
        if (!close)
            break;
        const char *cs = find_ci(meta, (size_t)(close - meta), "charset");
        if (cs && read_label(cs + 7, close, label, cap))
            return 1;
        p = close + 1;
    }
    return 0;
}

/* The iconv name for a label, as browsers map labels (WHATWG Encoding):
 * "latin1" is Windows-1252, "gb2312" is GB18030, Korean is CP949... NULL for
 * UTF-8 and for labels that mean Windows-1252. */
static const char *iconv_name(const char *label, int *is_utf8, int *is_1252)
{
    static const char *const utf8[] = {"utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be",
                                       "unicode"};
    static const char *const w1252[] = {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1",
                                        "ascii", "us-ascii", "windows-1252", "cp1252", "x-cp1252", "cp819",
                                        "ibm819", "iso-ir-100", "ansi_x3.4-1968", "iso-8859-15", "latin9"};
    static const char *const map[][2] = {
        {"gb2312", "GB18030"},   {"gbk", "GB18030"},      {"x-gbk", "GB18030"},     {"gb18030", "GB18030"},
        {"chinese", "GB18030"},  {"csgb2312", "GB18030"}, {"shift_jis", "CP932"},   {"shift-jis", "CP932"},
        {"sjis", "CP932"},       {"x-sjis", "CP932"},     {"ms_kanji", "CP932"},    {"windows-31j", "CP932"},
        {"euc-kr", "CP949"},     {"ks_c_5601-1987", "CP949"}, {"windows-949", "CP949"}, {"big5", "BIG5-HKSCS"},
        {"x-mac-roman", "MACINTOSH"}, {"tis-620", "CP874"}, {"iso-8859-11", "CP874"},
    };
    *is_utf8 = *is_1252 = 0;
    for (size_t i = 0; i < sizeof utf8 / sizeof utf8[0]; i++)
        if (!strcmp(label, utf8[i])) {
            /* A page that declares UTF-16 in ASCII bytes is not UTF-16. */
            *is_utf8 = 1;
            return NULL;
        }
    for (size_t i = 0; i < sizeof w1252 / sizeof w1252[0]; i++)
        if (!strcmp(label, w1252[i])) {
            *is_1252 = 1;
            return NULL;
        }
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(label, map[i][0]))
            return map[i][1];
    return label;
}

/* ---- decoders ------------------------------------------------------------------ */

/* Valid UTF-8? Counts multi-byte characters and bad bytes. */
static void scan_utf8(const char *s, size_t n, size_t *multibyte, size_t *bad)
{
    const unsigned char *u = (const unsigned char *)s;
    *multibyte = *bad = 0;
    for (size_t i = 0; i < n;) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        int k;
        int32_t cp = utf8_decode(u + i, n - i, &k);
        if (cp == UTF8_REPLACEMENT && k == 1)
            (*bad)++;
        else
            (*multibyte)++;
        i += (size_t)k;
    }
}

/* UTF-8 with bad bytes replaced by U+FFFD and NUL by a space. */
static char *repair_utf8(const char *s, size_t n, size_t *out_len)
{
    char *out = ng_xrealloc(NULL, n * 3 + 1);
    const unsigned char *u = (const unsigned char *)s;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (u[i] < 0x80) {
            out[o++] = u[i] ? (char)u[i] : ' ';
            i++;
            continue;
        }
        int k;
        int32_t cp = utf8_decode(u + i, n - i, &k);
        if (cp == UTF8_REPLACEMENT && k == 1)
            o += (size_t)utf8_encode(UTF8_REPLACEMENT, out + o);
        else
            memcpy(out + o, s + i, (size_t)k), o += (size_t)k;
        i += (size_t)k;
    }
    out[o] = 0;
    *out_len = o;
    return out;
}

/* Windows-1252: bytes 0x80-0x9F are punctuation and letters, the rest is
 * Latin-1. The five bytes it leaves undefined map to C1 controls, as in
 * browsers. */
static char *decode_1252(const char *s, size_t n, size_t *out_len)
{
    static const uint16_t high[32] = {
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
    char *out = ng_xrealloc(NULL, n * 3 + 1);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80)
            out[o++] = c ? (char)c : ' ';
        else
            o += (size_t)utf8_encode(c < 0xA0 ? high[c - 0x80] : c, out + o);
    }
    out[o] = 0;
    *out_len = o;
    return out;
}

/* Any other encoding, through iconv; bytes it cannot convert become U+FFFD.
 * NULL when iconv does not know the encoding. */
static char *decode_iconv(const char *from, const char *s, size_t n, size_t *out_len)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = n * 2 + 64, o = 0;
    char *out = ng_xrealloc(NULL, cap);
    char *in = (char *)s;
    size_t left = n;
    while (left > 0) {
        if (cap - o < 16) {
            cap *= 2;
            out = ng_xrealloc(out, cap);
        }
        char *op = out + o;
        size_t room = cap - o - 1;
        size_t r = iconv(cd, &in, &left, &op, &room);
        o = (size_t)(op - out);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG)
            continue;
        /* EILSEQ or EINVAL (a truncated sequence at the end): skip a byte.
         * iconv may have filled the buffer: make room for U+FFFD and the NUL. */
        if (cap - o < 16) {
            cap *= 2;
            out = ng_xrealloc(out, cap);
        }
        o += (size_t)utf8_encode(UTF8_REPLACEMENT, out + o);
        in++;
        left--;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv_close(cd);
    out[o] = 0;
    for (size_t i = 0; i < o; i++)
        if (!out[i])
            out[i] = ' ';
    *out_len = o;
    return out;
}

char *page_to_utf8(const char *bytes, size_t len, size_t *out_len)
{
    const unsigned char *u = (const unsigned char *)bytes;
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        return repair_utf8(bytes + 3, len - 3, out_len);
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        char *out = decode_iconv(u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", bytes + 2, len - 2, out_len);
        if (out)
            return out;
    }
    size_t multibyte, bad;
    scan_utf8(bytes, len, &multibyte, &bad);
    char label[48];
    int is_utf8 = 0, is_1252 = 0;
    const char *name = NULL;
    if (declared_charset(bytes, len, label, sizeof label))
        name = iconv_name(label, &is_utf8, &is_1252);
    /* ISO-2022 encodings are 7-bit: ASCII bytes prove nothing for them. */
    int seven_bit = name && !strncmp(label, "iso-2022", 8);
    if (bad == 0 && !(multibyte == 0 && seven_bit)) {
        if (!memchr(bytes, 0, len)) {
            *out_len = len;
            return NULL; /* clean UTF-8 already: no copy */
        }
        return repair_utf8(bytes, len, out_len); /* only NULs to replace */
    }
    if (name) {
        char *out = decode_iconv(name, bytes, len, out_len);
        if (out)
            return out;
    }
    /* Declared UTF-8 (or nothing) with bad bytes: a few in much UTF-8 are
     * damage to repair; mostly bad bytes mean the declaration is wrong. */
    if (!is_1252 && multibyte >= bad * 4)
        return repair_utf8(bytes, len, out_len);
    return decode_1252(bytes, len, out_len);
}
