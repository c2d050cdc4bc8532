//! The home page's sections: which blocks it shows, in the order and with
//! the settings administrators chose.

use crate::FieldErrors;
use crate::project::Phase;

/// Longest section title.
pub const MAX_TITLE: usize = 120;
/// Longest text of an introduction or a text section (Markdown).
pub const MAX_BODY: usize = 20_000;
/// Most sections on the home page.
pub const MAX_SECTIONS: usize = 30;
/// Most chosen projects or highlights in one section.
pub const MAX_ITEMS: usize = 12;
/// Most projects or proposals a section lists.
pub const MAX_COUNT: i64 = 48;

/// What a section shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The site's heading, a text and the call to the open project.
    Intro,
    /// Project cards: open, upcoming, past, most recent or chosen ones.
    Projects,
    /// A carousel of chosen projects and pages.
    Highlights,
    /// The themes, each with its projects.
    Themes,
    /// The latest proposals of public projects.
    Proposals,
    /// Participation figures across the public projects.
    Figures,
    /// Where projects take place (a list by district until maps exist).
    Map,
    /// A free text (Markdown).
    Text,
    /// A newsletter sign-up form.
    Newsletter,
    /// The next published events.
    Events,
    /// The latest news posts.
    News,
}

impl Kind {
    pub const ALL: [Kind; 11] = [
        Kind::Intro,
        Kind::Projects,
        Kind::Highlights,
        Kind::Themes,
        Kind::Proposals,
        Kind::Figures,
        Kind::Map,
        Kind::Text,
        Kind::Newsletter,
        Kind::Events,
        Kind::News,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Intro => "intro",
            Kind::Projects => "projects",
            Kind::Highlights => "highlights",
            Kind::Themes => "themes",
            Kind::Proposals => "proposals",
            Kind::Figures => "figures",
            Kind::Map => "map",
            Kind::Text => "text",
            Kind::Newsletter => "newsletter",
            Kind::Events => "events",
            Kind::News => "news",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Whether its form has a Markdown text.
    pub fn has_body(self) -> bool {
        matches!(self, Kind::Intro | Kind::Text | Kind::Newsletter)
    }

    /// Whether it lists a number of things the administrator chooses.
    pub fn has_count(self) -> bool {
        matches!(self, Kind::Projects | Kind::Proposals | Kind::Events | Kind::News)
    }

    /// Whether it shows items chosen one by one (projects, or pages too).
    pub fn has_items(self) -> bool {
        matches!(self, Kind::Projects | Kind::Highlights)
    }
}

/// Which projects a projects section shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Open now.
    Current,
    Upcoming,
    Past,
    /// The most recently created, whatever their phase.
    Recent,
    /// The ones the administrator chose, in their order.
    Chosen,
}

impl Mode {
    pub const ALL: [Mode; 5] = [Mode::Current, Mode::Upcoming, Mode::Past, Mode::Recent, Mode::Chosen];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Current => "current",
            Mode::Upcoming => "upcoming",
            Mode::Past => "past",
            Mode::Recent => "recent",
            Mode::Chosen => "chosen",
        }
    }

    pub fn parse(s: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// Whether a project in `phase` belongs (chosen ones are picked by id).
    pub fn admits(self, phase: Phase) -> bool {
        match self {
            Mode::Current => phase == Phase::Open,
            Mode::Upcoming => phase == Phase::Upcoming,
            Mode::Past => phase == Phase::Past,
            Mode::Recent | Mode::Chosen => true,
        }
    }
}

/// A section's form as submitted.
#[derive(Debug, Default)]
pub struct RawSection<'a> {
    pub title: &'a str,
    pub body: &'a str,
    pub mode: &'a str,
    pub count: &'a str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionInput {
    /// Empty: the kind's own heading.
    pub title: String,
    pub body: String,
    pub mode: Mode,
    pub count: i64,
}

impl SectionInput {
    /// Checks a section's settings; fields its kind does not use keep their
    /// defaults.
    pub fn parse(kind: Kind, raw: &RawSection) -> Result<SectionInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = raw.title.trim();
        if title.chars().count() > MAX_TITLE {
            errors.add("title", "error-home-title-too-long");
        }
        let body = if kind.has_body() {
            let body = raw.body.trim();
            if kind == Kind::Text && body.is_empty() {
                errors.add("body", "error-required");
            } else if body.chars().count() > MAX_BODY {
                errors.add("body", "error-text-too-long");
            }
            body.to_string()
        } else {
            String::new()
        };
        let mode = if kind == Kind::Projects {
            errors.check("mode", Mode::parse(raw.mode).ok_or("error-choice-unknown"))
        } else {
            Some(Mode::Current)
        };
        let count = if kind.has_count() {
            errors.check(
                "count",
                raw.count
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|n| (1..=MAX_COUNT).contains(n))
                    .ok_or("error-home-count"),
            )
        } else {
            Some(DEFAULT_COUNT)
        };
        errors.into_result(|| SectionInput {
            title: title.to_string(),
            body,
            mode: mode.unwrap_or(Mode::Current),
            count: count.unwrap_or(DEFAULT_COUNT),
        })
    }
}

/// How many things a new section lists.
pub const DEFAULT_COUNT: i64 = 6;

/// What a chosen item leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Project(i64),
    Page(i64),
}

impl Item {
    /// Checks an item added to a section of `kind`: projects sections take
    /// projects, highlights take projects or pages.
    pub fn parse(kind: Kind, target: &str, project: &str, page: &str) -> Result<Item, FieldErrors> {
        let mut errors = FieldErrors::new();
        let id = |s: &str| s.trim().parse::<i64>().ok();
        let item = match target {
            "project" if kind.has_items() => {
                errors.check("project", id(project).map(Item::Project).ok_or("error-required"))
            }
            "page" if kind == Kind::Highlights => {
                errors.check("page", id(page).map(Item::Page).ok_or("error-required"))
            }
            _ => errors.check("target", Err("error-choice-unknown")),
        };
        errors.into_result(|| item.unwrap_or(Item::Project(0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw<'a>(title: &'a str, body: &'a str, mode: &'a str, count: &'a str) -> RawSection<'a> {
        RawSection {
            title,
            body,
            mode,
            count,
        }
    }

    #[test]
    fn kinds_and_modes_read_back() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
        for m in Mode::ALL {
            assert_eq!(Mode::parse(m.as_str()), Some(m));
        }
        assert_eq!(Kind::parse("carousel"), None);
    }

    #[test]
    fn projects_sections_need_a_mode_and_a_count_in_range() {
        let ok = SectionInput::parse(Kind::Projects, &raw(" Nos projets ", "", "recent", "3")).unwrap();
        assert_eq!((ok.title.as_str(), ok.mode, ok.count), ("Nos projets", Mode::Recent, 3));
        let bad = SectionInput::parse(Kind::Projects, &raw("", "", "soon", "0")).unwrap_err();
        let fields: Vec<&str> = bad.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["mode", "count"]);
        assert!(SectionInput::parse(Kind::Proposals, &raw("", "", "", "49")).is_err());
        assert!(SectionInput::parse(Kind::Proposals, &raw("", "", "", "48")).is_ok());
    }

    #[test]
    fn text_sections_need_a_text_and_others_ignore_it() {
        assert!(SectionInput::parse(Kind::Text, &raw("À savoir", "  ", "", "")).is_err());
        let figures = SectionInput::parse(Kind::Figures, &raw("", "ignored", "x", "x")).unwrap();
        assert_eq!((figures.body.as_str(), figures.count), ("", DEFAULT_COUNT));
        let long = "x".repeat(MAX_BODY + 1);
        assert!(SectionInput::parse(Kind::Intro, &raw("", &long, "", "")).is_err());
        assert!(SectionInput::parse(Kind::Intro, &raw(&"t".repeat(MAX_TITLE + 1), "", "", "")).is_err());
    }

    #[test]
    fn items_match_their_section() {
        assert_eq!(Item::parse(Kind::Highlights, "page", "", "4").unwrap(), Item::Page(4));
        assert_eq!(
            Item::parse(Kind::Projects, "project", "7", "").unwrap(),
            Item::Project(7)
        );
        assert!(Item::parse(Kind::Projects, "page", "", "4").is_err());
        assert!(Item::parse(Kind::Figures, "project", "7", "").is_err());
        assert!(Item::parse(Kind::Highlights, "project", "x", "").is_err());
    }

    #[test]
    fn modes_admit_projects_by_phase() {
        assert!(Mode::Current.admits(Phase::Open));
        assert!(!Mode::Current.admits(Phase::Past));
        assert!(Mode::Past.admits(Phase::Past));
        assert!(Mode::Recent.admits(Phase::Upcoming));
    }
}
