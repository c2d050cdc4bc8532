//! Decisions staff take on a proposal, shared by the back office and the
//! API: its status (followers are told) and its official answer (published
//! at its time, followers told then).

use chrono::{DateTime, Utc};

use crate::app::AppState;
use crate::services::notify;
use crate::storage::users::Notification;
use crate::storage::{StoreResult, analyses, collect, proposals};

/// Whether `status` (None: no status) is one of the proposal's step statuses.
pub async fn status_allowed(state: &AppState, step_id: i64, status: Option<i64>) -> StoreResult<bool> {
    let Some(s) = status else { return Ok(true) };
    Ok(collect::statuses(&state.db, step_id).await?.iter().any(|x| x.id == s))
}

/// Sets a proposal's status; when it changes to a status, the author and
/// followers (but not `actor`) are told.
pub async fn set_status(
    state: &AppState,
    proposal: &proposals::Proposal,
    status: Option<i64>,
    actor: Option<i64>,
) -> anyhow::Result<()> {
    if status == proposal.status_id {
        return Ok(());
    }
    proposals::set_status(&state.db, proposal.id, status).await?;
    if status.is_some()
        && let Some(updated) = proposals::by_id(&state.db, proposal.id).await?
    {
        notify::proposal_event(
            &state.db,
            &state.config,
            &state.i18n,
            &updated,
            Notification::Status,
            actor,
        )
        .await?;
    }
    Ok(())
}

/// Saves the official answer, published at `when` (now if earlier or None),
/// and publishes the answers that are due.
pub async fn save_answer(
    state: &AppState,
    proposal_id: i64,
    body: &str,
    when: Option<DateTime<Utc>>,
    author: i64,
) -> anyhow::Result<()> {
    let now = crate::storage::now();
    analyses::save_answer(&state.db, proposal_id, body, when.unwrap_or(now).max(now), author).await?;
    notify::publish_due_answers(&state.db, &state.config, &state.i18n).await?;
    Ok(())
}
