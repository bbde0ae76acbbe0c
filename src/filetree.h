/* filetree.h — the file tree's model: the workspace's folders, which of them are expanded,
 * and the flattened rows the tree pane shows (folders first, ".git" hidden). Rebuilding
 * rereads every expanded folder and keeps the expansion and the selection by path, so a
 * refresh after a change on disk leaves the user where they were. */
#ifndef SHED_FILETREE_H
#define SHED_FILETREE_H

#include <stdbool.h>
#include <stddef.h>

struct filetree_row {
    char *path;       /* relative to the root; "" for the root itself */
    const char *name; /* points into path */
    int depth;
    bool is_dir;
    bool is_link;
    bool expanded;
};

struct filetree {
    char *root; /* absolute, resolved */
    char *root_name;
    struct filetree_row *rows;
    size_t nrows, cap;
    char **expanded; /* relative paths of expanded folders ("" is the root) */
    size_t nexpanded, expcap;
    size_t selected; /* index into rows */
    size_t top;      /* first visible row */
};

/* A tree over ROOT (absolute and resolved), with the root expanded. */
void filetree_init(struct filetree *t, const char *root);
void filetree_free(struct filetree *t);

/* Rereads the expanded folders; keeps the selection on the same path when it still exists. */
void filetree_refresh(struct filetree *t);

/* Expands or collapses the folder at row I (no-op on files). */
void filetree_toggle(struct filetree *t, size_t i);
void filetree_set_expanded(struct filetree *t, size_t i, bool expanded);

/* Expands every folder above PATH (relative) and selects its row, when it exists. */
void filetree_reveal(struct filetree *t, const char *path);

/* Index of the row for PATH, or (size_t)-1. */
size_t filetree_find(const struct filetree *t, const char *path);

/* Every expanded folder's absolute path, for watching (caller frees the array, not the
 * strings' owner: each string is fresh and freed by the caller too). */
char **filetree_expanded_dirs(const struct filetree *t, size_t *count);

#endif
