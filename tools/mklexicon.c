/*
 * mklexicon: compile nutgraf's word lists into the hash-table blob that the
 * library embeds (format in src/lexicon.h).
 *
 *   mklexicon OUT.bin [--dict FILE] [--list ATTRS=FILE]... DATAFILE...
 *
 * DATAFILE: the project's own lists under data/. One entry per line:
 *     entry words | attr attr ...
 * "# ..." is a comment; "@default attrs" applies attrs to the following lines;
 * "@verb base 3sg past ing [pastpart] | attrs" adds the forms of a verb, each
 * with its form attribute (base, present, past, ing).
 * --list ATTRS=FILE: a plain list of entries (one per line), each with ATTRS
 *     (comma-separated), as exported from npm packages.
 * --dict FILE: a dictionary (wamerican): lower-case words become "common",
 *     capitalized ones "dictproper".
 *
 * The build fails on an unknown attribute, so a typo in a data file cannot
 * silently drop a feature.
 */
#include "../src/lexicon.h"
#include "../src/utf8.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *current_file;
static int current_line;

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (current_file)
        fprintf(stderr, "mklexicon: %s:%d: ", current_file, current_line);
    else
        fprintf(stderr, "mklexicon: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p)
        die("out of memory");
    return p;
}

/* ---- attributes ------------------------------------------------------- */

typedef struct attr_name {
    const char *name;
    uint64_t feats;
    uint32_t aux;
} attr_name;

static const attr_name attr_names[] = {
    {"common", F_COMMON, 0},
    {"dictproper", F_DICT_PROPER, 0},
    {"firstmale", F_FIRST_MALE | F_PERSONAL_NAME, 0},
    {"firstfemale", F_FIRST_FEMALE | F_PERSONAL_NAME, 0},
    {"personal", F_PERSONAL_NAME, 0},
    {"place", F_PLACE, 0},
    {"country", F_COUNTRY | F_PLACE, 0},
    {"demonym", F_DEMONYM, 0},
    {"title", F_TITLE, 0},
    {"role", F_ROLE, 0},
    {"generic", F_GENERIC, 0},
    {"orgword", F_ORG_WORD, 0},
    {"anaphor", F_ORG_ANAPHOR, 0},
    {"knownorg", F_KNOWN_ORG, 0},
    {"pronoun", F_PRONOUN, 0},
    {"cue", F_CUE, 0},
    {"clause", F_CUE_CLAUSE, 0},
    {"object", F_CUE_OBJECT, 0},
    {"ing", F_CUE_ING, 0},
    {"base", F_CUE_BASE, 0},
    {"det", F_DET, 0},
    {"prep", F_PREP, 0},
    {"conj", F_CONJ, 0},
    {"aux", F_AUX, 0},
    {"modal", F_MODAL, 0},
    {"adverb", F_ADVERB, 0},
    {"quant", F_QUANT, 0},
    {"particle", F_PARTICLE, 0},
    {"month", F_MONTH, 0},
    {"weekday", F_WEEKDAY, 0},
    {"abbrev", F_ABBREV, 0},
    {"pastverb", F_PAST_VERB, 0},
    {"time", F_TIME_WORD, 0},
    {"number", F_NUMBER_WORD, 0},
    {"media", F_MEDIA_NOUN, 0},
    {"doc", F_DOC_NOUN, 0},
    {"subord", F_SUBORD, 0},
    {"relative", F_RELATIVE, 0},
    {"neg", F_NEGATION, 0},
    {"kin", F_KINSHIP, 0},
    {"credit", F_CREDIT_WORD, 0},
    {"stop", F_STOP, 0},
    {"pluralnoun", F_PLURAL_NOUN, 0},
    {"notname", F_NOT_NAME, 0},
    {"locword", F_LOC_WORD, 0},
    {"eventword", F_EVENT_WORD, 0},
    {"presentverb", F_PRESENT_VERB, 0},
    {"male", 0, AUX_MALE},
    {"female", 0, AUX_FEMALE},
    {"neuter", 0, AUX_NEUTER},
    {"plural", 0, AUX_PLURAL},
    {"firstperson", 0, AUX_FIRST_PERSON},
    {"possessive", 0, AUX_POSSESSIVE},
    {"objcase", 0, AUX_OBJECT_CASE},
    {"reflexive", 0, AUX_REFLEXIVE},
    {"abbr-title", F_ABBREV, AUX_ABBR_TITLE},
    {"abbr-month", F_ABBREV, AUX_ABBR_MONTH},
    {"abbr-suffix", F_ABBREV, AUX_ABBR_SUFFIX},
    {"question", 0, AUX_CUE_QUESTION},
    {"past", 0, AUX_CUE_PAST},
    {"present", 0, AUX_CUE_PRESENT},
};

static const char *org_classes[ORG_CLASS_COUNT] = {
    "any", "company", "government", "police", "union", "education",
    "team", "party", "health", "court", "media", "nonprofit",
};

static void apply_attr(const char *a, size_t n, uint64_t *feats, uint32_t *aux)
{
    char name[64];
    if (n == 0)
        return;
    if (n >= sizeof name)
        die("attribute too long: %.*s", (int)n, a);
    memcpy(name, a, n);
    name[n] = 0;
    if (!strncmp(name, "org=", 4)) {
        for (int c = 0; c < ORG_CLASS_COUNT; c++) {
            if (!strcmp(name + 4, org_classes[c])) {
                *aux = (*aux & ~(uint32_t)AUX_ORG_CLASS_MASK) | ((uint32_t)c << AUX_ORG_CLASS_SHIFT);
                return;
            }
        }
        die("unknown organization class: %s", name + 4);
    }
    if (!strncmp(name, "value=", 6)) {
        long v = strtol(name + 6, NULL, 10);
        if (v < 0 || v > 255)
            die("value out of range: %s", name);
        *aux = (*aux & 0x00ffffffu) | ((uint32_t)v << AUX_VALUE_SHIFT);
        return;
    }
    for (size_t i = 0; i < sizeof attr_names / sizeof attr_names[0]; i++) {
        if (!strcmp(name, attr_names[i].name)) {
            *feats |= attr_names[i].feats;
            *aux |= attr_names[i].aux;
            return;
        }
    }
    die("unknown attribute: %s", name);
}

static void parse_attrs(const char *s, uint64_t *feats, uint32_t *aux)
{
    while (*s) {
        while (*s == ' ' || *s == '\t' || *s == ',')
            s++;
        const char *b = s;
        while (*s && *s != ' ' && *s != '\t' && *s != ',')
            s++;
        apply_attr(b, (size_t)(s - b), feats, aux);
    }
}

/* ---- the table being built ------------------------------------------- */

typedef struct item {
    char *key;
    size_t len;
    uint64_t feats;
    uint32_t aux;
} item;

static item *items;
static size_t n_items, cap_items;
static uint32_t *index_slots; /* open addressing over items while building */
static size_t index_cap;

static uint32_t *find_slot(const char *key, size_t len)
{
    size_t mask = index_cap - 1;
    size_t i = (size_t)lex_hash(key, len) & mask;
    for (;;) {
        uint32_t e = index_slots[i];
        if (!e || (items[e - 1].len == len && !memcmp(items[e - 1].key, key, len)))
            return &index_slots[i];
        i = (i + 1) & mask;
    }
}

static void grow_index(void)
{
    size_t old_cap = index_cap;
    uint32_t *old = index_slots;
    index_cap = index_cap ? index_cap * 2 : 1 << 16;
    index_slots = calloc(index_cap, sizeof *index_slots);
    if (!index_slots)
        die("out of memory");
    for (size_t i = 0; i < old_cap; i++)
        if (old[i])
            *find_slot(items[old[i] - 1].key, items[old[i] - 1].len) = old[i];
    free(old);
}

static void add_raw(const char *key, size_t len, uint64_t feats, uint32_t aux)
{
    if ((n_items + 1) * 2 > index_cap)
        grow_index();
    uint32_t *slot = find_slot(key, len);
    if (*slot) {
        item *it = &items[*slot - 1];
        it->feats |= feats;
        /* Small enumerations merge by OR, except the value, where the first wins
         * (a month's number must not be spoiled by a later homograph). */
        uint32_t value = it->aux >> AUX_VALUE_SHIFT;
        it->aux |= aux & 0x00ffffffu;
        if (!value)
            it->aux = (it->aux & 0x00ffffffu) | (aux & 0xff000000u);
        return;
    }
    if (n_items == cap_items) {
        cap_items = cap_items ? cap_items * 2 : 4096;
        items = xrealloc(items, cap_items * sizeof *items);
    }
    item *it = &items[n_items++];
    it->key = malloc(len + 1);
    if (!it->key)
        die("out of memory");
    memcpy(it->key, key, len);
    it->key[len] = 0;
    it->len = len;
    it->feats = feats;
    it->aux = aux;
    *slot = (uint32_t)n_items;
}

/* Adds an entry: lower-cased, runs of white space collapsed to one space, and
 * for a phrase every proper prefix marked F_PREFIX. */
static void add_entry(const char *text, uint64_t feats, uint32_t aux)
{
    char norm[512], lower[2048];
    size_t n = 0;
    int space = 0;
    for (const char *p = text; *p; p++) {
        if (*p == ' ' || *p == '\t') {
            space = n > 0;
            continue;
        }
        if (space) {
            if (n + 1 >= sizeof norm)
                die("entry too long: %s", text);
            norm[n++] = ' ';
            space = 0;
        }
        if (n + 1 >= sizeof norm)
            die("entry too long: %s", text);
        norm[n++] = *p;
    }
    if (!n)
        return;
    size_t len = utf8_lower(norm, n, lower, sizeof lower);
    if (!len)
        die("entry too long: %s", text);
    int words = 1;
    for (size_t i = 0; i < len; i++) {
        if (lower[i] == ' ') {
            add_raw(lower, i, F_PREFIX | ((feats & F_CUE) ? F_CUE_PREFIX : 0), 0);
            words++;
        }
    }
    add_raw(lower, len, feats | (words > 1 ? F_PHRASE : 0), aux);
}

/* ---- inputs ------------------------------------------------------------ */

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = 0;
    return s;
}

static FILE *open_input(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot read %s (run tools/setup.sh to fetch the lexicon data)", path);
    current_file = path;
    current_line = 0;
    return f;
}

static void read_data_file(const char *path)
{
    FILE *f = open_input(path);
    char line[2048];
    uint64_t def_feats = 0;
    uint32_t def_aux = 0;
    while (fgets(line, sizeof line, f)) {
        current_line++;
        char *s = trim(line);
        if (!*s || *s == '#')
            continue;
        char *bar = strchr(s, '|');
        if (bar)
            *bar = 0;
        uint64_t feats = def_feats;
        uint32_t aux = def_aux;
        if (!strncmp(s, "@default", 8)) {
            def_feats = 0;
            def_aux = 0;
            parse_attrs(s + 8, &def_feats, &def_aux);
            continue;
        }
        if (bar)
            parse_attrs(bar + 1, &feats, &aux);
        if (!strncmp(s, "@verb", 5)) {
            static const char *form_attr[] = {"base", "present", "past", "ing", ""};
            char *forms[5] = {0};
            int nf = 0;
            for (char *w = strtok(s + 5, " \t"); w && nf < 5; w = strtok(NULL, " \t"))
                forms[nf++] = w;
            if (nf < 4)
                die("@verb needs base, 3sg, past and -ing forms");
            for (int i = 0; i < nf; i++) {
                uint64_t ff = feats;
                uint32_t fa = aux;
                parse_attrs(form_attr[i], &ff, &fa);
                if (i == 4)
                    parse_attrs("past", &ff, &fa); /* the participle reads as past */
                add_entry(forms[i], ff, fa);
            }
            continue;
        }
        if (*s == '@')
            die("unknown directive: %s", s);
        add_entry(trim(s), feats, aux);
    }
    fclose(f);
    current_file = NULL;
}

/* Is the word known to the dictionary in lower case (or as a month)? */
static int is_common(const char *word)
{
    char lower[512];
    size_t n = utf8_lower(word, strlen(word), lower, sizeof lower);
    if (!n)
        return 0;
    uint32_t *slot = find_slot(lower, n);
    return *slot && (items[*slot - 1].feats & (F_COMMON | F_MONTH | F_WEEKDAY));
}

static void read_list(const char *spec)
{
    const char *eq = strchr(spec, '=');
    if (!eq)
        die("--list wants ATTRS=FILE, got %s", spec);
    char attrs[256];
    size_t n = (size_t)(eq - spec);
    if (n >= sizeof attrs)
        die("attributes too long");
    memcpy(attrs, spec, n);
    attrs[n] = 0;
    /* "rare" in a list's attributes: skip entries the dictionary knows as
     * ordinary lower-case words (the Moby names list has "The" and "How"). */
    int rare = 0;
    char *r = strstr(attrs, "rare");
    if (r && (r == attrs || r[-1] == ',') && (r[4] == 0 || r[4] == ',')) {
        rare = 1;
        memmove(r, r + 4, strlen(r + 4) + 1);
    }
    uint64_t feats = 0;
    uint32_t aux = 0;
    parse_attrs(attrs, &feats, &aux);
    FILE *f = open_input(eq + 1);
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        current_line++;
        char *s = trim(line);
        if (!*s || *s == '#')
            continue;
        if (rare && is_common(s))
            continue;
        add_entry(s, feats, aux);
    }
    fclose(f);
    current_file = NULL;
}

static void read_dictionary(const char *path)
{
    FILE *f = open_input(path);
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        current_line++;
        char *s = trim(line);
        /* Possessive forms ("aardvark's") say nothing the base word does not. */
        if (!*s || strchr(s, '\''))
            continue;
        int lower = !isupper((unsigned char)s[0]) && (unsigned char)s[0] < 0x80;
        add_entry(s, lower ? F_COMMON : F_DICT_PROPER, 0);
    }
    fclose(f);
    current_file = NULL;
}

/* ---- output ------------------------------------------------------------ */

static void write_blob(const char *path)
{
    /* A load of about 0.6: short probes, a table of some 9 MB. */
    uint32_t n_slots = (uint32_t)(n_items * 5 / 3) + 16;
    size_t strings_len = 0;
    for (size_t i = 0; i < n_items; i++)
        if (items[i].len > LEX_INLINE_KEY)
            strings_len += items[i].len;
    lex_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, "NGLEX02", 8);
    h.n_slots = n_slots;
    h.n_keys = (uint32_t)n_items;
    h.entries_off = (uint32_t)((sizeof h + 63) & ~(size_t)63);
    h.strings_off = h.entries_off + n_slots * (uint32_t)sizeof(lex_entry);
    h.strings_len = (uint32_t)strings_len;
    size_t total = h.strings_off + strings_len;
    unsigned char *blob = calloc(1, total);
    if (!blob)
        die("out of memory");
    memcpy(blob, &h, sizeof h);
    lex_entry *slots = (lex_entry *)(blob + h.entries_off);
    char *strings = (char *)(blob + h.strings_off);
    size_t off = 0;
    for (size_t i = 0; i < n_items; i++) {
        if (items[i].len > 255)
            die("entry too long for the table: %s", items[i].key);
        uint32_t hash = lex_hash32(items[i].key, items[i].len);
        uint32_t k = lex_home(hash, n_slots);
        while (slots[k].tag)
            k = k + 1 == n_slots ? 0 : k + 1;
        lex_entry *e = &slots[k];
        e->feats = items[i].feats;
        e->aux = items[i].aux;
        e->tag = lex_tag(hash);
        e->key_len = (uint8_t)items[i].len;
        if (items[i].len <= LEX_INLINE_KEY) {
            memcpy(e->key, items[i].key, items[i].len);
        } else {
            uint32_t o = (uint32_t)off;
            memcpy(e->key, &o, sizeof o);
            memcpy(strings + off, items[i].key, items[i].len);
            off += items[i].len;
        }
    }
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(blob, 1, total, f) != total || fclose(f))
        die("cannot write %s", path);
    free(blob);
    fprintf(stderr, "mklexicon: %zu entries, %zu bytes\n", n_items, total);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: mklexicon OUT.bin [--dict FILE] [--list ATTRS=FILE]... DATAFILE...\n");
        return 2;
    }
    /* The dictionary first, so that its common/proper split is the base that
     * the project's own lists refine. */
    for (int i = 2; i < argc; i++)
        if (!strcmp(argv[i], "--dict") && i + 1 < argc)
            read_dictionary(argv[++i]);
    /* Then the project's own lists, so that the "rare" filter of the npm
     * lists below sees the months and weekdays. */
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--dict") || !strcmp(argv[i], "--list"))
            i++;
        else
            read_data_file(argv[i]);
    }
    for (int i = 2; i < argc; i++)
        if (!strcmp(argv[i], "--list") && i + 1 < argc)
            read_list(argv[++i]);
    write_blob(argv[1]);
    return 0;
}
