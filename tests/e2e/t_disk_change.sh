# A file changed on disk by another program: unmodified, it is reloaded; modified, shed says
# so, and Ctrl-S asks before overwriting: (c)ancel keeps the other program's bytes,
# (o)verwrite writes ours.

printf 'orig\n' >"$WS/u.txt"

shed_start "$WS/u.txt"
wait_line 1 'orig'
printf 'from outside\n' >"$WS/u.txt"
wait_line 1 'from outside'
wait_msg 'u.txt changed on disk and was reloaded'
wait_row_lacks 0 '●'

type_text 'mine '
wait_line 1 'mine from outside'
printf 'theirs\n' >"$WS/u.txt"
wait_msg 'u.txt changed on disk; saving will ask what to do'
wait_line 1 'mine from outside'
keys C-s
wait_msg 'u.txt changed on disk since it was opened: (o)verwrite, (r)eload, (c)ancel?'
keys c
wait_msg 'F1 help'
expect_file "$WS/u.txt" $'theirs\n'
wait_status 'u.txt ●'

keys C-s
wait_msg '(o)verwrite'
keys o
wait_msg 'saved u.txt'
expect_file "$WS/u.txt" $'mine from outside\n'
wait_row_lacks 0 '●'
keys C-q
shed_wait_exit 0
