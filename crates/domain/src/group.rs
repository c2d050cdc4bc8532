//! Groups of users: their form, where a member came from, the CSV of
//! members' emails, and invitations (an expiring, single-use link).

use chrono::{DateTime, Duration, Utc};

use crate::csv_list::{self, ImportErrors, ListKind};
use crate::{FieldErrors, text};

/// Longest group name and description.
pub const MAX_NAME: usize = text::MAX_NAME;
pub const MAX_DESCRIPTION: usize = 500;
/// Most emails in one import.
pub const MAX_EMAILS: usize = 20_000;
/// Days an invitation lasts unless the administrator says otherwise, and at most.
pub const DEFAULT_INVITATION_DAYS: i64 = 14;
pub const MAX_INVITATION_DAYS: i64 = 90;

/// How someone came into a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Manual,
    Csv,
    Invitation,
    Provider,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Manual => "manual",
            Source::Csv => "csv",
            Source::Invitation => "invitation",
            Source::Provider => "provider",
        }
    }
}

/// A group form as submitted.
pub struct RawGroup<'a> {
    pub name: &'a str,
    pub description: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupInput {
    pub name: String,
    pub description: String,
}

impl GroupInput {
    pub fn parse(raw: &RawGroup) -> Result<GroupInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.check("name", text::display_name(raw.name));
        let description = errors.check("description", text::long_text(raw.description, MAX_DESCRIPTION));
        errors.into_result(|| GroupInput {
            name: name.unwrap_or_default(),
            description: description.unwrap_or_default(),
        })
    }
}

const EMAILS: ListKind = ListKind {
    headers: &["email", "e-mail", "courriel", "mail", "adresse"],
    max: MAX_EMAILS,
    repeated: "error-group-email-repeated",
    empty: "error-group-emails-empty",
    too_many: "error-group-emails-too-many",
};

/// A CSV list of members' emails (first column, optional header), checked
/// all or nothing and lower-cased.
pub fn parse_emails(text: &str) -> Result<Vec<String>, ImportErrors> {
    csv_list::parse(text, &EMAILS, crate::email::parse)
}

/// How long an invitation lasts, as typed (empty: the default).
pub fn invitation_days(s: &str) -> Result<i64, &'static str> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(DEFAULT_INVITATION_DAYS);
    }
    match s.parse::<i64>() {
        Ok(d) if (1..=MAX_INVITATION_DAYS).contains(&d) => Ok(d),
        _ => Err("error-invitation-days"),
    }
}

/// When an invitation sent at `now` for `days` stops working.
pub fn invitation_expiry(now: DateTime<Utc>, days: i64) -> DateTime<Utc> {
    now + Duration::days(days)
}

/// Where an invitation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invitation {
    Valid,
    Expired,
    Used,
}

impl Invitation {
    pub fn at(expires_at: DateTime<Utc>, used_at: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Invitation {
        if used_at.is_some() {
            Invitation::Used
        } else if now >= expires_at {
            Invitation::Expired
        } else {
            Invitation::Valid
        }
    }
}

/// Whether an invitation sent to `invited` may be used by the account of
/// `account`: the same address (case aside). An invitation is personal: a
/// forwarded link does not let someone else in.
pub fn same_address(invited: &str, account: &str) -> bool {
    invited.trim().to_lowercase() == account.trim().to_lowercase()
}

/// An address shown half hidden ("a***@exemple.fr": asterisks, which a line
/// never breaks after as it may after "…"), to tell someone which of
/// their addresses an invitation was sent to without giving it away.
pub fn masked(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".to_string(),
    }
}

/// The group ids of a comma-separated list as SQL aggregates them
/// (`string_agg`); anything else is skipped.
pub fn ids(list: Option<&str>) -> Vec<i64> {
    list.unwrap_or("")
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_group_needs_a_name() {
        let g = GroupInput::parse(&RawGroup {
            name: "  Conseil de quartier ",
            description: "",
        })
        .unwrap();
        assert_eq!(g.name, "Conseil de quartier");
        let e = GroupInput::parse(&RawGroup {
            name: " ",
            description: &"x".repeat(501),
        })
        .unwrap_err();
        assert!(e.has("name") && e.has("description"));
    }

    #[test]
    fn emails_come_from_the_first_column() {
        let text = "Courriel;Nom\nAnne@Exemple.fr;Anne\n\n\"bob@exemple.fr\",Bob\n";
        assert_eq!(
            parse_emails(text),
            Ok(vec!["anne@exemple.fr".into(), "bob@exemple.fr".into()])
        );
        assert_eq!(
            parse_emails("a@b.fr\nnot an email\nA@B.fr\n"),
            Err(vec![(2, "error-email-invalid"), (3, "error-group-email-repeated")])
        );
        assert_eq!(parse_emails("email\n"), Err(vec![(0, "error-group-emails-empty")]));
    }

    #[test]
    fn invitations_last_a_bounded_time_and_serve_once() {
        assert_eq!(invitation_days(""), Ok(14));
        assert_eq!(invitation_days(" 30 "), Ok(30));
        assert_eq!(invitation_days("0"), Err("error-invitation-days"));
        assert_eq!(invitation_days("91"), Err("error-invitation-days"));
        assert_eq!(invitation_days("deux"), Err("error-invitation-days"));
        let now = Utc::now();
        let end = invitation_expiry(now, 14);
        assert_eq!(Invitation::at(end, None, now), Invitation::Valid);
        assert_eq!(Invitation::at(end, None, end), Invitation::Expired);
        assert_eq!(Invitation::at(end, Some(now), now), Invitation::Used);
    }

    #[test]
    fn an_invitation_serves_its_own_address_only() {
        assert!(same_address("anne@exemple.fr", " Anne@Exemple.FR"));
        assert!(!same_address("anne@exemple.fr", "bob@exemple.fr"));
        assert_eq!(masked("anne.dupont@exemple.fr"), "a***@exemple.fr");
        assert_eq!(masked("pas une adresse"), "***");
    }

    #[test]
    fn aggregated_ids_are_read_back() {
        assert_eq!(ids(Some("3,12, 7")), vec![3, 12, 7]);
        assert_eq!(ids(None), Vec::<i64>::new());
        assert_eq!(ids(Some("")), Vec::<i64>::new());
    }

    proptest! {
        #[test]
        fn any_text_gives_valid_distinct_emails_or_located_errors(text in "(?s).{0,400}") {
            match parse_emails(&text) {
                Ok(emails) => {
                    let distinct: std::collections::HashSet<&String> = emails.iter().collect();
                    prop_assert_eq!(distinct.len(), emails.len());
                    for e in &emails {
                        prop_assert_eq!(crate::email::parse(e), Ok(e.clone()));
                    }
                }
                Err(errors) => {
                    prop_assert!(!errors.is_empty() && errors.len() <= csv_list::MAX_REPORTED);
                    prop_assert!(errors.iter().all(|(line, _)| *line <= text.lines().count()));
                }
            }
        }

        #[test]
        fn a_masked_address_never_shows_its_local_part(local in "[a-z0-9.]{2,20}", domain in "[a-z]{1,10}\\.fr") {
            let m = masked(&format!("{local}@{domain}"));
            prop_assert_eq!(m.chars().count(), 5 + domain.chars().count());
            let tail = format!("@{domain}");
            prop_assert!(m.ends_with(&tail));
        }

        #[test]
        fn any_typed_duration_is_in_bounds_or_refused(s in ".{0,8}") {
            if let Ok(d) = invitation_days(&s) {
                prop_assert!((1..=MAX_INVITATION_DAYS).contains(&d));
            }
        }
    }
}
