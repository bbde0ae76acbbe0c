/* prompt.c — the one-line prompt on the message row: text input with a cursor (find, go to
 * line, commands, file names) or a question answered with one key ("ync"). Only one prompt is
 * open at a time; it takes every key until Enter or Esc. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "draw.h"
#include "utf8.h"
#include "xalloc.h"

static void set_text(const char *text, size_t len)
{
    struct prompt *p = &app.prompt;
    xgrow((void **)&p->text, &p->cap, len + 1, 1);
    memcpy(p->text, text, len);
    p->text[len] = '\0';
    p->len = len;
    p->cursor = len;
}

static void reset(void)
{
    struct prompt *p = &app.prompt;
    free(p->text);
    free(p->ctx_str);
    memset(p, 0, sizeof *p);
}

void prompt_open(const char *label, const char *initial, prompt_submit_fn submit,
                 prompt_change_fn change, void *ctx)
{
    reset();
    struct prompt *p = &app.prompt;
    p->active = true;
    snprintf(p->label, sizeof p->label, "%s", label);
    set_text(initial, strlen(initial));
    p->submit = submit;
    p->change = change;
    p->ctx = ctx;
    app.message[0] = '\0';
}

void prompt_ask(const char *label, const char *choices, prompt_submit_fn submit, void *ctx)
{
    prompt_open(label, "", submit, NULL, ctx);
    app.prompt.choices = choices;
}

void prompt_close(void)
{
    reset();
}

/* Runs FN with the prompt already closed (FN may open another prompt), keeping the text and
 * the context strings alive for the call. */
static void finish(prompt_submit_fn fn, const char *text)
{
    struct prompt copy = app.prompt;
    memset(&app.prompt, 0, sizeof app.prompt);
    if (fn)
        fn(&copy, text);
    free(copy.text);
    free(copy.ctx_str);
}

static void changed(void)
{
    if (app.prompt.change)
        app.prompt.change(&app.prompt, app.prompt.text);
}

static void insert(const char *s, size_t n)
{
    struct prompt *p = &app.prompt;
    xgrow((void **)&p->text, &p->cap, p->len + n + 1, 1);
    memmove(p->text + p->cursor + n, p->text + p->cursor, p->len - p->cursor + 1);
    memcpy(p->text + p->cursor, s, n);
    p->len += n;
    p->cursor += n;
    changed();
}

void prompt_paste(const char *text, size_t len)
{
    if (app.prompt.choices)
        return;
    /* A prompt is one line: keep what comes before the first line break. */
    const char *nl = memchr(text, '\n', len);
    insert(text, nl ? (size_t)(nl - text) : len);
}

void prompt_key(struct key k)
{
    struct prompt *p = &app.prompt;
    if (k.code == K_ESC || (k.code == 'c' && k.mods == MOD_CTRL) ||
        (k.code == 'q' && k.mods == MOD_CTRL)) {
        prompt_submit_fn cancel = p->cancel;
        finish(cancel, "");
        return;
    }
    if (p->choices) {
        if (k.code < 128 && k.code > 0 && !(k.mods & (MOD_CTRL | MOD_ALT)) &&
            strchr(p->choices, k.code | 0x20)) {
            char answer[2] = {(char)(k.code | 0x20), 0};
            finish(p->submit, answer);
        }
        return;
    }
    switch (k.code) {
    case K_ENTER: {
        char *text = xstrdup(p->text);
        finish(p->submit, text);
        free(text);
        return;
    }
    case K_LEFT:
        p->cursor = utf8_prev(p->text, p->len, p->cursor);
        return;
    case K_RIGHT:
        p->cursor = utf8_next(p->text, p->len, p->cursor);
        return;
    case K_HOME:
        p->cursor = 0;
        return;
    case K_END:
        p->cursor = p->len;
        return;
    case K_BACKSPACE:
        if (p->cursor > 0) {
            size_t prev = utf8_prev(p->text, p->len, p->cursor);
            memmove(p->text + prev, p->text + p->cursor, p->len - p->cursor + 1);
            p->len -= p->cursor - prev;
            p->cursor = prev;
            changed();
        }
        return;
    case K_DEL:
        if (p->cursor < p->len) {
            size_t next = utf8_next(p->text, p->len, p->cursor);
            memmove(p->text + p->cursor, p->text + next, p->len - next + 1);
            p->len -= next - p->cursor;
            changed();
        }
        return;
    }
    if (k.code == 'u' && k.mods == MOD_CTRL) {
        set_text("", 0);
        changed();
        return;
    }
    if (key_is_text(k)) {
        char buf[4];
        int n = utf8_encode(k.code, buf);
        if (n > 0)
            insert(buf, (size_t)n);
    }
}

void prompt_draw(void)
{
    struct prompt *p = &app.prompt;
    struct rect r = app.layout.message;
    draw_fill(r, draw_ui(UI_MESSAGE));
    int x = r.x + 1;
    x += draw_str(r.y, x, r.w - 1, p->label, draw_ui(UI_PROMPT));
    int room = r.x + r.w - x - 1;
    if (room <= 0)
        return;
    /* Scroll the text so the cursor stays visible. */
    size_t start = 0;
    while (draw_width(p->text + start, p->cursor - start) >= room)
        start = utf8_next(p->text, p->len, start);
    int used = draw_text(r.y, x, room, p->text + start, p->len - start, draw_ui(UI_MESSAGE));
    /* A message set while the prompt is open ("not found: x") shows at the right. */
    if (app.message[0]) {
        int mw = draw_width(app.message, strlen(app.message));
        int mx = r.x + r.w - mw - 1;
        if (mx < x + used + 2)
            mx = x + used + 2;
        if (mx < r.x + r.w - 1)
            draw_str(r.y, mx, r.x + r.w - 1 - mx, app.message,
                     draw_ui(app.message_error ? UI_ERROR : UI_MESSAGE));
    }
    app.cur_y = r.y;
    app.cur_x = x + draw_width(p->text + start, p->cursor - start);
    app.cur_visible = true;
}
