#!/usr/bin/env bash
# Quick start: builds everything, then serves the store on http://127.0.0.1:8080 with SQLite
# (var/satstore.db), the web bundle and the demo catalog and accounts.
# Extra arguments go to `satstore serve` (e.g. --port 9090); so does SATSTORE_* in the environment.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/build.sh
exec build/native/src/server/satstore serve --demo \
  --db "sqlite:$root/var/satstore.db" --web-root "$root/build/wasm/web" --assets-root "$root/assets" "$@"
