/* test_buffer_listener.c — the buffer's change listener: every edit, undo, redo and reload is
 * reported once, after it is made, and the reports alone are enough to keep a copy of the text
 * in step (which is what the syntax tree relies on). */
#include "testutil.h"

#include "buffer.h"

/* A flat copy of the text ('\n' between lines) kept only from the reports. */
struct mirror {
    char *text;
    size_t len;
    unsigned calls;
};

static size_t offset_in(const struct mirror *m, struct pos p)
{
    size_t off = 0;
    for (size_t line = 0; line < p.line; line++) {
        const char *nl = memchr(m->text + off, '\n', m->len - off);
        assert_non_null(nl);
        off = (size_t)(nl - m->text) + 1;
    }
    assert_true(off + p.col <= m->len);
    return off + p.col;
}

static void on_change(void *ctx, const struct buffer *b, const struct buffer_change *c)
{
    struct mirror *m = ctx;
    m->calls++;
    assert_true(pos_cmp(c->start, c->old_end) <= 0);
    assert_true(pos_cmp(c->start, c->new_end) <= 0);
    size_t a = offset_in(m, c->start), z = offset_in(m, c->old_end), n;
    /* The new text between START and NEW_END, read from the buffer as it is now. */
    char *ins = buffer_text(b, c->start, c->new_end, &n);
    char *next = xmalloc(m->len - (z - a) + n + 1);
    memcpy(next, m->text, a);
    memcpy(next + a, ins, n);
    memcpy(next + a + n, m->text + z, m->len - z);
    m->len = m->len - (z - a) + n;
    next[m->len] = '\0';
    free(ins);
    free(m->text);
    m->text = next;
}

static void assert_mirrored(const struct buffer *b, const struct mirror *m)
{
    size_t n;
    char *t = buffer_text(b, (struct pos){0, 0}, buffer_end(b), &n);
    if (n != m->len || memcmp(t, m->text, n) != 0) {
        fprintf(stderr, "buffer \"%s\"\nmirror \"%s\"\n", t, m->text);
        free(t);
        fail();
    }
    free(t);
}

static struct buffer *watched(const char *text, struct mirror *m)
{
    struct buffer *b = buffer_from_bytes(xstrdup(text), strlen(text));
    m->text = buffer_text(b, (struct pos){0, 0}, buffer_end(b), &m->len);
    m->calls = 0;
    buffer_set_listener(b, on_change, m);
    return b;
}

static void test_edits_are_reported(void **state)
{
    (void)state;
    struct mirror m;
    struct buffer *b = watched("one\ntwo\r\nthree\n", &m);
    buffer_insert(b, (struct pos){1, 1}, "X\nY", 3, NULL);
    assert_int_equal(m.calls, 1);
    assert_mirrored(b, &m);
    buffer_insert(b, (struct pos){0, 3}, "a\r\nb\r\n", 6, NULL); /* CRLF counts as one break */
    assert_mirrored(b, &m);
    buffer_delete(b, (struct pos){3, 1}, (struct pos){0, 2}); /* reversed ends */
    assert_mirrored(b, &m);
    buffer_delete(b, (struct pos){0, 0}, (struct pos){0, 1});
    assert_mirrored(b, &m);
    unsigned calls = m.calls;
    /* Nothing changes, nothing is reported. */
    buffer_insert(b, (struct pos){0, 0}, "", 0, NULL);
    buffer_delete(b, (struct pos){0, 1}, (struct pos){0, 1});
    assert_int_equal(m.calls, calls);
    buffer_free(b);
    free(m.text);
}

static void test_undo_redo_and_reload_are_reported(void **state)
{
    (void)state;
    struct mirror m;
    struct buffer *b = watched("alpha\nbeta\n", &m);
    buffer_group_begin(b);
    buffer_insert(b, (struct pos){0, 5}, "\ngamma", 6, NULL);
    buffer_delete(b, (struct pos){2, 0}, (struct pos){2, 2});
    buffer_insert(b, (struct pos){0, 0}, ">", 1, NULL);
    buffer_group_end(b);
    for (const char *t = "xyz"; *t; t++)
        buffer_insert(b, (struct pos){1, 0}, t, 1, NULL);
    assert_mirrored(b, &m);

    /* A grouped step undoes as several changes, each reported as it is made. */
    while (buffer_undo(b, NULL))
        assert_mirrored(b, &m);
    assert_string_equal(m.text, "alpha\nbeta");
    while (buffer_redo(b, NULL))
        assert_mirrored(b, &m);

    unsigned calls = m.calls;
    assert_false(buffer_redo(b, NULL));
    assert_int_equal(m.calls, calls);

    /* A reload replaces everything from the start, and undoes the same way. */
    buffer_replace_all(b, xstrdup("new\r\ntext"), 9);
    assert_int_equal(m.calls, calls + 1);
    assert_mirrored(b, &m);
    assert_true(buffer_undo(b, NULL));
    assert_mirrored(b, &m);
    assert_true(buffer_redo(b, NULL));
    assert_mirrored(b, &m);

    /* Without a listener nothing is called. */
    buffer_set_listener(b, NULL, NULL);
    calls = m.calls;
    buffer_insert(b, (struct pos){0, 0}, "q", 1, NULL);
    buffer_undo(b, NULL);
    assert_int_equal(m.calls, calls);
    buffer_free(b);
    free(m.text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_edits_are_reported),
        cmocka_unit_test(test_undo_redo_and_reload_are_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
