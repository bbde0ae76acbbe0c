# A paste while the terminal pane is focused goes to its program, not to the file: `cat -v`
# gets the text (the tty echoes it, cat prints it again). Bracketed only when the program asked
# for it (ESC[?2004h), as a terminal does: then cat -v shows the ^[[200~ ... ^[[201~ markers.

printf 'file text\n' >"$WS/p.txt"

shed_start "${TERM_SH[@]}" --size 100x40 "$WS/p.txt"
wait_line 1 'file text'
keys C-t
wait_term_last '$'
term_find || fail "no terminal pane"

# _twice TEXT: two rows of the pane are exactly TEXT (the echo and cat's copy).
_twice() { [[ $(term_lines | grep -c -x -F -- "$1") == 2 ]]; }
# _shown_twice TEXT: TEXT appears twice in the pane (the tty echoes the end marker before cat
# prints the first line, so they share a row).
_shown_twice() { [[ $(term_lines | grep -o -F -- "$1" | wc -l) == 2 ]]; }

term_cmd 'cat -v'
wait_term_last '$ cat -v'
paste_text $'one two\nthree\n'
wait_until "'three' echoed and printed by cat" _twice 'three'
_twice 'one two' || fail "'one two' is not there twice"
expect_screen_lacks '200~'
keys C-c
wait_term_last '$'
expect_row 0 'p.txt '
expect_screen_lacks 'p.txt ●'
wait_line 1 'file text'

term_cmd "printf '\\033[H\\033[2J\\033[?2004h'; cat -v"
wait_until "the pane cleared" _term_last_is ''
paste_buffer $'four\nfive\n'
wait_until "'five' echoed and printed by cat" _twice 'five'
_shown_twice '^[[200~four' ||
    fail "the paste did not start with ESC[200~ though cat -v asked for bracketed paste"
keys Enter
wait_until "the end marker printed by cat" _shown_twice '^[[201~'
keys C-c
wait_term_last '$'
keys C-t
wait_line 1 'file text'
expect_screen_lacks 'p.txt ●'
keys C-q
shed_wait_exit 0
