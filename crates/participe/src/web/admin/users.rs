//! Back office: accounts and their roles.

use crate::view;
use axum::extract::{Query, State};
use axum::response::{Html, Response};
use participe_domain::Role;
use participe_domain::permission::Action;
use serde::Deserialize;

use crate::app::AppState;
use crate::storage::users;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::{HtmlForm, PathParams, redirect_with_flash};
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
