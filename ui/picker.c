/* picker.c — the quick-open overlay: a query line over a list of candidates (workspace
 * files, or open buffers) ranked by fuzzy score as the query changes. Enter opens the
 * selected entry, Esc closes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "dirlist.h"
#include "draw.h"
#include "fuzzy.h"
#include "utf8.h"
#include "xalloc.h"

#define PICKER_MAX_FILES 100000

static int *scores;

static int by_score(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    if (scores[i] != scores[j])
        return scores[j] - scores[i];
    return i < j ? -1 : i > j;
}

static void rank(void)
{
    struct picker *p = &app.picker;
    free(p->shown);
    p->shown = xcalloc(p->nall + 1, sizeof *p->shown);
    scores = xcalloc(p->nall + 1, sizeof *scores);
    p->nshown = 0;
    const char *q = p->query ? p->query : "";
    for (size_t i = 0; i < p->nall; i++) {
        int s = fuzzy_score(q, p->all[i], NULL);
        if (s >= 0) {
            scores[i] = s;
            p->shown[p->nshown++] = i;
        }
    }
    if (q[0])
        qsort(p->shown, p->nshown, sizeof *p->shown, by_score);
    free(scores);
    scores = NULL;
    p->selected = 0;
    p->top = 0;
}

static void open_with(const char *title, char **items, size_t n, bool truncated,
                      void (*choose)(const char *))
{
    picker_close();
    struct picker *p = &app.picker;
    snprintf(p->title, sizeof p->title, "%s", title);
    p->all = items;
    p->nall = n;
    p->truncated = truncated;
    p->choose = choose;
    p->query = xstrdup("");
    p->qcap = 1;
    rank();
    app.overlay = OVERLAY_PICKER;
}

static void choose_file(const char *rel)
{
    if (docs_open(rel) == 0) {
        app.focus = FOCUS_EDITOR;
        filetree_reveal(&app.tree, rel);
        tree_sync_watch();
    }
}

void picker_open_files(void)
{
    size_t n;
    bool truncated;
    char **files = dirlist_scan_files(app.root, PICKER_MAX_FILES, &n, &truncated);
    open_with("open file", files, n, truncated, choose_file);
}

void picker_open_buffers(void)
{
    char **names = xcalloc(app.ndocs + 1, sizeof *names);
    for (size_t i = 0; i < app.ndocs; i++)
        names[i] = xstrdup(app.docs[i]->name);
    open_with("open files", names, app.ndocs, false, choose_file);
}

void picker_close(void)
{
    struct picker *p = &app.picker;
    if (p->all)
        dirlist_free_paths(p->all, p->nall);
    free(p->shown);
    free(p->query);
    memset(p, 0, sizeof *p);
    if (app.overlay == OVERLAY_PICKER)
        app.overlay = OVERLAY_NONE;
}

static void query_insert(const char *s, size_t n)
{
    struct picker *p = &app.picker;
    xgrow((void **)&p->query, &p->qcap, p->qlen + n + 1, 1);
    memcpy(p->query + p->qlen, s, n);
    p->qlen += n;
    p->query[p->qlen] = '\0';
    rank();
}

void picker_paste(const char *text, size_t len)
{
    const char *nl = memchr(text, '\n', len);
    query_insert(text, nl ? (size_t)(nl - text) : len);
}

static int list_rows(void)
{
    int h = app.layout.editor.h + app.layout.term.h - 4;
    return h < 3 ? 3 : h;
}

void picker_key(struct key k)
{
    struct picker *p = &app.picker;
    switch (k.code) {
    case K_ESC:
        picker_close();
        return;
    case K_ENTER:
        if (p->nshown > 0) {
            char *item = xstrdup(p->all[p->shown[p->selected]]);
            void (*choose)(const char *) = p->choose;
            picker_close();
            choose(item);
            free(item);
        }
        return;
    case K_UP:
        if (p->selected > 0)
            p->selected--;
        return;
    case K_DOWN:
        if (p->selected + 1 < p->nshown)
            p->selected++;
        return;
    case K_PGUP:
        p->selected = p->selected > (size_t)list_rows() ? p->selected - (size_t)list_rows() : 0;
        return;
    case K_PGDN:
        p->selected += (size_t)list_rows();
        if (p->selected >= p->nshown)
            p->selected = p->nshown ? p->nshown - 1 : 0;
        return;
    case K_BACKSPACE:
        if (p->qlen > 0) {
            p->qlen = utf8_prev(p->query, p->qlen, p->qlen);
            p->query[p->qlen] = '\0';
            rank();
        }
        return;
    }
    if ((k.code == 'p' || k.code == 'c' || k.code == 'q') && k.mods == MOD_CTRL) {
        picker_close();
        return;
    }
    if (k.code == 'n' && k.mods == MOD_CTRL) {
        picker_key(key_make(K_DOWN, 0));
        return;
    }
    if (key_is_text(k)) {
        char buf[4];
        int n = utf8_encode(k.code, buf);
        if (n > 0)
            query_insert(buf, (size_t)n);
    }
}

void picker_draw(void)
{
    struct picker *p = &app.picker;
    struct rect area = app.layout.editor;
    int w = area.w - 4 < 80 ? area.w - 4 : 80;
    if (w < 20)
        w = area.w;
    int rows = list_rows();
    if (rows > (int)p->nshown)
        rows = p->nshown > 0 ? (int)p->nshown : 1;
    struct rect box = {area.y + 1, area.x + (area.w - w) / 2, rows + 2, w};
    struct ink a = draw_ui(UI_PICKER);
    draw_fill(box, a);

    char head[160];
    snprintf(head, sizeof head, " %s%s (%zu) ", p->title, p->truncated ? ", first files" : "",
             p->nshown);
    int x = box.x + 1;
    x += draw_str(box.y, x, box.w - 2, head, draw_ui(UI_PROMPT));
    x += draw_str(box.y, x, box.x + box.w - x - 1, "› ", a);
    int qx = x;
    x += draw_str(box.y, x, box.x + box.w - x - 1, p->query, a);
    app.cur_y = box.y;
    app.cur_x = qx + draw_width(p->query, p->qlen);
    app.cur_visible = app.cur_x < box.x + box.w;

    if (p->selected < p->top)
        p->top = p->selected;
    if (p->selected >= p->top + (size_t)rows)
        p->top = p->selected - (size_t)rows + 1;
    if (p->nshown == 0) {
        draw_str(box.y + 1, box.x + 2, box.w - 3, "no match", draw_ui(UI_GUTTER));
        return;
    }
    size_t pos[256];
    for (int r = 0; r < rows; r++) {
        size_t i = p->top + (size_t)r;
        if (i >= p->nshown)
            break;
        const char *item = p->all[p->shown[i]];
        bool sel = i == p->selected;
        struct ink ia = draw_ui(sel ? UI_PICKER_SELECTED : UI_PICKER);
        int y = box.y + 1 + r;
        draw_fill((struct rect){y, box.x, 1, box.w}, ia);
        draw_str(y, box.x + 2, box.w - 3, item, ia);
        /* Underline the matched letters (ASCII paths; others keep the plain look). */
        if (p->qlen > 0 && p->qlen < 256 && fuzzy_score(p->query, item, pos) >= 0) {
            struct ink ma = draw_mix(UI_PICKER_MATCH, sel ? UI_PICKER_SELECTED : UI_PICKER);
            for (size_t q = 0; q < p->qlen; q++) {
                int cx = draw_width(item, pos[q]);
                if (cx < box.w - 3 && (unsigned char)item[pos[q]] < 128)
                    draw_cell(y, box.x + 2 + cx, item[pos[q]], ma);
            }
        }
    }
    draw_fill((struct rect){box.y + rows + 1, box.x, 1, box.w}, a);
}
