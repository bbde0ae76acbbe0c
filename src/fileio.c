/* fileio.c — loading files into buffers and saving them back atomically.
 *
 * Loading reads the whole file into one block (read() in a loop) that the buffer then owns;
 * the stat taken before reading is what struct file_info records, so a change made while
 * reading shows up as a mismatch at the next save. Saving follows a symlink to its final
 * target (so the link stays a link) and hands the bytes to fileio_write_atomic, which writes
 * ".NAME.shed-XXXXXX" beside the target, fsyncs it, gives it the original's owner and mode,
 * lets the save check the file on disk is still the one loaded, renames it over the target and
 * fsyncs the directory. Any failure removes the temporary file; the target is never opened for
 * writing, so it always holds either the old bytes or the new. Recovery files are written the
 * same way. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

#define MAX_LINK_HOPS 40
#define TMP_BASE_MAX  200 /* keeps ".NAME.shed-XXXXXX" within NAME_MAX */

static void fill_info(struct file_info *info, const struct stat *st);
static int read_all(int fd, size_t hint, char **out, size_t *len);
static void load_error(char *err, size_t errlen, const char *path, int e);
static void save_error(char *err, size_t errlen, const char *path, const char *dir, int e);
static char *final_target(const char *path, char *err, size_t errlen);
static int check_expect(const char *path, const char *target, const struct file_info *expect,
                        char *err, size_t errlen);
static mode_t current_umask(void);
static int write_all(int fd, const char *p, size_t n);
static char *parent_dir(const char *target);
static int recheck_expect(void *arg);
static void lower_first(char *s);

static void fill_info(struct file_info *info, const struct stat *st)
{
    info->exists = true;
    info->mode = st->st_mode;
    info->dev = st->st_dev;
    info->ino = st->st_ino;
    info->size = st->st_size;
    info->mtime = st->st_mtim;
}

int fileio_stat(const char *path, struct file_info *info)
{
    struct stat st;

    memset(info, 0, sizeof *info);
    if (stat(path, &st) != 0)
        return errno == ENOENT || errno == ENOTDIR ? 0 : -1;
    fill_info(info, &st);
    return 0;
}

int fileio_is_binary(const char *bytes, size_t len)
{
    return len > 0 && memchr(bytes, '\0', len) != NULL;
}

static void lower_first(char *s)
{
    if (s[0] >= 'A' && s[0] <= 'Z')
        s[0] = (char)(s[0] - 'A' + 'a');
}

static void load_error(char *err, size_t errlen, const char *path, int e)
{
    switch (e) {
    case EACCES:
    case EPERM:
        snprintf(err, errlen,
                 "%s: permission denied (you may not read it; check its owner and mode "
                 "with ls -l)",
                 path);
        break;
    case ENOTDIR:
        snprintf(err, errlen, "%s: part of the path is not a directory", path);
        break;
    case ELOOP:
        snprintf(err, errlen, "%s: too many levels of symbolic links (check the links)", path);
        break;
    case EISDIR:
        snprintf(err, errlen, "%s: is a directory", path);
        break;
    case EIO:
        snprintf(err, errlen, "%s: i/o error while reading (the disk may be failing)", path);
        break;
    case EMFILE:
    case ENFILE:
        snprintf(err, errlen, "%s: too many open files (close some and try again)", path);
        break;
    default: {
        char msg[128];
        snprintf(msg, sizeof msg, "%s", strerror(e));
        lower_first(msg);
        snprintf(err, errlen, "%s: cannot open (%s)", path, msg);
    }
    }
}

/* Reads FD to its end into a new block (at least one byte allocated). HINT is the expected
 * size. Returns 0, 1 when the file is past FILEIO_MAX_SIZE, or -1 with errno. */
static int read_all(int fd, size_t hint, char **out, size_t *len)
{
    size_t cap = hint < FILEIO_MAX_SIZE ? hint + 1 : FILEIO_MAX_SIZE + 1;
    if (cap < 4096)
        cap = 4096;
    char *buf = xmalloc(cap);
    size_t n = 0;

    for (;;) {
        if (n == cap) {
            if (cap > FILEIO_MAX_SIZE) {
                free(buf);
                return 1;
            }
            cap = cap > FILEIO_MAX_SIZE / 2 ? FILEIO_MAX_SIZE + 1 : cap * 2;
            buf = xrealloc(buf, cap);
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(buf);
            errno = e;
            return -1;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    if (n > FILEIO_MAX_SIZE) {
        free(buf);
        return 1;
    }
    *out = buf;
    *len = n;
    return 0;
}

int fileio_load(const char *path, struct buffer **out, struct file_info *info, char *err,
                size_t errlen)
{
    struct stat st;

    memset(info, 0, sizeof *info);
    *out = NULL;
    /* O_NONBLOCK so a FIFO is refused below instead of blocking until a writer comes. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        if (errno == ENOENT) {
            *out = buffer_new();
            return FILEIO_OK;
        }
        load_error(err, errlen, path, errno);
        return FILEIO_ERROR;
    }
    if (fstat(fd, &st) != 0) {
        load_error(err, errlen, path, errno);
        close(fd);
        return FILEIO_ERROR;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%s: is a directory", path);
        close(fd);
        return FILEIO_ERROR;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "%s: not a regular file (shed edits text files only)", path);
        close(fd);
        return FILEIO_ERROR;
    }
    if ((size_t)st.st_size > FILEIO_MAX_SIZE) {
        snprintf(err, errlen, "%s: %.1f GB is too large to open (limit %zu GB)", path,
                 (double)st.st_size / (double)((size_t)1 << 30), FILEIO_MAX_SIZE >> 30);
        close(fd);
        return FILEIO_ERROR;
    }

    char *bytes;
    size_t len;
    int rc = read_all(fd, (size_t)st.st_size, &bytes, &len);
    int e = errno;
    close(fd);
    if (rc < 0) {
        load_error(err, errlen, path, e);
        return FILEIO_ERROR;
    }
    if (rc > 0) {
        snprintf(err, errlen, "%s: grew past %zu GB while being read (too large to open)", path,
                 FILEIO_MAX_SIZE >> 30);
        return FILEIO_ERROR;
    }
    if (fileio_is_binary(bytes, len)) {
        free(bytes);
        snprintf(err, errlen, "%s: binary file (contains NUL bytes); shed edits text only", path);
        return FILEIO_ERROR;
    }
    *out = buffer_from_bytes(bytes, len);
    fill_info(info, &st);
    return FILEIO_OK;
}

static void save_error(char *err, size_t errlen, const char *path, const char *dir, int e)
{
    switch (e) {
    case EACCES:
    case EPERM:
        snprintf(err, errlen, "%s: permission denied (check the directory's permissions: %s)", path,
                 dir);
        break;
    case EROFS:
        snprintf(err, errlen, "%s: read-only file system (save it somewhere else)", path);
        break;
    case ENOSPC:
        snprintf(err, errlen, "%s: disk full (free some space and save again)", path);
        break;
    case EDQUOT:
        snprintf(err, errlen, "%s: disk quota exceeded (free some space and save again)", path);
        break;
    case ENOENT:
        snprintf(err, errlen, "%s: the directory %s does not exist (create it first)", path, dir);
        break;
    case ENOTDIR:
        snprintf(err, errlen, "%s: part of the path %s is not a directory", path, dir);
        break;
    case EISDIR:
        snprintf(err, errlen, "%s: is a directory", path);
        break;
    case ELOOP:
        snprintf(err, errlen, "%s: too many levels of symbolic links (check the links)", path);
        break;
    case EIO:
        snprintf(err, errlen,
                 "%s: i/o error while writing (the disk may be failing; save "
                 "somewhere else)",
                 path);
        break;
    case EFBIG:
        snprintf(err, errlen, "%s: too large for this file system", path);
        break;
    case ENAMETOOLONG:
        snprintf(err, errlen, "%s: name too long (choose a shorter name)", path);
        break;
    case EMFILE:
    case ENFILE:
        snprintf(err, errlen, "%s: too many open files (close some and save again)", path);
        break;
    default: {
        char msg[128];
        snprintf(msg, sizeof msg, "%s", strerror(e));
        lower_first(msg);
        snprintf(err, errlen, "%s: cannot save (%s)", path, msg);
    }
    }
}

/* Follows PATH through symlinks (dangling ones too) to the file a save must replace. Caller
 * frees. */
static char *final_target(const char *path, char *err, size_t errlen)
{
    char *p = xstrdup(path);
    char link[PATH_MAX];

    for (int hop = 0; hop <= MAX_LINK_HOPS; hop++) {
        struct stat st;
        if (lstat(p, &st) != 0) {
            if (errno == ENOENT)
                return p;
            save_error(err, errlen, path, p, errno);
            free(p);
            return NULL;
        }
        if (!S_ISLNK(st.st_mode))
            return p;
        ssize_t n = readlink(p, link, sizeof link - 1);
        if (n < 0) {
            save_error(err, errlen, path, p, errno);
            free(p);
            return NULL;
        }
        link[n] = '\0';
        char *next;
        const char *slash = strrchr(p, '/');
        if (link[0] == '/' || !slash)
            next = xstrdup(link);
        else
            next = xasprintf("%.*s/%s", (int)(slash - p), p, link);
        free(p);
        p = next;
    }
    save_error(err, errlen, path, path, ELOOP);
    free(p);
    return NULL;
}

/* FILEIO_CHANGED (with the message) when TARGET on disk is no longer what EXPECT recorded. */
static int check_expect(const char *path, const char *target, const struct file_info *expect,
                        char *err, size_t errlen)
{
    struct stat st;
    bool exists = stat(target, &st) == 0;

    if (!exists && errno != ENOENT) {
        save_error(err, errlen, path, target, errno);
        return FILEIO_ERROR;
    }
    if (expect->exists && !exists) {
        snprintf(err, errlen, "%s: deleted on disk since it was opened", path);
        return FILEIO_CHANGED;
    }
    if (!expect->exists && exists) {
        snprintf(err, errlen, "%s: created on disk since it was opened", path);
        return FILEIO_CHANGED;
    }
    if (exists && (st.st_size != expect->size || st.st_ino != expect->ino ||
                   st.st_mtim.tv_sec != expect->mtime.tv_sec ||
                   st.st_mtim.tv_nsec != expect->mtime.tv_nsec)) {
        snprintf(err, errlen, "%s: changed on disk since it was opened", path);
        return FILEIO_CHANGED;
    }
    return FILEIO_OK;
}

/* The process umask. Reading it means setting it; shed is single-threaded, so the moment in
 * between is harmless. */
static mode_t current_umask(void)
{
    mode_t m = umask(0);
    umask(m);
    return m;
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* TARGET's directory: "." for a bare name, "/" for a file at the root. Caller frees. */
static char *parent_dir(const char *target)
{
    const char *slash = strrchr(target, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == target)
        return xstrdup("/");
    return xstrndup(target, (size_t)(slash - target));
}

int fileio_write_atomic(const char *target, const struct fileio_chunk *chunks, size_t n,
                        const struct fileio_atomic *how)
{
    const char *slash = strrchr(target, '/');
    const char *base = slash ? slash + 1 : target;
    char *dir = parent_dir(target);
    char *tmp = xasprintf("%s/.%.*s.shed-XXXXXX", dir, TMP_BASE_MAX, base);
    const struct stat *owner = how->owner;
    struct stat now;
    int rc = -1, e;

    int fd = mkostemp(tmp, O_CLOEXEC);
    if (fd < 0) {
        e = errno;
        free(tmp);
        free(dir);
        errno = e;
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (write_all(fd, chunks[i].bytes, chunks[i].len) != 0)
            goto fail;
    }
    if (fsync(fd) != 0)
        goto fail;
    if (owner && (owner->st_uid != geteuid() || owner->st_gid != getegid())) {
        /* Root keeps the owner; others may at least keep a group of theirs. */
        if (fchown(fd, owner->st_uid, owner->st_gid) != 0 &&
            fchown(fd, (uid_t)-1, owner->st_gid) != 0)
            errno = 0;
    }
    if (fchmod(fd, (mode_t)how->mode) != 0 || fstat(fd, &now) != 0)
        goto fail;
    int cfd = fd;
    fd = -1;
    if (close(cfd) != 0)
        goto fail;
    if (how->before_rename && how->before_rename(how->arg) != 0) {
        rc = 1;
        goto fail;
    }
    if (rename(tmp, target) != 0)
        goto fail;

    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd); /* best effort: some file systems refuse it, the data is already safe */
        close(dfd);
    }
    if (how->st)
        *how->st = now;
    free(tmp);
    free(dir);
    return 0;
fail:
    e = errno;
    if (fd >= 0)
        close(fd);
    unlink(tmp);
    free(tmp);
    free(dir);
    errno = e;
    return rc;
}

/* fileio_save_bytes' last look before the rename: a change while we wrote must not be
 * overwritten either. */
struct recheck {
    const char *path, *target;
    const struct file_info *expect;
    char *err;
    size_t errlen;
    int rc;
};

static int recheck_expect(void *arg)
{
    struct recheck *r = arg;
    r->rc = check_expect(r->path, r->target, r->expect, r->err, r->errlen);
    return r->rc != FILEIO_OK;
}

int fileio_save_bytes(const char *path, const char *bytes, size_t len,
                      const struct file_info *expect, struct file_info *info, char *err,
                      size_t errlen)
{
    char *target = final_target(path, err, errlen);
    if (!target)
        return FILEIO_ERROR;

    struct stat old;
    bool exists = stat(target, &old) == 0;
    int rc = FILEIO_ERROR;

    if (!exists && errno != ENOENT) {
        save_error(err, errlen, path, target, errno);
        goto out;
    }
    if (exists && S_ISDIR(old.st_mode)) {
        snprintf(err, errlen, "%s: is a directory", path);
        goto out;
    }
    if (exists && !S_ISREG(old.st_mode)) {
        snprintf(err, errlen, "%s: not a regular file (shed saves regular files only)", path);
        goto out;
    }
    if (expect && (rc = check_expect(path, target, expect, err, errlen)) != FILEIO_OK)
        goto out;
    rc = FILEIO_ERROR;
    /* The rename would replace a file the user cannot write; refuse as a plain write would. */
    if (exists && access(target, W_OK) != 0 && errno == EACCES) {
        snprintf(err, errlen, "%s: the file is read-only (make it writable: chmod u+w %s)", path,
                 target);
        goto out;
    }

    struct fileio_chunk chunk = {bytes, len};
    struct recheck again = {path, target, expect, err, errlen, FILEIO_OK};
    struct stat now = {0}; /* filled by fileio_write_atomic */
    struct fileio_atomic how = {
        .mode = exists ? old.st_mode & 07777 : 0644 & ~current_umask(),
        .owner = exists ? &old : NULL,
        .before_rename = expect ? recheck_expect : NULL,
        .arg = &again,
        .st = &now,
    };
    int w = fileio_write_atomic(target, &chunk, 1, &how);
    if (w > 0) {
        rc = again.rc;
    } else if (w < 0) {
        int e = errno;
        char *dir = parent_dir(target);
        save_error(err, errlen, path, dir, e);
        free(dir);
    } else {
        if (info)
            fill_info(info, &now);
        rc = FILEIO_OK;
    }
out:
    free(target);
    return rc;
}

int fileio_save(const char *path, struct buffer *b, const struct file_info *expect,
                struct file_info *info, char *err, size_t errlen)
{
    size_t len;
    char *bytes = buffer_serialize(b, &len);
    int rc = fileio_save_bytes(path, bytes, len, expect, info, err, errlen);

    free(bytes);
    if (rc == FILEIO_OK)
        buffer_mark_saved(b);
    return rc;
}
