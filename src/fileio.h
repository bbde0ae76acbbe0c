/* fileio.h — loading files into buffers and saving them back, atomically and byte for byte.
 *
 * Loading refuses what cannot be edited safely (directories, binary files with NUL bytes,
 * files past FILEIO_MAX_SIZE) with a message naming the file and the reason. Saving writes a
 * temporary file in the same directory, fsyncs it, gives it the original's mode, renames it
 * over the original (following a symlink to its target) and fsyncs the directory: the file
 * on disk is always either the old bytes or the new ones. */
#ifndef SHED_FILEIO_H
#define SHED_FILEIO_H

#include <stddef.h>
#include <sys/stat.h>

#include "buffer.h"
#include "doc.h"

#define FILEIO_MAX_SIZE ((size_t)1 << 30) /* 1 GiB */

enum fileio_result {
    FILEIO_OK = 0,
    FILEIO_ERROR = -1,   /* message in err */
    FILEIO_CHANGED = -2, /* save: the file on disk is not the one loaded (message in err) */
};

/* Reads PATH into a new buffer (*OUT) and fills *INFO. A missing file is not an error: it
 * gives an empty buffer and info->exists = false (a new file). */
int fileio_load(const char *path, struct buffer **out, struct file_info *info, char *err,
                size_t errlen);

/* Reads PATH's stat into *INFO (exists = false when it is missing). */
int fileio_stat(const char *path, struct file_info *info);

/* Writes BYTES[0..LEN) to PATH atomically. When EXPECT is non-NULL and the file on disk no
 * longer matches it (size, mtime, inode), nothing is written and FILEIO_CHANGED returned.
 * On success *INFO (may be NULL) describes the new file. On failure the file on disk is
 * untouched and err says why ("main.py: permission denied (check the directory's
 * permissions)"). */
int fileio_save_bytes(const char *path, const char *bytes, size_t len,
                      const struct file_info *expect, struct file_info *info, char *err,
                      size_t errlen);

/* Serialises B and saves it as above; marks B saved on success. */
int fileio_save(const char *path, struct buffer *b, const struct file_info *expect,
                struct file_info *info, char *err, size_t errlen);

/* One piece of what fileio_write_atomic writes. */
struct fileio_chunk {
    const char *bytes;
    size_t len;
};

/* How fileio_write_atomic writes: zero-initialise it and set what applies. */
struct fileio_atomic {
    unsigned mode;            /* the file's permission bits, as given (the umask is not applied) */
    const struct stat *owner; /* non-NULL: the file gets this uid and gid where the process may
                               * give them, else at least the gid (best effort, never an error) */
    int (*before_rename)(void *arg); /* non-NULL: called with ARG once the file is written and
                                      * closed, just before the rename; nonzero abandons it */
    void *arg;
    struct stat *st; /* non-NULL: receives the new file's stat on success */
};

/* Replaces TARGET with CHUNKS[0..N) written one after another, atomically. The bytes go to a
 * temporary ".NAME.shed-XXXXXX" beside TARGET (created mode 0600, so no one else reads it
 * meanwhile), which is fsynced, given HOW->owner's owner and then HOW->mode (in that order:
 * chown clears set-id bits), closed, renamed over TARGET; then the directory is fsynced (best
 * effort). TARGET itself is never opened, so it holds either its old bytes or all of the new; a
 * symlink at TARGET is replaced, not followed (resolve it first to keep it). Returns 0, 1 when
 * HOW->before_rename refused, or -1 with errno set. On any failure the temporary file is
 * removed and TARGET is untouched. */
int fileio_write_atomic(const char *target, const struct fileio_chunk *chunks, size_t n,
                        const struct fileio_atomic *how);

/* True when BYTES look binary (contain a NUL byte). */
int fileio_is_binary(const char *bytes, size_t len);

#endif
