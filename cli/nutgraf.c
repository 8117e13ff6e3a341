/*
 * nutgraf: the command-line tool. It uses only the public API in nutgraf.h,
 * plus jansson to read JSON Lines input.
 */
#define _POSIX_C_SOURCE 200809L /* getline */
#include "nutgraf.h"

#include <errno.h>
#include <jansson.h>
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
    "Reads one news article (plain text) from FILE, or standard input when FILE\n"
    "is absent or \"-\", and writes what it says as one JSON object on one line:\n"
    "entities, quotes with their speakers, dates, photo captions.\n"
    "\n"
    "options:\n"
    "  --date YYYY-MM-DD  the article's date; relative dates (\"Tuesday\",\n"
    "                     \"next year\") are resolved against it\n"
    "  --id ID            an identifier copied into the record\n"
    "  --jsonl            read JSON Lines instead: one {\"id\", \"text\", \"date\"}\n"
    "                     object per line, one output line per input line, in\n"
    "                     order; a record's own \"date\" wins over --date\n"
    "  --pretty           indent the JSON (several lines per record)\n"
    "  --max-bytes N      refuse articles larger than N bytes (default 16777216);\n"
    "                     suffixes K, M, G are accepted\n"
    "  -h, --help         show this help\n"
    "  --version          show the version\n"
    "\n"
    "A record that cannot be processed (empty, binary, too large, bad JSON)\n"
    "gives {\"id\": ..., \"error\": \"why\"} and the run goes on.\n"
    "\n"
    "exit status: 0 every record extracted; 1 some records failed;\n"
    "             2 usage error or unreadable input.\n";

typedef struct options {
    const char *date;
    const char *id;
    const char *file;
    int jsonl;
    int pretty;
    size_t max_bytes;
} options;

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "nutgraf: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'nutgraf --help'.\n");
    return 2;
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
    size_t len;
    char *text = read_all(f, o->max_bytes, &len);
    int read_error = ferror(f);
    if (f != stdin)
        fclose(f);
    if (!text || read_error) {
        fprintf(stderr, "nutgraf: %s: %s\n", name, text ? "read error" : "out of memory");
        free(text);
        return 2;
    }
    ng_input in = {text, len, o->id, o->date, NG_FORMAT_AUTO, NULL};
    ng_doc *doc = ng_extract(engine, &in);
    free(text);
    if (!doc) {
        fprintf(stderr, "nutgraf: %s: out of memory\n", name);
        return 1;
    }
    print_doc(doc, o);
    int failed = ng_doc_error(doc) != NULL;
    if (failed)
        fprintf(stderr, "nutgraf: %s: %s\n", name, ng_doc_error(doc));
    ng_doc_free(doc);
    return failed;
}

/* ---- JSON Lines ----------------------------------------------------------------- */

/* Reads one line of any length (without its newline). A line longer than
 * `limit` is read whole but reported as truncated, so that one bad record
 * does not stop the run. NULL at the end of input. */
static char *read_line(FILE *f, size_t limit, char **buf, size_t *cap, size_t *len, int *truncated)
{
    ssize_t n = getline(buf, cap, f);
    if (n < 0)
        return NULL;
    if (n > 0 && (*buf)[n - 1] == '\n')
        (*buf)[--n] = 0;
    if (n > 0 && (*buf)[n - 1] == '\r')
        (*buf)[--n] = 0;
    *len = (size_t)n;
    *truncated = (size_t)n > limit;
    return *buf;
}

/* The record's id as text: strings as they are, numbers printed. */
static char *id_of(json_t *rec, char *tmp, size_t tmplen)
{
    json_t *id = json_object_get(rec, "id");
    if (json_is_string(id))
        return (char *)json_string_value(id);
    if (json_is_integer(id)) {
        snprintf(tmp, tmplen, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
        return tmp;
    }
    if (json_is_real(id)) {
        snprintf(tmp, tmplen, "%.17g", json_real_value(id));
        return tmp;
    }
    return NULL;
}

static int report(ng_doc *doc, const options *o, const char *name, size_t line)
{
    if (!doc) {
        fputs("{\"id\":null,\"error\":\"out of memory\"}\n", stdout);
        fprintf(stderr, "nutgraf: %s:%zu: out of memory\n", name, line);
        return 1;
    }
    print_doc(doc, o);
    int failed = ng_doc_error(doc) != NULL;
    if (failed) {
        const char *id = ng_doc_id(doc);
        fprintf(stderr, "nutgraf: %s:%zu:%s%s%s %s\n", name, line, id ? " id " : "", id ? id : "", id ? ":" : "",
                ng_doc_error(doc));
    }
    ng_doc_free(doc);
    return failed;
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
    /* A line holds the text escaped as JSON: allow for the escapes. */
    size_t line_limit = o->max_bytes > SIZE_MAX / 7 ? SIZE_MAX / 2 : o->max_bytes * 6 + 4096;
    char *buf = NULL, tmp[64], why[256];
    size_t cap = 0, len, line = 0;
    int failed = 0, truncated;
    while (read_line(f, line_limit, &buf, &cap, &len, &truncated)) {
        line++;
        ng_doc *doc;
        if (truncated) {
            snprintf(why, sizeof why, "line is over %zu bytes (--max-bytes)", line_limit);
            doc = ng_doc_new_error(NULL, why);
        } else {
            json_error_t err;
            json_t *rec = len ? json_loadb(buf, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err) : NULL;
            if (!len) {
                doc = ng_doc_new_error(NULL, "empty line: want a JSON object");
            } else if (!rec) {
                snprintf(why, sizeof why, "invalid JSON: %s (column %d)", err.text, err.column);
                doc = ng_doc_new_error(NULL, why);
            } else if (!json_is_object(rec)) {
                doc = ng_doc_new_error(NULL, "want a JSON object with \"text\"");
            } else {
                const char *id = id_of(rec, tmp, sizeof tmp);
                json_t *text = json_object_get(rec, "text");
                json_t *date = json_object_get(rec, "date");
                if (!json_is_string(text)) {
                    doc = ng_doc_new_error(id, "no \"text\" string in the record");
                } else if (date && !json_is_null(date) && !json_is_string(date)) {
                    doc = ng_doc_new_error(id, "\"date\" must be a string YYYY-MM-DD");
                } else {
                    ng_input in = {json_string_value(text), json_string_length(text), id,
                                   json_is_string(date) ? json_string_value(date) : o->date, NG_FORMAT_AUTO,
                                   NULL};
                    doc = ng_extract(engine, &in);
                }
            }
            json_decref(rec);
        }
        failed |= report(doc, o, name, line);
    }
    int read_error = ferror(f);
    free(buf);
    if (f != stdin)
        fclose(f);
    if (read_error) {
        fprintf(stderr, "nutgraf: %s: read error\n", name);
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
        } else if (!strcmp(a, "--date") || !strcmp(a, "--id") || !strcmp(a, "--max-bytes")) {
            if (i + 1 >= argc)
                return usage_error("option '%s' needs a value", a);
            val = argv[++i];
            if (!strcmp(a, "--date"))
                o.date = val;
            else if (!strcmp(a, "--id"))
                o.id = val;
            else if (parse_size(val, &o.max_bytes))
                return usage_error("bad --max-bytes value '%s'", val);
        } else if (!strncmp(a, "--date=", 7)) {
            o.date = a + 7;
        } else if (!strncmp(a, "--id=", 5)) {
            o.id = a + 5;
        } else if (!strncmp(a, "--max-bytes=", 12)) {
            if (parse_size(a + 12, &o.max_bytes))
                return usage_error("bad --max-bytes value '%s'", a + 12);
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
    ng_options eo = {o.max_bytes};
    ng_engine *engine = ng_engine_new(&eo);
    if (!engine) {
        fprintf(stderr, "nutgraf: cannot start: out of memory or damaged lexicon\n");
        return 2;
    }
    int rc = o.jsonl ? extract_jsonl(engine, &o) : extract_one(engine, &o);
    ng_engine_free(engine);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "nutgraf: write error: %s\n", strerror(errno));
        return 2;
    }
    return rc;
}
