//! Back office: the administrators' action log (administrators only), a page
//! at a time with a search, and its CSV export.

use axum::extract::{Query, State};
use axum::response::{Html, Response};
use participe_domain::permission::Action;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Deserialize;

use super::export::{csv_download, csv_table};
use crate::app::AppState;
use crate::storage::admin_log;
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::pagination::{PageQuery, Pager};
use crate::web::render;

/// Entries shown per page.
const PER_PAGE: i64 = 50;
/// Longest search kept.
const MAX_SEARCH: usize = 200;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LogQuery {
    q: String,
    page: Option<String>,
}

impl LogQuery {
    fn search(&self) -> String {
        self.q.trim().chars().take(MAX_SEARCH).collect()
    }
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Query(lq): Query<LogQuery>) -> AppResult<Html<String>> {
    ctx.require(Action::ManageUsers)?;
    let q = lq.search();
    let total = admin_log::count(&state.db, &q).await?;
    let pager = Pager::new(&PageQuery { page: lq.page.clone() }, PER_PAGE, total);
    let actions = admin_log::page(&state.db, &q, PER_PAGE, pager.offset()).await?;
    // The search, carried by the pager's and the export's links.
    let qs = if q.is_empty() {
        String::new()
    } else {
        format!("q={}", utf8_percent_encode(&q, NON_ALPHANUMERIC))
    };
    render::page(
        &state,
        &ctx,
        "admin/action_log.html",
        view! { actions, pager, q, qs, total, kept_days => state.config.admin_log_days },
    )
    .await
}

/// The matching entries as CSV, oldest first.
pub async fn csv(State(state): State<AppState>, ctx: Ctx, Query(lq): Query<LogQuery>) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    let actions = admin_log::all(&state.db, &lq.search()).await?;
    let header = [
        "at", "user_id", "user", "role", "method", "path", "route", "status", "ip",
    ];
    let rows = actions.into_iter().map(|a| {
        vec![
            a.created_at.to_rfc3339(),
            a.user_id.map(|id| id.to_string()).unwrap_or_default(),
            a.user_label,
            a.role,
            a.method,
            a.path,
            a.route,
            a.status.to_string(),
            a.ip,
        ]
    });
    Ok(csv_download("journal-administration.csv", csv_table(&header, rows)?))
}
