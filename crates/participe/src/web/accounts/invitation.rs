//! An invitation's link: it says which group it opens, then puts the
//! signed-in person in it (one click), or offers to sign up or log in first.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use participe_domain::group::Invitation;

use crate::app::AppState;
use crate::services::groups;
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::form::redirect_with_flash;
use crate::web::render;

/// The page for a link that no longer opens anything.
async fn gone(state: &AppState, ctx: &Ctx, standing: Option<Invitation>) -> AppResult<Response> {
    let (status, text_id) = match standing {
        Some(Invitation::Used) => (StatusCode::GONE, "invitation-used"),
        Some(_) => (StatusCode::GONE, "invitation-expired"),
        None => (StatusCode::NOT_FOUND, "invitation-unknown"),
    };
    let page = render::page(
        state,
        ctx,
        "message.html",
        view! { title_id => "invitation-title", text_id },
    )
    .await?;
    Ok((status, page).into_response())
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Path(token): Path<String>) -> AppResult<Response> {
    let invitation = match groups::find(&state.db, &token).await? {
        Some((i, Invitation::Valid)) => i,
        found => return gone(&state, &ctx, found.map(|f| f.1)).await,
    };
    let page = render::page(&state, &ctx, "accounts/invitation.html", view! { invitation, token }).await?;
    Ok(page.into_response())
}

pub async fn accept(State(state): State<AppState>, ctx: Ctx, Path(token): Path<String>) -> AppResult<Response> {
    let user = ctx.user()?;
    match groups::accept(&state.db, &token, user.id).await? {
        Some(_) => Ok(redirect_with_flash(&state, "/", "flash-group-joined")),
        None => {
            let standing = groups::find(&state.db, &token).await?.map(|f| f.1);
            gone(&state, &ctx, standing).await
        }
    }
}
