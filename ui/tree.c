/* tree.c — the file tree pane: draws the filetree model, moves its selection, opens files,
 * and runs the file operations (new file, new folder, rename, delete) through workspace.c so
 * nothing outside the workspace can be touched. Watches the shown folders to refresh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "bindings.h"
#include "draw.h"
#include "watch.h"
#include "workspace.h"
#include "xalloc.h"

static bool is_open(const char *rel)
{
    for (size_t i = 0; i < app.ndocs; i++)
        if (app.docs[i]->name && strcmp(app.docs[i]->name, rel) == 0)
            return true;
    return false;
}

void tree_draw(void)
{
    struct filetree *t = &app.tree;
    struct rect r = app.layout.tree;
    draw_fill(r, draw_ui(UI_TREE));
    if (t->selected < t->top)
        t->top = t->selected;
    if (t->selected >= t->top + (size_t)r.h)
        t->top = t->selected - (size_t)r.h + 1;
    for (int y = 0; y < r.h; y++) {
        size_t i = t->top + (size_t)y;
        if (i >= t->nrows)
            break;
        const struct filetree_row *row = &t->rows[i];
        bool sel = i == t->selected;
        enum theme_ui e = row->is_dir ? UI_TREE_DIR : is_open(row->path) ? UI_TREE_OPEN : UI_TREE;
        struct ink a = sel && app.focus == FOCUS_TREE ? draw_ui(UI_TREE_SELECTED) : draw_ui(e);
        if (sel && app.focus != FOCUS_TREE)
            a = ink_with(a, A_BOLD);
        if (sel)
            draw_fill((struct rect){r.y + y, r.x, 1, r.w}, a);
        char line[600];
        const char *mark = row->is_dir ? (row->expanded ? "▾ " : "▸ ") : "  ";
        snprintf(line, sizeof line, "%*s%s%s%s%s", row->depth * 2, "", mark, row->name,
                 row->is_dir && i > 0 ? "/" : "", row->is_link ? " →" : "");
        draw_str(r.y + y, r.x + 1, r.w - 1, line, a);
    }
}

void tree_sync_watch(void)
{
    size_t n;
    char **dirs = filetree_expanded_dirs(&app.tree, &n);
    watch_set_dirs(app.watch, dirs, n);
    for (size_t i = 0; i < n; i++)
        free(dirs[i]);
    free(dirs);
}

static const struct filetree_row *selected_row(void)
{
    return app.tree.selected < app.tree.nrows ? &app.tree.rows[app.tree.selected] : NULL;
}

static void move_sel(long delta)
{
    struct filetree *t = &app.tree;
    long s = (long)t->selected + delta;
    if (s < 0)
        s = 0;
    if (s >= (long)t->nrows)
        s = (long)t->nrows - 1;
    t->selected = (size_t)s;
}

static void tr_up(void)
{
    move_sel(-1);
}

static void tr_down(void)
{
    move_sel(1);
}

static void tr_page_up(void)
{
    move_sel(-(long)(app.layout.tree.h - 1));
}

static void tr_page_down(void)
{
    move_sel(app.layout.tree.h - 1);
}

static void tr_first(void)
{
    app.tree.selected = 0;
}

static void tr_last(void)
{
    app.tree.selected = app.tree.nrows - 1;
}

static void tr_open(void)
{
    const struct filetree_row *row = selected_row();
    if (!row)
        return;
    if (row->is_dir) {
        if (row->is_link) {
            app_message(true, "%s: a link to a folder elsewhere; shed does not follow it",
                        row->path);
            return;
        }
        filetree_toggle(&app.tree, app.tree.selected);
        tree_sync_watch();
        return;
    }
    if (docs_open(row->path) == 0)
        app.focus = FOCUS_EDITOR;
}

static void tr_expand(void)
{
    const struct filetree_row *row = selected_row();
    if (row && row->is_dir && !row->expanded)
        tr_open();
    else if (row && row->is_dir)
        move_sel(1);
}

static void tr_collapse(void)
{
    struct filetree *t = &app.tree;
    const struct filetree_row *row = selected_row();
    if (!row)
        return;
    if (row->is_dir && row->expanded && t->selected > 0) {
        filetree_set_expanded(t, t->selected, false);
        tree_sync_watch();
        return;
    }
    /* Go to the parent folder. */
    for (size_t i = t->selected; i-- > 0;) {
        if (t->rows[i].depth < row->depth) {
            t->selected = i;
            return;
        }
    }
}

/* The folder new entries go into: the selected folder, or the selected file's folder. */
static char *target_dir(void)
{
    const struct filetree_row *row = selected_row();
    if (!row || app.focus != FOCUS_TREE)
        return xstrdup("");
    if (row->is_dir && !row->is_link)
        return xstrdup(row->path);
    const char *slash = strrchr(row->path, '/');
    return slash ? xstrndup(row->path, (size_t)(slash - row->path)) : xstrdup("");
}

static char *join(const char *dir, const char *name)
{
    return dir[0] ? xasprintf("%s/%s", dir, name) : xstrdup(name);
}

static void after_change(const char *select)
{
    filetree_refresh(&app.tree);
    if (select)
        filetree_reveal(&app.tree, select);
    tree_sync_watch();
}

void tree_create(const char *rel, bool dir)
{
    char err[512];
    int rc = dir ? workspace_create_dir(app.root, rel, err, sizeof err)
                 : workspace_create_file(app.root, rel, err, sizeof err);
    if (rc != 0) {
        app_message(true, "%s", err);
        return;
    }
    after_change(rel);
    if (!dir && docs_open(rel) == 0)
        app.focus = FOCUS_EDITOR;
    app_message(false, "created %s", rel);
}

static void create_submit(struct prompt *p, const char *text, bool dir)
{
    if (!text[0])
        return;
    char *rel = join(p->ctx_str ? p->ctx_str : "", text);
    tree_create(rel, dir);
    free(rel);
}

static void new_file_submit(struct prompt *p, const char *text)
{
    create_submit(p, text, false);
}

static void new_dir_submit(struct prompt *p, const char *text)
{
    create_submit(p, text, true);
}

static void open_create_prompt(const char *what, prompt_submit_fn fn)
{
    char *dir = target_dir();
    char label[300];
    snprintf(label, sizeof label, "new %s in %s/: ", what, dir[0] ? dir : app.tree.root_name);
    prompt_open(label, "", fn, NULL, NULL);
    app.prompt.ctx_str = dir;
}

void tree_new_file(void)
{
    open_create_prompt("file", new_file_submit);
}

void tree_new_dir(void)
{
    open_create_prompt("folder", new_dir_submit);
}

static void rename_submit(struct prompt *p, const char *text)
{
    const char *from = p->ctx_str;
    if (!text[0] || strcmp(text, from) == 0)
        return;
    char err[512];
    if (workspace_rename(app.root, from, text, err, sizeof err) != 0) {
        app_message(true, "%s", err);
        return;
    }
    /* Buffers of the renamed file (or of files inside a renamed folder) follow it. */
    size_t flen = strlen(from);
    for (size_t i = 0; i < app.ndocs; i++) {
        struct doc *d = app.docs[i];
        if (strncmp(d->name, from, flen) == 0 && (d->name[flen] == '\0' || d->name[flen] == '/')) {
            char *name = xasprintf("%s%s", text, d->name + flen);
            free(d->name);
            d->name = name;
            free(d->path);
            d->path = xasprintf("%s/%s", app.root, name);
        }
    }
    after_change(text);
    app_message(false, "renamed %s to %s", from, text);
}

static void tr_rename(void)
{
    const struct filetree_row *row = selected_row();
    if (!row || app.tree.selected == 0)
        return;
    prompt_open("rename to: ", row->path, rename_submit, NULL, NULL);
    app.prompt.ctx_str = xstrdup(row->path);
}

static void delete_answer(struct prompt *p, const char *answer)
{
    if (answer[0] != 'y')
        return;
    const char *rel = p->ctx_str;
    size_t rlen = strlen(rel);
    for (size_t i = 0; i < app.ndocs; i++) {
        const char *n = app.docs[i]->name;
        if (strncmp(n, rel, rlen) == 0 && (n[rlen] == '\0' || n[rlen] == '/') &&
            buffer_modified(app.docs[i]->buf)) {
            app_message(true, "%s has unsaved changes: save or close it before deleting", n);
            return;
        }
    }
    char err[512];
    if (workspace_delete(app.root, rel, err, sizeof err) != 0) {
        app_message(true, "%s", err);
        return;
    }
    /* Close the buffers of what is gone (they hold no unsaved text: checked above). */
    for (size_t i = app.ndocs; i-- > 0;) {
        const char *n = app.docs[i]->name;
        if (strncmp(n, rel, rlen) == 0 && (n[rlen] == '\0' || n[rlen] == '/')) {
            docs_switch(i);
            docs_close_current();
        }
    }
    after_change(NULL);
    app_message(false, "deleted %s", rel);
}

static void tr_delete(void)
{
    const struct filetree_row *row = selected_row();
    if (!row || app.tree.selected == 0)
        return;
    char label[600];
    snprintf(label, sizeof label, "delete %s%s? (y/n) ", row->path,
             row->is_dir && !row->is_link ? "/ and everything in it" : "");
    prompt_ask(label, "yn", delete_answer, NULL);
    app.prompt.ctx_str = xstrdup(row->path);
}

static void tr_refresh(void)
{
    after_change(NULL);
    app_message(false, "tree refreshed");
}

const struct binding tree_bindings[] = {
    {K_UP, 0, tr_up, "tree: previous entry"},
    {'k', 0, tr_up, NULL},
    {K_DOWN, 0, tr_down, "tree: next entry"},
    {'j', 0, tr_down, NULL},
    {K_PGUP, 0, tr_page_up, "tree: page up"},
    {K_PGDN, 0, tr_page_down, "tree: page down"},
    {K_HOME, 0, tr_first, "tree: first entry"},
    {K_END, 0, tr_last, "tree: last entry"},
    {K_ENTER, 0, tr_open, "tree: open the file, or expand/collapse the folder"},
    {K_RIGHT, 0, tr_expand, "tree: expand the folder"},
    {K_LEFT, 0, tr_collapse, "tree: collapse, or go to the parent folder"},
    {'a', 0, tree_new_file, "tree: new file in the selected folder"},
    {'A', 0, tree_new_dir, "tree: new folder in the selected folder"},
    {'r', 0, tr_rename, "tree: rename or move"},
    {K_F(2), 0, tr_rename, NULL},
    {'d', 0, tr_delete, "tree: delete (asks first)"},
    {K_DEL, 0, tr_delete, NULL},
    {'R', 0, tr_refresh, "tree: reread the folders"},
};
const size_t ntree_bindings = sizeof tree_bindings / sizeof tree_bindings[0];

void tree_key(struct key k)
{
    bindings_dispatch(tree_bindings, ntree_bindings, k);
}

void tree_mouse(int y, int x, int kind)
{
    struct filetree *t = &app.tree;
    if (kind == MOUSE_WHEEL_UP || kind == MOUSE_WHEEL_DOWN) {
        long delta = kind == MOUSE_WHEEL_UP ? -3 : 3;
        long top = (long)t->top + delta;
        long max = (long)t->nrows - app.layout.tree.h;
        if (top > max)
            top = max;
        if (top < 0)
            top = 0;
        t->top = (size_t)top;
        if (t->selected < t->top)
            t->selected = t->top;
        if (t->selected >= t->top + (size_t)app.layout.tree.h)
            t->selected = t->top + (size_t)app.layout.tree.h - 1;
        return;
    }
    if (kind != MOUSE_PRESS)
        return;
    size_t i = t->top + (size_t)(y - app.layout.tree.y);
    if (i >= t->nrows)
        return;
    app.focus = FOCUS_TREE;
    t->selected = i;
    tr_open();
}
