//! The storage layer itself: migrations on both engines, constraints held
//! by the database, demo content loaded once.

mod common;

use common::TestApp;
use participe::storage::{Db, Engine, StoreError, users};
use participe_domain::Role;

#[test]
fn both_engines_have_the_same_migrations() {
    assert_eq!(Db::migration_list(Engine::Sqlite), Db::migration_list(Engine::Postgres));
}

async fn constraints_live_in_the_database(app: &TestApp) {
    let id = app.user("dup@example.org", Role::Participant).await;
    // Bypassing the code's checks, the database still refuses.
    let dup = participe::on_db!(app.db(), |p| sqlx::query(
        "INSERT INTO users (email, role, created_at) VALUES ('dup@example.org', 'participant', $1)"
    )
    .bind(participe::storage::now())
    .execute(p)
    .await
    .map(|_| ()));
    assert!(matches!(dup.map_err(StoreError::from), Err(StoreError::Conflict(_))));
    let bad_role = participe::on_db!(app.db(), |p| sqlx::query(
        "UPDATE users SET role = 'king' WHERE id = $1"
    )
    .bind(id)
    .execute(p)
    .await
    .map(|_| ()));
    assert!(bad_role.is_err(), "CHECK constraint on roles");
    let orphan = participe::on_db!(app.db(), |p| sqlx::query(
        "INSERT INTO steps (project_id, position, step_type, title) VALUES (999, 1, 'vote', 'x')"
    )
    .execute(p)
    .await
    .map(|_| ()));
    assert!(orphan.is_err(), "foreign key on steps");
    let bad_type = participe::on_db!(app.db(), |p| sqlx::query(
        "INSERT INTO steps (project_id, position, step_type, title) VALUES (1, 1, 'party', 'x')"
    )
    .execute(p)
    .await
    .map(|_| ()));
    assert!(bad_type.is_err(), "CHECK constraint on step types");
    assert!(users::by_email(app.db(), "dup@example.org").await.unwrap().is_some());
}
engine_test!(database_constraints, constraints_live_in_the_database);

async fn demo_loads_once(app: &TestApp) {
    assert!(participe::demo::load(app.db()).await.unwrap());
    let counts = (
        app.count("projects").await,
        app.count("steps").await,
        app.count("districts").await,
        app.count("users").await,
    );
    assert!(!participe::demo::load(app.db()).await.unwrap());
    assert_eq!(
        counts,
        (
            app.count("projects").await,
            app.count("steps").await,
            app.count("districts").await,
            app.count("users").await
        )
    );
    assert_eq!(counts.2, 5, "five districts");
    assert!(counts.0 >= 3);
    // The demo administrator can log in and sees the demo on the home page.
    let mut c = app.client();
    c.login(participe::demo::ADMIN_EMAIL, participe::demo::ADMIN_PASSWORD)
        .await;
    assert_eq!(c.get("/admin").await.status, axum::http::StatusCode::OK);
    let home = c.get("/").await;
    assert!(home.text("#home-open + ul").contains("Budget participatif 2026"));
    assert!(home.text("#home-upcoming + ul").contains("Questionnaire"));
    assert!(home.text("#home-past + ul").contains("Budget participatif 2024"));
    for slug in ["budget-participatif-2026", "plan-velo-2030", "vivre-dans-mon-quartier"] {
        let page = c.get(&format!("/projects/{slug}")).await;
        assert_eq!(page.status, axum::http::StatusCode::OK);
        for link in page
            .html()
            .select(&scraper::Selector::parse(".timeline-step a").unwrap())
            .filter_map(|a| a.value().attr("href"))
        {
            let step = c.get(link).await;
            assert_eq!(step.status, axum::http::StatusCode::OK, "{link}");
            assert!(
                !step.text(".richtext").is_empty(),
                "steps whose features come later still show their text"
            );
        }
    }
}
engine_test!(demo, demo_loads_once);

/// Tables and columns are the same on both engines.
#[tokio::test]
async fn schema_parity() {
    let Some(pg) = TestApp::postgres().await else { return };
    let lite = TestApp::new(Engine::Sqlite).await;
    let Db::Sqlite(sp) = lite.db() else { unreachable!() };
    let Db::Postgres(pp) = pg.db() else { unreachable!() };
    let sqlite_cols: Vec<(String, String)> = sqlx::query_as(
        "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations' ORDER BY 1, 2",
    )
    .fetch_all(sp)
    .await
    .unwrap();
    let pg_cols: Vec<(String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name <> '_sqlx_migrations' ORDER BY 1, 2",
    )
    .fetch_all(pp)
    .await
    .unwrap();
    let (mut sqlite_cols, mut pg_cols) = (sqlite_cols, pg_cols);
    sqlite_cols.sort();
    pg_cols.sort();
    assert!(!sqlite_cols.is_empty());
    assert_eq!(sqlite_cols, pg_cols);
}
