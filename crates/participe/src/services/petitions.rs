//! Petitions: a support that reaches the threshold tells the staff and the
//! author (once: the storage says which support reached it), and the
//! scheduler archives proposals whose delay ran out below the threshold and
//! tells their author (once, whichever server archives them).

use fluent_bundle::FluentArgs;
use participe_domain::petition::{PetitionSettings, Refusal, may_support};

use crate::config::Config;
use crate::i18n::{I18n, Lang};
use crate::storage::petitions::{self, Supported};
use crate::storage::proposals::Proposal;
use crate::storage::{Db, org, proposals, users};

/// What became of a support request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Done(Supported),
    Refused(Refusal),
}

/// Supports a proposal (or withdraws the support) for `user_id`, after the
/// domain's checks (`settings`: its step's support mode, None when off);
/// sends the threshold emails when this support reached it. An archiving
/// that happens meanwhile is caught by the storage's transaction.
pub async fn set_support(
    state: &crate::app::AppState,
    proposal: &Proposal,
    settings: Option<PetitionSettings>,
    step_open: bool,
    user_id: i64,
    on: bool,
) -> anyhow::Result<Outcome> {
    if let Err(r) = may_support(
        settings.is_some(),
        step_open,
        proposal.is_published() && proposal.hidden_reason.is_none(),
        proposal.archived_at.is_some(),
    ) {
        return Ok(Outcome::Refused(r));
    }
    let Some(settings) = settings else {
        return Ok(Outcome::Refused(Refusal::NotSupportMode));
    };
    let (db, config, i18n) = (&state.db, &state.config, &state.i18n);
    if !on {
        petitions::withdraw(db, proposal.id, user_id).await?;
        return Ok(Outcome::Done(Supported::Already));
    }
    let done = petitions::support(db, proposal.id, user_id, &settings).await?;
    if done == (Supported::Counted { reached: true }) {
        threshold_reached(db, config, i18n, proposal, &settings).await?;
    }
    Ok(Outcome::Done(done))
}

fn args(org: &str, config: &Config, proposal: &Proposal) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    args.set("org", org.to_string());
    args.set("title", proposal.title.clone());
    args.set("link", format!("{}/proposals/{}", config.public_url, proposal.id));
    args
}

/// Emails the deciders and the author that a proposal reached its
/// threshold, with the answer's deadline.
async fn threshold_reached(
    db: &Db,
    config: &Config,
    i18n: &I18n,
    proposal: &Proposal,
    settings: &PetitionSettings,
) -> anyhow::Result<()> {
    let org = org::get(db).await?.name;
    let p = petitions::of_proposal(db, proposal.id).await?;
    let mut to: Vec<(String, Lang, &str)> = users::deciders(db)
        .await?
        .into_iter()
        .filter(|u| u.id != proposal.author_id)
        .filter_map(|u| {
            Some((
                u.email?,
                Lang::parse(&u.locale).unwrap_or(Lang::Fr),
                "email-threshold-staff",
            ))
        })
        .collect();
    if let Some(author) = users::by_id(db, proposal.author_id).await?
        && author.deleted_at.is_none()
        && let Some(email) = author.email
    {
        to.push((
            email,
            Lang::parse(&author.locale).unwrap_or(Lang::Fr),
            "email-threshold-author",
        ));
    }
    for (email, lang, id) in to {
        let mut a = args(&org, config, proposal);
        a.set("threshold", settings.threshold);
        let due = p.answer_due_at.unwrap_or_default();
        a.set(
            "due",
            crate::dates::day(i18n, lang, due.with_timezone(&config.timezone).date_naive()),
        );
        let subject = i18n.t(lang, "email-threshold-subject", Some(&a));
        let body = i18n.t(lang, id, Some(&a));
        crate::mail::queue(db, config.smtp.as_ref(), &email, &subject, &body).await?;
    }
    Ok(())
}

/// Archives the proposals whose delay ran out below the threshold and tells
/// each author. Run at start and periodically by every server.
pub async fn archive_due(db: &Db, config: &Config, i18n: &I18n) -> anyhow::Result<usize> {
    let archived = petitions::archive_due(db).await?;
    if archived.is_empty() {
        return Ok(0);
    }
    let org = org::get(db).await?.name;
    for id in &archived {
        let Some(p) = proposals::by_id(db, *id).await? else {
            continue;
        };
        let Some(author) = users::by_id(db, p.author_id).await? else {
            continue;
        };
        let (Some(email), None) = (author.email, author.deleted_at) else {
            continue;
        };
        let lang = Lang::parse(&author.locale).unwrap_or(Lang::Fr);
        let a = args(&org, config, &p);
        let subject = i18n.t(lang, "email-archived-subject", Some(&a));
        let body = i18n.t(lang, "email-archived-body", Some(&a));
        crate::mail::queue(db, config.smtp.as_ref(), &email, &subject, &body).await?;
    }
    Ok(archived.len())
}
