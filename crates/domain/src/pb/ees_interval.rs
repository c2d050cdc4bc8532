//! A certificate that Exact Equal Shares funds the same projects at
//! **every** per-voter budget of an interval, in a given order but for
//! some blocks of a few consecutive rounds in another order: what lets
//! ADD-OPT jump over the changes that leave the funded projects alone (on
//! Amsterdam 332, 2,850 of its 2,875 changes; on Mokotów 2020, 20,214 of
//! 20,331, most of those that change the order swapping two projects whose
//! numbers of payers are a few apart).
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
//! **Reordered rounds.** When a project a few rounds later in `O` (at most
//! [`MAX_BLOCK`] rounds from `O[i]`) is the one that may beat `O[i]`, the
//! rounds up to it form a block checked in every order: every project
//! outside the block must lose to one of the block's projects left (so one
//! of those takes the round, which needs one of them to surely have a
//! payer), and each of those that may take it (unless another surely beats
//! it) is followed from the bounds of now, with at least one payer, and so
//! on until the block is funded. Every group's bounds afterwards are the
//! lowest and highest of all the orders followed: at each `β` one of them
//! happened, so its budget lies between. When, in one of those orders, a
//! project a little further in `O` (still within [`MAX_BLOCK`] rounds of
//! `O[i]`) may take a round of the block, the block grows to it and is
//! followed again (on Mokotów 2020 this took ADD-OPT from 27 s to 19 s:
//! three projects a few payers apart swap places in turn).
//!
//! A rival's `T(hi)` from an earlier round stays an upper bound later (upper
//! budgets only fall), so rivals are counted again only when the kept bound
//! does not beat the winner (bounds counted inside one order of a block are
//! dropped). Every bound is rounded outwards, so the certificate may fail
//! where exact arithmetic would succeed, never the other way; the walk then
//! takes that step exactly.

use std::collections::HashMap;

use super::approx::ULP;
use super::ees::most_payers;
use super::mes::CostData;
use super::numbers::ceil;

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

/// Classes of every group, and the bounds of the classes added since some point.
type Joined = (Vec<u32>, Vec<Bounds>);

/// The most consecutive rounds checked in every order together.
const MAX_BLOCK: usize = 4;

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
    /// second field) and nothing else, in that order but within blocks of
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
                // A project a few rounds later may come first: every order
                // of the rounds up to it is followed, and the bounds joined.
                Err(Some(p)) => {
                    let window = &order[i..order.len().min(i + MAX_BLOCK)];
                    let Some(mut last) = window.iter().position(|next| next.0 as usize == p) else {
                        return false;
                    };
                    // A project later in the window that may take a round
                    // inside the block joins it, and the block is followed again.
                    loop {
                        let block: Vec<usize> = window[..=last].iter().map(|r| r.0 as usize).collect();
                        match self.any_order(data, &block) {
                            Ok(()) => break,
                            Err(Some(r)) => match window.iter().position(|next| next.0 as usize == r) {
                                Some(further) if further > last => last = further,
                                _ => return false,
                            },
                            Err(None) => return false,
                        }
                    }
                    i += last + 1;
                }
                Err(None) => return false,
            }
        }
        (0..m).all(|p| self.funded[p] || self.bound[p] == 0 || self.payers(data, p, End::High) == 0)
    }

    /// Checks that `q` takes this round at every budget: its payers `(tl,
    /// th)`, or the first rival that may beat it (`None`: `q` may have none).
    fn wins(&mut self, data: &CostData, q: usize) -> Result<(u64, u64), Option<usize>> {
        let (tl, th) = self.both(data, q);
        if tl == 0 {
            return Err(None);
        }
        self.rivals_lose(data, &[q], &[tl]).map_err(Some)?;
        Ok((tl, th))
    }

    /// Checks that every unfunded project but `contenders` (with at least
    /// `lows` payers) surely loses to one of them, counting a rival again
    /// when its kept bound does not; the first that may not lose otherwise.
    fn rivals_lose(&mut self, data: &CostData, contenders: &[usize], lows: &[u64]) -> Result<(), usize> {
        for p in 0..data.projects.len() {
            let beaten = |bound: u64| contenders.iter().zip(lows).any(|(&x, &l)| loses(bound, p, l, x));
            if self.funded[p] || contenders.contains(&p) || beaten(self.bound[p]) {
                continue;
            }
            self.bound[p] = self.payers(data, p, End::High);
            if !beaten(self.bound[p]) {
                return Err(p);
            }
        }
        Ok(())
    }

    /// Checks that the projects of `block` take the next rounds, in some
    /// order, at every budget, and funds them: each order that may happen
    /// is followed from the bounds of now, and each class's bounds
    /// afterwards cover what it holds in all of them.
    fn any_order(&mut self, data: &CostData, block: &[usize]) -> Result<(), Option<usize>> {
        let classes = self.bounds.len();
        let class = self.class.clone();
        let bound = self.bound.clone();
        let mut left = block.to_vec();
        let mut joined = None;
        let followed = self.orders(data, &mut left, classes, &mut joined);
        self.clear_weights();
        self.bounds.truncate(classes);
        // Bounds counted inside one order may be too low for another.
        self.bound = bound;
        let (class, added) = match followed.and_then(|()| joined.ok_or(None)) {
            Ok(joined) => joined,
            Err(rival) => {
                // Back to the bounds before the block.
                self.class = class;
                self.weight.truncate(classes);
                return Err(rival);
            }
        };
        self.class = class;
        self.bounds.extend_from_slice(&added);
        self.weight.clear();
        self.weight.resize(self.bounds.len(), 0);
        for &x in block {
            self.funded[x] = true;
        }
        Ok(())
    }

    /// Follows every order in which the projects `left` may take the next
    /// rounds from the bounds of now, joining the bounds each order ends
    /// with into `joined` (classes and the bounds of those from `classes`).
    /// On failure, the project outside `left` that may take a round, if
    /// that is why.
    fn orders(
        &mut self,
        data: &CostData,
        left: &mut Vec<usize>,
        classes: usize,
        joined: &mut Option<Joined>,
    ) -> Result<(), Option<usize>> {
        if left.is_empty() {
            self.join(classes, joined);
            return Ok(());
        }
        let (lows, highs): (Vec<u64>, Vec<u64>) = left.iter().map(|&x| self.both(data, x)).unzip();
        if lows.iter().all(|&l| l == 0) {
            return Err(None);
        }
        // This round goes to one of them: every other project loses to one.
        self.rivals_lose(data, left, &lows).map_err(Some)?;
        let class = self.class.clone();
        let bounds = self.bounds.len();
        let bound = self.bound.clone();
        let mut followed = false;
        for j in 0..left.len() {
            let x = left[j];
            // `x` may take the round unless another surely beats it.
            let may = highs[j] > 0
                && left
                    .iter()
                    .zip(&lows)
                    .all(|(&y, &l)| y == x || !loses(highs[j], x, l, y));
            if !may {
                continue;
            }
            if followed {
                // Back to the bounds of now for the next order.
                self.clear_weights();
                self.class.copy_from_slice(&class);
                self.bounds.truncate(bounds);
                self.weight.truncate(bounds);
                self.bound.copy_from_slice(&bound);
            }
            followed = true;
            // If `x` takes the round it has at least one payer.
            self.pay(data, x, lows[j].max(1), highs[j]);
            self.funded[x] = true;
            left.remove(j);
            let held = self.orders(data, left, classes, joined);
            left.insert(j, x);
            self.funded[x] = false;
            held?;
        }
        if followed { Ok(()) } else { Err(None) }
    }

    /// Joins the bounds this order ended with into `joined`: each group's
    /// pair of classes becomes one class with the lowest and highest bounds
    /// of both (classes before `classes` are shared by every order).
    fn join(&mut self, classes: usize, joined: &mut Option<Joined>) {
        let Some((class, added)) = joined else {
            *joined = Some((self.class.clone(), self.bounds[classes..].to_vec()));
            return;
        };
        let before = &self.bounds[..classes];
        let mine = &self.bounds[classes..];
        let mut pairs: HashMap<(u32, u32), u32> = HashMap::new();
        let mut merged: Vec<Bounds> = Vec::new();
        for (g, k) in class.iter_mut().enumerate() {
            let other = self.class[g];
            if *k == other && (*k as usize) < classes {
                continue;
            }
            let x = class_bounds(before, added, *k);
            let y = class_bounds(before, mine, other);
            *k = *pairs.entry((*k, other)).or_insert_with(|| {
                merged.push((x.0.min(y.0), x.1.max(y.1)));
                (classes + merged.len() - 1) as u32
            });
        }
        *added = merged;
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
        self.gather(data, p);
        self.count(data, p, end)
    }

    /// [`Certifier::payers`] under the lower and the upper budgets.
    fn both(&mut self, data: &CostData, p: usize) -> (u64, u64) {
        self.gather(data, p);
        (self.count(data, p, End::Low), self.count(data, p, End::High))
    }

    /// Sums the weights of the supporters of `p` by class.
    fn gather(&mut self, data: &CostData, p: usize) {
        self.clear_weights();
        let (class, weight, touched) = (&self.class, &mut self.weight, &mut self.touched);
        for &g in &data.supporters[p] {
            let k = class[g as usize] as usize;
            let sum = &mut weight[k];
            if *sum == 0 {
                touched.push(k as u32);
            }
            *sum += data.groups[g as usize].1;
        }
    }

    /// [`Certifier::payers`] of the project just gathered.
    fn count(&mut self, data: &CostData, p: usize, end: End) -> u64 {
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
            let fewest = ceil((numerator / budget) * widen).max(1.0);
            if fewest < cap as f64 {
                self.pairs.push((fewest as u64, self.weight[k as usize]));
            }
        }
        most_payers(&mut self.pairs)
    }
}
