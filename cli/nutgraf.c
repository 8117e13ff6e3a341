/*
 * nutgraf: the command-line tool. It uses only the public API in nutgraf.h,
 * plus jansson to read JSON Lines input.
 */
#define _POSIX_C_SOURCE 200809L /* getc_unlocked */
#include "nutgraf.h"
#include "jsonl.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef NG_VERSION_STRING
#define NG_VERSION_STRING NG_VERSION
#endif

static const char usage_text[] =
    "usage: nutgraf extract [options] [FILE]\n"
    "       nutgraf --help | --version\n"
    "\n"
    "Reads one news article, as plain text or as a saved web page, from FILE, or\n"
    "standard input when FILE is absent or \"-\", and writes what it says as one\n"
    "JSON object on one line: entities, quotes with their speakers, dates, photo\n"
    "captions. Of a web page only the article is read, with its title, url,\n"
    "site, authors, publication date and language.\n"
    "\n"
    "options:\n"
    "  --date YYYY-MM-DD  the article's date; relative dates (\"Tuesday\",\n"
    "                     \"next year\") are resolved against it\n"
    "  --id ID            an identifier copied into the record\n"
    "  --html             read the input as a web page (HTML)\n"
    "  --text             read the input as plain text (default: a web page when\n"
    "                     it starts with markup, else plain text)\n"
    "  --url URL          the web page's address, for the record's \"url\"\n"
    "  --jsonl            read JSON Lines instead: one {\"id\", \"text\", \"date\"}\n"
    "                     object per line, or {\"id\", \"html\", \"url\", \"date\"}\n"
    "                     for a web page; one output line per input line, in\n"
    "                     order; a record's own \"date\" wins over --date\n"
    "  --pretty           indent the JSON (several lines per record)\n"
    "\n"
    "limits (N takes the suffixes K, M, G):\n"
    "  --max-bytes N      refuse articles larger than N bytes with an error record\n"
    "                     (default 16M, at most 1G); with --jsonl, a line longer\n"
    "                     than 6 N + 4096 bytes (the text escaped as JSON) is an\n"
    "                     error record too\n"
    "  --max-quote-bytes N  leave out quotes longer than N bytes (default 64K)\n"
    "  --max-entities N   link names to at most N entities per article (default\n"
    "                     10000); further names are not reported\n"
    "A record cut short by --max-quote-bytes or --max-entities lists them in\n"
    "its \"limits_reached\" field, and a warning goes to standard error.\n"
    "\n"
    "other:\n"
    "  -h, --help         show this help\n"
    "  --version          show the version\n"
    "\n"
    "A record that cannot be processed (empty, binary, too large, bad JSON, a\n"
    "web page with no article in it) gives {\"id\": ..., \"error\": \"why\"} and\n"
    "the run goes on; standard error says why in one line naming the input\n"
    "(FILE:LINE: id ID: reason).\n"
    "\n"
    "exit status: 0 every record extracted; 1 some records failed;\n"
    "             2 usage error or unreadable input.\n";

typedef struct options {
    const char *date;
    const char *id;
    const char *file;
    const char *url;
    ng_format format; /* --html, --text, or NG_FORMAT_AUTO */
    int jsonl;
    int pretty;
    size_t max_bytes;
    size_t max_quote_bytes;
    size_t max_entities;
} options;

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "nutgraf: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'nutgraf --help'.\n");
    return 2;
}

static const char *const value_options[] = {"--date", "--id", "--url", "--max-bytes", "--max-quote-bytes",
                                            "--max-entities"};

static int is_value_option(const char *a)
{
    for (size_t k = 0; k < sizeof value_options / sizeof *value_options; k++)
        if (!strcmp(a, value_options[k]))
            return 1;
    return 0;
}

/* The value of option `name` when argv[*i] is it: "--name=value", or
 * "--name value" (then *i moves past the value). NULL when argv[*i] is
 * another option, or "--name" is last with no value. */
static const char *option_value(const char *a, const char *name, int *i, int argc, char **argv)
{
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0)
        return NULL;
    if (a[n] == '=')
        return a + n + 1;
    if (a[n] || *i + 1 >= argc)
        return NULL;
    return argv[++*i];
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *s == '-')
        return -1;
    unsigned long long mul = 1;
    if (*end == 'K' || *end == 'k')
        mul = 1ull << 10, end++;
    else if (*end == 'M' || *end == 'm')
        mul = 1ull << 20, end++;
    else if (*end == 'G' || *end == 'g')
        mul = 1ull << 30, end++;
    if (*end || v == 0 || v > SIZE_MAX / mul)
        return -1;
    *out = (size_t)(v * mul);
    return 0;
}

/* Reads all of f, or up to limit+1 bytes (enough to know it is too large). */
static char *read_all(FILE *f, size_t limit, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    for (;;) {
        if (n == cap) {
            if (cap > limit) {
                break;
            }
            cap *= 2;
            char *b = realloc(buf, cap);
            if (!b) {
                free(buf);
                return NULL;
            }
            buf = b;
        }
        size_t want = cap - n;
        if (n + want > limit + 1)
            want = limit + 1 - n;
        if (want == 0)
            break;
        size_t got = fread(buf + n, 1, want, f);
        n += got;
        if (got < want)
            break;
    }
    *len = n;
    return buf;
}

static void print_doc(ng_doc *doc, const options *o)
{
    size_t len;
    const char *json = ng_doc_json(doc, o->pretty ? NG_JSON_PRETTY : NG_JSON_DEFAULT, &len);
    if (!json) {
        fputs("{\"id\":null,\"error\":\"out of memory\"}\n", stdout);
        return;
    }
    fwrite(json, 1, len, stdout);
    fputc('\n', stdout);
}

/* Starts a message about one input on standard error, naming it:
 * "nutgraf: FILE[:LINE][: id ID]: ". `line` is 0 outside JSON Lines. */
static void say_where(const char *name, size_t line, const char *id)
{
    fprintf(stderr, "nutgraf: %s", name);
    if (line)
        fprintf(stderr, ":%zu", line);
    if (id) {
        fputs(": id ", stderr);
        for (const char *c = id; *c; c++) /* the message stays on one line */
            fputc((unsigned char)*c < 0x20 || *c == 0x7f ? ' ' : *c, stderr);
    }
    fputs(": ", stderr);
}

/* Writes a document's record (an error record when memory ran out), says on
 * standard error why it failed or which limits cut it short, and frees it.
 * Returns 1 when the record is an error record. */
static int report(ng_doc *doc, const options *o, const char *name, size_t line, const char *id)
{
    if (!doc) {
        fputs("{\"id\":null,\"error\":\"out of memory\"}\n", stdout);
        say_where(name, line, id);
        fputs("out of memory\n", stderr);
        return 1;
    }
    print_doc(doc, o);
    int failed = ng_doc_error(doc) != NULL;
    unsigned limits = ng_doc_limits(doc);
    if (failed || limits)
        say_where(name, line, ng_doc_id(doc));
    if (failed)
        fprintf(stderr, "%s\n", ng_doc_error(doc));
    else if (limits)
        fprintf(stderr, "warning: limit reached: %s%s%s\n",
                limits & NG_LIMIT_QUOTE_BYTES ? "quotes over --max-quote-bytes left out" : "",
                limits == (NG_LIMIT_QUOTE_BYTES | NG_LIMIT_ENTITIES) ? ", " : "",
                limits & NG_LIMIT_ENTITIES ? "names past --max-entities not linked" : "");
    ng_doc_free(doc);
    return failed;
}

static int extract_one(ng_engine *engine, const options *o)
{
    FILE *f = stdin;
    const char *name = "standard input";
    if (o->file && strcmp(o->file, "-") != 0) {
        name = o->file;
        f = fopen(o->file, "rb");
        if (!f) {
            fprintf(stderr, "nutgraf: %s: %s\n", o->file, strerror(errno));
            return 2;
        }
    }
    size_t len = 0;
    char *text = read_all(f, o->max_bytes, &len);
    int read_error = ferror(f) ? errno : 0;
    if (f != stdin)
        fclose(f);
    if (!text || read_error) {
        fprintf(stderr, "nutgraf: %s: %s\n", name, text ? strerror(read_error) : "out of memory");
        free(text);
        return 2;
    }
    ng_input in = {text, len, o->id, o->date, o->format, o->url};
    ng_doc *doc = ng_extract(engine, &in);
    free(text);
    return report(doc, o, name, 0, o->id);
}

/* ---- JSON Lines ----------------------------------------------------------------- */

/* Makes room for `need` bytes in *buf; 0 on success. */
static int reserve(char **buf, size_t *cap, size_t need)
{
    if (need <= *cap)
        return 0;
    size_t ncap = *cap ? *cap : 1 << 16;
    while (ncap < need)
        ncap *= 2;
    char *b = realloc(*buf, ncap);
    if (!b)
        return -1;
    *buf = b;
    *cap = ncap;
    return 0;
}

/* Reads one line (without its line end) into *buf, NUL-terminated. Of a line
 * longer than `limit` only the first limit + 1 bytes are kept and the rest is
 * skipped: memory stays bounded, and the line is one error record that does
 * not stop the run. Returns 1 for a line, 0 at the end of input, -1 when
 * memory ran out (the rest of the line was skipped). */
static int read_line(FILE *f, size_t limit, char **buf, size_t *cap, size_t *len)
{
    size_t n = 0;
    int c, oom = 0;
    while ((c = getc_unlocked(f)) != EOF && c != '\n') {
        if (n > limit || oom)
            continue;
        if (reserve(buf, cap, n + 2) != 0)
            oom = 1;
        else
            (*buf)[n++] = (char)c;
    }
    if (c == EOF && n == 0 && !oom)
        return 0;
    if (oom || reserve(buf, cap, n + 1) != 0)
        return -1;
    if (n > 0 && n <= limit && (*buf)[n - 1] == '\r')
        n--;
    (*buf)[n] = 0;
    *len = n;
    return 1;
}

static int extract_jsonl(ng_engine *engine, const options *o)
{
    FILE *f = stdin;
    const char *name = "standard input";
    if (o->file && strcmp(o->file, "-") != 0) {
        name = o->file;
        f = fopen(o->file, "rb");
        if (!f) {
            fprintf(stderr, "nutgraf: %s: %s\n", o->file, strerror(errno));
            return 2;
        }
    }
    jsonl_config config = {o->date, jsonl_line_limit(o->max_bytes), o->format};
    char *buf = NULL;
    size_t cap = 0, len, line = 0;
    int failed = 0;
    int got;
    while ((got = read_line(f, config.line_limit, &buf, &cap, &len)) != 0) {
        line++;
        ng_doc *doc = got > 0 ? process_jsonl_line(engine, &config, buf, len)
                              : ng_doc_new_error(NULL, "out of memory reading the line");
        failed |= report(doc, o, name, line, NULL);
        if (ferror(stdout))
            break; /* main() reports the write error */
    }
    int read_error = ferror(f) ? errno : 0;
    free(buf);
    if (f != stdin)
        fclose(f);
    if (read_error) {
        fprintf(stderr, "nutgraf: %s:%zu: %s\n", name, line + 1, strerror(read_error));
        return 2;
    }
    return failed;
}

int main(int argc, char **argv)
{
    options o = {0};
    o.max_bytes = NG_DEFAULT_MAX_BYTES;
    if (argc < 2)
        return usage_error("%s", "missing command");
    int i = 1;
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (!strcmp(argv[1], "--version")) {
        printf("nutgraf %s (output version %d)\n", NG_VERSION_STRING, NG_OUTPUT_VERSION);
        return 0;
    }
    if (strcmp(argv[1], "extract") != 0)
        return usage_error("unknown command '%s'", argv[1]);
    for (i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(usage_text, stdout);
            return 0;
        }
        if (!strcmp(a, "--jsonl")) {
            o.jsonl = 1;
        } else if (!strcmp(a, "--pretty")) {
            o.pretty = 1;
        } else if (!strcmp(a, "--html")) {
            o.format = NG_FORMAT_HTML;
        } else if (!strcmp(a, "--text")) {
            o.format = NG_FORMAT_TEXT;
        } else if ((val = option_value(a, "--url", &i, argc, argv)) != NULL) {
            o.url = val;
        } else if ((val = option_value(a, "--date", &i, argc, argv)) != NULL) {
            o.date = val;
        } else if ((val = option_value(a, "--id", &i, argc, argv)) != NULL) {
            o.id = val;
        } else if ((val = option_value(a, "--max-bytes", &i, argc, argv)) != NULL) {
            if (parse_size(val, &o.max_bytes) || o.max_bytes > NG_MAX_BYTES_LIMIT)
                return usage_error("bad --max-bytes value '%s': want 1 to 1G", val);
        } else if ((val = option_value(a, "--max-quote-bytes", &i, argc, argv)) != NULL) {
            if (parse_size(val, &o.max_quote_bytes))
                return usage_error("bad --max-quote-bytes value '%s'", val);
        } else if ((val = option_value(a, "--max-entities", &i, argc, argv)) != NULL) {
            if (parse_size(val, &o.max_entities))
                return usage_error("bad --max-entities value '%s'", val);
        } else if (is_value_option(a) && i + 1 >= argc) {
            return usage_error("option '%s' needs a value", a);
        } else if (a[0] == '-' && a[1]) {
            return usage_error("unknown option '%s'", a);
        } else if (o.file) {
            return usage_error("one FILE at a time ('%s')", a);
        } else {
            o.file = a;
        }
    }
    if (o.date) {
        /* Checked here once, so that a typo is a usage error, not N bad records. */
        ng_engine *probe = ng_engine_new(NULL);
        ng_input in = {"x", 1, NULL, o.date, NG_FORMAT_TEXT, NULL};
        ng_doc *d = probe ? ng_extract(probe, &in) : NULL;
        int bad = d && ng_doc_error(d) && strstr(ng_doc_error(d), "bad date");
        ng_doc_free(d);
        ng_engine_free(probe);
        if (bad)
            return usage_error("bad --date '%s': want YYYY-MM-DD", o.date);
    }
    ng_options eo = {.max_bytes = o.max_bytes, .max_quote_bytes = o.max_quote_bytes, .max_entities = o.max_entities};
    ng_engine *engine = ng_engine_new(&eo);
    if (!engine) {
        fprintf(stderr, "nutgraf: cannot start: out of memory or damaged lexicon\n");
        return 2;
    }
    int rc = o.jsonl ? extract_jsonl(engine, &o) : extract_one(engine, &o);
    ng_engine_free(engine);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "nutgraf: standard output: write error: %s\n", strerror(errno));
        return 2;
    }
    return rc;
}
