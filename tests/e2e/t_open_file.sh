# `shed FILE` shows the file's text with line numbers, its name in the status line, its
# directory as the workspace in the tree, and the cursor at line 1, column 1.

printf 'def main():\n    print("hello from shed")\n\nmain()\n' >"$WS/main.py"
printf 'notes\n' >"$WS/README.md"
mkdir "$WS/src"

shed_start "$WS/main.py"
wait_line 2 '    print("hello from shed")'
wait_line 1 'def main():'
wait_line 4 'main()'
wait_line 3 ''
wait_no_line 5
wait_status ' proj '
wait_status 'main.py'
wait_status 'Ln 1, Col 1'
status=$(status_line)
[[ $status != *"●"* ]] || fail "a file just opened shows as modified: '$status'"
wait_for 'README.md'
wait_for 'src/'
wait_msg 'F1 help'
keys C-q
shed_wait_exit 0
