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

static int key_equal(const lexicon *lex, const lex_entry *e, const char *key, size_t len)
{
    if (e->key_len != len)
        return 0;
    if (len <= LEX_INLINE_KEY)
        return memcmp(e->key, key, len) == 0;
    uint32_t off;
    memcpy(&off, e->key, sizeof off);
    return memcmp(lex->strings + off, key, len) == 0;
}

uint32_t lexicon_find_hashed(const lexicon *lex, const char *key, size_t len, uint32_t h32)
{
    if (len > 255)
        return 0;
    uint32_t tag = lex_tag(h32);
    uint32_t i = lex_home(h32, lex->n_slots);
    for (;;) {
        const lex_entry *e = &lex->entries[i];
        if (!e->tag)
            return 0;
        if (e->tag == tag && key_equal(lex, e, key, len))
            return i + 1;
        if (++i == lex->n_slots)
            i = 0;
    }
}

static int key_equal_ci(const lexicon *lex, const lex_entry *e, const char *word, size_t len)
{
    if (e->key_len != len)
        return 0;
    const char *key = e->key;
    if (len > LEX_INLINE_KEY) {
        uint32_t off;
        memcpy(&off, e->key, sizeof off);
        key = lex->strings + off;
    }
    for (size_t i = 0; i < len; i++) {
        char c = word[i];
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (c != key[i])
            return 0;
    }
    return 1;
}

uint32_t lexicon_find_ascii_ci(const lexicon *lex, const char *word, size_t len, uint32_t h32)
{
    if (len > 255)
        return 0;
    uint32_t tag = lex_tag(h32);
    uint32_t i = lex_home(h32, lex->n_slots);
    for (;;) {
        const lex_entry *e = &lex->entries[i];
        if (!e->tag)
            return 0;
        if (e->tag == tag && key_equal_ci(lex, e, word, len))
            return i + 1;
        if (++i == lex->n_slots)
            i = 0;
    }
}
