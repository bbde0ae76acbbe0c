/* theme.c — loading colour themes (INI files read with inih) and looking styles up.
 *
 * A loaded theme is complete: every [ui] element has a style, and a colour an element leaves
 * out is text's (an element the file never names is a copy of text with set = 0). Syntax
 * captures are overlays kept in file order: a colour they leave out stays COLOR_DEFAULT,
 * meaning whatever lies underneath (text, selection, cursor line). [terminal] fills the
 * terminal pane's palette, all 16 colours or none. A theme with any error is refused whole, so
 * a typo is reported instead of half-applied. theme_list() reads the theme directories. */
#include "theme.h"

#include <dirent.h>
#include <errno.h>
#include <ini.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "inifile.h"
#include "xalloc.h"

const char *const theme_ui_names[UI_COUNT] = {
    [UI_TEXT] = "text",
    [UI_GUTTER] = "gutter",
    [UI_GUTTER_CURRENT] = "gutter.current",
    [UI_CURSOR_LINE] = "cursorline",
    [UI_SELECTION] = "selection",
    [UI_SEARCH_MATCH] = "search",
    [UI_SEARCH_CURRENT] = "search.current",
    [UI_BRACKET] = "bracket",
    [UI_INVALID] = "invalid",
    [UI_TREE] = "tree",
    [UI_TREE_DIR] = "tree.dir",
    [UI_TREE_SELECTED] = "tree.selected",
    [UI_TREE_OPEN] = "tree.open",
    [UI_BORDER] = "border",
    [UI_STATUS] = "status",
    [UI_STATUS_DIM] = "status.dim",
    [UI_MESSAGE] = "message",
    [UI_ERROR] = "error",
    [UI_PROMPT] = "prompt",
    [UI_PICKER] = "picker",
    [UI_PICKER_SELECTED] = "picker.selected",
    [UI_PICKER_MATCH] = "picker.match",
    [UI_DIFF_ADDED] = "diff.added",
    [UI_DIFF_REMOVED] = "diff.removed",
};

/* [terminal]'s keys: color0..color15 are the palette, then the pane's default colours. */
enum { TERM_PALETTE = 16, TERM_FG = 16, TERM_BG = 17, TERM_KEYS = 18 };

static const char *const terminal_keys[TERM_KEYS] = {
    "color0",  "color1",  "color2",  "color3",  "color4",     "color5",
    "color6",  "color7",  "color8",  "color9",  "color10",    "color11",
    "color12", "color13", "color14", "color15", "foreground", "background",
};

static const struct {
    const char *name;
    unsigned attr;
} theme_attrs[] = {
    {"bold", THEME_BOLD},       {"italic", THEME_ITALIC}, {"underline", THEME_UNDERLINE},
    {"reverse", THEME_REVERSE}, {"dim", THEME_DIM},
};

/* The built-in theme: the same as themes/default.theme (the unit tests hold them equal). */
static const char theme_builtin[] = "[theme]\n"
                                    "name = default\n"
                                    "[ui]\n"
                                    "text = #abb2bf on #282c34\n"
                                    "gutter = #4b5263 on #282c34\n"
                                    "gutter.current = bold #abb2bf on #2c313a\n"
                                    "cursorline = on #2c313a\n"
                                    "selection = on #3e4451\n"
                                    "search = #282c34 on #d19a66\n"
                                    "search.current = bold #282c34 on #e5c07b\n"
                                    "bracket = bold #e6e6e6 on #515a6b\n"
                                    "invalid = #282c34 on #e06c75\n"
                                    "tree = #9da5b4 on #21252b\n"
                                    "tree.dir = #61afef on #21252b\n"
                                    "tree.selected = bold #e6e6e6 on #3a3f4b\n"
                                    "tree.open = #98c379 on #21252b\n"
                                    "border = #3b4048 on #282c34\n"
                                    "status = #d7dae0 on #3b4048\n"
                                    "status.dim = #7f848e on #21252b\n"
                                    "message = #abb2bf on #21252b\n"
                                    "error = bold #e06c75 on #21252b\n"
                                    "prompt = bold #e5c07b on #21252b\n"
                                    "picker = #abb2bf on #21252b\n"
                                    "picker.selected = bold #e6e6e6 on #3a3f4b\n"
                                    "picker.match = bold #e5c07b on #21252b\n"
                                    "diff.added = #98c379 on #2b3a2e\n"
                                    "diff.removed = #e06c75 on #3f2d31\n"
                                    "[syntax]\n"
                                    "keyword = #c678dd\n"
                                    "function = #61afef\n"
                                    "function.builtin = #56b6c2\n"
                                    "function.method = #61afef\n"
                                    "type = #e5c07b\n"
                                    "type.builtin = italic #e5c07b\n"
                                    "string = #98c379\n"
                                    "string.escape = #56b6c2\n"
                                    "number = #d19a66\n"
                                    "constant = #d19a66\n"
                                    "constant.builtin = #d19a66\n"
                                    "boolean = #d19a66\n"
                                    "comment = italic #7f848e\n"
                                    "variable = #abb2bf\n"
                                    "variable.builtin = italic #e06c75\n"
                                    "variable.parameter = #d7dae0\n"
                                    "property = #e06c75\n"
                                    "operator = #56b6c2\n"
                                    "punctuation = #abb2bf\n"
                                    "punctuation.bracket = #abb2bf\n"
                                    "punctuation.delimiter = #9da5b4\n"
                                    "attribute = #d19a66\n"
                                    "constructor = #e5c07b\n"
                                    "tag = #e06c75\n"
                                    "label = #e06c75\n"
                                    "module = #e5c07b\n"
                                    "embedded = #abb2bf\n"
                                    "escape = #56b6c2\n"
                                    "[terminal]\n"
                                    "foreground = #abb2bf\n"
                                    "background = #282c34\n"
                                    "color0 = #3f4451\n"
                                    "color1 = #e06c75\n"
                                    "color2 = #98c379\n"
                                    "color3 = #e5c07b\n"
                                    "color4 = #61afef\n"
                                    "color5 = #c678dd\n"
                                    "color6 = #56b6c2\n"
                                    "color7 = #d7dae0\n"
                                    "color8 = #5c6370\n"
                                    "color9 = #ff7b86\n"
                                    "color10 = #b5e890\n"
                                    "color11 = #f0d197\n"
                                    "color12 = #7cc4ff\n"
                                    "color13 = #de8ef0\n"
                                    "color14 = #6fd3df\n"
                                    "color15 = #ffffff\n";

struct theme_parse {
    struct theme *t;
    struct inifile_src *src;
    bool has_fg[UI_COUNT], has_bg[UI_COUNT];
    bool has_term[TERM_KEYS];
    int palette_line; /* the first colorN's line, 0 while there is none */
    size_t capcap;
    struct inifile_errors errs; /* the first stops the parse */
};

/* Levenshtein distance, for "did you mean" hints; long words simply count as far apart. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 32 || lb > 32)
        return 99;
    size_t prev[33], cur[33];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
            cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
        }
        memcpy(prev, cur, (lb + 1) * sizeof cur[0]);
    }
    return prev[lb];
}

static const char *closest_attr(const char *word)
{
    for (size_t i = 0; i < sizeof theme_attrs / sizeof theme_attrs[0]; i++) {
        if (edit_distance(word, theme_attrs[i].name) <= 1)
            return theme_attrs[i].name;
    }
    return NULL;
}

static int attr_of(const char *word, unsigned *out)
{
    for (size_t i = 0; i < sizeof theme_attrs / sizeof theme_attrs[0]; i++) {
        if (strcmp(word, theme_attrs[i].name) == 0) {
            *out = theme_attrs[i].attr;
            return 0;
        }
    }
    return -1;
}

static int parse_colour_word(const char *word, struct color *out, char *err, size_t errlen)
{
    if (color_parse(word, out) == 0)
        return 0;
    const char *attr = closest_attr(word);
    if (attr)
        inifile_set_err(err, errlen, "unknown attribute '%s' (did you mean '%s'?)", word, attr);
    else
        inifile_set_err(err, errlen, "unknown colour '%s' (use a name, 0-255 or #rrggbb)", word);
    return -1;
}

/* theme_parse_style, also saying which colours the text gave. */
static int parse_style(const char *text, struct style *out, bool *has_fg, bool *has_bg, char *err,
                       size_t errlen)
{
    struct style s = {.fg = {COLOR_DEFAULT, 0}, .bg = {COLOR_DEFAULT, 0}, .set = 1};
    bool fg = false, bg = false;
    const char *p = text;
    const char *sep = " \t";
    int words = 0;

    for (;;) {
        p += strspn(p, sep);
        if (!*p)
            break;
        size_t n = strcspn(p, sep);
        char *word = xstrndup(p, n);
        p += n;
        words++;

        int rc = 0;
        unsigned attr;
        if (attr_of(word, &attr) == 0) {
            s.attrs |= attr;
        } else if (strcmp(word, "on") == 0) {
            p += strspn(p, sep);
            size_t m = strcspn(p, sep);
            char *bgword = xstrndup(p, m);
            p += m;
            if (m == 0) {
                inifile_set_err(err, errlen, "'on' needs a colour after it (e.g. 'on #1c1c1c')");
                rc = -1;
            } else if (bg) {
                inifile_set_err(err, errlen, "two backgrounds ('on %s' is the second)", bgword);
                rc = -1;
            } else {
                rc = parse_colour_word(bgword, &s.bg, err, errlen);
                bg = true;
            }
            free(bgword);
        } else {
            struct color c;
            rc = parse_colour_word(word, &c, err, errlen);
            if (rc == 0 && fg) {
                inifile_set_err(
                    err, errlen,
                    "two foreground colours ('%s' is the second; a background is 'on %s')", word,
                    word);
                rc = -1;
            } else if (rc == 0) {
                s.fg = c;
                fg = true;
            }
        }
        free(word);
        if (rc < 0)
            return -1;
    }

    if (words == 0) {
        inifile_set_err(err, errlen,
                        "empty style (write e.g. 'bold #ffffff on #005f87', or 'default')");
        return -1;
    }
    *out = s;
    if (has_fg)
        *has_fg = fg;
    if (has_bg)
        *has_bg = bg;
    return 0;
}

int theme_parse_style(const char *text, struct style *out, char *err, size_t errlen)
{
    return parse_style(text, out, NULL, NULL, err, errlen);
}

static void parse_fail(struct theme_parse *tp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void parse_fail(struct theme_parse *tp, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    inifile_vfail(&tp->errs, tp->src->line, fmt, ap);
    va_end(ap);
}

static bool valid_capture_name(const char *name)
{
    if (!*name)
        return false;
    char prev = '.';
    for (const char *p = name; *p; p++) {
        char c = *p;
        bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-';
        if (!word && (c != '.' || prev == '.'))
            return false;
        prev = c;
    }
    return prev != '.';
}

static void add_capture(struct theme_parse *tp, const char *name, const struct style *s)
{
    struct theme *t = tp->t;
    for (size_t i = 0; i < t->ncaptures; i++) {
        if (strcmp(t->captures[i].name, name) == 0) {
            t->captures[i].style = *s;
            return;
        }
    }
    xgrow((void **)&t->captures, &tp->capcap, t->ncaptures + 1, sizeof *t->captures);
    t->captures[t->ncaptures].name = xstrdup(name);
    t->captures[t->ncaptures].style = *s;
    t->ncaptures++;
}

static void handle_ui(struct theme_parse *tp, const char *name, const char *value)
{
    int best = -1;
    size_t best_d = 3;
    for (int i = 0; i < UI_COUNT; i++) {
        if (strcmp(name, theme_ui_names[i]) == 0) {
            char msg[200];
            if (parse_style(value, &tp->t->ui[i], &tp->has_fg[i], &tp->has_bg[i], msg, sizeof msg) <
                0)
                parse_fail(tp, "%s", msg);
            return;
        }
        size_t d = edit_distance(name, theme_ui_names[i]);
        if (d < best_d) {
            best_d = d;
            best = i;
        }
    }
    if (best >= 0)
        parse_fail(tp, "unknown key '%s' in [ui] (did you mean '%s'?)", name, theme_ui_names[best]);
    else
        parse_fail(tp, "unknown key '%s' in [ui] (themes/default.theme lists every key)", name);
}

static void handle_terminal(struct theme_parse *tp, const char *name, const char *value)
{
    int key = -1, best = -1;
    size_t best_d = 3;
    for (int i = 0; i < TERM_KEYS && key < 0; i++) {
        size_t d = edit_distance(name, terminal_keys[i]);
        if (d == 0)
            key = i;
        else if (d < best_d) {
            best_d = d;
            best = i;
        }
    }
    if (key < 0 && strncmp(name, "color", 5) == 0 && name[5] &&
        !name[5 + strspn(name + 5, "0123456789")]) {
        parse_fail(tp, "unknown key '%s' in [terminal] (the palette is color0..color15)", name);
        return;
    }
    if (key < 0 && best >= 0) {
        parse_fail(tp, "unknown key '%s' in [terminal] (did you mean '%s'?)", name,
                   terminal_keys[best]);
        return;
    }
    if (key < 0) {
        parse_fail(tp,
                   "unknown key '%s' in [terminal] (use color0..color15, foreground, "
                   "background)",
                   name);
        return;
    }

    struct color c;
    if (!*value || value[strcspn(value, " \t")]) {
        parse_fail(tp, "%s = '%s' is not one colour (write a name, 0-255 or #rrggbb)", name, value);
        return;
    }
    if (color_parse(value, &c) < 0) {
        parse_fail(tp, "unknown colour '%s' (use a name, 0-255 or #rrggbb)", value);
        return;
    }
    if (key < TERM_PALETTE && c.kind == COLOR_DEFAULT) {
        parse_fail(tp, "%s cannot be 'default' (give the colour programs get for ANSI colour %d)",
                   name, key);
        return;
    }
    tp->has_term[key] = true;
    if (key == TERM_FG)
        tp->t->term_fg = c;
    else if (key == TERM_BG)
        tp->t->term_bg = c;
    else
        tp->t->palette[key] = c;
    if (key < TERM_PALETTE && !tp->palette_line)
        tp->palette_line = tp->src->line;
}

static int theme_handler(void *user, const char *section, const char *name, const char *value)
{
    struct theme_parse *tp = user;
    if (tp->errs.line)
        return 1;

    if (strcmp(section, "ui") == 0) {
        handle_ui(tp, name, value);
    } else if (strcmp(section, "syntax") == 0) {
        char msg[200];
        struct style s;
        if (!valid_capture_name(name))
            parse_fail(tp, "bad capture name '%s' (use dotted words, e.g. function.builtin)", name);
        else if (parse_style(value, &s, NULL, NULL, msg, sizeof msg) < 0)
            parse_fail(tp, "%s", msg);
        else
            add_capture(tp, name, &s);
    } else if (strcmp(section, "theme") == 0) {
        if (strcmp(name, "name") != 0) {
            parse_fail(tp, "unknown key '%s' in [theme] (the only key is 'name')", name);
        } else if (!*value) {
            parse_fail(tp, "empty theme name (write e.g. 'name = dusk')");
        } else {
            free(tp->t->name);
            tp->t->name = xstrdup(value);
        }
    } else if (strcmp(section, "terminal") == 0) {
        handle_terminal(tp, name, value);
    } else if (!*section) {
        parse_fail(tp, "'%s' is outside any section (put it under [ui] or [syntax])", name);
    } else {
        parse_fail(tp, "unknown section [%s] (use [theme], [ui], [syntax] or [terminal])", section);
    }
    return 1;
}

/* Gives unset elements and left-out colours of [ui] their values from text. */
static void theme_inherit(struct theme *t, const bool *has_fg, const bool *has_bg)
{
    struct style text = t->ui[UI_TEXT];
    for (int i = 0; i < UI_COUNT; i++) {
        if (i == UI_TEXT)
            continue;
        struct style *s = &t->ui[i];
        if (!s->set) {
            *s = text;
            s->set = 0;
            continue;
        }
        if (!has_fg[i])
            s->fg = text.fg;
        if (!has_bg[i])
            s->bg = text.bg;
    }
}

/* Completes a parse without errors: the palette is whole or absent, [ui] inherits from text,
 * and the terminal pane's default colours are text's unless [terminal] gave them. Returns -1
 * with TP's error (and its line) for a partial palette. */
static int theme_finish(struct theme_parse *tp)
{
    struct theme *t = tp->t;
    char missing[160] = "";
    int nmissing = 0;
    for (int i = 0; i < TERM_PALETTE; i++) {
        if (tp->has_term[i])
            continue;
        size_t used = strlen(missing);
        snprintf(missing + used, sizeof missing - used, "%s%s", nmissing ? ", " : "",
                 terminal_keys[i]);
        nmissing++;
    }
    if (nmissing > 0 && nmissing < TERM_PALETTE) {
        inifile_fail(&tp->errs, tp->palette_line,
                     "[terminal] leaves out %s (a palette names all 16, color0..color15)", missing);
        return -1;
    }
    t->has_palette = nmissing == 0;

    theme_inherit(t, tp->has_fg, tp->has_bg);
    if (!tp->has_term[TERM_FG])
        t->term_fg = t->ui[UI_TEXT].fg;
    if (!tp->has_term[TERM_BG])
        t->term_bg = t->ui[UI_TEXT].bg;
    return 0;
}

/* The theme's name when the file gives none: PATH's base name without ".theme". */
static char *name_from_path(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 6 && strcmp(base + n - 6, ".theme") == 0)
        n -= 6;
    return xstrndup(base, n);
}

static const char *errno_hint(int e)
{
    switch (e) {
    case ENOENT:
        return "no such file (check the name)";
    case EACCES:
        return "permission denied (check the file's permissions)";
    case EISDIR:
        return "is a directory (name a .theme file)";
    default:
        return NULL;
    }
}

static void report_errno(const char *path, int e, char *err, size_t errlen)
{
    const char *hint = errno_hint(e);
    if (hint) {
        inifile_set_err(err, errlen, "%s: %s", path, hint);
        return;
    }
    char msg[128];
    inifile_set_err(err, errlen, "%s: cannot read (%s)", path,
                    inifile_errno_text(e, msg, sizeof msg));
}

/* Reads a theme from F; PATH names it in messages. On error *OUT is left empty. */
static int theme_read(FILE *f, const char *path, struct theme *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    struct inifile_src src = {.f = f};
    struct theme_parse tp = {.t = out, .src = &src};

    errno = 0;
    int rc = ini_parse_stream(inifile_read_line, &src, theme_handler, &tp);

    if (src.long_line)
        inifile_fail(&tp.errs, src.long_line, "line too long (at most %d characters)", src.max_len);
    if (rc > 0)
        inifile_fail(&tp.errs, rc, "expected 'key = value' or '[section]'");

    if (src.read_errno) {
        report_errno(path, src.read_errno, err, errlen);
    } else if (rc < 0) {
        inifile_set_err(err, errlen, "%s: out of memory while parsing", path);
    } else if (tp.errs.line || theme_finish(&tp) < 0) {
        /* Only the first error: a theme with any is refused whole. */
        inifile_set_err(err, errlen, "%s:%d: %s", path, tp.errs.line, tp.errs.msg);
    } else {
        if (!out->name)
            out->name = name_from_path(path);
        return 0;
    }
    theme_free(out);
    return -1;
}

int theme_load(const char *path, struct theme *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "r");
    if (!f) {
        report_errno(path, errno, err, errlen);
        return -1;
    }
    int rc = theme_read(f, path, out, err, errlen);
    fclose(f);
    return rc;
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int theme_load_named(const char *name, const char *config_dir, const char *resources,
                     struct theme *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (!*name || strchr(name, '/') || name[0] == '.') {
        inifile_set_err(err, errlen,
                        "theme '%s': bad name (use a file name from themes/, e.g. 'light')", name);
        return -1;
    }

    char *user = config_dir ? xasprintf("%s/themes/%s.theme", config_dir, name) : NULL;
    char *shipped = resources ? xasprintf("%s/themes/%s.theme", resources, name) : NULL;
    int rc;
    if (user && is_file(user)) {
        rc = theme_load(user, out, err, errlen);
    } else if (shipped && is_file(shipped)) {
        rc = theme_load(shipped, out, err, errlen);
    } else {
        inifile_set_err(err, errlen, "theme '%s' not found (looked in %s and %s)", name,
                        user ? user : "(no config dir)", shipped ? shipped : "(no resource dir)");
        rc = -1;
    }
    free(user);
    free(shipped);
    return rc;
}

void theme_default(struct theme *out)
{
    FILE *f = fmemopen((void *)theme_builtin, sizeof theme_builtin - 1, "r");
    char err[256];
    if (f) {
        int rc = theme_read(f, "(built-in theme)", out, err, sizeof err);
        fclose(f);
        if (rc == 0)
            return;
    }
    /* Only reachable if fmemopen fails: plain terminal colours still work. */
    memset(out, 0, sizeof *out);
    out->name = xstrdup("default");
}

const struct style *theme_capture_style(const struct theme *t, const char *name)
{
    size_t len = strlen(name);
    for (;;) {
        for (size_t i = 0; i < t->ncaptures; i++) {
            const char *c = t->captures[i].name;
            if (strncmp(c, name, len) == 0 && c[len] == '\0')
                return &t->captures[i].style;
        }
        while (len > 0 && name[len - 1] != '.')
            len--;
        if (len == 0)
            return NULL;
        len--; /* drop the dot */
    }
}

void theme_free(struct theme *t)
{
    for (size_t i = 0; i < t->ncaptures; i++)
        free(t->captures[i].name);
    free(t->captures);
    free(t->name);
    memset(t, 0, sizeof *t);
}

/* A theme name the `theme` command can take: what theme_load_named accepts, typed as one word. */
static bool listable_name(const char *name, size_t len)
{
    if (len == 0 || name[0] == '.')
        return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)name[i];
        if (c <= ' ' || c == 0x7f || c == '/')
            return false;
    }
    return true;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

struct name_list {
    char **v;
    size_t n, cap;
};

static bool has_name(const struct name_list *l, size_t upto, const char *name)
{
    for (size_t i = 0; i < upto; i++) {
        if (strcmp(l->v[i], name) == 0)
            return true;
    }
    return false;
}

/* Appends the themes in ROOT/themes/ that are not among L's first SHADOW names, sorted among
 * themselves. Returns 0, or -1 with errno when the directory exists but cannot be read. */
static int list_dir(const char *root, struct name_list *l, size_t shadow)
{
    if (!root)
        return 0;
    char *dir = xasprintf("%s/themes", root);
    DIR *d = opendir(dir);
    if (!d) {
        int e = errno;
        free(dir);
        if (e == ENOENT || e == ENOTDIR)
            return 0;
        errno = e;
        return -1;
    }

    size_t first = l->n;
    struct dirent *de;
    errno = 0;
    while ((de = readdir(d)) != NULL) {
        size_t len = strlen(de->d_name);
        if (len <= 6 || strcmp(de->d_name + len - 6, ".theme") != 0)
            continue;
        len -= 6;
        if (!listable_name(de->d_name, len))
            continue;
        char *name = xstrndup(de->d_name, len);
        char *path = xasprintf("%s/%s", dir, de->d_name);
        if (is_file(path) && !has_name(l, shadow, name)) {
            xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
            l->v[l->n++] = name;
            name = NULL;
        }
        free(name);
        free(path);
        errno = 0;
    }
    int e = errno;
    closedir(d);
    free(dir);
    qsort(l->v + first, l->n - first, sizeof *l->v, compare_names);
    errno = e;
    return e ? -1 : 0;
}

int theme_list(const char *config_dir, const char *resources, char ***names, size_t *count)
{
    struct name_list l = {0};
    int rc = list_dir(config_dir, &l, 0);
    int e = errno;
    if (list_dir(resources, &l, l.n) < 0) {
        rc = -1;
        e = errno;
    }
    *names = l.v;
    *count = l.n;
    errno = rc < 0 ? e : 0;
    return rc;
}

void theme_list_free(char **names, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
}
