//! Translated content: the texts of projects, steps, pages, menu entries,
//! news posts, events, themes and districts in the site's other languages.
//! The text typed in the usual forms is the French one and the fallback;
//! a translation holds some or all of an item's fields in one other
//! language, and an empty field means "show the French text".

use crate::{FieldErrors, event, menu, news, project, site_page, step, text};

/// What can be translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Project,
    Step,
    Page,
    MenuItem,
    NewsPost,
    Event,
    Theme,
    District,
}

/// One translatable field of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    /// Longest text, in characters.
    pub max: usize,
    /// Several lines (Markdown) rather than one.
    pub multiline: bool,
}

const fn line(name: &'static str, max: usize) -> Field {
    Field {
        name,
        max,
        multiline: false,
    }
}

const fn lines(name: &'static str, max: usize) -> Field {
    Field {
        name,
        max,
        multiline: true,
    }
}

const PROJECT: [Field; 3] = [
    line("title", text::MAX_TITLE),
    lines("summary", project::MAX_SUMMARY),
    lines("description", project::MAX_DESCRIPTION),
];
const STEP: [Field; 2] = [line("title", text::MAX_TITLE), lines("body", step::MAX_BODY)];
const PAGE: [Field; 3] = [
    line("title", text::MAX_TITLE),
    lines("body", site_page::MAX_BODY),
    line("meta_description", site_page::MAX_META),
];
const MENU_ITEM: [Field; 1] = [line("label", menu::MAX_LABEL)];
const NEWS_POST: [Field; 3] = [
    line("title", text::MAX_TITLE),
    lines("summary", news::MAX_SUMMARY),
    lines("body", news::MAX_BODY),
];
const EVENT: [Field; 2] = [
    line("title", text::MAX_TITLE),
    lines("description", event::MAX_DESCRIPTION),
];
const NAME: [Field; 1] = [line("name", text::MAX_TITLE)];

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Project,
        Kind::Step,
        Kind::Page,
        Kind::MenuItem,
        Kind::NewsPost,
        Kind::Event,
        Kind::Theme,
        Kind::District,
    ];

    /// The name in addresses (`/admin/translations/{kind}/{id}`) and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Project => "project",
            Kind::Step => "step",
            Kind::Page => "page",
            Kind::MenuItem => "menu-item",
            Kind::NewsPost => "news-post",
            Kind::Event => "event",
            Kind::Theme => "theme",
            Kind::District => "district",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Its translatable fields, the first being the one that names the item.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Kind::Project => &PROJECT,
            Kind::Step => &STEP,
            Kind::Page => &PAGE,
            Kind::MenuItem => &MENU_ITEM,
            Kind::NewsPost => &NEWS_POST,
            Kind::Event => &EVENT,
            Kind::Theme | Kind::District => &NAME,
        }
    }

    pub fn field(self, name: &str) -> Option<Field> {
        self.fields().iter().copied().find(|f| f.name == name)
    }
}

/// The checked texts of one language for one item: the fields left empty
/// are absent (they fall back to French).
pub type Texts = Vec<(&'static str, String)>;

/// Checks a translation form: `value(field)` is what was typed for each of
/// the kind's fields (missing: empty). Each text is trimmed, bounded like the
/// French one, and one-line fields refuse line breaks.
pub fn parse<'a>(kind: Kind, value: impl Fn(&str) -> &'a str) -> Result<Texts, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut texts = Texts::new();
    for field in kind.fields() {
        let raw = value(field.name).trim();
        if raw.is_empty() {
            continue;
        }
        let checked = if field.multiline {
            text::long_text(raw, field.max)
        } else if raw.chars().count() > field.max {
            Err("error-text-too-long")
        } else if raw.chars().any(char::is_control) {
            Err("error-text-control")
        } else {
            Ok(raw.to_string())
        };
        if let Some(t) = errors.check(field.name, checked) {
            texts.push((field.name, t));
        }
    }
    errors.into_result(|| texts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_and_name_themselves_first() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
            assert!(!k.fields()[0].multiline, "{k:?}: its name is one line");
        }
        assert_eq!(Kind::parse("user"), None);
        assert_eq!(
            Kind::Project.field("summary").map(|f| f.max),
            Some(project::MAX_SUMMARY)
        );
        assert_eq!(Kind::Theme.field("title"), None);
    }

    #[test]
    fn empty_fields_fall_back_and_bad_ones_are_refused() {
        let texts = parse(Kind::Project, |f| match f {
            "title" => "  Budget for the neighbourhoods ",
            "summary" => "",
            _ => "Line one\r\nLine two",
        })
        .unwrap();
        assert_eq!(
            texts,
            vec![
                ("title", "Budget for the neighbourhoods".to_string()),
                ("description", "Line one\nLine two".to_string())
            ]
        );

        let long = "x".repeat(menu::MAX_LABEL + 1);
        let errors = parse(Kind::MenuItem, |_| &long).unwrap_err();
        assert!(errors.has("label"));

        let errors = parse(Kind::Page, |f| if f == "title" { "Two\nlines" } else { "" }).unwrap_err();
        assert!(errors.has("title"));
        assert!(!errors.has("body"));

        assert_eq!(parse(Kind::Event, |_| "   ").unwrap(), Texts::new());
    }
}
