#!/usr/bin/env bash
# Counting rules of `participe pb count` against the reference implementation,
# pabutools 1.2.3 (not part of the test suite). See bench/README.md.
#
# One command:   bench/rules.sh
#
# It builds the release binary (cargo build --release -p participe), makes a
# Python venv in bench/.venv with pabutools==1.2.3 from PyPI when missing,
# takes the largest instance of ../shared/pb/instances (most VOTES rows), and
# for each rule times `target/release/participe pb count FILE --rule R --format json`
# (whole process: read, parse, count; median of BENCH_RUNS runs) and the same
# computation in pabutools (bench/pabutools_rules.py: rule only, median of
# BENCH_PABUTOOLS_RUNS runs, each stopped after BENCH_TIMEOUT seconds; the
# parse is timed separately), checks that both select the same projects, and
# prints a table.
#
# Knobs (environment):
#   BENCH_RUNS=3 BENCH_PABUTOOLS_RUNS=3 BENCH_TIMEOUT=300
#   BENCH_PB_FILE=path.pb       (instead of the largest instance)
#   PB_INSTANCES_DIR=dir        (default ../shared/pb/instances)
#   BENCH_RULES="greedy mes …"  (default: the eight rules below)
#   BENCH_MULTIPROFILE_ALL=1    (pabutools: merge identical ballots for every rule)
#   PARTICIPE_BIN=path          (use this binary instead of building target/release/participe)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

RUNS=${BENCH_RUNS:-3}
PT_RUNS=${BENCH_PABUTOOLS_RUNS:-3}
TIMEOUT=${BENCH_TIMEOUT:-300}
RULES=${BENCH_RULES:-greedy greedy-ratio mes mes-add1 mes-add1-feasible mes-add1-greedy mes-greedy phragmen}
INSTANCES=${PB_INSTANCES_DIR:-$ROOT/../shared/pb/instances}
VENV=$ROOT/bench/.venv
PABUTOOLS_VERSION=1.2.3

say() { printf '==> %s\n' "$*" >&2; }
die() {
  printf 'ERROR: %s\n' "$*" >&2
  exit 1
}

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# --- (a) the release binary -------------------------------------------------------
if [[ -n ${PARTICIPE_BIN:-} ]]; then
  BIN=$PARTICIPE_BIN
  say "using $BIN (PARTICIPE_BIN; not rebuilt)"
else
  say "cargo build --release -p participe"
  cargo build --release -p participe >&2
  BIN=$ROOT/target/release/participe
fi
[[ -x $BIN ]] || die "$BIN is not an executable"

# --- (b) pabutools in bench/.venv -------------------------------------------------
command -v python3 >/dev/null || die "python3 is needed (Debian: apt-get install python3 python3-venv)"
if [[ ! -x $VENV/bin/python ]]; then
  say "creating $VENV"
  python3 -m venv "$VENV" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
fi
if ! "$VENV/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('pabutools') != '$PABUTOOLS_VERSION')" 2>/dev/null; then
  say "pip install pabutools==$PABUTOOLS_VERSION"
  "$VENV/bin/pip" install --quiet "pabutools==$PABUTOOLS_VERSION" >&2
fi

# --- (c) the instance: most VOTES rows --------------------------------------------
votes_rows() {
  # Data rows after the VOTES title and its header row.
  awk 'BEGIN { s = 0; n = 0 } { sub(/\r$/, "") } toupper($0) ~ /^VOTES *$/ { s = 1; next } s && NF { n++ } END { print (n > 0 ? n - 1 : 0) }' "$1"
}
if [[ -n ${BENCH_PB_FILE:-} ]]; then
  FILE=$BENCH_PB_FILE
  [[ -f $FILE ]] || die "BENCH_PB_FILE=$FILE is not a file"
  REASON="chosen with BENCH_PB_FILE"
else
  [[ -d $INSTANCES ]] || die "no instances folder $INSTANCES (it comes with shared/)"
  FILE="" BEST=-1
  for f in "$INSTANCES"/*.pb; do
    n=$(votes_rows "$f")
    if ((n > BEST)); then BEST=$n FILE=$f; fi
  done
  [[ -n $FILE ]] || die "no .pb file in $INSTANCES"
  REASON="the largest by number of VOTES rows ($BEST)"
fi
FILE=$(cd "$(dirname "$FILE")" && pwd)/$(basename "$FILE")
say "instance: $(basename "$FILE"), $REASON, $(stat -c %s "$FILE") bytes"

# --- (d) participe ---------------------------------------------------------------
: >"$TMP/participe.tsv"
for rule in $RULES; do
  times=()
  status=ok
  for ((i = 0; i < RUNS; i++)); do
    start=$(date +%s%N)
    if ! "$BIN" pb count "$FILE" --rule "$rule" --format json >"$TMP/out.json" 2>"$TMP/err.txt"; then
      status="error: $(head -c 200 "$TMP/err.txt" | tr '\n\t' '  ')"
      break
    fi
    end=$(date +%s%N)
    times+=("$(((end - start) / 1000))")
  done
  say "participe $rule: $status ${times[*]:-} µs"
  printf '%s\t%s\t%s\t%s\n' "$rule" "$status" "${times[*]:-}" "$(tr -d '\n\t' <"$TMP/out.json")" >>"$TMP/participe.tsv"
done

# --- pabutools -------------------------------------------------------------------
say "pabutools $PABUTOOLS_VERSION: $PT_RUNS run(s) per rule, timeout ${TIMEOUT}s (this is the slow part)"
PT_FLAGS=()
[[ ${BENCH_MULTIPROFILE_ALL:-0} == 1 ]] && PT_FLAGS+=(--multiprofile-all)
# shellcheck disable=SC2086 # RULES is a word list
"$VENV/bin/python" "$ROOT/bench/pabutools_rules.py" "$FILE" $RULES --runs "$PT_RUNS" --timeout "$TIMEOUT" \
  "${PT_FLAGS[@]}" >"$TMP/pabutools.jsonl"

# --- the table -------------------------------------------------------------------
python3 - "$TMP/participe.tsv" "$TMP/pabutools.jsonl" "$FILE" "$RUNS" "$PT_RUNS" "${BENCH_MULTIPROFILE_ALL:-0}" <<'EOF'
import json, os, statistics, sys

participe_tsv, pabutools_jsonl, pb_file, runs, pt_runs, multiprofile_all = sys.argv[1:]
KEYS = {"greedy": "greedy_cost", "greedy-ratio": "greedy_card", "mes": "mes_cost", "mes-add1": "mes_cost_add1",
        "mes-add1-feasible": "mes_cost_add1_feasible", "mes-add1-greedy": "mes_cost_add1_greedy",
        "mes-greedy": "mes_cost_greedy", "phragmen": "phragmen"}

participe = {}
for line in open(participe_tsv, encoding="utf-8"):
    rule, status, times, out = line.rstrip("\n").split("\t")
    micros = [int(t) for t in times.split()]
    selected = set(json.loads(out)["selected"]) if status == "ok" else None
    participe[rule] = (status, statistics.median(micros) / 1000 if status == "ok" else None, selected)

lines = [json.loads(l) for l in open(pabutools_jsonl, encoding="utf-8")]
head, results = lines[0], {l["rule"]: l for l in lines[1:]}

expected_path = pb_file[: -len(".pb")] + ".expected.json"
expected = {}
if os.path.exists(expected_path):
    expected = {r["key"]: r for r in json.load(open(expected_path, encoding="utf-8"))["results"]}

rows = [("rule", "participe ms", "pabutools ms", "ratio (pabutools / participe)", "same selection")]
reference_notes = []
for rule, (status, p_ms, p_sel) in participe.items():
    r = results.get(rule, {"status": "missing"})
    p_cell = f"{p_ms:.1f}" if p_ms is not None else status
    if r["status"] == "ok":
        t_cell = f"{r['median'] * 1000:.1f}"
    elif r["status"] == "n/a":
        t_cell = "n/a"
    else:
        t_cell = r["status"]
    ratio = f"{r['median'] * 1000 / p_ms:.1f}" if r["status"] == "ok" and p_ms else "-"
    if r["status"] == "ok" and p_sel is not None:
        same = "yes" if p_sel == set(r["selected"]) else "NO"
    else:
        same = "-"
    rows.append((rule, p_cell, t_cell, ratio, same))
    e = expected.get(KEYS.get(rule, ""))
    if e and e.get("status") == "ok" and p_sel is not None and p_sel != set(e["selected"]):
        reference_notes.append(f"participe {rule} differs from {os.path.basename(expected_path)}")

widths = [max(len(row[i]) for row in rows) for i in range(5)]
def fmt(row):
    cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:4], widths[1:4])] + [row[4].ljust(widths[4])]
    return "| " + " | ".join(cells) + " |"
print(f"instance: {os.path.basename(pb_file)} ({head['num_ballots']} ballots)")
print(fmt(rows[0]))
print("|" + "|".join("-" * (w + 2) if i in (0, 4) else "-" * (w + 1) + ":" for i, w in enumerate(widths)) + "|")
for row in rows[1:]:
    print(fmt(row))
print()
print(f"participe ms = wall clock of the whole `participe pb count` process (read, parse, count), median of {runs} runs.")
print(f"pabutools ms = the rule computation alone, median of {pt_runs} runs; "
      f"parse_pabulib took {head['parse_seconds'] * 1000:.0f} ms more (once, not in the ratio).")
if multiprofile_all == "1":
    print("Every rule runs pabutools on profile.as_multiprofile() (BENCH_MULTIPROFILE_ALL=1: identical ballots merged, "
          "conversion included).")
else:
    print("mes-add1, mes-add1-feasible and mes-add1-greedy run pabutools on profile.as_multiprofile(), as the reference "
          "files did (conversion included); the other rules on the profile as parsed.")
print("mes-add1-feasible in pabutools is a loop around its method_of_equal_shares_scheme (shared/pb/README.md).")
if expected:
    print("participe's selections vs the reference file: " + ("all equal" if not reference_notes else "; ".join(reference_notes)))
EOF
