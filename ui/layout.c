/* layout.c — pure arithmetic from screen size to pane rectangles; no curses. */
#include "layout.h"

#include <string.h>

void layout_compute(struct layout *l, int rows, int cols, bool tree_hidden, int tree_width,
                    int term_rows)
{
    memset(l, 0, sizeof *l);
    if (rows < LAYOUT_MIN_ROWS || cols < LAYOUT_MIN_COLS) {
        l->too_small = true;
        return;
    }
    l->status = (struct rect){0, 0, 1, cols};
    l->message = (struct rect){rows - 1, 0, 1, cols};
    int body = rows - 2;

    int tw = tree_hidden ? 0 : tree_width;
    if (tw > cols / 2 - 1)
        tw = cols / 2 - 1;
    if (tw < 0)
        tw = 0;
    if (tw > 0) {
        l->tree = (struct rect){1, 0, body, tw};
        l->border = (struct rect){1, tw, body, 1};
    }
    int ex = tw > 0 ? tw + 1 : 0;
    int th = term_rows;
    if (th > body - 3)
        th = body - 3;
    if (th < 0)
        th = 0;
    l->editor = (struct rect){1, ex, body - th, cols - ex};
    if (th > 0)
        l->term = (struct rect){1 + body - th, ex, th, cols - ex};
}
