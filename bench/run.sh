#!/usr/bin/env bash
# HTTP benchmarks of Participe (not part of the test suite). See bench/README.md.
#
# One command:   bench/run.sh
#
# It installs wrk, nginx and psql with apt-get when missing (as root), builds
# the release server, and for each engine (SQLite in a fresh temporary
# directory, PostgreSQL in a fresh temporary database) starts
# `participe serve --demo` on a free loopback port and loads it with wrk:
#   - the home page                    GET  /
#   - a project page                   GET  /projects/budget-participatif-2026
#   - a successful log-in              POST /login  (303, Argon2id verification)
# It also starts Debian's nginx serving a copy of the real home page as a
# static file and loads it with the same wrk settings, so every Participe
# figure can be given as a ratio to nginx on the same machine.
# Everything it starts is stopped on exit; the PostgreSQL database is dropped.
#
# Knobs (environment, defaults are the documented configuration):
#   BENCH_THREADS=2 BENCH_CONNS=32 BENCH_LOGIN_CONNS=4 BENCH_DURATION=10s
#   BENCH_WARMUP=2s PG_ADMIN_URL=postgres://postgres@127.0.0.1:5432/test
#   BENCH_ENGINES="sqlite postgres"  BENCH_RAW_DIR=DIR (keep raw wrk outputs)
#   BENCH_BUSY_LIMIT=5 (warn when other processes use more than 5% of the CPU)
#   BENCH_PAIRS=6 BENCH_PAIR_DURATION=5s (paired rounds of the home page
#   against nginx, in turn; 0 skips them)
#   BENCH_PROFILE=release (or profiling: the same build with symbols, for perf)
#   BENCH_BIN=PATH BENCH_REVISION=TEXT (load a server built elsewhere, e.g. an
#   earlier revision, instead of building this one)
set -Eeuo pipefail
trap 'printf "\nERROR: bench/run.sh failed at line %s: %s\n" "$LINENO" "$BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck source=bench/nginx.sh
. bench/nginx.sh

THREADS=${BENCH_THREADS:-2}
CONNS=${BENCH_CONNS:-32}
LOGIN_CONNS=${BENCH_LOGIN_CONNS:-4}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-2s}
WRK_TIMEOUT=5s
LOGIN_LIMIT=100000000
PG_ADMIN_URL=${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/test}
ENGINES=${BENCH_ENGINES:-sqlite postgres}
PROJECT_SLUG=budget-participatif-2026
ADMIN_EMAIL=admin@ville-demo.fr
ADMIN_PASSWORD=demo-admin-2026

say() { printf '\n==> %s\n' "$*" >&2; }
warn() { printf '!!! %s\n' "$*" >&2; }
die() {
  printf '\nERROR: %s\n' "$*" >&2
  exit 1
}

# --- cleanup: everything started here is stopped on exit -------------------------
TMP=""
PIDS=()
PG_DB=""
cleanup() {
  local rc=$? pid i
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for ((i = 0; i < 50; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      warn "process $pid did not stop on SIGTERM; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
  if [ -n "$PG_DB" ]; then
    psql "$PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 ||
      warn "could not drop the PostgreSQL database $PG_DB; drop it by hand"
  fi
  if [ -n "$TMP" ] && [ -d "$TMP" ]; then
    if [ -n "${BENCH_RAW_DIR:-}" ]; then
      mkdir -p "$BENCH_RAW_DIR" && cp -r "$TMP"/raw/. "$BENCH_RAW_DIR"/ 2>/dev/null || true
    fi
    rm -rf "$TMP"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

stop_pid() { # stops one process we started and forgets it
  local pid=$1 i keep=()
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for i in "${PIDS[@]}"; do [ "$i" = "$pid" ] || keep+=("$i"); done
  PIDS=("${keep[@]+"${keep[@]}"}")
}

# --- tools ------------------------------------------------------------------------
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v psql >/dev/null || need+=(postgresql-client)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Installing Debian packages: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    die "missing tools: ${need[*]}; install them with: sudo apt-get install ${need[*]}"
  fi
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
# Debian enables and starts the packaged nginx service on install; it listens
# on :80 and is not ours: we leave it alone and use our own instance below.
command -v cargo >/dev/null || die "cargo not found: install a Rust toolchain (see README.md)"

TMP=$(mktemp -d /tmp/participe-bench.XXXXXX)
mkdir -p "$TMP/raw"

# --- helpers ------------------------------------------------------------------------
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p i
  for ((i = 0; i < 200; i++)); do
    p=$((20000 + RANDOM % 40000))
    port_in_use "$p" || {
      echo "$p"
      return 0
    }
  done
  die "no free loopback port found"
}

wait_http() { # wait_http URL PID LOG: waits up to 120 s for a 200
  local url=$1 pid=$2 log=$3 i
  for ((i = 0; i < 1200; i++)); do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$log" >&2 || true
      die "the server started for $url exited early (log above)"
    fi
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)" = 200 ] && return 0
    sleep 0.1
  done
  tail -n 30 "$log" >&2 || true
  die "$url did not answer 200 within 120 s (log above)"
}

# wrk Lua: counts response statuses in every thread and prints them at the end
# as "STATUS <code> <count>" lines. With LOGIN=1 it sends the log-in POST.
cat >"$TMP/bench.lua" <<'LUA'
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  statuses = {}
  if os.getenv("LOGIN") == "1" then
    local csrf = os.getenv("CSRF")
    wrk.method = "POST"
    wrk.body = "_csrf=" .. csrf .. "&email=" .. os.getenv("EMAIL_ENC") ..
               "&password=" .. os.getenv("PASSWORD_ENC") .. "&next=%2F"
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
    wrk.headers["Cookie"] = "participe_csrf=" .. csrf
  end
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for code, n in pairs(t:get("statuses")) do total[code] = (total[code] or 0) + n end
  end
  for code, n in pairs(total) do io.write(string.format("STATUS %d %d\n", code, n)) end
end
LUA

urlenc() { # minimal application/x-www-form-urlencoded encoder
  local s=$1 out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case $c in
      [a-zA-Z0-9.~_-]) out+=$c ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  printf '%s' "$out"
}

ROWS=() # target|conns|rps|p50_ms|p99_ms|requests|statuses|check
UNEXPECTED=0

to_ms() { # wrk duration (e.g. 812.00us, 1.23ms, 2.01s, 1.00m) -> milliseconds
  awk -v v="$1" 'BEGIN{
    n=v; sub(/[a-z]+$/,"",n); u=v; sub(/^[0-9.]+/,"",u);
    f = (u=="us")?0.001:(u=="ms")?1:(u=="s")?1000:(u=="m")?60000:(u=="h")?3600000:-1;
    if (f<0) { print "?"; exit }
    printf "%.2f", n*f }'
}

# CPU accounting, to tell whether something else used the machine during a run
# (client and servers share it, so a busy machine gives low, noisy figures).
HZ=$(getconf CLK_TCK 2>/dev/null || echo 100)
cpu_total() { # "busy idle" jiffies of all CPUs since boot
  awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $5+$6}' /proc/stat
}
BENCH_DB="" # the PostgreSQL database of the server under test, if any
# "pid jiffies" (user+system) of the server under test: the processes given,
# their children (nginx workers) and the PostgreSQL backends serving BENCH_DB
# (their process title names the database).
ours_snapshot() {
  local roots=" $1 " f
  if [ -n "$BENCH_DB" ]; then
    for f in $(grep -l -a -F -- "$BENCH_DB " /proc/[0-9]*/cmdline 2>/dev/null || true); do
      f=${f#/proc/}
      roots+="${f%/cmdline} "
    done
  fi
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v r="$roots" '{pid=$1; sub(/^.*\) /,"");
    if (index(r, " " pid " ") || index(r, " " $2 " ")) print pid, $12+$13}'
}

# run_wrk NAME URL CONNS EXPECTED_STATUS SERVER_PID [LOGIN]
# Prints wrk's output and adds a row to the table.
run_wrk() {
  local name=$1 url=$2 conns=$3 expect=$4 spid=$5 login=${6:-0}
  local out tfile rps p50 p99 reqs statuses errs check c0 c1 other cpu_req srv sampler=""
  out="$TMP/raw/$(echo "$name" | tr ' /:' '___')-c$conns.txt"
  tfile="$out.time"
  say "wrk: $name  ($url, ${THREADS} threads, ${conns} connections, ${DURATION})"
  # warm-up (not measured)
  LOGIN=$login timeout 60 wrk -t"$THREADS" -c"$conns" -d"$WARMUP" --timeout "$WRK_TIMEOUT" \
    -s "$TMP/bench.lua" "$url" >/dev/null 2>&1 || die "wrk warm-up failed for $name"
  ours_snapshot "$spid" >"$out.cpu0"
  c0=$(cpu_total)
  if [ -n "$BENCH_DB" ]; then
    # PostgreSQL backends come and go during a run (the pool replaces the
    # connections of requests cancelled when wrk disconnects): sample them.
    (while :; do
      ours_snapshot "$spid"
      sleep 0.5
    done) >"$out.samples" 2>/dev/null &
    sampler=$!
    PIDS+=("$sampler")
  fi
  local TIMEFORMAT='%3U %3S'
  { time LOGIN=$login timeout 120 wrk -t"$THREADS" -c"$conns" -d"$DURATION" --timeout "$WRK_TIMEOUT" \
    --latency -s "$TMP/bench.lua" "$url" >"$out" 2>&1; } 2>"$tfile" || {
    cat "$out" >&2
    die "wrk failed for $name"
  }
  ours_snapshot "$spid" >>"$out.samples"
  c1=$(cpu_total)
  [ -z "$sampler" ] || stop_pid "$sampler"
  # server jiffies over the run: for each process, last seen - at start (0 if new)
  srv=$(awk 'NR==FNR{start[$1]=$2; next} {if ($2>last[$1]) last[$1]=$2}
    END{for (p in last) s+=last[p]-((p in start)?start[p]:0); print s+0}' "$out.cpu0" "$out.samples")
  # other = all busy CPU time - the server's - wrk's, as a share of all CPU time
  other=$(awk -v a="$c0" -v b="$c1" -v s="$srv" -v hz="$HZ" -v w="$(tail -n 1 "$tfile")" 'BEGIN{
    split(a,x," "); split(b,y," "); split(w,t," ");
    busy=y[1]-x[1]; all=busy+(y[2]-x[2]); o=busy-s-(t[1]+t[2])*hz; if (o<0) o=0;
    printf "%.0f", (all>0)?100*o/all:0 }')
  sed 's/^/    /' "$out" >&2
  rps=$(awk '/^Requests\/sec:/{print $2}' "$out")
  p50=$(awk '/^ +50%/{print $2}' "$out")
  p99=$(awk '/^ +99%/{print $2}' "$out")
  reqs=$(awk '/requests in/{print $1}' "$out")
  [ -n "$rps" ] && [ -n "$p50" ] && [ -n "$p99" ] || die "could not parse the wrk output of $name ($out)"
  statuses=$(awk '/^STATUS /{printf "%s%s:%s", sep, $2, $3; sep=","}' "$out")
  errs=$(awk '/Socket errors:/{gsub(/,/,""); print $4+$6+$8+$10}' "$out")
  check=ok
  if [ "$statuses" != "$expect:$reqs" ] || [ "${errs:-0}" != 0 ] || grep -q 'Non-2xx or 3xx' "$out"; then
    check="UNEXPECTED (want all $expect)"
    [ "${errs:-0}" != 0 ] && check+=" socket errors: $errs"
    UNEXPECTED=1
  fi
  if [ "$other" -gt "$BUSY_LIMIT" ]; then
    warn "other processes used ${other}% of the CPU during '$name': this figure is unreliable"
    BUSY=1
  fi
  cpu_req=$(awk -v s="$srv" -v hz="$HZ" -v n="$reqs" 'BEGIN{ printf "%.3f", (n>0)?1000*s/hz/n:0 }')
  ROWS+=("$name|$conns|$rps|$(to_ms "$p50")|$(to_ms "$p99")|$reqs|${statuses:-none}|$check|$other|$cpu_req")
}
BUSY=0
BUSY_LIMIT=${BENCH_BUSY_LIMIT:-5}

# --- machine -------------------------------------------------------------------------
machine() {
  local cpu mem os
  cpu=$(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)
  [ -n "$cpu" ] || cpu=$(awk -F': ' '/^(Hardware|Processor|cpu model)/{print $2; exit}' /proc/cpuinfo)
  mem=$(awk '/^MemTotal:/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)
  os=$( (. /etc/os-release && echo "$PRETTY_NAME") 2>/dev/null || uname -s)
  echo "CPUs (nproc): $(nproc)"
  echo "CPU model:    ${cpu:-unknown}"
  echo "Memory:       $mem"
  echo "OS:           $os, kernel $(uname -r) ($(uname -m))"
}

# --- build ------------------------------------------------------------------------
if [ -n "${BENCH_BIN:-}" ]; then
  # A server built elsewhere, e.g. an earlier revision to compare with.
  BIN=$(realpath "$BENCH_BIN")
  REVISION="${BENCH_REVISION:-given binary $BIN}"
else
  PROFILE=${BENCH_PROFILE:-release}
  say "Building the server: cargo build --profile $PROFILE --bin participe"
  cargo build --profile "$PROFILE" --bin participe
  BIN="$ROOT/target/$PROFILE/participe"
  REVISION=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
  [ -z "$(git -C "$ROOT" status --porcelain --untracked-files=no -- crates Cargo.toml Cargo.lock 2>/dev/null)" ] ||
    REVISION+=" with uncommitted changes"
fi
[ -x "$BIN" ] || die "$BIN was not built"

# --- nginx baseline: the same home page, as a static file --------------------------
# Started once the first engine's home page is copied; each engine copies its
# own home page in before its paired rounds (nginx opens the file per request).
NGINX_PORT=""
NGINX_PID=""
start_nginx() { # start_nginx FILE: serves a copy of FILE
  NGINX_PORT=$(free_port)
  nginx_static_conf "$TMP/nginx" "$NGINX_PORT"
  cp "$1" "$TMP/nginx/www/index.html"
  say "Starting nginx on 127.0.0.1:$NGINX_PORT serving a static copy of the home page"
  "$NGINX" -t -q -p "$TMP/nginx" -e "$TMP/nginx/error.log" -c "$TMP/nginx/nginx.conf" ||
    die "nginx rejected $TMP/nginx/nginx.conf"
  "$NGINX" -p "$TMP/nginx" -e "$TMP/nginx/error.log" -c "$TMP/nginx/nginx.conf" >"$TMP/nginx/stdout.log" 2>&1 &
  NGINX_PID=$!
  PIDS+=("$NGINX_PID")
  wait_http "http://127.0.0.1:$NGINX_PORT/" "$NGINX_PID" "$TMP/nginx/error.log"
}

# --- Participe, one engine at a time -----------------------------------------------------
HOME_HTML=""
bench_engine() { # bench_engine ENGINE DATABASE_URL
  local engine=$1 db_url=$2 dir port pid log base csrf code
  dir="$TMP/$engine"
  mkdir -p "$dir"
  port=$(free_port)
  log="$dir/server.log"
  say "Starting participe ($engine) on 127.0.0.1:$port with --demo --login-limit $LOGIN_LIMIT"
  (cd "$dir" && exec "$BIN" serve --bind "127.0.0.1:$port" --database-url "$db_url" --demo \
    --data-dir "$dir" --login-limit "$LOGIN_LIMIT") >"$log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  base="http://127.0.0.1:$port"
  wait_http "$base/healthz" "$pid" "$log"
  sleep 2
  local rss_rest
  rss_rest=$(rss_mib "$pid")
  curl -fsS "$base/healthz" | grep -q "\"$engine\"" || die "/healthz of $base does not report $engine"

  # sanity checks (and the home page copied for nginx)
  curl -fsS -o "$dir/home.html" "$base/" || die "GET / failed on $engine"
  [ -n "$HOME_HTML" ] || HOME_HTML="$dir/home.html"
  code=$(curl -s -o /dev/null -w '%{http_code}' "$base/projects/$PROJECT_SLUG")
  [ "$code" = 200 ] || die "GET /projects/$PROJECT_SLUG answered $code on $engine (demo content missing?)"
  csrf=$(curl -fsS -D - -o /dev/null "$base/login" |
    awk 'tolower($1)=="set-cookie:" && $2 ~ /^participe_csrf=/ {sub(/^participe_csrf=/,"",$2); sub(/;.*/,"",$2); print $2}')
  [ ${#csrf} = 64 ] || die "no participe_csrf cookie from GET /login on $engine"
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "participe_csrf=$csrf" \
    --data-urlencode "_csrf=$csrf" --data-urlencode "email=$ADMIN_EMAIL" \
    --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "next=/" "$base/login")
  [ "$code" = 303 ] || die "the demo administrator's log-in answered $code (want 303) on $engine"

  run_wrk "participe $engine  GET /" "$base/" "$CONNS" 200 "$pid"
  run_wrk "participe $engine  GET /projects/$PROJECT_SLUG" "$base/projects/$PROJECT_SLUG" "$CONNS" 200 "$pid"
  CSRF=$csrf EMAIL_ENC=$(urlenc "$ADMIN_EMAIL") PASSWORD_ENC=$(urlenc "$ADMIN_PASSWORD") \
    run_wrk "participe $engine  POST /login" "$base/login" "$LOGIN_CONNS" 303 "$pid" 1
  MEMORY+=("$engine|$rss_rest|$(rss_mib "$pid")|$(awk '/^VmHWM:/{printf "%.1f", $2/1024}' "/proc/$pid/status")")
  paired_rounds "$engine" "$base/" "$dir/home.html"
  stop_pid "$pid"
}

# Paired rounds of the home page: nginx serving a copy of this engine's home
# page and Participe's GET / loaded in turn (ABBA: nginx first in odd rounds,
# Participe first in even ones), so that the machine's speed, which drifts
# by tens of percent over minutes on shared hosts, weighs on both sides of
# every ratio. Adds a row: engine|bytes|nginx req/s…|participe req/s…|ratios…|median.
# Without the Lua script: a `response()` callback makes wrk copy every body
# into a new Lua string unless it is the same as the last one (LuaJIT interns
# strings), and Participe's pages carry a new CSRF token per request without
# a cookie while nginx sends the same bytes every time, so the client spent
# more per byte on one side (12 % of Participe's figure for the 21 kB home
# page). wrk's own count of non-2xx/3xx answers and socket errors checks the
# run instead.
quick_rps() { # quick_rps URL: requests/s of a -d$PAIR_DURATION wrk run (no error answer allowed)
  local out
  out=$(timeout 60 wrk -t"$THREADS" -c"$CONNS" -d"$PAIR_DURATION" --timeout "$WRK_TIMEOUT" "$1" 2>&1) ||
    die "wrk failed for $1"
  awk '/Non-2xx or 3xx/{ bad=1 } /Socket errors/{ bad=1 } END{ exit bad }' <<<"$out" ||
    die "unexpected answers from $1 during a paired round: $out"
  awk '/^Requests\/sec:/{print $2}' <<<"$out"
}
paired_rounds() { # paired_rounds ENGINE PARTICIPE_URL HOME_COPY
  local engine=$1 url=$2 i n p ns=() ps=() ratios=()
  [ "$PAIRS" -gt 0 ] || return 0
  [ -n "$NGINX_PID" ] || start_nginx "$3"
  cp "$3" "$TMP/nginx/www/index.html"
  say "Paired rounds ($engine): nginx and participe GET / in turn, $PAIRS rounds of $PAIR_DURATION each"
  timeout 60 wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" "http://127.0.0.1:$NGINX_PORT/" >/dev/null 2>&1 ||
    die "wrk warm-up of nginx failed"
  for ((i = 1; i <= PAIRS; i++)); do
    if ((i % 2)); then
      n=$(quick_rps "http://127.0.0.1:$NGINX_PORT/")
      p=$(quick_rps "$url")
    else
      p=$(quick_rps "$url")
      n=$(quick_rps "http://127.0.0.1:$NGINX_PORT/")
    fi
    ns+=("$n")
    ps+=("$p")
    ratios+=("$(awk -v a="$p" -v b="$n" 'BEGIN{printf "%.3f", a/b}')")
    printf '    round %d: nginx %s req/s, participe %s req/s, ratio %s\n' "$i" "$n" "$p" "${ratios[-1]}" >&2
  done
  PAIRED+=("$engine|$(wc -c <"$3")|${ns[*]}|${ps[*]}|${ratios[*]}|$(printf '%s\n' "${ratios[@]}" | sort -g |
    awk '{v[NR]=$1} END{ if (NR%2) print v[(NR+1)/2]; else printf "%.3f", (v[NR/2]+v[NR/2+1])/2 }')")
}
PAIRED=()
PAIRS=${BENCH_PAIRS:-6}
PAIR_DURATION=${BENCH_PAIR_DURATION:-5s}

export CSRF="" EMAIL_ENC="" PASSWORD_ENC=""
MEMORY=() # engine|RSS at rest MiB|RSS after the runs MiB|peak RSS MiB
rss_mib() { awk '/^VmRSS:/{printf "%.1f", $2/1024}' "/proc/$1/status"; }
SKIPPED=()
for engine in $ENGINES; do
  case $engine in
    sqlite)
      bench_engine sqlite "sqlite://$TMP/sqlite/participe.db"
      ;;
    postgres)
      if psql "$PG_ADMIN_URL" -qtAc 'SELECT 1' >/dev/null 2>&1; then
        PG_DB="participe_bench_$$"
        psql "$PG_ADMIN_URL" -qc "CREATE DATABASE $PG_DB" >/dev/null || die "could not create database $PG_DB"
        PG_VERSION=$(psql "$PG_ADMIN_URL" -qtAc 'SHOW server_version' 2>/dev/null || echo '?')
        BENCH_DB=$PG_DB
        bench_engine postgres "${PG_ADMIN_URL%/*}/$PG_DB"
        BENCH_DB=""
        psql "$PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null &&
          PG_DB=""
      else
        warn "SKIPPING PostgreSQL: nothing answers at $PG_ADMIN_URL (set PG_ADMIN_URL=postgres://USER@HOST:PORT/DB)"
        SKIPPED+=(postgres)
      fi
      ;;
    *) die "unknown engine '$engine' in BENCH_ENGINES (sqlite, postgres)" ;;
  esac
done
[ -n "$HOME_HTML" ] || die "no Participe engine ran, so there is no home page to copy for nginx"
[ -n "$NGINX_PID" ] || start_nginx "$HOME_HTML"
cp "$HOME_HTML" "$TMP/nginx/www/index.html"

run_wrk "nginx static home copy" "http://127.0.0.1:$NGINX_PORT/" "$CONNS" 200 "$NGINX_PID"
[ "$LOGIN_CONNS" = "$CONNS" ] ||
  run_wrk "nginx static home copy" "http://127.0.0.1:$NGINX_PORT/" "$LOGIN_CONNS" 200 "$NGINX_PID"
stop_pid "$NGINX_PID"

# --- report ----------------------------------------------------------------------------
nginx_rps() { # nginx requests/s at the given number of connections
  local r
  for r in "${ROWS[@]}"; do
    IFS='|' read -r n c rps _ <<<"$r"
    [[ $n == nginx* && $c == "$1" ]] && echo "$rps" && return
  done
}

{
  echo
  echo "==================== Participe HTTP benchmark ===================="
  echo "Date:         $(date -u '+%Y-%m-%d %H:%M UTC')"
  machine
  echo "Revision:     $REVISION"
  echo "Versions:     $("$BIN" --version), $("$NGINX" -v 2>&1 | sed 's/^nginx version: //'), $({ wrk -v 2>&1 || true; } | awk 'NR==1{print $1" "$2}')${PG_VERSION:+, PostgreSQL $PG_VERSION}"
  echo "wrk:          -t$THREADS, -c$CONNS for pages and nginx, -c$LOGIN_CONNS for log-in (and nginx again), -d$DURATION after a $WARMUP warm-up, --timeout $WRK_TIMEOUT, --latency; client and servers share the machine, on 127.0.0.1"
  echo "participe:    serve --demo --login-limit $LOGIN_LIMIT (rate limit raised so the handler is measured); requests carry no cookies, except the log-in POST (CSRF cookie + field)"
  [ ${#SKIPPED[@]} = 0 ] || echo "Skipped:      ${SKIPPED[*]} (no PostgreSQL server answered)"
  echo
  fmt='| %-58s | %5s | %10s | %8s | %8s | %12s | %10s | %5s | %s |\n'
  # shellcheck disable=SC2059
  printf "$fmt" "target" "conns" "requests/s" "p50 ms" "p99 ms" "vs nginx" "CPU ms/req" "other" "statuses"
  printf '|%s|------:|-----------:|---------:|---------:|-------------:|-----------:|------:|----------|\n' "$(printf -- '-%.0s' {1..60})"
  for r in "${ROWS[@]}"; do
    IFS='|' read -r n c rps p50 p99 _ st check other cpu_req <<<"$r"
    base=$(nginx_rps "$c")
    ratio=$(awk -v a="$rps" -v b="${base:-0}" 'BEGIN{ if (b>0) printf "%.3g", a/b; else print "n/a" }')
    [[ $n == nginx* ]] && ratio="1 (baseline)"
    [ "$check" = ok ] || st="$st $check"
    # shellcheck disable=SC2059
    printf "$fmt" "$n" "$c" "$rps" "$p50" "$p99" "$ratio" "$cpu_req" "$other%" "$st"
  done
  if [ ${#PAIRED[@]} -gt 0 ]; then
    echo
    echo "Home page, paired rounds (nginx serving a copy of the engine's home page and participe GET / in turn, ABBA, -d$PAIR_DURATION each):"
    for r in "${PAIRED[@]}"; do
      IFS='|' read -r e bytes ns ps ratios median <<<"$r"
      printf '  %-9s %6s bytes   median ratio %s   ratios %s\n' "$e" "$bytes" "$median" "$ratios"
      printf '  %-9s nginx req/s %s\n  %-9s participe req/s %s\n' "" "$ns" "" "$ps"
    done
  fi
  echo
  echo "Memory of the server process (RSS, MiB): at rest = 2 s after 'serve --demo' answered /healthz (the demo loaded, nothing served yet); after = once the runs above ended; peak = VmHWM."
  for r in "${MEMORY[@]}"; do
    IFS='|' read -r e rest after peak <<<"$r"
    printf '  %-9s at rest %6s   after the runs %6s   peak %6s\n' "$e" "$rest" "$after" "$peak"
  done
  echo
  echo "vs nginx = participe requests/s / nginx requests/s (static copy of the home page, same wrk settings and connection count)."
  echo "CPU ms/req = CPU time (user+system) per request of the server: all its threads, plus its PostgreSQL backends; nginx: master and workers."
  echo "other    = CPU time used by other processes during the run, as a share of the machine (should be ~0%)."
  echo "statuses = HTTP status:count over the measured run (expected: 200 for pages, 303 for log-in)."
}
if [ "$BUSY" != 0 ]; then
  warn "other processes used more than ${BUSY_LIMIT}% of the CPU during some runs (column 'other'): run again on a quiet machine"
fi
if [ "$UNEXPECTED" != 0 ]; then
  die "some runs had unexpected statuses or socket errors (see the statuses column)"
fi
