//! A certificate that Exact Equal Shares funds the same projects, in the
//! same order, at **every** per-voter budget of an interval: what lets
//! ADD-OPT jump over the changes that only re-split payments (on Amsterdam
//! 332, 2,806 of its 2,875 changes leave the order alone).
//!
//! **Why it holds.** Fix an order `O` and per-voter budgets `β ∈ [low, high]`.
//! Keep for every ballot group two numbers `lo ≤ budget(β) ≤ hi`, valid for
//! every `β` of the interval at the start of the current round, starting
//! with `[low, high]`. A project's number of payers `T` (the largest `t`
//! such that `t` supporters have `cost / t` or more) only grows when budgets
//! grow, so `T(lo) ≤ T(β) ≤ T(hi)`. Round `i` goes to `O[i]` at every `β`
//! when `T_O[i](lo)` is positive and beats every other unfunded project's
//! `T(hi)` (ties to the first in id order, as in [`super::ees`]). With `t`
//! then between `tl = T(lo)` and `th = T(hi)`, a supporter pays exactly when
//! its budget reaches `cost / t`: surely when `lo ≥ cost / tl`, never when
//! `hi < cost / th`. A payer keeps `budget − cost / t`, between
//! `lo − cost / tl` and `hi − cost / th`, and never below 0; a group that may
//! or may not pay keeps `[max(0, lo − cost / tl), hi]`. After `O`'s last
//! round no project left may have a payer under `hi`. By induction every run
//! in the interval makes `O`'s choices and stops there.
//!
//! A rival's `T(hi)` from an earlier round stays an upper bound later (upper
//! budgets only fall), so rivals are counted again only when the kept bound
//! does not beat the winner. Every bound is rounded outwards, so the
//! certificate may fail where exact arithmetic would succeed, never the
//! other way; the walk then takes that step exactly.

use super::approx::ULP;
use super::ees::most_payers;
use super::mes::CostData;

/// Which end of the budgets a count is made with.
#[derive(Clone, Copy, PartialEq, Eq)]
enum End {
    /// Lower budgets, fewest payers rounded up: a lower bound of `T`.
    Low,
    /// Upper budgets, fewest payers rounded down: an upper bound of `T`.
    High,
}

/// Buffers reused from one check to the next.
#[derive(Default)]
pub(super) struct Certifier {
    /// Per ballot group: its class. Groups that paid surely or maybe in
    /// the same rounds share a class, and so their bounds.
    class: Vec<u32>,
    /// Per class: the bounds `(lo, hi)` of its voters' budgets.
    bounds: Vec<(f64, f64)>,
    /// Per class: supporting weight of the project being counted, or the
    /// class it moves to in the round being made.
    weight: Vec<u64>,
    touched: Vec<u32>,
    /// Per local project: an upper bound of its payers under `hi`.
    bound: Vec<u64>,
    funded: Vec<bool>,
    /// (fewest payers, weight) of one project's supporting classes.
    pairs: Vec<(u64, u64)>,
    /// Number of checks made, and of those that held.
    pub checks: usize,
    pub held: usize,
}

/// Whether `rival` with at most `t_rival` payers surely loses to `winner`
/// with at least `t_winner`.
fn loses(t_rival: u64, rival: usize, t_winner: u64, winner: usize) -> bool {
    t_rival < t_winner || (t_rival == t_winner && rival > winner)
}

/// No class yet for this class's payers in this round.
const NONE: u64 = u64::MAX;

impl Certifier {
    /// Whether EES funds the projects of `order` (local indices, with any
    /// second field), in that order and nothing else, at every per-voter
    /// budget in `[low, high]` (floats already rounded outwards).
    pub(super) fn holds(&mut self, data: &CostData, order: &[(u32, u64)], low: f64, high: f64) -> bool {
        self.checks += 1;
        let held = self.check(data, order, low, high);
        self.held += usize::from(held);
        held
    }

    fn check(&mut self, data: &CostData, order: &[(u32, u64)], low: f64, high: f64) -> bool {
        let m = data.projects.len();
        self.class.clear();
        self.class.resize(data.groups.len(), 0);
        self.bounds.clear();
        self.bounds.push((low, high));
        self.weight.clear();
        self.weight.push(0);
        self.touched.clear();
        self.bound.clear();
        self.bound.extend_from_slice(&data.weights);
        self.funded.clear();
        self.funded.resize(m, false);
        for &(q, _) in order {
            let q = q as usize;
            let tl = self.payers(data, q, End::Low);
            if tl == 0 {
                return false;
            }
            for p in 0..m {
                if self.funded[p] || p == q || loses(self.bound[p], p, tl, q) {
                    continue;
                }
                self.bound[p] = self.payers(data, p, End::High);
                if !loses(self.bound[p], p, tl, q) {
                    return false;
                }
            }
            let th = self.payers(data, q, End::High);
            self.pay(data, q, tl, th);
            self.funded[q] = true;
        }
        (0..m).all(|p| self.funded[p] || self.bound[p] == 0 || self.payers(data, p, End::High) == 0)
    }

    /// Moves the supporters of `q`, funded by between `tl` and `th` payers,
    /// to the classes of what they may have left.
    fn pay(&mut self, data: &CostData, q: usize, tl: u64, th: u64) {
        let cost = data.cost_approx[q];
        // What a payer pays lies in [cost / th, cost / tl].
        let most = cost.div_int(tl).upper();
        let least = cost.div_int(th).lower();
        self.clear_weights();
        for &g in &data.supporters[q] {
            let k = self.class[g as usize] as usize;
            if self.weight[k] == NONE {
                continue;
            }
            if self.weight[k] == 0 {
                let (lo, hi) = self.bounds[k];
                if hi < least {
                    // Never pays: stays.
                    self.weight[k] = NONE;
                    self.touched.push(k as u32);
                    continue;
                }
                // Surely pays, or maybe.
                let hi = if lo >= most { (hi - least).next_up() } else { hi };
                let lo = (lo - most).next_down().max(0.0);
                self.weight[k] = self.bounds.len() as u64;
                self.touched.push(k as u32);
                self.bounds.push((lo, hi));
            }
            self.class[g as usize] = self.weight[k] as u32;
        }
        self.weight.resize(self.bounds.len(), 0);
    }

    fn clear_weights(&mut self) {
        for &k in &self.touched {
            self.weight[k as usize] = 0;
        }
        self.touched.clear();
    }

    /// A bound of the largest number of supporters of `p` who can each pay
    /// `cost / t`, under the lower or upper budgets.
    fn payers(&mut self, data: &CostData, p: usize, end: End) -> u64 {
        self.clear_weights();
        for &g in &data.supporters[p] {
            let k = self.class[g as usize] as usize;
            if self.weight[k] == 0 {
                self.touched.push(k as u32);
            }
            self.weight[k] += data.groups[g as usize].1;
        }
        let cap = data.weights[p] + 1;
        let cost = data.cost_approx[p];
        let (numerator, widen) = match end {
            End::Low => (cost.upper(), 1.0 + 4.0 * ULP),
            End::High => (cost.lower().max(0.0), 1.0 - 4.0 * ULP),
        };
        self.pairs.clear();
        for &k in &self.touched {
            let (lo, hi) = self.bounds[k as usize];
            let budget = if end == End::Low { lo } else { hi };
            if budget <= 0.0 {
                continue;
            }
            // ⌈cost / budget⌉, rounded the safe way for this end.
            let fewest = ((numerator / budget) * widen).ceil().max(1.0);
            if fewest < cap as f64 {
                self.pairs.push((fewest as u64, self.weight[k as usize]));
            }
        }
        self.pairs.sort_unstable_by_key(|pair| pair.0);
        most_payers(self.pairs.iter().copied())
    }
}
