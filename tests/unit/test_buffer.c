/* test_buffer.c — loading, editing, saving bytes back and undo as a user experiences them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buffer.h"
#include "xalloc.h"

#define S(lit) lit, sizeof(lit) - 1

#define P(line, col) ((struct pos){(line), (col)})

static struct buffer *load(const char *s, size_t len)
{
    char *bytes = NULL;
    if (len) {
        bytes = xmalloc(len);
        memcpy(bytes, s, len);
    }
    return buffer_from_bytes(bytes, len);
}

static void assert_line(const struct buffer *b, size_t i, const char *want)
{
    size_t len;
    const char *t = buffer_line(b, i, &len);
    assert_int_equal(len, strlen(want));
    assert_memory_equal(t, want, len);
}

/* The whole buffer as a save would write it. */
static void assert_bytes(const struct buffer *b, const char *want, size_t want_len)
{
    size_t len;
    char *got = buffer_serialize(b, &len);
    assert_int_equal(len, want_len);
    assert_int_equal(buffer_size(b), want_len);
    assert_memory_equal(got, want, len);
    free(got);
}

static void type(struct buffer *b, struct pos *cur, const char *s)
{
    for (; *s; s++)
        buffer_insert(b, *cur, s, 1, cur);
}

static void backspace(struct buffer *b, struct pos *cur, int n)
{
    while (n-- > 0) {
        struct pos from = cur->col ? P(cur->line, cur->col - 1) : P(cur->line, 0);
        buffer_delete(b, from, *cur);
        *cur = from;
    }
}

/* ---- loading and saving ---------------------------------------------------------------- */

static void test_new_buffer(void **state)
{
    (void)state;
    struct buffer *b = buffer_new();
    assert_int_equal(b->nlines, 1);
    assert_line(b, 0, "");
    assert_true(b->final_newline);
    assert_int_equal(b->eol, EOL_LF);
    assert_false(buffer_modified(b));
    assert_bytes(b, S("\n"));
    assert_false(buffer_undo(b, NULL));
    assert_false(buffer_redo(b, NULL));
    buffer_free(b);
}

static void test_load_lf(void **state)
{
    (void)state;
    struct buffer *b = load(S("one\ntwo\n\nfour\n"));
    assert_int_equal(b->nlines, 4);
    assert_int_equal(b->eol, EOL_LF);
    assert_true(b->final_newline);
    assert_line(b, 0, "one");
    assert_line(b, 1, "two");
    assert_line(b, 2, "");
    assert_line(b, 3, "four");
    assert_false(buffer_modified(b));
    /* Loaded lines borrow the block until edited. */
    for (size_t i = 0; i < b->nlines; i++)
        assert_int_equal(b->lines[i].cap, 0);
    assert_ptr_equal(b->lines[1].text, b->block + 4);
    buffer_free(b);
}

static void test_load_crlf_and_mixed(void **state)
{
    (void)state;
    struct buffer *b = load(S("a\r\nb\r\nc"));
    assert_int_equal(b->eol, EOL_CRLF);
    assert_false(b->final_newline);
    assert_int_equal(b->nlines, 3);
    assert_line(b, 0, "a");
    assert_line(b, 1, "b");
    assert_line(b, 2, "c");
    buffer_free(b);

    /* One LF among CRLFs: the file is LF and the '\r's stay in the text. */
    b = load(S("a\r\nb\nc\r\n"));
    assert_int_equal(b->eol, EOL_LF);
    assert_true(b->final_newline);
    assert_line(b, 0, "a\r");
    assert_line(b, 1, "b");
    assert_line(b, 2, "c\r");
    buffer_free(b);

    /* A '\r' with no line break at all is text, not a CRLF file. */
    b = load(S("a\rb"));
    assert_int_equal(b->eol, EOL_LF);
    assert_int_equal(b->nlines, 1);
    assert_line(b, 0, "a\rb");
    buffer_free(b);
}

static void test_load_empty_and_newline_only(void **state)
{
    (void)state;
    struct buffer *b = buffer_from_bytes(NULL, 0);
    assert_int_equal(b->nlines, 1);
    assert_line(b, 0, "");
    assert_false(b->final_newline);
    assert_bytes(b, "", 0);
    buffer_free(b);

    b = load(S("\n"));
    assert_int_equal(b->nlines, 1);
    assert_line(b, 0, "");
    assert_true(b->final_newline);
    assert_bytes(b, S("\n"));
    buffer_free(b);

    b = load(S("\n\n"));
    assert_int_equal(b->nlines, 2);
    buffer_free(b);
}

static void test_round_trip(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        size_t len;
    } cases[] = {
        {S("lf\nfile\n")},
        {S("crlf\r\nfile\r\n")},
        {S("mixed\r\nendings\nhere\r\n")},
        {S("no final newline")},
        {S("two\nlines")},
        {S("crlf\r\nno final")},
        {S("crlf\r\nstray cr at end\r")},
        {S("x\r\r\ny\r\n")},
        {S("bad \xff\xfe utf-8 \xc0\x80\n\xe4\xb8\n")},
        {S("nul\0byte\n")},
        {S("")},
        {S("\n")},
        {S("\r\n")},
        {S("\r")},
        {S("\n\n\n")},
        {S("\r\n\r\n")},
        {S("\n\r\n")},
        {S("trailing blank lines\n\n\n")},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct buffer *b = load(cases[i].s, cases[i].len);
        assert_bytes(b, cases[i].s, cases[i].len);
        buffer_free(b);
    }
}

/* ---- editing ----------------------------------------------------------------------------- */

static void test_insert(void **state)
{
    (void)state;
    struct buffer *b = load(S("hello\nabcd\n"));
    struct pos end;

    buffer_insert(b, P(0, 5), S(" world"), &end);
    assert_line(b, 0, "hello world");
    assert_true(pos_cmp(end, P(0, 11)) == 0);
    assert_true(buffer_modified(b));

    buffer_insert(b, P(1, 2), S("x\ny\nz"), &end);
    assert_int_equal(b->nlines, 4);
    assert_line(b, 1, "abx");
    assert_line(b, 2, "y");
    assert_line(b, 3, "zcd");
    assert_true(pos_cmp(end, P(3, 1)) == 0);

    /* Pasted CRLF text breaks lines once per CRLF; a lone '\r' stays text. */
    buffer_insert(b, P(3, 0), S("1\r\n2\r3\r\n"), &end);
    assert_line(b, 3, "1");
    assert_line(b, 4, "2\r3");
    assert_line(b, 5, "zcd");
    assert_true(pos_cmp(end, P(5, 0)) == 0);

    /* A break at the very start and end of a line. */
    buffer_insert(b, P(0, 0), S("\n"), &end);
    assert_line(b, 0, "");
    assert_line(b, 1, "hello world");
    buffer_insert(b, P(1, 11), S("\n"), &end);
    assert_line(b, 2, "");
    assert_line(b, 3, "abx");
    assert_bytes(b, S("\nhello world\n\nabx\ny\n1\n2\r3\nzcd\n"));
    buffer_free(b);
}

static void test_insert_clamps(void **state)
{
    (void)state;
    struct buffer *b = load(S("ab\ncd"));
    struct pos end;
    buffer_insert(b, P(1, 99), S("!"), &end);
    assert_line(b, 1, "cd!");
    assert_true(pos_cmp(end, P(1, 3)) == 0);
    buffer_insert(b, P(42, 0), S("?"), &end);
    assert_line(b, 1, "?cd!");
    buffer_insert(b, P(0, 1), "", 0, &end);
    assert_true(pos_cmp(end, P(0, 1)) == 0);
    assert_bytes(b, S("ab\n?cd!"));
    buffer_free(b);
}

static void test_insert_into_crlf_file(void **state)
{
    (void)state;
    struct buffer *b = load(S("a\r\nb\r\n"));
    buffer_insert(b, P(1, 1), S("\nc"), NULL);
    buffer_insert(b, P(0, 0), S("z\r\n"), NULL);
    assert_int_equal(b->eol, EOL_CRLF);
    assert_bytes(b, S("z\r\na\r\nb\r\nc\r\n"));
    buffer_free(b);
}

static void test_delete(void **state)
{
    (void)state;
    struct buffer *b = load(S("hello world\nsecond\nthird line\nlast"));

    buffer_delete(b, P(0, 5), P(0, 11));
    assert_line(b, 0, "hello");

    /* Across lines, arguments in either order. */
    buffer_delete(b, P(2, 5), P(0, 2));
    assert_int_equal(b->nlines, 2);
    assert_line(b, 0, "he line");
    assert_line(b, 1, "last");

    /* Joining two lines by deleting the break. */
    buffer_delete(b, P(0, 7), P(1, 0));
    assert_int_equal(b->nlines, 1);
    assert_line(b, 0, "he linelast");

    /* Clamped past the end. */
    buffer_delete(b, P(0, 7), P(9, 99));
    assert_line(b, 0, "he line");

    /* An empty range changes nothing and is not a change. */
    uint64_t v = b->version;
    buffer_delete(b, P(0, 3), P(0, 3));
    assert_int_equal(b->version, v);
    assert_bytes(b, S("he line"));
    buffer_free(b);
}

static void test_delete_borrowed_ends(void **state)
{
    (void)state;
    struct buffer *b = load(S("abcdef\nxyz\n"));
    buffer_delete(b, P(0, 0), P(0, 2));
    buffer_delete(b, P(0, 2), P(0, 4));
    assert_line(b, 0, "cd");
    buffer_delete(b, P(0, 1), P(0, 1));
    buffer_insert(b, P(0, 1), S("-"), NULL);
    assert_line(b, 0, "c-d");
    assert_line(b, 1, "xyz");
    assert_bytes(b, S("c-d\nxyz\n"));
    buffer_free(b);
}

static void test_text(void **state)
{
    (void)state;
    struct buffer *b = load(S("one\r\ntwo\r\nthree\r\n"));
    size_t len;
    char *t = buffer_text(b, P(0, 1), P(2, 3), &len);
    assert_int_equal(len, strlen("ne\ntwo\nthr"));
    assert_string_equal(t, "ne\ntwo\nthr");
    free(t);

    t = buffer_text(b, P(2, 3), P(0, 1), &len); /* reversed */
    assert_string_equal(t, "ne\ntwo\nthr");
    free(t);

    t = buffer_text(b, P(1, 0), P(7, 7), &len); /* clamped */
    assert_string_equal(t, "two\nthree");
    free(t);

    t = buffer_text(b, P(1, 1), P(1, 1), &len);
    assert_int_equal(len, 0);
    assert_string_equal(t, "");
    free(t);
    buffer_free(b);
}

static void test_clamp_and_end(void **state)
{
    (void)state;
    struct buffer *b = load(S("ab\ncdef\n"));
    assert_true(pos_cmp(buffer_clamp(b, P(0, 9)), P(0, 2)) == 0);
    assert_true(pos_cmp(buffer_clamp(b, P(5, 1)), P(1, 1)) == 0);
    assert_true(pos_cmp(buffer_clamp(b, P(5, 99)), P(1, 4)) == 0);
    assert_true(pos_cmp(buffer_clamp(b, P(1, 3)), P(1, 3)) == 0);
    assert_true(pos_cmp(buffer_end(b), P(1, 4)) == 0);
    buffer_free(b);
}

/* ---- undo -------------------------------------------------------------------------------- */

static void test_undo_redo_each_kind(void **state)
{
    (void)state;
    struct buffer *b = load(S("alpha\nbeta\n"));
    struct pos cur;

    buffer_insert(b, P(0, 5), S(" one\ntwo"), NULL);
    assert_bytes(b, S("alpha one\ntwo\nbeta\n"));
    assert_true(buffer_undo(b, &cur));
    assert_bytes(b, S("alpha\nbeta\n"));
    assert_true(pos_cmp(cur, P(0, 5)) == 0);
    assert_true(buffer_redo(b, &cur));
    assert_bytes(b, S("alpha one\ntwo\nbeta\n"));
    assert_true(pos_cmp(cur, P(1, 3)) == 0);

    buffer_delete(b, P(0, 2), P(2, 2));
    assert_bytes(b, S("alta\n"));
    assert_true(buffer_undo(b, &cur));
    assert_bytes(b, S("alpha one\ntwo\nbeta\n"));
    assert_true(buffer_redo(b, &cur));
    assert_bytes(b, S("alta\n"));
    assert_true(pos_cmp(cur, P(0, 2)) == 0);

    /* Everything undone gives back the loaded bytes; nothing further to undo. */
    assert_true(buffer_undo(b, NULL));
    assert_true(buffer_undo(b, NULL));
    assert_bytes(b, S("alpha\nbeta\n"));
    assert_false(buffer_undo(b, NULL));
    assert_false(buffer_modified(b));
    buffer_free(b);
}

static void test_undo_keeps_stray_cr(void **state)
{
    (void)state;
    /* A mixed file: deleting a "\r" + break and undoing must restore both bytes. */
    struct buffer *b = load(S("a\r\nb\nc\n"));
    buffer_delete(b, P(0, 0), P(2, 1));
    assert_bytes(b, S("\n"));
    assert_true(buffer_undo(b, NULL));
    assert_bytes(b, S("a\r\nb\nc\n"));
    buffer_free(b);
}

static void test_typing_groups_by_word(void **state)
{
    (void)state;
    struct buffer *b = buffer_new();
    struct pos cur = P(0, 0);
    type(b, &cur, "hello world");
    assert_line(b, 0, "hello world");

    assert_true(buffer_undo(b, &cur));
    assert_line(b, 0, "hello ");
    assert_true(pos_cmp(cur, P(0, 6)) == 0);
    assert_true(buffer_undo(b, &cur));
    assert_line(b, 0, "");
    assert_true(pos_cmp(cur, P(0, 0)) == 0);
    assert_false(buffer_undo(b, NULL));

    assert_true(buffer_redo(b, &cur));
    assert_line(b, 0, "hello ");
    assert_true(pos_cmp(cur, P(0, 6)) == 0);
    assert_true(buffer_redo(b, &cur));
    assert_line(b, 0, "hello world");
    assert_false(buffer_redo(b, NULL));
    buffer_free(b);
}

static void test_typed_newline_is_own_step(void **state)
{
    (void)state;
    struct buffer *b = buffer_new();
    struct pos cur = P(0, 0);
    type(b, &cur, "ab\ncd");
    assert_int_equal(b->nlines, 2);

    assert_true(buffer_undo(b, NULL));
    assert_int_equal(b->nlines, 2);
    assert_line(b, 0, "ab");
    assert_line(b, 1, "");
    assert_true(buffer_undo(b, NULL));
    assert_int_equal(b->nlines, 1);
    assert_line(b, 0, "ab");
    assert_true(buffer_undo(b, NULL));
    assert_line(b, 0, "");
    buffer_free(b);
}

static void test_typing_multibyte_merges(void **state)
{
    (void)state;
    struct buffer *b = buffer_new();
    struct pos cur = P(0, 0);
    buffer_insert(b, cur, S("\xc3\xa9"), &cur);     /* é typed */
    buffer_insert(b, cur, S("\xe4\xb8\xad"), &cur); /* 中 typed: same word */
    buffer_insert(b, cur, S("e\xcc\x81"), &cur);    /* é decomposed: still one character */
    buffer_insert(b, cur, S("t\xc3\xa9"), &cur);    /* two characters: a step of its own */
    assert_line(b, 0, "\xc3\xa9\xe4\xb8\xad\x65\xcc\x81t\xc3\xa9");
    assert_true(buffer_undo(b, NULL));
    assert_line(b, 0, "\xc3\xa9\xe4\xb8\xad\x65\xcc\x81");
    assert_true(buffer_undo(b, NULL));
    assert_line(b, 0, "");
    buffer_free(b);
}

static void test_backspaces_merge(void **state)
{
    (void)state;
    struct buffer *b = load(S("hello world\n"));
    struct pos cur = P(0, 11);
    backspace(b, &cur, 5);
    assert_line(b, 0, "hello ");
    assert_true(buffer_undo(b, &cur));
    assert_line(b, 0, "hello world");
    assert_true(pos_cmp(cur, P(0, 11)) == 0);

    /* Across a word boundary the steps split where typing would have split them. */
    cur = P(0, 11);
    backspace(b, &cur, 7);
    assert_line(b, 0, "hell");
    assert_true(buffer_undo(b, NULL));
    assert_line(b, 0, "hello ");
    assert_true(buffer_undo(b, NULL));
    assert_line(b, 0, "hello world");
    assert_false(buffer_undo(b, NULL));
    buffer_free(b);
}

static void test_forward_deletes_merge(void **state)
{
    (void)state;
    struct buffer *b = load(S("abc def\n"));
    struct pos cur;
    for (int i = 0; i < 3; i++)
        buffer_delete(b, P(0, 0), P(0, 1));
    assert_line(b, 0, " def");
    assert_true(buffer_undo(b, &cur));
    assert_line(b, 0, "abc def");
    assert_true(pos_cmp(cur, P(0, 0)) == 0);
    assert_false(buffer_undo(b, NULL));
    buffer_free(b);
}

static void test_typing_then_deleting_are_separate(void **state)
{
    (void)state;
    struct buffer *b = buffer_new();
    struct pos cur = P(0, 0);
    type(b, &cur, "abc");
    backspace(b, &cur, 1);
    assert_line(b, 0, "ab");
    assert_true(buffer_undo(b, NULL));
    assert_line(b, 0, "abc");
    assert_true(buffer_undo(b, NULL));
    assert_line(b, 0, "");
    buffer_free(b);
}

static void test_nonadjacent_typing_splits(void **state)
{
    (void)state;
    struct buffer *b = load(S("0123456789\n"));
    buffer_insert(b, P(0, 2), S("a"), NULL);
    buffer_insert(b, P(0, 8), S("b"), NULL); /* typed somewhere else */
    assert_line(b, 0, "01a23456b789");
    assert_true(buffer_undo(b, NULL));
    assert_line(b, 0, "01a23456789");
    buffer_free(b);
}

static void test_groups_nest(void **state)
{
    (void)state;
    struct buffer *b = load(S("x\n"));
    buffer_group_begin(b);
    buffer_delete(b, P(0, 0), P(0, 1));
    buffer_group_begin(b);
    buffer_insert(b, P(0, 0), S("a"), NULL);
    buffer_insert(b, P(0, 1), S("\n"), NULL);
    buffer_group_end(b);
    buffer_insert(b, P(1, 0), S("b"), NULL);
    buffer_group_end(b);
    buffer_insert(b, P(1, 1), S("c"), NULL); /* after the group: its own step */
    assert_bytes(b, S("a\nbc\n"));

    assert_true(buffer_undo(b, NULL));
    assert_bytes(b, S("a\nb\n"));
    assert_true(buffer_undo(b, NULL));
    assert_bytes(b, S("x\n"));
    assert_false(buffer_undo(b, NULL));
    assert_true(buffer_redo(b, NULL));
    assert_bytes(b, S("a\nb\n"));
    buffer_free(b);
}

static void test_boundary_splits(void **state)
{
    (void)state;
    struct buffer *b = buffer_new();
    struct pos cur = P(0, 0);
    type(b, &cur, "ab");
    buffer_undo_boundary(b);
    type(b, &cur, "cd");
    assert_true(buffer_undo(b, NULL));
    assert_line(b, 0, "ab");
    buffer_free(b);
}

static void test_edit_after_undo_clears_redo(void **state)
{
    (void)state;
    struct buffer *b = buffer_new();
    struct pos cur = P(0, 0);
    type(b, &cur, "one ");
    type(b, &cur, "two");
    assert_true(buffer_undo(b, NULL));
    cur = P(0, 4);
    type(b, &cur, "three");
    assert_line(b, 0, "one three");
    assert_false(buffer_redo(b, NULL));
    assert_true(buffer_undo(b, NULL));
    assert_line(b, 0, "one ");
    assert_true(buffer_redo(b, NULL));
    assert_line(b, 0, "one three");
    buffer_free(b);
}

static void test_modified_through_save_undo_redo(void **state)
{
    (void)state;
    struct buffer *b = load(S("text\n"));
    struct pos cur = P(0, 4);
    assert_false(buffer_modified(b));

    type(b, &cur, " one");
    assert_true(buffer_modified(b));
    buffer_mark_saved(b);
    assert_false(buffer_modified(b));

    type(b, &cur, "s");
    assert_true(buffer_modified(b));
    assert_true(buffer_undo(b, NULL));
    assert_line(b, 0, "text one");
    assert_false(buffer_modified(b)); /* back at what was saved */
    assert_true(buffer_undo(b, NULL));
    assert_line(b, 0, "text ");
    assert_true(buffer_modified(b));
    assert_true(buffer_redo(b, NULL));
    assert_false(buffer_modified(b));
    assert_true(buffer_redo(b, NULL));
    assert_true(buffer_modified(b));
    buffer_free(b);
}

static void test_save_mid_word_splits_step(void **state)
{
    (void)state;
    struct buffer *b = buffer_new();
    struct pos cur = P(0, 0);
    type(b, &cur, "hel");
    buffer_mark_saved(b);
    type(b, &cur, "lo");
    assert_true(buffer_modified(b));
    assert_true(buffer_undo(b, NULL));
    assert_line(b, 0, "hel");
    assert_false(buffer_modified(b));
    buffer_free(b);
}

static void test_saved_state_lost_after_branch(void **state)
{
    (void)state;
    struct buffer *b = load(S("a"));
    struct pos cur = P(0, 1);
    type(b, &cur, "b");
    buffer_mark_saved(b);
    assert_true(buffer_undo(b, NULL));
    assert_true(buffer_modified(b));
    cur = P(0, 1);
    type(b, &cur, "c");
    assert_line(b, 0, "ac");
    assert_true(buffer_modified(b));
    assert_true(buffer_undo(b, NULL));
    assert_line(b, 0, "a");
    assert_true(buffer_modified(b)); /* "a" was never saved; "ab" was */
    assert_true(buffer_redo(b, NULL));
    assert_true(buffer_modified(b));
    buffer_free(b);
}

static void test_version_moves_forward(void **state)
{
    (void)state;
    struct buffer *b = buffer_new();
    uint64_t v0 = b->version;
    buffer_insert(b, P(0, 0), S("x"), NULL);
    uint64_t v1 = b->version;
    assert_true(v1 > v0);
    buffer_undo(b, NULL);
    assert_true(b->version > v1);
    uint64_t v2 = b->version;
    buffer_redo(b, NULL);
    assert_true(b->version > v2);
    buffer_free(b);
}

static void test_replace_all(void **state)
{
    (void)state;
    struct buffer *b = load(S("one\r\ntwo\r\nthree\r\n"));
    char *fresh = xstrdup("one\nTWO\nthree");
    buffer_replace_all(b, fresh, strlen(fresh));
    assert_int_equal(b->eol, EOL_LF);
    assert_false(b->final_newline);
    assert_bytes(b, S("one\nTWO\nthree"));
    assert_true(buffer_modified(b));

    struct pos cur;
    assert_true(buffer_undo(b, &cur));
    assert_int_equal(b->eol, EOL_CRLF);
    assert_true(b->final_newline);
    assert_bytes(b, S("one\r\ntwo\r\nthree\r\n"));
    assert_true(pos_cmp(cur, P(1, 0)) == 0); /* where the texts first differ */
    assert_false(buffer_modified(b));
    assert_false(buffer_undo(b, NULL));

    assert_true(buffer_redo(b, &cur));
    assert_bytes(b, S("one\nTWO\nthree"));
    assert_true(pos_cmp(cur, P(1, 0)) == 0);

    /* Edits after a replace undo separately from it. */
    buffer_insert(b, P(2, 5), S("!"), NULL);
    assert_true(buffer_undo(b, NULL));
    assert_bytes(b, S("one\nTWO\nthree"));
    buffer_free(b);
}

static void test_replace_all_undo_restores_lines(void **state)
{
    (void)state;
    /* "x" + Enter in a file without a final newline: lines "x" and "", saved as "x\n". */
    struct buffer *b = load(S("x"));
    buffer_insert(b, P(0, 1), S("\n"), NULL);
    /* An LF file whose lines all end in '\r' serialises like a CRLF file. */
    buffer_insert(b, P(1, 0), S("y\r"), NULL);
    buffer_insert(b, P(0, 1), S("\r"), NULL);
    assert_bytes(b, S("x\r\ny\r"));
    char *fresh = xstrdup("other");
    buffer_replace_all(b, fresh, strlen(fresh));
    assert_true(buffer_undo(b, NULL));
    assert_int_equal(b->nlines, 2);
    assert_int_equal(b->eol, EOL_LF);
    assert_line(b, 0, "x\r");
    assert_line(b, 1, "y\r");
    /* The older steps still apply to the lines they were recorded on. */
    while (buffer_undo(b, NULL))
        ;
    assert_bytes(b, S("x"));
    buffer_free(b);
}

/* ---- a large file ---------------------------------------------------------------------- */

#define BIG_LINES 600000

static void test_large_buffer(void **state)
{
    (void)state;
    size_t cap = (size_t)BIG_LINES * 40, len = 0;
    char *bytes = xmalloc(cap);
    for (size_t i = 0; i < BIG_LINES; i++)
        len += (size_t)snprintf(bytes + len, cap - len, "line %07zu of the big test file\n", i);
    assert_true(len > 20 * 1000 * 1000);
    char *orig = xmalloc(len);
    memcpy(orig, bytes, len);

    struct buffer *b = buffer_from_bytes(bytes, len);
    assert_int_equal(b->nlines, BIG_LINES);
    assert_true(b->final_newline);
    assert_line(b, 300000, "line 0300000 of the big test file");

    buffer_insert(b, P(300000, 5), S("EDITED "), NULL);
    buffer_delete(b, P(300000, 0), P(300000, 5));
    assert_line(b, 300000, "EDITED 0300000 of the big test file");
    assert_line(b, 299999, "line 0299999 of the big test file");
    assert_line(b, 300001, "line 0300001 of the big test file");
    assert_int_equal(b->lines[299999].cap, 0); /* neighbours still borrowed */
    assert_int_equal(b->lines[300001].cap, 0);

    size_t slen;
    char *s = buffer_serialize(b, &slen);
    assert_int_equal(slen, len + 2);
    size_t at = (size_t)300000 * 34;
    assert_memory_equal(s, orig, at);
    assert_memory_equal(s + at, "EDITED 0300000", 14);
    assert_memory_equal(s + at + 36, orig + at + 34, len - at - 34);
    free(s);

    while (buffer_undo(b, NULL))
        ;
    assert_bytes(b, orig, len);
    assert_false(buffer_modified(b));
    buffer_free(b);
    free(orig);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_buffer),
        cmocka_unit_test(test_load_lf),
        cmocka_unit_test(test_load_crlf_and_mixed),
        cmocka_unit_test(test_load_empty_and_newline_only),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_insert),
        cmocka_unit_test(test_insert_clamps),
        cmocka_unit_test(test_insert_into_crlf_file),
        cmocka_unit_test(test_delete),
        cmocka_unit_test(test_delete_borrowed_ends),
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_clamp_and_end),
        cmocka_unit_test(test_undo_redo_each_kind),
        cmocka_unit_test(test_undo_keeps_stray_cr),
        cmocka_unit_test(test_typing_groups_by_word),
        cmocka_unit_test(test_typed_newline_is_own_step),
        cmocka_unit_test(test_typing_multibyte_merges),
        cmocka_unit_test(test_backspaces_merge),
        cmocka_unit_test(test_forward_deletes_merge),
        cmocka_unit_test(test_typing_then_deleting_are_separate),
        cmocka_unit_test(test_nonadjacent_typing_splits),
        cmocka_unit_test(test_groups_nest),
        cmocka_unit_test(test_boundary_splits),
        cmocka_unit_test(test_edit_after_undo_clears_redo),
        cmocka_unit_test(test_modified_through_save_undo_redo),
        cmocka_unit_test(test_save_mid_word_splits_step),
        cmocka_unit_test(test_saved_state_lost_after_branch),
        cmocka_unit_test(test_version_moves_forward),
        cmocka_unit_test(test_replace_all),
        cmocka_unit_test(test_replace_all_undo_restores_lines),
        cmocka_unit_test(test_large_buffer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
