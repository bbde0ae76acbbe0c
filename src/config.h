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

#endif
