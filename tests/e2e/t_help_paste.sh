# A paste while the F1 help covers the editor does not go into the hidden buffer: a person
# cannot see it land there. (A key that closes the help is not typed either.)

printf 'text\n' >"$WS/h.txt"

shed_start "$WS/h.txt"
wait_line 1 'text'
keys F1
wait_for 'Ctrl-S'
paste_text 'pasted'
keys Escape
wait_gone 'Ctrl-S'
wait_line 1 'text'
wait_row_lacks 0 '●'
keys C-q
shed_wait_exit 0
expect_file "$WS/h.txt" $'text\n'
