# Ctrl-P lists the workspace's files and narrows them by a fuzzy query; Enter opens the one
# picked, deep in the tree, which the tree then shows.

mkdir -p "$WS/src/net/http" "$WS/src/core" "$WS/docs"
printf 'int client;\n' >"$WS/src/net/http/client.c"
printf 'int engine;\n' >"$WS/src/core/engine.c"
printf '# guide\n' >"$WS/docs/guide.md"
printf 'top\n' >"$WS/top.txt"

shed_start "$WS/top.txt"
wait_line 1 'top'
keys C-p
wait_for 'open file'
wait_for 'src/core/engine.c'
wait_for 'src/net/http/client.c'
type_text 'nhcli'
wait_for 'nhcli'
wait_gone 'src/core/engine.c'
wait_for 'src/net/http/client.c'
keys Enter
wait_status 'src/net/http/client.c'
wait_line 1 'int client;'
wait_tree_has 'client.c'
wait_gone 'open file'
keys C-q
shed_wait_exit 0
