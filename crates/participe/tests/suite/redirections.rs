//! Short URLs, redirections and the log of missing addresses over HTTP, on
//! both engines: administrators add, import and delete redirections, which
//! visitors follow before the 404 page; loops, other sites, taken addresses
//! and pages of the site are refused with a message and store nothing.

use crate::common;

use axum::http::{Method, StatusCode};
use common::TestApp;
use participe_domain::Role;

async fn redirections_are_followed_before_the_404_page(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let mut visitor = app.client();

    // A short URL (temporary) and an old address (permanent, with a query).
    let res = admin
        .post(
            "/admin/redirections",
            &[
                ("source", "/nouveaux-bus/"),
                ("target", "/projects/bus"),
                ("kind", "302"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let res = admin
        .post(
            "/admin/redirections",
            &[
                ("source", "https://ancien.example.org/page.php?id=3"),
                ("target", "/terms"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);

    let res = visitor.get("/nouveaux-bus").await;
    assert_eq!(res.status, StatusCode::FOUND);
    assert_eq!(res.location(), "/projects/bus");
    // A trailing slash does not matter; HEAD is answered too.
    let res = visitor.get("/nouveaux-bus/").await;
    assert_eq!(res.status, StatusCode::FOUND);
    let res = visitor.request(Method::HEAD, "/nouveaux-bus", None, vec![]).await;
    assert_eq!(res.status, StatusCode::FOUND);
    let res = visitor.get("/page.php?id=3").await;
    assert_eq!(res.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(res.location(), "/terms");
    // Another query is another address.
    assert_eq!(visitor.get("/page.php?id=4").await.status, StatusCode::NOT_FOUND);
    // A POST is never redirected.
    assert_eq!(visitor.post("/nouveaux-bus", &[]).await.status, StatusCode::NOT_FOUND);
    // A page a handler does not find (a project that no longer exists) is
    // redirected too.
    let res = admin
        .post(
            "/admin/redirections",
            &[("source", "/projects/ancien-projet"), ("target", "/")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(visitor.get("/projects/ancien-projet").await.location(), "/");

    // The list shows them with their visits.
    let page = admin.get("/admin/redirections").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.texts(".address-route a"),
        ["/projects/ancien-projet", "/page.php?id=3", "/nouveaux-bus"]
    );
    assert_eq!(
        page.text(".address-list > li:last-child .address-route"),
        "/nouveaux-bus → mène vers /projects/bus"
    );
    assert_eq!(
        page.text(".address-list > li:last-child .address-meta"),
        "Temporaire (302) · 3 visites"
    );
    let hits: i64 = sqlx_count(app, "SELECT hits FROM redirections WHERE source = '/nouveaux-bus'").await;
    assert_eq!(hits, 3);

    // Deleting one: the address is missing again.
    let id: i64 = sqlx_count(app, "SELECT id FROM redirections WHERE source = '/nouveaux-bus'").await;
    let res = admin.post(&format!("/admin/redirections/{id}/delete"), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(visitor.get("/nouveaux-bus").await.status, StatusCode::NOT_FOUND);
}
engine_test!(followed_before_404, redirections_are_followed_before_the_404_page);

/// Reads one integer from the database.
async fn sqlx_count(app: &TestApp, sql: &'static str) -> i64 {
    participe::on_db!(app.db(), |p| sqlx::query_scalar::<_, i64>(sql).fetch_one(p).await).unwrap()
}

async fn bad_redirections_are_refused_with_a_message(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let ok = admin
        .post("/admin/redirections", &[("source", "/a"), ("target", "/b")])
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let cases: &[(&str, &str, &str, &str)] = &[
        // A loop through the stored /a → /b.
        ("/b", "/a", "target", "boucle"),
        ("/c", "/c/", "target", "boucle"),
        // A duplicate path.
        ("/a/", "/d", "source", "part déjà de cette adresse"),
        // A page of the site.
        ("/terms", "/d", "source", "page du site occupe"),
        ("/", "/d", "source", "page d’accueil"),
        ("pas-un-chemin", "/d", "source", "commençant par"),
        // Another site, not allowed.
        (
            "/e",
            "https://ailleurs.example.com/x",
            "target",
            "sites externes autorisés",
        ),
        ("/e", "javascript:alert(1)", "target", "http(s)"),
        ("/e", "//ailleurs.example.com", "target", "http(s)"),
    ];
    for (source, target, field, message) in cases {
        let res = admin
            .post("/admin/redirections", &[("source", source), ("target", target)])
            .await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{source} → {target}");
        assert!(
            res.field_error(field).contains(message),
            "{source} → {target}: {}",
            res.field_error(field)
        );
        // What was typed comes back.
        assert_eq!(res.attr("#f-target", "value"), *target);
    }
    assert_eq!(app.count("redirections").await, 1);

    // Once the site is allowed, the same redirection is accepted.
    let res = admin
        .post("/admin/redirections/hosts", &[("hosts", "pas un domaine")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("hosts").contains("noms de domaine"));
    let res = admin
        .post("/admin/redirections/hosts", &[("hosts", "Ailleurs.example.com\n\n")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let res = admin
        .post(
            "/admin/redirections",
            &[("source", "/e"), ("target", "https://ailleurs.example.com/x")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        app.client().get("/e").await.location(),
        "https://ailleurs.example.com/x"
    );

    // Only administrators manage redirections.
    for role in [Role::ProjectManager, Role::Moderator, Role::Participant] {
        let mut c = app.logged_in(role).await;
        let res = c
            .post("/admin/redirections", &[("source", "/z"), ("target", "/")])
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{role:?}");
    }
    assert_eq!(app.count("redirections").await, 2);
}
engine_test!(bad_input_refused, bad_redirections_are_refused_with_a_message);

async fn an_old_site_is_imported_all_or_nothing(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    admin
        .post("/admin/redirections", &[("source", "/deja"), ("target", "/terms")])
        .await;
    // One bad line (a loop through the stored one, another site, a
    // duplicate): nothing is stored and each line says why.
    let bad = "source,target,type\n/actu/1,/terms\n/terms-old,/deja-2\n/deja-2,/terms-old\n/x,https://ailleurs.example.com/\n/deja,/y\n/z,/terms,303\n";
    let res = admin
        .post_multipart(
            "/admin/redirections/import",
            &[],
            &[("file", "old.csv", bad.as_bytes())],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let errors = res.texts("#import-errors li");
    assert_eq!(errors.len(), 5, "{errors:?}");
    assert!(
        errors[0].starts_with("Ligne 3 :") && errors[0].contains("boucle"),
        "{errors:?}"
    );
    assert!(
        errors[2].starts_with("Ligne 5 :") && errors[2].contains("autorisés"),
        "{errors:?}"
    );
    assert!(
        errors[3].starts_with("Ligne 6 :") && errors[3].contains("part déjà"),
        "{errors:?}"
    );
    assert!(
        errors[4].starts_with("Ligne 7 :") && errors[4].contains("301 ou 302"),
        "{errors:?}"
    );
    assert_eq!(app.count("redirections").await, 1);

    // Not a CSV, and an empty file.
    let res = admin
        .post_multipart(
            "/admin/redirections/import",
            &[],
            &[("file", "x.csv", b"\xff\xfe\x00a,b\n")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text("#import-errors").contains("CSV lisible"),
        "{}",
        res.text("#import-errors")
    );
    let res = admin
        .post_multipart(
            "/admin/redirections/import",
            &[],
            &[("file", "x.csv", b"source;target\n")],
        )
        .await;
    assert!(res.text("#import-errors").contains("aucune redirection"));
    assert_eq!(app.count("redirections").await, 1);

    // A good file (semicolons, a byte-order mark, full old addresses).
    let good =
        "\u{feff}ancienne adresse;destination;type\nhttps://ancien.example.org/actu/1;/terms\n/agenda/;/deja;302\n";
    let res = admin
        .post_multipart(
            "/admin/redirections/import",
            &[],
            &[("file", "old.csv", good.as_bytes())],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(app.count("redirections").await, 3);
    let mut visitor = app.client();
    let res = visitor.get("/actu/1").await;
    assert_eq!((res.status, res.location()), (StatusCode::MOVED_PERMANENTLY, "/terms"));
    // A chain: /agenda → /deja → /terms.
    let res = visitor.get("/agenda").await;
    assert_eq!((res.status, res.location()), (StatusCode::FOUND, "/deja"));
}
engine_test!(import_all_or_nothing, an_old_site_is_imported_all_or_nothing);

async fn missing_addresses_are_logged_and_become_redirections(app: &TestApp) {
    let mut visitor = app.client();
    for _ in 0..3 {
        let res = visitor
            .request_with(
                Method::GET,
                "/ancienne-page",
                None,
                &[("referer", "https://blog.example.net/article")],
                vec![],
            )
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        assert!(res.body.contains("<html"), "the 404 page is still shown");
    }
    visitor.get("/autre").await;
    // Writes are not logged.
    visitor.post("/jamais-lue", &[]).await;

    let mut admin = app.logged_in(Role::Administrator).await;
    let log = admin.get("/admin/redirections/missing").await;
    assert_eq!(log.status, StatusCode::OK);
    let paths = log.texts(".address-route");
    assert_eq!(paths, ["/ancienne-page", "/autre"], "most visited first");
    let first = ".address-list > li:first-child";
    assert!(
        log.text(&format!("{first} .address-meta"))
            .starts_with("3 visites · Dernière demande")
    );
    assert_eq!(
        log.texts(&format!("{first} .referrers li")),
        ["https://blog.example.net/article (3)"]
    );
    assert_eq!(
        log.texts(".address-list > li:last-child .address-meta")[1],
        "Accès direct"
    );

    // One step from the log: the address gets a destination and leaves the log.
    let res = admin
        .post(
            "/admin/redirections",
            &[("source", "/ancienne-page"), ("target", "/terms"), ("from", "missing")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), "/admin/redirections/missing");
    assert_eq!(visitor.get("/ancienne-page").await.location(), "/terms");
    let log = admin.get("/admin/redirections/missing").await;
    assert_eq!(log.texts(".address-route"), ["/autre"]);

    // Forgetting one, then clearing the log.
    admin.get("/encore").await;
    let res = admin
        .post("/admin/redirections/missing/forget", &[("path", "/autre")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(
        admin.get("/admin/redirections/missing").await.texts(".address-route"),
        ["/encore"]
    );
    admin.post("/admin/redirections/missing/forget", &[]).await;
    assert_eq!(app.count("missing_paths").await, 0);
    assert_eq!(app.count("missing_path_referrers").await, 0);

    // Not for anyone else.
    let mut manager = app.logged_in(Role::ProjectManager).await;
    assert_eq!(
        manager.get("/admin/redirections/missing").await.status,
        StatusCode::FORBIDDEN
    );
}
engine_test!(missing_log, missing_addresses_are_logged_and_become_redirections);

async fn the_missing_log_is_bounded(app: &TestApp) {
    use participe::storage::redirections::{self, MAX_MISSING, MAX_REFERRERS};
    // Fill the log directly, then visit over HTTP.
    for i in 0..MAX_MISSING {
        redirections::log_missing(app.db(), &format!("/p{i}"), None)
            .await
            .unwrap();
    }
    let mut visitor = app.client();
    visitor.get("/one-too-many").await;
    assert_eq!(app.count("missing_paths").await, MAX_MISSING);
    // A logged address still counts its visits, and keeps a few referrers.
    for i in 0..MAX_REFERRERS + 3 {
        let referrer = format!("https://site{i}.example.net/");
        visitor
            .request_with(Method::GET, "/p0", None, &[("referer", &referrer)], vec![])
            .await;
    }
    assert_eq!(
        sqlx_count(app, "SELECT hits FROM missing_paths WHERE path = '/p0'").await,
        1 + MAX_REFERRERS + 3
    );
    assert_eq!(app.count("missing_path_referrers").await, MAX_REFERRERS);
}
engine_test!(missing_log_bounded, the_missing_log_is_bounded);
