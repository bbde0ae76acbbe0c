# Ctrl-Q with unsaved changes asks; (c)ancel keeps shed open with the text still modified and
# nothing written; Esc at the question cancels too.

printf 'original\n' >"$WS/q.txt"

shed_start "$WS/q.txt"
wait_line 1 'original'
type_text 'new '
wait_line 1 'new original'
keys C-q
wait_msg 'q.txt has unsaved changes: (s)ave and quit, (d)iscard and quit, (c)ancel?'
keys c
wait_msg 'F1 help'
expect_alive
wait_line 1 'new original'
wait_status 'q.txt ●'
expect_file "$WS/q.txt" $'original\n'

# The question ignores other keys, and the editor gets them after the cancel.
keys C-q
wait_msg 'has unsaved changes'
keys x
keys Escape
wait_msg 'F1 help'
expect_alive
type_text 'more '
wait_line 1 'new more original'
expect_file "$WS/q.txt" $'original\n'
