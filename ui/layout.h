/* layout.h — where each pane sits for a given screen size. The rows are: status line, the
 * panes (tree | editor, with the terminal region below the editor), and the message line. */
#ifndef SHED_LAYOUT_H
#define SHED_LAYOUT_H

#include <stdbool.h>

#define LAYOUT_MIN_COLS 40
#define LAYOUT_MIN_ROWS 10

struct rect {
    int y, x, h, w;
};

struct layout {
    bool too_small;
    struct rect status;
    struct rect tree;   /* w == 0 when hidden */
    struct rect border; /* the column between tree and editor */
    struct rect editor;
    struct rect term; /* h == 0 while the terminal pane is closed */
    struct rect message;
};

/* Lays out a ROWS x COLS screen. TREE_WIDTH is the wanted tree width (shrunk to leave the
 * editor at least half the screen); TERM_ROWS is the terminal region's height (0: none). */
void layout_compute(struct layout *l, int rows, int cols, bool tree_hidden, int tree_width,
                    int term_rows);

static inline bool rect_contains(struct rect r, int y, int x)
{
    return y >= r.y && y < r.y + r.h && x >= r.x && x < r.x + r.w;
}

#endif
