//! Accounts over HTTP: sign-up, confirmation, log-in, reset, profile,
//! deletion, rate limits. Each scenario runs on SQLite and PostgreSQL.

use crate::common;

use axum::http::StatusCode;
use common::{PASSWORD, TestApp, last_email_to, link_path};
use participe::storage::users;
use participe_domain::Role;

async fn signup_confirm_login(app: &TestApp) {
    let mut c = app.client();
    let page = c.get("/signup").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.has("label[for=f-email]"), "fields are labelled");

    let res = c
        .post(
            "/signup",
            &[
                ("display_name", "Jeanne Martin"),
                ("email", "Jeanne@Example.org"),
                ("password", PASSWORD),
                ("terms", "on"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.text("main").contains("jeanne@example.org"));

    let user = users::by_email(app.db(), "jeanne@example.org")
        .await
        .unwrap()
        .expect("account stored");
    assert!(!user.is_confirmed());
    assert!(
        user.password_hash.as_deref().unwrap().starts_with("$argon2id$"),
        "password hashed with argon2id"
    );

    // The confirmation email is in the outbox, with an expiring link.
    let email = last_email_to(app, "jeanne@example.org").await;
    assert!(email.subject.contains("Confirmez"));
    let link = link_path(&email.body_text);
    assert!(link.starts_with("/confirm/"));

    let res = c.get(&link).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(
        users::by_email(app.db(), "jeanne@example.org")
            .await
            .unwrap()
            .unwrap()
            .is_confirmed()
    );
    // The link is single-use.
    assert_eq!(c.get(&link).await.status, StatusCode::GONE);

    c.login("jeanne@example.org", PASSWORD).await;
    let account = c.get("/account").await;
    assert_eq!(account.status, StatusCode::OK);
    assert!(account.body.contains("value=\"Jeanne Martin\""));
    assert!(!account.body.contains("/account/confirmation"), "no unconfirmed notice");

    // Log out: the session is gone on the server too.
    assert_eq!(c.post("/logout", &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(c.get("/account").await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.count("sessions").await, 0);
}
engine_test!(signup_confirm_login_flow, signup_confirm_login);

async fn signup_rejects_bad_input(app: &TestApp) {
    app.user("taken@example.org", Role::Participant).await;
    let before = app.count("users").await;
    let mut c = app.client();

    let res = c
        .post(
            "/signup",
            &[
                ("display_name", "X"),
                ("email", "not-an-email"),
                ("password", PASSWORD),
                ("terms", "on"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.field_error("email").contains("adresse e-mail valide"),
        "{}",
        res.body
    );
    assert!(
        res.has(".error-summary a[href='#f-email']"),
        "error summary links to the field"
    );
    assert!(res.body.contains("aria-invalid=\"true\""));

    let res = c
        .post(
            "/signup",
            &[
                ("display_name", "X"),
                ("email", "TAKEN@example.org"),
                ("password", PASSWORD),
                ("terms", "on"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("email").contains("déjà cette adresse"));

    let res = c
        .post(
            "/signup",
            &[
                ("display_name", ""),
                ("email", "new@example.org"),
                ("password", "short"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    for f in ["display_name", "password", "terms"] {
        assert!(!res.field_error(f).is_empty(), "{f}");
    }
    // Typed text is kept, the password is not.
    assert!(res.body.contains("value=\"new@example.org\""));

    assert_eq!(app.count("users").await, before, "nothing stored");
    assert_eq!(app.count("outbox").await, 0);
}
engine_test!(signup_validation, signup_rejects_bad_input);

async fn login_failures_and_rate_limit(app: &TestApp) {
    app.user("ana@example.org", Role::Participant).await;
    let mut c = app.client();
    let res = c
        .post(
            "/login",
            &[("email", "ana@example.org"), ("password", "wrong password!")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    assert!(res.field_error("email").contains("incorrect"));
    assert!(!c.cookies.contains_key("participe_session"));

    // Ten attempts per window, then 429 with Retry-After, even with the right password.
    for _ in 0..9 {
        c.post(
            "/login",
            &[("email", "ana@example.org"), ("password", "wrong password!")],
        )
        .await;
    }
    let res = c
        .post("/login", &[("email", "ana@example.org"), ("password", PASSWORD)])
        .await;
    assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers.contains_key("retry-after"));
    // Another client address is not affected.
    app.client().login("ana@example.org", PASSWORD).await;
}
engine_test!(login_rate_limit, login_failures_and_rate_limit);

async fn password_reset(app: &TestApp) {
    let id = app.user("reset@example.org", Role::Participant).await;
    let mut old_session = app.client();
    old_session.login("reset@example.org", PASSWORD).await;

    let mut c = app.client();
    let res = c.post("/password/forgot", &[("email", "reset@example.org")]).await;
    assert_eq!(res.status, StatusCode::OK);
    // Unknown addresses get the same answer and no email.
    let res2 = c.post("/password/forgot", &[("email", "nobody@example.org")]).await;
    assert_eq!(res2.status, StatusCode::OK);
    assert_eq!(app.count("outbox").await, 1);

    let link = link_path(&last_email_to(app, "reset@example.org").await.body_text);
    assert_eq!(c.get(&link).await.status, StatusCode::OK);
    let res = c.post(&link, &[("password", "short")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("password").contains("10 caractères"));
    let res = c.post(&link, &[("password", "a brand new passphrase")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.location(), "/login");

    // Old sessions are revoked, the link is used up, the new password works.
    assert_eq!(old_session.get("/account").await.status, StatusCode::SEE_OTHER);
    assert_eq!(c.get(&link).await.status, StatusCode::GONE);
    c.login("reset@example.org", "a brand new passphrase").await;
    assert!(users::by_id(app.db(), id).await.unwrap().unwrap().is_confirmed());
}
engine_test!(password_reset_flow, password_reset);

async fn profile_and_password_change(app: &TestApp) {
    let mut c = app.logged_in(Role::Participant).await;
    let res = c
        .post("/account", &[("display_name", &"n".repeat(81)), ("locale", "en")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("display_name").contains("80"));

    let res = c
        .post("/account", &[("display_name", "Nouveau Nom"), ("locale", "en")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let page = c.get("/account").await;
    assert!(page.body.contains("value=\"Nouveau Nom\""));
    assert!(page.body.contains("<html lang=\"en\">"), "the chosen language applies");

    let res = c
        .post(
            "/account/password",
            &[
                ("current_password", "wrong one!!"),
                ("new_password", "another good one"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("current_password").is_empty());
    let res = c
        .post(
            "/account/password",
            &[("current_password", PASSWORD), ("new_password", "another good one")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(c.get("/account").await.status, StatusCode::OK, "this session survives");

    // Log out everywhere.
    c.post("/account/sessions/revoke", &[]).await;
    assert_eq!(c.get("/account").await.status, StatusCode::SEE_OTHER);
}
engine_test!(profile, profile_and_password_change);

async fn account_deletion(app: &TestApp) {
    let id = app.user("gone@example.org", Role::Participant).await;
    participe::storage::outbox::enqueue(app.db(), "gone@example.org", "s", "b")
        .await
        .unwrap();
    let mut c = app.client();
    c.login("gone@example.org", PASSWORD).await;
    assert_eq!(c.get("/account/delete").await.status, StatusCode::OK);
    let res = c.post("/account/delete", &[("password", "not my password")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        users::by_id(app.db(), id).await.unwrap().unwrap().email.is_some(),
        "nothing erased on a wrong password"
    );

    let res = c.post("/account/delete", &[("password", PASSWORD)]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let u = users::by_id(app.db(), id)
        .await
        .unwrap()
        .expect("row kept for contributions");
    assert!(u.email.is_none() && u.display_name.is_none() && u.password_hash.is_none() && u.deleted_at.is_some());
    assert_eq!(app.count("sessions").await, 0);
    assert_eq!(app.count("outbox").await, 0, "queued emails to the address are erased");
    assert_eq!(c.get("/account").await.status, StatusCode::SEE_OTHER);
    // The address can be used again.
    app.user("gone@example.org", Role::Participant).await;
}
engine_test!(delete_account, account_deletion);

async fn resend_confirmation(app: &TestApp) {
    let mut c = app.client();
    c.post(
        "/signup",
        &[
            ("display_name", "Léo"),
            ("email", "leo@example.org"),
            ("password", PASSWORD),
            ("terms", "on"),
        ],
    )
    .await;
    c.login("leo@example.org", PASSWORD).await;
    let page = c.get("/account").await;
    assert!(
        page.body.contains("/account/confirmation"),
        "unconfirmed accounts are offered a new link"
    );
    c.post("/account/confirmation", &[]).await;
    assert_eq!(app.count("outbox").await, 2);
    let link = link_path(&last_email_to(app, "leo@example.org").await.body_text);
    assert_eq!(c.get(&link).await.status, StatusCode::SEE_OTHER);
    assert!(
        users::by_email(app.db(), "leo@example.org")
            .await
            .unwrap()
            .unwrap()
            .is_confirmed()
    );
}
engine_test!(confirmation_resend, resend_confirmation);
