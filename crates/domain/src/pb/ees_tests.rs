//! Exact Equal Shares and its completions against plain implementations of
//! the paper's definitions (Kraiczy, Robinson and Elkind, "Streamlining
//! Equal Shares", 2025): one voter at a time, exact rationals, and the next
//! budget where the outcome changes found by trying, in increasing order,
//! every budget at which some comparison of a run flips.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, Zero};
use proptest::prelude::*;

use super::approx::Approx;
use super::ees::{self, Completion};
use super::ees_interval::{Certifier, Ees};
use super::mes::{CostData, eligible};
use super::states::{self, Goal, Pricing, Scratch, State};
use super::tests::{election_of, numbered, real_elections, xorshift};
use super::*;
use super::{ees_clear, ees_stop};

fn q(n: i64, d: i64) -> BigRational {
    BigRational::new(BigInt::from(n), BigInt::from(d))
}

/// A plain EES run: per round, the project funded and its payers (voter
/// indices, ascending), and every voter's budget at the start of each round
/// (one more entry than rounds: the budgets left at the end).
struct Plain {
    rounds: Vec<(usize, Vec<usize>)>,
    budgets: Vec<Vec<BigRational>>,
}

impl Plain {
    /// The outcome as the paper compares them: funded projects with their
    /// payers, in no particular order.
    fn outcome(&self) -> Vec<(usize, Vec<usize>)> {
        let mut rounds = self.rounds.clone();
        rounds.sort();
        rounds
    }

    fn order(&self) -> Vec<usize> {
        self.rounds.iter().map(|r| r.0).collect()
    }

    fn cost(&self, e: &Election) -> BigRational {
        self.rounds
            .iter()
            .fold(BigRational::zero(), |sum, r| sum + &e.projects[r.0].cost)
    }
}

fn supporters(e: &Election, p: usize) -> Vec<usize> {
    (0..e.ballots.len())
        .filter(|&v| e.ballots[v].contains(&(p as u32)))
        .collect()
}

/// The most payers `p` can have with these budgets: the largest `t` such
/// that at least `t` supporters have `cost / t`, and those supporters.
fn plain_payers(e: &Election, p: usize, budgets: &[BigRational]) -> (usize, Vec<usize>) {
    let supporters = supporters(e, p);
    for t in (1..=supporters.len()).rev() {
        let share = &e.projects[p].cost / BigRational::from_integer(BigInt::from(t));
        let able: Vec<usize> = supporters.iter().copied().filter(|&v| budgets[v] >= share).collect();
        if able.len() >= t {
            assert_eq!(able.len(), t, "exactly t supporters can pay at the largest t");
            return (t, able);
        }
    }
    (0, Vec::new())
}

fn plain_ees(e: &Election, per_voter: &BigRational) -> Plain {
    let candidates = eligible(e);
    let mut budgets = vec![per_voter.clone(); e.num_voters()];
    let mut plain = Plain {
        rounds: Vec::new(),
        budgets: vec![budgets.clone()],
    };
    loop {
        let mut best: Option<(usize, usize, Vec<usize>)> = None;
        for &p in &candidates {
            if plain.rounds.iter().any(|r| r.0 == p) {
                continue;
            }
            let (t, payers) = plain_payers(e, p, &budgets);
            if t > 0 && best.as_ref().is_none_or(|b| t > b.1) {
                best = Some((p, t, payers));
            }
        }
        let Some((p, t, payers)) = best else {
            return plain;
        };
        let share = &e.projects[p].cost / BigRational::from_integer(BigInt::from(t));
        for &v in &payers {
            budgets[v] -= &share;
        }
        plain.rounds.push((p, payers));
        plain.budgets.push(budgets.clone());
    }
}

/// Every `d > 0` at which a comparison of this run flips: some supporter's
/// budget at the start of some round, plus `d`, reaching some `cost / t` of
/// a project not funded before that round (only those of `only`, if given).
fn flips(e: &Election, plain: &Plain, only: Option<&[usize]>) -> Vec<BigRational> {
    let mut ds = Vec::new();
    for (i, budgets) in plain.budgets.iter().enumerate() {
        for p in eligible(e) {
            if plain.rounds[..i].iter().any(|r| r.0 == p) || only.is_some_and(|only| !only.contains(&p)) {
                continue;
            }
            let supporters = supporters(e, p);
            for t in 1..=supporters.len() {
                let share = &e.projects[p].cost / BigRational::from_integer(BigInt::from(t));
                for &v in &supporters {
                    let d = &share - &budgets[v];
                    if d.is_positive() {
                        ds.push(d);
                    }
                }
            }
        }
    }
    ds.sort();
    ds.dedup();
    ds
}

/// The smallest `d > 0` such that EES at `per_voter + d` has another outcome.
fn plain_next_change(e: &Election, per_voter: &BigRational) -> Option<BigRational> {
    let now = plain_ees(e, per_voter);
    flips(e, &now, None)
        .into_iter()
        .find(|d| plain_ees(e, &(per_voter + d)).outcome() != now.outcome())
}

/// The smallest `d > 0` at which a project that `per_voter` leaves unfunded
/// could take some round of that run (or be funded after its last round)
/// with every budget raised by `d`.
fn plain_next_unfunded(e: &Election, per_voter: &BigRational) -> Option<BigRational> {
    let now = plain_ees(e, per_voter);
    let unfunded: Vec<usize> = eligible(e)
        .into_iter()
        .filter(|p| !now.rounds.iter().any(|r| r.0 == *p))
        .collect();
    flips(e, &now, Some(&unfunded)).into_iter().find(|d| {
        unfunded.iter().any(|&p| {
            now.budgets.iter().enumerate().any(|(i, budgets)| {
                let raised: Vec<BigRational> = budgets.iter().map(|b| b + d).collect();
                let (t, _) = plain_payers(e, p, &raised);
                t > 0
                    && now
                        .rounds
                        .get(i)
                        .is_none_or(|(winner, payers)| t > payers.len() || (t == payers.len() && p < *winner))
            })
        })
    })
}

fn plain_completion(e: &Election, completion: Completion) -> Vec<usize> {
    if e.num_voters() == 0 {
        return Vec::new();
    }
    let all = eligible(e).len();
    let mut per_voter = &e.budget / BigRational::from_integer(BigInt::from(e.num_voters()));
    let mut best: Option<Plain> = None;
    loop {
        let now = plain_ees(e, &per_voter);
        let fits = now.cost(e) <= e.budget;
        let next = match completion {
            Completion::None => return now.order(),
            // The last outcome that fits before the first that does not.
            Completion::AddOpt if !fits => break,
            Completion::AddOpt => plain_next_change(e, &per_voter),
            Completion::AddOptSkip => plain_next_unfunded(e, &per_voter),
        };
        let funded_all = now.rounds.len() == all;
        // ADD-OPT keeps the latest; ADD-OPT-SKIP the first that spends most.
        let better = completion == Completion::AddOpt || best.as_ref().is_none_or(|b| now.cost(e) > b.cost(e));
        if fits && better {
            best = Some(now);
        }
        match next {
            Some(d) if !funded_all => per_voter += d,
            _ => break,
        }
    }
    best.map(|b| b.order()).unwrap_or_default()
}

/// Small random elections: up to 6 projects and 9 voters, costs and budgets
/// chosen so that shares tie often.
fn arb_ees_election() -> impl Strategy<Value = Election> {
    let costs = prop::collection::vec(
        prop::sample::select(vec![
            q(0, 1),
            q(6, 1),
            q(12, 1),
            q(30, 1),
            q(60, 1),
            q(61, 1),
            q(100, 3),
        ]),
        1..7,
    );
    (
        costs,
        0usize..10,
        any::<u64>(),
        prop::sample::select(vec![q(0, 1), q(12, 1), q(30, 1), q(61, 1), q(100, 1), q(121, 2)]),
        prop::sample::select(vec![VoteType::Approval, VoteType::Cumulative, VoteType::Ordinal]),
        1u64..5,
    )
        .prop_map(|(costs, voters, seed, budget, vote_type, kinds)| {
            random_election(costs, voters, seed, budget, vote_type, kinds)
        })
}

/// Elections with more voters and varied costs, where budgets part ways
/// after the first rounds, so that payments re-split often.
pub(super) fn arb_varied_election() -> impl Strategy<Value = Election> {
    (
        prop::collection::vec((1i64..120).prop_map(|c| q(c, 1)), 2..7),
        10usize..40,
        any::<u64>(),
        (20i64..400).prop_map(|b| q(b, 1)),
        2u64..9,
    )
        .prop_map(|(costs, voters, seed, budget, kinds)| {
            random_election(costs, voters, seed, budget, VoteType::Approval, kinds)
        })
}

/// `voters` ballots drawn among `kinds` random ones (so that voters tie).
fn random_election(
    costs: Vec<BigRational>,
    voters: usize,
    seed: u64,
    budget: BigRational,
    vote_type: VoteType,
    kinds: u64,
) -> Election {
    let projects = numbered(costs);
    let mut next = xorshift(seed);
    let masks: Vec<u64> = (0..kinds).map(|_| next()).collect();
    let ballots: Vec<Vec<String>> = (0..voters)
        .map(|_| {
            let mask = masks[(next() % kinds) as usize];
            projects
                .iter()
                .enumerate()
                .filter(|(i, _)| mask >> i & 1 == 1)
                .map(|(_, (id, _))| id.clone())
                .collect()
        })
        .collect();
    let mut e = election_of(budget, &projects, &ballots);
    e.vote_type = vote_type;
    if vote_type == VoteType::Cumulative {
        e.points = Some(vec![q(1, 1); e.ballots.entries()]);
    }
    e
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn ees_matches_the_plain_definition(e in arb_ees_election(), extra in 0i64..40, guess in prop::sample::select(vec![0.0, 0.01, 1.0, 7.5])) {
        let data = CostData::new(&e);
        let per_voter = &e.budget / q(e.num_voters().max(1) as i64, 1) + q(extra, 3);
        if e.num_voters() > 0 {
            let plain = plain_ees(&e, &per_voter);
            let fast = ees::run(&data, &per_voter);
            prop_assert_eq!(fast.order(&data), plain.order());
            prop_assert_eq!(
                fast.rounds.iter().map(|r| r.1 as usize).collect::<Vec<_>>(),
                plain.rounds.iter().map(|r| r.1.len()).collect::<Vec<_>>()
            );
            prop_assert_eq!(ees::next_change(&data, &fast, false, guess, &mut Default::default()), plain_next_change(&e, &per_voter));
            prop_assert_eq!(ees::next_change(&data, &fast, true, guess, &mut Default::default()), plain_next_unfunded(&e, &per_voter));
        }
    }

    #[test]
    fn ees_completions_match_the_plain_ones(e in arb_ees_election()) {
        for (method, completion) in [
            (Method::Ees, Completion::None),
            (Method::EesAddOpt, Completion::AddOpt),
            (Method::EesAddOptSkip, Completion::AddOptSkip),
        ] {
            prop_assert_eq!(count(&e, method).unwrap().order, plain_completion(&e, completion), "{:?}", method);
        }
        let data = CostData::new(&e);
        // ADD-OPT with a helper thread and without.
        let every = ees::every_change(&data, &e, Completion::AddOpt).0;
        for apart in [false, true] {
            prop_assert_eq!(&ees::add_opt_with(&data, &e, &mut Certifier::default(), apart).0, &every);
        }
        // In many segments, walked on two threads.
        let goal = Goal::Fits(&e.budget);
        if let Some((order, _)) = ees::add_opt_apart(&data, &e, &mut Certifier::default(), goal, 64) {
            prop_assert_eq!(&order, &every);
        }
        // ADD-OPT-SKIP's lookout between runs and on a thread of its own.
        let skip = ees::every_change(&data, &e, Completion::AddOptSkip).0;
        for apart in [false, true] {
            prop_assert_eq!(&ees::add_opt_skip_with(&data, &e, &mut Certifier::default(), apart).0, &skip);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// A certificate that holds is right at every budget of its interval:
    /// walking every change inside it with the plain definitions, every
    /// outcome costs at most the budget given and leaves a project out
    /// (ADD-OPT), or costs more than the election's budget or no more than
    /// the best so far (ADD-OPT-SKIP, the best being a half, three quarters
    /// or all of the budget, or none). The interval reaches past the next
    /// change, and the budget given to ADD-OPT's is the election's or more,
    /// so that some certificates hold across changes of the projects funded.
    #[test]
    fn ees_certificates_hold_only_where_every_outcome_meets_the_goal(
        e in arb_varied_election(),
        extra in 0i64..40,
        past in prop::sample::select(vec![1i64, 2, 3, 10, 100]),
        more in prop::sample::select(vec![2i64, 3, 4]),
        skip in prop::sample::select(vec![None, Some(false), Some(true)]),
    ) {
        let start = &e.budget / q(e.num_voters().max(1) as i64, 1) + q(extra, 3);
        if let Some(next) = plain_next_change(&e, &start).filter(|_| e.num_voters() > 0) {
            let data = CostData::new(&e);
            let budget = &e.budget * q(more, 2);
            let best = &e.budget * q(more, 4);
            let goal = match skip {
                None => Goal::Fits(&budget),
                Some(some) => Goal::NoBetter(&e.budget, some.then_some(&best)),
            };
            let end = &start + next * q(past + 1, past);
            let low = Approx::from_ratio(start.numer(), start.denom()).lower();
            let high = Approx::from_ratio(end.numer(), end.denom()).upper();
            // Also followed as one state at most, so that checks often
            // have too many and rule out those within their means.
            let held = Certifier::default().holds(&data, goal, low, high);
            let held_alone = states::Certifier::<OneState>::default().holds(&data, goal, low, high);
            if held || held_alone {
                let mut at = start.clone();
                loop {
                    let plain = plain_ees(&e, &at);
                    let cost = plain.cost(&e);
                    if skip.is_none() {
                        prop_assert!(cost <= budget, "{:?} costs too much at {}", plain.order(), at);
                        prop_assert!(plain.rounds.len() < data.projects.len(), "everything funded at {}", at);
                    } else {
                        let better = cost <= e.budget && (skip == Some(false) || cost > best);
                        prop_assert!(!better, "{:?} is better at {}", plain.order(), at);
                    }
                    match plain_next_change(&e, &at) {
                        Some(d) if &at + &d <= end => at += d,
                        _ => break,
                    }
                }
            }
        }
    }
}

/// EES under a certificate's bounds, followed as one state at most.
#[derive(Default)]
struct OneState;

impl Pricing for OneState {
    const MAX_STATES: usize = 1;

    fn gather(data: &CostData, state: &State, scratch: &mut Scratch, p: usize) {
        Ees::gather(data, state, scratch, p);
    }

    fn high(data: &CostData, scratch: &mut Scratch, p: usize, kept: u64) -> u64 {
        Ees::high(data, scratch, p, kept)
    }

    fn low(data: &CostData, scratch: &mut Scratch, p: usize, high: u64) -> u64 {
        Ees::low(data, scratch, p, high)
    }

    fn pay(data: &CostData, state: &mut State, scratch: &mut Scratch, x: usize, low: u64, high: u64) {
        Ees::pay(data, state, scratch, x, low, high);
    }

    fn first(weight: u64) -> u64 {
        Ees::first(weight)
    }
}

#[test]
fn ees_funds_the_project_most_supporters_can_share() {
    // B = 60 among 6 voters: 10 each. a (cost 30) has 3 supporters who can
    // pay 10 each, b (cost 40) 4 who can: b first. Then a's supporters 1 and
    // 2 have nothing left, and voter 0 cannot pay 30 alone.
    let e = election_of(
        q(60, 1),
        &numbered(vec![q(30, 1), q(40, 1)]),
        &[
            vec!["p0".into()],
            vec!["p0".into(), "p1".into()],
            vec!["p0".into(), "p1".into()],
            vec!["p1".into()],
            vec!["p1".into()],
            vec![],
        ],
    );
    let data = CostData::new(&e);
    let run = ees::run(&data, &q(10, 1));
    assert_eq!(run.rounds, [(1, 4)]);
    // With 10 more each, a's three supporters can pay 10 each after b: the
    // first change, and it costs 70 > 60, so ADD-OPT keeps b alone.
    assert_eq!(
        ees::next_change(&data, &run, false, 0.0, &mut Default::default()),
        Some(q(10, 1))
    );
    assert_eq!(count(&e, Method::Ees).unwrap().order, [1]);
    assert_eq!(count(&e, Method::EesAddOpt).unwrap().order, [1]);
    assert_eq!(count(&e, Method::EesAddOptSkip).unwrap().order, [1]);
    // ADD-OPT runs EES at 10 and at 20 only, not at every budget between.
    assert_eq!(ees::ees_walk(&data, &e, Completion::AddOpt), (vec![1], 2));
    // Between 10 and 20 each, b alone is funded at every budget; from 20 on,
    // a too. (At exactly 10, 40 / 10 = 4 payers: floats cannot tell that
    // tie from 3, so the certificate leaves it to exact runs.)
    let mut certifier = Certifier::default();
    assert!(!certifier.holds(&data, Goal::Fits(&e.budget), 10.0, 19.5));
    assert!(certifier.holds(&data, Goal::Fits(&e.budget), 10.5, 19.5));
    assert!(!certifier.holds(&data, Goal::Fits(&e.budget), 10.0, 20.0));
    assert!(!certifier.holds(&data, Goal::Fits(&e.budget), 19.0, 25.0));
    // With 70 to spend, a and b together fit, but they are all the projects:
    // ADD-OPT stops there, so no certificate jumps past it.
    assert!(!certifier.holds(&data, Goal::Fits(&q(70, 1)), 10.5, 25.0));
}

#[test]
fn ees_certificates_hold_across_changes_of_the_projects_that_fit() {
    // The election above with a project c (50) that only voter 5 wants: b
    // alone below 20 each, a and b from 20 on, c not below 50.
    let e = election_of(
        q(60, 1),
        &numbered(vec![q(30, 1), q(40, 1), q(50, 1)]),
        &[
            vec!["p0".into()],
            vec!["p0".into(), "p1".into()],
            vec!["p0".into(), "p1".into()],
            vec!["p1".into()],
            vec!["p1".into()],
            vec!["p2".into()],
        ],
    );
    let data = CostData::new(&e);
    assert_eq!(plain_ees(&e, &q(19, 1)).order(), [1]);
    assert_eq!(plain_ees(&e, &q(21, 1)).order(), [1, 0]);
    let mut certifier = Certifier::default();
    // 40, then 70: both fit in 70, not in 69.
    assert!(certifier.holds(&data, Goal::Fits(&q(70, 1)), 10.5, 25.0));
    assert!(!certifier.holds(&data, Goal::Fits(&q(69, 1)), 10.5, 25.0));
    assert!(certifier.holds(&data, Goal::Fits(&q(40, 1)), 10.5, 19.5));
    assert!(!certifier.holds(&data, Goal::Fits(&q(39, 1)), 10.5, 19.5));
}

/// ADD-OPT with certificates against running EES at every change, on the
/// shared elections where the latter takes under a second or so (the six
/// largest take minutes; see the ignored test below for them).
#[test]
fn add_opt_jumps_match_every_change_on_small_real_elections() {
    for (_, e) in real_elections(|bytes| bytes < 100_000) {
        let data = CostData::new(&e);
        let every = ees::every_change(&data, &e, Completion::AddOpt);
        for apart in [false, true] {
            let jumping = ees::add_opt_with(&data, &e, &mut Certifier::default(), apart);
            assert_eq!(jumping.0, every.0);
        }
        // In many segments, walked on two threads.
        let goal = Goal::Fits(&e.budget);
        if let Some((order, _)) = ees::add_opt_apart(&data, &e, &mut Certifier::default(), goal, 64) {
            assert_eq!(order, every.0);
        }
    }
}

/// The same on every shared election: minutes in a release build (EES at
/// every change on Mokotów 2020 alone takes about 4 minutes):
/// `cargo test --release -p participe-domain --lib
/// add_opt_jumps_match_every_change_on_real_elections -- --ignored --nocapture`.
#[test]
#[ignore]
fn add_opt_jumps_match_every_change_on_real_elections() {
    for (name, e) in real_elections(|_| true) {
        let data = CostData::new(&e);
        let started = std::time::Instant::now();
        let mut certifier = Certifier::default();
        let jumping = ees::add_opt(&data, &e, &mut certifier);
        let jumping_time = started.elapsed();
        let started = std::time::Instant::now();
        let every = ees::every_change(&data, &e, Completion::AddOpt);
        println!(
            "{name}: {} runs and {} checks ({} held) in {jumping_time:?}; every change: {} runs in {:?}",
            jumping.1,
            certifier.checks,
            certifier.held,
            every.1,
            started.elapsed()
        );
        assert_eq!(jumping.0, every.0);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// From the per-voter budget where ADD-OPT-SKIP stops, no EES outcome
    /// fits in the budget (and the walk reaches the same outcome as going
    /// on to the end).
    #[test]
    fn no_outcome_fits_from_where_add_opt_skip_stops(
        e in prop_oneof![arb_ees_election(), arb_varied_election()],
        extra in prop::collection::vec(0i64..2000, 3),
    ) {
        let data = CostData::new(&e);
        let stop = ees_stop::no_fit_from(&data, &e.budget, e.num_voters());
        if let Some(b) = stop {
            let from = BigRational::from_float(b).expect("a finite budget");
            for x in extra {
                let per_voter = &from + q(x, 7);
                prop_assert!(plain_ees(&e, &per_voter).cost(&e) > e.budget, "fits at {}", per_voter);
            }
        }
        prop_assert_eq!(
            ees::walk(&data, &e, Completion::AddOptSkip, stop, None).0,
            ees::walk(&data, &e, Completion::AddOptSkip, None, None).0
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// From where [`ees_clear::clear_from`] says nothing fits, no EES
    /// outcome fits up to where ADD-OPT-SKIP would stop without it: none at
    /// any change of the runs walked from there (plain runs in between),
    /// whether the search starts at `B / n` (outcomes that fit to go past)
    /// or where the outcome does not fit.
    #[test]
    fn no_outcome_fits_from_where_it_is_clear(
        e in prop_oneof![arb_ees_election(), arb_varied_election()],
        fractions in prop::collection::vec(0i64..1000, 4),
    ) {
        let data = CostData::new(&e);
        let n = e.num_voters();
        let Some(to) = ees_stop::no_fit_from(&data, &e.budget, n) else {
            return Ok(());
        };
        let first = &e.budget / BigRational::from_integer(BigInt::from(n));
        let low = Approx::from_ratio(first.numer(), first.denom()).upper();
        let over = std::sync::atomic::AtomicBool::new(false);
        for from in [Some(low), ees::misfit_above(&data, &e, low)].into_iter().flatten() {
            let Some(start) = ees_clear::clear_from(&data, &e, &mut Certifier::default(), from, to, &over) else {
                continue;
            };
            let mut per_voter = BigRational::from_float(start).expect("a finite budget");
            let mut levels = Default::default();
            while numbers::to_f64(&per_voter) <= to {
                let now = ees::run(&data, &per_voter);
                prop_assert!(total_cost(&e, &now.order(&data)) > e.budget, "fits at {} (clear from {})", per_voter, start);
                let Some(d) = ees::next_change(&data, &now, false, 0.0, &mut levels) else {
                    break;
                };
                per_voter += d;
            }
            let end = BigRational::from_float(to).expect("a finite budget");
            let span = &end - BigRational::from_float(start).expect("a finite budget");
            for &f in &fractions {
                let per_voter = &end - &span * q(f, 1000);
                prop_assert!(plain_ees(&e, &per_voter).cost(&e) > e.budget, "fits at {}", per_voter);
            }
        }
    }
}

/// ADD-OPT-SKIP stopping where no outcome fits any more, and stopping
/// where certificates show that nothing better lies up to there, against
/// going on until every project is funded, on the smaller shared elections
/// (the ignored test below takes them all): the same outcomes, with fewer
/// runs where the walk goes far past the last outcome that fits or the
/// best one.
#[test]
fn add_opt_skip_stops_early_on_small_real_elections() {
    let (mut saved, mut saved_by_certificates) = (0, 0);
    for (name, e) in real_elections(|bytes| bytes < 100_000) {
        let data = CostData::new(&e);
        let stop = ees_stop::no_fit_from(&data, &e.budget, e.num_voters());
        let stopping = ees::walk(&data, &e, Completion::AddOptSkip, stop, None);
        let to_the_end = ees::walk(&data, &e, Completion::AddOptSkip, None, None);
        // The lookout between runs: how many it saves does not depend on
        // how fast threads go.
        let certified = ees::add_opt_skip_with(&data, &e, &mut Certifier::default(), false);
        let watched = ees::add_opt_skip_with(&data, &e, &mut Certifier::default(), true);
        assert_eq!(stopping.0, to_the_end.0, "{name}");
        assert_eq!(certified.0, to_the_end.0, "{name}");
        assert_eq!(watched.0, to_the_end.0, "{name}");
        assert!(watched.1 <= stopping.1, "{name}");
        saved += to_the_end.1 - stopping.1;
        saved_by_certificates += stopping.1 - certified.1;
    }
    assert!(saved > 0, "no run saved");
    assert!(saved_by_certificates > 0, "no run saved by certificates");
}

/// The same on every shared election (minutes in a release build):
/// `cargo test --release -p participe-domain --lib
/// add_opt_skip_stops_early_on_real_elections -- --ignored --nocapture`.
#[test]
#[ignore]
fn add_opt_skip_stops_early_on_real_elections() {
    for (name, e) in real_elections(|_| true) {
        let data = CostData::new(&e);
        let stop = ees_stop::no_fit_from(&data, &e.budget, e.num_voters());
        let stopping = ees::walk(&data, &e, Completion::AddOptSkip, stop, None);
        let to_the_end = ees::walk(&data, &e, Completion::AddOptSkip, None, None);
        let mut certifier = Certifier::default();
        let certified = ees::add_opt_skip_with(&data, &e, &mut certifier, false);
        let mut watcher = Certifier::default();
        let watched = ees::add_opt_skip_with(&data, &e, &mut watcher, true);
        println!(
            "{name}: stop at {stop:?}, {} runs instead of {}; with certificates {} runs and {} checks; \
             watched {} runs and {} checks",
            stopping.1, to_the_end.1, certified.1, certifier.checks, watched.1, watcher.checks
        );
        assert_eq!(stopping.0, to_the_end.0, "{name}");
        assert_eq!(certified.0, to_the_end.0, "{name}");
        assert_eq!(watched.0, to_the_end.0, "{name}");
    }
}
