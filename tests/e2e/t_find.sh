# Ctrl-F finds as you type and highlights the matches; Enter closes the prompt; F3 goes to
# the next match and wraps from the last to the first with a message; Shift-F3 goes back;
# Esc clears the highlight.

printf 'alpha\nneedle one\nbeta needle two\ngamma\nneedle three\n' >"$WS/hay.txt"

# _attrs_differ TEXT N: the first N characters of TEXT on screen look different from the
# character after them (a highlighted match); _attrs_same: they look the same.
_attrs_differ()
{
    local r c
    r=$(row_of "$1") && c=$(col_of "$r" "$1") || return 1
    [[ $(cell_attrs "$r" "$c") != "$(cell_attrs "$r" $(($2 + c + 1)))" ]]
}

_attrs_same()
{
    local r c
    r=$(row_of "$1") && c=$(col_of "$r" "$1") || return 1
    [[ $(cell_attrs "$r" "$c") == "$(cell_attrs "$r" $(($2 + c + 1)))" ]]
}

wait_marked()
{
    wait_until "'$2' in '$1' to be highlighted" _attrs_differ "$1" "${#2}"
}

wait_plain()
{
    wait_until "'$2' in '$1' to look like the text around it" _attrs_same "$1" "${#2}"
}

shed_start "$WS/hay.txt"
wait_line 5 'needle three'
wait_plain 'needle one' 'needle'

keys C-f
wait_msg 'find:'
type_text 'nee'
# Incremental: the cursor is on the first match while the prompt is still open.
wait_status 'Ln 2,'
wait_marked 'needle one' 'nee'
type_text 'dle'
wait_msg 'find: needle'
wait_status 'Ln 2,'
wait_marked 'needle one' 'needle'
wait_marked 'needle two' 'needle'
wait_marked 'needle three' 'needle'
keys Enter
wait_msg 'F3 next match'

keys F3
wait_status 'Ln 3,'
keys F3
wait_status 'Ln 5,'
keys F3
wait_status 'Ln 2,'
wait_msg 'search wrapped around'

keys S-F3
wait_status 'Ln 5,'
wait_msg 'search wrapped around'
keys S-F3
wait_status 'Ln 3,'

keys Escape
wait_msg 'F1 help'
wait_plain 'needle one' 'needle'
wait_plain 'needle two' 'needle'
wait_plain 'needle three' 'needle'
expect_file "$WS/hay.txt" $'alpha\nneedle one\nbeta needle two\ngamma\nneedle three\n'
wait_row_lacks 0 '●'

keys C-q
shed_wait_exit 0
