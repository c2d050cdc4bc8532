//! Open data and personal data over HTTP on both engines: every file of a
//! public step (headers, rows, BOM, JSON), no names or emails in any of
//! them, pseudonyms stable within a file and different across files, hidden
//! content left out, ballots secret until the results are published, drafts
//! not open; the GDPR ZIP of one person; anonymisation by an administrator.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;

use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{Request, StatusCode, header};
use common::{Client, PASSWORD, TestApp, open_collect_step};
use http_body_util::BodyExt;
use participe::storage::steps::{self, StepData};
use participe::storage::{ballots, comments, moderation, projects, proposals, taxonomy, users};
use participe_domain::Role;
use participe_domain::account::Signup;
use participe_domain::analysis::Outcome;
use participe_domain::moderation::Target;
use participe_domain::project::{ProjectInput, Visibility};
use participe_domain::proposal::ProposalInput;
use participe_domain::step::StepType;
use tower::ServiceExt;

const BOM: &str = "\u{feff}";

struct Person {
    id: i64,
    email: String,
    name: String,
}

async fn person(app: &TestApp, name: &str) -> Person {
    let email = format!(
        "{}-{}@example.org",
        name.to_lowercase().replace(' ', "."),
        &participe::security::random_token()[..6]
    );
    let s = Signup {
        display_name: name.into(),
        email: email.clone(),
        password: PASSWORD.into(),
    };
    let id = participe::services::accounts::create(app.db(), &s, Role::Participant, participe::i18n::Lang::Fr, true)
        .await
        .expect("create user");
    Person {
        id,
        email,
        name: name.into(),
    }
}

async fn login(app: &TestApp, p: &Person) -> Client {
    let mut c = app.client();
    c.login(&p.email, PASSWORD).await;
    c
}

struct World {
    admin: Client,
    alice: Person,
    bob: Person,
    carol: Person,
    project: i64,
    collect: i64,
    vote: i64,
    /// Visible proposals: alice's two, then bob's.
    props: Vec<i64>,
    hidden_title: &'static str,
    /// Comments: visible (alice, alice, bob's reply to the first), hidden, deleted.
    comments: Vec<i64>,
}

async fn proposal(app: &TestApp, step: i64, author: i64, title: &str, district: Option<i64>) -> i64 {
    let input = ProposalInput {
        title: title.into(),
        summary: format!("Résumé de {title}, avec une virgule et des \"guillemets\""),
        cost: Some(1000),
        district,
        ..Default::default()
    };
    let id = proposals::create_draft(app.db(), step, author, &input).await.unwrap();
    proposals::submit(app.db(), id).await.unwrap();
    id
}

fn local(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M").to_string()
}

/// A public project with a collect step (three visible proposals, one
/// hidden, one draft; comments, one hidden, one deleted) and an open vote
/// step with ballots from alice, bob, a paper ballot and carol's incomplete one.
async fn world(app: &TestApp) -> World {
    let mut admin = app.logged_in(Role::Administrator).await;
    let (slug, collect) = open_collect_step(app, &mut admin, "Budget ouvert").await;
    let project = projects::by_slug(app.db(), &slug).await.unwrap().unwrap();
    let nord = taxonomy::create(app.db(), taxonomy::Kind::District, "Nord")
        .await
        .unwrap();
    let alice = person(app, "Alice Martin").await;
    let bob = person(app, "Bob Durand").await;
    let carol = person(app, "Carol Petit").await;
    let mut props = vec![
        proposal(app, collect, alice.id, "Jardin partagé", Some(nord)).await,
        proposal(app, collect, alice.id, "Bancs publics", None).await,
        proposal(app, collect, bob.id, "Piste cyclable", Some(nord)).await,
    ];
    for id in &props {
        proposals::decide(app.db(), *id, Outcome::Admissible, None)
            .await
            .unwrap();
    }
    let hidden_title = "Proposition masquée";
    let hidden = proposal(app, collect, bob.id, hidden_title, None).await;
    moderation::set_hidden(app.db(), Target::Proposal, hidden, Some("spam"), "", alice.id)
        .await
        .unwrap();
    let draft = ProposalInput {
        title: "Brouillon secret".into(),
        ..Default::default()
    };
    proposals::create_draft(app.db(), collect, alice.id, &draft)
        .await
        .unwrap();

    let c1 = comments::create(app.db(), props[2], None, alice.id, "Bonne idée, Bob !")
        .await
        .unwrap();
    let c2 = comments::create(app.db(), props[0], None, alice.id, "Précision : près de l'école")
        .await
        .unwrap();
    let c3 = comments::create(app.db(), props[2], Some(c1), bob.id, "Merci Alice")
        .await
        .unwrap();
    let c4 = comments::create(app.db(), props[2], None, bob.id, "Commentaire masqué")
        .await
        .unwrap();
    moderation::set_hidden(app.db(), Target::Comment, c4, Some("offensive"), "", alice.id)
        .await
        .unwrap();
    let c5 = comments::create(app.db(), props[1], None, carol.id, "Commentaire supprimé")
        .await
        .unwrap();
    comments::delete(app.db(), c5).await.unwrap();
    comments::follow(app.db(), alice.id, props[2]).await.unwrap();

    let now = chrono::Utc::now();
    let res = admin
        .post(
            &format!("/admin/projects/{}/steps/new", project.id),
            &[
                ("title", "Vote"),
                ("step_type", "vote"),
                ("starts_at", &local(now - chrono::Duration::days(1))),
                ("ends_at", &local(now + chrono::Duration::days(10))),
                ("published", "on"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let vote = steps::of_project(app.db(), project.id, true)
        .await
        .unwrap()
        .pop()
        .unwrap()
        .id;
    let collect_s = collect.to_string();
    let res = admin
        .post(
            &format!("/admin/steps/{vote}/vote"),
            &[
                ("source", "admissible"),
                ("source_step", &collect_s),
                ("counting_rule", "greedy"),
                ("territorial_k", "1"),
                ("mode", "simple"),
                ("envelope", "5000"),
                ("min_choices", "1"),
                ("max_choices", "3"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let cast =
        |voter: Option<i64>, choices: Vec<i64>, complete: bool, district: Option<i64>, age: Option<&'static str>| {
            let db = app.db().clone();
            async move {
                ballots::cast(
                    &db,
                    &ballots::NewBallot {
                        step_id: vote,
                        envelope: 0,
                        voter_id: voter,
                        choices: &choices,
                        complete,
                        voter_district_id: district,
                        voter_age_band: age,
                        entered_by: None,
                    },
                )
                .await
                .unwrap()
            }
        };
    cast(
        Some(alice.id),
        vec![props[2], props[0]],
        true,
        Some(nord),
        Some("25-34"),
    )
    .await;
    cast(Some(bob.id), vec![props[2]], true, None, None).await;
    cast(None, vec![props[1], props[2]], true, None, None).await;
    cast(Some(carol.id), vec![], false, None, None).await;
    props.truncate(3);
    World {
        admin,
        alice,
        bob,
        carol,
        project: project.id,
        collect,
        vote,
        props,
        hidden_title,
        comments: vec![c1, c2, c3, c4, c5],
    }
}

/// Closes the vote step and publishes its results.
async fn publish(app: &TestApp, w: &mut World) {
    let s = steps::by_id(app.db(), w.vote).await.unwrap().unwrap();
    let now = chrono::Utc::now();
    steps::update(
        app.db(),
        w.vote,
        &StepData {
            title: &s.title,
            step_type: StepType::Vote,
            body: &s.body,
            starts_at: Some(now - chrono::Duration::days(3)),
            ends_at: Some(now - chrono::Duration::hours(1)),
            published: true,
        },
    )
    .await
    .unwrap();
    let res = w
        .admin
        .post(&format!("/admin/steps/{}/vote/publish", w.vote), &[])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
}

/// A GET returning the raw bytes (the common client decodes text).
async fn get_bytes(app: &TestApp, c: &Client, path: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let cookies = c
        .cookies
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ");
    let mut req = Request::builder().uri(path);
    if !cookies.is_empty() {
        req = req.header(header::COOKIE, cookies);
    }
    let res = app
        .state
        .router()
        .layer(MockConnectInfo(std::net::SocketAddr::from(([10, 9, 9, 9], 40000))))
        .oneshot(req.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    (status, headers, bytes)
}

fn step_file(step: i64, name: &str) -> String {
    format!("/open-data/steps/{step}/{name}")
}

/// Parses a CSV download: checks the BOM and CRLF ends, returns the header and rows.
fn parse_csv(body: &str) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(body.starts_with(BOM), "UTF-8 byte-order mark first");
    assert!(body.ends_with("\r\n"), "RFC 4180 line ends");
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(&body.as_bytes()[BOM.len()..]);
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

fn parse_json(body: &str) -> Vec<serde_json::Value> {
    serde_json::from_str::<Vec<serde_json::Value>>(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

fn column(header: &[String], rows: &[Vec<String>], name: &str) -> Vec<String> {
    let i = header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    rows.iter().map(|r| r[i].clone()).collect()
}

/// The row count the open-data page shows next to a file's link.
fn rows_shown(page: &common::Res, href: &str) -> String {
    let html = page.html();
    let tr = scraper::Selector::parse("tr").unwrap();
    let a = scraper::Selector::parse("a").unwrap();
    let td = scraper::Selector::parse("td.numeric").unwrap();
    html.select(&tr)
        .find(|row| row.select(&a).any(|l| l.value().attr("href") == Some(href)))
        .and_then(|row| row.select(&td).next())
        .map(|c| c.text().collect::<String>().trim().to_string())
        .unwrap_or_else(|| panic!("no row for {href}"))
}

fn assert_anonymous(w: &World, name: &str, body: &str) {
    for p in [&w.alice, &w.bob, &w.carol] {
        assert!(!body.contains(&p.email), "{name} holds an email");
        assert!(!body.contains(&p.name), "{name} holds a name");
        assert!(
            !body.contains(&p.email[..p.email.find('@').unwrap()]),
            "{name} holds an email's local part"
        );
    }
    assert!(!body.contains("@example.org"), "{name} holds an email");
    assert!(!body.contains("10.0."), "{name} holds an address");
}

async fn exports(app: &TestApp) {
    let mut w = world(app).await;
    let mut anon = app.client();

    // The page lists the public steps' files with their rows, the licence and the dictionary.
    let page = anon.get("/open-data").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains(&step_file(w.collect, "proposals.csv")));
    assert!(page.body.contains(&step_file(w.collect, "comments.json")));
    assert!(!page.body.contains(&step_file(w.vote, "votes.csv")), "secret ballot");
    assert_eq!(
        page.text("a[rel=license]"),
        "Licence Ouverte / Open Licence 2.0 (Etalab)"
    );
    assert!(page.has("a[rel=license][href='https://www.etalab.gouv.fr/licence-ouverte-open-licence/']"));
    assert_eq!(rows_shown(&page, &step_file(w.collect, "proposals.csv")), "3");
    assert_eq!(rows_shown(&page, &step_file(w.collect, "comments.csv")), "3");
    let dictionary = page.texts("table.dictionary th[scope=row] code");
    for c in ["author_pseudonym", "parent", "choices", "age_band", "selection_order"] {
        assert!(dictionary.contains(&c.to_string()), "{c} explained");
    }
    assert!(page.has("table caption") && page.has("th[scope=col]"));
    let footer = anon.get("/").await;
    assert!(footer.has("footer a[href='/open-data']"));
    anon.get("/lang/en").await;
    let en = anon.get("/open-data").await;
    assert_eq!(en.text("#dictionary-title"), "Data dictionary");
    assert!(
        en.texts("table.dictionary td")
            .iter()
            .any(|t| t.starts_with("The author's pseudonym"))
    );

    // Proposals: three visible, in number order; hidden and draft left out.
    let csv_body = anon.get(&step_file(w.collect, "proposals.csv")).await;
    assert_eq!(csv_body.status, StatusCode::OK);
    assert_eq!(csv_body.headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert!(
        csv_body.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("proposals.csv")
    );
    let (h, rows) = parse_csv(&csv_body.body);
    assert_eq!(
        h,
        [
            "id",
            "reference",
            "title",
            "summary",
            "status",
            "outcome",
            "cost",
            "district",
            "theme",
            "published_at",
            "author_pseudonym",
            "comments"
        ]
    );
    assert_eq!(
        column(&h, &rows, "title"),
        ["Jardin partagé", "Bancs publics", "Piste cyclable"]
    );
    assert_eq!(
        column(&h, &rows, "id"),
        w.props.iter().map(i64::to_string).collect::<Vec<_>>()
    );
    assert_eq!(column(&h, &rows, "reference"), ["0001", "0002", "0003"]);
    assert_eq!(column(&h, &rows, "outcome"), ["admissible"; 3]);
    assert_eq!(column(&h, &rows, "district"), ["Nord", "", "Nord"]);
    assert_eq!(column(&h, &rows, "comments"), ["1", "0", "2"]);
    assert!(
        column(&h, &rows, "summary")[0].contains("\"guillemets\""),
        "quoted fields read back"
    );
    assert!(!csv_body.body.contains(w.hidden_title) && !csv_body.body.contains("Brouillon secret"));
    let authors = column(&h, &rows, "author_pseudonym");
    assert_eq!(authors[0], authors[1], "one person, one pseudonym within a file");
    assert_ne!(authors[0], authors[2]);
    assert!(
        authors
            .iter()
            .all(|a| a.len() == 16 && a.chars().all(|c| c.is_ascii_hexdigit()))
    );
    let again = anon.get(&step_file(w.collect, "proposals.csv")).await;
    assert_eq!(again.body, csv_body.body, "the same file twice is the same");
    assert_anonymous(&w, "proposals.csv", &csv_body.body);

    let json_body = anon.get(&step_file(w.collect, "proposals.json")).await;
    assert_eq!(json_body.status, StatusCode::OK);
    assert_eq!(json_body.headers[header::CONTENT_TYPE], "application/json");
    let items = parse_json(&json_body.body);
    assert_eq!(items.len(), 3);
    let keys: Vec<&String> = items[0].as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), h.len());
    assert!(
        h.iter().all(|c| items[0].get(c).is_some()),
        "JSON keys are the CSV columns"
    );
    assert_eq!(items[2]["title"], "Piste cyclable");
    assert_eq!(items[1]["district"], serde_json::Value::Null);
    assert_eq!(items[0]["cost"], 1000);
    let json_authors: Vec<&str> = items.iter().map(|i| i["author_pseudonym"].as_str().unwrap()).collect();
    assert_eq!(json_authors[0], json_authors[1]);
    assert_ne!(json_authors[0], authors[0], "pseudonyms differ across files");
    assert_anonymous(&w, "proposals.json", &json_body.body);

    // Comments: hidden and deleted ones left out; replies name their parent.
    let c = anon.get(&step_file(w.collect, "comments.csv")).await;
    assert_eq!(c.status, StatusCode::OK);
    let (ch, crows) = parse_csv(&c.body);
    assert_eq!(
        ch,
        ["id", "proposal", "parent", "author_pseudonym", "body", "created_at"]
    );
    assert_eq!(
        column(&ch, &crows, "id"),
        w.comments[..3].iter().map(i64::to_string).collect::<Vec<_>>()
    );
    assert_eq!(column(&ch, &crows, "parent"), ["", "", &w.comments[0].to_string()]);
    assert_eq!(
        column(&ch, &crows, "proposal"),
        [w.props[2], w.props[0], w.props[2]].map(|p| p.to_string())
    );
    assert!(!c.body.contains("Commentaire masqué") && !c.body.contains("Commentaire supprimé"));
    let cauthors = column(&ch, &crows, "author_pseudonym");
    assert_eq!(cauthors[0], cauthors[1]);
    assert_ne!(cauthors[0], cauthors[2]);
    assert!(
        !authors.contains(&cauthors[0]),
        "alice's pseudonym differs from one file to the next"
    );
    assert!(!authors.contains(&cauthors[2]), "so does bob's");
    assert_anonymous(&w, "comments.csv", &c.body);
    let cj = anon.get(&step_file(w.collect, "comments.json")).await;
    let citems = parse_json(&cj.body);
    assert_eq!(citems.len(), 3);
    assert_eq!(citems[2]["parent"], w.comments[0]);
    assert_eq!(citems[0]["body"], "Bonne idée, Bob !");
    assert_anonymous(&w, "comments.json", &cj.body);

    // Files that do not exist here.
    for (step, name) in [
        (w.collect, "votes.csv"),
        (w.collect, "proposals.xml"),
        (w.collect, "proposals"),
        (w.vote, "proposals.csv"),
        (w.vote, "comments.json"),
        (999_999, "proposals.csv"),
    ] {
        assert_eq!(
            anon.get(&step_file(step, name)).await.status,
            StatusCode::NOT_FOUND,
            "{name}"
        );
    }
    assert_eq!(
        anon.get("/open-data/steps/abc/proposals.csv").await.status,
        StatusCode::NOT_FOUND
    );

    // A secret ballot: no ballots, results or .pb before publication, even for staff.
    for name in ["votes.csv", "votes.json", "votes.pb", "results.csv", "results.json"] {
        assert_eq!(
            anon.get(&step_file(w.vote, name)).await.status,
            StatusCode::NOT_FOUND,
            "{name}"
        );
        assert_eq!(
            w.admin.get(&step_file(w.vote, name)).await.status,
            StatusCode::NOT_FOUND,
            "{name}"
        );
    }
    // Counts public during the vote: ballots are public, results are not yet.
    participe::on_db!(app.db(), |p| sqlx::query(
        "UPDATE vote_settings SET counts_public = TRUE WHERE step_id = $1"
    )
    .bind(w.vote)
    .execute(p)
    .await
    .map(|r| r.rows_affected())
    .unwrap());
    assert_eq!(anon.get(&step_file(w.vote, "votes.csv")).await.status, StatusCode::OK);
    assert_eq!(
        anon.get(&step_file(w.vote, "results.csv")).await.status,
        StatusCode::NOT_FOUND
    );
    participe::on_db!(app.db(), |p| sqlx::query(
        "UPDATE vote_settings SET counts_public = FALSE WHERE step_id = $1"
    )
    .bind(w.vote)
    .execute(p)
    .await
    .map(|r| r.rows_affected())
    .unwrap());
    assert_eq!(
        anon.get(&step_file(w.vote, "votes.csv")).await.status,
        StatusCode::NOT_FOUND
    );

    publish(app, &mut w).await;

    // Ballots: one row per complete ballot, choices in the ballot's order.
    let v = anon.get(&step_file(w.vote, "votes.csv")).await;
    assert_eq!(v.status, StatusCode::OK, "{}", v.body);
    let (vh, vrows) = parse_csv(&v.body);
    assert_eq!(
        vh,
        [
            "pseudonym",
            "channel",
            "envelope_district",
            "choices",
            "voter_district",
            "age_band"
        ]
    );
    assert_eq!(vrows.len(), 3, "carol's incomplete ballot is not counted");
    let stored: BTreeMap<String, bool> = ballots::all(app.db(), w.vote)
        .await
        .unwrap()
        .into_iter()
        .map(|b| (b.pseudonym, b.complete))
        .collect();
    for p in column(&vh, &vrows, "pseudonym") {
        assert_eq!(stored.get(&p), Some(&true), "the ballots' own pseudonyms");
    }
    let by_choice: BTreeSet<(String, String, String, String)> = vrows
        .iter()
        .map(|r| (r[1].clone(), r[3].clone(), r[4].clone(), r[5].clone()))
        .collect();
    let ids = |list: &[usize]| {
        list.iter()
            .map(|i| w.props[*i].to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    let expected: BTreeSet<(String, String, String, String)> = [
        ("online".into(), ids(&[2, 0]), "Nord".into(), "25-34".into()),
        ("online".into(), ids(&[2]), String::new(), String::new()),
        ("paper".into(), ids(&[1, 2]), String::new(), String::new()),
    ]
    .into_iter()
    .collect();
    assert_eq!(by_choice, expected);
    assert_anonymous(&w, "votes.csv", &v.body);
    let vj = anon.get(&step_file(w.vote, "votes.json")).await;
    let vitems = parse_json(&vj.body);
    assert_eq!(vitems.len(), 3);
    assert!(
        vitems
            .iter()
            .any(|b| b["choices"] == serde_json::json!([w.props[2], w.props[0]]) && b["age_band"] == "25-34")
    );
    assert_anonymous(&w, "votes.json", &vj.body);

    // Results, as published.
    let r = anon.get(&step_file(w.vote, "results.csv")).await;
    assert_eq!(r.status, StatusCode::OK);
    let (rh, rrows) = parse_csv(&r.body);
    assert_eq!(
        rh,
        [
            "proposal",
            "title",
            "cost",
            "district",
            "online",
            "paper",
            "total",
            "selected",
            "selection_order"
        ]
    );
    assert_eq!(rrows.len(), 3);
    assert_eq!(rrows[0][0], w.props[2].to_string(), "most votes first");
    assert_eq!(&rrows[0][4..8], ["2", "1", "3", "true"]);
    let rj = parse_json(&anon.get(&step_file(w.vote, "results.json")).await.body);
    assert_eq!(rj.len(), 3);
    assert_eq!(rj[0]["total"], 3);
    let pb = anon.get(&step_file(w.vote, "votes.pb")).await;
    assert_eq!(pb.status, StatusCode::OK);
    assert!(pb.body.contains("VOTES") && pb.body.contains("voting_method"));
    assert_anonymous(&w, "votes.pb", &pb.body);
    let page = anon.get("/open-data").await;
    assert!(page.body.contains(&step_file(w.vote, "votes.csv")));
    assert!(page.body.contains(&step_file(w.vote, "results.json")));
    // Proposals, comments, votes, results: the rows the page announces.
    assert!(common::assert_open_data_rows(&mut anon).await >= 4);

    // Raw bytes: the BOM is EF BB BF; JSON has none.
    let (status, _, bytes) = get_bytes(app, &anon, &step_file(w.collect, "proposals.csv")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(&bytes[..3], [0xEF, 0xBB, 0xBF]);
    let (_, _, bytes) = get_bytes(app, &anon, &step_file(w.collect, "proposals.json")).await;
    assert_eq!(bytes[0], b'[');

    // Draft and restricted projects, and unpublished steps, are not open data.
    for visibility in [Visibility::Draft, Visibility::Restricted] {
        let input = ProjectInput {
            title: format!("Projet {}", visibility.as_str()),
            slug: format!("projet-{}", visibility.as_str()),
            summary: String::new(),
            description: String::new(),
            visibility,
        };
        let project = projects::create(app.db(), &input).await.unwrap();
        let step = steps::create(
            app.db(),
            project,
            &StepData {
                title: "Dépôt",
                step_type: StepType::Collect,
                body: "",
                starts_at: None,
                ends_at: None,
                published: true,
            },
        )
        .await
        .unwrap();
        proposal(app, step, w.alice.id, "Idée cachée", None).await;
        for c in [&mut anon, &mut w.admin] {
            assert_eq!(
                c.get(&step_file(step, "proposals.csv")).await.status,
                StatusCode::NOT_FOUND
            );
        }
        assert!(
            !anon
                .get("/open-data")
                .await
                .body
                .contains(&step_file(step, "proposals.csv"))
        );
    }
    let hidden_step = steps::create(
        app.db(),
        w.project,
        &StepData {
            title: "Brouillon",
            step_type: StepType::Collect,
            body: "",
            starts_at: None,
            ends_at: None,
            published: false,
        },
    )
    .await
    .unwrap();
    proposal(app, hidden_step, w.alice.id, "Pas encore", None).await;
    assert_eq!(
        anon.get(&step_file(hidden_step, "proposals.csv")).await.status,
        StatusCode::NOT_FOUND
    );

    // The licence is the administrator's choice.
    let licence = |v: &'static str| {
        [
            ("name", "Ville ouverte"),
            ("primary_colour", "#1d4ed8"),
            ("secondary_colour", "#7c2d12"),
            ("terms", ""),
            ("open_data_licence", v),
        ]
    };
    let settings = w.admin.get("/admin/settings").await;
    assert!(settings.has("input[type=radio][name=open_data_licence][value='etalab-2.0'][checked]"));
    let res = w.admin.post("/admin/settings", &licence("cc-by-sa")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("open_data_licence").contains("licence"), "{}", res.body);
    let res = w.admin.post("/admin/settings", &licence("odbl-1.0")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = anon.get("/open-data").await;
    assert_eq!(page.text("a[rel=license]"), "Open Database License (ODbL) 1.0");
    assert!(page.has("a[rel=license][href='https://opendatacommons.org/licenses/odbl/1-0/']"));
    let mut pm = app.logged_in(Role::ProjectManager).await;
    assert_eq!(
        pm.post("/admin/settings", &licence("etalab-2.0")).await.status,
        StatusCode::FORBIDDEN
    );
}
engine_test!(open_data_exports, exports);

fn unzip(bytes: &[u8]) -> serde_json::Value {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
    assert_eq!(z.len(), 1);
    let mut f = z.by_name("data.json").expect("data.json");
    let mut text = String::new();
    f.read_to_string(&mut text).unwrap();
    serde_json::from_str(&text).unwrap()
}

async fn personal_data(app: &TestApp) {
    let w = world(app).await;
    let mut anon = app.client();
    let res = anon.get("/account/data").await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(res.location().starts_with("/login"));

    let mut alice = login(app, &w.alice).await;
    let account = alice.get("/account").await;
    assert!(account.has("a[href='/account/data']"));
    let (status, headers, bytes) = get_bytes(app, &alice, "/account/data").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/zip");
    let data = unzip(&bytes);
    assert_eq!(data["account"]["email"], w.alice.email.as_str());
    assert_eq!(data["account"]["display_name"], "Alice Martin");
    assert!(data["account"].get("password_hash").is_none());
    let titles: Vec<&str> = data["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert!(titles.contains(&"Jardin partagé") && titles.contains(&"Brouillon secret"));
    assert!(!titles.contains(&"Piste cyclable"), "not bob's");
    let bodies: Vec<&str> = data["comments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["body"].as_str().unwrap())
        .collect();
    assert_eq!(bodies, ["Bonne idée, Bob !", "Précision : près de l'école"]);
    let mine = ballots::of_voter(app.db(), w.vote, w.alice.id).await.unwrap();
    let bobs = ballots::of_voter(app.db(), w.vote, w.bob.id).await.unwrap();
    let ballots_json = data["ballots"].as_array().unwrap();
    assert_eq!(ballots_json.len(), 1);
    assert_eq!(ballots_json[0]["code"], mine[0].code.as_str());
    assert_eq!(ballots_json[0]["choices"][0]["proposal_id"], w.props[2]);
    assert_eq!(ballots_json[0]["choices"][1]["rank"], 2);
    let text = data.to_string();
    assert!(!text.contains(&bobs[0].code) && !text.contains(&w.bob.email) && !text.contains("Merci Alice"));
    assert_eq!(data["follows"][0]["proposal_id"], w.props[2]);
    let sessions = data["sessions"].as_array().unwrap();
    assert!(!sessions.is_empty());
    assert!(sessions.iter().all(|s| s.get("token_hash").is_none()));
    assert!(!text.contains(&alice.cookies["participe_session"]));
    for key in ["reports", "acceptances"] {
        assert!(data[key].is_array(), "{key}");
    }
}
engine_test!(personal_data_zip, personal_data);

async fn anonymise(app: &TestApp) {
    let mut w = world(app).await;
    let path = format!("/admin/users/{}/anonymise", w.alice.id);
    let mut pm = app.logged_in(Role::ProjectManager).await;
    assert_eq!(pm.get(&path).await.status, StatusCode::FORBIDDEN);
    assert_eq!(pm.post(&path, &[("confirm", "on")]).await.status, StatusCode::FORBIDDEN);
    let mut bob = login(app, &w.bob).await;
    assert_eq!(
        bob.post(&path, &[("confirm", "on")]).await.status,
        StatusCode::FORBIDDEN
    );

    let list = w.admin.get("/admin/users").await;
    assert!(list.has(&format!("a[href='{path}']")));
    let form = w.admin.get(&path).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains(&w.alice.email) && form.has("input[type=checkbox][name=confirm]"));
    // Not without ticking the box.
    let res = w.admin.post(&path, &[]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.field_error("confirm").is_empty());
    assert!(
        users::by_id(app.db(), w.alice.id)
            .await
            .unwrap()
            .unwrap()
            .email
            .is_some()
    );

    let before = ballots::participation(app.db(), w.vote).await.unwrap();
    let res = w.admin.post(&path, &[("confirm", "on")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let u = users::by_id(app.db(), w.alice.id).await.unwrap().unwrap();
    assert!(u.email.is_none() && u.display_name.is_none() && u.deleted_at.is_some());
    let prefs = users::preferences(app.db(), w.alice.id).await.unwrap();
    assert!(prefs.birth_date.is_none());
    let after = ballots::participation(app.db(), w.vote).await.unwrap();
    assert_eq!(after.online_voters, before.online_voters, "her ballot stays counted");
    assert_eq!(ballots::of_voter(app.db(), w.vote, w.alice.id).await.unwrap().len(), 1);
    let res = app
        .client()
        .post("/login", &[("email", &w.alice.email), ("password", PASSWORD)])
        .await;
    assert_ne!(res.status, StatusCode::SEE_OTHER, "she can no longer log in");
    // Her contributions stay, anonymous.
    let page = app.client().get(&format!("/proposals/{}", w.props[0])).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("Alice Martin"));
    publish(app, &mut w).await;
    let v = app.client().get(&step_file(w.vote, "votes.csv")).await;
    assert_eq!(parse_csv(&v.body).1.len(), 3);

    // Administrators cannot anonymise themselves.
    let me = users::by_email(app.db(), &admin_email(app).await)
        .await
        .unwrap()
        .unwrap();
    let res = w
        .admin
        .post(&format!("/admin/users/{}/anonymise", me.id), &[("confirm", "on")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.location(), "/admin/users");
    assert!(users::by_id(app.db(), me.id).await.unwrap().unwrap().email.is_some());
    assert_eq!(
        w.admin.get("/admin/users/999999/anonymise").await.status,
        StatusCode::NOT_FOUND
    );
}
engine_test!(anonymise_by_administrator, anonymise);

/// The email of the administrator `world` logged in (the only one).
async fn admin_email(app: &TestApp) -> String {
    participe::on_db!(app.db(), |p| sqlx::query_scalar::<_, String>(
        "SELECT email FROM users WHERE role = 'administrator' AND deleted_at IS NULL"
    )
    .fetch_one(p)
    .await
    .unwrap())
}
