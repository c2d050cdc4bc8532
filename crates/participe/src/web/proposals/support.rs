//! "Je soutiens": supporting a proposal of a collect step in support mode
//! (petitions), with the stronger checks its step may ask for (a verified
//! identity, an identification code, a phone number), and withdrawing
//! one's support.

use axum::extract::State;
use axum::response::Response;
use participe_domain::FieldErrors;
use participe_domain::petition::{Refusal, may_support};
use participe_domain::step::StepState;
use participe_domain::vote::Missing;
use serde::Deserialize;

use super::show::{Feedback, page, supporter_missing};
use super::visible_proposal;
use crate::app::AppState;
use crate::services::petitions::{self, Outcome};
use crate::storage::petitions::Supported;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::form::{HtmlForm, PathParams, redirect_with_flash};
use crate::web::limits::{self, Limited};
use crate::web::voter_checks::{self, Given};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SupportForm {
    /// "withdraw" takes the support back; anything else gives it.
    action: String,
    /// What a petition asking for stronger checks needs, given once.
    id_code: String,
    phone: String,
}

pub async fn support(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    HtmlForm(f): HtmlForm<SupportForm>,
) -> AppResult<Response> {
    let user = ctx.user()?.clone();
    let (proposal, cs) = visible_proposal(&state, &ctx, id).await?;
    let refuse = |errors: FieldErrors, support_phone: String| {
        page(
            &state,
            &ctx,
            id,
            Feedback {
                errors,
                support_phone,
                ..Feedback::default()
            },
        )
    };
    let refusal = |code| {
        let mut errors = FieldErrors::new();
        errors.add("support", code);
        errors
    };
    // A petition counts people: their address must be confirmed.
    if user.email_confirmed_at.is_none() {
        return refuse(refusal("support-refused-unconfirmed"), String::new()).await;
    }
    limits::check(&state, &ctx, Limited::Participation(user.id)).await?;
    let on = f.action != "withdraw";
    let open = cs.state() == StepState::Open;
    if on && let Some(settings) = &cs.petition {
        // The stronger checks, before anything is spent or stored.
        if let Err(r) = may_support(
            true,
            open,
            proposal.is_published() && proposal.hidden_reason.is_none(),
            proposal.archived_at.is_some(),
        ) {
            return refuse(refusal(r.message_id()), String::new()).await;
        }
        let missing = supporter_missing(&state, &ctx, cs.step.id, settings).await?;
        if missing.contains(&Missing::VerifiedIdentity) {
            return refuse(refusal("support-refused-identity"), String::new()).await;
        }
        let mut errors = FieldErrors::new();
        let given = Given {
            id_code: &f.id_code,
            phone: &f.phone,
        };
        voter_checks::take(&state, &ctx, cs.step.id, &missing, given, &mut errors).await?;
        if !errors.is_empty() {
            return refuse(errors, f.phone).await;
        }
    }
    let outcome = petitions::set_support(&state, &proposal, cs.petition, open, user.id, on).await?;
    let flash = match outcome {
        Outcome::Refused(r) => return refuse(refusal(r.message_id()), String::new()).await,
        Outcome::Done(Supported::Archived) => {
            return refuse(refusal(Refusal::Archived.message_id()), String::new()).await;
        }
        Outcome::Done(Supported::Counted { reached: true }) => "flash-support-reached",
        Outcome::Done(Supported::Counted { .. } | Supported::Already) if on => "flash-supported",
        Outcome::Done(_) => "flash-support-withdrawn",
    };
    Ok(redirect_with_flash(&state, &format!("/proposals/{id}#support"), flash))
}
