/* draw.h — drawing helpers shared by the panes: theme styles turned into curses attributes
 * (colour pairs allocated on demand, or attributes only without colour), UTF-8 text clipped to
 * a width, and filled rectangles. Every pane draws into stdscr; one doupdate per loop pass. */
#ifndef SHED_DRAW_H
#define SHED_DRAW_H

#include <curses.h>
#include <stddef.h>

#include "layout.h"
#include "theme.h"

/* Chooses colours for the terminal (COLORS, NO_COLOR) and resolves the theme's styles. */
void draw_init_styles(void);

/* Attribute for a ui element. */
attr_t draw_attr(enum theme_ui e);
/* Attribute with FG's foreground and attributes over BG's background (text on the cursor
 * line, a match on a selection). */
attr_t draw_attr_mix(enum theme_ui fg, enum theme_ui bg);

/* Draws S[0..LEN) at (Y, X) in at most W cells with ATTR; returns the cells used. Control
 * characters show as ^X, invalid bytes as a replacement mark. */
int draw_text(int y, int x, int w, const char *s, size_t len, attr_t attr);
int draw_str(int y, int x, int w, const char *s, attr_t attr);
/* Cells S takes when drawn. */
int draw_width(const char *s, size_t len);

void draw_fill(struct rect r, attr_t attr);

/* Draws the glyph starting at S (one code point and the combining marks after it; a control
 * character as ^X; an invalid byte as a replacement mark) at (Y, X). Returns the bytes it
 * took; *CELLS receives the cells it covers. */
size_t draw_glyph(int y, int x, const char *s, size_t len, attr_t attr, int *cells);

/* Puts one code point (or the replacement for an invalid byte) in the cell at (Y, X). */
void draw_cell(int y, int x, int cp, attr_t attr);

#endif
