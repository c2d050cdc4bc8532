#!/usr/bin/env bash
# Vote benchmark: concurrent signed-in voters casting and changing their
# ballot (POST /votes/{step_id}), on SQLite and on PostgreSQL. See
# bench/README.md ("Votes").
#
# One command:   bench/votes.sh
#
# For each engine it seeds a fresh database with examples/seed_votes.rs (an
# open vote step, 20 proposals, 64 voters with a session), starts the release
# server with the vote rate limit lifted, and drives it with wrk and
# bench/votes.lua: one wrk thread per connection, each connection one voter,
# each request a new valid ballot of 1-3 random proposals. Only 303 (the
# redirect to the receipt, sent once the ballot transaction has committed)
# counts as success. Afterwards it checks in the database that there is
# exactly one ballot per voter who got a 303, each with 1 to 3 choices.
#
# To compare with an earlier revision in the same run, build it (its
# `participe` and `examples/seed_votes`) and put both binaries in a folder:
# BENCH_BASE_DIR=/path BENCH_BASE_REVISION=abc1234 bench/votes.sh measures
# it first on each engine, then this one.
#
# Knobs: BENCH_VOTERS=64 (voters = wrk threads = connections),
#        BENCH_DURATION=10s, BENCH_WARMUP=2s (0 to skip),
#        PG_ADMIN_URL=postgres://postgres@127.0.0.1:5432/test,
#        BENCH_ENGINES="sqlite postgres"
set -Eeuo pipefail
trap 'printf "\nERROR: bench/votes.sh failed at line %s: %s\n" "$LINENO" "$BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."
ROOT=$PWD
VOTERS=${BENCH_VOTERS:-64}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-2s}
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/test}
ENGINES=${BENCH_ENGINES:-sqlite postgres}
VOTE_LIMIT=1000000000

say() { printf '\n==> %s\n' "$*" >&2; }
die() {
  printf '\nERROR: %s\n' "$*" >&2
  exit 1
}

need=()
command -v wrk >/dev/null || need+=(wrk)
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

TMP=$(mktemp -d /tmp/participe-votes.XXXXXX)
PID=""
SAMPLER=""
PG_DB=""
cleanup() {
  local rc=$?
  [ -z "$SAMPLER" ] || { kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true; }
  if [ -n "$PID" ]; then
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
  fi
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
THIS_BIN=$ROOT/target/release/participe
THIS_SEED=$ROOT/target/release/examples/seed_votes
BASE_DIR=${BENCH_BASE_DIR:-}
BASE_REVISION=${BENCH_BASE_REVISION:-base}
if [ -n "$BASE_DIR" ]; then
  [ -x "$BASE_DIR/participe" ] && [ -x "$BASE_DIR/seed_votes" ] || die "BENCH_BASE_DIR must hold participe and seed_votes"
fi
REVISION=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -z "$(git status --porcelain --untracked-files=no -- crates Cargo.toml Cargo.lock 2>/dev/null)" ] ||
  REVISION+=" with uncommitted changes"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
to_ms() { # wrk duration (812.00us, 1.23ms, 2.01s) -> milliseconds
  awk -v v="$1" 'BEGIN{ n=v; sub(/[a-z]+$/,"",n); u=v; sub(/^[0-9.]+/,"",u);
    f=(u=="us")?0.001:(u=="ms")?1:(u=="s")?1000:(u=="m")?60000:-1;
    if (f<0) print "?"; else printf "%.2f", n*f }'
}
loadavg() { cut -d' ' -f1 /proc/loadavg; }

# CPU accounting (the machine is shared): busy jiffies of the whole machine,
# and of the server plus the PostgreSQL backends serving its database (their
# process title names it), sampled every 0.5 s since the pool may replace them.
HZ=$(getconf CLK_TCK 2>/dev/null || echo 100)
cpu_total() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $5+$6}' /proc/stat; }
ours_snapshot() { # "pid jiffies" of the server $1 and the backends of $2
  local roots=" $1 " f
  if [ -n "$2" ]; then
    for f in $(grep -l -a -F -- "$2 " /proc/[0-9]*/cmdline 2>/dev/null || true); do
      f=${f#/proc/}
      roots+="${f%/cmdline} "
    done
  fi
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v r="$roots" '{pid=$1; sub(/^.*\) /,"");
    if (index(r, " " pid " ")) print pid, $12+$13}'
}

sql() { # sql ENGINE URL QUERY: one value per line, columns separated by |
  case $1 in
    sqlite) sqlite3 -batch -noheader "${2#sqlite://}" "$3" ;;
    postgres) psql "$2" -qtAX -F'|' -c "$3" ;;
  esac
}

ROWS=()
FAILED=0
bench_engine() {
  local engine=$1 url dir port base step pg_name="" out tfile code acked csrf
  dir="$TMP/$engine-${#ROWS[@]}"
  mkdir -p "$dir"
  case $engine in
    sqlite) url="sqlite://$dir/votes.db" ;;
    postgres)
      if ! psql "$PG_ADMIN_URL" -qtAc 'SELECT 1' >/dev/null 2>&1; then
        echo "SKIPPING PostgreSQL: nothing answers at $PG_ADMIN_URL" >&2
        return
      fi
      PG_DB="participe_votes_$$"
      psql "$PG_ADMIN_URL" -qc "CREATE DATABASE $PG_DB" >/dev/null
      url="${PG_ADMIN_URL%/*}/$PG_DB"
      pg_name=$PG_DB
      ;;
  esac
  say "$engine: seeding $VOTERS voters"
  "$SEED" --database-url "$url" --voters "$VOTERS" >"$dir/seed.txt"
  step=$(head -n 1 "$dir/seed.txt")

  port=$(free_port)
  base="http://127.0.0.1:$port"
  say "$engine: participe serve on 127.0.0.1:$port --vote-limit $VOTE_LIMIT"
  (cd "$dir" && exec "$BIN" serve --database-url "$url" --bind "127.0.0.1:$port" \
    --data-dir "$dir" --vote-limit "$VOTE_LIMIT") >"$dir/server.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "$base/healthz" && break
    kill -0 "$PID" 2>/dev/null || { tail -n 30 "$dir/server.log" >&2; die "the server exited early"; }
    sleep 0.1
  done
  curl -fs "$base/healthz" | grep -q "\"$engine\"" || die "/healthz of $base does not report $engine"

  # One ballot by hand (voter 1): must be acknowledged by a 303 to the receipt.
  # CSRF: the cookie (64 characters, any) and the field must be equal.
  csrf=$(printf 'c%.0s' {1..64})
  code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' \
    -b "participe_session=$(sed -n 3p "$dir/seed.txt"); participe_csrf=$csrf" \
    --data "choice=$(sed -n 2p "$dir/seed.txt" | cut -d, -f1)&_csrf=$csrf" "$base/votes/$step")
  [[ $code == "303 $base/votes/$step/receipt" ]] || die "a valid ballot answered '$code' on $engine (want a 303 to the receipt)"
  acked="1"

  if [ "$WARMUP" != 0 ]; then
    say "$engine: warm-up, $WARMUP (not measured)"
    VOTES_FILE="$dir/seed.txt" wrk -t"$VOTERS" -c"$VOTERS" -d"$WARMUP" --timeout 10s \
      -s bench/votes.lua "$base/votes/$step" >"$dir/warmup.txt" 2>&1 || { cat "$dir/warmup.txt" >&2; die "wrk warm-up failed"; }
    acked+=",$(awk '/^VOTERS_ACKED/{print $2}' "$dir/warmup.txt")"
  fi

  say "$engine: $VOTERS voters for $DURATION (wrk -t$VOTERS -c$VOTERS)"
  out="$dir/wrk.txt"
  tfile="$dir/wrk.time"
  local c0 c1 l0 l1
  ours_snapshot "$PID" "$pg_name" >"$dir/cpu0"
  (while :; do
    ours_snapshot "$PID" "$pg_name"
    sleep 0.5
  done) >"$dir/samples" 2>/dev/null &
  SAMPLER=$!
  c0=$(cpu_total)
  l0=$(loadavg)
  local TIMEFORMAT='%3U %3S'
  { time VOTES_FILE="$dir/seed.txt" wrk -t"$VOTERS" -c"$VOTERS" -d"$DURATION" --timeout 10s --latency \
    -s bench/votes.lua "$base/votes/$step" >"$out" 2>&1; } 2>"$tfile" || { cat "$out" >&2; die "wrk failed"; }
  c1=$(cpu_total)
  l1=$(loadavg)
  ours_snapshot "$PID" "$pg_name" >>"$dir/samples"
  kill "$SAMPLER" 2>/dev/null || true
  wait "$SAMPLER" 2>/dev/null || true
  SAMPLER=""
  sed 's/^/    /' "$out" >&2
  kill "$PID"
  wait "$PID" 2>/dev/null || true
  PID=""
  acked+=",$(awk '/^VOTERS_ACKED/{print $2}' "$out")"

  local secs p50 p99 ok other_st errs n_acked ballots distinct bad_choices srv other cpu_ballot rps check
  secs=$(awk '/requests in/{v=$4; sub(/,$/,"",v); n=v; sub(/[a-z]+$/,"",n); u=v; sub(/^[0-9.]+/,"",u);
    print (u=="ms")?n/1000:(u=="m")?n*60:n}' "$out")
  p50=$(to_ms "$(awk '/^ +50%/{print $2}' "$out")")
  p99=$(to_ms "$(awk '/^ +99%/{print $2}' "$out")")
  ok=$(awk '/^STATUS 303 /{print $3}' "$out")
  ok=${ok:-0}
  other_st=$(awk '/^STATUS / && $2 != "303" {n+=$3} END{print n+0}' "$out")
  errs=$(awk '/Socket errors:/{gsub(/,/,""); print $4+$6+$8+$10}' "$out")
  other_st=$((other_st + ${errs:-0}))
  rps=$(awk -v n="$ok" -v s="$secs" 'BEGIN{ printf "%.1f", (s>0)?n/s:0 }')
  # the database: one ballot per voter who got a 303, each with 1 to 3 choices
  n_acked=$(tr ',' '\n' <<<"$acked" | grep . | sort -u | wc -l)
  ballots=$(sql "$engine" "$url" "SELECT COUNT(*) FROM ballots WHERE step_id = $step")
  distinct=$(sql "$engine" "$url" "SELECT COUNT(DISTINCT voter_id) FROM ballots WHERE step_id = $step")
  bad_choices=$(sql "$engine" "$url" "SELECT COUNT(*) FROM ballots b WHERE b.step_id = $step AND
    (SELECT COUNT(*) FROM ballot_choices c WHERE c.ballot_id = b.id) NOT BETWEEN 1 AND 3")
  check="ok"
  if [ "$ballots" != "$n_acked" ] || [ "$distinct" != "$n_acked" ] || [ "$bad_choices" != 0 ]; then
    check="MISMATCH"
    FAILED=1
  fi
  [ "$other_st" = 0 ] || FAILED=1
  # CPU: the server's (with its PostgreSQL backends) per ballot, and the others' share
  srv=$(awk 'NR==FNR{start[$1]=$2; next} {if ($2>last[$1]) last[$1]=$2}
    END{for (p in last) s+=last[p]-((p in start)?start[p]:0); print s+0}' "$dir/cpu0" "$dir/samples")
  other=$(awk -v a="$c0" -v b="$c1" -v s="$srv" -v hz="$HZ" -v w="$(tail -n 1 "$tfile")" 'BEGIN{
    split(a,x," "); split(b,y," "); split(w,t," ");
    busy=y[1]-x[1]; all=busy+(y[2]-x[2]); o=busy-s-(t[1]+t[2])*hz; if (o<0) o=0;
    printf "%.0f", (all>0)?100*o/all:0 }')
  cpu_ballot=$(awk -v s="$srv" -v hz="$HZ" -v n="$ok" 'BEGIN{ printf "%.2f", (n>0)?1000*s/hz/n:0 }')
  printf '    db check: %s ballots, %s distinct voters, %s voters acknowledged (303), %s ballots without 1-3 choices: %s\n' \
    "$ballots" "$distinct" "$n_acked" "$bad_choices" "$check" >&2
  ROWS+=("$engine|$LABEL|$VOTERS|$rps|$p50|$p99|$other_st|$ballots/$n_acked $check|$cpu_ballot|$other%|$l0 -> $l1")
  if [ -n "$PG_DB" ]; then
    psql "$PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null
    PG_DB=""
  fi
}

for e in $ENGINES; do
  if [ -n "$BASE_DIR" ]; then
    BIN=$BASE_DIR/participe SEED=$BASE_DIR/seed_votes LABEL=$BASE_REVISION bench_engine "$e"
  fi
  BIN=$THIS_BIN SEED=$THIS_SEED LABEL=$REVISION bench_engine "$e"
done

echo
echo "Votes: $VOTERS concurrent voters — $(date -u '+%Y-%m-%d %H:%M UTC'), revision $REVISION"
echo "wrk -t$VOTERS -c$VOTERS -d$DURATION --latency (one voter per connection, after a $WARMUP warm-up), release build, $(nproc) cores; participe serve --vote-limit $VOTE_LIMIT"
fmt='| %-8s | %-28s | %6s | %9s | %7s | %7s | %7s | %-17s | %8s | %5s | %-14s |\n'
# shellcheck disable=SC2059
printf "$fmt" engine revision voters ballots/s "p50 ms" "p99 ms" non-303 "db: ballots/acked" "CPU ms/b" other "load 1m"
printf '|----------|------------------------------|-------:|----------:|--------:|--------:|--------:|-------------------|---------:|------:|----------------|\n'
for r in "${ROWS[@]}"; do
  IFS='|' read -r e label v rps p50 p99 bad db cpu other load <<<"$r"
  # shellcheck disable=SC2059
  printf "$fmt" "$e" "$label" "$v" "$rps" "$p50" "$p99" "$bad" "$db" "$cpu" "$other" "$load"
done
echo
echo "ballots/s = 303 answers (ballot committed, redirect to the receipt) per second; non-303 = other statuses + socket errors."
echo "db = ballots stored for the step / voters who got at least one 303 (hand check, warm-up and run): must be equal."
echo "CPU ms/b = CPU time of the server (and its PostgreSQL backends) per acknowledged ballot; other = CPU used by other processes, share of the machine."
echo "load 1m  = 1-minute load average before -> after the run (it counts wrk and the server too)."
[ "$FAILED" = 0 ] || die "non-303 answers, socket errors or a database mismatch (see above)"
