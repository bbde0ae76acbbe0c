/* grammar.h — the built grammars: a language's parser loaded from its shared object, with
 * its highlight and injection queries, loaded the first time a file of that language opens.
 *
 * The grammar directory holds NAME/parser.so (exporting tree_sitter_SYMBOL) and the queries
 * NAME/highlights.scm and NAME/injections.scm, inherited queries already prepended by the
 * build. A loaded grammar stays until grammar_free_all. Capture names of every loaded
 * highlights query share one numbering, so a capture index means the same name whichever
 * language produced it; the numbering only grows as grammars load. */
#ifndef SHED_GRAMMAR_H
#define SHED_GRAMMAR_H

#include <stddef.h>
#include <stdint.h>
#include <tree_sitter/api.h>

#include "lang.h"
#include "query.h"

#define GRAMMAR_NO_CAPTURE UINT32_MAX

struct grammar {
    char *name; /* the language's name: "python" */
    void *dl;
    const TSLanguage *ts;
    struct query *highlights; /* NULL when the grammar has no highlights.scm */
    struct query *injections; /* NULL when it has no injections.scm */
    /* Highlights capture id -> shared capture index; GRAMMAR_NO_CAPTURE for captures that only
     * feed predicates ("@_name"). */
    uint32_t *capture_index;
    /* Injections capture ids of @injection.content and @injection.language (UINT32_MAX when
     * the query has none). */
    uint32_t inj_content, inj_language;
};

/* Where grammars are found. The string is copied. */
void grammar_set_dir(const char *dir);

/* LANG's grammar, loaded on first use. NULL with err when it is not built, does not load, or
 * has an ABI this libtree-sitter cannot read (13 to 14), or its queries do not compile. */
struct grammar *grammar_get(const struct lang *lang, char *err, size_t errlen);

/* The shared capture numbering. */
const char *grammar_capture_name(uint32_t index);
uint32_t grammar_capture_count(void);

/* Unloads every grammar; no tree or syntax using one may remain. */
void grammar_free_all(void);

#endif
