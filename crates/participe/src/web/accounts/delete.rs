//! Account deletion: personal data erased, contributions kept anonymous.

use crate::view;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use participe_domain::FieldErrors;
use serde::Deserialize;

use crate::app::AppState;
use crate::security::verify_password_async;
use crate::storage::users;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::form::{HtmlForm, errors_value, no_errors, redirect_with_flash};
use crate::web::{cookies, render};

pub async fn form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Html<String>> {
    ctx.user()?;
    render::page(&state, &ctx, "accounts/delete.html", view! { errors => no_errors() }).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DeleteForm {
    password: String,
}

pub async fn submit(State(state): State<AppState>, ctx: Ctx, HtmlForm(f): HtmlForm<DeleteForm>) -> AppResult<Response> {
    let user = ctx.user()?;
    if !verify_password_async(f.password, user.password_hash.clone()).await {
        let mut errors = FieldErrors::new();
        errors.add("password", "error-password-wrong");
        let errors = errors_value(&state.i18n, ctx.lang, &errors);
        let page = render::page(&state, &ctx, "accounts/delete.html", view! { errors }).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    users::erase(&state.db, user.id).await?;
    let mut res = redirect_with_flash(&state, "/", "flash-account-deleted");
    cookies::clear(&mut res, state.config.secure_cookies, cookies::SESSION);
    Ok(res)
}
