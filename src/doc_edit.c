/* doc_edit.c — the editing commands of a doc: typing, line breaks with auto-indent, paste,
 * deletion, indent and outdent, undo and redo (declared in doc.h).
 *
 * All changes go through buffer_insert / buffer_delete; a command that makes several changes
 * wraps them in buffer_group_begin / end so it undoes as one step. Each command replaces the
 * selection when there is one, leaves want_x on the cursor afterwards, and does nothing on a
 * read-only doc. Indentation follows the doc's detected style (tabs, or indent_width spaces). */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "doc_internal.h"
#include "utf8.h"
#include "xalloc.h"

#define MAX_INDENT 32 /* widest indent unit honoured, in spaces */

static const char SPACES[MAX_INDENT + 1] = "                                ";

static bool cut_selection(struct doc *d);
static bool deletes_at_cursor(struct doc *d);
static void insert_at_cursor(struct doc *d, const char *text, size_t len);
static size_t unit_width(const struct doc *d);
static void unit_text(const struct doc *d, const char **text, size_t *len);
static void target_lines(const struct doc *d, size_t *first, size_t *last);
static void indent_lines(struct doc *d);

/* ---- helpers ------------------------------------------------------------------------- */

/* Deletes the selection when there is one (true then) and drops it either way. */
static bool cut_selection(struct doc *d)
{
    struct pos from, to;
    bool had = doc_selection(d, &from, &to);

    d->selecting = false;
    if (!had)
        return false;
    buffer_delete(d->buf, from, to);
    d->cursor = from;
    return true;
}

/* Whether Backspace or Delete is to delete at the cursor: not on a read-only doc, nor when there
 * is a selection, which it deletes instead. Drops the selection mode when it is. */
static bool deletes_at_cursor(struct doc *d)
{
    if (d->readonly)
        return false;
    if (doc_selection(d, NULL, NULL)) {
        doc_delete_selection(d);
        return false;
    }
    d->selecting = false;
    return true;
}

static void insert_at_cursor(struct doc *d, const char *text, size_t len)
{
    struct pos end;

    buffer_insert(d->buf, d->cursor, text, len, &end);
    d->cursor = end;
}

/* Cells per indent level. */
static size_t unit_width(const struct doc *d)
{
    int w = d->indent_tabs ? d->tab_width : d->indent_width;
    if (w < 1)
        w = 1;
    if (w > MAX_INDENT)
        w = MAX_INDENT;
    return (size_t)w;
}

/* The text of one indent level: a tab or unit_width spaces. Static storage. */
static void unit_text(const struct doc *d, const char **text, size_t *len)
{
    if (d->indent_tabs) {
        *text = "\t";
        *len = 1;
    } else {
        *text = SPACES;
        *len = unit_width(d);
    }
}

/* The lines a line command works on: the selected ones, else the cursor's. A selection
 * ending at column 0 does not take in that last line. */
static void target_lines(const struct doc *d, size_t *first, size_t *last)
{
    struct pos from, to;

    if (doc_selection(d, &from, &to)) {
        *first = from.line;
        *last = to.line;
        if (to.col == 0 && to.line > from.line)
            (*last)--;
    } else {
        *first = *last = d->cursor.line;
    }
}

/* Indents every selected non-empty line by one unit; the selection grows with the lines so
 * it still covers them (ends at column 0 stay there). */
static void indent_lines(struct doc *d)
{
    size_t first, last, ulen, len;
    const char *unit;

    target_lines(d, &first, &last);
    unit_text(d, &unit, &ulen);
    buffer_group_begin(d->buf);
    for (size_t l = first; l <= last; l++) {
        line_at(d, l, &len);
        if (len == 0)
            continue;
        buffer_insert(d->buf, (struct pos){l, 0}, unit, ulen, NULL);
        if (d->anchor.line == l && d->anchor.col > 0)
            d->anchor.col += ulen;
        if (d->cursor.line == l && d->cursor.col > 0)
            d->cursor.col += ulen;
    }
    buffer_group_end(d->buf);
    buffer_undo_boundary(d->buf);
    settle(d);
}

/* ---- commands ------------------------------------------------------------------------ */

void doc_type(struct doc *d, const char *text, size_t len)
{
    if (d->readonly || len == 0)
        return;
    if (doc_selection(d, NULL, NULL)) {
        buffer_group_begin(d->buf);
        cut_selection(d);
        insert_at_cursor(d, text, len);
        buffer_group_end(d->buf);
    } else {
        d->selecting = false;
        insert_at_cursor(d, text, len);
    }
    settle(d);
}

/* Breaks the line at the cursor. The new line gets the indentation of the broken one (only
 * what lies before the cursor when the cursor is inside it), one level more after an opener,
 * and whitespace the break would push to the new line's start is dropped. Between a bracket
 * and its closer the closer goes to a line of its own. A line left holding only whitespace
 * is emptied. */
void doc_newline(struct doc *d)
{
    struct pos c;
    size_t len, ind, k, j, ulen = 0, tlen = 0;
    const char *s, *unit;
    bool in_indent, opens = false, split = false;
    char *text;

    if (d->readonly)
        return;
    buffer_undo_boundary(d->buf);
    buffer_group_begin(d->buf);
    cut_selection(d);
    c = d->cursor;
    s = line_at(d, c.line, &len);
    ind = lead_ws(s, len);
    in_indent = c.col <= ind;
    if (in_indent)
        ind = c.col;
    k = c.col;
    while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t'))
        k--;
    j = c.col;
    if (!in_indent) {
        while (j < len && (s[j] == ' ' || s[j] == '\t'))
            j++;
    }
    if (k > 0 && strchr(":{[(", s[k - 1])) {
        opens = true;
        unit_text(d, &unit, &ulen);
        split = j < len && ((s[k - 1] == '{' && s[j] == '}') || (s[k - 1] == '[' && s[j] == ']') ||
                            (s[k - 1] == '(' && s[j] == ')'));
    }

    text = xmalloc(2 * ind + ulen + 2);
    text[tlen++] = '\n';
    memcpy(text + tlen, s, ind);
    tlen += ind;
    if (opens) {
        memcpy(text + tlen, unit, ulen);
        tlen += ulen;
    }
    if (split) {
        text[tlen++] = '\n';
        memcpy(text + tlen, s, ind);
        tlen += ind;
    }

    if (j > c.col)
        buffer_delete(d->buf, c, (struct pos){c.line, j});
    buffer_insert(d->buf, c, text, tlen, NULL);
    free(text);
    if (k == 0 && c.col > 0) /* the broken line is only whitespace now */
        buffer_delete(d->buf, (struct pos){c.line, 0}, c);
    buffer_group_end(d->buf);
    buffer_undo_boundary(d->buf);
    d->cursor = (struct pos){c.line + 1, ind + ulen};
    settle(d);
}

/* Pasted text goes in byte for byte except line breaks: "\r\n" and a lone '\r' (what a
 * terminal sends for a pasted newline) both become a break. */
void doc_paste(struct doc *d, const char *text, size_t len)
{
    char *t;
    size_t n = 0;

    if (d->readonly || len == 0)
        return;
    t = xmalloc(len);
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\r') {
            t[n++] = '\n';
            if (i + 1 < len && text[i + 1] == '\n')
                i++;
        } else {
            t[n++] = text[i];
        }
    }
    buffer_undo_boundary(d->buf);
    buffer_group_begin(d->buf);
    cut_selection(d);
    insert_at_cursor(d, t, n);
    buffer_group_end(d->buf);
    buffer_undo_boundary(d->buf);
    free(t);
    settle(d);
}

/* Deletes the cursor stop before the cursor, the line break at column 0, or, in indentation
 * made of spaces, back to the previous indent stop. */
void doc_backspace(struct doc *d)
{
    struct pos c = d->cursor, from = c;
    size_t len;
    const char *s;

    if (!deletes_at_cursor(d))
        return;
    if (c.col == 0) {
        if (c.line == 0)
            return;
        from.line = c.line - 1;
        line_at(d, from.line, &from.col);
    } else {
        s = line_at(d, c.line, &len);
        if (!d->indent_tabs && c.col <= lead_ws(s, len) && s[c.col - 1] == ' ') {
            size_t w = unit_width(d);
            size_t x = utf8_col_to_x(s, len, c.col, d->tab_width);
            size_t stop = (x - 1) / w * w;
            while (from.col > 0 && s[from.col - 1] == ' ' && x > stop) {
                from.col--;
                x--;
            }
        } else {
            from.col = utf8_prev(s, len, c.col);
        }
    }
    buffer_delete(d->buf, from, c);
    d->cursor = from;
    settle(d);
}

void doc_delete(struct doc *d)
{
    struct pos c = d->cursor, to = c;
    size_t len;
    const char *s;

    if (!deletes_at_cursor(d))
        return;
    s = line_at(d, c.line, &len);
    if (c.col < len) {
        to.col = utf8_next(s, len, c.col);
    } else {
        if (c.line + 1 >= d->buf->nlines)
            return;
        to = (struct pos){c.line + 1, 0};
    }
    buffer_delete(d->buf, c, to);
    settle(d);
}

void doc_tab(struct doc *d)
{
    struct pos from, to;
    bool sel;

    if (d->readonly)
        return;
    sel = doc_selection(d, &from, &to);
    if (sel && from.line != to.line) {
        indent_lines(d);
        return;
    }
    if (sel)
        buffer_group_begin(d->buf);
    cut_selection(d);
    if (d->indent_tabs) {
        insert_at_cursor(d, "\t", 1);
    } else {
        size_t w = unit_width(d);
        insert_at_cursor(d, SPACES, w - doc_cursor_x(d) % w);
    }
    if (sel)
        buffer_group_end(d->buf);
    settle(d);
}

/* Removes one level from the start of each target line: a tab, or the spaces back to the
 * previous indent stop. Cursor and anchor stay on the same text. */
void doc_backtab(struct doc *d)
{
    size_t first, last, w = unit_width(d), len;

    if (d->readonly)
        return;
    target_lines(d, &first, &last);
    buffer_undo_boundary(d->buf);
    buffer_group_begin(d->buf);
    for (size_t l = first; l <= last; l++) {
        const char *s = line_at(d, l, &len);
        size_t n, sp = lead_spaces(s, len);
        if (sp == 0)
            n = len > 0 && s[0] == '\t' ? 1 : 0;
        else
            n = sp % w ? sp % w : w;
        if (n == 0)
            continue;
        buffer_delete(d->buf, (struct pos){l, 0}, (struct pos){l, n});
        if (d->anchor.line == l)
            d->anchor.col -= d->anchor.col < n ? d->anchor.col : n;
        if (d->cursor.line == l)
            d->cursor.col -= d->cursor.col < n ? d->cursor.col : n;
    }
    buffer_group_end(d->buf);
    buffer_undo_boundary(d->buf);
    d->anchor = buffer_clamp(d->buf, d->anchor);
    d->cursor = buffer_clamp(d->buf, d->cursor);
    settle(d);
}

void doc_delete_selection(struct doc *d)
{
    if (d->readonly || !doc_selection(d, NULL, NULL))
        return;
    buffer_undo_boundary(d->buf);
    cut_selection(d);
    buffer_undo_boundary(d->buf);
    settle(d);
}

bool doc_undo(struct doc *d)
{
    struct pos p;

    if (d->readonly || !buffer_undo(d->buf, &p))
        return false;
    d->cursor = buffer_clamp(d->buf, p);
    d->selecting = false;
    settle(d);
    return true;
}

bool doc_redo(struct doc *d)
{
    struct pos p;

    if (d->readonly || !buffer_redo(d->buf, &p))
        return false;
    d->cursor = buffer_clamp(d->buf, p);
    d->selecting = false;
    settle(d);
    return true;
}

/* ---- comments ------------------------------------------------------------------------ */

/* True when the text after the indentation starts with TOKEN (and, for wrapped comments,
 * ends with END). */
static bool is_commented(const char *s, size_t len, const char *token, const char *end)
{
    size_t ind = lead_ws(s, len), tl = strlen(token);
    if (len - ind < tl || memcmp(s + ind, token, tl) != 0)
        return false;
    if (!end)
        return true;
    size_t el = strlen(end), rest = len - ind - tl;
    return rest >= el && memcmp(s + len - el, end, el) == 0;
}

static void uncomment_line(struct doc *d, size_t l, const char *token, const char *end)
{
    size_t len;
    const char *s = line_at(d, l, &len);
    size_t ind = lead_ws(s, len), tl = strlen(token);
    if (end) {
        size_t el = strlen(end);
        size_t from = len - el;
        if (from > ind + tl && s[from - 1] == ' ')
            from--;
        buffer_delete(d->buf, (struct pos){l, from}, (struct pos){l, len});
    }
    s = line_at(d, l, &len);
    size_t cut = tl + (ind + tl < len && s[ind + tl] == ' ' ? 1 : 0);
    buffer_delete(d->buf, (struct pos){l, ind}, (struct pos){l, ind + cut});
}

static void comment_line(struct doc *d, size_t l, size_t col, const char *token, const char *end)
{
    size_t len;
    line_at(d, l, &len);
    if (end) {
        buffer_insert(d->buf, (struct pos){l, len}, " ", 1, NULL);
        buffer_insert(d->buf, (struct pos){l, len + 1}, end, strlen(end), NULL);
    }
    char *prefix = xasprintf("%s ", token);
    buffer_insert(d->buf, (struct pos){l, col}, prefix, strlen(prefix), NULL);
    free(prefix);
}

void doc_toggle_comment(struct doc *d, const char *token, const char *end)
{
    if (d->readonly || !token || !token[0])
        return;
    size_t first, last, len;
    target_lines(d, &first, &last);

    /* Comment out unless every non-blank line already is; insert at the smallest indent. */
    bool all = true, any = false;
    size_t col = (size_t)-1;
    for (size_t l = first; l <= last; l++) {
        const char *s = line_at(d, l, &len);
        size_t ind = lead_ws(s, len);
        if (ind == len)
            continue;
        any = true;
        all = all && is_commented(s, len, token, end);
        if (ind < col)
            col = ind;
    }
    if (!any)
        return;
    struct pos cursor = d->cursor, anchor = d->anchor;
    buffer_undo_boundary(d->buf);
    buffer_group_begin(d->buf);
    for (size_t l = first; l <= last; l++) {
        const char *s = line_at(d, l, &len);
        if (lead_ws(s, len) == len)
            continue;
        if (all)
            uncomment_line(d, l, token, end);
        else
            comment_line(d, l, col, token, end);
    }
    buffer_group_end(d->buf);
    buffer_undo_boundary(d->buf);
    /* Keep the cursor and anchor on their lines, clamped to the new lengths. */
    d->cursor = buffer_clamp(d->buf, cursor);
    d->anchor = buffer_clamp(d->buf, anchor);
    settle(d);
}
