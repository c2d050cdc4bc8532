//! The header and footer menus as every page shows them: entries whose page
//! is published or whose project is public, nested one level, kept in
//! memory at most a second (`services::kept`) like the organisation's
//! settings.

use std::sync::Arc;
use std::time::Duration;

use participe_domain::translation::Kind;

use super::kept::Kept;
use super::translations::Translations;
use crate::i18n::Lang;
use crate::storage::menus::{self, MenuItem};
use crate::storage::{Db, StoreResult};

/// One entry as visitors see it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Entry {
    pub label: String,
    /// The label's language when not the reader's (not translated).
    pub lang: Option<&'static str>,
    /// None: a heading for the entries under it.
    pub href: Option<String>,
    pub children: Vec<Entry>,
}

#[derive(Debug, Default, serde::Serialize)]
pub struct Menus {
    pub header: Vec<Entry>,
    pub footer: Vec<Entry>,
}

/// Where an entry leads, if a visitor may follow it.
fn target(item: &MenuItem) -> Option<Option<String>> {
    if !item.visible {
        return None;
    }
    Some(if let Some(slug) = &item.page_slug {
        Some(format!("/pages/{slug}"))
    } else if let Some(slug) = &item.project_slug {
        Some(format!("/projects/{slug}"))
    } else {
        item.url.clone()
    })
}

/// The menus' trees from their entries (top level first, each level in
/// order), with the labels in the reader's language where translated.
pub fn build(items: &[MenuItem], tr: &Translations) -> Menus {
    let label = |i: &MenuItem| tr.show(Kind::MenuItem, i.id, "label", &i.label);
    let tree = |menu: &str| -> Vec<Entry> {
        items
            .iter()
            .filter(|i| i.menu == menu && i.parent_id.is_none())
            .filter_map(|top| {
                let href = target(top)?;
                let children: Vec<Entry> = items
                    .iter()
                    .filter(|i| i.parent_id == Some(top.id))
                    .filter_map(|child| {
                        let href = target(child)?;
                        let (label, lang) = label(child);
                        Some(Entry {
                            label,
                            lang,
                            href,
                            children: Vec::new(),
                        })
                    })
                    .collect();
                // A heading with nothing visible under it is left out.
                (href.is_some() || !children.is_empty()).then(|| {
                    let (label, lang) = label(top);
                    Entry {
                        label,
                        lang,
                        href,
                        children,
                    }
                })
            })
            .collect()
    };
    Menus {
        header: tree("header"),
        footer: tree("footer"),
    }
}

pub struct MenuCache {
    kept: Kept<Lang, Arc<Menus>>,
}

impl MenuCache {
    pub fn new(max_age: Duration) -> MenuCache {
        MenuCache {
            kept: Kept::new(max_age, Lang::ALL.len()),
        }
    }

    /// Both menus in `tr`'s language, at most `max_age` old.
    pub async fn get(&self, db: &Db, tr: &Translations) -> StoreResult<Arc<Menus>> {
        self.kept
            .get_or_load(tr.lang(), async { Ok(Arc::new(build(&menus::all(db).await?, tr))) })
            .await
    }

    pub fn forget_all(&self) {
        self.kept.forget_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: i64, menu: &str, parent: Option<i64>, label: &str, visible: bool) -> MenuItem {
        MenuItem {
            id,
            menu: menu.into(),
            parent_id: parent,
            position: id,
            label: label.into(),
            page_id: None,
            project_id: None,
            url: None,
            target_title: None,
            page_slug: Some(label.to_lowercase()),
            project_slug: None,
            visible,
        }
    }

    #[test]
    fn hidden_targets_and_empty_headings_are_left_out() {
        let mut heading = item(1, "header", None, "Participer", true);
        heading.page_slug = None;
        let mut empty = item(5, "header", None, "Vide", true);
        empty.page_slug = None;
        let items = [
            heading,
            item(2, "header", Some(1), "Budget", true),
            item(3, "header", Some(1), "Brouillon", false),
            item(4, "footer", None, "Mentions", true),
            empty,
        ];
        let menus = build(&items, &Translations::none(Lang::Fr));
        assert_eq!(menus.header.len(), 1);
        assert_eq!(menus.header[0].href, None);
        assert_eq!(
            menus.header[0].children,
            [Entry {
                label: "Budget".into(),
                lang: None,
                href: Some("/pages/budget".into()),
                children: vec![]
            }]
        );
        assert_eq!(menus.footer[0].href.as_deref(), Some("/pages/mentions"));
    }
}
