/* editor.c — the editor pane's input: turns keys, pastes and clicks into doc_* calls, and runs
 * find and go to line. The editing behaviour itself lives in src/doc*.c; editor_view.c paints
 * the pane. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "bindings.h"
#include "clipboard.h"
#include "draw.h"
#include "syntax.h"
#include "utf8.h"
#include "xalloc.h"

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

/* ---- syntax-aware editing ----------------------------------------------------------------- */

/* Alt-Up grows the selection to the enclosing syntax node; Alt-Down walks back through the
 * selections it grew from, as long as nothing else changed them. */
static struct {
    const struct doc *doc;
    uint64_t version;
    struct pos from[64], to[64]; /* earlier selections, oldest first */
    int n;
    struct pos cur_from, cur_to; /* the selection the last grow made */
} grow;

static bool grow_valid(const struct doc *d, struct pos from, struct pos to)
{
    return grow.doc == d && grow.version == d->buf->version && grow.n > 0 &&
           pos_cmp(grow.cur_from, from) == 0 && pos_cmp(grow.cur_to, to) == 0;
}

static void select_range(struct doc *d, struct pos from, struct pos to)
{
    doc_set_cursor(d, from, false);
    if (pos_cmp(from, to) != 0)
        doc_set_cursor(d, to, true);
}

static void ed_grow(void)
{
    struct doc *d = app_doc();
    if (!d)
        return;
    if (!d->syntax || !syntax_ready(d->syntax)) {
        app_message(false, "no syntax tree for %s: selection by node needs a known language",
                    d->name);
        return;
    }
    struct pos from, to, nf, nt;
    if (!doc_selection(d, &from, &to))
        from = to = d->cursor;
    if (!syntax_grow(d->syntax, from, to, &nf, &nt))
        return;
    if (!grow_valid(d, from, to)) {
        grow.doc = d;
        grow.version = d->buf->version;
        grow.n = 0;
    }
    if (grow.n < 64) {
        grow.from[grow.n] = from;
        grow.to[grow.n] = to;
        grow.n++;
    }
    grow.cur_from = nf;
    grow.cur_to = nt;
    select_range(d, nf, nt);
}

static void ed_shrink(void)
{
    struct doc *d = app_doc();
    struct pos from, to;
    if (!d || !doc_selection(d, &from, &to) || !grow_valid(d, from, to))
        return;
    grow.n--;
    grow.cur_from = grow.from[grow.n];
    grow.cur_to = grow.to[grow.n];
    select_range(d, grow.cur_from, grow.cur_to);
}

static void ed_comment(void)
{
    struct doc *d = app_doc();
    if (!d || !check_writable(d))
        return;
    if (!d->lang || !d->lang->comment) {
        app_message(false, "%s: no comment syntax known for this file type", d->name);
        return;
    }
    doc_toggle_comment(d, d->lang->comment, d->lang->comment_end);
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
    {'/', MOD_CTRL, ed_comment, "comment / uncomment the line or selected lines"},
    {K_UP, MOD_ALT, ed_grow, "select the enclosing syntax node (again: grow)"},
    {K_DOWN, MOD_ALT, ed_shrink, "shrink the selection back"},
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
    if (key_is_text(k)) {
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
    int gw = editor_gutter_width(d);
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
