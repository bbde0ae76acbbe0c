/* term_internal.h — what the files of the terminal share: term.c (libvterm's screen, cells,
 * keys), term_feed.c (how the program's bytes reach libvterm), term_pty.c (the program on a PTY
 * and the bytes written to it) and term_scrollback.c (the ring of lines that scrolled off). Not
 * for use outside them: the contract is term.h.
 *
 * One struct term holds all the parts. libvterm calls back into term.c, which hands lines to
 * the scrollback ring and bytes for the program to the PTY side. */
#ifndef SHED_TERM_INTERNAL_H
#define SHED_TERM_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <vterm.h>

#include "term.h"

/* libvterm's mark for the right half of a wide character (its chars[0]). */
#define TERM_CELL_CONT UINT32_MAX

/* Size limits term_new and term_resize clamp to: the PTY's winsize holds 16 bits, and a
 * scrollback line stores its width in 16 bits. */
#define TERM_MAX_DIM 4096
/* libvterm 0.1.4 writes a wide character's right half past the row of a one-column screen. */
#define TERM_MIN_COLS 2

/* The ring of lines that scrolled off the top, newest last. Each line keeps only its used
 * width (trailing blank cells dropped) in a compact form: see term_scrollback.c. */
struct term_scrollback {
    struct sb_line **lines; /* ring of CAP slots; NULL until the first push */
    size_t cap;             /* slots allocated so far, grown up to max */
    size_t max;             /* the most lines kept */
    size_t head;            /* slot of the oldest line */
    size_t count;
    struct term_cell *scratch; /* a pushed line, converted once */
    size_t scratch_cap;
};

/* Where libvterm's parser is, as far as term_feed.c needs to know. Positions count every byte
 * fed since term_new. */
struct term_guard {
    uint8_t state;
    uint8_t argi;      /* CSI parameter slot being filled */
    uint8_t digits;    /* digits in that slot so far */
    bool leader;       /* the CSI sequence has a leader ('?', '>', ...) */
    bool intermed;     /* ... or intermediate bytes */
    bool rep_ok;       /* the last text byte was printable ASCII */
    bool esc_gap;      /* a control came after the ESC that may begin an ST */
    uint8_t utf8_need; /* continuation bytes libvterm's UTF-8 decoder still waits for */
    uint32_t utf8_cp;  /* the bits it has of that character */
    uint64_t pos;      /* bytes scanned */
    uint64_t seq_from; /* position of the ESC that began the current sequence */
};

struct term {
    VTerm *vt;
    VTermScreen *screen;
    VTermState *state;
    int rows, cols;

    struct term_scrollback sb;
    struct term_guard guard;
    char *held; /* the start of an unfinished sequence, kept for the next feed */
    size_t held_len, held_cap;
    bool held_esc; /* an ESC ending a feed inside a string too long to keep */

    /* What the program set through escape sequences. */
    char *title; /* never NULL */
    bool cursor_visible;
    bool altscreen;
    bool mouse;
    bool damaged; /* since the last term_take_damage */
    bool bell;

    /* The program (term_pty.c). */
    int fd;      /* PTY master, or -1 */
    pid_t pid;   /* -1 without a program or once reaped */
    bool exited; /* reaped; status holds its wait status */
    int status;
    char *out; /* bytes for the program that did not fit in the PTY yet */
    size_t out_len, out_cap;
};

/* A libvterm cell as the UI sees it. PREV and NEXT are the chars[0] of the neighbours
 * (0 where there is none), which decide whether a wide character is whole: a right half whose
 * left half was overwritten reads as a blank, and so does its orphaned left side. */
void term_cell_from_vterm(const VTermScreenCell *vc, uint32_t prev, uint32_t next,
                          struct term_cell *out);
/* The reverse, for cells given back to libvterm; DFG and DBG are its default colours. */
void term_cell_to_vterm(const struct term_cell *c, const VTermColor *dfg, const VTermColor *dbg,
                        VTermScreenCell *out);
/* True when BASE followed by NEXT is the left half of a wide character. */
bool term_wide_pair(uint32_t base, uint32_t next);

/* Gives libvterm SEQ, escape sequences of shed's own that print nothing, between the
 * program's sequences (term_feed.c). */
void term_inject(struct term *t, const char *seq, size_t len);

/* Scrollback (term_scrollback.c). */
void term_scrollback_init(struct term_scrollback *sb, size_t max);
void term_scrollback_free(struct term_scrollback *sb);
/* Copies the COLS cells of a line leaving the top of the screen. */
void term_scrollback_push(struct term_scrollback *sb, int cols, const VTermScreenCell *cells);
/* Takes the newest line back into CELLS (COLS wide, blanks past its stored width); false when
 * the ring is empty. */
bool term_scrollback_pop(struct term_scrollback *sb, int cols, const VTermColor *dfg,
                         const VTermColor *dbg, VTermScreenCell *cells);
/* Cell COL of the line BACK lines up (1 = the newest); false when the line has no such line,
 * or the line is shorter (the cell is blank then). */
bool term_scrollback_cell(const struct term_scrollback *sb, size_t back, int col,
                          struct term_cell *out);

/* PTY side (term_pty.c). */
/* Queues LEN bytes for the program and writes what the PTY takes without blocking. Dropped
 * without a program. */
void term_pty_write(struct term *t, const char *bytes, size_t len);
/* Tells the program its new window size. */
void term_pty_resize(struct term *t);
/* Hangs the program up, closes the PTY and reaps the program. */
void term_pty_close(struct term *t);

#endif
