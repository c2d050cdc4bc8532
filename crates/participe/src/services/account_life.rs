//! The daily sweep of inactive accounts (`participe_domain::account_life`):
//! once a day across all servers, reminders go out by email and accounts
//! whose notice ran out are anonymised like a deletion; group invitations
//! that have ended and old entries of the administrators' action log are
//! deleted.

use chrono::{DateTime, Utc};
use participe_domain::Role;
use participe_domain::account_life::{Account, Step};

use crate::config::Config;
use crate::i18n::{I18n, Lang};
use crate::storage::{Db, account_life as store, org, users};

/// The task's name in `daily_runs`.
const TASK: &str = "inactive-accounts";

/// What one sweep did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub reminded: usize,
    pub anonymised: usize,
}

/// Runs the sweep for `now`'s day, unless another server (or an earlier
/// call) already did: then returns None.
pub async fn run_daily(db: &Db, config: &Config, i18n: &I18n, now: DateTime<Utc>) -> anyhow::Result<Option<Summary>> {
    let policy = config.account_policy;
    let day = now.with_timezone(&config.timezone).date_naive().to_string();
    if !store::claim_daily(db, TASK, &day).await? {
        return Ok(None);
    }
    // Group invitations are kept until they end.
    let purged = crate::storage::groups::purge_invitations(db, now).await?;
    if purged > 0 {
        tracing::info!(purged, "ended group invitations deleted");
    }
    // The administrators' action log, kept for its configured time.
    let forgotten = crate::storage::admin_log::purge(db, now - chrono::Duration::days(config.admin_log_days)).await?;
    if forgotten > 0 {
        tracing::info!(forgotten, "old administrator actions deleted");
    }
    if !policy.enabled() {
        return Ok(None);
    }
    let mut summary = Summary::default();
    let org_name = org::get(db).await?.name;
    for c in store::inactive_since(db, policy.remind_before(now)).await? {
        let account = Account {
            last_active: c.last_active,
            reminded_at: c.reminded_at,
            staff: Role::parse(&c.role).is_ok_and(Role::is_staff),
        };
        match policy.step(&account, now) {
            Step::Nothing => {}
            Step::Remind { on } => {
                if let Some(to) = &c.email {
                    let lang = Lang::parse(&c.locale).unwrap_or(Lang::Fr);
                    let subject = i18n.t1(lang, "email-inactive-subject", "org", org_name.clone());
                    let mut args = fluent_bundle::FluentArgs::new();
                    args.set("org", org_name.clone());
                    args.set(
                        "date",
                        crate::dates::day(i18n, lang, on.with_timezone(&config.timezone).date_naive()),
                    );
                    args.set("link", format!("{}/login", config.public_url));
                    let body = i18n.t(lang, "email-inactive-body", Some(&args));
                    crate::mail::queue(db, config.smtp.as_ref(), to, &subject, &body).await?;
                }
                // Without an email the notice still runs, on the site alone.
                store::mark_reminded(db, c.id, now).await?;
                summary.reminded += 1;
            }
            Step::Anonymise => {
                users::erase(db, c.id).await?;
                summary.anonymised += 1;
            }
        }
    }
    tracing::info!(
        reminded = summary.reminded,
        anonymised = summary.anonymised,
        "inactive accounts"
    );
    Ok(Some(summary))
}
