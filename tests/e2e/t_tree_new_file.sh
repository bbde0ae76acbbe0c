# In the tree, 'a' asks for a name and creates the file on disk, lists it and opens it; 'A'
# creates a folder. What is typed into the new file saves into it.

printf 'x\n' >"$WS/existing.txt"

shed_start "$WS"
wait_for 'existing.txt'
keys a
wait_msg 'new file in proj/:'
type_text 'notes.txt'
keys Enter
wait_msg 'created notes.txt'
expect_file "$WS/notes.txt" ''
wait_status 'notes.txt'
wait_tree_has 'notes.txt'
type_text 'first note'
wait_line 1 'first note'
keys C-s
wait_msg 'saved notes.txt'
[[ $(head -c 10 "$WS/notes.txt") == 'first note' ]] ||
    fail "notes.txt does not hold the typed text: $(od -c "$WS/notes.txt")"

keys M-1
keys A
wait_msg 'new folder in proj/:'
type_text 'docs'
keys Enter
wait_tree_has 'docs/'
[[ -d $WS/docs ]] || fail "folder docs was not created"

keys C-q
shed_wait_exit 0
