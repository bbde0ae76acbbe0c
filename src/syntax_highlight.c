/* syntax_highlight.c — the highlight spans of the rows on screen.
 *
 * Each tree (the host's, then each injected layer's) is queried over the rows only. Captures
 * whose match fails its predicates are dropped; of the captures on one node the last
 * pattern's wins, as in tree-sitter's highlighter since 0.21 (the grammars' queries are
 * written for it: a general `(identifier) @variable` first, the specific cases after it, and
 * the project's own additions appended last). The rest are nested node ranges, resolved
 * by a sweep with a stack: sorted by start, wider first, the innermost open capture colours
 * each byte, so a string's escape sequence beats the string around it. An injected layer's
 * spans, clipped to its ranges, are painted over the host's. The byte spans are then cut at
 * line ends into the (line, column) spans syntax.h promises. Before a file's first parse ends,
 * the stand-in tree of its first lines (syntax.c) colours those rows alone.
 *
 * A query cursor steps through every child of a node it enters, even children far outside
 * its range, which over a 5 MB module of 30,000 functions costs over 10 ms a frame. So
 * queries start below any node with more than ROOT_FANOUT children, at those of its children
 * that reach the window; tree-sitter keeps long child lists as balanced trees of hidden
 * nodes, which a tree cursor finds the window's children through in logarithmic time. A
 * pattern anchored on such a long list node itself (Markdown's front matter on a document of
 * hundreds of sections) is then not matched. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdlib.h>
#include <string.h>

#include "syntax_internal.h"
#include "xalloc.h"

#define ROOT_FANOUT 256

static void layer_spans(struct syntax *s, const struct buffer *b, struct grammar *g, TSTree *tree,
                        size_t first, size_t last, uint32_t lo, uint32_t hi, struct bspans *out);
static void add_roots(struct syntax *s, TSNode n, TSPoint from, TSPoint to);
static void add_captures(struct syntax *s, const struct buffer *b, struct grammar *g, uint32_t lo,
                         uint32_t hi);
static size_t seen_before(struct syntax *s, TSNode n);
static int cand_cmp(const void *a, const void *b);
static void sweep(const struct cand *c, size_t n, uint32_t lo, uint32_t hi, struct bspans *out);
static void push(struct bspans *v, uint32_t from, uint32_t to, uint32_t capture);
static void clip_to_ranges(struct bspans *v, const TSRange *r, uint32_t nr);
static void overlay(const struct bspans *under, const struct bspans *over, struct bspans *tmp,
                    struct bspans *out);
static void to_lines(struct syntax *s, const struct buffer *b, const struct bspans *v, size_t first,
                     size_t last);

const struct syntax_span *syntax_highlight(struct syntax *s, const struct buffer *b, size_t first,
                                           size_t last, size_t *count)
{
    *count = 0;
    s->nspans = 0;
    if (last > b->nlines)
        last = b->nlines;
    if (first >= last || s->nlines != b->nlines)
        return s->spans;
    if (!s->have_win || first != s->win_first || last != s->win_last) {
        s->win_first = first;
        s->win_last = last;
        s->have_win = true;
        s->found = false;
    }
    TSTree *tree = s->tree;
    if (!tree && s->ptree) {
        /* A first parse's stand-in colours the rows of its prefix. */
        tree = s->ptree;
        size_t rows = syntax_prefix_rows(s);
        if (last > rows)
            last = rows;
        if (first >= last)
            return s->spans;
    }
    if (!tree)
        return s->spans;
    if (!s->pending && !s->found)
        inject_discover(s, b);

    uint32_t lo = s->line_start[first];
    uint32_t hi = s->line_start[last - 1] + (uint32_t)b->lines[last - 1].len;
    layer_spans(s, b, s->g, tree, first, last, lo, hi, &s->host);
    for (size_t i = 0; i < s->nlayers; i++) {
        struct layer *l = &s->layers[i];
        if (!l->tree || !l->nranges || l->ranges[0].start_byte >= hi ||
            l->ranges[l->nranges - 1].end_byte <= lo)
            continue;
        layer_spans(s, b, l->g, l->tree, first, last, lo, hi, &s->layer);
        clip_to_ranges(&s->layer, l->ranges, l->nranges);
        overlay(&s->host, &s->layer, &s->tmp, &s->merged);
        struct bspans t = s->host;
        s->host = s->merged;
        s->merged = t;
    }
    to_lines(s, b, &s->host, first, last);
    *count = s->nspans;
    return s->spans;
}

/* Fills S->roots with the nodes a query over rows [FIRST, LAST) of ROOT's tree starts at. */
void syntax_query_roots(struct syntax *s, TSNode root, size_t first, size_t last)
{
    s->nroots = 0;
    add_roots(s, root, (TSPoint){(uint32_t)first, 0}, (TSPoint){(uint32_t)last, 0});
}

static bool point_lt(TSPoint a, TSPoint b)
{
    return a.row < b.row || (a.row == b.row && a.column < b.column);
}

static void add_roots(struct syntax *s, TSNode n, TSPoint from, TSPoint to)
{
    if (ts_node_child_count(n) <= ROOT_FANOUT) {
        xgrow((void **)&s->roots, &s->roots_cap, s->nroots + 1, sizeof *s->roots);
        s->roots[s->nroots++] = n;
        return;
    }
    TSTreeCursor c = ts_tree_cursor_new(n);
    if (ts_tree_cursor_goto_first_child_for_point(&c, from) >= 0) {
        do {
            TSNode child = ts_tree_cursor_current_node(&c);
            if (!point_lt(ts_node_start_point(child), to))
                break;
            add_roots(s, child, from, to);
        } while (ts_tree_cursor_goto_next_sibling(&c));
    }
    ts_tree_cursor_delete(&c);
}

void highlight_free(struct syntax *s)
{
    free(s->roots);
    if (s->cursor)
        ts_query_cursor_delete(s->cursor);
    free(s->cands);
    free(s->seen);
    free(s->host.v);
    free(s->layer.v);
    free(s->tmp.v);
    free(s->merged.v);
    free(s->spans);
}

/* The resolved byte spans of TREE's highlights over rows [FIRST, LAST), clipped to [LO, HI). */
static void layer_spans(struct syntax *s, const struct buffer *b, struct grammar *g, TSTree *tree,
                        size_t first, size_t last, uint32_t lo, uint32_t hi, struct bspans *out)
{
    out->n = 0;
    if (!g->highlights)
        return;
    if (!s->cursor)
        s->cursor = ts_query_cursor_new();
    TSQueryCursor *qc = s->cursor;
    s->ncands = 0;
    s->nseen = 0;
    syntax_query_roots(s, ts_tree_root_node(tree), first, last);
    for (size_t r = 0; r < s->nroots; r++) {
        ts_query_cursor_set_point_range(qc, (TSPoint){(uint32_t)first, 0},
                                        (TSPoint){(uint32_t)last, 0});
        ts_query_cursor_exec(qc, query_ts(g->highlights), s->roots[r]);
        add_captures(s, b, g, lo, hi);
    }
    if (s->ncands)
        qsort(s->cands, s->ncands, sizeof *s->cands, cand_cmp);
    sweep(s->cands, s->ncands, lo, hi, out);
}

/* Turns the cursor's captures into candidates. */
static void add_captures(struct syntax *s, const struct buffer *b, struct grammar *g, uint32_t lo,
                         uint32_t hi)
{
    TSQueryCursor *qc = s->cursor;
    uint32_t at = UINT32_MAX;
    TSQueryMatch m;
    uint32_t ci;
    s->nseen = 0;
    while (ts_query_cursor_next_capture(qc, &m, &ci)) {
        if (!query_match_ok(g->highlights, &m, b)) {
            ts_query_cursor_remove_match(qc, m.id);
            continue;
        }
        TSQueryCapture k = m.captures[ci];
        uint32_t capture = g->capture_index[k.index];
        uint32_t from = ts_node_start_byte(k.node), to = ts_node_end_byte(k.node);
        if (capture == GRAMMAR_NO_CAPTURE || from >= to || to <= lo || from >= hi)
            continue;
        if (from != at) {
            at = from;
            s->nseen = 0;
        }
        size_t prev = seen_before(s, k.node);
        if (prev != SYNTAX_NONE) {
            /* A later pattern on the same node overrides the earlier one. */
            if (m.pattern_index >= s->cands[prev].pattern) {
                s->cands[prev].capture = capture;
                s->cands[prev].pattern = m.pattern_index;
            }
            continue;
        }
        xgrow((void **)&s->cands, &s->cands_cap, s->ncands + 1, sizeof *s->cands);
        s->cands[s->ncands] =
            (struct cand){from, to, capture, m.pattern_index, (uint32_t)s->ncands};
        s->ncands++;
    }
}

/* The candidate already made for node N at the current start byte, or SYNTAX_NONE after
 * recording N as the next candidate's node. */
static size_t seen_before(struct syntax *s, TSNode n)
{
    for (size_t i = 0; i < s->nseen; i++)
        if (ts_node_eq(s->seen[i].node, n))
            return s->seen[i].cand;
    xgrow((void **)&s->seen, &s->seen_cap, s->nseen + 1, sizeof *s->seen);
    s->seen[s->nseen].node = n;
    s->seen[s->nseen].cand = s->ncands;
    s->nseen++;
    return SYNTAX_NONE;
}

/* By start, then wider first (outer before inner), then pattern, then arrival. */
static int cand_cmp(const void *a, const void *b)
{
    const struct cand *x = a, *y = b;
    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    if (x->to != y->to)
        return x->to > y->to ? -1 : 1;
    if (x->pattern != y->pattern)
        return x->pattern < y->pattern ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq; /* qsort is not stable */
}

/* Appends [FROM, TO) unless empty, joining it to the previous span when they touch and agree. */
static void push(struct bspans *v, uint32_t from, uint32_t to, uint32_t capture)
{
    if (from >= to)
        return;
    if (v->n && v->v[v->n - 1].to == from && v->v[v->n - 1].capture == capture) {
        v->v[v->n - 1].to = to;
        return;
    }
    xgrow((void **)&v->v, &v->cap, v->n + 1, sizeof *v->v);
    v->v[v->n++] = (struct bspan){from, to, capture};
}

/* Nested ranges to flat spans: each byte takes the capture of the innermost range open over
 * it. The stack holds the open ranges, innermost on top. */
static void sweep(const struct cand *c, size_t n, uint32_t lo, uint32_t hi, struct bspans *out)
{
    struct {
        uint32_t end, capture;
    } stack[256] = {{0, 0}};
    size_t sp = 0;
    uint32_t at = lo;

    for (size_t i = 0; i <= n; i++) {
        uint32_t next = i < n ? c[i].from : UINT32_MAX;
        while (sp && stack[sp - 1].end <= next) {
            uint32_t end = stack[sp - 1].end < hi ? stack[sp - 1].end : hi;
            push(out, at, end, stack[sp - 1].capture);
            if (end > at)
                at = end;
            sp--;
        }
        if (i == n)
            break;
        uint32_t upto = next < hi ? next : hi;
        if (sp)
            push(out, at, upto, stack[sp - 1].capture);
        if (upto > at)
            at = upto;
        if (sp == sizeof stack / sizeof stack[0]) /* nesting this deep: keep the outer ones */
            continue;
        stack[sp].end = c[i].to;
        stack[sp].capture = c[i].capture;
        sp++;
    }
}

/* Keeps only the parts of V inside the ranges R (both sorted). */
static void clip_to_ranges(struct bspans *v, const TSRange *r, uint32_t nr)
{
    struct bspan *src = v->v;
    size_t n = v->n, k = 0;
    struct bspans out = {0};
    for (size_t i = 0; i < n; i++) {
        while (k < nr && r[k].end_byte <= src[i].from)
            k++;
        for (size_t j = k; j < nr && r[j].start_byte < src[i].to; j++) {
            uint32_t f = src[i].from > r[j].start_byte ? src[i].from : r[j].start_byte;
            uint32_t t = src[i].to < r[j].end_byte ? src[i].to : r[j].end_byte;
            push(&out, f, t, src[i].capture);
        }
    }
    free(v->v);
    *v = out;
}

/* OUT = UNDER with OVER painted on top; TMP is scratch. All three lists sorted, disjoint. */
static void overlay(const struct bspans *under, const struct bspans *over, struct bspans *tmp,
                    struct bspans *out)
{
    tmp->n = 0;
    out->n = 0;
    size_t k = 0;
    for (size_t i = 0; i < under->n; i++) {
        const struct bspan *a = &under->v[i];
        while (k < over->n && over->v[k].to <= a->from)
            k++;
        uint32_t f = a->from;
        for (size_t j = k; j < over->n && over->v[j].from < a->to; j++) {
            push(tmp, f, over->v[j].from, a->capture);
            if (over->v[j].to > f)
                f = over->v[j].to;
        }
        push(tmp, f, a->to, a->capture);
    }
    size_t i = 0, j = 0;
    while (i < tmp->n || j < over->n) {
        bool take_tmp = j == over->n || (i < tmp->n && tmp->v[i].from < over->v[j].from);
        const struct bspan *x = take_tmp ? &tmp->v[i++] : &over->v[j++];
        push(out, x->from, x->to, x->capture);
    }
}

/* Cuts byte spans at line ends into S's (line, column) spans for rows [FIRST, LAST). */
static void to_lines(struct syntax *s, const struct buffer *b, const struct bspans *v, size_t first,
                     size_t last)
{
    size_t line = first;
    for (size_t i = 0; i < v->n; i++) {
        const struct bspan *x = &v->v[i];
        while (line + 1 < last && s->line_start[line + 1] <= x->from)
            line++;
        for (size_t l = line; l < last; l++) {
            uint32_t ls = s->line_start[l], le = ls + (uint32_t)b->lines[l].len;
            uint32_t f = x->from > ls ? x->from : ls, t = x->to < le ? x->to : le;
            if (f < t) {
                xgrow((void **)&s->spans, &s->spans_cap, s->nspans + 1, sizeof *s->spans);
                s->spans[s->nspans++] = (struct syntax_span){l, f - ls, t - ls, x->capture};
            }
            if (x->to <= le + 1)
                break;
        }
    }
}
