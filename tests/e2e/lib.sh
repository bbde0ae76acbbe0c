# tests/e2e/lib.sh — helpers for shed's end-to-end tests, sourced by run.sh.
#
# One test is one t_NAME.sh file, sourced by a bash of its own after e2e_init. It drives the real
# binary ($SHED_BIN) inside a tmux server of its own (socket shed-e2e-<runner pid>-NAME, no
# config file) at a fixed size, sends keys with send-keys and reads the screen with
# capture-pane. Every test has fresh directories under $E2E_TMP: the workspace $WS, HOME,
# SHED_HOME, XDG_CONFIG_HOME and the sanitizer logs; nothing touches the user's data.
#
# Waiting is always polling for something a person would see, up to $E2E_TIMEOUT seconds;
# a helper that gives up calls fail, which prints the reason and the screen and ends the
# test. After the test body, e2e_finish stops shed (if still running) and fails the test
# when shed left an ASan/UBSan report or died on its own with a non-zero status.

# shellcheck shell=bash
# shellcheck disable=SC2034  # RUN_*, SHED_STATUS, WS and E2E_* are read by the t_*.sh files
# shellcheck disable=SC2119,SC2120  # screen's arguments are optional capture-pane flags

E2E_POLL=0.02

# ---- set-up and tear-down ------------------------------------------------------------------

# e2e_init NAME: fresh directories and the tmux socket name for one test.
e2e_init()
{
    E2E_NAME=$1
    E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/shed-e2e.XXXXXX") || exit 1
    WS=$E2E_TMP/proj
    E2E_SHED_HOME=$E2E_TMP/shed-home
    E2E_SAN=$E2E_TMP/sanitizer
    E2E_H=$E2E_TMP/harness
    mkdir -p "$WS" "$E2E_SHED_HOME" "$E2E_SAN" "$E2E_H" "$E2E_TMP/home" "$E2E_TMP/config" \
        "$E2E_TMP/data" "$E2E_TMP/state" "$E2E_TMP/cache"
    E2E_SOCK=shed-e2e-${E2E_RUN_PID:-$$}-$E2E_NAME
    E2E_MAIN_PID=$BASHPID
    E2E_PID=
    E2E_WRAPPER=
    E2E_STATUS_FILE=$E2E_H/exit-status
    E2E_STATUS_SEEN=0
    SHED_STATUS=
}

# e2e_env: the environment shed runs with, one NAME=VALUE a line (quoted for sh).
e2e_env()
{
    local kv asan ubsan
    # The caller's sanitizer options stay; the log paths and leak checking are ours.
    asan="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$E2E_SAN/asan:detect_leaks=1"
    ubsan="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$E2E_SAN/ubsan:print_stacktrace=1"
    for kv in \
        "TERM=xterm-256color" \
        "LANG=C.UTF-8" \
        "LC_ALL=C.UTF-8" \
        "HOME=$E2E_TMP/home" \
        "SHED_HOME=$E2E_SHED_HOME" \
        "XDG_CONFIG_HOME=$E2E_TMP/config" \
        "XDG_DATA_HOME=$E2E_TMP/data" \
        "XDG_STATE_HOME=$E2E_TMP/state" \
        "XDG_CACHE_HOME=$E2E_TMP/cache" \
        "ASAN_OPTIONS=$asan" \
        "UBSAN_OPTIONS=$ubsan" \
        "NCURSES_NO_UTF8_ACS=1"; do
        printf 'export %s=%q\n' "${kv%%=*}" "${kv#*=}"
    done
    # NCURSES_NO_UTF8_ACS above: ncurses draws lines as UTF-8 (│) instead of the terminal's
    # alternate character set, which capture-pane would print as plain letters ('x').
    echo 'unset NO_COLOR COLORTERM DISPLAY WAYLAND_DISPLAY'
}

# e2e_cleanup: the EXIT trap of a test's subshell. Kills this test's tmux server and shed
# (by its pid only), shows sanitizer reports left by a failed test, removes the directories.
e2e_cleanup()
{
    _kill_server
    if [[ -n $E2E_PID ]] && _pid_alive "$E2E_PID"; then
        _wait_pid_gone "$E2E_PID" || kill -KILL "$E2E_PID" 2>/dev/null
    fi
    if [[ ${E2E_RESULT:-fail} == fail ]]; then
        _show_sanitizer_logs
    fi
    if [[ -n ${E2E_KEEP:-} ]]; then
        echo "  (kept $E2E_TMP)"
    else
        rm -rf "$E2E_TMP"
    fi
}

# e2e_finish: called after a test body that did not fail. Stops shed, checks how it ended and
# that no sanitizer complained.
e2e_finish()
{
    if [[ -f $E2E_H/failed ]]; then
        fail "$(cat "$E2E_H/failed")"
    fi
    if [[ -n $E2E_PID ]]; then
        if ! _shed_exited; then
            kill -TERM "$E2E_PID" 2>/dev/null
            wait_until "shed to exit after SIGTERM" _shed_exited
        elif [[ $E2E_STATUS_SEEN == 0 ]]; then
            [[ $(cat "$E2E_STATUS_FILE") == 0 ]] ||
                fail "shed exited on its own with status $(_exit_status)"
        fi
        _kill_server
    fi
    if _sanitizer_logs_exist; then
        echo "  $E2E_NAME: shed left sanitizer reports:"
        _show_sanitizer_logs
        E2E_RESULT=reported
        exit 1
    fi
    E2E_RESULT=ok
}

# _kill_server: kills this test's tmux server and removes its socket, which tmux leaves.
_kill_server()
{
    local sock
    sock="${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$E2E_SOCK"
    tmux -L "$E2E_SOCK" -f /dev/null kill-server 2>/dev/null
    [[ -S $sock ]] && rm -f "$sock"
}

_sanitizer_logs_exist()
{
    compgen -G "$E2E_SAN/*" >/dev/null
}

_show_sanitizer_logs()
{
    local f
    for f in "$E2E_SAN"/*; do
        [[ -f $f ]] || continue
        echo "  --- ${f##*/}"
        sed -n '1,60p' "$f" | sed 's/^/  | /'
    done
}

# ---- running shed ----------------------------------------------------------------------------

_tm()
{
    tmux -L "$E2E_SOCK" -f /dev/null "$@"
}

# shed_start [--env NAME=VALUE]... [--size COLSxROWS] [--] [ARG]...: starts shed in the
# test's tmux pane (a new server, or the same pane again after shed exited) and waits for its
# first screen. The working directory is $WS.
shed_start()
{
    local extra=() cols=100 rows=30
    while (($#)); do
        case $1 in
        --env) extra+=("$2"); shift 2 ;;
        --size) cols=${2%x*}; rows=${2#*x}; shift 2 ;;
        --) shift; break ;;
        *) break ;;
        esac
    done
    local launch=$E2E_H/launch.sh kv
    # shed runs as the child of a small sh that records its exit status in a file: tmux's own
    # #{pane_dead_status} is sometimes lost when the pty closes before tmux reaps the child.
    {
        e2e_env
        for kv in "${extra[@]}"; do
            printf 'export %s=%q\n' "${kv%%=*}" "${kv#*=}"
        done
        printf 'cd %q || exit 111\n' "$WS"
        printf '%q' "$SHED_BIN"
        (($#)) && printf ' %q' "$@" # printf with no argument would still print ''
        echo
        printf 'echo $? >%q && mv %q %q\n' "$E2E_STATUS_FILE.tmp" "$E2E_STATUS_FILE.tmp" \
            "$E2E_STATUS_FILE"
    } >"$launch"
    if [[ -n $E2E_PID ]] && _pid_alive "$E2E_PID"; then
        fail "shed_start: shed (pid $E2E_PID) is still running"
    fi
    if [[ -n $E2E_PID && $E2E_STATUS_SEEN == 0 ]] && _shed_exited &&
        [[ $(cat "$E2E_STATUS_FILE") != 0 ]]; then
        fail "the previous shed exited with status $(_exit_status)"
    fi
    rm -f "$E2E_STATUS_FILE"
    local cmd
    cmd="exec sh $(printf %q "$launch")"
    if _tm has-session -t shed 2>/dev/null; then
        _tm resize-window -t shed -x "$cols" -y "$rows" \; respawn-pane -k -t shed "$cmd" ||
            fail "shed_start: tmux respawn-pane failed"
    else
        _tm new-session -d -s shed -x "$cols" -y "$rows" "$cmd" \
            \; set -g remain-on-exit on \; set -g window-size manual \
            \; set -g status off ||
            fail "shed_start: tmux new-session failed"
    fi
    E2E_WRAPPER=$(_tm display -p -t shed '#{pane_pid}')
    E2E_PID=
    E2E_STATUS_SEEN=0
    SHED_STATUS=
    wait_until "shed to start" _find_shed_pid
    wait_until "shed to draw its first screen" _screen_drawn
}

_find_shed_pid()
{
    local kids
    kids=$(cat "/proc/$E2E_WRAPPER/task/$E2E_WRAPPER/children" 2>/dev/null)
    if [[ -n $kids ]]; then
        E2E_PID=${kids%% *}
        return 0
    fi
    _shed_exited
}

# shed_run ARG...: runs shed outside tmux with the test environment; sets RUN_STATUS,
# RUN_OUT and RUN_ERR.
shed_run()
{
    local env_file=$E2E_H/env.sh
    e2e_env >"$env_file"
    # shellcheck source=/dev/null
    RUN_OUT=$(cd "$WS" && . "$env_file" && "$SHED_BIN" "$@" 2>"$E2E_H/stderr" </dev/null)
    RUN_STATUS=$?
    RUN_ERR=$(cat "$E2E_H/stderr")
}

# shed_pid: the pid of the running shed (for kill).
shed_pid()
{
    echo "$E2E_PID"
}

shed_alive()
{
    ! _shed_exited && [[ -n $E2E_PID ]] && _pid_alive "$E2E_PID"
}

# shed_wait_exit [STATUS]: waits for shed to exit; sets SHED_STATUS and, when STATUS is
# given, fails unless shed exited with it (128+N: killed by signal N).
shed_wait_exit()
{
    wait_until "shed to exit" _shed_exited
    SHED_STATUS=$(cat "$E2E_STATUS_FILE")
    E2E_STATUS_SEEN=1
    if [[ $# -gt 0 && $SHED_STATUS != "$1" ]]; then
        fail "shed exited with status $(_exit_status), expected $1"
    fi
}

# shed_kill_server: closes the terminal under shed (kills the tmux server, which hangs up
# the pane) and waits for shed to be gone. The next shed_start starts a new server.
shed_kill_server()
{
    _kill_server
    _wait_pid_gone "$E2E_PID" || fail "shed (pid $E2E_PID) still runs after its terminal closed"
    E2E_PID=
}

_shed_exited()
{
    [[ -f $E2E_STATUS_FILE ]]
}

# _exit_status: shed's exit status, saying which signal when one killed it.
_exit_status()
{
    local st
    st=$(cat "$E2E_STATUS_FILE" 2>/dev/null) || {
        echo "unknown (still running?)"
        return
    }
    if ((st > 128 && st < 160)); then
        echo "$st (signal $(kill -l $((st - 128)) 2>/dev/null))"
    else
        echo "$st"
    fi
}

_pid_alive()
{
    local state
    [[ -r /proc/$1/stat ]] || return 1
    state=$(sed 's/.*) //; s/ .*//' "/proc/$1/stat" 2>/dev/null)
    [[ -n $state && $state != Z && $state != X ]]
}

_wait_pid_gone()
{
    local deadline
    deadline=$(_deadline)
    while _pid_alive "$1"; do
        _before "$deadline" || return 1
        sleep "$E2E_POLL"
    done
}

_screen_drawn()
{
    _shed_exited && return 0
    [[ -n $(_tm capture-pane -p -t shed | tr -d ' \n') ]]
}

# ---- keys ------------------------------------------------------------------------------------

# keys KEY...: tmux key names (Enter, Escape, C-s, M-1, F3, S-F3, Down...) or literal words.
# An Escape followed too quickly by another key reads as Alt-key (shed waits 25 ms), so send
# Escape alone and wait for its effect before the next key.
keys()
{
    _tm send-keys -t shed "$@" || fail "tmux send-keys $*"
}

# type_text TEXT: types TEXT literally, as from the keyboard.
type_text()
{
    _tm send-keys -t shed -l -- "$1" || fail "tmux send-keys -l"
}

# paste_text TEXT: sends TEXT as a bracketed paste (ESC[200~ TEXT ESC[201~).
paste_text()
{
    _tm send-keys -t shed -l -- $'\e[200~'"$1"$'\e[201~' || fail "tmux send-keys (paste)"
}

# paste_buffer TEXT: pastes TEXT through a tmux buffer with paste-buffer -p, which brackets
# it only if shed turned bracketed paste on (as a terminal does).
paste_buffer()
{
    printf '%s' "$1" | _tm load-buffer -b e2e - || fail "tmux load-buffer"
    _tm paste-buffer -p -d -b e2e -t shed || fail "tmux paste-buffer"
}

resize()
{
    _tm resize-window -t shed -x "$1" -y "$2" || fail "tmux resize-window $1 $2"
}

# ---- reading the screen ----------------------------------------------------------------------

# screen [-e]: the whole screen, one line a row (-e: with SGR attribute sequences).
screen()
{
    _tm capture-pane -p -t shed "$@"
}

screen_rows()
{
    _tm display -p -t shed '#{pane_height}'
}

# row N [-e]: one row of the screen; N counts from 0 at the top, or from -1 at the bottom.
row()
{
    local n=$1
    shift
    if ((n < 0)); then
        n=$(($(screen_rows) + n))
    fi
    _tm capture-pane -p -t shed -S "$n" -E "$n" "$@"
}

status_line()
{
    row 0
}

message_line()
{
    row -1
}

# editor_line N: the text the editor shows for line N (after the line-number gutter), or
# fails when line N is not on screen. Trailing blanks are not visible.
editor_line()
{
    local re="│ *$1( (.*))?\$" r
    while IFS= read -r r; do
        if [[ $r =~ $re ]]; then
            printf '%s\n' "${BASH_REMATCH[2]}"
            return 0
        fi
    done < <(screen)
    return 1
}

# tree_text: the file tree as shown, the part of each row left of the border (rows 1 to the
# one above the message line); nothing when the tree is hidden.
tree_text()
{
    local r
    screen | sed '1d;$d' | while IFS= read -r r; do
        [[ $r == *"│"* ]] || continue
        printf '%s\n' "${r%%│*}"
    done
}

_tree_has()
{
    [[ $(tree_text) == *"$1"* ]]
}

_tree_lacks()
{
    [[ $(tree_text) != *"$1"* ]]
}

wait_tree_has()
{
    wait_until "'$1' in the file tree" _tree_has "$1"
}

wait_tree_lacks()
{
    wait_until "'$1' to leave the file tree" _tree_lacks "$1"
}

# col_of N TEXT: the column (from 0) where TEXT first appears in row N; returns 1 when it
# is not there.
col_of()
{
    local line prefix
    line=$(row "$1")
    prefix=${line%%"$2"*}
    [[ $prefix != "$line" ]] || return 1
    echo "${#prefix}"
}

# row_of TEXT: the first screen row showing TEXT; returns 1 when none does.
row_of()
{
    local n
    n=$(screen | grep -n -F -m1 -- "$1" | cut -d: -f1)
    [[ -n $n ]] || return 1
    echo $((n - 1))
}

# cell_attrs N COL: the attributes of one cell, normalised, e.g. "fg=253 bg=238 bold reverse"
# (fg/bg are 256-colour indexes, r;g;b, or "default").
cell_attrs()
{
    local line col=0 i=0 c rest params target=$2
    local sgr_re=$'^\e\\[([0-9;:]*)m' esc_re=$'^\e.'
    line=$(row "$1" -e)
    _sgr_reset
    while ((i < ${#line})); do
        c=${line:i:1}
        if [[ $c == $'\e' ]]; then
            rest=${line:i:64}
            if [[ $rest =~ $sgr_re ]]; then
                params=${BASH_REMATCH[1]}
                _sgr_apply "$params"
                ((i += ${#BASH_REMATCH[0]}))
            elif [[ $rest =~ $esc_re ]]; then
                ((i += 2))
            else
                ((i += 1))
            fi
            continue
        fi
        if [[ $c == $'\016' || $c == $'\017' ]]; then
            ((i += 1))
            continue
        fi
        if ((col == target)); then
            _sgr_print
            return 0
        fi
        ((col += 1, i += 1))
    done
    _sgr_print # past the last printed cell: the attributes in force there
}

_sgr_reset()
{
    S_FG=default S_BG=default S_FLAGS=()
}

# _sgr_flag on|off NAME (SGR 22 turns off both bold and dim).
_sgr_flag()
{
    local f keep=()
    for f in "${S_FLAGS[@]}"; do
        [[ $f == "$2" || ($1 == off && $2 == bold && $f == dim) ]] || keep+=("$f")
    done
    S_FLAGS=("${keep[@]}")
    if [[ $1 == on ]]; then
        S_FLAGS+=("$2")
    fi
}

_sgr_apply()
{
    local -a p
    IFS=';:' read -r -a p <<<"$1"
    ((${#p[@]})) || p=(0)
    local k=0 n
    while ((k < ${#p[@]})); do
        n=${p[k]:-0}
        n=$((10#$n))
        case $n in
        0) _sgr_reset ;;
        1) _sgr_flag on bold ;;
        2) _sgr_flag on dim ;;
        3) _sgr_flag on italic ;;
        4) _sgr_flag on underline ;;
        5) _sgr_flag on blink ;;
        7) _sgr_flag on reverse ;;
        8) _sgr_flag on hidden ;;
        9) _sgr_flag on strike ;;
        22) _sgr_flag off bold ;;
        23) _sgr_flag off italic ;;
        24) _sgr_flag off underline ;;
        25) _sgr_flag off blink ;;
        27) _sgr_flag off reverse ;;
        28) _sgr_flag off hidden ;;
        29) _sgr_flag off strike ;;
        3[0-7]) S_FG=$((n - 30)) ;;
        39) S_FG=default ;;
        4[0-7]) S_BG=$((n - 40)) ;;
        49) S_BG=default ;;
        9[0-7]) S_FG=$((n - 90 + 8)) ;;
        10[0-7]) S_BG=$((n - 100 + 8)) ;;
        38 | 48)
            local v
            if [[ ${p[k + 1]} == 5 ]]; then
                v=${p[k + 2]}
                ((k += 2))
            else
                v="${p[k + 2]},${p[k + 3]},${p[k + 4]}"
                ((k += 4))
            fi
            if ((n == 38)); then S_FG=$v; else S_BG=$v; fi
            ;;
        esac
        ((k += 1))
    done
}

_sgr_print()
{
    local out="fg=$S_FG bg=$S_BG" f
    for f in $(printf '%s\n' "${S_FLAGS[@]}" | sort); do
        out+=" $f"
    done
    echo "$out"
}

# ---- the terminal pane ----------------------------------------------------------------------

# TERM_SH: shed_start arguments that make the pane run sh without a startup file and with the
# prompt "$ " (shown as "$" once trailing blanks are cut).
TERM_SH=(--env SHELL=/bin/sh --env ENV=/dev/null --env 'PS1=$ ')

# term_find: finds the pane by its tab bar (" 1: shell │..." right of the file tree's border,
# or from column 0): sets TERM_Y (the tab bar's row) and TERM_X (the pane's first column);
# returns 1 when no pane is shown.
term_find()
{
    _term_find_in "$(screen)"
}

# _term_find_in SCREEN: term_find on a screen already captured.
_term_find_in()
{
    local re='^([^│]*│)? [0-9]+: [^│]*│' n=0 r
    while IFS= read -r r; do
        if [[ $r =~ $re ]]; then
            TERM_Y=$n
            TERM_X=${#BASH_REMATCH[1]}
            return 0
        fi
        ((n += 1))
    done <<<"$1"
    return 1
}

# term_lines: the pane's rows below its tab bar (down to the one above the message line), its
# columns only, trailing blanks cut.
term_lines()
{
    local s r
    s=$(screen)
    _term_find_in "$s" || return 1
    sed -n "$((TERM_Y + 2)),$(($(screen_rows) - 1))p" <<<"$s" | while IFS= read -r r; do
        r=${r:TERM_X}
        printf '%s\n' "${r%"${r##*[! ]}"}"
    done
}

# term_last: the pane's last row that is not blank.
term_last()
{
    term_lines | sed '/^$/d' | tail -n 1
}

_term_has_line()
{
    term_lines | grep -q -x -F -- "$1"
}

_term_last_is()
{
    [[ $(term_last) == "$1" ]]
}

# wait_term_line TEXT: a row of the pane is exactly TEXT.
wait_term_line()
{
    wait_until "a terminal row '$1'" _term_has_line "$1"
}

# wait_term_last TEXT: the pane's last row that is not blank is exactly TEXT ("$": the prompt).
wait_term_last()
{
    wait_until "'$1' as the terminal's last row" _term_last_is "$1"
}

# term_cmd TEXT: types TEXT and Enter into the focused pane.
term_cmd()
{
    type_text "$1"
    keys Enter
}

# ---- waiting ---------------------------------------------------------------------------------

_deadline()
{
    local now=${EPOCHREALTIME/./}
    echo $((now + ${E2E_TIMEOUT:-5} * 1000000))
}

_before()
{
    local now=${EPOCHREALTIME/./}
    ((now < $1))
}

# wait_until WHAT CMD...: polls CMD until it succeeds; fails naming WHAT on time-out.
wait_until()
{
    local what=$1 deadline
    shift
    deadline=$(_deadline)
    until "$@"; do
        if ! _before "$deadline"; then
            "$@" && return 0
            local why="timed out after ${E2E_TIMEOUT:-5}s waiting for $what"
            if [[ -n $E2E_PID ]] && _shed_exited; then
                why+=" (shed exited with status $(_exit_status))"
            fi
            fail "$why"
        fi
        sleep "$E2E_POLL"
    done
}

_screen_has()
{
    [[ $(screen) == *"$1"* ]]
}

_screen_lacks()
{
    [[ $(screen) != *"$1"* ]]
}

_row_has()
{
    [[ $(row "$1") == *"$2"* ]]
}

_row_lacks()
{
    [[ $(row "$1") != *"$2"* ]]
}

_row_is()
{
    local r
    r=$(row "$1")
    [[ ${r%"${r##*[! ]}"} == "$2" ]]
}

_editor_line_is()
{
    local t
    t=$(editor_line "$1") && [[ $t == "$2" ]]
}

_editor_line_absent()
{
    ! editor_line "$1" >/dev/null
}

# wait_for TEXT: TEXT appears anywhere on the screen.
wait_for()
{
    wait_until "'$1' on the screen" _screen_has "$1"
}

# wait_gone TEXT: TEXT is nowhere on the screen.
wait_gone()
{
    wait_until "'$1' to leave the screen" _screen_lacks "$1"
}

# wait_row N TEXT: row N (negative: from the bottom) contains TEXT.
wait_row()
{
    wait_until "'$2' in row $1" _row_has "$1" "$2"
}

wait_row_lacks()
{
    wait_until "row $1 without '$2'" _row_lacks "$1" "$2"
}

# wait_row_is N TEXT: row N is exactly TEXT (trailing blanks ignored).
wait_row_is()
{
    wait_until "row $1 to be exactly '$2'" _row_is "$1" "$2"
}

wait_status()
{
    wait_row 0 "$1"
}

wait_msg()
{
    wait_row -1 "$1"
}

# wait_line N TEXT: the editor shows TEXT as line N.
wait_line()
{
    wait_until "editor line $1 to be '$2'" _editor_line_is "$1" "$2"
}

# wait_no_line N: the editor shows no line N (the buffer is shorter).
wait_no_line()
{
    wait_until "editor line $1 to disappear" _editor_line_absent "$1"
}

# ---- checks ----------------------------------------------------------------------------------

# fail MESSAGE: ends the test, showing MESSAGE and the screen. Called inside $(...), it can
# only end that subshell: it leaves a mark that e2e_finish turns into a failure.
fail()
{
    echo "  $E2E_NAME: $*"
    if [[ $BASHPID != "$E2E_MAIN_PID" ]]; then
        echo "  $E2E_NAME: $*" >>"$E2E_H/failed"
        exit 1
    fi
    if [[ -n ${E2E_PID:-} ]] && _tm has-session -t shed 2>/dev/null; then
        echo "  screen:"
        screen | sed 's/^/  |/'
    fi
    exit 1
}

expect_screen_has()
{
    _screen_has "$1" || fail "expected '$1' on the screen"
}

expect_screen_lacks()
{
    _screen_lacks "$1" || fail "did not expect '$1' on the screen"
}

expect_row()
{
    _row_has "$1" "$2" || fail "expected '$2' in row $1, saw '$(row "$1")'"
}

expect_alive()
{
    shed_alive || fail "shed exited (status $(_exit_status))"
}

# expect_file PATH CONTENT: PATH holds exactly CONTENT (use $'...' for \r, \t, \n).
expect_file()
{
    [[ -f $1 ]] || fail "expected file $1 to exist"
    local want=$E2E_H/expected
    printf '%s' "$2" >"$want"
    if ! cmp -s "$want" "$1"; then
        echo "  $E2E_NAME: ${1#"$E2E_TMP"/} has the wrong bytes"
        echo "  expected:"
        od -c "$want" | sed 's/^/  |/'
        echo "  on disk:"
        od -c "$1" | sed 's/^/  |/'
        fail "file content differs"
    fi
}

expect_exists()
{
    [[ -e $1 || -L $1 ]] || fail "expected $1 to exist"
}

expect_missing()
{
    [[ ! -e $1 && ! -L $1 ]] || fail "expected $1 not to exist"
}

# expect_eq WHAT GOT WANT
expect_eq()
{
    [[ $2 == "$3" ]] || fail "$1: expected '$3', got '$2'"
}

expect_ne()
{
    [[ $2 != "$3" ]] || fail "$1: expected something other than '$3'"
}

# expect_dir_entries DIR NAME...: DIR holds exactly these entries (dot files included).
expect_dir_entries()
{
    local dir=$1 got want
    shift
    got=$(cd "$dir" && LC_ALL=C ls -A | tr '\n' ' ')
    want=
    if (($#)); then
        want=$(printf '%s\n' "$@" | LC_ALL=C sort | tr '\n' ' ')
    fi
    [[ $got == "$want" ]] || fail "entries of $dir: expected '$want', got '$got'"
}
