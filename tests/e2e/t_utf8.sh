# Multi-byte and double-width characters: they show as typed, the column counts screen
# cells, Backspace removes one whole character, and the bytes on disk are UTF-8.

printf 'héllo 日本 wörld\n' >"$WS/u.txt"

shed_start "$WS/u.txt"
wait_line 1 'héllo 日本 wörld'
keys End
wait_status 'Ln 1, Col 17'
keys Left Left Left Left Left Left
wait_status 'Ln 1, Col 11'
type_text 'ñ中'
wait_line 1 'héllo 日本ñ中 wörld'
wait_status 'Ln 1, Col 14'
keys BSpace
wait_line 1 'héllo 日本ñ wörld'
wait_status 'Ln 1, Col 12'
keys C-s
wait_msg 'saved u.txt (23 bytes)'
expect_file "$WS/u.txt" $'h\xc3\xa9llo \xe6\x97\xa5\xe6\x9c\xac\xc3\xb1 w\xc3\xb6rld\n'
keys C-q
shed_wait_exit 0
