/* utf8.c — strict UTF-8 decoding, cell widths and cursor stops within one line.
 *
 * Nothing here allocates or keeps state: every function reads a byte range. A cursor stop
 * (the start of a cluster) is one code point followed by any zero-width code points, and a
 * ZWJ (U+200D) pulls the code point after it into the cluster too. Stops are defined by
 * walking forward from the line start; to avoid that walk, utf8_next / utf8_prev step back to
 * the nearest position that is certainly a stop (a non-continuation byte starting a code point
 * of non-zero width that does not follow a ZWJ) and walk forward from there. Widths come from
 * libutf8proc, with controls and invalid bytes given the cells shed draws them in. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "utf8.h"

#include <utf8proc.h>

#define ZWJ 0x200D

static int cont(unsigned char c);
static int is_stop_start(const char *s, size_t len, size_t p);
static size_t sync_back(const char *s, size_t len, size_t p);
static size_t cluster_end(const char *s, size_t len, size_t p);
static size_t advance_x(size_t x, int32_t cp, int tabw);

static int cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

int utf8_decode(const char *s, size_t len, int32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[0];
    int n;
    int32_t v;
    unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */

    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        v = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0; /* overlong */
        else if (c == 0xED)
            hi = 0x9F; /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        v = c & 0x07;
        if (c == 0xF0)
            lo = 0x90; /* overlong */
        else if (c == 0xF4)
            hi = 0x8F; /* past U+10FFFF */
    } else {
        *cp = UTF8_INVALID;
        return 1;
    }
    if (len < (size_t)n || u[1] < lo || u[1] > hi) {
        *cp = UTF8_INVALID;
        return 1;
    }
    for (int i = 1; i < n; i++) {
        if (!cont(u[i])) {
            *cp = UTF8_INVALID;
            return 1;
        }
        v = (v << 6) | (u[i] & 0x3F);
    }
    *cp = v;
    return n;
}

int utf8_encode(int32_t cp, char out[4])
{
    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int utf8_cell_width(int32_t cp)
{
    if (cp == UTF8_INVALID || cp < 0 || cp > 0x10FFFF)
        return 1;
    if (cp < 0x20 || cp == 0x7F)
        return 2;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_ME:
        return 0;
    case UTF8PROC_CATEGORY_CC: /* C1 controls and the line / paragraph separators are */
    case UTF8PROC_CATEGORY_ZL: /* invisible on a terminal: shed shows a replacement cell so */
    case UTF8PROC_CATEGORY_ZP: /* they can be seen and deleted */
    case UTF8PROC_CATEGORY_CS:
        return 1;
    default:
        return utf8proc_charwidth(cp);
    }
}

/* True when a cursor stop certainly starts at P (P < LEN): P is a code point boundary (never
 * a continuation byte), its code point has width, and it is not the code point a ZWJ joins. */
static int is_stop_start(const char *s, size_t len, size_t p)
{
    int32_t cp;

    if (p == 0)
        return 1;
    if (cont((unsigned char)s[p]))
        return 0;
    utf8_decode(s + p, len - p, &cp);
    if (utf8_cell_width(cp) == 0)
        return 0;
    if (p >= 3 && (unsigned char)s[p - 3] == 0xE2 && (unsigned char)s[p - 2] == 0x80 &&
        (unsigned char)s[p - 1] == 0x8D)
        return 0;
    return 1;
}

/* The nearest certain stop at or before P (P < LEN). */
static size_t sync_back(const char *s, size_t len, size_t p)
{
    while (!is_stop_start(s, len, p))
        p--;
    return p;
}

/* End of the cluster starting at stop P (P < LEN). */
static size_t cluster_end(const char *s, size_t len, size_t p)
{
    int32_t cp;

    p += (size_t)utf8_decode(s + p, len - p, &cp);
    while (p < len) {
        int n = utf8_decode(s + p, len - p, &cp);
        if (cp == ZWJ) {
            p += (size_t)n;
            if (p < len)
                p += (size_t)utf8_decode(s + p, len - p, &cp);
        } else if (utf8_cell_width(cp) == 0) {
            p += (size_t)n;
        } else {
            break;
        }
    }
    return p;
}

size_t utf8_next(const char *s, size_t len, size_t col)
{
    if (col >= len)
        return len;
    size_t p = sync_back(s, len, col);
    for (;;) {
        size_t q = cluster_end(s, len, p);
        if (q > col)
            return q;
        p = q;
    }
}

size_t utf8_prev(const char *s, size_t len, size_t col)
{
    if (col > len)
        col = len;
    if (col == 0)
        return 0;
    size_t p = sync_back(s, len, col - 1);
    for (;;) {
        size_t q = cluster_end(s, len, p);
        if (q >= col)
            return p;
        p = q;
    }
}

static size_t advance_x(size_t x, int32_t cp, int tabw)
{
    if (cp == '\t') {
        size_t t = tabw > 0 ? (size_t)tabw : 1;
        return x + t - x % t;
    }
    return x + (size_t)utf8_cell_width(cp);
}

size_t utf8_col_to_x(const char *s, size_t len, size_t col, int tabw)
{
    size_t x = 0, p = 0;
    int32_t cp;

    if (col > len)
        col = len;
    while (p < col) {
        p += (size_t)utf8_decode(s + p, len - p, &cp);
        x = advance_x(x, cp, tabw);
    }
    return x;
}

size_t utf8_x_to_col(const char *s, size_t len, size_t x, int tabw)
{
    size_t p = 0, x0 = 0;
    int32_t cp;

    while (p < len) {
        size_t end = cluster_end(s, len, p);
        size_t x1 = x0;
        for (size_t q = p; q < end;) {
            q += (size_t)utf8_decode(s + q, len - q, &cp);
            x1 = advance_x(x1, cp, tabw);
        }
        /* A zero-width stop (a mark at the line start) still claims its own cell position. */
        if (x < x1 || x == x0)
            return p;
        p = end;
        x0 = x1;
    }
    return len;
}

int utf8_is_word(int32_t cp)
{
    if (cp == '_')
        return 1;
    if (cp < 0 || cp > 0x10FFFF)
        return 0;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

int utf8_valid(const char *s, size_t len)
{
    size_t p = 0;
    int32_t cp;

    while (p < len) {
        /* ASCII runs are the common case; skip them without decoding. */
        if ((unsigned char)s[p] < 0x80) {
            p++;
            continue;
        }
        p += (size_t)utf8_decode(s + p, len - p, &cp);
        if (cp == UTF8_INVALID)
            return 0;
    }
    return 1;
}
