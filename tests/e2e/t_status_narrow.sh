# The status line keeps the file name and the modified dot whenever they fit between the
# workspace name and the position, also where centring would push them under the position:
# a long path at 80x24, a short name at 60 and 50 columns.

mkdir -p "$WS/src/net/http"
printf 'int client;\n' >"$WS/src/net/http/client.c"
printf 'x\n' >"$WS/a.txt"

shed_start --size 80x24 "$WS"
wait_for 'a.txt'
keys C-p
wait_for 'open file'
type_text 'client'
wait_for 'src/net/http/client.c'
keys Enter
wait_line 1 'int client;'
wait_status 'src/net/http/client.c'
type_text 'static '
wait_line 1 'static int client;'
wait_status 'src/net/http/client.c ●'
wait_status 'Ln 1, Col 8'
keys C-s
wait_msg 'saved src/net/http/client.c'

keys C-e
wait_msg 'command:'
type_text 'open a.txt'
keys Enter
wait_line 1 'x'
resize 60 20
wait_status 'Ln 1, Col 1'
wait_status ' a.txt '
type_text 'y'
wait_status 'a.txt ●'
resize 50 12
wait_status 'Ln 1, Col 2'
wait_status 'a.txt ●'
keys C-q
wait_msg 'unsaved'
keys d
shed_wait_exit 0
