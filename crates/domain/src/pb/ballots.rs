//! The ballots of an election, stored flat: every ballot's project indices
//! one after the other in one array, and where each ballot ends, instead of
//! one allocation per ballot (a city-wide file has over 100,000 of them).

use std::ops::{Index, Range};

/// Ballots as slices of project indices (`ballots[v]`, `ballots.iter()`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ballots {
    items: Vec<u32>,
    /// Where each ballot ends in `items`; it starts where the one before ends.
    ends: Vec<usize>,
}

impl Ballots {
    pub fn new() -> Ballots {
        Ballots::default()
    }

    /// Number of ballots.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Entries over all ballots.
    pub fn entries(&self) -> usize {
        self.items.len()
    }

    /// Adds a ballot at the end.
    pub fn push(&mut self, ballot: &[u32]) {
        self.items.extend_from_slice(ballot);
        self.ends.push(self.items.len());
    }

    /// Where ballot `v`'s entries lie among all entries (also where its
    /// points lie, for ballots with points).
    pub fn range(&self, v: usize) -> Range<usize> {
        let start = if v == 0 { 0 } else { self.ends[v - 1] };
        start..self.ends[v]
    }

    pub fn get(&self, v: usize) -> Option<&[u32]> {
        (v < self.len()).then(|| &self[v])
    }

    pub fn iter(&self) -> Iter<'_> {
        Iter {
            ballots: self,
            next: 0,
            end: self.len(),
        }
    }

    /// Ballots `range` as ballots of their own.
    pub fn slice(&self, range: Range<usize>) -> Ballots {
        range.map(|v| &self[v]).collect()
    }
}

impl Index<usize> for Ballots {
    type Output = [u32];

    fn index(&self, v: usize) -> &[u32] {
        &self.items[self.range(v)]
    }
}

/// The ballots in order, as slices.
#[derive(Clone)]
pub struct Iter<'a> {
    ballots: &'a Ballots,
    next: usize,
    end: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a [u32];

    fn next(&mut self) -> Option<&'a [u32]> {
        (self.next < self.end).then(|| {
            self.next += 1;
            &self.ballots[self.next - 1]
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.end - self.next;
        (left, Some(left))
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a Ballots {
    type Item = &'a [u32];
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl<B: AsRef<[u32]>> FromIterator<B> for Ballots {
    fn from_iter<I: IntoIterator<Item = B>>(ballots: I) -> Ballots {
        let mut all = Ballots::new();
        for ballot in ballots {
            all.push(ballot.as_ref());
        }
        all
    }
}

impl From<Vec<Vec<u32>>> for Ballots {
    fn from(ballots: Vec<Vec<u32>>) -> Ballots {
        ballots.into_iter().collect()
    }
}

impl PartialEq<Vec<Vec<u32>>> for Ballots {
    fn eq(&self, other: &Vec<Vec<u32>>) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == b.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn flat_ballots_give_back_what_was_pushed(ballots in prop::collection::vec(prop::collection::vec(0u32..50, 0..6), 0..40)) {
            let flat: Ballots = ballots.iter().collect();
            prop_assert_eq!(flat.len(), ballots.len());
            prop_assert_eq!(flat.entries(), ballots.iter().map(Vec::len).sum::<usize>());
            prop_assert!(flat == ballots);
            for (v, ballot) in ballots.iter().enumerate() {
                prop_assert_eq!(&flat[v], ballot.as_slice());
                prop_assert_eq!(flat.get(v), Some(ballot.as_slice()));
            }
            prop_assert_eq!(flat.get(ballots.len()), None);
            let half = ballots.len() / 2;
            prop_assert!(flat.slice(half..ballots.len()) == ballots[half..].to_vec());
            prop_assert_eq!(flat.iter().len(), ballots.len());
        }
    }
}
