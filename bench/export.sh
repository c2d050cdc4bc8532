#!/usr/bin/env bash
# Streamed open-data export benchmark (issue 6): a published vote step with
# 1,000,000 ballots; downloads votes.csv and votes.json with curl from the
# release server and prints time, bytes, rows and the server's peak memory
# (VmHWM from /proc/PID/status) before and after each download, then the
# same for the pabulib .pb file (also streamed, page by page).
#
# One command:   bench/export.sh            (BENCH_BALLOTS=1000000 by default)
#
# Knobs: BENCH_BALLOTS, BENCH_ENGINES="sqlite" (add postgres to measure it too),
#        BENCH_PB=1 (0 skips the .pb download),
#        PG_ADMIN_URL=postgres://postgres@127.0.0.1:5432/test
set -Eeuo pipefail
cd "$(dirname "$0")/.."
N=${BENCH_BALLOTS:-1000000}
ENGINES=${BENCH_ENGINES:-sqlite}
PB=${BENCH_PB:-1}
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/test}

say() { printf '\n==> %s\n' "$*" >&2; }
need=()
command -v curl >/dev/null || need+=(curl)
[[ " $ENGINES " == *" postgres "* ]] && ! command -v psql >/dev/null && need+=(postgresql-client)
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
cargo build --release --quiet --bin participe --example seed_ballots
BIN=$PWD/target/release/participe
SEED=$PWD/target/release/examples/seed_ballots

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
kib() { awk -v k="$1" '/^'"$1"':/{print $2}' "/proc/$PID/status"; }
mib() { awk -v v="$1" 'BEGIN{printf "%.1f", v/1024}'; }

ROWS=()
bench_engine() {
  local engine=$1 url port out step
  case $engine in
    sqlite) url="sqlite://$TMP/export.db" ;;
    postgres)
      if ! psql "$PG_ADMIN_URL" -qtAc 'SELECT 1' >/dev/null 2>&1; then
        echo "SKIPPING PostgreSQL: nothing answers at $PG_ADMIN_URL" >&2
        return
      fi
      PG_DB="participe_export_$$"
      psql "$PG_ADMIN_URL" -qc "CREATE DATABASE $PG_DB" >/dev/null
      url="${PG_ADMIN_URL%/*}/$PG_DB"
      ;;
  esac
  say "$engine: seeding $N ballots"
  out=$("$SEED" --database-url "$url" --ballots "$N")
  step=$(awk -F= '/^STEP_ID=/{print $2}' <<<"$out")
  port=$(free_port)
  "$BIN" serve --bind "127.0.0.1:$port" --database-url "$url" >"$TMP/server-$engine.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  curl -fs -o /dev/null "http://127.0.0.1:$port/open-data"
  local files="votes.csv votes.json"
  [ "$PB" = 1 ] && files="$files votes.pb"
  for f in $files; do
    local before rss_before res time bytes rows after rss_after
    before=$(kib VmHWM); rss_before=$(kib VmRSS)
    res=$(curl -fsS -o "$TMP/$f" -w '%{time_total} %{size_download}' "http://127.0.0.1:$port/open-data/steps/$step/$f")
    time=${res% *}; bytes=${res#* }
    after=$(kib VmHWM); rss_after=$(kib VmRSS)
    case $f in
      *.csv) rows=$(( $(wc -l <"$TMP/$f") - 1 )) ;;
      *.json) rows=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$TMP/$f") ;;
      *.pb) rows=$(awk 'f{n++} /^VOTES/{f=1; getline} END{print n+0}' "$TMP/$f") ;;
    esac
    ROWS+=("$engine|$f|$time|$bytes|$rows|$(mib "$before")|$(mib "$after")|$(mib "$rss_before")|$(mib "$rss_after")")
    rm -f "$TMP/$f"
  done
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
}

for e in $ENGINES; do bench_engine "$e"; done

echo
echo "Open-data export of $N ballots — release build, curl on 127.0.0.1, $(nproc) cores"
printf '%-9s %-11s %8s %12s %9s %13s %12s %13s %12s\n' engine file seconds bytes rows VmHWM_before VmHWM_after VmRSS_before VmRSS_after
for r in "${ROWS[@]}"; do
  IFS='|' read -r e f t b n hb ha rb ra <<<"$r"
  printf '%-9s %-11s %8s %12s %9s %11s M %10s M %11s M %10s M\n' "$e" "$f" "$t" "$b" "$n" "$hb" "$ha" "$rb" "$ra"
done
