/*
 * lexlookup: what the compiled lexicon says about words, for developers
 * reading a miss ("why is Martins not joined to Silvia S.?").
 *
 *   build/lexlookup WORD...     (phrases in one argument: "according to")
 *
 * Prints each word's lower-cased key and its feature names and aux bits, or
 * "not in the lexicon".
 */
#include <stdio.h>
#include <string.h>

#include "../src/lexicon.h"
#include "../src/utf8.h"

static const char *const feature_names[] = {
    "COMMON", "DICT_PROPER", "FIRST_MALE", "FIRST_FEMALE", "PERSONAL_NAME", "PLACE", "COUNTRY", "DEMONYM",
    "TITLE", "ROLE", "GENERIC", "ORG_WORD", "ORG_ANAPHOR", "KNOWN_ORG", "PRONOUN", "CUE", "CUE_CLAUSE",
    "CUE_OBJECT", "CUE_ING", "CUE_BASE", "DET", "PREP", "CONJ", "AUX", "MODAL", "ADVERB", "QUANT", "PARTICLE",
    "MONTH", "WEEKDAY", "ABBREV", "PREFIX", "PAST_VERB", "TIME_WORD", "NUMBER_WORD", "MEDIA_NOUN", "DOC_NOUN",
    "SUBORD", "RELATIVE", "NEGATION", "KINSHIP", "CREDIT_WORD", "STOP", "PLURAL_NOUN", "PHRASE", "NOT_NAME",
    "LOC_WORD", "EVENT_WORD", "PRESENT_VERB", "CUE_PREFIX",
};

int main(int argc, char **argv)
{
    lexicon lex;
    if (argc < 2) {
        fprintf(stderr, "usage: lexlookup WORD...\n");
        return 2;
    }
    if (lexicon_open_builtin(&lex) != 0) {
        fprintf(stderr, "lexlookup: the built-in lexicon is damaged\n");
        return 1;
    }
    for (int a = 1; a < argc; a++) {
        char key[256];
        size_t k = utf8_lower(argv[a], strlen(argv[a]), key, sizeof key);
        uint32_t e = k ? lexicon_find(&lex, key, k) : 0;
        printf("%.*s:", (int)k, key);
        if (!e) {
            printf(" not in the lexicon\n");
            continue;
        }
        const lex_entry *le = lexicon_entry(&lex, e);
        for (size_t b = 0; b < sizeof feature_names / sizeof *feature_names; b++)
            if (le->feats & (1ull << b))
                printf(" %s", feature_names[b]);
        printf("  aux=0x%x\n", le->aux);
    }
    return 0;
}
