/* query.h — a tree-sitter query compiled once with its predicates, and the test of a match
 * against them.
 *
 * Tree-sitter only parses predicates; evaluating them is the caller's job. The filtering ones
 * are compiled here once per pattern: #eq? / #not-eq? (a capture against a string or another
 * capture), #match? / #not-match? (PCRE2, compiled once), #any-of? / #not-any-of?, and the
 * any- forms of eq and match for quantified captures. #set! key value pairs are kept per
 * pattern for the injection rules; other directives (#is?, #is-not?, #select-adjacent!,
 * #strip!...) are accepted and ignored. Node text is read from the buffer by rows and byte
 * columns, in the '\n'-joined view of its lines. */
#ifndef SHED_QUERY_H
#define SHED_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <tree_sitter/api.h>

#include "buffer.h"

struct query;

/* Compiles SRC[0..LEN) for LANG. NAME ("python/highlights.scm") names the query in errors,
 * which give the line and what is wrong. NULL with err on failure. */
struct query *query_new(const TSLanguage *lang, const char *name, const char *src, size_t len,
                        char *err, size_t errlen);
void query_free(struct query *q);

const TSQuery *query_ts(const struct query *q);

/* True when M passes every predicate of its pattern, the captured nodes' text read from B. */
bool query_match_ok(struct query *q, const TSQueryMatch *m, const struct buffer *b);

/* Whether PATTERN sets KEY with #set! ("injection.language"); *VALUE (may be NULL) gets its
 * value, or NULL for a key set without one. The string lives as long as Q. */
bool query_property(const struct query *q, uint32_t pattern, const char *key, const char **value);

/* Every value PATTERN sets KEY to is passed to FN (the static injection languages). */
void query_each_property(const struct query *q, const char *key,
                         void (*fn)(const char *value, void *ctx), void *ctx);

/* The id of capture NAME in Q, or UINT32_MAX when Q has none by that name. */
uint32_t query_capture_id(const struct query *q, const char *name);

#endif
