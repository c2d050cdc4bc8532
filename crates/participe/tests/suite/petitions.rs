//! Petitions over HTTP, on both engines: a collect step put in support mode
//! in the back office, "Je soutiens" (one support per person, confirmed
//! address, withdrawal), the threshold that emails the staff and the author
//! exactly once even when supports arrive together, the public deadline
//! until the official answer, automatic archiving (once), and the stronger
//! checks a petition may ask of its supporters.

use crate::common;

use axum::http::StatusCode;
use common::{Client, PASSWORD, TestApp, open_collect_step};
use participe::storage::{analyses, petitions, proposals};
use participe_domain::Role;
use participe_domain::proposal::ProposalInput;

/// An open collect step in support mode with this threshold; returns the
/// manager, the step and the author of one published petition, and its id.
async fn setup(app: &TestApp, threshold: &str, archive_days: &str) -> (Client, i64, i64) {
    let mut pm = app.logged_in(Role::ProjectManager).await;
    let (_, step) = open_collect_step(app, &mut pm, "Pétitions").await;
    let page = pm.get(&format!("/admin/steps/{step}/collect")).await;
    assert!(page.has("#petition-section"), "{}", page.body);
    // Bad values are refused next to their field, nothing stored.
    let path = format!("/admin/steps/{step}/petition");
    let res = pm
        .post(
            &path,
            &[("threshold", "0"), ("answer_days", ""), ("archive_days", "dix")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("threshold").is_empty());
    assert!(!res.field_error("answer_days").is_empty());
    assert!(!res.field_error("archive_days").is_empty());
    assert!(petitions::settings(app.db(), step).await.unwrap().is_none());
    let res = pm
        .post(
            &path,
            &[
                ("threshold", threshold),
                ("answer_days", "60"),
                ("archive_days", archive_days),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let author = app.user("autrice@example.org", Role::Participant).await;
    let id = petition(app, step, author, "Un passage piéton devant l'école").await;
    (pm, step, id)
}

async fn petition(app: &TestApp, step: i64, author: i64, title: &str) -> i64 {
    let input = ProposalInput {
        title: title.into(),
        summary: "Les enfants traversent sans feu.".into(),
        ..Default::default()
    };
    let id = proposals::create_draft(app.db(), step, author, &input).await.unwrap();
    proposals::submit(app.db(), id).await.unwrap();
    id
}

async fn supporter(app: &TestApp, n: usize) -> Client {
    let email = format!("soutien-{n}@example.org");
    app.user(&email, Role::Participant).await;
    let mut c = app.client();
    c.login(&email, PASSWORD).await;
    c
}

async fn emails_to(app: &TestApp, to: &str, subject_part: &str) -> usize {
    participe::storage::outbox::list(app.db(), 10_000, 0)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.to_address == to && e.subject.contains(subject_part))
        .count()
}

async fn count(app: &TestApp, id: i64) -> i64 {
    petitions::of_proposal(app.db(), id).await.unwrap().support_count
}

async fn support_threshold_deadline_answer(app: &TestApp) {
    let (pm, _step, id) = setup(app, "3", "").await;
    let support = format!("/proposals/{id}/support");
    let page = app.client().get(&format!("/proposals/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text("#support").contains("0 soutien sur 3"),
        "{}",
        page.text("#support")
    );
    assert!(
        page.has("#support a.support-button[href^='/login']"),
        "visitors are asked to log in"
    );

    // Anonymous visitors are sent to the log-in page; nothing counted.
    let res = app.client().post(&support, &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(res.location().starts_with("/login"), "{}", res.location());
    // An unconfirmed address may not support.
    let s = participe::services::accounts::create(
        app.db(),
        &participe_domain::account::Signup {
            display_name: "Pas confirmée".into(),
            email: "pas-confirmee@example.org".into(),
            password: PASSWORD.into(),
        },
        Role::Participant,
        participe::i18n::Lang::Fr,
        false,
    )
    .await;
    assert!(s.is_ok());
    let mut unconfirmed = app.client();
    unconfirmed.login("pas-confirmee@example.org", PASSWORD).await;
    let res = unconfirmed.post(&support, &[]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(res.field_error("support").contains("Confirmez"), "{}", res.body);
    assert_eq!(count(app, id).await, 0);

    // One support per person; withdrawing gives it back.
    let mut a = supporter(app, 1).await;
    assert_eq!(a.post(&support, &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(a.post(&support, &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(count(app, id).await, 1);
    let page = a.get(&format!("/proposals/{id}")).await;
    assert!(
        page.text("#support").contains("Vous soutenez"),
        "{}",
        page.text("#support")
    );
    assert_eq!(
        a.post(&support, &[("action", "withdraw")]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(count(app, id).await, 0);
    assert_eq!(app.count("supports").await, 0);

    // Three supports reach the threshold: one email to the author and one
    // to each decider, the deadline shown.
    for n in 2..=4 {
        let mut c = supporter(app, n).await;
        assert_eq!(c.post(&support, &[]).await.status, StatusCode::SEE_OTHER);
    }
    assert_eq!(count(app, id).await, 3);
    let p = petitions::of_proposal(app.db(), id).await.unwrap();
    let (reached, due) = (p.threshold_reached_at.unwrap(), p.answer_due_at.unwrap());
    assert_eq!((due - reached).num_days(), 60);
    assert_eq!(emails_to(app, "autrice@example.org", "seuil").await, 1);
    let mail = common::last_email_to(app, "autrice@example.org").await;
    assert!(mail.body_text.contains("au plus tard le"), "{}", mail.body_text);
    let deciders = participe::storage::users::deciders(app.db()).await.unwrap();
    assert!(!deciders.is_empty());
    for d in &deciders {
        assert_eq!(emails_to(app, d.email.as_deref().unwrap(), "seuil").await, 1);
    }
    let page = app.client().get(&format!("/proposals/{id}")).await;
    let block = page.text("#support");
    assert!(block.contains("Seuil atteint"), "{block}");
    assert!(
        block.contains("au plus tard le") && block.contains("encore 60 jours"),
        "{block}"
    );
    // The back office's dashboard lists it as waiting for an answer.
    let mut pm = pm;
    let dash = pm.get("/admin").await;
    assert!(dash.has("#petitions-title"), "{}", dash.body);
    assert!(dash.has(&format!("a[href='/admin/proposals/{id}']")));

    // A fourth support and a withdrawal keep the promise: no new email.
    let mut late = supporter(app, 5).await;
    late.post(&support, &[]).await;
    late.post(&support, &[("action", "withdraw")]).await;
    assert_eq!(emails_to(app, "autrice@example.org", "seuil").await, 1);
    assert!(
        petitions::of_proposal(app.db(), id)
            .await
            .unwrap()
            .threshold_reached_at
            .is_some()
    );

    // The official answer ends the wait.
    let staff = deciders[0].id;
    analyses::save_answer(
        app.db(),
        id,
        "La Ville installera le passage en mars.",
        participe::storage::now(),
        staff,
    )
    .await
    .unwrap();
    analyses::publish_due(app.db()).await.unwrap();
    let page = app.client().get(&format!("/proposals/{id}")).await;
    let block = page.text("#support");
    assert!(block.contains("Réponse officielle publiée"), "{block}");
    assert!(!block.contains("au plus tard"), "{block}");
    assert!(page.text(".official-answer").contains("en mars"));
    let dash = pm.get("/admin").await;
    assert!(!dash.has("#petitions-title"), "answered: no longer waiting");

    // The list sorts by supports and shows each petition's progress.
    let step = proposals::by_id(app.db(), id).await.unwrap().unwrap().step_id;
    let project = participe::storage::steps::by_id(app.db(), step)
        .await
        .unwrap()
        .unwrap()
        .project_id;
    let slug = participe::storage::projects::by_id(app.db(), project)
        .await
        .unwrap()
        .unwrap()
        .slug;
    let list = app
        .client()
        .get(&format!("/projects/{slug}/steps/{step}?sort=supports"))
        .await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.has("option[value=supports][selected]"));
    assert!(
        list.text(".card-petition").contains("3 / 3 soutiens"),
        "{}",
        list.text(".card-petition")
    );
    assert!(list.text(".card-petition").contains("Répondue"));
}

async fn threshold_emails_once_under_concurrency(app: &TestApp) {
    let (_pm, _step, id) = setup(app, "20", "").await;
    let mut clients = Vec::new();
    for n in 0..30 {
        clients.push(supporter(app, n).await);
    }
    let path = format!("/proposals/{id}/support");
    let handles: Vec<_> = clients
        .into_iter()
        .map(|mut c| {
            let path = path.clone();
            tokio::spawn(async move { c.post(&path, &[]).await.status })
        })
        .collect();
    for h in handles {
        assert_eq!(h.await.unwrap(), StatusCode::SEE_OTHER);
    }
    assert_eq!(count(app, id).await, 30);
    assert_eq!(app.count("supports").await, 30);
    assert_eq!(emails_to(app, "autrice@example.org", "seuil").await, 1);
}

async fn archiving_runs_once(app: &TestApp) {
    let (_pm, step, id) = setup(app, "50", "30").await;
    let author = participe::storage::users::by_email(app.db(), "autrice@example.org")
        .await
        .unwrap()
        .unwrap()
        .id;
    let young = petition(app, step, author, "Une pétition récente").await;
    let now = participe::storage::now();
    petitions::backdate(app.db(), id, now - chrono::Duration::days(31), None, 60, None)
        .await
        .unwrap();
    let mut c = supporter(app, 1).await;
    c.post(&format!("/proposals/{id}/support"), &[]).await;
    assert_eq!(count(app, id).await, 1);

    let state = &app.state;
    let first = participe::services::petitions::archive_due(&state.db, &state.config, &state.i18n)
        .await
        .unwrap();
    let second = participe::services::petitions::archive_due(&state.db, &state.config, &state.i18n)
        .await
        .unwrap();
    assert_eq!((first, second), (1, 0));
    assert!(
        petitions::of_proposal(app.db(), id)
            .await
            .unwrap()
            .archived_at
            .is_some()
    );
    assert!(
        petitions::of_proposal(app.db(), young)
            .await
            .unwrap()
            .archived_at
            .is_none()
    );
    assert_eq!(emails_to(app, "autrice@example.org", "archivée").await, 1);

    // Still readable; no more supports, nor withdrawals.
    let page = app.client().get(&format!("/proposals/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text("#support").contains("Archivée le"),
        "{}",
        page.text("#support")
    );
    assert!(!page.has("#support form"));
    let mut other = supporter(app, 2).await;
    let res = other.post(&format!("/proposals/{id}/support"), &[]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("support").contains("archivée"));
    c.post(&format!("/proposals/{id}/support"), &[("action", "withdraw")])
        .await;
    assert_eq!(count(app, id).await, 1);
}

async fn support_mode_only(app: &TestApp) {
    let mut pm = app.logged_in(Role::ProjectManager).await;
    let (slug, step) = open_collect_step(app, &mut pm, "Budget").await;
    let author = app.user("autrice@example.org", Role::Participant).await;
    let id = petition(app, step, author, "Une idée").await;
    let page = app.client().get(&format!("/proposals/{id}")).await;
    assert!(!page.has("#support"), "no petition block outside support mode");
    let list = app.client().get(&format!("/projects/{slug}/steps/{step}")).await;
    assert!(!list.has("option[value=supports]"));
    let mut c = supporter(app, 1).await;
    let res = c.post(&format!("/proposals/{id}/support"), &[]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("supports").await, 0);
    // Turned on then off: supports given stay, new ones are refused.
    pm.post(
        &format!("/admin/steps/{step}/petition"),
        &[("threshold", "10"), ("answer_days", "30"), ("archive_days", "")],
    )
    .await;
    assert_eq!(
        c.post(&format!("/proposals/{id}/support"), &[]).await.status,
        StatusCode::SEE_OTHER
    );
    let res = pm.post(&format!("/admin/steps/{step}/petition/off"), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(petitions::settings(app.db(), step).await.unwrap().is_none());
    assert_eq!(count(app, id).await, 1);
    // A participant may not configure it.
    let res = c
        .post(
            &format!("/admin/steps/{step}/petition"),
            &[("threshold", "1"), ("answer_days", "1"), ("archive_days", "")],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
}

/// A petition asking for stronger checks: an identification code and a
/// phone number given once for the whole step (a mistake never spends the
/// code, a code serves one person), then a verified identity too.
async fn stronger_checks(app: &TestApp) {
    let (mut pm, step, id) = setup(app, "10", "").await;
    let path = format!("/admin/steps/{step}/petition");
    let with = |extra: &[(&'static str, &'static str)]| {
        let mut f = vec![("threshold", "10"), ("answer_days", "60"), ("archive_days", "")];
        f.extend_from_slice(extra);
        f
    };
    let res = pm
        .post(&path, &with(&[("req_id_code", "on"), ("req_phone", "on")]))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = pm.get(&format!("/admin/steps/{step}/collect")).await;
    assert!(page.has("#f-req_id_code[checked]") && page.has("#f-req_phone[checked]"));
    assert!(!page.has("#f-req_verified_identity[checked]"));
    let codes = format!("/admin/steps/{step}/codes");
    assert!(page.has(&format!("#petition-section a[href='{codes}']")));
    let res = pm
        .post_multipart(&codes, &[], &[("file", "codes.csv", b"AB12-CD34\nEF56-GH78\n")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let used = || async { participe::storage::id_codes::counts(app.db(), step).await.unwrap().1 };

    let support = format!("/proposals/{id}/support");
    let mut a = supporter(app, 1).await;
    let page = a.get(&format!("/proposals/{id}")).await;
    assert!(page.has("#support #f-id_code") && page.has("#support #f-phone[type=tel]"));
    let res = a
        .post(&support, &[("id_code", "ZZ99-ZZ99"), ("phone", "06 12 34 56 78")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("id_code").contains("inconnu"));
    let res = a.post(&support, &[("id_code", "ab12 cd34"), ("phone", "12")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("phone").contains("n'est pas valide"));
    assert_eq!(res.attr("#f-phone", "value"), "12", "what was typed is kept");
    assert_eq!((count(app, id).await, used().await), (0, 0), "nothing counted or spent");
    let res = a
        .post(&support, &[("id_code", "ab12 cd34"), ("phone", "06 12 34 56 78")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!((count(app, id).await, used().await), (1, 1));

    // Given once for the step: another petition of it asks for nothing more.
    let author = app.user("auteur2@example.org", Role::Participant).await;
    let second = petition(app, step, author, "Des bancs au parc").await;
    let page = a.get(&format!("/proposals/{second}")).await;
    assert!(!page.has("#f-id_code") && !page.has("#f-phone") && page.has("#support button.support-button"));
    let res = a.post(&format!("/proposals/{second}/support"), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(count(app, second).await, 1);
    // Withdrawing asks for nothing.
    let res = a.post(&support, &[("action", "withdraw")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(count(app, id).await, 0);

    // A code serves one person.
    let b_id = app.user("soutien-2@example.org", Role::Participant).await;
    let mut b = app.client();
    b.login("soutien-2@example.org", PASSWORD).await;
    let res = b
        .post(&support, &[("id_code", "AB12CD34"), ("phone", "0612345679")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("id_code").contains("inconnu"));

    // A verified identity asked as well: offered, refused without it.
    let res = pm
        .post(
            &path,
            &with(&[
                ("req_id_code", "on"),
                ("req_phone", "on"),
                ("req_verified_identity", "on"),
            ]),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = b.get(&format!("/proposals/{id}")).await;
    assert!(page.text("#support .petition-checks").contains("identité"));
    assert!(!page.has("#support button.support-button"));
    let res = b
        .post(&support, &[("id_code", "EF56-GH78"), ("phone", "0612345679")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("support").contains("identité vérifiée"));
    assert_eq!((count(app, id).await, used().await), (0, 1), "the code was not spent");
    participe::storage::sso::mark_verified(app.db(), b_id, None)
        .await
        .unwrap();
    let res = b
        .post(&support, &[("id_code", "EF56-GH78"), ("phone", "0612345679")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!((count(app, id).await, used().await), (1, 2));
    // The codes page leads back to the petition settings.
    let page = pm.get(&codes).await;
    assert!(page.has(&format!("main a[href='/admin/steps/{step}/collect#petition']")));
}

engine_test!(support_threshold_deadline_answer, support_threshold_deadline_answer);
engine_test!(
    threshold_emails_once_under_concurrency,
    threshold_emails_once_under_concurrency
);
engine_test!(archiving_runs_once, archiving_runs_once);
engine_test!(support_mode_only, support_mode_only);
engine_test!(petition_stronger_checks, stronger_checks);
