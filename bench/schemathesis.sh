#!/usr/bin/env bash
# Fuzzes the GraphQL API with schemathesis (PyPI) for a few minutes against
# a server holding the demo content, and fails if any request gets a server
# error. One command:   bench/schemathesis.sh
#
# Knobs: ST_DURATION (seconds of fuzzing, default 180), ST_VERSION (pin),
#        PARTICIPE_BIN (a built binary; default: cargo build, debug).
set -Eeuo pipefail
cd "$(dirname "$0")/.."
DURATION=${ST_DURATION:-180}
VENV=bench/.venv-schemathesis
say() { printf '\n==> %s\n' "$*" >&2; }

if [ ! -x "$VENV/bin/st" ]; then
  say "Installing schemathesis in $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "schemathesis${ST_VERSION:+==$ST_VERSION}"
fi
say "schemathesis $("$VENV/bin/pip" show schemathesis | sed -n 's/^Version: //p')"

BIN=${PARTICIPE_BIN:-}
if [ -z "$BIN" ]; then
  say "Building the server"
  cargo build --quiet --bin participe
  BIN=target/debug/participe
fi

TMP=$(mktemp -d)
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
say "Starting the server with the demo on port $PORT"
# The fuzzer sends thousands of requests from one address: the API's
# per-address limit is raised so that it reaches the resolvers.
"$BIN" serve --api-limit 100000000 --demo --database-url "sqlite://$TMP/st.db" --data-dir "$TMP" --bind "127.0.0.1:$PORT" \
  >"$TMP/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.2
done

# A write token, so that the mutations run too (half of the time).
TOKEN="pt_schemathesis_$RANDOM$RANDOM$RANDOM"
python3 - "$TMP/st.db" "$TOKEN" <<'PY'
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
admin = db.execute("SELECT id FROM users WHERE role = 'administrator' ORDER BY id LIMIT 1").fetchone()[0]
digest = hashlib.sha256(sys.argv[2].encode()).hexdigest()
db.execute("INSERT INTO api_tokens (name, token_hash, scope, created_by, created_at) "
           "VALUES ('schemathesis', ?, 'write', ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))", (digest, admin))
db.commit()
PY

# Our own check replaces the built-in not_a_server_error (see bench/st_checks.py).
export PYTHONPATH="$PWD/bench${PYTHONPATH:+:$PYTHONPATH}" SCHEMATHESIS_HOOKS=st_checks
rc=0
: >"$TMP/st.out"
for who in public write-token; do
  say "Fuzzing http://127.0.0.1:$PORT/graphql for $((DURATION / 2))s ($who)"
  auth=()
  [ "$who" = write-token ] && auth=(-H "Authorization: Bearer $TOKEN")
  set +e
  timeout --signal=INT "$((DURATION + 60))" "$VENV/bin/st" run "http://127.0.0.1:$PORT/graphql" "${auth[@]}" \
    --checks participe_server_error --max-time "$((DURATION / 2))" 2>&1 | tee -a "$TMP/st.out" | tail -n 25
  r=${PIPESTATUS[0]}
  set -e
  [ "$r" = 0 ] || rc=$r
done
cp "$TMP/st.out" "${ST_OUT:-/dev/null}"
panics=$(grep -ci 'panicked' "$TMP/server.log" || true)
say "server log: ${panics} panics"
if [ "$panics" != 0 ] || [ "$rc" != 0 ]; then
  echo "FAILED: the fuzzer found server errors" >&2
  exit 1
fi
echo "schemathesis exit code: $rc (0 = no failed check)"
