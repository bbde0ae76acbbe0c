/* recovery.c — recovery files for unsaved buffers.
 *
 * DIR/<16 hex digits>.rec, the digits being the 64-bit FNV-1a hash of the path. The file is a
 * header line "shed-recovery 1 <unix time> <path>\n" followed by the buffer's exact bytes.
 * The path is matched against the header (by length, so a path holding a newline still
 * matches) to tell a hash collision from a real recovery. Files are written atomically by
 * fileio_write_atomic (temporary name, fsync, rename), mode 0600, in a folder created 0700. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "recovery.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fileio.h"
#include "paths.h"
#include "xalloc.h"

#define MAGIC "shed-recovery 1 "

static char *rec_path(const char *dir, const char *path);
static int read_file(const char *file, char **data, size_t *len);
static int parse(const char *data, size_t len, const char *path, size_t *body, time_t *when);

static uint64_t fnv1a(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;

    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* DIR/HASH.rec. Caller frees. */
static char *rec_path(const char *dir, const char *path)
{
    return xasprintf("%s/%016" PRIx64 ".rec", dir, fnv1a(path));
}

int recovery_write(const char *dir, const char *path, const char *bytes, size_t len, char *err,
                   size_t errlen)
{
    if (paths_mkdirs(dir, 0700) != 0) {
        snprintf(err, errlen, "%s: cannot create the recovery folder (%s)", dir, strerror(errno));
        return -1;
    }

    char *final = rec_path(dir, path);
    char *header = xasprintf(MAGIC "%lld %s\n", (long long)time(NULL), path);
    const struct fileio_chunk parts[] = {{header, strlen(header)}, {bytes, len}};
    const struct fileio_atomic how = {.mode = 0600};
    int rc = fileio_write_atomic(final, parts, 2, &how);
    if (rc != 0)
        snprintf(err, errlen, "%s: cannot write the recovery file (%s)", path, strerror(errno));
    free(header);
    free(final);
    return rc == 0 ? 0 : -1;
}

/* Reads FILE whole; *DATA is NUL-terminated for parsing. Returns 0, or -1 with errno. */
static int read_file(const char *file, char **data, size_t *len)
{
    int fd = open(file, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    size_t cap = 4096, n = 0;
    char *buf = xmalloc(cap);
    for (;;) {
        if (n + 1 >= cap)
            xgrow((void **)&buf, &cap, n + 4096, 1);
        ssize_t r = read(fd, buf + n, cap - n - 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            free(buf);
            close(fd);
            errno = e;
            return -1;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return 0;
}

/* Checks DATA's header: returns 1 when it is the recovery of PATH (with *BODY the offset of
 * the bytes and *WHEN the time), 0 when it belongs to another path, -1 when it is damaged. */
static int parse(const char *data, size_t len, const char *path, size_t *body, time_t *when)
{
    size_t m = strlen(MAGIC);

    if (len < m || memcmp(data, MAGIC, m) != 0)
        return -1;
    size_t i = m;
    long long t = 0;
    bool digits = false;
    while (i < len && data[i] >= '0' && data[i] <= '9' && i - m < 18) {
        t = t * 10 + (data[i] - '0');
        digits = true;
        i++;
    }
    if (!digits || i >= len || data[i] != ' ')
        return -1;
    i++;
    size_t plen = strlen(path);
    if (len - i < plen + 1 || memcmp(data + i, path, plen) != 0 || data[i + plen] != '\n') {
        /* Another path with the same hash, or damage: tell them apart by the newline. */
        return memchr(data + i, '\n', len - i) ? 0 : -1;
    }
    *body = i + plen + 1;
    *when = (time_t)t;
    return 1;
}

int recovery_find(const char *dir, const char *path, char **bytes, size_t *len, time_t *when,
                  char *err, size_t errlen)
{
    char *file = rec_path(dir, path);
    char *data;
    size_t n;

    if (read_file(file, &data, &n) != 0) {
        int e = errno;
        free(file);
        if (e == ENOENT)
            return 0;
        snprintf(err, errlen, "%s: cannot read its recovery file (%s)", path, strerror(e));
        return -1;
    }
    size_t body;
    int rc = parse(data, n, path, &body, when);
    if (rc < 0) {
        snprintf(err, errlen, "%s: its recovery file %s is damaged (delete it)", path, file);
    } else if (rc > 0) {
        *len = n - body;
        memmove(data, data + body, *len + 1); /* keeps the NUL terminator */
        *bytes = data;
        data = NULL;
    }
    free(data);
    free(file);
    return rc;
}

void recovery_discard(const char *dir, const char *path)
{
    char *file = rec_path(dir, path);
    char *data;
    size_t n, body;
    time_t when;

    /* Only this path's recovery goes, never another path's that shares the hash. */
    if (read_file(file, &data, &n) == 0) {
        if (parse(data, n, path, &body, &when) != 0)
            unlink(file);
        free(data);
    }
    free(file);
}
