//! A certificate that every Exact Equal Shares outcome at the per-voter
//! budgets of an interval meets a [`Goal`]: for ADD-OPT, that it fits in the
//! election's budget (and leaves some project unfunded), what lets it jump
//! over the changes before the first outcome that does not fit (most
//! changes only re-split payments or reorder rounds: on Mokotów 2020,
//! 20,214 of its 20,331; and most of the others fund other projects that
//! still fit); for ADD-OPT-SKIP, that it does not fit or spends no more
//! than the best outcome found so far, what lets it stop once that holds up
//! to the budget from which nothing fits (on Budapest 2024, after 83 of its
//! 254 runs).
//!
//! **Why it holds.** Fix per-voter budgets `β ∈ [low, high]`. The runs at
//! all those budgets are followed together, round by round, as a few
//! *states*: the projects funded so far and, for every ballot group, two
//! numbers `lo ≤ budget(β) ≤ hi` valid for every `β` whose run funded those
//! projects in those rounds (at the start, one state with `[low, high]`). A
//! project's number of payers `T` (the largest `t` such that `t` supporters
//! have `cost / t` or more) only grows when budgets grow, so
//! `T(lo) ≤ T(β) ≤ T(hi)`. Let `w` be the project with the best
//! `(T(lo), first in id order)`, as in [`super::ees`]. At every `β` the round
//! goes to a project whose `T(hi)` does not lose to `w`'s `T(lo)`: each of
//! them is followed in a state of its own, with between `max(1, T(lo))` and
//! `T(hi)` payers. A supporter pays exactly when its budget reaches
//! `cost / t`: surely when `lo ≥ cost / tl`, never when `hi < cost / th`.
//! A payer keeps `budget − cost / t`, between `lo − cost / tl` and
//! `hi − cost / th`, and never below 0; a group that may or may not pay
//! keeps `[max(0, lo − cost / tl), hi]`. When `w`'s `T(lo)` is 0, the run
//! may also end there, with the projects of the state. States that funded
//! the same projects are joined: each group's bounds become the lowest and
//! highest of both (at each `β` one of them happened). By induction every
//! run in the interval ends with the projects of one of the ends met, and
//! the certificate holds when each of those meets the goal (for ADD-OPT:
//! fits and leaves a project out, since ADD-OPT stops at an outcome that
//! funds everything).
//!
//! A rival's `T(hi)` from an earlier round stays an upper bound later (upper
//! budgets only fall; joined states keep the larger: each bounds the runs
//! of its own state), so rivals are counted again only when the kept bound
//! does not lose to `w`. A project whose bound is 0 is never funded from
//! there on, so a state is not followed further when the projects it
//! funded and all those that may still have a payer cost no more than the
//! budget, one of them left out (for ADD-OPT-SKIP: no more than the best so
//! far); and as soon as a state funded more than the budget the certificate
//! fails (ADD-OPT) or the state is done with (ADD-OPT-SKIP: none of its
//! runs fits). Every bound is rounded outwards, so
//! the certificate may fail where exact arithmetic would succeed, never the
//! other way; the walk then takes that step exactly. It fails too when more
//! than [`MAX_STATES`] states are left after a round (many projects a few
//! payers apart, taken in any order: following them all costs more than
//! exact runs; 12 took the least time over the five slowest shared
//! elections, between 8, 10, 12 and 16, and the least on Mokotów 2020, the
//! slowest).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use num_rational::BigRational;
use num_traits::Zero;
use rustc_hash::FxHashMap;

use super::approx::{Approx, ULP};
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

/// `(lo, hi)`: what a class's voters hold at least and at most.
type Bounds = (f64, f64);

/// The most states followed side by side after a round.
const MAX_STATES: usize = 12;

/// No class yet for this class's payers in this round.
const NONE: u64 = u64::MAX;

/// What the runs that funded the same projects in the rounds so far hold.
#[derive(Clone)]
struct State {
    /// The local projects funded, one bit each.
    funded: Vec<u64>,
    /// Per ballot group: its class. Groups that paid surely or maybe in
    /// the same rounds share a class, and so their bounds.
    class: Vec<u32>,
    /// Per class: the bounds of its voters' budgets.
    bounds: Vec<Bounds>,
    /// Per local project: an upper bound of its payers under `hi`.
    bound: Vec<u64>,
    /// A lower and an upper bound of the cost of the projects funded.
    cost: (f64, f64),
}

impl State {
    fn is_funded(&self, p: usize) -> bool {
        self.funded[p / 64] >> (p % 64) & 1 == 1
    }

    fn fund(&mut self, p: usize) {
        self.funded[p / 64] |= 1 << (p % 64);
    }

    /// Joins a state that funded the same projects: each group's pair of
    /// classes becomes one class with the lowest and highest bounds of both.
    fn join(&mut self, other: &State) {
        // Per class of this state: the first class of the other met with
        // it and their joined class (most have one); the other pairs in a map.
        let mut first: Vec<(u32, u32)> = vec![(u32::MAX, 0); self.bounds.len()];
        let mut pairs: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        let mut bounds: Vec<Bounds> = Vec::new();
        let mut joined = |x: u32, y: u32| {
            let (x, y) = (self.bounds[x as usize], other.bounds[y as usize]);
            bounds.push((x.0.min(y.0), x.1.max(y.1)));
            (bounds.len() - 1) as u32
        };
        for (k, &o) in self.class.iter_mut().zip(&other.class) {
            let seen = &mut first[*k as usize];
            *k = if seen.0 == u32::MAX {
                *seen = (o, joined(*k, o));
                seen.1
            } else if seen.0 == o {
                seen.1
            } else {
                *pairs.entry((*k, o)).or_insert_with(|| joined(*k, o))
            };
        }
        self.bounds = bounds;
        for (b, &o) in self.bound.iter_mut().zip(&other.bound) {
            *b = (*b).max(o);
        }
    }
}

/// Per class: supporting weight of the project being counted, or the
/// class it moves to in the round being made.
#[derive(Default)]
struct Scratch {
    weight: Vec<u64>,
    touched: Vec<u32>,
    /// (fewest payers, weight) of one project's supporting classes.
    pairs: Vec<(u64, u64)>,
}

impl Scratch {
    /// Clears the weights and makes room for `classes` classes.
    fn reset(&mut self, classes: usize) {
        for &k in &self.touched {
            self.weight[k as usize] = 0;
        }
        self.touched.clear();
        if self.weight.len() < classes {
            self.weight.resize(classes, 0);
        }
    }
}

/// Buffers reused from one check to the next.
#[derive(Default)]
pub(super) struct Certifier {
    scratch: Scratch,
    /// Unfunded projects, best kept bound first.
    ranked: Vec<(u64, Reverse<u32>)>,
    /// Who may take the round: (project, `T(lo)`, `T(hi)`).
    contenders: Vec<(usize, u64, u64)>,
    /// The sets of projects runs may end with in this check, and whether
    /// each fits.
    ends: Vec<(Vec<u64>, bool)>,
    /// Number of checks made, and of those that held.
    pub checks: usize,
    pub held: usize,
}

/// Whether `rival` with at most `t_rival` payers surely loses to `winner`
/// with at least `t_winner`.
fn loses(t_rival: u64, rival: usize, t_winner: u64, winner: usize) -> bool {
    t_rival < t_winner || (t_rival == t_winner && rival > winner)
}

/// What every run of an interval must end with for a certificate to hold.
#[derive(Clone, Copy)]
pub(super) enum Goal<'a> {
    /// ADD-OPT: projects that cost this budget or less, leaving one out.
    Fits(&'a BigRational),
    /// ADD-OPT-SKIP: projects that cost more than the budget (first) or no
    /// more than the best outcome so far (`None`: none fits yet), so that
    /// none spends more than it and fits.
    NoBetter(&'a BigRational, Option<&'a BigRational>),
}

impl Goal<'_> {
    /// Whether a run ending with projects that cost `cost`, all of them
    /// or not, meets the goal.
    fn met(self, cost: &BigRational, all: bool) -> bool {
        match self {
            Goal::Fits(budget) => !all && cost <= budget,
            Goal::NoBetter(budget, best) => cost > budget || best.is_some_and(|best| cost <= best),
        }
    }
}

/// A goal's amounts as floats: the budget's bounds, and an amount that
/// every run ending with projects that cost no more meets the goal if one
/// project is left out (`Fits`) or anyway (`NoBetter`).
#[derive(Clone, Copy)]
struct Amounts {
    budget: (f64, f64),
    enough: f64,
}

impl Certifier {
    /// Whether EES at every per-voter budget in `[low, high]` (floats
    /// already rounded outwards) ends with projects that meet the goal.
    pub(super) fn holds(&mut self, data: &CostData, goal: Goal, low: f64, high: f64) -> bool {
        self.checks += 1;
        let held = self.check(data, goal, low, high);
        self.held += usize::from(held);
        held
    }

    fn check(&mut self, data: &CostData, goal: Goal, low: f64, high: f64) -> bool {
        let m = data.projects.len();
        self.ends.clear();
        let mut states = vec![State {
            funded: vec![0; m.div_ceil(64)],
            class: vec![0; data.groups.len()],
            bounds: vec![(low, high)],
            bound: data.weights.clone(),
            cost: (0.0, 0.0),
        }];
        let approx = |x: &BigRational| Approx::from_ratio(x.numer(), x.denom());
        let (Goal::Fits(budget) | Goal::NoBetter(budget, _)) = goal;
        let budget = approx(budget);
        let amounts = Amounts {
            budget: (budget.lower(), budget.upper()),
            enough: match goal {
                Goal::Fits(_) => budget.lower(),
                Goal::NoBetter(_, best) => best.map_or(-1.0, |best| approx(best).lower()),
            },
        };
        while !states.is_empty() {
            let mut next: Vec<State> = Vec::new();
            for state in states {
                if !self.round(data, goal, amounts, state, &mut next) {
                    return false;
                }
            }
            states = joined(next);
            if states.len() > MAX_STATES {
                return false;
            }
        }
        true
    }

    /// Follows one state through a round: the states it may lead to go to
    /// `next`; false when it may end with projects that miss the goal (or
    /// leads to too many states).
    fn round(
        &mut self,
        data: &CostData,
        goal: Goal,
        amounts: Amounts,
        mut state: State,
        next: &mut Vec<State>,
    ) -> bool {
        if surely_met(data, &state, goal, amounts.enough) {
            return true;
        }
        let Certifier {
            scratch,
            ranked,
            contenders,
            ..
        } = self;
        // A heap, not a sorted list: a round usually looks at a few.
        let mut list = std::mem::take(ranked);
        list.clear();
        list.extend(
            (0..data.projects.len() as u32)
                .filter(|&p| !state.is_funded(p as usize) && state.bound[p as usize] > 0)
                .map(|p| (state.bound[p as usize], Reverse(p))),
        );
        let mut heap = BinaryHeap::from(list);
        // The best (T(lo), project) found so far.
        let mut best: Option<(u64, usize)> = None;
        contenders.clear();
        while let Some((kept, Reverse(p))) = heap.pop() {
            let p = p as usize;
            if let Some((t, w)) = best {
                if kept < t {
                    // The others are ranked lower still.
                    break;
                }
                if loses(kept, p, t, w) {
                    continue;
                }
            }
            gather(data, &state, scratch, p);
            let th = count(data, &state, scratch, p, End::High);
            state.bound[p] = th;
            if th == 0 || best.is_some_and(|(t, w)| loses(th, p, t, w)) {
                continue;
            }
            let tl = count(data, &state, scratch, p, End::Low);
            contenders.push((p, tl, th));
            if tl > 0 && best.is_none_or(|(t, w)| loses(t, w, tl, p)) {
                best = Some((tl, p));
            }
        }
        *ranked = heap.into_vec();
        match best {
            Some((t, w)) => contenders.retain(|&(p, _, th)| !loses(th, p, t, w)),
            // No project surely has a payer: the run may end here.
            None => {
                if !self.ends_well(data, goal, &state) {
                    return false;
                }
            }
        }
        let contenders = std::mem::take(&mut self.contenders);
        for (j, &(x, tl, th)) in contenders.iter().enumerate() {
            let mut child = if j + 1 == contenders.len() {
                std::mem::replace(&mut state, empty())
            } else {
                state.clone()
            };
            pay(data, &mut child, &mut self.scratch, x, tl.max(1), th);
            child.fund(x);
            // Rounded outwards, so that they stay bounds.
            let cost = data.cost_approx[x];
            child.cost = (
                (child.cost.0 + cost.lower()).next_down(),
                (child.cost.1 + cost.upper()).next_up(),
            );
            if child.cost.0 > amounts.budget.1 {
                // Every run this state leads to ends with too much.
                if let Goal::Fits(_) = goal {
                    self.contenders = contenders;
                    return false;
                }
                continue;
            }
            next.push(child);
        }
        self.contenders = contenders;
        // Far more states than can be kept, before joining.
        next.len() <= 4 * MAX_STATES
    }

    /// Whether a run ending with the projects `state` funded meets the goal.
    fn ends_well(&mut self, data: &CostData, goal: Goal, state: &State) -> bool {
        if let Some((_, fits)) = self.ends.iter().find(|(set, _)| *set == state.funded) {
            return *fits;
        }
        let mut all = true;
        let mut cost = BigRational::zero();
        for p in 0..data.projects.len() {
            if state.is_funded(p) {
                cost += &data.costs[p];
            } else {
                all = false;
            }
        }
        let fits = goal.met(&cost, all);
        self.ends.push((state.funded.clone(), fits));
        fits
    }
}

/// A placeholder for a state moved out.
fn empty() -> State {
    State {
        funded: Vec::new(),
        class: Vec::new(),
        bounds: Vec::new(),
        bound: Vec::new(),
        cost: (0.0, 0.0),
    }
}

/// Whether every run from `state` on surely meets the goal: the projects
/// funded and all that may still have a payer cost `enough` or less, and
/// (for `Fits`) some project never will have one.
fn surely_met(data: &CostData, state: &State, goal: Goal, enough: f64) -> bool {
    let mut most = state.cost.1;
    let mut never = false;
    for p in 0..data.projects.len() {
        if state.is_funded(p) {
            continue;
        }
        if state.bound[p] == 0 {
            never = true;
        } else {
            most = (most + data.cost_approx[p].upper()).next_up();
        }
    }
    (never || matches!(goal, Goal::NoBetter(..))) && most <= enough
}

/// The states of `next`, those that funded the same projects joined.
fn joined(next: Vec<State>) -> Vec<State> {
    let mut states: Vec<State> = Vec::with_capacity(next.len());
    for state in next {
        match states.iter_mut().find(|s| s.funded == state.funded) {
            Some(same) => same.join(&state),
            None => states.push(state),
        }
    }
    states
}

/// Moves the supporters of `q`, funded by between `tl` and `th` payers,
/// to the classes of what they may have left.
fn pay(data: &CostData, state: &mut State, scratch: &mut Scratch, q: usize, tl: u64, th: u64) {
    let cost = data.cost_approx[q];
    // What a payer pays lies in [cost / th, cost / tl].
    let most = cost.div_int(tl).upper();
    let least = cost.div_int(th).lower();
    scratch.reset(state.bounds.len());
    let weight = &mut scratch.weight;
    for &g in &data.supporters[q] {
        let k = state.class[g as usize] as usize;
        if weight[k] == NONE {
            continue;
        }
        if weight[k] == 0 {
            scratch.touched.push(k as u32);
            let (lo, hi) = state.bounds[k];
            if hi < least {
                // Never pays: stays.
                weight[k] = NONE;
                continue;
            }
            // Surely pays, or maybe.
            let hi = if lo >= most { (hi - least).next_up() } else { hi };
            let lo = (lo - most).next_down().max(0.0);
            weight[k] = state.bounds.len() as u64;
            state.bounds.push((lo, hi));
        }
        state.class[g as usize] = weight[k] as u32;
    }
}

/// Sums the weights of the supporters of `p` by class.
fn gather(data: &CostData, state: &State, scratch: &mut Scratch, p: usize) {
    scratch.reset(state.bounds.len());
    let (weight, touched) = (&mut scratch.weight, &mut scratch.touched);
    for &g in &data.supporters[p] {
        let k = state.class[g as usize] as usize;
        let sum = &mut weight[k];
        if *sum == 0 {
            touched.push(k as u32);
        }
        *sum += data.group_weight[g as usize];
    }
}

/// A bound of the largest number of supporters of `p` (just gathered) who
/// can each pay `cost / t`, under the lower or upper budgets.
fn count(data: &CostData, state: &State, scratch: &mut Scratch, p: usize, end: End) -> u64 {
    let cap = data.weights[p] + 1;
    let cost = data.cost_approx[p];
    let (numerator, widen) = match end {
        End::Low => (cost.upper(), 1.0 + 4.0 * ULP),
        End::High => (cost.lower().max(0.0), 1.0 - 4.0 * ULP),
    };
    scratch.pairs.clear();
    for &k in &scratch.touched {
        let (lo, hi) = state.bounds[k as usize];
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
