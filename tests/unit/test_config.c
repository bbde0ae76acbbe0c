/* test_config.c — the settings file: defaults, every key, the spellings of booleans, ranges,
 * and bad lines that are reported with file:line while the good ones still apply; then
 * config_set, which must change one setting and leave every other byte of the file alone.
 *
 * Permission checks do not apply to root, so when the tests run as root the unwritable cases
 * run in a forked child that has dropped to uid/gid 65534; it reports through its exit status
 * and sends the error message back through a pipe. */
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

/* config_set on DIR/config, failing the test with its message. */
static const char *set_ok(const char *dir, const char *section, const char *key, const char *value)
{
    const char *path = tu_path(dir, "config");
    char err[512] = "";
    if (config_set(path, section, key, value, err, sizeof err) < 0)
        fail_msg("config_set: %s", err);
    return path;
}

/* Writes BEFORE as DIR/config, sets SECTION.KEY = VALUE, and expects exactly AFTER. */
static void assert_set(const char *dir, const char *before, const char *section, const char *key,
                       const char *value, const char *after)
{
    write_config(dir, before);
    tu_assert_file_str(set_ok(dir, section, key, value), after);
}

static void test_set_keeps_comments(void **state)
{
    const char *before = "# shed settings, by hand\n"
                         "; another comment\n"
                         "\n"
                         "[ui]\n"
                         "  theme = default   ; my favourite\n"
                         "mouse = off\n"
                         "\n"
                         "# the editor\n"
                         "[editor]\n"
                         "tab_width=8\n";
    const char *after = "# shed settings, by hand\n"
                        "; another comment\n"
                        "\n"
                        "[ui]\n"
                        "  theme = high-contrast   ; my favourite\n"
                        "mouse = off\n"
                        "\n"
                        "# the editor\n"
                        "[editor]\n"
                        "tab_width=8\n";
    assert_set(*state, before, "ui", "theme", "high-contrast", after);

    struct config c;
    char err[256] = "";
    if (config_load(tu_path(*state, "config"), &c, err, sizeof err) < 0)
        fail_msg("%s", err);
    assert_string_equal(c.theme, "high-contrast");
    assert_false(c.mouse);
    assert_int_equal(c.tab_width, 8);

    /* And back: the file is byte for byte what the user wrote. */
    tu_assert_file_str(set_ok(*state, "ui", "theme", "default"), before);
    /* The file's own spacing around the separator is kept. */
    tu_assert_file_str(set_ok(*state, "editor", "tab_width", "2"),
                       "# shed settings, by hand\n"
                       "; another comment\n"
                       "\n"
                       "[ui]\n"
                       "  theme = default   ; my favourite\n"
                       "mouse = off\n"
                       "\n"
                       "# the editor\n"
                       "[editor]\n"
                       "tab_width=2\n");
}

static void test_set_adds_key_to_section(void **state)
{
    /* After the section's last key, before the blank line and the next section's comment. */
    assert_set(*state,
               "[ui]\n"
               "    mouse = no\n"
               "    ; theme = light\n"
               "\n"
               "; editing\n"
               "[editor]\n"
               "tab_width = 2\n",
               "ui", "theme", "light",
               "[ui]\n"
               "    mouse = no\n"
               "    theme = light\n"
               "    ; theme = light\n"
               "\n"
               "; editing\n"
               "[editor]\n"
               "tab_width = 2\n");
    /* An empty section: right after its header. */
    assert_set(*state, "[ui]\n\n[editor]\ntab_width = 2\n", "ui", "theme", "mono",
               "[ui]\ntheme = mono\n\n[editor]\ntab_width = 2\n");
    /* The last line without its line end. */
    assert_set(*state, "[ui]\nmouse = no", "ui", "theme", "mono",
               "[ui]\nmouse = no\ntheme = mono\n");
    /* A section written twice: added to its last part, where it reads last. */
    assert_set(*state, "[ui]\nmouse = no\n[editor]\ntab_width = 2\n[ui]\nline_numbers = no\n", "ui",
               "theme", "mono",
               "[ui]\nmouse = no\n[editor]\ntab_width = 2\n[ui]\nline_numbers = no\n"
               "theme = mono\n");
}

static void test_set_replaces_the_last(void **state)
{
    /* The later line wins when reading, so it is the one changed. */
    assert_set(*state, "[ui]\ntheme = light\ntheme = mono\n[editor]\ntheme = x\n", "ui", "theme",
               "ansi16", "[ui]\ntheme = light\ntheme = ansi16\n[editor]\ntheme = x\n");
    struct config c;
    char err[256] = "";
    config_load(tu_path(*state, "config"), &c, err, sizeof err);
    assert_string_equal(c.theme, "ansi16");

    /* "key: value", an empty value, and a value that is only a comment. */
    assert_set(*state, "[ui]\ntheme: light\n", "ui", "theme", "mono", "[ui]\ntheme: mono\n");
    assert_set(*state, "[ui]\ntheme =\n", "ui", "theme", "mono", "[ui]\ntheme = mono\n");
    assert_set(*state, "[ui]\ntheme=\n", "ui", "theme", "mono", "[ui]\ntheme=mono\n");
    assert_set(*state, "[ui]\ntheme = ; pick one\n", "ui", "theme", "mono",
               "[ui]\ntheme = mono ; pick one\n");
    /* Keys are whole names: "themes" and "theme.x" are other keys. */
    assert_set(*state, "[ui]\nthemes = a\ntheme.x = b\n", "ui", "theme", "mono",
               "[ui]\nthemes = a\ntheme.x = b\ntheme = mono\n");
}

static void test_set_adds_section(void **state)
{
    assert_set(*state, "; nothing yet\n", "ui", "theme", "light",
               "; nothing yet\n\n[ui]\ntheme = light\n");
    assert_set(*state, "[editor]\ntab_width = 2", "ui", "theme", "light",
               "[editor]\ntab_width = 2\n\n[ui]\ntheme = light\n");
    /* No second blank line after one already there. */
    assert_set(*state, "[editor]\ntab_width = 2\n\n", "ui", "theme", "light",
               "[editor]\ntab_width = 2\n\n[ui]\ntheme = light\n");
    /* "[ui" is no header (inih reports it), and "[ ui ]" is another section. */
    assert_set(*state, "[ ui ]\n", "ui", "theme", "light", "[ ui ]\n\n[ui]\ntheme = light\n");
    assert_set(*state, "", "ui", "theme", "light", "[ui]\ntheme = light\n");
}

static void test_set_crlf_and_bom(void **state)
{
    assert_set(*state, "[ui]\r\nmouse = no\r\n", "ui", "theme", "mono",
               "[ui]\r\nmouse = no\r\ntheme = mono\r\n");
    assert_set(*state, "[ui]\r\ntheme = light\r\n", "ui", "theme", "mono",
               "[ui]\r\ntheme = mono\r\n");
    assert_set(*state, "[editor]\r\ntab_width = 2\r\n", "ui", "theme", "mono",
               "[editor]\r\ntab_width = 2\r\n\r\n[ui]\r\ntheme = mono\r\n");
    assert_set(*state, "\xEF\xBB\xBF[ui]\ntheme = light\n", "ui", "theme", "mono",
               "\xEF\xBB\xBF[ui]\ntheme = mono\n");
    struct config c;
    char err[256] = "";
    if (config_load(tu_path(*state, "config"), &c, err, sizeof err) < 0)
        fail_msg("%s", err);
    assert_string_equal(c.theme, "mono");
}

static void test_set_missing_file(void **state)
{
    const char *dir = *state;
    char *path = xasprintf("%s/home/.config/shed/config", dir);
    char err[512] = "";
    if (config_set(path, "ui", "theme", "light", err, sizeof err) < 0)
        fail_msg("%s", err);
    tu_assert_file_str(path, "[ui]\ntheme = light\n");
    struct stat st;
    assert_int_equal(stat(tu_path(dir, "home/.config/shed"), &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    assert_int_equal(stat(tu_path(dir, "home/.config"), &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);

    if (config_set(path, "editor", "tab_width", "2", err, sizeof err) < 0)
        fail_msg("%s", err);
    struct config c;
    assert_int_equal(config_load(path, &c, err, sizeof err), 0);
    assert_string_equal(c.theme, "light");
    assert_int_equal(c.tab_width, 2);
    /* Only the file itself: no temporary left beside it. */
    assert_int_equal(tu_count_entries(tu_path(dir, "home/.config/shed"), NULL, 0), 1);
    free(path);
}

static void test_set_keeps_mode_and_link(void **state)
{
    const char *dir = *state;
    const char *real = tu_path(dir, "dotfiles.ini");
    tu_write_str(real, "[ui]\ntheme = light\n");
    assert_int_equal(chmod(real, 0640), 0);
    assert_int_equal(symlink("dotfiles.ini", tu_path(dir, "config")), 0);
    set_ok(dir, "ui", "theme", "mono");
    struct stat st;
    assert_int_equal(lstat(tu_path(dir, "config"), &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    tu_assert_file_str(tu_path(dir, "dotfiles.ini"), "[ui]\ntheme = mono\n");
    assert_int_equal(stat(tu_path(dir, "dotfiles.ini"), &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
}

static void test_set_refuses_what_ini_cannot_hold(void **state)
{
    static const struct {
        const char *section, *key, *value, *why;
    } cases[] = {
        {"ui", "theme", "a\nb", "the value 'a...' cannot be stored (it holds a line break"},
        {"ui", "theme", "dark ; x",
         "the value 'dark ; x' cannot be stored (' ;' would start a "
         "comment)"},
        {"ui", "theme", ";x", "(a value cannot start with ';')"},
        {"ui", "theme", " x", "(leading and trailing spaces would be lost)"},
        {"ui", "theme", "x\t", "the value 'x...' cannot be stored"},
        {"ui", "the=me", "x", "the key 'the=me' cannot be stored ('=' is not allowed in a key)"},
        {"ui", "a:b", "x", "(':' is not allowed in a key)"},
        {"ui", "#theme", "x", "(a key cannot start with '#')"},
        {"ui", "", "x", "the key '' cannot be stored (it is empty)"},
        {"", "theme", "x", "the section name '' cannot be stored (it is empty)"},
        {"u]i", "theme", "x", "(']' is not allowed in a section name)"},
    };
    const char *path = write_config(*state, "[ui]\ntheme = light\n");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char err[512] = "";
        assert_int_equal(
            config_set(path, cases[i].section, cases[i].key, cases[i].value, err, sizeof err), -1);
        if (!strstr(err, cases[i].why) || strncmp(err, path, strlen(path)) != 0)
            fail_msg("case %zu: got '%s'", i, err);
    }
    char long_value[300];
    memset(long_value, 'x', sizeof long_value - 1);
    long_value[sizeof long_value - 1] = '\0';
    char err[512];
    assert_int_equal(config_set(path, "ui", "theme", long_value, err, sizeof err), -1);
    assert_non_null(strstr(err, "the line for theme would be too long (at most 198 characters)"));
    /* An empty value is fine; the file is untouched by all the refusals before it. */
    tu_assert_file_str(path, "[ui]\ntheme = light\n");
    assert_int_equal(config_set(path, "ui", "theme", "", err, sizeof err), 0);
    tu_assert_file_str(path, "[ui]\ntheme = \n");
}

static void test_set_not_a_file(void **state)
{
    const char *dir = *state;
    char err[512];
    assert_int_equal(mkdir(tu_path(dir, "config"), 0700), 0);
    assert_int_equal(config_set(tu_path(dir, "config"), "ui", "theme", "x", err, sizeof err), -1);
    assert_non_null(strstr(err, "config: is a directory (the config is a file)"));

    tu_write_str(tu_path(dir, "file"), "");
    assert_int_equal(
        config_set(tu_path(dir, "file/sub/config"), "ui", "theme", "x", err, sizeof err), -1);
    assert_non_null(strstr(err, "(part of that path is a file)"));
}

/* 0 when setting the theme in DIR/ro/config fails, as it must. */
static int set_in_readonly(void *dir, char *err, size_t errlen)
{
    return config_set(tu_path(dir, "ro/config"), "ui", "theme", "mono", err, errlen) == -1 ? 0 : 1;
}

static int set_in_readonly_subdir(void *dir, char *err, size_t errlen)
{
    return config_set(tu_path(dir, "ro/shed/config"), "ui", "theme", "mono", err, errlen) == -1 ? 0
                                                                                                : 1;
}

static void test_set_unwritable_dir(void **state)
{
    const char *dir = *state;
    char err[512] = "";
    assert_int_equal(chmod(dir, 0755), 0); /* so an unprivileged child can reach it */
    assert_int_equal(mkdir(tu_path(dir, "ro"), 0755), 0);
    const char *before = "; mine\n[ui]\ntheme = light\n";
    tu_write_str(tu_path(dir, "ro/config"), before);
    assert_int_equal(chmod(tu_path(dir, "ro/config"), 0666), 0);
    assert_int_equal(chmod(tu_path(dir, "ro"), 0555), 0);

    /* The file is writable but its directory is not: the atomic rename cannot happen. */
    assert_int_equal(tu_unprivileged(set_in_readonly, *state, err, sizeof err), 0);
    assert_non_null(strstr(err, "ro/config: permission denied (check the directory's "
                                "permissions"));
    tu_assert_file_str(tu_path(dir, "ro/config"), before);
    assert_int_equal(tu_count_entries(tu_path(dir, "ro"), NULL, 0), 1);

    /* A directory that cannot be created. */
    assert_int_equal(tu_unprivileged(set_in_readonly_subdir, *state, err, sizeof err), 0);
    assert_non_null(strstr(err, "ro/shed/config: cannot create the directory"));
    assert_non_null(strstr(err, "(permission denied; check its parent's permissions)"));
    assert_int_equal(chmod(tu_path(dir, "ro"), 0755), 0);
}

/* Random settings written one after another must all read back, with the hand-written
 * lines around them kept. */
static void test_set_many(void **state)
{
    const char *path = write_config(*state, "# top\n[editor]\n; tabs\ntab_width = 3\n");
    static const char *const themes[] = {"light", "mono", "ansi16", "default"};
    unsigned seed = 7;
    for (int i = 0; i < 40; i++) {
        seed = seed * 1103515245u + 12345u;
        const char *theme = themes[(seed >> 16) % 4];
        int width = 10 + (int)((seed >> 8) % 70);
        char w[16];
        snprintf(w, sizeof w, "%d", width);
        set_ok(*state, "ui", "theme", theme);
        set_ok(*state, "ui", "tree_width", w);
        struct config c;
        char err[256] = "";
        if (config_load(path, &c, err, sizeof err) < 0)
            fail_msg("%s", err);
        assert_string_equal(c.theme, theme);
        assert_int_equal(c.tree_width, width);
        assert_int_equal(c.tab_width, 3);
    }
    char *text = tu_read(path, NULL);
    assert_non_null(strstr(text, "# top\n[editor]\n; tabs\ntab_width = 3\n\n[ui]\ntheme = "));
    free(text);
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
        TU_DIR_TEST(test_set_keeps_comments),
        TU_DIR_TEST(test_set_adds_key_to_section),
        TU_DIR_TEST(test_set_replaces_the_last),
        TU_DIR_TEST(test_set_adds_section),
        TU_DIR_TEST(test_set_crlf_and_bom),
        TU_DIR_TEST(test_set_missing_file),
        TU_DIR_TEST(test_set_keeps_mode_and_link),
        TU_DIR_TEST(test_set_refuses_what_ini_cannot_hold),
        TU_DIR_TEST(test_set_not_a_file),
        TU_DIR_TEST(test_set_unwritable_dir),
        TU_DIR_TEST(test_set_many),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
