# Ctrl-Q then (d)iscard quits with status 0 without writing the file, and leaves no recovery
# file behind.

printf 'keep me\n' >"$WS/q.txt"

shed_start "$WS/q.txt"
wait_line 1 'keep me'
keys End
type_text ' not'
wait_line 1 'keep me not'
keys C-q
wait_msg '(d)iscard and quit'
keys d
shed_wait_exit 0
expect_file "$WS/q.txt" $'keep me\n'
expect_dir_entries "$WS" q.txt
if compgen -G "$E2E_SHED_HOME/recovery/*" >/dev/null; then
    fail "discarded text was kept as a recovery file: $(ls "$E2E_SHED_HOME/recovery")"
fi
