//! Realisation follow-up of winning proposals: staff set the status and
//! progress, add dated milestones and news with photos; the proposal page
//! and the project's winners page show them; the author and followers get
//! the emails; bad input changes nothing.

use crate::common;

use axum::http::StatusCode;
use common::{Client, PNG, TestApp, open_collect_step};
use participe::storage::{outbox, realisations};
use participe_domain::Role;

/// Deposits a proposal through the site; returns its id.
async fn deposit(c: &mut Client, slug: &str, step: i64, title: &str, district: &str) -> i64 {
    let res = c
        .post_multipart(
            &format!("/projects/{slug}/steps/{step}/proposals/new"),
            &[
                ("action", "submit"),
                ("title", title),
                ("summary", "Résumé"),
                ("description", "Détails"),
                ("district", district),
            ],
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    res.location().trim_start_matches("/proposals/").parse().unwrap()
}

/// Subjects and bodies of the emails sent to `to`.
async fn emails_to(app: &TestApp, to: &str) -> Vec<String> {
    outbox::list(app.db(), 1000, 0)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.to_address == to)
        .map(|e| format!("{}\n{}", e.subject, e.body_text))
        .collect()
}

async fn set_cost(app: &TestApp, id: i64, cost: i64) {
    participe::on_db!(app.db(), |p| sqlx::query(
        "UPDATE proposals SET cost = $2 WHERE id = $1"
    )
    .bind(id)
    .bind(cost)
    .execute(p)
    .await
    .map(|_| ()))
    .unwrap();
}

async fn follow_up_path(app: &TestApp) {
    let mut pm = app.logged_in(Role::ProjectManager).await;
    let (slug, step) = open_collect_step(app, &mut pm, "Budget participatif").await;
    pm.post("/admin/districts", &[("name", "Centre")]).await;
    let district = participe::storage::taxonomy::list(app.db(), participe::storage::taxonomy::Kind::District)
        .await
        .unwrap()[0]
        .id
        .to_string();
    app.user("autrice@example.org", Role::Participant).await;
    let mut author = app.client();
    author.login("autrice@example.org", common::PASSWORD).await;
    let id = deposit(&mut author, &slug, step, "Un jardin partagé", &district).await;
    let other = deposit(&mut author, &slug, step, "Une fresque murale", "").await;
    set_cost(app, id, 15000).await;
    app.user("voisin@example.org", Role::Participant).await;
    let mut follower = app.client();
    follower.login("voisin@example.org", common::PASSWORD).await;
    follower.post(&format!("/proposals/{id}/follow"), &[]).await;
    let base = format!("/admin/proposals/{id}/realisation");

    // No follow-up yet: an empty winners page, no link from the project.
    let winners = app.client().get(&format!("/projects/{slug}/winners")).await;
    assert_eq!(winners.status, StatusCode::OK);
    assert!(winners.text("main").contains("Aucun projet lauréat"));
    assert!(!winners.has("table"));
    let project = app.client().get(&format!("/projects/{slug}")).await;
    assert!(!project.has(&format!("a[href='/projects/{slug}/winners']")));
    assert!(!app.client().get(&format!("/proposals/{id}")).await.has(".realisation"));

    // Results published: the winners get a follow-up, under study (twice changes nothing).
    realisations::ensure(app.db(), &[id]).await.unwrap();
    realisations::ensure(app.db(), &[id]).await.unwrap();
    let r = realisations::get(app.db(), id).await.unwrap().unwrap();
    assert_eq!((r.status.as_str(), r.progress), ("under_study", 0));
    assert!(
        app.client()
            .get(&format!("/projects/{slug}"))
            .await
            .has(&format!("a[href='/projects/{slug}/winners']"))
    );

    // Participants are refused; the staff page links to the follow-up.
    let mut participant = app.logged_in(Role::Participant).await;
    assert_eq!(participant.get(&base).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        participant
            .post(&base, &[("status", "delivered"), ("progress", "100")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert!(
        pm.get(&format!("/admin/proposals/{id}"))
            .await
            .has(&format!("a[href='{base}']"))
    );
    let page = pm.get(&base).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.has("label[for='f-progress']") && page.has("label[for='f-status']"));

    // Bad progress: the form again with 422 and a message next to the field; nothing stored or sent.
    let sent = app.count("outbox").await;
    for (status, progress) in [
        ("in_progress", "101"),
        ("in_progress", "abc"),
        ("delivered", "90"),
        ("done", "10"),
    ] {
        let res = pm.post(&base, &[("status", status), ("progress", progress)]).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{status} {progress}");
        assert!(res.has(".error-summary"));
        let field = if status == "done" { "status" } else { "progress" };
        assert!(!res.field_error(field).is_empty(), "{status} {progress}");
        assert_eq!(
            res.html()
                .select(&scraper::Selector::parse("#f-progress").unwrap())
                .next()
                .unwrap()
                .value()
                .attr("value"),
            Some(progress),
            "what was typed is kept"
        );
    }
    let r = realisations::get(app.db(), id).await.unwrap().unwrap();
    assert_eq!((r.status.as_str(), r.progress), ("under_study", 0));
    assert_eq!(app.count("outbox").await, sent);

    // A new status is emailed to the author and the follower, not to the manager.
    let res = pm.post(&base, &[("status", "in_progress"), ("progress", "40 %")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), base);
    let r = realisations::get(app.db(), id).await.unwrap().unwrap();
    assert_eq!((r.status.as_str(), r.progress), ("in_progress", 40));
    for who in ["autrice@example.org", "voisin@example.org"] {
        let mine = emails_to(app, who).await;
        assert!(
            mine.iter()
                .any(|e| e.contains("En cours de réalisation") && e.contains("40") && e.contains("/unsubscribe/")),
            "{who}: {mine:?}"
        );
    }
    // Only the progress changes: no email.
    let sent = app.count("outbox").await;
    pm.post(&base, &[("status", "in_progress"), ("progress", "50")]).await;
    assert_eq!(realisations::get(app.db(), id).await.unwrap().unwrap().progress, 50);
    assert_eq!(app.count("outbox").await, sent);

    // Milestones.
    let res = pm
        .post(
            &format!("/admin/proposals/{id}/milestones"),
            &[("title", ""), ("due_on", "31/02/2026")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("milestone-title").is_empty());
    assert!(!res.field_error("milestone-due_on").is_empty());
    assert_eq!(app.count("realisation_milestones").await, 0);
    for (title, due, done) in [
        ("Inauguration", "2026-12-15", false),
        ("Début des travaux", "2026-09-01", true),
        ("Réunion publique", "2026-06-10", false),
    ] {
        let mut fields = vec![("title", title), ("due_on", due)];
        if done {
            fields.push(("done", "on"));
        }
        let res = pm.post(&format!("/admin/proposals/{id}/milestones"), &fields).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    }
    let ms = realisations::milestones(app.db(), id).await.unwrap();
    let titles: Vec<&str> = ms.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Réunion publique", "Début des travaux", "Inauguration"],
        "by due date"
    );
    assert!(ms[1].done && !ms[0].done);
    // Toggle, then edit (a bad date first), then delete.
    let res = pm
        .post(&format!("/admin/milestones/{}", ms[0].id), &[("toggle", "1")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(realisations::milestone(app.db(), ms[0].id).await.unwrap().unwrap().done);
    let res = pm
        .post(
            &format!("/admin/milestones/{}", ms[2].id),
            &[("title", "Inauguration officielle"), ("due_on", "demain")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error(&format!("m{}-due_on", ms[2].id)).is_empty());
    assert_eq!(
        realisations::milestone(app.db(), ms[2].id)
            .await
            .unwrap()
            .unwrap()
            .title,
        "Inauguration"
    );
    let res = pm
        .post(
            &format!("/admin/milestones/{}", ms[2].id),
            &[("title", "Inauguration officielle"), ("due_on", "2026-12-20")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let m = realisations::milestone(app.db(), ms[2].id).await.unwrap().unwrap();
    assert_eq!(
        (m.title.as_str(), m.due_on.to_string().as_str()),
        ("Inauguration officielle", "2026-12-20")
    );
    assert_eq!(
        participant
            .post(&format!("/admin/milestones/{}/delete", ms[0].id), &[])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let res = pm.post(&format!("/admin/milestones/{}/delete", ms[0].id), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(app.count("realisation_milestones").await, 2);

    // News: a photo needs a description, and must be an image; nothing is stored or sent otherwise.
    let news = format!("/admin/proposals/{id}/news");
    let sent = app.count("outbox").await;
    let res = pm
        .post_multipart(
            &news,
            &[
                ("title", "Les travaux commencent"),
                ("body", "Les engins arrivent lundi."),
                ("image_alt", ""),
            ],
            &[("image", "chantier.png", PNG)],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("news-image_alt").is_empty());
    assert_eq!(
        res.text("#f-news-body"),
        "Les engins arrivent lundi.",
        "what was typed is kept"
    );
    let res = pm
        .post_multipart(
            &news,
            &[
                ("title", "Les travaux commencent"),
                ("body", "Texte"),
                ("image_alt", "Un chantier"),
            ],
            &[("image", "chantier.png", b"<svg onload=alert(1)>")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("news-image").is_empty());
    let res = participant
        .post_multipart(&news, &[("title", "Faux"), ("body", "Faux")], &[])
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(app.count("realisation_news").await, 0);
    assert_eq!(app.count("outbox").await, sent);

    let res = pm
        .post_multipart(
            &news,
            &[
                ("title", "Les travaux commencent"),
                ("body", "Les engins arrivent **lundi**."),
                ("image_alt", "Une pelleteuse sur le terrain du futur jardin"),
            ],
            &[("image", "chantier.png", PNG)],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let res = pm
        .post_multipart(
            &news,
            &[("title", "Premières plantations"), ("body", "Les bacs sont plantés.")],
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let stored = realisations::news(app.db(), id).await.unwrap();
    assert_eq!(stored.len(), 2);
    let photo = stored[1].image_path.clone().expect("photo stored");
    assert_eq!(
        app.client().get(&format!("/uploads/{photo}")).await.status,
        StatusCode::OK
    );
    for who in ["autrice@example.org", "voisin@example.org"] {
        let mine = emails_to(app, who).await;
        assert!(
            mine.iter()
                .any(|e| e.contains("Les travaux commencent") && e.contains("/unsubscribe/")),
            "{who}: {mine:?}"
        );
    }
    assert!(
        emails_to(app, "voisin@example.org")
            .await
            .iter()
            .all(|e| !e.contains("Faux"))
    );

    // The public proposal page.
    let public = app.client().get(&format!("/proposals/{id}")).await;
    assert_eq!(public.status, StatusCode::OK);
    let section = public.text(".realisation");
    assert!(section.contains("En cours de réalisation"), "{section}");
    let html = public.html();
    let progress = html
        .select(&scraper::Selector::parse(".realisation progress").unwrap())
        .next()
        .unwrap();
    assert_eq!(progress.value().attr("value"), Some("50"));
    assert!(public.has("label[for='realisation-progress']"));
    assert!(public.text(".realisation .progress-value").contains("50"));
    let milestones = public.texts(".realisation .milestones li");
    assert_eq!(milestones.len(), 2);
    assert!(milestones[0].contains("1er septembre 2026") && milestones[0].contains("Début des travaux"));
    assert!(milestones[0].contains("Fait") && milestones[1].contains("À venir"));
    assert_eq!(
        public.texts(".realisation .news-item h4"),
        ["Premières plantations", "Les travaux commencent"],
        "newest first"
    );
    let stem = photo.split('.').next().unwrap();
    assert!(public.has(&format!(
        ".news-item img[src='/uploads/{stem}-1200.jpg'][srcset*='/uploads/{stem}-400.jpg 400w']\
         [alt='Une pelleteuse sur le terrain du futur jardin']"
    )));
    assert!(public.has(".news-item strong"), "Markdown is rendered");

    // The winners page: the followed-up proposal with its district, cost and progress.
    let winners = app.client().get(&format!("/projects/{slug}/winners")).await;
    assert_eq!(winners.status, StatusCode::OK);
    assert!(winners.has(&format!("a[href='/proposals/{id}']")));
    assert!(!winners.has(&format!("a[href='/proposals/{other}']")));
    assert_eq!(winners.text("h2"), "En cours de réalisation (1)");
    let row = winners.text("tbody tr");
    assert!(
        row.contains("Un jardin partagé") && row.contains("Centre") && row.contains("15\u{202f}000 €"),
        "{row}"
    );
    assert!(row.contains("50"), "{row}");
    // In English.
    let mut en = app.client();
    en.get("/lang/en").await;
    assert!(
        en.get(&format!("/proposals/{id}"))
            .await
            .text(".realisation")
            .contains("In progress")
    );
    assert!(
        en.get(&format!("/projects/{slug}/winners"))
            .await
            .text("h1")
            .contains("Winning projects")
    );

    // Deleting a news post removes its photo.
    assert_eq!(
        pm.post(&format!("/admin/news/{}/delete", stored[1].id), &[])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(app.count("realisation_news").await, 1);
    assert_eq!(
        app.client().get(&format!("/uploads/{photo}")).await.status,
        StatusCode::NOT_FOUND
    );

    // Delivered.
    let res = pm.post(&base, &[("status", "delivered"), ("progress", "100")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let winners = app.client().get(&format!("/projects/{slug}/winners")).await;
    assert_eq!(winners.text("h2"), "Réalisé (1)");
    assert!(
        emails_to(app, "voisin@example.org")
            .await
            .iter()
            .any(|e| e.contains("Réalisé"))
    );
}
engine_test!(follow_up_full_path, follow_up_path);

/// Milestones and news need a follow-up; proposals that are not published have none.
async fn needs_a_follow_up(app: &TestApp) {
    let mut pm = app.logged_in(Role::ProjectManager).await;
    let (slug, step) = open_collect_step(app, &mut pm, "Sans suivi").await;
    let mut a = app.logged_in(Role::Participant).await;
    let id = deposit(&mut a, &slug, step, "Des bancs", "").await;
    let res = pm
        .post(
            &format!("/admin/proposals/{id}/milestones"),
            &[("title", "Pose"), ("due_on", "2026-10-01")],
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let page = pm.get(&format!("/admin/proposals/{id}/realisation")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.has(".notice"), "says there is no follow-up yet");
    assert!(!page.has("#milestones-title"));
    // Saving a status starts the follow-up.
    let res = pm
        .post(
            &format!("/admin/proposals/{id}/realisation"),
            &[("status", "under_study"), ("progress", "0")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(realisations::get(app.db(), id).await.unwrap().is_some());
    assert_eq!(
        pm.get("/admin/proposals/999999/realisation").await.status,
        StatusCode::NOT_FOUND
    );
}
engine_test!(follow_up_needs_one, needs_a_follow_up);

/// The demo follow-up: one delivered, one in progress, one under study; twice adds nothing.
async fn demo(app: &TestApp) {
    let mut pm = app.logged_in(Role::ProjectManager).await;
    let (slug, step) = open_collect_step(app, &mut pm, "Démo").await;
    let mut a = app.logged_in(Role::Participant).await;
    let mut ids = vec![];
    for t in ["Un", "Deux", "Trois", "Quatre"] {
        ids.push(deposit(&mut a, &slug, step, t, "").await);
    }
    participe::demo_follow_up::demo_follow_up(app.db(), &ids).await.unwrap();
    let counts = (
        app.count("realisations").await,
        app.count("realisation_milestones").await,
        app.count("realisation_news").await,
    );
    participe::demo_follow_up::demo_follow_up(app.db(), &ids).await.unwrap();
    assert_eq!(
        counts,
        (
            app.count("realisations").await,
            app.count("realisation_milestones").await,
            app.count("realisation_news").await,
        )
    );
    let mut got = vec![];
    for id in &ids {
        let r = realisations::get(app.db(), *id).await.unwrap().unwrap();
        got.push((r.status, r.progress));
    }
    assert_eq!(
        got,
        [
            ("delivered".to_string(), 100),
            ("in_progress".to_string(), 60),
            ("under_study".to_string(), 0),
            ("under_study".to_string(), 0),
        ]
    );
    assert!(!realisations::news(app.db(), ids[0]).await.unwrap().is_empty());
    assert!(realisations::milestones(app.db(), ids[1]).await.unwrap().len() >= 3);
    let winners = app.client().get(&format!("/projects/{slug}/winners")).await;
    assert_eq!(winners.texts("tbody tr").len(), 4);
    assert_eq!(
        winners.texts("h2"),
        ["En cours de réalisation (1)", "À l’étude (2)", "Réalisé (1)"]
    );
}
engine_test!(follow_up_demo, demo);
