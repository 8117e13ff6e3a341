/* UTF-8 helpers: decoding with repair, character classes, lower-casing.
 * Unicode tables come from utf8proc; ASCII takes a fast path everywhere. */
#ifndef NG_UTF8_H
#define NG_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFD

/* Decodes the code point at s[0..n) (n > 0). Sets *len to the bytes used
 * (at least 1). Invalid or truncated sequences, surrogates and overlong forms
 * decode as U+FFFD consuming one byte, so that repair resynchronizes at once. */
int32_t utf8_decode(const unsigned char *s, size_t n, int *len);

/* Writes the UTF-8 form of `cp` to out (4 bytes of room); returns its length. */
int utf8_encode(int32_t cp, char *out);

/* Character classes. */
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

/* Number of code points in s[0..n) of valid UTF-8. */
size_t utf8_count(const char *s, size_t n);

#endif
