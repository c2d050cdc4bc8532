//! Greedy rules: pabutools `greedy_utilitarian_welfare` on its additive path,
//! and the pabulib META variants (no-skip, threshold).

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, Zero};

use super::{Election, SENTINEL_COST, VoteType};

/// The satisfaction class whose total, divided by cost, orders the projects.
#[derive(Clone, Copy)]
pub(super) enum Sat {
    /// `Cost_Sat`: cost if the ballot lists the project, so the density is the number of supporters.
    Cost,
    /// `Cardinality_Sat`: 1 if listed, so the density is supporters per unit of cost.
    Card,
    /// Points times cost (cumulative, scoring) or (max_length − rank) times cost
    /// (ordinal), so the density is the pabulib score.
    Score,
}

/// A project's density: `Σ sat / cost`, `+inf` for cost 0 with positive
/// satisfaction, 0 when the total satisfaction is not positive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Density {
    Finite(BigRational),
    Infinite,
}

impl Ord for Density {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Density::Infinite, Density::Infinite) => Ordering::Equal,
            (Density::Infinite, _) => Ordering::Greater,
            (_, Density::Infinite) => Ordering::Less,
            (Density::Finite(a), Density::Finite(b)) => a.cmp(b),
        }
    }
}

impl PartialOrd for Density {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Number of ballots that list each project (the approval projection).
pub(super) fn approval_counts(election: &Election) -> Vec<u64> {
    let mut counts = vec![0u64; election.projects.len()];
    for ballot in &election.ballots {
        for &p in ballot {
            counts[p as usize] += 1;
        }
    }
    counts
}

/// Each project's pabulib score: supporters (approval), total points
/// (cumulative; scoring adds META `default_score` for every ballot that does
/// not list the project), or positional points (ordinal: `max_length − rank`,
/// rank 0 for the first choice).
pub(super) fn scores(election: &Election) -> Vec<BigRational> {
    let n = election.projects.len();
    match election.vote_type {
        VoteType::Approval | VoteType::Choose1 => approval_counts(election)
            .into_iter()
            .map(|c| BigRational::from_integer(BigInt::from(c)))
            .collect(),
        VoteType::Cumulative | VoteType::Scoring => {
            let mut totals = vec![BigRational::zero(); n];
            let default = if election.vote_type == VoteType::Scoring {
                election
                    .meta_value("default_score")
                    .and_then(super::parse_rational)
                    .unwrap_or_else(BigRational::zero)
            } else {
                BigRational::zero()
            };
            for (voter, ballot) in election.ballots.iter().enumerate() {
                for (&p, v) in ballot.iter().zip(election.points_of(voter)) {
                    totals[p as usize] += v;
                }
            }
            if !default.is_zero() {
                let counts = approval_counts(election);
                let voters = election.ballots.len() as u64;
                for (total, listed) in totals.iter_mut().zip(counts) {
                    *total += &default * BigRational::from_integer(BigInt::from(voters - listed));
                }
            }
            totals
        }
        VoteType::Ordinal => {
            let max_length = max_length(election);
            let mut totals = vec![BigInt::zero(); n];
            for ballot in &election.ballots {
                for (rank, &p) in ballot.iter().enumerate() {
                    totals[p as usize] += max_length - rank as i64;
                }
            }
            totals.into_iter().map(BigRational::from_integer).collect()
        }
    }
}

/// META `max_length`, or the longest ballot when the file does not give it.
pub(super) fn max_length(election: &Election) -> i64 {
    election
        .meta_value("max_length")
        .and_then(|v| v.trim().parse::<i64>().ok())
        .unwrap_or_else(|| election.ballots.iter().map(<[u32]>::len).max().unwrap_or(0) as i64)
}

pub(super) fn densities(election: &Election, sat: Sat) -> Vec<Density> {
    let counts = approval_counts(election);
    let scores = match sat {
        Sat::Score => Some(scores(election)),
        _ => None,
    };
    election
        .projects
        .iter()
        .enumerate()
        .map(|(i, p)| {
            // pabutools: total = Σ sat; total > 0 ? (cost > 0 ? total / cost : inf) : 0.
            // Cost_Sat and the score classes multiply by the cost, so a free project
            // has total 0 there, and density = supporters (resp. score) otherwise.
            let positive_cost = p.cost.is_positive();
            match sat {
                Sat::Cost if positive_cost && counts[i] > 0 => {
                    Density::Finite(BigRational::from_integer(BigInt::from(counts[i])))
                }
                Sat::Card if counts[i] > 0 => {
                    if positive_cost {
                        Density::Finite(BigRational::from_integer(BigInt::from(counts[i])) / &p.cost)
                    } else {
                        Density::Infinite
                    }
                }
                Sat::Score => {
                    let score = &scores.as_ref().expect("scores computed")[i];
                    if positive_cost && score.is_positive() {
                        Density::Finite(score.clone())
                    } else {
                        Density::Finite(BigRational::zero())
                    }
                }
                _ => Density::Finite(BigRational::zero()),
            }
        })
        .collect()
}

/// pabutools `greedy_utilitarian_scheme_additive`: projects by decreasing
/// density, ties by id, each funded if it fits in what is left; the walk
/// skips what does not fit. `start` is an initial allocation (kept first).
pub(super) fn greedy(election: &Election, density: &[Density], start: &[usize]) -> Vec<usize> {
    walk(election, density, start, |_| true)
}

/// [`greedy`] over the projects that `allowed` accepts (a sub-instance).
fn walk(election: &Election, density: &[Density], start: &[usize], allowed: impl Fn(usize) -> bool) -> Vec<usize> {
    let mut taken = vec![false; election.projects.len()];
    let mut remaining = election.budget.clone();
    for &p in start {
        taken[p] = true;
        remaining -= &election.projects[p].cost;
    }
    let mut order: Vec<usize> = (0..election.projects.len())
        .filter(|&p| !taken[p] && allowed(p))
        .collect();
    // Indices are in id order, so a stable sort keeps ties by id.
    order.sort_by(|&a, &b| density[b].cmp(&density[a]));
    let mut outcome = start.to_vec();
    for p in order {
        let cost = &election.projects[p].cost;
        if *cost <= remaining {
            remaining -= cost;
            outcome.push(p);
        }
    }
    outcome
}

/// `completion_by_rule_combination([…, greedy_utilitarian_welfare], [{…}, {sat_class: Cost_Sat}])`:
/// greedy by votes from the allocation so far.
pub(super) fn complete_by_votes(election: &Election, start: Vec<usize>) -> Vec<usize> {
    greedy(election, &densities(election, Sat::Cost), &start)
}

/// META `greedy-no-skip`: by score, ties by id, stopping at the first project
/// that does not fit; sentinel-cost (withdrawn) projects are passed over.
pub(super) fn greedy_no_skip(election: &Election) -> Vec<usize> {
    let scores = scores(election);
    let sentinel = BigRational::from_integer(BigInt::from(SENTINEL_COST));
    let mut order: Vec<usize> = (0..election.projects.len()).collect();
    order.sort_by(|&a, &b| scores[b].cmp(&scores[a]));
    let mut remaining = election.budget.clone();
    let mut outcome = Vec::new();
    for p in order {
        let cost = &election.projects[p].cost;
        if *cost == sentinel {
            continue;
        }
        if *cost > remaining {
            break;
        }
        remaining -= cost;
        outcome.push(p);
    }
    outcome
}

/// META `greedy-threshold`: the default greedy (by votes, or by score for
/// non-approval ballots) on the projects whose score reaches the threshold.
pub(super) fn greedy_threshold(election: &Election, threshold: &BigRational) -> Vec<usize> {
    let scores = scores(election);
    let sat = if election.vote_type.is_approval() {
        Sat::Cost
    } else {
        Sat::Score
    };
    walk(election, &densities(election, sat), &[], |p| scores[p] >= *threshold)
}
