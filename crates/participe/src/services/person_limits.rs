//! Limits on how often one person may cast or change a ballot, or
//! contribute (votes, arguments, sources, amendments), counted in the
//! server's memory: they guard the database against a script run from one
//! account, and a ballot costs no write of a counter. Limits per client
//! address (log-in, sign-up, password reset, contact) stay in the database,
//! shared by every server (`storage::rate_limit`), since they guard
//! passwords and mailboxes. With several servers, a person can reach each
//! server's limit.

use std::num::NonZeroU32;
use std::time::Duration;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// What is limited, per person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Ballot,
    Participation,
}

pub struct PersonLimits {
    limiter: Option<DefaultKeyedRateLimiter<(Kind, i64)>>,
}

impl PersonLimits {
    /// `max` actions per person every `window` (and at most `max` at once).
    pub fn new(max: i64, window: Duration) -> PersonLimits {
        let limiter = u32::try_from(max).ok().and_then(NonZeroU32::new).map(|burst| {
            let period = (window / burst.get()).max(Duration::from_nanos(1));
            RateLimiter::keyed(
                Quota::with_period(period)
                    .expect("a positive period")
                    .allow_burst(burst),
            )
        });
        PersonLimits { limiter }
    }

    /// Counts one action; false when the person is over the limit.
    pub fn allow(&self, kind: Kind, person: i64) -> bool {
        let Some(limiter) = &self.limiter else {
            return false;
        };
        let allowed = limiter.check_key(&(kind, person)).is_ok();
        // Forget people whose allowance is whole again, now and then.
        if limiter.len() > 100_000 {
            limiter.retain_recent();
        }
        allowed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_person_has_their_own_allowance() {
        let limits = PersonLimits::new(3, Duration::from_secs(900));
        for _ in 0..3 {
            assert!(limits.allow(Kind::Ballot, 1));
        }
        assert!(!limits.allow(Kind::Ballot, 1));
        assert!(limits.allow(Kind::Ballot, 2));
        assert!(limits.allow(Kind::Participation, 1));
    }

    #[test]
    fn a_limit_of_zero_refuses() {
        assert!(!PersonLimits::new(0, Duration::from_secs(900)).allow(Kind::Ballot, 1));
    }
}
