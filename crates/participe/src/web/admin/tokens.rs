//! Back office: API tokens for staff integrations (administrators only).
//! A token is shown once, when created; only its hash is stored.

use axum::extract::{RawForm, State};
use axum::response::Response;
use participe_domain::FieldErrors;
use participe_domain::permission::Action;

use crate::app::AppState;
use crate::security::{random_token, token_hash};
use crate::storage::api_tokens;
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{PathParams, errors_value, form_response, pairs, redirect_with_flash, value};
use crate::web::render;

async fn page(state: &AppState, ctx: &Ctx, errors: &FieldErrors, created: Option<String>) -> AppResult<Response> {
    let tokens = api_tokens::list(&state.db).await?;
    let html = render::page(
        state,
        ctx,
        "admin/tokens.html",
        view! { tokens, created, errors => errors_value(&state.i18n, ctx.lang, errors) },
    )
    .await?;
    Ok(form_response(html, !errors.is_empty()))
}

pub async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    page(&state, &ctx, &FieldErrors::new(), None).await
}

/// Creates a token and shows it once.
pub async fn create(State(state): State<AppState>, ctx: Ctx, RawForm(raw): RawForm) -> AppResult<Response> {
    let me = ctx.require(Action::ManageUsers)?.clone();
    let p = pairs(&raw);
    let mut errors = FieldErrors::new();
    let name = errors.check("name", participe_domain::text::title(value(&p, "name")));
    let scope = match value(&p, "scope") {
        s @ ("read_private" | "write") => Some(s),
        _ => {
            errors.add("scope", "error-choice-invalid");
            None
        }
    };
    let (Some(name), Some(scope)) = (name, scope) else {
        return page(&state, &ctx, &errors, None).await;
    };
    let token = format!("pt_{}", random_token());
    api_tokens::create(&state.db, &name, &token_hash(&token), scope, me.id).await?;
    page(&state, &ctx, &errors, Some(token)).await
}

pub async fn revoke(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Response> {
    ctx.require(Action::ManageUsers)?;
    if !api_tokens::revoke(&state.db, id).await? {
        return Err(AppError::not_found());
    }
    Ok(redirect_with_flash(&state, "/admin/api-tokens", "token-revoked"))
}
