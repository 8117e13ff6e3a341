/*
 * The dates stage: date expressions, their spans and their ISO values,
 * resolved against the article's date. Every case runs the whole pipeline on a
 * short text and asserts on the span's exact text and the value.
 *
 * 2026-03-03, the date most cases use, is a Tuesday.
 */
#include "check.h"
#include "internal.h" /* parse_iso_date */

#include <stdlib.h>

static ng_engine *engine;

/* What value_of() and friends return when the expression is not reported at
 * all; an unresolved value (NULL in the API) reads as "". */
#define ABSENT "(no such date)"

/* A few results kept between calls, so that several can stand in one CHECK. */
static char results[8][512];
static int next_result;

static const char *keep(const char *s)
{
    char *r = results[next_result++ % 8];
    snprintf(r, sizeof results[0], "%s", s);
    return r;
}

/* The value of the nth (0-based) date whose text is `span`. */
static const char *nth_value_of(const char *text, const char *date, const char *span, int nth)
{
    ng_doc *doc = extract(engine, text, date);
    const char *got = ABSENT;
    if (ng_doc_error(doc)) {
        got = ng_doc_error(doc);
    } else {
        for (size_t i = 0; i < ng_doc_date_count(doc); i++) {
            const ng_date *d = ng_doc_date_at(doc, i);
            if (!strcmp(d->text, span) && nth-- == 0) {
                got = d->value ? d->value : "";
                break;
            }
        }
    }
    got = keep(got);
    ng_doc_free(doc);
    return got;
}

static const char *value_of(const char *text, const char *date, const char *span)
{
    return nth_value_of(text, date, span, 0);
}

static size_t date_count(const char *text, const char *date)
{
    ng_doc *doc = extract(engine, text, date);
    size_t n = ng_doc_error(doc) ? (size_t)-1 : ng_doc_date_count(doc);
    ng_doc_free(doc);
    return n;
}

/* All dates as "text=value; ...", for cases that pin down the whole list. */
static const char *all_dates(const char *text, const char *date)
{
    ng_doc *doc = extract(engine, text, date);
    char buf[512] = "";
    size_t len = 0;
    for (size_t i = 0; i < ng_doc_date_count(doc) && len < sizeof buf; i++) {
        const ng_date *d = ng_doc_date_at(doc, i);
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s=%s", i ? "; " : "", d->text,
                                d->value ? d->value : "");
    }
    ng_doc_free(doc);
    return keep(buf);
}

#define D "2026-03-03"

static void test_parse_iso_date(void)
{
    ymd r = {0, 0, 0};
    CHECK(parse_iso_date("2020-10-28", &r) == 0 && r.year == 2020 && r.month == 10 && r.day == 28);
    CHECK(parse_iso_date("2024-02-29", &r) == 0); /* leap year */
    CHECK(parse_iso_date("2000-02-29", &r) == 0); /* divisible by 400: leap */
    CHECK(parse_iso_date("2023-02-29", &r) == -1);
    CHECK(parse_iso_date("1900-02-29", &r) == -1); /* divisible by 100: not leap */
    CHECK(parse_iso_date("2020-13-01", &r) == -1);
    CHECK(parse_iso_date("2020-00-10", &r) == -1);
    CHECK(parse_iso_date("2020-02-30", &r) == -1);
    CHECK(parse_iso_date("2020-04-31", &r) == -1);
    CHECK(parse_iso_date("2020-01-00", &r) == -1);
    CHECK(parse_iso_date("20-01-01", &r) == -1);
    CHECK(parse_iso_date("2020-1-1", &r) == -1);
    CHECK(parse_iso_date("2020-01-01x", &r) == -1);
    CHECK(parse_iso_date(" 2020-01-01", &r) == -1);
    CHECK(parse_iso_date("2020/01/01", &r) == -1);
    CHECK(parse_iso_date("0999-12-31", &r) == -1);
    CHECK(parse_iso_date("+202-01-01", &r) == -1);
    CHECK(parse_iso_date("", &r) == -1);
    CHECK(parse_iso_date("9999-12-31", &r) == 0);
    /* A bad --date makes an error record, not a guess. */
    ng_doc *doc = extract(engine, "The company said on Tuesday it would cut jobs.", "2020-02-30");
    CHECK(ng_doc_error(doc) != NULL);
    ng_doc_free(doc);
}

/* The two reference articles. */
static void test_reference_examples(void)
{
    const char *wire = "Harbor Freight Lines to cut 400 jobs as shipping demand slows\n\n"
                       "ROTTERDAM, March 3 - Harbor Freight Lines said on Tuesday it would cut about 400 jobs.\n\n"
                       "The company said most of the cuts would fall in its European offices and would be "
                       "completed by the end of June.\n\n"
                       "A spokeswoman said members would meet on Friday to discuss possible strikes.\n\n"
                       "Vos said she would meet union leaders next week.\n";
    CHECK_STR(all_dates(wire, D), "March 3=2026-03-03; Tuesday=2026-03-03; June=2026-06; Friday=2026-03-06");
    CHECK_STR(value_of("ROTTERDAM, March 3 - Harbor Freight Lines said on Tuesday it would cut about 400 jobs.", D,
                       "Tuesday"),
              "2026-03-03");
    CHECK_STR(value_of("A spokeswoman said members would meet on Friday to discuss possible strikes.", D, "Friday"),
              "2026-03-06");
    CHECK_STR(value_of("It would be completed by the end of June.", D, "June"), "2026-06");

    const char *teigen = "Teigen has been quiet on social media following her October 1 post where she told fans "
                         "that she couldn't carry the pregnancy.\n\n"
                         "Chrissy Teigen attends the 2020 Vanity Fair Oscar Party hosted by Radhika Jones at Wallis "
                         "Annenberg Center for the Performing Arts on February 09, 2020 in Beverly Hills, California.";
    CHECK_STR(all_dates(teigen, "2020-10-28"), "October 1=2020-10-01; 2020=2020; February 09, 2020=2020-02-09");
}

static void test_day_and_month(void)
{
    const char *d = "2026-10-20";
    CHECK_STR(value_of("The deal closed on March 3.", D, "March 3"), "2026-03-03");
    CHECK_STR(value_of("The deal closed on Oct. 5.", d, "Oct. 5"), "2026-10-05");
    CHECK_STR(value_of("TAIPEI, Oct 5 (Reuters) - Lumen posted a profit.", d, "Oct 5"), "2026-10-05");
    CHECK_STR(value_of("The deal closed on October 5th.", d, "October 5th"), "2026-10-05");
    CHECK_STR(value_of("The deal closed on 5 October.", d, "5 October"), "2026-10-05");
    CHECK_STR(value_of("The deal closed on 5th October.", d, "5th October"), "2026-10-05");
    CHECK_STR(value_of("The deal closed on the 5th of October.", d, "5th of October"), "2026-10-05");
    CHECK_STR(value_of("The deal closed on Sept. 10, when the board met.", d, "Sept. 10"), "2026-09-10");
    /* No article date: the year stays unknown. */
    CHECK_STR(value_of("The deal closed on October 5.", NULL, "October 5"), "XXXX-10-05");
    CHECK_STR(value_of("The deal closed on the 5th of October.", NULL, "5th of October"), "XXXX-10-05");
    /* A past event more than two months after D happened last year ... */
    CHECK_STR(value_of("The deal closed on October 5.", D, "October 5"), "2025-10-05");
    CHECK_STR(value_of("The company said sales fell sharply on Dec. 8.", D, "Dec. 8"), "2025-12-08");
    /* ... but not a deadline ("by"), nor one near D. */
    CHECK_STR(value_of("The judge ordered her to report to prison by June 3.", "2024-03-27", "June 3"),
              "2024-06-03");
    CHECK_STR(value_of("The fiscal year began Oct. 1.", "2025-10-08", "Oct. 1"), "2025-10-01");
    /* A future event months before D happens next year. */
    CHECK_STR(value_of("The company will report fourth-quarter results on Jan. 16.", "2024-10-17", "Jan. 16"),
              "2025-01-16");
    CHECK_STR(value_of("The company will report results on October 5.", D, "October 5"), "2026-10-05");
    CHECK_STR(value_of("The season would close as planned on Dec. 20.", "2024-09-14", "Dec. 20"), "2024-12-20");
    /* A date as a modifier is still a date. */
    CHECK_STR(value_of("Teigen posted again after her October 1 post.", "2020-10-28", "October 1"), "2020-10-01");
}

static void test_written_years(void)
{
    CHECK_STR(value_of("She was born on October 5, 2024, in Ohio.", D, "October 5, 2024"), "2024-10-05");
    CHECK_STR(value_of("She was born on February 09, 2020 in Ohio.", D, "February 09, 2020"), "2020-02-09");
    CHECK_STR(value_of("She was born on 5 October 2024 in Ohio.", D, "5 October 2024"), "2024-10-05");
    CHECK_STR(value_of("She was born on Oct. 5, 2024, in Ohio.", D, "Oct. 5, 2024"), "2024-10-05");
    CHECK_STR(value_of("She was born on March 3, 1938, in Ponce.", NULL, "March 3, 1938"), "1938-03-03");
    CHECK_STR(value_of("He pleaded guilty in October 2024 to fraud.", D, "October 2024"), "2024-10");
    CHECK_STR(value_of("The plan was launched in January 2024.", NULL, "January 2024"), "2024-01");
    CHECK_STR(value_of("Waiting lists should fall by March 2026.", "2025-02-06", "March 2026"), "2026-03");
    /* A weekday then a date: two expressions with a comma, one without. */
    CHECK_STR(all_dates("She leaves court on Wednesday, March 27, 2024.", "2024-03-27"),
              "Wednesday=2024-03-27; March 27, 2024=2024-03-27");
    CHECK_STR(all_dates("A timetable will be introduced from Monday 14 October.", "2024-10-10"),
              "Monday 14 October=2024-10-14");
    /* "that year" refers back to a year just written. */
    CHECK_STR(all_dates("Her album came out in January 1964. The critic wrote that year that she played well.",
                        "2024-11-06"),
              "January 1964=1964-01; that year=1964");
    CHECK_STR(all_dates("The critic wrote that year that she played well.", "2024-11-06"), "");
}

static void test_month_alone(void)
{
    CHECK_STR(value_of("The plant will open in June.", D, "June"), "2026-06");
    CHECK_STR(value_of("Sales have been flat since March.", D, "March"), "2026-03");
    CHECK_STR(value_of("Orders fell in early October.", D, "October"), "2025-10");
    CHECK_STR(value_of("Orders fell in mid-October.", D, "mid-October"), "2025-10");
    CHECK_STR(value_of("Rainfall between October and December was low.", "2025-02-20", "October"), "2024-10");
    CHECK_STR(value_of("Rainfall between October and December was low.", "2025-02-20", "December"), "2024-12");
    CHECK_STR(value_of("Livestock deaths had risen since January.", "2025-02-20", "January"), "2025-01");
    CHECK_STR(value_of("Their daughter turned 4 in December.", "2024-02-14", "December"), "2023-12");
    CHECK_STR(value_of("No agreement was expected before March.", "2024-10-17", "March"), "2025-03");
    CHECK_STR(value_of("The roof would be assessed in a study due in March.", "2025-09-24", "March"), "2026-03");
    CHECK_STR(value_of("The district will move to a four-day week starting in August.", "2024-01-17", "August"),
              "2024-08");
    CHECK_STR(value_of("The board voted on Tuesday to move to a four-day week starting in August.", "2024-01-17",
                       "August"),
              "2024-08");
    CHECK_STR(value_of("The plant opened in May.", D, "May"), "2025-05");
    CHECK_STR(value_of("The plant will open in May.", D, "May"), "2026-05");
    CHECK_STR(value_of("The plant will open in June.", NULL, "June"), "XXXX-06");
    /* last, next, this: counted from D's month. */
    CHECK_STR(value_of("He has waited for a new hip since last March.", "2025-02-06", "last March"), "2024-03");
    CHECK_STR(value_of("He has waited since last March.", D, "last March"), "2025-03");
    CHECK_STR(value_of("It happened last June.", D, "last June"), "2025-06");
    CHECK_STR(value_of("It will open next March.", D, "next March"), "2027-03");
    CHECK_STR(value_of("It will open next June.", D, "next June"), "2026-06");
    CHECK_STR(value_of("It will open this June.", D, "this June"), "2026-06");
    CHECK_STR(value_of("It will open next June.", NULL, "next June"), "XXXX-06");
    CHECK_STR(value_of("Patients waited longer than in April last year.", "2025-02-06", "April last year"),
              "2024-04");
    /* Not months: the modal, the verb, a name, a headline's verb. */
    CHECK(date_count("Prices may rise. May the best team win. The union said it May strike.", D) == 0);
    CHECK(date_count("Workers will march to the port.", D) == 0);
    CHECK(date_count("They said March was a good month to sell.", D) == 0);
    CHECK(date_count("The award went to April Ryan and June Carter.", D) == 0);
    CHECK_STR(all_dates("Workers to March on City Hall in May\n\nThe union said on Tuesday it was ready.", D),
              "Tuesday=2026-03-03");
    CHECK(date_count("It was a bad December the first year.", D) == 0);
    CHECK(date_count("Reach us at Jan or Oct for details.", D) == 0);
}

static void test_weekdays(void)
{
    /* Past: the latest such day on or before D; D itself counts. */
    CHECK_STR(value_of("The company said on Tuesday it would cut jobs.", D, "Tuesday"), "2026-03-03");
    CHECK_STR(value_of("The store was closed on Friday.", D, "Friday"), "2026-02-27");
    CHECK_STR(value_of("Officials met on Monday.", D, "Monday"), "2026-03-02");
    CHECK_STR(value_of("Police said Wednesday that the man was arrested.", D, "Wednesday"), "2026-02-25");
    CHECK_STR(value_of("The man was charged Tuesday with attempted murder.", D, "Tuesday"), "2026-03-03");
    /* Future: the first such day after D, never D. */
    CHECK_STR(value_of("Members would meet on Friday.", D, "Friday"), "2026-03-06");
    CHECK_STR(value_of("Members will meet on Tuesday.", D, "Tuesday"), "2026-03-10");
    CHECK_STR(value_of("The minister is to visit on Thursday.", D, "Thursday"), "2026-03-05");
    CHECK_STR(value_of("A hearing is scheduled for Friday.", D, "Friday"), "2026-03-06");
    CHECK_STR(value_of("The vote is set to take place on Monday.", D, "Monday"), "2026-03-09");
    CHECK_STR(value_of("The union plans to strike on Wednesday.", D, "Wednesday"), "2026-03-04");
    CHECK_STR(value_of("The airline expected to operate a third of its schedule on Monday.", D, "Monday"),
              "2026-03-09");
    CHECK_STR(value_of("The union is going to strike on Saturday.", D, "Saturday"), "2026-03-07");
    CHECK_STR(value_of("The awards will be handed out on Saturday.", D, "Saturday"), "2026-03-07");
    CHECK_STR(value_of("On Friday, the union will strike.", D, "Friday"), "2026-03-06");
    /* Present: on or after D. */
    CHECK_STR(value_of("More storms are possible Saturday, forecasters said.", D, "Saturday"), "2026-03-07");
    CHECK_STR(value_of("\"I have a train home on Sunday,\" she said.", "2025-09-03", "Sunday"), "2025-09-07");
    /* last, next, this. */
    CHECK_STR(value_of("The company said last Tuesday it would cut jobs.", D, "last Tuesday"), "2026-02-24");
    CHECK_STR(value_of("It happened last Monday.", D, "last Monday"), "2026-03-02");
    CHECK_STR(value_of("It will open next Friday.", D, "next Friday"), "2026-03-06");
    CHECK_STR(value_of("It will open next Tuesday.", D, "next Tuesday"), "2026-03-10");
    CHECK_STR(value_of("It will open this Friday.", D, "this Friday"), "2026-03-06");
    /* Unresolved without an article date, but still reported. */
    CHECK_STR(value_of("The company said on Tuesday it would cut jobs.", NULL, "Tuesday"), "");
    CHECK_STR(value_of("It will open next Friday.", NULL, "next Friday"), "");
    /* A deadline with no tense looks forward. */
    CHECK_STR(value_of("She wanted \"a recovery plan on my desk by Friday\".", "2024-10-10", "Friday"), "2024-10-11");
    /* Not one day: habits, ranges, "the Tuesday before". */
    CHECK(date_count("Students will attend class Monday through Thursday.", D) == 0);
    CHECK(date_count("She played there on Friday nights.", D) == 0);
    CHECK(date_count("It was the Tuesday before the storm hit, like any other Saturday.", D) == 0);
    CHECK(date_count("Nothing happens on a tuesday here.", D) == 0);
    CHECK_STR(value_of("Asked whether Sunday's defeat would stay with her, she smiled.", "2025-06-15", "Sunday"),
              "2025-06-15");
}

static void test_relative(void)
{
    CHECK_STR(value_of("The strike began today.", D, "today"), "2026-03-03");
    CHECK_STR(value_of("The band plays tonight.", D, "tonight"), "2026-03-03");
    CHECK_STR(value_of("The strike began yesterday.", D, "yesterday"), "2026-03-02");
    CHECK_STR(value_of("The strike begins tomorrow.", D, "tomorrow"), "2026-03-04");
    CHECK_STR(value_of("The film premiered last night.", D, "last night"), "2026-03-02");
    CHECK_STR(value_of("Profit rose this year.", D, "this year"), "2026");
    CHECK_STR(value_of("Last year she wrote a book.", D, "Last year"), "2025");
    CHECK_STR(value_of("Prices will rise next year.", D, "next year"), "2027");
    CHECK_STR(value_of("Prices rose this month.", D, "this month"), "2026-03");
    CHECK_STR(value_of("Prices rose last month.", D, "last month"), "2026-02");
    CHECK_STR(value_of("Prices will rise next month.", D, "next month"), "2026-04");
    /* Month arithmetic crosses years. */
    CHECK_STR(value_of("Prices rose last month.", "2026-01-15", "last month"), "2025-12");
    CHECK_STR(value_of("Prices will rise next month.", "2025-12-10", "next month"), "2026-01");
    /* The modifier is part of the span, not of the value. */
    CHECK_STR(value_of("The office proposed the closure earlier this month.", D, "earlier this month"), "2026-03");
    CHECK_STR(value_of("The app will launch later this year.", D, "later this year"), "2026");
    CHECK_STR(value_of("The talks collapsed late last year.", D, "late last year"), "2025");
    CHECK_STR(value_of("A ruling is expected early next year.", D, "early next year"), "2027");
    CHECK_STR(value_of("People tested the app earlier this year.", D, "earlier this year"), "2026");
    /* Ago. */
    CHECK_STR(value_of("The smaller market of three years ago is gone.", D, "three years ago"), "2023");
    CHECK_STR(value_of("It was founded a year ago.", D, "a year ago"), "2025");
    CHECK_STR(value_of("It was founded 5 years ago.", D, "5 years ago"), "2021");
    CHECK_STR(value_of("It was founded two months ago.", D, "two months ago"), "2026-01");
    CHECK_STR(value_of("It was founded three days ago.", D, "three days ago"), "2026-02-28");
    CHECK_STR(value_of("It was founded a week ago.", D, "a week ago"), "2026-02-24");
    CHECK_STR(value_of("It was founded two weeks ago.", D, "two weeks ago"), "2026-02-17");
    /* Unresolved without an article date. */
    CHECK_STR(value_of("It was founded a year ago.", NULL, "a year ago"), "");
    CHECK_STR(value_of("Prices rose last month.", NULL, "last month"), "");
    CHECK_STR(value_of("The strike began yesterday.", NULL, "yesterday"), "");
    /* Not reported: weeks (no ISO value in output version 1), durations,
     * stretches of time, decades, times of day, anniversaries. */
    CHECK(date_count("Vos will meet union leaders next week. Polls released last week. It rained this week.", D) ==
          0);
    CHECK(date_count("She worked there for three years.", D) == 0);
    CHECK(date_count("Prices rose over the last year and will rise over the next month.", D) == 0);
    CHECK(date_count("The music of the 1990s and the '80s was louder.", D) == 0);
    CHECK(date_count("The funding runs out at 12:01 a.m. and the meeting starts at 5 o'clock.", D) == 0);
    CHECK(date_count("Ten years ago today they married.", D) == 0);
}

static void test_years(void)
{
    CHECK_STR(value_of("The company was founded in 2019.", D, "2019"), "2019");
    CHECK_STR(value_of("Visits have fallen since 2015.", D, "2015"), "2015");
    CHECK_STR(value_of("She attends the 2020 Vanity Fair Oscar Party.", D, "2020"), "2020");
    CHECK_STR(value_of("Turnout in the 2020 elections was high.", D, "2020"), "2020");
    CHECK_STR(value_of("It ran from 2011 until her arrest.", NULL, "2011"), "2011");
    CHECK_STR(all_dates("She stole money between 2016 and 2022.", D), "2016=2016; 2022=2022");
    /* Amounts and numbers, not years. */
    CHECK(date_count("The bill came to $2000 and 2000 people paid 1999% more.", D) == 0);
    CHECK(date_count("The firm cut 1,500 jobs, or 2,019 in all.", D) == 0);
    CHECK(date_count("She boarded Flight 2019 at gate 12.", D) == 0);
    CHECK(date_count("The temperature reached 1500 and then 2500 degrees.", D) == 0);
    /* Numeric dates: ISO as written, the ambiguous rest skipped. */
    CHECK_STR(value_of("The filing is dated 2024-01-05 in the records.", D, "2024-01-05"), "2024-01-05");
    CHECK(date_count("The filing is dated 1/5/2024 in the records.", D) == 0);
    CHECK(date_count("The filing is dated 2024-02-30 in the records.", D) == 0);
}

static void test_invalid_and_leap_days(void)
{
    CHECK(date_count("The meeting was on February 30.", D) == 0);
    CHECK(date_count("The meeting was on February 29, 2023.", D) == 0);
    CHECK(date_count("The meeting was on April 31, 2024.", D) == 0);
    CHECK_STR(value_of("The meeting was on February 29, 2024.", D, "February 29, 2024"), "2024-02-29");
    CHECK_STR(value_of("The meeting was on Feb. 29.", "2024-03-01", "Feb. 29"), "2024-02-29");
    CHECK(date_count("The meeting was on Feb. 29.", D) == 0); /* 2026 has no February 29 */
    CHECK_STR(value_of("The meeting was on Feb. 29.", NULL, "Feb. 29"), "XXXX-02-29");
    /* Across a leap day: 2024-03-01 minus one day. */
    CHECK_STR(value_of("The strike began yesterday.", "2024-03-01", "yesterday"), "2024-02-29");
    CHECK_STR(value_of("The strike began yesterday.", "2023-03-01", "yesterday"), "2023-02-28");
    /* Across a year: New Year's Day minus a day, a Thursday's last Friday. */
    CHECK_STR(value_of("The strike began yesterday.", "2026-01-01", "yesterday"), "2025-12-31");
    CHECK_STR(value_of("The store was closed on Friday.", "2026-01-01", "Friday"), "2025-12-26");
}

/* Records are in text order and never overlap; spans are exact. */
static void test_order_and_spans(void)
{
    const char *text = "On Tuesday, March 3, 2026, the firm said that since last March it had cut jobs, "
                       "and that by the end of June, or next year at the latest, it would cut more.";
    ng_doc *doc = extract(engine, text, D);
    size_t n = ng_doc_date_count(doc);
    CHECK(n == 5);
    for (size_t i = 0; i < n; i++) {
        const ng_date *d = ng_doc_date_at(doc, i);
        CHECK(d->span.byte_end > d->span.byte_start);
        CHECK(!strncmp(text + d->span.byte_start, d->text, d->span.byte_end - d->span.byte_start));
        if (i > 0)
            CHECK(d->span.byte_start >= ng_doc_date_at(doc, i - 1)->span.byte_end);
    }
    ng_doc_free(doc);
    CHECK_STR(all_dates(text, D),
              "Tuesday=2026-03-03; March 3, 2026=2026-03-03; last March=2025-03; June=2026-06; next year=2027");
    /* Offsets are code points: "Café" is four of them. */
    doc = extract(engine, "Café Noir said on Tuesday it would close.", D);
    CHECK(ng_doc_date_count(doc) == 1);
    if (ng_doc_date_count(doc) == 1) {
        const ng_date *d = ng_doc_date_at(doc, 0);
        CHECK_STR(d->text, "Tuesday");
        CHECK(d->span.start == 18 && d->span.end == 25);
        CHECK(d->span.byte_start == 19 && d->span.byte_end == 26);
    }
    ng_doc_free(doc);
}

/* A huge one-sentence text: the look-back windows are bounded, so this takes
 * time linear in its length. Only the stages dates reads run (ingest, tokens,
 * sentences), so that the cost measured is this stage's own. */
static void test_long_text(void)
{
    const char *piece = "the board said on Tuesday and in May that in 2019 ";
    size_t reps = 20000, len = strlen(piece);
    char *text = malloc(reps * len + 2);
    ng_doc *doc = calloc(1, sizeof *doc);
    if (!text || !doc) {
        free(text);
        free(doc);
        return;
    }
    for (size_t i = 0; i < reps; i++)
        memcpy(text + i * len, piece, len);
    text[reps * len] = '.';
    text[reps * len + 1] = '\0';
    doc->engine = engine;
    doc->title_para = -1;
    CHECK(parse_iso_date(D, &doc->date) == 0);
    CHECK(ingest_plain_text(doc, text, reps * len + 1) == NULL);
    tokenize(doc);
    find_quote_spans(doc);
    split_sentences(doc);
    find_dates(doc);
    CHECK(doc->dates.n == 3 * reps);
    CHECK(doc->dates.n && !strcmp(doc->dates.v[0].value, "2026-03-03"));
    ng_doc_free(doc);
    free(text);
}


/* Cases from real news copy (tests/real): the sentences are invented. */
static void test_news_copy(void)
{
    const char *nov = "2019-11-19";
    /* a year after the comma, though a plural noun follows */
    CHECK_STR(value_of("It was after the Sept. 11, 2001 attacks.", nov, "Sept. 11, 2001"), "2001-09-11");
    CHECK_STR(value_of("On March 3, 2000 marchers gathered.", nov, "March 3"), "2019-03-03");
    /* a month qualifying a noun */
    CHECK_STR(value_of("He witnessed a key September conversation in Warsaw.", nov, "September"), "2019-09");
    CHECK_STR(value_of("Norway's October oil production beat forecasts.", nov, "October"), "2019-10");
    /* the year the sentence names; a scheduled start looks forward */
    CHECK_STR(value_of("Legislators meet before their 2020 session that starts in early January.", nov, "January"),
              "2020-01");
    CHECK_STR(value_of("In 2018, sales fell in June.", nov, "June"), "2018-06");
    CHECK_STR(value_of("The session begins in January.", nov, "January"), "2020-01");
    CHECK_STR(value_of("Sales have fallen since 2016, and in June they fell again.", nov, "June"), "2019-06");
}

int main(void)
{
    engine = ng_engine_new(NULL);
    if (!engine) {
        fprintf(stderr, "no engine\n");
        return 1;
    }
    test_parse_iso_date();
    test_reference_examples();
    test_day_and_month();
    test_written_years();
    test_month_alone();
    test_weekdays();
    test_relative();
    test_years();
    test_invalid_and_leap_days();
    test_order_and_spans();
    test_long_text();
    test_news_copy();
    ng_engine_free(engine);
    return check_done();
}
