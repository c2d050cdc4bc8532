//! The header and footer menus: entries leading to a page, a project or an
//! address, ordered, with one level of nesting.

use crate::redirection::{MAX_LENGTH, external_host, is_clean};
use crate::{FieldErrors, text};

/// Longest entry label.
pub const MAX_LABEL: usize = 80;
/// Most entries in one menu (both levels).
pub const MAX_ENTRIES: usize = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Menu {
    Header,
    Footer,
}

impl Menu {
    pub const ALL: [Menu; 2] = [Menu::Header, Menu::Footer];

    pub fn as_str(self) -> &'static str {
        match self {
            Menu::Header => "header",
            Menu::Footer => "footer",
        }
    }

    pub fn parse(s: &str) -> Option<Menu> {
        Menu::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// Where an entry leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    Page(i64),
    Project(i64),
    /// A path of this site or an `http(s)` address.
    Url(String),
    /// A heading for the entries nested under it.
    Nothing,
}

/// An entry's form as submitted.
#[derive(Debug, Default)]
pub struct RawEntry<'a> {
    pub label: &'a str,
    /// "page", "project", "url" or "none".
    pub kind: &'a str,
    pub page: &'a str,
    pub project: &'a str,
    pub url: &'a str,
    /// The entry it is nested under (empty: top level).
    pub parent: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryInput {
    pub label: String,
    pub link: Link,
    pub parent: Option<i64>,
}

/// A link address: a path of this site (not `//…`) or an `http(s)` URL on
/// any host, with the checks redirections apply to their targets.
pub fn url(s: &str) -> Result<String, &'static str> {
    let s = s.trim();
    if s.is_empty() {
        return Err("error-required");
    }
    let clean = s.len() <= MAX_LENGTH && is_clean(s);
    let local = s.starts_with('/') && !s.starts_with("//");
    if clean && (local || external_host(s).is_some()) {
        Ok(s.to_string())
    } else {
        Err("error-link-url")
    }
}

impl EntryInput {
    /// Checks an entry. `top_level(id)` tells whether entry `id` of the same
    /// menu exists at the top level (entries nest one level deep only).
    pub fn parse(raw: &RawEntry, top_level: impl Fn(i64) -> bool) -> Result<EntryInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let label = errors.check(
            "label",
            text::title(raw.label).and_then(|l| {
                if l.chars().count() > MAX_LABEL {
                    Err("error-label-too-long")
                } else {
                    Ok(l)
                }
            }),
        );
        let id = |s: &str| s.trim().parse::<i64>().ok();
        let link = match raw.kind {
            "page" => errors.check("page", id(raw.page).map(Link::Page).ok_or("error-required")),
            "project" => errors.check("project", id(raw.project).map(Link::Project).ok_or("error-required")),
            "url" => errors.check("url", url(raw.url).map(Link::Url)),
            "none" => Some(Link::Nothing),
            _ => errors.check("kind", Err("error-choice-unknown")),
        };
        let parent = match raw.parent.trim() {
            "" => None,
            p => errors.check(
                "parent",
                p.parse::<i64>()
                    .ok()
                    .filter(|&p| top_level(p))
                    .ok_or("error-menu-parent"),
            ),
        };
        if parent.is_some() && link == Some(Link::Nothing) {
            errors.add("kind", "error-menu-heading-nested");
        }
        errors.into_result(|| EntryInput {
            label: label.unwrap_or_default(),
            link: link.unwrap_or(Link::Nothing),
            parent,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry<'a>(kind: &'a str, value: &'a str, parent: &'a str) -> RawEntry<'a> {
        RawEntry {
            label: "Mentions légales",
            kind,
            page: value,
            project: value,
            url: value,
            parent,
        }
    }

    #[test]
    fn entries_lead_to_pages_projects_or_safe_addresses() {
        let top = |id: i64| id == 7;
        assert_eq!(
            EntryInput::parse(&entry("page", "3", ""), top).unwrap().link,
            Link::Page(3)
        );
        assert_eq!(
            EntryInput::parse(&entry("project", "4", "7"), top).unwrap().parent,
            Some(7)
        );
        assert_eq!(
            EntryInput::parse(&entry("url", "https://ville.example/agenda", ""), top)
                .unwrap()
                .link,
            Link::Url("https://ville.example/agenda".into())
        );
        for bad in [
            "javascript:alert(1)",
            "//evil.example",
            "ville.example",
            "/a b",
            "https://",
        ] {
            assert!(
                EntryInput::parse(&entry("url", bad, ""), top).unwrap_err().has("url"),
                "{bad}"
            );
        }
        assert!(EntryInput::parse(&entry("page", "x", ""), top).unwrap_err().has("page"));
        assert!(
            EntryInput::parse(&entry("other", "1", ""), top)
                .unwrap_err()
                .has("kind")
        );
    }

    #[test]
    fn entries_nest_one_level_under_an_existing_entry() {
        let top = |id: i64| id == 7;
        assert!(
            EntryInput::parse(&entry("page", "3", "8"), top)
                .unwrap_err()
                .has("parent")
        );
        assert!(EntryInput::parse(&entry("none", "", "7"), top).unwrap_err().has("kind"));
        assert_eq!(
            EntryInput::parse(&entry("none", "", ""), top).unwrap().link,
            Link::Nothing
        );
        let mut long = entry("none", "", "");
        let label = "x".repeat(MAX_LABEL + 1);
        long.label = &label;
        assert!(EntryInput::parse(&long, top).unwrap_err().has("label"));
    }
}
