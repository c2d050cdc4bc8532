//! The GraphQL API over HTTP on both engines: every query and mutation,
//! the walk proving nothing private is reachable, tokens and scopes, depth,
//! complexity and rate limits, and the committed schema.

use crate::common;

use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{Request, StatusCode, header};
use common::TestApp;
use http_body_util::BodyExt;
use participe::security::token_hash;
use participe::storage::steps::StepData;
use participe::storage::{analyses, api_tokens, ballots, comments, moderation, projects, proposals, steps, votes};
use participe_domain::Role;
use participe_domain::analysis::Outcome;
use participe_domain::moderation::Target;
use participe_domain::project::{ProjectInput, Visibility};
use participe_domain::proposal::ProposalInput;
use participe_domain::step::StepType;
use serde_json::{Value, json};
use tower::ServiceExt;

struct Gql {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Value,
}

impl Gql {
    fn data(&self) -> &Value {
        assert!(self.body["errors"].is_null(), "unexpected errors: {}", self.body);
        &self.body["data"]
    }

    fn error_code(&self) -> String {
        self.body["errors"][0]["extensions"]["code"]
            .as_str()
            .unwrap_or_else(|| panic!("no error code in {}", self.body))
            .to_string()
    }
}

/// Sends a GraphQL request from address `ip` (POST unless `get`).
async fn send(app: &TestApp, token: Option<&str>, query: &str, variables: Value, get: bool, ip: u8) -> Gql {
    let mut req = if get {
        let q = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("query", query)
            .append_pair("variables", &variables.to_string())
            .finish();
        Request::builder().method("GET").uri(format!("/graphql?{q}"))
    } else {
        Request::builder()
            .method("POST")
            .uri("/graphql")
            .header(header::CONTENT_TYPE, "application/json")
    };
    if let Some(t) = token {
        req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    let body = if get {
        Body::empty()
    } else {
        Body::from(json!({ "query": query, "variables": variables }).to_string())
    };
    let res = app
        .state
        .router()
        .layer(MockConnectInfo(std::net::SocketAddr::from(([10, 77, 0, ip], 1))))
        .oneshot(req.body(body).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::String(String::from_utf8_lossy(&bytes).into()));
    Gql { status, headers, body }
}

async fn q(app: &TestApp, query: &str, variables: Value) -> Gql {
    send(app, None, query, variables, false, 1).await
}

async fn token(app: &TestApp, scope: &str) -> String {
    let admin = app
        .user(&format!("admin-{scope}@example.org"), Role::Administrator)
        .await;
    let t = format!("pt_{scope}_{}", participe::security::random_token());
    api_tokens::create(app.db(), "test", &token_hash(&t), scope, admin)
        .await
        .unwrap();
    t
}

struct Fx {
    project: i64,
    collect: i64,
    hidden_step: i64,
    vote: i64,
    visible: i64,
    hidden: i64,
    draft: i64,
    comment: i64,
    hidden_comment: i64,
    author_email: String,
}

fn proposal(title: &str, cost: i64) -> ProposalInput {
    ProposalInput {
        title: title.into(),
        summary: format!("Résumé de {title}"),
        description: "Détails".into(),
        cost: Some(cost),
        district: None,
        theme: None,
        category: None,
        address: String::new(),
        location: None,
    }
}

async fn fixture(app: &TestApp) -> Fx {
    let db = app.db();
    let new_project = |slug: &str, v: Visibility| ProjectInput {
        title: format!("Projet {slug}"),
        slug: slug.into(),
        summary: String::new(),
        description: String::new(),
        visibility: v,
    };
    let project = projects::create(db, &new_project("ouvert", Visibility::Public))
        .await
        .unwrap();
    let draft_project = projects::create(db, &new_project("brouillon", Visibility::Draft))
        .await
        .unwrap();
    let step = |title: &'static str, t: StepType, published: bool| StepData {
        title,
        step_type: t,
        body: "",
        starts_at: None,
        ends_at: None,
        published,
    };
    let collect = steps::create(db, project, &step("Dépôt", StepType::Collect, true))
        .await
        .unwrap();
    let hidden_step = steps::create(db, project, &step("Caché", StepType::Other, false))
        .await
        .unwrap();
    steps::create(db, draft_project, &step("Dépôt brouillon", StepType::Collect, true))
        .await
        .unwrap();
    let author_email = "autrice.api@example.org".to_string();
    let author = app.user(&author_email, Role::Participant).await;
    let moderator = app.user("moderatrice.api@example.org", Role::Moderator).await;
    let mut ids = vec![];
    for (title, cost) in [("Jardin", 100), ("Caché", 200)] {
        let id = proposals::create_draft(db, collect, author, &proposal(title, cost))
            .await
            .unwrap();
        proposals::submit(db, id).await.unwrap();
        proposals::decide(db, id, Outcome::Admissible, None).await.unwrap();
        ids.push(id);
    }
    let draft = proposals::create_draft(db, collect, author, &proposal("Brouillon", 50))
        .await
        .unwrap();
    let (visible, hidden) = (ids[0], ids[1]);
    moderation::set_hidden(db, Target::Proposal, hidden, Some("spam"), "", moderator)
        .await
        .unwrap();
    let comment = comments::create(db, visible, None, author, "Bonne idée").await.unwrap();
    let hidden_comment = comments::create(db, visible, None, author, "Injure").await.unwrap();
    moderation::set_hidden(db, Target::Comment, hidden_comment, Some("offensive"), "", moderator)
        .await
        .unwrap();
    analyses::save_answer(
        db,
        visible,
        "La ville retient ce projet.",
        participe::storage::now(),
        moderator,
    )
    .await
    .unwrap();
    participe::services::notify::publish_due_answers(db, &app.state.config, &app.state.i18n)
        .await
        .unwrap();
    let later = participe::storage::now() + chrono::Duration::days(30);
    analyses::save_answer(db, hidden, "Réponse à venir", later, moderator)
        .await
        .unwrap();
    // A secret-ballot vote with one ballot for the visible proposal.
    let vote = steps::create(db, project, &step("Vote", StepType::Vote, true))
        .await
        .unwrap();
    let cfg = participe_domain::vote_config::VoteConfig::parse(&participe_domain::vote_config::RawVoteConfig {
        mode: "simple",
        source: "admissible",
        envelope: "1000",
        counting_rule: "greedy",
        ..Default::default()
    })
    .unwrap();
    votes::save_settings(db, vote, &cfg, Some(collect)).await.unwrap();
    ballots::cast(
        db,
        &ballots::NewBallot {
            step_id: vote,
            envelope: 0,
            voter_id: Some(author),
            choices: &[visible],
            complete: true,
            voter_district_id: None,
            voter_age_band: None,
            entered_by: None,
        },
    )
    .await
    .unwrap();
    Fx {
        project,
        collect,
        hidden_step,
        vote,
        visible,
        hidden,
        draft,
        comment,
        hidden_comment,
        author_email,
    }
}

async fn queries(app: &TestApp) {
    let fx = fixture(app).await;
    let org = q(app, "{ organisation { name openDataLicence } }", json!({})).await;
    assert_eq!(org.status, StatusCode::OK);
    assert_eq!(org.data()["organisation"]["openDataLicence"], "etalab-2.0");

    // Projects: the draft one is not listed; pagination by cursor.
    let r = q(
        app,
        "{ projects(first: 1) { totalCount edges { cursor node { slug } } pageInfo { hasNextPage } } }",
        json!({}),
    )
    .await;
    let d = r.data();
    assert_eq!(d["projects"]["totalCount"], 1);
    assert_eq!(d["projects"]["edges"][0]["node"]["slug"], "ouvert");
    assert_eq!(d["projects"]["pageInfo"]["hasNextPage"], false);
    let r = q(app, "{ project(slug: \"brouillon\") { title } }", json!({})).await;
    assert!(r.data()["project"].is_null(), "draft projects are not public");

    // A project, its steps (not the unpublished one), counters.
    let r = q(
        app,
        "query($s: String!) { project(slug: $s) { id title steps { id title stepType state } counters { participants contributions votes } } }",
        json!({ "s": "ouvert" }),
    )
    .await;
    let p = &r.data()["project"];
    assert_eq!(p["id"], fx.project.to_string());
    let step_ids: Vec<String> = p["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    assert!(step_ids.contains(&fx.collect.to_string()));
    assert!(!step_ids.contains(&fx.hidden_step.to_string()));
    assert_eq!(p["counters"]["votes"], 1);
    assert_eq!(p["counters"]["participants"], 1);
    let r = q(
        app,
        "query($id: ID!) { step(id: $id) { title } }",
        json!({ "id": fx.hidden_step.to_string() }),
    )
    .await;
    assert!(r.data()["step"].is_null());

    // Proposals of a step: published ones, the hidden one withheld, paginated.
    let r = q(
        app,
        "query($id: ID!, $after: String) { step(id: $id) { proposals(first: 1, after: $after, sort: COST_ASC) {
            totalCount edges { cursor node { id title hidden summary authorName cost } } pageInfo { hasNextPage } } } }",
        json!({ "id": fx.collect.to_string() }),
    )
    .await;
    let page1 = &r.data()["step"]["proposals"];
    assert_eq!(page1["totalCount"], 2, "the draft is not listed");
    assert_eq!(page1["edges"][0]["node"]["title"], "Jardin");
    assert_eq!(page1["pageInfo"]["hasNextPage"], true);
    let cursor = page1["edges"][0]["cursor"].as_str().unwrap().to_string();
    let r = q(
        app,
        "query($id: ID!, $after: String) { step(id: $id) { proposals(first: 1, after: $after, sort: COST_ASC) {
            edges { node { id title hidden summary authorName } } pageInfo { hasNextPage hasPreviousPage } } } }",
        json!({ "id": fx.collect.to_string(), "after": cursor }),
    )
    .await;
    let page2 = &r.data()["step"]["proposals"];
    let hidden = &page2["edges"][0]["node"];
    assert_eq!(hidden["id"], fx.hidden.to_string());
    assert_eq!(hidden["hidden"], true);
    assert!(hidden["title"].is_null() && hidden["summary"].is_null() && hidden["authorName"].is_null());
    assert_eq!(page2["pageInfo"]["hasPreviousPage"], true);
    // Text filter.
    let r = q(
        app,
        "query($id: ID!) { step(id: $id) { proposals(text: \"jardin\") { totalCount } } }",
        json!({ "id": fx.collect.to_string() }),
    )
    .await;
    assert_eq!(r.data()["step"]["proposals"]["totalCount"], 1);

    // A proposal: its published answer, comments (hidden ones withheld), no votes during a secret ballot.
    let r = q(
        app,
        "query($id: ID!) { proposal(id: $id) { title officialAnswer { body } votes url
            comments { totalCount edges { node { id body hidden authorName } } } } }",
        json!({ "id": fx.visible.to_string() }),
    )
    .await;
    let p = &r.data()["proposal"];
    assert_eq!(p["officialAnswer"]["body"], "La ville retient ce projet.");
    assert!(p["votes"].is_null(), "secret ballot: no counts before results");
    let cs = p["comments"]["edges"].as_array().unwrap();
    assert_eq!(cs.len(), 2);
    let by_id = |id: i64| {
        cs.iter()
            .find(|c| c["node"]["id"].as_str() == Some(id.to_string().as_str()))
            .unwrap()["node"]
            .clone()
    };
    assert_eq!(by_id(fx.comment)["body"], "Bonne idée");
    assert!(by_id(fx.hidden_comment)["body"].is_null());
    let r = q(
        app,
        "query($id: ID!) { proposal(id: $id) { officialAnswer { body } } }",
        json!({ "id": fx.hidden.to_string() }),
    )
    .await;
    assert!(
        r.data()["proposal"]["officialAnswer"].is_null(),
        "scheduled answers are not public yet"
    );
    let r = q(
        app,
        "query($id: ID!) { proposal(id: $id) { title } }",
        json!({ "id": fx.draft.to_string() }),
    )
    .await;
    assert!(r.data()["proposal"].is_null(), "drafts are private");

    // Results appear once published; then the proposal's votes too.
    let r = q(
        app,
        "query($id: ID!) { step(id: $id) { vote { mode countsPublic pbUrl } results { total } } }",
        json!({ "id": fx.vote.to_string() }),
    )
    .await;
    assert!(r.data()["step"]["results"].is_null());
    assert!(r.data()["step"]["vote"]["pbUrl"].is_null());
    steps::update(
        app.db(),
        fx.vote,
        &StepData {
            title: "Vote",
            step_type: StepType::Vote,
            body: "",
            starts_at: Some(participe::storage::now() - chrono::Duration::days(2)),
            ends_at: Some(participe::storage::now() - chrono::Duration::days(1)),
            published: true,
        },
    )
    .await
    .unwrap();
    participe::services::vote_count::publish(app.db(), fx.vote)
        .await
        .unwrap();
    let r = q(
        app,
        "query($id: ID!, $p: ID!) { step(id: $id) { results { proposalId total selected } } proposal(id: $p) { votes } }",
        json!({ "id": fx.vote.to_string(), "p": fx.visible.to_string() }),
    )
    .await;
    let d = r.data();
    assert_eq!(d["proposal"]["votes"], 1);
    let row = d["step"]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["proposalId"].as_str() == Some(fx.visible.to_string().as_str()))
        .unwrap();
    assert_eq!(row["selected"], true);

    // Moderation log, districts, themes.
    let r = q(app, "{ moderationLog(first: 10) { totalCount edges { node { targetKind action reason } } } districts { name } themes { name } }", json!({})).await;
    assert_eq!(r.data()["moderationLog"]["totalCount"], 2);

    // GET works for queries, never for mutations.
    let r = send(app, None, "{ organisation { name } }", json!({}), true, 1).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.data()["organisation"]["name"].is_string());
    let w = token(app, "write").await;
    let r = send(
        app,
        Some(&w),
        "mutation { createProject(input: { title: \"Par GET\", visibility: \"public\" }) { id } }",
        json!({}),
        true,
        1,
    )
    .await;
    assert!(!r.body["errors"].is_null(), "a GET cannot mutate: {}", r.body);
    assert!(projects::by_slug(app.db(), "par-get").await.unwrap().is_none());

    // A staff token reads drafts.
    let rp = token(app, "read_private").await;
    let r = send(
        app,
        Some(&rp),
        "{ project(slug: \"brouillon\") { title } projects { totalCount } }",
        json!({}),
        false,
        2,
    )
    .await;
    assert_eq!(r.data()["project"]["title"], "Projet brouillon");
    assert_eq!(r.data()["projects"]["totalCount"], 2);
    let _ = fx.author_email;
}
engine_test!(queries_show_what_visitors_see, queries);

/// Walks every type and field of the schema by introspection: nothing
/// private is even reachable, whatever the query.
async fn walk(app: &TestApp) {
    let r = q(
        app,
        "{ __schema { types { name fields { name args { name } } inputFields { name } } } }",
        json!({}),
    )
    .await;
    let forbidden = [
        "email",
        "password",
        "token",
        "analys",
        "feasibility",
        "estimate",
        "reasontext",
        "ip",
        "session",
        "birth",
        "postal",
        "voter",
        "pseudonym",
        "enteredby",
        "moderator",
        "report",
        "assign",
        "unsubscribe",
        "hiddenreason",
        "ballot",
        "user",
    ];
    let mut names = vec![];
    for t in r.data()["__schema"]["types"].as_array().unwrap() {
        let tname = t["name"].as_str().unwrap();
        if tname.starts_with("__") {
            continue;
        }
        names.push(tname.to_string());
        for f in t["fields"]
            .as_array()
            .into_iter()
            .flatten()
            .chain(t["inputFields"].as_array().into_iter().flatten())
        {
            names.push(format!("{tname}.{}", f["name"].as_str().unwrap()));
            for a in f["args"].as_array().into_iter().flatten() {
                names.push(format!(
                    "{tname}.{}({})",
                    f["name"].as_str().unwrap(),
                    a["name"].as_str().unwrap()
                ));
            }
        }
    }
    assert!(names.len() > 100, "the walk saw {} names", names.len());
    for n in &names {
        let lower = n.to_lowercase();
        // "ip" only as a whole word part: "clientIp", "ipAddress".
        for word in forbidden {
            let hit = if word == "ip" {
                lower.ends_with(".ip") || lower.contains("ipaddress") || lower.contains("clientip")
            } else {
                lower.contains(word)
            };
            assert!(!hit, "private data reachable through {n}");
        }
    }
}
engine_test!(the_schema_exposes_nothing_private, walk);

/// The demo's votation and petitions through the API: questions, results
/// (majority judgement ranked), petitions' supports and standing.
async fn questionnaires_and_petitions(app: &TestApp) {
    participe::demo::load(app.db()).await.unwrap();
    let r = q(
        app,
        "query($slug: String!) { project(slug: $slug) { steps { stepType questionnaire { kind resultsPublishedAt
            questions { kind label choices }
            results { replies votation questions { kind answered choices { choice count }
                judgement { choice rank majorityGrade grades { grade count } } } } } } } }",
        json!({ "slug": participe::demo_votation::SLUG }),
    )
    .await;
    let qn = &r.data()["project"]["steps"][0]["questionnaire"];
    assert_eq!(qn["kind"], "vote");
    assert!(qn["resultsPublishedAt"].is_string());
    assert_eq!(qn["questions"][0]["choices"].as_array().unwrap().len(), 4);
    let res = &qn["results"];
    assert_eq!(res["replies"], 150);
    let counts: i64 = res["questions"][0]["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_i64().unwrap())
        .sum();
    assert_eq!(counts, 150);
    let judged = res["questions"][1]["judgement"].as_array().unwrap();
    assert_eq!(judged.len(), 3);
    assert_eq!(judged[0]["rank"], 1);
    assert_eq!(judged[0]["choice"], "Des arbres et de l'ombre");
    let graded: i64 = judged[0]["grades"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["count"].as_i64().unwrap())
        .sum();
    assert_eq!(graded, 150);

    let r = q(
        app,
        "query($slug: String!) { project(slug: $slug) { steps { proposals(sort: MOST_SUPPORTED) { nodes {
            title supportCount petitionStanding answerDueAt archivedAt } } } } }",
        json!({ "slug": participe::demo_petitions::SLUG }),
    )
    .await;
    let nodes = r.data()["project"]["steps"][0]["proposals"]["nodes"]
        .as_array()
        .unwrap()
        .clone();
    let counts: Vec<i64> = nodes.iter().map(|n| n["supportCount"].as_i64().unwrap()).collect();
    assert_eq!(counts, [63, 57, 31, 14]);
    let standings: Vec<&str> = nodes.iter().map(|n| n["petitionStanding"].as_str().unwrap()).collect();
    assert_eq!(standings, ["answered", "awaiting", "collecting", "archived"]);
    assert!(nodes[1]["answerDueAt"].is_string() && nodes[3]["archivedAt"].is_string());
}
engine_test!(questionnaires_and_petitions_in_the_api, questionnaires_and_petitions);

#[test]
fn the_committed_schema_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema.graphql");
    let sdl = participe::api::sdl();
    if std::env::var("UPDATE_SCHEMA").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &sdl).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == sdl,
        "crates/participe/schema.graphql differs from the API's schema; if the change is deliberate, run \
         UPDATE_SCHEMA=1 cargo test -p participe --test suite api::the_committed_schema_is_current"
    );
}

async fn mutations(app: &TestApp) {
    let fx = fixture(app).await;
    let create = "mutation($i: ProjectInput!) { createProject(input: $i) { id slug title visibility } }";
    let input = json!({ "i": { "title": "Budget des écoles", "visibility": "public" } });
    // Without a token, or with a read token: refused, nothing stored.
    let before = projects::list_all(app.db()).await.unwrap().len();
    assert_eq!(q(app, create, input.clone()).await.error_code(), "FORBIDDEN");
    let rp = token(app, "read_private").await;
    assert_eq!(
        send(app, Some(&rp), create, input.clone(), false, 3).await.error_code(),
        "FORBIDDEN"
    );
    // A bad token is a 401.
    let r = send(app, Some("pt_nope"), "{ organisation { name } }", json!({}), false, 3).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.error_code(), "UNAUTHENTICATED");
    assert_eq!(projects::list_all(app.db()).await.unwrap().len(), before);

    let w = token(app, "write").await;
    let m = |query: &'static str, vars: Value| {
        let w = w.clone();
        async move { send(app, Some(&w), query, vars, false, 4).await }
    };
    // Invalid input: field messages, nothing stored.
    let r = m(create, json!({ "i": { "title": "", "visibility": "secret" } })).await;
    assert_eq!(r.error_code(), "INVALID_INPUT");
    let fields: Vec<&str> = r.body["errors"][0]["extensions"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.contains(&"title") && fields.contains(&"visibility"),
        "{fields:?}"
    );
    assert_eq!(projects::list_all(app.db()).await.unwrap().len(), before);
    // Valid.
    let r = m(create, input.clone()).await;
    let p = &r.data()["createProject"];
    assert_eq!(p["slug"], "budget-des-ecoles");
    let id = p["id"].as_str().unwrap().to_string();
    // Same slug again: refused on the slug.
    let r = m(create, input.clone()).await;
    assert_eq!(r.error_code(), "INVALID_INPUT");
    // The administrators' action log has the one that succeeded, under the
    // token's creator, with the token's name and the caller's address.
    let logged: Vec<(Option<i64>, String, String, String, String)> = participe::on_db!(app.db(), |p| sqlx::query_as(
        "SELECT user_id, user_label, path, route, ip FROM admin_actions ORDER BY id"
    )
    .fetch_all(p)
    .await)
    .unwrap();
    assert_eq!(logged.len(), 1, "{logged:?}");
    let (user_id, label, path, route, ip) = &logged[0];
    assert!(user_id.is_some());
    assert_eq!(label, "Test administrator <admin-write@example.org> [API: test]");
    assert_eq!(
        (path.as_str(), route.as_str(), ip.as_str()),
        ("/graphql createProject", "/graphql", "10.77.0.4")
    );
    let r = m(
        "mutation($id: ID!, $i: ProjectInput!) { updateProject(id: $id, input: $i) { title visibility } }",
        json!({ "id": id, "i": { "title": "Budget des écoles 2027", "slug": "budget-des-ecoles", "visibility": "draft" } }),
    )
    .await;
    assert_eq!(r.data()["updateProject"]["title"], "Budget des écoles 2027");
    // Steps: end before start refused; then created and updated.
    let step = "mutation($p: ID!, $i: StepInput!) { createStep(projectId: $p, input: $i) { id title stepType startsAt published } }";
    let r = m(
        step,
        json!({ "p": id, "i": { "title": "Vote", "stepType": "vote", "startsAt": "2027-05-01T10:00:00Z", "endsAt": "2027-04-01T10:00:00Z" } }),
    )
    .await;
    assert_eq!(r.error_code(), "INVALID_INPUT");
    let r = m(
        step,
        json!({ "p": id, "i": { "title": "Vote", "stepType": "vote", "startsAt": "2027-05-01T10:00:00Z", "endsAt": "2027-06-01T10:00:00Z", "published": true } }),
    )
    .await;
    let s = &r.data()["createStep"];
    assert_eq!(s["startsAt"], "2027-05-01T10:00:00+00:00");
    let sid = s["id"].as_str().unwrap().to_string();
    let r = m(
        "mutation($id: ID!, $i: StepInput!) { updateStep(id: $id, input: $i) { title stepType } }",
        json!({ "id": sid, "i": { "title": "Le vote", "stepType": "nope" } }),
    )
    .await;
    assert_eq!(r.error_code(), "INVALID_INPUT");
    let r = m(
        "mutation($id: ID!, $i: StepInput!) { updateStep(id: $id, input: $i) { title stepType } }",
        json!({ "id": sid, "i": { "title": "Le vote", "stepType": "vote" } }),
    )
    .await;
    assert_eq!(r.data()["updateStep"]["title"], "Le vote");
    // Status: one of the step's statuses; the author hears of it.
    let status = participe::storage::collect::add_status(app.db(), fx.collect, "Retenu", "#116329")
        .await
        .unwrap();
    let set = "mutation($p: ID!, $s: ID) { setProposalStatus(proposalId: $p, statusId: $s) { status { name } } }";
    let r = m(set, json!({ "p": fx.visible.to_string(), "s": "999999" })).await;
    assert_eq!(r.error_code(), "INVALID_INPUT");
    let r = m(set, json!({ "p": fx.visible.to_string(), "s": status.to_string() })).await;
    assert_eq!(r.data()["setProposalStatus"]["status"]["name"], "Retenu");
    let mail = common::last_email_to(app, &fx.author_email).await;
    assert!(mail.body_text.contains("Retenu"), "{}", mail.body_text);
    let r = m(set, json!({ "p": fx.draft.to_string(), "s": status.to_string() })).await;
    assert_eq!(r.error_code(), "NOT_FOUND", "drafts are not reachable");
    // Official answer: empty refused; then published now.
    let ans =
        "mutation($p: ID!, $b: String!) { setOfficialAnswer(proposalId: $p, body: $b) { officialAnswer { body } } }";
    let r = m(ans, json!({ "p": fx.visible.to_string(), "b": "   " })).await;
    assert_eq!(r.error_code(), "INVALID_INPUT");
    let r = m(ans, json!({ "p": fx.visible.to_string(), "b": "Nouvelle réponse." })).await;
    assert_eq!(
        r.data()["setOfficialAnswer"]["officialAnswer"]["body"],
        "Nouvelle réponse."
    );
    // A revoked token stops working.
    let all = api_tokens::list(app.db()).await.unwrap();
    for t in all {
        api_tokens::revoke(app.db(), t.id).await.unwrap();
    }
    assert_eq!(m(create, input).await.status, StatusCode::UNAUTHORIZED);
}
engine_test!(mutations_need_a_write_token, mutations);

async fn limits(app: &TestApp) {
    fixture(app).await;
    // Deep queries are refused.
    let deep = "{ projects { edges { node { steps { proposals { edges { node { comments { edges { node { id } } } } } } } } } } }";
    let r = q(app, deep, json!({})).await;
    assert!(
        r.body["errors"][0]["message"].as_str().unwrap().contains("too deep")
            || r.body["errors"][0]["message"].as_str().unwrap().contains("complex"),
        "{}",
        r.body
    );
    // Wide queries are refused by complexity.
    let wide = "{ projects(first: 100) { edges { node { steps { proposals(first: 100) { edges { node { title summary description cost } } } } } } } }";
    let r = q(app, wide, json!({})).await;
    assert!(
        r.body["errors"][0]["message"].as_str().unwrap().contains("complex"),
        "{}",
        r.body
    );
    // Pages are at most 100.
    let r = q(app, "{ projects(first: 101) { totalCount } }", json!({})).await;
    assert_eq!(r.error_code(), "BAD_PAGE");
    let r = q(app, "{ projects(after: \"nope\") { totalCount } }", json!({})).await;
    assert_eq!(r.error_code(), "BAD_CURSOR");
    // Input that does not fit its type is the caller's error, and says so.
    let r = q(
        app,
        "{ projects { edges { node { steps { proposals(seed: 179004247851848) { totalCount } } } } } }",
        json!({}),
    )
    .await;
    assert_eq!(r.error_code(), "BAD_USER_INPUT", "{}", r.body);
    // Syntax errors and unknown fields are clear.
    let r = q(app, "{ projects { ", json!({})).await;
    assert!(!r.body["errors"].is_null());
    let r = q(app, "{ users { email } }", json!({})).await;
    assert!(
        r.body["errors"][0]["message"].as_str().unwrap().contains("users"),
        "{}",
        r.body
    );
    // A body that is not JSON is a 400.
    let res = app
        .state
        .router()
        .layer(MockConnectInfo(std::net::SocketAddr::from(([10, 77, 1, 1], 1))))
        .oneshot(
            Request::builder()
                .method("POST")
                .uri("/graphql")
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from("{not json"))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    // Per-address rate limit: past the limit, 429 with Retry-After.
    let mut last = StatusCode::OK;
    // (Twice the limit, in case a minute boundary resets the window midway.)
    for _ in 0..=2 * app.state.config.rate_limits.api {
        let r = send(app, None, "{ organisation { name } }", json!({}), false, 9).await;
        last = r.status;
        if last == StatusCode::TOO_MANY_REQUESTS {
            assert!(r.headers.contains_key(header::RETRY_AFTER));
            assert_eq!(r.error_code(), "RATE_LIMITED");
            break;
        }
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
    // A token has its own budget, four times an address's, whatever the address.
    let t = token(app, "read_private").await;
    let per_token = 4 * app.state.config.rate_limits.api;
    let mut limited_after = None;
    for i in 0..=2 * per_token {
        let r = send(
            app,
            Some(&t),
            "{ organisation { name } }",
            json!({}),
            false,
            (i % 200) as u8 + 20,
        )
        .await;
        if r.status == StatusCode::TOO_MANY_REQUESTS {
            assert!(r.headers.contains_key(header::RETRY_AFTER));
            limited_after = Some(i);
            break;
        }
    }
    let n = limited_after.expect("the token is rate-limited");
    assert!(
        n >= app.state.config.rate_limits.api,
        "a token gets more than an address: limited after {n}"
    );
    // Another address is not limited.
    assert_eq!(
        send(app, None, "{ organisation { name } }", json!({}), false, 10)
            .await
            .status,
        StatusCode::OK
    );
}
engine_test!(limits_protect_the_api, limits);

async fn pages(app: &TestApp) {
    let mut c = app.client();
    let r = c.get("/graphql").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("graphiql"), "GraphiQL page");
    let csp = r.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("https://unpkg.com"), "{csp}");
    let r = c.get("/graphql/schema.graphql").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("type QueryRoot"));
    // Other pages keep the strict policy.
    let r = c.get("/").await;
    assert!(
        !r.headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .contains("unpkg")
    );
    // Tokens are managed by administrators, shown once, stored hashed.
    let mut admin = app.logged_in(Role::Administrator).await;
    let r = admin
        .post("/admin/api-tokens", &[("name", ""), ("scope", "root")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = admin
        .post(
            "/admin/api-tokens",
            &[("name", "Tableau de bord"), ("scope", "read_private")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let shown = r
        .html()
        .select(&scraper::Selector::parse("#new-token").unwrap())
        .next()
        .unwrap()
        .value()
        .attr("value")
        .unwrap()
        .to_string();
    assert!(shown.starts_with("pt_"));
    assert_eq!(app.count("api_tokens").await, 1);
    let ok = send(app, Some(&shown), "{ projects { totalCount } }", json!({}), false, 5).await;
    assert_eq!(ok.status, StatusCode::OK);
    let listed = admin.get("/admin/api-tokens").await;
    assert!(!listed.body.contains(&shown), "a token is shown only once");
    let id = api_tokens::list(app.db()).await.unwrap()[0].id;
    assert_eq!(
        admin.post(&format!("/admin/api-tokens/{id}/revoke"), &[]).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        send(app, Some(&shown), "{ projects { totalCount } }", json!({}), false, 5)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let mut pm = app.logged_in(Role::ProjectManager).await;
    assert_eq!(pm.get("/admin/api-tokens").await.status, StatusCode::FORBIDDEN);
}
engine_test!(graphiql_schema_and_token_pages, pages);
