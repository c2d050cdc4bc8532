//! Rate limits on sensitive actions: per client address (log-in, sign-up,
//! password reset, contact) counted in the database so several app servers
//! share them; per person (ballots, contributions) counted in memory.

use super::context::Ctx;
use super::error::{AppError, AppResult, ErrorKind};
use crate::app::AppState;
use crate::services::person_limits::Kind;
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
        // Per person: counted in memory (`services::person_limits`).
        Limited::Vote(user) => return per_person(state, Kind::Ballot, user),
        Limited::Participation(user) => return per_person(state, Kind::Participation, user),
        Limited::Login => ("login", limits.login),
        Limited::Signup => ("signup", limits.signup),
        Limited::PasswordReset => ("reset", limits.password_reset),
        Limited::Contact => ("contact", limits.contact),
    };
    let who = ctx.client_ip.clone();
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

fn per_person(state: &AppState, kind: Kind, user: i64) -> AppResult<()> {
    if state.person_limits.allow(kind, user) {
        Ok(())
    } else {
        Err(AppError::new(ErrorKind::TooManyRequests))
    }
}
