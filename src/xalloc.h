/* xalloc.h — allocation that cannot fail: on exhaustion the process reports and aborts.
 * Everything else in src/ returns errors; running out of memory is the one fatal case. */
#ifndef SHED_XALLOC_H
#define SHED_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows *P (an array of elements of SIZE bytes with *CAP slots) to hold at least NEED. */
void xgrow(void **p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh string. Caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
