/* tui.c — the full-screen program's life: application state from config and theme, curses
 * set-up, and the event loop. One thread waits in one poll() on the keyboard, a self-pipe
 * written by the signal handlers (SIGWINCH, SIGHUP, SIGTERM, SIGCONT) and inotify; each pass
 * handles everything pending and ends with one redraw. Nothing runs while nothing happens. */
#include "tui.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "app.h"
#include "bindings.h"
#include "draw.h"
#include "lang.h"
#include "paths.h"
#include "syntax.h"
#include "utf8.h"
#include "watch.h"
#include "xalloc.h"

struct app app;

static int sig_pipe[2] = {-1, -1};
static volatile sig_atomic_t got_hangup, got_winch;

static void on_signal(int sig)
{
    int saved = errno;
    if (sig == SIGWINCH || sig == SIGCONT)
        got_winch = 1;
    else
        got_hangup = sig;
    char c = (char)sig;
    if (write(sig_pipe[1], &c, 1) < 0) {
        /* The pipe is full: a wake-up is already pending. */
    }
    errno = saved;
}

static void install_signals(void)
{
    if (pipe2(sig_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        sig_pipe[0] = sig_pipe[1] = -1;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    int sigs[] = {SIGWINCH, SIGHUP, SIGTERM, SIGCONT};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        sigaction(sigs[i], &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
}

void app_message(bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app.message, sizeof app.message, fmt, ap);
    va_end(ap);
    app.message_error = error;
}

static void load_settings(void)
{
    char err[512];
    config_defaults(&app.cfg);
    char *cfg_path = xasprintf("%s/config", paths_config_home());
    if (config_load(cfg_path, &app.cfg, err, sizeof err) != 0)
        app_message(true, "%s", err);
    free(cfg_path);
    if (theme_load_named(app.cfg.theme, paths_config_home(), paths_resources(), &app.theme, err,
                         sizeof err) != 0) {
        theme_default(&app.theme);
        app_message(true, "%s", err);
    }
}

static void relayout(void)
{
    layout_compute(&app.layout, app.rows, app.cols, app.tree_hidden, app.cfg.tree_width,
                   termview_height());
    termview_layout();
}

static void handle_resize(void)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
        resize_term(ws.ws_row, ws.ws_col);
    app.rows = LINES;
    app.cols = COLS;
    /* tmux resizes when a second client attaches: repaint everything, not just the diff. */
    clearok(curscr, TRUE);
}

static void paste_add(const struct key *k)
{
    char buf[4];
    int n = 0;
    if (k->code == K_ENTER)
        buf[n++] = '\n';
    else if (k->code == K_TAB)
        buf[n++] = '\t';
    else if (k->code > 0 && k->code < K_BASE && !(k->mods & MOD_CTRL))
        n = utf8_encode(k->code, buf);
    if (n <= 0)
        return;
    xgrow((void **)&app.paste, &app.paste_cap, app.paste_len + (size_t)n, 1);
    memcpy(app.paste + app.paste_len, buf, (size_t)n);
    app.paste_len += (size_t)n;
}

static void paste_finish(void)
{
    app.in_paste = false;
    if (app.paste_len == 0)
        return;
    if (app.overlay == OVERLAY_HELP)
        app.overlay = OVERLAY_NONE; /* like any key that is not a scroll: closes the help */
    else if (app.overlay == OVERLAY_PICKER)
        picker_paste(app.paste, app.paste_len);
    else if (app.prompt.active)
        prompt_paste(app.paste, app.paste_len);
    else if (app.focus == FOCUS_TERM)
        termview_paste(app.paste, app.paste_len);
    else if (app.focus == FOCUS_EDITOR || app_doc())
        editor_paste(app.paste, app.paste_len);
    app.paste_len = 0;
}

static void handle_mouse(struct key k)
{
    if (app.overlay != OVERLAY_NONE || app.prompt.active)
        return;
    if (rect_contains(app.layout.tree, k.y, k.x))
        tree_mouse(k.y, k.x, k.mouse);
    else if (rect_contains(app.layout.term, k.y, k.x))
        termview_mouse(k.y, k.x, k.mouse);
    else if (rect_contains(app.layout.editor, k.y, k.x))
        editor_mouse(k.y, k.x, k.mouse, k.mods);
}

static void handle_key(struct key k)
{
    if (app.in_paste) {
        if (k.code == K_PASTE_END)
            paste_finish();
        else
            paste_add(&k);
        return;
    }
    switch (k.code) {
    case K_NONE:
        return;
    case K_PASTE_BEGIN:
        app.in_paste = true;
        app.paste_len = 0;
        return;
    case K_PASTE_END:
        return;
    case K_RESIZE:
        handle_resize();
        return;
    case K_MOUSE:
        handle_mouse(k);
        return;
    }
    if (app.prompt.active) {
        prompt_key(k);
        return;
    }
    if (app.overlay == OVERLAY_PICKER) {
        picker_key(k);
        return;
    }
    if (app.overlay == OVERLAY_HELP) {
        help_key(k);
        return;
    }
    /* A key clears the last message, unless the key itself sets a new one. */
    app.message[0] = '\0';
    /* The terminal takes every key but the one that leaves it. */
    if (app.focus == FOCUS_TERM) {
        if (!termview_key(k))
            termview_toggle();
        return;
    }
    if (app.focus == FOCUS_TREE && bindings_dispatch(tree_bindings, ntree_bindings, k))
        return;
    if (commands_key(k))
        return;
    if (app.focus == FOCUS_TREE) {
        /* Printable keys in the tree do nothing but say where the editor is. */
        if (k.code == K_ESC)
            app.focus = FOCUS_EDITOR;
        return;
    }
    editor_key(k);
}

static void redraw(void)
{
    relayout();
    erase();
    draw_screen();
    refresh();
}

/* Terminal tabs whose programs the loop watches at most. */
#define MAX_TERM_FDS 32

/* A terminal filled its read slice last pass: its program has more to say. */
static bool term_more;

/* Budget of one parse slice: short enough that a key pressed meanwhile still echoes fast. */
#define PARSE_SLICE_US 8000

/* True while the doc on screen has a grammar to load or a syntax tree behind its text. */
static bool parse_pending(void)
{
    struct doc *d = app_doc();
    if (d && d->lang && !d->syntax && !d->syntax_tried)
        return true;
    return d && d->syntax && syntax_pending(d->syntax);
}

/* One slice of parsing for the doc on screen. True when the tree just caught up with the
 * text, so the colours on screen need a redraw. */
static bool parse_slice(void)
{
    struct doc *d = app_doc();
    if (!d || !d->syntax || !syntax_pending(d->syntax))
        return false;
    return syntax_parse_step(d->syntax, d->buf, PARSE_SLICE_US);
}

/* Waits for input, a signal or a change on disk (or only looks, while parsing is due).
 * True when something arrived. */
static bool wait_for_events(void)
{
    struct pollfd fds[3 + MAX_TERM_FDS] = {
        {STDIN_FILENO, POLLIN, 0},
        {sig_pipe[0], POLLIN, 0},
        {watch_fd(app.watch), POLLIN, 0},
    };
    int nfds = 3 + termview_pollfds(fds + 3, MAX_TERM_FDS);
    /* With parsing or a flood's output to do, only look for input; otherwise sleep until
     * something happens. */
    int n = poll(fds, (nfds_t)nfds, parse_pending() || term_more ? 0 : -1);
    if (n < 0)
        return true; /* EINTR: a signal; its flag says which */
    if (n == 0)
        return false;
    if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL))
        got_hangup = SIGHUP; /* the terminal went away: same as SIGHUP */
    if (fds[1].revents & POLLIN) {
        char buf[64];
        while (read(sig_pipe[0], buf, sizeof buf) > 0) {
        }
    }
    if (fds[2].revents & POLLIN && watch_drain(app.watch) > 0) {
        filetree_refresh(&app.tree);
        tree_sync_watch();
        docs_check_disk();
    }
    return true;
}

static void init_app(const struct tui_options *o)
{
    memset(&app, 0, sizeof app);
    app.root = xstrdup(o->root);
    app.data_dir = xstrdup(paths_data_home());
    app.recovery_dir = xasprintf("%s/recovery", app.data_dir);
    load_settings();
    char err[512];
    char *syntaxes = xasprintf("%s/syntaxes", paths_resources());
    if (lang_init(syntaxes, err, sizeof err) != 0)
        app_message(true, "%s", err);
    free(syntaxes);
    syntax_set_grammar_dir(paths_grammars());
    if (o->no_mouse)
        app.cfg.mouse = false;
    filetree_init(&app.tree, app.root);
    app.watch = watch_new();
    tree_sync_watch();
    app.focus = FOCUS_TREE;
    if (o->file) {
        char *rel = docs_relative(o->file);
        if (docs_open(o->file) == 0)
            app.focus = FOCUS_EDITOR;
        filetree_reveal(&app.tree, rel);
        tree_sync_watch();
        free(rel);
    }
}

static void free_app(void)
{
    termview_free_all();
    docs_free_all();
    lang_free_all();
    picker_close();
    prompt_close();
    filetree_free(&app.tree);
    watch_free(app.watch);
    theme_free(&app.theme);
    free(app.find_needle);
    free(app.paste);
    free(app.root);
    free(app.data_dir);
    free(app.recovery_dir);
}

/* Truecolour when COLORTERM says the terminal has it: curses then needs the terminal's
 * direct-colour description (xterm-direct, tmux-direct), which takes 24-bit colours as colour
 * numbers. Falls back to TERM's own description (256, 16 or 8 colours). */
static SCREEN *open_screen(void)
{
    const char *ct = getenv("COLORTERM"), *term = getenv("TERM");
    bool truecolor = ct && (strcmp(ct, "truecolor") == 0 || strcmp(ct, "24bit") == 0);
    if (truecolor && term && !strstr(term, "direct") && !getenv("NO_COLOR")) {
        static const char *const families[] = {"xterm",     "tmux", "kitty",
                                               "alacritty", "foot", "wezterm"};
        for (size_t i = 0; i < sizeof families / sizeof families[0]; i++) {
            size_t n = strlen(families[i]);
            if (strncmp(term, families[i], n) != 0 || (term[n] && term[n] != '-'))
                continue;
            char name[64];
            snprintf(name, sizeof name, "%s-direct", families[i]);
            /* newterm gives NULL when the description is not installed. */
            SCREEN *s = newterm(name, stdout, stdin);
            if (s) {
                app.direct = true;
                return s;
            }
            break;
        }
    }
    return newterm(NULL, stdout, stdin);
}

int tui_run(const struct tui_options *o)
{
    setlocale(LC_ALL, "");
    install_signals();
    init_app(o);

    SCREEN *screen = open_screen();
    if (!screen) {
        fprintf(stderr,
                "shed: cannot use terminal type '%s' (set TERM, e.g. "
                "TERM=xterm-256color)\n",
                getenv("TERM") ? getenv("TERM") : "");
        free_app();
        return 1;
    }
    app.color = has_colors() && !(getenv("NO_COLOR") && getenv("NO_COLOR")[0]);
    if (app.color) {
        start_color();
        use_default_colors();
    }
    keys_init(app.cfg.mouse);
    draw_init_styles();
    app.rows = LINES;
    app.cols = COLS;

    int status = 0;
    bool dirty = true;
    while (!app.quit) {
        if (dirty)
            redraw();
        dirty = wait_for_events();
        if (got_hangup) {
            /* The session is going away (SSH dropped, kill): keep every unsaved text. */
            docs_write_recovery();
            status = 128 + got_hangup;
            break;
        }
        if (got_winch) {
            got_winch = 0;
            handle_resize();
        }
        struct key k;
        bool had_keys = false;
        while (!app.quit && keys_read(&k)) {
            handle_key(k);
            had_keys = true;
        }
        /* Keys first, then the terminals' output in bounded slices, then parsing: a flood or
         * a long parse never makes a key wait. */
        if (termview_read(&term_more))
            dirty = true;
        if (!had_keys && (docs_start_syntax() || parse_slice()))
            dirty = true;
    }
    keys_done();
    endwin();
    delscreen(screen);
    free_app();
    return status;
}
