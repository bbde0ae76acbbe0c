/* app.h — the one application struct the full-screen program owns, and the calls its panes
 * make on each other. Everything the screen shows is derived from this state on each redraw.
 *
 * Focus is the tree or the editor; a prompt (find, go to line, command, names, questions) or
 * an overlay (quick-open picker, help) takes the keys while it is open. */
#ifndef SHED_APP_H
#define SHED_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <poll.h>

#include "config.h"
#include "doc.h"
#include "filetree.h"
#include "keys.h"
#include "layout.h"
#include "theme.h"

struct watch;

enum focus { FOCUS_TREE, FOCUS_EDITOR, FOCUS_TERM };
enum overlay { OVERLAY_NONE, OVERLAY_PICKER, OVERLAY_HELP };

/* A question or an input line on the message row. Submit gets the text (or the single key
 * answered for a choice); cancel is Esc. */
struct prompt;
typedef void (*prompt_submit_fn)(struct prompt *p, const char *text);
typedef void (*prompt_change_fn)(struct prompt *p, const char *text);

struct prompt {
    bool active;
    char label[160];
    char *text; /* UTF-8, NUL-terminated */
    size_t len, cap;
    size_t cursor;       /* byte offset */
    const char *choices; /* non-NULL: answer with one of these keys, e.g. "ync" */
    prompt_submit_fn submit;
    prompt_change_fn change;
    prompt_submit_fn cancel;
    void *ctx;
    char *ctx_str; /* owned */
};

struct picker_item {
    char *label;
    int score;
};

struct picker {
    char title[64];
    char *query;
    size_t qlen, qcap;
    char **all; /* candidates, owned */
    size_t nall;
    size_t *shown; /* indexes into all, best first */
    size_t nshown;
    size_t selected, top;
    bool truncated;
    void (*choose)(const char *item);
};

/* One terminal tab of the bottom pane. */
struct term_tab {
    struct term *term;
    bool exited; /* the program ended: the pane says so, Enter starts a new one */
    int status;  /* its wait status */
};

/* The terminal pane's scroll and copy mode: the view shows SCROLL lines of history above the
 * live screen; a copy cursor moves over it and an optional anchor marks a selection. */
struct term_view {
    long scroll;
    bool copying;
    int cur_row, cur_col; /* terminal rows: negative ones are scrollback */
    bool selecting;
    int anchor_row, anchor_col;
};

struct app {
    char *root; /* workspace, absolute and resolved */
    char *data_dir;
    char *recovery_dir;
    struct config cfg;
    struct theme theme;
    bool color;  /* false under NO_COLOR or a monochrome terminal */
    bool direct; /* truecolour: colour numbers are 0xRRGGBB */

    struct doc **docs;
    size_t ndocs, docs_cap;
    size_t current; /* index into docs; meaningless when ndocs == 0 */

    struct filetree tree;
    bool tree_hidden;
    struct watch *watch;

    enum focus focus;
    enum overlay overlay;
    struct prompt prompt;
    struct picker picker;
    size_t help_top;

    /* Incremental find: the needle shown highlighted, and where the search started. */
    char *find_needle;
    struct pos find_origin;

    char message[512];
    bool message_error;

    struct term_tab *terms;
    size_t nterms, terms_cap, cur_term;
    bool term_open;  /* the pane is shown */
    int term_height; /* its rows, the tab bar included; 0: a third of the screen */
    struct term_view tview;

    struct layout layout;
    bool quit;
    bool in_paste;
    char *paste; /* bracketed paste being collected */
    size_t paste_len, paste_cap;
    int rows, cols;
    /* Where the terminal cursor goes after a redraw; the pane with the keys sets it. */
    int cur_y, cur_x;
    bool cur_visible;
    unsigned theme_gen; /* bumped when the theme changes: cached colours are stale */
};

extern struct app app;

/* Current doc, or NULL when no file is open. */
struct doc *app_doc(void);

/* Status-line message; ERROR styles it as one. printf-style. */
void app_message(bool error, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* docs.c: opening, switching, saving and closing buffers. */
int docs_open(const char *path); /* absolute or relative to the root; 0 or -1 (message set) */
void docs_switch(size_t i);
void docs_cycle(int dir);
void docs_save_current(void);
void docs_close_current(void);
size_t docs_modified_count(void);
void docs_write_recovery(void); /* every modified buffer, on SIGHUP / SIGTERM */
void docs_check_disk(void);     /* reload clean buffers whose file changed on disk */
void docs_request_quit(void);
void docs_free_all(void);
bool docs_start_syntax(void); /* loads the doc on screen's grammar; true when it tried */
char *docs_relative(const char *abs); /* path relative to the root, for display; caller frees */

/* prompt.c */
void prompt_open(const char *label, const char *initial, prompt_submit_fn submit,
                 prompt_change_fn change, void *ctx);
void prompt_ask(const char *label, const char *choices, prompt_submit_fn submit, void *ctx);
void prompt_close(void);
void prompt_key(struct key k);
void prompt_paste(const char *text, size_t len);
void prompt_draw(void);

/* picker.c */
void picker_open_files(void);
void picker_open_buffers(void);
void picker_close(void);
void picker_key(struct key k);
void picker_paste(const char *text, size_t len);
void picker_draw(void);

/* help.c */
void help_open(void);
void help_key(struct key k);
void help_draw(void);

/* editor.c */
void editor_key(struct key k);
void editor_paste(const char *text, size_t len);
void editor_mouse(int y, int x, int kind, int mods);
void editor_draw(void);
int editor_gutter_width(const struct doc *d); /* editor_view.c */
void editor_find_start(void);
void editor_goto_start(void);
void editor_copy(bool cut);
void editor_find_next(void);
void editor_find_prev(void);

/* tree.c */
void tree_key(struct key k);
void tree_mouse(int y, int x, int kind);
void tree_draw(void);
void tree_sync_watch(void);
void tree_new_file(void);
void tree_new_dir(void);
void tree_create(const char *rel, bool dir); /* creates, refreshes, opens a file */

/* commands.c: the command prompt (Ctrl-E) and the global key table. */
bool commands_key(struct key k); /* true when K is a global binding (and was run) */
void commands_prompt(void);
void commands_run(const char *line);

/* termview.c: the terminal pane, its tabs and its drawing; termkeys.c: its input. */
void termview_toggle(void);   /* Ctrl-T: open and focus, or back to the editor */
void termview_focus(void);    /* open if needed and focus */
void termview_new_tab(void);
void termview_close_tab(void);
void termview_cycle(int dir);
void termview_restart(void);  /* a new shell in a tab whose program exited */
void termview_draw(void);
void termview_layout(void);   /* after a layout change: sizes every terminal to the pane */
int termview_height(void);    /* the pane's rows (0 when closed) */
int termview_pollfds(struct pollfd *fds, int max); /* adds the PTYs; returns how many */
bool termview_read(bool *more); /* reads what the programs wrote; true when the pane changed */
void termview_free_all(void);
bool termview_key(struct key k); /* false when the key is the one that leaves the pane */
void termview_paste(const char *text, size_t len);
void termview_mouse(int y, int x, int kind);
struct term_tab *termview_current(void);

/* draw.c */
void draw_screen(void);

#endif
