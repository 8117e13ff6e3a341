/*
 * Property checks shared by the fuzz targets: what every record nutgraf
 * writes must satisfy, checked with a real JSON parser (jansson). A
 * violation prints what is wrong and calls abort(), so that libFuzzer
 * reports the input that caused it.
 */
#ifndef NG_FUZZ_CHECK_H
#define NG_FUZZ_CHECK_H

#include "nutgraf.h"

#include <stddef.h>

/* Checks a document and its JSON (compact and pretty): valid JSON, one line
 * when compact; for a processed document, offsets in range with
 * text[start:end] (code points) equal to each mention's, quote's and date's
 * text, speakers that name existing entities, ISO date values, and the
 * limits of `options` kept. Returns 1 when the document is an error record. */
int check_doc(ng_doc *doc, const ng_options *options);

/* Aborts with a message when `cond` is false. */
void check(int cond, const char *what);

/* The engine made with `options`, made on its first use and kept for the
 * process (a target uses a few fixed option sets, so engines are made once). */
ng_engine *fuzz_engine(const ng_options *options);

#endif
