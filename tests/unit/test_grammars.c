/* test_grammars.c — the grammars `make grammars` built under build/grammars/: each shared
 * object loads, exports tree_sitter_<symbol> with an ABI this libtree-sitter reads, parses a
 * small sample of its language without an error node, and its highlights.scm (and
 * injections.scm) compile against it and capture something in the sample. Runs from the
 * repository root after `make grammars`; finds the grammars through paths_grammars(). */
#include <dirent.h>
#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#include "lang.h"
#include "paths.h"
#include "testutil.h"

struct sample {
    const char *lang;
    const char *text;
    const char *capture; /* a capture name the highlights give somewhere in the text */
};

static const struct sample samples[] = {
    {"bash",
     "#!/bin/bash\n# note\ngreet() { local name=\"$1\"; echo \"hi ${name}\"; }\n"
     "if [ -n \"$HOME\" ]; then greet world | tr a-z A-Z; fi\n",
     "keyword"},
    {"c",
     "#include <stdio.h>\n/* note */\nstatic int add(int a, int b) { return a + b; }\n"
     "int main(void) { printf(\"%d\\n\", add(1, 2)); return 0; }\n",
     "function"},
    {"cpp",
     "#include <vector>\n// note\nnamespace app {\ntemplate <typename T> class Box {\n"
     "public:\n    T get() const { return v; }\n    T v;\n};\n}\n"
     "int main() { std::vector<int> xs{1, 2}; auto b = app::Box<int>{}; return 0; }\n",
     "keyword"},
    {"css",
     "/* note */\nbody > .main #id:hover { color: #fff; margin: 0 auto !important; }\n"
     "@media (max-width: 600px) { a { font-size: 1.2em; } }\n",
     "property"},
    {"go",
     "package main\n\nimport \"fmt\"\n\n// note\n"
     "func add(a int, b int) int { return a + b }\n\n"
     "func main() { fmt.Println(\"hi\", add(1, 2)) }\n",
     "function"},
    {"html",
     "<!DOCTYPE html>\n<!-- note -->\n<html><head><style>a { color: red; }</style>"
     "</head>\n<body class=\"x\"><p>Hi &amp; bye</p><script>let x = 1;</script>"
     "</body></html>\n",
     "tag"},
    {"javascript",
     "// note\nimport fs from \"fs\";\nconst MAX = 10;\n"
     "function greet(name) { return `hi ${name}`; }\n"
     "class Foo extends Bar { run() { console.log(this.x, /ab+/g); } }\n"
     "const el = <div className=\"a\">{greet(\"x\")}</div>;\n",
     "function"},
    {"json", "{\"name\": \"x\", \"n\": 1.5, \"ok\": true, \"v\": null, \"a\": [\"s\\n\"]}\n",
     "property"},
    {"markdown", "# Title\n\nSome *em* text.\n\n- item\n\n```python\nx = 1\n```\n\n> quote\n",
     "markup.heading"},
    {"markdown_inline", "Some *em* and **strong** and `code` [link](http://x.y).", "markup.strong"},
    {"python",
     "import sys\n\n# note\ndef main(name: str) -> None:\n"
     "    print(f\"hello {name}\", 42)\n\nclass Foo(Bar):\n    X_MAX = None\n",
     "function"},
    {"rust",
     "// note\nuse std::fmt;\nstruct Point { x: i32 }\n"
     "fn main() { let p = Point { x: 1 }; println!(\"{}\", p.x); }\n",
     "function"},
    {"toml",
     "# note\n[package]\nname = \"x\"\nversion = 1\nwhen = 1979-05-27T07:32:00Z\n"
     "[[bin]]\na.b = [true, 2.5]\n",
     "property"},
    {"tsx",
     "// note\nexport const App = (props: { name: string }): JSX.Element =>\n"
     "  <div id=\"x\">{props.name}</div>;\n",
     "tag"},
    {"typescript",
     "// note\ninterface Point { x: number; y?: string }\n"
     "export function area(p: Point): number { return p.x * 2; }\n"
     "class Box<T> implements Bar {\n"
     "  private v: T;\n"
     "  constructor(v: T) { this.v = v; }\n"
     "}\n",
     "type"},
    {"yaml", "# note\nname: x\nlist:\n  - 1\n  - \"two\"\n  - true\nanchors: &a {k: v}\n",
     "property"},
};

#define NSAMPLES (sizeof samples / sizeof samples[0])

static const struct sample *sample_for(const char *lang)
{
    for (size_t i = 0; i < NSAMPLES; i++) {
        if (strcmp(samples[i].lang, lang) == 0)
            return &samples[i];
    }
    return NULL;
}

static int setup_langs(void **state)
{
    (void)state;
    char err[512] = "";
    if (lang_init("syntaxes", err, sizeof err) != 0) {
        fprintf(stderr, "lang_init(syntaxes): %s\n", err);
        return -1;
    }
    return 0;
}

static int teardown_langs(void **state)
{
    (void)state;
    lang_free_all();
    return 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(a, b);
}

/* The names of the grammars built under DIR (directories holding parser.so), sorted. */
static size_t built_grammars(const char *dir, char names[][64], size_t max)
{
    DIR *d = opendir(dir);
    if (!d)
        fail_msg("%s: no built grammars (run make grammars)", dir);
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.' || strlen(de->d_name) >= 64)
            continue;
        char so[PATH_MAX];
        snprintf(so, sizeof so, "%s/%s/parser.so", dir, de->d_name);
        if (access(so, F_OK) != 0)
            continue;
        assert_true(n < max);
        memcpy(names[n++], de->d_name, strlen(de->d_name) + 1);
    }
    closedir(d);
    qsort(names, n, sizeof names[0], cmp_names);
    return n;
}

/* The source line of byte OFFSET in TEXT, for query error messages. */
static int line_of(const char *text, uint32_t offset)
{
    int line = 1;
    for (uint32_t i = 0; i < offset && text[i]; i++)
        line += text[i] == '\n';
    return line;
}

/* Compiles DIR/NAME/FILE against LANGUAGE; NULL when the file does not exist. */
static TSQuery *compile_query(const char *dir, const char *name, const char *file,
                              const TSLanguage *language)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s/%s", dir, name, file);
    if (access(path, F_OK) != 0)
        return NULL;
    size_t len;
    char *text = tu_read(path, &len);
    uint32_t offset = 0;
    TSQueryError error = TSQueryErrorNone;
    TSQuery *q = ts_query_new(language, text, (uint32_t)len, &offset, &error);
    if (!q) {
        int line = line_of(text, offset);
        free(text);
        fail_msg("%s:%d: query error %d", path, line, (int)error);
    }
    free(text);
    return q;
}

/* Whether Q captures CAPTURE anywhere under ROOT. Predicates are not evaluated here: that is
 * syntax.c's work, tested with it. */
static bool captures(TSQuery *q, TSNode root, const char *capture)
{
    TSQueryCursor *c = ts_query_cursor_new();
    ts_query_cursor_exec(c, q, root);
    TSQueryMatch m;
    uint32_t index;
    bool found = false;
    while (!found && ts_query_cursor_next_capture(c, &m, &index)) {
        uint32_t len;
        const char *name = ts_query_capture_name_for_id(q, m.captures[index].index, &len);
        found = strlen(capture) == len && memcmp(name, capture, len) == 0;
    }
    ts_query_cursor_delete(c);
    return found;
}

static void check_grammar(const char *dir, const char *name)
{
    const struct lang *l = lang_by_name(name);
    if (!l)
        fail_msg("%s/%s: built, but no language in lang.c's table is called %s", dir, name, name);
    const struct sample *s = sample_for(name);
    if (!s)
        fail_msg("%s: no sample in test_grammars.c (add one)", name);

    char so[PATH_MAX];
    snprintf(so, sizeof so, "%s/%s/parser.so", dir, name);
    void *handle = dlopen(so, RTLD_NOW | RTLD_LOCAL);
    if (!handle)
        fail_msg("%s: %s", so, dlerror());
    char symbol[128];
    snprintf(symbol, sizeof symbol, "tree_sitter_%s", l->symbol);
    const TSLanguage *(*entry)(void);
    *(void **)&entry = dlsym(handle, symbol);
    if (!entry)
        fail_msg("%s: no %s", so, symbol);
    const TSLanguage *language = entry();
    uint32_t abi = ts_language_version(language);
    if (abi < TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION || abi > TREE_SITTER_LANGUAGE_VERSION)
        fail_msg("%s: grammar ABI %u, libtree-sitter reads %d-%d", name, abi,
                 TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION, TREE_SITTER_LANGUAGE_VERSION);
    assert_in_range(abi, 13, 14);

    TSParser *parser = ts_parser_new();
    assert_true(ts_parser_set_language(parser, language));
    TSTree *tree = ts_parser_parse_string(parser, NULL, s->text, (uint32_t)strlen(s->text));
    assert_non_null(tree);
    TSNode root = ts_tree_root_node(tree);
    if (ts_node_has_error(root)) {
        char *sexp = ts_node_string(root);
        fprintf(stderr, "%s\n", sexp);
        free(sexp);
        fail_msg("%s: the sample parses with an error", name);
    }
    assert_true(ts_node_end_byte(root) > 0);

    TSQuery *hl = compile_query(dir, name, "highlights.scm", language);
    if (!hl)
        fail_msg("%s/%s: no highlights.scm", dir, name);
    if (!captures(hl, root, s->capture))
        fail_msg("%s: the highlights never capture @%s in the sample", name, s->capture);
    ts_query_delete(hl);
    TSQuery *inj = compile_query(dir, name, "injections.scm", language);
    if (inj)
        ts_query_delete(inj);

    ts_tree_delete(tree);
    ts_parser_delete(parser);
    /* Not dlclose()d: LeakSanitizer reports leaks of unloaded objects without their frames. */
}

static void test_grammars_dir_is_the_build(void **state)
{
    (void)state;
    const char *dir = paths_grammars();
    const char *tail = "/build/grammars";
    assert_true(strlen(dir) > strlen(tail));
    assert_string_equal(dir + strlen(dir) - strlen(tail), tail);
    assert_ptr_equal(paths_grammars(), dir);
}

static void test_every_language_is_built(void **state)
{
    (void)state;
    char names[64][64];
    size_t n = built_grammars(paths_grammars(), names, 64);
    for (size_t i = 0; i < lang_count(); i++) {
        bool built = false;
        for (size_t j = 0; j < n; j++)
            built = built || strcmp(names[j], lang_at(i)->name) == 0;
        if (!built)
            fail_msg("%s: no %s/%s/parser.so (run make grammars)", lang_at(i)->name,
                     paths_grammars(), lang_at(i)->name);
    }
}

static void test_every_built_grammar_loads_and_parses(void **state)
{
    (void)state;
    char names[64][64];
    size_t n = built_grammars(paths_grammars(), names, 64);
    assert_true(n > 0);
    for (size_t i = 0; i < n; i++)
        check_grammar(paths_grammars(), names[i]);
}

/* HTML's <script> and <style> are handed to JavaScript and CSS. */
static void test_html_injects_script_and_style(void **state)
{
    (void)state;
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/html/injections.scm", paths_grammars());
    char *text = tu_read(path, NULL);
    assert_non_null(strstr(text, "script_element"));
    assert_non_null(strstr(text, "\"javascript\""));
    assert_non_null(strstr(text, "style_element"));
    assert_non_null(strstr(text, "\"css\""));
    free(text);
    assert_non_null(lang_by_name("javascript"));
    assert_non_null(lang_by_name("css"));
}

/* typescript's highlights start with javascript's, and the project's additions come last. */
static void test_queries_inherit_in_order(void **state)
{
    (void)state;
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/typescript/highlights.scm", paths_grammars());
    char *text = tu_read(path, NULL);
    const char *js = strstr(text, "tree-sitter-javascript");
    const char *ts = strstr(text, "tree-sitter-typescript");
    const char *own = strstr(text, "syntaxes/typescript/highlights.scm");
    assert_non_null(js);
    assert_non_null(ts);
    assert_non_null(own);
    assert_true(js < ts && ts < own);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_grammars_dir_is_the_build),
        cmocka_unit_test(test_every_language_is_built),
        cmocka_unit_test(test_every_built_grammar_loads_and_parses),
        cmocka_unit_test(test_html_injects_script_and_style),
        cmocka_unit_test(test_queries_inherit_in_order),
    };
    return cmocka_run_group_tests(tests, setup_langs, teardown_langs);
}
