//! Exact Equal Shares under a certificate's bounds ([`super::states`]):
//! a project's key is its number of payers `T` (the largest `t` such that
//! `t` supporters have `cost / t` or more), which only grows when budgets
//! grow, so `T(lo) ≤ T(β) ≤ T(hi)`. A supporter of the project funded with
//! between `tl` and `th` payers pays exactly when its budget reaches
//! `cost / t`: surely when `lo ≥ cost / tl`, never when `hi < cost / th`.
//! A payer keeps `budget − cost / t`, between `lo − cost / tl` and
//! `hi − cost / th`, and never below 0. A group that may or may not pay
//! had at least `cost / th` where it paid, and less than `cost / tl` where
//! it did not (the `T` payers are all who had `cost / T`), so it keeps
//! between `max(0, max(lo, cost / th) − cost / tl)` (at most `lo`) and
//! `max(min(hi, cost / tl), hi − cost / th)`: on Budapest 2024 ADD-OPT
//! makes 0.7x the checks it made keeping `[max(0, lo − cost / tl), hi]`.
//!
//! For ADD-OPT the certificate's goal is that every outcome fits and leaves
//! a project out (ADD-OPT stops at an outcome that funds everything): it
//! jumps over the changes before the first outcome that does not fit (most
//! changes only re-split payments or reorder rounds: on Mokotów 2020,
//! 20,214 of its 20,331; and most of the others fund other projects that
//! still fit). For ADD-OPT-SKIP, that every outcome does not fit or spends
//! no more than the best so far, what lets it stop once that holds up to
//! the budget from which nothing fits (on Budapest 2024, after 83 of its
//! 254 runs).

use super::approx::ULP;
use super::mes::CostData;
use super::states::{self, Pricing, Scratch, State, Supporters, move_payers};

/// The certificate for EES.
pub(super) type Certifier = states::Certifier<Ees>;

/// Exact Equal Shares' ranking: most payers first.
#[derive(Default)]
pub(super) struct Ees;

impl Pricing for Ees {
    /// 12 took the least time over the five slowest shared elections,
    /// between 8, 10, 12 and 16, and the least on Mokotów 2020, the slowest.
    const MAX_STATES: usize = 12;

    /// Each supporting group's bounds, one by one: most groups
    /// are in a class of their own after a few rounds (on Mokotów 2020, 525
    /// classes among 758 groups on average), so summing weights by class
    /// first saves little and costs a scatter.
    fn gather(data: &CostData, state: &State, scratch: &mut Scratch, p: usize) {
        let bounds = &scratch.bounds;
        let Supporters { lo, hi } = &mut scratch.supporters;
        let groups = &data.supporters[p];
        // Sized once, then written in place (each value is written).
        lo.resize(groups.len(), 0.0);
        hi.resize(groups.len(), 0.0);
        for ((&g, lo), hi) in groups.iter().zip(lo).zip(hi) {
            (*lo, *hi) = bounds[state.class[g as usize] as usize];
        }
    }

    fn high(data: &CostData, scratch: &mut Scratch, p: usize, kept: u64) -> u64 {
        count(data, scratch, p, End::High, kept)
    }

    fn low(data: &CostData, scratch: &mut Scratch, p: usize, high: u64) -> u64 {
        count(data, scratch, p, End::Low, high)
    }

    /// Moves the supporters of `x`, funded by between `low` (at least 1)
    /// and `high` payers, to the classes of what they may have left.
    fn pay(data: &CostData, state: &mut State, scratch: &mut Scratch, x: usize, low: u64, high: u64) {
        let cost = data.cost_approx[x];
        // What a payer pays lies in [cost / high, cost / low].
        let most = cost.div_int(low.max(1)).upper();
        let least = cost.div_int(high).lower();
        move_payers(data, state, scratch, x, |(lo, hi)| {
            if hi < least {
                // Never pays: stays.
                return None;
            }
            if lo >= most {
                // Surely pays.
                return Some(((lo - most).next_down().max(0.0), (hi - least).next_up()));
            }
            // Maybe: a payer had `cost / T ≥ least` and keeps at least
            // that less `most`, at most `hi − least`; one that did not pay
            // had less than `cost / T ≤ most` and keeps it.
            // (At most `lo`, as `least ≤ most`: non-payers keep `lo` or more.)
            let low = (lo.max(least) - most).next_down().max(0.0);
            let high = (hi - least).next_up().max(hi.min(most));
            Some((low, high))
        });
    }

    fn first(weight: u64) -> u64 {
        weight
    }
}

/// Which end of the budgets a count is made with.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    /// Lower budgets, a group paying only when it surely can: a lower
    /// bound of `T`.
    Low,
    /// Upper budgets, a group paying whenever it may: an upper bound of `T`.
    High,
}

/// A bound of the largest number of supporters of `p` (just gathered) who
/// can each pay `cost / t`, under the lower or upper budgets.
///
/// A group of budget `b` can pay when `b · t ≥ cost`: tested on products
/// rounded the safe way for this end, without branches, from the key
/// given down (with supporters taken one by one, not by class, and
/// `⌈cost / b⌉` per class: ADD-OPT on Mokotów 2020 and Budapest 2024 took
/// 1.4x the time).
fn count(data: &CostData, scratch: &mut Scratch, p: usize, end: End, at_most: u64) -> u64 {
    let cost = data.cost_approx[p];
    // A product `b · t` is rounded by half an ulp at most: a group surely
    // pays (`Low`) when it reaches the cost's upper bound widened, may pay
    // (`High`) when it reaches the lower bound narrowed.
    let need = match end {
        End::Low => cost.upper() * (1.0 + 4.0 * ULP),
        End::High => cost.lower().max(0.0) * (1.0 - 4.0 * ULP),
    };
    let budgets = match end {
        End::Low => &scratch.supporters.lo,
        End::High => &scratch.supporters.hi,
    };
    let weights = &data.supporter_weights[p];
    let pays = |b: f64, tf: f64| b * tf >= need && b > 0.0;
    // The weight of the groups able to pay at `t`: without branches (which
    // groups pay follows no pattern) and over arrays, so that it vectorises
    // (keeping only the groups able to pay at each pass, one by one,
    // ADD-OPT took 1.1x the time on Mokotów 2020 and Budapest 2024).
    let able_at = |t: u64| -> u64 {
        let tf = t as f64;
        budgets
            .iter()
            .zip(weights)
            .map(|(&b, &w)| if pays(b, tf) { w } else { 0 })
            .sum()
    };
    // From any `t` at least the answer, the weight of those able to pay at
    // `t` is at least the answer too: step down until it is at least `t`,
    // from a key known to be no smaller than the answer.
    let mut t = at_most.min(data.weights[p]);
    for _ in 0..MAX_PASSES {
        if t == 0 {
            return 0;
        }
        let able = able_at(t);
        if able >= t {
            return t;
        }
        t = able;
    }
    if t == 0 {
        return 0;
    }
    // Those unable at `t` are unable at every smaller `t`.
    let tf = t as f64;
    let pairs = &mut scratch.budgets;
    pairs.clear();
    pairs.extend(
        budgets
            .iter()
            .zip(weights)
            .filter(|&(&b, _)| pays(b, tf))
            .map(|(&b, &w)| (b, w)),
    );
    most_able(pairs, need)
}

/// Passes before sorting instead (16 rather than 9: ADD-OPT took 0.95x
/// the time on Mokotów 2020 and Budapest 2024, on one core; 32 or 64, the
/// same as 16).
const MAX_PASSES: usize = 16;

/// The largest `t` such that the groups with `budget · t ≥ need` weigh
/// `t` or more (0 if none), from (budget, weight) pairs, put in order.
fn most_able(pairs: &mut [(f64, u64)], need: f64) -> u64 {
    // Richest first: the `t`-th richest is in the first group whose
    // running weight reaches `t`, and pays at `t` if it does at the
    // largest `t` of its group.
    pairs.sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
    let mut best = 0;
    let mut weight = 0u64;
    for &(b, w) in pairs.iter() {
        weight += w;
        if b * weight as f64 >= need {
            best = weight;
        }
    }
    best
}
