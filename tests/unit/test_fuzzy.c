/* test_fuzzy.c — quick-open ranking: what matches, and which match a person expects first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "fuzzy.h"

static void test_matches(void **state)
{
    assert_true(fuzzy_score("", "anything", NULL) == 0);
    assert_true(fuzzy_score("mp", "main.py", NULL) > 0);
    assert_true(fuzzy_score("MAIN", "main.py", NULL) > 0);
    assert_int_equal(fuzzy_score("pm", "main.py", NULL), -1);
    assert_int_equal(fuzzy_score("mainx", "main.py", NULL), -1);
}

static void test_positions(void **state)
{
    size_t pos[3];
    assert_true(fuzzy_score("utp", "src/util/tests.py", pos) > 0);
    /* Word starts and runs win over the first occurrence: "ut"il, then ".p"y, not the p-less
     * "tests" letters nor the "s" of "src". */
    assert_int_equal(pos[0], 4);
    assert_int_equal(pos[1], 5);
    assert_int_equal(pos[2], 15);
    assert_true(fuzzy_score("tp", "src/util/tests.py", pos) > 0);
    assert_int_equal(pos[0], 9); /* "t"ests, a word start, over u"t"il */
}

static void test_ranking(void **state)
{
    /* The file named like the query beats one that merely contains its letters. */
    assert_true(fuzzy_score("main", "main.py", NULL) >
                fuzzy_score("main", "docs/manual_intro.txt", NULL));
    /* A run of letters beats scattered ones. */
    assert_true(fuzzy_score("util", "util.py", NULL) > fuzzy_score("util", "u_t_i_l.py", NULL));
    /* A match in the file name beats one in the directory. */
    assert_true(fuzzy_score("poem", "data/poem.txt", NULL) >
                fuzzy_score("poem", "poem/data.txt", NULL));
    /* Shorter wins ties. */
    assert_true(fuzzy_score("ab", "ab.c", NULL) > fuzzy_score("ab", "ab_long_name.c", NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_matches),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_ranking),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
