/*
 * The command's inputs (see input.h): files, directories and standard input,
 * plain, gzip (zlib) or zstd (libzstd), read through fixed buffers.
 */
#define _POSIX_C_SOURCE 200809L /* open, read, fstat, lstat, opendir */
#include "input.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

/* Both buffers: large enough that a read or a decompression call is worth
 * its cost, small enough not to matter next to the records in flight. */
#define RAW_SIZE ((size_t)1 << 20)
#define OUT_SIZE ((size_t)1 << 20)

typedef enum { KIND_PLAIN, KIND_GZIP, KIND_ZSTD } input_kind;

struct input {
    int fd;
    int own_fd;
    input_kind kind;
    /* The bytes as read from the file. For plain input this is also the
     * buffer handed out (buf == raw). */
    unsigned char *raw;
    size_t raw_pos, raw_end;
    int raw_eof;
    uint64_t raw_total;
    /* The uncompressed bytes not yet handed out: buf[pos..end). */
    unsigned char *buf;
    size_t pos, end;
    int done; /* no more uncompressed bytes */
    z_stream z;
    int z_ready;
    int member_done; /* a gzip member ended; another may follow */
    ZSTD_DStream *zs;
    size_t zs_last; /* ZSTD_decompressStream's last hint: 0 when a frame ended */
    char err[256];
};

static void set_error(input *in, const char *fmt, const char *what)
{
    snprintf(in->err, sizeof in->err, fmt, what);
}

/* Reads more raw bytes into raw[raw_end..]; 0 or -1 (err set). */
static int read_raw(input *in)
{
    if (in->raw_eof)
        return 0;
    if (in->raw_pos == in->raw_end)
        in->raw_pos = in->raw_end = 0;
    for (;;) {
        ssize_t n = read(in->fd, in->raw + in->raw_end, RAW_SIZE - in->raw_end);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            set_error(in, "%s", strerror(errno));
            return -1;
        }
        if (n == 0)
            in->raw_eof = 1;
        in->raw_end += (size_t)n;
        in->raw_total += (uint64_t)n;
        return 0;
    }
}

input *input_open(const char *path, char *why, size_t whylen)
{
    input *in = calloc(1, sizeof *in);
    if (!in || !(in->raw = malloc(RAW_SIZE))) {
        free(in);
        snprintf(why, whylen, "out of memory");
        return NULL;
    }
    if (!strcmp(path, "-")) {
        in->fd = 0;
    } else {
        in->fd = open(path, O_RDONLY);
        if (in->fd < 0) {
            snprintf(why, whylen, "%s", strerror(errno));
            free(in->raw);
            free(in);
            return NULL;
        }
        in->own_fd = 1;
    }
    /* The first bytes tell the compression: read until there are four of
     * them or the input ends (a pipe may give them one at a time). */
    while (in->raw_end < 4 && !in->raw_eof) {
        if (read_raw(in) != 0) {
            snprintf(why, whylen, "%s", in->err);
            input_close(in);
            return NULL;
        }
    }
    const unsigned char *m = in->raw;
    if (in->raw_end >= 2 && m[0] == 0x1f && m[1] == 0x8b)
        in->kind = KIND_GZIP;
    else if (in->raw_end >= 4 && m[0] == 0x28 && m[1] == 0xb5 && m[2] == 0x2f && m[3] == 0xfd)
        in->kind = KIND_ZSTD;
    else
        in->kind = KIND_PLAIN;
    if (in->kind == KIND_PLAIN) {
        in->buf = in->raw;
        in->end = in->raw_end;
        in->raw_pos = in->raw_end;
        return in;
    }
    in->buf = malloc(OUT_SIZE);
    int ok = in->buf != NULL;
    if (ok && in->kind == KIND_GZIP) {
        /* 16 + 15: a gzip header and trailer, the largest window. */
        ok = inflateInit2(&in->z, 16 + MAX_WBITS) == Z_OK;
        in->z_ready = ok;
    } else if (ok) {
        in->zs = ZSTD_createDStream();
        in->zs_last = 1; /* no frame ended yet */
        ok = in->zs && !ZSTD_isError(ZSTD_initDStream(in->zs));
    }
    if (!ok) {
        snprintf(why, whylen, "out of memory");
        input_close(in);
        return NULL;
    }
    return in;
}

void input_close(input *in)
{
    if (!in)
        return;
    if (in->own_fd)
        close(in->fd);
    if (in->z_ready)
        inflateEnd(&in->z);
    ZSTD_freeDStream(in->zs);
    if (in->buf != in->raw)
        free(in->buf);
    free(in->raw);
    free(in);
}

const char *input_error(const input *in)
{
    return in->err;
}

uint64_t input_raw_bytes(const input *in)
{
    /* Read, less what waits in the buffers: plain bytes not yet handed out,
     * compressed bytes not yet decompressed. */
    if (in->kind == KIND_PLAIN)
        return in->raw_total - (in->end - in->pos);
    return in->raw_total - (in->raw_end - in->raw_pos);
}

/* Decompresses the next bytes of gzip input into buf: their count, 0 at the
 * end, -1 on bad or truncated data. */
static long fill_gzip(input *in)
{
    z_stream *z = &in->z;
    for (;;) {
        if (in->raw_pos == in->raw_end && !in->raw_eof && read_raw(in) != 0)
            return -1;
        if (in->member_done) {
            if (in->raw_pos == in->raw_end)
                return 0;
            /* Another member follows (as `cat a.gz b.gz` makes); anything
             * else after a member is ignored, as gzip(1) ignores it. */
            if (in->raw[in->raw_pos] != 0x1f)
                return 0;
            if (inflateReset(z) != Z_OK) {
                set_error(in, "%s", "bad gzip data");
                return -1;
            }
            in->member_done = 0;
        }
        z->next_in = in->raw + in->raw_pos;
        z->avail_in = (uInt)(in->raw_end - in->raw_pos);
        z->next_out = in->buf;
        z->avail_out = (uInt)OUT_SIZE;
        int rc = inflate(z, Z_NO_FLUSH);
        size_t produced = OUT_SIZE - z->avail_out;
        in->raw_pos = in->raw_end - z->avail_in;
        if (rc == Z_STREAM_END) {
            in->member_done = 1;
        } else if (rc == Z_OK || rc == Z_BUF_ERROR) {
            if (produced == 0 && in->raw_pos == in->raw_end && in->raw_eof) {
                set_error(in, "%s", "gzip data ends too early (truncated file?)");
                return -1;
            }
        } else {
            set_error(in, "bad gzip data: %s", z->msg ? z->msg : "inflate failed");
            return -1;
        }
        if (produced)
            return (long)produced;
    }
}

/* The same for zstd input. */
static long fill_zstd(input *in)
{
    for (;;) {
        if (in->raw_pos == in->raw_end && !in->raw_eof && read_raw(in) != 0)
            return -1;
        ZSTD_inBuffer zin = {in->raw + in->raw_pos, in->raw_end - in->raw_pos, 0};
        ZSTD_outBuffer zout = {in->buf, OUT_SIZE, 0};
        size_t rc = ZSTD_decompressStream(in->zs, &zout, &zin);
        in->raw_pos += zin.pos;
        if (ZSTD_isError(rc)) {
            set_error(in, "bad zstd data: %s", ZSTD_getErrorName(rc));
            return -1;
        }
        /* A call with no input left after a frame only asks for the next
         * frame's header: what counts is the last call that did something. */
        if (zin.pos || zout.pos)
            in->zs_last = rc;
        if (zout.pos)
            return (long)zout.pos;
        if (in->raw_pos == in->raw_end && in->raw_eof) {
            if (in->zs_last == 0)
                return 0;
            set_error(in, "%s", "zstd data ends too early (truncated file?)");
            return -1;
        }
    }
}

/* Makes buf[pos..end) non-empty: 1, or 0 at the end, -1 on an error. */
static int fill(input *in)
{
    if (in->pos < in->end)
        return 1;
    if (in->done)
        return 0;
    long got;
    if (in->kind == KIND_PLAIN) {
        in->raw_pos = in->raw_end = 0;
        if (read_raw(in) != 0)
            return -1;
        in->raw_pos = in->raw_end;
        got = (long)in->raw_end;
    } else {
        got = in->kind == KIND_GZIP ? fill_gzip(in) : fill_zstd(in);
    }
    if (got < 0)
        return -1;
    in->pos = 0;
    in->end = (size_t)got;
    if (got == 0)
        in->done = 1;
    return got > 0;
}

char *input_read_all(input *in, size_t limit, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    struct stat st;
    /* A plain file says its size: one allocation of the right size. */
    if (in->kind == KIND_PLAIN && fstat(in->fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
        cap = (uint64_t)st.st_size < limit ? (size_t)st.st_size + 1 : limit + 2;
    char *out = malloc(cap);
    if (!out) {
        set_error(in, "%s", "out of memory");
        return NULL;
    }
    for (;;) {
        int r = fill(in);
        if (r < 0) {
            free(out);
            return NULL;
        }
        if (r == 0 || n > limit)
            break;
        size_t take = in->end - in->pos;
        if (take > limit + 1 - n)
            take = limit + 1 - n;
        if (n + take + 1 > cap) {
            size_t ncap = cap;
            while (ncap < n + take + 1)
                ncap = ncap > ((size_t)-1) / 2 ? n + take + 1 : ncap * 2;
            char *b = realloc(out, ncap);
            if (!b) {
                free(out);
                set_error(in, "%s", "out of memory");
                return NULL;
            }
            out = b;
            cap = ncap;
        }
        memcpy(out + n, in->buf + in->pos, take);
        n += take;
        in->pos += take;
    }
    out[n] = 0;
    *len = n;
    return out;
}

int input_read_line(input *in, size_t limit, char **line, size_t *len)
{
    char *out = NULL;
    size_t cap = 0, kept = 0, seen = 0;
    int oom = 0, found = 0;
    size_t keep_max = limit < (size_t)-2 ? limit + 1 : limit;
    for (;;) {
        int r = fill(in);
        if (r < 0) {
            free(out);
            return -1;
        }
        if (r == 0)
            break;
        const unsigned char *p = in->buf + in->pos;
        size_t avail = in->end - in->pos;
        const unsigned char *nl = memchr(p, '\n', avail);
        size_t chunk = nl ? (size_t)(nl - p) : avail;
        size_t take = kept < keep_max ? keep_max - kept : 0;
        if (take > chunk)
            take = chunk;
        if (take && !oom) {
            if (kept + take + 1 > cap) {
                /* A line met whole in the buffer gets exactly its size. */
                size_t ncap = nl && !out ? take + 1 : (cap ? cap : 4096);
                while (ncap < kept + take + 1)
                    ncap *= 2;
                char *b = realloc(out, ncap);
                if (!b) {
                    oom = 1;
                    free(out);
                    out = NULL;
                    cap = 0;
                } else {
                    out = b;
                    cap = ncap;
                }
            }
            if (!oom) {
                memcpy(out + kept, p, take);
                kept += take;
            }
        }
        seen += chunk;
        in->pos += chunk + (nl != NULL);
        if (nl) {
            found = 1;
            break;
        }
    }
    if (!found && seen == 0)
        return 0; /* the input ended (right after a line end, or empty) */
    if (oom)
        return -2;
    if (!out) {
        out = malloc(1);
        if (!out)
            return -2;
    }
    if (kept > 0 && kept <= limit && out[kept - 1] == '\r')
        kept--;
    out[kept] = 0;
    *line = out;
    *len = kept;
    return 1;
}

/* ---- which inputs ---------------------------------------------------------------------------- */

/* One directory being walked: its entries' names, sorted, and the next. */
typedef struct frame {
    char *dir;
    char **names;
    size_t n, next;
} frame;

struct walk {
    char *const *operands;
    size_t n, next;
    frame *stack;
    size_t depth, cap;
    char *path; /* the last path handed out */
    char why[256];
    int operand_yielded; /* files found under the current directory operand */
};

walk *walk_new(char *const *operands, size_t n)
{
    walk *w = calloc(1, sizeof *w);
    if (w) {
        w->operands = operands;
        w->n = n;
    }
    return w;
}

static void pop_frame(walk *w)
{
    frame *f = &w->stack[--w->depth];
    for (size_t i = 0; i < f->n; i++)
        free(f->names[i]);
    free(f->names);
    free(f->dir);
}

void walk_free(walk *w)
{
    if (!w)
        return;
    while (w->depth)
        pop_frame(w);
    free(w->stack);
    free(w->path);
    free(w);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads directory `dir` and pushes its sorted names; 0, or -1 with why. */
static int push_dir(walk *w, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(w->why, sizeof w->why, "%s", strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    int oom = 0;
    errno = 0;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **b = realloc(names, cap * sizeof *names);
            if (!b) {
                oom = 1;
                break;
            }
            names = b;
        }
        if (!(names[n] = strdup(e->d_name))) {
            oom = 1;
            break;
        }
        n++;
    }
    int read_errno = errno;
    closedir(d);
    if (w->depth == w->cap) {
        size_t ncap = w->cap ? w->cap * 2 : 8;
        frame *b = realloc(w->stack, ncap * sizeof *b);
        if (!b)
            oom = 1;
        else
            w->stack = b, w->cap = ncap;
    }
    char *dcopy = oom ? NULL : strdup(dir);
    if (oom || !dcopy || (e == NULL && read_errno)) {
        snprintf(w->why, sizeof w->why, "%s", oom || !dcopy ? "out of memory" : strerror(read_errno));
        for (size_t i = 0; i < n; i++)
            free(names[i]);
        free(names);
        free(dcopy);
        return -1;
    }
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_names);
    w->stack[w->depth++] = (frame){dcopy, names, n, 0};
    return 0;
}

/* w->path = a + "/" + b (no doubled slash); 0 or -1. */
static int set_path(walk *w, const char *a, const char *b)
{
    size_t la = strlen(a), lb = b ? strlen(b) : 0;
    int slash = b && la && a[la - 1] != '/';
    char *p = malloc(la + (size_t)slash + lb + 1);
    if (!p)
        return -1;
    memcpy(p, a, la);
    if (slash)
        p[la] = '/';
    if (b)
        memcpy(p + la + (size_t)slash, b, lb);
    p[la + (size_t)slash + lb] = 0;
    free(w->path);
    w->path = p;
    return 0;
}

int walk_next(walk *w, const char **path, const char **why)
{
    if (!w) {
        *path = "";
        *why = "out of memory";
        return -1;
    }
    *why = w->why;
    for (;;) {
        if (w->depth) {
            frame *f = &w->stack[w->depth - 1];
            if (f->next == f->n) {
                pop_frame(w);
                if (w->depth == 0 && !w->operand_yielded) {
                    /* A directory operand with no file under it: say so, as
                     * for any operand that gives nothing to read. */
                    snprintf(w->why, sizeof w->why, "no files in the directory");
                    *path = w->operands[w->next - 1];
                    return -1;
                }
                continue;
            }
            const char *name = f->names[f->next++];
            if (set_path(w, f->dir, name) != 0) {
                snprintf(w->why, sizeof w->why, "out of memory");
                *path = f->dir;
                return -1;
            }
            *path = w->path;
            struct stat st, lst;
            if (lstat(w->path, &lst) != 0) {
                snprintf(w->why, sizeof w->why, "%s", strerror(errno));
                return -1;
            }
            if (stat(w->path, &st) != 0) {
                if (S_ISLNK(lst.st_mode))
                    continue; /* a dangling link: no file there */
                snprintf(w->why, sizeof w->why, "%s", strerror(errno));
                return -1;
            }
            if (S_ISREG(st.st_mode)) {
                w->operand_yielded = 1;
                return 1;
            }
            if (S_ISDIR(st.st_mode) && !S_ISLNK(lst.st_mode)) {
                if (push_dir(w, w->path) != 0)
                    return -1;
            }
            continue; /* devices, sockets, links to directories */
        }
        if (w->next == w->n)
            return 0;
        const char *op = w->operands[w->next++];
        struct stat st;
        if (strcmp(op, "-") != 0 && stat(op, &st) == 0 && S_ISDIR(st.st_mode)) {
            w->operand_yielded = 0;
            if (push_dir(w, op) != 0) {
                *path = op;
                return -1;
            }
            continue;
        }
        /* A file, a pipe, standard input, or a name that does not exist:
         * opening it tells. */
        *path = op;
        return 1;
    }
}

int64_t inputs_total_size(char *const *operands, size_t n)
{
    walk *w = walk_new(operands, n);
    if (!w)
        return -1;
    int64_t total = 0;
    const char *path, *why;
    int r;
    while ((r = walk_next(w, &path, &why)) != 0) {
        struct stat st;
        if (r < 0 || !strcmp(path, "-") || stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
            total = -1;
            break;
        }
        total += (int64_t)st.st_size;
    }
    walk_free(w);
    return total;
}
