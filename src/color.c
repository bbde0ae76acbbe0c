/* color.c — parsing theme colours and fitting them to the terminal's palette.
 *
 * A struct color is what the theme wrote: the terminal's default, a palette index or an RGB
 * value. color_to_index() picks the nearest colour the terminal has, by squared RGB distance:
 * on 256 colours against the 6x6x6 cube and the grey ramp (the 16 ANSI colours are left out,
 * since users retint them). On 16 or 8 colours the nearest hue wins first (nearest_ansi says
 * why), measured against xterm's standard ANSI values. color_to_direct() gives direct-colour
 * terminals the RGB value itself, or xterm's standard RGB for an index. */
#include "color.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct color_name {
    const char *name;
    int index;
};

static const struct color_name color_names[] = {
    {"black", 0},        {"red", 1},
    {"green", 2},        {"yellow", 3},
    {"blue", 4},         {"magenta", 5},
    {"cyan", 6},         {"white", 7},
    {"brightblack", 8},  {"brightred", 9},
    {"brightgreen", 10}, {"brightyellow", 11},
    {"brightblue", 12},  {"brightmagenta", 13},
    {"brightcyan", 14},  {"brightwhite", 15},
    {"gray", 8},         {"grey", 8},
};

/* xterm's default values for the 16 ANSI colours. */
static const uint32_t ansi_rgb[16] = {
    0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
    0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
};

/* The channel values of the 6x6x6 cube (indices 16-231). */
static const int cube_levels[6] = {0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff};

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int parse_hex(const char *s, struct color *out)
{
    size_t n = strlen(s);
    if (n != 3 && n != 6)
        return -1;
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        int d = hex_digit(s[i]);
        if (d < 0)
            return -1;
        /* #rgb means #rrggbb: each digit doubled. */
        v = n == 3 ? (v << 8) | (uint32_t)(d * 17) : (v << 4) | (uint32_t)d;
    }
    out->kind = COLOR_RGB;
    out->value = v;
    return 0;
}

static int parse_number(const char *s, struct color *out)
{
    size_t n = strlen(s);
    if (n == 0 || n > 3)
        return -1;
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (uint32_t)(s[i] - '0');
    }
    if (v > 255)
        return -1;
    out->kind = COLOR_INDEX;
    out->value = v;
    return 0;
}

int color_parse(const char *text, struct color *out)
{
    if (text[0] == '#')
        return parse_hex(text + 1, out);
    if (text[0] >= '0' && text[0] <= '9')
        return parse_number(text, out);
    if (strcasecmp(text, "default") == 0) {
        out->kind = COLOR_DEFAULT;
        out->value = 0;
        return 0;
    }
    for (size_t i = 0; i < sizeof color_names / sizeof color_names[0]; i++) {
        if (strcasecmp(text, color_names[i].name) == 0) {
            out->kind = COLOR_INDEX;
            out->value = (uint32_t)color_names[i].index;
            return 0;
        }
    }
    return -1;
}

/* The RGB value xterm shows for palette INDEX (0-255). */
static uint32_t index_rgb(int index)
{
    if (index < 16)
        return ansi_rgb[index];
    if (index < 232) {
        int i = index - 16;
        return (uint32_t)(cube_levels[i / 36] << 16 | cube_levels[i / 6 % 6] << 8 |
                          cube_levels[i % 6]);
    }
    uint32_t g = (uint32_t)(8 + 10 * (index - 232));
    return g << 16 | g << 8 | g;
}

static int distance(uint32_t a, uint32_t b)
{
    int dr = (int)(a >> 16 & 0xff) - (int)(b >> 16 & 0xff);
    int dg = (int)(a >> 8 & 0xff) - (int)(b >> 8 & 0xff);
    int db = (int)(a & 0xff) - (int)(b & 0xff);
    return dr * dr + dg * dg + db * db;
}

static int nearest_cube_level(int v)
{
    int best = 0;
    for (int i = 1; i < 6; i++) {
        if (abs(v - cube_levels[i]) < abs(v - cube_levels[best]))
            best = i;
    }
    return best;
}

static int nearest_256(uint32_t rgb)
{
    int r = (int)(rgb >> 16 & 0xff), g = (int)(rgb >> 8 & 0xff), b = (int)(rgb & 0xff);
    int cube = 16 + 36 * nearest_cube_level(r) + 6 * nearest_cube_level(g) + nearest_cube_level(b);

    /* The grey ramp runs 8, 18, ..., 238. */
    int avg = (r + g + b) / 3;
    int step = (avg - 8 + 5) / 10;
    if (step < 0)
        step = 0;
    if (step > 23)
        step = 23;
    int grey = 232 + step;

    return distance(rgb, index_rgb(grey)) < distance(rgb, index_rgb(cube)) ? grey : cube;
}

/* Below this spread between the strongest and weakest channel a colour reads as grey. */
#define GREY_CHROMA 48

/* The ANSI colour for RGB among the first COUNT (8 or 16). Plain RGB distance serves these
 * palettes badly: the saturated ANSI colours are far from the pastels themes use, so a soft
 * purple would turn white and mid grey yellow. So greys go to the grey nearest in lightness,
 * other colours to the ANSI hue nearest theirs, and then to the nearer of its normal and
 * bright version. */
static int nearest_ansi(uint32_t rgb, int count)
{
    int r = (int)(rgb >> 16 & 0xff), g = (int)(rgb >> 8 & 0xff), b = (int)(rgb & 0xff);
    int max = r > g ? (r > b ? r : b) : (g > b ? g : b);
    int min = r < g ? (r < b ? r : b) : (g < b ? g : b);
    int chroma = max - min;

    if (chroma < GREY_CHROMA) {
        static const int greys[] = {0, 7, 8, 15};
        int luma = (299 * r + 587 * g + 114 * b) / 1000;
        int best = 0, best_d = 256;
        for (int i = 0; i < (count >= 16 ? 4 : 2); i++) {
            int d = abs(luma - (int)(ansi_rgb[greys[i]] & 0xff));
            if (d < best_d) {
                best = greys[i];
                best_d = d;
            }
        }
        return best;
    }

    /* Hue in degrees: 0 red, 60 yellow, 120 green, 180 cyan, 240 blue, 300 magenta. */
    double hue;
    if (max == r)
        hue = 60.0 * (g - b) / chroma;
    else if (max == g)
        hue = 120.0 + 60.0 * (b - r) / chroma;
    else
        hue = 240.0 + 60.0 * (r - g) / chroma;
    if (hue < 0)
        hue += 360.0;
    static const int hue_ansi[6] = {1, 3, 2, 6, 4, 5};
    int normal = hue_ansi[(int)((hue + 30.0) / 60.0) % 6];
    if (count < 16)
        return normal;
    return distance(rgb, ansi_rgb[normal + 8]) < distance(rgb, ansi_rgb[normal]) ? normal + 8
                                                                                 : normal;
}

int color_to_index(struct color c, int ncolors)
{
    /* 88-colour terminals have their own cube; treat them as 16 rather than guess it. */
    int palette = ncolors >= 256 ? 256 : ncolors >= 16 ? 16 : ncolors >= 8 ? 8 : 0;
    if (c.kind == COLOR_DEFAULT || palette == 0)
        return -1;
    if (c.kind == COLOR_INDEX && c.value > 255)
        return -1;
    if (c.kind == COLOR_INDEX && (int)c.value < palette)
        return (int)c.value;

    uint32_t rgb = c.kind == COLOR_RGB ? c.value & 0xffffff : index_rgb((int)c.value);
    if (palette == 256)
        return nearest_256(rgb);
    return nearest_ansi(rgb, palette);
}

/* Direct-colour terminfo (xterm-direct) reads numbers below this as ANSI palette entries. */
#define DIRECT_PALETTE 8

int color_to_direct(struct color c)
{
    if (c.kind == COLOR_DEFAULT || (c.kind == COLOR_INDEX && c.value > 255))
        return -1;
    if (c.kind == COLOR_INDEX && c.value < DIRECT_PALETTE)
        return (int)c.value;
    uint32_t rgb = c.kind == COLOR_RGB ? c.value & 0xffffff : index_rgb((int)c.value);
    return rgb < DIRECT_PALETTE ? DIRECT_PALETTE : (int)rgb;
}
