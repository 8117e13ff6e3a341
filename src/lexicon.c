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
    if (size < sizeof *h || memcmp(h->magic, "NGLEX01", 8) != 0 || h->n_slots == 0 ||
        (h->n_slots & (h->n_slots - 1)) != 0 || (size_t)h->strings_off + h->strings_len > size)
        return -1;
    lex->header = h;
    lex->entries = (const lex_entry *)(ng_lexicon_blob + h->entries_off);
    lex->slots = (const uint32_t *)(ng_lexicon_blob + h->slots_off);
    lex->strings = (const char *)(ng_lexicon_blob + h->strings_off);
    lex->mask = h->n_slots - 1;
    return 0;
}

uint32_t lexicon_find(const lexicon *lex, const char *key, size_t len)
{
    return lexicon_find_hashed(lex, key, len, lex_hash(key, len));
}

uint32_t lexicon_find_hashed(const lexicon *lex, const char *key, size_t len, uint64_t hash)
{
    uint32_t i = (uint32_t)hash & lex->mask;
    for (;;) {
        uint32_t e = lex->slots[i];
        if (!e)
            return 0;
        const lex_entry *le = &lex->entries[e];
        if (le->key_len == len && memcmp(lex->strings + le->key_off, key, len) == 0)
            return e;
        i = (i + 1) & lex->mask;
    }
}
