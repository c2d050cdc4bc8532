//! What a voter, a respondent or a petition supporter still has to provide
//! for a step's requirements (budget votes, questionnaires and votations,
//! petitions share the rules of `participe_domain::vote`). Reads only what
//! the requirements ask about.

use chrono::NaiveDate;
use participe_domain::vote::{Missing, Requirements, Voter, missing_requirements};

use crate::storage::users::User;
use crate::storage::{Db, StoreResult, id_codes, users, votes};

/// The requirements this person does not meet yet (in the order the flow
/// asks for them), and their date of birth when known.
pub async fn missing(
    db: &Db,
    user: &User,
    step_id: i64,
    req: &Requirements,
    today: NaiveDate,
) -> StoreResult<(Vec<Missing>, Option<NaiveDate>)> {
    let birth_date = users::preferences(db, user.id).await?.birth_date;
    let postal = if req.postal_codes.is_empty() {
        None
    } else {
        votes::postal_code(db, user.id).await?
    };
    let voter = Voter {
        confirmed: user.is_confirmed(),
        identity_verified: user.identity_verified_at.is_some(),
        has_id_code: req.id_code && id_codes::has_code(db, step_id, user.id).await?,
        birth_date,
        postal_code: postal.as_deref(),
        has_phone: req.phone && votes::phone(db, user.id).await?.is_some(),
        accepted_rules: req.accept_rules && votes::has_accepted(db, step_id, user.id).await?,
    };
    Ok((missing_requirements(req, &voter, today), birth_date))
}
