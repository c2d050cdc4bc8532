//! Back office: who signed up for the newsletter, and the confirmed
//! addresses as a CSV file for the mailing tool.

use axum::extract::State;
use axum::response::{Html, Response};
use participe_domain::permission::Action;

use super::export::{csv_download, csv_table};
use crate::app::AppState;
use crate::storage::newsletter;
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::render;

pub async fn show(State(state): State<AppState>, ctx: Ctx) -> AppResult<Html<String>> {
    ctx.require(Action::ManageSite)?;
    let subscribers = newsletter::all(&state.db).await?;
    let confirmed = subscribers.iter().filter(|s| s.confirmed_at.is_some()).count();
    let pending = subscribers.len() - confirmed;
    render::page(
        &state,
        &ctx,
        "admin/newsletter.html",
        view! { subscribers, confirmed, pending },
    )
    .await
}

/// The confirmed addresses (UTF-8 with a byte-order mark, `;`-separated).
pub async fn csv(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(Action::ManageSite)?;
    let confirmed = newsletter::all(&state.db)
        .await?
        .into_iter()
        .filter_map(|s| s.confirmed_at.map(|at| vec![s.email, s.lang, at.to_rfc3339()]));
    let bytes = csv_table(&["email", "lang", "confirmed_at"], confirmed)?;
    Ok(csv_download("newsletter.csv", bytes))
}
