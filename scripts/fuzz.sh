#!/usr/bin/env bash
# A short run of every fuzz target (`make fuzz`): each Fuzz function of the module for $1 (default 30s).
# Their seed corpora run in `make test` too; this searches past them.
set -euo pipefail
cd "$(dirname "$0")/.."
time=${1:-30s}
grep -rl --include='*_test.go' '^func Fuzz' . | sort | while read -r file; do
  pkg=./$(dirname "${file#./}")
  for fn in $(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' "$file"); do
    printf '==> %s %s (%s)\n' "$pkg" "$fn" "$time"
    go test -run '^$' -fuzz "^$fn\$" -fuzztime "$time" "$pkg" | tail -1
  done
done
