/* config.c — the user's settings file (INI, read with inih), and writing one setting back.
 *
 * Each key is a row in config_keys: its section, name, and how to parse it into struct config.
 * Every line is tried on its own: a bad value or unknown key is reported (the first one, with
 * a count of the rest) and leaves that setting as it was, while the good lines still apply.
 *
 * config_set() edits the file as text rather than regenerating it, so the user's comments and
 * layout survive. It reads the lines the way inih and inifile.c do (leading blanks dropped, a
 * BOM on line 1, "[section]", "key = value" or "key: value", ';' after a blank starting an
 * inline comment, over-long lines ignored), splices the one change in, and saves through
 * fileio_save_bytes (temporary file, fsync, rename). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "inifile.h"
#include "paths.h"
#include "xalloc.h"

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
    struct inifile_errors errs;
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

static void config_fail(struct config_parse *cp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void config_fail(struct config_parse *cp, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    inifile_vfail(&cp->errs, cp->src->line, fmt, ap);
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
            inifile_set_err(err, errlen, "%s: permission denied (check the file's permissions)",
                            path);
        else
            inifile_set_err(err, errlen, "%s: cannot open (%s)", path,
                            inifile_errno_text(errno, why, sizeof why));
        return -1;
    }

    struct inifile_src src = {.f = f};
    struct config_parse cp = {.c = c, .src = &src};
    errno = 0;
    int rc = ini_parse_stream(inifile_read_line, &src, config_handler, &cp);
    fclose(f);

    if (src.read_errno == EISDIR) {
        inifile_set_err(err, errlen, "%s: is a directory (the config is a file)", path);
        return -1;
    }
    if (src.read_errno) {
        inifile_set_err(err, errlen, "%s: cannot read (%s)", path,
                        inifile_errno_text(src.read_errno, why, sizeof why));
        return -1;
    }
    if (rc > 0) {
        /* A line inih could not parse (it reports only the first); the handler never fails. */
        inifile_fail(&cp.errs, rc, "expected 'key = value' or '[section]'");
    }
    if (rc < 0) {
        inifile_set_err(err, errlen, "%s: out of memory while parsing", path);
        return -1;
    }
    if (!cp.errs.count)
        return 0;

    if (cp.errs.count > 1)
        inifile_set_err(err, errlen, "%s:%d: %s (and %d more)", path, cp.errs.line, cp.errs.msg,
                        cp.errs.count - 1);
    else
        inifile_set_err(err, errlen, "%s:%d: %s", path, cp.errs.line, cp.errs.msg);
    return -1;
}

/* ---- config_set ---------------------------------------------------------------------- */

/* The longest line inih takes: INI_MAX_LINE (200) less the newline and the NUL. inifile.c
 * hands longer lines over empty, so config_set ignores them and never writes one. */
#define INI_LINE_MAX 198

/* Attempts when someone else rewrites the file between our read and our rename. */
#define SET_ATTEMPTS 3

/* What config_set found in the old text: offsets into it. */
struct ini_scan {
    const char *eol;              /* the file's line end: "\r\n" when its first line has one */
    bool last_blank;              /* the last line is blank (or there is none) */
    bool has_section;             /* the section was seen */
    size_t insert_at;             /* just after the section's last header or key line */
    bool insert_eol;              /* that line is the last and has no line end */
    size_t indent_at, indent_len; /* the leading blanks of the section's last key line */
    bool has_key;                 /* the key was seen in the section; its last value is: */
    size_t value_from, value_to;
    bool value_space; /* the value is empty: put a space before the new one */
    size_t line_len;  /* the length inih sees of that key's line */
};

static bool ini_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == '\n';
}

/* inih's find_chars_or_comment over [S, END): the first of CHARS, or a ';' right after
 * whitespace (an inline comment); END when there is neither. */
static const char *ini_find(const char *s, const char *end, const char *chars)
{
    bool was_space = false;
    for (; s < end; s++) {
        if (chars && strchr(chars, *s))
            return s;
        if (was_space && *s == ';')
            return s;
        was_space = ini_space(*s);
    }
    return end;
}

static bool same_name(const char *s, const char *end, const char *name)
{
    size_t n = strlen(name);
    return (size_t)(end - s) == n && memcmp(s, name, n) == 0;
}

/* Notes where a key would go after the line [LINE, NEXT) of the section. */
static void mark_insert(struct ini_scan *sc, const char *text, const char *next, bool has_eol)
{
    sc->insert_at = (size_t)(next - text);
    sc->insert_eol = !has_eol;
}

/* Reads TEXT's lines as inih would, looking for SECTION and KEY. */
static void ini_scan(const char *text, size_t len, const char *section, const char *key,
                     struct ini_scan *sc)
{
    memset(sc, 0, sizeof *sc);
    const char *first_nl = memchr(text, '\n', len);
    sc->eol = first_nl && first_nl > text && first_nl[-1] == '\r' ? "\r\n" : "\n";
    sc->last_blank = true;

    const char *p = text, *end = text + len;
    bool in_section = false;
    for (int lineno = 1; p < end; lineno++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end, *next = nl ? nl + 1 : end;
        const char *line = p;
        p = next;

        const char *s = line;
        while (s < le && (*s == ' ' || *s == '\t'))
            s++;
        const char *blanks_end = s;
        if (le - s > INI_LINE_MAX) {
            sc->last_blank = false;
            continue; /* inifile.c hands it over empty */
        }
        const char *nul = memchr(s, '\0', (size_t)(le - s));
        const char *ce = nul ? nul : le;
        if (lineno == 1 && ce - s >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
            s += 3;
        while (ce > s && ini_space(ce[-1]))
            ce--;
        while (s < ce && ini_space(*s))
            s++;
        sc->last_blank = s == ce;
        if (s == ce || *s == ';' || *s == '#')
            continue;

        if (*s == '[') {
            const char *close = ini_find(s + 1, ce, "]");
            if (close == ce || *close != ']')
                continue; /* inih's error line: the section stays */
            in_section = same_name(s + 1, close, section);
            if (in_section) {
                sc->has_section = true;
                mark_insert(sc, text, next, nl != NULL);
            }
            continue;
        }

        const char *sep = ini_find(s, ce, "=:");
        if (sep == ce || (*sep != '=' && *sep != ':') || !in_section)
            continue;
        mark_insert(sc, text, next, nl != NULL);
        sc->indent_at = (size_t)(line - text);
        sc->indent_len = (size_t)(blanks_end - line);
        const char *name_end = sep;
        while (name_end > s && ini_space(name_end[-1]))
            name_end--;
        if (!same_name(s, name_end, key))
            continue;

        const char *vto = ini_find(sep + 1, ce, NULL);
        while (vto > sep + 1 && ini_space(vto[-1]))
            vto--;
        const char *vfrom = sep + 1;
        while (vfrom < vto && ini_space(*vfrom))
            vfrom++;
        sc->has_key = true;
        /* An empty value is replaced right after the separator, spaced as the file spaces
         * it: "key=" gives "key=value", "key = ; note" gives "key = value ; note". */
        sc->value_space = vfrom == vto && sep > s && ini_space(sep[-1]);
        if (vfrom == vto)
            vfrom = vto = sep + 1;
        sc->value_from = (size_t)(vfrom - text);
        sc->value_to = (size_t)(vto - text);
        sc->line_len = (size_t)(le - blanks_end);
    }
}

/* Refuses TEXT as WHAT ("section name", "key", "value") when the INI format could not give it
 * back as it is: BAD_CHARS anywhere, BAD_FIRST as its first character. */
static int check_part(const char *path, const char *what, const char *text, bool may_be_empty,
                      const char *bad_chars, const char *bad_first, char *err, size_t errlen)
{
    size_t n = strlen(text);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x20 || c == 0x7f) {
            inifile_set_err(err, errlen,
                            "%s: the %s '%.*s...' cannot be stored (it holds a line break "
                            "or control character)",
                            path, what, (int)i, text);
            return -1;
        }
    }
    const char *why = NULL;
    char buf[64];
    const char *bad = strpbrk(text, bad_chars);
    if (n == 0 && !may_be_empty) {
        why = "it is empty";
    } else if (n > 0 && (ini_space(text[0]) || ini_space(text[n - 1]))) {
        why = "leading and trailing spaces would be lost";
    } else if (bad) {
        snprintf(buf, sizeof buf, "'%c' is not allowed in a %s", *bad, what);
        why = buf;
    } else if (n > 0 && strchr(bad_first, text[0])) {
        snprintf(buf, sizeof buf, "a %s cannot start with '%c'", what, text[0]);
        why = buf;
    } else if (ini_find(text, text + n, NULL) != text + n) {
        why = "' ;' would start a comment";
    }
    if (!why)
        return 0;
    inifile_set_err(err, errlen, "%s: the %s '%s' cannot be stored (%s)", path, what, text, why);
    return -1;
}

static int check_set(const char *path, const char *section, const char *key, const char *value,
                     char *err, size_t errlen)
{
    if (check_part(path, "section name", section, false, "]", "", err, errlen) < 0 ||
        check_part(path, "key", key, false, "=:", ";#[", err, errlen) < 0 ||
        check_part(path, "value", value, true, "", ";", err, errlen) < 0)
        return -1;
    if (strlen(section) + 2 > INI_LINE_MAX || strlen(key) + 3 + strlen(value) > INI_LINE_MAX) {
        inifile_set_err(err, errlen,
                        "%s: the line for %s would be too long (at most %d characters)", path, key,
                        INI_LINE_MAX);
        return -1;
    }
    return 0;
}

static void read_error(const char *path, int e, char *err, size_t errlen)
{
    char why[128];
    if (e == EACCES)
        inifile_set_err(err, errlen, "%s: permission denied (check the file's permissions)", path);
    else if (e == EISDIR)
        inifile_set_err(err, errlen, "%s: is a directory (the config is a file)", path);
    else if (e == ENOTDIR)
        inifile_set_err(err, errlen, "%s: part of the path is not a directory (check the path)",
                        path);
    else
        inifile_set_err(err, errlen, "%s: cannot read (%s)", path,
                        inifile_errno_text(e, why, sizeof why));
}

/* PATH's bytes, NUL-terminated, into *OUT (caller frees); a missing file is empty. */
static int read_all(const char *path, char **out, size_t *len, char *err, size_t errlen)
{
    *out = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
        *out = xstrdup("");
        return 0;
    }
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        read_error(path, errno, err, errlen);
        if (fd >= 0)
            close(fd);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode))
            read_error(path, EISDIR, err, errlen);
        else
            inifile_set_err(err, errlen, "%s: not a regular file (the config is a plain file)",
                            path);
        close(fd);
        return -1;
    }

    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *buf = xmalloc(cap + 1);
    for (;;) {
        if (n == cap)
            xgrow((void **)&buf, &cap, cap + 4096, 1);
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            read_error(path, errno, err, errlen);
            free(buf);
            close(fd);
            return -1;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    close(fd);
    buf = xrealloc(buf, n + 1);
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return 0;
}

/* Creates PATH's directory (mode 0700, with parents) when it is missing. */
static int make_parent(const char *path, char *err, size_t errlen)
{
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path)
        return 0;
    char *dir = xstrndup(path, (size_t)(slash - path));
    int rc = paths_mkdirs(dir, 0700);
    if (rc < 0) {
        char why[128];
        int e = errno;
        if (e == EACCES || e == EPERM)
            inifile_set_err(err, errlen,
                            "%s: cannot create the directory %s (permission denied; check its "
                            "parent's permissions)",
                            path, dir);
        else if (e == ENOTDIR)
            inifile_set_err(err, errlen,
                            "%s: cannot create the directory %s (part of that path is a file)",
                            path, dir);
        else
            inifile_set_err(err, errlen, "%s: cannot create the directory %s (%s)", path, dir,
                            inifile_errno_text(e, why, sizeof why));
    }
    free(dir);
    return rc;
}

struct text {
    char *p;
    size_t len, cap;
};

static void text_add(struct text *t, const char *s, size_t n)
{
    xgrow((void **)&t->p, &t->cap, t->len + n + 1, 1);
    memcpy(t->p + t->len, s, n);
    t->len += n;
    t->p[t->len] = '\0';
}

static void text_str(struct text *t, const char *s)
{
    text_add(t, s, strlen(s));
}

/* OLD with [SECTION] KEY set to VALUE, as config.h describes; NULL with err when the key's
 * line would grow past INI_LINE_MAX. Caller frees. */
static char *set_in_text(const char *path, const char *old, size_t len, const char *section,
                         const char *key, const char *value, size_t *out_len, char *err,
                         size_t errlen)
{
    struct ini_scan sc;
    ini_scan(old, len, section, key, &sc);
    struct text t = {0};
    text_add(&t, "", 0);

    if (sc.has_key) {
        size_t vlen = strlen(value), old_vlen = sc.value_to - sc.value_from;
        bool space = sc.value_space && vlen > 0;
        if (sc.line_len - old_vlen + vlen + space > INI_LINE_MAX) {
            inifile_set_err(err, errlen,
                            "%s: the line for %s would be too long (at most %d characters)", path,
                            key, INI_LINE_MAX);
            free(t.p);
            return NULL;
        }
        text_add(&t, old, sc.value_from);
        if (space)
            text_str(&t, " ");
        text_str(&t, value);
        text_add(&t, old + sc.value_to, len - sc.value_to);
    } else if (sc.has_section) {
        text_add(&t, old, sc.insert_at);
        if (sc.insert_eol)
            text_str(&t, sc.eol);
        text_add(&t, old + sc.indent_at, sc.indent_len);
        text_str(&t, key);
        text_str(&t, " = ");
        text_str(&t, value);
        text_str(&t, sc.eol);
        text_add(&t, old + sc.insert_at, len - sc.insert_at);
    } else {
        text_add(&t, old, len);
        if (len > 0 && old[len - 1] != '\n')
            text_str(&t, sc.eol);
        if (!sc.last_blank)
            text_str(&t, sc.eol);
        text_str(&t, "[");
        text_str(&t, section);
        text_str(&t, "]");
        text_str(&t, sc.eol);
        text_str(&t, key);
        text_str(&t, " = ");
        text_str(&t, value);
        text_str(&t, sc.eol);
    }
    *out_len = t.len;
    return t.p;
}

int config_set(const char *path, const char *section, const char *key, const char *value, char *err,
               size_t errlen)
{
    if (check_set(path, section, key, value, err, errlen) < 0 || make_parent(path, err, errlen) < 0)
        return -1;

    int rc = FILEIO_CHANGED;
    for (int attempt = 0; attempt < SET_ATTEMPTS && rc == FILEIO_CHANGED; attempt++) {
        struct file_info before;
        char *old;
        size_t len, new_len;
        if (fileio_stat(path, &before) < 0) {
            read_error(path, errno, err, errlen);
            return -1;
        }
        if (read_all(path, &old, &len, err, errlen) < 0)
            return -1;
        char *text = set_in_text(path, old, len, section, key, value, &new_len, err, errlen);
        free(old);
        if (!text)
            return -1;
        rc = fileio_save_bytes(path, text, new_len, &before, NULL, err, errlen);
        free(text);
    }
    return rc == FILEIO_OK ? 0 : -1;
}
