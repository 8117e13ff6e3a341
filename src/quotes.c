/*
 * Quotes: who said what.
 *
 * Direct quotes are the quote spans of tokens.c that read as speech. Each is
 * attributed by the frames news prose uses around a quotation:
 *
 *   after it    '"...," she wrote'   '"...," said Daniel Yergin, director of ...'
 *               '"...," de Graaf said.'   '"...," according to police.'
 *   before it   'Smith said: "..."'   'She wrote in a memo: "..."'
 *               'Smith said the plan was "dead on arrival."'  (a partial quote)
 *   nearby      '"X," he said, "Y."' and a quote right after an attributed one
 *               of the same paragraph keep the speaker; the pieces of a quote
 *               running over paragraphs share one.
 *
 * Reported speech is found around speech verbs (cues) outside quotes:
 *
 *   'Analysts said (that) the move had been expected.'      subject, cue, clause
 *   'Vos told reporters that ...'                            a listener between
 *   'The cuts will save money, de Graaf said.'               clause, then cue
 *   'According to Pieter de Graaf, the cuts would ...'       according to
 *   '..., going on to explain that ...', 'by saying that'    the main subject speaks
 *
 * A speaker phrase resolves to an entity (a name, or a pronoun or "the
 * company" that entities.c resolved), to a generic source kept as written
 * ("analysts", "police"), or to nothing: an unresolved "he" gives a null
 * speaker, never a guess.
 */
#include "internal.h"

#include <ctype.h>

static const token *tok(const ng_doc *doc, size_t i)
{
    return &doc->toks.v[i];
}

static NG_ALWAYS_INLINE int is_punct(const ng_doc *doc, size_t i, char c)
{
    return i < doc->toks.n && tok_is_punct(doc, tok(doc, i), c);
}

static NG_ALWAYS_INLINE int word_is(const ng_doc *doc, size_t i, const char *w)
{
    return i < doc->toks.n && tok(doc, i)->kind == TK_WORD && tok_eq(doc, tok(doc, i), w);
}

static int lower_word(const token *t)
{
    return t->kind == TK_WORD && (t->flags & TF_LOWER);
}

/* A lower-case word that reads as a finite or participle verb. */
static int is_verbish(const ng_doc *doc, const token *t)
{
    if (!lower_word(t) || tok_is(t, F_DET | F_PREP | F_PRONOUN | F_ROLE | F_GENERIC | F_ORG_ANAPHOR))
        return 0;
    if (tok_is(t, F_AUX | F_MODAL | F_PAST_VERB | F_CUE))
        return 1;
    size_t n = t->end - t->start;
    const char *s = doc->text + t->start;
    return n > 4 && s[n - 2] == 'e' && s[n - 1] == 'd' && !tok_is(t, F_ADVERB);
}

/* "Parise's two-goal performance": a possessive 's, which is no verb
 * ("he's playing" has one). */
static int is_possessive_s(const ng_doc *doc, size_t i)
{
    const token *t = tok(doc, i);
    if (!(t->flags & TF_CLITIC) || !tok_is_clitic_s(doc, t) || i == 0)
        return 0;
    const token *p = tok(doc, i - 1);
    return p->kind == TK_WORD && !tok_is(p, F_PRONOUN | F_RELATIVE | F_STOP | F_DET);
}

static int is_ing(const ng_doc *doc, const token *t)
{
    size_t n = t->end - t->start;
    const char *s = doc->text + t->start;
    return lower_word(t) && n > 5 && !memcmp(s + n - 3, "ing", 3) && !tok_is(t, F_PREP | F_DET) &&
           !tok_eq(doc, t, "nothing") && !tok_eq(doc, t, "something") && !tok_eq(doc, t, "anything") &&
           !tok_eq(doc, t, "everything") && !tok_eq(doc, t, "morning") && !tok_eq(doc, t, "evening") &&
           !tok_eq(doc, t, "building") && !tok_eq(doc, t, "meeting") && !tok_eq(doc, t, "thing") &&
           !tok_eq(doc, t, "spring") && !tok_eq(doc, t, "funding") && !tok_eq(doc, t, "hearing");
}

/* ---- the body: sentences that can hold quotes ------------------------------------ */

static int body_sentence(const ng_doc *doc, const sentence *s)
{
    return doc->paras.v[s->para].kind == PARA_BODY;
}

/* The first token of a sentence after its dateline. */
static size_t sentence_begin(const ng_doc *doc, const sentence *s)
{
    size_t i = s->first_tok;
    while (i < s->end_tok && (tok(doc, i)->flags & TF_DATELINE))
        i++;
    return i;
}

/* ---- cues ----------------------------------------------------------------------------- */

/* Is token i a speech verb used as a verb (not "the post", "a statement")?
 * Returns the cue's length in tokens ("according to", "pointed out": 2). */
static size_t cue_at(const ng_doc *doc, size_t i)
{
    const token *t = tok(doc, i);
    if (!(t->feats & (F_CUE | F_CUE_PREFIX)) || t->kind != TK_WORD || (t->flags & TF_IN_QUOTE) ||
        !(t->flags & (TF_LOWER | TF_SENT_START)))
        return 0;
    uint64_t feats = 0;
    uint32_t aux = 0;
    size_t k = match_phrase(doc, i, F_CUE, &feats, &aux);
    if (!k)
        return 0;
    /* "pleaded guilty", "pleads not guilty": a plea, not speech */
    if (i + 1 < doc->toks.n && (word_is(doc, i, "pleaded") || word_is(doc, i, "pleads") || word_is(doc, i, "plead") ||
                                word_is(doc, i, "pled") || word_is(doc, i, "pleading")) &&
        (word_is(doc, i + 1, "guilty") || word_is(doc, i + 1, "not") || word_is(doc, i + 1, "no") ||
         word_is(doc, i + 1, "innocent")))
        return 0;
    /* "could be announced", "was reported": a passive reports no speaker's act */
    {
        size_t p = i;
        while (p > 0 && tok_is(tok(doc, p - 1), F_ADVERB | F_NEGATION) && lower_word(tok(doc, p - 1)))
            p--; /* "was not announced" */
        if (p > 0 && (word_is(doc, p - 1, "be") || word_is(doc, p - 1, "been") || word_is(doc, p - 1, "being") ||
                      word_is(doc, p - 1, "is") || word_is(doc, p - 1, "are") || word_is(doc, p - 1, "was") ||
                      word_is(doc, p - 1, "were")) &&
            !(feats & F_CUE_ING))
            return 0;
    }
    if (i > 0) {
        const token *p = tok(doc, i - 1);
        /* "her post", "the statement", "a claim", "in comments": nouns. */
        if (tok_is(p, F_DET) && !tok_is(p, F_PRONOUN) && lower_word(p))
            return 0;
        if (tok_is(p, F_PRONOUN) && (p->aux & AUX_POSSESSIVE) && !(p->aux & AUX_OBJECT_CASE))
            return 0;
        if (is_possessive_s(doc, i - 1)) /* "Trump's call with Zelenskiy" */
            return 0;
        if (tok_is(p, F_PREP) && !tok_eq(doc, p, "to") && !(feats & F_CUE_ING) && k == 1)
            return 0;
        if (tok_is(p, F_ADVERB) == 0 && lower_word(p) && tok_eq(doc, p, "the"))
            return 0;
        /* "10-year notes", "two reports", "3 comments": counted nouns */
        if ((p->kind == TK_NUMBER || tok_is(p, F_NUMBER_WORD)) && !(feats & F_CUE_ING) && k == 1)
            return 0;
    }
    return k;
}

static uint64_t cue_feats(const ng_doc *doc, size_t i, uint32_t *aux)
{
    uint64_t feats = 0;
    *aux = 0;
    match_phrase(doc, i, F_CUE, &feats, aux);
    return feats;
}

static int is_according_to(const ng_doc *doc, size_t i)
{
    return word_is(doc, i, "according") && word_is(doc, i + 1, "to");
}

/* A cue in a form that has a subject of its own: "said", "says", "would say",
 * "has told", "did not deny". */
static int finite_cue(const ng_doc *doc, size_t i)
{
    uint32_t aux;
    uint64_t f = cue_feats(doc, i, &aux);
    if (aux & (AUX_CUE_PAST | AUX_CUE_PRESENT))
        return 1;
    if ((f & F_CUE_BASE) && i > 0) {
        size_t k = i;
        while (k > 0 && tok_is(tok(doc, k - 1), F_ADVERB) && lower_word(tok(doc, k - 1)))
            k--;
        if (k == 0)
            return 0;
        const token *p = tok(doc, k - 1);
        if (tok_is(p, F_MODAL | F_AUX | F_NEGATION))
            return 1;
        /* the present tense of a plural or first-person subject: "Experts
         * say", "they say", "officials warn" */
        if (word_is(doc, k - 1, "to"))
            return 0;
        if (tok_is(p, F_GENERIC) || (tok_is(p, F_PRONOUN) && (p->aux & (AUX_PLURAL | AUX_FIRST_PERSON)) &&
                                     !(p->aux & (AUX_POSSESSIVE | AUX_OBJECT_CASE))))
            return 1;
        /* "White House advisers say": a plural noun */
        size_t pn = p->end - p->start;
        if (lower_word(p) && pn > 4 && doc->text[p->end - 1] == 's' && doc->text[p->end - 2] != 's' &&
            !tok_is(p, F_CUE | F_AUX | F_MODAL | F_PAST_VERB | F_PRESENT_VERB | F_ADVERB | F_PREP | F_PRONOUN))
            return 1;
        /* "people familiar with the talks say": a generic source heads the
         * phrase */
        for (size_t x = k - 1; x > 0 && k - 1 - x < 6; x--) {
            const token *q = tok(doc, x - 1);
            if (q->kind != TK_WORD || (q->flags & TF_IN_QUOTE))
                break;
            if (lower_word(q) && tok_is(q, F_GENERIC) && !tok_is(q, F_PRONOUN))
                return 1;
        }
        return 0;
    }
    if ((f & F_CUE_ING) && i > 0)
        return tok_is(tok(doc, i - 1), F_AUX); /* "was telling" */
    return 0;
}

/* ---- speaker phrases ---------------------------------------------------------------------- */

/* A word at a sentence start, capitalized only for being there ("While"). */
static int lower_word_at_start(const ng_doc *doc, size_t i)
{
    const token *t = tok(doc, i);
    return t->kind == TK_WORD && !(t->flags & TF_ALLCAPS) && ((t->flags & TF_LOWER) || (t->flags & TF_SENT_START));
}

/* Can token t be part of a subject noun phrase? */
static int np_token(const ng_doc *doc, size_t i)
{
    const token *t = tok(doc, i);
    if (t->flags & TF_IN_QUOTE)
        return 0;
    switch (t->kind) {
    case TK_NUMBER:
        return 1;
    case TK_QUOTE:
        /* "the dockworkers' union": an apostrophe closing a plural */
        return !(t->flags & (TF_QUOTE_OPEN | TF_QUOTE_CLOSE)) && i > 0 && tok(doc, i - 1)->kind == TK_WORD &&
               !(t->flags & TF_SPACE_BEFORE);
    case TK_WORD:
        break;
    default:
        /* "a 5.8% rise", "$4 billion", "£300": amounts inside a phrase */
        if (t->kind == TK_SYMBOL) {
            const char *c = doc->text + t->start;
            return *c == '%' || *c == '$' || *c == '&' || !strncmp(c, "\xc2\xa3", 2) || !strncmp(c, "\xe2\x82\xac", 3);
        }
        return tok_is_punct(doc, t, '.');
    }
    if (t->flags & (TF_CAP | TF_ALLCAPS))
        return !tok_is(t, F_SUBORD | F_RELATIVE) || tok_is(t, F_PRONOUN) ||
               ((t->flags & TF_ALLCAPS) && t->end - t->start >= 3); /* "WHO" */
    if (t->flags & TF_CLITIC)
        return tok_is_clitic_s(doc, t);
    if (tok_is(t, F_CUE | F_AUX | F_MODAL | F_SUBORD | F_RELATIVE | F_CONJ | F_NEGATION) &&
        !tok_is(t, F_ROLE | F_GENERIC | F_DET | F_QUANT | F_ORG_ANAPHOR))
        return tok_eq(doc, t, "and") || tok_eq(doc, t, "&");
    if (tok_is(t, F_PREP))
        return tok_eq(doc, t, "for") || tok_eq(doc, t, "of") || tok_eq(doc, t, "at") || tok_eq(doc, t, "with") ||
               tok_eq(doc, t, "in") || tok_eq(doc, t, "from") || tok_eq(doc, t, "on") /* "experts on jail suicide" */;
    if (is_verbish(doc, t) && !tok_is(t, F_ROLE | F_GENERIC))
        return 0;
    return 1;
}

/* After a speaker phrase and before its verb: "Smith, 45," "Vos, an analyst at
 * Kestrel Securities," "Smith, who was arrested in May,". Given the comma that
 * ends the appositive (at `close`), returns the comma that opens it, or 0. */
static size_t appositive_start(const ng_doc *doc, size_t close, size_t floor)
{
    for (size_t k = close; k > floor + 1 && close - k < 24; k--) {
        size_t j = k - 1;
        if (tok(doc, j)->flags & TF_IN_QUOTE)
            continue; /* a title: 'who starred in "Salt Road,"' */
        if (is_punct(doc, j, ',')) {
            const token *a = tok(doc, j + 1);
            if (tok_is(a, F_DET | F_ROLE | F_RELATIVE | F_QUANT) || a->kind == TK_NUMBER ||
                (lower_word(a) && !is_verbish(doc, a)) || (a->flags & TF_CAP))
                return j;
            /* ", asked about the criticism,": a participle phrase */
            if (lower_word(a) && is_verbish(doc, a) && !tok_is(a, F_AUX | F_MODAL) && j > floor &&
                mention_at(doc, (uint32_t)(j - 1)) >= 0)
                return j;
            return 0;
        }
        if ((is_punct(doc, j, '.') && (tok(doc, j)->flags & TF_SPACE_BEFORE)) || is_punct(doc, j, ';') ||
            (tok(doc, j)->kind == TK_QUOTE && !(tok(doc, j)->flags & (TF_QUOTE_OPEN | TF_QUOTE_CLOSE)) && 0))
            return 0;
    }
    return 0;
}

/* "people briefed on the talks": a participle between a source's noun and
 * its preposition, inside the phrase */
static int participle_in_phrase(const ng_doc *doc, size_t i)
{
    const token *t = tok(doc, i);
    return i >= 1 && i + 1 < doc->toks.n && lower_word(t) && is_verbish(doc, t) && !tok_is(t, F_AUX | F_MODAL | F_CUE) &&
           tok_is(tok(doc, i - 1), F_GENERIC | F_ROLE) && tok_is(tok(doc, i + 1), F_PREP) && lower_word(tok(doc, i + 1));
}

static int np_has_verb(const ng_doc *doc, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++)
        if (!np_token(doc, i) && !is_punct(doc, i, ',') && !participle_in_phrase(doc, i))
            return 1;
    return 0;
}

/* The subject phrase of the cue at c: back from the cue over adverbs and
 * auxiliaries, an appositive, then the phrase itself, which starts after the
 * last clause boundary. Returns 1 and [*b, *e) when it reads as a subject. */
static int subject_before(const ng_doc *doc, size_t c, size_t floor, size_t *b, size_t *e);

/* "Gov. Wallace Brantley toured the town and said ...": the subject of a
 * coordinated verb is the subject of the first verb of its clause. */
static int subject_of_coordination(const ng_doc *doc, size_t c, size_t floor, size_t *b, size_t *e)
{
    size_t lo = c > floor + 40 ? c - 40 : floor;
    for (size_t i = lo; i + 1 < c; i++) {
        const token *t = tok(doc, i);
        if (t->flags & TF_IN_QUOTE)
            continue;
        /* "the retired general", "The operator's": no verb yet */
        if (is_verbish(doc, t) && !tok_is(t, F_AUX | F_MODAL | F_CUE) && tok_is(tok(doc, i + 1), F_ROLE | F_TITLE | F_GENERIC))
            continue;
        if (is_possessive_s(doc, i))
            continue;
        if (is_verbish(doc, t) && !tok_is(t, F_AUX | F_MODAL))
            return subject_before(doc, i, floor, b, e);
        if (tok_is(t, F_AUX | F_MODAL) && lower_word(t)) {
            size_t k = i + 1;
            while (k < c && (tok_is(tok(doc, k), F_ADVERB | F_NEGATION) || tok_is(tok(doc, k), F_AUX)))
                k++;
            return subject_before(doc, i, floor, b, e);
        }
    }
    return 0;
}

/* Where a subject phrase ending at `end` starts: back over the words a noun
 * phrase is made of, to a clause boundary. */
static size_t phrase_start(const ng_doc *doc, size_t end, size_t floor)
{
    size_t start = end;
    while (start > floor) {
        const token *t = tok(doc, start - 1);
        if (t->flags & TF_DATELINE)
            break;
        if (t->kind == TK_WORD && (t->flags & TF_LOWER) &&
            (tok_eq(doc, t, "that") || tok_is(t, F_SUBORD | F_RELATIVE)) && !tok_is(t, F_PREP | F_DET))
            break;
        if (t->kind == TK_WORD && tok_eq(doc, t, "but"))
            break;
        /* "Two people briefed on the talks said": a participle inside the
         * source's phrase, after its noun and before a preposition */
        if (!np_token(doc, start - 1) && start >= floor + 2 && participle_in_phrase(doc, start - 1)) {
            start--;
            continue;
        }
        if (!np_token(doc, start - 1))
            break;
        start--;
    }
    return start;
}

/* Does the word at r open a restrictive relative clause: "who", or "that" or
 * "which" before a verb, right after a noun or a name ("the lawyer who
 * represents", "the company that runs")? Not "told reporters that the ...",
 * where "that" opens what was said. */
static int restrictive_relative(const ng_doc *doc, size_t r)
{
    if (r == 0 || r + 1 >= doc->toks.n)
        return 0;
    const token *t = tok(doc, r), *before = tok(doc, r - 1), *after = tok(doc, r + 1);
    if (!lower_word(t) || !lower_word(after) || before->kind != TK_WORD)
        return 0;
    if (lower_word(before) && (is_verbish(doc, before) || tok_is(before, F_PREP | F_DET | F_PRONOUN | F_CONJ | F_SUBORD |
                                                                           F_ADVERB | F_QUANT | F_NEGATION)))
        return 0;
    if (tok_eq(doc, t, "who"))
        return !tok_is(after, F_DET | F_PRONOUN);
    if (!tok_eq(doc, t, "that") && !tok_eq(doc, t, "which"))
        return 0;
    if (tok_is(after, F_DET | F_PREP | F_PRONOUN | F_QUANT | F_GENERIC | F_ROLE | F_PLURAL_NOUN | F_CONJ))
        return 0;
    size_t n = after->end - after->start;
    const char *w = doc->text + after->start;
    return is_verbish(doc, after) || tok_is(after, F_PRESENT_VERB) || (n > 3 && w[n - 1] == 's' && w[n - 2] != 's');
}

static int subject_before(const ng_doc *doc, size_t c, size_t floor, size_t *b, size_t *e)
{
    size_t k = c;
    while (k > floor && (tok_is(tok(doc, k - 1), F_ADVERB | F_AUX | F_NEGATION | F_MODAL) ||
                         (tok(doc, k - 1)->flags & TF_CLITIC && !tok_is_clitic_s(doc, tok(doc, k - 1))) ||
                         /* "have long warned" */
                         (word_is(doc, k - 1, "long") && k - 1 > floor && tok_is(tok(doc, k - 2), F_AUX))) &&
           lower_word(tok(doc, k - 1)))
        k--;
    while (k > floor && (tok(doc, k - 1)->flags & TF_CLITIC) && !tok_is_clitic_s(doc, tok(doc, k - 1)))
        k--;
    /* "The regulator on Wednesday ordered", "Smith last week said": a time
     * phrase between the subject and its verb. */
    if (k > floor + 2 && tok_is(tok(doc, k - 1), F_WEEKDAY | F_TIME_WORD)) {
        size_t t = k - 1;
        if (t > floor && (word_is(doc, t - 1, "on") || word_is(doc, t - 1, "last") || word_is(doc, t - 1, "this") ||
                          word_is(doc, t - 1, "earlier")))
            t--;
        if (t > floor && (t < k - 1 || tok_is(tok(doc, k - 1), F_WEEKDAY)))
            k = t;
    }
    if (k <= floor)
        return 0;
    /* "In a Tumblr post at the time she described": a subject pronoun right
     * before the verb is the whole subject */
    {
        const token *p = tok(doc, k - 1);
        if (p->kind == TK_WORD && tok_is(p, F_PRONOUN) && !(p->aux & (AUX_POSSESSIVE | AUX_OBJECT_CASE)) &&
            !tok_is(p, F_RELATIVE) && k - 1 > floor && !is_punct(doc, k - 2, ',') && mention_at(doc, (uint32_t)(k - 1)) >= 0 &&
            !tok_is(tok(doc, k - 2), F_CONJ)) {
            *b = k - 1;
            *e = k;
            return 1;
        }
    }
    /* "said Carl Brannon, president of ..., who said the city had ...": the
     * speaker is the person the relative clause hangs on, the nearest person
     * named before it. */
    if (word_is(doc, k - 1, "who") && k - 1 > floor && is_punct(doc, k - 2, ',')) {
        size_t lo = k - 2 > floor + 24 ? k - 26 : floor;
        for (size_t x = k - 2; x > lo; x--) {
            int32_t m = mention_at(doc, (uint32_t)(x - 1));
            if (m < 0 || doc->mentions.v[m].kind != MK_NAME || doc->mentions.v[m].entity < 0 ||
                doc->entities.v[doc->mentions.v[m].entity].type != NG_PERSON)
                continue;
            *b = doc->mentions.v[m].first_tok;
            *e = doc->mentions.v[m].end_tok;
            return 1;
        }
        return 0;
    }
    /* "apologised on Wednesday and admitted", but "Smith and Jones said" */
    if ((word_is(doc, k - 1, "and") || word_is(doc, k - 1, "but")) && k - 1 > floor &&
        mention_at(doc, (uint32_t)(k - 2)) < 0 && !is_punct(doc, k - 2, ',') &&
        !tok_is(tok(doc, k - 2), F_GENERIC | F_ROLE))
        return subject_of_coordination(doc, k - 1, floor, b, e);
    /* "Whitlow paused, then said" */
    if (is_punct(doc, k - 1, ',') && k - 1 > floor && is_verbish(doc, tok(doc, k - 2)) && c > k &&
        word_is(doc, k, "then"))
        return subject_of_coordination(doc, k - 1, floor, b, e);
    if ((word_is(doc, k - 1, "and") || word_is(doc, k - 1, "but")) && k - 1 > floor && is_punct(doc, k - 2, ','))
        return subject_of_coordination(doc, k - 1, floor, b, e);
    /* "The Department for Transport (DfT) said": an acronym in brackets */
    if (k >= floor + 3 && is_punct(doc, k - 1, ')') && is_punct(doc, k - 3, '(') && tok(doc, k - 2)->kind == TK_WORD)
        k -= 3;
    size_t end = k, appos_end = k;
    /* '... in the thriller "Salt Road," commented': the appositive's comma
     * is inside the quote marks. */
    if ((tok(doc, k - 1)->flags & TF_QUOTE_CLOSE) && k >= 2 && is_punct(doc, k - 2, ',') &&
        (tok(doc, k - 2)->flags & TF_IN_QUOTE)) {
        size_t open = appositive_start(doc, k - 1, floor);
        if (!open)
            return 0;
        end = open;
        appos_end = k - 1;
    } else if (is_punct(doc, k - 1, ',')) {
        size_t open = appositive_start(doc, k - 1, floor);
        if (!open)
            return 0;
        end = open;
        appos_end = k - 1;
    }
    size_t start = phrase_start(doc, end, floor);
    /* "The lawyer who represents Maria Okafor said", "The company that runs
     * the AMAs said": the walk stopped at a relative pronoun, and what it
     * found is the inside of a restrictive relative clause; the subject is
     * the phrase the clause hangs on (the appositive, if any, kept). */
    size_t rel = start;
    while (rel > floor + 1 && start - rel < 3 && lower_word(tok(doc, rel - 1)) &&
           !tok_is(tok(doc, rel - 1), F_DET | F_PREP | F_PRONOUN | F_CONJ | F_RELATIVE) && !word_is(doc, rel - 1, "that"))
        rel--; /* the verb of the clause: "who has long represented" */
    if (start < end && rel > floor + 1 && restrictive_relative(doc, rel - 1)) {
        size_t head = phrase_start(doc, rel - 1, floor);
        if (head < rel - 1) {
            if (appos_end == end)
                appos_end = rel - 1;
            end = rel - 1;
            start = head;
        }
    }
    /* "Dwayne Kessler, president of Local 418 ..., which represents ...,
     * said": the phrase found is itself an appositive; its name stands
     * before the comma. */
    int names_someone = 0;
    for (size_t x = start; x < end && !names_someone; x++)
        names_someone = mention_at(doc, (uint32_t)x) >= 0;
    if (start < end && start > floor + 1 && is_punct(doc, start - 1, ',') &&
        ((tok_is(tok(doc, start), F_DET | F_ROLE) && lower_word(tok(doc, start))) ||
         (tok(doc, start)->kind == TK_NUMBER && end - start == 1) || (!names_someone && end - start <= 2))) {
        size_t n0 = start - 1;
        while (n0 > floor && np_token(doc, n0 - 1) && (tok(doc, n0 - 1)->flags & (TF_CAP | TF_ALLCAPS)))
            n0--;
        int named = 0;
        for (size_t x = n0; x + 1 < start && !named; x++)
            named = mention_at(doc, (uint32_t)x) >= 0;
        /* "... a crash in Afghanistan, the US military said": a name after a
         * preposition ends the clause reported; it heads no appositive */
        int after_prep = n0 > floor && lower_word(tok(doc, n0 - 1)) && tok_is(tok(doc, n0 - 1), F_PREP);
        if (n0 < start - 1 && named && !after_prep)
            start = n0;
    }
    /* "Okonkwo-Lane, who is godmother to the couple's daughter, Wren, told":
     * the phrase found is the inside of a relative clause; the subject is
     * the name the clause hangs on. */
    for (size_t x = start; x > floor + 1 && start - x < 4; x--) {
        const token *r = tok(doc, x - 1);
        if (!(lower_word(r) && tok_is(r, F_RELATIVE) && is_punct(doc, x - 2, ',')))
            continue;
        int32_t m = x >= floor + 3 ? mention_at(doc, (uint32_t)(x - 3)) : -1;
        if (m < 0 || doc->mentions.v[m].kind != MK_NAME || doc->mentions.v[m].end_tok != x - 2)
            return 0;
        /* "a letter to Kevin McAleenan, who was ...": a preposition's object
         * is no subject */
        uint32_t f0 = doc->mentions.v[m].first_tok;
        if (f0 > floor && lower_word(tok(doc, f0 - 1)) && tok_is(tok(doc, f0 - 1), F_PREP))
            return 0;
        *b = doc->mentions.v[m].first_tok;
        *e = doc->mentions.v[m].end_tok;
        return 1;
    }
    /* "Last year she told ...", "On Tuesday the company said": a time phrase
     * before the subject is not part of it. */
    while (start + 1 < end && (tok_is(tok(doc, start), F_WEEKDAY | F_MONTH | F_TIME_WORD) ||
                               word_is(doc, start, "last") || word_is(doc, start, "this") ||
                               word_is(doc, start, "next") || word_is(doc, start, "earlier") ||
                               word_is(doc, start, "later") || word_is(doc, start, "on") ||
                               (tok(doc, start)->kind == TK_NUMBER && end - start > 1)))
        start++;
    if (start >= end || end - start > 24)
        return 0;
    /* A phrase starting with a preposition is an adverbial: "In the post,". */
    const token *f = tok(doc, start);
    if (tok_is(f, F_PREP) && !tok_is(f, F_DET) && lower_word(f))
        return 0;
    if (tok_is(f, F_PREP) && (f->flags & TF_CAP) && !tok_is(f, F_PRONOUN | F_KNOWN_ORG | F_PERSONAL_NAME) && end - start > 1)
        return 0;
    if (np_has_verb(doc, start, end))
        return 0;
    /* "In a letter to Kevin McAleenan, who was ..., said": the object of a
     * preposition is no subject */
    if (start > floor && lower_word(tok(doc, start - 1)) && tok_is(tok(doc, start - 1), F_PREP) &&
        !tok_is(tok(doc, start - 1), F_DET | F_CONJ | F_SUBORD))
        return 0;
    *b = start;
    /* The appositive goes with the phrase: it may hold the name ("The
     * developer, Cascade Ridge Partners, said"). */
    *e = appos_end > end && !np_has_verb(doc, end + 1, appos_end) ? appos_end : end;
    return 1;
}

/* A speaker phrase after a cue or after a quote: "said Daniel Yergin, director
 * of ...", "said the company", '," she said'. Ends at punctuation, a verb, or a
 * preposition that does not belong to it ("a spokesman for the ministry"
 * keeps its "for"). */
static int phrase_after(const ng_doc *doc, size_t i, size_t limit, size_t *b, size_t *e)
{
    size_t k = i;
    while (k < limit) {
        const token *t = tok(doc, k);
        /* "an analysis by the Congressional Budget Office" */
        if (k > i && word_is(doc, k, "by") && tok_is(tok(doc, k - 1), F_DOC_NOUN)) {
            k++;
            continue;
        }
        if (!np_token(doc, k) || t->kind == TK_QUOTE)
            break;
        if (tok_is(t, F_PREP) && lower_word(t)) {
            const token *p = k > i ? tok(doc, k - 1) : NULL;
            int keeps = p && (tok_is(p, F_ROLE | F_GENERIC) || (p->flags & TF_CAP)) &&
                        (tok_eq(doc, t, "for") || tok_eq(doc, t, "of") || tok_eq(doc, t, "at"));
            keeps |= p && tok_is(p, F_DOC_NOUN) && tok_eq(doc, t, "from"); /* "a report from the agency" */
            if (!keeps)
                break;
        }
        if (is_punct(doc, k, '.') && !(k > i && (tok(doc, k - 1)->flags & TF_ABBREV_DOT)))
            break;
        k++;
    }
    if (k == i || k - i > 14)
        return 0;
    *b = i;
    *e = k;
    return 1;
}

/* ---- resolving a speaker phrase ---------------------------------------------------------- */

typedef struct speaker {
    speaker_kind kind;
    int32_t entity;
    uint32_t gen_b, gen_e; /* generic: the words kept */
    uint32_t b, e;         /* the phrase, in bytes */
    int found;             /* a phrase was found, even if it did not resolve */
} speaker;

static int entity_type(const ng_doc *doc, int32_t e)
{
    return e >= 0 ? (int)doc->entities.v[e].type : -1;
}

/* The organization a role belongs to: "a spokeswoman for the dockworkers' union
 * FNV Havens", "a spokesman for the company". */
static int32_t org_after_role(const ng_doc *doc, size_t b, size_t e)
{
    for (size_t i = b; i + 1 < e; i++) {
        if (!(tok_is(tok(doc, i), F_ROLE | F_GENERIC) && (word_is(doc, i + 1, "for") || word_is(doc, i + 1, "of") ||
                                                        word_is(doc, i + 1, "at"))))
            continue;
        /* the organization is the preposition's object: "a spokeswoman for
         * the union", not "the authors of the research published in the
         * journal JAMA Psychiatry" */
        size_t k = i + 2;
        if (k < e && word_is(doc, k, "the"))
            k++;
        int32_t m = k < e ? mention_at(doc, (uint32_t)k) : -1;
        if (m < 0 || doc->mentions.v[m].first_tok != k)
            continue;
        int32_t ent = doc->mentions.v[m].entity;
        if (ent >= 0 && entity_type(doc, ent) == NG_ORG)
            return ent;
    }
    return -1;
}

static int32_t police_entity(const ng_doc *doc)
{
    int32_t found = -1;
    for (size_t i = 0; i < doc->entities.n; i++) {
        if (doc->entities.v[i].type == NG_ORG && doc->entities.v[i].org_class == ORG_POLICE) {
            if (found >= 0)
                return -1; /* two police forces: "police" does not say which */
            found = (int32_t)i;
        }
    }
    return found;
}

static int tok_text_eq_ci(const ng_doc *doc, const token *a, const token *b)
{
    size_t n = a->end - a->start;
    if (n != b->end - b->start)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char x = doc->text[a->start + i], y = doc->text[b->start + i];
        if ((x | 32) != (y | 32) && x != y)
            return 0;
    }
    return 1;
}

/* A definite role ("the coach", "the senator"): the person the article gave
 * that role, if exactly one. */
static int32_t entity_with_role(const ng_doc *doc, const token *role)
{
    /* Of several people given the role ("coach Callum Reid", "coach Eduardo
     * Lopes"), "the coach" is the one given it last before. */
    int32_t found = -1;
    for (size_t k = 0; k < doc->mentions.n; k++) {
        const mention *m = &doc->mentions.v[k];
        if (m->start >= role->start)
            break;
        if ((m->role_tok < 0 && m->title_tok < 0) || m->entity < 0)
            continue;
        /* the role word ("the coach": "coach Ray Park") or the title ("the
         * judge": "District Judge Katherine ...") */
        int same = 0;
        for (int w = 0; w < 2 && !same; w++) {
            int32_t rt = w == 0 ? m->role_tok : m->title_tok;
            if (rt < 0)
                continue;
            /* a title may be several words: compare with the last before the name */
            const token *r = tok(doc, w == 0 ? (size_t)rt : (size_t)m->first_tok - 1);
            same = r->kind == TK_WORD && tok_text_eq_ci(doc, r, role);
        }
        if (!same)
            continue;
        found = m->entity;
    }
    return found;
}

/* Generic sources named so far, by head word: "two people familiar with the
 * matter" ... "the people said" ... "They cautioned": the later phrases keep
 * the first one's words. One per document being processed by this thread. */
typedef struct generic_item {
    uint32_t head_start, head_len; /* the head word, in the text */
    uint32_t gen_b, gen_e;         /* the words kept */
    uint32_t sent;
    int plural;
} generic_item;

typedef struct generic_memory {
    generic_item items[16];
    int n;
} generic_memory;

static _Thread_local generic_memory *memory;

static void remember_generic(const ng_doc *doc, const token *head, uint32_t gen_b, uint32_t gen_e)
{
    if (!memory)
        return;
    generic_memory *m = memory;
    int k = m->n < 16 ? m->n++ : 15;
    if (k == 15 && m->n == 16)
        memmove(&m->items[0], &m->items[1], 15 * sizeof m->items[0]);
    m->items[k].head_start = head->start;
    m->items[k].head_len = head->end - head->start;
    m->items[k].gen_b = gen_b;
    m->items[k].gen_e = gen_e;
    m->items[k].sent = head->sent;
    m->items[k].plural = (head->aux & AUX_PLURAL) != 0;
}

/* The remembered phrase whose head is this word, or for "they" the latest
 * plural one of the last sentences; -1 if none. */
static int recall_generic(const ng_doc *doc, const token *word, int they)
{
    if (!memory)
        return -1;
    for (int k = memory->n - 1; k >= 0; k--) {
        const generic_item *it = &memory->items[k];
        if (they) {
            if (it->plural && word->sent >= it->sent && word->sent - it->sent <= 3)
                return k;
            continue;
        }
        if (it->head_len == word->end - word->start &&
            !strncmp(doc->text + it->head_start, doc->text + word->start, it->head_len))
            return k;
    }
    return -1;
}

static speaker resolve_phrase_once(const ng_doc *doc, size_t b, size_t e);

/* "I", "we" outside quotes: the writer. */
static int writer_pronoun(const ng_doc *doc, size_t i)
{
    const token *t = tok(doc, i);
    return t->kind == TK_WORD && !(t->flags & TF_IN_QUOTE) && tok_is(t, F_PRONOUN) && (t->aux & AUX_FIRST_PERSON) &&
           !(t->aux & (AUX_POSSESSIVE | AUX_OBJECT_CASE));
}

/* Is the phrase at bytes [b, e) the writer's "we"/"I"? */
static size_t token_after_byte(const ng_doc *doc, uint32_t pos);
static int writer_first_person(const ng_doc *doc, uint32_t b, uint32_t e)
{
    size_t i = token_after_byte(doc, b);
    return i < doc->toks.n && tok(doc, i)->end == e && writer_pronoun(doc, i);
}

/* "Another diplomat, former special envoy Kurt Volker, ...", "A spokeswoman,
 * Jane Roe, said": a person named in the appositive after a phrase that
 * names no one. Returns the entity, or -1. */
static int32_t person_in_appositive(const ng_doc *doc, size_t e)
{
    if (e >= doc->toks.n || !is_punct(doc, e, ','))
        return -1;
    int32_t found = -1;
    for (size_t i = e + 1; i < doc->toks.n && i < e + 16; i++) {
        const token *t = tok(doc, i);
        if (t->sent != tok(doc, e)->sent || is_punct(doc, i, '.'))
            return found; /* "..., said a spokeswoman, Jane Roe." */
        if (is_punct(doc, i, ',')) {
            /* the appositive of a subject: its verb follows ("Another
             * diplomat, ... Kurt Volker, shifted"), not more of a clause
             * ("According to documents, Haskins and one of the victims, a
             * 28-year-old man, had argued") */
            const token *n = i + 1 < doc->toks.n ? tok(doc, i + 1) : NULL;
            if (n && n->sent == t->sent && lower_word(n) && (is_verbish(doc, n) || tok_is(n, F_ADVERB)))
                return found;
            return -1;
        }
        if (t->flags & TF_IN_QUOTE)
            return -1;
        if (word_is(doc, i, "and") || word_is(doc, i, "or"))
            return -1;
        if (t->kind == TK_WORD && lower_word(t) && (tok_is(t, F_RELATIVE) || is_verbish(doc, t)))
            return -1; /* ", who ...", ", said ...": no appositive */
        int32_t m = mention_at(doc, (uint32_t)i);
        if (m < 0 || doc->mentions.v[m].kind != MK_NAME || doc->mentions.v[m].entity < 0)
            continue;
        int32_t ent = doc->mentions.v[m].entity;
        if (entity_type(doc, ent) == NG_PERSON && !(doc->mentions.v[m].flags & MF_POSSESSIVE)) {
            if (found >= 0 && found != ent)
                return -1;
            found = ent;
        }
        i = doc->mentions.v[m].end_tok - 1;
    }
    return -1;
}

static speaker resolve_phrase(const ng_doc *doc, size_t b, size_t e)
{
    speaker s = resolve_phrase_once(doc, b, e);
    int definite = word_is(doc, b, "the");
    if (s.kind == SPK_NONE || s.kind == SPK_GENERIC) {
        int32_t ent = person_in_appositive(doc, e);
        if (ent >= 0) {
            s.kind = SPK_ENTITY;
            s.entity = ent;
            return s;
        }
    }
    /* "They said", "Many said", "Others said": the plural source just named */
    int they = e == b + 1 && (word_is(doc, b, "they") || word_is(doc, b, "many") || word_is(doc, b, "some") ||
                              word_is(doc, b, "others") || word_is(doc, b, "most") || word_is(doc, b, "several") ||
                              word_is(doc, b, "both") || word_is(doc, b, "all"));
    if ((s.kind == SPK_NONE && (definite || they)) || (s.kind == SPK_GENERIC && definite)) {
        /* "the people", "the documents", "They": a source named before */
        int k = recall_generic(doc, tok(doc, e - 1), they);
        if (k < 0 && definite)
            for (size_t i = b + 1; i < e && k < 0; i++)
                k = recall_generic(doc, tok(doc, i), 0);
        if (k >= 0) {
            s.kind = SPK_GENERIC;
            s.gen_b = memory->items[k].gen_b;
            s.gen_e = memory->items[k].gen_e;
            return s;
        }
    }
    if (s.kind == SPK_GENERIC && tok_is(tok(doc, e - 1), F_ORG_ANAPHOR) && !tok_is(tok(doc, e - 1), F_GENERIC) &&
        tok(doc, e - 1)->end == s.gen_e && tok(doc, e - 1)->start > s.gen_b) {
        /* a described body ("Germany's transport ministry"), for "the
         * ministry" after it */
        remember_generic(doc, tok(doc, e - 1), s.gen_b, s.gen_e);
        return s;
    }
    if (s.kind == SPK_GENERIC && !definite) {
        for (size_t i = b; i < e; i++)
            if (tok(doc, i)->start >= s.gen_b && tok(doc, i)->end <= s.gen_e && tok_is(tok(doc, i), F_GENERIC)) {
                remember_generic(doc, tok(doc, i), s.gen_b, s.gen_e);
                break;
            }
    }
    return s;
}

/* Someone who speaks for another: "her spokesman", "Swift's rep". */
static int is_spokesperson(const ng_doc *doc, const token *t);

/* "Residents of the nearby town of Pozo Almonte", "officials in Beijing": a
 * place in a phrase headed by a generic source or a role (not a spokesperson)
 * only says where they are; it does not speak. */
static int place_after_generic(const ng_doc *doc, size_t b, const mention *mm, int32_t ent)
{
    int org = entity_type(doc, ent) == NG_ORG;
    if (entity_type(doc, ent) != NG_LOC && entity_type(doc, ent) != NG_MISC && !org)
        return 0;
    for (size_t x = b; x + 1 < mm->first_tok; x++) {
        const token *h = tok(doc, x), *p = tok(doc, x + 1);
        if (!(h->kind == TK_WORD && tok_is(h, F_GENERIC | F_ROLE) && !is_spokesperson(doc, h) && lower_word(p) &&
              (tok_eq(doc, p, "of") || tok_eq(doc, p, "in") || tok_eq(doc, p, "from") || tok_eq(doc, p, "near") ||
               (org && (tok_eq(doc, p, "at") || tok_eq(doc, p, "for"))))))
            continue;
        /* an organization right after the preposition is whom the source
         * speaks for ("officials at the ministry"); one further down the
         * phrase only says where the words were ("the authors of the research
         * published in the journal JAMA Psychiatry") */
        if (org) {
            size_t k = x + 2;
            if (k < mm->first_tok && word_is(doc, k, "the"))
                k++;
            if (k == mm->first_tok)
                return 0;
        }
        return 1;
    }
    return 0;
}

static int is_spokesperson(const ng_doc *doc, const token *t)
{
    return t->kind == TK_WORD && (t->flags & TF_LOWER) &&
           (tok_eq(doc, t, "spokesman") || tok_eq(doc, t, "spokeswoman") || tok_eq(doc, t, "spokesperson") ||
            tok_eq(doc, t, "representative") || tok_eq(doc, t, "representatives") || tok_eq(doc, t, "rep") ||
            tok_eq(doc, t, "reps") || tok_eq(doc, t, "publicist"));
}

/* Do a title as written before a name ("Gov.", "Sen.", "President") and a
 * title noun ("governor") name the same office? */
static int same_title(const ng_doc *doc, const token *title, const token *noun)
{
    static const char *const abbrev[][2] = {
        {"gov", "governor"},   {"sen", "senator"},       {"rep", "representative"}, {"pres", "president"},
        {"gen", "general"},    {"adm", "admiral"},        {"col", "colonel"},        {"capt", "captain"},
        {"lt", "lieutenant"},  {"sgt", "sergeant"},       {"supt", "superintendent"}, {"atty", "attorney"},
        {"det", "detective"},  {"insp", "inspector"},     {"prof", "professor"},     {"cmdr", "commander"}};
    if (tok_text_eq_ci(doc, title, noun))
        return 1;
    size_t n = title->end - title->start;
    const char *w = doc->text + title->start;
    if (n > 0 && w[n - 1] == '.')
        n--;
    for (size_t k = 0; k < sizeof abbrev / sizeof abbrev[0]; k++) {
        size_t a = strlen(abbrev[k][0]);
        if (a != n || !tok_eq(doc, noun, abbrev[k][1]))
            continue;
        size_t q = 0;
        while (q < n && (w[q] | 0x20) == abbrev[k][0][q])
            q++;
        if (q == n)
            return 1;
    }
    return 0;
}

/* The person named with a title matching `noun` before token `before`, when
 * exactly one person was: "Gov. Eric Holcomb ... The governor said". Two
 * senators leave "the senator" to no one. */
static int32_t titled_person(const ng_doc *doc, const token *noun, uint32_t before)
{
    int32_t found = -1;
    for (size_t i = 0; i < doc->mentions.n; i++) {
        const mention *m = &doc->mentions.v[i];
        if (m->first_tok >= before)
            break;
        if (m->kind != MK_NAME || m->title_tok < 0 || m->entity < 0 || entity_type(doc, m->entity) != NG_PERSON)
            continue;
        int match = 0;
        for (uint32_t t = (uint32_t)m->title_tok; t < m->first_tok && !match; t++)
            match = same_title(doc, tok(doc, t), noun);
        if (!match)
            continue;
        if (found >= 0 && found != m->entity)
            return -1;
        found = m->entity;
    }
    return found;
}

/* Is the phrase [b, e) a public body described by its place: a place or a
 * people (possessive or not), up to three lower-case modifiers, and a
 * government body's noun that ends the phrase ("the Inner Mongolia health
 * commission", "Germany's transport ministry", "the Texas health
 * department")? Sets *from to the place's first token. */
static int described_body(const ng_doc *doc, size_t b, size_t e, size_t *from)
{
    if (e < b + 2)
        return 0;
    const token *head = tok(doc, e - 1);
    if (!lower_word(head) || !tok_is(head, F_ORG_ANAPHOR) ||
        ((head->aux & AUX_ORG_CLASS_MASK) >> AUX_ORG_CLASS_SHIFT) != ORG_GOVERNMENT)
        return 0;
    size_t k = e - 1;
    while (k > b && e - 1 - k < 3 && lower_word(tok(doc, k - 1)) &&
           !tok_is(tok(doc, k - 1), F_DET | F_PREP | F_CONJ | F_PRONOUN | F_QUANT | F_ROLE | F_GENERIC) &&
           !is_verbish(doc, tok(doc, k - 1)))
        k--;
    if (k > b && tok_is_clitic_s(doc, tok(doc, k - 1)))
        k--; /* "Germany's" */
    if (k <= b)
        return 0;
    int32_t m = mention_at(doc, (uint32_t)(k - 1));
    if (m < 0 || doc->mentions.v[m].kind != MK_NAME || doc->mentions.v[m].end_tok != k ||
        doc->mentions.v[m].entity < 0)
        return 0;
    const mention *mm = &doc->mentions.v[m];
    int type = entity_type(doc, mm->entity);
    if (type != NG_LOC && type != NG_MISC)
        return 0;
    /* nothing but a determiner before the place */
    if (mm->first_tok > b + 1 || (mm->first_tok == b + 1 && !tok_is(tok(doc, b), F_DET)))
        return 0;
    *from = mm->first_tok;
    return 1;
}

static speaker resolve_phrase_once(const ng_doc *doc, size_t b, size_t e)
{
    speaker s;
    memset(&s, 0, sizeof s);
    s.entity = -1;
    s.found = 1;
    s.b = tok(doc, b)->start;
    s.e = tok(doc, e - 1)->end;
    /* A role for an organization, with no person named before it. */
    int32_t first_person = -1, first_org = -1, persons = 0, pronoun = -1, nominal = -1, modifier = -1;
    size_t first_person_tok = e;
    for (size_t i = b; i < e; i++) {
        /* "The company that runs the AMAs, Dick Clark Productions,": a
         * relative clause inside the phrase says something of its head; the
         * names in it (up to the comma that closes it) do not speak */
        if (i > b && restrictive_relative(doc, i)) {
            while (i + 1 < e && !is_punct(doc, i + 1, ','))
                i++;
            continue;
        }
        int32_t m = mention_at(doc, (uint32_t)i);
        if (m < 0)
            continue;
        const mention *mm = &doc->mentions.v[m];
        if (mm->first_tok != i)
            continue;
        int32_t ent = mm->entity;
        if (mm->kind == MK_PRONOUN) {
            if (pronoun < 0 && !(tok(doc, i)->aux & AUX_POSSESSIVE))
                pronoun = m;
            continue;
        }
        if (mm->kind == MK_NOMINAL) {
            if (nominal < 0)
                nominal = m;
            continue;
        }
        if (ent < 0)
            continue;
        /* "Dragomirova's coach, her father Nikolai Dragomirov": a possessive
         * name modifies; it does not speak. Nor does a name before a role
         * noun: "Vale captain Liam Fairclough", "Kestrel analyst Jo Roe". */
        if ((mm->flags & MF_POSSESSIVE) && mm->end_tok < e) {
            i = mm->end_tok - 1;
            continue;
        }
        /* "U.S. officials", "PG&E officials": a generic source, its
         * modifier kept below */
        if (mm->end_tok + 1 == e && tok(doc, mm->end_tok)->kind == TK_WORD &&
            tok_is(tok(doc, mm->end_tok), F_GENERIC) && !tok_is(tok(doc, mm->end_tok), F_ROLE) &&
            entity_type(doc, ent) != NG_PERSON) {
            i = mm->end_tok - 1;
            continue;
        }
        /* "A California transit chief": lower-case words up to a role
         * noun that ends the phrase make the name a modifier too */
        size_t head = mm->end_tok;
        while (head + 1 < e && lower_word(tok(doc, head)) && !tok_is(tok(doc, head), F_ROLE | F_TITLE) &&
               !tok_is(tok(doc, head), F_PREP | F_CONJ | F_DET | F_PRONOUN | F_CUE))
            head++;
        if (head > mm->end_tok && !(head + 1 == e && lower_word(tok(doc, head)) && tok_is(tok(doc, head), F_ROLE | F_TITLE)))
            head = mm->end_tok;
        if (head < e && tok(doc, head)->kind == TK_WORD && tok_is(tok(doc, head), F_ROLE | F_TITLE) &&
            (mm->end_tok + 1 < e || head > mm->end_tok)) {
            /* ... unless no one else is named: "A Harbor Freight Lines
             * spokesman said" speaks for the company (a place or a people
             * does not speak for its officials) */
            if (modifier < 0 && (head == mm->end_tok || entity_type(doc, ent) == NG_ORG))
                modifier = ent;
            i = mm->end_tok - 1;
            continue;
        }
        if (entity_type(doc, ent) == NG_PERSON) {
            /* before any comma, the last name is the head: "Interim BART
             * Police Chief Ed Alvarez", "Stanton Vale boss Eduardo Lopes" */
            int no_comma = 1;
            for (size_t x = b; x < i && no_comma; x++)
                no_comma = !is_punct(doc, x, ',') && !word_is(doc, x, "and") && !word_is(doc, x, "or");
            if (first_person >= 0 && ent != first_person && no_comma) {
                first_person = ent;
                first_person_tok = i;
            }
            if (first_person < 0) {
                first_person = ent;
                first_person_tok = i;
            } else if (ent != first_person) {
                /* "Smith and Jones" are two speakers; "Matt Maley, equity
                 * strategist at Miller Tabak" is one (a firm named like a
                 * person in his appositive) */
                for (size_t x = first_person_tok; x < i; x++)
                    if (word_is(doc, x, "and") || word_is(doc, x, "or") || is_punct(doc, x, '&')) {
                        persons++;
                        break;
                    }
            }
        } else if (first_org < 0 && !(entity_type(doc, ent) == NG_MISC &&
                                      tok_is(tok(doc, mm->first_tok), F_DEMONYM)) &&
                   !place_after_generic(doc, b, mm, ent)) {
            /* an organization, or a name of no known type that speaks
             * ("Okafor said", "China said"): it is the speaker all the same */
            first_org = ent;
        }
        i = mm->end_tok - 1;
    }
    /* "Smith and Jones said": two people; the text does not give one speaker. */
    if (persons > 0)
        return s;
    /* "an analysis by the Congressional Budget Office": a document speaks for
     * its author. */
    for (size_t i = b; i + 1 < e; i++) {
        if (!tok_is(tok(doc, i), F_DOC_NOUN) || !(word_is(doc, i + 1, "by") || word_is(doc, i + 1, "from")))
            continue;
        for (size_t k = i + 2; k < e; k++) {
            int32_t m = mention_at(doc, (uint32_t)k);
            if (m >= 0 && doc->mentions.v[m].entity >= 0 && doc->mentions.v[m].kind != MK_PRONOUN) {
                s.kind = SPK_ENTITY;
                s.entity = doc->mentions.v[m].entity;
                return s;
            }
        }
    }
    if (first_person >= 0) {
        /* "a spokeswoman for ... FNV Havens" names the organization first. */
        int32_t org = org_after_role(doc, b, first_person_tok);
        s.kind = SPK_ENTITY;
        s.entity = org >= 0 ? org : first_person;
        return s;
    }
    int32_t org = org_after_role(doc, b, e);
    if (org >= 0) {
        s.kind = SPK_ENTITY;
        s.entity = org;
        return s;
    }
    /* "Kenya's government", "Apple's board": an organization of the
     * possessor speaks for it. */
    /* ... and "Swift's rep", "Apple's spokeswoman": a voice of the possessor */
    if (e >= b + 3 && tok_is_clitic_s(doc, tok(doc, e - 2)) &&
        (tok_is(tok(doc, e - 1), F_ORG_ANAPHOR) || is_spokesperson(doc, tok(doc, e - 1)))) {
        int32_t m = mention_at(doc, (uint32_t)b);
        if (m >= 0 && doc->mentions.v[m].kind == MK_NAME && doc->mentions.v[m].entity >= 0 &&
            doc->mentions.v[m].end_tok == e - 2 &&
            (entity_type(doc, doc->mentions.v[m].entity) != NG_PERSON || is_spokesperson(doc, tok(doc, e - 1)))) {
            s.kind = SPK_ENTITY;
            s.entity = doc->mentions.v[m].entity;
            return s;
        }
    }
    /* "its permit application", "her spokesman": a document or a voice of the
     * possessor speaks for the possessor. */
    if (e - b >= 2 && tok_is(tok(doc, b), F_PRONOUN) && (tok(doc, b)->aux & AUX_POSSESSIVE)) {
        const token *head = tok(doc, e - 1);
        int32_t m = mention_at(doc, (uint32_t)b);
        if (m >= 0 && doc->mentions.v[m].entity >= 0 &&
            (tok_is(head, F_DOC_NOUN) || is_spokesperson(doc, head) || tok_eq(doc, head, "website") ||
             tok_eq(doc, head, "office") || tok_eq(doc, head, "campaign"))) {
            s.kind = SPK_ENTITY;
            s.entity = doc->mentions.v[m].entity;
            return s;
        }
    }
    if (pronoun >= 0 && pronoun == mention_at(doc, (uint32_t)b)) {
        /* A pronoun speaks for whom entities.c resolved it to, for the
         * unnamed person it stands for ("A witness ... she said": the
         * witness), or for no one. */
        const mention *pm = &doc->mentions.v[pronoun];
        if (pm->entity >= 0) {
            s.kind = SPK_ENTITY;
            s.entity = pm->entity;
        } else if (pm->role_tok >= 0) {
            s.kind = SPK_GENERIC;
            s.gen_b = tok(doc, (size_t)pm->role_tok)->start;
            s.gen_e = tok(doc, (size_t)pm->role_tok)->end;
        }
        return s;
    }
    /* "the Inner Mongolia health commission", "Germany's transport ministry":
     * a public body the text describes by its place and does not name. The
     * place does not speak; the description does, unless it refers back to
     * a body named before. */
    size_t body_from;
    if (described_body(doc, b, e, &body_from)) {
        if (nominal >= 0 && doc->mentions.v[nominal].entity >= 0 &&
            entity_type(doc, doc->mentions.v[nominal].entity) == NG_ORG) {
            s.kind = SPK_ENTITY;
            s.entity = doc->mentions.v[nominal].entity;
            return s;
        }
        s.kind = SPK_GENERIC;
        s.gen_b = tok(doc, body_from)->start;
        s.gen_e = tok(doc, e - 1)->end;
        return s;
    }
    if (first_org >= 0) {
        s.kind = SPK_ENTITY;
        s.entity = first_org;
        return s;
    }
    if (modifier >= 0 && entity_type(doc, modifier) != NG_PERSON) {
        s.kind = SPK_ENTITY;
        s.entity = modifier;
        return s;
    }
    if (nominal >= 0 && doc->mentions.v[nominal].entity >= 0) {
        s.kind = SPK_ENTITY;
        s.entity = doc->mentions.v[nominal].entity;
        return s;
    }
    /* "The governor said": the one person the article gave that title */
    if (e == b + 2 && word_is(doc, b, "the") && lower_word(tok(doc, b + 1)) &&
        tok_is(tok(doc, b + 1), F_TITLE) && !tok_is(tok(doc, b + 1), F_GENERIC)) {
        int32_t who = titled_person(doc, tok(doc, b + 1), (uint32_t)b);
        if (who >= 0) {
            s.kind = SPK_ENTITY;
            s.entity = who;
            return s;
        }
    }
    /* Generic sources and roles: "Analysts", "U.S. officials", "police",
     * "a spokesman". The head is the first generic or role noun. */
    for (size_t i = b; i < e; i++) {
        const token *t = tok(doc, i);
        if (t->kind != TK_WORD || !tok_is(t, F_GENERIC | F_ROLE))
            continue;
        if (tok_eq(doc, t, "police")) {
            int32_t p = police_entity(doc);
            if (p >= 0) {
                s.kind = SPK_ENTITY;
                s.entity = p;
                return s;
            }
        }
        size_t from = b;
        while (from < i && tok_is(tok(doc, from), F_DET | F_QUANT | F_NUMBER_WORD) &&
               !(tok(doc, from)->flags & TF_ALLCAPS))
            from++;
        int definite = from > b && word_is(doc, b, "the");
        if (tok_is(t, F_ROLE) && !tok_is(t, F_GENERIC)) {
            if (definite) {
                /* "the coach said": the person the article made the coach. */
                int32_t ent = entity_with_role(doc, t);
                if (ent >= 0) {
                    s.kind = SPK_ENTITY;
                    s.entity = ent;
                    return s;
                }
                /* "The daughter of one victim told reporters": someone the
                 * phrase itself describes, unnamed: the role */
                if (!(i + 2 < e && word_is(doc, i + 1, "of") &&
                      (word_is(doc, i + 2, "a") || word_is(doc, i + 2, "an") || word_is(doc, i + 2, "one") ||
                       word_is(doc, i + 2, "another"))))
                    return s;
            }
            /* "a spokesman said": an unnamed person, kept as the role. */
            from = i;
        }
        /* The words kept are the source's own: the head, or a phrase the
         * lexicon knows around it ("health officials", "people familiar with
         * the matter"); other modifiers go ("district officials" ->
         * "officials"). */
        size_t end = i + 1;
        uint64_t f;
        uint32_t a;
        size_t best_from = i;
        for (size_t st = from; st <= i; st++) {
            size_t ph = match_phrase(doc, st, F_GENERIC | F_ROLE, &f, &a);
            if (ph && st + ph > i && (st + ph > end || st < best_from)) {
                if (st < best_from)
                    best_from = st;
                if (st + ph > end)
                    end = st + ph;
                break;
            }
        }
        from = best_from;
        /* "people briefed on the talks", "a person with knowledge of the
         * negotiations": the anonymous source's own description stays */
        if (end == i + 1 && end < e &&
            (word_is(doc, end, "familiar") || word_is(doc, end, "briefed") || word_is(doc, end, "close") ||
             word_is(doc, end, "involved") || word_is(doc, end, "with") || word_is(doc, end, "knowledgeable") ||
             word_is(doc, end, "aware") || word_is(doc, end, "told")) &&
            (tok_is(t, F_GENERIC) || tok_eq(doc, t, "person")))
            end = e;
        /* A proper modifier stays: "US military", "Chinese officials",
         * "U.S. officials" ("Federal prosecutors" is capitalized only for
         * standing first). */
        while (from > b) {
            const token *m = tok(doc, from - 1);
            int proper = m->kind == TK_WORD && !(m->flags & TF_LOWER) &&
                         (tok_is(m, F_PLACE | F_COUNTRY | F_DEMONYM) ||
                          ((m->flags & TF_ALLCAPS) && (!tok_is(m, F_COMMON) || tok_eq(doc, m, "us"))) ||
                          (mention_at(doc, (uint32_t)(from - 1)) >= 0 && !(m->flags & TF_SENT_START)));
            if (!proper || tok_is(m, F_GENERIC | F_ROLE | F_DET))
                break;
            from--;
        }
        s.kind = SPK_GENERIC;
        s.gen_b = tok(doc, from)->start;
        s.gen_e = tok(doc, end - 1)->end;
        return s;
    }
    return s;
}

/* ---- building quote records --------------------------------------------------------------- */

typedef struct attribution {
    int found;
    size_t cue_b, cue_e; /* tokens */
    speaker who;
} attribution;

static size_t token_after_byte(const ng_doc *doc, uint32_t pos);

static char *generic_text(const ng_doc *doc, const speaker *s)
{
    size_t n = s->gen_e - s->gen_b;
    char *g = ng_xstrndup(doc->text + s->gen_b, n);
    /* "Analysts said": the capital is the sentence's, not the word's; but
     * "Chinese officials" keeps it. */
    size_t first = token_after_byte(doc, s->gen_b);
    int32_t m = first < doc->toks.n ? mention_at(doc, (uint32_t)first) : -1;
    int proper = first < doc->toks.n &&
                 (tok_is(tok(doc, first), F_PLACE | F_COUNTRY | F_DEMONYM) ||
                  (m >= 0 && !tok_is(tok(doc, first), F_COMMON | F_GENERIC)) ||
                  /* "White House advisers": a name of several words */
                  (m >= 0 && doc->mentions.v[m].kind == MK_NAME &&
                   doc->mentions.v[m].end_tok - doc->mentions.v[m].first_tok >= 2));
    if (n > 1 && isupper((unsigned char)g[0]) && islower((unsigned char)g[1]) && !proper)
        g[0] = (char)tolower((unsigned char)g[0]);
    return g;
}

static void set_speaker(const ng_doc *doc, quote *q, const attribution *a)
{
    q->cue_start = q->cue_end = 0;
    if (a->cue_e > a->cue_b) {
        q->cue_start = tok(doc, a->cue_b)->start;
        q->cue_end = tok(doc, a->cue_e - 1)->end;
    }
    free(q->generic);
    q->generic = NULL;
    q->speaker = a->who.kind;
    q->entity = a->who.entity;
    q->spk_start = a->who.b;
    q->spk_end = a->who.e;
    if (a->who.kind == SPK_GENERIC)
        q->generic = generic_text(doc, &a->who);
}

static quote *add_quote(ng_doc *doc, ng_quote_kind kind, uint32_t start, uint32_t end, int32_t span)
{
    quote *q = VEC_PUSH(&doc->quotes);
    q->kind = kind;
    q->start = start;
    q->end = end;
    q->entity = -1;
    q->qspan = span;
    return q;
}

/* ---- direct quotes: frames around a span --------------------------------------------------- */

/* '"...," she wrote' / '"...," said X' / '"...," according to X' */
static int attribute_after(const ng_doc *doc, const qspan *q, attribution *a)
{
    if (q->open_ended)
        return 0;
    size_t i = q->close_tok + 1;
    const sentence *s = &doc->sents.v[tok(doc, q->close_tok)->sent];
    size_t limit = s->end_tok;
    if (i >= limit || tok(doc, i)->para != q->para)
        return 0;
    if (is_punct(doc, i, ','))
        i++;
    if (i >= limit)
        return 0;
    if (is_according_to(doc, i)) {
        size_t b, e;
        if (phrase_after(doc, i + 2, limit, &b, &e)) {
            a->found = 1;
            a->cue_b = i;
            a->cue_e = i + 2;
            a->who = resolve_phrase(doc, b, e);
            return 1;
        }
        return 0;
    }
    size_t c = cue_at(doc, i);
    if (c) {
        /* Inverted: "said Daniel Yergin, director of ..." */
        size_t b, e;
        if (phrase_after(doc, i + c, limit, &b, &e)) {
            a->found = 1;
            a->cue_b = i;
            a->cue_e = i + c;
            a->who = resolve_phrase(doc, b, e);
            return 1;
        }
        return 0;
    }
    /* Subject first: "chief executive Ingrid Vos told reporters". Not
     * "... and accused him": a conjunction joins a verb of the subject before
     * the quote, whose frame is found there. */
    if (tok_is(tok(doc, i), F_CONJ) && lower_word(tok(doc, i)))
        return 0;
    /* Nor "... for a second-half display he described as": a preposition
     * starts no subject */
    if (tok_is(tok(doc, i), F_PREP) && lower_word(tok(doc, i)) && !tok_is(tok(doc, i), F_DET))
        return 0;
    size_t k = i;
    while (k < limit && k < i + 16 && np_token(doc, k) && !cue_at(doc, k))
        k++;
    if (k < limit && is_punct(doc, k, ',')) {
        /* "Smith, 45, said" / "Vos, an analyst at Kestrel, said" */
        size_t m = k + 1;
        while (m < limit && m < k + 16 && !is_punct(doc, m, ','))
            m++;
        if (m + 1 < limit && is_punct(doc, m, ','))
            k = m + 1;
    }
    size_t np_end = k;
    while (k < limit && lower_word(tok(doc, k)) && tok_is(tok(doc, k), F_ADVERB | F_AUX | F_NEGATION | F_MODAL) &&
           !cue_at(doc, k))
        k++;
    if (k < limit && (tok(doc, k)->flags & TF_CLITIC))
        k++;
    c = k < limit ? cue_at(doc, k) : 0;
    if (!c || np_end == i)
        return 0;
    size_t b = i, e = np_end;
    /* The phrase proper ends before its appositive. */
    for (size_t x = i; x < np_end; x++)
        if (is_punct(doc, x, ',')) {
            e = x;
            break;
        }
    if (e == b)
        return 0;
    a->found = 1;
    a->cue_b = k;
    a->cue_e = k + c;
    a->who = resolve_phrase(doc, b, e);
    return 1;
}

/* 'Smith said: "..."', 'She wrote in a memo: "..."', 'Smith said the plan was
 * "dead on arrival."', 'According to police, "..."'. The nearest cue before the
 * quote in its sentence, with a subject. */
/* 'Ingrid Vos had a simple message for staff: "..."', 'The union put out a
 * statement: "..."': a colon introduces the words of the sentence's subject,
 * speech verb or not. The subject must name someone. */
static int attribute_colon(const ng_doc *doc, size_t colon, size_t floor, attribution *a)
{
    if (colon <= floor || colon > floor + 40)
        return 0;
    for (size_t i = floor; i < colon; i++) {
        const token *t = tok(doc, i);
        if (t->flags & TF_IN_QUOTE)
            return 0;
        if (!is_verbish(doc, t))
            continue;
        size_t b, e;
        if (!subject_before(doc, i, floor, &b, &e))
            return 0;
        speaker who = resolve_phrase(doc, b, e);
        if (who.kind == SPK_NONE)
            return 0;
        a->found = 1;
        a->cue_b = a->cue_e = 0;
        a->who = who;
        return 1;
    }
    return 0;
}

static int main_subject(const ng_doc *doc, size_t c, size_t floor, size_t limit,
                        const attribution *direct_in_sentence, attribution *a, size_t *clause_limit);

static int attribute_before(const ng_doc *doc, const qspan *q, attribution *a)
{
    const sentence *s = &doc->sents.v[tok(doc, q->open_tok)->sent];
    size_t floor = sentence_begin(doc, s);
    if (q->open_tok <= floor)
        return 0;
    if (is_punct(doc, q->open_tok - 1, ':')) {
        /* a speech verb before the colon frames it below; else the subject */
        int cue = 0;
        for (size_t i = floor; i + 1 < q->open_tok && !cue; i++)
            cue = cue_at(doc, i) != 0;
        if (!cue)
            return attribute_colon(doc, q->open_tok - 1, floor, a);
    }
    if (q->open_tok > floor + 80)
        floor = q->open_tok - 80; /* a frame is near its quote; and linear time */
    for (size_t k = q->open_tok; k > floor; k--) {
        size_t i = k - 1;
        const token *t = tok(doc, i);
        if (t->flags & TF_IN_QUOTE)
            continue;
        if (t->flags & TF_QUOTE_CLOSE) {
            /* Another quote before this one in the sentence: its frame, if any,
             * is handled there ('"X," he said, "Y."' inherits). */
            return 0;
        }
        if (is_according_to(doc, i)) {
            size_t b, e;
            if (phrase_after(doc, i + 2, q->open_tok, &b, &e)) {
                a->found = 1;
                a->cue_b = i;
                a->cue_e = i + 2;
                a->who = resolve_phrase(doc, b, e);
                return 1;
            }
            continue;
        }
        size_t c = cue_at(doc, i);
        if (!c)
            continue;
        uint32_t aux;
        uint64_t f = cue_feats(doc, i, &aux);
        size_t b, e;
        /* A cue right before the quote ("commented, "...""; "wrote in a memo:")
         * frames it; one further back must report speech ("said the plan was
         * "..."", not "had asked to be left out ... "..."). */
        int adjacent = 1;
        for (size_t x = i + c; x < q->open_tok; x++)
            if (!np_token(doc, x) && !is_punct(doc, x, ',') && !is_punct(doc, x, ':') && !word_is(doc, x, "that") &&
                !word_is(doc, x, "as") && !word_is(doc, x, "it") &&
                /* "telling them to "believe in yourselves"" */
                !(word_is(doc, x, "to") && x + 1 == q->open_tok && x > i + c))
                adjacent = 0;
        if (!adjacent && (!(f & F_CUE_CLAUSE) || (aux & AUX_CUE_QUESTION)))
            continue;
        if (finite_cue(doc, i) && subject_before(doc, i, floor, &b, &e)) {
            a->found = 1;
            a->cue_b = i;
            a->cue_e = i + c;
            a->who = resolve_phrase(doc, b, e);
            return 1;
        }
        /* "Hawk Sawyer issued a statement, saying, "..."": a participle
         * right before the quote speaks for the sentence's subject. */
        if ((f & F_CUE_ING) && adjacent && !word_is(doc, i - 1, "worth")) {
            size_t clause_limit;
            attribution m;
            memset(&m, 0, sizeof m);
            if (main_subject(doc, i, floor, q->open_tok, NULL, &m, &clause_limit) && m.who.kind != SPK_NONE) {
                a->found = 1;
                a->cue_b = i;
                a->cue_e = i + c;
                a->who = m.who;
                return 1;
            }
        }
        if (f & (F_CUE_ING | F_CUE_BASE))
            continue; /* "by saying", "to explain": the main subject speaks; see below */
    }
    return 0;
}

/* ---- reported speech ------------------------------------------------------------------------ */

/* Skips what stands between a cue and its clause: the listener ("reporters",
 * "fans and followers", "The Associated Press"), prepositional phrases ("on
 * Tuesday", "in a statement", "in an interview with Reuters"), a comma.
 * Returns the first token of the clause ("that" skipped), or `limit`. */
static int is_time_word(const token *t)
{
    return tok_is(t, F_WEEKDAY | F_MONTH | F_TIME_WORD);
}

/* "about 8,400", "nearly two dozen": a preposition that qualifies a number */
static int approximate_number(const ng_doc *doc, size_t i)
{
    if (i + 1 >= doc->toks.n || !lower_word(tok(doc, i)))
        return 0;
    const token *n = tok(doc, i + 1);
    return (word_is(doc, i, "about") || word_is(doc, i, "around") || word_is(doc, i, "over") ||
            word_is(doc, i, "nearly") || word_is(doc, i, "under") || word_is(doc, i, "almost") ||
            word_is(doc, i, "roughly")) &&
           (n->kind == TK_NUMBER || tok_is(n, F_NUMBER_WORD));
}

static size_t clause_start(const ng_doc *doc, size_t i, size_t limit, int has_listener, int *that)
{
    *that = 0;
    size_t k = i;
    if (has_listener) {
        /* the listener: a short noun phrase */
        size_t start = k;
        while (k < limit && k < start + 6 && np_token(doc, k) && !word_is(doc, k, "that") &&
               !(tok_is(tok(doc, k), F_PREP) && lower_word(tok(doc, k))) && !is_time_word(tok(doc, k))) {
            const token *x = tok(doc, k);
            /* "told Reuters she expected": the clause's subject ends it */
            if (k > start && tok_is(x, F_PRONOUN) && !(x->aux & (AUX_POSSESSIVE | AUX_OBJECT_CASE)))
                break;
            if (k > start && tok_is(x, F_DET) && !tok_is(tok(doc, k - 1), F_DET | F_PREP))
                break;
            /* "told lawmakers no evidence supports": "no" starts the clause */
            if (k > start && tok_eq(doc, x, "no") && lower_word(x))
                break;
            k++;
        }
    }
    for (int steps = 0; steps < 6 && k < limit; steps++) {
        const token *t = tok(doc, k);
        if (word_is(doc, k, "that"))
            break;
        /* "said earlier this month", "said Thursday", "said last week" */
        if (lower_word(t) && tok_is(t, F_ADVERB) && !tok_is(t, F_PREP)) {
            k++;
            continue;
        }
        if ((word_is(doc, k, "this") || word_is(doc, k, "last") || word_is(doc, k, "next")) && k + 1 < limit &&
            is_time_word(tok(doc, k + 1))) {
            k += 2;
            continue;
        }
        if (is_time_word(t) && !tok_is(t, F_PRONOUN | F_DET)) {
            k++;
            continue;
        }
        if (!(tok_is(t, F_PREP) && lower_word(t)))
            break;
        /* A phrase of a few words: "on Tuesday", "in a statement on Monday".
         * It ends before the clause's subject: a pronoun ("on Tuesday it
         * would"), a determiner after its noun, or after a date word. */
        size_t start = k++;
        /* "on a call", "on an earnings call": a cue's noun after a
         * determiner */
        while (k < limit && k < start + 7 &&
               (np_token(doc, k) ||
                (lower_word(tok(doc, k)) && tok_is(tok(doc, k), F_CUE) &&
                 (tok_is(tok(doc, k - 1), F_DET) || (k >= start + 2 && tok_is(tok(doc, k - 2), F_DET) &&
                                                     lower_word(tok(doc, k - 1)) && np_token(doc, k - 1))))) &&
               !word_is(doc, k, "that") &&
               !(tok_is(tok(doc, k), F_PREP) && lower_word(tok(doc, k)) && k > start + 1)) {
            const token *x = tok(doc, k), *prev = tok(doc, k - 1);
            if (tok_is(x, F_PRONOUN) && !(x->aux & AUX_POSSESSIVE))
                break;
            if (tok_is(x, F_DET | F_QUANT) && k > start + 1 && !tok_is(prev, F_DET | F_PREP))
                break;
            if (k > start + 1 && (is_time_word(prev) || prev->kind == TK_NUMBER) && !is_time_word(x) &&
                x->kind != TK_NUMBER && !is_punct(doc, k, ','))
                break;
            k++;
        }
        /* "said about 8,400 spectators had attended": "about" counts; the
         * phrase is the clause's subject, its verb right after it */
        size_t v = k;
        while (v < limit && v < k + 4 && np_token(doc, v) && !tok_is(tok(doc, v), F_AUX | F_MODAL | F_PAST_VERB))
            v++;
        if (v < limit && lower_word(tok(doc, v)) && tok_is(tok(doc, v), F_AUX | F_MODAL | F_PAST_VERB) &&
            approximate_number(doc, start)) {
            k = start;
            break;
        }
    }
    while (k < limit && (is_punct(doc, k, ',') || is_punct(doc, k, ':')))
        k++;
    /* ", however, that": a parenthetical adverb */
    if (k + 1 < limit && lower_word(tok(doc, k)) && tok_is(tok(doc, k), F_ADVERB) && is_punct(doc, k + 1, ','))
        k += 2;
    if (k < limit && word_is(doc, k, "that")) {
        *that = 1;
        k++;
    }
    return k;
}

/* Without "that", is [b, e) a clause? "the move had been expected" is; "their
 * goodbyes to the baby" or "a blog post detailing ..." is not. A clause starts
 * like a subject and has a finite verb soon. */
static int reads_as_clause(const ng_doc *doc, size_t b, size_t e)
{
    if (b >= e)
        return 0;
    const token *f = tok(doc, b);
    if (f->kind == TK_QUOTE)
        return 0;
    if (tok_is(f, F_PREP | F_CUE) && lower_word(f) && !tok_is(f, F_DET | F_QUANT) && !approximate_number(doc, b))
        return 0;
    if (f->kind == TK_WORD && (f->flags & TF_LOWER) && is_ing(doc, f)) {
        /* "said returning to the moon was necessary": a gerund subject, its
         * finite verb a few words on; else "admitted having lied" */
        if (tok_is(f, F_CUE))
            return 0;
        for (size_t i = b + 1; i < e && i < b + 9; i++) {
            const token *t = tok(doc, i);
            if (t->kind != TK_WORD || tok_eq(doc, t, "that") || tok_is(t, F_CONJ | F_SUBORD | F_RELATIVE))
                return 0;
            if (lower_word(t) && tok_is(t, F_AUX | F_MODAL) && !tok_eq(doc, t, "to") && !is_possessive_s(doc, i))
                return 1;
        }
        return 0;
    }
    /* "beat forecasts and the oversupply ... sent prices lower": a clause
     * does not start with a conjunction; the cue was a noun. */
    if (tok_is(f, F_CONJ) && lower_word(f) && !tok_is(f, F_SUBORD))
        return 0;
    if (tok_is(f, F_PRONOUN) && (f->aux & (AUX_OBJECT_CASE | AUX_POSSESSIVE)) && !(f->aux & AUX_NEUTER) &&
        !tok_eq(doc, f, "her"))
        return 0;
    /* "said Tuesday with ...": a date is no subject. */
    if (tok_is(f, F_WEEKDAY | F_MONTH | F_TIME_WORD) && !tok_is(f, F_PRONOUN | F_DET))
        return 0;
    if (tok_eq(doc, f, "goodbye") || tok_eq(doc, f, "hello") || tok_eq(doc, f, "yes") ||
        tok_eq(doc, f, "so") || tok_eq(doc, f, "something") || tok_eq(doc, f, "nothing") ||
        tok_eq(doc, f, "anything") || tok_eq(doc, f, "thanks") || tok_eq(doc, f, "sorry"))
        return 0; /* "said goodbye", "said so": objects */
    if ((tok_is(f, F_PRONOUN) && (f->aux & AUX_POSSESSIVE)) || tok_eq(doc, f, "no")) {
        /* "her office would ask" is a clause; "their goodbyes to the baby"
         * is an object: a verb must follow the possessed noun closely ("no
         * agreement was expected", but "said no"). */
        for (size_t i = b + 1, words = 0; i < e && words < 4; i++) {
            const token *t = tok(doc, i);
            /* "her sons, 6 and 9, were not hurt": an aside between commas */
            if (is_punct(doc, i, ',')) {
                size_t k = i + 1;
                while (k < e && k < i + 8 && !is_punct(doc, k, ','))
                    k++;
                if (k >= e || !is_punct(doc, k, ','))
                    return 0;
                i = k;
                continue;
            }
            if (tok_is(t, F_MODAL | F_AUX | F_PAST_VERB | F_PRESENT_VERB) && lower_word(t))
                return 1;
            /* "her mother never stopped" */
            if (words >= 1 && lower_word(t) && is_verbish(doc, t) && !tok_is(t, F_ROLE | F_GENERIC) &&
                (tok_is(tok(doc, i - 1), F_ADVERB | F_NEGATION) || words == 1))
                return 1;
            if (t->kind != TK_WORD || tok_is(t, F_PREP))
                return 0;
            words++;
        }
        return 0;
    }
    for (size_t i = b + 1; i < e && i < b + 24; i++) {
        const token *t = tok(doc, i);
        if (is_punct(doc, i, ',') && i < b + 2)
            return 0;
        /* "20.72 points", "two officers": a number's noun is no verb */
        if (i == b + 1 && (f->kind == TK_NUMBER || tok_is(f, F_NUMBER_WORD)) && t->kind == TK_WORD)
            continue;
        /* "had written the letter himself, it's because he had": an object,
         * then another clause with its own subject */
        if (is_punct(doc, i, ',') && i + 1 < e && tok_is(tok(doc, i + 1), F_PRONOUN) &&
            !(tok(doc, i + 1)->aux & (AUX_POSSESSIVE | AUX_OBJECT_CASE)) && lower_word(tok(doc, i + 1)))
            return 0;
        /* ", which had been planned since January," is an aside: skip it. */
        if (is_punct(doc, i, ',') && i + 1 < e && tok_is(tok(doc, i + 1), F_RELATIVE)) {
            size_t k = i + 1;
            while (k < e && k < i + 24 && !is_punct(doc, k, ','))
                k++;
            if (k < e && is_punct(doc, k, ',')) {
                i = k;
                continue;
            }
        }
        /* A verb after "that", "who" or "by explaining" is not this clause's:
         * "concluded the post by explaining that Jack will ..." */
        if (is_possessive_s(doc, i))
            continue; /* "the company's kitchen": no verb */
        /* "posted a 41% jump in profit, beating expectations as orders
         * kept ...": an object, then a participle phrase */
        if (is_punct(doc, i, ',') && i + 1 < e && is_ing(doc, tok(doc, i + 1)) && !tok_is(tok(doc, i + 1), F_CUE))
            return 0;
        /* "disclosed a 6% stake and has pushed": a second verb of the main
         * subject; the words before it were an object */
        if (lower_word(t) && (tok_eq(doc, t, "and") || tok_eq(doc, t, "but")) && i + 1 < e &&
            lower_word(tok(doc, i + 1)) && tok_is(tok(doc, i + 1), F_AUX | F_MODAL | F_PAST_VERB) &&
            !tok_is(tok(doc, i + 1), F_PRONOUN))
            return 0;
        /* "a stabbing that killed a passenger ... may have occurred": a
         * relative clause on the subject's noun; its verb serves as well */
        if (word_is(doc, i, "that") && i > b && i + 1 < e && lower_word(tok(doc, i - 1)) &&
            !is_verbish(doc, tok(doc, i - 1)) &&
            (!is_ing(doc, tok(doc, i - 1)) || (i >= b + 2 && tok_is(tok(doc, i - 2), F_DET))) &&
            !tok_is(tok(doc, i - 1), F_CUE | F_PREP | F_DET | F_PRONOUN | F_ADVERB | F_CONJ | F_SUBORD) &&
            is_verbish(doc, tok(doc, i + 1)) && !tok_is(tok(doc, i + 1), F_CUE))
            return 1;
        if (word_is(doc, i, "that") ||
            (lower_word(t) && tok_is(t, F_SUBORD | F_RELATIVE) && !tok_eq(doc, t, "than") && !tok_eq(doc, t, "as")) ||
            (lower_word(t) && tok_is(t, F_PREP) && i + 1 < e && is_ing(doc, tok(doc, i + 1))))
            return 0;
        /* "a win", "a first win", "a 41% jump": after a determiner or a
         * number, a noun */
        if (tok_is(t, F_PRESENT_VERB) && !tok_is(t, F_MODAL | F_AUX | F_PAST_VERB) &&
            (tok_is(tok(doc, i - 1), F_DET | F_QUANT) || tok(doc, i - 1)->kind == TK_NUMBER ||
             (tok(doc, i - 1)->kind == TK_SYMBOL && doc->text[tok(doc, i - 1)->start] == '%') ||
             (i >= b + 2 && tok_is(tok(doc, i - 2), F_DET | F_QUANT) && lower_word(tok(doc, i - 1)) &&
              tok_is(tok(doc, i - 1), F_ADVERB))))
            continue;
        if (tok_is(t, F_MODAL | F_AUX | F_PAST_VERB | F_PRESENT_VERB) && lower_word(t))
            return 1;
        if (t->flags & TF_CLITIC && !tok_is_clitic_s(doc, t))
            return 1; /* she'd, they're, it'll */
        if (lower_word(t) && is_verbish(doc, t) && !tok_is(t, F_CUE))
            return 1;
        if (lower_word(t) && tok_is(t, F_CUE) && finite_cue(doc, i))
            return 1;
        /* After a subject pronoun, the next word is the verb: "she likes
         * the plan", "she gets up at 4 a.m." */
        if (i == b + 1 && tok_is(f, F_PRONOUN) && !(f->aux & (AUX_POSSESSIVE | AUX_OBJECT_CASE)) && lower_word(t) &&
            !tok_is(t, F_PREP | F_DET | F_CONJ) && !(f->aux & AUX_FIRST_PERSON && tok_eq(doc, f, "you")))
            return 1;
        /* "this case demonstrates that ...": a word in -s between a noun
         * and "that" or a determiner is the verb */
        {
            size_t n2 = t->end - t->start;
            const token *pv = tok(doc, i - 1);
            if (lower_word(t) && i <= b + 4 && n2 > 3 && doc->text[t->end - 1] == 's' &&
                doc->text[t->end - 2] != 's' && doc->text[t->end - 2] != 'u' && doc->text[t->end - 2] != 'i' &&
                !tok_is(t, F_PREP | F_DET | F_PRONOUN | F_CONJ | F_ADVERB) && pv->kind == TK_WORD &&
                !tok_is(pv, F_DET | F_PREP | F_QUANT | F_NUMBER_WORD) && !(pv->flags & TF_CLITIC) && i + 1 < e &&
                (word_is(doc, i + 1, "that") || (tok_is(tok(doc, i + 1), F_DET) && lower_word(tok(doc, i + 1)))))
                return 1;
        }
        /* A present-tense verb after a one-word subject: "Smith works",
         * "prices rise"; after a determiner it is the noun ("the visitors") */
        size_t n = t->end - t->start;
        if (lower_word(t) && n > 3 && doc->text[t->end - 1] == 's' && !tok_is(t, F_PREP | F_DET | F_COMMON) &&
            i == b + 1 && !tok_is(f, F_DET))
            return 1;
    }
    return 0;
}

/* The end of a reported clause: the sentence's end before its final
 * punctuation, or an attribution that closes it (", according to X", ", she
 * added"), or a coordinated participle that starts a new act ("... and
 * expressing gratitude" after "by explaining that ..."). */
/* A reported clause longer than this is not one: the bound keeps the stage
 * linear on text without sentence ends. */
enum { MAX_CLAUSE_TOKENS = 300 };

/* Does a clause with its own subject start at i: a subject pronoun, or a
 * short noun phrase, then a verb ("he did not have", "Hawk Sawyer told")?
 * Returns the verb's token, or 0. */
static size_t new_subject_verb(const ng_doc *doc, size_t i, size_t limit)
{
    if (i >= limit)
        return 0;
    const token *t = tok(doc, i);
    size_t k = i;
    if (tok_is(t, F_PRONOUN) && !(t->aux & (AUX_POSSESSIVE | AUX_OBJECT_CASE)) && lower_word(t)) {
        k = i + 1;
    } else {
        if (!(t->flags & TF_CAP) && !tok_is(t, F_DET))
            return 0;
        while (k < limit && k < i + 8 && np_token(doc, k) && !cue_at(doc, k) &&
               !(tok_is(tok(doc, k), F_PREP) && lower_word(tok(doc, k))))
            k++;
        if (k == i)
            return 0;
    }
    while (k < limit && lower_word(tok(doc, k)) && tok_is(tok(doc, k), F_ADVERB | F_NEGATION) && !cue_at(doc, k))
        k++;
    if (k < limit && (tok(doc, k)->flags & TF_CLITIC) && !tok_is_clitic_s(doc, tok(doc, k)))
        return k;
    if (k < limit && lower_word(tok(doc, k)) && (is_verbish(doc, tok(doc, k)) || cue_at(doc, k)) &&
        !is_ing(doc, tok(doc, k)))
        return k;
    return 0;
}

static size_t clause_end(const ng_doc *doc, size_t b, size_t limit, int participle)
{
    if (limit > b + MAX_CLAUSE_TOKENS)
        limit = b + MAX_CLAUSE_TOKENS;
    size_t e = limit;
    for (size_t i = b; i < limit; i++) {
        /* "... barely knows his ambassador, but Sondland has said he ...":
         * another speaker's report, coordinated */
        if (i > b + 2 && is_punct(doc, i, ',') && i + 2 < limit && !(tok(doc, i + 1)->flags & TF_IN_QUOTE) &&
            (word_is(doc, i + 1, "but") || word_is(doc, i + 1, "and") || word_is(doc, i + 1, "while") ||
             word_is(doc, i + 1, "whereas") || word_is(doc, i + 1, "although") || word_is(doc, i + 1, "though"))) {
            size_t v = new_subject_verb(doc, i + 2, limit);
            while (v && v + 1 < limit && v < i + 14 && lower_word(tok(doc, v)) && !cue_at(doc, v) &&
                   tok_is(tok(doc, v), F_AUX | F_MODAL | F_ADVERB | F_NEGATION))
                v++; /* "has said", "would later say" */
            if (v && cue_at(doc, v) && (finite_cue(doc, v) || tok_is(tok(doc, v - 1), F_AUX | F_MODAL)))
                return i;
            /* "..., as he deflected Republican attacks": the narrator again */
        }
        if (i > b + 2 && is_punct(doc, i, ',') && i + 2 < limit &&
            word_is(doc, i + 1, "as") && lower_word(tok(doc, i + 1))) {
            const token *p = tok(doc, i + 2);
            if (tok_is(p, F_PRONOUN) && !(p->aux & (AUX_POSSESSIVE | AUX_OBJECT_CASE | AUX_FIRST_PERSON)) &&
                (p->aux & AUX_GENDER_MASK) != AUX_NEUTER && new_subject_verb(doc, i + 2, limit))
                return i;
        }
        /* "said the cuts were overdue but warned that ...", "said it was in
         * contact with both sides and urged them to ...": a second verb of
         * the speaker, not of the clause. */
        if ((word_is(doc, i, "and") || word_is(doc, i, "but")) && i > b + 2 && i + 1 < limit &&
            cue_at(doc, i + 1) && finite_cue(doc, i + 1) && !(tok(doc, i + 1)->flags & TF_IN_QUOTE))
            return i > b && is_punct(doc, i - 1, ',') ? i - 1 : i;
        if (is_punct(doc, i, ';'))
            return i;
        if (is_punct(doc, i, ',') && is_according_to(doc, i + 1))
            return i;
        if (is_punct(doc, i, ',') && i + 1 < limit && cue_at(doc, i + 1) && i + 2 < limit && !(tok(doc, i + 1)->flags & TF_IN_QUOTE)) {
            uint32_t aux;
            uint64_t f = cue_feats(doc, i + 1, &aux);
            if (f & F_CUE_ING)
                return i; /* ", adding that ..." starts a new report */
        }
        /* '"... next month," adding that': the comma inside the marks */
        if ((tok(doc, i)->flags & TF_QUOTE_CLOSE) && i > b && is_punct(doc, i - 1, ',') && i + 1 < limit &&
            cue_at(doc, i + 1)) {
            uint32_t aux;
            if (cue_feats(doc, i + 1, &aux) & F_CUE_ING)
                return i + 1;
        }
        /* ", going on to explain that", ", before adding that" */
        if (is_punct(doc, i, ',') && i + 2 < limit && !(tok(doc, i + 1)->flags & TF_IN_QUOTE)) {
            for (size_t k = i + 1; k < limit && k < i + 5; k++) {
                if (!lower_word(tok(doc, k)))
                    break;
                if (!cue_at(doc, k) && !(word_is(doc, k, "going") || word_is(doc, k, "on") || word_is(doc, k, "to") ||
                                         word_is(doc, k, "before") || word_is(doc, k, "after") ||
                                         word_is(doc, k, "while") || word_is(doc, k, "then") ||
                                         word_is(doc, k, "also") || word_is(doc, k, "later") ||
                                         word_is(doc, k, "by") || word_is(doc, k, "and") || word_is(doc, k, "went")))
                    break;
                if (cue_at(doc, k)) {
                    uint32_t aux;
                    uint64_t f = cue_feats(doc, k, &aux);
                    if ((f & (F_CUE_ING | F_CUE_BASE)) && k > i + 1)
                        return i;
                    break;
                }
            }
        }
        if (participle && word_is(doc, i, "and") && i + 1 < limit && is_ing(doc, tok(doc, i + 1)))
            return i;
        /* "... after the birth, a rarity for an artist who ...": the
         * writer's comment on the clause, an appositive noun phrase after it */
        if (is_punct(doc, i, ',') && i > b + 3 && i + 2 < limit && !(tok(doc, i + 1)->flags & TF_IN_QUOTE) &&
            (word_is(doc, i + 1, "a") || word_is(doc, i + 1, "an")) && lower_word(tok(doc, i + 1)) &&
            lower_word(tok(doc, i + 2)) && !is_verbish(doc, tok(doc, i + 2)) && reads_as_clause(doc, b, i))
            return i;
    }
    /* Drop the sentence's closing punctuation (outside quotes). */
    while (e > b) {
        const token *t = tok(doc, e - 1);
        if ((t->kind == TK_PUNCT || t->kind == TK_DASH) && !(t->flags & TF_IN_QUOTE))
            e--;
        else
            break;
    }
    return e;
}

/* Is token range [b, e) exactly one quote span, marks included? Then it is a
 * direct quote, not reported speech. */
static int is_whole_quote(const ng_doc *doc, size_t b, size_t e)
{
    if (b >= e || !(tok(doc, b)->flags & TF_QUOTE_OPEN))
        return 0;
    size_t k = e;
    while (k > b && (tok(doc, k - 1)->kind == TK_PUNCT) && !(tok(doc, k - 1)->flags & TF_IN_QUOTE))
        k--;
    return k > b && (tok(doc, k - 1)->flags & TF_QUOTE_CLOSE) && tok(doc, b + 1)->quote == tok(doc, k - 2)->quote;
}

typedef struct clause_list {
    size_t covered; /* the furthest end of an emitted clause */
} clause_list;

/* Clauses are emitted left to right, so "inside an emitted clause" is "before
 * the furthest clause end" for the tokens still to be read. */
static int inside_clause(const clause_list *cl, size_t i)
{
    return i < cl->covered;
}

static void emit_indirect(ng_doc *doc, clause_list *cl, size_t b, size_t e, const attribution *a)
{
    while (b < e && (is_punct(doc, b, ',') || tok(doc, b)->kind == TK_DASH))
        b++;
    if (e <= b || e - b < 2 || is_whole_quote(doc, b, e))
        return;
    quote *q = add_quote(doc, NG_INDIRECT, tok(doc, b)->start, tok(doc, e - 1)->end, -1);
    set_speaker(doc, q, a);
    if (e > cl->covered)
        cl->covered = e;
}

/* The speaker of a participle or infinitive cue ("..., going on to explain
 * that", "by saying that", "After telling fans that ..., Teigen wrote"): the
 * subject of the sentence's main verb. */
static int main_subject(const ng_doc *doc, size_t c, size_t floor, size_t limit,
                        const attribution *direct_in_sentence, attribution *a, size_t *clause_limit)
{
    *clause_limit = limit;
    if (direct_in_sentence && direct_in_sentence->found) {
        a->who = direct_in_sentence->who;
        return 1;
    }
    /* A participle phrase that opens the sentence: the subject follows its
     * comma ("After telling fans ... that she had a miscarriage, model and TV
     * personality Chrissy Teigen wrote ..."). */
    if (c > floor + 80)
        return 0;
    int opens = 1;
    for (size_t i = floor; i < c; i++)
        if (!(lower_word(tok(doc, i)) || (tok(doc, i)->flags & TF_SENT_START)) ||
            !(tok_is(tok(doc, i), F_PREP | F_SUBORD | F_ADVERB) || tok(doc, i)->flags & TF_SENT_START))
            opens = 0;
    if (opens) {
        for (size_t i = c + 1; i < limit && i < c + 80; i++) {
            if (!is_punct(doc, i, ','))
                continue;
            /* the main clause: a subject, then a verb */
            size_t k = i + 1;
            while (k < limit && np_token(doc, k) && k < i + 14)
                k++;
            if (k > i + 1 && k < limit && is_verbish(doc, tok(doc, k))) {
                a->who = resolve_phrase(doc, i + 1, k);
                *clause_limit = i;
                return 1;
            }
        }
        return 0;
    }
    /* Otherwise the subject before the first verb of the sentence. */
    for (size_t i = floor; i < c; i++) {
        if (!is_verbish(doc, tok(doc, i)) || is_possessive_s(doc, i))
            continue;
        size_t b, e;
        if (subject_before(doc, i, floor, &b, &e)) {
            a->who = resolve_phrase(doc, b, e);
            return 1;
        }
        return 0;
    }
    return 0;
}

/* A cue made negative: "did not say", "didn't estimate", "never said",
 * "would not say" (e is the end of its subject). */
static int negated_cue(const ng_doc *doc, size_t i, size_t e)
{
    for (size_t k = i; k > e; k--) {
        const token *t = tok(doc, k - 1);
        const char *x = doc->text + t->start;
        size_t n = t->end - t->start;
        if (tok_is(t, F_NEGATION) && lower_word(t))
            return 1;
        if ((n > 3 && !memcmp(x + n - 3, "n't", 3)) || (n > 5 && !memcmp(x + n - 5, "n\xe2\x80\x99t", 5)))
            return 1; /* "didn't", "wouldn’t" */
        if (!(lower_word(t) && tok_is(t, F_AUX | F_MODAL | F_ADVERB)) && !(t->flags & TF_CLITIC))
            return 0;
    }
    return 0;
}

/* Does the phrase [b, e) name a thing, not anyone who could speak: a common
 * noun ("a deal", "the move") with no name, role, source, document or
 * pronoun in it? */
static int names_a_thing(const ng_doc *doc, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++) {
        const token *t = tok(doc, i);
        if (mention_at(doc, (uint32_t)i) >= 0 || (t->flags & (TF_CAP | TF_ALLCAPS)) ||
            tok_is(t, F_ROLE | F_GENERIC | F_DOC_NOUN | F_ORG_ANAPHOR | F_PRONOUN | F_KINSHIP | F_QUANT) ||
            t->kind != TK_WORD)
            return 0;
    }
    return e > b;
}

/* Is [b, e) a subordinate clause alone ("As the charges were unsealed in New
 * York"), with no main clause that could be the words reported? */
static int lone_subordinate(const ng_doc *doc, size_t b, size_t e)
{
    if (e <= b || !tok_is(tok(doc, b), F_SUBORD) || tok(doc, b)->kind != TK_WORD)
        return 0;
    for (size_t i = b; i < e; i++)
        if (is_punct(doc, i, ','))
            return 0;
    return 1;
}

/* Does the token at c end a frame with its own speaker: "..., the commission
 * said" (a finite speech verb after its subject)? */
static int framed_before(const ng_doc *doc, size_t c, size_t floor)
{
    size_t b, e;
    return c > floor && lower_word(tok(doc, c)) && tok_is(tok(doc, c), F_CUE) && cue_at(doc, c) == 1 &&
           finite_cue(doc, c) && subject_before(doc, c, floor, &b, &e);
}

static void indirect_in_sentence(ng_doc *doc, const sentence *s, clause_list *cl, const attribution *direct)
{
    size_t floor = sentence_begin(doc, s), limit = s->end_tok;
    /* The latest speaker of this sentence: a participle ("..., adding that")
     * continues what that speaker said. */
    attribution last;
    memset(&last, 0, sizeof last);
    if (direct)
        last = *direct;
    for (size_t i = floor; i < limit; i++) {
        const token *t = tok(doc, i);
        /* only speech verbs and "according to" start a report */
        if (!(t->feats & (F_CUE | F_CUE_PREFIX)) || (t->flags & TF_IN_QUOTE) || inside_clause(cl, i))
            continue;
        attribution a;
        memset(&a, 0, sizeof a);
        /* According to X, CLAUSE. / CLAUSE, according to X. */
        if (is_according_to(doc, i)) {
            size_t b, e;
            if (!phrase_after(doc, i + 2, limit, &b, &e))
                continue;
            a.cue_b = i;
            a.cue_e = i + 2;
            a.who = resolve_phrase(doc, b, e);
            if (i == floor || (i == floor + 1 && tok(doc, floor)->kind == TK_DASH)) {
                size_t k = e;
                if (is_punct(doc, k, ',')) {
                    /* skip an appositive: ", an analyst at Kestrel Securities," */
                    size_t m = k + 1;
                    while (m < limit && m < k + 14 && !is_punct(doc, m, ','))
                        m++;
                    if (m < limit && is_punct(doc, m, ',') && tok_is(tok(doc, k + 1), F_DET | F_ROLE))
                        k = m;
                    k++;
                }
                size_t ce = clause_end(doc, k, limit, 0);
                emit_indirect(doc, cl, k, ce, &a);
            } else if (i > floor && is_punct(doc, i - 1, ',') &&
                       /* "..., the commission said, according to Reuters":
                        * the clause has its speaker; "according to" names
                        * who reported it */
                       !framed_before(doc, i - 2, floor)) {
                emit_indirect(doc, cl, floor, i - 1, &a);
            }
            i = e;
            continue;
        }
        size_t c = cue_at(doc, i);
        if (!c)
            continue;
        uint32_t aux;
        uint64_t f = cue_feats(doc, i, &aux);
        /* "Asked by a fan whether ...": the one asked answers; no report */
        if ((aux & AUX_CUE_QUESTION) && i + c < limit && word_is(doc, i + c, "by"))
            continue;
        /* "asked whether ...", "asking if ...": reported questions */
        if ((aux & AUX_CUE_QUESTION) && i + c < limit && lower_word(tok(doc, i + c)) &&
            (word_is(doc, i + c, "whether") || word_is(doc, i + c, "if") || word_is(doc, i + c, "why") ||
             word_is(doc, i + c, "how") || word_is(doc, i + c, "what") || word_is(doc, i + c, "when")))
            f |= F_CUE_CLAUSE;
        if (!(f & F_CUE_CLAUSE))
            continue;
        int listener = (f & F_CUE_OBJECT) != 0;
        size_t b, e;
        int that;
        /* "That said, the DEA says ...": an idiom, no report */
        if (i == floor + 1 && word_is(doc, floor, "that") && i + 1 < limit && is_punct(doc, i + 1, ','))
            continue;
        if (finite_cue(doc, i) && subject_before(doc, i, floor, &b, &e)) {
            /* "We should also note that", "I would add that": the writer's
             * own voice, outside any quote, reports no one */
            if (e == b + 1 && writer_pronoun(doc, b))
                continue;
            /* "the agency didn't estimate how many", "he would not say
             * whether": what was not said is no report */
            if (negated_cue(doc, i, e))
                continue;
            a.cue_b = i;
            a.cue_e = i + c;
            a.who = resolve_phrase(doc, b, e);
            /* "a deal announced at the beginning of the week": a thing is no
             * speaker; the verb was a participle */
            if (a.who.kind == SPK_NONE && names_a_thing(doc, b, e))
                continue;
            /* "NBC News reported": a news outlet's reporting is sourcing,
             * not speech */
            if (a.who.kind == SPK_ENTITY && doc->entities.v[a.who.entity].org_class == ORG_MEDIA &&
                (word_is(doc, i, "reported") || word_is(doc, i, "reports") || word_is(doc, i, "reporting")))
                continue;
            size_t k = clause_start(doc, i + c, limit, listener, &that);
            /* "While Grisham said the trip was routine, he did not ...": a
             * report inside an opening subordinate clause ends where the
             * main clause begins */
            size_t report_limit = limit;
            /* "Suter, who joked about ..., could see": a report inside a
             * relative clause between commas ends at its comma */
            size_t w = i;
            while (w > floor && lower_word(tok(doc, w - 1)) && tok_is(tok(doc, w - 1), F_ADVERB | F_AUX | F_MODAL))
                w--;
            if (w > floor + 1 && (word_is(doc, w - 1, "who") || word_is(doc, w - 1, "which")) &&
                is_punct(doc, w - 2, ','))
                for (size_t x = i + c; x < limit; x++)
                    if (is_punct(doc, x, ',') && !(tok(doc, x)->flags & TF_IN_QUOTE)) {
                        report_limit = x;
                        break;
                    }
            if (b > floor && lower_word_at_start(doc, floor) && tok_is(tok(doc, floor), F_SUBORD))
                for (size_t x = k + 1; x < limit; x++)
                    if (is_punct(doc, x, ',') && !(tok(doc, x)->flags & TF_IN_QUOTE) &&
                        new_subject_verb(doc, x + 1, limit)) {
                        report_limit = x;
                        break;
                    }
            size_t ce = clause_end(doc, k, report_limit, 0);
            /* "The team checked the data, he said, and all of them ...": the
             * attribution stands between commas inside the report. */
            int aside = b > floor + 2 && is_punct(doc, b - 1, ',') && !that && i + c < limit &&
                        is_punct(doc, i + c, ',') && !(tok(doc, b - 2)->flags & TF_QUOTE_CLOSE);
            /* "officials said on Saturday, as rescuers struggled": after a
             * comma, a subordinate clause is the sentence's, not the report */
            int subordinate = !that && k > i + c && is_punct(doc, k - 1, ',') && k < limit &&
                              lower_word(tok(doc, k)) && tok_is(tok(doc, k), F_SUBORD | F_CONJ);
            if (!aside && !subordinate && k < ce && (that || reads_as_clause(doc, k, ce))) {
                emit_indirect(doc, cl, k, ce, &a);
                last = a;
                last.found = 1;
                i = ce - 1;
                continue;
            }
            /* CLAUSE, X said. — the cue closes the sentence. */
            size_t after = i + c;
            size_t k2 = clause_start(doc, after, limit, listener, &that);
            int closes = k2 >= clause_end(doc, after, limit, 0) || is_punct(doc, k2, '.') || (subordinate && !aside);
            if (closes && b > floor && is_punct(doc, b - 1, ',') && !(b >= 2 && (tok(doc, b - 2)->flags & TF_QUOTE_CLOSE)) &&
                !lone_subordinate(doc, floor, b - 1)) {
                emit_indirect(doc, cl, floor, b - 1, &a);
                continue;
            }
            /* Mid-sentence: "The cuts, de Graaf said, will save money." */
            if (aside && !lone_subordinate(doc, floor, b - 1)) {
                emit_indirect(doc, cl, floor, b - 1, &a);
                size_t ce2 = clause_end(doc, i + c + 1, limit, 0);
                /* "..., Graham said, offering the example of ...": a
                 * participle of the speaker's, not the report's end */
                if (i + c + 1 < limit && !is_ing(doc, tok(doc, i + c + 1)))
                    emit_indirect(doc, cl, i + c + 1, ce2, &a);
                i = ce2 > i ? ce2 - 1 : i;
            }
            continue;
        }
        /* CLAUSE, said X. (inverted at the end) */
        if ((aux & (AUX_CUE_PAST | AUX_CUE_PRESENT)) && i > floor + 2 && is_punct(doc, i - 1, ',') &&
            !(tok(doc, i - 2)->flags & TF_QUOTE_CLOSE) && phrase_after(doc, i + c, limit, &b, &e) &&
            (e >= limit || is_punct(doc, e, '.') || is_punct(doc, e, ','))) {
            a.cue_b = i;
            a.cue_e = i + c;
            a.who = resolve_phrase(doc, b, e);
            /* "The key to its success, says Buser, is the network": the
             * inverted attribution between commas, inside the report */
            int aside = e < limit && is_punct(doc, e, ',') && e + 2 < limit && lower_word(tok(doc, e + 1)) &&
                        is_verbish(doc, tok(doc, e + 1)) && !cue_at(doc, e + 1) && !is_ing(doc, tok(doc, e + 1));
            if (!aside && !(aux & AUX_CUE_PAST) && (word_is(doc, i, "reports") || word_is(doc, i, "notes")))
                continue; /* "..., reports Reuters.": a feature's sourcing, seldom speech */
            emit_indirect(doc, cl, floor, i - 1, &a);
            if (aside) {
                size_t ce2 = clause_end(doc, e + 1, limit, 0);
                emit_indirect(doc, cl, e + 1, ce2, &a);
                i = ce2 > i ? ce2 - 1 : i;
                continue;
            }
            i = e;
            continue;
        }
        /* Participles and infinitives: "by saying that", "going on to explain
         * that", "After telling fans ... that". */
        if (f & (F_CUE_ING | F_CUE_BASE)) {
            if ((f & F_CUE_BASE) && !(i > 0 && word_is(doc, i - 1, "to")))
                continue;
            /* Idioms that report no one: "which is not to say that", "that
             * is to say", "needless to say", "it's worth noting that" */
            if (i >= 2 && (f & F_CUE_BASE) &&
                (word_is(doc, i - 2, "not") || word_is(doc, i - 2, "is") || word_is(doc, i - 2, "needless") ||
                 word_is(doc, i - 2, "it") || word_is(doc, i - 2, "so") || word_is(doc, i - 2, "strange") ||
                 word_is(doc, i - 2, "safe") || word_is(doc, i - 2, "fair")))
                continue;
            if (i >= 1 && (f & F_CUE_ING) && word_is(doc, i - 1, "worth"))
                continue;
            /* "declined to say whether", "refused to explain why": nothing said */
            if (i >= 2 && (f & F_CUE_BASE) &&
                (word_is(doc, i - 2, "declined") || word_is(doc, i - 2, "refused") ||
                 word_is(doc, i - 2, "declines") || word_is(doc, i - 2, "refuses") ||
                 word_is(doc, i - 2, "declining") || word_is(doc, i - 2, "refusing")))
                continue;
            size_t k = clause_start(doc, i + c, limit, listener, &that);
            if (!that && !reads_as_clause(doc, k, clause_end(doc, k, limit, 1)))
                continue;
            size_t clause_limit;
            /* "allowed Mosseri to claim that", "asked Smith to explain": the
             * one named before "to" speaks */
            int32_t before_to = -1;
            if ((f & F_CUE_BASE) && i >= 2 && i - 2 >= floor) {
                int32_t m = mention_at(doc, (uint32_t)(i - 2));
                if (m >= 0 && doc->mentions.v[m].kind == MK_NAME && doc->mentions.v[m].end_tok == i - 1 &&
                    doc->mentions.v[m].entity >= 0 && !(doc->mentions.v[m].flags & MF_POSSESSIVE) &&
                    doc->mentions.v[m].first_tok > floor && lower_word(tok(doc, doc->mentions.v[m].first_tok - 1)) &&
                    is_verbish(doc, tok(doc, doc->mentions.v[m].first_tok - 1)))
                    before_to = m;
            }
            if (before_to >= 0) {
                const mention *bm = &doc->mentions.v[before_to];
                a.who = resolve_phrase(doc, bm->first_tok, bm->end_tok);
                clause_limit = limit;
            } else if (main_subject(doc, i, floor, limit, last.found ? &last : NULL, &a, &clause_limit) &&
                       a.who.kind == SPK_NONE && a.who.b < a.who.e && writer_first_person(doc, a.who.b, a.who.e)) {
                continue; /* "We'll start by noting that": the writer */
            } else if (!main_subject(doc, i, floor, limit, last.found ? &last : NULL, &a, &clause_limit)) {
                /* reported all the same, by a speaker the text does not give */
                memset(&a.who, 0, sizeof a.who);
                a.who.entity = -1;
                clause_limit = limit;
                if (!that)
                    continue;
            }
            a.cue_b = i;
            a.cue_e = i + c;
            size_t ce = clause_end(doc, k, clause_limit, 1);
            emit_indirect(doc, cl, k, ce, &a);
            i = ce;
        }
    }
}

/* ---- direct quotes ------------------------------------------------------------------------- */

/* Quoted words that name something rather than report speech: the app "Drip
 * Coach", the film "Gone Girl", a so-called "reset". */
static int is_title_or_term(const ng_doc *doc, const qspan *q)
{
    size_t n = q->end_tok - q->first_tok;
    size_t words = 0, caps = 0, terminal = 0;
    for (size_t i = q->first_tok; i < q->end_tok; i++) {
        const token *t = tok(doc, i);
        if (t->kind == TK_WORD || t->kind == TK_NUMBER) {
            words++;
            if ((t->flags & TF_CAP) || !tok_is(t, F_COMMON) || t->kind == TK_NUMBER || tok_is(t, F_DET | F_PREP | F_CONJ))
                caps += (t->flags & TF_CAP) != 0 || tok_is(t, F_DET | F_PREP | F_CONJ);
        }
        if (t->kind == TK_PUNCT && strchr(".!?", doc->text[t->start]))
            terminal = 1;
        /* a comma inside is a clause break, unless it closes the span
         * ('"Salt Road,"' keeps American punctuation inside the marks) */
        if (is_punct(doc, i, ',') && i + 1 < q->end_tok)
            terminal = 1;
    }
    (void)n;
    if (q->open_tok > 0) {
        const token *p = tok(doc, q->open_tok - 1);
        if (tok_is(p, F_MEDIA_NOUN) && words <= 8)
            return 2; /* the film "Gone Girl", called "Drip Coach" */
    }
    /* Title case: every word capitalized or a small word. One capitalized
     * word with a comma inside the marks is speech ('"Slow," he told him'). */
    int closing_comma = q->end_tok > q->first_tok && is_punct(doc, q->end_tok - 1, ',');
    if (words <= 8 && caps == words && !terminal && !(words == 1 && closing_comma))
        return 2;
    if (words <= 3 && !terminal)
        return 1;
    return 0;
}

typedef struct direct_state {
    attribution *attr;   /* per quote span */
    int32_t *quote_of;   /* per quote span: the quote record, or -1 */
    int single_style;    /* the article quotes with single marks ('...'), as
                            British papers do: no double-quoted span at all */
} direct_state;

static void attribute_direct(ng_doc *doc, direct_state *st)
{
    for (size_t k = 0; k < doc->qspans.n; k++) {
        const qspan *q = &doc->qspans.v[k];
        attribution *a = &st->attr[k];
        if (doc->paras.v[q->para].kind != PARA_BODY)
            continue;
        if (!attribute_after(doc, q, a))
            attribute_before(doc, q, a);
    }
}

/* The pieces of a quote running over paragraphs share one speaker, wherever
 * the attribution stands. */
static void share_over_pieces(ng_doc *doc, direct_state *st)
{
    for (size_t k = 0; k < doc->qspans.n; k++) {
        int32_t p = doc->qspans.v[k].prev_piece;
        if (p >= 0 && !st->attr[k].found && st->attr[p].found)
            st->attr[k] = st->attr[p];
    }
    for (size_t k = doc->qspans.n; k-- > 0;) {
        int32_t p = doc->qspans.v[k].prev_piece;
        if (p >= 0 && st->attr[k].found && !st->attr[p].found)
            st->attr[p] = st->attr[k];
    }
}

/* Another named person or a speech verb between two quotes means the second may
 * be someone else's. */
static int other_voice_between(const ng_doc *doc, size_t from_tok, size_t to_tok, int32_t speaker_entity)
{
    for (size_t i = from_tok; i < to_tok; i++) {
        const token *t = tok(doc, i);
        if (t->flags & TF_IN_QUOTE)
            continue;
        int32_t m = mention_at(doc, (uint32_t)i);
        if (m >= 0) {
            const mention *mm = &doc->mentions.v[m];
            /* someone else who does something: "Jones disagreed", not the
             * object of the speaker's sentence ("referring to Graham Tully") */
            if (mm->kind == MK_NAME && mm->entity != speaker_entity && mm->entity >= 0 &&
                doc->entities.v[mm->entity].type == NG_PERSON && (mm->flags & (MF_SUBJECT | MF_SPEAKER)))
                return 1;
        }
    }
    return 0;
}

/* A quote after an attributed quote in the same paragraph keeps its speaker;
 * so does a paragraph that is nothing but a quote, right after a paragraph
 * whose quote was attributed; and a quote after a paragraph that ends by
 * introducing it ("She wrote:"). */
static void inherit(ng_doc *doc, direct_state *st)
{
    int32_t last = -1; /* the last attributed span */
    for (size_t k = 0; k < doc->qspans.n; k++) {
        const qspan *q = &doc->qspans.v[k];
        if (doc->paras.v[q->para].kind != PARA_BODY || (q->single && !st->single_style))
            continue;
        attribution *a = &st->attr[k];
        if (!a->found && last >= 0) {
            const qspan *p = &doc->qspans.v[last];
            const attribution *pa = &st->attr[last];
            int32_t who = pa->who.kind == SPK_ENTITY ? pa->who.entity : -1;
            int same_para = p->para == q->para;
            int bare_next = q->para == p->para + 1 && (tok(doc, q->open_tok)->flags & TF_PARA_START) &&
                            (q->open_ended || q->close_tok + 2 >= doc->toks.n ||
                             tok(doc, q->close_tok + 1)->para != q->para ||
                             (tok(doc, q->close_tok + 1)->kind == TK_PUNCT && (q->close_tok + 2 >= doc->toks.n ||
                                                                             tok(doc, q->close_tok + 2)->para != q->para)));
            /* the previous paragraph must end with that quote's attribution */
            if (bare_next) {
                size_t end_prev = q->open_tok;
                for (size_t x = p->close_tok + 1; x < end_prev; x++)
                    if (tok(doc, x)->kind == TK_QUOTE && (tok(doc, x)->flags & TF_QUOTE_OPEN))
                        bare_next = 0;
            }
            if ((same_para || bare_next) && !other_voice_between(doc, p->close_tok, q->open_tok, who))
                *a = *pa;
        }
        if (!a->found && (tok(doc, q->open_tok)->flags & TF_PARA_START) && q->para > 0) {
            /* "She wrote in the post:" closing the paragraph before */
            size_t o = q->open_tok;
            if (o >= 1 && is_punct(doc, o - 1, ':') && tok(doc, o - 1)->para + 1 == q->para) {
                const sentence *s = &doc->sents.v[tok(doc, o - 1)->sent];
                size_t floor = sentence_begin(doc, s);
                for (size_t i = floor; i < o - 1; i++) {
                    size_t c = cue_at(doc, i), b, e;
                    if (c && finite_cue(doc, i) && subject_before(doc, i, floor, &b, &e)) {
                        a->found = 1;
                        a->cue_b = i;
                        a->cue_e = i + c;
                        a->who = resolve_phrase(doc, b, e);
                        break;
                    }
                }
                if (!a->found)
                    attribute_colon(doc, o - 1, floor, a);
            }
        }
        if (a->found)
            last = (int32_t)k;
    }
}

static void emit_direct(ng_doc *doc, direct_state *st)
{
    for (size_t k = 0; k < doc->qspans.n; k++) {
        const qspan *q = &doc->qspans.v[k];
        st->quote_of[k] = -1;
        if (doc->paras.v[q->para].kind != PARA_BODY)
            continue;
        attribution *a = &st->attr[k];
        /* Quoted words that name a thing are not quotes, attributed or not,
         * unless a speech verb frames them directly. */
        /* A title ("Harbor Lights", "The Quiet Season") is never a quote; a
         * short phrase is one only when a speech verb frames it ('called
         * the plan "dead on arrival"'). */
        int term = is_title_or_term(doc, q);
        if (q->single && !a->found && !st->single_style)
            continue;
        if (term == 2 || (term && !a->found))
            continue;
        st->quote_of[k] = (int32_t)doc->quotes.n;
        quote *rec = add_quote(doc, NG_DIRECT, q->start, q->end, (int32_t)k);
        if (a->found)
            set_speaker(doc, rec, a);
    }
}

/* A direct quote inside a reported clause ('Smith said the plan was "dead on
 * arrival"') speaks with the clause's speaker. */
static void copy_speaker(quote *to, const quote *from)
{
    to->speaker = from->speaker;
    to->entity = from->entity;
    to->spk_start = from->spk_start;
    to->spk_end = from->spk_end;
    to->cue_start = from->cue_start;
    to->cue_end = from->cue_end;
    to->generic = from->generic ? ng_xstrndup(from->generic, strlen(from->generic)) : NULL;
}

static void speakers_from_clauses(ng_doc *doc, direct_state *st, size_t n_direct)
{
    for (size_t k = 0; k < doc->qspans.n; k++) {
        int32_t qi = st->quote_of[k];
        if (qi < 0 || doc->quotes.v[qi].speaker != SPK_NONE || st->attr[k].found)
            continue;
        quote *d = &doc->quotes.v[qi];
        for (size_t j = n_direct; j < doc->quotes.n; j++) {
            quote *r = &doc->quotes.v[j];
            if (r->kind == NG_INDIRECT && r->start <= d->start && d->end <= r->end && r->speaker != SPK_NONE) {
                copy_speaker(d, r);
                break;
            }
        }
    }
}

/* The first token that ends after byte `pos` (tokens are in text order). */
static size_t token_after_byte(const ng_doc *doc, uint32_t pos)
{
    size_t lo = 0, hi = doc->toks.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->toks.v[mid].end <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* A direct quote with no frame of its own, after reported speech of the same
 * paragraph ('Sometimes employees don't follow the rules, he said. "But does
 * that mean ...?"'), or alone in the paragraph after one that ends with
 * attributed speech, goes on with that speaker, as after a direct quote (see
 * inherit()). Quotes are sorted by start. */
static void inherit_from_reports(ng_doc *doc, const direct_state *st)
{
    int32_t last = -1;        /* the last quote with a speaker */
    uint32_t last_para = 0;   /* ... its paragraph */
    size_t last_end_tok = 0;  /* ... the token after it */
    for (size_t i = 0; i < doc->quotes.n; i++) {
        quote *q = &doc->quotes.v[i];
        size_t first = token_after_byte(doc, q->start);
        if (first >= doc->toks.n)
            break;
        uint32_t para = tok(doc, first)->para;
        if (q->kind == NG_DIRECT && q->speaker == SPK_NONE && q->qspan >= 0 && !st->attr[q->qspan].found &&
            last >= 0) {
            const quote *p = &doc->quotes.v[last];
            const qspan *span = &doc->qspans.v[q->qspan];
            int contained = p->start <= q->start && q->end <= p->end;
            int same_para = last_para == para;
            /* a paragraph that is only this quote, after the one with the report */
            int bare_next = para == last_para + 1 && (tok(doc, span->open_tok)->flags & TF_PARA_START) &&
                            (span->close_tok + 2 >= doc->toks.n || tok(doc, span->close_tok + 1)->para != para ||
                             (tok(doc, span->close_tok + 1)->kind == TK_PUNCT &&
                              (span->close_tok + 2 >= doc->toks.n || tok(doc, span->close_tok + 2)->para != para)));
            if (bare_next) {
                /* nothing said after the report in its paragraph */
                for (size_t x = last_end_tok; x < span->open_tok; x++)
                    if (tok(doc, x)->kind == TK_QUOTE || is_punct(doc, x, ':'))
                        bare_next = 0;
                for (size_t x = last_end_tok; x < span->open_tok && bare_next; x++)
                    if (tok(doc, x)->kind == TK_WORD && tok(doc, x)->para == last_para && !(tok(doc, x)->flags & TF_IN_QUOTE) &&
                        tok(doc, x)->sent != tok(doc, last_end_tok > 0 ? last_end_tok - 1 : 0)->sent)
                        bare_next = 0;
            }
            int32_t who = p->speaker == SPK_ENTITY ? p->entity : -1;
            if (!contained && (same_para || bare_next) && last_end_tok <= span->open_tok &&
                !other_voice_between(doc, last_end_tok, span->open_tok, who))
                copy_speaker(q, p);
        }
        if (q->speaker != SPK_NONE) {
            last = (int32_t)i;
            last_para = para;
            last_end_tok = token_after_byte(doc, q->end);
        }
    }
}

/* The document noun that a speaker phrase is, definite: "the statement",
 * "this letter". Returns its token, or SIZE_MAX. */
static size_t definite_document(const ng_doc *doc, uint32_t b, uint32_t e)
{
    if (e <= b)
        return SIZE_MAX;
    size_t first = token_after_byte(doc, b), last = token_after_byte(doc, e - 1);
    if (last >= doc->toks.n || last != first + 1)
        return SIZE_MAX;
    if (!(word_is(doc, first, "the") || word_is(doc, first, "this") || word_is(doc, first, "that")) ||
        !tok_is(tok(doc, last), F_DOC_NOUN))
        return SIZE_MAX;
    return last;
}

/* Does the frame of quote p say it was written in that document ("said in a
 * statement on Wednesday")? The words after its cue, in its sentence. */
static int document_determiner(const ng_doc *doc, size_t i)
{
    return word_is(doc, i, "a") || word_is(doc, i, "an") || word_is(doc, i, "the") || word_is(doc, i, "its") ||
           word_is(doc, i, "his") || word_is(doc, i, "her") || word_is(doc, i, "their") || word_is(doc, i, "written");
}

static int framed_in_document(const ng_doc *doc, const quote *p, const token *noun)
{
    if (p->cue_end <= p->cue_start)
        return 0;
    size_t c = token_after_byte(doc, p->cue_end - 1);
    if (c >= doc->toks.n)
        return 0;
    for (size_t i = c + 1; i < doc->toks.n && i < c + 8 && tok(doc, i)->sent == tok(doc, c)->sent; i++)
        if (tok_is(tok(doc, i), F_DOC_NOUN) && tok_text_eq_ci(doc, tok(doc, i), noun))
            /* "in a statement", "in a news release" */
            return document_determiner(doc, i - 1) ||
                   (i >= 2 && lower_word(tok(doc, i - 1)) && document_determiner(doc, i - 2));
    return 0;
}

/* '..., the US military said in a statement on Wednesday. "The cause of the
 * crash is under investigation," the statement said.': the statement speaks
 * for whoever issued it. Quotes are sorted by start. */
static void documents_speak_for_authors(ng_doc *doc)
{
    for (size_t i = 0; i < doc->quotes.n; i++) {
        quote *q = &doc->quotes.v[i];
        if (q->speaker != SPK_NONE)
            continue;
        size_t noun = definite_document(doc, q->spk_start, q->spk_end);
        if (noun == SIZE_MAX)
            continue;
        int done = 0;
        for (size_t k = i; k-- > 0 && i - k <= 12;) {
            const quote *p = &doc->quotes.v[k];
            if (p->speaker != SPK_NONE && p->start < q->start && framed_in_document(doc, p, tok(doc, noun))) {
                uint32_t cs = q->cue_start, ce = q->cue_end, ss = q->spk_start, se = q->spk_end;
                copy_speaker(q, p);
                q->cue_start = cs; /* its own cue and words */
                q->cue_end = ce;
                q->spk_start = ss;
                q->spk_end = se;
                done = 1;
                break;
            }
        }
        if (done)
            continue;
        /* "Big Machine Records released a statement ... The statement
         * claimed that": whoever issued it, the subject of its sentence */
        for (size_t x = noun - 1; x-- > 0 && noun - x < 400;) {
            const token *t = tok(doc, x);
            if (t->flags & TF_IN_QUOTE)
                continue;
            if (!tok_is(t, F_DOC_NOUN) || !tok_text_eq_ci(doc, t, tok(doc, noun)) || x < 3 ||
                !(word_is(doc, x - 1, "a") || word_is(doc, x - 1, "an") ||
                  (lower_word(tok(doc, x - 1)) && (word_is(doc, x - 2, "a") || word_is(doc, x - 2, "an")))))
                continue; /* "a statement", "a news release" */
            const sentence *se = &doc->sents.v[t->sent];
            size_t floor = sentence_begin(doc, se), v = x - 1;
            while (v > floor && !(is_verbish(doc, tok(doc, v - 1)) && !tok_is(tok(doc, v - 1), F_AUX | F_MODAL)) &&
                   x - v < 10)
                v--;
            size_t b, e;
            /* the verb of issuing stands close: "released a statement",
             * "said in a statement" (not "according to a letter") */
            if (v > floor && x - v <= 3 && is_verbish(doc, tok(doc, v - 1)) && !is_according_to(doc, v - 1) &&
                subject_before(doc, v - 1, floor, &b, &e)) {
                speaker who = resolve_phrase(doc, b, e);
                if (who.kind == SPK_ENTITY || who.kind == SPK_GENERIC) {
                    q->speaker = who.kind;
                    q->entity = who.entity;
                    free(q->generic);
                    q->generic = who.kind == SPK_GENERIC ? generic_text(doc, &who) : NULL;
                }
            }
            break;
        }
    }
}

static int by_start(const void *a, const void *b)
{
    const quote *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return x->kind < y->kind ? -1 : x->kind > y->kind;
}

/* A quote longer than max_quote_bytes is left out (see ng_options). */
static void drop_long_quotes(ng_doc *doc)
{
    size_t max = doc->engine->options.max_quote_bytes, kept = 0;
    for (size_t i = 0; i < doc->quotes.n; i++) {
        quote *q = &doc->quotes.v[i];
        if (q->end - q->start > max) {
            free(q->generic);
            doc->limits |= NG_LIMIT_QUOTE_BYTES;
        } else {
            doc->quotes.v[kept++] = *q;
        }
    }
    doc->quotes.n = kept;
}

void find_quotes(ng_doc *doc)
{
    generic_memory mem;
    mem.n = 0;
    memory = &mem;
    direct_state st;
    st.attr = ng_xcalloc(doc->qspans.n + 1, sizeof *st.attr);
    st.quote_of = ng_xcalloc(doc->qspans.n + 1, sizeof *st.quote_of);
    size_t singles = 0, doubles = 0;
    for (size_t k = 0; k < doc->qspans.n; k++) {
        if (doc->paras.v[doc->qspans.v[k].para].kind != PARA_BODY)
            continue;
        if (doc->qspans.v[k].single)
            singles++;
        else
            doubles++;
    }
    st.single_style = singles > 0 && doubles == 0;
    attribute_direct(doc, &st);
    share_over_pieces(doc, &st);
    inherit(doc, &st);
    share_over_pieces(doc, &st);
    emit_direct(doc, &st);
    size_t n_direct = doc->quotes.n;

    clause_list cl = {0};
    for (size_t s = 0; s < doc->sents.n; s++) {
        const sentence *se = &doc->sents.v[s];
        if (!body_sentence(doc, se))
            continue;
        /* The first attributed direct quote of the sentence, for participles. */
        const attribution *direct = NULL;
        for (size_t i = se->first_tok; i < se->end_tok; i++) {
            const token *t = tok(doc, i);
            if ((t->flags & TF_QUOTE_OPEN) && t->kind == TK_QUOTE && i + 1 < se->end_tok) {
                int32_t q = tok(doc, i + 1)->quote;
                if (q >= 0 && st.attr[q].found) {
                    direct = &st.attr[q];
                    break;
                }
            }
        }
        indirect_in_sentence(doc, se, &cl, direct);
    }
    speakers_from_clauses(doc, &st, n_direct);
    drop_long_quotes(doc);
    if (doc->quotes.n > 1)
        qsort(doc->quotes.v, doc->quotes.n, sizeof *doc->quotes.v, by_start);
    inherit_from_reports(doc, &st);
    documents_speak_for_authors(doc);
    free(st.attr);
    free(st.quote_of);
    memory = NULL;
}
