//! Comments, reports and moderation.

use crate::{FieldErrors, text};

pub const MAX_COMMENT: usize = 5_000;

/// A comment's text: 1 to 5,000 characters.
pub fn parse_comment(s: &str) -> Result<String, &'static str> {
    let t = text::long_text(s, MAX_COMMENT)?;
    if t.is_empty() { Err("error-required") } else { Ok(t) }
}

/// Comments have one level of replies: answering a reply answers its parent.
pub fn reply_target(parent_id: i64, parent_of_parent: Option<i64>) -> i64 {
    parent_of_parent.unwrap_or(parent_id)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportReason {
    Spam,
    Offensive,
    OffTopic,
    PersonalData,
    Other,
}

impl ReportReason {
    pub const ALL: [ReportReason; 5] = [
        ReportReason::Spam,
        ReportReason::Offensive,
        ReportReason::OffTopic,
        ReportReason::PersonalData,
        ReportReason::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ReportReason::Spam => "spam",
            ReportReason::Offensive => "offensive",
            ReportReason::OffTopic => "off_topic",
            ReportReason::PersonalData => "personal_data",
            ReportReason::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Result<ReportReason, &'static str> {
        ReportReason::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or("error-choice-unknown")
    }
}

/// What can be reported and hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Proposal,
    Comment,
    /// An article, contribution or amendment of a consultation.
    Opinion,
    /// An argument on an opinion or in a debate.
    Argument,
    Source,
}

impl Target {
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Proposal => "proposal",
            Target::Comment => "comment",
            Target::Opinion => "opinion",
            Target::Argument => "argument",
            Target::Source => "source",
        }
    }

    pub fn parse(s: &str) -> Option<Target> {
        match s {
            "proposal" => Some(Target::Proposal),
            "comment" => Some(Target::Comment),
            "opinion" => Some(Target::Opinion),
            "argument" => Some(Target::Argument),
            "source" => Some(Target::Source),
            _ => None,
        }
    }
}

/// A report as submitted: a reason and, for "other", an explanation.
pub fn parse_report(reason: &str, details: &str) -> Result<(ReportReason, String), FieldErrors> {
    let mut errors = FieldErrors::new();
    let reason = errors.check("reason", ReportReason::parse(reason));
    let details = errors.check("details", text::long_text(details, 1000));
    if reason == Some(ReportReason::Other) && details.as_deref().is_some_and(str::is_empty) {
        errors.add("details", "error-required");
    }
    errors.into_result(|| (reason.unwrap_or(ReportReason::Other), details.unwrap_or_default()))
}

/// The public reason given when hiding content: required, 3 to 500 characters.
pub fn parse_hide_reason(s: &str) -> Result<String, &'static str> {
    let t = text::long_text(s, 500)?;
    if t.chars().count() < 3 {
        Err("error-required")
    } else {
        Ok(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn comments_and_reports() {
        assert!(parse_comment("  ").is_err());
        assert!(parse_comment(&"x".repeat(5001)).is_err());
        assert_eq!(reply_target(5, Some(2)), 2);
        assert_eq!(reply_target(5, None), 5);
        assert!(parse_report("other", "").unwrap_err().has("details"));
        assert_eq!(parse_report("spam", "").unwrap().0, ReportReason::Spam);
        assert!(parse_hide_reason("ok").is_err());
    }

    proptest! {
        #[test]
        fn never_panic(a in "\\PC{0,40}", b in "\\PC{0,40}") {
            let _ = parse_report(&a, &b);
            let _ = parse_comment(&a);
            let _ = parse_hide_reason(&b);
        }
    }
}
