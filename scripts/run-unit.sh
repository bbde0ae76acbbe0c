#!/usr/bin/env bash
# run-unit.sh — runs the cmocka unit test binaries given as arguments and sums their results.
# Prints each suite's output and a closing "unit: N passed, N failed".
set -u
passed=0 failed=0
for t in "$@"; do
  out=$("$t" 2>&1); rc=$?
  printf '%s\n' "$out"
  p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
  f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  if [ "$rc" != 0 ] && [ -z "$f" ]; then
    echo "unit: $t exited with status $rc" >&2
    failed=$((failed + 1))
  fi
done
echo "unit: $passed passed, $failed failed"
[ "$failed" = 0 ]
