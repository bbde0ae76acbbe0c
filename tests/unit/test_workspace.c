/* test_workspace.c — the workspace boundary: escapes by "..", absolute paths and symlinks are
 * refused; create, rename and delete work inside and never touch anything outside. Each test
 * gets a fresh workspace and a sibling "outside" folder holding a file that must survive. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "workspace.h"

struct fx {
    char top[PATH_MAX];       /* the temporary folder holding both */
    char root[PATH_MAX + 16]; /* the workspace, resolved */
    char out[PATH_MAX + 16];  /* outside the workspace */
    char err[512];
};

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static char *slurp(const char *path)
{
    static char buf[4096];
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

static bool exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

static const char *at(const char *dir, const char *name)
{
    static char bufs[4][PATH_MAX];
    static int next;
    char *b = bufs[next++ % 4];
    snprintf(b, PATH_MAX, "%s/%s", dir, name);
    return b;
}

static int rm_entry(const char *p, const struct stat *sb, int type, struct FTW *ftw)
{
    (void)sb;
    (void)ftw;
    return type == FTW_DP ? rmdir(p) : unlink(p);
}

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof *f);
    char tmpl[] = "/tmp/shed-ws-XXXXXX";
    assert_non_null(mkdtemp(tmpl));
    assert_non_null(realpath(tmpl, f->top));
    snprintf(f->root, sizeof f->root, "%s/ws", f->top);
    snprintf(f->out, sizeof f->out, "%s/outside", f->top);
    assert_int_equal(mkdir(f->root, 0755), 0);
    assert_int_equal(mkdir(f->out, 0755), 0);
    put(at(f->out, "secret.txt"), "keep me\n");
    put(at(f->root, "a.txt"), "alpha\n");
    umask(022);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    nftw(f->top, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
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
    assert_string_equal(p, at(f->root, "a.txt"));
    free(p);
    p = workspace_resolve(f->root, at(f->root, "a.txt"), true, f->err, sizeof f->err);
    assert_non_null(p);
    assert_string_equal(p, at(f->root, "a.txt"));
    free(p);
    p = workspace_resolve(f->root, "new.txt", false, f->err, sizeof f->err);
    assert_non_null(p);
    assert_string_equal(p, at(f->root, "new.txt"));
    free(p);
    assert_null(workspace_resolve(f->root, "new.txt", true, f->err, sizeof f->err));
    assert_null(workspace_resolve(f->root, "nodir/new.txt", false, f->err, sizeof f->err));
    assert_non_null(strstr(f->err, "does not exist"));
}

static void test_absolute_outside_refused(void **state)
{
    struct fx *f = *state;
    const char *p = at(f->out, "secret.txt");

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
    assert_true(workspace_contains(f->root, at(f->root, "x/y")));
}

static void test_symlink_file_out_refused(void **state)
{
    struct fx *f = *state;

    assert_int_equal(symlink(at(f->out, "secret.txt"), at(f->root, "link")), 0);
    assert_null(workspace_resolve(f->root, "link", true, f->err, sizeof f->err));
    assert_non_null(strstr(f->err, "link: outside the workspace"));
    assert_null(workspace_resolve(f->root, "link", false, f->err, sizeof f->err));
    /* Dangling, pointing at a file that a save would create outside. */
    assert_int_equal(symlink(at(f->out, "planted.txt"), at(f->root, "dangling")), 0);
    assert_null(workspace_resolve(f->root, "dangling", false, f->err, sizeof f->err));
    assert_non_null(strstr(f->err, "outside the workspace"));
    /* A link that stays inside resolves to its target. */
    assert_int_equal(symlink("a.txt", at(f->root, "inner")), 0);
    char *p = workspace_resolve(f->root, "inner", true, f->err, sizeof f->err);
    assert_non_null(p);
    assert_string_equal(p, at(f->root, "a.txt"));
    free(p);
}

static void test_symlinked_dir_out_refused(void **state)
{
    struct fx *f = *state;

    assert_int_equal(symlink(f->out, at(f->root, "out")), 0);
    assert_null(workspace_resolve(f->root, "out/secret.txt", true, f->err, sizeof f->err));
    assert_non_null(strstr(f->err, "outside the workspace"));
    assert_int_equal(workspace_create_file(f->root, "out/new.txt", f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "outside the workspace"));
    assert_false(exists(at(f->out, "new.txt")));
    assert_int_equal(workspace_create_dir(f->root, "out/d", f->err, sizeof f->err), -1);
    assert_false(exists(at(f->out, "d")));
    assert_int_equal(workspace_delete(f->root, "out/secret.txt", f->err, sizeof f->err), -1);
    assert_string_equal(slurp(at(f->out, "secret.txt")), "keep me\n");
    assert_int_equal(workspace_rename(f->root, "a.txt", "out/a.txt", f->err, sizeof f->err), -1);
    assert_true(exists(at(f->root, "a.txt")));
    assert_false(exists(at(f->out, "a.txt")));
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
    assert_int_equal(stat(at(f->root, "new.py"), &st), 0);
    assert_true(S_ISREG(st.st_mode));
    assert_int_equal(st.st_mode & 07777, 0644);
    assert_int_equal(st.st_size, 0);

    assert_int_equal(workspace_create_file(f->root, "a.txt", f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "a.txt: already exists"));
    assert_string_equal(slurp(at(f->root, "a.txt")), "alpha\n");

    assert_int_equal(workspace_create_dir(f->root, "pkg", f->err, sizeof f->err), 0);
    assert_int_equal(stat(at(f->root, "pkg"), &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(st.st_mode & 07777, 0755);
    assert_int_equal(workspace_create_file(f->root, "pkg/__init__.py", f->err, sizeof f->err), 0);
    assert_true(exists(at(f->root, "pkg/__init__.py")));
    assert_int_equal(workspace_create_dir(f->root, "pkg", f->err, sizeof f->err), -1);

    /* No parents are made. */
    assert_int_equal(workspace_create_file(f->root, "no/such/x.c", f->err, sizeof f->err), -1);
    assert_false(exists(at(f->root, "no")));
    assert_int_equal(workspace_create_file(f->root, "../escape.txt", f->err, sizeof f->err), -1);
    assert_false(exists(at(f->top, "escape.txt")));
}

static void test_rename(void **state)
{
    struct fx *f = *state;

    assert_int_equal(workspace_rename(f->root, "a.txt", "b.txt", f->err, sizeof f->err), 0);
    assert_false(exists(at(f->root, "a.txt")));
    assert_string_equal(slurp(at(f->root, "b.txt")), "alpha\n");

    put(at(f->root, "c.txt"), "gamma\n");
    assert_int_equal(workspace_rename(f->root, "c.txt", "b.txt", f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "b.txt: already exists"));
    assert_string_equal(slurp(at(f->root, "b.txt")), "alpha\n");
    assert_string_equal(slurp(at(f->root, "c.txt")), "gamma\n");

    assert_int_equal(mkdir(at(f->root, "sub"), 0755), 0);
    assert_int_equal(workspace_rename(f->root, "b.txt", "sub/b.txt", f->err, sizeof f->err), 0);
    assert_string_equal(slurp(at(f->root, "sub/b.txt")), "alpha\n");
    assert_int_equal(workspace_rename(f->root, "sub", "sub/inner", f->err, sizeof f->err), -1);
    assert_true(exists(at(f->root, "sub/b.txt")));

    assert_int_equal(workspace_rename(f->root, "c.txt", "../c.txt", f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "outside the workspace"));
    assert_false(exists(at(f->top, "c.txt")));
    assert_int_equal(
        workspace_rename(f->root, at(f->out, "secret.txt"), "stolen.txt", f->err, sizeof f->err),
        -1);
    assert_true(exists(at(f->out, "secret.txt")));
    assert_int_equal(workspace_rename(f->root, "missing", "x", f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "missing: no such file"));

    /* A link is renamed as a link; its target stays where it is. */
    assert_int_equal(symlink(f->out, at(f->root, "out")), 0);
    assert_int_equal(workspace_rename(f->root, "out", "out2", f->err, sizeof f->err), 0);
    struct stat st;
    assert_int_equal(lstat(at(f->root, "out2"), &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_true(exists(at(f->out, "secret.txt")));
}

static void test_delete(void **state)
{
    struct fx *f = *state;

    assert_int_equal(workspace_delete(f->root, "a.txt", f->err, sizeof f->err), 0);
    assert_false(exists(at(f->root, "a.txt")));
    assert_int_equal(workspace_delete(f->root, "a.txt", f->err, sizeof f->err), -1);

    /* A folder tree holding a link to an outside folder and a link to an outside file. */
    assert_int_equal(mkdir(at(f->root, "d"), 0755), 0);
    assert_int_equal(mkdir(at(f->root, "d/e"), 0755), 0);
    put(at(f->root, "d/e/f.txt"), "x");
    put(at(f->root, "d/g.txt"), "y");
    assert_int_equal(symlink(f->out, at(f->root, "d/e/outdir")), 0);
    assert_int_equal(symlink(at(f->out, "secret.txt"), at(f->root, "d/outfile")), 0);
    assert_int_equal(workspace_delete(f->root, "d", f->err, sizeof f->err), 0);
    assert_false(exists(at(f->root, "d")));
    assert_string_equal(slurp(at(f->out, "secret.txt")), "keep me\n");

    /* A link to an outside file alone: the link goes, the file stays. */
    assert_int_equal(symlink(at(f->out, "secret.txt"), at(f->root, "l")), 0);
    assert_int_equal(workspace_delete(f->root, "l", f->err, sizeof f->err), 0);
    assert_false(exists(at(f->root, "l")));
    assert_string_equal(slurp(at(f->out, "secret.txt")), "keep me\n");

    assert_int_equal(workspace_delete(f->root, at(f->out, "secret.txt"), f->err, sizeof f->err),
                     -1);
    assert_int_equal(workspace_delete(f->root, "../outside", f->err, sizeof f->err), -1);
    assert_true(exists(at(f->out, "secret.txt")));
}

static void test_root_not_deleted(void **state)
{
    struct fx *f = *state;
    const char *forms[] = {"", ".", "./", "sub/..", f->root};

    assert_int_equal(mkdir(at(f->root, "sub"), 0755), 0);
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
        assert_int_equal(workspace_delete(f->root, forms[i], f->err, sizeof f->err), -1);
        assert_non_null(strstr(f->err, "workspace root cannot be deleted"));
    }
    assert_true(exists(at(f->root, "a.txt")));
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
