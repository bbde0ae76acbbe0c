/* dirlist.h — reading the workspace's directories: one folder's entries in tree order
 * (folders first, then files, each by name), and every file under a root for quick-open.
 * ".git" is hidden from both. */
#ifndef SHED_DIRLIST_H
#define SHED_DIRLIST_H

#include <stdbool.h>
#include <stddef.h>

struct dirent_info {
    char *name;
    bool is_dir; /* a directory, or a symlink to one */
    bool is_link;
};

struct dirlist {
    struct dirent_info *items;
    size_t count;
};

/* Lists DIR. Returns 0, or -1 with err (permission denied, not a directory). */
int dirlist_read(const char *dir, struct dirlist *out, char *err, size_t errlen);
void dirlist_free(struct dirlist *l);

/* Every regular file under ROOT as paths relative to it, sorted; does not follow symlinked
 * directories; stops after MAX files (*TRUNCATED set). Caller frees with dirlist_free_paths. */
char **dirlist_scan_files(const char *root, size_t max, size_t *count, bool *truncated);
void dirlist_free_paths(char **paths, size_t count);

#endif
