/* syntax_inject.c — languages embedded in the host's text: <script> in HTML, fenced code in
 * Markdown, whatever a grammar's injections.scm names.
 *
 * Discovery runs the host's injections query over the rows last highlighted, once the host
 * tree is current: each match gives a content node (@injection.content) and a language (the
 * text of @injection.language, or #set! injection.language). The content's ranges, its named
 * children left out unless #set! injection.include-children, become a region; matches of an
 * injection.combined pattern share one region. Regions become layers, each with its own tree
 * parsed through ts_parser_set_included_ranges by one injection parser, sliced like the
 * host's. A layer whose ranges equal a region's is kept as it is; one that overlaps it takes
 * the new ranges and reparses from its old tree; layers no region claims are dropped. Edits
 * move every layer's tree and ranges along, so a layer's colours stay in place until its
 * reparse. Injection goes one level deep: an injected language's own injections are not
 * followed. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax_internal.h"
#include "xalloc.h"

struct region {
    struct grammar *g;
    uint32_t pattern;
    bool combined;
    TSRange *r;
    size_t n, cap;
};

struct regions {
    struct region *v;
    size_t n, cap;
};

static const struct lang *resolve(const char *name, size_t len);
static void preload_one(const char *name, void *ctx);
static void collect(struct syntax *s, const struct buffer *b, const TSQueryMatch *m,
                    struct regions *rs);
static void add_node_ranges(struct region *r, TSNode n, bool include_children);
static void add_range(struct region *r, TSPoint sp, uint32_t sb, TSPoint ep, uint32_t eb);
static int range_cmp(const void *a, const void *b);
static void tidy(struct region *r);
static bool attach(struct syntax *s, struct region *r);
static void layer_drop(struct layer *l);
static void range_edit(TSRange *r, const TSInputEdit *e);
static TSPoint point_shift(TSPoint p, TSPoint from, TSPoint to);
static void stop_parse(struct syntax *s);

/* The language called NAME in an injection: a language's own name, else a file extension
 * ("py", "js", "sh" in Markdown fences). */
static const struct lang *resolve(const char *name, size_t len)
{
    char key[64];
    while (len && isspace((unsigned char)*name))
        name++, len--;
    while (len && isspace((unsigned char)name[len - 1]))
        len--;
    if (!len || len >= sizeof key - 3)
        return NULL;
    for (size_t i = 0; i < len; i++)
        key[i] = (char)tolower((unsigned char)name[i]);
    key[len] = '\0';
    const struct lang *l = lang_by_name(key);
    if (l)
        return l;
    char path[sizeof key + 2] = "x.";
    memcpy(path + 2, key, len + 1);
    return lang_detect(path, NULL, 0);
}

static void preload_one(const char *name, void *ctx)
{
    (void)ctx;
    const struct lang *l = resolve(name, strlen(name));
    char err[256];
    if (l)
        grammar_get(l, err, sizeof err); /* a language that does not load is not injected */
}

/* Loads the grammars the host's injections name outright, so their capture names are
 * numbered before the first frame is drawn. */
void inject_preload(struct syntax *s)
{
    if (s->g->injections)
        query_each_property(s->g->injections, "injection.language", preload_one, NULL);
}

/* ---- discovery ------------------------------------------------------------------------ */

void inject_discover(struct syntax *s, const struct buffer *b)
{
    struct grammar *hg = s->g;
    s->found = true;
    if (!hg->injections || !s->tree || !s->have_win || hg->inj_content == UINT32_MAX)
        return;
    if (!s->cursor)
        s->cursor = ts_query_cursor_new();
    struct regions rs = {0};
    syntax_query_roots(s, ts_tree_root_node(s->tree), s->win_first, s->win_last);
    for (size_t r = 0; r < s->nroots; r++) {
        ts_query_cursor_set_point_range(s->cursor, (TSPoint){(uint32_t)s->win_first, 0},
                                        (TSPoint){(uint32_t)s->win_last, 0});
        ts_query_cursor_exec(s->cursor, query_ts(hg->injections), s->roots[r]);
        TSQueryMatch m;
        while (ts_query_cursor_next_match(s->cursor, &m))
            collect(s, b, &m, &rs);
    }

    s->gen++;
    bool changed = false;
    for (size_t i = 0; i < rs.n; i++) {
        tidy(&rs.v[i]);
        changed |= attach(s, &rs.v[i]);
    }
    free(rs.v);
    size_t keep = 0;
    for (size_t i = 0; i < s->nlayers; i++) {
        if (s->layers[i].gen == s->gen) {
            s->layers[keep++] = s->layers[i];
        } else {
            layer_drop(&s->layers[i]);
            changed = true;
        }
    }
    s->nlayers = keep;
    if (changed)
        stop_parse(s);
}

/* Adds match M's content to its region when its language is one shed has. */
static void collect(struct syntax *s, const struct buffer *b, const TSQueryMatch *m,
                    struct regions *rs)
{
    struct grammar *hg = s->g;
    if (!query_match_ok(hg->injections, m, b))
        return;
    TSNode content = {0};
    bool have_content = false;
    const char *name = NULL;
    size_t len = 0;
    for (uint16_t i = 0; i < m->capture_count; i++) {
        TSNode n = m->captures[i].node;
        if (m->captures[i].index == hg->inj_content) {
            content = n;
            have_content = true;
        } else if (m->captures[i].index == hg->inj_language) {
            TSPoint sp = ts_node_start_point(n), ep = ts_node_end_point(n);
            size_t ll;
            if (sp.row != ep.row || sp.row >= b->nlines)
                continue;
            const char *t = buffer_line(b, sp.row, &ll);
            if (ep.column <= ll && sp.column < ep.column) {
                name = t + sp.column;
                len = ep.column - sp.column;
            }
        }
    }
    const char *set = NULL;
    if (!name && query_property(hg->injections, m->pattern_index, "injection.language", &set) &&
        set) {
        name = set;
        len = strlen(set);
    }
    if (!have_content || !name)
        return;
    const struct lang *l = resolve(name, len);
    char err[256];
    struct grammar *g = l ? grammar_get(l, err, sizeof err) : NULL;
    if (!g || !g->highlights)
        return;

    bool combined = query_property(hg->injections, m->pattern_index, "injection.combined", NULL);
    struct region *r = NULL;
    for (size_t i = 0; combined && i < rs->n && !r; i++)
        if (rs->v[i].combined && rs->v[i].g == g && rs->v[i].pattern == m->pattern_index)
            r = &rs->v[i];
    if (!r) {
        xgrow((void **)&rs->v, &rs->cap, rs->n + 1, sizeof *rs->v);
        r = &rs->v[rs->n++];
        *r = (struct region){g, m->pattern_index, combined, NULL, 0, 0};
    }
    add_node_ranges(
        r, content,
        query_property(hg->injections, m->pattern_index, "injection.include-children", NULL));
}

/* N's range, less its named children's unless INCLUDE_CHILDREN. Anonymous children are
 * the content's own text (Markdown's inline and fenced code carry their punctuation as
 * tokens); named ones are other syntax (a template's substitutions, a block quote's "> "). */
static void add_node_ranges(struct region *r, TSNode n, bool include_children)
{
    TSPoint at = ts_node_start_point(n);
    uint32_t at_byte = ts_node_start_byte(n);
    uint32_t count = include_children ? 0 : ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count; i++) {
        TSNode c = ts_node_named_child(n, i);
        add_range(r, at, at_byte, ts_node_start_point(c), ts_node_start_byte(c));
        if (ts_node_end_byte(c) > at_byte) {
            at = ts_node_end_point(c);
            at_byte = ts_node_end_byte(c);
        }
    }
    add_range(r, at, at_byte, ts_node_end_point(n), ts_node_end_byte(n));
}

static void add_range(struct region *r, TSPoint sp, uint32_t sb, TSPoint ep, uint32_t eb)
{
    if (eb <= sb)
        return;
    xgrow((void **)&r->r, &r->cap, r->n + 1, sizeof *r->r);
    r->r[r->n++] = (TSRange){sp, ep, sb, eb};
}

static int range_cmp(const void *a, const void *b)
{
    const TSRange *x = a, *y = b;
    return x->start_byte < y->start_byte ? -1 : x->start_byte > y->start_byte;
}

/* Sorts a region's ranges and drops overlaps, as ts_parser_set_included_ranges needs. */
static void tidy(struct region *r)
{
    if (r->n == 0)
        return;
    qsort(r->r, r->n, sizeof *r->r, range_cmp);
    size_t keep = 0;
    for (size_t i = 0; i < r->n; i++)
        if (keep == 0 || r->r[i].start_byte >= r->r[keep - 1].end_byte)
            r->r[keep++] = r->r[i];
    r->n = keep;
}

static bool same_ranges(const struct layer *l, const struct region *r)
{
    if (l->nranges != r->n)
        return false;
    for (size_t i = 0; i < r->n; i++)
        if (l->ranges[i].start_byte != r->r[i].start_byte ||
            l->ranges[i].end_byte != r->r[i].end_byte)
            return false;
    return true;
}

static bool overlaps(const struct layer *l, const struct region *r)
{
    return l->nranges && r->n && l->ranges[0].start_byte < r->r[r->n - 1].end_byte &&
           r->r[0].start_byte < l->ranges[l->nranges - 1].end_byte;
}

/* Gives region R (its ranges taken over) a layer of this pass. True when a layer was made or
 * its ranges changed. */
static bool attach(struct syntax *s, struct region *r)
{
    if (r->n == 0) {
        free(r->r);
        return false;
    }
    for (size_t i = 0; i < s->nlayers; i++) {
        struct layer *l = &s->layers[i];
        if (l->g == r->g && l->gen != s->gen && same_ranges(l, r)) {
            l->gen = s->gen;
            free(r->r);
            return false;
        }
    }
    for (size_t i = 0; i < s->nlayers; i++) {
        struct layer *l = &s->layers[i];
        if (l->g == r->g && l->gen != s->gen && overlaps(l, r)) {
            free(l->ranges);
            l->ranges = r->r;
            l->nranges = (uint32_t)r->n;
            l->dirty = true;
            l->gen = s->gen;
            return true;
        }
    }
    xgrow((void **)&s->layers, &s->layers_cap, s->nlayers + 1, sizeof *s->layers);
    s->layers[s->nlayers++] = (struct layer){r->g, NULL, r->r, (uint32_t)r->n, true, s->gen};
    return true;
}

static void layer_drop(struct layer *l)
{
    if (l->tree)
        ts_tree_delete(l->tree);
    free(l->ranges);
}

/* ---- parsing and edits ---------------------------------------------------------------- */

/* Forgets a layer parse the timeout cut short (its layer or text changed). */
static void stop_parse(struct syntax *s)
{
    if (s->iparsing != SYNTAX_NONE)
        ts_parser_reset(s->iparser);
    s->iparsing = SYNTAX_NONE;
}

bool inject_parse(struct syntax *s, const struct buffer *b, uint64_t deadline_us)
{
    for (size_t i = 0; i < s->nlayers; i++) {
        struct layer *l = &s->layers[i];
        if (!l->dirty)
            continue;
        if (!s->iparser)
            s->iparser = ts_parser_new();
        if (s->iparsing != i) {
            ts_parser_set_language(s->iparser, l->g->ts);
            if (!ts_parser_set_included_ranges(s->iparser, l->ranges, l->nranges)) {
                if (l->tree)
                    ts_tree_delete(l->tree);
                l->tree = NULL;
                l->dirty = false;
                continue;
            }
            s->iparsing = i;
        }
        uint64_t budget = 0;
        if (deadline_us) {
            uint64_t now = syntax_now_us();
            if (now >= deadline_us)
                return false;
            budget = deadline_us - now;
        }
        ts_parser_set_timeout_micros(s->iparser, budget);
        TSTree *t = ts_parser_parse(s->iparser, l->tree, syntax_input(s, b));
        if (!t)
            return false;
        s->iparsing = SYNTAX_NONE;
        if (l->tree)
            ts_tree_delete(l->tree);
        l->tree = t;
        l->dirty = false;
    }
    return true;
}

bool inject_pending(const struct syntax *s)
{
    for (size_t i = 0; i < s->nlayers; i++)
        if (s->layers[i].dirty)
            return true;
    return false;
}

void inject_edit(struct syntax *s, const TSInputEdit *e)
{
    stop_parse(s);
    for (size_t i = 0; i < s->nlayers; i++) {
        struct layer *l = &s->layers[i];
        if (!l->nranges || e->start_byte > l->ranges[l->nranges - 1].end_byte)
            continue;
        if (l->tree)
            ts_tree_edit(l->tree, e);
        for (uint32_t k = 0; k < l->nranges; k++)
            range_edit(&l->ranges[k], e);
        l->dirty = true;
    }
}

/* Moves R through edit E the way ts_tree_edit moves a tree's included ranges: an end at or
 * after the edit's old end shifts with the text, one inside the edit snaps to its start. */
static void range_edit(TSRange *r, const TSInputEdit *e)
{
    if (r->end_byte >= e->old_end_byte) {
        r->end_byte = e->new_end_byte + (r->end_byte - e->old_end_byte);
        r->end_point = point_shift(r->end_point, e->old_end_point, e->new_end_point);
    } else if (r->end_byte > e->start_byte) {
        r->end_byte = e->start_byte;
        r->end_point = e->start_point;
    }
    if (r->start_byte >= e->old_end_byte) {
        r->start_byte = e->new_end_byte + (r->start_byte - e->old_end_byte);
        r->start_point = point_shift(r->start_point, e->old_end_point, e->new_end_point);
    } else if (r->start_byte > e->start_byte) {
        r->start_byte = e->start_byte;
        r->start_point = e->start_point;
    }
}

/* P, at or after FROM, moved to where FROM went (TO). */
static TSPoint point_shift(TSPoint p, TSPoint from, TSPoint to)
{
    if (p.row == from.row)
        return (TSPoint){to.row, to.column + (p.column - from.column)};
    return (TSPoint){to.row + (p.row - from.row), p.column};
}

void inject_free(struct syntax *s)
{
    for (size_t i = 0; i < s->nlayers; i++)
        layer_drop(&s->layers[i]);
    free(s->layers);
    s->layers = NULL;
    s->nlayers = s->layers_cap = 0;
    if (s->iparser)
        ts_parser_delete(s->iparser);
    s->iparser = NULL;
    s->iparsing = SYNTAX_NONE;
    s->found = false;
}
