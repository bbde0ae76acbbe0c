/* keys.h — keyboard and mouse input as shed sees it: a key code (a Unicode code point or one
 * of the K_ names) plus modifiers, decoded from curses in raw mode. Modified arrows, Home,
 * End, PgUp/PgDn, Delete and F-keys are recognised from the xterm sequences every modern
 * terminal and tmux send, whatever the terminfo entry lists. */
#ifndef SHED_KEYS_H
#define SHED_KEYS_H

#include <stdbool.h>

enum {
    K_NONE = 0,
    K_BASE = 0x110000, /* past every code point */
    K_UP,
    K_DOWN,
    K_LEFT,
    K_RIGHT,
    K_HOME,
    K_END,
    K_PGUP,
    K_PGDN,
    K_INS,
    K_DEL,
    K_BACKSPACE,
    K_ENTER,
    K_TAB,
    K_ESC,
    K_MOUSE,
    K_RESIZE,
    K_PASTE_BEGIN,
    K_PASTE_END,
    K_F0 = K_BASE + 0x100, /* K_F0 + n is Fn */
};

#define K_F(n) (K_F0 + (n))

enum { MOD_SHIFT = 1, MOD_ALT = 2, MOD_CTRL = 4 };

enum mouse_kind { MOUSE_PRESS = 1, MOUSE_RELEASE, MOUSE_DRAG, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN };

struct key {
    int code;
    int mods;
    int mouse; /* enum mouse_kind when code == K_MOUSE */
    int y, x;  /* mouse position */
};

/* Sets up curses input: raw mode, keypad, ESC delay, the modified-key sequences, bracketed
 * paste, and the mouse when MOUSE. */
void keys_init(bool mouse);
/* Undoes what keys_init asked of the terminal (paste and mouse modes). */
void keys_done(void);

/* Reads one pending key without waiting; false when none is pending. */
bool keys_read(struct key *out);

/* Human name of a key for help and messages: "Ctrl-S", "Shift-F3", "Alt-1". Static buffer. */
const char *keys_name(struct key k);

static inline struct key key_make(int code, int mods)
{
    struct key k = {code, mods, 0, 0, 0};
    return k;
}

/* A key that types text: a printable code point without Ctrl or Alt. */
static inline bool key_is_text(struct key k)
{
    return k.code >= 32 && k.code < K_BASE && !(k.mods & (MOD_CTRL | MOD_ALT));
}

#endif
