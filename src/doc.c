/* doc.c — an open document's life, motion, selection, search and view origin.
 *
 * A doc wraps one buffer. The cursor and anchor are (line, byte col) positions kept inside the
 * buffer and on cursor stops; want_x is the cell column vertical motion aims for, refreshed by
 * every other motion and by every edit. Every motion that is not typing marks an undo
 * boundary. The indentation style is detected here when the doc is made. Search works line by
 * line (a needle is one line) over search.h. A language gives the doc a syntax tree, which
 * hears of every buffer change through the buffer's listener. The editing commands live in
 * doc_edit.c; helpers both files need are in doc_internal.h. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "doc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "doc_internal.h"
#include "search.h"
#include "syntax.h"
#include "utf8.h"
#include "xalloc.h"

#define DETECT_LINES 1000

static void move_to(struct doc *d, struct pos p, bool select, bool keep_x);
static void move_vertical(struct doc *d, size_t n, bool up, bool select);
static size_t page_lines(const struct doc *d);
static int class_after(const struct doc *d, struct pos p);
static int class_before(const struct doc *d, struct pos p);
static bool step_forward(const struct doc *d, struct pos *p);
static bool step_back(const struct doc *d, struct pos *p);
static void center_if_hidden(struct doc *d);
static void detect_indent(struct doc *d);

/* ---- helpers ------------------------------------------------------------------------- */

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
    d->indent_detected = tabs + spaces > 0;
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
    syntax_free(d->syntax);
    buffer_free(d->buf);
    free(d->path);
    free(d->name);
    free(d);
}

/* Forwards the buffer's changes to the syntax tree. */
static void on_change(void *ctx, const struct buffer *b, const struct buffer_change *c)
{
    struct doc *d = ctx;
    if (d->syntax)
        syntax_edit(d->syntax, b, c);
}

void doc_use_language(struct doc *d, const struct lang *lang)
{
    syntax_free(d->syntax);
    d->syntax = NULL;
    d->syntax_tried = false;
    buffer_set_listener(d->buf, NULL, NULL);
    d->lang = lang;
    /* A file that shows no indentation of its own gets its language's. */
    if (lang && !d->indent_detected) {
        d->indent_tabs = lang->indent_tabs;
        d->indent_width = lang->indent_tabs ? d->tab_width : lang->indent_width;
    }
}

int doc_start_syntax(struct doc *d, char *err, size_t errlen)
{
    if (!d->lang || d->syntax)
        return 0;
    d->syntax_tried = true;
    if (buffer_size(d->buf) > SYNTAX_MAX_BYTES) {
        snprintf(err, errlen, "highlighting off: file larger than %zu MB", SYNTAX_MAX_BYTES >> 20);
        return -1;
    }
    d->syntax = syntax_new(d->lang, d->buf, err, errlen);
    if (!d->syntax)
        return -1;
    buffer_set_listener(d->buf, on_change, d);
    return 0;
}

int doc_set_language(struct doc *d, const struct lang *lang, char *err, size_t errlen)
{
    doc_use_language(d, lang);
    return doc_start_syntax(d, err, errlen);
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

/* ---- search -------------------------------------------------------------------------- */

/* Forward: the from line from FROM.col on, the lines below, then from the top back round to
 * the from line before FROM.col. Backward mirrors it. */
bool doc_find(struct doc *d, const char *needle, struct pos from, bool backward, bool *wrapped)
{
    struct search q;
    size_t n = d->buf->nlines, m0 = 0, m1 = 0, line = 0, len;
    bool found = false, wrap = false;

    if (wrapped)
        *wrapped = false;
    if (!search_init(&q, needle))
        return false;
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
            found = search_last(&q, s, len, lo, hi, &m0, &m1);
        else
            found = search_first(&q, s, len, lo, hi, &m0, &m1);
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
    struct search q;
    size_t len, at = 0, m0, m1;
    const char *s;

    if (line >= d->buf->nlines || !search_init(&q, needle))
        return;
    s = line_at(d, line, &len);
    while (search_first(&q, s, len, at, len, &m0, &m1)) {
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
