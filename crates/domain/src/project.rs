//! Participatory projects: visibility, the phase derived from their steps,
//! and the parsing of a project form.

use chrono::{DateTime, Utc};

use crate::step::{StepState, state_at};
use crate::{FieldErrors, Role, slug, text};

/// Who can see a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// Only staff who manage projects.
    Draft,
    /// Everybody, listed on the home page.
    Public,
    /// Signed-in people only.
    Restricted,
}

impl Visibility {
    pub const ALL: [Visibility; 3] = [Visibility::Draft, Visibility::Public, Visibility::Restricted];

    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Draft => "draft",
            Visibility::Public => "public",
            Visibility::Restricted => "restricted",
        }
    }

    pub fn parse(s: &str) -> Result<Visibility, &'static str> {
        Visibility::ALL
            .into_iter()
            .find(|v| v.as_str() == s.trim())
            .ok_or("error-visibility-unknown")
    }

    /// Whether a viewer (None when anonymous) may see a project with this visibility.
    pub fn visible_to(self, viewer: Option<Role>) -> bool {
        match self {
            Visibility::Public => true,
            Visibility::Restricted => viewer.is_some(),
            Visibility::Draft => crate::permission::can(viewer, crate::permission::Action::ViewDrafts),
        }
    }

    /// Whether a viewer with `role` and belonging to `groups` may see a
    /// project with this visibility shown to `restricted_to` (a restricted
    /// project with groups: their members and staff; without: anyone
    /// signed in).
    pub fn visible_to_member(self, role: Option<Role>, groups: &[i64], restricted_to: &[i64]) -> bool {
        match self {
            Visibility::Restricted if !restricted_to.is_empty() => {
                crate::permission::can(role, crate::permission::Action::ViewDrafts)
                    || restricted_to.iter().any(|g| groups.contains(g))
            }
            v => v.visible_to(role),
        }
    }
}

/// Where a project stands, for the home page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Open,
    Upcoming,
    Past,
}

/// Dates of a published step, enough to place its project in time.
#[derive(Debug, Clone, Copy)]
pub struct StepDates {
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
}

/// A project is open while one of its published steps is open, upcoming when
/// all are still to come (or it has none), past when all are closed.
pub fn phase_at(now: DateTime<Utc>, steps: &[StepDates]) -> Phase {
    let states: Vec<StepState> = steps.iter().map(|s| state_at(now, s.starts_at, s.ends_at)).collect();
    if states.contains(&StepState::Open) {
        Phase::Open
    } else if states.iter().all(|s| *s == StepState::Closed) && !states.is_empty() {
        Phase::Past
    } else if states.contains(&StepState::Upcoming) || states.is_empty() {
        Phase::Upcoming
    } else {
        Phase::Past
    }
}

/// The step a project puts forward (by index in `steps`): the latest open
/// one (a continuous presentation step stays open for ever, so the last open
/// step is the live one), else the next to come, else the last.
pub fn featured_step(now: DateTime<Utc>, steps: &[StepDates]) -> Option<usize> {
    let states: Vec<StepState> = steps.iter().map(|s| state_at(now, s.starts_at, s.ends_at)).collect();
    states
        .iter()
        .rposition(|s| *s == StepState::Open)
        .or_else(|| states.iter().position(|s| *s == StepState::Upcoming))
        .or_else(|| steps.len().checked_sub(1))
}

/// A project form as submitted.
#[derive(Debug, Clone, Default)]
pub struct RawProject<'a> {
    pub title: &'a str,
    pub slug: &'a str,
    pub summary: &'a str,
    pub description: &'a str,
    pub visibility: &'a str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ProjectInput {
    pub title: String,
    pub slug: String,
    pub summary: String,
    /// Markdown source; rendered and sanitised on display.
    pub description: String,
    pub visibility: Visibility,
}

pub const MAX_SUMMARY: usize = 500;
pub const MAX_DESCRIPTION: usize = 100_000;

impl ProjectInput {
    /// Parses the form; an empty slug is derived from the title.
    pub fn parse(raw: &RawProject) -> Result<ProjectInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = errors.check("title", text::title(raw.title));
        let slug_src = if raw.slug.trim().is_empty() {
            slug::slugify(title.as_deref().unwrap_or(""))
        } else {
            raw.slug.trim().to_string()
        };
        let slug = if title.is_some() || !raw.slug.trim().is_empty() {
            errors.check("slug", slug::parse(&slug_src))
        } else {
            None
        };
        let summary = errors.check("summary", text::long_text(raw.summary, MAX_SUMMARY));
        let description = errors.check("description", text::long_text(raw.description, MAX_DESCRIPTION));
        let visibility = errors.check("visibility", Visibility::parse(raw.visibility));
        errors.into_result(|| ProjectInput {
            title: title.unwrap_or_default(),
            slug: slug.unwrap_or_default(),
            summary: summary.unwrap_or_default(),
            description: description.unwrap_or_default(),
            visibility: visibility.unwrap_or(Visibility::Draft),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    #[test]
    fn the_featured_step_is_the_live_one_else_the_next_else_the_last() {
        let now = Utc.with_ymd_and_hms(2026, 6, 1, 12, 0, 0).unwrap();
        let d = |m: u32| Some(Utc.with_ymd_and_hms(2026, m, 1, 0, 0, 0).unwrap());
        let step = |a, b| StepDates {
            starts_at: a,
            ends_at: b,
        };
        let continuous = step(None, None);
        let past = step(d(1), d(2));
        let open = step(d(5), d(7));
        let next = step(d(8), d(9));
        let later = step(d(10), d(11));
        assert_eq!(featured_step(now, &[continuous, past, open, next]), Some(2));
        assert_eq!(featured_step(now, &[continuous, past]), Some(0));
        assert_eq!(featured_step(now, &[past, next, later]), Some(1));
        assert_eq!(featured_step(now, &[past, past]), Some(1));
        assert_eq!(featured_step(now, &[]), None);
    }

    fn d(day: u32) -> Option<DateTime<Utc>> {
        Some(Utc.with_ymd_and_hms(2026, 3, day, 0, 0, 0).unwrap())
    }

    #[test]
    fn phase_from_steps() {
        let now = d(10).unwrap();
        let open = StepDates {
            starts_at: d(1),
            ends_at: d(20),
        };
        let past = StepDates {
            starts_at: d(1),
            ends_at: d(2),
        };
        let future = StepDates {
            starts_at: d(15),
            ends_at: None,
        };
        assert_eq!(phase_at(now, &[past, open, future]), Phase::Open);
        assert_eq!(phase_at(now, &[past, future]), Phase::Upcoming);
        assert_eq!(phase_at(now, &[past]), Phase::Past);
        assert_eq!(phase_at(now, &[]), Phase::Upcoming);
    }

    #[test]
    fn visibility_rules() {
        assert!(Visibility::Public.visible_to(None));
        assert!(!Visibility::Restricted.visible_to(None));
        assert!(Visibility::Restricted.visible_to(Some(Role::Participant)));
        assert!(!Visibility::Draft.visible_to(Some(Role::Participant)));
        assert!(Visibility::Draft.visible_to(Some(Role::ProjectManager)));
    }

    #[test]
    fn groups_narrow_a_restricted_project() {
        let r = Visibility::Restricted;
        assert!(r.visible_to_member(Some(Role::Participant), &[], &[]));
        assert!(!r.visible_to_member(Some(Role::Participant), &[], &[3]));
        assert!(!r.visible_to_member(Some(Role::Participant), &[2], &[3]));
        assert!(r.visible_to_member(Some(Role::Participant), &[2, 3], &[3, 4]));
        assert!(r.visible_to_member(Some(Role::ProjectManager), &[], &[3]));
        assert!(Visibility::Public.visible_to_member(None, &[], &[3]));
        assert!(!Visibility::Draft.visible_to_member(Some(Role::Participant), &[3], &[3]));
    }

    #[test]
    fn project_form_derives_slug_and_checks_fields() {
        let p = ProjectInput::parse(&RawProject {
            title: "Budget 2026 à Démo",
            visibility: "public",
            ..Default::default()
        })
        .unwrap();
        assert_eq!(p.slug, "budget-2026-a-demo");
        let e = ProjectInput::parse(&RawProject {
            title: &"x".repeat(201),
            slug: "Bad Slug",
            visibility: "secret",
            ..Default::default()
        })
        .unwrap_err();
        assert!(e.has("title") && e.has("slug") && e.has("visibility"));
    }

    proptest! {
        #[test]
        fn project_parser_never_panics(t in "\\PC{0,250}", s in "\\PC{0,90}", v in "\\PC{0,12}") {
            let _ = ProjectInput::parse(&RawProject { title: &t, slug: &s, summary: "", description: "", visibility: &v });
        }
    }
}
