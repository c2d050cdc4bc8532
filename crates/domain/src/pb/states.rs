//! A certificate that every run of an Equal Shares rule (EES, or MES with
//! cost utilities) at the per-voter budgets of an interval ends with
//! projects that meet a [`Goal`]: what lets the completions jump over
//! the budgets where the outcome may change but still fits (ADD-OPT, add1)
//! and stop once nothing better can come (ADD-OPT-SKIP).
//!
//! **Why it holds.** Fix per-voter budgets `β ∈ [low, high]`. The runs at
//! all those budgets are followed together, round by round, as a few
//! *states*: the projects funded so far and, for every ballot group, two
//! numbers `lo ≤ budget(β) ≤ hi` valid for every `β` whose run funded those
//! projects in those rounds (at the start, one state with `[low, high]`).
//! A rule ([`Pricing`]) ranks the projects of a round by a key (EES: the
//! number of payers, most first; MES: the price per unit of cost, least
//! first) and bounds it from both budgets: every run's key lies between the
//! key under the lower bounds (`0`: some run may not afford the project)
//! and the key under the upper ones (`0`: no run funds it any more). Let
//! `w` be the project with the best surely reached key, ties to the first
//! in id order, as the rules break them. At every `β` the round goes to a
//! project whose key under the upper bounds does not lose to `w`'s under
//! the lower ones: each of them is followed in a state of its own, and the
//! rule moves its supporters to bounds of what they may keep (knowing that
//! the winner's key is at least `w`'s). When no project is surely
//! affordable, the run may also end there, with the projects of the state.
//! States that funded the same projects are joined: each group's bounds
//! become the lowest and highest of both (at each `β` one of them
//! happened). By induction every run in the interval ends with the
//! projects of one of the ends met, and the certificate holds when each of
//! those meets the goal.
//!
//! A rival's key under the upper bounds from an earlier round stays a bound
//! later (upper budgets only fall; joined states keep the better: each
//! bounds the runs of its own state), so rivals are priced again only when
//! the kept bound does not lose to `w`. A project whose bound is 0 is
//! never funded from there on, so a state is not followed further when the
//! projects it funded and all those that may still be funded surely meet
//! the goal; and as soon as a state funded more than the budget the
//! certificate fails (ADD-OPT, add1) or the state is done with
//! (ADD-OPT-SKIP: none of its runs fits). Every bound is rounded outwards,
//! so the certificate may fail where exact arithmetic would succeed, never
//! the other way; the walk then takes that step exactly. It fails too when
//! more than [`Pricing::MAX_STATES`] states are left after a round (many
//! projects close to each other, taken in any order: following them all
//! costs more than exact runs), unless bounding what those runs may still
//! spend by what their later payers hold at most (they support a project
//! that may still be funded) shows that enough of them meet the goal.
//!
//! Checks of different intervals share nothing, so a walk from one
//! interval to the next checks the next one on the machine's second core
//! while it checks one ([`with_helper`], [`Certifier::holds_then`]), and
//! drops that answer (the helper gives up at its next round) when the
//! first fails. The outcomes do not depend on it, only the time.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use num_rational::BigRational;
use num_traits::Zero;
use rustc_hash::FxHashMap;

use super::approx::Approx;
use super::mes::{CostData, has_bit, set_bit};

/// `(lo, hi)`: what a class's voters hold at least and at most.
pub(super) type Bounds = (f64, f64);

/// No class yet for this class's payers in this round.
const NONE: u64 = u64::MAX;

/// What the runs that funded the same projects in the rounds so far hold.
#[derive(Clone)]
pub(super) struct State {
    /// The local projects funded, one bit each.
    funded: Vec<u64>,
    /// Per ballot group: its class (in [`Scratch::bounds`]). Groups that
    /// paid surely or maybe in the same rounds share a class, and so their
    /// bounds.
    pub(super) class: Vec<u32>,
    /// Per local project: a key no worse than its runs' (0: never funded).
    bound: Vec<u64>,
    /// A lower and an upper bound of the cost of the projects funded.
    cost: (f64, f64),
}

impl State {
    fn is_funded(&self, p: usize) -> bool {
        has_bit(&self.funded, p)
    }

    fn fund(&mut self, p: usize) {
        set_bit(&mut self.funded, p);
    }

    /// Joins a state that funded the same projects: each group in other
    /// classes in both gets the class with the lowest and highest bounds of
    /// both (one per pair of classes); a class both share stays.
    fn join(&mut self, other: &State, scratch: &mut Scratch) {
        let Scratch {
            bounds,
            first,
            firsts,
            pairs_of,
            differ,
            ..
        } = scratch;
        // Per class of this state: the first class of the other met with
        // it and their joined class (most have one); the other pairs in a map.
        if first.len() < bounds.len() {
            first.resize(bounds.len(), (u32::MAX, 0));
        }
        // The groups in different classes first (on Mokotów 2020 one in
        // six, in no pattern): compared 32 at a time into a mask, which
        // vectorises (as branches, mispredicted, they made joins 1.5x as
        // long; listed one by one without branches, ADD-OPT on Mokotów
        // 2020 took 1.03x the time).
        differ.clear();
        let chunks = self.class.chunks(32).zip(other.class.chunks(32));
        for (c, (mine, theirs)) in chunks.enumerate() {
            let mut mask = 0u32;
            for (i, (k, o)) in mine.iter().zip(theirs).enumerate() {
                mask |= u32::from(k != o) << i;
            }
            while mask != 0 {
                differ.push((32 * c) as u32 + mask.trailing_zeros());
                mask &= mask - 1;
            }
        }
        for &g in differ.iter() {
            let (k, o) = (&mut self.class[g as usize], other.class[g as usize]);
            let mut joined = || {
                let (x, y) = (bounds[*k as usize], bounds[o as usize]);
                bounds.push((x.0.min(y.0), x.1.max(y.1)));
                (bounds.len() - 1) as u32
            };
            let seen = &mut first[*k as usize];
            *k = if seen.0 == u32::MAX {
                firsts.push(*k);
                *seen = (o, joined());
                seen.1
            } else if seen.0 == o {
                seen.1
            } else {
                *pairs_of.entry((*k, o)).or_insert_with(joined)
            };
        }
        for &k in firsts.iter() {
            first[k as usize] = (u32::MAX, 0);
        }
        firsts.clear();
        pairs_of.clear();
        for (b, &o) in self.bound.iter_mut().zip(&other.bound) {
            *b = (*b).max(o);
        }
    }
}

/// Per class: supporting weight of the project being counted, or the
/// class it moves to in the round being made.
#[derive(Default)]
pub(super) struct Scratch {
    /// Per class of the check: the bounds of its voters' budgets. Classes
    /// are never changed once made, so states share those they both hold
    /// (a state is copied without them, and joined where they differ).
    pub(super) bounds: Vec<Bounds>,
    /// For joins: per class, the first class met with it and their
    /// joined class; the classes with one; the other pairs.
    first: Vec<(u32, u32)>,
    firsts: Vec<u32>,
    pairs_of: FxHashMap<(u32, u32), u32>,
    /// For joins: the groups in different classes in both states.
    differ: Vec<u32>,
    pub(super) weight: Vec<u64>,
    pub(super) touched: Vec<u32>,
    /// Bounds of each supporting group of one project (EES).
    pub(super) supporters: Supporters,
    /// (budget, weight) of one project's supporting groups (EES) or
    /// classes (MES).
    pub(super) budgets: Vec<(f64, u64)>,
}

/// The bounds of each supporting group of one project (in the order of
/// [`CostData::supporters`]), one array each, so that passes over one
/// bound vectorise.
#[derive(Default)]
pub(super) struct Supporters {
    pub(super) lo: Vec<f64>,
    pub(super) hi: Vec<f64>,
}

impl Scratch {
    /// Clears the weights and makes room for `classes` classes.
    pub(super) fn reset(&mut self, classes: usize) {
        for &k in &self.touched {
            self.weight[k as usize] = 0;
        }
        self.touched.clear();
        if self.weight.len() < classes {
            self.weight.resize(classes, 0);
        }
    }
}

/// How a rule ranks the projects of a round, and what their payers keep,
/// under a state's bounds. Keys: larger is better, ties to the first
/// project in id order.
pub(super) trait Pricing {
    /// The most states followed side by side after a round.
    const MAX_STATES: usize;
    /// Gathers what [`Self::high`] and [`Self::low`] need of the
    /// supporters of `p` into `scratch`: by default, their weights by class
    /// ([`gather`]).
    fn gather(data: &CostData, state: &State, scratch: &mut Scratch, p: usize) {
        gather(data, state, scratch, p);
    }
    /// After [`Self::gather`]: a key no worse than that of `p` in every run
    /// of the state (0: no run funds `p` from here on), given one
    /// (`kept`, e.g. from an earlier round).
    fn high(data: &CostData, scratch: &mut Scratch, p: usize, kept: u64) -> u64;
    /// After [`Self::gather`]: a key no better than that of `p` in every
    /// run of the state (0: some run may not afford `p`), given the
    /// [`Self::high`] one.
    fn low(data: &CostData, scratch: &mut Scratch, p: usize, high: u64) -> u64;
    /// Moves the supporters of `x`, funded in the runs where its key lies
    /// between `low` (0: unknown) and `high`, to bounds of what they keep.
    fn pay(data: &CostData, state: &mut State, scratch: &mut Scratch, x: usize, low: u64, high: u64);
    /// A key no worse than that of a project of this supporting weight in
    /// any run (0 for none: never funded).
    fn first(weight: u64) -> u64;
}

/// Buffers reused from one check to the next.
pub(super) struct Certifier<P> {
    scratch: Scratch,
    /// Unfunded projects, best kept bound first.
    ranked: Vec<(u64, Reverse<u32>)>,
    /// Who may take the round: (project, key under `lo`, under `hi`).
    contenders: Vec<(usize, u64, u64)>,
    /// The sets of projects runs may end with in this check, and whether
    /// each fits.
    ends: Vec<(Vec<u64>, bool)>,
    /// Number of checks made, and of those that held.
    pub checks: usize,
    pub held: usize,
    rule: std::marker::PhantomData<P>,
}

impl<P> Default for Certifier<P> {
    fn default() -> Self {
        Certifier {
            scratch: Scratch::default(),
            ranked: Vec::new(),
            contenders: Vec::new(),
            ends: Vec::new(),
            checks: 0,
            held: 0,
            rule: std::marker::PhantomData,
        }
    }
}

/// Whether this machine runs two threads at once (asked once).
pub(super) fn parallel() -> bool {
    static PARALLEL: std::sync::LazyLock<bool> =
        std::sync::LazyLock::new(|| std::thread::available_parallelism().is_ok_and(|n| n.get() > 1));
    *PARALLEL
}

/// A second thread that checks intervals for a walk's goal, asked one at
/// a time (see [`Certifier::holds_then`]).
pub(super) struct Helper<'s> {
    ask: mpsc::Sender<Bounds>,
    answer: mpsc::Receiver<bool>,
    /// Set while the answer being made is no longer needed.
    dropped: &'s AtomicBool,
}

/// Runs `walk` with a [`Helper`] for its `goal` on a thread of its own
/// if `apart` (see [`parallel`]), else with none. The thread lives as long
/// as the walk, with its own buffers (a thread per check cost more in
/// stacks and page faults than it saved).
pub(super) fn with_helper<P: Pricing + Send, R>(
    data: &CostData,
    goal: Goal,
    apart: bool,
    walk: impl FnOnce(Option<&Helper>) -> R,
) -> R {
    if !apart {
        return walk(None);
    }
    let dropped = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let (ask, asked) = mpsc::channel::<Bounds>();
        let (tell, answer) = mpsc::channel::<bool>();
        let dropped = &dropped;
        scope.spawn(move || {
            let mut certifier = Certifier::<P>::default();
            for (low, high) in asked {
                if tell
                    .send(certifier.holds_unless(data, goal, low, high, dropped))
                    .is_err()
                {
                    break;
                }
            }
        });
        let helper = Helper { ask, answer, dropped };
        let result = walk(Some(&helper));
        // Ends the helper's loop, so that the scope can join it.
        drop(helper);
        result
    })
}

/// Whether `rival` with a key at best `t_rival` surely loses to `winner`
/// with a key at worst `t_winner`.
fn loses(t_rival: u64, rival: usize, t_winner: u64, winner: usize) -> bool {
    t_rival < t_winner || (t_rival == t_winner && rival > winner)
}

/// What every run of an interval must end with for a certificate to hold.
#[derive(Clone, Copy)]
pub(super) enum Goal<'a> {
    /// ADD-OPT, MES add1 to the first outcome that funds every project:
    /// projects that cost this budget or less, leaving one out.
    Fits(&'a BigRational),
    /// MES add1 to the first exhaustive outcome: projects that cost this
    /// budget or less, leaving out one that would fit too.
    Open(&'a BigRational),
    /// ADD-OPT-SKIP: projects that cost more than the budget (first) or no
    /// more than the best outcome so far (`None`: none fits yet), so that
    /// none spends more than it and fits.
    NoBetter(&'a BigRational, Option<&'a BigRational>),
}

impl Goal<'_> {
    /// Whether a run ending with projects that cost `cost`, leaving out
    /// projects of which the cheapest costs `left` (`None`: none left),
    /// meets the goal.
    fn met(self, cost: &BigRational, left: Option<&BigRational>) -> bool {
        match self {
            Goal::Fits(budget) => left.is_some() && cost <= budget,
            Goal::Open(budget) => left.is_some_and(|left| &(cost + left) <= budget),
            Goal::NoBetter(budget, best) => cost > budget || best.is_some_and(|best| cost <= best),
        }
    }
}

/// A goal's amounts as floats: the budget's bounds, and an amount that
/// every run ending with projects that cost no more meets the goal if one
/// project is left out (`Fits`), one that costs no more than the budget
/// minus that amount (`Open`) or anyway (`NoBetter`).
#[derive(Clone, Copy)]
struct Amounts {
    budget: (f64, f64),
    enough: f64,
}

impl<P: Pricing> Certifier<P> {
    /// Whether the rule at every per-voter budget in `[low, high]` (floats
    /// already rounded outwards) ends with projects that meet the goal.
    pub(super) fn holds(&mut self, data: &CostData, goal: Goal, low: f64, high: f64) -> bool {
        self.holds_unless(data, goal, low, high, &AtomicBool::new(false))
    }

    /// [`Self::holds`], given up (as failed) once `dropped` is set.
    pub(super) fn holds_unless(
        &mut self,
        data: &CostData,
        goal: Goal,
        low: f64,
        high: f64,
        dropped: &AtomicBool,
    ) -> bool {
        self.checks += 1;
        let held = self.check(data, goal, low, high, dropped);
        self.held += usize::from(held);
        held
    }

    /// Whether the goal holds over `first` and, where a [`Helper`] (made
    /// for the same goal) checks `then` at the same time on the machine's
    /// second core, whether it holds over `then` too (`None`: not
    /// checked). A walk that jumps from one certified interval to the next
    /// checks the next one while the first is checked, and drops it when
    /// the first fails.
    pub(super) fn holds_then(
        &mut self,
        helper: Option<&Helper>,
        data: &CostData,
        goal: Goal,
        first: Bounds,
        then: Option<Bounds>,
    ) -> (bool, Option<bool>) {
        let asked = match (helper, then) {
            (Some(helper), Some(then)) => helper.ask.send(then).is_ok().then_some(helper),
            _ => None,
        };
        let held = self.holds(data, goal, first.0, first.1);
        let next = asked.and_then(|helper| {
            if !held {
                // Not needed any more: the helper gives up at its next round.
                helper.dropped.store(true, Ordering::Relaxed);
            }
            // No answer: the helper is gone (it panicked), as if not asked.
            let next = helper.answer.recv().ok();
            helper.dropped.store(false, Ordering::Relaxed);
            next
        });
        (held, next.map(|next| held && next))
    }

    fn check(&mut self, data: &CostData, goal: Goal, low: f64, high: f64, dropped: &AtomicBool) -> bool {
        let m = data.projects.len();
        self.ends.clear();
        // One class at first: every group holds the interval.
        self.scratch.bounds.clear();
        self.scratch.bounds.push((low, high));
        let mut states = vec![State {
            funded: vec![0; m.div_ceil(64)],
            class: vec![0; data.groups.len()],
            bound: data.weights.iter().map(|&w| P::first(w)).collect(),
            cost: (0.0, 0.0),
        }];
        let approx = |x: &BigRational| Approx::from_ratio(x.numer(), x.denom());
        let (Goal::Fits(budget) | Goal::Open(budget) | Goal::NoBetter(budget, _)) = goal;
        let budget = approx(budget);
        let amounts = Amounts {
            budget: (budget.lower(), budget.upper()),
            enough: match goal {
                Goal::Fits(_) | Goal::Open(_) => budget.lower(),
                Goal::NoBetter(_, best) => best.map_or(-1.0, |best| approx(best).lower()),
            },
        };
        while !states.is_empty() {
            if dropped.load(Ordering::Relaxed) {
                return false;
            }
            let mut next: Vec<State> = Vec::new();
            for state in states {
                if !self.round(data, goal, amounts, state, &mut next) {
                    return false;
                }
            }
            states = joined(next, &mut self.scratch);
            if states.len() > P::MAX_STATES {
                // Before giving up: on Mokotów 2020 this leaves 12 or fewer
                // one time in ten, and ADD-OPT makes 0.85x the checks.
                let bounds = &self.scratch.bounds;
                states.retain(|state| !surely_met_within_means(data, state, bounds, goal, amounts.enough));
            }
            if states.len() > P::MAX_STATES {
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
        // The best (key under `lo`, project) found so far.
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
            P::gather(data, &state, scratch, p);
            let th = P::high(data, scratch, p, kept);
            state.bound[p] = th;
            if th == 0 || best.is_some_and(|(t, w)| loses(th, p, t, w)) {
                continue;
            }
            let tl = P::low(data, scratch, p, th);
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
            // Where `x` takes the round, its key is at least `w`'s.
            let least = best.map_or(tl, |(t, _)| tl.max(t));
            P::pay(data, &mut child, &mut self.scratch, x, least, th);
            child.fund(x);
            // Rounded outwards, so that they stay bounds.
            let cost = data.cost_approx[x];
            child.cost = (
                (child.cost.0 + cost.lower()).next_down(),
                (child.cost.1 + cost.upper()).next_up(),
            );
            if child.cost.0 > amounts.budget.1 {
                // Every run this state leads to ends with too much.
                if let Goal::Fits(_) | Goal::Open(_) = goal {
                    self.contenders = contenders;
                    return false;
                }
                continue;
            }
            // Done with at once: it neither counts towards the states kept
            // nor is joined.
            if surely_met(data, &child, goal, amounts.enough) {
                continue;
            }
            next.push(child);
        }
        self.contenders = contenders;
        // Far more states than can be kept, before joining.
        next.len() <= 4 * P::MAX_STATES
    }

    /// Whether a run ending with the projects `state` funded meets the goal.
    fn ends_well(&mut self, data: &CostData, goal: Goal, state: &State) -> bool {
        if let Some((_, fits)) = self.ends.iter().find(|(set, _)| *set == state.funded) {
            return *fits;
        }
        let mut left: Option<&BigRational> = None;
        let mut cost = BigRational::zero();
        for p in 0..data.projects.len() {
            if state.is_funded(p) {
                cost += &data.costs[p];
            } else if left.is_none_or(|left| &data.costs[p] < left) {
                left = Some(&data.costs[p]);
            }
        }
        let fits = goal.met(&cost, left);
        self.ends.push((state.funded.clone(), fits));
        fits
    }
}

/// A placeholder for a state moved out.
fn empty() -> State {
    State {
        funded: Vec::new(),
        class: Vec::new(),
        bound: Vec::new(),
        cost: (0.0, 0.0),
    }
}

/// Whether every run from `state` on surely meets the goal: the projects
/// funded and all that may still be funded cost `enough` or less, and
/// some project never will be (`Fits`), one that fits beside them (`Open`).
fn surely_met(data: &CostData, state: &State, goal: Goal, enough: f64) -> bool {
    let (costs, never) = left(data, state, |_| ());
    met_within(goal, (state.cost.1 + costs).next_up(), never, enough)
}

/// [`surely_met`], with what runs from `state` on may still spend bounded
/// also by what can pay for it: every later payer supports a project that
/// may still be funded, and pays out of what it holds, at most its upper
/// bound. A pass over the groups (their projects as bits, stopped once
/// what they hold is past what fits): tried only on states that would
/// otherwise be too many.
fn surely_met_within_means(data: &CostData, state: &State, bounds: &[Bounds], goal: Goal, enough: f64) -> bool {
    let words = data.words();
    let mut open = vec![0u64; words];
    let (costs, never) = left(data, state, |p| set_bit(&mut open, p));
    let mut means = 0.0f64;
    // Past this, what may be spent is too much whatever the rest hold.
    let slack = enough - state.cost.1;
    for (g, projects) in data.group_bits().chunks_exact(words.max(1)).enumerate() {
        if projects.iter().zip(&open).any(|(a, b)| a & b != 0) {
            let hi = bounds[state.class[g] as usize].1;
            means = (means + (hi * data.group_weight[g] as f64).next_up()).next_up();
            if means > slack {
                break;
            }
        }
    }
    met_within(goal, (state.cost.1 + costs.min(means)).next_up(), never, enough)
}

/// What the projects `state` did not fund may add: the sum of the costs
/// of those that may still be funded (each passed to `open`), rounded up,
/// and the least cost of one never funded (infinite: none is).
fn left(data: &CostData, state: &State, mut open: impl FnMut(usize)) -> (f64, f64) {
    let mut costs = 0.0f64;
    let mut never = f64::INFINITY;
    for p in 0..data.projects.len() {
        if state.is_funded(p) {
            continue;
        }
        if state.bound[p] == 0 {
            never = never.min(data.cost_approx[p].upper());
        } else {
            costs = (costs + data.cost_approx[p].upper()).next_up();
            open(p);
        }
    }
    (costs, never)
}

/// Whether runs that end having spent at most `most`, leaving out a
/// project of cost `never` at least (infinite: maybe none), meet the goal.
fn met_within(goal: Goal, most: f64, never: f64, enough: f64) -> bool {
    match goal {
        Goal::Fits(_) => never < f64::INFINITY && most <= enough,
        Goal::Open(_) => (most + never).next_up() <= enough,
        Goal::NoBetter(..) => most <= enough,
    }
}

/// The states of `next`, those that funded the same projects joined.
fn joined(next: Vec<State>, scratch: &mut Scratch) -> Vec<State> {
    let mut states: Vec<State> = Vec::with_capacity(next.len());
    for state in next {
        match states.iter_mut().find(|s| s.funded == state.funded) {
            Some(same) => same.join(&state, scratch),
            None => states.push(state),
        }
    }
    states
}

/// Moves the supporters of `x` to new classes, one per class they were
/// in, with the bounds `after` gives from the old ones (`None`: they stay).
pub(super) fn move_payers(
    data: &CostData,
    state: &mut State,
    scratch: &mut Scratch,
    x: usize,
    after: impl Fn(Bounds) -> Option<Bounds>,
) {
    scratch.reset(scratch.bounds.len());
    let Scratch {
        weight,
        touched,
        bounds,
        ..
    } = scratch;
    for &g in &data.supporters[x] {
        let k = state.class[g as usize] as usize;
        if weight[k] == NONE {
            continue;
        }
        if weight[k] == 0 {
            touched.push(k as u32);
            let Some(kept) = after(bounds[k]) else {
                weight[k] = NONE;
                continue;
            };
            weight[k] = bounds.len() as u64;
            bounds.push(kept);
        }
        state.class[g as usize] = weight[k] as u32;
    }
}

/// Sums the weights of the supporters of `p` by class.
pub(super) fn gather(data: &CostData, state: &State, scratch: &mut Scratch, p: usize) {
    scratch.reset(scratch.bounds.len());
    let (weight, touched) = (&mut scratch.weight, &mut scratch.touched);
    if scratch.bounds.len() == 1 {
        // One class, as in every check's first round: all of them.
        if data.weights[p] > 0 {
            touched.push(0);
            weight[0] = data.weights[p];
        }
        return;
    }
    for &g in &data.supporters[p] {
        let k = state.class[g as usize] as usize;
        let sum = &mut weight[k];
        if *sum == 0 {
            touched.push(k as u32);
        }
        *sum += data.group_weight[g as usize];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pb::BigRational;
    use crate::pb::tests::election_of;

    /// A state that funded `a` (cost 10) is done with when what the
    /// supporters of the projects it may still fund (`b` and `c`, 100 each)
    /// hold at most cannot take it past the budget (50), whatever the rich
    /// voters who only back `a` or `d` (never funded) hold; and not when
    /// one of those supporters holds more.
    #[test]
    fn a_state_is_done_with_when_later_payers_cannot_pay_for_more_than_fits() {
        let int = |n: i64| BigRational::from_integer(n.into());
        let projects: Vec<(String, BigRational)> = [("a", 10), ("b", 100), ("c", 100), ("d", 1000)]
            .iter()
            .map(|&(id, c)| (id.to_string(), int(c)))
            .collect();
        let ballots: Vec<Vec<String>> = [vec!["a"], vec!["a", "b"], vec!["c"], vec!["d"]]
            .iter()
            .map(|b| b.iter().map(|s| s.to_string()).collect())
            .collect();
        let e = election_of(int(50), &projects, &ballots);
        let data = CostData::new(&e);
        assert_eq!(data.projects.len(), 4);
        let budget = int(50);
        let means = |holds: &dyn Fn(&[u32]) -> f64| {
            // One class per group, holding what `holds` says.
            let bounds: Vec<Bounds> = data.groups.iter().map(|(b, _)| (0.0, holds(b))).collect();
            let state = State {
                funded: vec![0b1],
                class: (0..data.groups.len() as u32).collect(),
                bound: vec![0, 1, 1, 0],
                cost: (10.0, 10.0),
            };
            assert!(!surely_met(&data, &state, Goal::Fits(&budget), 50.0));
            surely_met_within_means(&data, &state, &bounds, Goal::Fits(&budget), 50.0)
        };
        // Supporters of b and c hold 5 each: at most 10 + 10 spent.
        let backs = |b: &[u32], p: u32| b.contains(&p);
        assert!(means(&|b| if backs(b, 1) || backs(b, 2) { 5.0 } else { 1000.0 }));
        // The supporter of c holds 100: up to 10 + 105.
        assert!(!means(&|b| if backs(b, 2) {
            100.0
        } else if backs(b, 1) {
            5.0
        } else {
            1000.0
        }));
    }

    fn state(class: Vec<u32>, bound: Vec<u64>) -> State {
        State {
            funded: vec![0b11],
            class,
            bound,
            cost: (1.0, 2.0),
        }
    }

    /// Two states that funded the same projects: a group in the same class
    /// in both stays there (the class is shared, never changed); groups in
    /// different classes get one class per pair, with the lowest and the
    /// highest bounds of both; the keys kept are the larger of both.
    #[test]
    fn a_join_keeps_shared_classes_and_widens_the_others() {
        let mut scratch = Scratch {
            bounds: vec![(10.0, 20.0), (5.0, 8.0), (6.0, 9.0), (1.0, 2.0)],
            ..Scratch::default()
        };
        let mut a = state(vec![0, 1, 1, 3, 2, 2], vec![4, 0, 7]);
        let b = state(vec![0, 2, 2, 1, 2, 3], vec![5, 3, 1]);
        a.join(&b, &mut scratch);
        assert_eq!(a.class[0], 0, "shared class kept");
        assert_eq!(a.class[4], 2, "shared class kept");
        assert_eq!(a.class[1], a.class[2], "one class per pair of classes");
        assert_eq!(scratch.bounds[a.class[1] as usize], (5.0, 9.0));
        assert_eq!(scratch.bounds[a.class[3] as usize], (1.0, 8.0));
        assert_eq!(scratch.bounds[a.class[5] as usize], (1.0, 9.0));
        assert_eq!(scratch.bounds.len(), 7, "only the pairs that differ make classes");
        assert_eq!(
            &scratch.bounds[..4],
            &[(10.0, 20.0), (5.0, 8.0), (6.0, 9.0), (1.0, 2.0)]
        );
        assert_eq!(a.bound, vec![5, 3, 7]);
        // The join's buffers are left clean for the next one.
        assert!(scratch.firsts.is_empty() && scratch.pairs_of.is_empty());
        assert!(scratch.first.iter().all(|&(k, _)| k == u32::MAX));
    }

    /// Groups are compared 32 at a time: those that differ at either end
    /// of a block of 32, in a block of their own or in the last, shorter
    /// block are all joined, and no other.
    #[test]
    fn a_join_finds_the_groups_that_differ_in_every_block_of_32() {
        let mut scratch = Scratch {
            bounds: vec![(10.0, 20.0), (5.0, 8.0)],
            ..Scratch::default()
        };
        let differ = [0, 31, 32, 63, 64, 70, 99];
        let mut a = state(vec![0; 100], vec![1]);
        let b = state((0..100).map(|g| u32::from(differ.contains(&g))).collect(), vec![1]);
        a.join(&b, &mut scratch);
        for g in 0..100u32 {
            if differ.contains(&g) {
                assert_eq!(a.class[g as usize], 2, "group {g} joined");
            } else {
                assert_eq!(a.class[g as usize], 0, "group {g} kept");
            }
        }
        assert_eq!(scratch.bounds, vec![(10.0, 20.0), (5.0, 8.0), (5.0, 20.0)]);
    }
}
