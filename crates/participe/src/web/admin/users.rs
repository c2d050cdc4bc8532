//! Back office: accounts, their roles, and anonymisation of an account.

use crate::view;
use axum::extract::{Query, State};
use axum::response::{Html, Response};
use participe_domain::permission::Action;
use participe_domain::{FieldErrors, Role};
use serde::Deserialize;

use crate::app::AppState;
use crate::storage::users;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, PathParams, errors_value, form_response, redirect_with_flash};
use crate::web::pagination::{PageQuery, Pager};
use crate::web::render;

pub const PER_PAGE: i64 = 50;

pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<PageQuery>) -> AppResult<Html<String>> {
    ctx.require(Action::ManageUsers)?;
    let pager = Pager::new(&q, PER_PAGE, users::count(&state.db).await?);
    let users = users::list(&state.db, pager.per_page, pager.offset()).await?;
    let roles: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
    render::page(&state, &ctx, "admin/users.html", view! { users, pager, roles }).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RoleForm {
    role: String,
}

pub async fn set_role(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<RoleForm>,
) -> AppResult<Response> {
    let me = ctx.require(Action::ManageUsers)?;
    let role = Role::parse(&f.role).map_err(|_| AppError::bad_request("unknown role"))?;
    if me.id == id && role != Role::Administrator {
        // An administrator cannot demote themself and lock everyone out.
        return Ok(redirect_with_flash(&state, "/admin/users", "flash-cannot-demote-self"));
    }
    users::set_role(&state.db, id, role).await?;
    Ok(redirect_with_flash(&state, "/admin/users", "flash-saved"))
}

/// The account `id` to anonymise, or where to send the administrator
/// instead: nobody anonymises their own account (they would lock themself out).
async fn anonymise_target(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<Result<users::User, Response>> {
    let me = ctx.require(Action::ManageUsers)?;
    if me.id == id {
        return Ok(Err(redirect_with_flash(
            state,
            "/admin/users",
            "flash-cannot-anonymise-self",
        )));
    }
    Ok(Ok(users::by_id(&state.db, id)
        .await?
        .ok_or_else(AppError::not_found)?))
}

async fn anonymise_page(
    state: &AppState,
    ctx: &Ctx,
    target: &users::User,
    errors: &FieldErrors,
) -> AppResult<Response> {
    let failed = !errors.is_empty();
    let errors = errors_value(&state.i18n, ctx.lang, errors);
    let html = render::page(state, ctx, "admin/anonymise.html", view! { target, errors }).await?;
    Ok(form_response(html, failed))
}

/// `GET /admin/users/{id}/anonymise`: what anonymising does, and a box to tick.
pub async fn anonymise_form(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    match anonymise_target(&state, &ctx, id).await? {
        Ok(target) => anonymise_page(&state, &ctx, &target, &FieldErrors::new()).await,
        Err(redirect) => Ok(redirect),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AnonymiseForm {
    confirm: String,
}

/// `POST /admin/users/{id}/anonymise`: erases the account's personal data
/// (name, email, password, birth date, postal code, sessions, follows);
/// its contributions stay, signed by a deleted account, and its ballots stay counted.
pub async fn anonymise(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<AnonymiseForm>,
) -> AppResult<Response> {
    let target = match anonymise_target(&state, &ctx, id).await? {
        Ok(t) => t,
        Err(redirect) => return Ok(redirect),
    };
    if f.confirm.is_empty() {
        let mut errors = FieldErrors::new();
        errors.add("confirm", "error-anonymise-confirm");
        return anonymise_page(&state, &ctx, &target, &errors).await;
    }
    users::erase(&state.db, id).await?;
    tracing::info!(by = ctx.user.as_ref().map(|u| u.id), account = id, "account anonymised");
    Ok(redirect_with_flash(&state, "/admin/users", "flash-user-anonymised"))
}
