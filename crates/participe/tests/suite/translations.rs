//! Translated content over HTTP, on both engines: staff translate projects,
//! steps, pages, menu entries, news posts, events, themes and districts;
//! English readers (a `/en/…` address, then their cookie, or the language
//! switch) get the English text, and the French one, marked as French,
//! where there is none; `hreflang` links name both addresses of every page.

use crate::common;

use axum::http::StatusCode;
use common::{Client, TestApp};
use participe::storage::{menus, taxonomy};
use participe_domain::Role;

async fn translate(admin: &mut Client, kind: &str, id: i64, fields: &[(&str, &str)]) -> common::Res {
    let mut all = vec![("lang", "en")];
    all.extend_from_slice(fields);
    admin.post(&format!("/admin/translations/{kind}/{id}"), &all).await
}

async fn translated_content(app: &TestApp) {
    let mut manager = app.logged_in(Role::ProjectManager).await;
    let mut admin = app.logged_in(Role::Administrator).await;
    let (slug, step) = common::open_collect_step(app, &mut manager, "Budget des écoles").await;
    let project = participe::storage::projects::by_slug(app.db(), &slug)
        .await
        .unwrap()
        .unwrap()
        .id;
    let theme = taxonomy::create(app.db(), taxonomy::Kind::Theme, "Éducation")
        .await
        .unwrap();
    let district = taxonomy::create(app.db(), taxonomy::Kind::District, "Centre-ville")
        .await
        .unwrap();
    let res = manager
        .post(
            &format!("/admin/projects/{project}"),
            &[
                ("title", "Budget des écoles"),
                ("slug", &slug),
                ("summary", "Des cours d’école plus vertes."),
                ("description", "Les élèves proposent, la ville réalise."),
                ("visibility", "public"),
                ("themes", &theme.to_string()),
                ("districts", &district.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);

    // The form shows the French text beside each field.
    let form = manager.get(&format!("/admin/translations/project/{project}")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.texts(".original-text")
            .contains(&"Des cours d’école plus vertes.".to_string())
    );
    assert_eq!(form.attr(".original-text", "lang"), "fr");

    // Refused: a title over 200 characters, a line break in a title; nothing stored.
    let long = "x".repeat(201);
    let res = translate(&mut manager, "project", project, &[("title", &long)]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.field_error("en-title").contains("long"),
        "{}",
        res.field_error("en-title")
    );
    assert_eq!(res.attr("#f-en-title", "value"), long, "what was typed is kept");
    let res = translate(&mut manager, "project", project, &[("title", "Two\nlines")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("project_translations").await, 0);
    // French is the text typed in the project's own form, not a translation.
    let res = manager
        .post(
            &format!("/admin/translations/project/{project}"),
            &[("lang", "fr"), ("title", "Autre")],
        )
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        manager.get("/admin/translations/user/1").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        manager.get("/admin/translations/project/999999").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        translate(&mut manager, "project", 999_999, &[("title", "Ghost")])
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // The title only: the summary and description stay French, and say so.
    let res = translate(&mut manager, "project", project, &[("title", "  Schools budget ")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(app.count("project_translations").await, 1);
    let mut reader = app.client();
    let page = reader.get(&format!("/en/projects/{slug}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.attr("html", "lang"), "en");
    assert_eq!(page.text("h1"), "Schools budget");
    assert_eq!(page.attr("h1", "lang"), "", "translated: the page's language");
    assert_eq!(page.text(".lead"), "Des cours d’école plus vertes.");
    assert_eq!(page.attr(".lead", "lang"), "fr");
    assert!(page.text(".translation-note").contains("shown in French"));
    assert_eq!(page.attr(".richtext", "lang"), "fr");
    // Every page names its addresses in each language.
    let public = app.state.config.public_url.trim_end_matches('/').to_string();
    assert_eq!(
        page.attr("link[hreflang=en]", "href"),
        format!("{public}/en/projects/{slug}")
    );
    assert_eq!(
        page.attr("link[hreflang=fr]", "href"),
        format!("{public}/fr/projects/{slug}")
    );
    assert_eq!(
        page.attr("link[hreflang=x-default]", "href"),
        format!("{public}/projects/{slug}")
    );
    // The prefix set the language of the next pages, whose links have none.
    let home = reader.get("/").await;
    assert_eq!(home.attr("html", "lang"), "en");
    assert!(
        home.texts(".card h3").contains(&"Schools budget".to_string()),
        "{:?}",
        home.texts(".card h3")
    );
    // `/fr/…` is French whatever the cookie says.
    let page = reader.get(&format!("/fr/projects/{slug}")).await;
    assert_eq!(page.text("h1"), "Budget des écoles");
    assert!(!page.has(".translation-note"));
    // A French visitor without cookie: French, from the same page cache.
    let mut french = app.client();
    assert_eq!(
        french.get(&format!("/projects/{slug}")).await.text("h1"),
        "Budget des écoles"
    );
    assert_eq!(french.get("/").await.attr("html", "lang"), "fr");

    // Everything translated: no note left; an emptied field falls back again.
    let res = translate(
        &mut manager,
        "project",
        project,
        &[
            ("title", "Schools budget"),
            ("summary", "Greener schoolyards."),
            ("description", "Pupils propose, the city builds."),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let mut english = app.client();
    let page = english.get(&format!("/en/projects/{slug}")).await;
    assert_eq!(page.text(".lead"), "Greener schoolyards.");
    assert_eq!(page.text(".richtext"), "Pupils propose, the city builds.");
    assert!(!page.has(".translation-note"));
    let res = translate(
        &mut manager,
        "project",
        project,
        &[("title", "Schools budget"), ("summary", "")],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let page = english.get(&format!("/en/projects/{slug}")).await;
    assert_eq!(page.text(".lead"), "Des cours d’école plus vertes.");
    assert_eq!(page.text(".richtext"), "Les élèves proposent, la ville réalise.");

    // Steps, themes and districts.
    translate(
        &mut manager,
        "step",
        step,
        &[("title", "Submissions"), ("body", "Send your ideas.")],
    )
    .await;
    assert_eq!(
        translate(&mut manager, "theme", theme, &[("name", "Education")])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    translate(&mut manager, "district", district, &[("name", "Town centre")]).await;
    let page = english.get(&format!("/en/projects/{slug}")).await;
    let tags = page.texts(".tag");
    assert!(
        tags.contains(&"Education".to_string()) && tags.contains(&"Town centre".to_string()),
        "{tags:?}"
    );
    assert!(page.body.contains("Submissions"), "the timeline's step");
    let step_page = english.get(&format!("/en/projects/{slug}/steps/{step}")).await;
    assert_eq!(step_page.text("h1"), "Submissions");
    assert!(step_page.text(".richtext").contains("Send your ideas."));
    assert!(!step_page.has(".translation-note"));
    // Pages and menu entries: site managers only.
    let pages = participe::storage::site_pages::list(app.db()).await.unwrap();
    let legal = pages.iter().find(|p| p.kind == "legal").unwrap();
    assert_eq!(
        translate(&mut manager, "page", legal.id, &[("title", "Legal notice")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let res = admin
        .post(
            &format!("/admin/pages/{}", legal.id),
            &[
                ("title", "Mentions légales"),
                ("slug", &legal.slug),
                ("body", "Éditeur : la ville."),
                ("published", "on"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    translate(&mut admin, "page", legal.id, &[("title", "Legal notice")]).await;
    let res = admin
        .post(
            "/admin/menus/footer",
            &[("label", "Mentions"), ("kind", "page"), ("page", &legal.id.to_string())],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let entry = menus::all(app.db()).await.unwrap().pop().unwrap().id;
    translate(&mut admin, "menu-item", entry, &[("label", "Legal")]).await;
    let page = english.get(&format!("/en/pages/{}", legal.slug)).await;
    assert_eq!(page.text("h1"), "Legal notice");
    assert_eq!(page.attr(".richtext", "lang"), "fr");
    assert!(page.texts(".footer-links a").contains(&"Legal".to_string()));
    let page = french.get(&format!("/pages/{}", legal.slug)).await;
    assert_eq!(page.text("h1"), "Mentions légales");
    assert!(page.texts(".footer-links a").contains(&"Mentions".to_string()));

    // News posts and events, on their pages, their lists and the project's page.
    let res = manager
        .post(
            "/admin/posts/new",
            &[
                ("title", "Les écoles votent"),
                ("summary", "Résultats bientôt."),
                ("published_at", "2020-01-01T10:00"),
                ("projects", &project.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let post: i64 = res.location().trim_start_matches("/admin/posts/").parse().unwrap();
    translate(&mut manager, "news-post", post, &[("title", "Schools vote")]).await;
    let page = english.get(&format!("/en/news/{post}")).await;
    assert_eq!(page.text("h1"), "Schools vote");
    assert_eq!(page.attr(".lead", "lang"), "fr");
    // Its card: the translated title unmarked, the French summary marked.
    let list = english.get("/news").await;
    assert_eq!(list.text(".news-card h3"), "Schools vote");
    assert_eq!(list.attr(".news-card h3", "lang"), "");
    assert_eq!(list.attr(".news-card .summary", "lang"), "fr");
    assert_eq!(french.get("/news").await.attr(".news-card .summary", "lang"), "");
    let start = (chrono::Utc::now() + chrono::Duration::days(3))
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let end = (chrono::Utc::now() + chrono::Duration::days(3) + chrono::Duration::hours(2))
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let res = manager
        .post(
            "/admin/events/new",
            &[
                ("title", "Atelier des écoles"),
                ("description", "Venez dessiner la cour."),
                ("starts_at", &start),
                ("ends_at", &end),
                ("projects", &project.to_string()),
                ("published", "on"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let event: i64 = res.location().trim_start_matches("/admin/events/").parse().unwrap();
    // Untranslated, its card says its title is French.
    assert_eq!(english.get("/events").await.attr(".event-card h3", "lang"), "fr");
    translate(&mut manager, "event", event, &[("title", "Schools workshop")]).await;
    assert_eq!(english.get("/events").await.attr(".event-card h3", "lang"), "");
    let page = english.get(&format!("/en/events/{event}")).await;
    assert_eq!(page.text("h1"), "Schools workshop");
    assert!(page.text(".translation-note").contains("French"));
    assert!(page.body.contains("Schools budget"), "the linked project's title");
    assert!(english.get("/events").await.body.contains("Schools workshop"));
    let page = english.get(&format!("/projects/{slug}")).await;
    assert!(page.body.contains("Schools workshop") && page.body.contains("Schools vote"));
    let page = french.get(&format!("/projects/{slug}")).await;
    assert!(page.body.contains("Atelier des écoles") && page.body.contains("Les écoles votent"));

    // The language switch selects it too.
    let mut switcher = app.client();
    let res = switcher.get(&format!("/lang/en?next=/events/{event}")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(
        switcher.get(&format!("/events/{event}")).await.text("h1"),
        "Schools workshop"
    );

    // An old site's `/fr/…` address may still be redirected.
    let res = admin
        .post(
            "/admin/redirections",
            &[("source", "/fr/actualites"), ("target", "/news"), ("kind", "301")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let res = app.client().get("/fr/actualites").await;
    assert_eq!(res.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(res.location(), "/news");

    // Readers cannot translate; translations go with their item.
    let mut reader = app.logged_in(Role::Participant).await;
    assert_eq!(
        translate(&mut reader, "project", project, &[("title", "Hacked")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        reader
            .get(&format!("/admin/translations/project/{project}"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let res = manager.post(&format!("/admin/projects/{project}/delete"), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(app.count("project_translations").await, 0);
    assert_eq!(app.count("step_translations").await, 0);
    assert_eq!(app.count("theme_translations").await, 1);
}
engine_test!(translations, translated_content);
