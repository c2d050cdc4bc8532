//! Analysis of proposals by the services, and the decision that follows.

use crate::{FieldErrors, form::parse_optional_count, text};

/// What the analyst found about admissibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admissibility {
    Pending,
    Admissible,
    NotAdmissible,
}

impl Admissibility {
    pub const ALL: [Admissibility; 3] = [
        Admissibility::Pending,
        Admissibility::Admissible,
        Admissibility::NotAdmissible,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Admissibility::Pending => "pending",
            Admissibility::Admissible => "admissible",
            Admissibility::NotAdmissible => "not_admissible",
        }
    }

    pub fn parse(s: &str) -> Result<Admissibility, &'static str> {
        Admissibility::ALL
            .into_iter()
            .find(|a| a.as_str() == s)
            .ok_or("error-choice-unknown")
    }
}

/// The decision on a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Goes on to the vote.
    Admissible,
    NotAdmissible,
    /// Merged into another proposal, which carries on in its place.
    Merged,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Admissible, Outcome::NotAdmissible, Outcome::Merged];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Admissible => "admissible",
            Outcome::NotAdmissible => "not_admissible",
            Outcome::Merged => "merged",
        }
    }

    pub fn parse(s: &str) -> Result<Outcome, &'static str> {
        Outcome::ALL
            .into_iter()
            .find(|a| a.as_str() == s)
            .ok_or("error-choice-unknown")
    }
}

/// An analysis form as submitted.
#[derive(Debug, Clone, Default)]
pub struct RawAnalysis<'a> {
    pub admissibility: &'a str,
    pub reason: &'a str,
    pub reason_text: &'a str,
    pub feasibility: &'a str,
    pub cost_estimate: &'a str,
    pub delay_months: &'a str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisInput {
    pub admissibility: Admissibility,
    /// Id of a reason from the configurable list (checked by the caller).
    pub reason: Option<i64>,
    pub reason_text: String,
    pub feasibility: String,
    pub cost_estimate: Option<i64>,
    pub delay_months: Option<i64>,
}

impl AnalysisInput {
    pub fn parse(raw: &RawAnalysis) -> Result<AnalysisInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let admissibility = errors.check("admissibility", Admissibility::parse(raw.admissibility));
        let reason = if raw.reason.trim().is_empty() {
            None
        } else {
            errors.check(
                "reason",
                raw.reason.trim().parse::<i64>().map_err(|_| "error-choice-unknown"),
            )
        };
        if admissibility == Some(Admissibility::NotAdmissible) && reason.is_none() && raw.reason_text.trim().is_empty()
        {
            errors.add("reason", "error-reason-needed");
        }
        let reason_text = errors.check("reason_text", text::long_text(raw.reason_text, 5000));
        let feasibility = errors.check("feasibility", text::long_text(raw.feasibility, 10_000));
        let cost_estimate = errors
            .check("cost_estimate", parse_optional_count(raw.cost_estimate))
            .flatten();
        let delay_months = errors
            .check("delay_months", parse_optional_count(raw.delay_months))
            .flatten();
        errors.into_result(|| AnalysisInput {
            admissibility: admissibility.unwrap_or(Admissibility::Pending),
            reason,
            reason_text: reason_text.unwrap_or_default(),
            feasibility: feasibility.unwrap_or_default(),
            cost_estimate,
            delay_months,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_admissible_needs_a_reason() {
        let e = AnalysisInput::parse(&RawAnalysis {
            admissibility: "not_admissible",
            cost_estimate: "-5",
            ..Default::default()
        })
        .unwrap_err();
        assert!(e.has("reason") && e.has("cost_estimate"));
        let ok = AnalysisInput::parse(&RawAnalysis {
            admissibility: "admissible",
            cost_estimate: "12 000",
            delay_months: "6",
            ..Default::default()
        })
        .unwrap();
        assert_eq!((ok.cost_estimate, ok.delay_months), (Some(12000), Some(6)));
        assert!(
            AnalysisInput::parse(&RawAnalysis {
                admissibility: "maybe",
                ..Default::default()
            })
            .is_err()
        );
    }
}
