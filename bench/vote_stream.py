#!/usr/bin/env python3
"""Client of bench/crash.sh (see bench/README.md): a stream of ballots, and
the check of what the database kept. Python 3 standard library only.

  vote_stream.py stream --url http://127.0.0.1:PORT --seed SEED --log ACKS [--threads 8]
      Casts one ballot for each voter of SEED (the output of
      examples/seed_votes.rs), as fast as it can with THREADS threads, each on
      its own keep-alive connection. After reading a 303 to the receipt (the
      server sends it once the ballot transaction has committed), it appends
      "INDEX TOKEN CHOICES" to ACKS and flushes the file: a line is in ACKS
      only for an acknowledged ballot. A thread stops at its first connection
      error (the server was killed). Prints a summary on standard output.

  vote_stream.py check --seed SEED --log ACKS --ballots FILE --choices FILE
      FILE lines are "token_hash|ballot_count" (one per voter with a ballot)
      and "token_hash|proposal_id" (one per stored choice), read from the
      database after the restart. Checks that every acknowledged voter has
      exactly one ballot with the acknowledged choices; prints
      "acknowledged: N, found: N, lost: 0" and the ballots stored without an
      acknowledgement (in flight at the kill: allowed). Exits 1 if an
      acknowledged ballot is missing or differs.
"""

import argparse
import hashlib
import http.client
import itertools
import random
import sys
import threading
import time
import urllib.parse


def read_seed(path):
    with open(path, encoding="ascii") as f:
        lines = [line.strip() for line in f]
    step = int(lines[0])
    proposals = [int(x) for x in lines[1].split(",")]
    tokens = [t for t in lines[2:] if t]
    return step, proposals, tokens


def stream(args):
    step, proposals, tokens = read_seed(args.seed)
    url = urllib.parse.urlsplit(args.url)
    path = f"/votes/{step}"
    receipt = f"/votes/{step}/receipt"
    next_voter = itertools.count()
    log_lock = threading.Lock()
    stats_lock = threading.Lock()
    stats = {"sent": 0, "acked": 0, "statuses": {}, "errors": {}}
    started = time.monotonic()
    log = open(args.log, "a", encoding="ascii")

    def worker(n):
        rnd = random.Random(n * 7919 + int(started))
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        # Double-submit CSRF token: any 64 characters, cookie = form field.
        csrf = "c" * 56 + f"{n:08d}"
        while True:
            with stats_lock:
                i = next(next_voter)
            if i >= len(tokens):
                break
            choices = rnd.sample(proposals, rnd.randint(1, 3))
            body = "&".join([f"choice={c}" for c in choices] + [f"_csrf={csrf}"])
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"participe_session={tokens[i]}; participe_csrf={csrf}",
            }
            try:
                with stats_lock:
                    stats["sent"] += 1
                conn.request("POST", path, body=body, headers=headers)
                res = conn.getresponse()
                res.read()
            except (OSError, http.client.HTTPException) as e:
                with stats_lock:
                    name = type(e).__name__
                    stats["errors"][name] = stats["errors"].get(name, 0) + 1
                break
            location = res.getheader("Location", "")
            ok = res.status == 303 and location.endswith(receipt)
            if ok:
                # Only now is the ballot acknowledged: log it, then flush.
                with log_lock:
                    log.write(f"{i} {tokens[i]} {','.join(map(str, sorted(choices)))}\n")
                    log.flush()
            with stats_lock:
                key = "303" if ok else str(res.status)
                stats["statuses"][key] = stats["statuses"].get(key, 0) + 1
                stats["acked"] += ok
        conn.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(args.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    log.close()
    elapsed = time.monotonic() - started
    untried = max(0, len(tokens) - stats["sent"])
    statuses = ", ".join(f"{k}:{v}" for k, v in sorted(stats["statuses"].items())) or "none"
    errors = ", ".join(f"{k}:{v}" for k, v in sorted(stats["errors"].items())) or "none"
    print(
        f"stream: {args.threads} threads, {elapsed:.1f}s, ballots sent: {stats['sent']}, "
        f"acknowledged (303): {stats['acked']} ({stats['acked'] / elapsed:.0f}/s), "
        f"statuses: {statuses}, connection errors: {errors}, voters never tried: {untried}"
    )
    return 0


def check(args):
    _, _, tokens = read_seed(args.seed)
    by_hash = {hashlib.sha256(t.encode()).hexdigest(): i for i, t in enumerate(tokens)}
    acked = {}
    with open(args.log, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) != 3:
                print(f"malformed acknowledgement line: {line!r}", file=sys.stderr)
                return 1
            acked[int(parts[0])] = sorted(int(c) for c in parts[2].split(","))
    counts = {}
    with open(args.ballots, encoding="ascii") as f:
        for line in f:
            if line.strip():
                h, n = line.strip().split("|")
                counts[by_hash[h]] = int(n)
    choices = {}
    with open(args.choices, encoding="ascii") as f:
        for line in f:
            if line.strip():
                h, p = line.strip().split("|")
                choices.setdefault(by_hash[h], []).append(int(p))
    found = [i for i in acked if counts.get(i) == 1]
    lost = [i for i in acked if i not in counts]
    several = [i for i, n in counts.items() if n != 1]
    differ = [i for i in found if sorted(choices.get(i, [])) != acked[i]]
    unacked = [i for i in counts if i not in acked]
    print(f"acknowledged: {len(acked)}, found: {len(found)}, lost: {len(lost)}")
    print(
        f"stored without acknowledgement (in flight at the kill, allowed): {len(unacked)}; "
        f"voters with more than one ballot: {len(several)}; "
        f"acknowledged ballots whose stored choices differ: {len(differ)}"
    )
    for name, ids in (("lost", lost), ("several ballots", several), ("choices differ", differ)):
        if ids:
            print(f"  {name}: voters {sorted(ids)[:20]}", file=sys.stderr)
    return 1 if lost or several or differ else 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("stream")
    s.add_argument("--url", required=True)
    s.add_argument("--seed", required=True)
    s.add_argument("--log", required=True)
    s.add_argument("--threads", type=int, default=8)
    c = sub.add_parser("check")
    c.add_argument("--seed", required=True)
    c.add_argument("--log", required=True)
    c.add_argument("--ballots", required=True)
    c.add_argument("--choices", required=True)
    args = p.parse_args()
    sys.exit(stream(args) if args.command == "stream" else check(args))


if __name__ == "__main__":
    main()
