/* clipboard.h — the internal clipboard shared by every buffer, and the OSC 52 sequence that
 * hands a copy to the terminal, so it reaches the user's own machine over SSH and through
 * tmux. The text is kept here; the UI writes the sequence to the terminal. */
#ifndef SHED_CLIPBOARD_H
#define SHED_CLIPBOARD_H

#include <stddef.h>

/* Largest text sent through OSC 52: its base64 plus the framing stays under xterm's limit of
 * 100,000 bytes for one sequence; terminals drop longer ones. */
#define CLIPBOARD_OSC52_MAX 74985

/* Replaces the clipboard with a copy of TEXT[0..LEN). */
void clipboard_set(const char *text, size_t len);
/* The clipboard's text (NULL when empty) and its length. Valid until the next set. */
const char *clipboard_get(size_t *len);
void clipboard_clear(void);

/* The OSC 52 sequence ("\033]52;c;BASE64\a") that sets the terminal's clipboard to TEXT, or
 * NULL when TEXT is longer than CLIPBOARD_OSC52_MAX. Caller frees. */
char *clipboard_osc52(const char *text, size_t len);

#endif
