//! Questionnaires and votations over HTTP, on both engines: building one in
//! the back office, every question type with valid and invalid answers
//! (message next to the field, nothing stored), logic jumps that skip and
//! drop, drafts, replies without an account, results with private answers
//! withheld, and the secret, single ballot of a votation under concurrency.

use crate::common;

use axum::http::StatusCode;
use common::{Client, TestApp, open_step};
use participe::security::pow_solve;
use participe_domain::Role;

/// The questions' ids of a questionnaire step, in order.
async fn question_ids(app: &TestApp, step: i64) -> Vec<i64> {
    let q = participe::storage::questionnaires::get_or_create(app.db(), step)
        .await
        .unwrap();
    participe::storage::forms::questions(app.db(), q.form_id)
        .await
        .unwrap()
        .iter()
        .map(|q| q.id)
        .collect()
}

async fn add(pm: &mut Client, step: i64, fields: &[(&str, &str)]) {
    let fields: Vec<(String, &str)> = fields.iter().map(|(k, v)| (format!("q-new-{k}"), *v)).collect();
    let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let res = pm.post(&format!("/admin/steps/{step}/questions"), &refs).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
}

/// An open questionnaire with one question of each answering type; returns
/// the manager, the step and the question ids (in the order added).
async fn setup(app: &TestApp, settings: &[(&str, &str)]) -> (Client, i64, Vec<i64>) {
    let mut pm = app.logged_in(Role::ProjectManager).await;
    let (_, step) = open_step(app, &mut pm, "Plan vélo", "questionnaire").await;
    let page = pm.get(&format!("/admin/steps/{step}/questionnaire")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let res = pm.post(&format!("/admin/steps/{step}/questionnaire"), settings).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    // A bad configuration is refused next to its field.
    let res = pm
        .post(
            &format!("/admin/steps/{step}/questions"),
            &[
                ("q-new-kind", "single_choice"),
                ("q-new-label", "Seul"),
                ("q-new-choices", "Un"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("q-new-choices").is_empty());
    add(
        &mut pm,
        step,
        &[("kind", "yes_no"), ("label", "Avez-vous un vélo ?"), ("required", "on")],
    )
    .await;
    add(
        &mut pm,
        step,
        &[
            ("kind", "number"),
            ("label", "Kilomètres par semaine"),
            ("min", "0"),
            ("max", "500"),
            ("required", "on"),
        ],
    )
    .await;
    add(
        &mut pm,
        step,
        &[
            ("kind", "single_choice"),
            ("label", "Trajet"),
            ("choices", "Travail | Le plus courant | #1d4ed8\nLoisirs"),
            ("display", "buttons"),
        ],
    )
    .await;
    add(
        &mut pm,
        step,
        &[
            ("kind", "multiple_choice"),
            ("label", "Équipements"),
            ("choices", "Pistes\nParkings\nAteliers"),
            ("max", "2"),
            ("allow_other", "on"),
        ],
    )
    .await;
    add(
        &mut pm,
        step,
        &[
            ("kind", "ranking"),
            ("label", "Priorités"),
            ("choices", "Sécurité\nConfort\nVitesse"),
            ("max", "2"),
        ],
    )
    .await;
    add(
        &mut pm,
        step,
        &[
            ("kind", "majority"),
            ("label", "Noms de la place"),
            ("choices", "Place Olympe de Gouges\nPlace des Tilleuls"),
        ],
    )
    .await;
    add(
        &mut pm,
        step,
        &[("kind", "siret"), ("label", "SIRET de votre entreprise")],
    )
    .await;
    add(&mut pm, step, &[("kind", "rna"), ("label", "Numéro RNA")]).await;
    add(
        &mut pm,
        step,
        &[("kind", "long_text"), ("label", "Une idée ?"), ("private", "on")],
    )
    .await;
    let ids = question_ids(app, step).await;
    assert_eq!(ids.len(), 9);
    (pm, step, ids)
}

fn answers(ids: &[i64]) -> Vec<(String, String)> {
    let q = |i: usize| format!("q-{}", ids[i]);
    vec![
        (q(0), "yes".into()),
        (q(1), "42".into()),
        (q(2), "Travail".into()),
        (q(3), "Pistes".into()),
        (q(3), "__other__".into()),
        (format!("{}-other", q(3)), "Bornes de recharge".into()),
        (format!("{}-c1", q(4)), "1".into()),
        (format!("{}-c0", q(4)), "2".into()),
        (format!("{}-c0", q(5)), "very_good".into()),
        (format!("{}-c1", q(5)), "passable".into()),
        (q(6), "732 829 320 00074".into()),
        (q(7), "w751234567".into()),
        (q(8), "Des pistes séparées des voitures".into()),
        ("action".into(), "submit".into()),
    ]
}

/// The counts kept as replies arrive equal a count of every stored answer
/// of the step's complete replies (drafts left out).
async fn assert_tallies(app: &TestApp, step: i64) {
    let mut kept = participe::storage::questionnaires::answer_counts(app.db(), step, &Default::default())
        .await
        .unwrap();
    let mut counted: Vec<(i64, String, i64)> = participe::on_db!(app.db(), |p| sqlx::query_as(
        "SELECT a.question_id, a.value, COUNT(*) FROM reply_answers a
         JOIN questionnaire_replies r ON r.id = a.reply_id
         WHERE r.step_id = $1 AND NOT r.draft GROUP BY a.question_id, a.value"
    )
    .bind(step)
    .fetch_all(p)
    .await)
    .unwrap();
    kept.sort();
    counted.sort();
    assert!(!counted.is_empty());
    assert_eq!(kept, counted);
}

fn refs(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

async fn every_type_checked(app: &TestApp) {
    let (mut pm, step, ids) = setup(app, &[("kind", "survey"), ("results_public", "on"), ("drafts", "on")]).await;
    let mut a = app.logged_in(Role::Participant).await;
    let page = a.get(&format!("/questionnaires/{step}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.has(&format!("input[name='q-{}-c0'][value='reject']", ids[5])));
    let path = format!("/questionnaires/{step}");
    // One wrong answer per type: each is reported next to its field, nothing is stored.
    let bad: Vec<(usize, (String, String))> = vec![
        (0, (format!("q-{}", ids[0]), "peut-être".into())),
        (1, (format!("q-{}", ids[1]), "501".into())),
        (2, (format!("q-{}", ids[2]), "Avion".into())),
        (4, (format!("q-{}-c1", ids[4]), "2".into())),
        (5, (format!("q-{}-c1", ids[5]), "".into())),
        (6, (format!("q-{}", ids[6]), "73282932000075".into())),
        (7, (format!("q-{}", ids[7]), "12345".into())),
    ];
    for (i, (field, value)) in bad {
        let mut form = answers(&ids);
        form.retain(|(k, _)| *k != field);
        form.push((field.clone(), value));
        let res = a.post(&path, &refs(&form)).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "question {i}");
        assert!(
            !res.field_error(&format!("q-{}", ids[i])).is_empty(),
            "question {i}: {}",
            res.body
        );
        // What was typed is shown again.
        assert_eq!(
            res.attr(&format!("#f-q-{}", ids[1]), "value"),
            if i == 1 { "501" } else { "42" }
        );
    }
    // Missing required answers.
    let res = a.post(&path, &[("action", "submit")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error(&format!("q-{}", ids[0])).is_empty());
    assert_eq!(app.count("questionnaire_replies").await, 0);
    // All valid.
    let res = a.post(&path, &refs(&answers(&ids))).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(app.count("reply_answers").await, 9);
    // One reply per person.
    let res = a.post(&path, &refs(&answers(&ids))).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(app.count("questionnaire_replies").await, 1);

    // Results: public, without the private question; staff see it.
    let res = app.client().get(&format!("/questionnaires/{step}/results")).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert!(res.body.contains("Olympe de Gouges") && res.body.contains("Bornes de recharge"));
    assert!(!res.body.contains("Des pistes séparées"));
    assert!(!res.has(&format!("#rq-{}", ids[8])));
    let res = pm.get(&format!("/questionnaires/{step}/results")).await;
    assert!(res.body.contains("Des pistes séparées"));
    assert!(res.has(&format!("#rq-{}", ids[8])));
    // Staff exports: one column per question, private answers included.
    let res = pm.get(&format!("/admin/steps/{step}/replies.csv")).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(
        res.body.starts_with("\u{feff}reply;receipt;email"),
        "{}",
        &res.body[..80]
    );
    assert!(res.body.contains("Des pistes séparées") && res.body.contains("73282932000074"));
    let res = pm.get(&format!("/admin/steps/{step}/replies.json")).await;
    let json: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(json["replies"].as_array().unwrap().len(), 1);
    assert_eq!(
        app.client()
            .get(&format!("/admin/steps/{step}/replies.csv"))
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    // Filters (staff): nobody in this age band.
    let res = pm.get(&format!("/questionnaires/{step}/results?age=65-plus")).await;
    assert_eq!(res.text("p.lead"), "0 réponse");
}

async fn logic_jumps_skip_and_drop(app: &TestApp) {
    let (mut pm, step, ids) = setup(app, &[("kind", "survey"), ("multiple_replies", "on")]).await;
    // "No bike" jumps to the idea; kilometres and the rest are skipped.
    let res = pm
        .post(
            &format!("/admin/questions/{}/jumps", ids[0]),
            &[
                ("op1", "is"),
                ("choice1", "no"),
                ("combine", "all"),
                ("target", &ids[8].to_string()),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    // A jump backwards is refused.
    let res = pm
        .post(
            &format!("/admin/questions/{}/jumps", ids[2]),
            &[("op1", "is"), ("choice1", "Loisirs"), ("target", &ids[0].to_string())],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut a = app.logged_in(Role::Participant).await;
    let path = format!("/questionnaires/{step}");
    let page = a.get(&path).await;
    assert!(page.has(&format!("[data-question='{}'][data-logic]", ids[0])));
    // The kilometres are required, but skipped: not asked, and dropped.
    let res = a
        .post(
            &path,
            &[
                (&format!("q-{}", ids[0]) as &str, "no"),
                (&format!("q-{}", ids[1]), "9999"),
                (&format!("q-{}", ids[8]), "Plus de bus"),
                ("action", "submit"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let stored: Vec<i64> = sqlx_ids(app).await;
    assert_eq!(stored, vec![ids[0], ids[8]]);
    // Answering "yes" asks the kilometres again.
    let res = a
        .post(
            &path,
            &[(&format!("q-{}", ids[0]) as &str, "yes"), ("action", "submit")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error(&format!("q-{}", ids[1])).is_empty());
}

async fn sqlx_ids(app: &TestApp) -> Vec<i64> {
    let rows: Vec<(i64,)> = participe::on_db!(app.db(), |p| sqlx::query_as(
        "SELECT question_id FROM reply_answers ORDER BY question_id"
    )
    .fetch_all(p)
    .await)
    .unwrap();
    rows.into_iter().map(|r| r.0).collect()
}

async fn drafts_resume(app: &TestApp) {
    let (_pm, step, ids) = setup(app, &[("kind", "survey"), ("drafts", "on")]).await;
    let mut a = app.logged_in(Role::Participant).await;
    let path = format!("/questionnaires/{step}");
    // A draft may leave required questions empty, not hold wrong answers.
    let res = a
        .post(&path, &[(&format!("q-{}", ids[1]) as &str, "abc"), ("action", "draft")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = a
        .post(&path, &[(&format!("q-{}", ids[1]) as &str, "12"), ("action", "draft")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = a.get(&path).await;
    assert_eq!(page.attr(&format!("#f-q-{}", ids[1]), "value"), "12");
    // The draft becomes the reply.
    let res = a.post(&path, &refs(&answers(&ids))).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(app.count("questionnaire_replies").await, 1);
    let page = a.get(&path).await;
    assert!(page.body.contains("déjà répondu"));
    assert_tallies(app, step).await;
}

async fn anonymous_replies(app: &TestApp) {
    let (_pm, step, ids) = setup(app, &[("kind", "survey"), ("anonymous", "on")]).await;
    let mut visitor = app.client();
    let path = format!("/questionnaires/{step}");
    let page = visitor.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    let nonce = page.attr("input[name='pow_nonce']", "value");
    let mut form = answers(&ids);
    // Without the proof of work, nothing is stored.
    let res = visitor.post(&path, &refs(&form)).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("questionnaire_replies").await, 0);
    form.push(("pow_nonce".into(), nonce.clone()));
    form.push(("pow_solution".into(), pow_solve(&nonce, 14)));
    let res = visitor.post(&path, &refs(&form)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(app.count("questionnaire_replies").await, 1);
}

async fn one_secret_ballot_under_concurrency(app: &TestApp) {
    let (mut pm, step, ids) = setup(app, &[("kind", "vote"), ("results_public", "on"), ("drafts", "on")]).await;
    let voter = app.logged_in(Role::Participant).await;
    let mut tasks = Vec::new();
    for _ in 0..50 {
        let mut c = voter.clone();
        let form = answers(&ids);
        tasks.push(tokio::spawn(async move {
            c.post(&format!("/questionnaires/{step}"), &refs(&form)).await.status
        }));
    }
    let mut ok = 0;
    for t in tasks {
        match t.await.unwrap() {
            StatusCode::OK => ok += 1,
            s => assert!(s == StatusCode::FORBIDDEN || s == StatusCode::CONFLICT, "{s}"),
        }
    }
    assert_eq!(ok, 1);
    assert_eq!(app.count("questionnaire_replies").await, 1);
    assert_tallies(app, step).await;
    assert_eq!(app.count("questionnaire_participants").await, 1);
    // The ballot holds no voter and no time; it has a receipt.
    let (user, created, receipt): (Option<i64>, Option<String>, Option<String>) =
        participe::on_db!(app.db(), |p| sqlx::query_as(
            "SELECT user_id, CAST(created_at AS TEXT), receipt FROM questionnaire_replies"
        )
        .fetch_one(p)
        .await)
        .unwrap();
    assert!(user.is_none() && created.is_none());
    assert_eq!(receipt.as_deref().map(str::len), Some(14));
    // Results stay hidden until published, even when public.
    let res = app.client().get(&format!("/questionnaires/{step}/results")).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    // Not before the close; then for everyone.
    let publish = format!("/admin/steps/{step}/questionnaire/publish");
    assert_eq!(
        pm.post(&publish, &[("publish", "yes")]).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let past = |d: i64| {
        (chrono::Utc::now() - chrono::Duration::days(d))
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    };
    let res = pm
        .post(
            &format!("/admin/steps/{step}"),
            &[
                ("title", "Dépôt"),
                ("step_type", "questionnaire"),
                ("starts_at", &past(9)),
                ("ends_at", &past(1)),
                ("published", "on"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        pm.post(&publish, &[("publish", "yes")]).await.status,
        StatusCode::SEE_OTHER
    );
    let res = app.client().get(&format!("/questionnaires/{step}/results")).await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.text("p.lead"), "1 réponse");
    // Every ballot by its receipt: a voter finds theirs, anyone downloads them.
    let receipt = receipt.unwrap_or_default();
    let res = app
        .client()
        .get(&format!(
            "/questionnaires/{step}/receipts?code={}",
            receipt.to_lowercase()
        ))
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.text("tr.mine code"), receipt);
    assert!(res.text("tr.mine").contains("Place Olympe de Gouges: very_good"));
    let res = app
        .client()
        .get(&format!("/questionnaires/{step}/receipts?code=2222-2222-2222"))
        .await;
    assert!(!res.has("tr.mine"));
    let res = app.client().get(&format!("/questionnaires/{step}/receipts.csv")).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.body.starts_with('\u{feff}') && res.body.contains(&receipt));
}

/// A file question takes an image or a PDF checked by content, within its
/// size limit; a value typed for it is ignored. The acknowledgement email
/// lists the answers.
async fn files_and_acknowledgement(app: &TestApp) {
    let (mut pm, step, _) = setup(app, &[("kind", "survey"), ("acknowledge", "on")]).await;
    add(
        &mut pm,
        step,
        &[
            ("kind", "file"),
            ("label", "Une photo du lieu"),
            ("max", "1"),
            ("required", "on"),
        ],
    )
    .await;
    let ids = question_ids(app, step).await;
    let file_field = format!("q-{}", ids[9]);
    app.user("anne@example.org", Role::Participant).await;
    let mut a = app.client();
    a.login("anne@example.org", common::PASSWORD).await;
    let path = format!("/questionnaires/{step}");
    let page = a.get(&path).await;
    assert_eq!(page.attr("form.questionnaire", "enctype"), "multipart/form-data");
    let base = answers(&ids);
    let mut fields = refs(&base);
    // A forged value instead of a file is not an answer.
    fields.push((
        &file_field,
        "0000000000000000000000000000000000000000000000000000000000000000.png",
    ));
    let res = a.post_multipart(&path, &fields, &[]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error(&file_field).is_empty());
    fields.pop();
    let res = a
        .post_multipart(&path, &fields, &[(&file_field, "photo.png", b"<svg onload=alert(1)>")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("questionnaire_replies").await, 0);
    let res = a
        .post_multipart(&path, &fields, &[(&file_field, "photo.png", common::PNG)])
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let stored: String = participe::on_db!(app.db(), |p| sqlx::query_scalar(
        "SELECT value FROM reply_answers WHERE question_id = $1"
    )
    .bind(ids[9])
    .fetch_one(p)
    .await)
    .unwrap();
    assert!(stored.ends_with(".png") && stored.len() == 68, "{stored}");
    let mail = common::last_email_to(app, "anne@example.org").await;
    assert!(
        mail.body_text.contains("Kilomètres par semaine") && mail.body_text.contains("42"),
        "{}",
        mail.body_text
    );
}

async fn paper_ballots_by_mediators(app: &TestApp) {
    let (mut pm, step, ids) = setup(app, &[("kind", "vote"), ("results_public", "on")]).await;
    app.user("mediatrice@example.org", Role::Participant).await;
    let add = format!("/admin/steps/{step}/questionnaire/mediators");
    let res = pm.post(&add, &[("email", "personne@example.org")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("email").is_empty());
    assert_eq!(
        pm.post(&add, &[("email", "Mediatrice@example.org")]).await.status,
        StatusCode::SEE_OTHER
    );
    assert!(
        pm.get(&format!("/admin/steps/{step}/questionnaire"))
            .await
            .body
            .contains("mediatrice@example.org")
    );
    let paper = format!("/questionnaires/{step}/paper");
    let mut mediator = app.client();
    mediator.login("mediatrice@example.org", common::PASSWORD).await;
    let mut other = app.logged_in(Role::Participant).await;
    assert_eq!(app.client().get(&paper).await.status, StatusCode::SEE_OTHER);
    assert_eq!(other.get(&paper).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        other.post(&paper, &refs(&answers(&ids))).await.status,
        StatusCode::FORBIDDEN
    );
    let page = mediator.get(&paper).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    // An incomplete ballot is refused field by field; nothing stored.
    let res = mediator.post(&paper, &[]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error(&format!("q-{}", ids[0])).is_empty());
    assert_eq!(app.count("questionnaire_replies").await, 0);
    // Two ballots: each under its own receipt, without a voter.
    let mut receipts = Vec::new();
    for _ in 0..2 {
        let res = mediator.post(&paper, &refs(&answers(&ids))).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        receipts.push(res.text(".receipt-code"));
    }
    assert_ne!(receipts[0], receipts[1]);
    assert!(
        mediator
            .get(&paper)
            .await
            .text("main")
            .contains("2 bulletins papier saisis")
    );
    let rows: Vec<(Option<i64>, String)> = participe::on_db!(app.db(), |p| sqlx::query_as(
        "SELECT user_id, channel FROM questionnaire_replies"
    )
    .fetch_all(p)
    .await)
    .unwrap();
    assert_eq!(rows, vec![(None, "paper".to_string()), (None, "paper".to_string())]);
    assert_eq!(app.count("questionnaire_participants").await, 0);
    assert_tallies(app, step).await;
    // Once the results are published, no ballot may be added.
    let past = |d: i64| {
        (chrono::Utc::now() - chrono::Duration::days(d))
            .format("%Y-%m-%dT%H:%M")
            .to_string()
    };
    pm.post(
        &format!("/admin/steps/{step}"),
        &[
            ("title", "Dépôt"),
            ("step_type", "questionnaire"),
            ("starts_at", &past(9)),
            ("ends_at", &past(1)),
            ("published", "on"),
        ],
    )
    .await;
    let publish = format!("/admin/steps/{step}/questionnaire/publish");
    assert_eq!(
        pm.post(&publish, &[("publish", "yes")]).await.status,
        StatusCode::SEE_OTHER
    );
    let res = mediator.post(&paper, &refs(&answers(&ids))).await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert_eq!(app.count("questionnaire_replies").await, 2);
    let res = app.client().get(&format!("/questionnaires/{step}/receipts")).await;
    assert!(res.body.contains(&receipts[0]) && res.body.contains(&receipts[1]));
}

/// A votation asking for identification codes and a phone number: the
/// voter enters a code once (a wrong one refused, a code never spent by a
/// mistake in the phone number) and a number, then votes; a mediator types
/// the code printed on a paper ballot; a code serves once across both.
async fn votation_codes(app: &TestApp) {
    let (mut pm, step, ids) = setup(app, &[("kind", "vote"), ("req_id_code", "on"), ("req_phone", "on")]).await;
    let settings = pm.get(&format!("/admin/steps/{step}/questionnaire")).await;
    assert!(settings.has("#f-req_id_code[checked]") && settings.has("#f-req_phone[checked]"));
    let codes = format!("/admin/steps/{step}/codes");
    assert!(settings.has(&format!("a[href='{codes}']")));
    let res = pm
        .post_multipart(&codes, &[], &[("file", "codes.csv", b"code\nAB12-CD34\nEF56-GH78\n")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = pm.get(&codes).await;
    assert_eq!(
        page.attr("main a[href$='/questionnaire']", "href"),
        format!("/admin/steps/{step}/questionnaire")
    );

    // Online: asked for a code before the ballot; a wrong one refused.
    let path = format!("/questionnaires/{step}");
    let mut voter = app.logged_in(Role::Participant).await;
    let page = voter.get(&path).await;
    assert!(page.has("#f-id_code") && page.has("#f-phone") && !page.has(&format!("[name='q-{}']", ids[0])));
    let code = format!("{path}/requirements");
    let res = voter
        .post(&code, &[("id_code", "ZZ99-ZZ99"), ("phone", "06 12 34 56 78")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("id_code").contains("inconnu"));
    let res = voter.post(&code, &[("id_code", "ab12 cd34"), ("phone", "12")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("phone").contains("n'est pas valide") && !res.has("#f-id_code-error"));
    assert_eq!(res.attr("#f-phone", "value"), "12", "what was typed is kept");
    let res = voter
        .post(&code, &[("id_code", "ab12 cd34"), ("phone", "06 12 34 56 78")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let stored: Vec<String> = participe::on_db!(app.db(), |p| sqlx::query_scalar(
        "SELECT phone FROM users WHERE phone IS NOT NULL"
    )
    .fetch_all(p)
    .await)
    .unwrap();
    assert_eq!(stored, vec!["+33612345678".to_string()]);
    let mut fields = answers(&ids);
    fields.push(("action".into(), "submit".into()));
    let res = voter.post(&path, &refs(&fields)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(app.count("questionnaire_replies").await, 1);
    // Someone else cannot reuse it.
    let mut other = app.logged_in(Role::Participant).await;
    let res = other
        .post(&code, &[("id_code", "AB12CD34"), ("phone", "0612345679")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);

    // On paper: the mediator types the ballot's code; used codes are refused.
    let paper = format!("/questionnaires/{step}/paper");
    let page = pm.get(&paper).await;
    assert!(page.has("#f-id_code"));
    let mut ballot = answers(&ids);
    ballot.push(("id_code".into(), "AB12-CD34".into()));
    let res = pm.post(&paper, &refs(&ballot)).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("id_code").contains("inconnu"));
    ballot.pop();
    ballot.push(("id_code".into(), "EF56-GH78".into()));
    let res = pm.post(&paper, &refs(&ballot)).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(app.count("questionnaire_replies").await, 2);
    let page = pm.get(&codes).await;
    assert!(
        page.text("#code-figures").starts_with("2 codes : 1 utilisé"),
        "{}",
        page.text("#code-figures")
    );
}

/// The answers as open data: one row per reply and question, without the
/// private question, without the respondent; a votation's only once published.
async fn answers_open_data(app: &TestApp) {
    let (_pm, step, ids) = setup(app, &[("kind", "survey"), ("results_public", "on")]).await;
    let mut a = app.logged_in(Role::Participant).await;
    let res = a.post(&format!("/questionnaires/{step}"), &refs(&answers(&ids))).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let page = app.client().get("/open-data").await;
    assert!(
        page.body.contains(&format!("/open-data/steps/{step}/answers.csv")),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("question_type"),
        "the dictionary explains the columns"
    );
    assert!(common::assert_open_data_rows(&mut app.client()).await >= 1);
    let res = app.client().get(&format!("/open-data/steps/{step}/answers.csv")).await;
    assert_eq!(res.status, StatusCode::OK);
    let body = res.bytes.strip_prefix("\u{feff}".as_bytes()).expect("a BOM");
    let mut r = csv::Reader::from_reader(body);
    assert_eq!(
        r.headers().unwrap(),
        participe_domain::open_data::Dataset::Answers.header()
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    // Nine answers given, the private one withheld.
    assert_eq!(rows.len(), 8, "{rows:?}");
    assert!(
        rows.iter()
            .all(|r| r[0] == rows[0][0] && r[0].len() == 16 && &r[1] == "online")
    );
    let answer = |label: &str| rows.iter().find(|r| &r[5] == label).map(|r| r[7].to_string());
    assert_eq!(answer("Équipements").as_deref(), Some("Pistes | Bornes de recharge"));
    assert_eq!(
        answer("Noms de la place").as_deref(),
        Some("Place Olympe de Gouges: very_good | Place des Tilleuls: passable")
    );
    assert!(answer("Une idée ?").is_none(), "private answers stay private");
    assert!(!String::from_utf8_lossy(body).contains("@example.org"));
    let json = app.client().get(&format!("/open-data/steps/{step}/answers.json")).await;
    let v: Vec<serde_json::Value> = serde_json::from_str(&json.body).unwrap();
    assert_eq!(v.len(), 8);
}

/// A votation's ballots are open data only once published.
async fn ballots_open_data_after_publication(app: &TestApp) {
    let (_pm, vote, ids) = setup(app, &[("kind", "vote"), ("results_public", "on")]).await;
    let mut voter = app.logged_in(Role::Participant).await;
    voter
        .post(&format!("/questionnaires/{vote}"), &refs(&answers(&ids)))
        .await;
    let res = app.client().get(&format!("/open-data/steps/{vote}/answers.csv")).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    participe::storage::questionnaires::set_published(app.db(), vote, true)
        .await
        .unwrap();
    let res = app.client().get(&format!("/open-data/steps/{vote}/answers.csv")).await;
    assert_eq!(res.status, StatusCode::OK);
}

/// An image per choice: uploaded in the editor (checked by content), shown
/// beside the choice; a name typed in the choices box is refused.
async fn choice_images(app: &TestApp) {
    let (mut pm, step, ids) = setup(app, &[("kind", "survey"), ("results_public", "on")]).await;
    let path = format!("/admin/questions/{}/choice-image", ids[2]);
    let res = pm
        .post_multipart(
            &path,
            &[("choice", "0")],
            &[("image", "x.png", b"<svg onload=alert(1)>")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error(&format!("q-{}-image", ids[2])).is_empty());
    let res = pm
        .post_multipart(&path, &[("choice", "9")], &[("image", "x.png", common::PNG)])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = pm
        .post_multipart(&path, &[("choice", "0")], &[("image", "x.png", common::PNG)])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = pm.get(&format!("/questionnaires/{step}")).await;
    let src = page.attr(&format!("label[for='f-q-{}-1'] img.choice-image", ids[2]), "src");
    assert!(src.starts_with("/uploads/"), "{src}");
    assert_eq!(page.attr(&format!("label[for='f-q-{}-1'] img", ids[2]), "alt"), "");
    // The choice keeps its title, and the image its place through an edit.
    let editor = pm.get(&format!("/admin/steps/{step}/questionnaire")).await;
    let choices = editor.text(&format!("#f-q-{}-choices", ids[2]));
    assert!(
        choices.starts_with("Travail | Le plus courant | #1d4ed8 | "),
        "{choices}"
    );
    // A typed name that is not an upload's is refused.
    let res = pm
        .post(
            &format!("/admin/questions/{}", ids[2]),
            &[
                (&*format!("q-{}-kind", ids[2]), "single_choice"),
                (&*format!("q-{}-label", ids[2]), "Trajet"),
                (
                    &*format!("q-{}-choices", ids[2]),
                    "Travail | | | ../../etc/passwd\nLoisirs",
                ),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = pm
        .post_multipart(&path, &[("choice", "0"), ("remove", "on")], &[])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let page = pm.get(&format!("/questionnaires/{step}")).await;
    assert!(!page.has("img.choice-image"));
}

engine_test!(choice_images_uploaded_and_shown, choice_images);
engine_test!(answers_as_open_data, answers_open_data);
engine_test!(ballots_open_data_after_publication, ballots_open_data_after_publication);
engine_test!(paper_ballots_by_mediators, paper_ballots_by_mediators);
engine_test!(votation_codes_serve_once_online_or_on_paper, votation_codes);
engine_test!(every_type_checked, every_type_checked);
engine_test!(files_and_acknowledgement, files_and_acknowledgement);
engine_test!(logic_jumps_skip_and_drop, logic_jumps_skip_and_drop);
engine_test!(drafts_resume, drafts_resume);
engine_test!(anonymous_replies, anonymous_replies);
engine_test!(one_secret_ballot_under_concurrency, one_secret_ballot_under_concurrency);
