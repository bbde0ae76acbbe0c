/* config.h — the user's settings, from CONFIG_DIR/config (INI):
 *
 *   [ui]
 *   theme = default
 *   mouse = true
 *   tree_width = 28
 *   line_numbers = true
 *   [editor]
 *   tab_width = 4
 *
 * A missing file gives the defaults; a bad value is reported with file, line and the fix, and
 * leaves that setting at its default. */
#ifndef SHED_CONFIG_H
#define SHED_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

struct config {
    char theme[64];
    bool mouse;
    int tree_width;
    bool line_numbers;
    int tab_width;
};

void config_defaults(struct config *c);
/* Loads PATH over the defaults. Returns 0, or -1 with err (the rest still applied). */
int config_load(const char *path, struct config *c, char *err, size_t errlen);

/* Sets KEY in [SECTION] of the INI file PATH to VALUE (the `theme NAME` command keeps its
 * choice this way), rewriting the file with every other byte as it was: comments, blank
 * lines, indentation, the line ends (LF or CRLF), and an inline comment on KEY's own line.
 * The key's line is replaced where it is (the last one, when it appears twice, since the last
 * one wins); a key the section lacks is added after its last key; a missing section is added
 * at the end of the file. A missing file is created, and its directory (mode 0700, with
 * parents). The write is atomic (a temporary file, fsync, rename) and keeps the file's mode
 * and a symlink as a link. Returns 0, or -1 with err: names or a value the INI format cannot
 * hold (a line break, " ;" which starts a comment, a line too long), an unreadable file, a
 * directory that cannot be created or written, or a file changed by someone else meanwhile;
 * the file is then as it was. */
int config_set(const char *path, const char *section, const char *key, const char *value, char *err,
               size_t errlen);

#endif
