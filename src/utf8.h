/* UTF-8 helpers: decoding with repair, character classes, lower-casing.
 * Unicode tables come from utf8proc; ASCII takes a fast path everywhere. */
#ifndef NG_UTF8_H
#define NG_UTF8_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFD

/* Decodes the code point at s[0..n) (n > 0). Sets *len to the bytes used
 * (at least 1). Invalid or truncated sequences, surrogates and overlong forms
 * decode as U+FFFD consuming one byte, so that repair resynchronizes at once.
 * The common forms (one to three bytes, valid) are decoded inline. */
int32_t utf8_decode_slow(const unsigned char *s, size_t n, int *len);
static inline int32_t utf8_decode(const unsigned char *s, size_t n, int *len)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *len = 1;
        return (int32_t)c;
    }
    if (c >= 0xC2 && c <= 0xDF && n >= 2 && (s[1] & 0xC0) == 0x80) {
        *len = 2;
        return (int32_t)(((c & 0x1Fu) << 6) | (s[1] & 0x3Fu));
    }
    if (c >= 0xE0 && c <= 0xEF && n >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        int32_t cp = (int32_t)(((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu));
        if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
            *len = 3;
            return cp;
        }
    }
    return utf8_decode_slow(s, n, len);
}

/* Copies one valid sequence of n (2 to 4) bytes: a call to memcpy would cost
 * more than the copy. */
static inline void utf8_copy_sequence(char *out, const char *s, int n)
{
    out[0] = s[0];
    out[1] = s[1];
    if (n > 2)
        out[2] = s[2];
    if (n > 3)
        out[3] = s[3];
}

/* Writes the UTF-8 form of `cp` to out (4 bytes of room); returns its length. */
int utf8_encode(int32_t cp, char *out);

/* Character classes, all of a code point's in one answer (one table load). */
enum {
    UC_LETTER = 1,
    UC_UPPER = 2, /* uppercase or titlecase letter */
    UC_LOWER = 4,
    UC_DIGIT = 8, /* decimal digit, any script */
    UC_MARK = 16, /* combining mark: belongs to the word before it */
    UC_SPACE = 32, /* white space, including NBSP and the like */
    UC_CASED = 64 /* lower-casing changes it */
};
unsigned uc_classes_slow(int32_t cp);
extern uint8_t ng_uc_bmp_classes[0x10000];
extern atomic_uchar ng_uc_page_ready[256];
static inline unsigned uc_classes(int32_t cp)
{
    if (cp >= 0 && cp < 0x10000 && atomic_load_explicit(&ng_uc_page_ready[cp >> 8], memory_order_acquire))
        return ng_uc_bmp_classes[cp];
    return uc_classes_slow(cp);
}

/* Single classes. */
int uc_is_letter(int32_t cp);
int uc_is_upper(int32_t cp); /* uppercase or titlecase letter */
int uc_is_lower(int32_t cp);
int uc_is_digit(int32_t cp); /* decimal digit, any script */
int uc_is_mark(int32_t cp);  /* combining mark: belongs to the word before it */
int uc_is_space(int32_t cp); /* white space, including NBSP and the like */
int32_t uc_tolower(int32_t cp);

/* Lower-cases s[0..n) into out (capacity cap); returns the length written, or
 * 0 when it does not fit. The same function builds the lexicon keys. */
size_t utf8_lower(const char *s, size_t n, char *out, size_t cap);


#endif
