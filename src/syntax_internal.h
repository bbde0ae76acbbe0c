/* syntax_internal.h — the state behind struct syntax, shared by syntax.c (trees, edits,
 * parsing, node walks), syntax_highlight.c (spans for the rows on screen) and syntax_inject.c
 * (languages embedded in others). Not a contract: only syntax*.c include it.
 *
 * The line index holds the byte offset of each line in the '\n'-joined text tree-sitter
 * reads; it is kept equal to the buffer's lines by syntax_edit. Injected regions are layers:
 * a grammar, the byte ranges it covers and its own tree, edited alongside the host's and
 * parsed after it. */
#ifndef SHED_SYNTAX_INTERNAL_H
#define SHED_SYNTAX_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <tree_sitter/api.h>

#include "grammar.h"
#include "syntax.h"

#define SYNTAX_NONE SIZE_MAX

struct layer {
    struct grammar *g;
    TSTree *tree; /* NULL until first parsed */
    TSRange *ranges;
    uint32_t nranges;
    bool dirty;   /* the tree is behind the text or the ranges */
    unsigned gen; /* the discovery pass that last found this region */
};

/* A byte run of one capture, in the joined text. */
struct bspan {
    uint32_t from, to;
    uint32_t capture;
};

struct bspans {
    struct bspan *v;
    size_t n, cap;
};

/* A highlight capture before overlaps are resolved. */
struct cand {
    uint32_t from, to;
    uint32_t capture;
    uint32_t pattern;
    uint32_t seq; /* arrival order */
};

/* A node that already has a candidate, and which. */
struct seen {
    TSNode node;
    size_t cand;
};

struct syntax {
    const struct lang *lang;
    struct grammar *g;
    TSParser *parser;
    TSTree *tree;                 /* the newest tree, edited to follow the text even while stale */
    bool pending;                 /* the host tree is behind the text */
    bool in_progress;             /* the parser holds a parse its timeout cut short */
    const struct buffer *reading; /* what the input callback serves during a parse */
    uint32_t read_limit;          /* the input callback serves no byte from here on */

    /* A file's first parse starts with a stand-in: the tree of its first lines alone, parsed
     * at once, which colours those rows while the whole text is parsed in slices. */
    TSTree *ptree;       /* the stand-in, or NULL; never beside a tree */
    uint32_t prefix_end; /* the byte its text ends at (a line start when it was parsed) */
    uint32_t safe_end;   /* where its last top-level node starts: nodes ending by here are whole */
    bool ptree_stale;    /* an edit reached into its text: parse the prefix again */

    uint32_t *line_start; /* nlines entries */
    size_t nlines, lines_cap;
    size_t read_hint; /* the line the input callback served last */

    /* Injections (syntax_inject.c). */
    TSParser *iparser;
    struct layer *layers;
    size_t nlayers, layers_cap;
    size_t iparsing; /* the layer whose parse the timeout cut short, or SYNTAX_NONE */
    unsigned gen;
    bool found;                 /* layers reflect the host tree over the window */
    size_t win_first, win_last; /* the rows last highlighted */
    bool have_win;

    /* Highlighting scratch and results (syntax_highlight.c). */
    TSQueryCursor *cursor;
    TSNode *roots; /* where queries over the window start (syntax_query_roots) */
    size_t nroots, roots_cap;
    struct cand *cands;
    size_t ncands, cands_cap;
    struct seen *seen; /* nodes highlighted at the current start byte */
    size_t nseen, seen_cap;
    struct bspans host, layer, tmp, merged;
    struct syntax_span *spans;
    size_t nspans, spans_cap;
};

/* syntax.c */
TSInput syntax_input(struct syntax *s, const struct buffer *b);
uint32_t syntax_byte_of(const struct syntax *s, struct pos p);
size_t syntax_line_of_byte(const struct syntax *s, uint32_t byte);
uint32_t syntax_text_len(const struct syntax *s, const struct buffer *b);
uint64_t syntax_now_us(void);
size_t syntax_prefix_rows(const struct syntax *s);

/* syntax_inject.c */
void inject_preload(struct syntax *s);
void inject_discover(struct syntax *s, const struct buffer *b);
bool inject_parse(struct syntax *s, const struct buffer *b, uint64_t deadline_us);
void inject_edit(struct syntax *s, const TSInputEdit *e);
bool inject_pending(const struct syntax *s);
void inject_free(struct syntax *s);

/* syntax_highlight.c */
void syntax_query_roots(struct syntax *s, TSNode root, size_t first, size_t last);
void highlight_free(struct syntax *s);

#endif
