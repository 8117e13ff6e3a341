#include "utf8.h"

#include <string.h>
#include <utf8proc.h>

int32_t utf8_decode(const unsigned char *s, size_t n, int *len)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    int need;
    int32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1, cp = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2, cp = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3, cp = c & 0x07, min = 0x10000;
    } else {
        *len = 1;
        return UTF8_REPLACEMENT;
    }
    if ((size_t)need >= n) {
        *len = 1;
        return UTF8_REPLACEMENT;
    }
    for (int i = 1; i <= need; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *len = 1;
            return UTF8_REPLACEMENT;
        }
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        *len = 1;
        return UTF8_REPLACEMENT;
    }
    *len = need + 1;
    return cp;
}

int utf8_encode(int32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static utf8proc_category_t category(int32_t cp)
{
    return utf8proc_category(cp);
}

int uc_is_letter(int32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    utf8proc_category_t c = category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int uc_is_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int uc_is_lower(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return category(cp) == UTF8PROC_CATEGORY_LL;
}

int uc_is_digit(int32_t cp)
{
    if (cp < 0x80)
        return cp >= '0' && cp <= '9';
    return category(cp) == UTF8PROC_CATEGORY_ND;
}

int uc_is_mark(int32_t cp)
{
    if (cp < 0x300)
        return 0;
    utf8proc_category_t c = category(cp);
    return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

int uc_is_space(int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
    if (cp == 0x200B || cp == 0xFEFF) /* zero-width space, BOM: separators in practice */
        return 1;
    utf8proc_category_t c = category(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

int32_t uc_tolower(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    /* Scripts without case (CJK, Hangul, kana, Thai, Arabic, Hebrew, Indic):
     * nothing to look up. */
    if ((cp >= 0x0590 && cp <= 0x10FF) || (cp >= 0x2E80 && cp <= 0xD7FF) || (cp >= 0xF900 && cp <= 0xFAFF))
        return cp;
    return utf8proc_tolower(cp);
}

size_t utf8_lower(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (o >= cap)
                return 0;
            out[o++] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            i++;
            continue;
        }
        int len;
        int32_t cp = utf8_decode((const unsigned char *)s + i, n - i, &len);
        i += (size_t)len;
        /* Typographic apostrophes fold to ASCII so that "don’t" = "don't". */
        if (cp == 0x2019 || cp == 0x2018)
            cp = '\'';
        else
            cp = uc_tolower(cp);
        if (o + 4 > cap)
            return 0;
        o += (size_t)utf8_encode(cp, out + o);
    }
    return o;
}

size_t utf8_count(const char *s, size_t n)
{
    /* Count the bytes that are not continuation bytes (10xxxxxx), eight at a
     * time: a continuation byte has bit 7 set and bit 6 clear. */
    size_t count = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t cont = ((w & ~(w << 1)) & 0x8080808080808080ull) >> 7;
        count += 8 - (size_t)((cont * 0x0101010101010101ull) >> 56); /* sum of the bytes */
    }
    for (; i < n; i++)
        count += ((unsigned char)s[i] & 0xC0) != 0x80;
    return count;
}
