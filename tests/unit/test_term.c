/* test_term.c — the terminal without curses: escape sequences fed in and the cells, colours,
 * attributes, cursor, scrollback, alternate screen, resize, title and copied text read back;
 * then real programs on real PTYs: output and colours, the window size, echo, exit statuses,
 * Ctrl-C, key encodings, bracketed paste and replies to the program's queries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "term.h"
#include "testutil.h"
#include "xalloc.h"

#define PTY_TIMEOUT_MS 5000

static void feed(struct term *t, const char *s)
{
    term_feed(t, s, strlen(s));
}

/* Row ROW as copy mode would copy it. Kept until the next call. */
static const char *row_text(struct term *t, int row)
{
    static char *last;

    free(last);
    last = term_text_range(t, row, 0, row, term_cols(t) - 1, NULL);
    return last;
}

/* Everything: scrollback and screen. Kept until the next call. */
static const char *all_text(struct term *t)
{
    static char *last;

    free(last);
    last = term_text_range(t, -(int)term_scrollback_count(t), 0, term_rows(t) - 1, term_cols(t) - 1,
                           NULL);
    return last;
}

static struct term_cell cell_at(struct term *t, int row, int col)
{
    struct term_cell c;

    assert_true(term_cell(t, row, col, &c));
    return c;
}

static long now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Reads the program's output until NEEDLE is on the screen or in scrollback; false on timeout
 * or when the program's side closed first. */
static bool pump_until(struct term *t, const char *needle)
{
    long end = now_ms() + PTY_TIMEOUT_MS;

    while (!strstr(all_text(t), needle)) {
        struct pollfd p = {.fd = term_fd(t), .events = POLLIN};
        if (now_ms() > end || p.fd < 0)
            return false;
        poll(&p, 1, 50);
        if (term_read(t, 65536) < 0)
            return strstr(all_text(t), needle) != NULL;
    }
    return true;
}

/* Reads until the program's side closes and the program is reaped; returns its wait status. */
static int pump_to_exit(struct term *t)
{
    long end = now_ms() + PTY_TIMEOUT_MS;
    int status = -1;

    while (term_fd(t) >= 0 && now_ms() < end) {
        struct pollfd p = {.fd = term_fd(t), .events = POLLIN};
        poll(&p, 1, 50);
        term_read(t, 65536);
    }
    assert_int_equal(term_fd(t), -1);
    while (!term_exited(t, &status) && now_ms() < end)
        poll(NULL, 0, 5);
    assert_true(term_exited(t, &status));
    return status;
}

static struct term *spawn_sh(int rows, int cols, const char *dir, const char *script)
{
    struct term *t = term_new(rows, cols, 1000);
    char *argv[] = {"/bin/sh", "-c", (char *)script, NULL};
    char err[256] = "";

    assert_int_equal(term_spawn(t, dir, argv, NULL, err, sizeof err), 0);
    assert_true(term_fd(t) >= 0);
    assert_true(term_pid(t) > 0);
    return t;
}

/* ---- the screen ------------------------------------------------------------------------ */

static void test_plain_text_and_cursor(void **state)
{
    struct term *t = term_new(5, 20, 100);
    int row, col;
    bool visible;

    assert_int_equal(term_rows(t), 5);
    assert_int_equal(term_cols(t), 20);
    term_take_damage(t, NULL);
    assert_false(term_take_damage(t, NULL));
    feed(t, "hello\r\nworld");
    assert_true(term_take_damage(t, NULL));
    assert_false(term_take_damage(t, NULL));
    assert_string_equal(row_text(t, 0), "hello");
    assert_string_equal(row_text(t, 1), "world");
    assert_string_equal(row_text(t, 2), "");
    assert_int_equal(cell_at(t, 0, 0).chars[0], 'h');
    assert_int_equal(cell_at(t, 0, 0).width, 1);
    assert_int_equal(cell_at(t, 0, 5).chars[0], 0);
    term_cursor(t, &row, &col, &visible);
    assert_int_equal(row, 1);
    assert_int_equal(col, 5);
    assert_true(visible);

    feed(t, "\033[4;7Hx\033[?25l");
    term_cursor(t, &row, &col, &visible);
    assert_int_equal(row, 3);
    assert_int_equal(col, 7);
    assert_false(visible);
    assert_int_equal(cell_at(t, 3, 6).chars[0], 'x');

    struct term_cell c;
    assert_false(term_cell(t, 5, 0, &c));
    assert_false(term_cell(t, 0, 20, &c));
    assert_false(term_cell(t, 0, -1, &c));
    assert_false(term_cell(t, -1, 0, &c)); /* no scrollback yet */
    term_free(t);
}

static void test_sgr_colours(void **state)
{
    struct term *t = term_new(5, 20, 100);
    struct term_cell c;

    feed(t, "\033[31mA\033[38;5;208mB\033[38;2;1;2;3mC\033[0mD\033[44;91mE\033[48;2;9;8;7mF");
    c = cell_at(t, 0, 0);
    assert_int_equal(c.fg.kind, TERM_COLOR_INDEX);
    assert_int_equal(c.fg.index, 1);
    assert_int_equal(c.bg.kind, TERM_COLOR_DEFAULT);
    c = cell_at(t, 0, 1);
    assert_int_equal(c.fg.kind, TERM_COLOR_INDEX);
    assert_int_equal(c.fg.index, 208);
    c = cell_at(t, 0, 2);
    assert_int_equal(c.fg.kind, TERM_COLOR_RGB);
    assert_int_equal(c.fg.r, 1);
    assert_int_equal(c.fg.g, 2);
    assert_int_equal(c.fg.b, 3);
    c = cell_at(t, 0, 3);
    assert_int_equal(c.fg.kind, TERM_COLOR_DEFAULT);
    assert_int_equal(c.bg.kind, TERM_COLOR_DEFAULT);
    assert_int_equal(c.attrs, 0);
    c = cell_at(t, 0, 4);
    assert_int_equal(c.fg.kind, TERM_COLOR_INDEX);
    assert_int_equal(c.fg.index, 9);
    assert_int_equal(c.bg.kind, TERM_COLOR_INDEX);
    assert_int_equal(c.bg.index, 4);
    c = cell_at(t, 0, 5);
    assert_int_equal(c.bg.kind, TERM_COLOR_RGB);
    assert_int_equal(c.bg.r, 9);
    assert_int_equal(c.bg.b, 7);
    term_free(t);
}

static void test_attributes(void **state)
{
    struct term *t = term_new(5, 20, 100);

    feed(t, "\033[1mB\033[0;3mI\033[0;4mU\033[0;7mR\033[0;9mS\033[0;1;4;7mX\033[0mN");
    assert_int_equal(cell_at(t, 0, 0).attrs, TERM_BOLD);
    assert_int_equal(cell_at(t, 0, 1).attrs, TERM_ITALIC);
    assert_int_equal(cell_at(t, 0, 2).attrs, TERM_UNDERLINE);
    assert_int_equal(cell_at(t, 0, 3).attrs, TERM_REVERSE);
    assert_int_equal(cell_at(t, 0, 4).attrs, TERM_STRIKE);
    assert_int_equal(cell_at(t, 0, 5).attrs, TERM_BOLD | TERM_UNDERLINE | TERM_REVERSE);
    assert_int_equal(cell_at(t, 0, 6).attrs, 0);
    /* Bold stays a weight, not a brighter colour. */
    feed(t, "\r\n\033[1;31mb");
    assert_int_equal(cell_at(t, 1, 0).fg.index, 1);
    term_free(t);
}

static void test_wide_and_combining(void **state)
{
    struct term *t = term_new(5, 20, 100);
    struct term_cell c;
    int row, col;

    feed(t, "\xe4\xb8\xad"
            "a");
    c = cell_at(t, 0, 0);
    assert_int_equal(c.chars[0], 0x4E2D);
    assert_int_equal(c.width, 2);
    assert_int_equal(cell_at(t, 0, 1).width, 0);
    assert_int_equal(cell_at(t, 0, 2).chars[0], 'a');
    assert_int_equal(cell_at(t, 0, 2).width, 1);
    term_cursor(t, &row, &col, NULL);
    assert_int_equal(col, 3);

    /* e + COMBINING ACUTE ACCENT is one cell holding both. */
    feed(t, "\r\ne\xcc\x81z");
    c = cell_at(t, 1, 0);
    assert_int_equal(c.chars[0], 'e');
    assert_int_equal(c.chars[1], 0x301);
    assert_int_equal(c.chars[2], 0);
    assert_int_equal(c.width, 1);
    assert_int_equal(cell_at(t, 1, 1).chars[0], 'z');
    assert_string_equal(row_text(t, 1), "e\xcc\x81z");

    /* Overwriting the left half of a wide character leaves no half character behind. */
    feed(t, "\r\n\xe4\xb8\xad"
            "b\rx");
    assert_int_equal(cell_at(t, 2, 0).chars[0], 'x');
    assert_int_equal(cell_at(t, 2, 0).width, 1);
    assert_int_equal(cell_at(t, 2, 1).chars[0], 0);
    assert_int_equal(cell_at(t, 2, 1).width, 1);
    assert_string_equal(row_text(t, 2), "x b");

    /* Forms past U+10FFFF that libvterm decodes anyway read as U+FFFD. */
    feed(t, "\r\n\xf5\x9e\x93\x8b|");
    assert_int_equal(cell_at(t, 3, 0).chars[0], 0xFFFD);
    assert_int_equal(cell_at(t, 3, 1).chars[0], '|');
    term_free(t);
}

static void feed_lines(struct term *t, int from, int to)
{
    for (int i = from; i <= to; i++) {
        char line[32];
        snprintf(line, sizeof line, "%sline%d", i == from ? "" : "\r\n", i);
        feed(t, line);
    }
}

static void test_scrollback_order(void **state)
{
    struct term *t = term_new(5, 10, 100);
    struct term_cell c;

    feed_lines(t, 1, 20);
    assert_int_equal(term_scrollback_count(t), 15);
    assert_string_equal(row_text(t, 0), "line16");
    assert_string_equal(row_text(t, 4), "line20");
    assert_string_equal(row_text(t, -1), "line15");
    assert_string_equal(row_text(t, -15), "line1");
    for (int i = 1; i <= 15; i++) {
        char want[16];
        snprintf(want, sizeof want, "line%d", 16 - i);
        assert_string_equal(row_text(t, -i), want);
    }
    assert_false(term_cell(t, -16, 0, &c));
    /* Past a stored line's end the cells are blank, up to the screen's width. */
    c = cell_at(t, -1, 9);
    assert_int_equal(c.chars[0], 0);
    assert_int_equal(c.width, 1);
    assert_false(term_cell(t, -1, 10, &c));
    term_free(t);
}

static void test_scrollback_capped(void **state)
{
    struct term *t = term_new(5, 10, 10);

    feed_lines(t, 1, 100);
    assert_int_equal(term_scrollback_count(t), 10);
    assert_string_equal(row_text(t, 0), "line96");
    assert_string_equal(row_text(t, -1), "line95");
    assert_string_equal(row_text(t, -10), "line86");
    term_free(t);

    t = term_new(5, 10, 0);
    feed_lines(t, 1, 20);
    assert_int_equal(term_scrollback_count(t), 0);
    assert_string_equal(row_text(t, 0), "line16");
    term_free(t);
}

static void test_scrollback_keeps_cells(void **state)
{
    struct term *t = term_new(3, 12, 100);
    struct term_cell c;

    feed(t, "\033[31mred\033[0m \033[1;38;2;5;6;7mrgb\033[0m\r\n"
            "\xe4\xb8\xad"
            "e\xcc\x81\033[44m  \033[0m\r\n\r\n\r\n");
    assert_int_equal(term_scrollback_count(t), 2);
    c = cell_at(t, -2, 0);
    assert_int_equal(c.chars[0], 'r');
    assert_int_equal(c.fg.kind, TERM_COLOR_INDEX);
    assert_int_equal(c.fg.index, 1);
    c = cell_at(t, -2, 3);
    assert_int_equal(c.chars[0], ' ');
    assert_int_equal(c.fg.kind, TERM_COLOR_DEFAULT);
    c = cell_at(t, -2, 6);
    assert_int_equal(c.chars[0], 'b');
    assert_int_equal(c.attrs, TERM_BOLD);
    assert_int_equal(c.fg.kind, TERM_COLOR_RGB);
    assert_int_equal(c.fg.g, 6);
    c = cell_at(t, -1, 0);
    assert_int_equal(c.chars[0], 0x4E2D);
    assert_int_equal(c.width, 2);
    assert_int_equal(cell_at(t, -1, 1).width, 0);
    c = cell_at(t, -1, 2);
    assert_int_equal(c.chars[0], 'e');
    assert_int_equal(c.chars[1], 0x301);
    /* Blank cells with a background colour are part of the line. */
    c = cell_at(t, -1, 4);
    assert_int_equal(c.chars[0], ' ');
    assert_int_equal(c.bg.kind, TERM_COLOR_INDEX);
    assert_int_equal(c.bg.index, 4);
    assert_string_equal(row_text(t, -1), "\xe4\xb8\xad"
                                         "e\xcc\x81");
    term_free(t);
}

static void test_altscreen(void **state)
{
    struct term *t = term_new(5, 20, 100);
    int row, col;

    feed(t, "main text\r\nprompt$ ");
    assert_false(term_altscreen(t));
    feed(t, "\033[?1049h\033[H\033[2J");
    assert_true(term_altscreen(t));
    assert_string_equal(row_text(t, 0), "");
    feed_lines(t, 1, 30);
    assert_string_equal(row_text(t, 4), "line30");
    /* A full-screen program's scrolling does not fill the scrollback. */
    assert_int_equal(term_scrollback_count(t), 0);
    feed(t, "\033[?1049l");
    assert_false(term_altscreen(t));
    assert_string_equal(row_text(t, 0), "main text");
    assert_string_equal(row_text(t, 1), "prompt$");
    term_cursor(t, &row, &col, NULL);
    assert_int_equal(row, 1);
    assert_int_equal(col, 8);
    term_free(t);
}

static void test_resize(void **state)
{
    struct term *t = term_new(5, 20, 100);
    int row, col;

    feed(t, "abc\r\ndefghij");
    term_resize(t, 10, 40);
    assert_int_equal(term_rows(t), 10);
    assert_int_equal(term_cols(t), 40);
    assert_string_equal(row_text(t, 0), "abc");
    assert_string_equal(row_text(t, 1), "defghij");
    term_cursor(t, &row, &col, NULL);
    assert_int_equal(row, 1);
    assert_int_equal(col, 7);

    term_resize(t, 3, 4);
    assert_string_equal(row_text(t, 0), "abc");
    assert_string_equal(row_text(t, 1), "defg");
    term_cursor(t, &row, &col, NULL);
    assert_int_equal(row, 1);
    assert_true(col <= 3);
    struct term_cell c;
    assert_false(term_cell(t, 0, 4, &c));
    assert_false(term_cell(t, 3, 0, &c));

    /* Nonsense sizes become the smallest terminal: one row of two columns, which a wide
     * character still fits. */
    term_resize(t, 0, -5);
    assert_int_equal(term_rows(t), 1);
    assert_int_equal(term_cols(t), 2);
    feed(t, "\r\n\xe4\xb8\xad\xe4\xb8\xad");
    assert_int_equal(cell_at(t, 0, 0).width, 2);
    term_free(t);
    t = term_new(3, 1, 100);
    assert_int_equal(term_cols(t), 2);
    term_free(t);
}

static void test_resize_moves_lines_through_scrollback(void **state)
{
    struct term *t = term_new(5, 10, 100);
    int row;

    feed_lines(t, 1, 8);
    assert_int_equal(term_scrollback_count(t), 3);
    /* Growing taller brings the scrolled-off lines back. */
    term_resize(t, 8, 10);
    assert_int_equal(term_scrollback_count(t), 0);
    assert_string_equal(row_text(t, 0), "line1");
    assert_string_equal(row_text(t, 7), "line8");
    term_cursor(t, &row, NULL, NULL);
    assert_int_equal(row, 7);
    /* Shrinking pushes the top lines off again, keeping the cursor's line. */
    term_resize(t, 4, 10);
    assert_int_equal(term_scrollback_count(t), 4);
    assert_string_equal(row_text(t, -1), "line4");
    assert_string_equal(row_text(t, 3), "line8");

    /* Wide characters survive the round trip, even into a screen too narrow for them. */
    term_free(t);
    t = term_new(2, 6, 100);
    feed(t, "ab\xe4\xb8\xad\r\n\r\n");
    assert_int_equal(term_scrollback_count(t), 1);
    term_resize(t, 3, 6);
    assert_int_equal(term_scrollback_count(t), 0);
    assert_int_equal(cell_at(t, 0, 2).chars[0], 0x4E2D);
    assert_int_equal(cell_at(t, 0, 2).width, 2);
    assert_int_equal(cell_at(t, 0, 3).width, 0);
    term_resize(t, 1, 3);
    term_resize(t, 3, 3);
    assert_int_equal(cell_at(t, 0, 2).chars[0], 0x4E2D);
    assert_int_equal(cell_at(t, 0, 2).width, 1);
    term_free(t);
}

static void test_shrink_with_cursor_above_text(void **state)
{
    struct term *t = term_new(8, 10, 100);
    int row, col;

    /* Text down to the last row and the cursor at the top: the shorter screen keeps the lower
     * lines, and the cursor stays on it, where the program's next output lands. */
    feed(t, "1\r\n2\r\n3\r\n4\r\n5\r\n6\r\n7\r\n8\033[H\033[3C");
    term_resize(t, 3, 10);
    term_cursor(t, &row, &col, NULL);
    assert_int_equal(row, 0);
    assert_int_equal(col, 3);
    assert_string_equal(row_text(t, 0), "6");
    assert_string_equal(row_text(t, 2), "8");
    assert_string_equal(row_text(t, -1), "5");
    feed(t, "hi\033[K\r\nnext");
    assert_string_equal(row_text(t, 0), "6  hi");
    assert_string_equal(row_text(t, 1), "next");
    term_free(t);

    /* A scrolling region below the new bottom is dropped, as xterm does, and the cursor stays
     * where it was. */
    t = term_new(6, 10, 100);
    feed(t, "\033[5;6r\033[2;3H");
    term_resize(t, 3, 10);
    term_cursor(t, &row, &col, NULL);
    assert_int_equal(row, 1);
    assert_int_equal(col, 2);
    feed(t, "\033[Tx\r\n\n\n\ny");
    assert_string_equal(row_text(t, 2), "y");
    assert_string_equal(row_text(t, 0), "");
    assert_string_equal(row_text(t, -2), "  x");
    term_free(t);

    /* ... also when the resize comes in the middle of a sequence from the program. */
    t = term_new(6, 10, 100);
    feed(t, "\033[2;5r\033[5H\033[3");
    term_resize(t, 3, 10);
    feed(t, "1mred\n\n\n");
    assert_string_equal(row_text(t, -1), "red");
    assert_int_equal(cell_at(t, -1, 0).fg.index, 1);
    term_free(t);
}

static void test_title_mouse_bell(void **state)
{
    struct term *t = term_new(5, 20, 100);
    bool bell;

    assert_string_equal(term_title(t), "");
    feed(t, "\033]2;my title\a");
    assert_string_equal(term_title(t), "my title");
    feed(t, "\033]0;other\033\\");
    assert_string_equal(term_title(t), "other");
    /* Control characters in a title would upset the screen that draws it. */
    feed(t, "\033]2;a\tb\x7f"
            "c\a");
    assert_string_equal(term_title(t), "abc");

    assert_false(term_wants_mouse(t));
    feed(t, "\033[?1000h");
    assert_true(term_wants_mouse(t));
    feed(t, "\033[?1000l");
    assert_false(term_wants_mouse(t));

    term_take_damage(t, &bell);
    assert_false(bell);
    feed(t, "\a");
    term_take_damage(t, &bell);
    assert_true(bell);
    term_take_damage(t, &bell);
    assert_false(bell);
    term_free(t);
}

static void test_text_range(void **state)
{
    struct term *t = term_new(3, 10, 100);
    size_t len;
    char *s;

    feed(t, "one  \r\ntwo\r\nthree\r\n\xe4\xb8\xad\xe6\x96\x87x\r\nlast");
    /* Scrollback: one, two; screen: three, wide, last. */
    assert_int_equal(term_scrollback_count(t), 2);
    s = term_text_range(t, -2, 0, 2, 9, &len);
    assert_string_equal(s, "one\ntwo\nthree\n\xe4\xb8\xad\xe6\x96\x87x\nlast");
    assert_int_equal(len, strlen(s));
    free(s);
    /* Stream selection: from a column on the first row to a column on the last. */
    s = term_text_range(t, -1, 1, 0, 2, NULL);
    assert_string_equal(s, "wo\nthr");
    free(s);
    /* Ends given the other way round select the same text. */
    s = term_text_range(t, 0, 2, -1, 1, NULL);
    assert_string_equal(s, "wo\nthr");
    free(s);
    /* Starting on the right half of a wide character takes the character once. */
    s = term_text_range(t, 1, 1, 1, 3, NULL);
    assert_string_equal(s, "\xe4\xb8\xad\xe6\x96\x87");
    free(s);
    /* Rows past either end are clamped. */
    s = term_text_range(t, -50, 0, 50, 0, NULL);
    assert_string_equal(s, "one\ntwo\nthree\n\xe4\xb8\xad\xe6\x96\x87x\nlast");
    free(s);
    s = term_text_range(t, 2, 6, 2, 9, &len);
    assert_string_equal(s, "");
    assert_int_equal(len, 0);
    free(s);
    term_free(t);
}

static void test_hostile_sequences(void **state)
{
    struct term *t = term_new(5, 20, 100);
    char seq[256];
    int row, col;

    /* Sixteen parameters is libvterm's limit and still works. */
    feed(t, "\033[0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;31mA");
    assert_int_equal(cell_at(t, 0, 0).fg.index, 1);
    /* More would write past its parser's slots: the rest are dropped and the sequence ends. */
    strcpy(seq, "\033[");
    for (int i = 0; i < 60; i++)
        strcat(seq, "1;");
    strcat(seq, "32mB\033[0m");
    feed(t, seq);
    feed(t, "\033[;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;:::::::::::::::::::mC");
    feed(t, "\033[4:3:1:2:3:4:5:6:7:8:9:0:1:2:3:4:5:6:7:8:9mD\033[0m");
    assert_string_equal(row_text(t, 0), "ABCD");
    assert_int_equal(cell_at(t, 0, 1).fg.kind, TERM_COLOR_INDEX);
    /* Split across writes, as a PTY read may split it. */
    for (int i = 0; i < 40; i++)
        feed(t, i == 0 ? "\033[" : ";");
    feed(t, "mE");
    assert_string_equal(row_text(t, 0), "ABCDE");
    /* Endless digits neither overflow nor move the cursor off the screen. */
    feed(t, "\033[99999999999999999999999999B\033[99999999999999999999999999999C");
    term_cursor(t, &row, &col, NULL);
    assert_int_equal(row, 4);
    assert_int_equal(col, 19);
    /* REP repeats the last character; with none, or one without width, it is ignored rather
     * than looping forever. */
    feed(t, "\033[2;1Hx\033[3b|\033[3;1H\xe2\x80\x8b\033[4b\r\n\xcc\x81\033[3\001b|");
    assert_string_equal(row_text(t, 1), "xxxx|");
    assert_string_equal(row_text(t, 2), "\xe2\x80\x8b");
    assert_string_equal(row_text(t, 3), "|");
    struct term *fresh = term_new(2, 10, 0);
    feed(fresh, "\033[5b|");
    assert_string_equal(row_text(fresh, 0), "|");
    term_free(fresh);
    /* Combining marks that libvterm also counts two columns wide would make a character wider
     * than the screen: they take their spacing forms, or U+FFFD when split. */
    feed(t, "\033[H\033[2J\xe3\x81\x8b\xe3\x82\x99\xe3\x82\x99\xe3\x82\x9a\xe3\x80\xad"
            "\xe3\x80\xad\xe3\x80\xad\xe3\x80\xad\xe3\x80\xad\xe3\x80\xad|");
    assert_string_equal(row_text(t, 0), "\xe3\x81\x8b\xe3\x82\x9b\xe3\x82\x9b\xe3\x82\x9c"
                                        "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
                                        "\xef\xbf\xbd\xef\xbf\xbd|");
    /* Split by a sequence, the mark's last byte is dropped and libvterm shows U+FFFD. */
    feed(t, "\033[H\033[2Ja\xe3\x80");
    feed(t, "\033[m\xad\xe3\x80\xad\xad\xadz");
    assert_int_equal(cell_at(t, 0, 0).chars[0], 'a');
    assert_int_equal(cell_at(t, 0, 0).width, 1);
    assert_int_equal(cell_at(t, 0, 1).chars[0], 0xFFFD);
    assert_null(strstr(row_text(t, 0), "\xe3\x80\xad"));
    assert_non_null(strstr(row_text(t, 0), "\xef\xbf\xbdz"));
    /* A string's ST split between two writes, or with a control inside it, reads nothing
     * outside the bytes given. The bytes come from the heap so that ASan sees past them. */
    const char *parts[] = {"\033]2;split\033", "\\",   "\033]2;gap\033\a\\",
                           "\033]2;x\033",     "\001", "\\",
                           "\033]2;th",        "r",    "ee\a"};
    const char *titles[] = {"",      "split", "split", "split", "split",
                            "split", "split", "split", "three"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        char *heap = xstrdup(parts[i]);
        term_feed(t, heap, strlen(heap));
        free(heap);
        assert_string_equal(term_title(t), titles[i]);
    }
    /* A string too long to keep for the next write is passed on; its end still cannot read
     * outside the bytes given. */
    char *big = xmalloc(100000);
    memcpy(big, "\033]2;", 4);
    memset(big + 4, 'x', 100000 - 5);
    big[100000 - 1] = '\033';
    term_feed(t, big, 100000);
    free(big);
    big = xstrdup("\\after");
    term_feed(t, big, strlen(big));
    free(big);
    assert_string_equal(term_title(t), "three");
    /* Inside an OSC string an ESC [ is no CSI, and parameters after it are text again. */
    feed(t, "\033[H\033[2J\033]2;x\033[;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;mF");
    assert_string_equal(row_text(t, 0), "F");
    term_free(t);
}

static void test_keys_without_program_are_dropped(void **state)
{
    struct term *t = term_new(5, 20, 100);

    /* A terminal fed from a stream has nobody to send keys or replies to. */
    term_text(t, 'x', 0);
    term_key(t, TERM_KEY_UP, 0);
    term_paste(t, "abc", 3);
    feed(t, "\033[c\033[6n");
    assert_false(term_output_pending(t));
    assert_int_equal(term_fd(t), -1);
    assert_int_equal(term_pid(t), -1);
    assert_int_equal(term_read(t, 100), -1);
    assert_false(term_exited(t, NULL));
    assert_string_equal(row_text(t, 0), "");
    term_free(t);
}

/* ---- programs on a PTY ------------------------------------------------------------------ */

static void test_spawn_colour_and_size(void **state)
{
    struct term *t = spawn_sh(10, 40, *state, "printf '\\033[32mgreen\\033[0m\\n'; stty size");
    int status = pump_to_exit(t);
    const char *text = all_text(t);

    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_non_null(strstr(text, "green"));
    assert_non_null(strstr(text, "10 40"));
    assert_string_equal(row_text(t, 0), "green");
    assert_int_equal(cell_at(t, 0, 0).fg.kind, TERM_COLOR_INDEX);
    assert_int_equal(cell_at(t, 0, 0).fg.index, 2);
    assert_int_equal(cell_at(t, 1, 0).fg.kind, TERM_COLOR_DEFAULT);
    assert_int_equal(term_pid(t), -1);
    assert_int_equal(term_read(t, 100), -1);
    term_free(t);
}

static void test_environment_and_folder(void **state)
{
    struct term *t = term_new(10, 200, 100);
    char *argv[] = {"/bin/sh", "-c", "echo \"[$TERM $COLORTERM $SHED_SANDBOX ${LINES-}]\"; pwd",
                    NULL};
    char *env[] = {"SHED_SANDBOX=demo", NULL};
    char err[256] = "";

    setenv("LINES", "99", 1);
    assert_int_equal(term_spawn(t, *state, argv, env, err, sizeof err), 0);
    unsetenv("LINES");
    pump_to_exit(t);
    assert_string_equal(row_text(t, 0), "[xterm-256color truecolor demo ]");
    assert_string_equal(row_text(t, 1), (const char *)*state);
    term_free(t);
}

static void test_spawn_errors(void **state)
{
    struct term *t = term_new(5, 80, 100);
    char *argv[] = {"/nonexistent/prog", NULL};
    char err[256] = "";
    int status;

    assert_int_equal(term_spawn(t, "/nonexistent-dir", NULL, NULL, err, sizeof err), -1);
    assert_non_null(strstr(err, "/nonexistent-dir"));
    assert_int_equal(term_fd(t), -1);

    /* A program that cannot run says so on the terminal and exits 127, as in a shell. */
    assert_int_equal(term_spawn(t, *state, argv, NULL, err, sizeof err), 0);
    status = pump_to_exit(t);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 127);
    assert_non_null(strstr(all_text(t), "cannot run /nonexistent/prog"));

    /* The same terminal starts another program once the first is gone. */
    char *argv2[] = {"/bin/sh", "-c", "exit 3", NULL};
    assert_int_equal(term_spawn(t, *state, argv2, NULL, err, sizeof err), 0);
    status = pump_to_exit(t);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 3);
    term_free(t);
}

static void test_cat_echo(void **state)
{
    struct term *t = term_new(5, 40, 100);
    char *argv[] = {"cat", NULL};
    char err[256] = "";

    assert_int_equal(term_spawn(t, *state, argv, NULL, err, sizeof err), 0);
    term_text(t, 'h', 0);
    term_text(t, 'i', 0);
    term_key(t, TERM_KEY_ENTER, 0);
    /* The line discipline echoes the line, then cat writes it back. */
    assert_true(pump_until(t, "hi\nhi"));
    assert_false(term_exited(t, NULL));
    pid_t pid = term_pid(t);
    term_free(t);
    assert_int_equal(kill(pid, 0), -1);
    assert_int_equal(errno, ESRCH);
}

static void test_resize_reaches_program(void **state)
{
    struct term *t = spawn_sh(10, 40, *state, "echo ready; read line; stty size");

    assert_true(pump_until(t, "ready"));
    term_resize(t, 12, 50);
    term_key(t, TERM_KEY_ENTER, 0);
    pump_to_exit(t);
    assert_non_null(strstr(all_text(t), "12 50"));
    term_free(t);
}

static void test_ctrl_c_interrupts(void **state)
{
    struct term *t = spawn_sh(5, 40, *state, "echo ready; exec sleep 100");
    long start = now_ms();
    int status;

    assert_true(pump_until(t, "ready"));
    term_text(t, 'c', TERM_MOD_CTRL);
    status = pump_to_exit(t);
    assert_true(WIFSIGNALED(status));
    assert_int_equal(WTERMSIG(status), SIGINT);
    assert_true(now_ms() - start < PTY_TIMEOUT_MS);
    term_free(t);
}

static void test_key_encodings(void **state)
{
    /* Seven raw bytes come back as hex: Ctrl-I, Ctrl-M, Alt-x, Up. */
    struct term *t = spawn_sh(5, 60, *state,
                              "stty -echo -icanon -isig -icrnl -ixon min 1 time 0; echo ready; "
                              "dd bs=1 count=7 2>/dev/null | od -An -tx1");

    assert_true(pump_until(t, "ready"));
    term_text(t, 'i', TERM_MOD_CTRL);
    term_text(t, 'M', TERM_MOD_CTRL);
    term_text(t, 'x', TERM_MOD_ALT);
    term_key(t, TERM_KEY_UP, 0);
    pump_to_exit(t);
    assert_non_null(strstr(all_text(t), "09 0d 1b 78 1b 5b 41"));
    term_free(t);
}

static void test_paste(void **state)
{
    struct term *t = spawn_sh(6, 60, *state,
                              "stty -echo -icanon -icrnl min 1 time 0; echo ready1; "
                              "r=$(dd bs=1 count=3 2>/dev/null); printf '%s\\n' \"$r\" | cat -v; "
                              "printf '\\033[?2004h'; echo ready2; "
                              "r=$(dd bs=1 count=14 2>/dev/null); printf '%s\\n' \"$r\" | cat -v");

    assert_true(pump_until(t, "ready1"));
    /* Without bracketed paste the text arrives as typed, lines ending in CR. */
    term_paste(t, "a\nb", 3);
    assert_true(pump_until(t, "ready2"));
    /* With it, the text is wrapped in the markers; a marker inside the text is dropped. */
    term_paste(t, "x\033[201~y", 8);
    pump_to_exit(t);
    assert_non_null(strstr(all_text(t), "a^Mb"));
    assert_non_null(strstr(all_text(t), "^[[200~xy^[[201~"));
    term_free(t);
}

static void test_query_reply(void **state)
{
    /* The program asks for device attributes and prints the answer without its ESC. */
    struct term *t = spawn_sh(5, 60, *state,
                              "stty -echo -icanon min 1 time 0; printf '\\033[c'; "
                              "r=$(dd bs=1 count=7 2>/dev/null); echo \"got:${r#?}\"");
    int status = pump_to_exit(t);

    assert_true(WIFEXITED(status));
    assert_non_null(strstr(all_text(t), "got:[?1;2c"));
    term_free(t);
}

static void test_input_waits_for_a_slow_reader(void **state)
{
    /* The program reads nothing for a while: what does not fit waits, and all of it arrives. */
    struct term *t = spawn_sh(5, 40, *state,
                              "stty -echo -icanon min 1 time 0; echo ready; sleep 0.3; "
                              "head -c 1000000 | wc -c");
    size_t len = 1000000;
    char *big = xmalloc(len);
    long end = now_ms() + PTY_TIMEOUT_MS;

    memset(big, 'x', len);
    assert_true(pump_until(t, "ready"));
    term_paste(t, big, len);
    free(big);
    assert_true(term_output_pending(t));
    while (term_fd(t) >= 0 && now_ms() < end) {
        struct pollfd p = {.fd = term_fd(t), .events = POLLIN};
        if (term_output_pending(t))
            p.events |= POLLOUT;
        poll(&p, 1, 1000);
        term_read(t, 65536);
    }
    assert_false(term_output_pending(t));
    assert_non_null(strstr(all_text(t), "1000000"));
    term_free(t);
}

static void test_free_kills_a_stubborn_program(void **state)
{
    /* Ignoring SIGHUP only delays the end. */
    struct term *t = spawn_sh(5, 40, *state, "trap '' HUP; echo ready; sleep 100; sleep 100");
    pid_t pid;
    long start;

    assert_true(pump_until(t, "ready"));
    pid = term_pid(t);
    start = now_ms();
    term_free(t);
    assert_true(now_ms() - start < 1000);
    assert_int_equal(kill(pid, 0), -1);
    assert_int_equal(errno, ESRCH);
}

static void test_flood_is_read_in_slices(void **state)
{
    struct term *t = spawn_sh(5, 40, *state,
                              "i=0; while [ $i -lt 3000 ]; do echo line$i; "
                              "i=$((i+1)); done; echo done");
    bool sliced = false;
    long end = now_ms() + PTY_TIMEOUT_MS;

    while (term_fd(t) >= 0 && now_ms() < end) {
        struct pollfd p = {.fd = term_fd(t), .events = POLLIN};
        poll(&p, 1, 50);
        ssize_t n = term_read(t, 100);
        assert_true(n <= 100);
        sliced |= n == 100;
    }
    assert_true(sliced);
    assert_string_equal(row_text(t, 3), "done");
    assert_string_equal(row_text(t, 2), "line2999");
    assert_int_equal(term_scrollback_count(t), 1000);
    assert_string_equal(row_text(t, -1), "line2996");
    assert_string_equal(row_text(t, -1000), "line1997");
    term_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_text_and_cursor),
        cmocka_unit_test(test_sgr_colours),
        cmocka_unit_test(test_attributes),
        cmocka_unit_test(test_wide_and_combining),
        cmocka_unit_test(test_scrollback_order),
        cmocka_unit_test(test_scrollback_capped),
        cmocka_unit_test(test_scrollback_keeps_cells),
        cmocka_unit_test(test_altscreen),
        cmocka_unit_test(test_resize),
        cmocka_unit_test(test_resize_moves_lines_through_scrollback),
        cmocka_unit_test(test_shrink_with_cursor_above_text),
        cmocka_unit_test(test_title_mouse_bell),
        cmocka_unit_test(test_text_range),
        cmocka_unit_test(test_hostile_sequences),
        cmocka_unit_test(test_keys_without_program_are_dropped),
        TU_DIR_TEST(test_spawn_colour_and_size),
        TU_DIR_TEST(test_environment_and_folder),
        TU_DIR_TEST(test_spawn_errors),
        TU_DIR_TEST(test_cat_echo),
        TU_DIR_TEST(test_resize_reaches_program),
        TU_DIR_TEST(test_ctrl_c_interrupts),
        TU_DIR_TEST(test_key_encodings),
        TU_DIR_TEST(test_paste),
        TU_DIR_TEST(test_query_reply),
        TU_DIR_TEST(test_input_waits_for_a_slow_reader),
        TU_DIR_TEST(test_free_kills_a_stubborn_program),
        TU_DIR_TEST(test_flood_is_read_in_slices),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
