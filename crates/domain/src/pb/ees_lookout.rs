//! ADD-OPT-SKIP's lookout: certificates ([`super::states`]) that no EES
//! outcome from the per-voter budget the walk reached up to the one from
//! where none fits (`to`) spends more than the best so far and fits
//! ([`Goal::NoBetter`]), so that the walk can stop there. A certificate
//! made with an earlier best still holds with a better one, and the walk
//! cannot find a better outcome where one holds, so what was certified
//! stays certified.
//!
//! [`Lookout`] tries every so often, between the walk's runs; [`Watch`]
//! tries all the time on a thread of its own, beside the walk.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use num_rational::BigRational;

use super::ees_interval::Certifier;
use super::mes::CostData;
use super::states::Goal;

/// Tries between the walk's runs, with a wait that grows after each try
/// that does not reach the end.
pub(super) struct Lookout<'c> {
    certifier: &'c mut Certifier,
    to: f64,
    /// Per-voter budgets where no outcome is better than the best so far
    /// (certified, so also than any better one found later).
    clear: Option<(f64, f64)>,
    /// The length of the next piece to certify.
    piece: f64,
    /// Runs to make before the next try, and that number the time after.
    wait: usize,
    backoff: usize,
}

impl<'c> Lookout<'c> {
    pub(super) fn new(certifier: &'c mut Certifier, to: f64) -> Self {
        Lookout {
            certifier,
            to,
            clear: None,
            piece: 0.0,
            wait: 0,
            backoff: 1,
        }
    }

    /// Whether nothing from `here` to the end is better than `best` (a try
    /// only every so often: see below).
    pub(super) fn nothing_better(
        &mut self,
        data: &CostData,
        budget: &BigRational,
        best: Option<&BigRational>,
        here: f64,
        last_step: f64,
    ) -> bool {
        if self.wait > 0 {
            self.wait -= 1;
            return false;
        }
        // From the end of what is clear, if that reaches here.
        let (from, start) = continued(self.clear, here);
        self.piece = f64::max(self.piece, 4.0 * last_step);
        let end = reach(
            data,
            self.certifier,
            Goal::NoBetter(budget, best),
            start,
            self.to,
            &mut self.piece,
        );
        if end >= self.to {
            return true;
        }
        self.clear = Some((from, end));
        // Trying after every run costs more in certificates that fail than
        // the runs it saves: each try that fails makes the wait half as long
        // again (times 2 or 3 took longer over the five slowest shared
        // elections).
        self.backoff += self.backoff.div_ceil(2);
        self.wait = self.backoff;
        false
    }
}

/// Where certificates go on from `here`: the start and end of what is
/// clear if that reaches `here`, else `here` twice.
fn continued(clear: Option<(f64, f64)>, here: f64) -> (f64, f64) {
    match clear {
        Some((from, end)) if from <= here && here <= end => (from, end),
        _ => (here, here),
    }
}

/// How far from `from` towards `to` certificates for `goal` hold, over
/// pieces `piece` long at first: each piece that holds makes the next half
/// as long again, and after a failure a quarter is tried, up to twice.
/// `piece` is left at the length to try next time.
fn reach(data: &CostData, certifier: &mut Certifier, goal: Goal, from: f64, to: f64, piece: &mut f64) -> f64 {
    let mut low = from;
    let mut failures = 0;
    while low < to && failures <= 2 {
        let high = (low + *piece).min(to);
        if high <= low {
            break;
        }
        if certifier.holds(data, goal, low, high) {
            low = high;
            *piece *= 1.5;
            failures = 0;
        } else {
            failures += 1;
            *piece /= 4.0;
        }
    }
    low
}

/// What the walk last told the watch.
#[derive(Default)]
struct Seen {
    /// The per-voter budget reached, the best outcome's cost so far, and
    /// the last step.
    here: f64,
    best: Option<BigRational>,
    step: f64,
    /// How many times the walk told something.
    news: u64,
    over: bool,
}

/// Tries on a thread of its own ([`Watch::watch`]) while the walk runs
/// EES, told where the walk is after each run ([`Watch::nothing_better`]).
/// The walk stops as soon as what is certified reaches from where it is to
/// the end, so how many runs it makes depends on how fast the two go; the
/// outcome does not.
#[derive(Default)]
pub(super) struct Watch {
    seen: Mutex<Seen>,
    /// Signalled when the walk tells something.
    told: Condvar,
    /// Per-voter budgets certified, from and to.
    clear: Mutex<Option<(f64, f64)>>,
    /// Set when the walk is over: a check under way gives up.
    over: AtomicBool,
}

/// A lock, whether or not a thread panicked while holding it (what is
/// behind the locks is always whole: plain values set at once).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Ends a [`Watch`] when dropped.
pub(super) struct Over<'w>(&'w Watch);

impl Drop for Over<'_> {
    fn drop(&mut self) {
        self.0.over.store(true, Ordering::Relaxed);
        lock(&self.0.seen).over = true;
        self.0.told.notify_all();
    }
}

impl Watch {
    /// The walk's side, after each run: tells where it is, and whether
    /// what is certified reaches from there to `to`.
    pub(super) fn nothing_better(&self, here: f64, best: Option<&BigRational>, step: f64, to: f64) -> bool {
        {
            let mut seen = lock(&self.seen);
            seen.here = here;
            if seen.best.as_ref() != best {
                seen.best = best.cloned();
            }
            seen.step = step;
            seen.news += 1;
        }
        self.told.notify_all();
        matches!(*lock(&self.clear), Some((from, end)) if from <= here && end >= to)
    }

    /// Ends the watch when the guard returned is dropped (the walk must
    /// hold it, so that the watch ends even if the walk panics).
    pub(super) fn until_dropped(&self) -> Over<'_> {
        Over(self)
    }

    /// Set once the walk is over.
    pub(super) fn over(&self) -> &AtomicBool {
        &self.over
    }

    /// The watching thread's side: certifies piece after piece from where
    /// the walk is, growing them by half after each that holds and
    /// shrinking them to a quarter after each that fails, as [`reach`]
    /// does; after three failures in a row it waits until the walk tells
    /// something new (a better outcome, or a budget further on).
    pub(super) fn watch(&self, data: &CostData, budget: &BigRational, to: f64, certifier: &mut Certifier) {
        let mut piece = 0.0;
        let mut failures = 0;
        let mut known = 0;
        loop {
            let (here, best, step) = {
                let mut seen = lock(&self.seen);
                while !seen.over && (seen.news == 0 || (failures >= 3 && seen.news == known)) {
                    seen = self.told.wait(seen).unwrap_or_else(PoisonError::into_inner);
                }
                if seen.over {
                    return;
                }
                if seen.news != known {
                    known = seen.news;
                    failures = 0;
                }
                (seen.here, seen.best.clone(), seen.step)
            };
            let (from, start) = continued(*lock(&self.clear), here);
            if start >= to {
                // Certified to the end: the walk stops at its next run.
                failures = 3;
                continue;
            }
            piece = f64::max(piece, 4.0 * step);
            let high = (start + piece).min(to);
            if high <= start {
                failures = 3;
                continue;
            }
            let goal = Goal::NoBetter(budget, best.as_ref());
            if certifier.holds_unless(data, goal, start, high, &self.over) {
                *lock(&self.clear) = Some((from, high));
                piece *= 1.5;
                failures = 0;
            } else {
                piece /= 4.0;
                failures += 1;
            }
        }
    }
}
