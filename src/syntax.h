/* syntax.h — tree-sitter over one document: the parse tree kept current as the text changes,
 * and the highlight spans of the rows on screen.
 *
 * The text tree-sitter sees is the buffer's lines joined by '\n' (a CRLF file's '\r' never
 * reaches it), so rows and columns are the buffer's own lines and byte columns. Edits arrive
 * through syntax_edit (the buffer's listener); the tree is then stale until syntax_parse_step
 * has caught up. Parsing runs in slices of a few milliseconds between input events, so typing
 * never waits and a large file paints before its colours arrive. Grammars are shared objects
 * loaded the first time a file of their language opens. */
#ifndef SHED_SYNTAX_H
#define SHED_SYNTAX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buffer.h"
#include "lang.h"

/* Files larger than this open without highlighting (the status line says so). */
#define SYNTAX_MAX_BYTES ((size_t)32 << 20)

struct syntax;

/* A highlighted run on one line: bytes [col_from, col_to) carry capture CAPTURE (an index
 * for syntax_capture_name). Spans on a line come sorted and do not overlap; where captures
 * overlap, the result is what tree-sitter's own highlighter picks. */
struct syntax_span {
    size_t line;
    size_t col_from, col_to;
    uint32_t capture;
};

/* Where the built grammars live (directory holding NAME/parser.so and NAME/highlights.scm). */
void syntax_set_grammar_dir(const char *dir);

/* A syntax for text in LANG over B; NULL with err when the grammar cannot be loaded (it is
 * missing, or its ABI is not one this libtree-sitter reads). Nothing is parsed yet. */
struct syntax *syntax_new(const struct lang *lang, const struct buffer *b, char *err,
                          size_t errlen);
void syntax_free(struct syntax *s);

/* Records a change B just went through (call from the buffer's listener). */
void syntax_edit(struct syntax *s, const struct buffer *b, const struct buffer_change *c);

/* Parses for at most BUDGET_US microseconds. Returns true once the tree matches the text, and
 * also when a file's first parse has coloured its top: with no tree yet, a slice first parses
 * the first lines alone (at most 200 lines or 16 KB, a few milliseconds whatever the budget)
 * and returns, so the rows on screen take colours while the whole text is parsed in the next
 * slices; syntax_pending stays true until then. A budget of 0 parses to the end at once. */
bool syntax_parse_step(struct syntax *s, const struct buffer *b, uint64_t budget_us);
/* True while the tree is behind the text. */
bool syntax_pending(const struct syntax *s);
/* True once some tree exists (the colours shown may be from before the latest edits, or of the
 * first lines only while the first parse runs). */
bool syntax_ready(const struct syntax *s);

/* The spans of lines [FIRST, LAST) from the current tree, injections included. The array is
 * owned by S and valid until the next call. */
const struct syntax_span *syntax_highlight(struct syntax *s, const struct buffer *b, size_t first,
                                           size_t last, size_t *count);
/* "keyword", "function.builtin"... for a span's capture. */
const char *syntax_capture_name(const struct syntax *s, uint32_t capture);
/* How many capture names there are (captures index 0..count-1), for caching styles. */
uint32_t syntax_capture_count(const struct syntax *s);

/* The smallest syntax node that contains [FROM, TO) and is larger than it, for growing the
 * selection (Alt-Up). False when there is none (the whole file is selected). */
bool syntax_grow(struct syntax *s, struct pos from, struct pos to, struct pos *out_from,
                 struct pos *out_to);

/* The bracket that matches the one at AT ("([{" and their closers, as the tree pairs them).
 * False when AT holds no bracket or it has no partner. */
bool syntax_match_bracket(struct syntax *s, const struct buffer *b, struct pos at,
                          struct pos *partner);

#endif
