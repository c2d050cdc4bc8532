//! The administrators' action log on both engines: every change made by
//! staff is recorded with who, what, when and from where (not reading, not a
//! form sent back with errors, not a participant's own actions); the page
//! searches it, the CSV exports it, and the daily sweep forgets old entries.

use crate::common;

use std::net::SocketAddr;

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use common::{PASSWORD, TestApp};
use participe::storage::admin_log;
use participe_domain::Role;

async fn action_log(app: &TestApp) {
    app.user("admin@example.org", Role::Administrator).await;
    let mut admin = app.client_from(SocketAddr::from(([192, 0, 2, 7], 50000)));
    admin.login("admin@example.org", PASSWORD).await;
    assert_eq!(
        admin_log::count(app.db(), "").await.unwrap(),
        0,
        "logging in is not logged"
    );

    // A change is logged; reading and a refused form are not.
    admin.get("/admin/groups").await;
    let res = admin.post("/admin/groups", &[("name", "")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = admin.post("/admin/groups", &[("name", "Conseil des jeunes")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let group_path = res.location().to_string();
    let res = admin.post(&group_path, &[("name", "Conseil des jeunes 2027")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let logged = admin_log::page(app.db(), "", 10, 0).await.unwrap();
    assert_eq!(logged.len(), 2, "{logged:?}");
    let created = &logged[1];
    assert_eq!(created.route, "/admin/groups");
    assert_eq!(
        (created.method.as_str(), created.path.as_str()),
        ("POST", "/admin/groups")
    );
    assert_eq!(created.status, 303);
    assert_eq!(created.ip, "192.0.2.7");
    assert_eq!(created.role, "administrator");
    assert!(created.user_label.contains("admin@example.org"));
    assert!((Utc::now() - created.created_at).num_seconds().abs() < 60);
    assert_eq!(logged[0].route, "/admin/groups/{id}");
    assert_eq!(logged[0].path, group_path);

    // A participant's own actions are not staff actions.
    let mut resident = app.logged_in(Role::Participant).await;
    resident
        .post("/account", &[("display_name", "Camille"), ("locale", "fr")])
        .await;
    assert_eq!(resident.get("/admin/log").await.status, StatusCode::FORBIDDEN);
    assert_eq!(admin_log::count(app.db(), "").await.unwrap(), 2);

    // The page, searched.
    let page = admin.get("/admin/log").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text("#log-count").contains("2 actions"));
    assert!(page.text("main table").contains(&format!("POST {group_path}")));
    assert!(page.text("main table").contains("192.0.2.7"));
    let found = admin
        .get(&format!("/admin/log?q={}", group_path.replace('/', "%2F")))
        .await;
    assert!(
        found.text("#log-count").contains("Une action"),
        "{}",
        found.text("#log-count")
    );
    let none = admin.get("/admin/log?q=personne%20d%27autre").await;
    assert!(none.text("#log-count").contains("Aucune action"));

    // The export, oldest first.
    let csv = admin.get("/admin/log.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.headers["content-type"].to_str().unwrap().starts_with("text/csv"));
    let lines: Vec<&str> = csv.body.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "at;user_id;user;role;method;path;route;status;ip");
    assert_eq!(lines.len(), 3);
    assert!(
        lines[1].contains(";POST;/admin/groups;/admin/groups;303;192.0.2.7"),
        "{}",
        lines[1]
    );

    // Long logs come a page at a time, the search kept from page to page.
    let admin_id = logged[0].user_id.unwrap();
    for i in 0..60 {
        let path = format!("/admin/groups/{i}/members");
        let a = admin_log::NewAction {
            user_id: Some(admin_id),
            user_label: "Admin <admin@example.org>",
            role: "administrator",
            method: "POST",
            path: &path,
            route: "/admin/groups/{id}/members",
            status: 303,
            ip: "192.0.2.7",
        };
        admin_log::record(app.db(), &a).await.unwrap();
    }
    let first = admin.get("/admin/log?q=members").await;
    assert!(first.text("#log-count").contains("60 actions"));
    assert_eq!(first.attr(".pager a[rel=next]", "href"), "/admin/log?page=2&q=members");
    let second = admin.get("/admin/log?page=2&q=members").await;
    assert_eq!(second.texts("main tbody tr").len(), 10);

    // Forgotten after the configured time (365 days by default), by the daily sweep.
    let s = &app.state;
    let later = Utc::now() + Duration::days(366);
    participe::services::account_life::run_daily(&s.db, &s.config, &s.i18n, later)
        .await
        .unwrap();
    assert_eq!(admin_log::count(app.db(), "").await.unwrap(), 0);
}
engine_test!(staff_changes_are_logged_searched_exported_and_forgotten, action_log);
