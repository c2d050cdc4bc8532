//! A certificate that the Method of Equal Shares (cost utilities) funds the
//! same projects, in the same order but for some blocks of a few
//! consecutive rounds, at **every** per-voter budget of an interval: what
//! lets the add1 walks skip the steps where the funded projects stay.
//!
//! **Why it holds.** Fix an order `O` and a per-voter budget `b0 + t` for
//! `t` in `[0, h]`. Suppose every run in the interval made `O`'s choices up
//! to some round. Voters who supported the same funded projects (a *class*)
//! then have the same budget `β(t)`, and each class's budget is non-decreasing
//! in `t`: it starts at `b0 + t`, and after each round it is
//! `max(0, β − q)`, where the price `q` solving `Σ w·min(β, q) = c` can only
//! fall when budgets rise. This module keeps for every class two lines,
//! `L(t) ≤ β(t) ≤ U(t)` on the whole interval, starting from the exact line
//! `b0 + t`. A project's price `q` solves `Σ w·min(β, q) = c`; with budgets
//! that are lines, `(t, q) ↦ Σ w·min(β(t), q)` is concave, so the set where
//! it reaches `c` is convex and the price is a **convex** function of `t`.
//! Prices fall as budgets rise, so:
//!
//! - the winner's true price is at most `q_L` (priced with the lower lines),
//!   which is at most its chord between the ends of the interval;
//! - a rival's true price is at least `q_U` (priced with the upper lines),
//!   which is at least its tangent at either end, and, prices falling with
//!   `t`, at least the true price at the far end, itself at least `q_U(h)`.
//!
//! If the winner's upper bound stays below every live rival's lower bound
//! over the whole interval (a convex piecewise-linear difference, checked at
//! its kinks), the winner wins that round at every `t`. Its supporters then
//! pay `min(β, q)`, so their new budget `max(0, β − q)` lies between
//! `L − chord` and the chord of `max(0, U − tangent)` (convex, so below its
//! chord): lines again, and the next round is checked the same way. After
//! `O`'s last round, every project left must be out of its supporters'
//! reach under the upper lines (a sum of lines: checked at both ends).
//! By induction, every run in the interval funds `O` and stops there.
//!
//! **Reordered rounds.** When the project that may beat `O[i]` is one a
//! few rounds later in `O` (at most [`MAX_BLOCK`] rounds from `O[i]`), the
//! rounds up to it form a block checked in every order: every project
//! outside the block must lose to the smallest of the block's upper bounds
//! (a concave minimum of lines, so the gap is still convex), so one of
//! those takes the round; each of them that may (unless another's upper
//! bound stays below its lower bound) is funded from the bounds of now,
//! and so on until the block is funded. Each class's bounds afterwards
//! hold for all the orders followed: from below the chord of the smallest
//! lower bound (a minimum of concave functions is concave), from above the
//! chords of the largest of one line of each upper bound (a maximum of
//! lines is convex). At each `t` one of the orders happened, so its budget
//! lies between. Classes after a block are the same in every order (voters
//! who supported the same projects), numbered by their first ballot group.
//! When, in one of those orders, a project a little further in `O` may
//! take a round of the block, the block grows to it. On Budapest 2024, 88
//! of the 123 changes of the add1 walk only reorder the funded projects;
//! with blocks the walk runs MES 154 times instead of 274.
//!
//! A rival's lower bound from an earlier round stays valid later (budgets
//! only fall during a run), so rivals are priced again only when their kept
//! bound does not beat the winner (bounds made inside one order of a block
//! are dropped after it). Floating-point values carry their error:
//! every price is widened by a bound on the rounding of the sums it came
//! from, and comparisons need a positive margin, so the certificate may fail
//! where exact arithmetic would succeed (ties, races decided by a hair), never
//! the other way; the walk then runs that step exactly.
//!
//! Unlike a comparison of two runs at the ends of the interval (where the
//! winner at one end must beat the rivals at the other), this follows each
//! price's slope, so an interval is certified up to about the step where a
//! race is really lost: on Budapest 2024 the outcome changes 124 times in
//! 22,001 one-unit steps.

use rustc_hash::FxHashMap;

use super::approx::ULP;
use super::mes::CostData;
use blocks::MAX_BLOCK;

mod blocks;

/// Passes of the poor/rich iteration before sorting instead.
const MAX_PASSES: usize = 16;

/// A line over `[0, h]`, kept by its values at both ends.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Line {
    start: f64,
    end: f64,
}

impl Line {
    const ZERO: Line = Line { start: 0.0, end: 0.0 };

    fn at(self, s: f64, h: f64) -> f64 {
        if h > 0.0 {
            self.start + (self.end - self.start) * (s / h)
        } else {
            self.start
        }
    }

    fn slope(self, h: f64) -> f64 {
        if h > 0.0 { (self.end - self.start) / h } else { 0.0 }
    }

    /// Moved down by the rounding its values may carry.
    fn widened_down(self) -> Line {
        Line {
            start: self.start - 4.0 * ULP * self.start.abs(),
            end: self.end - 4.0 * ULP * self.end.abs(),
        }
    }

    fn widened_up(self) -> Line {
        Line {
            start: self.start + 4.0 * ULP * self.start.abs(),
            end: self.end + 4.0 * ULP * self.end.abs(),
        }
    }
}

/// A concave bound: the smaller of two lines, one tight at each end.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Env {
    first: Line,
    second: Line,
}

impl Env {
    const ZERO: Env = Env::line(Line::ZERO);

    const fn line(line: Line) -> Env {
        Env {
            first: line,
            second: line,
        }
    }

    /// The smallest of `lines` at each end (all valid bounds from above).
    fn tightest(lines: impl Iterator<Item = Line>) -> Env {
        let mut first = Line {
            start: f64::INFINITY,
            end: f64::INFINITY,
        };
        let mut second = first;
        for line in lines {
            // Ties: the smaller slope at the start, the larger at the end.
            if line.start < first.start || (line.start == first.start && line.end < first.end) {
                first = line;
            }
            if line.end < second.end || (line.end == second.end && line.start < second.start) {
                second = line;
            }
        }
        Env { first, second }
    }

    fn start(&self) -> f64 {
        self.first.start.min(self.second.start)
    }

    fn end(&self) -> f64 {
        self.first.end.min(self.second.end)
    }

    /// The slope of the line that is smallest just after the start (`at_end`
    /// false) or just before the end.
    fn slope(&self, at_end: bool, h: f64) -> f64 {
        let (a, b) = (self.first, self.second);
        let line = if at_end {
            if a.end < b.end || (a.end == b.end && a.start < b.start) {
                a
            } else {
                b
            }
        } else if a.start < b.start || (a.start == b.start && a.end < b.end) {
            a
        } else {
            b
        };
        line.slope(h)
    }

    fn lines(&self) -> [Line; 2] {
        [self.first, self.second]
    }
}

/// Voters who supported the same funded projects so far: bounds on their
/// budget, both concave (see the module's argument).
#[derive(Clone, Copy)]
struct Class {
    lower: Env,
    upper: Env,
}

/// What prices read of the classes, worked out once when each is made (a
/// class is priced many times: for every project its voters support, at
/// both ends, with both bounds), one column per bound and end so that a
/// pricing reads only what it needs.
#[derive(Default)]
struct Views {
    /// Whether it may have something left (its upper bound is not zero).
    alive: Vec<bool>,
    /// (value, slope) of each class, by [`column`].
    columns: [Vec<(f64, f64)>; 4],
}

impl Views {
    fn push(&mut self, class: &Class, h: f64) {
        self.alive.push(class.upper != Env::ZERO);
        for upper in [false, true] {
            let env = if upper { class.upper } else { class.lower };
            for at_end in [false, true] {
                let value = if at_end { env.end() } else { env.start() };
                self.columns[column(upper, at_end)].push((value, env.slope(at_end, h)));
            }
        }
    }

    fn truncate(&mut self, n: usize) {
        self.alive.truncate(n);
        self.columns.iter_mut().for_each(|c| c.truncate(n));
    }
}

/// The column of [`Views`] of the upper or lower bounds, at the end or start.
fn column(upper: bool, at_end: bool) -> usize {
    2 * usize::from(upper) + usize::from(at_end)
}

/// The class of the voters who have paid nothing yet. (Voters surely left
/// with nothing stay in their own classes, whose bounds are then zero, so
/// that classes depend on the order alone.)
const ROOT: u32 = 0;
const NONE: u32 = u32::MAX;

/// Which budgets a price is computed with.
#[derive(Clone, Copy, PartialEq)]
enum Budgets {
    Lower,
    /// The lower bounds, taken as at least 0 (valid at one point only:
    /// the price is then not a convex function of the budget).
    LowerAtLeastZero,
    Upper,
}

/// A price at one end of the interval, with a bound on its rounding error.
#[derive(Clone, Copy)]
struct EndPrice {
    q: f64,
    err: f64,
    /// The price's derivative in `t` there, when no class is too close to
    /// the price to say whether it pays in full.
    slope: Option<f64>,
    /// Every supporter surely holds at least the price, so it is exactly
    /// the cost over their weight.
    all_pay: bool,
    /// The weight of the supporters who may have something left.
    reach: u64,
}

/// A lower bound on a rival's ρ over the interval: the largest of its
/// tangents at both ends (when known) and of a constant.
#[derive(Clone, Copy)]
struct RivalBound {
    start: Option<Line>,
    end: Option<Line>,
    floor: f64,
    /// Before this offset the project is out of its supporters' reach.
    from: f64,
    /// The weight of its supporters who may have something left: ρ is at
    /// least one over it (they cannot each pay less than cost / weight).
    reach: u64,
    /// Priced at the far end only (no tangents): enough to beat the winner
    /// it was priced against, priced again in full when that is not enough.
    partial: bool,
}

impl RivalBound {
    fn at(&self, s: f64, h: f64) -> f64 {
        if s < self.from {
            return f64::INFINITY;
        }
        let mut v = self.floor;
        for line in [self.start, self.end].into_iter().flatten() {
            v = v.max(line.at(s, h));
        }
        v
    }
}

/// Why an interval is not certified: the offset from its start where the
/// winner of some round may lose, or where a project left may become
/// affordable (an estimate used to choose the next interval to try).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Fails {
    pub at: f64,
    /// The project (local index) that may take a round it should not, if
    /// that is why.
    rival: Option<usize>,
}

impl Fails {
    const AT_START: Fails = Fails { at: 0.0, rival: None };
}

/// What a project that may take the round costs at most and at least:
/// bounds on its payment and on its ρ over the interval.
#[derive(Clone, Copy)]
struct Contender {
    local: usize,
    /// Upper bound on its payment: the chord of `q_L`.
    chord: Line,
    /// Lower bounds on its payment (tangents of `q_U`, `q_U` at the far end).
    paid_floor: RivalBound,
    /// Lower bounds on its ρ (the same divided by its cost).
    rho_floor: RivalBound,
    /// Upper bounds on its ρ: `min(rho_cap(s), rho_cap_start)`.
    rho_cap: Line,
    rho_cap_start: f64,
    /// When every supporter surely pays its price: their weight (ρ is then
    /// exactly one over it).
    weight: Option<u64>,
}

impl Contender {
    fn cap(&self) -> (Line, f64) {
        (self.rho_cap, self.rho_cap_start)
    }
}

/// The node of no event yet.
const ROOT_NODE: u32 = 0;

/// Reusable buffers for checking intervals against one election's data.
pub(super) struct IntervalCheck<'d> {
    data: &'d CostData,
    h: f64,
    classes: Vec<Class>,
    /// Per class: what prices read of it.
    views: Views,
    group_class: Vec<u32>,
    /// Per class: weight being added up (scratch), and its new class while funding.
    scratch: Vec<u64>,
    moves: Vec<u32>,
    touched: Vec<u32>,
    /// (class, weight) of the supporters of the project being priced.
    entries: Vec<(u32, u64)>,
    /// (value, weight, slope) sorted for a pricing.
    sweep: Vec<(f64, u64, f64)>,
    /// Projects funded so far in the check being made.
    rounds: usize,
    funded: Vec<bool>,
    /// Rivals surely out of their supporters' reach for the rest of the run.
    gone: Vec<bool>,
    dirty: Vec<bool>,
    bounds: Vec<Option<RivalBound>>,
    /// Supporters by class of each project after a sequence of funding
    /// events (classes depend on it alone), by the sequence's node.
    cache: FxHashMap<(u32, u32), Vec<(u32, u64)>>,
    /// The sequences met so far as a tree: (node, event) to node.
    paths: FxHashMap<(u32, u64), u32>,
    /// Nodes given out so far, and the node of the events of this check.
    nodes: u32,
    node: u32,
    /// Entries held in `cache`, and how many it may hold.
    cached: usize,
    cache_limit: usize,
}

impl<'d> IntervalCheck<'d> {
    pub(super) fn new(data: &'d CostData) -> IntervalCheck<'d> {
        let n = data.projects.len();
        IntervalCheck {
            data,
            h: 0.0,
            classes: Vec::new(),
            views: Views::default(),
            group_class: Vec::new(),
            scratch: Vec::new(),
            moves: Vec::new(),
            touched: Vec::new(),
            entries: Vec::new(),
            sweep: Vec::new(),
            rounds: 0,
            funded: vec![false; n],
            gone: vec![false; n],
            dirty: vec![true; n],
            bounds: vec![None; n],
            cache: FxHashMap::default(),
            paths: FxHashMap::default(),
            nodes: 1,
            node: ROOT_NODE,
            cached: 0,
            // Twice the supporters' lists, whatever the number of checks.
            cache_limit: 2 * data.supporters.iter().map(Vec::len).sum::<usize>() + 1024,
        }
    }

    /// Whether MES with cost utilities funds exactly the projects of
    /// `order` (election project indices, in funding order) at every
    /// per-voter budget in `[from, from + h]`, in that order but within
    /// blocks of a few consecutive rounds.
    pub(super) fn holds(&mut self, order: &[usize], from: f64, h: f64) -> Result<(), Fails> {
        self.reset(from, h);
        let local: Option<Vec<usize>> = order
            .iter()
            .map(|&p| {
                let w = self.data.local[p];
                (w != u32::MAX).then_some(w as usize)
            })
            .collect();
        let Some(order) = local else {
            return Err(Fails::AT_START);
        };
        let mut i = 0;
        while i < order.len() {
            let fails = match self.round(order[i]) {
                Ok(()) => {
                    i += 1;
                    continue;
                }
                Err(fails) => fails,
            };
            // A project a few rounds later may come first: every order of
            // the rounds up to it is followed, and the bounds joined; one
            // further on that may take a round inside joins the block.
            let window = &order[i..order.len().min(i + MAX_BLOCK)];
            let position = |rival: Option<usize>| rival.and_then(|r| window.iter().position(|&x| x == r));
            let Some(mut last) = position(fails.rival) else {
                return Err(fails);
            };
            loop {
                match self.any_order(&window[..=last]) {
                    Ok(()) => break,
                    Err(again) => match position(again.rival) {
                        Some(further) if further > last => last = further,
                        _ if again.rival.is_some() => return Err(again),
                        _ => return Err(fails),
                    },
                }
            }
            i += last + 1;
        }
        self.nothing_left()
    }

    /// Moves to the node of the events so far followed by `event`.
    fn step(&mut self, event: u64) {
        let key = (self.node, event);
        self.node = match self.paths.get(&key) {
            Some(&node) => node,
            None => {
                let node = self.fresh_node();
                self.paths.insert(key, node);
                node
            }
        };
    }

    /// A node never given out before.
    fn fresh_node(&mut self) -> u32 {
        self.nodes += 1;
        self.nodes - 1
    }

    fn reset(&mut self, from: f64, h: f64) {
        self.h = h;
        self.rounds = 0;
        self.node = ROOT_NODE;
        let root = Line {
            start: from,
            end: from + h,
        };
        self.classes.clear();
        self.views.truncate(0);
        self.push_class(Class {
            lower: Env::line(root.widened_down()),
            upper: Env::line(root.widened_up()),
        });
        self.scratch.clear();
        self.scratch.resize(1, 0);
        self.moves.clear();
        self.moves.resize(1, NONE);
        self.group_class.clear();
        self.group_class.resize(self.data.groups.len(), ROOT);
        for v in [&mut self.funded, &mut self.gone] {
            v.iter_mut().for_each(|x| *x = false);
        }
        self.dirty.iter_mut().for_each(|x| *x = true);
        self.bounds.iter_mut().for_each(|x| *x = None);
    }

    fn push_class(&mut self, class: Class) {
        self.views.push(&class, self.h);
        self.classes.push(class);
    }

    /// Checks that `w` wins this round at every budget of the interval, then
    /// funds it.
    fn round(&mut self, w: usize) -> Result<(), Fails> {
        if self.funded[w] || self.gone[w] {
            return Err(Fails::AT_START);
        }
        let Some(winner) = self.contender(w)? else {
            return Err(Fails::AT_START);
        };
        self.rivals_lose(&[winner])?;
        self.fund(w, winner.chord, &winner.paid_floor);
        Ok(())
    }

    /// Bounds on what `w` would cost and pay if it took this round, or
    /// `None` if it is out of its supporters' reach throughout (under the
    /// upper lines at the far end); fails if it may be out of reach only
    /// in part of the interval.
    fn contender(&mut self, w: usize) -> Result<Option<Contender>, Fails> {
        let h = self.h;
        self.gather(w);
        let cost = self.data.cost_approx[w].v;
        let Some(up_end) = self.price(cost, Budgets::Upper, true) else {
            return Ok(None);
        };
        // Upper bound on the winner's price: the chord of q_L.
        let (Some(low_start), Some(low_end)) = (
            self.price(cost, Budgets::Lower, false),
            self.price(cost, Budgets::Lower, true),
        ) else {
            return Err(Fails::AT_START);
        };
        let weight = (low_start.all_pay && low_end.all_pay).then_some(low_start.reach);
        let chord = Line {
            start: low_start.q + low_start.err,
            end: low_end.q + low_end.err,
        }
        .widened_up();
        // Lower bounds on it: tangents of q_U at both ends, and q_U at the far end.
        let Some(up_start) = self.price(cost, Budgets::Upper, false) else {
            return Err(Fails::AT_START);
        };
        let paid_floor = rival_bound(Some(&up_start), &up_end, 1.0, h);
        let rho_floor = rival_bound(Some(&up_start), &up_end, cost, h);
        // ρ = q / c: the winner's bound over the interval.
        let rho_cap = Line {
            start: chord.start / cost,
            end: chord.end / cost,
        }
        .widened_up();
        // Prices fall as budgets rise, so the price at the start bounds the
        // winner's everywhere; there a budget's lower bound may be taken as
        // at least 0 (no convexity needed for one point).
        let Some(flat) = self.price(cost, Budgets::LowerAtLeastZero, false) else {
            return Err(Fails::AT_START);
        };
        let rho_cap_start = (((flat.q + flat.err) / cost) * (1.0 + 4.0 * ULP)).min(rho_cap.start);
        Ok(Some(Contender {
            local: w,
            chord,
            paid_floor,
            rho_floor,
            rho_cap,
            rho_cap_start,
            weight,
        }))
    }

    /// Checks that every project left but `contenders` surely loses this
    /// round to one of them, at every budget of the interval.
    fn rivals_lose(&mut self, contenders: &[Contender]) -> Result<(), Fails> {
        let caps: Vec<(Line, f64)> = contenders.iter().map(Contender::cap).collect();
        // A rival whose ρ stays above this everywhere surely loses.
        let out_of_the_race =
            contenders.iter().map(|c| c.rho_cap_start).fold(f64::INFINITY, f64::min) * (1.0 + 8.0 * ULP);
        let mut earliest: Option<(f64, usize)> = None;
        for x in 0..self.funded.len() {
            if self.funded[x] || self.gone[x] || contenders.iter().any(|c| c.local == x) {
                continue;
            }
            // Exact ties: when every supporter of a contender pays its price
            // at both ends (so everywhere: the price is convex and at least
            // cost / weight), ρ is exactly one over their weight, and a rival
            // with no more weight that comes later in the order never wins.
            let tied_out = |bound: &RivalBound| {
                contenders.iter().any(|c| {
                    c.weight
                        .is_some_and(|r| bound.reach < r || (bound.reach == r && x > c.local))
                })
            };
            let settled = match &self.bounds[x] {
                None => false,
                Some(bound) => bound.floor > out_of_the_race || tied_out(bound) || self.beats(x, &caps).is_none(),
            };
            if settled {
                continue;
            }
            if self.dirty[x] || self.bounds[x].is_none_or(|bound| bound.partial) {
                self.reprice_rival(x, out_of_the_race);
                if self.gone[x] {
                    continue;
                }
            }
            if tied_out(&self.bounds[x].expect("priced")) {
                continue;
            }
            if let Some(at) = self.beats(x, &caps) {
                // The earliest such point over this round's rivals.
                if earliest.is_none_or(|(e, _)| at < e) {
                    earliest = Some((at, x));
                }
            }
        }
        match earliest {
            Some((at, x)) => Err(Fails { at, rival: Some(x) }),
            None => Ok(()),
        }
    }

    /// Where rival `x`'s kept lower bound may come below the smallest of
    /// the contenders' upper bounds `min(cap(s), cap_start)`, or `None` if
    /// it stays above them.
    fn beats(&self, x: usize, caps: &[(Line, f64)]) -> Option<f64> {
        above(&self.bounds[x].expect("a priced rival"), caps, self.h)
    }

    /// Prices rival `x` with the upper lines and keeps its bound: at the
    /// far end only when its ρ there is above `enough` (ρ is lowest there,
    /// so the rival then loses to a winner under `enough` everywhere), else
    /// at both ends.
    fn reprice_rival(&mut self, x: usize, enough: f64) {
        self.gather(x);
        let cost = self.data.cost_approx[x].v;
        self.dirty[x] = false;
        let Some(end) = self.price(cost, Budgets::Upper, true) else {
            // Out of reach under the upper lines at the far end, hence
            // everywhere: its supporters' budgets only fall from here.
            self.gone[x] = true;
            return;
        };
        let quick = RivalBound {
            reach: end.reach,
            ..rival_bound(None, &end, cost, self.h)
        };
        if quick.floor > enough {
            self.bounds[x] = Some(RivalBound { partial: true, ..quick });
            return;
        }
        match self.price(cost, Budgets::Upper, false) {
            None => {
                // Out of reach at the start, within it at the end: what the
                // supporters hold is a concave function of the offset, below
                // its tangent at the start, so out of reach until that
                // tangent reaches the cost.
                let mut bound = quick;
                let (mut held, mut growth, mut size) = (0.0, 0.0, 0.0);
                let views = &self.views.columns[column(true, false)];
                for &(k, weight) in &self.entries {
                    let (value, slope) = views[k as usize];
                    held += value * weight as f64;
                    growth += slope * weight as f64;
                    size += value.abs() * weight as f64;
                }
                let err = 4.0 * (self.entries.len() as f64 + 4.0) * ULP * (size + cost);
                if growth > 0.0 {
                    let short = cost - held - err;
                    bound.from = ((short / growth) * (1.0 - 16.0 * ULP)).clamp(0.0, self.h);
                }
                self.bounds[x] = Some(bound);
            }
            Some(start) => {
                let mut lower = rival_bound(Some(&start), &end, cost, self.h);
                lower.reach = start.reach;
                self.bounds[x] = Some(lower);
            }
        }
    }

    /// Checks that no project left can be paid by its supporters anywhere
    /// in the interval.
    fn nothing_left(&mut self) -> Result<(), Fails> {
        let [.., start, end] = &self.views.columns;
        for x in 0..self.funded.len() {
            if self.funded[x] || self.gone[x] {
                continue;
            }
            let cost = self.data.cost_approx[x].v;
            // Σ w·U is concave: below the cost at both ends, below it
            // throughout (the upper bounds are at least 0, so the sizes
            // are the sums themselves).
            let (mut held_start, mut held_end) = (0.0, 0.0);
            let supporters = &self.data.supporters[x];
            for &g in supporters {
                let k = self.group_class[g as usize] as usize;
                let weight = self.data.group_weight[g as usize] as f64;
                held_start += start[k].0 * weight;
                held_end += end[k].0 * weight;
            }
            let size = held_start.max(held_end);
            let err = 4.0 * (supporters.len() as f64 + 4.0) * ULP * (size + cost);
            if held_end + err >= cost {
                let at = if held_start + err >= cost || held_end <= held_start {
                    0.0
                } else {
                    self.h * (cost - err - held_start) / (held_end - held_start)
                };
                return Err(Fails {
                    at: at.max(0.0),
                    rival: None,
                });
            }
            self.gone[x] = true;
        }
        Ok(())
    }

    /// Fills `entries` with the supporters of local project `l` by class
    /// (classes with something possibly left).
    fn gather(&mut self, l: usize) {
        if self.rounds == 0 {
            // Before the first payment every voter is in the root class.
            self.entries.clear();
            self.entries.push((ROOT, self.data.weights[l]));
            return;
        }
        let key = (self.node, l as u32);
        if let Some(cached) = self.cache.get(&key) {
            self.entries.clear();
            self.entries.extend_from_slice(cached);
            return;
        }
        for &g in &self.data.supporters[l] {
            let k = self.group_class[g as usize];
            let slot = &mut self.scratch[k as usize];
            if *slot == 0 {
                self.touched.push(k);
            }
            *slot += self.data.group_weight[g as usize];
        }
        self.entries.clear();
        for k in self.touched.drain(..) {
            self.entries.push((k, std::mem::take(&mut self.scratch[k as usize])));
        }
        if self.cached + self.entries.len() > self.cache_limit {
            self.cache.clear();
            self.paths.clear();
            self.cached = 0;
        }
        self.cached += self.entries.len();
        self.cache.insert(key, self.entries.clone());
    }

    /// The price of the gathered project with the upper (or lower) lines at
    /// the end (or start) of the interval, or `None` if its supporters do
    /// not hold its cost there.
    fn price(&mut self, cost: f64, bound: Budgets, at_end: bool) -> Option<EndPrice> {
        self.sweep.clear();
        let views = &self.views.columns[column(bound == Budgets::Upper, at_end)];
        let (mut reach, mut size) = (0u64, 0.0);
        for &(k, weight) in &self.entries {
            if !self.views.alive[k as usize] {
                continue;
            }
            let (mut value, slope) = views[k as usize];
            if bound == Budgets::LowerAtLeastZero {
                value = value.max(0.0);
            }
            reach += weight;
            size += value.abs() * weight as f64;
            self.sweep.push((value, weight, slope));
        }
        let mut rich = reach;
        let mut left = cost;
        // pabutools' iteration: guess q with everyone paying it, move those
        // below it to paying all they have, repeat (q only rises). The
        // entries paying all they have are moved to the end, out of the
        // next passes. Many passes are rare; then sort and sweep once.
        // `poor`: where the entries paying all they have are.
        let mut paying = self.sweep.len();
        let mut poor = paying..self.sweep.len();
        let mut settled = false;
        for _ in 0..MAX_PASSES {
            if rich == 0 {
                return None;
            }
            let q = left / rich as f64;
            let before = paying;
            let mut j = 0;
            while j < paying {
                let e = self.sweep[j];
                if e.0 < q {
                    left -= e.0 * e.1 as f64;
                    rich -= e.1;
                    paying -= 1;
                    self.sweep.swap(j, paying);
                } else {
                    j += 1;
                }
            }
            poor = paying..self.sweep.len();
            if paying == before {
                settled = true;
                break;
            }
        }
        if !settled {
            self.sweep.sort_by(|a, b| a.0.total_cmp(&b.0));
            rich = self.sweep.iter().map(|e| e.1).sum();
            left = cost;
            let mut split = None;
            for (j, e) in self.sweep.iter().enumerate() {
                if e.0 * rich as f64 >= left {
                    split = Some(j);
                    break;
                }
                left -= e.0 * e.1 as f64;
                rich -= e.1;
            }
            poor = 0..split?;
        }
        let q = left / rich as f64;
        let err = 8.0 * (self.sweep.len() as f64 + 4.0) * ULP * (cost + size) / rich as f64 + 4.0 * ULP * q.abs();
        // Classes within the error of q might pay in full or not: then the
        // slope is not known.
        let close = |v: f64| (v - q).abs() <= 2.0 * err + 8.0 * ULP * v.abs();
        let (mut any_close, mut all_pay, mut poor_slope) = (false, true, 0.0);
        for (j, e) in self.sweep.iter().enumerate() {
            any_close |= close(e.0);
            all_pay &= e.0 > q + 2.0 * err + 8.0 * ULP * e.0.abs();
            if poor.contains(&j) {
                poor_slope += e.1 as f64 * e.2;
            }
        }
        let slope = (!any_close).then(|| -poor_slope / rich as f64);
        Some(EndPrice {
            q,
            err,
            slope,
            all_pay,
            reach,
        })
    }

    /// Funds `w`: its supporters pay, their classes move on.
    fn fund(&mut self, w: usize, chord: Line, price_floor: &RivalBound) {
        self.funded[w] = true;
        self.rounds += 1;
        // The payment is at least each of the price's lower bounds.
        let floors: Vec<Line> = [price_floor.start, price_floor.end]
            .into_iter()
            .flatten()
            .chain(std::iter::once(Line {
                start: price_floor.floor,
                end: price_floor.floor,
            }))
            .collect();
        self.gather(w);
        let entries = std::mem::take(&mut self.entries);
        for &(k, _) in &entries {
            let class = self.classes[k as usize];
            // Lower: L − chord stays concave; nothing left at both ends
            // means at least nothing.
            let lower = Env {
                first: minus(class.lower.first, chord).widened_down(),
                second: minus(class.lower.second, chord).widened_down(),
            };
            let lower = if lower.start() <= 0.0 && lower.end() <= 0.0 {
                Env::ZERO
            } else {
                lower
            };
            // Upper: max(0, U − q) ≤ max(0, u − T) for each line u of U and
            // each lower bound T of q. While that stays above 0 at both ends
            // the concave min of those lines bounds it; otherwise (the class
            // may pay all it has in part of the interval) the chord of the
            // best max(0, u − T), a convex function.
            let differences = class
                .upper
                .lines()
                .into_iter()
                .flat_map(|u| floors.iter().map(move |&t| minus(u, t)));
            let concave = Env::tightest(differences.clone());
            let upper = if concave.start() > 0.0 && concave.end() > 0.0 {
                Env {
                    first: concave.first.widened_up(),
                    second: concave.second.widened_up(),
                }
            } else {
                let chords = Env::tightest(differences.map(|l| Line {
                    start: l.start.max(0.0),
                    end: l.end.max(0.0),
                }));
                Env {
                    first: chords.first.widened_up(),
                    second: chords.second.widened_up(),
                }
            };
            // Every class gets a child, even one surely left with nothing
            // (it then weighs nothing in prices): the classes then depend
            // on the order alone, and so can the supporters' entries kept
            // from one interval to the next.
            let class = if upper.start() <= 0.0 && upper.end() <= 0.0 {
                Class {
                    lower: Env::ZERO,
                    upper: Env::ZERO,
                }
            } else {
                Class { lower, upper }
            };
            self.push_class(class);
            self.scratch.push(0);
            self.moves.push(NONE);
            self.moves[k as usize] = (self.classes.len() - 1) as u32;
        }
        for &g in &self.data.supporters[w] {
            let old = self.group_class[g as usize];
            self.group_class[g as usize] = self.moves[old as usize];
        }
        for &(k, _) in &entries {
            self.moves[k as usize] = NONE;
        }
        self.entries = entries;
        self.step(w as u64);
        for &r in &self.data.neighbours[w] {
            self.dirty[r as usize] = true;
        }
    }
}

/// Lower bounds on a price (divided by `scale`) over `[0, h]` from its
/// values at both ends: tangents where the slope is known, and the value at
/// the far end (prices fall as budgets rise).
fn rival_bound(start: Option<&EndPrice>, end: &EndPrice, scale: f64, h: f64) -> RivalBound {
    let down = |v: f64| (v / scale) * (1.0 - 4.0 * ULP);
    // A tangent's slope carries rounding too: take off its possible drift
    // over the interval.
    let tangent = |at: &EndPrice, from_start: bool| {
        at.slope.map(|slope| {
            let drift = 16.0 * ULP * slope.abs() * h;
            let base = at.q - at.err - drift;
            let line = if from_start {
                Line {
                    start: base,
                    end: base + slope * h,
                }
            } else {
                Line {
                    start: base - slope * h,
                    end: base,
                }
            };
            Line {
                start: down(line.start),
                end: down(line.end),
            }
        })
    };
    RivalBound {
        start: start.and_then(|start| tangent(start, true)),
        end: tangent(end, false),
        floor: down(end.q - end.err),
        from: 0.0,
        reach: u64::MAX,
        partial: false,
    }
}

/// Where `bound` may come below the smallest of the upper bounds
/// `min(cap(s), cap_start)` of `caps` over `[0, h]` (a convex
/// piecewise-linear gap, checked at its kinks), or `None` if it stays above.
fn above(bound: &RivalBound, caps: &[(Line, f64)], h: f64) -> Option<f64> {
    let mut points = vec![0.0, h];
    let lines: Vec<Line> = [bound.start, bound.end].into_iter().flatten().collect();
    let floor = Line {
        start: bound.floor,
        end: bound.floor,
    };
    let ceilings: Vec<Line> = caps
        .iter()
        .flat_map(|&(cap, start)| [cap, Line { start, end: start }])
        .collect();
    let mut kinks = |a: Line, b: Line| {
        if let Some(s) = crossing(a, b, h) {
            points.push(s);
        }
    };
    for &line in &lines {
        kinks(line, floor);
    }
    if lines.len() == 2 {
        kinks(lines[0], lines[1]);
    }
    for (i, &a) in ceilings.iter().enumerate() {
        for &b in &ceilings[i + 1..] {
            kinks(a, b);
        }
    }
    if bound.from > 0.0 {
        points.push(bound.from);
    }
    points.retain(|&s| s >= bound.from);
    points.sort_by(f64::total_cmp);
    let margin = |v: f64| v - 8.0 * ULP * v.abs();
    let ceiling = |s: f64| ceilings.iter().map(|c| c.at(s, h)).fold(f64::INFINITY, f64::min);
    let gap = |s: f64| margin(bound.at(s, h)) - ceiling(s);
    let mut previous: Option<(f64, f64)> = None;
    for s in points {
        let g = gap(s);
        if g <= 0.0 {
            return Some(match previous {
                Some((ps, pg)) if s > ps => ps + (s - ps) * pg / (pg - g),
                _ => s,
            });
        }
        previous = Some((s, g));
    }
    None
}

fn minus(a: Line, b: Line) -> Line {
    Line {
        start: a.start - b.start,
        end: a.end - b.end,
    }
}

/// Where lines `a` and `b` cross strictly inside `(0, h)`.
fn crossing(a: Line, b: Line, h: f64) -> Option<f64> {
    let d0 = a.start - b.start;
    let d1 = a.end - b.end;
    if h > 0.0 && (d0 < 0.0) != (d1 < 0.0) && d0 != d1 {
        let s = h * d0 / (d0 - d1);
        (s > 0.0 && s < h).then_some(s)
    } else {
        None
    }
}
