//! Vote steps over HTTP on both engines: each vote mode with valid and
//! invalid ballots, each requirement asked for in the flow, one ballot per
//! voter under 50 concurrent submissions, paper ballots and tallies by
//! mediators, publication of the results, the `.pb` file recounted by the
//! pabulib code, juries and the live counter.

use crate::common;

use axum::http::StatusCode;
use common::{Client, TestApp, open_collect_step};
use participe::storage::steps::{self, StepData};
use participe::storage::{ballots, projects, proposals, taxonomy};
use participe_domain::Role;
use participe_domain::analysis::Outcome;
use participe_domain::proposal::ProposalInput;
use participe_domain::step::StepType;

struct Fx {
    pm: Client,
    slug: String,
    vote: i64,
    /// Proposals costing 100, 200, 300, 400; the first two in district
    /// `districts[0]`, the others in `districts[1]`.
    props: Vec<i64>,
    districts: Vec<i64>,
}

/// A project with a collect step holding four admissible proposals and an
/// open vote step configured with `config` (form fields of the admin page).
async fn setup(app: &TestApp, config: &[(&str, &str)]) -> Fx {
    let mut pm = app.logged_in(Role::ProjectManager).await;
    let (slug, collect) = open_collect_step(app, &mut pm, "Budget participatif").await;
    let project = projects::by_slug(app.db(), &slug).await.unwrap().unwrap();
    let mut districts = vec![];
    for name in ["Nord", "Sud"] {
        districts.push(
            taxonomy::create(app.db(), taxonomy::Kind::District, name)
                .await
                .unwrap(),
        );
    }
    let author = app
        .user(&format!("auteur-{}@example.org", collect), Role::Participant)
        .await;
    let mut props = vec![];
    for (i, cost) in [100, 200, 300, 400].into_iter().enumerate() {
        let input = ProposalInput {
            title: format!("Projet {}", i + 1),
            summary: "Résumé".into(),
            description: String::new(),
            cost: Some(cost),
            district: Some(districts[i / 2]),
            theme: None,
            category: None,
            address: String::new(),
            location: None,
        };
        let id = proposals::create_draft(app.db(), collect, author, &input)
            .await
            .unwrap();
        proposals::submit(app.db(), id).await.unwrap();
        proposals::decide(app.db(), id, Outcome::Admissible, None)
            .await
            .unwrap();
        props.push(id);
    }
    let start = (chrono::Utc::now() - chrono::Duration::days(1))
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let end = (chrono::Utc::now() + chrono::Duration::days(10))
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let res = pm
        .post(
            &format!("/admin/projects/{}/steps/new", project.id),
            &[
                ("title", "Vote"),
                ("step_type", "vote"),
                ("starts_at", &start),
                ("ends_at", &end),
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
    let mut fields = vec![
        ("source", "admissible"),
        ("source_step", ""),
        ("counting_rule", "greedy"),
        ("territorial_k", "1"),
    ];
    let collect_s = collect.to_string();
    fields[1].1 = &collect_s;
    fields.extend_from_slice(config);
    let res = pm.post(&format!("/admin/steps/{vote}/vote"), &fields).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    Fx {
        pm,
        slug,
        vote,
        props,
        districts,
    }
}

async fn voter(app: &TestApp) -> Client {
    app.logged_in(Role::Participant).await
}

fn choices(ids: &[i64]) -> Vec<(String, String)> {
    ids.iter().map(|id| ("choice".to_string(), id.to_string())).collect()
}

async fn post_owned(c: &mut Client, path: &str, fields: &[(String, String)]) -> common::Res {
    let f: Vec<(&str, &str)> = fields.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    c.post(path, &f).await
}

/// Closes the vote step (its end moves to the past).
async fn close(app: &TestApp, step: i64) {
    let s = steps::by_id(app.db(), step).await.unwrap().unwrap();
    let now = chrono::Utc::now();
    steps::update(
        app.db(),
        step,
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
}

async fn simple_vote(app: &TestApp) {
    let fx = setup(
        app,
        &[
            ("mode", "simple"),
            ("envelope", "500"),
            ("min_choices", "2"),
            ("max_choices", "3"),
        ],
    )
    .await;
    let path = format!("/votes/{}", fx.vote);
    // Visitors see the ballot's rules and are asked to log in.
    let mut anon = app.client();
    let page = anon.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(&format!("/login?next=/votes/{}", fx.vote)));

    let mut v = voter(app).await;
    let page = v.get(&path).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(
        page.html()
            .select(&scraper::Selector::parse("input[name=choice]").unwrap())
            .count(),
        4
    );
    assert!(page.text("legend").contains("entre 2 et 3"), "{}", page.text("legend"));

    // Too many: refused, nothing stored.
    let res = post_owned(&mut v, &path, &choices(&fx.props)).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.field_error("ballot").contains("trop de propositions"),
        "{}",
        res.body
    );
    // Not on the ballot, or not a number: refused.
    let res = post_owned(&mut v, &path, &choices(&[fx.props[0], 999_999])).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = v.post(&path, &[("choice", "abc")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("ballots").await, 0);

    // Below the minimum: kept but not counted, and the voter is told so.
    let res = post_owned(&mut v, &path, &choices(&fx.props[..1])).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.location(), format!("/votes/{}/receipt", fx.vote));
    let receipt = v.get(res.location()).await;
    assert!(receipt.body.contains("ne compte pas encore"), "{}", receipt.body);
    assert_eq!(
        ballots::participation(app.db(), fx.vote).await.unwrap().online_voters,
        0
    );

    // Completed: counted; the receipt shows the code and the choices.
    let res = post_owned(&mut v, &path, &choices(&fx.props[..2])).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let receipt = v.get(&format!("/votes/{}/receipt", fx.vote)).await;
    let code = receipt.text("code.ballot-code");
    assert_eq!(code.len(), 14, "{code}");
    assert!(receipt.body.contains("Projet 1") && receipt.body.contains("Projet 2"));
    assert!(receipt.body.contains("compte dans les résultats"));

    // Changing the ballot keeps one ballot with the same code.
    let res = post_owned(&mut v, &path, &choices(&fx.props[1..3])).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(app.count("ballots").await, 1);
    assert_eq!(app.count("ballot_choices").await, 2);
    let receipt = v.get(&format!("/votes/{}/receipt", fx.vote)).await;
    assert_eq!(receipt.text("code.ballot-code"), code);
    assert!(!receipt.body.contains("Projet 1<"));

    // Secret ballot: no counts on the ballot page during the vote.
    let page = v.get(&path).await;
    assert!(!page.body.contains(" voix<"), "counts must stay hidden");

    // Once closed, ballots are refused and nothing changes.
    close(app, fx.vote).await;
    let res = post_owned(&mut v, &path, &choices(&fx.props[..2])).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("pas ouvert"));
    let stored = ballots::all(app.db(), fx.vote).await.unwrap();
    assert_eq!(stored[0].choices, fx.props[1..3].to_vec());
}
engine_test!(simple_vote_flow, simple_vote);

async fn budget_vote(app: &TestApp) {
    let fx = setup(
        app,
        &[("mode", "budget"), ("envelope", "500"), ("min_spend_percent", "50")],
    )
    .await;
    let path = format!("/votes/{}", fx.vote);
    let mut v = voter(app).await;
    // 300 + 400 > 500: refused.
    let res = post_owned(&mut v, &path, &choices(&fx.props[2..4])).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("ballot").contains("dépasse l'enveloppe"));
    assert_eq!(app.count("ballots").await, 0);
    // 100 < 250 minimum: saved, not counted.
    let res = post_owned(&mut v, &path, &choices(&fx.props[..1])).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(!ballots::all(app.db(), fx.vote).await.unwrap()[0].complete);
    // 100 + 400 = 500: counted.
    let res = post_owned(&mut v, &path, &choices(&[fx.props[0], fx.props[3]])).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(ballots::all(app.db(), fx.vote).await.unwrap()[0].complete);
}
engine_test!(budget_vote_fits_the_envelope, budget_vote);

async fn district_envelopes(app: &TestApp) {
    let fx = setup(app, &[("mode", "budget"), ("envelope", ""), ("per_district", "on")]).await;
    let (nord, sud) = (fx.districts[0], fx.districts[1]);
    let mut pm = fx.pm;
    let res = pm
        .post(
            &format!("/admin/steps/{}/vote/envelopes", fx.vote),
            &[(&format!("amount-{nord}"), "300"), (&format!("amount-{sud}"), "-5")],
        )
        .await;
    assert_eq!(
        res.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "negative amounts are refused"
    );
    let res = pm
        .post(
            &format!("/admin/steps/{}/vote/envelopes", fx.vote),
            &[(&format!("amount-{nord}"), "300"), (&format!("amount-{sud}"), "400")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let path = format!("/votes/{}", fx.vote);
    let mut v = voter(app).await;
    // First the district.
    let page = v.get(&path).await;
    assert!(page.body.contains(&format!("?district={nord}")));
    assert!(!page.body.contains("name=\"choice\""));
    // Nord's ballot holds Nord's proposals only.
    let page = v.get(&format!("{path}?district={nord}")).await;
    assert!(page.body.contains("Projet 1") && !page.body.contains("Projet 3"));
    // A Sud proposal in Nord's envelope is not on that ballot.
    let mut f = choices(&[fx.props[2]]);
    f.push(("district".into(), nord.to_string()));
    assert_eq!(
        post_owned(&mut v, &path, &f).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let mut f = choices(&fx.props[..2]);
    f.push(("district".into(), nord.to_string()));
    assert_eq!(post_owned(&mut v, &path, &f).await.status, StatusCode::SEE_OTHER);
    // One ballot per envelope: voting in Sud adds a second ballot.
    let mut f = choices(&[fx.props[3]]);
    f.push(("district".into(), sud.to_string()));
    assert_eq!(post_owned(&mut v, &path, &f).await.status, StatusCode::SEE_OTHER);
    let mut f = choices(&[fx.props[2]]);
    f.push(("district".into(), sud.to_string()));
    assert_eq!(post_owned(&mut v, &path, &f).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.count("ballots").await, 2);
    // Counting per district: Nord 300 → 1 and 2; Sud 400 → 3 (its ballot changed from 4 to 3).
    close(app, fx.vote).await;
    let res = pm.post(&format!("/admin/steps/{}/vote/publish", fx.vote), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let winners: Vec<i64> = ballots::results(app.db(), fx.vote)
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.selected)
        .map(|r| r.proposal_id)
        .collect();
    let mut expected = vec![fx.props[0], fx.props[1], fx.props[2]];
    expected.sort();
    let mut got = winners.clone();
    got.sort();
    assert_eq!(got, expected);
}
engine_test!(district_envelopes_count_apart, district_envelopes);

async fn ranking_vote(app: &TestApp) {
    let fx = setup(app, &[("mode", "ranking"), ("envelope", "600"), ("max_choices", "2")]).await;
    let path = format!("/votes/{}", fx.vote);
    let rank = |id: i64| format!("rank-{id}");
    let mut v = voter(app).await;
    let page = v.get(&path).await;
    assert!(page.body.contains(&format!("name=\"{}\"", rank(fx.props[0]))));
    // Two proposals with rank 1: refused.
    let res = v
        .post(&path, &[(&rank(fx.props[0]), "1"), (&rank(fx.props[1]), "1")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("ballot").contains("même rang"));
    // Three ranked with a maximum of two: refused.
    let res = v
        .post(
            &path,
            &[
                (&rank(fx.props[0]), "1"),
                (&rank(fx.props[1]), "2"),
                (&rank(fx.props[2]), "3"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("ballots").await, 0);
    let res = v
        .post(
            &path,
            &[
                (&rank(fx.props[3]), "2"),
                (&rank(fx.props[2]), "1"),
                (&rank(fx.props[0]), ""),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(
        ballots::all(app.db(), fx.vote).await.unwrap()[0].choices,
        vec![fx.props[2], fx.props[3]]
    );
    // A second voter ranks 1 first; points: P3 = 2, P4 = 1, P1 = 2, P2 = 1.
    let mut w = voter(app).await;
    w.post(&path, &[(&rank(fx.props[0]), "1"), (&rank(fx.props[1]), "2")])
        .await;
    close(app, fx.vote).await;
    let mut pm = fx.pm;
    let preview = pm.get(&format!("/votes/{}/results", fx.vote)).await;
    assert!(preview.body.contains("Aperçu"), "managers preview before publishing");
    assert_eq!(
        pm.post(&format!("/admin/steps/{}/vote/publish", fx.vote), &[])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let rows = ballots::results(app.db(), fx.vote).await.unwrap();
    let pts = |id: i64| rows.iter().find(|r| r.proposal_id == id).unwrap().online;
    assert_eq!(
        (pts(fx.props[0]), pts(fx.props[1]), pts(fx.props[2]), pts(fx.props[3])),
        (2, 1, 2, 1)
    );
}
engine_test!(ranking_vote_gives_points, ranking_vote);

async fn requirements(app: &TestApp) {
    let fx = setup(
        app,
        &[
            ("mode", "simple"),
            ("envelope", "1000"),
            ("req_confirmed_email", "on"),
            ("req_min_age", "16"),
            ("req_postal_codes", "35000\n35200"),
            ("req_accept_rules", "on"),
            ("rules_text", "Un bulletin par personne."),
        ],
    )
    .await;
    let path = format!("/votes/{}", fx.vote);
    let req = format!("/votes/{}/requirements", fx.vote);
    let mut v = voter(app).await;
    let page = v.get(&path).await;
    // Each missing requirement is asked for in the flow, not as an error at the end.
    for asked in ["f-birth_date", "f-postal_code", "f-accept_rules"] {
        assert!(page.has(&format!("#{asked}")), "{asked} asked");
    }
    assert!(!page.body.contains("name=\"choice\""));
    // Voting before meeting them is refused.
    let res = post_owned(&mut v, &path, &choices(&fx.props[..1])).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.count("ballots").await, 0);
    // Bad answers: messages next to the fields.
    let res = v
        .post(
            &req,
            &[("birth_date", "demain"), ("postal_code", "<b>"), ("accept_rules", "")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    for f in ["birth_date", "postal_code", "accept_rules"] {
        assert!(!res.field_error(f).is_empty(), "{f}: {}", res.body);
    }
    // Too young and outside the area: told plainly, no ballot form.
    let young = (chrono::Utc::now() - chrono::Duration::days(365 * 14))
        .format("%Y-%m-%d")
        .to_string();
    let res = v
        .post(
            &req,
            &[("birth_date", &young), ("postal_code", "75001"), ("accept_rules", "on")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let page = v.get(&path).await;
    assert!(page.body.contains("réservé aux personnes plus âgées"));
    assert!(page.body.contains("autres codes postaux"));
    assert!(!page.body.contains("name=\"choice\""));
    assert_eq!(
        post_owned(&mut v, &path, &choices(&fx.props[..1])).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // A resident adult who accepts the rules votes.
    let mut ok = voter(app).await;
    let res = ok
        .post(
            &req,
            &[
                ("birth_date", "1990-05-01"),
                ("postal_code", "35200"),
                ("accept_rules", "on"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = ok.get(&path).await;
    assert!(page.body.contains("name=\"choice\""), "{}", page.body);
    assert_eq!(
        post_owned(&mut ok, &path, &choices(&fx.props[..1])).await.status,
        StatusCode::SEE_OTHER
    );
    let b = &ballots::all(app.db(), fx.vote).await.unwrap()[0];
    assert_eq!(b.voter_age_band.as_deref(), Some("35-49"));

    // Unconfirmed email: asked to confirm, cannot vote.
    let id = participe::services::accounts::create(
        app.db(),
        &participe_domain::account::Signup {
            display_name: "Pas confirmé".into(),
            email: "pasconfirme@example.org".into(),
            password: common::PASSWORD.into(),
        },
        Role::Participant,
        participe::i18n::Lang::Fr,
        false,
    )
    .await
    .unwrap();
    assert!(id > 0);
    let mut u = app.client();
    u.login("pasconfirme@example.org", common::PASSWORD).await;
    let page = u.get(&path).await;
    assert!(page.body.contains("Confirmez votre adresse e-mail"), "{}", page.body);
    assert!(page.body.contains("/account/confirmation"));
}
engine_test!(requirements_are_asked_in_the_flow, requirements);

/// A vote asking for a phone number: its format is checked, it is kept in
/// the E.164 form, asked once, and the voter then votes.
async fn phone_number(app: &TestApp) {
    let mut fx = setup(app, &[("mode", "simple"), ("envelope", "1000"), ("req_phone", "on")]).await;
    let settings = fx.pm.get(&format!("/admin/steps/{}/vote", fx.vote)).await;
    assert!(settings.has("#f-req_phone[checked]"), "the setting is shown as stored");
    let path = format!("/votes/{}", fx.vote);
    let req = format!("/votes/{}/requirements", fx.vote);
    let mut v = voter(app).await;
    let page = v.get(&path).await;
    assert!(page.has("#f-phone[type=tel]"));
    assert!(page.text("section.requirements").contains("numéro de téléphone"));
    let res = post_owned(&mut v, &path, &choices(&fx.props[..1])).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = v.post(&req, &[("phone", "12 34")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.field_error("phone").contains("n'est pas valide"),
        "{}",
        res.field_error("phone")
    );
    let res = v.post(&req, &[("phone", "06 12 34 56 78")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = v.get(&path).await;
    assert!(!page.has("#f-phone"), "asked once");
    assert_eq!(
        post_owned(&mut v, &path, &choices(&fx.props[..1])).await.status,
        StatusCode::SEE_OTHER
    );
    let stored: Vec<Option<String>> = participe::on_db!(app.db(), |p| sqlx::query_scalar(
        "SELECT phone FROM users WHERE phone IS NOT NULL"
    )
    .fetch_all(p)
    .await)
    .unwrap();
    assert_eq!(stored, vec![Some("+33612345678".to_string())]);
}
engine_test!(a_phone_number_is_asked_in_the_flow, phone_number);

/// A vote requiring an identity verified by a "FranceConnect-like" provider
/// (the real oidc-provider, asked for an eIDAS level, vouching for the
/// birth date): the voter confirms it from the ballot page and comes back
/// able to vote, their age taken from the certified birth date.
async fn verified_identity(app: &TestApp) {
    let Some(provider) = common::idp::idp() else { return };
    let fx = setup(
        app,
        &[
            ("mode", "simple"),
            ("envelope", "1000"),
            ("req_verified_identity", "on"),
            ("req_min_age", "18"),
        ],
    )
    .await;
    let mut admin = app.logged_in(Role::Administrator).await;
    let res = admin
        .post(
            "/admin/sso",
            &[
                ("kind", "oidc"),
                ("slug", "fc-like"),
                ("label", "Identité certifiée"),
                ("issuer", provider.issuer.as_str()),
                ("client_id", "participe-fc"),
                ("scopes", "openid given_name family_name birthdate email"),
                ("acr_values", "eidas1"),
                ("verifies_identity", "on"),
                ("enabled", "on"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);

    let path = format!("/votes/{}", fx.vote);
    let mut v = voter(app).await;
    let page = v.get(&path).await;
    assert!(page.text("ul.missing").contains("Confirmez votre identité"));
    // The age is not asked: it will come with the identity.
    assert!(!page.has("#f-birth_date"));
    assert!(!page.body.contains("name=\"choice\""));
    let form = format!("form[action='/account/sso/fc-like'] input[name=next][value='{path}']");
    assert!(page.has(&form), "{}", page.body);
    let res = post_owned(&mut v, &path, &choices(&fx.props[..1])).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);

    let csrf = v.csrf().await;
    let leaving = v
        .post("/account/sso/fc-like", &[("_csrf", &csrf), ("next", &path)])
        .await;
    assert_eq!(leaving.status, StatusCode::OK, "{}", leaving.body);
    let to = leaving.attr("main a.button", "href");
    assert!(to.contains("acr_values=eidas1") && to.contains("birthdate"), "{to}");
    let back = common::idp::through_provider(&to, &format!("votant-{}", fx.vote)).await;
    let res = v.get(&back).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), path);
    let page = v.get(&path).await;
    assert!(page.body.contains("name=\"choice\""), "{}", page.body);
    let res = post_owned(&mut v, &path, &choices(&fx.props[..1])).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(app.count("ballots").await, 1);
    let birth: Option<chrono::NaiveDate> = participe::on_db!(app.db(), |p| sqlx::query_scalar(
        "SELECT birth_date FROM users WHERE identity_verified_at IS NOT NULL"
    )
    .fetch_one(p)
    .await)
    .unwrap();
    assert_eq!(birth, chrono::NaiveDate::from_ymd_opt(1990, 5, 17));
    assert!(
        v.get("/account")
            .await
            .text("main")
            .contains("Votre identité a été vérifiée")
    );
}
engine_test!(a_verified_identity_comes_from_a_provider, verified_identity);

/// Identification codes: imported all or nothing by the manager, each used
/// once across online and paper ballots; a deleted paper ballot frees its code.
async fn identification_codes(app: &TestApp) {
    let mut fx = setup(app, &[("mode", "simple"), ("envelope", "1000"), ("req_id_code", "on")]).await;
    let codes = format!("/admin/steps/{}/codes", fx.vote);
    let page = fx.pm.get(&codes).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text("#code-figures").starts_with("0 codes"));
    // A bad line refuses the whole file, saying where.
    let res = fx
        .pm
        .post_multipart(&codes, &[], &[("file", "codes.csv", b"AB12CD34\nbad\nab12-cd34\n")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let refused = res.text("#import-errors");
    assert!(refused.contains("Ligne 2") && refused.contains("Ligne 3"), "{refused}");
    assert_eq!(app.count("identification_codes").await, 0);
    let csv = b"code;foyer\nAB12-CD34;1 rue des Lilas\nEF56GH78;2 rue des Lilas\nIJ90KL12;3 rue des Lilas\n";
    let res = fx.pm.post_multipart(&codes, &[], &[("file", "codes.csv", csv)]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(app.count("identification_codes").await, 3);
    // Only hashes are stored.
    let stored: Vec<String> = participe::on_db!(app.db(), |p| sqlx::query_scalar(
        "SELECT code_hash FROM identification_codes"
    )
    .fetch_all(p)
    .await)
    .unwrap();
    assert!(stored.iter().all(|h| h.len() == 64 && !h.contains("AB12")));

    // The voter is asked for a code in the flow; a wrong one is refused.
    let path = format!("/votes/{}", fx.vote);
    let req = format!("/votes/{}/requirements", fx.vote);
    let mut v = voter(app).await;
    let page = v.get(&path).await;
    assert!(page.has("#f-id_code") && !page.body.contains("name=\"choice\""));
    let res = v.post(&req, &[("id_code", "ZZ99ZZ99")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("id_code").contains("inconnu"));
    let res = v.post(&req, &[("id_code", " ab12 cd34 ")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(v.get(&path).await.body.contains("name=\"choice\""));
    let res = post_owned(&mut v, &path, &choices(&fx.props[..1])).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    // The same code for someone else: refused.
    let mut w = voter(app).await;
    let res = w.post(&req, &[("id_code", "AB12CD34")]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);

    // On paper: the code printed on the ballot, checked the same way.
    let paper = format!("/votes/{}/paper", fx.vote);
    let page = fx.pm.get(&paper).await;
    assert!(page.has("#f-id_code") && !page.has("#f-tallies"));
    let ballot = |code: &'static str| {
        vec![
            ("id_code".to_string(), code.to_string()),
            ("choice".to_string(), fx.props[1].to_string()),
        ]
    };
    let res = post_owned(&mut fx.pm, &paper, &ballot("AB12CD34")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.field_error("id_code").contains("déjà servi"));
    let res = post_owned(&mut fx.pm, &paper, &ballot("")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        post_owned(&mut fx.pm, &paper, &ballot("EF56-GH78")).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        post_owned(&mut fx.pm, &paper, &ballot("EF56GH78")).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let on_paper: Vec<_> = ballots::all(app.db(), fx.vote)
        .await
        .unwrap()
        .into_iter()
        .filter(|b| b.paper)
        .collect();
    assert_eq!(on_paper.len(), 1);
    let figures = fx.pm.get(&codes).await.text("#code-figures");
    assert!(
        figures.starts_with("3 codes : 1 utilisés en ligne, 1 sur papier, 1 pas"),
        "{figures}"
    );
    // The paper ballot deleted, its code may be entered again.
    let res = fx.pm.post(&format!("{paper}/{}/delete", on_paper[0].id), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(
        post_owned(&mut fx.pm, &paper, &ballot("EF56GH78")).await.status,
        StatusCode::SEE_OTHER
    );
    // Removing the unused codes keeps the used ones.
    let res = fx.pm.post(&format!("{codes}/delete-unused"), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(app.count("identification_codes").await, 2);
}
engine_test!(identification_codes_vote_once_online_or_on_paper, identification_codes);

async fn concurrent(app: &TestApp) {
    let fx = setup(app, &[("mode", "simple"), ("envelope", "1000")]).await;
    let v = voter(app).await;
    let path = format!("/votes/{}", fx.vote);
    let mut tasks = vec![];
    for i in 0..50 {
        let mut c = v.clone();
        let path = path.clone();
        let choice = fx.props[i % 4].to_string();
        tasks.push(tokio::spawn(async move {
            c.post(&path, &[("choice", &choice)]).await.status
        }));
    }
    for t in tasks {
        let status = t.await.unwrap();
        assert_eq!(status, StatusCode::SEE_OTHER);
    }
    assert_eq!(app.count("ballots").await, 1, "50 concurrent submissions, one ballot");
    assert_eq!(app.count("ballot_choices").await, 1);
    assert_eq!(
        ballots::participation(app.db(), fx.vote).await.unwrap().online_voters,
        1
    );
}
engine_test!(concurrent_submissions_make_one_ballot, concurrent);

async fn paper_and_results(app: &TestApp) {
    let fx = setup(
        app,
        &[("mode", "simple"), ("envelope", "600"), ("counting_rule", "greedy")],
    )
    .await;
    let mut pm = fx.pm;
    let path = format!("/votes/{}", fx.vote);
    // Online: P4 ×2, P1 ×1.
    for ids in [&[fx.props[3]][..], &[fx.props[3], fx.props[0]][..]] {
        let mut v = voter(app).await;
        assert_eq!(
            post_owned(&mut v, &path, &choices(ids)).await.status,
            StatusCode::SEE_OTHER
        );
    }
    // A participant who is not a mediator cannot enter paper ballots.
    app.user("mediatrice@example.org", Role::Participant).await;
    let mut med = app.client();
    med.login("mediatrice@example.org", common::PASSWORD).await;
    let paper = format!("/votes/{}/paper", fx.vote);
    assert_eq!(med.get(&paper).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        post_owned(&mut med, &paper, &choices(&fx.props[..1])).await.status,
        StatusCode::FORBIDDEN
    );
    // Named mediator of the step.
    let res = pm
        .post(
            &format!("/admin/steps/{}/vote/mediators", fx.vote),
            &[("email", "personne@example.org")],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = pm
        .post(
            &format!("/admin/steps/{}/vote/mediators", fx.vote),
            &[("email", "mediatrice@example.org")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(med.get(&paper).await.status, StatusCode::OK);
    // Paper ballots are checked by the same rules.
    let res = post_owned(&mut med, &paper, &choices(&[fx.props[0], 12345])).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    for _ in 0..2 {
        assert_eq!(
            post_owned(&mut med, &paper, &choices(&[fx.props[1]])).await.status,
            StatusCode::SEE_OTHER
        );
    }
    // Tallies: more votes than voters is refused; then P2 +3 by hand from 3 voters.
    let t = format!("/votes/{}/tallies", fx.vote);
    let res = med
        .post(&t, &[("tally_voters", "3"), (&format!("tally-{}", fx.props[1]), "4")])
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = med
        .post(&t, &[("tally_voters", "3"), (&format!("tally-{}", fx.props[1]), "3")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let stored = ballots::all(app.db(), fx.vote).await.unwrap();
    assert_eq!(stored.iter().filter(|b| b.paper).count(), 2);

    // Results are hidden before publication; publishing needs a closed vote.
    let mut anon = app.client();
    let res = anon.get(&format!("/votes/{}/results", fx.vote)).await;
    assert!(res.body.contains("pas encore publiés"));
    assert_eq!(
        anon.get(&format!("/votes/{}/export.pb", fx.vote)).await.status,
        StatusCode::NOT_FOUND
    );
    let res = pm.post(&format!("/admin/steps/{}/vote/publish", fx.vote), &[]).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("pas clos"));
    close(app, fx.vote).await;
    let res = pm.post(&format!("/admin/steps/{}/vote/publish", fx.vote), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    // P2: 2 paper + 3 tallied = 5; P4: 2 online; P1: 1. Budget 600: P2 (200) + P4 (400).
    let res = anon.get(&format!("/votes/{}/results", fx.vote)).await;
    assert_eq!(res.status, StatusCode::OK);
    let winners = res.texts(".winners li a");
    assert_eq!(winners, vec!["Projet 2", "Projet 4"]);
    assert!(res.body.contains("600 € sur 600 €"), "{}", res.body);
    assert!(res.has("svg[role=img] title"));
    assert!(res.body.contains("2 votants en ligne"));
    assert!(
        res.body.contains("5 votants sur papier"),
        "2 paper ballots + 3 tallied voters"
    );
    // Ballots by number of choices: three with one proposal, one with two.
    let by_size = res.texts("section[aria-labelledby=part-title] table tbody tr");
    assert!(
        by_size[0].starts_with('1') && by_size[0].contains("75,0 %"),
        "{by_size:?}"
    );
    assert!(
        by_size[1].starts_with('2') && by_size[1].contains("25,0 %"),
        "{by_size:?}"
    );
    assert!(res.body.contains("75,0 % des votants ont choisi une seule proposition"));
    // Paper can no longer be entered; settings are locked.
    assert_eq!(
        post_owned(&mut med, &paper, &choices(&[fx.props[1]])).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // The .pb file: pseudonyms, no ids; recounted by the pabulib code gives the same winners
    // (the tallies are in a column, so the recount is of the ballots: P4 2 votes, P2 2, P1 1).
    let pb = anon.get(&format!("/votes/{}/export.pb", fx.vote)).await;
    assert_eq!(pb.status, StatusCode::OK);
    assert!(pb.body.contains("voting_method") && pb.body.contains("paper_tally"));
    assert!(!pb.body.contains("@example.org"));
    let e = participe_domain::pb::parse(&pb.body).unwrap();
    assert_eq!(e.ballots.len(), 4);
    let o = participe_domain::pb::count_rule(&e, participe_domain::pb::Rule::from_name("greedy").unwrap()).unwrap();
    let mut ids = o.selected_ids(&e);
    ids.sort();
    let mut expect = vec![fx.props[1].to_string(), fx.props[3].to_string()];
    expect.sort();
    assert_eq!(ids, expect);
    // The winners' follow-up is open.
    assert_eq!(app.count("realisations").await, 2);

    // A jury drawn by lot among online voters, with its seed published.
    let jury = format!("/admin/steps/{}/vote/jury", fx.vote);
    assert_eq!(
        pm.post(&jury, &[("jury_size", "5")]).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        pm.post(&jury, &[("jury_size", "1")]).await.status,
        StatusCode::SEE_OTHER
    );
    let (j, members) = ballots::juries(app.db(), fx.vote).await.unwrap().remove(0);
    let pool = participe::web::admin::vote::jury_pool(&app.state, fx.vote)
        .await
        .unwrap();
    assert_eq!(members, participe_domain::jury::draw(&j.seed, &pool, 1, false));
    let res = anon.get(&format!("/votes/{}/results", fx.vote)).await;
    assert!(res.body.contains(&j.seed) && res.body.contains(&members[0]));
}
engine_test!(paper_ballots_and_published_results, paper_and_results);

async fn live(app: &TestApp) {
    let fx = setup(app, &[("mode", "simple"), ("envelope", "1000")]).await;
    let mut v = voter(app).await;
    post_owned(&mut v, &format!("/votes/{}", fx.vote), &choices(&fx.props[..1])).await;
    let mut anon = app.client();
    let page = anon.get(&format!("/projects/{}/live", fx.slug)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.text("#live-voters"), "1");
    // The event stream sends the figure at once.
    let req = axum::http::Request::builder()
        .uri(format!("/projects/{}/live/events", fx.slug))
        .body(axum::body::Body::empty())
        .unwrap();
    use tower::ServiceExt;
    let res = app
        .state
        .router()
        .layer(axum::extract::connect_info::MockConnectInfo(
            std::net::SocketAddr::from(([10, 9, 9, 9], 1)),
        ))
        .oneshot(req)
        .await
        .unwrap();
    assert_eq!(res.headers()["content-type"], "text/event-stream");
    let mut body = res.into_body();
    use http_body_util::BodyExt;
    let frame = tokio::time::timeout(std::time::Duration::from_secs(5), body.frame())
        .await
        .expect("an event within 5 s")
        .unwrap()
        .unwrap();
    let text = String::from_utf8(frame.into_data().unwrap().to_vec()).unwrap();
    assert!(text.contains("event: voters") && text.contains("data: 1"), "{text}");
    // A second voter: the next event carries 2 within about a second.
    let mut w = voter(app).await;
    post_owned(&mut w, &format!("/votes/{}", fx.vote), &choices(&fx.props[..1])).await;
    let frame = tokio::time::timeout(std::time::Duration::from_secs(5), body.frame())
        .await
        .expect("an update within 5 s")
        .unwrap()
        .unwrap();
    let text = String::from_utf8(frame.into_data().unwrap().to_vec()).unwrap();
    assert!(text.contains("data: 2"), "{text}");
}
engine_test!(live_counter_streams_voters, live);
