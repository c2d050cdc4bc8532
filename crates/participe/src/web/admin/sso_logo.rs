//! Back office: the logo on a single sign-on provider's log-in button. The
//! image sent is checked by its content and stored as a small PNG (at most
//! 96 pixels a side), under a name shield mode lets through to the log-in
//! page.

use axum::extract::{Multipart, State};
use axum::response::Response;
use participe_domain::FieldErrors;
use participe_domain::permission::Action;

use super::sso::edit_page_of;
use crate::app::AppState;
use crate::files::new_logo_name;
use crate::storage::sso as store;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{PathParams, redirect_with_flash};
use crate::web::upload::image_field;

/// Largest side of a stored logo, in pixels (shown at 24, sharp at 4×).
const LOGO_SIZE: u32 = 96;

/// `POST /admin/sso/{id}/logo`: sets or replaces the logo.
pub async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    multipart: Multipart,
) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    let provider = store::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    let refused = |code: &'static str| {
        let mut errors = FieldErrors::new();
        errors.add("logo", code);
        errors
    };
    let bytes = match image_field(&state, multipart, "logo").await? {
        Ok(bytes) => bytes,
        Err(code) => return edit_page_of(&state, &ctx, &provider, &refused(code)).await,
    };
    let icon = tokio::task::spawn_blocking(move || crate::images::make_icon(&bytes, LOGO_SIZE))
        .await
        .map_err(anyhow::Error::from)?;
    let Ok(icon) = icon else {
        return edit_page_of(&state, &ctx, &provider, &refused("error-upload-not-image")).await;
    };
    let name = new_logo_name();
    state.files.put(name.clone(), icon).await?;
    if let Some(old) = store::set_logo(&state.db, id, Some(&name)).await? {
        state.files.delete(old).await?;
    }
    Ok(redirect_with_flash(&state, &format!("/admin/sso/{id}"), "flash-saved"))
}

/// `POST /admin/sso/{id}/logo/delete`: the button goes back to its label alone.
pub async fn delete(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    store::by_id(&state.db, id).await?.ok_or_else(AppError::not_found)?;
    if let Some(old) = store::set_logo(&state.db, id, None).await? {
        state.files.delete(old).await?;
    }
    Ok(redirect_with_flash(&state, &format!("/admin/sso/{id}"), "flash-saved"))
}
