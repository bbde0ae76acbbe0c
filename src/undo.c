/* undo.c — a buffer's undo history: an array of steps, each a list of recorded changes.
 *
 * steps[0..cur) can be undone and steps[cur..n) redone; a new step drops the redo part. The
 * newest step may grow while edits keep merging into it: a run of typed characters (kept as
 * one record whose text grows) until a non-space follows a space, a run of single-character
 * backspaces or forward deletions split at the same word boundary, or anything inside a
 * group. A boundary (explicit, group edges, undo, redo, save) stops merging. The saved state
 * is remembered as a value of cur, forgotten once the step it names changes or is dropped. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "undo.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xalloc.h"

#define NO_SAVE SIZE_MAX

/* How the newest step may still grow. */
enum merge {
    MERGE_NONE,
    MERGE_TYPE, /* typed characters */
    MERGE_DEL1, /* one single-character deletion, direction not known yet */
    MERGE_BACK, /* backspaces: each deletion ends where the previous one began */
    MERGE_FWD,  /* forward deletions: each starts where the previous one began */
};

struct step {
    struct undo_rec *recs;
    size_t n, cap;
    enum merge merge;
};

struct undo {
    struct step *steps;
    size_t n, cap;
    size_t cur;
    size_t saved; /* value of cur whose content was saved, or NO_SAVE */
    bool boundary;
    int depth;       /* group nesting */
    bool group_open; /* the current group already has its step */
};

static void rec_free(struct undo_rec *r);
static void step_free(struct step *s);
static void drop_redo(struct undo *u);
static struct step *new_step(struct undo *u, enum merge merge);
static struct step *top_step(struct undo *u);
static void push_rec(struct step *s, struct undo_rec r);
static void append_text(struct undo_rec *r, const char *text, size_t len);
static bool single_char(const char *text, size_t len);
static bool is_blank(char c);
static bool word_starts(char left, char right);
static bool merge_typed(struct undo *u, struct pos from, struct pos to, char *text, size_t len);
static bool merge_deleted(struct undo *u, struct pos from, struct pos to, char *text, size_t len);
static void record(struct undo *u, struct undo_rec r, enum merge merge);

struct undo *undo_new(void)
{
    struct undo *u = xcalloc(1, sizeof *u);
    u->saved = 0; /* the empty history is the loaded, saved content */
    return u;
}

static void rec_free(struct undo_rec *r)
{
    free(r->text);
    free(r->after);
}

static void step_free(struct step *s)
{
    for (size_t i = 0; i < s->n; i++)
        rec_free(&s->recs[i]);
    free(s->recs);
}

void undo_free(struct undo *u)
{
    if (!u)
        return;
    for (size_t i = 0; i < u->n; i++)
        step_free(&u->steps[i]);
    free(u->steps);
    free(u);
}

static void drop_redo(struct undo *u)
{
    for (size_t i = u->cur; i < u->n; i++)
        step_free(&u->steps[i]);
    u->n = u->cur;
    if (u->saved != NO_SAVE && u->saved > u->cur)
        u->saved = NO_SAVE;
}

static struct step *new_step(struct undo *u, enum merge merge)
{
    drop_redo(u);
    xgrow((void **)&u->steps, &u->cap, u->n + 1, sizeof *u->steps);
    struct step *s = &u->steps[u->n++];
    memset(s, 0, sizeof *s);
    s->merge = merge;
    u->cur = u->n;
    u->boundary = false;
    if (u->depth > 0)
        u->group_open = true;
    return s;
}

/* The newest undoable step, when the next change may join it. */
static struct step *top_step(struct undo *u)
{
    if (u->boundary || u->cur == 0 || u->cur != u->n)
        return NULL;
    return &u->steps[u->cur - 1];
}

static void push_rec(struct step *s, struct undo_rec r)
{
    xgrow((void **)&s->recs, &s->cap, s->n + 1, sizeof *s->recs);
    s->recs[s->n++] = r;
}

/* Adds TEXT[0..LEN) to the end of R's text, which stays NUL-terminated. */
static void append_text(struct undo_rec *r, const char *text, size_t len)
{
    r->text = xrealloc(r->text, r->len + len + 1);
    memcpy(r->text + r->len, text, len);
    r->len += len;
    r->text[r->len] = '\0';
}

/* One cursor stop's worth of text on one line: what a key press types or deletes. */
static bool single_char(const char *text, size_t len)
{
    return len > 0 && !memchr(text, '\n', len) && utf8_next(text, len, 0) == len;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* A new word starts between LEFT and RIGHT (in text order). */
static bool word_starts(char left, char right)
{
    return is_blank(left) && !is_blank(right);
}

static bool merge_typed(struct undo *u, struct pos from, struct pos to, char *text, size_t len)
{
    struct step *s = top_step(u);
    if (!s || s->merge != MERGE_TYPE || !single_char(text, len))
        return false;
    struct undo_rec *last = &s->recs[s->n - 1];
    if (last->kind != UNDO_INSERT || pos_cmp(from, last->to) != 0)
        return false;
    if (word_starts(last->text[last->len - 1], text[0]))
        return false;
    append_text(last, text, len);
    last->to = to;
    free(text);
    if (u->saved == u->cur)
        u->saved = NO_SAVE;
    return true;
}

static bool merge_deleted(struct undo *u, struct pos from, struct pos to, char *text, size_t len)
{
    struct step *s = top_step(u);
    if (!s || !single_char(text, len))
        return false;
    if (s->merge != MERGE_DEL1 && s->merge != MERGE_BACK && s->merge != MERGE_FWD)
        return false;
    struct undo_rec *last = &s->recs[s->n - 1];
    if (last->kind != UNDO_DELETE)
        return false;

    if (s->merge != MERGE_FWD && pos_cmp(to, last->from) == 0) {
        if (word_starts(text[len - 1], last->text[0]))
            return false;
        char *t = xmalloc(len + last->len + 1);
        memcpy(t, text, len);
        memcpy(t + len, last->text, last->len);
        t[len + last->len] = '\0';
        free(last->text);
        last->text = t;
        last->len += len;
        last->from = from;
        s->merge = MERGE_BACK;
    } else if (s->merge != MERGE_BACK && pos_cmp(from, last->from) == 0) {
        if (word_starts(last->text[last->len - 1], text[0]))
            return false;
        append_text(last, text, len);
        last->to.col += len;
        s->merge = MERGE_FWD;
    } else {
        return false;
    }
    free(text);
    if (u->saved == u->cur)
        u->saved = NO_SAVE;
    return true;
}

static void record(struct undo *u, struct undo_rec r, enum merge merge)
{
    if (u->depth > 0 && u->group_open && u->cur == u->n && u->cur > 0) {
        if (u->saved == u->cur)
            u->saved = NO_SAVE;
        push_rec(&u->steps[u->cur - 1], r);
        return;
    }
    struct step *s = new_step(u, u->depth > 0 ? MERGE_NONE : merge);
    push_rec(s, r);
}

void undo_insert(struct undo *u, struct pos from, struct pos to, char *text, size_t len)
{
    if (u->depth == 0 && merge_typed(u, from, to, text, len))
        return;
    struct undo_rec r = {.kind = UNDO_INSERT, .from = from, .to = to, .text = text, .len = len};
    record(u, r, single_char(text, len) ? MERGE_TYPE : MERGE_NONE);
}

void undo_delete(struct undo *u, struct pos from, struct pos to, char *text, size_t len)
{
    if (u->depth == 0 && merge_deleted(u, from, to, text, len))
        return;
    struct undo_rec r = {.kind = UNDO_DELETE, .from = from, .to = to, .text = text, .len = len};
    record(u, r, single_char(text, len) ? MERGE_DEL1 : MERGE_NONE);
}

void undo_replace(struct undo *u, struct undo_rec r)
{
    r.kind = UNDO_REPLACE;
    record(u, r, MERGE_NONE);
}

void undo_group_begin(struct undo *u)
{
    if (u->depth++ == 0) {
        u->group_open = false;
        u->boundary = true;
    }
}

void undo_group_end(struct undo *u)
{
    if (u->depth == 0)
        return;
    if (--u->depth == 0) {
        u->group_open = false;
        u->boundary = true;
    }
}

void undo_boundary(struct undo *u)
{
    u->boundary = true;
}

bool undo_undo(struct undo *u, undo_apply_fn *fn, void *ctx, struct pos *cursor)
{
    if (u->cur == 0)
        return false;
    struct step *s = &u->steps[--u->cur];
    struct pos at = {0, 0};
    for (size_t i = s->n; i-- > 0;)
        at = fn(ctx, &s->recs[i], true);
    /* Forward deletions leave the cursor where they started, before the restored text. */
    if (s->merge == MERGE_FWD)
        at = s->recs[0].from;
    if (cursor)
        *cursor = at;
    u->boundary = true;
    u->group_open = false;
    return true;
}

bool undo_redo(struct undo *u, undo_apply_fn *fn, void *ctx, struct pos *cursor)
{
    if (u->cur == u->n)
        return false;
    struct step *s = &u->steps[u->cur++];
    struct pos at = {0, 0};
    for (size_t i = 0; i < s->n; i++)
        at = fn(ctx, &s->recs[i], false);
    if (cursor)
        *cursor = at;
    u->boundary = true;
    u->group_open = false;
    return true;
}

void undo_mark_saved(struct undo *u)
{
    u->saved = u->cur;
    u->boundary = true;
    /* Edits still to come in an open group would change the saved step: give them their own. */
    u->group_open = false;
}

bool undo_at_saved(const struct undo *u)
{
    return u->saved == u->cur;
}
