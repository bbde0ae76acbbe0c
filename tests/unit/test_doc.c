/* test_doc.c — the editing commands of doc.c as a user at the keyboard sees them: where the
 * cursor lands, what the text becomes, what one undo takes back, what the view shows. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "lang.h"
#include "xalloc.h"

static struct doc *open_doc(const char *text)
{
    size_t n = strlen(text);

    if (n == 0)
        return doc_new(buffer_new(), 8);
    return doc_new(buffer_from_bytes(xstrndup(text, n), n), 8);
}

static void assert_text(const struct doc *d, const char *want)
{
    size_t n;
    char *got = buffer_serialize(d->buf, &n);

    assert_string_equal(got, want);
    assert_int_equal(n, strlen(want));
    free(got);
}

static void assert_cursor(const struct doc *d, size_t line, size_t col)
{
    assert_int_equal(d->cursor.line, line);
    assert_int_equal(d->cursor.col, col);
}

static void type_str(struct doc *d, const char *s)
{
    for (; *s; s++)
        doc_type(d, s, 1);
}

static void at(struct doc *d, size_t line, size_t col)
{
    doc_set_cursor(d, (struct pos){line, col}, false);
}

/* ---- motion ---- */

static void test_left_right_wide_and_tab(void **state)
{
    (void)state;
    /* "a", tab (to cell 8), a wide CJK character (2 cells, 3 bytes), "b" */
    struct doc *d = open_doc("a\t\xe4\xbd\xa0"
                             "b\ncd");

    doc_move_right(d, false);
    assert_cursor(d, 0, 1);
    doc_move_right(d, false);
    assert_cursor(d, 0, 2);
    assert_int_equal(doc_cursor_x(d), 8);
    doc_move_right(d, false);
    assert_cursor(d, 0, 5);
    assert_int_equal(doc_cursor_x(d), 10);
    doc_move_right(d, false);
    doc_move_right(d, false); /* past the line end: start of the next line */
    assert_cursor(d, 1, 0);
    doc_move_left(d, false);
    assert_cursor(d, 0, 6);
    doc_move_left(d, false);
    doc_move_left(d, false);
    assert_cursor(d, 0, 2);
    doc_free(d);
}

static void test_up_down_keep_want_x(void **state)
{
    (void)state;
    struct doc *d = open_doc("hello world\nab\n\xe4\xbd\xa0\xe5\xa5\xbd\xe4\xb8\x96\xe7\x95\x8c"
                             " long\n\tx\nzzzzzzzzzzzz");

    at(d, 0, 8);
    doc_move_down(d, false);
    assert_cursor(d, 1, 2); /* short line: its end */
    doc_move_down(d, false);
    assert_cursor(d, 2, 12); /* four wide characters make 8 cells: the space after them */
    doc_move_down(d, false);
    assert_cursor(d, 3, 1); /* the tab covers cells 0..7, so cell 8 is the 'x' */
    doc_move_down(d, false);
    assert_cursor(d, 4, 8);
    doc_move_up(d, false);
    doc_move_up(d, false);
    doc_move_up(d, false);
    doc_move_up(d, false);
    assert_cursor(d, 0, 8);

    at(d, 0, 3); /* cell 3 falls on the second half of a wide character: its start */
    doc_move_down(d, false);
    doc_move_down(d, false);
    assert_cursor(d, 2, 3);

    doc_move_doc_end(d, false);
    assert_cursor(d, 4, 12);
    doc_move_down(d, false);
    assert_cursor(d, 4, 12);
    doc_move_doc_start(d, false);
    assert_cursor(d, 0, 0);
    doc_free(d);
}

static void test_home_toggles_end(void **state)
{
    (void)state;
    struct doc *d = open_doc("    foo bar");

    doc_move_end(d, false);
    assert_cursor(d, 0, 11);
    doc_move_home(d, false);
    assert_cursor(d, 0, 4);
    doc_move_home(d, false);
    assert_cursor(d, 0, 0);
    doc_move_home(d, false);
    assert_cursor(d, 0, 4);
    doc_free(d);
}

static void test_word_motion(void **state)
{
    (void)state;
    struct doc *d = open_doc("foo.bar  baz\n  qux_1 ()");

    doc_move_word_right(d, false);
    assert_cursor(d, 0, 3);
    doc_move_word_right(d, false);
    assert_cursor(d, 0, 7);
    doc_move_word_right(d, false);
    assert_cursor(d, 0, 12);
    doc_move_word_right(d, false); /* crosses the line end and the indentation */
    assert_cursor(d, 1, 7);
    doc_move_word_right(d, false); /* nothing but punctuation left: the end */
    assert_cursor(d, 1, 10);
    doc_move_word_left(d, false);
    assert_cursor(d, 1, 2);
    doc_move_word_left(d, false);
    assert_cursor(d, 0, 9);
    doc_move_word_left(d, false);
    assert_cursor(d, 0, 4);
    doc_move_word_left(d, false);
    assert_cursor(d, 0, 0);
    doc_move_word_left(d, false);
    assert_cursor(d, 0, 0);
    doc_free(d);
}

static void test_page_moves_keep_screen_row(void **state)
{
    (void)state;
    struct doc *d = open_doc("0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n"
                             "10\n11\n12\n13\n14\n15\n16\n17\n18\n19");

    d->view_rows = 5;
    d->view_cols = 40;
    at(d, 2, 0);
    doc_move_page_down(d, false);
    assert_cursor(d, 6, 0);
    assert_int_equal(d->top, 4);
    doc_move_page_down(d, false);
    assert_cursor(d, 10, 0);
    assert_int_equal(d->cursor.line - d->top, 2);
    doc_move_page_up(d, false);
    assert_cursor(d, 6, 0);
    assert_int_equal(d->top, 4);
    doc_free(d);
}

/* ---- selection and typing ---- */

static void test_typing_replaces_selection_as_one_step(void **state)
{
    (void)state;
    struct doc *d = open_doc("hello world\n");
    size_t n;

    for (int i = 0; i < 5; i++)
        doc_move_right(d, true);
    char *sel = doc_selected_text(d, &n);
    assert_non_null(sel);
    assert_string_equal(sel, "hello");
    free(sel);

    doc_type(d, "X", 1);
    assert_text(d, "X world\n");
    assert_cursor(d, 0, 1);
    assert_false(doc_selection(d, NULL, NULL));
    assert_true(doc_undo(d));
    assert_text(d, "hello world\n");

    /* select across the line break backwards, then delete it */
    at(d, 0, 3);
    doc_move_left(d, true);
    doc_move_left(d, true);
    struct pos from, to;
    assert_true(doc_selection(d, &from, &to));
    assert_int_equal(from.col, 1);
    assert_int_equal(to.col, 3);
    doc_backspace(d);
    assert_text(d, "hlo world\n");
    assert_cursor(d, 0, 1);

    /* a plain motion drops the selection, collapsing it to the side moved towards */
    doc_select_all(d);
    doc_move_left(d, false);
    assert_cursor(d, 0, 0);
    assert_false(doc_selection(d, NULL, NULL));
    doc_free(d);
}

static void test_undo_groups_typed_words(void **state)
{
    (void)state;
    struct doc *d = open_doc("");

    type_str(d, "foo bar");
    assert_text(d, "foo bar\n");
    assert_true(doc_undo(d));
    assert_text(d, "foo \n");
    assert_cursor(d, 0, 4);
    assert_true(doc_undo(d));
    assert_text(d, "\n");
    assert_false(doc_undo(d));
    assert_true(doc_redo(d));
    assert_text(d, "foo \n");

    /* moving the cursor starts a new step even inside a word */
    doc_move_end(d, false);
    type_str(d, "ab");
    doc_move_left(d, false);
    type_str(d, "c");
    assert_text(d, "foo acb\n");
    assert_true(doc_undo(d));
    assert_text(d, "foo ab\n");
    assert_cursor(d, 0, 5);
    doc_free(d);
}

/* ---- newline, paste ---- */

static void test_newline_auto_indent_spaces(void **state)
{
    (void)state;
    struct doc *d = open_doc("def f():");

    doc_move_end(d, false);
    doc_newline(d);
    assert_text(d, "def f():\n    ");
    assert_cursor(d, 1, 4);
    type_str(d, "return 1");
    doc_newline(d);
    assert_text(d, "def f():\n    return 1\n    ");
    assert_cursor(d, 2, 4);
    doc_newline(d); /* the whitespace-only line left behind is emptied */
    assert_text(d, "def f():\n    return 1\n\n    ");
    assert_cursor(d, 3, 4);
    assert_true(doc_undo(d));
    assert_text(d, "def f():\n    return 1\n    ");

    /* between brackets the closer gets a line of its own */
    struct doc *e = open_doc("x = f()");
    doc_move_end(e, false);
    doc_move_left(e, false);
    doc_newline(e);
    assert_text(e, "x = f(\n    \n)");
    assert_cursor(e, 1, 4);
    doc_free(e);
    doc_free(d);
}

static void test_newline_auto_indent_tabs(void **state)
{
    (void)state;
    struct doc *d = open_doc("int f(void)\n{\n\tif (x) {\n\t\treturn 1;\n\t}\n}\n");

    assert_true(d->indent_tabs);
    at(d, 2, 9);
    doc_newline(d);
    assert_cursor(d, 3, 2);
    assert_text(d, "int f(void)\n{\n\tif (x) {\n\t\t\n\t\treturn 1;\n\t}\n}\n");
    at(d, 4, 11);
    doc_newline(d); /* copies the line's tabs, no extra level after ';' */
    assert_cursor(d, 5, 2);
    doc_tab(d);
    assert_cursor(d, 5, 3);
    assert_text(d, "int f(void)\n{\n\tif (x) {\n\t\t\n\t\treturn 1;\n\t\t\t\n\t}\n}\n");
    doc_free(d);
}

static void test_paste_is_literal(void **state)
{
    (void)state;
    struct doc *d = open_doc("def f():\n    \n");
    const char *clip = "if x:\r\n    y = 1\r\nz = 2";

    at(d, 1, 4);
    doc_paste(d, clip, strlen(clip));
    assert_text(d, "def f():\n    if x:\n    y = 1\nz = 2\n");
    assert_cursor(d, 3, 5);
    assert_true(doc_undo(d));
    assert_text(d, "def f():\n    \n");

    /* over a selection: one step replaces it */
    doc_select_all(d);
    doc_paste(d, "a\nb", 3);
    assert_text(d, "a\nb\n");
    assert_true(doc_undo(d));
    assert_text(d, "def f():\n    \n");
    doc_free(d);
}

/* ---- deleting ---- */

static void test_backspace_and_delete(void **state)
{
    (void)state;
    struct doc *d = open_doc("if a:\n      x\nab\ncd\n");

    assert_false(d->indent_tabs);
    at(d, 1, 6);
    doc_backspace(d); /* six spaces: back to the stop at four */
    assert_text(d, "if a:\n    x\nab\ncd\n");
    assert_cursor(d, 1, 4);
    doc_backspace(d);
    assert_text(d, "if a:\nx\nab\ncd\n");
    assert_cursor(d, 1, 0);
    doc_backspace(d); /* column 0 joins with the line above */
    assert_text(d, "if a:x\nab\ncd\n");
    assert_cursor(d, 0, 5);

    at(d, 1, 2);
    doc_delete(d); /* line end joins the next line */
    assert_text(d, "if a:x\nabcd\n");
    assert_cursor(d, 1, 2);
    doc_backspace(d);
    assert_text(d, "if a:x\nacd\n");

    /* a wide character goes in one press */
    struct doc *e = open_doc("a\xe4\xbd\xa0"
                             "b");
    at(e, 0, 4);
    doc_backspace(e);
    assert_text(e, "ab");
    assert_cursor(e, 0, 1);
    doc_free(e);
    doc_free(d);
}

/* ---- tab / backtab ---- */

static void test_tab_backtab_selection(void **state)
{
    (void)state;
    struct doc *d = open_doc("a\nb\n\nc\nd\n");
    struct pos from, to;

    at(d, 0, 1);
    doc_set_cursor(d, (struct pos){3, 1}, true);
    doc_tab(d);
    assert_text(d, "    a\n    b\n\n    c\nd\n"); /* empty lines stay empty */
    assert_true(doc_selection(d, &from, &to));
    assert_int_equal(from.line, 0);
    assert_int_equal(from.col, 5);
    assert_int_equal(to.line, 3);
    assert_int_equal(to.col, 5);
    assert_true(doc_undo(d));
    assert_text(d, "a\nb\n\nc\nd\n");

    /* selected whole lines: ending at column 0 leaves that line alone */
    at(d, 0, 0);
    doc_set_cursor(d, (struct pos){2, 0}, true);
    doc_tab(d);
    doc_tab(d);
    assert_text(d, "        a\n        b\n\nc\nd\n");
    assert_true(doc_selection(d, &from, &to));
    assert_int_equal(from.col, 0);
    assert_int_equal(to.line, 2);
    doc_backtab(d);
    assert_text(d, "    a\n    b\n\nc\nd\n");
    doc_backtab(d);
    doc_backtab(d); /* nothing left to remove: no change */
    assert_text(d, "a\nb\n\nc\nd\n");

    /* no selection: spaces to the next stop; backtab outdents the line */
    at(d, 3, 1);
    doc_tab(d);
    assert_text(d, "a\nb\n\nc   \nd\n");
    at(d, 4, 0);
    doc_tab(d);
    doc_move_end(d, false);
    assert_cursor(d, 4, 5);
    doc_backtab(d);
    assert_text(d, "a\nb\n\nc   \nd\n");
    assert_cursor(d, 4, 1);
    doc_free(d);
}

/* ---- search ---- */

static void test_find_wraps_with_smart_case(void **state)
{
    (void)state;
    struct doc *d = open_doc("Foo foo\nbar FOO\nfoo\n");
    bool wrapped = true;
    struct pos from, to;

    assert_true(doc_find(d, "foo", (struct pos){0, 0}, false, &wrapped));
    assert_false(wrapped);
    assert_true(doc_selection(d, &from, &to));
    assert_int_equal(from.col, 0);
    assert_cursor(d, 0, 3);
    assert_true(doc_find(d, "foo", (struct pos){0, 1}, false, &wrapped));
    assert_cursor(d, 0, 7);
    assert_true(doc_find(d, "foo", (struct pos){0, 5}, false, &wrapped));
    assert_cursor(d, 1, 7); /* lowercase needle matches any case */
    assert_true(doc_find(d, "foo", (struct pos){1, 5}, false, &wrapped));
    assert_cursor(d, 2, 3);
    assert_false(wrapped);
    assert_true(doc_find(d, "foo", (struct pos){2, 1}, false, &wrapped));
    assert_cursor(d, 0, 3);
    assert_true(wrapped);

    /* a capital makes it exact */
    assert_true(doc_find(d, "Foo", (struct pos){0, 1}, false, &wrapped));
    assert_true(wrapped);
    assert_cursor(d, 0, 3);
    assert_true(doc_find(d, "FOO", (struct pos){0, 0}, false, &wrapped));
    assert_cursor(d, 1, 7);

    /* backward */
    assert_true(doc_find(d, "foo", (struct pos){0, 0}, true, &wrapped));
    assert_true(wrapped);
    assert_cursor(d, 2, 3);
    assert_true(doc_find(d, "foo", (struct pos){2, 0}, true, &wrapped));
    assert_false(wrapped);
    assert_cursor(d, 1, 7);
    assert_true(doc_find(d, "foo", (struct pos){1, 4}, true, &wrapped));
    assert_cursor(d, 0, 7);

    /* no match: nothing moves */
    assert_false(doc_find(d, "zap", (struct pos){0, 0}, false, &wrapped));
    assert_cursor(d, 0, 7);
    assert_false(doc_find(d, "", (struct pos){0, 0}, false, NULL));
    doc_free(d);
}

struct hits {
    size_t n;
    size_t from[8], to[8];
};

static void collect(size_t col_from, size_t col_to, void *ctx)
{
    struct hits *h = ctx;

    if (h->n < 8) {
        h->from[h->n] = col_from;
        h->to[h->n] = col_to;
    }
    h->n++;
}

static void test_matches_in_line(void **state)
{
    (void)state;
    struct doc *d = open_doc("aaaaa AA\n\xc3\x84rger \xc3\xa4rger\n");
    struct hits h = {0};

    doc_matches_in_line(d, "aa", 0, collect, &h);
    assert_int_equal(h.n, 3); /* non-overlapping, any case */
    assert_int_equal(h.from[1], 2);
    assert_int_equal(h.to[2], 8);

    memset(&h, 0, sizeof h);
    doc_matches_in_line(d, "AA", 0, collect, &h);
    assert_int_equal(h.n, 1);
    assert_int_equal(h.from[0], 6);

    memset(&h, 0, sizeof h);
    doc_matches_in_line(d, "\xc3\xa4rger", 1, collect, &h); /* lowercase folds beyond ASCII */
    assert_int_equal(h.n, 2);
    assert_int_equal(h.from[1], 7);
    assert_int_equal(h.to[1], 13);
    doc_free(d);
}

/* ---- go to line, view ---- */

static void test_goto_line_clamps(void **state)
{
    (void)state;
    struct doc *d = open_doc("a\nb\nc\nd\ne\n");

    doc_goto_line(d, 3);
    assert_cursor(d, 2, 0);
    doc_goto_line(d, 0);
    assert_cursor(d, 0, 0);
    doc_goto_line(d, 1000);
    assert_cursor(d, 4, 0);
    doc_free(d);
}

static void test_scroll_keeps_cursor_visible(void **state)
{
    (void)state;
    char text[1000] = "";
    for (int i = 0; i < 100; i++)
        strcat(text, "line\n");
    struct doc *d = open_doc(text);

    d->view_rows = 10;
    d->view_cols = 20;
    for (int i = 0; i < 60; i++) {
        doc_move_down(d, false);
        doc_scroll_to_cursor(d);
        assert_true(d->cursor.line >= d->top + (d->cursor.line >= 2 ? 2 : d->cursor.line));
        assert_true(d->cursor.line + 2 < d->top + 10);
    }
    assert_int_equal(d->top, 53);
    for (int i = 0; i < 30; i++) {
        doc_move_up(d, false);
        doc_scroll_to_cursor(d);
        assert_true(d->cursor.line >= d->top + 2);
        assert_true(d->cursor.line < d->top + 10);
    }
    assert_int_equal(d->top, 28);

    doc_goto_line(d, 90);
    doc_scroll_to_cursor(d);
    assert_true(d->cursor.line >= d->top && d->cursor.line < d->top + 10);
    doc_move_doc_end(d, false);
    doc_scroll_to_cursor(d);
    assert_int_equal(d->top, 90); /* the last line sits on the last row */

    /* the wheel moves the view, not the cursor, and stops at the ends */
    doc_scroll(d, -5);
    assert_int_equal(d->top, 85);
    assert_cursor(d, 99, 4);
    doc_scroll(d, -1000);
    assert_int_equal(d->top, 0);
    doc_scroll(d, 1000);
    assert_int_equal(d->top, 99);
    doc_free(d);

    /* horizontally: a long line scrolls so the cursor shows with a margin */
    struct doc *e = open_doc("0123456789012345678901234567890123456789");
    e->view_rows = 5;
    e->view_cols = 20;
    at(e, 0, 30);
    doc_scroll_to_cursor(e);
    assert_true(30 >= e->left + 4 && 30 + 4 < e->left + 20);
    doc_move_home(e, false);
    doc_scroll_to_cursor(e);
    assert_int_equal(e->left, 0);
    doc_free(e);
}

/* ---- indentation detection ---- */

static void test_detects_indentation(void **state)
{
    (void)state;
    struct doc *d = open_doc("a:\n  b:\n    c\n  d\ne:\n  f\n");
    assert_false(d->indent_tabs);
    assert_int_equal(d->indent_width, 2);
    doc_free(d);

    d = open_doc("x {\n\ty\n\tz {\n\t\tw\n\t}\n    /* stray */\n}\n");
    assert_true(d->indent_tabs);
    doc_free(d);

    d = open_doc("");
    assert_false(d->indent_tabs);
    assert_int_equal(d->indent_width, 4);
    at(d, 0, 0);
    doc_tab(d);
    assert_text(d, "    \n");
    doc_free(d);
}

/* A file without indented lines takes its language's indent; one with its own keeps it. */
static void test_language_indent_when_text_shows_none(void **state)
{
    /* No grammar is needed for this: a language whose grammar is missing still has its
     * editing settings (doc_set_language reports the missing grammar). */
    struct lang go = {.name = "go-without-grammar", .indent_tabs = true, .indent_width = 8};
    char err[256];
    struct doc *d = doc_new(buffer_from_bytes(xstrdup("package main\n"), 13), 4);
    doc_set_language(d, &go, err, sizeof err);
    assert_true(d->indent_tabs);
    doc_free(d);

    d = doc_new(buffer_from_bytes(xstrdup("func f() {\n  x\n}\n"), 17), 4);
    doc_set_language(d, &go, err, sizeof err);
    assert_false(d->indent_tabs);
    assert_int_equal(d->indent_width, 2);
    doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_left_right_wide_and_tab),
        cmocka_unit_test(test_up_down_keep_want_x),
        cmocka_unit_test(test_home_toggles_end),
        cmocka_unit_test(test_word_motion),
        cmocka_unit_test(test_page_moves_keep_screen_row),
        cmocka_unit_test(test_typing_replaces_selection_as_one_step),
        cmocka_unit_test(test_undo_groups_typed_words),
        cmocka_unit_test(test_newline_auto_indent_spaces),
        cmocka_unit_test(test_newline_auto_indent_tabs),
        cmocka_unit_test(test_paste_is_literal),
        cmocka_unit_test(test_backspace_and_delete),
        cmocka_unit_test(test_tab_backtab_selection),
        cmocka_unit_test(test_find_wraps_with_smart_case),
        cmocka_unit_test(test_matches_in_line),
        cmocka_unit_test(test_goto_line_clamps),
        cmocka_unit_test(test_scroll_keeps_cursor_visible),
        cmocka_unit_test(test_detects_indentation),
        cmocka_unit_test(test_language_indent_when_text_shows_none),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
