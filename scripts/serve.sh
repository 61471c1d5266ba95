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
# Requests (业务办理) need a key. Unless one is configured, a development key is made once, readable by the
# owner only, and kept in tmp/ (never committed): requests made in development survive restarts.
if [[ -z "${REQUEST_KEY:-}" && -z "${REQUEST_KEY_FILE:-}" ]]; then
  keyfile=tmp/request.key
  if [[ ! -s $keyfile ]]; then
    mkdir -p tmp
    (umask 077 && head -c 32 /dev/urandom | base64 >"$keyfile")
    echo "==> made a development request key in $keyfile (set REQUEST_KEY or REQUEST_KEY_FILE in production)"
  fi
  export REQUEST_KEY_FILE=$keyfile
fi
echo "==> serving on http://localhost:${port}"
exec "$bin" serve
