//! Emails leave the outbox over SMTP when a relay is configured, and
//! links in them expire.

use crate::common;

use axum::http::StatusCode;
use common::{PASSWORD, TestApp, last_email_to, link_path};
use participe::config::Smtp;
use participe::storage::outbox;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A minimal SMTP server that accepts every message and returns their texts.
async fn smtp_sink() -> (u16, tokio::task::JoinHandle<Vec<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = tokio::spawn(async move {
        let (stream, _) = listener.accept().await.unwrap();
        let (r, mut w) = stream.into_split();
        let mut lines = BufReader::new(r).lines();
        let mut messages = vec![];
        w.write_all(b"220 sink ESMTP\r\n").await.unwrap();
        while let Ok(Some(line)) = lines.next_line().await {
            let cmd = line.to_ascii_uppercase();
            if cmd.starts_with("EHLO") || cmd.starts_with("HELO") {
                w.write_all(b"250-sink\r\n250 8BITMIME\r\n").await.unwrap();
            } else if cmd.starts_with("DATA") {
                w.write_all(b"354 go ahead\r\n").await.unwrap();
                let mut data = String::new();
                while let Ok(Some(l)) = lines.next_line().await {
                    if l == "." {
                        break;
                    }
                    data.push_str(&l);
                    data.push('\n');
                }
                messages.push(data);
                w.write_all(b"250 queued\r\n").await.unwrap();
            } else if cmd.starts_with("QUIT") {
                w.write_all(b"221 bye\r\n").await.unwrap();
                break;
            } else {
                w.write_all(b"250 ok\r\n").await.unwrap();
            }
        }
        messages
    });
    (port, handle)
}

async fn sent_over_smtp(app: &TestApp) {
    let mut c = app.client();
    c.post(
        "/signup",
        &[
            ("display_name", "Zoé"),
            ("email", "zoe@example.org"),
            ("password", PASSWORD),
            ("terms", "on"),
        ],
    )
    .await;
    let (port, sink) = smtp_sink().await;
    let smtp = Smtp {
        url: format!("smtp://127.0.0.1:{port}"),
        from: "Ville <noreply@example.org>".into(),
    };
    let transport = participe::mail::transport(&smtp).unwrap();
    assert_eq!(
        participe::mail::send_pending(app.db(), &smtp, &transport)
            .await
            .unwrap(),
        1
    );
    drop(transport);
    let messages = tokio::time::timeout(std::time::Duration::from_secs(10), sink)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(messages.len(), 1);
    assert!(messages[0].contains("zoe@example.org"));
    assert!(messages[0].contains("/confirm/"), "{}", messages[0]);
    let email = last_email_to(app, "zoe@example.org").await;
    assert!(email.sent_at.is_some() && email.attempts == 1);
    // Nothing is sent twice.
    assert!(outbox::pending(app.db(), 5, 10).await.unwrap().is_empty());
}
engine_test!(smtp_delivery, sent_over_smtp);

async fn links_expire(app: &TestApp) {
    let mut c = app.client();
    c.post(
        "/signup",
        &[
            ("display_name", "Max"),
            ("email", "max@example.org"),
            ("password", PASSWORD),
            ("terms", "on"),
        ],
    )
    .await;
    c.post("/password/forgot", &[("email", "max@example.org")]).await;
    // Age every token past its expiry.
    let past = participe::storage::now() - chrono::Duration::minutes(1);
    participe::on_db!(app.db(), |p| sqlx::query("UPDATE email_tokens SET expires_at = $1")
        .bind(past)
        .execute(p)
        .await
        .map(|_| ()))
    .unwrap();
    let reset = link_path(&last_email_to(app, "max@example.org").await.body_text);
    assert!(reset.starts_with("/password/reset/"));
    assert_eq!(c.get(&reset).await.status, StatusCode::GONE);
    let all = outbox::list(app.db(), 10, 0).await.unwrap();
    let confirm = link_path(
        &all.iter()
            .find(|e| e.body_text.contains("/confirm/"))
            .unwrap()
            .body_text,
    );
    assert_eq!(c.get(&confirm).await.status, StatusCode::GONE);
    let user = participe::storage::users::by_email(app.db(), "max@example.org")
        .await
        .unwrap()
        .unwrap();
    assert!(!user.is_confirmed());
}
engine_test!(expiring_links, links_expire);

async fn signup_and_reset_are_rate_limited(app: &TestApp) {
    let mut c = app.client();
    for i in 0..10 {
        let res = c
            .post("/password/forgot", &[("email", &format!("p{i}@example.org"))])
            .await;
        let expected = if i < 5 {
            StatusCode::OK
        } else {
            StatusCode::TOO_MANY_REQUESTS
        };
        assert_eq!(res.status, expected, "reset request {i}");
    }
    for i in 0..11 {
        let res = c.post("/signup", &[("email", "bad")]).await;
        let expected = if i < 10 {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::TOO_MANY_REQUESTS
        };
        assert_eq!(res.status, expected, "sign-up {i}");
    }
}
engine_test!(rate_limits, signup_and_reset_are_rate_limited);
