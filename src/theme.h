/* theme.h — colour themes: an INI file whose [ui] section styles the interface's elements
 * and whose [syntax] section styles tree-sitter capture names (used by the highlighter).
 *
 *   [ui]
 *   text = #d0d0d0 on #1c1c1c
 *   selection = on #3a3a5a
 *   status = bold #ffffff on #005f87
 *
 * A value is attributes (bold, italic, underline, reverse, dim), an optional foreground and an
 * optional "on BACKGROUND", in any order of attributes first. Unset elements fall back to
 * "text", and so does a colour an element leaves out. Syntax styles are overlays instead: a
 * colour they leave out is COLOR_DEFAULT, meaning whatever lies underneath.
 *
 * An optional [terminal] section gives the terminal pane's palette: color0..color15, the
 * colours programs get when they ask for ANSI colours 0-15, and foreground / background, its
 * default colours. Each value is one colour. The palette is all or nothing: a theme naming
 * one colorN names all 16. */
#ifndef SHED_THEME_H
#define SHED_THEME_H

#include <stdbool.h>
#include <stddef.h>

#include "color.h"

enum theme_attr {
    THEME_BOLD = 1 << 0,
    THEME_ITALIC = 1 << 1,
    THEME_UNDERLINE = 1 << 2,
    THEME_REVERSE = 1 << 3,
    THEME_DIM = 1 << 4,
};

struct style {
    struct color fg, bg;
    unsigned attrs;
    int set; /* the theme named this element */
};

/* The interface's elements; theme keys are the names in theme_ui_names. */
enum theme_ui {
    UI_TEXT,
    UI_GUTTER,         /* line numbers */
    UI_GUTTER_CURRENT, /* the cursor line's number */
    UI_CURSOR_LINE,
    UI_SELECTION,
    UI_SEARCH_MATCH,
    UI_SEARCH_CURRENT,
    UI_BRACKET, /* the bracket matching the one at the cursor, and that one */
    UI_INVALID, /* invalid UTF-8 bytes and control characters */
    UI_TREE,
    UI_TREE_DIR,
    UI_TREE_SELECTED,
    UI_TREE_OPEN, /* files open in a buffer */
    UI_BORDER,
    UI_STATUS,
    UI_STATUS_DIM,
    UI_MESSAGE,
    UI_ERROR,
    UI_PROMPT,
    UI_PICKER,
    UI_PICKER_SELECTED,
    UI_PICKER_MATCH,
    UI_DIFF_ADDED,
    UI_DIFF_REMOVED,
    UI_COUNT
};

extern const char *const theme_ui_names[UI_COUNT];

struct theme_capture {
    char *name; /* "function.builtin" */
    struct style style;
};

struct theme {
    char *name;
    struct style ui[UI_COUNT];
    struct theme_capture *captures;
    size_t ncaptures;
    /* [terminal]. Without color0..color15 (ansi16, mono) has_palette is false and palette[]
     * is all COLOR_DEFAULT: the pane leaves ANSI colours to the user's terminal. term_fg and
     * term_bg are [terminal]'s foreground and background, else text's colours. */
    bool has_palette;
    struct color palette[16];
    struct color term_fg, term_bg;
};

/* Parses a style value ("bold #fff on 236"). Returns 0 or -1 with err. */
int theme_parse_style(const char *text, struct style *out, char *err, size_t errlen);

/* Loads the theme file PATH into *OUT (freed with theme_free). Errors name the file, the line
 * and the fix; an unknown key is an error, so typos do not pass silently. On error the whole
 * theme is refused and *OUT holds nothing (theme_free on it is harmless). */
int theme_load(const char *path, struct theme *out, char *err, size_t errlen);

/* Loads the theme NAME: CONFIG_DIR/themes/NAME.theme first, then RESOURCES/themes/. */
int theme_load_named(const char *name, const char *config_dir, const char *resources,
                     struct theme *out, char *err, size_t errlen);

/* The built-in fallback used when no theme file can be read. */
void theme_default(struct theme *out);

/* The style for capture NAME by longest matching prefix ("function.builtin" falls back to
 * "function"); NULL when none matches. */
const struct style *theme_capture_style(const struct theme *t, const char *name);

void theme_free(struct theme *t);

/* The names of the themes theme_load_named can find, for the `theme` command's completion and
 * listing: first those in CONFIG_DIR/themes/, then those in RESOURCES/themes/ that the user's
 * do not shadow, each group sorted (byte order). A name is a *.theme file's name without the
 * extension; hidden files, and names that are not one typed word (blanks, control characters),
 * are left out. Either directory may be NULL or missing. Returns 0; or -1 with errno when a
 * directory that exists could not be read, in which case *NAMES still holds every theme found.
 * *NAMES (and each name) is the caller's, freed with theme_list_free, in both cases. */
int theme_list(const char *config_dir, const char *resources, char ***names, size_t *count);

void theme_list_free(char **names, size_t count);

#endif
