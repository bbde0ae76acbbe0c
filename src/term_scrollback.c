/* term_scrollback.c — the lines that scrolled off the top of a terminal: a ring of at most
 * `max` lines, the oldest dropped first, the newest given back when the screen grows taller.
 *
 * Ten thousand lines must stay cheap, so a line is one allocation holding only its used width
 * (trailing blanks with the default background dropped): a code point per cell (0 for a blank,
 * TERM_CELL_CONT for the right half of a wide character), then runs of one style (colours and
 * attributes from a column on), then the rare cells with combining marks. A line of plain text
 * costs four bytes a cell. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "term.h"

#include <stdlib.h>
#include <string.h>

#include "term_internal.h"
#include "xalloc.h"

#define MARKS (TERM_MAX_CHARS - 2) /* combining marks a cell keeps after its base */

struct sb_line {
    uint16_t ncells, nstyles, nextra, pad;
    /* uint32_t chars[ncells]; struct sb_style styles[nstyles]; struct sb_extra extra[nextra] */
};

struct sb_style {
    uint32_t fg, bg; /* packed term_color: kind << 24 | index or r << 16 | g << 8 | b */
    uint16_t attrs;
    uint16_t start; /* first column the style covers */
};

struct sb_extra {
    uint16_t col;
    uint16_t pad;
    uint32_t marks[MARKS]; /* the cell's chars[1..], 0-terminated unless full */
};

static uint32_t *line_chars(const struct sb_line *l);
static struct sb_style *line_styles(const struct sb_line *l);
static struct sb_extra *line_extra(const struct sb_line *l);
static void convert(int cols, const VTermScreenCell *cells, int i, struct term_cell *out);
static bool is_blank(const VTermScreenCell *c);
static struct sb_style style_of(const struct term_cell *c, int col);
static bool same_cell_style(const struct term_cell *a, const struct term_cell *b);
static uint32_t pack_color(const struct term_color *c);
static struct term_color unpack_color(uint32_t v);
static struct sb_line *line_at(const struct term_scrollback *sb, size_t back);
static void line_cell(const struct sb_line *l, int col, struct term_cell *out);

size_t term_scrollback_count(const struct term *t)
{
    return t->sb.count;
}

void term_scrollback_init(struct term_scrollback *sb, size_t max)
{
    memset(sb, 0, sizeof *sb);
    sb->max = max;
}

void term_scrollback_free(struct term_scrollback *sb)
{
    for (size_t i = 0; i < sb->count; i++)
        free(sb->lines[(sb->head + i) % sb->cap]);
    free(sb->lines);
    free(sb->scratch);
    memset(sb, 0, sizeof *sb);
}

void term_scrollback_push(struct term_scrollback *sb, int cols, const VTermScreenCell *cells)
{
    struct term_cell *c;
    int used = 0, nstyles = 0, nextra = 0;

    if (sb->max == 0 || cols <= 0)
        return;
    if (cols > TERM_MAX_DIM)
        cols = TERM_MAX_DIM;
    used = cols;
    while (used > 0 && is_blank(&cells[used - 1]))
        used--;
    xgrow((void **)&sb->scratch, &sb->scratch_cap, (size_t)cols, sizeof *sb->scratch);
    c = sb->scratch;
    for (int i = 0; i < used; i++)
        convert(cols, cells, i, &c[i]);
    for (int i = 0; i < used; i++) {
        if (i == 0 || !same_cell_style(&c[i], &c[i - 1]))
            nstyles++;
        nextra += c[i].chars[0] && c[i].chars[1];
    }

    struct sb_line *l = xmalloc(sizeof *l + (size_t)used * sizeof(uint32_t) +
                                (size_t)nstyles * sizeof(struct sb_style) +
                                (size_t)nextra * sizeof(struct sb_extra));
    l->ncells = (uint16_t)used;
    l->nstyles = (uint16_t)nstyles;
    l->nextra = (uint16_t)nextra;
    l->pad = 0;
    uint32_t *chars = line_chars(l);
    struct sb_style *styles = line_styles(l);
    struct sb_extra *extra = line_extra(l);
    int si = 0, ei = 0;
    for (int i = 0; i < used; i++) {
        chars[i] = c[i].width == 0 ? TERM_CELL_CONT : c[i].chars[0];
        if (i == 0 || !same_cell_style(&c[i], &c[i - 1]))
            styles[si++] = style_of(&c[i], i);
        if (c[i].chars[0] && c[i].chars[1]) {
            memset(&extra[ei], 0, sizeof extra[ei]);
            extra[ei].col = (uint16_t)i;
            memcpy(extra[ei].marks, c[i].chars + 1, sizeof extra[ei].marks);
            ei++;
        }
    }

    if (sb->count == sb->max) {
        free(sb->lines[sb->head]);
        sb->lines[sb->head] = l;
        sb->head = (sb->head + 1) % sb->cap;
        return;
    }
    /* Until the ring is full the oldest line sits in slot 0 and it only grows. */
    if (sb->count == sb->cap) {
        size_t cap = sb->cap ? sb->cap * 2 : 64;
        sb->cap = cap < sb->max ? cap : sb->max;
        sb->lines = xrealloc(sb->lines, sb->cap * sizeof *sb->lines);
    }
    sb->lines[(sb->head + sb->count) % sb->cap] = l;
    sb->count++;
}

bool term_scrollback_pop(struct term_scrollback *sb, int cols, const VTermColor *dfg,
                         const VTermColor *dbg, VTermScreenCell *cells)
{
    struct sb_line *l;
    struct term_cell c;

    if (sb->count == 0)
        return false;
    l = line_at(sb, 1);
    for (int i = 0; i < cols; i++) {
        if (i < l->ncells) {
            line_cell(l, i, &c);
            /* A wide character cut by a narrower screen keeps its place as one cell. */
            if (c.width == 2 && i == cols - 1)
                c.width = 1;
        } else {
            memset(&c, 0, sizeof c);
            c.width = 1;
        }
        term_cell_to_vterm(&c, dfg, dbg, &cells[i]);
    }
    free(l);
    sb->count--;
    return true;
}

bool term_scrollback_cell(const struct term_scrollback *sb, size_t back, int col,
                          struct term_cell *out)
{
    const struct sb_line *l;

    if (back == 0 || back > sb->count || col < 0)
        return false;
    l = line_at(sb, back);
    if (col >= l->ncells)
        return false;
    line_cell(l, col, out);
    return true;
}

static uint32_t *line_chars(const struct sb_line *l)
{
    return (uint32_t *)(void *)(l + 1);
}

static struct sb_style *line_styles(const struct sb_line *l)
{
    return (struct sb_style *)(void *)(line_chars(l) + l->ncells);
}

static struct sb_extra *line_extra(const struct sb_line *l)
{
    return (struct sb_extra *)(void *)(line_styles(l) + l->nstyles);
}

static void convert(int cols, const VTermScreenCell *cells, int i, struct term_cell *out)
{
    uint32_t prev = i > 0 ? cells[i - 1].chars[0] : 0;
    uint32_t next = i + 1 < cols ? cells[i + 1].chars[0] : 0;

    term_cell_from_vterm(&cells[i], prev, next, out);
}

/* A cell that looks like the empty space past the end of a line. The right half of a wide
 * character is not blank (its chars[0] is TERM_CELL_CONT). */
static bool is_blank(const VTermScreenCell *c)
{
    return c->chars[0] == 0 && VTERM_COLOR_IS_DEFAULT_BG(&c->bg) && !c->attrs.reverse &&
           !c->attrs.underline && !c->attrs.strike;
}

static struct sb_style style_of(const struct term_cell *c, int col)
{
    struct sb_style s = {
        .fg = pack_color(&c->fg),
        .bg = pack_color(&c->bg),
        .attrs = (uint16_t)c->attrs,
        .start = (uint16_t)col,
    };
    return s;
}

static bool same_cell_style(const struct term_cell *a, const struct term_cell *b)
{
    return a->attrs == b->attrs && pack_color(&a->fg) == pack_color(&b->fg) &&
           pack_color(&a->bg) == pack_color(&b->bg);
}

static uint32_t pack_color(const struct term_color *c)
{
    switch (c->kind) {
    case TERM_COLOR_INDEX:
        return (uint32_t)TERM_COLOR_INDEX << 24 | c->index;
    case TERM_COLOR_RGB:
        return (uint32_t)TERM_COLOR_RGB << 24 | (uint32_t)c->r << 16 | (uint32_t)c->g << 8 | c->b;
    default:
        return 0;
    }
}

static struct term_color unpack_color(uint32_t v)
{
    struct term_color c = {.kind = (enum term_color_kind)(v >> 24)};

    if (c.kind == TERM_COLOR_INDEX) {
        c.index = (uint8_t)v;
    } else if (c.kind == TERM_COLOR_RGB) {
        c.r = (uint8_t)(v >> 16);
        c.g = (uint8_t)(v >> 8);
        c.b = (uint8_t)v;
    }
    return c;
}

static struct sb_line *line_at(const struct term_scrollback *sb, size_t back)
{
    return sb->lines[(sb->head + sb->count - back) % sb->cap];
}

static void line_cell(const struct sb_line *l, int col, struct term_cell *out)
{
    const uint32_t *chars = line_chars(l);
    const struct sb_style *styles = line_styles(l);
    const struct sb_extra *extra = line_extra(l);
    int lo = 0, hi = l->nstyles - 1;

    memset(out, 0, sizeof *out);
    if (chars[col] == TERM_CELL_CONT) {
        out->width = 0;
    } else {
        out->chars[0] = chars[col];
        out->width = col + 1 < l->ncells && term_wide_pair(chars[col], chars[col + 1]) ? 2 : 1;
    }
    /* The style is that of the last run starting at or before COL. */
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (styles[mid].start <= col)
            lo = mid;
        else
            hi = mid - 1;
    }
    out->fg = unpack_color(styles[lo].fg);
    out->bg = unpack_color(styles[lo].bg);
    out->attrs = styles[lo].attrs;
    for (int i = 0; i < l->nextra; i++) {
        if (extra[i].col == col) {
            memcpy(out->chars + 1, extra[i].marks, sizeof extra[i].marks);
            break;
        }
    }
}
