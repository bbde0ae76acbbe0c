#!/usr/bin/env bash
# run-tests.sh "UNIT_BINS" "FUZZ_BINS" — every suite `make test` runs: static checks (cppcheck),
# unit tests (cmocka, under ASan+UBSan), end-to-end tests (the ASan binary in tmux), a short
# fuzzing pass.
# Ends with one line "N passed, N failed" over all suites and fails if any test failed.
set -u
cd "$(dirname "$0")/.."
total_p=0 total_f=0
tally() { # reads a suite's output, echoes it, adds its closing counts
  local line p f
  while IFS= read -r line; do printf '%s\n' "$line"; last=$line; done
  p=$(printf '%s' "$last" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p')
  f=$(printf '%s' "$last" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p')
  echo "${p:-0} ${f:-1}" >"$tmp"
}
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
run_suite() {
  local name=$1; shift
  echo "== $name"
  "$@" 2>&1 | tally
  read -r p f <"$tmp"
  total_p=$((total_p + p)); total_f=$((total_f + f))
}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
run_suite lint scripts/lint.sh
run_suite unit scripts/run-unit.sh $1
run_suite e2e env SHED_BIN="$PWD/build/asan/shed" tests/e2e/run.sh
run_suite fuzz scripts/run-fuzz.sh "${FUZZ_TIME:-5}" $2
echo
echo "all suites: $total_p passed, $total_f failed"
[ "$total_f" = 0 ]
