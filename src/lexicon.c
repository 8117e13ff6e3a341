/* The lexicon compiled into the library: see lexicon.h and tools/mklexicon.c. */
#include "lexicon.h"

#include <string.h>

/* Defined in lexicon_blob.S, which includes the generated lexicon.bin. */
extern const unsigned char ng_lexicon_blob[];
extern const unsigned char ng_lexicon_blob_end[];

int lexicon_open_builtin(lexicon *lex)
{
    const lex_header *h = (const lex_header *)ng_lexicon_blob;
    size_t size = (size_t)(ng_lexicon_blob_end - ng_lexicon_blob);
    if (size < sizeof *h || memcmp(h->magic, "NGLEX02", 8) != 0 || h->n_slots == 0 ||
        (size_t)h->entries_off + (size_t)h->n_slots * sizeof(lex_entry) > size ||
        (size_t)h->strings_off + h->strings_len > size)
        return -1;
    lex->header = h;
    lex->entries = (const lex_entry *)(ng_lexicon_blob + h->entries_off);
    lex->strings = (const char *)(ng_lexicon_blob + h->strings_off);
    lex->n_slots = h->n_slots;
    return 0;
}

uint32_t lexicon_find(const lexicon *lex, const char *key, size_t len)
{
    return lexicon_find_hashed(lex, key, len, lex_hash32(key, len));
}

static inline uint64_t load64(const char *p)
{
    uint64_t x;
    memcpy(&x, p, sizeof x);
    return x;
}

static inline uint64_t load32(const char *p)
{
    uint32_t x;
    memcpy(&x, p, sizeof x);
    return x;
}

/* The bytes of x with ASCII capitals lower-cased, all at once: a byte's top
 * bit is set by adding 0x3F when it is 'A' or more, by adding 0x25 when it is
 * past 'Z' (the adds cannot carry: bytes of 0x80 and over are masked out of
 * them, and out of the answer). */
static inline uint64_t ascii_lower8(uint64_t x)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Full, top = 0x8080808080808080ull;
    uint64_t y = x & low7;
    uint64_t upper = (y + 0x3F3F3F3F3F3F3F3Full) & ~(y + 0x2525252525252525ull) & ~x & top;
    return x | upper >> 2;
}

/* Is the entry's key the `len` bytes at `word`: exactly, or (ci) with ASCII
 * letters compared without case (the keys are lower-case)? */
static inline int key_equal(const lexicon *lex, const lex_entry *e, const char *word, size_t len, int ci)
{
    if (e->key_len != len)
        return 0;
    const char *key = e->key;
    if (len > LEX_INLINE_KEY) {
        uint32_t off;
        memcpy(&off, e->key, sizeof off);
        key = lex->strings + off;
    }
    if (!ci)
        return memcmp(key, word, len) == 0;
    /* Eight or four bytes at a time, the last load overlapping the one
     * before it rather than reading past the word or the key. */
    if (len >= 8) {
        for (size_t i = 0; i + 8 <= len; i += 8)
            if (ascii_lower8(load64(word + i)) != load64(key + i))
                return 0;
        return len % 8 == 0 || ascii_lower8(load64(word + len - 8)) == load64(key + len - 8);
    }
    if (len >= 4)
        return ascii_lower8(load32(word)) == load32(key) && ascii_lower8(load32(word + len - 4)) == load32(key + len - 4);
    for (size_t i = 0; i < len; i++) {
        char c = word[i];
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (c != key[i])
            return 0;
    }
    return 1;
}

/* The linear probe from the hash's home slot; `ci` is a constant at each
 * call, so the comparison it picks is fixed when this is inlined. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((always_inline))
#endif
static inline uint32_t probe(const lexicon *lex, const char *word, size_t len, uint32_t h32, int ci)
{
    if (len > 255)
        return 0;
    uint32_t tag = lex_tag(h32);
    uint32_t i = lex_home(h32, lex->n_slots);
    for (;;) {
        const lex_entry *e = &lex->entries[i];
        if (!e->tag)
            return 0;
        if (e->tag == tag && key_equal(lex, e, word, len, ci))
            return i + 1;
        if (++i == lex->n_slots)
            i = 0;
    }
}

uint32_t lexicon_find_hashed(const lexicon *lex, const char *key, size_t len, uint32_t h32)
{
    return probe(lex, key, len, h32, 0);
}

uint32_t lexicon_find_ascii_ci(const lexicon *lex, const char *word, size_t len, uint32_t h32)
{
    return probe(lex, word, len, h32, 1);
}
