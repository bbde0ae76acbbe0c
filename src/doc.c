/* doc.c — the editing model behind the editor pane: cursor, selection, commands, view origin.
 *
 * A doc wraps one buffer. The cursor and anchor are (line, byte col) positions kept inside the
 * buffer and on cursor stops; want_x is the cell column vertical motion aims for, refreshed by
 * every other motion and by every edit. All changes go through buffer_insert / buffer_delete;
 * a command that makes several changes wraps them in buffer_group_begin / end so it undoes as
 * one step, and every motion that is not typing marks an undo boundary. A read-only doc
 * ignores edits. Search works line by line (a needle is one line) with smart case, folding
 * code points through utf8proc. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "doc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "utf8.h"
#include "xalloc.h"

#define DETECT_LINES 1000
#define MAX_INDENT   32 /* widest indent unit honoured, in spaces */

static const char SPACES[MAX_INDENT + 1] = "                                ";

static const char *line_at(const struct doc *d, size_t i, size_t *len);
static size_t lead_ws(const char *s, size_t len);
static size_t lead_spaces(const char *s, size_t len);
static void settle(struct doc *d);
static void move_to(struct doc *d, struct pos p, bool select, bool keep_x);
static void move_vertical(struct doc *d, size_t n, bool up, bool select);
static size_t page_lines(const struct doc *d);
static int class_after(const struct doc *d, struct pos p);
static int class_before(const struct doc *d, struct pos p);
static bool step_forward(const struct doc *d, struct pos *p);
static bool step_back(const struct doc *d, struct pos *p);
static void center_if_hidden(struct doc *d);
static bool cut_selection(struct doc *d);
static void insert_at_cursor(struct doc *d, const char *text, size_t len);
static size_t unit_width(const struct doc *d);
static void unit_text(const struct doc *d, const char **text, size_t *len);
static void target_lines(const struct doc *d, size_t *first, size_t *last);
static void indent_lines(struct doc *d);
static void detect_indent(struct doc *d);
static bool smart_fold(const char *needle, size_t n);
static size_t match_at(const char *s, size_t len, size_t at, const char *nd, size_t nn, bool fold);
static bool first_match(const char *s, size_t len, size_t lo, size_t hi, const char *nd, size_t nn,
                        bool fold, size_t *m0, size_t *m1);
static bool last_match(const char *s, size_t len, size_t lo, size_t hi, const char *nd, size_t nn,
                       bool fold, size_t *m0, size_t *m1);
static bool needle_ok(const char *needle, size_t *nn);

/* ---- helpers ------------------------------------------------------------------------- */

static const char *line_at(const struct doc *d, size_t i, size_t *len)
{
    return buffer_line(d->buf, i, len);
}

static size_t lead_ws(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

static size_t lead_spaces(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    return i;
}

/* After a motion or an edit: want_x follows the cursor, and the view origin stays inside a
 * buffer that may have shrunk. */
static void settle(struct doc *d)
{
    d->want_x = doc_cursor_x(d);
    if (d->top >= d->buf->nlines)
        d->top = d->buf->nlines - 1;
}

/* Moves the cursor to P as a motion (anything but typing), which closes the undo step. */
static void move_to(struct doc *d, struct pos p, bool select, bool keep_x)
{
    p = buffer_clamp(d->buf, p);
    if (select) {
        if (!d->selecting) {
            d->anchor = d->cursor;
            d->selecting = true;
        }
    } else {
        d->selecting = false;
    }
    d->cursor = p;
    if (!keep_x)
        settle(d);
    buffer_undo_boundary(d->buf);
}

/* N lines up or down aiming at want_x; past the first / last line goes to its start / end. */
static void move_vertical(struct doc *d, size_t n, bool up, bool select)
{
    struct pos p = d->cursor;
    size_t last = d->buf->nlines - 1, len;
    const char *s;

    if (up && p.line == 0) {
        move_to(d, (struct pos){0, 0}, select, false);
        return;
    }
    if (!up && p.line == last) {
        line_at(d, last, &p.col);
        move_to(d, p, select, false);
        return;
    }
    if (up)
        p.line = p.line > n ? p.line - n : 0;
    else
        p.line = last - p.line > n ? p.line + n : last;
    s = line_at(d, p.line, &len);
    p.col = utf8_x_to_col(s, len, d->want_x, d->tab_width);
    move_to(d, p, select, true);
}

static size_t page_lines(const struct doc *d)
{
    return d->view_rows > 2 ? (size_t)d->view_rows - 1 : 1;
}

/* What follows / precedes P on its line: -1 the line's end / start, 1 a word character,
 * 0 anything else. */
static int class_after(const struct doc *d, struct pos p)
{
    size_t len;
    const char *s = line_at(d, p.line, &len);
    int32_t cp;

    if (p.col >= len)
        return -1;
    utf8_decode(s + p.col, len - p.col, &cp);
    return utf8_is_word(cp) ? 1 : 0;
}

static int class_before(const struct doc *d, struct pos p)
{
    size_t len;
    const char *s = line_at(d, p.line, &len);
    int32_t cp;

    if (p.col == 0)
        return -1;
    size_t c = utf8_prev(s, len, p.col);
    utf8_decode(s + c, len - c, &cp);
    return utf8_is_word(cp) ? 1 : 0;
}

/* One cursor stop forward / back, across line ends; false at the document's edge. */
static bool step_forward(const struct doc *d, struct pos *p)
{
    size_t len;
    const char *s = line_at(d, p->line, &len);

    if (p->col < len) {
        p->col = utf8_next(s, len, p->col);
        return true;
    }
    if (p->line + 1 < d->buf->nlines) {
        p->line++;
        p->col = 0;
        return true;
    }
    return false;
}

static bool step_back(const struct doc *d, struct pos *p)
{
    size_t len;
    const char *s = line_at(d, p->line, &len);

    if (p->col > 0) {
        p->col = utf8_prev(s, len, p->col);
        return true;
    }
    if (p->line > 0) {
        p->line--;
        line_at(d, p->line, &p->col);
        return true;
    }
    return false;
}

/* A jump (go to line, find) far from the view puts its target in the middle of the view. */
static void center_if_hidden(struct doc *d)
{
    size_t rows, l = d->cursor.line;

    if (d->view_rows <= 0)
        return;
    rows = (size_t)d->view_rows;
    if (l >= d->top && l < d->top + rows)
        return;
    d->top = l > rows / 2 ? l - rows / 2 : 0;
}

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

/* Tabs when more of the first lines start with a tab than with spaces; otherwise the most
 * common increase of indentation between consecutive lines (2, 4 or 8), default 4. */
static void detect_indent(struct doc *d)
{
    size_t n = d->buf->nlines < DETECT_LINES ? d->buf->nlines : DETECT_LINES;
    size_t tabs = 0, spaces = 0, steps[9] = {0}, prev = 0, len;
    bool prev_known = true;
    static const size_t pref[] = {4, 2, 8};

    for (size_t i = 0; i < n; i++) {
        const char *s = line_at(d, i, &len);
        if (lead_ws(s, len) == len)
            continue; /* blank lines say nothing */
        if (s[0] == '\t') {
            tabs++;
            prev_known = false;
            continue;
        }
        size_t sp = lead_spaces(s, len);
        if (sp >= 2) /* one space is a comment's " *", not indentation */
            spaces++;
        if (prev_known && sp > prev) {
            size_t step = sp - prev;
            if (step == 2 || step == 4 || step == 8)
                steps[step]++;
        }
        prev = sp;
        prev_known = true;
    }
    d->indent_width = 4;
    if (tabs > spaces) {
        d->indent_tabs = true;
        d->indent_width = d->tab_width;
        return;
    }
    d->indent_tabs = false;
    size_t best = 0;
    for (size_t i = 0; i < sizeof pref / sizeof pref[0]; i++) {
        if (steps[pref[i]] > best) {
            best = steps[pref[i]];
            d->indent_width = (int)pref[i];
        }
    }
}

/* ---- life ---------------------------------------------------------------------------- */

struct doc *doc_new(struct buffer *buf, int tabw)
{
    struct doc *d = xcalloc(1, sizeof *d);

    d->buf = buf;
    d->tab_width = tabw > 0 ? tabw : 8;
    detect_indent(d);
    return d;
}

void doc_free(struct doc *d)
{
    if (!d)
        return;
    buffer_free(d->buf);
    free(d->path);
    free(d->name);
    free(d);
}

/* ---- motion -------------------------------------------------------------------------- */

void doc_move_left(struct doc *d, bool select)
{
    struct pos from, to, p = d->cursor;

    if (!select && doc_selection(d, &from, &to)) {
        move_to(d, from, false, false); /* collapses to the selection's start */
        return;
    }
    step_back(d, &p);
    move_to(d, p, select, false);
}

void doc_move_right(struct doc *d, bool select)
{
    struct pos from, to, p = d->cursor;

    if (!select && doc_selection(d, &from, &to)) {
        move_to(d, to, false, false);
        return;
    }
    step_forward(d, &p);
    move_to(d, p, select, false);
}

void doc_move_up(struct doc *d, bool select)
{
    move_vertical(d, 1, true, select);
}

void doc_move_down(struct doc *d, bool select)
{
    move_vertical(d, 1, false, select);
}

void doc_move_word_left(struct doc *d, bool select)
{
    struct pos p = d->cursor;

    while (class_before(d, p) != 1 && step_back(d, &p))
        ;
    while (class_before(d, p) == 1 && step_back(d, &p))
        ;
    move_to(d, p, select, false);
}

void doc_move_word_right(struct doc *d, bool select)
{
    struct pos p = d->cursor;

    while (class_after(d, p) != 1 && step_forward(d, &p))
        ;
    while (class_after(d, p) == 1 && step_forward(d, &p))
        ;
    move_to(d, p, select, false);
}

void doc_move_home(struct doc *d, bool select)
{
    size_t len;
    const char *s = line_at(d, d->cursor.line, &len);
    size_t ind = lead_ws(s, len);
    struct pos p = {d->cursor.line, d->cursor.col == ind ? 0 : ind};

    move_to(d, p, select, false);
}

void doc_move_end(struct doc *d, bool select)
{
    struct pos p = {d->cursor.line, 0};

    line_at(d, p.line, &p.col);
    move_to(d, p, select, false);
}

/* The view moves with the cursor so the cursor keeps its screen row. */
void doc_move_page_up(struct doc *d, bool select)
{
    size_t old = d->cursor.line, moved;

    move_vertical(d, page_lines(d), true, select);
    moved = old - d->cursor.line;
    d->top = d->top > moved ? d->top - moved : 0;
}

void doc_move_page_down(struct doc *d, bool select)
{
    size_t old = d->cursor.line;

    move_vertical(d, page_lines(d), false, select);
    d->top += d->cursor.line - old;
    if (d->top > d->cursor.line)
        d->top = d->cursor.line;
}

void doc_move_doc_start(struct doc *d, bool select)
{
    move_to(d, (struct pos){0, 0}, select, false);
}

void doc_move_doc_end(struct doc *d, bool select)
{
    move_to(d, buffer_end(d->buf), select, false);
}

void doc_goto_line(struct doc *d, size_t line1)
{
    size_t l = line1 > 0 ? line1 - 1 : 0;

    if (l >= d->buf->nlines)
        l = d->buf->nlines - 1;
    move_to(d, (struct pos){l, 0}, false, false);
    center_if_hidden(d);
}

void doc_set_cursor(struct doc *d, struct pos p, bool select)
{
    move_to(d, p, select, false);
}

void doc_select_all(struct doc *d)
{
    d->anchor = (struct pos){0, 0};
    d->cursor = buffer_end(d->buf);
    d->selecting = true;
    settle(d);
    buffer_undo_boundary(d->buf);
}

void doc_clear_selection(struct doc *d)
{
    d->selecting = false;
}

bool doc_selection(const struct doc *d, struct pos *from, struct pos *to)
{
    int c;

    if (!d->selecting)
        return false;
    c = pos_cmp(d->anchor, d->cursor);
    if (c == 0)
        return false;
    if (from)
        *from = c < 0 ? d->anchor : d->cursor;
    if (to)
        *to = c < 0 ? d->cursor : d->anchor;
    return true;
}

char *doc_selected_text(const struct doc *d, size_t *len)
{
    struct pos from, to;

    if (!doc_selection(d, &from, &to))
        return NULL;
    return buffer_text(d->buf, from, to, len);
}

/* ---- editing ------------------------------------------------------------------------- */

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

    if (d->readonly)
        return;
    if (doc_selection(d, NULL, NULL)) {
        doc_delete_selection(d);
        return;
    }
    d->selecting = false;
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

    if (d->readonly)
        return;
    if (doc_selection(d, NULL, NULL)) {
        doc_delete_selection(d);
        return;
    }
    d->selecting = false;
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

/* ---- search -------------------------------------------------------------------------- */

/* Smart case: fold when the needle has no code point that lowercasing would change. */
static bool smart_fold(const char *needle, size_t n)
{
    int32_t cp;

    for (size_t i = 0; i < n;) {
        i += (size_t)utf8_decode(needle + i, n - i, &cp);
        if (cp != UTF8_INVALID && utf8proc_tolower(cp) != cp)
            return false;
    }
    return true;
}

/* End of the match of ND starting at S[AT], or 0 when there is none there. With FOLD the
 * needle is lowercase and the text is lowercased code point by code point; invalid bytes
 * only match themselves. */
static size_t match_at(const char *s, size_t len, size_t at, const char *nd, size_t nn, bool fold)
{
    size_t i = at, j = 0;
    int32_t a, b;

    if (!fold)
        return len - at >= nn && memcmp(s + at, nd, nn) == 0 ? at + nn : 0;
    while (j < nn) {
        if (i >= len)
            return 0;
        int ka = utf8_decode(s + i, len - i, &a);
        int kb = utf8_decode(nd + j, nn - j, &b);
        if (a == UTF8_INVALID || b == UTF8_INVALID) {
            if (a != b || s[i] != nd[j])
                return 0;
        } else if (a != b && utf8proc_tolower(a) != b) {
            return 0;
        }
        i += (size_t)ka;
        j += (size_t)kb;
    }
    return i;
}

/* The first / last match starting in [LO, HI) of S[0..LEN). */
static bool first_match(const char *s, size_t len, size_t lo, size_t hi, const char *nd, size_t nn,
                        bool fold, size_t *m0, size_t *m1)
{
    if (hi > len)
        hi = len;
    if (!fold) {
        if (lo >= hi)
            return false;
        const char *p = memmem(s + lo, len - lo, nd, nn);
        if (!p || (size_t)(p - s) >= hi)
            return false;
        *m0 = (size_t)(p - s);
        *m1 = *m0 + nn;
        return true;
    }
    for (size_t i = lo; i < hi; i++) {
        size_t e = match_at(s, len, i, nd, nn, fold);
        if (e) {
            *m0 = i;
            *m1 = e;
            return true;
        }
    }
    return false;
}

static bool last_match(const char *s, size_t len, size_t lo, size_t hi, const char *nd, size_t nn,
                       bool fold, size_t *m0, size_t *m1)
{
    if (hi > len)
        hi = len;
    for (size_t i = hi; i-- > lo;) {
        size_t e = match_at(s, len, i, nd, nn, fold);
        if (e) {
            *m0 = i;
            *m1 = e;
            return true;
        }
    }
    return false;
}

static bool needle_ok(const char *needle, size_t *nn)
{
    *nn = needle ? strlen(needle) : 0;
    return *nn > 0 && !memchr(needle, '\n', *nn);
}

/* Forward: the from line from FROM.col on, the lines below, then from the top back round to
 * the from line before FROM.col. Backward mirrors it. */
bool doc_find(struct doc *d, const char *needle, struct pos from, bool backward, bool *wrapped)
{
    size_t nn, n = d->buf->nlines, m0 = 0, m1 = 0, line = 0, len;
    bool fold, found = false, wrap = false;

    if (wrapped)
        *wrapped = false;
    if (!needle_ok(needle, &nn))
        return false;
    fold = smart_fold(needle, nn);
    from = buffer_clamp(d->buf, from);
    for (size_t k = 0; k <= n && !found; k++) {
        size_t lo = 0, hi = SIZE_MAX;
        if (!backward) {
            line = (from.line + k) % n;
            wrap = from.line + k >= n;
            if (k == 0)
                lo = from.col;
            if (k == n)
                hi = from.col;
        } else {
            line = (from.line + n - k % n) % n;
            wrap = k > from.line;
            if (k == 0)
                hi = from.col;
            if (k == n)
                lo = from.col;
        }
        const char *s = line_at(d, line, &len);
        if (backward)
            found = last_match(s, len, lo, hi, needle, nn, fold, &m0, &m1);
        else
            found = first_match(s, len, lo, hi, needle, nn, fold, &m0, &m1);
    }
    if (!found)
        return false;
    if (wrapped)
        *wrapped = wrap;
    d->anchor = (struct pos){line, m0};
    d->cursor = (struct pos){line, m1};
    d->selecting = true;
    settle(d);
    buffer_undo_boundary(d->buf);
    center_if_hidden(d);
    return true;
}

void doc_matches_in_line(const struct doc *d, const char *needle, size_t line,
                         void (*fn)(size_t col_from, size_t col_to, void *ctx), void *ctx)
{
    size_t nn, len, at = 0, m0, m1;
    const char *s;
    bool fold;

    if (line >= d->buf->nlines || !needle_ok(needle, &nn))
        return;
    fold = smart_fold(needle, nn);
    s = line_at(d, line, &len);
    while (first_match(s, len, at, len, needle, nn, fold, &m0, &m1)) {
        fn(m0, m1, ctx);
        at = m1;
    }
}

/* ---- view ---------------------------------------------------------------------------- */

/* Two lines of context above and below the cursor (fewer on a tiny view or at the ends of
 * the text) and a few cells either side of it. */
void doc_scroll_to_cursor(struct doc *d)
{
    size_t n = d->buf->nlines, l = d->cursor.line;

    if (d->top >= n)
        d->top = n - 1;
    if (d->view_rows > 0) {
        size_t rows = (size_t)d->view_rows;
        size_t m = rows >= 5 ? 2 : (rows - 1) / 2;
        size_t above = l < m ? l : m;
        size_t below = n - 1 - l < m ? n - 1 - l : m;
        if (l < d->top + above)
            d->top = l - above;
        else if (l + below >= d->top + rows)
            d->top = l + below + 1 - rows;
    }
    if (d->view_cols > 0) {
        size_t cols = (size_t)d->view_cols, len;
        const char *s = line_at(d, l, &len);
        size_t x = utf8_col_to_x(s, len, d->cursor.col, d->tab_width);
        size_t w = 1, m = cols >= 20 ? 4 : cols >= 8 ? 1 : 0;
        if (d->cursor.col < len)
            w = utf8_col_to_x(s, len, utf8_next(s, len, d->cursor.col), d->tab_width) - x;
        if (w > cols)
            w = cols;
        if (w == 0)
            w = 1;
        if (w + 2 * m > cols)
            m = (cols - w) / 2;
        if (x < d->left + m)
            d->left = x > m ? x - m : 0;
        else if (x + w + m > d->left + cols)
            d->left = x + w + m - cols;
    }
}

void doc_scroll(struct doc *d, long n)
{
    size_t max = d->buf->nlines - 1;

    if (d->top > max)
        d->top = max;
    if (n < 0) {
        size_t k = (size_t)(-(n + 1)) + 1;
        d->top = d->top > k ? d->top - k : 0;
    } else {
        d->top = max - d->top < (size_t)n ? max : d->top + (size_t)n;
    }
}

size_t doc_cursor_x(const struct doc *d)
{
    size_t len;
    const char *s = line_at(d, d->cursor.line, &len);

    return utf8_col_to_x(s, len, d->cursor.col, d->tab_width);
}

size_t doc_line_number_width(const struct doc *d)
{
    size_t w = 1;

    for (size_t n = d->buf->nlines; n >= 10; n /= 10)
        w++;
    return w;
}
