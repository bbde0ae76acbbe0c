/* buffer.c — the lines of one file and the edits on them.
 *
 * b->lines is one array of struct line. Lines loaded from disk borrow their bytes from
 * b->block (cap == 0) and get their own allocation on the first edit that must write into
 * them; shortening a borrowed line from either end only moves its pointer or length, since the
 * block itself is never written. Empty lines that are not in a block point at a static "".
 * Every public edit is applied by the raw_* helpers and then reported to the undo history
 * (undo.c), which hands records back to apply_rec for undo and redo. The raw_* helpers and
 * swap_in are the only places the lines change, so they are where the listener is told. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "buffer.h"

#include <stdlib.h>
#include <string.h>

#include "undo.h"
#include "xalloc.h"

static char empty_line[] = "";

static void lines_free(struct buffer *b);
static size_t split(struct buffer *b, char *bytes, size_t len, bool *all_crlf);
static void shape(struct buffer *b, size_t breaks, enum eol eol, bool final_newline);
static void load(struct buffer *b, char *bytes, size_t len);
static void load_exact(struct buffer *b, char *bytes, size_t len, enum eol eol, bool final_newline);
static void line_reserve(struct line *l, size_t need);
static size_t eol_len(const struct buffer *b);
static void order_clamp(const struct buffer *b, struct pos *from, struct pos *to);
static void raw_insert(struct buffer *b, struct pos at, const char *text, size_t len,
                       struct pos *end);
static void raw_delete(struct buffer *b, struct pos from, struct pos to);
static struct pos swap_in(struct buffer *b, struct buffer *fresh);
static struct pos raw_replace(struct buffer *b, const char *bytes, size_t len, enum eol eol,
                              bool final_newline);
static struct pos first_difference(const struct buffer *a, const struct buffer *c);
static char *normalize_breaks(const char *text, size_t len, size_t *out_len);
static struct pos apply_rec(void *ctx, const struct undo_rec *r, bool backwards);
static void tell(const struct buffer *b, struct pos start, struct pos old_end, struct pos new_end);
static void after_history_move(struct buffer *b, struct pos at, struct pos *cursor);

struct buffer *buffer_new(void)
{
    struct buffer *b = xcalloc(1, sizeof *b);
    load(b, NULL, 0);
    b->final_newline = true;
    b->undo = undo_new();
    return b;
}

struct buffer *buffer_from_bytes(char *bytes, size_t len)
{
    struct buffer *b = xcalloc(1, sizeof *b);
    load(b, bytes, len);
    b->undo = undo_new();
    return b;
}

void buffer_free(struct buffer *b)
{
    if (!b)
        return;
    lines_free(b);
    undo_free(b->undo);
    free(b);
}

static void lines_free(struct buffer *b)
{
    for (size_t i = 0; i < b->nlines; i++) {
        if (b->lines[i].cap)
            free(b->lines[i].text);
    }
    free(b->lines);
    free(b->block);
    b->lines = NULL;
    b->nlines = b->cap = 0;
    b->block = NULL;
}

/* Splits BYTES (taken over as the block) into borrowed lines at every '\n' in one pass, the
 * text after the last break included; returns the number of breaks and whether each was CRLF. */
static size_t split(struct buffer *b, char *bytes, size_t len, bool *all_crlf)
{
    const char *p = bytes ? bytes : empty_line;
    const char *end = p + len;
    size_t breaks = 0;

    *all_crlf = true;
    b->block = bytes;
    b->nlines = 0;
    b->cap = 0;
    b->lines = NULL;
    xgrow((void **)&b->lines, &b->cap, len / 48 + 1, sizeof *b->lines);
    for (;;) {
        const char *nl = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
        const char *stop = nl ? nl : end;
        xgrow((void **)&b->lines, &b->cap, b->nlines + 1, sizeof *b->lines);
        b->lines[b->nlines++] = (struct line){(char *)p, (size_t)(stop - p), 0};
        if (!nl)
            return breaks;
        breaks++;
        if (nl == p || nl[-1] != '\r')
            *all_crlf = false;
        p = nl + 1;
    }
}

/* Turns split's pieces into lines: with a final newline the empty text after the last break
 * is not a line, and with CRLF each line before a break gives up its '\r'. */
static void shape(struct buffer *b, size_t breaks, enum eol eol, bool final_newline)
{
    b->eol = eol;
    b->final_newline = final_newline && breaks > 0;
    if (b->final_newline)
        b->nlines--;
    if (eol == EOL_CRLF) {
        for (size_t i = 0; i < breaks; i++) {
            struct line *l = &b->lines[i];
            if (l->len && l->text[l->len - 1] == '\r')
                l->len--;
        }
    }
}

/* Loads BYTES as a file: CRLF when every break is CRLF, a final newline when it ends in one. */
static void load(struct buffer *b, char *bytes, size_t len)
{
    bool crlf;
    size_t breaks = split(b, bytes, len, &crlf);
    shape(b, breaks, crlf && breaks > 0 ? EOL_CRLF : EOL_LF, len && bytes[len - 1] == '\n');
}

/* Loads BYTES that buffer_serialize wrote with EOL and FINAL_NEWLINE, giving back exactly the
 * lines it had (load alone would read lines "x", "" without a final newline as the one line
 * "x" with one). */
static void load_exact(struct buffer *b, char *bytes, size_t len, enum eol eol, bool final_newline)
{
    bool crlf;
    size_t breaks = split(b, bytes, len, &crlf);
    shape(b, breaks, eol, final_newline);
}

/* Makes L writable with room for NEED bytes; a borrowed line is copied out of the block. */
static void line_reserve(struct line *l, size_t need)
{
    if (l->cap == 0) {
        size_t cap = need < 16 ? 16 : need;
        char *t = xmalloc(cap);
        if (l->len)
            memcpy(t, l->text, l->len);
        l->text = t;
        l->cap = cap;
        return;
    }
    if (need > l->cap) {
        size_t cap = l->cap;
        while (cap < need)
            cap *= 2;
        l->text = xrealloc(l->text, cap);
        l->cap = cap;
    }
}

static size_t eol_len(const struct buffer *b)
{
    return b->eol == EOL_CRLF ? 2 : 1;
}

const char *buffer_line(const struct buffer *b, size_t i, size_t *len)
{
    *len = b->lines[i].len;
    return b->lines[i].text;
}

struct pos buffer_clamp(const struct buffer *b, struct pos p)
{
    if (p.line >= b->nlines)
        p.line = b->nlines - 1;
    if (p.col > b->lines[p.line].len)
        p.col = b->lines[p.line].len;
    return p;
}

struct pos buffer_end(const struct buffer *b)
{
    return (struct pos){b->nlines - 1, b->lines[b->nlines - 1].len};
}

/* Clamps both and swaps them into order. */
static void order_clamp(const struct buffer *b, struct pos *from, struct pos *to)
{
    *from = buffer_clamp(b, *from);
    *to = buffer_clamp(b, *to);
    if (pos_cmp(*from, *to) > 0) {
        struct pos t = *from;
        *from = *to;
        *to = t;
    }
}

/* Inserts TEXT at AT (clamped), breaking lines at each '\n' only: a '\r' before one is line
 * text here, which is what undo needs to put back a mixed-ending file's bytes. */
static void raw_insert(struct buffer *b, struct pos at, const char *text, size_t len,
                       struct pos *end)
{
    size_t k = 0;
    for (const char *q = text; (q = memchr(q, '\n', (size_t)(text + len - q))); q++)
        k++;

    struct line *l = &b->lines[at.line];
    if (k == 0) {
        line_reserve(l, l->len + len);
        memmove(l->text + at.col + len, l->text + at.col, l->len - at.col);
        memcpy(l->text + at.col, text, len);
        l->len += len;
        *end = (struct pos){at.line, at.col + len};
        tell(b, at, at, *end);
        return;
    }

    const char *first_nl = memchr(text, '\n', len);
    const char *last_nl = memrchr(text, '\n', len);
    size_t last_seg = (size_t)(text + len - (last_nl + 1));
    size_t tail = l->len - at.col;

    /* The new last line: the text after the last break, then what followed AT. */
    struct line last = {NULL, last_seg + tail, 0};
    last.cap = last.len < 16 ? 16 : last.len;
    last.text = xmalloc(last.cap);
    memcpy(last.text, last_nl + 1, last_seg);
    memcpy(last.text + last_seg, l->text + at.col, tail);

    xgrow((void **)&b->lines, &b->cap, b->nlines + k, sizeof *b->lines);
    memmove(&b->lines[at.line + 1 + k], &b->lines[at.line + 1],
            (b->nlines - at.line - 1) * sizeof *b->lines);
    b->nlines += k;

    const char *seg = first_nl + 1;
    for (size_t i = 1; i < k; i++) {
        const char *nl = memchr(seg, '\n', (size_t)(text + len - seg));
        struct line *m = &b->lines[at.line + i];
        m->len = (size_t)(nl - seg);
        m->cap = m->len < 16 ? 16 : m->len;
        m->text = xmalloc(m->cap);
        memcpy(m->text, seg, m->len);
        seg = nl + 1;
    }
    b->lines[at.line + k] = last;

    l = &b->lines[at.line];
    size_t head = (size_t)(first_nl - text);
    l->len = at.col;
    if (head) {
        line_reserve(l, at.col + head);
        memcpy(l->text + at.col, text, head);
        l->len += head;
    }
    *end = (struct pos){at.line + k, last_seg};
    tell(b, at, at, *end);
}

/* Deletes FROM..TO, already ordered and clamped. */
static void raw_delete(struct buffer *b, struct pos from, struct pos to)
{
    struct line *first = &b->lines[from.line];

    if (from.line == to.line) {
        size_t n = to.col - from.col;
        if (first->cap == 0 && to.col == first->len) {
            first->len = from.col;
        } else if (first->cap == 0 && from.col == 0) {
            first->text += n;
            first->len -= n;
        } else {
            line_reserve(first, first->len);
            memmove(first->text + from.col, first->text + to.col, first->len - to.col);
            first->len -= n;
        }
        tell(b, from, to, from);
        return;
    }

    struct line *last = &b->lines[to.line];
    size_t tail = last->len - to.col;
    first->len = from.col;
    if (tail) {
        line_reserve(first, from.col + tail);
        memcpy(first->text + from.col, last->text + to.col, tail);
        first->len += tail;
    }
    for (size_t i = from.line + 1; i <= to.line; i++) {
        if (b->lines[i].cap)
            free(b->lines[i].text);
    }
    memmove(&b->lines[from.line + 1], &b->lines[to.line + 1],
            (b->nlines - to.line - 1) * sizeof *b->lines);
    b->nlines -= to.line - from.line;
    tell(b, from, to, from);
}

/* Replaces the content with FRESH's (lines, block, line ending, final newline). Returns the
 * first position where the new lines differ from the old. */
static struct pos swap_in(struct buffer *b, struct buffer *fresh)
{
    struct pos at = first_difference(b, fresh);
    struct pos old_end = buffer_end(b);
    lines_free(b);
    b->lines = fresh->lines;
    b->nlines = fresh->nlines;
    b->cap = fresh->cap;
    b->block = fresh->block;
    b->eol = fresh->eol;
    b->final_newline = fresh->final_newline;
    tell(b, (struct pos){0, 0}, old_end, buffer_end(b));
    return buffer_clamp(b, at);
}

static struct pos raw_replace(struct buffer *b, const char *bytes, size_t len, enum eol eol,
                              bool final_newline)
{
    struct buffer fresh = {0};
    char *copy = NULL;
    if (len) {
        copy = xmalloc(len);
        memcpy(copy, bytes, len);
    }
    load_exact(&fresh, copy, len, eol, final_newline);
    return swap_in(b, &fresh);
}

/* Position in C of the first line text where A and C differ (line endings aside). */
static struct pos first_difference(const struct buffer *a, const struct buffer *c)
{
    size_t n = a->nlines < c->nlines ? a->nlines : c->nlines;
    for (size_t i = 0; i < n; i++) {
        const struct line *x = &a->lines[i], *y = &c->lines[i];
        size_t m = x->len < y->len ? x->len : y->len, col = 0;
        while (col < m && x->text[col] == y->text[col])
            col++;
        if (col < m || x->len != y->len)
            return (struct pos){i, col};
    }
    return (struct pos){n, 0};
}

/* TEXT with each "\r\n" turned into "\n" (always a fresh copy, NUL-terminated). */
static char *normalize_breaks(const char *text, size_t len, size_t *out_len)
{
    char *out = xmalloc(len + 1);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
            continue;
        out[n++] = text[i];
    }
    out[n] = '\0';
    *out_len = n;
    return out;
}

void buffer_insert(struct buffer *b, struct pos at, const char *text, size_t len, struct pos *end)
{
    struct pos e;

    at = buffer_clamp(b, at);
    if (len == 0) {
        if (end)
            *end = at;
        return;
    }
    size_t n;
    char *norm = normalize_breaks(text, len, &n);
    raw_insert(b, at, norm, n, &e);
    undo_insert(b->undo, at, e, norm, n);
    b->version++;
    if (end)
        *end = e;
}

void buffer_delete(struct buffer *b, struct pos from, struct pos to)
{
    order_clamp(b, &from, &to);
    if (pos_cmp(from, to) == 0)
        return;
    size_t n;
    char *text = buffer_text(b, from, to, &n);
    raw_delete(b, from, to);
    undo_delete(b->undo, from, to, text, n);
    b->version++;
}

char *buffer_text(const struct buffer *b, struct pos from, struct pos to, size_t *len)
{
    order_clamp(b, &from, &to);
    size_t n;
    if (from.line == to.line) {
        n = to.col - from.col;
    } else {
        n = b->lines[from.line].len - from.col + to.col + (to.line - from.line);
        for (size_t i = from.line + 1; i < to.line; i++)
            n += b->lines[i].len;
    }

    char *out = xmalloc(n + 1);
    char *w = out;
    for (size_t i = from.line; i <= to.line; i++) {
        const struct line *l = &b->lines[i];
        size_t s = i == from.line ? from.col : 0;
        size_t e = i == to.line ? to.col : l->len;
        memcpy(w, l->text + s, e - s);
        w += e - s;
        if (i != to.line)
            *w++ = '\n';
    }
    *w = '\0';
    *len = n;
    return out;
}

size_t buffer_size(const struct buffer *b)
{
    size_t n = 0;
    for (size_t i = 0; i < b->nlines; i++)
        n += b->lines[i].len;
    return n + (b->nlines - 1 + (b->final_newline ? 1 : 0)) * eol_len(b);
}

char *buffer_serialize(const struct buffer *b, size_t *len)
{
    size_t n = buffer_size(b);
    const char *eol = b->eol == EOL_CRLF ? "\r\n" : "\n";
    size_t el = eol_len(b);
    char *out = xmalloc(n + 1);
    char *w = out;

    for (size_t i = 0; i < b->nlines; i++) {
        memcpy(w, b->lines[i].text, b->lines[i].len);
        w += b->lines[i].len;
        if (i + 1 < b->nlines || b->final_newline) {
            memcpy(w, eol, el);
            w += el;
        }
    }
    *w = '\0';
    *len = n;
    return out;
}

bool buffer_modified(const struct buffer *b)
{
    return b->version != b->saved_version;
}

void buffer_mark_saved(struct buffer *b)
{
    b->saved_version = b->version;
    undo_mark_saved(b->undo);
}

void buffer_replace_all(struct buffer *b, char *bytes, size_t len)
{
    struct undo_rec r = {.eol = b->eol, .final_newline = b->final_newline};
    r.text = buffer_serialize(b, &r.len);
    r.after = xmalloc(len + 1);
    if (len)
        memcpy(r.after, bytes, len);
    r.after[len] = '\0';
    r.after_len = len;

    struct buffer fresh = {0};
    load(&fresh, bytes, len);
    r.after_eol = fresh.eol;
    r.after_final_newline = fresh.final_newline;
    swap_in(b, &fresh);
    undo_replace(b->undo, r);
    b->version++;
}

void buffer_set_listener(struct buffer *b, buffer_listener_fn fn, void *ctx)
{
    b->listener = fn;
    b->listener_ctx = fn ? ctx : NULL;
}

/* Reports a change just made to the lines (see struct buffer_change). */
static void tell(const struct buffer *b, struct pos start, struct pos old_end, struct pos new_end)
{
    if (!b->listener)
        return;
    struct buffer_change c = {start, old_end, new_end};
    b->listener(b->listener_ctx, b, &c);
}

static struct pos apply_rec(void *ctx, const struct undo_rec *r, bool backwards)
{
    struct buffer *b = ctx;
    struct pos end;

    switch (r->kind) {
    case UNDO_INSERT:
        if (backwards) {
            raw_delete(b, r->from, r->to);
            return r->from;
        }
        raw_insert(b, r->from, r->text, r->len, &end);
        return end;
    case UNDO_DELETE:
        if (backwards) {
            raw_insert(b, r->from, r->text, r->len, &end);
            return end;
        }
        raw_delete(b, r->from, r->to);
        return r->from;
    case UNDO_REPLACE:
        if (backwards)
            return raw_replace(b, r->text, r->len, r->eol, r->final_newline);
        return raw_replace(b, r->after, r->after_len, r->after_eol, r->after_final_newline);
    }
    return (struct pos){0, 0};
}

void buffer_group_begin(struct buffer *b)
{
    undo_group_begin(b->undo);
}

void buffer_group_end(struct buffer *b)
{
    undo_group_end(b->undo);
}

void buffer_undo_boundary(struct buffer *b)
{
    undo_boundary(b->undo);
}

/* Undo and redo are changes too; landing on the saved step makes the buffer clean again. */
static void after_history_move(struct buffer *b, struct pos at, struct pos *cursor)
{
    b->version++;
    if (undo_at_saved(b->undo))
        b->saved_version = b->version;
    if (cursor)
        *cursor = buffer_clamp(b, at);
}

bool buffer_undo(struct buffer *b, struct pos *cursor)
{
    struct pos at;
    if (!undo_undo(b->undo, apply_rec, b, &at))
        return false;
    after_history_move(b, at, cursor);
    return true;
}

bool buffer_redo(struct buffer *b, struct pos *cursor)
{
    struct pos at;
    if (!undo_redo(b->undo, apply_rec, b, &at))
        return false;
    after_history_move(b, at, cursor);
    return true;
}
