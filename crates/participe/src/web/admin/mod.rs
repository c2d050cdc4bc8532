//! The back office. Every handler starts with `ctx.require(Action::…)`:
//! authorisation is checked on the server for every action.

pub mod analysis;
pub mod collect;
pub mod emails;
pub mod export;
pub mod follow_up;
pub mod moderation;
pub mod platform_export;
pub mod projects;
pub mod settings;
pub mod steps;
pub mod taxonomy;
pub mod tokens;
pub mod users;
pub mod vote;

use crate::view;
use axum::extract::State;
use axum::response::Html;
use participe_domain::permission::Action;

use super::context::Ctx;
use super::error::AppResult;
use super::render;
use crate::app::AppState;
use crate::storage::{outbox, projects as project_store, users as user_store};

pub async fn index(State(state): State<AppState>, ctx: Ctx) -> AppResult<Html<String>> {
    ctx.require(Action::ViewBackOffice)?;
    let projects = project_store::list_all(&state.db).await?.len();
    let users = user_store::count(&state.db).await?;
    let emails = outbox::count(&state.db).await?;
    render::page(&state, &ctx, "admin/index.html", view! { projects, users, emails }).await
}
