//! The home page's sections over HTTP, on both engines: the sections a new
//! site starts with, an administrator building the page (adding, setting
//! up, ordering, switching off, choosing projects and pages), refused
//! settings, the header image, and newsletter sign-ups.

use crate::common;

use axum::http::StatusCode;
use common::{Client, Res, TestApp};
use participe::storage::home_sections;
use participe::storage::taxonomy::{self, Kind::District};
use participe_domain::Role;

/// The ids of the home page's section headings, in order.
fn section_ids(home: &Res) -> Vec<String> {
    home.html()
        .select(&scraper::Selector::parse("main section[aria-labelledby]").unwrap())
        .map(|s| s.value().attr("aria-labelledby").unwrap_or_default().to_string())
        .collect()
}

/// Adds a section of `kind` and returns its id.
async fn add_section(admin: &mut Client, kind: &str) -> i64 {
    let res = admin.post("/admin/home/sections", &[("kind", kind)]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    res.location()
        .trim_start_matches("/admin/home/sections/")
        .parse()
        .unwrap()
}

async fn save(admin: &mut Client, id: i64, fields: &[(&str, &str)]) -> Res {
    admin.post(&format!("/admin/home/sections/{id}"), fields).await
}

async fn project_id(app: &TestApp, slug: &str) -> i64 {
    participe::storage::projects::by_slug(app.db(), slug)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn builds_the_home_page(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let mut visitor = app.client();

    // A new site: the introduction, then open, upcoming and past projects.
    let home = visitor.get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert_eq!(
        section_ids(&home),
        ["home-intro", "home-open", "home-upcoming", "home-past"]
    );
    assert_eq!(home.texts("h1").len(), 1);
    let (open_slug, _) = common::open_collect_step(app, &mut admin, "Budget des écoles").await;
    let (other_slug, _) = common::open_collect_step(app, &mut admin, "Jardins partagés").await;

    // A free text, sanitised, with a title.
    let text = add_section(&mut admin, "text").await;
    let res = save(&mut admin, text, &[("title", "À savoir"), ("body", "")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.field_error("body").contains("obligatoire"),
        "{}",
        res.field_error("body")
    );
    let res = save(
        &mut admin,
        text,
        &[
            ("title", "À savoir"),
            ("body", "Le **vote** ouvre en mars.<script>alert(1)</script>"),
            ("enabled", "on"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let home = visitor.get("/").await;
    assert_eq!(home.text("section[aria-labelledby=home-text] h2"), "À savoir");
    assert_eq!(home.text("section[aria-labelledby=home-text] strong"), "vote");
    assert!(!home.body.contains("<script>alert"));

    // Chosen projects, in the administrator's order; a number out of range
    // and a missing project are refused with their reason.
    let chosen = add_section(&mut admin, "projects").await;
    let res = save(
        &mut admin,
        chosen,
        &[("mode", "chosen"), ("count", "0"), ("enabled", "on")],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.field_error("count").contains("de 1 à 48"),
        "{}",
        res.field_error("count")
    );
    assert_eq!(res.attr("#f-count", "value"), "0");
    let res = save(
        &mut admin,
        chosen,
        &[
            ("title", "Coups de cœur"),
            ("mode", "chosen"),
            ("count", "6"),
            ("enabled", "on"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let items = format!("/admin/home/sections/{chosen}/items");
    for slug in [&other_slug, &open_slug] {
        let id = project_id(app, slug).await.to_string();
        let res = admin.post(&items, &[("target", "project"), ("project", &id)]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    }
    let res = admin
        .post(&items, &[("target", "project"), ("project", "999999")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = admin.post(&items, &[("target", "page"), ("page", "1")]).await;
    assert_eq!(
        res.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a projects section takes no page"
    );
    let chosen_titles = |r: &Res| r.texts("section[aria-labelledby=home-chosen] .card h3");
    assert_eq!(
        chosen_titles(&visitor.get("/").await),
        ["Jardins partagés", "Budget des écoles"]
    );
    let first = home_sections::items(app.db()).await.unwrap()[0].id;
    let res = admin
        .post(&format!("/admin/home-items/{first}/move"), &[("direction", "down")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(
        chosen_titles(&visitor.get("/").await),
        ["Budget des écoles", "Jardins partagés"]
    );

    // A carousel of a project and a published page.
    let highlights = add_section(&mut admin, "highlights").await;
    let page = participe::storage::site_pages::by_slug(app.db(), "mentions-legales")
        .await
        .unwrap()
        .unwrap();
    let res = admin
        .post(
            &format!("/admin/pages/{}", page.id),
            &[
                ("title", "Mentions légales"),
                ("slug", "mentions-legales"),
                ("published", "on"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let open_id = project_id(app, &open_slug).await.to_string();
    let page_id = page.id.to_string();
    for (target, project, page) in [("project", open_id.as_str(), ""), ("page", "", page_id.as_str())] {
        let res = admin
            .post(
                &format!("/admin/home/sections/{highlights}/items"),
                &[("target", target), ("project", project), ("page", page)],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    }
    let home = visitor.get("/").await;
    assert_eq!(
        home.texts("#home-highlights-track li h3 a"),
        ["Budget des écoles", "Mentions légales"]
    );
    assert_eq!(
        home.attr("#home-highlights-track li:nth-child(2) h3 a", "href"),
        "/pages/mentions-legales"
    );
    assert_eq!(home.attr("#home-highlights-track", "tabindex"), "0");

    // Figures, the latest proposals, and projects by district (a district
    // without public projects left out).
    add_section(&mut admin, "figures").await;
    add_section(&mut admin, "proposals").await;
    add_section(&mut admin, "map").await;
    let north = taxonomy::create(app.db(), District, "Nord").await.unwrap();
    taxonomy::create(app.db(), District, "Sud").await.unwrap();
    taxonomy::set_for_project(app.db(), District, project_id(app, &other_slug).await, &[north])
        .await
        .unwrap();
    let home = visitor.get("/").await;
    assert_eq!(home.texts("section[aria-labelledby=home-map] h3"), ["Nord"]);
    assert_eq!(
        home.texts("section[aria-labelledby=home-map] h3 + ul a"),
        ["Jardins partagés"]
    );
    let figures = home.texts("section[aria-labelledby=home-figures] li");
    assert!(figures[0].starts_with("2 projets"), "{figures:?}");
    assert_eq!(
        home.text("section[aria-labelledby=home-proposals] .empty"),
        "Aucune proposition publiée pour le moment."
    );

    // Ordered: the text first; the past projects switched off; the upcoming
    // ones deleted. The introduction is no longer first: the h1 stays.
    for _ in 0..4 {
        admin
            .post(&format!("/admin/home/sections/{text}/move"), &[("direction", "up")])
            .await;
    }
    let sections = home_sections::all(app.db()).await.unwrap();
    let id_of = |mode: &str| {
        sections
            .iter()
            .find(|s| s.kind == "projects" && s.mode == mode)
            .unwrap()
            .id
    };
    let res = admin
        .post(&format!("/admin/home/sections/{}/toggle", id_of("past")), &[])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let res = admin
        .post(&format!("/admin/home/sections/{}/delete", id_of("upcoming")), &[])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let home = visitor.get("/").await;
    assert_eq!(
        section_ids(&home),
        [
            "home-text",
            "home-intro",
            "home-open",
            "home-chosen",
            "home-highlights",
            "home-figures",
            "home-proposals",
            "home-map"
        ]
    );
    assert_eq!(home.texts("h1").len(), 1);
    assert_eq!(home.text("h1"), home.text("h2#home-intro"));
    let list = admin.get("/admin/home").await;
    assert!(list.text(".switched-off").contains("éteinte"));

    // Only administrators build the home page.
    let mut manager = app.logged_in(Role::ProjectManager).await;
    assert_eq!(manager.get("/admin/home").await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        save(&mut manager, text, &[("body", "Piraté")]).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        manager
            .post(&format!("/admin/home/sections/{text}/delete"), &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        admin.get("/admin/home/sections/999999").await.status,
        StatusCode::NOT_FOUND
    );
    let res = admin.post("/admin/home/sections", &[("kind", "carrousel")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
}
engine_test!(sections, builds_the_home_page);

async fn restricted_projects_stay_hidden(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let res = admin
        .post(
            "/admin/projects/new",
            &[("title", "Projet des agents"), ("visibility", "restricted")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let id = project_id(app, "projet-des-agents").await;
    for kind in ["highlights", "projects"] {
        let section = add_section(&mut admin, kind).await;
        save(
            &mut admin,
            section,
            &[("mode", "chosen"), ("count", "6"), ("enabled", "on")],
        )
        .await;
        let res = admin
            .post(
                &format!("/admin/home/sections/{section}/items"),
                &[("target", "project"), ("project", &id.to_string())],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    }
    let home = app.client().get("/").await;
    assert!(!home.body.contains("Projet des agents"));
    let member = app.logged_in(Role::Participant).await.get("/").await;
    assert!(member.text("#home-highlights-track").contains("Projet des agents"));
    assert!(
        member
            .text("section[aria-labelledby=home-chosen]")
            .contains("Projet des agents")
    );
}
engine_test!(restricted, restricted_projects_stay_hidden);

async fn header_image(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let res = admin
        .upload("/admin/settings/images/header", "image", "x.png", b"not an image")
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.text("#f-image-header-error").is_empty());
    assert!(!app.client().get("/").await.has("img.hero-image"));
    let res = admin
        .upload("/admin/settings/images/header", "image", "x.png", common::PNG)
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let home = app.client().get("/").await;
    assert!(home.has("section.hero.with-image"));
    let src = home.attr("img.hero-image", "src");
    assert!(src.starts_with("/uploads/"), "{src}");
    // Decorative: the text says it all.
    assert_eq!(home.attr("img.hero-image", "alt"), "");
    assert_eq!(app.client().get(&src).await.status, StatusCode::OK);

    // Removed: the home page goes without, the file is gone.
    assert_eq!(
        app.logged_in(Role::ProjectManager)
            .await
            .post("/admin/settings/images/header/delete", &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let res = admin.post("/admin/settings/images/header/delete", &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(!app.client().get("/").await.has("img.hero-image"));
    assert_eq!(app.client().get(&src).await.status, StatusCode::NOT_FOUND);
    assert!(
        !admin
            .get("/admin/settings")
            .await
            .has("form[action='/admin/settings/images/header/delete']")
    );
}
engine_test!(header, header_image);

async fn newsletter_sign_up(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let section = add_section(&mut admin, "newsletter").await;
    let home = app.client().get("/").await;
    assert_eq!(
        home.attr(".newsletter form", "action"),
        "/newsletter",
        "section {section}"
    );

    let mut visitor = app.client();
    let res = visitor.post("/newsletter", &[("email", "pas-une-adresse")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("email").is_empty());
    assert_eq!(res.attr("#f-email", "value"), "pas-une-adresse");
    // A bot filling the hidden field is answered as anyone, and nothing is sent.
    let res = visitor
        .post("/newsletter", &[("email", "bot@example.org"), ("website", "x")])
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(app.count("newsletter_subscribers").await, 0);

    let res = visitor.post("/newsletter", &[("email", "Lea@Example.org")]).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.text("[role=status]").contains("lien de confirmation"));
    let email = common::last_email_to(app, "lea@example.org").await;
    assert!(email.subject.contains("Confirmez"), "{}", email.subject);
    let confirm = common::link_path(&email.body_text);
    assert!(confirm.starts_with("/newsletter/confirm/"), "{confirm}");
    // Not confirmed yet: not in the export.
    let csv = admin.get("/admin/newsletter.csv").await;
    assert!(!csv.body.contains("lea@example.org"));
    assert!(admin.get("/admin/newsletter").await.text("main").contains("en attente"));

    let res = visitor.get(&confirm).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.text("main").contains("C’est fait"));
    let csv = admin.get("/admin/newsletter.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.contains("lea@example.org;fr;"), "{}", csv.body);
    // Signing up again says the same and sends nothing more.
    let before = app.count("outbox").await;
    let res = visitor.post("/newsletter", &[("email", "lea@example.org")]).await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(app.count("outbox").await, before);
    assert_eq!(
        app.client().get("/newsletter/confirm/nope").await.status,
        StatusCode::GONE
    );

    // Leaving: asked first, then the address is erased.
    let leave = confirm.replace("/confirm/", "/leave/");
    assert!(
        visitor
            .get(&leave)
            .await
            .has("form[action^='/newsletter/leave/'] button")
    );
    let res = visitor.post(&leave, &[]).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.text("main").contains("effacée"));
    assert_eq!(app.count("newsletter_subscribers").await, 0);

    // Only administrators see who signed up.
    let mut manager = app.logged_in(Role::ProjectManager).await;
    assert_eq!(manager.get("/admin/newsletter").await.status, StatusCode::FORBIDDEN);
    assert_eq!(manager.get("/admin/newsletter.csv").await.status, StatusCode::FORBIDDEN);
}
engine_test!(newsletter, newsletter_sign_up);
