//! "Je soutiens": supporting a proposal of a collect step in support mode
//! (petitions), and withdrawing one's support.

use axum::extract::State;
use axum::response::Response;
use participe_domain::FieldErrors;
use participe_domain::step::StepState;
use serde::Deserialize;

use super::show::{Feedback, page};
use super::visible_proposal;
use crate::app::AppState;
use crate::services::petitions::{self, Outcome};
use crate::storage::petitions::Supported;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::form::{HtmlForm, PathParams, redirect_with_flash};
use crate::web::limits::{self, Limited};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SupportForm {
    /// "withdraw" takes the support back; anything else gives it.
    action: String,
}

pub async fn support(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<SupportForm>,
) -> AppResult<Response> {
    let user = ctx.user()?.clone();
    let (proposal, cs) = visible_proposal(&state, &ctx, id).await?;
    let refuse = |code| {
        let mut errors = FieldErrors::new();
        errors.add("support", code);
        page(
            &state,
            &ctx,
            id,
            Feedback {
                errors,
                ..Feedback::default()
            },
        )
    };
    // A petition counts people: their address must be confirmed.
    if user.email_confirmed_at.is_none() {
        return refuse("support-refused-unconfirmed").await;
    }
    limits::check(&state, &ctx, Limited::Participation(user.id)).await?;
    let on = f.action != "withdraw";
    let open = cs.state() == StepState::Open;
    let outcome = petitions::set_support(&state, &proposal, cs.petition, open, user.id, on).await?;
    let flash = match outcome {
        Outcome::Refused(r) => return refuse(r.message_id()).await,
        Outcome::Done(Supported::Archived) => {
            return refuse(participe_domain::petition::Refusal::Archived.message_id()).await;
        }
        Outcome::Done(Supported::Counted { reached: true }) => "flash-support-reached",
        Outcome::Done(Supported::Counted { .. } | Supported::Already) if on => "flash-supported",
        Outcome::Done(_) => "flash-support-withdrawn",
    };
    Ok(redirect_with_flash(&state, &format!("/proposals/{id}#support"), flash))
}
