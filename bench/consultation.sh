#!/usr/bin/env bash
# Consultation benchmark (issue 11): the page of a consultation section holding
# 2,000 contributions (with votes and arguments) and the page of a debate with
# 200 votes and 100 arguments, on SQLite and on PostgreSQL, beside nginx serving
# a static copy of the same section page in the same run; and the time taken to
# group 10,000 contributions into a synthesis.
#
# One command:   bench/consultation.sh
#
# Knobs: BENCH_THREADS=2, BENCH_CONNS=16, BENCH_DURATION=10s,
#        PG_ADMIN_URL=postgres://postgres@127.0.0.1:5432/test, BENCH_ENGINES="sqlite postgres"
set -Eeuo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/nginx.sh
. bench/nginx.sh
THREADS=${BENCH_THREADS:-2}
CONNS=${BENCH_CONNS:-16}
DURATION=${BENCH_DURATION:-10s}
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/test}
ENGINES=${BENCH_ENGINES:-sqlite postgres}

say() { printf '\n==> %s\n' "$*" >&2; }
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v psql >/dev/null || need+=(postgresql-client)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "missing: ${need[*]} (apt-get install them)" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

TMP=$(mktemp -d)
PID=""
NGINX_PID=""
PG_DB=""
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null || true
  [ -n "$PG_DB" ] && psql "$PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT

say "Building the release server and the seeding tool"
cargo build --release --quiet --bin participe --example seed_consultation
BIN=$PWD/target/release/participe
SEED=$PWD/target/release/examples/seed_consultation

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
to_ms() { awk -v v="$1" 'BEGIN{ if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v+0} else if (v ~ /s$/) {sub(/s$/,"",v); print v*1000} else print v }'; }

ROWS=()
GROUPING=()
run_wrk() { # engine, name, url
  local res rps p50 p99 codes
  curl -fs -o /dev/null "$3" || { echo "request failed: $3" >&2; exit 1; }
  res=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "$3")
  rps=$(awk '/^Requests\/sec:/{print $2}' <<<"$res")
  p50=$(awk '/^ +50%/{print $2}' <<<"$res")
  p99=$(awk '/^ +99%/{print $2}' <<<"$res")
  codes=$(awk '/Non-2xx/{print $5}' <<<"$res")
  ROWS+=("$1|$2|$rps|$(to_ms "$p50")|$(to_ms "$p99")|${codes:-0}")
}

SECTION_HTML=""
bench_engine() {
  local engine=$1 url port out section debate
  case $engine in
    sqlite) url="sqlite://$TMP/consultation.db" ;;
    postgres)
      if ! psql "$PG_ADMIN_URL" -qtAc 'SELECT 1' >/dev/null 2>&1; then
        echo "SKIPPING PostgreSQL: nothing answers at $PG_ADMIN_URL" >&2
        return
      fi
      PG_DB="participe_consultation_$$"
      psql "$PG_ADMIN_URL" -qc "CREATE DATABASE $PG_DB" >/dev/null
      url="${PG_ADMIN_URL%/*}/$PG_DB"
      ;;
  esac
  say "$engine: seeding 2,000 contributions, a debate, and 10,000 items to group"
  out=$("$SEED" "$url")
  echo "$out" >&2
  section=$(awk -F= '/^SECTION_PATH=/{print $2}' <<<"$out")
  debate=$(awk -F= '/^DEBATE_PATH=/{print $2}' <<<"$out")
  GROUPING+=("$engine|$(awk -F= '/^GROUPED_ITEMS=/{print $2}' <<<"$out")|$(awk -F= '/^GROUPING_MS=/{print $2}' <<<"$out")")
  port=$(free_port)
  "$BIN" serve --bind "127.0.0.1:$port" --database-url "$url" >"$TMP/server-$engine.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  [ -n "$SECTION_HTML" ] || { SECTION_HTML=$TMP/section.html; curl -fs "http://127.0.0.1:$port$section" >"$SECTION_HTML"; }
  run_wrk "$engine" "section, 2000 contributions" "http://127.0.0.1:$port$section"
  run_wrk "$engine" "debate page" "http://127.0.0.1:$port$debate"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  if [ -n "$PG_DB" ]; then psql "$PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null; PG_DB=""; fi
}

# Let the build's load settle (at most two minutes) before measuring.
for _ in $(seq 1 24); do awk '{ exit !($1 < 0.8) }' /proc/loadavg && break; sleep 5; done
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for e in $ENGINES; do bench_engine "$e"; done
[ -n "$SECTION_HTML" ] || { echo "no engine ran" >&2; exit 1; }

# --- nginx baseline: the section page, as a static file -----------------------
NGINX_PORT=$(free_port)
nginx_static_conf "$TMP/nginx" "$NGINX_PORT"
cp "$SECTION_HTML" "$TMP/nginx/www/index.html"
"$NGINX" -p "$TMP/nginx" -e "$TMP/nginx/error.log" -c "$TMP/nginx/nginx.conf" >"$TMP/nginx/stdout.log" 2>&1 &
NGINX_PID=$!
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$NGINX_PORT/" && break; sleep 0.1; done
run_wrk nginx "static copy of the section page" "http://127.0.0.1:$NGINX_PORT/"

echo
echo "Consultation pages — wrk -t$THREADS -c$CONNS -d$DURATION, release build, $(nproc) cores, load average before the runs: $LOAD_BEFORE"
echo "section page: $(wc -c <"$SECTION_HTML") bytes"
printf '%-9s %-32s %10s %9s %9s %8s %12s\n' engine target req/s p50_ms p99_ms non2xx p50/nginx
nginx_p50=$(for r in "${ROWS[@]}"; do IFS='|' read -r e n rps p50 p99 bad <<<"$r"; [ "$e" = nginx ] && echo "$p50"; done)
for r in "${ROWS[@]}"; do
  IFS='|' read -r e n rps p50 p99 bad <<<"$r"
  ratio=$(awk -v a="$p50" -v b="$nginx_p50" 'BEGIN{ if (b > 0) printf "%.1fx", a/b; else print "-" }')
  printf '%-9s %-32s %10s %9s %9s %8s %12s\n' "$e" "$n" "$rps" "$p50" "$p99" "$bad" "$ratio"
done
echo
echo "Synthesis grouping (release build)"
printf '%-9s %8s %12s\n' engine items grouping_ms
for g in "${GROUPING[@]}"; do
  IFS='|' read -r e n ms <<<"$g"
  printf '%-9s %8s %12s\n' "$e" "$n" "$ms"
done
