//! Questionnaires and votations: their settings, who may reply when, and
//! the receipt codes of votation ballots. The questions themselves are the
//! form engine's (`form`, `form_answers`, `form_logic`).

use crate::step::StepState;
use crate::vote::Requirements;
use crate::{FieldErrors, form::parse_optional_count, text};

/// A survey, or a votation (a binding one-person-one-vote decision).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Survey,
    Vote,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Survey => "survey",
            Kind::Vote => "vote",
        }
    }

    pub fn parse(s: &str) -> Result<Kind, &'static str> {
        match s.trim() {
            "survey" => Ok(Kind::Survey),
            "vote" => Ok(Kind::Vote),
            _ => Err("error-choice-unknown"),
        }
    }
}

/// A questionnaire's settings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Settings {
    pub kind: Kind,
    pub intro: String,
    pub multiple_replies: bool,
    /// Replies without an account (surveys only).
    pub anonymous: bool,
    pub drafts: bool,
    /// An email with the answers after each reply.
    pub acknowledge: bool,
    /// Results shown to everyone (a votation's only once published).
    pub results_public: bool,
    pub requirements: Requirements,
}

impl Settings {
    /// A votation has no drafts, one ballot per person, no anonymous
    /// replies (a voter must be known to vote once) and no acknowledgement
    /// with the answers (the ballot is secret): whatever was ticked.
    pub fn normalised(mut self) -> Settings {
        if self.kind == Kind::Vote {
            self.multiple_replies = false;
            self.anonymous = false;
            self.drafts = false;
            self.acknowledge = false;
        }
        if self.anonymous {
            self.requirements = Requirements::default();
            self.drafts = false;
        }
        self
    }
}

/// The settings form as submitted.
#[derive(Debug, Clone, Default)]
pub struct RawSettings<'a> {
    pub kind: &'a str,
    pub intro: &'a str,
    pub multiple_replies: bool,
    pub anonymous: bool,
    pub drafts: bool,
    pub acknowledge: bool,
    pub results_public: bool,
    pub req_confirmed_email: bool,
    pub req_verified_identity: bool,
    /// A single-use identification code of the step (`id_codes`).
    pub req_id_code: bool,
    /// A phone number (its format; nothing is sent to it).
    pub req_phone: bool,
    pub req_min_age: &'a str,
    pub req_postal_codes: &'a str,
}

pub fn parse_settings(raw: &RawSettings) -> Result<Settings, FieldErrors> {
    let mut e = FieldErrors::new();
    let kind = e.check("kind", Kind::parse(raw.kind));
    let intro = e.check("intro", text::long_text(raw.intro, 5000));
    let min_age = e.check("req_min_age", parse_optional_count(raw.req_min_age)).flatten();
    if min_age.is_some_and(|a| a > 120) {
        e.add("req_min_age", "error-number-too-large");
    }
    let postal_codes: Vec<String> = raw
        .req_postal_codes
        .split([',', ' ', '\n', ';'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect();
    if postal_codes
        .iter()
        .any(|c| c.len() != 5 || !c.bytes().all(|b| b.is_ascii_digit()))
    {
        e.add("req_postal_codes", "error-postal-code");
    }
    e.into_result(|| {
        Settings {
            kind: kind.unwrap_or_default(),
            intro: intro.unwrap_or_default(),
            multiple_replies: raw.multiple_replies,
            anonymous: raw.anonymous,
            drafts: raw.drafts,
            acknowledge: raw.acknowledge,
            results_public: raw.results_public,
            requirements: Requirements {
                confirmed_email: raw.req_confirmed_email,
                verified_identity: raw.req_verified_identity,
                id_code: raw.req_id_code,
                min_age: min_age.map(|a| a as u32),
                postal_codes,
                phone: raw.req_phone,
                accept_rules: false,
            },
        }
        .normalised()
    })
}

/// Why a person may not reply now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    NotOpen,
    SignInNeeded,
    AlreadyReplied,
    /// A votation ballot is final.
    AlreadyVoted,
}

impl Refusal {
    pub fn message_id(self) -> &'static str {
        match self {
            Refusal::NotOpen => "questionnaire-not-open",
            Refusal::SignInNeeded => "questionnaire-sign-in",
            Refusal::AlreadyReplied => "questionnaire-already-replied",
            Refusal::AlreadyVoted => "votation-already-voted",
        }
    }
}

/// Whether a reply may be sent now (requirements are checked apart, as for
/// budget votes). `replies` counts the person's complete replies, `voted`
/// whether they are on the votation's list of voters.
pub fn may_reply(
    settings: &Settings,
    state: StepState,
    signed_in: bool,
    replies: u64,
    voted: bool,
) -> Result<(), Refusal> {
    if state != StepState::Open {
        return Err(Refusal::NotOpen);
    }
    if !signed_in && !settings.anonymous {
        return Err(Refusal::SignInNeeded);
    }
    if settings.kind == Kind::Vote && voted {
        return Err(Refusal::AlreadyVoted);
    }
    if signed_in && !settings.multiple_replies && replies > 0 {
        return Err(Refusal::AlreadyReplied);
    }
    Ok(())
}

/// Whether results may be shown: staff always; others when results are
/// public, and for a votation only once they are published.
pub fn results_visible(settings: &Settings, published: bool, staff: bool) -> bool {
    (staff || settings.results_public) && (settings.kind == Kind::Survey || published)
}

/// The alphabet of receipt codes: no 0/O, 1/I/L, so they can be read out.
pub const RECEIPT_ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/// A receipt code from random bytes: 12 characters in groups of four
/// ("7KQ2-M9XD-4TPA"), about 59 bits.
pub fn receipt_code(random: &[u8; 12]) -> String {
    let chars: Vec<char> = random
        .iter()
        .map(|b| RECEIPT_ALPHABET[*b as usize % RECEIPT_ALPHABET.len()] as char)
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A receipt typed by a person, normalised (upper case, dashes put back),
/// or None when it cannot be one.
pub fn normalise_receipt(s: &str) -> Option<String> {
    let raw: String = s
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if raw.len() != 12 || !raw.bytes().all(|b| RECEIPT_ALPHABET.contains(&b)) {
        return None;
    }
    Some(format!("{}-{}-{}", &raw[0..4], &raw[4..8], &raw[8..12]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_votation_is_one_final_secret_ballot() {
        let s = parse_settings(&RawSettings {
            kind: "vote",
            multiple_replies: true,
            anonymous: true,
            drafts: true,
            acknowledge: true,
            ..Default::default()
        })
        .unwrap();
        assert!(!s.multiple_replies && !s.anonymous && !s.drafts && !s.acknowledge);
        assert_eq!(
            may_reply(&s, StepState::Open, true, 0, true),
            Err(Refusal::AlreadyVoted)
        );
        assert_eq!(
            may_reply(&s, StepState::Open, false, 0, false),
            Err(Refusal::SignInNeeded)
        );
        assert!(may_reply(&s, StepState::Open, true, 0, false).is_ok());
        assert!(!results_visible(&s, false, true));
        assert!(!results_visible(
            &Settings {
                results_public: true,
                ..s.clone()
            },
            false,
            false
        ));
        assert!(results_visible(&s, true, true));
    }

    #[test]
    fn surveys_follow_their_options() {
        let s = parse_settings(&RawSettings {
            kind: "survey",
            anonymous: true,
            req_confirmed_email: true,
            req_min_age: "16",
            ..Default::default()
        })
        .unwrap();
        assert_eq!(s.requirements, Requirements::default());
        assert!(may_reply(&s, StepState::Open, false, 0, false).is_ok());
        assert_eq!(may_reply(&s, StepState::Closed, true, 0, false), Err(Refusal::NotOpen));
        assert_eq!(
            may_reply(&s, StepState::Open, true, 1, false),
            Err(Refusal::AlreadyReplied)
        );
        let many = Settings {
            multiple_replies: true,
            ..s
        };
        assert!(may_reply(&many, StepState::Open, true, 3, false).is_ok());
        let e = parse_settings(&RawSettings {
            kind: "poll",
            req_min_age: "-1",
            req_postal_codes: "75001, 7500",
            ..Default::default()
        })
        .unwrap_err();
        assert!(e.has("kind") && e.has("req_min_age") && e.has("req_postal_codes"));
    }

    #[test]
    fn receipts_read_back() {
        let code = receipt_code(&[0, 1, 2, 3, 200, 201, 202, 203, 250, 251, 252, 255]);
        assert_eq!(code.len(), 14);
        assert_eq!(
            normalise_receipt(&code.to_lowercase().replace('-', " ")),
            Some(code.clone())
        );
        assert_eq!(normalise_receipt("0000-0000-0000"), None);
        assert_eq!(normalise_receipt("ABC"), None);
    }

    proptest! {
        #[test]
        fn receipts_always_normalise_to_themselves(b in proptest::array::uniform12(any::<u8>())) {
            let code = receipt_code(&b);
            prop_assert_eq!(normalise_receipt(&code), Some(code));
        }

        #[test]
        fn settings_never_panic(k in "\\PC{0,8}", a in "\\PC{0,6}", p in "\\PC{0,30}") {
            let _ = parse_settings(&RawSettings { kind: &k, req_min_age: &a, req_postal_codes: &p, ..Default::default() });
        }
    }
}
