//! The life of an inactive account (GDPR: personal data is not kept longer
//! than needed): after `inactive_days` without a log-in, its data is
//! anonymised, but only once a reminder was sent at least `notice_days`
//! before, so that logging in again keeps it.

use chrono::{DateTime, Duration, Utc};

/// Default time without a log-in before an account is anonymised: 3 years.
pub const DEFAULT_INACTIVE_DAYS: i64 = 3 * 365;
/// The reminder comes this long before, at least.
pub const NOTICE_DAYS: i64 = 30;

/// When accounts are anonymised; `inactive_days = 0` never.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub inactive_days: i64,
    pub notice_days: i64,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            inactive_days: DEFAULT_INACTIVE_DAYS,
            notice_days: NOTICE_DAYS,
        }
    }
}

/// What is known of an account for this rule.
#[derive(Debug, Clone, Copy)]
pub struct Account {
    /// The last log-in, or the creation when there was none.
    pub last_active: DateTime<Utc>,
    /// When the reminder was sent, if it was since that last activity.
    pub reminded_at: Option<DateTime<Utc>>,
    /// Staff accounts are managed by administrators, not by this rule.
    pub staff: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Nothing,
    /// Send the reminder: the account will be anonymised on that day unless
    /// its owner logs in.
    Remind {
        on: DateTime<Utc>,
    },
    Anonymise,
}

impl Policy {
    pub fn enabled(&self) -> bool {
        self.inactive_days > 0
    }

    /// The last activity before which accounts are reminded now.
    pub fn remind_before(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now - Duration::days(self.inactive_days - self.notice_days.min(self.inactive_days))
    }

    /// What to do with `a` at `now`.
    pub fn step(&self, a: &Account, now: DateTime<Utc>) -> Step {
        if !self.enabled() || a.staff {
            return Step::Nothing;
        }
        let due = a.last_active + Duration::days(self.inactive_days);
        match a.reminded_at {
            None if a.last_active <= self.remind_before(now) => Step::Remind {
                // Never sooner than the notice after the reminder.
                on: due.max(now + Duration::days(self.notice_days)),
            },
            Some(r) if now >= due && now >= r + Duration::days(self.notice_days) => Step::Anonymise,
            _ => Step::Nothing,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(days: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000, 0).unwrap() + Duration::days(days)
    }

    #[test]
    fn an_inactive_account_is_reminded_then_anonymised() {
        let p = Policy::default();
        let mut a = Account {
            last_active: at(0),
            reminded_at: None,
            staff: false,
        };
        assert_eq!(p.step(&a, at(1000)), Step::Nothing);
        assert_eq!(p.step(&a, at(1065)), Step::Remind { on: at(1095) });
        a.reminded_at = Some(at(1065));
        assert_eq!(p.step(&a, at(1094)), Step::Nothing);
        assert_eq!(p.step(&a, at(1095)), Step::Anonymise);
    }

    #[test]
    fn a_late_reminder_still_gives_the_full_notice() {
        let p = Policy::default();
        let mut a = Account {
            last_active: at(0),
            reminded_at: None,
            staff: false,
        };
        // The rule was switched on long after: the notice still runs in full.
        assert_eq!(p.step(&a, at(2000)), Step::Remind { on: at(2030) });
        a.reminded_at = Some(at(2000));
        assert_eq!(p.step(&a, at(2029)), Step::Nothing);
        assert_eq!(p.step(&a, at(2030)), Step::Anonymise);
    }

    #[test]
    fn staff_and_a_disabled_rule_do_nothing() {
        let a = Account {
            last_active: at(0),
            reminded_at: Some(at(1)),
            staff: true,
        };
        assert_eq!(Policy::default().step(&a, at(5000)), Step::Nothing);
        let off = Policy {
            inactive_days: 0,
            notice_days: 30,
        };
        assert_eq!(off.step(&Account { staff: false, ..a }, at(5000)), Step::Nothing);
    }

    proptest! {
        #[test]
        fn nobody_is_anonymised_without_a_full_notice(
            inactive in 0i64..4000, notice in 0i64..100, last in 0i64..5000, reminded in proptest::option::of(0i64..6000),
            now in 0i64..8000,
        ) {
            let p = Policy { inactive_days: inactive, notice_days: notice };
            let a = Account { last_active: at(last), reminded_at: reminded.map(at), staff: false };
            match p.step(&a, at(now)) {
                Step::Anonymise => {
                    let r = reminded.unwrap();
                    prop_assert!(now - r >= notice && now - last >= inactive && inactive > 0);
                }
                Step::Remind { on } => {
                    prop_assert!(reminded.is_none());
                    prop_assert!(on >= at(now) + Duration::days(notice));
                }
                Step::Nothing => {}
            }
        }
    }
}
