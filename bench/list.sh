#!/usr/bin/env bash
# Proposal-list benchmark (issue 4): the list page of a collect step holding
# 10,000 proposals, on SQLite and on PostgreSQL. Prints requests per second
# and p50/p99 latency for the default (random) order, a district filter, a
# cost sort deep in the pages, and a text search.
#
# One command:   bench/list.sh            (BENCH_PROPOSALS=10000 by default)
#
# To compare with an earlier revision in the same run, put its `participe`
# and `examples/seed_proposals` binaries in a folder and set
# BENCH_BASE_DIR=/path BENCH_BASE_REVISION=abc1234: it is measured first on
# each engine, then this one.
#
# Knobs: BENCH_PROPOSALS, BENCH_THREADS=2, BENCH_CONNS=16, BENCH_DURATION=10s,
#        PG_ADMIN_URL=postgres://postgres@127.0.0.1:5432/test, BENCH_ENGINES="sqlite postgres"
set -Eeuo pipefail
cd "$(dirname "$0")/.."
N=${BENCH_PROPOSALS:-10000}
THREADS=${BENCH_THREADS:-2}
CONNS=${BENCH_CONNS:-16}
DURATION=${BENCH_DURATION:-10s}
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/test}
ENGINES=${BENCH_ENGINES:-sqlite postgres}

say() { printf '\n==> %s\n' "$*" >&2; }
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v psql >/dev/null || need+=(postgresql-client)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "missing: ${need[*]} (apt-get install them)" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

TMP=$(mktemp -d)
PID=""
PG_DB=""
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  [ -n "$PG_DB" ] && psql "$PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$TMP"
}
trap cleanup EXIT

say "Building the release server and the seeding tool"
cargo build --release --quiet --bin participe --example seed_proposals
THIS_BIN=$PWD/target/release/participe
THIS_SEED=$PWD/target/release/examples/seed_proposals
REVISION=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -z "$(git status --porcelain --untracked-files=no -- crates Cargo.toml Cargo.lock 2>/dev/null)" ] ||
  REVISION+="+changes"
BASE_DIR=${BENCH_BASE_DIR:-}
BASE_REVISION=${BENCH_BASE_REVISION:-base}
if [ -n "$BASE_DIR" ]; then
  [ -x "$BASE_DIR/participe" ] && [ -x "$BASE_DIR/seed_proposals" ] ||
    { echo "BENCH_BASE_DIR must hold participe and seed_proposals" >&2; exit 1; }
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
to_ms() { awk -v v="$1" 'BEGIN{ if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v+0} else if (v ~ /s$/) {sub(/s$/,"",v); print v*1000} else print v }'; }

ROWS=()
bench_engine() {
  local engine=$1 url port base step out
  case $engine in
    sqlite) url="sqlite://$TMP/list-${#ROWS[@]}.db" ;;
    postgres)
      if ! psql "$PG_ADMIN_URL" -qtAc 'SELECT 1' >/dev/null 2>&1; then
        echo "SKIPPING PostgreSQL: nothing answers at $PG_ADMIN_URL" >&2
        return
      fi
      PG_DB="participe_list_$$"
      psql "$PG_ADMIN_URL" -qc "CREATE DATABASE $PG_DB" >/dev/null
      url="${PG_ADMIN_URL%/*}/$PG_DB"
      ;;
  esac
  say "$engine: seeding $N proposals"
  out=$("$SEED" "$url" "$N")
  echo "$out" >&2
  # Autovacuum would have analysed a table that grew this much by the time
  # anyone looks (PostgreSQL plans from statistics and the visibility map);
  # a machine may run with it off, so do it now, for every revision alike.
  [ "$engine" = postgres ] && psql "$url" -qc "VACUUM ANALYZE" >/dev/null
  step=$(echo "$out" | awk -F= '/^STEP_PATH=/{print $2}')
  port=$(free_port)
  "$BIN" serve --bind "127.0.0.1:$port" --database-url "$url" >"$TMP/server-$engine.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  base="http://127.0.0.1:$port$step"
  local district
  district=$(echo "$out" | awk -F= '/^DISTRICT_ID=/{print $2}')
  for target in "random order|$base" "district filter|$base?district=${district:-1}" "cost sort, page 200|$base?sort=cost_desc&page=200" "text search|$base?q=arbres+rue+42"; do
    local name=${target%%|*} u=${target#*|} res rps p50 p99 codes
    curl -fs -o /dev/null "$u" || { echo "request failed: $u" >&2; exit 1; }
    local load
    load=$(cut -d' ' -f1 /proc/loadavg)
    res=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "$u")
    rps=$(awk '/^Requests\/sec:/{print $2}' <<<"$res")
    p50=$(awk '/^ +50%/{print $2}' <<<"$res")
    p99=$(awk '/^ +99%/{print $2}' <<<"$res")
    codes=$(awk '/Non-2xx/{print $5}' <<<"$res")
    ROWS+=("$engine|$LABEL|$name|$rps|$(to_ms "$p50")|$(to_ms "$p99")|${codes:-0}|$load")
  done
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  if [ -n "$PG_DB" ]; then
    psql "$PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null
    PG_DB=""
  fi
}

for e in $ENGINES; do
  if [ -n "$BASE_DIR" ]; then
    BIN=$BASE_DIR/participe SEED=$BASE_DIR/seed_proposals LABEL=$BASE_REVISION bench_engine "$e"
  fi
  BIN=$THIS_BIN SEED=$THIS_SEED LABEL=$REVISION bench_engine "$e"
done

echo
echo "Proposal list with $N proposals — wrk -t$THREADS -c$CONNS -d$DURATION, release build, $(nproc) cores"
printf '%-9s %-16s %-22s %10s %9s %9s %8s %8s\n' engine revision target req/s p50_ms p99_ms non2xx load_1m
for r in "${ROWS[@]}"; do
  IFS='|' read -r e label n rps p50 p99 bad load <<<"$r"
  printf '%-9s %-16s %-22s %10s %9s %9s %8s %8s\n' "$e" "$label" "$n" "$rps" "$p50" "$p99" "$bad" "$load"
done
echo "load_1m = the 1-minute load average just before each run (wrk and the server count in it)."
