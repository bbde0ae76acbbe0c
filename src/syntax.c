/* syntax.c — one document's parse tree: created over a buffer, kept current through the
 * buffer's changes, parsed in time slices, and walked for selection growth and bracket pairs.
 *
 * Tree-sitter reads the text through a TSInput whose callback serves the rest of a line, or
 * the "\n" after it, straight from the buffer; the line index (byte offset of each line in
 * the joined text) turns a byte offset into a line and gives the byte fields of each
 * TSInputEdit. An edit updates the index from the edited line on, edits the tree, and marks
 * it pending; a parse cut short by its timeout is resumed by the next slice, unless the text
 * changed meanwhile, in which case the parser is reset and starts over from the edited tree.
 *
 * A file's first parse has no tree to start from and takes tens of milliseconds (a second for
 * 5 MB), so its first slice parses only the first lines (PREFIX_LINES, at most PREFIX_BYTES,
 * cut before a line that looks like a top-level statement) at once, into a stand-in tree that
 * colours those rows; the next slices parse the whole text from scratch, and the whole tree
 * replaces the stand-in. An edit in the prefix moves the stand-in along (its colours stay in
 * place) and has the prefix parsed again. Highlighting is in syntax_highlight.c and injected
 * languages in syntax_inject.c. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "syntax.h"

#include <ctype.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "syntax_internal.h"
#include "xalloc.h"

/* The stand-in's text: this many lines at most, and no more bytes. About a screen of the
 * largest terminals, parsed in 1 to 3 ms. */
#define PREFIX_LINES 200
#define PREFIX_BYTES ((uint32_t)16 << 10)

static void index_build(struct syntax *s, const struct buffer *b);
static bool index_update(struct syntax *s, const struct buffer *b, const struct buffer_change *c,
                         TSInputEdit *e);
static void start_over(struct syntax *s, const struct buffer *b);
static size_t prefix_lines(const struct syntax *s, const struct buffer *b);
static bool top_level_start(const struct buffer *b, size_t line);
static bool parse_prefix(struct syntax *s, const struct buffer *b);
static void drop_prefix(struct syntax *s);
static void release_freed(void);
static TSTree *walk_tree(const struct syntax *s, uint32_t *limit);
static const char *input_read(void *payload, uint32_t byte, TSPoint at, uint32_t *n);
static struct pos pos_of_point(const struct syntax *s, const struct buffer *b, TSPoint p);
static bool opener_token(TSNode n, char c, uint32_t byte);
static bool closer_token(TSNode n, char c, uint32_t byte);
static char pair_of(char c);
static bool find_partner(TSNode n, char c, bool forward, TSNode *out);

void syntax_set_grammar_dir(const char *dir)
{
    grammar_set_dir(dir);
}

struct syntax *syntax_new(const struct lang *lang, const struct buffer *b, char *err, size_t errlen)
{
    struct grammar *g = grammar_get(lang, err, errlen);
    if (!g)
        return NULL;
    struct syntax *s = xcalloc(1, sizeof *s);
    s->lang = lang;
    s->g = g;
    s->parser = ts_parser_new();
    ts_parser_set_language(s->parser, g->ts); /* the ABI was checked when it loaded */
    s->pending = true;
    s->iparsing = SYNTAX_NONE;
    s->read_limit = UINT32_MAX;
    index_build(s, b);
    inject_preload(s);
    return s;
}

void syntax_free(struct syntax *s)
{
    if (!s)
        return;
    inject_free(s);
    highlight_free(s);
    if (s->tree)
        ts_tree_delete(s->tree);
    drop_prefix(s);
    ts_parser_delete(s->parser);
    free(s->line_start);
    free(s);
}

uint64_t syntax_now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

/* ---- the line index ---------------------------------------------------------------------- */

static void index_build(struct syntax *s, const struct buffer *b)
{
    xgrow((void **)&s->line_start, &s->lines_cap, b->nlines, sizeof *s->line_start);
    uint32_t at = 0;
    for (size_t i = 0; i < b->nlines; i++) {
        s->line_start[i] = at;
        at += (uint32_t)b->lines[i].len + 1;
    }
    s->nlines = b->nlines;
    s->read_hint = 0;
}

/* Moves the index from the text before C to the text after it (B), filling E's byte fields.
 * False when C does not fit the index, which then needs rebuilding. */
static bool index_update(struct syntax *s, const struct buffer *b, const struct buffer_change *c,
                         TSInputEdit *e)
{
    size_t sl = c->start.line;
    if (c->old_end.line < sl || c->old_end.line >= s->nlines || c->new_end.line < sl)
        return false;
    size_t removed = c->old_end.line - sl, added = c->new_end.line - sl;
    size_t n_new = s->nlines - removed + added;
    if (n_new != b->nlines || c->new_end.line >= n_new)
        return false;

    e->start_byte = s->line_start[sl] + (uint32_t)c->start.col;
    e->old_end_byte = s->line_start[c->old_end.line] + (uint32_t)c->old_end.col;
    xgrow((void **)&s->line_start, &s->lines_cap, n_new, sizeof *s->line_start);
    memmove(&s->line_start[sl + 1 + added], &s->line_start[sl + 1 + removed],
            (s->nlines - sl - 1 - removed) * sizeof *s->line_start);
    for (size_t i = sl + 1; i <= sl + added; i++)
        s->line_start[i] = s->line_start[i - 1] + (uint32_t)b->lines[i - 1].len + 1;
    s->nlines = n_new;
    e->new_end_byte = s->line_start[c->new_end.line] + (uint32_t)c->new_end.col;
    /* The text after the change only moved: shift its lines (unsigned wrap does the sign). */
    uint32_t delta = e->new_end_byte - e->old_end_byte;
    for (size_t i = c->new_end.line + 1; i < n_new; i++)
        s->line_start[i] += delta;

    e->start_point = (TSPoint){(uint32_t)c->start.line, (uint32_t)c->start.col};
    e->old_end_point = (TSPoint){(uint32_t)c->old_end.line, (uint32_t)c->old_end.col};
    e->new_end_point = (TSPoint){(uint32_t)c->new_end.line, (uint32_t)c->new_end.col};
    if (s->read_hint >= n_new)
        s->read_hint = 0;
    return true;
}

uint32_t syntax_byte_of(const struct syntax *s, struct pos p)
{
    if (p.line >= s->nlines)
        return syntax_text_len(s, NULL);
    return s->line_start[p.line] + (uint32_t)p.col;
}

/* The line holding BYTE: the last whose start is at or before it. */
size_t syntax_line_of_byte(const struct syntax *s, uint32_t byte)
{
    size_t lo = 0, hi = s->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->line_start[mid] <= byte)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Length of the joined text. Without B, the last line's length is not known and its start
 * stands in. */
uint32_t syntax_text_len(const struct syntax *s, const struct buffer *b)
{
    uint32_t last = s->line_start[s->nlines - 1];
    return b ? last + (uint32_t)b->lines[s->nlines - 1].len : last;
}

/* ---- edits ------------------------------------------------------------------------------- */

void syntax_edit(struct syntax *s, const struct buffer *b, const struct buffer_change *c)
{
    TSInputEdit e;
    if (!index_update(s, b, c, &e)) {
        start_over(s, b);
        return;
    }
    if (s->tree)
        ts_tree_edit(s->tree, &e);
    if (s->ptree && e.start_byte < s->prefix_end) {
        /* The prefix's text changed: keep its colours in place until it is parsed again. An
         * edit reaching past its end leaves whole only what comes before it. */
        ts_tree_edit(s->ptree, &e);
        if (e.old_end_byte <= s->prefix_end)
            s->prefix_end += e.new_end_byte - e.old_end_byte;
        else
            s->prefix_end = e.start_byte;
        if (s->safe_end > e.start_byte)
            s->safe_end = e.start_byte;
        s->ptree_stale = true;
    }
    if (s->in_progress) {
        ts_parser_reset(s->parser);
        s->in_progress = false;
    }
    s->pending = true;
    s->found = false;
    inject_edit(s, &e);
}

/* The index lost track of the text (a change that was not reported): parse from scratch. */
static void start_over(struct syntax *s, const struct buffer *b)
{
    index_build(s, b);
    if (s->tree)
        ts_tree_delete(s->tree);
    s->tree = NULL;
    drop_prefix(s);
    ts_parser_reset(s->parser);
    s->in_progress = false;
    s->pending = true;
    s->found = false;
    inject_free(s);
}

/* ---- parsing ----------------------------------------------------------------------------- */

TSInput syntax_input(struct syntax *s, const struct buffer *b)
{
    s->reading = b;
    return (TSInput){s, input_read, TSInputEncodingUTF8};
}

/* Serves the rest of the line holding BYTE, or the '\n' that ends it, up to the read limit.
 * AT names the same spot as a row and column; it is used when it agrees with the index. */
static const char *input_read(void *payload, uint32_t byte, TSPoint at, uint32_t *n)
{
    struct syntax *s = payload;
    const struct buffer *b = s->reading;
    if (byte >= s->read_limit) {
        *n = 0;
        return "";
    }
    size_t line;
    if (at.row < s->nlines && at.column <= b->lines[at.row].len &&
        s->line_start[at.row] + at.column == byte)
        line = at.row;
    else if (s->read_hint + 1 < s->nlines && s->line_start[s->read_hint] <= byte &&
             byte < s->line_start[s->read_hint + 1])
        line = s->read_hint;
    else
        line = syntax_line_of_byte(s, byte);
    s->read_hint = line;
    size_t col = byte - s->line_start[line], len = b->lines[line].len;
    if (col < len) {
        *n = (uint32_t)(len - col);
        if (*n > s->read_limit - byte)
            *n = s->read_limit - byte;
        return b->lines[line].text + col;
    }
    if (col == len && line + 1 < s->nlines) {
        *n = 1;
        return "\n";
    }
    *n = 0;
    return "";
}

/* A budget of 0 parses to the end (tests, and tree-sitter's own meaning of no timeout), with
 * no stand-in on the way. */
bool syntax_parse_step(struct syntax *s, const struct buffer *b, uint64_t budget_us)
{
    uint64_t deadline = budget_us ? syntax_now_us() + budget_us : 0;
    if (s->pending) {
        /* With no tree yet, the prefix first: its colours are what this slice gives. */
        if (!s->tree && budget_us && !s->in_progress && (!s->ptree || s->ptree_stale) &&
            parse_prefix(s, b))
            return true;
        ts_parser_set_timeout_micros(s->parser, budget_us);
        TSTree *t = ts_parser_parse(s->parser, s->tree, syntax_input(s, b));
        if (!t) {
            s->in_progress = true;
            return false;
        }
        s->in_progress = false;
        if (s->tree)
            ts_tree_delete(s->tree);
        s->tree = t;
        if (s->ptree) {
            drop_prefix(s);
            release_freed();
        }
        s->pending = false;
        s->found = false;
    }
    if (!s->found && s->have_win)
        inject_discover(s, b);
    return inject_parse(s, b, deadline);
}

bool syntax_pending(const struct syntax *s)
{
    return s->pending || inject_pending(s) ||
           (s->tree && s->have_win && !s->found && s->g->injections);
}

bool syntax_ready(const struct syntax *s)
{
    return s->tree || s->ptree;
}

/* ---- the stand-in of a first parse ----------------------------------------------------- */

/* How many lines the stand-in parses, or 0 when the whole text is hardly longer (its parse
 * is as quick) or its first line alone is too long. The cut goes before a line that starts
 * at its first column after a blank one, where a top-level statement likely begins, so the
 * tree's rows before it are those of the whole text's tree; failing that, before any line
 * starting at its first column. */
static size_t prefix_lines(const struct syntax *s, const struct buffer *b)
{
    size_t n = 0;
    while (n < PREFIX_LINES && n + 1 < s->nlines && s->line_start[n + 1] <= PREFIX_BYTES)
        n++;
    if (n == 0 || syntax_text_len(s, b) <= 2 * s->line_start[n])
        return 0;
    for (size_t k = n; k > n / 2; k--)
        if (b->lines[k - 1].len == 0 && top_level_start(b, k))
            return k;
    for (size_t k = n; k > n / 2; k--)
        if (top_level_start(b, k))
            return k;
    return n;
}

/* Whether LINE starts with a word, a decorator, a directive or a comment at its first column. */
static bool top_level_start(const struct buffer *b, size_t line)
{
    if (!b->lines[line].len)
        return false;
    unsigned char c = (unsigned char)b->lines[line].text[0];
    return isalpha(c) || c == '_' || c == '@' || c == '#';
}

/* Parses the prefix at once into the stand-in. False when there is to be none. */
static bool parse_prefix(struct syntax *s, const struct buffer *b)
{
    size_t n = prefix_lines(s, b);
    if (!n) {
        drop_prefix(s);
        return false;
    }
    s->read_limit = s->line_start[n];
    ts_parser_set_timeout_micros(s->parser, 0);
    TSTree *t = ts_parser_parse(s->parser, NULL, syntax_input(s, b));
    s->read_limit = UINT32_MAX;
    drop_prefix(s);
    if (!t)
        return false;
    s->ptree = t;
    s->prefix_end = s->line_start[n];
    TSNode root = ts_tree_root_node(t);
    uint32_t kids = ts_node_child_count(root);
    s->safe_end = kids ? ts_node_start_byte(ts_node_child(root, kids - 1)) : 0;
    return true;
}

static void drop_prefix(struct syntax *s)
{
    if (s->ptree)
        ts_tree_delete(s->ptree);
    s->ptree = NULL;
    s->ptree_stale = false;
}

/* The stand-in was allocated before the whole tree and freed after it: its pages, scattered
 * below the tree's, would stay resident (a fifth of a megabyte) without this (0.1 ms). */
static void release_freed(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

/* The rows the stand-in colours: [0, this). */
size_t syntax_prefix_rows(const struct syntax *s)
{
    return syntax_line_of_byte(s, s->prefix_end);
}

/* The tree to walk for a node and the byte its whole nodes end by: the tree, or the stand-in
 * while it matches the text. NULL when there is neither. */
static TSTree *walk_tree(const struct syntax *s, uint32_t *limit)
{
    *limit = UINT32_MAX;
    if (s->tree)
        return s->tree;
    if (!s->ptree || s->ptree_stale)
        return NULL;
    *limit = s->safe_end;
    return s->ptree;
}

const char *syntax_capture_name(const struct syntax *s, uint32_t capture)
{
    (void)s;
    return grammar_capture_name(capture);
}

uint32_t syntax_capture_count(const struct syntax *s)
{
    (void)s;
    return grammar_capture_count();
}

/* ---- walking the tree -------------------------------------------------------------------- */

/* P as a buffer position, clamped into the text (a stale tree may reach past it). */
static struct pos pos_of_point(const struct syntax *s, const struct buffer *b, TSPoint p)
{
    struct pos r = {p.row, p.column};
    if (r.line >= s->nlines) {
        r.line = s->nlines - 1;
        r.col = SIZE_MAX;
    }
    size_t len = b ? b->lines[r.line].len
                   : (r.line + 1 < s->nlines ? s->line_start[r.line + 1] - s->line_start[r.line] - 1
                                             : SIZE_MAX);
    if (r.col > len)
        r.col = len;
    return r;
}

bool syntax_grow(struct syntax *s, struct pos from, struct pos to, struct pos *out_from,
                 struct pos *out_to)
{
    uint32_t limit;
    TSTree *tree = walk_tree(s, &limit);
    if (!tree)
        return false;
    if (pos_cmp(from, to) > 0) {
        struct pos t = from;
        from = to;
        to = t;
    }
    uint32_t a = syntax_byte_of(s, from), z = syntax_byte_of(s, to);
    TSNode n = ts_node_named_descendant_for_byte_range(ts_tree_root_node(tree), a, z);
    for (; !ts_node_is_null(n); n = ts_node_parent(n)) {
        uint32_t ns = ts_node_start_byte(n), ne = ts_node_end_byte(n);
        if (ne > limit) /* the stand-in's node may be cut short by the end of its text */
            return false;
        if (ns <= a && ne >= z && (ns < a || ne > z)) {
            *out_from = pos_of_point(s, NULL, ts_node_start_point(n));
            *out_to = pos_of_point(s, NULL, ts_node_end_point(n));
            return true;
        }
    }
    return false;
}

/* An anonymous token whose text ends with the opener C at BYTE ("(", or bash's "$("). */
static bool opener_token(TSNode n, char c, uint32_t byte)
{
    const char *t = ts_node_type(n);
    size_t len = strlen(t);
    return !ts_node_is_named(n) && len && t[len - 1] == c && ts_node_end_byte(n) == byte + 1 &&
           ts_node_end_byte(n) - ts_node_start_byte(n) == len;
}

/* An anonymous token whose text starts with the closer C at BYTE. */
static bool closer_token(TSNode n, char c, uint32_t byte)
{
    const char *t = ts_node_type(n);
    size_t len = strlen(t);
    return !ts_node_is_named(n) && len && t[0] == c && ts_node_start_byte(n) == byte &&
           ts_node_end_byte(n) - ts_node_start_byte(n) == len;
}

/* The sibling of bracket token N that pairs with it, skipping nested pairs of the same kind.
 * C is N's bracket character. */
/* The other half of bracket C, or 0 when C is not a bracket. */
static char pair_of(char c)
{
    switch (c) {
    case '(':
        return ')';
    case ')':
        return '(';
    case '[':
        return ']';
    case ']':
        return '[';
    case '{':
        return '}';
    case '}':
        return '{';
    default:
        return 0;
    }
}

static bool find_partner(TSNode n, char c, bool forward, TSNode *out)
{
    char want = pair_of(c);
    TSNode p = ts_node_parent(n);
    if (ts_node_is_null(p))
        return false;
    uint32_t cnt = ts_node_child_count(p), k = 0;
    while (k < cnt && !ts_node_eq(ts_node_child(p, k), n))
        k++;
    if (k == cnt)
        return false;
    int depth = 0;
    for (int64_t i = (int64_t)k + (forward ? 1 : -1); i >= 0 && i < cnt; i += forward ? 1 : -1) {
        TSNode m = ts_node_child(p, (uint32_t)i);
        if (ts_node_is_named(m))
            continue;
        const char *t = ts_node_type(m);
        size_t len = strlen(t);
        if (!len)
            continue;
        char mine = forward ? t[len - 1] : t[0], theirs = forward ? t[0] : t[len - 1];
        if (mine == c) {
            depth++;
        } else if (theirs == want) {
            if (depth-- == 0) {
                *out = m;
                return !ts_node_is_missing(m);
            }
        }
    }
    return false;
}

bool syntax_match_bracket(struct syntax *s, const struct buffer *b, struct pos at,
                          struct pos *partner)
{
    uint32_t limit;
    TSTree *tree = walk_tree(s, &limit);
    if (!tree || at.line >= b->nlines || at.line >= s->nlines)
        return false;
    size_t len;
    const char *text = buffer_line(b, at.line, &len);
    if (at.col >= len)
        return false;
    char c = text[at.col];
    if (!pair_of(c))
        return false;
    bool forward = c == '(' || c == '[' || c == '{';
    uint32_t byte = syntax_byte_of(s, at);
    TSNode n = ts_node_descendant_for_byte_range(ts_tree_root_node(tree), byte, byte + 1);
    if (forward ? !opener_token(n, c, byte) : !closer_token(n, c, byte))
        return false;
    TSNode m;
    if (ts_node_end_byte(n) > limit || !find_partner(n, c, forward, &m) ||
        ts_node_end_byte(m) > limit)
        return false;
    /* The partner's bracket is its token's first character, or an opener's last ("$("). */
    TSPoint p = ts_node_start_point(m);
    if (!forward)
        p.column += (uint32_t)strlen(ts_node_type(m)) - 1;
    *partner = pos_of_point(s, b, p);
    /* A tree behind the text may name a spot that no longer holds the bracket. */
    const char *pt = buffer_line(b, partner->line, &len);
    return partner->col < len && pt[partner->col] == pair_of(c);
}
