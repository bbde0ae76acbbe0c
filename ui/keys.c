/* keys.c — decodes curses input into struct key. Curses' keypad mode knows the keys its
 * terminfo entry lists; the modified variants (Ctrl-Left is "\e[1;5D" on xterm, tmux, screen
 * and most others) are added with define_key from one table, and the code curses hands back
 * for each is mapped to key + modifiers. Alt+key arrives as ESC followed by the key within the
 * ESC delay (25 ms). */
#include "keys.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4). */
struct csi_key {
    char final; /* "\e[1;M<final>" */
    int num;    /* "\e[<num>;M~" when final == '~' */
    int key;
};

static const struct csi_key csi_keys[] = {
    {'A', 0, K_UP},     {'B', 0, K_DOWN},   {'C', 0, K_RIGHT}, {'D', 0, K_LEFT},
    {'H', 0, K_HOME},   {'F', 0, K_END},    {'P', 0, K_F(1)},  {'Q', 0, K_F(2)},
    {'R', 0, K_F(3)},   {'S', 0, K_F(4)},   {'~', 2, K_INS},   {'~', 3, K_DEL},
    {'~', 5, K_PGUP},   {'~', 6, K_PGDN},   {'~', 15, K_F(5)}, {'~', 17, K_F(6)},
    {'~', 18, K_F(7)},  {'~', 19, K_F(8)},  {'~', 20, K_F(9)}, {'~', 21, K_F(10)},
    {'~', 23, K_F(11)}, {'~', 24, K_F(12)},
};

#define NCSI (sizeof csi_keys / sizeof csi_keys[0])

struct code_map {
    int curses;
    int key;
    int mods;
};

/* Curses' own codes for unmodified and shifted keys. */
static const struct code_map base_map[] = {
    {KEY_UP, K_UP, 0},
    {KEY_DOWN, K_DOWN, 0},
    {KEY_LEFT, K_LEFT, 0},
    {KEY_RIGHT, K_RIGHT, 0},
    {KEY_HOME, K_HOME, 0},
    {KEY_END, K_END, 0},
    {KEY_PPAGE, K_PGUP, 0},
    {KEY_NPAGE, K_PGDN, 0},
    {KEY_IC, K_INS, 0},
    {KEY_DC, K_DEL, 0},
    {KEY_BACKSPACE, K_BACKSPACE, 0},
    {KEY_ENTER, K_ENTER, 0},
    {KEY_BTAB, K_TAB, MOD_SHIFT},
    {KEY_SLEFT, K_LEFT, MOD_SHIFT},
    {KEY_SRIGHT, K_RIGHT, MOD_SHIFT},
    {KEY_SR, K_UP, MOD_SHIFT},
    {KEY_SF, K_DOWN, MOD_SHIFT},
    {KEY_SHOME, K_HOME, MOD_SHIFT},
    {KEY_SEND, K_END, MOD_SHIFT},
    {KEY_SPREVIOUS, K_PGUP, MOD_SHIFT},
    {KEY_SNEXT, K_PGDN, MOD_SHIFT},
    {KEY_SDC, K_DEL, MOD_SHIFT},
    {KEY_RESIZE, K_RESIZE, 0},
    {KEY_MOUSE, K_MOUSE, 0},
};

#define MAX_DYN (NCSI * 8 + 8)
static struct code_map dyn_map[MAX_DYN];
static int ndyn;
static int paste_begin_code, paste_end_code;
static bool mouse_on;

static void map_sequence(const char *seq, int key, int mods)
{
    int code = key_defined(seq);
    if (code <= 0) {
        /* Unknown to terminfo: give it a code of our own past KEY_MAX that curses does not
         * already use for one of terminfo's extended keys. */
        static int next_code = KEY_MAX + 1;
        char *bound;
        while ((bound = keybound(next_code, 0)) != NULL) {
            free(bound);
            next_code++;
        }
        code = next_code++;
        if (define_key(seq, code) != OK)
            return;
    }
    if (ndyn < (int)MAX_DYN)
        dyn_map[ndyn++] = (struct code_map){code, key, mods};
}

void keys_init(bool mouse)
{
    raw();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    nodelay(stdscr, TRUE);
    set_escdelay(25);
    meta(stdscr, TRUE);

    char seq[32];
    for (size_t i = 0; i < NCSI; i++) {
        for (int m = 1; m <= 7; m++) {
            if (csi_keys[i].final == '~')
                snprintf(seq, sizeof seq, "\033[%d;%d~", csi_keys[i].num, m + 1);
            else
                snprintf(seq, sizeof seq, "\033[1;%d%c", m + 1, csi_keys[i].final);
            map_sequence(seq, csi_keys[i].key, m);
        }
    }
    /* Home/End variants some terminals send without terminfo knowing them. */
    map_sequence("\033[H", K_HOME, 0);
    map_sequence("\033[F", K_END, 0);
    map_sequence("\033[1~", K_HOME, 0);
    map_sequence("\033[4~", K_END, 0);
    map_sequence("\033OH", K_HOME, 0);
    map_sequence("\033OF", K_END, 0);
    map_sequence("\033[200~", K_PASTE_BEGIN, 0);
    map_sequence("\033[201~", K_PASTE_END, 0);
    paste_begin_code = key_defined("\033[200~");
    paste_end_code = key_defined("\033[201~");

    /* Bracketed paste: pasted text arrives between markers and is inserted literally. */
    fputs("\033[?2004h", stdout);
    mouse_on = mouse;
    if (mouse) {
        mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON4_PRESSED | BUTTON5_PRESSED |
                      BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED,
                  NULL);
        mouseinterval(0);
    }
    fflush(stdout);
}

void keys_done(void)
{
    fputs("\033[?2004l", stdout);
    if (mouse_on)
        mousemask(0, NULL);
    fflush(stdout);
}

static bool map_code(int code, struct key *out)
{
    for (int i = 0; i < ndyn; i++) {
        if (dyn_map[i].curses == code) {
            *out = key_make(dyn_map[i].key, dyn_map[i].mods);
            return true;
        }
    }
    for (size_t i = 0; i < sizeof base_map / sizeof base_map[0]; i++) {
        if (base_map[i].curses == code) {
            *out = key_make(base_map[i].key, base_map[i].mods);
            return true;
        }
    }
    if (code >= KEY_F(1) && code <= KEY_F(36)) {
        /* xterm: F13-F24 are Shift-F1..F12, F25-F36 Ctrl-F1..F12. */
        int n = code - KEY_F(0) - 1;
        static const int mods[] = {0, MOD_SHIFT, MOD_CTRL};
        *out = key_make(K_F(n % 12 + 1), mods[n / 12]);
        return true;
    }
    return false;
}

static void read_mouse(struct key *out)
{
    MEVENT ev;
    *out = key_make(K_MOUSE, 0);
    if (getmouse(&ev) != OK) {
        out->code = K_NONE;
        return;
    }
    out->y = ev.y;
    out->x = ev.x;
    if (ev.bstate & BUTTON4_PRESSED)
        out->mouse = MOUSE_WHEEL_UP;
    else if (ev.bstate & BUTTON5_PRESSED)
        out->mouse = MOUSE_WHEEL_DOWN;
    else if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED))
        out->mouse = MOUSE_PRESS;
    else if (ev.bstate & BUTTON1_RELEASED)
        out->mouse = MOUSE_RELEASE;
    else
        out->code = K_NONE;
    if (ev.bstate & BUTTON_SHIFT)
        out->mods |= MOD_SHIFT;
}

/* A plain character: control codes become Ctrl+letter, the rest pass through. */
static struct key from_char(wint_t c)
{
    switch (c) {
    case '\r':
    case '\n':
        return key_make(K_ENTER, 0);
    case '\t':
        return key_make(K_TAB, 0);
    case 127:
    case 8:
        return key_make(K_BACKSPACE, 0);
    case 27:
        return key_make(K_ESC, 0);
    case 0:
        return key_make(' ', MOD_CTRL);
    case 28:
        return key_make('\\', MOD_CTRL);
    case 29:
        return key_make(']', MOD_CTRL);
    case 31:
        return key_make('/', MOD_CTRL);
    }
    if (c < 32)
        return key_make((int)c + 'a' - 1, MOD_CTRL);
    return key_make((int)c, 0);
}

bool keys_read(struct key *out)
{
    wint_t c;
    int r = wget_wch(stdscr, &c);
    if (r == ERR)
        return false;
    if (r == KEY_CODE_YES) {
        if ((int)c == paste_begin_code) {
            *out = key_make(K_PASTE_BEGIN, 0);
            return true;
        }
        if ((int)c == paste_end_code) {
            *out = key_make(K_PASTE_END, 0);
            return true;
        }
        if (!map_code((int)c, out))
            *out = key_make(K_NONE, 0);
        else if (out->code == K_MOUSE)
            read_mouse(out);
        return true;
    }
    if (c == 27) {
        /* ESC then a key inside the escape delay is Alt+key. */
        wint_t next;
        int r2 = wget_wch(stdscr, &next);
        if (r2 == OK && next >= 32 && next != 127) {
            *out = from_char(next);
            out->mods |= MOD_ALT;
            return true;
        }
        if (r2 == KEY_CODE_YES && map_code((int)next, out) && out->code != K_MOUSE &&
            out->code != K_RESIZE && out->code != K_PASTE_BEGIN) {
            out->mods |= MOD_ALT;
            return true;
        }
        /* Not an Alt chord: leave what followed the ESC for the next read. */
        if (r2 == OK)
            unget_wch(next);
        else if (r2 == KEY_CODE_YES)
            ungetch((int)next);
    }
    *out = from_char(c);
    return true;
}

const char *keys_name(struct key k)
{
    static char buf[48];
    static const struct {
        int code;
        const char *name;
    } names[] = {
        {K_UP, "Up"},      {K_DOWN, "Down"},  {K_LEFT, "Left"},           {K_RIGHT, "Right"},
        {K_HOME, "Home"},  {K_END, "End"},    {K_PGUP, "PgUp"},           {K_PGDN, "PgDn"},
        {K_INS, "Insert"}, {K_DEL, "Delete"}, {K_BACKSPACE, "Backspace"}, {K_ENTER, "Enter"},
        {K_TAB, "Tab"},    {K_ESC, "Esc"},
    };
    const char *name = NULL;
    char tmp[16];
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].code == k.code)
            name = names[i].name;
    if (!name && k.code > K_F0 && k.code <= K_F(12)) {
        snprintf(tmp, sizeof tmp, "F%d", k.code - K_F0);
        name = tmp;
    } else if (!name) {
        int c = k.code;
        if (c >= 'a' && c <= 'z' && (k.mods & MOD_CTRL))
            c -= 32;
        if (c == ' ')
            name = "Space";
        else {
            snprintf(tmp, sizeof tmp, "%lc", (wint_t)c);
            name = tmp;
        }
    }
    snprintf(buf, sizeof buf, "%s%s%s%s", k.mods & MOD_CTRL ? "Ctrl-" : "",
             k.mods & MOD_ALT ? "Alt-" : "", k.mods & MOD_SHIFT ? "Shift-" : "", name);
    return buf;
}
