/* color.h — colours as themes write them and as terminals can show them.
 *
 * A theme colour is "default", a name of the 16 ANSI colours ("red", "brightblue"), an index
 * 0-255, or "#rrggbb". Terminals with fewer colours get the nearest one they have. */
#ifndef SHED_COLOR_H
#define SHED_COLOR_H

#include <stdint.h>

enum color_kind { COLOR_DEFAULT, COLOR_INDEX, COLOR_RGB };

struct color {
    enum color_kind kind;
    uint32_t value; /* index 0..255, or 0xRRGGBB */
};

/* Parses TEXT; returns 0 or -1 for something that is no colour. */
int color_parse(const char *text, struct color *out);

/* The colour index to use on a terminal with NCOLORS colours (8, 16, 88, 256): -1 for the
 * default colour (and on terminals with fewer than 8), else 0..NCOLORS-1, the nearest one: by
 * RGB distance on 256 colours; on 16 and 8 by hue first, so pastels keep their hue and greys
 * stay grey. 88-colour terminals get the 16 ANSI colours. */
int color_to_index(struct color c, int ncolors);

#endif
