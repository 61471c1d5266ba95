#!/usr/bin/env bash
# Serves on LISTEN_ADDR (default :8080). When a legalmap already answers there (a second `make run`), it says
# so and leaves it running instead of failing on a busy port.
set -euo pipefail
bin=$1
addr=${LISTEN_ADDR:-:8080}
port=${addr##*:}
if curl -fsS --max-time 2 "http://127.0.0.1:${port}/healthz" >/dev/null 2>&1; then
  echo "==> legalmap already serves on http://localhost:${port} (readyz: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${port}/readyz")); leaving it running"
  exit 0
fi
echo "==> serving on http://localhost:${port}"
exec "$bin" serve
