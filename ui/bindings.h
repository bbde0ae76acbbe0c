/* bindings.h — key binding tables: one row per key, with the function it runs and the line
 * F1's help shows. Global bindings work everywhere; editor and tree bindings when that pane
 * has the focus. Adding a key is adding a row. */
#ifndef SHED_BINDINGS_H
#define SHED_BINDINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "keys.h"

struct binding {
    int code;
    int mods;
    void (*fn)(void);
    const char *help; /* NULL: not listed (an alias of the row above) */
};

extern const struct binding global_bindings[];
extern const size_t nglobal_bindings;
extern const struct binding editor_bindings[];
extern const size_t neditor_bindings;
extern const struct binding tree_bindings[];
extern const size_t ntree_bindings;

/* Runs K's row in TABLE; false when K is not bound there. */
bool bindings_dispatch(const struct binding *table, size_t n, struct key k);

#endif
