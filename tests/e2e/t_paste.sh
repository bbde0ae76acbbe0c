# A bracketed paste of indented lines arrives exactly as sent: no auto-indent added to each
# line (no staircase), tabs kept, one undo step. Tried both as raw ESC[200~ ... ESC[201~ and
# through tmux paste-buffer -p (bracketed because shed asked the terminal for it).

: >"$WS/p.py"
block=$'def f(x):\n    if x:\n        return 1\n    return 0\n'

shed_start "$WS/p.py"
wait_status 'p.py'
paste_text "$block"
wait_line 4 '    return 0'
wait_line 1 'def f(x):'
wait_line 2 '    if x:'
wait_line 3 '        return 1'
wait_line 5 ''
wait_status 'Ln 5, Col 1'
keys C-s
wait_msg 'saved p.py'
expect_file "$WS/p.py" "$block"

# One paste is one undo step.
keys C-z
wait_line 1 ''
wait_no_line 2
keys C-y
wait_line 4 '    return 0'

# Pasted after an indented line, inside the function: still exactly what was pasted.
keys C-Home Down End
wait_status 'Ln 2, Col 10'
keys Enter
wait_status 'Ln 3, Col 9'
paste_buffer $'y = 2\nif y:\n    z = 3'
wait_line 5 '    z = 3'
wait_line 3 '        y = 2'
wait_line 4 'if y:'
wait_line 6 '        return 1'
keys C-s
wait_msg 'saved p.py'
expect_file "$WS/p.py" \
    $'def f(x):\n    if x:\n        y = 2\nif y:\n    z = 3\n        return 1\n    return 0\n'

# Tabs and blank lines survive as they are.
printf 'all:\n\n' >"$WS/Makefile"
keys C-e
wait_msg 'command:'
type_text "open Makefile"
keys Enter
wait_status 'Makefile'
wait_line 2 ''
keys C-End
wait_status 'Ln 2, Col 1'
paste_buffer $'\techo one\n\n\techo two'
wait_line 4 '    echo two'
keys C-s
wait_msg 'saved Makefile'
expect_file "$WS/Makefile" $'all:\n\techo one\n\n\techo two\n'
keys C-q
shed_wait_exit 0
