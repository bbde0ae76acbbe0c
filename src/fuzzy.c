/* fuzzy.c — the quick-open matcher. A greedy pass finds whether the pattern matches at all;
 * then each pattern character is placed at the best-scoring position after the previous one
 * (preferring word starts and runs), which is what people expect from an editor's Ctrl-P and
 * costs O(pattern x candidate) at worst. */
#include "fuzzy.h"

#include <ctype.h>
#include <string.h>

static int is_boundary(const char *s, size_t i)
{
    if (i == 0)
        return 1;
    char p = s[i - 1], c = s[i];
    if (p == '/' || p == '_' || p == '-' || p == '.' || p == ' ')
        return 1;
    return islower((unsigned char)p) && isupper((unsigned char)c);
}

int fuzzy_score(const char *pattern, const char *candidate, size_t *positions)
{
    size_t plen = strlen(pattern), clen = strlen(candidate);
    if (plen == 0)
        return 0;
    const char *slash = strrchr(candidate, '/');
    size_t base = slash ? (size_t)(slash - candidate) + 1 : 0;

    int score = 0;
    size_t ci = 0, last = (size_t)-1;
    for (size_t pi = 0; pi < plen; pi++) {
        int pc = tolower((unsigned char)pattern[pi]);
        /* Best position for this character: a word start or the spot right after the last
         * match beats the first plain occurrence, as long as the rest still fits after it. */
        size_t first = (size_t)-1, best = (size_t)-1;
        for (size_t j = ci; j < clen; j++) {
            if (tolower((unsigned char)candidate[j]) != pc)
                continue;
            if (first == (size_t)-1)
                first = j;
            if ((last != (size_t)-1 && j == last + 1) || is_boundary(candidate, j)) {
                /* Keep it only if the remaining pattern still matches after j. */
                size_t k = j + 1, q = pi + 1;
                while (q < plen && k < clen) {
                    if (tolower((unsigned char)candidate[k]) == tolower((unsigned char)pattern[q]))
                        q++;
                    k++;
                }
                if (q == plen) {
                    best = j;
                    break;
                }
            }
        }
        size_t at = best != (size_t)-1 ? best : first;
        if (at == (size_t)-1)
            return -1;
        score += 1;
        if (last != (size_t)-1 && at == last + 1)
            score += 8;
        if (is_boundary(candidate, at))
            score += 6;
        if (at >= base)
            score += 2;
        if (candidate[at] == pattern[pi])
            score += 1;
        if (positions)
            positions[pi] = at;
        last = at;
        ci = at + 1;
    }
    /* Shorter candidates win ties: "main.py" before "tests/test_main_window.py". */
    score = score * 64 - (int)(clen > 255 ? 255 : clen) / 4;
    return score < 0 ? 0 : score;
}
