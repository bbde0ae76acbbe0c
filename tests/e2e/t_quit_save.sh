# Ctrl-Q then (s)ave writes the file and quits with status 0; Ctrl-Q with nothing unsaved
# quits at once.

printf 'draft\n' >"$WS/q.txt"

shed_start "$WS/q.txt"
wait_line 1 'draft'
keys C-End Enter
type_text 'final'
wait_line 2 'final'
keys C-q
wait_msg '(s)ave and quit'
keys s
shed_wait_exit 0
expect_file "$WS/q.txt" $'draft\nfinal\n'

shed_start "$WS/q.txt"
wait_line 2 'final'
keys C-q
shed_wait_exit 0
expect_file "$WS/q.txt" $'draft\nfinal\n'
