# A full-screen program in the terminal pane: less on a 500-line file takes the pane (the
# alternate screen) and pages with Space; after q the pane shows exactly what it showed
# before, with the prompt below the command.

seq 1 500 >"$WS/long.txt"

shed_start "${TERM_SH[@]}"
keys C-t
wait_term_last '$'
term_cmd 'echo before-less'
wait_term_line 'before-less'
wait_term_last '$'
type_text 'less long.txt'
wait_term_last '$ less long.txt'
before=$(term_lines | sed '/^$/d')

keys Enter
wait_term_line '1'
wait_term_line '5'
expect_screen_lacks 'before-less'
keys Space
wait_term_line '12'
_term_has_line '1' && fail "Space did not page forward in less"
type_text 'G'
wait_term_line '500'
type_text 'q'
wait_term_last '$'
after=$(term_lines | sed '/^$/d')
expect_eq "the pane after less" "$after" "$before"$'\n$'
expect_screen_lacks '500'

# The shell still works after the alternate screen.
term_cmd 'echo after-less'
wait_term_line 'after-less'
wait_term_last '$'
keys C-t
keys C-q
shed_wait_exit 0
