/*
 * Batch runs of the command: every input (files, directories, standard
 * input, plain or compressed; see input.h) read as one record per file, or
 * one per line with JSON Lines, extracted on N threads, written in input
 * order, with memory bounded by a small window of records in flight, a
 * progress line and a summary on standard error.
 *
 * The reading thread (the caller) reads a record, waits for a free slot in
 * a ring of slots (at most `window_records` records, and `window_bytes`
 * bytes of input and output, in flight), and puts it there; worker threads
 * take records in turn and turn each into its output line and messages;
 * the worker that finishes the ring's oldest record writes it, and every
 * finished one behind it, so output comes in input order whatever order
 * the workers finish in. With one job everything runs in the calling
 * thread, with no threads at all.
 */
#ifndef NG_CLI_BATCH_H
#define NG_CLI_BATCH_H

#include "nutgraf.h"

#include <stddef.h>

/* The window: at most this many records (or 4 per thread, when that is
 * more), and about this many bytes of input and output, in flight at once
 * (a record larger than the byte budget still goes through, alone). The
 * environment variable NUTGRAF_WINDOW=RECORDS:BYTES sets both exactly, for
 * the tests. */
#define BATCH_WINDOW_RECORDS 64
#define BATCH_WINDOW_BYTES ((size_t)256 << 20)
#define BATCH_MAX_JOBS 1024

typedef struct batch_options {
    const char *date; /* --date */
    const char *id;   /* --id: the id of the single record (else a file's path) */
    const char *url;  /* --url: the address of the single web page */
    ng_format format; /* --html, --text, or NG_FORMAT_AUTO */
    int jsonl;        /* --jsonl: one record per line */
    int pretty;       /* --pretty */
    size_t max_bytes; /* --max-bytes: a file is read up to this (+1) */
    unsigned jobs;    /* -j: extracting threads; 0 for every online core */
    int jobs_given;   /* -j was given: a batch run */
    int progress;     /* --progress: a progress line even when stderr is no terminal */
    int quiet;        /* --quiet: no progress line, no summary */
    size_t window_records, window_bytes; /* 0 for the defaults above */
} batch_options;

/* The number of online cores (at least 1, at most BATCH_MAX_JOBS). */
unsigned batch_default_jobs(void);

/* Reads every input that `inputs` names (none: standard input) and writes
 * one record per article to standard output. Returns the exit status: 0
 * every record extracted, 1 some records were error records, 2 some input
 * could not be read or standard output failed (the caller reports a write
 * error after its last flush). */
int batch_run(const ng_engine *engine, const batch_options *o, char *const *inputs, size_t n);

#endif
