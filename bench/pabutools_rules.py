#!/usr/bin/env python3
"""The counting rules of `participe pb count`, computed by pabutools 1.2.3.

Usage (from bench/rules.sh, inside bench/.venv):
    python bench/pabutools_rules.py FILE.pb RULE [RULE ...] [--runs 3] [--timeout 300] [--multiprofile-all]

Prints one JSON object per line: first {"parse_seconds": ...}, then one per
rule: {"rule", "status": "ok" | "timeout" | "n/a" | "error", "seconds": [one
per run], "median", "selected": [ids], "detail"}.

Each rule is the pabutools call that the key of the reference files names
(shared/pb/README.md, "Rule names" and "Rule definitions"); ties are broken by
pabutools' default lexicographic tie-breaking:

| rule              | key                      | pabutools computation |
|-------------------|--------------------------|-----------------------|
| greedy            | greedy_cost              | greedy_utilitarian_welfare(sat_class=Cost_Sat) (approval only here) |
| greedy-ratio      | greedy_card              | greedy_utilitarian_welfare(sat_class=Cardinality_Sat) |
| mes               | mes_cost                 | method_of_equal_shares(sat_class=Cost_Sat) |
| mes-add1          | mes_cost_add1            | method_of_equal_shares(sat_class=Cost_Sat, voter_budget_increment=1) |
| mes-add1-feasible | mes_cost_add1_feasible   | own loop around method_of_equal_shares_scheme: B/n + k per voter, last outcome that fits |
| mes-add1-greedy   | mes_cost_add1_greedy     | completion_by_rule_combination([MES add1, greedy Cost_Sat]) |
| mes-greedy        | mes_cost_greedy          | completion_by_rule_combination([MES, greedy Cost_Sat]) |
| phragmen          | phragmen                 | sequential_phragmen (approval only) |

The add1 variants run on profile.as_multiprofile() (identical ballots merged:
same outcome, much faster), as the reference files were computed; the
conversion is part of the timed computation. --multiprofile-all does the same
for every rule.

Only the rule computation is timed (wall clock, time.perf_counter); the
parse is timed once, separately. Each run happens in a forked child process,
so a run that exceeds --timeout seconds is stopped and reported as "timeout"
(the remaining runs of that rule are then skipped).
"""

import argparse
import json
import multiprocessing
import statistics
import sys
import time
import traceback

from pabutools.election import Cardinality_Sat, Cost_Sat, parse_pabulib
from pabutools.election.profile import AbstractApprovalProfile
from pabutools.fractions import frac
from pabutools.rules import (
    completion_by_rule_combination,
    greedy_utilitarian_welfare,
    method_of_equal_shares,
    sequential_phragmen,
)
from pabutools.rules.budgetallocation import BudgetAllocation
from pabutools.rules.mes.mes_rule import method_of_equal_shares_scheme
from pabutools.tiebreaking import lexico_tie_breaking

ADD1_RULES = {"mes-add1", "mes-add1-feasible", "mes-add1-greedy"}


class NotApplicable(Exception):
    pass


def mes_add1_feasible(instance, profile):
    """The add1 of the pabulib checker (README, mes_cost_add1_feasible): per-voter budget B/n + k,
    k = 0, 1, 2, ...; the last outcome whose cost is <= B; stops early once every eligible project
    (supported, cost > 0) is funded."""
    n = profile.num_ballots()
    if n == 0:
        return BudgetAllocation()
    sat_profile = profile.as_sat_profile(Cost_Sat)
    eligible = {p for p in instance if p.cost > 0 and any(p in ballot for ballot in profile)}
    base = frac(instance.budget_limit, n)
    k = 0
    last = BudgetAllocation()
    while True:
        outcome = method_of_equal_shares_scheme(
            instance,
            profile,
            sat_profile,
            base + k,
            BudgetAllocation(),
            lexico_tie_breaking,
            binary_sat=isinstance(profile, AbstractApprovalProfile),
        )
        if sum(p.cost for p in outcome) > instance.budget_limit:
            return last
        last = outcome
        if eligible <= set(outcome):
            return outcome
        k += 1


def compute(rule, instance, profile, multiprofile_all):
    approval = isinstance(profile, AbstractApprovalProfile)
    if rule in ADD1_RULES or multiprofile_all:
        profile = profile.as_multiprofile()
    if rule == "greedy":
        if not approval:
            raise NotApplicable("greedy on non-approval ballots is greedy_score (a custom satisfaction class)")
        return greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat)
    if rule == "greedy-ratio":
        return greedy_utilitarian_welfare(instance, profile, sat_class=Cardinality_Sat)
    if rule == "mes":
        return method_of_equal_shares(instance, profile, sat_class=Cost_Sat)
    if rule == "mes-add1":
        return method_of_equal_shares(instance, profile, sat_class=Cost_Sat, voter_budget_increment=1)
    if rule == "mes-add1-feasible":
        return mes_add1_feasible(instance, profile)
    if rule in ("mes-add1-greedy", "mes-greedy"):
        first = {"sat_class": Cost_Sat}
        if rule == "mes-add1-greedy":
            first["voter_budget_increment"] = 1
        return completion_by_rule_combination(
            instance,
            profile,
            [method_of_equal_shares, greedy_utilitarian_welfare],
            [first, {"sat_class": Cost_Sat}],
        )
    if rule == "phragmen":
        if not approval:
            raise NotApplicable("sequential_phragmen needs approval ballots")
        return sequential_phragmen(instance, profile)
    raise NotApplicable(f"no pabutools computation for {rule}")


# Set before forking: the children inherit them without pickling.
STATE = {}


def child(rule, conn):
    try:
        started = time.perf_counter()
        outcome = compute(rule, STATE["instance"], STATE["profile"], STATE["multiprofile_all"])
        seconds = time.perf_counter() - started
        conn.send({"status": "ok", "seconds": seconds, "selected": sorted(p.name for p in outcome)})
    except NotApplicable as e:
        conn.send({"status": "n/a", "detail": str(e)})
    except Exception:  # report, do not hang the parent
        conn.send({"status": "error", "detail": traceback.format_exc(limit=3)})
    finally:
        conn.close()


def run_once(rule, timeout):
    context = multiprocessing.get_context("fork")
    parent_conn, child_conn = context.Pipe(duplex=False)
    process = context.Process(target=child, args=(rule, child_conn))
    process.start()
    child_conn.close()
    if parent_conn.poll(timeout):
        result = parent_conn.recv()
        process.join()
        return result
    process.kill()
    process.join()
    return {"status": "timeout", "detail": f"stopped after {timeout} s"}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("rules", nargs="+")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--multiprofile-all", action="store_true")
    args = parser.parse_args()

    started = time.perf_counter()
    instance, profile = parse_pabulib(args.file)
    parse_seconds = time.perf_counter() - started
    STATE.update(instance=instance, profile=profile, multiprofile_all=args.multiprofile_all)
    print(json.dumps({"parse_seconds": parse_seconds, "num_ballots": profile.num_ballots()}), flush=True)

    for rule in args.rules:
        seconds = []
        result = {}
        for _ in range(args.runs):
            result = run_once(rule, args.timeout)
            if result["status"] != "ok":
                break
            seconds.append(result["seconds"])
        line = {
            "rule": rule,
            "status": result["status"],
            "seconds": seconds,
            "median": statistics.median(seconds) if seconds and result["status"] == "ok" else None,
            "selected": result.get("selected"),
            "detail": result.get("detail"),
        }
        print(json.dumps(line), flush=True)
        print(f"  pabutools {rule}: {result['status']} {seconds}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
