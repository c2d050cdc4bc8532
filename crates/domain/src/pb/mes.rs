//! The Method of Equal Shares, as pabutools `method_of_equal_shares` computes it.
//!
//! Every voter starts with the same budget. Each round, every remaining
//! project `p` gets the smallest `ρ` with `Σ_{i supports p} min(b_i, ρ·u_i(p)) = c(p)`
//! (a project whose supporters hold less than its cost is dropped for good);
//! the project with the smallest `ρ` is funded (ties: smallest id) and each
//! supporter pays `min(b_i, ρ·u_i(p))`. Projects that nobody values or that
//! cost 0 are never candidates; free projects that someone values are funded
//! up front (with cost utilities a free project is worth 0, so never).
//!
//! [`CostData`] is the fast path for cost utilities (`Cost_Sat`, `u_i(p) = c(p)`
//! for every supporter), which every `mes_cost*` method uses, hundreds of
//! times per election for the add1 and exh1pct completions, on elections of
//! up to 130,000 voters:
//!
//! - voters with the same ballot are one weighted group;
//! - a voter's budget is the initial budget minus the full payments q it has
//!   made (or 0 once it paid all it had), so groups that paid for the same
//!   projects share a budget *class*, and pricing a project adds up its
//!   supporters' weight per class;
//! - exact amounts are integers over one common denominator (no gcd in the
//!   inner loops); comparisons use floating-point values with a proven error
//!   bound ([`Approx`]) and, when the bounds overlap, the exact integers, so the
//!   outcome is the one of exact arithmetic;
//! - prices only rise as budgets fall, so a project's last price is a lower
//!   bound: projects wait in a heap keyed by it and are priced again only when
//!   they reach the top after a project sharing a supporter was funded. When
//!   the top project's price is up to date, every project whose lower bound
//!   does not exceed its upper bound is brought up to date too, and the
//!   smallest exact (ρ, id) among them wins: the project pabutools selects.
//!
//! The add1 completions skip the per-voter budgets where every outcome
//! provably fits and is not the last, with the certificates of
//! `mes_interval`.
//!
//! [`mes_general`] handles any positive utilities (points), more simply.

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap};

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};

use super::approx::Approx;
use super::greedy::{approval_counts, max_length};
use super::{Election, VoteType};

/// Distinct ballots and how many voters cast each, in first-seen order.
pub(super) fn ballot_groups<'a, T: Clone + Eq + std::hash::Hash + 'a>(
    ballots: impl Iterator<Item = &'a [T]>,
) -> Vec<(Vec<T>, u64)> {
    let mut index: HashMap<&'a [T], usize> = HashMap::new();
    let mut groups: Vec<(Vec<T>, u64)> = Vec::new();
    for ballot in ballots {
        match index.get(ballot) {
            Some(&g) => groups[g].1 += 1,
            None => {
                index.insert(ballot, groups.len());
                groups.push((ballot.to_vec(), 1));
            }
        }
    }
    groups
}

/// The projects MES with cost utilities may fund in rounds: listed on some
/// ballot and costing more than 0 (pabutools' `projects` in `method_of_equal_shares_scheme`).
pub(super) fn eligible(election: &Election) -> Vec<usize> {
    let counts = approval_counts(election);
    (0..election.projects.len())
        .filter(|&p| counts[p] > 0 && election.projects[p].cost.is_positive())
        .collect()
}

/// Free projects that someone values: pabutools funds them before the first
/// round. (Not with cost utilities: a free project is then worth 0 to everyone.)
fn free_supported(election: &Election, supported: impl Fn(usize) -> bool) -> Vec<usize> {
    (0..election.projects.len())
        .filter(|&p| election.projects[p].cost.is_zero() && supported(p))
        .collect()
}

/// What the cost-utility MES needs from an election, computed once and reused
/// for every per-voter budget.
pub(super) struct CostData {
    /// Election index of each local project (ascending, so local order is id order).
    pub(super) projects: Vec<usize>,
    pub(super) costs: Vec<BigRational>,
    pub(super) cost_approx: Vec<Approx>,
    /// Distinct ballots restricted to the local projects (local indices), with weights.
    pub(super) groups: Vec<(Vec<u32>, u64)>,
    /// The weight of each group, apart (read in the hottest loops).
    pub(super) group_weight: Vec<u64>,
    /// Groups supporting each local project.
    pub(super) supporters: Vec<Vec<u32>>,
    /// Their weights, in the same order (read in passes over them).
    pub(super) supporter_weights: Vec<Vec<u64>>,
    /// Total supporter weight of each local project.
    pub(super) weights: Vec<u64>,
    /// The other local projects that share a supporter with each local project:
    /// their prices may change when it is funded.
    pub(super) neighbours: Vec<Vec<u32>>,
    /// Each group's projects as bits, `words()` words per group, made when
    /// first asked for ([`Self::group_bits`]).
    bits: std::sync::OnceLock<Vec<u64>>,
}

impl CostData {
    pub(super) fn new(election: &Election) -> CostData {
        let projects = eligible(election);
        let mut local = vec![u32::MAX; election.projects.len()];
        for (l, &p) in projects.iter().enumerate() {
            local[p] = l as u32;
        }
        let restricted: Vec<Vec<u32>> = election
            .ballots
            .iter()
            .map(|b| {
                b.iter()
                    .map(|&p| local[p as usize])
                    .filter(|&l| l != u32::MAX)
                    .collect()
            })
            .collect();
        let groups: Vec<(Vec<u32>, u64)> = ballot_groups(restricted.iter().map(Vec::as_slice))
            .into_iter()
            .filter(|(b, _)| !b.is_empty())
            .collect();
        let mut supporters = vec![Vec::new(); projects.len()];
        let mut weights = vec![0u64; projects.len()];
        for (g, (ballot, weight)) in groups.iter().enumerate() {
            for &l in ballot {
                supporters[l as usize].push(g as u32);
                weights[l as usize] += weight;
            }
        }
        let mut neighbours = vec![Vec::new(); projects.len()];
        let mut seen = vec![u32::MAX; projects.len()];
        for (l, list) in neighbours.iter_mut().enumerate() {
            for &g in &supporters[l] {
                for &r in &groups[g as usize].0 {
                    if r as usize != l && seen[r as usize] != l as u32 {
                        seen[r as usize] = l as u32;
                        list.push(r);
                    }
                }
            }
        }
        let costs: Vec<BigRational> = projects.iter().map(|&p| election.projects[p].cost.clone()).collect();
        let supporter_weights = supporters
            .iter()
            .map(|list| list.iter().map(|&g| groups[g as usize].1).collect())
            .collect();
        CostData {
            cost_approx: costs.iter().map(|c| Approx::from_ratio(c.numer(), c.denom())).collect(),
            costs,
            projects,
            group_weight: groups.iter().map(|g| g.1).collect(),
            groups,
            supporters,
            supporter_weights,
            weights,
            neighbours,
            bits: std::sync::OnceLock::new(),
        }
    }

    /// Words of bits per group in [`Self::group_bits`]: one bit per local
    /// project.
    pub(super) fn words(&self) -> usize {
        self.projects.len().div_ceil(64)
    }

    /// The projects of group `g` are the bits set in words `g * words()`
    /// to `(g + 1) * words()` (local project `p`: bit `p % 64` of word
    /// `p / 64`).
    pub(super) fn group_bits(&self) -> &[u64] {
        self.bits.get_or_init(|| {
            let words = self.words();
            let mut bits = vec![0u64; self.groups.len() * words];
            for (g, (ballot, _)) in self.groups.iter().enumerate() {
                for &p in ballot {
                    set_bit(&mut bits[g * words..], p as usize);
                }
            }
            bits
        })
    }

    /// One MES run with cost utilities and this per-voter budget. Returns
    /// election project indices in the order funded.
    pub(super) fn run(&self, election: &Election, per_voter: &BigRational) -> Vec<usize> {
        let mut outcome = Vec::new();
        if election.num_voters() > 0 && !self.projects.is_empty() {
            CostRun::new(self, per_voter).run(&mut outcome);
        }
        outcome
    }
}

/// Sets bit `p` of a set of projects kept as bits (bit `p % 64` of word
/// `p / 64`).
pub(super) fn set_bit(bits: &mut [u64], p: usize) {
    bits[p / 64] |= 1 << (p % 64);
}

/// Whether bit `p` is set (see [`set_bit`]).
pub(super) fn has_bit(bits: &[u64], p: usize) -> bool {
    bits[p / 64] >> (p % 64) & 1 == 1
}

/// The class of the voters with nothing left.
const ZERO_CLASS: u32 = 0;
/// The class of the voters who have paid nothing yet.
const ROOT_CLASS: u32 = 1;
const NO_CLASS: u32 = u32::MAX;

/// Voters with the same budget: the initial budget minus the full price q of
/// each funded project on the chain `paid`, `parent.paid`, … (none of which
/// took all they had).
struct Class {
    parent: u32,
    /// Funding sequence number of the last payment (unused for the root and zero classes).
    paid: u32,
    budget: Approx,
}

impl Class {
    fn new(budget: Approx) -> Class {
        Class {
            parent: NO_CLASS,
            paid: 0,
            budget,
        }
    }
}

/// The price of a project with its supporters' current budgets.
struct Price {
    /// Bounds on ρ.
    lower: f64,
    upper: f64,
    /// The payment q = ρ·c of a supporter who can afford it.
    q: Approx,
    /// Supporter weight that pays q (budget ≥ q).
    rich: u64,
    /// The classes whose budget is below q (they pay all they have), with
    /// their supporter weight. `None`: those whose approximate budget is
    /// surely below `q` (the approximate pricing decided every class).
    poor: Option<Vec<(u32, u64)>>,
}

enum Priced {
    Affordable(Price),
    /// The supporters hold less than the cost: dropped for good.
    Unaffordable,
}

/// Passes of the approximate poor/rich pricing before handing over to exact arithmetic.
const MAX_PASSES: usize = 32;

/// One cost-utility MES run. Exact quantities are integers over the common
/// denominator `d` (multiplied up when a payment needs it), so no gcd is
/// computed in the inner loops; approximate ones decide comparisons when
/// their error bounds allow, and the exact integers decide the rest.
struct CostRun<'d> {
    data: &'d CostData,
    d: BigInt,
    /// Initial per-voter budget times d.
    start: BigInt,
    /// Payment q of each funded project (by funding sequence number) times d.
    paid: Vec<BigInt>,
    /// Cost of each local project times d.
    cost: Vec<BigInt>,
    classes: Vec<Class>,
    group_class: Vec<u32>,
    alive: Vec<bool>,
    /// Something may have changed since the project was last priced.
    dirty: Vec<bool>,
    prices: Vec<Option<Price>>,
    /// Per class: weight being added up (scratch), and its new class while funding.
    scratch: Vec<u64>,
    moves: Vec<u32>,
    touched: Vec<u32>,
    /// Reused for the (class, weight, poor) entries of a pricing.
    entries: Vec<(u32, u64, bool)>,
}

impl<'d> CostRun<'d> {
    fn new(data: &'d CostData, per_voter: &BigRational) -> CostRun<'d> {
        let d = data
            .costs
            .iter()
            .fold(per_voter.denom().clone(), |d, c| d.lcm(c.denom()));
        let scale = |r: &BigRational| r.numer() * (&d / r.denom());
        let n = data.projects.len();
        CostRun {
            start: scale(per_voter),
            paid: Vec::new(),
            cost: data.costs.iter().map(scale).collect(),
            d,
            classes: vec![
                Class::new(Approx::ZERO),
                Class::new(Approx::from_ratio(per_voter.numer(), per_voter.denom())),
            ],
            group_class: vec![ROOT_CLASS; data.groups.len()],
            alive: vec![true; n],
            dirty: vec![true; n],
            prices: (0..n).map(|_| None).collect(),
            scratch: vec![0; 2],
            moves: vec![NO_CLASS; 2],
            touched: Vec::new(),
            entries: Vec::new(),
            data,
        }
    }

    fn run(&mut self, outcome: &mut Vec<usize>) {
        let mut heap: BinaryHeap<Reverse<(u64, usize)>> = BinaryHeap::new();
        for l in 0..self.data.projects.len() {
            self.reprice(l, &mut heap);
        }
        while let Some(Reverse((_, l))) = heap.pop() {
            if !self.alive[l] {
                continue;
            }
            if self.dirty[l] {
                self.reprice(l, &mut heap);
                continue;
            }
            // `l` has the smallest lower bound and an up-to-date price. Every
            // project whose lower bound does not exceed the smallest upper
            // bound seen may still tie or win: bring them up to date too.
            let mut contenders = vec![l];
            let mut bound = self.price_of(l).upper;
            while let Some(&Reverse((lower, t))) = heap.peek() {
                if f64::from_bits(lower) > bound {
                    break;
                }
                heap.pop();
                if !self.alive[t] {
                    continue;
                }
                if self.dirty[t] {
                    self.reprice(t, &mut heap);
                    continue;
                }
                bound = bound.min(self.price_of(t).upper);
                contenders.push(t);
            }
            let winner = if contenders.len() == 1 {
                l
            } else {
                self.exact_min(&contenders)
            };
            for &t in &contenders {
                if t != winner {
                    heap.push(Reverse((heap_key(self.price_of(t).lower), t)));
                }
            }
            self.fund(winner);
            outcome.push(self.data.projects[winner]);
        }
    }

    fn price_of(&self, l: usize) -> &Price {
        self.prices[l].as_ref().expect("a clean project has a price")
    }

    fn reprice(&mut self, l: usize, heap: &mut BinaryHeap<Reverse<(u64, usize)>>) {
        match self.price(l) {
            Priced::Unaffordable => {
                self.alive[l] = false;
                self.prices[l] = None;
            }
            Priced::Affordable(price) => {
                heap.push(Reverse((heap_key(price.lower), l)));
                self.prices[l] = Some(price);
                self.dirty[l] = false;
            }
        }
    }

    /// Fills `entries` with the supporters of `l` by budget class (classes
    /// with budget left, none marked poor) and returns the weight of those
    /// with nothing left.
    fn gather(&mut self, l: usize, entries: &mut Vec<(u32, u64, bool)>) -> u64 {
        if self.paid.is_empty() {
            // Before the first payment every voter is in the root class.
            entries.clear();
            entries.push((ROOT_CLASS, self.data.weights[l], false));
            return 0;
        }
        let mut zero = 0;
        for &g in &self.data.supporters[l] {
            let k = self.group_class[g as usize];
            let w = self.data.group_weight[g as usize];
            if k == ZERO_CLASS {
                zero += w;
                continue;
            }
            let slot = &mut self.scratch[k as usize];
            if *slot == 0 {
                self.touched.push(k);
            }
            *slot += w;
        }
        entries.clear();
        for k in self.touched.drain(..) {
            entries.push((k, std::mem::take(&mut self.scratch[k as usize]), false));
        }
        zero
    }

    /// The funding sequence numbers of the payments a class has made.
    fn payments(&self, mut k: u32) -> impl Iterator<Item = u32> + '_ {
        std::iter::from_fn(move || {
            if k == ZERO_CLASS || k == ROOT_CLASS {
                return None;
            }
            let class = &self.classes[k as usize];
            k = class.parent;
            Some(class.paid)
        })
    }

    /// A class's budget times d.
    fn exact_budget(&self, k: u32) -> BigInt {
        if k == ZERO_CLASS {
            return BigInt::zero();
        }
        self.payments(k)
            .fold(self.start.clone(), |b, s| b - &self.paid[s as usize])
    }

    /// ρ for project `l`: the smallest price at which its supporters can pay
    /// its cost, each paying min(budget, q) with q = ρ·c.
    fn price(&mut self, l: usize) -> Priced {
        let mut entries = std::mem::take(&mut self.entries);
        let zero = self.gather(l, &mut entries);
        let rich = self.data.weights[l] - zero;
        let priced = match self.price_approx(l, &mut entries, rich) {
            Some(priced) => priced,
            None => self.price_exact(l, &mut entries, rich),
        };
        self.entries = entries;
        priced
    }

    /// The pricing with approximate budgets (pabutools' poor/rich iteration:
    /// guess q with everyone rich, move those below it to the poor, repeat),
    /// or `None` if a comparison is too close to call.
    fn price_approx(&self, l: usize, entries: &mut [(u32, u64, bool)], mut rich: u64) -> Option<Priced> {
        let cost = self.data.cost_approx[l];
        let mut paid = Approx::ZERO;
        for _ in 0..MAX_PASSES {
            if rich == 0 {
                return Some(Priced::Unaffordable);
            }
            let q = cost.sub(paid).div_int(rich);
            let mut grew = false;
            for entry in entries.iter_mut().filter(|e| !e.2) {
                let budget = self.classes[entry.0 as usize].budget;
                if budget.cmp(q)? == Ordering::Less {
                    entry.2 = true;
                    paid = paid.add(budget.mul_int(entry.1));
                    rich -= entry.1;
                    grew = true;
                }
            }
            if !grew {
                // Everyone left is surely richer than q, and the poor were
                // below a smaller q, so this is the price. Check that the
                // poor are surely below this q too, so that comparing with
                // q alone tells them apart again (see `poor_classes`).
                for entry in entries.iter().filter(|e| e.2) {
                    if self.classes[entry.0 as usize].budget.cmp(q)? != Ordering::Less {
                        return None;
                    }
                }
                let rho = q.div(cost)?;
                return Some(Priced::Affordable(Price {
                    lower: rho.lower(),
                    upper: rho.upper(),
                    q,
                    rich,
                    poor: None,
                }));
            }
        }
        None
    }

    /// The same pricing with exact budgets, in ascending budget order. Marks
    /// the poor entries.
    fn price_exact(&self, l: usize, entries: &mut [(u32, u64, bool)], mut rich: u64) -> Priced {
        // (budget, class, weight, index in `entries`)
        let mut exact: Vec<(BigInt, u32, u64, usize)> = entries
            .iter()
            .enumerate()
            .map(|(i, &(k, w, _))| (self.exact_budget(k), k, w, i))
            .collect();
        exact.sort();
        let mut left = self.cost[l].clone();
        for (i, (budget, _, w, _)) in exact.iter().enumerate() {
            if left <= budget * rich {
                // q = left / (d·rich) and ρ = q / c = left / (rich · c·d).
                let rho = Approx::from_ratio(&left, &(&self.cost[l] * rich));
                for (j, &(_, _, _, at)) in exact.iter().enumerate() {
                    entries[at].2 = j < i;
                }
                let poor: Vec<(u32, u64)> = exact[..i].iter().map(|&(_, k, w, _)| (k, w)).collect();
                return Priced::Affordable(Price {
                    lower: rho.lower(),
                    upper: rho.upper(),
                    q: Approx::from_ratio(&left, &(&self.d * rich)),
                    rich,
                    poor: Some(poor),
                });
            }
            left -= budget * *w;
            rich -= w;
        }
        Priced::Unaffordable
    }

    /// The poor classes of a clean project's price, with their weights.
    fn poor_classes(&mut self, l: usize) -> Vec<(u32, u64)> {
        let price = self.price_of(l);
        if let Some(poor) = &price.poor {
            return poor.clone();
        }
        let q = price.q;
        let mut entries = std::mem::take(&mut self.entries);
        self.gather(l, &mut entries);
        let poor = entries
            .iter()
            .filter(|&&(k, _, _)| self.classes[k as usize].budget.cmp(q) == Some(Ordering::Less))
            .map(|&(k, w, _)| (k, w))
            .collect();
        self.entries = entries;
        poor
    }

    /// `c·d − Σ poor budgets·d`: the project's price q is this over `d·rich`.
    fn exact_left(&self, l: usize, poor: &[(u32, u64)]) -> BigInt {
        let mut poor_weight = 0u64;
        let mut times_paid = vec![0u64; self.paid.len()];
        for &(k, w) in poor {
            poor_weight += w;
            for s in self.payments(k) {
                times_paid[s as usize] += w;
            }
        }
        let mut left = &self.cost[l] - &self.start * poor_weight;
        for (s, &times) in times_paid.iter().enumerate() {
            if times > 0 {
                left += &self.paid[s] * times;
            }
        }
        left
    }

    /// The contender with the smallest exact ρ, ties to the smallest id.
    fn exact_min(&mut self, contenders: &[usize]) -> usize {
        // ρ = left / (rich · c·d); compare a/b with c/d as a·d with c·b.
        let mut exact: Vec<(usize, BigInt, BigInt)> = Vec::with_capacity(contenders.len());
        for &t in contenders {
            let poor = self.poor_classes(t);
            let left = self.exact_left(t, &poor);
            exact.push((t, left, &self.cost[t] * self.price_of(t).rich));
        }
        let mut best = &exact[0];
        for candidate in &exact[1..] {
            let order = (&candidate.1 * &best.2).cmp(&(&best.1 * &candidate.2));
            if order == Ordering::Less || (order == Ordering::Equal && candidate.0 < best.0) {
                best = candidate;
            }
        }
        best.0
    }

    /// Funds `l` at its current price.
    fn fund(&mut self, l: usize) {
        let poor = self.poor_classes(l);
        let price = self.prices[l].take().expect("the winner has a price");
        self.alive[l] = false;
        // q = left / (d·rich); make d·rich/g the new common denominator.
        let left = self.exact_left(l, &poor);
        let rem = (&left % price.rich).to_u64().expect("a remainder below a u64");
        let g = rem.gcd(&price.rich);
        let q = left / g;
        let factor = price.rich / g;
        if factor > 1 {
            self.d *= factor;
            self.start *= factor;
            for x in self.paid.iter_mut().chain(self.cost.iter_mut()) {
                *x *= factor;
            }
        }
        let q_approx = Approx::from_ratio(&q, &self.d);
        let seq = self.paid.len() as u32;
        // New class of every paying class: nothing left for the poor (and for
        // the rich whose budget was exactly q), budget − q for the others.
        for &(k, _) in &poor {
            self.moves[k as usize] = ZERO_CLASS;
        }
        let mut entries = std::mem::take(&mut self.entries);
        self.gather(l, &mut entries);
        for &(k, _, _) in &entries {
            if self.moves[k as usize] != NO_CLASS {
                continue;
            }
            let budget = self.classes[k as usize].budget;
            let emptied = match budget.cmp(q_approx) {
                Some(Ordering::Greater) => false,
                _ => {
                    let mut after = self.exact_budget(k);
                    after -= &q;
                    after.is_zero()
                }
            };
            self.moves[k as usize] = if emptied {
                ZERO_CLASS
            } else {
                self.classes.push(Class {
                    parent: k,
                    paid: seq,
                    budget: budget.sub(q_approx),
                });
                self.scratch.push(0);
                self.moves.push(NO_CLASS);
                (self.classes.len() - 1) as u32
            };
        }
        self.paid.push(q);
        for &g in &self.data.supporters[l] {
            let g = g as usize;
            let old = self.group_class[g];
            if old != ZERO_CLASS {
                self.group_class[g] = self.moves[old as usize];
            }
        }
        for &(k, _, _) in &entries {
            self.moves[k as usize] = NO_CLASS;
        }
        self.entries = entries;
        for &r in &self.data.neighbours[l] {
            self.dirty[r as usize] = true;
        }
    }
}

/// A heap key that orders non-negative floats (negative bounds count as 0).
fn heap_key(lower: f64) -> u64 {
    if lower > 0.0 { lower.to_bits() } else { 0 }
}

/// Positive utilities per ballot: (project, utility) pairs.
pub(super) type Utilities = Vec<Vec<(u32, BigRational)>>;

/// `Additive_Cardinal_Sat`: the points a ballot gives (cumulative, scoring).
pub(super) fn points_utilities(election: &Election) -> Utilities {
    election
        .ballots
        .iter()
        .enumerate()
        .map(|(voter, ballot)| {
            ballot
                .iter()
                .zip(election.points_of(voter))
                .filter(|(_, v)| v.is_positive())
                .map(|(&p, v)| (p, v.clone()))
                .collect()
        })
        .collect()
}

/// Positional points of an ordinal ballot: `max_length − rank` (rank 0 first).
pub(super) fn positional_utilities(election: &Election) -> Utilities {
    debug_assert_eq!(election.vote_type, VoteType::Ordinal);
    let max_length = max_length(election);
    election
        .ballots
        .iter()
        .map(|ballot| {
            ballot
                .iter()
                .enumerate()
                .filter(|(rank, _)| max_length - (*rank as i64) > 0)
                .map(|(rank, &p)| (p, BigRational::from_integer(BigInt::from(max_length - rank as i64))))
                .collect()
        })
        .collect()
}

/// MES with arbitrary positive utilities (pabutools with `binary_sat=False`),
/// pricing every remaining project each round. Meant for the point-based
/// methods on cumulative and ordinal files, which are small.
pub(super) fn mes_general(election: &Election, utilities: &Utilities) -> Vec<usize> {
    let num_projects = election.projects.len();
    let groups = ballot_groups(utilities.iter().map(Vec::as_slice));
    let mut supporters: Vec<Vec<(usize, &BigRational)>> = vec![Vec::new(); num_projects];
    let mut total_sat = vec![BigRational::zero(); num_projects];
    for (g, (ballot, weight)) in groups.iter().enumerate() {
        for (p, u) in ballot {
            supporters[*p as usize].push((g, u));
            total_sat[*p as usize] += u * BigRational::from_integer(BigInt::from(*weight));
        }
    }
    let mut outcome = free_supported(election, |p| total_sat[p].is_positive());
    if election.num_voters() == 0 {
        return outcome;
    }
    let weight = |g: usize| BigRational::from_integer(BigInt::from(groups[g].1));
    let per_voter = &election.budget / BigRational::from_integer(BigInt::from(election.num_voters()));
    let mut budgets = vec![per_voter; groups.len()];
    let mut remaining: Vec<usize> = (0..num_projects)
        .filter(|&p| total_sat[p].is_positive() && election.projects[p].cost.is_positive())
        .collect();
    loop {
        let mut best: Option<(BigRational, usize)> = None;
        let mut still = Vec::with_capacity(remaining.len());
        for &p in &remaining {
            let cost = &election.projects[p].cost;
            let available = supporters[p]
                .iter()
                .fold(BigRational::zero(), |acc, &(g, _)| acc + &budgets[g] * weight(g));
            if available < *cost {
                continue; // dropped for good
            }
            still.push(p);
            let mut order = supporters[p].clone();
            order.sort_by(|&(g1, u1), &(g2, u2)| (&budgets[g1] / u1).cmp(&(&budgets[g2] / u2)));
            let mut paid = BigRational::zero();
            let mut denominator = total_sat[p].clone();
            for (g, u) in order {
                let rho = (cost - &paid) / &denominator;
                if &rho * u <= budgets[g] {
                    let better = match &best {
                        None => true,
                        Some((b, _)) => rho.cmp(b) == Ordering::Less,
                    };
                    if better {
                        best = Some((rho, p));
                    }
                    break;
                }
                paid += &budgets[g] * weight(g);
                denominator -= u * weight(g);
            }
        }
        remaining = still;
        let Some((rho, chosen)) = best else {
            return outcome;
        };
        for &(g, u) in &supporters[chosen] {
            let pay = (&rho * u).min(budgets[g].clone());
            budgets[g] -= pay;
        }
        remaining.retain(|&p| p != chosen);
        outcome.push(chosen);
    }
}
