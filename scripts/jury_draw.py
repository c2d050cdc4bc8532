#!/usr/bin/env python3
"""Re-run a Participe citizen jury draw from its published seed.

Usage:
    python3 scripts/jury_draw.py SEED N [--stratified] < voters.csv

voters.csv is the published list of voters, one `pseudonym,district` row each
(UTF-8; the district may be empty; a first row `pseudonym,district` is taken as
a header and skipped). The drawn pseudonyms are printed one per line, by
increasing key. Python 3 standard library only.

The rule (the same as crates/domain/src/jury.rs):
- key(voter) = lowercase hex SHA-256 of the UTF-8 bytes of SEED + ":" + pseudonym;
- plain draw: the N voters with the smallest keys (equal keys: by pseudonym);
- --stratified: each district (voters without one form the group "") gets seats
  in proportion to its number of voters by the largest-remainder method (equal
  remainders: alphabetical order of district name), filled with its smallest keys;
- N at least the number of voters: everyone;
- a pseudonym listed twice counts once, in the district of its first row.
"""

import argparse
import csv
import hashlib
import io
import sys


def key(seed, pseudonym):
    return hashlib.sha256((seed + ":" + pseudonym).encode("utf-8")).hexdigest()


def read_voters(stream):
    voters = []
    seen = set()
    for index, row in enumerate(csv.reader(stream)):
        if not row:
            continue
        if index == 0 and row == ["pseudonym", "district"]:
            continue
        pseudonym = row[0]
        district = row[1] if len(row) > 1 else ""
        if pseudonym in seen:
            continue
        seen.add(pseudonym)
        voters.append((pseudonym, district))
    return voters


def quotas(voters, n):
    sizes = {}
    for _, district in voters:
        sizes[district] = sizes.get(district, 0) + 1
    total = len(voters)
    if n >= total:
        return sizes
    seats = {}
    remainders = []
    for district in sorted(sizes):
        whole, remainder = divmod(n * sizes[district], total)
        seats[district] = whole
        remainders.append((-remainder, district))
    remainders.sort()  # largest remainder first, then district name
    for _, district in remainders[: n - sum(seats.values())]:
        seats[district] += 1
    return seats


def draw(seed, voters, n, stratified):
    keyed = sorted((key(seed, p), p, d) for p, d in voters)
    if not stratified:
        return [p for _, p, _ in keyed[:n]]
    left = quotas(voters, n)
    drawn = []
    for _, pseudonym, district in keyed:
        if left[district] > 0:
            left[district] -= 1
            drawn.append(pseudonym)
    return drawn


def main():
    parser = argparse.ArgumentParser(description="Re-run a Participe citizen jury draw.")
    parser.add_argument("seed")
    parser.add_argument("n", type=int)
    parser.add_argument("--stratified", action="store_true", help="draw by district")
    args = parser.parse_args()
    if args.n < 0:
        parser.error("N must be >= 0")
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n")
    for pseudonym in draw(args.seed, read_voters(stdin), args.n, args.stratified):
        out.write(pseudonym + "\n")
    out.flush()


if __name__ == "__main__":
    main()
