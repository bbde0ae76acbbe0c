/* inifile.c — feeds inih one line at a time from a FILE, counting lines and noting the first line
 * too long for inih's buffer (handed over empty, so it cannot be half-parsed); keeps the first
 * of a file's errors with its line; writes the INI readers' messages. */
#include "inifile.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

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

void inifile_vfail(struct inifile_errors *e, int line, const char *fmt, va_list ap)
{
    e->count++;
    if (e->line && line >= e->line)
        return;
    e->line = line;
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
}

void inifile_fail(struct inifile_errors *e, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    inifile_vfail(e, line, fmt, ap);
    va_end(ap);
}

void inifile_set_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || errlen == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

const char *inifile_errno_text(int e, char *buf, size_t len)
{
    snprintf(buf, len, "%s", strerror(e));
    if (buf[0] >= 'A' && buf[0] <= 'Z')
        buf[0] = (char)(buf[0] - 'A' + 'a');
    return buf;
}
