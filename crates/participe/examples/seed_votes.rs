//! Benchmark helper: a fresh database with one open vote step and N voters
//! who are already signed in, for `bench/votes.sh` and `bench/crash.sh`.
//!
//! cargo run --release --example seed_votes -- --database-url URL [--voters N]
//!
//! It migrates the database, then creates one public project with a closed
//! collect step holding 20 admissible proposals (costs 10,000 to 200,000), an
//! open vote step (simple mode, 1 to 3 choices, envelope 1,000,000, the only
//! requirement a confirmed email) and N confirmed participants, each with a
//! session valid for 7 days. The database must be empty (the project's slug
//! would clash otherwise).
//!
//! Standard output, machine-readable (progress goes to standard error):
//!   line 1: the vote step id (ballots go to POST /votes/ID)
//!   line 2: the proposal ids on the ballot, comma-separated
//!   then:   one session token per voter (cookie `participe_session`), in
//!           the order the voters were created
//!
//! The database stores only the SHA-256 of each token (`sessions.token_hash`),
//! so a voter's ballots are found with
//! `sessions JOIN ballots ON ballots.voter_id = sessions.user_id`.

use std::io::Write;

use clap::Parser;
use futures_util::{StreamExt, TryStreamExt, stream};
use participe::security::{random_token, token_hash};
use participe::storage::{Db, Engine, projects, proposals, sessions, steps, users, votes};
use participe_domain::Role;
use participe_domain::analysis::Outcome;
use participe_domain::project::{ProjectInput, Visibility};
use participe_domain::proposal::ProposalInput;
use participe_domain::step::StepType;
use participe_domain::vote_config::{RawVoteConfig, VoteConfig};

#[derive(Parser)]
#[command(about = "Seed a database with an open vote step and signed-in voters")]
struct Args {
    /// `sqlite://FILE` (created if missing) or `postgres://…` (an empty database).
    #[arg(long)]
    database_url: String,
    /// Number of voters (each gets a confirmed account and a session).
    #[arg(long, default_value_t = 64)]
    voters: usize,
}

/// Number of proposals on the ballot.
const PROPOSALS: i64 = 20;
/// Voters created at the same time on PostgreSQL. SQLite takes them one at
/// a time: its writers would only wait for each other's lock.
const PG_PARALLEL: usize = 8;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let start = std::time::Instant::now();
    let db = Db::connect(&args.database_url).await?;
    db.migrate().await?;

    let project = projects::create(
        &db,
        &ProjectInput {
            title: "Budget participatif (banc d'essai des votes)".into(),
            slug: "bench-votes".into(),
            summary: "Projet créé par examples/seed_votes.rs".into(),
            description: String::new(),
            visibility: Visibility::Public,
        },
    )
    .await?;
    let now = chrono::Utc::now();
    let day = chrono::Duration::days(1);
    let collect = steps::create(
        &db,
        project,
        &steps::StepData {
            title: "Dépôt des propositions",
            step_type: StepType::Collect,
            body: "",
            starts_at: Some(now - day * 60),
            ends_at: Some(now - day * 30),
            published: true,
        },
    )
    .await?;
    let vote = steps::create(
        &db,
        project,
        &steps::StepData {
            title: "Vote",
            step_type: StepType::Vote,
            body: "",
            starts_at: Some(now - day),
            ends_at: Some(now + day * 30),
            published: true,
        },
    )
    .await?;

    let author = users::create(
        &db,
        &users::NewUser {
            email: "auteur@bench.invalid",
            display_name: "Autrice des propositions",
            password_hash: "!",
            role: Role::Participant,
            locale: "fr",
            confirmed: true,
        },
    )
    .await?;
    let mut ids = Vec::new();
    for i in 0..PROPOSALS {
        let input = ProposalInput {
            title: format!("Proposition {}", i + 1),
            summary: format!("Aménagement numéro {} du quartier.", i + 1),
            // 10,000 to 200,000 in steps of 10,000.
            cost: Some(10_000 * (i + 1)),
            ..Default::default()
        };
        let id = proposals::create_draft(&db, collect, author, &input).await?;
        proposals::submit(&db, id).await?;
        proposals::decide(&db, id, Outcome::Admissible, None).await?;
        ids.push(id);
    }

    let config = VoteConfig::parse(&RawVoteConfig {
        mode: "simple",
        source: "admissible",
        min_choices: "",
        max_choices: "3",
        envelope: "1000000",
        req_confirmed_email: true,
        counting_rule: "greedy",
        territorial_k: "1",
        ..Default::default()
    })
    .map_err(|e| anyhow::anyhow!("invalid vote configuration: {e:?}"))?;
    votes::save_settings(&db, vote, &config, Some(collect)).await?;
    let settings = votes::settings(&db, vote).await?;
    let on_ballot = votes::candidates(&db, &settings).await?.len();
    anyhow::ensure!(
        on_ballot == ids.len(),
        "{on_ballot} proposals on the ballot, expected {}",
        ids.len()
    );

    let expires = participe::storage::now() + day * 7;
    let parallel = match db.engine() {
        Engine::Sqlite => 1,
        Engine::Postgres => PG_PARALLEL,
    };
    let tokens: Vec<String> = stream::iter(0..args.voters)
        .map(|i| {
            let db = &db;
            async move {
                let user = users::create(
                    db,
                    &users::NewUser {
                        email: &format!("votant-{i}@bench.invalid"),
                        display_name: &format!("Votant {i}"),
                        password_hash: "!",
                        role: Role::Participant,
                        locale: "fr",
                        confirmed: true,
                    },
                )
                .await?;
                let token = random_token();
                sessions::create(db, &token_hash(&token), user, expires, "seed_votes").await?;
                Ok::<_, anyhow::Error>(token)
            }
        })
        .buffered(parallel)
        .try_collect()
        .await?;
    db.close().await;

    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    writeln!(out, "{vote}")?;
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    writeln!(out, "{}", list.join(","))?;
    for t in &tokens {
        writeln!(out, "{t}")?;
    }
    out.flush()?;
    eprintln!(
        "seed_votes: vote step {vote}, {} proposals, {} voters with a session, in {:.1}s",
        ids.len(),
        tokens.len(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}
