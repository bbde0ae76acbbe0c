# When the pane's program exits, its tab and last row say so with the status; keys other than
# Enter do nothing then; Enter starts a new shell in the workspace, whose prompt appears and
# which runs commands.
# shellcheck disable=SC2016  # $... in single quotes is for the pane's shell

shed_start "${TERM_SH[@]}"
keys C-t
wait_term_last '$'
term_find || fail "no terminal pane"
term_cmd 'echo first-shell'
wait_term_line 'first-shell'
term_cmd 'exit 3'
wait_row "$TERM_Y" ' 1: [exited 3] │'
wait_term_last ' [exited 3] Enter starts a new shell, Ctrl-T leaves'
expect_alive

# Typing does not reach anything and changes nothing.
before=$(term_lines)
type_text 'x'
keys C-t
wait_row_lacks "$TERM_Y" 'Ctrl-T leaves'
expect_eq "the pane after typing x" "$(term_lines)" "$before"
keys C-t
wait_row "$TERM_Y" 'Ctrl-T leaves'
expect_row "$TERM_Y" '[exited 3]'

keys Enter
wait_term_last '$'
wait_row "$TERM_Y" ' 1: shell │'
expect_row "$TERM_Y" 'Ctrl-T leaves'
expect_screen_lacks 'exited'
expect_screen_lacks 'first-shell'
term_cmd 'echo "second $((40 + 2))"; pwd'
wait_term_line 'second 42'
wait_term_line "$WS"
wait_term_last '$'

# A shell killed by a signal says 128 + the signal.
term_cmd 'kill -9 $$'
wait_row "$TERM_Y" ' 1: [exited 137] │'
wait_term_last ' [exited 137] Enter starts a new shell, Ctrl-T leaves'
keys Enter
wait_term_last '$'

keys C-t
keys C-q
shed_wait_exit 0
