/*
 * The command's inputs: which files to read (files named on the command
 * line, directories walked for the files under them, standard input), and
 * how to read each as a stream of bytes, plain or compressed (gzip, zstd:
 * told by their first bytes, not by their names). Nothing is ever read whole
 * into memory but the one record asked for: a 10 GB file of JSON Lines, or a
 * 10 GB .gz of it, is read line by line through a buffer of a few MB.
 */
#ifndef NG_CLI_INPUT_H
#define NG_CLI_INPUT_H

#include <stddef.h>
#include <stdint.h>

/* ---- reading one input ------------------------------------------------- */

typedef struct input input;

/* Opens `path` for reading ("-" is standard input) and tells its compression
 * from its first bytes: gzip (1f 8b, also several members one after the
 * other) or zstd (28 b5 2f fd, also several frames), else plain. NULL when it
 * cannot be opened or read, with the reason in `why`. */
input *input_open(const char *path, char *why, size_t whylen);
void input_close(input *in);

/* All of the input's (uncompressed) bytes, or only its first limit + 1 when
 * it is longer: enough to tell that it is too large without holding it.
 * A malloc'd buffer, NUL-terminated, length in *len; NULL on a read error or
 * when memory runs out (input_error says which). */
char *input_read_all(input *in, size_t limit, size_t *len);

/* The next line, without its line end (LF or CR LF), as a malloc'd
 * NUL-terminated buffer in *line, its length in *len. Of a line longer than
 * `limit` only the first limit + 1 bytes are kept (so *len > limit tells it)
 * and the rest is skipped. Returns 1 for a line; 0 at the end of the input;
 * -1 on a read error or bad compressed data (input_error says why);
 * -2 when memory ran out for this line (it was skipped; the next call goes
 * on with the next line). */
int input_read_line(input *in, size_t limit, char **line, size_t *len);

/* Why the last call failed. */
const char *input_error(const input *in);
/* The bytes of the file used so far (compressed ones, for compressed
 * input): set against the file's size, how far along the input is. */
uint64_t input_raw_bytes(const input *in);

/* ---- which inputs ------------------------------------------------------ */

typedef struct walk walk;

/* The inputs named by `operands` in order: "-" is standard input, a
 * directory stands for every regular file under it, walked recursively in
 * sorted (byte) order of names, symbolic links to files followed but not
 * those to directories; anything else (a file, a pipe) is read as it is. */
walk *walk_new(char *const *operands, size_t n);
/* Next input. Returns 1 with its path in *path (owned by the walk, valid
 * until the next call); 0 when all are done; -1 for an operand or a
 * directory that cannot be read, or a directory operand with no file under
 * it: *path names it and *why says why (both valid until the next call);
 * the walk goes on after it. NULL walk or out of memory: -1 with why. */
int walk_next(walk *w, const char **path, const char **why);
void walk_free(walk *w);

/* The total size in bytes of the inputs `operands` name (walking
 * directories), or -1 when it is not known: standard input, a pipe, an
 * operand that cannot be read. */
int64_t inputs_total_size(char *const *operands, size_t n);

#endif
