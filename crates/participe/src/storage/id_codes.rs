//! Identification codes of vote steps, stored as hashes; each is used once,
//! online or on paper, by one conditional UPDATE (so two requests, on one
//! server or several, can never both use it).

use super::{Db, StoreResult, WriteTx, now};
use crate::on_db;
use crate::security::token_hash;

/// Codes inserted per statement when importing.
const CHUNK: usize = 500;

/// Adds codes (normalised, `participe_domain::id_codes`) to a step in one
/// transaction, as hashes; codes already there are kept as they are.
/// Returns how many were new.
pub async fn import(db: &Db, step_id: i64, codes: &[String]) -> StoreResult<u64> {
    let hashes: Vec<String> = codes.iter().map(|c| token_hash(c)).collect();
    Ok(on_db!(db, |p| {
        async {
        let mut tx = p.begin_write().await?;
        let mut added = 0;
        for chunk in hashes.chunks(CHUNK) {
            let values: Vec<String> = (0..chunk.len()).map(|i| format!("($1, ${})", i + 2)).collect();
            let sql = format!(
                "INSERT INTO identification_codes (step_id, code_hash) VALUES {} ON CONFLICT (step_id, code_hash) DO NOTHING",
                values.join(", ")
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(step_id);
            for h in chunk {
                q = q.bind(h);
            }
            added += q.execute(&mut *tx).await?.rows_affected();
        }
        tx.commit().await?;
        Ok::<u64, sqlx::Error>(added)
    }
    .await
    })?)
}

/// (codes, used online, used on paper) of a step.
pub async fn counts(db: &Db, step_id: i64) -> StoreResult<(i64, i64, i64)> {
    Ok(on_db!(db, |p| sqlx::query_as(
        "SELECT COUNT(*),
                COALESCE(SUM(CASE WHEN used_at IS NOT NULL AND NOT on_paper THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN on_paper THEN 1 ELSE 0 END), 0)
         FROM identification_codes WHERE step_id = $1"
    )
    .bind(step_id)
    .fetch_one(p)
    .await)?)
}

/// Uses a code for a voter online; false when it is unknown or used.
pub async fn use_online(db: &Db, step_id: i64, code: &str, user_id: i64) -> StoreResult<bool> {
    let n = on_db!(db, |p| sqlx::query(
        "UPDATE identification_codes SET used_at = $4, used_by = $3
         WHERE step_id = $1 AND code_hash = $2 AND used_at IS NULL"
    )
    .bind(step_id)
    .bind(token_hash(code))
    .bind(user_id)
    .bind(now())
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Uses a code for a paper ballot entered by `mediator`; false when it is
/// unknown or used.
pub async fn use_on_paper(db: &Db, step_id: i64, code: &str, mediator: i64) -> StoreResult<bool> {
    let n = on_db!(db, |p| sqlx::query(
        "UPDATE identification_codes SET used_at = $4, paper_entered_by = $3, on_paper = TRUE
         WHERE step_id = $1 AND code_hash = $2 AND used_at IS NULL"
    )
    .bind(step_id)
    .bind(token_hash(code))
    .bind(mediator)
    .bind(now())
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n == 1)
}

/// Ties a code used on paper to its ballot.
pub async fn attach_ballot(db: &Db, step_id: i64, code: &str, ballot_id: i64) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "UPDATE identification_codes SET ballot_id = $3 WHERE step_id = $1 AND code_hash = $2"
    )
    .bind(step_id)
    .bind(token_hash(code))
    .bind(ballot_id)
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// Frees the code of a paper ballot (`$1` step, `$2` ballot) that is being
/// deleted, in the deletion's transaction (`ballots::delete_paper`).
pub(super) const FREE_BALLOT_CODE: &str =
    "UPDATE identification_codes SET used_at = NULL, paper_entered_by = NULL, on_paper = FALSE, ballot_id = NULL
     WHERE step_id = $1 AND ballot_id = $2";

/// Gives a code back (its paper ballot could not be saved).
pub async fn release(db: &Db, step_id: i64, code: &str) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "UPDATE identification_codes SET used_at = NULL, used_by = NULL, paper_entered_by = NULL, on_paper = FALSE
         WHERE step_id = $1 AND code_hash = $2"
    )
    .bind(step_id)
    .bind(token_hash(code))
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// Whether this voter entered one of the step's codes.
pub async fn has_code(db: &Db, step_id: i64, user_id: i64) -> StoreResult<bool> {
    let found: Option<i64> = on_db!(db, |p| sqlx::query_scalar(
        "SELECT id FROM identification_codes WHERE step_id = $1 AND used_by = $2 LIMIT 1"
    )
    .bind(step_id)
    .bind(user_id)
    .fetch_optional(p)
    .await)?;
    Ok(found.is_some())
}

/// Removes the codes nobody used (a list imported by mistake).
pub async fn delete_unused(db: &Db, step_id: i64) -> StoreResult<u64> {
    Ok(on_db!(db, |p| sqlx::query(
        "DELETE FROM identification_codes WHERE step_id = $1 AND used_at IS NULL"
    )
    .bind(step_id)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?)
}
