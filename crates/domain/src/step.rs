//! Steps of a participatory project: their types, the state computed from
//! their dates, and the parsing of a step form.

use chrono::{DateTime, NaiveDateTime, Utc};

use crate::{FieldErrors, text};

/// What a step is for. Stored as `as_str` text, checked by the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepType {
    Presentation,
    Collect,
    Analysis,
    Vote,
    Results,
    FollowUp,
    Consultation,
    Questionnaire,
    Debate,
    Other,
}

impl StepType {
    pub const ALL: [StepType; 10] = [
        StepType::Presentation,
        StepType::Collect,
        StepType::Analysis,
        StepType::Vote,
        StepType::Results,
        StepType::FollowUp,
        StepType::Consultation,
        StepType::Questionnaire,
        StepType::Debate,
        StepType::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StepType::Presentation => "presentation",
            StepType::Collect => "collect",
            StepType::Analysis => "analysis",
            StepType::Vote => "vote",
            StepType::Results => "results",
            StepType::FollowUp => "follow_up",
            StepType::Consultation => "consultation",
            StepType::Questionnaire => "questionnaire",
            StepType::Debate => "debate",
            StepType::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Result<StepType, &'static str> {
        StepType::ALL
            .into_iter()
            .find(|t| t.as_str() == s.trim())
            .ok_or("error-step-type-unknown")
    }
}

/// Where a step stands at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum StepState {
    Upcoming,
    Open,
    Closed,
}

impl StepState {
    pub fn as_str(self) -> &'static str {
        match self {
            StepState::Upcoming => "upcoming",
            StepState::Open => "open",
            StepState::Closed => "closed",
        }
    }
}

/// The state of a step with these dates at `now`. A step without dates is
/// "continuous": always open. The start is inclusive, the end exclusive.
pub fn state_at(now: DateTime<Utc>, starts_at: Option<DateTime<Utc>>, ends_at: Option<DateTime<Utc>>) -> StepState {
    if starts_at.is_some_and(|s| now < s) {
        StepState::Upcoming
    } else if ends_at.is_some_and(|e| now >= e) {
        StepState::Closed
    } else {
        StepState::Open
    }
}

/// What a visitor is invited to do in a step: the button of its project's
/// card and of its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallToAction {
    Vote,
    Propose,
    Participate,
    Results,
    FollowUp,
    Discover,
}

impl CallToAction {
    pub fn as_str(self) -> &'static str {
        match self {
            CallToAction::Vote => "vote",
            CallToAction::Propose => "propose",
            CallToAction::Participate => "participate",
            CallToAction::Results => "results",
            CallToAction::FollowUp => "follow_up",
            CallToAction::Discover => "discover",
        }
    }
}

/// The call to action of a step of this type in this state.
pub fn call_to_action(step_type: StepType, state: StepState) -> CallToAction {
    use StepType as T;
    match (state, step_type) {
        (StepState::Upcoming, _) => CallToAction::Discover,
        (_, T::FollowUp) => CallToAction::FollowUp,
        (StepState::Open, T::Vote) => CallToAction::Vote,
        (StepState::Open, T::Collect) => CallToAction::Propose,
        (StepState::Open, T::Consultation | T::Questionnaire | T::Debate) => CallToAction::Participate,
        (_, T::Vote | T::Results) => CallToAction::Results,
        _ => CallToAction::Discover,
    }
}

/// Parses the value of an `<input type="datetime-local">` (`YYYY-MM-DDTHH:MM`,
/// seconds optional). An empty value means "no date".
pub fn parse_local_datetime(s: &str) -> Result<Option<NaiveDateTime>, &'static str> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .map(Some)
        .ok_or("error-date-invalid")
}

/// A step form as submitted, before parsing.
#[derive(Debug, Clone, Default)]
pub struct RawStep<'a> {
    pub title: &'a str,
    pub step_type: &'a str,
    pub body: &'a str,
    pub starts_at: &'a str,
    pub ends_at: &'a str,
}

/// A valid step form. Dates are still in the platform's local time.
#[derive(Debug, Clone, PartialEq)]
pub struct StepInput {
    pub title: String,
    pub step_type: StepType,
    pub body: String,
    pub starts_at: Option<NaiveDateTime>,
    pub ends_at: Option<NaiveDateTime>,
}

pub const MAX_BODY: usize = 50_000;

impl StepInput {
    pub fn parse(raw: &RawStep) -> Result<StepInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = errors.check("title", text::title(raw.title));
        let step_type = errors.check("step_type", StepType::parse(raw.step_type));
        let body = errors.check("body", text::long_text(raw.body, MAX_BODY));
        let starts_at = errors.check("starts_at", parse_local_datetime(raw.starts_at));
        let ends_at = errors.check("ends_at", parse_local_datetime(raw.ends_at));
        if let (Some(Some(s)), Some(Some(e))) = (starts_at, ends_at)
            && e <= s
        {
            errors.add("ends_at", "error-end-before-start");
        }
        errors.into_result(|| StepInput {
            title: title.unwrap_or_default(),
            step_type: step_type.unwrap_or(StepType::Other),
            body: body.unwrap_or_default(),
            starts_at: starts_at.flatten(),
            ends_at: ends_at.flatten(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_to_action_follow_type_and_state() {
        use CallToAction as C;
        assert_eq!(call_to_action(StepType::Vote, StepState::Open), C::Vote);
        assert_eq!(call_to_action(StepType::Vote, StepState::Closed), C::Results);
        assert_eq!(call_to_action(StepType::Vote, StepState::Upcoming), C::Discover);
        assert_eq!(call_to_action(StepType::Collect, StepState::Open), C::Propose);
        assert_eq!(call_to_action(StepType::Collect, StepState::Closed), C::Discover);
        assert_eq!(call_to_action(StepType::Questionnaire, StepState::Open), C::Participate);
        assert_eq!(call_to_action(StepType::FollowUp, StepState::Open), C::FollowUp);
        assert_eq!(call_to_action(StepType::Results, StepState::Open), C::Results);
        assert_eq!(call_to_action(StepType::Presentation, StepState::Open), C::Discover);
    }
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn at(d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, d, 0, 0, 0).unwrap()
    }

    #[test]
    fn state_follows_the_dates() {
        assert_eq!(state_at(at(5), None, None), StepState::Open);
        assert_eq!(state_at(at(5), Some(at(6)), None), StepState::Upcoming);
        assert_eq!(state_at(at(6), Some(at(6)), Some(at(7))), StepState::Open);
        assert_eq!(state_at(at(7), Some(at(6)), Some(at(7))), StepState::Closed);
        assert_eq!(state_at(at(5), None, Some(at(4))), StepState::Closed);
    }

    #[test]
    fn step_form_checks_every_field() {
        let raw = RawStep {
            title: "",
            step_type: "party",
            body: "",
            starts_at: "2026-02-01T10:00",
            ends_at: "2026-01-01T10:00",
        };
        let errs = StepInput::parse(&raw).unwrap_err();
        assert!(errs.has("title"));
        assert!(errs.has("step_type"));
        assert!(errs.has("ends_at"));
        let ok = StepInput::parse(&RawStep {
            title: "Dépôt",
            step_type: "collect",
            ..Default::default()
        })
        .unwrap();
        assert_eq!(ok.step_type, StepType::Collect);
        assert_eq!(ok.starts_at, None);
    }

    #[test]
    fn every_step_type_round_trips() {
        for t in StepType::ALL {
            assert_eq!(StepType::parse(t.as_str()), Ok(t));
        }
    }

    proptest! {
        #[test]
        fn date_parser_never_panics(s in ".{0,40}") {
            let _ = parse_local_datetime(&s);
        }

        #[test]
        fn step_parser_never_panics(t in ".{0,300}", ty in ".{0,20}", a in ".{0,30}", b in ".{0,30}") {
            let _ = StepInput::parse(&RawStep { title: &t, step_type: &ty, body: "", starts_at: &a, ends_at: &b });
        }
    }
}
