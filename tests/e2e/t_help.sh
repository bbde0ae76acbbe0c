# F1 shows every key: "Ctrl-S" with "save" and the others; arrows scroll it; any other key
# closes it without reaching the editor.

printf 'text\n' >"$WS/h.txt"

shed_start "$WS/h.txt"
wait_line 1 'text'
keys F1
wait_for 'Ctrl-S'
r=$(row_of 'Ctrl-S')
expect_row "$r" 'save'
expect_screen_has 'Ctrl-Q'
expect_screen_has 'Ctrl-F'
expect_screen_has 'Ctrl-P'
first=$(row 2)
keys Down
wait_until "the help to scroll" eval '[[ $(row 2) != "$first" ]]'
keys PageDown
expect_alive
keys x
wait_line 1 'text'
wait_gone 'Ctrl-S'
wait_row_lacks 0 '●'
expect_file "$WS/h.txt" $'text\n'
keys C-q
shed_wait_exit 0
