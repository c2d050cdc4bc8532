//! The storage layer itself: migrations on both engines, constraints held
//! by the database, demo content loaded once.

use crate::common;

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
    let started = std::time::Instant::now();
    assert!(participe::demo::load(app.db()).await.unwrap());
    eprintln!("demo loaded in {:?}", started.elapsed());
    async fn counts(app: &TestApp) -> Vec<i64> {
        let mut v = vec![];
        for table in [
            "projects",
            "steps",
            "districts",
            "users",
            "proposals",
            "proposal_answers",
            "comments",
            "follows",
            "analyses",
            "official_answers",
            "categories",
            "proposal_statuses",
            "admissibility_reasons",
            "form_questions",
            "questionnaire_replies",
            "supports",
            "redirections",
            "pages",
            "menu_items",
        ] {
            v.push(app.count(table).await);
        }
        v
    }
    let before = counts(app).await;
    assert!(!participe::demo::load(app.db()).await.unwrap());
    assert_eq!(before, counts(app).await);
    // Even without the flag, each item is skipped when it exists.
    participe::on_db!(app.db(), |p| sqlx::query("UPDATE organisation SET demo_loaded = FALSE")
        .execute(p)
        .await
        .map(|_| ()))
    .unwrap();
    assert!(participe::demo::load(app.db()).await.unwrap());
    assert_eq!(before, counts(app).await, "nothing added by a second load");
    assert_eq!(before[2], 5, "five districts");
    // Its two short URLs lead to projects that exist; its menus lead to
    // published pages and public projects.
    let mut visitor = app.client();
    let home = visitor.get("/").await;
    assert_eq!(home.texts(".nav-group summary"), ["Nos projets"]);
    let mut links = home.texts(".nav-group ul a");
    links.extend(home.texts(".footer-links a"));
    assert!(links.len() >= 5, "{links:?}");
    for href in home
        .html()
        .select(&scraper::Selector::parse(".nav a, .footer-links a").unwrap())
    {
        let href = href.value().attr("href").unwrap();
        if href.starts_with("/pages/") || href.starts_with("/projects/") {
            assert_eq!(visitor.get(href).await.status, axum::http::StatusCode::OK, "{href}");
        }
    }
    for short in ["/budget", "/velo"] {
        let res = visitor.get(short).await;
        assert_eq!(res.status, axum::http::StatusCode::FOUND, "{short}");
        assert_eq!(
            visitor.get(res.location()).await.status,
            axum::http::StatusCode::OK,
            "{short}"
        );
    }
    assert!(before[0] >= 3);

    // The budget's collect step holds the proposals, numbered in order.
    use participe::storage::{analyses, comments, proposals, steps};
    let budget = participe::storage::projects::by_slug(app.db(), "budget-participatif-2026")
        .await
        .unwrap()
        .unwrap();
    let collect = steps::of_project(app.db(), budget.id, true)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.step_type == "collect")
        .unwrap();
    let published = proposals::all_published(app.db(), collect.id).await.unwrap();
    assert!(published.len() >= 40, "{} proposals", published.len());
    assert_eq!(published[0].reference().as_deref(), Some("BP-2026-0001"));
    assert!(
        published
            .iter()
            .all(|p| p.district_id.is_some() && p.status_id.is_some())
    );
    let outcomes: Vec<&str> = published.iter().filter_map(|p| p.outcome.as_deref()).collect();
    for o in ["admissible", "not_admissible", "merged"] {
        assert!(outcomes.contains(&o), "{o}");
    }
    let merged = published
        .iter()
        .find(|p| p.outcome.as_deref() == Some("merged"))
        .unwrap();
    assert!(published.iter().any(|p| Some(p.id) == merged.merged_into_id));
    let answered = published.iter().filter(|p| p.outcome.is_some()).collect::<Vec<_>>();
    for p in &answered {
        let a = analyses::answer(app.db(), p.id).await.unwrap().unwrap();
        assert!(
            a.published_at.is_some(),
            "official answer of {:?} published",
            p.reference()
        );
    }
    let analyst = users::by_email(app.db(), participe::demo::ANALYST_EMAIL)
        .await
        .unwrap()
        .unwrap();
    assert!(analyses::assigned_to(app.db(), analyst.id).await.unwrap().len() > answered.len());
    assert!(proposals::answers(app.db(), published[0].id).await.unwrap().len() == 2);
    let total_comments: i64 = published.iter().map(|p| p.comment_count).sum();
    assert!(total_comments >= 25 && total_comments == before[6]);
    let replies = comments::of_proposal(app.db(), published[0].id).await.unwrap();
    assert!(replies.iter().any(|c| c.parent_id.is_some()), "some replies");
    // Two questions on the budget's proposal form, eleven in the questionnaire with its 150 replies,
    // two in the votation with its 150 ballots.
    assert!(before[10] == 3 && before[11] == 4 && before[12] >= 4 && before[13] == 15 && before[14] == 300);
    // The petitions: one awaiting its answer, one answered, one archived, one gathering support.
    assert_eq!(before[15], 57 + 63 + 14 + 31);
    let petitions = participe::storage::projects::by_slug(app.db(), participe::demo_petitions::SLUG)
        .await
        .unwrap()
        .unwrap();
    let step = steps::of_project(app.db(), petitions.id, true).await.unwrap()[0].id;
    let mut standings: Vec<&str> = proposals::all_published(app.db(), step)
        .await
        .unwrap()
        .iter()
        .map(|p| p.standing().as_str())
        .collect();
    standings.sort();
    assert_eq!(standings, ["answered", "archived", "awaiting", "collecting"]);

    // The demo administrator can log in and sees the demo on the home page;
    // so can the analyst; participants cannot.
    let mut c = app.client();
    c.login(participe::demo::ANALYST_EMAIL, participe::demo::ADMIN_PASSWORD)
        .await;
    let res = c
        .post("/login", &[("email", "camille.martin@demo.invalid"), ("password", "!")])
        .await;
    assert_ne!(res.status, axum::http::StatusCode::SEE_OTHER);
    let mut c = app.client();
    c.login(participe::demo::ADMIN_EMAIL, participe::demo::ADMIN_PASSWORD)
        .await;
    // The dashboard: the work waiting, the steps open now, the figures
    // (as the database counts them) and the latest activity.
    let dash = c.get("/admin").await;
    assert_eq!(dash.status, axum::http::StatusCode::OK);
    let published = {
        let sql = "SELECT COUNT(*) FROM proposals WHERE state = 'published'";
        match app.db() {
            participe::storage::Db::Sqlite(p) => sqlx::query_scalar::<_, i64>(sql).fetch_one(p).await.unwrap(),
            participe::storage::Db::Postgres(p) => sqlx::query_scalar::<_, i64>(sql).fetch_one(p).await.unwrap(),
        }
    };
    let figures = dash.texts("section[aria-labelledby=figures-title] li");
    assert!(
        figures
            .iter()
            .any(|f| f.contains(&format!("{published} propositions publiées"))),
        "{figures:?}"
    );
    let todo = dash.text("section[aria-labelledby=todo-title]");
    assert!(
        todo.contains("attendent leur analyse") && todo.contains("signalement"),
        "{todo}"
    );
    let open_steps = dash.texts("section[aria-labelledby=open-steps-title] tbody th");
    assert!(open_steps.iter().any(|s| s.starts_with("Vote")), "{open_steps:?}");
    assert_eq!(dash.texts("ul.activity li").len(), 8);
    // The home page's cards carry the open projects' counters and calls to action.
    let budget = participe::storage::projects::by_slug(app.db(), "budget-participatif-2026")
        .await
        .unwrap()
        .unwrap();
    let counters = participe::storage::counters::project(app.db(), budget.id)
        .await
        .unwrap();
    let card = c.get("/").await;
    let open_cards = card.text("section[aria-labelledby=home-open] ul.cards");
    assert!(
        open_cards.contains(&format!("{} contributions", counters.contributions)),
        "{open_cards}"
    );
    assert!(
        card.has("section[aria-labelledby=home-open] a.button[href^='/votes/']"),
        "a Voter button"
    );
    assert!(card.text(".hero").contains("Voter : Budget participatif 2026"));
    let home = c.get("/").await;
    assert!(
        home.text("section[aria-labelledby=home-open] ul.cards")
            .contains("Budget participatif 2026")
    );
    assert!(
        home.text("section[aria-labelledby=home-upcoming] ul.cards")
            .contains("Questionnaire")
    );
    assert!(
        home.text("section[aria-labelledby=home-past] ul.cards")
            .contains("Budget participatif 2024")
    );
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
