//! The header and footer menus as every page shows them: entries whose page
//! is published or whose project is public, nested one level, kept in
//! memory at most a second (`services::kept`) like the organisation's
//! settings.

use std::sync::Arc;
use std::time::Duration;

use super::kept::Kept;
use crate::storage::menus::{self, MenuItem};
use crate::storage::{Db, StoreResult};

/// One entry as visitors see it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Entry {
    pub label: String,
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

/// The menus' trees from their entries (top level first, each level in order).
pub fn build(items: &[MenuItem]) -> Menus {
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
                        Some(Entry {
                            label: child.label.clone(),
                            href: target(child)?,
                            children: Vec::new(),
                        })
                    })
                    .collect();
                // A heading with nothing visible under it is left out.
                (href.is_some() || !children.is_empty()).then(|| Entry {
                    label: top.label.clone(),
                    href,
                    children,
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
    kept: Kept<(), Arc<Menus>>,
}

impl MenuCache {
    pub fn new(max_age: Duration) -> MenuCache {
        MenuCache {
            kept: Kept::new(max_age, 1),
        }
    }

    /// Both menus, at most `max_age` old.
    pub async fn get(&self, db: &Db) -> StoreResult<Arc<Menus>> {
        self.kept
            .get_or_load((), async { Ok(Arc::new(build(&menus::all(db).await?))) })
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
        let menus = build(&items);
        assert_eq!(menus.header.len(), 1);
        assert_eq!(menus.header[0].href, None);
        assert_eq!(
            menus.header[0].children,
            [Entry {
                label: "Budget".into(),
                href: Some("/pages/budget".into()),
                children: vec![]
            }]
        );
        assert_eq!(menus.footer[0].href.as_deref(), Some("/pages/mentions"));
    }
}
