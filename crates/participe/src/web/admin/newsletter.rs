//! Back office: who signed up for the newsletter, and the confirmed
//! addresses as a CSV file for the mailing tool.

use axum::extract::State;
use axum::response::{Html, Response};
use participe_domain::permission::Action;

use super::export::csv_download;
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
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let io = |e: csv::Error| anyhow::anyhow!("newsletter CSV: {e}");
    w.write_record(["email", "lang", "confirmed_at"]).map_err(io)?;
    for s in newsletter::all(&state.db).await? {
        if let Some(at) = s.confirmed_at {
            w.write_record([s.email.as_str(), s.lang.as_str(), &at.to_rfc3339()])
                .map_err(io)?;
        }
    }
    let bytes = w.into_inner().map_err(|e| anyhow::anyhow!("newsletter CSV: {e}"))?;
    Ok(csv_download("newsletter.csv", bytes))
}
