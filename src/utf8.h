/* utf8.h — UTF-8 decoding and the cell widths shed displays text with.
 *
 * Text is kept as raw bytes everywhere; nothing is ever normalised or repaired. An invalid
 * byte decodes as UTF8_INVALID, consumes exactly one byte, and is shown as one replacement
 * cell, so it is written back unchanged. Columns ("col") are byte offsets into a line; screen
 * positions ("x") are cells, with tabs expanded to the tab width. */
#ifndef SHED_UTF8_H
#define SHED_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_INVALID (-1)

/* Decodes the code point at S (LEN bytes available, LEN > 0) into *CP; returns the bytes it
 * takes (1..4). Overlongs, surrogates, values past U+10FFFF and truncated sequences yield
 * UTF8_INVALID and 1. */
int utf8_decode(const char *s, size_t len, int32_t *cp);

/* Encodes CP into OUT; returns the byte count (1..4), or 0 for a value that is not a scalar. */
int utf8_encode(int32_t cp, char out[4]);

/* Cells CP takes on screen: 0 for combining marks and zero-width characters, 2 for wide
 * (CJK, emoji), 2 for C0 controls and DEL (drawn as ^X), 1 for UTF8_INVALID (drawn as a
 * replacement mark) and everything else. Tab is not handled here (see utf8_col_to_x). */
int utf8_cell_width(int32_t cp);

/* Byte offset of the next / previous cursor stop after / before COL in S[0..LEN): one code
 * point plus any zero-width marks that follow it, so a cursor never lands inside a cluster. */
size_t utf8_next(const char *s, size_t len, size_t col);
size_t utf8_prev(const char *s, size_t len, size_t col);

/* Screen cell at which byte COL starts, tabs expanded to TABW. */
size_t utf8_col_to_x(const char *s, size_t len, size_t col, int tabw);

/* Byte offset of the cursor stop whose cell range covers X (or the end of the line when X is
 * past it). A wide character or tab covering X maps to its own start. */
size_t utf8_x_to_col(const char *s, size_t len, size_t x, int tabw);

/* True for code points that make up words for Ctrl-arrow motion and undo grouping: letters,
 * digits, marks and '_'. */
int utf8_is_word(int32_t cp);

/* True when S[0..LEN) is valid UTF-8 throughout. */
int utf8_valid(const char *s, size_t len);

#endif
