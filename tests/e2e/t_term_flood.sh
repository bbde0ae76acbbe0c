# A program that floods the terminal pane (`yes`) does not starve the editor: Ctrl-T leaves the
# pane, typing edits the file and shows at once, Ctrl-S saves; back in the pane, Ctrl-C stops
# the program and the prompt returns.

printf 'text\n' >"$WS/f.txt"

shed_start "${TERM_SH[@]}" "$WS/f.txt"
wait_line 1 'text'
keys C-t
wait_term_last '$'
term_find || fail "no terminal pane"
term_cmd 'yes'
_flooded() { [[ $(term_lines | sed '/^$/d' | tail -n 5 | sort | uniq -c) == *" 5 y" ]]; }
# _yes_running: the shell in the pane (a child of shed) has a child `yes`.
# shellcheck disable=SC2013  # the children files are lists of pids
_yes_running()
{
    local sh kid
    for sh in $(cat /proc/"$E2E_PID"/task/*/children 2>/dev/null); do
        for kid in $(cat /proc/"$sh"/task/*/children 2>/dev/null); do
            [[ $(cat "/proc/$kid/comm" 2>/dev/null) == yes ]] && return 0
        done
    done
    return 1
}
wait_until "the pane full of y" _flooded
_yes_running || fail "no yes process under shed's shell"

keys C-t
wait_row_lacks "$TERM_Y" 'Ctrl-T leaves'
for w in one two three; do
    type_text "$w "
done
wait_line 1 'one two three text'
keys End
wait_status 'Ln 1, Col 19'
keys C-s
wait_msg 'saved f.txt'
expect_file "$WS/f.txt" $'one two three text\n'
_flooded || fail "the pane no longer shows yes's output"
_yes_running || fail "yes stopped while the editor was focused"

keys C-t
wait_row "$TERM_Y" 'Ctrl-T leaves'
keys C-c
wait_term_last '$'
_yes_running && fail "yes still runs after Ctrl-C"
# The prompt stays: yes is gone, not just paused.
term_cmd 'echo stopped'
wait_term_line 'stopped'
wait_term_last '$'
keys C-t
keys C-q
shed_wait_exit 0
