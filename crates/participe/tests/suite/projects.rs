//! Projects and steps over HTTP: the back office creates, the public reads.

use crate::common;

use axum::http::StatusCode;
use common::{PNG, TestApp};
use participe::storage::{projects, steps};
use participe_domain::Role;

/// Creates a project through the back office; returns its id.
async fn create_project(c: &mut common::Client, title: &str, visibility: &str) -> i64 {
    let res = c
        .post(
            "/admin/projects/new",
            &[
                ("title", title),
                ("summary", "Résumé"),
                ("description", "# Bienvenue\n\n<script>x</script>Texte **riche**."),
                ("visibility", visibility),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    res.location().trim_start_matches("/admin/projects/").parse().unwrap()
}

async fn admin_builds_a_project(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    // Districts and themes are managed in the admin.
    assert_eq!(
        admin
            .post("/admin/districts", &[("name", "Quartier Nord")])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        admin.post("/admin/themes", &[("name", "Mobilité")]).await.status,
        StatusCode::SEE_OTHER
    );
    let district = participe::storage::taxonomy::list(app.db(), participe::storage::taxonomy::Kind::District)
        .await
        .unwrap()[0]
        .id;
    let theme = participe::storage::taxonomy::list(app.db(), participe::storage::taxonomy::Kind::Theme)
        .await
        .unwrap()[0]
        .id;

    let res = admin
        .post(
            "/admin/projects/new",
            &[
                ("title", "Budget participatif 2027"),
                ("summary", "Un million"),
                ("description", "Le **budget**"),
                ("visibility", "draft"),
                ("districts", &district.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let id: i64 = res.location().trim_start_matches("/admin/projects/").parse().unwrap();
    let p = projects::by_id(app.db(), id).await.unwrap().unwrap();
    assert_eq!(p.slug, "budget-participatif-2027", "slug derived from the title");

    let steps = [
        ("Présentation", "presentation", "", ""),
        ("Dépôt des idées", "collect", "2020-01-01T09:00", "2020-02-01T18:00"),
        ("Vote", "vote", "2020-03-01T09:00", "2099-12-31T18:00"),
    ];
    for (title, kind, start, end) in steps {
        let res = admin
            .post(
                &format!("/admin/projects/{id}/steps/new"),
                &[
                    ("title", title),
                    ("step_type", kind),
                    ("body", "Texte"),
                    ("starts_at", start),
                    ("ends_at", end),
                    ("published", "on"),
                ],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    }
    let stored = steps::of_project(app.db(), id, true).await.unwrap();
    assert_eq!(stored.iter().map(|s| s.position).collect::<Vec<_>>(), vec![1, 2, 3]);
    assert_eq!(
        stored[1].starts_at.unwrap().to_rfc3339(),
        "2020-01-01T08:00:00+00:00",
        "Paris time stored as UTC"
    );

    // A draft is invisible to the public.
    let mut visitor = app.client();
    assert_eq!(
        visitor.get("/projects/budget-participatif-2027").await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!visitor.get("/").await.body.contains("Budget participatif 2027"));

    // Publish it.
    let res = admin
        .post(
            &format!("/admin/projects/{id}"),
            &[
                ("title", "Budget participatif 2027"),
                ("slug", "budget-participatif-2027"),
                ("summary", "Un million"),
                ("description", "Le **budget**"),
                ("visibility", "public"),
                ("districts", &district.to_string()),
                ("themes", &theme.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);

    let home = visitor.get("/").await;
    assert!(
        home.text("section[aria-labelledby=home-open] ul.cards")
            .contains("Budget participatif 2027"),
        "listed among open projects"
    );
    let page = visitor.get("/projects/budget-participatif-2027").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.texts(".tag"),
        ["Mobilité", "Quartier Nord"],
        "its theme, then its district"
    );
    assert_eq!(
        page.texts(".timeline-step > a"),
        vec!["Présentation", "Dépôt des idées", "Vote"]
    );
    assert_eq!(
        page.text("[aria-current=step] > a"),
        "Vote",
        "the open step is highlighted"
    );
    assert!(page.text(".timeline-step:nth-child(2) .badge").contains("Terminée"));
    assert!(page.body.contains("<strong>budget</strong>"));
    assert!(page.text(".tags").contains("Quartier Nord"));
    let step_id = stored[2].id;
    let step = visitor
        .get(&format!("/projects/budget-participatif-2027/steps/{step_id}"))
        .await;
    assert_eq!(step.status, StatusCode::OK);
    assert_eq!(step.text("h1"), "Vote");

    // In English.
    visitor.get("/lang/en?next=/").await;
    let page = visitor.get("/projects/budget-participatif-2027").await;
    assert!(page.body.contains("<html lang=\"en\">"));
    assert!(page.text("#timeline-title").contains("Project steps"));
}
engine_test!(admin_creates_project_with_steps, admin_builds_a_project);

async fn project_form_errors_store_nothing(app: &TestApp) {
    let mut admin = app.logged_in(Role::ProjectManager).await;
    let long = "t".repeat(201);
    let res = admin
        .post("/admin/projects/new", &[("title", &long), ("visibility", "public")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("title").contains("200 caractères"));
    assert!(res.has(".error-summary a[href='#f-title']"));
    assert!(res.body.contains(&long), "typed text is kept");

    let res = admin
        .post(
            "/admin/projects/new",
            &[
                ("title", "Ok"),
                ("slug", "Pas Bon"),
                ("visibility", "secret"),
                ("themes", "999"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    for f in ["slug", "visibility", "themes"] {
        assert!(!res.field_error(f).is_empty(), "{f}");
    }
    assert_eq!(app.count("projects").await, 0);

    let id = create_project(&mut admin, "Unique", "public").await;
    let res = admin
        .post("/admin/projects/new", &[("title", "Unique"), ("visibility", "public")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("slug").contains("déjà"));
    assert_eq!(app.count("projects").await, 1);

    // Steps: end before start, unknown type.
    let res = admin
        .post(
            &format!("/admin/projects/{id}/steps/new"),
            &[
                ("title", "Vote"),
                ("step_type", "vote"),
                ("starts_at", "2026-05-10T10:00"),
                ("ends_at", "2026-05-01T10:00"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("ends_at").contains("postérieure"));
    let res = admin
        .post(
            &format!("/admin/projects/{id}/steps/new"),
            &[("title", "Fête"), ("step_type", "party")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("step_type").contains("type d’étape"));
    let res = admin
        .post(
            &format!("/admin/projects/{id}/steps/new"),
            &[("title", "X"), ("step_type", "vote"), ("starts_at", "31/02/2026")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("starts_at").is_empty());
    assert_eq!(app.count("steps").await, 0, "nothing stored");

    // Unknown ids are a 404 page, not a crash.
    assert_eq!(admin.get("/admin/projects/999999").await.status, StatusCode::NOT_FOUND);
    assert_eq!(admin.get("/admin/projects/abc").await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        admin
            .post("/admin/steps/424242", &[("title", "x"), ("step_type", "vote")])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}
engine_test!(project_validation, project_form_errors_store_nothing);

async fn steps_reorder_edit_delete(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let id = create_project(&mut admin, "Ordre", "public").await;
    for t in ["A", "B", "C"] {
        admin
            .post(
                &format!("/admin/projects/{id}/steps/new"),
                &[("title", t), ("step_type", "other")],
            )
            .await;
    }
    let list = steps::of_project(app.db(), id, true).await.unwrap();
    assert!(list.iter().all(|s| !s.published), "unpublished unless ticked");
    let c_id = list[2].id;
    admin
        .post(&format!("/admin/steps/{c_id}/move"), &[("direction", "up")])
        .await;
    let titles: Vec<String> = steps::of_project(app.db(), id, true)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.title)
        .collect();
    assert_eq!(titles, vec!["A", "C", "B"]);
    assert_eq!(
        admin
            .post(&format!("/admin/steps/{c_id}/move"), &[("direction", "sideways")])
            .await
            .status,
        StatusCode::BAD_REQUEST
    );

    // Unpublished steps are hidden from the public.
    let mut visitor = app.client();
    assert!(
        visitor
            .get("/projects/ordre")
            .await
            .texts(".timeline-step > a")
            .is_empty()
    );
    assert_eq!(
        visitor.get(&format!("/projects/ordre/steps/{c_id}")).await.status,
        StatusCode::NOT_FOUND
    );

    let edit = admin.get(&format!("/admin/steps/{c_id}")).await;
    assert_eq!(edit.status, StatusCode::OK);
    assert_eq!(
        edit.texts("#f-step_type option").len(),
        10,
        "every step type is offered"
    );
    assert_eq!(edit.text("#f-step_type option[selected]"), "Autre");
    let new = admin.get(&format!("/admin/projects/{id}/steps/new")).await;
    assert!(new.has("#f-step_type option[value=vote]"));
    admin
        .post(
            &format!("/admin/steps/{c_id}"),
            &[("title", "C publiée"), ("step_type", "debate"), ("published", "on")],
        )
        .await;
    assert_eq!(
        visitor.get("/projects/ordre").await.texts(".timeline-step > a"),
        vec!["C publiée"]
    );

    admin.post(&format!("/admin/steps/{c_id}/delete"), &[]).await;
    assert_eq!(steps::of_project(app.db(), id, true).await.unwrap().len(), 2);
    admin.post(&format!("/admin/projects/{id}/delete"), &[]).await;
    assert_eq!(app.count("projects").await, 0);
    assert_eq!(
        app.count("steps").await,
        0,
        "steps go with their project (foreign key cascade)"
    );
}
engine_test!(steps_order, steps_reorder_edit_delete);

async fn visibility_rules(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    create_project(&mut admin, "Réservé", "restricted").await;
    let mut anon = app.client();
    let res = anon.get("/projects/reserve").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(res.location().starts_with("/login?next="));
    let mut member = app.logged_in(Role::Participant).await;
    assert_eq!(member.get("/projects/reserve").await.status, StatusCode::OK);
    assert!(member.get("/").await.body.contains("Réservé"));
    assert!(!anon.get("/").await.body.contains("Réservé"));
}
engine_test!(visibility, visibility_rules);

/// A real photograph-like PNG, `w` × `h`.
fn png(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([(x % 251) as u8, (y % 241) as u8, 120]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

async fn cover_upload(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let id = create_project(&mut admin, "Image", "public").await;
    let cover = format!("/admin/projects/{id}/cover");
    let res = admin
        .post_multipart(
            &cover,
            &[("cover_alt", "Le parc")],
            &[("cover", "evil.png", b"<svg onload=alert(1)></svg>")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text("#f-cover-error").contains("PNG"));
    assert_eq!(res.attr("#f-cover_alt", "value"), "Le parc", "typed text kept");
    // An image without its description is refused, and nothing is stored.
    let res = admin
        .post_multipart(&cover, &[("cover_alt", "  ")], &[("cover", "parc.png", PNG)])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text("#f-cover_alt-error").contains("Décrivez"));
    assert!(res.has(".error-summary a[href='#f-cover_alt']"));
    assert!(
        projects::by_id(app.db(), id)
            .await
            .unwrap()
            .unwrap()
            .cover_path
            .is_none()
    );

    let res = admin
        .post_multipart(
            &cover,
            &[("cover_alt", "Des enfants jouent dans le parc")],
            &[("cover", "photo.exe", &png(900, 1200))],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let name = projects::by_id(app.db(), id)
        .await
        .unwrap()
        .unwrap()
        .cover_path
        .expect("stored");
    assert!(name.ends_with(".png"), "type from the content, not the name");
    let img = app.client().get(&format!("/uploads/{name}")).await;
    assert_eq!(img.status, StatusCode::OK);
    assert_eq!(img.headers["content-type"], "image/png");
    // Resized variants, 16:9, offered in srcset with the description.
    let stem = name.trim_end_matches(".png");
    for (w, h) in [(400, 225), (1200, 675)] {
        let v = app.client().get(&format!("/uploads/{stem}-{w}.jpg")).await;
        assert_eq!(v.status, StatusCode::OK);
        assert_eq!(v.headers["content-type"], "image/jpeg");
        let size = imagesize::blob_size(&v.bytes).unwrap();
        assert_eq!((size.width, size.height), (w, h));
    }
    let page = app.client().get("/projects/image").await;
    let img = ".project-cover img";
    assert_eq!(page.attr(img, "alt"), "Des enfants jouent dans le parc");
    assert_eq!(
        (page.attr(img, "width"), page.attr(img, "height")),
        ("1200".into(), "675".into())
    );
    assert_eq!(
        page.attr(img, "srcset"),
        format!("/uploads/{stem}-400.jpg 400w, /uploads/{stem}-1200.jpg 1200w")
    );
    assert!(
        app.client()
            .get("/")
            .await
            .body
            .contains(&format!("/uploads/{stem}-400.jpg 400w"))
    );
    assert_eq!(
        app.client().get(&format!("/uploads/{stem}-401.jpg")).await.status,
        StatusCode::NOT_FOUND
    );

    // An image stored before variants existed gets them on first request.
    let old = participe::files::new_name(participe::files::ImageKind::Png);
    app.state.files.put(old.clone(), png(300, 300)).await.unwrap();
    let old_variant = old.replace(".png", "-400.jpg");
    assert!(app.state.files.get(old_variant.clone()).await.unwrap().is_none());
    let v = app.client().get(&format!("/uploads/{old_variant}")).await;
    assert_eq!(v.status, StatusCode::OK);
    assert!(
        app.state.files.get(old_variant).await.unwrap().is_some(),
        "kept for the next time"
    );
    assert_eq!(
        app.client().get("/uploads/..%2F..%2Fetc%2Fpasswd").await.status,
        StatusCode::NOT_FOUND
    );

    let big = vec![0u8; 6 * 1024 * 1024];
    let res = admin.upload(&cover, "cover", "big.png", &big).await;
    assert!(res.status.is_client_error(), "{}", res.status);
}
engine_test!(uploads, cover_upload);

async fn taxonomy_admin(app: &TestApp) {
    let mut pm = app.logged_in(Role::ProjectManager).await;
    pm.post("/admin/themes", &[("name", "Culture")]).await;
    let res = pm.post("/admin/themes", &[("name", "Culture")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("name").contains("existe déjà"));
    let res = pm.post("/admin/themes", &[("name", "  ")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("themes").await, 1);
    let id = participe::storage::taxonomy::list(app.db(), participe::storage::taxonomy::Kind::Theme)
        .await
        .unwrap()[0]
        .id;
    pm.post(&format!("/admin/themes/{id}"), &[("name", "Culture et patrimoine")])
        .await;
    assert!(pm.get("/admin/themes").await.body.contains("Culture et patrimoine"));
    pm.post(&format!("/admin/themes/{id}/delete"), &[]).await;
    assert_eq!(app.count("themes").await, 0);
}
engine_test!(taxonomy, taxonomy_admin);

/// The back office's project table: sorted by a column, filtered, each row
/// with a link to the public page.
async fn project_table(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    create_project(&mut admin, "Zèbres du parc", "public").await;
    create_project(&mut admin, "abeilles", "draft").await;
    create_project(&mut admin, "Marché", "restricted").await;
    let titles = |res: &common::Res| res.texts("tbody tr td:first-child");

    let list = admin.get("/admin/projects").await;
    assert_eq!(
        titles(&list),
        ["Marché", "abeilles", "Zèbres du parc"],
        "latest change first"
    );
    assert_eq!(list.attr("th[aria-sort]", "aria-sort"), "descending");
    let list = admin.get("/admin/projects?sort=title").await;
    assert_eq!(titles(&list), ["abeilles", "Marché", "Zèbres du parc"]);
    let list = admin.get("/admin/projects?sort=title&dir=desc").await;
    assert_eq!(titles(&list), ["Zèbres du parc", "Marché", "abeilles"]);
    let list = admin.get("/admin/projects?visibility=draft").await;
    assert_eq!(titles(&list), ["abeilles"]);
    assert!(list.text(".count").contains("1 projet affiché sur 3"));
    assert!(list.has("tbody a[href='/projects/abeilles']"), "preview link");
    let list = admin.get("/admin/projects?q=ZÈB").await;
    assert_eq!(titles(&list), ["Zèbres du parc"]);
    let list = admin.get("/admin/projects?q=licorne").await;
    assert!(list.has(".empty") && list.has("a[href='/admin/projects'].button"));
}
engine_test!(back_office_table, project_table);
