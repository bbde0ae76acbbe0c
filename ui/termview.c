/* termview.c — the terminal pane: its tabs (each a struct term running a shell in the
 * workspace), the tab bar, the cells drawn in the theme's terminal palette, and its part of
 * the event loop (the PTY descriptors, reads in bounded slices so a flood never starves the
 * keyboard). Keys and copy mode are termkeys.c's. */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "app.h"
#include "draw.h"
#include "term.h"
#include "utf8.h"
#include "xalloc.h"

/* At most this much of one program's output is read per loop pass. */
#define TERM_READ_SLICE (64 * 1024)
#define TERM_MIN_HEIGHT 4

int termview_height(void)
{
    if (!app.term_open)
        return 0;
    /* Unless `term height N` fixed it, a third of the screen, following its size. */
    if (app.term_height > 0)
        return app.term_height;
    return app.rows / 3 > 8 ? app.rows / 3 : 8;
}

struct term_tab *termview_current(void)
{
    return app.nterms ? &app.terms[app.cur_term] : NULL;
}

static void pane_size(int *rows, int *cols)
{
    *rows = app.layout.term.h - 1;
    *cols = app.layout.term.w;
    if (*rows < 1)
        *rows = 1;
    if (*cols < 1)
        *cols = 1;
}

static void spawn(struct term_tab *tab)
{
    int rows, cols;
    pane_size(&rows, &cols);
    if (!tab->term)
        tab->term = term_new(rows, cols, TERM_SCROLLBACK_DEFAULT);
    char *sandbox = xasprintf("SHED_SANDBOX=%s", app.tree.root_name);
    char *env[] = {sandbox, NULL};
    char err[512];
    tab->exited = false;
    tab->status = 0;
    if (term_spawn(tab->term, app.root, NULL, env, err, sizeof err) != 0) {
        app_message(true, "%s", err);
        tab->exited = true;
        tab->status = 127 << 8;
    }
    free(sandbox);
}

/* The pane must exist in the layout before a terminal is sized to it. */
static void open_pane(void)
{
    if (app.term_open)
        return;
    app.term_open = true;
    layout_compute(&app.layout, app.rows, app.cols, app.tree_hidden, app.cfg.tree_width,
                   termview_height());
}

void termview_new_tab(void)
{
    open_pane();
    xgrow((void **)&app.terms, &app.terms_cap, app.nterms + 1, sizeof *app.terms);
    struct term_tab *tab = &app.terms[app.nterms];
    memset(tab, 0, sizeof *tab);
    app.nterms++;
    app.cur_term = app.nterms - 1;
    memset(&app.tview, 0, sizeof app.tview);
    spawn(tab);
    app.focus = FOCUS_TERM;
}

void termview_focus(void)
{
    open_pane();
    if (app.nterms == 0)
        termview_new_tab();
    app.focus = FOCUS_TERM;
}

void termview_toggle(void)
{
    if (app.focus == FOCUS_TERM) {
        app.focus = FOCUS_EDITOR;
        return;
    }
    termview_focus();
}

void termview_close_tab(void)
{
    struct term_tab *tab = termview_current();
    if (!tab)
        return;
    term_free(tab->term);
    memmove(tab, tab + 1, (app.nterms - app.cur_term - 1) * sizeof *tab);
    app.nterms--;
    if (app.cur_term >= app.nterms && app.nterms > 0)
        app.cur_term = app.nterms - 1;
    memset(&app.tview, 0, sizeof app.tview);
    if (app.nterms == 0) {
        app.cur_term = 0;
        app.term_open = false;
        if (app.focus == FOCUS_TERM)
            app.focus = FOCUS_EDITOR;
    }
}

void termview_cycle(int dir)
{
    if (app.nterms < 2)
        return;
    app.cur_term = (app.cur_term + (dir > 0 ? 1 : app.nterms - 1)) % app.nterms;
    memset(&app.tview, 0, sizeof app.tview);
}

void termview_restart(void)
{
    struct term_tab *tab = termview_current();
    if (!tab || !tab->exited)
        return;
    term_free(tab->term);
    tab->term = NULL;
    spawn(tab);
}

void termview_layout(void)
{
    int rows, cols;
    if (!app.term_open)
        return;
    pane_size(&rows, &cols);
    for (size_t i = 0; i < app.nterms; i++) {
        struct term *t = app.terms[i].term;
        if (t && (term_rows(t) != rows || term_cols(t) != cols))
            term_resize(t, rows, cols);
    }
}

int termview_pollfds(struct pollfd *fds, int max)
{
    int n = 0;
    for (size_t i = 0; i < app.nterms && n < max; i++) {
        struct term_tab *tab = &app.terms[i];
        int fd = tab->term ? term_fd(tab->term) : -1;
        /* Input the program has not taken yet waits for the PTY to drain (POLLOUT). */
        short events = POLLIN | (term_output_pending(tab->term) ? POLLOUT : 0);
        if (fd >= 0 && !tab->exited)
            fds[n++] = (struct pollfd){fd, events, 0};
    }
    return n;
}

bool termview_read(bool *more)
{
    bool changed = false;
    *more = false;
    for (size_t i = 0; i < app.nterms; i++) {
        struct term_tab *tab = &app.terms[i];
        if (!tab->term || tab->exited)
            continue;
        ssize_t n = term_read(tab->term, TERM_READ_SLICE);
        if (n == TERM_READ_SLICE)
            *more = true; /* a flood: come back after the keyboard had its turn */
        if (n < 0 && term_exited(tab->term, &tab->status)) {
            tab->exited = true;
            changed = true;
        } else if (n < 0) {
            *more = true; /* closed but not reaped yet: look again */
        }
        bool bell = false;
        if (term_take_damage(tab->term, &bell) && i == app.cur_term)
            changed = true;
        if (bell && i == app.cur_term)
            beep();
    }
    return changed;
}

void termview_free_all(void)
{
    for (size_t i = 0; i < app.nterms; i++)
        term_free(app.terms[i].term);
    free(app.terms);
    app.terms = NULL;
    app.nterms = app.terms_cap = 0;
}

/* ---- drawing ----------------------------------------------------------------------------- */

static struct color map_color(struct term_color c, bool fg)
{
    struct color out = {COLOR_DEFAULT, 0};
    switch (c.kind) {
    case TERM_COLOR_DEFAULT:
        if (app.theme.has_palette)
            out = fg ? app.theme.term_fg : app.theme.term_bg;
        break;
    case TERM_COLOR_INDEX:
        if (c.index < 16 && app.theme.has_palette)
            out = app.theme.palette[c.index];
        else
            out = (struct color){COLOR_INDEX, c.index};
        break;
    case TERM_COLOR_RGB:
        out = (struct color){COLOR_RGB, (uint32_t)c.r << 16 | (uint32_t)c.g << 8 | c.b};
        break;
    }
    return out;
}

static struct ink cell_ink(const struct term_cell *c, bool selected)
{
    attr_t a = A_NORMAL;
    if (c->attrs & TERM_BOLD)
        a |= A_BOLD;
    if (c->attrs & TERM_ITALIC)
        a |= A_ITALIC;
    if (c->attrs & TERM_UNDERLINE)
        a |= A_UNDERLINE;
    if (c->attrs & TERM_DIM)
        a |= A_DIM;
    if (c->attrs & TERM_BLINK)
        a |= A_BLINK;
    if (((c->attrs & TERM_REVERSE) != 0) != selected)
        a |= A_REVERSE;
    return draw_colors(a, map_color(c->fg, true), map_color(c->bg, false));
}

static bool in_selection(int row, int col)
{
    const struct term_view *v = &app.tview;
    if (!v->copying || !v->selecting)
        return false;
    int r1 = v->anchor_row, c1 = v->anchor_col, r2 = v->cur_row, c2 = v->cur_col;
    if (r1 > r2 || (r1 == r2 && c1 > c2)) {
        int tr = r1, tc = c1;
        r1 = r2, c1 = c2, r2 = tr, c2 = tc;
    }
    if (row < r1 || row > r2)
        return false;
    if (row == r1 && col < c1)
        return false;
    return !(row == r2 && col > c2);
}

static void draw_tabs(struct rect r)
{
    draw_fill((struct rect){r.y, r.x, 1, r.w}, draw_ui(UI_STATUS_DIM));
    int x = r.x;
    for (size_t i = 0; i < app.nterms && x < r.x + r.w; i++) {
        struct term_tab *tab = &app.terms[i];
        const char *title = tab->term ? term_title(tab->term) : "";
        char label[128];
        if (tab->exited)
            snprintf(label, sizeof label, " %zu: [exited %d] ", i + 1,
                     WIFEXITED(tab->status) ? WEXITSTATUS(tab->status)
                                            : 128 + WTERMSIG(tab->status));
        else
            snprintf(label, sizeof label, " %zu: %.60s ", i + 1, title[0] ? title : "shell");
        bool cur = i == app.cur_term;
        struct ink k = draw_ui(cur ? (app.focus == FOCUS_TERM ? UI_PICKER_SELECTED : UI_STATUS)
                                   : UI_STATUS_DIM);
        x += draw_str(r.y, x, r.x + r.w - x, label, k);
        x += draw_str(r.y, x, r.x + r.w - x, "│", draw_ui(UI_STATUS_DIM));
    }
    const char *hint = app.tview.copying ? " copy: arrows move, v selects, Enter copies, Esc leaves "
                                         : " Ctrl-T leaves ";
    int hw = draw_width(hint, strlen(hint));
    if (x + hw < r.x + r.w && (app.focus == FOCUS_TERM || app.tview.copying))
        draw_str(r.y, r.x + r.w - hw, hw, hint, draw_ui(UI_STATUS_DIM));
}

static void draw_cells(struct term_tab *tab, struct rect r)
{
    struct term_cell c;
    for (int y = 0; y < r.h; y++) {
        int row = y - (int)app.tview.scroll;
        for (int x = 0; x < r.w; x++) {
            if (!term_cell(tab->term, row, x, &c)) {
                memset(&c, 0, sizeof c);
                c.width = 1;
            }
            if (c.width == 0)
                continue; /* the right half of a wide character */
            struct ink k = cell_ink(&c, in_selection(row, x));
            if (!c.chars[0] || (c.width == 2 && x + 1 >= r.w)) {
                draw_cell(r.y + y, r.x + x, ' ', k);
                continue;
            }
            char utf8[TERM_MAX_CHARS * 4];
            size_t n = 0;
            for (int i = 0; i < TERM_MAX_CHARS && c.chars[i]; i++) {
                int w = utf8_encode((int32_t)c.chars[i], utf8 + n);
                n += w > 0 ? (size_t)w : 0;
            }
            int cells;
            draw_glyph(r.y + y, r.x + x, utf8, n, k, &cells);
        }
    }
}

void termview_draw(void)
{
    struct rect r = app.layout.term;
    struct term_tab *tab = termview_current();
    if (r.h <= 0 || !tab)
        return;
    draw_tabs(r);
    struct rect body = {r.y + 1, r.x, r.h - 1, r.w};
    draw_fill(body, draw_colors(A_NORMAL, map_color((struct term_color){0}, true),
                                map_color((struct term_color){0}, false)));
    if (!tab->term)
        return;
    draw_cells(tab, body);
    if (tab->exited) {
        char msg[128];
        snprintf(msg, sizeof msg, "[exited %d] Enter starts a new shell, Ctrl-T leaves",
                 WIFEXITED(tab->status) ? WEXITSTATUS(tab->status)
                                        : 128 + WTERMSIG(tab->status));
        draw_fill((struct rect){body.y + body.h - 1, body.x, 1, body.w}, draw_ui(UI_STATUS));
        draw_str(body.y + body.h - 1, body.x + 1, body.w - 1, msg, draw_ui(UI_STATUS));
    }
    if (app.focus != FOCUS_TERM || app.overlay != OVERLAY_NONE)
        return;
    int crow, ccol;
    bool visible;
    if (app.tview.copying) {
        crow = app.tview.cur_row;
        ccol = app.tview.cur_col;
        visible = true;
    } else {
        term_cursor(tab->term, &crow, &ccol, &visible);
    }
    int y = crow + (int)app.tview.scroll;
    if (visible && !tab->exited && y >= 0 && y < body.h && ccol < body.w) {
        app.cur_y = body.y + y;
        app.cur_x = body.x + ccol;
        app.cur_visible = true;
    }
}
