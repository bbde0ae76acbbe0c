/* docs.c — the set of open buffers: opening (with the recovery offer), switching, saving
 * (asking when the file changed on disk), closing and quitting (asking when text is unsaved),
 * writing recovery files when the session dies, and reloading clean buffers whose file
 * changed on disk. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "fileio.h"
#include "lang.h"
#include "recovery.h"
#include "watch.h"
#include "workspace.h"
#include "xalloc.h"

struct doc *app_doc(void)
{
    return app.ndocs ? app.docs[app.current] : NULL;
}

char *docs_relative(const char *abs)
{
    size_t n = strlen(app.root);
    if (strncmp(abs, app.root, n) == 0 && abs[n] == '/')
        return xstrdup(abs + n + 1);
    if (strcmp(abs, app.root) == 0)
        return xstrdup(".");
    return xstrdup(abs);
}

static bool same_file(const struct file_info *a, const struct file_info *b)
{
    return a->exists == b->exists && a->size == b->size && a->ino == b->ino && a->dev == b->dev &&
           a->mtime.tv_sec == b->mtime.tv_sec && a->mtime.tv_nsec == b->mtime.tv_nsec;
}

/* ---- recovery offer ---------------------------------------------------------------------- */

static void recovery_answer(struct prompt *p, const char *answer)
{
    struct doc *d = NULL;
    for (size_t i = 0; i < app.ndocs; i++)
        if (strcmp(app.docs[i]->path, p->ctx_str) == 0)
            d = app.docs[i];
    if (!d)
        return;
    if (answer[0] == 'r') {
        char *bytes;
        size_t len;
        time_t when;
        char err[256];
        if (recovery_find(app.recovery_dir, d->path, &bytes, &len, &when, err, sizeof err) != 1) {
            app_message(true, "%s", err);
            return;
        }
        buffer_replace_all(d->buf, bytes, len);
        d->cursor = buffer_clamp(d->buf, d->cursor);
        app_message(false, "recovered %s: review it and save with Ctrl-S (Ctrl-Z undoes)", d->name);
    } else if (answer[0] == 'd') {
        recovery_discard(app.recovery_dir, d->path);
        app_message(false, "discarded the recovered text of %s", d->name);
    } else {
        app_message(false, "kept the recovery file of %s for later", d->name);
    }
}

static void offer_recovery(struct doc *d)
{
    char *bytes;
    size_t len;
    time_t when;
    char err[256];
    int found = recovery_find(app.recovery_dir, d->path, &bytes, &len, &when, err, sizeof err);
    if (found < 0) {
        app_message(true, "%s", err);
        return;
    }
    if (found == 0)
        return;
    size_t cur_len;
    char *cur = buffer_serialize(d->buf, &cur_len);
    bool same = cur_len == len && memcmp(cur, bytes, len) == 0;
    free(cur);
    free(bytes);
    if (same) {
        recovery_discard(app.recovery_dir, d->path);
        return;
    }
    char stamp[32];
    strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M", localtime(&when));
    char label[400];
    snprintf(label, sizeof label,
             "%s has unsaved text from %s: (r)ecover it, (d)iscard it, or (l)ater? ", d->name,
             stamp);
    prompt_ask(label, "rdl", recovery_answer, NULL);
    app.prompt.ctx_str = xstrdup(d->path);
}

/* ---- opening and switching ----------------------------------------------------------------- */

/* Picks the language from the file's name or its first line. Its grammar loads later, after
 * the text is on screen (docs_start_syntax). Plain text when nothing matches. */
static void attach_language(struct doc *d)
{
    size_t len;
    const char *first = buffer_line(d->buf, 0, &len);
    doc_use_language(d, lang_detect(d->path, first, len));
}

bool docs_start_syntax(void)
{
    struct doc *d = app_doc();
    if (!d || !d->lang || d->syntax || d->syntax_tried)
        return false;
    char err[512];
    if (doc_start_syntax(d, err, sizeof err) != 0)
        app_message(true, "%s", err);
    return true;
}

int docs_open(const char *path)
{
    char err[512];
    char *abs = workspace_resolve(app.root, path, false, err, sizeof err);
    if (!abs) {
        app_message(true, "%s", err);
        return -1;
    }
    for (size_t i = 0; i < app.ndocs; i++) {
        if (strcmp(app.docs[i]->path, abs) == 0) {
            free(abs);
            docs_switch(i);
            return 0;
        }
    }
    struct buffer *buf;
    struct file_info info;
    if (fileio_load(abs, &buf, &info, err, sizeof err) != 0) {
        app_message(true, "%s", err);
        free(abs);
        return -1;
    }
    struct doc *d = doc_new(buf, app.cfg.tab_width);
    d->path = abs;
    d->name = docs_relative(abs);
    d->disk = info;
    d->readonly = info.exists && access(abs, W_OK) != 0;
    attach_language(d);
    xgrow((void **)&app.docs, &app.docs_cap, app.ndocs + 1, sizeof *app.docs);
    app.docs[app.ndocs++] = d;
    app.current = app.ndocs - 1;
    watch_add_file(app.watch, abs);
    if (d->readonly)
        app_message(false, "%s is read-only (no permission to write it)", d->name);
    else if (!info.exists)
        app_message(false, "%s is a new file", d->name);
    offer_recovery(d);
    return 0;
}

void docs_switch(size_t i)
{
    if (i < app.ndocs)
        app.current = i;
}

void docs_cycle(int dir)
{
    if (app.ndocs < 2)
        return;
    app.current = (app.current + (dir > 0 ? 1 : app.ndocs - 1)) % app.ndocs;
}

/* ---- saving ------------------------------------------------------------------------------ */

static int save_doc(struct doc *d, bool force)
{
    char err[512];
    if (d->readonly) {
        app_message(true, "%s is read-only (no permission to write it)", d->name);
        return -1;
    }
    struct file_info info;
    int rc = fileio_save(d->path, d->buf, force || !d->disk.exists ? NULL : &d->disk, &info, err,
                         sizeof err);
    if (rc == FILEIO_CHANGED)
        return FILEIO_CHANGED;
    if (rc != 0) {
        app_message(true, "%s", err);
        return -1;
    }
    d->disk = info;
    watch_add_file(app.watch, d->path); /* the rename gave the path a new inode */
    recovery_discard(app.recovery_dir, d->path);
    app_message(false, "saved %s (%zu bytes)", d->name, (size_t)info.size);
    return 0;
}

static void reload_doc(struct doc *d)
{
    struct buffer *fresh;
    struct file_info info;
    char err[512];
    if (fileio_load(d->path, &fresh, &info, err, sizeof err) != 0) {
        app_message(true, "%s", err);
        return;
    }
    /* Swap the text in as one undoable step so a reload never loses the old version. */
    size_t len;
    char *bytes = buffer_serialize(fresh, &len);
    enum eol eol = fresh->eol;
    bool fin = fresh->final_newline;
    buffer_free(fresh);
    buffer_replace_all(d->buf, bytes, len);
    d->buf->eol = eol;
    d->buf->final_newline = fin;
    buffer_mark_saved(d->buf);
    d->disk = info;
    d->cursor = buffer_clamp(d->buf, d->cursor);
    d->anchor = buffer_clamp(d->buf, d->anchor);
}

static void changed_answer(struct prompt *p, const char *answer)
{
    struct doc *d = app_doc();
    if (!d)
        return;
    if (answer[0] == 'o')
        save_doc(d, true);
    else if (answer[0] == 'r') {
        reload_doc(d);
        app_message(false, "reloaded %s from disk (Ctrl-Z brings your version back)", d->name);
    }
}

void docs_save_current(void)
{
    struct doc *d = app_doc();
    if (!d)
        return;
    if (save_doc(d, false) == FILEIO_CHANGED) {
        char label[400];
        snprintf(label, sizeof label,
                 "%s changed on disk since it was opened: (o)verwrite, (r)eload, (c)ancel? ",
                 d->name);
        prompt_ask(label, "orc", changed_answer, NULL);
    }
}

size_t docs_modified_count(void)
{
    size_t n = 0;
    for (size_t i = 0; i < app.ndocs; i++)
        n += buffer_modified(app.docs[i]->buf);
    return n;
}

/* ---- closing and quitting ------------------------------------------------------------------ */

static void remove_current(void)
{
    doc_free(app.docs[app.current]);
    memmove(&app.docs[app.current], &app.docs[app.current + 1],
            (app.ndocs - app.current - 1) * sizeof *app.docs);
    app.ndocs--;
    if (app.current >= app.ndocs && app.ndocs > 0)
        app.current = app.ndocs - 1;
    if (app.ndocs == 0)
        app.current = 0;
}

static void close_answer(struct prompt *p, const char *answer)
{
    struct doc *d = app_doc();
    if (!d)
        return;
    if (answer[0] == 's' && save_doc(d, false) != 0)
        return;
    if (answer[0] == 's' || answer[0] == 'd') {
        if (answer[0] == 'd')
            recovery_discard(app.recovery_dir, d->path);
        remove_current();
    }
}

void docs_close_current(void)
{
    struct doc *d = app_doc();
    if (!d)
        return;
    if (!buffer_modified(d->buf)) {
        remove_current();
        return;
    }
    char label[400];
    snprintf(label, sizeof label, "%s has unsaved changes: (s)ave, (d)iscard, (c)ancel? ", d->name);
    prompt_ask(label, "sdc", close_answer, NULL);
}

static void quit_answer(struct prompt *p, const char *answer)
{
    if (answer[0] == 'd') {
        for (size_t i = 0; i < app.ndocs; i++)
            recovery_discard(app.recovery_dir, app.docs[i]->path);
        app.quit = true;
    } else if (answer[0] == 's') {
        for (size_t i = 0; i < app.ndocs; i++) {
            struct doc *d = app.docs[i];
            if (!buffer_modified(d->buf))
                continue;
            app.current = i;
            int rc = save_doc(d, false);
            if (rc == FILEIO_CHANGED) {
                app_message(true, "%s changed on disk: save it with Ctrl-S to decide, then quit",
                            d->name);
                return;
            }
            if (rc != 0)
                return; /* the message says why; nothing is lost */
        }
        app.quit = true;
    }
}

void docs_request_quit(void)
{
    size_t n = docs_modified_count();
    if (n == 0) {
        app.quit = true;
        return;
    }
    char label[400];
    if (n == 1) {
        for (size_t i = 0; i < app.ndocs; i++)
            if (buffer_modified(app.docs[i]->buf))
                snprintf(label, sizeof label,
                         "%s has unsaved changes: (s)ave and quit, (d)iscard and quit, "
                         "(c)ancel? ",
                         app.docs[i]->name);
    } else {
        snprintf(label, sizeof label,
                 "%zu files have unsaved changes: (s)ave all and quit, (d)iscard and quit, "
                 "(c)ancel? ",
                 n);
    }
    prompt_ask(label, "sdc", quit_answer, NULL);
}

void docs_write_recovery(void)
{
    for (size_t i = 0; i < app.ndocs; i++) {
        struct doc *d = app.docs[i];
        if (!buffer_modified(d->buf))
            continue;
        size_t len;
        char *bytes = buffer_serialize(d->buf, &len);
        char err[256];
        recovery_write(app.recovery_dir, d->path, bytes, len, err, sizeof err);
        free(bytes);
    }
}

void docs_check_disk(void)
{
    for (size_t i = 0; i < app.ndocs; i++) {
        struct doc *d = app.docs[i];
        struct file_info now;
        if (fileio_stat(d->path, &now) != 0 || same_file(&now, &d->disk) || !now.exists)
            continue;
        if (buffer_modified(d->buf)) {
            app_message(true, "%s changed on disk; saving will ask what to do", d->name);
            continue;
        }
        reload_doc(d);
        watch_add_file(app.watch, d->path);
        app_message(false, "%s changed on disk and was reloaded", d->name);
    }
}

void docs_free_all(void)
{
    for (size_t i = 0; i < app.ndocs; i++)
        doc_free(app.docs[i]);
    free(app.docs);
    app.docs = NULL;
    app.ndocs = app.docs_cap = 0;
}
