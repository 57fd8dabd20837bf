#!/usr/bin/env bash
# Benchmark: orders created per second on SQLite (POST /orders with stock reservation and
# idempotency keys), and the catalog's GET /products. Prints throughput and latency.
# Usage: bench/checkout.sh [seconds=10] [connections=16]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-10} connections=${2:-16}
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
bin="$root/build/native/src/server/satstore"
[ -x "$bin" ] || bash "$root/scripts/build.sh"
dir=$(mktemp -d)
trap 'kill $(cat "$dir/pid") 2>/dev/null || true; rm -rf "$dir"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
db="$dir/bench.db"
"$bin" seed-demo --db "sqlite:$db" --assets-root "$root/assets" 2>/dev/null
# One product with stock enough for the whole run.
sqlite3 "$db" "UPDATE products SET stock = 100000000 WHERE sku = (SELECT sku FROM products ORDER BY seq LIMIT 1)"
product=$(sqlite3 "$db" "SELECT id FROM products ORDER BY seq LIMIT 1")
"$bin" serve --port "$port" --db "sqlite:$db" --assets-root "$root/assets" --web-root "$dir" >"$dir/log" 2>&1 &
echo $! >"$dir/pid"
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
token=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/sessions" -H 'content-type: application/json' \
  -d '{"email":"buyer@satstore.test","password":"satstore-demo"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

echo "== catalog: GET /api/v1/products ($seconds s, $connections connections, 2 threads)"
wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port/api/v1/products?limit=24" | grep -E "Requests/sec|50%|99%"
echo "== checkout: POST /api/v1/orders on SQLite ($seconds s, $connections connections, 2 threads)"
TOKEN=$token PRODUCT=$product wrk -t2 -c"$connections" -d"${seconds}s" -s "$root/bench/checkout.lua" "http://127.0.0.1:$port"  | tail -1
