"""Runs `participe pb count FILE --all-rules --format json` on every .pb file
of a folder and prints a table; see bench/all_rules.sh."""
import json
import os
import subprocess
import sys
import time

MAIN = ["greedy", "greedy-ratio", "mes", "mes-add1", "mes-add1-feasible",
        "mes-add1-greedy", "mes-greedy", "phragmen", "ees", "ees-add-opt", "ees-add-opt-skip"]


def main():
    binary, folder = sys.argv[1], sys.argv[2]
    files = sorted((os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".pb")),
                   key=os.path.getsize, reverse=True)
    rows = []
    for path in files:
        start = time.monotonic()
        proc = subprocess.Popen([binary, "pb", "count", path, "--all-rules", "--format", "json"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out = proc.stdout.read()
        err = proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        if status != 0:
            sys.exit(f"{path}: {err.decode()}")
        data = json.loads(out)
        rows.append((path, os.path.getsize(path), data, wall, usage.ru_maxrss * 1024))

    name_width = 44
    print(f"{'instance':<{name_width}} {'MB':>5} {'voters':>7} {'parse':>7} "
          + " ".join(f"{r[:12]:>12}" for r in MAIN)
          + f" {'all rules':>10} {'process':>8} {'max/parse':>9} {'peak MB':>8} {'peak/size':>9}")
    total_rules = 0.0
    total_wall = 0.0
    worst_rule = (0.0, "", "")
    for path, size, data, wall, peak in rows:
        times = {r["rule"]: r.get("ms") for r in data["rules"]}
        counted = [t for t in times.values() if t is not None]
        rules_ms = sum(counted)
        total_rules += rules_ms
        total_wall += wall
        slowest = max(counted) if counted else 0.0
        name = os.path.basename(path)[:-3]
        for rule, t in times.items():
            if t is not None and t > worst_rule[0]:
                worst_rule = (t, rule, name)
        cells = " ".join(f"{times[r]:>12.2f}" if times.get(r) is not None else f"{'-':>12}" for r in MAIN)
        print(f"{name[:name_width]:<{name_width}} {size / 1e6:>5.2f} {data['voters']:>7} {data['parse_ms']:>7.2f} "
              f"{cells} {rules_ms:>10.1f} {wall * 1000:>8.0f} {slowest / max(data['parse_ms'], 0.001):>9.1f} "
              f"{peak / 1e6:>8.1f} {peak / size:>9.1f}")
    largest = rows[0]
    l_times = [r["ms"] for r in largest[2]["rules"] if r.get("ms") is not None]
    print()
    print("times in ms; parse = read and parse the file; each rule column = that rule's own work after the")
    print("rules before it (mes-add1-greedy reuses mes-add1's runs, and so on); process = wall time of the")
    print("whole command; max/parse = slowest rule / parse; peak = maximum RSS of the process.")
    print()
    print(f"all rules over {len(rows)} instances: {total_rules / 1000:.2f} s of counting, "
          f"{total_wall:.2f} s of processes (target: under 10 s)")
    print(f"slowest rule: {worst_rule[1]} on {worst_rule[2]}, {worst_rule[0]:.1f} ms (target: every rule under 1,000 ms)")
    print(f"largest file ({os.path.basename(largest[0])}): slowest rule {max(l_times):.1f} ms = "
          f"{max(l_times) / largest[2]['parse_ms']:.1f} x the parse ({largest[2]['parse_ms']:.1f} ms) (target: within 3 x)")
    peak_ratio = max(p / s for _, s, _, _, p in rows)
    # What the process holds before it reads anything: its peak on the
    # smallest file.
    base = min(p for _, _, _, _, p in rows)
    print(f"peak memory: at most {peak_ratio:.1f} x the file's size (target: under 4 x); "
          f"largest file {largest[4] / 1e6:.1f} MB for {largest[1] / 1e6:.2f} MB, "
          f"{(largest[4] - base) / 1e6:.1f} MB above the {base / 1e6:.1f} MB of the smallest file's run "
          f"= {(largest[4] - base) / largest[1]:.1f} x its size")


if __name__ == "__main__":
    main()
