//! Translated content as pages show it: every translation of one language,
//! kept in memory at most a second (`services::kept`) like the menus, and
//! put in place of the French texts of what a page shows. French is the
//! language of the texts typed in the usual forms, so French readers need
//! nothing; a text with no translation stays French, and says so (its
//! `lang`), for screen readers and for the "shown in French" notes.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Duration;

use participe_domain::translation::Kind;
use serde::Serialize;

use super::kept::Kept;
use crate::i18n::Lang;
use crate::storage::events::Event;
use crate::storage::news::Post;
use crate::storage::projects::Project;
use crate::storage::site_pages::SitePage;
use crate::storage::steps::Step;
use crate::storage::taxonomy::Term;
use crate::storage::{Db, StoreResult, translations};

/// The `lang` of each field of an item shown in French to a reader of
/// another language (`{{ post_lang.title }}`); translated fields are absent.
pub type Langs = BTreeMap<&'static str, &'static str>;

/// An item of a list in the reader's language, with its `Langs`
/// (`{{ n.lang.title }}` in its card).
#[derive(Debug, Serialize)]
pub struct Card<T> {
    #[serde(flatten)]
    pub item: T,
    pub lang: Langs,
}

/// The translations of one language.
#[derive(Debug)]
pub struct Translations {
    lang: Lang,
    texts: HashMap<(Kind, i64, &'static str), String>,
}

impl Translations {
    /// No translation: what French readers get.
    pub fn none(lang: Lang) -> Translations {
        Translations {
            lang,
            texts: HashMap::new(),
        }
    }

    pub fn from_rows(lang: Lang, rows: Vec<(Kind, i64, String, String)>) -> Translations {
        let texts = rows
            .into_iter()
            .filter_map(|(kind, id, field, value)| Some(((kind, id, kind.field(&field)?.name), value)))
            .collect();
        Translations { lang, texts }
    }

    /// The translation of a field, if there is one.
    pub fn get(&self, kind: Kind, id: i64, field: &str) -> Option<&str> {
        let field = kind.field(field)?.name;
        self.texts.get(&(kind, id, field)).map(String::as_str)
    }

    /// Puts the translation of a field in place of its French `text`, and
    /// tells in which language the text then is when it is not the
    /// reader's ("fr": not translated; None: translated, French readers,
    /// or nothing to show).
    pub fn apply(&self, kind: Kind, id: i64, field: &str, text: &mut String) -> Option<&'static str> {
        if let Some(t) = self.get(kind, id, field) {
            t.clone_into(text);
        }
        self.lang_of(kind, id, field, text)
    }

    /// The readers' language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Whether the reader's language is the one of the typed texts.
    pub fn is_french(&self) -> bool {
        self.lang == Lang::Fr
    }

    /// The language of a field as shown when it is not the reader's: "fr"
    /// for a French text with no translation.
    pub fn lang_of(&self, kind: Kind, id: i64, field: &str, shown: &str) -> Option<&'static str> {
        let untranslated = !self.is_french() && !shown.trim().is_empty() && self.get(kind, id, field).is_none();
        untranslated.then_some(Lang::Fr.code())
    }

    /// A project's title, summary and description in the reader's language.
    pub fn project(&self, p: &mut Project) {
        self.apply(Kind::Project, p.id, "title", &mut p.title);
        self.apply(Kind::Project, p.id, "summary", &mut p.summary);
        self.apply(Kind::Project, p.id, "description", &mut p.description);
    }

    /// A step's title and text in the reader's language.
    pub fn step(&self, s: &mut Step) {
        self.apply(Kind::Step, s.id, "title", &mut s.title);
        self.apply(Kind::Step, s.id, "body", &mut s.body);
    }

    /// Theme or district names in the reader's language.
    pub fn terms(&self, kind: Kind, terms: &mut [Term]) {
        for t in terms {
            self.apply(kind, t.id, "name", &mut t.name);
        }
    }

    /// An event's title and description in the reader's language; the
    /// `lang` of each shown in French instead.
    pub fn event(&self, e: &mut Event) -> Langs {
        let id = e.id;
        self.apply_all(
            Kind::Event,
            id,
            [("title", &mut e.title), ("description", &mut e.description)],
        )
    }

    /// A news post's title, summary and text in the reader's language; the
    /// `lang` of each shown in French instead.
    pub fn news_post(&self, p: &mut Post) -> Langs {
        let id = p.id;
        self.apply_all(
            Kind::NewsPost,
            id,
            [
                ("title", &mut p.title),
                ("summary", &mut p.summary),
                ("body", &mut p.body),
            ],
        )
    }

    /// News posts as their cards show them.
    pub fn news_cards(&self, posts: Vec<Post>) -> Vec<Card<Post>> {
        self.cards(posts, Self::news_post)
    }

    /// Events as their cards show them.
    pub fn event_cards(&self, events: Vec<Event>) -> Vec<Card<Event>> {
        self.cards(events, Self::event)
    }

    fn cards<T>(&self, items: Vec<T>, translate: fn(&Self, &mut T) -> Langs) -> Vec<Card<T>> {
        items
            .into_iter()
            .map(|mut item| Card {
                lang: translate(self, &mut item),
                item,
            })
            .collect()
    }

    fn apply_all<const N: usize>(&self, kind: Kind, id: i64, fields: [(&'static str, &mut String); N]) -> Langs {
        fields
            .into_iter()
            .filter_map(|(field, text)| Some((field, self.apply(kind, id, field, text)?)))
            .collect()
    }

    /// A page's title, text and description in the reader's language.
    pub fn page(&self, p: &mut SitePage) {
        self.apply(Kind::Page, p.id, "title", &mut p.title);
        self.apply(Kind::Page, p.id, "body", &mut p.body);
        self.apply(Kind::Page, p.id, "meta_description", &mut p.meta_description);
    }

    /// The translated text of a field (or the French `text`) and its
    /// language when not the reader's, without changing `text`.
    pub fn show(&self, kind: Kind, id: i64, field: &str, text: &str) -> (String, Option<&'static str>) {
        let mut shown = text.to_string();
        let lang = self.apply(kind, id, field, &mut shown);
        (shown, lang)
    }
}

/// Each language's translations, at most `max_age` old.
pub struct TranslationCache {
    kept: Kept<Lang, Arc<Translations>>,
    french: Arc<Translations>,
}

impl TranslationCache {
    pub fn new(max_age: Duration) -> TranslationCache {
        TranslationCache {
            kept: Kept::new(max_age, Lang::ALL.len()),
            french: Arc::new(Translations::none(Lang::Fr)),
        }
    }

    /// The translations shown to readers of `lang` (none for French).
    pub async fn get(&self, db: &Db, lang: Lang) -> StoreResult<Arc<Translations>> {
        if lang == Lang::Fr {
            return Ok(self.french.clone());
        }
        self.kept
            .get_or_load(lang, async {
                let rows = translations::all_in(db, lang.code()).await?;
                Ok(Arc::new(Translations::from_rows(lang, rows)))
            })
            .await
    }

    pub fn forget_all(&self) {
        self.kept.forget_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_replace_french_and_the_rest_says_it_is_french() {
        let t = Translations::from_rows(
            Lang::En,
            vec![
                (Kind::Project, 1, "title".into(), "Neighbourhood budget".into()),
                (Kind::Project, 1, "unknown".into(), "ignored".into()),
            ],
        );
        let mut title = "Budget des quartiers".to_string();
        assert_eq!(t.apply(Kind::Project, 1, "title", &mut title), None);
        assert_eq!(title, "Neighbourhood budget");
        assert_eq!(
            t.show(Kind::Project, 1, "summary", "Résumé"),
            ("Résumé".to_string(), Some("fr"))
        );
        assert_eq!(t.show(Kind::Project, 1, "summary", ""), (String::new(), None));
        assert_eq!(
            t.show(Kind::Project, 2, "title", "Autre"),
            ("Autre".to_string(), Some("fr"))
        );
        assert_eq!(t.get(Kind::Project, 1, "unknown"), None);

        let french = Translations::none(Lang::Fr);
        assert_eq!(
            french.show(Kind::Project, 1, "title", "Budget"),
            ("Budget".to_string(), None)
        );
    }
}
