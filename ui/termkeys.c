/* termkeys.c — input for the terminal pane. Every key goes to the program, encoded as a
 * terminal would send it, except Ctrl-T (back to the editor) and Shift-PgUp, which opens the
 * scrollback in copy mode: arrows move a cursor over history, v starts a selection, Enter
 * copies it (through the same clipboard as the editor, OSC 52 included), Esc returns. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "clipboard.h"
#include "term.h"

struct key_map {
    int code;
    enum term_key key;
};

static const struct key_map key_map[] = {
    {K_ENTER, TERM_KEY_ENTER}, {K_TAB, TERM_KEY_TAB},     {K_BACKSPACE, TERM_KEY_BACKSPACE},
    {K_ESC, TERM_KEY_ESCAPE},  {K_UP, TERM_KEY_UP},       {K_DOWN, TERM_KEY_DOWN},
    {K_LEFT, TERM_KEY_LEFT},   {K_RIGHT, TERM_KEY_RIGHT}, {K_INS, TERM_KEY_INS},
    {K_DEL, TERM_KEY_DEL},     {K_HOME, TERM_KEY_HOME},   {K_END, TERM_KEY_END},
    {K_PGUP, TERM_KEY_PGUP},   {K_PGDN, TERM_KEY_PGDN},
};

static int term_mods(int mods)
{
    return (mods & MOD_SHIFT ? TERM_MOD_SHIFT : 0) | (mods & MOD_ALT ? TERM_MOD_ALT : 0) |
           (mods & MOD_CTRL ? TERM_MOD_CTRL : 0);
}

static void send_key(struct term *t, struct key k)
{
    for (size_t i = 0; i < sizeof key_map / sizeof key_map[0]; i++) {
        if (key_map[i].code == k.code) {
            term_key(t, key_map[i].key, term_mods(k.mods));
            return;
        }
    }
    if (k.code > K_F0 && k.code <= K_F(12)) {
        term_key(t, (enum term_key)(TERM_KEY_F0 + (k.code - K_F0)), term_mods(k.mods));
        return;
    }
    if (k.code >= 0 && k.code < K_BASE)
        term_text(t, (uint32_t)k.code, term_mods(k.mods));
}

/* ---- scrollback and copy mode ------------------------------------------------------------ */

static int view_rows(void)
{
    int h = app.layout.term.h - 1;
    return h > 0 ? h : 1;
}

static long max_scroll(struct term *t)
{
    return (long)term_scrollback_count(t);
}

static void leave_copy(void)
{
    memset(&app.tview, 0, sizeof app.tview);
}

/* Keeps the copy cursor inside history and on screen, scrolling the view to it. */
static void clamp_cursor(struct term *t)
{
    struct term_view *v = &app.tview;
    int top = -(int)max_scroll(t), bottom = term_rows(t) - 1;
    if (v->cur_row < top)
        v->cur_row = top;
    if (v->cur_row > bottom)
        v->cur_row = bottom;
    if (v->cur_col < 0)
        v->cur_col = 0;
    if (v->cur_col >= term_cols(t))
        v->cur_col = term_cols(t) - 1;
    /* Visible rows are -scroll .. -scroll + view_rows - 1. */
    if (v->cur_row < -v->scroll)
        v->scroll = -v->cur_row;
    if (v->cur_row > -v->scroll + view_rows() - 1)
        v->scroll = view_rows() - 1 - v->cur_row;
    if (v->scroll < 0)
        v->scroll = 0;
    if (v->scroll > max_scroll(t))
        v->scroll = max_scroll(t);
}

static void enter_copy(struct term *t)
{
    struct term_view *v = &app.tview;
    int row, col;
    bool visible;
    term_cursor(t, &row, &col, &visible);
    v->copying = true;
    v->cur_row = row - view_rows();
    v->cur_col = col;
    v->scroll = view_rows();
    clamp_cursor(t);
}

static void copy_selection(struct term *t)
{
    struct term_view *v = &app.tview;
    int r1 = v->cur_row, c1 = 0, r2 = v->cur_row, c2 = term_cols(t) - 1;
    if (v->selecting) {
        r1 = v->anchor_row, c1 = v->anchor_col, r2 = v->cur_row, c2 = v->cur_col;
        if (r1 > r2 || (r1 == r2 && c1 > c2)) {
            int tr = r1, tc = c1;
            r1 = r2, c1 = c2, r2 = tr, c2 = tc;
        }
    }
    size_t len;
    char *text = term_text_range(t, r1, c1, r2, c2, &len);
    clipboard_set(text, len);
    char *osc = clipboard_osc52(text, len);
    if (osc) {
        fputs(osc, stdout);
        fflush(stdout);
        free(osc);
    }
    free(text);
    app_message(false, "copied %zu bytes from the terminal", len);
    leave_copy();
}

static void copy_key(struct term *t, struct key k)
{
    struct term_view *v = &app.tview;
    int page = view_rows() - 1 > 0 ? view_rows() - 1 : 1;
    switch (k.code) {
    case K_ESC:
    case 'q':
        leave_copy();
        return;
    case K_UP:
        v->cur_row--;
        break;
    case K_DOWN:
        v->cur_row++;
        break;
    case K_LEFT:
        v->cur_col--;
        break;
    case K_RIGHT:
        v->cur_col++;
        break;
    case K_PGUP:
        v->cur_row -= page;
        break;
    case K_PGDN:
        v->cur_row += page;
        break;
    case K_HOME:
        v->cur_row = k.mods & MOD_CTRL ? -(int)max_scroll(t) : v->cur_row;
        v->cur_col = 0;
        break;
    case K_END:
        v->cur_row = k.mods & MOD_CTRL ? term_rows(t) - 1 : v->cur_row;
        v->cur_col = term_cols(t) - 1;
        break;
    case 'v':
    case ' ':
        v->selecting = !v->selecting;
        v->anchor_row = v->cur_row;
        v->anchor_col = v->cur_col;
        return;
    case K_ENTER:
    case 'y':
        copy_selection(t);
        return;
    default:
        if (k.code == 'c' && k.mods == MOD_CTRL)
            copy_selection(t);
        return;
    }
    clamp_cursor(t);
}

/* ---- entry points ------------------------------------------------------------------------- */

bool termview_key(struct key k)
{
    if (k.code == 't' && k.mods == MOD_CTRL)
        return false;
    struct term_tab *tab = termview_current();
    if (!tab || !tab->term)
        return true;
    if (app.tview.copying) {
        copy_key(tab->term, k);
        return true;
    }
    if (k.code == K_PGUP && k.mods == MOD_SHIFT) {
        enter_copy(tab->term);
        return true;
    }
    if (k.code == K_PGDN && k.mods == MOD_SHIFT)
        return true; /* already at the live screen */
    if (tab->exited) {
        if (k.code == K_ENTER)
            termview_restart();
        return true;
    }
    send_key(tab->term, k);
    return true;
}

void termview_paste(const char *text, size_t len)
{
    struct term_tab *tab = termview_current();
    if (tab && tab->term && !tab->exited && !app.tview.copying)
        term_paste(tab->term, text, len);
}

void termview_mouse(int y, int x, int kind)
{
    struct term_tab *tab = termview_current();
    if (!tab || !tab->term)
        return;
    if (kind == MOUSE_PRESS) {
        app.focus = FOCUS_TERM;
        return;
    }
    if (kind != MOUSE_WHEEL_UP && kind != MOUSE_WHEEL_DOWN)
        return;
    struct term_view *v = &app.tview;
    v->scroll += kind == MOUSE_WHEEL_UP ? 3 : -3;
    if (v->scroll > max_scroll(tab->term))
        v->scroll = max_scroll(tab->term);
    if (v->scroll <= 0) {
        leave_copy();
        return;
    }
    /* Scrolled back: copy mode, with its cursor on the top row shown. */
    v->copying = true;
    v->cur_row = -(int)v->scroll;
    v->cur_col = 0;
}
