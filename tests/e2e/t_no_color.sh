# With NO_COLOR=1 the selection still shows, in reverse video (SGR 7), and only over the
# selected text.

printf 'alpha beta gamma\n' >"$WS/s.txt"

shed_start --env NO_COLOR=1 "$WS/s.txt"
wait_line 1 'alpha beta gamma'
r=$(row_of 'alpha beta gamma')
c=$(col_of "$r" 'alpha beta gamma')
[[ $(cell_attrs "$r" "$c") != *reverse* ]] || fail "text is in reverse video before selecting"
if screen -e | grep -q $'\e\\[[0-9;]*38;5;'; then
    fail "NO_COLOR=1 but the screen uses 256 colours"
fi

keys S-Right S-Right S-Right
wait_status 'Ln 1, Col 4'

_selected()
{
    [[ $(cell_attrs "$r" "$c") == *reverse* && $(cell_attrs "$r" $((c + 2))) == *reverse* ]]
}
wait_until "'alp' in reverse video" _selected
[[ $(cell_attrs "$r" $((c + 3))) != *reverse* ]] || fail "'h' after the selection is reversed"
[[ $(cell_attrs "$r" $((c + 6))) != *reverse* ]] || fail "'beta' is reversed"
[[ $(row "$r" -e) == *$'\e[7m'alp* || $(row "$r" -e) =~ $'\e'\[[0-9\;]*7m'alp' ]] ||
    fail "no ESC[7m before the selection: $(row "$r" -e | cat -v)"

keys C-q
shed_wait_exit 0
