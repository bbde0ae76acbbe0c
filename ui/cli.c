/* cli.c — command-line parsing. `shed PATH` opens a directory as the workspace, or a file in
 * its directory; `shed` alone opens the current directory. Errors name the problem and the
 * fix and exit with status 2. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tui.h"
#include "xalloc.h"

static const char usage[] =
    "usage: shed [options] [PATH]\n"
    "\n"
    "Opens PATH in the full-screen editor: a directory as the workspace (file tree on the\n"
    "left, editor on the right), or a file together with its directory. Without PATH, the\n"
    "current directory.\n"
    "\n"
    "options:\n"
    "  -h, --help      show this help and exit\n"
    "  -V, --version   show the version and exit\n"
    "      --no-mouse  leave the mouse to the terminal (select and copy with it as usual)\n"
    "\n"
    "Inside: F1 lists every key. Ctrl-S saves, Ctrl-Q quits, Ctrl-P opens a file.\n"
    "Data: $SHED_HOME (else $XDG_DATA_HOME/shed). Config: $XDG_CONFIG_HOME/shed/config.\n";

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "shed: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'shed --help' for more information.\n");
    return 2;
}

int cli_main(int argc, char **argv)
{
    const char *path = NULL;
    struct tui_options o = {0};
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options_done && a[0] == '-' && a[1]) {
            if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
                fputs(usage, stdout);
                return 0;
            }
            if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
                printf("shed %s\n", SHED_VERSION);
                return 0;
            }
            if (strcmp(a, "--no-mouse") == 0) {
                o.no_mouse = true;
                continue;
            }
            if (strcmp(a, "--") == 0) {
                options_done = true;
                continue;
            }
            return usage_error("unknown option '%s'", a);
        }
        if (path)
            return usage_error("one path at a time (got a second one: '%s')", a);
        path = a;
    }

    const char *target = path ? path : ".";
    struct stat st;
    if (stat(target, &st) != 0) {
        if (errno == ENOENT)
            return usage_error("%s: no such file or directory (check the path, or create it "
                               "first)",
                               target);
        fprintf(stderr, "shed: %s: %s\n", target, strerror(errno));
        return 2;
    }
    char *abs = realpath(target, NULL);
    if (!abs) {
        fprintf(stderr, "shed: %s: %s\n", target, strerror(errno));
        return 2;
    }
    char *root;
    if (S_ISDIR(st.st_mode)) {
        root = abs;
    } else if (S_ISREG(st.st_mode)) {
        char *slash = strrchr(abs, '/');
        root = slash == abs ? xstrdup("/") : xstrndup(abs, (size_t)(slash - abs));
        o.file = abs;
    } else {
        free(abs);
        return usage_error("%s: not a regular file or directory", target);
    }
    o.root = root;
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fprintf(stderr, "shed: the editor needs a terminal (stdin and stdout must be a tty)\n");
        free(abs == root ? NULL : abs);
        free(root);
        return 2;
    }

    int status = tui_run(&o);
    if (o.file)
        free((char *)o.file);
    free(root);
    return status;
}
