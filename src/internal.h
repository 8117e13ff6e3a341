/*
 * The document model shared by the pipeline stages. Each stage fills its own
 * part of `ng_doc` and reads only what earlier stages filled:
 *
 *   ingest.c    text, paragraphs, title, captions        (bytes -> document)
 *   tokens.c    tokens, quote spans, sentences           (text -> tokens)
 *   mentions.c  names, pronouns                          (tokens -> mentions)
 *   entities.c  entities, their mentions, pronoun links  (mentions -> entities)
 *   quotes.c    direct and reported speech, speakers     (all above -> quotes)
 *   dates.c     date expressions and their values        (tokens -> dates)
 *   json.c      the output record
 *
 * All positions inside the library are byte offsets into doc->text; json.c
 * turns them into code point offsets on the way out.
 */
#ifndef NG_INTERNAL_H
#define NG_INTERNAL_H

#include "../include/nutgraf.h"
#include "lexicon.h"

#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- memory ------------------------------------------------------------- */

/* Allocation failure inside ng_extract() jumps back to it, which returns an
 * error record: stages need no error paths for memory. Outside ng_extract(),
 * with no jump target set, failure aborts. */
void *ng_xrealloc(void *p, size_t n);
void *ng_xcalloc(size_t count, size_t size);
char *ng_xstrndup(const char *s, size_t n);
/* strdup that returns NULL when memory runs out (for paths outside ng_extract). */
char *ng_strdup(const char *s);
void ng_set_oom_target(jmp_buf *target);
/* The current target, so that a stage holding memory that is not the
 * document's (a parsed web page) can free it and pass the jump on. */
jmp_buf *ng_oom_target(void);

/* A growable array: VEC(token) tokens; VEC_PUSH(&tokens) returns a pointer to a
 * zeroed new element. */
#define VEC(T)         \
    struct {           \
        T *v;          \
        size_t n, cap; \
    }
void ng_vec_grow(void **v, size_t *cap, size_t elem, size_t need);
#define VEC_RESERVE(vec, extra) \
    ((vec)->n + (extra) > (vec)->cap \
         ? ng_vec_grow((void **)&(vec)->v, &(vec)->cap, sizeof *(vec)->v, (vec)->n + (extra)) \
         : (void)0)
#define VEC_PUSH(vec) \
    (VEC_RESERVE(vec, 1), memset(&(vec)->v[(vec)->n], 0, sizeof *(vec)->v), &(vec)->v[(vec)->n++])
#define VEC_FREE(vec) (free((vec)->v), (vec)->v = NULL, (vec)->n = (vec)->cap = 0)

/* A string buffer. */
typedef struct strbuf {
    char *s;
    size_t n, cap;
} strbuf;
/* Appending is inline: the JSON writer appends tens of pieces per quote. */
static inline void sb_append(strbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap)
        ng_vec_grow((void **)&b->s, &b->cap, 1, b->n + n + 1);
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = 0;
}
static inline void sb_putc(strbuf *b, char c)
{
    if (b->n + 2 > b->cap)
        ng_vec_grow((void **)&b->s, &b->cap, 1, b->n + 2);
    b->s[b->n++] = c;
    b->s[b->n] = 0;
}
void sb_printf(strbuf *b, const char *fmt, ...);
void sb_free(strbuf *b);

/* ---- the engine ----------------------------------------------------------- */

struct ng_engine {
    lexicon lex;
    ng_options options;
};

/* ---- ingest --------------------------------------------------------------- */

typedef enum para_kind {
    PARA_BODY,
    PARA_TITLE,
    PARA_BYLINE,
    PARA_CAPTION,      /* a photo caption (with or without its credit) */
    PARA_CAPTION_HEAD, /* a short label line just before a caption */
    PARA_CREDIT        /* a credit line on its own: "Photograph: X/Y" */
} para_kind;

typedef struct paragraph {
    uint32_t start, end; /* bytes: the paragraph's text, trimmed */
    para_kind kind;
    uint32_t body_end;   /* captions: where the caption text ends (credit after) */
    uint32_t credit_start, credit_end; /* 0, 0 when none */
} paragraph;

/* ---- tokens ----------------------------------------------------------------- */

typedef enum tok_kind {
    TK_WORD,
    TK_NUMBER,
    TK_PUNCT,  /* . , ; : ! ? ( ) [ ] ... */
    TK_QUOTE,  /* a quote mark or a free-standing apostrophe */
    TK_DASH,   /* em dash, en dash, "--", spaced hyphen */
    TK_SYMBOL  /* $ % & / # @ + and the rest */
} tok_kind;

enum {
    TF_CAP = 1u << 0,         /* first letter upper case */
    TF_ALLCAPS = 1u << 1,     /* two or more letters, all upper case */
    TF_LOWER = 1u << 2,       /* first letter lower case */
    TF_SPACE_BEFORE = 1u << 3,
    TF_NL_BEFORE = 1u << 4,   /* a line break in the space before */
    TF_PARA_START = 1u << 5,
    TF_SENT_START = 1u << 6,
    TF_ABBREV_DOT = 1u << 7,  /* the token ends with its abbreviation period */
    TF_INITIAL = 1u << 8,     /* "J." */
    TF_HAS_DIGIT = 1u << 9,
    TF_HYPHEN = 1u << 10,
    TF_IN_QUOTE = 1u << 11,   /* inside the text of a quote span */
    TF_DATELINE = 1u << 12,   /* part of a dateline ("WASHINGTON (AP) —") */
    TF_CLITIC = 1u << 13,     /* 's 'd 'll split off a word */
    TF_QUOTE_OPEN = 1u << 14, /* a quote mark that opens a span */
    TF_QUOTE_CLOSE = 1u << 15, /* a quote mark that closes a span */
    TF_LOOKUP = 1u << 16,      /* the lexicon lookup is still owed (tokens.c) */
    TF_KEY_IN_PLACE = 1u << 17, /* its lexicon key is its own bytes with ASCII capitals
                                  lower-cased: looked up in place (tokens.c) */
    TF_MIDSENTENCE_NAME = 1u << 18 /* a capitalized name word inside a sentence (mentions.c) */
};

/* Quote mark shapes. */
enum {
    QM_NONE,
    QM_DOUBLE,       /* " */
    QM_DOUBLE_OPEN,  /* “ „ « */
    QM_DOUBLE_CLOSE, /* ” » */
    QM_SINGLE,       /* ' */
    QM_SINGLE_OPEN,  /* ‘ ‹ */
    QM_SINGLE_CLOSE  /* ’ › */
};

typedef struct token {
    uint32_t start, end; /* bytes */
    uint64_t feats;      /* lexicon features of the lower-cased word, 0 if unknown */
    uint32_t aux;        /* lexicon aux field */
    uint32_t para;       /* paragraph index */
    uint32_t sent;       /* sentence index */
    int32_t quote;       /* the quote span whose text holds this token, or -1 */
    uint32_t hash;       /* FNV-1a of the lower-cased word, never 0: equal words
                            have equal hashes, whatever their case */
    uint32_t flags;
    uint8_t kind;
    uint8_t qmark;       /* QM_* for TK_QUOTE */
} token;

/* A span of text between quote marks. A quote running over paragraphs is a
 * chain of spans: every piece but the last has no closing mark. */
typedef struct qspan {
    uint32_t open_tok;  /* the opening mark */
    uint32_t close_tok; /* the closing mark, or the last token of the paragraph */
    uint32_t first_tok, end_tok; /* the tokens inside: [first_tok, end_tok) */
    uint32_t start, end;         /* bytes of the text inside the marks */
    uint32_t para;
    int32_t prev_piece; /* the previous piece of a multi-paragraph quote, or -1 */
    uint8_t single;     /* delimited by single quote marks */
    uint8_t open_ended; /* no closing mark: continues in the next paragraph */
} qspan;

typedef struct sentence {
    uint32_t first_tok, end_tok; /* [first_tok, end_tok) */
    uint32_t para;
} sentence;

/* ---- mentions and entities ---------------------------------------------------- */

typedef enum mention_kind {
    MK_NAME,    /* a proper name: "Chrissy Teigen", "Teigen", "Harbor Freight Lines" */
    MK_PRONOUN, /* he, she, it, they and their other cases */
    MK_NOMINAL  /* a description standing for an entity: "the company" */
} mention_kind;

enum {
    MF_IN_QUOTE = 1u << 0,   /* inside quoted speech */
    MF_IN_TITLE = 1u << 1,   /* in the headline */
    MF_IN_CAPTION = 1u << 2, /* in a caption or credit */
    MF_SENT_INITIAL = 1u << 3,
    MF_TITLED = 1u << 4,     /* a title precedes it: "Sen.", "Mr" */
    MF_ALLCAPS = 1u << 5,
    MF_POSSESSIVE = 1u << 6, /* followed by 's */
    MF_ROLE_BEFORE = 1u << 7,/* a role noun precedes: "chief executive Ingrid Vos" */
    MF_APPOS_ROLE = 1u << 8, /* a role appositive follows: "Vos, an analyst," */
    MF_AGE = 1u << 9,        /* an age follows: "Smith, 45," */
    MF_SUBJECT = 1u << 10,   /* looks like a clause subject */
    MF_SPEAKER = 1u << 11,   /* next to a speech verb */
    MF_DATELINE = 1u << 12,
    MF_CREDIT = 1u << 13,    /* inside a photo credit */
    MF_BYLINE = 1u << 14,    /* the writer's name in the byline */
    MF_EMBEDDED = 1u << 15   /* subject of a subordinate clause: "whether Thomas slept" */
};

typedef struct mention {
    uint32_t first_tok, end_tok; /* [first_tok, end_tok) */
    uint32_t start, end;         /* bytes */
    mention_kind kind;
    int32_t entity;              /* -1 until linked */
    uint32_t flags;
    uint8_t gender;              /* AUX_MALE, AUX_FEMALE, 0 unknown */
    uint8_t type_hint;           /* ng_entity_type guessed from the words, or 0xff */
    uint8_t org_class;           /* ORG_* for organization names */
    uint8_t plural;
    int32_t title_tok;           /* the title before the name, or -1 */
    int32_t role_tok;            /* a role noun next to the name ("the coach"), or -1 */
} mention;

enum { TYPE_UNKNOWN = 0xff };

typedef struct entity {
    ng_entity_type type;
    int32_t canonical;  /* the mention whose text is the name */
    char *name;
    uint8_t gender;
    uint8_t org_class;
    uint8_t weak_person; /* a PERSON only by the shape of its name: "it" or
                            "the company" referring to it makes it an ORG */
    uint32_t n_names;   /* name mentions */
    VEC(uint32_t) mentions; /* mention indices, text order: a slice of
                               doc->entity_mentions, not owned */
    ng_mention *public_mentions;
} entity;

/* ---- quotes -------------------------------------------------------------------- */

typedef enum speaker_kind {
    SPK_NONE,
    SPK_ENTITY, /* a person or organization of the article */
    SPK_GENERIC /* a generic source kept as written: "analysts", "police" */
} speaker_kind;

typedef struct quote {
    ng_quote_kind kind;
    uint32_t start, end;         /* bytes of the quoted text or clause */
    uint32_t cue_start, cue_end; /* 0, 0 when none */
    speaker_kind speaker;
    int32_t entity;              /* SPK_ENTITY */
    char *generic;               /* SPK_GENERIC: the words, owned */
    uint32_t spk_start, spk_end; /* the words naming the speaker; 0, 0 if none */
    int32_t qspan;               /* the quote span of a direct quote, or -1 */
} quote;

/* ---- dates ---------------------------------------------------------------------- */

typedef struct date_ref {
    uint32_t start, end; /* bytes */
    char value[16];      /* ISO 8601 at the given precision, "" if unresolved */
} date_ref;

/* ---- the document ------------------------------------------------------------------ */

typedef struct ymd {
    int year, month, day; /* 0 when unknown */
} ymd;

struct ng_doc {
    const ng_engine *engine;
    char *error;
    char *id;
    char *date_text; /* "YYYY-MM-DD" or NULL */
    ymd date;        /* the article's date, for resolving relative dates */
    unsigned limits; /* NG_LIMIT_* bits: the limits that cut results short */

    char *text;      /* normalized UTF-8 */
    size_t len;
    int32_t title_para; /* -1 when none */
    char *title;
    VEC(char *) authors; /* the writers: page metadata, else the byline's names */
    char *url;           /* web pages: the address, site, publication date, language */
    char *site_name;
    char *published;
    char *language;

    VEC(paragraph) paras;
    VEC(token) toks;
    VEC(qspan) qspans;
    VEC(sentence) sents;
    VEC(mention) mentions;
    size_t names_end; /* while mentions.c runs: the names found, sorted */
    VEC(entity) entities;
    uint32_t *entity_mentions; /* every entity's mention list, one after another */
    VEC(quote) quotes;
    VEC(date_ref) dates;

    /* The public views, built on demand by engine.c. */
    ng_entity *pub_entities;
    ng_quote *pub_quotes;
    ng_date *pub_dates;
    ng_caption *pub_captions;
    size_t n_pub_captions;
    VEC(char *) strings; /* strings owned by the public views */
    strbuf json;
    struct cp_block *json_marks; /* write_json's code point index, freed if memory runs out */
};

/* ---- stages ---------------------------------------------------------------------- */

/* ingest.c: copies the input into doc->text (repaired, normalized) and finds
 * paragraphs, the title and captions. Returns NULL, or an error message. */
const char *ingest_plain_text(ng_doc *doc, const char *bytes, size_t len);
/* Pieces of the plain-text ingest that the HTML ingest shares: the input
 * checks (size limit, NUL bytes; NULL when fine, else `why` filled), the
 * paragraphs of doc->text, and a caption's run-on credit (1 when found). */
const char *ingest_check_input(const ng_doc *doc, const char *bytes, size_t len, char *why, size_t whylen);
void ingest_split_paragraphs(ng_doc *doc);
int ingest_find_credit(ng_doc *doc, paragraph *p);

/* html.c: a web page (HTML bytes, in any encoding) -> the article's text,
 * paragraphs and captions, and the page's title, url, site, authors,
 * publication date and language. `url` (may be NULL) is the page's address.
 * Returns NULL, or an error message. */
const char *ingest_html(ng_doc *doc, const char *bytes, size_t len, const char *url);
/* Readies the HTML parser's global state; called once by ng_engine_new(), so
 * that threads sharing an engine find it ready. */
void ingest_html_init(void);
/* Do the bytes look like a web page: markup first (after a byte order mark,
 * white space and comments)? */
int looks_like_html(const char *bytes, size_t len);

/* tokens.c */
void tokenize(ng_doc *doc);
void find_quote_spans(ng_doc *doc);
void split_sentences(ng_doc *doc);
/* The lexicon entry of a word, looked up lower-cased; 0 if none. When `hash`
 * is not NULL it receives the hash of the lower-cased word (0 if too long). */
uint32_t lookup_word(const lexicon *lex, const char *s, size_t n, uint32_t *hash);
/* Length of the longest lexicon phrase starting at token i whose entry has any
 * of `want` features, in tokens (0 if none); its features in *feats. */
size_t match_phrase(const ng_doc *doc, size_t i, uint64_t want, uint64_t *feats, uint32_t *aux);

/* mentions.c */
void find_mentions(ng_doc *doc);

/* entities.c */
void build_entities(ng_doc *doc);
/* The mention that covers token i, or -1. */
int32_t mention_at(const ng_doc *doc, uint32_t tok);

/* quotes.c */
void find_quotes(ng_doc *doc);

/* dates.c */
void find_dates(ng_doc *doc);
/* Parses "YYYY-MM-DD" strictly; 0 on success. */
int parse_iso_date(const char *s, ymd *out);

/* engine.c: byte offsets to code point offsets, as the output gives them */
typedef struct cp_block {
    uint64_t before; /* code points before the block */
    uint64_t cont;   /* a bit per continuation byte (10xxxxxx) in it */
} cp_block;
typedef struct cp_index {
    cp_block *blocks; /* one per 64 bytes of the text, and one past */
} cp_index;
void cp_index_init(cp_index *ix, const ng_doc *doc);
void cp_index_free(cp_index *ix);

/* The code point offset of a byte offset (0 to the text's length): the
 * block's count plus the block's bytes before it that start a character. */
static inline size_t cp_of(const cp_index *ix, size_t byte)
{
    const cp_block *b = &ix->blocks[byte / 64];
    unsigned r = (unsigned)(byte % 64);
    return (size_t)b->before + r - (size_t)__builtin_popcountll(b->cont & ((1ull << r) - 1));
}

/* json.c: the record, written from the stages' own results (the public
 * views of engine.c are built only when the accessors ask for them) */
void write_json(ng_doc *doc, unsigned flags);

/* ---- small helpers ---------------------------------------------------------------- */

static inline int tok_is(const token *t, uint64_t feat)
{
    return (t->feats & feat) != 0;
}

static inline int tok_is_punct(const ng_doc *doc, const token *t, char c)
{
    return (t->kind == TK_PUNCT || t->kind == TK_SYMBOL) && t->end - t->start == 1 &&
           doc->text[t->start] == c;
}

static inline int tok_is_word(const token *t)
{
    return t->kind == TK_WORD;
}

/* The clitic "'s" ("Teigen's", "he's"), with a straight or a curly
 * apostrophe. */
static inline int tok_is_clitic_s(const ng_doc *doc, const token *t)
{
    const char *s = doc->text + t->start;
    size_t n = t->end - t->start;
    if (!(t->flags & TF_CLITIC))
        return 0;
    return (n == 2 && s[0] == '\'' && (s[1] | 32) == 's') ||
           (n == 4 && !memcmp(s, "\xe2\x80\x99", 3) && (s[3] | 32) == 's');
}

/* Forces inlining where the compiler would not: the word tests below are
 * called with literals from hundreds of places, and only inlined does the
 * length of the literal fold into a constant. */
#if defined(__GNUC__) || defined(__clang__)
#define NG_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define NG_ALWAYS_INLINE inline
#endif

/* Case-insensitive comparison of a token with a lower-case ASCII word. Inline,
 * so that strlen of a literal folds away: it is called in hot loops. */
static NG_ALWAYS_INLINE int tok_eq(const ng_doc *doc, const token *t, const char *word)
{
    char c0 = doc->text[t->start];
    if (c0 >= 'A' && c0 <= 'Z')
        c0 += 32;
    if (c0 != word[0]) /* most comparisons end at the first letter */
        return 0;
    size_t n = strlen(word);
    if (t->end - t->start != n)
        return 0;
    const char *s = doc->text + t->start;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (c != word[i])
            return 0;
    }
    return 1;
}

#endif
