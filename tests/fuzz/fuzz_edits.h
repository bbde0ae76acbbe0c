/* fuzz_edits.h — turning a fuzzer's bytes into a buffer and the edits made to it, shared by the
 * fuzz targets that edit a buffer (fuzz_buffer, fuzz_syntax).
 *
 * The input is read front to back through a struct fz_reader; past its end every byte reads
 * as 0 and every run as empty, so any input is a complete script. Targets check invariants
 * with fz_check, which aborts: libFuzzer then reports the stack, which names the line. All
 * static inline: a target uses what it needs. Test code only. */
#ifndef SHED_FUZZ_EDITS_H
#define SHED_FUZZ_EDITS_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "xalloc.h"

struct fz_reader {
    const uint8_t *p;
    size_t left;
};

static inline void fz_check(int ok)
{
    if (!ok)
        abort();
}

static inline uint8_t fz_byte(struct fz_reader *r)
{
    if (!r->left)
        return 0;
    r->left--;
    return *r->p++;
}

/* The next WANT bytes (fewer at the end of the input) as *OUT, which points into the input.
 * Returns how many there are. */
static inline size_t fz_take(struct fz_reader *r, size_t want, const char **out)
{
    size_t n = want < r->left ? want : r->left;
    *out = (const char *)r->p;
    r->p += n;
    r->left -= n;
    return n;
}

/* The file: one byte N, then N bytes loaded into a new buffer. *FILE and *LEN are those bytes
 * (pointing into the input), for comparing with later. */
static inline struct buffer *fz_load(struct fz_reader *r, const char **file, size_t *len)
{
    *len = fz_take(r, fz_byte(r), file);
    char *bytes = NULL;
    if (*len) {
        bytes = xmalloc(*len);
        memcpy(bytes, *file, *len);
    }
    return buffer_from_bytes(bytes, *len);
}

/* A whole new text: one byte N (taken modulo 32), then N bytes that replace the buffer's. */
static inline void fz_replace_all(struct fz_reader *r, struct buffer *b)
{
    const char *text;
    size_t n = fz_take(r, fz_byte(r) % 32, &text);
    char *fresh = xmalloc(n + 1);
    if (n)
        memcpy(fresh, text, n);
    buffer_replace_all(b, fresh, n);
}

/* B's text with '\n' between lines. Caller frees. */
static inline char *fz_text(const struct buffer *b, size_t *len)
{
    return buffer_text(b, (struct pos){0, 0}, buffer_end(b), len);
}

#endif
