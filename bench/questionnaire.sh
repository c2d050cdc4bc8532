#!/usr/bin/env bash
# Questionnaire benchmark (issue 12): on SQLite and PostgreSQL, a fresh
# database holding an open questionnaire (the demo's questions) with 100,000
# replies; then
#   - the results page: its first (cold) request, which computes the results
#     of the 100,000 replies, and the warm page under wrk (kept until replies change);
#   - replies accepted per second with 64 signed-in respondents sending
#     complete replies at once (wrk -t64 -c64, bench/questionnaire.lua).
#
# One command:   bench/questionnaire.sh
# Knobs: BENCH_REPLIES=100000 BENCH_RESPONDENTS=64 BENCH_DURATION=10s
#        PG_ADMIN_URL=postgres://postgres@127.0.0.1:5432/test BENCH_ENGINES="sqlite postgres"
set -Eeuo pipefail
cd "$(dirname "$0")/.."
REPLIES=${BENCH_REPLIES:-100000}
RESPONDENTS=${BENCH_RESPONDENTS:-64}
DURATION=${BENCH_DURATION:-10s}
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/test}
ENGINES=${BENCH_ENGINES:-sqlite postgres}

say() { printf '\n==> %s\n' "$*" >&2; }
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v psql >/dev/null || need+=(postgresql-client)
command -v curl >/dev/null || need+=(curl)
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
cargo build --release --quiet --bin participe --example seed_questionnaire
BIN=$PWD/target/release/participe
SEED=$PWD/target/release/examples/seed_questionnaire

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
to_ms() { awk -v v="$1" 'BEGIN{ if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v+0} else if (v ~ /s$/) {sub(/s$/,"",v); print v*1000} else print v }'; }

ROWS=()
bench_engine() {
  local engine=$1 url port step base res cold rps p50 p99 accepted other
  case $engine in
    sqlite) url="sqlite://$TMP/questionnaire.db" ;;
    postgres)
      if ! psql "$PG_ADMIN_URL" -qtAc 'SELECT 1' >/dev/null 2>&1; then
        echo "SKIPPING PostgreSQL: nothing answers at $PG_ADMIN_URL" >&2
        return
      fi
      PG_DB="participe_questionnaire_$$"
      psql "$PG_ADMIN_URL" -qc "CREATE DATABASE $PG_DB" >/dev/null
      url="${PG_ADMIN_URL%/*}/$PG_DB"
      ;;
  esac
  say "$engine: seeding $REPLIES replies and $RESPONDENTS respondents"
  "$SEED" --database-url "$url" --respondents "$RESPONDENTS" --replies "$REPLIES" >"$TMP/replies-$engine.txt"
  step=$(head -1 "$TMP/replies-$engine.txt")
  port=$(free_port)
  "$BIN" serve --bind "127.0.0.1:$port" --database-url "$url" --data-dir "$TMP/data-$engine" \
    --vote-limit 1000000000 >"$TMP/server-$engine.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  base="http://127.0.0.1:$port"
  # Let the seeding's load settle before measuring.
  for _ in $(seq 1 24); do awk '{ exit !($1 < 0.8) }' /proc/loadavg && break; sleep 5; done
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  cold=$(curl -fs -o /dev/null -w '%{time_total}' "$base/questionnaires/$step/results")
  res=$(wrk -t2 -c8 -d"$DURATION" --latency "$base/questionnaires/$step/results")
  rps=$(awk '/^Requests\/sec:/{print $2}' <<<"$res")
  p50=$(to_ms "$(awk '/^ +50%/{print $2}' <<<"$res")")
  p99=$(to_ms "$(awk '/^ +99%/{print $2}' <<<"$res")")
  ROWS+=("$engine|results page, $REPLIES replies|cold $(awk -v s="$cold" 'BEGIN{printf "%.1f", s*1000}') ms|$rps req/s|p50 $p50 ms|p99 $p99 ms|load $load")
  load=$(cut -d' ' -f1 /proc/loadavg)
  res=$(REPLIES_FILE="$TMP/replies-$engine.txt" wrk -t"$RESPONDENTS" -c"$RESPONDENTS" -d"$DURATION" --latency \
    -s bench/questionnaire.lua "$base/questionnaires/$step")
  accepted=$(awk '$1=="STATUS" && $2=="200"{print $3}' <<<"$res")
  other=$(awk '$1=="STATUS" && $2!="200"{n+=$3} END{print n+0}' <<<"$res")
  local secs; secs=$(awk -v d="$DURATION" 'BEGIN{sub(/s$/,"",d); print d}')
  p50=$(to_ms "$(awk '/^ +50%/{print $2}' <<<"$res")")
  p99=$(to_ms "$(awk '/^ +99%/{print $2}' <<<"$res")")
  ROWS+=("$engine|replies, $RESPONDENTS respondents|$(awk -v a="${accepted:-0}" -v s="$secs" 'BEGIN{printf "%.0f", a/s}') accepted/s|${accepted:-0} accepted, $other other|p50 $p50 ms|p99 $p99 ms|load $load")
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
  if [ -n "$PG_DB" ]; then psql "$PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null; PG_DB=""; fi
}

for e in $ENGINES; do bench_engine "$e"; done
echo
echo "Questionnaire — release build, $(nproc) cores, wrk $DURATION; load average (1 min) beside each figure"
for r in "${ROWS[@]}"; do
  IFS='|' read -r e n a b c d l <<<"$r"
  printf '%-9s %-30s %-16s %-28s %-14s %-14s %s\n' "$e" "$n" "$a" "$b" "$c" "$d" "$l"
done
