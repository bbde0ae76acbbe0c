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

/* True when BYTES look binary (contain a NUL byte). */
int fileio_is_binary(const char *bytes, size_t len);

#endif
