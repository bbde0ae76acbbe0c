/* test_theme.c — loading the shipped themes (and what each promises: light, high contrast,
 * ANSI-only, no colour), the style grammar, inheritance from "text", capture lookup by longest
 * prefix, the terminal palette, the messages a user sees for a broken theme file, and the list
 * of available themes. Runs from the repository root, where themes/ lives.
 *
 * Permission checks do not apply to root, so the unreadable-directory case runs in a forked
 * child that has dropped to uid/gid 65534 when the tests run as root. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "theme.h"
#include "testutil.h"

static const char *const shipped[] = {"default", "light", "mono", "high-contrast", "ansi16"};

/* Writes TEXT to DIR/NAME and returns the path. Caller frees. */
static char *write_file(const char *dir, const char *name, const char *text)
{
    char *path = xstrdup(tu_path(dir, name));
    tu_write_str(path, text);
    return path;
}

static void assert_rgb(struct color c, uint32_t value)
{
    assert_int_equal(c.kind, COLOR_RGB);
    assert_int_equal(c.value, value);
}

static void assert_same_color(struct color a, struct color b)
{
    assert_int_equal(a.kind, b.kind);
    assert_int_equal(a.value, b.value);
}

/* Loads themes/NAME.theme, failing the test with the loader's message. */
static void load_shipped(const char *name, struct theme *t)
{
    char path[64], err[256] = "";
    snprintf(path, sizeof path, "themes/%s.theme", name);
    if (theme_load(path, t, err, sizeof err) < 0)
        fail_msg("%s", err);
}

/* X to the power 2.4 for X in (0, 1], as x^2 times the root of y^5 = x^2 (Newton's method),
 * so the test needs no libm. */
static double pow_2_4(double x)
{
    double y = 1.0;
    for (int i = 0; i < 60; i++)
        y -= (y * y * y * y * y - x * x) / (5 * y * y * y * y);
    return x * x * y;
}

/* WCAG 2 relative luminance, for contrast ratios: 1 (none) to 21 (black on white). */
static double luminance(uint32_t rgb)
{
    double sum = 0;
    static const double weight[3] = {0.2126, 0.7152, 0.0722};
    for (int i = 0; i < 3; i++) {
        double c = (double)(rgb >> (16 - 8 * i) & 0xff) / 255.0;
        c = c <= 0.03928 ? c / 12.92 : pow_2_4((c + 0.055) / 1.055);
        sum += weight[i] * c;
    }
    return sum;
}

static double contrast(struct color a, struct color b)
{
    assert_int_equal(a.kind, COLOR_RGB);
    assert_int_equal(b.kind, COLOR_RGB);
    double la = luminance(a.value), lb = luminance(b.value);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

static void assert_same_style(const struct style *a, const struct style *b)
{
    assert_int_equal(a->fg.kind, b->fg.kind);
    assert_int_equal(a->fg.value, b->fg.value);
    assert_int_equal(a->bg.kind, b->bg.kind);
    assert_int_equal(a->bg.value, b->bg.value);
    assert_int_equal(a->attrs, b->attrs);
    assert_int_equal(a->set, b->set);
}

static void test_default_file(void **state)
{
    (void)state;
    struct theme t;
    char err[256] = "";
    assert_int_equal(theme_load("themes/default.theme", &t, err, sizeof err), 0);
    assert_string_equal(t.name, "default");
    assert_rgb(t.ui[UI_TEXT].fg, 0xabb2bf);
    assert_rgb(t.ui[UI_TEXT].bg, 0x282c34);
    /* "selection = on #3e4451": the foreground comes from text. */
    assert_rgb(t.ui[UI_SELECTION].fg, 0xabb2bf);
    assert_rgb(t.ui[UI_SELECTION].bg, 0x3e4451);
    assert_int_equal(t.ui[UI_SEARCH_CURRENT].attrs, THEME_BOLD);
    assert_rgb(t.ui[UI_STATUS].bg, 0x3b4048);

    const struct style *kw = theme_capture_style(&t, "keyword");
    assert_non_null(kw);
    assert_rgb(kw->fg, 0xc678dd);
    /* Syntax styles are overlays: a left-out background is the default, not text's. */
    assert_int_equal(kw->bg.kind, COLOR_DEFAULT);
    assert_int_equal(theme_capture_style(&t, "comment")->attrs, THEME_ITALIC);
    theme_free(&t);
}

static void test_shipped_themes_are_complete(void **state)
{
    (void)state;
    /* The usual tree-sitter captures; mono deliberately styles only a few of them. */
    static const char *const captures[] = {
        "keyword",
        "function",
        "function.builtin",
        "function.method",
        "type",
        "type.builtin",
        "string",
        "string.escape",
        "number",
        "constant",
        "constant.builtin",
        "boolean",
        "comment",
        "variable",
        "variable.builtin",
        "variable.parameter",
        "property",
        "operator",
        "punctuation",
        "punctuation.bracket",
        "punctuation.delimiter",
        "attribute",
        "constructor",
        "tag",
        "label",
        "module",
        "embedded",
        "escape",
    };
    for (size_t i = 0; i < sizeof shipped / sizeof shipped[0]; i++) {
        const char *path = shipped[i];
        struct theme t;
        load_shipped(shipped[i], &t);
        assert_string_equal(t.name, shipped[i]);
        int missing = 0;
        for (int u = 0; u < UI_COUNT; u++) {
            if (!t.ui[u].set) {
                print_error("%s does not set '%s'\n", path, theme_ui_names[u]);
                missing++;
            }
        }
        for (size_t c = 0; c < sizeof captures / sizeof captures[0]; c++) {
            if (strcmp(shipped[i], "mono") == 0)
                break;
            /* Exact entries, not a fallback to a shorter prefix. */
            const struct style *s = theme_capture_style(&t, captures[c]);
            bool exact = false;
            for (size_t k = 0; k < t.ncaptures; k++)
                exact |= &t.captures[k].style == s && strcmp(t.captures[k].name, captures[c]) == 0;
            if (!exact) {
                print_error("%s has no style for '%s'\n", path, captures[c]);
                missing++;
            }
        }
        theme_free(&t);
        assert_int_equal(missing, 0);
    }
}

static void test_light_is_light(void **state)
{
    (void)state;
    struct theme t;
    char err[256];
    assert_int_equal(theme_load("themes/light.theme", &t, err, sizeof err), 0);
    uint32_t fg = t.ui[UI_TEXT].fg.value, bg = t.ui[UI_TEXT].bg.value;
    assert_int_equal(t.ui[UI_TEXT].bg.kind, COLOR_RGB);
    /* A light background under darker text. */
    assert_true((bg & 0xff) > 0xe0);
    assert_true((fg >> 16 & 0xff) < (bg >> 16 & 0xff));
    theme_free(&t);
}

static void test_mono_has_no_colours(void **state)
{
    (void)state;
    struct theme t;
    char err[256];
    assert_int_equal(theme_load("themes/mono.theme", &t, err, sizeof err), 0);
    for (int u = 0; u < UI_COUNT; u++) {
        assert_int_equal(t.ui[u].fg.kind, COLOR_DEFAULT);
        assert_int_equal(t.ui[u].bg.kind, COLOR_DEFAULT);
    }
    for (size_t i = 0; i < t.ncaptures; i++) {
        assert_int_equal(t.captures[i].style.fg.kind, COLOR_DEFAULT);
        assert_int_equal(t.captures[i].style.bg.kind, COLOR_DEFAULT);
    }
    assert_int_equal(t.ui[UI_SELECTION].attrs, THEME_REVERSE);
    assert_int_equal(theme_capture_style(&t, "keyword")->attrs, THEME_BOLD);
    theme_free(&t);
}

static void test_high_contrast(void **state)
{
    (void)state;
    struct theme t;
    load_shipped("high-contrast", &t);
    const struct style *ui = t.ui;
    assert_rgb(ui[UI_TEXT].bg, 0x000000);
    assert_rgb(ui[UI_TEXT].fg, 0xffffff);
    /* Every element reads at 7:1 or better (WCAG AAA), on its own background. */
    for (int u = 0; u < UI_COUNT; u++) {
        double r = contrast(ui[u].fg, ui[u].bg);
        if (r < 7.0)
            fail_msg("'%s' has contrast %.2f, below 7", theme_ui_names[u], r);
    }
    /* Syntax colours too, and they stay readable where the selection and the cursor line
     * lie underneath, which must both stand out from the background. */
    for (size_t i = 0; i < t.ncaptures; i++) {
        const struct style *s = &t.captures[i].style;
        struct color fg = s->fg.kind == COLOR_DEFAULT ? ui[UI_TEXT].fg : s->fg;
        if (contrast(fg, ui[UI_TEXT].bg) < 7.0 || contrast(fg, ui[UI_SELECTION].bg) < 4.5 ||
            contrast(fg, ui[UI_CURSOR_LINE].bg) < 4.5)
            fail_msg("'%s' is too faint", t.captures[i].name);
    }
    assert_int_not_equal(ui[UI_SELECTION].bg.value, ui[UI_TEXT].bg.value);
    assert_int_not_equal(ui[UI_CURSOR_LINE].bg.value, ui[UI_TEXT].bg.value);
    assert_int_not_equal(ui[UI_SELECTION].bg.value, ui[UI_CURSOR_LINE].bg.value);
    assert_true(theme_capture_style(&t, "keyword")->attrs & THEME_BOLD);
    assert_true(theme_capture_style(&t, "keyword.control")->attrs & THEME_BOLD);
    /* The terminal pane: every colour but black readable on its black. */
    assert_true(t.has_palette);
    assert_rgb(t.term_bg, 0x000000);
    for (int i = 1; i < 16; i++)
        assert_true(contrast(t.palette[i], t.term_bg) >= 4.5);
    theme_free(&t);
}

static void assert_ansi(struct color c, const char *what)
{
    if (c.kind == COLOR_RGB || (c.kind == COLOR_INDEX && c.value > 15))
        fail_msg("ansi16: '%s' uses a colour outside the 16 ANSI ones", what);
}

static void test_ansi16_only_ansi_colours(void **state)
{
    (void)state;
    struct theme t;
    load_shipped("ansi16", &t);
    /* The terminal's own foreground and background... */
    assert_int_equal(t.ui[UI_TEXT].fg.kind, COLOR_DEFAULT);
    assert_int_equal(t.ui[UI_TEXT].bg.kind, COLOR_DEFAULT);
    /* ...and only palette colours elsewhere, so a retinted palette retints shed. */
    for (int u = 0; u < UI_COUNT; u++) {
        assert_ansi(t.ui[u].fg, theme_ui_names[u]);
        assert_ansi(t.ui[u].bg, theme_ui_names[u]);
    }
    for (size_t i = 0; i < t.ncaptures; i++) {
        assert_ansi(t.captures[i].style.fg, t.captures[i].name);
        assert_ansi(t.captures[i].style.bg, t.captures[i].name);
    }
    /* Syntax is coloured, not just styled: keywords and strings differ. */
    const struct style *kw = theme_capture_style(&t, "keyword");
    const struct style *str = theme_capture_style(&t, "string");
    assert_int_equal(kw->fg.kind, COLOR_INDEX);
    assert_int_equal(str->fg.kind, COLOR_INDEX);
    assert_int_not_equal(kw->fg.value, str->fg.value);
    /* Fitting to an 8- or 16-colour terminal changes nothing but folding bright to normal. */
    assert_int_equal(color_to_index(kw->fg, 16), (int)kw->fg.value);
    assert_int_equal(color_to_index(kw->fg, 8), (int)kw->fg.value % 8);
    /* No palette of its own: the terminal pane keeps the user's. */
    assert_false(t.has_palette);
    theme_free(&t);
}

static void test_terminal_palettes(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        bool palette;
    } cases[] = {
        {"default", true}, {"light", true}, {"high-contrast", true},
        {"ansi16", false}, {"mono", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct theme t;
        load_shipped(cases[i].name, &t);
        assert_int_equal(t.has_palette, cases[i].palette);
        for (int c = 0; c < 16; c++) {
            /* A palette is whole; without one nothing is set. */
            if (cases[i].palette)
                assert_int_equal(t.palette[c].kind, COLOR_RGB);
            else
                assert_int_equal(t.palette[c].kind, COLOR_DEFAULT);
        }
        /* The pane's own colours match the editor's text. */
        assert_same_color(t.term_fg, t.ui[UI_TEXT].fg);
        assert_same_color(t.term_bg, t.ui[UI_TEXT].bg);
        theme_free(&t);
    }

    struct theme t;
    load_shipped("default", &t);
    assert_rgb(t.palette[0], 0x3f4451);
    assert_rgb(t.palette[1], 0xe06c75);
    assert_rgb(t.palette[15], 0xffffff);
    /* Black must not vanish into the background. */
    assert_int_not_equal(t.palette[0].value, t.term_bg.value);
    theme_free(&t);

    load_shipped("light", &t);
    /* On a light background, "white" text must still be visible. */
    assert_true(contrast(t.palette[7], t.term_bg) >= 2.0);
    assert_true(contrast(t.palette[15], t.term_bg) >= 1.5);
    assert_true(contrast(t.palette[0], t.term_bg) >= 7.0);
    theme_free(&t);
}

static void test_builtin_matches_default_file(void **state)
{
    (void)state;
    struct theme file, builtin;
    char err[256];
    assert_int_equal(theme_load("themes/default.theme", &file, err, sizeof err), 0);
    theme_default(&builtin);
    assert_string_equal(builtin.name, file.name);
    for (int u = 0; u < UI_COUNT; u++)
        assert_same_style(&builtin.ui[u], &file.ui[u]);
    assert_int_equal(builtin.ncaptures, file.ncaptures);
    for (size_t i = 0; i < file.ncaptures; i++) {
        assert_string_equal(builtin.captures[i].name, file.captures[i].name);
        assert_same_style(&builtin.captures[i].style, &file.captures[i].style);
    }
    assert_true(builtin.has_palette);
    assert_int_equal(builtin.has_palette, file.has_palette);
    for (int i = 0; i < 16; i++)
        assert_same_color(builtin.palette[i], file.palette[i]);
    assert_same_color(builtin.term_fg, file.term_fg);
    assert_same_color(builtin.term_bg, file.term_bg);
    theme_free(&file);
    theme_free(&builtin);
}

static void test_capture_longest_prefix(void **state)
{
    (void)state;
    struct theme t;
    theme_default(&t);
    const struct style *builtin = theme_capture_style(&t, "function.builtin");
    const struct style *function = theme_capture_style(&t, "function");
    assert_non_null(builtin);
    assert_non_null(function);
    assert_rgb(builtin->fg, 0x56b6c2);
    assert_rgb(function->fg, 0x61afef);
    assert_ptr_equal(theme_capture_style(&t, "function.builtin.static"), builtin);
    assert_ptr_equal(theme_capture_style(&t, "function.call"), function);
    assert_ptr_equal(theme_capture_style(&t, "keyword.control.flow"),
                     theme_capture_style(&t, "keyword"));
    /* Prefixes are whole components: "functional" is not "function". */
    assert_null(theme_capture_style(&t, "functional"));
    assert_null(theme_capture_style(&t, "nothing.here"));
    assert_null(theme_capture_style(&t, ""));
    theme_free(&t);
}

static void test_parse_style(void **state)
{
    (void)state;
    struct style s;
    char err[200];
    assert_int_equal(theme_parse_style("bold #fff on 236", &s, err, sizeof err), 0);
    assert_int_equal(s.attrs, THEME_BOLD);
    assert_rgb(s.fg, 0xffffff);
    assert_int_equal(s.bg.kind, COLOR_INDEX);
    assert_int_equal(s.bg.value, 236);
    assert_int_equal(s.set, 1);

    assert_int_equal(theme_parse_style("on red", &s, err, sizeof err), 0);
    assert_int_equal(s.fg.kind, COLOR_DEFAULT);
    assert_int_equal(s.bg.kind, COLOR_INDEX);
    assert_int_equal(s.bg.value, 1);
    assert_int_equal(s.attrs, 0);

    assert_int_equal(
        theme_parse_style("  bold italic underline reverse dim  ", &s, err, sizeof err), 0);
    assert_int_equal(s.attrs,
                     THEME_BOLD | THEME_ITALIC | THEME_UNDERLINE | THEME_REVERSE | THEME_DIM);
    assert_int_equal(s.fg.kind, COLOR_DEFAULT);

    assert_int_equal(theme_parse_style("default", &s, err, sizeof err), 0);
    assert_int_equal(s.fg.kind, COLOR_DEFAULT);
}

static void test_parse_style_errors(void **state)
{
    (void)state;
    struct style s;
    char err[200];
    assert_int_equal(theme_parse_style("bold reddd", &s, err, sizeof err), -1);
    assert_string_equal(err, "unknown colour 'reddd' (use a name, 0-255 or #rrggbb)");
    assert_int_equal(theme_parse_style("bolt red", &s, err, sizeof err), -1);
    assert_string_equal(err, "unknown attribute 'bolt' (did you mean 'bold'?)");
    assert_int_equal(theme_parse_style("red blue", &s, err, sizeof err), -1);
    assert_non_null(strstr(err, "two foreground colours"));
    assert_int_equal(theme_parse_style("bold on", &s, err, sizeof err), -1);
    assert_non_null(strstr(err, "'on' needs a colour"));
    assert_int_equal(theme_parse_style("on red on blue", &s, err, sizeof err), -1);
    assert_non_null(strstr(err, "two backgrounds"));
    assert_int_equal(theme_parse_style("", &s, err, sizeof err), -1);
    assert_non_null(strstr(err, "empty style"));
    assert_int_equal(theme_parse_style("#12345", &s, err, sizeof err), -1);
}

static void test_bad_colour_names_line(void **state)
{
    char *path = write_file(*state, "x.theme",
                            "[theme]\n"
                            "name = x\n"
                            "\n"
                            "[ui]\n"
                            "text = #ffffff on #000000\n"
                            "status = bold reddd on blue\n");
    struct theme t;
    char err[256], want[512];
    assert_int_equal(theme_load(path, &t, err, sizeof err), -1);
    snprintf(want, sizeof want, "%s:6: unknown colour 'reddd' (use a name, 0-255 or #rrggbb)",
             path);
    assert_string_equal(err, want);
    /* A refused theme leaves nothing to free and can be freed anyway. */
    assert_null(t.name);
    assert_int_equal(t.ncaptures, 0);
    theme_free(&t);
    free(path);
}

static void test_unknown_key_refused(void **state)
{
    char *path = write_file(*state, "typo.theme", "[ui]\ntext = red\ntxt = blue\n");
    struct theme t;
    char err[256], want[512];
    assert_int_equal(theme_load(path, &t, err, sizeof err), -1);
    snprintf(want, sizeof want, "%s:3: unknown key 'txt' in [ui] (did you mean 'text'?)", path);
    assert_string_equal(err, want);
    free(path);

    path = write_file(*state, "far.theme", "[ui]\nwallpaper = blue\n");
    assert_int_equal(theme_load(path, &t, err, sizeof err), -1);
    assert_non_null(strstr(err, ":2: unknown key 'wallpaper' in [ui]"));
    free(path);

    path = write_file(*state, "section.theme", "[colors]\ntext = blue\n");
    assert_int_equal(theme_load(path, &t, err, sizeof err), -1);
    assert_non_null(
        strstr(err, ":2: unknown section [colors] (use [theme], [ui], [syntax] or [terminal])"));
    free(path);

    path = write_file(*state, "author.theme", "[theme]\nauthor = me\n");
    assert_int_equal(theme_load(path, &t, err, sizeof err), -1);
    assert_non_null(strstr(err, ":2: unknown key 'author' in [theme]"));
    free(path);

    path = write_file(*state, "capture.theme", "[syntax]\nkeyword..x = red\n");
    assert_int_equal(theme_load(path, &t, err, sizeof err), -1);
    assert_non_null(strstr(err, ":2: bad capture name 'keyword..x'"));
    free(path);
}

static void test_syntax_error_line(void **state)
{
    char *path = write_file(*state, "junk.theme", "[ui]\n; a comment\ntext = red\nnonsense\n");
    struct theme t;
    char err[256];
    assert_int_equal(theme_load(path, &t, err, sizeof err), -1);
    assert_non_null(strstr(err, ":4: expected 'key = value' or '[section]'"));
    free(path);

    char long_line[400];
    memset(long_line, 'a', sizeof long_line);
    memcpy(long_line, "text = ", 7);
    long_line[sizeof long_line - 2] = '\n';
    long_line[sizeof long_line - 1] = '\0';
    char text[512];
    snprintf(text, sizeof text, "[ui]\n%sgutter = red\n", long_line);
    path = write_file(*state, "long.theme", text);
    assert_int_equal(theme_load(path, &t, err, sizeof err), -1);
    assert_non_null(strstr(err, ":2: line too long"));
    free(path);
}

static void test_inheritance(void **state)
{
    char *path = write_file(*state, "partial.theme",
                            "[ui]\n"
                            "    selection = reverse on blue\n"
                            "    text = #102030 on #405060\n"
                            "[syntax]\n"
                            "comment = italic\n"
                            "comment = dim green ; later lines win\n");
    struct theme t;
    char err[256] = "";
    if (theme_load(path, &t, err, sizeof err) < 0)
        fail_msg("%s", err);
    /* No [theme] name: the file's name. */
    assert_string_equal(t.name, "partial");
    assert_int_equal(t.ui[UI_TEXT].set, 1);
    /* An element the file never names is a copy of text, marked unset. */
    assert_int_equal(t.ui[UI_GUTTER].set, 0);
    assert_rgb(t.ui[UI_GUTTER].fg, 0x102030);
    assert_rgb(t.ui[UI_GUTTER].bg, 0x405060);
    /* A named element keeps its own parts and takes the missing colour from text, even when
     * text comes later in the file. */
    assert_int_equal(t.ui[UI_SELECTION].set, 1);
    assert_int_equal(t.ui[UI_SELECTION].attrs, THEME_REVERSE);
    assert_rgb(t.ui[UI_SELECTION].fg, 0x102030);
    assert_int_equal(t.ui[UI_SELECTION].bg.kind, COLOR_INDEX);
    assert_int_equal(t.ui[UI_SELECTION].bg.value, 4);
    assert_int_equal(t.ncaptures, 1);
    const struct style *c = theme_capture_style(&t, "comment");
    assert_int_equal(c->attrs, THEME_DIM);
    assert_int_equal(c->fg.value, 2);
    assert_int_equal(c->bg.kind, COLOR_DEFAULT);
    theme_free(&t);
    free(path);
}

/* A theme with [ui] text and the [terminal] lines BODY. */
static char *terminal_theme(const char *dir, const char *body)
{
    char *text = xasprintf("[ui]\ntext = #102030 on #405060\n[terminal]\n%s", body);
    char *path = write_file(dir, "term.theme", text);
    free(text);
    return path;
}

/* All 16 palette lines, color N being index 100 + N. */
static char *full_palette(void)
{
    char *p = xstrdup("");
    for (int i = 0; i < 16; i++) {
        char *next = xasprintf("%scolor%d = %d\n", p, i, 100 + i);
        free(p);
        p = next;
    }
    return p;
}

static void test_terminal_section(void **state)
{
    char *palette = full_palette();
    char *body =
        xasprintf("background = black\n%sforeground = #fff\ncolor3 = brightred\n", palette);
    char *path = terminal_theme(*state, body);
    struct theme t;
    char err[256] = "";
    if (theme_load(path, &t, err, sizeof err) < 0)
        fail_msg("%s", err);
    assert_true(t.has_palette);
    assert_int_equal(t.palette[0].kind, COLOR_INDEX);
    assert_int_equal(t.palette[0].value, 100);
    assert_int_equal(t.palette[15].value, 115);
    /* A later line wins, as elsewhere. */
    assert_int_equal(t.palette[3].value, 9);
    assert_rgb(t.term_fg, 0xffffff);
    assert_int_equal(t.term_bg.kind, COLOR_INDEX);
    assert_int_equal(t.term_bg.value, 0);
    theme_free(&t);
    free(path);
    free(body);

    /* Only the pane's colours: no palette, and the missing one is text's. */
    path = terminal_theme(*state, "foreground = default\n");
    if (theme_load(path, &t, err, sizeof err) < 0)
        fail_msg("%s", err);
    assert_false(t.has_palette);
    assert_int_equal(t.palette[5].kind, COLOR_DEFAULT);
    assert_int_equal(t.term_fg.kind, COLOR_DEFAULT);
    assert_rgb(t.term_bg, 0x405060);
    theme_free(&t);
    free(path);

    /* An empty section is no palette either. */
    path = terminal_theme(*state, "");
    assert_int_equal(theme_load(path, &t, err, sizeof err), 0);
    assert_false(t.has_palette);
    assert_rgb(t.term_fg, 0x102030);
    theme_free(&t);
    free(path);
    free(palette);
}

/* Loads a [terminal] theme made of BODY and expects the message WANT after "term.theme:". */
static void assert_terminal_error(const char *dir, const char *body, const char *want)
{
    char *path = terminal_theme(dir, body);
    struct theme t;
    char err[256] = "";
    assert_int_equal(theme_load(path, &t, err, sizeof err), -1);
    const char *at = strstr(err, "term.theme:");
    if (!at || strcmp(at + strlen("term.theme:"), want) != 0)
        fail_msg("got '%s', want '...term.theme:%s'", err, want);
    assert_false(t.has_palette);
    assert_null(t.name);
    free(path);
}

static void test_terminal_errors(void **state)
{
    const char *dir = *state;
    assert_terminal_error(dir, "colour3 = red\n",
                          "4: unknown key 'colour3' in [terminal] (did you mean 'color3'?)");
    assert_terminal_error(
        dir, "color16 = red\n",
        "4: unknown key 'color16' in [terminal] (the palette is color0..color15)");
    assert_terminal_error(dir, "cursor = red\n",
                          "4: unknown key 'cursor' in [terminal] (use color0..color15, foreground, "
                          "background)");
    assert_terminal_error(dir, "color1 = bold red\n",
                          "4: color1 = 'bold red' is not one colour (write a name, 0-255 or "
                          "#rrggbb)");
    assert_terminal_error(dir, "foreground = \n",
                          "4: foreground = '' is not one colour (write a name, 0-255 or #rrggbb)");
    assert_terminal_error(dir, "color1 = purple\n",
                          "4: unknown colour 'purple' (use a name, 0-255 or #rrggbb)");
    assert_terminal_error(dir, "color2 = default\n",
                          "4: color2 cannot be 'default' (give the colour programs get for ANSI "
                          "colour 2)");
    /* A partial palette names what it leaves out, at its first colour's line. */
    assert_terminal_error(dir,
                          "foreground = white\n"
                          "color0 = black\ncolor1 = red\ncolor2 = green\ncolor3 = yellow\n"
                          "color4 = blue\ncolor5 = magenta\ncolor6 = cyan\ncolor7 = white\n"
                          "color8 = gray\ncolor10 = 10\ncolor11 = 11\ncolor12 = 12\n"
                          "color13 = 13\ncolor14 = 14\n",
                          "5: [terminal] leaves out color9, color15 (a palette names all 16, "
                          "color0..color15)");
}

static void test_missing_file(void **state)
{
    struct theme t;
    char err[256], path[512];
    snprintf(path, sizeof path, "%s/none.theme", (char *)*state);
    assert_int_equal(theme_load(path, &t, err, sizeof err), -1);
    assert_non_null(strstr(err, "none.theme: no such file"));
    assert_int_equal(theme_load(*state, &t, err, sizeof err), -1);
    assert_non_null(strstr(err, "is a directory"));
}

static void test_load_named_prefers_config_dir(void **state)
{
    const char *dir = *state;
    char themes[512];
    snprintf(themes, sizeof themes, "%s/themes", dir);
    assert_int_equal(mkdir(themes, 0700), 0);
    char *path = write_file(themes, "default.theme", "[theme]\nname = mine\n[ui]\ntext = red\n");

    struct theme t;
    char err[256] = "";
    /* The user's copy shadows the shipped one... */
    assert_int_equal(theme_load_named("default", dir, ".", &t, err, sizeof err), 0);
    assert_string_equal(t.name, "mine");
    theme_free(&t);
    /* ...and shipped themes are found when the user has none. */
    assert_int_equal(theme_load_named("light", dir, ".", &t, err, sizeof err), 0);
    assert_string_equal(t.name, "light");
    theme_free(&t);
    assert_int_equal(theme_load_named("default", NULL, ".", &t, err, sizeof err), 0);
    assert_string_equal(t.name, "default");
    theme_free(&t);

    assert_int_equal(theme_load_named("nope", dir, ".", &t, err, sizeof err), -1);
    assert_non_null(strstr(err, "theme 'nope' not found"));
    assert_non_null(strstr(err, "./themes/nope.theme"));
    assert_int_equal(theme_load_named("../themes/default", dir, ".", &t, err, sizeof err), -1);
    assert_int_equal(theme_load_named("", dir, ".", &t, err, sizeof err), -1);

    /* A broken user theme is reported, not silently replaced by the shipped one. */
    free(path);
    path = write_file(themes, "light.theme", "[ui]\ntext = purple\n");
    assert_int_equal(theme_load_named("light", dir, ".", &t, err, sizeof err), -1);
    assert_non_null(strstr(err, "light.theme:2: unknown colour 'purple'"));
    free(path);
}

/* Makes DIR/themes and puts a theme file in it for each name. */
static void make_themes(const char *dir, const char *const *names, size_t n)
{
    char *themes = xasprintf("%s/themes", dir);
    if (mkdir(themes, 0755) != 0 && errno != EEXIST)
        fail_msg("mkdir %s", themes);
    for (size_t i = 0; i < n; i++) {
        char *file = xasprintf("%s.theme", names[i]);
        free(write_file(themes, file, "[ui]\ntext = red\n"));
        free(file);
    }
    free(themes);
}

/* Asserts that theme_list(CONFIG, RES) gives exactly the N names WANT, in order. */
static void assert_list(const char *config, const char *res, const char *const *want, size_t n)
{
    char **names = NULL;
    size_t count = 99;
    assert_int_equal(theme_list(config, res, &names, &count), 0);
    bool same = count == n;
    for (size_t i = 0; same && i < n; i++)
        same = strcmp(names[i], want[i]) == 0;
    if (!same) {
        for (size_t i = 0; i < count; i++)
            print_error("got %s\n", names[i]);
        theme_list_free(names, count);
        fail_msg("theme_list gave %zu names, want %zu", count, n);
    }
    theme_list_free(names, count);
}

static void test_list(void **state)
{
    const char *dir = *state;
    char *user = xasprintf("%s/user", dir), *res = xasprintf("%s/res", dir);
    assert_int_equal(mkdir(user, 0755), 0);
    assert_int_equal(mkdir(res, 0755), 0);
    static const char *const mine[] = {"zen", "light", "mine", "bad name"};
    static const char *const ours[] = {"mono", "light", "default", "ansi16", ".hidden"};
    make_themes(user, mine, 4);
    make_themes(res, ours, 5);
    /* Not themes: other extensions, a bare ".theme", a directory, a dangling link. */
    tu_write_str(tu_path(user, "themes/notes.txt"), "x");
    tu_write_str(tu_path(user, "themes/.theme"), "x");
    tu_write_str(tu_path(user, "themes/old.theme~"), "x");
    assert_int_equal(mkdir(tu_path(user, "themes/dir.theme"), 0755), 0);
    assert_int_equal(symlink("nowhere.theme", tu_path(user, "themes/gone.theme")), 0);
    /* A link to a theme file is one. */
    assert_int_equal(symlink("zen.theme", tu_path(user, "themes/calm.theme")), 0);

    /* The user's first, sorted, then the shipped ones the user's do not shadow. */
    static const char *const both[] = {"calm", "light", "mine", "zen", "ansi16", "default", "mono"};
    assert_list(user, res, both, 7);
    static const char *const shipped_only[] = {"ansi16", "default", "light", "mono"};
    assert_list(NULL, res, shipped_only, 4);
    assert_list(tu_path(dir, "nothing"), res, shipped_only, 4);
    static const char *const user_only[] = {"calm", "light", "mine", "zen"};
    assert_list(user, NULL, user_only, 4);
    assert_list(NULL, NULL, NULL, 0);

    /* Every name listed loads by that name. */
    char **names;
    size_t count;
    assert_int_equal(theme_list(user, res, &names, &count), 0);
    for (size_t i = 0; i < count; i++) {
        struct theme t;
        char err[256];
        if (theme_load_named(names[i], user, res, &t, err, sizeof err) < 0)
            fail_msg("%s", err);
        theme_free(&t);
    }
    theme_list_free(names, count);
    free(user);
    free(res);
}

static void test_list_shipped(void **state)
{
    (void)state;
    char **names;
    size_t count;
    assert_int_equal(theme_list(NULL, ".", &names, &count), 0);
    /* At least the five shipped themes, all of them listed. */
    size_t found = 0;
    for (size_t i = 0; i < count; i++) {
        for (size_t k = 0; k < sizeof shipped / sizeof shipped[0]; k++)
            found += strcmp(names[i], shipped[k]) == 0;
    }
    assert_int_equal(found, sizeof shipped / sizeof shipped[0]);
    theme_list_free(names, count);
}

struct list_ctx {
    const char *user, *res;
};

/* Lists as an unprivileged user would: 0 when the unreadable directory is reported (-1,
 * EACCES) and the readable one's themes still come through. */
static int list_unreadable(void *arg, char *err, size_t errlen)
{
    (void)err, (void)errlen;
    const struct list_ctx *c = arg;
    char **names;
    size_t count;
    int rc = theme_list(c->user, c->res, &names, &count);
    int e = errno;
    int ok = rc == -1 && e == EACCES && count == 1 && strcmp(names[0], "default") == 0;
    theme_list_free(names, count);
    return ok ? 0 : 1;
}

static void test_list_unreadable_dir(void **state)
{
    const char *dir = *state;
    assert_int_equal(chmod(dir, 0755), 0); /* so an unprivileged child can reach it */
    char *user = xasprintf("%s/user", dir), *res = xasprintf("%s/res", dir);
    assert_int_equal(mkdir(user, 0755), 0);
    assert_int_equal(mkdir(res, 0755), 0);
    static const char *const mine[] = {"mine"};
    static const char *const ours[] = {"default"};
    make_themes(user, mine, 1);
    make_themes(res, ours, 1);
    assert_int_equal(chmod(tu_path(user, "themes"), 0), 0);
    struct list_ctx c = {user, res};
    char err[256];
    assert_int_equal(tu_unprivileged(list_unreadable, &c, err, sizeof err), 0);
    assert_int_equal(chmod(tu_path(user, "themes"), 0755), 0);
    free(user);
    free(res);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_file),
        cmocka_unit_test(test_shipped_themes_are_complete),
        cmocka_unit_test(test_light_is_light),
        cmocka_unit_test(test_mono_has_no_colours),
        cmocka_unit_test(test_high_contrast),
        cmocka_unit_test(test_ansi16_only_ansi_colours),
        cmocka_unit_test(test_terminal_palettes),
        cmocka_unit_test(test_builtin_matches_default_file),
        cmocka_unit_test(test_capture_longest_prefix),
        cmocka_unit_test(test_parse_style),
        cmocka_unit_test(test_parse_style_errors),
        TU_DIR_TEST(test_bad_colour_names_line),
        TU_DIR_TEST(test_unknown_key_refused),
        TU_DIR_TEST(test_syntax_error_line),
        TU_DIR_TEST(test_inheritance),
        TU_DIR_TEST(test_missing_file),
        TU_DIR_TEST(test_load_named_prefers_config_dir),
        TU_DIR_TEST(test_terminal_section),
        TU_DIR_TEST(test_terminal_errors),
        TU_DIR_TEST(test_list),
        cmocka_unit_test(test_list_shipped),
        TU_DIR_TEST(test_list_unreadable_dir),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
