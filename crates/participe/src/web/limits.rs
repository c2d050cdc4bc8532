//! Rate limits on sensitive actions (log-in, sign-up, password reset),
//! counted in the database so several app servers share them.

use super::context::Ctx;
use super::error::{AppError, AppResult, ErrorKind};
use crate::app::AppState;
use crate::storage::rate_limit;

#[derive(Debug, Clone, Copy)]
pub enum Limited {
    Login,
    Signup,
    PasswordReset,
    /// Messages to proposal authors.
    Contact,
    /// Ballots, counted per voter rather than per address (a town-hall
    /// kiosk serves many voters from one address).
    Vote(i64),
    /// Votes, arguments, sources, amendments and contributions in
    /// consultations and debates, per person (same ceiling as ballots).
    Participation(i64),
}

/// Counts one attempt by this client; refuses with 429 past the limit.
pub async fn check(state: &AppState, ctx: &Ctx, what: Limited) -> AppResult<()> {
    let limits = &state.config.rate_limits;
    let (name, max) = match what {
        Limited::Login => ("login", limits.login),
        Limited::Signup => ("signup", limits.signup),
        Limited::PasswordReset => ("reset", limits.password_reset),
        Limited::Contact => ("contact", limits.contact),
        Limited::Vote(_) => ("vote", limits.vote),
        Limited::Participation(_) => ("participate", limits.vote),
    };
    let who = match what {
        Limited::Vote(user) | Limited::Participation(user) => user.to_string(),
        _ => ctx.client_ip.clone(),
    };
    let now = chrono::Utc::now().timestamp();
    let window = now - now.rem_euclid(limits.window_secs);
    let hits = rate_limit::hit(&state.db, &format!("{name}:{who}"), window).await?;
    if hits == 1 {
        // First hit of a window: forget windows older than the previous one.
        let _ = rate_limit::purge(&state.db, window - limits.window_secs).await;
    }
    if hits > max {
        Err(AppError::new(ErrorKind::TooManyRequests))
    } else {
        Ok(())
    }
}
