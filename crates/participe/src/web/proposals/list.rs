//! Proposal lists on step pages: filters, sorts, pagination, list or grid.

use axum::extract::Query;
use minijinja::Value;
use participe_domain::proposal::Sort;
use serde::Deserialize;

use super::CollectStep;
use crate::app::AppState;
use crate::storage::proposal_cards::Card;
use crate::storage::proposals::Filters;
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
        self.query_string(None, None)
    }

    /// The query string without the page, leaving out the parameter `drop`
    /// and setting `set` (name, value) if given.
    fn query_string(&self, drop: Option<&str>, set: Option<(&str, &str)>) -> String {
        let pairs: Vec<(&str, &str)> = [
            ("district", self.district.as_str()),
            ("theme", self.theme.as_str()),
            ("category", self.category.as_str()),
            ("status", self.status.as_str()),
            ("q", self.q.as_str()),
            ("sort", self.sort.as_str()),
            ("view", self.view.as_str()),
        ]
        .into_iter()
        .map(|(k, v)| match set {
            Some((sk, sv)) if sk == k => (k, sv),
            _ => (k, v),
        })
        .filter(|(k, v)| !v.is_empty() && Some(*k) != drop)
        .collect();
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }
}

/// A filter in force, shown as a chip whose link removes it.
#[derive(Debug, serde::Serialize)]
pub struct ActiveFilter {
    /// The catalogue id of the filter's label.
    pub label: &'static str,
    pub value: String,
    /// The query string without this filter.
    pub without: String,
}

fn active_filters(q: &ListQuery, cs: &CollectStep) -> Vec<ActiveFilter> {
    let f = q.filters();
    fn name(id: Option<i64>, mut names: impl Iterator<Item = (i64, String)>) -> Option<String> {
        id.and_then(|id| names.find(|(i, _)| *i == id).map(|(_, n)| n))
    }
    let mut out = Vec::new();
    let mut push = |label, key: &str, value: Option<String>| {
        if let Some(value) = value {
            out.push(ActiveFilter {
                label,
                value,
                without: q.query_string(Some(key), None),
            });
        }
    };
    push("filter-text", "q", f.text.clone());
    push(
        "label-district",
        "district",
        name(f.district, cs.districts.iter().map(|t| (t.id, t.name.clone()))),
    );
    push(
        "label-theme",
        "theme",
        name(f.theme, cs.themes.iter().map(|t| (t.id, t.name.clone()))),
    );
    push(
        "label-category",
        "category",
        name(f.category, cs.categories.iter().map(|c| (c.id, c.name.clone()))),
    );
    push(
        "label-status",
        "status",
        name(f.status, cs.statuses.iter().map(|s| (s.id, s.name.clone()))),
    );
    out
}

/// The template values of a step's proposal list.
pub async fn list_view(state: &AppState, cs: &CollectStep, Query(q): Query<ListQuery>, seed: i64) -> AppResult<Value> {
    let filters = q.filters();
    let sort = Sort::parse(&q.sort);
    let lists = &state.proposal_lists;
    let total = lists.count(&state.db, cs.step.id, &filters).await?;
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let page = q.page.parse::<i64>().unwrap_or(1).clamp(1, pages);
    let mut items: Vec<Card> = lists
        .page(
            &state.db,
            cs.step.id,
            &filters,
            sort,
            seed,
            PER_PAGE,
            (page - 1) * PER_PAGE,
        )
        .await?;
    cs.name_cards(&mut items);
    let prefix = &cs.collect.settings.reference_prefix;
    let references: Vec<Option<String>> = items
        .iter()
        .map(|p| p.number.map(|n| participe_domain::proposal::reference(prefix, n)))
        .collect();
    // Petitions: each proposal's standing and share of the threshold.
    let standings: Vec<(&str, i64)> = items
        .iter()
        .map(|p| {
            let threshold = cs.petition.map_or(1, |s| s.threshold);
            (
                p.standing().as_str(),
                participe_domain::petition::percent(p.support_count, threshold),
            )
        })
        .collect();
    // Supports are only counted in support mode (petitions).
    let sorts: Vec<&str> = Sort::ALL
        .iter()
        .filter(|s| cs.petition.is_some() || **s != Sort::MostSupported)
        .map(|s| s.as_str())
        .collect();
    let active = active_filters(&q, cs);
    // Cards unless the visitor asked for the compact list.
    let grid = q.view != "list";
    let as_grid = q.query_string(None, Some(("view", "grid")));
    let as_list = q.query_string(None, Some(("view", "list")));
    // "Clear the filters" keeps the sort and the view.
    let clear = ListQuery {
        sort: q.sort.clone(),
        view: q.view.clone(),
        ..ListQuery::default()
    }
    .without_page();
    Ok(view! {
        active,
        as_grid,
        as_list,
        clear,
        items,
        references,
        standings,
        total,
        page,
        pages,
        query => q,
        base_query => q.without_page(),
        sort => sort.as_str(),
        sorts,
        grid,
        districts => cs.districts,
        themes => cs.themes,
        categories => cs.categories,
        statuses => cs.statuses,
        petition => cs.petition.map(|p| p.threshold),
    })
}
