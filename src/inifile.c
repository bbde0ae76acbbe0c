/* inifile.c — feeds inih one line at a time from a FILE, counting lines and noting the first line
 * too long for inih's buffer (handed over empty, so it cannot be half-parsed). */
#include "inifile.h"

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>

char *inifile_read_line(char *str, int num, void *stream)
{
    struct inifile_src *src = stream;
    size_t n = 0, room = num > 2 ? (size_t)num - 2 : 0;
    bool any = false, leading = true, too_long = false;
    int c;

    while ((c = getc(src->f)) != EOF) {
        any = true;
        if (c == '\n')
            break;
        if (leading && (c == ' ' || c == '\t'))
            continue;
        leading = false;
        if (n < room)
            str[n++] = (char)c;
        else
            too_long = true;
    }
    if (c == EOF && ferror(src->f))
        src->read_errno = errno ? errno : EIO;
    if (!any)
        return NULL;

    src->line++;
    src->max_len = (int)room;
    if (too_long) {
        if (!src->long_line)
            src->long_line = src->line;
        n = 0;
    }
    str[n++] = '\n';
    str[n] = '\0';
    return str;
}
