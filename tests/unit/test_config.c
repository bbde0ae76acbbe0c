/* test_config.c — the settings file: defaults, every key, the spellings of booleans, ranges,
 * and bad lines that are reported with file:line while the good ones still apply. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "testutil.h"

/* Writes TEXT as DIR/config and returns its path (a static buffer). */
static const char *write_config(const char *dir, const char *text)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/config", dir);
    tu_write_str(path, text);
    return path;
}

static void assert_defaults(const struct config *c)
{
    assert_string_equal(c->theme, "default");
    assert_true(c->mouse);
    assert_int_equal(c->tree_width, 28);
    assert_true(c->line_numbers);
    assert_int_equal(c->tab_width, 4);
}

static void test_defaults(void **state)
{
    (void)state;
    struct config c;
    config_defaults(&c);
    assert_defaults(&c);
}

static void test_missing_file_gives_defaults(void **state)
{
    struct config c;
    memset(&c, 0x5a, sizeof c);
    char path[512], err[256] = "";
    snprintf(path, sizeof path, "%s/absent", (char *)*state);
    assert_int_equal(config_load(path, &c, err, sizeof err), 0);
    assert_defaults(&c);
}

static void test_overrides(void **state)
{
    const char *path = write_config(*state, "; my settings\n"
                                            "[ui]\n"
                                            "theme = light\n"
                                            "mouse = off\n"
                                            "tree_width = 40\n"
                                            "line_numbers = no\n"
                                            "\n"
                                            "[editor]\n"
                                            "  tab_width = 8   ; indented, with a comment\n");
    struct config c;
    char err[256] = "";
    if (config_load(path, &c, err, sizeof err) < 0)
        fail_msg("%s", err);
    assert_string_equal(c.theme, "light");
    assert_false(c.mouse);
    assert_int_equal(c.tree_width, 40);
    assert_false(c.line_numbers);
    assert_int_equal(c.tab_width, 8);
}

static void test_boolean_spellings(void **state)
{
    static const struct {
        const char *word;
        bool value;
    } cases[] = {
        {"true", true},   {"yes", true}, {"on", true},   {"1", true},  {"True", true},
        {"false", false}, {"no", false}, {"off", false}, {"0", false}, {"OFF", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[128];
        /* Start from the opposite so a silent no-op would fail. */
        snprintf(text, sizeof text, "[ui]\nmouse = %s\nline_numbers = %s\n",
                 cases[i].value ? "no" : "yes", cases[i].word);
        const char *path = write_config(*state, text);
        struct config c;
        char err[256] = "";
        if (config_load(path, &c, err, sizeof err) < 0)
            fail_msg("'%s': %s", cases[i].word, err);
        assert_int_equal(c.line_numbers, cases[i].value);
        assert_int_equal(c.mouse, !cases[i].value);
    }
}

static void test_ranges(void **state)
{
    const char *path = write_config(*state, "[ui]\ntree_width = 10\n[editor]\ntab_width = 16\n");
    struct config c;
    char err[256], want[768];
    assert_int_equal(config_load(path, &c, err, sizeof err), 0);
    assert_int_equal(c.tree_width, 10);
    assert_int_equal(c.tab_width, 16);

    path = write_config(*state, "[ui]\ntree_width = 81\n");
    assert_int_equal(config_load(path, &c, err, sizeof err), -1);
    snprintf(want, sizeof want, "%s:2: tree_width = '81' is not a number from 10 to 80", path);
    assert_string_equal(err, want);
    assert_int_equal(c.tree_width, 28);

    static const char *const bad_tabs[] = {"0", "17", "-4", "four", "4x", "", "99999999999"};
    for (size_t i = 0; i < sizeof bad_tabs / sizeof bad_tabs[0]; i++) {
        char text[128];
        snprintf(text, sizeof text, "[editor]\ntab_width = %s\n", bad_tabs[i]);
        path = write_config(*state, text);
        assert_int_equal(config_load(path, &c, err, sizeof err), -1);
        assert_non_null(strstr(err, ":2: tab_width = "));
        assert_non_null(strstr(err, "is not a number from 1 to 16"));
        assert_int_equal(c.tab_width, 4);
    }
}

static void test_bad_value_keeps_default_rest_applies(void **state)
{
    const char *path = write_config(*state, "[ui]\n"
                                            "mouse = maybe\n"
                                            "tree_width = 33\n");
    struct config c;
    char err[256], want[768];
    assert_int_equal(config_load(path, &c, err, sizeof err), -1);
    snprintf(want, sizeof want,
             "%s:2: mouse = 'maybe' is not true or false (use true/false, yes/no, on/off, 1/0)",
             path);
    assert_string_equal(err, want);
    assert_true(c.mouse);
    assert_int_equal(c.tree_width, 33);
}

static void test_unknown_key_reported_rest_applies(void **state)
{
    const char *path = write_config(*state, "[ui]\n"
                                            "colour = blue\n"
                                            "theme = mono\n"
                                            "[keys]\n"
                                            "save = C-s\n"
                                            "[editor]\n"
                                            "tab_width = 2\n");
    struct config c;
    char err[256], want[768];
    assert_int_equal(config_load(path, &c, err, sizeof err), -1);
    snprintf(want, sizeof want,
             "%s:2: unknown key 'colour' in [ui] (known: theme, mouse, tree_width, "
             "line_numbers) (and 1 more)",
             path);
    assert_string_equal(err, want);
    assert_string_equal(c.theme, "mono");
    assert_int_equal(c.tab_width, 2);

    path = write_config(*state, "[keys]\nsave = C-s\n");
    assert_int_equal(config_load(path, &c, err, sizeof err), -1);
    assert_non_null(strstr(err, ":2: unknown section [keys] (use [ui] or [editor])"));

    path = write_config(*state, "theme = light\n[ui]\nmouse = no\n");
    assert_int_equal(config_load(path, &c, err, sizeof err), -1);
    assert_non_null(strstr(err, ":1: 'theme' is outside any section"));
    assert_string_equal(c.theme, "default");
    assert_false(c.mouse);
}

static void test_bad_theme_names(void **state)
{
    static const char *const bad[] = {"../etc/passwd", "a/b", ".hidden", ""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char text[128];
        snprintf(text, sizeof text, "[ui]\ntheme = %s\n", bad[i]);
        const char *path = write_config(*state, text);
        struct config c;
        char err[256];
        assert_int_equal(config_load(path, &c, err, sizeof err), -1);
        assert_non_null(strstr(err, ":2: theme = "));
        assert_string_equal(c.theme, "default");
    }

    char text[256];
    snprintf(text, sizeof text, "[ui]\ntheme = %0100d\n", 7);
    const char *path = write_config(*state, text);
    struct config c;
    char err[256];
    assert_int_equal(config_load(path, &c, err, sizeof err), -1);
    assert_non_null(strstr(err, ":2: theme name is too long (at most 63 characters)"));
    assert_string_equal(c.theme, "default");
}

static void test_syntax_error(void **state)
{
    const char *path = write_config(*state, "[ui]\nmouse = no\nwhat is this\n[editor\n");
    struct config c;
    char err[256];
    assert_int_equal(config_load(path, &c, err, sizeof err), -1);
    assert_non_null(strstr(err, ":3: expected 'key = value' or '[section]'"));
    assert_false(c.mouse);
}

static void test_unreadable(void **state)
{
    struct config c;
    char err[256];
    /* A directory where the file should be. */
    assert_int_equal(config_load(*state, &c, err, sizeof err), -1);
    assert_non_null(strstr(err, "is a directory"));
    assert_defaults(&c);

    if (geteuid() == 0)
        return; /* root reads anything */
    const char *path = write_config(*state, "[ui]\nmouse = no\n");
    chmod(path, 0);
    assert_int_equal(config_load(path, &c, err, sizeof err), -1);
    assert_non_null(strstr(err, "permission denied"));
    assert_defaults(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        TU_DIR_TEST(test_missing_file_gives_defaults),
        TU_DIR_TEST(test_overrides),
        TU_DIR_TEST(test_boolean_spellings),
        TU_DIR_TEST(test_ranges),
        TU_DIR_TEST(test_bad_value_keeps_default_rest_applies),
        TU_DIR_TEST(test_unknown_key_reported_rest_applies),
        TU_DIR_TEST(test_bad_theme_names),
        TU_DIR_TEST(test_syntax_error),
        TU_DIR_TEST(test_unreadable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
