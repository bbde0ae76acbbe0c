/* fuzz_theme.c — theme files and style values from arbitrary bytes: the input is loaded as a
 * theme file (through a temporary file, as users' themes arrive) and parsed as one style
 * value; every style and terminal colour that loads is then looked up and fitted to each
 * palette size and to direct colour, and a terminal palette must be whole or absent. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "color.h"
#include "fuzz_file.h"
#include "theme.h"


static void fit_color(struct color c)
{
    static const int palettes[] = {8, 16, 88, 256};
    for (size_t i = 0; i < sizeof palettes / sizeof palettes[0]; i++) {
        int n = color_to_index(c, palettes[i]);
        int limit = palettes[i] == 88 ? 16 : palettes[i];
        if (n < -1 || n >= limit)
            abort();
    }
    /* Direct colour: -1, an ANSI index below 8 only for such an index, else 0xRRGGBB >= 8. */
    int d = color_to_direct(c);
    if (d < -1 || d > 0xffffff)
        abort();
    if (d >= 0 && d < 8 && !(c.kind == COLOR_INDEX && c.value == (uint32_t)d))
        abort();
}

static void fit(const struct style *s)
{
    fit_color(s->fg);
    fit_color(s->bg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_file_write(data, size);

    char err[256];
    struct theme t;
    if (theme_load(path, &t, err, sizeof err) == 0) {
        for (int i = 0; i < UI_COUNT; i++)
            fit(&t.ui[i]);
        for (size_t i = 0; i < t.ncaptures; i++) {
            if (theme_capture_style(&t, t.captures[i].name) != &t.captures[i].style)
                abort();
            char *longer = malloc(strlen(t.captures[i].name) + 3);
            sprintf(longer, "%s.x", t.captures[i].name);
            if (!theme_capture_style(&t, longer))
                abort();
            free(longer);
            fit(&t.captures[i].style);
        }
        for (int i = 0; i < 16; i++) {
            if ((t.palette[i].kind != COLOR_DEFAULT) != t.has_palette)
                abort(); /* a palette is whole or absent */
            fit_color(t.palette[i]);
        }
        fit_color(t.term_fg);
        fit_color(t.term_bg);
        theme_free(&t);
    } else if (!strchr(err, ':')) {
        abort(); /* every refusal names the file */
    }

    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    struct style s;
    if (theme_parse_style(text, &s, err, sizeof err) == 0)
        fit(&s);
    free(text);
    return 0;
}
