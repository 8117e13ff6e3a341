/*
 * Tokens, quote spans and sentences.
 *
 * One left-to-right pass makes the tokens: words (with their inner hyphens and
 * apostrophes, and the period of an abbreviation: "Sen.", "U.S.", "J."),
 * numbers ("1,200", "3-2", "4.5", "29-year-old"), quote marks, dashes and
 * punctuation. Clitics are split off ("Teigen's" -> "Teigen" "'s") so that
 * names stay whole. Every word carries the lexicon features of its lower-cased
 * form, looked up once here.
 *
 * Quote marks are then paired paragraph by paragraph in one linear pass (a
 * stack of depth one: news prose does not nest double quotes), and sentences
 * are cut with quotes kept whole, so that '"..." she wrote' is one sentence
 * however many sentences the quote holds.
 */
#include "internal.h"
#include "utf8.h"

/* ---- lexicon access ----------------------------------------------------------- */

/* Is key[0..n) the n bytes of s with ASCII capitals lower-cased, and nothing
 * else changed? Then the word can be compared with the lexicon in place. */
static int key_in_place(const char *s, const char *key, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((char)((c >= 'A' && c <= 'Z') ? c + 32 : c) != key[i])
            return 0;
    }
    return 1;
}

/* Lower-cases a word into key (128 bytes) and hashes it; returns the key's
 * length, 0 when the word is empty or too long to look up. `in_place`, when
 * not NULL, says whether key_in_place() holds: most words of scripts without
 * case (and lower-case words of any script) are their own key. */
static size_t word_key(const char *s, size_t n, char *key, uint32_t *h32, int *in_place)
{
    if (in_place)
        *in_place = 0;
    if (n == 0 || n > 100)
        return 0;
    size_t i = 0, k = 0;
    /* ASCII fast path, lower-casing and hashing in one loop, typographic
     * apostrophes ("’s", "don’t": the commonest non-ASCII in English news)
     * folded to "'" as utf8_lower() folds them; anything else goes through
     * utf8_lower. */
    uint64_t h = 1469598103934665603ull;
    int folded = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                ((unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x98)) {
                c = '\'';
                i += 2;
                folded = 1;
            } else {
                break;
            }
        } else if (c >= 'A' && c <= 'Z') {
            c = (unsigned char)(c + 32);
        }
        key[k++] = (char)c;
        h = (h ^ c) * 1099511628211ull;
        i++;
    }
    if (i < n) {
        k = utf8_lower(s, n, key, 128);
        if (!k)
            return 0;
        h = lex_hash(key, k);
        if (in_place)
            *in_place = k == n && !folded && key_in_place(s, key, n);
    } else if (in_place) {
        *in_place = !folded;
    }
    *h32 = (uint32_t)h | 1u; /* lex_hash32() */
    return k;
}

uint32_t lookup_word(const lexicon *lex, const char *s, size_t n, uint32_t *hash)
{
    char key[128];
    uint32_t h32 = 0;
    size_t k = word_key(s, n, key, &h32, NULL);
    if (hash)
        *hash = k ? h32 : 0;
    return k ? lexicon_find_hashed(lex, key, k, h32) : 0;
}

/* The bytes of a token as looked up: without its abbreviation period. */
static size_t word_len(const token *t)
{
    return t->end - t->start - ((t->flags & TF_ABBREV_DOT) ? 1 : 0);
}

size_t match_phrase(const ng_doc *doc, size_t i, uint64_t want, uint64_t *feats, uint32_t *aux)
{
    const lexicon *lex = &doc->engine->lex;
    const token *first = &doc->toks.v[i];
    /* Most calls end here: the word starts no phrase (or, looking for a
     * cue, no cue phrase), so its own features (looked up once by the
     * tokenizer) answer. */
    uint64_t prefix = (want & ~F_CUE) ? F_PREFIX : F_CUE_PREFIX;
    if (!(first->feats & prefix)) {
        if (!(first->feats & want) || (first->kind != TK_WORD && first->kind != TK_NUMBER))
            return 0;
        *feats = first->feats;
        *aux = first->aux;
        return 1;
    }
    /* The key grows a word at a time and its hash with it (FNV-1a runs
     * left to right); the first word's entry is the token's own. */
    char key[256];
    size_t k = 0, best = 0;
    uint64_t h = 1469598103934665603ull;
    for (size_t j = i; j < doc->toks.n && j < i + 8; j++) {
        const token *t = &doc->toks.v[j];
        if (t->kind != TK_WORD && t->kind != TK_NUMBER)
            break;
        if (j > i && (t->para != doc->toks.v[i].para || (t->flags & TF_CLITIC)))
            break;
        size_t n = word_len(t);
        if (k + n + 1 >= sizeof key)
            break;
        size_t from = k;
        if (j > i)
            key[k++] = ' ';
        size_t m = utf8_lower(doc->text + t->start, n, key + k, sizeof key - k);
        if (!m)
            break;
        k += m;
        for (size_t q = from; q < k; q++)
            h = (h ^ (unsigned char)key[q]) * 1099511628211ull;
        uint64_t f;
        uint32_t a;
        if (j == i) {
            f = first->feats;
            a = first->aux;
        } else {
            uint32_t e = lexicon_find_hashed(lex, key, k, (uint32_t)h | 1u);
            if (!e)
                break;
            f = lexicon_entry(lex, e)->feats;
            a = lexicon_entry(lex, e)->aux;
        }
        if (f & want) {
            best = j - i + 1;
            *feats = f;
            *aux = a;
        }
        if (!(f & prefix))
            break;
    }
    return best;
}

/* ---- character classes for the scanner ------------------------------------------- */

static int is_apostrophe(int32_t cp)
{
    return cp == '\'' || cp == 0x2019;
}

static int is_hyphen(int32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static int quote_mark(int32_t cp)
{
    switch (cp) {
    case '"':
        return QM_DOUBLE;
    case 0x201C: /* “ */
    case 0x201E: /* „ */
    case 0x00AB: /* « */
        return QM_DOUBLE_OPEN;
    case 0x201D: /* ” */
    case 0x00BB: /* » */
        return QM_DOUBLE_CLOSE;
    case '\'':
        return QM_SINGLE;
    case 0x2018: /* ‘ */
    case 0x2039: /* ‹ */
        return QM_SINGLE_OPEN;
    case 0x2019: /* ’ */
    case 0x203A: /* › */
        return QM_SINGLE_CLOSE;
    default:
        return QM_NONE;
    }
}

typedef struct scanner {
    const unsigned char *s;
    size_t n;
} scanner;

static int32_t cp_at(const scanner *sc, size_t i, int *len)
{
    if (i >= sc->n) {
        *len = 0;
        return -1;
    }
    if (sc->s[i] < 0x80) {
        *len = 1;
        return sc->s[i];
    }
    return utf8_decode(sc->s + i, sc->n - i, len);
}

static int is_alnum_cp(int32_t cp)
{
    return cp >= 0 && (uc_is_letter(cp) || uc_is_digit(cp));
}

/* ---- tokenizing ---------------------------------------------------------------------- */

static NG_ALWAYS_INLINE token *push_token(ng_doc *doc, uint32_t start, uint32_t end, tok_kind kind, uint32_t flags)
{
    token *t = VEC_PUSH(&doc->toks);
    t->start = start;
    t->end = end;
    t->kind = (uint8_t)kind;
    t->flags = flags;
    t->quote = -1;
    return t;
}

/* What one pass over a word of plain ASCII learns: its case, digits and
 * hyphens, and the hash of its lower-cased form. */
typedef struct ascii_word {
    int upper, lower, first; /* first: 1 upper, 2 lower, the first letter's case */
    uint32_t flags;
    uint64_t h;
} ascii_word;

static NG_ALWAYS_INLINE void ascii_word_begin(ascii_word *w)
{
    w->upper = w->lower = w->first = 0;
    w->flags = 0;
    w->h = 1469598103934665603ull;
}

/* One byte (below 0x80) of the word. */
static NG_ALWAYS_INLINE void ascii_word_byte(ascii_word *w, unsigned c)
{
    if (c >= 'a' && c <= 'z') {
        w->lower++;
        w->first = w->first ? w->first : 2;
    } else if (c >= 'A' && c <= 'Z') {
        w->upper++;
        w->first = w->first ? w->first : 1;
        c += 32;
    } else if (c >= '0' && c <= '9') {
        w->flags |= TF_HAS_DIGIT;
    } else if (c == '-') {
        w->flags |= TF_HYPHEN;
    }
    w->h = (w->h ^ c) * 1099511628211ull;
}

/* The token's case flags and, when `hash` is set, its hash, with the lookup
 * owed (TF_LOOKUP). */
static NG_ALWAYS_INLINE void ascii_word_end(const ascii_word *w, token *t, int hash)
{
    uint32_t flags = w->flags | (w->first == 1 ? TF_CAP : w->first == 2 ? TF_LOWER : 0);
    if (w->upper >= 2 && w->lower == 0)
        flags |= TF_ALLCAPS;
    t->flags |= flags;
    if (hash) {
        t->hash = (uint32_t)w->h | 1u; /* lex_hash32() */
        t->feats = 0;
        t->aux = 0;
        t->flags |= TF_LOOKUP | TF_KEY_IN_PLACE;
    }
}

/* A word of plain ASCII, the common case, in one pass: its case flags and,
 * when `hash` is set, the hash of its lower-cased form, with the lookup owed
 * (TF_LOOKUP). Returns 0, having done nothing, for any other word. */
static NG_ALWAYS_INLINE int scan_ascii_word(const ng_doc *doc, token *t, int hash)
{
    const unsigned char *s = (const unsigned char *)doc->text;
    size_t n = t->end - t->start;
    if (n == 0 || n > 100)
        return 0;
    ascii_word w;
    ascii_word_begin(&w);
    for (uint32_t i = t->start; i < t->end; i++) {
        if (s[i] >= 0x80)
            return 0;
        ascii_word_byte(&w, s[i]);
    }
    ascii_word_end(&w, t, hash);
    return 1;
}

/* A word with characters beyond ASCII, in one pass over its code points:
 * its case flags and, when `hash` is set, the hash of its lexicon key with
 * the lookup owed (TF_LOOKUP). The key is utf8_lower()'s, byte for byte:
 * its bytes are hashed as they are made, not stored (finish_lookups makes
 * them again for the few words that cannot be compared in place). */
static void scan_unicode_word(const ng_doc *doc, token *t, int hash)
{
    const unsigned char *s = (const unsigned char *)doc->text;
    int upper = 0, lower = 0, first = 0;
    size_t n = t->end - t->start;
    int keyed = hash && n > 0 && n <= 100; /* word_key()'s limits */
    int in_place = 1;
    size_t k = 0; /* key bytes made */
    uint64_t h = 1469598103934665603ull;
    for (uint32_t i = t->start; i < t->end;) {
        int len = 1;
        int32_t cp = s[i];
        if (cp >= 'a' && cp <= 'z') {
            lower++;
            if (!first)
                first = 2;
            if (keyed) {
                if (k >= 128)
                    keyed = 0;
                k++;
                h = (h ^ (unsigned)cp) * 1099511628211ull;
            }
            i++;
            continue;
        }
        if (cp >= 0x80)
            cp = utf8_decode(s + i, t->end - i, &len);
        unsigned cls = uc_classes(cp);
        if (cls & UC_UPPER) {
            upper++;
            if (!first)
                first = 1;
        } else if (cls & UC_LOWER) {
            lower++;
            if (!first)
                first = 2;
        } else if (cls & UC_DIGIT) {
            t->flags |= TF_HAS_DIGIT;
        } else if (is_hyphen(cp)) {
            t->flags |= TF_HYPHEN;
        }
        if (keyed) {
            /* utf8_lower(), one code point */
            unsigned char out[4];
            int m;
            if (len == 1 && s[i] < 0x80) {
                if (k >= 128)
                    keyed = 0;
                out[0] = (unsigned char)((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
                m = 1;
            } else {
                if (k + 4 > 128)
                    keyed = 0;
                if (cp == 0x2019 || cp == 0x2018) {
                    out[0] = '\'';
                    m = 1;
                    in_place = 0;
                } else if (len > 1 && !(cls & UC_CASED)) {
                    utf8_copy_sequence((char *)out, (const char *)s + i, len);
                    m = len;
                } else {
                    m = utf8_encode(uc_tolower(cp), (char *)out);
                    in_place = 0;
                }
            }
            for (int q = 0; q < m; q++)
                h = (h ^ out[q]) * 1099511628211ull;
            k += (size_t)m;
        }
        i += (uint32_t)len;
    }
    if (first == 1)
        t->flags |= TF_CAP;
    else if (first == 2)
        t->flags |= TF_LOWER;
    if (upper >= 2 && lower == 0)
        t->flags |= TF_ALLCAPS;
    if (hash) {
        t->hash = keyed ? (uint32_t)h | 1u : 0; /* lex_hash32() */
        t->feats = 0;
        t->aux = 0;
        if (keyed)
            t->flags |= TF_LOOKUP | (in_place ? TF_KEY_IN_PLACE : 0);
    }
}

static void look_up(ng_doc *doc, token *t)
{
    uint32_t e = lookup_word(&doc->engine->lex, doc->text + t->start, word_len(t), &t->hash);
    t->feats = 0;
    t->aux = 0;
    if (e) {
        const lex_entry *le = lexicon_entry(&doc->engine->lex, e);
        t->feats = le->feats;
        t->aux = le->aux;
    }
}

/* Most lookups wait until the text is tokenized: then the table slot of the
 * word a few tokens ahead can be fetched while this one is compared, and the
 * memory latency of a 10 MB table is hidden. Here the word is only hashed;
 * TF_LOOKUP says the lookup is owed. */
static void hash_word(ng_doc *doc, token *t)
{
    char key[128];
    uint32_t h32 = 0;
    int in_place;
    size_t k = word_key(doc->text + t->start, word_len(t), key, &h32, &in_place);
    t->hash = k ? h32 : 0;
    t->feats = 0;
    t->aux = 0;
    if (k)
        t->flags |= TF_LOOKUP | (in_place ? TF_KEY_IN_PLACE : 0);
}

enum { PREFETCH_DISTANCE = 16 };

static void finish_lookups(ng_doc *doc)
{
    const lexicon *lex = &doc->engine->lex;
    token *tv = doc->toks.v;
    size_t n = doc->toks.n;
    size_t ahead = 0;
    for (size_t i = 0; i < n; i++) {
        for (; ahead < n && ahead < i + PREFETCH_DISTANCE; ahead++)
            if (tv[ahead].flags & TF_LOOKUP)
                lexicon_prefetch(lex, tv[ahead].hash);
        token *t = &tv[i];
        if (!(t->flags & TF_LOOKUP))
            continue;
        t->flags &= ~(uint32_t)TF_LOOKUP;
        const char *w = doc->text + t->start;
        size_t wn = word_len(t);
        uint32_t e;
        if (t->flags & TF_KEY_IN_PLACE) {
            /* the hash is the lower-cased word's: compare without ASCII
             * case, in place */
            e = lexicon_find_ascii_ci(lex, w, wn, t->hash);
        } else {
            /* lower-cased again: cheaper than waiting for memory */
            char key[128];
            uint32_t h32;
            size_t k = word_key(w, wn, key, &h32, NULL);
            e = k ? lexicon_find_hashed(lex, key, k, h32) : 0;
        }
        if (e) {
            const lex_entry *le = lexicon_entry(lex, e);
            t->feats = le->feats;
            t->aux = le->aux;
        }
    }
}

/* The ASCII marks that make TK_PUNCT tokens: . , ; : ! ? and brackets. */
static const unsigned char ascii_punct[128] = {
    ['.'] = 1, [','] = 1, [';'] = 1, [':'] = 1, ['!'] = 1, ['?'] = 1,
    ['('] = 1, [')'] = 1, ['['] = 1, [']'] = 1, ['{'] = 1, ['}'] = 1,
};

/* The bytes after a run of ASCII letters and digits that may make it more
 * than a plain word: an apostrophe, hyphen, period, comma, colon or
 * ampersand (see scan_word), or any byte of 0x80 and over. */
static const unsigned char may_continue_word[256] = {
    ['\''] = 1, ['-'] = 1, ['.'] = 1, [','] = 1, [':'] = 1, ['&'] = 1,
#define ROW16(b) [b] = 1, [b + 1] = 1, [b + 2] = 1, [b + 3] = 1, [b + 4] = 1, [b + 5] = 1, [b + 6] = 1, [b + 7] = 1, \
                 [b + 8] = 1, [b + 9] = 1, [b + 10] = 1, [b + 11] = 1, [b + 12] = 1, [b + 13] = 1, [b + 14] = 1, [b + 15] = 1
    ROW16(0x80), ROW16(0x90), ROW16(0xA0), ROW16(0xB0), ROW16(0xC0), ROW16(0xD0), ROW16(0xE0), ROW16(0xF0),
#undef ROW16
};

/* ASCII letters and digits; every byte of 0x80 and over is 0 here (so a
 * lookup needs no range test). */
static const unsigned char ascii_alnum[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1,
    ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1,
    ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1,
    ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
    ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
};

/* Scans a word or number starting at i; returns its end. `dots` is set when it
 * has inner periods ("U.S", "a.m"). */
static size_t scan_word(const scanner *sc, size_t i, int *dots)
{
    size_t j = i, seg = 0; /* letters since the last period */
    int number = sc->s[i] < 0x80 ? (sc->s[i] >= '0' && sc->s[i] <= '9') : uc_is_digit(cp_at(sc, i, &(int){0}));
    *dots = 0;
    for (;;) {
        /* ASCII letters and digits, the bulk of any text, without decoding. */
        while (j < sc->n && ascii_alnum[sc->s[j]]) {
            j++;
            seg++;
        }
        /* An ASCII character that cannot continue a word ends it at once. */
        if (j >= sc->n)
            break;
        unsigned char b = sc->s[j];
        if (b < 0x80 && b != '\'' && b != '-' && b != '.' && b != ',' && b != ':' && b != '&')
            break;
        int n, n2;
        int32_t cp = cp_at(sc, j, &n);
        if (cp < 0)
            break;
        if (cp >= 0x80 && (uc_classes(cp) & (UC_LETTER | UC_DIGIT | UC_MARK))) {
            j += (size_t)n;
            seg++;
            continue;
        }
        int32_t next = cp_at(sc, j + (size_t)n, &n2);
        if (j > i && (is_apostrophe(cp) || is_hyphen(cp)) && is_alnum_cp(next)) {
            j += (size_t)n;
            continue;
        }
        if (cp == '.' && j > i && next >= 0 && uc_is_letter(next) && seg <= 2 && !number) {
            /* "U.S", "a.m", "Ph.D": a period between short letter runs. */
            int n3;
            int32_t after = cp_at(sc, j + (size_t)n + (size_t)n2, &n3);
            if (after < 0 || !uc_is_letter(after)) {
                j += (size_t)n;
                seg = 0;
                *dots = 1;
                continue;
            }
            /* "W.Va.", "R-W.Va.": a capital's period, then a short
             * capitalized run with its own period */
            if (next >= 'A' && next <= 'Z' && after >= 'a' && after <= 'z') {
                size_t r = j + (size_t)n + (size_t)n2;
                while (r < sc->n && sc->s[r] >= 'a' && sc->s[r] <= 'z' && r - j < 5)
                    r++;
                if (r < sc->n && sc->s[r] == '.' && r - (j + (size_t)n) <= 3) {
                    j += (size_t)n;
                    seg = 0;
                    *dots = 1;
                    continue;
                }
            }
        }
        /* Tickers: "HLVS.O", "ANDR.TO" (a period between capitals) */
        if (cp == '.' && j > i && !number && next >= 'A' && next <= 'Z' && sc->s[j - 1] >= 'A' && sc->s[j - 1] <= 'Z' &&
            (j - i) >= 2 && sc->s[i + 1] >= 'A' && sc->s[i + 1] <= 'Z') {
            j += (size_t)n;
            seg = 0;
            continue;
        }
        if (number && (cp == ',' || cp == '.' || cp == ':') && next >= 0 && uc_is_digit(next)) {
            j += (size_t)n;
            continue;
        }
        if (cp == '&' && j > i && next >= 'A' && next <= 'Z') {
            j += (size_t)n; /* AT&T, S&P */
            continue;
        }
        break;
    }
    return j;
}

/* The clitics split off a word: 's 'd 'll 're 've 'm. */
static size_t clitic_start(const char *s, size_t b, size_t e)
{
    for (size_t k = e; k > b + 1; k--) {
        size_t a; /* position of the apostrophe */
        if (s[k - 1] == '\'')
            a = k - 1;
        else if (k >= b + 3 && (unsigned char)s[k - 3] == 0xE2 && (unsigned char)s[k - 2] == 0x80 &&
                 (unsigned char)s[k - 1] == 0x99)
            a = k - 3;
        else
            continue;
        size_t after = k, m = e - after;
        if (a == b)
            return 0;
        char suf[3] = {0};
        if (m == 0 || m > 2)
            return 0;
        for (size_t q = 0; q < m; q++)
            suf[q] = (char)(s[after + q] | 32);
        if (!strcmp(suf, "s") || !strcmp(suf, "d") || !strcmp(suf, "ll") || !strcmp(suf, "re") ||
            !strcmp(suf, "ve") || !strcmp(suf, "m"))
            return a;
        return 0;
    }
    return 0;
}

/* A word before a period needs its features at once, to tell an
 * abbreviation ("Sen."), an initial or "U.S" (`dots`) from a sentence's end:
 * the period is part of those. */
static void take_period(ng_doc *doc, token *t, int dots)
{
    const char *s = doc->text;
    size_t b = t->start, stem_end = t->end;
    look_up(doc, t);
    int initial = stem_end - b == 1 && (t->flags & TF_CAP);
    /* "D-Ore.", "R-Calif.": a party and a state abbreviation. */
    int hyphen_abbrev = 0;
    for (size_t h = stem_end; h > b + 1; h--) {
        if (s[h - 1] == '-') {
            uint32_t e2 = lookup_word(&doc->engine->lex, s + h, stem_end - h, NULL);
            hyphen_abbrev = e2 && (lexicon_entry(&doc->engine->lex, e2)->feats & F_ABBREV);
            break;
        }
    }
    if (dots || initial || hyphen_abbrev || (t->feats & F_ABBREV)) {
        t->end++;
        t->flags |= TF_ABBREV_DOT | (initial ? TF_INITIAL : 0);
        if (dots || initial) /* look up with the period: "u.s" */
            look_up(doc, t);
    }
}

/* Adds the word s[b..e) (and its clitic); returns where the next token
 * starts, past an abbreviation's period when the word took it. */
static size_t add_word(ng_doc *doc, size_t b, size_t e, int dots, uint32_t flags)
{
    const char *s = doc->text;
    /* Only a word with an apostrophe can have a clitic. */
    size_t c = 0;
    for (size_t k = b; k < e; k++)
        if (s[k] == '\'' || (unsigned char)s[k] == 0xE2) {
            c = clitic_start(s, b, e);
            break;
        }
    size_t stem_end = c ? c : e;
    unsigned char c0 = (unsigned char)s[b];
    int number = c0 < 0x80 ? (c0 >= '0' && c0 <= '9')
                           : uc_is_digit(utf8_decode((const unsigned char *)s + b, doc->len - b, &(int){0}));
    token *t = push_token(doc, (uint32_t)b, (uint32_t)stem_end, number ? TK_NUMBER : TK_WORD, flags);
    /* A word before a period needs its features now, to tell an abbreviation
     * ("Sen.") from a sentence end; the others are looked up later. */
    int period = !c && stem_end < doc->len && s[stem_end] == '.' && !number;
    if (!scan_ascii_word(doc, t, !period))
        scan_unicode_word(doc, t, !period);
    if (period)
        take_period(doc, t, dots);
    if (c) {
        token *k = push_token(doc, (uint32_t)c, (uint32_t)e, TK_WORD, TF_CLITIC | TF_LOWER);
        hash_word(doc, k);
        return e;
    }
    return doc->toks.v[doc->toks.n - 1].end;
}

/* Where the tokenizer is among the paragraphs: the current one, where it
 * ends, and the paragraph of the last token made. */
typedef struct para_cursor {
    uint32_t para, end, last;
} para_cursor;

static void para_cursor_init(const ng_doc *doc, para_cursor *pc)
{
    pc->para = 0;
    pc->end = doc->paras.n ? doc->paras.v[0].end : UINT32_MAX;
    pc->last = UINT32_MAX; /* no token yet */
}

/* Paragraph membership of the tokens made since `before`: paragraphs are
 * sorted and cover all text. The first token of a paragraph is marked. */
static NG_ALWAYS_INLINE void assign_paragraphs(ng_doc *doc, size_t before, para_cursor *pc)
{
    for (size_t k = before; k < doc->toks.n; k++) {
        token *t = &doc->toks.v[k];
        while (t->start >= pc->end && pc->para + 1 < doc->paras.n)
            pc->end = doc->paras.v[++pc->para].end;
        if (k == before && pc->para != pc->last)
            t->flags |= TF_PARA_START;
        t->para = pc->last = pc->para;
    }
}

void tokenize(ng_doc *doc)
{
    scanner sc = {(const unsigned char *)doc->text, doc->len};
    const char *s = doc->text;
    size_t i = 0;
    para_cursor para;
    para_cursor_init(doc, &para);
    uint32_t pending = 0; /* flags from the space before the next token */
    VEC_RESERVE(&doc->toks, doc->len / 5 + 16);
    while (i < doc->len) {
        unsigned char b0 = (unsigned char)s[i];
        if (b0 == ' ' || b0 == '\n' || b0 == '\t') { /* the common case, without decoding */
            pending |= TF_SPACE_BEFORE | (b0 == '\n' ? TF_NL_BEFORE : 0);
            i++;
            continue;
        }
        size_t before = doc->toks.n;
        /* Most words are a run of ASCII letters and digits ended by a space
         * or plain punctuation: one loop makes their token, case flags and
         * hash. Anything that might continue the word or make it special (an
         * apostrophe, hyphen, period, comma, colon, ampersand or non-ASCII
         * character after it) goes the general way below. */
        if (ascii_alnum[b0]) {
            ascii_word w;
            ascii_word_begin(&w);
            size_t j = i;
            for (; j < doc->len && ascii_alnum[(unsigned char)s[j]]; j++)
                ascii_word_byte(&w, (unsigned char)s[j]);
            unsigned char after = j < doc->len ? (unsigned char)s[j] : ' ';
            /* A comma or colon continues only a number ("1,000", "10:30"):
             * after a word of letters it is plain punctuation. So is a
             * period that no letter follows ("said." but not "U.S"), once
             * the word is known to be no abbreviation. */
            int letters = b0 > '9';
            int period = letters && after == '.' && j - i <= 100 &&
                         (j + 1 >= doc->len || (!ascii_alnum[(unsigned char)s[j + 1]] && (unsigned char)s[j + 1] < 0x80));
            if (period) {
                token *t = push_token(doc, (uint32_t)i, (uint32_t)j, TK_WORD, pending);
                ascii_word_end(&w, t, 0);
                take_period(doc, t, 0);
                assign_paragraphs(doc, before, &para);
                i = t->end;
                pending = 0;
                continue;
            }
            if (j - i <= 100 && (!may_continue_word[after] || ((after == ',' || after == ':') && letters))) {
                token *t = push_token(doc, (uint32_t)i, (uint32_t)j, b0 <= '9' ? TK_NUMBER : TK_WORD, pending);
                ascii_word_end(&w, t, 1);
                assign_paragraphs(doc, before, &para);
                i = j;
                pending = 0;
                continue;
            }
        }
        /* An ASCII letter or digit starts a word: straight to the scanner. */
        if (ascii_alnum[b0]) {
            int dots;
            size_t e = scan_word(&sc, i, &dots);
            i = add_word(doc, i, e, dots, pending);
            assign_paragraphs(doc, before, &para);
            pending = 0;
            continue;
        }
        int n;
        int32_t cp = cp_at(&sc, i, &n);
        if (cp >= 0x80 ? uc_is_space(cp) : (cp == '\r' || cp == '\f' || cp == '\v')) {
            pending |= TF_SPACE_BEFORE | (cp == '\n' ? TF_NL_BEFORE : 0);
            i += (size_t)n;
            continue;
        }
        int n2;
        int32_t next = cp_at(&sc, i + (size_t)n, &n2);
        int qm = quote_mark(cp);
        if (uc_classes(cp) & (UC_LETTER | UC_DIGIT | UC_MARK)) {
            int dots;
            size_t e = scan_word(&sc, i, &dots);
            i = add_word(doc, i, e, dots, pending);
        } else if (qm && is_apostrophe(cp) && next >= 0 && uc_is_digit(next) &&
                   (i == 0 || uc_is_space((unsigned char)s[i - 1]))) {
            int dots; /* '90s */
            size_t e = scan_word(&sc, i + (size_t)n, &dots);
            token *t = push_token(doc, (uint32_t)i, (uint32_t)e, TK_NUMBER, pending | TF_HAS_DIGIT);
            (void)t;
            i = e;
        } else if (qm) {
            token *t = push_token(doc, (uint32_t)i, (uint32_t)(i + (size_t)n), TK_QUOTE, pending);
            t->qmark = (uint8_t)qm;
            i += (size_t)n;
        } else if (cp == 0x2014 || cp == 0x2013 || cp == 0x2015 ||
                   (cp == '-' && next == '-') ||
                   (cp == '-' && (pending & TF_SPACE_BEFORE) && (next < 0 || uc_is_space(next)))) {
            size_t e = i + (size_t)n;
            while (e < doc->len && s[e] == '-')
                e++;
            push_token(doc, (uint32_t)i, (uint32_t)e, TK_DASH, pending);
            i = e;
        } else if (cp == '.' && next == '.') {
            size_t e = i;
            while (e < doc->len && s[e] == '.')
                e++;
            push_token(doc, (uint32_t)i, (uint32_t)e, TK_PUNCT, pending);
            i = e;
        } else {
            int punct = 0;
            if (cp > 0 && cp < 0x80)
                punct = ascii_punct[cp];
            if (cp == 0x2026) /* … */
                punct = 1;
            push_token(doc, (uint32_t)i, (uint32_t)(i + (size_t)n), punct ? TK_PUNCT : TK_SYMBOL, pending);
            i += (size_t)n;
        }
        assign_paragraphs(doc, before, &para);
        pending = 0;
    }
    finish_lookups(doc);
}

/* ---- quote spans ----------------------------------------------------------------------- */

static int is_space_or_edge(const ng_doc *doc, size_t pos, int before)
{
    if (before) {
        if (pos == 0)
            return 1;
        unsigned char c = (unsigned char)doc->text[pos - 1];
        return c == ' ' || c == '\n' || c == '\t' || c == '(' || c == '[' || c == '{' || c == '/' ||
               (c >= 0x80 && c != 0xBB /* not the end of "…" */);
    }
    if (pos >= doc->len)
        return 1;
    unsigned char c = (unsigned char)doc->text[pos];
    return c == ' ' || c == '\n' || c == '\t' || strchr(".,;:!?)]}-", c) != NULL || c >= 0x80;
}

enum { ROLE_OPEN = 1, ROLE_CLOSE = 2 };

/* Which way a quote mark faces. Curly marks say it themselves, but not always
 * truthfully ("”Hello”" in careless copy), so the space around a mark decides
 * when the shape and the state disagree. */
static int mark_role(const ng_doc *doc, const token *t, int open)
{
    int space_before = is_space_or_edge(doc, t->start, 1);
    int space_after = is_space_or_edge(doc, t->end, 0);
    int qm = t->qmark;
    if (qm == QM_DOUBLE_OPEN || qm == QM_SINGLE_OPEN) {
        if (open && !space_before && space_after)
            return ROLE_CLOSE;
        return ROLE_OPEN;
    }
    if (qm == QM_DOUBLE_CLOSE || qm == QM_SINGLE_CLOSE) {
        if (!open && space_before && !space_after)
            return ROLE_OPEN;
        return ROLE_CLOSE;
    }
    if (space_before && !space_after)
        return ROLE_OPEN;
    if (!space_before && space_after)
        return ROLE_CLOSE;
    return open ? ROLE_CLOSE : ROLE_OPEN;
}

static int is_double(const token *t)
{
    return t->qmark == QM_DOUBLE || t->qmark == QM_DOUBLE_OPEN || t->qmark == QM_DOUBLE_CLOSE;
}

static void add_span(ng_doc *doc, uint32_t open, uint32_t close, uint32_t end_tok, int single, int open_ended,
                     int32_t prev)
{
    token *o = &doc->toks.v[open];
    if (open + 1 >= end_tok)
        return; /* nothing between the marks */
    int32_t idx = (int32_t)doc->qspans.n;
    qspan *q = VEC_PUSH(&doc->qspans);
    q->open_tok = open;
    q->close_tok = close;
    q->first_tok = open + 1;
    q->end_tok = end_tok;
    q->start = o->end;
    q->end = open_ended ? doc->toks.v[end_tok - 1].end : doc->toks.v[close].start;
    q->para = o->para;
    q->prev_piece = prev;
    q->single = (uint8_t)single;
    q->open_ended = (uint8_t)open_ended;
    o->flags |= TF_QUOTE_OPEN;
    if (!open_ended)
        doc->toks.v[close].flags |= TF_QUOTE_CLOSE;
    for (uint32_t k = open + 1; k < end_tok; k++) {
        doc->toks.v[k].flags |= TF_IN_QUOTE;
        doc->toks.v[k].quote = idx;
    }
}

void find_quote_spans(ng_doc *doc)
{
    token *tv = doc->toks.v;
    size_t n = doc->toks.n;
    for (size_t p0 = 0; p0 < n;) {
        size_t p1 = p0 + 1;
        while (p1 < n && tv[p1].para == tv[p0].para)
            p1++;
        int64_t open = -1, sopen = -1;
        for (size_t i = p0; i < p1; i++) {
            token *t = &tv[i];
            if (t->kind != TK_QUOTE)
                continue;
            if (is_double(t)) {
                int role = mark_role(doc, t, open >= 0);
                if (role == ROLE_OPEN) {
                    open = (int64_t)i; /* an earlier unmatched opener is dropped */
                    sopen = -1;
                } else if (open >= 0) {
                    add_span(doc, (uint32_t)open, (uint32_t)i, (uint32_t)i, 0, 0, -1);
                    open = -1;
                }
            } else if (open < 0) {
                int role = mark_role(doc, t, sopen >= 0);
                /* A right single quote after a letter is an apostrophe unless a
                 * single quote is open ("the players' union"). */
                if (role == ROLE_OPEN && t->qmark != QM_SINGLE_CLOSE)
                    sopen = (int64_t)i;
                else if (role == ROLE_CLOSE && sopen >= 0) {
                    add_span(doc, (uint32_t)sopen, (uint32_t)i, (uint32_t)i, 1, 0, -1);
                    sopen = -1;
                }
            }
        }
        /* No closing mark: a quote that runs on into the next paragraph, if that
         * paragraph opens with a quote mark; else a stray mark, dropped. */
        if (open >= 0 && p1 < n && tv[p1].kind == TK_QUOTE && is_double(&tv[p1]) &&
            mark_role(doc, &tv[p1], 0) == ROLE_OPEN)
            add_span(doc, (uint32_t)open, (uint32_t)(p1 - 1), (uint32_t)p1, 0, 1, -1);
        p0 = p1;
    }
    /* A span that opens a paragraph right after an open-ended span of the
     * paragraph before is the next piece of the same quote. */
    for (size_t k = 1; k < doc->qspans.n; k++) {
        qspan *q = &doc->qspans.v[k], *p = &doc->qspans.v[k - 1];
        if (p->open_ended && q->para == p->para + 1 && (tv[q->open_tok].flags & TF_PARA_START))
            q->prev_piece = (int32_t)(k - 1);
    }
}

/* ---- datelines -------------------------------------------------------------------- */

/* "WASHINGTON —", "ROTTERDAM, March 3 -", "LONDON, Oct 5 (Reuters) -": capitals
 * at the start of an early paragraph, up to a dash. */
static void mark_datelines(ng_doc *doc)
{
    token *tv = doc->toks.v;
    size_t n = doc->toks.n;
    int seen_body = 0;
    for (size_t i = 0; i < n && seen_body < 3; i++) {
        if (!(tv[i].flags & TF_PARA_START))
            continue;
        if (doc->paras.v[tv[i].para].kind != PARA_BODY)
            continue;
        seen_body++;
        size_t j = i;
        while (j < n && j < i + 5 && tv[j].para == tv[i].para &&
               ((tv[j].flags & TF_ALLCAPS) || (tv[j].kind == TK_WORD && (tv[j].flags & TF_ABBREV_DOT) &&
                                                (tv[j].flags & TF_CAP))))
            j++;
        /* "March 16 (Reuters) -", "(AP) —", and with a city in ordinary
         * capitals: "Kathmandu, July 19, 2025 (AFP) –" */
        if (j == i) {
            size_t k = i;
            if ((tv[k].flags & TF_CAP) && tok_is(&tv[k], F_PLACE) && k + 1 < n && tok_is_punct(doc, &tv[k + 1], ','))
                k += 2;
            if (k < n && tok_is(&tv[k], F_MONTH) && k + 1 < n && tv[k + 1].kind == TK_NUMBER)
                k += 2;
            if (k + 1 < n && tok_is_punct(doc, &tv[k], ',') && tv[k + 1].kind == TK_NUMBER)
                k += 2;
            if (k + 3 < n && tok_is_punct(doc, &tv[k], '(') && tok_is(&tv[k + 1], F_KNOWN_ORG) &&
                tok_is_punct(doc, &tv[k + 2], ')') && tv[k + 3].kind == TK_DASH) {
                for (size_t m = i; m <= k + 3; m++)
                    tv[m].flags |= TF_DATELINE;
            }
            continue;
        }
        if (!(tv[i].flags & TF_ALLCAPS))
            continue;
        size_t k = j;
        if (k < n && tok_is_punct(doc, &tv[k], ',')) {
            /* ", March 3", ", Calif.", ", Oct 5" */
            size_t m = k + 1;
            while (m < n && m < k + 7 && tv[m].kind != TK_DASH && tv[m].para == tv[i].para &&
                   (tv[m].kind == TK_NUMBER || (tv[m].flags & TF_CAP) || tok_is_punct(doc, &tv[m], ',') ||
                    tok_is_punct(doc, &tv[m], '.')))
                m++;
            k = m;
        }
        if (k + 2 < n && tok_is_punct(doc, &tv[k], '(') && tok_is_punct(doc, &tv[k + 2], ')'))
            k += 3;
        if (k < n && tv[k].kind == TK_DASH && tv[k].para == tv[i].para && k + 1 < n &&
            tv[k + 1].para == tv[i].para) {
            for (size_t m = i; m <= k; m++)
                tv[m].flags |= TF_DATELINE;
        }
    }
}

/* ---- sentences ---------------------------------------------------------------------- */

static int is_terminal_tok(const ng_doc *doc, const token *t)
{
    if (t->kind != TK_PUNCT)
        return 0;
    char c = doc->text[t->start];
    if (c == '.' && t->end - t->start >= 3)
        return 0; /* an ellipsis seldom ends a news sentence */
    return c == '.' || c == '!' || c == '?';
}

/* Can this token begin a sentence after a terminal? */
static int can_start_sentence(const token *t)
{
    if (t->kind == TK_NUMBER || t->kind == TK_DASH)
        return 1;
    if (t->kind == TK_QUOTE)
        return (t->flags & TF_QUOTE_OPEN) != 0;
    if (t->kind == TK_PUNCT)
        return 0;
    return (t->flags & TF_CAP) != 0;
}

/* After "Inc." or "U.S.", a capitalized function word or common word begins a
 * new sentence; a name does not ("U.S. Sen. Smith"). */
static int starts_like_sentence(const token *t)
{
    if (!(t->flags & TF_CAP))
        return 0;
    if (t->feats & (F_PRONOUN | F_DET | F_CONJ | F_PREP | F_SUBORD | F_ADVERB | F_STOP | F_RELATIVE))
        return 1;
    return (t->feats & F_COMMON) && !(t->feats & (F_DICT_PROPER | F_PERSONAL_NAME | F_PLACE | F_MONTH |
                                                   F_WEEKDAY | F_TITLE));
}

/* After a quote that ends in "?" or "!": does an attribution follow ('"...
 * right?" Sanborn said.', '"...!" the coach told reporters')? A name or a
 * short noun phrase, then a speech verb. */
static int attribution_follows(const ng_doc *doc, size_t i)
{
    const token *tv = doc->toks.v;
    size_t k = i;
    while (k < doc->toks.n && k < i + 6 && tv[k].kind == TK_WORD && tv[k].para == tv[i].para &&
           !(tv[k].feats & F_CUE && (tv[k].flags & TF_LOWER)) &&
           ((tv[k].flags & TF_CAP) || (tv[k].feats & (F_DET | F_ROLE | F_GENERIC | F_TITLE | F_ORG_ANAPHOR))))
        k++;
    if (k == i || k >= doc->toks.n || tv[k].para != tv[i].para)
        return 0;
    while (k < doc->toks.n && k < i + 8 && (tv[k].flags & TF_LOWER) && (tv[k].feats & F_ADVERB) &&
           !(tv[k].feats & F_CUE))
        k++;
    return k < doc->toks.n && tv[k].kind == TK_WORD && (tv[k].flags & TF_LOWER) && (tv[k].feats & F_CUE) &&
           !(tv[k].feats & (F_CUE_ING | F_CUE_BASE));
}

void split_sentences(ng_doc *doc)
{
    mark_datelines(doc);
    token *tv = doc->toks.v;
    size_t n = doc->toks.n;
    if (!n)
        return;
    sentence *cur = VEC_PUSH(&doc->sents);
    cur->first_tok = 0;
    cur->para = tv[0].para;
    for (size_t i = 0; i < n; i++) {
        int boundary = 0;
        if (i > 0 && tv[i].para != tv[i - 1].para) {
            boundary = 1;
        } else if (i > 0) {
            const token *p = &tv[i - 1];
            const token *t = &tv[i];
            if (p->flags & TF_QUOTE_CLOSE) {
                /* '... lightly." Nobody' ends a sentence; '... time," she' does
                 * not, nor does '... right?" Sanborn said.' */
                const token *last = i >= 2 ? &tv[i - 2] : NULL;
                if (last && (last->flags & TF_IN_QUOTE) && is_terminal_tok(doc, last) && can_start_sentence(t) &&
                    !(doc->text[last->start] != '.' && attribution_follows(doc, i)))
                    boundary = 1;
            } else if (!(p->flags & TF_IN_QUOTE) && p->kind == TK_PUNCT) {
                /* A terminal, then closing brackets, then a sentence start. */
                size_t k = i - 1;
                while (k > 0 && tok_is_punct(doc, &tv[k], ')') && !(tv[k - 1].flags & TF_IN_QUOTE))
                    k--;
                if (is_terminal_tok(doc, &tv[k]) && !(tv[k].flags & TF_IN_QUOTE) && can_start_sentence(t))
                    boundary = 1;
            } else if (!(p->flags & TF_IN_QUOTE) && (p->flags & TF_ABBREV_DOT)) {
                /* "Silvia S. Martins": the middle initial of a first name
                 * goes on with the surname, even one the dictionary knows
                 * as a common word; only a function word starts anew. */
                int middle_initial = (p->flags & TF_INITIAL) && i >= 2 && tv[i - 2].kind == TK_WORD &&
                                     (tv[i - 2].flags & TF_CAP) &&
                                     ((tv[i - 2].feats & (F_FIRST_MALE | F_FIRST_FEMALE)) ||
                                      (tv[i - 2].flags & TF_INITIAL)) &&
                                     !(t->feats & (F_PRONOUN | F_DET | F_CONJ | F_PREP | F_SUBORD | F_STOP |
                                                   F_RELATIVE | F_ADVERB));
                /* "the U.S. Attorney's Office", "the U.S. Army": after a
                 * determiner the abbreviation modifies an organization */
                int modifier = i >= 2 && (tv[i - 2].feats & F_DET) && (tv[i - 2].flags & TF_LOWER) &&
                               (t->feats & (F_ORG_WORD | F_TITLE | F_ROLE)) && (t->flags & TF_CAP);
                if (!(p->aux & (AUX_ABBR_TITLE | AUX_ABBR_MONTH)) && !(p->feats & F_TITLE) && !middle_initial &&
                    !modifier && starts_like_sentence(t))
                    boundary = 1;
            }
        }
        if (boundary && i > cur->first_tok) {
            cur->end_tok = (uint32_t)i;
            cur = VEC_PUSH(&doc->sents);
            cur->first_tok = (uint32_t)i;
            cur->para = tv[i].para;
        }
        tv[i].sent = (uint32_t)(doc->sents.n - 1);
    }
    cur->end_tok = (uint32_t)n;
    for (size_t s = 0; s < doc->sents.n; s++)
        tv[doc->sents.v[s].first_tok].flags |= TF_SENT_START;
}
