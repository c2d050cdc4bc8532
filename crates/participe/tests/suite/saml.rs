//! SAML log-in against a real identity provider (e2e/idp/saml.mjs, the
//! `samlify` npm package, started by these tests with node), through the
//! real router over a real database, on both engines. Built with the `saml`
//! feature (the test command turns it on); without it, SAML providers are
//! refused (`saml_is_refused_without_the_feature`).

use crate::common;

use axum::http::StatusCode;
use common::TestApp;
use participe::storage::Engine;
use participe_domain::Role;

/// The administrator's form for a SAML staff directory reading its metadata
/// from `metadata_url`.
fn saml_form<'a>(slug: &'a str, metadata_url: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("kind", "saml"),
        ("slug", slug),
        ("label", "Annuaire des agents"),
        ("issuer", metadata_url),
        ("name_claim", "displayName"),
        ("staff_only", "on"),
        ("grant_role", "moderator"),
        ("enabled", "on"),
    ]
}

#[cfg(feature = "saml")]
mod with_saml {
    use base64::Engine as _;

    use super::*;
    use crate::common::saml_idp::{Answer, late_saml_idp, saml_idp, through_saml_idp};

    /// Leaves Participe for the provider from `/login/sso/{slug}` and comes
    /// back with its answer, not yet posted.
    async fn leave(c: &mut common::Client, slug: &str, login: &str) -> Answer {
        let res = c.get(&format!("/login/sso/{slug}")).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let to = res.location().to_string();
        assert!(to.contains("/sso?SAMLRequest="), "{to}");
        let answer = through_saml_idp(&to, login).await;
        assert_eq!(answer.action, "http://127.0.0.1:8080/saml/acs");
        answer
    }

    /// Posts an answer as the provider's page does: from another site,
    /// without this site's cookies nor its CSRF token.
    async fn post(app: &TestApp, saml_response: &str, relay_state: &str) -> common::Res {
        let mut browser = app.client();
        browser
            .post_raw(
                "/saml/acs",
                &[("SAMLResponse", saml_response), ("RelayState", relay_state)],
            )
            .await
    }

    async fn saml_login(app: TestApp) {
        let Some(idp) = saml_idp() else { return };
        let mut admin = app.logged_in(Role::Administrator).await;

        // This service provider's metadata, at its fixed address.
        let md = app.client().get("/saml/metadata").await;
        assert_eq!(md.status, StatusCode::OK);
        assert!(md.body.contains(r#"entityID="http://127.0.0.1:8080/saml/metadata""#));
        assert!(md.body.contains(r#"WantAssertionsSigned="true""#));

        // The provider, from its metadata's address; bad metadata is refused.
        let res = admin
            .post(
                "/admin/sso",
                &[
                    ("kind", "saml"),
                    ("slug", "x"),
                    ("label", "X"),
                    ("saml_metadata", "<EntityDescriptor/>"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.has("#f-saml_metadata-error"));
        let res = admin
            .post("/admin/sso", &saml_form("agents-saml", &idp.metadata_url))
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let p = participe::storage::sso::by_slug(app.db(), "agents-saml")
            .await
            .unwrap()
            .unwrap();
        assert!(
            p.saml_metadata
                .as_deref()
                .is_some_and(|x| x.contains("X509Certificate"))
        );
        assert!(app.client().get("/login").await.body.contains("/login/sso/agents-saml"));
        // Or from its metadata file (a file that is not text is refused).
        let xml = reqwest::get(&idp.metadata_url).await.unwrap().text().await.unwrap();
        let fields = [("kind", "saml"), ("slug", "fichier-saml"), ("label", "Par fichier")];
        let res = admin
            .post_multipart(
                "/admin/sso",
                &fields,
                &[("saml_metadata_file", "idp.xml", b"\xff\xfe<x")],
            )
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(res.has("#f-saml_metadata_file-error"));
        assert_eq!(res.attr("#f-label", "value"), "Par fichier", "what was typed is kept");
        let res = admin
            .post_multipart(
                "/admin/sso",
                &fields,
                &[("saml_metadata_file", "idp.xml", xml.as_bytes())],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let from_file = participe::storage::sso::by_slug(app.db(), "fichier-saml")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(from_file.saml_metadata.as_deref(), Some(xml.trim()));

        // Log in: a new staff account, signed in.
        let mut c = app.client();
        let answer = leave(&mut c, "agents-saml", "alice").await;
        let res = post(&app, &answer.saml_response, &answer.relay_state).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        assert!(
            res.headers
                .get_all("set-cookie")
                .iter()
                .any(|h| h.to_str().unwrap().starts_with("participe_session="))
        );
        let user = participe::storage::users::by_email(app.db(), "alice@idp.test")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(user.role(), Role::Moderator);
        assert_eq!(user.display_name.as_deref(), Some("Alice Testeur"));
        assert_eq!(app.count("sso_identities").await, 1);

        // The same answer again: refused (its request was used).
        let res = post(&app, &answer.saml_response, &answer.relay_state).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);

        // A forged answer (the email changed, the signature kept): refused.
        let answer = leave(&mut c, "agents-saml", "bob").await;
        let xml = String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(&answer.saml_response)
                .unwrap(),
        )
        .unwrap();
        assert!(xml.contains("bob@idp.test"));
        let forged = base64::engine::general_purpose::STANDARD.encode(xml.replace("bob@idp.test", "root@idp.test"));
        let res = post(&app, &forged, &answer.relay_state).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert!(
            !res.headers.contains_key("set-cookie")
                || !res.headers["set-cookie"]
                    .to_str()
                    .unwrap()
                    .starts_with("participe_session=")
        );
        assert!(
            participe::storage::users::by_email(app.db(), "root@idp.test")
                .await
                .unwrap()
                .is_none()
        );

        // An answer to another request (InResponseTo): refused.
        let first = leave(&mut c, "agents-saml", "carol").await;
        let second = leave(&mut c, "agents-saml", "carol").await;
        let res = post(&app, &first.saml_response, &second.relay_state).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert!(
            participe::storage::users::by_email(app.db(), "carol@idp.test")
                .await
                .unwrap()
                .is_none()
        );

        // An expired answer (the provider's clock an hour late): refused.
        let late = late_saml_idp().unwrap();
        let res = admin
            .post("/admin/sso", &saml_form("late-saml", &late.metadata_url))
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let answer = leave(&mut c, "late-saml", "dana").await;
        let res = post(&app, &answer.saml_response, &answer.relay_state).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert!(
            participe::storage::users::by_email(app.db(), "dana@idp.test")
                .await
                .unwrap()
                .is_none()
        );

        // An unknown RelayState: refused before anything is read.
        let res = post(&app, "PHNhbWw+", "nothing-like-it").await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);

        // A SAML provider does not link to a signed-in account.
        let mut me = app.logged_in(Role::Participant).await;
        let res = me.post("/account/sso/agents-saml", &[]).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
    }

    #[tokio::test]
    async fn staff_log_in_with_signed_saml_answers_sqlite() {
        saml_login(TestApp::new(Engine::Sqlite).await).await;
    }

    #[tokio::test]
    async fn staff_log_in_with_signed_saml_answers_postgres() {
        if let Some(app) = TestApp::postgres().await {
            saml_login(app).await;
        }
    }
}

/// Built without the `saml` feature: no metadata, SAML providers refused.
#[cfg(not(feature = "saml"))]
#[tokio::test]
async fn saml_is_refused_without_the_feature() {
    let app = TestApp::new(Engine::Sqlite).await;
    assert_eq!(app.client().get("/saml/metadata").await.status, StatusCode::NOT_FOUND);
    let mut admin = app.logged_in(Role::Administrator).await;
    let res = admin
        .post(
            "/admin/sso",
            &saml_form("agents-saml", "https://idp.example.org/metadata"),
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("kind").contains("sans SAML"));
}
