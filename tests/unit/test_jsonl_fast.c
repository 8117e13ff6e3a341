/*
 * The fast JSON Lines path (cli/jsonl_fast.c) against jansson, as
 * process_jsonl_line() reads a line: whenever the fast path takes a line,
 * jansson must read the same record from it (id, text, date, url, web page
 * or not); the lines every feed is made of must take the fast path; and
 * the record made either way must be the same, byte for byte. Lines: hand
 * written edge cases, then 200,000 generated ones (escapes, surrogates,
 * valid and invalid UTF-8, control bytes, numbers at the edges of 64 bits,
 * literals, nested values, duplicate keys, bad punctuation) and random
 * mutations of them.
 */
#include "check.h"
#include "jsonl.h"
#include "jsonl_fast.h"
#include "jsonl_fast_ref.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long fast_taken, both_ok, mismatches;

/* One line both ways; returns whether the fast path took it. */
static int compare(const char *line, size_t len)
{
    int fast, ok;
    int same = jsonl_fast_agrees(line, len, &fast, &ok);
    both_ok += ok;
    fast_taken += fast;
    if (!same && mismatches++ < 20) {
        fprintf(stderr, "fast path and jansson differ (jansson %s) on: ", ok ? "reads it" : "refuses it");
        fwrite(line, 1, len, stderr);
        fputc('\n', stderr);
    }
    CHECK(same);
    return fast;
}

/* ---- generated lines ---------------------------------------------------- */

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static unsigned pick(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

typedef struct buf {
    char s[4096];
    size_t n;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->n + n < sizeof b->s) {
        memcpy(b->s + b->n, s, n);
        b->n += n;
    }
}

static void puts_(buf *b, const char *s)
{
    put(b, s, strlen(s));
}

static const char *const string_parts[] = {
    "Ann Cole said", " ", "word", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t",
    "\\u0000", "\\u00e9", "\\u00E9", "\\u20ac", "\\ud83d\\ude00", "\\uD83D\\uDE00", "\\ud83d", "\\ude00",
    "\\ud83d\\u0041", "\\ud83dx", "\\u12G4", "\\u12", "\\x", "\\", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80",
    "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\x80", "\xe2\x82", "\xff", "\x01", "\x1f", "\x7f",
    "\t", "'", "{", "}", ":", ",", "\\u0022", "\\u005c", "\xef\xbf\xbd", "\xf4\x8f\xbf\xbf", "\xe0\xa0\x80",
};

/* Parts of a string that jansson reads (clean lines draw only these). */
static const char *const valid_parts[] = {
    "Ann Cole said", " ", "word", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u0000",
    "\\u00e9", "\\u00E9", "\\u20ac", "\\ud83d\\ude00", "\\uD83D\\uDE00", "\xc3\xa9", "\xe2\x82\xac",
    "\xf0\x9f\x98\x80", "\x7f", "'", "{", "}", ":", ",", "\\u0022", "\\u005c", "\xef\xbf\xbd",
    "\xf4\x8f\xbf\xbf", "\xe0\xa0\x80",
};

static void gen_string(buf *b, int clean)
{
    puts_(b, "\"");
    unsigned n = pick(6);
    for (unsigned i = 0; i < n; i++) {
        /* Mostly plain text, sometimes the edge cases. */
        unsigned k = pick(4) ? pick(3)
                     : clean ? pick(sizeof valid_parts / sizeof *valid_parts)
                             : pick(sizeof string_parts / sizeof *string_parts);
        puts_(b, clean ? valid_parts[k] : string_parts[k]);
    }
    if (clean || pick(50))
        puts_(b, "\"");
}

static const char *const scalar_values[] = {
    /* JSON: */
    "0", "-0", "7", "123", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
    "-9223372036854775809", "18446744073709551616", "1.5", "1e3", "-1E-2", "{}", "{\"a\":1}", "[]",
    "{\"a\":{\"b\":[null]}}", "true", "false", "null", "0",
    /* not JSON: */
    "0123", "-", "-x", "1.", "nul", "truex", "True", "0x10", "+1", "01", "2a",
};

static const char *const keys[] = {
    "\"id\"", "\"text\"", "\"html\"", "\"date\"", "\"url\"", "\"meta\"", "\"\"", "\"t\\u0065xt\"",
    "\"i\\u0064\"", "\"te\\u0000xt\"", "\"ID\"", "\"text \"", "id", "\"\\ud83d\"",
};

static const char *const spaces[] = {"", "", "", " ", "  ", "\t", "\r", "\n", "\f", "\xc2\xa0"};

/* A line: `clean` ones are made of what jansson reads (they may still
 * repeat a key, or give an error record), the others of anything. */
static void gen_line(buf *b, int clean)
{
    b->n = 0;
    /* Clean lines: the first 16 values (JSON, two of them nested), the first
     * 11 keys, the first 8 spaces (JSON white space). */
    unsigned nvalues = clean ? 16 : sizeof scalar_values / sizeof *scalar_values;
    unsigned nkeys = clean ? 11 : sizeof keys / sizeof *keys;
    unsigned nspaces = clean ? 8 : 10;
    if (!clean && !pick(40))
        puts_(b, pick(2) ? "\xef\xbb\xbf" : "[");
    puts_(b, spaces[pick(nspaces)]);
    puts_(b, "{");
    unsigned n = pick(6);
    /* Usually a text, so that records are there to read. */
    int text_first = pick(4) != 0;
    for (unsigned i = 0; i < n + (unsigned)text_first; i++) {
        if (i)
            puts_(b, clean || pick(60) ? "," : pick(2) ? ",," : "");
        puts_(b, spaces[pick(nspaces)]);
        if (i == 0 && text_first)
            puts_(b, pick(5) ? "\"text\"" : "\"html\"");
        else
            puts_(b, keys[pick(nkeys)]);
        puts_(b, spaces[pick(nspaces)]);
        puts_(b, clean || pick(60) ? ":" : "=");
        puts_(b, spaces[pick(nspaces)]);
        if (pick(2))
            gen_string(b, clean);
        else
            puts_(b, scalar_values[clean && pick(2) ? 16 + pick(4) : pick(nvalues)]);
        puts_(b, spaces[pick(nspaces)]);
    }
    if (!clean && !pick(60))
        puts_(b, ",");
    if (clean || pick(60))
        puts_(b, "}");
    puts_(b, spaces[pick(nspaces)]);
    if (!clean && !pick(40))
        puts_(b, pick(2) ? "{}" : "x");
}

static void mutate(buf *b)
{
    unsigned k = 1 + pick(3);
    for (unsigned i = 0; i < k && b->n > 0; i++) {
        size_t at = pick((unsigned)b->n);
        switch (pick(4)) {
        case 0:
            b->s[at] = (char)pick(256);
            break;
        case 1:
            memmove(b->s + at, b->s + at + 1, b->n - at - 1);
            b->n--;
            break;
        case 2:
            if (b->n + 1 < sizeof b->s) {
                memmove(b->s + at + 1, b->s + at, b->n - at);
                b->s[at] = "\"\\{}:,u0 \x80"[pick(10)];
                b->n++;
            }
            break;
        default:
            b->n = at;
        }
    }
}

/* ---- hand-written lines -------------------------------------------------- */

/* Lines every feed is made of: the fast path must take them. */
static const char *const simple[] = {
    "{\"id\":\"a1\",\"text\":\"Hello \\\"world\\\" \\u00e9\\ud83d\\ude00 \xc3\xa9 \\/ \\n\",\"date\":\"2024-06-15\"}",
    "{\"id\": 7, \"text\": \"Police said the road was closed.\", \"url\": null, \"date\": null}",
    "{\"text\":\"x\"}",
    "  {\"text\" : \"x\" }  \r",
    "{\"html\":\"<p>x</p>\",\"url\":\"https://example.com/a\",\"text\":5}",
    "{\"id\":-0,\"text\":\"x\",\"meta\":\"y\",\"flag\":true,\"n\":false,\"z\":null,\"k\":-12}",
    "{\"id\":null,\"text\":\"a\\u0000b\"}",
    "{\"id\":-9223372036854775808,\"text\":\"x\"}",
    "{\"id\":\"\",\"text\":\"\"}",
    "{\"t\\u0065xt\":\"escaped key\"}",
    "{\"id\":\"a\\u0000b\",\"text\":\"id with a NUL\"}",
    "{\"id\":\"p1\",\"html\":\"<html><body><article><p>\\\"We won,\\\" said coach Ray Park.</p></article></body></html>\"}",
};

/* Lines jansson reads or refuses that the fast path must leave alone. */
static const char *const declined[] = {
    "{\"id\":1.5,\"text\":\"x\"}",
    "{\"text\":\"x\",\"meta\":{\"a\":1}}",
    "{\"text\":\"x\",\"tags\":[\"a\"]}",
    "{\"id\":\"x\"}",
    "{\"text\":\"x\",\"date\":5}",
    "{\"text\":\"x\",\"url\":true}",
    "{\"text\":\"x\",\"text\":\"y\"}",
    "{\"text\":\"x\",\"t\\u0065xt\":\"y\"}",
    "{\"text\":\"x\"} {\"text\":\"y\"}",
    "{\"text\":\"x\",}",
    "{\"text\":\"\\ud83d\"}",
    "{\"text\":\"\xed\xa0\x80\"}",
    "{\"text\":\"\xc0\x80\"}",
    "{\"text\":\"a\x01\"}",
    "{\"te\\u0000xt\":\"x\"}",
    "{\"id\":9223372036854775808,\"text\":\"x\"}",
    "{\"id\":01,\"text\":\"x\"}",
    "[{\"text\":\"x\"}]",
    "\xef\xbb\xbf{\"text\":\"x\"}",
    "{\"text\":\"x\"\f}",
    "{\"text\":\"x\"",
    /* found by fuzz_jsonl_fast: a literal glued to another literal */
    "{\"id\":nullfalse,\"text\":\"\"}",
    "{\"id\":truefalse,\"text\":\"x\"}",
    "",
};

int main(void)
{
    for (size_t i = 0; i < sizeof simple / sizeof *simple; i++) {
        int taken = compare(simple[i], strlen(simple[i]));
        if (!taken)
            fprintf(stderr, "not taken: %s\n", simple[i]);
        CHECK(taken);
    }
    for (size_t i = 0; i < sizeof declined / sizeof *declined; i++) {
        int taken = compare(declined[i], strlen(declined[i]));
        if (taken)
            fprintf(stderr, "taken: %s\n", declined[i]);
        CHECK(!taken);
    }
    long generated_ok = 0;
    buf b;
    for (int i = 0; i < 200000; i++) {
        gen_line(&b, i % 3 == 0);
        if (i % 3 == 2)
            mutate(&b);
        long before = both_ok;
        compare(b.s, b.n);
        generated_ok += both_ok > before;
    }
    fprintf(stderr, "generated: %ld lines jansson reads as records, %ld taken by the fast path, %ld differ\n",
            generated_ok, fast_taken, mismatches);
    CHECK(mismatches == 0);
    CHECK(fast_taken > 10000); /* the generator makes plenty of simple records */

    /* The record made by the fast path is the one process_jsonl_line()
     * makes, byte for byte. */
    ng_engine *e = ng_engine_new(NULL);
    CHECK(e != NULL);
    jsonl_config config = {"2024-06-15", jsonl_line_limit(NG_DEFAULT_MAX_BYTES), NG_FORMAT_AUTO};
    for (size_t i = 0; e && i < sizeof simple / sizeof *simple; i++) {
        ng_doc *fast = NULL, *slow = process_jsonl_line(e, &config, simple[i], strlen(simple[i]));
        CHECK(jsonl_fast_line(e, &config, simple[i], strlen(simple[i]), &fast));
        size_t fl = 0, sl = 0;
        const char *fj = fast ? ng_doc_json(fast, 0, &fl) : NULL, *sj = slow ? ng_doc_json(slow, 0, &sl) : NULL;
        CHECK(fj && sj && fl == sl && !memcmp(fj, sj, fl));
        ng_doc_free(fast);
        ng_doc_free(slow);
    }
    /* Lines over the limit, and empty ones, are process_jsonl_line()'s. */
    ng_doc *d = NULL;
    jsonl_config tight = {NULL, 5, NG_FORMAT_AUTO};
    CHECK(e && !jsonl_fast_line(e, &tight, "{\"text\":\"x\"}", 12, &d) && d == NULL);
    CHECK(e && !jsonl_fast_line(e, &config, "", 0, &d) && d == NULL);
    ng_engine_free(e);
    return check_done();
}
