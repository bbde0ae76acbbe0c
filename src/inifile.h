/* inifile.h — the line source shed gives inih for its INI files (config, themes): it hands over one
 * whole line at a time and counts them, so errors can name their line, and drops leading
 * blanks so indented lines are ordinary lines rather than inih's continuation lines. */
#ifndef SHED_INIFILE_H
#define SHED_INIFILE_H

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

#endif
