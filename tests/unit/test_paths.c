/* test_paths.c — where data, configuration and resources are looked for, and mkdir -p.
 *
 * paths.c computes each directory once per process, so every environment is tried in a
 * forked child that sends its answer back over a pipe. Runs from the repository root. */
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "paths.h"
#include "testutil.h"

enum which { DATA_HOME, CONFIG_HOME, RESOURCES, DATA_HOME_TWICE };

struct env {
    const char *name;
    const char *value; /* NULL: unset */
};

/* Runs the lookup WHICH in a child whose environment is changed by ENV (ending with a NULL
 * name) and returns its answer. Caller frees. */
static char *in_child(enum which which, const struct env *env)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        for (const struct env *e = env; e->name; e++) {
            if (e->value)
                setenv(e->name, e->value, 1);
            else
                unsetenv(e->name);
        }
        const char *out = "";
        switch (which) {
        case DATA_HOME:
            out = paths_data_home();
            break;
        case CONFIG_HOME:
            out = paths_config_home();
            break;
        case RESOURCES:
            out = paths_resources();
            break;
        case DATA_HOME_TWICE:
            paths_data_home();
            setenv("SHED_HOME", "/changed/later", 1);
            out = paths_data_home();
            break;
        }
        size_t n = strlen(out);
        _exit(write(fds[1], out, n) == (ssize_t)n ? 0 : 1);
    }
    close(fds[1]);
    char buf[PATH_MAX + 1];
    size_t len = 0;
    ssize_t n;
    while ((n = read(fds[0], buf + len, sizeof buf - 1 - len)) > 0)
        len += (size_t)n;
    close(fds[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    buf[len] = '\0';
    return strdup(buf);
}

static void assert_lookup(enum which which, const struct env *env, const char *want)
{
    char *got = in_child(which, env);
    assert_string_equal(got, want);
    free(got);
}

static void test_shed_home_first(void **state)
{
    (void)state;
    assert_lookup(DATA_HOME,
                  (struct env[]){{"SHED_HOME", "/srv/shed"},
                                 {"XDG_DATA_HOME", "/xdg/data"},
                                 {"HOME", "/home/ann"},
                                 {NULL, NULL}},
                  "/srv/shed");
}

static void test_xdg_data_home_second(void **state)
{
    (void)state;
    assert_lookup(DATA_HOME,
                  (struct env[]){{"SHED_HOME", NULL},
                                 {"XDG_DATA_HOME", "/xdg/data"},
                                 {"HOME", "/home/ann"},
                                 {NULL, NULL}},
                  "/xdg/data/shed");
    /* An empty SHED_HOME counts as unset. */
    assert_lookup(DATA_HOME,
                  (struct env[]){{"SHED_HOME", ""},
                                 {"XDG_DATA_HOME", "/xdg/data/"},
                                 {"HOME", "/home/ann"},
                                 {NULL, NULL}},
                  "/xdg/data/shed");
}

static void test_home_last(void **state)
{
    (void)state;
    assert_lookup(
        DATA_HOME,
        (struct env[]){
            {"SHED_HOME", NULL}, {"XDG_DATA_HOME", NULL}, {"HOME", "/home/ann"}, {NULL, NULL}},
        "/home/ann/.local/share/shed");
    /* The XDG spec says relative paths are to be ignored. */
    assert_lookup(DATA_HOME,
                  (struct env[]){{"SHED_HOME", NULL},
                                 {"XDG_DATA_HOME", "relative/data"},
                                 {"HOME", "/home/ann"},
                                 {NULL, NULL}},
                  "/home/ann/.local/share/shed");
}

static void test_home_from_passwd(void **state)
{
    (void)state;
    struct passwd *pw = getpwuid(getuid());
    if (!pw)
        skip();
    char want[PATH_MAX + 32];
    snprintf(want, sizeof want, "%s/.config/shed", strcmp(pw->pw_dir, "/") ? pw->pw_dir : "");
    assert_lookup(CONFIG_HOME,
                  (struct env[]){{"XDG_CONFIG_HOME", NULL}, {"HOME", NULL}, {NULL, NULL}}, want);
}

static void test_relative_shed_home_is_anchored(void **state)
{
    (void)state;
    char cwd[PATH_MAX], want[PATH_MAX + 32];
    assert_non_null(getcwd(cwd, sizeof cwd));
    snprintf(want, sizeof want, "%s/sandbox-data", cwd);
    assert_lookup(DATA_HOME, (struct env[]){{"SHED_HOME", "sandbox-data"}, {NULL, NULL}}, want);
}

static void test_result_is_computed_once(void **state)
{
    (void)state;
    assert_lookup(DATA_HOME_TWICE, (struct env[]){{"SHED_HOME", "/first"}, {NULL, NULL}}, "/first");
}

static void test_config_home(void **state)
{
    (void)state;
    assert_lookup(
        CONFIG_HOME,
        (struct env[]){{"XDG_CONFIG_HOME", "/xdg/config"}, {"HOME", "/home/ann"}, {NULL, NULL}},
        "/xdg/config/shed");
    assert_lookup(CONFIG_HOME,
                  (struct env[]){{"XDG_CONFIG_HOME", NULL}, {"HOME", "/home/ann"}, {NULL, NULL}},
                  "/home/ann/.config/shed");
    assert_lookup(CONFIG_HOME,
                  (struct env[]){{"XDG_CONFIG_HOME", ""}, {"HOME", "/home/bob/"}, {NULL, NULL}},
                  "/home/bob/.config/shed");
}

static void test_resources_from_build_dir(void **state)
{
    (void)state;
    /* This binary lives in build/asan/tests/, under the source tree (the current directory). */
    char cwd[PATH_MAX];
    assert_non_null(realpath(".", cwd));
    char *got = in_child(RESOURCES, (struct env[]){{NULL, NULL}});
    char real[PATH_MAX];
    assert_non_null(realpath(got, real));
    assert_string_equal(real, cwd);

    char theme[PATH_MAX + 32];
    snprintf(theme, sizeof theme, "%s/themes/default.theme", got);
    assert_int_equal(access(theme, R_OK), 0);
    free(got);
}

static void assert_dir_mode(const char *path, unsigned mode)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(st.st_mode & 0777, mode);
}

static void test_mkdirs(void **state)
{
    const char *dir = *state;
    char path[PATH_MAX];
    mode_t old = umask(022);

    snprintf(path, sizeof path, "%s/a/b/c", dir);
    assert_int_equal(paths_mkdirs(path, 0700), 0);
    assert_dir_mode(path, 0700);
    snprintf(path, sizeof path, "%s/a", dir);
    assert_dir_mode(path, 0700);

    /* Existing directories are fine, and so are doubled and trailing slashes. */
    snprintf(path, sizeof path, "%s/a/b/c", dir);
    assert_int_equal(paths_mkdirs(path, 0700), 0);
    snprintf(path, sizeof path, "%s//a/b//d/", dir);
    assert_int_equal(paths_mkdirs(path, 0755), 0);
    snprintf(path, sizeof path, "%s/a/b/d", dir);
    assert_dir_mode(path, 0755);
    umask(old);
}

static void test_mkdirs_errors(void **state)
{
    const char *dir = *state;
    char file[PATH_MAX], path[PATH_MAX + 16];
    snprintf(file, sizeof file, "%s/file", dir);
    tu_write(file, "", 0);

    snprintf(path, sizeof path, "%s/below", file);
    errno = 0;
    assert_int_equal(paths_mkdirs(path, 0700), -1);
    assert_int_equal(errno, ENOTDIR);
    errno = 0;
    assert_int_equal(paths_mkdirs(file, 0700), -1);
    assert_int_equal(errno, ENOTDIR);
    errno = 0;
    assert_int_equal(paths_mkdirs("", 0700), -1);
    assert_int_equal(errno, ENOENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shed_home_first),
        cmocka_unit_test(test_xdg_data_home_second),
        cmocka_unit_test(test_home_last),
        cmocka_unit_test(test_home_from_passwd),
        cmocka_unit_test(test_relative_shed_home_is_anchored),
        cmocka_unit_test(test_result_is_computed_once),
        cmocka_unit_test(test_config_home),
        cmocka_unit_test(test_resources_from_build_dir),
        TU_DIR_TEST(test_mkdirs),
        TU_DIR_TEST(test_mkdirs_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
