//! Sequential Phragmén, as pabutools `sequential_phragmen` computes it.
//!
//! Loads start at 0; the candidates are the projects that cost at most the
//! budget. Each round every candidate gets
//! `ℓ(p) = (Σ supporters' loads + c(p)) / supporters` (`+inf` without
//! supporters). If any project tied at the minimum no longer fits, the rule
//! stops; otherwise the smallest id among the tied is funded and its
//! supporters' loads become ℓ.
//!
//! A voter's load is the ℓ of the last funded project it supports, so each
//! project only needs how much supporter weight sits at each of those loads.
//! Loads are exact integers over a common denominator; floating-point values
//! with error bounds ([`Approx`]) find the minimum, and exact integers settle
//! the projects whose bounds overlap.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::ToPrimitive;

use super::Election;
use super::approx::Approx;
use super::mes::ballot_groups;

/// Returns the projects in the order funded.
pub(super) fn sequential_phragmen(election: &Election) -> Vec<usize> {
    let num_projects = election.projects.len();
    let groups = ballot_groups(election.ballots.iter());
    let mut supporters: Vec<Vec<u32>> = vec![Vec::new(); num_projects];
    let mut approvals = vec![0u64; num_projects];
    for (g, (ballot, weight)) in groups.iter().enumerate() {
        for &p in ballot {
            supporters[p as usize].push(g as u32);
            approvals[p as usize] += weight;
        }
    }
    let mut candidate: Vec<bool> = election.projects.iter().map(|p| p.cost <= election.budget).collect();

    // Exact numbers are integers over the common denominator d.
    let mut d = election
        .projects
        .iter()
        .fold(BigInt::from(1), |d, p| d.lcm(p.cost.denom()));
    let scale = |r: &BigRational, d: &BigInt| r.numer() * (d / r.denom());
    let mut cost: Vec<BigInt> = election.projects.iter().map(|p| scale(&p.cost, &d)).collect();
    let cost_approx: Vec<Approx> = election
        .projects
        .iter()
        .map(|p| Approx::from_ratio(p.cost.numer(), p.cost.denom()))
        .collect();
    // Load levels: level 0 is the initial 0, level i + 1 the ℓ of the i-th funded project.
    let mut level: Vec<BigInt> = vec![BigInt::from(0)];
    let mut level_approx: Vec<Approx> = vec![Approx::ZERO];
    let mut group_level = vec![0u32; groups.len()];
    // at_level[p][i]: supporter weight of p whose load is level i.
    let mut at_level: Vec<Vec<u64>> = approvals.iter().map(|&a| vec![a]).collect();

    let mut spent = BigRational::from_integer(BigInt::from(0));
    let mut outcome = Vec::new();
    loop {
        let live: Vec<usize> = (0..num_projects).filter(|&p| candidate[p]).collect();
        if live.is_empty() {
            return outcome;
        }
        let supported: Vec<(usize, Approx)> = live
            .iter()
            .filter(|&&p| approvals[p] > 0)
            .map(|&p| {
                let loads = at_level[p]
                    .iter()
                    .zip(&level_approx)
                    .filter(|(w, _)| **w > 0)
                    .fold(Approx::ZERO, |acc, (&w, l)| acc.add(l.mul_int(w)));
                (p, loads.add(cost_approx[p]).div_int(approvals[p]))
            })
            .collect();
        // The projects tied at the minimum, and the exact minimum (None: +inf).
        let (tied, best): (Vec<usize>, Option<BigInt>) = if supported.is_empty() {
            (live, None)
        } else {
            let bound = supported.iter().map(|(_, l)| l.upper()).fold(f64::INFINITY, f64::min);
            let contenders: Vec<usize> = supported
                .iter()
                .filter(|(_, l)| l.lower() <= bound)
                .map(|&(p, _)| p)
                .collect();
            // ℓ(p) = numerator / (d · approvals).
            let numerator = |p: usize| -> BigInt {
                at_level[p]
                    .iter()
                    .zip(&level)
                    .filter(|(w, _)| **w > 0)
                    .fold(cost[p].clone(), |acc, (&w, l)| acc + l * w)
            };
            if contenders.len() == 1 {
                (contenders.clone(), Some(numerator(contenders[0])))
            } else {
                let exact: Vec<(usize, BigInt)> = contenders.iter().map(|&p| (p, numerator(p))).collect();
                let cmp =
                    |a: &(usize, BigInt), b: &(usize, BigInt)| (&a.1 * approvals[b.0]).cmp(&(&b.1 * approvals[a.0]));
                let min = exact.iter().min_by(|a, b| cmp(a, b)).expect("contenders").clone();
                let tied: Vec<usize> = exact
                    .iter()
                    .filter(|e| cmp(e, &min) == Ordering::Equal)
                    .map(|e| e.0)
                    .collect();
                let numerator = exact.into_iter().find(|e| e.0 == tied[0]).expect("tied").1;
                (tied, Some(numerator))
            }
        };
        if tied
            .iter()
            .any(|&p| &spent + &election.projects[p].cost > election.budget)
        {
            return outcome;
        }
        // Projects are indexed in id order: the first tied is the smallest id.
        let chosen = tied[0];
        candidate[chosen] = false;
        spent += &election.projects[chosen].cost;
        outcome.push(chosen);
        let Some(numerator) = best else {
            continue; // nobody supports it: no load moves
        };
        // ℓ = numerator / (d · approvals): make d · approvals / g the new denominator.
        let weight = approvals[chosen];
        let rem = (&numerator % weight).to_u64().expect("a remainder below a u64");
        let g = rem.gcd(&weight);
        let factor = weight / g;
        if factor > 1 {
            d *= factor;
            for x in level.iter_mut().chain(cost.iter_mut()) {
                *x *= factor;
            }
        }
        let load = numerator / g;
        level_approx.push(Approx::from_ratio(&load, &d));
        level.push(load);
        let new_level = (level.len() - 1) as u32;
        for row in at_level.iter_mut() {
            row.push(0);
        }
        for &g in &supporters[chosen] {
            let g = g as usize;
            let old = group_level[g] as usize;
            group_level[g] = new_level;
            let (ballot, w) = &groups[g];
            for &r in ballot {
                let row = &mut at_level[r as usize];
                row[old] -= w;
                row[new_level as usize] += w;
            }
        }
    }
}
