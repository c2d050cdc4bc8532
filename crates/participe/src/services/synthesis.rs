//! Grouping a consultation step's contributions, amendments and arguments
//! into a first synthesis, which the organisers then rework.

use participe_domain::synthesis;

use crate::storage::syntheses::{self, NewGroup};
use crate::storage::{Db, StoreResult};

/// What a grouping made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grouped {
    pub items: usize,
    pub groups: usize,
}

/// A group's title from its keywords: "Vélo, pistes, écoles".
fn title(keywords: &[String], other: &str) -> String {
    let joined = keywords.join(", ");
    let mut chars = joined.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => other.to_string(),
    }
}

/// Groups every public item of the step anew, replacing the synthesis
/// (unpublished). `other` names the group of texts without meaningful words.
pub async fn regroup(db: &Db, step_id: i64, other: &str) -> StoreResult<Grouped> {
    let items = syntheses::items(db, step_id).await?;
    let texts: Vec<String> = items.iter().map(|i| format!("{} {}", i.title, i.body)).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let groups: Vec<NewGroup> = synthesis::group(&refs)
        .into_iter()
        .map(|g| NewGroup {
            title: title(&g.keywords, other),
            items: g
                .members
                .iter()
                .map(|&m| {
                    (
                        if items[m].kind == "opinion" {
                            "opinion"
                        } else {
                            "argument"
                        },
                        items[m].item_id,
                    )
                })
                .collect(),
        })
        .collect();
    syntheses::replace(db, step_id, &groups).await?;
    Ok(Grouped {
        items: items.len(),
        groups: groups.len(),
    })
}
