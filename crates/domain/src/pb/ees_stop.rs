//! Where ADD-OPT-SKIP may stop: a per-voter budget from which no outcome of
//! Exact Equal Shares fits in the election's budget `B`, so that the walk
//! need not visit the changes beyond it (on Budapest 2024, 171 of its 424
//! runs, the longest ones).
//!
//! **Why it holds.** At the end of an EES run with per-voter budget `b`, a
//! project `p` left unfunded has no payers: for every `t` from 1 to the
//! number `n` of its supporters, fewer than `t` of them hold `cost / t`.
//! So the `t`-th richest holds less than `cost / t`, and at most `b`: its
//! supporters keep at most `Σₜ min(b, cost / t)`, and have paid at least
//! `S(b) = n·b − Σₜ min(b, cost / t)`. EES spends exactly what voters pay,
//! so an outcome leaving `p` unfunded costs at least `S(b)`. Let `W(b)` be
//! the projects with `S(b) > B`: an outcome that fits funds all of them.
//! When their costs add up to more than `B`, no outcome at `b` fits. And
//! `S` never falls as `b` grows (its slope is `n` less the number of `t`
//! with `cost / t > b`), so `W` only grows: no outcome fits at any budget
//! from `b` on.
//!
//! The sums are made in floating point, rounded so that `S` is under its
//! true value; the costs of `W` are added exactly.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::Zero;

use super::approx::ULP;
use super::mes::CostData;
use super::numbers;

/// Bisection steps on the per-voter budget (each halves the gap).
const STEPS: usize = 64;

/// A per-voter budget from which no EES outcome costs at most `budget`
/// (with `voters` voters), if there is one: the walk starts at
/// `budget / voters`.
pub(super) fn no_fit_from(data: &CostData, budget: &BigRational, voters: usize) -> Option<f64> {
    if voters == 0 || data.projects.is_empty() {
        return None;
    }
    let most = data.weights.iter().copied().max().unwrap_or(0) as usize;
    // harmonic[k]: 1 + 1/2 + … + 1/k, rounded down and up step by step.
    let mut harmonic = vec![(0.0f64, 0.0f64); most + 1];
    for k in 1..=most {
        let (down, up) = harmonic[k - 1];
        let term = 1.0 / k as f64;
        harmonic[k] = (
            (down + term.next_down()).next_down().next_down(),
            (up + term.next_up()).next_up().next_up(),
        );
    }
    let ceiling = numbers::to_f64(budget).next_up() * (1.0 + 4.0 * ULP);
    let stops = |b: f64| {
        let mut sure = BigRational::zero();
        for (l, &n) in data.weights.iter().enumerate() {
            if paid_at_least(n, data.cost_approx[l].upper(), b, &harmonic) > ceiling {
                sure += &data.costs[l];
            }
        }
        sure > *budget
    };
    let start = numbers::to_f64(&(budget / BigRational::from_integer(BigInt::from(voters))));
    // Up from the start until it stops (it does once every supporter can
    // pay for each project alone, if all the projects cost more than B).
    let mut low = start.max(f64::MIN_POSITIVE);
    let mut high = low;
    loop {
        if stops(high) {
            break;
        }
        if !high.is_finite() || high > 1e300 {
            return None;
        }
        low = high;
        high *= 2.0;
    }
    Some(narrow(low, high, STEPS, |x| x, stops))
}

/// From `low`, where `holds` does not, and `high`, where it does, the gap
/// between the last two halved `steps` times at the budgets `round` gives
/// (or until it cannot be): the last budget where `holds` does.
pub(super) fn narrow(
    mut low: f64,
    mut high: f64,
    steps: usize,
    round: impl Fn(f64) -> f64,
    mut holds: impl FnMut(f64) -> bool,
) -> f64 {
    for _ in 0..steps {
        let middle = round(low + (high - low) / 2.0);
        if middle <= low || middle >= high {
            break;
        }
        if holds(middle) {
            high = middle;
        } else {
            low = middle;
        }
    }
    high
}

/// A lower bound on what the `n` supporters of a project costing at most
/// `cost` have paid, at per-voter budget `b`, if it is left unfunded.
fn paid_at_least(n: u64, cost: f64, b: f64, harmonic: &[(f64, f64)]) -> f64 {
    let n = n as usize;
    // Any split gives an upper bound on what they keep: the `t0` richest
    // keep at most `b` each, the others less than `cost / t` each.
    let t0 = ((cost / b).floor() as usize).min(n);
    let tail = (harmonic[n].1 - harmonic[t0].0).max(0.0);
    let kept = t0 as f64 * b + cost * tail;
    let kept = kept * (1.0 + 64.0 * ULP) + 4.0 * ULP * cost;
    (n as f64 * b) * (1.0 - 4.0 * ULP) - kept
}
