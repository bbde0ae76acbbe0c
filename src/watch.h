/* watch.h — change notification for folders (inotify). The UI hands it the set of folders it
 * shows; the descriptor goes into the event loop, and a readable descriptor means "something
 * under one of those folders changed": drain it and refresh. */
#ifndef SHED_WATCH_H
#define SHED_WATCH_H

#include <stddef.h>

struct watch;

/* NULL when inotify is unavailable (the tree then refreshes only on demand). */
struct watch *watch_new(void);
void watch_free(struct watch *w);
int watch_fd(const struct watch *w);

/* Watches exactly DIRS (absolute paths), adding and dropping watches as needed. */
void watch_set_dirs(struct watch *w, char **dirs, size_t count);

/* Watches a single file (an open buffer's); call again after the file is replaced by a
 * rename (a save) to follow the new inode. */
void watch_add_file(struct watch *w, const char *path);

/* Reads every pending event; returns how many there were. */
int watch_drain(struct watch *w);

#endif
