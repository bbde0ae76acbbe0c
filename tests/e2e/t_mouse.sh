# The mouse: a click in the text places the cursor there, a click on a tree entry opens it,
# the wheel scrolls the text under it. Sent as the SGR mouse reports a terminal would send
# (1-based column;row).

seq 1 100 | sed 's/^/line /; s/$/ and some more text/' >"$WS/m.txt"
printf 'other file\n' >"$WS/other.txt"

shed_start "$WS/m.txt"
wait_status 'm.txt'

# Row 8 of the screen is the editor's 7th line; column 45 is 10 cells into its text
# (tree 28 + border 1 + gutter 5 = 34 cells before it, 1-based: 35 is the first text cell).
_tm send-keys -l $'\e[<0;45;8M\e[<0;45;8m'
wait_status 'Ln 7, Col 11'

# Shift-click extends a selection to the click.
_tm send-keys -l $'\e[<4;37;10M\e[<4;37;10m'
wait_status 'Ln 9, Col 3'
keys C-c
wait_msg 'copied'

# The wheel scrolls three lines a notch and leaves the cursor alone.
_tm send-keys -l $'\e[<65;50;10M'
wait_row 1 '   4 line 4 and some more text'
wait_status 'Ln 9, Col 3'
_tm send-keys -l $'\e[<64;50;10M'
wait_row 1 '   1 line 1 and some more text'

# A click on a file in the tree opens it (rows: 1 root, 2 m.txt, 3 other.txt).
_tm send-keys -l $'\e[<0;8;4M\e[<0;8;4m'
wait_status 'other.txt'
wait_line 1 'other file'
keys C-q
shed_wait_exit 0
