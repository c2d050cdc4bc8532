//! The identification code and phone number that budget votes,
//! questionnaires and petitions ask for in their flows: checked together
//! with the flow's other fields, the code used last so that a mistake
//! elsewhere never spends it (guessing codes counts as log-in attempts).

use participe_domain::FieldErrors;
use participe_domain::vote::Missing;

use crate::app::AppState;
use crate::storage::{id_codes, votes};
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::limits::{self, Limited};

/// What the form gave for the `id_code` and `phone` fields.
pub struct Given<'a> {
    pub id_code: &'a str,
    pub phone: &'a str,
}

/// Checks the code and number `missing` asks for, adding errors to
/// `errors` (which may already hold the flow's other mistakes). When
/// everything is valid, uses the code for `step_id` and keeps the number
/// on the account; otherwise nothing is stored.
pub async fn take(
    state: &AppState,
    ctx: &Ctx,
    step_id: i64,
    missing: &[Missing],
    given: Given<'_>,
    errors: &mut FieldErrors,
) -> AppResult<()> {
    let user_id = ctx.user()?.id;
    let phone = if missing.contains(&Missing::Phone) {
        errors.check("phone", participe_domain::phone::parse(given.phone))
    } else {
        None
    };
    let code = if missing.contains(&Missing::IdCode) {
        errors.check("id_code", participe_domain::id_codes::normalise(given.id_code))
    } else {
        None
    };
    if !errors.is_empty() {
        return Ok(());
    }
    if let Some(code) = &code {
        limits::check(state, ctx, Limited::Login).await?;
        if !id_codes::use_online(&state.db, step_id, code, user_id).await? {
            errors.add("id_code", "error-id-code-unknown");
            return Ok(());
        }
    }
    if let Some(number) = phone {
        votes::set_phone(&state.db, user_id, &number).await?;
    }
    Ok(())
}

/// The message that asks for a missing requirement.
pub fn missing_id(m: Missing) -> &'static str {
    match m {
        Missing::ConfirmedEmail => "vote-missing-email",
        Missing::VerifiedIdentity => "vote-missing-identity",
        Missing::IdCode => "vote-missing-id-code",
        Missing::BirthDate => "vote-missing-birth-date",
        Missing::TooYoung => "vote-missing-too-young",
        Missing::PostalCode => "vote-missing-postal-code",
        Missing::PostalCodeOutside => "vote-missing-postal-outside",
        Missing::Phone => "vote-missing-phone",
        Missing::RulesAcceptance => "vote-missing-rules",
    }
}
