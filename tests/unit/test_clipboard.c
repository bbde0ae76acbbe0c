/* test_clipboard.c — the internal clipboard and the OSC 52 sequence a terminal decodes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "clipboard.h"
#include "xalloc.h"

static void test_set_get(void **state)
{
    size_t len;
    clipboard_clear();
    assert_null(clipboard_get(&len));
    assert_int_equal(len, 0);
    clipboard_set("a\0b", 3);
    const char *t = clipboard_get(&len);
    assert_int_equal(len, 3);
    assert_memory_equal(t, "a\0b", 3);
    clipboard_set("second", 6);
    assert_string_equal(clipboard_get(&len), "second");
    clipboard_clear();
}

static void test_osc52_base64(void **state)
{
    /* The RFC 4648 test vectors, inside the sequence. */
    static const char *in[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar"};
    static const char *out[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy"};
    for (size_t i = 0; i < 7; i++) {
        char *seq = clipboard_osc52(in[i], strlen(in[i]));
        char *want = xasprintf("\033]52;c;%s\a", out[i]);
        assert_string_equal(seq, want);
        free(seq);
        free(want);
    }
}

static void test_osc52_utf8_and_limit(void **state)
{
    char *seq = clipboard_osc52("é\n", 3);
    assert_string_equal(seq, "\033]52;c;w6kK\a");
    free(seq);
    char *big = xcalloc(CLIPBOARD_OSC52_MAX + 1, 1);
    memset(big, 'x', CLIPBOARD_OSC52_MAX + 1);
    assert_null(clipboard_osc52(big, CLIPBOARD_OSC52_MAX + 1));
    seq = clipboard_osc52(big, CLIPBOARD_OSC52_MAX);
    assert_non_null(seq);
    assert_true(strlen(seq) < 100000); /* xterm's limit for the whole sequence */
    free(seq);
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_set_get),
        cmocka_unit_test(test_osc52_base64),
        cmocka_unit_test(test_osc52_utf8_and_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
