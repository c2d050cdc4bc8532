//! The authorisation matrix: every route of the router, with the answer each
//! role must get. The list of routes comes from the router itself
//! (`web::routes::ROUTES`), so a new route without a row here fails the test.
//!
//! Each request runs against fresh fixtures (a draft project with a
//! published step, a district, a theme, an email, an account, an upload) and
//! a fresh session, so destructive routes cannot disturb the next rows.
//! POST bodies are invalid where a valid one would create something, so an
//! allowed role gets the form back with 422 and a refused one 403 or the
//! log-in page.

mod common;

use axum::http::{Method, StatusCode};
use common::{Client, PNG, TestApp};
use participe::security::{random_token, token_hash};
use participe::storage::steps::StepData;
use participe::storage::taxonomy::{self, Kind};
use participe::storage::users::NewUser;
use participe::storage::{outbox, projects, sessions, steps, users};
use participe::web::routes::ROUTES;
use participe_domain::Role;
use participe_domain::project::{ProjectInput, Visibility};
use participe_domain::step::StepType;

/// What a role must get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum E {
    /// This exact status (303 means a redirect elsewhere than the log-in page).
    S(u16),
    /// A redirect to the log-in page, asking to come back here.
    Login,
}
use E::{Login, S};

const OK: E = S(200);
const NO: E = S(403);
const GONE: E = S(410);
const BAD: E = S(422);
const SEE: E = S(303);
const NF: E = S(404);

#[derive(Clone, Copy)]
enum Body {
    None,
    Form(&'static [(&'static str, &'static str)]),
    /// A multipart form with no file in it.
    EmptyMultipart,
}

/// Columns: anonymous, participant, analyst, moderator, project manager, administrator.
type Row = (&'static str, &'static str, Body, [E; 6]);

const ALL_OK: [E; 6] = [OK; 6];
const SIGNED_IN: [E; 6] = [Login, OK, OK, OK, OK, OK];
const MANAGERS_OK: [E; 6] = [Login, NO, NO, NO, OK, OK];
const MANAGERS_INVALID: [E; 6] = [Login, NO, NO, NO, BAD, BAD];
const MANAGERS_DONE: [E; 6] = [Login, NO, NO, NO, SEE, SEE];
const ADMIN_OK: [E; 6] = [Login, NO, NO, NO, NO, OK];
const ADMIN_INVALID: [E; 6] = [Login, NO, NO, NO, NO, BAD];
const ADMIN_DONE: [E; 6] = [Login, NO, NO, NO, NO, SEE];

const NO_NAME: Body = Body::Form(&[("name", "")]);
const BAD_PROJECT: Body = Body::Form(&[("title", ""), ("visibility", "public")]);
const BAD_STEP: Body = Body::Form(&[("title", ""), ("step_type", "vote")]);

const MATRIX: &[Row] = &[
    ("get", "/", Body::None, ALL_OK),
    ("get", "/healthz", Body::None, ALL_OK),
    ("get", "/static/app.css", Body::None, ALL_OK),
    ("get", "/theme.css", Body::None, ALL_OK),
    ("get", "/uploads/{name}", Body::None, ALL_OK),
    ("get", "/lang/{code}", Body::None, [SEE; 6]),
    ("get", "/terms", Body::None, ALL_OK),
    // The fixture project is a draft: only those who manage projects see it.
    ("get", "/projects/{slug}", Body::None, [NF, NF, NF, NF, OK, OK]),
    (
        "get",
        "/projects/{slug}/steps/{id}",
        Body::None,
        [NF, NF, NF, NF, OK, OK],
    ),
    ("get", "/signup", Body::None, ALL_OK),
    ("post", "/signup", Body::Form(&[("email", "not an email")]), [BAD; 6]),
    ("get", "/confirm/{token}", Body::None, [GONE; 6]),
    ("get", "/login", Body::None, ALL_OK),
    (
        "post",
        "/login",
        Body::Form(&[("email", "x@example.org"), ("password", "wrong password")]),
        [S(401); 6],
    ),
    ("post", "/logout", Body::None, [SEE; 6]),
    ("get", "/password/forgot", Body::None, ALL_OK),
    ("post", "/password/forgot", Body::Form(&[("email", "nope")]), [BAD; 6]),
    ("get", "/password/reset/{token}", Body::None, [GONE; 6]),
    (
        "post",
        "/password/reset/{token}",
        Body::Form(&[("password", "a long new password")]),
        [GONE; 6],
    ),
    ("get", "/account", Body::None, SIGNED_IN),
    (
        "post",
        "/account",
        Body::Form(&[("display_name", ""), ("locale", "fr")]),
        [Login, BAD, BAD, BAD, BAD, BAD],
    ),
    (
        "post",
        "/account/password",
        Body::Form(&[("current_password", "wrong"), ("new_password", "x")]),
        [Login, BAD, BAD, BAD, BAD, BAD],
    ),
    (
        "post",
        "/account/sessions/revoke",
        Body::None,
        [Login, SEE, SEE, SEE, SEE, SEE],
    ),
    (
        "post",
        "/account/confirmation",
        Body::None,
        [Login, SEE, SEE, SEE, SEE, SEE],
    ),
    ("get", "/account/delete", Body::None, SIGNED_IN),
    (
        "post",
        "/account/delete",
        Body::Form(&[("password", "wrong password")]),
        [Login, BAD, BAD, BAD, BAD, BAD],
    ),
    ("get", "/admin", Body::None, [Login, NO, OK, OK, OK, OK]),
    ("get", "/admin/projects", Body::None, MANAGERS_OK),
    ("get", "/admin/projects/new", Body::None, MANAGERS_OK),
    ("post", "/admin/projects/new", BAD_PROJECT, MANAGERS_INVALID),
    ("get", "/admin/projects/{id}", Body::None, MANAGERS_OK),
    ("post", "/admin/projects/{id}", BAD_PROJECT, MANAGERS_INVALID),
    (
        "post",
        "/admin/projects/{id}/cover",
        Body::EmptyMultipart,
        MANAGERS_INVALID,
    ),
    ("post", "/admin/projects/{id}/delete", Body::None, MANAGERS_DONE),
    ("get", "/admin/projects/{id}/steps/new", Body::None, MANAGERS_OK),
    ("post", "/admin/projects/{id}/steps/new", BAD_STEP, MANAGERS_INVALID),
    ("get", "/admin/steps/{id}", Body::None, MANAGERS_OK),
    ("post", "/admin/steps/{id}", BAD_STEP, MANAGERS_INVALID),
    (
        "post",
        "/admin/steps/{id}/move",
        Body::Form(&[("direction", "up")]),
        MANAGERS_DONE,
    ),
    ("post", "/admin/steps/{id}/delete", Body::None, MANAGERS_DONE),
    ("get", "/admin/districts", Body::None, MANAGERS_OK),
    ("post", "/admin/districts", NO_NAME, MANAGERS_INVALID),
    ("post", "/admin/districts/{id}", NO_NAME, MANAGERS_INVALID),
    ("post", "/admin/districts/{id}/delete", Body::None, MANAGERS_DONE),
    ("get", "/admin/themes", Body::None, MANAGERS_OK),
    ("post", "/admin/themes", NO_NAME, MANAGERS_INVALID),
    ("post", "/admin/themes/{id}", NO_NAME, MANAGERS_INVALID),
    ("post", "/admin/themes/{id}/delete", Body::None, MANAGERS_DONE),
    ("get", "/admin/settings", Body::None, ADMIN_OK),
    (
        "post",
        "/admin/settings",
        Body::Form(&[("name", ""), ("primary_colour", "#fff")]),
        ADMIN_INVALID,
    ),
    ("post", "/admin/settings/logo", Body::EmptyMultipart, ADMIN_INVALID),
    ("get", "/admin/emails", Body::None, ADMIN_OK),
    ("get", "/admin/emails/{id}", Body::None, ADMIN_OK),
    ("get", "/admin/users", Body::None, ADMIN_OK),
    (
        "post",
        "/admin/users/{id}/role",
        Body::Form(&[("role", "moderator")]),
        ADMIN_DONE,
    ),
];

const ROLES: [Option<Role>; 6] = [
    None,
    Some(Role::Participant),
    Some(Role::Analyst),
    Some(Role::Moderator),
    Some(Role::ProjectManager),
    Some(Role::Administrator),
];

#[test]
fn every_route_has_a_row_and_every_row_a_route() {
    let missing: Vec<_> = ROUTES
        .iter()
        .filter(|(m, p)| !MATRIX.iter().any(|r| r.0 == *m && r.1 == *p))
        .collect();
    assert!(
        missing.is_empty(),
        "routes without an authorisation-matrix row: {missing:?}"
    );
    let stale: Vec<_> = MATRIX
        .iter()
        .filter(|r| !ROUTES.contains(&(r.0, r.1)))
        .map(|r| (r.0, r.1))
        .collect();
    assert!(stale.is_empty(), "matrix rows for routes that do not exist: {stale:?}");
}

struct Fixture {
    project: i64,
    slug: String,
    step: i64,
    district: i64,
    theme: i64,
    email: i64,
    user: i64,
    upload: String,
}

async fn fixture(app: &TestApp) -> Fixture {
    let db = app.db();
    let tag = &random_token()[..12];
    let slug = format!("p-{tag}");
    let input = ProjectInput {
        title: format!("Projet {tag}"),
        slug: slug.clone(),
        summary: String::new(),
        description: String::new(),
        visibility: Visibility::Draft,
    };
    let project = projects::create(db, &input).await.unwrap();
    let data = |title| StepData {
        title,
        step_type: StepType::Vote,
        body: "",
        starts_at: None,
        ends_at: None,
        published: true,
    };
    steps::create(db, project, &data("Première")).await.unwrap();
    let step = steps::create(db, project, &data("Seconde")).await.unwrap();
    let district = taxonomy::create(db, Kind::District, &format!("Quartier {tag}"))
        .await
        .unwrap();
    let theme = taxonomy::create(db, Kind::Theme, &format!("Thème {tag}"))
        .await
        .unwrap();
    let email = outbox::enqueue(db, "x@example.org", "Sujet", "Corps").await.unwrap();
    let who = format!("u-{tag}@example.org");
    let new = NewUser {
        email: &who,
        display_name: "U",
        password_hash: "x",
        role: Role::Participant,
        locale: "fr",
        confirmed: true,
    };
    let user = users::create(db, &new).await.unwrap();
    let upload = participe::files::new_name(participe::files::ImageKind::Png);
    app.state.files.put(upload.clone(), PNG.to_vec()).await.unwrap();
    Fixture {
        project,
        slug,
        step,
        district,
        theme,
        email,
        user,
        upload,
    }
}

fn concrete(path: &str, f: &Fixture) -> String {
    let id = if path.starts_with("/admin/projects/") {
        f.project
    } else if path.starts_with("/admin/steps/") || path.starts_with("/projects/") {
        f.step
    } else if path.starts_with("/admin/districts/") {
        f.district
    } else if path.starts_with("/admin/themes/") {
        f.theme
    } else if path.starts_with("/admin/emails/") {
        f.email
    } else {
        f.user
    };
    path.replace("{id}", &id.to_string())
        .replace("{slug}", &f.slug)
        .replace("{name}", &f.upload)
        .replace("{code}", "en")
        .replace("{token}", &random_token())
}

/// A client with a fresh session for an account of this role.
async fn client_as(app: &TestApp, role: Option<Role>, accounts: &[i64; 6], col: usize) -> Client {
    let mut c = app.client();
    c.csrf().await;
    if role.is_some() {
        let token = random_token();
        let expires = participe::storage::now() + chrono::Duration::hours(1);
        sessions::create(app.db(), &token_hash(&token), accounts[col], expires, "")
            .await
            .unwrap();
        c.cookies.insert("participe_session".into(), token);
    }
    c
}

async fn send(c: &mut Client, method: &str, path: &str, body: Body) -> common::Res {
    match (method, body) {
        ("get", _) => c.get(path).await,
        (_, Body::None) => c.post(path, &[]).await,
        (_, Body::Form(fields)) => c.post(path, fields).await,
        (_, Body::EmptyMultipart) => {
            let token = c.csrf().await;
            let b = "--XX\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--XX--\r\n";
            let uri = format!("{path}?_csrf={token}");
            c.request(
                Method::POST,
                &uri,
                Some("multipart/form-data; boundary=XX"),
                b.as_bytes().to_vec(),
            )
            .await
        }
    }
}

async fn matrix(app: &TestApp) {
    let mut accounts = [0i64; 6];
    for (col, role) in ROLES.iter().enumerate() {
        if let Some(r) = role {
            accounts[col] = app.user(&format!("{}@matrix.example.org", r.as_str()), *r).await;
        }
    }
    let mut failures = vec![];
    for (method, pattern, body, expected) in MATRIX {
        for (col, role) in ROLES.iter().enumerate() {
            let f = fixture(app).await;
            let path = concrete(pattern, &f);
            let mut c = client_as(app, *role, &accounts, col).await;
            let res = send(&mut c, method, &path, *body).await;
            let got = if res.status == StatusCode::SEE_OTHER && res.location().starts_with("/login?next=") {
                Login
            } else {
                S(res.status.as_u16())
            };
            if got != expected[col] {
                let who = role.map_or("anonymous", |r| r.as_str());
                failures.push(format!(
                    "{method} {pattern} as {who}: expected {:?}, got {got:?}",
                    expected[col]
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "authorisation matrix mismatches:\n{}",
        failures.join("\n")
    );
}
engine_test!(authorisation_matrix, matrix);
