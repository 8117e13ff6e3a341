/*
 * nutgraf: the command-line tool. It uses only the public API in nutgraf.h,
 * plus jansson to read JSON Lines input (jsonl.c); reading the inputs is
 * input.c's, running the batch on every core batch.c's.
 */
#define _POSIX_C_SOURCE 200809L /* stat */
#include "nutgraf.h"
#include "batch.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef NG_VERSION_STRING
#define NG_VERSION_STRING NG_VERSION
#endif

static const char usage_text[] =
    "usage: nutgraf extract [options] [FILE | DIR | -]...\n"
    "       nutgraf --help | --version\n"
    "\n"
    "Reads news articles, as plain text or as saved web pages, and writes what\n"
    "each says as one JSON object on one line: entities, quotes with their\n"
    "speakers, dates, photo captions. Of a web page only the article is read,\n"
    "with its title, url, site, authors, publication date and language.\n"
    "\n"
    "Each FILE is one article (its record's id is its path); a DIR stands for\n"
    "every regular file under it, walked in sorted order; \"-\", or no FILE at\n"
    "all, is standard input. Files compressed with gzip or zstd (.gz, .zst,\n"
    "told by their first bytes) are read as they are. Records are written in\n"
    "input order, one line each.\n"
    "\n"
    "options:\n"
    "  --date YYYY-MM-DD  the article's date; relative dates (\"Tuesday\",\n"
    "                     \"next year\") are resolved against it\n"
    "  --id ID            the record's id (one article only; by default a\n"
    "                     file's record has its path as id)\n"
    "  --html             read the input as a web page (HTML)\n"
    "  --text             read the input as plain text (default: a web page when\n"
    "                     it starts with markup, else plain text)\n"
    "  --url URL          the web page's address, for the record's \"url\"\n"
    "  --jsonl            read JSON Lines instead: one {\"id\", \"text\", \"date\"}\n"
    "                     object per line, or {\"id\", \"html\", \"url\", \"date\"}\n"
    "                     for a web page; one output line per input line of\n"
    "                     every input, in order; a record's own \"date\" wins\n"
    "                     over --date\n"
    "  --pretty           indent the JSON (several lines per record)\n"
    "\n"
    "batch runs:\n"
    "  -j N, --jobs N     extract on N threads (default: every online core, 0\n"
    "                     too); output stays in input order, and at most 64\n"
    "                     records or 256 MB (4 N records with more threads)\n"
    "                     are in memory at once, whatever the input's size\n"
    "  --progress         a progress line on standard error (records, MB/s,\n"
    "                     records/s, and the time left when the inputs' size is\n"
    "                     known), also when standard error is not a terminal\n"
    "  --quiet            no progress line, and no summary line (records in\n"
    "                     and out, errors, time) at the end of a batch run\n"
    "                     (--jsonl, several inputs, a DIR, -j or --progress)\n"
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
    "(FILE:LINE: id ID: reason). An input that cannot be read is named on\n"
    "standard error, and the run goes on with the next.\n"
    "\n"
    "exit status: 0 every record extracted; 1 some records failed;\n"
    "             2 usage error, unreadable input or a write error.\n";

typedef struct options {
    batch_options batch; /* --date, --id, --url, --html/--text, --jsonl, --pretty, -j, ... */
    char **files;        /* the FILE operands, in order (in argv) */
    size_t n_files;
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

static const char *const value_options[] = {"--date", "--id",           "--url",         "--max-bytes",
                                            "--max-quote-bytes", "--max-entities", "--jobs", "-j"};

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

/* Whether `path` names a directory. */
static int is_directory(const char *path)
{
    struct stat st;
    return strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int main(int argc, char **argv)
{
    options o = {0};
    batch_options *bo = &o.batch;
    bo->max_bytes = NG_DEFAULT_MAX_BYTES;
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
    /* The operands are gathered at the front of argv[2..]: each goes to a
     * slot at or before its own, whose argument was already read. */
    o.files = argv + 2;
    for (i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char *val = NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(usage_text, stdout);
            return 0;
        }
        if (!strcmp(a, "--jsonl")) {
            bo->jsonl = 1;
        } else if (!strcmp(a, "--pretty")) {
            bo->pretty = 1;
        } else if (!strcmp(a, "--html")) {
            bo->format = NG_FORMAT_HTML;
        } else if (!strcmp(a, "--text")) {
            bo->format = NG_FORMAT_TEXT;
        } else if (!strcmp(a, "--progress")) {
            bo->progress = 1;
        } else if (!strcmp(a, "--quiet")) {
            bo->quiet = 1;
        } else if ((val = option_value(a, "--jobs", &i, argc, argv)) != NULL ||
                   (val = option_value(a, "-j", &i, argc, argv)) != NULL ||
                   (!strncmp(a, "-j", 2) && a[2] >= '0' && a[2] <= '9' && (val = a + 2) != NULL)) {
            char *end;
            errno = 0;
            unsigned long n = strtoul(val, &end, 10);
            if (errno || end == val || *end || *val == '-' || n > BATCH_MAX_JOBS)
                return usage_error("bad --jobs value '%s': want 0 (every core) to 1024", val);
            bo->jobs = (unsigned)n;
            bo->jobs_given = 1;
        } else if ((val = option_value(a, "--url", &i, argc, argv)) != NULL) {
            bo->url = val;
        } else if ((val = option_value(a, "--date", &i, argc, argv)) != NULL) {
            bo->date = val;
        } else if ((val = option_value(a, "--id", &i, argc, argv)) != NULL) {
            bo->id = val;
        } else if ((val = option_value(a, "--max-bytes", &i, argc, argv)) != NULL) {
            if (parse_size(val, &bo->max_bytes) || bo->max_bytes > NG_MAX_BYTES_LIMIT)
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
        } else {
            o.files[o.n_files++] = argv[i];
        }
    }
    if ((bo->id || bo->url) && !bo->jsonl && (o.n_files > 1 || (o.n_files == 1 && is_directory(o.files[0]))))
        return usage_error("%s names one article: not with several inputs or a directory",
                           bo->id ? "--id" : "--url");
    if (bo->date) {
        /* Checked here once, so that a typo is a usage error, not N bad records. */
        ng_engine *probe = ng_engine_new(NULL);
        ng_input in = {"x", 1, NULL, bo->date, NG_FORMAT_TEXT, NULL};
        ng_doc *d = probe ? ng_extract(probe, &in) : NULL;
        int bad = d && ng_doc_error(d) && strstr(ng_doc_error(d), "bad date");
        ng_doc_free(d);
        ng_engine_free(probe);
        if (bad)
            return usage_error("bad --date '%s': want YYYY-MM-DD", bo->date);
    }
    ng_options eo = {.max_bytes = bo->max_bytes, .max_quote_bytes = o.max_quote_bytes, .max_entities = o.max_entities};
    ng_engine *engine = ng_engine_new(&eo);
    if (!engine) {
        fprintf(stderr, "nutgraf: cannot start: out of memory or damaged lexicon\n");
        return 2;
    }
    int rc = batch_run(engine, bo, o.files, o.n_files);
    ng_engine_free(engine);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "nutgraf: standard output: write error: %s\n", strerror(errno));
        return 2;
    }
    return rc;
}
