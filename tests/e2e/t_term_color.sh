# The terminal pane: Ctrl-T opens it on a shell in the workspace (TERM=xterm-256color,
# SHED_SANDBOX naming the workspace), ANSI red is drawn in the theme's red, and Ctrl-T goes back
# to the editor, where typing edits the file and no longer reaches the shell.
# shellcheck disable=SC2016  # $... in single quotes is for the pane's shell

printf 'hello\n' >"$WS/a.txt"

shed_start "${TERM_SH[@]}" "$WS/a.txt"
wait_line 1 'hello'
keys C-t
wait_term_last '$'
term_find || fail "no terminal pane"
wait_row "$TERM_Y" 'Ctrl-T leaves'
expect_row "$TERM_Y" ' 1: shell │'

term_cmd "printf '\\033[31mred\\033[0m plain\\n'"
wait_term_line 'red plain'
wait_term_last '$'
r=$(row_of 'red plain')
fg() { cell_attrs "$1" "$2" | grep -o 'fg=[^ ]*'; }
red=$(fg "$r" "$TERM_X")
plain=$(fg "$r" $((TERM_X + 4)))
# The default theme's palette maps ANSI red to #e06c75, 256-colour 168 (not the terminal's own
# colour 1).
expect_eq "colour of 'red'" "$red" 'fg=168'
expect_ne "colour of 'plain' after SGR 0" "$plain" "$red"
expect_eq "colour of the prompt" "$(fg $((r + 1)) "$TERM_X")" "$plain"

term_cmd 'echo "term=$TERM sandbox=$SHED_SANDBOX"; pwd'
wait_term_line 'term=xterm-256color sandbox=proj'
wait_term_line "$WS"
wait_term_last '$'

# Back in the editor, keys go to the file.
keys C-t
wait_row_lacks "$TERM_Y" 'Ctrl-T leaves'
type_text 'typed '
wait_line 1 'typed hello'
wait_status 'Ln 1, Col 7'
_term_last_is '$' ||
    fail "the shell's last row is '$(term_last)': keys typed in the editor reached it"
keys C-s
wait_msg 'saved a.txt'
expect_file "$WS/a.txt" $'typed hello\n'

# Ctrl-T in the editor focuses the same shell again.
keys C-t
wait_row "$TERM_Y" 'Ctrl-T leaves'
term_cmd 'echo again'
wait_term_line 'again'
wait_term_last '$'
keys C-t
wait_row_lacks "$TERM_Y" 'Ctrl-T leaves'
keys C-q
shed_wait_exit 0
