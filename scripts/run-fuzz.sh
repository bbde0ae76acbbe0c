#!/usr/bin/env bash
# run-fuzz.sh SECONDS FUZZER... — runs each libFuzzer target for SECONDS over its seed corpus
# (tests/fuzz/corpus/NAME, copied to build/fuzz/corpus so the tree stays clean).
set -u
secs=$1; shift
passed=0 failed=0
for f in "$@"; do
  name=$(basename "$f")
  work=build/fuzz/corpus/$name
  mkdir -p "$work"
  [ -d tests/fuzz/corpus/$name ] && cp -n tests/fuzz/corpus/$name/* "$work"/ 2>/dev/null
  if "$f" -max_total_time="$secs" -max_len=4096 -timeout=10 "$work" \
       >build/fuzz/$name.log 2>&1; then
    echo "fuzz: $name ok ($(grep -o 'Done [0-9]* runs' build/fuzz/$name.log | tail -1))"
    passed=$((passed + 1))
  else
    echo "fuzz: $name FAILED, see build/fuzz/$name.log"; tail -30 build/fuzz/$name.log
    failed=$((failed + 1))
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" = 0 ]
