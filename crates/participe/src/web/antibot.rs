//! The guard of forms anyone may send (messages to a proposal's author, the
//! contact page): a honeypot field that people never see, and a
//! proof-of-work challenge the browser solves before sending
//! (static/pow.js). The rate limit is the handler's (`limits::check`).

use crate::app::AppState;
use crate::security::{pow_bits, random_token};
use crate::storage::pow;
use crate::web::error::AppResult;

/// Leading zero bits asked of the browser (about 16,000 hashes on average).
pub const DIFFICULTY: i64 = 14;

/// A new single-use challenge for a form, valid half an hour: its nonce.
pub async fn challenge(state: &AppState) -> AppResult<String> {
    challenge_for(state, chrono::Duration::minutes(30)).await
}

/// A challenge valid for `valid_for` (long forms need longer).
pub async fn challenge_for(state: &AppState, valid_for: chrono::Duration) -> AppResult<String> {
    let nonce = random_token();
    pow::purge(&state.db).await?;
    pow::create(&state.db, &nonce, DIFFICULTY, crate::storage::now() + valid_for).await?;
    Ok(nonce)
}

/// Whether the challenge `nonce` was solved by `solution` (each nonce counts once).
pub async fn solved(state: &AppState, nonce: &str, solution: &str) -> AppResult<bool> {
    Ok(match pow::take(&state.db, nonce).await? {
        Some(difficulty) => i64::from(pow_bits(nonce, solution)) >= difficulty,
        None => false,
    })
}

/// A filled honeypot: a bot, to be answered as if all went well.
pub fn is_bot(honeypot: &str) -> bool {
    !honeypot.trim().is_empty()
}
