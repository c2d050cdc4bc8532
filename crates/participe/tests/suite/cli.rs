//! The `participe` binary itself: help, migrate, users create, and serve
//! with the demo on a real port.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_participe");

fn run(args: &[&str], stdin: &str, dir: &std::path::Path) -> (bool, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("PARTICIPE_DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn help_documents_every_flag_and_its_variable() {
    let dir = tempfile::tempdir().unwrap();
    let (ok, out) = run(&["serve", "--help"], "", dir.path());
    assert!(ok);
    for flag in [
        "--bind",
        "--database-url",
        "--demo",
        "--public-url",
        "--smtp-url",
        "PARTICIPE_DATABASE_URL",
        "PARTICIPE_BIND",
    ] {
        assert!(out.contains(flag), "{flag} missing from help:\n{out}");
    }
    let (ok, out) = run(&["--help"], "", dir.path());
    assert!(ok);
    for cmd in ["serve", "migrate", "demo", "users"] {
        assert!(out.contains(cmd));
    }
}

#[test]
fn users_create_reads_the_password_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("cli.db").display());
    let (ok, out) = run(&["migrate", "--database-url", &url], "", dir.path());
    assert!(ok, "{out}");
    let (ok, out) = run(
        &[
            "users",
            "create",
            "--database-url",
            &url,
            "--email",
            "boss@example.org",
            "--name",
            "Boss",
            "--role",
            "administrator",
        ],
        "a very long password\n",
        dir.path(),
    );
    assert!(ok, "{out}");
    assert!(out.contains("created administrator account"));
    let (ok, out) = run(
        &[
            "users",
            "create",
            "--database-url",
            &url,
            "--email",
            "boss@example.org",
            "--name",
            "Boss",
            "--role",
            "administrator",
        ],
        "a very long password\n",
        dir.path(),
    );
    assert!(!ok && out.contains("already uses this email"), "{out}");
    let (ok, out) = run(
        &[
            "users",
            "create",
            "--database-url",
            &url,
            "--email",
            "x@example.org",
            "--name",
            "X",
            "--role",
            "king",
        ],
        "a very long password\n",
        dir.path(),
    );
    assert!(!ok && out.contains("unknown role"), "{out}");
    let (ok, out) = run(
        &[
            "users",
            "create",
            "--database-url",
            &url,
            "--email",
            "y@example.org",
            "--name",
            "Y",
        ],
        "short\n",
        dir.path(),
    );
    assert!(!ok && out.contains("at least 10"), "{out}");
}

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

fn http_get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").ok()?;
    let mut buf = String::new();
    s.read_to_string(&mut buf).ok()?;
    let status = buf.split_whitespace().nth(1)?.parse().ok()?;
    Some((status, buf))
}

fn serve(dir: &std::path::Path, extra: &[&str]) -> (Server, u16) {
    let port = free_port();
    let bind = format!("127.0.0.1:{port}");
    let mut args = vec!["serve", "--bind", &bind];
    args.extend_from_slice(extra);
    let child = Command::new(BIN)
        .args(&args)
        .current_dir(dir)
        .env_remove("PARTICIPE_DATABASE_URL")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Server(child);
    let start = Instant::now();
    while http_get(port, "/healthz").is_none() {
        assert!(start.elapsed() < Duration::from_secs(30), "server did not start");
        std::thread::sleep(Duration::from_millis(100));
    }
    (server, port)
}

fn count_projects(db: &std::path::Path) -> i64 {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let db = participe::storage::Db::connect(&format!("sqlite://{}", db.display()))
            .await
            .unwrap();
        participe::storage::projects::list_all(&db).await.unwrap().len() as i64
    })
}

#[test]
fn serve_with_demo_on_the_default_sqlite_file() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (_server, port) = serve(dir.path(), &["--demo"]);
        let (status, body) = http_get(port, "/healthz").unwrap();
        assert_eq!(status, 200);
        assert!(body.contains(r#"{"database":"sqlite","status":"ok"}"#), "{body}");
        let (status, body) = http_get(port, "/").unwrap();
        assert_eq!(status, 200);
        assert!(body.contains("Ville de Démo"));
    }
    assert!(
        dir.path().join("participe.db").exists(),
        "default database file in the working directory"
    );
    let first = count_projects(&dir.path().join("participe.db"));
    // A second start with --demo adds nothing.
    {
        let (_server, port) = serve(dir.path(), &["--demo"]);
        assert_eq!(http_get(port, "/healthz").unwrap().0, 200);
    }
    assert_eq!(count_projects(&dir.path().join("participe.db")), first);
}

#[test]
fn serve_on_postgres_names_the_engine() {
    let Ok(url) = std::env::var("TEST_PG_URL") else {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "CI=true but TEST_PG_URL is not set"
        );
        eprintln!("SKIPPED: PostgreSQL serve test (set TEST_PG_URL)");
        return;
    };
    // A schema of its own, so runs never see each other's tables.
    let schema = format!("cli_{}", &participe::security::random_token()[..12]);
    tokio::runtime::Runtime::new().unwrap().block_on(async {
        let db = participe::storage::Db::connect(&url).await.unwrap();
        participe::on_db!(&db, |p| sqlx::query(sqlx::AssertSqlSafe(format!(
            "CREATE SCHEMA {schema}"
        )))
        .execute(p)
        .await
        .map(|_| ()))
        .unwrap();
    });
    let sep = if url.contains('?') { '&' } else { '?' };
    let url = format!("{url}{sep}options=-c%20search_path%3D{schema}");
    let dir = tempfile::tempdir().unwrap();
    let (_server, port) = serve(dir.path(), &["--database-url", &url, "--demo"]);
    let (status, body) = http_get(port, "/healthz").unwrap();
    assert_eq!(status, 200);
    assert!(body.contains(r#""database":"postgres""#), "{body}");
    assert!(http_get(port, "/").unwrap().1.contains("Ville de Démo"));
}

/// `participe pb count` gives the reference's selections on small real
/// elections (every instance and rule is checked by the domain crate's
/// tests/pb_instances.rs; this checks the command itself).
#[test]
fn pb_count_matches_the_reference() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/pb/instances");
    if !dir.exists() {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "CI=true but {} is missing",
            dir.display()
        );
        eprintln!("SKIPPED: {} not found", dir.display());
        return;
    }
    let rules = [
        ("greedy", "greedy_cost"),
        ("greedy-ratio", "greedy_card"),
        ("mes", "mes_cost"),
        ("mes-add1", "mes_cost_add1"),
        ("mes-add1-greedy", "mes_cost_add1_greedy"),
        ("mes-greedy", "mes_cost_greedy"),
        ("phragmen", "phragmen"),
    ];
    let tmp = tempfile::tempdir().unwrap();
    let mut checked = 0;
    for name in [
        "Canada_Stanford_Dataset_PB_Dieppe_2018_vote_approvals",
        "Poland_Warszawa_2019_Marysin_Wawerski_Poludniowy",
    ] {
        let pb = dir.join(format!("{name}.pb"));
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{name}.expected.json"))).unwrap()).unwrap();
        for (rule, key) in rules {
            let Some(entry) = expected["results"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["key"] == key && r["status"] == "ok")
            else {
                continue;
            };
            let (ok, out) = run(
                &["pb", "count", pb.to_str().unwrap(), "--rule", rule, "--format", "json"],
                "",
                tmp.path(),
            );
            assert!(ok, "{name} {rule}: {out}");
            let got: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
            assert_eq!(got["selected"], entry["selected"], "{name} {rule}");
            assert_eq!(got["rule"], rule);
            checked += 1;
        }
        // Every rule on one reading of the file: the same selections.
        let (ok, out) = run(
            &["pb", "count", pb.to_str().unwrap(), "--all-rules", "--format", "json"],
            "",
            tmp.path(),
        );
        assert!(ok, "{name} --all-rules: {out}");
        let all: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        assert!(all["parse_ms"].as_f64().unwrap() > 0.0);
        for (rule, key) in rules {
            let row = all["rules"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["rule"] == rule)
                .unwrap();
            if let Some(entry) = expected["results"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["key"] == key && r["status"] == "ok")
            {
                assert_eq!(row["selected"], entry["selected"], "{name} --all-rules {rule}");
                checked += 1;
            }
        }
        let (ok, table) = run(&["pb", "count", pb.to_str().unwrap(), "--all-rules"], "", tmp.path());
        assert!(
            ok && table.contains("mes-add1-greedy")
                && table.contains("ees-add-opt-skip")
                && table.contains("all rules: "),
            "{table}"
        );
        let (ok, text) = run(
            &["pb", "count", pb.to_str().unwrap(), "--rule", "greedy"],
            "",
            tmp.path(),
        );
        assert!(ok);
        let lines: Vec<&str> = text.lines().collect();
        let want: Vec<&str> = expected["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["key"] == "greedy_cost")
            .unwrap()["selected"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(lines, want, "plain output: one id per line");
    }
    assert!(checked >= 10, "only {checked} rule results compared");
    let (ok, out) = run(&["pb", "count", "/nonexistent.pb", "--rule", "mes"], "", tmp.path());
    assert!(!ok && out.contains("cannot read"), "{out}");
    let (ok, out) = run(
        &[
            "pb",
            "count",
            dir.join("Worldwide_Mechanical_Turk_Knapsack_7.pb").to_str().unwrap(),
            "--rule",
            "magic",
        ],
        "",
        tmp.path(),
    );
    assert!(!ok && out.contains("valid rules"), "{out}");
}

#[test]
fn pb_export_of_the_demo_vote_recounts_to_its_published_winners() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("demo.db").display());
    let (ok, out) = run(&["demo", "--database-url", &url], "", dir.path());
    assert!(ok, "{out}");
    // The 2024 budget's vote is closed and published.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (step, winners, rule) = rt.block_on(async {
        let db = participe::storage::Db::connect(&url).await.unwrap();
        let project = participe::storage::projects::by_slug(&db, "budget-participatif-2024")
            .await
            .unwrap()
            .unwrap();
        let step = participe::storage::steps::of_project(&db, project.id, true)
            .await
            .unwrap()
            .into_iter()
            .find(|s| s.step_type == "vote")
            .unwrap()
            .id;
        let mut winners: Vec<String> = participe::storage::ballots::results(&db, step)
            .await
            .unwrap()
            .into_iter()
            .filter(|r| r.selected)
            .map(|r| r.proposal_id.to_string())
            .collect();
        winners.sort_by(|a, b| participe_domain::pb::natural_cmp(a, b));
        let rule = participe::storage::votes::settings(&db, step)
            .await
            .unwrap()
            .counting_rule;
        (step, winners, rule)
    });
    assert!(!winners.is_empty());
    let file = dir.path().join("vote.pb");
    let (ok, out) = run(
        &[
            "pb",
            "export",
            &step.to_string(),
            "--database-url",
            &url,
            "--output",
            file.to_str().unwrap(),
        ],
        "",
        dir.path(),
    );
    assert!(ok, "{out}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("voting_method") && text.contains("paper") && text.contains("internet"));
    assert!(!text.contains("@"), "no email in the export");
    let (ok, out) = run(
        &[
            "pb",
            "count",
            file.to_str().unwrap(),
            "--rule",
            &rule,
            "--format",
            "json",
        ],
        "",
        dir.path(),
    );
    assert!(ok, "{out}");
    let got: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(got["selected"], serde_json::json!(winners));
    // An unknown step is a clear error.
    let (ok, out) = run(&["pb", "export", "999999", "--database-url", &url], "", dir.path());
    assert!(!ok && out.contains("no vote step with id 999999"), "{out}");
}
