//! Debates: the for/against vote (one per person, also under concurrency),
//! arguments, closed steps, participation without an account published only
//! after the emailed link, and the widget for other sites.

use crate::common;

use axum::http::StatusCode;
use common::{Client, TestApp, open_step};
use participe::security::pow_solve;
use participe::storage::debates;
use participe_domain::Role;

/// A debate in an open step, face to face, open to anonymous participation.
async fn setup(app: &TestApp) -> (Client, i64, i64) {
    let mut pm = app.logged_in(Role::ProjectManager).await;
    let (_, step) = open_step(app, &mut pm, "Centre-ville", "debate").await;
    let res = pm
        .post(
            &format!("/admin/steps/{step}/debates"),
            &[("question", "Faut-il piétonniser le centre-ville ?")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let id: i64 = res.location().trim_start_matches("/admin/debates/").parse().unwrap();
    // Face to face needs both texts.
    let res = pm
        .post(
            &format!("/admin/debates/{id}"),
            &[
                ("question", "Faut-il piétonniser le centre-ville ?"),
                ("mode", "face_to_face"),
                ("text_for", "Plus calme."),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("text_against").is_empty());
    let res = pm
        .post(
            &format!("/admin/debates/{id}"),
            &[
                ("question", "Faut-il piétonniser le centre-ville ?"),
                ("mode", "face_to_face"),
                ("text_for", "Un centre plus calme et plus sûr."),
                ("text_against", "Les commerces perdront des clients."),
                ("anonymous_allowed", "on"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    (pm, step, id)
}

/// The press review: a link must be http(s), an image needs its text
/// alternative and must be an image; the public page and the API show it.
async fn press_articles_with_images(app: &TestApp) {
    let (mut pm, _, id) = setup(app).await;
    let path = format!("/admin/debates/{id}/articles");
    let res = pm
        .post_multipart(
            &path,
            &[
                ("title", "Le point de vue des commerçants"),
                ("url", "javascript:alert(1)"),
            ],
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("article_url").is_empty());
    let fields = [
        ("title", "Le point de vue des commerçants"),
        ("url", "https://presse.example.org/commerces"),
        ("published_on", "2026-11-02"),
        ("image_alt", ""),
    ];
    let res = pm
        .post_multipart(&path, &fields, &[("image", "une.png", common::PNG)])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("article_image_alt").is_empty());
    assert_eq!(
        res.attr("#f-article_url", "value"),
        "https://presse.example.org/commerces"
    );
    let mut fields = fields;
    fields[3] = ("image_alt", "La rue commerçante un samedi");
    let res = pm
        .post_multipart(&path, &fields, &[("image", "une.png", b"<svg onload=alert(1)>")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("article_image").is_empty());
    assert_eq!(app.count("debate_articles").await, 0);
    let res = pm
        .post_multipart(&path, &fields, &[("image", "une.png", common::PNG)])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let a = &debates::articles(app.db(), id).await.unwrap()[0];
    let image = a.image_path.clone().unwrap();
    let page = app.client().get(&format!("/debates/{id}")).await;
    assert_eq!(
        page.attr(&format!("img.press-image[src='/uploads/{image}']"), "alt"),
        "La rue commerçante un samedi"
    );
    assert_eq!(
        app.client().get(&format!("/uploads/{image}")).await.status,
        StatusCode::OK
    );
    // Without an image, no description is needed.
    let res = pm
        .post_multipart(
            &path,
            &[("title", "Sans image"), ("url", "https://presse.example.org/b")],
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    // Deleting the article deletes its image.
    let res = pm.post(&format!("/admin/press-articles/{}/delete", a.id), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.client().get(&format!("/uploads/{image}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(app.count("debate_articles").await, 1);
}

async fn votes_and_arguments(app: &TestApp) {
    let (_pm, step, id) = setup(app).await;
    let mut a = app.logged_in(Role::Participant).await;
    let page = app.client().get(&format!("/debates/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.text("#opening-against + .richtext"),
        "Les commerces perdront des clients."
    );
    let res = a.post(&format!("/debates/{id}/vote"), &[("side", "maybe")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("debate_votes").await, 0);
    a.post(&format!("/debates/{id}/vote"), &[("side", "for")]).await;
    a.post(&format!("/debates/{id}/vote"), &[("side", "against")]).await;
    let d = debates::by_id(app.db(), id).await.unwrap().unwrap();
    assert_eq!((d.for_count, d.against_count), (0, 1), "changed, not added");
    let page = a.get(&format!("/debates/{id}")).await;
    assert_eq!(page.attr(".vote-against", "aria-pressed"), "true");
    // Arguments with up-votes.
    let res = a
        .post(&format!("/debates/{id}/arguments"), &[("side", "for"), ("body", "")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = a
        .post(
            &format!("/debates/{id}/arguments"),
            &[("side", "for"), ("body", "Moins de bruit.")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let arg: i64 = res.location().rsplit("argument-").next().unwrap().parse().unwrap();
    let mut b = app.logged_in(Role::Participant).await;
    assert_eq!(
        b.post(&format!("/arguments/{arg}/vote"), &[]).await.location(),
        format!("/debates/{id}#argument-{arg}")
    );
    b.post(&format!("/arguments/{arg}/vote"), &[]).await;
    let got = participe::storage::arguments::by_id(app.db(), arg)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(got.vote_count, 1);
    let res = b.post(&format!("/arguments/{arg}/report"), &[("reason", "spam")]).await;
    assert_eq!(res.location(), format!("/debates/{id}"));
    assert!(
        app.client()
            .get(&format!("/debates/{id}"))
            .await
            .text("#arguments-for")
            .contains('1')
    );
    // Open data: the debate and its argument, as many rows as announced.
    let file = app
        .client()
        .get(&format!("/open-data/steps/{step}/arguments.json"))
        .await;
    let json: serde_json::Value = serde_json::from_slice(&file.bytes).unwrap();
    assert_eq!(json.as_array().map(Vec::len), Some(1), "{}", file.body);
    assert!(common::assert_open_data_rows(&mut app.client()).await >= 2);
}

async fn one_vote_per_person_under_concurrency(app: &TestApp) {
    let (_pm, _, id) = setup(app).await;
    let voter = app.logged_in(Role::Participant).await;
    let mut tasks = Vec::new();
    for i in 0..50 {
        let mut c = voter.clone();
        let side = if i % 2 == 0 { "for" } else { "against" };
        tasks.push(tokio::spawn(async move {
            c.post(&format!("/debates/{id}/vote"), &[("side", side)]).await.status
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), StatusCode::SEE_OTHER);
    }
    let d = debates::by_id(app.db(), id).await.unwrap().unwrap();
    assert_eq!(d.for_count + d.against_count, 1);
    assert_eq!(app.count("debate_votes").await, 1);
}

async fn closed_debates_refuse_votes(app: &TestApp) {
    let (mut pm, step, id) = setup(app).await;
    let s = participe::storage::steps::by_id(app.db(), step).await.unwrap().unwrap();
    let past = |d: i64| {
        (chrono::Utc::now() - chrono::Duration::days(d))
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    };
    let res = pm
        .post(
            &format!("/admin/steps/{step}"),
            &[
                ("title", &s.title),
                ("step_type", "debate"),
                ("starts_at", &past(9)),
                ("ends_at", &past(2)),
                ("published", "on"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let mut a = app.logged_in(Role::Participant).await;
    assert_eq!(
        a.post(&format!("/debates/{id}/vote"), &[("side", "for")]).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        a.post(&format!("/debates/{id}/arguments"), &[("side", "for"), ("body", "Oui")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.count("debate_votes").await + app.count("arguments").await, 0);
}

/// Takes part without an account through `path` (the page's form or the
/// widget's), solving the challenge as a browser would.
async fn take_part(c: &mut Client, form: &str, action: &str, email: &str, argument: &str) -> common::Res {
    let page = c.get(form).await;
    assert_eq!(page.status, StatusCode::OK);
    let nonce = page.attr("input[name=pow_nonce]", "value");
    let solution = pow_solve(&nonce, 14);
    c.post(
        action,
        &[
            ("email", email),
            ("side", "against"),
            ("argument", argument),
            ("pow_nonce", &nonce),
            ("pow_solution", &solution),
        ],
    )
    .await
}

async fn anonymous_participation_after_the_link(app: &TestApp) {
    let (_pm, _, id) = setup(app).await;
    let mut v = app.client();
    // Without the challenge: refused, nothing stored.
    let res = v
        .post(
            &format!("/debates/{id}/anonymous"),
            &[("email", "ana@example.org"), ("side", "for")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("debate_votes").await, 0);
    let form = format!("/debates/{id}/anonymous");
    let res = take_part(
        &mut v,
        &form,
        &form,
        "ana@example.org",
        "Les livraisons seront compliquées.",
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    // Not counted nor published yet.
    let d = debates::by_id(app.db(), id).await.unwrap().unwrap();
    assert_eq!(d.against_count, 0);
    assert!(
        !app.client()
            .get(&format!("/debates/{id}"))
            .await
            .body
            .contains("Les livraisons")
    );
    // Follow the emailed link.
    let mail = common::last_email_to(app, "ana@example.org").await;
    let link = common::link_path(&mail.body_text);
    assert!(link.starts_with("/debates/confirm/"), "{link}");
    let res = app.client().get(&link).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let d = debates::by_id(app.db(), id).await.unwrap().unwrap();
    assert_eq!(d.against_count, 1);
    let page = app.client().get(&format!("/debates/{id}")).await;
    assert!(page.body.contains("Les livraisons seront compliquées."));
    assert!(!page.body.contains("ana@example.org"), "the address is never shown");
    // The link works once.
    assert_eq!(app.client().get(&link).await.status, StatusCode::GONE);
}

async fn the_widget_works_in_a_frame(app: &TestApp) {
    let (_pm, _, id) = setup(app).await;
    let mut frame = app.client();
    let page = frame.get(&format!("/embed/debates/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let csp = page
        .headers
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("frame-ancestors *"), "{csp}");
    assert!(page.headers.get("x-frame-options").is_none());
    // Every other page still refuses to be framed.
    let other = frame.get(&format!("/debates/{id}")).await;
    assert!(
        other
            .headers
            .get("content-security-policy")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'")
    );
    assert_eq!(other.headers.get("x-frame-options").unwrap(), "DENY");
    // In a frame the browser sends no cookie: the form's token is enough.
    let nonce = page.attr("input[name=pow_nonce]", "value");
    let solution = pow_solve(&nonce, 14);
    let mut cookieless = app.client();
    let res = cookieless
        .post_raw(
            &format!("/embed/debates/{id}"),
            &[
                ("email", "bob@example.org"),
                ("side", "for"),
                ("pow_nonce", &nonce),
                ("pow_solution", &solution),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), format!("/embed/debates/{id}?sent=1"));
    // The same token cannot be used twice.
    let res = cookieless
        .post_raw(
            &format!("/embed/debates/{id}"),
            &[
                ("email", "eve@example.org"),
                ("side", "for"),
                ("pow_nonce", &nonce),
                ("pow_solution", &solution),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("debate_votes").await, 1);
}

engine_test!(votes_and_arguments, votes_and_arguments);
engine_test!(press_articles_with_images, press_articles_with_images);
engine_test!(
    one_vote_per_person_under_concurrency,
    one_vote_per_person_under_concurrency
);
engine_test!(closed_debates_refuse_votes, closed_debates_refuse_votes);
engine_test!(
    anonymous_participation_after_the_link,
    anonymous_participation_after_the_link
);
engine_test!(the_widget_works_in_a_frame, the_widget_works_in_a_frame);
