/* term.c — the terminal's screen: a libvterm VTerm with its screen layer, the callbacks that
 * record what the program changed (damage, cursor, title, alternate screen, mouse, bell), the
 * cells and text the UI reads, and the keys, text and pastes encoded for the program.
 *
 * libvterm owns the visible rows; lines scrolled off the top go to the scrollback ring
 * (term_scrollback.c) and come back when the screen grows taller. Bytes libvterm wants to send
 * (encoded keys, replies to queries) go to the PTY side (term_pty.c). The program's bytes reach
 * libvterm through term_feed.c, which keeps out what crashes or hangs libvterm 0.1.4. Damage
 * is merged per scroll and flushed after each write, and only sets a flag: the UI redraws what
 * it shows. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "term_internal.h"
#include "utf8.h"
#include "xalloc.h"

#define TITLE_MAX 256

static int clamp_dim(int n, int min);
static void *vt_alloc(size_t size, void *data);
static void vt_free(void *p, void *data);
static int on_damage(VTermRect rect, void *user);
static int on_moverect(VTermRect dest, VTermRect src, void *user);
static int on_movecursor(VTermPos pos, VTermPos oldpos, int visible, void *user);
static int on_settermprop(VTermProp prop, VTermValue *val, void *user);
static int on_bell(void *user);
static int on_resize(int rows, int cols, void *user);
static int on_sb_pushline(int cols, const VTermScreenCell *cells, void *user);
static int on_sb_popline(int cols, VTermScreenCell *cells, void *user);
static void on_output(const char *s, size_t len, void *user);
static void set_title(struct term *t, const char *s);
static struct term_color color_from_vterm(const VTermColor *c, bool fg);
static void color_to_vterm(const struct term_color *c, const VTermColor *dflt, VTermColor *out);
static uint32_t screen_char(const struct term *t, int row, int col);
static int control_byte(uint32_t cp);
static void fix_after_resize(struct term *t, int old_rows);
static void append(char **buf, size_t *len, size_t *cap, const char *s, size_t n);

static VTermAllocatorFunctions vt_allocator = {vt_alloc, vt_free};

static const VTermScreenCallbacks screen_callbacks = {
    .damage = on_damage,
    .moverect = on_moverect,
    .movecursor = on_movecursor,
    .settermprop = on_settermprop,
    .bell = on_bell,
    .resize = on_resize,
    .sb_pushline = on_sb_pushline,
    .sb_popline = on_sb_popline,
};

/* enum term_key, in order from TERM_KEY_ENTER, to libvterm's keys. */
static const VTermKey key_table[] = {
    VTERM_KEY_ENTER, VTERM_KEY_TAB,  VTERM_KEY_BACKSPACE, VTERM_KEY_ESCAPE,   VTERM_KEY_UP,
    VTERM_KEY_DOWN,  VTERM_KEY_LEFT, VTERM_KEY_RIGHT,     VTERM_KEY_INS,      VTERM_KEY_DEL,
    VTERM_KEY_HOME,  VTERM_KEY_END,  VTERM_KEY_PAGEUP,    VTERM_KEY_PAGEDOWN,
};

struct term *term_new(int rows, int cols, size_t scrollback)
{
    struct term *t = xcalloc(1, sizeof *t);

    t->rows = clamp_dim(rows, 1);
    t->cols = clamp_dim(cols, TERM_MIN_COLS);
    t->title = xstrdup("");
    t->cursor_visible = true;
    t->fd = -1;
    t->pid = -1;
    term_scrollback_init(&t->sb, scrollback);

    /* libvterm cannot report a failed allocation, so it allocates through xalloc. */
    t->vt = vterm_new_with_allocator(t->rows, t->cols, &vt_allocator, NULL);
    vterm_set_utf8(t->vt, 1);
    vterm_output_set_callback(t->vt, on_output, t);
    t->state = vterm_obtain_state(t->vt);
    t->screen = vterm_obtain_screen(t->vt);
    vterm_screen_set_callbacks(t->screen, &screen_callbacks, t);
    vterm_screen_enable_altscreen(t->screen, 1);
    vterm_screen_set_damage_merge(t->screen, VTERM_DAMAGE_SCROLL);
    vterm_screen_reset(t->screen, 1);
    t->damaged = true;
    return t;
}

void term_free(struct term *t)
{
    if (!t)
        return;
    term_pty_close(t);
    vterm_free(t->vt);
    term_scrollback_free(&t->sb);
    free(t->title);
    free(t->out);
    free(t->held);
    free(t);
}

void term_key(struct term *t, enum term_key key, int mods)
{
    VTermModifier mod = (VTermModifier)(mods & VTERM_ALL_MODS_MASK);
    size_t n = sizeof key_table / sizeof key_table[0];

    if (key >= TERM_KEY_ENTER && (size_t)key < TERM_KEY_ENTER + n)
        vterm_keyboard_key(t->vt, key_table[key - TERM_KEY_ENTER], mod);
    else if (key > TERM_KEY_F0 && key <= TERM_KEY_F0 + 255)
        vterm_keyboard_key(t->vt, (VTermKey)VTERM_KEY_FUNCTION(key - TERM_KEY_F0), mod);
}

void term_text(struct term *t, uint32_t codepoint, int mods)
{
    VTermModifier mod = (VTermModifier)(mods & VTERM_ALL_MODS_MASK);
    int ctrl = (mods & TERM_MOD_CTRL) ? control_byte(codepoint) : -1;

    /* libvterm sends Ctrl-I, Ctrl-J, Ctrl-M and Ctrl-[ (and Ctrl with capitals) as CSI u,
     * which shells do not read; a terminal sends the control byte. */
    if (ctrl >= 0) {
        char seq[2] = {'\033', (char)ctrl};
        bool alt = mods & TERM_MOD_ALT;
        term_pty_write(t, alt ? seq : seq + 1, alt ? 2 : 1);
        return;
    }
    if (codepoint > 0x10FFFF || (codepoint >= 0xD800 && codepoint <= 0xDFFF))
        return;
    vterm_keyboard_unichar(t->vt, codepoint, mod);
}

void term_paste(struct term *t, const char *text, size_t len)
{
    static const char end_marker[] = "\033[201~";
    size_t mlen = sizeof end_marker - 1;
    char *buf = xmalloc(len + 1);
    size_t n = 0;

    /* Lines end in CR as if typed; an end marker inside the text would let pasted bytes run as
     * keys, so it is dropped. */
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
            continue;
        if (text[i] == '\033' && len - i >= mlen && memcmp(text + i, end_marker, mlen) == 0) {
            i += mlen - 1;
            continue;
        }
        buf[n++] = text[i] == '\n' ? '\r' : text[i];
    }
    vterm_keyboard_start_paste(t->vt);
    term_pty_write(t, buf, n);
    vterm_keyboard_end_paste(t->vt);
    free(buf);
}

void term_mouse(struct term *t, int row, int col, int button, bool pressed, int mods)
{
    VTermModifier mod = (VTermModifier)(mods & VTERM_ALL_MODS_MASK);

    if (!t->mouse || row < 0 || row >= t->rows || col < 0 || col >= t->cols)
        return;
    vterm_mouse_move(t->vt, row, col, mod);
    if (button >= 1 && button <= 5)
        vterm_mouse_button(t->vt, button, pressed, mod);
}

void term_resize(struct term *t, int rows, int cols)
{
    int old_rows = t->rows;

    rows = clamp_dim(rows, 1);
    cols = clamp_dim(cols, TERM_MIN_COLS);
    if (rows == t->rows && cols == t->cols)
        return;
    /* libvterm 0.1.4 does not reflow: lines keep their cells, cut or padded on the right. */
    vterm_set_size(t->vt, rows, cols);
    vterm_screen_flush_damage(t->screen);
    t->rows = rows;
    t->cols = cols;
    t->damaged = true;
    fix_after_resize(t, old_rows);
    term_pty_resize(t);
}

int term_rows(const struct term *t)
{
    return t->rows;
}

int term_cols(const struct term *t)
{
    return t->cols;
}

bool term_cell(const struct term *t, int row, int col, struct term_cell *out)
{
    VTermScreenCell vc;
    uint32_t prev = 0, next = 0;

    if (col < 0 || col >= t->cols || row >= t->rows)
        return false;
    if (row < 0) {
        size_t back = (size_t)(-(long)row);
        if (back > t->sb.count)
            return false;
        if (!term_scrollback_cell(&t->sb, back, col, out)) {
            memset(out, 0, sizeof *out);
            out->width = 1;
        }
        /* A line kept from a wider screen may have a wide character cut at the edge. */
        if (out->width == 2 && col == t->cols - 1)
            out->width = 1;
        return true;
    }
    if (!vterm_screen_get_cell(t->screen, (VTermPos){.row = row, .col = col}, &vc))
        return false;
    if (vc.chars[0] == TERM_CELL_CONT)
        prev = col > 0 ? screen_char(t, row, col - 1) : 0;
    else
        next = col + 1 < t->cols ? screen_char(t, row, col + 1) : 0;
    term_cell_from_vterm(&vc, prev, next, out);
    return true;
}

void term_cursor(const struct term *t, int *row, int *col, bool *visible)
{
    VTermPos pos;

    vterm_state_get_cursorpos(t->state, &pos);
    if (row)
        *row = pos.row < 0 ? 0 : pos.row < t->rows ? pos.row : t->rows - 1;
    if (col)
        *col = pos.col < 0 ? 0 : pos.col < t->cols ? pos.col : t->cols - 1;
    if (visible)
        *visible = t->cursor_visible;
}

const char *term_title(const struct term *t)
{
    return t->title;
}

bool term_altscreen(const struct term *t)
{
    return t->altscreen;
}

bool term_wants_mouse(const struct term *t)
{
    return t->mouse;
}

bool term_take_damage(struct term *t, bool *bell)
{
    bool damaged = t->damaged;

    if (bell)
        *bell = t->bell;
    t->bell = false;
    t->damaged = false;
    return damaged;
}

char *term_text_range(const struct term *t, int from_row, int from_col, int to_row, int to_col,
                      size_t *len)
{
    int top = -(int)t->sb.count;
    char *buf = NULL;
    size_t n = 0, cap = 0;

    if (to_row < from_row || (to_row == from_row && to_col < from_col)) {
        int r = from_row, c = from_col;
        from_row = to_row, from_col = to_col;
        to_row = r, to_col = c;
    }
    if (from_row < top)
        from_row = top, from_col = 0;
    if (to_row >= t->rows)
        to_row = t->rows - 1, to_col = t->cols - 1;
    from_col = from_col < 0 ? 0 : from_col >= t->cols ? t->cols - 1 : from_col;
    to_col = to_col < 0 ? 0 : to_col >= t->cols ? t->cols - 1 : to_col;
    append(&buf, &n, &cap, "", 0);

    for (int row = from_row; row <= to_row; row++) {
        int c0 = row == from_row ? from_col : 0;
        int c1 = row == to_row ? to_col : t->cols - 1;
        size_t keep = n;
        struct term_cell cell;

        /* A selection starting on the right half of a wide character takes the character. */
        if (c0 > 0 && term_cell(t, row, c0, &cell) && cell.width == 0)
            c0--;
        for (int col = c0; col <= c1 && term_cell(t, row, col, &cell); col++) {
            if (cell.width == 0)
                continue;
            if (cell.chars[0] == 0) {
                append(&buf, &n, &cap, " ", 1);
                continue;
            }
            for (int k = 0; k < TERM_MAX_CHARS && cell.chars[k]; k++) {
                char enc[4];
                int m = utf8_encode((int32_t)cell.chars[k], enc);
                if (m == 0)
                    append(&buf, &n, &cap, "\xEF\xBF\xBD", 3);
                else
                    append(&buf, &n, &cap, enc, (size_t)m);
            }
            if (cell.chars[0] != ' ')
                keep = n;
        }
        n = keep;
        if (row < to_row)
            append(&buf, &n, &cap, "\n", 1);
    }
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

bool term_wide_pair(uint32_t base, uint32_t next)
{
    /* No character below U+1100 is wide; anything narrower that overwrote the left half of a
     * wide character leaves libvterm's right-half mark behind, which is then an orphan. */
    return base >= 0x1100 && base != TERM_CELL_CONT && next == TERM_CELL_CONT;
}

void term_cell_from_vterm(const VTermScreenCell *vc, uint32_t prev, uint32_t next,
                          struct term_cell *out)
{
    memset(out, 0, sizeof *out);
    if (vc->chars[0] == TERM_CELL_CONT) {
        out->width = term_wide_pair(prev, TERM_CELL_CONT) ? 0 : 1;
    } else {
        /* libvterm may fill all of its six slots; ours keep a terminating 0. Its decoder
         * also takes five- and six-byte forms past U+10FFFF, which become U+FFFD. */
        for (int i = 0; i < TERM_MAX_CHARS - 1 && i < VTERM_MAX_CHARS_PER_CELL && vc->chars[i];
             i++) {
            uint32_t cp = vc->chars[i];
            bool bad = cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF);
            out->chars[i] = bad ? 0xFFFD : cp;
        }
        out->width = term_wide_pair(vc->chars[0], next) ? 2 : 1;
    }
    out->fg = color_from_vterm(&vc->fg, true);
    out->bg = color_from_vterm(&vc->bg, false);
    out->attrs = (vc->attrs.bold ? TERM_BOLD : 0) | (vc->attrs.italic ? TERM_ITALIC : 0) |
                 (vc->attrs.underline ? TERM_UNDERLINE : 0) |
                 (vc->attrs.reverse ? TERM_REVERSE : 0) | (vc->attrs.strike ? TERM_STRIKE : 0) |
                 (vc->attrs.blink ? TERM_BLINK : 0);
}

void term_cell_to_vterm(const struct term_cell *c, const VTermColor *dfg, const VTermColor *dbg,
                        VTermScreenCell *out)
{
    memset(out, 0, sizeof *out);
    for (int i = 0; i < TERM_MAX_CHARS - 1 && c->chars[i]; i++)
        out->chars[i] = c->chars[i];
    out->width = c->width == 2 ? 2 : 1;
    out->attrs.bold = !!(c->attrs & TERM_BOLD);
    out->attrs.italic = !!(c->attrs & TERM_ITALIC);
    out->attrs.underline = (c->attrs & TERM_UNDERLINE) ? VTERM_UNDERLINE_SINGLE : 0;
    out->attrs.reverse = !!(c->attrs & TERM_REVERSE);
    out->attrs.strike = !!(c->attrs & TERM_STRIKE);
    out->attrs.blink = !!(c->attrs & TERM_BLINK);
    color_to_vterm(&c->fg, dfg, &out->fg);
    color_to_vterm(&c->bg, dbg, &out->bg);
}

static int clamp_dim(int n, int min)
{
    return n < min ? min : n > TERM_MAX_DIM ? TERM_MAX_DIM : n;
}

static void *vt_alloc(size_t size, void *data)
{
    (void)data;
    return xcalloc(1, size);
}

static void vt_free(void *p, void *data)
{
    (void)data;
    free(p);
}

static int on_damage(VTermRect rect, void *user)
{
    (void)rect;
    ((struct term *)user)->damaged = true;
    return 1;
}

static int on_moverect(VTermRect dest, VTermRect src, void *user)
{
    (void)dest, (void)src;
    ((struct term *)user)->damaged = true;
    return 1;
}

static int on_movecursor(VTermPos pos, VTermPos oldpos, int visible, void *user)
{
    (void)pos, (void)oldpos, (void)visible;
    ((struct term *)user)->damaged = true;
    return 1;
}

static int on_settermprop(VTermProp prop, VTermValue *val, void *user)
{
    struct term *t = user;

    switch (prop) {
    case VTERM_PROP_CURSORVISIBLE:
        t->cursor_visible = val->boolean;
        break;
    case VTERM_PROP_ALTSCREEN:
        t->altscreen = val->boolean;
        break;
    case VTERM_PROP_TITLE:
        set_title(t, val->string ? val->string : "");
        break;
    case VTERM_PROP_MOUSE:
        t->mouse = val->number != VTERM_PROP_MOUSE_NONE;
        break;
    default:
        return 1;
    }
    t->damaged = true;
    return 1;
}

static int on_bell(void *user)
{
    ((struct term *)user)->bell = true;
    return 1;
}

static int on_resize(int rows, int cols, void *user)
{
    (void)rows, (void)cols;
    ((struct term *)user)->damaged = true;
    return 1;
}

static int on_sb_pushline(int cols, const VTermScreenCell *cells, void *user)
{
    term_scrollback_push(&((struct term *)user)->sb, cols, cells);
    return 1;
}

static int on_sb_popline(int cols, VTermScreenCell *cells, void *user)
{
    struct term *t = user;
    VTermColor dfg, dbg;

    vterm_state_get_default_colors(t->state, &dfg, &dbg);
    return term_scrollback_pop(&t->sb, cols, &dfg, &dbg, cells);
}

static void on_output(const char *s, size_t len, void *user)
{
    term_pty_write(user, s, len);
}

/* Keeps a title the UI can draw as it is: control characters are dropped, and a long one is
 * cut at a character boundary. */
static void set_title(struct term *t, const char *s)
{
    size_t n = 0;
    char *out = xmalloc(TITLE_MAX + 1);

    for (; *s && n < TITLE_MAX; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != 0x7F)
            out[n++] = (char)c;
    }
    /* Cut inside a character: drop its first bytes too. */
    if (((unsigned char)*s & 0xC0) == 0x80) {
        while (n > 0 && ((unsigned char)out[n - 1] & 0xC0) == 0x80)
            n--;
        if (n > 0)
            n--;
    }
    out[n] = '\0';
    free(t->title);
    t->title = out;
}

static struct term_color color_from_vterm(const VTermColor *c, bool fg)
{
    struct term_color out = {.kind = TERM_COLOR_DEFAULT};

    if (fg ? VTERM_COLOR_IS_DEFAULT_FG(c) : VTERM_COLOR_IS_DEFAULT_BG(c))
        return out;
    if (VTERM_COLOR_IS_INDEXED(c)) {
        out.kind = TERM_COLOR_INDEX;
        out.index = c->indexed.idx;
    } else {
        out.kind = TERM_COLOR_RGB;
        out.r = c->rgb.red;
        out.g = c->rgb.green;
        out.b = c->rgb.blue;
    }
    return out;
}

static void color_to_vterm(const struct term_color *c, const VTermColor *dflt, VTermColor *out)
{
    if (c->kind == TERM_COLOR_INDEX)
        vterm_color_indexed(out, c->index);
    else if (c->kind == TERM_COLOR_RGB)
        vterm_color_rgb(out, c->r, c->g, c->b);
    else
        *out = *dflt;
}

static uint32_t screen_char(const struct term *t, int row, int col)
{
    VTermScreenCell vc;

    if (!vterm_screen_get_cell(t->screen, (VTermPos){.row = row, .col = col}, &vc))
        return 0;
    return vc.chars[0];
}

/* libvterm 0.1.4 scrolls a shrinking screen up to keep the lines below the cursor, and may
 * scroll the cursor itself off the top; nor does it bring a scrolling region inside a screen
 * that got shorter. The next character or line feed then corrupts memory. Like xterm, a
 * shorter screen loses its scrolling region (CSI r, which also homes the cursor), and the
 * cursor goes back where it was, or to the top row. */
static void fix_after_resize(struct term *t, int old_rows)
{
    VTermPos pos;
    char seq[32];
    int n;

    vterm_state_get_cursorpos(t->state, &pos);
    if (t->rows >= old_rows && pos.row >= 0 && pos.row < t->rows && pos.col >= 0 &&
        pos.col < t->cols)
        return;
    pos.row = pos.row < 0 ? 0 : pos.row >= t->rows ? t->rows - 1 : pos.row;
    pos.col = pos.col < 0 ? 0 : pos.col >= t->cols ? t->cols - 1 : pos.col;
    n = snprintf(seq, sizeof seq, "\033[r\033[%d;%dH", pos.row + 1, pos.col + 1);
    term_inject(t, seq, (size_t)n);
}

/* The byte Ctrl plus CP sends, or -1 when it has none (libvterm encodes the rest). */
static int control_byte(uint32_t cp)
{
    if (cp >= 'a' && cp <= 'z')
        return (int)(cp - 'a' + 1);
    if (cp >= '@' && cp <= '_')
        return (int)(cp - '@');
    if (cp == ' ')
        return 0;
    if (cp == '?')
        return 0x7F;
    return -1;
}

static void append(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    xgrow((void **)buf, cap, *len + n + 1, 1);
    memcpy(*buf + *len, s, n);
    *len += n;
}
