#!/usr/bin/env bash
# lint.sh — static checks the project enables: cppcheck's warning and portability classes over
# src/ and ui/. Prints "lint: 1 passed, 0 failed" (or 0 passed, 1 failed with the findings).
set -u
cd "$(dirname "$0")/.."
out=$(cppcheck --quiet --enable=warning,portability --std=c11 -D_GNU_SOURCE -Isrc -Iui \
        --suppress=missingIncludeSystem --error-exitcode=1 src ui 2>&1)
rc=$?
[ -n "$out" ] && printf '%s\n' "$out"
if [ "$rc" = 0 ] && [ -z "$out" ]; then
  echo "lint: 1 passed, 0 failed"
else
  echo "lint: 0 passed, 1 failed"
  exit 1
fi
