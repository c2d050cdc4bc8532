//! Groups on both engines: administrators make them (by hand, by a CSV of
//! emails, by invitation), a restricted project shown to some groups is
//! seen only by their members and staff, and an invitation's link serves
//! the address it was sent to, once, before it expires, even when used
//! twice at the same moment.

use crate::common;

use axum::http::StatusCode;
use common::{Client, PASSWORD, TestApp, last_email_to, link_path};
use participe::storage::{Engine, projects, users};
use participe_domain::Role;

/// Members of group `id`, counted in the database.
async fn members(app: &TestApp, id: i64) -> i64 {
    participe::storage::groups::by_id(app.db(), id)
        .await
        .unwrap()
        .expect("group")
        .members
}

async fn create_group(admin: &mut Client, name: &str) -> i64 {
    let res = admin
        .post("/admin/groups", &[("name", name), ("description", "Tirés au sort")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    res.location().trim_start_matches("/admin/groups/").parse().unwrap()
}

async fn restricted_projects(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    app.user("membre@example.org", Role::Participant).await;
    app.user("autre@example.org", Role::Participant).await;
    let gid = create_group(&mut admin, "Conseil citoyen").await;
    let res = admin.post("/admin/groups", &[("name", "Conseil citoyen")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("name").contains("existe déjà"));

    // Members are added by their account's email; an unknown one is refused.
    let path = format!("/admin/groups/{gid}/members");
    let res = admin.post(&path, &[("email", "personne@example.org")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("member-email").contains("Aucun compte"));
    let res = admin.post(&path, &[("email", " Membre@Example.org ")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(members(app, gid).await, 1);
    let page = admin.get(&format!("/admin/groups/{gid}")).await;
    assert!(page.text("#group-figures").contains("Un membre"));
    assert!(page.text("main table").contains("membre@example.org"));

    // A project restricted to the group; an unknown group is refused.
    let gid_s = gid.to_string();
    let res = admin
        .post(
            "/admin/projects/new",
            &[
                ("title", "Budget du conseil"),
                ("visibility", "restricted"),
                ("groups", "999999"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.has("#f-groups-error"));
    let form = admin.get("/admin/projects/new").await;
    assert!(form.has(&format!("#f-groups-{gid}")), "the form offers the group");
    let res = admin
        .post(
            "/admin/projects/new",
            &[
                ("title", "Budget du conseil"),
                ("visibility", "restricted"),
                ("groups", &gid_s),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let project_id: i64 = res.location().trim_start_matches("/admin/projects/").parse().unwrap();
    let project = projects::by_id(app.db(), project_id).await.unwrap().unwrap();
    assert_eq!(project.restricted_to(), vec![gid]);
    let edit = admin.get(&format!("/admin/projects/{project_id}")).await;
    assert!(
        edit.has(&format!("#f-groups-{gid}[checked]")),
        "the choice is shown again"
    );
    let url = format!("/projects/{}", project.slug);

    let mut member = app.client();
    member.login("membre@example.org", PASSWORD).await;
    assert_eq!(member.get(&url).await.status, StatusCode::OK);
    assert!(member.get("/").await.body.contains("Budget du conseil"));
    let mut other = app.client();
    other.login("autre@example.org", PASSWORD).await;
    assert_eq!(other.get(&url).await.status, StatusCode::NOT_FOUND);
    assert!(!other.get("/").await.body.contains("Budget du conseil"));
    let res = app.client().get(&url).await;
    assert!(res.location().starts_with("/login?next="), "anonymous: log in first");
    assert_eq!(admin.get(&url).await.status, StatusCode::OK, "staff see it");

    // Out of the group, out of the project.
    let member_id = users::by_email(app.db(), "membre@example.org")
        .await
        .unwrap()
        .unwrap()
        .id;
    let res = admin
        .post(&format!("/admin/groups/{gid}/members/{member_id}/remove"), &[])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(member.get(&url).await.status, StatusCode::NOT_FOUND);

    // Deleting the group opens the project to everyone signed in again.
    let res = admin.post(&format!("/admin/groups/{gid}/delete"), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(other.get(&url).await.status, StatusCode::OK);
    assert_eq!(app.count("project_groups").await, 0);
}
engine_test!(restricted_projects_are_seen_by_their_groups, restricted_projects);

async fn csv_import(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    app.user("anne@example.org", Role::Participant).await;
    app.user("bruno@example.org", Role::Participant).await;
    let gid = create_group(&mut admin, "Habitants du quartier").await;
    let path = format!("/admin/groups/{gid}/import");

    // All or nothing: a bad line refuses the file, naming the line.
    let bad = "email\nanne@example.org\npas une adresse\nANNE@example.org\n";
    let res = admin
        .post_multipart(&path, &[], &[("file", "m.csv", bad.as_bytes())])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let errors = res.text("#import-errors");
    assert!(errors.contains("Ligne 3") && errors.contains("Ligne 4"), "{errors}");
    assert_eq!(members(app, gid).await, 0);

    // Accounts join; addresses without one are listed and offered for invitation.
    let good = "Courriel;Nom\nanne@example.org;Anne\n\"bruno@example.org\",Bruno\ninconnue@example.org;X\n";
    let res = admin
        .post_multipart(&path, &[], &[("file", "m.csv", good.as_bytes())])
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.text("#import-missing").contains("inconnue@example.org"));
    assert!(res.text("#f-invite-email").contains("inconnue@example.org"));
    assert_eq!(members(app, gid).await, 2);
    // Importing again changes nothing.
    admin
        .post_multipart(&path, &[], &[("file", "m.csv", good.as_bytes())])
        .await;
    assert_eq!(members(app, gid).await, 2);
}
engine_test!(members_are_imported_from_a_csv_all_or_nothing, csv_import);

/// Invitations, on a platform whose sign-up is restricted to `ville.fr`:
/// the invited address may still sign up, and its account needs no
/// confirmation (the link proved the address).
async fn invitations(engine: Engine) {
    let Some(app) = TestApp::configured(engine, |c| c.signup_domains = vec!["ville.fr".into()]).await else {
        return;
    };
    let mut admin = app.logged_in(Role::Administrator).await;
    let gid = create_group(&mut admin, "Jury citoyen").await;
    let path = format!("/admin/groups/{gid}/invitations");
    let res = admin
        .post(&path, &[("email", "nouvelle@example.org\nmauvaise"), ("days", "14")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.has("#f-invite-email-error"));
    let res = admin
        .post(&path, &[("email", "nouvelle@example.org"), ("days", "120")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.has("#f-invite-days-error"));
    assert_eq!(app.count("group_invitations").await, 0);
    let res = admin
        .post(
            &path,
            &[
                ("email", "nouvelle@example.org; tardive@example.org\ndeux@example.org"),
                ("days", ""),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(app.count("group_invitations").await, 3);

    // The link: who invites where, then sign-up with the address filled in.
    let mail = last_email_to(&app, "nouvelle@example.org").await;
    assert!(mail.subject.contains("Invitation"), "{}", mail.subject);
    assert!(mail.body_text.contains("Jury citoyen") && mail.body_text.contains("14 jours"));
    let link = link_path(&mail.body_text);
    let token = link.trim_start_matches("/invitations/").to_string();
    let mut anon = app.client();
    let page = anon.get(&link).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text("main").contains("Jury citoyen"));
    let signup = page.attr("a[href^='/signup?invitation=']", "href");
    let form = anon.get(&signup).await;
    assert_eq!(form.attr("#f-email", "value"), "nouvelle@example.org");
    let res = anon
        .post(
            "/signup",
            &[
                ("display_name", "Nouvelle"),
                ("email", "nouvelle@example.org"),
                ("password", PASSWORD),
                ("terms", "on"),
                ("invitation", &token),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.text("main").contains("Jury citoyen"));
    let user = users::by_email(app.db(), "nouvelle@example.org")
        .await
        .unwrap()
        .unwrap();
    assert!(user.is_confirmed(), "the link proved the address");
    assert_eq!(user.groups(), vec![gid]);
    anon.login("nouvelle@example.org", PASSWORD).await;

    // The link served once.
    assert_eq!(app.client().get(&link).await.status, StatusCode::GONE);
    assert_eq!(anon.post(&link, &[]).await.status, StatusCode::GONE);

    // Without the invitation, the domain restriction holds.
    let res = app
        .client()
        .post(
            "/signup",
            &[
                ("display_name", "Autre"),
                ("email", "autre@example.org"),
                ("password", PASSWORD),
                ("terms", "on"),
                ("invitation", &token),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);

    // An expired link opens nothing.
    participe::on_db!(app.db(), |p| sqlx::query(
        "UPDATE group_invitations SET expires_at = $1 WHERE email = 'tardive@example.org'"
    )
    .bind(participe::storage::now() - chrono::Duration::minutes(1))
    .execute(p)
    .await
    .map(|r| r.rows_affected()))
    .unwrap();
    let late = link_path(&last_email_to(&app, "tardive@example.org").await.body_text);
    let res = app.client().get(&late).await;
    assert_eq!(res.status, StatusCode::GONE);
    assert!(res.text("main").contains("expiré"));

    // The link is personal: someone signed in with another address is told
    // so and cannot use it; a sign-up with another address joins nothing.
    let link = link_path(&last_email_to(&app, "deux@example.org").await.body_text);
    let token = link.trim_start_matches("/invitations/").to_string();
    let mut other = app.logged_in(Role::Participant).await;
    let page = other.get(&link).await;
    assert!(page.text("main .notice").contains("d***@example.org"), "{}", page.body);
    assert!(!page.has("form[action^='/invitations/'] button"));
    let res = other.post(&link, &[]).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(res.text("main").contains("d***@example.org"));
    let res = app
        .client()
        .post(
            "/signup",
            &[
                ("display_name", "Agent"),
                ("email", "agent@ville.fr"),
                ("password", PASSWORD),
                ("terms", "on"),
                ("invitation", &token),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let agent = users::by_email(app.db(), "agent@ville.fr").await.unwrap().unwrap();
    assert!(agent.groups().is_empty() && !agent.is_confirmed());
    assert_eq!(members(&app, gid).await, 1);

    // Its owner, signed in twice, uses it twice at once: joins once.
    app.user("deux@example.org", Role::Participant).await;
    let (mut a, mut b) = (app.client(), app.client());
    a.login("deux@example.org", PASSWORD).await;
    b.login("deux@example.org", PASSWORD).await;
    assert!(a.get(&link).await.has("form[action^='/invitations/'] button"));
    let (ra, rb) = tokio::join!(a.post(&link, &[]), b.post(&link, &[]));
    let mut statuses = [ra.status, rb.status];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::SEE_OTHER, StatusCode::GONE]);
    assert_eq!(members(&app, gid).await, 2);
    assert_eq!(app.count("group_invitations").await, 3, "kept until the daily sweep");

    // The daily sweep deletes the invitations that have ended.
    let s = &app.state;
    participe::services::account_life::run_daily(&s.db, &s.config, &s.i18n, chrono::Utc::now())
        .await
        .unwrap();
    assert_eq!(app.count("group_invitations").await, 0);
    assert_eq!(members(&app, gid).await, 2, "the members stay");
}

#[tokio::test]
async fn invitations_serve_once_before_they_expire_sqlite() {
    invitations(Engine::Sqlite).await;
}

#[tokio::test]
async fn invitations_serve_once_before_they_expire_postgres() {
    invitations(Engine::Postgres).await;
}
