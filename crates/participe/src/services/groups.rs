//! Group invitations: an expiring, single-use link sent by email that puts
//! the person it was sent to into the group when they sign up or log in
//! with that address.

use participe_domain::group::{self as rules, Invitation as Standing, masked, same_address};

use crate::config::Config;
use crate::i18n::{I18n, Lang};
use crate::security::{random_token, token_hash};
use crate::storage::groups::{self, Group, Invitation};
use crate::storage::{Db, now};

/// Records an invitation to `group` for `email` lasting `days`, and queues
/// its email (in the inviting administrator's language).
#[allow(clippy::too_many_arguments)]
pub async fn invite(
    db: &Db,
    config: &Config,
    i18n: &I18n,
    lang: Lang,
    group: &Group,
    email: &str,
    days: i64,
    invited_by: i64,
) -> anyhow::Result<()> {
    let token = random_token();
    let expires_at = rules::invitation_expiry(now(), days);
    groups::invite(db, group.id, email, &token_hash(&token), invited_by, expires_at).await?;
    let org = crate::storage::org::get(db).await?.name;
    let subject = i18n.t1(lang, "email-invitation-subject", "org", org.clone());
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("org", org);
    args.set("group", group.name.clone());
    args.set("link", format!("{}/invitations/{token}", config.public_url));
    args.set("days", days);
    let body = i18n.t(lang, "email-invitation-body", Some(&args));
    crate::mail::queue(db, config.smtp.as_ref(), email, &subject, &body).await?;
    Ok(())
}

/// The invitation a link's token opens, with where it stands now.
pub async fn find(db: &Db, token: &str) -> anyhow::Result<Option<(Invitation, Standing)>> {
    let found = groups::invitation(db, &token_hash(token)).await?;
    Ok(found.map(|i| {
        let standing = Standing::at(i.expires_at, i.used_at, now());
        (i, standing)
    }))
}

/// What became of an invitation's use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Accepted {
    /// The person joined this group.
    Joined(String),
    /// The invitation was sent to another address (shown masked).
    OtherAddress(String),
    /// Used, expired or unknown.
    Gone,
}

/// Puts the account (`user_id`, `email`) in the group of the invitation
/// `token` if it still serves and was sent to that address.
pub async fn accept(db: &Db, token: &str, user_id: i64, email: &str) -> anyhow::Result<Accepted> {
    Ok(match find(db, token).await? {
        Some((i, Standing::Valid)) if !same_address(&i.email, email) => Accepted::OtherAddress(masked(&i.email)),
        Some((i, Standing::Valid)) if groups::accept(db, i.id, user_id).await? => Accepted::Joined(i.group_name),
        _ => Accepted::Gone,
    })
}

/// Whether an invitation sent to `email` lets that address sign up even
/// where sign-up is restricted to some domains.
pub fn opens_signup(invitation: Option<&(Invitation, Standing)>, email: &str) -> bool {
    invitation.is_some_and(|(i, s)| *s == Standing::Valid && same_address(&i.email, email))
}
