#!/usr/bin/env bash
# The query API benchmark (`make bench-api`). With the synthetic national directory (`legalmap sample
# --national`: cities from Harbin to Sanya and Urumqi, mostly community advisers and law firms with their
# lawyers) at a million places loaded into a database of its own (kept between runs: loading takes a
# while), it serves the API with the rate limit off, then for nearest, search and the map view:
#   - drives the endpoint at fixed concurrency with wrk (Debian's package), asking for gzip as browsers do,
#     printing requests/s and p50/p99 latency. The requests come from scripts/benchload, drawn at random
#     from the directory: points near random places, queries composed from its vocabulary, places and
#     names, each request different;
#   - runs the statement the store runs for nearest and the map view through `pgbench -M prepared` at the
#     same concurrency (search runs several statements, chosen per query: it has no one statement to
#     compare with);
#   - prints both, their ratio, and the plan of each statement at this size (EXPLAIN ANALYZE).
# Targets on a 2-core machine: nearest-10 >= 50% of the raw SQL's throughput with p99 < 10 ms; search p99
# < 50 ms; city-wide viewport < 50 ms.
#   BENCH_SCALE (1000000), BENCH_CONCURRENCY (4), BENCH_DURATION (20s),
#   BENCH_ADMIN_URL (a database URL whose role may create databases), BENCH_RELOAD=1 to load afresh.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BIN:-bin/legalmap}
scale=${BENCH_SCALE:-1000000}
conc=${BENCH_CONCURRENCY:-4}
dur=${BENCH_DURATION:-20s}
port=${BENCH_PORT:-18099}
admin=${BENCH_ADMIN_URL:-postgres://legalmap:legalmap@localhost:5432/postgres?sslmode=disable}
db=legalmap_bench_national
region=73,3,136,54 # China, for the importers' and the map's checks
dir=tmp/bench-api

say() { printf '==> %s\n' "$*" >&2; }
url_for() { # the admin URL with another database name
  python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$admin" "$1"
}
dburl=$(url_for "$db")
mkdir -p "$dir"
go build -o "$dir/benchload" ./scripts/benchload
if ! command -v wrk >/dev/null; then
  say "installing wrk"
  { apt-get install -y -qq wrk || { apt-get update -qq && apt-get install -y -qq wrk; }; } >/dev/null 2>&1 ||
    { sudo apt-get update -qq && sudo apt-get install -y -qq wrk; } >/dev/null
fi

if [ "${BENCH_RELOAD:-}" = 1 ]; then
  psql -qX "$admin" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
fi
if [ "$(psql -qXAt "$admin" -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
  psql -qX "$admin" -c "CREATE DATABASE $db TEMPLATE template1" >/dev/null
fi
export DATABASE_URL=$dburl
"$bin" migrate >/dev/null
have=$(psql -qXAt "$dburl" -c "SELECT count(*) FROM providers")
if [ "$have" -lt $((scale * 9 / 10)) ]; then
  say "loading $scale places through the importers (the first time only; this takes a while)"
  SERVICE_REGION=$region "$bin" sample --national --out "$dir/national" --scale "$scale" --seed 1 --load >&2
fi
say "map grid and statistics"
psql -qX "$dburl" -c "SET statement_timeout = 0" -c "SELECT refresh_viewport_grid()" -c "VACUUM ANALYZE providers" >/dev/null
places=$(psql -qXAt "$dburl" -c "SELECT count(*) FROM providers WHERE status <> 'closed'")

say "serving on 127.0.0.1:$port"
SERVICE_REGION=$region RATE_LIMIT=0 LOG_LEVEL=warn LISTEN_ADDR=127.0.0.1:$port DB_MAX_CONNS=$((conc * 2)) "$bin" serve 2>"$dir/serve.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
ready() { # pid port: wait until the server answers; fail if it has exited (the port taken, say)
  for _ in $(seq 1 100); do
    kill -0 "$1" 2>/dev/null || { say "the server exited:"; tail -3 "$3" >&2; exit 1; }
    curl -fs "http://127.0.0.1:$2/readyz" >/dev/null && return
    sleep 0.2
  done
  say "the server on port $2 is not ready after 20 s"
  exit 1
}
ready "$server" "$port" "$dir/serve.log"

pgbench_tps() { # endpoint -> tps and latency of the store's statement
  "$dir/benchload" -db "$dburl" -pgbench -endpoint "$1" >"$dir/$1.pgbench.sql"
  pgbench -n -M prepared -c "$conc" -j "$conc" -T "${dur%s}" -f "$dir/$1.pgbench.sql" "$dburl" 2>/dev/null |
    awk '/^tps/ { tps = $3 } /latency average/ { lat = $4 } END { printf "%.1f %.2f", tps, lat }'
}

declare -A rps p50 p99 errs tps
for ep in nearest search viewport; do
  "$dir/benchload" -db "$dburl" -endpoint "$ep" >"$dir/$ep.lua"
  say "$ep: warming up (10 s: the pools grow and their new sessions load PostGIS and the catalogs)"
  wrk -t1 -c"$conc" -d10s -s "$dir/$ep.lua" "http://127.0.0.1:$port" >/dev/null || true
  say "$ep: API at concurrency $conc for $dur"
  line=$(wrk -t1 -c"$conc" -d"$dur" -s "$dir/$ep.lua" "http://127.0.0.1:$port" | tail -1 || true)
  echo "   $line" >&2
  rps[$ep]=$(sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$line")
  p50[$ep]=$(sed -E 's/.*p50_ms=([0-9.]+).*/\1/' <<<"$line")
  p99[$ep]=$(sed -E 's/.*p99_ms=([0-9.]+).*/\1/' <<<"$line")
  errs[$ep]=$(sed -E 's/.*errors=([0-9]+).*/\1/' <<<"$line")
  tps[$ep]="-"
  if [ "$ep" != search ]; then
    say "$ep: pgbench -M prepared at concurrency $conc for $dur"
    tps[$ep]=$(pgbench_tps "$ep")
  fi
done

echo
echo "query API benchmark: $places visible places, concurrency $conc, $dur each, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-16s %10s %10s %10s %8s %14s %10s\n' endpoint "API req/s" "p50 ms" "p99 ms" errors "pgbench tps" "API/SQL"
for ep in nearest search viewport; do
  read -r t _ <<<"${tps[$ep]}"
  ratio=-
  [ "$t" != - ] && ratio=$(python3 -c "print('%.0f%%' % (100 * ${rps[$ep]} / max(0.001, $t)))")
  printf '%-16s %10s %10s %10s %8s %14s %10s\n' "$ep" "${rps[$ep]}" "${p50[$ep]}" "${p99[$ep]}" "${errs[$ep]}" "$t" "$ratio"
done
echo "targets: nearest >= 50% of pgbench with p99 < 10 ms; search p99 < 50 ms; city-wide viewport < 50 ms"

echo
echo "plans at this size:"
for ep in nearest viewport; do
  echo "--- $ep"
  # PostGIS loads at a session's first call of one of its functions (~10 ms): not the statement's time.
  psql -qXAt "$dburl" -c "SELECT ST_X(ST_MakePoint(0, 0))" \
    -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) $("$dir/benchload" -explain -endpoint "$ep")" | tail -n +2 | head -14
done
