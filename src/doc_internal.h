/* doc_internal.h — helpers shared by doc.c and doc_edit.c, internal to doc*.c.
 *
 * Not a contract: nothing outside doc.c and doc_edit.c includes this. The public interface is
 * doc.h. Everything here is tiny and static inline, so each file gets its own copy and no
 * symbol leaks out of the doc module. */
#ifndef SHED_DOC_INTERNAL_H
#define SHED_DOC_INTERNAL_H

#include <stddef.h>

#include "doc.h"

static inline const char *line_at(const struct doc *d, size_t i, size_t *len)
{
    return buffer_line(d->buf, i, len);
}

/* Bytes of leading blanks (spaces and tabs) / leading spaces only. */
static inline size_t lead_ws(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

static inline size_t lead_spaces(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    return i;
}

/* After a motion or an edit: want_x follows the cursor, and the view origin stays inside a
 * buffer that may have shrunk. */
static inline void settle(struct doc *d)
{
    d->want_x = doc_cursor_x(d);
    if (d->top >= d->buf->nlines)
        d->top = d->buf->nlines - 1;
}

#endif
