//! Comments, following, reports and moderation, contacting an author, and
//! notification choices.

use crate::common;

use axum::http::StatusCode;
use common::{Client, TestApp, open_collect_step};
use participe::storage::{comments, outbox};
use participe_domain::Role;

async fn setup(app: &TestApp) -> (Client, i64) {
    let mut pm = app.logged_in(Role::ProjectManager).await;
    let (slug, step) = open_collect_step(app, &mut pm, "Communauté").await;
    app.user("porteuse@example.org", Role::Participant).await;
    let mut author = app.client();
    author.login("porteuse@example.org", common::PASSWORD).await;
    let res = author
        .post_multipart(
            &format!("/projects/{slug}/steps/{step}/proposals/new"),
            &[
                ("action", "submit"),
                ("title", "Boîte à livres"),
                ("summary", "Une boîte"),
                ("description", "Sur la place"),
            ],
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let id = res.location().trim_start_matches("/proposals/").parse().unwrap();
    (author, id)
}

async fn comments_and_replies(app: &TestApp) {
    let (mut author, id) = setup(app).await;
    let mut c = app.logged_in(Role::Participant).await;
    let res = c.post(&format!("/proposals/{id}/comments"), &[("body", "   ")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("body").is_empty());
    let res = c
        .post(&format!("/proposals/{id}/comments"), &[("body", &"x".repeat(5001))])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains(&"x".repeat(5001)), "typed text is kept");
    assert_eq!(app.count("comments").await, 0);

    assert_eq!(
        c.post(
            &format!("/proposals/{id}/comments"),
            &[("body", "J'adore <script>x</script>")]
        )
        .await
        .status,
        StatusCode::SEE_OTHER
    );
    let first = comments::of_proposal(app.db(), id).await.unwrap()[0].id;
    author
        .post(
            &format!("/proposals/{id}/comments"),
            &[("body", "Merci !"), ("parent_id", &first.to_string())],
        )
        .await;
    let reply = comments::of_proposal(app.db(), id).await.unwrap()[1].id;
    // Answering a reply answers its thread: one level only.
    c.post(
        &format!("/proposals/{id}/comments"),
        &[("body", "De rien"), ("parent_id", &reply.to_string())],
    )
    .await;
    let all = comments::of_proposal(app.db(), id).await.unwrap();
    assert_eq!(all[2].parent_id, Some(first));
    let page = app.client().get(&format!("/proposals/{id}")).await;
    assert_eq!(page.texts(".thread > .comment").len(), 1);
    assert_eq!(page.texts(".replies .comment").len(), 2);
    assert!(!page.body.contains("<script>x"), "comment text is escaped");
    assert!(page.text("#comments-title").contains("3 commentaires"));

    // Only the author edits or deletes a comment.
    assert_eq!(
        author
            .post(&format!("/comments/{first}"), &[("body", "piraté")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        c.post(&format!("/comments/{first}"), &[("body", "J'adore vraiment")])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        c.post(&format!("/comments/{first}/delete"), &[]).await.status,
        StatusCode::SEE_OTHER
    );
    let page = app.client().get(&format!("/proposals/{id}")).await;
    assert!(page.text(&format!("#comment-{first}")).contains("supprimé"));
    assert!(page.text("#comments-title").contains("2 commentaires"));

    // The author was told about the comments, not about their own reply.
    let to_author = outbox::list(app.db(), 50, 0)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.to_address == "porteuse@example.org")
        .count();
    assert_eq!(to_author, 2);
}
engine_test!(comments_thread, comments_and_replies);

async fn reports_and_moderation(app: &TestApp) {
    let (_author, id) = setup(app).await;
    let mut c = app.logged_in(Role::Participant).await;
    c.post(&format!("/proposals/{id}/comments"), &[("body", "Contenu insultant")])
        .await;
    let comment = comments::of_proposal(app.db(), id).await.unwrap()[0].id;
    let res = c
        .post(
            &format!("/comments/{comment}/report"),
            &[("reason", "other"), ("details", "")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "'other' needs details");
    assert!(!res.field_error(&format!("report-comment-{comment}-details")).is_empty());
    assert_eq!(
        c.post(&format!("/comments/{comment}/report"), &[("reason", "offensive")])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        c.post(&format!("/proposals/{id}/report"), &[("reason", "spam")])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.client()
            .post(&format!("/proposals/{id}/report"), &[("reason", "spam")])
            .await
            .status,
        StatusCode::SEE_OTHER,
        "anonymous: log in first"
    );
    assert_eq!(app.count("reports").await, 2);

    let mut participant = app.logged_in(Role::Participant).await;
    assert_eq!(participant.get("/admin/moderation").await.status, StatusCode::FORBIDDEN);
    let res = participant
        .post(
            &format!("/admin/moderation/comment/{comment}/hide"),
            &[("reason", "Insulte")],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    let mut moderator = app.logged_in(Role::Moderator).await;
    let queue = moderator.get("/admin/moderation").await;
    assert_eq!(queue.texts(".report-item").len(), 2);
    let res = moderator
        .post(&format!("/admin/moderation/comment/{comment}/hide"), &[("reason", "")])
        .await;
    assert_eq!(
        res.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a public reason is required"
    );
    let res = moderator
        .post(
            &format!("/admin/moderation/comment/{comment}/hide"),
            &[("reason", "Propos injurieux")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let page = app.client().get(&format!("/proposals/{id}")).await;
    assert!(
        page.text(&format!("#comment-{comment}"))
            .contains("Masqué par la modération : Propos injurieux")
    );
    assert!(!page.body.contains("Contenu insultant"));
    assert_eq!(
        moderator.get("/admin/moderation").await.texts(".report-item").len(),
        1,
        "its report is closed"
    );

    moderator
        .post(
            &format!("/admin/moderation/proposal/{id}/hide"),
            &[("reason", "Doublon publicitaire")],
        )
        .await;
    let page = app.client().get(&format!("/proposals/{id}")).await;
    assert!(page.text("h1").contains("Proposition masquée"));
    assert!(!page.body.contains("Sur la place"));

    // The public log says what and why, never who.
    let log = app.client().get("/moderation").await;
    assert!(log.text("tbody").contains("Propos injurieux"));
    assert!(log.text("tbody").contains("Doublon publicitaire"));
    assert!(!log.body.contains("moderator-"), "no moderator identity");
    moderator
        .post(&format!("/admin/moderation/proposal/{id}/restore"), &[("reason", "")])
        .await;
    assert!(
        app.client()
            .get(&format!("/proposals/{id}"))
            .await
            .body
            .contains("Sur la place")
    );
    assert!(app.client().get("/moderation").await.text("tbody").contains("Rétabli"));
}
engine_test!(moderation, reports_and_moderation);

async fn contact_the_author(app: &TestApp) {
    let (_author, id) = setup(app).await;
    let mut c = app.logged_in(Role::Participant).await;
    let form = c.get(&format!("/proposals/{id}/contact")).await;
    assert_eq!(form.status, StatusCode::OK);
    let nonce = form
        .html()
        .select(&scraper::Selector::parse("input[name=pow_nonce]").unwrap())
        .next()
        .unwrap()
        .value()
        .attr("value")
        .unwrap()
        .to_string();
    assert!(form.has("script[src='/static/pow.js']"));

    // No proof of work: refused, nothing sent.
    let res = c
        .post(
            &format!("/proposals/{id}/contact"),
            &[
                ("message", "Bonjour, je peux aider."),
                ("pow_nonce", &nonce),
                ("pow_solution", "0"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("message").contains("anti-robot"));
    let before = app.count("outbox").await;

    // A bot filling the honeypot is told all is well, and nothing is sent.
    let res = c
        .post(
            &format!("/proposals/{id}/contact"),
            &[("message", "Buy now!!!!!!"), ("website", "http://spam")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(app.count("outbox").await, before);

    // Solved: relayed without either address.
    let form = c.get(&format!("/proposals/{id}/contact")).await;
    let nonce = form
        .html()
        .select(&scraper::Selector::parse("input[name=pow_nonce]").unwrap())
        .next()
        .unwrap()
        .value()
        .attr("value")
        .unwrap()
        .to_string();
    let solution = participe::security::pow_solve(&nonce, 14);
    let res = c
        .post(
            &format!("/proposals/{id}/contact"),
            &[
                ("message", "Bonjour, je peux aider."),
                ("pow_nonce", &nonce),
                ("pow_solution", &solution),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let sent = outbox::list(app.db(), 1, 0).await.unwrap().remove(0);
    assert_eq!(sent.to_address, "porteuse@example.org");
    assert!(sent.body_text.contains("je peux aider"));
    assert!(
        !sent.body_text.contains("@example.org"),
        "the sender's address is not revealed"
    );
    // A challenge serves once.
    let res = c
        .post(
            &format!("/proposals/{id}/contact"),
            &[
                ("message", "Encore moi, bonjour."),
                ("pow_nonce", &nonce),
                ("pow_solution", &solution),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
}
engine_test!(contact, contact_the_author);

async fn notification_choices(app: &TestApp) {
    let (mut author, id) = setup(app).await;
    // Comments no longer notify the author once turned off.
    let res = author
        .post(
            "/account/notifications",
            &[("notify_status", "on"), ("notify_answer", "on")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let mut c = app.logged_in(Role::Participant).await;
    c.post(&format!("/proposals/{id}/comments"), &[("body", "Premier")])
        .await;
    assert_eq!(app.count("outbox").await, 0);
    // The unsubscribe link from an email turns everything off, after a confirmation.
    author
        .post(
            "/account/notifications",
            &[
                ("notify_status", "on"),
                ("notify_answer", "on"),
                ("notify_comment", "on"),
            ],
        )
        .await;
    c.post(&format!("/proposals/{id}/comments"), &[("body", "Second")])
        .await;
    let email = outbox::list(app.db(), 1, 0).await.unwrap().remove(0);
    let link = email
        .body_text
        .split_whitespace()
        .find(|w| w.contains("/unsubscribe/"))
        .unwrap()
        .trim_start_matches("http://127.0.0.1:8080")
        .to_string();
    let mut anyone = app.client();
    assert_eq!(anyone.get(&link).await.status, StatusCode::OK);
    let uid = participe::storage::users::by_email(app.db(), "porteuse@example.org")
        .await
        .unwrap()
        .unwrap()
        .id;
    assert!(
        participe::storage::users::preferences(app.db(), uid)
            .await
            .unwrap()
            .notify_comment,
        "a GET changes nothing"
    );
    assert_eq!(anyone.post(&link, &[]).await.status, StatusCode::OK);
    let prefs = participe::storage::users::preferences(app.db(), uid).await.unwrap();
    assert!(!prefs.notify_comment && !prefs.notify_status && !prefs.notify_answer);
    assert_eq!(
        anyone.post("/unsubscribe/nonsense", &[]).await.status,
        StatusCode::NOT_FOUND
    );
}
engine_test!(notifications, notification_choices);
