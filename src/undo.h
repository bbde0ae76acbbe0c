/* undo.h — the undo history of one buffer, and the rules that group edits into steps.
 *
 * The buffer reports every change it makes (undo_insert, undo_delete, undo_replace); the
 * history decides whether the change extends the newest step or starts a new one (see
 * buffer.h for the rules). Undo and redo hand the recorded changes back to the buffer through
 * a callback, newest first for undo and oldest first for redo. Only buffer.c uses this header;
 * to everyone else struct undo is opaque. */
#ifndef SHED_UNDO_H
#define SHED_UNDO_H

#include <stdbool.h>
#include <stddef.h>

#include "buffer.h"

enum undo_kind {
    UNDO_INSERT,  /* TEXT went in at FROM and ended at TO */
    UNDO_DELETE,  /* TEXT (FROM..TO before the change) was removed */
    UNDO_REPLACE, /* the whole content went from TEXT (serialised) to AFTER */
};

struct undo_rec {
    enum undo_kind kind;
    struct pos from, to;
    char *text; /* lines joined by '\n'; REPLACE: the serialised bytes before */
    size_t len;
    /* REPLACE only: the bytes after, and both sides' line ending and final newline, which the
     * bytes alone do not pin down (lines "x", "" without a final newline serialise like "x"
     * with one). */
    char *after;
    size_t after_len;
    enum eol eol, after_eol;
    bool final_newline, after_final_newline;
};

/* Applies R to the buffer behind CTX: backwards (undo) or forwards (redo). Returns where the
 * change happened. */
typedef struct pos undo_apply_fn(void *ctx, const struct undo_rec *r, bool backwards);

struct undo *undo_new(void);
void undo_free(struct undo *u);

/* Record a change the buffer just made. Each takes ownership of TEXT (and AFTER), which must
 * come from xmalloc. Any redo history is dropped. */
void undo_insert(struct undo *u, struct pos from, struct pos to, char *text, size_t len);
void undo_delete(struct undo *u, struct pos from, struct pos to, char *text, size_t len);
/* R is a REPLACE record; its TEXT and AFTER are taken over. */
void undo_replace(struct undo *u, struct undo_rec r);

void undo_group_begin(struct undo *u);
void undo_group_end(struct undo *u);
void undo_boundary(struct undo *u);

/* Undo / redo one step through FN. Returns false when there is none. *CURSOR receives where
 * an editor should put its cursor. */
bool undo_undo(struct undo *u, undo_apply_fn *fn, void *ctx, struct pos *cursor);
bool undo_redo(struct undo *u, undo_apply_fn *fn, void *ctx, struct pos *cursor);

/* The content as it is now was saved; undo_at_saved tells whether undo / redo came back to
 * it. Saving also ends the current step, so undo returns exactly to the saved text. */
void undo_mark_saved(struct undo *u);
bool undo_at_saved(const struct undo *u);

#endif
