/* buffer.h — the text of one file: an array of lines, and its undo history.
 *
 * A buffer holds lines without their terminators; the file's line ending (LF or CRLF) and
 * whether it ended with one are kept beside them, so serialising gives back the exact bytes
 * that were loaded. A file with mixed endings is held as LF and its stray '\r' bytes stay in
 * the line text, which is again byte for byte. Lines loaded from a file borrow their bytes
 * from the one block read from disk and are copied only when edited, so a 100 MB file costs
 * one read and one index pass.
 *
 * Every change goes through buffer_insert / buffer_delete and is recorded for undo. Undo steps
 * follow editors' habits: consecutive typed characters form one step until a new word starts
 * (a non-space typed after a space) or a line break is typed; consecutive single-character
 * deletions merge the same way; anything else is a step of its own unless wrapped in
 * buffer_group_begin / buffer_group_end. */
#ifndef SHED_BUFFER_H
#define SHED_BUFFER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct pos {
    size_t line; /* 0-based */
    size_t col;  /* byte offset in the line */
};

enum eol { EOL_LF, EOL_CRLF };

struct line {
    char *text;
    size_t len;
    size_t cap; /* 0: text is borrowed from the buffer's load block */
};

struct undo;
struct buffer;

/* What changed, for observers that keep their own index of the text (the syntax tree): the
 * text between START and OLD_END (positions before the change) was replaced by the text
 * between START and NEW_END (positions after it). A reload replaces everything: START is
 * {0,0}, OLD_END the old end, NEW_END the new end. */
struct buffer_change {
    struct pos start, old_end, new_end;
};

typedef void (*buffer_listener_fn)(void *ctx, const struct buffer *b,
                                   const struct buffer_change *c);

struct buffer {
    struct line *lines;
    size_t nlines; /* always >= 1: an empty buffer has one empty line */
    size_t cap;
    char *block; /* the bytes loaded from disk, owned; borrowed lines point inside */
    enum eol eol;
    bool final_newline; /* serialise with a terminator after the last line */
    uint64_t version;   /* bumped by every change, undo and redo */
    uint64_t saved_version;
    struct undo *undo;
    buffer_listener_fn listener; /* told of every change, undo and redo included */
    void *listener_ctx;
};

static inline int pos_cmp(struct pos a, struct pos b)
{
    if (a.line != b.line)
        return a.line < b.line ? -1 : 1;
    if (a.col != b.col)
        return a.col < b.col ? -1 : 1;
    return 0;
}

/* An empty buffer: one empty line, LF, final newline on (a new file gets one). */
struct buffer *buffer_new(void);

/* A buffer holding BYTES[0..LEN), which it takes ownership of (BYTES may be NULL when LEN is
 * 0). Detects the line ending: CRLF when every line break is CRLF, else LF. The buffer starts
 * unmodified with an empty history. */
struct buffer *buffer_from_bytes(char *bytes, size_t len);

void buffer_free(struct buffer *b);

/* Line I's text and length (I < nlines). The pointer is valid until the next change. */
const char *buffer_line(const struct buffer *b, size_t i, size_t *len);

/* Inserts TEXT[0..LEN) at AT; '\n' in TEXT breaks lines ("\r\n" counts as one break). AT is
 * clamped into the buffer. *END (may be NULL) receives the position just after the text. */
void buffer_insert(struct buffer *b, struct pos at, const char *text, size_t len, struct pos *end);

/* Deletes the text between FROM and TO (either order; clamped). */
void buffer_delete(struct buffer *b, struct pos from, struct pos to);

/* The text between FROM and TO with '\n' between lines. Caller frees; *LEN gets its length. */
char *buffer_text(const struct buffer *b, struct pos from, struct pos to, size_t *len);

/* The exact bytes a save writes: lines joined by the buffer's line ending, plus a final one
 * when final_newline. Caller frees. */
char *buffer_serialize(const struct buffer *b, size_t *len);

/* Size in bytes of buffer_serialize's result, without building it. */
size_t buffer_size(const struct buffer *b);

/* Position clamped into the buffer (line < nlines, col <= that line's length). */
struct pos buffer_clamp(const struct buffer *b, struct pos p);

/* Last position of the buffer. */
struct pos buffer_end(const struct buffer *b);

bool buffer_modified(const struct buffer *b);
void buffer_mark_saved(struct buffer *b);

/* Replaces the whole content with BYTES (owned, as in buffer_from_bytes) as one undoable
 * step; used for reloads and recovery so they can be undone. */
void buffer_replace_all(struct buffer *b, char *bytes, size_t len);

/* Sets the one observer told about each change after it is made (NULL to stop). */
void buffer_set_listener(struct buffer *b, buffer_listener_fn fn, void *ctx);

/* Undo grouping. Edits between begin and end (which nest) undo as one step. A boundary makes
 * the next edit start a new step even if it would merge (the cursor moved, say). */
void buffer_group_begin(struct buffer *b);
void buffer_group_end(struct buffer *b);
void buffer_undo_boundary(struct buffer *b);

/* Undo / redo one step. Returns true when there was one; *CURSOR receives where the change
 * happened (where an editor should put its cursor). */
bool buffer_undo(struct buffer *b, struct pos *cursor);
bool buffer_redo(struct buffer *b, struct pos *cursor);

#endif
