/* test_doc_comment.c — comment toggling: line comments at the common indentation, removal
 * when every line has one, wrapped comments for block-only languages, one undo step. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "xalloc.h"

static struct doc *doc_of(const char *text)
{
    return doc_new(buffer_from_bytes(xstrdup(text), strlen(text)), 4);
}

static void assert_text(struct doc *d, const char *want)
{
    size_t len;
    char *got = buffer_serialize(d->buf, &len);
    assert_string_equal(got, want);
    free(got);
}

static void test_single_line(void **state)
{
    struct doc *d = doc_of("    x = 1\ny = 2\n");
    doc_toggle_comment(d, "#", NULL);
    assert_text(d, "    # x = 1\ny = 2\n");
    doc_toggle_comment(d, "#", NULL);
    assert_text(d, "    x = 1\ny = 2\n");
    doc_free(d);
}

static void test_selection_common_indent_and_blank_lines(void **state)
{
    struct doc *d = doc_of("if a:\n    b()\n\n        c()\nd()\n");
    doc_set_cursor(d, (struct pos){1, 0}, false);
    doc_set_cursor(d, (struct pos){4, 0}, true); /* lines 1-3; line 4 is not taken */
    doc_toggle_comment(d, "//", NULL);
    assert_text(d, "if a:\n    // b()\n\n    //     c()\nd()\n");
    /* Still selected: toggling again takes the comments away. */
    doc_toggle_comment(d, "//", NULL);
    assert_text(d, "if a:\n    b()\n\n        c()\nd()\n");
    doc_free(d);
}

static void test_mixed_comments_all(void **state)
{
    struct doc *d = doc_of("# a\nb\n");
    doc_select_all(d);
    doc_toggle_comment(d, "#", NULL);
    assert_text(d, "# # a\n# b\n");
    doc_free(d);
}

static void test_wrapped_and_undo(void **state)
{
    struct doc *d = doc_of("  <p>hi</p>\n");
    doc_toggle_comment(d, "<!--", "-->");
    assert_text(d, "  <!-- <p>hi</p> -->\n");
    doc_toggle_comment(d, "<!--", "-->");
    assert_text(d, "  <p>hi</p>\n");
    doc_toggle_comment(d, "/*", "*/");
    assert_text(d, "  /* <p>hi</p> */\n");
    /* Each toggle is one step. */
    assert_true(doc_undo(d));
    assert_text(d, "  <p>hi</p>\n");
    assert_true(doc_undo(d));
    assert_text(d, "  <!-- <p>hi</p> -->\n");
    doc_free(d);
}

static void test_nothing_to_do(void **state)
{
    struct doc *d = doc_of("\n   \n");
    doc_select_all(d);
    doc_toggle_comment(d, "#", NULL);
    assert_text(d, "\n   \n");
    assert_false(buffer_modified(d->buf));
    doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_line),
        cmocka_unit_test(test_selection_common_indent_and_blank_lines),
        cmocka_unit_test(test_mixed_comments_all),
        cmocka_unit_test(test_wrapped_and_undo),
        cmocka_unit_test(test_nothing_to_do),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
