//! A certificate that Exact Equal Shares funds the same projects at
//! **every** per-voter budget of an interval, in a given order or with some
//! pairs of consecutive rounds swapped: what lets ADD-OPT jump over the
//! changes that leave the funded projects alone (on Amsterdam 332, 2,850 of
//! its 2,875 changes; most of the others on Mokotów 2020 swap two projects
//! whose numbers of payers are a few apart).
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
//! **Swaps.** When the next project of `O` is the one that may beat `O[i]`,
//! the two rounds are checked together: every other project must lose to
//! one of them (so one of them takes round `i`), and each order that may
//! happen (`a` first unless `a` surely loses to `b`) is followed from the
//! bounds of now, the second project having to win the next round there.
//! Every group's bounds afterwards are the lowest and highest of both
//! orders: at each `β` one of them happened, so its budget lies between.
//!
//! A rival's `T(hi)` from an earlier round stays an upper bound later (upper
//! budgets only fall), so rivals are counted again only when the kept bound
//! does not beat the winner (bounds counted inside one order of a swap are
//! dropped). Every bound is rounded outwards, so the certificate may fail
//! where exact arithmetic would succeed, never the other way; the walk then
//! takes that step exactly.

use std::collections::HashMap;

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
    bounds: Vec<Bounds>,
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

/// `(lo, hi)`: what a class's voters hold at least and at most.
type Bounds = (f64, f64);

/// The bounds of class `k`: one of `before` or, from its end on, of `added`.
fn class_bounds(before: &[Bounds], added: &[Bounds], k: u32) -> Bounds {
    let k = k as usize;
    if k < before.len() {
        before[k]
    } else {
        added[k - before.len()]
    }
}

/// No class yet for this class's payers in this round.
const NONE: u64 = u64::MAX;

impl Certifier {
    /// Whether EES funds the projects of `order` (local indices, with any
    /// second field) and nothing else, in that order but for swaps of
    /// consecutive rounds, at every per-voter budget in `[low, high]`
    /// (floats already rounded outwards).
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
        let mut i = 0;
        while i < order.len() {
            let q = order[i].0 as usize;
            match self.wins(data, q) {
                Ok((tl, th)) => {
                    self.pay(data, q, tl, th);
                    self.funded[q] = true;
                    i += 1;
                }
                // The next project of the order may come first: both orders
                // are followed, and their bounds joined.
                Err(Some(p)) if order.get(i + 1).is_some_and(|next| next.0 as usize == p) => {
                    if !self.either_first(data, q, p) {
                        return false;
                    }
                    i += 2;
                }
                Err(_) => return false,
            }
        }
        (0..m).all(|p| self.funded[p] || self.bound[p] == 0 || self.payers(data, p, End::High) == 0)
    }

    /// Checks that `q` takes this round at every budget: its payers `(tl,
    /// th)`, or the first rival that may beat it (`None`: `q` may have none).
    fn wins(&mut self, data: &CostData, q: usize) -> Result<(u64, u64), Option<usize>> {
        let tl = self.payers(data, q, End::Low);
        if tl == 0 {
            return Err(None);
        }
        for p in 0..data.projects.len() {
            if self.funded[p] || p == q || loses(self.bound[p], p, tl, q) {
                continue;
            }
            self.bound[p] = self.payers(data, p, End::High);
            if !loses(self.bound[p], p, tl, q) {
                return Err(Some(p));
            }
        }
        Ok((tl, self.payers(data, q, End::High)))
    }

    /// Checks that `a` and `b` take the next two rounds, in either order,
    /// at every budget, and funds them: each order that may happen is
    /// followed from the bounds of now, and each class's bounds afterwards
    /// cover what it holds in both.
    fn either_first(&mut self, data: &CostData, a: usize, b: usize) -> bool {
        let (la, lb) = (self.payers(data, a, End::Low), self.payers(data, b, End::Low));
        // This round goes to `a` or `b`: every other project loses to one.
        for p in 0..data.projects.len() {
            let beaten = |bound: u64| loses(bound, p, la, a) || loses(bound, p, lb, b);
            if self.funded[p] || p == a || p == b || beaten(self.bound[p]) {
                continue;
            }
            self.bound[p] = self.payers(data, p, End::High);
            if !beaten(self.bound[p]) {
                return false;
            }
        }
        let (ha, hb) = (self.payers(data, a, End::High), self.payers(data, b, End::High));
        let a_first = ha > 0 && !loses(ha, a, lb, b);
        let b_first = hb > 0 && !loses(hb, b, la, a);
        let classes = self.bounds.len();
        let class = self.class.clone();
        let bound = self.bound.clone();
        // The classes and added bounds after the first order, when both may happen.
        let mut first: Option<(Vec<u32>, Vec<Bounds>)> = None;
        for (x, y, lx, hx, may) in [(a, b, la, ha, a_first), (b, a, lb, hb, b_first)] {
            if !may {
                continue;
            }
            if first.is_some() {
                // Back to the bounds of now for the other order.
                self.clear_weights();
                self.class.copy_from_slice(&class);
                self.bounds.truncate(classes);
                self.weight.truncate(classes);
                self.bound.copy_from_slice(&bound);
                self.funded[a] = false;
                self.funded[b] = false;
            }
            self.pay(data, x, lx, hx);
            self.funded[x] = true;
            let Ok((ly, hy)) = self.wins(data, y) else {
                return false;
            };
            self.pay(data, y, ly, hy);
            self.funded[y] = true;
            if first.is_none() && a_first && b_first {
                first = Some((self.class.clone(), self.bounds[classes..].to_vec()));
            }
        }
        // Bounds found inside one order may be too low for the other.
        self.bound.copy_from_slice(&bound);
        if let Some((other_class, other_bounds)) = first {
            self.join(data, &[a, b], classes, &other_class, &other_bounds);
        }
        self.funded[a] && self.funded[b]
    }

    /// Joins the classes of the supporters of `projects` with those of
    /// another order (`other_class`, whose classes from `classes` on have
    /// `other_bounds`): each pair of classes becomes one with the lowest
    /// and highest bounds of both.
    fn join(
        &mut self,
        data: &CostData,
        projects: &[usize],
        classes: usize,
        other_class: &[u32],
        other_bounds: &[Bounds],
    ) {
        self.clear_weights();
        let mine = self.bounds.split_off(classes);
        let mut groups: Vec<u32> = projects
            .iter()
            .flat_map(|&p| data.supporters[p].iter().copied())
            .collect();
        groups.sort_unstable();
        groups.dedup();
        let mut joined: HashMap<(u32, u32), u32> = HashMap::new();
        for g in groups {
            let g = g as usize;
            let (k, other) = (self.class[g], other_class[g]);
            if k == other && (k as usize) < classes {
                continue;
            }
            let x = class_bounds(&self.bounds[..classes], &mine, k);
            let y = class_bounds(&self.bounds[..classes], other_bounds, other);
            let bounds = &mut self.bounds;
            self.class[g] = *joined.entry((k, other)).or_insert_with(|| {
                bounds.push((x.0.min(y.0), x.1.max(y.1)));
                (bounds.len() - 1) as u32
            });
        }
        self.weight.resize(self.bounds.len(), 0);
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
