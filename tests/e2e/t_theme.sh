# `theme NAME` switches the colours at once and keeps the choice in the config file, so the
# next start uses it; an unknown theme is refused with a message and changes nothing.

printf 'def f():\n    pass\n' >"$WS/t.py"

shed_start "$WS/t.py"
wait_line 1 'def f():'
r=$(row_of 'def f():')
c=$(col_of "$r" 'def f')
attrs() { cell_attrs "$r" "$c"; }
_coloured() { [[ $(cell_attrs "$r" "$c" | grep -o 'fg=[^ ]*') != $(cell_attrs "$r" $((c + 5)) | grep -o 'fg=[^ ]*') ]]; }
wait_until "'def' coloured" _coloured
dark=$(attrs)

keys C-e
type_text 'theme nosuchtheme'
keys Enter
wait_msg 'nosuchtheme'
[[ $(attrs) == "$dark" ]] || fail "a refused theme changed the colours"

keys C-e
type_text 'theme light'
keys Enter
wait_msg 'theme light'
_changed() { [[ $(attrs) != "$dark" ]]; }
wait_until "'def' in the light theme's colours" _changed
light=$(attrs)
grep -qx 'theme = light' "$E2E_TMP/config/shed/config" ||
    fail "config does not keep the theme: $(cat "$E2E_TMP/config/shed/config" 2>&1)"

keys C-q
shed_wait_exit 0

shed_start "$WS/t.py"
wait_line 1 'def f():'
_light() { [[ $(attrs) == "$light" ]]; }
wait_until "the light theme again after a restart" _light
keys C-q
shed_wait_exit 0
