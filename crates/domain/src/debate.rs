//! Debates: one question, opening texts for and against (face to face) or
//! one free text, a for/against vote, arguments and press articles.

use chrono::NaiveDate;

use crate::consultation::{MAX_ARGUMENT, MAX_BODY, Side, web_link};
use crate::{FieldErrors, email, text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Two opening texts side by side, one for and one against.
    FaceToFace,
    /// One opening text.
    Free,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::FaceToFace => "face_to_face",
            Mode::Free => "free",
        }
    }

    pub fn parse(s: &str) -> Result<Mode, &'static str> {
        match s {
            "face_to_face" => Ok(Mode::FaceToFace),
            "free" => Ok(Mode::Free),
            _ => Err("error-choice-unknown"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DebateInput {
    pub question: String,
    pub mode: Mode,
    pub text_for: String,
    pub text_against: String,
    pub body: String,
    pub anonymous_allowed: bool,
    pub pre_moderation: bool,
}

#[derive(Debug, Default, Clone, Copy)]
pub struct RawDebate<'a> {
    pub question: &'a str,
    pub mode: &'a str,
    pub text_for: &'a str,
    pub text_against: &'a str,
    pub body: &'a str,
    pub anonymous_allowed: bool,
    pub pre_moderation: bool,
}

impl DebateInput {
    /// Face to face needs both opening texts; a free debate its one text.
    pub fn parse(raw: &RawDebate) -> Result<DebateInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let question = e.check("question", text::title(raw.question));
        let mode = e.check("mode", Mode::parse(raw.mode));
        let text_for = e.check("text_for", text::long_text(raw.text_for, MAX_BODY));
        let text_against = e.check("text_against", text::long_text(raw.text_against, MAX_BODY));
        let body = e.check("body", text::long_text(raw.body, MAX_BODY));
        if mode == Some(Mode::FaceToFace) {
            for (field, value) in [("text_for", &text_for), ("text_against", &text_against)] {
                if value.as_deref().is_some_and(str::is_empty) {
                    e.add(field, "error-required");
                }
            }
        }
        if mode == Some(Mode::Free) && body.as_deref().is_some_and(str::is_empty) {
            e.add("body", "error-required");
        }
        e.into_result(|| DebateInput {
            question: question.unwrap_or_default(),
            mode: mode.unwrap_or(Mode::Free),
            text_for: text_for.unwrap_or_default(),
            text_against: text_against.unwrap_or_default(),
            body: body.unwrap_or_default(),
            anonymous_allowed: raw.anonymous_allowed,
            pre_moderation: raw.pre_moderation,
        })
    }
}

/// A press article about the debate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleInput {
    pub title: String,
    pub url: String,
    pub published_on: Option<NaiveDate>,
}

impl ArticleInput {
    pub fn parse(title: &str, url: &str, published_on: &str) -> Result<ArticleInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = e.check("title", text::title(title));
        let url = e.check("url", web_link(url));
        let published_on = match published_on.trim() {
            "" => None,
            d => e.check("published_on", crate::follow_up::parse_day(d)),
        };
        e.into_result(|| ArticleInput {
            title: title.unwrap_or_default(),
            url: url.unwrap_or_default(),
            published_on,
        })
    }
}

/// Taking part without an account: a side, an optional argument, and the
/// email address the confirmation link goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnonymousInput {
    pub email: String,
    pub side: Side,
    pub argument: Option<String>,
}

impl AnonymousInput {
    pub fn parse(email_address: &str, side: &str, argument: &str) -> Result<AnonymousInput, FieldErrors> {
        let mut e = FieldErrors::new();
        let email = e.check("email", email::parse(email_address));
        let side = e.check("side", Side::parse(side));
        let argument = e.check("argument", text::long_text(argument, MAX_ARGUMENT));
        e.into_result(|| AnonymousInput {
            email: email.unwrap_or_default(),
            side: side.unwrap_or(Side::For),
            argument: argument.filter(|a| !a.is_empty()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn face_to_face_needs_both_texts() {
        let raw = RawDebate {
            question: "Faut-il piétonniser le centre-ville ?",
            mode: "face_to_face",
            text_for: "Oui.",
            ..Default::default()
        };
        let e = DebateInput::parse(&raw).unwrap_err();
        assert!(e.has("text_against") && !e.has("text_for"));
        let raw = RawDebate {
            mode: "free",
            body: "Le texte.",
            ..raw
        };
        assert_eq!(DebateInput::parse(&raw).unwrap().mode, Mode::Free);
        assert!(
            DebateInput::parse(&RawDebate { mode: "duel", ..raw })
                .unwrap_err()
                .has("mode")
        );
    }

    #[test]
    fn articles_and_anonymous_participation() {
        let a = ArticleInput::parse("Le Monde", "https://www.lemonde.fr/a", "2026-11-02").unwrap();
        assert_eq!(a.published_on, NaiveDate::from_ymd_opt(2026, 11, 2));
        assert!(
            ArticleInput::parse("X", "ftp://x", "hier")
                .unwrap_err()
                .has("published_on")
        );
        let p = AnonymousInput::parse("Ana@Example.org", "against", "  ").unwrap();
        assert_eq!((p.side, p.argument), (Side::Against, None));
        assert!(
            AnonymousInput::parse("pas une adresse", "for", "")
                .unwrap_err()
                .has("email")
        );
    }

    proptest! {
        #[test]
        fn never_panic(a in "\\PC{0,40}", b in "\\PC{0,40}") {
            let _ = DebateInput::parse(&RawDebate { question: &a, mode: &b, body: &a, ..Default::default() });
            let _ = ArticleInput::parse(&a, &b, &a);
            let _ = AnonymousInput::parse(&a, &b, &a);
        }
    }
}
