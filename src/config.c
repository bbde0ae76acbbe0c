/* config.c — the user's settings file (INI, read with inih).
 *
 * Each key is a row in config_keys: its section, name, and how to parse it into struct config.
 * Every line is tried on its own: a bad value or unknown key is reported (the first one, with
 * a count of the rest) and leaves that setting as it was, while the good lines still apply. */
#include "config.h"

#include <errno.h>
#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "inifile.h"

enum config_type { CONFIG_BOOL, CONFIG_INT, CONFIG_THEME };

struct config_key {
    const char *section;
    const char *name;
    enum config_type type;
    size_t offset;
    int min, max; /* CONFIG_INT's accepted range */
};

static const struct config_key config_keys[] = {
    {"ui", "theme", CONFIG_THEME, offsetof(struct config, theme), 0, 0},
    {"ui", "mouse", CONFIG_BOOL, offsetof(struct config, mouse), 0, 0},
    {"ui", "tree_width", CONFIG_INT, offsetof(struct config, tree_width), 10, 80},
    {"ui", "line_numbers", CONFIG_BOOL, offsetof(struct config, line_numbers), 0, 0},
    {"editor", "tab_width", CONFIG_INT, offsetof(struct config, tab_width), 1, 16},
};

#define NKEYS (sizeof config_keys / sizeof config_keys[0])

struct config_parse {
    struct config *c;
    struct inifile_src *src;
    int nerrors;
    int err_line;
    char err[256];
};

void config_defaults(struct config *c)
{
    memset(c, 0, sizeof *c);
    snprintf(c->theme, sizeof c->theme, "default");
    c->mouse = true;
    c->tree_width = 28;
    c->line_numbers = true;
    c->tab_width = 4;
}

static void set_err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || errlen == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

/* strerror(E) in lowercase, as messages are, written into BUF. */
static const char *errno_text(int e, char *buf, size_t len)
{
    snprintf(buf, len, "%s", strerror(e));
    if (buf[0] >= 'A' && buf[0] <= 'Z')
        buf[0] = (char)(buf[0] - 'A' + 'a');
    return buf;
}

static void config_fail(struct config_parse *cp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void config_fail(struct config_parse *cp, const char *fmt, ...)
{
    cp->nerrors++;
    if (cp->err_line)
        return;
    cp->err_line = cp->src->line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cp->err, sizeof cp->err, fmt, ap);
    va_end(ap);
}

static int parse_bool(const char *v, bool *out)
{
    static const char *const yes[] = {"true", "yes", "on", "1"};
    static const char *const no[] = {"false", "no", "off", "0"};
    for (size_t i = 0; i < 4; i++) {
        if (strcasecmp(v, yes[i]) == 0) {
            *out = true;
            return 0;
        }
        if (strcasecmp(v, no[i]) == 0) {
            *out = false;
            return 0;
        }
    }
    return -1;
}

static int parse_int(const char *v, int min, int max, int *out)
{
    if (!*v)
        return -1;
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (*end || errno || n < min || n > max)
        return -1;
    *out = (int)n;
    return 0;
}

static void apply(struct config_parse *cp, const struct config_key *k, const char *value)
{
    char *field = (char *)cp->c + k->offset;
    switch (k->type) {
    case CONFIG_BOOL:
        if (parse_bool(value, (bool *)field) < 0)
            config_fail(cp, "%s = '%s' is not true or false (use true/false, yes/no, on/off, 1/0)",
                        k->name, value);
        break;
    case CONFIG_INT:
        if (parse_int(value, k->min, k->max, (int *)field) < 0)
            config_fail(cp, "%s = '%s' is not a number from %d to %d", k->name, value, k->min,
                        k->max);
        break;
    case CONFIG_THEME:
        if (!*value || strchr(value, '/') || value[0] == '.')
            config_fail(cp, "theme = '%s' is not a theme name (use e.g. default, light, mono)",
                        value);
        else if (strlen(value) >= sizeof cp->c->theme)
            config_fail(cp, "theme name is too long (at most %zu characters)",
                        sizeof cp->c->theme - 1);
        else
            snprintf(cp->c->theme, sizeof cp->c->theme, "%s", value);
        break;
    }
}

static int config_handler(void *user, const char *section, const char *name, const char *value)
{
    struct config_parse *cp = user;
    bool known_section = false;
    for (size_t i = 0; i < NKEYS; i++) {
        const struct config_key *k = &config_keys[i];
        if (strcmp(section, k->section) != 0)
            continue;
        known_section = true;
        if (strcmp(name, k->name) == 0) {
            apply(cp, k, value);
            return 1;
        }
    }

    if (!*section) {
        config_fail(cp, "'%s' is outside any section (put it under [ui] or [editor])", name);
    } else if (!known_section) {
        config_fail(cp, "unknown section [%s] (use [ui] or [editor])", section);
    } else {
        char keys[128] = "";
        for (size_t i = 0; i < NKEYS; i++) {
            if (strcmp(section, config_keys[i].section) != 0)
                continue;
            size_t used = strlen(keys);
            snprintf(keys + used, sizeof keys - used, "%s%s", used ? ", " : "",
                     config_keys[i].name);
        }
        config_fail(cp, "unknown key '%s' in [%s] (known: %s)", name, section, keys);
    }
    return 1;
}

int config_load(const char *path, struct config *c, char *err, size_t errlen)
{
    char why[128];
    config_defaults(c);
    FILE *f = fopen(path, "r");
    if (!f) {
        if (errno == ENOENT)
            return 0;
        if (errno == EACCES)
            set_err(err, errlen, "%s: permission denied (check the file's permissions)", path);
        else
            set_err(err, errlen, "%s: cannot open (%s)", path, errno_text(errno, why, sizeof why));
        return -1;
    }

    struct inifile_src src = {.f = f};
    struct config_parse cp = {.c = c, .src = &src};
    errno = 0;
    int rc = ini_parse_stream(inifile_read_line, &src, config_handler, &cp);
    fclose(f);

    if (src.read_errno == EISDIR) {
        set_err(err, errlen, "%s: is a directory (the config is a file)", path);
        return -1;
    }
    if (src.read_errno) {
        set_err(err, errlen, "%s: cannot read (%s)", path,
                errno_text(src.read_errno, why, sizeof why));
        return -1;
    }
    if (rc > 0) {
        /* A line inih could not parse (it reports only the first); the handler never fails. */
        cp.nerrors++;
        if (!cp.err_line || rc < cp.err_line) {
            cp.err_line = rc;
            snprintf(cp.err, sizeof cp.err, "expected 'key = value' or '[section]'");
        }
    }
    if (rc < 0) {
        set_err(err, errlen, "%s: out of memory while parsing", path);
        return -1;
    }
    if (!cp.nerrors)
        return 0;

    if (cp.nerrors > 1)
        set_err(err, errlen, "%s:%d: %s (and %d more)", path, cp.err_line, cp.err, cp.nerrors - 1);
    else
        set_err(err, errlen, "%s:%d: %s", path, cp.err_line, cp.err);
    return -1;
}
