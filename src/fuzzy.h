/* fuzzy.h — fuzzy matching for quick-open: is PATTERN a subsequence of a candidate, and how
 * good a match is it. Scores reward consecutive letters, letters at word starts (after '/',
 * '_', '-', '.', or a case change) and matches in the file name over the directory. */
#ifndef SHED_FUZZY_H
#define SHED_FUZZY_H

#include <stddef.h>

/* Score of PATTERN against CANDIDATE (case-insensitive), or -1 when it does not match. An
 * empty pattern matches everything with score 0. When POSITIONS is non-NULL it receives the
 * byte offsets of the matched pattern characters (as many as PATTERN has bytes). */
int fuzzy_score(const char *pattern, const char *candidate, size_t *positions);

#endif
