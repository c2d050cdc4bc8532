//! Participatory-budget counting (issue 5): the pabulib `.pb` format and the
//! counting rules, computed exactly as the reference implementation does
//! (pabutools 1.2.3, see `shared/pb/README.md`).
//!
//! - [`parse`] reads a `.pb` text into an [`Election`] (no I/O: the caller
//!   reads the file).
//! - [`Rule`] is what a person asks for (`greedy`, `mes`, …); it picks a
//!   [`Method`], one per key of the reference `*.expected.json` files, which
//!   depends on the ballot type (greedy by votes on approval ballots, greedy by
//!   points on cumulative and ordinal ones).
//! - [`count`] runs one method; a [`Counter`] runs several on the same
//!   election and shares the Method of Equal Shares runs between them.
//!
//! Results are those of exact rational arithmetic ([`BigRational`], or exact
//! integers over a common denominator; floating point only decides
//! comparisons that its proven error bounds settle). Ties are broken by
//! project id in ascending string order, as pabutools' `lexico_tie_breaking` does.
//!
//! | `--rule` | approval / choose-1 | cumulative / scoring | ordinal |
//! |---|---|---|---|
//! | `greedy` | `greedy_cost` | `greedy_score` | `greedy_score` |
//! | `greedy-ratio` | `greedy_card` | `greedy_card` | `greedy_card` |
//! | `mes` | `mes_cost` | `mes_cost` | `mes_cost` |
//! | `mes-add1` | `mes_cost_add1` | same | same |
//! | `mes-add1-feasible` | `mes_cost_add1_feasible` | same | same |
//! | `mes-add1-greedy` | `mes_cost_add1_greedy` | same | same |
//! | `mes-greedy` | `mes_cost_greedy` | same | same |
//! | `phragmen` | `phragmen` | refused | refused |
//! | `mes-exh1pct` | `mes_cost_exh1pct` | same | same |
//! | `mes-exh1pct-greedy` | `mes_cost_exh1pct_greedy` | same | same |
//! | `mes-points` | refused | `mes_cardinal` | `mes_points` |
//! | `ees` | `ees` | same | same |
//! | `ees-add-opt` | `ees_add_opt` | same | same |
//! | `ees-add-opt-skip` | `ees_add_opt_skip` | same | same |
//! | `greedy-votes` | `greedy_cost` | `greedy_cost` | `greedy_cost` |
//! | `meta` | `meta_rule`: the file's own META `rule` | same | same |
//!
//! On cumulative and ordinal ballots every `*_cost` key, and the Exact Equal
//! Shares ones (`ees*`, cost utilities, see [`ees`]), use the approval
//! projection: a voter supports a project when the ballot lists it. The
//! reference files have no `ees*` keys: those rules are checked against plain
//! implementations of the paper's definitions in the tests.

mod approx;
pub mod ballots;
mod ees;
mod ees_clear;
mod ees_interval;
mod ees_lookout;
mod ees_stop;
mod greedy;
mod mes;
mod mes_interval;
mod numbers;
pub mod parse;
mod phragmen;
mod states;
pub mod territorial;
pub mod write;

use std::collections::HashMap;
use std::fmt;

pub use ballots::Ballots;
pub use num_bigint::BigInt;
pub use num_rational::BigRational;
pub use numbers::{natural_cmp, parse_rational, rational_to_string};
pub use parse::{ParseError, parse};

use num_traits::{ToPrimitive, Zero};

/// The cost that pabulib files give to withdrawn projects.
pub const SENTINEL_COST: i64 = 999_999_999;

/// META `vote_type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteType {
    Approval,
    /// One approved project per voter; counted as approval.
    Choose1,
    Ordinal,
    Cumulative,
    Scoring,
}

impl VoteType {
    pub fn parse(s: &str) -> Option<VoteType> {
        Some(match s {
            "approval" => VoteType::Approval,
            "choose-1" => VoteType::Choose1,
            "ordinal" => VoteType::Ordinal,
            "cumulative" => VoteType::Cumulative,
            "scoring" => VoteType::Scoring,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            VoteType::Approval => "approval",
            VoteType::Choose1 => "choose-1",
            VoteType::Ordinal => "ordinal",
            VoteType::Cumulative => "cumulative",
            VoteType::Scoring => "scoring",
        }
    }

    /// Approval and choose-1 ballots form an approval profile (the only kind
    /// Phragmén accepts).
    pub fn is_approval(self) -> bool {
        matches!(self, VoteType::Approval | VoteType::Choose1)
    }

    /// Cumulative and scoring ballots give points.
    pub fn has_points(self) -> bool {
        matches!(self, VoteType::Cumulative | VoteType::Scoring)
    }
}

/// One row of PROJECTS.
#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    /// `project_id` (the first column), compared as a string.
    pub id: String,
    pub cost: BigRational,
    /// `name`, when the file has it.
    pub name: Option<String>,
    /// `selected` as written (`1` funded, `0` not, `2`/`3` special cases).
    pub selected: Option<String>,
    /// 1-based line of the row in the file.
    pub line: usize,
}

/// A parsed `.pb` file. Projects are kept sorted by id (string order), so a
/// project's index is also its rank in the tie-breaking order.
#[derive(Debug, Clone, PartialEq)]
pub struct Election {
    /// META rows, in file order (a repeated key keeps its last value, as in pabutools).
    pub meta: Vec<(String, String)>,
    pub vote_type: VoteType,
    pub budget: BigRational,
    /// Sorted by id.
    pub projects: Vec<Project>,
    /// One ballot per VOTES row: indices into `projects`, without repeats.
    /// Approval: ascending; ordinal: most preferred first; cumulative and
    /// scoring: in the order of the `vote` column.
    pub ballots: Ballots,
    /// Cumulative and scoring only: the points of every ballot entry, in
    /// the order of the ballots' entries (see [`Election::points_of`]).
    pub points: Option<Vec<BigRational>>,
    /// Oddities that pabutools accepts silently (duplicate project ids,
    /// a `num_votes` that differs from the VOTES rows, …).
    pub warnings: Vec<String>,
}

impl Election {
    /// The last value of a META key.
    pub fn meta_value(&self, key: &str) -> Option<&str> {
        self.meta.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// The index of a project id.
    pub fn project_index(&self, id: &str) -> Option<usize> {
        self.projects.binary_search_by(|p| p.id.as_str().cmp(id)).ok()
    }

    /// The points of ballot `v`, parallel to `ballots[v]` (empty without points).
    pub fn points_of(&self, v: usize) -> &[BigRational] {
        self.points
            .as_deref()
            .and_then(|all| all.get(self.ballots.range(v)))
            .unwrap_or(&[])
    }

    /// Number of voters (VOTES rows), which MES divides the budget by.
    pub fn num_voters(&self) -> usize {
        self.ballots.len()
    }

    /// The ids with `selected == 1` (the outcome the file records), if the
    /// PROJECTS section has that column.
    pub fn recorded_selection(&self) -> Option<Vec<String>> {
        if self.projects.iter().all(|p| p.selected.is_none()) {
            return None;
        }
        let mut ids: Vec<String> = self
            .projects
            .iter()
            .filter(|p| p.selected.as_deref() == Some("1"))
            .map(|p| p.id.clone())
            .collect();
        ids.sort_by(|a, b| natural_cmp(a, b));
        Some(ids)
    }
}

/// The counting methods, one per key of the reference `*.expected.json` files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// Greedy by number of supporters (pabutools greedy with `Cost_Sat`).
    GreedyCost,
    /// Greedy by supporters per unit of cost (`Cardinality_Sat`).
    GreedyCard,
    /// Greedy by points (cumulative, scoring) or positional points (ordinal).
    GreedyScore,
    /// Method of Equal Shares with cost utilities, no completion.
    MesCost,
    /// pabutools' iterated MES: per-voter budget +1 until exhaustive or infeasible.
    MesCostAdd1,
    /// The add1 of the pabulib checker: last outcome that fits, no exhaustiveness stop.
    MesCostAdd1Feasible,
    /// `MesCostAdd1`, then greedy by votes.
    MesCostAdd1Greedy,
    /// `MesCost`, then greedy by votes.
    MesCostGreedy,
    /// MES with the whole budget raised by 1 % steps (pabutools `exhaustion_by_budget_increase`).
    MesCostExh1pct,
    /// `MesCostExh1pct`, then greedy by votes.
    MesCostExh1pctGreedy,
    /// MES with utility = points given (cumulative, scoring).
    MesCardinal,
    /// MES with utility = positional points (ordinal).
    MesPoints,
    /// Sequential Phragmén (approval ballots only).
    Phragmen,
    /// Exact Equal Shares with cost utilities, no completion.
    Ees,
    /// EES completed by ADD-OPT: the last outcome that fits as the budget rises.
    EesAddOpt,
    /// EES completed by ADD-OPT-SKIP: the outcome that fits and spends most.
    EesAddOptSkip,
    /// The rule named in the file's META `rule`.
    MetaRule,
}

impl Method {
    pub const ALL: [Method; 17] = [
        Method::GreedyCost,
        Method::GreedyCard,
        Method::GreedyScore,
        Method::MesCost,
        Method::MesCostAdd1,
        Method::MesCostAdd1Feasible,
        Method::MesCostAdd1Greedy,
        Method::MesCostGreedy,
        Method::MesCostExh1pct,
        Method::MesCostExh1pctGreedy,
        Method::MesCardinal,
        Method::MesPoints,
        Method::Phragmen,
        Method::Ees,
        Method::EesAddOpt,
        Method::EesAddOptSkip,
        Method::MetaRule,
    ];

    /// The key of this method in the reference `*.expected.json` files.
    pub fn key(self) -> &'static str {
        match self {
            Method::GreedyCost => "greedy_cost",
            Method::GreedyCard => "greedy_card",
            Method::GreedyScore => "greedy_score",
            Method::MesCost => "mes_cost",
            Method::MesCostAdd1 => "mes_cost_add1",
            Method::MesCostAdd1Feasible => "mes_cost_add1_feasible",
            Method::MesCostAdd1Greedy => "mes_cost_add1_greedy",
            Method::MesCostGreedy => "mes_cost_greedy",
            Method::MesCostExh1pct => "mes_cost_exh1pct",
            Method::MesCostExh1pctGreedy => "mes_cost_exh1pct_greedy",
            Method::MesCardinal => "mes_cardinal",
            Method::MesPoints => "mes_points",
            Method::Phragmen => "phragmen",
            Method::Ees => "ees",
            Method::EesAddOpt => "ees_add_opt",
            Method::EesAddOptSkip => "ees_add_opt_skip",
            Method::MetaRule => "meta_rule",
        }
    }

    pub fn from_key(key: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.key() == key)
    }
}

/// The rule names a person chooses from (`participe pb count --rule`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Greedy,
    GreedyRatio,
    GreedyVotes,
    Mes,
    MesAdd1,
    MesAdd1Feasible,
    MesAdd1Greedy,
    MesGreedy,
    MesExh1pct,
    MesExh1pctGreedy,
    MesPoints,
    Phragmen,
    Ees,
    EesAddOpt,
    EesAddOptSkip,
    Meta,
}

impl Rule {
    pub const ALL: [Rule; 16] = [
        Rule::Greedy,
        Rule::GreedyRatio,
        Rule::GreedyVotes,
        Rule::Mes,
        Rule::MesAdd1,
        Rule::MesAdd1Feasible,
        Rule::MesAdd1Greedy,
        Rule::MesGreedy,
        Rule::MesExh1pct,
        Rule::MesExh1pctGreedy,
        Rule::MesPoints,
        Rule::Phragmen,
        Rule::Ees,
        Rule::EesAddOpt,
        Rule::EesAddOptSkip,
        Rule::Meta,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Rule::Greedy => "greedy",
            Rule::GreedyRatio => "greedy-ratio",
            Rule::GreedyVotes => "greedy-votes",
            Rule::Mes => "mes",
            Rule::MesAdd1 => "mes-add1",
            Rule::MesAdd1Feasible => "mes-add1-feasible",
            Rule::MesAdd1Greedy => "mes-add1-greedy",
            Rule::MesGreedy => "mes-greedy",
            Rule::MesExh1pct => "mes-exh1pct",
            Rule::MesExh1pctGreedy => "mes-exh1pct-greedy",
            Rule::MesPoints => "mes-points",
            Rule::Phragmen => "phragmen",
            Rule::Ees => "ees",
            Rule::EesAddOpt => "ees-add-opt",
            Rule::EesAddOptSkip => "ees-add-opt-skip",
            Rule::Meta => "meta",
        }
    }

    pub fn from_name(name: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.name() == name)
    }

    /// All names, comma-separated, for error messages.
    pub fn names() -> String {
        Rule::ALL.map(Rule::name).join(", ")
    }

    /// The method this rule means for a ballot type, or why it does not apply.
    pub fn method(self, vote_type: VoteType) -> Result<Method, CountError> {
        Ok(match self {
            Rule::Greedy if vote_type.is_approval() => Method::GreedyCost,
            Rule::Greedy => Method::GreedyScore,
            Rule::GreedyRatio => Method::GreedyCard,
            Rule::GreedyVotes => Method::GreedyCost,
            Rule::Mes => Method::MesCost,
            Rule::MesAdd1 => Method::MesCostAdd1,
            Rule::MesAdd1Feasible => Method::MesCostAdd1Feasible,
            Rule::MesAdd1Greedy => Method::MesCostAdd1Greedy,
            Rule::MesGreedy => Method::MesCostGreedy,
            Rule::MesExh1pct => Method::MesCostExh1pct,
            Rule::MesExh1pctGreedy => Method::MesCostExh1pctGreedy,
            Rule::MesPoints if vote_type.has_points() => Method::MesCardinal,
            Rule::MesPoints if vote_type == VoteType::Ordinal => Method::MesPoints,
            Rule::MesPoints => return Err(CountError::NotApplicable(Method::MesPoints, vote_type)),
            Rule::Phragmen if vote_type.is_approval() => Method::Phragmen,
            Rule::Phragmen => return Err(CountError::NotApplicable(Method::Phragmen, vote_type)),
            Rule::Ees => Method::Ees,
            Rule::EesAddOpt => Method::EesAddOpt,
            Rule::EesAddOptSkip => Method::EesAddOptSkip,
            Rule::Meta => Method::MetaRule,
        })
    }
}

/// Why a count could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CountError {
    /// The method needs another ballot type.
    NotApplicable(Method, VoteType),
    /// The file's META `rule` is not one this module can compute.
    UnknownMetaRule(String),
    /// A META value the method needs is missing or malformed.
    BadMeta { key: &'static str, value: String },
}

impl fmt::Display for CountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CountError::NotApplicable(Method::Phragmen, vt) => write!(
                f,
                "sequential Phragmén needs approval ballots; this file has {} ballots",
                vt.as_str()
            ),
            CountError::NotApplicable(m, vt) => {
                write!(f, "the method {} does not apply to {} ballots", m.key(), vt.as_str())
            }
            CountError::UnknownMetaRule(r) => write!(f, "the META rule {r:?} is not supported"),
            CountError::BadMeta { key, value } => {
                write!(f, "META {key} has an unusable value {value:?}")
            }
        }
    }
}

impl std::error::Error for CountError {}

/// The projects a method funds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Project indices in the order of selection (Phragmén: also the order of selection,
    /// where pabutools sorts its output by id).
    pub order: Vec<usize>,
    pub total_cost: BigRational,
}

impl Outcome {
    fn from_order(election: &Election, order: Vec<usize>) -> Outcome {
        let total_cost = total_cost(election, &order);
        Outcome { order, total_cost }
    }

    /// The selected ids in natural order ("2" before "10"), as the reference files list them.
    pub fn selected_ids(&self, election: &Election) -> Vec<String> {
        let mut ids: Vec<String> = self.order.iter().map(|&i| election.projects[i].id.clone()).collect();
        ids.sort_by(|a, b| natural_cmp(a, b));
        ids
    }

    /// The total cost as an integer, when it is one and fits.
    pub fn total_cost_integer(&self) -> Option<i64> {
        if self.total_cost.is_integer() {
            self.total_cost.to_integer().to_i64()
        } else {
            None
        }
    }

    /// The total cost as the nearest float (for display only).
    pub fn total_cost_f64(&self) -> f64 {
        numbers::to_f64(&self.total_cost)
    }
}

fn total_cost(election: &Election, order: &[usize]) -> BigRational {
    order
        .iter()
        .fold(BigRational::zero(), |acc, &i| acc + &election.projects[i].cost)
}

/// Runs one method.
pub fn count(election: &Election, method: Method) -> Result<Outcome, CountError> {
    Counter::new(election).run(method)
}

/// Runs a rule chosen by name (see [`Rule`]).
pub fn count_rule(election: &Election, rule: Rule) -> Result<Outcome, CountError> {
    count(election, rule.method(election.vote_type)?)
}

/// Runs several methods on one election, sharing the Method of Equal Shares
/// runs (the add1 variants walk the same sequence of per-voter budgets).
pub struct Counter<'e> {
    election: &'e Election,
    mes_data: Option<mes::CostData>,
    /// MES (cost utilities) outcomes by per-voter budget.
    mes_runs: HashMap<BigRational, Vec<usize>>,
    /// Steps of the add1 walk certified to give outcomes that fit and leave
    /// out a project that would fit too, first and last: the outcomes
    /// there fit and leave a project out, so the feasible walk skips them.
    mes_open: Vec<(u64, u64)>,
    outcomes: HashMap<Method, Outcome>,
}

impl<'e> Counter<'e> {
    pub fn new(election: &'e Election) -> Counter<'e> {
        Counter {
            election,
            mes_data: None,
            mes_runs: HashMap::new(),
            mes_open: Vec::new(),
            outcomes: HashMap::new(),
        }
    }

    pub fn run(&mut self, method: Method) -> Result<Outcome, CountError> {
        if let Some(outcome) = self.outcomes.get(&method) {
            return Ok(outcome.clone());
        }
        let outcome = self.compute(method)?;
        self.outcomes.insert(method, outcome.clone());
        Ok(outcome)
    }

    fn compute(&mut self, method: Method) -> Result<Outcome, CountError> {
        let e = self.election;
        let not_applicable = Err(CountError::NotApplicable(method, e.vote_type));
        let order = match method {
            Method::GreedyCost => greedy::greedy(e, &greedy::densities(e, greedy::Sat::Cost), &[]),
            Method::GreedyCard => greedy::greedy(e, &greedy::densities(e, greedy::Sat::Card), &[]),
            Method::GreedyScore if e.vote_type.is_approval() => return not_applicable,
            Method::GreedyScore => greedy::greedy(e, &greedy::densities(e, greedy::Sat::Score), &[]),
            Method::MesCost => self.mes_cost(&self.base_budget()),
            Method::MesCostAdd1 => self.mes_add1(false, true),
            Method::MesCostAdd1Feasible => self.mes_add1(true, true),
            Method::MesCostExh1pct => self.mes_exh1pct(),
            Method::MesCostGreedy => self.complete(Method::MesCost)?,
            Method::MesCostAdd1Greedy => self.complete(Method::MesCostAdd1)?,
            Method::MesCostExh1pctGreedy => self.complete(Method::MesCostExh1pct)?,
            Method::MesCardinal if e.vote_type.has_points() => mes::mes_general(e, &mes::points_utilities(e)),
            Method::MesPoints if e.vote_type == VoteType::Ordinal => mes::mes_general(e, &mes::positional_utilities(e)),
            Method::Phragmen if e.vote_type.is_approval() => phragmen::sequential_phragmen(e),
            Method::MesCardinal | Method::MesPoints | Method::Phragmen => return not_applicable,
            Method::Ees => ees::ees(self.cost_data(), e, ees::Completion::None),
            Method::EesAddOpt => ees::ees(self.cost_data(), e, ees::Completion::AddOpt),
            Method::EesAddOptSkip => ees::ees(self.cost_data(), e, ees::Completion::AddOptSkip),
            Method::MetaRule => return self.meta_rule(),
        };
        Ok(Outcome::from_order(e, order))
    }

    /// `first`, then greedy by votes with what is left (pabutools
    /// `completion_by_rule_combination` with `greedy_utilitarian_welfare` and `Cost_Sat`).
    fn complete(&mut self, first: Method) -> Result<Vec<usize>, CountError> {
        let start = self.run(first)?.order;
        Ok(greedy::complete_by_votes(self.election, start))
    }

    /// B / n.
    fn base_budget(&self) -> BigRational {
        let n = self.election.num_voters().max(1);
        &self.election.budget / BigRational::from_integer(BigInt::from(n))
    }

    fn mes_cost(&mut self, per_voter: &BigRational) -> Vec<usize> {
        let data = self.take_cost_data();
        let order = self.mes_cost_with(&data, per_voter);
        self.mes_data = Some(data);
        order
    }

    /// A MES run (cost utilities), kept by per-voter budget.
    fn mes_cost_with(&mut self, data: &mes::CostData, per_voter: &BigRational) -> Vec<usize> {
        if let Some(order) = self.mes_runs.get(per_voter) {
            return order.clone();
        }
        let order = data.run(self.election, per_voter);
        self.mes_runs.insert(per_voter.clone(), order.clone());
        order
    }

    /// What the cost-utility MES runs share, computed on first use.
    fn cost_data(&mut self) -> &mes::CostData {
        let e = self.election;
        self.mes_data.get_or_insert_with(|| mes::CostData::new(e))
    }

    /// The cost data, taken out so that runs can be kept while it is
    /// borrowed; put it back in `mes_data` after.
    fn take_cost_data(&mut self) -> mes::CostData {
        let e = self.election;
        self.mes_data.take().unwrap_or_else(|| mes::CostData::new(e))
    }

    /// Iterated MES: per-voter budget B/n, B/n + 1, B/n + 2, …
    ///
    /// - `feasible == false` (pabutools `voter_budget_increment=1`): return the
    ///   previous outcome at the first one that costs more than B, or the first
    ///   one that is exhaustive over the MES-eligible projects.
    /// - `feasible == true` (the pabulib checker's add1): return the last outcome
    ///   that fits, with no exhaustiveness stop, or the first that funds every
    ///   eligible project.
    ///
    /// With `skip`, steps are not run where a certificate
    /// ([`mes_interval`]) proves that every outcome at them fits and is not
    /// the last (funds some eligible project left out, with `feasible`;
    /// leaves out one that would fit, without): only the first outcome
    /// that misses that matters. Certified intervals grow by half after one
    /// holds and shrink to a quarter after one fails; after two failures,
    /// or below [`MIN_SPAN`] steps, the next step is run exactly. So the
    /// result is exactly that of running every step, which is what happens
    /// without `skip` (the tests' oracle). The feasible walk skips too the steps the other
    /// walk certified (its goal implies the feasible one's). Where the
    /// machine has a second core, the skipping walk checks the steps after
    /// those it checks there.
    fn mes_add1(&mut self, feasible: bool, skip: bool) -> Vec<usize> {
        self.mes_add1_with(feasible, skip, skip && states::parallel())
    }

    /// [`Self::mes_add1`], with a helper thread (`apart`) or not.
    fn mes_add1_with(&mut self, feasible: bool, skip: bool, apart: bool) -> Vec<usize> {
        let e = self.election;
        if e.num_voters() == 0 {
            return Vec::new();
        }
        let data = self.take_cost_data();
        let goal = if feasible {
            states::Goal::Fits(&e.budget)
        } else {
            states::Goal::Open(&e.budget)
        };
        let result = states::with_helper::<mes_interval::Mes, _>(&data, goal, apart, |helper| {
            self.mes_add1_walk(&data, feasible, skip, goal, helper)
        });
        self.mes_data = Some(data);
        result
    }

    /// [`Self::mes_add1`] over the cost data, with a helper to check the
    /// steps after those being checked, if any.
    fn mes_add1_walk(
        &mut self,
        data: &mes::CostData,
        feasible: bool,
        skip: bool,
        goal: states::Goal,
        helper: Option<&states::Helper<'_>>,
    ) -> Vec<usize> {
        let e = self.election;
        let eligible = mes::eligible(e);
        let base = self.base_budget();
        let start = approx::Approx::from_ratio(base.numer(), base.denom());
        let mut certifier = mes_interval::Certifier::default();
        let at = |k: u64| &base + BigRational::from_integer(BigInt::from(k));
        // The steps from `first` to `last`, as per-voter budgets.
        let interval = |first: u64, last: u64| {
            (
                (start.lower() + first as f64).next_down(),
                (start.upper() + last as f64).next_up(),
            )
        };
        // The last step known to give an outcome that fits and is not the
        // last, and the next step to run.
        let mut good: Option<u64> = None;
        let mut step = 0u64;
        // How many steps to try to certify at once.
        let mut span = 16u64;
        loop {
            let outcome = self.mes_cost_with(data, &at(step));
            if total_cost(e, &outcome) > e.budget {
                break match good {
                    Some(k) => self.mes_cost_with(data, &at(k)),
                    None => Vec::new(),
                };
            }
            let done = if feasible {
                all_selected(&eligible, &outcome, e.projects.len())
            } else {
                is_exhaustive(e, &outcome, &eligible)
            };
            if done {
                break outcome;
            }
            good = Some(step);
            let mut failures = 0;
            while skip && failures < 2 && span >= MIN_SPAN {
                let next = step + 1;
                let known: &[(u64, u64)] = if feasible { &self.mes_open } else { &[] };
                if let Some(&(_, last)) = known.iter().find(|&&(a, b)| a <= next && next <= b) {
                    step = last;
                    good = Some(step);
                    continue;
                }
                // The steps after these, as many, checked at the same time
                // where there is a second core (0.77x the time of `mes-add1`
                // over the 17 shared elections, 0.62x on Budapest 2024).
                let first = interval(step + 1, step + span);
                let then = interval(step + span + 1, step + 2 * span);
                let (held, then_held) = certifier.holds_then(helper, data, goal, first, Some(then));
                if held {
                    for _ in 0..if then_held == Some(true) { 2 } else { 1 } {
                        if !feasible {
                            self.mes_open.push((step + 1, step + span));
                        }
                        step += span;
                        good = Some(step);
                    }
                    if then_held == Some(false) {
                        // The next ones failed already.
                        span = span.div_ceil(4);
                        failures = 1;
                        continue;
                    }
                    span = (span + span.div_ceil(2)).min(1 << 40);
                    failures = 0;
                } else {
                    span = span.div_ceil(4);
                    failures += 1;
                }
            }
            if span < MIN_SPAN {
                // Back to certificates after a few exact steps.
                span += 1;
            }
            step += 1;
        }
    }

    /// pabutools `exhaustion_by_budget_increase` with its defaults: the whole budget
    /// is raised by B/100 per step, up to B·(n+1); returns the first outcome that
    /// is exhaustive over all projects, or the one before the first that costs
    /// more than B.
    fn mes_exh1pct(&mut self) -> Vec<usize> {
        let e = self.election;
        if e.num_voters() == 0 {
            return Vec::new();
        }
        let all: Vec<usize> = (0..e.projects.len()).collect();
        let n = BigRational::from_integer(BigInt::from(e.num_voters()));
        let step = &e.budget / BigRational::from_integer(BigInt::from(100));
        let bound = &e.budget * (&n + BigRational::from_integer(BigInt::from(1)));
        let mut whole = e.budget.clone();
        let mut previous = Vec::new();
        while whole <= bound {
            let outcome = self.mes_cost(&(&whole / &n));
            if total_cost(e, &outcome) > e.budget {
                return previous;
            }
            if is_exhaustive(e, &outcome, &all) {
                return outcome;
            }
            previous = outcome;
            if step.is_zero() {
                break;
            }
            whole += &step;
        }
        previous
    }

    fn meta_rule(&mut self) -> Result<Outcome, CountError> {
        let e = self.election;
        let rule = e.meta_value("rule").unwrap_or("unknown").to_string();
        let greedy_default = if e.vote_type.is_approval() {
            Method::GreedyCost
        } else {
            Method::GreedyScore
        };
        match rule.as_str() {
            "greedy" | "unknown" | "greedy-custom" | "greedy-exclusive" => self.run(greedy_default),
            "equalshares/add1" | "equalshares/add1-comparison" => self.run(Method::MesCostAdd1Feasible),
            "equalshares" | "equalshares-comparison" => self.run(Method::MesCost),
            "greedy-no-skip" => Ok(Outcome::from_order(e, greedy::greedy_no_skip(e))),
            "greedy-threshold" => {
                let value = e.meta_value("min_project_score_threshold").unwrap_or("0");
                let threshold = parse_rational(&value.replace(',', ".")).ok_or_else(|| CountError::BadMeta {
                    key: "min_project_score_threshold",
                    value: value.to_string(),
                })?;
                Ok(Outcome::from_order(e, greedy::greedy_threshold(e, &threshold)))
            }
            _ => Err(CountError::UnknownMetaRule(rule)),
        }
    }
}

/// pabutools `Instance.is_exhaustive(outcome, available_projects)`: no project of
/// `available` outside the outcome still fits in the budget.
/// The fewest add1 steps worth a certificate: one costs about two exact
/// runs (Mokotów 2020, where races are close at every step: 0.75x the time
/// of certifying single steps; 3 and 6 took longer).
const MIN_SPAN: u64 = 4;

fn is_exhaustive(election: &Election, outcome: &[usize], available: &[usize]) -> bool {
    let spent = total_cost(election, outcome);
    let mut chosen = vec![false; election.projects.len()];
    for &i in outcome {
        chosen[i] = true;
    }
    !available
        .iter()
        .any(|&p| !chosen[p] && &spent + &election.projects[p].cost <= election.budget)
}

fn all_selected(eligible: &[usize], outcome: &[usize], num_projects: usize) -> bool {
    let mut chosen = vec![false; num_projects];
    for &i in outcome {
        chosen[i] = true;
    }
    eligible.iter().all(|&p| chosen[p])
}

#[cfg(test)]
mod ees_tests;
#[cfg(test)]
mod tests;
