# `shed DIR` opens the directory as the workspace with the tree focused: Down and Enter
# open a file from it.

printf 'alpha\n' >"$WS/a.txt"
printf 'bravo\n' >"$WS/b.txt"

shed_start "$WS"
wait_row_is 0 ' proj'
wait_for 'a.txt'
wait_for 'b.txt'
wait_for 'No file open.'
keys Down Down Enter
wait_status 'b.txt'
wait_line 1 'bravo'
keys C-q
shed_wait_exit 0
