/* fuzz_utf8.c — arbitrary bytes as one line: decoding agrees with encoding, cursor stops are
 * the same whichever way they are walked or from wherever they are asked, and the byte <-> cell
 * mapping lands on stops and never runs backwards. The first byte picks the tab width. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Aborts on a broken invariant; libFuzzer reports the stack, which names the line. */
static void check(int ok)
{
    if (!ok)
        abort();
}

static void check_decoding(const char *s, size_t len)
{
    int valid = 1;
    for (size_t p = 0; p < len;) {
        int32_t cp;
        int n = utf8_decode(s + p, len - p, &cp);
        check(n >= 1 && n <= 4 && (size_t)n <= len - p);
        int w = utf8_cell_width(cp);
        check(w >= 0 && w <= 2);
        (void)utf8_is_word(cp);
        if (cp == UTF8_INVALID) {
            check(n == 1);
            valid = 0;
        } else {
            char out[4];
            check(utf8_encode(cp, out) == n);
            check(memcmp(out, s + p, (size_t)n) == 0);
        }
        p += (size_t)n;
    }
    check(utf8_valid(s, len) == valid);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    int tabw = 1 + data[0] % 8;
    const char *s = (const char *)data + 1;
    size_t len = size - 1;

    check_decoding(s, len);

    /* The stops, walking forwards; prev walks them back exactly. */
    size_t *stops = malloc((len + 1) * sizeof *stops);
    size_t n = 0, c = 0;
    stops[n++] = 0;
    while (c < len) {
        size_t next = utf8_next(s, len, c);
        check(next > c && next <= len);
        stops[n++] = c = next;
    }
    for (size_t i = 1; i < n; i++)
        check(utf8_prev(s, len, stops[i]) == stops[i - 1]);
    check(utf8_prev(s, len, 0) == 0);
    check(utf8_next(s, len, len) == len);

    /* From inside a cluster, next and prev go to its ends. */
    for (size_t i = 0; i + 1 < n; i++) {
        for (size_t p = stops[i] + 1; p < stops[i + 1]; p++) {
            check(utf8_next(s, len, p) == stops[i + 1]);
            check(utf8_prev(s, len, p) == stops[i]);
        }
    }

    /* Cells never decrease along the line. */
    size_t *xs = malloc(n * sizeof *xs);
    for (size_t i = 0; i < n; i++) {
        xs[i] = utf8_col_to_x(s, len, stops[i], tabw);
        if (i > 0)
            check(xs[i] >= xs[i - 1]);
    }
    /* A stop maps back to itself, or to the zero-width stop sharing its cell (a mark at the
     * line start), which comes first. */
    for (size_t i = 0; i + 1 < n; i++) {
        size_t first = i;
        while (first > 0 && xs[first - 1] == xs[i])
            first--;
        if (xs[i + 1] > xs[i])
            check(utf8_x_to_col(s, len, xs[i], tabw) == stops[first]);
    }
    check(utf8_col_to_x(s, len, len + 5, tabw) == xs[n - 1]);

    /* Any cell maps to the stop covering it: at or left of X, with the next stop right of X. */
    for (size_t x = 0; x <= xs[n - 1] + 2; x++) {
        size_t col = utf8_x_to_col(s, len, x, tabw);
        size_t i = 0;
        while (i < n && stops[i] != col)
            i++;
        check(i < n);
        check(xs[i] <= x);
        if (i + 1 < n)
            check(xs[i] == x || xs[i + 1] > x);
    }
    free(xs);
    free(stops);
    return 0;
}
