/* filetree.c — the tree pane's model. Rows are rebuilt from scratch on every change (a
 * workspace's expanded folders hold hundreds of entries, not millions), which keeps the
 * expansion set the only state that must survive a refresh. */
#include "filetree.h"

#include <stdlib.h>
#include <string.h>

#include "dirlist.h"
#include "xalloc.h"

static bool is_expanded(const struct filetree *t, const char *path)
{
    for (size_t i = 0; i < t->nexpanded; i++)
        if (strcmp(t->expanded[i], path) == 0)
            return true;
    return false;
}

static void add_row(struct filetree *t, char *path, int depth, bool is_dir, bool is_link)
{
    xgrow((void **)&t->rows, &t->cap, t->nrows + 1, sizeof *t->rows);
    struct filetree_row *r = &t->rows[t->nrows++];
    r->path = path;
    const char *slash = strrchr(path, '/');
    r->name = slash ? slash + 1 : path;
    r->depth = depth;
    r->is_dir = is_dir;
    r->is_link = is_link;
    r->expanded = is_dir && is_expanded(t, path);
}

static void add_children(struct filetree *t, const char *rel, int depth)
{
    char *abs = rel[0] ? xasprintf("%s/%s", t->root, rel) : xstrdup(t->root);
    struct dirlist l;
    char err[256];
    if (dirlist_read(abs, &l, err, sizeof err) == 0) {
        for (size_t i = 0; i < l.count; i++) {
            struct dirent_info *e = &l.items[i];
            char *path = rel[0] ? xasprintf("%s/%s", rel, e->name) : xstrdup(e->name);
            add_row(t, path, depth, e->is_dir, e->is_link);
            /* Symlinked folders are listed but never descended into: they may point out. */
            if (e->is_dir && !e->is_link && t->rows[t->nrows - 1].expanded)
                add_children(t, path, depth + 1);
        }
        dirlist_free(&l);
    }
    free(abs);
}

static void clear_rows(struct filetree *t)
{
    for (size_t i = 0; i < t->nrows; i++)
        free(t->rows[i].path);
    t->nrows = 0;
}

void filetree_init(struct filetree *t, const char *root)
{
    memset(t, 0, sizeof *t);
    t->root = xstrdup(root);
    const char *slash = strrchr(root, '/');
    t->root_name = xstrdup(slash && slash[1] ? slash + 1 : root);
    xgrow((void **)&t->expanded, &t->expcap, 1, sizeof *t->expanded);
    t->expanded[t->nexpanded++] = xstrdup("");
    filetree_refresh(t);
}

void filetree_free(struct filetree *t)
{
    clear_rows(t);
    free(t->rows);
    for (size_t i = 0; i < t->nexpanded; i++)
        free(t->expanded[i]);
    free(t->expanded);
    free(t->root);
    free(t->root_name);
    memset(t, 0, sizeof *t);
}

void filetree_refresh(struct filetree *t)
{
    char *keep = t->selected < t->nrows ? xstrdup(t->rows[t->selected].path) : NULL;
    size_t old_selected = t->selected;
    clear_rows(t);
    add_row(t, xstrdup(""), 0, true, false);
    t->rows[0].name = t->root_name;
    add_children(t, "", 1);
    size_t i = keep ? filetree_find(t, keep) : (size_t)-1;
    /* A deleted entry leaves the selection on its neighbour. */
    t->selected = i != (size_t)-1 ? i : (old_selected < t->nrows ? old_selected : t->nrows - 1);
    free(keep);
}

void filetree_set_expanded(struct filetree *t, size_t i, bool expanded)
{
    if (i >= t->nrows || !t->rows[i].is_dir || t->rows[i].is_link)
        return;
    const char *path = t->rows[i].path;
    if (expanded == is_expanded(t, path))
        return;
    if (expanded) {
        xgrow((void **)&t->expanded, &t->expcap, t->nexpanded + 1, sizeof *t->expanded);
        t->expanded[t->nexpanded++] = xstrdup(path);
    } else {
        for (size_t k = 0; k < t->nexpanded; k++) {
            if (strcmp(t->expanded[k], path) == 0) {
                free(t->expanded[k]);
                t->expanded[k] = t->expanded[--t->nexpanded];
                break;
            }
        }
    }
    t->selected = i;
    filetree_refresh(t);
}

void filetree_toggle(struct filetree *t, size_t i)
{
    if (i < t->nrows)
        filetree_set_expanded(t, i, !t->rows[i].expanded);
}

void filetree_reveal(struct filetree *t, const char *path)
{
    char *p = xstrdup(path);
    bool changed = false;
    for (char *s = strchr(p, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        if (!is_expanded(t, p)) {
            xgrow((void **)&t->expanded, &t->expcap, t->nexpanded + 1, sizeof *t->expanded);
            t->expanded[t->nexpanded++] = xstrdup(p);
            changed = true;
        }
        *s = '/';
    }
    free(p);
    if (changed)
        filetree_refresh(t);
    size_t i = filetree_find(t, path);
    if (i != (size_t)-1)
        t->selected = i;
}

size_t filetree_find(const struct filetree *t, const char *path)
{
    for (size_t i = 0; i < t->nrows; i++)
        if (strcmp(t->rows[i].path, path) == 0)
            return i;
    return (size_t)-1;
}

char **filetree_expanded_dirs(const struct filetree *t, size_t *count)
{
    char **out = xcalloc(t->nrows + 1, sizeof *out);
    size_t n = 0;
    for (size_t i = 0; i < t->nrows; i++) {
        const struct filetree_row *r = &t->rows[i];
        if (r->is_dir && r->expanded)
            out[n++] = r->path[0] ? xasprintf("%s/%s", t->root, r->path) : xstrdup(t->root);
    }
    *count = n;
    return out;
}
