/* recovery.h — recovery files: the unsaved text of a buffer, written when the session dies
 * (SIGHUP when SSH drops, SIGTERM) and offered back the next time that file is opened.
 *
 * One file per edited path under DIR (the data dir's recovery/), named by a hash of the
 * absolute path. It holds a header line with the original path and the time, then the exact
 * bytes the buffer would have saved. Written atomically with mode 0600. */
#ifndef SHED_RECOVERY_H
#define SHED_RECOVERY_H

#include <stddef.h>
#include <time.h>

/* Writes BYTES as the recovery for PATH (absolute, or a name for an unsaved buffer). */
int recovery_write(const char *dir, const char *path, const char *bytes, size_t len, char *err,
                   size_t errlen);

/* Finds the recovery for PATH: returns 1 and fills *BYTES (caller frees), *LEN and *WHEN, or 0
 * when there is none, or -1 with err when one exists but cannot be read. */
int recovery_find(const char *dir, const char *path, char **bytes, size_t *len, time_t *when,
                  char *err, size_t errlen);

/* Removes the recovery for PATH, if any. */
void recovery_discard(const char *dir, const char *path);

#endif
