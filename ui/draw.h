/* draw.h — drawing helpers shared by the panes: theme styles turned into curses attributes
 * (colour pairs allocated on demand, or attributes only without colour), UTF-8 text clipped to
 * a width, and filled rectangles. Every pane draws into stdscr; one doupdate per loop pass. */
#ifndef SHED_DRAW_H
#define SHED_DRAW_H

#include <curses.h>
#include <stddef.h>

#include "layout.h"
#include "theme.h"

/* How a cell looks: curses attributes and an extended colour pair (which may exceed the 255
 * that fit in attr_t, as truecolour and many syntax colours need). */
struct ink {
    attr_t attr;
    int pair;
};

/* Chooses colours for the terminal (COLORS, NO_COLOR) and resolves the theme's styles. */
void draw_init_styles(void);

/* The ink of a ui element. */
struct ink draw_ui(enum theme_ui e);
/* FG's foreground and attributes over BG's background (text on the cursor line, a match on a
 * selection). */
struct ink draw_mix(enum theme_ui fg, enum theme_ui bg);
/* A theme style (a syntax capture) over ui element BG: colours the style leaves out come from
 * BG. */
struct ink draw_over(const struct style *fg, enum theme_ui bg);
struct ink ink_with(struct ink k, attr_t extra);
/* Any colours and attributes (the terminal pane's cells). */
struct ink draw_colors(attr_t attr, struct color fg, struct color bg);

/* Draws S[0..LEN) at (Y, X) in at most W cells; returns the cells used. Control characters
 * show as ^X, invalid bytes as a replacement mark. */
int draw_text(int y, int x, int w, const char *s, size_t len, struct ink k);
int draw_str(int y, int x, int w, const char *s, struct ink k);
/* Cells S takes when drawn. */
int draw_width(const char *s, size_t len);

void draw_fill(struct rect r, struct ink k);

/* Draws the glyph starting at S (one code point and the combining marks after it; a control
 * character as ^X; an invalid byte as a replacement mark) at (Y, X). Returns the bytes it
 * took; *CELLS receives the cells it covers. */
size_t draw_glyph(int y, int x, const char *s, size_t len, struct ink k, int *cells);

/* Puts one code point (or the replacement for an invalid byte) in the cell at (Y, X). */
void draw_cell(int y, int x, int cp, struct ink k);

#endif
