/* test_color.c — theme colours: every written form, the refusals, and the nearest colour a
 * 256-, 88-, 16- and 8-colour terminal shows, and the number a direct-colour terminal gets. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "color.h"

static struct color parsed(const char *text)
{
    struct color c = {COLOR_RGB, 0xdeadbe};
    assert_int_equal(color_parse(text, &c), 0);
    return c;
}

static struct color rgb(uint32_t v)
{
    return (struct color){COLOR_RGB, v};
}

static struct color idx(uint32_t v)
{
    return (struct color){COLOR_INDEX, v};
}

static void test_default(void **state)
{
    (void)state;
    assert_int_equal(parsed("default").kind, COLOR_DEFAULT);
    assert_int_equal(parsed("DEFAULT").kind, COLOR_DEFAULT);
}

static void test_names(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        uint32_t index;
    } cases[] = {
        {"black", 0},        {"red", 1},
        {"green", 2},        {"yellow", 3},
        {"blue", 4},         {"magenta", 5},
        {"cyan", 6},         {"white", 7},
        {"brightblack", 8},  {"brightred", 9},
        {"brightgreen", 10}, {"brightyellow", 11},
        {"brightblue", 12},  {"brightmagenta", 13},
        {"brightcyan", 14},  {"brightwhite", 15},
        {"gray", 8},         {"grey", 8},
        {"Red", 1},          {"BRIGHTWHITE", 15},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct color c = parsed(cases[i].name);
        assert_int_equal(c.kind, COLOR_INDEX);
        assert_int_equal(c.value, cases[i].index);
    }
}

static void test_numbers(void **state)
{
    (void)state;
    struct color c = parsed("0");
    assert_int_equal(c.kind, COLOR_INDEX);
    assert_int_equal(c.value, 0);
    assert_int_equal(parsed("236").value, 236);
    assert_int_equal(parsed("255").value, 255);
    assert_int_equal(parsed("007").value, 7);
}

static void test_hex(void **state)
{
    (void)state;
    struct color c = parsed("#ff8000");
    assert_int_equal(c.kind, COLOR_RGB);
    assert_int_equal(c.value, 0xff8000);
    assert_int_equal(parsed("#ABB2BF").value, 0xabb2bf);
    /* #rgb doubles each digit. */
    c = parsed("#f80");
    assert_int_equal(c.kind, COLOR_RGB);
    assert_int_equal(c.value, 0xff8800);
    assert_int_equal(parsed("#000").value, 0x000000);
    assert_int_equal(parsed("#fff").value, 0xffffff);
}

static void test_rejects(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "",       "256",   "1000",       "-1",     "+1",     "12a",      "1.5",
        " 1",     "#",     "#ff",        "#ffff",  "#12345", "#1234567", "#gggggg",
        "ff0000", "reddd", "bright red", "bright", "light",  "#ff 000",  "none",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct color c;
        if (color_parse(bad[i], &c) == 0)
            fail_msg("color_parse accepted '%s'", bad[i]);
    }
}

static void test_default_stays_default(void **state)
{
    (void)state;
    struct color d = {COLOR_DEFAULT, 0};
    assert_int_equal(color_to_index(d, 256), -1);
    assert_int_equal(color_to_index(d, 16), -1);
    assert_int_equal(color_to_index(d, 8), -1);
}

static void test_256(void **state)
{
    (void)state;
    assert_int_equal(color_to_index(rgb(0xff0000), 256), 196);
    assert_int_equal(color_to_index(rgb(0x000000), 256), 16);
    assert_int_equal(color_to_index(rgb(0xffffff), 256), 231);
    /* Exact cube entries map to themselves: 0x5f87af is (1, 2, 3). */
    assert_int_equal(color_to_index(rgb(0x5f87af), 256), 16 + 36 * 1 + 6 * 2 + 3);
    /* Greys prefer the ramp (8 + 10 * n) when it is nearer than the cube. */
    assert_int_equal(color_to_index(rgb(0x808080), 256), 244);
    assert_int_equal(color_to_index(rgb(0x1c1c1c), 256), 234);
    assert_int_equal(color_to_index(rgb(0x080808), 256), 232);
    assert_int_equal(color_to_index(rgb(0xeeeeee), 256), 255);
    /* Near-cube colours round to the nearest level on each channel: (0xd0, 0x60, 0x10). */
    assert_int_equal(color_to_index(rgb(0xd06010), 256), 16 + 36 * 4 + 6 * 1 + 0);
    /* Indexes pass through. */
    assert_int_equal(color_to_index(idx(200), 256), 200);
    assert_int_equal(color_to_index(idx(3), 256), 3);
}

static void test_16(void **state)
{
    (void)state;
    assert_int_equal(color_to_index(rgb(0xff0000), 16), 9);
    assert_int_equal(color_to_index(rgb(0xcd0000), 16), 1);
    assert_int_equal(color_to_index(rgb(0x000000), 16), 0);
    assert_int_equal(color_to_index(rgb(0xffffff), 16), 15);
    assert_int_equal(color_to_index(rgb(0xd0d0d0), 16), 7);
    assert_int_equal(color_to_index(rgb(0x808080), 16), 8);
    assert_int_equal(color_to_index(rgb(0x282c34), 16), 0);
    assert_int_equal(color_to_index(idx(12), 16), 12);
    /* Theme pastels keep their hue; tinted greys stay grey. */
    assert_int_equal(color_to_index(rgb(0xc678dd), 16), 5);
    assert_int_equal(color_to_index(rgb(0x98c379), 16), 2);
    assert_int_equal(color_to_index(rgb(0xe5c07b), 16), 3);
    assert_int_equal(color_to_index(rgb(0xe06c75), 16), 1);
    assert_int_equal(color_to_index(rgb(0x56b6c2), 16), 6);
    assert_int_equal(color_to_index(rgb(0xc8ccd4), 16), 7);
    assert_int_equal(color_to_index(rgb(0x5c6370), 16), 8);
    assert_int_equal(color_to_index(rgb(0x2b3a2e), 16), 0);
    assert_int_equal(color_to_index(rgb(0xff5555), 16), 9);
    /* 196 is 0xff0000 in the cube, 231 white, 234 near-black, 238 0x444444. */
    assert_int_equal(color_to_index(idx(196), 16), 9);
    assert_int_equal(color_to_index(idx(231), 16), 15);
    assert_int_equal(color_to_index(idx(234), 16), 0);
    assert_int_equal(color_to_index(idx(238), 16), 8);
}

static void test_8(void **state)
{
    (void)state;
    assert_int_equal(color_to_index(rgb(0xff0000), 8), 1);
    assert_int_equal(color_to_index(rgb(0x00ff00), 8), 2);
    assert_int_equal(color_to_index(rgb(0xffffff), 8), 7);
    /* Mid grey is nearer xterm's white (0xe5e5e5) than black, and never turns yellow. */
    assert_int_equal(color_to_index(rgb(0x7f7f7f), 8), 7);
    assert_int_equal(color_to_index(rgb(0x404040), 8), 0);
    assert_int_equal(color_to_index(rgb(0xff5555), 8), 1);
    assert_int_equal(color_to_index(rgb(0x61afef), 8), 6);
    assert_int_equal(color_to_index(idx(9), 8), 1);
    assert_int_equal(color_to_index(idx(12), 8), 4);
    assert_int_equal(color_to_index(idx(4), 8), 4);
    for (uint32_t v = 0; v < 0x1000000; v += 0x030507) {
        int i = color_to_index(rgb(v), 8);
        assert_true(i >= 0 && i < 8);
    }
}

static void test_88_uses_16(void **state)
{
    (void)state;
    assert_int_equal(color_to_index(idx(5), 88), 5);
    /* Index 50 is 0x00ffd7 in the 256 cube; 88-colour terminals get the nearest of 16. */
    assert_int_equal(color_to_index(idx(50), 88), 14);
    assert_int_equal(color_to_index(rgb(0xff0000), 88), 9);
}

static void test_too_few_colours(void **state)
{
    (void)state;
    assert_int_equal(color_to_index(rgb(0xff0000), 2), -1);
    assert_int_equal(color_to_index(idx(1), 0), -1);
}

static void test_direct_rgb(void **state)
{
    (void)state;
    assert_int_equal(color_to_direct(rgb(0xabb2bf)), 0xabb2bf);
    assert_int_equal(color_to_direct(rgb(0xffffff)), 0xffffff);
    assert_int_equal(color_to_direct(rgb(0x000008)), 8);
    assert_int_equal(color_to_direct(rgb(0x010000)), 0x010000);
    /* Numbers below 8 would select the user's ANSI palette: black stays (nearly) black. */
    assert_int_equal(color_to_direct(rgb(0x000000)), 8);
    assert_int_equal(color_to_direct(rgb(0x000001)), 8);
    assert_int_equal(color_to_direct(rgb(0x000007)), 8);
    assert_int_equal(color_to_direct(parsed("#000")), 8);
}

static void test_direct_index(void **state)
{
    (void)state;
    /* The first 8 stay palette entries, so "red" is the user's red. */
    for (uint32_t i = 0; i < 8; i++)
        assert_int_equal(color_to_direct(idx(i)), (int)i);
    assert_int_equal(color_to_direct(parsed("magenta")), 5);
    /* Bright ones cannot be reached through xterm-direct: xterm's values. */
    assert_int_equal(color_to_direct(parsed("brightblack")), 0x7f7f7f);
    assert_int_equal(color_to_direct(idx(9)), 0xff0000);
    assert_int_equal(color_to_direct(idx(12)), 0x5c5cff);
    assert_int_equal(color_to_direct(idx(15)), 0xffffff);
    /* The cube and the grey ramp. */
    assert_int_equal(color_to_direct(idx(196)), 0xff0000);
    assert_int_equal(color_to_direct(idx(16 + 36 * 1 + 6 * 2 + 3)), 0x5f87af);
    assert_int_equal(color_to_direct(idx(231)), 0xffffff);
    assert_int_equal(color_to_direct(idx(232)), 0x080808);
    assert_int_equal(color_to_direct(idx(255)), 0xeeeeee);
    /* 16 is #000000 in the cube, which must not become palette black. */
    assert_int_equal(color_to_direct(idx(16)), 8);
}

static void test_direct_default_and_bad(void **state)
{
    (void)state;
    assert_int_equal(color_to_direct(parsed("default")), -1);
    assert_int_equal(color_to_direct(idx(256)), -1);
    /* Whatever the input, the result is -1 or a valid direct-colour number. */
    for (uint32_t v = 0; v < 0x1000000; v += 0x010203) {
        int d = color_to_direct(rgb(v));
        assert_true(d >= 8 && d <= 0xffffff);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_hex),
        cmocka_unit_test(test_rejects),
        cmocka_unit_test(test_default_stays_default),
        cmocka_unit_test(test_256),
        cmocka_unit_test(test_16),
        cmocka_unit_test(test_8),
        cmocka_unit_test(test_88_uses_16),
        cmocka_unit_test(test_too_few_colours),
        cmocka_unit_test(test_direct_rgb),
        cmocka_unit_test(test_direct_index),
        cmocka_unit_test(test_direct_default_and_bad),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
