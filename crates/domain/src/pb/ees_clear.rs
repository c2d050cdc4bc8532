//! Where ADD-OPT-SKIP may stop sooner than where [`super::ees_stop`] shows
//! that no outcome fits: the smallest per-voter budget found from which no
//! EES outcome fits up to there. From a budget where the outcome does not
//! fit, certificates ([`super::states`], [`Goal::NoBetter`] with no best:
//! no outcome fits) jump over intervals where none fits; where none holds,
//! EES runs exactly and the walk goes to the next change (of any kind: the
//! outcome is the same up to it, as in ADD-OPT). A run whose outcome fits
//! moves the start of what is clear past its interval.

use std::sync::atomic::{AtomicBool, Ordering};

use num_rational::BigRational;

use super::approx::Approx;
use super::ees::{Levels, next_change, run, short};
use super::ees_interval::Certifier;
use super::mes::CostData;
use super::states::Goal;
use super::{Election, numbers, total_cost};

/// A per-voter budget from which no EES outcome fits up to `to`, found
/// from `from` (where the search starts: at or above where the outcome
/// last fits, for speed), unless `over` is set first or every outcome
/// from some budget on fits.
pub(super) fn clear_from(
    data: &CostData,
    election: &Election,
    certifier: &mut Certifier,
    from: f64,
    to: f64,
    over: &AtomicBool,
) -> Option<f64> {
    let goal = Goal::NoBetter(&election.budget, None);
    let m = data.projects.len();
    let dearest = data.cost_approx.iter().map(|c| c.upper()).fold(0.0, f64::max);
    let mut per_voter = BigRational::from_float(short(from))?;
    // Where what is clear starts.
    let mut start = numbers::to_f64(&per_voter);
    let mut step = short((to - start) / 64.0);
    let mut last_change = 0.0;
    let mut failures = 0;
    let mut levels = Levels::default();
    loop {
        if over.load(Ordering::Relaxed) {
            return None;
        }
        let at = Approx::from_ratio(per_voter.numer(), per_voter.denom());
        if at.lower() >= to {
            return Some(start);
        }
        if failures < 2 && step > 0.0 && at.upper() < dearest {
            let high = (at.upper() + step).next_up();
            if certifier.holds_unless(data, goal, at.lower(), high, over) {
                per_voter += BigRational::from_float(step)?;
                step = short(1.5 * step);
                failures = 0;
            } else {
                failures += 1;
                step = short(step / 4.0);
            }
            continue;
        }
        let now = run(data, &per_voter);
        let fits = total_cost(election, &now.order(data)) <= election.budget;
        if fits && now.rounds.len() == m {
            return None;
        }
        let Some(d) = next_change(data, &now, false, 32.0 * last_change, &mut levels) else {
            return (!fits).then_some(start);
        };
        last_change = numbers::to_f64(&d);
        per_voter += d;
        if fits {
            start = Approx::from_ratio(per_voter.numer(), per_voter.denom()).upper();
        }
        failures = 0;
        step = short(step.max(4.0 * last_change));
    }
}
