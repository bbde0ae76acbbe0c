/* fuzz_term.c — arbitrary program output fed into a small terminal, with resizes between.
 *
 * Layout: two bytes choose the first size (rows 1..16, columns 1..48); then operations: an
 * opcode byte 0xFF followed by two bytes is a resize, any other opcode byte B feeds the next
 * 1 + B % 64 bytes. After every operation each cell of the screen and the scrollback (capped
 * at 50 lines) must be a whole character: width 0, 1 or 2, a wide cell followed by its right
 * half and a right half preceded by its wide cell, characters 0-terminated; the cursor must be
 * on the screen, and the copied text must be valid UTF-8 of the length reported. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "term.h"
#include "utf8.h"

#define SCROLLBACK 50

/* Aborts on a broken invariant, naming it. */
#define check(ok) ((ok) ? (void)0 : fail(__LINE__, #ok))

static void fail(int line, const char *what)
{
    fprintf(stderr, "fuzz_term.c:%d: %s\n", line, what);
    abort();
}

static void check_row(struct term *t, int row)
{
    int cols = term_cols(t);
    int prev_width = 1;
    struct term_cell c;

    for (int col = 0; col < cols; col++) {
        check(term_cell(t, row, col, &c));
        check(c.width >= 0 && c.width <= 2);
        check(c.chars[TERM_MAX_CHARS - 1] == 0);
        check((c.width == 0) == (prev_width == 2));
        if (c.width == 0)
            check(c.chars[0] == 0);
        for (int k = 0; k < TERM_MAX_CHARS && c.chars[k]; k++)
            check(c.chars[k] <= 0x10FFFF);
        check(c.fg.kind <= TERM_COLOR_RGB && c.bg.kind <= TERM_COLOR_RGB);
        prev_width = c.width;
    }
    /* A wide cell at the right edge would have no right half. */
    check(prev_width != 2);
    check(!term_cell(t, row, cols, &c));
}

static void check_all(struct term *t)
{
    int rows = term_rows(t), cols = term_cols(t);
    int sb = (int)term_scrollback_count(t);
    int crow, ccol;
    struct term_cell c;
    size_t len;
    char *text;

    check(sb <= SCROLLBACK);
    for (int row = -sb; row < rows; row++)
        check_row(t, row);
    check(!term_cell(t, rows, 0, &c));
    check(!term_cell(t, -sb - 1, 0, &c));
    term_cursor(t, &crow, &ccol, NULL);
    check(crow >= 0 && crow < rows && ccol >= 0 && ccol < cols);
    check(term_title(t) != NULL);

    text = term_text_range(t, -sb, 0, rows - 1, cols - 1, &len);
    check(strlen(text) == len);
    check(utf8_valid(text, len));
    free(text);
    text = term_text_range(t, rows - 1, cols / 2, -sb, cols / 3, &len);
    check(strlen(text) == len);
    free(text);
    term_take_damage(t, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct term *t;
    size_t i = 2;

    if (size < 2)
        return 0;
    t = term_new(1 + data[0] % 16, 1 + data[1] % 48, SCROLLBACK);
    while (i < size) {
        uint8_t op = data[i++];
        if (op == 0xFF && size - i >= 2) {
            term_resize(t, 1 + data[i] % 16, 1 + data[i + 1] % 48);
            i += 2;
        } else {
            size_t n = 1 + op % 64;
            if (n > size - i)
                n = size - i;
            term_feed(t, (const char *)data + i, n);
            i += n;
        }
        check_all(t);
    }
    /* Input with no program to receive it is dropped quietly. */
    term_text(t, 'a', TERM_MOD_CTRL);
    term_key(t, TERM_KEY_F0 + 5, TERM_MOD_SHIFT);
    term_paste(t, (const char *)data, size);
    term_mouse(t, 0, 0, 4, true, 0);
    check(!term_output_pending(t));
    term_free(t);
    return 0;
}
