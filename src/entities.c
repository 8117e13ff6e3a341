/*
 * Entities: names typed and linked inside one article, then pronouns and
 * descriptions resolved to them.
 *
 * Linking works the way a reader does: full names first ("Chrissy Teigen",
 * "Pieter de Graaf", "Harbor Freight Lines"), then the short forms that refer
 * back to them ("Teigen", "de Graaf", "Harbor Freight"), nearest first. A name
 * in the headline only joins an entity the body names.
 *
 * Pronouns are resolved by salience: among the entities of the right kind and
 * gender mentioned in the last few sentences, the one that was a subject or a
 * speaker most recently wins ("Teigen explained that she'd asked Legend and her
 * mother": "her" is Teigen). What a pronoun resolves to also teaches the
 * entity its gender.
 */
#include "internal.h"
#include "utf8.h"

static const token *tok(const ng_doc *doc, size_t i)
{
    return &doc->toks.v[i];
}

/* ---- comparing names ---------------------------------------------------------------- */

static int tok_text_eq(const ng_doc *doc, const token *a, const token *b)
{
    size_t n = a->end - a->start;
    if (n != b->end - b->start || (a->hash && b->hash && a->hash != b->hash))
        return 0;
    const char *x = doc->text + a->start, *y = doc->text + b->start;
    for (size_t i = 0; i < n; i++) {
        char c = x[i], d = y[i];
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (d >= 'A' && d <= 'Z')
            d += 32;
        if (c != d)
            return 0;
    }
    return 1;
}

static size_t name_len(const mention *m)
{
    return m->end_tok - m->first_tok;
}

/* The end of a name without its generational suffix ("Carlineo" is the
 * surname of "Patrick W. Carlineo Jr."). */
static uint32_t core_end(const ng_doc *doc, const mention *m)
{
    const token *t = tok(doc, m->end_tok - 1);
    if (m->end_tok - m->first_tok >= 2 && (t->flags & TF_ABBREV_DOT) && (tok_eq(doc, t, "jr.") || tok_eq(doc, t, "sr.")))
        return m->end_tok - 1;
    return m->end_tok;
}

/* Do the name mentions a and b have the same words? */
static int same_words(const ng_doc *doc, const mention *a, const mention *b)
{
    if (name_len(a) != name_len(b))
        return 0;
    for (size_t k = 0; k < name_len(a); k++)
        if (!tok_text_eq(doc, tok(doc, a->first_tok + k), tok(doc, b->first_tok + k)))
            return 0;
    return 1;
}

/* Is `shorter` the end of `longer` ("de Graaf" of "Pieter de Graaf") or its
 * beginning and end ("John Kennedy" of "John F. Kennedy")? */
static int is_short_form(const ng_doc *doc, const mention *shorter, const mention *longer, int org)
{
    size_t s = name_len(shorter), l = name_len(longer);
    if (s >= l)
        return 0;
    int suffix = 1, prefix = 1;
    uint32_t lend = core_end(doc, longer);
    if (lend - longer->first_tok < s)
        suffix = 0;
    for (size_t k = 0; k < s; k++) {
        if (suffix && !tok_text_eq(doc, tok(doc, shorter->first_tok + k), tok(doc, lend - s + k)))
            suffix = 0;
        if (!tok_text_eq(doc, tok(doc, shorter->first_tok + k), tok(doc, longer->first_tok + k)))
            prefix = 0;
    }
    if (org)
        /* "Harbor Freight" of "Harbor Freight Lines", "Kestrel" of "Kestrel
         * Securities"; a one-word prefix must not be an ordinary word. */
        return prefix && (s >= 2 || !tok_is(tok(doc, shorter->first_tok), F_COMMON | F_PLACE));
    if (suffix)
        return 1;
    if (s >= 2 && tok_text_eq(doc, tok(doc, shorter->first_tok), tok(doc, longer->first_tok)) &&
        tok_text_eq(doc, tok(doc, shorter->end_tok - 1), tok(doc, longer->end_tok - 1)))
        return 1;
    return 0;
}

/* A person's first name alone: "John" for "John Legend". */
static int is_first_name_of(const ng_doc *doc, const mention *shorter, const mention *longer)
{
    return name_len(shorter) == 1 && name_len(longer) >= 2 &&
           tok_text_eq(doc, tok(doc, shorter->first_tok), tok(doc, longer->first_tok)) &&
           tok_is(tok(doc, shorter->first_tok), F_FIRST_MALE | F_FIRST_FEMALE);
}

/* "HFL" for "Harbor Freight Lines". */
static int is_acronym_of(const ng_doc *doc, const mention *shorter, const mention *longer)
{
    const token *a = tok(doc, shorter->first_tok);
    size_t n = a->end - a->start, words = 0;
    if (name_len(shorter) != 1 || !(a->flags & TF_ALLCAPS) || n < 2 || n != name_len(longer))
        return 0;
    for (size_t k = 0; k < name_len(longer); k++) {
        char c = doc->text[tok(doc, longer->first_tok + k)->start];
        if (c != doc->text[a->start + words])
            return 0;
        words++;
    }
    return 1;
}

/* ---- building ------------------------------------------------------------------------- */

static int32_t new_entity(ng_doc *doc)
{
    entity *e = VEC_PUSH(&doc->entities);
    e->canonical = -1;
    e->type = NG_MISC;
    return (int32_t)(doc->entities.n - 1);
}

static int hint_is(const mention *m, ng_entity_type t)
{
    return m->type_hint == (uint8_t)t;
}

/* An index of linked name mentions by the text of their first and last
 * words, so that finding what a name refers back to looks at the mentions
 * that share a word with it, not at all of them. */
typedef struct name_index {
    uint32_t *heads; /* slot -> first chain entry + 1 */
    uint64_t *keys;
    uint32_t mask;
    VEC(uint32_t) next;    /* chain entry -> next entry + 1 */
    VEC(uint32_t) mention; /* chain entry -> mention */
} name_index;

static uint64_t word_key(const ng_doc *doc, const token *t)
{
    (void)doc;
    return t->hash ? t->hash : ((uint64_t)t->start << 1) | 1;
}

static void index_init(name_index *ix, size_t mentions)
{
    memset(ix, 0, sizeof *ix);
    size_t cap = 64;
    while (cap < mentions * 4)
        cap <<= 1;
    ix->heads = ng_xcalloc(cap, sizeof *ix->heads);
    ix->keys = ng_xcalloc(cap, sizeof *ix->keys);
    ix->mask = (uint32_t)(cap - 1);
}

static uint32_t *index_slot(name_index *ix, uint64_t key)
{
    uint32_t i = (uint32_t)(key ^ (key >> 29)) & ix->mask;
    while (ix->heads[i] && ix->keys[i] != key)
        i = (i + 1) & ix->mask;
    ix->keys[i] = key;
    return &ix->heads[i];
}

static void index_add_key(name_index *ix, uint64_t key, uint32_t mi)
{
    uint32_t *head = index_slot(ix, key);
    *VEC_PUSH(&ix->mention) = mi;
    *VEC_PUSH(&ix->next) = *head;
    *head = (uint32_t)ix->mention.n;
}

static void index_add(ng_doc *doc, name_index *ix, uint32_t mi)
{
    const mention *m = &doc->mentions.v[mi];
    uint64_t first = word_key(doc, tok(doc, m->first_tok)), last = word_key(doc, tok(doc, core_end(doc, m) - 1));
    index_add_key(ix, first, mi);
    if (last != first)
        index_add_key(ix, last, mi);
    /* Acronyms are found by their letters: index the initials too. */
    if (name_len(m) >= 2 && name_len(m) <= 8) {
        char initials[9];
        size_t n = 0;
        for (uint32_t k = m->first_tok; k < m->end_tok; k++)
            initials[n++] = (char)(doc->text[tok(doc, k)->start] | 32);
        index_add_key(ix, lex_hash(initials, n) | 1, mi);
    }
}

static void index_free(name_index *ix)
{
    free(ix->heads);
    free(ix->keys);
    VEC_FREE(&ix->next);
    VEC_FREE(&ix->mention);
}

static void consider(ng_doc *doc, size_t mi, uint32_t j, int32_t *best, int *best_rank, size_t *best_dist)
{
    const mention *m = &doc->mentions.v[mi];
    const mention *o = &doc->mentions.v[j];
    if (j == mi || o->entity < 0)
        return;
    int org = hint_is(o, NG_ORG) || doc->entities.v[o->entity].type == NG_ORG;
    int rank = 0;
    if (same_words(doc, m, o))
        rank = 4;
    else if (is_short_form(doc, m, o, org))
        rank = 3;
    else if (!org && is_first_name_of(doc, m, o) && !hint_is(o, NG_LOC))
        rank = 2;
    else if (is_acronym_of(doc, m, o) && org)
        rank = 2;
    else if (name_len(m) == 1 && name_len(o) >= 2 && !org && !hint_is(o, NG_LOC) && !hint_is(m, NG_LOC) &&
             (hint_is(o, NG_PERSON) || doc->entities.v[o->entity].type == NG_PERSON) &&
             tok_text_eq(doc, tok(doc, m->first_tok), tok(doc, o->first_tok)))
        rank = 2; /* "Tsao" for "Tsao Mei-ling": surname first */
    if (!rank)
        return;
    /* A later mention only counts when nothing earlier does. Between two
     * people a surname fits ("Agnes Thibodeau", her father "Lucien
     * Thibodeau"), the one named more often so far is meant. */
    size_t dist = j < mi ? mi - j : doc->mentions.n + (j - mi);
    int more_named = 0;
    if (rank == *best_rank && *best >= 0 && *best != o->entity && j < mi && *best_dist < doc->mentions.n) {
        uint32_t a = doc->entities.v[o->entity].n_names, b = doc->entities.v[*best].n_names;
        if (a != b) {
            if (a < b)
                return;
            more_named = 1;
        }
    }
    if (rank > *best_rank || (rank == *best_rank && (more_named || dist < *best_dist))) {
        *best = o->entity;
        *best_rank = rank;
        *best_dist = dist;
    }
}

/* The entity a name refers back to: the same words first, then a full name
 * it is the short form of, the nearest earlier mention before a later one.
 * At most a bounded number of candidates per word keeps this linear. */
static int32_t find_antecedent(ng_doc *doc, name_index *ix, size_t mi)
{
    const mention *m = &doc->mentions.v[mi];
    int32_t best = -1;
    int best_rank = 0;
    size_t best_dist = SIZE_MAX;
    uint64_t keys[2] = {word_key(doc, tok(doc, m->first_tok)), word_key(doc, tok(doc, m->end_tok - 1))};
    for (int k = 0; k < 2; k++) {
        if (k == 1 && keys[1] == keys[0])
            break;
        uint32_t e = *index_slot(ix, keys[k]);
        for (int seen = 0; e && seen < 64; seen++, e = ix->next.v[e - 1]) {
            uint32_t j = ix->mention.v[e - 1];
            /* Once the same words have been found, another mention of the
             * same entity no nearer changes nothing (see consider): a
             * name repeated a hundred times is compared once, not 64 times. */
            if (best_rank == 4 && doc->mentions.v[j].entity == best && j != mi &&
                (j < mi ? mi - j : doc->mentions.n + (j - mi)) >= best_dist)
                continue;
            consider(doc, mi, j, &best, &best_rank, &best_dist);
        }
    }
    const token *t = tok(doc, m->first_tok);
    if (name_len(m) == 1 && (t->flags & TF_ALLCAPS) && t->end - t->start <= 8) {
        char lower[9];
        size_t n = t->end - t->start;
        for (size_t q = 0; q < n; q++)
            lower[q] = (char)(doc->text[t->start + q] | 32);
        uint32_t e = *index_slot(ix, lex_hash(lower, n) | 1);
        for (int seen = 0; e && seen < 64; seen++, e = ix->next.v[e - 1])
            consider(doc, mi, ix->mention.v[e - 1], &best, &best_rank, &best_dist);
    }
    return best;
}

static void link(ng_doc *doc, size_t mi, int32_t e)
{
    doc->mentions.v[mi].entity = e;
    if (e >= 0)
        doc->entities.v[e].n_names++;
}

static void link_names(ng_doc *doc)
{
    size_t n = doc->mentions.n;
    name_index ix;
    index_init(&ix, n);
    /* Longest names first, in text order within a length, so that a short
     * form finds its full name wherever the full name stands. Names longer
     * than eight words are rare enough to take in one bucket. */
    for (size_t len = 8; len >= 1; len--) {
        for (size_t i = 0; i < n; i++) {
            mention *m = &doc->mentions.v[i];
            size_t l = name_len(m);
            if (m->kind != MK_NAME || (m->flags & MF_IN_TITLE) || (l < 8 ? l != len : len != 8))
                continue;
            int32_t e = find_antecedent(doc, &ix, i);
            if (e < 0 && doc->entities.n >= doc->engine->options.max_entities)
                doc->limits |= NG_LIMIT_ENTITIES; /* left unlinked (see ng_options) */
            else
                link(doc, i, e >= 0 ? e : new_entity(doc));
            index_add(doc, &ix, (uint32_t)i);
        }
    }
    /* Headline names join an entity of the body or nothing. */
    for (size_t i = 0; i < n; i++) {
        mention *m = &doc->mentions.v[i];
        if (m->kind == MK_NAME && (m->flags & MF_IN_TITLE))
            link(doc, i, find_antecedent(doc, &ix, i));
    }
    index_free(&ix);
}

/* ---- types, names, gender ---------------------------------------------------------------- */

/* What the mentions of one entity say, gathered in one pass. */
typedef struct entity_stats {
    int votes[4];
    int strong_person; /* a title, an age, a role noun next to a name */
    int speaks;
    int male, female;
    int outside_quotes; /* a name mention outside quotes and the headline */
    int in_body;        /* a name mention in the body (not headline, caption) */
    int32_t longest;    /* the longest name mention (not in the headline) */
    int32_t any;        /* any name mention */
} entity_stats;

static int longer_name(const mention *a, const mention *b)
{
    size_t la = name_len(a), lb = name_len(b);
    return la > lb || (la == lb && a->end - a->start > b->end - b->start);
}

static entity_stats *gather_stats(ng_doc *doc)
{
    entity_stats *st = ng_xcalloc(doc->entities.n + 1, sizeof *st);
    /* which entities have a full name of several words */
    uint8_t *multi = ng_xcalloc(doc->entities.n + 1, 1);
    for (size_t k = 0; k < doc->mentions.n; k++) {
        const mention *m = &doc->mentions.v[k];
        if (m->entity >= 0 && m->kind == MK_NAME && name_len(m) > 1)
            multi[m->entity] = 1;
    }
    for (size_t i = 0; i < doc->entities.n; i++)
        st[i].longest = st[i].any = -1;
    for (size_t k = 0; k < doc->mentions.n; k++) {
        const mention *m = &doc->mentions.v[k];
        if (m->entity < 0 || m->kind != MK_NAME)
            continue;
        entity_stats *s = &st[m->entity];
        /* A one-word short form says little about a full name's type:
         * "Ibarra" is a city, "Tomás Ibarra" a person. */
        int short_form = name_len(m) == 1 && multi[m->entity] && m->type_hint == NG_LOC;
        if (m->type_hint != TYPE_UNKNOWN && !short_form)
            s->votes[m->type_hint]++;
        /* a title, an age, a role: a person, unless the name itself ends like
         * an organization ("activist investor Kestrel Bay Management") */
        if ((m->title_tok >= 0 || (m->flags & (MF_AGE | MF_ROLE_BEFORE | MF_APPOS_ROLE | MF_BYLINE))) &&
            !(m->type_hint == NG_ORG && !(m->flags & MF_BYLINE) && m->title_tok < 0))
            s->strong_person = 1;
        if (m->flags & MF_SPEAKER)
            s->speaks = 1;
        s->male += m->gender == AUX_MALE;
        s->female += m->gender == AUX_FEMALE;
        if (!(m->flags & (MF_IN_QUOTE | MF_IN_TITLE)))
            s->outside_quotes = 1;
        if (!(m->flags & (MF_IN_TITLE | MF_IN_CAPTION)))
            s->in_body = 1;
        if (s->any < 0)
            s->any = (int32_t)k;
        if (!(m->flags & MF_IN_TITLE) && (s->longest < 0 || longer_name(m, &doc->mentions.v[s->longest])))
            s->longest = (int32_t)k;
        if (m->org_class)
            doc->entities.v[m->entity].org_class = m->org_class;
    }
    free(multi);
    return st;
}

static void decide_type(ng_doc *doc, entity *e, const entity_stats *s)
{
    /* "Brent LCOc1", "Sterling GBP=": a market's code after the word; no
     * person's name has digits */
    if (s->longest >= 0 && !s->strong_person) {
        const mention *l = &doc->mentions.v[s->longest];
        for (uint32_t k = l->first_tok; k < l->end_tok; k++)
            if ((tok(doc, k)->flags & TF_HAS_DIGIT) && (tok(doc, k)->flags & TF_CAP) && k > l->first_tok) {
                e->type = s->votes[NG_ORG] ? NG_ORG : NG_MISC;
                return;
            }
    }
    if (s->votes[NG_ORG] && !s->strong_person)
        e->type = NG_ORG;
    else if (s->votes[NG_PERSON] || s->strong_person)
        e->type = NG_PERSON;
    else if (s->votes[NG_LOC])
        e->type = NG_LOC;
    else if (s->votes[NG_MISC])
        e->type = NG_MISC;
    else if (s->longest >= 0) {
        /* No evidence in the words: what the name does decides. */
        const mention *l = &doc->mentions.v[s->longest];
        const token *last = tok(doc, l->end_tok - 1);
        /* Two to four words none of which is an ordinary word ("Marisol
         * Vantongeren", "Kwabena Asante-Mills") read as a person's name;
         * names built of ordinary words ("Northlight Offshore Wind", "Big
         * Sur") do not. */
        int rare_words = name_len(l) >= 2 && name_len(l) <= 4 && !tok_is(tok(doc, l->first_tok), F_PARTICLE);
        for (uint32_t k = l->first_tok; k < l->end_tok && rare_words; k++) {
            const token *t = tok(doc, k);
            if (tok_is(t, F_COMMON | F_ORG_WORD | F_LOC_WORD | F_PLACE | F_KNOWN_ORG | F_DEMONYM) ||
                (t->flags & TF_ALLCAPS) || t->kind != TK_WORD)
                rare_words = 0;
        }
        /* A single rare word that speaks ("Okafor said") is a surname; a
         * company's coined name has its shape ("SkyMeridian", "3M"). */
        int inner_cap = 0;
        for (uint32_t k = last->start + 1; k < last->end; k++)
            inner_cap |= (doc->text[k] >= 'A' && doc->text[k] <= 'Z') || (doc->text[k] >= '0' && doc->text[k] <= '9');
        int rare_speaker = s->speaks && name_len(l) == 1 && !tok_is(last, F_COMMON | F_DICT_PROPER) &&
                           !inner_cap && !(last->flags & TF_ALLCAPS) && last->kind == TK_WORD;
        if ((tok_is(last, F_PERSONAL_NAME) && !tok_is(last, F_COMMON)) || rare_words || rare_speaker) {
            e->type = NG_PERSON;
            e->weak_person = 1;
        }
        else if (s->speaks && name_len(l) >= 2)
            e->type = NG_ORG;
        else
            e->type = NG_MISC;
    }
}

static char *display_name(ng_doc *doc, const mention *m)
{
    size_t n = m->end - m->start;
    char *s = ng_xstrndup(doc->text + m->start, n);
    if ((m->flags & MF_ALLCAPS) && (m->flags & MF_DATELINE)) {
        /* "ROTTERDAM" -> "Rotterdam": a dateline's capitals are typography. */
        int word_start = 1;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c >= 'A' && c <= 'Z' && !word_start)
                s[i] = (char)(c + 32);
            word_start = !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80);
        }
    }
    return s;
}

static void name_entity(ng_doc *doc, entity *e, const entity_stats *s)
{
    int32_t best = s->longest >= 0 ? s->longest : s->any;
    if (best >= 0) {
        e->canonical = best;
        free(e->name);
        e->name = display_name(doc, &doc->mentions.v[best]);
    }
    e->gender = s->male > s->female ? AUX_MALE : s->female > s->male ? AUX_FEMALE : 0;
}

/* "John" only inside quotes and "Legend" only as a surname: the article's way
 * of naming John Legend without writing it. When exactly one person is known
 * by surname alone and a first name appears only in the mouths of speakers,
 * they are the same person. */
static int is_bare_surname_entity(const ng_doc *doc, const entity *e, const entity_stats *s)
{
    if (e->type == NG_ORG || e->type == NG_LOC || e->canonical < 0 || !s->in_body)
        return 0;
    const mention *c = &doc->mentions.v[e->canonical];
    const token *t = tok(doc, c->first_tok);
    return name_len(c) == 1 && !(c->flags & MF_IN_QUOTE) && !tok_is(t, F_FIRST_MALE | F_FIRST_FEMALE) &&
           !tok_is(t, F_PLACE | F_KNOWN_ORG | F_DEMONYM) && !(t->flags & TF_ALLCAPS);
}

static void merge_first_names(ng_doc *doc, const entity_stats *st)
{
    int32_t target = -1, count = 0;
    for (size_t j = 0; j < doc->entities.n; j++) {
        if (is_bare_surname_entity(doc, &doc->entities.v[j], &st[j])) {
            target = (int32_t)j;
            count++;
        }
    }
    if (count != 1)
        return;
    int32_t first = -1, firsts = 0;
    for (size_t i = 0; i < doc->entities.n; i++) {
        entity *a = &doc->entities.v[i];
        if (a->canonical < 0 || name_len(&doc->mentions.v[a->canonical]) != 1 || st[i].outside_quotes)
            continue;
        const token *t = tok(doc, doc->mentions.v[a->canonical].first_tok);
        if (tok_is(t, F_FIRST_MALE | F_FIRST_FEMALE)) {
            first = (int32_t)i;
            firsts++;
        }
    }
    if (firsts != 1)
        return;
    for (size_t k = 0; k < doc->mentions.n; k++)
        if (doc->mentions.v[k].entity == first)
            doc->mentions.v[k].entity = target;
    entity *b = &doc->entities.v[target];
    const token *t = tok(doc, doc->mentions.v[doc->entities.v[first].canonical].first_tok);
    b->type = NG_PERSON;
    if (!b->gender)
        b->gender = (uint8_t)(tok_is(t, F_FIRST_MALE) && !tok_is(t, F_FIRST_FEMALE)   ? AUX_MALE
                              : tok_is(t, F_FIRST_FEMALE) && !tok_is(t, F_FIRST_MALE) ? AUX_FEMALE
                                                                                      : 0);
    doc->entities.v[first].canonical = -1;
}

/* ---- syntax around mentions --------------------------------------------------------------- */

static int is_verbish(const ng_doc *doc, const token *t)
{
    if (t->kind != TK_WORD || !(t->flags & TF_LOWER))
        return 0;
    if (tok_is(t, F_CUE | F_AUX | F_MODAL | F_PAST_VERB))
        return 1;
    size_t n = t->end - t->start;
    const char *s = doc->text + t->start;
    return n > 3 && s[n - 2] == 'e' && s[n - 1] == 'd';
}

/* Marks mentions that stand as a clause subject (followed by a verb) or as a
 * speaker (next to a speech verb). */
static void mark_roles(ng_doc *doc)
{
    size_t nt = doc->toks.n;
    for (size_t i = 0; i < doc->mentions.n; i++) {
        mention *m = &doc->mentions.v[i];
        size_t k = m->end_tok;
        /* Skip an appositive: "Pieter de Graaf, an analyst at Kestrel, said". */
        if (k < nt && tok_is_punct(doc, tok(doc, k), ',')) {
            size_t q = k + 1;
            while (q < nt && q < k + 14 && !tok_is_punct(doc, tok(doc, q), ',') && tok(doc, q)->sent == tok(doc, k)->sent)
                q++;
            if (q < nt && tok_is_punct(doc, tok(doc, q), ',') && q + 1 < nt && is_verbish(doc, tok(doc, q + 1)))
                k = q + 1;
        }
        /* "The judge, Katherine Ortiz, sentenced": the name closes an
         * appositive and its verb follows the comma. */
        size_t fb = m->title_tok >= 0 ? (size_t)m->title_tok : m->first_tok; /* "Dr Isla Reid" */
        if (k + 1 < nt && tok_is_punct(doc, tok(doc, k), ',') && is_verbish(doc, tok(doc, k + 1)) && fb > 0 &&
            tok_is_punct(doc, tok(doc, fb - 1), ','))
            k++;
        while (k < nt && tok_is(tok(doc, k), F_ADVERB) && (tok(doc, k)->flags & TF_LOWER))
            k++;
        if (k < nt && (tok(doc, k)->flags & TF_CLITIC) && !tok_is_clitic_s(doc, tok(doc, k)))
            k++; /* "she'd asked" */
        int before_ok = 1;
        if (m->first_tok > 0) {
            const token *p = tok(doc, m->first_tok - 1);
            if (m->title_tok >= 0)
                p = m->title_tok > 0 ? tok(doc, (size_t)m->title_tok - 1) : NULL;
            if (p && p->sent == tok(doc, m->first_tok)->sent &&
                ((p->kind == TK_WORD && (p->flags & TF_LOWER) && !tok_is(p, F_CONJ | F_ROLE | F_SUBORD) &&
                  !tok_eq(doc, p, "that")) ||
                 tok_is(p, F_PREP)))
                before_ok = 0;
        }
        if (k < nt && is_verbish(doc, tok(doc, k)) && before_ok && !(m->flags & MF_POSSESSIVE)) {
            m->flags |= MF_SUBJECT;
            /* "Figgins declined to address whether Thomas slept": the
             * sentence is about Figgins; Thomas is a subject one level down */
            if (m->first_tok > 0 && m->title_tok < 0) {
                const token *p = tok(doc, m->first_tok - 1);
                if (p->sent == tok(doc, m->first_tok)->sent && (p->flags & TF_LOWER) &&
                    (tok_is(p, F_SUBORD | F_RELATIVE) || tok_eq(doc, p, "that")))
                    m->flags |= MF_EMBEDDED;
            }
        }
        if (k < nt && tok_is(tok(doc, k), F_CUE) && before_ok)
            m->flags |= MF_SPEAKER;
        if (m->first_tok > 0) {
            const token *p = tok(doc, m->first_tok - 1);
            /* "said Daniel Yergin"; but "told Hawk Sawyer" names the listener */
            if (tok_is(p, F_CUE) && !tok_is(p, F_CUE_OBJECT) && (p->flags & TF_LOWER))
                m->flags |= MF_SPEAKER;
        }
    }
}

/* ---- pronouns and descriptions ---------------------------------------------------------------- */

typedef struct recent {
    uint32_t sent;         /* sentence of the last mention */
    uint32_t subject_sent; /* sentence of the last subject mention, +1; 0 never */
    uint32_t speaker_sent; /* the same for speaker mentions */
    uint32_t count;
} recent;

/* The entities mentioned most recently, newest first: the only candidates a
 * pronoun or description is compared with, which keeps resolution linear. */
enum { MRU_SIZE = 24 };
typedef struct salience {
    recent *r; /* per entity */
    int32_t mru[MRU_SIZE];
    int n;
} salience;

static int sentence_distance(uint32_t a, uint32_t b)
{
    return a > b ? (int)(a - b) : 0;
}

static int32_t resolve_person(ng_doc *doc, const mention *m, const salience *sal, uint8_t gender)
{
    uint32_t sent = tok(doc, m->first_tok)->sent;
    int32_t best = -1;
    int best_score = -1000;
    for (int k = 0; k < sal->n; k++) {
        int32_t i = sal->mru[k];
        const entity *e = &doc->entities.v[i];
        const recent *r = &sal->r[i];
        if (e->type != NG_PERSON)
            continue;
        if (gender && e->gender && e->gender != gender)
            continue;
        int d = sentence_distance(sent, r->sent);
        if (d > 4)
            continue;
        /* Recency first, then what the entity was doing: a subject or a
         * speaker of the last sentences is what "he" and "she" pick up. */
        int score = 100 - 25 * d;
        if (r->subject_sent && sentence_distance(sent, r->subject_sent - 1) <= 2)
            score += 35 - 10 * sentence_distance(sent, r->subject_sent - 1);
        if (r->speaker_sent && sentence_distance(sent, r->speaker_sent - 1) <= 2)
            score += 20 - 5 * sentence_distance(sent, r->speaker_sent - 1);
        if (gender && e->gender == gender)
            score += 15;
        score += r->count > 5 ? 5 : (int)r->count;
        if (score > best_score) {
            best_score = score;
            best = i;
        }
    }
    return best;
}

/* Is the word t one of the words of the name mention n? */
static int name_has_word(const ng_doc *doc, const mention *n, const token *t)
{
    for (uint32_t k = n->first_tok; k < n->end_tok; k++)
        if (tok_text_eq(doc, tok(doc, k), t))
            return 1;
    return 0;
}

static int32_t resolve_org(ng_doc *doc, const mention *m, const salience *sal, int window)
{
    uint32_t sent = tok(doc, m->first_tok)->sent;
    int32_t best = -1;
    int best_score = -1000;
    for (int k = 0; k < sal->n; k++) {
        int32_t i = sal->mru[k];
        const entity *e = &doc->entities.v[i];
        const recent *r = &sal->r[i];
        /* "the company" may be the first word that a name with no class word
         * ("SkyMeridian", "Evergreen Terrace Senior Living") is an
         * organization: descriptions reach unknown names too. */
        if (e->type != NG_ORG && !(e->type == NG_MISC && m->kind == MK_NOMINAL && e->canonical >= 0 &&
                                   !tok_is(tok(doc, doc->mentions.v[e->canonical].first_tok), F_DEMONYM | F_PLACE)) &&
            !(e->type == NG_PERSON && e->weak_person && m->kind == MK_NOMINAL))
            continue;
        /* "the company" wants a company, "the hospital" a hospital: another
         * kind of organization only when nothing fits better, and a news
         * agency never ("the company" is not Reuters). */
        /* "the institute" is the one named "... Institute of Technology",
         * whatever class its other words give it */
        int named = m->kind == MK_NOMINAL && e->canonical >= 0 &&
                    name_has_word(doc, &doc->mentions.v[e->canonical], tok(doc, m->end_tok - 1));
        int mismatch = !named && ((m->org_class && e->org_class && m->org_class != e->org_class) ||
                                  (m->org_class && !e->org_class && m->org_class != ORG_COMPANY));
        if (e->org_class == ORG_MEDIA && m->org_class != ORG_MEDIA)
            continue;
        if (mismatch)
            continue;
        int d = sentence_distance(sent, r->sent);
        if (d > window)
            continue;
        int score = 100 - 3 * d + (int)(r->count > 10 ? 10 : r->count);
        if (m->org_class && e->org_class == m->org_class)
            score += 30;
        if (mismatch)
            score -= 60;
        if (e->type == NG_ORG)
            score += 20;
        if (named) /* ... and not the university spoken of since */
            score += 80;
        /* an organization that has spoken speaks again: "Andora said in a
         * statement ... The company said" */
        if (r->speaker_sent)
            score += sentence_distance(sent, r->speaker_sent - 1) <= 2 ? 50 : 25;
        if (r->subject_sent && sentence_distance(sent, r->subject_sent - 1) <= 3)
            score += 10;
        if (score > best_score) {
            best_score = score;
            best = i;
        }
    }
    return best;
}

static void note_mention(ng_doc *doc, salience *sal, const mention *m)
{
    if (m->entity < 0)
        return;
    recent *x = &sal->r[m->entity];
    uint32_t sent = tok(doc, m->first_tok)->sent;
    x->sent = sent;
    x->count++;
    if ((m->flags & MF_SUBJECT) && !(m->flags & MF_EMBEDDED))
        x->subject_sent = sent + 1;
    if (m->flags & MF_SPEAKER)
        x->speaker_sent = sent + 1;
    int k = 0;
    while (k < sal->n && sal->mru[k] != m->entity)
        k++;
    if (k == sal->n && sal->n < MRU_SIZE)
        sal->n++;
    if (k >= MRU_SIZE)
        k = MRU_SIZE - 1;
    memmove(&sal->mru[1], &sal->mru[0], (size_t)k * sizeof sal->mru[0]);
    sal->mru[0] = m->entity;
}

/* A resolved pronoun is a subject or a speaker as a name would be ("She added
 * that ..."), which keeps its entity salient. */
static void mark_pronoun_role(ng_doc *doc, mention *m)
{
    size_t k = m->end_tok;
    while (k < doc->toks.n && tok_is(tok(doc, k), F_ADVERB) && (tok(doc, k)->flags & TF_LOWER))
        k++;
    if (k < doc->toks.n && (tok(doc, k)->flags & TF_CLITIC))
        k++;
    if (k < doc->toks.n && is_verbish(doc, tok(doc, k)) && !m->plural && !(doc->toks.v[m->first_tok].aux & (AUX_POSSESSIVE | AUX_OBJECT_CASE)))
        m->flags |= MF_SUBJECT;
    if (k < doc->toks.n && tok_is(tok(doc, k), F_CUE))
        m->flags |= MF_SPEAKER;
}

/* Does sentence s open with an unnamed person as its subject: "One victim,
 * an 86-year-old widow, handed over ...", "A neighbor said ...", "Her
 * daughter told the court ..."? Then a "she" right after means that person,
 * whom no entity names. Returns the gender the role gives (0 unknown), or -1
 * when the sentence does not open so. */
static int unnamed_subject(const ng_doc *doc, const sentence *se, size_t *role)
{
    size_t i = se->first_tok;
    while (i < se->end_tok && (tok(doc, i)->flags & TF_DATELINE))
        i++;
    if (i >= se->end_tok || doc->paras.v[se->para].kind != PARA_BODY)
        return -1;
    const token *d = tok(doc, i);
    int kin = tok_is(d, F_PRONOUN) && (d->aux & AUX_POSSESSIVE);
    /* "The daughter of one victim, who asked not to be named, told" */
    int the_of = tok_eq(doc, d, "the") && i + 3 < se->end_tok && tok_is(tok(doc, i + 1), F_ROLE) &&
                 (tok(doc, i + 1)->flags & TF_LOWER) && tok_eq(doc, tok(doc, i + 2), "of") &&
                 (tok_eq(doc, tok(doc, i + 3), "a") || tok_eq(doc, tok(doc, i + 3), "an") ||
                  tok_eq(doc, tok(doc, i + 3), "one") || tok_eq(doc, tok(doc, i + 3), "another"));
    if (the_of) {
        *role = i + 1;
        return (int)(tok(doc, i + 1)->aux & AUX_GENDER_MASK);
    }
    if (!(tok_eq(doc, d, "a") || tok_eq(doc, d, "an") || tok_eq(doc, d, "one") || tok_eq(doc, d, "another") || kin))
        return -1;
    for (size_t k = i + 1; k < se->end_tok && k < i + 5; k++) {
        const token *t = tok(doc, k);
        if (t->kind != TK_WORD || (t->flags & TF_CAP))
            return -1; /* a name follows: "A spokeswoman, Jane Roe," */
        if (tok_is(t, F_ROLE | F_GENERIC) && !(t->aux & AUX_PLURAL)) {
            if (kin && !tok_is(t, F_KINSHIP))
                return -1;
            const token *n = k + 1 < se->end_tok ? tok(doc, k + 1) : NULL;
            /* the role closes the phrase: a verb or an appositive follows */
            /* "Her daughter, Dr Isla Reid, said": named after all */
            if (n && tok_is_punct(doc, n, ',') && k + 2 < se->end_tok && tok(doc, k + 2)->kind == TK_WORD &&
                (tok(doc, k + 2)->flags & TF_CAP))
                return -1;
            if (n && (tok_is_punct(doc, n, ',') || (n->kind == TK_WORD && (n->flags & TF_LOWER) &&
                                                    tok_is(n, F_CUE | F_AUX | F_MODAL | F_PAST_VERB)))) {
                *role = k;
                return (int)(t->aux & AUX_GENDER_MASK);
            }
            return -1;
        }
    }
    return -1;
}

static void resolve_references(ng_doc *doc)
{
    salience sal = {ng_xcalloc(doc->entities.n + 1, sizeof *sal.r), {0}, 0};
    int32_t unnamed_sent = -1; /* the last sentence opened by an unnamed person */
    int unnamed_gender = 0;
    size_t unnamed_role = 0; /* ... and the role noun that names them */
    uint32_t checked_sent = UINT32_MAX;
    for (size_t i = 0; i < doc->mentions.n; i++) {
        mention *m = &doc->mentions.v[i];
        if (m->kind == MK_NAME) {
            /* the writer of the byline is no one the story's "she" means */
            if (!(m->flags & (MF_IN_QUOTE | MF_BYLINE)))
                note_mention(doc, &sal, m);
            continue;
        }
        /* Inside quotes "he" and "she" are the speaker's words about someone
         * the quote may not name; captions have no antecedents. */
        if (m->flags & (MF_IN_QUOTE | MF_IN_CAPTION | MF_IN_TITLE))
            continue;
        int32_t e = -1;
        uint32_t sent = tok(doc, m->first_tok)->sent;
        if (sent != checked_sent) {
            /* sentences between the last pronoun and this one */
            for (uint32_t x = checked_sent == UINT32_MAX ? (sent > 2 ? sent - 2 : 0) : checked_sent + 1; x <= sent;
                 x++) {
                size_t role = 0;
                int g = unnamed_subject(doc, &doc->sents.v[x], &role);
                if (g >= 0) {
                    unnamed_sent = (int32_t)x;
                    unnamed_gender = g;
                    unnamed_role = role;
                }
            }
            checked_sent = sent;
        }
        if (m->kind == MK_PRONOUN && (m->gender == AUX_MALE || m->gender == AUX_FEMALE)) {
            e = resolve_person(doc, m, &sal, m->gender);
            /* the unnamed person of this or the last sentence is more recent
             * than any named subject: the pronoun is theirs, and unnamed */
            int unnamed_fits = unnamed_sent >= 0 && sent - (uint32_t)unnamed_sent <= 1 &&
                               (!unnamed_gender || unnamed_gender == m->gender);
            if (unnamed_fits &&
                (e < 0 || ((sal.r[e].subject_sent == 0 || sal.r[e].subject_sent - 1 < (uint32_t)unnamed_sent) &&
                           sal.r[e].sent < (uint32_t)unnamed_sent))) {
                e = -1;
                m->role_tok = (int32_t)unnamed_role; /* "a witness ... she said": the witness */
            }
            if (e >= 0 && !doc->entities.v[e].gender)
                doc->entities.v[e].gender = m->gender;
        } else if (m->kind == MK_PRONOUN && m->gender == AUX_NEUTER) {
            /* "it" reaches further when it speaks ("It said ...") */
            mark_pronoun_role(doc, m);
            e = resolve_org(doc, m, &sal, (m->flags & MF_SPEAKER) ? 4 : 1);
        } else if (m->kind == MK_NOMINAL && m->type_hint == NG_ORG) {
            e = resolve_org(doc, m, &sal, 40);
            if (e >= 0 && doc->entities.v[e].type != NG_ORG) {
                doc->entities.v[e].type = NG_ORG; /* "the startup": a firm after all */
                doc->entities.v[e].weak_person = 0;
            }
        } else if (m->kind == MK_NOMINAL && m->type_hint == NG_PERSON) {
            e = resolve_person(doc, m, &sal, 0);
        }
        m->entity = e;
        if (e >= 0) {
            mark_pronoun_role(doc, m);
            note_mention(doc, &sal, m);
        }
    }
    free(sal.r);
}

/* ---- the stage ------------------------------------------------------------------------------ */

int32_t mention_at(const ng_doc *doc, uint32_t t)
{
    /* Binary search: mentions are in text order and do not overlap. */
    size_t lo = 0, hi = doc->mentions.n;
    uint32_t pos = doc->toks.v[t].start;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const mention *m = &doc->mentions.v[mid];
        if (m->end <= pos)
            lo = mid + 1;
        else if (m->start > pos)
            hi = mid;
        else
            return (int32_t)mid;
    }
    return -1;
}

/* Drops entities no mention refers to (merged away), renumbering the rest in
 * order of first mention, and fills each entity's mention list. */
static void compact(ng_doc *doc)
{
    size_t n = doc->entities.n;
    int32_t *map = ng_xcalloc(n + 1, sizeof *map);
    for (size_t i = 0; i < n; i++)
        map[i] = -1;
    VEC(entity) kept = {0};
    for (size_t k = 0; k < doc->mentions.n; k++) {
        int32_t e = doc->mentions.v[k].entity;
        if (e < 0 || map[e] >= 0)
            continue;
        if (doc->entities.v[e].canonical < 0)
            continue;
        map[e] = (int32_t)kept.n;
        *VEC_PUSH(&kept) = doc->entities.v[e];
    }
    for (size_t i = 0; i < n; i++)
        if (map[i] < 0)
            free(doc->entities.v[i].name);
    /* The mention lists, all in one array: counted, then filled. */
    size_t total = 0;
    for (size_t k = 0; k < doc->mentions.n; k++) {
        mention *m = &doc->mentions.v[k];
        if (m->entity >= 0)
            m->entity = map[m->entity];
        if (m->entity >= 0) {
            kept.v[m->entity].mentions.cap++;
            total++;
        }
    }
    free(doc->entity_mentions);
    doc->entity_mentions = ng_xrealloc(NULL, (total + 1) * sizeof *doc->entity_mentions);
    for (size_t i = 0, at = 0; i < kept.n; i++) {
        kept.v[i].mentions.v = doc->entity_mentions + at;
        kept.v[i].mentions.n = 0;
        at += kept.v[i].mentions.cap;
    }
    for (size_t k = 0; k < doc->mentions.n; k++) {
        int32_t e = doc->mentions.v[k].entity;
        if (e >= 0)
            kept.v[e].mentions.v[kept.v[e].mentions.n++] = (uint32_t)k;
    }
    VEC_FREE(&doc->entities);
    doc->entities.v = kept.v;
    doc->entities.n = kept.n;
    doc->entities.cap = kept.cap;
    free(map);
}

/* The writers named in the byline, in order, each once, by their canonical
 * names; a web page's metadata, when it names them, was read first and wins. */
static void list_authors(ng_doc *doc)
{
    if (doc->authors.n)
        return;
    for (size_t k = 0; k < doc->mentions.n; k++) {
        const mention *m = &doc->mentions.v[k];
        if (!(m->flags & MF_BYLINE) || m->entity < 0)
            continue;
        const char *name = doc->entities.v[m->entity].name;
        int seen = 0;
        for (size_t a = 0; a < doc->authors.n; a++)
            seen |= !strcmp(doc->authors.v[a], name);
        if (!seen)
            *VEC_PUSH(&doc->authors) = ng_xstrndup(name, strlen(name));
    }
}

void build_entities(ng_doc *doc)
{
    mark_roles(doc);
    link_names(doc);
    entity_stats *st = gather_stats(doc);
    for (size_t i = 0; i < doc->entities.n; i++) {
        decide_type(doc, &doc->entities.v[i], &st[i]);
        name_entity(doc, &doc->entities.v[i], &st[i]);
    }
    merge_first_names(doc, st);
    free(st);
    resolve_references(doc);
    compact(doc);
    list_authors(doc);
}
