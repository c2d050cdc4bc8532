//! News posts over HTTP, on both engines: drafts and scheduled posts kept
//! from visitors, what a post is about (projects, themes, proposals), the
//! post on its project's page and on the home page, comments on and off,
//! and a comment hidden by a moderator.

use crate::common;

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use common::{Client, Res, TestApp};
use participe::storage::{news, taxonomy};
use participe_domain::Role;

fn local(at: chrono::DateTime<Utc>, app: &TestApp) -> String {
    at.with_timezone(&app.state.config.timezone)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

fn refs<'a>(fields: &'a [(&'a str, String)]) -> Vec<(&'a str, &'a str)> {
    fields.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

async fn save(admin: &mut Client, path: &str, fields: &[(&str, &str)]) -> Res {
    admin.post(path, fields).await
}

async fn posts_and_comments(app: &TestApp) {
    let mut admin = app.logged_in(Role::ProjectManager).await;
    let mut visitor = app.client();
    let (slug, _) = common::open_collect_step(app, &mut admin, "Budget des écoles").await;
    let project = participe::storage::projects::by_slug(app.db(), &slug)
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string();
    let theme = taxonomy::create(app.db(), taxonomy::Kind::Theme, "Éducation")
        .await
        .unwrap()
        .to_string();

    // Refused: no title, a summary on two lines, a proposal that does not exist.
    let res = save(&mut admin, "/admin/posts/new", &[("title", ""), ("summary", "a\nb")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("title").is_empty());
    assert!(res.field_error("summary").contains("une ligne"));
    let res = save(
        &mut admin,
        "/admin/posts/new",
        &[("title", "Lauréats"), ("proposals", "999999")],
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.field_error("proposals").contains("n’existe pas"),
        "{}",
        res.field_error("proposals")
    );
    assert_eq!(app.count("news_posts").await, 0);

    // A draft: staff only.
    let res = save(
        &mut admin,
        "/admin/posts/new",
        &[
            ("title", "Les écoles choisissent"),
            ("summary", "Trois cours d’école rénovées."),
            ("body", "Le **vote** est clos.<script>x()</script>"),
            ("projects", &project),
            ("themes", &theme),
            ("comments", "on"),
        ],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let id: i64 = res.location().trim_start_matches("/admin/posts/").parse().unwrap();
    let path = format!("/news/{id}");
    assert_eq!(visitor.get(&path).await.status, StatusCode::NOT_FOUND);
    assert!(admin.get(&path).await.text(".notice").contains("brouillon"));
    assert!(visitor.get("/news").await.has(".empty"));

    // Scheduled for tomorrow: still hidden; published an hour ago: shown.
    let fields = |when: &str| {
        vec![
            ("title", "Les écoles choisissent".to_string()),
            ("summary", "Trois cours d’école rénovées.".to_string()),
            ("body", "Le **vote** est clos.<script>x()</script>".to_string()),
            ("projects", project.clone()),
            ("themes", theme.clone()),
            ("comments", "on".to_string()),
            ("published_at", when.to_string()),
        ]
    };
    let tomorrow = fields(&local(Utc::now() + Duration::days(1), app));
    let res = save(&mut admin, &format!("/admin/posts/{id}"), &refs(&tomorrow)).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(visitor.get(&path).await.status, StatusCode::NOT_FOUND);
    let earlier = fields(&local(Utc::now() - Duration::hours(1), app));
    let res = save(&mut admin, &format!("/admin/posts/{id}"), &refs(&earlier)).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);

    let page = visitor.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.text("h1"), "Les écoles choisissent");
    assert_eq!(page.text(".rich strong"), "vote");
    assert!(!page.body.contains("<script>x()"));
    assert_eq!(page.texts(".tags a.tag"), ["Budget des écoles"]);
    assert!(page.texts(".tags span.tag").contains(&"Éducation".to_string()));
    assert_eq!(
        visitor.get("/news").await.texts(".news-card h3 a"),
        ["Les écoles choisissent"]
    );
    assert_eq!(
        visitor.get(&format!("/projects/{slug}")).await.texts(".news-card h3 a"),
        ["Les écoles choisissent"]
    );
    // The home page belongs to administrators.
    let res = admin.post("/admin/home/sections", &[("kind", "news")]).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let mut boss = app.logged_in(Role::Administrator).await;
    let res = boss.post("/admin/home/sections", &[("kind", "news")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(
        visitor
            .get("/")
            .await
            .texts("section[aria-labelledby=home-news] .news-card h3 a"),
        ["Les écoles choisissent"]
    );

    // Comments: visitors are asked to log in; an empty one is refused.
    assert_eq!(page.attr("#comments a", "href"), format!("/login?next=/news/{id}"));
    let mut reader = app.logged_in(Role::Participant).await;
    let res = reader.post(&format!("{path}/comments"), &[("body", "  ")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = reader.post(&format!("{path}/comments"), &[("body", "Enfin !")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let res = reader
        .post(&format!("{path}/comments"), &[("body", "Achetez mes montres")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(
        visitor.get(&path).await.texts(".comment-body"),
        ["Enfin !", "Achetez mes montres"]
    );

    // A moderator hides the spam, with the reason shown in its place.
    let spam = news::comments(app.db(), id).await.unwrap()[1].id;
    let res = reader
        .post(&format!("/news-comments/{spam}/hide"), &[("reason", "Publicité")])
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let mut moderator = app.logged_in(Role::Moderator).await;
    let res = moderator
        .post(&format!("/news-comments/{spam}/hide"), &[("reason", "Publicité")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let page = visitor.get(&path).await;
    assert_eq!(page.texts(".comment-body"), ["Enfin !"]);
    assert!(page.text(".moderated").contains("Publicité"));

    // Comments closed: the form goes, a comment sent anyway is refused.
    let mut closed = earlier.clone();
    closed.retain(|(k, _)| *k != "comments");
    save(&mut admin, &format!("/admin/posts/{id}"), &refs(&closed)).await;
    assert!(!reader.get(&path).await.has("#comments"));
    let res = reader
        .post(&format!("{path}/comments"), &[("body", "Encore moi")])
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);

    // Only staff write posts.
    assert_eq!(reader.get("/admin/posts").await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        reader.post(&format!("/admin/posts/{id}/delete"), &[]).await.status,
        StatusCode::FORBIDDEN
    );
    let res = admin.post(&format!("/admin/posts/{id}/delete"), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(app.count("news_comments").await, 0);
}
engine_test!(news_posts, posts_and_comments);
