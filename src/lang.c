/* lang.c — the languages shed knows, and which one a file is written in.
 *
 * lang_table holds one row per language, in name order: its name is its directory under
 * syntaxes/ and under the built grammars. lang_init reads each row's grammar.ini (INI, inih)
 * into the row; the strings and arrays belong to the row until lang_free_all. A manifest with
 * any error is refused whole: that language stays unloaded, so its files open as plain text,
 * and the error names the file and line. Detection only sees loaded rows. Keys the build uses
 * but the editor does not (package, version, integrity, subdir, the query file lists) are
 * accepted and not kept. */
#include "lang.h"

#include <errno.h>
#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "inifile.h"
#include "xalloc.h"

static struct lang lang_table[] = {
    {.name = "bash"},
    {.name = "c"},
    {.name = "cpp"},
    {.name = "css"},
    {.name = "go"},
    {.name = "html"},
    {.name = "javascript"},
    {.name = "json"},
    {.name = "markdown"},
    {.name = "markdown_inline"}, /* no file selects it: markdown injects it */
    {.name = "python"},
    {.name = "rust"},
    {.name = "toml"},
    {.name = "tsx"},
    {.name = "typescript"},
    {.name = "yaml"},
};

#define NLANGS (sizeof lang_table / sizeof lang_table[0])

enum key_kind {
    KEY_BUILD, /* read by scripts/grammars.sh only */
    KEY_SYMBOL,
    KEY_EXTENSIONS,
    KEY_FILENAMES,
    KEY_SHEBANGS,
    KEY_COMMENT,
    KEY_COMMENT_END,
    KEY_INDENT,
    KEY_INHERITS,
};

struct manifest_key {
    const char *section;
    const char *name;
    enum key_kind kind;
};

static const struct manifest_key manifest_keys[] = {
    {"grammar", "package", KEY_BUILD},     {"grammar", "version", KEY_BUILD},
    {"grammar", "integrity", KEY_BUILD},   {"grammar", "subdir", KEY_BUILD},
    {"grammar", "symbol", KEY_SYMBOL},     {"files", "extensions", KEY_EXTENSIONS},
    {"files", "filenames", KEY_FILENAMES}, {"files", "shebangs", KEY_SHEBANGS},
    {"editing", "comment", KEY_COMMENT},   {"editing", "comment_end", KEY_COMMENT_END},
    {"editing", "indent", KEY_INDENT},     {"queries", "inherits", KEY_INHERITS},
    {"queries", "highlights", KEY_BUILD},  {"queries", "injections", KEY_BUILD},
};

#define NKEYS (sizeof manifest_keys / sizeof manifest_keys[0])

/* One lang_init: the first error in full, and how many there were. */
struct lang_errors {
    int count;
    char first[384];
};

/* One manifest being read. */
struct manifest_parse {
    struct lang *l;
    struct inifile_src *src;
    struct inifile_errors errs;
};

static void note_error(struct lang_errors *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void note_error(struct lang_errors *e, const char *fmt, ...)
{
    if (e->count++)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->first, sizeof e->first, fmt, ap);
    va_end(ap);
}

static void manifest_fail(struct manifest_parse *mp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void manifest_fail(struct manifest_parse *mp, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    inifile_vfail(&mp->errs, mp->src->line, fmt, ap);
    va_end(ap);
}

static void free_list(char ***list, size_t *n)
{
    for (size_t i = 0; i < *n; i++)
        free((*list)[i]);
    free(*list);
    *list = NULL;
    *n = 0;
}

static void lang_clear(struct lang *l)
{
    free(l->symbol);
    free(l->comment);
    free(l->comment_end);
    free_list(&l->extensions, &l->nextensions);
    free_list(&l->filenames, &l->nfilenames);
    free_list(&l->shebangs, &l->nshebangs);
    free_list(&l->inherits, &l->ninherits);
    const char *name = l->name;
    memset(l, 0, sizeof *l);
    l->name = name;
}

/* Replaces *LIST with the blank-separated words of VALUE. */
static void set_list(char ***list, size_t *n, const char *value)
{
    free_list(list, n);
    size_t cap = 0;
    const char *p = value;
    for (;;) {
        p += strspn(p, " \t");
        if (!*p)
            break;
        size_t len = strcspn(p, " \t");
        xgrow((void **)list, &cap, *n + 1, sizeof **list);
        (*list)[(*n)++] = xstrndup(p, len);
        p += len;
    }
}

/* Replaces *S with VALUE, or NULL when VALUE is empty. */
static void set_string(char **s, const char *value)
{
    free(*s);
    *s = *value ? xstrdup(value) : NULL;
}

static bool is_symbol(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++) {
        if (!(*s == '_' || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9')))
            return false;
    }
    return true;
}

static void apply_indent(struct manifest_parse *mp, const char *value)
{
    if (strcmp(value, "tab") == 0) {
        mp->l->indent_tabs = true;
        mp->l->indent_width = 0;
        return;
    }
    char *end;
    errno = 0;
    long n = strtol(value, &end, 10);
    if (!*value || *end || errno || n < 1 || n > 16) {
        manifest_fail(mp, "indent = '%s' is not a number from 1 to 16 or 'tab'", value);
        return;
    }
    mp->l->indent_tabs = false;
    mp->l->indent_width = (int)n;
}

static void apply(struct manifest_parse *mp, enum key_kind kind, const char *value)
{
    struct lang *l = mp->l;
    switch (kind) {
    case KEY_BUILD:
        break;
    case KEY_SYMBOL:
        if (!is_symbol(value))
            manifest_fail(mp, "symbol = '%s' is not a C name (the NAME of tree_sitter_NAME)",
                          value);
        else
            set_string(&l->symbol, value);
        break;
    case KEY_EXTENSIONS:
        set_list(&l->extensions, &l->nextensions, value);
        for (size_t i = 0; i < l->nextensions; i++) {
            if (l->extensions[i][0] == '.' || strchr(l->extensions[i], '/')) {
                manifest_fail(mp,
                              "extension '%s' must be written without a leading dot "
                              "or a slash (e.g. 'py')",
                              l->extensions[i]);
                break;
            }
        }
        break;
    case KEY_FILENAMES:
        set_list(&l->filenames, &l->nfilenames, value);
        for (size_t i = 0; i < l->nfilenames; i++) {
            if (strchr(l->filenames[i], '/')) {
                manifest_fail(mp,
                              "file name '%s' must not contain a slash (names match the "
                              "last part of a path)",
                              l->filenames[i]);
                break;
            }
        }
        break;
    case KEY_SHEBANGS:
        set_list(&l->shebangs, &l->nshebangs, value);
        for (size_t i = 0; i < l->nshebangs; i++) {
            if (strchr(l->shebangs[i], '/')) {
                manifest_fail(mp,
                              "shebang '%s' must be an interpreter name, not a path "
                              "(e.g. 'python3')",
                              l->shebangs[i]);
                break;
            }
        }
        break;
    case KEY_COMMENT:
        set_string(&l->comment, value);
        break;
    case KEY_COMMENT_END:
        set_string(&l->comment_end, value);
        break;
    case KEY_INDENT:
        apply_indent(mp, value);
        break;
    case KEY_INHERITS:
        set_list(&l->inherits, &l->ninherits, value);
        break;
    }
}

static int manifest_handler(void *user, const char *section, const char *name, const char *value)
{
    struct manifest_parse *mp = user;
    bool known_section = false;
    for (size_t i = 0; i < NKEYS; i++) {
        const struct manifest_key *k = &manifest_keys[i];
        if (strcmp(section, k->section) != 0)
            continue;
        known_section = true;
        if (strcmp(name, k->name) == 0) {
            apply(mp, k->kind, value);
            return 1;
        }
    }

    if (!*section) {
        manifest_fail(mp,
                      "'%s' is outside any section (put it under [grammar], [files], "
                      "[editing] or [queries])",
                      name);
    } else if (!known_section) {
        manifest_fail(mp,
                      "unknown section [%s] (use [grammar], [files], [editing] or "
                      "[queries])",
                      section);
    } else {
        char keys[160] = "";
        for (size_t i = 0; i < NKEYS; i++) {
            if (strcmp(section, manifest_keys[i].section) != 0)
                continue;
            size_t used = strlen(keys);
            snprintf(keys + used, sizeof keys - used, "%s%s", used ? ", " : "",
                     manifest_keys[i].name);
        }
        manifest_fail(mp, "unknown key '%s' in [%s] (known: %s)", name, section, keys);
    }
    return 1;
}

/* Reads L's manifest at PATH into L. On any error L is left cleared and the error noted. */
static void manifest_load(struct lang *l, const char *path, struct lang_errors *errs)
{
    char why[128];
    lang_clear(l);
    FILE *f = fopen(path, "r");
    if (!f) {
        if (errno == ENOENT)
            note_error(errs,
                       "%s: missing (each language in lang.c's table needs "
                       "syntaxes/%s/grammar.ini)",
                       path, l->name);
        else
            note_error(errs, "%s: cannot open (%s)", path,
                       inifile_errno_text(errno, why, sizeof why));
        return;
    }

    struct inifile_src src = {.f = f};
    struct manifest_parse mp = {.l = l, .src = &src};
    int rc = ini_parse_stream(inifile_read_line, &src, manifest_handler, &mp);
    fclose(f);

    if (src.read_errno) {
        note_error(errs, "%s: cannot read (%s)", path,
                   inifile_errno_text(src.read_errno, why, sizeof why));
        lang_clear(l);
        return;
    }
    if (rc < 0) {
        note_error(errs, "%s: out of memory while parsing", path);
        lang_clear(l);
        return;
    }
    /* inih's own complaints count only when they come before every other. */
    if (src.long_line && (!mp.errs.line || src.long_line < mp.errs.line))
        inifile_fail(&mp.errs, src.long_line, "line is too long (at most %d characters)",
                     src.max_len);
    if (rc > 0 && (!mp.errs.line || rc < mp.errs.line))
        inifile_fail(&mp.errs, rc, "expected 'key = value' or '[section]'");
    if (mp.errs.count) {
        note_error(errs, "%s:%d: %s", path, mp.errs.line, mp.errs.msg);
        errs->count += mp.errs.count - 1;
        lang_clear(l);
        return;
    }
    if (!l->symbol) {
        note_error(errs,
                   "%s: [grammar] has no symbol (add symbol = NAME, for the grammar's "
                   "tree_sitter_NAME)",
                   path);
        lang_clear(l);
        return;
    }
    if (l->comment_end && !l->comment) {
        note_error(errs,
                   "%s: [editing] has comment_end but no comment (add comment = the "
                   "opening token)",
                   path);
        lang_clear(l);
        return;
    }
    if (!l->indent_tabs && l->indent_width == 0)
        l->indent_width = 4;
    l->loaded = true;
}

static struct lang *find(const char *name)
{
    for (size_t i = 0; i < NLANGS; i++) {
        if (strcmp(lang_table[i].name, name) == 0)
            return &lang_table[i];
    }
    return NULL;
}

int lang_init(const char *syntaxes_dir, char *err, size_t errlen)
{
    struct lang_errors errs = {0};
    for (size_t i = 0; i < NLANGS; i++) {
        char *path = xasprintf("%s/%s/grammar.ini", syntaxes_dir, lang_table[i].name);
        manifest_load(&lang_table[i], path, &errs);
        free(path);
    }
    /* Inheritance is checked once every manifest is in: it may name a later row. */
    for (size_t i = 0; i < NLANGS; i++) {
        struct lang *l = &lang_table[i];
        for (size_t j = 0; l->loaded && j < l->ninherits; j++) {
            if (find(l->inherits[j]) && strcmp(l->inherits[j], l->name) != 0)
                continue;
            note_error(&errs,
                       "%s/%s/grammar.ini: inherits '%s', which is not another "
                       "language in lang.c's table",
                       syntaxes_dir, l->name, l->inherits[j]);
            lang_clear(l);
        }
    }
    if (!errs.count)
        return 0;
    if (err && errlen) {
        if (errs.count > 1)
            snprintf(err, errlen, "%s (and %d more)", errs.first, errs.count - 1);
        else
            snprintf(err, errlen, "%s", errs.first);
    }
    return -1;
}

void lang_free_all(void)
{
    for (size_t i = 0; i < NLANGS; i++)
        lang_clear(&lang_table[i]);
}

static const struct lang *by_filename(const char *base)
{
    for (size_t i = 0; i < NLANGS; i++) {
        const struct lang *l = &lang_table[i];
        for (size_t j = 0; l->loaded && j < l->nfilenames; j++) {
            if (strcmp(l->filenames[j], base) == 0)
                return l;
        }
    }
    return NULL;
}

static const struct lang *by_extension(const char *ext, int (*cmp)(const char *, const char *))
{
    for (size_t i = 0; i < NLANGS; i++) {
        const struct lang *l = &lang_table[i];
        for (size_t j = 0; l->loaded && j < l->nextensions; j++) {
            if (cmp(l->extensions[j], ext) == 0)
                return l;
        }
    }
    return NULL;
}

/* The longest extension of BASE some language claims: "d.ts" before "ts". A name's leading
 * dot (".eslintrc.json") does not start an extension. An exact match beats one that differs
 * only in case, so "x.C" can be C++ while "X.PY" is still Python. */
static const struct lang *detect_extension(const char *base)
{
    for (const char *dot = strchr(base + 1, '.'); dot; dot = strchr(dot + 1, '.')) {
        if (!dot[1])
            continue;
        const struct lang *l = by_extension(dot + 1, strcmp);
        if (!l)
            l = by_extension(dot + 1, strcasecmp);
        if (l)
            return l;
    }
    return NULL;
}

/* Whether interpreter NAME (N bytes) is WANT, or WANT followed by a version ("python3.11" is
 * "python3" and "python"). */
static bool interpreter_is(const char *name, size_t n, const char *want)
{
    size_t w = strlen(want);
    if (n < w || memcmp(name, want, w) != 0)
        return false;
    for (size_t i = w; i < n; i++) {
        if (!((name[i] >= '0' && name[i] <= '9') || name[i] == '.'))
            return false;
    }
    return true;
}

/* Splits the shebang LINE (LEN bytes, after "#!") into words; up to MAX of them. */
static size_t shebang_words(const char *line, size_t len, const char **word, size_t *wlen,
                            size_t max)
{
    size_t n = 0, i = 0;
    while (i < len && n < max) {
        while (i < len && (line[i] == ' ' || line[i] == '\t'))
            i++;
        if (i >= len || line[i] == '\n' || line[i] == '\r')
            break;
        size_t start = i;
        while (i < len && line[i] != ' ' && line[i] != '\t' && line[i] != '\n' && line[i] != '\r' &&
               line[i] != '\0')
            i++;
        if (i == start)
            break;
        word[n] = line + start;
        wlen[n++] = i - start;
    }
    return n;
}

static void basename_of(const char **w, size_t *n)
{
    for (size_t i = *n; i > 0; i--) {
        if ((*w)[i - 1] == '/') {
            *n -= i;
            *w += i;
            return;
        }
    }
}

/* "#!/usr/bin/env python3", "#!/bin/bash -e", "#!/usr/bin/env -S deno run". */
static const struct lang *detect_shebang(const char *line, size_t len)
{
    if (!line || len < 2 || line[0] != '#' || line[1] != '!')
        return NULL;

    const char *word[8];
    size_t wlen[8];
    size_t n = shebang_words(line + 2, len - 2, word, wlen, 8);
    if (n == 0)
        return NULL;
    const char *name = word[0];
    size_t nlen = wlen[0];
    basename_of(&name, &nlen);

    if (nlen == 3 && memcmp(name, "env", 3) == 0) {
        /* env's options and VAR=value assignments come before the command. */
        size_t i = 1;
        while (i < n && (word[i][0] == '-' || memchr(word[i], '=', wlen[i]))) {
            bool takes_arg = wlen[i] == 2 && (word[i][1] == 'u' || word[i][1] == 'C');
            i += takes_arg ? 2 : 1;
        }
        if (i >= n)
            return NULL;
        name = word[i];
        nlen = wlen[i];
        basename_of(&name, &nlen);
    }

    const struct lang *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < NLANGS; i++) {
        const struct lang *l = &lang_table[i];
        for (size_t j = 0; l->loaded && j < l->nshebangs; j++) {
            size_t w = strlen(l->shebangs[j]);
            if (w > best_len && interpreter_is(name, nlen, l->shebangs[j])) {
                best = l;
                best_len = w;
            }
        }
    }
    return best;
}

const struct lang *lang_detect(const char *path, const char *first_line, size_t first_len)
{
    if (path && *path) {
        const char *slash = strrchr(path, '/');
        const char *base = slash ? slash + 1 : path;
        if (*base) {
            const struct lang *l = by_filename(base);
            if (!l)
                l = detect_extension(base);
            if (l)
                return l;
        }
    }
    return detect_shebang(first_line, first_len);
}

const struct lang *lang_by_name(const char *name)
{
    const struct lang *l = name ? find(name) : NULL;
    return l && l->loaded ? l : NULL;
}

const struct lang *lang_at(size_t i)
{
    return i < NLANGS ? &lang_table[i] : NULL;
}

size_t lang_count(void)
{
    return NLANGS;
}
