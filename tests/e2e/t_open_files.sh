# F2 lists the open files, the status line counts them (N/M), and picking one from the list
# switches the editor to it.

printf 'first file\n' >"$WS/one.txt"
printf 'second file\n' >"$WS/two.txt"

shed_start "$WS/one.txt"
wait_line 1 'first file'
wait_status '1/1'
keys C-p
wait_for 'open file'
type_text 'two'
wait_for 'two'
keys Enter
wait_line 1 'second file'
wait_status 'two.txt'
wait_status '2/2'

keys F2
wait_for 'open files (2)'
type_text 'one'
keys Enter
wait_line 1 'first file'
wait_status 'one.txt'
wait_status '1/2'
wait_gone 'open files'
keys C-q
shed_wait_exit 0
