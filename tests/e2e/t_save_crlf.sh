# A CRLF file stays CRLF: the status line says CRLF, an edited line and a new line are both
# written with \r\n, and the untouched lines keep theirs.

printf 'alpha\r\nbeta\r\n' >"$WS/dos.txt"

shed_start "$WS/dos.txt"
wait_line 1 'alpha'
wait_line 2 'beta'
wait_status 'CRLF'
keys End
type_text '1'
wait_line 1 'alpha1'
keys Enter
type_text 'gamma'
wait_line 2 'gamma'
wait_line 3 'beta'
keys C-s
wait_msg 'saved dos.txt'
expect_file "$WS/dos.txt" $'alpha1\r\ngamma\r\nbeta\r\n'
wait_status 'CRLF'
keys C-q
shed_wait_exit 0
