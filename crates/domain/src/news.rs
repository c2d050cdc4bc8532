//! News posts: their form (title, summary, text, publication date, comments
//! on or off, the proposals they mention). Comments are moderation.rs's.

use chrono::NaiveDateTime;

use crate::step::parse_local_datetime;
use crate::{FieldErrors, text};

/// Longest summary (one line, shown on cards).
pub const MAX_SUMMARY: usize = 300;
/// Longest text (Markdown).
pub const MAX_BODY: usize = 50_000;
/// Most proposals one post mentions.
pub const MAX_PROPOSALS: usize = 20;

/// A post's form as submitted.
#[derive(Debug, Default)]
pub struct RawPost<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub body: &'a str,
    /// Empty: not published (a draft); a date to come: scheduled.
    pub published_at: &'a str,
    pub comments: bool,
    /// Proposal numbers (ids) separated by commas or spaces.
    pub proposals: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostInput {
    pub title: String,
    pub summary: String,
    pub body: String,
    /// In the platform's local time.
    pub published_at: Option<NaiveDateTime>,
    pub comments: bool,
    pub proposals: Vec<i64>,
}

impl PostInput {
    pub fn parse(raw: &RawPost) -> Result<PostInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = errors.check("title", text::title(raw.title));
        let summary = raw.summary.trim();
        if summary.chars().count() > MAX_SUMMARY || summary.contains(['\n', '\r']) {
            errors.add("summary", "error-news-summary");
        }
        let body = errors.check("body", text::long_text(raw.body, MAX_BODY));
        let published_at = errors.check("published_at", parse_local_datetime(raw.published_at));
        let proposals = errors.check("proposals", proposal_ids(raw.proposals));
        errors.into_result(|| PostInput {
            title: title.unwrap_or_default(),
            summary: summary.to_string(),
            body: body.unwrap_or_default(),
            published_at: published_at.flatten(),
            comments: raw.comments,
            proposals: proposals.unwrap_or_default(),
        })
    }
}

/// Proposal numbers typed as "12, 15 18": each once, in the order typed.
pub fn proposal_ids(s: &str) -> Result<Vec<i64>, &'static str> {
    let mut ids: Vec<i64> = Vec::new();
    for part in s.split([',', ' ', ';', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
        let id = part
            .trim_start_matches('#')
            .parse::<i64>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or("error-news-proposals")?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    if ids.len() > MAX_PROPOSALS {
        return Err("error-news-too-many-proposals");
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_parses_with_its_proposals() {
        let p = PostInput::parse(&RawPost {
            title: "Les lauréats sont connus",
            summary: "Sept projets retenus.",
            body: "Merci à toutes et tous.",
            published_at: "2026-12-01T09:00",
            comments: true,
            proposals: "#12, 15 12",
        })
        .unwrap();
        assert_eq!(p.proposals, [12, 15]);
        assert!(p.published_at.is_some());
        let draft = PostInput::parse(&RawPost {
            title: "Brouillon",
            ..Default::default()
        })
        .unwrap();
        assert_eq!(draft.published_at, None);
    }

    #[test]
    fn bad_fields_are_refused() {
        let e = PostInput::parse(&RawPost {
            title: "",
            summary: "deux\nlignes",
            published_at: "demain",
            proposals: "douze",
            ..Default::default()
        })
        .unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["title", "summary", "published_at", "proposals"]);
        let many = (1..=21).map(|n| n.to_string()).collect::<Vec<_>>().join(",");
        assert_eq!(proposal_ids(&many), Err("error-news-too-many-proposals"));
    }
}
