# A file without a final newline stays without one after an edit and a save; one with a
# final newline keeps it.

printf 'first\nlast' >"$WS/no-eol.txt"

shed_start "$WS/no-eol.txt"
wait_line 2 'last'
keys C-End
wait_status 'Ln 2, Col 5'
type_text '!'
wait_line 2 'last!'
keys Home
type_text '>'
wait_line 2 '>last!'
keys C-s
wait_msg 'saved no-eol.txt'
expect_file "$WS/no-eol.txt" $'first\n>last!'
keys C-q
shed_wait_exit 0
