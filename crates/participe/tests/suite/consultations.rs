//! Consultations on a text: the import, the pages, each kind of vote with
//! valid and invalid input, one vote per person under concurrency, closed
//! steps and options switched off, pre-moderation, amendments and their diff.

use crate::common;

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
    let (mut pm, step, id) = setup(app).await;
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

    // The step's live counters: two people took part (a argued and gave a
    // source, b voted and up-voted); an argument and a source are
    // contributions (the organisers' articles are not); b's vote counts.
    let c = participe::storage::counters::step(app.db(), step).await.unwrap();
    assert_eq!((c.participants, c.contributions, c.votes), (2, 2, 1));

    // The staff exports: one row per participant, every item with its author.
    assert_eq!(
        a.get(&format!("/admin/steps/{step}/participants.csv")).await.status,
        StatusCode::FORBIDDEN
    );
    let csv = pm.get(&format!("/admin/steps/{step}/participants.csv?sep=comma")).await;
    assert_eq!(csv.status, StatusCode::OK);
    let lines: Vec<&str> = csv.body.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "account,name,email,contributions,amendments,votes,arguments,sources"
    );
    assert_eq!(lines.len(), 3, "{}", csv.body);
    assert!(
        lines.iter().any(|l| l.ends_with(",0,0,0,1,1")),
        "a: an argument and a source"
    );
    assert!(lines.iter().any(|l| l.ends_with(",0,0,1,0,0")), "b: one vote");
    let csv = pm.get(&format!("/admin/steps/{step}/contributions.csv")).await;
    assert!(csv.body.contains("argument;") && csv.body.contains("Trop cher"));
    assert!(csv.body.contains("https://www.ademe.fr/rapport"));
    assert!(csv.body.contains("@example.org"), "staff see the authors");
}

/// A GraphQL query as a visitor; returns the `data` object.
async fn graphql(app: &TestApp, query: &str, variables: serde_json::Value) -> serde_json::Value {
    let body = serde_json::json!({ "query": query, "variables": variables }).to_string();
    let res = app
        .client()
        .request(
            axum::http::Method::POST,
            "/graphql",
            Some("application/json"),
            body.into_bytes(),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let v: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert!(v["errors"].is_null(), "{}", res.body);
    v["data"].clone()
}

/// The API shows sections, opinions with their votes, arguments, sources
/// and amendments with their diff, never what awaits moderation.
async fn the_api_shows_only_public_texts(app: &TestApp) {
    let (mut pm, step, id) = setup(app).await;
    let art = article(app, id, "Article 3").await;
    let section = opinions::by_id(app.db(), art).await.unwrap().unwrap().section_id;
    let mut p = app.logged_in(Role::Participant).await;
    p.post(&format!("/opinions/{art}/vote"), &[("value", "agree")]).await;
    p.post(
        &format!("/opinions/{art}/arguments"),
        &[("side", "for"), ("body", "Le climat n'attend pas.")],
    )
    .await;
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
    let amendment: i64 = res.location().trim_start_matches("/opinions/").parse().unwrap();
    pm.post(
        &format!("/admin/consultations/{id}"),
        &[("title", "Projet de plan climat"), ("pre_moderation", "on")],
    )
    .await;
    let res = p
        .post(
            &format!("/sections/{section}/contribute"),
            &[("title", "En attente"), ("body", "Pas encore publiée.")],
        )
        .await;
    let pending: i64 = res.location().trim_start_matches("/opinions/").parse().unwrap();

    let d = graphql(
        app,
        "query($s: ID!) { step(id: $s) { counters { participants votes } consultations { title sections {
            id title opinionCount opinions(first: 50) { totalCount edges { node { id title } } } } } } }",
        serde_json::json!({ "s": step.to_string() }),
    )
    .await;
    let c = &d["step"]["consultations"][0];
    assert_eq!(c["title"], "Projet de plan climat");
    let sections = c["sections"].as_array().unwrap();
    assert_eq!(
        sections.len(),
        consultations::sections(app.db(), id).await.unwrap().len()
    );
    let text = d.to_string();
    assert!(text.contains("Article 3"), "{text}");
    assert!(
        !text.contains("En attente"),
        "pending contributions stay private: {text}"
    );
    assert_eq!(d["step"]["counters"]["votes"], 1);
    let d = graphql(
        app,
        "query($a: ID!, $p: ID!, $m: ID!) {
           a: opinion(id: $a) { kind votes { agree mixed disagree } argumentsForCount
              arguments(side: FOR) { body authorName upvotes }
              amendments { totalCount edges { node { id title diff { tag text } } } } }
           p: opinion(id: $p) { title }
           m: opinion(id: $m) { appendix amendsId diff { tag text } } }",
        serde_json::json!({ "a": art.to_string(), "p": pending.to_string(), "m": amendment.to_string() }),
    )
    .await;
    assert_eq!(d["a"]["kind"], "article");
    assert_eq!(d["a"]["votes"]["agree"], 1);
    assert_eq!(d["a"]["arguments"][0]["body"], "Le climat n'attend pas.");
    assert_eq!(d["a"]["amendments"]["totalCount"], 1);
    assert!(d["p"].is_null(), "a pending contribution is not readable by id");
    assert_eq!(d["m"]["amendsId"], art.to_string());
    let diff: Vec<(String, String)> = d["m"]["diff"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["tag"].as_str().unwrap().to_string(),
                s["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(diff.contains(&("deleted".into(), "1".into())), "{diff:?}");
    assert!(diff.contains(&("inserted".into(), "2".into())), "{diff:?}");
    // No synthesis until one is published.
    let d = graphql(
        app,
        "query($s: ID!) { step(id: $s) { synthesis { publishedAt } } }",
        serde_json::json!({ "s": step.to_string() }),
    )
    .await;
    assert!(d["step"]["synthesis"].is_null());

    // Open data: the texts file (CSV with a BOM, JSON), anonymised, without
    // what awaits moderation; the arguments file.
    let author = opinions::by_id(app.db(), pending)
        .await
        .unwrap()
        .unwrap()
        .author_id
        .unwrap();
    let name = participe::storage::users::by_id(app.db(), author)
        .await
        .unwrap()
        .unwrap()
        .display_name
        .unwrap();
    let csv = app.client().get(&format!("/open-data/steps/{step}/opinions.csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.bytes
            .starts_with("\u{feff}id,kind,consultation,section,amends,title".as_bytes())
    );
    assert!(csv.body.contains("Plus d'ambition") && csv.body.contains("Article 3"));
    assert!(!csv.body.contains("En attente"), "pending texts stay out");
    assert!(!csv.body.contains(&name), "no names");
    let json = app
        .client()
        .get(&format!("/open-data/steps/{step}/opinions.json"))
        .await;
    let rows: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    let am = rows.as_array().unwrap().iter().find(|r| r["id"] == amendment).unwrap();
    assert_eq!(am["amends"], art);
    assert_eq!(am["author_pseudonym"].as_str().unwrap().len(), 16);
    let args = app
        .client()
        .get(&format!("/open-data/steps/{step}/arguments.csv"))
        .await;
    assert!(args.body.contains("Le climat n'attend pas."));
    assert_eq!(
        app.client()
            .get(&format!("/open-data/steps/{step}/debates.csv"))
            .await
            .status,
        StatusCode::NOT_FOUND,
        "a consultation step has no debates file"
    );
    let listing = app.client().get("/open-data").await;
    assert!(listing.has(&format!("a[href='/open-data/steps/{step}/sources.json']")));
    // Opinions, arguments and sources: the rows the page announces.
    assert!(common::assert_open_data_rows(&mut app.client()).await >= 3);

    // The personal-data download holds the person's texts, votes and arguments.
    p.post(&format!("/opinions/{art}/follow"), &[]).await;
    let data = participe::web::personal_data::collect(app.db(), author).await.unwrap();
    let mine = &data["consultations"];
    let titles: Vec<&str> = mine["texts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Plus d'ambition", "En attente"]);
    assert_eq!(mine["votes"][0]["value"], "agree");
    assert_eq!(mine["arguments"][0]["body"], "Le climat n'attend pas.");
    assert_eq!(mine["followed_texts"][0], art);
    // Deleting the account keeps the texts (by a deleted user), drops the follow.
    participe::storage::users::erase(app.db(), author).await.unwrap();
    assert_eq!(app.count("opinion_follows").await, 0);
    let page = app.client().get(&format!("/opinions/{amendment}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains(&name));
}

/// The organisers edit an article, pin it and answer it: followers are
/// told; invalid input changes nothing; source categories are managed.
async fn answers_pins_and_source_categories(app: &TestApp) {
    let (mut pm, _, id) = setup(app).await;
    let art = article(app, id, "Créer 50 km").await;
    app.user("suiveuse@example.org", Role::Participant).await;
    let mut follower = app.client();
    follower.login("suiveuse@example.org", common::PASSWORD).await;
    assert_eq!(
        follower.post(&format!("/opinions/{art}/follow"), &[]).await.status,
        StatusCode::SEE_OTHER
    );
    // Participants cannot reach the editor.
    assert_eq!(
        follower.get(&format!("/admin/opinions/{art}")).await.status,
        StatusCode::FORBIDDEN
    );
    let before = opinions::by_id(app.db(), art).await.unwrap().unwrap();
    let res = pm
        .post(
            &format!("/admin/opinions/{art}"),
            &[("title", " "), ("body", "Nouveau texte"), ("answer", "Réponse")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("title").is_empty());
    assert!(res.body.contains("Nouveau texte"), "typed text kept");
    let after = opinions::by_id(app.db(), art).await.unwrap().unwrap();
    assert_eq!((after.body, after.answer), (before.body.clone(), String::new()));

    let res = pm
        .post(
            &format!("/admin/opinions/{art}"),
            &[
                ("title", "Créer 60 km de pistes"),
                ("body", "Créer 60 km de pistes cyclables d'ici 2030."),
                ("pinned", "on"),
                ("answer", "Retenu : le budget 2027 finance **30 km**."),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let o = opinions::by_id(app.db(), art).await.unwrap().unwrap();
    assert!(o.pinned && o.answered_at.is_some());
    assert_eq!(o.title, "Créer 60 km de pistes");
    let mail = common::last_email_to(app, "suiveuse@example.org").await;
    assert!(
        mail.body_text.contains(&format!("/opinions/{art}")),
        "{}",
        mail.body_text
    );
    let page = app.client().get(&format!("/opinions/{art}")).await;
    assert!(page.text(".official-answer").contains("30 km"));
    assert!(page.body.contains("<strong>30 km</strong>"));
    assert!(
        !page.has(&format!("a[href='/admin/opinions/{art}']")),
        "no staff link for visitors"
    );

    // Source categories: empty and duplicate names refused; participants
    // choose among them.
    let res = pm.post("/admin/source-categories", &[("name", "")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = pm.post("/admin/source-categories", &[("name", "Étude")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let res = pm.post("/admin/source-categories", &[("name", "Étude")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let cats = participe::storage::sources::categories(app.db()).await.unwrap();
    assert_eq!(cats.len(), 1);
    let cat = cats[0].id.to_string();
    let res = follower
        .post(
            &format!("/opinions/{art}/sources"),
            &[
                ("title", "Étude Ademe"),
                ("url", "https://www.ademe.fr/e"),
                ("category", &cat),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let page = app.client().get(&format!("/opinions/{art}")).await;
    assert!(page.body.contains("Étude Ademe"));
    // Deleting the category keeps the source, uncategorised.
    pm.post(&format!("/admin/source-categories/{cat}/delete"), &[]).await;
    assert_eq!(app.count("source_categories").await, 0);
    assert_eq!(app.count("sources").await, 1);
    // Deleting the article removes its source too.
    let res = pm.post(&format!("/admin/opinions/{art}/delete"), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(opinions::by_id(app.db(), art).await.unwrap().is_none());
    assert_eq!(app.count("sources").await, 0);
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
    // The API gives the same tree: every item once.
    let d = graphql(
        app,
        "query($s: ID!) { step(id: $s) { synthesis { groups { title summary itemCount items { kind id url } } } } }",
        serde_json::json!({ "s": step.to_string() }),
    )
    .await;
    let groups = d["step"]["synthesis"]["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["title"], "Mobilités");
    let all = participe::storage::syntheses::items(app.db(), step).await.unwrap();
    assert_eq!(groups[0]["itemCount"], all.len() as i64);
    let mut ids: Vec<String> = groups[0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| format!("{}-{}", i["kind"].as_str().unwrap(), i["id"].as_str().unwrap()))
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all.len());
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
engine_test!(the_api_shows_only_public_texts, the_api_shows_only_public_texts);
engine_test!(answers_pins_and_source_categories, answers_pins_and_source_categories);
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
