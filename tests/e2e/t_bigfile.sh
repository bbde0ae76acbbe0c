# A 5 MB source file paints at once, answers keys while its colours are still being worked
# out, and gets its colours.

python3 - "$WS/big.py" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    i = 0
    while f.tell() < 5 * 1024 * 1024:
        f.write(f"def function_{i}(x):\n    return x * {i}  # step {i}\n\n")
        i += 1
PY

shed_start "$WS/big.py"
wait_line 1 'def function_0(x):'
type_text 'Q'
wait_line 1 'Qdef function_0(x):'
keys BSpace
wait_line 1 'def function_0(x):'
keys C-End
wait_status "Ln $(wc -l <"$WS/big.py"),"
keys C-Home
wait_status 'Ln 1, Col 1'

r=$(row_of 'def function_0(x):')
c=$(col_of "$r" 'def function_0')
fg() { cell_attrs "$r" "$1" | grep -o 'fg=[^ ]*'; }
_coloured() { [[ $(fg "$c") != $(fg $((c + 18))) ]]; }
wait_until "'def' coloured" _coloured

keys C-q
wait_msg 'unsaved changes'
keys d
shed_wait_exit 0
