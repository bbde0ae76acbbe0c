# Ctrl-G asks for a line and goes there (scrolling it into view); a word that is not a line
# number is refused with a message; Ctrl-E "goto N" does the same from the command prompt.

for i in $(seq 1 80); do echo "line number $i"; done >"$WS/long.txt"

shed_start "$WS/long.txt"
wait_line 1 'line number 1'
expect_screen_lacks 'line number 60'
keys C-g
wait_msg 'go to line:'
type_text '60'
wait_msg 'go to line: 60'
keys Enter
wait_status 'Ln 60, Col 1'
wait_line 60 'line number 60'
wait_msg 'F1 help'

keys C-g
wait_msg 'go to line:'
type_text 'abc'
keys Enter
wait_msg "'abc' is not a line number"
wait_status 'Ln 60, Col 1'

keys C-e
wait_msg 'command:'
type_text 'goto 7'
keys Enter
wait_status 'Ln 7, Col 1'
wait_line 7 'line number 7'

keys C-q
shed_wait_exit 0
