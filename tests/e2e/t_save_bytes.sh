# Typing and Ctrl-S write exactly what the screen shows: the file's bytes on disk are the old
# text with the typed words, the status line drops the modified dot and the message line
# says how many bytes were written.

printf 'one\ntwo\n' >"$WS/hello.txt"

shed_start "$WS/hello.txt"
wait_line 2 'two'
keys Down End
wait_status 'Ln 2, Col 4'
type_text ' three'
wait_line 2 'two three'
wait_status 'hello.txt ●'
expect_file "$WS/hello.txt" $'one\ntwo\n'

keys Enter
type_text 'four'
wait_line 3 'four'
keys C-s
wait_msg 'saved hello.txt (19 bytes)'
wait_row_lacks 0 '●'
expect_file "$WS/hello.txt" $'one\ntwo three\nfour\n'

keys C-q
shed_wait_exit 0
expect_file "$WS/hello.txt" $'one\ntwo three\nfour\n'
