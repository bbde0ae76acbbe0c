/* testutil.h — scaffolding shared by the unit tests: a fresh temporary folder per test, its
 * removal, paths inside it, files written and read back whole, and running a check without
 * root's privileges. Each helper fails the running
 * cmocka test instead of returning an error, except tu_rm_rf, whose callers are teardowns.
 * Everything is static inline so that a test using only some of the helpers does not warn about
 * the others. Test code only: src/ never includes this. */
#ifndef SHED_TESTUTIL_H
#define SHED_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "xalloc.h"

/* Makes a new, empty folder /tmp/shed-TAG-XXXXXX and puts its resolved path in OUT, so that
 * paths built on it compare equal to what realpath() gives the code under test. */
static inline void tu_tempdir(const char *tag, char out[PATH_MAX])
{
    char tmpl[PATH_MAX];
    int n = snprintf(tmpl, sizeof tmpl, "/tmp/shed-%s-XXXXXX", tag);

    assert_true(n > 0 && (size_t)n < sizeof tmpl);
    assert_non_null(mkdtemp(tmpl));
    assert_non_null(realpath(tmpl, out));
}

static inline int tu_rm_entry_(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st, (void)ftw;
    return type == FTW_DP ? rmdir(path) : unlink(path);
}

/* Removes PATH and everything below it. Links are removed, never followed. */
static inline int tu_rm_rf(const char *path)
{
    return nftw(path, tu_rm_entry_, 16, FTW_DEPTH | FTW_PHYS) == 0 ? 0 : -1;
}

/* cmocka setup and teardown for tests whose state is the path of their own temporary folder
 * (a string the pair allocates and frees), named after the test binary. */
static inline int tu_tempdir_setup(void **state)
{
    char dir[PATH_MAX];

    tu_tempdir(program_invocation_short_name, dir);
    *state = xstrdup(dir);
    return 0;
}

static inline int tu_tempdir_teardown(void **state)
{
    tu_rm_rf(*state);
    free(*state);
    return 0;
}

/* A test run with its own temporary folder as state. */
#define TU_DIR_TEST(fn) cmocka_unit_test_setup_teardown(fn, tu_tempdir_setup, tu_tempdir_teardown)

/* DIR/NAME in one of four buffers used in turn: valid until the fourth call after this one, so
 * two or three can be arguments of the same call. */
static inline const char *tu_path(const char *dir, const char *name)
{
    static char bufs[4][PATH_MAX * 2];
    static unsigned next;
    char *b = bufs[next++ % 4];
    size_t dlen = strlen(dir), nlen = strlen(name);

    /* Not snprintf: DIR is often an earlier answer, and gcc cannot tell it is another buffer. */
    assert_true(dlen + 1 + nlen < sizeof bufs[0]);
    memmove(b, dir, dlen);
    b[dlen] = '/';
    memmove(b + dlen + 1, name, nlen + 1);
    return b;
}

/* The number of names in DIR other than "." and "..". If FIRST is not NULL, the first name read
 * is copied there (the only one, when there is one). */
static inline int tu_count_entries(const char *dir, char *first, size_t firstlen)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    int n = 0;

    assert_non_null(d);
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (n++ == 0 && first)
            snprintf(first, firstlen, "%s", de->d_name);
    }
    closedir(d);
    return n;
}

/* Creates or truncates PATH (mode 0666 less the umask, as fopen does) to hold exactly BYTES. */
static inline void tu_write(const char *path, const char *bytes, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);

    assert_true(fd >= 0);
    while (len > 0) {
        ssize_t w = write(fd, bytes, len);
        if (w < 0 && errno == EINTR)
            continue;
        assert_true(w > 0);
        bytes += w;
        len -= (size_t)w;
    }
    assert_int_equal(close(fd), 0);
}

static inline void tu_write_str(const char *path, const char *text)
{
    tu_write(path, text, strlen(text));
}

/* PATH's whole contents, followed by a NUL that LEN (if not NULL) does not count. Caller frees. */
static inline char *tu_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    size_t cap = 4096, n = 0;

    assert_non_null(f);
    char *buf = xmalloc(cap);
    for (;;) {
        n += fread(buf + n, 1, cap - n - 1, f);
        if (n < cap - 1)
            break;
        cap *= 2;
        buf = xrealloc(buf, cap);
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        fail_msg("%s: read error", path);
    }
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

/* Asserts that PATH holds exactly BYTES. The bytes read are kept until the next call rather than
 * freed, so a failing assertion leaks nothing. */
static inline void tu_assert_file(const char *path, const char *bytes, size_t len)
{
    static char *got;
    size_t n;

    free(got);
    got = tu_read(path, &n);
    assert_int_equal(n, len);
    assert_memory_equal(got, bytes, len);
}

static inline void tu_assert_file_str(const char *path, const char *text)
{
    tu_assert_file(path, text, strlen(text));
}

/* The unprivileged user and group tu_unprivileged becomes. */
#define TU_NOBODY 65534

/* Runs FN(ARG, ERR, ERRLEN) without privileges, since permission checks do not apply to root:
 * directly when not root, else in a forked child that dropped to uid/gid TU_NOBODY (the files
 * it touches must be reachable by that user: make the test's folder 0755). Returns FN's result,
 * 0 or a small positive failure code below 98, which the child reports through its exit
 * status; ERR receives FN's message, which the child sends back through a pipe. */
static inline int tu_unprivileged(int (*fn)(void *arg, char *err, size_t errlen), void *arg,
                                  char *err, size_t errlen)
{
    if (geteuid() != 0)
        return fn(arg, err, errlen);

    int p[2];
    assert_int_equal(pipe(p), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        char msg[512] = "";
        close(p[0]);
        if (setgroups(0, NULL) != 0 || setresgid(TU_NOBODY, TU_NOBODY, TU_NOBODY) != 0 ||
            setresuid(TU_NOBODY, TU_NOBODY, TU_NOBODY) != 0)
            _exit(99);
        int rc = fn(arg, msg, sizeof msg);
        ssize_t w = write(p[1], msg, strlen(msg));
        _exit(w < 0 ? 98 : rc);
    }
    close(p[1]);
    ssize_t n = read(p[0], err, errlen - 1);
    err[n > 0 ? n : 0] = '\0';
    close(p[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_not_equal(WEXITSTATUS(status), 99);
    return WEXITSTATUS(status);
}

#endif
