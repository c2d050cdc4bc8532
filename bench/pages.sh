#!/usr/bin/env bash
# Page budget (Lighthouse-style) of the home page and a proposal list, in
# Debian's Chromium: see bench/page_budget.mjs and bench/README.md.
#
# One command:   bench/pages.sh
#
# Builds the release server, starts `participe serve --demo` on a free
# loopback port in a temporary directory, measures, and stops it.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

if [ "$(id -u)" = 0 ] && ! command -v chromium >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
command -v chromium >/dev/null || { echo "Install Debian's chromium first." >&2; exit 1; }
(cd e2e && { [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund --loglevel=error; })

# BENCH_BIN=PATH measures a server built elsewhere; BENCH_PROFILE=profiling
# builds the release with symbols (as bench/run.sh).
if [ -n "${BENCH_BIN:-}" ]; then
  BIN=$(realpath "$BENCH_BIN")
else
  PROFILE=${BENCH_PROFILE:-release}
  cargo build --profile "$PROFILE" --quiet --bin participe
  BIN="$(cd "${CARGO_TARGET_DIR:-target}" && pwd)/$PROFILE/participe"
fi
TMP=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
(cd "$TMP" && exec "$BIN" serve --demo --bind "127.0.0.1:$PORT" --public-url "$URL" >"$TMP/server.log" 2>&1) &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$TMP"' EXIT
for _ in $(seq 1 300); do curl -fs "$URL/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

LIST=$(curl -fs "$URL/projects/budget-participatif-2026" | grep -o '/projects/budget-participatif-2026/steps/[0-9]*' | sed -n 2p)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $(git rev-parse --short HEAD)"
node bench/page_budget.mjs "$URL" / "$LIST"
