# A find query that matches nothing says so: "not found: QUERY" shows while the prompt is
# open, and after Enter (not the hint about F3, as if there were matches).

printf 'alpha\nbeta\n' >"$WS/hay.txt"

shed_start "$WS/hay.txt"
wait_line 2 'beta'
keys C-f
wait_msg 'find:'
type_text 'zzz'
wait_msg 'find: zzz'
wait_msg 'not found'
keys Enter
wait_msg 'not found: zzz'
expect_alive
keys C-q
shed_wait_exit 0
