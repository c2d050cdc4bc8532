//! Emails about consultation opinions to their author and followers: a new
//! amendment, an official answer. Each carries an unsubscribe link and
//! respects each person's choices.

use fluent_bundle::FluentArgs;

use crate::config::Config;
use crate::i18n::{I18n, Lang};
use crate::storage::opinions::{self, Opinion};
use crate::storage::{Db, org, users};

/// Queues one email per recipient, never to `except` (who acted).
async fn tell(
    (db, config, i18n): (&Db, &Config, &I18n),
    opinion: &Opinion,
    answer: bool,
    link: String,
    except: Option<i64>,
) -> anyhow::Result<usize> {
    let (subject_id, body_id) = if answer {
        ("email-opinion-answer-subject", "email-opinion-answer-body")
    } else {
        ("email-amendment-subject", "email-amendment-body")
    };
    let org = org::get(db).await?.name;
    let mut sent = 0;
    for r in opinions::recipients(db, opinion.id, answer).await? {
        if Some(r.id) == except {
            continue;
        }
        let lang = Lang::parse(&r.locale).unwrap_or(Lang::Fr);
        let token = users::unsubscribe_token(db, r.id).await?;
        let mut args = FluentArgs::new();
        args.set("org", org.clone());
        args.set("title", opinion.title.clone());
        args.set("link", link.clone());
        args.set("unsubscribe", format!("{}/unsubscribe/{token}", config.public_url));
        let subject = i18n.t(lang, subject_id, Some(&args));
        let body = i18n.t(lang, body_id, Some(&args));
        crate::mail::queue(db, config.smtp.as_ref(), &r.email, &subject, &body).await?;
        sent += 1;
    }
    Ok(sent)
}

/// A new amendment `amendment_id` of `opinion`, by `author`.
pub async fn amended(
    env: (&Db, &Config, &I18n),
    opinion: &Opinion,
    amendment_id: i64,
    author: i64,
) -> anyhow::Result<usize> {
    let link = format!("{}/opinions/{amendment_id}", env.1.public_url);
    tell(env, opinion, false, link, Some(author)).await
}

/// The organisers answered `opinion`.
pub async fn answered(env: (&Db, &Config, &I18n), opinion: &Opinion) -> anyhow::Result<usize> {
    let link = format!("{}/opinions/{}", env.1.public_url, opinion.id);
    tell(env, opinion, true, link, None).await
}
