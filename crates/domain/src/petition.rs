//! Petitions (interpellation): a collect step in "support" mode. People
//! support proposals; a proposal that reaches the step's threshold obliges
//! the organisation to answer before a public deadline; one that has not
//! reached it after a configured time is archived (still readable, no more
//! supports).

use chrono::{DateTime, Duration, Utc};

use crate::FieldErrors;
use crate::form_answers::parse_number;
use crate::vote::Requirements;

/// The longest delays and the largest threshold accepted (ten years, ten
/// million supports): beyond, a typing mistake.
const MAX_DAYS: i64 = 3650;
const MAX_THRESHOLD: i64 = 10_000_000;

/// A collect step's petition settings (the step is in support mode when
/// they exist).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PetitionSettings {
    /// Supports that oblige an answer.
    pub threshold: i64,
    /// Days the organisation gives itself to answer once the threshold is
    /// reached.
    pub answer_days: i64,
    /// Days after publication after which a proposal below the threshold
    /// is archived; None: never.
    pub archive_days: Option<i64>,
    /// What a supporter must show besides a confirmed email.
    pub checks: Checks,
}

/// The stronger checks a petition may ask of its supporters (a confirmed
/// email is always asked: a petition counts people).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Checks {
    /// An identity verified by a provider that verifies identities.
    pub verified_identity: bool,
    /// A single-use identification code of the step, entered once.
    pub id_code: bool,
    /// A phone number (its format only).
    pub phone: bool,
}

impl PetitionSettings {
    /// The checks as vote requirements, so that the supporter's missing
    /// ones are found by the same rules as a voter's.
    pub fn requirements(&self) -> Requirements {
        Requirements {
            confirmed_email: true,
            verified_identity: self.checks.verified_identity,
            id_code: self.checks.id_code,
            phone: self.checks.phone,
            ..Requirements::default()
        }
    }
}

impl Default for PetitionSettings {
    fn default() -> Self {
        PetitionSettings {
            threshold: 500,
            answer_days: 60,
            archive_days: Some(180),
            checks: Checks::default(),
        }
    }
}

fn days(s: &str, required: bool) -> Result<Option<i64>, &'static str> {
    if s.trim().is_empty() {
        return if required { Err("error-required") } else { Ok(None) };
    }
    match parse_number(s)? {
        n if n < 1 => Err("error-number-too-small"),
        n if n > MAX_DAYS => Err("error-number-too-large"),
        n => Ok(Some(n)),
    }
}

/// Parses the settings form (`threshold`, `answer_days`, `archive_days`;
/// an empty archive delay means proposals are never archived); the
/// checkboxes come as `checks`.
pub fn parse_settings(
    threshold: &str,
    answer_days: &str,
    archive_days: &str,
    checks: Checks,
) -> Result<PetitionSettings, FieldErrors> {
    let mut errors = FieldErrors::new();
    let threshold = errors.check(
        "threshold",
        if threshold.trim().is_empty() {
            Err("error-required")
        } else {
            parse_number(threshold).and_then(|n| match n {
                n if n < 1 => Err("error-number-too-small"),
                n if n > MAX_THRESHOLD => Err("error-number-too-large"),
                n => Ok(n),
            })
        },
    );
    let answer_days = errors.check("answer_days", days(answer_days, true)).flatten();
    let archive_days = errors.check("archive_days", days(archive_days, false));
    match (threshold, answer_days, archive_days) {
        (Some(threshold), Some(answer_days), Some(archive_days)) if errors.is_empty() => Ok(PetitionSettings {
            threshold,
            answer_days,
            archive_days,
            checks,
        }),
        _ => Err(errors),
    }
}

/// Where a petition stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Gathering supports.
    Collecting,
    /// Past the threshold, the answer due by `due`.
    AwaitingAnswer { due: DateTime<Utc> },
    /// The official answer is published.
    Answered,
    /// Archived below the threshold.
    Archived,
}

impl Standing {
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Collecting => "collecting",
            Standing::AwaitingAnswer { .. } => "awaiting",
            Standing::Answered => "answered",
            Standing::Archived => "archived",
        }
    }
}

/// A proposal's petition facts, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Facts {
    pub reached_at: Option<DateTime<Utc>>,
    pub answer_due_at: Option<DateTime<Utc>>,
    pub archived_at: Option<DateTime<Utc>>,
    /// The official answer is published.
    pub answered: bool,
}

/// Where a proposal stands. An answer published counts even before the
/// threshold (the organisation may answer any petition); an archived
/// proposal never reached the threshold.
pub fn standing(f: Facts) -> Standing {
    if f.answered {
        Standing::Answered
    } else if f.archived_at.is_some() {
        Standing::Archived
    } else if let Some(due) = f.answer_due_at.or(f.reached_at) {
        Standing::AwaitingAnswer { due }
    } else {
        Standing::Collecting
    }
}

/// The answer's deadline for a threshold reached at `reached`.
pub fn answer_due(reached: DateTime<Utc>, s: &PetitionSettings) -> DateTime<Utc> {
    reached + Duration::days(s.answer_days)
}

/// Whole days from `now` to `due`, rounded up (0 on the day, negative when
/// late: -3 is three days late).
pub fn days_left(due: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    let secs = (due - now).num_seconds();
    if secs >= 0 {
        (secs + 86_399) / 86_400
    } else {
        -((-secs) / 86_400)
    }
}

/// Whether a published proposal below the threshold is due for archiving.
pub fn archive_due(published_at: DateTime<Utc>, reached: bool, s: &PetitionSettings, now: DateTime<Utc>) -> bool {
    match s.archive_days {
        Some(d) if !reached => now >= published_at + Duration::days(d),
        _ => false,
    }
}

/// The share of the threshold reached, in whole percents from 0 to 100.
pub fn percent(supports: i64, threshold: i64) -> i64 {
    if threshold <= 0 {
        return 100;
    }
    (i128::from(supports.max(0)) * 100 / i128::from(threshold)).min(100) as i64
}

/// Why a support is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    NotSupportMode,
    StepNotOpen,
    NotPublished,
    Archived,
}

impl Refusal {
    pub fn message_id(self) -> &'static str {
        match self {
            Refusal::NotSupportMode => "support-refused-mode",
            Refusal::StepNotOpen => "support-refused-closed",
            Refusal::NotPublished => "support-refused-unpublished",
            Refusal::Archived => "support-refused-archived",
        }
    }
}

/// Whether a proposal may be supported (or a support withdrawn) now.
pub fn may_support(support_mode: bool, step_open: bool, published: bool, archived: bool) -> Result<(), Refusal> {
    if !support_mode {
        Err(Refusal::NotSupportMode)
    } else if !published {
        Err(Refusal::NotPublished)
    } else if archived {
        Err(Refusal::Archived)
    } else if !step_open {
        Err(Refusal::StepNotOpen)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, d, h, 0, 0).unwrap()
    }

    #[test]
    fn settings_are_checked_field_by_field() {
        assert_eq!(
            parse_settings("1 000", "60", "", Checks::default()),
            Ok(PetitionSettings {
                threshold: 1000,
                answer_days: 60,
                archive_days: None,
                checks: Checks::default(),
            })
        );
        let none = Checks::default();
        assert_eq!(parse_settings("50", "30", "90", none).unwrap().archive_days, Some(90));
        let e = parse_settings("0", "", "abc", none).unwrap_err();
        assert!(e.has("threshold") && e.has("answer_days") && e.has("archive_days"));
        assert_eq!(e.0[0].code, "error-number-too-small");
        assert_eq!(e.0[1].code, "error-required");
        assert_eq!(
            parse_settings("10", "99999", "", none).unwrap_err().0[0].code,
            "error-number-too-large"
        );
        assert!(parse_settings("", "60", "", none).unwrap_err().has("threshold"));
    }

    #[test]
    fn standing_follows_answer_archive_and_threshold() {
        let due = at(20, 0);
        assert_eq!(standing(Facts::default()), Standing::Collecting);
        let reached = Facts {
            reached_at: Some(at(1, 0)),
            answer_due_at: Some(due),
            ..Facts::default()
        };
        assert_eq!(standing(reached), Standing::AwaitingAnswer { due });
        assert_eq!(
            standing(Facts {
                answered: true,
                ..reached
            }),
            Standing::Answered
        );
        let archived = Facts {
            archived_at: Some(at(2, 0)),
            ..Facts::default()
        };
        assert_eq!(standing(archived), Standing::Archived);
        assert_eq!(
            standing(Facts {
                answered: true,
                ..archived
            }),
            Standing::Answered
        );
    }

    #[test]
    fn deadlines_count_whole_days() {
        let s = PetitionSettings {
            answer_days: 60,
            ..PetitionSettings::default()
        };
        assert_eq!(
            answer_due(at(1, 10), &s),
            Utc.with_ymd_and_hms(2026, 4, 30, 10, 0, 0).unwrap()
        );
        assert_eq!(days_left(at(10, 12), at(10, 12)), 0);
        assert_eq!(days_left(at(10, 12), at(10, 11)), 1);
        assert_eq!(days_left(at(12, 12), at(10, 12)), 2);
        assert_eq!(days_left(at(10, 12), at(10, 13)), 0);
        assert_eq!(days_left(at(10, 12), at(13, 13)), -3);
    }

    #[test]
    fn archiving_waits_for_the_delay_and_spares_reached_petitions() {
        let s = PetitionSettings {
            archive_days: Some(30),
            ..PetitionSettings::default()
        };
        let published = at(1, 8);
        assert!(!archive_due(published, false, &s, at(31, 7)));
        assert!(archive_due(published, false, &s, at(31, 8)));
        assert!(!archive_due(published, true, &s, at(31, 8)));
        let never = PetitionSettings {
            archive_days: None,
            ..s
        };
        assert!(!archive_due(published, false, &never, at(31, 8)));
    }

    #[test]
    fn checks_become_requirements_with_a_confirmed_email() {
        let checks = Checks {
            id_code: true,
            phone: true,
            ..Checks::default()
        };
        let s = parse_settings("10", "60", "", checks).unwrap();
        let r = s.requirements();
        assert!(r.confirmed_email && r.id_code && r.phone && !r.verified_identity);
        assert_eq!(r.min_age, None);
        let supporter = crate::vote::Voter {
            confirmed: true,
            has_phone: true,
            ..Default::default()
        };
        let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(
            crate::vote::missing_requirements(&r, &supporter, today),
            vec![crate::vote::Missing::IdCode]
        );
        assert!(
            PetitionSettings::default().requirements()
                == Requirements {
                    confirmed_email: true,
                    ..Default::default()
                }
        );
    }

    #[test]
    fn who_may_support() {
        assert_eq!(may_support(true, true, true, false), Ok(()));
        assert_eq!(may_support(false, true, true, false), Err(Refusal::NotSupportMode));
        assert_eq!(may_support(true, false, true, false), Err(Refusal::StepNotOpen));
        assert_eq!(may_support(true, true, false, false), Err(Refusal::NotPublished));
        assert_eq!(may_support(true, true, true, true), Err(Refusal::Archived));
    }

    proptest! {
        #[test]
        fn percent_is_between_0_and_100(supports in any::<i64>(), threshold in any::<i64>()) {
            let p = percent(supports, threshold);
            prop_assert!((0..=100).contains(&p));
            if threshold > 0 && supports >= threshold {
                prop_assert_eq!(p, 100);
            }
        }

        #[test]
        fn parsing_never_panics(a in ".{0,12}", b in ".{0,12}", c in ".{0,12}") {
            let _ = parse_settings(&a, &b, &c, Checks::default());
        }
    }
}
