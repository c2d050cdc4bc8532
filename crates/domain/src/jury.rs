//! Citizen jury draw: a random draw among voters that anyone can re-run from
//! the published seed and the published list of voter pseudonyms, with any
//! SHA-256 tool (`scripts/jury_draw.py` does it with Python's standard library).
//!
//! The rule, in plain words:
//!
//! - Each voter's **key** is the SHA-256 of the text `seed:pseudonym` (the
//!   seed, a colon, the pseudonym, as UTF-8 bytes), written as 64 lowercase
//!   hexadecimal digits. Nobody can predict the keys before the seed is
//!   published, and anybody can recompute them after.
//! - **Plain draw** of N: the N voters with the smallest keys (compared as
//!   text; two equal keys are practically impossible, and would be ordered by
//!   pseudonym).
//! - **Draw by district** of N: each district gets a number of seats
//!   proportional to its number of voters, by the largest-remainder method:
//!   first the whole part of N × voters of the district ÷ all voters, then the
//!   seats left over go one each to the districts with the largest remainders
//!   (equal remainders: alphabetical order of district name). Voters without a
//!   district form one more group, named "". In each district, the voters with
//!   the smallest keys are drawn.
//! - When N is at least the number of voters, everyone is drawn.
//! - A pseudonym listed twice counts once, in the district of its first listing.
//! - The result lists the drawn pseudonyms by increasing key.
//!
//! The domain stays pure: the caller supplies the seed's random bytes
//! ([`new_seed_hex`]).

use std::collections::{BTreeMap, HashSet};

use sha2::{Digest, Sha256};

/// Lowercase hexadecimal.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0x0f)] as char);
    }
    out
}

/// A seed to publish, from 16 random bytes supplied by the caller: 32
/// lowercase hexadecimal digits.
pub fn new_seed_hex(bytes: [u8; 16]) -> String {
    hex(&bytes)
}

/// A voter's key: lowercase hex SHA-256 of `seed + ":" + pseudonym`.
pub fn key(seed: &str, pseudonym: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(seed.as_bytes());
    hasher.update(b":");
    hasher.update(pseudonym.as_bytes());
    hex(&hasher.finalize())
}

/// The voters once each (first listing wins), with their stratum ("" for no district).
fn distinct(voters: &[(String, Option<String>)]) -> Vec<(&str, &str)> {
    let mut seen = HashSet::new();
    voters
        .iter()
        .filter(|(p, _)| seen.insert(p.as_str()))
        .map(|(p, d)| (p.as_str(), d.as_deref().unwrap_or("")))
        .collect()
}

/// Number of voters of each stratum ("" for voters without a district).
fn stratum_sizes(voters: &[(&str, &str)]) -> BTreeMap<String, usize> {
    let mut sizes = BTreeMap::new();
    for (_, d) in voters {
        *sizes.entry(d.to_string()).or_insert(0) += 1;
    }
    sizes
}

/// Largest-remainder (Hamilton) apportionment of `n` seats to the sizes;
/// equal remainders go in name order. Never more seats than a stratum's size.
fn apportion(sizes: &BTreeMap<String, usize>, n: usize) -> BTreeMap<String, usize> {
    let total: usize = sizes.values().sum();
    if n >= total {
        return sizes.clone();
    }
    let (n, total_u) = (n as u128, total as u128);
    let mut seats = BTreeMap::new();
    let mut remainders = Vec::new();
    let mut given = 0u128;
    for (name, &size) in sizes {
        let exact = n * size as u128;
        let whole = exact / total_u;
        given += whole;
        seats.insert(name.clone(), whole as usize);
        remainders.push((exact % total_u, name));
    }
    // Largest remainder first; equal remainders in name order (the map's order, kept by a stable sort).
    remainders.sort_by_key(|r| std::cmp::Reverse(r.0));
    for (_, name) in remainders.into_iter().take((n - given) as usize) {
        *seats.get_mut(name).expect("known stratum") += 1;
    }
    seats
}

/// The seats of each stratum in a draw by district of `n` ("" for voters
/// without a district). They add up to `min(n, number of voters)`.
pub fn quotas(voters: &[(String, Option<String>)], n: usize) -> BTreeMap<String, usize> {
    apportion(&stratum_sizes(&distinct(voters)), n)
}

/// The jury: `n` pseudonyms drawn from `voters` (pseudonym, district), by
/// district when `stratified`, listed by increasing key (see the module
/// documentation for the rule).
pub fn draw(seed: &str, voters: &[(String, Option<String>)], n: usize, stratified: bool) -> Vec<String> {
    let voters = distinct(voters);
    let mut keyed: Vec<(String, &str, &str)> = voters.iter().map(|&(p, d)| (key(seed, p), p, d)).collect();
    keyed.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let chosen: Vec<&(String, &str, &str)> = if stratified {
        let mut left = apportion(&stratum_sizes(&voters), n);
        // Walking all voters by key, a voter is drawn while its stratum has seats left:
        // the smallest keys of each stratum, already in key order overall.
        keyed
            .iter()
            .filter(|(_, _, d)| {
                let seats = left.get_mut(*d).expect("known stratum");
                let take = *seats > 0;
                if take {
                    *seats -= 1;
                }
                take
            })
            .collect()
    } else {
        keyed.iter().take(n).collect()
    };
    chosen.into_iter().map(|(_, p, _)| p.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn voters(list: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
        list.iter()
            .map(|(p, d)| (p.to_string(), d.map(str::to_string)))
            .collect()
    }

    /// `count` voters over districts A (half), B, C and none.
    fn crowd(count: usize) -> Vec<(String, Option<String>)> {
        (0..count)
            .map(|i| {
                let district = match i % 6 {
                    0..=2 => Some("A".to_string()),
                    3 => Some("B".to_string()),
                    4 => Some("C".to_string()),
                    _ => None,
                };
                (format!("voter-{i}"), district)
            })
            .collect()
    }

    #[test]
    fn keys_are_sha256_of_seed_colon_pseudonym() {
        // printf 'seed:alice' | sha256sum ; printf 'ab:c' | sha256sum
        assert_eq!(
            key("seed", "alice"),
            "ce09330d4ed06f89e9f1d33563666952082cc2470290f326b09d7aed0ec4e474"
        );
        assert_eq!(
            key("ab", "c"),
            "5f1390ea338444eb27117a13b752b992b7bd2a67a92fc027cb64abec2cffbdea"
        );
        assert_eq!(new_seed_hex([0xab; 16]), "ab".repeat(16));
        assert_eq!(
            new_seed_hex(*b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"),
            "000102030405060708090a0b0c0d0e0f"
        );
    }

    #[test]
    fn plain_draw_takes_the_smallest_keys_in_key_order() {
        let all = crowd(50);
        let got = draw("s33d", &all, 7, false);
        let mut keyed: Vec<(String, String)> = all.iter().map(|(p, _)| (key("s33d", p), p.clone())).collect();
        keyed.sort();
        let want: Vec<String> = keyed.into_iter().take(7).map(|(_, p)| p).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn quotas_use_the_largest_remainder_with_ties_by_name() {
        // Exact shares of 5 seats: A 2.5, B 1.5, C 1.0; one seat left for the
        // tied remainders of A and B: A first by name.
        let mut list = Vec::new();
        for (d, size) in [("A", 5), ("B", 3), ("C", 2)] {
            for i in 0..size {
                list.push((format!("{d}{i}"), Some(d.to_string())));
            }
        }
        let q = quotas(&list, 5);
        assert_eq!(
            q,
            [("A".to_string(), 3), ("B".to_string(), 1), ("C".to_string(), 1)].into()
        );
        // A bigger remainder wins over name order: 4 seats → A 2, B 1.2, C 0.8 → C gets the last.
        let q = quotas(&list, 4);
        assert_eq!(
            q,
            [("A".to_string(), 2), ("B".to_string(), 1), ("C".to_string(), 1)].into()
        );
        // Voters without a district are the "" group.
        let q = quotas(&voters(&[("x", None), ("y", Some("B"))]), 1);
        assert_eq!(q, [(String::new(), 1), ("B".to_string(), 0)].into());
    }

    #[test]
    fn stratified_draw_fills_each_district_with_its_smallest_keys() {
        let all = crowd(60);
        let got = draw("seed", &all, 12, true);
        assert_eq!(got.len(), 12);
        let q = quotas(&all, 12);
        assert_eq!(
            q,
            [(String::new(), 2), ("A".into(), 6), ("B".into(), 2), ("C".into(), 2)].into()
        );
        for (district, seats) in q {
            let mut members: Vec<(String, String)> = all
                .iter()
                .filter(|(_, d)| d.as_deref().unwrap_or("") == district)
                .map(|(p, _)| (key("seed", p), p.clone()))
                .collect();
            members.sort();
            for (at, (_, p)) in members.iter().enumerate() {
                assert_eq!(got.contains(p), at < seats, "{district} {p} rank {at}");
            }
        }
        let keys: Vec<String> = got.iter().map(|p| key("seed", p)).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "listed by key");
    }

    #[test]
    fn everyone_when_n_covers_all_and_nobody_for_zero() {
        let all = crowd(13);
        for stratified in [false, true] {
            for n in [13, 14, 100] {
                let mut got = draw("x", &all, n, stratified);
                got.sort();
                let mut want: Vec<String> = all.iter().map(|(p, _)| p.clone()).collect();
                want.sort();
                assert_eq!(got, want);
            }
            assert!(draw("x", &all, 0, stratified).is_empty());
            assert!(draw("x", &[], 5, stratified).is_empty());
        }
    }

    #[test]
    fn a_repeated_pseudonym_counts_once_in_its_first_district() {
        let list = voters(&[("p", Some("A")), ("p", Some("B")), ("q", Some("B"))]);
        assert_eq!(quotas(&list, 2), [("A".to_string(), 1), ("B".to_string(), 1)].into());
        assert_eq!(draw("s", &list, 5, false).len(), 2);
    }

    #[test]
    fn deterministic_and_seed_dependent() {
        let all = crowd(200);
        for stratified in [false, true] {
            let a = draw("2026-jury", &all, 20, stratified);
            assert_eq!(a, draw("2026-jury", &all, 20, stratified));
            // The input order does not matter.
            let mut reversed = all.clone();
            reversed.reverse();
            assert_eq!(a, draw("2026-jury", &reversed, 20, stratified));
            let b = draw("2026-jury2", &all, 20, stratified);
            assert_ne!(a, b);
        }
    }

    proptest! {
        #[test]
        fn quotas_add_up_and_fit(sizes in prop::collection::vec(0usize..40, 1..7), n in 0usize..150) {
            let mut list = Vec::new();
            for (d, size) in sizes.iter().enumerate() {
                for i in 0..*size {
                    let district = (d > 0).then(|| format!("d{d}"));
                    list.push((format!("{d}-{i}"), district));
                }
            }
            let q = quotas(&list, n);
            prop_assert_eq!(q.values().sum::<usize>(), n.min(list.len()));
            let total = list.len() as f64;
            for (d, size) in sizes.iter().enumerate().filter(|(_, s)| **s > 0) {
                let name = if d == 0 { String::new() } else { format!("d{d}") };
                let seats = q[&name];
                prop_assert!(seats <= *size);
                // Largest remainder: within one seat of the exact share.
                let exact = n.min(list.len()) as f64 * *size as f64 / total;
                prop_assert!((seats as f64 - exact).abs() < 1.0, "{} seats for an exact share of {}", seats, exact);
            }
            let drawn = draw("p", &list, n, true);
            prop_assert_eq!(drawn.len(), n.min(list.len()));
            prop_assert_eq!(drawn.iter().collect::<HashSet<_>>().len(), drawn.len());
        }
    }
}
