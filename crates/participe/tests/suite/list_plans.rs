//! Query plans of the proposal list (issue 13): on a step of 10,000
//! proposals (beside another step of 20,000), every sort reads its page
//! from an index in the order shown (no full scan, no sort of the step);
//! the random order reads each filter's ids in shuffle order from an index,
//! then its page's rows by primary key; and the counts use an index, on
//! both engines. A later change that loses
//! an index, or writes a query the planner cannot match to one, fails here.

use crate::common;

use common::{TestApp, open_collect_step};
use participe::services::proposal_lists::ProposalLists;
use participe::storage::proposal_cards::Card;
use participe::storage::proposal_list::{self, Arg, Sql};
use participe::storage::proposals::{Filters, PageRow, Proposal, list};
use participe::storage::taxonomy::{self, Kind};
use participe::storage::{Db, Engine};
use participe_domain::Role;
use participe_domain::proposal::Sort;

const PROPOSALS: i64 = 10_000;

/// Two districts, themes, categories and statuses (the last two are a step's own).
struct Terms {
    districts: (i64, i64),
    themes: (i64, i64),
    categories: (i64, i64),
    statuses: (i64, i64),
}

async fn step_term(app: &TestApp, table: &str, step: i64, name: &str) -> i64 {
    let sql = if table == "categories" {
        "INSERT INTO categories (step_id, name) VALUES ($1, $2) RETURNING id"
    } else {
        "INSERT INTO proposal_statuses (step_id, name, colour, position) VALUES ($1, $2, '#000000', 1) RETURNING id"
    };
    participe::on_db!(app.db(), |p| sqlx::query_scalar(sql)
        .bind(step)
        .bind(name)
        .fetch_one(p)
        .await)
    .unwrap()
}

async fn terms(app: &TestApp, step: i64, tag: &str) -> Terms {
    Terms {
        districts: (
            taxonomy::create(app.db(), Kind::District, &format!("Nord {tag}"))
                .await
                .unwrap(),
            taxonomy::create(app.db(), Kind::District, &format!("Sud {tag}"))
                .await
                .unwrap(),
        ),
        themes: (
            taxonomy::create(app.db(), Kind::Theme, &format!("Nature {tag}"))
                .await
                .unwrap(),
            taxonomy::create(app.db(), Kind::Theme, &format!("Sport {tag}"))
                .await
                .unwrap(),
        ),
        categories: (
            step_term(app, "categories", step, "Travaux").await,
            step_term(app, "categories", step, "Animation").await,
        ),
        statuses: (
            step_term(app, "statuses", step, "Étudiée").await,
            step_term(app, "statuses", step, "Retenue").await,
        ),
    }
}

/// `n` published proposals spread over the terms, some without a cost.
async fn seed(app: &TestApp, step: i64, n: i64, author: i64, t: &Terms) {
    let now = chrono::Utc::now();
    participe::on_db!(app.db(), |p| sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $1)
         INSERT INTO proposals (step_id, number, author_id, state, title, summary, cost, district_id, theme_id,
             category_id, status_id, comment_count, created_at, updated_at, published_at)
         SELECT $2, i, $3, 'published', 'Proposition', 'Résumé',
             CASE WHEN i % 7 = 0 THEN NULL ELSE (i % 50) * 1000 END,
             CASE WHEN i % 2 = 0 THEN $4 ELSE $5 END, CASE WHEN i % 3 = 0 THEN $6 ELSE $7 END,
             CASE WHEN i % 5 = 0 THEN $8 ELSE $9 END, CASE WHEN i % 4 = 0 THEN $10 ELSE $11 END,
             i % 13, $12, $12, $12
         FROM n"
    )
    .bind(n)
    .bind(step)
    .bind(author)
    .bind(t.districts.0)
    .bind(t.districts.1)
    .bind(t.themes.0)
    .bind(t.themes.1)
    .bind(t.categories.0)
    .bind(t.categories.1)
    .bind(t.statuses.0)
    .bind(t.statuses.1)
    .bind(now)
    .execute(p)
    .await
    .map(|_| ()))
    .unwrap();
}

/// The plan of a statement, one line per step.
async fn plan(db: &Db, sql: &Sql) -> String {
    let lines: Vec<String> = match db {
        Db::Sqlite(p) => {
            let mut q = sqlx::query_as::<_, (i64, i64, i64, String)>(sqlx::AssertSqlSafe(format!(
                "EXPLAIN QUERY PLAN {}",
                sql.text
            )));
            for a in &sql.args {
                q = match a {
                    Arg::Int(v) => q.bind(*v),
                    Arg::Text(v) => q.bind(v.clone()),
                };
            }
            q.fetch_all(p).await.unwrap().into_iter().map(|r| r.3).collect()
        }
        Db::Postgres(p) => {
            let mut q = sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(format!("EXPLAIN {}", sql.text)));
            for a in &sql.args {
                q = match a {
                    Arg::Int(v) => q.bind(*v),
                    Arg::Text(v) => q.bind(v.clone()),
                };
            }
            q.fetch_all(p).await.unwrap()
        }
    };
    lines.join("\n")
}

/// The ids a list statement gives.
async fn ids_of(db: &Db, sql: &Sql) -> Vec<i64> {
    participe::on_db!(db, |p| {
        let mut q = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql.text.clone()));
        for a in &sql.args {
            q = match a {
                Arg::Int(v) => q.bind(*v),
                Arg::Text(v) => q.bind(v.clone()),
            };
        }
        q.fetch_all(p).await.unwrap()
    })
}

/// Fails unless the plan reads an index in order, without sorting or
/// scanning the table.
fn assert_indexed(engine: Engine, what: &str, plan: &str) {
    match engine {
        Engine::Sqlite => {
            assert!(
                plan.contains("USING INDEX") || plan.contains("USING COVERING INDEX"),
                "{what}: no index in\n{plan}"
            );
            assert!(!plan.contains("TEMP B-TREE"), "{what}: sorts in\n{plan}");
            assert!(
                !plan.lines().any(|l| l.trim() == "SCAN p"),
                "{what}: scans the table in\n{plan}"
            );
        }
        Engine::Postgres => {
            assert!(plan.contains("Index"), "{what}: no index in\n{plan}");
            assert!(!plan.contains("Sort"), "{what}: sorts in\n{plan}");
            assert!(!plan.contains("Seq Scan"), "{what}: scans the table in\n{plan}");
        }
    }
}

async fn every_list_reads_an_index(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let (_, step) = open_collect_step(app, &mut admin, "Budget 2027").await;
    let author = app.user("auteur@example.org", Role::Participant).await;
    let t = terms(app, step, "27").await;
    seed(app, step, PROPOSALS, author, &t).await;
    // Another budget's proposals share the table, as on a real platform.
    let (_, other) = open_collect_step(app, &mut admin, "Budget 2026").await;
    let other_terms = terms(app, other, "26").await;
    seed(app, other, 2 * PROPOSALS, author, &other_terms).await;
    // PostgreSQL plans from statistics and the visibility map, which
    // autovacuum keeps; here, now.
    if let Db::Postgres(p) = app.db() {
        sqlx::query("VACUUM ANALYZE proposals").execute(p).await.unwrap();
    }
    let none = Filters::default();
    let start = 1_234_567;
    // Every sort but the random order, first page and page 200.
    for sort in Sort::ALL.into_iter().filter(|s| *s != Sort::Random) {
        for offset in [0, 199 * 20] {
            let sql = proposal_list::page_ids(step, &none, sort, start, 20, offset);
            assert_indexed(
                app.engine,
                &format!("{sort:?} at {offset}"),
                &plan(app.db(), &sql).await,
            );
        }
    }
    // SQLite keeps each statement's plan whatever values are bound (a
    // bound LIMIT would otherwise have every list planned again).
    if let Db::Sqlite(p) = app.db() {
        let mut conn = p.acquire().await.unwrap();
        assert!(participe::storage::sqlite_tuning::keeps_plans(&mut conn).await.unwrap());
    }
    // The rows of a page come back in its order, however the engine reads
    // them; SQLite reads them in the same statement, by primary key.
    let lists = ProposalLists::new(std::time::Duration::from_secs(60));
    for sort in Sort::ALL {
        let expected = ids_of(app.db(), &proposal_list::page_ids(step, &none, sort, start, 20, 40)).await;
        let rows = list::<Proposal>(app.db(), step, &none, sort, start, 20, 40)
            .await
            .unwrap();
        assert_eq!(expected.len(), 20);
        assert_eq!(rows.into_iter().map(|p| p.id).collect::<Vec<_>>(), expected, "{sort:?}");
        // The cards of a list page: the same rows, from the table alone;
        // the random order from the kept shuffle order, the same too.
        let cards: Vec<Card> = lists.page(app.db(), step, &none, sort, start, 20, 40).await.unwrap();
        assert_eq!(
            cards.into_iter().map(|c| c.id).collect::<Vec<_>>(),
            expected,
            "cards {sort:?}"
        );
        if app.engine == Engine::Sqlite && sort != Sort::Random {
            let sql = proposal_list::page_rows("SELECT p.id FROM proposals p", step, &none, sort, start, 20, 40);
            let plan = plan(app.db(), &sql).await;
            assert!(plan.contains("SEARCH p USING INTEGER PRIMARY KEY"), "{sort:?}: {plan}");
            assert!(
                plan.contains("USING COVERING INDEX") || plan.contains("USING INDEX"),
                "{sort:?}: {plan}"
            );
            assert!(!plan.lines().any(|l| l.trim() == "SCAN p"), "{sort:?}: {plan}");
        }
    }
    // A page in random order reads its rows by primary key.
    let by_ids = match app.engine {
        Engine::Sqlite => Sql {
            text: Card::SQLITE_BY_IDS.into(),
            args: vec![Arg::Text("[3, 1, 2]".into())],
        },
        Engine::Postgres => Sql {
            text: Card::PG_BY_IDS.replace("$1", "ARRAY[3, 1, 2]::bigint[]"),
            args: vec![],
        },
    };
    let by_ids = plan(app.db(), &by_ids).await;
    match app.engine {
        Engine::Sqlite => assert!(by_ids.contains("SEARCH p USING INTEGER PRIMARY KEY"), "{by_ids}"),
        Engine::Postgres => assert!(by_ids.contains("proposals_pkey"), "{by_ids}"),
    }
    assert!(!by_ids.contains("Seq Scan on proposals"), "{by_ids}");
    assert!(!by_ids.lines().any(|l| l.trim() == "SCAN p"), "{by_ids}");
    // The random order: each filter's ids from an index (sorted by their
    // shuffle key in memory).
    let filters = [
        (
            "district",
            Filters {
                district: Some(t.districts.0),
                ..Default::default()
            },
        ),
        (
            "theme",
            Filters {
                theme: Some(t.themes.0),
                ..Default::default()
            },
        ),
        (
            "category",
            Filters {
                category: Some(t.categories.0),
                ..Default::default()
            },
        ),
        (
            "status",
            Filters {
                status: Some(t.statuses.0),
                ..Default::default()
            },
        ),
    ];
    let sql = proposal_list::ids(step, &none);
    assert_indexed(app.engine, "ids", &plan(app.db(), &sql).await);
    for (name, f) in &filters {
        let sql = proposal_list::ids(step, f);
        assert_indexed(app.engine, &format!("ids, {name} filter"), &plan(app.db(), &sql).await);
        let sql = proposal_list::count(step, f);
        assert_indexed(
            app.engine,
            &format!("count, {name} filter"),
            &plan(app.db(), &sql).await,
        );
    }
    let sql = proposal_list::count(step, &none);
    assert_indexed(app.engine, "count", &plan(app.db(), &sql).await);
    let order = participe::storage::proposals::shuffled_ids(app.db(), step, &filters[0].1)
        .await
        .unwrap();
    assert_eq!(order.len() as i64, PROPOSALS / 2);

    // And the pages are right: the random order shows every proposal once,
    // across the wrap, for any seed, and a text search (here matching
    // every proposal, sorted in one statement) shows the same pages.
    let words = Filters {
        text: Some("proposition".into()),
        ..Default::default()
    };
    for seed_value in [0_i64, 987_654_321, -5] {
        let mut seen = std::collections::HashSet::new();
        let mut offset = 0;
        loop {
            let page: Vec<Card> = lists
                .page(app.db(), step, &none, Sort::Random, seed_value, 500, offset)
                .await
                .unwrap();
            if page.is_empty() {
                break;
            }
            let searched: Vec<Card> = lists
                .page(app.db(), step, &words, Sort::Random, seed_value, 500, offset)
                .await
                .unwrap();
            let ids = |l: &[Card]| l.iter().map(|p| p.id).collect::<Vec<_>>();
            assert_eq!(ids(&page), ids(&searched), "seed {seed_value}, page at {offset}");
            for p in &page {
                assert!(seen.insert(p.id), "proposal {} shown twice", p.id);
            }
            offset += 500;
        }
        assert_eq!(seen.len() as i64, PROPOSALS);
    }
    let district_only = participe::storage::proposals::count(app.db(), step, &filters[0].1)
        .await
        .unwrap();
    assert_eq!(district_only, PROPOSALS / 2);
    // The project page asks whether any proposal has a follow-up: SQLite
    // (without statistics) reads the few realisations, not the project's
    // proposals.
    let project: i64 = participe::on_db!(app.db(), |p| sqlx::query_scalar(
        "SELECT project_id FROM steps WHERE id = $1"
    )
    .bind(step)
    .fetch_one(p)
    .await)
    .unwrap();
    if app.engine == Engine::Sqlite {
        let sql = Sql {
            text: participe::storage::realisations::PROJECT_HAS_ANY.into(),
            args: vec![Arg::Int(project)],
        };
        let plan = plan(app.db(), &sql).await;
        assert!(plan.lines().next().unwrap_or("").trim().starts_with("SCAN r"), "{plan}");
        assert!(plan.contains("SEARCH p USING INTEGER PRIMARY KEY"), "{plan}");
    }
    assert!(
        !participe::storage::realisations::project_has_any(app.db(), project)
            .await
            .unwrap()
    );
}
engine_test!(list_plans, every_list_reads_an_index);
