#!/usr/bin/env bash
# Loads the synthetic sample directory through the importers (firms before their lawyers), once:
# `legalmap sample --load` reuses the files it wrote before and skips every file already imported
# unchanged, so a second `make run` does nothing and takes a moment.
set -euo pipefail
bin=$1 out=$2
exec "$bin" sample --load --out "$out"
