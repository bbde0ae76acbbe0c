/* query.c — compiled queries and their predicates.
 *
 * Each pattern of a TSQuery gets an array of compiled predicates and an array of #set!
 * properties, built once from ts_query_predicates_for_pattern. Strings (the #eq? operand, the
 * #any-of? set, property keys and values) point into the TSQuery's own string table, which
 * lives as long as the query. A #match? predicate holds its PCRE2 code (JIT-compiled where
 * the platform allows) and match data. Text of a node spanning several lines is assembled in
 * the query's scratch buffer, so evaluating a match rarely allocates. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#define PCRE2_CODE_UNIT_WIDTH 8
#include "query.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define NO_CAPTURE UINT32_MAX

enum pred_op { PRED_EQ, PRED_MATCH, PRED_ANY_OF };

struct text {
    const char *s;
    uint32_t len;
};

struct pred {
    enum pred_op op;
    bool negate;   /* not- forms */
    bool any_node; /* any- forms: one node of a quantified capture is enough */
    uint32_t capture;
    uint32_t capture2; /* PRED_EQ against a second capture, else NO_CAPTURE */
    struct text str;   /* PRED_EQ against a string */
    struct text *set;  /* PRED_ANY_OF */
    size_t nset;
    pcre2_code *re; /* PRED_MATCH */
    pcre2_match_data *md;
};

struct prop {
    struct text key, value; /* value.s NULL when the key has none */
};

struct pattern {
    struct pred *preds;
    size_t npreds;
    struct prop *props;
    size_t nprops;
};

struct query {
    TSQuery *ts;
    struct pattern *pats;
    uint32_t npats;
    char *scratch; /* text of multi-line nodes */
    size_t scratch_cap;
};

static const char *error_kind(TSQueryError e);
static int compile_pattern(struct query *q, uint32_t pi, const char *name, char *err,
                           size_t errlen);
static int compile_pred(struct query *q, struct pattern *p, const TSQueryPredicateStep *st,
                        uint32_t n, const char *name, char *err, size_t errlen);
static struct text step_text(const struct query *q, TSQueryPredicateStep st);
static void pred_free(struct pred *p);
static const char *node_text(struct query *q, const struct buffer *b, TSNode n, uint32_t *len);
static bool text_test(const struct pred *p, const char *s, uint32_t len);
static bool pred_ok(struct query *q, const struct pred *p, const TSQueryMatch *m,
                    const struct buffer *b);
static bool pred_eq_captures(struct query *q, const struct pred *p, const TSQueryMatch *m,
                             const struct buffer *b);
static size_t line_of_offset(const char *src, size_t len, uint32_t off);

struct query *query_new(const TSLanguage *lang, const char *name, const char *src, size_t len,
                        char *err, size_t errlen)
{
    uint32_t off = 0;
    TSQueryError kind = TSQueryErrorNone;
    TSQuery *ts = ts_query_new(lang, src, (uint32_t)len, &off, &kind);
    if (!ts) {
        size_t tok = 0;
        while (off + tok < len && tok < 40 && !strchr(" \t\n()[]\"", src[off + tok]))
            tok++;
        snprintf(err, errlen, "%s:%zu: %s '%.*s' (fix the query or pin a matching grammar)", name,
                 line_of_offset(src, len, off), error_kind(kind), (int)tok, src + off);
        return NULL;
    }
    struct query *q = xcalloc(1, sizeof *q);
    q->ts = ts;
    q->npats = ts_query_pattern_count(ts);
    q->pats = xcalloc(q->npats ? q->npats : 1, sizeof *q->pats);
    for (uint32_t i = 0; i < q->npats; i++) {
        if (compile_pattern(q, i, name, err, errlen) != 0) {
            query_free(q);
            return NULL;
        }
    }
    return q;
}

void query_free(struct query *q)
{
    if (!q)
        return;
    for (uint32_t i = 0; i < q->npats; i++) {
        for (size_t k = 0; k < q->pats[i].npreds; k++)
            pred_free(&q->pats[i].preds[k]);
        free(q->pats[i].preds);
        free(q->pats[i].props);
    }
    free(q->pats);
    free(q->scratch);
    ts_query_delete(q->ts);
    free(q);
}

const TSQuery *query_ts(const struct query *q)
{
    return q->ts;
}

static const char *error_kind(TSQueryError e)
{
    switch (e) {
    case TSQueryErrorSyntax:
        return "syntax error at";
    case TSQueryErrorNodeType:
        return "unknown node type";
    case TSQueryErrorField:
        return "unknown field";
    case TSQueryErrorCapture:
        return "unknown capture";
    case TSQueryErrorStructure:
        return "impossible pattern at";
    case TSQueryErrorLanguage:
        return "language mismatch at";
    case TSQueryErrorNone:
        break;
    }
    return "error at";
}

static size_t line_of_offset(const char *src, size_t len, uint32_t off)
{
    size_t line = 1;
    for (size_t i = 0; i < off && i < len; i++)
        line += src[i] == '\n';
    return line;
}

static struct text step_text(const struct query *q, TSQueryPredicateStep st)
{
    uint32_t n = 0;
    const char *s = ts_query_string_value_for_id(q->ts, st.value_id, &n);
    return (struct text){s, n};
}

static bool text_is(struct text t, const char *s)
{
    return t.len == strlen(s) && memcmp(t.s, s, t.len) == 0;
}

/* Splits pattern PI's predicate steps at each Done and compiles each predicate. */
static int compile_pattern(struct query *q, uint32_t pi, const char *name, char *err, size_t errlen)
{
    uint32_t n = 0;
    const TSQueryPredicateStep *st = ts_query_predicates_for_pattern(q->ts, pi, &n);
    uint32_t start = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (st[i].type != TSQueryPredicateStepTypeDone)
            continue;
        if (compile_pred(q, &q->pats[pi], st + start, i - start, name, err, errlen) != 0)
            return -1;
        start = i + 1;
    }
    return 0;
}

/* Compiles one predicate: ST[0] is its name, ST[1..N) its arguments. */
static int compile_pred(struct query *q, struct pattern *p, const TSQueryPredicateStep *st,
                        uint32_t n, const char *name, char *err, size_t errlen)
{
    if (n == 0 || st[0].type != TSQueryPredicateStepTypeString) {
        snprintf(err, errlen, "%s: a predicate must start with its name (fix the query)", name);
        return -1;
    }
    struct text op = step_text(q, st[0]);
    if (text_is(op, "set!")) {
        uint32_t a = n > 1 && st[1].type == TSQueryPredicateStepTypeCapture ? 2 : 1;
        if (a >= n || st[a].type != TSQueryPredicateStepTypeString)
            return 0;
        struct prop pr = {step_text(q, st[a]), {NULL, 0}};
        if (a + 1 < n && st[a + 1].type == TSQueryPredicateStepTypeString)
            pr.value = step_text(q, st[a + 1]);
        p->props = xrealloc(p->props, (p->nprops + 1) * sizeof *p->props);
        p->props[p->nprops++] = pr;
        return 0;
    }

    struct pred pd = {.capture2 = NO_CAPTURE};
    const char *o = op.s;
    size_t olen = op.len;
    if (olen > 4 && memcmp(o, "any-", 4) == 0 && !text_is(op, "any-of?")) {
        pd.any_node = true;
        o += 4, olen -= 4;
    }
    if (olen > 4 && memcmp(o, "not-", 4) == 0) {
        pd.negate = true;
        o += 4, olen -= 4;
    }
    struct text bare = {o, (uint32_t)olen};
    if (text_is(bare, "eq?"))
        pd.op = PRED_EQ;
    else if (text_is(bare, "match?"))
        pd.op = PRED_MATCH;
    else if (text_is(bare, "any-of?") && !pd.any_node)
        pd.op = PRED_ANY_OF;
    else
        return 0; /* a directive or a predicate that does not filter highlights */

    if (n < 2 || st[1].type != TSQueryPredicateStepTypeCapture ||
        (pd.op != PRED_ANY_OF &&
         (n != 3 || (pd.op == PRED_MATCH && st[2].type != TSQueryPredicateStepTypeString)))) {
        snprintf(err, errlen, "%s: #%.*s takes a capture and %s (fix the query)", name, (int)op.len,
                 op.s, pd.op == PRED_ANY_OF ? "strings" : "one more argument");
        return -1;
    }
    pd.capture = st[1].value_id;
    if (pd.op == PRED_EQ) {
        if (st[2].type == TSQueryPredicateStepTypeCapture)
            pd.capture2 = st[2].value_id;
        else
            pd.str = step_text(q, st[2]);
    } else if (pd.op == PRED_MATCH) {
        struct text re = step_text(q, st[2]);
        int code;
        PCRE2_SIZE at;
        pd.re = pcre2_compile((PCRE2_SPTR)re.s, re.len, PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &code,
                              &at, NULL);
        if (!pd.re) {
            PCRE2_UCHAR msg[160];
            pcre2_get_error_message(code, msg, sizeof msg);
            snprintf(err, errlen,
                     "%s: regular expression \"%.*s\": %s at offset %zu "
                     "(fix the query)",
                     name, (int)re.len, re.s, (const char *)msg, (size_t)at);
            return -1;
        }
        pcre2_jit_compile(pd.re, PCRE2_JIT_COMPLETE); /* the interpreter stands in if not */
        pd.md = pcre2_match_data_create_from_pattern(pd.re, NULL);
    } else {
        for (uint32_t i = 2; i < n; i++) {
            if (st[i].type != TSQueryPredicateStepTypeString) {
                snprintf(err, errlen,
                         "%s: #%.*s takes strings after its capture "
                         "(fix the query)",
                         name, (int)op.len, op.s);
                return -1;
            }
        }
        pd.nset = n - 2;
        pd.set = xcalloc(pd.nset ? pd.nset : 1, sizeof *pd.set);
        for (uint32_t i = 2; i < n; i++)
            pd.set[i - 2] = step_text(q, st[i]);
    }
    p->preds = xrealloc(p->preds, (p->npreds + 1) * sizeof *p->preds);
    p->preds[p->npreds++] = pd;
    return 0;
}

static void pred_free(struct pred *p)
{
    free(p->set);
    pcre2_match_data_free(p->md);
    pcre2_code_free(p->re);
}

bool query_property(const struct query *q, uint32_t pattern, const char *key, const char **value)
{
    if (pattern >= q->npats)
        return false;
    const struct pattern *p = &q->pats[pattern];
    for (size_t i = 0; i < p->nprops; i++) {
        if (text_is(p->props[i].key, key)) {
            if (value)
                *value = p->props[i].value.s;
            return true;
        }
    }
    return false;
}

void query_each_property(const struct query *q, const char *key,
                         void (*fn)(const char *value, void *ctx), void *ctx)
{
    for (uint32_t i = 0; i < q->npats; i++) {
        const char *v = NULL;
        if (query_property(q, i, key, &v) && v)
            fn(v, ctx);
    }
}

uint32_t query_capture_id(const struct query *q, const char *name)
{
    uint32_t n = ts_query_capture_count(q->ts);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t len;
        const char *s = ts_query_capture_name_for_id(q->ts, i, &len);
        if (text_is((struct text){s, len}, name))
            return i;
    }
    return NO_CAPTURE;
}

/* ---- evaluation ------------------------------------------------------------------------ */

/* The text of N in B's '\n'-joined lines, clamped into the buffer (a tree that has not caught
 * up with an edit may point past a line's end). Valid until the next call. */
static const char *node_text(struct query *q, const struct buffer *b, TSNode n, uint32_t *len)
{
    TSPoint s = ts_node_start_point(n), e = ts_node_end_point(n);
    size_t ll;
    *len = 0;
    if (s.row >= b->nlines)
        return "";
    const char *t = buffer_line(b, s.row, &ll);
    if (e.row == s.row) {
        size_t from = s.column < ll ? s.column : ll, to = e.column < ll ? e.column : ll;
        *len = to > from ? (uint32_t)(to - from) : 0;
        return t + from;
    }
    size_t need = 0, last = e.row < b->nlines ? e.row : b->nlines - 1;
    for (size_t r = s.row; r <= last; r++) {
        buffer_line(b, r, &ll);
        need += ll + 1;
    }
    xgrow((void **)&q->scratch, &q->scratch_cap, need + 1, 1);
    size_t w = 0;
    for (size_t r = s.row; r <= last; r++) {
        t = buffer_line(b, r, &ll);
        size_t from = r == s.row ? (s.column < ll ? s.column : ll) : 0;
        size_t to = r == e.row ? (e.column < ll ? e.column : ll) : ll;
        if (to > from) {
            memcpy(q->scratch + w, t + from, to - from);
            w += to - from;
        }
        if (r != e.row)
            q->scratch[w++] = '\n';
    }
    *len = (uint32_t)w;
    return q->scratch;
}

/* The predicate's own test on one node's text, before negation. */
static bool text_test(const struct pred *p, const char *s, uint32_t len)
{
    switch (p->op) {
    case PRED_EQ:
        return len == p->str.len && memcmp(s, p->str.s, len) == 0;
    case PRED_MATCH:
        return pcre2_match(p->re, (PCRE2_SPTR)s, len, 0, 0, p->md, NULL) >= 0;
    case PRED_ANY_OF:
        for (size_t i = 0; i < p->nset; i++)
            if (len == p->set[i].len && memcmp(s, p->set[i].s, len) == 0)
                return true;
        return false;
    }
    return false;
}

/* Over every node of the capture: all must pass (vacuously true with none), or with an any-
 * form one must. */
static bool pred_ok(struct query *q, const struct pred *p, const TSQueryMatch *m,
                    const struct buffer *b)
{
    if (p->capture2 != NO_CAPTURE)
        return pred_eq_captures(q, p, m, b);
    for (uint16_t i = 0; i < m->capture_count; i++) {
        if (m->captures[i].index != p->capture)
            continue;
        uint32_t len;
        const char *s = node_text(q, b, m->captures[i].node, &len);
        bool pass = text_test(p, s, len) != p->negate;
        if (p->any_node && pass)
            return true;
        if (!p->any_node && !pass)
            return false;
    }
    return !p->any_node;
}

/* #eq? @a @b pairs the nodes of the two captures in order; unpaired nodes fail. */
static bool pred_eq_captures(struct query *q, const struct pred *p, const TSQueryMatch *m,
                             const struct buffer *b)
{
    uint16_t i = 0, j = 0;
    for (;;) {
        while (i < m->capture_count && m->captures[i].index != p->capture)
            i++;
        while (j < m->capture_count && m->captures[j].index != p->capture2)
            j++;
        if (i == m->capture_count || j == m->capture_count)
            return !p->any_node && i == m->capture_count && j == m->capture_count;
        uint32_t la, lb;
        const char *a = node_text(q, b, m->captures[i].node, &la);
        /* Two multi-line texts would share the scratch buffer. */
        char *copy = a == q->scratch ? xstrndup(a, la) : NULL;
        const char *c = node_text(q, b, m->captures[j].node, &lb);
        bool pass = (la == lb && memcmp(copy ? copy : a, c, la) == 0) != p->negate;
        free(copy);
        if (p->any_node && pass)
            return true;
        if (!p->any_node && !pass)
            return false;
        i++, j++;
    }
}

bool query_match_ok(struct query *q, const TSQueryMatch *m, const struct buffer *b)
{
    if (m->pattern_index >= q->npats)
        return true;
    const struct pattern *p = &q->pats[m->pattern_index];
    for (size_t i = 0; i < p->npreds; i++)
        if (!pred_ok(q, &p->preds[i], m, b))
            return false;
    return true;
}
