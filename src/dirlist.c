/* dirlist.c — reading folders for the file tree and for quick-open.
 *
 * dirlist_read gives one folder's entries as an array of names with their kind, folders first
 * and then files, each group ordered by name ignoring case (exact bytes break ties). A symlink
 * to a folder sorts and shows as a folder but is marked as a link. dirlist_scan_files walks a
 * whole tree breadth first with an explicit queue of pending folders (no recursion, so no
 * depth limit), skipping ".git" and never entering a symlinked folder; when it stops at MAX
 * the files kept are the shallowest ones. It returns relative paths, sorted. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "dirlist.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

static bool hidden(const char *name);
static void classify(int dfd, const struct dirent *de, bool *is_dir, bool *is_link, bool *is_reg);
static int name_cmp(const char *a, const char *b);
static int entry_cmp(const void *a, const void *b);
static int path_cmp(const void *a, const void *b);

static bool hidden(const char *name)
{
    return strcmp(name, ".") == 0 || strcmp(name, "..") == 0 || strcmp(name, ".git") == 0;
}

/* What DE is: a folder (or a link to one), a link, a regular file (or a link to one). Uses
 * d_type when the file system fills it and stats otherwise. */
static void classify(int dfd, const struct dirent *de, bool *is_dir, bool *is_link, bool *is_reg)
{
    struct stat st;
    unsigned char type = de->d_type;

    if (type == DT_UNKNOWN) {
        if (fstatat(dfd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            type = DT_UNKNOWN;
        else if (S_ISLNK(st.st_mode))
            type = DT_LNK;
        else if (S_ISDIR(st.st_mode))
            type = DT_DIR;
        else if (S_ISREG(st.st_mode))
            type = DT_REG;
    }
    *is_link = type == DT_LNK;
    *is_dir = type == DT_DIR;
    *is_reg = type == DT_REG;
    if (*is_link && fstatat(dfd, de->d_name, &st, 0) == 0) {
        *is_dir = S_ISDIR(st.st_mode);
        *is_reg = S_ISREG(st.st_mode);
    }
}

static int name_cmp(const char *a, const char *b)
{
    int c = strcasecmp(a, b);
    return c ? c : strcmp(a, b);
}

static int entry_cmp(const void *a, const void *b)
{
    const struct dirent_info *x = a, *y = b;

    if (x->is_dir != y->is_dir)
        return x->is_dir ? -1 : 1;
    return name_cmp(x->name, y->name);
}

static int path_cmp(const void *a, const void *b)
{
    return name_cmp(*(char *const *)a, *(char *const *)b);
}

int dirlist_read(const char *dir, struct dirlist *out, char *err, size_t errlen)
{
    out->items = NULL;
    out->count = 0;

    DIR *d = opendir(dir);
    if (!d) {
        if (errno == EACCES || errno == EPERM)
            snprintf(err, errlen, "%s: permission denied (check the folder's permissions)", dir);
        else if (errno == ENOTDIR)
            snprintf(err, errlen, "%s: not a folder", dir);
        else if (errno == ENOENT)
            snprintf(err, errlen, "%s: no such folder (was it deleted?)", dir);
        else
            snprintf(err, errlen, "%s: cannot read the folder (%s)", dir, strerror(errno));
        return -1;
    }

    size_t cap = 0;
    struct dirent *de;
    while ((errno = 0, de = readdir(d)) != NULL) {
        if (hidden(de->d_name))
            continue;
        xgrow((void **)&out->items, &cap, out->count + 1, sizeof *out->items);
        struct dirent_info *it = &out->items[out->count++];
        bool is_reg;
        it->name = xstrdup(de->d_name);
        classify(dirfd(d), de, &it->is_dir, &it->is_link, &is_reg);
    }
    int e = errno;
    closedir(d);
    if (e != 0) {
        snprintf(err, errlen, "%s: cannot read the folder (%s)", dir, strerror(e));
        dirlist_free(out);
        return -1;
    }
    if (out->count > 1)
        qsort(out->items, out->count, sizeof *out->items, entry_cmp);
    return 0;
}

void dirlist_free(struct dirlist *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->items[i].name);
    free(l->items);
    l->items = NULL;
    l->count = 0;
}

/* Pending folders of a scan, as paths relative to the root ("" is the root); v[head..n) are
 * still to visit. */
struct queue {
    char **v;
    size_t head, n, cap;
};

static void push(struct queue *q, char *rel)
{
    xgrow((void **)&q->v, &q->cap, q->n + 1, sizeof *q->v);
    q->v[q->n++] = rel;
}

/* One entry of a folder being scanned. */
struct scan_entry {
    char *name;
    bool is_dir; /* a real folder, not a link to one; else a regular file or a link to one */
};

static int scan_entry_cmp(const void *a, const void *b)
{
    return name_cmp(((const struct scan_entry *)a)->name, ((const struct scan_entry *)b)->name);
}

/* Adds REL's files to *PATHS and queues its subfolders. Returns false once a file past MAX was
 * seen. Unreadable folders are skipped. */
static bool scan_one(const char *root, const char *rel, struct queue *q, char ***paths,
                     size_t *count, size_t *cap, size_t max)
{
    char *abs = rel[0] ? xasprintf("%s/%s", root, rel) : xstrdup(root);
    DIR *d = opendir(abs);
    free(abs);
    if (!d)
        return true;

    struct scan_entry *v = NULL;
    size_t n = 0, vcap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (hidden(de->d_name))
            continue;
        bool is_dir, is_link, is_reg;
        classify(dirfd(d), de, &is_dir, &is_link, &is_reg);
        if (!is_reg && !(is_dir && !is_link))
            continue;
        xgrow((void **)&v, &vcap, n + 1, sizeof *v);
        v[n].name = xstrdup(de->d_name);
        v[n].is_dir = is_dir && !is_link;
        n++;
    }
    closedir(d);
    if (n > 1)
        qsort(v, n, sizeof *v, scan_entry_cmp);

    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        char *child = rel[0] ? xasprintf("%s/%s", rel, v[i].name) : xstrdup(v[i].name);
        if (v[i].is_dir) {
            push(q, child);
        } else if (!ok) {
            free(child);
        } else if (*count >= max) {
            free(child);
            ok = false;
        } else {
            xgrow((void **)paths, cap, *count + 1, sizeof **paths);
            (*paths)[(*count)++] = child;
        }
    }
    for (size_t i = 0; i < n; i++)
        free(v[i].name);
    free(v);
    return ok;
}

char **dirlist_scan_files(const char *root, size_t max, size_t *count, bool *truncated)
{
    struct queue q = {0};
    char **paths = NULL;
    size_t cap = 0;

    *count = 0;
    *truncated = false;
    push(&q, xstrdup(""));
    while (q.head < q.n) {
        char *rel = q.v[q.head++];
        bool more = scan_one(root, rel, &q, &paths, count, &cap, max);
        free(rel);
        if (!more) {
            *truncated = true;
            break;
        }
    }
    while (q.head < q.n)
        free(q.v[q.head++]);
    free(q.v);
    if (!paths)
        paths = xmalloc(sizeof *paths);
    if (*count > 1)
        qsort(paths, *count, sizeof *paths, path_cmp);
    return paths;
}

void dirlist_free_paths(char **paths, size_t count)
{
    if (!paths)
        return;
    for (size_t i = 0; i < count; i++)
        free(paths[i]);
    free(paths);
}
