/*
 * nutgraf-bench: single-thread throughput of the library on a corpus held in
 * memory, so that the figure is the engine's, not the disk's or a JSON
 * reader's. Prints MB/s (input bytes), articles/s and peak memory.
 *
 *   nutgraf-bench [--repeat N] [--runs K] CORPUS.jsonl | FILE.txt...
 *
 * A .jsonl corpus holds {"id", "text", "date"} per line (read with jansson);
 * other files are one article each. Each run extracts every article and
 * writes its JSON (into memory); the median of K runs is reported.
 */
#define _POSIX_C_SOURCE 200809L
#include "nutgraf.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

typedef struct article {
    char *text;
    size_t len;
    char *date;
} article;

static article *arts;
static size_t n_arts, cap_arts;

static void add(char *text, size_t len, const char *date)
{
    if (n_arts == cap_arts) {
        cap_arts = cap_arts ? cap_arts * 2 : 256;
        arts = realloc(arts, cap_arts * sizeof *arts);
        if (!arts) {
            perror("nutgraf-bench");
            exit(2);
        }
    }
    arts[n_arts].text = text;
    arts[n_arts].len = len;
    arts[n_arts].date = date ? strdup(date) : NULL;
    n_arts++;
}

static void load_jsonl(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        exit(2);
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        json_error_t err;
        json_t *rec = json_loadb(line, (size_t)n, 0, &err);
        json_t *text = json_object_get(rec, "text");
        json_t *date = json_object_get(rec, "date");
        if (json_is_string(text))
            add(strndup(json_string_value(text), json_string_length(text)), json_string_length(text),
                json_is_string(date) ? json_string_value(date) : NULL);
        json_decref(rec);
    }
    free(line);
    fclose(f);
}

static void load_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        perror(path);
        exit(2);
    }
    fclose(f);
    add(buf, (size_t)n, NULL);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    int repeat = 1, runs = 5;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "--repeat") && i + 1 < argc)
            repeat = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--runs") && i + 1 < argc)
            runs = atoi(argv[++i]);
        else {
            fprintf(stderr, "usage: nutgraf-bench [--repeat N] [--runs K] CORPUS.jsonl | FILE.txt...\n");
            return 2;
        }
    }
    if (i >= argc || repeat < 1 || runs < 1) {
        fprintf(stderr, "usage: nutgraf-bench [--repeat N] [--runs K] CORPUS.jsonl | FILE.txt...\n");
        return 2;
    }
    for (; i < argc; i++) {
        size_t l = strlen(argv[i]);
        if (l > 6 && !strcmp(argv[i] + l - 6, ".jsonl"))
            load_jsonl(argv[i]);
        else
            load_file(argv[i]);
    }
    size_t bytes = 0;
    for (size_t k = 0; k < n_arts; k++)
        bytes += arts[k].len;
    ng_engine *engine = ng_engine_new(NULL);
    if (!engine || !n_arts) {
        fprintf(stderr, "nutgraf-bench: no engine or no articles\n");
        return 2;
    }
    double *times = calloc((size_t)runs, sizeof *times);
    size_t quotes = 0, failed = 0;
    for (int r = 0; r < runs; r++) {
        double t0 = now();
        for (int rep = 0; rep < repeat; rep++) {
            for (size_t k = 0; k < n_arts; k++) {
                ng_input in = {arts[k].text, arts[k].len, NULL, arts[k].date, NG_FORMAT_AUTO, NULL};
                ng_doc *doc = ng_extract(engine, &in);
                size_t len;
                if (!ng_doc_json(doc, 0, &len) || ng_doc_error(doc))
                    failed++;
                quotes += ng_doc_quote_count(doc);
                ng_doc_free(doc);
            }
        }
        times[r] = now() - t0;
    }
    qsort(times, (size_t)runs, sizeof *times, cmp_double);
    double med = times[runs / 2];
    double mb = (double)bytes * repeat / (1 << 20);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("nutgraf %s single thread: %zu articles, %.2f MB, median of %d runs %.3f s\n", NG_VERSION,
           n_arts * (size_t)repeat, mb, runs, med);
    printf("  throughput  %.1f MB/s  %.0f articles/s\n", mb / med, (double)n_arts * repeat / med);
    printf("  peak memory %.1f MB (max RSS, corpus in memory included)\n", (double)ru.ru_maxrss / 1024);
    printf("  quotes found %zu per run, failed records %zu\n", quotes / (size_t)runs, failed / (size_t)runs);
    ng_engine_free(engine);
    return 0;
}
