/* clipboard.c — one process-wide clipboard (a heap copy of the last copied text) and the
 * base64 encoding OSC 52 needs. */
#include "clipboard.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static char *clip_text;
static size_t clip_len;

void clipboard_set(const char *text, size_t len)
{
    free(clip_text);
    clip_text = xmalloc(len + 1);
    memcpy(clip_text, text, len);
    clip_text[len] = '\0';
    clip_len = len;
}

const char *clipboard_get(size_t *len)
{
    *len = clip_len;
    return clip_text;
}

void clipboard_clear(void)
{
    free(clip_text);
    clip_text = NULL;
    clip_len = 0;
}

char *clipboard_osc52(const char *text, size_t len)
{
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    if (len > CLIPBOARD_OSC52_MAX)
        return NULL;
    const unsigned char *s = (const unsigned char *)text;
    size_t enc = (len + 2) / 3 * 4;
    char *out = xmalloc(enc + 16);
    char *o = out;
    memcpy(o, "\033]52;c;", 7);
    o += 7;
    size_t i = 0;
    for (; i + 2 < len; i += 3) {
        unsigned v = (unsigned)s[i] << 16 | (unsigned)s[i + 1] << 8 | s[i + 2];
        *o++ = b64[v >> 18 & 63];
        *o++ = b64[v >> 12 & 63];
        *o++ = b64[v >> 6 & 63];
        *o++ = b64[v & 63];
    }
    if (i < len) {
        unsigned v = (unsigned)s[i] << 16 | (i + 1 < len ? (unsigned)s[i + 1] << 8 : 0);
        *o++ = b64[v >> 18 & 63];
        *o++ = b64[v >> 12 & 63];
        *o++ = i + 1 < len ? b64[v >> 6 & 63] : '=';
        *o++ = '=';
    }
    *o++ = '\a';
    *o = '\0';
    return out;
}
