# The other prompts that take a path refuse to leave the workspace too: Ctrl-N's new file,
# and the commands new, mkdir and open (relative or absolute). Nothing is created outside
# and no file from outside is opened.

mkdir "$E2E_TMP/outside"
printf 'secret\n' >"$E2E_TMP/outside/secret.txt"
printf 'mine\n' >"$WS/a.txt"

shed_start "$WS/a.txt"
wait_line 1 'mine'
before=$(cd "$E2E_TMP" && ls -A | tr '\n' ' ')

keys C-n
wait_msg 'new file in proj/:'
type_text '../n1.txt'
keys Enter
wait_msg '../n1.txt: outside the workspace'

# command TEXT: runs TEXT at the Ctrl-E prompt and expects a refusal naming its path.
command()
{
    keys C-e
    wait_msg 'command:'
    type_text "$1"
    keys Enter
    wait_msg "${1#* }: outside the workspace"
    wait_status 'a.txt'
    wait_line 1 'mine'
}

command 'new ../n2.txt'
command 'mkdir ../d1'
command 'open ../outside/secret.txt'
command "open $E2E_TMP/outside/secret.txt"

wait_status '1/1'
wait_tree_lacks 'secret'
expect_eq "entries next to the workspace" "$(cd "$E2E_TMP" && ls -A | tr '\n' ' ')" "$before"
expect_dir_entries "$E2E_TMP/outside" secret.txt
expect_dir_entries "$WS" a.txt
keys C-q
shed_wait_exit 0
