# Editing by syntax: Alt-Up selects the enclosing node and grows, Alt-Down shrinks back; the
# bracket matching the one at the cursor is marked; Ctrl-/ comments and uncomments lines.

printf 'x = foo(bar, baz)\ny = 2\n' >"$WS/s.py"

shed_start "$WS/s.py"
wait_line 1 'x = foo(bar, baz)'
r=$(row_of 'x = foo(bar, baz)')
c=$(col_of "$r" 'x = foo')
fg() { cell_attrs "$r" "$1"; }
_coloured() { [[ $(fg "$c") != $(fg $((c + 2))) ]]; }
wait_until "colours" _coloured

# The closing bracket looks different while the cursor is on the opening one.
close_before=$(fg $((c + 16)))
keys Right Right Right Right Right Right Right
wait_status 'Ln 1, Col 8'
_marked() { [[ $(fg $((c + 16))) != "$close_before" ]]; }
wait_until "')' marked as the partner of '('" _marked
keys Down
_unmarked() { [[ $(fg $((c + 16))) == "$close_before" ]]; }
wait_until "')' plain again" _unmarked

# Grow from inside "bar": the identifier, then the argument list; shrink back.
keys Up Right
wait_status 'Ln 1, Col 9'
keys M-Up C-c
wait_msg 'copied 3 bytes'
keys M-Up C-c
wait_msg 'copied 10 bytes'
keys M-Down C-c
wait_msg 'copied 3 bytes'

# Comment and uncomment both lines, each a single undo step.
keys C-a C-_
wait_line 1 '# x = foo(bar, baz)'
wait_line 2 '# y = 2'
keys C-_
wait_line 1 'x = foo(bar, baz)'
keys C-_ C-z
wait_line 1 'x = foo(bar, baz)'
wait_line 2 'y = 2'

keys C-q
wait_msg 'unsaved changes'
keys d
shed_wait_exit 0
