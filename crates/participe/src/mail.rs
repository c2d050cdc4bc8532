//! Emails: every message goes to the outbox table first. When SMTP is
//! configured a background worker sends it; otherwise it stays readable at
//! `/admin/emails` and its text (with links) is written to the log, so every
//! flow works on a single machine.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::Smtp;
use crate::storage::{Db, StoreResult, outbox};

/// Tries per email before giving up.
pub const MAX_ATTEMPTS: i64 = 5;

/// Queues an email. Without SMTP, its text is logged for the operator.
pub async fn queue(db: &Db, smtp: Option<&Smtp>, to: &str, subject: &str, body: &str) -> StoreResult<i64> {
    let id = outbox::enqueue(db, to, subject, body).await?;
    if smtp.is_none() {
        tracing::info!(
            email_id = id,
            to,
            subject,
            "email queued (no SMTP configured; read it at /admin/emails):\n{body}"
        );
    }
    Ok(id)
}

/// An SMTP transport for the configured relay.
pub fn transport(smtp: &Smtp) -> anyhow::Result<AsyncSmtpTransport<Tokio1Executor>> {
    Ok(AsyncSmtpTransport::<Tokio1Executor>::from_url(&smtp.url)?.build())
}

/// Sends pending emails until the process stops.
pub fn spawn_worker(db: Db, smtp: Smtp) {
    tokio::spawn(async move {
        let transport = match transport(&smtp) {
            Ok(t) => t,
            Err(e) => {
                tracing::error!("SMTP configuration is invalid, emails stay in the outbox: {e}");
                return;
            }
        };
        loop {
            if let Err(e) = send_pending(&db, &smtp, &transport).await {
                tracing::warn!("outbox: {e}");
            }
            tokio::time::sleep(Duration::from_secs(2)).await;
        }
    });
}

/// Sends what is waiting in the outbox; returns how many were sent.
pub async fn send_pending(
    db: &Db,
    smtp: &Smtp,
    transport: &AsyncSmtpTransport<Tokio1Executor>,
) -> anyhow::Result<usize> {
    let mut sent = 0;
    for email in outbox::pending(db, MAX_ATTEMPTS, 20).await? {
        if !outbox::claim(db, email.id, email.attempts).await? {
            continue; // another server took it
        }
        let message = Message::builder()
            .from(smtp.from.parse()?)
            .to(email.to_address.parse()?)
            .subject(&email.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(email.body_text.clone())?;
        match transport.send(message).await {
            Ok(_) => {
                outbox::mark_sent(db, email.id).await?;
                sent += 1;
            }
            Err(e) => outbox::mark_failed(db, email.id, &e.to_string()).await?,
        }
    }
    Ok(sent)
}
