#!/usr/bin/env bash
# Durability of acknowledged ballots when the server is killed mid-stream,
# on SQLite and on PostgreSQL. See bench/README.md ("Crash during a stream
# of votes").
#
# One command:   bench/crash.sh
#
# For each engine: seed a fresh database (examples/seed_votes.rs, 20,000
# voters with a session), start the release server, and run
# bench/vote_stream.py: 8 threads casting one ballot per voter as fast as
# they can, logging each voter only after reading the 303 that acknowledges
# its ballot. After 3 s the server gets SIGKILL mid-stream. The script then
# restarts the server on the same database (it must come back), stops it, and
# checks in the database that every acknowledged voter has exactly one
# ballot, with the acknowledged choices. It prints
# "acknowledged: N, found: N, lost: 0" and exits 1 if anything acknowledged
# is missing. Ballots stored but not acknowledged (in flight at the kill)
# are reported; they are allowed.
#
# What it shows: the server answers 303 only after the ballot transaction
# committed, and a committed ballot survives the death of the server process
# (SQLite: WAL, synchronous=FULL, recovered when the database is reopened;
# PostgreSQL: default synchronous_commit). It does not cut the power or kill
# PostgreSQL itself (a shared server): fsync to the disk is not tested here.
#
# Knobs: BENCH_CRASH_VOTERS=20000, BENCH_CRASH_AFTER=3 (seconds),
#        BENCH_CRASH_THREADS=8, PG_ADMIN_URL=postgres://postgres@127.0.0.1:5432/test,
#        BENCH_ENGINES="sqlite postgres"
set -Eeuo pipefail
trap 'printf "\nERROR: bench/crash.sh failed at line %s: %s\n" "$LINENO" "$BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."
ROOT=$PWD
VOTERS=${BENCH_CRASH_VOTERS:-20000}
AFTER=${BENCH_CRASH_AFTER:-3}
THREADS=${BENCH_CRASH_THREADS:-8}
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/test}
ENGINES=${BENCH_ENGINES:-sqlite postgres}

say() { printf '\n==> %s\n' "$*" >&2; }
die() {
  printf '\nERROR: %s\n' "$*" >&2
  exit 1
}

need=()
command -v psql >/dev/null || need+=(postgresql-client)
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v curl >/dev/null || need+=(curl)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing Debian packages: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    die "missing tools: ${need[*]}; install them with: sudo apt-get install ${need[*]}"
  fi
fi

TMP=$(mktemp -d /tmp/participe-crash.XXXXXX)
PID=""
CLIENT=""
PG_DB=""
cleanup() {
  local rc=$? p
  for p in $CLIENT $PID; do
    kill "$p" 2>/dev/null || true
    wait "$p" 2>/dev/null || true
  done
  if [ -n "$PG_DB" ]; then
    psql "$PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 ||
      echo "could not drop the PostgreSQL database $PG_DB; drop it by hand" >&2
  fi
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "Building the release server and the seeding tool"
cargo build --release --bin participe --example seed_votes
BIN=$ROOT/target/release/participe
SEED=$ROOT/target/release/examples/seed_votes
REVISION=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -z "$(git status --porcelain --untracked-files=no -- crates Cargo.toml Cargo.lock 2>/dev/null)" ] ||
  REVISION+=" with uncommitted changes"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_server() { # start_server ENGINE URL DIR PORT LOG: sets PID, waits for /healthz
  local engine=$1 url=$2 dir=$3 port=$4 log=$5
  (cd "$dir" && exec "$BIN" serve --database-url "$url" --bind "127.0.0.1:$port" --data-dir "$dir") >>"$log" 2>&1 &
  PID=$!
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break
    kill -0 "$PID" 2>/dev/null || { tail -n 30 "$log" >&2; die "the server exited early ($engine)"; }
    sleep 0.1
  done
  curl -fs "http://127.0.0.1:$port/healthz" | grep -q "\"$engine\"" || die "/healthz does not report $engine"
}

sql() { # sql ENGINE URL QUERY: rows, columns separated by |
  case $1 in
    sqlite) sqlite3 -batch -noheader "${2#sqlite://}" "$3" ;;
    postgres) psql "$2" -qtAX -F'|' -c "$3" ;;
  esac
}

RESULTS=()
FAILED=0
crash_engine() {
  local engine=$1 url dir port step settings rc
  dir="$TMP/$engine"
  mkdir -p "$dir"
  case $engine in
    sqlite) url="sqlite://$dir/votes.db" ;;
    postgres)
      if ! psql "$PG_ADMIN_URL" -qtAc 'SELECT 1' >/dev/null 2>&1; then
        echo "SKIPPING PostgreSQL: nothing answers at $PG_ADMIN_URL" >&2
        return
      fi
      PG_DB="participe_crash_$$"
      psql "$PG_ADMIN_URL" -qc "CREATE DATABASE $PG_DB" >/dev/null
      url="${PG_ADMIN_URL%/*}/$PG_DB"
      ;;
  esac
  say "$engine: seeding $VOTERS voters"
  "$SEED" --database-url "$url" --voters "$VOTERS" >"$dir/seed.txt"
  step=$(head -n 1 "$dir/seed.txt")
  case $engine in
    sqlite) settings="journal_mode=$(sql sqlite "$url" 'PRAGMA journal_mode'), synchronous=FULL (set by the server on each connection)" ;;
    postgres) settings="synchronous_commit=$(sql postgres "$url" 'SHOW synchronous_commit'), fsync=$(sql postgres "$url" 'SHOW fsync'), PostgreSQL $(sql postgres "$url" 'SHOW server_version')" ;;
  esac

  port=$(free_port)
  say "$engine: server on 127.0.0.1:$port; $THREADS client threads; SIGKILL after ${AFTER}s"
  start_server "$engine" "$url" "$dir" "$port" "$dir/server.log"
  : >"$dir/acks.log"
  python3 bench/vote_stream.py stream --url "http://127.0.0.1:$port" --seed "$dir/seed.txt" \
    --log "$dir/acks.log" --threads "$THREADS" >"$dir/stream.txt" 2>&1 &
  CLIENT=$!
  sleep "$AFTER"
  kill -0 "$CLIENT" 2>/dev/null || { cat "$dir/stream.txt" >&2; die "the client ended before the kill: raise BENCH_CRASH_VOTERS"; }
  local acked_at_kill
  acked_at_kill=$(wc -l <"$dir/acks.log")
  kill -KILL "$PID"
  wait "$PID" 2>/dev/null || true
  PID=""
  echo "    killed the server (SIGKILL) with $acked_at_kill ballots acknowledged" >&2
  # The client's threads stop at their first connection error.
  for _ in $(seq 1 300); do kill -0 "$CLIENT" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$CLIENT" 2>/dev/null && die "the client did not stop after the kill"
  wait "$CLIENT" || die "the client failed: $(cat "$dir/stream.txt")"
  CLIENT=""
  sed 's/^/    /' "$dir/stream.txt" >&2
  grep -q 'voters never tried: 0$' "$dir/stream.txt" && die "every voter was tried before the kill: raise BENCH_CRASH_VOTERS"

  say "$engine: restarting the server on the same database"
  port=$(free_port)
  start_server "$engine" "$url" "$dir" "$port" "$dir/server-restart.log"
  echo "    restarted: /healthz answers on 127.0.0.1:$port" >&2
  kill "$PID"
  wait "$PID" 2>/dev/null || true
  PID=""

  sql "$engine" "$url" "SELECT s.token_hash, COUNT(*) FROM ballots b JOIN sessions s ON s.user_id = b.voter_id
    WHERE b.step_id = $step GROUP BY s.token_hash" >"$dir/ballots.txt"
  sql "$engine" "$url" "SELECT s.token_hash, c.proposal_id FROM ballots b JOIN sessions s ON s.user_id = b.voter_id
    JOIN ballot_choices c ON c.ballot_id = b.id WHERE b.step_id = $step" >"$dir/choices.txt"
  rc=0
  python3 bench/vote_stream.py check --seed "$dir/seed.txt" --log "$dir/acks.log" \
    --ballots "$dir/ballots.txt" --choices "$dir/choices.txt" >"$dir/check.txt" || rc=$?
  sed 's/^/    /' "$dir/check.txt" >&2
  [ "$rc" = 0 ] || FAILED=1
  RESULTS+=("$engine ($settings)" "  $(cat "$dir/stream.txt")" "  $(sed -n 1p "$dir/check.txt")" "  $(sed -n 2p "$dir/check.txt")" "  => $([ "$rc" = 0 ] && echo "OK: no acknowledged ballot lost" || echo "FAILED")")
  if [ -n "$PG_DB" ]; then
    psql "$PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null
    PG_DB=""
  fi
}

for e in $ENGINES; do crash_engine "$e"; done

echo
echo "Crash during a stream of votes — $(date -u '+%Y-%m-%d %H:%M UTC'), revision $REVISION, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$VOTERS voters seeded, $THREADS client threads (bench/vote_stream.py), server killed with SIGKILL after ${AFTER}s, then restarted on the same database"
for line in "${RESULTS[@]}"; do echo "$line"; done
[ "$FAILED" = 0 ] || die "some acknowledged ballots are missing or differ (see above)"
