//! The Method of Equal Shares (cost utilities) under a certificate's
//! bounds ([`super::states`]): a project's key is its price per unit of
//! cost `ρ = q / c`, least first, where `q` solves `Σ w·min(β, q) = c`
//! over its supporters (a project whose supporters hold less than `c` is
//! never funded again). Prices fall when budgets rise, so `q(hi) ≤ q(β) ≤
//! q(lo)`; and where a project takes the round its price is at most that
//! of the surely affordable project `w` with the least bound, `ρ_w(lo)`.
//! A supporter pays `min(β, q)` and keeps `max(0, β − q)`: between
//! `max(0, lo − q_most)` and `max(0, hi − q_least)`.
//!
//! Prices under bounds are computed in floating point, rounded the safe
//! way: for any set `S` of supporters treated as paying all they have,
//! `(c − Σ_S w·β) / Σ_{not S} w` is at most the price (since `min(β, q)` is
//! at most both `β` and `q`), so every such value rounded down is a lower
//! bound; an upper bound `u` is checked by adding up `Σ w·min(β, u)`,
//! rounded down, to at least `c`.

use super::approx::ULP;
use super::mes::CostData;
use super::states::{self, Pricing, Scratch, State, move_payers};

/// The certificate for MES with cost utilities.
pub(super) type Certifier = states::Certifier<Mes>;

/// MES's ranking: least price per unit of cost first.
#[derive(Default)]
pub(super) struct Mes;

/// Rounding factors that make a product or sum of a few floats a bound.
const DOWN: f64 = 1.0 - 8.0 * ULP;
const UP: f64 = 1.0 + 8.0 * ULP;

/// The key of a price per unit `ρ ≥ 0`: larger for cheaper, never 0.
fn key(rho: f64) -> u64 {
    u64::MAX - rho.to_bits()
}

/// The price per unit a key stands for.
fn rho(key: u64) -> f64 {
    f64::from_bits(u64::MAX - key)
}

impl Pricing for Mes {
    /// Prices spread wider than numbers of payers under the same bounds, so
    /// fewer: the add1 walks on Budapest 2024, Mokotów 2020 and Warszawa
    /// 2026 took 0.6 to 1.0x the time of 12 with 6 (3 and 4: more).
    const MAX_STATES: usize = 6;

    fn high(data: &CostData, scratch: &mut Scratch, p: usize, _kept: u64) -> u64 {
        let cost = data.cost_approx[p];
        let (pairs, total) = budgets(scratch, false);
        if total < cost.lower() {
            // The supporters hold less than the cost at every run of the state.
            return 0;
        }
        let least = least_price(pairs, cost.lower());
        key((least / cost.upper()) * DOWN)
    }

    fn low(data: &CostData, scratch: &mut Scratch, p: usize, _high: u64) -> u64 {
        let cost = data.cost_approx[p];
        if cost.lower() <= 0.0 {
            return 0;
        }
        let (pairs, total) = budgets(scratch, true);
        if total < cost.upper() {
            return 0;
        }
        let most = most_price(pairs, cost.upper());
        key((most / cost.lower()) * UP)
    }

    fn pay(data: &CostData, state: &mut State, scratch: &mut Scratch, x: usize, low: u64, high: u64) {
        let cost = data.cost_approx[x];
        let least = (rho(high) * cost.lower()) * DOWN;
        let most = if low == 0 {
            f64::INFINITY
        } else {
            (rho(low) * cost.upper()) * UP
        };
        move_payers(data, state, scratch, x, |(lo, hi)| {
            // Nothing to pay with, or what is left after paying.
            (hi > 0.0).then(|| ((lo - most).next_down().max(0.0), (hi - least).next_up().max(0.0)))
        });
    }

    fn first(weight: u64) -> u64 {
        if weight == 0 { 0 } else { u64::MAX }
    }
}

/// Passes of the poor/rich iteration before sorting instead.
const MAX_PASSES: usize = 8;

/// The (budget, weight) of the classes just gathered that hold something,
/// under the lower or upper bounds, and what they hold together, rounded
/// down or up.
fn budgets(scratch: &mut Scratch, lower: bool) -> (&mut [(f64, u64)], f64) {
    let pairs = &mut scratch.budgets;
    pairs.clear();
    let mut total = 0.0;
    for &k in &scratch.touched {
        let (lo, hi) = scratch.bounds[k as usize];
        let budget = if lower { lo } else { hi };
        if budget > 0.0 {
            let w = scratch.weight[k as usize];
            pairs.push((budget, w));
            total = (total + budget * w as f64) * if lower { DOWN } else { UP };
        }
    }
    (pairs, total)
}

/// One pass of the poor/rich iteration in floating point: with the
/// classes below `q` paying all they hold, the price the others pay;
/// `None` when nobody is left to pay.
fn pass(pairs: &[(f64, u64)], cost: f64, q: f64) -> Option<f64> {
    let (mut poor, mut rich) = (0.0, 0u64);
    for &(b, w) in pairs {
        if b < q {
            poor += b * w as f64;
        } else {
            rich += w;
        }
    }
    let left = cost - poor;
    if rich == 0 || left <= 0.0 {
        return None;
    }
    Some(left / rich as f64)
}

/// A lower bound of the price `q` with `Σ w·min(b, q) = cost` over
/// `pairs`, from `cost`'s lower bound. Each pass treats as poor the
/// classes below the last bound, which are poor at the price too, so the
/// bounds grow towards the price; the bounds only grow, so a class poor
/// once stays poor: it is added up once and left out of the next passes
/// (0.95x the time of `mes-add1` on Mokotów 2020 and Budapest 2024 beside
/// passes over all of them).
fn least_price(pairs: &mut [(f64, u64)], cost: f64) -> f64 {
    let mut q = 0.0;
    // What the poor classes hold, rounded up, and how many are still rich.
    let mut poor = 0.0;
    let mut kept = pairs.len();
    for _ in 0..MAX_PASSES {
        let mut rich = 0u64;
        let mut next = 0;
        for i in 0..kept {
            let (b, w) = pairs[i];
            if b < q {
                poor = (poor + b * w as f64) * UP;
            } else {
                pairs[next] = (b, w);
                next += 1;
                rich += w;
            }
        }
        kept = next;
        let left = cost - poor;
        if rich == 0 || left <= 0.0 {
            break;
        }
        match (left / rich as f64) * DOWN {
            bound if bound > q => q = bound,
            _ => break,
        }
    }
    q
}

/// An upper bound of the price `q` with `Σ w·min(b, q) = cost` over
/// `pairs` (holding `cost` or more), from `cost`'s upper bound: the price
/// found in floating point, a little above, if the sum at it reaches the
/// cost, else the largest budget.
fn most_price(pairs: &mut [(f64, u64)], cost: f64) -> f64 {
    let largest = pairs.iter().fold(0.0, |m: f64, pair| m.max(pair.0));
    let mut q = 0.0;
    let mut settled = false;
    for _ in 0..MAX_PASSES {
        match pass(pairs, cost, q) {
            Some(next) if next > q => q = next,
            _ => {
                settled = true;
                break;
            }
        }
    }
    if !settled {
        q = sorted_price(pairs, cost, largest);
    }
    let guess = q * (1.0 + 1e-10);
    if guess >= largest {
        return largest;
    }
    let reached = pairs
        .iter()
        .fold(0.0, |s, &(b, w)| (s + b.min(guess) * w as f64) * DOWN);
    if reached >= cost { guess } else { largest }
}

/// The price in floating point, the poorer classes first.
fn sorted_price(pairs: &mut [(f64, u64)], cost: f64, largest: f64) -> f64 {
    pairs.sort_unstable_by(|a, b| a.0.total_cmp(&b.0));
    let mut rich: u64 = pairs.iter().map(|pair| pair.1).sum();
    let mut poor = 0.0;
    for &(b, w) in pairs.iter() {
        let q = (cost - poor) / rich as f64;
        if q <= b {
            return q;
        }
        poor += b * w as f64;
        rich -= w;
    }
    largest
}
