//! Project templates: a new project can start with a ready-made set of steps.

use crate::common;

use axum::http::StatusCode;
use common::TestApp;
use participe::i18n::{I18n, Lang};
use participe::storage::steps;
use participe_domain::Role;
use participe_domain::templates::ProjectTemplate;

async fn budget_template_creates_six_steps(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;

    // The form offers every template, "none" first and chosen.
    let form = admin.get("/admin/projects/new").await;
    assert_eq!(form.status, StatusCode::OK);
    let html = form.html();
    let sel = scraper::Selector::parse("#f-template option").unwrap();
    let offered: Vec<&str> = html.select(&sel).filter_map(|o| o.value().attr("value")).collect();
    let all: Vec<&str> = ProjectTemplate::ALL.iter().map(|t| t.as_str()).collect();
    assert_eq!(offered, all);
    assert_eq!(
        form.text("#f-template option[selected]"),
        "Aucun : j’ajouterai les étapes moi-même"
    );

    let res = admin
        .post(
            "/admin/projects/new",
            &[
                ("title", "Budget participatif 2028"),
                ("visibility", "draft"),
                ("template", "participatory_budget"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let id: i64 = res.location().trim_start_matches("/admin/projects/").parse().unwrap();
    let stored = steps::of_project(app.db(), id, true).await.unwrap();
    let kinds: Vec<&str> = stored.iter().map(|s| s.step_type.as_str()).collect();
    assert_eq!(
        kinds,
        ["presentation", "collect", "analysis", "vote", "results", "follow_up"]
    );
    assert_eq!(
        stored.iter().map(|s| s.position).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6]
    );
    let titles: Vec<&str> = stored.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Présentation",
            "Dépôt des projets",
            "Analyse par les services",
            "Vote",
            "Résultats",
            "Suivi des réalisations"
        ],
        "titles in the creator's language"
    );
    for s in &stored {
        assert!(!s.published, "{} is left for the manager to publish", s.title);
        assert!(s.starts_at.is_none() && s.ends_at.is_none() && s.body.is_empty());
    }
    // The manager edits them from the project's page.
    let page = admin.get(&format!("/admin/projects/{id}")).await;
    assert!(page.body.contains("Dépôt des projets"));

    // In English, the titles are English; without a template, no step.
    admin.get("/lang/en").await;
    let res = admin
        .post(
            "/admin/projects/new",
            &[
                ("title", "Petition 2028"),
                ("visibility", "draft"),
                ("template", "petition"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let id: i64 = res.location().trim_start_matches("/admin/projects/").parse().unwrap();
    let stored = steps::of_project(app.db(), id, true).await.unwrap();
    assert_eq!(stored.len(), 4);
    assert_eq!(stored[1].title, "Submission of petitions");
    for template in ["none", ""] {
        let title = format!("Sans modèle {}", template.len());
        let res = admin
            .post(
                "/admin/projects/new",
                &[("title", &title), ("visibility", "draft"), ("template", template)],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let id: i64 = res.location().trim_start_matches("/admin/projects/").parse().unwrap();
        assert!(steps::of_project(app.db(), id, true).await.unwrap().is_empty());
    }
}
engine_test!(budget_template, budget_template_creates_six_steps);

async fn unknown_template_is_refused(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let res = admin
        .post(
            "/admin/projects/new",
            &[
                ("title", "Projet piégé"),
                ("visibility", "draft"),
                ("template", "referendum"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert_eq!(
        res.field_error("template"),
        "Erreur : Choisissez un modèle dans la liste."
    );
    assert!(
        res.text(".error-summary")
            .contains("Choisissez un modèle dans la liste.")
    );
    assert_eq!(app.count("projects").await, 0, "nothing stored");
    assert_eq!(app.count("steps").await, 0);

    // Together with other errors, each is shown next to its field.
    let res = admin
        .post(
            "/admin/projects/new",
            &[("title", ""), ("visibility", "draft"), ("template", "Petition")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.has("#f-title-error") && res.has("#f-template-error"));
    assert_eq!(app.count("projects").await, 0);
}
engine_test!(unknown_template, unknown_template_is_refused);

/// Every name and step title of a template is in both catalogues.
#[test]
fn template_messages_are_translated() {
    let i18n = I18n::new();
    for t in ProjectTemplate::ALL {
        for lang in Lang::ALL {
            assert!(i18n.has(lang, t.message_id()), "{} in {}", t.message_id(), lang.code());
            for (_, id) in t.steps() {
                assert!(i18n.has(lang, id), "{id} in {}", lang.code());
            }
        }
    }
}
