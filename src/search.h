/* search.h — plain-text search inside one string, with smart case.
 *
 * A needle is one line of text (no '\n'), matched byte for byte except under smart case: a
 * needle with no code point that lowercasing would change (all lowercase, or no letters)
 * matches any case, the text being lowercased code point by code point through utf8proc; a
 * needle with any uppercase matches exactly. Invalid UTF-8 bytes only ever match themselves.
 * Positions are byte offsets into the searched string, which need not be NUL-terminated.
 * Nothing here allocates. */
#ifndef SHED_SEARCH_H
#define SHED_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

/* A needle ready to search with. Borrows its text: NEEDLE must outlive the struct. */
struct search {
    const char *needle;
    size_t len;
    bool fold; /* smart case chose to ignore case */
};

/* Prepares Q for NEEDLE (a C string). False, leaving Q unusable, when NEEDLE is NULL, empty or
 * holds a '\n'. */
bool search_init(struct search *q, const char *needle);

/* The first / last match of Q starting at an offset in [LO, HI) of S[0..LEN) (HI is clamped to
 * LEN; a match may run past HI). On success *M0..*M1 is the matched byte range. Under fold the
 * range can differ in length from the needle (a letter's other case may encode longer). */
bool search_first(const struct search *q, const char *s, size_t len, size_t lo, size_t hi,
                  size_t *m0, size_t *m1);
bool search_last(const struct search *q, const char *s, size_t len, size_t lo, size_t hi,
                 size_t *m0, size_t *m1);

#endif
