//! Proposal lists on step pages: filters, sorts, pagination, list or grid.

use axum::extract::Query;
use minijinja::Value;
use participe_domain::proposal::Sort;
use serde::Deserialize;

use super::CollectStep;
use crate::app::AppState;
use crate::storage::collect;
use crate::storage::proposals::{self, Filters};
use crate::view;
use crate::web::error::AppResult;

pub const PER_PAGE: i64 = 24;

/// The list's query string; unreadable values are ignored, not refused.
#[derive(Debug, Deserialize, Default, Clone, serde::Serialize)]
#[serde(default)]
pub struct ListQuery {
    pub district: String,
    pub theme: String,
    pub category: String,
    pub status: String,
    pub q: String,
    pub sort: String,
    pub view: String,
    pub page: String,
}

fn id(s: &str) -> Option<i64> {
    s.trim().parse().ok()
}

impl ListQuery {
    pub fn filters(&self) -> Filters {
        Filters {
            district: id(&self.district),
            theme: id(&self.theme),
            category: id(&self.category),
            status: id(&self.status),
            text: Some(self.q.chars().take(200).collect::<String>()).filter(|t| !t.trim().is_empty()),
        }
    }

    /// The query string without the page, for pagination links.
    pub fn without_page(&self) -> String {
        let mut q = self.clone();
        q.page = String::new();
        let pairs: Vec<(&str, &str)> = [
            ("district", q.district.as_str()),
            ("theme", q.theme.as_str()),
            ("category", q.category.as_str()),
            ("status", q.status.as_str()),
            ("q", q.q.as_str()),
            ("sort", q.sort.as_str()),
            ("view", q.view.as_str()),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .collect();
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }
}

/// The template values of a step's proposal list.
pub async fn list_view(state: &AppState, cs: &CollectStep, Query(q): Query<ListQuery>, seed: i64) -> AppResult<Value> {
    let filters = q.filters();
    let sort = Sort::parse(&q.sort);
    let total = proposals::count(&state.db, cs.step.id, &filters).await?;
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let page = q.page.parse::<i64>().unwrap_or(1).clamp(1, pages);
    let items = proposals::list(
        &state.db,
        cs.step.id,
        &filters,
        sort,
        seed,
        PER_PAGE,
        (page - 1) * PER_PAGE,
    )
    .await?;
    let references: Vec<Option<String>> = items.iter().map(|p| p.reference()).collect();
    let statuses = collect::statuses(&state.db, cs.step.id).await?;
    let sorts: Vec<&str> = Sort::ALL.iter().map(|s| s.as_str()).collect();
    Ok(view! {
        items,
        references,
        total,
        page,
        pages,
        query => q,
        base_query => q.without_page(),
        sort => sort.as_str(),
        sorts,
        grid => q.view == "grid",
        districts => cs.districts,
        themes => cs.themes,
        categories => cs.categories,
        statuses,
    })
}
