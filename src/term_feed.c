/* term_feed.c — how bytes reach libvterm 0.1.4, which has bugs any program's output can reach:
 * - a CSI sequence's parameters live in 16 slots, and every ';' or ':' steps to the next one
 *   without a bound, so `printf '\e[;;;;;;;;;;;;;;;;;;m'` writes past them and corrupts the
 *   parser (a crash or a bad free later); the digits of a parameter accumulate without a bound;
 * - REP (CSI n b, repeat the last character) loops forever when the last glyph printed had no
 *   width: none yet, a lone combining mark, a zero-width space, a C1 control;
 * - eight combining marks (U+302A..U+302F, U+3099, U+309A) are also two columns wide, and a
 *   character carrying enough of them is wider than the screen: its right halves are written
 *   past the end of the row;
 * - an OSC or DCS string (a title) split between two writes is lost, and the ST ending one
 *   (ESC \) reads up to 63 bytes before the write's buffer when its ESC came in an earlier
 *   write or a control came between the ESC and the '\'.
 * A guard follows libvterm's parser states (its parser.c: normal, escape, CSI leader,
 * parameters and intermediates, strings and an escape inside one) byte by byte. A separator
 * past the last slot and a digit past MAX_DIGITS are dropped. A REP is cancelled (CAN, which
 * ends a sequence and does nothing else) unless the last text byte was printable ASCII, whose
 * glyph always has a width (ncurses sends REP right after the character); so is an ST after a
 * control. The guard also follows libvterm's UTF-8 decoder, which keeps a partial character
 * across controls and sequences: a wide combining mark becomes its spacing form (U+309B, U+309C)
 * or U+FFFD, of the same length; when its bytes are not all in hand, its last byte is dropped
 * and libvterm shows U+FFFD. Nothing else changes, so output libvterm handles correctly passes
 * through as it is.
 *
 * A sequence a feed leaves unfinished is kept (up to HELD_MAX bytes) and given to libvterm with
 * the rest of it in one write, so between feeds libvterm is almost always outside any sequence
 * and term_inject can give it sequences of shed's own. A longer one is passed on, but never
 * with its ST split. The terminal is always in UTF-8 mode, where bytes 0x80..0x9F are text,
 * never C1 controls. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "term.h"

#include <string.h>

#include "term_internal.h"
#include "xalloc.h"

#define CSI_SLOTS  16         /* libvterm's CSI_ARGS_MAX */
#define MAX_DIGITS 6          /* larger values mean nothing to a terminal of at most TERM_MAX_DIM */
#define HELD_MAX   (64 << 10) /* the longest unfinished string kept for the next feed */

enum {
    G_NORMAL,
    G_ESC,
    G_CSI_LEADER,
    G_CSI_ARGS,
    G_CSI_INTERMED,
    G_STRING,
    G_ESC_IN_STRING,
};

/* What to do with the byte at which scan() stopped. */
enum action {
    PASS,   /* nothing: the scan reached the end */
    DROP,   /* leave it out */
    CANCEL, /* give libvterm CAN instead, ending the sequence it belongs to */
    MARK,   /* the last byte of a wide combining mark: see feed_buffer */
};

static void feed_buffer(struct term *t, const char *buf, size_t len, size_t scanned);
static void hold(struct term *t, const char *bytes, size_t len);
static void write_vterm(struct term *t, const char *bytes, size_t len);
static size_t scan(struct term_guard *g, const char *bytes, size_t len, enum action *action);
static enum action step(struct term_guard *g, unsigned char c);
static size_t scan_text(struct term_guard *g, const char *bytes, size_t len, enum action *action);
static bool wide_mark(uint32_t cp);

void term_feed(struct term *t, const char *bytes, size_t len)
{
    if (len == 0)
        return;
    if (t->held_len > 0) {
        /* The kept string goes first, in the same write as what follows it. */
        size_t scanned = t->held_len;

        xgrow((void **)&t->held, &t->held_cap, scanned + len, 1);
        memcpy(t->held + scanned, bytes, len);
        t->held_len = 0;
        feed_buffer(t, t->held, scanned + len, scanned);
    } else {
        feed_buffer(t, bytes, len, 0);
    }
    vterm_screen_flush_damage(t->screen);
}

/* Gives libvterm BUF[0..LEN), of which the guard has seen the first SCANNED bytes already. BUF
 * may be t->held. */
static void feed_buffer(struct term *t, const char *buf, size_t len, size_t scanned)
{
    struct term_guard *g = &t->guard;
    uint64_t base = g->pos - scanned; /* position of buf[0] */
    size_t written = 0, i = scanned;

    while (i < len) {
        enum action action;
        i += scan(g, buf + i, len - i, &action);
        if (action == PASS)
            break;
        if (action == MARK && i >= written + 2 && (unsigned char)buf[i - 2] == 0xE3) {
            /* All three bytes are here: the same length in a form libvterm can place. */
            write_vterm(t, buf + written, i - 2 - written);
            write_vterm(t,
                        g->utf8_cp == 0xC2 ? (buf[i] == '\x99' ? "\xE3\x82\x9B" : "\xE3\x82\x9C")
                                           : "\xEF\xBF\xBD",
                        3);
            g->utf8_need = 0;
        } else {
            write_vterm(t, buf + written, i - written);
            if (action == CANCEL)
                write_vterm(t, "\030", 1);
        }
        written = ++i;
    }
    if (g->state != G_NORMAL) {
        if (g->seq_from >= base + written && g->pos - g->seq_from <= HELD_MAX) {
            size_t from = (size_t)(g->seq_from - base);
            write_vterm(t, buf + written, from - written);
            hold(t, buf + from, len - from);
            return;
        }
        if (g->state == G_ESC_IN_STRING && !g->esc_gap) {
            /* The final byte is that ESC: it goes with the next byte. */
            write_vterm(t, buf + written, len - 1 - written);
            t->held_esc = true;
            return;
        }
    }
    write_vterm(t, buf + written, len - written);
}

void term_inject(struct term *t, const char *seq, size_t len)
{
    /* libvterm is inside a sequence too long to have been kept: end it, and let the guard
     * know that the rest of it will be text. */
    if (t->guard.state != G_NORMAL && t->held_len == 0) {
        vterm_input_write(t->vt, "\030", 1);
        t->guard.state = G_NORMAL;
        t->held_esc = false;
    }
    vterm_input_write(t->vt, seq, len);
    vterm_screen_flush_damage(t->screen);
}

/* Keeps LEN bytes for the next feed. They may be a part of t->held already, which then has
 * room for them. */
static void hold(struct term *t, const char *bytes, size_t len)
{
    if (t->held_cap < len)
        xgrow((void **)&t->held, &t->held_cap, len, 1);
    memmove(t->held, bytes, len);
    t->held_len = len;
}

/* Gives libvterm LEN bytes, after an ESC held back from the previous write if there is one. */
static void write_vterm(struct term *t, const char *bytes, size_t len)
{
    if (len == 0)
        return;
    if (t->held_esc) {
        char pair[2] = {'\033', bytes[0]};
        t->held_esc = false;
        vterm_input_write(t->vt, pair, 2);
        bytes++;
        len--;
    }
    if (len > 0)
        vterm_input_write(t->vt, bytes, len);
}

/* Scans BYTES as libvterm's parser would, from the state in G; returns how many bytes from the
 * start libvterm may be given as they are. When that is less than LEN, *ACTION says what to do
 * with the byte after them, which G already accounts for. */
static size_t scan(struct term_guard *g, const char *bytes, size_t len, enum action *action)
{
    size_t i = 0;

    *action = PASS;
    while (i < len) {
        if (g->state == G_NORMAL) {
            /* Text and controls: only an ESC starts a sequence. */
            const char *esc = memchr(bytes + i, 0x1B, len - i);
            size_t end = esc ? (size_t)(esc - bytes) : len;
            size_t n = scan_text(g, bytes + i, end - i, action);
            g->pos += n;
            i += n;
            if (*action != PASS) {
                g->pos++;
                return i;
            }
            if (i == len)
                break;
        }
        *action = step(g, (unsigned char)bytes[i]);
        g->pos++;
        if (*action != PASS)
            return i;
        i++;
    }
    return len;
}

/* Follows text and controls (the normal state), BYTES[0..LEN), through libvterm's UTF-8
 * decoder as far as wide combining marks need, and notes whether the last text byte was
 * printable ASCII (controls print nothing and leave libvterm's last glyph as it was). Stops
 * before the last byte of a wide combining mark (*ACTION MARK), leaving the decoder one byte
 * short; else returns LEN. Conservatively, ASCII, which libvterm may decode apart, does not
 * end a partial character here. */
static size_t scan_text(struct term_guard *g, const char *bytes, size_t len, enum action *action)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)bytes[i];

        if (c < 0x80) {
            if (c >= 0x20 && c != 0x7F)
                g->rep_ok = true;
            continue;
        }
        g->rep_ok = false;
        if (c < 0xC0) {
            if (g->utf8_need == 0)
                continue;
            if (g->utf8_need == 1 && wide_mark(g->utf8_cp << 6 | (c & 0x3F))) {
                *action = MARK;
                return i;
            }
            g->utf8_cp = g->utf8_cp << 6 | (c & 0x3F);
            g->utf8_need--;
        } else if (c < 0xE0) {
            g->utf8_cp = c & 0x1F, g->utf8_need = 1;
        } else if (c < 0xF0) {
            g->utf8_cp = c & 0x0F, g->utf8_need = 2;
        } else if (c < 0xF8) {
            g->utf8_cp = c & 0x07, g->utf8_need = 3;
        } else if (c < 0xFC) {
            g->utf8_cp = c & 0x03, g->utf8_need = 4;
        } else if (c < 0xFE) {
            g->utf8_cp = c & 0x01, g->utf8_need = 5;
        }
    }
    return len;
}

/* The combining marks libvterm 0.1.4 also counts two columns wide. */
static bool wide_mark(uint32_t cp)
{
    return (cp >= 0x302A && cp <= 0x302F) || cp == 0x3099 || cp == 0x309A;
}

/* Advances G over C as libvterm's parser would. G does not change for a byte to be dropped;
 * for one to be cancelled it is left where CAN leaves libvterm. */
static enum action step(struct term_guard *g, unsigned char c)
{
    if (c == 0x18 || c == 0x1A) {
        g->state = G_NORMAL;
        return PASS;
    }
    if (c == 0x1B) {
        if (g->state == G_NORMAL)
            g->seq_from = g->pos;
        g->state = g->state == G_STRING ? G_ESC_IN_STRING : G_ESC;
        g->esc_gap = false;
        return PASS;
    }
    if (c == 0x00 || c == 0x7F || (c < 0x20 && !(c == 0x07 && g->state == G_STRING))) {
        /* A control, carried out without leaving the sequence (NUL and DEL are ignored). */
        g->esc_gap = true;
        return PASS;
    }

    switch (g->state) {
    case G_ESC_IN_STRING:
        if (c == '\\') {
            g->state = G_NORMAL;
            return g->esc_gap ? CANCEL : PASS;
        }
        g->state = G_ESC;
        /* fallthrough */
    case G_ESC:
        if (c == 'P' || c == ']') {
            g->state = G_STRING;
        } else if (c == '[') {
            g->state = G_CSI_LEADER;
            g->leader = false;
        } else if (c >= 0x30 && c < 0x7F) {
            g->state = G_NORMAL;
        }
        break; /* intermediates and other bytes leave libvterm in its escape state */
    case G_CSI_LEADER:
        if (c >= 0x3C && c <= 0x3F) {
            g->leader = true;
            break;
        }
        g->state = G_CSI_ARGS;
        g->argi = 0;
        g->digits = 0;
        g->intermed = false;
        /* fallthrough */
    case G_CSI_ARGS:
        if (c >= '0' && c <= '9') {
            if (g->digits >= MAX_DIGITS)
                return DROP;
            g->digits++;
            break;
        }
        if (c == ';' || c == ':') {
            if (g->argi >= CSI_SLOTS - 1)
                return DROP;
            g->argi++;
            g->digits = 0;
            break;
        }
        g->state = G_CSI_INTERMED;
        /* fallthrough */
    case G_CSI_INTERMED:
        if (c >= 0x20 && c <= 0x2F) {
            g->intermed = true;
            break;
        }
        g->state = G_NORMAL;
        if (c == 'b' && !g->leader && !g->intermed && !g->rep_ok)
            return CANCEL;
        break;
    case G_STRING:
        if (c == 0x07)
            g->state = G_NORMAL;
        break;
    default:
        break;
    }
    return PASS;
}
