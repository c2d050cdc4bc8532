//! Realisation follow-up of winning proposals ("droit de suite"): where the
//! realisation stands, how far it went, its dated milestones and its news.

use chrono::{Datelike, NaiveDate};

use crate::{FieldErrors, form::parse_number, text};

/// Where the realisation of a winning proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RealisationStatus {
    UnderStudy,
    InProgress,
    Delivered,
    Abandoned,
}

impl RealisationStatus {
    pub const ALL: [RealisationStatus; 4] = [
        RealisationStatus::UnderStudy,
        RealisationStatus::InProgress,
        RealisationStatus::Delivered,
        RealisationStatus::Abandoned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RealisationStatus::UnderStudy => "under_study",
            RealisationStatus::InProgress => "in_progress",
            RealisationStatus::Delivered => "delivered",
            RealisationStatus::Abandoned => "abandoned",
        }
    }

    pub fn parse(s: &str) -> Result<RealisationStatus, &'static str> {
        RealisationStatus::ALL
            .into_iter()
            .find(|a| a.as_str() == s.trim())
            .ok_or("error-choice-unknown")
    }

    /// The message id of its name (`realisation-status-delivered`…).
    pub fn message_id(self) -> &'static str {
        match self {
            RealisationStatus::UnderStudy => "realisation-status-under_study",
            RealisationStatus::InProgress => "realisation-status-in_progress",
            RealisationStatus::Delivered => "realisation-status-delivered",
            RealisationStatus::Abandoned => "realisation-status-abandoned",
        }
    }
}

/// Parses a progress percentage typed by a person ("60", "60 %"): a whole
/// number from 0 to 100.
pub fn parse_progress(s: &str) -> Result<i64, &'static str> {
    let t = s.trim().trim_end_matches('%').trim();
    if t.is_empty() {
        return Err("error-required");
    }
    match parse_number(t)? {
        n if (0..=100).contains(&n) => Ok(n),
        _ => Err("error-progress-range"),
    }
}

/// The status and progress form as submitted.
#[derive(Debug, Clone, Default)]
pub struct RawRealisation<'a> {
    pub status: &'a str,
    pub progress: &'a str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RealisationInput {
    pub status: RealisationStatus,
    pub progress: i64,
}

impl RealisationInput {
    /// A delivered realisation is complete: its progress must be 100 %.
    pub fn parse(raw: &RawRealisation) -> Result<RealisationInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let status = errors.check("status", RealisationStatus::parse(raw.status));
        let progress = errors.check("progress", parse_progress(raw.progress));
        if status == Some(RealisationStatus::Delivered) && progress.is_some_and(|p| p != 100) {
            errors.add("progress", "error-delivered-progress");
        }
        errors.into_result(|| RealisationInput {
            status: status.unwrap_or(RealisationStatus::UnderStudy),
            progress: progress.unwrap_or_default(),
        })
    }
}

/// Parses the value of an `<input type="date">` (`YYYY-MM-DD`), or a date
/// typed where the browser shows a plain text box (`DD/MM/YYYY`), within a
/// sane range of years.
pub fn parse_day(s: &str) -> Result<NaiveDate, &'static str> {
    let s = s.trim();
    if s.is_empty() {
        return Err("error-required");
    }
    match ["%Y-%m-%d", "%d/%m/%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
    {
        Some(d) if (2000..=2100).contains(&d.year()) => Ok(d),
        _ => Err("error-day-invalid"),
    }
}

/// A milestone form as submitted.
#[derive(Debug, Clone, Default)]
pub struct RawMilestone<'a> {
    pub title: &'a str,
    pub due_on: &'a str,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneInput {
    pub title: String,
    pub due_on: NaiveDate,
    pub done: bool,
}

impl MilestoneInput {
    pub fn parse(raw: &RawMilestone) -> Result<MilestoneInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = errors.check("title", text::title(raw.title));
        let due_on = errors.check("due_on", parse_day(raw.due_on));
        match (title, due_on) {
            (Some(title), Some(due_on)) if errors.is_empty() => Ok(MilestoneInput {
                title,
                due_on,
                done: raw.done,
            }),
            _ => Err(errors),
        }
    }
}

/// Longest news body, in characters.
pub const MAX_NEWS_BODY: usize = 20_000;
/// Longest text alternative of a photo, in characters.
pub use crate::text::MAX_ALT;

/// A news form as submitted (the photo itself is checked by the caller;
/// only its presence matters here).
#[derive(Debug, Clone, Default)]
pub struct RawNews<'a> {
    pub title: &'a str,
    pub body: &'a str,
    pub image_alt: &'a str,
    pub has_image: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewsInput {
    pub title: String,
    /// Markdown.
    pub body: String,
    /// The photo's text alternative; empty when there is no photo.
    pub image_alt: String,
}

impl NewsInput {
    /// A photo needs a text alternative (RGAA 1.1 / WCAG 1.1.1).
    pub fn parse(raw: &RawNews) -> Result<NewsInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = errors.check("title", text::title(raw.title));
        let body = errors.check(
            "body",
            text::long_text(raw.body, MAX_NEWS_BODY)
                .and_then(|b| if b.is_empty() { Err("error-required") } else { Ok(b) }),
        );
        let image_alt = errors.check("image_alt", text::image_alt(raw.image_alt, raw.has_image));
        match (title, body, image_alt) {
            (Some(title), Some(body), Some(image_alt)) if errors.is_empty() => Ok(NewsInput { title, body, image_alt }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip() {
        for s in RealisationStatus::ALL {
            assert_eq!(RealisationStatus::parse(s.as_str()), Ok(s));
            assert!(s.message_id().ends_with(s.as_str()));
        }
        assert_eq!(RealisationStatus::parse("done"), Err("error-choice-unknown"));
    }

    #[test]
    fn progress_is_a_percentage() {
        assert_eq!(parse_progress("60"), Ok(60));
        assert_eq!(parse_progress(" 60 % "), Ok(60));
        assert_eq!(parse_progress("0"), Ok(0));
        assert_eq!(parse_progress("100%"), Ok(100));
        assert_eq!(parse_progress("101"), Err("error-progress-range"));
        assert_eq!(parse_progress("-1"), Err("error-progress-range"));
        assert_eq!(parse_progress("abc"), Err("error-number-invalid"));
        assert_eq!(parse_progress("12.5"), Err("error-number-invalid"));
        assert_eq!(parse_progress(""), Err("error-required"));
    }

    #[test]
    fn delivered_means_complete() {
        let raw = |status, progress| RawRealisation { status, progress };
        assert_eq!(
            RealisationInput::parse(&raw("in_progress", "60")),
            Ok(RealisationInput {
                status: RealisationStatus::InProgress,
                progress: 60
            })
        );
        assert!(RealisationInput::parse(&raw("delivered", "100")).is_ok());
        let e = RealisationInput::parse(&raw("delivered", "90")).unwrap_err();
        assert_eq!(e.0[0].code, "error-delivered-progress");
        let e = RealisationInput::parse(&raw("finished", "abc")).unwrap_err();
        assert!(e.has("status") && e.has("progress"));
    }

    #[test]
    fn milestones_need_a_title_and_a_date() {
        let ok = MilestoneInput::parse(&RawMilestone {
            title: " Début des travaux ",
            due_on: "2026-09-01",
            done: true,
        })
        .unwrap();
        assert_eq!(ok.title, "Début des travaux");
        assert_eq!(ok.due_on, NaiveDate::from_ymd_opt(2026, 9, 1).unwrap());
        let e = MilestoneInput::parse(&RawMilestone {
            title: "",
            due_on: "31/02/2026",
            done: false,
        })
        .unwrap_err();
        assert!(e.has("title") && e.has("due_on"));
        assert_eq!(parse_day("01/09/2026"), Ok(ok.due_on));
        assert_eq!(parse_day("1899-01-01"), Err("error-day-invalid"));
        assert_eq!(parse_day("demain"), Err("error-day-invalid"));
        assert_eq!(parse_day(""), Err("error-required"));
    }

    #[test]
    fn a_photo_needs_a_text_alternative() {
        let raw = RawNews {
            title: "Les travaux commencent",
            body: "Les engins sont arrivés.",
            image_alt: "",
            has_image: true,
        };
        assert!(NewsInput::parse(&raw).unwrap_err().has("image_alt"));
        let n = NewsInput::parse(&RawNews {
            image_alt: "Une pelleteuse sur le terrain",
            ..raw.clone()
        })
        .unwrap();
        assert_eq!(n.image_alt, "Une pelleteuse sur le terrain");
        let n = NewsInput::parse(&RawNews {
            has_image: false,
            image_alt: "ignored",
            ..raw.clone()
        })
        .unwrap();
        assert_eq!(n.image_alt, "");
        let e = NewsInput::parse(&RawNews {
            title: "",
            body: "  ",
            ..raw
        })
        .unwrap_err();
        assert!(e.has("title") && e.has("body"));
    }
}
