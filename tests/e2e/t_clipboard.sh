# Copy reaches the terminal's clipboard through OSC 52: with tmux's set-clipboard on, the
# copied text becomes tmux's newest paste buffer, as it would reach the user's own machine.
# A paste of it with Ctrl-V inserts the same text.

printf 'first line\nsecond line\n' >"$WS/c.txt"

shed_start "$WS/c.txt"
_tm set -g set-clipboard on
wait_status 'c.txt'
keys S-Down
wait_status 'Ln 2, Col 1'
keys C-c
wait_msg 'copied 11 bytes'
got=$(_tm show-buffer 2>/dev/null)
[ "$got" = "first line" ] || fail "tmux buffer holds '$got', expected the copied 'first line'"

keys C-End Enter C-v
wait_line 3 'first line'
keys C-q
wait_msg 'unsaved changes'
keys d
shed_wait_exit 0
