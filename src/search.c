/* search.c — plain-text search inside one string, with smart case (see search.h).
 *
 * An exact search is memmem. A folding search tries each start offset in turn, decoding text
 * and needle together and comparing the text's lowercased code point with the needle's (which
 * is already lowercase, or folding would not have been chosen). Invalid bytes compare as raw
 * bytes. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "search.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "utf8.h"

static bool smart_fold(const char *needle, size_t n);
static size_t match_at(const struct search *q, const char *s, size_t len, size_t at);

/* Smart case: fold when the needle has no code point that lowercasing would change. */
static bool smart_fold(const char *needle, size_t n)
{
    int32_t cp;

    for (size_t i = 0; i < n;) {
        i += (size_t)utf8_decode(needle + i, n - i, &cp);
        if (cp != UTF8_INVALID && utf8proc_tolower(cp) != cp)
            return false;
    }
    return true;
}

/* End of the match of Q starting at S[AT], or 0 when there is none there (a match is never
 * empty, so 0 is no end). */
static size_t match_at(const struct search *q, const char *s, size_t len, size_t at)
{
    const char *nd = q->needle;
    size_t nn = q->len, i = at, j = 0;
    int32_t a, b;

    if (!q->fold)
        return len - at >= nn && memcmp(s + at, nd, nn) == 0 ? at + nn : 0;
    while (j < nn) {
        if (i >= len)
            return 0;
        int ka = utf8_decode(s + i, len - i, &a);
        int kb = utf8_decode(nd + j, nn - j, &b);
        if (a == UTF8_INVALID || b == UTF8_INVALID) {
            if (a != b || s[i] != nd[j])
                return 0;
        } else if (a != b && utf8proc_tolower(a) != b) {
            return 0;
        }
        i += (size_t)ka;
        j += (size_t)kb;
    }
    return i;
}

bool search_init(struct search *q, const char *needle)
{
    size_t nn = needle ? strlen(needle) : 0;

    if (nn == 0 || memchr(needle, '\n', nn))
        return false;
    q->needle = needle;
    q->len = nn;
    q->fold = smart_fold(needle, nn);
    return true;
}

bool search_first(const struct search *q, const char *s, size_t len, size_t lo, size_t hi,
                  size_t *m0, size_t *m1)
{
    if (hi > len)
        hi = len;
    if (!q->fold) {
        if (lo >= hi)
            return false;
        const char *p = memmem(s + lo, len - lo, q->needle, q->len);
        if (!p || (size_t)(p - s) >= hi)
            return false;
        *m0 = (size_t)(p - s);
        *m1 = *m0 + q->len;
        return true;
    }
    for (size_t i = lo; i < hi; i++) {
        size_t e = match_at(q, s, len, i);
        if (e) {
            *m0 = i;
            *m1 = e;
            return true;
        }
    }
    return false;
}

bool search_last(const struct search *q, const char *s, size_t len, size_t lo, size_t hi,
                 size_t *m0, size_t *m1)
{
    if (hi > len)
        hi = len;
    for (size_t i = hi; i-- > lo;) {
        size_t e = match_at(q, s, len, i);
        if (e) {
            *m0 = i;
            *m1 = e;
            return true;
        }
    }
    return false;
}
