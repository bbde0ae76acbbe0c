# Names typed at the tree's prompts cannot leave the workspace: "../escape.txt", an absolute
# path, a folder "../out", a path through a symlink to outside and a rename to "../" are
# refused with a message, and nothing is created or moved outside.

mkdir "$E2E_TMP/outside"
ln -s "$E2E_TMP/outside" "$WS/link"
printf 'in\n' >"$WS/inside.txt"

shed_start "$WS"
wait_for 'inside.txt'
before=$(cd "$E2E_TMP" && ls -A | tr '\n' ' ')

# try KEY NAME: types NAME at the prompt KEY opens and expects a refusal.
try()
{
    keys M-1
    keys "$1"
    wait_msg 'in proj/:'
    type_text "$2"
    keys Enter
    wait_msg "outside the workspace"
    expect_alive
}

try a '../escape.txt'
try a "$E2E_TMP/abs.txt"
try a 'link/x.txt'
try a 'inside.txt/../../escape2.txt'
try A '../out'
try A 'link/sub'

# rename NAME: renames the selected inside.txt to NAME and expects a refusal.
rename()
{
    keys M-1
    keys r
    wait_msg 'rename to: inside.txt'
    keys C-u
    wait_row_is -1 ' rename to:'
    type_text "$1"
    keys Enter
    wait_msg "outside the workspace"
    expect_alive
    expect_file "$WS/inside.txt" $'in\n'
}

keys M-1
keys Down Down
keys d
wait_msg 'delete inside.txt? (y/n)'
keys n
wait_msg 'F1 help'
rename '../moved.txt'
rename 'link/moved.txt'
expect_missing "$E2E_TMP/moved.txt"

expect_missing "$E2E_TMP/escape.txt"
expect_missing "$E2E_TMP/escape2.txt"
expect_missing "$E2E_TMP/abs.txt"
expect_missing "$E2E_TMP/out"
expect_dir_entries "$E2E_TMP/outside"
expect_dir_entries "$WS" inside.txt link
expect_eq "entries next to the workspace" "$(cd "$E2E_TMP" && ls -A | tr '\n' ' ')" "$before"
keys C-q
shed_wait_exit 0
