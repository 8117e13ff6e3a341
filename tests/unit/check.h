/* A minimal test harness: CHECK() records a failure with its line and goes
 * on, so that one run reports every broken case; main returns check_done(). */
#ifndef NG_CHECK_H
#define NG_CHECK_H

#include "nutgraf.h"

#include <stdio.h>
#include <string.h>

static int check_failures, check_count;

#define CHECK(cond)                                                           \
    do {                                                                      \
        check_count++;                                                        \
        if (!(cond)) {                                                        \
            check_failures++;                                                 \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                     \
    } while (0)

#define CHECK_STR(got, want)                                                  \
    do {                                                                      \
        const char *g_ = (got), *w_ = (want);                                 \
        check_count++;                                                        \
        if (!(g_ == w_ || (g_ && w_ && !strcmp(g_, w_)))) {                   \
            check_failures++;                                                 \
            fprintf(stderr, "%s:%d: got \"%s\", want \"%s\" (%s)\n", __FILE__, __LINE__, \
                    g_ ? g_ : "(null)", w_ ? w_ : "(null)", #got);            \
        }                                                                     \
    } while (0)

static inline int check_done(void)
{
    fprintf(stderr, "%d checks, %d failed\n", check_count, check_failures);
    return check_failures ? 1 : 0;
}

/* Runs the pipeline on a string. */
static inline ng_doc *extract(ng_engine *e, const char *text, const char *date)
{
    ng_input in = {text, strlen(text), NULL, date, NG_FORMAT_AUTO, NULL};
    return ng_extract(e, &in);
}

#endif
