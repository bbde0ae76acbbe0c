# Terminal tabs: Alt-T opens a second shell in a tab of its own (focused, with its own screen);
# Alt-PgUp / Alt-PgDn from the editor and `term next` / `term prev` switch between them, each
# showing its own output, including output that arrived while the tab was hidden; a title set
# by the program names its tab; `term close` closes the current one.

shed_start "${TERM_SH[@]}"
keys C-t
wait_term_last '$'
term_find || fail "no terminal pane"
term_cmd 'echo output-of-one'
wait_term_line 'output-of-one'
wait_term_last '$'

keys C-t
wait_row_lacks "$TERM_Y" 'Ctrl-T leaves'
keys M-t
wait_row "$TERM_Y" ' 1: shell │ 2: shell │'
wait_row "$TERM_Y" 'Ctrl-T leaves'
wait_term_last '$'
expect_screen_lacks 'output-of-one'
# This shell prints again once the file "go" exists (it then removes it): output that comes
# while its tab is hidden.
term_cmd 'echo output-of-two; while [ ! -e go ]; do sleep 0.02; done; echo late-output; rm go'
wait_term_line 'output-of-two'

cmd() {
    keys C-e
    wait_msg 'command:'
    type_text "$1"
    keys Enter
}
# shows ONE OTHER [AFTER]: the pane shows ONE's output and not OTHER's (AFTER: what switched).
shows()
{
    wait_until "a terminal row '$1'${3:+ after $3}" _term_has_line "$1"
    _term_has_line "$2" && fail "tab showing '$1' also shows '$2'"
    return 0
}

keys C-t
wait_row_lacks "$TERM_Y" 'Ctrl-T leaves'
keys M-PPage
shows output-of-one output-of-two 'Alt-PgUp'
: >"$WS/go"
_go_gone() { [[ ! -e $WS/go ]]; }
wait_until "the hidden tab's shell to print and remove go" _go_gone
shows output-of-one late-output
keys M-NPage
shows output-of-two output-of-one 'Alt-PgDn'
wait_term_line 'late-output'
wait_term_last '$'
keys M-NPage # wraps around
shows output-of-one output-of-two 'Alt-PgDn'
cmd 'term next'
shows output-of-two output-of-one 'term next'
cmd 'term prev'
shows output-of-one output-of-two 'term prev'

# Each tab keeps its own shell: a command in tab 1 stays in tab 1.
keys C-t
wait_row "$TERM_Y" 'Ctrl-T leaves'
term_cmd 'echo more-in-one'
wait_term_line 'more-in-one'
# A title the program sets (OSC 2) names its tab.
term_cmd "printf '\\033]2;build-log\\007'"
wait_row "$TERM_Y" ' 1: build-log │ 2: shell │'
keys C-t
wait_row_lacks "$TERM_Y" 'Ctrl-T leaves'
keys M-NPage
shows output-of-two more-in-one 'Alt-PgDn'

cmd 'term close'
wait_row_lacks "$TERM_Y" '2: shell'
shows more-in-one output-of-two
expect_row "$TERM_Y" ' 1: build-log │'
cmd 'term new'
wait_row "$TERM_Y" ' 1: build-log │ 2: shell │'
wait_term_last '$'
expect_screen_lacks 'more-in-one'

keys C-t
keys C-q
shed_wait_exit 0
