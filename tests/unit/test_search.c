/* test_search.c — search.h as find (Ctrl-F) and match highlighting use it: which byte range of a
 * line a needle matches going forward or backward inside a range, how smart case decides between
 * exact and case-blind matching (beyond ASCII too), and which needles are refused. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "search.h"

/* Asserts that NEEDLE's first (or last) match in [LO, HI) of S is exactly FROM..TO. */
static void assert_match(const char *s, const char *needle, bool last, size_t lo, size_t hi,
                         size_t from, size_t to)
{
    struct search q;
    size_t m0 = 0, m1 = 0;
    bool ok;

    assert_true(search_init(&q, needle));
    if (last)
        ok = search_last(&q, s, strlen(s), lo, hi, &m0, &m1);
    else
        ok = search_first(&q, s, strlen(s), lo, hi, &m0, &m1);
    assert_true(ok);
    assert_int_equal(m0, from);
    assert_int_equal(m1, to);
}

static bool matches(const char *s, const char *needle, bool last, size_t lo, size_t hi)
{
    struct search q;
    size_t m0, m1;

    assert_true(search_init(&q, needle));
    if (last)
        return search_last(&q, s, strlen(s), lo, hi, &m0, &m1);
    return search_first(&q, s, strlen(s), lo, hi, &m0, &m1);
}

static void test_first_match_in_range(void **state)
{
    (void)state;
    const char *s = "abc abc abc";

    assert_match(s, "abc", false, 0, SIZE_MAX, 0, 3);
    assert_match(s, "abc", false, 1, SIZE_MAX, 4, 7);
    assert_match(s, "abc", false, 4, SIZE_MAX, 4, 7);
    /* only the start must lie in the range: the match may run past HI */
    assert_match(s, "abc", false, 1, 5, 4, 7);
    assert_false(matches(s, "abc", false, 1, 4));
    assert_false(matches(s, "abc", false, 9, SIZE_MAX));
    assert_false(matches(s, "abc", false, 5, 5));
    assert_false(matches(s, "abc", false, 6, 2));
    /* overlapping occurrences: each start counts */
    assert_match("aaaa", "aa", false, 1, SIZE_MAX, 1, 3);
    /* the same through the case-blind path (a lowercase needle) with capitals in the text */
    assert_match("ABC abc ABC", "abc", false, 1, 9, 4, 7);
    assert_match("ABC abc ABC", "abc", false, 5, 9, 8, 11);
    assert_false(matches("ABC abc ABC", "abc", false, 5, 8));
}

static void test_last_match_in_range(void **state)
{
    (void)state;
    const char *s = "abc abc abc";

    assert_match(s, "abc", true, 0, SIZE_MAX, 8, 11);
    assert_match(s, "abc", true, 0, 8, 4, 7);
    assert_match(s, "abc", true, 0, 5, 4, 7); /* starts at 4 < 5, ends past it */
    assert_match(s, "abc", true, 0, 4, 0, 3);
    assert_false(matches(s, "abc", true, 1, 4));
    assert_false(matches(s, "abc", true, 3, 3));
    assert_match("aaaa", "aa", true, 0, SIZE_MAX, 2, 4);
    assert_match("aaaa", "aa", true, 0, 2, 1, 3);
    /* exact (uppercase) needle going backward */
    assert_match("Foo foo Foo", "Foo", true, 0, 8, 0, 3);
}

static void test_text_is_bounded_by_len(void **state)
{
    (void)state;
    struct search q;
    size_t m0, m1;
    const char s[] = "xxab";

    /* a needle running past LEN is no match, even though the bytes after it would fit */
    assert_true(search_init(&q, "ab"));
    assert_false(search_first(&q, s, 3, 0, SIZE_MAX, &m0, &m1));
    assert_false(search_last(&q, s, 3, 0, SIZE_MAX, &m0, &m1));
    assert_true(search_init(&q, "AB"));
    assert_false(search_first(&q, s, 3, 0, SIZE_MAX, &m0, &m1));
    assert_true(search_first(&q, "xxAB", 4, 0, SIZE_MAX, &m0, &m1));
    assert_int_equal(m0, 2);
    assert_int_equal(m1, 4);
}

static void test_smart_case_ascii(void **state)
{
    (void)state;
    struct search q;

    /* all lowercase: any case matches */
    assert_true(search_init(&q, "foo"));
    assert_true(q.fold);
    assert_match("x FOO", "foo", false, 0, SIZE_MAX, 2, 5);
    assert_match("x fOo", "foo", false, 0, SIZE_MAX, 2, 5);
    assert_match("Foo foo", "foo", true, 0, SIZE_MAX, 4, 7);
    /* one capital: exact */
    assert_true(search_init(&q, "Foo"));
    assert_false(q.fold);
    assert_false(matches("foo FOO fOO", "Foo", false, 0, SIZE_MAX));
    assert_match("foo FOO Foo", "Foo", false, 0, SIZE_MAX, 8, 11);
    assert_false(matches("foo FOO fOO", "Foo", true, 0, SIZE_MAX));
    /* no letters at all: case does not come into it, digits and symbols match themselves */
    assert_true(search_init(&q, "1+2"));
    assert_true(q.fold);
    assert_match("x = 1+2", "1+2", false, 0, SIZE_MAX, 4, 7);
    assert_false(matches("x = 1-2", "1+2", false, 0, SIZE_MAX));
}

static void test_smart_case_beyond_ascii(void **state)
{
    (void)state;
    struct search q;

    /* "ärger" folds: Ä matches ä */
    assert_true(search_init(&q, "\xc3\xa4rger"));
    assert_true(q.fold);
    assert_match("vor \xc3\x84RGER", "\xc3\xa4rger", false, 0, SIZE_MAX, 4, 10);
    assert_match("\xc3\x84rger \xc3\xa4rger", "\xc3\xa4rger", true, 0, SIZE_MAX, 7, 13);
    /* "Ärger" has an uppercase non-ASCII letter: exact */
    assert_true(search_init(&q, "\xc3\x84rger"));
    assert_false(q.fold);
    assert_false(matches("\xc3\xa4rger \xc3\x84RGER", "\xc3\x84rger", false, 0, SIZE_MAX));
    /* Greek: "σ" folds and finds "Σ" */
    assert_match("\xce\xa3\xce\xb1", "\xcf\x83", false, 0, SIZE_MAX, 0, 2);
    /* the match is the text's bytes: KELVIN SIGN (3 bytes) lowercases to 'k' (1 byte) */
    assert_match("o\xe2\x84\xaa!", "k!", false, 0, SIZE_MAX, 1, 5);
    assert_match("o\xe2\x84\xaa!", "k!", true, 0, SIZE_MAX, 1, 5);
    /* folding is one code point for one: "ß" is not "SS" */
    assert_false(matches("GROSS", "gro\xc3\x9f", false, 0, SIZE_MAX));
}

static void test_invalid_bytes_match_only_themselves(void **state)
{
    (void)state;
    struct search q;

    /* a lowercase needle around a stray byte still folds, and the byte matches itself */
    assert_true(search_init(&q, "a\xffz"));
    assert_true(q.fold);
    assert_match("xA\xffZ", "a\xffz", false, 0, SIZE_MAX, 1, 4);
    assert_false(matches("xA\xfeZ", "a\xffz", false, 0, SIZE_MAX));
    /* a stray byte in the text never matches a valid letter */
    assert_false(matches("\xffzy", "azy", false, 0, SIZE_MAX));
}

static void test_refused_needles(void **state)
{
    (void)state;
    struct search q;

    assert_false(search_init(&q, NULL));
    assert_false(search_init(&q, ""));
    assert_false(search_init(&q, "a\nb")); /* a needle is one line */
    assert_false(search_init(&q, "\n"));
    assert_true(search_init(&q, "a\tb"));
    assert_int_equal(q.len, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_match_in_range),
        cmocka_unit_test(test_last_match_in_range),
        cmocka_unit_test(test_text_is_bounded_by_len),
        cmocka_unit_test(test_smart_case_ascii),
        cmocka_unit_test(test_smart_case_beyond_ascii),
        cmocka_unit_test(test_invalid_bytes_match_only_themselves),
        cmocka_unit_test(test_refused_needles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
