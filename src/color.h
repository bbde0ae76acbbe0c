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

/* The colour number to give a direct-colour terminal (ncurses with an xterm-direct terminfo,
 * where COLORS is 2^24): -1 for the default colour (and for an index above 255), else a number
 * that such a terminal reads as intended. There, numbers 0-7 select the user's ANSI palette
 * and every number from 8 up is the RGB value 0xRRGGBB itself. So:
 *   - index 0-7 ("red") gives the index, and keeps following the user's palette;
 *   - index 8-255 gives xterm's standard RGB for that index (brightred is 0xff0000, 196 is
 *     0xff0000, 232 is 0x080808): xterm-direct cannot reach palette entries 8-15;
 *   - #rrggbb gives 0xRRGGBB, except that 0x000000-0x000007 (which would select the ANSI
 *     palette) give 8, i.e. #000008, a black no eye tells apart from #000000. The same holds
 *     for an index whose standard RGB is that dark (16 is #000000, so it gives 8).
 * A theme meant to follow the user's 16 colours (themes/ansi16.theme) is best drawn with
 * color_to_index on an indexed terminfo instead. */
int color_to_direct(struct color c);

#endif
