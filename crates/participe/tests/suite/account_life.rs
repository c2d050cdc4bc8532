//! Inactive accounts on both engines: the daily sweep reminds, then
//! anonymises after the notice; it runs once a day across servers; a log-in
//! keeps the account; staff accounts are left to administrators.

use crate::common;

use chrono::{Duration, Utc};
use common::{TestApp, last_email_to};
use participe::app::AppState;
use participe::services::account_life::{Summary, run_daily};
use participe::storage::users;
use participe_domain::Role;

async fn sweep(state: &AppState, now: chrono::DateTime<Utc>) -> Option<Summary> {
    run_daily(&state.db, &state.config, &state.i18n, now).await.unwrap()
}

/// Makes an account look created `days` ago, never logged in since.
async fn age(app: &TestApp, id: i64, days: i64) {
    let at = Utc::now() - Duration::days(days);
    participe::on_db!(app.db(), |p| sqlx::query(
        "UPDATE users SET created_at = $2, last_login_at = NULL WHERE id = $1"
    )
    .bind(id)
    .bind(at)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
}

async fn inactive_accounts(app: &TestApp) {
    let old = app.user("ancien@example.org", Role::Participant).await;
    let back = app.user("revenu@example.org", Role::Participant).await;
    let recent = app.user("recent@example.org", Role::Participant).await;
    let staff = app.user("moderatrice@example.org", Role::Moderator).await;
    for id in [old, back, staff] {
        age(app, id, 4 * 365).await;
    }
    age(app, recent, 2 * 365).await;
    let now = Utc::now();

    // Today: the inactive participants are reminded, once, by one server.
    let other = AppState::new(app.db().clone(), app.state.config.clone());
    let (a, b) = tokio::join!(sweep(&app.state, now), sweep(&other, now));
    let done: Vec<Summary> = [a, b].into_iter().flatten().collect();
    assert_eq!(
        done,
        vec![Summary {
            reminded: 2,
            anonymised: 0
        }]
    );
    let mail = last_email_to(app, "ancien@example.org").await;
    assert!(mail.subject.contains("va être anonymisé"), "{}", mail.subject);
    assert!(mail.body_text.contains("/login"));
    assert!(sweep(&app.state, now).await.is_none(), "once a day");
    let emails = participe::storage::outbox::list(app.db(), 100, 0).await.unwrap();
    assert!(
        !emails
            .iter()
            .any(|e| e.to_address == "moderatrice@example.org" || e.to_address == "recent@example.org")
    );

    // One of them logs in: the reminder no longer holds.
    let mut c = app.client();
    c.login("revenu@example.org", common::PASSWORD).await;
    assert!(c.cookies.contains_key("participe_session"));

    // Not before the notice has run...
    assert_eq!(
        sweep(&app.state, now + Duration::days(10)).await,
        Some(Summary::default())
    );
    // ...then the other is anonymised, like a deleted account.
    assert_eq!(
        sweep(&app.state, now + Duration::days(31)).await,
        Some(Summary {
            reminded: 0,
            anonymised: 1
        })
    );
    let gone = users::by_id(app.db(), old).await.unwrap().unwrap();
    assert!(gone.deleted_at.is_some() && gone.email.is_none() && gone.display_name.is_none());
    for id in [back, recent, staff] {
        let u = users::by_id(app.db(), id).await.unwrap().unwrap();
        assert!(u.deleted_at.is_none() && u.email.is_some(), "{id} kept");
    }
}
engine_test!(inactive_accounts_are_reminded_then_anonymised, inactive_accounts);

/// Sign-up restricted to the organisation's email domains, when configured.
async fn signup_domains(engine: participe::storage::Engine) {
    let Some(app) = TestApp::configured(engine, |c| c.signup_domains = vec!["ville.fr".into()]).await else {
        return;
    };
    let mut c = app.client();
    let page = c.get("/signup").await;
    assert!(page.text("#f-email-help").contains("@ville.fr"));
    let form = |email: &'static str| {
        vec![
            ("display_name", "Agent"),
            ("email", email),
            ("password", common::PASSWORD),
            ("terms", "on"),
        ]
    };
    let res = c.post("/signup", &form("agent@ville.fr.example.org")).await;
    assert_eq!(res.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.field_error("email")
            .contains("réservées aux adresses de l'organisation")
    );
    assert_eq!(app.count("users").await, 0);
    let res = c.post("/signup", &form("agent@mairie.ville.fr")).await;
    assert_eq!(res.status, axum::http::StatusCode::OK, "{}", res.body);
    assert_eq!(app.count("users").await, 1);
}

#[tokio::test]
async fn signup_is_restricted_to_configured_domains_sqlite() {
    signup_domains(participe::storage::Engine::Sqlite).await;
}

#[tokio::test]
async fn signup_is_restricted_to_configured_domains_postgres() {
    signup_domains(participe::storage::Engine::Postgres).await;
}

/// The personal-data page says what applies, from the configuration.
async fn data_kept(app: &TestApp) {
    let mut c = app.client();
    let page = c.get("/personal-data").await;
    assert_eq!(page.status, axum::http::StatusCode::OK);
    let text = page.text("main");
    assert!(
        text.contains("1095 jours après votre dernière connexion") && text.contains("30 jours avant"),
        "{text}"
    );
    assert!(text.contains("30 jours au plus") && text.contains("15 minutes"));
    assert!(!text.contains("fournisseur d'identité ("), "no provider, no row");
    let en = c.get("/en/personal-data").await;
    assert!(en.text("h1").contains("The personal data we keep"));

    let off = TestApp::configured(participe::storage::Engine::Sqlite, |c| {
        c.account_policy.inactive_days = 0
    })
    .await
    .unwrap();
    let text = off.client().get("/personal-data").await.text("main");
    assert!(text.contains("Jusqu'à la suppression de votre compte.") && !text.contains("1095"));
}
engine_test!(the_personal_data_page_follows_the_configuration, data_kept);
