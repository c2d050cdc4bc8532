//! The random order of proposal lists: a fixed shuffle of a step's
//! proposals (a bijective hash of their id) read from a point that each
//! visitor's seed chooses, wrapping around at the end. Every visitor sees
//! every proposal once across the pages, and each proposal comes first for
//! as many seeds as any other.

/// The modulus of the shuffle, the prime 2^31 - 1: seeds are taken modulo it.
pub const MODULUS: i64 = 2_147_483_647;
/// The multiplier of the shuffle.
pub const MULTIPLIER: i64 = 2_654_435_761;

/// The shuffle key of a proposal: its id times `MULTIPLIER`, modulo
/// `MODULUS` (a bijection on ids below the modulus). The storage layer
/// computes the same key in SQL, where an index holds it.
pub fn key(id: i64) -> i64 {
    (i128::from(id) * i128::from(MULTIPLIER)).rem_euclid(i128::from(MODULUS)) as i64
}

/// Where a seed starts the shuffle (a key).
pub fn start(seed: i64) -> i64 {
    seed.rem_euclid(MODULUS)
}

/// The ids of one page of the random order. `order` holds the ids of the
/// list in shuffle order (by `key`); the page begins `offset` places after
/// the first id whose key is at least the seed's start, and wraps around.
pub fn page(order: &[i64], seed: i64, offset: usize, limit: usize) -> Vec<i64> {
    let n = order.len();
    let start = start(seed);
    let first = order.partition_point(|id| key(*id) < start);
    let end = offset.saturating_add(limit).min(n);
    (offset.min(n)..end).map(|i| order[(first + i) % n]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn order(ids: impl IntoIterator<Item = i64>) -> Vec<i64> {
        let mut v: Vec<i64> = ids.into_iter().collect();
        v.sort_by_key(|id| key(*id));
        v
    }

    #[test]
    fn the_key_is_a_bijection_on_ids() {
        let keys: std::collections::HashSet<i64> = (1..=50_000_i64).map(key).collect();
        assert_eq!(keys.len(), 50_000);
        assert_eq!(key(1), 2_654_435_761 % MODULUS);
    }

    #[test]
    fn pages_start_at_the_seed_and_wrap() {
        let o = order(1..=10);
        let all = page(&o, 0, 0, 100);
        assert_eq!(all, o, "seed 0 starts at the smallest key");
        // A seed just above the third key starts at the fourth id.
        let s = key(o[2]) + 1;
        assert_eq!(page(&o, s, 0, 3), o[3..6]);
        // Wrapping: the last page goes on from the start of the shuffle.
        let mut rotated = o[3..].to_vec();
        rotated.extend_from_slice(&o[..3]);
        assert_eq!(page(&o, s, 5, 10), rotated[5..]);
        assert!(page(&o, s, 10, 5).is_empty());
        assert!(page(&[], s, 0, 5).is_empty());
        // Negative seeds are taken modulo the prime.
        assert_eq!(page(&o, -1, 0, 10), page(&o, MODULUS - 1, 0, 10));
    }

    proptest! {
        #[test]
        fn every_id_once_for_any_seed(n in 0usize..300, seed in any::<i64>(), per_page in 1usize..40) {
            let o = order(1..=n as i64);
            let mut seen = Vec::new();
            let mut offset = 0;
            loop {
                let p = page(&o, seed, offset, per_page);
                if p.is_empty() { break; }
                prop_assert!(p.len() <= per_page);
                seen.extend(p);
                offset += per_page;
            }
            seen.sort();
            prop_assert_eq!(seen, (1..=n as i64).collect::<Vec<_>>());
        }
    }
}
