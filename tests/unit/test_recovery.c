/* test_recovery.c — recovery files: bytes come back exactly, files are private (0600 in a 0700
 * folder), one per path, named by the path's FNV-1a hash; another path sharing the hash is
 * never mistaken for ours nor discarded; damage is reported. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "recovery.h"
#include "testutil.h"

struct fx {
    char top[PATH_MAX];
    char dir[PATH_MAX + 32]; /* the recovery folder, not yet created */
    char err[512];
};

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof *f);
    tu_tempdir("rec", f->top);
    snprintf(f->dir, sizeof f->dir, "%s/data/recovery", f->top);
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

/* The file name the format specifies: 16 hex digits of FNV-1a 64 of the path, then ".rec". */
static void spec_name(const char *path, char *out, size_t outlen)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (const char *s = path; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ULL;
    }
    snprintf(out, outlen, "%016" PRIx64 ".rec", h);
}

static void test_round_trip(void **state)
{
    struct fx *f = *state;
    const char bytes[] = "line one\r\nbad \xff\xfe utf-8\n\tno final newline";
    const size_t len = sizeof bytes - 1;
    char *got = NULL;
    size_t glen = 0;
    time_t when = 0;
    time_t t0 = time(NULL);

    assert_int_equal(
        recovery_write(f->dir, "/home/u/ws/main.py", bytes, len, f->err, sizeof f->err), 0);
    assert_int_equal(
        recovery_find(f->dir, "/home/u/ws/main.py", &got, &glen, &when, f->err, sizeof f->err), 1);
    assert_int_equal(glen, len);
    assert_memory_equal(got, bytes, len);
    assert_true(when >= t0 && when <= time(NULL));
    free(got);

    assert_int_equal(
        recovery_find(f->dir, "/home/u/ws/other.py", &got, &glen, &when, f->err, sizeof f->err), 0);
}

static void test_file_layout_and_modes(void **state)
{
    struct fx *f = *state;
    char name[300], want[64], path[PATH_MAX * 2];
    struct stat st;

    umask(022);
    assert_int_equal(recovery_write(f->dir, "/w/a.c", "x", 1, f->err, sizeof f->err), 0);
    assert_int_equal(stat(f->dir, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    assert_int_equal(tu_count_entries(f->dir, name, sizeof name), 1);
    spec_name("/w/a.c", want, sizeof want);
    assert_string_equal(name, want);
    snprintf(path, sizeof path, "%s/%s", f->dir, name);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);

    size_t n;
    char *buf = tu_read(path, &n);
    assert_true(strncmp(buf, "shed-recovery 1 ", 16) == 0);
    assert_non_null(strstr(buf, " /w/a.c\nx"));
    assert_int_equal(buf[n - 1], 'x');
    free(buf);

    /* A second write replaces the first and leaves no temporary file. */
    assert_int_equal(recovery_write(f->dir, "/w/a.c", "newer", 5, f->err, sizeof f->err), 0);
    assert_int_equal(tu_count_entries(f->dir, NULL, 0), 1);
    char *got;
    size_t glen;
    time_t when;
    assert_int_equal(recovery_find(f->dir, "/w/a.c", &got, &glen, &when, f->err, sizeof f->err), 1);
    assert_int_equal(glen, 5);
    assert_memory_equal(got, "newer", 5);
    free(got);
}

static void test_empty_and_odd_paths(void **state)
{
    struct fx *f = *state;
    char *got;
    size_t glen = 99;
    time_t when;
    const char *odd = "/w/we ird\nname.txt";

    assert_int_equal(recovery_write(f->dir, "untitled-1", "", 0, f->err, sizeof f->err), 0);
    assert_int_equal(recovery_find(f->dir, "untitled-1", &got, &glen, &when, f->err, sizeof f->err),
                     1);
    assert_int_equal(glen, 0);
    free(got);

    assert_int_equal(recovery_write(f->dir, odd, "a\nb\n", 4, f->err, sizeof f->err), 0);
    assert_int_equal(recovery_find(f->dir, odd, &got, &glen, &when, f->err, sizeof f->err), 1);
    assert_int_equal(glen, 4);
    assert_memory_equal(got, "a\nb\n", 4);
    free(got);
}

static void test_collision_not_ours(void **state)
{
    struct fx *f = *state;
    char name[64], path[PATH_MAX * 2];
    char *got;
    size_t glen;
    time_t when;

    /* A file under /w/mine.c's name that records another path, as a hash collision would. */
    assert_int_equal(recovery_write(f->dir, "/w/x", "", 0, f->err, sizeof f->err), 0);
    spec_name("/w/mine.c", name, sizeof name);
    snprintf(path, sizeof path, "%s/%s", f->dir, name);
    tu_write_str(path, "shed-recovery 1 1700000000 /w/theirs.c\ntheir text");

    assert_int_equal(recovery_find(f->dir, "/w/mine.c", &got, &glen, &when, f->err, sizeof f->err),
                     0);
    recovery_discard(f->dir, "/w/mine.c");
    assert_int_equal(access(path, F_OK), 0);
    assert_int_equal(
        recovery_find(f->dir, "/w/theirs.c", &got, &glen, &when, f->err, sizeof f->err),
        0); /* stored under another hash's name: not found by its own */
}

static void test_discard(void **state)
{
    struct fx *f = *state;
    char *got;
    size_t glen;
    time_t when;

    assert_int_equal(recovery_write(f->dir, "/w/a", "1", 1, f->err, sizeof f->err), 0);
    assert_int_equal(recovery_write(f->dir, "/w/b", "2", 1, f->err, sizeof f->err), 0);
    recovery_discard(f->dir, "/w/a");
    assert_int_equal(recovery_find(f->dir, "/w/a", &got, &glen, &when, f->err, sizeof f->err), 0);
    assert_int_equal(recovery_find(f->dir, "/w/b", &got, &glen, &when, f->err, sizeof f->err), 1);
    free(got);
    assert_int_equal(tu_count_entries(f->dir, NULL, 0), 1);
    recovery_discard(f->dir, "/w/never-written");
}

static void test_damaged(void **state)
{
    struct fx *f = *state;
    char name[64], path[PATH_MAX * 2];
    char *got;
    size_t glen;
    time_t when;

    assert_int_equal(recovery_write(f->dir, "/w/d", "ok", 2, f->err, sizeof f->err), 0);
    spec_name("/w/d", name, sizeof name);
    snprintf(path, sizeof path, "%s/%s", f->dir, name);
    tu_write_str(path, "garbage");
    assert_int_equal(recovery_find(f->dir, "/w/d", &got, &glen, &when, f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "/w/d: its recovery file"));
    assert_non_null(strstr(f->err, "damaged"));
}

static void test_unwritable_dir(void **state)
{
    struct fx *f = *state;
    char file[PATH_MAX * 2];

    /* The recovery folder's place is taken by a file. */
    snprintf(file, sizeof file, "%s/data", f->top);
    tu_write(file, "", 0);
    assert_int_equal(recovery_write(f->dir, "/w/a", "x", 1, f->err, sizeof f->err), -1);
    assert_non_null(strstr(f->err, "cannot create the recovery folder"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_layout_and_modes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_and_odd_paths, setup, teardown),
        cmocka_unit_test_setup_teardown(test_collision_not_ours, setup, teardown),
        cmocka_unit_test_setup_teardown(test_discard, setup, teardown),
        cmocka_unit_test_setup_teardown(test_damaged, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unwritable_dir, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
