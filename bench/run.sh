#!/usr/bin/env bash
# The load figures of issue 9, against a real `satstore serve` on this machine:
#   catalog   GET /api/v1/products?limit=24 and GET /api/v1/products/{id} (wrk)
#   orders    POST /api/v1/orders, one unit of one of the --products cheapest products (8) in
#             turn, a fresh Idempotency-Key each (wrk + wrk/orders.lua)
#   pay       POST /api/v1/orders/{id}/payments, each request another order: the buyers'
#             payments are signed beforehand by client.mjs and replayed by wrk/payments.lua, so
#             the figure is the server's (every PAYMENT.md check, settlement in one transaction)
# each first as fast as it goes (peak), then at half that rate on a fixed schedule for p50/p99
# (wrk/common.lua explains the pacing). Paid orders are counted in the database, and the ledger
# is audited at the end. Orders and payments come from --buyers buyers (16) in turn, as in a
# shop: a buyer's balance row, like a product's stock row, is locked by one payment at a time.
# The server runs --server-threads 4 on 2 cores: a request thread that waits for the database
# (its round trips, the commit's fsync) leaves the CPU to another.
#
# Usage: bench/run.sh [--db sqlite|sqlite:PATH|postgres|postgresql://…] [--seconds N] [--only LIST]
#                     [--connections N] [--paced-connections N] [--wrk-threads N] [--server-threads N]
#                     [--pay-orders N] [--buyers N] [--products N] [seconds]
#   --db sqlite (default)   a fresh SQLite file in a temporary folder
#   --db sqlite:PATH        that file (created, seeded and filled with bench orders)
#   --db postgres           a throwaway PostgreSQL cluster (tests/support/postgres.mjs, as the API tests)
#   --db postgresql://…     that database, e.g. postgresql://postgres@/DB?host=SOCKDIR&port=PORT
#                           (the bench seeds it and fills it with orders: use a throwaway one)
#   --only catalog,orders,pay   a subset (pay needs orders' peak rate, so it runs orders too)
# Environment: SATSTORE_BIN (default build/native/src/server/satstore).
# The machine is shared: the load average is printed before and after, and each half-rate run
# prints how much of its time some task on the machine waited for the CPU or for I/O
# (/proc/pressure); compare figures taken under similar load only.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bench="$root/bench"

db_arg=sqlite seconds=10 only=catalog,orders,pay
connections=32 paced_connections=64 wrk_threads=1 server_threads=4 pay_orders=15000 buyers=16 products=8
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db_arg=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --paced-connections) paced_connections=$2; shift 2 ;;
    --wrk-threads) wrk_threads=$2; shift 2 ;;
    --server-threads) server_threads=$2; shift 2 ;;
    --pay-orders) pay_orders=$2; shift 2 ;;
    --buyers) buyers=$2; shift 2 ;;
    --products) products=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    [0-9]*) seconds=$1; shift ;;
    *) echo "bench: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
wants() { [[ ",$only," == *",$1,"* ]]; }
if wants pay; then only="$only,orders"; fi

bin=${SATSTORE_BIN:-$root/build/native/src/server/satstore}
[ -x "$bin" ] || { echo "bench: no server binary at $bin — build it: cmake --build build/native" >&2; exit 1; }
for tool in wrk curl node; do
  command -v $tool >/dev/null || { echo "bench: $tool is missing (apt-get install -y $tool)" >&2; exit 1; }
done

dir=$(mktemp -d /tmp/satstore-bench.XXXXXX)
server_pid='' pg_dir=''
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [ -n "$pg_dir" ] && node "$root/tests/support/postgres.mjs" stop "$pg_dir" || true
  rm -rf "$dir"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Thousands separators: 21345 → 21,345.
commas() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
calc() { awk "BEGIN { printf \"%s\", $1 }"; }

# --- the database -------------------------------------------------------------------------------
# A throwaway cluster, the one the API tests use (tests/support/postgres.mjs: initdb as the
# postgres user, unix socket only, removed at exit).
#
# Its WAL is then made like that of a cluster that has run for a while. A fresh cluster has no
# spare WAL segments: the transaction whose commit record crosses into a new 16 MB segment creates
# it, zero-fills it and fsyncs it first, which took 20–90 ms here, and every checkout queued behind
# that one's stock row waits as long (3–7 such commits in 10 s at half the order peak). A cluster
# in service recycles the segments each checkpoint frees instead. So: keep up to 1 GB for reuse
# (min_wal_size), write 32 segments ahead (a WAL switch after each small commit) and checkpoint,
# which recycles them as the next 32.
start_postgres() {
  eval "$(node "$root/tests/support/postgres.mjs" start)"
  pg_dir=$SATSTORE_TEST_PG_DIR
  psql "$SATSTORE_TEST_PG" -qX -c "CREATE DATABASE satstore_bench"
  db_url=${SATSTORE_TEST_PG/\/postgres\?//satstore_bench?}
  local switches=()
  for _ in $(seq 32); do switches+=(-c "SELECT txid_current()" -c "SELECT pg_switch_wal()"); done
  psql "$SATSTORE_TEST_PG" -qtAX -v ON_ERROR_STOP=1 -c "ALTER SYSTEM SET min_wal_size = '1GB'" -c "SELECT pg_reload_conf()" \
    "${switches[@]}" -c "CHECKPOINT" >/dev/null
}
case "$db_arg" in
  sqlite) db_url="sqlite:$dir/bench.db" ;;
  sqlite:*) db_url=$db_arg ;;
  postgres|postgresql) start_postgres ;;
  postgres://*|postgresql://*) db_url=$db_arg ;;
  *) echo "bench: --db expects sqlite, sqlite:PATH, postgres or a postgresql:// URL" >&2; exit 2 ;;
esac
# Direct SQL (the schema is the same on both backends); prints rows as plain text.
sql() {
  case "$db_url" in
    sqlite:*) sqlite3 "${db_url#sqlite:}" "$1" ;;
    *) psql "$db_url" -qtAX -v ON_ERROR_STOP=1 -c "$1" ;;
  esac
}

# --- the server -------------------------------------------------------------------------------
port=$(free_port)
api="http://127.0.0.1:$port/api/v1"
"$bin" serve --host 127.0.0.1 --port "$port" --db "$db_url" --demo --threads "$server_threads" \
  --assets-root "$root/assets" --web-root "$dir" >"$dir/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { echo "bench: the server did not start:" >&2; cat "$dir/server.log" >&2; exit 1; }

# The cheapest products sold one way (one variant: an order line needs no variant_id), with stock
# for the whole run. A checkout locks its variants' stock rows until it commits, so checkouts of
# one product take turns: --products 1 measures that worst case.
product_list=$(sql "SELECT product_id FROM variants WHERE product_id IN (SELECT product_id FROM variants GROUP BY product_id HAVING COUNT(*) = 1) ORDER BY price_minor, seq LIMIT $products" | paste -sd,)
sql "UPDATE variants SET stock = 100000000 WHERE product_id IN ('${product_list//,/\',\'}')" >/dev/null
product=${product_list%%,*}

echo "satstore bench: db ${db_url%%\?*}, $seconds s per run, $(nproc) cores, server --threads $server_threads," \
  "wrk -t$wrk_threads -c$connections (paced runs -c$paced_connections), $buyers buyers, $products products"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: figures move with it)"

# Microseconds so far in which some task waited for the CPU (cpu) or for I/O (io): the kernel's
# pressure stall information, the whole machine's, so other tenants' load shows in it too.
stalled_us() { sed -n 's/^some .*total=//p' "/proc/pressure/$1" 2>/dev/null || echo 0; }

# Runs wrk with a script of bench/wrk; sets r_seconds r_requests r_failed r_p50 r_p99 r_max, and
# r_cpu_wait r_io_wait (% of the run in which some task waited for the CPU, for I/O).
# Usage: run_wrk LABEL SCRIPT SECONDS CONNECTIONS RATE [VAR=VALUE…]   (RATE 0 = as fast as it goes)
run_wrk() {
  local label=$1 script=$2 secs=$3 conns=$4 rate=$5
  shift 5
  local threads=$wrk_threads
  [ "$conns" -lt "$threads" ] && threads=$conns
  local cpu0 io0
  cpu0=$(stalled_us cpu) io0=$(stalled_us io)
  env LABEL="$label" THREADS="$threads" RATE="$rate" "$@" \
    wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 10s -s "$bench/wrk/$script" "http://127.0.0.1:$port" \
    >"$dir/wrk-$label.txt" 2>&1 || { cat "$dir/wrk-$label.txt" >&2; exit 1; }
  grep -q '^RESULT ' "$dir/wrk-$label.txt" || { echo "bench: wrk gave no result:" >&2; cat "$dir/wrk-$label.txt" >&2; exit 1; }
  read -r _ _ r_seconds r_requests r_failed r_p50 r_p99 r_max < <(grep '^RESULT ' "$dir/wrk-$label.txt")
  r_cpu_wait=$(calc "int(($(stalled_us cpu) - $cpu0) / ($r_seconds * 1e4))")
  r_io_wait=$(calc "int(($(stalled_us io) - $io0) / ($r_seconds * 1e4))")
}

summary=()
report() {  # report LINE — printed now and again in the summary
  echo "$1"
  summary+=("$1")
}
verdict() {  # verdict VALUE OP TARGET → "" or " — SHORT"
  if awk "BEGIN { exit !($1 $2 $3) }"; then echo ""; else echo " — SHORT"; fi
}

# Half-rate run: latency at half the peak. Usage: paced LABEL NAME PEAK SCRIPT SECONDS [VAR=VALUE…]
paced() {
  local label=$1 name=$2 peak=$3 script=$4 secs=$5
  shift 5
  local rate
  rate=$(calc "int($peak / 2)")
  run_wrk "$label" "$script" "$secs" "$paced_connections" "$rate" "$@"
  local sent
  sent=$(calc "int($r_requests / $r_seconds)")
  report "$name at $(commas "$rate")/s (half the peak): p50 $r_p50 ms, p99 $r_p99 ms, max $r_max ms (target p99 < 20 ms)$(verdict "$r_p99" '<' 20); sent $(commas "$sent")/s, $(commas "$r_failed") failed; waited for CPU $r_cpu_wait %, I/O $r_io_wait % of the time"
}

# SQLite: how far the WAL grew during a phase, then a checkpoint so that the next phase starts
# from the same state. Under sustained writes SQLite's automatic checkpoints starve (some reader is
# always inside the WAL), so the WAL grows without bound and every page lookup slows down with
# it: the sizes are reported so that this stays visible.
wal_growth=()
checkpoint_between_phases() {
  [[ $db_url == sqlite:* ]] || return 0
  local file=${db_url#sqlite:}
  wal_growth+=("$1 $(( $( [ -f "$file-wal" ] && stat -c %s "$file-wal" || echo 0) / 1048576 )) MiB")
  sqlite3 "$file" "PRAGMA busy_timeout = 5000; PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
}

# --- catalog ----------------------------------------------------------------------------------
if wants catalog; then
  echo "== catalog"
  run_wrk catalog get.lua "$seconds" "$connections" 0 TARGET="/api/v1/products?limit=24"
  catalog_peak=$(calc "int($r_requests / $r_seconds)")
  report "catalog: $(commas "$catalog_peak") req/s, p50 $r_p50 ms, p99 $r_p99 ms, $(commas "$r_failed") failed (GET /products?limit=24; target ≥ 20,000)$(verdict "$catalog_peak" '>=' 20000)"
  run_wrk product get.lua "$seconds" "$connections" 0 TARGET="/api/v1/products/$product"
  report "product: $(commas "$(calc "int($r_requests / $r_seconds)")") req/s, p50 $r_p50 ms, p99 $r_p99 ms, $(commas "$r_failed") failed (GET /products/{id})"
  paced catalog-half catalog "$catalog_peak" get.lua "$seconds" TARGET="/api/v1/products?limit=24"
fi

# --- orders -----------------------------------------------------------------------------------
if wants orders; then
  echo "== orders"
  node "$bench/client.mjs" setup --api "$api" --products "$product_list" --orders $((pay_orders * 3)) --buyers "$buyers" \
    >"$dir/state.json"
  buyer_list() {  # buyer_list FIELD SEPARATOR QUOTE
    node -e 'const [f, sep, q] = process.argv.slice(1);
      process.stdout.write(JSON.parse(require("fs").readFileSync(0)).buyers.map((b) => q + b[f] + q).join(sep))' "$@" <"$dir/state.json"
  }
  tokens=$(buyer_list token , '')
  users=$(buyer_list user , "'")
  count_orders() { sql "SELECT COUNT(*) FROM orders WHERE user_id IN ($users)"; }
  before=$(count_orders)
  run_wrk orders orders.lua "$seconds" "$connections" 0 TOKENS="$tokens" PRODUCTS="$product_list" RUN="peak-$$"
  created=$(( $(count_orders) - before ))
  orders_peak=$(calc "int($created / $r_seconds)")
  report "orders: $(commas "$orders_peak") created/s, p50 $r_p50 ms, p99 $r_p99 ms, $(commas "$r_failed") failed (POST /orders)"
  paced orders-half orders "$orders_peak" orders.lua "$seconds" TOKENS="$tokens" PRODUCTS="$product_list" RUN="half-$$"
  checkpoint_between_phases orders
fi

# --- pay --------------------------------------------------------------------------------------
if wants pay; then
  echo "== pay"
  pending() { sql "SELECT COUNT(*) FROM orders WHERE user_id IN ($users) AND status = 'pending_payment'"; }
  have=$(pending)
  if [ "$have" -lt "$pay_orders" ]; then  # more unpaid orders to pay, made as fast as the server goes
    extra=$(calc "int(($pay_orders - $have) / ($orders_peak > 0 ? $orders_peak : 100) * 1.2) + 1")
    echo "   creating about $(commas $((pay_orders - have))) more orders to pay (${extra} s)"
    run_wrk orders-for-pay orders.lua "$extra" "$connections" 0 TOKENS="$tokens" PRODUCTS="$product_list" RUN="pay-$$"
  fi
  node "$bench/client.mjs" sign --api "$api" --state "$dir/state.json" --out "$dir/payments.tsv" --workers "$(nproc)"
  checkpoint_between_phases "orders to pay"
  count_payments() { sql "SELECT COUNT(*) FROM payments WHERE user_id IN ($users)"; }
  before=$(count_payments)
  run_wrk pay payments.lua "$seconds" "$connections" 0 PAYMENTS="$dir/payments.tsv"
  paid=$(( $(count_payments) - before ))
  pay_peak=$(calc "int($paid / $r_seconds)")
  if [ "$pay_peak" -eq 0 ]; then
    echo "bench: no payment settled; the server said:" >&2
    grep -v '"status":20[01]' "$dir/server.log" | tail -5 >&2
    exit 1
  fi
  report "pay: $(commas "$pay_peak") paid orders/s, p50 $r_p50 ms, p99 $r_p99 ms ($(commas "$paid") payments in $r_seconds s; POST /orders/{id}/payments; target ≥ 1,000 on SQLite, ≥ 500 on PostgreSQL)$(verdict "$pay_peak" '>=' "$([[ $db_url == sqlite:* ]] && echo 1000 || echo 500)")"
  # Both halves of a paid order on one server: 1 / (1/created + 1/paid) orders per second.
  report "create + pay: $(commas "$(calc "int(1 / (1 / $orders_peak + 1 / $pay_peak))")") paid orders/s end to end (computed from the two peaks)"

  # The half-rate run pays orders the peak run did not reach.
  sql "SELECT id FROM orders WHERE user_id IN ($users) AND status = 'pending_payment'" >"$dir/unpaid.txt"
  awk -F'\t' 'NR == FNR { unpaid[$1] = 1; next } ($1 in unpaid)' "$dir/unpaid.txt" "$dir/payments.tsv" >"$dir/payments-half.tsv"
  left=$(wc -l <"$dir/payments-half.tsv")
  secs=$(calc "int($left / ($pay_peak / 2))")
  [ "$secs" -gt "$seconds" ] && secs=$seconds
  if [ "$secs" -lt 2 ]; then
    report "pay at half the peak: skipped, only $left signed payments left (raise --pay-orders)"
  else
    paced pay-half pay "$pay_peak" payments.lua "$secs" PAYMENTS="$dir/payments-half.tsv"
  fi
  checkpoint_between_phases pay
  audit=$("$bin" audit --db "$db_url" 2>/dev/null | tail -1) || true
  report "${audit:-audit: failed (run $bin audit --db …)}"
fi

if [ ${#wal_growth[@]} -gt 0 ]; then
  report "sqlite: the WAL grew to $(IFS=,; echo "${wal_growth[*]}" | sed 's/,/, /g') (checkpointed after each phase)"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "== summary (db ${db_url%%\?*}, $seconds s runs, $(nproc) shared cores)"
printf '%s\n' "${summary[@]}"
