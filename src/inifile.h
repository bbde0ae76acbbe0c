/* inifile.h — what shed's INI readers (config, themes, language manifests) share: the line
 * source they give inih, which hands over one whole line at a time and counts them, so errors
 * can name their line, and drops leading blanks so indented lines are ordinary lines rather
 * than inih's continuation lines; the record of a file's errors (the first one with its line,
 * and how many); and the helpers that write their messages. */
#ifndef SHED_INIFILE_H
#define SHED_INIFILE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

struct inifile_src {
    FILE *f;
    int line;       /* lines handed over so far */
    int long_line;  /* the first line too long for inih (handed over empty), or 0 */
    int max_len;    /* the longest line inih takes */
    int read_errno; /* set when reading failed */
};

/* inih's ini_reader over a struct inifile_src (STREAM). */
char *inifile_read_line(char *str, int num, void *stream);

/* The errors found in one file: every line is tried, and the first error is kept in full. */
struct inifile_errors {
    int count;     /* errors noted so far */
    int line;      /* the first one's line; 0 while there is none */
    char msg[256]; /* the first one's message, without the file and line */
};

/* Notes an error on LINE (from 1): it is counted, and it becomes the first one when there is
 * none yet or LINE comes before the first one's (inih reports its own errors after the fact). */
void inifile_fail(struct inifile_errors *e, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The same with a va_list, for a reader's own fail(parse, fmt, ...) that adds the line. */
void inifile_vfail(struct inifile_errors *e, int line, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

/* Formats a message into ERR; does nothing when ERR is NULL or ERRLEN is 0. */
void inifile_set_err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* strerror(E) in lowercase, as messages are, written into BUF; returns BUF. */
const char *inifile_errno_text(int e, char *buf, size_t len);

#endif
