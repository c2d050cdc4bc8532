//! Proposals over HTTP: configuring a collect step, depositing with custom
//! answers, drafts, rules, lists.

use crate::common;

use axum::http::StatusCode;
use common::{Client, PNG, TestApp, open_collect_step};
use participe::storage::{forms, proposals};
use participe_domain::Role;
use participe_domain::proposal::Sort;

/// Configures the step like a real budget: rules, fields, two questions,
/// a district. Returns (question ids, district id).
async fn configure(app: &TestApp, admin: &mut Client, step: i64) -> (i64, i64, i64) {
    assert_eq!(
        admin.get(&format!("/admin/steps/{step}/collect")).await.status,
        StatusCode::OK
    );
    let res = admin
        .post(
            &format!("/admin/steps/{step}/collect"),
            &[
                ("reference_prefix", "bp-2026"),
                ("max_cost", "10000"),
                ("min_age", "16"),
                ("max_per_person", "2"),
                ("mode-summary", "required"),
                ("mode-description", "optional"),
                ("mode-cost", "optional"),
                ("mode-district", "required"),
                ("mode-theme", "off"),
                ("mode-category", "off"),
                ("mode-address", "optional"),
                ("mode-image", "optional"),
                ("mode-attachments", "optional"),
                ("help-summary", "En deux phrases"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let res = admin
        .post(
            &format!("/admin/steps/{step}/questions"),
            &[
                ("q-new-kind", "single_choice"),
                ("q-new-label", "Pour qui ?"),
                ("q-new-required", "on"),
                ("q-new-choices", "Enfants\nAînés\nTous"),
                ("q-new-allow_other", "on"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    admin
        .post(
            &format!("/admin/steps/{step}/questions"),
            &[
                ("q-new-kind", "number"),
                ("q-new-label", "Nombre de bancs"),
                ("q-new-min", "0"),
                ("q-new-max", "10"),
            ],
        )
        .await;
    admin.post("/admin/districts", &[("name", "Nord")]).await;
    let district = participe::storage::taxonomy::list(app.db(), participe::storage::taxonomy::Kind::District)
        .await
        .unwrap()[0]
        .id;
    let c = participe::storage::collect::get_or_create(app.db(), step)
        .await
        .unwrap();
    let qs = forms::questions(app.db(), c.settings.form_id).await.unwrap();
    assert_eq!(qs.len(), 2);
    assert_eq!(c.settings.reference_prefix, "BP-2026");
    (qs[0].id, qs[1].id, district)
}

async fn deposit_with_custom_answers(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let (slug, step) = open_collect_step(app, &mut admin, "Budget 2026").await;
    let (q1, q2, district) = configure(app, &mut admin, step).await;
    let (f1, f2, d) = (format!("q-{q1}"), format!("q-{q2}"), district.to_string());
    let mut jo = app.logged_in(Role::Participant).await;
    let new = format!("/projects/{slug}/steps/{step}/proposals/new");

    let form = jo.get(&new).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.has("#f-birth_date"), "the minimum age asks for a date of birth");
    assert!(
        form.has(&format!("#f-{f1} input[value='Aînés']")),
        "custom choices offered"
    );
    assert!(!form.has("#f-theme"), "fields switched off are absent");
    assert!(form.text("#f-summary-help").contains("En deux phrases"));

    // Every problem at once, nothing stored.
    let res = jo
        .post_multipart(
            &new,
            &[
                ("action", "submit"),
                ("birth_date", "2015-01-01"),
                ("title", "Des bancs"),
                ("cost", "20000"),
                (&f1, "Martiens"),
                (&f2, "11"),
            ],
            &[("image", "x.png", b"not an image")],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "too young: {}", res.body);
    let res = jo
        .post_multipart(
            &new,
            &[
                ("action", "submit"),
                ("birth_date", "1990-05-01"),
                ("title", "Des bancs"),
                ("cost", "20000"),
                (&f1, "Martiens"),
                (&f2, "11"),
            ],
            &[("image", "x.png", b"not an image")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    for field in ["summary", "district", "cost", &f1, &f2, "image", "image_alt"] {
        assert!(!res.field_error(field).is_empty(), "{field}");
    }
    assert!(res.body.contains("value=\"Des bancs\""), "typed text is kept");
    assert_eq!(app.count("proposals").await, 0);

    let res = jo
        .post_multipart(
            &new,
            &[
                ("action", "submit"),
                ("birth_date", "1990-05-01"),
                ("title", "Des bancs au parc"),
                ("summary", "Trois bancs à l'ombre."),
                ("cost", "3 000"),
                ("district", &d),
                (&f1, "__other__"),
                (&format!("{f1}-other"), "Les joueurs de pétanque"),
                (&f2, "3"),
                ("image_alt", "Trois bancs sous les platanes"),
            ],
            &[
                ("image", "banc.png", PNG),
                ("attachments", "plan.pdf", b"%PDF-1.4 plan"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page_path = res.location().to_string();
    let page = jo.get(&page_path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.text(".reference"), "BP-2026-0001");
    assert!(page.text(".answers").contains("Les joueurs de pétanque"));
    assert!(page.text(".answers").contains("3"));
    assert!(page.text(".facts").contains("Nord"));
    assert!(page.has(".proposal img.cover[alt='Trois bancs sous les platanes'][srcset]"));
    assert!(page.text("#attachments-title + ul").contains("plan.pdf"));

    // Listed on the step page, for everybody.
    let list = app.client().get(&format!("/projects/{slug}/steps/{step}")).await;
    assert_eq!(list.texts(".proposal-list h3 a"), vec!["Des bancs au parc"]);
    assert!(list.text(".count").contains("1 proposition"));

    // The author edits it while the step is open; the number stays.
    let id: i64 = page_path.trim_start_matches("/proposals/").parse().unwrap();
    let edit = jo.get(&format!("/proposals/{id}/edit")).await;
    assert_eq!(edit.status, StatusCode::OK);
    assert!(
        edit.body.contains("value=\"Les joueurs de pétanque\""),
        "stored answers are shown again"
    );
    let res = jo
        .post_multipart(
            &format!("/proposals/{id}/edit"),
            &[
                ("action", "submit"),
                ("title", "Des bancs au grand parc"),
                ("summary", "Trois bancs."),
                ("district", &d),
                (&f1, "Tous"),
            ],
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let p = proposals::by_id(app.db(), id).await.unwrap().unwrap();
    assert_eq!((p.title.as_str(), p.number), ("Des bancs au grand parc", Some(1)));
    // Others may not edit it.
    let mut other = app.logged_in(Role::Participant).await;
    assert_eq!(
        other.get(&format!("/proposals/{id}/edit")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        other.post(&format!("/proposals/{id}/withdraw"), &[]).await.status,
        StatusCode::FORBIDDEN
    );

    // Two proposals per person at most.
    let second = [
        ("action", "submit"),
        ("title", "Deuxième"),
        ("summary", "S"),
        ("district", d.as_str()),
        (f1.as_str(), "Tous"),
    ];
    assert_eq!(
        jo.post_multipart(&new, &second, &[]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        jo.post_multipart(&new, &second, &[]).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(proposals::by_author(app.db(), p.author_id).await.unwrap().len(), 2);

    // Withdrawal.
    assert_eq!(
        jo.post(&format!("/proposals/{id}/withdraw"), &[]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        proposals::by_id(app.db(), id).await.unwrap().unwrap().state,
        "withdrawn"
    );
    assert_eq!(
        app.client()
            .get(&format!("/projects/{slug}/steps/{step}"))
            .await
            .texts(".proposal-list h3 a"),
        vec!["Deuxième"]
    );
}
engine_test!(deposit, deposit_with_custom_answers);

async fn drafts_are_private_until_submitted(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let (slug, step) = open_collect_step(app, &mut admin, "Idées").await;
    let mut jo = app.logged_in(Role::Participant).await;
    let new = format!("/projects/{slug}/steps/{step}/proposals/new");
    // A draft needs only a title (the summary is required by default).
    let res = jo
        .post_multipart(&new, &[("action", "draft"), ("title", "Idée en cours")], &[])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let path = res.location().to_string();
    assert_eq!(jo.get(&path).await.status, StatusCode::OK);
    assert_eq!(
        app.client().get(&path).await.status,
        StatusCode::NOT_FOUND,
        "drafts are private"
    );
    assert!(
        app.client()
            .get(&format!("/projects/{slug}/steps/{step}"))
            .await
            .texts(".proposal-list h3 a")
            .is_empty()
    );
    assert!(
        jo.get("/account")
            .await
            .text("#mine-title + ul")
            .contains("Idée en cours")
    );
    // Submitting checks what a draft did not.
    let id = path.trim_start_matches("/proposals/");
    let res = jo
        .post_multipart(
            &format!("/proposals/{id}/edit"),
            &[("action", "submit"), ("title", "Idée en cours")],
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("summary").is_empty());
    let res = jo
        .post_multipart(
            &format!("/proposals/{id}/edit"),
            &[
                ("action", "submit"),
                ("title", "Idée finie"),
                ("summary", "Voilà"),
                ("description", "Tout"),
            ],
            &[],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(app.client().get(&path).await.status, StatusCode::OK);
}
engine_test!(drafts, drafts_are_private_until_submitted);

async fn deposit_rules(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let (slug, step) = open_collect_step(app, &mut admin, "Règles").await;
    let new = format!("/projects/{slug}/steps/{step}/proposals/new");
    // Anonymous visitors are asked to log in.
    assert!(app.client().get(&new).await.location().starts_with("/login?next="));
    // Unconfirmed accounts are told why they cannot deposit.
    let mut c = app.client();
    c.post(
        "/signup",
        &[
            ("display_name", "Neuf"),
            ("email", "neuf@example.org"),
            ("password", common::PASSWORD),
            ("terms", "on"),
        ],
    )
    .await;
    c.login("neuf@example.org", common::PASSWORD).await;
    let res = c.get(&new).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert!(res.text("main").contains("Confirmez"));
    // A closed step refuses deposits.
    let s = participe::storage::steps::by_id(app.db(), step).await.unwrap().unwrap();
    let past = chrono::Utc::now() - chrono::Duration::days(1);
    let data = participe::storage::steps::StepData {
        title: &s.title,
        step_type: participe_domain::step::StepType::Collect,
        body: "",
        starts_at: Some(past - chrono::Duration::days(5)),
        ends_at: Some(past),
        published: true,
    };
    participe::storage::steps::update(app.db(), step, &data).await.unwrap();
    let mut jo = app.logged_in(Role::Participant).await;
    assert_eq!(jo.get(&new).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        jo.post_multipart(
            &new,
            &[("title", "Trop tard"), ("summary", "x"), ("description", "y")],
            &[]
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.count("proposals").await, 0);
    // Configuration errors are shown and nothing changes.
    let res = admin
        .post(
            &format!("/admin/steps/{step}/collect"),
            &[
                ("reference_prefix", "BP 2026!"),
                ("max_cost", "-3"),
                ("mode-summary", "sometimes"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    for f in ["reference_prefix", "max_cost", "mode-summary"] {
        assert!(!res.field_error(f).is_empty(), "{f}");
    }
    let res = admin
        .post(
            &format!("/admin/steps/{step}/questions"),
            &[
                ("q-new-kind", "single_choice"),
                ("q-new-label", "Un seul choix ?"),
                ("q-new-choices", "Seul"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("q-new-choices").is_empty());
    let res = admin
        .post(
            &format!("/admin/steps/{step}/questions"),
            &[
                ("q-new-kind", "multiple_choice"),
                ("q-new-label", ""),
                ("q-new-required", "on"),
            ],
        )
        .await;
    assert!(
        res.has("#f-q-new-required[checked]"),
        "ticked boxes stay ticked after an error"
    );
    assert!(res.has("#f-q-new-kind option[value=multiple_choice][selected]"));
    assert_eq!(app.count("form_questions").await, 0);
}
engine_test!(rules, deposit_rules);

async fn lists_filter_sort_and_paginate(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let (slug, step) = open_collect_step(app, &mut admin, "Liste").await;
    admin.post("/admin/districts", &[("name", "Est")]).await;
    admin.post("/admin/districts", &[("name", "Ouest")]).await;
    let districts = participe::storage::taxonomy::list(app.db(), participe::storage::taxonomy::Kind::District)
        .await
        .unwrap();
    let theme = participe::storage::taxonomy::create(app.db(), participe::storage::taxonomy::Kind::Theme, "Nature")
        .await
        .unwrap();
    let author = app.user("auteur@example.org", Role::Participant).await;
    for i in 0..30i64 {
        let input = participe_domain::proposal::ProposalInput {
            title: format!("Projet {i:02}{}", if i == 7 { " jardin partagé" } else { "" }),
            summary: "Résumé".into(),
            cost: Some(1000 * (i + 1)),
            district: Some(districts[(i % 2) as usize].id),
            theme: (i == 29).then_some(theme),
            ..Default::default()
        };
        let id = proposals::create_draft(app.db(), step, author, &input).await.unwrap();
        proposals::submit(app.db(), id).await.unwrap();
    }
    let base = format!("/projects/{slug}/steps/{step}");
    let mut v = app.client();
    let page1 = v.get(&base).await;
    assert!(page1.text(".count").contains("30 propositions"));
    assert_eq!(page1.texts(".proposal-list h3 a").len(), 24);
    let page1_again = v.get(&base).await;
    assert_eq!(
        page1.texts(".proposal-list h3 a"),
        page1_again.texts(".proposal-list h3 a"),
        "random order is stable for a visitor"
    );
    let page2 = v.get(&format!("{base}?page=2")).await;
    let mut all: Vec<String> = page1.texts(".proposal-list h3 a");
    all.extend(page2.texts(".proposal-list h3 a"));
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 30, "pages together hold every proposal once");

    let east = v.get(&format!("{base}?district={}", districts[0].id)).await;
    assert!(east.text(".count").contains("15 propositions"));
    let cheap = v.get(&format!("{base}?sort=cost_asc")).await;
    assert_eq!(cheap.texts(".proposal-list h3 a")[0], "Projet 00");
    let dear = v.get(&format!("{base}?sort=cost_desc&view=grid")).await;
    assert_eq!(dear.texts(".cards h3 a")[0], "Projet 29");
    let found = v.get(&format!("{base}?q=JARDIN")).await;
    assert_eq!(found.texts(".proposal-list h3 a"), vec!["Projet 07 jardin partagé"]);
    let none = v.get(&format!("{base}?q=zzz&district=abc&page=-4&sort=nonsense")).await;
    assert_eq!(none.status, StatusCode::OK, "odd filters are ignored, not errors");
    assert!(none.text(".count").contains("Aucune"));

    // A card names its reference, district, theme and status (cards read
    // only the proposals table; the names come from the step's taxonomies).
    let status = participe::storage::collect::add_status(app.db(), step, "Retenue", "#2e7d32")
        .await
        .unwrap();
    let dearest = proposals::list::<proposals::Proposal>(app.db(), step, &Default::default(), Sort::CostDesc, 0, 1, 0)
        .await
        .unwrap()
        .remove(0);
    proposals::set_status(app.db(), dearest.id, Some(status)).await.unwrap();
    let dear = v.get(&format!("{base}?sort=cost_desc")).await;
    let card = |sel: &str| dear.texts(&format!(".proposal-list li:first-child {sel}"));
    assert_eq!(card("h3 a"), vec!["Projet 29"]);
    assert_eq!(card(".badge.status"), vec!["Retenue"]);
    assert_eq!(card(".reference"), vec![dearest.reference().unwrap()]);
    let meta = card(".card-meta span").join(" | ");
    assert!(meta.contains(&districts[1].name) && meta.contains("Nature"), "{meta}");
    assert!(dear.texts(".badge.status").len() == 1, "only that card has a status");
}
engine_test!(lists, lists_filter_sort_and_paginate);
