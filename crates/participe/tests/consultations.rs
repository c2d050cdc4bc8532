//! Consultations on a text: the import, the pages, each kind of vote with
//! valid and invalid input, one vote per person under concurrency, closed
//! steps and options switched off, pre-moderation, amendments and their diff.

mod common;

use axum::http::StatusCode;
use common::{Client, TestApp, open_step};
use participe::storage::{consultations, opinions};
use participe_domain::Role;

const PLAN: &str = "# Se déplacer\n\n## Le vélo\n\nCréer 50 km de pistes cyclables d'ici 2030.\n\nInstaller 2 000 arceaux.\n\n# Se loger\n\n### Article 3\n\nRénover 1 000 logements par an.";

/// A consultation step with the climate plan imported; returns the
/// manager's client, the step id and the consultation id.
async fn setup(app: &TestApp) -> (Client, i64, i64) {
    let mut pm = app.logged_in(Role::ProjectManager).await;
    let (_, step) = open_step(app, &mut pm, "Plan climat", "consultation").await;
    let res = pm
        .post(
            &format!("/admin/steps/{step}/consultations"),
            &[("title", "Projet de plan climat")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let id: i64 = res
        .location()
        .trim_start_matches("/admin/consultations/")
        .parse()
        .unwrap();
    let res = pm
        .post(&format!("/admin/consultations/{id}/import"), &[("text", PLAN)])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    (pm, step, id)
}

async fn article(app: &TestApp, consultation: i64, title: &str) -> i64 {
    for s in consultations::sections(app.db(), consultation).await.unwrap() {
        for o in opinions::page(
            app.db(),
            s.id,
            None,
            participe_domain::consultation::OpinionSort::Position,
            0,
            100,
            0,
        )
        .await
        .unwrap()
        {
            if o.title.starts_with(title) {
                return o.id;
            }
        }
    }
    panic!("no article {title}");
}

async fn import_builds_the_tree(app: &TestApp) {
    let (mut pm, step, id) = setup(app).await;
    let sections = consultations::sections(app.db(), id).await.unwrap();
    let titles: Vec<(&str, Option<i64>)> = sections.iter().map(|s| (s.title.as_str(), s.parent_id)).collect();
    assert_eq!(
        titles,
        vec![
            ("Se déplacer", None),
            ("Le vélo", Some(sections[0].id)),
            ("Se loger", None)
        ]
    );
    assert_eq!(sections[1].opinion_count, 2);
    assert_eq!(sections[2].opinion_count, 1);
    assert_eq!(app.count("opinions").await, 3);
    // Bad input: nothing changes, the text typed is kept.
    let res = pm
        .post(&format!("/admin/consultations/{id}/import"), &[("text", "  \n ")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("text").is_empty());
    assert_eq!(app.count("consultation_sections").await, 3);
    // The step page shows the tree; a section page lists its articles.
    let mut visitor = app.client();
    let res = visitor
        .get(&format!("/projects/{}/steps/{step}", slug_of(app, step).await))
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.texts(".section-tree a"), vec!["Se déplacer", "Le vélo", "Se loger"]);
    let res = visitor.get(&format!("/sections/{}", sections[1].id)).await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(
        res.texts(".opinion-list h3"),
        vec![
            "Créer 50 km de pistes cyclables d'ici 2030.",
            "Installer 2 000 arceaux."
        ]
    );
    // A manager edits a section's options; invalid ones are refused.
    let sid = sections[1].id;
    let res = pm
        .post(
            &format!("/admin/sections/{sid}"),
            &[
                ("title", "Le vélo"),
                ("vote_widget", "sometimes"),
                ("default_sort", "newest"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("vote_widget").is_empty());
}

async fn slug_of(app: &TestApp, step: i64) -> String {
    let s = participe::storage::steps::by_id(app.db(), step).await.unwrap().unwrap();
    participe::storage::projects::by_id(app.db(), s.project_id)
        .await
        .unwrap()
        .unwrap()
        .slug
}

async fn votes_arguments_and_sources(app: &TestApp) {
    let (_pm, _, id) = setup(app).await;
    let art = article(app, id, "Créer 50 km").await;
    let mut a = app.logged_in(Role::Participant).await;
    let mut b = app.logged_in(Role::Participant).await;
    // Anonymous visitors are sent to the log-in page.
    let res = app
        .client()
        .post(&format!("/opinions/{art}/vote"), &[("value", "agree")])
        .await;
    assert!(res.location().starts_with("/login"), "{}", res.location());
    // Invalid vote: 422, nothing stored.
    let res = a.post(&format!("/opinions/{art}/vote"), &[("value", "yes")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("opinion_votes").await, 0);
    // Vote, change it, and a second person votes.
    for v in ["agree", "disagree"] {
        let res = a.post(&format!("/opinions/{art}/vote"), &[("value", v)]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
    }
    b.post(&format!("/opinions/{art}/vote"), &[("value", "mixed")]).await;
    let o = opinions::by_id(app.db(), art).await.unwrap().unwrap();
    assert_eq!((o.agree_count, o.mixed_count, o.disagree_count), (0, 1, 1));
    let page = a.get(&format!("/opinions/{art}")).await;
    assert_eq!(page.attr(".vote-disagree", "aria-pressed"), "true");
    assert!(
        page.text(".bar-legend").contains("Mitigé 1 (50 %)"),
        "{}",
        page.text(".bar-legend")
    );
    // Withdraw.
    a.post(&format!("/opinions/{art}/vote"), &[("value", "withdraw")]).await;
    let o = opinions::by_id(app.db(), art).await.unwrap().unwrap();
    assert_eq!((o.agree_count, o.mixed_count, o.disagree_count), (0, 1, 0));

    // Arguments: empty and unknown sides refused, the typed text kept.
    let res = a
        .post(&format!("/opinions/{art}/arguments"), &[("side", "for"), ("body", " ")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("argument-for-body").is_empty());
    let res = a
        .post(
            &format!("/opinions/{art}/arguments"),
            &[("side", "neutral"), ("body", "Bof")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = a
        .post(
            &format!("/opinions/{art}/arguments"),
            &[("side", "against"), ("body", "Trop cher <b>vraiment</b>")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let arg: i64 = res.location().rsplit("argument-").next().unwrap().parse().unwrap();
    let o = opinions::by_id(app.db(), art).await.unwrap().unwrap();
    assert_eq!((o.for_count, o.against_count), (0, 1));
    // Up-votes: one per person, twice is still one, and withdrawn.
    for _ in 0..2 {
        assert_eq!(
            b.post(&format!("/arguments/{arg}/vote"), &[]).await.status,
            StatusCode::SEE_OTHER
        );
    }
    a.post(&format!("/arguments/{arg}/vote"), &[]).await;
    let count = |app: &TestApp| {
        let db = app.db().clone();
        async move {
            participe::storage::arguments::by_id(&db, arg)
                .await
                .unwrap()
                .unwrap()
                .vote_count
        }
    };
    assert_eq!(count(app).await, 2);
    b.post(&format!("/arguments/{arg}/vote"), &[("action", "remove")]).await;
    assert_eq!(count(app).await, 1);
    let page = b.get(&format!("/opinions/{art}")).await;
    assert!(page.body.contains("Trop cher &lt;b&gt;vraiment"), "escaped");
    assert!(!page.body.contains("<b>vraiment"));

    // Sources: only http(s) links.
    let res = a
        .post(
            &format!("/opinions/{art}/sources"),
            &[("title", "Piège"), ("url", "javascript:alert(1)")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("source-url").is_empty());
    assert!(res.body.contains("Piège"), "typed text kept");
    let res = a
        .post(
            &format!("/opinions/{art}/sources"),
            &[
                ("title", "Rapport Ademe"),
                ("url", "https://www.ademe.fr/rapport"),
                ("category", "999"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "unknown category");
    assert_eq!(app.count("sources").await, 0);
    let res = a
        .post(
            &format!("/opinions/{art}/sources"),
            &[("title", "Rapport Ademe"), ("url", "https://www.ademe.fr/rapport")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let src: i64 = res.location().rsplit("source-").next().unwrap().parse().unwrap();
    b.post(&format!("/sources/{src}/vote"), &[]).await;
    b.post(&format!("/sources/{src}/vote"), &[]).await;
    let s = participe::storage::sources::by_id(app.db(), src)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(s.vote_count, 1);
    let page = app.client().get(&format!("/opinions/{art}")).await;
    assert_eq!(
        page.attr(&format!("#source-{src} a"), "rel"),
        "nofollow ugc noopener noreferrer"
    );
    assert_eq!(opinions::by_id(app.db(), art).await.unwrap().unwrap().source_count, 1);
}

async fn one_vote_per_person_under_concurrency(app: &TestApp) {
    let (_pm, _, id) = setup(app).await;
    let art = article(app, id, "Installer").await;
    let voter = app.logged_in(Role::Participant).await;
    let others: Vec<Client> = futures_util::future::join_all((0..4).map(|_| app.logged_in(Role::Participant))).await;
    // 50 submissions of the same person at once, alternating their choice,
    // and four other people voting at the same time.
    let mut tasks = Vec::new();
    for i in 0..50 {
        let mut c = voter.clone();
        let value = ["agree", "mixed", "disagree"][i % 3];
        tasks.push(tokio::spawn(async move {
            c.post(&format!("/opinions/{art}/vote"), &[("value", value)])
                .await
                .status
        }));
    }
    for o in &others {
        let mut c = o.clone();
        tasks.push(tokio::spawn(async move {
            c.post(&format!("/opinions/{art}/vote"), &[("value", "agree")])
                .await
                .status
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), StatusCode::SEE_OTHER);
    }
    let o = opinions::by_id(app.db(), art).await.unwrap().unwrap();
    assert_eq!(
        o.agree_count + o.mixed_count + o.disagree_count,
        5,
        "one vote per person"
    );
    assert_eq!(app.count("opinion_votes").await, 5);
    assert!(o.agree_count >= 4);
}

async fn closed_steps_and_options_off(app: &TestApp) {
    let (mut pm, step, id) = setup(app).await;
    let art = article(app, id, "Créer 50 km").await;
    let section = opinions::by_id(app.db(), art).await.unwrap().unwrap().section_id;
    let mut p = app.logged_in(Role::Participant).await;
    // Votes off in the section: refused.
    let res = pm
        .post(
            &format!("/admin/sections/{section}"),
            &[
                ("title", "Le vélo"),
                ("vote_widget", "none"),
                ("default_sort", "position"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        p.post(&format!("/opinions/{art}/vote"), &[("value", "agree")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    // Arguments, sources, amendments and contributions are off too (unticked).
    assert_eq!(
        p.post(
            &format!("/opinions/{art}/arguments"),
            &[("side", "for"), ("body", "Oui")]
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        p.get(&format!("/opinions/{art}/amend")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        p.get(&format!("/sections/{section}/contribute")).await.status,
        StatusCode::FORBIDDEN
    );
    // "Agree only": agree accepted, disagree refused.
    pm.post(
        &format!("/admin/sections/{section}"),
        &[
            ("title", "Le vélo"),
            ("vote_widget", "agree"),
            ("default_sort", "position"),
            ("arguments_allowed", "on"),
        ],
    )
    .await;
    assert_eq!(
        p.post(&format!("/opinions/{art}/vote"), &[("value", "disagree")])
            .await
            .status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        p.post(&format!("/opinions/{art}/vote"), &[("value", "agree")])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    // Close the step: everything is refused and nothing changes.
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
                ("step_type", "consultation"),
                ("starts_at", &past(10)),
                ("ends_at", &past(1)),
                ("published", "on"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        p.post(&format!("/opinions/{art}/vote"), &[("value", "agree")])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        p.post(
            &format!("/opinions/{art}/arguments"),
            &[("side", "for"), ("body", "Oui")]
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.count("arguments").await, 0);
    assert_eq!(app.count("opinion_votes").await, 1);
    let page = p.get(&format!("/opinions/{art}")).await;
    assert!(!page.has("form[action$='/vote']"), "no vote form once closed");
}

async fn contributions_amendments_and_pre_moderation(app: &TestApp) {
    let (mut pm, _, id) = setup(app).await;
    let art = article(app, id, "Article 3").await;
    let section = opinions::by_id(app.db(), art).await.unwrap().unwrap().section_id;
    // Pre-moderation on.
    let res = pm
        .post(
            &format!("/admin/consultations/{id}"),
            &[("title", "Projet de plan climat"), ("pre_moderation", "on")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let mut p = app.logged_in(Role::Participant).await;
    // A contribution: invalid, then valid but waiting.
    let res = p
        .post(
            &format!("/sections/{section}/contribute"),
            &[("title", ""), ("body", "Texte")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Texte"));
    let res = p
        .post(
            &format!("/sections/{section}/contribute"),
            &[
                ("title", "Des toits végétalisés"),
                ("body", "Végétaliser les toits plats."),
                ("appendix", "Pour la fraîcheur."),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let contribution: i64 = res.location().trim_start_matches("/opinions/").parse().unwrap();
    let visitor_page = app.client().get(&format!("/sections/{section}")).await;
    assert!(
        !visitor_page.body.contains("Des toits végétalisés"),
        "hidden until approved"
    );
    assert_eq!(
        app.client().get(&format!("/opinions/{contribution}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        p.get(&format!("/opinions/{contribution}")).await.status,
        StatusCode::OK,
        "its author sees it"
    );
    // The moderator approves it.
    let mut moderator = app.logged_in(Role::Moderator).await;
    let queue = moderator.get("/admin/moderation").await;
    assert!(queue.body.contains("Des toits végétalisés"));
    let res = moderator
        .post(&format!("/admin/moderation/opinion/{contribution}/approve"), &[])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(
        app.client()
            .get(&format!("/sections/{section}"))
            .await
            .body
            .contains("Des toits végétalisés")
    );

    // Pre-moderation off; an amendment of the article with its diff.
    pm.post(
        &format!("/admin/consultations/{id}"),
        &[("title", "Projet de plan climat")],
    )
    .await;
    let form = p.get(&format!("/opinions/{art}/amend")).await;
    assert_eq!(form.text("textarea#f-body"), "Rénover 1 000 logements par an.");
    let res = p
        .post(
            &format!("/opinions/{art}/amend"),
            &[
                ("title", "Plus d'ambition"),
                ("body", "Rénover 1 000 logements par an."),
                ("appendix", "Car."),
            ],
        )
        .await;
    assert_eq!(
        res.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "an unchanged text is refused"
    );
    let res = p
        .post(
            &format!("/opinions/{art}/amend"),
            &[
                ("title", "Plus d'ambition"),
                ("body", "Rénover 2 000 logements par an."),
                ("appendix", "L'urgence."),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let amendment = res.location().to_string();
    let page = app.client().get(&amendment).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.texts(".diff del"),
        vec!["[début de suppression]1[fin de suppression]"]
    );
    assert_eq!(page.texts(".diff ins"), vec!["[début d’ajout]2[fin d’ajout]"]);
    assert_eq!(
        opinions::by_id(app.db(), art).await.unwrap().unwrap().amendment_count,
        1
    );
    // An amendment cannot itself be amended.
    let aid: i64 = amendment.trim_start_matches("/opinions/").parse().unwrap();
    assert_eq!(
        p.get(&format!("/opinions/{aid}/amend")).await.status,
        StatusCode::FORBIDDEN
    );
    // Reported and hidden: counted out, the page says why.
    let res = moderator
        .post(&format!("/opinions/{aid}/report"), &[("reason", "off_topic")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let res = moderator
        .post(
            &format!("/admin/moderation/opinion/{aid}/hide"),
            &[("reason", "Hors sujet")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(
        opinions::by_id(app.db(), art).await.unwrap().unwrap().amendment_count,
        0
    );
    let page = app.client().get(&amendment).await;
    assert!(page.text(".moderated").contains("Hors sujet"));
    assert!(
        app.client()
            .get("/moderation")
            .await
            .has(&format!("a[href='/opinions/{aid}']"))
    );
}

async fn the_synthesis_holds_every_item_once(app: &TestApp) {
    let (mut pm, step, id) = setup(app).await;
    let slug = slug_of(app, step).await;
    let art = article(app, id, "Créer 50 km").await;
    let section = opinions::by_id(app.db(), art).await.unwrap().unwrap().section_id;
    let mut p = app.logged_in(Role::Participant).await;
    for (title, body) in [
        (
            "Des pistes protégées",
            "Des pistes cyclables protégées par des bordures.",
        ),
        ("Plus de pistes", "Plus de pistes cyclables vers les écoles."),
        ("Isoler les écoles", "Isoler les écoles pour économiser le chauffage."),
    ] {
        let res = p
            .post(
                &format!("/sections/{section}/contribute"),
                &[("title", title), ("body", body)],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
    }
    p.post(
        &format!("/opinions/{art}/arguments"),
        &[("side", "for"), ("body", "Les pistes rassurent les parents.")],
    )
    .await;
    let base = format!("/admin/steps/{step}/synthesis");
    // Nothing to publish before grouping.
    let res = pm.post(&format!("{base}/publish"), &[("publish", "1")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        pm.post(&format!("{base}/generate"), &[]).await.status,
        StatusCode::SEE_OTHER
    );
    let items = participe::storage::syntheses::items(app.db(), step).await.unwrap();
    assert_eq!(
        items.len(),
        3 + 3 + 1,
        "three articles, three contributions, one argument"
    );
    assert!(items.iter().all(|i| i.group_id.is_some()), "every item placed");
    assert_eq!(app.count("synthesis_items").await, 7, "each exactly once");
    // Not public until published.
    let public = format!("/projects/{slug}/steps/{step}/synthesis");
    assert_eq!(app.client().get(&public).await.status, StatusCode::NOT_FOUND);
    // A new contribution after grouping must be placed before publishing.
    p.post(
        &format!("/sections/{section}/contribute"),
        &[("title", "Vélos cargos"), ("body", "Prêter des vélos cargos.")],
    )
    .await;
    let res = pm.post(&format!("{base}/publish"), &[("publish", "1")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = pm.get(&base).await;
    let new_item = page.attr("#unplaced-title + form input[name=item]", "value");
    let groups = participe::storage::syntheses::groups(app.db(), step).await.unwrap();
    let first = groups[0].id;
    let res = pm
        .post(
            &format!("{base}/place"),
            &[("item", &new_item), ("group", &first.to_string())],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    // Rename with a summary, merge every other group into the first.
    let res = pm
        .post(
            &format!("/admin/synthesis-groups/{first}"),
            &[
                ("title", "Mobilités"),
                ("summary", "Les participants veulent des pistes **protégées**."),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    for g in &groups[1..] {
        let res = pm
            .post(
                &format!("/admin/synthesis-groups/{}/merge", g.id),
                &[("into", &first.to_string())],
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
    }
    // A group cannot become its own parent.
    let res = pm
        .post(
            &format!("/admin/synthesis-groups/{first}"),
            &[("title", "Mobilités"), ("parent", &first.to_string())],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        pm.post(&format!("{base}/publish"), &[("publish", "1")]).await.status,
        StatusCode::SEE_OTHER
    );
    let page = app.client().get(&public).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.texts(".synthesis-group h2"), vec!["Mobilités"]);
    // Every item of the step is linked exactly once.
    let items = participe::storage::syntheses::items(app.db(), step).await.unwrap();
    assert_eq!(items.len(), 8);
    let links = page.texts(".synthesis-items li");
    assert_eq!(links.len(), 8);
    for i in &items {
        let href = if i.kind == "opinion" {
            format!("/opinions/{}", i.item_id)
        } else {
            format!("/opinions/{}#argument-{}", i.opinion_id, i.item_id)
        };
        assert!(page.has(&format!(".synthesis-items a[href='{href}']")), "{href}");
    }
    assert!(page.body.contains("<strong>protégées</strong>"));
    // The step page links to it.
    assert!(
        app.client()
            .get(&format!("/projects/{slug}/steps/{step}"))
            .await
            .has(&format!("a[href='{public}']"))
    );
}

engine_test!(the_synthesis_holds_every_item_once, the_synthesis_holds_every_item_once);
engine_test!(import_builds_the_tree, import_builds_the_tree);
engine_test!(votes_arguments_and_sources, votes_arguments_and_sources);
engine_test!(
    one_vote_per_person_under_concurrency,
    one_vote_per_person_under_concurrency
);
engine_test!(closed_steps_and_options_off, closed_steps_and_options_off);
engine_test!(
    contributions_amendments_and_pre_moderation,
    contributions_amendments_and_pre_moderation
);
