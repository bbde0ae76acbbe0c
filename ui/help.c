/* help.c — F1: every key binding, listed from the binding tables themselves so the help can
 * never disagree with what the keys do. Scrolls with the arrows and pages; Esc closes. */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "bindings.h"
#include "draw.h"

struct help_line {
    const char *keys; /* NULL: a heading in text */
    const char *text;
};

static const char *const motion_help[][2] = {
    {"Arrows, Home, End", "move (Home toggles first non-blank / column 0)"},
    {"Ctrl-Left/Right", "move by word"},
    {"PgUp, PgDn", "move by page"},
    {"Ctrl-Home/End", "start / end of the file"},
    {"Shift + any move", "select"},
    {"Mouse", "click places the cursor or opens a tree entry; the wheel scrolls"},
    {"Paste", "the terminal's paste goes in literally (bracketed paste)"},
};

static int count_lines(void);

static int emit(int row, int y0, int h, int x, int w, const char *keys, const char *text,
                bool heading)
{
    int y = y0 + row - (int)app.help_top;
    if (y >= y0 && y < y0 + h) {
        if (heading) {
            draw_str(y, x, w, text, ink_with(draw_ui(UI_PROMPT), A_BOLD));
        } else {
            draw_str(y, x + 2, 20, keys, draw_ui(UI_TREE_DIR));
            draw_str(y, x + 24, w - 24, text, draw_ui(UI_PICKER));
        }
    }
    return row + 1;
}

static int emit_table(int row, int y0, int h, int x, int w, const char *title,
                      const struct binding *t, size_t n)
{
    row = emit(row, y0, h, x, w, NULL, title, true);
    for (size_t i = 0; i < n; i++) {
        if (!t[i].help)
            continue;
        char keys[64];
        snprintf(keys, sizeof keys, "%s", keys_name(key_make(t[i].code, t[i].mods)));
        /* An alias on the next row is shown beside the key ("Ctrl-F, F3"). */
        if (i + 1 < n && !t[i + 1].help && t[i + 1].fn == t[i].fn) {
            size_t l = strlen(keys);
            snprintf(keys + l, sizeof keys - l, ", %s",
                     keys_name(key_make(t[i + 1].code, t[i + 1].mods)));
        }
        row = emit(row, y0, h, x, w, keys, t[i].help, false);
    }
    return emit(row, y0, h, x, w, NULL, "", true);
}

static int render(int y0, int h, int x, int w)
{
    int row = 0;
    row = emit_table(row, y0, h, x, w, "Everywhere", global_bindings, nglobal_bindings);
    row = emit(row, y0, h, x, w, NULL, "Editor", true);
    for (size_t i = 0; i < sizeof motion_help / sizeof motion_help[0]; i++)
        row = emit(row, y0, h, x, w, motion_help[i][0], motion_help[i][1], false);
    row = emit_table(row, y0, h, x, w, "", editor_bindings, neditor_bindings);
    row = emit_table(row, y0, h, x, w, "File tree (Alt-1)", tree_bindings, ntree_bindings);
    row = emit(row, y0, h, x, w, NULL, "Prompts: Enter accepts, Esc cancels, Ctrl-U clears.", true);
    return row;
}

static int count_lines(void)
{
    return render(-100000, 0, 0, 0);
}

void help_open(void)
{
    app.overlay = OVERLAY_HELP;
    app.help_top = 0;
}

void help_key(struct key k)
{
    int total = count_lines();
    int page = app.layout.editor.h - 2;
    long top = (long)app.help_top;
    switch (k.code) {
    case K_UP:
        top--;
        break;
    case K_DOWN:
        top++;
        break;
    case K_PGUP:
        top -= page;
        break;
    case K_PGDN:
    case ' ':
        top += page;
        break;
    case K_HOME:
        top = 0;
        break;
    case K_END:
        top = total;
        break;
    default:
        app.overlay = OVERLAY_NONE;
        return;
    }
    if (top > total - page)
        top = total - page;
    if (top < 0)
        top = 0;
    app.help_top = (size_t)top;
}

void help_draw(void)
{
    /* The help covers the tree too: on a narrow screen the editor alone is too small. */
    struct rect r = app.layout.editor;
    r.h += app.layout.term.h;
    r.w += r.x;
    r.x = 0;
    draw_fill(r, draw_ui(UI_PICKER));
    draw_str(r.y, r.x + 1, r.w - 2, "shed keys — arrows scroll, any other key closes",
             draw_ui(UI_STATUS));
    render(r.y + 1, r.h - 1, r.x + 1, r.w - 2);
}
