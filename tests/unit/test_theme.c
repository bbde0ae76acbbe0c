/* test_theme.c — loading the shipped themes, the style grammar, inheritance from "text",
 * capture lookup by longest prefix, and the messages a user sees for a broken theme file.
 * Runs from the repository root, where themes/ lives. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "theme.h"
#include "testutil.h"

static const char *const shipped[] = {"default", "light", "mono"};

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
        char path[64], err[256] = "";
        snprintf(path, sizeof path, "themes/%s.theme", shipped[i]);
        struct theme t;
        if (theme_load(path, &t, err, sizeof err) < 0)
            fail_msg("%s", err);
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
    assert_non_null(strstr(err, ":2: unknown section [colors] (use [theme], [ui] or [syntax])"));
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_file),
        cmocka_unit_test(test_shipped_themes_are_complete),
        cmocka_unit_test(test_light_is_light),
        cmocka_unit_test(test_mono_has_no_colours),
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
