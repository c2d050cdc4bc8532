//! Events shared by the web pages and the scheduler: registering and
//! cancelling (the person moved up from the waiting list is told), an event
//! cancelled or given more seats, and the reminders a day before.

use chrono::{Duration, Utc};
use participe_domain::event::{REMINDER_HOURS, Seat};

use crate::config::Config;
use crate::i18n::{I18n, Lang};
use crate::storage::events::{self, Event};
use crate::storage::{Db, StoreResult, org, users};

/// What an email about an event says.
#[derive(Debug, Clone, Copy)]
pub enum Notice {
    /// A seat freed up, or more seats were opened: you are in.
    MovedUp,
    /// The event will not take place.
    Cancelled,
    /// It starts within a day.
    Reminder,
}

impl Notice {
    fn keys(self) -> (&'static str, &'static str) {
        match self {
            Notice::MovedUp => ("email-event-moved-up-subject", "email-event-moved-up-body"),
            Notice::Cancelled => ("email-event-cancelled-subject", "email-event-cancelled-body"),
            Notice::Reminder => ("email-event-reminder-subject", "email-event-reminder-body"),
        }
    }
}

/// Emails `users` about `event`, each in their language.
pub async fn tell(
    db: &Db,
    config: &Config,
    i18n: &I18n,
    event: &Event,
    users_to_tell: &[i64],
    notice: Notice,
) -> StoreResult<()> {
    if users_to_tell.is_empty() {
        return Ok(());
    }
    let org = org::get(db).await?.name;
    let (subject_key, body_key) = notice.keys();
    for id in users_to_tell {
        let Some(user) = users::by_id(db, *id).await? else {
            continue;
        };
        let (Some(email), None) = (user.email, user.deleted_at) else {
            continue;
        };
        let lang = Lang::parse(&user.locale).unwrap_or(Lang::Fr);
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("org", org.clone());
        args.set("event", event.title.clone());
        args.set(
            "when",
            crate::dates::moment(i18n, lang, config.timezone, event.starts_at),
        );
        args.set("where", event.address.clone());
        args.set("link", format!("{}/events/{}", config.public_url, event.id));
        let subject = i18n.t(lang, subject_key, Some(&args));
        let body = i18n.t(lang, body_key, Some(&args));
        crate::mail::queue(db, config.smtp.as_ref(), &email, &subject, &body).await?;
    }
    Ok(())
}

/// Cancels a person's registration; whoever takes the freed seat is told.
pub async fn unregister(db: &Db, config: &Config, i18n: &I18n, event: i64, user: i64) -> StoreResult<()> {
    if let Some(moved) = events::unregister(db, event, user).await? {
        let e = events::get(db, event).await?;
        tell(db, config, i18n, &e, &[moved], Notice::MovedUp).await?;
    }
    Ok(())
}

/// Cancels an event and tells everyone registered (once).
pub async fn cancel(db: &Db, config: &Config, i18n: &I18n, event: i64) -> StoreResult<()> {
    if let Some(registered) = events::cancel(db, event).await? {
        let e = events::get(db, event).await?;
        tell(db, config, i18n, &e, &registered, Notice::Cancelled).await?;
    }
    Ok(())
}

/// Sends the reminders of events starting within a day, each event's once
/// whichever server runs this first. Run by the scheduler.
pub async fn send_reminders(db: &Db, config: &Config, i18n: &I18n) -> anyhow::Result<usize> {
    let now = Utc::now();
    let claimed = events::claim_reminders(db, now, now + Duration::hours(REMINDER_HOURS)).await?;
    for id in &claimed {
        let e = events::get(db, *id).await?;
        let seated: Vec<i64> = events::registrants(db, *id)
            .await?
            .into_iter()
            .filter(|r| r.status == Seat::Confirmed.as_str())
            .map(|r| r.user_id)
            .collect();
        tell(db, config, i18n, &e, &seated, Notice::Reminder).await?;
    }
    Ok(claimed.len())
}
