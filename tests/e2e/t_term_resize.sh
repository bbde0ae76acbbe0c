# Resizing the outer terminal resizes the terminal pane's PTY: `stty size` inside reports the
# pane's rows (its height less the tab bar) and columns, after each resize, after hiding the
# file tree (the pane widens) and after `term height N`.
# shellcheck disable=SC2016  # $... in single quotes is for the pane's shell

shed_start "${TERM_SH[@]}" --size 100x30
keys C-t
wait_term_last '$'

# _pane_drawn: the focused pane is drawn for the current width: its hint " Ctrl-T leaves "
# ends at the right edge (a stale screen, before shed redrew, has it elsewhere).
_pane_drawn()
{
    term_find || return 1
    local c
    c=$(col_of "$TERM_Y" 'Ctrl-T leaves') || return 1
    ((c + 14 == $(_tm display -p -t shed '#{pane_width}')))
}

# expect_size [HEIGHT]: `stty size` in the pane matches the pane as drawn (HEIGHT rows high
# with its tab bar, when given).
expect_size()
{
    wait_until "the pane drawn at the new width" _pane_drawn
    term_find
    local rows cols
    rows=$(($(screen_rows) - 1 - TERM_Y - 1))
    cols=$(($(_tm display -p -t shed '#{pane_width}') - TERM_X))
    (($# == 0)) || expect_eq "the pane's height with its tab bar" $((rows + 1)) "$1"
    term_cmd 'echo "size=$(stty size)"'
    wait_term_line "size=$rows $cols"
    wait_term_last '$'
}

_tree_gone() { term_find && ((TERM_X == 0)); }

expect_size 10 # a third of 30 rows
resize 120 45
expect_size
resize 80 24
expect_size

# Without the file tree the pane takes the whole width.
keys C-t
wait_until "the editor focused" _row_lacks "$TERM_Y" 'Ctrl-T leaves'
keys M-0
wait_until "the file tree hidden" _tree_gone
keys C-t
expect_size
expect_eq "the pane's left column" "$TERM_X" 0

# A taller pane from the command prompt.
keys C-t
wait_until "the editor focused" _row_lacks "$TERM_Y" 'Ctrl-T leaves'
keys C-e
wait_msg 'command:'
type_text 'term height 14'
keys Enter
keys C-t
expect_size 14

keys C-t
keys C-q
shed_wait_exit 0
