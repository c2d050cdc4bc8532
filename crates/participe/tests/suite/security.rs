//! Cross-cutting protections: CSRF, authorisation, headers, cookies,
//! branding checks, health check.

use crate::common;

use axum::http::{Method, StatusCode};
use common::{PASSWORD, TestApp};
use participe_domain::Role;

async fn csrf_is_required(app: &TestApp) {
    let mut c = app.client();
    let signup = [
        ("display_name", "Eve"),
        ("email", "eve@example.org"),
        ("password", PASSWORD),
        ("terms", "on"),
    ];
    // No token at all.
    let res = c.post_raw("/signup", &signup).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(res.text("h1").contains("Formulaire expiré"));
    // A token that does not match the cookie.
    c.csrf().await;
    let mut forged = vec![(
        "_csrf",
        "0000000000000000000000000000000000000000000000000000000000000000",
    )];
    forged.extend_from_slice(&signup);
    assert_eq!(c.post_raw("/signup", &forged).await.status, StatusCode::FORBIDDEN);
    // Another site's request, even carrying the token.
    let token = c.csrf().await;
    let body = serde_urlencoded::to_string([("_csrf", token.as_str()), ("display_name", "Eve")]).unwrap();
    let mut req = axum::http::Request::builder()
        .method(Method::POST)
        .uri("/signup")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "cross-site")
        .header("cookie", format!("participe_csrf={token}"));
    req = req.header("x-test", "1");
    let res = tower::ServiceExt::oneshot(app.state.router(), req.body(axum::body::Body::from(body)).unwrap())
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // A logged-in user's POST without token is refused too.
    let mut admin = app.logged_in(Role::Administrator).await;
    assert_eq!(
        admin
            .post_raw(
                "/admin/projects/new",
                &[("title", "Sans jeton"), ("visibility", "public")]
            )
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.count("projects").await, 0);
    assert_eq!(app.count("users").await, 1, "only the administrator exists");
}
engine_test!(csrf, csrf_is_required);

async fn roles_are_checked_on_the_server(app: &TestApp) {
    let mut anon = app.client();
    let res = anon.get("/admin").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.location(), "/login?next=%2Fadmin");

    let mut participant = app.logged_in(Role::Participant).await;
    for path in [
        "/admin",
        "/admin/projects",
        "/admin/projects/new",
        "/admin/districts",
        "/admin/settings",
        "/admin/emails",
        "/admin/users",
    ] {
        let res = participant.get(path).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{path}");
        assert!(res.text("h1").contains("Accès refusé"));
    }
    let res = participant
        .post("/admin/projects/new", &[("title", "Pirate"), ("visibility", "public")])
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(
        participant
            .post(
                "/admin/settings",
                &[
                    ("name", "Pirate"),
                    ("primary_colour", "#000000"),
                    ("secondary_colour", "#000000")
                ]
            )
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.count("projects").await, 0);

    // Staff roles: analysts see the back office but cannot manage projects;
    // project managers cannot change branding or read emails.
    let mut analyst = app.logged_in(Role::Analyst).await;
    assert_eq!(analyst.get("/admin").await.status, StatusCode::OK);
    assert_eq!(analyst.get("/admin/projects").await.status, StatusCode::FORBIDDEN);
    let mut pm = app.logged_in(Role::ProjectManager).await;
    assert_eq!(pm.get("/admin/projects").await.status, StatusCode::OK);
    assert_eq!(pm.get("/admin/settings").await.status, StatusCode::FORBIDDEN);
    assert_eq!(pm.get("/admin/emails").await.status, StatusCode::FORBIDDEN);
}
engine_test!(authorisation, roles_are_checked_on_the_server);

async fn headers_and_cookies(app: &TestApp) {
    let mut c = app.client();
    let res = c.get("/").await;
    let csp = res.headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(res.headers["x-content-type-options"], "nosniff");
    assert_eq!(res.headers["referrer-policy"], "same-origin");
    let set = res.headers["set-cookie"].to_str().unwrap();
    assert!(set.contains("HttpOnly") && set.contains("SameSite=Lax"), "{set}");
    assert!(res.has("script[src]"), "scripts are files");
    assert!(!res.has("script:not([src])"), "no inline script");
    assert!(!res.body.contains("style=\""), "no inline style");

    // Behind HTTPS, cookies are Secure.
    let mut config = participe::config::Config::local(std::env::temp_dir());
    config.secure_cookies = true;
    let secure = participe::app::AppState::new(app.db().clone(), config);
    let res = tower::ServiceExt::oneshot(
        secure.router(),
        axum::http::Request::get("/").body(axum::body::Body::empty()).unwrap(),
    )
    .await
    .unwrap();
    assert!(res.headers()["set-cookie"].to_str().unwrap().contains("Secure"));
}
engine_test!(security_headers, headers_and_cookies);

async fn health_and_errors(app: &TestApp) {
    let mut c = app.client();
    let res = c.get("/healthz").await;
    assert_eq!(res.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"status": "ok", "database": app.engine.as_str()})
    );

    let res = c.get("/nowhere").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert!(res.text("h1").contains("Page introuvable"));
    assert_eq!(res.texts("main").len(), 1, "exactly one main landmark");
    // Open redirects are refused.
    assert_eq!(c.get("/lang/en?next=//evil.example").await.location(), "/");
    assert_eq!(c.get("/lang/xx").await.status, StatusCode::NOT_FOUND);
    // A malformed form body is a clear 400, not a crash.
    let token = c.csrf().await;
    let res = c
        .request(
            Method::POST,
            "/signup",
            Some("application/x-www-form-urlencoded"),
            format!("_csrf={token}&terms=%ZZ").into_bytes(),
        )
        .await;
    assert!(
        res.status == StatusCode::BAD_REQUEST || res.status == StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        res.status
    );
}
engine_test!(health, health_and_errors);

async fn branding(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let res = admin
        .post(
            "/admin/settings",
            &[
                ("name", "Ville de Test"),
                ("primary_colour", "#ffff00"),
                ("secondary_colour", "nope"),
                ("terms", ""),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("primary_colour").contains("contraste"));
    assert!(res.field_error("secondary_colour").contains("hexadécimal"));
    assert_eq!(
        participe::storage::org::get(app.db()).await.unwrap().name,
        "Participe",
        "nothing stored"
    );

    let res = admin
        .post(
            "/admin/settings",
            &[
                ("name", "Ville de Test"),
                ("primary_colour", "#2e7d32"),
                ("secondary_colour", "#6A1B9A"),
                ("terms", "Soyez **courtois**."),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let mut visitor = app.client();
    let home = visitor.get("/").await;
    assert_eq!(home.text(".brand"), "Ville de Test");
    assert!(home.text("title").ends_with("Ville de Test"));
    assert!(visitor.get("/theme.css").await.body.contains("--primary: #2e7d32"));
    assert!(visitor.get("/terms").await.body.contains("<strong>courtois</strong>"));

    let res = admin
        .upload("/admin/settings/logo", "logo", "logo.png", common::PNG)
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(visitor.get("/").await.has(".brand img.logo"));
}
engine_test!(white_label, branding);

async fn outbox_and_users_admin(app: &TestApp) {
    let mut visitor = app.client();
    visitor
        .post("/password/forgot", &[("email", "nobody@example.org")])
        .await;
    app.user("someone@example.org", Role::Participant).await;
    visitor
        .post("/password/forgot", &[("email", "someone@example.org")])
        .await;
    let mut admin = app.logged_in(Role::Administrator).await;
    let list = admin.get("/admin/emails").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.text("tbody").contains("someone@example.org"));
    let id = participe::storage::outbox::list(app.db(), 1, 0).await.unwrap()[0].id;
    let email = admin.get(&format!("/admin/emails/{id}")).await;
    assert!(
        email.has("a[href^='http://127.0.0.1:8080/password/reset/']"),
        "links are clickable"
    );

    let target = participe::storage::users::by_email(app.db(), "someone@example.org")
        .await
        .unwrap()
        .unwrap()
        .id;
    let res = admin
        .post(&format!("/admin/users/{target}/role"), &[("role", "moderator")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(
        participe::storage::users::by_id(app.db(), target)
            .await
            .unwrap()
            .unwrap()
            .role,
        "moderator"
    );
    assert_eq!(
        admin
            .post(&format!("/admin/users/{target}/role"), &[("role", "king")])
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
}
engine_test!(admin_emails_and_roles, outbox_and_users_admin);

/// `next` (language switch, log-in page and form) only ever leads to a path
/// of this site: tabs, newlines, backslashes, other schemes and hosts are
/// refused, encoded or not, and a CR/LF is a redirect home, not a 500.
async fn next_is_same_site_only(app: &TestApp) {
    let email = "next@example.org";
    app.user(email, Role::Participant).await;
    let mut c = app.client();
    let refused = [
        "//evil.example",
        "/%09/evil.example",
        "/%0A/evil.example",
        "/%0D%0A/evil.example",
        "%09//evil.example",
        "/%5C/evil.example",
        "/%5Cevil.example",
        "%2F%2Fevil.example",
        "%2F%09%2FEvil.Example",
        "https:evil.example",
        "HtTpS:evil.example",
        "https://evil.example/",
        "JavaScript:alert(1)",
        "/%00/evil.example",
    ];
    for next in refused {
        let res = c.get(&format!("/lang/en?next={next}")).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "/lang/en?next={next}");
        assert_eq!(res.location(), "/", "/lang/en?next={next}");
        let res = c.get(&format!("/login?next={next}")).await;
        assert_eq!(res.status, StatusCode::OK, "/login?next={next}");
        let hidden = res.html();
        let field = hidden
            .select(&scraper::Selector::parse("input[name=next]").unwrap())
            .next()
            .unwrap();
        assert_eq!(field.value().attr("value"), Some("/"), "/login?next={next}");
    }
    // The log-in form's own field, decoded as a browser would send it.
    for next in ["/\t/evil.example", "/\r\n/x", "/\\/evil.example", "https:evil.example"] {
        let res = c
            .post("/login", &[("email", email), ("password", PASSWORD), ("next", next)])
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{next:?}");
        assert_eq!(res.location(), "/", "{next:?}");
    }
    // Paths of the site go through, encoded in the header.
    assert_eq!(
        c.get("/lang/fr?next=/projects/x%3Fa%3D1").await.location(),
        "/projects/x?a=1"
    );
    assert_eq!(c.get("/lang/fr?next=/%2509/x").await.location(), "/%09/x");
    assert_eq!(
        c.get("/lang/fr?next=/projets/%C3%A9t%C3%A9").await.location(),
        "/projets/%C3%A9t%C3%A9"
    );
    let res = c
        .post(
            "/login",
            &[("email", email), ("password", PASSWORD), ("next", "/account")],
        )
        .await;
    assert_eq!(res.location(), "/account");
}
engine_test!(open_redirects, next_is_same_site_only);
