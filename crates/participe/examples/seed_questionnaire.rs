//! Benchmark helper: a fresh database with one open questionnaire (the
//! demo's questions, several replies per person), R replies already sent,
//! and N signed-in respondents, for `bench/questionnaire.sh`.
//!
//! cargo run --release --example seed_questionnaire -- --database-url URL [--respondents N] [--replies R]
//!
//! Standard output: line 1 the questionnaire step id, line 2 a valid reply as
//! an urlencoded body (without `_csrf`), then one session token per
//! respondent (cookie `participe_session`).

use std::io::Write;

use clap::Parser;
use futures_util::{StreamExt, TryStreamExt, stream};
use participe::demo_questionnaire::{Rng, add_questions, random_pairs};
use participe::security::{random_token, token_hash};
use participe::storage::questionnaires::{self, NewReply};
use participe::storage::{Db, Engine, forms, projects, sessions, steps, users};
use participe_domain::Role;
use participe_domain::form::parse_answers;
use participe_domain::project::{ProjectInput, Visibility};
use participe_domain::questionnaire::{Kind, Settings};
use participe_domain::step::StepType;
use participe_domain::vote::AGE_BANDS;

#[derive(Parser)]
#[command(about = "Seed a database with an open questionnaire, its replies and signed-in respondents")]
struct Args {
    #[arg(long)]
    database_url: String,
    #[arg(long, default_value_t = 64)]
    respondents: usize,
    #[arg(long, default_value_t = 100_000)]
    replies: u64,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let start = std::time::Instant::now();
    let db = Db::connect(&args.database_url).await?;
    db.migrate().await?;
    let project = projects::create(
        &db,
        &ProjectInput {
            title: "Questionnaire (banc d'essai)".into(),
            slug: "bench-questionnaire".into(),
            summary: "Projet créé par examples/seed_questionnaire.rs".into(),
            description: String::new(),
            visibility: Visibility::Public,
        },
    )
    .await?;
    let now = chrono::Utc::now();
    let day = chrono::Duration::days(1);
    let step = steps::create(
        &db,
        project,
        &steps::StepData {
            title: "Questionnaire",
            step_type: StepType::Questionnaire,
            body: "",
            starts_at: Some(now - day),
            ends_at: Some(now + day * 30),
            published: true,
        },
    )
    .await?;
    let q = questionnaires::get_or_create(&db, step).await?;
    let settings = Settings {
        kind: Kind::Survey,
        multiple_replies: true,
        results_public: true,
        requirements: participe_domain::vote::Requirements {
            confirmed_email: true,
            ..Default::default()
        },
        ..Default::default()
    };
    questionnaires::save_settings(&db, step, &settings).await?;
    add_questions(&db, q.form_id).await?;
    let questions = forms::questions(&db, q.form_id).await?;
    let parallel = match db.engine() {
        Engine::Sqlite => 1,
        Engine::Postgres => 8,
    };
    let today = now.date_naive();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut replies = Vec::with_capacity(args.replies as usize);
    for i in 0..args.replies {
        let pairs = random_pairs(&mut rng, &questions, i);
        let answers = parse_answers(&questions, &pairs).map_err(|e| anyhow::anyhow!("answers: {e:?}"))?;
        let stored: Vec<(i64, String)> = answers.iter().map(|(q, a)| (*q, a.to_storage())).collect();
        replies.push((stored, AGE_BANDS[1 + rng.below(6) as usize]));
    }
    stream::iter(replies.iter())
        .map(|(stored, band)| {
            let db = &db;
            async move {
                questionnaires::save_reply(
                    db,
                    &NewReply {
                        step_id: step,
                        user_id: None,
                        kind: Kind::Survey,
                        once: false,
                        draft: false,
                        channel: "online",
                        district_id: None,
                        age_band: Some(band),
                        answers: stored,
                        today,
                    },
                )
                .await
            }
        })
        .buffer_unordered(parallel)
        .try_collect::<Vec<_>>()
        .await?;
    eprintln!(
        "seed_questionnaire: {} replies in {:.1}s",
        args.replies,
        start.elapsed().as_secs_f64()
    );
    let expires = participe::storage::now() + day * 7;
    let tokens: Vec<String> = stream::iter(0..args.respondents)
        .map(|i| {
            let db = &db;
            async move {
                let user = users::create(
                    db,
                    &users::NewUser {
                        email: &format!("repondant-{i}@bench.invalid"),
                        display_name: &format!("Répondant {i}"),
                        password_hash: "!",
                        role: Role::Participant,
                        locale: "fr",
                        confirmed: true,
                    },
                )
                .await?;
                let token = random_token();
                sessions::create(db, &token_hash(&token), user, expires, "seed_questionnaire").await?;
                Ok::<_, anyhow::Error>(token)
            }
        })
        .buffered(parallel)
        .try_collect()
        .await?;
    db.close().await;
    let body = serde_urlencoded::to_string(random_pairs(&mut rng, &questions, 0))?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(out, "{step}")?;
    writeln!(out, "{body}&action=submit")?;
    for t in &tokens {
        writeln!(out, "{t}")?;
    }
    out.flush()?;
    eprintln!("seed_questionnaire: done in {:.1}s", start.elapsed().as_secs_f64());
    Ok(())
}
