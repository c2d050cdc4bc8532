//! Counting a vote step: votes (or points) per proposal, online and paper
//! apart, then the winners under the step's counting rule. Pure: the caller
//! reads the ballots and stores the result.
//!
//! Greedy, greedy by ratio and territorial balance work on each proposal's
//! total (online ballots, paper ballots and paper tallies). The Method of
//! Equal Shares and Phragmén need each voter's ballot, so they count the
//! ballots (online and paper) through the same code as `participe pb
//! count`, on the election that `participe pb export` writes: anyone can
//! recount the published file and find the same winners.

use std::collections::BTreeMap;

use num_bigint::BigInt;
use num_rational::BigRational;

use crate::pb::territorial::{Item, territorial};
use crate::pb::{self, Election, Rule, VoteType};
use crate::vote::{VoteMode, points};
use crate::vote_config::CountingRule;

/// A proposal on the ballot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: i64,
    pub cost: i64,
    /// The proposal's district id, if any.
    pub district: Option<i64>,
}

/// A counted ballot: proposal ids in rank order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ballot {
    pub choices: Vec<i64>,
    pub paper: bool,
    /// The district envelope it was cast in (0 without envelopes per district).
    pub envelope: i64,
}

/// How a step is counted.
#[derive(Debug, Clone)]
pub struct Setup<'a> {
    pub mode: &'a VoteMode,
    pub rule: CountingRule,
    /// K of the territorial rule.
    pub top_k: u32,
    /// The budget the winners share (without envelopes per district).
    pub budget: i64,
    /// District envelopes: with `per_district`, each district is counted
    /// apart with its envelope; otherwise they bound the territorial round.
    pub envelopes: &'a [(i64, i64)],
    pub per_district: bool,
}

/// One proposal's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: i64,
    /// Votes (or points, for rankings) from online ballots.
    pub online: i64,
    /// Votes (or points) from paper ballots and paper tallies.
    pub paper: i64,
}

impl Row {
    pub fn total(&self) -> i64 {
        self.online + self.paper
    }
}

/// The outcome of a count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// Every candidate, most votes first (ties by id as text).
    pub rows: Vec<Row>,
    /// The winners in the order the rule selected them.
    pub selected: Vec<i64>,
    pub total_cost: i64,
}

/// Why a step cannot be counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TallyError {
    /// Proportional rules need ballots; paper tallies have none.
    TalliesNeedGreedy,
    Rule(String),
}

/// Counts a step. `tallies` are paper votes entered per proposal.
pub fn count(
    setup: &Setup,
    candidates: &[Candidate],
    ballots: &[Ballot],
    tallies: &[(i64, i64)],
) -> Result<Count, TallyError> {
    if setup.rule.needs_ballots() && tallies.iter().any(|(_, v)| *v > 0) {
        return Err(TallyError::TalliesNeedGreedy);
    }
    let mut rows: BTreeMap<i64, Row> = candidates
        .iter()
        .map(|c| {
            (
                c.id,
                Row {
                    id: c.id,
                    online: 0,
                    paper: 0,
                },
            )
        })
        .collect();
    for b in ballots {
        for (id, pts) in points(setup.mode, &b.choices) {
            if let Some(r) = rows.get_mut(&id) {
                if b.paper {
                    r.paper += pts;
                } else {
                    r.online += pts;
                }
            }
        }
    }
    for (id, votes) in tallies {
        if let Some(r) = rows.get_mut(id) {
            r.paper += votes;
        }
    }
    let mut rows: Vec<Row> = rows.into_values().collect();
    rows.sort_by(|a, b| {
        b.total()
            .cmp(&a.total())
            .then_with(|| a.id.to_string().cmp(&b.id.to_string()))
    });

    let groups: Vec<(i64, i64)> = if setup.per_district {
        setup.envelopes.to_vec()
    } else {
        vec![(0, setup.budget)]
    };
    let mut selected = Vec::new();
    for (envelope, budget) in groups {
        let in_group = |c: &&Candidate| !setup.per_district || c.district == Some(envelope);
        let group: Vec<&Candidate> = candidates.iter().filter(in_group).collect();
        let group_ballots: Vec<&Ballot> = ballots
            .iter()
            .filter(|b| !setup.per_district || b.envelope == envelope)
            .collect();
        selected.extend(select(setup, budget, &group, &group_ballots, &rows)?);
    }
    let total_cost = selected
        .iter()
        .filter_map(|id| candidates.iter().find(|c| c.id == *id))
        .map(|c| c.cost)
        .sum();
    Ok(Count {
        rows,
        selected,
        total_cost,
    })
}

fn select(
    setup: &Setup,
    budget: i64,
    group: &[&Candidate],
    ballots: &[&Ballot],
    rows: &[Row],
) -> Result<Vec<i64>, TallyError> {
    let score = |id: i64| rows.iter().find(|r| r.id == id).map_or(0, Row::total);
    // As in the reference implementation, a proposal without votes is still
    // funded if money is left once every supported one has been considered.
    let items = || -> Vec<Item> {
        group
            .iter()
            .map(|c| Item {
                id: c.id.to_string(),
                cost: c.cost,
                score: score(c.id),
                district: c.district.map(|d| format!("{d:020}")),
            })
            .collect()
    };
    let ids = |v: Vec<String>| v.iter().filter_map(|s| s.parse().ok()).collect::<Vec<i64>>();
    match setup.rule {
        CountingRule::Greedy => Ok(ids(territorial(&items(), budget, 0, &BTreeMap::new()))),
        CountingRule::Territorial => {
            let envelopes = setup.envelopes.iter().map(|(d, a)| (format!("{d:020}"), *a)).collect();
            Ok(ids(territorial(&items(), budget, setup.top_k, &envelopes)))
        }
        CountingRule::GreedyRatio => Ok(greedy_ratio(group, budget, score)),
        _ => {
            let election = election(setup.mode, budget, group, ballots);
            let rule =
                Rule::from_name(setup.rule.as_str()).ok_or_else(|| TallyError::Rule(setup.rule.as_str().into()))?;
            let outcome = pb::count_rule(&election, rule).map_err(|e| TallyError::Rule(e.to_string()))?;
            Ok(outcome
                .order
                .iter()
                .filter_map(|&i| election.projects[i].id.parse().ok())
                .collect())
        }
    }
}

/// Most votes per unit of cost first (a free proposal with votes first of
/// all), ties by id as text; skips what no longer fits (pabutools' greedy
/// with cardinality satisfaction).
fn greedy_ratio(group: &[&Candidate], budget: i64, score: impl Fn(i64) -> i64) -> Vec<i64> {
    let mut order: Vec<&Candidate> = group.to_vec();
    // Density votes/cost: 0 without votes, infinite for a free proposal with votes.
    let density = |c: &Candidate| -> (u8, i128, i128) {
        let s = i128::from(score(c.id));
        match (s, c.cost) {
            (0, _) => (0, 0, 1),
            (_, 0) => (2, 0, 1),
            (s, cost) => (1, s, i128::from(cost)),
        }
    };
    order.sort_by(|a, b| {
        let ((ka, sa, ca), (kb, sb, cb)) = (density(a), density(b));
        // Higher density first: compare sb/cb with sa/ca by cross-multiplying.
        kb.cmp(&ka)
            .then_with(|| (sb * ca).cmp(&(sa * cb)))
            .then_with(|| a.id.to_string().cmp(&b.id.to_string()))
    });
    let mut left = budget;
    let mut out = vec![];
    for c in order {
        if c.cost <= left {
            left -= c.cost;
            out.push(c.id);
        }
    }
    out
}

/// The pabulib election of a step (or of one district envelope): projects
/// are proposal ids, ballots keep their rank order. Rankings are ordinal
/// with `max_length` = the ranking's length, so pabulib's positional score
/// equals our points.
pub fn election(mode: &VoteMode, budget: i64, group: &[&Candidate], ballots: &[&Ballot]) -> Election {
    let mut projects: Vec<pb::Project> = group
        .iter()
        .map(|c| pb::Project {
            id: c.id.to_string(),
            cost: BigRational::from_integer(BigInt::from(c.cost)),
            name: None,
            selected: None,
            line: 0,
        })
        .collect();
    projects.sort_by(|a, b| a.id.cmp(&b.id));
    let (vote_type, mut meta) = match mode {
        VoteMode::Ranking { max } => (VoteType::Ordinal, vec![("max_length".to_string(), max.to_string())]),
        _ => (VoteType::Approval, vec![]),
    };
    meta.insert(0, ("vote_type".into(), vote_type.as_str().into()));
    meta.insert(0, ("budget".into(), budget.to_string()));
    let index = |id: i64| projects.binary_search_by(|p| p.id.as_str().cmp(&id.to_string())).ok();
    let ballots = ballots
        .iter()
        .map(|b| {
            let mut v: Vec<u32> = b.choices.iter().filter_map(|id| index(*id)).map(|i| i as u32).collect();
            if vote_type == VoteType::Approval {
                v.sort_unstable();
            }
            v
        })
        .collect();
    Election {
        meta,
        vote_type,
        budget: BigRational::from_integer(BigInt::from(budget)),
        projects,
        ballots,
        points: None,
        warnings: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cands() -> Vec<Candidate> {
        vec![
            Candidate {
                id: 1,
                cost: 400,
                district: Some(1),
            },
            Candidate {
                id: 2,
                cost: 300,
                district: Some(1),
            },
            Candidate {
                id: 3,
                cost: 300,
                district: Some(2),
            },
            Candidate {
                id: 10,
                cost: 100,
                district: Some(2),
            },
        ]
    }

    /// The candidates plus a free proposal (cost 0).
    fn cands_with_free() -> Vec<Candidate> {
        let mut c = cands();
        c.push(Candidate {
            id: 11,
            cost: 0,
            district: None,
        });
        c
    }

    fn b(choices: &[i64], paper: bool) -> Ballot {
        Ballot {
            choices: choices.to_vec(),
            paper,
            envelope: 0,
        }
    }

    fn setup(mode: &VoteMode, rule: CountingRule, budget: i64) -> Setup<'_> {
        Setup {
            mode,
            rule,
            top_k: 1,
            budget,
            envelopes: &[],
            per_district: false,
        }
    }

    #[test]
    fn greedy_adds_online_paper_and_tallies_and_skips_what_does_not_fit() {
        let m = VoteMode::Simple { min: None, max: None };
        let ballots = [b(&[1, 2], false), b(&[1, 3], false), b(&[2], true), b(&[3, 10], false)];
        let c = count(&setup(&m, CountingRule::Greedy, 800), &cands(), &ballots, &[(10, 2)]).unwrap();
        assert_eq!(
            c.rows[0],
            Row {
                id: 10,
                online: 1,
                paper: 2
            }
        );
        // 10 (3 votes), then 1, 2, 3 with 2 votes each (ties by id as text): 10 + 1 + 2 = 800.
        assert_eq!(c.selected, vec![10, 1, 2]);
        assert_eq!(c.total_cost, 800);
    }

    #[test]
    fn rankings_count_points() {
        let m = VoteMode::Ranking { max: 2 };
        let ballots = [b(&[3, 1], false), b(&[1], true)];
        let c = count(&setup(&m, CountingRule::Greedy, 700), &cands(), &ballots, &[]).unwrap();
        let r1 = c.rows.iter().find(|r| r.id == 1).unwrap();
        assert_eq!((r1.online, r1.paper), (1, 2));
        assert_eq!(c.selected, vec![1, 3]);
    }

    #[test]
    fn territorial_serves_each_district() {
        let m = VoteMode::Simple { min: None, max: None };
        // District 1's projects lead; district 2's best (3) must still win.
        let ballots = [b(&[1, 2], false), b(&[1, 2], false), b(&[1, 2, 3], false)];
        let greedy = count(&setup(&m, CountingRule::Greedy, 700), &cands(), &ballots, &[]).unwrap();
        assert_eq!(greedy.selected, vec![1, 2]);
        let terr = count(&setup(&m, CountingRule::Territorial, 700), &cands(), &ballots, &[]).unwrap();
        assert_eq!(terr.selected, vec![1, 3]);
    }

    #[test]
    fn envelopes_per_district_are_counted_apart() {
        let m = VoteMode::Budget {
            envelope: 0,
            min_spend: None,
        };
        let ballots = [
            Ballot {
                choices: vec![1],
                paper: false,
                envelope: 1,
            },
            Ballot {
                choices: vec![2],
                paper: false,
                envelope: 1,
            },
            Ballot {
                choices: vec![2],
                paper: false,
                envelope: 1,
            },
            Ballot {
                choices: vec![3, 10],
                paper: false,
                envelope: 2,
            },
        ];
        let env = [(1, 500), (2, 400)];
        let s = Setup {
            envelopes: &env,
            per_district: true,
            ..setup(&m, CountingRule::Greedy, 0)
        };
        let c = count(&s, &cands(), &ballots, &[]).unwrap();
        assert_eq!(c.selected, vec![2, 10, 3]);
        assert_eq!(c.total_cost, 700);
    }

    #[test]
    fn proportional_rules_match_the_pb_module_and_refuse_tallies() {
        let m = VoteMode::Simple { min: None, max: None };
        let ballots = [b(&[1], false), b(&[1], false), b(&[2, 3], false), b(&[10], true)];
        let c = count(&setup(&m, CountingRule::Mes, 800), &cands(), &ballots, &[]).unwrap();
        let cs = cands();
        let refs: Vec<&Candidate> = cs.iter().collect();
        let bref: Vec<&Ballot> = ballots.iter().collect();
        let e = election(&m, 800, &refs, &bref);
        let o = pb::count_rule(&e, Rule::from_name("mes").unwrap()).unwrap();
        let expect: Vec<i64> = o.order.iter().map(|&i| e.projects[i].id.parse().unwrap()).collect();
        assert_eq!(c.selected, expect);
        assert!(c.selected.contains(&1));
        assert_eq!(
            count(&setup(&m, CountingRule::Phragmen, 800), &cands(), &ballots, &[(1, 3)]),
            Err(TallyError::TalliesNeedGreedy)
        );
    }

    #[test]
    fn greedy_ratio_prefers_cheap_support() {
        let m = VoteMode::Simple { min: None, max: None };
        let ballots = [b(&[1, 10], false), b(&[1], false), b(&[1], false), b(&[2], false)];
        let c = count(&setup(&m, CountingRule::GreedyRatio, 450), &cands(), &ballots, &[]).unwrap();
        // 10: 1/100, 1: 3/400, 2: 1/300 → 10, then 1 does not fit (500 > 450), 2 fits.
        assert_eq!(c.selected, vec![10, 2]);
    }

    proptest! {
        #[test]
        fn winners_fit_the_budget(choices in proptest::collection::vec(proptest::collection::vec(prop::sample::select(vec![1i64, 2, 3, 10, 11]), 0..4), 0..30),
                                  budget in 0i64..1200, rule in prop::sample::select(CountingRule::ALL.to_vec())) {
            let m = VoteMode::Simple { min: None, max: None };
            let ballots: Vec<Ballot> = choices.into_iter().map(|mut c| { c.sort(); c.dedup(); b(&c, false) }).collect();
            let c = count(&setup(&m, rule, budget), &cands_with_free(), &ballots, &[]).unwrap();
            prop_assert!(c.total_cost <= budget);
            // Without tallies, every rule but territorial gives what the pabulib
            // code gives on the exported election (what anyone can recount).
            if rule != CountingRule::Territorial {
                let cs = cands_with_free();
                let refs: Vec<&Candidate> = cs.iter().collect();
                let brefs: Vec<&Ballot> = ballots.iter().collect();
                let e = election(&m, budget, &refs, &brefs);
                let o = pb::count_rule(&e, Rule::from_name(rule.as_str()).unwrap()).unwrap();
                let mut a: Vec<String> = o.selected_ids(&e);
                let mut b: Vec<String> = c.selected.iter().map(|i| i.to_string()).collect();
                a.sort();
                b.sort();
                prop_assert_eq!(a, b);
            }
            let mut s = c.selected.clone();
            s.sort();
            s.dedup();
            prop_assert_eq!(s.len(), c.selected.len());
        }
    }
}
