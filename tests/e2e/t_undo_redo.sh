# Undo takes back one typed word at a time and redo puts it back; undoing to the saved text
# clears the modified dot.

printf '\n' >"$WS/u.txt"

shed_start "$WS/u.txt"
wait_status 'u.txt'
type_text 'hello world'
wait_line 1 'hello world'
wait_status 'u.txt ●'

keys C-z
wait_line 1 'hello'
wait_status 'Ln 1, Col 7'
keys C-z
wait_line 1 ''
wait_status 'Ln 1, Col 1'
wait_row_lacks 0 '●'

keys C-y
wait_line 1 'hello'
wait_status 'Ln 1, Col 7'
wait_status 'u.txt ●'
keys C-y
wait_line 1 'hello world'
wait_status 'Ln 1, Col 12'

# Undo once more, then save: the trailing blank of the first word is part of the file.
keys C-z
wait_status 'Ln 1, Col 7'
keys C-s
wait_msg 'saved u.txt'
expect_file "$WS/u.txt" $'hello \n'
keys C-q
shed_wait_exit 0
