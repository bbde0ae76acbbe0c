/* editor.c — the editor pane: draws the current doc (gutter, text, selection, search
 * matches, cursor line) and turns keys, pastes and clicks into doc_* calls. The editing
 * behaviour itself lives in src/doc.c; this file only maps input to it and paints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "bindings.h"
#include "clipboard.h"
#include "draw.h"
#include "utf8.h"
#include "xalloc.h"

/* ---- drawing ---------------------------------------------------------------------------- */

struct match_ranges {
    size_t from[64], to[64];
    int n;
};

static void collect_match(size_t from, size_t to, void *ctx)
{
    struct match_ranges *m = ctx;
    if (m->n < 64) {
        m->from[m->n] = from;
        m->to[m->n] = to;
        m->n++;
    }
}

static int gutter_width(const struct doc *d)
{
    if (!app.cfg.line_numbers)
        return 0;
    int digits = (int)doc_line_number_width(d);
    return (digits < 3 ? 3 : digits) + 2;
}

struct line_ctx {
    bool has_sel;
    struct pos sel_from, sel_to;
    struct match_ranges matches;
    bool cursor_line;
};

static enum theme_ui byte_style(const struct line_ctx *c, size_t line, size_t col)
{
    if (c->has_sel) {
        struct pos p = {line, col};
        if (pos_cmp(p, c->sel_from) >= 0 && pos_cmp(p, c->sel_to) < 0)
            return UI_SELECTION;
    }
    for (int i = 0; i < c->matches.n; i++)
        if (col >= c->matches.from[i] && col < c->matches.to[i])
            return UI_SEARCH_MATCH;
    return UI_TEXT;
}

static struct ink style_attr(enum theme_ui e, bool cursor_line)
{
    if (e == UI_TEXT)
        return cursor_line ? draw_mix(UI_TEXT, UI_CURSOR_LINE) : draw_ui(UI_TEXT);
    return draw_ui(e);
}

static void draw_line(struct doc *d, size_t ln, int y, int x0, int w, const struct line_ctx *c)
{
    size_t len;
    const char *s = buffer_line(d->buf, ln, &len);
    size_t left = d->left, right = d->left + (size_t)w;
    size_t cx = 0, i = 0;
    int tabw = d->tab_width;
    while (i < len && cx < right) {
        int32_t cp;
        utf8_decode(s + i, len - i, &cp);
        struct ink a = style_attr(byte_style(c, ln, i), c->cursor_line);
        if (cp == '\t') {
            int cw = tabw - (int)(cx % (size_t)tabw);
            for (size_t k = cx; k < cx + (size_t)cw; k++)
                if (k >= left && k < right)
                    draw_cell(y, x0 + (int)(k - left), ' ', a);
            cx += (size_t)cw;
            i++;
            continue;
        }
        /* One glyph: the character and its combining marks (utf8_next's cursor stop). */
        size_t next = utf8_next(s, len, i);
        int cw = (int)utf8_col_to_x(s + i, next - i, next - i, tabw);
        if (cx >= left && cx + (size_t)cw <= right) {
            int cells;
            draw_glyph(y, x0 + (int)(cx - left), s + i, next - i, a, &cells);
        } else {
            /* A wide character cut by the edge: blank its visible part. */
            for (size_t k = cx; k < cx + (size_t)cw; k++)
                if (k >= left && k < right)
                    draw_cell(y, x0 + (int)(k - left), ' ', a);
        }
        cx += (size_t)cw;
        i = next;
    }
    /* A selection that runs past the line end covers its line break: show one cell. */
    if (c->has_sel && i >= len && cx >= left && cx < right &&
        pos_cmp((struct pos){ln, len}, c->sel_from) >= 0 &&
        pos_cmp((struct pos){ln, len}, c->sel_to) < 0)
        draw_cell(y, x0 + (int)(cx - left), ' ', draw_ui(UI_SELECTION));
}

void editor_draw(void)
{
    struct rect r = app.layout.editor;
    struct doc *d = app_doc();
    draw_fill(r, draw_ui(UI_TEXT));
    if (!d) {
        static const char *lines[] = {
            "No file open.",     "", "Ctrl-P  open a file", "Ctrl-N  new file", "Alt-1   file tree",
            "F1      every key",
        };
        int n = (int)(sizeof lines / sizeof lines[0]);
        for (int i = 0; i < n && i < r.h; i++)
            draw_str(r.y + r.h / 3 + i, r.x + 4, r.w - 4, lines[i], draw_ui(UI_GUTTER));
        return;
    }
    int gw = gutter_width(d);
    if (gw > r.w / 2)
        gw = 0;
    d->view_rows = r.h;
    d->view_cols = r.w - gw;
    doc_scroll_to_cursor(d);

    struct line_ctx c;
    memset(&c, 0, sizeof c);
    c.has_sel = doc_selection(d, &c.sel_from, &c.sel_to);
    for (int y = 0; y < r.h; y++) {
        size_t ln = d->top + (size_t)y;
        if (ln >= d->buf->nlines)
            break;
        c.cursor_line = ln == d->cursor.line && !c.has_sel;
        if (c.cursor_line)
            draw_fill((struct rect){r.y + y, r.x, 1, r.w}, draw_mix(UI_TEXT, UI_CURSOR_LINE));
        if (gw > 0) {
            char num[32];
            int nw = snprintf(num, sizeof num, "%zu", ln + 1);
            bool cur = ln == d->cursor.line;
            struct ink ga = draw_ui(cur ? UI_GUTTER_CURRENT : UI_GUTTER);
            draw_fill((struct rect){r.y + y, r.x, 1, gw - 1}, ga);
            draw_str(r.y + y, r.x + gw - 1 - nw, nw, num, ga);
        }
        c.matches.n = 0;
        if (app.find_needle && app.find_needle[0])
            doc_matches_in_line(d, app.find_needle, ln, collect_match, &c.matches);
        draw_line(d, ln, r.y + y, r.x + gw, r.w - gw, &c);
    }
    if (app.focus == FOCUS_EDITOR && app.overlay == OVERLAY_NONE) {
        size_t cx = doc_cursor_x(d);
        if (cx >= d->left && cx - d->left < (size_t)(r.w - gw)) {
            app.cur_y = r.y + (int)(d->cursor.line - d->top);
            app.cur_x = r.x + gw + (int)(cx - d->left);
            app.cur_visible = true;
        }
    }
}

/* ---- input ------------------------------------------------------------------------------ */

struct motion {
    int code;
    int mods; /* without Shift, which selects */
    void (*fn)(struct doc *, bool);
};

static const struct motion motions[] = {
    {K_LEFT, 0, doc_move_left},
    {K_RIGHT, 0, doc_move_right},
    {K_UP, 0, doc_move_up},
    {K_DOWN, 0, doc_move_down},
    {K_LEFT, MOD_CTRL, doc_move_word_left},
    {K_RIGHT, MOD_CTRL, doc_move_word_right},
    {K_HOME, 0, doc_move_home},
    {K_END, 0, doc_move_end},
    {K_PGUP, 0, doc_move_page_up},
    {K_PGDN, 0, doc_move_page_down},
    {K_HOME, MOD_CTRL, doc_move_doc_start},
    {K_END, MOD_CTRL, doc_move_doc_end},
};

static bool run_motion(struct doc *d, struct key k)
{
    for (size_t i = 0; i < sizeof motions / sizeof motions[0]; i++) {
        if (motions[i].code == k.code && motions[i].mods == (k.mods & ~MOD_SHIFT)) {
            motions[i].fn(d, (k.mods & MOD_SHIFT) != 0);
            return true;
        }
    }
    return false;
}

static bool check_writable(struct doc *d)
{
    if (!d->readonly)
        return true;
    app_message(true, "%s is read-only", d->name);
    return false;
}

void editor_copy(bool cut)
{
    struct doc *d = app_doc();
    if (!d)
        return;
    size_t len;
    char *text = doc_selected_text(d, &len);
    if (!text) {
        /* Nothing selected: copy (or cut) the whole line, as most editors do. */
        size_t ll;
        const char *line = buffer_line(d->buf, d->cursor.line, &ll);
        text = xasprintf("%.*s\n", (int)ll, line);
        len = ll + 1;
        if (cut && check_writable(d)) {
            struct pos from = {d->cursor.line, 0}, to = {d->cursor.line + 1, 0};
            if (to.line >= d->buf->nlines)
                to = (struct pos){d->cursor.line, ll};
            buffer_undo_boundary(d->buf);
            buffer_delete(d->buf, from, to);
            buffer_undo_boundary(d->buf);
            doc_set_cursor(d, from, false);
        }
    } else if (cut && check_writable(d)) {
        doc_delete_selection(d);
    }
    clipboard_set(text, len);
    char *osc = clipboard_osc52(text, len);
    if (osc) {
        fputs(osc, stdout);
        fflush(stdout);
        free(osc);
    }
    free(text);
    app_message(false, "%s %zu bytes", cut ? "cut" : "copied", len);
}

static void ed_copy(void)
{
    editor_copy(false);
}

static void ed_cut(void)
{
    editor_copy(true);
}

static void ed_paste(void)
{
    size_t len;
    const char *text = clipboard_get(&len);
    if (text)
        editor_paste(text, len);
    else
        app_message(false, "the clipboard is empty (copy with Ctrl-C)");
}

void editor_paste(const char *text, size_t len)
{
    struct doc *d = app_doc();
    if (!d || !check_writable(d))
        return;
    doc_paste(d, text, len);
}

#define DOC_ACTION(name, call, writes)                                                             \
    static void name(void)                                                                         \
    {                                                                                              \
        struct doc *d = app_doc();                                                                 \
        if (!d || ((writes) && !check_writable(d)))                                                \
            return;                                                                                \
        call;                                                                                      \
    }

DOC_ACTION(ed_undo, if (!doc_undo(d)) app_message(false, "nothing to undo"), true)
DOC_ACTION(ed_redo, if (!doc_redo(d)) app_message(false, "nothing to redo"), true)
DOC_ACTION(ed_backspace, doc_backspace(d), true)
DOC_ACTION(ed_delete, doc_delete(d), true)
DOC_ACTION(ed_newline, doc_newline(d), true)
DOC_ACTION(ed_tab, doc_tab(d), true)
DOC_ACTION(ed_backtab, doc_backtab(d), true)
DOC_ACTION(ed_select_all, doc_select_all(d), false)

static void ed_escape(void)
{
    struct doc *d = app_doc();
    if (d)
        doc_clear_selection(d);
    free(app.find_needle);
    app.find_needle = NULL;
    app.message[0] = '\0';
}

static void ed_delete_line(void)
{
    struct doc *d = app_doc();
    if (!d || !check_writable(d))
        return;
    size_t ll;
    buffer_line(d->buf, d->cursor.line, &ll);
    struct pos from = {d->cursor.line, 0}, to = {d->cursor.line + 1, 0};
    if (to.line >= d->buf->nlines) {
        /* The last line: take the break before it instead, if there is one. */
        to = (struct pos){d->cursor.line, ll};
        if (from.line > 0) {
            size_t pl;
            buffer_line(d->buf, from.line - 1, &pl);
            from = (struct pos){from.line - 1, pl};
        }
    }
    buffer_undo_boundary(d->buf);
    buffer_delete(d->buf, from, to);
    buffer_undo_boundary(d->buf);
    doc_set_cursor(d, (struct pos){from.line, 0}, false);
}

const struct binding editor_bindings[] = {
    {'z', MOD_CTRL, ed_undo, "undo"},
    {'y', MOD_CTRL, ed_redo, "redo"},
    {'z', MOD_CTRL | MOD_SHIFT, ed_redo, NULL},
    {'c', MOD_CTRL, ed_copy, "copy (the line when nothing is selected)"},
    {'x', MOD_CTRL, ed_cut, "cut (the line when nothing is selected)"},
    {'v', MOD_CTRL, ed_paste, "paste"},
    {'a', MOD_CTRL, ed_select_all, "select all"},
    {'k', MOD_CTRL, ed_delete_line, "delete the line"},
    {K_BACKSPACE, 0, ed_backspace, "delete back"},
    {'h', MOD_CTRL, ed_backspace, NULL},
    {K_DEL, 0, ed_delete, "delete forward"},
    {K_ENTER, 0, ed_newline, "new line, indented like this one"},
    {K_TAB, 0, ed_tab, "indent (the selected lines)"},
    {K_TAB, MOD_SHIFT, ed_backtab, "outdent"},
    {K_ESC, 0, ed_escape, "clear the selection and search highlight"},
};
const size_t neditor_bindings = sizeof editor_bindings / sizeof editor_bindings[0];

void editor_key(struct key k)
{
    struct doc *d = app_doc();
    if (!d)
        return;
    if (run_motion(d, k))
        return;
    if (bindings_dispatch(editor_bindings, neditor_bindings, k))
        return;
    if (k.code > 0 && k.code < K_BASE && k.code >= 32 && !(k.mods & (MOD_CTRL | MOD_ALT))) {
        if (!check_writable(d))
            return;
        char buf[4];
        int n = utf8_encode(k.code, buf);
        if (n > 0)
            doc_type(d, buf, (size_t)n);
    }
}

void editor_mouse(int y, int x, int kind, int mods)
{
    struct doc *d = app_doc();
    if (!d)
        return;
    struct rect r = app.layout.editor;
    if (kind == MOUSE_WHEEL_UP || kind == MOUSE_WHEEL_DOWN) {
        doc_scroll(d, kind == MOUSE_WHEEL_UP ? -3 : 3);
        return;
    }
    if (kind != MOUSE_PRESS)
        return;
    app.focus = FOCUS_EDITOR;
    int gw = gutter_width(d);
    size_t line = d->top + (size_t)(y - r.y);
    if (line >= d->buf->nlines)
        line = d->buf->nlines - 1;
    size_t len;
    const char *s = buffer_line(d->buf, line, &len);
    size_t cx = x - r.x >= gw ? (size_t)(x - r.x - gw) + d->left : d->left;
    size_t col = utf8_x_to_col(s, len, cx, d->tab_width);
    /* Shift-click extends the selection to the click. */
    doc_set_cursor(d, (struct pos){line, col}, (mods & MOD_SHIFT) != 0);
}

/* ---- find and go to line ------------------------------------------------------------------ */

static void find_change(struct prompt *p, const char *text)
{
    struct doc *d = app_doc();
    free(app.find_needle);
    app.find_needle = text[0] ? xstrdup(text) : NULL;
    if (!d || !text[0])
        return;
    bool wrapped;
    if (!doc_find(d, text, app.find_origin, false, &wrapped))
        app_message(true, "not found: %s", text);
    else
        app.message[0] = '\0';
}

/* Esc gives up the search: back to where it started, highlight gone. */
static void find_cancel(struct prompt *p, const char *text)
{
    struct doc *d = app_doc();
    free(app.find_needle);
    app.find_needle = NULL;
    if (d)
        doc_set_cursor(d, app.find_origin, false);
    app.message[0] = '\0';
}

static void find_submit(struct prompt *p, const char *text)
{
    /* A failed search keeps its "not found" message. */
    if (text[0] && !(app.message[0] && app.message_error))
        app_message(false, "F3 next match, Shift-F3 previous, Esc clears the highlight");
}

void editor_find_start(void)
{
    struct doc *d = app_doc();
    if (!d)
        return;
    struct pos from, to;
    char *initial = NULL;
    if (doc_selection(d, &from, &to) && from.line == to.line) {
        size_t len;
        initial = doc_selected_text(d, &len);
        app.find_origin = from;
    } else {
        app.find_origin = d->cursor;
    }
    prompt_open("find: ", initial ? initial : (app.find_needle ? app.find_needle : ""), find_submit,
                find_change, NULL);
    app.prompt.cancel = find_cancel;
    free(initial);
}

static void find_step(bool backward)
{
    struct doc *d = app_doc();
    if (!d)
        return;
    if (!app.find_needle) {
        editor_find_start();
        return;
    }
    struct pos from, to;
    struct pos start = d->cursor;
    if (doc_selection(d, &from, &to))
        start = backward ? from : to;
    bool wrapped = false;
    if (!doc_find(d, app.find_needle, start, backward, &wrapped))
        app_message(true, "not found: %s", app.find_needle);
    else if (wrapped)
        app_message(false, "search wrapped around");
    else
        app.message[0] = '\0';
}

void editor_find_next(void)
{
    find_step(false);
}

void editor_find_prev(void)
{
    find_step(true);
}

static void goto_submit(struct prompt *p, const char *text)
{
    struct doc *d = app_doc();
    char *end;
    long n = strtol(text, &end, 10);
    if (!d || text[0] == '\0')
        return;
    if (*end != '\0' || n < 1) {
        app_message(true, "go to line: '%s' is not a line number (type 1 to %zu)", text,
                    d->buf->nlines);
        return;
    }
    doc_goto_line(d, (size_t)n);
}

void editor_goto_start(void)
{
    if (app_doc())
        prompt_open("go to line: ", "", goto_submit, NULL, NULL);
}
