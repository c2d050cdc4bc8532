#!/usr/bin/env bash
# Every counting rule on every shared election, with `participe pb count
# FILE --all-rules --format json` (one process per file: one parse, then each
# rule in turn, sharing the Equal Shares runs). Prints, in one run: each
# rule's time on each instance, the time to read and parse each file, the
# whole process's wall time and peak memory (RSS), the totals, and the
# targets of issue 14 beside them.
#
# One command:   bench/all_rules.sh
#
# Knobs (environment):
#   PB_INSTANCES_DIR=dir   (default ../shared/pb/instances)
#   PARTICIPE_BIN=path     (use this binary instead of building target/release/participe)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
INSTANCES=${PB_INSTANCES_DIR:-$ROOT/../shared/pb/instances}
[[ -d $INSTANCES ]] || { echo "ERROR: $INSTANCES not found" >&2; exit 1; }
if [[ -n ${PARTICIPE_BIN:-} ]]; then
  BIN=$PARTICIPE_BIN
else
  echo "==> cargo build --release -p participe --bin participe" >&2
  cargo build --release --quiet -p participe --bin participe
  BIN=$ROOT/target/release/participe
fi
REVISION=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
echo "==> revision $REVISION, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
exec python3 "$ROOT/bench/all_rules.py" "$BIN" "$INSTANCES"
