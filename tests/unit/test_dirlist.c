/* test_dirlist.c — the tree's folder listing (folders first, names ignoring case, .git hidden,
 * links marked) and the quick-open scan (every file, sorted, no .git, symlinked folders not
 * entered, deep trees, the MAX cut-off). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dirlist.h"
#include "testutil.h"

struct fx {
    char root[PATH_MAX];
    char err[512];
};

/* DIR/NAME as a small file. */
static void put(const char *dir, const char *name)
{
    tu_write_str(tu_path(dir, name), "x\n");
}

static void mk(const char *dir, const char *name)
{
    assert_int_equal(mkdir(tu_path(dir, name), 0755), 0);
}

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof *f);
    tu_tempdir("dl", f->root);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    tu_rm_rf(f->root);
    free(f);
    return 0;
}

static void test_read_order(void **state)
{
    struct fx *f = *state;
    struct dirlist l;

    mk(f->root, "Zeta");
    mk(f->root, "alpha");
    mk(f->root, ".git");
    put(f->root, "b.txt");
    put(f->root, "A.txt");
    put(f->root, "a.txt");
    put(f->root, ".hidden");
    assert_int_equal(symlink("alpha", tu_path(f->root, "linkdir")), 0);
    assert_int_equal(symlink("b.txt", tu_path(f->root, "linkfile")), 0);
    assert_int_equal(symlink("nowhere", tu_path(f->root, "dangling")), 0);

    assert_int_equal(dirlist_read(f->root, &l, f->err, sizeof f->err), 0);
    const struct {
        const char *name;
        bool is_dir, is_link;
    } want[] = {
        {"alpha", true, false},    {"linkdir", true, true},   {"Zeta", true, false},
        {".hidden", false, false}, {"A.txt", false, false},   {"a.txt", false, false},
        {"b.txt", false, false},   {"dangling", false, true}, {"linkfile", false, true},
    };
    assert_int_equal(l.count, sizeof want / sizeof *want);
    for (size_t i = 0; i < l.count; i++) {
        assert_string_equal(l.items[i].name, want[i].name);
        assert_int_equal(l.items[i].is_dir, want[i].is_dir);
        assert_int_equal(l.items[i].is_link, want[i].is_link);
    }
    dirlist_free(&l);
    assert_int_equal(l.count, 0);
}

static void test_read_empty_and_errors(void **state)
{
    struct fx *f = *state;
    struct dirlist l;

    mk(f->root, "empty");
    assert_int_equal(dirlist_read(tu_path(f->root, "empty"), &l, f->err, sizeof f->err), 0);
    assert_int_equal(l.count, 0);
    dirlist_free(&l);

    put(f->root, "file");
    assert_int_equal(dirlist_read(tu_path(f->root, "file"), &l, f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "not a folder"));
    assert_int_equal(dirlist_read(tu_path(f->root, "missing"), &l, f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "no such folder"));
}

static void test_scan(void **state)
{
    struct fx *f = *state;
    size_t n;
    bool trunc;

    put(f->root, "b.txt");
    mk(f->root, "src");
    put(f->root, "src/main.c");
    mk(f->root, "src/lib");
    put(f->root, "src/lib/util.c");
    mk(f->root, "src/.git");
    put(f->root, "src/.git/HEAD");
    mk(f->root, ".git");
    put(f->root, ".git/config");
    put(f->root, "A.md");
    assert_int_equal(symlink("src", tu_path(f->root, "linkdir")), 0);
    assert_int_equal(symlink("b.txt", tu_path(f->root, "linkfile")), 0);
    assert_int_equal(mkfifo(tu_path(f->root, "pipe"), 0644), 0);
    mk(f->root, "emptydir");

    char **p = dirlist_scan_files(f->root, 100, &n, &trunc);
    const char *want[] = {"A.md", "b.txt", "linkfile", "src/lib/util.c", "src/main.c"};
    assert_int_equal(n, sizeof want / sizeof *want);
    assert_false(trunc);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(p[i], want[i]);
    dirlist_free_paths(p, n);

    p = dirlist_scan_files(f->root, 5, &n, &trunc);
    assert_int_equal(n, 5);
    assert_false(trunc);
    dirlist_free_paths(p, n);

    /* Cut short, the shallowest files are the ones kept. */
    p = dirlist_scan_files(f->root, 4, &n, &trunc);
    assert_int_equal(n, 4);
    assert_true(trunc);
    assert_string_equal(p[0], "A.md");
    assert_string_equal(p[1], "b.txt");
    assert_string_equal(p[2], "linkfile");
    assert_string_equal(p[3], "src/main.c");
    dirlist_free_paths(p, n);

    p = dirlist_scan_files(f->root, 0, &n, &trunc);
    assert_int_equal(n, 0);
    assert_true(trunc);
    dirlist_free_paths(p, n);
}

static void test_scan_deep(void **state)
{
    struct fx *f = *state;
    char path[PATH_MAX];
    size_t n;
    bool trunc;
    const int depth = 600;

    snprintf(path, sizeof path, "%s", f->root);
    for (int i = 0; i < depth; i++) {
        strcat(path, "/d");
        assert_int_equal(mkdir(path, 0755), 0);
    }
    put(path, "bottom.txt");

    char **p = dirlist_scan_files(f->root, 10, &n, &trunc);
    assert_int_equal(n, 1);
    assert_false(trunc);
    assert_int_equal(strlen(p[0]), (size_t)depth * 2 + strlen("bottom.txt"));
    assert_string_equal(p[0] + depth * 2, "bottom.txt");
    dirlist_free_paths(p, n);

    p = dirlist_scan_files(tu_path(f->root, "missing"), 10, &n, &trunc);
    assert_int_equal(n, 0);
    assert_false(trunc);
    dirlist_free_paths(p, n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_read_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_empty_and_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_scan, setup, teardown),
        cmocka_unit_test_setup_teardown(test_scan_deep, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
