/* term.h — a terminal: libvterm's state and screen, the lines that scrolled off the top, and
 * optionally a program on a PTY. Knows no curses: the UI reads cells and draws them.
 *
 * Bytes come either from the program's PTY (term_spawn, then term_read when its descriptor is
 * readable) or from any stream (term_feed: a run's output). Keys and pastes go to the program
 * encoded as the terminal would send them (term_key, term_text, term_paste); the program's own
 * queries (device attributes, cursor position) are answered through the PTY too.
 *
 * Rows are numbered from the top of the screen, 0..rows-1; scrollback lines are numbered
 * -1 (the most recently scrolled off) down to -term_scrollback_count(). */
#ifndef SHED_TERM_H
#define SHED_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define TERM_SCROLLBACK_DEFAULT 10000

enum term_color_kind { TERM_COLOR_DEFAULT, TERM_COLOR_INDEX, TERM_COLOR_RGB };

struct term_color {
    enum term_color_kind kind;
    uint8_t index; /* 0..255 when kind == TERM_COLOR_INDEX */
    uint8_t r, g, b;
};

enum term_attr {
    TERM_BOLD = 1 << 0,
    TERM_ITALIC = 1 << 1,
    TERM_UNDERLINE = 1 << 2,
    TERM_REVERSE = 1 << 3,
    TERM_STRIKE = 1 << 4,
    TERM_BLINK = 1 << 5,
    TERM_DIM = 1 << 6,
};

#define TERM_MAX_CHARS 6

struct term_cell {
    uint32_t chars[TERM_MAX_CHARS]; /* a base character and its combining marks; 0-terminated;
                                       chars[0] == 0 for an empty cell */
    int width;                      /* 1, 2 for a wide character (the next cell is width 0) */
    struct term_color fg, bg;
    unsigned attrs; /* enum term_attr */
};

/* Keys the UI passes on; everything printable goes through term_text. */
enum term_key {
    TERM_KEY_ENTER = 1,
    TERM_KEY_TAB,
    TERM_KEY_BACKSPACE,
    TERM_KEY_ESCAPE,
    TERM_KEY_UP,
    TERM_KEY_DOWN,
    TERM_KEY_LEFT,
    TERM_KEY_RIGHT,
    TERM_KEY_INS,
    TERM_KEY_DEL,
    TERM_KEY_HOME,
    TERM_KEY_END,
    TERM_KEY_PGUP,
    TERM_KEY_PGDN,
    TERM_KEY_F0 = 0x100, /* TERM_KEY_F0 + n is Fn, 1..12 */
};

enum term_mod { TERM_MOD_SHIFT = 1, TERM_MOD_ALT = 2, TERM_MOD_CTRL = 4 };

struct term;

/* A terminal of ROWS x COLS keeping up to SCROLLBACK lines that scroll off. */
struct term *term_new(int rows, int cols, size_t scrollback);
/* Frees T; a running program gets SIGHUP (and its PTY closes). */
void term_free(struct term *t);

/* Starts ARGV (NULL: $SHELL, else /bin/sh) on a new PTY in DIR, with TERM=xterm-256color,
 * COLORTERM=truecolor and the "NAME=VALUE" strings of ENV_ADD (NULL-terminated, may be NULL)
 * added to the environment. Returns 0, or -1 with err. */
int term_spawn(struct term *t, const char *dir, char *const argv[], char *const env_add[],
               char *err, size_t errlen);
/* The PTY's descriptor for poll (-1 without a program). */
int term_fd(const struct term *t);
/* The program's pid, or -1. */
pid_t term_pid(const struct term *t);

/* Reads at most MAX bytes the program wrote and feeds them. Returns the bytes read (0 when
 * none were ready), or -1 once the program's side is closed (see term_exited). */
ssize_t term_read(struct term *t, size_t max);
/* Feeds bytes from any stream, as if the program had written them. */
void term_feed(struct term *t, const char *bytes, size_t len);

/* True once the program has exited; *STATUS (may be NULL) gets its wait status. Reaps it. */
bool term_exited(struct term *t, int *status);

/* Input for the program. MODS is enum term_mod. */
void term_key(struct term *t, enum term_key key, int mods);
void term_text(struct term *t, uint32_t codepoint, int mods);
/* Pasted text: bracketed when the program turned bracketed paste on. */
void term_paste(struct term *t, const char *text, size_t len);

/* New size for the screen, the scrollback's reflow and the PTY (TIOCSWINSZ). */
void term_resize(struct term *t, int rows, int cols);
int term_rows(const struct term *t);
int term_cols(const struct term *t);

/* Cell at (ROW, COL): ROW < 0 reads scrollback. False outside the screen or scrollback. */
bool term_cell(const struct term *t, int row, int col, struct term_cell *out);
size_t term_scrollback_count(const struct term *t);

/* The cursor, and whether the program wants it shown. */
void term_cursor(const struct term *t, int *row, int *col, bool *visible);
/* The title the program set (OSC 0/2), "" when none. */
const char *term_title(const struct term *t);
/* True while the program is on the alternate screen (vim, less, htop). */
bool term_altscreen(const struct term *t);
/* True when the program asked for mouse reports. */
bool term_wants_mouse(const struct term *t);
/* A mouse event at screen cell (ROW, COL) reported to the program the way it asked for:
 * BUTTON 1..3 pressed or released, 4 and 5 the wheel up and down (pressed only). Nothing is
 * sent unless term_wants_mouse. MODS is enum term_mod. */
void term_mouse(struct term *t, int row, int col, int button, bool pressed, int mods);

/* True while bytes for the program (keys, pastes, replies) wait for room in the PTY: the UI
 * then polls term_fd for POLLOUT too, and any term_read, term_key, term_text or term_paste
 * writes them. */
bool term_output_pending(const struct term *t);

/* Something changed on screen since the last call (which clears it): damage, cursor moves,
 * scrolling, a new title. A bell since the last call is reported in *BELL (may be NULL). */
bool term_take_damage(struct term *t, bool *bell);

/* The text of rows FROM..TO (inclusive, scrollback rows negative) between columns, as UTF-8
 * with '\n' between rows and trailing blanks dropped: for copy mode. Caller frees. */
char *term_text_range(const struct term *t, int from_row, int from_col, int to_row, int to_col,
                      size_t *len);

#endif
