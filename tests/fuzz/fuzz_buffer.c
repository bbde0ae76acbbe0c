/* fuzz_buffer.c — the input is a file followed by a script of edits.
 *
 * Layout: one byte N, then N bytes loaded as the file, then operations (an opcode byte and its
 * arguments). Inserts and deletes are checked against a flat copy of the text edited by hand;
 * after every operation the buffer must hold at least one line, serialise to buffer_size bytes,
 * and match the last saved bytes whenever it says it is unmodified. At the end, undoing
 * everything must give back the loaded bytes exactly, and redoing everything the newest. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "fuzz_edits.h"
#include "xalloc.h"

/* A position from two bytes: sometimes past the end, to exercise clamping. */
static struct pos read_pos(struct fz_reader *r, const struct buffer *b)
{
    struct pos p;
    p.line = fz_byte(r) % (b->nlines + 1);
    p.col = fz_byte(r) % 24;
    return p;
}

/* Byte offset of P (clamped) in the text with '\n' between lines. */
static size_t offset_of(const struct buffer *b, struct pos p)
{
    p = buffer_clamp(b, p);
    size_t off = 0;
    for (size_t i = 0; i < p.line; i++)
        off += b->lines[i].len + 1;
    return off + p.col;
}

static void check_invariants(const struct buffer *b, const char *saved, size_t saved_len)
{
    fz_check(b->nlines >= 1 && b->nlines <= b->cap);
    size_t len;
    char *bytes = buffer_serialize(b, &len);
    fz_check(len == buffer_size(b));
    for (size_t i = 0; i < b->nlines; i++)
        fz_check(!memchr(b->lines[i].text, '\n', b->lines[i].len));
    if (!buffer_modified(b))
        fz_check(len == saved_len && memcmp(bytes, saved, len) == 0);
    free(bytes);
}

static void do_insert(struct buffer *b, struct pos at, const char *text, size_t n)
{
    size_t before_len;
    char *before = fz_text(b, &before_len);
    size_t off = offset_of(b, at);

    /* The expected text: TEXT with each CRLF as one break, spliced in at AT. */
    char *want = xmalloc(before_len + n + 1);
    size_t w = 0;
    memcpy(want, before, off);
    w = off;
    for (size_t i = 0; i < n; i++) {
        if (!(text[i] == '\r' && i + 1 < n && text[i + 1] == '\n'))
            want[w++] = text[i];
    }
    size_t inserted = w - off;
    memcpy(want + w, before + off, before_len - off);
    w += before_len - off;

    struct pos end;
    buffer_insert(b, at, text, n, &end);
    size_t got_len;
    char *got = fz_text(b, &got_len);
    fz_check(got_len == w && memcmp(got, want, w) == 0);
    fz_check(offset_of(b, end) == off + inserted);
    free(got);
    free(want);
    free(before);
}

static void do_delete(struct buffer *b, struct pos from, struct pos to)
{
    size_t before_len;
    char *before = fz_text(b, &before_len);
    size_t a = offset_of(b, from), z = offset_of(b, to);
    if (a > z) {
        size_t t = a;
        a = z;
        z = t;
    }
    buffer_delete(b, from, to);
    size_t got_len;
    char *got = fz_text(b, &got_len);
    fz_check(got_len == before_len - (z - a));
    fz_check(memcmp(got, before, a) == 0);
    fz_check(memcmp(got + a, before + z, before_len - z) == 0);
    free(got);
    free(before);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fz_reader r = {data, size};
    const char *file;
    size_t file_len;
    struct buffer *b = fz_load(&r, &file, &file_len);
    char *saved = xmalloc(file_len + 1);
    if (file_len)
        memcpy(saved, file, file_len);
    size_t saved_len = file_len;
    int depth = 0;

    check_invariants(b, saved, saved_len);
    while (r.left) {
        uint8_t op = fz_byte(&r) % 11;
        struct pos a, z;
        const char *text;
        size_t n;
        switch (op) {
        case 0: /* paste */
            a = read_pos(&r, b);
            n = fz_take(&r, fz_byte(&r) % 16, &text);
            do_insert(b, a, text, n);
            break;
        case 1: /* typed character */
        case 2:
            a = read_pos(&r, b);
            n = fz_take(&r, 1, &text);
            do_insert(b, a, text, n);
            break;
        case 3: /* delete a range */
            a = read_pos(&r, b);
            z = read_pos(&r, b);
            do_delete(b, a, z);
            break;
        case 4: /* backspace-sized delete */
            a = read_pos(&r, b);
            z = a;
            z.col++;
            do_delete(b, a, z);
            break;
        case 5:
            buffer_undo(b, NULL);
            break;
        case 6:
            buffer_redo(b, NULL);
            break;
        case 7:
            buffer_undo_boundary(b);
            break;
        case 8:
            if (fz_byte(&r) & 1) {
                if (depth < 4) {
                    buffer_group_begin(b);
                    depth++;
                }
            } else if (depth > 0) {
                buffer_group_end(b);
                depth--;
            }
            break;
        case 9:
            free(saved);
            saved = buffer_serialize(b, &saved_len);
            buffer_mark_saved(b);
            break;
        case 10:
            fz_replace_all(&r, b);
            break;
        }
        check_invariants(b, saved, saved_len);
    }
    while (depth-- > 0)
        buffer_group_end(b);

    /* The newest state the history knows, then all the way back, then forward again. */
    while (buffer_redo(b, NULL))
        check_invariants(b, saved, saved_len);
    size_t final_len;
    char *final = buffer_serialize(b, &final_len);
    while (buffer_undo(b, NULL))
        check_invariants(b, saved, saved_len);
    size_t len;
    char *back = buffer_serialize(b, &len);
    fz_check(len == file_len && (len == 0 || memcmp(back, file, len) == 0));
    free(back);

    while (buffer_redo(b, NULL))
        check_invariants(b, saved, saved_len);
    back = buffer_serialize(b, &len);
    fz_check(len == final_len && memcmp(back, final, len) == 0);
    free(back);

    free(final);
    free(saved);
    buffer_free(b);
    return 0;
}
