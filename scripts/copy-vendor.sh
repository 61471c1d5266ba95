#!/usr/bin/env bash
# Copies the front-end files listed in static/vendor.txt ("from-in-node_modules to-in-site") into
# static/site/, where the binary embeds them.
set -euo pipefail
cd "$(dirname "$0")/../static"
rm -rf site/vendor
while read -r from to; do
  case "$from" in ''|'#'*) continue ;; esac
  mkdir -p "site/$(dirname "$to")"
  cp -R "node_modules/$from" "site/$to"
done < vendor.txt
