/* editor_view.c — paints the editor pane: the gutter, the text in its syntax colours, the
 * selection, search matches, the bracket matching the one at the cursor, and the cursor line.
 *
 * Colours come from the doc's syntax spans for the rows on screen (fetched once a frame); a
 * capture's ink over each background (text, cursor line, selection) is cached per capture and
 * rebuilt when the syntax or the theme changes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "syntax.h"
#include "utf8.h"
#include "xalloc.h"

enum bg_kind { BG_TEXT, BG_CURSOR_LINE, BG_SELECTION, BG_COUNT };

static const enum theme_ui bg_ui[BG_COUNT] = {UI_TEXT, UI_CURSOR_LINE, UI_SELECTION};

/* ---- capture colours ------------------------------------------------------------------- */

static struct {
    const struct syntax *owner;
    unsigned theme_gen;
    uint32_t n;
    struct ink *ink; /* n * BG_COUNT */
    unsigned char *have;
} caps;

static struct ink capture_ink(const struct syntax *s, uint32_t capture, enum bg_kind bg)
{
    /* Loading a grammar (an injection, another file) adds capture names: rebuild then too. */
    if (caps.owner != s || caps.theme_gen != app.theme_gen || caps.n != syntax_capture_count(s)) {
        free(caps.ink);
        free(caps.have);
        caps.owner = s;
        caps.theme_gen = app.theme_gen;
        caps.n = syntax_capture_count(s);
        caps.ink = xcalloc((size_t)caps.n * BG_COUNT + 1, sizeof *caps.ink);
        caps.have = xcalloc((size_t)caps.n * BG_COUNT + 1, 1);
    }
    if (capture >= caps.n)
        return draw_mix(UI_TEXT, bg_ui[bg]);
    size_t k = (size_t)capture * BG_COUNT + bg;
    if (!caps.have[k]) {
        const struct style *st = theme_capture_style(&app.theme, syntax_capture_name(s, capture));
        caps.ink[k] = st ? draw_over(st, bg_ui[bg])
                         : (bg == BG_TEXT ? draw_ui(UI_TEXT) : draw_mix(UI_TEXT, bg_ui[bg]));
        caps.have[k] = 1;
    }
    return caps.ink[k];
}

/* ---- one line --------------------------------------------------------------------------- */

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

struct line_ctx {
    const struct syntax *syntax;
    bool has_sel;
    struct pos sel_from, sel_to;
    struct match_ranges matches;
    bool cursor_line;
    const struct syntax_span *spans; /* this line's, sorted */
    size_t nspans, next_span;
    struct pos brackets[2];
    int nbrackets;
};

static struct ink cell_ink(struct line_ctx *c, size_t line, size_t col)
{
    struct pos p = {line, col};
    enum bg_kind bg = c->cursor_line ? BG_CURSOR_LINE : BG_TEXT;
    if (c->has_sel && pos_cmp(p, c->sel_from) >= 0 && pos_cmp(p, c->sel_to) < 0)
        bg = BG_SELECTION;
    else
        for (int i = 0; i < c->matches.n; i++)
            if (col >= c->matches.from[i] && col < c->matches.to[i])
                return draw_ui(UI_SEARCH_MATCH);

    while (c->next_span < c->nspans && c->spans[c->next_span].col_to <= col)
        c->next_span++;
    struct ink k;
    if (c->next_span < c->nspans && c->spans[c->next_span].col_from <= col)
        k = capture_ink(c->syntax, c->spans[c->next_span].capture, bg);
    else
        k = bg == BG_TEXT ? draw_ui(UI_TEXT) : draw_mix(UI_TEXT, bg_ui[bg]);
    for (int i = 0; i < c->nbrackets; i++)
        if (pos_cmp(p, c->brackets[i]) == 0)
            k = draw_ui(UI_BRACKET);
    return k;
}

static void draw_line(struct doc *d, size_t ln, int y, int x0, int w, struct line_ctx *c)
{
    size_t len;
    const char *s = buffer_line(d->buf, ln, &len);
    size_t left = d->left, right = d->left + (size_t)w;
    size_t cx = 0, i = 0;
    int tabw = d->tab_width;
    c->next_span = 0;
    while (i < len && cx < right) {
        int32_t cp;
        utf8_decode(s + i, len - i, &cp);
        if (cp == '\t') {
            int cw = tabw - (int)(cx % (size_t)tabw);
            if (cx + (size_t)cw > left) {
                struct ink a = cell_ink(c, ln, i);
                for (size_t k = cx; k < cx + (size_t)cw; k++)
                    if (k >= left && k < right)
                        draw_cell(y, x0 + (int)(k - left), ' ', a);
            }
            cx += (size_t)cw;
            i++;
            continue;
        }
        /* One glyph: the character and its combining marks (utf8_next's cursor stop). */
        size_t next = utf8_next(s, len, i);
        int cw = (int)utf8_col_to_x(s + i, next - i, next - i, tabw);
        if (cx + (size_t)cw > left) {
            struct ink a = cell_ink(c, ln, i);
            if (cx >= left && cx + (size_t)cw <= right) {
                int cells;
                draw_glyph(y, x0 + (int)(cx - left), s + i, next - i, a, &cells);
            } else {
                /* A wide character cut by the edge: blank its visible part. */
                for (size_t k = cx; k < cx + (size_t)cw; k++)
                    if (k >= left && k < right)
                        draw_cell(y, x0 + (int)(k - left), ' ', a);
            }
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

/* ---- the pane ---------------------------------------------------------------------------- */

int editor_gutter_width(const struct doc *d)
{
    if (!app.cfg.line_numbers)
        return 0;
    int digits = (int)doc_line_number_width(d);
    return (digits < 3 ? 3 : digits) + 2;
}

/* The bracket at the cursor (or just before it) and its partner, as the syntax tree pairs
 * them. */
static void find_brackets(struct doc *d, struct line_ctx *c)
{
    c->nbrackets = 0;
    if (!d->syntax || !syntax_ready(d->syntax))
        return;
    struct pos at = d->cursor, partner;
    if (!syntax_match_bracket(d->syntax, d->buf, at, &partner)) {
        if (at.col == 0)
            return;
        size_t len;
        const char *s = buffer_line(d->buf, at.line, &len);
        at.col = utf8_prev(s, len, at.col);
        if (!syntax_match_bracket(d->syntax, d->buf, at, &partner))
            return;
    }
    c->brackets[0] = at;
    c->brackets[1] = partner;
    c->nbrackets = 2;
}

static void draw_empty(struct rect r)
{
    static const char *lines[] = {
        "No file open.",     "", "Ctrl-P  open a file", "Ctrl-N  new file", "Alt-1   file tree",
        "F1      every key",
    };
    int n = (int)(sizeof lines / sizeof lines[0]);
    for (int i = 0; i < n && i < r.h; i++)
        draw_str(r.y + r.h / 3 + i, r.x + 4, r.w - 4, lines[i], draw_ui(UI_GUTTER));
}

static void draw_gutter(const struct doc *d, size_t ln, int y, int x, int gw)
{
    char num[32];
    int nw = snprintf(num, sizeof num, "%zu", ln + 1);
    struct ink ga = draw_ui(ln == d->cursor.line ? UI_GUTTER_CURRENT : UI_GUTTER);
    draw_fill((struct rect){y, x, 1, gw - 1}, ga);
    draw_str(y, x + gw - 1 - nw, nw, num, ga);
}

void editor_draw(void)
{
    struct rect r = app.layout.editor;
    struct doc *d = app_doc();
    draw_fill(r, draw_ui(UI_TEXT));
    if (!d) {
        draw_empty(r);
        return;
    }
    int gw = editor_gutter_width(d);
    if (gw > r.w / 2)
        gw = 0;
    d->view_rows = r.h;
    d->view_cols = r.w - gw;
    doc_scroll_to_cursor(d);

    struct line_ctx c;
    memset(&c, 0, sizeof c);
    c.has_sel = doc_selection(d, &c.sel_from, &c.sel_to);
    size_t nspans = 0, si = 0;
    const struct syntax_span *spans = NULL;
    if (d->syntax && syntax_ready(d->syntax)) {
        c.syntax = d->syntax;
        spans = syntax_highlight(d->syntax, d->buf, d->top, d->top + (size_t)r.h, &nspans);
    }
    find_brackets(d, &c);
    for (int y = 0; y < r.h; y++) {
        size_t ln = d->top + (size_t)y;
        if (ln >= d->buf->nlines)
            break;
        c.cursor_line = ln == d->cursor.line && !c.has_sel;
        if (c.cursor_line)
            draw_fill((struct rect){r.y + y, r.x, 1, r.w}, draw_mix(UI_TEXT, UI_CURSOR_LINE));
        if (gw > 0)
            draw_gutter(d, ln, r.y + y, r.x, gw);
        c.matches.n = 0;
        if (app.find_needle && app.find_needle[0])
            doc_matches_in_line(d, app.find_needle, ln, collect_match, &c.matches);
        while (si < nspans && spans[si].line < ln)
            si++;
        c.spans = spans + si;
        c.nspans = 0;
        while (si + c.nspans < nspans && spans[si + c.nspans].line == ln)
            c.nspans++;
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
