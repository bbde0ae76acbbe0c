/* draw.c — styles and text for every pane, and the one function that paints the screen.
 *
 * Colour: truecolour themes are mapped to the terminal's palette (256, 16 or 8 colours) by
 * color_to_index; pairs come from alloc_pair, which reuses an existing pair for the same
 * colours. Without colour (NO_COLOR, or a terminal without colours) each element gets a fixed
 * attribute so the screen stays usable: reverse video marks the selection and the cursor line
 * number. */
#include "draw.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "app.h"
#include "utf8.h"

static struct ink ui_ink[UI_COUNT];

/* The monochrome fallbacks. */
static const attr_t mono_attr[UI_COUNT] = {
    [UI_GUTTER] = A_DIM,
    [UI_GUTTER_CURRENT] = A_REVERSE,
    [UI_SELECTION] = A_REVERSE,
    [UI_SEARCH_MATCH] = A_UNDERLINE | A_BOLD,
    [UI_SEARCH_CURRENT] = A_REVERSE | A_BOLD,
    [UI_INVALID] = A_BOLD | A_UNDERLINE,
    [UI_TREE_DIR] = A_BOLD,
    [UI_TREE_SELECTED] = A_REVERSE,
    [UI_TREE_OPEN] = A_UNDERLINE,
    [UI_STATUS] = A_REVERSE,
    [UI_STATUS_DIM] = A_REVERSE | A_DIM,
    [UI_ERROR] = A_BOLD | A_REVERSE,
    [UI_PROMPT] = A_BOLD,
    [UI_PICKER] = A_NORMAL,
    [UI_PICKER_SELECTED] = A_REVERSE,
    [UI_PICKER_MATCH] = A_BOLD | A_UNDERLINE,
    [UI_DIFF_ADDED] = A_BOLD,
    [UI_DIFF_REMOVED] = A_DIM,
};

static attr_t style_attrs(const struct style *s)
{
    attr_t a = A_NORMAL;
    if (s->attrs & THEME_BOLD)
        a |= A_BOLD;
    if (s->attrs & THEME_ITALIC)
        a |= A_ITALIC;
    if (s->attrs & THEME_UNDERLINE)
        a |= A_UNDERLINE;
    if (s->attrs & THEME_REVERSE)
        a |= A_REVERSE;
    if (s->attrs & THEME_DIM)
        a |= A_DIM;
    return a;
}

static int term_color(struct color c)
{
    return app.direct ? color_to_direct(c) : color_to_index(c, COLORS);
}

static struct ink make_ink(attr_t attr, struct color fg, struct color bg)
{
    struct ink k = {attr, 0};
    int f = term_color(fg), b = term_color(bg);
    if (f >= 0 || b >= 0) {
        int pair = alloc_pair(f, b);
        k.pair = pair > 0 ? pair : 0;
    }
    return k;
}

void draw_init_styles(void)
{
    for (int e = 0; e < UI_COUNT; e++) {
        if (!app.color) {
            ui_ink[e] = (struct ink){mono_attr[e], 0};
            continue;
        }
        const struct style *s = &app.theme.ui[e];
        ui_ink[e] = make_ink(style_attrs(s), s->fg, s->bg);
    }
}

struct ink draw_ui(enum theme_ui e)
{
    return ui_ink[e];
}

struct ink draw_mix(enum theme_ui fg, enum theme_ui bg)
{
    if (!app.color)
        return (struct ink){mono_attr[fg] | (bg == UI_SELECTION ? A_REVERSE : 0), 0};
    const struct style *f = &app.theme.ui[fg], *b = &app.theme.ui[bg];
    return make_ink(style_attrs(f), f->fg, b->bg);
}

struct ink draw_over(const struct style *fg, enum theme_ui bg)
{
    if (!app.color)
        return draw_ui(bg);
    const struct style *b = &app.theme.ui[bg];
    /* A capture that leaves out a colour takes it from what lies underneath. */
    struct color f = fg->fg.kind == COLOR_DEFAULT ? b->fg : fg->fg;
    struct color bgc = fg->bg.kind == COLOR_DEFAULT ? b->bg : fg->bg;
    return make_ink(style_attrs(fg) | style_attrs(b), f, bgc);
}

struct ink draw_colors(attr_t attr, struct color fg, struct color bg)
{
    if (!app.color)
        return (struct ink){attr, 0};
    return make_ink(attr, fg, bg);
}

struct ink ink_with(struct ink k, attr_t extra)
{
    k.attr |= extra;
    return k;
}

void draw_cell(int y, int x, int cp, struct ink k)
{
    cchar_t cc;
    wchar_t wc[2] = {0, 0};
    wc[0] = cp == UTF8_INVALID ? 0xFFFD : (wchar_t)cp;
    setcchar(&cc, wc, k.attr, 0, &k.pair);
    mvadd_wch(y, x, &cc);
}

size_t draw_glyph(int y, int x, const char *s, size_t len, struct ink k, int *cells)
{
    int32_t cp;
    size_t i = (size_t)utf8_decode(s, len, &cp);
    if (cp == UTF8_INVALID) {
        draw_cell(y, x, UTF8_INVALID, draw_ui(UI_INVALID));
        *cells = 1;
        return i;
    }
    if (cp < 32 || cp == 127) {
        struct ink ia = ink_with(k, draw_ui(UI_INVALID).attr);
        draw_cell(y, x, '^', ia);
        draw_cell(y, x + 1, cp == 127 ? '?' : cp + '@', ia);
        *cells = 2;
        return i;
    }
    /* The base character and the marks that combine with it share one cchar. */
    wchar_t wc[CCHARW_MAX + 1];
    int n = 0;
    wc[n++] = (wchar_t)cp;
    while (i < len) {
        int32_t mark;
        int step = utf8_decode(s + i, len - i, &mark);
        if (mark == UTF8_INVALID || utf8_cell_width(mark) != 0 || mark < 32)
            break;
        if (n < CCHARW_MAX)
            wc[n++] = (wchar_t)mark;
        i += (size_t)step;
    }
    wc[n] = 0;
    *cells = utf8_cell_width(cp);
    if (*cells == 0) {
        /* A mark with nothing before it: show it on a space so it stays visible. */
        memmove(wc + 1, wc, (size_t)(n + 1) * sizeof *wc);
        wc[0] = ' ';
        *cells = 1;
    }
    cchar_t cc;
    setcchar(&cc, wc, k.attr, 0, &k.pair);
    mvadd_wch(y, x, &cc);
    return i;
}

int draw_text(int y, int x, int w, const char *s, size_t len, struct ink k)
{
    int used = 0;
    size_t i = 0;
    while (i < len && used < w) {
        int32_t cp;
        utf8_decode(s + i, len - i, &cp);
        if (cp == '\t') {
            draw_cell(y, x + used, ' ', k);
            used++;
            i++;
            continue;
        }
        int cw = cp == UTF8_INVALID ? 1 : utf8_cell_width(cp);
        if (used + (cw ? cw : 1) > w)
            break;
        int cells;
        i += draw_glyph(y, x + used, s + i, len - i, k, &cells);
        used += cells;
    }
    return used;
}

int draw_str(int y, int x, int w, const char *s, struct ink k)
{
    return draw_text(y, x, w, s, strlen(s), k);
}

int draw_width(const char *s, size_t len)
{
    return (int)utf8_col_to_x(s, len, len, 1);
}

void draw_fill(struct rect r, struct ink k)
{
    cchar_t cc;
    setcchar(&cc, L" ", k.attr, 0, &k.pair);
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++)
            mvadd_wch(y, x, &cc);
}

static void draw_status(void)
{
    struct rect r = app.layout.status;
    struct ink a = draw_ui(UI_STATUS), dim = draw_ui(UI_STATUS_DIM);
    draw_fill(r, a);
    struct doc *d = app_doc();
    char left[256];
    snprintf(left, sizeof left, " %s ", app.tree.root_name);
    int x = draw_str(r.y, r.x, r.w, left, ink_with(a, A_BOLD));

    char right[160] = "", mid[512] = "";
    int rw = 0, mw = 0;
    if (d) {
        snprintf(mid, sizeof mid, "%s%s%s", d->name, buffer_modified(d->buf) ? " ●" : "",
                 d->readonly ? " [read-only]" : "");
        mw = draw_width(mid, strlen(mid));
        size_t ln = d->cursor.line + 1, col = doc_cursor_x(d) + 1;
        int unit = d->indent_tabs ? d->tab_width : d->indent_width;
        snprintf(right, sizeof right, " Ln %zu, Col %zu  %s  %s%d  %s  %zu/%zu ", ln, col,
                 d->lang ? d->lang->name : "text", d->indent_tabs ? "tabs:" : "spaces:", unit,
                 d->buf->eol == EOL_CRLF ? "CRLF" : "LF", app.current + 1, app.ndocs);
        rw = draw_width(right, strlen(right));
        /* On a narrow screen the file name matters more than the details. */
        if (x + mw + rw + 2 > r.w) {
            snprintf(right, sizeof right, " %zu:%zu ", ln, col);
            rw = draw_width(right, strlen(right));
        }
    }
    if (d) {
        /* Centred when it fits; else moved left of the position text; clipped last. */
        int mx = (r.w - mw) / 2;
        if (mx + mw > r.w - rw - 1)
            mx = r.w - rw - 1 - mw;
        if (mx < x + 1)
            mx = x + 1;
        if (r.w - rw - mx > 0)
            draw_str(r.y, mx, r.w - rw - mx, mid, a);
    }
    if (rw < r.w - x)
        draw_str(r.y, r.x + r.w - rw, rw, right, dim);
}

static void draw_message(void)
{
    struct rect r = app.layout.message;
    if (app.prompt.active) {
        prompt_draw();
        return;
    }
    struct ink a = draw_ui(app.message_error ? UI_ERROR : UI_MESSAGE);
    draw_fill(r, draw_ui(UI_MESSAGE));
    if (app.message[0]) {
        draw_str(r.y, r.x + 1, r.w - 1, app.message, a);
        return;
    }
    static const char hints[] = "F1 help  ^S save  ^P open  ^E command  ^F find  ^N new  ^Q quit";
    draw_str(r.y, r.x + 1, r.w - 1, hints, draw_ui(UI_STATUS_DIM));
}

static void draw_too_small(void)
{
    erase();
    const char *msg = "terminal too small";
    int w = (int)strlen(msg);
    int y = app.rows / 2, x = (app.cols - w) / 2;
    if (x < 0)
        x = 0;
    mvaddnstr(y, x, msg, app.cols);
    char need[64];
    snprintf(need, sizeof need, "need %dx%d", LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS);
    if (y + 1 < app.rows)
        mvaddnstr(y + 1,
                  (app.cols - (int)strlen(need)) / 2 > 0 ? (app.cols - (int)strlen(need)) / 2 : 0,
                  need, app.cols);
}

void draw_screen(void)
{
    if (app.layout.too_small) {
        draw_too_small();
        curs_set(0);
        return;
    }
    app.cur_visible = false;
    draw_status();
    if (app.layout.tree.w > 0) {
        tree_draw();
        draw_fill(app.layout.border, draw_ui(UI_BORDER));
        for (int y = 0; y < app.layout.border.h; y++)
            draw_cell(app.layout.border.y + y, app.layout.border.x, 0x2502, draw_ui(UI_BORDER));
    }
    editor_draw();
    termview_draw();
    draw_message();
    if (app.overlay == OVERLAY_PICKER)
        picker_draw();
    else if (app.overlay == OVERLAY_HELP)
        help_draw();
    if (app.cur_visible)
        move(app.cur_y, app.cur_x);
    curs_set(app.cur_visible ? 1 : 0);
}
