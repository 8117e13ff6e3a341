#include "utf8.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <utf8proc.h>

int32_t utf8_decode_slow(const unsigned char *s, size_t n, int *len)
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

/* The classes of every code point of the Basic Multilingual Plane, one byte
 * each (64 KB): utf8proc's own lookup costs a call and two dependent loads per
 * question, and scanning a word asks several questions per character, which
 * was most of the work of tokenizing Cyrillic, Greek or CJK text. Filled from
 * utf8proc itself, 256 code points at a time as text needs them, so that the
 * answers are utf8proc's and a process pays only for the scripts it meets.
 * Code points beyond the BMP ask utf8proc directly. */
uint8_t ng_uc_bmp_classes[0x10000];
atomic_uchar ng_uc_page_ready[256]; /* per 256 code points, filled on first use */
static pthread_mutex_t page_lock = PTHREAD_MUTEX_INITIALIZER;

static unsigned classes_of(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    unsigned v = 0;
    if (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO)
        v |= UC_LETTER;
    if (c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT)
        v |= UC_UPPER;
    if (c == UTF8PROC_CATEGORY_LL)
        v |= UC_LOWER;
    if (c == UTF8PROC_CATEGORY_ND)
        v |= UC_DIGIT;
    if (cp >= 0x300 && c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME)
        v |= UC_MARK;
    if (c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP ||
        cp == 0x200B || cp == 0xFEFF || (cp < 0x80 && (cp == ' ' || (cp >= '\t' && cp <= '\r'))))
        v |= UC_SPACE; /* zero-width space, BOM: separators in practice */
    if (utf8proc_tolower(cp) != cp)
        v |= UC_CASED;
    return v;
}

static void fill_page(unsigned page)
{
    pthread_mutex_lock(&page_lock);
    if (!atomic_load_explicit(&ng_uc_page_ready[page], memory_order_relaxed)) {
        for (int32_t cp = (int32_t)page << 8; cp < (int32_t)(page + 1) << 8; cp++)
            ng_uc_bmp_classes[cp] = (uint8_t)classes_of(cp);
        atomic_store_explicit(&ng_uc_page_ready[page], 1, memory_order_release);
    }
    pthread_mutex_unlock(&page_lock);
}

unsigned uc_classes_slow(int32_t cp)
{
    if (cp < 0 || cp > 0x10FFFF)
        return 0;
    if (cp >= 0x10000)
        return classes_of(cp);
    fill_page((unsigned)cp >> 8);
    return ng_uc_bmp_classes[cp];
}

int uc_is_letter(int32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    return (uc_classes(cp) & UC_LETTER) != 0;
}

int uc_is_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    return (uc_classes(cp) & UC_UPPER) != 0;
}

int uc_is_lower(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return (uc_classes(cp) & UC_LOWER) != 0;
}

int uc_is_digit(int32_t cp)
{
    if (cp < 0x80)
        return cp >= '0' && cp <= '9';
    return (uc_classes(cp) & UC_DIGIT) != 0;
}

int uc_is_mark(int32_t cp)
{
    if (cp < 0x300)
        return 0;
    return (uc_classes(cp) & UC_MARK) != 0;
}

int uc_is_space(int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
    return (uc_classes(cp) & UC_SPACE) != 0;
}

int32_t uc_tolower(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    /* Most letters (all lower-case ones, every script without case) stay as
     * they are: the table says so without a call. */
    if (!(uc_classes(cp) & UC_CASED))
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
        if (o + 4 > cap)
            return 0;
        /* Typographic apostrophes fold to ASCII so that "don’t" = "don't". */
        if (cp == 0x2019 || cp == 0x2018) {
            out[o++] = '\'';
        } else if (len > 1 && !(uc_classes(cp) & UC_CASED)) {
            /* valid and unchanged (most letters): its bytes as they are */
            utf8_copy_sequence(out + o, s + i - len, len);
            o += (size_t)len;
        } else {
            o += (size_t)utf8_encode(uc_tolower(cp), out + o);
        }
    }
    return o;
}
