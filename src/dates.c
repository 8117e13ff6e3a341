/*
 * Dates: the date expressions of an article and their ISO 8601 values,
 * resolved against the article's date D (doc->date, all zero when unknown).
 *
 * One left-to-right pass over the tokens. At each token a small set of
 * matchers, chosen by the token's kind, tries to read an expression that
 * starts there; a match consumes its tokens, so records come out in text order
 * and never overlap. Some matches consume tokens without reporting anything
 * ("next week", "Monday through Thursday", "February 30"), so that their
 * pieces are not picked up on their own.
 *
 *   explicit      "October 5, 2024", "5 October 2024", "October 2024", "2019",
 *                 "2024-01-05"                        -> as written
 *   day, month    "March 3", "Oct. 5", "the 5th of October", "in June"
 *                                                     -> the year of D, moved
 *                 a year back or forward when the sentence's tense says so
 *   weekday       "Tuesday", "last Tuesday"           -> the day of D's week
 *                 (or the next) that the tense calls for
 *   relative      "yesterday", "last month", "earlier this year",
 *                 "three weeks ago"                   -> D plus or minus
 *
 * Everything looks at a bounded window of tokens around the current one, so
 * the pass is linear in the number of tokens.
 *
 * Day arithmetic uses the proleptic Gregorian calendar through a day count
 * (days since 1970-01-01), with no dependence on time.h or the locale.
 */
#include "internal.h"

#include <stdio.h>

/* ---- the civil calendar --------------------------------------------------------- */

static int is_leap_year(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap_year(y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01 of a civil date (H. Hinnant's algorithm: eras of 400
 * years, with the year starting in March so that the leap day comes last). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;                                   /* [0, 399] */
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;  /* [0, 365] */
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

static ymd civil_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    ymd r;
    r.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    r.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    r.year = (int)(yoe + era * 400 + (r.month <= 2));
    return r;
}

/* 1 = Monday ... 7 = Sunday, as the lexicon numbers weekdays. 1970-01-01 was a
 * Thursday. */
static int weekday_of_days(long z)
{
    long w = (z + 3) % 7;
    return (int)(w < 0 ? w + 7 : w) + 1;
}

static int valid_date(int y, int m, int d)
{
    return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* ---- --date ---------------------------------------------------------------------- */

static int digits_at(const char *s, int n, int *value)
{
    int v = 0;
    for (int k = 0; k < n; k++) {
        if (s[k] < '0' || s[k] > '9')
            return 0;
        v = v * 10 + (s[k] - '0');
    }
    *value = v;
    return 1;
}

int parse_iso_date(const char *s, ymd *out)
{
    int y, m, d;
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    if (!digits_at(s, 4, &y) || !digits_at(s + 5, 2, &m) || !digits_at(s + 8, 2, &d))
        return -1;
    if (y < 1000 || !valid_date(y, m, d))
        return -1;
    out->year = y;
    out->month = m;
    out->day = d;
    return 0;
}

/* ---- values ------------------------------------------------------------------------ */

/* An ISO value at the precision given: y, y-m or y-m-d; a zero year with a
 * month is written "XXXX". A year outside 1000-9999 cannot be written in four
 * digits and leaves the value unresolved. */
static void set_value(char v[16], int y, int m, int d)
{
    v[0] = '\0';
    if (y && (y < 1000 || y > 9999))
        return;
    char year[8];
    if (y)
        snprintf(year, sizeof year, "%04d", y % 10000);
    else
        memcpy(year, "XXXX", 5);
    if (!m)
        snprintf(v, 16, "%.4s", year);
    else if (!d)
        snprintf(v, 16, "%.4s-%02d", year, m % 100);
    else
        snprintf(v, 16, "%.4s-%02d-%02d", year, m % 100, d % 100);
}

static void set_value_days(char v[16], long z)
{
    ymd r = civil_from_days(z);
    set_value(v, r.year, r.month, r.day);
}

/* Month arithmetic across years: D's month plus `delta` months. */
static void set_value_months(char v[16], const ymd *D, int delta)
{
    long total = (long)D->year * 12 + (D->month - 1) + delta;
    set_value(v, (int)(total / 12), (int)(total % 12) + 1, 0);
}

static int have_date(const ng_doc *doc)
{
    return doc->date.year != 0;
}

static long date_days(const ng_doc *doc)
{
    return days_from_civil(doc->date.year, doc->date.month, doc->date.day);
}

/* ---- moving between tokens ----------------------------------------------------------- */

/* tokens.c emits the period of an abbreviation twice: inside the word ("Oct.",
 * "a.m.") and again as a "." token at the same place, which also ends a
 * sentence there ("Oct." | "15"). Such an echo is stepped over here, and the
 * sentence break after it ignored, so that "Oct. 15" reads as one expression
 * whether or not the tokenizer makes the echo. */
static int is_echo(const ng_doc *doc, size_t k)
{
    const token *tv = doc->toks.v;
    return k > 0 && k < doc->toks.n && tv[k].kind == TK_PUNCT && tv[k].start < tv[k - 1].end;
}

/* The token after i, or doc->toks.n at the end. */
static size_t after(const ng_doc *doc, size_t i)
{
    size_t j = i + 1;
    while (j < doc->toks.n && is_echo(doc, j))
        j++;
    return j < doc->toks.n ? j : doc->toks.n;
}

/* The token before i, or SIZE_MAX at the start. Both ends are past every real
 * token, so tests on them simply fail. */
static size_t before(const ng_doc *doc, size_t i)
{
    if (i == SIZE_MAX || i == 0 || i > doc->toks.n)
        return SIZE_MAX;
    size_t j = i - 1;
    while (j > 0 && is_echo(doc, j))
        j--;
    return j;
}

static const token *tok_at(const ng_doc *doc, size_t i)
{
    return i < doc->toks.n ? &doc->toks.v[i] : NULL;
}

static int punct_at(const ng_doc *doc, size_t i, char c)
{
    const token *t = tok_at(doc, i);
    return t && tok_is_punct(doc, t, c);
}

/* A sentence begins at token k (not counting breaks after an echo). */
static int sentence_starts_at(const ng_doc *doc, size_t k)
{
    const token *tv = doc->toks.v;
    return k == 0 || k >= doc->toks.n || (tv[k].sent != tv[k - 1].sent && !is_echo(doc, k - 1));
}

/* Tokens i and j (in either order, a few apart) are in one sentence. */
static int same_sentence(const ng_doc *doc, size_t i, size_t j)
{
    if (i > j) {
        size_t x = i;
        i = j;
        j = x;
    }
    if (j >= doc->toks.n)
        return 0;
    for (size_t k = i + 1; k <= j; k++)
        if (sentence_starts_at(doc, k))
            return 0;
    return 1;
}

/* ---- token tests ------------------------------------------------------------------ */

/* A word token at i with the given spelling (any case); false past the end. */
static NG_ALWAYS_INLINE int word_is(const ng_doc *doc, size_t i, const char *w)
{
    return i < doc->toks.n && doc->toks.v[i].kind == TK_WORD && tok_eq(doc, &doc->toks.v[i], w);
}

static int word_in(const ng_doc *doc, size_t i, const char *const *list)
{
    for (; *list; list++)
        if (word_is(doc, i, *list))
            return 1;
    return 0;
}

/* The word ends in the ASCII suffix (any case). */
static int ends_with(const ng_doc *doc, const token *t, const char *suffix)
{
    size_t n = strlen(suffix), len = t->end - t->start;
    if (len < n)
        return 0;
    for (size_t k = 0; k < n; k++) {
        char c = doc->text[t->end - n + k];
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (c != suffix[k])
            return 0;
    }
    return 1;
}

/* A number token of only ASCII digits, 1 to 9 of them: its value, else -1. */
static long plain_number(const ng_doc *doc, size_t i, int *ndigits)
{
    *ndigits = 0;
    if (i >= doc->toks.n || doc->toks.v[i].kind != TK_NUMBER)
        return -1;
    const token *t = &doc->toks.v[i];
    int n = (int)(t->end - t->start), v;
    if (n < 1 || n > 9 || !digits_at(doc->text + t->start, n, &v))
        return -1;
    *ndigits = n;
    return v;
}

/* A day of the month: "5", "05", "5th", "21st", "22nd", "23rd"; else 0. */
static int day_number(const ng_doc *doc, size_t i)
{
    if (i >= doc->toks.n || doc->toks.v[i].kind != TK_NUMBER)
        return 0;
    const token *t = &doc->toks.v[i];
    const char *s = doc->text + t->start;
    int len = (int)(t->end - t->start), nd = 0, v = 0;
    while (nd < len && nd < 3 && s[nd] >= '0' && s[nd] <= '9')
        v = v * 10 + (s[nd++] - '0');
    if (nd == 0 || nd > 2)
        return 0;
    if (len != nd) {
        static const char *const ordinals[] = {"st", "nd", "rd", "th", NULL};
        int ok = 0;
        for (const char *const *o = ordinals; *o && !ok; o++)
            ok = len == nd + 2 && ends_with(doc, t, *o);
        if (!ok)
            return 0;
    }
    return v >= 1 && v <= 31 ? v : 0;
}

/* Four plain digits: a year as written with a day or month. */
static int written_year(const ng_doc *doc, size_t i)
{
    int nd;
    long v = plain_number(doc, i, &nd);
    return nd == 4 && v >= 1000 ? (int)v : 0;
}

/* A month name, capitalized ("May", never the modal "may"): 1-12, else 0. */
static int month_at(const ng_doc *doc, size_t i)
{
    if (i >= doc->toks.n)
        return 0;
    const token *t = &doc->toks.v[i];
    if (t->kind != TK_WORD || !(t->flags & TF_CAP) || !tok_is(t, F_MONTH))
        return 0;
    int m = (int)(t->aux >> AUX_VALUE_SHIFT);
    return m >= 1 && m <= 12 ? m : 0;
}

/* Can the month stand without a day or year? Full names can; "Oct." with its
 * period can; "Oct" or "Jan" alone may be a name. */
static int month_stands_alone(const ng_doc *doc, size_t i)
{
    const token *t = &doc->toks.v[i];
    return !tok_is(t, F_ABBREV) || (t->flags & TF_ABBREV_DOT);
}

/* A weekday name, capitalized: 1 = Monday ... 7 = Sunday, else 0. */
static int weekday_at(const ng_doc *doc, size_t i)
{
    if (i >= doc->toks.n)
        return 0;
    const token *t = &doc->toks.v[i];
    if (t->kind != TK_WORD || !(t->flags & TF_CAP) || !tok_is(t, F_WEEKDAY))
        return 0;
    int w = (int)(t->aux >> AUX_VALUE_SHIFT);
    return w >= 1 && w <= 7 ? w : 0;
}

/* A noun that a number counts: "2000 people", "1800 miles", "2019 votes". A
 * plural-looking lower-case word that is not a function word ("2019 was",
 * "2019 as") counts, as do a few units. */
static int counted_noun(const ng_doc *doc, size_t i)
{
    static const char *const units[] = {"people", "men", "women", "children", "feet", "ft", "km", "kg",
                                        "lb", "mph", "cm", "mm", "percent", "per", "gmt", "utc", NULL};
    if (i >= doc->toks.n)
        return 0;
    const token *t = &doc->toks.v[i];
    if (tok_is_punct(doc, t, '%') || word_in(doc, i, units)) /* "2100 GMT" too */
        return 1;
    if (t->kind != TK_WORD || !(t->flags & TF_LOWER))
        return 0;
    if (tok_is(t, F_PLURAL_NOUN))
        return 1;
    if (t->feats & (F_AUX | F_MODAL | F_PREP | F_CONJ | F_DET | F_PRONOUN | F_STOP | F_ADVERB | F_SUBORD |
                    F_RELATIVE | F_QUANT | F_NEGATION | F_PAST_VERB))
        return 0;
    return t->end - t->start >= 3 && ends_with(doc, t, "s") && !ends_with(doc, t, "ss") &&
           !ends_with(doc, t, "us") && !ends_with(doc, t, "is");
}

/* ---- tense ------------------------------------------------------------------------ */

/* Whether a sentence speaks of the past or the future decides which Friday
 * "Friday" is, and whether "in December" written in February is last
 * December. The nearest decisive word before the expression wins. */
typedef enum tense { TENSE_NONE, TENSE_PAST, TENSE_PRESENT, TENSE_FUTURE } tense;

static const char *const future_modals[] = {"will", "would", "'ll", "shall", "won't", "wouldn't", "shan't", NULL};
static const char *const be_forms[] = {"be", "been", "being", "is", "are", "was", "were", "am", NULL};

/* Words that point forward by themselves: "due in March", "scheduled for
 * Friday", "no agreement was expected before March". */
static const char *const future_words[] = {"due", "scheduled", "expected", "expects", "expect", "expecting",
                                           "upcoming",
                                           /* "the session that begins in January" */
                                           "begins", "starts", "resumes", "convenes", "reconvenes", "expires", NULL};
/* ... and those that do before "to": "plans to", "is to", "set to". */
static const char *const future_before_to[] = {"going", "plans", "plan", "planned", "planning", "set", "is",
                                               "are", "intends", "intend", "aims", "hopes", NULL};
/* A participle that opens a period: "starting in August", "beginning Monday". */
static const char *const future_openers[] = {"starting", "beginning", "effective", NULL};
static const char *const present_words[] = {"is", "are", "am", "has", "have", "does", "do", NULL};

/* "-ed" words that are not past forms. */
static const char *const not_past_ed[] = {"need", "indeed", "speed", "proceed", "exceed", "succeed", "hundred",
                                          "seed", "feed", "breed", "greed", "creed", "deed", "heed", "bleed",
                                          "weed", "shed", "sled", "embed", "naked", "wicked", "sacred",
                                          "kindred", "rugged", "ragged", "jagged", "crooked", "wretched",
                                          "beloved", "bed", NULL};

/* The word before k, skipping adverbs and negations ("will not", "was also"),
 * within the sentence; SIZE_MAX when none. */
static size_t word_before(const ng_doc *doc, size_t k)
{
    for (int skipped = 0; skipped < 3 && !sentence_starts_at(doc, k); skipped++) {
        k = before(doc, k);
        const token *t = &doc->toks.v[k];
        if (t->kind == TK_WORD && (t->feats & (F_ADVERB | F_NEGATION)) && !(t->feats & F_MODAL))
            continue;
        return k;
    }
    return SIZE_MAX;
}

/* A finite past form at k: "made", "voted", "Asked" at a sentence start. Not
 * when a modal, "to" or do-support comes before ("will cut", "to set", "did
 * not cut": base forms), not after a determiner ("the detailed calendar") and
 * not after a form of "be" ("would be completed", "are published"): there the
 * auxiliary decides; and not in "as planned". */
static int is_past_form(const ng_doc *doc, size_t k)
{
    const token *t = &doc->toks.v[k];
    int irregular = tok_is(t, F_PAST_VERB) || (tok_is(t, F_CUE) && (t->aux & AUX_CUE_PAST));
    if (!irregular) {
        int cased = (t->flags & TF_LOWER) || ((t->flags & TF_CAP) && (t->flags & TF_SENT_START));
        if (!cased || t->end - t->start < 4 || !ends_with(doc, t, "ed") || word_in(doc, k, not_past_ed))
            return 0;
    }
    size_t p = word_before(doc, k);
    if (p == SIZE_MAX)
        return 1;
    const token *b = &doc->toks.v[p];
    if (tok_is(b, F_MODAL) || word_is(doc, p, "to") || word_is(doc, p, "did") || word_is(doc, p, "does") ||
        word_is(doc, p, "do"))
        return 0;
    if (!irregular && (tok_is(b, F_DET) || word_in(doc, p, be_forms)))
        return 0;
    /* "would close as planned on Dec. 20", "as expected": no event of its own. */
    if (!irregular && word_is(doc, p, "as"))
        return 0;
    return 1;
}

/* The tense a single word gives, or TENSE_NONE. `looking_back` allows the
 * adverbial cues ("since", "ago", "last", "next"), which speak of what follows
 * them. */
static tense word_tense(const ng_doc *doc, size_t k, int looking_back)
{
    const token *t = &doc->toks.v[k];
    if (t->kind != TK_WORD)
        return TENSE_NONE;
    if (tok_is(t, F_MODAL))
        return word_in(doc, k, future_modals) ? TENSE_FUTURE : TENSE_NONE;
    if (word_in(doc, k, future_before_to) && word_is(doc, after(doc, k), "to"))
        return TENSE_FUTURE;
    if (word_in(doc, k, future_words))
        return TENSE_FUTURE;
    if (word_in(doc, k, future_openers) && !(k > 0 && tok_is(&doc->toks.v[before(doc, k)], F_DET)))
        return TENSE_FUTURE;
    if (looking_back) {
        if (word_is(doc, k, "next") || (word_is(doc, k, "later") && word_is(doc, after(doc, k), "this")))
            return TENSE_FUTURE;
        if (word_is(doc, k, "since") || word_is(doc, k, "ago") || word_is(doc, k, "last"))
            return TENSE_PAST;
    }
    if (word_is(doc, k, "was") || word_is(doc, k, "were") || word_is(doc, k, "had"))
        return TENSE_PAST;
    if (word_is(doc, k, "did"))
        return TENSE_NONE; /* "if the union did not return by Thursday": no decision */
    if (word_in(doc, k, present_words)) {
        /* "would have been completed": the modal decides. */
        size_t p = word_before(doc, k);
        if (p != SIZE_MAX && tok_is(&doc->toks.v[p], F_MODAL))
            return TENSE_NONE;
        return TENSE_PRESENT;
    }
    if (tok_is(t, F_CUE) && (t->aux & AUX_CUE_PRESENT))
        return TENSE_PRESENT;
    return is_past_form(doc, k) ? TENSE_PAST : TENSE_NONE;
}

enum { LOOK_BACK = 40, LOOK_AHEAD = 15 };

/* A token the tense search may read for an expression in quote `q`: inside a
 * quote only the quote's own words (the quoted speaker has a tense of her
 * own); outside, the narration around any quotes. */
static int readable(const token *t, int32_t q, int *stop)
{
    if (q >= 0) {
        *stop = t->quote != q;
        return !*stop;
    }
    *stop = 0;
    return t->quote < 0 && t->kind == TK_WORD;
}

/* The tense of the sentence around tokens [first, last]: the nearest decisive
 * word before, else the nearest after ("On Friday, the union will ..."), else
 * none (which callers read as past). */
static tense sentence_tense(const ng_doc *doc, size_t first, size_t last)
{
    const token *tv = doc->toks.v;
    int32_t q = tv[first].quote;
    int stop;
    for (size_t k = first; !sentence_starts_at(doc, k) && k + LOOK_BACK > first;) {
        k = before(doc, k);
        if (!readable(&tv[k], q, &stop)) {
            if (stop)
                break;
            continue;
        }
        tense t = word_tense(doc, k, 1);
        if (t != TENSE_NONE)
            return t;
    }
    for (size_t k = after(doc, last); !sentence_starts_at(doc, k) && k <= last + LOOK_AHEAD; k = after(doc, k)) {
        if (!readable(&tv[k], q, &stop)) {
            if (stop)
                break;
            continue;
        }
        tense t = word_tense(doc, k, 0);
        if (t != TENSE_NONE)
            return t;
    }
    return TENSE_NONE;
}

/* "by June 3", "by the end of March": a deadline, which looks forward even
 * in a past-tense sentence ("ordered her to report to prison by June 3"). */
static int after_by(const ng_doc *doc, size_t first)
{
    static const char *const parts[] = {"end", "start", "beginning", "middle", NULL};
    size_t p1 = before(doc, first), p2 = before(doc, p1), p3 = before(doc, p2), p4 = before(doc, p3);
    if (word_is(doc, p1, "by"))
        return 1;
    return word_is(doc, p1, "of") && word_in(doc, p2, parts) && word_is(doc, p3, "the") && word_is(doc, p4, "by");
}

/* ---- resolving against D ----------------------------------------------------------- */

/* How far a date without a year may stray from D before the sentence's tense
 * moves it a year: a past event written "December" in February is last
 * December, a future one written "Jan. 16" in October is next January. The
 * margin forgives a misread tense near D. It is the same both ways: an event
 * in a future-tense sentence is hardly ever months before D (the reference
 * articles have "will report on Jan. 16" written in October). */
enum { YEAR_SHIFT_MARGIN = 60 };

/* The year of month m, day d (d = 15 stands for "some time in the month"). */
static int year_for(const ng_doc *doc, int m, int d, size_t first, size_t last)
{
    int y = doc->date.year;
    tense t = sentence_tense(doc, first, last);
    long gap = days_from_civil(y, m, d) - date_days(doc);
    if ((t == TENSE_PAST || t == TENSE_NONE) && gap > YEAR_SHIFT_MARGIN && !after_by(doc, first))
        return y - 1;
    if (t == TENSE_FUTURE && gap < -YEAR_SHIFT_MARGIN)
        return y + 1;
    return y;
}

typedef enum day_choice { ON_OR_BEFORE, STRICTLY_BEFORE, ON_OR_AFTER, STRICTLY_AFTER } day_choice;

/* The weekday `wd` nearest D in the direction chosen. */
static long weekday_near(const ng_doc *doc, int wd, day_choice how)
{
    long z = date_days(doc);
    int today = weekday_of_days(z);
    int back = (today - wd + 7) % 7, ahead = (wd - today + 7) % 7;
    switch (how) {
    case ON_OR_BEFORE:
        return z - back;
    case STRICTLY_BEFORE:
        return z - (back ? back : 7);
    case ON_OR_AFTER:
        return z + ahead;
    default:
        return z + (ahead ? ahead : 7);
    }
}

/* ---- matches ------------------------------------------------------------------------ */

/* What a matcher found: the tokens it consumed, the span it reports (when
 * `emit`) and the value. */
typedef struct found {
    size_t next; /* the first token after the consumed ones */
    uint32_t start, end;
    int emit;
    int explicit_year; /* the text gives the year: "that year" may refer to it */
    char value[16];
} found;

/* Reports tokens [first, last] with `value` set by the caller. */
static int report(const ng_doc *doc, found *f, size_t first, size_t last)
{
    f->start = doc->toks.v[first].start;
    f->end = doc->toks.v[last].end;
    f->next = after(doc, last);
    f->emit = 1;
    return 1;
}

/* Consumes tokens [first, last] without reporting them. */
static int skip(const ng_doc *doc, found *f, size_t last)
{
    f->next = after(doc, last);
    f->emit = 0;
    return 1;
}

/* A year written after a day or month, not counting something ("March 3,
 * 2000 people"). */
static int year_after(const ng_doc *doc, size_t i)
{
    int y = written_year(doc, i);
    return y && !counted_noun(doc, after(doc, i)) && same_sentence(doc, before(doc, i), i) ? y : 0;
}

/* A day and month read, with the year when the text gives one (else 0):
 * reports tokens [first, last], or skips an impossible date ("February 30"). */
static int day_month_value(const ng_doc *doc, found *f, size_t first, size_t last, int y, int m, int d)
{
    if (y)
        f->explicit_year = 1;
    else if (have_date(doc))
        y = year_for(doc, m, d, first, last);
    if (!valid_date(y ? y : 2000, m, d)) /* 2000: a leap year, so February 29 stands */
        return skip(doc, f, last);
    set_value(f->value, y, m, d);
    return report(doc, f, first, last);
}

/* The optional year after a day and month: "March 3, 2024", "5 October 2024".
 * Returns the last token of the expression (`last` when no year follows). */
static size_t year_part(const ng_doc *doc, size_t last, int *y)
{
    size_t k = after(doc, last);
    if (punct_at(doc, k, ',')) {
        size_t n = after(doc, k);
        /* "the Sept. 11, 2001 attacks": after the comma a year, even before
         * a plural noun, unless that noun goes on with a verb ("March 3,
         * 2000 people marched") */
        int yr = written_year(doc, n);
        size_t noun = after(doc, n);
        if (yr && same_sentence(doc, last, n) && counted_noun(doc, noun) && noun < doc->toks.n &&
            !word_in(doc, noun, (const char *const[]){"people", "men", "women", "children", NULL})) {
            size_t v = after(doc, noun);
            const token *vt = v < doc->toks.n ? &doc->toks.v[v] : NULL;
            if (!vt || vt->kind != TK_WORD || !(vt->flags & TF_LOWER) ||
                !((vt->feats & (F_AUX | F_MODAL | F_PAST_VERB | F_PRESENT_VERB | F_CUE)) || ends_with(doc, vt, "ed"))) {
                *y = yr;
                return n;
            }
        }
        if (year_after(doc, n))
            k = n;
    }
    *y = year_after(doc, k);
    return *y ? k : last;
}

/* "2024-01-05" written as one number token. */
static int match_iso(const ng_doc *doc, size_t i, found *f)
{
    const token *t = &doc->toks.v[i];
    char s[11];
    ymd r;
    if (t->end - t->start != 10)
        return 0;
    memcpy(s, doc->text + t->start, 10);
    s[10] = '\0';
    if (parse_iso_date(s, &r) != 0)
        return 0;
    set_value(f->value, r.year, r.month, r.day);
    f->explicit_year = 1;
    return report(doc, f, i, i);
}

/* "5 October", "5th October 2024", "5th of October" (after "the", which is
 * left out of the span). */
static int match_day_first(const ng_doc *doc, size_t i, found *f)
{
    int d = day_number(doc, i);
    if (!d)
        return 0;
    const token *t = &doc->toks.v[i];
    int ordinal = t->end - t->start > 2;
    size_t j = after(doc, i);
    if (ordinal && word_is(doc, j, "of"))
        j = after(doc, j);
    int m = month_at(doc, j);
    if (!m || !same_sentence(doc, i, j))
        return 0;
    int y;
    size_t last = year_part(doc, j, &y);
    return day_month_value(doc, f, i, last, y, m, d);
}

/* How many: "3", "three", "a", "an"; 0 when the token is no count. */
static long count_at(const ng_doc *doc, size_t i)
{
    const token *t = &doc->toks.v[i];
    uint32_t v = t->aux >> AUX_VALUE_SHIFT;
    int nd;
    if (t->kind == TK_NUMBER) {
        long n = plain_number(doc, i, &nd);
        return n >= 1 && nd <= 3 ? n : 0;
    }
    if (word_is(doc, i, "a") || word_is(doc, i, "an"))
        return 1;
    return tok_is(t, F_NUMBER_WORD) && v >= 1 && v <= 12 ? (long)v : 0;
}

/* "three years ago", "a week ago", "2 months ago": years give a year, months
 * a month, weeks and days a day. "Ten years ago today" is an anniversary,
 * neither a year nor today: it is left out whole. */
static int match_ago(const ng_doc *doc, size_t i, found *f)
{
    static const char *const units[] = {"year", "years", "month", "months", "week",
                                        "weeks", "day", "days", NULL};
    long count = count_at(doc, i);
    size_t u = after(doc, i), ago = after(doc, u), next = after(doc, ago);
    if (!count || !word_in(doc, u, units) || !word_is(doc, ago, "ago") || !same_sentence(doc, i, ago))
        return 0;
    if (word_is(doc, next, "today") && same_sentence(doc, ago, next))
        return skip(doc, f, next);
    if (have_date(doc)) {
        char unit = (char)(doc->text[doc->toks.v[u].start] | 0x20);
        if (unit == 'y')
            set_value(f->value, doc->date.year - (int)count, 0, 0);
        else if (unit == 'm')
            set_value_months(f->value, &doc->date, -(int)count);
        else
            set_value_days(f->value, date_days(doc) - (unit == 'w' ? 7 : 1) * count);
    }
    return report(doc, f, i, ago);
}

/* The token's bytes are exactly `s`. */
static int tok_bytes_are(const ng_doc *doc, size_t i, const char *s)
{
    const token *t = tok_at(doc, i);
    size_t n = strlen(s);
    return t && t->end - t->start == n && !memcmp(doc->text + t->start, s, n);
}

/* A year on its own: "in 2019", "the 2020 Vanity Fair Oscar Party". Not an
 * amount ("$2000", "2000 people", "1999%"), a piece of a numeric date
 * ("1/5/2024") or a number ("Flight 2019", "No. 1999"). */
static int match_year(const ng_doc *doc, size_t i, found *f)
{
    static const char *const currencies[] = {"$", "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5", NULL}; /* $ € £ ¥ */
    static const char *const numbering[] = {"no.", "no", "number", "flight", "route", "room",
                                            "highway", "interstate", "suite", "page", NULL};
    int nd;
    long y = plain_number(doc, i, &nd);
    if (nd != 4 || y < 1800 || y > 2100)
        return 0;
    size_t p = before(doc, i), n = after(doc, i);
    if (punct_at(doc, p, '/') || punct_at(doc, p, '#') || word_in(doc, p, numbering))
        return 0;
    for (const char *const *c = currencies; *c; c++)
        if (tok_bytes_are(doc, p, *c))
            return 0;
    if (punct_at(doc, n, '/'))
        return 0;
    /* "2000 people" counts people; "the 2020 elections", "since 2015 sales"
     * name a year. */
    if (counted_noun(doc, n) && !(same_sentence(doc, p, i) && tok_is(&doc->toks.v[p], F_DET | F_PREP)))
        return 0;
    set_value(f->value, (int)y, 0, 0);
    f->explicit_year = 1;
    return report(doc, f, i, i);
}

/* -1, 0, +1 for "last", "this", "next"; 2 for any other token. */
static int direction_at(const ng_doc *doc, size_t i)
{
    if (word_is(doc, i, "last"))
        return -1;
    if (word_is(doc, i, "this"))
        return 0;
    if (word_is(doc, i, "next"))
        return 1;
    return 2;
}

/* [early|late|earlier|later|mid] (this|last|next) (year|month|week|weekend),
 * the direction word at i; the span starts at `first` (the modifier, if any).
 * The modifier narrows the time, not the value: "late last year" is last year. */
static int match_relative_unit(const ng_doc *doc, size_t first, size_t i, found *f)
{
    static const char *const weeks[] = {"week", "weekend", NULL};
    int dir = direction_at(doc, i);
    size_t u = after(doc, i);
    if (dir == 2 || !same_sentence(doc, i, u))
        return 0;
    /* "the last year", "over the next month": a stretch of time, not a date. */
    if (first == i && dir != 0 && word_is(doc, before(doc, i), "the"))
        return 0;
    if (word_in(doc, u, weeks))
        return skip(doc, f, u); /* a week has no ISO value in output version 1 */
    int is_month = word_is(doc, u, "month");
    if (!is_month && !word_is(doc, u, "year"))
        return 0;
    if (have_date(doc) && is_month)
        set_value_months(f->value, &doc->date, dir);
    else if (have_date(doc))
        set_value(f->value, doc->date.year + dir, 0, 0);
    return report(doc, f, first, u);
}

/* "last June" (the latest June before D's month), "next March" (the first
 * March after it), "this June" (D's year). */
static int match_relative_month(const ng_doc *doc, size_t i, found *f)
{
    int dir = direction_at(doc, i);
    size_t j = after(doc, i);
    int m = month_at(doc, j);
    if (dir == 2 || !m || !month_stands_alone(doc, j) || !same_sentence(doc, i, j))
        return 0;
    /* "last March 3": the day decides, and the day matcher reads it. */
    size_t k = after(doc, j);
    if (day_number(doc, k) || written_year(doc, k))
        return 0;
    int y = 0;
    if (have_date(doc)) {
        y = doc->date.year;
        if (dir < 0 && m >= doc->date.month)
            y--;
        else if (dir > 0 && m <= doc->date.month)
            y++;
    }
    set_value(f->value, y, m, 0);
    return report(doc, f, i, j);
}

/* "last Tuesday" (strictly before D), "next Friday" (strictly after), "this
 * Friday" (the coming one, unless the sentence is in the past). */
static int match_relative_weekday(const ng_doc *doc, size_t i, found *f)
{
    int dir = direction_at(doc, i);
    size_t j = after(doc, i);
    int wd = weekday_at(doc, j);
    if (dir == 2 || !wd || !same_sentence(doc, i, j))
        return 0;
    if (have_date(doc)) {
        day_choice how = dir < 0 ? STRICTLY_BEFORE : dir > 0 ? STRICTLY_AFTER : ON_OR_AFTER;
        if (dir == 0 && sentence_tense(doc, i, j) == TENSE_PAST)
            how = ON_OR_BEFORE;
        set_value_days(f->value, weekday_near(doc, wd, how));
    }
    return report(doc, f, i, j);
}

/* "today", "tonight", "yesterday", "tomorrow", "last night". */
static int match_day_word(const ng_doc *doc, size_t i, found *f)
{
    long delta;
    size_t last = i, j = after(doc, i);
    if (word_is(doc, i, "today") || word_is(doc, i, "tonight"))
        delta = 0;
    else if (word_is(doc, i, "yesterday"))
        delta = -1;
    else if (word_is(doc, i, "tomorrow"))
        delta = 1;
    else if (word_is(doc, i, "last") && word_is(doc, j, "night") && same_sentence(doc, i, j))
        delta = -1, last = j;
    else
        return 0;
    if (have_date(doc))
        set_value_days(f->value, date_days(doc) + delta);
    return report(doc, f, i, last);
}

/* "that year": the year of the latest date with a written year, when that is
 * in this sentence or the one before ("released in January 1964 ... The
 * critic wrote that year"); otherwise it cannot be told and is left out. */
static int match_that_year(const ng_doc *doc, size_t i, found *f, size_t year_tok, int year)
{
    size_t j = after(doc, i);
    if (!word_is(doc, i, "that") || !word_is(doc, j, "year") || !same_sentence(doc, i, j))
        return 0;
    if (!year || year_tok == SIZE_MAX || doc->toks.v[i].sent > doc->toks.v[year_tok].sent + 1)
        return skip(doc, f, j);
    set_value(f->value, year, 0, 0);
    return report(doc, f, i, j);
}

/* Words after which a capitalized month name is a month and not the modal or
 * the verb: "in May", "by the end of June", "early October", "between October
 * and December". */
static const char *const month_triggers[] = {"in", "on", "since", "until", "till", "by", "from",
                                             "to", "through", "during", "before", "after", "of",
                                             "early", "late", "mid", "between", "and", "or", NULL};

/* May the month name at i stand alone as a month-precision date? */
static int month_alone_ok(const ng_doc *doc, size_t i)
{
    const token *t = &doc->toks.v[i];
    size_t p = before(doc, i), n = after(doc, i);
    /* "a key September conversation", "the October meeting": a month that
     * qualifies a noun, after a determiner */
    int attributive = 0;
    if (same_sentence(doc, p, i) && same_sentence(doc, i, n) && n < doc->toks.n) {
        const token *nt = &doc->toks.v[n], *pt = &doc->toks.v[p];
        size_t pp = before(doc, p);
        /* "the October meeting", "Norway's October oil production" */
        int det = (tok_is(pt, F_DET) && (pt->flags & TF_LOWER)) || tok_is_clitic_s(doc, pt);
        int det_adj = pt->kind == TK_WORD && (pt->flags & TF_LOWER) && !tok_is(pt, F_PREP | F_CUE | F_AUX | F_MODAL) &&
                      same_sentence(doc, pp, p) && tok_is(&doc->toks.v[pp], F_DET) && (doc->toks.v[pp].flags & TF_LOWER);
        attributive = (det || det_adj) && nt->kind == TK_WORD && (nt->flags & TF_LOWER) &&
                      !tok_is(nt, F_PREP | F_CONJ | F_AUX | F_MODAL | F_DET | F_PRONOUN | F_ADVERB);
    }
    if (!month_stands_alone(doc, i) || !same_sentence(doc, p, i) || (!word_in(doc, p, month_triggers) && !attributive))
        return 0;
    /* Title case capitalizes every word: a headline's "to March" or "May" is
     * a verb or the modal unless a day or year follows. */
    int m = month_at(doc, i);
    if ((m == 3 || m == 5) && t->para < doc->paras.n && doc->paras.v[t->para].kind == PARA_TITLE)
        return 0;
    /* "and April Smith", "in June Carter's": a first name. */
    if (same_sentence(doc, i, n)) {
        const token *nt = &doc->toks.v[n];
        if (nt->kind == TK_WORD && (nt->flags & TF_CAP) && !tok_is(nt, F_MONTH | F_WEEKDAY))
            return 0;
    }
    return 1;
}

/* A month name: "March 3", "Oct. 5, 2024", "October 2024", "in June",
 * "April last year". */
static int match_month(const ng_doc *doc, size_t i, found *f)
{
    int m = month_at(doc, i);
    if (!m)
        return 0;
    size_t j = after(doc, i);
    int d = same_sentence(doc, i, j) ? day_number(doc, j) : 0;
    if (d && !punct_at(doc, after(doc, j), '%')) {
        int y;
        size_t last = year_part(doc, j, &y);
        return day_month_value(doc, f, i, last, y, m, d);
    }
    if (word_is(doc, j, "of") && year_after(doc, after(doc, j)))
        j = after(doc, j);
    int y = year_after(doc, j);
    if (y) {
        set_value(f->value, y, m, 0);
        f->explicit_year = 1;
        return report(doc, f, i, j);
    }
    /* "April last year": the month of the year named after it. */
    int dir = direction_at(doc, j);
    size_t k = after(doc, j);
    if (dir != 2 && word_is(doc, k, "year") && same_sentence(doc, i, k) && month_stands_alone(doc, i)) {
        set_value(f->value, have_date(doc) ? doc->date.year + dir : 0, m, 0);
        return report(doc, f, i, k);
    }
    if (!month_alone_ok(doc, i))
        return 0;
    /* "their 2020 session that starts in early January", "In 2018, sales
     * fell in June": the year the sentence names just before */
    size_t k2 = i;
    for (int steps = 0; steps < 12; steps++) {
        size_t p = before(doc, k2);
        if (p == k2 || p >= doc->toks.n || !same_sentence(doc, p, i))
            break;
        k2 = p;
        int yr = written_year(doc, k2);
        if (yr && yr >= 1900 && yr <= 2200 && !counted_noun(doc, after(doc, k2)) &&
            !month_at(doc, before(doc, k2)) &&
            !word_in(doc, before(doc, k2),
                     (const char *const[]){"since", "from", "until", "till", "through", "after", "before", "by", NULL})) {
            set_value(f->value, yr, m, 0);
            return report(doc, f, i, i);
        }
        if (month_at(doc, k2))
            break;
    }
    set_value(f->value, have_date(doc) ? year_for(doc, m, 15, i, i) : 0, m, 0);
    return report(doc, f, i, i);
}

/* "mid-October": one token, the whole of it the date's text (as real news
 * annotations write it). */
static int match_mid_month(const ng_doc *doc, size_t i, found *f)
{
    const token *t = &doc->toks.v[i];
    if (t->end - t->start < 7 || !(t->flags & TF_HYPHEN) || memcmp(doc->text + t->start, "mid-", 4) != 0)
        return 0;
    const char *name = doc->text + t->start + 4;
    if (name[0] < 'A' || name[0] > 'Z')
        return 0;
    uint32_t e = lookup_word(&doc->engine->lex, name, t->end - t->start - 4, NULL);
    if (!e)
        return 0;
    const lex_entry *le = lexicon_entry(&doc->engine->lex, e);
    int m = (int)(le->aux >> AUX_VALUE_SHIFT);
    if (!(le->feats & F_MONTH) || (le->feats & F_ABBREV) || m < 1 || m > 12)
        return 0;
    set_value(f->value, have_date(doc) ? year_for(doc, m, 15, i, i) : 0, m, 0);
    return report(doc, f, i, i);
}

/* Which day a weekday at i is: the day of D's week that the sentence's tense
 * points to. A deadline with no tense to go by ("a plan on my desk by
 * Friday") looks forward. */
static long weekday_value(const ng_doc *doc, size_t i, int wd)
{
    tense t = sentence_tense(doc, i, i);
    day_choice how = t == TENSE_FUTURE ? STRICTLY_AFTER : t == TENSE_PRESENT ? ON_OR_AFTER : ON_OR_BEFORE;
    if (t == TENSE_NONE && word_is(doc, before(doc, i), "by"))
        how = ON_OR_AFTER;
    return weekday_near(doc, wd, how);
}

/* A weekday. Not one that names no single day: "the Tuesday before", "any
 * other Saturday", "Friday nights", "Monday through Thursday". A weekday
 * before its date without a comma ("Monday 14 October", British style) is
 * one expression with it; "Wednesday, March 27, 2024" is two. */
static int match_weekday(const ng_doc *doc, size_t i, found *f)
{
    static const char *const habitual[] = {"nights", "mornings", "afternoons", "evenings", NULL};
    static const char *const range[] = {"through", "to", "until", "till", "thru", NULL};
    int wd = weekday_at(doc, i);
    if (!wd)
        return 0;
    size_t p = before(doc, i), n = after(doc, i), n2 = after(doc, n);
    if (same_sentence(doc, p, i) && (tok_is(&doc->toks.v[p], F_DET | F_QUANT) || word_is(doc, p, "other")))
        return skip(doc, f, i);
    if (word_in(doc, n, habitual))
        return skip(doc, f, n);
    if (same_sentence(doc, i, n2) && (word_in(doc, n, range) || doc->toks.v[n].kind == TK_DASH) &&
        weekday_at(doc, n2))
        return skip(doc, f, n2);
    if (same_sentence(doc, i, n) && (match_day_first(doc, n, f) || (month_at(doc, n) && match_month(doc, n, f)))) {
        if (f->emit)
            f->start = doc->toks.v[i].start;
        return 1;
    }
    memset(f, 0, sizeof *f);
    if (have_date(doc))
        set_value_days(f->value, weekday_value(doc, i, wd));
    return report(doc, f, i, i);
}

static int match_word(const ng_doc *doc, size_t i, found *f, size_t year_tok, int year)
{
    static const char *const modifiers[] = {"early", "late", "earlier", "later", "mid", NULL};
    if (word_in(doc, i, modifiers) && match_relative_unit(doc, i, after(doc, i), f))
        return 1;
    if (direction_at(doc, i) != 2 && (match_relative_unit(doc, i, i, f) || match_relative_month(doc, i, f) ||
                                      match_relative_weekday(doc, i, f)))
        return 1;
    return match_day_word(doc, i, f) || match_that_year(doc, i, f, year_tok, year) || match_ago(doc, i, f) ||
           match_month(doc, i, f) || match_mid_month(doc, i, f) || match_weekday(doc, i, f);
}

static int match_number(const ng_doc *doc, size_t i, found *f)
{
    return match_iso(doc, i, f) || match_day_first(doc, i, f) || match_ago(doc, i, f) || match_year(doc, i, f);
}

/* The year of a value that starts with four digits, else 0. */
static int value_year(const char *v)
{
    int y;
    return digits_at(v, 4, &y) ? y : 0;
}

/* Can a date expression start at this word? Most words cannot, and saying so
 * from the lexicon features first keeps the matchers off the hot path. */
static int may_start_date(const ng_doc *doc, const token *t)
{
    if (tok_is(t, F_MONTH | F_WEEKDAY | F_TIME_WORD | F_NUMBER_WORD))
        return 1;
    size_t n = t->end - t->start;
    if (n > 4 && (doc->text[t->start] | 0x20) == 'm' && (doc->text[t->start + 1] | 0x20) == 'i' &&
        (doc->text[t->start + 2] | 0x20) == 'd' && doc->text[t->start + 3] == '-')
        return 1; /* "mid-October" */
    if (n > 7)
        return 0;
    switch (doc->text[t->start] | 0x20) {
    case 'a':
        return tok_eq(doc, t, "a") || tok_eq(doc, t, "an");
    case 'l':
        return tok_eq(doc, t, "last") || tok_eq(doc, t, "late") || tok_eq(doc, t, "later");
    case 't':
        return tok_eq(doc, t, "this") || tok_eq(doc, t, "that");
    case 'n':
        return tok_eq(doc, t, "next");
    case 'e':
        return tok_eq(doc, t, "early") || tok_eq(doc, t, "earlier");
    case 'm':
        return tok_eq(doc, t, "mid");
    default:
        return 0;
    }
}

void find_dates(ng_doc *doc)
{
    size_t year_tok = SIZE_MAX; /* the latest date with a written year, for "that year" */
    int year = 0;
    for (size_t i = 0; i < doc->toks.n;) {
        const token *t = &doc->toks.v[i];
        int number = t->kind == TK_NUMBER;
        if (!number && !(t->kind == TK_WORD && may_start_date(doc, t))) {
            i++; /* most tokens: no match record to clear */
            continue;
        }
        found f;
        memset(&f, 0, sizeof f);
        if (!(number ? match_number(doc, i, &f) : match_word(doc, i, &f, year_tok, year))) {
            i++;
            continue;
        }
        if (f.emit) {
            date_ref *r = VEC_PUSH(&doc->dates);
            r->start = f.start;
            r->end = f.end;
            memcpy(r->value, f.value, sizeof r->value);
            if (f.explicit_year && value_year(f.value)) {
                year_tok = i;
                year = value_year(f.value);
            }
        }
        i = f.next > i ? f.next : i + 1;
    }
}
