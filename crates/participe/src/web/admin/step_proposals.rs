//! Back office: the table of a collect step's published proposals, with
//! filters, sorting and bulk actions (assigning analysts, setting statuses).

use axum::extract::{Query, RawForm, State};
use axum::response::{Html, Response};
use participe_domain::permission::Action;
use serde::Deserialize;

use super::analysis::analyst;
use crate::app::AppState;
use crate::services::decisions;
use crate::storage::analyses::{self, Analysis};
use crate::storage::proposals::{self, Proposal};
use crate::storage::taxonomy::{self, Kind};
use crate::storage::{collect, steps, users};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{PathParams, pairs, redirect_with_flash, value};
use crate::web::pagination::{PageQuery, Pager};
use crate::web::render;
use crate::web::table::{Cell, SortQuery};

/// Columns the table sorts by; the first is the default.
const SORT_KEYS: [&str; 7] = [
    "reference",
    "title",
    "district",
    "analyst",
    "admissibility",
    "status",
    "outcome",
];

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    q: String,
    district: String,
    analyst: String,
    admissibility: String,
    sort: String,
    dir: String,
    page: Option<String>,
}

/// Rows on a page of the table.
const PER_PAGE: i64 = 50;

fn admissibility(a: &Option<Analysis>) -> &str {
    a.as_ref().map_or("pending", |a| a.admissibility.as_str())
}

/// Whether a row passes the filters.
fn matches(q: &ListQuery, p: &Proposal, a: &Option<Analysis>) -> bool {
    let needle = q.q.trim().to_lowercase();
    (needle.is_empty()
        || p.title.to_lowercase().contains(&needle)
        || p.reference().is_some_and(|r| r.to_lowercase().contains(&needle)))
        && q.district.parse::<i64>().map_or(true, |d| p.district_id == Some(d))
        && match q.analyst.as_str() {
            "" => true,
            "none" => a.as_ref().and_then(|a| a.analyst_id).is_none(),
            id => id
                .parse::<i64>()
                .is_ok_and(|id| a.as_ref().and_then(|a| a.analyst_id) == Some(id)),
        }
        && (q.admissibility.is_empty() || admissibility(a) == q.admissibility)
}

fn cell(row: &(Proposal, Option<Analysis>), key: &str) -> Cell {
    let (p, a) = row;
    match key {
        "title" => Cell::text(&p.title),
        "district" => Cell::text(p.district_name.as_deref().unwrap_or("")),
        "analyst" => Cell::text(a.as_ref().and_then(|a| a.analyst_name.as_deref()).unwrap_or("")),
        "admissibility" => Cell::text(admissibility(a)),
        "status" => Cell::text(p.status_name.as_deref().unwrap_or("")),
        "outcome" => Cell::text(p.outcome.as_deref().unwrap_or("")),
        _ => p.number.into(),
    }
}

/// Every published proposal of a collect step, with its analysis, for
/// assigning and following the work.
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(step_id): PathParams<i64>,
    Query(q): Query<ListQuery>,
) -> AppResult<Html<String>> {
    ctx.require(Action::DecideProposals)?;
    let step = steps::by_id(&state.db, step_id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let mut all_analyses = analyses::of_step(&state.db, step_id).await?;
    let all = proposals::all_published(&state.db, step_id).await?;
    let total = all.len();
    let mut rows: Vec<(Proposal, Option<Analysis>)> = all
        .into_iter()
        .map(|p| {
            let a = all_analyses.remove(&p.id);
            (p, a)
        })
        .filter(|(p, a)| matches(&q, p, a))
        .collect();
    let sort = SortQuery {
        sort: q.sort.clone(),
        dir: q.dir.clone(),
    }
    .resolve(&SORT_KEYS);
    sort.apply(&mut rows, cell);
    let filters = [
        ("q", q.q.as_str()),
        ("district", q.district.as_str()),
        ("analyst", q.analyst.as_str()),
        ("admissibility", q.admissibility.as_str()),
    ];
    let path = format!("/admin/steps/{step_id}/proposals");
    let sorting = sort.headers(&SORT_KEYS, &path, &filters);
    let pages_prefix = sort.pages_prefix(&path, &filters);
    let filtered = filters.iter().any(|(_, v)| !v.is_empty());
    let shown = rows.len();
    let pager = Pager::new(&PageQuery { page: q.page.clone() }, PER_PAGE, shown as i64);
    let rows: Vec<_> = rows
        .into_iter()
        .skip(pager.offset() as usize)
        .take(PER_PAGE as usize)
        .map(|(p, analysis)| view! { reference => p.reference(), proposal => p, analysis })
        .collect();
    let analysts = users::analysts(&state.db).await?;
    let districts = taxonomy::list(&state.db, Kind::District).await?;
    let themes = taxonomy::list(&state.db, Kind::Theme).await?;
    let statuses = collect::statuses(&state.db, step_id).await?;
    render::page(
        &state,
        &ctx,
        "admin/step_proposals.html",
        view! {
            step, rows, shown, total, filtered, sorting, pager, pages_prefix, analysts, districts, themes, statuses,
            filter => view! { q => q.q, district => q.district, analyst => q.analyst, admissibility => q.admissibility },
        },
    )
    .await
}

/// The published proposals of this step a bulk action applies to: those
/// ticked, or all those of a district or theme.
async fn chosen(state: &AppState, step_id: i64, pairs: &[(String, String)]) -> AppResult<Vec<Proposal>> {
    let all = proposals::all_published(&state.db, step_id).await?;
    let get = |k: &str| value(pairs, k);
    let picked = |p: &Proposal| match get("scope") {
        "district" => p.district_id.is_some() && p.district_id == get("district").parse::<i64>().ok(),
        "theme" => p.theme_id.is_some() && p.theme_id == get("theme").parse::<i64>().ok(),
        _ => pairs
            .iter()
            .any(|(k, v)| k == "proposal" && v.parse::<i64>().ok() == Some(p.id)),
    };
    Ok(all.into_iter().filter(picked).collect())
}

/// Back to the table, saying how many proposals changed.
fn done(state: &AppState, step_id: i64, flash: &str, changed: usize) -> Response {
    let mut res = redirect_with_flash(state, &format!("/admin/steps/{step_id}/proposals"), flash);
    res.headers_mut().insert("x-changed", changed.into());
    res
}

/// Bulk assignment of an analyst (or nobody).
pub async fn bulk_assign(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(step_id): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let pairs = pairs(&raw);
    let analyst = match analyst(&state, value(&pairs, "analyst")).await? {
        Ok(a) => a,
        Err(_) => return Err(AppError::bad_request("unknown analyst")),
    };
    let ids: Vec<i64> = chosen(&state, step_id, &pairs).await?.iter().map(|p| p.id).collect();
    analyses::assign(&state.db, &ids, analyst).await?;
    Ok(done(&state, step_id, "flash-assigned", ids.len()))
}

/// Bulk status: the chosen proposals get one of the step's statuses (or
/// none); authors and followers are told, as for one proposal.
pub async fn bulk_status(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(step_id): PathParams<i64>,
    RawForm(raw): RawForm,
) -> AppResult<Response> {
    ctx.require(Action::DecideProposals)?;
    let pairs = pairs(&raw);
    let status = match value(&pairs, "status").trim() {
        "" => None,
        s => Some(s.parse::<i64>().map_err(|_| AppError::bad_request("unknown status"))?),
    };
    if !decisions::status_allowed(&state, step_id, status).await? {
        return Err(AppError::bad_request("this status is not one of the step's"));
    }
    let chosen = chosen(&state, step_id, &pairs).await?;
    let actor = ctx.user.as_ref().map(|u| u.id);
    for p in &chosen {
        decisions::set_status(&state, p, status, actor)
            .await
            .map_err(AppError::internal)?;
    }
    Ok(done(&state, step_id, "flash-status-set", chosen.len()))
}
