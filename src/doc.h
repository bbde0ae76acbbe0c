/* doc.h — an open document: a buffer plus everything about editing it that is not drawing.
 *
 * A doc owns its buffer, knows its file (path and what it looked like on disk when loaded),
 * the cursor, the selection anchor, the preferred x for vertical motion, the indentation
 * style detected from the text, and the scroll origin (first visible line and first visible
 * cell; the UI sets the viewport size and calls doc_scroll_to_cursor). Every editing command a
 * key can reach lives here as a function, so the behaviour is testable without a terminal. */
#ifndef SHED_DOC_H
#define SHED_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "buffer.h"
#include "lang.h"

struct syntax;

struct file_info {
    bool exists;
    mode_t mode;
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
};

struct doc {
    struct buffer *buf;
    char *path; /* absolute; NULL for a buffer never saved */
    char *name; /* shown in the status line: path relative to the workspace */
    struct file_info disk;
    bool readonly;

    struct pos cursor;
    struct pos anchor; /* selection is anchor..cursor when selecting */
    bool selecting;
    size_t want_x; /* cell column vertical motion aims for */

    int tab_width;    /* cells per tab stop */
    bool indent_tabs; /* indent with '\t' rather than spaces */
    int indent_width; /* spaces per indent level when !indent_tabs */
    bool indent_detected; /* the text itself showed tabs or spaces (else the language decides) */
    bool syntax_tried;    /* doc_start_syntax ran (and may have failed: no retry) */

    size_t top;    /* first visible line */
    size_t left;   /* first visible cell */
    int view_rows; /* set by the UI */
    int view_cols;

    const struct lang *lang; /* NULL: plain text */
    struct syntax *syntax;   /* the parse tree; NULL without a grammar or highlighting off */
};

/* A doc over BUF (owned). Detects indentation from the text; tab width defaults to TABW. */
struct doc *doc_new(struct buffer *buf, int tabw);
void doc_free(struct doc *d);

/* Sets the doc's language (NULL for plain text) and starts its syntax tree, which then follows
 * every change to the buffer; parsing happens later, in slices. Returns -1 with err when there
 * is no highlighting: the grammar does not load, or the file is larger than SYNTAX_MAX_BYTES.
 * The language is set either way. */
int doc_set_language(struct doc *d, const struct lang *lang, char *err, size_t errlen);

/* The two halves of doc_set_language, for a UI that paints before it loads a grammar:
 * doc_use_language sets the language and its editing settings (cheap); doc_start_syntax then
 * loads the grammar and starts the tree (once: syntax_tried records the attempt). */
void doc_use_language(struct doc *d, const struct lang *lang);
int doc_start_syntax(struct doc *d, char *err, size_t errlen);

/* Motion. With SELECT the selection extends (starting it at the old cursor when needed);
 * without, any selection is dropped. */
void doc_move_left(struct doc *d, bool select);
void doc_move_right(struct doc *d, bool select);
void doc_move_up(struct doc *d, bool select);
void doc_move_down(struct doc *d, bool select);
void doc_move_word_left(struct doc *d, bool select);
void doc_move_word_right(struct doc *d, bool select);
void doc_move_home(struct doc *d, bool select); /* first non-blank, then column 0 (toggles) */
void doc_move_end(struct doc *d, bool select);
void doc_move_page_up(struct doc *d, bool select);
void doc_move_page_down(struct doc *d, bool select);
void doc_move_doc_start(struct doc *d, bool select);
void doc_move_doc_end(struct doc *d, bool select);
void doc_goto_line(struct doc *d, size_t line1); /* 1-based, clamped */
void doc_set_cursor(struct doc *d, struct pos p, bool select);
void doc_select_all(struct doc *d);
void doc_clear_selection(struct doc *d);

/* The selection in order; false when nothing is selected (or it is empty). */
bool doc_selection(const struct doc *d, struct pos *from, struct pos *to);
/* Selected text, caller frees; NULL when nothing is selected. */
char *doc_selected_text(const struct doc *d, size_t *len);

/* Editing. Each replaces the selection when there is one. */
void doc_type(struct doc *d, const char *text, size_t len); /* typed text: one key's worth */
void doc_newline(struct doc *d); /* breaks the line, auto-indents like the line above */
void doc_paste(struct doc *d, const char *text, size_t len); /* literal: no auto-indent */
void doc_backspace(struct doc *d);
void doc_delete(struct doc *d);
void doc_tab(struct doc *d);     /* indent unit, or indents the selected lines */
void doc_backtab(struct doc *d); /* outdents the current or selected lines */
void doc_delete_selection(struct doc *d);
/* Comments out the current or selected lines with TOKEN ("#", "//") at their common
 * indentation, or removes it when every non-blank one already has it. With END ("-->" for
 * "<!--"), each line is wrapped instead. One undo step; the selection keeps its lines. */
void doc_toggle_comment(struct doc *d, const char *token, const char *end);
bool doc_undo(struct doc *d);
bool doc_redo(struct doc *d);

/* Search. Plain, case-sensitive unless NEEDLE is all lowercase (smart case). Finds from FROM
 * forward (or backward), wrapping around the end; on a match selects it, moves the cursor to
 * its end and returns true. *WRAPPED (may be NULL) tells whether the search wrapped. */
bool doc_find(struct doc *d, const char *needle, struct pos from, bool backward, bool *wrapped);
/* Where NEEDLE occurs on line LINE: calls FN for each match's byte range. */
void doc_matches_in_line(const struct doc *d, const char *needle, size_t line,
                         void (*fn)(size_t col_from, size_t col_to, void *ctx), void *ctx);

/* Keeps the cursor inside the viewport (view_rows x view_cols), with a margin. */
void doc_scroll_to_cursor(struct doc *d);
/* Scrolls the view by N lines (wheel); the cursor stays where it is. */
void doc_scroll(struct doc *d, long n);

/* Cell column of the cursor (tabs expanded), and the line number width for the gutter. */
size_t doc_cursor_x(const struct doc *d);
/* Digits in the largest line number (at least 1): the gutter's width before padding. */
size_t doc_line_number_width(const struct doc *d);

#endif
