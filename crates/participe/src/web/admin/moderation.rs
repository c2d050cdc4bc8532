//! Back office: the moderation queue; hiding and restoring content.

use axum::extract::State;
use axum::response::Response;
use participe_domain::FieldErrors;
use participe_domain::moderation::{Target, parse_hide_reason};
use participe_domain::permission::Action;
use serde::Deserialize;

use crate::app::AppState;
use crate::storage::{arguments, moderation, opinions, sources};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, PathParams, errors_value, redirect_with_flash};
use crate::web::render;

async fn page(state: &AppState, ctx: &Ctx, errors: &FieldErrors) -> AppResult<Response> {
    let reports = moderation::queue(&state.db).await?;
    // Content waiting for pre-moderation.
    let pending_opinions = opinions::pending(&state.db).await?;
    let pending_arguments = arguments::pending(&state.db).await?;
    let pending_sources = sources::pending(&state.db).await?;
    let html = render::page(
        state,
        ctx,
        "admin/moderation.html",
        view! {
            reports, pending_opinions, pending_arguments, pending_sources,
            errors => errors_value(&state.i18n, ctx.lang, errors),
        },
    )
    .await?;
    Ok(crate::web::form::form_response(html, !errors.is_empty()))
}

pub async fn queue(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(Action::Moderate)?;
    page(&state, &ctx, &FieldErrors::new()).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct HideForm {
    reason: String,
    back: String,
}

fn target(kind: &str) -> AppResult<Target> {
    Target::parse(kind).ok_or_else(AppError::not_found)
}

/// Where to go after acting: back to the proposal page or to the queue.
fn back_to(back: &str) -> String {
    let ours = ["/proposals/", "/opinions/", "/debates/"]
        .iter()
        .any(|p| back.starts_with(p));
    if ours && !back.contains("//") && !back.contains('\\') {
        back.to_string()
    } else {
        "/admin/moderation".into()
    }
}

pub async fn hide(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams((kind, id)): PathParams<(String, i64)>,
    HtmlForm(f): HtmlForm<HideForm>,
) -> AppResult<Response> {
    let me = ctx.require(Action::Moderate)?;
    let target = target(&kind)?;
    match parse_hide_reason(&f.reason) {
        Ok(reason) => {
            moderation::set_hidden(&state.db, target, id, Some(&reason), "", me.id).await?;
            Ok(redirect_with_flash(&state, &back_to(&f.back), "flash-hidden"))
        }
        Err(code) => {
            let mut e = FieldErrors::new();
            e.add(format!("reason-{kind}-{id}"), code);
            page(&state, &ctx, &e).await
        }
    }
}

pub async fn restore(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams((kind, id)): PathParams<(String, i64)>,
    HtmlForm(f): HtmlForm<HideForm>,
) -> AppResult<Response> {
    let me = ctx.require(Action::Moderate)?;
    let target = target(&kind)?;
    let note = participe_domain::text::long_text(&f.reason, 500).unwrap_or_default();
    let note = if note.is_empty() {
        state.i18n.t(ctx.lang, "moderation-restored-default", None)
    } else {
        note
    };
    moderation::set_hidden(&state.db, target, id, None, &note, me.id).await?;
    Ok(redirect_with_flash(&state, &back_to(&f.back), "flash-restored"))
}

pub async fn dismiss(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::Moderate)?;
    moderation::dismiss(&state.db, id).await?;
    Ok(redirect_with_flash(&state, "/admin/moderation", "flash-saved"))
}

/// Publishes content that waited for pre-moderation.
pub async fn approve(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams((kind, id)): PathParams<(String, i64)>,
) -> AppResult<Response> {
    ctx.require(Action::Moderate)?;
    match target(&kind)? {
        Target::Opinion => opinions::publish(&state.db, id).await?,
        Target::Argument => arguments::publish(&state.db, id).await?,
        Target::Source => sources::publish(&state.db, id).await?,
        Target::Proposal | Target::Comment => return Err(AppError::not_found()),
    }
    Ok(redirect_with_flash(&state, "/admin/moderation", "flash-approved"))
}
