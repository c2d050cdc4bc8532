//! Emails about proposals to their author and followers: status changes,
//! official answers, new comments, and the realisation follow-up of winners
//! (new status, news). Each carries an unsubscribe link, and each person's
//! choices in their profile are respected.

use fluent_bundle::FluentArgs;
use participe_domain::follow_up::RealisationInput;

use crate::config::Config;
use crate::i18n::{I18n, Lang};
use crate::storage::proposals::Proposal;
use crate::storage::users::{self, Notification};
use crate::storage::{Db, analyses, org, proposals};

/// Queues one email per recipient (never to `except`, the person who acted).
pub async fn proposal_event(
    db: &Db,
    config: &Config,
    i18n: &I18n,
    proposal: &Proposal,
    kind: Notification,
    except: Option<i64>,
) -> anyhow::Result<usize> {
    proposal_event_with(db, config, i18n, proposal, kind, except, |_, _| {}).await
}

/// Like `proposal_event`, with `more(lang, args)` adding arguments to each
/// recipient's message in their language.
pub async fn proposal_event_with(
    db: &Db,
    config: &Config,
    i18n: &I18n,
    proposal: &Proposal,
    kind: Notification,
    except: Option<i64>,
    more: impl Fn(Lang, &mut FluentArgs<'static>) + Send + Sync,
) -> anyhow::Result<usize> {
    let (subject_id, body_id) = match kind {
        Notification::Status => ("email-status-subject", "email-status-body"),
        Notification::Answer => ("email-answer-subject", "email-answer-body"),
        Notification::Comment => ("email-comment-subject", "email-comment-body"),
        Notification::Realisation => ("email-realisation-subject", "email-realisation-body"),
        Notification::News => ("email-news-subject", "email-news-body"),
    };
    let org = org::get(db).await?.name;
    let link = format!("{}/proposals/{}", config.public_url, proposal.id);
    let mut sent = 0;
    for r in users::recipients(db, proposal.id, kind).await? {
        if Some(r.id) == except {
            continue;
        }
        let lang = Lang::parse(&r.locale).unwrap_or(Lang::Fr);
        let token = users::unsubscribe_token(db, r.id).await?;
        let mut args = FluentArgs::new();
        args.set("org", org.clone());
        args.set("title", proposal.title.clone());
        args.set("status", proposal.status_name.clone().unwrap_or_default());
        args.set("link", link.clone());
        args.set("unsubscribe", format!("{}/unsubscribe/{token}", config.public_url));
        more(lang, &mut args);
        let subject = i18n.t(lang, subject_id, Some(&args));
        let body = i18n.t(lang, body_id, Some(&args));
        crate::mail::queue(db, config.smtp.as_ref(), &r.email, &subject, &body).await?;
        sent += 1;
    }
    Ok(sent)
}

/// Publishes the official answers whose time has come and tells the
/// authors and followers. Run at start, periodically, and right after an
/// answer is saved.
pub async fn publish_due_answers(db: &Db, config: &Config, i18n: &I18n) -> anyhow::Result<usize> {
    let mut n = 0;
    for id in analyses::publish_due(db).await? {
        if let Some(p) = proposals::by_id(db, id).await? {
            proposal_event(db, config, i18n, &p, Notification::Answer, None).await?;
            n += 1;
        }
    }
    Ok(n)
}

/// Tells the author and followers of a winning proposal that its
/// realisation has a new status.
pub async fn realisation_status(
    db: &Db,
    config: &Config,
    i18n: &I18n,
    proposal: &Proposal,
    realisation: RealisationInput,
    except: Option<i64>,
) -> anyhow::Result<usize> {
    let more = |lang, args: &mut FluentArgs<'static>| {
        args.set("status", i18n.t(lang, realisation.status.message_id(), None));
        args.set("progress", realisation.progress);
    };
    proposal_event_with(db, config, i18n, proposal, Notification::Realisation, except, more).await
}

/// Tells the author and followers of a winning proposal that a news post
/// on its realisation was published.
pub async fn realisation_news(
    db: &Db,
    config: &Config,
    i18n: &I18n,
    proposal: &Proposal,
    news_title: &str,
    except: Option<i64>,
) -> anyhow::Result<usize> {
    let news = news_title.to_string();
    let more = move |_, args: &mut FluentArgs<'static>| args.set("news", news.clone());
    proposal_event_with(db, config, i18n, proposal, Notification::News, except, more).await
}
