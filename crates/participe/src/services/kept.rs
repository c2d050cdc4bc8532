//! Values read from the database and kept in memory for a short while
//! (at most a second on a running server), so that busy pages do not read
//! the same rows on every request. Each server reads the shared database
//! itself, so a change made on another server shows once the kept value is
//! that old; a change made on this server drops every kept value at once
//! (`AppState::forget_kept`). Bounded: past `max_len` entries (or, for
//! `Kept::weighted`, past `max_weight` in all), the least used are dropped.

use std::future::Future;
use std::hash::Hash;
use std::time::{Duration, Instant};

use quick_cache::Equivalent;
use quick_cache::sync::{Cache, EntryAction, EntryResult};

pub struct Kept<K, V> {
    entries: Cache<K, (Instant, V), Weight<V>>,
    max_age: Duration,
}

/// What a kept value weighs: 1 each, or what a function says.
pub struct Weight<V>(Option<fn(&V) -> u64>);

impl<V> Clone for Weight<V> {
    fn clone(&self) -> Self {
        Weight(self.0)
    }
}

impl<K, V> quick_cache::Weighter<K, (Instant, V)> for Weight<V> {
    fn weight(&self, _: &K, (_, v): &(Instant, V)) -> u64 {
        self.0.map_or(1, |f| f(v))
    }
}

impl<K: Eq + Hash + Clone, V: Clone> Kept<K, V> {
    /// Keeps at most `max_len` values (the least used go first), each for
    /// `max_age` (zero: nothing is kept and every read goes to the
    /// database).
    pub fn new(max_age: Duration, max_len: usize) -> Kept<K, V> {
        let n = max_len.max(1);
        Kept {
            entries: Cache::with_weighter(n, n as u64, Weight(None)),
            max_age,
        }
    }

    /// Keeps values weighing `max_weight` in all, as `weight` weighs them
    /// (in one shard, so that one value may weigh up to `max_weight`).
    pub fn weighted(max_age: Duration, max_weight: u64, weight: fn(&V) -> u64) -> Kept<K, V> {
        Kept {
            // Up to 32 expected entries make one shard.
            entries: Cache::with_weighter(32, max_weight, Weight(Some(weight))),
            max_age,
        }
    }

    fn fresh(&self, at: Instant) -> bool {
        at.elapsed() < self.max_age
    }

    /// The value kept for `key`, if it is younger than `max_age`.
    pub fn get<Q>(&self, key: &Q) -> Option<V>
    where
        Q: Hash + Equivalent<K> + ?Sized,
    {
        self.entries.get(key).and_then(|(at, v)| self.fresh(at).then_some(v))
    }

    /// Keeps `value` for `key` (nothing when `max_age` is zero).
    pub fn put(&self, key: K, value: V) {
        if !self.max_age.is_zero() {
            self.entries.insert(key, (Instant::now(), value));
        }
    }

    /// The value kept for `key`, or the one `load` reads, then kept. When
    /// several visitors ask for a value that is missing or too old at the
    /// same moment, one reads it and the others wait for it (a busy page
    /// would otherwise read it once per visitor, every second).
    pub async fn get_or_load<E, F>(&self, key: K, load: F) -> Result<V, E>
    where
        F: Future<Output = Result<V, E>>,
    {
        if self.max_age.is_zero() {
            return load.await;
        }
        if let Some(v) = self.get(&key) {
            return Ok(v);
        }
        let guard = match self
            .entries
            .entry_async(&key, |_, (at, v)| {
                if at.elapsed() < self.max_age {
                    EntryAction::Retain(v.clone())
                } else {
                    EntryAction::ReplaceWithGuard
                }
            })
            .await
        {
            EntryResult::Retained(v) => return Ok(v),
            EntryResult::Replaced(guard, _) | EntryResult::Vacant(guard) => guard,
            // Only `entry` with a time limit gives these.
            EntryResult::Removed(..) | EntryResult::Timeout => return load.await,
        };
        // On an error the guard is dropped: a waiting visitor reads next.
        let v = load.await?;
        let _ = guard.insert((Instant::now(), v.clone()));
        Ok(v)
    }

    /// Drops every kept value, after a change.
    pub fn forget_all(&self) {
        self.entries.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn keeps_for_max_age_and_forgets_on_demand() {
        let kept: Kept<i64, i64> = Kept::new(Duration::from_secs(60), 2);
        let mut reads = 0;
        for _ in 0..3 {
            let v = kept
                .get_or_load(1, async {
                    reads += 1;
                    Ok::<_, ()>(10)
                })
                .await;
            assert_eq!(v, Ok(10));
        }
        assert_eq!(reads, 1, "read once, then kept");
        kept.forget_all();
        assert_eq!(kept.get(&1), None);
    }

    #[test]
    fn zero_keeps_nothing_and_size_is_bounded() {
        let none: Kept<i64, i64> = Kept::new(Duration::ZERO, 10);
        none.put(1, 1);
        assert_eq!(none.get(&1), None);

        let small: Kept<i64, i64> = Kept::new(Duration::from_secs(60), 10);
        for i in 0..1000 {
            small.put(i, i);
        }
        assert!((0..1000).filter(|i| small.get(i).is_some()).count() <= 20);
    }

    #[tokio::test]
    async fn visitors_arriving_together_read_once() {
        let kept: std::sync::Arc<Kept<i64, i64>> = std::sync::Arc::new(Kept::new(Duration::from_secs(60), 10));
        let reads = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let tasks: Vec<_> = (0..16)
            .map(|_| {
                let (kept, reads) = (kept.clone(), reads.clone());
                tokio::spawn(async move {
                    kept.get_or_load(7, async {
                        reads.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        Ok::<_, ()>(70)
                    })
                    .await
                })
            })
            .collect();
        for t in tasks {
            assert_eq!(t.await.unwrap(), Ok(70));
        }
        assert_eq!(reads.load(std::sync::atomic::Ordering::SeqCst), 1);
    }

    #[test]
    fn weighted_values_are_bounded_by_weight() {
        let kept: Kept<i64, Vec<u8>> = Kept::weighted(Duration::from_secs(60), 1000, |v| v.len() as u64);
        kept.put(1, vec![0; 600]);
        assert!(kept.get(&1).is_some(), "one value may weigh most of the total");
        for i in 2..10 {
            kept.put(i, vec![0; 300]);
        }
        let total: usize = (1..10).filter_map(|i| kept.get(&i)).map(|v| v.len()).sum();
        assert!(total <= 1000, "{total} bytes kept");
    }

    #[test]
    fn old_values_are_read_again() {
        let kept: Kept<&str, i64> = Kept::new(Duration::from_millis(20), 10);
        kept.put("a", 1);
        assert_eq!(kept.get("a"), Some(1));
        std::thread::sleep(Duration::from_millis(30));
        assert_eq!(kept.get("a"), None);
    }
}
