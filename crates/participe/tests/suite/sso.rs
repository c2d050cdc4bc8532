//! Single sign-on against a real OpenID Connect provider: the certified
//! `oidc-provider` npm package, started by these tests with node
//! (e2e/idp/oidc.mjs, installed by `npm ci` in e2e/, which the test command
//! runs first). The provider's pages are walked with a real HTTP client
//! (its log-in form is skipped with `login_hint`); Participe is the real
//! router over a real database, on both engines.

use crate::common;

use axum::http::StatusCode;
use base64::Engine as _;
use common::idp::{SECRET, idp, through_provider};
use common::{Client, TestApp};
use participe::storage::Engine;
use participe::storage::sso as store;
use participe_domain::Role;

async fn app(engine: Engine) -> Option<TestApp> {
    idp()?;
    TestApp::configured(engine, |c| {
        c.sso_secrets.insert("ville".into(), SECRET.into());
    })
    .await
}

/// Leaves Participe for the provider (`start`: a path of Participe that
/// redirects there) and comes back as `login`; returns the callback's answer.
async fn sso_login(c: &mut Client, start: &str, login: &str) -> (common::Res, String) {
    let res = c.get(start).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let to = res.location().to_string();
    assert!(to.starts_with(&idp().unwrap().issuer), "{to}");
    assert!(
        to.contains("code_challenge_method=S256") && to.contains("nonce="),
        "{to}"
    );
    let back = through_provider(&to, login).await;
    (c.get(&back).await, back)
}

async fn add_provider(app: &TestApp, fields: &[(&str, &str)]) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let mut form = vec![
        ("kind", "oidc"),
        ("issuer", idp().unwrap().issuer.as_str()),
        ("scopes", "openid email profile"),
        ("name_claim", "name"),
        ("enabled", "on"),
    ];
    form.extend_from_slice(fields);
    let res = admin.post("/admin/sso", &form).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
}

fn payload(token: &str) -> serde_json::Value {
    let part = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(part).unwrap()).unwrap()
}

async fn first_login_creates_and_logs_out_at_the_provider(app: &TestApp) {
    add_provider(
        app,
        &[("slug", "ville"), ("label", "Compte Ville"), ("client_id", "participe")],
    )
    .await;
    let mut c = app.client();
    let login = c.get("/login").await;
    assert_eq!(
        login.attr("a[href^='/login/sso/ville']", "href"),
        "/login/sso/ville?next=/"
    );

    let (res, back) = sso_login(&mut c, "/login/sso/ville?next=/account", "alice").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), "/account");
    let account = c.get("/account").await;
    assert_eq!(account.status, StatusCode::OK);
    assert!(account.body.contains("Alice Testeur") && account.body.contains("alice@idp.test"));
    let user = participe::storage::users::by_email(app.db(), "alice@idp.test")
        .await
        .unwrap()
        .unwrap();
    assert!(user.is_confirmed() && user.password_hash.is_none());
    assert_eq!(user.role(), Role::Participant);

    // The same callback again: the request was used; nobody else is logged in.
    let mut other = app.client();
    other.cookies = c.cookies.clone();
    other.cookies.remove("participe_session");
    let replay = other.get(&back).await;
    assert_eq!(replay.status, StatusCode::BAD_REQUEST);
    assert!(replay.body.contains("a expiré, a déjà servi"), "{}", replay.body);
    assert!(!other.cookies.contains_key("participe_session"));

    // The ID token kept for the logout was checked; forged, expired or
    // replayed into another log-in it is refused.
    let hash = participe::security::token_hash(&c.cookies["participe_session"]);
    let (provider_id, token) = store::session_provider(app.db(), &hash).await.unwrap().unwrap();
    let provider = store::by_id(app.db(), provider_id).await.unwrap().unwrap();
    let client = app.state.sso.client_for(&app.state.config, &provider).await.unwrap();
    let nonce = payload(&token)["nonce"].as_str().unwrap().to_string();
    let now = chrono::Utc::now();
    let (sub, claims) = app.state.sso.verify_id_token(&client, &token, &nonce, now).unwrap();
    assert_eq!(sub, "alice");
    assert!(claims.is_empty() || claims.get("email").is_some_and(|e| e == "alice@idp.test"));
    assert!(
        app.state
            .sso
            .verify_id_token(&client, &token, "another-login", now)
            .is_err()
    );
    assert!(
        app.state
            .sso
            .verify_id_token(&client, &token, &nonce, now + chrono::Duration::hours(3))
            .is_err()
    );
    let mut parts: Vec<String> = token.split('.').map(str::to_string).collect();
    let mut forged = payload(&token);
    forged["sub"] = "bob".into();
    parts[1] = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(forged.to_string());
    assert!(
        app.state
            .sso
            .verify_id_token(&client, &parts.join("."), &nonce, now)
            .is_err()
    );

    // Logging out ends the provider's session too, then comes back home.
    let csrf = c.csrf().await;
    let out = c.post("/logout", &[("_csrf", &csrf)]).await;
    assert_eq!(out.status, StatusCode::OK);
    let to = out.attr("main a.button", "href");
    assert_eq!(out.attr("meta[http-equiv=refresh]", "content"), format!("0;url={to}"));
    assert!(
        to.starts_with(&format!("{}/session/end?", idp().unwrap().issuer)),
        "{to}"
    );
    assert!(to.contains("id_token_hint=") && to.contains("post_logout_redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2F"));
    assert!(to.contains("&state="), "{to}");
    assert_eq!(c.get("/account").await.status, StatusCode::SEE_OTHER);

    // The next log-in finds the same account.
    let (res, _) = sso_login(&mut c, "/login/sso/ville", "alice").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(app.count("users").await, 2);
}

async fn state_must_match_and_accounts_are_never_taken_over(app: &TestApp) {
    add_provider(
        app,
        &[("slug", "ville"), ("label", "Compte Ville"), ("client_id", "participe")],
    )
    .await;
    let bob = app.user("bob@idp.test", Role::Participant).await;

    // A callback with a state this browser did not start: refused.
    let mut c = app.client();
    let res = c.get("/login/sso/ville").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let back = through_provider(res.location(), "alice").await;
    let forged = back.replace("state=", "state=x");
    let refused = c.get(&forged).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(!c.cookies.contains_key("participe_session"));
    // Someone else's browser with the genuine address: refused too.
    let mut victim = app.client();
    assert_eq!(victim.get(&back).await.status, StatusCode::BAD_REQUEST);
    assert!(!victim.cookies.contains_key("participe_session"));

    // bob@idp.test already has an account: no silent take-over.
    let mut c = app.client();
    let (res, _) = sso_login(&mut c, "/login/sso/ville", "bob").await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert!(res.body.contains("Un compte existe déjà"), "{}", res.body);
    assert!(!c.cookies.contains_key("participe_session"));
    assert_eq!(app.count("sso_identities").await, 0);

    // A link started by bob comes back after he logged out: refused.
    let mut me = app.client();
    me.login("bob@idp.test", common::PASSWORD).await;
    let csrf = me.csrf().await;
    let res = me.post("/account/sso/ville", &[("_csrf", &csrf)]).await;
    let back = through_provider(&res.attr("main a.button", "href"), "bob").await;
    me.cookies.remove("participe_session");
    assert_eq!(me.get(&back).await.status, StatusCode::BAD_REQUEST);
    assert_eq!(app.count("sso_identities").await, 0);

    // Signed in with the password, bob links the provider from his profile.
    let mut me = app.client();
    me.login("bob@idp.test", common::PASSWORD).await;
    let csrf = me.csrf().await;
    let res = me.post("/account/sso/ville", &[("_csrf", &csrf)]).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let back = through_provider(&res.attr("main a.button", "href"), "bob").await;
    let linked = me.get(&back).await;
    assert_eq!(linked.status, StatusCode::SEE_OTHER, "{}", linked.body);
    assert_eq!(linked.location(), "/account");
    assert!(me.get("/account").await.body.contains("Compte Ville, lié le"));

    // Now the provider logs him in.
    let mut c = app.client();
    let (res, _) = sso_login(&mut c, "/login/sso/ville", "bob").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let session = participe::security::token_hash(&c.cookies["participe_session"]);
    let user = participe::storage::sessions::user(app.db(), &session)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.id, bob);

    // An unverified email is not kept: the account has none.
    let mut c = app.client();
    let (res, _) = sso_login(&mut c, "/login/sso/ville", "unverified-carol").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(
        participe::storage::users::by_email(app.db(), "unverified-carol@idp.test")
            .await
            .unwrap()
            .is_none()
    );
}

async fn staff_providers_grant_their_role_to_public_clients(app: &TestApp) {
    // A public client (no secret, PKCE only) for the staff's directory,
    // putting its users in the staff's group.
    let staff = participe_domain::group::GroupInput {
        name: "Agents".into(),
        description: String::new(),
    };
    let group = participe::storage::groups::create(app.db(), &staff).await.unwrap();
    let group_s = group.to_string();
    add_provider(
        app,
        &[
            ("slug", "agents"),
            ("label", "Annuaire des agents"),
            ("client_id", "participe-public"),
            ("staff_only", "on"),
            ("grant_role", "moderator"),
            ("grant_group", &group_s),
        ],
    )
    .await;
    let mut c = app.client();
    let login = c.get("/login").await;
    assert_eq!(login.text("#staff-title"), "Personnel de l'organisation");
    let (res, _) = sso_login(&mut c, "/login/sso/agents", "dana").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let user = participe::storage::users::by_email(app.db(), "dana@idp.test")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.role(), Role::Moderator);
    assert_eq!(user.groups(), vec![group], "the provider's group");
    assert_eq!(c.get("/admin/moderation").await.status, StatusCode::OK);

    // A disabled provider is gone from the log-in page and its addresses.
    let p = store::by_slug(app.db(), "agents").await.unwrap().unwrap();
    let mut admin = app.logged_in(Role::Administrator).await;
    let res = admin
        .post(
            &format!("/admin/sso/{}", p.id),
            &[
                ("kind", "oidc"),
                ("slug", "agents"),
                ("label", "Annuaire des agents"),
                ("issuer", p.issuer.as_str()),
                ("client_id", "participe-public"),
                ("staff_only", "on"),
                ("grant_role", "moderator"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let mut c = app.client();
    assert!(!c.get("/login").await.body.contains("/login/sso/agents"));
    assert_eq!(c.get("/login/sso/agents").await.status, StatusCode::NOT_FOUND);
}

async fn the_back_office_checks_providers(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let empty = admin.get("/admin/sso").await;
    assert!(empty.text("main").contains("Aucun fournisseur pour l'instant"));
    let res = admin
        .post(
            "/admin/sso",
            &[
                ("kind", "oidc"),
                ("slug", "Ville!"),
                ("label", ""),
                ("issuer", "http://idp.example.org"),
                ("client_id", ""),
                ("staff_only", "on"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("slug").contains("minuscules"));
    assert!(res.field_error("issuer").contains("https"));
    assert!(res.field_error("grant_role").contains("rôle du personnel"));
    assert_eq!(app.count("sso_providers").await, 0);
    // A group that does not exist.
    let res = admin
        .post(
            "/admin/sso",
            &[
                ("kind", "oidc"),
                ("slug", "ville"),
                ("label", "Ville"),
                ("issuer", "https://idp.example.org"),
                ("client_id", "abc"),
                ("grant_group", "999999"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.has("#f-grant_group-error"));
    assert_eq!(app.count("sso_providers").await, 0);

    // FranceConnect: its issuer and scopes come from the preset.
    let res = admin
        .post(
            "/admin/sso",
            &[
                ("kind", "franceconnect_integration"),
                ("slug", "fc"),
                ("label", "FranceConnect"),
                ("client_id", "abc"),
                ("enabled", "on"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let p = store::by_slug(app.db(), "fc").await.unwrap().unwrap();
    assert_eq!(p.issuer, "https://fcp-low.sbx.dev-franceconnect.fr/api/v2");
    assert!(p.scopes.contains("birthdate"));
    let list = admin.get("/admin/sso").await;
    assert!(list.body.contains("PARTICIPE_SSO_SECRET_FC"));
    let mut c = app.client();
    let login = c.get("/login").await;
    assert!(login.text(".fc-button").contains("FranceConnect"));
    assert!(login.has("a[href='https://franceconnect.gouv.fr/']"));
    // A slug already taken is said so.
    let res = admin
        .post(
            "/admin/sso",
            &[
                ("kind", "oidc"),
                ("slug", "fc"),
                ("label", "X"),
                ("issuer", "https://a.example"),
                ("client_id", "x"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("slug").contains("déjà"));
    // Deleting keeps accounts.
    let res = admin.post(&format!("/admin/sso/{}/delete", p.id), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(app.count("sso_providers").await, 0);
}

/// A PNG of `w` × `h` pixels.
fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbaImage::from_pixel(w, h, image::Rgba([0, 80, 160, 255]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A provider's logo: refused when not an image, made small, shown on its
/// button (also in shield mode), replaced and removed with its file.
async fn provider_logos(app: &TestApp) {
    let input = participe_domain::sso::ProviderInput {
        kind: participe_domain::sso::Kind::Oidc,
        slug: "agents".into(),
        label: "Annuaire des agents".into(),
        issuer: "https://idp.example.org".into(),
        client_id: "participe".into(),
        scopes: "openid email".into(),
        name_claim: "name".into(),
        staff_only: false,
        grant_role: None,
        enabled: true,
        verifies_identity: false,
        acr_values: None,
        grant_group: None,
    };
    let id = store::create(app.db(), &input).await.unwrap();
    let mut admin = app.logged_in(Role::Administrator).await;
    let path = format!("/admin/sso/{id}/logo");
    let res = admin
        .post_multipart(
            &path,
            &[],
            &[("logo", "logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("logo").contains("image"), "{}", res.field_error("logo"));
    assert!(store::by_id(app.db(), id).await.unwrap().unwrap().logo_path.is_none());

    let res = admin
        .post_multipart(&path, &[], &[("logo", "logo.png", &png(600, 300))])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let first = store::by_id(app.db(), id).await.unwrap().unwrap().logo_path.unwrap();
    assert!(first.starts_with("sso-") && first.ends_with(".png"), "{first}");
    let page = admin.get(&format!("/admin/sso/{id}")).await;
    assert_eq!(page.attr(".sso-logo-preview img", "src"), format!("/uploads/{first}"));

    // Shown on the log-in button, decorative (the label names the button).
    let mut visitor = app.client();
    let login = visitor.get("/login").await;
    let img = "a[href^='/login/sso/agents'] img";
    assert_eq!(login.attr(img, "src"), format!("/uploads/{first}"));
    assert_eq!(login.attr(img, "alt"), "");
    let file = visitor.get(&format!("/uploads/{first}")).await;
    assert_eq!(file.status, StatusCode::OK);
    let size = imagesize::blob_size(&file.bytes).unwrap();
    assert_eq!((size.width, size.height), (96, 48), "made small, proportions kept");

    // Shield mode keeps other uploads from visitors, not the providers' logos.
    let shield = |on: &'static str| [("share_description", ""), ("shielded", on)];
    let res = admin.post("/admin/settings/access", &shield("on")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let mut visitor = app.client();
    assert_eq!(visitor.get(&format!("/uploads/{first}")).await.status, StatusCode::OK);
    assert!(visitor.get("/login").await.has(img));
    let res = admin.post("/admin/settings/access", &shield("")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);

    // Replaced: the old file goes; removed: the button has its label alone.
    let res = admin
        .post_multipart(&path, &[], &[("logo", "logo.png", &png(40, 40))])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let second = store::by_id(app.db(), id).await.unwrap().unwrap().logo_path.unwrap();
    assert_ne!(first, second);
    let mut visitor = app.client();
    assert_eq!(
        visitor.get(&format!("/uploads/{first}")).await.status,
        StatusCode::NOT_FOUND
    );
    let res = admin.post(&format!("{path}/delete"), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(store::by_id(app.db(), id).await.unwrap().unwrap().logo_path.is_none());
    assert_eq!(
        visitor.get(&format!("/uploads/{second}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!visitor.get("/login").await.has(img));
}

engine_test!(provider_logos_on_their_buttons, provider_logos);

macro_rules! sso_test {
    ($name:ident) => {
        mod $name {
            use super::*;

            #[tokio::test]
            async fn sqlite() {
                if let Some(app) = app(Engine::Sqlite).await {
                    super::$name(&app).await;
                }
            }

            #[tokio::test]
            async fn postgres() {
                if let Some(app) = app(Engine::Postgres).await {
                    super::$name(&app).await;
                }
            }
        }
    };
}

sso_test!(first_login_creates_and_logs_out_at_the_provider);
sso_test!(state_must_match_and_accounts_are_never_taken_over);
sso_test!(staff_providers_grant_their_role_to_public_clients);
sso_test!(the_back_office_checks_providers);
