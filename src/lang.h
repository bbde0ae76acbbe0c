/* lang.h — the languages shed knows: which files are which language, and what editing them
 * needs (comment token, indent unit, the grammar to parse them with).
 *
 * Each language is a directory syntaxes/NAME/ holding grammar.ini (the npm package and its
 * pinned version and integrity, file extensions, file names and shebangs that select it, the
 * comment token, the indent unit, queries it inherits) and the project's own query additions.
 * The table in lang.c lists the languages, one row each; the manifests are read the first
 * time a file is opened, and the grammar itself only when a file of that language is. */
#ifndef SHED_LANG_H
#define SHED_LANG_H

#include <stdbool.h>
#include <stddef.h>

struct lang {
    const char *name; /* "python": its syntaxes/ directory and the built grammar's name */
    /* From grammar.ini: */
    char *symbol;      /* tree_sitter_<symbol> in the grammar's shared object */
    char **extensions; /* without the dot: "py" */
    size_t nextensions;
    char **filenames; /* whole names: "Makefile" */
    size_t nfilenames;
    char **shebangs; /* interpreter names: "python3" */
    size_t nshebangs;
    char *comment;     /* line comment token ("#", "//"); NULL when the language has none */
    char *comment_end; /* for block-only languages: "-->" (html), star-slash (css); else NULL */
    int indent_width;
    bool indent_tabs;
    char **inherits; /* languages whose queries come first ("javascript" for typescript) */
    size_t ninherits;
    bool loaded; /* manifest read */
};

/* Reads every manifest under SYNTAXES_DIR (the resources' syntaxes/). Returns 0, or -1 with
 * err naming the file, line and fix; the languages that did load stay usable. */
int lang_init(const char *syntaxes_dir, char *err, size_t errlen);
void lang_free_all(void);

/* The language of PATH (by file name, then extension, then FIRST_LINE's shebang:
 * "#!/usr/bin/env python3"), or NULL for plain text. FIRST_LINE may be NULL. */
const struct lang *lang_detect(const char *path, const char *first_line, size_t first_len);

const struct lang *lang_by_name(const char *name);

/* Every language, for listings. */
const struct lang *lang_at(size_t i);
size_t lang_count(void);

#endif
