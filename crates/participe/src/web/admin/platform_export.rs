//! Back office: the whole-platform export (reversibility). Administrators
//! start it in the background, watch its progress (updated in place by
//! `static/jobs.js`, or with the page's refresh link without JavaScript)
//! and download the archive.
//! Importing stays on the command line: it needs an empty database.

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Request, header};
use axum::response::{Html, IntoResponse, Response};
use participe_domain::permission::Action;
use serde::Serialize;
use tower::ServiceExt;

use crate::app::AppState;
use crate::services::archive::{self, EXPORT_JOB};
use crate::services::jobs as runner;
use crate::storage::jobs::{self, Job};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{PathParams, redirect_with_flash};
use crate::web::render;

/// Jobs listed on the page.
const RECENT: i64 = 20;

#[derive(Serialize)]
struct JobView {
    id: i64,
    kind: String,
    status: String,
    progress: i64,
    total: i64,
    percent: i64,
    message: String,
    created_at: chrono::DateTime<chrono::Utc>,
    downloadable: bool,
}

fn downloadable(job: &Job) -> Option<&str> {
    (job.kind == EXPORT_JOB && job.status == "done")
        .then_some(job.result_path.as_deref())
        .flatten()
        .filter(|n| archive::valid_export_name(n))
}

pub async fn page(State(state): State<AppState>, ctx: Ctx) -> AppResult<Html<String>> {
    ctx.require(Action::ExportPlatform)?;
    runner::recover(&state.db).await?;
    let exports = archive::exports_dir(&state.config.data_dir);
    let mut jobs = Vec::new();
    for j in jobs::recent(&state.db, RECENT).await? {
        let file = downloadable(&j).map(|n| exports.join(n));
        let present = match file {
            Some(f) => tokio::fs::try_exists(f).await.unwrap_or(false),
            None => false,
        };
        jobs.push(JobView {
            id: j.id,
            percent: j.percent(),
            kind: j.kind,
            status: j.status,
            progress: j.progress,
            total: j.total,
            message: j.message,
            created_at: j.created_at,
            downloadable: present,
        });
    }
    let running = jobs.iter().any(|j| j.status == "queued" || j.status == "running");
    render::page(&state, &ctx, "admin/export.html", view! { jobs, running }).await
}

pub async fn start(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let me = ctx.require(Action::ExportPlatform)?;
    let flash = match archive::start_export_job(&state.db, &state.config.data_dir, Some(me.id)).await? {
        Some(_) => "flash-export-started",
        None => "flash-export-already-running",
    };
    Ok(redirect_with_flash(&state, "/admin/export", flash))
}

pub async fn download(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::ExportPlatform)?;
    let job = jobs::get(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    let name = downloadable(&job).ok_or_else(AppError::not_found)?;
    let path = archive::exports_dir(&state.config.data_dir).join(name);
    if !tokio::fs::try_exists(&path).await.unwrap_or(false) {
        return Err(AppError::not_found());
    }
    let res = tower_http::services::ServeFile::new(&path)
        .oneshot(Request::new(Body::empty()))
        .await
        .map_err(AppError::internal)?;
    let mut res = res.map(Body::new);
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")).map_err(AppError::internal)?,
    );
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/zip"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res.into_response())
}
