/*
 * Lexicons: every word list nutgraf knows (cue verbs, titles, role nouns, first
 * names, places, the English dictionary, ...) compiled at build time by
 * tools/mklexicon.c into one hash table that is embedded in the library and
 * used in place, without parsing, by every engine.
 *
 * Keys are lower-cased UTF-8; multi-word entries ("according to", "chief
 * executive", "new york") have single spaces between words. Every proper prefix
 * of a multi-word entry is present too, flagged F_PREFIX, so that a phrase
 * match can stop at the first prefix that is not there.
 *
 * This header is shared by the generator and the library: the bit values are
 * the file format.
 */
#ifndef NG_LEXICON_H
#define NG_LEXICON_H

#include <stddef.h>
#include <stdint.h>

/* Feature bits of an entry (64 bits). */
enum {
    F_COMMON = 1ull << 0,        /* an ordinary lower-case English word */
    F_DICT_PROPER = 1ull << 1,   /* the dictionary lists it capitalized */
    F_FIRST_MALE = 1ull << 2,    /* a male first name */
    F_FIRST_FEMALE = 1ull << 3,  /* a female first name */
    F_PERSONAL_NAME = 1ull << 4, /* a first name or surname (Moby names) */
    F_PLACE = 1ull << 5,         /* a city, country, state or region */
    F_COUNTRY = 1ull << 6,
    F_DEMONYM = 1ull << 7, /* "French", "Thai" */
    F_TITLE = 1ull << 8,   /* honorific or title before a name: "Sen.", "Dr." */
    F_ROLE = 1ull << 9,    /* role noun: "spokeswoman", "analyst", "coach" */
    F_GENERIC = 1ull << 10, /* a generic source: "police", "officials" */
    F_ORG_WORD = 1ull << 11, /* an organization head word: "Agency", "FC" */
    F_ORG_ANAPHOR = 1ull << 12, /* "company", "agency" in "the company said" */
    F_KNOWN_ORG = 1ull << 13,   /* a well-known organization: "Reuters" */
    F_PRONOUN = 1ull << 14,
    F_CUE = 1ull << 15,         /* a speech verb in any form */
    F_CUE_CLAUSE = 1ull << 16,  /* ... which can report speech: "said (that)" */
    F_CUE_OBJECT = 1ull << 17,  /* ... which takes a listener: "told reporters" */
    F_CUE_ING = 1ull << 18,     /* ... the -ing form: "saying" */
    F_CUE_BASE = 1ull << 19,    /* ... the base form: "(to) explain" */
    F_DET = 1ull << 20,         /* the, a, this, their, ... */
    F_PREP = 1ull << 21,
    F_CONJ = 1ull << 22,        /* and, but, or, while, because, ... */
    F_AUX = 1ull << 23,         /* is, was, has, had, does, ... */
    F_MODAL = 1ull << 24,       /* will, would, could, ... */
    F_ADVERB = 1ull << 25,      /* adverbs that sit between subject and verb */
    F_QUANT = 1ull << 26,       /* most, many, some, all, several, ... */
    F_PARTICLE = 1ull << 27,    /* name particles: de, van, von, bin, al */
    F_MONTH = 1ull << 28,
    F_WEEKDAY = 1ull << 29,
    F_ABBREV = 1ull << 30,      /* a word that takes a period: "Sen", "Inc", "U.S" */
    F_PREFIX = 1ull << 31,      /* a proper prefix of a multi-word entry */
    F_PAST_VERB = 1ull << 32,   /* irregular finite past: made, took, went */
    F_TIME_WORD = 1ull << 33,   /* today, yesterday, tonight, week, month, year */
    F_NUMBER_WORD = 1ull << 34, /* one, two, dozen, hundred, million */
    F_MEDIA_NOUN = 1ull << 35,  /* app, film, book, song, show: "the app "X"" */
    F_DOC_NOUN = 1ull << 36,    /* statement, report, memo, post: "in a statement" */
    F_SUBORD = 1ull << 37,      /* subordinators: if, because, when, although */
    F_RELATIVE = 1ull << 38,    /* who, which, whom, whose */
    F_NEGATION = 1ull << 39,    /* not, never, n't */
    F_KINSHIP = 1ull << 40,     /* husband, wife, mother: "her husband" */
    F_CREDIT_WORD = 1ull << 41, /* Getty, Images, AP, Reuters, Photo: photo credits */
    F_STOP = 1ull << 42,        /* other function words: it, there, so, ... */
    F_PLURAL_NOUN = 1ull << 43, /* a plural common noun that can start a clause */
    F_PHRASE = 1ull << 44,      /* the entry is a multi-word phrase */
    F_NOT_NAME = 1ull << 45,    /* capitalized, yet no name: "TV", "CEO", "GDP" */
    F_LOC_WORD = 1ull << 46,    /* place head word: "River", "Street", "County" */
    F_EVENT_WORD = 1ull << 47,  /* heads an event's name: "Hurricane", "Operation" */
    F_PRESENT_VERB = 1ull << 48, /* a common present-tense verb: "makes", "need" */
    F_CUE_PREFIX = 1ull << 49    /* a proper prefix of a multi-word cue: "went",
                                    "went on" ("went on to say"); a search
                                    for a cue phrase stops at other prefixes */
};

/* The `aux` field: small enumerations packed in 32 bits. */
enum {
    AUX_GENDER_MASK = 0x3u,  /* gender of a title, role, kinship noun, pronoun */
    AUX_MALE = 0x1u,
    AUX_FEMALE = 0x2u,
    AUX_NEUTER = 0x3u,       /* it, its: organizations and things */
    AUX_PLURAL = 0x4u,       /* they, them, their; plural generic sources */
    AUX_FIRST_PERSON = 0x8u, /* I, me, we */
    AUX_POSSESSIVE = 0x10u,  /* his, her, their, its */
    AUX_OBJECT_CASE = 0x20u, /* him, them */
    AUX_REFLEXIVE = 0x40u,
    AUX_ABBR_TITLE = 0x80u,  /* an abbreviation that never ends a sentence */
    AUX_ABBR_MONTH = 0x100u, /* "Oct." */
    AUX_ABBR_SUFFIX = 0x200u,/* "Inc.", "Jr.": may end a sentence */
    AUX_CUE_QUESTION = 0x400u, /* asked, wondered: reports a question */
    AUX_CUE_PAST = 0x800u,     /* said, told: past tense */
    AUX_CUE_PRESENT = 0x1000u, /* says, tells */
    AUX_ORG_CLASS_SHIFT = 16u,  /* which kind of organization, for anaphora */
    AUX_ORG_CLASS_MASK = 0xffu << 16,
    AUX_VALUE_SHIFT = 24u,      /* months 1-12, weekdays 1-7, numbers 0-99 */
};

/* Organization classes: "the company" refers back to a company, "the agency"
 * to an agency. An org word or anaphor of class C matches an organization whose
 * name ends in a word of class C; ORG_ANY matches every organization. */
enum {
    ORG_ANY = 0,
    ORG_COMPANY,
    ORG_GOVERNMENT,
    ORG_POLICE,
    ORG_UNION,
    ORG_EDUCATION,
    ORG_TEAM,
    ORG_PARTY,
    ORG_HEALTH,
    ORG_COURT,
    ORG_MEDIA,
    ORG_NONPROFIT,
    ORG_CLASS_COUNT
};

/* One slot of the open-addressing table: the entry and its key live in the
 * slot itself, so that a lookup costs one cache line, not three. */
typedef struct lex_entry {
    uint64_t feats;
    uint32_t aux;
    uint32_t tag;    /* lex_tag(hash): never 0; 0 marks an empty slot */
    uint8_t key_len; /* keys up to LEX_INLINE_KEY bytes are stored in `key` */
    char key[15];    /* ... longer ones in the string area, at the uint32
                        offset stored in the first four bytes */
} lex_entry;

#define LEX_INLINE_KEY 15

/* The blob layout (little-endian, naturally aligned). */
typedef struct lex_header {
    char magic[8];        /* "NGLEX02\0" */
    uint32_t n_slots;     /* any size; a hash maps to a slot by multiply-shift */
    uint32_t n_keys;
    uint32_t entries_off; /* n_slots lex_entry */
    uint32_t strings_off; /* the long keys */
    uint32_t strings_len;
    uint32_t pad;
} lex_header;

/* 64-bit FNV-1a: the generator and the library must agree. */
static inline uint64_t lex_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* Lookups use lex_hash32(): the slot comes from it by multiply-shift onto
 * [0, n_slots), and the tag that filters a slot before its key is compared
 * is a bijective mix of it (never 0). */
static inline uint32_t lex_hash32(const char *s, size_t n);
static inline uint32_t lex_home(uint32_t h32, uint32_t n_slots)
{
    /* FNV's high bits alone cluster: mix every bit into them first */
    uint32_t x = h32;
    x ^= x >> 16;
    x *= 0x7feb352du;
    x ^= x >> 15;
    x *= 0x846ca68bu;
    x ^= x >> 16;
    return (uint32_t)(((uint64_t)x * n_slots) >> 32);
}

static inline uint32_t lex_tag(uint32_t h32)
{
    return (h32 * 2654435761u) | 1u;
}

/* The low 32 bits of lex_hash(), never 0: tokens keep it as their word's
 * identity and look the word up with it. */
static inline uint32_t lex_hash32(const char *s, size_t n)
{
    return (uint32_t)lex_hash(s, n) | 1u;
}

typedef struct lexicon {
    const lex_header *header;
    const lex_entry *entries;
    const char *strings;
    uint32_t n_slots;
} lexicon;

/* Binds `lex` to the blob compiled into the library. Returns 0, or -1 when the
 * blob is damaged (which is a build error). */
int lexicon_open_builtin(lexicon *lex);

/* Index (slot + 1) of the entry for the lower-cased key, or 0. */
uint32_t lexicon_find(const lexicon *lex, const char *key, size_t len);
/* The same with the key's lex_hash32() already computed. */
uint32_t lexicon_find_hashed(const lexicon *lex, const char *key, size_t len, uint32_t h32);

/* The same for a word as written: ASCII letters are compared without case
 * (the table's keys are lower-case); h32 is the lower-cased word's hash. */
uint32_t lexicon_find_ascii_ci(const lexicon *lex, const char *word, size_t len, uint32_t h32);

/* Asks the processor to fetch the slot of a hash ahead of its lookup. GCC
 * (12, -O1 and up) deletes a loop whose only effect is __builtin_prefetch as
 * dead code, so the instruction is written out where we know it. */
static inline void lexicon_prefetch(const lexicon *lex, uint32_t h32)
{
    const lex_entry *e = &lex->entries[lex_home(h32, lex->n_slots)];
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
    __asm__ volatile("prefetcht0 %0" : : "m"(*(const char *)e));
#elif defined(__GNUC__) && defined(__aarch64__)
    __asm__ volatile("prfm pldl1keep, %0" : : "Q"(*(const char *)e));
#else
    __builtin_prefetch(e);
#endif
}

static inline const lex_entry *lexicon_entry(const lexicon *lex, uint32_t index)
{
    return &lex->entries[index - 1];
}

#endif
