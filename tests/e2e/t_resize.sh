# Below 40x10 the screen says the terminal is too small; back at full size the text, the tree
# and the status line are there again.

printf 'visible again\nsecond line\n' >"$WS/r.txt"

shed_start "$WS/r.txt"
wait_line 1 'visible again'
resize 30 8
wait_for 'terminal too small'
expect_screen_lacks 'visible again'
resize 100 30
wait_line 1 'visible again'
wait_line 2 'second line'
wait_status 'r.txt'
wait_msg 'F1 help'
expect_screen_lacks 'terminal too small'

# A second trip, just under the limit and back to another size.
resize 39 9
wait_for 'terminal too small'
resize 60 20
wait_line 1 'visible again'
wait_status 'Ln 1, Col 1'
expect_alive
keys C-q
shed_wait_exit 0
