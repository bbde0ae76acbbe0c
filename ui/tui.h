/* tui.h — the full-screen program: set up the terminal and the application state for a
 * workspace, run the event loop until the user quits or the session dies, restore the
 * terminal. */
#ifndef SHED_TUI_H
#define SHED_TUI_H

#include <stdbool.h>

struct tui_options {
    const char *root; /* workspace directory, absolute and resolved */
    const char *file; /* file to open first (absolute), or NULL */
    bool no_mouse;
};

/* Returns the process exit status: 0, or 128 + signal when a SIGHUP/SIGTERM ended it. */
int tui_run(const struct tui_options *o);

#endif
