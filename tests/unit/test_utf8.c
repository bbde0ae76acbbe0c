/* test_utf8.c — decoding, widths, cursor stops and cell mapping as the editor shows them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>

#include "utf8.h"

#define S(lit) lit, sizeof(lit) - 1

static void decodes(const char *s, size_t len, int32_t want_cp, int want_n)
{
    int32_t cp = 0;
    int n = utf8_decode(s, len, &cp);
    assert_int_equal(n, want_n);
    assert_int_equal(cp, want_cp);
}

static void test_decode_valid(void **state)
{
    (void)state;
    decodes(S("A"), 'A', 1);
    decodes(S("\xc3\xa9"), 0xE9, 2);             /* é */
    decodes(S("\xe4\xb8\xad"), 0x4E2D, 3);       /* 中 */
    decodes(S("\xf0\x9f\x8e\x89"), 0x1F389, 4);  /* 🎉 */
    decodes(S("\xf4\x8f\xbf\xbf"), 0x10FFFF, 4); /* last scalar */
    decodes(S("\xed\x9f\xbf"), 0xD7FF, 3);       /* just below the surrogates */
    decodes(S("\xee\x80\x80"), 0xE000, 3);       /* just above them */
    decodes(S("\xc2\x80"), 0x80, 2);             /* smallest 2-byte */
    decodes(S("\xe0\xa0\x80"), 0x800, 3);        /* smallest 3-byte */
    decodes(S("\xf0\x90\x80\x80"), 0x10000, 4);  /* smallest 4-byte */
    decodes(S("\xc3\xa9xyz"), 0xE9, 2);          /* only the first code point */
}

static void test_decode_invalid(void **state)
{
    (void)state;
    decodes(S("\xc0\x80"), UTF8_INVALID, 1);         /* overlong NUL */
    decodes(S("\xc1\xbf"), UTF8_INVALID, 1);         /* overlong */
    decodes(S("\xe0\x80\x80"), UTF8_INVALID, 1);     /* overlong 3-byte */
    decodes(S("\xf0\x80\x80\x80"), UTF8_INVALID, 1); /* overlong 4-byte */
    decodes(S("\xed\xa0\x80"), UTF8_INVALID, 1);     /* surrogate D800 */
    decodes(S("\xed\xbf\xbf"), UTF8_INVALID, 1);     /* surrogate DFFF */
    decodes(S("\xf4\x90\x80\x80"), UTF8_INVALID, 1); /* U+110000 */
    decodes(S("\xf5\x80\x80\x80"), UTF8_INVALID, 1);
    decodes(S("\xff"), UTF8_INVALID, 1);
    decodes(S("\x80"), UTF8_INVALID, 1);      /* lone continuation */
    decodes(S("\xe4\xb8"), UTF8_INVALID, 1);  /* truncated by the end */
    decodes(S("\xe4\xb8x"), UTF8_INVALID, 1); /* truncated by a new character */
    decodes(S("\xf0\x9f\x8e"), UTF8_INVALID, 1);
    /* The available length counts, not the bytes after it. */
    decodes("\xc3\xa9", 1, UTF8_INVALID, 1);
}

static void test_encode(void **state)
{
    (void)state;
    const int32_t cps[] = {0,      'a',    0x7F,   0x80,    0x7FF,   0x800,
                           0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x1F389, 0x10FFFF};
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        char out[4];
        int32_t back;
        int n = utf8_encode(cps[i], out);
        assert_true(n >= 1 && n <= 4);
        assert_int_equal(utf8_decode(out, (size_t)n, &back), n);
        assert_int_equal(back, cps[i]);
    }
    char out[4];
    assert_int_equal(utf8_encode(0xD800, out), 0);
    assert_int_equal(utf8_encode(0xDFFF, out), 0);
    assert_int_equal(utf8_encode(0x110000, out), 0);
    assert_int_equal(utf8_encode(-1, out), 0);
    assert_int_equal(utf8_encode(0xE9, out), 2);
    assert_memory_equal(out, "\xc3\xa9", 2);
}

static void test_cell_width(void **state)
{
    (void)state;
    assert_int_equal(utf8_cell_width('e'), 1);
    assert_int_equal(utf8_cell_width(0xE9), 1);    /* é composed */
    assert_int_equal(utf8_cell_width(0x301), 0);   /* combining acute */
    assert_int_equal(utf8_cell_width(0x20DD), 0);  /* combining enclosing circle (Me) */
    assert_int_equal(utf8_cell_width(0x200D), 0);  /* ZWJ */
    assert_int_equal(utf8_cell_width(0xFE0F), 0);  /* variation selector */
    assert_int_equal(utf8_cell_width(0x4E2D), 2);  /* 中 */
    assert_int_equal(utf8_cell_width(0x1F389), 2); /* 🎉 */
    assert_int_equal(utf8_cell_width(0xFF21), 2);  /* fullwidth A */
    assert_int_equal(utf8_cell_width(0x01), 2);    /* ^A */
    assert_int_equal(utf8_cell_width(0x1B), 2);    /* ^[ */
    assert_int_equal(utf8_cell_width(0x00), 2);    /* ^@ */
    assert_int_equal(utf8_cell_width(0x7F), 2);    /* ^? */
    assert_int_equal(utf8_cell_width(UTF8_INVALID), 1);
    assert_int_equal(utf8_cell_width(0x85), 1);   /* C1 control: a visible replacement */
    assert_int_equal(utf8_cell_width(0x2028), 1); /* line separator: visible too */
}

static void test_line_widths(void **state)
{
    (void)state;
    /* What a user sees: é takes one cell whether composed or decomposed. */
    assert_int_equal(utf8_col_to_x(S("\xc3\xa9"), 2, 8), 1);
    assert_int_equal(utf8_col_to_x(S("e\xcc\x81"), 3, 8), 1);
    assert_int_equal(utf8_col_to_x(S("\xe4\xb8\xad"), 3, 8), 2);
    assert_int_equal(utf8_col_to_x(S("\xf0\x9f\x8e\x89!"), 5, 8), 3);
    assert_int_equal(utf8_col_to_x(S("a\x01z"), 3, 8), 4);
    assert_int_equal(utf8_col_to_x(S("\xff\xfe"), 2, 8), 2);
}

/* Every cursor stop of S, walking with utf8_next; checks utf8_prev walks them back. */
static size_t stops(const char *s, size_t len, size_t *out, size_t max)
{
    size_t n = 0, c = 0;
    out[n++] = 0;
    while (c < len && n < max) {
        c = utf8_next(s, len, c);
        out[n++] = c;
    }
    for (size_t i = n - 1; i > 0; i--)
        assert_int_equal(utf8_prev(s, len, out[i]), out[i - 1]);
    assert_int_equal(utf8_prev(s, len, 0), 0);
    assert_int_equal(utf8_next(s, len, len), len);
    return n;
}

static void expect_stops(const char *s, size_t len, const size_t *want, size_t nwant)
{
    size_t got[64];
    size_t n = stops(s, len, got, 64);
    assert_int_equal(n, nwant);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(got[i], want[i]);
}

static void test_next_prev_clusters(void **state)
{
    (void)state;
    /* e + combining acute is one stop; the cursor never sits between them. */
    expect_stops(S("e\xcc\x81x"), (size_t[]){0, 3, 4}, 3);
    /* Two marks on one base. */
    expect_stops(S("a\xcc\x81\xcc\xa3\x62"), (size_t[]){0, 5, 6}, 3);
    /* 中a */
    expect_stops(S("\xe4\xb8\xad\x61"), (size_t[]){0, 3, 4}, 3);
    /* ❤️ = U+2764 U+FE0F */
    expect_stops(S("\xe2\x9d\xa4\xef\xb8\x8f\x61"), (size_t[]){0, 6, 7}, 3);
    /* 👨‍👩‍👧 (ZWJ sequence) then x: one stop for the whole family. */
    expect_stops(S("\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7x"),
                 (size_t[]){0, 18, 19}, 3);
    /* Invalid bytes: one stop each, and a truncated sequence is two bytes, two stops. */
    expect_stops(S("\xff\xfe"), (size_t[]){0, 1, 2}, 3);
    expect_stops(S("\xe4\xb8\x61"), (size_t[]){0, 1, 2, 3}, 4);
    /* A mark at the line start is a stop of its own. */
    expect_stops(S("\xcc\x81\x61"), (size_t[]){0, 2, 3}, 3);
    /* An empty line has only the one stop. */
    expect_stops("", 0, (size_t[]){0}, 1);
}

static void test_next_prev_from_inside(void **state)
{
    (void)state;
    const char *s = "\xe4\xb8\xad\x61\x65\xcc\x81\x62"; /* 中 a é(decomposed) b */
    size_t len = strlen(s);
    /* From inside 中, next goes to its end and prev to its start. */
    assert_int_equal(utf8_next(s, len, 1), 3);
    assert_int_equal(utf8_next(s, len, 2), 3);
    assert_int_equal(utf8_prev(s, len, 2), 0);
    /* From the combining mark (inside the cluster e+acute). */
    assert_int_equal(utf8_next(s, len, 5), 7);
    assert_int_equal(utf8_prev(s, len, 5), 4);
    assert_int_equal(utf8_prev(s, len, 7), 4);
    /* Past the end clamps. */
    assert_int_equal(utf8_prev(s, len, len + 10), 7);
    assert_int_equal(utf8_next(s, len, len + 10), len);
}

static void test_col_to_x_tabs(void **state)
{
    (void)state;
    const char *s = "\tab\tc";
    size_t len = strlen(s);
    assert_int_equal(utf8_col_to_x(s, len, 0, 4), 0);
    assert_int_equal(utf8_col_to_x(s, len, 1, 4), 4);
    assert_int_equal(utf8_col_to_x(s, len, 2, 4), 5);
    assert_int_equal(utf8_col_to_x(s, len, 3, 4), 6);
    assert_int_equal(utf8_col_to_x(s, len, 4, 4), 8);
    assert_int_equal(utf8_col_to_x(s, len, 5, 4), 9);
    assert_int_equal(utf8_col_to_x(s, len, 99, 4), 9);
    /* The tab stop depends on the width setting. */
    assert_int_equal(utf8_col_to_x(s, len, 4, 8), 16);
    assert_int_equal(utf8_col_to_x(s, len, 2, 2), 3);
    /* A tab after a wide character fills to the next stop. */
    assert_int_equal(utf8_col_to_x(S("\xe4\xb8\xad\tx"), 4, 4), 4);
    assert_int_equal(utf8_col_to_x(S("abc\tx"), 4, 4), 4);
    assert_int_equal(utf8_col_to_x(S("abcd\tx"), 5, 4), 8);
}

static void test_x_to_col(void **state)
{
    (void)state;
    const char *s = "a\tb";
    size_t len = strlen(s);
    assert_int_equal(utf8_x_to_col(s, len, 0, 4), 0);
    assert_int_equal(utf8_x_to_col(s, len, 1, 4), 1); /* the tab spans cells 1..3 */
    assert_int_equal(utf8_x_to_col(s, len, 2, 4), 1);
    assert_int_equal(utf8_x_to_col(s, len, 3, 4), 1);
    assert_int_equal(utf8_x_to_col(s, len, 4, 4), 2);
    assert_int_equal(utf8_x_to_col(s, len, 5, 4), 3);
    assert_int_equal(utf8_x_to_col(s, len, 50, 4), 3);

    /* 中 covers cells 0 and 1; both map to its start. */
    const char *w = "\xe4\xb8\xadx"
                    "\xf0\x9f\x8e\x89y";
    size_t wlen = strlen(w);
    assert_int_equal(utf8_x_to_col(w, wlen, 0, 8), 0);
    assert_int_equal(utf8_x_to_col(w, wlen, 1, 8), 0);
    assert_int_equal(utf8_x_to_col(w, wlen, 2, 8), 3);
    assert_int_equal(utf8_x_to_col(w, wlen, 3, 8), 4);
    assert_int_equal(utf8_x_to_col(w, wlen, 4, 8), 4);
    assert_int_equal(utf8_x_to_col(w, wlen, 5, 8), 8);
    assert_int_equal(utf8_x_to_col(w, wlen, 6, 8), wlen);

    /* Decomposed é: x 1 is after the whole cluster, never between e and the mark. */
    assert_int_equal(utf8_x_to_col(S("e\xcc\x81z"), 1, 8), 3);
    /* Round trip on every stop of a mixed line. */
    const char *m = "\t\xe4\xb8\xad\x65\xcc\x81\x01\xffz";
    size_t mlen = strlen(m);
    for (size_t c = 0;; c = utf8_next(m, mlen, c)) {
        assert_int_equal(utf8_x_to_col(m, mlen, utf8_col_to_x(m, mlen, c, 4), 4), c);
        if (c == mlen)
            break;
    }
}

static void test_is_word(void **state)
{
    (void)state;
    assert_true(utf8_is_word('a'));
    assert_true(utf8_is_word('Z'));
    assert_true(utf8_is_word('7'));
    assert_true(utf8_is_word('_'));
    assert_true(utf8_is_word(0xE9));   /* é */
    assert_true(utf8_is_word(0x4E2D)); /* 中 */
    assert_true(utf8_is_word(0x301));  /* a mark stays in its word */
    assert_true(utf8_is_word(0x0661)); /* Arabic-Indic digit one */
    assert_false(utf8_is_word(' '));
    assert_false(utf8_is_word('-'));
    assert_false(utf8_is_word('.'));
    assert_false(utf8_is_word('('));
    assert_false(utf8_is_word(0x1F389));
    assert_false(utf8_is_word(UTF8_INVALID));
}

static void test_valid(void **state)
{
    (void)state;
    assert_true(utf8_valid("", 0));
    assert_true(utf8_valid(S("plain ascii\n")));
    assert_true(utf8_valid(S("caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x8e\x89")));
    assert_false(utf8_valid(S("caf\xe9")));        /* Latin-1 é */
    assert_false(utf8_valid(S("ok\xed\xa0\x80"))); /* encoded surrogate */
    assert_false(utf8_valid(S("\xc0\xaf")));       /* overlong '/' */
    assert_false(utf8_valid(S("end\xe4\xb8")));    /* truncated at the end */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_valid),
        cmocka_unit_test(test_decode_invalid),
        cmocka_unit_test(test_encode),
        cmocka_unit_test(test_cell_width),
        cmocka_unit_test(test_line_widths),
        cmocka_unit_test(test_next_prev_clusters),
        cmocka_unit_test(test_next_prev_from_inside),
        cmocka_unit_test(test_col_to_x_tabs),
        cmocka_unit_test(test_x_to_col),
        cmocka_unit_test(test_is_word),
        cmocka_unit_test(test_valid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
