//! Exact Equal Shares (EES) with cost utilities, and its completions ADD-OPT
//! and ADD-OPT-SKIP (Kraiczy, Robinson and Elkind, "Streamlining Equal
//! Shares", arXiv:2502.11797, 2025).
//!
//! **EES.** Every voter starts with the same budget. A project not funded
//! yet can be paid by `t` of its supporters when at least `t` of them still
//! have `cost / t`: those pay exactly `cost / t` each, the others nothing.
//! With cost utilities the project is worth `t` to its payers (the paper's
//! bang per buck `u(p)·t / cost(p)` with `u(p) = cost(p)`), so each round
//! funds the project with the largest possible `t`, ties going to the first
//! in id order as everywhere in this module. At that largest `t` exactly `t`
//! supporters have `cost / t` or more (were there more, a larger `t` would
//! do), so the payers are well defined. Rounds go on until no project has a
//! payer; EES never spends more than the voters hold.
//!
//! A supporter with `b` left can pay for `t` payers when `t ≥ cost / b`, so
//! each one is summed up by the integer `⌈cost / b⌉`, and the largest `t`
//! follows from those integers alone: the only comparisons of rationals are
//! the ceilings, decided by proven float bounds or, when those do not
//! decide, exactly.
//!
//! **The next budget where the outcome changes (ADD-OPT).** Raise every
//! voter's initial budget by `d`. While no comparison flips, the run makes
//! the same choices; a voter's budget at the start of round `i` is then
//! `L_i + d`, with `L_i` what it had in the run at `d = 0`. The outcome first
//! changes when some project `p` could gather `t` payers at some round `i`
//! and beat that round's winner: its current payers plus the `ℓ = t − t_p`
//! richest of its other supporters, which needs
//! `d ≥ cost / t − (ℓ-th largest L_i among them)`. For each `t` the earliest
//! round `p` beats is the best (budgets only fall during a run). The
//! smallest such `d` over every project and `t` is the next change
//! ([`next_change`]); ADD-OPT-SKIP takes it over the unfunded projects only,
//! jumping past changes that only re-split the payments.
//!
//! The completions start at `B / n`: ADD-OPT returns the last outcome that
//! fits in `B` before the first that does not (or the one that funds every
//! project); ADD-OPT-SKIP goes on until every project is funded or none can
//! be, or up to a budget from which no outcome fits any more
//! ([`super::ees_stop`]), and returns the outcome that fits and spends most
//! (the first such). It stops earlier when certificates show that no
//! outcome from the budget reached up to that one fits and spends more than
//! the best so far ([`add_opt_skip`]): every budget it would visit lies
//! there; or once it reaches a lower budget from which certificates and
//! exact runs show that no outcome fits up to there ([`super::ees_clear`],
//! looked for on a second core).
//!
//! Most changes only re-split payments or reorder a few rounds (2,850 of the
//! 2,875 on Amsterdam 332 leave the funded projects alone), and ADD-OPT only
//! looks for the first outcome that does not fit, so it ([`add_opt`]) jumps
//! over intervals of budgets where a certificate ([`super::ees_interval`])
//! shows that every run funds projects that fit, and runs EES exactly only
//! near the changes where none holds (and before returning, for the order);
//! [`every_change`] visits them all and is its oracle in the tests.

use std::cell::RefCell;
use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering as Atomic};
use std::sync::{Arc, Mutex};

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive};

use super::approx::Approx;
use super::ees_interval::{Certifier, Ees};
use super::ees_lookout::{Lookout, Watch};
use super::mes::CostData;
use super::states::{self, Goal, Helper};
use super::{Election, numbers, total_cost};
use super::{ees_clear, ees_stop};

/// Voters who paid in the same rounds, hence have the same budget: the
/// parent class's, less what was paid in `round` (the root: the initial
/// budget).
struct Class {
    parent: u32,
    round: u32,
    budget: Approx,
}

const ROOT: u32 = 0;

/// One EES run, with what [`next_change`] needs.
pub(super) struct EesRun {
    per_voter: BigRational,
    beta: Approx,
    /// (local project, number of payers) in the order funded.
    pub rounds: Vec<(u32, u64)>,
    /// Per round: what each payer paid, exactly.
    pay: Vec<BigRational>,
    /// Per round: the ballot groups that paid (ascending) and their new classes.
    moves: Vec<Vec<(u32, u32)>>,
    /// Per ballot group: its class at the end.
    class: Vec<u32>,
    classes: Vec<Class>,
    /// Per local project: the round that funded it.
    round_of: Vec<Option<u32>>,
    /// Exact budgets of the classes, computed when floats do not decide
    /// (few are: a map, not a slot per class to allocate at every run).
    exact: RefCell<HashMap<u32, BigRational>>,
}

impl EesRun {
    /// Election project indices in the order funded.
    pub(super) fn order(&self, data: &CostData) -> Vec<usize> {
        self.rounds.iter().map(|&(p, _)| data.projects[p as usize]).collect()
    }

    /// A class's budget, exactly (computed once).
    fn budget_exact(&self, class: u32) -> BigRational {
        let mut known = self.exact.borrow_mut();
        let mut chain = Vec::new();
        let mut k = class;
        let mut budget = loop {
            if let Some(budget) = known.get(&k) {
                break budget.clone();
            }
            if k == ROOT {
                break self.per_voter.clone();
            }
            chain.push(k);
            k = self.classes[k as usize].parent;
        };
        for &k in chain.iter().rev() {
            budget -= &self.pay[self.classes[k as usize].round as usize];
            known.insert(k, budget.clone());
        }
        budget
    }

    /// Sorts classes by budget, richest first: by floats, then exactly
    /// where neighbours' bounds overlap and the floats' order is wrong.
    fn sort_richest_first(&self, classes: &mut [u32]) {
        let budget = |k: u32| self.classes[k as usize].budget;
        classes.sort_unstable_by(|&a, &b| budget(b).v.total_cmp(&budget(a).v));
        let wrong = classes
            .windows(2)
            .any(|w| budget(w[0]).cmp(budget(w[1])).is_none() && self.cmp_budgets(w[0], w[1]) == Ordering::Less);
        if wrong {
            classes.sort_by(|&a, &b| self.cmp_budgets(b, a));
        }
    }

    /// The exact order of two classes' budgets.
    fn cmp_budgets(&self, a: u32, b: u32) -> Ordering {
        if a == b {
            return Ordering::Equal;
        }
        let (x, y) = (&self.classes[a as usize], &self.classes[b as usize]);
        x.budget
            .cmp(y.budget)
            .unwrap_or_else(|| self.budget_exact(a).cmp(&self.budget_exact(b)))
    }
}

/// Reused buffers: supporter weight by class, and each class's fewest payers.
#[derive(Default)]
struct Scratch {
    weight: Vec<u64>,
    ceil: Vec<u64>,
    touched: Vec<u32>,
    pairs: Vec<(u64, u64)>,
}

impl Scratch {
    /// Sums the weights of these groups by class into `touched` / `weight`.
    fn gather(&mut self, classes: usize, groups: impl Iterator<Item = (u32, u64)>) {
        if self.weight.len() < classes {
            self.weight.resize(classes, 0);
            self.ceil.resize(classes, 0);
        }
        for &k in &self.touched {
            self.weight[k as usize] = 0;
        }
        self.touched.clear();
        for (k, w) in groups {
            if self.weight[k as usize] == 0 {
                self.touched.push(k);
            }
            self.weight[k as usize] += w;
        }
    }
}

/// One EES run at this per-voter budget.
pub(super) fn run(data: &CostData, per_voter: &BigRational) -> EesRun {
    let m = data.projects.len();
    let beta = Approx::from_ratio(per_voter.numer(), per_voter.denom());
    let mut run = EesRun {
        per_voter: per_voter.clone(),
        beta,
        rounds: Vec::new(),
        pay: Vec::new(),
        moves: Vec::new(),
        class: vec![ROOT; data.groups.len()],
        classes: vec![Class {
            parent: ROOT,
            round: 0,
            budget: beta,
        }],
        round_of: vec![None; m],
        exact: RefCell::default(),
    };
    // Lazy greedy: a project's number of payers only falls during a run, so
    // a count computed earlier is an upper bound; the top of the heap wins
    // once its count is current.
    let mut count: Vec<u64> = data.weights.clone();
    let mut stale = vec![true; m];
    let mut heap: BinaryHeap<(u64, Reverse<u32>)> = (0..m)
        .filter(|&p| count[p] > 0)
        .map(|p| (count[p], Reverse(p as u32)))
        .collect();
    let mut scratch = Scratch::default();
    // The project whose supporters `scratch` holds, if still current.
    let mut counted: Option<usize> = None;
    let mut child: Vec<u32> = Vec::new();
    while let Some((t, Reverse(p))) = heap.pop() {
        let pu = p as usize;
        if run.round_of[pu].is_some() || t != count[pu] {
            continue;
        }
        if stale[pu] {
            stale[pu] = false;
            count[pu] = largest_payers(data, &run, pu, &mut scratch);
            counted = Some(pu);
            if count[pu] > 0 {
                heap.push((count[pu], Reverse(p)));
            }
            continue;
        }
        let round = run.rounds.len() as u32;
        // The payers' classes: still in `scratch` when `p` was the last
        // project counted (nobody paid since), else counted again.
        if counted != Some(pu) {
            largest_payers(data, &run, pu, &mut scratch);
        }
        counted = None;
        let pay = &data.costs[pu] / BigRational::from_integer(BigInt::from(t));
        let pay_approx = data.cost_approx[pu].div_int(t);
        child.clear();
        child.resize(run.classes.len(), u32::MAX);
        let mut moves = Vec::new();
        for &g in &data.supporters[pu] {
            let k = run.class[g as usize];
            if scratch.ceil[k as usize] > t {
                continue;
            }
            if child[k as usize] == u32::MAX {
                child[k as usize] = run.classes.len() as u32;
                let budget = run.classes[k as usize].budget.sub(pay_approx);
                run.classes.push(Class {
                    parent: k,
                    round,
                    budget,
                });
            }
            run.class[g as usize] = child[k as usize];
            moves.push((g, child[k as usize]));
        }
        run.moves.push(moves);
        run.pay.push(pay);
        run.rounds.push((p, t));
        run.round_of[pu] = Some(round);
        for &q in &data.neighbours[pu] {
            stale[q as usize] = true;
        }
    }
    run
}

/// The largest number of supporters of `p` who can each pay `cost / t`
/// (0 if none); leaves in `scratch.ceil` each supporting class's fewest
/// payers (see [`min_payers`]).
fn largest_payers(data: &CostData, run: &EesRun, p: usize, scratch: &mut Scratch) -> u64 {
    let groups = data.supporters[p]
        .iter()
        .map(|&g| (run.class[g as usize], data.group_weight[g as usize]));
    scratch.gather(run.classes.len(), groups);
    let cap = data.weights[p] + 1;
    scratch.pairs.clear();
    for &k in &scratch.touched {
        let c = min_payers(data, run, p, k, cap);
        scratch.ceil[k as usize] = c;
        if c < cap {
            scratch.pairs.push((c, scratch.weight[k as usize]));
        }
    }
    most_payers(&mut scratch.pairs)
}

/// The largest `t` such that the supporters who need at most `t` payers
/// weigh `t` or more (0 if none), from (fewest payers, weight) pairs (put
/// in order when that is quicker).
fn most_payers(pairs: &mut [(u64, u64)]) -> u64 {
    // From any `t` at least the answer, the weight of those who need at
    // most `t` payers is at least the answer too: step down until it is
    // at least `t` (a few passes, usually), else sort and sweep once.
    let mut t: u64 = pairs.iter().map(|pair| pair.1).sum();
    // Those who need more than `t` payers never count again: each pass
    // keeps the others only, at the front, so passes grow shorter (eight
    // then a sort: 0.95x the time of ADD-OPT on Mokotów 2020 and Budapest
    // 2024 beside four passes over all of them).
    let mut kept = pairs.len();
    for _ in 0..8 {
        if t == 0 {
            return 0;
        }
        let mut able = 0;
        let mut next = 0;
        for i in 0..kept {
            let pair = pairs[i];
            if pair.0 <= t {
                pairs[next] = pair;
                next += 1;
                able += pair.1;
            }
        }
        kept = next;
        if able >= t {
            return t;
        }
        t = able;
    }
    let pairs = &mut pairs[..kept];
    pairs.sort_unstable_by_key(|pair| pair.0);
    let mut pairs = pairs.iter().copied().peekable();
    let mut best = 0;
    let mut able = 0u64;
    while let Some((c, w)) = pairs.next() {
        able += w;
        // Between c and the next pair's value, `able` supporters can pay.
        let next = pairs.peek().map_or(u64::MAX, |n| n.0);
        if next != c && able.min(next - 1) >= c {
            best = able.min(next - 1);
        }
    }
    best
}

/// `⌈cost / b⌉` for a class with `b` left: the fewest payers among whom
/// its voters can pay their share; `cap` when that is `cap` or more, or
/// when they have nothing.
fn min_payers(data: &CostData, run: &EesRun, p: usize, class: u32, cap: u64) -> u64 {
    let budget = run.classes[class as usize].budget;
    if budget.upper() <= 0.0 {
        // Budgets never fall below 0: this one is exactly 0.
        return cap;
    }
    if budget.lower() > 0.0
        && let Some(ratio) = data.cost_approx[p].div(budget)
    {
        let (low, high) = (ratio.lower(), ratio.upper());
        if low >= cap as f64 {
            return cap;
        }
        if high < cap as f64 && numbers::ceil(low) == numbers::ceil(high) {
            return (numbers::ceil(high) as u64).max(1);
        }
    }
    let exact = run.budget_exact(class);
    if !exact.is_positive() {
        return cap;
    }
    let c = (&data.costs[p] / exact).ceil().to_integer();
    c.to_u64().map_or(cap, |c| c.min(cap))
}

/// ADD-OPT: the smallest `d > 0` such that EES at `per_voter + d` differs
/// from `run` (with `unfunded_only`, ADD-OPT-SKIP: the smallest at which an
/// unfunded project could take a round); `None` when there is none.
///
/// `guess` (a float, e.g. the last step) only speeds the search up: the
/// candidates above it are left out first, and looked at only when none is
/// below. `levels` is memory reused from one search to the next (a walk
/// makes many: allocating the grid afresh each time made page faults a
/// tenth of the time of ADD-OPT-SKIP on Budapest 2024).
pub(super) fn next_change(
    data: &CostData,
    run: &EesRun,
    unfunded_only: bool,
    guess: f64,
    levels: &mut Levels,
) -> Option<BigRational> {
    levels.fill(data, run);
    let mut limit = if guess > 0.0 { guess } else { f64::INFINITY };
    loop {
        if let Some(d) = next_change_below(data, run, levels, unfunded_only, limit) {
            return Some(d);
        }
        if limit == f64::INFINITY {
            return None;
        }
        limit = if limit < 1e12 { limit * 8.0 } else { f64::INFINITY };
    }
}

/// Every group's class at the start of every round.
#[derive(Default)]
pub(super) struct Levels {
    groups: usize,
    /// Round-major: `class[i * groups + g]`.
    class: Vec<u32>,
}

impl Levels {
    fn fill(&mut self, data: &CostData, run: &EesRun) {
        let groups = data.groups.len();
        self.groups = groups;
        let class = &mut self.class;
        class.clear();
        class.resize(groups * (run.rounds.len() + 1), ROOT);
        for (i, moves) in run.moves.iter().enumerate() {
            let (done, next) = class.split_at_mut((i + 1) * groups);
            next[..groups].copy_from_slice(&done[i * groups..]);
            for &(g, k) in moves {
                next[g as usize] = k;
            }
        }
    }

    fn at(&self, round: usize, group: u32) -> u32 {
        self.class[round * self.groups + group as usize]
    }

    /// Whether a ballot group paid in a round (payers move to a new class).
    fn paid_in(&self, round: usize, group: u32) -> bool {
        self.at(round, group) != self.at(round + 1, group)
    }
}

/// [`next_change`] among the changes at most `limit` (surely at most: a
/// change that bounds cannot place is always looked at).
fn next_change_below(
    data: &CostData,
    run: &EesRun,
    levels: &Levels,
    unfunded_only: bool,
    limit: f64,
) -> Option<BigRational> {
    let w = run.rounds.len();
    // Candidates that may be the smallest: (bound, project, payers, class).
    let mut candidates: Vec<(Approx, usize, u64, u32)> = Vec::new();
    let mut best_upper = limit;
    let mut others: Vec<(u32, u64)> = Vec::new();
    let mut scratch = Scratch::default();
    let mut sorted: Vec<u32> = Vec::new();
    for p in 0..data.projects.len() {
        let funded = run.round_of[p];
        if funded.is_some() && unfunded_only {
            continue;
        }
        let last = funded.map_or(w, |r| r as usize);
        others.clear();
        let mut paying = 0u64;
        for &g in &data.supporters[p] {
            let weight = data.group_weight[g as usize];
            if funded.is_some_and(|r| levels.paid_in(r as usize, g)) {
                paying += weight;
            } else {
                others.push((g, weight));
            }
        }
        if others.is_empty() {
            continue;
        }
        let all = data.weights[p];
        let cost = data.cost_approx[p];
        // Round i is taken by p with t payers when t ≥ threshold(i); the
        // thresholds do not rise from one round to the next, so the t that
        // take round i first form the range [threshold(i), threshold(i-1)).
        let threshold = |i: usize| -> u64 {
            if i == w {
                return 1;
            }
            let (q, t) = run.rounds[i];
            t + u64::from(p >= q as usize)
        };
        let mut above = u64::MAX;
        for i in 0..=last {
            let from = threshold(i).max(paying + 1);
            let to = above.saturating_sub(1).min(all);
            above = above.min(threshold(i));
            if from > to {
                continue;
            }
            // A supporter with less than this cannot make a change below
            // the best so far, whatever its rank: leave it out (those richer
            // than one kept are kept too, so ranks among the kept are right).
            let floor = cost.div_int(to).lower() - best_upper;
            if floor > run.beta.upper() {
                continue;
            }
            scratch.gather(run.classes.len(), others.iter().map(|&(g, w)| (levels.at(i, g), w)));
            sorted.clear();
            let mut kept = 0u64;
            for &k in &scratch.touched {
                if run.classes[k as usize].budget.upper() >= floor {
                    sorted.push(k);
                    kept += scratch.weight[k as usize];
                }
            }
            // Fewer than `from` payers could reach even the floor.
            if kept + paying < from {
                continue;
            }
            run.sort_richest_first(&mut sorted);
            // The ℓ-th richest for ℓ in (seen, seen + weight] is in this
            // class; cost / t − budget is smallest at the largest such ℓ.
            let (low, high) = (from - paying, to - paying);
            let mut seen = 0u64;
            for &k in &sorted {
                if seen >= high {
                    break;
                }
                seen += scratch.weight[k as usize];
                if seen < low {
                    continue;
                }
                let t = paying + seen.min(high);
                let d = cost.div_int(t).sub(run.classes[k as usize].budget);
                if d.upper() <= 0.0 || d.lower() > best_upper {
                    continue;
                }
                // Only a surely positive change bounds the others.
                if d.lower() > 0.0 {
                    best_upper = best_upper.min(d.upper());
                }
                candidates.push((d, p, t, k));
            }
        }
    }
    candidates
        .into_iter()
        .filter(|c| c.0.lower() <= best_upper)
        .filter_map(|(_, p, t, k)| {
            let d = &data.costs[p] / BigRational::from_integer(BigInt::from(t)) - run.budget_exact(k);
            d.is_positive().then_some(d)
        })
        .min()
}

/// How an EES completion walks the budgets.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Completion {
    /// EES at `B / n` only.
    None,
    AddOpt,
    AddOptSkip,
}

/// EES with a completion; election project indices in the order funded.
pub(super) fn ees(data: &CostData, election: &Election, completion: Completion) -> Vec<usize> {
    ees_walk(data, election, completion).0
}

/// EES with a completion, and the number of runs it made.
pub(super) fn ees_walk(data: &CostData, election: &Election, completion: Completion) -> (Vec<usize>, usize) {
    match completion {
        Completion::AddOpt => add_opt(data, election, &mut Certifier::default()),
        Completion::AddOptSkip => add_opt_skip(data, election, &mut Certifier::default()),
        Completion::None => every_change(data, election, completion),
    }
}

/// EES with a completion, running EES at every change the completion
/// visits (for ADD-OPT: the oracle of [`add_opt`]).
pub(super) fn every_change(data: &CostData, election: &Election, completion: Completion) -> (Vec<usize>, usize) {
    let n = election.num_voters();
    let stop = if completion == Completion::AddOptSkip {
        ees_stop::no_fit_from(data, &election.budget, n)
    } else {
        None
    };
    walk(data, election, completion, stop, None)
}

/// ADD-OPT-SKIP, stopping as soon as certificates show that no outcome
/// from the budget reached to the one where none fits any more spends more
/// than the best so far and fits: the walk could not find a better one. The
/// result is that of [`every_change`], with fewer runs (their number is
/// returned). Where the machine has a second core, that core first looks
/// for a lower budget from which no outcome fits ([`ees_clear`]: the walk
/// stops once it gets there; on Mokotów 2020 at 1,150 per voter instead of
/// 1,670), then seeks the certificates up to there while the walk goes on
/// ([`ees_lookout::Watch`]).
pub(super) fn add_opt_skip(data: &CostData, election: &Election, certifier: &mut Certifier) -> (Vec<usize>, usize) {
    add_opt_skip_with(data, election, certifier, states::parallel())
}

/// [`add_opt_skip`], with its lookout on a thread of its own or not.
pub(super) fn add_opt_skip_with(
    data: &CostData,
    election: &Election,
    certifier: &mut Certifier,
    apart: bool,
) -> (Vec<usize>, usize) {
    let stop = ees_stop::no_fit_from(data, &election.budget, election.num_voters());
    let Some(to) = stop else {
        return walk(data, election, Completion::AddOptSkip, stop, None);
    };
    let budget = &election.budget;
    if !apart {
        let mut lookout = Lookout::new(certifier, to);
        let mut nothing_better =
            |here: f64, best: Option<&BigRational>, step: f64| lookout.nothing_better(data, budget, best, here, step);
        return walk(data, election, Completion::AddOptSkip, stop, Some(&mut nothing_better));
    }
    let watch = Watch::default();
    // Where nothing fits from up to `to`, once found: the walk stops there.
    let clear = AtomicU64::new(f64::INFINITY.to_bits());
    std::thread::scope(|scope| {
        scope.spawn(|| {
            let from = &election.budget / BigRational::from_integer(BigInt::from(election.num_voters()));
            let low = Approx::from_ratio(from.numer(), from.denom()).upper();
            let found = misfit_above(data, election, low)
                .and_then(|misfit| ees_clear::clear_from(data, election, certifier, misfit, to, watch.over()));
            if let Some(start) = found {
                clear.store(start.to_bits(), Atomic::Relaxed);
            }
            watch.watch(data, budget, found.unwrap_or(to), certifier);
        });
        // Ends the watch even if the walk panics, so that the scope ends.
        let _over = watch.until_dropped();
        let mut nothing_better = |here: f64, best: Option<&BigRational>, step: f64| {
            let start = f64::from_bits(clear.load(Atomic::Relaxed));
            here >= start || watch.nothing_better(here, best, step, start.min(to))
        };
        walk(data, election, Completion::AddOptSkip, stop, Some(&mut nothing_better))
    })
}

/// ADD-OPT-SKIP's lookout, told after each run the per-voter budget
/// reached, the cost of the best outcome so far and the last step: whether
/// nothing better lies from there on.
pub(super) type NothingBetter<'a> = dyn FnMut(f64, Option<&BigRational>, f64) -> bool + 'a;

/// [`every_change`], stopping after the run at a per-voter budget of
/// `stop` or more if there is one (from where no outcome fits), or (with a
/// lookout, for ADD-OPT-SKIP) where nothing better lies up to there.
pub(super) fn walk(
    data: &CostData,
    election: &Election,
    completion: Completion,
    stop: Option<f64>,
    mut lookout: Option<&mut NothingBetter>,
) -> (Vec<usize>, usize) {
    let n = election.num_voters();
    if n == 0 || data.projects.is_empty() {
        return (Vec::new(), 0);
    }
    let mut per_voter = &election.budget / BigRational::from_integer(BigInt::from(n));
    let mut best: Option<(BigRational, Vec<usize>)> = None;
    let mut runs = 0;
    let mut last_step = 0.0;
    let mut levels = Levels::default();
    loop {
        let current = run(data, &per_voter);
        runs += 1;
        let order = current.order(data);
        let cost = total_cost(election, &order);
        let fits = cost <= election.budget;
        match completion {
            Completion::None => return (order, runs),
            Completion::AddOpt if !fits => break,
            Completion::AddOpt => best = Some((cost, order)),
            Completion::AddOptSkip => {
                if fits && best.as_ref().is_none_or(|(spent, _)| cost > *spent) {
                    best = Some((cost, order));
                }
                if let Some(nothing_better) = lookout.as_mut() {
                    let here = Approx::from_ratio(per_voter.numer(), per_voter.denom()).lower();
                    let spent = best.as_ref().map(|(spent, _)| spent);
                    if nothing_better(here, spent, last_step) {
                        break;
                    }
                }
            }
        }
        if current.rounds.len() == data.projects.len() {
            break;
        }
        // No outcome from here on fits (ADD-OPT-SKIP).
        if stop.is_some_and(|b| Approx::from_ratio(per_voter.numer(), per_voter.denom()).lower() >= b) {
            break;
        }
        // Steps vary a lot from one change to the next: a search bounded by
        // twice the last step found nothing below it (and ran again) about
        // four times in ten on Amsterdam 332; bounded by 32 times, fewer than
        // one in twenty, and it still prunes (ADD-OPT 0.84-0.87x the time on
        // Amsterdam, Lodz 2022 and Budapest 2024).
        let guess = 32.0 * last_step;
        match next_change(data, &current, completion == Completion::AddOptSkip, guess, &mut levels) {
            Some(d) => {
                last_step = numbers::to_f64(&d);
                per_voter += d;
            }
            None => break,
        }
    }
    (best.map(|(_, order)| order).unwrap_or_default(), runs)
}

/// ADD-OPT, jumping over the intervals of budgets where a [`Certifier`]
/// shows that every EES outcome fits (and leaves a project out): the walk
/// would go on through all of them, so it only has to run EES exactly at
/// the changes near which no certificate holds, the first outcome that
/// does not fit among them. The result is that of [`every_change`], with
/// fewer runs (their number is returned). Where the machine has a second
/// core, both walk segments of the budgets at once ([`add_opt_apart`]).
pub(super) fn add_opt(data: &CostData, election: &Election, certifier: &mut Certifier) -> (Vec<usize>, usize) {
    add_opt_with(data, election, certifier, states::parallel())
}

/// [`add_opt`], on two threads (`apart`) or one.
pub(super) fn add_opt_with(
    data: &CostData,
    election: &Election,
    certifier: &mut Certifier,
    apart: bool,
) -> (Vec<usize>, usize) {
    let n = election.num_voters();
    if n == 0 || data.projects.is_empty() {
        return (Vec::new(), 0);
    }
    let goal = Goal::Fits(&election.budget);
    if apart && let Some(result) = add_opt_apart(data, election, certifier, goal, SEGMENTS) {
        return result;
    }
    let from = &election.budget / BigRational::from_integer(BigInt::from(n));
    states::with_helper::<Ees, _>(data, goal, apart, |helper| {
        let walk = Walk {
            data,
            election,
            goal,
            helper,
        };
        match walk.from(certifier, &Segment::new(from, f64::INFINITY), 0.0, &|| false) {
            (Reach::Done(order), runs) => (order, runs),
            (_, runs) => (Vec::new(), runs),
        }
    })
}

/// Segments of budgets ADD-OPT cuts the walk into on two cores at first.
const SEGMENTS: usize = 12;

/// ADD-OPT on two threads. One walks from `B / n` at once; the other
/// looks for a per-voter budget where the outcome does not fit
/// ([`misfit_above`]), and cuts the budgets from where the first walk got
/// to up to there into segments: the first walk's ends where the second
/// starts. Segments are walked in order by whichever thread is free, each
/// from its start ([`Walk::from`]); once none is left, a free thread takes
/// the upper half of what the other has left of its segment. The first
/// segment whose walk ends (an outcome that does not fit, or funds every
/// project) gives the result, once all those before it went through, and
/// those after it are given up. Where there is no such budget, the first
/// walk goes on alone to the end. `None` in the rare case where the first
/// outcome of a later segment does not fit (then the outcome before it is
/// not known): the walk is then made from `B / n` in one piece.
pub(super) fn add_opt_apart(
    data: &CostData,
    election: &Election,
    certifier: &mut Certifier,
    goal: Goal,
    pieces: usize,
) -> Option<(Vec<usize>, usize)> {
    let n = election.num_voters();
    if n == 0 || data.projects.is_empty() {
        return None;
    }
    let first = &election.budget / BigRational::from_integer(BigInt::from(n));
    let low = Approx::from_ratio(first.numer(), first.denom()).upper();
    // Walked at once, with no end until the segments are made.
    let head = Arc::new(Segment::new(first, f64::INFINITY));
    let plan = Mutex::new(Plan {
        segments: vec![head.clone()],
        claimed: 1,
        end: f64::INFINITY,
        shortest: f64::INFINITY,
        step: 0.0,
    });
    // The start of the first segment whose walk ended: those after it are
    // not needed.
    let ended = AtomicU64::new(f64::INFINITY.to_bits());
    let work = |certifier: &mut Certifier, mut next: Option<(Arc<Segment>, f64)>| {
        let walk = Walk {
            data,
            election,
            goal,
            helper: None,
        };
        let mut done = Vec::new();
        while let Some((segment, step)) = next
            .take()
            .or_else(|| Plan::claim(&plan, f64::from_bits(ended.load(Atomic::Relaxed))))
        {
            let given_up = || f64::from_bits(ended.load(Atomic::Relaxed)) < segment.from;
            let (reach, runs) = walk.from(certifier, &segment, step, &given_up);
            // Nothing left to take from it.
            segment.at.store(f64::INFINITY.to_bits(), Atomic::Relaxed);
            if matches!(reach, Reach::Done(_) | Reach::FirstMisfits) {
                ended.fetch_min(segment.from.to_bits(), Atomic::Relaxed);
            }
            done.push((segment.from, reach, runs));
        }
        done
    };
    let mut done = std::thread::scope(|scope| {
        let other = scope.spawn(|| {
            if let Some(end) = misfit_above(data, election, low) {
                Plan::cut(&plan, &head, low, end, pieces);
            }
            work(&mut Certifier::default(), None)
        });
        // The first segment starts exactly.
        let mut done = work(certifier, Some((head.clone(), 0.0)));
        // A thread that panicked: the walk is made in one piece instead.
        done.extend(other.join().ok()?);
        Some(done)
    })?;
    done.sort_by(|a, b| a.0.total_cmp(&b.0));
    let runs = done.iter().map(|(_, _, runs)| runs).sum();
    for (i, (_, reach, _)) in done.into_iter().enumerate() {
        match reach {
            Reach::Past => continue,
            Reach::Done(order) => return Some((order, runs)),
            Reach::FirstMisfits if i == 0 => return Some((Vec::new(), runs)),
            Reach::FirstMisfits | Reach::GivenUp => return None,
        }
    }
    None
}

/// A segment of per-voter budgets a walk goes through: from `start` up
/// to `to` (a float's bits: another thread may lower it to take the
/// rest), the walk telling in `at` where it is.
struct Segment {
    start: BigRational,
    /// `start`, rounded up.
    from: f64,
    to: AtomicU64,
    at: AtomicU64,
}

impl Segment {
    fn new(start: BigRational, to: f64) -> Segment {
        let from = Approx::from_ratio(start.numer(), start.denom()).upper();
        Segment {
            start,
            from,
            to: AtomicU64::new(to.to_bits()),
            at: AtomicU64::new(from.to_bits()),
        }
    }
}

/// The segments of [`add_opt_apart`]: those taken are the first
/// `claimed`.
struct Plan {
    segments: Vec<Arc<Segment>>,
    claimed: usize,
    /// Where the walk ends at the latest (the last segment has no end).
    end: f64,
    /// What a walk must have left of its segment to give half of it away.
    shortest: f64,
    /// The step a walk from the start of a segment first certifies.
    step: f64,
}

impl Plan {
    /// Cuts the budgets from where the walk of `head` (the first segment,
    /// from `low`) got to, up to `end` (ADD-OPT ends before it), into
    /// `pieces` segments: `head` ends where the second starts.
    fn cut(plan: &Mutex<Plan>, head: &Segment, low: f64, end: f64, pieces: usize) {
        let mut plan = plan.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let from = f64::from_bits(head.at.load(Atomic::Relaxed)).max(low);
        if from >= end {
            return;
        }
        let mut starts = Vec::new();
        let mut last = from;
        for i in 1..pieces {
            let at = short(from + (end - from) * i as f64 / pieces as f64);
            if at > last {
                starts.push(BigRational::from_float(at).expect("a finite budget"));
                last = at;
            }
        }
        let segments: Vec<Arc<Segment>> = starts
            .into_iter()
            .map(|start| Arc::new(Segment::new(start, f64::INFINITY)))
            .collect();
        let Some(second) = segments.first() else {
            return;
        };
        // Each segment ends where the next starts (the last, never).
        head.to.store(second.from.to_bits(), Atomic::Relaxed);
        for pair in segments.windows(2) {
            pair[0].to.store(pair[1].from.to_bits(), Atomic::Relaxed);
        }
        plan.segments.extend(segments);
        plan.end = end;
        plan.shortest = (end - low) / (16 * pieces) as f64;
        // A 32nd of a segment.
        plan.step = short((end - low) / (32 * pieces) as f64);
    }

    /// The next segment to walk, if any starts before `ended`, and the
    /// step to certify first: one not taken yet, else the upper half of
    /// what a walk has left of its own.
    fn claim(plan: &Mutex<Plan>, ended: f64) -> Option<(Arc<Segment>, f64)> {
        let mut plan = plan.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let step = plan.step;
        if let Some(next) = plan.segments.get(plan.claimed).cloned() {
            plan.claimed += 1;
            return (next.from < ended).then_some((next, step));
        }
        let end = plan.end;
        let left = |s: &Segment| {
            f64::from_bits(s.to.load(Atomic::Relaxed)).min(end) - f64::from_bits(s.at.load(Atomic::Relaxed))
        };
        let most = plan
            .segments
            .iter()
            .filter(|s| s.from < ended)
            .max_by(|a, b| left(a).total_cmp(&left(b)))?
            .clone();
        let (at, to) = (
            f64::from_bits(most.at.load(Atomic::Relaxed)),
            f64::from_bits(most.to.load(Atomic::Relaxed)),
        );
        // The last segment has no end: the walk ends before `end`.
        let top = if to.is_finite() { to } else { plan.end };
        let half = at + (top - at) / 2.0;
        if !(top - at >= plan.shortest && half > at && half < top) {
            return None;
        }
        most.to.store(half.to_bits(), Atomic::Relaxed);
        let taken = Arc::new(Segment::new(
            BigRational::from_float(half).expect("a finite budget"),
            to,
        ));
        plan.segments.push(taken.clone());
        plan.claimed += 1;
        Some((taken, step))
    }
}

/// A per-voter budget above `low` where the outcome does not fit, found
/// by running EES at `low` times 1.125, 1.25, 1.5, 2, 3... then halving
/// the gap to the last that fit a few times (outcomes do not fit or not
/// in order, so this is not the first such budget, only one): ADD-OPT
/// ends before it. `None` if there is none up to where none fits
/// ([`ees_stop::no_fit_from`]).
pub(super) fn misfit_above(data: &CostData, election: &Election, low: f64) -> Option<f64> {
    let stop = ees_stop::no_fit_from(data, &election.budget, election.num_voters())?;
    if !(low > 0.0 && stop > low && stop.is_finite()) {
        return None;
    }
    let misfits = |at: f64| {
        let per_voter = BigRational::from_float(at).expect("a finite budget");
        total_cost(election, &run(data, &per_voter).order(data)) > election.budget
    };
    let mut fit = low;
    let mut grow = 0.125;
    let mut tries = 0;
    let misfit = loop {
        let at = short(low * (1.0 + grow));
        tries += 1;
        if at >= stop || tries > 16 {
            break stop;
        }
        if misfits(at) {
            break at;
        }
        fit = at;
        grow *= 2.0;
    };
    Some(ees_stop::narrow(fit, misfit, 4, short, misfits))
}

/// How a walk of ADD-OPT from some budget ended.
enum Reach {
    /// At an outcome that does not fit (the one before it), that funds
    /// every project, or after which nothing changes: the result.
    Done(Vec<usize>),
    /// Past the end of its segment, every outcome fitting up to there.
    Past,
    /// At once: the outcome where it starts does not fit.
    FirstMisfits,
    /// Given up: an earlier segment ended.
    GivenUp,
}

/// What every walk of ADD-OPT shares.
struct Walk<'a> {
    data: &'a CostData,
    election: &'a Election,
    /// The goal of its certificates (the helper's too).
    goal: Goal<'a>,
    helper: Option<&'a Helper<'a>>,
}

impl Walk<'_> {
    /// ADD-OPT's walk from the per-voter budget `from`, at first certifying
    /// steps of `step` (0: running EES there first), until it ends or goes
    /// past `to` (or is given up).
    fn from(
        &self,
        certifier: &mut Certifier,
        segment: &Segment,
        mut step: f64,
        given_up: &dyn Fn() -> bool,
    ) -> (Reach, usize) {
        let Walk {
            data,
            election,
            goal,
            helper,
        } = *self;
        let m = data.projects.len();
        let mut per_voter = segment.start.clone();
        let mut runs = 0;
        let mut order = Vec::new();
        let mut funded = 0;
        // The exact run at `per_voter`, when there is one.
        let mut current = None;
        // Whether the outcome at `per_voter` is known to fit.
        let mut fits = false;
        if step <= 0.0 {
            let first = run(data, &per_voter);
            runs += 1;
            order = first.order(data);
            if total_cost(election, &order) > election.budget {
                return (Reach::FirstMisfits, runs);
            }
            funded = first.rounds.len();
            current = Some(first);
            fits = true;
            step = 0.0;
        }
        // Above the dearest project every supporter can pay for it alone:
        // certificates would hold forever, so the walk goes on exactly.
        let dearest = data.cost_approx.iter().map(|c| c.upper()).fold(0.0, f64::max);
        let mut last_change = 0.0;
        let mut levels = Levels::default();
        let mut failures = 0;
        let interval = |from: &BigRational, step: f64| {
            let start = Approx::from_ratio(from.numer(), from.denom());
            (start.upper() < dearest).then(|| (start.lower(), (start.upper() + step).next_up()))
        };
        while funded < m {
            if given_up() {
                return (Reach::GivenUp, runs);
            }
            let at = Approx::from_ratio(per_voter.numer(), per_voter.denom()).lower();
            segment.at.store(at.to_bits(), Atomic::Relaxed);
            if fits && at >= f64::from_bits(segment.to.load(Atomic::Relaxed)) {
                return (Reach::Past, runs);
            }
            let first = interval(&per_voter, step).filter(|_| step > 0.0);
            if let Some(first) = first {
                // The interval after this one, as long, checked at the same
                // time where there is a helper (then longer ones, as
                // below: 0.63x the time of ADD-OPT on Mokotów 2020, Budapest
                // 2024, Warszawa 2026 and Lodz 2022; the next one half as
                // long again, 0.8x).
                let after = &per_voter + BigRational::from_float(step).expect("a finite step");
                let then = interval(&after, step);
                let (held, then_held) = certifier.holds_then(helper, data, goal, first, then);
                if held {
                    per_voter = after;
                    current = None;
                    fits = true;
                    failures = 0;
                    if then_held == Some(false) {
                        // The next one failed already.
                        failures = 1;
                        step = short(step / 4.0);
                        continue;
                    }
                    if then_held == Some(true) {
                        per_voter += BigRational::from_float(step).expect("a finite step");
                    }
                    // Half as much again, not twice: certificates that fail
                    // (too many runs' states to follow) cost more than those
                    // that hold (0.88x the time over Mokotów 2020, Budapest
                    // 2024 and Warszawa 2026).
                    step = short(1.5 * step);
                    continue;
                }
                failures += 1;
                if failures < 2 {
                    // A quarter, not a half: 0.75x the time of halving over
                    // Lodz 2022, Amsterdam 332, Warszawa 2026 and Budapest 2024.
                    step = short(step / 4.0);
                    continue;
                }
            }
            let now = match &mut current {
                Some(now) => now,
                None => {
                    // Certified jumps may land on other projects that fit:
                    // the outcome to return is the one of this run.
                    runs += 1;
                    let now = run(data, &per_voter);
                    order = now.order(data);
                    if !fits && total_cost(election, &order) > election.budget {
                        // Only where the walk starts without running.
                        return (Reach::FirstMisfits, runs);
                    }
                    fits = true;
                    funded = now.rounds.len();
                    current.insert(now)
                }
            };
            if funded == m {
                break;
            }
            let Some(d) = next_change(data, now, false, 32.0 * last_change, &mut levels) else {
                break;
            };
            last_change = numbers::to_f64(&d);
            per_voter += d;
            let next = run(data, &per_voter);
            runs += 1;
            let next_order = next.order(data);
            if total_cost(election, &next_order) > election.budget {
                break;
            }
            order = next_order;
            funded = next.rounds.len();
            current = Some(next);
            failures = 0;
            step = short(step.max(4.0 * last_change));
        }
        (Reach::Done(order), runs)
    }
}

/// `x` rounded down to a float with 8 significant bits, so that the
/// per-voter budget stays a short fraction as certified steps add up.
pub(super) fn short(x: f64) -> f64 {
    if x <= 0.0 || !x.is_finite() {
        return 0.0;
    }
    let unit = 2f64.powi(x.log2().floor() as i32 - 7);
    (x / unit).floor() * unit
}
