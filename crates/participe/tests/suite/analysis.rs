//! The whole path of a proposal through the services: deposit with custom
//! answers → assignment → analysis → decision → status → official answer →
//! the author and followers find the emails in the outbox. Also merges and
//! the staff CSV export.

use crate::common;

use axum::http::StatusCode;
use common::{Client, TestApp, open_collect_step};
use participe::storage::{analyses, outbox, proposals};
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

fn emails_to(all: &[outbox::Email], to: &str) -> Vec<String> {
    all.iter()
        .filter(|e| e.to_address == to)
        .map(|e| format!("{}\n{}", e.subject, e.body_text))
        .collect()
}

async fn full_path(app: &TestApp) {
    let mut pm = app.logged_in(Role::ProjectManager).await;
    let (slug, step) = open_collect_step(app, &mut pm, "Budget").await;
    pm.post("/admin/districts", &[("name", "Centre")]).await;
    let district = participe::storage::taxonomy::list(app.db(), participe::storage::taxonomy::Kind::District)
        .await
        .unwrap()[0]
        .id
        .to_string();
    pm.post(
        &format!("/admin/steps/{step}/statuses"),
        &[("status-name", "Retenu pour le vote"), ("status-colour", "#116329")],
    )
    .await;
    let res = pm
        .post(
            &format!("/admin/steps/{step}/statuses"),
            &[("status-name", "Jaune"), ("status-colour", "#ffff00")],
        )
        .await;
    assert_eq!(
        res.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "badge colours must be readable"
    );
    pm.post("/admin/reasons", &[("name", "Hors compétence de la ville")])
        .await;

    app.user("autrice@example.org", Role::Participant).await;
    let mut author = app.client();
    author.login("autrice@example.org", common::PASSWORD).await;
    let id = deposit(&mut author, &slug, step, "Un jardin partagé", &district).await;
    let other = deposit(&mut author, &slug, step, "Un autre jardin", &district).await;
    app.user("voisin@example.org", Role::Participant).await;
    let mut follower = app.client();
    follower.login("voisin@example.org", common::PASSWORD).await;
    assert_eq!(
        follower.post(&format!("/proposals/{id}/follow"), &[]).await.status,
        StatusCode::SEE_OTHER
    );

    // Bulk assignment of the district's proposals to an analyst.
    let analyst_id = app.user("analyste@example.org", Role::Analyst).await;
    let mut analyst = app.client();
    analyst.login("analyste@example.org", common::PASSWORD).await;
    assert_eq!(
        analyst.get(&format!("/admin/proposals/{id}")).await.status,
        StatusCode::FORBIDDEN,
        "not assigned yet"
    );
    let list = pm.get(&format!("/admin/steps/{step}/proposals")).await;
    assert_eq!(list.texts("tbody tr").len(), 2);
    let res = pm
        .post(
            &format!("/admin/steps/{step}/assign"),
            &[
                ("analyst", &analyst_id.to_string()),
                ("scope", "district"),
                ("district", &district),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(
        analyses::assigned_to(app.db(), analyst_id).await.unwrap(),
        vec![id, other]
    );
    assert!(
        analyst
            .get("/admin/analysis")
            .await
            .text("tbody")
            .contains("Un jardin partagé")
    );

    // The analyst analyses; the analysis stays private.
    let page = analyst.get(&format!("/admin/proposals/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.has("#decision-title"), "analysts do not decide");
    let res = analyst
        .post(
            &format!("/admin/proposals/{id}/analysis"),
            &[("admissibility", "not_admissible")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("reason").is_empty());
    let res = analyst
        .post(
            &format!("/admin/proposals/{id}/analysis"),
            &[
                ("admissibility", "admissible"),
                ("feasibility", "Terrain municipal disponible"),
                ("cost_estimate", "12 500"),
                ("delay_months", "6"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let a = analyses::get(app.db(), id).await.unwrap().unwrap();
    assert_eq!(
        (a.admissibility.as_str(), a.cost_estimate, a.delay_months),
        ("admissible", Some(12500), Some(6))
    );
    assert!(
        !app.client()
            .get(&format!("/proposals/{id}"))
            .await
            .body
            .contains("Terrain municipal"),
        "analysis is staff-only"
    );
    assert_eq!(
        analyst
            .post(&format!("/admin/proposals/{id}/decision"), &[("outcome", "admissible")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    // The decision, the status and the official answer.
    assert_eq!(
        pm.post(&format!("/admin/proposals/{id}/decision"), &[("outcome", "admissible")])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let statuses = participe::storage::collect::statuses(app.db(), step).await.unwrap();
    let res = pm
        .post(
            &format!("/admin/proposals/{id}/status"),
            &[("status", &statuses[0].id.to_string())],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let res = pm
        .post(
            &format!("/admin/proposals/{id}/answer"),
            &[("body", ""), ("publish_at", "")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = pm
        .post(
            &format!("/admin/proposals/{id}/answer"),
            &[("body", "Votre projet est **soumis au vote**."), ("publish_at", "")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);

    let public = app.client().get(&format!("/proposals/{id}")).await;
    assert!(public.text(".official-answer").contains("soumis au vote"));
    assert!(public.text(".meta").contains("Retenu pour le vote"));
    assert!(
        app.client()
            .get("/theme.css")
            .await
            .body
            .contains(&format!(".status-{} {{ background: #116329", statuses[0].id))
    );

    let all = outbox::list(app.db(), 100, 0).await.unwrap();
    for who in ["autrice@example.org", "voisin@example.org"] {
        let mine = emails_to(&all, who);
        assert!(
            mine.iter()
                .any(|e| e.contains("nouveau statut") && e.contains("Retenu pour le vote")),
            "{who}: {mine:?}"
        );
        assert!(mine.iter().any(|e| e.contains("réponse officielle")), "{who}: {mine:?}");
        assert!(
            mine.iter().all(|e| e.contains("/unsubscribe/")),
            "every notification can be unsubscribed from"
        );
    }
    assert!(emails_to(&all, "analyste@example.org").is_empty());

    // A scheduled answer is published only when due.
    let later = (chrono::Utc::now() + chrono::Duration::days(3))
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    pm.post(
        &format!("/admin/proposals/{other}/answer"),
        &[("body", "Plus tard"), ("publish_at", &later)],
    )
    .await;
    assert!(
        !app.client()
            .get(&format!("/proposals/{other}"))
            .await
            .has(".official-answer")
    );
    assert_eq!(
        participe::services::notify::publish_due_answers(app.db(), &app.state.config, &app.state.i18n)
            .await
            .unwrap(),
        0
    );
}
engine_test!(analysis_full_path, full_path);

/// The staff table of a step's proposals: sorted by any column, filtered,
/// and bulk actions on the selection.
async fn staff_table(app: &TestApp) {
    let mut pm = app.logged_in(Role::ProjectManager).await;
    let (slug, step) = open_collect_step(app, &mut pm, "Tableau").await;
    pm.post(
        &format!("/admin/steps/{step}/statuses"),
        &[("status-name", "À l’étude"), ("status-colour", "#116329")],
    )
    .await;
    let status = participe::storage::collect::statuses(app.db(), step).await.unwrap()[0].id;
    let mut author = app.logged_in(Role::Participant).await;
    let b = deposit(&mut author, &slug, step, "Bancs publics", "").await;
    let a = deposit(&mut author, &slug, step, "arbres fruitiers", "").await;
    let c = deposit(&mut author, &slug, step, "Composteur", "").await;
    let list_path = format!("/admin/steps/{step}/proposals");
    let titles = |res: &common::Res| res.texts("tbody tr td:nth-child(3)");

    let list = pm.get(&list_path).await;
    assert_eq!(
        titles(&list),
        ["Bancs publics", "arbres fruitiers", "Composteur"],
        "by reference"
    );
    assert_eq!(list.attr("th[aria-sort]", "aria-sort"), "ascending");
    let list = pm.get(&format!("{list_path}?sort=title")).await;
    assert_eq!(
        titles(&list),
        ["arbres fruitiers", "Bancs publics", "Composteur"],
        "case ignored"
    );
    assert_eq!(
        list.attr("th[aria-sort] a", "href"),
        format!("{list_path}?sort=title&dir=desc"),
        "the sorted column's link flips the order"
    );
    let list = pm.get(&format!("{list_path}?sort=title&dir=desc")).await;
    assert_eq!(titles(&list), ["Composteur", "Bancs publics", "arbres fruitiers"]);
    assert_eq!(list.attr("th[aria-sort]", "aria-sort"), "descending");
    // Filters: search, and they are kept by the sorting links.
    let list = pm.get(&format!("{list_path}?q=ARBRES")).await;
    assert_eq!(titles(&list), ["arbres fruitiers"]);
    assert!(
        list.text(".count").contains("1 proposition affichée sur 3"),
        "{}",
        list.text(".count")
    );
    assert!(
        list.attr("th:nth-child(3) a", "href")
            .starts_with(&format!("{list_path}?q=ARBRES&sort=title"))
    );
    let list = pm.get(&format!("{list_path}?q=nothing")).await;
    assert!(
        list.has(".empty")
            && list.has(
                "a[href='/admin/steps/{step}/proposals']"
                    .replace("{step}", &step.to_string())
                    .as_str()
            )
    );
    let list = pm.get(&format!("{list_path}?admissibility=admissible")).await;
    assert!(titles(&list).is_empty());
    // Unknown sort keys and values fall back to the default, never an error.
    let list = pm
        .get(&format!("{list_path}?sort=%27%3B--&dir=up&analyst=x&district=y"))
        .await;
    assert_eq!(list.status, StatusCode::OK);

    // Bulk status on the ticked proposals; the others keep theirs.
    let res = pm
        .post(
            &format!("/admin/steps/{step}/bulk-status"),
            &[
                ("scope", "selected"),
                ("proposal", &a.to_string()),
                ("proposal", &c.to_string()),
                ("status", &status.to_string()),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let status_of = |id| async move { proposals::by_id(app.db(), id).await.unwrap().unwrap().status_id };
    assert_eq!(
        (status_of(a).await, status_of(b).await, status_of(c).await),
        (Some(status), None, Some(status))
    );
    let list = pm.get(&format!("{list_path}?sort=status")).await;
    assert_eq!(titles(&list)[2], "Bancs publics", "no status last");
    // A status of another step is refused and changes nothing.
    let (_, other_step) = open_collect_step(app, &mut pm, "Autre").await;
    pm.post(
        &format!("/admin/steps/{other_step}/statuses"),
        &[("status-name", "Ailleurs"), ("status-colour", "#116329")],
    )
    .await;
    let foreign = participe::storage::collect::statuses(app.db(), other_step)
        .await
        .unwrap()[0]
        .id;
    let res = pm
        .post(
            &format!("/admin/steps/{step}/bulk-status"),
            &[("proposal", &b.to_string()), ("status", &foreign.to_string())],
        )
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(status_of(b).await, None);
    // Proposals of another step cannot be reached through this one.
    let res = pm
        .post(
            &format!("/admin/steps/{other_step}/bulk-status"),
            &[("proposal", &b.to_string()), ("status", &foreign.to_string())],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(b).await, None);
}
engine_test!(staff_table_sorts_filters_and_acts_in_bulk, staff_table);

async fn merge_moves_comments_and_followers(app: &TestApp) {
    let mut pm = app.logged_in(Role::ProjectManager).await;
    let (slug, step) = open_collect_step(app, &mut pm, "Fusions").await;
    let mut a = app.logged_in(Role::Participant).await;
    let parent = deposit(&mut a, &slug, step, "Parc central", "").await;
    let child = deposit(&mut a, &slug, step, "Parc du centre", "").await;
    let mut b = app.logged_in(Role::Participant).await;
    b.post(&format!("/proposals/{child}/follow"), &[]).await;
    b.post(&format!("/proposals/{child}/comments"), &[("body", "Bonne idée")])
        .await;
    let res = pm
        .post(
            &format!("/admin/proposals/{child}/decision"),
            &[("outcome", "merged"), ("merged_into", &child.to_string())],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "not into itself");
    let res = pm
        .post(
            &format!("/admin/proposals/{child}/decision"),
            &[("outcome", "merged"), ("merged_into", &parent.to_string())],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let p = proposals::by_id(app.db(), parent).await.unwrap().unwrap();
    assert_eq!(p.comment_count, 1);
    assert_eq!(
        participe::storage::comments::follower_count(app.db(), parent)
            .await
            .unwrap(),
        1
    );
    let page = app.client().get(&format!("/proposals/{child}")).await;
    assert!(page.text(".notice").contains("fusionnée"));
    assert!(page.has(&format!("a[href='/proposals/{parent}']")));
}
engine_test!(merge, merge_moves_comments_and_followers);

async fn csv_export(app: &TestApp) {
    let mut pm = app.logged_in(Role::ProjectManager).await;
    let (slug, step) = open_collect_step(app, &mut pm, "Export").await;
    pm.post(
        &format!("/admin/steps/{step}/collect"),
        &[
            ("reference_prefix", "AP"),
            ("max_per_person", "0"),
            ("mode-summary", "required"),
            ("mode-description", "optional"),
            ("mode-cost", "off"),
            ("mode-district", "optional"),
            ("mode-theme", "off"),
            ("mode-category", "off"),
            ("mode-address", "off"),
            ("mode-image", "off"),
            ("mode-attachments", "off"),
        ],
    )
    .await;
    pm.post(
        &format!("/admin/steps/{step}/questions"),
        &[("q-new-kind", "yes_no"), ("q-new-label", "Déjà essayé ?")],
    )
    .await;
    let mut a = app.logged_in(Role::Participant).await;
    let id = deposit(&mut a, &slug, step, "Fête de l'été; avec \"guillemets\"", "").await;
    pm.post(
        &format!("/admin/proposals/{id}/analysis"),
        &[("admissibility", "admissible"), ("feasibility", "Oui, à l'étude")],
    )
    .await;
    let res = pm.get(&format!("/admin/steps/{step}/export.csv")).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.headers["content-type"].to_str().unwrap().starts_with("text/csv"));
    assert!(res.body.starts_with('\u{feff}'), "UTF-8 byte-order mark");
    let mut rows = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(res.body.trim_start_matches('\u{feff}').as_bytes());
    let headers = rows.headers().unwrap().clone();
    assert_eq!(&headers[0], "reference");
    assert!(
        headers.iter().any(|h| h == "Déjà essayé ?"),
        "custom questions are columns"
    );
    let row = rows.records().next().unwrap().unwrap();
    assert_eq!(&row[0], "AP-0001");
    assert_eq!(&row[1], "Fête de l'été; avec \"guillemets\"");
    assert!(row.iter().any(|c| c == "Oui, à l'étude"));
    let comma = pm.get(&format!("/admin/steps/{step}/export.csv?sep=comma")).await;
    assert!(comma.body.lines().next().unwrap().contains("reference,title"));
    let mut participant = app.logged_in(Role::Participant).await;
    assert_eq!(
        participant.get(&format!("/admin/steps/{step}/export.csv")).await.status,
        StatusCode::FORBIDDEN
    );
}
engine_test!(export, csv_export);
