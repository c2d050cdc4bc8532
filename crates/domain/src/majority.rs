//! Majority judgement (Balinski & Laraki): each voter grades every option
//! on six grades; an option's majority grade is the lower middlemost of its
//! grades, and options are ranked by their majority values — the sequence of
//! majority grades obtained by removing, one at a time, a majority grade —
//! compared lexicographically. Computed on grade counts, never by expanding
//! ballots: each constant run of the sequence is one step.

use std::cmp::Ordering;

/// The six grades, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grade {
    VeryGood,
    Good,
    FairlyGood,
    Passable,
    Insufficient,
    Reject,
}

impl Grade {
    pub const ALL: [Grade; 6] = [
        Grade::VeryGood,
        Grade::Good,
        Grade::FairlyGood,
        Grade::Passable,
        Grade::Insufficient,
        Grade::Reject,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Grade::VeryGood => "very_good",
            Grade::Good => "good",
            Grade::FairlyGood => "fairly_good",
            Grade::Passable => "passable",
            Grade::Insufficient => "insufficient",
            Grade::Reject => "reject",
        }
    }

    pub fn parse(s: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.as_str() == s.trim())
    }

    /// The grade's name in the translation catalogues.
    pub fn message_id(self) -> &'static str {
        match self {
            Grade::VeryGood => "grade-very-good",
            Grade::Good => "grade-good",
            Grade::FairlyGood => "grade-fairly-good",
            Grade::Passable => "grade-passable",
            Grade::Insufficient => "grade-insufficient",
            Grade::Reject => "grade-reject",
        }
    }

    /// 0 (very good) to 5 (reject).
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Grade counts of one option, best grade first.
pub type Tally = [u64; 6];

/// Counts missing grades as "Reject", so that every option has `total`
/// grades (Balinski & Laraki's advice for ungraded options).
pub fn fill_missing(t: &Tally, total: u64) -> Tally {
    let mut out = *t;
    let n: u64 = t.iter().sum();
    out[5] += total.saturating_sub(n);
    out
}

/// The grade at 0-based position `pos` of the grades sorted best first.
fn grade_at(t: &Tally, pos: u64) -> (usize, u64) {
    let mut before = 0;
    for (g, c) in t.iter().enumerate() {
        if pos < before + c {
            return (g, before);
        }
        before += c;
    }
    (5, before)
}

/// The lower middlemost grade (for an even number of grades, the worse of
/// the two middle ones); None without grades.
pub fn majority_grade(t: &Tally) -> Option<Grade> {
    let n: u64 = t.iter().sum();
    (n > 0).then(|| Grade::ALL[grade_at(t, n / 2).0])
}

/// The next run of an option's majority value: its grade and how many times
/// in a row it comes (removing that many of it keeps the median in it).
fn run(t: &Tally) -> Option<(usize, u64)> {
    let n: u64 = t.iter().sum();
    if n == 0 {
        return None;
    }
    let (g, better) = grade_at(t, n / 2);
    let c = t[g];
    // With j of the grade removed the median stays in it while
    // n - j >= 2·better and n + j <= 2·(better + c) - 1.
    let k1 = n - 2 * better;
    let k2 = (2 * (better + c)).saturating_sub(1 + n);
    Some((g, k1.min(k2).min(c - 1) + 1))
}

/// Compares two options by majority value: Greater when `a` ranks better.
/// Sequences of different lengths are compared over the shorter one (use
/// `fill_missing` to give every option the same number of grades).
pub fn compare(a: &Tally, b: &Tally) -> Ordering {
    let (mut a, mut b) = (*a, *b);
    loop {
        match (run(&a), run(&b)) {
            (Some((ga, ka)), Some((gb, kb))) => {
                if ga != gb {
                    // A lower index is a better grade.
                    return gb.cmp(&ga);
                }
                let k = ka.min(kb);
                a[ga] -= k;
                b[gb] -= k;
            }
            _ => return Ordering::Equal,
        }
    }
}

/// One option's place in the ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    /// Index of the option in the tallies given.
    pub option: usize,
    /// 1-based; options with equal majority values share a rank.
    pub rank: usize,
    pub majority_grade: Option<Grade>,
    /// Grades better than the majority grade.
    pub better: u64,
    /// Grades worse than the majority grade.
    pub worse: u64,
}

/// The options ranked best first (ties keep their given order).
pub fn rank(tallies: &[Tally]) -> Vec<Ranked> {
    let total = tallies.iter().map(|t| t.iter().sum::<u64>()).max().unwrap_or(0);
    let filled: Vec<Tally> = tallies.iter().map(|t| fill_missing(t, total)).collect();
    let mut order: Vec<usize> = (0..tallies.len()).collect();
    order.sort_by(|x, y| compare(&filled[*y], &filled[*x]));
    let mut out: Vec<Ranked> = Vec::with_capacity(order.len());
    for (i, &o) in order.iter().enumerate() {
        let rank = match out.last() {
            Some(prev) if compare(&filled[prev.option], &filled[o]) == Ordering::Equal => prev.rank,
            _ => i + 1,
        };
        let t = &filled[o];
        let mg = majority_grade(t);
        let (better, worse) = match mg {
            Some(g) => (t[..g.index()].iter().sum(), t[g.index() + 1..].iter().sum()),
            None => (0, 0),
        };
        out.push(Ranked {
            option: o,
            rank,
            majority_grade: mg,
            better,
            worse,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The majority value written out by removing medians one at a time.
    fn value_by_hand(t: &Tally) -> Vec<usize> {
        let mut grades: Vec<usize> = (0..6).flat_map(|g| std::iter::repeat_n(g, t[g] as usize)).collect();
        let mut out = vec![];
        while !grades.is_empty() {
            let m = grades.len() / 2;
            out.push(grades.remove(m));
        }
        out
    }

    #[test]
    fn the_majority_grade_is_the_lower_middle() {
        // Grades sorted best first: VG, G, G, P → the lower of the two middle ones is G (position 2).
        assert_eq!(majority_grade(&[1, 2, 0, 1, 0, 0]), Some(Grade::Good));
        // VG, G, P, P → position 2 is P.
        assert_eq!(majority_grade(&[1, 1, 0, 2, 0, 0]), Some(Grade::Passable));
        assert_eq!(majority_grade(&[0; 6]), None);
    }

    #[test]
    fn ties_on_the_majority_grade_are_broken_by_the_next_removed_grades() {
        // Five voters each. A: VG, G, G, G, R. B: G, G, G, P, P.
        // Both have majority grade Good. Removing it: A → VG, G, G, R (median
        // position 2: G), B → G, G, P, P (position 2: P). A's value starts
        // G, G; B's G, P: A ranks first.
        let a = [1, 3, 0, 0, 0, 1];
        let b = [0, 3, 0, 2, 0, 0];
        assert_eq!(value_by_hand(&a)[..2], [1, 1]);
        assert_eq!(value_by_hand(&b)[..2], [1, 3]);
        assert_eq!(compare(&a, &b), Ordering::Greater);
        let r = rank(&[b, a]);
        assert_eq!((r[0].option, r[0].rank), (1, 1));
        assert_eq!((r[1].option, r[1].rank), (0, 2));
        assert_eq!((r[0].better, r[0].worse), (1, 1));
    }

    #[test]
    fn ties_hold_over_several_removals() {
        // A: G, G, P, P. B: G, G, P, P, in another order of voters: equal values.
        let a = [0, 2, 0, 2, 0, 0];
        assert_eq!(compare(&a, &a), Ordering::Equal);
        // C: VG, G, P, R: value P, G, R, VG against A's P, G, P, G: C loses
        // at the third grade (R is worse than P).
        let c = [1, 1, 0, 1, 0, 1];
        assert_eq!(value_by_hand(&a), vec![3, 1, 3, 1]);
        assert_eq!(value_by_hand(&c), vec![3, 1, 5, 0]);
        assert_eq!(compare(&a, &c), Ordering::Greater);
        let r = rank(&[a, a, c]);
        assert_eq!(r.iter().map(|x| x.rank).collect::<Vec<_>>(), vec![1, 1, 3]);
    }

    fn tally() -> impl Strategy<Value = Tally> {
        proptest::array::uniform6(0u64..12)
    }

    proptest! {
        #[test]
        fn runs_give_the_majority_value_written_out(a in tally(), b in tally()) {
            let (va, vb) = (value_by_hand(&a), value_by_hand(&b));
            let n = va.len().min(vb.len());
            // Lexicographic on grades, a lower index being better.
            let expected = vb[..n].cmp(&va[..n]);
            prop_assert_eq!(compare(&a, &b), expected);
        }

        #[test]
        fn ranking_is_a_consistent_permutation(ts in proptest::collection::vec(tally(), 0..8)) {
            let total = ts.iter().map(|t| t.iter().sum::<u64>()).max().unwrap_or(0);
            let r = rank(&ts);
            let mut seen: Vec<usize> = r.iter().map(|x| x.option).collect();
            seen.sort_unstable();
            prop_assert_eq!(seen, (0..ts.len()).collect::<Vec<_>>());
            for w in r.windows(2) {
                let (x, y) = (fill_missing(&ts[w[0].option], total), fill_missing(&ts[w[1].option], total));
                prop_assert!(compare(&x, &y) != Ordering::Less);
                prop_assert_eq!(w[0].rank == w[1].rank, compare(&x, &y) == Ordering::Equal);
            }
        }

        #[test]
        fn a_better_grade_never_ranks_lower(t in tally(), from in 1usize..6) {
            prop_assume!(t[from] > 0);
            let mut up = t;
            up[from] -= 1;
            up[from - 1] += 1;
            prop_assert!(compare(&up, &t) != Ordering::Less);
        }

        #[test]
        fn comparison_is_antisymmetric(a in tally(), b in tally()) {
            prop_assert_eq!(compare(&a, &b), compare(&b, &a).reverse());
        }
    }
}
