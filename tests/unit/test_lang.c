/* test_lang.c — the language table: manifests read from the real syntaxes/ directory, which
 * language a file is by its name, extension or shebang, and bad manifests reported by file
 * and line. Runs from the repository root; other manifests are written to a temporary
 * folder. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "testutil.h"

static int teardown_langs(void **state)
{
    lang_free_all();
    return tu_tempdir_teardown(state);
}

#define LANG_TEST(fn) cmocka_unit_test_setup_teardown(fn, tu_tempdir_setup, teardown_langs)

static void init_repo(void)
{
    char err[512] = "";
    int rc = lang_init("syntaxes", err, sizeof err);
    if (rc != 0)
        fail_msg("lang_init(syntaxes): %s", err);
}

/* The name of the language detected for PATH with FIRST_LINE, or "(plain)". */
static const char *detected(const char *path, const char *first_line)
{
    const struct lang *l = lang_detect(path, first_line, first_line ? strlen(first_line) : 0);
    return l ? l->name : "(plain)";
}

/* Writes a minimal valid manifest for every language in the table into DIR, except those
 * given in OVERRIDE (name, content pairs ending with NULL), which get their own content. */
static void write_manifests(const char *dir, const char *const *override)
{
    for (size_t i = 0; i < lang_count(); i++) {
        const char *name = lang_at(i)->name;
        const char *content = NULL;
        for (const char *const *o = override; o && *o; o += 2) {
            if (strcmp(o[0], name) == 0)
                content = o[1];
        }
        char sub[PATH_MAX];
        snprintf(sub, sizeof sub, "%s", tu_path(dir, name));
        assert_int_equal(mkdir(sub, 0755), 0);
        char *fallback = xasprintf("[grammar]\nsymbol = %s\n", name);
        tu_write_str(tu_path(sub, "grammar.ini"), content ? content : fallback);
        free(fallback);
    }
}

static void test_repo_manifests_load(void **state)
{
    (void)state;
    init_repo();
    for (size_t i = 0; i < lang_count(); i++) {
        const struct lang *l = lang_at(i);
        if (!l->loaded)
            fail_msg("syntaxes/%s/grammar.ini did not load", l->name);
        assert_non_null(l->symbol);
        assert_true(l->indent_tabs || (l->indent_width >= 1 && l->indent_width <= 16));
        assert_ptr_equal(lang_by_name(l->name), l);
    }

    const struct lang *py = lang_by_name("python");
    assert_non_null(py);
    assert_string_equal(py->symbol, "python");
    assert_string_equal(py->comment, "#");
    assert_null(py->comment_end);
    assert_int_equal(py->indent_width, 4);
    assert_false(py->indent_tabs);

    const struct lang *go = lang_by_name("go");
    assert_true(go->indent_tabs);
    assert_string_equal(go->comment, "//");

    const struct lang *html = lang_by_name("html");
    assert_string_equal(html->comment, "<!--");
    assert_string_equal(html->comment_end, "-->");
    const struct lang *css = lang_by_name("css");
    assert_string_equal(css->comment, "/*");
    assert_string_equal(css->comment_end, "*/");

    assert_null(lang_by_name("json")->comment);

    const struct lang *ts = lang_by_name("typescript");
    assert_int_equal(ts->ninherits, 1);
    assert_string_equal(ts->inherits[0], "javascript");
    assert_string_equal(lang_by_name("tsx")->inherits[0], "javascript");
    assert_string_equal(lang_by_name("cpp")->inherits[0], "c");
    assert_int_equal(py->ninherits, 0);

    assert_null(lang_by_name("cobol"));
    assert_null(lang_by_name(NULL));
    assert_null(lang_at(lang_count()));
}

/* Every directory under syntaxes/ with a manifest has a row, and every row a directory. */
static void test_table_matches_directories(void **state)
{
    (void)state;
    DIR *d = opendir("syntaxes");
    assert_non_null(d);
    struct dirent *de;
    size_t dirs = 0;
    while ((de = readdir(d)) != NULL) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "syntaxes/%s/grammar.ini", de->d_name);
        if (de->d_name[0] == '.' || access(path, F_OK) != 0)
            continue;
        dirs++;
        bool found = false;
        for (size_t i = 0; i < lang_count(); i++)
            found = found || strcmp(lang_at(i)->name, de->d_name) == 0;
        if (!found)
            fail_msg("syntaxes/%s has no row in lang.c's table", de->d_name);
    }
    closedir(d);
    assert_int_equal(dirs, lang_count());
}

static void test_detect_by_extension(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"main.py", "python"},
        {"stubs/os.pyi", "python"},
        {"app.js", "javascript"},
        {"x.mjs", "javascript"},
        {"x.cjs", "javascript"},
        {"view.jsx", "javascript"},
        {"a.ts", "typescript"},
        {"b.mts", "typescript"},
        {"c.tsx", "tsx"},
        {"m.c", "c"},
        {"m.h", "c"},
        {"m.cpp", "cpp"},
        {"m.cc", "cpp"},
        {"m.hpp", "cpp"},
        {"m.cxx", "cpp"},
        {"main.go", "go"},
        {"lib.rs", "rust"},
        {"run.sh", "bash"},
        {"x.bash", "bash"},
        {"data.json", "json"},
        {"conf.yaml", "yaml"},
        {"ci.yml", "yaml"},
        {"index.html", "html"},
        {"x.htm", "html"},
        {"style.css", "css"},
        {"Cargo.toml", "toml"},
        {"README.md", "markdown"},
        {"/abs/dir/x.py", "python"},
        {"dir.d/lib.rs", "rust"},
        {".eslintrc.json", "json"},
        {"SHOUT.PY", "python"},
        {"old.C", "cpp"},
        {"Main.Go", "go"},
    };
    init_repo();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (strcmp(detected(cases[i][0], NULL), cases[i][1]) != 0)
            fail_msg("%s: detected %s, want %s", cases[i][0], detected(cases[i][0], NULL),
                     cases[i][1]);
    }
}

static void test_detect_by_file_name(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {".bashrc", "bash"},      {"/home/u/.bash_profile", "bash"},
        {"PKGBUILD", "bash"},     {"Cargo.lock", "toml"},
        {"flake.lock", "json"},   {"repo/.clang-format", "yaml"},
        {"SConstruct", "python"},
    };
    init_repo();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (strcmp(detected(cases[i][0], NULL), cases[i][1]) != 0)
            fail_msg("%s: detected %s, want %s", cases[i][0], detected(cases[i][0], NULL),
                     cases[i][1]);
    }
    /* Names match whole: a directory called .bashrc does not make its files shell. */
    assert_string_equal(detected(".bashrc/notes", NULL), "(plain)");
    assert_string_equal(detected("x.PKGBUILD", NULL), "(plain)");
}

static void test_detect_by_shebang(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"#!/usr/bin/env python3\n", "python"},
        {"#!/usr/bin/python3.11\nimport os\n", "python"},
        {"#!/usr/bin/python\r\n", "python"},
        {"#!/bin/bash", "bash"},
        {"#! /bin/sh -e\n", "bash"},
        {"#!/usr/bin/env bash\n", "bash"},
        {"#!/bin/dash", "bash"},
        {"#!/usr/bin/env node\n", "javascript"},
        {"#!/usr/bin/env -S deno run --allow-read\n", "typescript"},
        {"#!/usr/bin/env LANG=C python3 -u\n", "python"},
        {"#!/usr/bin/env -u HOME python3\n", "python"},
        {"#!/usr/bin/env pythonista\n", "(plain)"},
        {"#!/usr/bin/perl -w\n", "(plain)"},
        {"#!/usr/bin/env\n", "(plain)"},
        {"#!\n", "(plain)"},
        {"# just a comment\n", "(plain)"},
        {"", "(plain)"},
    };
    init_repo();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (strcmp(detected("script", cases[i][0]), cases[i][1]) != 0)
            fail_msg("shebang %s: detected %s, want %s", cases[i][0],
                     detected("script", cases[i][0]), cases[i][1]);
    }
    /* A new buffer has no path yet. */
    assert_string_equal(detected(NULL, "#!/usr/bin/env python3\n"), "python");
    /* Only FIRST_LEN bytes count: "#!/bin/ba" names no interpreter shed knows. */
    const char *line = "#!/bin/bash\n";
    assert_null(lang_detect("script", line, 9));
    /* The name and extension come first. */
    assert_string_equal(detected("tool.py", "#!/bin/bash\n"), "python");
    assert_string_equal(detected(".bashrc", "#!/usr/bin/env python3\n"), "bash");
}

static void test_unknown_files_are_plain_text(void **state)
{
    (void)state;
    init_repo();
    static const char *const plain[] = {
        "notes.txt", "Makefile", "archive.tar.gz", "noext", "trailing.", ".hidden",
        "dir/",      "",         "x.unknownext",
    };
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
        if (lang_detect(plain[i], NULL, 0))
            fail_msg("%s: detected %s, want plain text", plain[i], detected(plain[i], NULL));
    }
    assert_null(lang_detect(NULL, NULL, 0));
    /* markdown_inline has no files of its own: markdown injects it. */
    assert_string_equal(detected("x.md", NULL), "markdown");
}

/* Before lang_init, and after lang_free_all, nothing is known. */
static void test_nothing_before_init(void **state)
{
    (void)state;
    lang_free_all();
    assert_null(lang_detect("main.py", NULL, 0));
    assert_null(lang_by_name("python"));
    init_repo();
    assert_non_null(lang_detect("main.py", NULL, 0));
    lang_free_all();
    assert_null(lang_detect("main.py", NULL, 0));
    assert_false(lang_at(0)->loaded);
}

/* File name beats extension; the longest extension wins; an exact-case one beats the rest. */
static void test_detection_order(void **state)
{
    const char *dir = *state;
    const char *const override[] = {
        "bash",       "[grammar]\nsymbol = bash\n[files]\nfilenames = build.py\n",
        "typescript", "[grammar]\nsymbol = typescript\n[files]\nextensions = ts\n",
        "tsx",        "[grammar]\nsymbol = tsx\n[files]\nextensions = d.ts\n",
        "python",     "[grammar]\nsymbol = python\n[files]\nextensions = py\n",
        "c",          "[grammar]\nsymbol = c\n[files]\nextensions = c\n",
        "cpp",        "[grammar]\nsymbol = cpp\n[files]\nextensions = C\n",
        NULL,
    };
    char err[512] = "";
    write_manifests(dir, override);
    assert_int_equal(lang_init(dir, err, sizeof err), 0);
    assert_string_equal(err, "");

    assert_string_equal(detected("build.py", NULL), "bash");
    assert_string_equal(detected("setup.py", NULL), "python");
    assert_string_equal(detected("types.d.ts", NULL), "tsx");
    assert_string_equal(detected("main.ts", NULL), "typescript");
    assert_string_equal(detected("x.C", NULL), "cpp");
    assert_string_equal(detected("x.c", NULL), "c");
}

/* A manifest with an error names its file and line; that language is off, the others stay. */
static void test_bad_manifest_reported_with_line(void **state)
{
    const char *dir = *state;
    const char *const override[] = {
        "python",
        "# python\n"
        "[grammar]\n"
        "symbol = python\n"
        "[editing]\n"
        "indent = four\n",
        "go",
        "[grammar]\nsymbol = go\n[files]\nextensions = go\n",
        NULL,
    };
    char err[512] = "";
    write_manifests(dir, override);
    assert_int_equal(lang_init(dir, err, sizeof err), -1);
    char *want = xasprintf("%s/python/grammar.ini:5: indent = 'four' is not a number from 1 to "
                           "16 or 'tab'",
                           dir);
    assert_string_equal(err, want);
    free(want);
    assert_null(lang_by_name("python"));
    assert_string_equal(detected("main.py", "#!/usr/bin/env python3\n"), "(plain)");
    assert_non_null(lang_by_name("go"));
    assert_string_equal(detected("main.go", NULL), "go");
}

static void test_manifest_errors(void **state)
{
    const char *dir = *state;
    static const struct {
        const char *content;
        const char *want; /* after "DIR/json/grammar.ini" */
    } cases[] = {
        {"[grammar]\nsymbol = json\ncolour = red\n",
         ":3: unknown key 'colour' in [grammar] (known: package, version, integrity, subdir, "
         "symbol)"},
        {"[grammar]\nsymbol = json\n[looks]\n", ""},
        {"[grammar]\nsymbol = json\n[looks]\nx = 1\n",
         ":4: unknown section [looks] (use [grammar], [files], [editing] or [queries])"},
        {"symbol = json\n",
         ":1: 'symbol' is outside any section (put it under [grammar], [files], [editing] or "
         "[queries])"},
        {"[grammar]\nsymbol = json\nthis line has no equals sign\n",
         ":3: expected 'key = value' or '[section]'"},
        {"[grammar]\nsymbol = tree-sitter-json\n",
         ":2: symbol = 'tree-sitter-json' is not a C name (the NAME of tree_sitter_NAME)"},
        {"[grammar]\nsymbol = json\n[files]\nextensions = .json\n",
         ":4: extension '.json' must be written without a leading dot or a slash (e.g. 'py')"},
        {"[grammar]\nsymbol = json\n[files]\nshebangs = /usr/bin/jq\n",
         ":4: shebang '/usr/bin/jq' must be an interpreter name, not a path (e.g. 'python3')"},
        {"[grammar]\nsymbol = json\n[editing]\nindent = 0\n",
         ":4: indent = '0' is not a number from 1 to 16 or 'tab'"},
        {"[grammar]\npackage = tree-sitter-json\n",
         ": [grammar] has no symbol (add symbol = NAME, for the grammar's tree_sitter_NAME)"},
        {"[grammar]\nsymbol = json\n[editing]\ncomment_end = */\n",
         ": [editing] has comment_end but no comment (add comment = the opening token)"},
        {"[grammar]\nsymbol = json\n[queries]\ninherits = javascript cobol\n",
         ": inherits 'cobol', which is not another language in lang.c's table"},
        {"[grammar]\nsymbol = json\n[queries]\ninherits = json\n",
         ": inherits 'json', which is not another language in lang.c's table"},
        {"[grammar]\nsymbol = json\nversion = 1\nsymbol = x-y\n[editing]\nindent = tabs\n",
         ":4: symbol = 'x-y' is not a C name (the NAME of tree_sitter_NAME) (and 1 more)"},
    };
    write_manifests(dir, NULL);
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s", tu_path(dir, "json/grammar.ini"));
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char err[512] = "";
        tu_write_str(path, cases[i].content);
        int rc = lang_init(dir, err, sizeof err);
        if (!cases[i].want[0]) {
            /* An empty unknown section names no key: nothing to complain about. */
            assert_int_equal(rc, 0);
            continue;
        }
        char *want = xasprintf("%s%s", path, cases[i].want);
        if (rc != -1 || strcmp(err, want) != 0)
            fail_msg("case %zu: rc %d, error\n  %s\nwant\n  %s", i, rc, err, want);
        free(want);
        assert_null(lang_by_name("json"));
        assert_non_null(lang_by_name("yaml"));
    }
}

static void test_missing_manifest(void **state)
{
    const char *dir = *state;
    char err[512] = "";
    write_manifests(dir, NULL);
    char sub[PATH_MAX];
    snprintf(sub, sizeof sub, "%s", tu_path(dir, "rust"));
    assert_int_equal(unlink(tu_path(sub, "grammar.ini")), 0);
    assert_int_equal(lang_init(dir, err, sizeof err), -1);
    char *want = xasprintf("%s/rust/grammar.ini: missing (each language in lang.c's table "
                           "needs syntaxes/rust/grammar.ini)",
                           dir);
    assert_string_equal(err, want);
    free(want);
    assert_null(lang_by_name("rust"));
    assert_non_null(lang_by_name("go"));

    /* A second lang_init reads the manifests again: the fixed one loads, nothing leaks. */
    tu_write_str(tu_path(sub, "grammar.ini"), "[grammar]\nsymbol = rust\n[files]\n"
                                              "extensions = rs\n[editing]\nindent = tab\n");
    assert_int_equal(lang_init(dir, err, sizeof err), 0);
    assert_string_equal(detected("lib.rs", NULL), "rust");
    assert_true(lang_by_name("rust")->indent_tabs);
    /* A manifest that leaves out indent gets 4 columns. */
    assert_int_equal(lang_by_name("go")->indent_width, 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        LANG_TEST(test_repo_manifests_load),
        LANG_TEST(test_table_matches_directories),
        LANG_TEST(test_detect_by_extension),
        LANG_TEST(test_detect_by_file_name),
        LANG_TEST(test_detect_by_shebang),
        LANG_TEST(test_unknown_files_are_plain_text),
        LANG_TEST(test_nothing_before_init),
        LANG_TEST(test_detection_order),
        LANG_TEST(test_bad_manifest_reported_with_line),
        LANG_TEST(test_manifest_errors),
        LANG_TEST(test_missing_manifest),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
