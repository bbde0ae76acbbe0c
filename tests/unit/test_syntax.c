/* test_syntax.c — tree-sitter highlighting over the real grammars built under build/grammars:
 * capture names at known spots in every language, query predicates, HTML injections,
 * incremental reparses that must agree with fresh ones after random edits, undo and redo,
 * parsing a 5 MB file in slices, a large file's first colours before its parse ends, growing a
 * selection by syntax node, bracket pairs, grammar loading errors, and the doc's language switch.
 * Run from the repository root. */
#include "testutil.h"

#include <time.h>

#include "doc.h"
#include "grammar.h"
#include "lang.h"
#include "query.h"
#include "syntax.h"
#include "syntax_internal.h" /* the trees, to tell whether they hold errors */

#define GRAMMARS "build/grammars"
#define SYNTAXES "syntaxes"

/* ---- helpers ---------------------------------------------------------------------------- */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static const struct lang *lang_named(const char *name)
{
    const struct lang *l = lang_by_name(name);
    if (!l)
        fail_msg("language %s is not in the table", name);
    return l;
}

/* A doc over TEXT in language NAME with its syntax tree attached (as the UI does it). */
static struct doc *open_doc(const char *name, const char *text)
{
    struct doc *d = doc_new(buffer_from_bytes(xstrdup(text), strlen(text)), 4);
    char err[512] = "";
    if (doc_set_language(d, lang_named(name), err, sizeof err) != 0)
        fail_msg("%s: %s", name, err);
    assert_non_null(d->syntax);
    return d;
}

/* Parses to the end and highlights every line until nothing is pending (a highlight may find
 * injected regions, which the next parse step parses). Returns the spans of all lines. */
static const struct syntax_span *settle(struct syntax *s, const struct buffer *b, size_t *n)
{
    for (int round = 0; round < 8; round++) {
        while (!syntax_parse_step(s, b, 0)) {
        }
        const struct syntax_span *sp = syntax_highlight(s, b, 0, b->nlines, n);
        if (!syntax_pending(s))
            return sp;
    }
    fail_msg("syntax still pending after 8 rounds");
    return NULL;
}

/* The capture over (LINE, COL), or NULL when the byte is not highlighted. */
static const char *capture_at(struct syntax *s, const struct buffer *b, size_t line, size_t col)
{
    size_t n;
    const struct syntax_span *sp = settle(s, b, &n);
    for (size_t i = 0; i < n; i++)
        if (sp[i].line == line && sp[i].col_from <= col && col < sp[i].col_to)
            return syntax_capture_name(s, sp[i].capture);
    return NULL;
}

/* NAME is WANT or one of its refinements ("function.builtin" for "function"), which a theme
 * resolves to WANT's style when it has nothing more specific. */
static bool capture_is(const char *name, const char *want)
{
    size_t n = strlen(want);
    return name && strncmp(name, want, n) == 0 && (name[n] == '\0' || name[n] == '.');
}

static int group_setup(void **state)
{
    (void)state;
    char err[512];
    if (access(GRAMMARS "/python/parser.so", R_OK) != 0) {
        fprintf(stderr, "test_syntax: no grammars under %s (run make grammars)\n", GRAMMARS);
        return -1;
    }
    if (lang_init(SYNTAXES, err, sizeof err) != 0) {
        fprintf(stderr, "test_syntax: %s\n", err);
        return -1;
    }
    syntax_set_grammar_dir(GRAMMARS);
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    grammar_free_all();
    lang_free_all();
    return 0;
}

/* ---- capture names in every language ---------------------------------------------------- */

struct spot {
    size_t line, col;
    const char *capture;
};

struct sample {
    const char *lang;
    const char *text;
    struct spot spots[6];
};

static const struct sample samples[] = {
    {"python",
     "import sys\n# note\ndef main(name):\n    print(\"hi\", CONST)\n",
     {{0, 0, "keyword"},
      {1, 2, "comment"},
      {2, 5, "function"},
      {3, 10, "string"},
      {3, 4, "function.builtin"},
      {3, 16, "constant"}}},
    {"javascript",
     "// note\nfunction add(a, b) { return \"x\" + a; }\n",
     {{0, 3, "comment"},
      {1, 0, "keyword"},
      {1, 9, "function"},
      {1, 28, "string"},
      {1, 13, "variable.parameter"}}},
    {"typescript",
     "// note\ninterface P { x: number }\nfunction add(a: number): string { return \"x\"; }\n",
     {{0, 0, "comment"},
      {1, 0, "keyword"},
      {1, 17, "type.builtin"},
      {2, 9, "function"},
      {2, 41, "string"}}},
    {"tsx",
     "// note\nfunction app() { return <div className=\"a\">hi</div>; }\n",
     {{0, 0, "comment"}, {1, 0, "keyword"}, {1, 9, "function"}, {1, 25, "tag"}, {1, 39, "string"}}},
    {"c",
     "/* note */\n#include <stdio.h>\nint main(void) { return printf(\"hi\"); }\n",
     {{0, 3, "comment"},
      {1, 0, "keyword"},
      {2, 4, "function"},
      {2, 17, "keyword"},
      {2, 31, "string"},
      {2, 0, "type"}}},
    {"cpp",
     "// note\nclass A { public: int f() { return 1; } };\nstd::string s = \"x\";\n",
     {{0, 0, "comment"},
      {1, 0, "keyword"},
      {1, 22, "function"},
      {2, 16, "string"},
      {1, 35, "number"}}},
    {"go",
     "// note\npackage main\nfunc main() { fmt.Println(\"hi\") }\n",
     {{0, 0, "comment"},
      {1, 0, "keyword"},
      {2, 5, "function"},
      {2, 26, "string"},
      {2, 18, "function.method"}}},
    {"rust",
     "// note\nfn main() { let s = \"hi\"; println!(\"{}\", s); }\n",
     {{0, 0, "comment"},
      {1, 0, "keyword"},
      {1, 3, "function"},
      {1, 20, "string"},
      {1, 26, "function.macro"}}},
    {"bash",
     "# note\nif [ -n \"$x\" ]; then echo \"hi\"; fi\nf() { ls; }\n",
     {{0, 0, "comment"},
      {1, 0, "keyword"},
      {1, 21, "function"},
      {1, 26, "string"},
      {2, 0, "function"}}},
    {"json",
     "{\"a\": [1, true, null], \"b\": \"s\"}\n",
     {{0, 1, "property"}, {0, 7, "number"}, {0, 10, "constant.builtin"}, {0, 28, "string"}}},
    {"yaml",
     "# note\nkey: \"value\"\nn: 1\nlist:\n  - true\n",
     {{0, 0, "comment"},
      {1, 0, "property"},
      {1, 5, "string"},
      {2, 3, "number"},
      {4, 4, "boolean"}}},
    {"html",
     "<!-- note -->\n<p class=\"x\">hi</p>\n",
     {{0, 0, "comment"},
      {1, 1, "tag"},
      {1, 3, "attribute"},
      {1, 10, "string"},
      {1, 0, "punctuation.bracket"}}},
    {"css",
     "/* note */\nbody > .x { color: red; }\n@media screen { a { width: 10px; } }\n",
     {{0, 0, "comment"}, {1, 0, "tag"}, {1, 12, "property"}, {2, 0, "keyword"}, {2, 27, "number"}}},
    {"toml",
     "# note\n[table]\nkey = \"value\"\nn = 1\n",
     {{0, 0, "comment"}, {1, 1, "property"}, {2, 6, "string"}, {3, 4, "number"}}},
    {"markdown",
     "# Title\n\nSome *emph* and `code`.\n\n```python\ndef f(): pass\n```\n\nend\n",
     {{0, 2, "markup.heading"},
      {2, 6, "markup.italic"},
      {2, 17, "markup.raw"},
      {5, 0, "keyword"},
      {5, 4, "function"}}},
};

static void test_captures_every_language(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        const struct sample *sm = &samples[i];
        char so[256];
        snprintf(so, sizeof so, GRAMMARS "/%s/parser.so", sm->lang);
        if (strcmp(sm->lang, "markdown") == 0 && access(so, R_OK) != 0)
            continue; /* markdown is optional */
        struct doc *d = open_doc(sm->lang, sm->text);
        for (size_t k = 0; k < 6 && sm->spots[k].capture; k++) {
            const struct spot *sp = &sm->spots[k];
            const char *got = capture_at(d->syntax, d->buf, sp->line, sp->col);
            if (!capture_is(got, sp->capture))
                fail_msg("%s %zu:%zu: want %s, got %s", sm->lang, sp->line, sp->col, sp->capture,
                         got ? got : "(nothing)");
        }
        doc_free(d);
    }
}

/* Spans come sorted, disjoint, inside their lines, and name real captures. */
static void test_spans_are_well_formed(void **state)
{
    (void)state;
    struct doc *d = open_doc("python", "def f(x):\n    return \"\"\"a\nb\"\"\" + x  # c\n");
    size_t n;
    const struct syntax_span *sp = settle(d->syntax, d->buf, &n);
    assert_true(n > 5);
    for (size_t i = 0; i < n; i++) {
        size_t len;
        buffer_line(d->buf, sp[i].line, &len);
        assert_true(sp[i].col_from < sp[i].col_to && sp[i].col_to <= len);
        assert_true(sp[i].capture < syntax_capture_count(d->syntax));
        assert_true(syntax_capture_name(d->syntax, sp[i].capture)[0] != '\0');
        if (i > 0)
            assert_true(sp[i - 1].line < sp[i].line ||
                        (sp[i - 1].line == sp[i].line && sp[i - 1].col_to <= sp[i].col_from));
    }
    /* The triple-quoted string spans two lines and is cut at the line end. */
    assert_true(capture_is(capture_at(d->syntax, d->buf, 1, 14), "string"));
    assert_true(capture_is(capture_at(d->syntax, d->buf, 2, 0), "string"));
    /* A window gives only its own lines. */
    const struct syntax_span *w = syntax_highlight(d->syntax, d->buf, 2, 3, &n);
    assert_true(n > 0);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(w[i].line, 2);
    doc_free(d);
}

/* An inner capture wins over the outer one on its bytes: the escape inside a string. */
static void test_inner_capture_wins(void **state)
{
    (void)state;
    struct doc *d = open_doc("python", "s = \"a\\nb\"\n");
    assert_true(capture_is(capture_at(d->syntax, d->buf, 0, 5), "string"));
    assert_true(capture_is(capture_at(d->syntax, d->buf, 0, 6), "escape"));
    assert_true(capture_is(capture_at(d->syntax, d->buf, 0, 7), "escape"));
    assert_true(capture_is(capture_at(d->syntax, d->buf, 0, 8), "string"));
    doc_free(d);
}

/* ---- predicates ------------------------------------------------------------------------- */

struct pred_run {
    struct grammar *g;
    struct buffer *b;
    TSTree *tree;
};

static void pred_open(struct pred_run *r, const char *text)
{
    char err[512];
    r->g = grammar_get(lang_named("python"), err, sizeof err);
    assert_non_null(r->g);
    r->b = buffer_from_bytes(xstrdup(text), strlen(text));
    TSParser *p = ts_parser_new();
    ts_parser_set_language(p, r->g->ts);
    r->tree = ts_parser_parse_string(p, NULL, text, (uint32_t)strlen(text));
    ts_parser_delete(p);
}

static void pred_close(struct pred_run *r)
{
    ts_tree_delete(r->tree);
    buffer_free(r->b);
}

/* The text of capture 0 of every match of SRC that passes its predicates, joined by '|'. */
static char *passing(struct pred_run *r, const char *src)
{
    char err[512] = "";
    struct query *q = query_new(r->g->ts, "test.scm", src, strlen(src), err, sizeof err);
    if (!q)
        fail_msg("query: %s", err);
    TSQueryCursor *c = ts_query_cursor_new();
    ts_query_cursor_exec(c, query_ts(q), ts_tree_root_node(r->tree));
    char *out = xstrdup("");
    TSQueryMatch m;
    while (ts_query_cursor_next_match(c, &m)) {
        if (!query_match_ok(q, &m, r->b))
            continue;
        TSNode n = m.captures[0].node;
        size_t len;
        char *t = buffer_text(
            r->b, (struct pos){ts_node_start_point(n).row, ts_node_start_point(n).column},
            (struct pos){ts_node_end_point(n).row, ts_node_end_point(n).column}, &len);
        char *j = xasprintf("%s%s%s", out, *out ? "|" : "", t);
        free(t);
        free(out);
        out = j;
    }
    ts_query_cursor_delete(c);
    query_free(q);
    return out;
}

static void assert_passing(struct pred_run *r, const char *src, const char *want)
{
    char *got = passing(r, src);
    if (strcmp(got, want) != 0) {
        fprintf(stderr, "query %s\n  want \"%s\"\n  got  \"%s\"\n", src, want, got);
        free(got);
        fail();
    }
    free(got);
}

static void test_predicates(void **state)
{
    (void)state;
    struct pred_run r;
    pred_open(&r, "ABC = abc\nx = x\ny = z\nFoo_1 = 2\ns = '''one\ntwo'''\n");

    assert_passing(&r, "((identifier) @i (#match? @i \"^[A-Z][A-Z_]*$\"))", "ABC");
    assert_passing(&r, "((identifier) @i (#not-match? @i \"^[a-z]\"))", "ABC|Foo_1");
    assert_passing(&r, "((identifier) @i (#match? @i \"\\\\d$\"))", "Foo_1");
    assert_passing(&r, "((identifier) @i (#eq? @i \"abc\"))", "abc");
    assert_passing(&r, "((identifier) @i (#not-eq? @i \"x\") (#match? @i \"^[a-z]$\"))", "y|z|s");
    assert_passing(&r, "((identifier) @i (#any-of? @i \"y\" \"z\" \"q\"))", "y|z");
    assert_passing(&r, "((identifier) @i (#not-any-of? @i \"x\" \"y\" \"z\" \"s\"))",
                   "ABC|abc|Foo_1");
    /* Capture against capture: x = x passes, y = z does not. */
    assert_passing(&r,
                   "((assignment left: (identifier) @l right: (identifier) @r)"
                   " (#eq? @l @r))",
                   "x");
    assert_passing(&r,
                   "((assignment left: (identifier) @l right: (identifier) @r)"
                   " (#not-eq? @l @r))",
                   "ABC|y");
    /* Text over two lines reaches the regex with its line break. */
    assert_passing(&r, "((string) @s (#match? @s \"one\\ntwo\"))", "'''one\ntwo'''");
    /* Quantified captures: every node must pass, or one with the any- form. */
    assert_passing(&r, "((module (expression_statement)+ @e) (#match? @e \"^[a-z]\"))", "");
    assert_passing(&r, "((module (expression_statement)+ @e) (#any-match? @e \"^Foo\"))",
                   "ABC = abc");
    /* Directives and predicates that do not filter are accepted and ignored. */
    assert_passing(&r,
                   "((identifier) @i (#eq? @i \"z\") (#set! priority 105) (#is-not? local)"
                   " (#strip! @i \"x\") (#select-adjacent! @i @i))",
                   "z");
    pred_close(&r);
}

static void test_predicate_errors_and_properties(void **state)
{
    (void)state;
    char err[512] = "";
    const struct lang *py = lang_named("python");
    struct grammar *g = grammar_get(py, err, sizeof err);
    assert_non_null(g);

    const char *bad_re = "((identifier) @i (#match? @i \"([a-z\"))";
    assert_null(query_new(g->ts, "mine.scm", bad_re, strlen(bad_re), err, sizeof err));
    assert_non_null(strstr(err, "mine.scm"));
    assert_non_null(strstr(err, "regular expression"));

    const char *bad_args = "((identifier) @i (#eq? @i))";
    assert_null(query_new(g->ts, "mine.scm", bad_args, strlen(bad_args), err, sizeof err));
    assert_non_null(strstr(err, "#eq?"));

    const char *bad_node = "\n\n(no_such_node) @x";
    assert_null(query_new(g->ts, "mine.scm", bad_node, strlen(bad_node), err, sizeof err));
    assert_non_null(strstr(err, "mine.scm:3"));
    assert_non_null(strstr(err, "no_such_node"));

    const char *props = "((string) @s (#set! injection.language \"css\")"
                        " (#set! injection.combined))\n(identifier) @i";
    struct query *q = query_new(g->ts, "mine.scm", props, strlen(props), err, sizeof err);
    assert_non_null(q);
    const char *v = NULL;
    assert_true(query_property(q, 0, "injection.language", &v));
    assert_string_equal(v, "css");
    assert_true(query_property(q, 0, "injection.combined", &v));
    assert_null(v);
    assert_false(query_property(q, 1, "injection.language", NULL));
    assert_int_equal(query_capture_id(q, "i"), 1);
    assert_int_equal(query_capture_id(q, "nope"), UINT32_MAX);
    query_free(q);
}

/* ---- injections -------------------------------------------------------------------------- */

static const char html_page[] = "<html>\n"
                                "<script>\n"
                                "function greet(name) { return \"hi \" + name; }\n"
                                "</script>\n"
                                "<style>\n"
                                "body { color: red; }\n"
                                "</style>\n"
                                "<p>function</p>\n"
                                "</html>\n";

static void test_html_injections(void **state)
{
    (void)state;
    struct doc *d = open_doc("html", html_page);
    struct syntax *s = d->syntax;
    assert_true(capture_is(capture_at(s, d->buf, 2, 0), "keyword"));  /* function */
    assert_true(capture_is(capture_at(s, d->buf, 2, 9), "function")); /* greet */
    assert_true(capture_is(capture_at(s, d->buf, 2, 30), "string"));  /* "hi " */
    assert_true(capture_is(capture_at(s, d->buf, 5, 0), "tag"));      /* body */
    assert_true(capture_is(capture_at(s, d->buf, 5, 7), "property")); /* color */
    assert_true(capture_is(capture_at(s, d->buf, 1, 1), "tag"));      /* script */
    assert_null(capture_at(s, d->buf, 7, 3));                         /* text, not js */

    /* Typing inside the script keeps its colours after the reparse. */
    doc_set_cursor(d, (struct pos){2, 0}, false);
    doc_type(d, "const x = 1;\n", 13);
    assert_true(capture_is(capture_at(s, d->buf, 2, 0), "keyword"));  /* const */
    assert_true(capture_is(capture_at(s, d->buf, 2, 10), "number"));  /* 1 */
    assert_true(capture_is(capture_at(s, d->buf, 3, 9), "function")); /* greet */
    /* Breaking the closing tag turns the rest into script text, and undo brings it back. */
    buffer_delete(d->buf, (struct pos){4, 0}, (struct pos){4, 9});
    settle(s, d->buf, &(size_t){0});
    assert_true(buffer_undo(d->buf, NULL));
    assert_true(capture_is(capture_at(s, d->buf, 4, 2), "tag"));
    assert_true(capture_is(capture_at(s, d->buf, 6, 7), "property"));
    doc_free(d);
}

/* ---- incremental against fresh ----------------------------------------------------------- */

static const char *const fragments[] = {
    "(",         ")",         "{",     "}",       "[", "]",  "\"", "'",  "\n",
    "    ",      "def ",      "if x:", "return ", "#", "//", "/*", "*/", "<script>",
    "</script>", "<p>",       "x",     " ",       "1", ",",  ";",  ":",  "\n\n",
    "class ",    "function ", "=",     "\"\"\"",  "`", "${", "\\", "é",  "\t",
};

static uint64_t rng_next(uint64_t *st)
{
    *st ^= *st << 13;
    *st ^= *st >> 7;
    *st ^= *st << 17;
    return *st;
}

static struct pos random_pos(const struct buffer *b, uint64_t *rng)
{
    struct pos p;
    p.line = rng_next(rng) % b->nlines;
    p.col = b->lines[p.line].len ? rng_next(rng) % (b->lines[p.line].len + 1) : 0;
    /* Keep to character boundaries, as an editor does. */
    const char *t = b->lines[p.line].text;
    while (p.col > 0 && p.col < b->lines[p.line].len && (t[p.col] & 0xc0) == 0x80)
        p.col--;
    return p;
}

/* A space after a space that follows other text, or a digit after a digit: edits that leave
 * the text parsing as it did, mostly. False when the line offers no such spot. */
static bool benign_insert(struct buffer *b, uint64_t *rng)
{
    struct pos p = random_pos(b, rng);
    const char *t = b->lines[p.line].text;
    for (size_t c = p.col; c < b->lines[p.line].len; c++) {
        if (c >= 2 && t[c - 1] == ' ' && t[c - 2] != ' ') {
            buffer_insert(b, (struct pos){p.line, c}, " ", 1, NULL);
            return true;
        }
        if (c >= 1 && t[c - 1] >= '0' && t[c - 1] <= '9') {
            buffer_insert(b, (struct pos){p.line, c}, "7", 1, NULL);
            return true;
        }
    }
    return false;
}

static void random_op(struct buffer *b, uint64_t *rng, const char *original)
{
    unsigned op = (unsigned)(rng_next(rng) % 20);
    if (op < 5 && benign_insert(b, rng))
        return;
    if (op < 10) {
        char text[64] = "";
        for (unsigned k = 1 + (unsigned)(rng_next(rng) % 2); k > 0; k--)
            strcat(text, fragments[rng_next(rng) % (sizeof fragments / sizeof fragments[0])]);
        buffer_insert(b, random_pos(b, rng), text, strlen(text), NULL);
    } else if (op < 14) {
        struct pos from = random_pos(b, rng), to = from;
        for (unsigned k = 1 + (unsigned)(rng_next(rng) % 16); k > 0; k--) {
            if (to.col < b->lines[to.line].len)
                to.col++;
            else if (to.line + 1 < b->nlines)
                to = (struct pos){to.line + 1, 0};
        }
        while (to.col < b->lines[to.line].len && (b->lines[to.line].text[to.col] & 0xc0) == 0x80)
            to.col++;
        buffer_delete(b, from, to);
    } else if (op < 17) {
        buffer_undo(b, NULL);
    } else if (op < 19) {
        buffer_redo(b, NULL);
    } else {
        buffer_replace_all(b, xstrdup(original), strlen(original));
    }
}

/* Fails the test naming the first line where the two highlightings differ. */
static void assert_same_spans(const struct buffer *b, const struct syntax_span *x, size_t nx,
                              const struct syntax_span *y, size_t ny, const char *what)
{
    size_t i = 0;
    while (i < nx && i < ny && x[i].line == y[i].line && x[i].col_from == y[i].col_from &&
           x[i].col_to == y[i].col_to && x[i].capture == y[i].capture)
        i++;
    if (i == nx && i == ny)
        return;
    size_t line = i < nx ? x[i].line : y[i].line, len;
    const char *t = buffer_line(b, line, &len);
    size_t tl;
    char *all = buffer_text(b, (struct pos){0, 0}, buffer_end(b), &tl);
    fprintf(stderr, "%s: incremental and fresh differ at span %zu (line %zu: \"%.*s\")\n", what, i,
            line, (int)len, t);
    if (i < nx)
        fprintf(stderr, "  incremental %zu:%zu-%zu %s\n", x[i].line, x[i].col_from, x[i].col_to,
                grammar_capture_name(x[i].capture));
    if (i < ny)
        fprintf(stderr, "  fresh       %zu:%zu-%zu %s\n", y[i].line, y[i].col_from, y[i].col_to,
                grammar_capture_name(y[i].capture));
    fprintf(stderr, "--- text ---\n%s\n---\n", all);
    free(all);
    fail();
}

/* Whether S's trees (the host's and its injected layers') hold a syntax error. */
static bool has_error(const struct syntax *s)
{
    if (ts_node_has_error(ts_tree_root_node(s->tree)))
        return true;
    for (size_t i = 0; i < s->nlayers; i++)
        if (s->layers[i].tree && ts_node_has_error(ts_tree_root_node(s->layers[i].tree)))
            return true;
    return false;
}

/* Compares D's incrementally kept highlighting with a fresh syntax's over the same text.
 * Tree-sitter's error recovery may build a different tree for broken text reached by edits
 * than for the same text parsed at once, so only text that parses cleanly is compared;
 * returns whether it was. */
static bool compare_with_fresh(struct doc *d, const char *what)
{
    size_t ni, nf;
    const struct syntax_span *inc = settle(d->syntax, d->buf, &ni);
    struct syntax_span *copy = xmalloc((ni ? ni : 1) * sizeof *copy);
    if (ni)
        memcpy(copy, inc, ni * sizeof *copy);
    char err[512];
    struct syntax *fresh = syntax_new(d->lang, d->buf, err, sizeof err);
    assert_non_null(fresh);
    const struct syntax_span *fr = settle(fresh, d->buf, &nf);
    bool clean = !has_error(fresh);
    if (clean)
        assert_same_spans(d->buf, copy, ni, fr, nf, what);
    syntax_free(fresh);
    free(copy);
    return clean;
}

static void random_edits(const char *lang, const char *text, uint64_t seed)
{
    struct doc *d = open_doc(lang, text);
    uint64_t rng = seed;
    char what[96];
    unsigned compared = 0;
    settle(d->syntax, d->buf, &(size_t){0});
    for (int batch = 0; batch < 80; batch++) {
        size_t start_len, now_len;
        char *start_text = buffer_text(d->buf, (struct pos){0, 0}, buffer_end(d->buf), &start_len);
        unsigned ops = 1 + (unsigned)(rng_next(&rng) % 6), steps = 0;
        buffer_undo_boundary(d->buf);
        for (unsigned k = 0; k < ops; k++) {
            random_op(d->buf, &rng, text);
            /* Sometimes a short slice or a paint comes between edits, as in the editor. */
            if (rng_next(&rng) % 3 == 0)
                syntax_parse_step(d->syntax, d->buf, 30);
            if (rng_next(&rng) % 3 == 0) {
                size_t first = rng_next(&rng) % d->buf->nlines, n;
                syntax_highlight(d->syntax, d->buf, first, first + 5, &n);
            }
        }
        snprintf(what, sizeof what, "%s seed %llu batch %d", lang, (unsigned long long)seed, batch);
        compared += compare_with_fresh(d, what);
        /* Most batches are taken back, often to text that parsed before; now and then the
         * whole history is. */
        bool take_back = rng_next(&rng) % 4 != 0;
        while (take_back && steps++ < 64 && buffer_undo(d->buf, NULL)) {
            if (rng_next(&rng) % 4 == 0)
                syntax_parse_step(d->syntax, d->buf, 30);
            char *now = buffer_text(d->buf, (struct pos){0, 0}, buffer_end(d->buf), &now_len);
            take_back = now_len != start_len || memcmp(now, start_text, now_len) != 0;
            free(now);
        }
        free(start_text);
        if (rng_next(&rng) % 8 == 0)
            while (buffer_undo(d->buf, NULL)) {
            }
    }
    /* All the way back to the sample, through every broken state in between. */
    while (buffer_undo(d->buf, NULL)) {
    }
    snprintf(what, sizeof what, "%s seed %llu undone", lang, (unsigned long long)seed);
    assert_true(compare_with_fresh(d, what));
    if (compared < 8)
        fail_msg("%s seed %llu: only %u clean batches compared", lang, (unsigned long long)seed,
                 compared);
    printf("%s seed %llu: %u of 80 batches compared\n", lang, (unsigned long long)seed, compared);
    doc_free(d);
}

static const char py_text[] = "import os\n"
                              "\n"
                              "class Shape:\n"
                              "    \"\"\"A shape.\"\"\"\n"
                              "    def area(self, k=2):\n"
                              "        # the area\n"
                              "        return self.w * self.h / k  # done\n"
                              "\n"
                              "def main():\n"
                              "    s = Shape()\n"
                              "    print(f\"{s.area()} units\", [1, 2, {'a': (3)}])\n";

static const char js_text[] = "// shapes\n"
                              "const PI = 3.14;\n"
                              "function area(r) {\n"
                              "  return `r=${r} a=${PI * r * r}`; /* done */\n"
                              "}\n"
                              "class Circle { constructor(r) { this.r = r; } }\n"
                              "console.log(area(2), /ab+c/.test('x'));\n";

static const char c_text[] = "#include <stdio.h>\n"
                             "/* entry */\n"
                             "int main(int argc, char **argv) {\n"
                             "    for (int i = 0; i < argc; i++)\n"
                             "        printf(\"%s\\n\", argv[i]);\n"
                             "    return 0;\n"
                             "}\n";

static void test_random_edits_python(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 6; seed++)
        random_edits("python", py_text, seed * 0x9e3779b97f4a7c15ull);
}

static void test_random_edits_javascript(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 4; seed++)
        random_edits("javascript", js_text, seed * 0xd1b54a32d192ed03ull);
}

static void test_random_edits_c(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 3; seed++)
        random_edits("c", c_text, seed * 0x94d049bb133111ebull);
}

static void test_random_edits_html(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 4; seed++)
        random_edits("html", html_page, seed * 0xbf58476d1ce4e5b9ull);
}

/* ---- a large file in slices -------------------------------------------------------------- */

static char *big_python(size_t want, size_t *len)
{
    size_t cap = want + 4096, n = 0;
    char *s = xmalloc(cap);
    for (unsigned i = 0; n < want; i++)
        n += (size_t)snprintf(s + n, cap - n,
                              "def func_%u(a, b=%u):\n"
                              "    \"\"\"Doc %u.\"\"\"\n"
                              "    total = a * b + len(\"x%u\")  # note\n"
                              "    if total > %u:\n"
                              "        return [total, {'k': (a, b)}]\n"
                              "    return None\n\n",
                              i, i, i, i, i);
    *len = n;
    return s;
}

static void test_large_file_in_slices(void **state)
{
    (void)state;
    size_t len;
    char *text = big_python((size_t)5 << 20, &len);
    struct doc *d = doc_new(buffer_from_bytes(text, len), 4);
    char err[512];
    assert_int_equal(doc_set_language(d, lang_named("python"), err, sizeof err), 0);
    struct syntax *s = d->syntax;
    assert_false(syntax_ready(s));
    assert_true(syntax_pending(s));

    /* The first slice colours the top rows, then the whole parse runs 5 ms at a time. */
    unsigned slices = 1;
    double start = now_ms(), longest = 0, last;
    assert_true(syntax_parse_step(s, d->buf, 5000));
    double first = now_ms() - start;
    assert_true(syntax_ready(s));
    assert_true(syntax_pending(s));
    for (;;) {
        double t0 = now_ms();
        bool done = syntax_parse_step(s, d->buf, 5000);
        last = now_ms() - t0;
        slices++;
        if (done)
            break;
        if (last > longest)
            longest = last;
        assert_true(slices < 100000);
    }
    double total = now_ms() - start;
    assert_true(slices > 5);
    /* A slice stops near its budget. The last one also balances the finished tree, which
     * libtree-sitter 0.20 cannot interrupt. */
    assert_true(longest < 250);
    assert_true(syntax_ready(s));
    assert_false(syntax_pending(s));

    /* One screen in the middle. */
    size_t mid = d->buf->nlines / 2, n;
    double h0 = now_ms();
    const struct syntax_span *sp = syntax_highlight(s, d->buf, mid, mid + 50, &n);
    double hl = now_ms() - h0;
    assert_true(n > 50);
    for (size_t i = 0; i < n; i++)
        assert_true(sp[i].line >= mid && sp[i].line < mid + 50);

    /* An edit that changes the meaning of everything after it: a string opened at the top
     * flips every docstring. While the reparse is under way, the old tree, moved along by
     * the edit, still colours the screen; then the new one does. */
    buffer_insert(d->buf, (struct pos){0, 0}, "\"\"\"\n", 4, NULL);
    assert_true(syntax_pending(s));
    assert_false(syntax_parse_step(s, d->buf, 5000));
    size_t def_line = mid;
    while (strncmp(d->buf->lines[def_line].text, "def ", 4) != 0)
        def_line++;
    sp = syntax_highlight(s, d->buf, mid, mid + 50, &n);
    bool keyword = false;
    for (size_t i = 0; i < n; i++)
        keyword |= sp[i].line == def_line && sp[i].col_from == 0 &&
                   capture_is(syntax_capture_name(s, sp[i].capture), "keyword");
    assert_true(keyword);
    unsigned edit_slices = 1;
    double e0 = now_ms();
    while (!syntax_parse_step(s, d->buf, 5000))
        edit_slices++;
    double reparse = now_ms() - e0;
    sp = syntax_highlight(s, d->buf, 0, 2, &n);
    assert_true(n > 0 && sp[0].line == 0 && sp[0].col_from == 0);
    assert_true(capture_is(syntax_capture_name(s, sp[0].capture), "string"));

    printf("5 MB python (%zu lines): first colours in %.1f ms, full parse %.0f ms in %u slices of "
           "5 ms (longest %.1f ms, last %.1f ms); one screen highlighted in %.2f ms; reparse "
           "after an edit at the top %.1f ms (%u slices)\n",
           d->buf->nlines, first, total, slices, longest, last, hl, reparse, edit_slices);
    doc_free(d);
}

/* A slice cut short resumes where it stopped; an edit meanwhile starts it over (after the
 * first lines' colours, parsed again). */
static void test_edit_during_sliced_parse(void **state)
{
    (void)state;
    size_t len;
    char *text = big_python((size_t)1 << 20, &len);
    struct doc *d = doc_new(buffer_from_bytes(text, len), 4);
    char err[512];
    assert_int_equal(doc_set_language(d, lang_named("python"), err, sizeof err), 0);
    assert_true(syntax_parse_step(d->syntax, d->buf, 2000));
    assert_false(syntax_parse_step(d->syntax, d->buf, 2000));
    buffer_insert(d->buf, (struct pos){1, 0}, "    x = 'edit'\n", 15, NULL);
    assert_true(syntax_parse_step(d->syntax, d->buf, 2000));
    assert_false(syntax_parse_step(d->syntax, d->buf, 2000));
    buffer_delete(d->buf, (struct pos){3, 0}, (struct pos){5, 0});
    while (syntax_pending(d->syntax))
        syntax_parse_step(d->syntax, d->buf, 2000);
    assert_true(compare_with_fresh(d, "edit during a sliced parse"));
    doc_free(d);
}

/* Whether SP[0..N) colour (LINE, COL) as a keyword. */
static bool keyword_at(struct syntax *s, const struct syntax_span *sp, size_t n, size_t line,
                       size_t col)
{
    for (size_t i = 0; i < n; i++)
        if (sp[i].line == line && sp[i].col_from <= col && col < sp[i].col_to)
            return capture_is(syntax_capture_name(s, sp[i].capture), "keyword");
    return false;
}

/* A large file's first slice, however short, colours the rows on screen before the file is
 * parsed: the same colours the whole parse then gives, so the screen does not change again. */
static void test_first_colours_early(void **state)
{
    (void)state;
    size_t len;
    char *text = big_python((size_t)1 << 20, &len);
    struct doc *d = doc_new(buffer_from_bytes(text, len), 4);
    char err[512];
    assert_int_equal(doc_set_language(d, lang_named("python"), err, sizeof err), 0);
    struct syntax *s = d->syntax;
    size_t n, mid = d->buf->nlines / 2;

    assert_true(syntax_parse_step(s, d->buf, 1));
    assert_true(syntax_ready(s));
    assert_true(syntax_pending(s));
    const struct syntax_span *sp = syntax_highlight(s, d->buf, 0, 40, &n);
    assert_true(keyword_at(s, sp, n, 0, 0));  /* def func_0 */
    assert_true(keyword_at(s, sp, n, 35, 0)); /* def func_5 */
    assert_true(keyword_at(s, sp, n, 4, 8));  /* return */
    struct syntax_span *early = xmalloc(n * sizeof *early);
    memcpy(early, sp, n * sizeof *early);
    size_t nearly = n;
    /* Brackets pair in those rows already: "return [total, {'k': (a, b)}]". */
    struct pos p;
    size_t l4len;
    const char *l4 = buffer_line(d->buf, 4, &l4len);
    size_t open = (size_t)((const char *)memchr(l4, '[', l4len) - l4), close = l4len - 1;
    assert_int_equal(l4[close], ']');
    assert_true(syntax_match_bracket(s, d->buf, (struct pos){4, open}, &p));
    assert_int_equal(p.line, 4);
    assert_int_equal(p.col, close);
    /* So does growing a selection: "total" to the list's items, to the list. */
    struct pos nf, nt;
    assert_true(syntax_grow(s, (struct pos){4, open + 1}, (struct pos){4, open + 1}, &nf, &nt));
    assert_true(nf.line == 4 && nf.col == open + 1 && nt.line == 4 && nt.col == open + 6);
    assert_true(syntax_grow(s, nf, nt, &nf, &nt));
    assert_true(nf.line == 4 && nf.col == open && nt.line == 4 && nt.col == close + 1);
    /* Rows far below wait for the whole tree. */
    syntax_highlight(s, d->buf, mid, mid + 40, &n);
    assert_int_equal(n, 0);
    assert_false(syntax_grow(s, (struct pos){mid, 0}, (struct pos){mid, 1}, &nf, &nt));

    /* The next slices parse the whole text; the first colours stay until it is done. */
    assert_false(syntax_parse_step(s, d->buf, 1000));
    assert_true(syntax_pending(s));
    sp = syntax_highlight(s, d->buf, 0, 40, &n);
    assert_int_equal(n, nearly);
    unsigned slices = 1;
    while (!syntax_parse_step(s, d->buf, 2000))
        assert_true(++slices < 100000);
    assert_false(syntax_pending(s));
    sp = syntax_highlight(s, d->buf, 0, 40, &n);
    assert_same_spans(d->buf, sp, n, early, nearly, "first colours against the whole tree's");
    free(early);
    syntax_highlight(s, d->buf, mid, mid + 40, &n);
    assert_true(n > 0);
    assert_true(compare_with_fresh(d, "after first colours"));
    doc_free(d);
}

/* Edits while only the first lines are parsed: one in them moves their colours along at once
 * and has them parsed again by the next slice; one below them leaves them be. The end result
 * is a fresh parse's. */
static void test_edit_before_first_parse_ends(void **state)
{
    (void)state;
    size_t len;
    char *text = big_python((size_t)1 << 20, &len);
    struct doc *d = doc_new(buffer_from_bytes(text, len), 4);
    char err[512];
    assert_int_equal(doc_set_language(d, lang_named("python"), err, sizeof err), 0);
    struct syntax *s = d->syntax;
    size_t n;

    assert_true(syntax_parse_step(s, d->buf, 1));
    buffer_insert(d->buf, (struct pos){0, 0}, "import os\n", 10, NULL);
    assert_true(syntax_ready(s));
    const struct syntax_span *sp = syntax_highlight(s, d->buf, 0, 40, &n);
    assert_true(keyword_at(s, sp, n, 1, 0)); /* "def" moved down a line with its colour */
    assert_true(syntax_parse_step(s, d->buf, 1));
    sp = syntax_highlight(s, d->buf, 0, 40, &n);
    assert_true(keyword_at(s, sp, n, 0, 0)); /* import */
    assert_true(keyword_at(s, sp, n, 1, 0));

    /* Below the first lines: the whole parse goes on with them as they are. */
    size_t below = d->buf->nlines - 3;
    buffer_insert(d->buf, (struct pos){below, 0}, "x = 1\n", 6, NULL);
    assert_false(syntax_parse_step(s, d->buf, 1000));
    sp = syntax_highlight(s, d->buf, 0, 40, &n);
    assert_true(keyword_at(s, sp, n, 0, 0));

    /* During the whole parse: a function removed across the end of the first lines (the cut
     * comes before a top-level line after a blank one), and a line from the top. */
    size_t cut = syntax_prefix_rows(s);
    assert_int_equal(d->buf->lines[cut - 1].len, 0);
    assert_memory_equal(d->buf->lines[cut].text, "def ", 4);
    buffer_delete(d->buf, (struct pos){cut - 1, 0}, (struct pos){cut + 6, 0});
    buffer_delete(d->buf, (struct pos){0, 0}, (struct pos){1, 0});
    assert_true(syntax_parse_step(s, d->buf, 1));
    sp = syntax_highlight(s, d->buf, 0, 40, &n);
    assert_true(keyword_at(s, sp, n, 0, 0)); /* def, at the top again */
    while (syntax_pending(s))
        syntax_parse_step(s, d->buf, 2000);
    assert_true(compare_with_fresh(d, "edits before the first parse ended"));
    doc_free(d);
}

/* ---- selection growth and brackets -------------------------------------------------------- */

static void test_grow(void **state)
{
    (void)state;
    struct doc *d = open_doc("python", "def f():\n    x = foo(a, bb)\n    return x\n");
    struct syntax *s = d->syntax;
    settle(s, d->buf, &(size_t){0});
    struct pos from = {1, 12}, to = {1, 12}, nf, nt; /* before "a" */
    const struct {
        struct pos from, to;
    } steps[] = {
        {{1, 12}, {1, 13}}, /* a */
        {{1, 11}, {1, 18}}, /* (a, bb) */
        {{1, 8}, {1, 18}},  /* foo(a, bb) */
        {{1, 4}, {1, 18}},  /* x = foo(a, bb) */
        {{1, 4}, {2, 12}},  /* the function's body */
        {{0, 0}, {2, 12}},  /* the function */
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        assert_true(syntax_grow(s, from, to, &nf, &nt));
        if (pos_cmp(nf, steps[i].from) != 0 || pos_cmp(nt, steps[i].to) != 0)
            fail_msg("step %zu: got %zu:%zu-%zu:%zu", i, nf.line, nf.col, nt.line, nt.col);
        from = nf;
        to = nt;
    }
    /* The function is the whole file: nothing is larger. */
    assert_false(syntax_grow(s, from, to, &nf, &nt));
    doc_free(d);
}

static void test_match_bracket(void **state)
{
    (void)state;
    struct doc *d = open_doc("python", "f(a[1], {2: (3)}, ')')\ng(x\n");
    struct syntax *s = d->syntax;
    settle(s, d->buf, &(size_t){0});
    const struct {
        size_t at, partner;
    } pairs[] = {{1, 21}, {21, 1}, {3, 5}, {5, 3}, {8, 15}, {15, 8}, {12, 14}, {14, 12}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        struct pos p;
        if (!syntax_match_bracket(s, d->buf, (struct pos){0, pairs[i].at}, &p))
            fail_msg("no partner for col %zu", pairs[i].at);
        assert_int_equal(p.line, 0);
        assert_int_equal(p.col, pairs[i].partner);
    }
    struct pos p;
    assert_false(syntax_match_bracket(s, d->buf, (struct pos){0, 0}, &p));  /* f */
    assert_false(syntax_match_bracket(s, d->buf, (struct pos){0, 19}, &p)); /* ')' in a string */
    assert_false(syntax_match_bracket(s, d->buf, (struct pos){1, 1}, &p));  /* unclosed */
    assert_false(syntax_match_bracket(s, d->buf, (struct pos){9, 0}, &p));  /* past the end */

    /* Across lines, in another grammar. */
    doc_free(d);
    d = open_doc("c", "int main(void) {\n    return 0;\n}\n");
    settle(d->syntax, d->buf, &(size_t){0});
    assert_true(syntax_match_bracket(d->syntax, d->buf, (struct pos){0, 15}, &p));
    assert_int_equal(p.line, 2);
    assert_int_equal(p.col, 0);
    assert_true(syntax_match_bracket(d->syntax, d->buf, (struct pos){2, 0}, &p));
    assert_int_equal(p.line, 0);
    assert_int_equal(p.col, 15);
    doc_free(d);
}

/* ---- loading errors and the doc ------------------------------------------------------------ */

static void compile_so(const char *dir, const char *name, const char *src)
{
    char c[PATH_MAX * 2], so[PATH_MAX * 2], cmd[PATH_MAX * 6];
    snprintf(c, sizeof c, "%s/%s/parser.c", dir, name);
    snprintf(so, sizeof so, "%s/%s/parser.so", dir, name);
    tu_write_str(c, src);
    snprintf(cmd, sizeof cmd, "cc -shared -fPIC -o '%s' '%s'", so, c);
    assert_int_equal(system(cmd), 0);
}

static void test_grammar_errors(void **state)
{
    const char *dir = *state;
    char err[512];
    struct lang fake = {.name = "fake", .symbol = (char *)"fake"};
    struct lang absent = {.name = "absent"};
    syntax_set_grammar_dir(dir);

    struct buffer *b = buffer_new();
    assert_null(syntax_new(&absent, b, err, sizeof err));
    assert_non_null(strstr(err, "absent"));
    assert_non_null(strstr(err, "make grammars"));

    /* A grammar whose ABI is newer than libtree-sitter's. The version is TSLanguage's first
     * field. */
    assert_int_equal(mkdir(tu_path(dir, "fake"), 0755), 0);
    compile_so(dir, "fake",
               "static const unsigned v[64] = {15};\n"
               "const void *tree_sitter_fake(void) { return v; }\n");
    assert_null(syntax_new(&fake, b, err, sizeof err));
    assert_non_null(strstr(err, "ABI 15"));
    assert_non_null(strstr(err, "13 to 14"));

    /* The wrong symbol. */
    fake.symbol = (char *)"other";
    assert_null(syntax_new(&fake, b, err, sizeof err));
    assert_non_null(strstr(err, "tree_sitter_other"));

    /* A real grammar with a query that names a node it does not have. */
    struct lang broken = {.name = "broken", .symbol = (char *)"python"};
    char real[PATH_MAX];
    assert_non_null(realpath(GRAMMARS "/python/parser.so", real));
    assert_int_equal(mkdir(tu_path(dir, "broken"), 0755), 0);
    assert_int_equal(symlink(real, tu_path(dir, "broken/parser.so")), 0);
    tu_write_str(tu_path(dir, "broken/highlights.scm"), "(identifier) @variable\n(nope) @x\n");
    assert_null(syntax_new(&broken, b, err, sizeof err));
    assert_non_null(strstr(err, "broken/highlights.scm:2"));
    assert_non_null(strstr(err, "nope"));
    /* Fixed, it loads (a failure is not remembered). */
    tu_write_str(tu_path(dir, "broken/highlights.scm"), "(identifier) @variable\n");
    struct syntax *s = syntax_new(&broken, b, err, sizeof err);
    assert_non_null(s);
    syntax_free(s);
    buffer_free(b);
    syntax_set_grammar_dir(GRAMMARS);
}

static void test_doc_language(void **state)
{
    (void)state;
    char err[512] = "";
    /* Over the cap: the language is set, highlighting is off and the message says so. */
    size_t big = SYNTAX_MAX_BYTES + 1;
    char *bytes = xmalloc(big);
    memset(bytes, 'x', big);
    bytes[big - 1] = '\n';
    struct doc *d = doc_new(buffer_from_bytes(bytes, big), 4);
    assert_int_equal(doc_set_language(d, lang_named("python"), err, sizeof err), -1);
    assert_string_equal(err, "highlighting off: file larger than 32 MB");
    assert_null(d->syntax);
    assert_ptr_equal(d->lang, lang_named("python"));
    doc_free(d);

    /* Edits through the doc reach the tree; switching to plain text drops it. */
    d = open_doc("python", "x = 1\n");
    doc_set_cursor(d, (struct pos){0, 0}, false);
    doc_type(d, "def", 3);
    doc_type(d, " ", 1);
    doc_type(d, "f", 1);
    doc_type(d, "(", 1);
    doc_type(d, ")", 1);
    doc_type(d, ":", 1);
    doc_newline(d);
    assert_true(capture_is(capture_at(d->syntax, d->buf, 0, 0), "keyword"));
    assert_true(capture_is(capture_at(d->syntax, d->buf, 0, 4), "function"));
    while (doc_undo(d)) {
    }
    assert_true(capture_is(capture_at(d->syntax, d->buf, 0, 0), "variable")); /* x */
    assert_true(capture_is(capture_at(d->syntax, d->buf, 0, 4), "number"));
    assert_int_equal(doc_set_language(d, NULL, err, sizeof err), 0);
    assert_null(d->syntax);
    assert_null(d->lang);
    doc_type(d, "y", 1); /* no listener left behind */
    doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_captures_every_language),
        cmocka_unit_test(test_spans_are_well_formed),
        cmocka_unit_test(test_inner_capture_wins),
        cmocka_unit_test(test_predicates),
        cmocka_unit_test(test_predicate_errors_and_properties),
        cmocka_unit_test(test_html_injections),
        cmocka_unit_test(test_random_edits_python),
        cmocka_unit_test(test_random_edits_javascript),
        cmocka_unit_test(test_random_edits_c),
        cmocka_unit_test(test_random_edits_html),
        cmocka_unit_test(test_large_file_in_slices),
        cmocka_unit_test(test_edit_during_sliced_parse),
        cmocka_unit_test(test_first_colours_early),
        cmocka_unit_test(test_edit_before_first_parse_ends),
        cmocka_unit_test(test_grow),
        cmocka_unit_test(test_match_bracket),
        TU_DIR_TEST(test_grammar_errors),
        cmocka_unit_test(test_doc_language),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
