/* Allocation with one failure path: see ng_set_oom_target() in internal.h. */
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>

static _Thread_local jmp_buf *oom_target;

void ng_set_oom_target(jmp_buf *target)
{
    oom_target = target;
}

jmp_buf *ng_oom_target(void)
{
    return oom_target;
}

static void out_of_memory(void)
{
    if (oom_target)
        longjmp(*oom_target, 1);
    fputs("nutgraf: out of memory\n", stderr);
    abort();
}

void *ng_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        out_of_memory();
    return q;
}

void *ng_xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory();
    return p;
}

char *ng_xstrndup(const char *s, size_t n)
{
    char *p = ng_xrealloc(NULL, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *ng_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

void ng_vec_grow(void **v, size_t *cap, size_t elem, size_t need)
{
    if (need <= *cap)
        return;
    size_t n = *cap ? *cap : 16;
    while (n < need)
        n *= 2;
    if (n > SIZE_MAX / elem)
        out_of_memory();
    *v = ng_xrealloc(*v, n * elem);
    *cap = n;
}

void sb_printf(strbuf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        sb_append(b, small, (size_t)n);
        return;
    }
    ng_vec_grow((void **)&b->s, &b->cap, 1, b->n + (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(b->s + b->n, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)n;
}

void sb_free(strbuf *b)
{
    free(b->s);
    b->s = NULL;
    b->n = b->cap = 0;
}
