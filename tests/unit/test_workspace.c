/* test_workspace.c — the workspace boundary: escapes by "..", absolute paths and symlinks are
 * refused; create, rename and delete work inside and never touch anything outside. Each test
 * gets a fresh workspace and a sibling "outside" folder holding a file that must survive. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "workspace.h"
#include "testutil.h"

struct fx {
    char top[PATH_MAX];       /* the temporary folder holding both */
    char root[PATH_MAX + 16]; /* the workspace, resolved */
    char out[PATH_MAX + 16];  /* outside the workspace */
    char err[512];
};

static bool exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof *f);
    tu_tempdir("ws", f->top);
    snprintf(f->root, sizeof f->root, "%s/ws", f->top);
    snprintf(f->out, sizeof f->out, "%s/outside", f->top);
    assert_int_equal(mkdir(f->root, 0755), 0);
    assert_int_equal(mkdir(f->out, 0755), 0);
    tu_write_str(tu_path(f->out, "secret.txt"), "keep me\n");
    tu_write_str(tu_path(f->root, "a.txt"), "alpha\n");
    umask(022);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    tu_rm_rf(f->top);
    free(f);
    return 0;
}

static void test_dotdot_refused(void **state)
{
    struct fx *f = *state;
    char want[PATH_MAX + 100];

    assert_null(workspace_resolve(f->root, "../x", false, f->err, sizeof f->err));
    snprintf(want, sizeof want, "../x: outside the workspace (paths must stay inside %s)", f->root);
    assert_string_equal(f->err, want);
    assert_null(
        workspace_resolve(f->root, "a/../../outside/secret.txt", true, f->err, sizeof f->err));
    assert_non_null(strstr(f->err, "outside the workspace"));
}

static void test_lexical_inside_ok(void **state)
{
    struct fx *f = *state;
    char *p = workspace_resolve(f->root, "./sub/../a.txt", true, f->err, sizeof f->err);
    assert_non_null(p);
    assert_string_equal(p, tu_path(f->root, "a.txt"));
    free(p);
    p = workspace_resolve(f->root, tu_path(f->root, "a.txt"), true, f->err, sizeof f->err);
    assert_non_null(p);
    assert_string_equal(p, tu_path(f->root, "a.txt"));
    free(p);
    p = workspace_resolve(f->root, "new.txt", false, f->err, sizeof f->err);
    assert_non_null(p);
    assert_string_equal(p, tu_path(f->root, "new.txt"));
    free(p);
    assert_null(workspace_resolve(f->root, "new.txt", true, f->err, sizeof f->err));
    assert_null(workspace_resolve(f->root, "nodir/new.txt", false, f->err, sizeof f->err));
    assert_non_null(strstr(f->err, "does not exist"));
}

static void test_absolute_outside_refused(void **state)
{
    struct fx *f = *state;
    const char *p = tu_path(f->out, "secret.txt");

    assert_null(workspace_resolve(f->root, p, true, f->err, sizeof f->err));
    assert_non_null(strstr(f->err, "outside the workspace"));
    assert_null(workspace_resolve(f->root, "/etc/passwd", false, f->err, sizeof f->err));
    /* A sibling whose name starts like the root is still outside. */
    char sib[PATH_MAX + 32];
    snprintf(sib, sizeof sib, "%s2", f->root);
    assert_int_equal(mkdir(sib, 0755), 0);
    assert_null(workspace_resolve(f->root, sib, true, f->err, sizeof f->err));
    assert_false(workspace_contains(f->root, sib));
    assert_true(workspace_contains(f->root, f->root));
    assert_true(workspace_contains(f->root, tu_path(f->root, "x/y")));
}

static void test_symlink_file_out_refused(void **state)
{
    struct fx *f = *state;

    assert_int_equal(symlink(tu_path(f->out, "secret.txt"), tu_path(f->root, "link")), 0);
    assert_null(workspace_resolve(f->root, "link", true, f->err, sizeof f->err));
    assert_non_null(strstr(f->err, "link: outside the workspace"));
    assert_null(workspace_resolve(f->root, "link", false, f->err, sizeof f->err));
    /* Dangling, pointing at a file that a save would create outside. */
    assert_int_equal(symlink(tu_path(f->out, "planted.txt"), tu_path(f->root, "dangling")), 0);
    assert_null(workspace_resolve(f->root, "dangling", false, f->err, sizeof f->err));
    assert_non_null(strstr(f->err, "outside the workspace"));
    /* A link that stays inside resolves to its target. */
    assert_int_equal(symlink("a.txt", tu_path(f->root, "inner")), 0);
    char *p = workspace_resolve(f->root, "inner", true, f->err, sizeof f->err);
    assert_non_null(p);
    assert_string_equal(p, tu_path(f->root, "a.txt"));
    free(p);
}

static void test_symlinked_dir_out_refused(void **state)
{
    struct fx *f = *state;

    assert_int_equal(symlink(f->out, tu_path(f->root, "out")), 0);
    assert_null(workspace_resolve(f->root, "out/secret.txt", true, f->err, sizeof f->err));
    assert_non_null(strstr(f->err, "outside the workspace"));
    assert_int_equal(workspace_create_file(f->root, "out/new.txt", f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "outside the workspace"));
    assert_false(exists(tu_path(f->out, "new.txt")));
    assert_int_equal(workspace_create_dir(f->root, "out/d", f->err, sizeof f->err), -1);
    assert_false(exists(tu_path(f->out, "d")));
    assert_int_equal(workspace_delete(f->root, "out/secret.txt", f->err, sizeof f->err), -1);
    tu_assert_file_str(tu_path(f->out, "secret.txt"), "keep me\n");
    assert_int_equal(workspace_rename(f->root, "a.txt", "out/a.txt", f->err, sizeof f->err), -1);
    assert_true(exists(tu_path(f->root, "a.txt")));
    assert_false(exists(tu_path(f->out, "a.txt")));
}

static void test_check_name(void **state)
{
    struct fx *f = *state;
    char longname[300];

    assert_int_equal(workspace_check_name("main.py", f->err, sizeof f->err), 0);
    assert_int_equal(workspace_check_name("a/b", f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "'/'"));
    assert_int_equal(workspace_check_name("", f->err, sizeof f->err), -1);
    assert_int_equal(workspace_check_name(".", f->err, sizeof f->err), -1);
    assert_int_equal(workspace_check_name("..", f->err, sizeof f->err), -1);
    memset(longname, 'x', 256);
    longname[256] = '\0';
    assert_int_equal(workspace_check_name(longname, f->err, sizeof f->err), -1);
    longname[255] = '\0';
    assert_int_equal(workspace_check_name(longname, f->err, sizeof f->err), 0);
    assert_int_equal(workspace_create_file(f->root, "..", f->err, sizeof f->err), -1);
}

static void test_create(void **state)
{
    struct fx *f = *state;
    struct stat st;

    assert_int_equal(workspace_create_file(f->root, "new.py", f->err, sizeof f->err), 0);
    assert_int_equal(stat(tu_path(f->root, "new.py"), &st), 0);
    assert_true(S_ISREG(st.st_mode));
    assert_int_equal(st.st_mode & 07777, 0644);
    assert_int_equal(st.st_size, 0);

    assert_int_equal(workspace_create_file(f->root, "a.txt", f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "a.txt: already exists"));
    tu_assert_file_str(tu_path(f->root, "a.txt"), "alpha\n");

    assert_int_equal(workspace_create_dir(f->root, "pkg", f->err, sizeof f->err), 0);
    assert_int_equal(stat(tu_path(f->root, "pkg"), &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(st.st_mode & 07777, 0755);
    assert_int_equal(workspace_create_file(f->root, "pkg/__init__.py", f->err, sizeof f->err), 0);
    assert_true(exists(tu_path(f->root, "pkg/__init__.py")));
    assert_int_equal(workspace_create_dir(f->root, "pkg", f->err, sizeof f->err), -1);

    /* No parents are made. */
    assert_int_equal(workspace_create_file(f->root, "no/such/x.c", f->err, sizeof f->err), -1);
    assert_false(exists(tu_path(f->root, "no")));
    assert_int_equal(workspace_create_file(f->root, "../escape.txt", f->err, sizeof f->err), -1);
    assert_false(exists(tu_path(f->top, "escape.txt")));
}

static void test_rename(void **state)
{
    struct fx *f = *state;

    assert_int_equal(workspace_rename(f->root, "a.txt", "b.txt", f->err, sizeof f->err), 0);
    assert_false(exists(tu_path(f->root, "a.txt")));
    tu_assert_file_str(tu_path(f->root, "b.txt"), "alpha\n");

    tu_write_str(tu_path(f->root, "c.txt"), "gamma\n");
    assert_int_equal(workspace_rename(f->root, "c.txt", "b.txt", f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "b.txt: already exists"));
    tu_assert_file_str(tu_path(f->root, "b.txt"), "alpha\n");
    tu_assert_file_str(tu_path(f->root, "c.txt"), "gamma\n");

    assert_int_equal(mkdir(tu_path(f->root, "sub"), 0755), 0);
    assert_int_equal(workspace_rename(f->root, "b.txt", "sub/b.txt", f->err, sizeof f->err), 0);
    tu_assert_file_str(tu_path(f->root, "sub/b.txt"), "alpha\n");
    assert_int_equal(workspace_rename(f->root, "sub", "sub/inner", f->err, sizeof f->err), -1);
    assert_true(exists(tu_path(f->root, "sub/b.txt")));

    assert_int_equal(workspace_rename(f->root, "c.txt", "../c.txt", f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "outside the workspace"));
    assert_false(exists(tu_path(f->top, "c.txt")));
    assert_int_equal(workspace_rename(f->root, tu_path(f->out, "secret.txt"), "stolen.txt", f->err,
                                      sizeof f->err),
                     -1);
    assert_true(exists(tu_path(f->out, "secret.txt")));
    assert_int_equal(workspace_rename(f->root, "missing", "x", f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "missing: no such file"));

    /* A link is renamed as a link; its target stays where it is. */
    assert_int_equal(symlink(f->out, tu_path(f->root, "out")), 0);
    assert_int_equal(workspace_rename(f->root, "out", "out2", f->err, sizeof f->err), 0);
    struct stat st;
    assert_int_equal(lstat(tu_path(f->root, "out2"), &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_true(exists(tu_path(f->out, "secret.txt")));
}

static void test_delete(void **state)
{
    struct fx *f = *state;

    assert_int_equal(workspace_delete(f->root, "a.txt", f->err, sizeof f->err), 0);
    assert_false(exists(tu_path(f->root, "a.txt")));
    assert_int_equal(workspace_delete(f->root, "a.txt", f->err, sizeof f->err), -1);

    /* A folder tree holding a link to an outside folder and a link to an outside file. */
    assert_int_equal(mkdir(tu_path(f->root, "d"), 0755), 0);
    assert_int_equal(mkdir(tu_path(f->root, "d/e"), 0755), 0);
    tu_write_str(tu_path(f->root, "d/e/f.txt"), "x");
    tu_write_str(tu_path(f->root, "d/g.txt"), "y");
    assert_int_equal(symlink(f->out, tu_path(f->root, "d/e/outdir")), 0);
    assert_int_equal(symlink(tu_path(f->out, "secret.txt"), tu_path(f->root, "d/outfile")), 0);
    assert_int_equal(workspace_delete(f->root, "d", f->err, sizeof f->err), 0);
    assert_false(exists(tu_path(f->root, "d")));
    tu_assert_file_str(tu_path(f->out, "secret.txt"), "keep me\n");

    /* A link to an outside file alone: the link goes, the file stays. */
    assert_int_equal(symlink(tu_path(f->out, "secret.txt"), tu_path(f->root, "l")), 0);
    assert_int_equal(workspace_delete(f->root, "l", f->err, sizeof f->err), 0);
    assert_false(exists(tu_path(f->root, "l")));
    tu_assert_file_str(tu_path(f->out, "secret.txt"), "keep me\n");

    assert_int_equal(
        workspace_delete(f->root, tu_path(f->out, "secret.txt"), f->err, sizeof f->err), -1);
    assert_int_equal(workspace_delete(f->root, "../outside", f->err, sizeof f->err), -1);
    assert_true(exists(tu_path(f->out, "secret.txt")));
}

static void test_root_not_deleted(void **state)
{
    struct fx *f = *state;
    const char *forms[] = {"", ".", "./", "sub/..", f->root};

    assert_int_equal(mkdir(tu_path(f->root, "sub"), 0755), 0);
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
        assert_int_equal(workspace_delete(f->root, forms[i], f->err, sizeof f->err), -1);
        assert_non_null(strstr(f->err, "workspace root cannot be deleted"));
    }
    assert_true(exists(tu_path(f->root, "a.txt")));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_dotdot_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lexical_inside_ok, setup, teardown),
        cmocka_unit_test_setup_teardown(test_absolute_outside_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_symlink_file_out_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_symlinked_dir_out_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_name, setup, teardown),
        cmocka_unit_test_setup_teardown(test_create, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rename, setup, teardown),
        cmocka_unit_test_setup_teardown(test_delete, setup, teardown),
        cmocka_unit_test_setup_teardown(test_root_not_deleted, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
