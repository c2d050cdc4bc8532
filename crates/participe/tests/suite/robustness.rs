//! Property tests at the HTTP level: arbitrary input to every form never
//! crashes the server (no 5xx) and, when rejected, stores nothing.

use crate::common;

use common::{Client, TestApp};
use participe::storage::Engine;
use participe_domain::Role;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Text that mixes plausible values with arbitrary Unicode and control characters.
fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-z]{1,12}",
        "[a-z0-9._%+-]{1,10}@[a-z]{1,8}\\.[a-z]{2,3}",
        "#[0-9a-fA-F]{3,6}",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}",
        "\\PC{0,300}",
        any::<String>(),
    ]
}

struct Harness {
    rt: tokio::runtime::Runtime,
    app: TestApp,
}

impl Harness {
    fn new() -> Harness {
        let rt = tokio::runtime::Runtime::new().unwrap();
        let app = rt.block_on(TestApp::new(Engine::Sqlite));
        Harness { rt, app }
    }

    fn admin(&self) -> Client {
        self.rt.block_on(self.app.logged_in(Role::Administrator))
    }

    fn count(&self, table: &str) -> i64 {
        self.rt.block_on(self.app.count(table))
    }
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

#[test]
fn signup_form() {
    let h = Harness::new();
    runner(40)
        .run(
            &(field(), field(), field(), any::<bool>()),
            |(name, email, password, terms)| {
                let before = (h.count("users"), h.count("outbox"));
                let mut fields = vec![
                    ("display_name", name.as_str()),
                    ("email", email.as_str()),
                    ("password", password.as_str()),
                ];
                if terms {
                    fields.push(("terms", "on"));
                }
                let res = h.rt.block_on(async { h.app.client().post("/signup", &fields).await });
                prop_assert!(!res.status.is_server_error(), "{}", res.status);
                if res.status.is_success() {
                    prop_assert_eq!(h.count("users"), before.0 + 1);
                } else {
                    prop_assert_eq!((h.count("users"), h.count("outbox")), before);
                }
                Ok(())
            },
        )
        .unwrap();
}

#[test]
fn project_and_step_forms() {
    let h = Harness::new();
    let admin = h.admin();
    runner(40)
        .run(
            &(field(), field(), field(), field(), field()),
            |(title, slug, summary, visibility, theme)| {
                let before = h.count("projects");
                let fields = [
                    ("title", title.as_str()),
                    ("slug", slug.as_str()),
                    ("summary", summary.as_str()),
                    ("visibility", visibility.as_str()),
                    ("themes", theme.as_str()),
                ];
                let res = h.rt.block_on(admin.clone().post("/admin/projects/new", &fields));
                prop_assert!(!res.status.is_server_error(), "{}", res.status);
                let created = i64::from(res.status.is_redirection());
                prop_assert_eq!(h.count("projects"), before + created);
                Ok(())
            },
        )
        .unwrap();

    let id = h.rt.block_on(async {
        let res = admin
            .clone()
            .post("/admin/projects/new", &[("title", "Cible"), ("visibility", "public")])
            .await;
        res.location().trim_start_matches("/admin/projects/").to_string()
    });
    runner(60)
        .run(&(field(), field(), field(), field()), |(title, kind, start, end)| {
            let before = h.count("steps");
            let fields = [
                ("title", title.as_str()),
                ("step_type", kind.as_str()),
                ("starts_at", start.as_str()),
                ("ends_at", end.as_str()),
            ];
            let res =
                h.rt.block_on(admin.clone().post(&format!("/admin/projects/{id}/steps/new"), &fields));
            prop_assert!(!res.status.is_server_error(), "{}", res.status);
            prop_assert_eq!(h.count("steps"), before + i64::from(res.status.is_redirection()));
            Ok(())
        })
        .unwrap();
}

#[test]
fn branding_form_and_uploads() {
    let h = Harness::new();
    let admin = h.admin();
    let org = || h.rt.block_on(participe::storage::org::get(h.app.db())).unwrap();
    runner(40)
        .run(&(field(), field(), field()), |(name, primary, secondary)| {
            let before = org();
            let fields = [
                ("name", name.as_str()),
                ("primary_colour", primary.as_str()),
                ("secondary_colour", secondary.as_str()),
            ];
            let res = h.rt.block_on(admin.clone().post("/admin/settings", &fields));
            prop_assert!(!res.status.is_server_error(), "{}", res.status);
            if !res.status.is_redirection() {
                let after = org();
                prop_assert_eq!(
                    (after.name, after.primary_colour, after.secondary_colour),
                    (before.name, before.primary_colour, before.secondary_colour)
                );
            }
            Ok(())
        })
        .unwrap();

    let header = prop_oneof![
        Just(common::PNG[..16].to_vec()),
        Just(b"\xFF\xD8\xFF".to_vec()),
        Just(b"GIF89a".to_vec()),
        Just(vec![])
    ];
    runner(40)
        .run(
            &(header, proptest::collection::vec(any::<u8>(), 0..256)),
            |(mut bytes, tail)| {
                bytes.extend(tail);
                let before = org().logo_path;
                let res =
                    h.rt.block_on(admin.clone().upload("/admin/settings/logo", "logo", "x.png", &bytes));
                prop_assert!(!res.status.is_server_error(), "{}", res.status);
                if !res.status.is_redirection() {
                    prop_assert_eq!(org().logo_path, before);
                }
                Ok(())
            },
        )
        .unwrap();
}

#[test]
fn raw_bodies() {
    let h = Harness::new();
    runner(60)
        .run(&proptest::collection::vec(any::<u8>(), 0..400), |body| {
            let before = h.count("users");
            let res = h.rt.block_on(async {
                let mut c = h.app.client();
                let token = c.csrf().await;
                let mut b = format!("_csrf={token}&").into_bytes();
                b.extend(body);
                c.request(
                    axum::http::Method::POST,
                    "/signup",
                    Some("application/x-www-form-urlencoded"),
                    b,
                )
                .await
            });
            prop_assert!(!res.status.is_server_error(), "{}", res.status);
            prop_assert_eq!(h.count("users"), before);
            Ok(())
        })
        .unwrap();
}

/// A form field name of the vote forms, or an arbitrary one.
fn vote_key() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("choice".to_string()),
        "rank-[0-9]{1,3}",
        Just("district".to_string()),
        Just("voter_district".to_string()),
        Just("tally_voters".to_string()),
        "tally-[0-9]{1,3}",
        "\\PC{0,20}",
    ]
}

/// A vote value: an id-like number, a rank, or anything.
fn vote_value() -> impl Strategy<Value = String> {
    prop_oneof!["[0-9]{1,3}", "-?[0-9]{1,20}", field()]
}

#[test]
fn vote_forms() {
    let h = Harness::new();
    let mut admin = h.admin();
    let step = h.rt.block_on(async {
        let res = admin
            .post("/admin/projects/new", &[("title", "Vote"), ("visibility", "public")])
            .await;
        let project: i64 = res.location().trim_start_matches("/admin/projects/").parse().unwrap();
        let res = admin
            .post(
                &format!("/admin/projects/{project}/steps/new"),
                &[("title", "Vote"), ("step_type", "vote"), ("published", "on")],
            )
            .await;
        assert!(res.status.is_redirection(), "{}", res.body);
        let step = participe::storage::steps::of_project(h.app.db(), project, true)
            .await
            .unwrap()
            .pop()
            .unwrap()
            .id;
        let res = admin
            .post(
                &format!("/admin/steps/{step}/vote"),
                &[
                    ("mode", "ranking"),
                    ("source", "admissible"),
                    ("envelope", "1000"),
                    ("max_choices", "3"),
                    ("counting_rule", "greedy"),
                ],
            )
            .await;
        assert!(res.status.is_redirection(), "{}", res.body);
        step
    });
    // Arbitrary configurations: never a server error; a refused one changes nothing.
    runner(40)
        .run(
            &(field(), field(), field(), field(), field(), field(), any::<bool>()),
            |(mode, envelope, min, max, rule, codes, per_district)| {
                let before =
                    h.rt.block_on(participe::storage::votes::settings(h.app.db(), step))
                        .unwrap();
                let mut fields = vec![
                    ("mode", mode.as_str()),
                    ("source", "admissible"),
                    ("envelope", envelope.as_str()),
                    ("min_choices", min.as_str()),
                    ("max_choices", max.as_str()),
                    ("counting_rule", rule.as_str()),
                    ("req_postal_codes", codes.as_str()),
                ];
                if per_district {
                    fields.push(("per_district", "on"));
                }
                let res =
                    h.rt.block_on(admin.clone().post(&format!("/admin/steps/{step}/vote"), &fields));
                prop_assert!(!res.status.is_server_error(), "{}", res.status);
                if !res.status.is_redirection() {
                    let after =
                        h.rt.block_on(participe::storage::votes::settings(h.app.db(), step))
                            .unwrap();
                    prop_assert_eq!(format!("{before:?}"), format!("{after:?}"));
                }
                Ok(())
            },
        )
        .unwrap();
    // Arbitrary ballots, requirement answers, paper ballots and tallies.
    let voter = h.rt.block_on(h.app.logged_in(Role::Participant));
    let pairs = proptest::collection::vec((vote_key(), vote_value()), 0..6);
    runner(60)
        .run(&(pairs, 0usize..4), |(pairs, target)| {
            let path = match target {
                0 => format!("/votes/{step}"),
                1 => format!("/votes/{step}/requirements"),
                2 => format!("/votes/{step}/paper"),
                _ => format!("/votes/{step}/tallies"),
            };
            let before = (h.count("ballots"), h.count("paper_tallies"));
            let fields: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let who = if target >= 2 { admin.clone() } else { voter.clone() };
            let res = h.rt.block_on(async move {
                let mut c = who;
                c.post(&path, &fields).await
            });
            prop_assert!(!res.status.is_server_error(), "{} {}", res.status, res.body);
            if !res.status.is_redirection() {
                prop_assert_eq!((h.count("ballots"), h.count("paper_tallies")), before);
            }
            Ok(())
        })
        .unwrap();
}
