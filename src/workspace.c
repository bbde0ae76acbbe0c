/* workspace.c — the workspace boundary: resolving paths inside it and the tree's file operations.
 *
 * A path is checked twice. Lexically: joined to the root, "." and ".." folded, it must stay
 * below the root. Physically: realpath() of the longest prefix that exists must stay below the
 * root too, so a symlink anywhere along the way (a file, or a parent folder) cannot lead out.
 * Operations on an entry itself (create, rename, delete) resolve only its parent folder and never
 * follow the last component, so a symlink is created over, renamed or removed as a link. Folder
 * removal walks with nftw(FTW_PHYS): symlinks inside are unlinked, never followed. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "workspace.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

#define MAX_LINK_HOPS  40
#define NAME_MAX_BYTES 255

static char *lexical(const char *root, const char *path);
static bool outside(const char *root, const char *abs, const char *shown, char *err, size_t errlen);
static char *follow(const char *root, const char *lex, bool must_exist, const char *shown, int hops,
                    char *err, size_t errlen);
static char *resolve_entry(const char *root, const char *path, char *err, size_t errlen);
static const char *last_component(const char *path, char *buf, size_t buflen);
static void errno_message(char *err, size_t errlen, const char *name, int e);
static int remove_tree(const char *root, const char *abs, const char *shown, char *err,
                       size_t errlen);

/* Folds "." and ".." in PATH (joined to ROOT when relative) without touching the disk. ".."
 * at "/" stays at "/". Caller frees. */
static char *lexical(const char *root, const char *path)
{
    char *joined = path[0] == '/' ? xstrdup(path) : xasprintf("%s/%s", root, path);
    char *out = xmalloc(strlen(joined) + 2);
    size_t o = 0;
    const char *p = joined;

    while (*p) {
        while (*p == '/')
            p++;
        if (!*p)
            break;
        const char *s = p;
        while (*p && *p != '/')
            p++;
        size_t len = (size_t)(p - s);
        if (len == 1 && s[0] == '.')
            continue;
        if (len == 2 && s[0] == '.' && s[1] == '.') {
            while (o > 0 && out[o - 1] != '/')
                o--;
            if (o > 0)
                o--;
            continue;
        }
        out[o++] = '/';
        memcpy(out + o, s, len);
        o += len;
    }
    if (o == 0)
        out[o++] = '/';
    out[o] = '\0';
    free(joined);
    return out;
}

bool workspace_contains(const char *root, const char *abs)
{
    size_t n = strlen(root);

    if (n == 1 && root[0] == '/')
        return abs[0] == '/';
    if (strncmp(root, abs, n) != 0)
        return false;
    return abs[n] == '\0' || abs[n] == '/';
}

/* True (with the message in err) when ABS is not inside ROOT. */
static bool outside(const char *root, const char *abs, const char *shown, char *err, size_t errlen)
{
    if (workspace_contains(root, abs))
        return false;
    snprintf(err, errlen, "%s: outside the workspace (paths must stay inside %s)", shown, root);
    return true;
}

/* Splits ABS (absolute, normalised, not "/") into a new parent string and a pointer to its
 * last component inside ABS. */
static char *split_parent(const char *abs, const char **name)
{
    const char *slash = strrchr(abs, '/');

    *name = slash + 1;
    if (slash == abs)
        return xstrdup("/");
    return xstrndup(abs, (size_t)(slash - abs));
}

/* The physical resolution of LEX (lexically normalised and inside ROOT): realpath when it
 * exists; otherwise, when allowed, the resolved parent plus the missing last name. A dangling
 * symlink as last component is followed to where it points, so a save through it cannot land
 * outside. Caller frees. */
static char *follow(const char *root, const char *lex, bool must_exist, const char *shown, int hops,
                    char *err, size_t errlen)
{
    char *real = realpath(lex, NULL);
    if (real) {
        if (outside(root, real, shown, err, errlen)) {
            free(real);
            return NULL;
        }
        return real;
    }
    if (errno != ENOENT || must_exist || strcmp(lex, "/") == 0) {
        errno_message(err, errlen, shown, errno);
        return NULL;
    }

    const char *name;
    char *parent = split_parent(lex, &name);
    char *rparent = realpath(parent, NULL);
    if (!rparent) {
        if (errno == ENOENT)
            snprintf(err, errlen, "%s: the folder it would go in does not exist (create it first)",
                     shown);
        else
            errno_message(err, errlen, shown, errno);
        free(parent);
        return NULL;
    }
    free(parent);
    if (outside(root, rparent, shown, err, errlen)) {
        free(rparent);
        return NULL;
    }

    char *cand = xasprintf("%s/%s", strcmp(rparent, "/") == 0 ? "" : rparent, name);
    free(rparent);
    struct stat st;
    if (lstat(cand, &st) != 0 || !S_ISLNK(st.st_mode))
        return cand;

    if (hops >= MAX_LINK_HOPS) {
        errno_message(err, errlen, shown, ELOOP);
        free(cand);
        return NULL;
    }
    char target[PATH_MAX];
    ssize_t n = readlink(cand, target, sizeof target - 1);
    if (n < 0) {
        errno_message(err, errlen, shown, errno);
        free(cand);
        return NULL;
    }
    target[n] = '\0';
    const char *slash = strrchr(cand, '/');
    char *dir = slash == cand ? xstrdup("/") : xstrndup(cand, (size_t)(slash - cand));
    char *next = lexical(dir, target);
    free(dir);
    free(cand);
    char *res = NULL;
    if (!outside(root, next, shown, err, errlen))
        res = follow(root, next, must_exist, shown, hops + 1, err, errlen);
    free(next);
    return res;
}

char *workspace_resolve(const char *root, const char *path, bool must_exist, char *err,
                        size_t errlen)
{
    char *lex = lexical(root, path);
    char *res = NULL;

    if (!outside(root, lex, path, err, errlen))
        res = follow(root, lex, must_exist, path, 0, err, errlen);
    free(lex);
    return res;
}

/* PATH as an entry: its parent folder resolved (and inside ROOT), its own name kept as is.
 * Returns ROOT itself for the root. Caller frees. */
static char *resolve_entry(const char *root, const char *path, char *err, size_t errlen)
{
    char *lex = lexical(root, path);

    if (outside(root, lex, path, err, errlen)) {
        free(lex);
        return NULL;
    }
    if (strcmp(lex, root) == 0)
        return lex;

    const char *name;
    char *parent = split_parent(lex, &name);
    char *rparent = realpath(parent, NULL);
    free(parent);
    char *res = NULL;
    if (!rparent) {
        if (errno == ENOENT)
            snprintf(err, errlen, "%s: the folder it is in does not exist", path);
        else
            errno_message(err, errlen, path, errno);
    } else if (!outside(root, rparent, path, err, errlen)) {
        res = xasprintf("%s/%s", strcmp(rparent, "/") == 0 ? "" : rparent, name);
    }
    free(rparent);
    free(lex);
    return res;
}

int workspace_check_name(const char *name, char *err, size_t errlen)
{
    size_t len = strlen(name);

    if (len == 0) {
        snprintf(err, errlen, "the name is empty (type a name)");
        return -1;
    }
    if (strchr(name, '/')) {
        snprintf(err, errlen, "%s: a name cannot contain '/' (name one file or folder)", name);
        return -1;
    }
    if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) {
        snprintf(err, errlen, "%s: not a usable name (choose another)", name);
        return -1;
    }
    if (len > NAME_MAX_BYTES) {
        snprintf(err, errlen, "name too long (%zu bytes, at most %d)", len, NAME_MAX_BYTES);
        return -1;
    }
    return 0;
}

/* The last component of PATH with trailing slashes ignored, copied into BUF. */
static const char *last_component(const char *path, char *buf, size_t buflen)
{
    size_t end = strlen(path);

    while (end > 0 && path[end - 1] == '/')
        end--;
    size_t start = end;
    while (start > 0 && path[start - 1] != '/')
        start--;
    size_t n = end - start;
    if (n >= buflen)
        n = buflen - 1;
    memcpy(buf, path + start, n);
    buf[n] = '\0';
    return buf;
}

static void errno_message(char *err, size_t errlen, const char *name, int e)
{
    switch (e) {
    case EACCES:
    case EPERM:
        snprintf(err, errlen, "%s: permission denied (check the folder's permissions)", name);
        break;
    case EROFS:
        snprintf(err, errlen, "%s: read-only file system (it cannot be changed here)", name);
        break;
    case ENOSPC:
        snprintf(err, errlen, "%s: disk full (free some space and try again)", name);
        break;
    case EDQUOT:
        snprintf(err, errlen, "%s: disk quota exceeded (free some space and try again)", name);
        break;
    case EEXIST:
        snprintf(err, errlen, "%s: already exists (choose another name)", name);
        break;
    case ENOENT:
        snprintf(err, errlen, "%s: no such file or folder", name);
        break;
    case ENOTDIR:
        snprintf(err, errlen, "%s: part of the path is not a folder", name);
        break;
    case ENOTEMPTY:
        snprintf(err, errlen, "%s: folder is not empty", name);
        break;
    case ELOOP:
        snprintf(err, errlen, "%s: too many levels of symbolic links (check the links)", name);
        break;
    case ENAMETOOLONG:
        snprintf(err, errlen, "%s: name too long (choose a shorter name)", name);
        break;
    case EBUSY:
        snprintf(err, errlen, "%s: in use (is something mounted there?)", name);
        break;
    case EXDEV:
        snprintf(err, errlen, "%s: cannot move across file systems", name);
        break;
    case EINVAL:
        snprintf(err, errlen, "%s: cannot move a folder into itself", name);
        break;
    default: {
        char msg[128];
        snprintf(msg, sizeof msg, "%s", strerror(e));
        if (msg[0] >= 'A' && msg[0] <= 'Z')
            msg[0] = (char)(msg[0] - 'A' + 'a');
        snprintf(err, errlen, "%s: %s", name, msg);
    }
    }
}

/* Shared checks for creating PATH: a usable last name, a parent inside ROOT. */
static char *prepare_create(const char *root, const char *path, char *err, size_t errlen)
{
    char name[NAME_MAX_BYTES + 2];

    if (workspace_check_name(last_component(path, name, sizeof name), err, errlen) != 0)
        return NULL;
    char *abs = resolve_entry(root, path, err, errlen);
    if (abs && strcmp(abs, root) == 0) {
        errno_message(err, errlen, path, EEXIST);
        free(abs);
        return NULL;
    }
    return abs;
}

int workspace_create_file(const char *root, const char *path, char *err, size_t errlen)
{
    char *abs = prepare_create(root, path, err, errlen);
    if (!abs)
        return -1;

    /* 0644 before the umask; O_NOFOLLOW with O_EXCL never writes through a planted link. */
    int fd = open(abs, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    free(abs);
    if (fd < 0) {
        errno_message(err, errlen, path, errno);
        return -1;
    }
    if (close(fd) != 0) {
        errno_message(err, errlen, path, errno);
        return -1;
    }
    return 0;
}

int workspace_create_dir(const char *root, const char *path, char *err, size_t errlen)
{
    char *abs = prepare_create(root, path, err, errlen);
    if (!abs)
        return -1;

    int rc = mkdir(abs, 0755);
    int e = errno;
    free(abs);
    if (rc != 0) {
        errno_message(err, errlen, path, e);
        return -1;
    }
    return 0;
}

/* Renames without replacing: renameat2(RENAME_NOREPLACE) where the kernel and the file system
 * have it, else a check then rename(). */
static int rename_noreplace(const char *from, const char *to)
{
#ifdef RENAME_NOREPLACE
    if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
        return 0;
    if (errno != ENOSYS && errno != EINVAL)
        return -1;
#endif
    struct stat st;
    if (lstat(to, &st) == 0) {
        errno = EEXIST;
        return -1;
    }
    return rename(from, to);
}

int workspace_rename(const char *root, const char *from, const char *to, char *err, size_t errlen)
{
    char name[NAME_MAX_BYTES + 2];
    struct stat st;

    if (workspace_check_name(last_component(to, name, sizeof name), err, errlen) != 0)
        return -1;
    char *afrom = resolve_entry(root, from, err, errlen);
    if (!afrom)
        return -1;
    if (strcmp(afrom, root) == 0) {
        snprintf(err, errlen, "%s: the workspace root cannot be renamed", from);
        free(afrom);
        return -1;
    }
    if (lstat(afrom, &st) != 0) {
        errno_message(err, errlen, from, errno);
        free(afrom);
        return -1;
    }
    char *ato = resolve_entry(root, to, err, errlen);
    if (!ato) {
        free(afrom);
        return -1;
    }
    int rc = 0;
    if (strcmp(ato, root) == 0 || lstat(ato, &st) == 0) {
        errno_message(err, errlen, to, EEXIST);
        rc = -1;
    } else if (rename_noreplace(afrom, ato) != 0) {
        errno_message(err, errlen, errno == EEXIST ? to : from, errno);
        rc = -1;
    }
    free(afrom);
    free(ato);
    return rc;
}

/* nftw offers no context pointer; this records the first failure of one walk. */
static _Thread_local struct {
    int err;
    char path[PATH_MAX];
} walk;

static int remove_entry(const char *fpath, const struct stat *sb, int type, struct FTW *ftw)
{
    (void)sb;
    (void)ftw;
    int rc = (type == FTW_DP || type == FTW_DNR) ? rmdir(fpath) : unlink(fpath);
    if (rc != 0 && errno != ENOENT) {
        walk.err = errno;
        snprintf(walk.path, sizeof walk.path, "%s", fpath);
        return 1;
    }
    return 0;
}

static int remove_tree(const char *root, const char *abs, const char *shown, char *err,
                       size_t errlen)
{
    walk.err = 0;
    walk.path[0] = '\0';
    int rc = nftw(abs, remove_entry, 32, FTW_DEPTH | FTW_PHYS);
    if (rc == 0)
        return 0;
    if (walk.err == 0) {
        errno_message(err, errlen, shown, errno);
        return -1;
    }
    /* Name the entry that could not go, relative to the workspace. */
    size_t n = strlen(root);
    const char *rel = walk.path;
    if (strncmp(rel, root, n) == 0 && rel[n] == '/')
        rel += n + 1;
    errno_message(err, errlen, rel, walk.err);
    return -1;
}

int workspace_delete(const char *root, const char *path, char *err, size_t errlen)
{
    char *abs = resolve_entry(root, path, err, errlen);
    if (!abs)
        return -1;
    if (strcmp(abs, root) == 0) {
        snprintf(err, errlen, "%s: the workspace root cannot be deleted", path);
        free(abs);
        return -1;
    }

    struct stat st;
    int rc = 0;
    if (lstat(abs, &st) != 0) {
        errno_message(err, errlen, path, errno);
        rc = -1;
    } else if (S_ISDIR(st.st_mode)) {
        rc = remove_tree(root, abs, path, err, errlen);
    } else if (unlink(abs) != 0) {
        errno_message(err, errlen, path, errno);
        rc = -1;
    }
    free(abs);
    return rc;
}
