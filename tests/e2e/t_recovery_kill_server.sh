# When the terminal goes away (the tmux server is killed) shed keeps the unsaved text as a
# recovery file; (d)iscard at the next start drops it and shows the file as on disk.

printf 'on disk\n' >"$WS/term.txt"

shed_start "$WS/term.txt"
wait_line 1 'on disk'
keys C-End Enter
type_text 'typed before the crash'
wait_line 2 'typed before the crash'
shed_kill_server
expect_file "$WS/term.txt" $'on disk\n'
compgen -G "$E2E_SHED_HOME/recovery/*" >/dev/null ||
    fail "no recovery file under \$SHED_HOME/recovery after the terminal closed"

shed_start "$WS/term.txt"
wait_msg 'term.txt has unsaved text from'
keys d
wait_msg 'discarded'
wait_line 1 'on disk'
wait_no_line 2
wait_row_lacks 0 '●'
keys C-q
shed_wait_exit 0
expect_file "$WS/term.txt" $'on disk\n'

shed_start "$WS/term.txt"
wait_line 1 'on disk'
wait_msg 'F1 help'
keys C-q
shed_wait_exit 0
