/* watch.c — inotify over the folders the tree shows and the files open in buffers. Watch
 * descriptors are kept beside their paths so the set can be updated as folders expand and
 * collapse without tearing everything down. */
#include "watch.h"

#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "xalloc.h"

struct watch_entry {
    char *path;
    int wd;
    int is_file; /* an open buffer's file, kept across watch_set_dirs */
    int keep;
};

struct watch {
    int fd;
    struct watch_entry *entries;
    size_t count, cap;
};

#define DIR_EVENTS                                                                                 \
    (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF |         \
     IN_ATTRIB | IN_CLOSE_WRITE)

struct watch *watch_new(void)
{
    int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct watch *w = xcalloc(1, sizeof *w);
    w->fd = fd;
    return w;
}

void watch_free(struct watch *w)
{
    if (!w)
        return;
    for (size_t i = 0; i < w->count; i++)
        free(w->entries[i].path);
    free(w->entries);
    close(w->fd);
    free(w);
}

int watch_fd(const struct watch *w)
{
    return w ? w->fd : -1;
}

static struct watch_entry *find(struct watch *w, const char *path)
{
    for (size_t i = 0; i < w->count; i++)
        if (strcmp(w->entries[i].path, path) == 0)
            return &w->entries[i];
    return NULL;
}

static void add(struct watch *w, const char *path, uint32_t mask, int is_file)
{
    struct watch_entry *e = find(w, path);
    int wd = e && !is_file ? e->wd : inotify_add_watch(w->fd, path, mask);
    if (e) {
        /* A file saved by rename is a new inode: its watch is renewed, not reused. */
        if (wd >= 0)
            e->wd = wd;
        e->keep = 1;
        return;
    }
    if (wd < 0)
        return;
    xgrow((void **)&w->entries, &w->cap, w->count + 1, sizeof *w->entries);
    w->entries[w->count++] = (struct watch_entry){xstrdup(path), wd, is_file, 1};
}

void watch_set_dirs(struct watch *w, char **dirs, size_t count)
{
    if (!w)
        return;
    for (size_t i = 0; i < w->count; i++)
        w->entries[i].keep = w->entries[i].is_file;
    for (size_t i = 0; i < count; i++)
        add(w, dirs[i], DIR_EVENTS | IN_ONLYDIR, 0);
    /* Drop the folder watches no longer wanted. */
    size_t n = 0;
    for (size_t i = 0; i < w->count; i++) {
        struct watch_entry *e = &w->entries[i];
        if (e->keep) {
            w->entries[n++] = *e;
        } else {
            inotify_rm_watch(w->fd, e->wd);
            free(e->path);
        }
    }
    w->count = n;
}

void watch_add_file(struct watch *w, const char *path)
{
    if (!w)
        return;
    add(w, path, IN_CLOSE_WRITE | IN_MOVE_SELF | IN_DELETE_SELF | IN_ATTRIB, 1);
}

int watch_drain(struct watch *w)
{
    if (!w)
        return 0;
    char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
    int events = 0;
    for (;;) {
        ssize_t n = read(w->fd, buf, sizeof buf);
        if (n <= 0)
            break;
        for (char *p = buf; p < buf + n;) {
            struct inotify_event *ev = (struct inotify_event *)p;
            events++;
            p += sizeof *ev + ev->len;
        }
    }
    return events;
}
