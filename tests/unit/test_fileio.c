/* test_fileio.c — loading and saving files: byte-for-byte round trips, modes, owners and
 * symlinks kept, refusals (directories, binary, huge, unreadable), failed saves that leave the
 * original intact with no temporary file behind, and the changed-on-disk check.
 *
 * Permission checks do not apply to root, so when the tests run as root the permission cases
 * run in a forked child that has dropped to uid/gid 65534; it reports through its exit status
 * and sends the error message back through a pipe. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buffer.h"
#include "fileio.h"
#include "testutil.h"

struct fx {
    char dir[PATH_MAX];
    char err[512];
};

static int setup(void **state)
{
    struct fx *f = calloc(1, sizeof *f);
    tu_tempdir("fileio", f->dir);
    assert_int_equal(chmod(f->dir, 0755), 0); /* so an unprivileged child can reach it */
    umask(022);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    tu_rm_rf(f->dir);
    free(f);
    return 0;
}

/* Loads PATH and saves it straight back; the file must keep its exact bytes. */
static void round_trip(struct fx *f, const char *name, const char *bytes, size_t len)
{
    const char *path = tu_path(f->dir, name);
    struct buffer *b;
    struct file_info info, after;

    tu_write(path, bytes, len);
    assert_int_equal(fileio_load(path, &b, &info, f->err, sizeof f->err), FILEIO_OK);
    assert_true(info.exists);
    assert_int_equal(info.size, (off_t)len);
    assert_int_equal(fileio_save(path, b, &info, &after, f->err, sizeof f->err), FILEIO_OK);
    tu_assert_file(path, bytes, len);
    assert_int_equal(after.size, (off_t)len);
    assert_false(buffer_modified(b));
    buffer_free(b);
}

static void test_round_trip_exact(void **state)
{
    struct fx *f = *state;

    round_trip(f, "lf.txt", "one\ntwo\n", 8);
    round_trip(f, "crlf.txt", "one\r\ntwo\r\n", 10);
    round_trip(f, "nofinal.txt", "one\ntwo", 7);
    round_trip(f, "mixed.txt", "one\r\ntwo\nthree\r\n", 16);
    round_trip(f, "bad-utf8.txt", "ok \xff\xfe \xc3( \xe2\x82\n\xed\xa0\x80\n", 16);
    round_trip(f, "empty.txt", "", 0);
    round_trip(f, "newlines.txt", "\n\n\n", 3);
    /* Only the file itself is there: no temporary left behind by any save. */
    assert_int_equal(tu_count_entries(f->dir, NULL, 0), 7);
}

static void test_edit_and_save(void **state)
{
    struct fx *f = *state;
    const char *path = tu_path(f->dir, "main.py");
    struct buffer *b;
    struct file_info info, after, disk;

    tu_write(path, "print(1)\r\n", 10);
    assert_int_equal(fileio_load(path, &b, &info, f->err, sizeof f->err), FILEIO_OK);
    buffer_insert(b, buffer_end(b), "\nprint(2)", 9, NULL);
    assert_true(buffer_modified(b));
    assert_int_equal(fileio_save(path, b, &info, &after, f->err, sizeof f->err), FILEIO_OK);
    assert_false(buffer_modified(b));
    tu_assert_file(path, "print(1)\r\nprint(2)\r\n", 20);

    /* The returned info is what is on disk, so it serves as EXPECT for the next save. */
    assert_int_equal(fileio_stat(path, &disk), 0);
    assert_int_equal(disk.ino, after.ino);
    assert_int_equal(disk.size, after.size);
    assert_int_equal(disk.mtime.tv_nsec, after.mtime.tv_nsec);
    buffer_insert(b, (struct pos){0, 0}, "#", 1, NULL);
    assert_int_equal(fileio_save(path, b, &after, &after, f->err, sizeof f->err), FILEIO_OK);
    tu_assert_file(path, "#print(1)\r\nprint(2)\r\n", 21);
    buffer_free(b);
}

static void test_missing_file_is_new(void **state)
{
    struct fx *f = *state;
    const char *path = tu_path(f->dir, "new.c");
    struct buffer *b;
    struct file_info info, after;
    struct stat st;

    assert_int_equal(fileio_load(path, &b, &info, f->err, sizeof f->err), FILEIO_OK);
    assert_false(info.exists);
    assert_int_equal(b->nlines, 1);
    assert_int_equal(buffer_size(b), 1); /* one empty line with its newline */
    assert_int_equal(stat(path, &st), -1);

    buffer_insert(b, (struct pos){0, 0}, "int x;", 6, NULL);
    assert_int_equal(fileio_save(path, b, &info, &after, f->err, sizeof f->err), FILEIO_OK);
    tu_assert_file(path, "int x;\n", 7);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0644);
    assert_true(after.exists);
    buffer_free(b);

    /* fileio_stat says missing without failing. */
    assert_int_equal(fileio_stat(tu_path(f->dir, "nope"), &info), 0);
    assert_false(info.exists);
}

static void test_mode_and_owner_kept(void **state)
{
    struct fx *f = *state;
    const char *path = tu_path(f->dir, "run.sh");
    struct stat st;

    tu_write(path, "#!/bin/sh\n", 10);
    assert_int_equal(chmod(path, 0755), 0);
    assert_int_equal(
        fileio_save_bytes(path, "#!/bin/sh\necho\n", 15, NULL, NULL, f->err, sizeof f->err),
        FILEIO_OK);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0755);

    assert_int_equal(chmod(path, 0600), 0);
    assert_int_equal(fileio_save_bytes(path, "x", 1, NULL, NULL, f->err, sizeof f->err), FILEIO_OK);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 07777, 0600);

    if (geteuid() == 0) {
        assert_int_equal(chown(path, TU_NOBODY, TU_NOBODY), 0);
        assert_int_equal(fileio_save_bytes(path, "y", 1, NULL, NULL, f->err, sizeof f->err),
                         FILEIO_OK);
        assert_int_equal(stat(path, &st), 0);
        assert_int_equal(st.st_uid, TU_NOBODY);
        assert_int_equal(st.st_gid, TU_NOBODY);
        assert_int_equal(st.st_mode & 07777, 0600);
    }
}

static void test_symlink_kept(void **state)
{
    struct fx *f = *state;
    const char *link = tu_path(f->dir, "link.txt");
    const char *target = tu_path(f->dir, "real/target.txt");
    struct buffer *b;
    struct file_info info;
    struct stat st;
    char dest[PATH_MAX];

    assert_int_equal(mkdir(tu_path(f->dir, "real"), 0755), 0);
    tu_write(target, "old\n", 4);
    assert_int_equal(symlink("real/target.txt", link), 0);

    assert_int_equal(fileio_load(link, &b, &info, f->err, sizeof f->err), FILEIO_OK);
    buffer_insert(b, buffer_end(b), "\nnew", 4, NULL);
    assert_int_equal(fileio_save(link, b, &info, NULL, f->err, sizeof f->err), FILEIO_OK);
    buffer_free(b);

    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    ssize_t n = readlink(link, dest, sizeof dest - 1);
    assert_true(n > 0);
    dest[n] = '\0';
    assert_string_equal(dest, "real/target.txt");
    tu_assert_file(target, "old\nnew\n", 8);
    assert_int_equal(tu_count_entries(tu_path(f->dir, "real"), NULL, 0), 1);

    /* A dangling link: saving creates its target and keeps the link. */
    assert_int_equal(symlink("real/made.txt", tu_path(f->dir, "dangling")), 0);
    assert_int_equal(fileio_save_bytes(tu_path(f->dir, "dangling"), "made\n", 5, NULL, NULL, f->err,
                                       sizeof f->err),
                     FILEIO_OK);
    assert_int_equal(lstat(tu_path(f->dir, "dangling"), &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    tu_assert_file(tu_path(f->dir, "real/made.txt"), "made\n", 5);
}

struct save_ctx {
    const char *path;
};

static int save_in_child(void *ctx, char *err, size_t errlen)
{
    struct save_ctx *c = ctx;
    int rc = fileio_save_bytes(c->path, "replaced\n", 9, NULL, NULL, err, errlen);
    return rc == FILEIO_ERROR ? 0 : 1;
}

static int load_in_child(void *ctx, char *err, size_t errlen)
{
    struct save_ctx *c = ctx;
    struct buffer *b = NULL;
    struct file_info info;
    int rc = fileio_load(c->path, &b, &info, err, errlen);
    if (b)
        buffer_free(b);
    return rc == FILEIO_ERROR && b == NULL ? 0 : 1;
}

static void test_readonly_dir_save_fails(void **state)
{
    struct fx *f = *state;
    const char *ro = tu_path(f->dir, "ro");
    const char *path = tu_path(f->dir, "ro/keep.txt");
    struct save_ctx c = {path};

    assert_int_equal(mkdir(ro, 0755), 0);
    tu_write(path, "original\n", 9);
    assert_int_equal(chmod(path, 0666), 0); /* the file is writable, its directory is not */
    assert_int_equal(chmod(ro, 0555), 0);

    assert_int_equal(tu_unprivileged(save_in_child, &c, f->err, sizeof f->err), 0);
    assert_non_null(strstr(f->err, "keep.txt: permission denied"));
    assert_non_null(strstr(f->err, "directory's permissions"));
    tu_assert_file(path, "original\n", 9);
    assert_int_equal(tu_count_entries(ro, NULL, 0), 1);
    assert_int_equal(chmod(ro, 0755), 0);
}

static void test_readonly_file_save_fails(void **state)
{
    struct fx *f = *state;
    const char *rw = tu_path(f->dir, "rw");
    const char *path = tu_path(f->dir, "rw/locked.txt");
    struct save_ctx c = {path};

    /* The directory allows a rename over the file, but the file itself is read-only. */
    assert_int_equal(mkdir(rw, 0777), 0);
    assert_int_equal(chmod(rw, 0777), 0);
    tu_write(path, "locked\n", 7);
    assert_int_equal(chmod(path, 0444), 0);
    assert_int_equal(tu_unprivileged(save_in_child, &c, f->err, sizeof f->err), 0);
    assert_non_null(strstr(f->err, "locked.txt: the file is read-only"));
    tu_assert_file(path, "locked\n", 7);
    assert_int_equal(tu_count_entries(rw, NULL, 0), 1);
}

static void test_unreadable_refused(void **state)
{
    struct fx *f = *state;
    const char *path = tu_path(f->dir, "secret.txt");
    struct save_ctx c = {path};

    tu_write(path, "secret\n", 7);
    assert_int_equal(chmod(path, 0), 0);
    assert_int_equal(tu_unprivileged(load_in_child, &c, f->err, sizeof f->err), 0);
    assert_non_null(strstr(f->err, "secret.txt: permission denied"));
}

static void test_missing_dir_save_fails(void **state)
{
    struct fx *f = *state;
    char path[PATH_MAX * 2];

    snprintf(path, sizeof path, "%s", tu_path(f->dir, "gone/x.txt"));
    assert_int_equal(fileio_save_bytes(path, "x", 1, NULL, NULL, f->err, sizeof f->err),
                     FILEIO_ERROR);
    assert_non_null(strstr(f->err, "does not exist (create it first)"));

    /* The directory's place is taken by a file. */
    tu_write(tu_path(f->dir, "plain"), "p", 1);
    snprintf(path, sizeof path, "%s", tu_path(f->dir, "plain/x.txt"));
    assert_int_equal(fileio_save_bytes(path, "x", 1, NULL, NULL, f->err, sizeof f->err),
                     FILEIO_ERROR);
    assert_non_null(strstr(f->err, "not a directory"));
    tu_assert_file(tu_path(f->dir, "plain"), "p", 1);
    assert_int_equal(tu_count_entries(f->dir, NULL, 0), 1);
}

static void test_disk_full(void **state)
{
    struct fx *f = *state;
    const char *mnt = tu_path(f->dir, "small");
    char path[PATH_MAX * 2];

    assert_int_equal(mkdir(mnt, 0755), 0);
    if (mount("tmpfs", mnt, "tmpfs", 0, "size=64k") != 0)
        skip(); /* needs CAP_SYS_ADMIN */
    snprintf(path, sizeof path, "%s", tu_path(mnt, "data.txt"));
    tu_write(path, "small\n", 6);

    size_t big = 1 << 20;
    char *bytes = malloc(big);
    memset(bytes, 'x', big);
    int rc = fileio_save_bytes(path, bytes, big, NULL, NULL, f->err, sizeof f->err);
    free(bytes);
    int left = tu_count_entries(mnt, NULL, 0);
    size_t n;
    char *got = tu_read(path, &n);
    umount(mnt);

    assert_int_equal(rc, FILEIO_ERROR);
    assert_non_null(strstr(f->err, "data.txt: disk full"));
    assert_int_equal(left, 1);
    assert_int_equal(n, 6);
    assert_memory_equal(got, "small\n", 6);
    free(got);
}

static void test_refusals(void **state)
{
    struct fx *f = *state;
    struct buffer *b = NULL;
    struct file_info info;
    char want[PATH_MAX * 3];

    assert_int_equal(mkdir(tu_path(f->dir, "folder"), 0755), 0);
    assert_int_equal(fileio_load(tu_path(f->dir, "folder"), &b, &info, f->err, sizeof f->err),
                     FILEIO_ERROR);
    assert_null(b);
    snprintf(want, sizeof want, "%s: is a directory", tu_path(f->dir, "folder"));
    assert_string_equal(f->err, want);
    assert_int_equal(
        fileio_save_bytes(tu_path(f->dir, "folder"), "x", 1, NULL, NULL, f->err, sizeof f->err),
        FILEIO_ERROR);
    assert_non_null(strstr(f->err, "is a directory"));

    tu_write(tu_path(f->dir, "a.out"),
             "\x7f"
             "ELF\0\0\1",
             7);
    assert_int_equal(fileio_load(tu_path(f->dir, "a.out"), &b, &info, f->err, sizeof f->err),
                     FILEIO_ERROR);
    assert_null(b);
    snprintf(want, sizeof want, "%s: binary file (contains NUL bytes); shed edits text only",
             tu_path(f->dir, "a.out"));
    assert_string_equal(f->err, want);
    assert_true(fileio_is_binary("a\0b", 3));
    assert_false(fileio_is_binary("abc\xff", 4));

    /* Huge (sparse, so it costs no disk): refused from its size without reading it. */
    int fd = open(tu_path(f->dir, "huge.log"), O_WRONLY | O_CREAT, 0644);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, (off_t)3 << 29), 0);
    close(fd);
    assert_int_equal(fileio_load(tu_path(f->dir, "huge.log"), &b, &info, f->err, sizeof f->err),
                     FILEIO_ERROR);
    snprintf(want, sizeof want, "%s: 1.5 GB is too large to open (limit 1 GB)",
             tu_path(f->dir, "huge.log"));
    assert_string_equal(f->err, want);

    assert_int_equal(mkfifo(tu_path(f->dir, "fifo"), 0644), 0);
    assert_int_equal(fileio_load(tu_path(f->dir, "fifo"), &b, &info, f->err, sizeof f->err),
                     FILEIO_ERROR);
    assert_non_null(strstr(f->err, "not a regular file"));
}

static void test_changed_on_disk(void **state)
{
    struct fx *f = *state;
    const char *path = tu_path(f->dir, "shared.txt");
    struct buffer *b;
    struct file_info info;
    char want[PATH_MAX * 3];

    tu_write(path, "v1\n", 3);
    assert_int_equal(fileio_load(path, &b, &info, f->err, sizeof f->err), FILEIO_OK);
    buffer_insert(b, (struct pos){0, 0}, "mine ", 5, NULL);

    /* Someone else writes the file in place. */
    tu_write(path, "theirs v2\n", 10);
    assert_int_equal(fileio_save(path, b, &info, NULL, f->err, sizeof f->err), FILEIO_CHANGED);
    snprintf(want, sizeof want, "%s: changed on disk since it was opened", path);
    assert_string_equal(f->err, want);
    tu_assert_file(path, "theirs v2\n", 10);
    assert_true(buffer_modified(b));
    assert_int_equal(tu_count_entries(f->dir, NULL, 0), 1);

    /* Same size, but replaced by another file (another inode). */
    assert_int_equal(fileio_stat(path, &info), 0);
    tu_write(tu_path(f->dir, "other"), "THEIRS V2\n", 10);
    assert_int_equal(rename(tu_path(f->dir, "other"), path), 0);
    assert_int_equal(fileio_save(path, b, &info, NULL, f->err, sizeof f->err), FILEIO_CHANGED);
    tu_assert_file(path, "THEIRS V2\n", 10);

    /* Deleted: saving would bring it back, so that is a change too. */
    assert_int_equal(fileio_stat(path, &info), 0);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(fileio_save(path, b, &info, NULL, f->err, sizeof f->err), FILEIO_CHANGED);
    assert_non_null(strstr(f->err, "deleted on disk"));
    assert_int_equal(tu_count_entries(f->dir, NULL, 0), 0);

    /* Without EXPECT the user's choice to overwrite goes through. */
    assert_int_equal(fileio_save(path, b, NULL, NULL, f->err, sizeof f->err), FILEIO_OK);
    tu_assert_file(path, "mine v1\n", 8);
    buffer_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_round_trip_exact, setup, teardown),
        cmocka_unit_test_setup_teardown(test_edit_and_save, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_file_is_new, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mode_and_owner_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_symlink_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_readonly_dir_save_fails, setup, teardown),
        cmocka_unit_test_setup_teardown(test_readonly_file_save_fails, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unreadable_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_dir_save_fails, setup, teardown),
        cmocka_unit_test_setup_teardown(test_disk_full, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refusals, setup, teardown),
        cmocka_unit_test_setup_teardown(test_changed_on_disk, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
