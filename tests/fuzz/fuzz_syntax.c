/* fuzz_syntax.c — a syntax kept current through edits derived from the input, checked against
 * two oracles.
 *
 * Layout: one byte picks the language (python, javascript, or html with its injections), one
 * byte N, N bytes of initial text, then operations (an opcode byte and its arguments):
 * inserts, deletes, undo, redo, a reload, a parse, a highlight of a window. The test's own
 * listener forwards each change to the syntax and to a reference: a flat copy of the text and
 * a tree edited with byte offsets computed here, independently of the syntax's line index, and
 * reparsed with ts_parser_parse_string at the same moments. The two host trees must be equal
 * after every parse. Highlight spans must always be sorted, disjoint and inside their lines,
 * and equal to a fresh syntax's whenever the fresh parse is free of errors (tree-sitter's
 * error recovery may differ between an edited and a fresh parse of broken text). Run from the
 * repository root, with the grammars built (make grammars). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#include "buffer.h"
#include "fuzz_edits.h"
#include "grammar.h"
#include "lang.h"
#include "syntax.h"
#include "syntax_internal.h"
#include "xalloc.h"

/* The reference: the '\n'-joined text and a tree edited and parsed from it directly. */
struct ref {
    char *text;
    size_t len;
    TSParser *parser;
    TSTree *tree;
    struct syntax *s;
};

/* Byte offset and point of P in TEXT, found by scanning for line breaks. */
static uint32_t offset_in(const char *text, size_t len, struct pos p)
{
    size_t off = 0;
    for (size_t line = 0; line < p.line; line++) {
        const char *nl = memchr(text + off, '\n', len - off);
        fz_check(nl != NULL);
        off = (size_t)(nl - text) + 1;
    }
    fz_check(off + p.col <= len);
    return (uint32_t)(off + p.col);
}

static void on_change(void *ctx, const struct buffer *b, const struct buffer_change *c)
{
    struct ref *r = ctx;
    syntax_edit(r->s, b, c);
    size_t len;
    char *now = fz_text(b, &len);
    TSInputEdit e = {
        .start_byte = offset_in(r->text, r->len, c->start),
        .old_end_byte = offset_in(r->text, r->len, c->old_end),
        .new_end_byte = offset_in(now, len, c->new_end),
        .start_point = {(uint32_t)c->start.line, (uint32_t)c->start.col},
        .old_end_point = {(uint32_t)c->old_end.line, (uint32_t)c->old_end.col},
        .new_end_point = {(uint32_t)c->new_end.line, (uint32_t)c->new_end.col},
    };
    fz_check(offset_in(now, len, c->start) == e.start_byte);
    if (r->tree)
        ts_tree_edit(r->tree, &e);
    free(r->text);
    r->text = now;
    r->len = len;
}

/* Parses both to the end and requires the same host tree. */
static void parse_both(struct ref *r, const struct buffer *b)
{
    while (!syntax_parse_step(r->s, b, 0)) {
    }
    TSTree *t = ts_parser_parse_string(r->parser, r->tree, r->text, (uint32_t)r->len);
    if (r->tree)
        ts_tree_delete(r->tree);
    r->tree = t;
    char *mine = ts_node_string(ts_tree_root_node(r->s->tree));
    char *theirs = ts_node_string(ts_tree_root_node(r->tree));
    if (strcmp(mine, theirs) != 0) {
        fprintf(stderr, "trees differ\n  syntax:    %s\n  reference: %s\n", mine, theirs);
        abort();
    }
    free(mine);
    free(theirs);
}

static void check_spans(const struct buffer *b, const struct syntax_span *sp, size_t n,
                        size_t first, size_t last)
{
    for (size_t i = 0; i < n; i++) {
        fz_check(sp[i].line >= first && sp[i].line < last && sp[i].line < b->nlines);
        fz_check(sp[i].col_from < sp[i].col_to && sp[i].col_to <= b->lines[sp[i].line].len);
        fz_check(sp[i].capture < grammar_capture_count());
        if (i > 0)
            fz_check(sp[i - 1].line < sp[i].line ||
                     (sp[i - 1].line == sp[i].line && sp[i - 1].col_to <= sp[i].col_from));
    }
}

static const struct syntax_span *settle(struct syntax *s, const struct buffer *b, size_t *n)
{
    const struct syntax_span *sp = NULL;
    for (int round = 0; round < 8; round++) {
        while (!syntax_parse_step(s, b, 0)) {
        }
        sp = syntax_highlight(s, b, 0, b->nlines, n);
        if (!syntax_pending(s))
            break;
    }
    fz_check(!syntax_pending(s));
    check_spans(b, sp, *n, 0, b->nlines);
    return sp;
}

static bool has_error(const struct syntax *s)
{
    if (ts_node_has_error(ts_tree_root_node(s->tree)))
        return true;
    for (size_t i = 0; i < s->nlayers; i++)
        if (s->layers[i].tree && ts_node_has_error(ts_tree_root_node(s->layers[i].tree)))
            return true;
    return false;
}

static void compare_with_fresh(struct syntax *s, const struct lang *l, const struct buffer *b)
{
    size_t ni, nf;
    const struct syntax_span *inc = settle(s, b, &ni);
    struct syntax_span *copy = xmalloc((ni ? ni : 1) * sizeof *copy);
    if (ni)
        memcpy(copy, inc, ni * sizeof *copy);
    char err[512];
    struct syntax *fresh = syntax_new(l, b, err, sizeof err);
    fz_check(fresh != NULL);
    const struct syntax_span *fr = settle(fresh, b, &nf);
    if (!has_error(fresh)) {
        fz_check(ni == nf);
        for (size_t i = 0; i < ni; i++)
            fz_check(copy[i].line == fr[i].line && copy[i].col_from == fr[i].col_from &&
                     copy[i].col_to == fr[i].col_to && copy[i].capture == fr[i].capture);
    }
    syntax_free(fresh);
    free(copy);
}

static struct pos read_pos(struct fz_reader *r, const struct buffer *b)
{
    struct pos p;
    p.line = fz_byte(r) % b->nlines;
    p.col = fz_byte(r) % (b->lines[p.line].len + 1);
    return p;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    char err[512];
    if (lang_init("syntaxes", err, sizeof err) != 0) {
        fprintf(stderr, "fuzz_syntax: %s (run from the repository root)\n", err);
        abort();
    }
    syntax_set_grammar_dir("build/grammars");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const langs[] = {"python", "javascript", "html"};
    struct fz_reader rd = {data, size};
    const struct lang *l = lang_by_name(langs[fz_byte(&rd) % 3]);
    fz_check(l != NULL);
    const char *file;
    size_t file_len;
    struct buffer *b = fz_load(&rd, &file, &file_len);

    char err[512];
    struct ref r = {0};
    r.s = syntax_new(l, b, err, sizeof err);
    if (!r.s) {
        fprintf(stderr, "fuzz_syntax: %s\n", err);
        abort();
    }
    r.text = fz_text(b, &r.len);
    r.parser = ts_parser_new();
    ts_parser_set_language(r.parser, r.s->g->ts);
    buffer_set_listener(b, on_change, &r);

    while (rd.left) {
        uint8_t op = fz_byte(&rd) % 10;
        struct pos a, z;
        const char *text;
        size_t n, first;
        switch (op) {
        case 0:
        case 1:
        case 2:
            a = read_pos(&rd, b);
            n = fz_take(&rd, fz_byte(&rd) % 12, &text);
            buffer_insert(b, a, text, n, NULL);
            break;
        case 3:
        case 4:
            a = read_pos(&rd, b);
            z = read_pos(&rd, b);
            buffer_delete(b, a, z);
            break;
        case 5:
            buffer_undo(b, NULL);
            break;
        case 6:
            buffer_redo(b, NULL);
            break;
        case 7:
            fz_replace_all(&rd, b);
            break;
        case 8:
            parse_both(&r, b);
            break;
        case 9: {
            first = fz_byte(&rd) % b->nlines;
            const struct syntax_span *sp = syntax_highlight(r.s, b, first, first + 4, &n);
            check_spans(b, sp, n, first, first + 4);
            break;
        }
        }
    }
    parse_both(&r, b);
    compare_with_fresh(r.s, l, b);

    buffer_set_listener(b, NULL, NULL);
    syntax_free(r.s);
    if (r.tree)
        ts_tree_delete(r.tree);
    ts_parser_delete(r.parser);
    free(r.text);
    buffer_free(b);
    return 0;
}
