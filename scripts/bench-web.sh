#!/usr/bin/env bash
# The page benchmark (`make bench-web`): the citizen page in headless Chromium against the real server on a
# fresh database of 5,000 places (internal/webtest/bench_web_test.go). It prints the JavaScript and CSS
# each public page loads, gzipped (budget 150 KB with Leaflet); the time from navigation to the first
# results listed, cold and warm (budget 1 s); and the frame rate while dragging the map over all 5,000
# places (clusters) and over a street view (single points). Figures, not pass/fail.
# Needs what `make test` provisions: the PostgreSQL cluster (or TEST_DATABASE_URL), static/node_modules,
# and Chromium (or CHROMIUM=path).
set -euo pipefail
cd "$(dirname "$0")/.."
exec go test ./internal/webtest/ -run '^$' -bench '^BenchmarkWebPage$' -benchtime 1x -count 1 -v
