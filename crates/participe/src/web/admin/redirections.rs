//! Back office: short URLs and redirections (one by one or imported from a
//! CSV file), the other sites they may lead to, and the log of missing
//! addresses, whose entries become redirections in one step.

use crate::view;
use axum::extract::{Multipart, Query, State};
use axum::response::Response;
use minijinja::Value;
use participe_domain::FieldErrors;
use participe_domain::permission::Action;
use serde::Deserialize;
use std::collections::HashSet;

use crate::app::AppState;
use crate::services::redirections::{self as service, ImportError};
use crate::storage::{projects, redirections};
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::form::{HtmlForm, PathParams, errors_value, form_response, redirect_with_flash};
use crate::web::pagination::{PageQuery, Pager};
use crate::web::render;
use crate::web::routes::ROUTES;
use crate::web::upload::read_multipart;

pub const PER_PAGE: i64 = 50;
const BASE: &str = "/admin/redirections";
const MISSING: &str = "/admin/redirections/missing";

#[derive(Deserialize, Default, serde::Serialize)]
#[serde(default)]
pub struct RedirectionForm {
    source: String,
    target: String,
    /// "302" for a temporary redirection; anything else is permanent.
    kind: String,
    /// "missing" when sent from the log of missing addresses.
    from: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    page: Option<String>,
    /// Prefills the new redirection's source (a link from the missing log).
    source: Option<String>,
}

/// What the page shows besides the list: the form's values and errors.
#[derive(Default)]
struct Problems {
    values: RedirectionForm,
    errors: FieldErrors,
    hosts_text: Option<String>,
    /// (line, message) of a refused import, or one message for the file.
    import_errors: Vec<(usize, String)>,
}

/// The addresses a page of the site answers (fixed routes and projects): a
/// redirection from one of them would never be followed.
async fn site_pages(state: &AppState) -> AppResult<HashSet<String>> {
    let mut pages: HashSet<String> = ROUTES
        .iter()
        .filter(|(method, path)| *method == "get" && !path.contains('{'))
        .map(|(_, path)| path.to_string())
        .collect();
    for p in projects::list_all(&state.db).await? {
        pages.insert(format!("/projects/{}", p.slug));
    }
    Ok(pages)
}

/// The projects' addresses, offered as destinations.
async fn project_paths(state: &AppState) -> AppResult<Vec<Value>> {
    Ok(projects::list_all(&state.db)
        .await?
        .into_iter()
        .map(|p| view! { path => format!("/projects/{}", p.slug), title => p.title })
        .collect())
}

async fn page(state: &AppState, ctx: &Ctx, page: Option<String>, problems: Problems) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let hosts = redirections::hosts(&state.db).await?;
    let pager = Pager::new(&PageQuery { page }, PER_PAGE, redirections::count(&state.db).await?);
    let rows = redirections::page(&state.db, pager.per_page, pager.offset()).await?;
    let project_paths = project_paths(state).await?;
    let failed = !problems.errors.is_empty() || !problems.import_errors.is_empty();
    let errors = errors_value(&state.i18n, ctx.lang, &problems.errors);
    let hosts_text = problems.hosts_text.unwrap_or_else(|| hosts.join("\n"));
    let import_errors: Vec<Value> = problems
        .import_errors
        .iter()
        .map(|(line, message)| view! { line, message })
        .collect();
    let html = render::page(
        state,
        ctx,
        "admin/redirections.html",
        view! { rows, pager, values => problems.values, errors, hosts_text, import_errors, project_paths },
    )
    .await?;
    Ok(form_response(html, failed))
}

pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ListQuery>) -> AppResult<Response> {
    let values = RedirectionForm {
        source: q.source.unwrap_or_default(),
        ..Default::default()
    };
    page(
        &state,
        &ctx,
        q.page,
        Problems {
            values,
            ..Default::default()
        },
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(f): HtmlForm<RedirectionForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let pages = site_pages(&state).await?;
    let permanent = f.kind != "302";
    match service::add(&state.db, &f.source, &f.target, permanent, &|p: &str| pages.contains(p)).await? {
        Ok(_) => {
            let back = if f.from == "missing" { MISSING } else { BASE };
            Ok(redirect_with_flash(&state, back, "flash-saved"))
        }
        Err(errors) => {
            let problems = Problems {
                values: f,
                errors,
                ..Default::default()
            };
            page(&state, &ctx, None, problems).await
        }
    }
}

pub async fn delete(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    redirections::delete(&state.db, id).await?;
    Ok(redirect_with_flash(&state, BASE, "flash-deleted"))
}

pub async fn import(State(state): State<AppState>, ctx: Ctx, multipart: Multipart) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let form = read_multipart(multipart).await?;
    let t = |id: &str| state.i18n.t(ctx.lang, id, None);
    let import_errors = match form.files("file").next() {
        None => vec![(0, t("error-required"))],
        Some(file) => {
            let pages = site_pages(&state).await?;
            match service::import(&state.db, &file.bytes, &|p: &str| pages.contains(p)).await? {
                Ok(n) => {
                    tracing::info!(count = n, "redirections imported");
                    return Ok(redirect_with_flash(&state, BASE, "flash-redirections-imported"));
                }
                Err(ImportError::Empty) => vec![(0, t("error-redirect-import-empty"))],
                Err(ImportError::Unreadable(line)) => vec![(line, t("error-redirect-import-unreadable"))],
                Err(ImportError::Lines(lines)) => lines.into_iter().map(|(line, code)| (line, t(code))).collect(),
            }
        }
    };
    let problems = Problems {
        import_errors,
        ..Default::default()
    };
    page(&state, &ctx, None, problems).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct HostsForm {
    hosts: String,
}

pub async fn hosts(State(state): State<AppState>, ctx: Ctx, HtmlForm(f): HtmlForm<HostsForm>) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    match service::set_hosts(&state.db, &f.hosts).await? {
        Ok(()) => Ok(redirect_with_flash(&state, BASE, "flash-saved")),
        Err(errors) => {
            let problems = Problems {
                errors,
                hosts_text: Some(f.hosts),
                ..Default::default()
            };
            page(&state, &ctx, None, problems).await
        }
    }
}

pub async fn missing(State(state): State<AppState>, ctx: Ctx, Query(q): Query<PageQuery>) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let pager = Pager::new(&q, PER_PAGE, redirections::missing_count(&state.db).await?);
    let (paths, referrers) = redirections::missing(&state.db, pager.per_page, pager.offset()).await?;
    let rows: Vec<Value> = paths
        .into_iter()
        .map(|m| {
            let from: Vec<&redirections::Referrer> = referrers.iter().filter(|r| r.path == m.path).collect();
            view! { path => m.path, hits => m.hits, first_seen_at => m.first_seen_at, last_seen_at => m.last_seen_at, referrers => from }
        })
        .collect();
    let project_paths = project_paths(&state).await?;
    let html = render::page(
        &state,
        &ctx,
        "admin/missing_paths.html",
        view! { rows, pager, project_paths },
    )
    .await?;
    Ok(form_response(html, false))
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ForgetForm {
    /// One address; empty: the whole log.
    path: String,
}

pub async fn forget(State(state): State<AppState>, ctx: Ctx, HtmlForm(f): HtmlForm<ForgetForm>) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let path = (!f.path.is_empty()).then_some(f.path.as_str());
    redirections::forget_missing(&state.db, path).await?;
    Ok(redirect_with_flash(&state, MISSING, "flash-deleted"))
}
