/*
 * Mentions: the candidate names, pronouns and descriptions that entities.c
 * links into entities.
 *
 * A name is a run of capitalized words in one sentence, with the small words
 * that live inside names ("Pieter de Graaf", "University of California",
 * "Wallis Annenberg Center for the Performing Arts"). What the run is made of
 * gives a first guess at its type: a title or a first name says PERSON, an
 * organization word ("Securities", "Department") or an acronym says ORG, the
 * gazetteer says LOC. Titles are cut off the name ("Sen. Margaret Oyelaran" ->
 * "Margaret Oyelaran") and remembered, with their gender.
 *
 * A capitalized word that only starts a sentence ("Following the post") is
 * not a name: a word the dictionary knows in lower case is dropped there.
 */
#include "internal.h"
#include "utf8.h"

#include <stdio.h>

/* ---- word classes ------------------------------------------------------------ */

static const token *tok(const ng_doc *doc, size_t i)
{
    return &doc->toks.v[i];
}

static int in_para_kind(const ng_doc *doc, const token *t, para_kind k)
{
    return doc->paras.v[t->para].kind == k;
}

/* Words that never begin or continue a name even when capitalized. */
static int is_function_word(const token *t)
{
    /* "WHO": a relative pronoun in capitals is the World Health
     * Organization's acronym */
    if ((t->flags & TF_ALLCAPS) && t->end - t->start >= 3 && tok_is(t, F_RELATIVE) && !tok_is(t, F_PRONOUN))
        return 0;
    return tok_is(t, F_PRONOUN | F_DET | F_PREP | F_CONJ | F_SUBORD | F_AUX | F_MODAL | F_STOP | F_RELATIVE |
                         F_NEGATION | F_QUANT);
}

/* The rest of is_name_word(), for capitalized words. */
static int is_name_word_cap(const ng_doc *doc, const token *t)
{
    if (t->flags & TF_ALLCAPS) {
        /* Emphasis in capitals ("I did NOT want") is not a name; acronyms are. */
        if (tok_is(t, F_COMMON | F_NEGATION) && !tok_is(t, F_KNOWN_ORG | F_PLACE) && t->end - t->start > 3)
            return (t->flags & TF_DATELINE) != 0;
        if (t->end - t->start == 1) /* "I" and "A" in capitals */
            return 0;
    }
    if (tok_is(t, F_PRONOUN) && !tok_is(t, F_PERSONAL_NAME | F_KNOWN_ORG))
        return 0;
    if (tok_is(t, F_WEEKDAY | F_NOT_NAME))
        return 0;
    /* "California-based", "U.S.-led": an adjective made of a name (but
     * "Mei-ling" and "Bo-ra" are given names). */
    if (t->flags & TF_HYPHEN) {
        static const char *const suffixes[] = {"based", "born", "led", "backed", "owned", "run", "made",
                                               "style", "bred", "raised", "funded", "controlled", "listed",
                                               "headquartered", "area", "era", "bound", "focused", "registered"};
        const char *x = doc->text;
        uint32_t h = t->end;
        while (h > t->start && x[h - 1] != '-')
            h--;
        for (size_t k = 0; h > t->start && k < sizeof suffixes / sizeof suffixes[0]; k++)
            if (t->end - h == strlen(suffixes[k]) && !memcmp(x + h, suffixes[k], t->end - h))
                return 0;
    }
    /* Tickers: "HLVS.O", "ANDR.TO" */
    if ((t->flags & TF_ALLCAPS) && memchr(doc->text + t->start, '.', t->end - t->start) &&
        !(t->flags & TF_ABBREV_DOT) && doc->text[t->end - 1] != '.')
        return 0;
    /* "R-Texas", "D-Calif.": a party and a state, not a name. */
    if ((t->flags & TF_HYPHEN) && t->end - t->start >= 3 && doc->text[t->start + 1] == '-' &&
        strchr("DRI", doc->text[t->start]))
        return 0;
    /* Months belong to the dates stage; "April Ryan" is handled where runs
     * start (a month that is a first name, before another name word). */
    if (tok_is(t, F_MONTH))
        return 0;
    (void)doc;
    return 1;
}

/* A capitalized word that may be (part of) a name. Asked of every token:
 * the test that turns most of them away is inline. */
static inline int is_name_word(const ng_doc *doc, const token *t)
{
    if (t->kind != TK_WORD || !(t->flags & TF_CAP) || (t->flags & TF_CLITIC))
        return 0;
    return is_name_word_cap(doc, t);
}

/* Lower-case words inside a person's name: "de", "van der", "bin". */
static int is_particle(const token *t)
{
    return t->kind == TK_WORD && (t->flags & TF_LOWER) && tok_is(t, F_PARTICLE);
}

/* Words that join the parts of an organization's name. */
static int is_connector(const ng_doc *doc, const token *t)
{
    return t->kind == TK_WORD && (t->flags & TF_LOWER) &&
           (tok_eq(doc, t, "of") || tok_eq(doc, t, "for") || tok_eq(doc, t, "the") || tok_eq(doc, t, "on") ||
            tok_eq(doc, t, "and"));
}

/* Is the capitalized word at a sentence start an ordinary word there
 * ("Following", "Analysts", "The")? Then it is not part of a name. */
static int is_ordinary_sentence_start(const token *t, const token *next_tok, const token *after)
{
    if (is_function_word(t) || tok_is(t, F_ADVERB | F_CUE | F_GENERIC | F_TIME_WORD | F_NUMBER_WORD))
        return !tok_is(t, F_KNOWN_ORG | F_PERSONAL_NAME) || !next_tok || !(next_tok->flags & TF_CAP);
    if (!tok_is(t, F_COMMON))
        return 0;
    /* "John held my hand": a first name before a verb is the name. */
    if (tok_is(t, F_FIRST_MALE | F_FIRST_FEMALE) && next_tok && next_tok->kind == TK_WORD &&
        (next_tok->flags & TF_LOWER) && tok_is(next_tok, F_PAST_VERB | F_CUE | F_AUX | F_MODAL) &&
        !tok_is(t, F_MODAL | F_AUX))
        return 0;
    /* "China's foreign ministry said", "Turkey said": a country before a
     * possessive or a verb is the country, though the word has an ordinary
     * sense too. */
    if (tok_is(t, F_COUNTRY) && after && after->kind == TK_WORD && (after->flags & TF_LOWER) &&
        ((after->flags & TF_CLITIC) || tok_is(after, F_PAST_VERB | F_CUE | F_AUX | F_MODAL)))
        return 0;
    /* "Harbor Freight Lines said": an ordinary word that starts a longer name
     * stays ("Former President Biden" drops "Former": a title follows). */
    if (next_tok && next_tok->kind == TK_WORD && (next_tok->flags & TF_CAP) && !tok_is(next_tok, F_TITLE) &&
        !tok_is(t, F_ADVERB) && !(next_tok->flags & TF_SENT_START))
        return 0;
    if (tok_is(t, F_PERSONAL_NAME | F_PLACE | F_KNOWN_ORG | F_DICT_PROPER | F_TITLE | F_ORG_WORD))
        /* "Will Smith said", "Jordan said": a name when another capitalized
         * word follows or the word is mostly a name. */
        return !(next_tok && (next_tok->flags & TF_CAP) && next_tok->kind == TK_WORD) &&
               !tok_is(t, F_KNOWN_ORG | F_TITLE);
    return 1;
}

/* Does a sentence (or clause) start right before token i? */
static int at_sentence_start(const ng_doc *doc, size_t i)
{
    const token *t = tok(doc, i);
    if (t->flags & TF_SENT_START)
        return 1;
    if (i == 0)
        return 1;
    const token *p = tok(doc, i - 1);
    if (p->flags & TF_PARA_START && p->kind == TK_QUOTE)
        return 1;
    if (p->kind == TK_QUOTE && (p->flags & TF_QUOTE_OPEN))
        return 1; /* the first word of a quotation */
    if (p->flags & TF_DATELINE)
        return 1;
    /* Inside a quotation, sentences are not cut, but they start all the same:
     * '... for all. It's hard to look at them now.' */
    if (p->kind == TK_PUNCT && (p->flags & TF_IN_QUOTE) && strchr(".!?", doc->text[p->start]))
        return 1;
    /* after a colon, a dash or a bracket: an ordinary word, or a function
     * word that is also a name somewhere ("Another caveat: Even though") */
    if (p->kind == TK_DASH || tok_is_punct(doc, p, ':') || tok_is_punct(doc, p, '('))
        return (t->flags & TF_CAP) && tok_is(t, F_COMMON) &&
               (!tok_is(t, F_PERSONAL_NAME) || tok_is(t, F_ADVERB | F_CONJ | F_PREP | F_DET | F_PRONOUN | F_SUBORD));
    return 0;
}

/* ---- names ----------------------------------------------------------------------- */

static NG_ALWAYS_INLINE int same_run(const ng_doc *doc, size_t a, size_t b)
{
    const token *x = tok(doc, a), *y = tok(doc, b);
    return x->sent == y->sent && ((x->flags & TF_IN_QUOTE) == (y->flags & TF_IN_QUOTE)) && x->quote == y->quote &&
           !(y->flags & TF_NL_BEFORE);
}

/* The extent of a name starting at i (a name word, or a particle before one):
 * returns the end (exclusive). */
static size_t name_run_end(const ng_doc *doc, size_t i, size_t limit)
{
    size_t j = i;
    size_t end = i;
    /* "envoy to Ukraine Kurt Volker", "ambassador to Germany Richard
     * Grenell": after a preposition, a place and then a person's full name
     * are two names. */
    int place_after_prep = i > 0 && tok(doc, i - 1)->kind == TK_WORD && (tok(doc, i - 1)->flags & TF_LOWER) &&
                           tok_is(tok(doc, i - 1), F_PREP);
    while (j < limit) {
        const token *t = tok(doc, j);
        if (j > i && !same_run(doc, j - 1, j))
            break;
        if (place_after_prep && !tok_is(t, F_PLACE | F_COUNTRY))
            place_after_prep = j > i && (t->flags & TF_CAP) && tok_is(t, F_FIRST_MALE | F_FIRST_FEMALE) &&
                               !tok_is(tok(doc, i), F_FIRST_MALE | F_FIRST_FEMALE) && j + 1 < limit &&
                               same_run(doc, j, j + 1) && is_name_word(doc, tok(doc, j + 1)) ? 2 : 0;
        if (place_after_prep == 2)
            break;
        /* "Patrick W. Carlineo Jr.": a generational suffix closes a name */
        if (j > i && end == j && t->kind == TK_WORD && (t->flags & TF_CAP) && (t->flags & TF_ABBREV_DOT) &&
            (tok_eq(doc, t, "jr.") || tok_eq(doc, t, "sr.")) && tok(doc, j - 1)->kind == TK_WORD) {
            j++;
            end = j;
            break;
        }
        if (is_name_word(doc, t) && !(j > i && (t->flags & TF_SENT_START))) {
            j++;
            end = j;
            continue;
        }
        if (t->kind == TK_NUMBER && j > i && end == j && t->end - t->start <= 4 &&
            tok(doc, j - 1)->kind == TK_WORD && !tok_is(tok(doc, j - 1), F_MONTH)) {
            /* "Apollo 11", "Windows 11": a number that closes a name. */
            break;
        }
        /* Particles and connectors only inside, before another name word. */
        if (j + 1 < limit && same_run(doc, j, j + 1)) {
            if (is_particle(t) && is_name_word(doc, tok(doc, j + 1))) {
                j++;
                continue;
            }
            if (j > i && is_connector(doc, t)) {
                size_t k = j + 1;
                if (k < limit && tok_eq(doc, tok(doc, k), "the") && k + 1 < limit)
                    k++;
                if (k < limit && same_run(doc, j, k) && is_name_word(doc, tok(doc, k))) {
                    j = k;
                    continue;
                }
            }
            if (j > i && tok_is_punct(doc, t, '&') && is_name_word(doc, tok(doc, j + 1))) {
                j++;
                continue;
            }
            /* "Bright Harbor Children's Fund", "McDonald's Corp": a possessive
             * inside an organization's name, which ends in an organization word. */
            if (j > i && (t->flags & TF_CLITIC) && tok_is_clitic_s(doc, t) && is_name_word(doc, tok(doc, j + 1)) &&
                !(tok(doc, j - 1)->flags & TF_ALLCAPS) && !tok_is(tok(doc, j - 1), F_KNOWN_ORG)) {
                size_t k = j + 1;
                while (k < limit && k < j + 5 && same_run(doc, k - 1, k) && is_name_word(doc, tok(doc, k)))
                    k++;
                if (tok_is(tok(doc, k - 1), F_ORG_WORD) && !in_para_kind(doc, t, PARA_TITLE)) {
                    j++;
                    continue;
                }
            }
        }
        break;
    }
    return end;
}

/* Within a run, the parts joined by "of", "for", "and" belong together only in
 * organization names ("University of California", "Center for the Performing
 * Arts"); elsewhere the run splits there ("Teigen of ..." cannot happen inside
 * a run, but "Jones and Smith" can). Returns where the first name ends. */
static size_t split_at_connector(const ng_doc *doc, size_t b, size_t e)
{
    int org_before = 0, complement = 0;
    for (size_t k = b; k < e; k++) {
        const token *t = tok(doc, k);
        if (is_connector(doc, t)) {
            int is_of = tok_eq(doc, t, "of") || tok_eq(doc, t, "for") || tok_eq(doc, t, "on");
            /* "Department of Health and Social Care", "Office of Rail and
             * Road": "and" inside an organization's complement */
            int inner_and = tok_eq(doc, t, "and") && complement;
            /* ... but "Department of Homeland Security and Alex Azar": a
             * first name and a surname after "and" start a person's name */
            if (inner_and && k + 2 < e) {
                const token *n1 = tok(doc, k + 1), *n2 = tok(doc, k + 2);
                if (tok_is(n1, F_FIRST_MALE | F_FIRST_FEMALE) && !tok_is(n1, F_COMMON | F_ORG_WORD | F_PLACE) &&
                    tok_is(n2, F_PERSONAL_NAME) && !tok_is(n2, F_ORG_WORD | F_PLACE) && (n2->flags & TF_CAP))
                    inner_and = 0;
            }
            if (!(is_of && org_before) && !inner_and &&
                !(tok_eq(doc, t, "the") && k > b && is_connector(doc, tok(doc, k - 1))))
                return k;
            complement |= is_of && org_before;
            continue;
        }
        if (tok_is(t, F_ORG_WORD | F_TITLE | F_GENERIC) && (t->flags & TF_CAP))
            org_before = 1; /* "Doctors for Haiti", "Department of ..." */
        /* "Taxpayers for Restraint", "Friends of the Earth": a plural common
         * noun heads a group's name */
        if ((t->flags & TF_CAP) && tok_is(t, F_COMMON) && !tok_is(t, F_PERSONAL_NAME | F_PLACE) &&
            t->end - t->start > 3 && doc->text[t->end - 1] == 's' && doc->text[t->end - 2] != 's')
            org_before = 1;
    }
    return e;
}

static uint8_t gender_of_first_name(const token *t)
{
    int m = tok_is(t, F_FIRST_MALE), f = tok_is(t, F_FIRST_FEMALE);
    return m && !f ? AUX_MALE : f && !m ? AUX_FEMALE : 0;
}

static int is_acronym(const ng_doc *doc, const token *t)
{
    size_t n = t->end - t->start;
    (void)doc;
    return (t->flags & TF_ALLCAPS) && n >= 2 && n <= 6 && !(t->flags & TF_DATELINE) &&
           !tok_is(t, F_PLACE | F_TITLE | F_ROLE);
}

/* First guess at the type of the name tokens [b, e). */
static void guess_type(ng_doc *doc, mention *m)
{
    size_t b = m->first_tok, e = m->end_tok;
    const token *first = tok(doc, b), *last = tok(doc, e - 1);
    uint64_t feats;
    uint32_t aux;
    size_t n = e - b;
    m->type_hint = TYPE_UNKNOWN;
    /* A whole known phrase: "New York", "Vanity Fair", "Beverly Hills". */
    size_t k = match_phrase(doc, b, F_PLACE | F_KNOWN_ORG | F_DEMONYM, &feats, &aux);
    if (k == n) {
        /* "Thai" is a town somewhere, but in news it is the adjective. */
        m->type_hint = (feats & F_KNOWN_ORG) ? NG_ORG : (feats & F_DEMONYM) ? NG_MISC : NG_LOC;
        if (feats & F_KNOWN_ORG)
            m->org_class = (uint8_t)((aux & AUX_ORG_CLASS_MASK) >> AUX_ORG_CLASS_SHIFT);
        return;
    }
    int org_word = 0;
    for (size_t i = b; i < e; i++) {
        const token *t = tok(doc, i);
        if (tok_is(t, F_ORG_WORD) && (t->flags & TF_CAP) && !(i == b && n > 1 && tok_is(t, F_PERSONAL_NAME))) {
            /* "Lines" in "Harbor Freight Lines"; but "Party" must end the name
             * or precede "of" to make it an organization. */
            if (i == e - 1 || is_connector(doc, tok(doc, i + 1)) || n == 1 || tok_is(t, F_ORG_WORD)) {
                uint8_t cls = (uint8_t)((t->aux & AUX_ORG_CLASS_MASK) >> AUX_ORG_CLASS_SHIFT);
                /* "Millbrook Police Department" is the police before it is a
                 * department: "police said" refers to it. */
                if (m->org_class != ORG_POLICE)
                    m->org_class = cls;
                org_word |= i == e - 1 || is_connector(doc, tok(doc, i + 1)) || n == 1;
            }
        }
    }
    if (org_word) {
        /* "Medical Center", "Police Department": a two-word head says more
         * than its last word */
        uint64_t pf;
        uint32_t pa;
        if (n >= 3 && match_phrase(doc, e - 2, F_ORG_WORD, &pf, &pa) == 2 && !(m->org_class == ORG_POLICE))
            m->org_class = (uint8_t)((pa & AUX_ORG_CLASS_MASK) >> AUX_ORG_CLASS_SHIFT);
        m->type_hint = NG_ORG;
        return;
    }
    /* "Mayfield, Ky.", "Houma, Louisiana": a name before a state is a place. */
    if (e + 1 < doc->toks.n && tok_is_punct(doc, tok(doc, e), ',') && tok(doc, e + 1)->kind == TK_WORD &&
        (tok(doc, e + 1)->flags & TF_CAP) && tok_is(tok(doc, e + 1), F_PLACE) &&
        !tok_is(first, F_FIRST_MALE | F_FIRST_FEMALE) && n <= 3) {
        m->type_hint = NG_LOC;
        return;
    }
    /* "Hurricane Delphine", "Operation Sandstorm": a name of an event. */
    if (n >= 2 && tok_is(first, F_EVENT_WORD)) {
        m->type_hint = NG_MISC;
        return;
    }
    /* "Willow River", "Dock Street", "Orange County": a place head word. */
    if (n >= 2 && tok_is(last, F_LOC_WORD) && (last->flags & TF_CAP)) {
        m->type_hint = NG_LOC;
        return;
    }
    if (is_acronym(doc, first) && !tok_is(first, F_PERSONAL_NAME)) {
        m->type_hint = NG_ORG;
        return;
    }
    /* "Corbel & Lowe", "Procter & Gamble": firms of partners. */
    for (size_t i = b + 1; i + 1 < e; i++)
        if (tok_is_punct(doc, tok(doc, i), '&')) {
            m->type_hint = NG_ORG;
            return;
        }
    /* A name that fills a pair of quote marks is a title or a nickname:
     * nicknamed "Big Nell", the thriller "Salt Road". */
    if (b > 0 && (tok(doc, b - 1)->flags & TF_QUOTE_OPEN) && e < doc->toks.n &&
        ((tok(doc, e)->flags & TF_QUOTE_CLOSE) ||
         (e + 1 < doc->toks.n && tok(doc, e)->kind == TK_PUNCT && (tok(doc, e + 1)->flags & TF_QUOTE_CLOSE)))) {
        m->type_hint = NG_MISC;
        return;
    }
    /* "former White House Russia adviser Fiona Hill", "Kestrel analyst Jo
     * Roe": a name before a role noun and the person's own name modifies. */
    if (e + 1 < doc->toks.n && tok(doc, e)->kind == TK_WORD && (tok(doc, e)->flags & TF_LOWER) &&
        tok_is(tok(doc, e), F_ROLE) && tok(doc, e + 1)->kind == TK_WORD && (tok(doc, e + 1)->flags & TF_CAP) &&
        tok_is(tok(doc, e + 1), F_FIRST_MALE | F_FIRST_FEMALE | F_PERSONAL_NAME) &&
        !tok_is(first, F_FIRST_MALE | F_FIRST_FEMALE)) {
        m->type_hint = NG_MISC;
        return;
    }
    if (m->title_tok >= 0 || (m->flags & (MF_ROLE_BEFORE | MF_AGE | MF_APPOS_ROLE))) {
        m->type_hint = NG_PERSON;
        return;
    }
    int particle = 0, initial = 0;
    for (size_t i = b; i < e; i++) {
        particle |= is_particle(tok(doc, i));
        initial |= (tok(doc, i)->flags & TF_INITIAL) != 0;
    }
    if (n >= 2 && n <= 5) {
        if (tok_is(first, F_FIRST_MALE | F_FIRST_FEMALE) && !tok_is(last, F_COUNTRY))
            m->type_hint = NG_PERSON;
        else if (particle || initial)
            m->type_hint = NG_PERSON;
        else if (tok_is(first, F_DICT_PROPER) && !tok_is(first, F_PLACE | F_KNOWN_ORG | F_DEMONYM | F_TITLE) &&
                 (!tok_is(last, F_COMMON) || tok_is(last, F_PERSONAL_NAME)) && !tok_is(last, F_PLACE) &&
                 last->kind == TK_WORD && !(last->flags & TF_ALLCAPS))
            /* the dictionary's capitalized words are mostly given names:
             * "Lewis Hardacre" */
            m->type_hint = NG_PERSON;
        else if (tok_is(last, F_PERSONAL_NAME) && !tok_is(last, F_PLACE) && !tok_is(first, F_COMMON) &&
                 !(tok_is(first, F_PLACE)))
            m->type_hint = NG_PERSON;
    } else if (n == 1) {
        if (tok_is(first, F_KNOWN_ORG))
            m->type_hint = NG_ORG;
        else if (tok_is(first, F_DEMONYM))
            m->type_hint = NG_MISC;
        else if (tok_is(first, F_PLACE) && !tok_is(first, F_FIRST_MALE | F_FIRST_FEMALE))
            m->type_hint = NG_LOC;
        else if (tok_is(first, F_FIRST_MALE | F_FIRST_FEMALE) && !(m->flags & (MF_SENT_INITIAL | MF_CREDIT)))
            /* A first name alone, capitalized inside a sentence: "as Jack". */
            m->type_hint = NG_PERSON;
    }
}

/* What precedes a name: a title in the run ("Sen.", "Vice President"), or a
 * lower-case role noun ("chief executive Ingrid Vos", "analyst Jane Roe"). */
/* The length of a title or capitalized role phrase at token i ("Sen.", "Vice
 * President", "Co-author", "Actress") that a name follows within [i, e). */
/* A capitalized agent noun ("Meteorologist", "Economist", "Organizer")
 * before a first name and another name word works as a title. */
static int agent_noun_title(ng_doc *doc, size_t i, size_t e)
{
    const token *t = tok(doc, i);
    size_t n = t->end - t->start;
    const char *s = doc->text + t->start;
    if (t->kind != TK_WORD || !(t->flags & TF_CAP) || (t->flags & TF_ALLCAPS) || !tok_is(t, F_COMMON) || n < 6 ||
        i + 2 >= e + 1 || !tok_is(tok(doc, i + 1), F_FIRST_MALE | F_FIRST_FEMALE) || i + 2 >= e)
        return 0;
    static const char *const suffixes[] = {"ist", "er", "or", "ian", "ant", "ent"};
    for (size_t k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++) {
        size_t m = strlen(suffixes[k]);
        if (!memcmp(s + n - m, suffixes[k], m))
            return 1;
    }
    return 0;
}

static size_t title_before_name(ng_doc *doc, size_t i, size_t e, uint64_t *feats, uint32_t *aux)
{
    if (agent_noun_title(doc, i, e)) {
        *feats = F_ROLE;
        *aux = 0;
        return 1;
    }
    size_t k = match_phrase(doc, i, F_TITLE | F_ROLE, feats, aux);
    if (!k || i + k >= e || !(tok(doc, i)->flags & TF_CAP))
        return 0;
    /* "the U.S. Attorney's Office": a possessed title names an office */
    if (tok_is_clitic_s(doc, tok(doc, i + k)))
        return 0;
    /* A role word only counts as a title when a personal name follows:
     * "Singer Dev Ramaswami", not "Morning Star Partners". */
    const token *n = tok(doc, i + k);
    if (!(*feats & F_TITLE) && !(e - (i + k) >= 2 || tok_is(n, F_PERSONAL_NAME)))
        return 0;
    if (tok_is(tok(doc, e - 1), F_ORG_WORD) && (tok(doc, e - 1)->flags & TF_CAP) && !tok_is(n, F_FIRST_MALE | F_FIRST_FEMALE))
        return 0; /* "Chief Executive Partners" */
    return k;
}

static size_t strip_titles(ng_doc *doc, mention *m)
{
    size_t b = m->first_tok;
    while (b < m->end_tok) {
        uint64_t feats;
        uint32_t aux;
        size_t k = title_before_name(doc, b, m->end_tok, &feats, &aux);
        if (!k)
            break;
        /* A title is a title only when a name follows it. */
        m->title_tok = (int32_t)b;
        m->flags |= MF_TITLED;
        if (aux & AUX_GENDER_MASK)
            m->gender = (uint8_t)(aux & AUX_GENDER_MASK);
        b += k;
    }
    return b;
}

static void mark_context(ng_doc *doc, mention *m)
{
    size_t b = m->first_tok, e = m->end_tok;
    /* Role noun right before: "chief executive Ingrid Vos", "model and TV
     * personality Chrissy Teigen". */
    if (b > 0) {
        const token *p = tok(doc, b - 1);
        int verb_like = tok_eq(doc, p, "host") || tok_eq(doc, p, "model") || tok_eq(doc, p, "star") ||
                        tok_eq(doc, p, "coach") || tok_eq(doc, p, "judge") || tok_eq(doc, p, "chair") ||
                        tok_eq(doc, p, "pilot") || tok_eq(doc, p, "guard") || tok_eq(doc, p, "captain") ||
                        tok_eq(doc, p, "lead") || tok_eq(doc, p, "head") || tok_eq(doc, p, "witness") ||
                        tok_eq(doc, p, "nurse") || tok_eq(doc, p, "manager");
        /* "host Castlegate on Tuesday": such a word is a verb unless a
         * determiner or a capitalized modifier makes it a noun ("the coach",
         * "TV host Jane Roe"). */
        if (verb_like && b >= 2 && (tok_is(tok(doc, b - 2), F_DET) || (tok(doc, b - 2)->flags & TF_CAP)))
            verb_like = 0;
        if (p->kind == TK_WORD && tok_is(p, F_ROLE | F_TITLE) && !tok_is(p, F_ORG_ANAPHOR) && !verb_like &&
            (p->flags & TF_LOWER) && p->sent == tok(doc, b)->sent) {
            m->flags |= MF_ROLE_BEFORE;
            m->role_tok = (int32_t)(b - 1);
        }
    }
    /* "Her daughter, Dr Isla Reid,": the role before the comma gives the
     * person named after it a gender */
    size_t fb = m->title_tok >= 0 ? (size_t)m->title_tok : b;
    if (fb >= 2 && tok_is_punct(doc, tok(doc, fb - 1), ',') && !m->gender) {
        size_t r = fb - 2;
        const token *rt = tok(doc, r);
        if (rt->kind == TK_WORD && (rt->flags & TF_LOWER) && tok_is(rt, F_ROLE | F_KINSHIP) &&
            (rt->aux & AUX_GENDER_MASK) && (rt->aux & AUX_GENDER_MASK) != AUX_NEUTER && rt->sent == tok(doc, b)->sent)
            m->gender = (uint8_t)(rt->aux & AUX_GENDER_MASK);
    }
    /* After: "'s", an age ("Smith, 45,"), a role appositive ("Vos, an analyst"). */
    if (e < doc->toks.n) {
        const token *n = tok(doc, e);
        if ((n->flags & TF_CLITIC) && tok_is_clitic_s(doc, n))
            m->flags |= MF_POSSESSIVE;
        /* "Haskins' mother": an apostrophe right after a final s */
        if (n->kind == TK_QUOTE && !(n->flags & (TF_SPACE_BEFORE | TF_QUOTE_OPEN | TF_QUOTE_CLOSE)) &&
            (n->qmark == QM_SINGLE || n->qmark == QM_SINGLE_CLOSE) && doc->text[m->end - 1] == 's')
            m->flags |= MF_POSSESSIVE;
        if (tok_is_punct(doc, n, ',') && e + 1 < doc->toks.n) {
            const token *a = tok(doc, e + 1);
            if (a->kind == TK_NUMBER && a->end - a->start <= 3 && e + 2 < doc->toks.n &&
                tok_is_punct(doc, tok(doc, e + 2), ','))
                m->flags |= MF_AGE;
            size_t k = e + 1;
            if (k < doc->toks.n && tok_is(tok(doc, k), F_DET))
                k++;
            for (size_t q = k; q < doc->toks.n && q < k + 4; q++) {
                const token *r = tok(doc, q);
                if (r->kind != TK_WORD || !(r->flags & TF_LOWER))
                    break;
                /* "Richmond, Va., with his wife": no appositive */
                if (tok_is(r, F_PREP | F_PRONOUN | F_CONJ | F_AUX | F_MODAL | F_CUE | F_SUBORD | F_RELATIVE) &&
                    !tok_is(r, F_ROLE | F_DET) && !(tok_is(r, F_PRONOUN) && (r->aux & AUX_POSSESSIVE)))
                    break; /* but "Isla Reid, his daughter," is one */
                if (tok_is(r, F_ROLE) && !tok_is(r, F_GENERIC)) {
                    /* ", the developer," is a firm; ", chief executive Annika
                     * Solberg-Hale told" is the next person's title. */
                    int name_follows = q + 1 < doc->toks.n && (tok(doc, q + 1)->flags & TF_CAP) &&
                                       tok(doc, q + 1)->kind == TK_WORD;
                    /* "Orange County, Calif., sheriff's office": a possessor,
                     * no appositive */
                    int possessor = q + 1 < doc->toks.n && tok_is_clitic_s(doc, tok(doc, q + 1));
                    if (tok_is(r, F_ORG_ANAPHOR) || name_follows || possessor)
                        break;
                    m->flags |= MF_APPOS_ROLE;
                    m->role_tok = (int32_t)q;
                    if (r->aux & AUX_GENDER_MASK)
                        m->gender = (uint8_t)(r->aux & AUX_GENDER_MASK);
                    break;
                }
            }
        }
    }
}

static void add_name(ng_doc *doc, size_t b, size_t e)
{
    const token *first = tok(doc, b);
    const paragraph *p = &doc->paras.v[first->para];
    mention m;
    memset(&m, 0, sizeof m);
    m.kind = MK_NAME;
    m.entity = -1;
    m.title_tok = -1;
    m.role_tok = -1;
    m.first_tok = (uint32_t)b;
    m.end_tok = (uint32_t)e;
    size_t nb = strip_titles(doc, &m);
    m.first_tok = (uint32_t)nb;
    /* Trailing particles never end a name. */
    while (m.end_tok > m.first_tok && is_particle(tok(doc, m.end_tok - 1)))
        m.end_tok--;
    if (m.end_tok <= m.first_tok)
        return;
    m.start = tok(doc, m.first_tok)->start;
    m.end = tok(doc, m.end_tok - 1)->end;
    if (first->flags & TF_IN_QUOTE)
        m.flags |= MF_IN_QUOTE;
    if (p->kind == PARA_TITLE)
        m.flags |= MF_IN_TITLE;
    if (p->kind == PARA_CAPTION || p->kind == PARA_CAPTION_HEAD || p->kind == PARA_CREDIT)
        m.flags |= MF_IN_CAPTION;
    if (p->credit_end > p->credit_start && m.start >= p->credit_start && m.end <= p->credit_end)
        m.flags |= MF_CREDIT;
    if (tok(doc, m.first_tok)->flags & TF_DATELINE)
        m.flags |= MF_DATELINE;
    if (tok(doc, m.first_tok)->flags & TF_ALLCAPS)
        m.flags |= MF_ALLCAPS;
    if (at_sentence_start(doc, b))
        m.flags |= MF_SENT_INITIAL;
    /* A first name tells the gender only where it stands first in a full
     * name: "Rollins" alone is a surname, whatever the lists say. */
    if (!m.gender && m.title_tok < 0 && m.end_tok - m.first_tok >= 2)
        m.gender = gender_of_first_name(tok(doc, m.first_tok));
    mark_context(doc, &m);
    guess_type(doc, &m);
    if (m.flags & MF_DATELINE)
        m.type_hint = NG_LOC;
    *VEC_PUSH(&doc->mentions) = m;
}

/* The words the article capitalizes inside sentences: proper nouns of this
 * article. A word of this set that starts a sentence keeps its name
 * ("Whitlow said", though the dictionary knows a whitlow). */
typedef struct word_set {
    uint64_t *slots;
    size_t mask;
} word_set;

static uint64_t word_hash(const ng_doc *doc, const token *t)
{
    (void)doc;
    return t->hash ? t->hash : ((uint64_t)t->start << 1) | 1; /* too long to hash: unique */
}

static int is_midsentence_name(const ng_doc *doc, size_t i)
{
    const token *t = tok(doc, i);
    if (t->kind != TK_WORD || !(t->flags & TF_CAP) || (t->flags & (TF_ALLCAPS | TF_SENT_START)))
        return 0; /* the cheap tests first: most tokens end here */
    return is_name_word(doc, t) && !at_sentence_start(doc, i) && !is_function_word(t) &&
           !in_para_kind(doc, t, PARA_TITLE) && !(t->flags & TF_ALLCAPS) &&
           !tok_is(t, F_GENERIC | F_ORG_WORD | F_LOC_WORD | F_TITLE | F_ROLE | F_ORG_ANAPHOR);
}

static void proper_words(ng_doc *doc, word_set *set)
{
    /* One pass finds the words (marked TF_MIDSENTENCE_NAME), then the set
     * is sized for them. */
    size_t count = 0;
    for (size_t i = 0; i < doc->toks.n; i++)
        if (is_midsentence_name(doc, i)) {
            doc->toks.v[i].flags |= TF_MIDSENTENCE_NAME;
            count++;
        }
    size_t cap = 16;
    while (cap < count * 2 + 2)
        cap <<= 1;
    set->slots = ng_xcalloc(cap, sizeof *set->slots);
    set->mask = cap - 1;
    for (size_t i = 0; i < doc->toks.n && count; i++) {
        if (!(doc->toks.v[i].flags & TF_MIDSENTENCE_NAME))
            continue;
        count--;
        uint64_t h = word_hash(doc, tok(doc, i));
        size_t k = (size_t)h & set->mask;
        while (set->slots[k] && set->slots[k] != h)
            k = (k + 1) & set->mask;
        set->slots[k] = h;
    }
}

static int in_word_set(const ng_doc *doc, const word_set *set, const token *t)
{
    uint64_t h = word_hash(doc, t);
    size_t k = (size_t)h & set->mask;
    while (set->slots[k]) {
        if (set->slots[k] == h)
            return 1;
        k = (k + 1) & set->mask;
    }
    return 0;
}

static void find_names(ng_doc *doc, size_t i0, size_t limit, const word_set *proper)
{
    for (size_t i = i0; i < limit;) {
        const token *t = tok(doc, i);
        /* "April Ryan": a month that is a first name, before another name word. */
        if (tok_is(t, F_MONTH) && tok_is(t, F_FIRST_FEMALE | F_FIRST_MALE) && (t->flags & TF_CAP) &&
            !(t->flags & TF_ABBREV_DOT) && i + 1 < limit && is_name_word(doc, tok(doc, i + 1)) &&
            same_run(doc, i, i + 1)) {
            size_t e = name_run_end(doc, i + 1, limit);
            add_name(doc, i, e);
            i = e;
            continue;
        }
        int starts = is_name_word(doc, t) ||
                     (is_particle(t) && i + 1 < limit && is_name_word(doc, tok(doc, i + 1)) &&
                      !tok_eq(doc, t, "la") && !tok_eq(doc, t, "le") && !tok_eq(doc, t, "y"));
        if (!starts) {
            i++;
            continue;
        }
        size_t e = name_run_end(doc, i, limit);
        if (e <= i) {
            i++;
            continue;
        }
        /* Drop an ordinary word that is capitalized only because it starts the
         * sentence. */
        size_t b = i;
        while (b < e && at_sentence_start(doc, b) &&
               is_ordinary_sentence_start(tok(doc, b), b + 1 < e ? tok(doc, b + 1) : NULL,
                                          b + 1 < doc->toks.n ? tok(doc, b + 1) : NULL) &&
               (is_function_word(tok(doc, b)) || !in_word_set(doc, proper, tok(doc, b)))) {
            b++;
            while (b < e && !is_name_word(doc, tok(doc, b)) && !is_particle(tok(doc, b)))
                b++;
        }
        /* Function words are never names, wherever they stand. */
        while (b < e && is_function_word(tok(doc, b)) && !tok_is(tok(doc, b), F_KNOWN_ORG | F_PERSONAL_NAME))
            b++;
        /* "Tolliver County Prosecutor Janine Marsh": a title inside the run
         * starts the person's name; what stands before it is a name of its
         * own (or an ordinary word, dropped). */
        for (size_t p = b + 1; p + 1 < e; p++) {
            uint64_t f;
            uint32_t a;
            if (!title_before_name(doc, p, e, &f, &a) || is_connector(doc, tok(doc, p - 1)))
                continue;
            if (p - b > 1 || !tok_is(tok(doc, b), F_COMMON) || tok_is(tok(doc, b), F_PLACE | F_KNOWN_ORG))
                add_name(doc, b, p);
            b = p;
            break;
        }
        while (b < e) {
            size_t s = split_at_connector(doc, b, e);
            size_t end = s;
            while (end > b && (is_connector(doc, tok(doc, end - 1)) || is_particle(tok(doc, end - 1))))
                end--;
            if (end > b)
                add_name(doc, b, end);
            b = s;
            while (b < e && !is_name_word(doc, tok(doc, b)))
                b++;
        }
        i = e > i ? e : i + 1;
    }
}

/* "By Lukas Brandauer and Sofia Pellegrini", "By Priya Sandhu, Transport
 * Correspondent", "By JANE SMITH, Associated Press": the writers' names are
 * the capitalized runs after "By", up to the first comma. */
static void find_byline_names(ng_doc *doc, size_t b, size_t e)
{
    size_t i = b;
    if (i < e && tok_eq(doc, tok(doc, i), "by"))
        i++;
    while (i < e && !tok_is_punct(doc, tok(doc, i), ',') && !tok_is_punct(doc, tok(doc, i), '|')) {
        const token *t = tok(doc, i);
        /* "By Gareth Linden at Brookfield Park": the names end at any small
         * word but "and" */
        if (t->kind == TK_WORD && (t->flags & TF_LOWER) && !tok_eq(doc, t, "and") && !is_particle(t))
            break;
        if (t->kind != TK_WORD || !(t->flags & TF_CAP)) {
            i++;
            continue;
        }
        /* "By MEREDITH KOSTER Associated Press": the name ends where the
         * capitals do, and a known organization is no writer. */
        size_t k = i;
        int caps = (t->flags & TF_ALLCAPS) != 0;
        while (k < e && tok(doc, k)->kind == TK_WORD && ((tok(doc, k)->flags & TF_CAP) || is_particle(tok(doc, k))) &&
               (k == i || ((tok(doc, k)->flags & TF_ALLCAPS) != 0) == caps) && !(tok(doc, k)->flags & TF_NL_BEFORE))
            k++;
        if (k == i) { /* a capital after a line break: no name here (and no endless loop) */
            i++;
            continue;
        }
        uint64_t f;
        uint32_t a;
        if (match_phrase(doc, i, F_KNOWN_ORG | F_ORG_WORD, &f, &a) >= k - i || tok_is(t, F_KNOWN_ORG)) {
            i = k;
            continue;
        }
        size_t before = doc->mentions.n;
        add_name(doc, i, k);
        for (size_t m = before; m < doc->mentions.n; m++) {
            doc->mentions.v[m].flags |= MF_BYLINE | (caps ? MF_DATELINE : 0); /* capitals: typography */
            doc->mentions.v[m].type_hint = NG_PERSON;
        }
        i = k;
    }
}

/* ---- pronouns and descriptions ---------------------------------------------------- */

static void add_simple(ng_doc *doc, size_t b, size_t e, mention_kind kind, uint8_t gender, uint8_t plural,
                       uint8_t type_hint, uint8_t org_class)
{
    mention *m = VEC_PUSH(&doc->mentions);
    m->kind = kind;
    m->entity = -1;
    m->title_tok = -1;
    m->role_tok = -1;
    m->first_tok = (uint32_t)b;
    m->end_tok = (uint32_t)e;
    m->start = tok(doc, b)->start;
    m->end = tok(doc, e - 1)->end;
    m->gender = gender;
    m->plural = plural;
    m->type_hint = type_hint;
    m->org_class = org_class;
    if (tok(doc, b)->flags & TF_IN_QUOTE)
        m->flags |= MF_IN_QUOTE;
    para_kind pk = doc->paras.v[tok(doc, b)->para].kind;
    if (pk == PARA_TITLE)
        m->flags |= MF_IN_TITLE;
    if (pk == PARA_CAPTION || pk == PARA_CAPTION_HEAD || pk == PARA_CREDIT)
        m->flags |= MF_IN_CAPTION;
}

static int ends_in_ed(const ng_doc *doc, const token *t)
{
    size_t n = t->end - t->start;
    return n > 3 && doc->text[t->end - 2] == 'e' && doc->text[t->end - 1] == 'd';
}

/* Is byte `pos` inside a name found before? Names are in text order, so the
 * last one decides. */
static int mention_covers(const ng_doc *doc, uint32_t pos)
{
    size_t n = doc->names_end;
    if (!n)
        return 0;
    /* binary search over the names (sorted, not overlapping) */
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const mention *m = &doc->mentions.v[mid];
        if (m->end <= pos)
            lo = mid + 1;
        else if (m->start > pos)
            hi = mid;
        else
            return 1;
    }
    return 0;
}

/* "the company", "the agency", "the 29-year-old", "police". */
static size_t find_nominal(ng_doc *doc, size_t i, size_t limit)
{
    const token *t = tok(doc, i);
    /* "police" alone, not in a name ("Police said", "said police"). */
    if (tok_eq(doc, t, "police") && !(i > 0 && (tok(doc, i - 1)->flags & TF_CAP) && tok(doc, i - 1)->kind == TK_WORD &&
                                     !(t->flags & TF_SENT_START) && (t->flags & TF_CAP)) &&
        !(i + 1 < limit && (tok(doc, i + 1)->flags & TF_CAP) && tok(doc, i + 1)->kind == TK_WORD &&
          tok_is(tok(doc, i + 1), F_ORG_WORD)) &&
        mention_covers(doc, t->start) == 0) {
        add_simple(doc, i, i + 1, MK_NOMINAL, AUX_NEUTER, 1, NG_ORG, ORG_POLICE);
        return 1;
    }
    if (!tok_eq(doc, t, "the") || i + 1 >= limit)
        return 0;
    /* "the company", "the agency", and with modifiers "the world's
     * third-largest contract chipmaker", "the German carmaker". */
    for (size_t h = i + 1; h < limit && h < i + 7; h++) {
        const token *n = tok(doc, h);
        if (n->sent != t->sent)
            break;
        if (n->kind == TK_WORD && (n->flags & TF_LOWER) && tok_is(n, F_ORG_ANAPHOR)) {
            /* Not "the company Harbor Freight Lines" (the name follows) nor "the
             * company town" (a compound). */
            if (h + 1 < limit && tok(doc, h + 1)->kind == TK_WORD && tok(doc, h + 1)->sent == t->sent &&
                ((tok(doc, h + 1)->flags & TF_CAP) ||
                 (tok_is(tok(doc, h + 1), F_COMMON) && !tok_is(tok(doc, h + 1), F_AUX | F_MODAL | F_CUE | F_PREP |
                                                                    F_CONJ | F_SUBORD | F_RELATIVE | F_ADVERB | F_PAST_VERB) &&
                  !(tok(doc, h + 1)->flags & TF_CLITIC) && !ends_in_ed(doc, tok(doc, h + 1)))))
                return 0;
            uint8_t cls = (uint8_t)((n->aux & AUX_ORG_CLASS_MASK) >> AUX_ORG_CLASS_SHIFT);
            add_simple(doc, i, h + 1, MK_NOMINAL, AUX_NEUTER, 0, NG_ORG, cls);
            return h + 1 - i;
        }
        int modifier = (n->kind == TK_WORD && (n->flags & TF_LOWER) &&
                        !tok_is(n, F_AUX | F_MODAL | F_CUE | F_PREP | F_CONJ | F_SUBORD | F_RELATIVE | F_DET |
                                       F_PRONOUN | F_ROLE | F_GENERIC)) ||
                       (n->flags & TF_CLITIC && tok_is_clitic_s(doc, n)) || n->kind == TK_NUMBER ||
                       (n->kind == TK_WORD && tok_is(n, F_DEMONYM | F_PLACE | F_COUNTRY) && (n->flags & TF_CAP));
        if (!modifier)
            break;
    }
    const token *n = tok(doc, i + 1);
    if (tok_eq(doc, n, "police") && !(i + 2 < limit && (tok(doc, i + 2)->flags & TF_CAP) &&
                                     tok(doc, i + 2)->kind == TK_WORD)) {
        add_simple(doc, i, i + 2, MK_NOMINAL, AUX_NEUTER, 1, NG_ORG, ORG_POLICE);
        return 2;
    }
    if ((n->kind == TK_NUMBER || n->kind == TK_WORD) && (n->flags & TF_HYPHEN)) {
        /* "the 29-year-old" */
        size_t len = n->end - n->start;
        if (len > 9 && !memcmp(doc->text + n->end - 9, "-year-old", 9)) {
            add_simple(doc, i, i + 2, MK_NOMINAL, 0, 0, NG_PERSON, 0);
            return 2;
        }
    }
    return 0;
}

void find_mentions(ng_doc *doc)
{
    size_t n = doc->toks.n;
    word_set proper;
    proper_words(doc, &proper);
    for (size_t i = 0; i < n;) {
        /* Paragraph by paragraph; bylines name the writer, not the story. */
        size_t e = i + 1;
        while (e < n && tok(doc, e)->para == tok(doc, i)->para)
            e++;
        if (!in_para_kind(doc, tok(doc, i), PARA_BYLINE))
            find_names(doc, i, e, &proper);
        else
            find_byline_names(doc, i, e);
        i = e;
    }
    free(proper.slots);
    /* Pronouns and descriptions, merged in text order with the names. */
    size_t names = doc->mentions.n;
    doc->names_end = names;
    for (size_t i = 0; i < n; i++) {
        const token *t = tok(doc, i);
        if (in_para_kind(doc, t, PARA_BYLINE))
            continue;
        if (t->kind == TK_WORD && tok_is(t, F_PRONOUN) && !(t->aux & AUX_FIRST_PERSON) &&
            (t->aux & (AUX_GENDER_MASK | AUX_PLURAL)) && !(t->flags & TF_CLITIC)) {
            /* "US" in capitals is a country, not "us". */
            if ((t->flags & TF_ALLCAPS) && t->end - t->start > 1)
                continue;
            uint8_t g = (uint8_t)(t->aux & AUX_GENDER_MASK);
            add_simple(doc, i, i + 1, MK_PRONOUN, g, (t->aux & AUX_PLURAL) != 0, TYPE_UNKNOWN, 0);
            continue;
        }
        size_t k = find_nominal(doc, i, n);
        if (k)
            i += k - 1;
    }
    /* Keep mentions in text order. Names are already ordered, and so are the
     * rest: merge the two runs. */
    size_t total = doc->mentions.n;
    if (names == 0 || names == total)
        return;
    mention *merged = ng_xrealloc(NULL, total * sizeof *merged);
    size_t a = 0, b = names, o = 0;
    while (a < names || b < total) {
        if (b >= total || (a < names && doc->mentions.v[a].start <= doc->mentions.v[b].start))
            merged[o++] = doc->mentions.v[a++];
        else
            merged[o++] = doc->mentions.v[b++];
    }
    memcpy(doc->mentions.v, merged, total * sizeof *merged);
    free(merged);
}
