/* commands.c — what works from anywhere: the global key table and the command prompt
 * (Ctrl-E), whose commands are rows of one table with their help. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "bindings.h"
#include "draw.h"
#include "paths.h"
#include "xalloc.h"

bool bindings_dispatch(const struct binding *table, size_t n, struct key k)
{
    for (size_t i = 0; i < n; i++) {
        if (table[i].code == k.code && table[i].mods == k.mods) {
            table[i].fn();
            return true;
        }
    }
    return false;
}

static void focus_tree(void)
{
    if (app.tree_hidden)
        app.tree_hidden = false;
    app.focus = FOCUS_TREE;
}

static void focus_editor(void)
{
    app.focus = FOCUS_EDITOR;
}

static void toggle_tree(void)
{
    app.tree_hidden = !app.tree_hidden;
    if (app.tree_hidden && app.focus == FOCUS_TREE)
        app.focus = FOCUS_EDITOR;
}

static void resize_tree(int delta)
{
    int w = app.cfg.tree_width + delta;
    if (w >= 10 && w <= 80)
        app.cfg.tree_width = w;
}

static void tree_narrower(void)
{
    resize_tree(-2);
}

static void tree_wider(void)
{
    resize_tree(2);
}

static void next_doc(void)
{
    docs_cycle(1);
}

static void prev_doc(void)
{
    docs_cycle(-1);
}

static void focus_term(void)
{
    termview_focus();
}

static void term_next(void)
{
    termview_cycle(1);
}

static void term_prev(void)
{
    termview_cycle(-1);
}

static void redraw(void)
{
    clearok(curscr, TRUE);
}

const struct binding global_bindings[] = {
    {'s', MOD_CTRL, docs_save_current, "save"},
    {'q', MOD_CTRL, docs_request_quit, "quit (asks when something is unsaved)"},
    {'f', MOD_CTRL, editor_find_start, "find (as you type)"},
    {K_F(3), 0, editor_find_next, "next match"},
    {K_F(3), MOD_SHIFT, editor_find_prev, "previous match"},
    {'g', MOD_CTRL, editor_goto_start, "go to line"},
    {'p', MOD_CTRL, picker_open_files, "quick-open a file (fuzzy)"},
    {K_F(2), 0, picker_open_buffers, "switch between open files"},
    {K_PGDN, MOD_CTRL, next_doc, "next open file"},
    {K_PGUP, MOD_CTRL, prev_doc, "previous open file"},
    {'w', MOD_CTRL, docs_close_current, "close the file (asks when unsaved)"},
    {'n', MOD_CTRL, tree_new_file, "new file"},
    {'e', MOD_CTRL, commands_prompt, "command prompt (type help there)"},
    {'1', MOD_ALT, focus_tree, "focus the file tree"},
    {'2', MOD_ALT, focus_editor, "focus the editor"},
    {'3', MOD_ALT, focus_term, "focus the terminal"},
    {'t', MOD_CTRL, termview_toggle, "terminal: open / focus it; in it, back to the editor"},
    {'t', MOD_ALT, termview_new_tab, "new terminal tab"},
    {K_PGDN, MOD_ALT, term_next, "next terminal tab"},
    {K_PGUP, MOD_ALT, term_prev, "previous terminal tab"},
    {'0', MOD_ALT, toggle_tree, "show / hide the file tree"},
    {',', MOD_ALT, tree_narrower, "narrower file tree"},
    {'.', MOD_ALT, tree_wider, "wider file tree"},
    {'l', MOD_CTRL, redraw, "redraw the screen"},
    {K_F(1), 0, help_open, "this help"},
};
const size_t nglobal_bindings = sizeof global_bindings / sizeof global_bindings[0];

bool commands_key(struct key k)
{
    /* In the tree, F2 renames; the tree's table goes first there. */
    if (app.focus == FOCUS_TREE && k.code == K_F(2) && k.mods == 0)
        return false;
    return bindings_dispatch(global_bindings, nglobal_bindings, k);
}

/* ---- the command prompt ------------------------------------------------------------------ */

struct command {
    const char *name;
    const char *alias;
    void (*fn)(const char *arg);
    const char *usage;
};

static void cmd_save(const char *arg)
{
    docs_save_current();
}

static void cmd_quit(const char *arg)
{
    docs_request_quit();
}

static void cmd_force_quit(const char *arg)
{
    app.quit = true;
}

static void cmd_open(const char *arg)
{
    if (!arg[0]) {
        picker_open_files();
        return;
    }
    if (docs_open(arg) == 0) {
        app.focus = FOCUS_EDITOR;
        char *rel = docs_relative(app_doc()->path);
        filetree_reveal(&app.tree, rel);
        free(rel);
        tree_sync_watch();
    }
}

static void cmd_goto(const char *arg)
{
    struct doc *d = app_doc();
    char *end;
    long n = strtol(arg, &end, 10);
    if (!d)
        return;
    if (!arg[0] || *end || n < 1) {
        app_message(true, "goto: give a line number, e.g. goto 42");
        return;
    }
    doc_goto_line(d, (size_t)n);
}

static void cmd_close(const char *arg)
{
    docs_close_current();
}

static void cmd_tree(const char *arg)
{
    toggle_tree();
}

static void cmd_help(const char *arg)
{
    help_open();
}

static void cmd_tabwidth(const char *arg)
{
    struct doc *d = app_doc();
    char *end;
    long n = strtol(arg, &end, 10);
    if (!d)
        return;
    if (!arg[0] || *end || n < 1 || n > 16) {
        app_message(true, "tabwidth: give a width from 1 to 16");
        return;
    }
    d->tab_width = (int)n;
    d->indent_width = (int)n;
}

static void cmd_indent(const char *arg)
{
    struct doc *d = app_doc();
    if (!d)
        return;
    if (strcmp(arg, "tabs") == 0) {
        d->indent_tabs = true;
    } else if (strcmp(arg, "spaces") == 0) {
        d->indent_tabs = false;
    } else {
        app_message(true, "indent: say 'indent tabs' or 'indent spaces'");
        return;
    }
    app_message(false, "indenting with %s", arg);
}

static void cmd_eol(const char *arg)
{
    struct doc *d = app_doc();
    if (!d)
        return;
    if (strcmp(arg, "lf") == 0 || strcmp(arg, "crlf") == 0) {
        enum eol e = arg[0] == 'c' ? EOL_CRLF : EOL_LF;
        if (d->buf->eol != e) {
            d->buf->eol = e;
            d->buf->version++; /* the bytes on disk will differ: the buffer is modified */
        }
        return;
    }
    app_message(true, "eol: say 'eol lf' or 'eol crlf'");
}

static void cmd_theme(const char *arg)
{
    char err[512];
    if (!arg[0]) {
        char **names = NULL;
        size_t n = 0;
        /* A folder that cannot be read still leaves the other folder's names. */
        theme_list(paths_config_home(), paths_resources(), &names, &n);
        char *list = xstrdup("");
        for (size_t i = 0; i < n; i++) {
            char *next = xasprintf("%s%s%s", list, i ? ", " : "", names[i]);
            free(list);
            list = next;
        }
        theme_list_free(names, n);
        app_message(false, "theme %s; themes: %s (say theme NAME)", app.theme.name, list);
        free(list);
        return;
    }
    struct theme t;
    if (theme_load_named(arg, paths_config_home(), paths_resources(), &t, err, sizeof err) != 0) {
        app_message(true, "%s", err);
        return;
    }
    theme_free(&app.theme);
    app.theme = t;
    app.theme_gen++;
    draw_init_styles();
    snprintf(app.cfg.theme, sizeof app.cfg.theme, "%s", arg);
    char *path = xasprintf("%s/config", paths_config_home());
    if (config_set(path, "ui", "theme", arg, err, sizeof err) != 0)
        app_message(true, "theme %s is on, but not kept: %s", arg, err);
    else
        app_message(false, "theme %s (kept in %s)", arg, path);
    free(path);
}

static void cmd_term(const char *arg)
{
    char *end;
    if (!arg[0] || strcmp(arg, "new") == 0) {
        termview_new_tab();
    } else if (strcmp(arg, "close") == 0) {
        termview_close_tab();
    } else if (strcmp(arg, "next") == 0) {
        termview_cycle(1);
    } else if (strcmp(arg, "prev") == 0) {
        termview_cycle(-1);
    } else if (strncmp(arg, "height ", 7) == 0) {
        long n = strtol(arg + 7, &end, 10);
        if (*end || n < 3 || n > 200) {
            app_message(true, "term height: give a number of rows from 3 to 200");
            return;
        }
        app.term_height = (int)n;
    } else {
        app_message(true, "term: say term new, term close, term next, term prev or "
                          "term height N");
    }
}

static void cmd_new(const char *arg);
static void cmd_mkdir(const char *arg);

static const struct command commands[] = {
    {"save", "w", cmd_save, "save the file"},
    {"quit", "q", cmd_quit, "quit (asks when something is unsaved)"},
    {"quit!", "q!", cmd_force_quit, "quit without saving anything"},
    {"open", "e", cmd_open, "open PATH (no PATH: quick-open)"},
    {"new", NULL, cmd_new, "new PATH: create a file and open it"},
    {"mkdir", NULL, cmd_mkdir, "mkdir PATH: create a folder"},
    {"close", NULL, cmd_close, "close the file"},
    {"goto", NULL, cmd_goto, "goto N: go to line N"},
    {"tabwidth", NULL, cmd_tabwidth, "tabwidth N: tab stops every N cells"},
    {"indent", NULL, cmd_indent, "indent tabs|spaces"},
    {"eol", NULL, cmd_eol, "eol lf|crlf: line endings to save with"},
    {"tree", NULL, cmd_tree, "show / hide the file tree"},
    {"term", NULL, cmd_term, "term new|close|next|prev|height N: terminal tabs"},
    {"theme", NULL, cmd_theme, "theme NAME: switch colours (kept in the config); no NAME: list"},
    {"help", NULL, cmd_help, "every key"},
};

static void cmd_new(const char *arg)
{
    if (arg[0])
        tree_create(arg, false);
    else
        app_message(true, "new: give a path inside the workspace, e.g. new src/app.py");
}

static void cmd_mkdir(const char *arg)
{
    if (arg[0])
        tree_create(arg, true);
    else
        app_message(true, "mkdir: give a path inside the workspace, e.g. mkdir src");
}

void commands_run(const char *line)
{
    while (*line == ' ')
        line++;
    if (!*line)
        return;
    size_t n = strcspn(line, " ");
    const char *arg = line + n;
    while (*arg == ' ')
        arg++;
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        const struct command *c = &commands[i];
        if ((strlen(c->name) == n && strncmp(c->name, line, n) == 0) ||
            (c->alias && strlen(c->alias) == n && strncmp(c->alias, line, n) == 0)) {
            c->fn(arg);
            return;
        }
    }
    char *names = xstrdup("");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        char *next = xasprintf("%s%s%s", names, i ? ", " : "", commands[i].name);
        free(names);
        names = next;
    }
    app_message(true, "unknown command '%.*s' (commands: %s)", (int)n, line, names);
    free(names);
}

static void prompt_submit(struct prompt *p, const char *text)
{
    commands_run(text);
}

void commands_prompt(void)
{
    prompt_open("command: ", "", prompt_submit, NULL, NULL);
}
