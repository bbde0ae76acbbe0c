/* paths.c — where shed's data, configuration and resources live.
 *
 * Each directory is worked out once, from the environment and /proc/self/exe, and kept in a
 * static buffer for the life of the process: later changes to the environment are not seen.
 * Paths longer than PATH_MAX are cut there (the kernel would refuse them anyway). */
#include "paths.h"

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PATHS_LAST_RESORT "/usr/local/share/shed"

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* $NAME when set to an absolute path; the XDG spec says to ignore relative ones. */
static const char *absolute_env(const char *name)
{
    const char *v = getenv(name);
    return v && v[0] == '/' ? v : NULL;
}

static const char *home_dir(void)
{
    const char *home = getenv("HOME");
    if (home && home[0])
        return home;
    struct passwd *pw = getpwuid(getuid());
    if (pw && pw->pw_dir && pw->pw_dir[0])
        return pw->pw_dir;
    return "/";
}

/* Writes DIR/SUFFIX into OUT without doubling the slash when DIR is "/". */
static void join(char *out, size_t outlen, const char *dir, const char *suffix)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    snprintf(out, outlen, "%.*s%s%s", (int)n, dir, n == 1 && dir[0] == '/' ? "" : "/", suffix);
}

const char *paths_data_home(void)
{
    static char buf[PATH_MAX];
    if (buf[0])
        return buf;

    const char *shed_home = getenv("SHED_HOME");
    const char *xdg = absolute_env("XDG_DATA_HOME");
    if (shed_home && shed_home[0] == '/') {
        snprintf(buf, sizeof buf, "%s", shed_home);
    } else if (shed_home && shed_home[0]) {
        /* Relative: anchor it now, so a later chdir does not move the data. */
        char cwd[PATH_MAX];
        if (getcwd(cwd, sizeof cwd))
            join(buf, sizeof buf, cwd, shed_home);
        else
            snprintf(buf, sizeof buf, "%s", shed_home);
    } else if (xdg) {
        join(buf, sizeof buf, xdg, "shed");
    } else {
        join(buf, sizeof buf, home_dir(), ".local/share/shed");
    }
    return buf;
}

const char *paths_config_home(void)
{
    static char buf[PATH_MAX];
    if (buf[0])
        return buf;

    const char *xdg = absolute_env("XDG_CONFIG_HOME");
    if (xdg)
        join(buf, sizeof buf, xdg, "shed");
    else
        join(buf, sizeof buf, home_dir(), ".config/shed");
    return buf;
}

/* Whether DIR holds shed's resources as the source tree lays them out. */
static bool is_source_tree(const char *dir)
{
    char probe[PATH_MAX];
    join(probe, sizeof probe, dir, "themes/default.theme");
    return is_file(probe);
}

/* Fills OUT with the resource directory for an executable in EXE_DIR; false if none fits. */
static bool resources_near(const char *exe_dir, char *out, size_t outlen)
{
    if (is_source_tree(exe_dir)) {
        snprintf(out, outlen, "%s", exe_dir);
        return true;
    }

    char probe[PATH_MAX];
    join(probe, sizeof probe, exe_dir, "../share/shed/themes");
    if (is_dir(probe)) {
        char share[PATH_MAX];
        join(share, sizeof share, exe_dir, "../share/shed");
        if (!realpath(share, out))
            snprintf(out, outlen, "%s", share);
        return true;
    }

    /* A development build (build/asan/shed, build/asan/tests/test_x): the tree above build/. */
    const char *build = NULL;
    for (const char *p = strstr(exe_dir, "/build"); p; p = strstr(p + 1, "/build")) {
        if (p[6] == '/' || p[6] == '\0')
            build = p;
    }
    if (build) {
        char tree[PATH_MAX];
        size_t n = (size_t)(build - exe_dir);
        if (n == 0)
            tree[n++] = '/';
        else
            memcpy(tree, exe_dir, n);
        tree[n] = '\0';
        if (n < outlen && is_source_tree(tree)) {
            memcpy(out, tree, n + 1);
            return true;
        }
    }
    return false;
}

const char *paths_resources(void)
{
    static char buf[PATH_MAX];
    if (buf[0])
        return buf;

    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            if (slash == exe)
                slash[1] = '\0';
            else
                *slash = '\0';
            if (resources_near(exe, buf, sizeof buf))
                return buf;
        }
    }
    snprintf(buf, sizeof buf, "%s", PATHS_LAST_RESORT);
    return buf;
}

const char *paths_grammars(void)
{
    static char buf[PATH_MAX];
    if (buf[0])
        return buf;

    const char *res = paths_resources();
    join(buf, sizeof buf, res, "build/grammars");
    if (!is_dir(buf))
        join(buf, sizeof buf, res, "grammars");
    return buf;
}

static int mkdir_one(const char *path, unsigned mode)
{
    if (mkdir(path, (mode_t)mode) == 0)
        return 0;
    int saved = errno;
    if (saved == EEXIST) {
        if (is_dir(path))
            return 0;
        errno = ENOTDIR;
        return -1;
    }
    errno = saved;
    return -1;
}

int paths_mkdirs(const char *dir, unsigned mode)
{
    size_t len = strlen(dir);
    if (len == 0) {
        errno = ENOENT;
        return -1;
    }
    if (len >= PATH_MAX) {
        errno = ENAMETOOLONG;
        return -1;
    }
    if (is_dir(dir))
        return 0;

    char path[PATH_MAX];
    memcpy(path, dir, len + 1);
    for (char *p = path + 1; *p; p++) {
        if (*p != '/' || p[-1] == '/')
            continue;
        *p = '\0';
        int rc = mkdir_one(path, mode);
        *p = '/';
        if (rc < 0)
            return -1;
    }
    return mkdir_one(path, mode);
}
