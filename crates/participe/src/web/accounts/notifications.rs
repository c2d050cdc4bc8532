//! Notification choices: in the profile, and the one-click unsubscribe link
//! carried by every notification email.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::app::AppState;
use crate::storage::users;
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::form::{HtmlForm, PathParams, redirect_with_flash};
use crate::web::render;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NotificationsForm {
    notify_status: Option<String>,
    notify_answer: Option<String>,
    notify_comment: Option<String>,
}

pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    HtmlForm(f): HtmlForm<NotificationsForm>,
) -> AppResult<Response> {
    let user = ctx.user()?;
    users::set_notifications(
        &state.db,
        user.id,
        f.notify_status.is_some(),
        f.notify_answer.is_some(),
        f.notify_comment.is_some(),
    )
    .await?;
    Ok(redirect_with_flash(&state, "/account#notifications", "flash-saved"))
}

/// Asks to confirm (a GET must not change anything: mail scanners follow links).
pub async fn unsubscribe_form(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(token): PathParams<String>,
) -> AppResult<Response> {
    Ok(
        render::page(&state, &ctx, "unsubscribe.html", view! { token, done => false })
            .await?
            .into_response(),
    )
}

pub async fn unsubscribe(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(token): PathParams<String>,
) -> AppResult<Response> {
    let done = users::unsubscribe(&state.db, &token).await?;
    let html = render::page(
        &state,
        &ctx,
        "unsubscribe.html",
        view! { token, done => true, found => done },
    )
    .await?;
    Ok(if done {
        html.into_response()
    } else {
        (StatusCode::NOT_FOUND, html).into_response()
    })
}
