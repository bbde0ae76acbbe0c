# Scrollback in the terminal pane: after `seq 1 200000`, Shift-PgUp enters copy mode; PgUp
# pages back to a line near the end, v and arrows select it (drawn reversed), Enter copies it
# (message and OSC 52, which tmux keeps as its paste buffer). Ctrl-Home reaches the oldest line
# kept: at least 10,000 lines of history. The wheel scrolls back too; Esc returns to the live
# screen.

shed_start "${TERM_SH[@]}"
_tm set -g set-clipboard on
keys C-t
wait_term_last '$'
term_find || fail "no terminal pane"
term_cmd 'seq 1 200000'
wait_term_line '200000'
wait_term_last '$'

cursor() { _tm display -p -t shed '#{cursor_y} #{cursor_x}'; }
state() { screen; cursor; }
_changed() { [[ $(state) != "$1" ]]; }
# press KEY: sends KEY and waits for the screen or the cursor to change.
press()
{
    local was
    was=$(state)
    keys "$1"
    wait_until "a change after $1" _changed "$was"
}
# press_until WHAT KEY CMD...: presses KEY (at most 40 times) until CMD succeeds.
press_until()
{
    local what=$1 key=$2 n=0
    shift 2
    until "$@"; do
        ((n++ < 40)) || fail "$what: not reached after 40 presses of $key"
        press "$key"
    done
}
first_line() { term_lines | head -n 1; }
_cursor_row_is() { [[ $(cursor) == "$1 "* ]]; }
_cursor_is() { [[ $(cursor) == "$1 $2" ]]; }

keys S-PPage
wait_row "$TERM_Y" 'copy: arrows move'
expect_row "$TERM_Y" 'Esc leaves'
press_until "line 199950 on screen" PPage _term_has_line 199950
r=$(row_of 199950)
cur=$(cursor)
if ((${cur%% *} > r)); then
    press_until "the cursor on line 199950" Up _cursor_row_is "$r"
else
    press_until "the cursor on line 199950" Down _cursor_row_is "$r"
fi
press Home
expect_eq "cursor after Home" "$(cursor)" "$r $TERM_X"
keys v
press Right
press Right
keys Right Right Right
wait_until "the cursor at the end of 199950" _cursor_is "$r" $((TERM_X + 5))
for c in 0 5; do
    a=$(cell_attrs "$r" $((TERM_X + c)))
    [[ $a == *reverse* ]] || fail "cell $c of the selected line is not drawn selected: $a"
done
[[ $(cell_attrs $((r - 1)) "$TERM_X") != *reverse* ]] || fail "the line above is drawn selected"
keys Enter
wait_msg 'copied 6 bytes from the terminal'
wait_row "$TERM_Y" 'Ctrl-T leaves'
wait_term_last '$'
expect_eq "tmux buffer (OSC 52)" "$(_tm show-buffer 2>/dev/null)" '199950'

# The oldest line kept is 10,000 lines or more before the end.
_oldest_shown()
{
    local top
    top=$(first_line)
    [[ $top =~ ^[0-9]+$ ]] && ((top <= 190001))
}
keys S-PPage
wait_row "$TERM_Y" 'copy: arrows move'
keys C-Home
wait_until "line 190001 or earlier at the top of the pane" _oldest_shown
top=$(first_line)
expect_eq "the second line shown" "$(term_lines | sed -n 2p)" "$((top + 1))"
(( top > 1 )) || fail "the whole output was kept ($top at the top): expected a bounded history"
keys Escape
wait_row "$TERM_Y" 'Ctrl-T leaves'
wait_term_last '$'
wait_term_line '200000'

# The wheel over the pane scrolls back (copy mode); down again returns to the live screen.
y=$((TERM_Y + 3)) x=$((TERM_X + 5))
_tm send-keys -l $'\e[<64;'"$((x + 1));$((y + 1))M"
wait_row "$TERM_Y" 'copy: arrows move'
_term_has_line '$' && fail "the wheel did not scroll the pane back"
_tm send-keys -l $'\e[<65;'"$((x + 1));$((y + 1))M"
wait_row "$TERM_Y" 'Ctrl-T leaves'
wait_term_last '$'

keys C-t
wait_row_lacks "$TERM_Y" 'Ctrl-T leaves'
keys C-q
shed_wait_exit 0
