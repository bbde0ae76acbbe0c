# Tree-sitter colours: a keyword, a function name, a string and a comment each get their own
# colour from the theme, the plain text keeps the text colour, and the status line names the
# language.

printf 'def greet(name):\n    return "hi " + name  # say hi\n' >"$WS/h.py"

shed_start "$WS/h.py"
wait_line 1 'def greet(name):'
wait_status 'python'
r1=$(row_of 'def greet(name):')
c1=$(col_of "$r1" 'def greet')
r2=$(row_of 'return "hi "')
c2=$(col_of "$r2" 'return')
fg() { cell_attrs "$1" "$2" | grep -o 'fg=[^ ]*'; }

_coloured() { [[ $(fg "$r1" "$c1") != $(fg "$r1" $((c1 + 9))) ]]; }
wait_until "'def' coloured unlike '('" _coloured

kw=$(fg "$r1" "$c1")             # def
fn=$(fg "$r1" $((c1 + 4)))       # greet
paren=$(fg "$r1" $((c1 + 9)))    # (
ret=$(fg "$r2" "$c2")            # return
str=$(fg "$r2" $((c2 + 7)))      # "hi "
com=$(fg "$r2" $((c2 + 22)))     # # say hi
[[ $kw == "$ret" ]] || fail "'def' ($kw) and 'return' ($ret) are both keywords but differ"
[[ $kw != "$fn" ]] || fail "keyword and function name share $kw"
[[ $str != "$kw" && $str != "$paren" ]] || fail "the string is not coloured ($str)"
[[ $com != "$str" && $com != "$paren" ]] || fail "the comment is not coloured ($com)"

# Typing keeps the colours current: a new keyword line gets the keyword colour.
keys C-End Enter
type_text 'import os'
wait_line 3 '    import os'
r3=$(row_of 'import os')
c3=$(col_of "$r3" 'import')
_imported() { [[ $(fg "$r3" "$c3") == "$kw" ]]; }
wait_until "'import' in the keyword colour" _imported

keys C-q
wait_msg 'unsaved changes'
keys d
shed_wait_exit 0
