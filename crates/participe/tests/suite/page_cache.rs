//! The rendered-page cache for anonymous visitors (issue 13): nothing
//! personal is kept or served to someone else (CSRF tokens included), a
//! change made on any server shows on every server within a second, and
//! memory stays bounded.

use crate::common;

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use common::{Client, TestApp, client_of, open_collect_step};
use participe::app::AppState;
use participe::config::Config;
use participe_domain::Role;

fn stats(state: &AppState) -> (u64, u64) {
    state.pages.stats()
}

/// Another server on the same database, with its own memory.
fn second_server(app: &TestApp, page_cache_bytes: u64) -> AppState {
    let mut config = Config::local(std::env::temp_dir());
    config.page_cache_bytes = page_cache_bytes;
    config.kept_for = participe::config::KEPT_FOR;
    AppState::new(app.db().clone(), config)
}

fn csrf_fields(res: &common::Res) -> Vec<String> {
    let sel = scraper::Selector::parse("input[name=_csrf]").unwrap();
    res.html()
        .select(&sel)
        .map(|e| e.value().attr("value").unwrap_or_default().to_string())
        .collect()
}

async fn tokens_are_never_shared(app: &TestApp) {
    let server = second_server(app, 16 << 20);
    let mut a = client_of(&server);
    let first = a.get("/login").await;
    assert_eq!(first.status, StatusCode::OK);
    let (hits, _) = stats(&server);
    // A second visitor gets the kept page, with their own token.
    let mut b = client_of(&server);
    let second = b.get("/login").await;
    assert_eq!(second.status, StatusCode::OK);
    assert_eq!(
        stats(&server).0,
        hits + 1,
        "the second visitor was served from the cache"
    );
    let (ta, tb) = (a.cookies["participe_csrf"].clone(), b.cookies["participe_csrf"].clone());
    assert_ne!(ta, tb);
    assert_eq!(csrf_fields(&first), vec![ta.clone()]);
    assert_eq!(csrf_fields(&second), vec![tb.clone()]);
    assert!(!second.body.contains(&ta), "a token was served to someone else");
    assert!(!second.body.contains(server.pages.marker()));
    // Each can log in with the page they got (the token matches their cookie).
    app.user("kept@example.org", Role::Participant).await;
    let res = b.login("kept@example.org", common::PASSWORD).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    // Once signed in, pages are rendered for them and never kept.
    let before = stats(&server);
    let home = b.get("/").await;
    assert!(
        home.has("form[action='/logout']"),
        "the signed-in page has their log-out form"
    );
    assert_eq!(csrf_fields(&home), vec![b.cookies["participe_csrf"].clone()]);
    assert_eq!(
        stats(&server),
        before,
        "a signed-in visitor's request does not touch the cache"
    );
    let anon = client_of(&server).get("/").await;
    assert!(
        !anon.has("form[action='/logout']"),
        "a signed-in page was served to a visitor"
    );
}
engine_test!(tokens_and_personal_pages, tokens_are_never_shared);

async fn notices_and_seeds_are_personal(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let (slug, step) = open_collect_step(app, &mut admin, "Budget des quartiers").await;
    let server = second_server(app, 16 << 20);
    // A visitor with a one-time notice gets it, and nobody else does.
    let mut c = client_of(&server);
    c.get(&format!("/projects/{slug}")).await;
    c.cookies.insert("participe_flash".into(), "flash-saved".into());
    let with_notice = c.get(&format!("/projects/{slug}")).await;
    let notice = with_notice.text("[role=status]");
    assert!(!notice.is_empty());
    let other = client_of(&server).get(&format!("/projects/{slug}")).await;
    assert!(!other.body.contains(&notice), "a notice was served to someone else");
    // A list in random order sets the visitor's seed: that page is not kept.
    let path = format!("/projects/{slug}/steps/{step}");
    let mut v = client_of(&server);
    let first = v.get(&path).await;
    assert!(first.headers.get("set-cookie").is_some());
    let before = stats(&server);
    let again = client_of(&server).get(&path).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(
        stats(&server).0,
        before.0,
        "a page that sets a cookie was served from the cache"
    );
    // A visitor sending their seed is not served from the cache either.
    let before = stats(&server);
    v.get(&path).await;
    assert_eq!(stats(&server), before);
    // A list in a fixed order is the same for everyone: no seed, kept.
    let sorted = format!("{path}?sort=cost_asc");
    let first = client_of(&server).get(&sorted).await;
    assert!(
        first
            .headers
            .get("set-cookie")
            .is_none_or(|c| !c.to_str().unwrap().contains("participe_seed"))
    );
    let before = stats(&server);
    let again = client_of(&server).get(&sorted).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(stats(&server).0, before.0 + 1, "a list in a fixed order was not kept");
    // Errors are not kept.
    let missing = client_of(&server).get("/projects/no-such-project").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let missing = client_of(&server).get("/projects/no-such-project").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}
engine_test!(notices_seeds_and_errors, notices_and_seeds_are_personal);

/// Polls `path` on `client` until its body contains `text`; the time it took.
async fn seen_within(client: &mut Client, path: &str, text: &str) -> Duration {
    let start = Instant::now();
    loop {
        if client.get(path).await.body.contains(text) {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < Duration::from_secs(3),
            "{text} never showed on {path}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn changes_show_on_every_server(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let (slug, _) = open_collect_step(app, &mut admin, "Vélo pour tous").await;
    let here_server = second_server(app, 16 << 20);
    let other = second_server(app, 16 << 20);
    let mut here = client_of(&here_server);
    let mut there = client_of(&other);
    // Both servers keep the project page.
    for _ in 0..2 {
        assert!(
            here.get(&format!("/projects/{slug}"))
                .await
                .body
                .contains("Vélo pour tous")
        );
        assert!(
            there
                .get(&format!("/projects/{slug}"))
                .await
                .body
                .contains("Vélo pour tous")
        );
    }
    assert!(other.pages.stats().0 >= 1, "the second server kept the page");
    // An administrator renames it on the first server.
    let mut admin = {
        let mut c = client_of(&here_server);
        c.cookies = admin.cookies.clone();
        c
    };
    let project = participe::storage::projects::by_slug(app.db(), &slug)
        .await
        .unwrap()
        .unwrap();
    let res = admin
        .post(
            &format!("/admin/projects/{}", project.id),
            &[
                ("title", "Vélos et trottoirs"),
                ("slug", &slug),
                ("visibility", "public"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    // This server shows it at once; the other within a second.
    let path = format!("/projects/{slug}");
    assert!(here.get(&path).await.body.contains("Vélos et trottoirs"));
    let waited = seen_within(&mut there, &path, "Vélos et trottoirs").await;
    assert!(waited <= Duration::from_millis(1100), "seen after {waited:?}");
}
engine_test!(two_servers_within_a_second, changes_show_on_every_server);

async fn memory_is_bounded(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let (slug, _) = open_collect_step(app, &mut admin, "Jardins partagés").await;
    let capacity = 300_000;
    let small = second_server(app, capacity);
    let mut c = client_of(&small);
    // Every query string is another page: a crawler (or an attacker) asking
    // for thousands of them cannot make the cache grow past its capacity.
    for i in 0..300 {
        let res = c.get(&format!("/projects/{slug}?x={i}")).await;
        assert_eq!(res.status, StatusCode::OK);
        assert!(small.pages.weight() <= capacity, "{} bytes kept", small.pages.weight());
    }
    assert!(small.pages.weight() > capacity / 4, "pages were kept");
    // With no memory given, nothing is kept and pages still work.
    let none = second_server(app, 0);
    let mut c = client_of(&none);
    assert!(
        c.get(&format!("/projects/{slug}"))
            .await
            .body
            .contains("Jardins partagés")
    );
    assert_eq!(none.pages.weight(), 0);
}
engine_test!(bounded_memory, memory_is_bounded);

/// Sixteen visitors asking at once for the page at `path`, each with their
/// own client; their answers.
async fn together(server: &AppState, path: &str) -> Vec<common::Res> {
    let tasks: Vec<_> = (0..16)
        .map(|_| {
            let mut c = client_of(server);
            let path = path.to_string();
            tokio::spawn(async move { (c.get(&path).await, c.cookies) })
        })
        .collect();
    let mut out = Vec::new();
    for t in tasks {
        let (res, cookies) = t.await.unwrap();
        assert_eq!(res.status, StatusCode::OK, "{path}");
        // Each visitor's forms carry their own token.
        for field in csrf_fields(&res) {
            assert_eq!(field, cookies["participe_csrf"]);
        }
        out.push(res);
    }
    out
}

async fn a_busy_page_is_rendered_once(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let (slug, step) = open_collect_step(app, &mut admin, "Budget des écoles").await;
    // A new server knows nothing yet: the first visitor renders the page
    // (reading the database), the others wait for that page.
    let server = second_server(app, 16 << 20);
    let path = format!("/projects/{slug}/steps/{step}?sort=newest");
    let answers = together(&server, &path).await;
    assert_eq!(stats(&server), (15, 1), "one render for sixteen visitors");
    assert!(answers.iter().all(|r| r.body.contains("Budget des écoles")));
    // A page that is not kept (here: a list in random order sets each new
    // visitor's seed) is rendered for each of them, none waiting for another.
    let random = format!("/projects/{slug}/steps/{step}");
    let answers = together(&server, &random).await;
    assert!(
        answers.iter().all(|r| r.headers.get("set-cookie").is_some()),
        "every visitor got their own seed"
    );
    assert_eq!(stats(&server).0, 15, "nothing served from the cache");
}
engine_test!(busy_page_rendered_once, a_busy_page_is_rendered_once);
