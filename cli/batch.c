/*
 * Batch runs of the command (see batch.h): read, extract on N threads, write
 * in order, within a bounded window.
 */
#define _POSIX_C_SOURCE 200809L /* pthreads, clock_gettime, isatty, sysconf */
#include "batch.h"
#include "input.h"
#include "jsonl.h"
#include "jsonl_fast.h"

#include <errno.h>
#include <inttypes.h>
#include <jansson.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define OOM_RECORD "{\"id\":null,\"error\":\"out of memory\"}\n"

/* ---- one record ---------------------------------------------------------------------------------- */

typedef enum {
    JOB_LINE,     /* a JSON Lines line */
    JOB_LINE_OOM, /* a line that memory ran out for while reading it */
    JOB_FILE,     /* a whole file: one article */
    JOB_NOTICE    /* no record: an input that could not be read (msg says so) */
} job_kind;

typedef struct job {
    job_kind kind;
    char *data; /* the input bytes, freed once extracted */
    size_t len;
    char *name; /* the input's name, for messages ("feed.jsonl", "standard input") */
    size_t line; /* JSON Lines: the line number */
    char *id;   /* a file's record id: --id or its path; NULL for standard input */
    /* What the record gives: */
    char *out; /* the output line, with its line end; NULL for a notice */
    size_t out_len;
    ng_doc *doc; /* sequential runs: the document, whose JSON is `out` (no line end) */
    char *msg; /* lines for standard error, or NULL */
    size_t msg_len;
    int failed;     /* the record is an error record */
    size_t charged; /* bytes counted against the window */
    uint64_t raw_at; /* the inputs' bytes used up to this record (for progress) */
    int done;       /* out and msg are ready (threaded runs: under the lock) */
} job;

static void job_free(job *j)
{
    free(j->data);
    free(j->name);
    free(j->id);
    if (j->doc)
        ng_doc_free(j->doc); /* `out` is its JSON */
    else
        free(j->out);
    free(j->msg);
    j->data = j->name = j->id = j->out = j->msg = NULL;
    j->doc = NULL;
}

/* A growing string for messages; on memory exhaustion it stays as it was. */
typedef struct strbuf {
    char *s;
    size_t n, cap;
} strbuf;

static void sb_printf(strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (k < 0)
        return;
    if (b->n + (size_t)k + 1 > b->cap) {
        size_t ncap = b->cap ? b->cap : 128;
        while (ncap < b->n + (size_t)k + 1)
            ncap *= 2;
        char *s = realloc(b->s, ncap);
        if (!s)
            return;
        b->s = s;
        b->cap = ncap;
    }
    va_start(ap, fmt);
    vsnprintf(b->s + b->n, (size_t)k + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)k;
}

/* "nutgraf: NAME[:LINE][: id ID]: " starts every message about a record. */
static void sb_where(strbuf *b, const job *j, const char *id)
{
    sb_printf(b, "nutgraf: %s", j->name ? j->name : "input");
    if (j->line)
        sb_printf(b, ":%zu", j->line);
    if (id) {
        sb_printf(b, ": id ");
        size_t start = b->n;
        sb_printf(b, "%s", id);
        for (size_t k = start; k < b->n; k++) /* the message stays on one line */
            if ((unsigned char)b->s[k] < 0x20 || b->s[k] == 0x7f)
                b->s[k] = ' ';
    }
    sb_printf(b, ": ");
}

typedef struct batch batch;
static void render(const batch *b, job *j, ng_doc *doc);

/* ---- the run ------------------------------------------------------------------------------------ */

struct batch {
    const ng_engine *engine;
    const batch_options *o;
    jsonl_config jconfig;
    unsigned json_flags;

    /* The window, in threaded runs: a ring of `cap` slots holding records
     * next_out <= k < next_in; next_work is the next to extract. Everything
     * here is under `mu`. */
    int threaded;
    pthread_mutex_t mu;
    pthread_cond_t can_submit, has_work;
    job *ring;
    size_t cap;
    uint64_t next_in, next_work, next_out;
    size_t in_flight, byte_budget;
    int writing;        /* a thread is writing the done records at the head */
    int reader_waiting; /* the reader waits for room */
    int closed;         /* the reader is done */
    int stop;           /* standard output failed: read no further */

    /* Counts, kept by the thread that writes (one at a time: `writing`). */
    uint64_t records_in; /* kept by the reader */
    uint64_t records_out, errors, unreadable, bytes_out;
    int write_failed;
    int write_errno; /* why the first write failed */

    /* Progress and summary. */
    int progress, summary;
    double start, last_draw;
    int drawn;         /* the width of the progress line on screen, 0 if none */
    int64_t total_raw; /* the inputs' total size, or -1 */
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Extracts one record: its output line and its messages. Runs on any
 * thread; touches nothing but the job. */
static void process_job(const batch *b, job *j)
{
    ng_doc *doc;
    switch (j->kind) {
    case JOB_LINE:
        /* The usual record by the fast path, anything else as ever. */
        if (!jsonl_fast_line(b->engine, &b->jconfig, j->data, j->len, &doc))
            doc = process_jsonl_line(b->engine, &b->jconfig, j->data, j->len);
        break;
    case JOB_LINE_OOM:
        doc = ng_doc_new_error(NULL, "out of memory reading the line");
        break;
    case JOB_FILE: {
        ng_input in = {j->data, j->len, j->id, b->o->date, b->o->format, b->o->url};
        doc = ng_extract(b->engine, &in);
        break;
    }
    default:
        return; /* a notice: its message is all there is */
    }
    free(j->data);
    j->data = NULL;
    render(b, j, doc);
}

/* A document to its output line and messages (the failure's reason, or the
 * limits that cut it short); frees the document. */
static void render(const batch *b, job *j, ng_doc *doc)
{
    strbuf m = {0};
    if (!doc) {
        j->failed = 1;
        sb_where(&m, j, j->kind == JOB_FILE ? j->id : NULL);
        sb_printf(&m, "out of memory\n");
    } else {
        size_t len;
        const char *json = ng_doc_json(doc, b->json_flags, &len);
        if (json && !b->threaded) {
            /* written at once: the document's own JSON, without a copy */
            j->doc = doc;
            j->out = (char *)json;
            j->out_len = len;
        } else if (json && (j->out = malloc(len + 1)) != NULL) {
            memcpy(j->out, json, len);
            j->out[len] = '\n';
            j->out_len = len + 1;
        }
        j->failed = ng_doc_error(doc) != NULL || !j->out;
        unsigned limits = ng_doc_limits(doc);
        if (j->failed || limits)
            sb_where(&m, j, ng_doc_id(doc));
        if (ng_doc_error(doc))
            sb_printf(&m, "%s\n", ng_doc_error(doc));
        else if (!j->out)
            sb_printf(&m, "out of memory\n");
        else if (limits)
            sb_printf(&m, "warning: limit reached: %s%s%s\n",
                      limits & NG_LIMIT_QUOTE_BYTES ? "quotes over --max-quote-bytes left out" : "",
                      limits == (NG_LIMIT_QUOTE_BYTES | NG_LIMIT_ENTITIES) ? ", " : "",
                      limits & NG_LIMIT_ENTITIES ? "names past --max-entities not linked" : "");
        if (!j->doc)
            ng_doc_free(doc);
    }
    if (!j->out) { /* memory ran out for the output: the record still has its line */
        j->failed = 1;
        j->out_len = sizeof OOM_RECORD - 1;
    }
    j->msg = m.s;
    j->msg_len = m.n;
}

/* ---- progress ------------------------------------------------------------------------------------ */

static void clear_progress(batch *b)
{
    if (b->drawn)
        fprintf(stderr, "\r%*s\r", b->drawn, "");
    b->drawn = 0;
}

static void format_duration(char *buf, size_t n, double s)
{
    if (s < 0 || s > 1e7) {
        snprintf(buf, n, "?");
        return;
    }
    unsigned long t = (unsigned long)(s + 0.5);
    if (t >= 3600)
        snprintf(buf, n, "%lu:%02lu:%02lu", t / 3600, t / 60 % 60, t % 60);
    else
        snprintf(buf, n, "%lu:%02lu", t / 60, t % 60);
}

/* Redraws the progress line, at most four times a second unless `final`:
 * records written, MB/s and records/s, and how far along, with the time
 * left, when the inputs' size is known. `raw` is the bytes read so far. */
static void draw_progress(batch *b, uint64_t raw, int final)
{
    double t = now();
    if (!final && t - b->last_draw < 0.25)
        return;
    b->last_draw = t;
    double el = t - b->start > 1e-6 ? t - b->start : 1e-6;
    char line[256];
    int k = snprintf(line, sizeof line, "nutgraf: %" PRIu64 " records, %.1f MB/s, %.0f records/s", b->records_out,
                     (double)b->bytes_out / el / (1 << 20), (double)b->records_out / el);
    if (b->total_raw > 0 && raw > 0 && k > 0 && (size_t)k < sizeof line) {
        double frac = (double)raw / (double)b->total_raw;
        if (frac > 1)
            frac = 1;
        char eta[32];
        format_duration(eta, sizeof eta, final ? 0 : el * (1 - frac) / frac);
        k += snprintf(line + k, sizeof line - (size_t)k, ", %.0f%%, ETA %s", frac * 100, eta);
    }
    if (k < 0)
        return;
    if ((size_t)k >= sizeof line)
        k = (int)sizeof line - 1;
    fprintf(stderr, "\r%s%*s", line, b->drawn > k ? b->drawn - k : 0, "");
    b->drawn = k;
}

/* Writes one record's line and messages, in input order, and frees the
 * job's buffers. Runs on whichever thread writes, one at a time. */
static void emit(batch *b, job *j)
{
    if (j->msg && b->drawn)
        clear_progress(b);
    if (j->kind != JOB_NOTICE) {
        if (!b->write_failed) {
            const char *out = j->out ? j->out : OOM_RECORD;
            if (fwrite(out, 1, j->out_len, stdout) != j->out_len || (j->doc && putchar('\n') == EOF) ||
                ferror(stdout)) {
                b->write_failed = 1;
                b->write_errno = errno;
            }
        }
        if (!b->write_failed) {
            b->records_out++;
            b->errors += j->failed != 0;
            b->bytes_out += j->len;
        }
    } else {
        b->unreadable++;
    }
    if (j->msg)
        fwrite(j->msg, 1, j->msg_len, stderr);
    job_free(j);
    if (b->progress)
        draw_progress(b, j->raw_at, 0);
}

/* ---- threads ------------------------------------------------------------------------------------ */

/* The window has room for the reader: fewer than `cap` records, and fewer
 * bytes than the budget (or nothing) in flight. */
static int has_room(const batch *b)
{
    return b->next_in - b->next_out < b->cap && (b->in_flight < b->byte_budget || b->next_in == b->next_out);
}

/* Once the reader had to wait, it is woken only when the window is half
 * empty, so that it reads records in runs instead of one per record written
 * (a wake-up each, twice the context switches). */
static int half_empty(const batch *b)
{
    return b->next_in - b->next_out <= b->cap / 2 && (b->in_flight <= b->byte_budget / 2 || b->next_in == b->next_out);
}

/* Writes the records at the head of the window that are done, in order,
 * unless another thread is at it (it will see them: it checks again under
 * the lock before it stops). Called with the lock held; drops it while
 * writing. No writer thread: whoever finishes the oldest record writes it. */
static void write_done(batch *b)
{
    if (b->writing)
        return;
    b->writing = 1;
    while (b->next_out < b->next_in && b->ring[b->next_out % b->cap].done) {
        job j = b->ring[b->next_out % b->cap];
        pthread_mutex_unlock(&b->mu);
        emit(b, &j);
        pthread_mutex_lock(&b->mu);
        b->in_flight -= j.charged;
        b->next_out++;
        if (b->write_failed)
            b->stop = 1;
        if (b->reader_waiting && (half_empty(b) || b->stop))
            pthread_cond_signal(&b->can_submit);
    }
    b->writing = 0;
}

static void *worker_main(void *arg)
{
    batch *b = arg;
    pthread_mutex_lock(&b->mu);
    for (;;) {
        while (b->next_work == b->next_in && !b->closed)
            pthread_cond_wait(&b->has_work, &b->mu);
        if (b->next_work == b->next_in)
            break;
        /* The slot stays this worker's until it is marked done: the reader
         * reuses a slot only once its record has been written. */
        job *j = &b->ring[b->next_work++ % b->cap];
        pthread_mutex_unlock(&b->mu);
        process_job(b, j);
        pthread_mutex_lock(&b->mu);
        size_t charge = j->out_len + j->msg_len;
        b->in_flight = b->in_flight - j->charged + charge;
        j->charged = charge;
        j->done = 1;
        write_done(b);
    }
    pthread_mutex_unlock(&b->mu);
    return NULL;
}

/* Hands one record (or notice) on: in a threaded run into the window,
 * waiting for room; else extracted and written at once. `raw` is the bytes
 * read from the inputs so far. */
static void submit(batch *b, job *j, uint64_t raw)
{
    if (j->kind != JOB_NOTICE)
        b->records_in++;
    j->raw_at = raw;
    if (!b->threaded) {
        process_job(b, j);
        emit(b, j);
        b->stop = b->write_failed;
        return;
    }
    pthread_mutex_lock(&b->mu);
    if (!b->stop && !has_room(b)) {
        b->reader_waiting = 1;
        while (!b->stop && !half_empty(b))
            pthread_cond_wait(&b->can_submit, &b->mu);
        b->reader_waiting = 0;
    }
    if (b->stop) {
        pthread_mutex_unlock(&b->mu);
        job_free(j);
        return;
    }
    j->charged = j->len + j->msg_len;
    j->done = j->kind == JOB_NOTICE;
    b->ring[b->next_in++ % b->cap] = *j;
    b->in_flight += j->charged;
    if (j->done)
        write_done(b); /* a notice: no worker will finish it */
    else
        pthread_cond_signal(&b->has_work);
    pthread_mutex_unlock(&b->mu);
}

static int stopped(batch *b)
{
    if (!b->threaded)
        return b->stop;
    pthread_mutex_lock(&b->mu);
    int s = b->stop;
    pthread_mutex_unlock(&b->mu);
    return s;
}

/* A message about an input that could not be read, in its place among the
 * records' messages. */
static void notice(batch *b, uint64_t raw, const char *fmt, ...)
{
    job j = {.kind = JOB_NOTICE};
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (k > 0 && (j.msg = malloc((size_t)k + 1)) != NULL) {
        va_start(ap, fmt);
        vsnprintf(j.msg, (size_t)k + 1, fmt, ap);
        va_end(ap);
        j.msg_len = (size_t)k;
    }
    submit(b, &j, raw);
}

/* ---- reading ------------------------------------------------------------------------------------ */

static char *copy(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* Every line of one JSON Lines input: one record each. */
static void read_lines(batch *b, input *in, const char *name, uint64_t raw_base)
{
    size_t line = 0;
    while (!stopped(b)) {
        char *buf = NULL;
        size_t len = 0;
        int got = input_read_line(in, b->jconfig.line_limit, &buf, &len);
        if (got == 0)
            break;
        if (got == -1) {
            notice(b, raw_base + input_raw_bytes(in), "nutgraf: %s:%zu: %s\n", name, line + 1, input_error(in));
            break;
        }
        line++;
        job j = {.kind = got > 0 ? JOB_LINE : JOB_LINE_OOM, .data = buf, .len = len, .name = copy(name), .line = line};
        submit(b, &j, raw_base + input_raw_bytes(in));
    }
}

/* One file: one record. */
static void read_whole(batch *b, input *in, const char *name, const char *path, uint64_t raw_base)
{
    size_t len = 0;
    char *text = input_read_all(in, b->o->max_bytes, &len);
    if (!text) {
        notice(b, raw_base + input_raw_bytes(in), "nutgraf: %s: %s\n", name, input_error(in));
        return;
    }
    const char *id = b->o->id ? b->o->id : strcmp(path, "-") != 0 ? path : NULL;
    job j = {.kind = JOB_FILE, .data = text, .len = len, .name = copy(name), .id = copy(id)};
    submit(b, &j, raw_base + input_raw_bytes(in));
}

static void read_inputs(batch *b, char *const *inputs, size_t n)
{
    walk *w = walk_new(inputs, n);
    if (!w) {
        notice(b, 0, "nutgraf: out of memory\n");
        return;
    }
    uint64_t raw_base = 0;
    const char *path, *why;
    int r;
    while (!stopped(b) && (r = walk_next(w, &path, &why)) != 0) {
        if (r < 0) {
            notice(b, raw_base, "nutgraf: %s: %s\n", path, why);
            continue;
        }
        const char *name = strcmp(path, "-") != 0 ? path : "standard input";
        char reason[256];
        input *in = input_open(path, reason, sizeof reason);
        if (!in) {
            notice(b, raw_base, "nutgraf: %s: %s\n", name, reason);
            continue;
        }
        if (b->o->jsonl)
            read_lines(b, in, name, raw_base);
        else
            read_whole(b, in, name, path, raw_base);
        raw_base += input_raw_bytes(in);
        input_close(in);
    }
    walk_free(w);
}

/* ---- the run ------------------------------------------------------------------------------------ */

unsigned batch_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return n > BATCH_MAX_JOBS ? BATCH_MAX_JOBS : (unsigned)n;
}

static int any_directory(char *const *inputs, size_t n)
{
    struct stat st;
    for (size_t i = 0; i < n; i++)
        if (strcmp(inputs[i], "-") != 0 && stat(inputs[i], &st) == 0 && S_ISDIR(st.st_mode))
            return 1;
    return 0;
}

/* Starts up to `jobs` workers; the number started, 0 when threads could
 * not be had (the run is then sequential). */
static unsigned start_threads(batch *b, unsigned jobs, pthread_t *workers)
{
    b->cap = b->o->window_records ? b->o->window_records : BATCH_WINDOW_RECORDS;
    if (b->cap < 4 * (size_t)jobs)
        b->cap = 4 * (size_t)jobs;
    b->byte_budget = b->o->window_bytes ? b->o->window_bytes : BATCH_WINDOW_BYTES;
    /* For the tests: NUTGRAF_WINDOW=RECORDS:BYTES sets the window exactly. */
    const char *env = getenv("NUTGRAF_WINDOW");
    unsigned long long wr, wb;
    if (env && sscanf(env, "%llu:%llu", &wr, &wb) == 2 && wr > 0 && wb > 0) {
        b->cap = (size_t)wr;
        b->byte_budget = (size_t)wb;
    }
    b->ring = calloc(b->cap, sizeof *b->ring);
    if (!b->ring)
        return 0;
    pthread_mutex_init(&b->mu, NULL);
    pthread_cond_init(&b->can_submit, NULL);
    pthread_cond_init(&b->has_work, NULL);
    unsigned started = 0;
    while (started < jobs && pthread_create(&workers[started], NULL, worker_main, b) == 0)
        started++;
    b->threaded = started > 0;
    return started;
}

/* The reader is done: the workers finish what is in the window and end;
 * whatever is done but not yet written (a notice last) is written here. */
static void stop_threads(batch *b, pthread_t *workers, unsigned started)
{
    pthread_mutex_lock(&b->mu);
    b->closed = 1;
    pthread_cond_broadcast(&b->has_work);
    pthread_mutex_unlock(&b->mu);
    for (unsigned k = 0; k < started; k++)
        pthread_join(workers[k], NULL);
    pthread_mutex_lock(&b->mu);
    write_done(b);
    pthread_mutex_unlock(&b->mu);
}

int batch_run(const ng_engine *engine, const batch_options *o, char *const *inputs, size_t n)
{
    static char *const stdin_only[] = {"-"};
    if (n == 0) {
        inputs = stdin_only;
        n = 1;
    }
    batch b = {0};
    b.engine = engine;
    b.o = o;
    b.jconfig = (jsonl_config){o->date, jsonl_line_limit(o->max_bytes), o->format};
    b.json_flags = o->pretty ? NG_JSON_PRETTY : NG_JSON_DEFAULT;
    int several = o->jsonl || n > 1 || any_directory(inputs, n);
    int is_batch = several || o->jobs_given || o->progress;
    b.progress = !o->quiet && (o->progress || (is_batch && isatty(2)));
    b.summary = !o->quiet && is_batch;
    b.total_raw = b.progress ? inputs_total_size(inputs, n) : -1;
    b.start = b.last_draw = now();
    /* Records go out in large writes when nobody watches them come. */
    if (!isatty(1))
        setvbuf(stdout, NULL, _IOFBF, (size_t)1 << 20);
    /* jansson's hash seed, set once before any thread parses. */
    json_object_seed(0);

    unsigned jobs = o->jobs ? o->jobs : batch_default_jobs();
    if (jobs > BATCH_MAX_JOBS)
        jobs = BATCH_MAX_JOBS;
    pthread_t *workers = NULL;
    unsigned started = 0;
    if (jobs > 1 && several && (workers = calloc(jobs, sizeof *workers)) != NULL)
        started = start_threads(&b, jobs, workers); /* 0: the run is sequential */
    read_inputs(&b, inputs, n);
    if (b.threaded)
        stop_threads(&b, workers, started);
    if (b.ring) {
        pthread_mutex_destroy(&b.mu);
        pthread_cond_destroy(&b.can_submit);
        pthread_cond_destroy(&b.has_work);
    }
    free(b.ring);
    free(workers);
    if ((fflush(stdout) != 0 || ferror(stdout)) && !b.write_failed) {
        b.write_failed = 1;
        b.write_errno = errno;
    }

    if (b.progress) {
        draw_progress(&b, b.total_raw > 0 ? (uint64_t)b.total_raw : 0, 1);
        fputc('\n', stderr);
    }
    if (b.summary) {
        double el = now() - b.start;
        if (el < 1e-6)
            el = 1e-6;
        fprintf(stderr,
                "nutgraf: %" PRIu64 " records in, %" PRIu64 " out, %" PRIu64 " errors, %.2f s (%.1f MB/s, %.0f "
                "records/s, %u thread%s)",
                b.records_in, b.records_out, b.errors, el, (double)b.bytes_out / el / (1 << 20),
                (double)b.records_out / el, b.threaded ? started : 1, b.threaded && started > 1 ? "s" : "");
        if (b.unreadable)
            fprintf(stderr, ", %" PRIu64 " input%s unreadable", b.unreadable, b.unreadable == 1 ? "" : "s");
        fputc('\n', stderr);
    }
    if (b.write_failed)
        errno = b.write_errno; /* for the caller's message */
    if (b.unreadable || b.write_failed)
        return 2;
    return b.errors ? 1 : 0;
}
