//! An invitation's link: it says which group it opens, then puts the
//! signed-in person in it (one click) if the invitation was sent to their
//! address, or offers to sign up or log in first.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use participe_domain::group::{Invitation, masked, same_address};

use crate::app::AppState;
use crate::services::groups::{self, Accepted};
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
    // Signed in with another address: the link is not theirs to use.
    let other_address = ctx
        .user
        .as_ref()
        .and_then(|u| u.email.as_deref())
        .filter(|e| !same_address(&invitation.email, e))
        .map(|_| masked(&invitation.email));
    let page = render::page(
        &state,
        &ctx,
        "accounts/invitation.html",
        view! { invitation, token, other_address },
    )
    .await?;
    Ok(page.into_response())
}

pub async fn accept(State(state): State<AppState>, ctx: Ctx, Path(token): Path<String>) -> AppResult<Response> {
    let user = ctx.user()?;
    let email = user.email.as_deref().unwrap_or_default();
    match groups::accept(&state.db, &token, user.id, email).await? {
        Accepted::Joined(_) => Ok(redirect_with_flash(&state, "/", "flash-group-joined")),
        Accepted::OtherAddress(address) => {
            let page = render::page(
                &state,
                &ctx,
                "message.html",
                view! { title_id => "invitation-title", text_id => "invitation-other-address", email => address },
            )
            .await?;
            Ok((StatusCode::FORBIDDEN, page).into_response())
        }
        Accepted::Gone => {
            let standing = groups::find(&state.db, &token).await?.map(|f| f.1);
            gone(&state, &ctx, standing).await
        }
    }
}
