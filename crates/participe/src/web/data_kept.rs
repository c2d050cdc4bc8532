//! `/personal-data`: what the platform keeps about people, why, and for how
//! long, written from the running configuration (inactivity delay, session
//! length, identity providers), in French and English.

use axum::extract::State;
use axum::response::Html;

use crate::app::AppState;
use crate::storage::sso;
use crate::view;
use crate::web::accounts::SESSION_DAYS;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::render;

pub async fn page(State(state): State<AppState>, ctx: Ctx) -> AppResult<Html<String>> {
    let providers: Vec<String> = sso::list(&state.db)
        .await?
        .into_iter()
        .filter(|p| p.enabled)
        .map(|p| p.label)
        .collect();
    let verifying = sso::list(&state.db)
        .await?
        .iter()
        .any(|p| p.enabled && p.verifies_identity);
    let policy = state.config.account_policy;
    render::page(
        &state,
        &ctx,
        "data_kept.html",
        view! {
            inactive_days => policy.enabled().then_some(policy.inactive_days),
            notice_days => policy.notice_days,
            session_days => SESSION_DAYS,
            window_minutes => state.config.rate_limits.window_secs / 60,
            invitation_days => participe_domain::group::MAX_INVITATION_DAYS,
            admin_log_days => state.config.admin_log_days,
            providers => providers.join(", "),
            verifying,
        },
    )
    .await
}
