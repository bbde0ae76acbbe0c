#!/usr/bin/env bash
# tests/e2e/run.sh — runs shed's end-to-end tests: every tests/e2e/t_NAME.sh, or only the
# NAMEs given (`tests/e2e/run.sh save_bytes find`). Each test drives $SHED_BIN (default
# ./shed in the repository root) in a tmux server of its own; see lib.sh for the helpers.
#
# Prints "ok - NAME" or "not ok - NAME" and the reason with the screen, then one last line
# "e2e: N passed, N failed"; exits 1 when a test failed, 2 when the suite cannot run.
# Environment: SHED_BIN, E2E_TIMEOUT (seconds per wait; 5, or 10 for an ASan build),
# E2E_KEEP=1 keeps each test's temporary directory, E2E_VERBOSE=1 shows what passing tests
# printed.

set -u

E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$E2E_DIR/../.." && pwd)

SHED_BIN=${SHED_BIN:-$ROOT/shed}
case $SHED_BIN in
/*) ;;
*) SHED_BIN=$ROOT/$SHED_BIN ;;
esac
if [[ ! -x $SHED_BIN ]]; then
    echo "e2e: $SHED_BIN: no such executable (run make, or set SHED_BIN)" >&2
    exit 2
fi
if ! command -v tmux >/dev/null; then
    echo "e2e: tmux not found (apt-get install tmux)" >&2
    exit 2
fi

if [[ -z ${E2E_TIMEOUT:-} ]]; then
    E2E_TIMEOUT=5
    if grep -q __asan_init "$SHED_BIN" 2>/dev/null; then
        E2E_TIMEOUT=10
    fi
fi

export SHED_BIN E2E_TIMEOUT E2E_RUN_PID=$$ LC_ALL=C.UTF-8
unset TMUX TMUX_PANE

# Safety net: no tmux server of this run survives it, whatever happened to a test.
log=
sweep()
{
    local sock
    [[ -n $log ]] && rm -f "$log"
    for sock in "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/shed-e2e-$$-"*; do
        [[ -S $sock ]] || continue
        tmux -S "$sock" kill-server 2>/dev/null
        rm -f "$sock"
    done
}
trap sweep EXIT
current=
interrupted()
{
    [[ -n $current ]] && kill -TERM "$current" 2>/dev/null && wait "$current"
    echo "e2e: interrupted" >&2
    exit 130
}
trap interrupted INT TERM HUP

tests=()
if (($#)); then
    for arg in "$@"; do
        name=${arg##*/}
        name=${name#t_}
        name=${name%.sh}
        if [[ ! -f $E2E_DIR/t_$name.sh ]]; then
            echo "e2e: no test named '$arg' (tests are $E2E_DIR/t_NAME.sh)" >&2
            exit 2
        fi
        tests+=("$name")
    done
else
    for f in "$E2E_DIR"/t_*.sh; do
        [[ -f $f ]] || continue
        name=${f##*/t_}
        tests+=("${name%.sh}")
    done
fi

passed=0
failed=0
log=$(mktemp "${TMPDIR:-/tmp}/shed-e2e-log.XXXXXX")
for name in "${tests[@]}"; do
    # A test runs in its own bash, so a stuck one can be stopped without stopping the suite.
    # shellcheck disable=SC2016  # expanded by that bash
    timeout -k 5 $((E2E_TIMEOUT * 12)) bash -c '
        . "$1/lib.sh"
        e2e_init "$2"
        trap e2e_cleanup EXIT
        trap "echo \"  $2: interrupted\"; exit 130" INT TERM HUP
        . "$1/t_$2.sh"
        e2e_finish
    ' e2e "$E2E_DIR" "$name" >"$log" 2>&1 </dev/null &
    current=$!
    wait "$current"
    rc=$?
    current=
    if ((rc == 0)); then
        echo "ok - $name"
        [[ -n ${E2E_VERBOSE:-} ]] && cat "$log"
        passed=$((passed + 1))
    else
        echo "not ok - $name"
        ((rc == 124)) && echo "  $name: the test itself timed out"
        cat "$log"
        failed=$((failed + 1))
    fi
done

echo "e2e: $passed passed, $failed failed"
((failed == 0))
