/* test_filetree.c — the tree pane's model over a real directory: order, expansion, refresh
 * keeping the selection, reveal, and symlinked folders never descended. */
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include "filetree.h"
#include "testutil.h"

static char root[PATH_MAX];

static void touch(const char *rel)
{
    tu_write(tu_path(root, rel), "", 0);
}

static void mkd(const char *rel)
{
    assert_int_equal(mkdir(tu_path(root, rel), 0755), 0);
}

static int setup(void **state)
{
    tu_tempdir("filetree", root);
    mkd("src");
    mkd("src/deep");
    mkd(".git");
    touch("src/deep/x.c");
    touch("src/a.c");
    touch("README.md");
    touch("b.txt");
    assert_int_equal(symlink("/usr", tu_path(root, "outside")), 0);
    return 0;
}

static int teardown(void **state)
{
    assert_int_equal(tu_rm_rf(root), 0);
    return 0;
}

static const char *row(struct filetree *t, size_t i)
{
    return t->rows[i].path;
}

static void test_order_and_hidden(void **state)
{
    struct filetree t;
    filetree_init(&t, root);
    /* root, then folders (outside links to a folder, src), then files; .git hidden. */
    assert_int_equal(t.nrows, 5);
    assert_string_equal(row(&t, 0), "");
    assert_string_equal(row(&t, 1), "outside");
    assert_true(t.rows[1].is_link && t.rows[1].is_dir);
    assert_string_equal(row(&t, 2), "src");
    assert_string_equal(row(&t, 3), "b.txt");
    assert_string_equal(row(&t, 4), "README.md");
    filetree_free(&t);
}

static void test_expand_collapse_and_links(void **state)
{
    struct filetree t;
    filetree_init(&t, root);
    filetree_toggle(&t, 2); /* src; its folder deep stays collapsed */
    assert_int_equal(t.nrows, 7);
    assert_string_equal(row(&t, 3), "src/deep");
    assert_int_equal(t.rows[3].depth, 2);
    assert_string_equal(row(&t, 4), "src/a.c");
    /* A symlinked folder is never expanded: it may point outside the workspace. */
    filetree_toggle(&t, 1);
    assert_false(t.rows[1].expanded);
    assert_int_equal(t.nrows, 7);
    filetree_toggle(&t, 2);
    assert_int_equal(t.nrows, 5);
    filetree_free(&t);
}

static void test_refresh_keeps_selection(void **state)
{
    struct filetree t;
    filetree_init(&t, root);
    t.selected = 4; /* README.md */
    touch("a_new.txt");
    filetree_refresh(&t);
    assert_int_equal(t.nrows, 6);
    assert_string_equal(row(&t, t.selected), "README.md");
    /* The selected entry disappears: the selection stays at its place. */
    unlink(tu_path(root, "README.md"));
    filetree_refresh(&t);
    assert_int_equal(t.nrows, 5);
    assert_true(t.selected < t.nrows);
    unlink(tu_path(root, "a_new.txt"));
    filetree_free(&t);
    touch("README.md");
}

static void test_reveal_and_watch_dirs(void **state)
{
    struct filetree t;
    filetree_init(&t, root);
    filetree_reveal(&t, "src/deep/x.c");
    assert_string_equal(row(&t, t.selected), "src/deep/x.c");
    size_t n;
    char **dirs = filetree_expanded_dirs(&t, &n);
    assert_int_equal(n, 3);
    assert_string_equal(dirs[0], root);
    for (size_t i = 0; i < n; i++)
        free(dirs[i]);
    free(dirs);
    assert_int_equal(filetree_find(&t, "nope"), (size_t)-1);
    filetree_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_order_and_hidden),
        cmocka_unit_test(test_expand_collapse_and_links),
        cmocka_unit_test(test_refresh_keeps_selection),
        cmocka_unit_test(test_reveal_and_watch_dirs),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
