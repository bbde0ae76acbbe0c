# In the tree, 'd' asks before deleting the selected file: 'n' keeps it, 'y' removes it from
# the disk and from the tree.

printf 'bye\n' >"$WS/doomed.txt"
printf 'stay\n' >"$WS/keeper.txt"

shed_start "$WS"
wait_for 'keeper.txt'
keys Down
keys d
wait_msg 'delete doomed.txt? (y/n)'
keys n
wait_msg 'F1 help'
expect_exists "$WS/doomed.txt"
wait_tree_has 'doomed.txt'

keys d
wait_msg 'delete doomed.txt? (y/n)'
keys y
wait_msg 'deleted doomed.txt'
wait_tree_lacks 'doomed.txt'
expect_missing "$WS/doomed.txt"
expect_file "$WS/keeper.txt" $'stay\n'
wait_tree_has 'keeper.txt'
keys C-q
shed_wait_exit 0
