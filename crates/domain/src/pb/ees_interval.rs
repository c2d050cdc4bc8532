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
use super::ees::most_payers;
use super::mes::CostData;
use super::numbers::ceil;
use super::states::{self, Pricing, Scratch, State, move_payers};

/// The certificate for EES.
pub(super) type Certifier = states::Certifier<Ees>;

/// Exact Equal Shares' ranking: most payers first.
#[derive(Default)]
pub(super) struct Ees;

impl Pricing for Ees {
    /// 12 took the least time over the five slowest shared elections,
    /// between 8, 10, 12 and 16, and the least on Mokotów 2020, the slowest.
    const MAX_STATES: usize = 12;

    fn high(data: &CostData, scratch: &mut Scratch, p: usize) -> u64 {
        count(data, scratch, p, End::High)
    }

    fn low(data: &CostData, scratch: &mut Scratch, p: usize) -> u64 {
        count(data, scratch, p, End::Low)
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
    /// Lower budgets, fewest payers rounded up: a lower bound of `T`.
    Low,
    /// Upper budgets, fewest payers rounded down: an upper bound of `T`.
    High,
}

/// A bound of the largest number of supporters of `p` (just gathered) who
/// can each pay `cost / t`, under the lower or upper budgets.
fn count(data: &CostData, scratch: &mut Scratch, p: usize, end: End) -> u64 {
    let cap = data.weights[p] + 1;
    let cost = data.cost_approx[p];
    let (numerator, widen) = match end {
        End::Low => (cost.upper(), 1.0 + 4.0 * ULP),
        End::High => (cost.lower().max(0.0), 1.0 - 4.0 * ULP),
    };
    scratch.pairs.clear();
    for &k in &scratch.touched {
        let (lo, hi) = scratch.bounds[k as usize];
        let budget = if end == End::Low { lo } else { hi };
        if budget <= 0.0 {
            continue;
        }
        // ⌈cost / budget⌉, rounded the safe way for this end.
        let fewest = ceil((numerator / budget) * widen).max(1.0);
        if fewest < cap as f64 {
            scratch.pairs.push((fewest as u64, scratch.weight[k as usize]));
        }
    }
    most_payers(&mut scratch.pairs)
}
