//! Two `participe serve` processes on one PostgreSQL database: a vote cast
//! on one shows on the live counters served by the other within a second.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use participe::security::{random_token, token_hash};
use participe::storage::{Db, projects, sessions, steps, users, votes};
use participe_domain::Role;

const BIN: &str = env!("CARGO_BIN_EXE_participe");

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Sends one request and returns the status line's code.
fn request(port: u16, raw: &str) -> u16 {
    let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)) else {
        return 0;
    };
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    s.write_all(raw.as_bytes()).unwrap();
    let mut buf = String::new();
    let _ = s.read_to_string(&mut buf);
    buf.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0)
}

fn serve(url: &str) -> (Server, u16) {
    let (server, port) = spawn_server(url);
    wait_ready(port);
    (server, port)
}

/// Starts a server without waiting for it.
fn spawn_server(url: &str) -> (Server, u16) {
    let port = free_port();
    let dir = tempfile::tempdir().unwrap();
    let child = Command::new(BIN)
        .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--database-url", url])
        .current_dir(dir.path())
        .env("PARTICIPE_DATA_DIR", dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::mem::forget(dir);
    (Server(child), port)
}

fn wait_ready(port: u16) {
    let start = Instant::now();
    while request(port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") != 200 {
        assert!(start.elapsed() < Duration::from_secs(30), "server did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Reads events from an open stream until one `counters` event's `votes`
/// satisfies `want`; returns that value.
fn next_votes(lines: &mut impl BufRead, want: impl Fn(i64) -> bool) -> i64 {
    let mut event = String::new();
    loop {
        let mut line = String::new();
        assert!(lines.read_line(&mut line).unwrap() > 0, "stream closed");
        let line = line.trim_end();
        if let Some(e) = line.strip_prefix("event: ") {
            event = e.to_string();
        } else if let Some(d) = line.strip_prefix("data: ")
            && event == "counters"
        {
            let v: serde_json::Value = serde_json::from_str(d).unwrap();
            let n = v["votes"].as_i64().unwrap();
            if want(n) {
                return n;
            }
        }
    }
}

#[test]
fn a_vote_on_one_server_updates_the_counters_of_another_within_a_second() {
    let Ok(base) = std::env::var("TEST_PG_URL") else {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "CI=true but TEST_PG_URL is not set"
        );
        eprintln!("SKIPPED: two servers on PostgreSQL (set TEST_PG_URL)");
        return;
    };
    let rt = tokio::runtime::Runtime::new().unwrap();
    let url = rt.block_on(fresh_schema(&base, "cluster"));
    // The demo, with its open vote, and a voter who meets its requirements.
    let (vote, choice, session) = rt.block_on(async {
        let db = Db::connect(&url).await.unwrap();
        participe::demo::load(&db).await.unwrap();
        let project = projects::by_slug(&db, "budget-participatif-2026")
            .await
            .unwrap()
            .unwrap();
        let vote = steps::of_project(&db, project.id, true)
            .await
            .unwrap()
            .into_iter()
            .find(|s| s.step_type == "vote")
            .unwrap()
            .id;
        let settings = votes::settings(&db, vote).await.unwrap();
        let choice = votes::candidates(&db, &settings).await.unwrap()[0].id;
        let voter = users::create(
            &db,
            &users::NewUser {
                email: "votante.cluster@example.org",
                display_name: "Votante",
                password_hash: "!",
                role: Role::Participant,
                locale: "fr",
                confirmed: true,
            },
        )
        .await
        .unwrap();
        users::set_birth_date(&db, voter, chrono::NaiveDate::from_ymd_opt(1990, 1, 1).unwrap())
            .await
            .unwrap();
        votes::accept_rules(&db, vote, voter).await.unwrap();
        let token = random_token();
        sessions::create(
            &db,
            &token_hash(&token),
            voter,
            participe::storage::now() + chrono::Duration::hours(1),
            "",
        )
        .await
        .unwrap();
        (vote, choice, token)
    });
    let (_a, port_a) = serve(&url);
    let (_b, port_b) = serve(&url);

    // Follow the project's counters on server B.
    let mut stream = TcpStream::connect(("127.0.0.1", port_b)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        stream,
        "GET /projects/budget-participatif-2026/counters HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    let mut lines = BufReader::new(stream);
    let before = next_votes(&mut lines, |_| true);

    // Vote on server A.
    let csrf = random_token();
    let body = format!("_csrf={csrf}&choice={choice}");
    let status = request(
        port_a,
        &format!(
            "POST /votes/{vote} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
             Cookie: participe_session={session}; participe_csrf={csrf}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ),
    );
    assert_eq!(status, 303, "the vote is recorded by server A");
    let acknowledged = Instant::now();
    let after = next_votes(&mut lines, |n| n > before);
    let delay = acknowledged.elapsed();
    assert_eq!(after, before + 1);
    assert!(
        delay < Duration::from_secs(1),
        "server B showed the vote after {delay:?}"
    );
    eprintln!(
        "server B showed the vote {} ms after server A acknowledged it",
        delay.as_millis()
    );
}

/// A PostgreSQL schema of its own, migrated; returns its URL.
async fn fresh_schema(base: &str, prefix: &str) -> String {
    let schema = format!("{prefix}_{}", &random_token()[..12]);
    let sep = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{sep}options=-c%20search_path%3D{schema}");
    let admin = Db::connect(base).await.unwrap();
    participe::on_db!(&admin, |p| sqlx::query(sqlx::AssertSqlSafe(format!(
        "CREATE SCHEMA {schema}"
    )))
    .execute(p)
    .await
    .map(|_| ()))
    .unwrap();
    let db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    url
}

#[test]
fn two_servers_archive_each_petition_once() {
    let Ok(base) = std::env::var("TEST_PG_URL") else {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "CI=true but TEST_PG_URL is not set"
        );
        eprintln!("SKIPPED: two servers archiving petitions on PostgreSQL (set TEST_PG_URL)");
        return;
    };
    const PETITIONS: usize = 20;
    let rt = tokio::runtime::Runtime::new().unwrap();
    // A petition step whose 20 petitions were published 40 days ago, below
    // the threshold, with archiving after 30 days: all due.
    let (url, author_email) = rt.block_on(async {
        use participe::storage::{petitions, proposals};
        use participe_domain::project::{ProjectInput, Visibility};
        let url = fresh_schema(&base, "archive").await;
        let db = Db::connect(&url).await.unwrap();
        let project = projects::create(
            &db,
            &ProjectInput {
                title: "Pétitions".into(),
                slug: "petitions".into(),
                summary: String::new(),
                description: String::new(),
                visibility: Visibility::Public,
            },
        )
        .await
        .unwrap();
        let now = participe::storage::now();
        let step = steps::create(
            &db,
            project,
            &steps::StepData {
                title: "Pétitions",
                step_type: participe_domain::step::StepType::Collect,
                body: "",
                starts_at: Some(now - chrono::Duration::days(100)),
                ends_at: Some(now + chrono::Duration::days(100)),
                published: true,
            },
        )
        .await
        .unwrap();
        let settings = participe_domain::petition::PetitionSettings {
            threshold: 100,
            answer_days: 60,
            archive_days: Some(30),
            checks: Default::default(),
        };
        petitions::save_settings(&db, step, &settings).await.unwrap();
        let email = "autrice.cluster@example.org";
        let author = users::create(
            &db,
            &users::NewUser {
                email,
                display_name: "Autrice",
                password_hash: "!",
                role: Role::Participant,
                locale: "fr",
                confirmed: true,
            },
        )
        .await
        .unwrap();
        for n in 0..PETITIONS {
            let input = participe_domain::proposal::ProposalInput {
                title: format!("Pétition {n}"),
                ..Default::default()
            };
            let id = proposals::create_draft(&db, step, author, &input).await.unwrap();
            proposals::submit(&db, id).await.unwrap();
            petitions::backdate(&db, id, now - chrono::Duration::days(40), None, 60, None)
                .await
                .unwrap();
        }
        db.close().await;
        (url, email)
    });
    // Both servers start at once; each one's scheduler archives at start.
    let (_a, port_a) = spawn_server(&url);
    let (_b, port_b) = spawn_server(&url);
    wait_ready(port_a);
    wait_ready(port_b);
    let (archived, emails) = rt.block_on(async {
        let db = Db::connect(&url).await.unwrap();
        let start = Instant::now();
        let count = |sql: &'static str| {
            let db = db.clone();
            async move { participe::on_db!(&db, |p| sqlx::query_scalar::<_, i64>(sql).fetch_one(p).await).unwrap() }
        };
        while count("SELECT COUNT(*) FROM proposals WHERE archived_at IS NOT NULL").await < PETITIONS as i64 {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "the petitions were not archived"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // Leave the slower server time to finish its own pass.
        tokio::time::sleep(Duration::from_secs(2)).await;
        let archived = count("SELECT COUNT(*) FROM proposals WHERE archived_at IS NOT NULL").await;
        let emails: i64 = participe::on_db!(&db, |p| sqlx::query_scalar(
            "SELECT COUNT(*) FROM outbox WHERE to_address = $1 AND subject LIKE '%archivée%'"
        )
        .bind(author_email)
        .fetch_one(p)
        .await)
        .unwrap();
        (archived, emails)
    });
    assert_eq!(archived, PETITIONS as i64);
    assert_eq!(
        emails, PETITIONS as i64,
        "one email per archived petition, whichever server archived it"
    );
}
