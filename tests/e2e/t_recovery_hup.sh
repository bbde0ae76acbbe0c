# SIGHUP with unsaved text writes it as a recovery file and leaves the file itself alone;
# opening the file again offers the text back, and (r)ecover puts it in the buffer, modified
# and not saved.

printf 'line one\nline two\n' >"$WS/work.txt"

shed_start "$WS/work.txt"
wait_line 2 'line two'
keys Down End
type_text ' plus unsaved words'
wait_line 2 'line two plus unsaved words'
kill -HUP "$(shed_pid)"
shed_wait_exit
expect_file "$WS/work.txt" $'line one\nline two\n'
compgen -G "$E2E_SHED_HOME/recovery/*" >/dev/null ||
    fail "no recovery file under \$SHED_HOME/recovery after SIGHUP"

shed_start "$WS/work.txt"
wait_msg 'work.txt has unsaved text from'
wait_msg '(r)ecover it, (d)iscard it, or (l)ater?'
keys r
wait_line 2 'line two plus unsaved words'
wait_line 1 'line one'
wait_status 'work.txt ●'
wait_msg 'recovered work.txt'
expect_file "$WS/work.txt" $'line one\nline two\n'

keys C-s
wait_msg 'saved work.txt'
expect_file "$WS/work.txt" $'line one\nline two plus unsaved words\n'
keys C-q
shed_wait_exit 0

# Recovered and saved: the next start asks nothing.
shed_start "$WS/work.txt"
wait_line 2 'line two plus unsaved words'
wait_msg 'F1 help'
keys C-q
shed_wait_exit 0
